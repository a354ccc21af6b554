/**
 * The Jupyter protocol handler of the torchlab kernel (messaging spec 5.3).
 *
 * Shell requests are read continuously into a queue and handled one at a time, so that when a cell
 * fails with stop_on_error the requests that had already arrived can be aborted the way ipykernel
 * does, while requests sent after the failure run normally. Control requests are handled as they
 * arrive. Every incoming message must carry a valid HMAC signature; others are logged and dropped.
 */
import * as zmq from "zeromq";
import { randomUUID } from "crypto";
import { inspect } from "util";
import { setDisplaySink, toMimeBundle, type DisplayMessage, type MimeBundle } from "../src/display/emitter";
import { packageVersion } from "./resolve";
import { runPrelude, type PreludeResult } from "./prelude";
import { Session, type Outcome } from "./session";
import {
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
} from "./wire";

/** Extra kernel_info field: what the headless runner records in metadata.torchlab. */
export interface TorchlabInfo {
  backend: string | null;
  prelude: string;
  versions: { torchlab: string; tslab: string; typescript: string; node: string };
}

interface HistoryEntry {
  line: number;
  input: string;
  output: string | null;
}

type Log = (text: string) => void;

/** Where kernel diagnostics go: the real stderr, which Jupyter servers keep as the kernel log. */
function defaultLog(): Log {
  const write = process.stderr.write.bind(process.stderr);
  return (text) => {
    write(`[torchlab] ${text}\n`);
  };
}

/** Buffers a cell's stdout/stderr into few stream messages, flushed before any other output. */
class StreamBuffer {
  private pending: { name: "stdout" | "stderr"; text: string }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly send: (name: string, text: string) => void) {}

  write(name: "stdout" | "stderr", text: string): void {
    const last = this.pending[this.pending.length - 1];
    if (last && last.name === name) {
      last.text += text;
    } else {
      this.pending.push({ name, text });
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
    for (const { name, text } of pending) {
      this.send(name, text);
    }
  }
}

export class KernelServer {
  private readonly signer: Signer;
  private readonly session = randomUUID();
  private readonly iopub = new zmq.Publisher();
  private readonly shell = new zmq.Router();
  private readonly control = new zmq.Router();
  private readonly stdin = new zmq.Router();
  private readonly heartbeat = new zmq.Reply();
  private readonly writers: Map<zmq.Socket, SocketWriter> = new Map();
  private readonly queue: { socket: zmq.Router; message: Message }[] = [];
  private wake: (() => void) | null = null;
  private executionCount = 0;
  private readonly history: HistoryEntry[] = [];
  /** The request whose outputs are being produced; late output (timers) goes to the last one, as in ipykernel. */
  private parent: Message | null = null;
  private readonly streams: StreamBuffer;
  private preludeReported = false;
  private closing = false;
  private shutdownRequested = false;
  private done!: () => void;
  readonly finished: Promise<void> = new Promise((resolve) => (this.done = resolve));

  constructor(
    private readonly info: ConnectionInfo,
    private readonly interpreter: Session,
    private readonly prelude: PreludeResult,
    private readonly log: Log = defaultLog(),
  ) {
    this.signer = new Signer(info.key, info.signature_scheme);
    for (const socket of [this.iopub, this.shell, this.control, this.stdin]) {
      this.writers.set(socket, new SocketWriter(socket, (e) => this.log(`send failed: ${String(e)}`)));
    }
    this.streams = new StreamBuffer((name, text) => this.publish("stream", { name, text }));
  }

  async start(): Promise<void> {
    const { info } = this;
    await Promise.all([
      this.iopub.bind(socketAddress(info, info.iopub_port)),
      this.shell.bind(socketAddress(info, info.shell_port)),
      this.control.bind(socketAddress(info, info.control_port)),
      this.stdin.bind(socketAddress(info, info.stdin_port)),
      this.heartbeat.bind(socketAddress(info, info.hb_port)),
    ]);
    this.captureOutput();
    void this.readLoop(this.shell, (message) => this.enqueue(this.shell, message));
    void this.readLoop(this.control, (message) => void this.handleControl(message));
    void this.echoHeartbeat();
    void this.runShellQueue();
    this.publish("status", { execution_state: "starting" }, null);
  }

