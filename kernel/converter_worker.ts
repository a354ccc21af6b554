/**
 * tslab's converters on a worker thread (issue 12's start target).
 *
 * Loading TypeScript, parsing the declarations every cell sees and compiling the prelude take
 * ~1.6 s of CPU at a kernel start; on the main thread they ran after the library loaded, one
 * after the other, with the second core idle. Here they run on a worker started as soon as the
 * sockets are bound, while the main thread loads the library (tfjs, its backend, torchlab).
 *
 * The main thread keeps the executor (cells run in its context, with its torch); only conversion
 * moves. tslab's executor calls its converter synchronously, so each proxy call posts a request and
 * blocks on a shared flag until the worker's reply is there; the two calls a start makes early
 * (building the node converter, compiling the prelude) are posted without waiting, so that the
 * main thread goes on loading meanwhile. The blocking wait wakes every few milliseconds, so that a
 * SIGINT (cells compile under breakOnSigint) still stops a long compile; the worker's late reply
 * is then dropped and the session rebuilds its converters, as after any failed compile.
 *
 * Testing hook, off unless set: with TORCHLAB_TEST_COMPILE_DELAY_MS=N in the environment, a node
 * converter built here (on the worker or, by default, on the main thread) spends N ms of synchronous
 * time before converting a cell whose text contains SLOW_COMPILE_MARK, so that a test can land an
 * interrupt inside a compile deterministically (test/kernel/test_frontends.py). Other cells are
 * converted as always.
 */
import * as fs from "fs";
import Module from "module";
import * as path from "path";
import { isMainThread, MessageChannel, parentPort, receiveMessageOnPort, Worker, workerData, type MessagePort } from "worker_threads";
import type { CompletionInfo, Converter, ConvertResult, Diagnostic, IsCompleteResult } from "tslab/dist/converter";
import type { CodeMetadata } from "tslab/dist/metadata";
import type { QuickInfo } from "typescript";
import { enableCompileCache, saveCompileCaches } from "./compile_cache";
import { withFirstCellCache } from "./first_cell_cache";
import { savePreloadList, startPreload } from "./preload";
import {
  docsWereDeferred,
  installTorchlabResolution,
  nodeModulesInPrunedView,
  packageRoot,
  takeLastConversion,
  withDeferredDocs,
  withPrunedNode,
  withPrunedTf,
  type ConversionMaps,
} from "./resolve";
import { expandShorthandProperties, prepareCellSource, withNotebookDialect } from "./rewrite";
import { withModuleCellChecks } from "./module_cells";

/** Which converter, and which views of the declarations its compiler reads (kernel/session.ts). */
export interface ConverterOptions {
  kind: "node" | "browser";
  prunedTf: boolean;
  prunedNode: boolean;
  docsDeferred: boolean;
}

/** The environment variable of the testing hook in this file's header. */
export const COMPILE_DELAY_ENV = "TORCHLAB_TEST_COMPILE_DELAY_MS";
/** What a cell contains to be delayed by that hook. */
export const SLOW_COMPILE_MARK = "torchlab-test:slow-compile";

/** Builds a converter on this thread; the resolution hook (kernel/resolve.ts) must be installed. */
export function buildConverter(options: ConverterOptions): Converter {
  const { createConverter } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");
  const create = () =>
    options.kind === "node"
      ? withNotebookDialect((program) => withFirstCellCache(createConverter({ isJS: false, isBrowser: false }), program, JSON.stringify(options)))
      : createConverter({ isJS: false, isBrowser: true });
  const converter = withModuleCellChecks(withPrunedTf(options.prunedTf, () => withPrunedNode(options.prunedNode, () => withDeferredDocs(options.docsDeferred, create))));
  const delayMs = Number(process.env[COMPILE_DELAY_ENV] ?? 0);
  if (options.kind !== "node" || !(delayMs > 0)) return converter;
  const convert = converter.convert.bind(converter);
  converter.convert = (prevDecl: string, src: string): ConvertResult => {
    if (src.includes(SLOW_COMPILE_MARK)) {
      // Short waits: a SIGINT stops a compile between two of them, as it stops the compiler's loops.
      const slice = new Int32Array(new SharedArrayBuffer(4));
      for (const end = Date.now() + delayMs; Date.now() < end; ) Atomics.wait(slice, 0, 0, 10);
    }
    return convert(prevDecl, src);
  };
  return converter;
}

type Request =
  | { op: "create"; conv: number; options: ConverterOptions }
  | { op: "convert"; conv: number; prevDecl: string; src: string }
  | { op: "addModule"; conv: number; name: string; content: string; meta?: CodeMetadata }
  | { op: "complete" | "inspect"; conv: number; prevDecl: string; src: string; position: number }
  | { op: "close"; conv: number }
  | { op: "isComplete"; code: string }
  | { op: "source"; code: string; loopCell: number | null }
  | { op: "metadata"; src: string }
  | { op: "convertAhead"; conv: number; prevDecl: string; code: string }
  | { op: "save" };

