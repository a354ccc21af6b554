/**
 * A loopback HTTP server for the download tests, in a worker thread: a data set's download blocks
 * the test's own thread (as torchvision's does), so the server must run on another one.
 *
 * Paths: /<mode>/<file> serves <folder>/<file>, with mode
 *   ok        the file
 *   missing   404
 *   truncate  a Content-Length of the full size, half the bytes, then the connection is cut
 *   stall     the headers and the first bytes, then nothing
 *   slow      the file in 20 pieces, 20 ms apart
 * Every request is appended (mode and file) to <folder>/requests.log, one per line.
 */
import { Worker } from "node:worker_threads";
import * as fs from "node:fs";
import * as path from "node:path";

const SERVER = `
const http = require("http"), fs = require("fs"), path = require("path");
const { workerData, parentPort } = require("worker_threads");
const folder = workerData.folder;
const sockets = new Set();
const server = http.createServer((req, res) => {
  const [, mode, ...rest] = decodeURIComponent(req.url).split("/");
  const name = rest.join("/");
  fs.appendFileSync(path.join(folder, "requests.log"), mode + " " + name + "\\n");
  const file = path.join(folder, name);
  if (mode === "missing" || !fs.existsSync(file)) { res.statusCode = 404; res.statusMessage = "Not Found"; res.end("not here"); return; }
  const body = fs.readFileSync(file);
  res.setHeader("Content-Length", body.length);
  if (mode === "ok") { res.end(body); return; }
  if (mode === "truncate") { res.write(body.subarray(0, body.length >> 1), () => req.socket.destroy()); return; }
  if (mode === "stall") { res.write(body.subarray(0, 16)); return; }
  if (mode === "slow") {
    let i = 0; const step = Math.ceil(body.length / 20);
    const t = setInterval(() => { res.write(body.subarray(i, i + step)); i += step; if (i >= body.length) { clearInterval(t); res.end(); } }, 20);
    return;
  }
  res.statusCode = 400; res.end("bad mode");
});
server.on("connection", (s) => { sockets.add(s); s.on("close", () => sockets.delete(s)); });
server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
parentPort.on("message", () => { for (const s of sockets) s.destroy(); server.close(() => process.exit(0)); });
`;

export interface Loopback {
  /** http://127.0.0.1:<port>/ */
  base: string;
  /** The requests served so far, as "mode file". */
  requests(): string[];
  close(): Promise<void>;
}

export async function startLoopback(folder: string): Promise<Loopback> {
  fs.mkdirSync(folder, { recursive: true });
  const log = path.join(folder, "requests.log");
  fs.writeFileSync(log, "");
  const worker = new Worker(SERVER, { eval: true, workerData: { folder } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  return {
    base: `http://127.0.0.1:${port}/`,
    requests: () => fs.readFileSync(log, "utf8").split("\n").filter((l) => l !== ""),
    close: () =>
      new Promise<void>((resolve) => {
        worker.once("exit", () => resolve());
        worker.postMessage("close");
      }),
  };
}
