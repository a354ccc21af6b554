/**
 * Make `import ... from "torchlab"` mean *this* installation of torchlab, wherever the notebook lives.
 *
 * tslab type-checks and runs a cell as if it were a file in the notebook's folder, so "torchlab"
 * would be looked up Node10-style in that folder's node_modules, which a student's folder usually
 * lacks. Two hooks, installed once per process, fix exactly that name and nothing else, so a
 * user's own imports of files and packages still resolve from the notebook's folder:
 *  - type checker: a `paths` entry added to the compiler options tslab gives its watch program;
 *  - runtime: Node's resolver maps "torchlab" and "torchlab/..." to the package root.
 * Both point at the same files, so the types a cell is checked against are the code it runs.
 */
import * as fs from "fs";
import Module from "module";
import * as path from "path";
import { recordDeclarationReads, snapshotStats } from "./declarations";
import { isDeclarationFile } from "./doc_comments";
import { bareDeclaration, isLibraryFile, takePreloaded } from "./preload";
import { isTfjsCoreDeclaration, prunedTfModule, TF_MODULE, withoutWebGpuTypes } from "./tf_declarations";
import { isNodeTypesIndex, NODE_TYPES_PLANS, nodeTypesPlan } from "./node_declarations";
import { inlineSourceMapJson, withoutSourceMapComments } from "./sourcemap";
import { PACKAGE_NAME, packageRoot, tslabTypeScriptPath } from "./package";
import { reusingHost } from "./program_reuse";

export { PACKAGE_NAME, packageRoot, packageVersion, tslabTypeScriptPath } from "./package";

/** tslab's own TypeScript (5.0.4), whose version is the language version cells are checked with. */
export function tslabTypeScript(): typeof import("typescript") {
  return require(tslabTypeScriptPath());
}

let installed = false;
type WatchHostListener = (host: import("typescript").WatchCompilerHost<import("typescript").BuilderProgram>) => void;
let watchHostListener: WatchHostListener | null = null;

/**
 * Calls `listener` with each watch compiler host tslab's converters create from now on, until the
 * returned function is called. The notebook dialect (kernel/rewrite.ts) uses it to reach the type
 * checker of the program a converter builds, which tslab keeps private.
 */
export function onWatchHost(listener: WatchHostListener): () => void {
  watchHostListener = listener;
  return () => {
    if (watchHostListener === listener) watchHostListener = null;
  };
}

let pruneTf = false;

/**
 * Runs `create` (which creates tslab converters) so that their compilers read the pruned view of
 * tfjs-core's declarations (kernel/tf_declarations.ts) when `prune` is true and the build made it.
 */
export function withPrunedTf<T>(prune: boolean, create: () => T): T {
  const before = pruneTf;
  pruneTf = prune;
  try {
    return create();
  } finally {
    pruneTf = before;
  }
}

let pruneNode = false;
let nodeModulesKept: ReadonlySet<string> | null = null;

/**
 * Runs `create` (which creates tslab converters) so that their compilers read the pruned view of
 * @types/node (kernel/node_declarations.ts) when `prune` is true and the build worked out a plan for it.
 */
export function withPrunedNode<T>(prune: boolean, create: () => T): T {
  const before = pruneNode;
  pruneNode = prune;
  try {
    return create();
  } finally {
    pruneNode = before;
  }
}

let deferDocs = false;
let docsDeferred = false;

/**
 * Runs `create` (which creates tslab converters) so that, when `defer` is true, their compilers read
 * declaration files with their documentation comments turned into plain ones (kernel/doc_comments.ts).
 */
export function withDeferredDocs<T>(defer: boolean, create: () => T): T {
  const before = deferDocs;
  deferDocs = defer;
  try {
    return create();
  } finally {
    deferDocs = before;
  }
}

/**
 * Puts back what withPrunedTf, withPrunedNode, withDeferredDocs and onWatchHost's caller undo in a
 * `finally` (each is left only around building a converter), and drops the last conversion: a
 * SIGINT that stops a compile runs no `finally` of the frames it ends (kernel/session.ts).
 */