interface Reply {
  id: number;
  value?: unknown;
  error?: { name: string; message: string };
  /** The worker's view of kernel/resolve.ts's state after the request, mirrored on the main thread. */
  maps: ConversionMaps | null;
  nodeModulesKept: string[] | null;
  docsDeferred: boolean;
}

interface WorkerInput {
  converterWorker: true;
  /** Set to 1 by the worker after each reply it posts: what a blocked main thread waits on. */
  flag: SharedArrayBuffer;
}

/** How long one blocking wait lasts before it looks again (and a SIGINT gets its chance). */
const WAIT_SLICE_MS = 20;

let metadataSource: RemoteConverters | null = null;
let localGetMetadata: ((src: string) => CodeMetadata) | null = null;

/** tslab's own getCodeMetadata, loaded from `file` apart from the require cache (where the shim is). */
function localMetadata(file: string): (src: string) => CodeMetadata {
  if (localGetMetadata === null) {
    const real = new Module(file, module) as Module & { _compile(content: string, filename: string): void };
    real.filename = file;
    real.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
    real._compile(fs.readFileSync(file, "utf8"), file);
    localGetMetadata = (real.exports as typeof import("tslab/dist/metadata")).getCodeMetadata;
  }
  return localGetMetadata;
}

/** The main thread's side: converters that live on the worker. */
export class RemoteConverters {
  private worker: Worker;
  private port: MessagePort;
  private readonly flag: Int32Array;
  private nextId = 1;
  private nextConv = 1;
  /** Requests answered through a promise (posted without blocking). */
  private readonly waiting = new Map<number, { resolve(reply: Reply): void }>();
  /** The request a blocking call waits on, and its reply once there. */
  private blockedOn = 0;
  private blockedReply: Reply | null = null;
  private maps: ConversionMaps | null = null;
  private nodeModulesKept: ReadonlySet<string> | null = null;
  private docsDeferred = false;
  /** A node converter built ahead, before the session asks for one. */
  private ahead: { options: ConverterOptions; conv: number } | null = null;

  constructor(private readonly root: string = packageRoot()) {
    this.flag = new Int32Array(new SharedArrayBuffer(4));
    [this.worker, this.port] = this.startWorker();
  }

  private startWorker(): [Worker, MessagePort] {
    const { port1, port2 } = new MessageChannel();
    const flag = this.flag.buffer as SharedArrayBuffer;
    const worker = new Worker(path.join(this.root, "dist", "kernel", "converter_worker.js"), { workerData: { converterWorker: true, flag } satisfies WorkerInput });
    worker.postMessage(port2, [port2]);
    worker.unref();
    // A worker that dies answers nothing: calls waiting on it fail (see waitFor).
    worker.on("error", () => undefined);
    port1.on("message", (reply: Reply) => this.received(reply));
    port1.unref();
    worker.on("exit", () => {
      if (worker === this.worker) this.abandonWaiting();
    });
    return [worker, port1];
  }

  private abandonWaiting(): void {
    const error = { name: "Error", message: "the compiler's worker thread has ended" };
    for (const [id, waiter] of [...this.waiting]) waiter.resolve({ id, error, maps: null, nodeModulesKept: null, docsDeferred: false });
    this.waiting.clear();
    this.port.unref();
  }

  /**
   * Ends the worker and starts a fresh one, whose converters are built anew: after a SIGINT
   * stopped a compile, the old worker would otherwise go on with it and keep the next cell
   * waiting. The session's converters are rebuilt after a failed compile anyway.
   */
  restart(): void {
    const old = this.worker;
    this.port.close();
    void old.terminate();
    this.ahead = null;
    this.abandonWaiting();
    [this.worker, this.port] = this.startWorker();
  }

  /** Starts building a node converter with `options`, which the first `create` with the same options takes. */
  buildAhead(options: ConverterOptions): void {
    const conv = this.nextConv++;
    this.post({ op: "create", conv, options });
    this.ahead = { options, conv };
  }

