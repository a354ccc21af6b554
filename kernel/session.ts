/**
 * One notebook's interpreter state: tslab's converter and executor, the prelude, and the outcome of
 * each cell in a structured form (value or ename/evalue/traceback) for the protocol handler.
 *
 * tslab's executor reports through an injected console: `log(value)` for the cell's last value,
 * `error(...)` for compile diagnostics and thrown errors. We inject a recording console and turn
 * those calls into outcomes, instead of letting them become text on stdout/stderr.
 *
 * A SIGINT that stops a compile (underSigint) terminates the JavaScript running under it: V8 runs
 * no `finally` of those frames. Whatever the compile window sets up is therefore undone at the start
 * of the next cell, not in a `finally` (the hook on vm.runInThisContext that names the cell's script,
 * a conversion left behind) and after the interrupt (kernel/resolve.ts's state while a converter is
 * built). Before, a SIGINT inside a compile left the hook of the stopped cell in place: every later
 * cell ran under that cell's file name, whose record has no maps, and its traceback lost its cell frames.
 */
import * as path from "path";
import * as vm from "vm";
import { format } from "util";
import type { ConverterSet, Executor } from "tslab/dist/executor";
import type { Converter, IsCompleteResult } from "tslab/dist/converter";
import type { CodeMetadata } from "tslab/dist/metadata";
import { docsWereDeferred, installTorchlabResolution, nodeModulesInPrunedView, resetAfterInterruptedCompile, takeLastConversion, type ConversionMaps } from "./resolve";
import { buildConverter, isModuleCell, type ConverterOptions, type RemoteConverters } from "./converter_worker";
import { needsWholeNodeTypes } from "./node_declarations";
import { TF_MODULE_REQUEST } from "./tf_declarations";
import { prepareCellSource } from "./rewrite";
import { BlockNames } from "./block_names";
import { interruptCellsUpTo } from "./tick";
import { CELL_FILE_PREFIX, SIGINT_SCOPE_FILE, Tracebacks } from "./traceback";
import type { Mark, Registry } from "../src/backend/scopes";

export type Outcome =
  | { status: "ok"; hasValue: boolean; value?: unknown }
  | { status: "error"; ename: string; evalue: string; traceback: string[] };

export interface CompletionResult {
  cursor_start: number;
  cursor_end: number;
  matches: string[];
}

/** tslab's executor prints diagnostics with exactly this format string. */
const DIAGNOSTIC_FORMAT = "%s%d:%d - %s";
/** Messages of the ways a cell stops on an interrupt: SIGINT in synchronous code, tslab's and kernel/tick.ts's asynchronous stops. */
const INTERRUPTED = /Script execution was interrupted by `SIGINT`|Interrupted asynchronously/;

