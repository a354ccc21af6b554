/**
 * nbformat 4.5 documents and the rules for turning iopub messages into cell outputs the way
 * nbclient does (display_id updates land on every output carrying that id, clear_output with wait).
 */
import { randomBytes } from "crypto";
import type { JsonObject } from "./wire";

export type MultilineString = string | string[];

export type Output =
  | { output_type: "stream"; name: string; text: MultilineString }
  | { output_type: "display_data"; data: JsonObject; metadata: JsonObject }
  | { output_type: "execute_result"; execution_count: number | null; data: JsonObject; metadata: JsonObject }
  | { output_type: "error"; ename: string; evalue: string; traceback: string[] };

export interface Cell {
  id?: string;
  cell_type: "code" | "markdown" | "raw";
  source: MultilineString;
  metadata: JsonObject & { tags?: string[] };
  outputs?: Output[];
  execution_count?: number | null;
  attachments?: JsonObject;
}

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: JsonObject;
  cells: Cell[];
}

export function joinSource(source: MultilineString): string {
  return Array.isArray(source) ? source.join("") : source;
}

/** nbformat's on-disk style: a multi-line string as a list of lines, each keeping its newline. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * Brings a notebook to nbformat 4.5: every cell gets the `id` 4.5 requires, and only the fields the
 * schema allows for its type (a markdown cell with `outputs` would be invalid).
 */
export function normalizeNotebook(nb: Notebook): Notebook {
  if (nb.nbformat !== 4) {
    throw new Error(`only nbformat 4 notebooks can be run (this one is nbformat ${nb.nbformat})`);
  }
  const used = new Set<string>();
  const cells = nb.cells.map((cell) => {
    let id = typeof cell.id === "string" && /^[a-zA-Z0-9-_]{1,64}$/.test(cell.id) && !used.has(cell.id) ? cell.id : "";
    while (!id || used.has(id)) {
      id = randomBytes(4).toString("hex");
    }
    used.add(id);
    const base = { id, cell_type: cell.cell_type, metadata: cell.metadata ?? {}, source: cell.source };
    if (cell.cell_type === "code") {
      return { ...base, execution_count: cell.execution_count ?? null, outputs: cell.outputs ?? [] };
    }
    return cell.attachments ? { ...base, attachments: cell.attachments } : base;
  });
  return { ...nb, nbformat: 4, nbformat_minor: Math.max(5, nb.nbformat_minor), cells };
}

/** A display_id's outputs, possibly in several cells, as nbclient tracks them. */
type DisplayTargets = Map<string, { outputs: Output[]; index: number }[]>;

/** Accumulates one cell's outputs from iopub messages. */
export class OutputCollector {
  readonly outputs: Output[] = [];
  private clearPending = false;

  constructor(private readonly displays: DisplayTargets) {}

  /** Handles one iopub message of this cell. */
  add(msg_type: string, content: JsonObject): void {
    switch (msg_type) {
      case "stream":
        this.clearIfPending();
        this.appendStream(String(content.name), String(content.text));
        return;
      case "display_data":
      case "execute_result": {
        this.clearIfPending();
        const data = content.data as JsonObject;
        const metadata = (content.metadata as JsonObject) ?? {};
        const output: Output =
          msg_type === "execute_result"
            ? { output_type: "execute_result", execution_count: content.execution_count as number, data, metadata }
            : { output_type: "display_data", data, metadata };
        this.outputs.push(output);
        const displayId = (content.transient as { display_id?: string } | undefined)?.display_id;
        if (displayId) {
          const targets = this.displays.get(displayId) ?? [];
          targets.push({ outputs: this.outputs, index: this.outputs.length - 1 });
          this.displays.set(displayId, targets);
        }
        return;
      }
      case "update_display_data": {
        const displayId = (content.transient as { display_id?: string } | undefined)?.display_id;
        for (const { outputs, index } of (displayId && this.displays.get(displayId)) || []) {
          const target = outputs[index];
          if (target && (target.output_type === "display_data" || target.output_type === "execute_result")) {
            target.data = content.data as JsonObject;
            target.metadata = (content.metadata as JsonObject) ?? {};
          }
        }
        return;
      }
      case "error":
        this.clearIfPending();
        this.outputs.push({
          output_type: "error",
          ename: String(content.ename),
          evalue: String(content.evalue),
          traceback: (content.traceback as string[]) ?? [],
        });
        return;
      case "clear_output":
        if (content.wait === true) {
          this.clearPending = true;
        } else {
          this.clear();
        }
        return;
    }
  }

  private appendStream(name: string, text: string): void {
    const last = this.outputs[this.outputs.length - 1];
    if (last && last.output_type === "stream" && last.name === name) {
      last.text = joinSource(last.text) + text;
    } else {
      this.outputs.push({ output_type: "stream", name, text });
    }
  }

  private clearIfPending(): void {
    if (this.clearPending) {
      this.clearPending = false;
      this.clear();
    }
  }

  /** Clears outputs and forgets the display targets that pointed into them. */
  private clear(): void {
    for (const [id, targets] of this.displays) {
      const kept = targets.filter((t) => t.outputs !== this.outputs);
      if (kept.length) {
        this.displays.set(id, kept);
      } else {
        this.displays.delete(id);
      }
    }
    this.outputs.length = 0;
  }
}

/** Outputs as nbformat stores them: multi-line strings split into lines (text data and streams). */
export function storedOutputs(outputs: Output[]): Output[] {
  const storeData = (data: JsonObject): JsonObject =>
    Object.fromEntries(
      Object.entries(data).map(([mime, value]) =>
        typeof value === "string" && (mime.startsWith("text/") || mime === "image/svg+xml") ? [mime, splitLines(value)] : [mime, value],
      ),
    );
  return outputs.map((output) => {
    switch (output.output_type) {
      case "stream":
        return { ...output, text: splitLines(joinSource(output.text)) };
      case "display_data":
      case "execute_result":
        return { ...output, data: storeData(output.data) };
      default:
        return output;
    }
  });
}
