/**
 * The Jupyter protocol handler of the torchlab kernel (messaging spec 5.3).
 *
 * The sockets are bound and answered first; the TypeScript compiler, the library and the prelude
 * load afterwards (seconds), during which kernel_info and the other requests that need no
 * interpreter are answered at once and executes wait in the queue.
 *
 * Shell requests are read continuously into a queue and handled one at a time, so that when a cell
 * fails with stop_on_error the requests that had already arrived can be aborted the way ipykernel
 * does, while requests sent after the failure run normally. Control requests are handled as they
 * arrive; the heartbeat is echoed by a worker thread. Every incoming message must carry a valid
 * HMAC signature and well-typed frames; others are logged and dropped.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import * as zmq from "zeromq";
import { randomUUID } from "crypto";
import { StringDecoder } from "string_decoder";
import { inspect } from "util";
import { getHeapStatistics } from "v8";
import { runCellEndHooks, setDisplaySink, toMimeBundle, type DisplayMessage, type MimeBundle } from "../src/display/emitter";
import { pyString, pythonList } from "../src/display/pylist";
import { enableCompileCache, saveCompileCaches } from "./compile_cache";
import { RemoteConverters } from "./converter_worker";
import { refreshSnapshot, snapshotEnabled, snapshotStats } from "./declarations";
import { savePreloadList, startPreload } from "./preload";
import { packageVersion, packageRoot, tslabTypeScriptPath } from "./resolve";
import { SUPERVISED_ENV } from "./node_args";
import { mergedPrelude, runPrelude, type PreludeResult } from "./prelude";
import { Session, SystemExit, type Outcome } from "./session";
import { routeWarnings } from "./warnings";
import {
  codePointsToUtf16,
  decode,
  encode,
  InvalidMessage,
  newHeader,
  PROTOCOL_VERSION,
  readConnectionFile,
  Signer,
  socketAddress,
  SocketWriter,
  type ConnectionInfo,
  type JsonObject,
  type Message,
  utf16ToCodePoints,
} from "./wire";

/** Extra kernel_info field: what the headless runner records in metadata.torchlab. */
export interface TorchlabInfo {
  /** False while the compiler, library and prelude are still loading (executes wait until then). */
  ready: boolean;
  backend: string | null;
  prelude: string;
  versions: { torchlab: string; tslab: string; typescript: string; node: string };
  /** How the start went: what `npm run bench`'s kernel-start rows and the start tests report. */
  start: StartReport;
  /**
   * The kernel process's memory when asked, in MB: resident in all, and the main thread's
   * JavaScript heap within it; the rest is worker threads' heaps, wasm memory, native code and
   * data, and a startup snapshot's blob (bench/kernel_start.js prints the split of an idle kernel).
   */
  memory: { rss_mb: number; heap_mb: number };
}

/**
 * Milliseconds since the process started (wall, CPU of all its threads, and how long the main
 * thread's event loop sat idle: waiting on work elsewhere, such as the backend's threads) at each
 * phase of the load, and whether the parsed declarations came from the startup snapshot
 * (kernel/declarations.ts).
 */
export interface StartReport {
  phases: { name: string; wall_ms: number; cpu_ms: number; idle_ms: number; main_cpu_ms?: number }[];
  /** "none", or how many declaration files the snapshot supplied and how many were parsed afresh. */
  snapshot: string;
}

const startReport: StartReport = { phases: [], snapshot: "none" };

/**
 * CPU ms of the main thread alone (the start's critical path), from /proc at the kernel's 10 ms
 * resolution; undefined where there is no /proc (the process's CPU includes the workers' threads).
 */
function mainThreadCpuMs(): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function startPhase(name: string): void {
  const cpu = process.cpuUsage();
  const idle = performance.eventLoopUtilization().idle;
  startReport.phases.push({ name, wall_ms: Math.round(performance.now()), cpu_ms: Math.round((cpu.user + cpu.system) / 1000), idle_ms: Math.round(idle), main_cpu_ms: mainThreadCpuMs() });
}

interface HistoryEntry {
  line: number;
  input: string;
  output: string | null;
}

type Log = (text: string) => void;

/**
 * Where kernel diagnostics go: the real stderr, which Jupyter servers keep as the kernel log.
 *
 * Once the log's reader is gone (the supervisor or the notebook server was killed), each write
 * fails with EPIPE, asynchronously, as an 'error' event: unheard, that became an uncaught exception,
 * which the async-error reporter logged, which failed again, and so on: an orphaned kernel was
 * seen spinning at 30% CPU on thousands of failing writes a second. A broken log stays silent.
 */
function defaultLog(): Log {
  const stderr = process.stderr;
  const write = stderr.write.bind(stderr);
  let broken = false;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", () => {
      if (stream === stderr) broken = true;
    });
  }
  return (text) => {
    if (!broken && !stderr.destroyed) write(`[torchlab] ${text}\n`);
  };
}