  /** Routes process output and the display emitter to the current request's iopub stream. */
  private captureOutput(): void {
    const route = (name: "stdout" | "stderr") => (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      this.streams.write(name, typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
      callback?.();
      return true;
    };
    process.stdout.write = route("stdout") as typeof process.stdout.write;
    process.stderr.write = route("stderr") as typeof process.stderr.write;
    setDisplaySink({
      display: (message, update) => this.sendDisplay(message, update),
      clear_output: (wait) => {
        this.streams.flush();
        this.publish("clear_output", { wait });
      },
    });
    // Objects displayed through tslab's own `display` API reach the same channel.
    const tslabJupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };
    tslabJupyter.lastWriteDisplayData = (message: DisplayMessage, update: boolean) =>
      this.sendDisplay({ ...message, transient: message.transient ?? {} }, update);
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

  private async echoHeartbeat(): Promise<void> {
    try {
      for await (const frames of this.heartbeat) {
        await this.heartbeat.send(frames);
      }
    } catch (error) {
      if (!this.closing) {
        this.log(`heartbeat failed: ${String(error)}`);
      }
    }
  }

  private enqueue(socket: zmq.Router, message: Message): void {
    this.queue.push({ socket, message });
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
    return this.send(socket, msg_type, content, request, request.identities);
  }

  /** Every request is wrapped in busy/idle status messages, as clients wait for idle to know outputs are complete. */
  private async withStatus(request: Message, handle: () => Promise<void>): Promise<void> {
    this.publish("status", { execution_state: "busy" }, request);
    try {
      await handle();
    } catch (error) {
      this.log(`${request.header.msg_type} failed: ${error instanceof Error ? error.stack : String(error)}`);
    } finally {
      this.publish("status", { execution_state: "idle" }, request);
      if (this.shutdownRequested) {
        await this.close();
      }
    }
  }

  private handleShell(socket: zmq.Router, request: Message): Promise<void> {
    return this.withStatus(request, () => this.dispatch(socket, request));
  }

  private handleControl(request: Message): Promise<void> {
    return this.withStatus(request, async () => {
      if (request.header.msg_type === "interrupt_request") {
        // Reaches us only while the event loop is free, i.e. a cell is awaiting: stop that await.
        // A synchronous loop blocks this socket too; SIGINT (interrupt_mode "signal") stops it.
        this.interpreter.interrupt();
        await this.reply(this.control, request, { status: "ok" });
      } else await this.dispatch(this.control, request);
    });
  }

  private async dispatch(socket: zmq.Router, request: Message): Promise<void> {
    const content = request.content;
    switch (request.header.msg_type) {
      case "kernel_info_request":
        return this.reply(socket, request, this.kernelInfo());
      case "execute_request":
        return this.execute(socket, request);
      case "complete_request": {
        const result = this.interpreter.complete(String(content.code), Number(content.cursor_pos));
        return this.reply(socket, request, { status: "ok", ...result, metadata: {} });
      }
      case "inspect_request": {
        const text = this.interpreter.inspect(String(content.code), Number(content.cursor_pos));
        return this.reply(socket, request, {
          status: "ok",
          found: text !== null,
          data: text === null ? {} : { "text/plain": text },
          metadata: {},
        });
      }
      case "is_complete_request": {
        const result = this.interpreter.isComplete(String(content.code));
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
        `TypeScript ${torchlab.versions.typescript} on Node.js ${torchlab.versions.node} - ${this.prelude.summary}`,
      debugger: false,
      help_links: [{ text: "torchlab", url: "https://github.com/torchlab/torchlab" }],
      torchlab,
    };
  }

  torchlabInfo(): TorchlabInfo {
    const tslab = require("tslab/package.json") as { version: string };
    const { tslabTypeScript } = require("./resolve") as typeof import("./resolve");
    return {
      backend: this.prelude.backend ?? null,
      prelude: this.prelude.summary,
      versions: { torchlab: packageVersion(), tslab: tslab.version, typescript: tslabTypeScript().version, node: process.version },
    };
  }

  private async execute(socket: zmq.Router, request: Message): Promise<void> {
    const content = request.content as {
      code?: string;
      silent?: boolean;
      store_history?: boolean;
      stop_on_error?: boolean;
    };
    const code = content.code ?? "";
    const silent = content.silent === true;
    const storeHistory = silent ? false : content.store_history !== false;
    this.streams.flush();
    this.parent = request;
    if (storeHistory) {
      this.executionCount += 1;
    }
    const count = this.executionCount;
    if (!silent) {
      this.publish("execute_input", { code, execution_count: count });
    }
    if (!this.prelude.ok && !this.preludeReported) {
      this.preludeReported = true;
      this.streams.write("stderr", `${this.prelude.summary}\n`);
    }
    let outcome: Outcome;
    try {
      outcome = await this.interpreter.execute(code);
    } catch (error) {
      outcome = { status: "error", ename: "InternalError", evalue: String(error), traceback: [String(error)] };
    }
    let outputText: string | null = null;
    if (outcome.status === "ok" && outcome.hasValue && !silent) {
      // A string value is shown quoted, as a REPL does, so that "1" and 1 look different.
      const value = outcome.value;
      const rendering = typeof value === "string" ? { "text/plain": inspect(value) } : toMimeBundle(value);
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
      }
      // Which requests to abort is decided before the error reply leaves: a client that sends its
      // next cell on seeing the reply must not have it aborted.
      const toAbort = content.stop_on_error !== false ? await this.takeQueuedExecutes() : [];
      await this.reply(socket, request, { status: "error", execution_count: count, ename, evalue, traceback });
      for (const item of toAbort) {
        this.publish("status", { execution_state: "busy" }, item.message);
        await this.reply(item.socket, item.message, { status: "aborted", execution_count: this.executionCount });
        this.publish("status", { execution_state: "idle" }, item.message);
      }
      return;
    }
    await this.reply(socket, request, { status: "ok", execution_count: count, payload: [], user_expressions: {} });
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
    this.interpreter.close();
    for (const socket of [this.iopub, this.shell, this.control, this.stdin, this.heartbeat]) {
      socket.linger = 1000;
      socket.close();
    }
    this.done();
  }
}

/** History search patterns are globs, as in IPython's sqlite GLOB: `*` and `?`. */
function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[\\s\\S]*").replace(/\?/g, "[\\s\\S]");
  return new RegExp(`^${body}$`);
}

/** `torchlab kernel --connection-file F`: run the prelude, then serve until shutdown. */
export async function runKernel(connectionFile: string): Promise<void> {
  const info = readConnectionFile(connectionFile);
  const log = defaultLog();
  const session = new Session(process.cwd());
  const prelude = await runPrelude(session);
  if (!prelude.ok) {
    log(prelude.summary);
  }
  const server = new KernelServer(info, session, prelude, log);
  // SIGINT stops a synchronous cell by itself (the executor runs cells with breakOnSigint);
  // this handler stops an awaiting one and keeps the default action (exit) from ending the kernel.
  process.on("SIGINT", () => session.interrupt());
  process.on("SIGTERM", () => void server.close());
  process.on("uncaughtException", (error) => process.stderr.write(`Uncaught ${error.stack ?? String(error)}\n`));
  process.on("unhandledRejection", (reason) =>
    process.stderr.write(`Unhandled promise rejection: ${reason instanceof Error ? reason.stack : String(reason)}\n`),
  );
  await server.start();
  await server.finished;
  process.exit(0);
}
