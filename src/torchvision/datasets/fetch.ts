/**
 * Fetching one file from a list of URLs, synchronously, as torchvision's datasets do.
 *
 * Node's HTTP is asynchronous, while a dataset constructor (`new FashionMNIST({download: true})`)
 * must return a dataset. The transfer therefore runs in a worker thread and the calling thread
 * blocks on a shared flag (Atomics.wait), waking every 100 ms to draw the progress bar from the
 * byte counters the worker publishes. In a terminal the bar moves live; in a notebook the kernel
 * can only send its updates once the cell's thread is free again.
 *
 * The worker's code is the function {@link fetchWorker} below, sent as source text (so that the
 * same code runs from dist/ and from src/ under jest): it must use nothing but its argument and require().
 */
import { Worker, MessageChannel, receiveMessageOnPort } from "node:worker_threads";
import { Tqdm } from "../../display/progress";

/** Why one URL did not give the file. */
export interface Attempt {
  url: string;
  reason: string;
}

export interface FetchJob {
  urls: string[];
  /** Final path; the bytes go to a temporary name beside it and are renamed only when complete and verified. */
  dest: string;
  md5: string | null;
  /** Seconds without any data before a connection is given up. */
  timeout: number;
}

export interface FetchResult {
  ok: boolean;
  /** The URL that gave the file (when ok). */
  url: string | null;
  attempts: Attempt[];
  bytes: number;
}

interface WorkerInput {
  job: FetchJob;
  shared: SharedArrayBuffer;
}

/* Runs in the worker. flags[0]: bumped on every progress change (the main thread waits on it);
 * flags[1]: 1 once the result is posted. nums[0]: bytes received; nums[1]: expected size (-1 unknown). */
/* istanbul ignore next: it runs as source text in a worker, where coverage counters would not exist */
function fetchWorker(input: WorkerInput, port: { postMessage(m: unknown): void }): void {
  /* eslint-disable @typescript-eslint/no-var-requires */
  const fs = require("fs") as typeof import("fs");
  const crypto = require("crypto") as typeof import("crypto");
  const url = require("url") as typeof import("url");
  /* eslint-enable @typescript-eslint/no-var-requires */
  const flags = new Int32Array(input.shared, 0, 2);
  const nums = new Float64Array(input.shared, 8, 2);
  const { job } = input;
  const signal = () => {
    Atomics.add(flags, 0, 1);
    Atomics.notify(flags, 0);
  };
  const part = `${job.dest}.${process.pid}-${crypto.randomBytes(4).toString("hex")}.part`;

  const describe = (e: unknown): string => {
    const err = e as NodeJS.ErrnoException;
    if (err && err.code === "ENOTFOUND") return `host not found (${err.message})`;
    if (err && err.code === "ECONNREFUSED") return `connection refused (${err.message})`;
    if (err && err.code === "ENOENT" && err.path) return `no such file: ${err.path}`;
    if (err && err.code === "EAI_AGAIN") return `name resolution failed, no network? (${err.message})`;
    return err && err.message ? err.message : String(e);
  };

  /** Streams one URL into `part`, following redirects; resolves with the byte count, rejects with a reason. */
  const one = (address: string, redirects: number): Promise<number> =>
    new Promise((resolve, reject) => {
      nums[0] = 0;
      nums[1] = -1;
      signal();
      const hash = crypto.createHash("md5");
      let received = 0;
      const sink = fs.createWriteStream(part);
      let settled = false;
      const fail = (reason: string) => {
        if (settled) return;
        settled = true;
        sink.destroy();
        reject(new Error(reason));
      };
      const succeed = (expected: number) => {
        if (settled) return;
        if (expected >= 0 && received !== expected) {
          fail(`truncated: the connection ended after ${received} of ${expected} bytes`);
          return;
        }
        settled = true;
        sink.end(() => {
          const fd = fs.openSync(part, "r");
          fs.fsyncSync(fd);
          fs.closeSync(fd);
          const got = hash.digest("hex");
          if (job.md5 !== null && got !== job.md5) reject(new Error(`MD5 mismatch: got ${got}, expected ${job.md5} (corrupt or different file)`));
          else resolve(received);
        });
      };
      sink.on("error", (e) => fail(`cannot write ${part}: ${describe(e)}`));
      const onData = (chunk: Buffer) => {
        if (settled) return;
        received += chunk.length;
        hash.update(chunk);
        sink.write(chunk);
        nums[0] = received;
        signal();
      };
      let parsed: URL;
      try {
        parsed = new URL(address);
      } catch {
        fail(`not a URL`);
        return;
      }
      if (parsed.protocol === "file:") {
        const file = url.fileURLToPath(parsed);
        let size: number;
        try {
          size = fs.statSync(file).size;
        } catch (e) {
          fail(describe(e));
          return;
        }
        nums[1] = size;
        const src = fs.createReadStream(file);
        src.on("data", (c) => onData(c as Buffer));
        src.on("error", (e) => fail(describe(e)));
        src.on("end", () => succeed(size));
        return;
      }
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
        fail(`unsupported scheme '${parsed.protocol}' (http, https and file URLs are)`);
        return;
      }
      const lib = (parsed.protocol === "https:" ? require("https") : require("http")) as typeof import("http");
      const req = lib.get(parsed, { headers: { "User-Agent": "torchlab" } }, (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          sink.destroy();
          settled = true;
          if (redirects >= 10) reject(new Error("too many redirects"));
          else one(new URL(res.headers.location, parsed).toString(), redirects + 1).then(resolve, reject);
          return;
        }
        if (status !== 200) {
          res.resume();
          fail(`HTTP ${status} ${res.statusMessage ?? ""}`.trim());
          return;
        }
        const length = Number(res.headers["content-length"] ?? -1);
        nums[1] = Number.isFinite(length) ? length : -1;
        signal();
        res.on("data", onData);
        res.on("aborted", () => fail(`truncated: the connection ended after ${received} of ${nums[1] >= 0 ? nums[1] : "?"} bytes`));
        res.on("error", (e) => fail(received > 0 && nums[1] >= 0 ? `truncated: the connection ended after ${received} of ${nums[1]} bytes (${describe(e)})` : describe(e)));
        res.on("end", () => succeed(nums[1]));
      });
      req.setTimeout(job.timeout * 1000, () => {
        req.destroy();
        fail(`timed out: no data for ${job.timeout} s after ${received} bytes`);
      });
      req.on("error", (e) => fail(describe(e)));
    });

  const finish = (result: unknown) => {
    port.postMessage(result);
    Atomics.store(flags, 1, 1);
    signal();
  };
  // The calling thread waits for flags[1]: whatever goes wrong here must still set it.
  process.on("uncaughtException", (e) => {
    fs.rmSync(part, { force: true });
    finish({ ok: false, url: null, attempts: [{ url: job.urls[0] ?? "", reason: `internal error: ${String(e)}` }], bytes: 0 });
    process.exit(1);
  });
  (async () => {
    const attempts: { url: string; reason: string }[] = [];
    for (const address of job.urls) {
      try {
        const bytes = await one(address, 0);
        fs.renameSync(part, job.dest);
        return { ok: true, url: address, attempts, bytes };
      } catch (e) {
        attempts.push({ url: address, reason: (e as Error).message });
        fs.rmSync(part, { force: true });
      }
    }
    return { ok: false, url: null, attempts, bytes: 0 };
  })()
    .catch((e: unknown) => {
      fs.rmSync(part, { force: true });
      return { ok: false, url: null, attempts: [{ url: job.urls[0] ?? "", reason: `internal error: ${String(e)}` }], bytes: 0 };
    })
    .then(finish);
}

