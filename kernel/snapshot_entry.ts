/**
 * The script of the kernel's startup snapshot (`node --build-snapshot`, see kernel/declarations.ts):
 * it loads tslab's TypeScript and parses the declaration files a kernel start reads (lib.*.d.ts,
 * @types/node, tfjs-core's and torchlab's own .d.ts, ~3.6 MB that took most of the start's CPU),
 * so that a kernel started from the snapshot finds them parsed.
 *
 * Node 20 runs a snapshot's script with a require that knows only Node's own modules: TypeScript's
 * single file is evaluated by hand, and the kernel itself is required at run time, after the
 * snapshot is deserialized. Nothing here may import another module of torchlab.
 *
 * Exactness: a parsed file is handed to the compiler only when the text the compiler has just read
 * is the text that was parsed, with the same language version and module format, and it gets the
 * caller's rule of what makes a file a module, as `createSourceFile` would give it. Anything else
 * is parsed afresh, so a stale snapshot costs time, never a different diagnostic.
 */
import * as fs from "fs";
import * as path from "path";
import * as v8 from "v8";

/** What the kernel asks to be snapshotted (written by kernel/declarations.ts). */
export interface SnapshotSpec {
  /** The package root of torchlab, whose dist/kernel/cli.js the snapshot runs. */
  root: string;
  /** tslab's TypeScript, as require.resolve names it (the key of its require cache entry). */
  typescript: string;
  /** The declaration files to parse, with the language version the kernel's compiler asked for. */
  files: { fileName: string; languageVersion: number }[];
}

/** Where the compiler's getSourceFile looks for parsed files (set only in a process started from the snapshot). */
export const LOOKUP_KEY = "torchlab.parsedDeclarations";
/**
 * Declaration files whose text the kernel's compiler is given from memory, not read from disk:
 * tslab's declarations of earlier cells (new text at every cell) and torchlab's backend/tf.d.ts,
 * read pruned (kernel/tf_declarations.ts), and @types/node's index.d.ts, read pruned
 * (kernel/node_declarations.ts). All are small and never worth keeping.
 */
const IN_MEMORY_DECLARATIONS = ["/__prev__.d.ts", "/dist/src/backend/tf.d.ts"];
const NODE_TYPES_INDEX = /\/@types\/node\/(?:ts[\d.]+\/)?index\.d\.ts$/;

/** tfjs-core's reference to the WebGPU declarations, left out of the pruned view (kernel/tf_declarations.ts). */
const WEBGPU_REFERENCE = /^\/\/\/[ \t]*<reference[ \t]+types="@webgpu\/types(?:\/[^"]*)?"[ \t]*\/>/gm;

/** Whether `fileName` is one of tfjs-core's declaration files. */
export function isTfjsCoreDeclaration(fileName: string): boolean {
  return fileName.endsWith(".d.ts") && fileName.split(path.sep).join("/").includes("/node_modules/@tensorflow/tfjs-core/");
}

/** `text` of a tfjs-core declaration file without its reference to @webgpu/types, blanked so that every other offset stays. */
export function withoutWebGpuTypes(text: string): string {
  return text.includes("@webgpu/types") ? text.replace(WEBGPU_REFERENCE, (line) => " ".repeat(line.length)) : text;
}

export function inMemoryDeclaration(fileName: string): boolean {
  return IN_MEMORY_DECLARATIONS.some((suffix) => fileName.endsWith(suffix)) || NODE_TYPES_INDEX.test(fileName);
}
/** The argument that makes a process started from the snapshot only say that it loaded. */
export const PROBE_ARG = "torchlab-snapshot-probe";
/** What the probe prints: the snapshot deserialized and found its parsed files. */
export const PROBE_OK = "torchlab snapshot ok";

/**
 * The one statement of TypeScript 5.0.4 that turns a file's text into a SourceFile for a program
 * (createGetSourceFile, used by every compiler host, the watch program's included). If tslab ever
 * brings another TypeScript where it is absent, no snapshot is built.
 */
export const PARSE_STATEMENT = "return text !== void 0 ? createSourceFile(fileName, text, languageVersionOrOptions, setParentNodes) : void 0;";
const PATCHED_STATEMENT =
  `return text !== void 0 ? (globalThis[Symbol.for(${JSON.stringify(LOOKUP_KEY)})]?.(fileName, text, languageVersionOrOptions, setParentNodes)` +
  ` ?? createSourceFile(fileName, text, languageVersionOrOptions, setParentNodes)) : void 0;`;

type SourceFile = import("typescript").SourceFile & { setExternalModuleIndicator?: (file: SourceFile) => void };
type LanguageVersionOrOptions = number | { languageVersion: number; impliedNodeFormat?: number; setExternalModuleIndicator?: (file: SourceFile) => void };

interface Parsed {
  file: SourceFile;
  languageVersion: number;
  /** The rule createSourceFile applies when the caller gives none. */
  defaultIndicator: (file: SourceFile) => void;
}