  /** A converter on the worker; building it is posted, and the first call on it waits for that. */
  create(options: ConverterOptions): Converter & { convertAhead(prevDecl: string, src: string): Promise<void> } {
    let conv: number;
    const ahead = this.ahead;
    if (ahead !== null && JSON.stringify(ahead.options) === JSON.stringify(options)) {
      conv = ahead.conv;
      this.ahead = null;
    } else {
      conv = this.nextConv++;
      this.post({ op: "create", conv, options });
    }
    const remote = this;
    /** A conversion asked for before the executor asks for it (the prelude's), and its reply once there. */
    let early: { prevDecl: string; id: number; reply: Reply | null } | null = null;
    return {
      convert(prevDecl: string, src: string): ConvertResult {
        const taken = early;
        early = null;
        if (taken !== null && taken.prevDecl === prevDecl) {
          // Normally awaited already (see convertAhead); otherwise its reply is still on the way.
          const reply = taken.reply ?? remote.waitFor(taken.id);
          const value = reply.value as { src: string; result: ConvertResult } | undefined;
          if (value === undefined || value.src === src) return (remote.unwrap(reply) as { result: ConvertResult }).result;
        }
        return remote.call({ op: "convert", conv, prevDecl, src }) as ConvertResult;
      },
      async convertAhead(prevDecl: string, code: string): Promise<void> {
        const id = remote.post({ op: "convertAhead", conv, prevDecl, code });
        const entry: { prevDecl: string; id: number; reply: Reply | null } = { prevDecl, id, reply: null };
        early = entry;
        entry.reply = await remote.replyTo(id);
      },
      inspect: (prevDecl: string, src: string, position: number) => remote.call({ op: "inspect", conv, prevDecl, src, position }) as QuickInfo,
      complete: (prevDecl: string, src: string, position: number) => remote.call({ op: "complete", conv, prevDecl, src, position }) as CompletionInfo,
      addModule: (name: string, content: string, meta?: CodeMetadata) => remote.call({ op: "addModule", conv, name, content, meta }) as Diagnostic[],
      close: () => void remote.post({ op: "close", conv }),
    } as Converter & { convertAhead(prevDecl: string, src: string): Promise<void> };
  }

  isComplete(code: string): IsCompleteResult {
    return this.call({ op: "isComplete", code }) as IsCompleteResult;
  }

  /**
   * What the executor is given for `code`: kernel/session.ts's preparation (shorthand properties
   * expanded; yields in top-level loops when `loopCell` is the cell's serial), done by the
   * worker's TypeScript, so that this thread never loads one.
   */
  cellSource(code: string, loopCell: number | null): string {
    return this.call({ op: "source", code, loopCell }) as string;
  }

  /** tslab's getCodeMetadata, answered by the worker (see useForCodeMetadata). */
  codeMetadata(src: string): CodeMetadata {
    return this.call({ op: "metadata", src }) as CodeMetadata;
  }

  /**
   * Has tslab's executor, once loaded, ask this worker for each cell's metadata (its JSDoc tags),
   * instead of loading TypeScript on this thread to scan for them. Only before the executor loads.
   */
  useForCodeMetadata(): void {
    metadataSource = this;
    const file = require.resolve("tslab/dist/metadata");
    if (require.cache[file] !== undefined) return;
    const shim = new Module(file, module);
    shim.filename = file;
    shim.loaded = true;
    shim.exports = { getCodeMetadata: (src: string): CodeMetadata => (metadataSource !== null ? metadataSource.codeMetadata(src) : localMetadata(file)(src)) };
    require.cache[file] = shim;
  }

  /** kernel/resolve.ts's takeLastConversion, for the worker's conversions. */
  takeLastConversion(): ConversionMaps | null {
    const taken = this.maps;
    this.maps = null;
    return taken;
  }

  nodeModulesInPrunedView(): ReadonlySet<string> | null {
    return this.nodeModulesKept;
  }

  docsWereDeferred(): boolean {
    return this.docsDeferred;
  }

  /** Writes what the worker's start leaves for the next one: its code caches, the list of declarations read. */
  save(): void {
    this.post({ op: "save" });
  }

  close(): void {
    if (metadataSource === this) metadataSource = null;
    this.port.close();
    void this.worker.terminate();
  }

  /** The reply to request `id`, awaited: the worker is kept referenced meanwhile, so that the process waits for it. */
  private replyTo(id: number): Promise<Reply> {
    this.port.ref();
    return new Promise<Reply>((resolve) => this.waiting.set(id, { resolve }));
  }

  private post(request: Request): number {
    const id = this.nextId++;
    this.port.postMessage({ id, ...request });
    return id;
  }

  private call(request: Request): unknown {
    return this.unwrap(this.waitFor(this.post(request)));
  }

  private unwrap(reply: Reply): unknown {
    this.maps = reply.maps;
    if (reply.error) {
      const error = new Error(reply.error.message);
      error.name = reply.error.name;
      throw error;
    }
    return reply.value;
  }