/**
 * Fetches `job.dest` from the first of `job.urls` that gives a complete file with the right MD5,
 * blocking the calling thread; `desc` labels the progress bar (none when null).
 */
export function fetchSync(job: FetchJob, desc: string | null): FetchResult {
  const shared = new SharedArrayBuffer(8 + 16);
  const flags = new Int32Array(shared, 0, 2);
  const nums = new Float64Array(shared, 8, 2);
  nums[1] = -1;
  const { port1, port2 } = new MessageChannel();
  const source = `const { workerData, parentPort } = require("worker_threads");\n(${fetchWorker.toString()})(workerData.input, workerData.port);`;
  const worker = new Worker(source, { eval: true, workerData: { input: { job, shared }, port: port2 }, transferList: [port2] });
  worker.unref();
  let bar: Tqdm | null = null;
  let seen = 0;
  const started = Date.now();
  try {
    for (;;) {
      const before = Atomics.load(flags, 0);
      if (Atomics.load(flags, 1) === 1) break;
      // The worker signals as soon as it begins; silence means it could not start (the calling thread would wait forever).
      if (before === 0 && Date.now() - started > 30_000) break;
      Atomics.wait(flags, 0, before, 100);
      if (desc !== null) {
        const total = nums[1];
        const done = nums[0];
        if (bar === null && total >= 0) bar = new Tqdm(null, { desc, total, unit: "B", unit_scale: true, unit_divisor: 1024 });
        if (bar !== null) {
          if (total >= 0) bar.total = total;
          if (done < seen) {
            // A new mirror started from zero: restart the bar rather than count bytes twice.
            bar.close();
            bar = total >= 0 ? new Tqdm(null, { desc, total, unit: "B", unit_scale: true, unit_divisor: 1024 }) : null;
            seen = 0;
          }
          if (bar !== null && done > seen) {
            bar.update(done - seen);
            seen = done;
          }
        }
      }
    }
  } finally {
    bar?.close();
  }
  const message = receiveMessageOnPort(port1);
  port1.close();
  // Its HTTP agent may keep an idle connection open; the result is in, so the worker can go.
  void worker.terminate();
  if (message === undefined) return { ok: false, url: null, attempts: [{ url: job.urls[0] ?? "", reason: "the download worker ended without a result" }], bytes: 0 };
  return message.message as FetchResult;
}
