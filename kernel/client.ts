/**
 * A kernel subprocess and the client end of its sockets: what the headless runner talks to.
 * It speaks the real protocol (signed messages over ZeroMQ), exactly as Jupyter front ends do.
 */
import { ChildProcess, spawn } from "child_process";
import { randomBytes, randomUUID } from "crypto";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import * as zmq from "zeromq";
import { packageRoot } from "./resolve";
import { decode, encode, newHeader, Signer, socketAddress, SocketWriter, type ConnectionInfo, type JsonObject, type Message } from "./wire";

/** How long an interrupted cell may take to stop before the kernel is killed. */
const INTERRUPT_GRACE_MS = 15_000;
/** How many times a kernel is started on new ports when one it was given was taken meanwhile. */
const PORT_ATTEMPTS = 3;
/** What a kernel whose port was taken prints before it exits (kernel/server.ts's start-up failure). */
const ADDRESS_IN_USE = /Address already in use|EADDRINUSE/;

/** Free TCP ports, found by binding port 0 (the same approach jupyter_client takes). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<net.Server>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** How the client chooses its kernel's ports (a test takes one before the kernel can, to check the retry). */
export const portChooser = { choose: freePorts };

export interface ExecuteHandlers {
  /** Every iopub message whose parent is this request, in order, except status and execute_input. */
  onOutput(msg_type: string, content: JsonObject): void;
}

export interface ExecuteReply {
  content: JsonObject;
  /** Whether the reply arrived before the timeout (after which the kernel was interrupted). */
  timedOut: boolean;
}

export class KernelClient {
  private readonly signer: Signer;
  private readonly session = randomUUID();
  private readonly shell = new zmq.Dealer();
  private readonly control = new zmq.Dealer();
  private readonly iopub = new zmq.Subscriber();
  private readonly shellWriter: SocketWriter;
  private readonly controlWriter: SocketWriter;
  private readonly waiters = new Map<string, { reply?: JsonObject; idle: boolean; resolve: () => void; handlers?: ExecuteHandlers }>();
  private exited = false;
  private closing = false;
  /** Everything the kernel wrote to its own stderr: its log, shown when something goes wrong. */
  kernelLog = "";

  private constructor(
    readonly info: ConnectionInfo,
    readonly child: ChildProcess,
    private readonly connectionFile: string,
  ) {
    this.signer = new Signer(info.key, info.signature_scheme);
    const fail = (e: unknown) => {
      if (!this.closing) {
        process.stderr.write(`torchlab run: send failed: ${String(e)}\n`);
      }
    };
    this.shellWriter = new SocketWriter(this.shell, fail);
    this.controlWriter = new SocketWriter(this.control, fail);
    child.stderr?.on("data", (chunk: Buffer) => (this.kernelLog += chunk.toString("utf8")));
    child.once("exit", () => {
      this.exited = true;
      for (const waiter of this.waiters.values()) {
        waiter.resolve();
      }
    });
  }

  /**
   * Starts `torchlab kernel` in `cwd` (the notebook's folder) and waits until it answers kernel_info.
   * `nodeArgs` are Node options for the kernel process, given the connection file it will read (the
   * grader's sandbox: kernel/course/sandbox.ts).
   */
  static async start(
    cwd: string,
    env: NodeJS.ProcessEnv = process.env,
    startTimeoutMs = 120_000,
    nodeArgs: (connectionFile: string) => string[] = () => [],
  ): Promise<KernelClient> {
    // The ports are free when chosen but not reserved: on a busy machine another process (an outgoing
    // connection's ephemeral port, another kernel choosing at the same moment) may take one before the
    // kernel binds it, and the kernel exits with EADDRINUSE. Like jupyter_client's restarter (new random
    // ports until the kernel is alive), start again on new ports.
    for (let attempt = 1; ; attempt++) {
      try {
        return await KernelClient.startOnce(cwd, env, startTimeoutMs, nodeArgs);
      } catch (error) {
        if (attempt >= PORT_ATTEMPTS || !ADDRESS_IN_USE.test(String(error))) throw error;
      }
    }
  }