/** Past this many pending characters a stream message leaves at once (see StreamBuffer). */
export const STREAM_FLUSH_CHARS = 1 << 20;
/** Byte chunks are decoded this many bytes at a time: V8 strings end at 2^29 - 24 characters. */
const DECODE_SLICE_BYTES = 1 << 24;

/**
 * Buffers a cell's stdout/stderr into few stream messages, flushed before any other output.
 *
 * A cell printing in one synchronous stretch never lets the timer run, so the buffer also leaves
 * once it holds `flushChars` characters: one string holding everything printed would throw
 * `RangeError: Invalid string length` past 512 MB (and a front end chokes on one huge message).
 */
export class StreamBuffer {
  private pending: { name: "stdout" | "stderr"; text: string }[] = [];
  private pendingChars = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Per stream, so that a character split across two byte chunks is decoded whole. */
  private readonly decoders = { stdout: new StringDecoder("utf8"), stderr: new StringDecoder("utf8") };

  constructor(
    private readonly send: (name: string, text: string) => void,
    private readonly flushChars: number = STREAM_FLUSH_CHARS,
  ) {}

  write(name: "stdout" | "stderr", chunk: string | Uint8Array): void {
    if (typeof chunk === "string") {
      this.append(name, chunk);
      return;
    }
    for (let at = 0; at < chunk.byteLength; at += DECODE_SLICE_BYTES) {
      this.append(name, this.decoders[name].write(Buffer.from(chunk.buffer, chunk.byteOffset + at, Math.min(DECODE_SLICE_BYTES, chunk.byteLength - at))));
    }
  }