/** Hits and misses of the parsed files, for the kernel's start report and for deciding to rebuild. */
export interface LookupStats {
  hits: number;
  /** Declaration files parsed afresh: not in the snapshot, or changed since. */
  missed: string[];
}

function loadTypeScript(file: string): typeof import("typescript") {
  const source = fs.readFileSync(file, "utf8");
  if (!source.includes(PARSE_STATEMENT)) throw new Error(`${file} lacks the statement the snapshot replaces`);
  const patched = source.replace(PARSE_STATEMENT, PATCHED_STATEMENT);
  // Not vm.runInThisContext: Node warns that vm's state may not survive a snapshot. sourceURL keeps
  // the file's name in the compiler's stack traces.
  const wrapper = new Function("exports", "require", "module", "__filename", "__dirname", `${patched}\n//# sourceURL=${file}`);
  const module = { exports: {} as typeof import("typescript") };
  wrapper(module.exports, require, module, file, path.dirname(file));
  return module.exports;
}

function buildSnapshot(spec: SnapshotSpec): void {
  const ts = loadTypeScript(spec.typescript);
  const parsed = new Map<string, Parsed>();
  for (const { fileName, languageVersion } of spec.files) {
    let text: string;
    try {
      text = fs.readFileSync(fileName, "utf8");
    } catch {
      continue;
    }
    // As the kernel's compiler reads it at a start: tfjs-core pruned (kernel/tf_declarations.ts).
    // A cell that imports the whole of tfjs-core later reads these files whole, parsed afresh.
    if (isTfjsCoreDeclaration(fileName)) text = withoutWebGpuTypes(text);
    const file = ts.createSourceFile(fileName, text, languageVersion) as SourceFile;
    parsed.set(fileName, { file, languageVersion, defaultIndicator: file.setExternalModuleIndicator! });
  }
  const stats: LookupStats = { hits: 0, missed: [] };
  const lookup = (fileName: string, text: string, options: LanguageVersionOrOptions, setParentNodes?: boolean): SourceFile | undefined => {
    if (!fileName.endsWith(".d.ts") || inMemoryDeclaration(fileName)) return undefined;
    const entry = parsed.get(fileName);
    const languageVersion = typeof options === "object" ? options.languageVersion : options;
    const format = typeof options === "object" ? options.impliedNodeFormat : undefined;
    if (!entry || entry.file.text !== text || entry.languageVersion !== languageVersion || format !== undefined || setParentNodes) {
      stats.missed.push(fileName);
      return undefined;
    }
    stats.hits++;
    const indicator = (typeof options === "object" ? options.setExternalModuleIndicator : undefined) ?? entry.defaultIndicator;
    indicator(entry.file);
    entry.file.setExternalModuleIndicator = indicator;
    return entry.file;
  };
  v8.startupSnapshot.setDeserializeMainFunction(() => runFromSnapshot(spec, ts, lookup, stats));
}

function runFromSnapshot(spec: SnapshotSpec, ts: typeof import("typescript"), lookup: unknown, stats: LookupStats): void {
  // Loaded at run time: Node's module loader is not part of the snapshot.
  const Module = require("module") as typeof import("module") & {
    _cache: Record<string, unknown>;
    _nodeModulePaths(dir: string): string[];
  };
  const entry = new Module(spec.typescript);
  entry.filename = spec.typescript;
  entry.paths = Module._nodeModulePaths(path.dirname(spec.typescript));
  entry.exports = ts;
  entry.loaded = true;
  // tslab's `require("@tslab/typescript-for-tslab")` and kernel/resolve.ts find this instance.
  Module._cache[spec.typescript] = entry;
  // Node drops Error.stackTraceLimit from a snapshot and says it re-installs it, which Node 20.20
  // did not do here: errors then had no stack, and tracebacks no cell frames. V8's default is 10.
  if (typeof Error.stackTraceLimit !== "number") Error.stackTraceLimit = 10;
  const global = globalThis as unknown as Record<symbol, unknown>;
  global[Symbol.for(LOOKUP_KEY)] = lookup;
  global[Symbol.for(`${LOOKUP_KEY}.stats`)] = stats;
  const args = process.argv.slice(1);
  if (args[0] === PROBE_ARG) {
    process.stdout.write(`${PROBE_OK} ${ts.version}\n`);
    return;
  }
  const requireFromRoot = Module.createRequire(path.join(spec.root, "bin", "torchlab.js"));
  (requireFromRoot(path.join(spec.root, "dist", "kernel", "cli.js")) as { main(args: string[]): void }).main(args);
}

if (v8.startupSnapshot?.isBuildingSnapshot()) {
  const specFile = process.env.TORCHLAB_SNAPSHOT_SPEC;
  if (!specFile) throw new Error("TORCHLAB_SNAPSHOT_SPEC must name the snapshot's spec file");
  buildSnapshot(JSON.parse(fs.readFileSync(specFile, "utf8")) as SnapshotSpec);
}
