/**
 * Tracebacks that read like IPython's: every frame of cell code becomes `Cell In[n], line L` with
 * the offending line, torchlab's own frames name its TypeScript sources by package-relative paths,
 * and the frames of the kernel, tslab and Node's internals are left out.
 *
 * Cell code reaches V8 as `torchlab-cell-<serial>` (Session gives the compiled script that name)
 * after two compilations; their source maps lead back to the cell's lines.
 */
import * as fs from "fs";
import * as path from "path";
import { packageRoot, type ConversionMaps } from "./resolve";
import { SourceMap } from "./sourcemap";

/** What a traceback needs to know about one executed cell. */
export interface CellRecord {
  /** The IPython prompt number (`In[n]`). */
  label: number | string;
  /** The cell as the user wrote it. */
  lines: string[];
  maps: ConversionMaps | null;
  /** Characters tslab's wrapper puts before the compiled code on its first line. */
  firstLineOffset: number;
  parsed?: { esm: SourceMap | null; cjs: SourceMap | null };
}

export const CELL_FILE_PREFIX = "torchlab-cell-";
/** The script Session runs each compile under, to make it interruptible. */
export const SIGINT_SCOPE_FILE = "torchlab-sigint-scope";

interface Frame {
  fn: string;
  file: string;
  line: number;
  column: number;
}

const FRAME = /^\s*at (?:(.*?) \()?(.+?):(\d+):(\d+)\)?$/;

function parseFrame(text: string): Frame | null {
  const match = FRAME.exec(text);
  if (!match) return null;
  return { fn: match[1] ?? "", file: match[2], line: Number(match[3]), column: Number(match[4]) };
}

/** Frames that are the machinery running the cell, never the user's concern. */
function isMachinery(file: string): boolean {
  return (
    file.startsWith("node:") ||
    /node_modules[\\/]tslab[\\/]/.test(file) ||
    /dist[\\/]kernel[\\/]/.test(file) ||
    file.startsWith("evalmachine.") ||
    file === SIGINT_SCOPE_FILE ||
    file === "native"
  );
}

export class Tracebacks {
  private readonly cells = new Map<number, CellRecord>();
  private readonly libraryMaps = new Map<string, SourceMap | null>();
  private root: string | null = null;

  record(serial: number, cell: CellRecord): void {
    this.cells.set(serial, cell);
  }

  /** `ename: evalue`, then the frames, innermost first as V8 orders them. */
  format(error: Error, ename: string, evalue: string): string[] {
    const header = evalue === "" ? `${ename}: ` : `${ename}: ${evalue}`;
    // A stack formatted while Error.prepareStackTrace was replaced (by the cell, or by a library
    // that a SIGINT stopped before it put it back) is whatever that returned: no frames to show.
    const lines = (typeof error.stack === "string" ? error.stack : "").split("\n");
    // Node prefixes errors thrown from library code with "file:line", the source line and a caret,
    // and the message may span lines: the frames are the lines that parse as frames.
    const out = [header];
    for (const text of lines) {
      if (!/^\s*at /.test(text)) continue;
      const frame = parseFrame(text);
      if (!frame) continue;
      const shown = this.describe(frame, /^\s*at async /.test(text));
      if (shown !== null) out.push(shown);
    }
    return out;
  }

  /**
   * Where a warning raised under `stack` is attributed: the innermost frame of a cell (its prompt
   * label, line and source line), else the innermost frame outside the kernel's machinery (the
   * library line that warned); null when there is neither.
   */
  warningSite(stack: string): { cell: number | string | null; file: string; line: number; source: string } | null {
    let fallback: { cell: null; file: string; line: number; source: string } | null = null;
    for (const text of stack.split("\n")) {
      const frame = /^\s*at /.test(text) ? parseFrame(text) : null;
      if (!frame) continue;
      if (frame.file.startsWith(CELL_FILE_PREFIX)) {
        const cell = this.cells.get(Number(frame.file.slice(CELL_FILE_PREFIX.length)));
        const line = cell ? this.cellLine(cell, frame) : null;
        if (cell && line !== null) return { cell: cell.label, file: "", line, source: cell.lines[line - 1] ?? "" };
        continue;
      }
      if (fallback === null && !isMachinery(frame.file)) {
        const [file, line] = this.libraryPosition(frame).split(/:(?=\d+:\d+$)/);
        fallback = { cell: null, file, line: Number(line.split(":")[0]), source: "" };
      }
    }
    return fallback;
  }

