/**
 * The heartbeat echo, run in a worker thread with its own ZeroMQ socket (as ipykernel answers it
 * from a thread): a cell computing synchronously for seconds blocks the main event loop, and a
 * front end that watches the heartbeat would declare the kernel dead.
 *
 * The same thread is the kernel's last watch for its parent: the main thread polls the parent too
 * (and closes the kernel gracefully when it is gone), but a cell spinning synchronously never
 * lets that poll run, and an orphaned kernel would spin on for good. Told to watch (a
 * `{watchParent, killAfterMs}` message, sent by `torchlab kernel`), this thread ends the process
 * killAfterMs after the parent changed, should the main thread not have ended it by then.
 */
import { parentPort, workerData } from "worker_threads";
import * as zmq from "zeromq";

interface WatchRequest {
  watchParent: number;
  killAfterMs: number;
}

function isWatchRequest(message: unknown): message is WatchRequest {
  return typeof message === "object" && message !== null && typeof (message as WatchRequest).watchParent === "number";
}

/** How often this thread looks at the parent's pid. */
const PARENT_POLL_MS = 1000;

function watchParent(parent: number, killAfterMs: number): void {
  const poll = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(poll);
    // SIGKILL: a blocked main thread runs no JavaScript signal handler, and a graceful close has
    // had killAfterMs to happen on the main thread already.
    setTimeout(() => process.kill(process.pid, "SIGKILL"), killAfterMs).unref();
  }, PARENT_POLL_MS);
  poll.unref();
}

async function serve(address: string): Promise<void> {
  const socket = new zmq.Reply();
  socket.linger = 0;
  await socket.bind(address);
  parentPort?.postMessage({ bound: true });
  parentPort?.on("message", (message: unknown) => {
    if (isWatchRequest(message)) watchParent(message.watchParent, message.killAfterMs);
    if (message === "close") {
      // Closed here, before the thread ends: a socket still open when the process exits aborts it.
      socket.close();
      parentPort?.close();
    }
  });
  try {
    for await (const frames of socket) await socket.send(frames);
  } catch (error) {
    if (!socket.closed) parentPort?.postMessage({ error: String(error) });
  }
}

serve((workerData as { address: string }).address).catch((error: unknown) => parentPort?.postMessage({ error: String(error) }));