  private append(name: "stdout" | "stderr", text: string): void {
    for (let at = 0; at < text.length; ) {
      let end = Math.min(text.length, at + this.flushChars);
      // Never between the two halves of a surrogate pair: each message must be valid UTF-16.
      if (end < text.length && end > at + 1 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
      const piece = at === 0 && end === text.length ? text : text.slice(at, end);
      at = end;
      if (this.pendingChars + piece.length > this.flushChars) this.flush();
      const last = this.pending[this.pending.length - 1];
      if (last && last.name === name) {
        last.text += piece;
      } else {
        this.pending.push({ name, text: piece });
      }
      this.pendingChars += piece.length;
    }
    this.timer ??= setTimeout(() => this.flush(), 50);
  }

  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const pending = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    for (const { name, text } of pending) {
      if (text.length > 0) this.send(name, text);
    }
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Binds a channel's socket to the connection file's address. A failure names both: a port that
 * another process took between the front end choosing it and the kernel binding it ends the start,
 * and the front end's log then says which port it was.
 */
async function bindChannel(socket: zmq.Socket, channel: string, address: string): Promise<void> {
  try {
    await socket.bind(address);
  } catch (error) {
    throw new Error(`cannot bind the ${channel} channel to ${address}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Requests answered while the interpreter loads: none of them needs it. */
const ANSWERED_WHILE_LOADING = new Set(["kernel_info_request", "comm_info_request", "history_request", "shutdown_request"]);

/**
 * How long loading waits for a front end's first kernel_info request, so that its reply is not
 * held up by the compiler loading (which blocks the event loop for a second or more).
 */
const FIRST_CONTACT_MS = 300;

/**
 * After a cell fails with stop_on_error, how long execute_requests that were sent before the error
 * reply left (by their header's date) are still aborted when they arrive. A front end's "Run All"
 * sends every cell at once, but on a busy machine the later ones were seen to arrive a quarter of a
 * second after the failure; a request sent after the client saw the error is dated after it and
 * runs (ipykernel's stop_on_error_timeout plays this part there, by arrival time alone).
 */
const LATE_ABORT_WINDOW_MS = 2000;

/** How often an orphaned kernel is looked for, and how long it gets to close before it exits anyway. */
const PARENT_POLL_MS = 1000;
const ORPHAN_GRACE_MS = 5000;

export class KernelServer {
  private readonly signer: Signer;
  private readonly session = randomUUID();
  // No high-water mark: at the default (1,000) ZeroMQ silently drops iopub messages, and replies,
  // once that many wait for a slow reader. A reading client's TCP window bounds what waits here.
  private readonly iopub = new zmq.Publisher({ sendHighWaterMark: 0, linger: 1000 });
  private readonly shell = new zmq.Router({ sendHighWaterMark: 0, linger: 1000 });
  private readonly control = new zmq.Router({ sendHighWaterMark: 0, linger: 1000 });
  private readonly stdin = new zmq.Router({ linger: 0 });
  private heartbeat: Worker | null = null;
  /** Resolves once the heartbeat socket is bound; rejects when it cannot be (see `start`). */
  heartbeatBound: Promise<void> = Promise.resolve();
  private readonly writers: Map<zmq.Socket, SocketWriter> = new Map();
  private readonly queue: { socket: zmq.Router; message: Message }[] = [];
  private wake: (() => void) | null = null;
  private executionCount = 0;
  private readonly history: HistoryEntry[] = [];
  /** The request whose outputs are being produced; late output (timers) goes to the last one, as in ipykernel. */
  private parent: Message | null = null;
  private readonly streams: StreamBuffer;
  private interpreter: Session | null = null;
  private prelude: PreludeResult | null = null;
  private preludeReported = false;
  private markLoaded!: () => void;
  private readonly loaded = new Promise<void>((resolve) => (this.markLoaded = resolve));
  private markContacted!: () => void;
  private readonly contacted = new Promise<void>((resolve) => (this.markContacted = resolve));
  private readonly replied = new WeakSet<Message>();
  /** Set when a cell failed with stop_on_error: see LATE_ABORT_WINDOW_MS. */
  private lateAbort: { errorSentAt: number; until: number } | null = null;
  private closing = false;
  private shutdownRequested = false;
  private done!: () => void;
  readonly finished: Promise<void> = new Promise((resolve) => (this.done = resolve));

  constructor(
    private readonly info: ConnectionInfo,
    private readonly log: Log = defaultLog(),
  ) {
    this.signer = new Signer(info.key, info.signature_scheme);
    for (const socket of [this.iopub, this.shell, this.control, this.stdin]) {
      this.writers.set(socket, new SocketWriter(socket, (e) => this.log(`send failed: ${String(e)}`)));
    }
    this.streams = new StreamBuffer((name, text) => this.publish("stream", { name, text }));
  }

  /**
   * Binds the sockets and starts answering; executes wait until `loadedWith`. The heartbeat's
   * worker thread binds its socket meanwhile: `heartbeatBound` says when. Starting that thread
   * takes ~0.1 s, during which this thread would sit idle if it waited (a front end's kernel_info
   * is answered without it, and its heartbeat checks come seconds later and reconnect).
   */
  async start(): Promise<void> {
    const { info } = this;
    this.heartbeatBound = this.startHeartbeat();
    // Awaited by the start (runKernel); a failure before then must not count as unhandled.
    this.heartbeatBound.catch(() => undefined);
    await Promise.all([
      bindChannel(this.iopub, "iopub", socketAddress(info, info.iopub_port)),
      bindChannel(this.shell, "shell", socketAddress(info, info.shell_port)),
      bindChannel(this.control, "control", socketAddress(info, info.control_port)),
      bindChannel(this.stdin, "stdin", socketAddress(info, info.stdin_port)),
    ]);
    this.captureOutput();
    void this.readLoop(this.shell, (message) => this.onShell(message));
    void this.readLoop(this.control, (message) => void this.handleControl(message));
    void this.runShellQueue();
    this.publish("status", { execution_state: "starting" }, null);
  }

  /** Resolves once a front end's kernel_info has been answered, or after `ms`. */
  firstContact(ms: number = FIRST_CONTACT_MS): Promise<void> {
    return Promise.race([this.contacted, new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);
  }

  /** The interpreter is ready: queued executes run from now on. */
  loadedWith(interpreter: Session, prelude: PreludeResult): void {
    // Objects displayed through tslab's own `display` API reach the same channel (loaded only now:
    // tslab's modules must load after the Session's resolution hook).
    const tslabJupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };
    tslabJupyter.lastWriteDisplayData = (message: DisplayMessage, update: boolean) =>
      this.sendDisplay({ ...message, transient: message.transient ?? {} }, update);
    this.interpreter = interpreter;
    this.prelude = prelude;
    // PyTorch's warnings go to the running cell's stderr, formatted and filtered as Python's (kernel/warnings.ts).
    routeWarnings(interpreter.tracebacks, (text) => this.streams.write("stderr", text));
    this.markLoaded();
  }

  /**
   * Has the heartbeat's thread end the process killAfterMs after `parent` stops being its parent
   * (kernel/heartbeat.ts): the watch that still runs while a cell blocks this thread.
   */
  watchParentFromHeartbeat(parent: number, killAfterMs: number): void {
    this.heartbeat?.postMessage({ watchParent: parent, killAfterMs });
  }

  private startHeartbeat(): Promise<void> {
    const address = socketAddress(this.info, this.info.hb_port);
    const worker = new Worker(path.join(packageRoot(), "dist", "kernel", "heartbeat.js"), { workerData: { address } });
    this.heartbeat = worker;
    worker.unref();
    return new Promise<void>((resolve, reject) => {
      worker.on("message", (message: { bound?: boolean; error?: string }) => {
        if (message.bound) resolve();
        if (message.error) {
          this.log(`heartbeat failed: ${message.error}`);
          reject(new Error(`cannot bind the heartbeat to ${address}: ${message.error}`));
        }
      });
      worker.once("error", reject);
    });
  }

  /**
   * Errors nobody awaits (a rejected promise, a throwing timer callback) are reported on stderr of
   * the running cell, or of the last one, and the kernel goes on. The capture callback takes every
   * uncaught exception before any `uncaughtException` listener could, and the wasm runtime's
   * `unhandledRejection` listener, which rethrows, ends up there too; our own listener reports the
   * rejection first, so that rethrow is recognised and not reported twice.
   */
  installAsyncErrorHandlers(): void {
    const none = Symbol("none");
    let lastRejection: unknown = none;
    process.on("unhandledRejection", (reason) => {
      lastRejection = reason;
      setImmediate(() => (lastRejection = none));
      this.reportAsyncError("Unhandled promise rejection", reason);
    });
    process.setUncaughtExceptionCaptureCallback((error) => {
      if (error === lastRejection) return;
      this.reportAsyncError("Uncaught exception", error);
    });
  }

  private reportAsyncError(what: string, error: unknown): void {
    let text: string;
    if (error instanceof Error) {
      const name = error.name || "Error";
      text = this.interpreter ? this.interpreter.tracebacks.format(error, name, error.message).join("\n") : error.stack ?? `${name}: ${error.message}`;
    } else {
      text = inspect(error);
    }
    this.log(`${what}: ${text}`);
    this.streams.write("stderr", `${what}: ${text}\n`);
  }

  /** Routes process output and the display emitter to the current request's iopub stream. */
  private captureOutput(): void {
    const route = (name: "stdout" | "stderr") => (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      this.streams.write(name, chunk);
      const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
      callback?.();
      return true;
    };
    process.stdout.write = route("stdout") as typeof process.stdout.write;
    process.stderr.write = route("stderr") as typeof process.stderr.write;
    // console.log of an array of tensors / Sizes / numbers / strings prints Python's list, as print() would;
    // a String object (a torch.device) prints its text, as print(device) writes str(device): cpu.
    const log = console.log.bind(console);
    console.log = (...args: unknown[]): void => log(...args.map((a) => pythonList(a) ?? (a instanceof String ? a.valueOf() : a)));
    setDisplaySink({
      display: (message, update) => this.sendDisplay(message, update),
      clear_output: (wait) => {
        this.streams.flush();
        this.publish("clear_output", { wait });
      },
    });
  }

  private sendDisplay(message: DisplayMessage, update: boolean): void {
    this.streams.flush();
    this.publish(update ? "update_display_data" : "display_data", {
      data: message.data,
      metadata: message.metadata,
      transient: message.transient ?? {},
    });
  }

  private async readLoop(socket: zmq.Router, handle: (message: Message) => void): Promise<void> {
    try {
      for await (const frames of socket) {
        let message: Message;
        try {
          message = decode(frames, this.signer);
        } catch (error) {
          const why = error instanceof InvalidMessage ? error.message : `unreadable message: ${String(error)}`;
          this.log(`dropped a message: ${why}`);
          continue;
        }
        handle(message);
      }
    } catch (error) {
      if (!this.closing) {
        this.log(`socket read failed: ${String(error)}`);
      }
    }
  }

  private onShell(message: Message): void {
    if (!this.interpreter && ANSWERED_WHILE_LOADING.has(message.header.msg_type)) {
      void this.handleShell(this.shell, message);
      return;
    }
    this.queue.push({ socket: this.shell, message });
    this.wake?.();
  }

  private async runShellQueue(): Promise<void> {
    while (!this.closing) {
      const next = this.queue.shift();
      if (!next) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      await this.loaded;
      if (this.closing) return;
      if (this.sentBeforeLastError(next.message)) {
        await this.abort(next);
        continue;
      }
      await this.handleShell(next.socket, next.message);
    }
  }

  private send(socket: zmq.Router | zmq.Publisher, msg_type: string, content: unknown, parent: Message | null, identities: Buffer[] = []): Promise<void> {
    const message = {
      identities,
      header: newHeader(msg_type, this.session, "kernel"),
      parent_header: parent ? parent.header : {},
      metadata: {},
      content,
      buffers: [],
    };
    return this.writers.get(socket)!.send(encode(message, this.signer));
  }

  private publish(msg_type: string, content: unknown, parent: Message | null = this.parent): void {
    void this.send(this.iopub, msg_type, content, parent, [Buffer.from(msg_type)]);
  }

  private reply(socket: zmq.Router, request: Message, content: unknown): Promise<void> {
    const msg_type = request.header.msg_type.replace(/_request$/, "_reply");
    this.replied.add(request);
    const sent = this.send(socket, msg_type, content, request, request.identities);
    if (msg_type === "kernel_info_reply") void sent.then(() => this.markContacted());
    return sent;
  }

  /** Every request is wrapped in busy/idle status messages, as clients wait for idle to know outputs are complete. */
  private async withStatus(socket: zmq.Router, request: Message, handle: () => Promise<void>): Promise<void> {
    this.publish("status", { execution_state: "busy" }, request);
    try {
      await handle();
    } catch (error) {
      const text = error instanceof Error ? error.stack ?? error.message : String(error);
      this.log(`${request.header.msg_type} failed: ${text}`);
      // A request always gets its reply, so that no client waits forever on a kernel error.
      if (!this.replied.has(request) && request.header.msg_type.endsWith("_request")) {
        const name = error instanceof Error ? error.name : "Error";
        const message = error instanceof Error ? error.message : String(error);
        await this.reply(socket, request, { status: "error", ename: name, evalue: message, traceback: [`${name}: ${message}`] });
      }
    } finally {
      this.publish("status", { execution_state: "idle" }, request);
      if (this.shutdownRequested) {
        await this.close();
      }
    }
  }

  private handleShell(socket: zmq.Router, request: Message): Promise<void> {
    return this.withStatus(socket, request, () => this.dispatch(socket, request));
  }

  private handleControl(request: Message): Promise<void> {
    return this.withStatus(this.control, request, async () => {
      switch (request.header.msg_type) {
        case "interrupt_request":
          // Reaches us only while the event loop is free, i.e. a cell is awaiting: stop that await.
          // A synchronous loop blocks this socket too; SIGINT (interrupt_mode "signal") stops it.
          this.interpreter?.interrupt();
          return this.reply(this.control, request, { status: "ok" });
        case "execute_request": {
          // Code runs only from the shell queue: run here, it would interleave with the shell's cell
          // and take its outputs.
          const evalue = "execute_request belongs on the shell channel; the control channel does not run code";
          this.log(`refused an ${request.header.msg_type} on the control channel`);
          return this.reply(this.control, request, {
            status: "error",
            ename: "ProtocolError",
            evalue,
            traceback: [`ProtocolError: ${evalue}`],
            execution_count: this.executionCount,
          });
        }
        default:
          return this.dispatch(this.control, request);
      }
    });
  }

  private async dispatch(socket: zmq.Router, request: Message): Promise<void> {
    const content = request.content;
    const code = typeof content.code === "string" ? content.code : "";
    // Positions on the wire count code points; a missing or invalid one means the end, as in ipykernel.
    const cursor = () =>
      codePointsToUtf16(
        code,
        typeof content.cursor_pos === "number" && Number.isInteger(content.cursor_pos) && content.cursor_pos >= 0
          ? content.cursor_pos
          : Number.MAX_SAFE_INTEGER,
      );
    switch (request.header.msg_type) {
      case "kernel_info_request":
        return this.reply(socket, request, this.kernelInfo());
      case "execute_request":
        return this.execute(socket, request);
      case "complete_request": {
        const result = this.loadedInterpreter().complete(code, cursor());
        return this.reply(socket, request, {
          status: "ok",
          matches: result.matches,
          cursor_start: utf16ToCodePoints(code, result.cursor_start),
          cursor_end: utf16ToCodePoints(code, result.cursor_end),
          metadata: {},
        });
      }
      case "inspect_request": {
        const text = this.loadedInterpreter().inspect(code, cursor());
        return this.reply(socket, request, {
          status: "ok",
          found: text !== null,
          data: text === null ? {} : { "text/plain": text },
          metadata: {},
        });
      }
      case "is_complete_request": {
        const result = this.loadedInterpreter().isComplete(code);
        return this.reply(
          socket,
          request,
          result.completed ? { status: "complete" } : { status: "incomplete", indent: result.indent ?? "" },
        );
      }
      case "history_request":
        return this.reply(socket, request, { status: "ok", history: this.historyFor(content) });
      case "comm_info_request":
        // No comm targets are registered: the kernel has no widgets.
        return this.reply(socket, request, { status: "ok", comms: {} });
      case "shutdown_request":
        return this.shutdown(socket, request);
      case "comm_open":
      case "comm_msg":
      case "comm_close":
        // Nothing opens comms here, so there is no target to route these to (ipykernel ignores them too).
        return;
      default:
        this.log(`ignored unknown message type ${request.header.msg_type}`);
    }
  }

  private loadedInterpreter(): Session {
    if (!this.interpreter) throw new Error("the interpreter is still loading");
    return this.interpreter;
  }

  private kernelInfo(): JsonObject {
    const torchlab = this.torchlabInfo();
    return {
      status: "ok",
      protocol_version: PROTOCOL_VERSION,
      implementation: "torchlab",
      implementation_version: torchlab.versions.torchlab,
      language_info: {
        name: "typescript",
        version: torchlab.versions.typescript,
        mimetype: "text/typescript",
        file_extension: ".ts",
        pygments_lexer: "typescript",
        codemirror_mode: { name: "javascript", typescript: true, mode: "typescript" },
      },
      banner:
        `torchlab ${torchlab.versions.torchlab} (tslab ${torchlab.versions.tslab}) - ` +
        `TypeScript ${torchlab.versions.typescript} on Node.js ${torchlab.versions.node} - ${torchlab.prelude}`,
      debugger: false,
      help_links: [{ text: "torchlab", url: "https://github.com/torchlab/torchlab" }],
      torchlab,
    };
  }

  torchlabInfo(): TorchlabInfo {
    return {
      ready: this.prelude !== null,
      backend: this.prelude?.backend ?? null,
      prelude: this.prelude?.summary ?? "loading",
      versions: { torchlab: packageVersion(), ...dependencyVersions(), node: process.version },
      start: startReport,
      memory: { rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20), heap_mb: Math.round(getHeapStatistics().total_physical_size / 2 ** 20) },
    };
  }

  private async execute(socket: zmq.Router, request: Message): Promise<void> {
    const interpreter = this.loadedInterpreter();
    const content = request.content as {
      code?: unknown;
      silent?: unknown;
      store_history?: unknown;
      stop_on_error?: unknown;
    };
    const code = typeof content.code === "string" ? content.code : "";
    const silent = content.silent === true;
    const storeHistory = silent ? false : content.store_history !== false;
    this.streams.flush();
    this.parent = request;
    // The supervisor (kernel/supervisor.ts) reports a fatal death under the cell that was running.
    if (process.connected) process.send?.({ parent: request.header });
    if (storeHistory) {
      this.executionCount += 1;
    }
    const count = this.executionCount;
    // From here the front end shows the cell running: an interrupt before it starts is its own.
    interpreter.announceCell();
    if (!silent) {
      this.publish("execute_input", { code, execution_count: count });
    }
    if (this.prelude && !this.prelude.ok && !this.preludeReported) {
      this.preludeReported = true;
      this.streams.write("stderr", `${this.prelude.summary}\n`);
    }
    // Compiling and running the cell hold the event loop: busy and execute_input must be handed to
    // ZeroMQ (whose I/O thread sends them) before, or the front end shows "idle" until the cell ends.
    await this.writers.get(this.iopub)!.flushed();
    const outcome: Outcome = await interpreter.execute(code, count);
    let outputText: string | null = null;
    if (outcome.status === "ok" && outcome.hasValue && !silent) {
      // A string value is shown as IPython shows a str, its repr ('abc', "it's", 'a\nb'), so that "1" and 1 look different.
      const value = outcome.value;
      const rendering = typeof value === "string" ? { "text/plain": pyString(value) } : toMimeBundle(value);
      const bundle: MimeBundle = await Promise.resolve(rendering).catch((error: unknown) => ({
        "text/plain": `display failed: ${String(error)}`,
      }));
      outputText = typeof bundle["text/plain"] === "string" ? bundle["text/plain"] : null;
      this.streams.flush();
      this.publish("execute_result", { execution_count: count, data: bundle, metadata: {} });
    }
    this.streams.flush();
    if (storeHistory) {
      this.history.push({ line: count, input: code, output: outputText });
    }
    if (outcome.status === "error") {
      const { ename, evalue, traceback } = outcome;
      if (!silent) {
        this.publish("error", { ename, evalue, traceback });
        this.cellEnded();
      }
      // Which requests to abort is decided before the error reply leaves: a client that sends its
      // next cell on seeing the reply must not have it aborted.
      const stopOnError = content.stop_on_error !== false;
      const toAbort = stopOnError ? await this.takeQueuedExecutes() : [];
      if (stopOnError) {
        const now = Date.now();
        this.lateAbort = { errorSentAt: now, until: now + LATE_ABORT_WINDOW_MS };
      }
      await this.reply(socket, request, { status: "error", execution_count: count, ename, evalue, traceback });
      for (const item of toAbort) {
        await this.abort(item);
      }
      return;
    }
    if (!silent) this.cellEnded();
    await this.reply(socket, request, { status: "ok", execution_count: count, payload: [], user_expressions: {} });
  }

  /** IPython's post_execute: what cells leave behind for the end (pyplot's open figures) is shown now, under this cell. */
  private cellEnded(): void {
    runCellEndHooks();
    this.streams.flush();
  }

  /** As ipykernel: the reply is only `aborted`, with no execution count (the cell never ran). */
  private async abort(item: { socket: zmq.Router; message: Message }): Promise<void> {
    this.publish("status", { execution_state: "busy" }, item.message);
    await this.reply(item.socket, item.message, { status: "aborted" });
    this.publish("status", { execution_state: "idle" }, item.message);
  }

  /** An execute_request arriving late that its client sent before the last stop_on_error failure was answered. */
  private sentBeforeLastError(message: Message): boolean {
    if (!this.lateAbort || message.header.msg_type !== "execute_request") return false;
    if (Date.now() > this.lateAbort.until) {
      this.lateAbort = null;
      return false;
    }
    const sent = typeof message.header.date === "string" ? Date.parse(message.header.date) : NaN;
    return Number.isFinite(sent) && sent < this.lateAbort.errorSentAt;
  }

  /**
   * ipykernel's stop_on_error: cells that were already waiting when a cell failed are answered
   * "aborted" without running; requests that come later run normally. Removes and returns them.
   */
  private async takeQueuedExecutes(): Promise<{ socket: zmq.Router; message: Message }[]> {
    // Let the read loop take every request ZeroMQ already holds (ipykernel flushes its stream the
    // same way) before deciding; the bound keeps a client flooding the socket from stalling us.
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    await tick();
    for (let i = 0; i < 1000 && this.shell.readable; i++) {
      await tick();
    }
    const taken = this.queue.filter((item) => item.message.header.msg_type === "execute_request");
    const others = this.queue.filter((item) => item.message.header.msg_type !== "execute_request");
    this.queue.splice(0, this.queue.length, ...others);
    return taken;
  }

  /** history_request: tail / range / search over this session's inputs (session number 1, as the only one). */
  private historyFor(content: JsonObject): unknown[] {
    const output = content.output === true;
    const entry = (h: HistoryEntry) => [1, h.line, output ? [h.input, h.output] : h.input];
    const n = typeof content.n === "number" ? content.n : undefined;
    const last = <T>(items: T[]) => (n === undefined ? items : items.slice(Math.max(0, items.length - n)));
    switch (content.hist_access_type) {
      case "tail":
        return last(this.history).map(entry);
      case "range": {
        const session = typeof content.session === "number" ? content.session : 0;
        if (session !== 0 && session !== 1) {
          return [];
        }
        const start = typeof content.start === "number" ? content.start : 1;
        const stop = typeof content.stop === "number" ? content.stop : Infinity;
        return this.history.filter((h) => h.line >= start && h.line < stop).map(entry);
      }
      case "search": {
        const pattern = globToRegExp(typeof content.pattern === "string" ? content.pattern : "*");
        let found = this.history.filter((h) => pattern.test(h.input));
        if (content.unique === true) {
          // Keep the latest occurrence of each input, in history order.
          const seen = new Set<string>();
          found = found.reverse().filter((h) => !seen.has(h.input) && seen.add(h.input) !== undefined).reverse();
        }
        return last(found).map(entry);
      }
      default:
        return [];
    }
  }

  private async shutdown(socket: zmq.Router, request: Message): Promise<void> {
    const restart = request.content.restart === true;
    this.streams.flush();
    await this.reply(socket, request, { status: "ok", restart });
    // The client restarts by starting a fresh process, which re-runs the prelude; this one ends
    // once the request's idle status is out.
    this.shutdownRequested = true;
  }

  async close(): Promise<void> {
    if (this.closing) {
      return;
    }
    this.closing = true;
    this.wake?.();
    await Promise.all([...this.writers.values()].map((writer) => writer.flushed()));
    this.interpreter?.close();
    for (const socket of [this.iopub, this.shell, this.control, this.stdin]) {
      socket.close();
    }
    // The worker closes its socket and ends by itself (ending the process under an open socket aborts it).
    const heartbeat = this.heartbeat;
    if (heartbeat) {
      const ended = new Promise<void>((resolve) => heartbeat.once("exit", () => resolve()));
      heartbeat.postMessage("close");
      await Promise.race([ended, new Promise<void>((resolve) => setTimeout(resolve, 2000).unref())]);
    }
    this.done();
  }
}

let versions: { tslab: string; typescript: string } | undefined;

/** tslab's version and its TypeScript's, read from their package.json (loading the compiler to ask would take a second). */
function dependencyVersions(): { tslab: string; typescript: string } {
  if (!versions) {
    const tslabDir = path.dirname(require.resolve("tslab/package.json"));
    const typescript = require(require.resolve("@tslab/typescript-for-tslab/package.json", { paths: [tslabDir] })) as { version: string };
    versions = { tslab: (require("tslab/package.json") as { version: string }).version, typescript: typescript.version };
  }
  return versions;
}

/** History search patterns are globs, as in IPython's sqlite GLOB: `*` and `?`. */
function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[\\s\\S]*").replace(/\?/g, "[\\s\\S]");
  return new RegExp(`^${body}$`);
}

/**
 * Starts loading the library and its backend before the compiler, so that the backend's
 * asynchronous part (compiling the wasm module, starting its worker threads) runs on the other
 * cores while the compiler parses declarations on this one; the prelude's own `await torch.ready()`
 * then finds it done. A failure here is left to the prelude, which reports it to the user.
 */
function preloadLibrary(): void {
  try {
    const { torch } = require("../src/index") as typeof import("../src/index");
    torch.ready().catch(() => undefined);
  } catch {
    // The prelude imports the library again and says what is wrong with it.
  }
}

/** How many turns of the event loop the start gives pending work between its synchronous steps. */
const BACKGROUND_TURNS = 3;

/**
 * Lets the backend's initialisation (started by preloadLibrary) take its next steps between the
 * start's long synchronous ones (requiring the compiler, parsing the declarations, compiling the
 * prelude). Each of its steps needs a turn of this thread (reading the .wasm file, starting the
 * module's compile and the worker threads); handed one only when the prelude awaited it, it then
 * finished alone, with this thread idle ~0.2 s out of a start. Given turns in between, its
 * off-thread work (wasm compile, workers starting) overlaps the compiler on another core.
 * A few turns cost nothing when nothing is pending.
 */
async function letBackgroundWorkAdvance(): Promise<void> {
  for (let i = 0; i < BACKGROUND_TURNS; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/** TORCHLAB_KERNEL_WORKER=1 puts the compiler on a worker thread; by default it stays on the main thread. */
export const KERNEL_WORKER_ENV = "TORCHLAB_KERNEL_WORKER";

/**
 * Whether this start puts the compiler on a worker thread (kernel/converter_worker.ts): only when
 * TORCHLAB_KERNEL_WORKER=1. Measured on this project's 2-core machine, quiet (load average ~1),
 * alternating starts: ready 2.00 / 2.13 s with the worker against 1.92 / 1.88 s without, 3.0 against
 * 2.7 s CPU, 289 against 232 MB idle RSS. The worker's second isolate loads TypeScript and parses the
 * declarations more slowly than the main thread does, and the main thread then waits ~1 s for it.
 */
function compilerOnWorker(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[KERNEL_WORKER_ENV] === "1";
}

/** `torchlab kernel --connection-file F`: answer at once, load the interpreter, serve until shutdown. */
export async function runKernel(connectionFile: string): Promise<void> {
  enableCompileCache();
  const exit = process.exit.bind(process);
  const info = readConnectionFile(connectionFile);
  const log = defaultLog();
  const server = new KernelServer(info, log);
  void server.finished.then(() => exit(0));
  let session: Session | null = null;
  // SIGINT stops a synchronous cell by itself (cells and their compiles run with breakOnSigint);
  // this handler stops an awaiting one and keeps the default action (exit) from ending the kernel.
  process.on("SIGINT", () => session?.interrupt());
  process.on("SIGTERM", () => void server.close());
  // Under the supervisor, which has the kernel in a process group of its own: end with it. Its
  // IPC channel closing says so; a changed parent says so too, should that event not come.
  const orphaned = () => {
    void server.close();
    // A close stuck behind a peer that vanished must not keep the kernel alive.
    setTimeout(() => exit(0), ORPHAN_GRACE_MS).unref();
  };
  process.once("disconnect", orphaned);
  const parent = process.ppid;
  const parentPoll = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(parentPoll);
    orphaned();
  }, PARENT_POLL_MS).unref();
  server.installAsyncErrorHandlers();
  // A cell's process.exit() is an error in that cell, as IPython treats sys.exit(); the kernel ends
  // only through shutdown_request or a signal.
  process.exit = ((code?: number | string | null) => {
    throw new SystemExit(code);
  }) as typeof process.exit;
  try {
    startPhase("entered");
    await server.start();
    // Twice the main thread's grace: a kernel whose main thread can close still closes gracefully.
    server.watchParentFromHeartbeat(parent, 2 * ORPHAN_GRACE_MS);
    startPhase("sockets bound");
    // The compiler loads, parses the declarations and compiles the prelude on a worker thread
    // (kernel/converter_worker.ts) while this thread loads the library. A kernel that uses the
    // startup snapshot of parsed declarations keeps the compiler on this thread, where the snapshot
    // is; it still has the declarations read ahead (kernel/preload.ts) when it starts without one.
    let remote: RemoteConverters | null = null;
    if (!snapshotEnabled() && compilerOnWorker()) {
      try {
        remote = new RemoteConverters(packageRoot());
        remote.buildAhead({ kind: "node", prunedTf: true, prunedNode: true, docsDeferred: true });
      } catch {
        remote = null;
      }
    }
    if (remote === null && snapshotStats() === null) startPreload(packageRoot());
    await server.firstContact();
    startPhase("first contact");
    preloadLibrary();
    startPhase("library required");
    await letBackgroundWorkAdvance();
    session = new Session(process.cwd(), remote);
    startPhase("compiler required");
    await letBackgroundWorkAdvance();
    session.prepare();
    await session.compileAhead(mergedPrelude());
    startPhase("declarations parsed");
    await letBackgroundWorkAdvance();
    const prelude = await runPrelude(session);
    if (!prelude.ok) {
      log(prelude.summary);
    }
    startPhase("prelude done");
    // Long bound by now; a heartbeat that failed ends the start as a socket that failed would.
    await server.heartbeatBound;
    const stats = snapshotStats();
    if (stats) {
      const missed = stats.missed.length > 0 ? ` (${stats.missed.slice(0, 5).map((f) => path.basename(f)).join(", ")}${stats.missed.length > 5 ? ", ..." : ""})` : "";
      startReport.snapshot = `${stats.hits} declaration files from the snapshot, ${stats.missed.length} parsed${missed}`;
    }
    server.loadedWith(session, prelude);
    // Written after the first cells can run, so that they include what the start compiled.
    setImmediate(() => {
      saveCompileCaches();
      savePreloadList();
      remote?.save();
      const heapMb = Number(process.env[SUPERVISED_ENV]);
      if (heapMb > 0) refreshSnapshot(packageRoot(), tslabTypeScriptPath(), heapMb);
    }).unref();
  } catch (error) {
    // Nothing can run without sockets or an interpreter: say why in the kernel log and end, so
    // that the front end reports a dead kernel instead of waiting on a live but useless one.
    log(`the kernel failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    exit(1);
  }
  await server.finished;
}
