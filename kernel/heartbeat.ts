/**
 * The heartbeat echo, run in a worker thread with its own ZeroMQ socket (as ipykernel answers it
 * from a thread): a cell computing synchronously for seconds blocks the main event loop, and a
 * front end that watches the heartbeat would declare the kernel dead.
 */
import { parentPort, workerData } from "worker_threads";
import * as zmq from "zeromq";

async function serve(address: string): Promise<void> {
  const socket = new zmq.Reply();
  socket.linger = 0;
  await socket.bind(address);
  parentPort?.postMessage({ bound: true });
  parentPort?.on("message", (message: unknown) => {
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