/** torchlab's open scopes (src/backend/scopes.ts), once a cell has loaded it. */
const openScopes = (): Registry | undefined => (globalThis as unknown as Record<symbol, Registry | undefined>)[Symbol.for("torchlab.scopes")];
/** tslab's wrapper around a cell's compiled code, on its first line. */
const CELL_WRAPPER = /^\((async )?function\(exports, require\) \{ /;

/** Name of the errors a cell raises when it does not compile. */
export const COMPILE_ERROR = "CompileError";
export const KEYBOARD_INTERRUPT = "KeyboardInterrupt";
/** A cell stopped by an interrupt before any of its code ran (in its compile, or before it started). */
const stoppedBeforeRun = (): Outcome => ({ status: "error", ename: KEYBOARD_INTERRUPT, evalue: "", traceback: [`${KEYBOARD_INTERRUPT}: `] });

/** What `process.exit()` raises inside a cell: the kernel outlives it, as IPython outlives `sys.exit()`. */
export class SystemExit extends Error {
  constructor(readonly code: number | string | null | undefined) {
    super(`process.exit(${code ?? ""}) was called; the kernel keeps running (restart it to start afresh)`);
    this.name = "SystemExit";
  }
}

/** A module cell (`/** @module name *\/`) as tslab's converter was given it. */
interface ModuleCell {
  name: string;
  content: string;
  meta?: CodeMetadata;
}

interface Recording {
  values: unknown[];
  errors: unknown[][];
}

/** Node's vm module object itself (tslab calls `runInThisContext` on it), not an import's copy of it. */
const vmModule = require("vm") as { runInThisContext: typeof vm.runInThisContext };
/** Its own runInThisContext, which each cell's hook wraps (never a hook a stopped compile left). */
const runInThisContext = vmModule.runInThisContext;

/** The main context's global: the one `vm.runInThisContext` code sees (under jest, not the test's own). */
const mainGlobal = vm.runInThisContext("globalThis") as Record<symbol, unknown>;
const SCOPE_KEY = Symbol.for("torchlab.sigintScope");
let sigintScope: vm.Script | undefined;

/**
 * Runs `f` as a script with breakOnSigint, so that a SIGINT while a cell is being compiled (the
 * compiler can run for seconds) stops the compile instead of waiting, unseen, for the cell to end.
 * tslab runs the compiled cell with its own breakOnSigint inside; the innermost one answers.
 */
function underSigint<T>(f: () => T): T {
  sigintScope ??= new vm.Script(`globalThis[Symbol.for("torchlab.sigintScope")]()`, { filename: SIGINT_SCOPE_FILE });
  mainGlobal[SCOPE_KEY] = f;
  try {
    return sigintScope.runInThisContext({ breakOnSigint: true }) as T;
  } finally {
    delete mainGlobal[SCOPE_KEY];
  }
}

export class Session {
  private readonly executor: Executor;
  private recording: Recording = { values: [], errors: [] };
  /** Names earlier cells declared inside a top-level block, for the compile error that asks for one. */
  private readonly blockNames = new BlockNames();
  /** Serial number of the cell being run; loops of interrupted cells stop at their next tick. */
  private serial = 0;
  private loopYields = false;
  private node: Converter | undefined;
  /**
   * Whether the converters read the pruned view of tfjs-core's declarations (kernel/tf_declarations.ts):
   * until a cell names the module where it differs, after which they are rebuilt without it.
   */
  private prunedTf = true;
  /**
   * Whether they read the pruned view of @types/node (kernel/node_declarations.ts): until a cell
   * names a module it leaves out, after which they are rebuilt with the whole of it.
   */
  private prunedNode = true;
  /**
   * Whether the converters read declaration files without their documentation comments
   * (kernel/doc_comments.ts): until the first inspection, which shows documentation.
   */
  private docsDeferred = true;
  private browser: Converter | undefined;
  private readonly converters: ConverterSet;
  /** Module cells registered so far, per converter, so that a rebuilt converter gets them again. */
  private readonly modules = { node: new Map<string, ModuleCell>(), browser: new Map<string, ModuleCell>() };
  readonly tracebacks = new Tracebacks();
  /**
   * The kernel has taken a cell from its queue (announceCell) and not yet given it to execute: it
   * waits for busy and execute_input to leave first, and an interrupt then is that cell's.
   */
  private announced = false;
  private interruptedBeforeRun = false;

  /**
   * `remote`: converters on a worker thread (kernel/converter_worker.ts), as a kernel start has
   * them; without it they are built on this thread.
   */
  constructor(
    readonly cwd: string = process.cwd(),
    private readonly remote: RemoteConverters | null = null,
  ) {
    installTorchlabResolution({ compiler: remote === null });
    remote?.useForCodeMetadata();
    // Loaded only now: the resolution hook must be in place before tslab's converter loads TypeScript.
    const { createExecutor } = require("tslab/dist/executor") as typeof import("tslab/dist/executor");
    const session = this;
    const convs: ConverterSet = {
      get node() {
        return (session.node ??= session.keepingModules("node", session.createConverter("node")));
      },
      get browser() {
        return (session.browser ??= session.keepingModules("browser", session.createConverter("browser")));
      },
      close() {
        session.node?.close();
        session.browser?.close();
      },
    };
    const recorder = {
      log: (value: unknown) => this.recording.values.push(value),
      error: (...args: unknown[]) => this.recording.errors.push(args),
    };
    this.converters = convs;
    this.executor = createExecutor(cwd, convs, recorder);
  }

  /**
   * Builds the TypeScript converter of node cells now (the compiler reads and parses the
   * declarations every cell sees: most of a kernel start) instead of at the first execute, so that
   * a start can let pending asynchronous work (the backend's initialisation) advance in between.
   */
  prepare(): void {
    if (this.remote !== null) return;
    try {
      void this.converters.node;
    } catch {
      // The first execute builds it again and reports what failed as that cell's error.
    }
  }

  /**
   * Starts compiling `code` as the first cell on the worker (the prelude, while this thread loads
   * the library); its `execute` then takes that compile instead of starting one. Resolves once the
   * compile is done. Does nothing without a worker or once a cell ran.
   */
  async compileAhead(code: string): Promise<void> {
    if (this.remote === null || this.serial > 0) return;
    this.unpruneFor(code);
    const node = this.converters.node as Converter & { convertAhead?(prevDecl: string, code: string): Promise<void> };
    // The executor's first cell has no declarations before it.
    await node.convertAhead?.("", code);
  }

  /**
   * The kernel has taken the next cell from its queue: an interrupt (interrupt_request or SIGINT)
   * that arrives before execute runs it stops it, as the running cell the front end shows it to
   * be, instead of being spent on no cell and leaving the cell to run on.
   */
  announceCell(): void {
    this.announced = true;
    this.interruptedBeforeRun = false;
  }

  /** Runs a cell; `label` is its prompt number, which tracebacks show as `Cell In[label]`. */
  async execute(code: string, label: number | string = "?"): Promise<Outcome> {
    const interruptedBeforeRun = this.announced && this.interruptedBeforeRun;
    this.announced = false;
    this.interruptedBeforeRun = false;
    if (interruptedBeforeRun) return stoppedBeforeRun();
    // What a compile stopped by SIGINT left (see the header): its hook, its conversion.
    vmModule.runInThisContext = runInThisContext;
    this.takeLastConversion();
    this.unpruneFor(code);
    this.recording = { values: [], errors: [] };
    const recording = this.recording;
    const scopesAtStart: Mark | null = openScopes()?.mark() ?? null;
    const cell = ++this.serial;
    let firstLineOffset = -1;
    let maps: ConversionMaps | null | undefined;
    let ok: boolean;
    try {
      const running = underSigint(() => {
        const source = this.cellSource(code, this.loopYields ? cell : null);
        // The compiled cell gets a file name of its own, so its frames can be told apart and mapped back.
        const run = runInThisContext;
        vmModule.runInThisContext = ((script: string, options?: vm.RunningScriptOptions | string) => {
          vmModule.runInThisContext = run;
          const wrapper = typeof script === "string" ? CELL_WRAPPER.exec(script) : null;
          if (!wrapper) return run(script, options);
          firstLineOffset = wrapper[0].length;
          // Recorded before the cell runs: a warning its synchronous code raises is mapped to its line (kernel/warnings.ts).
          maps = this.takeLastConversion();
          this.tracebacks.record(cell, { label, lines: code.split("\n"), maps, firstLineOffset });
          return run(script, { ...(typeof options === "object" ? options : {}), filename: `${CELL_FILE_PREFIX}${cell}` });
        }) as typeof vm.runInThisContext;
        try {
          return this.executor.execute(source);
        } finally {
          // Skipped when a SIGINT stops the compile: the next cell undoes both.
          vmModule.runInThisContext = run;
          // A cell that never ran still leaves its conversion, which the next cell must not take.
          if (maps === undefined) this.takeLastConversion();
        }
      });
      ok = await running;
    } catch (error) {
      return this.compileFailure(error);
    }
    // A cell that compiled declared its names, whether or not it then raised.
    if (!recording.errors.some((args) => args[0] === DIAGNOSTIC_FORMAT)) this.blockNames.record(code, String(label));
    const thrown = recording.errors[0]?.[0];
    if (thrown instanceof Error && INTERRUPTED.test(thrown.message)) {
      // A terminated cell ran none of its `finally` blocks: close what it left open, as PyTorch's
      // KeyboardInterrupt unwinding runs each `__exit__` (src/backend/scopes.ts).
      openScopes()?.unwind(scopesAtStart);
    }
    if (ok && recording.errors.length === 0) {
      return recording.values.length > 0
        ? { status: "ok", hasValue: true, value: recording.values[recording.values.length - 1] }
        : { status: "ok", hasValue: false };
    }
    return this.errorOutcome(recording.errors);
  }

  /**
   * The compile itself failed: the compiler overflowed the stack on a deeply nested cell, or was
   * interrupted. Its watch program is then left mid-rebuild (every later cell would fail with
   * "Unexpected pending rebuildTimer"), so it is dropped and rebuilt on the next cell; the
   * declarations of earlier cells live in the executor and survive.
   */
  private compileFailure(error: unknown): Outcome {
    vmModule.runInThisContext = runInThisContext;
    this.resetConverters();
    const thrown = error instanceof Error ? error : new Error(String(error));
    if (INTERRUPTED.test(thrown.message)) {
      // A SIGINT ran no `finally` of the compile: the state it leaves while a converter is built goes too.
      resetAfterInterruptedCompile();
      // A worker's compile goes on after the cell stopped waiting for it: end it.
      this.remote?.restart();
      return stoppedBeforeRun();
    }
    const evalue = /Maximum call stack size exceeded/.test(thrown.message)
      ? "Maximum call stack size exceeded while compiling the cell: it nests too deeply for the TypeScript compiler"
      : `the compiler failed: ${thrown.message}`;
    return { status: "error", ename: thrown.name || "Error", evalue, traceback: [`${thrown.name || "Error"}: ${evalue}`] };
  }

  /**
   * tslab keeps module cells only inside the converter they were given to: a converter rebuilt after
   * a compile failure is given every module cell registered before it, in their order, so that
   * later cells still import them.
   */
  private keepingModules(kind: "node" | "browser", converter: Converter): Converter {
    const registered = this.modules[kind];
    for (const { name, content, meta } of registered.values()) converter.addModule(name, content, meta);
    return {
      ...converter,
      addModule(name: string, content: string, meta?: CodeMetadata) {
        const diagnostics = converter.addModule(name, content, meta);
        // Re-registering a name replaces the module, as in tslab; it then moves to the end of the order.
        registered.delete(name);
        registered.set(name, { name, content, meta });
        return diagnostics;
      },
    };
  }

  private createConverter(kind: ConverterOptions["kind"]): Converter {
    const options: ConverterOptions = { kind, prunedTf: this.prunedTf, prunedNode: this.prunedNode, docsDeferred: this.docsDeferred };
    return this.remote !== null ? this.remote.create(options) : buildConverter(options);
  }

  /** What the executor is given for `code`: see RemoteConverters.cellSource. */
  private cellSource(code: string, loopCell: number | null): string {
    if (this.remote !== null) return this.remote.cellSource(code, loopCell);
    return prepareCellSource(code, loopCell, isModuleCell(code));
  }

  private takeLastConversion(): ConversionMaps | null {
    return this.remote !== null ? this.remote.takeLastConversion() : takeLastConversion();
  }

  private nodeModulesInPrunedView(): ReadonlySet<string> | null {
    return this.remote !== null ? this.remote.nodeModulesInPrunedView() : nodeModulesInPrunedView();
  }

  /**
   * Rebuilds the converters with tfjs-core's whole declarations once `code` may use `tf` as a
   * value, and with the whole @types/node once it names a module the pruned view leaves out (or,
   * before the view was read, any module but torchlab's). tfjs-core's own declarations import
   * modules of Node, so the first implies the second.
   */
  private unpruneFor(code: string): void {
    const wholeTf = this.prunedTf && code.includes(TF_MODULE_REQUEST);
    const wholeNode = this.prunedNode && (wholeTf || needsWholeNodeTypes(code, this.nodeModulesInPrunedView() ?? new Set()));
    if (wholeTf) this.prunedTf = false;
    if (wholeNode) this.prunedNode = false;
    // Converters that never read a pruned @types/node (no plan for it yet) need no rebuild for it.
    if (wholeTf || (wholeNode && this.nodeModulesInPrunedView() !== null)) this.resetConverters();
  }

  private resetConverters(): void {
    for (const converter of [this.node, this.browser]) {
      try {
        converter?.close();
      } catch {
        // A converter broken mid-rebuild may fail to close; it is dropped either way.
      }
    }
    this.node = undefined;
    this.browser = undefined;
  }

  /** Completions at `cursor`, a UTF-16 offset into `code`; the reply's offsets are UTF-16 too. */
  complete(code: string, cursor: number): CompletionResult {
    this.unpruneFor(code);
    const info = this.executor.complete(code, cursor);
    return { cursor_start: info.start, cursor_end: info.end, matches: info.candidates };
  }

  /** The hover text at `cursor` (a UTF-16 offset), or null when there is nothing there to describe. */
  inspect(code: string, cursor: number): string | null {
    this.unpruneFor(code);
    if (this.docsDeferred) {
      this.docsDeferred = false;
      if (this.remote !== null ? this.remote.docsWereDeferred() : docsWereDeferred()) this.resetConverters();
    }
    const info = this.executor.inspect(code, cursor);
    if (!info) {
      return null;
    }
    const { printQuickInfo } = require("tslab/dist/inspect") as typeof import("tslab/dist/inspect");
    return printQuickInfo(info);
  }

  isComplete(code: string): IsCompleteResult {
    if (this.remote !== null) return this.remote.isComplete(code);
    const { isCompleteCode } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");
    return isCompleteCode(code);
  }

  /** Stops the running cell if it is awaiting (synchronous code is stopped by SIGINT itself). */
  interrupt(): void {
    if (this.announced) this.interruptedBeforeRun = true;
    interruptCellsUpTo(this.serial);
    this.executor.interrupt();
  }

  /**
   * From now on, top-level loops of cells yield at each iteration (kernel/rewrite.ts). Called once
   * the prelude has bound the tick function the rewritten loops call.
   */
  enableLoopYields(): void {
    this.loopYields = true;
  }

  /**
   * Hands the notebook's top-level names to torch.load as Python's `__main__`, where PyTorch's
   * unpickler finds a whole model's class (`torch.save(tudui, ...)` in a notebook that defines `Tudui`).
   * Called once the prelude has loaded torchlab, so the kernel's start loads nothing more for it.
   */
  exposeMainNamespace(): void {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const modules = require("../src/serialization/modules") as typeof import("../src/serialization/modules");
    modules._setMainNamespace(this.executor.locals);
  }

  close(): void {
    this.executor.close();
    this.remote?.close();
  }

  private errorOutcome(errors: unknown[][]): Outcome {
    const diagnostics = errors.filter((args) => args[0] === DIAGNOSTIC_FORMAT);
    if (diagnostics.length > 0) {
      // args: [format, fileName-with-space-or-empty, line, column, message]
      const lines = diagnostics.map(([, file, line, column, message]) =>
        `${file ? path.basename(String(file).trim()) + ":" : "cell:"}${line}:${column} - ${this.blockNames.explain(String(message))}`,
      );
      return { status: "error", ename: COMPILE_ERROR, evalue: lines[0], traceback: lines };
    }
    const thrown = errors.length > 0 ? errors[0][0] : new Error("the cell failed without an error");
    if (thrown instanceof Error) {
      const interrupted = INTERRUPTED.test(thrown.message);
      // IPython's form: `KeyboardInterrupt` with no message, not the mechanism that stopped the cell.
      const ename = interrupted ? KEYBOARD_INTERRUPT : thrown.name || thrown.constructor?.name || "Error";
      const evalue = interrupted ? "" : thrown.message;
      return { status: "error", ename, evalue, traceback: this.tracebacks.format(thrown, ename, evalue) };
    }
    // `throw "text"` and other non-Error values.
    const evalue = format("%O", thrown);
    return { status: "error", ename: "Error", evalue, traceback: [`Uncaught ${evalue}`] };
  }
}