export function resetAfterInterruptedCompile(): void {
  pruneTf = false;
  pruneNode = false;
  deferDocs = false;
  watchHostListener = null;
  lastConversion = null;
}

/** Whether a compiler has read a declaration file without its documentation comments. */
export function docsWereDeferred(): boolean {
  return docsDeferred;
}

/** The modules of Node that the pruned @types/node read last declares; null when none was read pruned. */
export function nodeModulesInPrunedView(): ReadonlySet<string> | null {
  return nodeModulesKept;
}

/**
 * The source maps of the last module tslab converted: its ES module's inline map (to the cell's
 * TypeScript) and the CommonJS conversion's map (to that ES module). Raw JSON, parsed only when a
 * traceback needs them.
 */
export interface ConversionMaps {
  esm: string | null;
  cjs: string | null;
}

let lastConversion: ConversionMaps | null = null;

/** The maps of the last conversion, once: the caller owns them from then on. */
export function takeLastConversion(): ConversionMaps | null {
  const taken = lastConversion;
  lastConversion = null;
  return taken;
}

/** Makes `maps` the last conversion's, for a conversion taken from elsewhere (kernel/first_cell_cache.ts). */
export function restoreLastConversion(maps: ConversionMaps | null): void {
  lastConversion = maps;
}

let modulesResolved = false;

/**
 * Makes `require("torchlab")` in cells load this installation; with `compiler` (the default), also
 * hooks tslab's TypeScript so that cells' imports of torchlab type-check against it. A thread whose
 * cells are converted elsewhere (kernel/converter_worker.ts) needs only the first.
 */