  private describe(frame: Frame, isAsync: boolean): string | null {
    if (frame.file.startsWith(CELL_FILE_PREFIX)) return this.describeCell(frame);
    if (isMachinery(frame.file)) return null;
    const fn = frame.fn.replace(/^async /, "");
    const where = this.libraryPosition(frame);
    return `    at ${isAsync ? "async " : ""}${fn ? `${fn} (${where})` : where}`;
  }

  private describeCell(frame: Frame): string | null {
    const serial = Number(frame.file.slice(CELL_FILE_PREFIX.length));
    const cell = this.cells.get(serial);
    if (!cell) return null;
    const line = this.cellLine(cell, frame);
    if (line === null) return null;
    const fn = frame.fn.replace(/^(async |new )/, "").replace(/^Object\.<anonymous>$/, "").replace(/^exports\./, "");
    const head = `Cell In[${cell.label}], line ${line}${fn && !fn.includes("<anonymous>") ? `, in ${fn}` : ""}`;
    const width = String(line).length;
    const context: string[] = [];
    for (let n = Math.max(1, line - 2); n <= line; n++) {
      const marker = n === line ? "---->" : "     ";
      context.push(`${marker} ${String(n).padStart(width)} ${cell.lines[n - 1] ?? ""}`);
    }
    return [head, ...context].join("\n");
  }

  /** The 1-based line of the user's cell that a frame of its compiled code points at, if any. */
  private cellLine(cell: CellRecord, frame: Frame): number | null {
    if (!cell.maps) return null;
    cell.parsed ??= {
      esm: cell.maps.esm === null ? null : SourceMap.parse(cell.maps.esm),
      cjs: cell.maps.cjs === null ? null : SourceMap.parse(cell.maps.cjs),
    };
    const { esm, cjs } = cell.parsed;
    if (!esm || !cjs) return null;
    let column = frame.column - 1;
    // Only the first line carries tslab's wrapper in front of the code.
    if (frame.line === 1) column = Math.max(0, column - cell.firstLineOffset);
    const inModule = cjs.lookup(frame.line - 1, column);
    if (!inModule) return null;
    const inTs = esm.lookup(inModule.line, inModule.column);
    // The TypeScript tslab compiles starts with one line of its own (`export {};`).
    if (!inTs || inTs.line < 1 || inTs.line > cell.lines.length) return null;
    return inTs.line;
  }

  /** `torchlab/src/...ts:L:C` for torchlab's compiled files, a package-relative path otherwise. */
  private libraryPosition(frame: Frame): string {
    this.root ??= packageRoot();
    const file = frame.file.replace(/^file:\/\//, "");
    let shown = shorten(file, this.root);
    let line = frame.line;
    let column = frame.column;
    if (file.startsWith(this.root + path.sep) && !file.includes(`${path.sep}node_modules${path.sep}`) && file.endsWith(".js")) {
      const map = this.libraryMap(file);
      const original = map?.lookup(line - 1, column - 1);
      if (original && original.source) {
        shown = shorten(path.resolve(path.dirname(file), original.source), this.root);
        line = original.line + 1;
        column = original.column + 1;
      }
    }
    return `${shown}:${line}:${column}`;
  }

  private libraryMap(file: string): SourceMap | null {
    if (!this.libraryMaps.has(file)) {
      let map: SourceMap | null = null;
      try {
        map = SourceMap.parse(fs.readFileSync(`${file}.map`, "utf8"));
      } catch {
        map = null;
      }
      this.libraryMaps.set(file, map);
    }
    return this.libraryMaps.get(file) ?? null;
  }
}

/** No absolute paths of the installation: torchlab's files as `torchlab/...`, dependencies from their package. */
function shorten(file: string, root: string): string {
  const modules = file.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  if (modules >= 0) return file.slice(modules + "/node_modules/".length);
  if (file.startsWith(root + path.sep)) return `torchlab/${path.relative(root, file)}`;
  const cwd = process.cwd();
  if (file.startsWith(cwd + path.sep)) return path.relative(cwd, file);
  return file;
}