  private static async startOnce(
    cwd: string,
    env: NodeJS.ProcessEnv,
    startTimeoutMs: number,
    nodeArgs: (connectionFile: string) => string[],
  ): Promise<KernelClient> {
    const [shell_port, iopub_port, stdin_port, control_port, hb_port] = await portChooser.choose(5);
    const info: ConnectionInfo = {
      transport: "tcp",
      ip: "127.0.0.1",
      shell_port,
      iopub_port,
      stdin_port,
      control_port,
      hb_port,
      key: randomBytes(32).toString("hex"),
      signature_scheme: "hmac-sha256",
      kernel_name: "torchlab",
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-run-"));
    const connectionFile = path.join(dir, "kernel.json");
    fs.writeFileSync(connectionFile, JSON.stringify(info), { mode: 0o600 });
    const args = [...nodeArgs(connectionFile), path.join(packageRoot(), "bin", "torchlab.js"), "kernel", "--connection-file", connectionFile];
    const child = spawn(process.execPath, args, {
      cwd,
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const client = new KernelClient(info, child, connectionFile);
    client.connect();
    const started = Date.now();
    try {
      await client.awaitReady(startTimeoutMs, started);
    } catch (error) {
      // A kernel that did not come up must not outlive the caller's attempt.
      child.kill("SIGKILL");
      await client.shutdown().catch(() => undefined);
      throw error;
    }
    return client;
  }

  private async awaitReady(startTimeoutMs: number, started: number): Promise<void> {
    await this.waitReady(startTimeoutMs);
    // The kernel answers while it is still loading; what the run records (backend, prelude) is
    // known once an execute, which waits for the loading, has been answered.
    if ((this.kernelInfo.torchlab as JsonObject | undefined)?.ready === false) {
      const remaining = Math.max(1000, startTimeoutMs - (Date.now() - started));
      const content = { code: "", silent: true, store_history: false, user_expressions: {}, allow_stdin: false, stop_on_error: false };
      const { complete } = await this.request("execute_request", content, this.shellWriter, remaining);
      if (!complete) {
        throw new Error(`the kernel did not finish loading within ${startTimeoutMs / 1000}s:\n${this.kernelLog}`);
      }
      await this.waitReady(startTimeoutMs);
    }
  }

  private connect(): void {
    this.shell.connect(socketAddress(this.info, this.info.shell_port));
    this.control.connect(socketAddress(this.info, this.info.control_port));
    this.iopub.connect(socketAddress(this.info, this.info.iopub_port));
    this.iopub.subscribe();
    void this.readReplies(this.shell);
    void this.readReplies(this.control);
    void this.readIopub();
  }

  /**
   * A subscriber misses what was published before its subscription reached the kernel, so (like
   * jupyter_client) keep asking kernel_info until its reply and its idle status on iopub both arrive.
   */
  private async waitReady(timeoutMs: number): Promise<JsonObject> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) {
        throw new Error(`the kernel exited during startup:\n${this.kernelLog}`);
      }
      const { reply, complete } = await this.request("kernel_info_request", {}, this.shellWriter, 1000);
      if (complete && reply) {
        this.kernelInfo = reply;
        return reply;
      }
    }
    throw new Error(`the kernel did not answer within ${timeoutMs / 1000}s:\n${this.kernelLog}`);
  }

  kernelInfo: JsonObject = {};

  private send(writer: SocketWriter, msg_type: string, content: JsonObject): string {
    const header = newHeader(msg_type, this.session, os.userInfo().username);
    const message = { identities: [], header, parent_header: {}, metadata: {}, content, buffers: [] };
    void writer.send(encode(message, this.signer));
    return header.msg_id;
  }

  /** Sends a request and waits (up to timeoutMs) for its reply and its idle status. */
  private request(msg_type: string, content: JsonObject, writer: SocketWriter, timeoutMs: number, handlers?: ExecuteHandlers) {
    let msg_id = "";
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<void>((resolve) => {
      msg_id = this.send(writer, msg_type, content);
      this.waiters.set(msg_id, { idle: false, resolve, handlers });
      timer = setTimeout(resolve, timeoutMs);
    });
    return done.then(() => {
      clearTimeout(timer);
      const waiter = this.waiters.get(msg_id)!;
      this.waiters.delete(msg_id);
      return { reply: waiter.reply, complete: waiter.reply !== undefined && waiter.idle };
    });
  }