export function installTorchlabResolution({ compiler = true }: { compiler?: boolean } = {}): void {
  installModuleResolution();
  if (!compiler || installed) {
    return;
  }
  installed = true;
  const root = packageRoot();

  // The TypeScript module's exports are non-configurable getters, so the compiler-host factory is
  // swapped through a Proxy put in the require cache; tslab's converter must be loaded after this.
  const tsPath = tslabTypeScriptPath();
  const ts = require(tsPath) as typeof import("typescript");
  const createHost = ts.createWatchCompilerHost as (...args: unknown[]) => unknown;
  // tslab calls createWatchCompilerHost(rootFiles, options, sys, ...) once per converter.
  const createHostWithPaths = (...args: unknown[]) => {
    const options = args[1] as import("typescript").CompilerOptions;
    args[1] = {
      ...options,
      // Absolute targets, so no baseUrl is needed (a baseUrl would change how users' bare imports resolve).
      // The bare name maps to the entry file, not the folder: a graded kernel may read dist/ but not
      // the package folder, which can hold course files (kernel/course/sandbox.ts).
      paths: { ...options.paths, [PACKAGE_NAME]: [path.join(root, "dist", "src", "index")], [`${PACKAGE_NAME}/*`]: [path.join(root, "*")] },
      // Tracebacks map cell frames back to the user's lines through it (kernel/traceback.ts).
      inlineSourceMap: true,
      // Only Node's globals are declared in every cell. Without this, every package under the
      // notebook folder's node_modules/@types is parsed at each start (a project with jest and babel
      // installed doubles the declarations read); a package's types still come with its import.
      types: options.types ?? ["node"],
    };
    const host = createHost(...args) as Parameters<WatchHostListener>[0];
    // Declaration files a worker read ahead during the start (kernel/preload.ts).
    const readFromDisk = host.readFile.bind(host);
    host.readFile = (file: string, encoding?: string) => (isDeclarationFile(file) ? takePreloaded(path.resolve(file)) : undefined) ?? readFromDisk(file, encoding);
    const pruned = pruneTf ? prunedTfModule(root) : null;
    if (pruned !== null) {
      const tfModule = path.join(root, TF_MODULE);
      const read = host.readFile.bind(host);
      host.readFile = (file: string, encoding?: string) => (path.resolve(file) === tfModule ? pruned : read(file, encoding));
    }
    if (pruneNode) {
      const read = host.readFile.bind(host);
      host.readFile = (file: string, encoding?: string) => {
        const text = read(file, encoding);
        if (text === undefined || !isNodeTypesIndex(file)) return text;
        const plan = nodeTypesPlan(path.resolve(file), text, ts.version, path.join(root, NODE_TYPES_PLANS));
        if (plan === null) return text;
        nodeModulesKept = new Set(plan.kept);
        return plan.index;
      };
    }
    // A kernel started from the snapshot has the files parsed already, documentation included; its
    // lookup takes a file only with the text it was parsed from.
    if (deferDocs && snapshotStats() === null) {
      const read = host.readFile.bind(host);
      host.readFile = (file: string, encoding?: string) => {
        const text = read(file, encoding);
        if (text === undefined || !isDeclarationFile(file)) return text;
        const bare = bareDeclaration(path.resolve(file), text);
        if (bare !== text) docsDeferred = true;
        return bare;
      };
    }
    // Without @webgpu/types (kernel/tf_declarations.ts). Last, so that a file read ahead with its
    // documentation already deferred (kernel/preload.ts) is taken as it is: that view leaves `///` lines alone.
    if (pruned !== null) {
      const read = host.readFile.bind(host);
      host.readFile = (file: string, encoding?: string) => {
        const text = read(file, encoding);
        return text !== undefined && isTfjsCoreDeclaration(file) ? withoutWebGpuTypes(text) : text;
      };
    }
    // Installed libraries' files are not watched (see UNWATCHED); the notebook folder's files are.
    const watchFile = host.watchFile.bind(host);
    host.watchFile = (file, callback, interval, watchOptions) => (isLibraryFile(path.resolve(file), root) ? UNWATCHED : watchFile(file, callback, interval, watchOptions));
    host.createProgram = (rootNames, programOptions, compilerHost, oldProgram, ...rest) => {
      programsBuilt++;
      // tslab's files keep their import lists from version to version of a cell (kernel/program_reuse.ts).
      const reusing = compilerHost && programOptions ? reusingHost(ts, compilerHost, programOptions) : compilerHost;
      return lightBuilder(ts, ts.createAbstractBuilder(rootNames, programOptions, reusing, oldProgram, ...rest));
    };
    // What the next startup snapshot parses (kernel/declarations.ts).
    recordDeclarationReads(host, options.target ?? ts.ScriptTarget.ES2022);
    watchHostListener?.(host);
    return host;
  };
  // tslab converts each emitted ES module to CommonJS with transpileModule: ask for that step's map
  // too, and keep both maps out of the code that runs.
  const transpile = ts.transpileModule;
  const transpileWithMaps = (input: string, options: import("typescript").TranspileOptions) => {
    const out = transpile(withoutSourceMapComments(input), {
      ...options,
      compilerOptions: { ...options.compilerOptions, sourceMap: true },
    });
    lastConversion = { esm: inlineSourceMapJson(input), cjs: out.sourceMapText ?? null };
    return { ...out, outputText: withoutSourceMapComments(out.outputText) };
  };
  const cached = require.cache[tsPath];
  if (!cached) {
    throw new Error(`TypeScript for tslab was not loaded from ${tsPath}`);
  }
  if (require.cache[require.resolve("tslab/dist/converter")]) {
    throw new Error("installTorchlabResolution must run before tslab's converter is loaded");
  }
  cached.exports = new Proxy(ts, {
    get: (target, key, receiver) =>
      key === "createWatchCompilerHost"
        ? createHostWithPaths
        : key === "transpileModule"
          ? transpileWithMaps
          : Reflect.get(target, key, receiver),
  });
}

/**
 * The watcher given for an installed library's file (kernel/preload.ts's isLibraryFile: under a
 * node_modules folder, TypeScript's lib files included, or torchlab's dist/): a declaration file,
 * or a package.json that module resolution read. tslab's watch program watched each file it read,
 * ~420 at a start: each an inotify watch (a polling timer once
 * the system's watches run out, which a machine serving a class of kernels reaches) and a stat,
 * ~0.3 ms of CPU apiece, measured in-process on the 2-core machine. An installed package changes
 * under a running kernel only by a reinstall, which leaves the kernel running the code it loaded,
 * so types read anew would no longer describe it: as a Python kernel after `pip install -U`, a
 * restart picks it up. The notebook folder's own modules are watched as before, and a package that
 * a cell could not import is still found once installed (TypeScript watches the folders it looked in).
 */
