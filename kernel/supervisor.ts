/**
 * `torchlab kernel` runs the kernel as a child process under a heap limit and watches it. When the
 * JavaScript heap is exhausted, V8 aborts the whole process, with no chance for the kernel to say
 * anything; the supervisor then takes over the iopub port and tells the front end, under the cell
 * that was running, why the kernel died, instead of the silent death the front end would see.
 *
 * The child has a process group of its own and gets signals only through the supervisor, so an
 * interrupt sent to the kernel's process group (as jupyter_client does) reaches it once.
 */
import { spawn, type ChildProcess } from "child_process";
import { once } from "events";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as Zmq from "zeromq";
import { kernelNodeArgs, snapshotEnabled, SUPERVISED_ENV } from "./node_args";
import { packageRoot, tslabTypeScriptPath } from "./package";
import type { Header } from "./wire";

export { SUPERVISED_ENV } from "./node_args";

/** The heap limit in MB, when the default (half the machine's memory, at most 4 GiB, as V8's own ceiling) does not suit. */
export const HEAP_ENV = "TORCHLAB_HEAP_MB";

/** How long to wait for a front end to resubscribe to the iopub port before reporting the death. */
const RESUBSCRIBE_MS = 5000;
/** How often to check that the process that started the kernel is alive, and how long the kernel gets to end once it is not. */
const PARENT_POLL_MS = 1000;
const ORPHAN_GRACE_MS = 5000;
/** What Node prints when it cannot load a startup snapshot. */
const SNAPSHOT_REFUSED = /Failed to load the startup snapshot|SnapshotData::FromBlob|Cannot open .*\.blob/;

export function heapLimitMb(env: NodeJS.ProcessEnv = process.env): number {
  const asked = env[HEAP_ENV];
  if (asked !== undefined && /^\d+$/.test(asked) && Number(asked) > 0) return Number(asked);
  return Math.max(256, Math.min(4096, Math.floor(os.totalmem() / 2 ** 20 / 2)));
}

/** Runs the kernel in a child process until it ends; resolves to the exit code to end with. */
export async function superviseKernel(connectionFile: string): Promise<number> {
  // With the notebook server killed, our stderr is a pipe nobody reads: a failed write must not end
  // the supervisor (EPIPE is emitted as an 'error' event), whose orphan check below ends the kernel.
  process.stderr.on("error", () => undefined);
  process.stdout.on("error", () => undefined);
  const heapMb = heapLimitMb();
  // The kernel is started before anything else of this process loads: the start waits on it.
  const blob = snapshotEnabled()
    ? (require("./declarations") as typeof import("./declarations")).snapshotPath(packageRoot(), tslabTypeScriptPath(), heapMb)
    : null;
  const useBlob = blob !== null && fs.existsSync(blob);
  if (useBlob) (require("./compile_cache") as typeof import("./compile_cache")).markUsed(blob);
  let child = startKernelProcess(connectionFile, heapMb, useBlob ? blob : null);
  let running: Header | null = null;
  let stderrTail = "";
  const watch = () => {
    child.on("message", (message: unknown) => {
      if (typeof message === "object" && message !== null && "parent" in message) running = (message as { parent: Header }).parent;
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      if (!process.stderr.destroyed) process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk.toString("utf8")).slice(-8000);
    });
  };
  watch();
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  // Jupyter starts a kernel in a session of its own, so when the notebook server dies without shutting
  // it down (killed by a JupyterHub spawner that lost patience, or by the out-of-memory killer), no
  // signal reaches the kernel and it would hold its memory for good. ipykernel watches its parent too.
  const parent = process.ppid;
  const orphanPoll = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(orphanPoll);
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), ORPHAN_GRACE_MS).unref();
  }, PARENT_POLL_MS).unref();
  let [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  // A snapshot V8 refuses (another Node build, a damaged file) ends the child before anything of
  // ours ran: it is removed and the kernel started as without one, which builds a good one later.
  if (code !== 0 && child.spawnargs.includes("--snapshot-blob") && SNAPSHOT_REFUSED.test(stderrTail) && blob !== null) {
    fs.rmSync(blob, { force: true });
    stderrTail = "";
    child = startKernelProcess(connectionFile, heapMb, null);
    watch();
    [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  }
  // SIGTERM and SIGHUP come through us, from whoever ends the kernel; any other end is a death to report
  // (SIGKILL from the system's out-of-memory killer included).
  if (code === 0 || signal === "SIGTERM" || signal === "SIGHUP") return code ?? 0;
  const outOfMemory = /heap out of memory|Reached heap limit/.test(stderrTail);
  const ename = outOfMemory ? "MemoryError" : "DeadKernelError";
  const evalue = outOfMemory
    ? `JavaScript heap out of memory: the kernel reached its heap limit of ${heapMb} MB and died (${HEAP_ENV} sets the limit). Restart the kernel.`
    : `the kernel process died (${signal ? `signal ${signal}` : `exit code ${code}`}${signal === "SIGKILL" ? ", perhaps killed by the system for lack of memory" : ""}). Restart the kernel.`;
  process.stderr.write(`[torchlab] ${ename}: ${evalue}\n`);
  try {
    await reportDeath(connectionFile, running, ename, evalue);
  } catch (error) {
    process.stderr.write(`[torchlab] could not report the kernel's death to the front end: ${String(error)}\n`);
  }
  return code ?? 1;
}

/**
 * The kernel process; from the startup snapshot of parsed declarations when there is one
 * (kernel/declarations.ts), whose main function then runs the kernel command.
 */
function startKernelProcess(connectionFile: string, heapMb: number, blob: string | null): ChildProcess {
  const entry = blob !== null ? ["--snapshot-blob", blob] : [path.join(packageRoot(), "bin", "torchlab.js")];
  return spawn(process.execPath, [...kernelNodeArgs(heapMb), ...entry, "kernel", "--connection-file", connectionFile], {
    stdio: ["ignore", "inherit", "pipe", "ipc"],
    env: { ...process.env, [SUPERVISED_ENV]: String(heapMb) },
    detached: true,
  });
}

async function reportDeath(connectionFile: string, parent: Header | null, ename: string, evalue: string): Promise<void> {
  const { encode, newHeader, readConnectionFile, Signer, socketAddress } = require("./wire") as typeof import("./wire");
  const info = readConnectionFile(connectionFile);
  const signer = new Signer(info.key, info.signature_scheme);
  // An XPUB socket sees subscriptions: the front end's SUB reconnects to the port the dead kernel
  // held and subscribes again, and only then would it receive what we publish.
  const zmq = require("zeromq") as typeof Zmq;
  const iopub = new zmq.XPublisher({ linger: 2000, sendHighWaterMark: 0 });
  await iopub.bind(socketAddress(info, info.iopub_port));
  const subscribed = iopub.receive().then(() => true);
  const waited = await Promise.race([subscribed, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), RESUBSCRIBE_MS).unref())]);
  if (!waited) process.stderr.write("[torchlab] no front end resubscribed to iopub; reporting anyway\n");
  const session = parent?.session ?? "torchlab-supervisor";
  const publish = (msg_type: string, content: unknown) =>
    iopub.send(
      encode(
        {
          identities: [Buffer.from(msg_type)],
          header: newHeader(msg_type, session, "kernel"),
          parent_header: parent ?? {},
          metadata: {},
          content,
          buffers: [],
        },
        signer,
      ),
    );
  await publish("error", { ename, evalue, traceback: [`${ename}: ${evalue}`] });
  await publish("status", { execution_state: "dead" });
  iopub.close();
}
