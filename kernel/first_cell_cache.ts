/**
 * The prelude's conversion, kept between kernel starts (issue 12's start target).
 *
 * Every start compiles the same first cell (kernel/prelude.ts) against the same declarations. Of
 * that compile, building the program (parsing and binding torchlab's declarations) is needed by
 * every later cell anyway; type-checking the prelude, its declaration diagnostics, its emit and the
 * CommonJS conversion of its output (~0.1 s of CPU on the 2-core machine) give the same answer at
 * every start. So a converter's first conversion is written to the cache folder, and a later
 * converter whose first cell is the same text, once its program is built, takes it from there
 * instead of converting again, when:
 *  - the key matches: the cell's text, which converter (kind and declaration views), the versions of
 *    TypeScript, tslab, torchlab and Node, and torchlab's install path (the compiler's `paths`);
 *  - and the program now built for the cell reads exactly the files it read then, by absolute path,
 *    each with the same text: TypeScript's watch program stamps each file with a hash of the text
 *    it parsed (the text after kernel/resolve.ts's views), and the entry records those stamps.
 *    What the notebook folder changes (the @types its node_modules holds, a local module the cell
 *    imports) is a file of the program; the output and its maps name no folder, so one entry
 *    serves every folder.
 * A conversion is a function of the cell and of the program's files, so a stale entry is never
 * used; it is rewritten. Only conversions without diagnostics are kept. A folder that cannot be
 * written (a read-only home, a sandboxed grading kernel) only means the cell is converted.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { Converter, ConvertResult } from "tslab/dist/converter";
import type * as ts from "typescript";
import { defaultCacheDir, markUsed } from "./compile_cache";
import { packageRoot, packageVersion, restoreLastConversion, takeLastConversion, tslabTypeScript, type ConversionMaps } from "./resolve";

/** Bumped when what an entry holds, or how a conversion is made, changes. */
const FORMAT = 1;
/** tslab's in-memory files: the cell and the declarations of the cells before it, given by the key. */
const VIRTUAL = /(^|\/)__(tslab|prev)__\.(d\.)?[jt]s$/;

interface Entry {
  format: number;
  key: string;
  /** Each file of the program (but tslab's own) and TypeScript's stamp of its text. */
  files: Record<string, string>;
  result: ConvertResult;
  maps: ConversionMaps | null;
}

/** The stamps of the program's files, or null when TypeScript gave a file none. */
function fileStamps(program: ts.Program): Record<string, string> | null {
  const files: Record<string, string> = {};
  for (const file of program.getSourceFiles()) {
    if (VIRTUAL.test(file.fileName)) continue;
    const version = (file as ts.SourceFile & { version?: string }).version;
    if (typeof version !== "string" || version === "") return null;
    files[file.fileName] = version;
  }
  return files;
}

function sameStamps(a: Record<string, string>, b: Record<string, string>): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => b[name] === a[name]);
}

function version(manifest: string): string {
  try {
    return String(JSON.parse(fs.readFileSync(manifest, "utf8")).version);
  } catch {
    return "?";
  }
}

/** What, besides the program's files, a first cell's conversion depends on. */
function entryKey(view: string, cell: string): string {
  const tslab = version(require.resolve("tslab/package.json"));
  return createHash("sha256")
    .update(JSON.stringify([FORMAT, view, tslabTypeScript().version, tslab, packageVersion(), packageRoot(), process.version, cell]))
    .digest("hex");
}

/** Where the entry of `key` lies (the code caches' folder, which kernel/compile_cache.ts keeps bounded). */
export function firstCellCachePath(key: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(defaultCacheDir(env), `v8-${process.version}-${process.arch}`, `first-cell-${key.slice(0, 24)}.json`);
}

function readEntry(file: string, key: string): Entry | null {
  try {
    const entry = JSON.parse(fs.readFileSync(file, "utf8")) as Entry;
    return entry.format === FORMAT && entry.key === key ? entry : null;
  } catch {
    return null;
  }
}

function writeEntry(file: string, entry: Entry): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed, so that a kernel starting meanwhile never reads half an entry.
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(entry));
    fs.renameSync(temporary, file);
  } catch {
    // Not writable: the next start converts its first cell again.
  }
}

/**
 * Wraps tslab's converter `conv` so that its first conversion (no cells before it) comes from the
 * cache when it may (see above). `program` gives the program tslab's watch program built last;
 * `view` names the converter's kind and declaration views.
 */
export function withFirstCellCache(conv: Converter, program: () => ts.BuilderProgram | undefined, view: string): Converter {
  let first = true;
  return {
    ...conv,
    convert(prevDecl: string, src: string): ConvertResult {
      if (!first || prevDecl !== "") return conv.convert(prevDecl, src);
      first = false;
      const key = entryKey(view, src);
      const file = firstCellCachePath(key);
      const entry = readEntry(file, key);
      // tslab's inspect brings its program up to date with the cell, as its convert would first do,
      // and builds the type checker that the next cell needs anyway.
      conv.inspect(prevDecl, src, 0);
      const built = program()?.getProgram();
      const files = built === undefined ? null : fileStamps(built);
      if (entry !== null && files !== null && sameStamps(entry.files, files)) {
        markUsed(file);
        restoreLastConversion(entry.maps);
        return entry.result;
      }
      const result = conv.convert(prevDecl, src);
      if (files !== null && result.diagnostics.length === 0) {
        const maps = takeLastConversion();
        restoreLastConversion(maps);
        writeEntry(file, { format: FORMAT, key, files, result, maps });
      }
      return result;
    },
  };
}