const UNWATCHED: import("typescript").FileWatcher = { close: () => undefined };

let programsBuilt = 0;

/** How many programs tslab's watch programs have built on this thread (each a type checker's work anew: issue 12's per-cell cost). */
export function programCount(): number {
  return programsBuilt;
}

/** A file tslab converts (and checks) with the cell that imports it, by its own test of the name. */
const convertedWithCell = (file: string) => file.endsWith(".js") || (file.endsWith(".ts") && !file.endsWith(".d.ts"));

/**
 * The program of each version of a cell, as tslab's converter uses it (issue 12's per-cell cost).
 *
 * tslab's watch program made an EmitAndSemanticDiagnosticsBuilderProgram of every program, and the
 * dialect builds several per cell (each type-checked version of the cell, then tslab's own two).
 * Creating that builder's state creates the program's type checker (kept below) and, for each of the
 * ~600 files, resolves every file it references and walks every ambient module: ~35 ms of CPU per
 * program on the 2-core machine, a fifth of a cell's compile. Of the builder, tslab uses only the
 * program (diagnostics and emit go to it directly, with tslab's transformers, which leave the builder's
 * signature bookkeeping out) and getAllDependencies, for the local modules (.ts, .js) a cell imports
 * and converts with it. So each program is wrapped bare, and getAllDependencies builds TypeScript's own
 * builder state, once per program and only when the program holds such a module besides the cell:
 * without one, the cell is its only dependency tslab keeps (tslab drops declaration files from the list).
 */
function lightBuilder(ts: typeof import("typescript"), bare: import("typescript").BuilderProgram): import("typescript").BuilderProgram {
  type BuilderState = object;
  type Internals = {
    create(program: import("typescript").Program, oldState: undefined, disableUseFileVersionAsSignature: boolean): BuilderState;
    getAllDependencies(state: BuilderState, program: import("typescript").Program, file: import("typescript").SourceFile): readonly string[];
  };
  const internals = (ts as unknown as { BuilderState: Internals }).BuilderState;
  // The builder's state bound every file by creating the checker; tslab reads the cell's names (its
  // `locals`, set by the binder) right after a program is made, before anything asks for the checker.
  bare.getProgram().getTypeChecker();
  let state: BuilderState | undefined;
  return {
    ...bare,
    // No builder state to carry over: each program is made from the last one's parsed files alone.
    getState: () => undefined,
    getAllDependencies(file: import("typescript").SourceFile): readonly string[] {
      const program = bare.getProgram();
      if (program.getSourceFiles().every((f) => f === file || !convertedWithCell(f.fileName))) return [file.fileName];
      state ??= internals.create(program, undefined, false);
      return internals.getAllDependencies(state, program, file);
    },
  } as unknown as import("typescript").BuilderProgram;
}

function installModuleResolution(): void {
  if (modulesResolved) return;
  modulesResolved = true;
  const root = packageRoot();

  type Resolver = (request: string, parent?: { filename?: string | null }, ...rest: unknown[]) => string;
  const internals = Module as unknown as { _resolveFilename: Resolver };
  const resolve = internals._resolveFilename;
  const tslabConverter = require.resolve("tslab/dist/converter");
  const tslabSemver = require.resolve("./tslab_semver");
  internals._resolveFilename = function (request: string, parent?: { filename?: string | null }, ...rest: unknown[]): string {
    if (request === PACKAGE_NAME || request.startsWith(`${PACKAGE_NAME}/`)) {
      request = root + request.slice(PACKAGE_NAME.length);
    } else if (request === "semver" && parent?.filename === tslabConverter) {
      return tslabSemver;
    }
    return resolve.call(this, request, parent, ...rest);
  };
}