  private settle(msg_id: string): void {
    const waiter = this.waiters.get(msg_id);
    if (waiter && waiter.reply && waiter.idle) {
      waiter.resolve();
    }
  }

  private async readReplies(socket: zmq.Dealer): Promise<void> {
    try {
      for await (const frames of socket) {
        const message = this.decodeOrLog(frames);
        const waiter = message && this.waiters.get(message.parent_header.msg_id ?? "");
        if (message && waiter) {
          waiter.reply = message.content;
          this.settle(message.parent_header.msg_id!);
        }
      }
    } catch (error) {
      if (!this.closing) {
        process.stderr.write(`torchlab run: reading replies failed: ${String(error)}\n`);
      }
    }
  }

  private async readIopub(): Promise<void> {
    try {
      for await (const frames of this.iopub) {
        const message = this.decodeOrLog(frames);
        const parent = message?.parent_header.msg_id;
        const waiter = parent ? this.waiters.get(parent) : undefined;
        if (!message || !waiter) {
          continue;
        }
        const type = message.header.msg_type;
        if (type === "status") {
          if (message.content.execution_state === "idle") {
            waiter.idle = true;
            this.settle(parent!);
          }
        } else if (type !== "execute_input") {
          waiter.handlers?.onOutput(type, message.content);
        }
      }
    } catch (error) {
      if (!this.closing) {
        process.stderr.write(`torchlab run: reading iopub failed: ${String(error)}\n`);
      }
    }
  }

  private decodeOrLog(frames: Buffer[]): Message | null {
    try {
      return decode(frames, this.signer);
    } catch (error) {
      process.stderr.write(`torchlab run: dropped a kernel message: ${String(error)}\n`);
      return null;
    }
  }

  /**
   * Executes one cell. On timeout the kernel is interrupted (SIGINT, as its kernelspec's
   * interrupt_mode says) and the interrupted cell's reply is still awaited, briefly.
   */
  async execute(code: string, timeoutMs: number, handlers: ExecuteHandlers): Promise<ExecuteReply> {
    const content = { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true };
    let msg_id = "";
    let timedOut = false;
    const finished = new Promise<void>((resolve) => {
      msg_id = this.send(this.shellWriter, "execute_request", content);
      this.waiters.set(msg_id, { idle: false, resolve, handlers });
    });
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      this.interrupt();
      // A cell that ignores the interrupt (stuck in native code) must not hang the run forever.
      killer = setTimeout(() => this.child.kill("SIGKILL"), INTERRUPT_GRACE_MS);
    }, timeoutMs);
    await finished;
    clearTimeout(timer);
    clearTimeout(killer);
    const waiter = this.waiters.get(msg_id)!;
    this.waiters.delete(msg_id);
    if (!waiter.reply) {
      const why = this.exited ? `the kernel died (exit code ${this.child.exitCode}, signal ${this.child.signalCode})` : "no reply";
      return { content: { status: "error", ename: "DeadKernelError", evalue: why, traceback: [why, this.kernelLog] }, timedOut };
    }
    return { content: waiter.reply, timedOut };
  }

  interrupt(): void {
    if (!this.exited) {
      this.child.kill("SIGINT");
    }
  }

  /** Asks the kernel to shut down, then makes sure the process is gone. */
  async shutdown(): Promise<void> {
    if (!this.exited) {
      const exited = new Promise((resolve) => this.child.once("exit", resolve));
      await this.request("shutdown_request", { restart: false }, this.controlWriter, 5000);
      const timer = setTimeout(() => this.child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    this.closing = true;
    for (const socket of [this.shell, this.control, this.iopub]) {
      socket.linger = 0;
      socket.close();
    }
    fs.rmSync(path.dirname(this.connectionFile), { recursive: true, force: true });
  }
}