  private received(reply: Reply): void {
    this.nodeModulesKept = reply.nodeModulesKept === null ? null : new Set(reply.nodeModulesKept);
    this.docsDeferred ||= reply.docsDeferred;
    const waiter = this.waiting.get(reply.id);
    if (waiter !== undefined) {
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) this.port.unref();
      waiter.resolve(reply);
    } else if (reply.id === this.blockedOn) {
      this.blockedReply = reply;
    }
    // Otherwise the reply of a call a SIGINT stopped: nobody wants it any more.
  }

  /** Blocks until the reply to request `id` is there. */
  private waitFor(id: number): Reply {
    this.blockedOn = id;
    this.blockedReply = null;
    const pending = this.waiting.get(id);
    let reply: Reply | null = null;
    if (pending !== undefined) {
      // A request posted without blocking: its promise's reply is taken here instead.
      this.waiting.set(id, { resolve: (r) => (reply = r) });
    }
    try {
      for (;;) {
        Atomics.store(this.flag, 0, 0);
        for (let message = receiveMessageOnPort(this.port); message !== undefined; message = receiveMessageOnPort(this.port)) {
          this.received(message.message as Reply);
        }
        const got: Reply | null = reply ?? this.blockedReply;
        if (got !== null) {
          pending?.resolve(got);
          return got;
        }
        if (this.worker.threadId < 0) throw new Error("the compiler's worker thread has ended");
        Atomics.wait(this.flag, 0, 0, WAIT_SLICE_MS);
      }
    } finally {
      this.blockedOn = 0;
      this.blockedReply = null;
    }
  }
}

/** The worker: builds converters and answers requests on them, in order. */
function runWorker(): void {
  const { flag } = workerData as WorkerInput;
  const signal = new Int32Array(flag);
  enableCompileCache();
  const root = packageRoot();
  // Declarations read ahead on a further thread while this one loads the compiler.
  startPreload(root);
  installTorchlabResolution();
  const converters = new Map<number, Converter | Error>();
  const converter = (conv: number): Converter => {
    const found = converters.get(conv);
    if (found === undefined) throw new Error(`no converter ${conv}`);
    if (found instanceof Error) throw found;
    return found;
  };
  const answer = (request: Request): unknown => {
    switch (request.op) {
      case "create":
        try {
          converters.set(request.conv, buildConverter(request.options));
        } catch (error) {
          // Reported by each later call on it, as building it where it is used would have.
          converters.set(request.conv, error instanceof Error ? error : new Error(String(error)));
        }
        return undefined;
      case "convert":
        return converter(request.conv).convert(request.prevDecl, request.src);
      case "addModule":
        return converter(request.conv).addModule(request.name, request.content, request.meta);
      case "complete":
        return converter(request.conv).complete(request.prevDecl, request.src, request.position);
      case "inspect":
        return converter(request.conv).inspect(request.prevDecl, request.src, request.position);
      case "close": {
        const found = converters.get(request.conv);
        converters.delete(request.conv);
        if (found !== undefined && !(found instanceof Error)) found.close();
        return undefined;
      }
      case "source": {
        return prepareCellSource(request.code, request.loopCell, isModuleCell(request.code));
      }
      case "metadata":
        return (require("tslab/dist/metadata") as typeof import("tslab/dist/metadata")).getCodeMetadata(request.src);
      case "convertAhead": {
        const src = expandShorthandProperties(request.code);
        return { src, result: converter(request.conv).convert(request.prevDecl, src) };
      }
      case "isComplete": {
        const { isCompleteCode } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");
        return isCompleteCode(request.code);
      }
      case "save":
        saveCompileCaches();
        savePreloadList();
        return undefined;
    }
  };
  parentPort!.once("message", (port: MessagePort) => {
    port.on("message", (request: Request & { id: number }) => {
      const reply: Reply = { id: request.id, maps: null, nodeModulesKept: null, docsDeferred: false };
      takeLastConversion();
      try {
        reply.value = answer(request);
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        reply.error = { name: e.name, message: e.message };
      }
      reply.maps = takeLastConversion();
      const kept = nodeModulesInPrunedView();
      reply.nodeModulesKept = kept === null ? null : [...kept];
      reply.docsDeferred = docsWereDeferred();
      try {
        port.postMessage(reply);
      } catch (error) {
        port.postMessage({ ...reply, value: undefined, error: { name: "Error", message: `the compiler's reply could not be sent: ${String(error)}` } });
      }
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
  });
}

/** tslab's module cells (a `/** @module name *\/` JSDoc tag) become files, where a top-level await is not allowed. */
export function isModuleCell(code: string): boolean {
  const { getCodeMetadata } = require("tslab/dist/metadata") as typeof import("tslab/dist/metadata");
  const meta = getCodeMetadata(code);
  return Boolean(meta.module) || meta.mode === "browser";
}

if (!isMainThread && (workerData as Partial<WorkerInput> | null)?.converterWorker === true) runWorker();
