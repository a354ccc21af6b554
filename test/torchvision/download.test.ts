/**
 * `download: true` for real: a loopback HTTP server (127.0.0.1, in a worker thread) serves small
 * IDX, CIFAR and EMNIST archives generated here; the data sets fetch them through torchvision's
 * mirror logic with MD5 checks. Failures (404, truncated body, MD5 mismatch, a stalled server) must
 * leave nothing that later looks valid.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { torchvision } from "../../src";
import { startLoopback, Loopback } from "./loopback";

const { datasets } = torchvision;
type Resource = readonly [string, string];

let dir: string;
let served: string;
let lb: Loopback;
const md5 = (b: Uint8Array) => crypto.createHash("md5").update(b).digest("hex");

function idx(dims: number[], values: Uint8Array): Buffer {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head[2] = 0x08;
  head[3] = dims.length;
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([head, Buffer.from(values)]);
}

/** MNIST-style .gz files (n images of 28x28 with pixel value n*7+i, labels (n*3) % 10) under `folder`. */
function mnistFiles(folder: string, prefix: (split: "train" | "t10k") => string, sizes = { train: 5, t10k: 3 }): Resource[] {
  fs.mkdirSync(folder, { recursive: true });
  const out: Resource[] = [];
  for (const split of ["train", "t10k"] as const) {
    const n = sizes[split];
    const images = zlib.gzipSync(idx([n, 28, 28], Uint8Array.from({ length: n * 784 }, (_, i) => (Math.floor(i / 784) * 7 + i) % 256)));
    const labels = zlib.gzipSync(idx([n], Uint8Array.from({ length: n }, (_, i) => (i * 3) % 10)));
    for (const [kind, data] of [["images-idx3", images], ["labels-idx1", labels]] as const) {
      const name = `${prefix(split)}-${kind}-ubyte.gz`;
      fs.writeFileSync(path.join(folder, name), data);
      out.push([name, md5(data)]);
    }
  }
  return out;
}

let tiny: Resource[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-dl-"));
  served = path.join(dir, "served");
  tiny = mnistFiles(served, (s) => s);
  lb = await startLoopback(served);
});
afterAll(async () => {
  await lb.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `fn` with a class's static resources (or other statics) replaced, as torchvision's tests patch them. */
function patched<T>(cls: object, statics: Record<string, unknown>, fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(statics).map((k) => [k, (cls as Record<string, unknown>)[k]]));
  Object.assign(cls, statics);
  try {
    return fn();
  } finally {
    Object.assign(cls, saved);
  }
}

function quietly<T>(fn: () => T): { value: T; log: string; err: string } {
  const log: string[] = [];
  const err: string[] = [];
  const l = jest.spyOn(console, "log").mockImplementation((...a: unknown[]) => void log.push(a.join(" ")));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  try {
    return { value: fn(), log: log.join("\n"), err: err.join("") };
  } finally {
    l.mockRestore();
    e.mockRestore();
  }
}

function errorOf(fn: () => unknown): Error {
  try {
    quietly(fn);
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}

const filesIn = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);

describe("MNIST-style download: true", () => {
  const root = () => path.join(dir, "fm");

  test("a 404 from the first mirror, then the second: files in torchvision's layout, nothing else left", () => {
    const before = lb.requests().length;
    const { value: ds, log } = quietly(() =>
      patched(datasets.FashionMNIST, { resources: tiny }, () => new datasets.FashionMNIST({ root: root(), download: true, mirrors: [`${lb.base}missing/`, `${lb.base}ok`] })),
    );
    expect(ds.len()).toBe(5);
    expect(ds.targets.tolist()).toEqual([0, 3, 6, 9, 2]);
    // Image 1's first pixel: (1 * 7 + 784) % 256.
    expect(ds.getitem(1)[0].data[0]).toBe((7 + 784) % 256);
    expect(lb.requests().slice(before)).toEqual(tiny.flatMap(([f]) => [`missing ${f}`, `ok ${f}`]));
    expect(log).toContain(`Failed to download ${lb.base}missing/train-images-idx3-ubyte.gz (HTTP 404 Not Found); got it from ${lb.base}ok/train-images-idx3-ubyte.gz`);
    const raw = path.join(root(), "FashionMNIST", "raw");
    expect(ds.found_folder).toBe(raw);
    // torchvision keeps each .gz and unpacks it beside itself.
    expect(filesIn(raw)).toEqual(tiny.flatMap(([f]) => [f.slice(0, -3), f]).sort());
  });

  test("a second call finds the files and downloads nothing", () => {
    const before = lb.requests().length;
    const { value: ds, log } = quietly(() => patched(datasets.FashionMNIST, { resources: tiny }, () => new datasets.FashionMNIST(root(), false, null, null, true)));
    expect(ds.len()).toBe(3);
    expect(lb.requests().length).toBe(before);
    expect(log).not.toContain("Downloading");
  });

  test("a truncated body is a failed attempt and leaves no file behind", () => {
    const r = path.join(dir, "trunc");
    const e = errorOf(() => patched(datasets.FashionMNIST, { resources: tiny }, () => new datasets.FashionMNIST({ root: r, download: true, mirrors: [`${lb.base}truncate/`] })));
    expect(e.name).toBe("RuntimeError");
    const size = fs.statSync(path.join(served, "train-images-idx3-ubyte.gz")).size;
    expect(e.message).toContain(`Dataset not found or incomplete: the download failed.`);
    expect(e.message).toContain(`${lb.base}truncate/train-images-idx3-ubyte.gz (for train-images-idx3-ubyte.gz): truncated: the connection ended after ${size >> 1} of ${size} bytes`);
    expect(e.message).toContain(`  ${path.join(r, "FashionMNIST", "raw")}\n`);
    expect(e.message).toContain("run again with network access");
    expect(filesIn(path.join(r, "FashionMNIST", "raw"))).toEqual([]);
  });

  test("an MD5 mismatch is a failed attempt; the files that passed stay and are not fetched again", () => {
    const r = path.join(dir, "md5");
    const wrong = tiny.map(([f, m]) => [f, f.startsWith("t10k-images") ? "0".repeat(32) : m] as const);
    const e = errorOf(() => patched(datasets.KMNIST, { resources: wrong }, () => new datasets.KMNIST({ root: r, download: true, mirrors: [`${lb.base}ok/`] })));
    const got = md5(fs.readFileSync(path.join(served, "t10k-images-idx3-ubyte.gz")));
    expect(e.message).toContain(`${lb.base}ok/t10k-images-idx3-ubyte.gz (for t10k-images-idx3-ubyte.gz): MD5 mismatch: got ${got}, expected ${"0".repeat(32)}`);
    const raw = path.join(r, "KMNIST", "raw");
    expect(filesIn(raw)).not.toContain("t10k-images-idx3-ubyte.gz");
    expect(filesIn(raw).filter((f) => f.includes(".part"))).toEqual([]);
    // The training split's files all arrived, so that split loads.
    expect(quietly(() => new datasets.KMNIST(r)).value.len()).toBe(5);
    const before = lb.requests().length;
    const { value: ds } = quietly(() => patched(datasets.KMNIST, { resources: tiny }, () => new datasets.KMNIST({ root: r, train: false, download: true, mirrors: [`${lb.base}ok/`] })));
    expect(ds.len()).toBe(3);
    // The download stopped at the file that failed, so t10k-labels comes now too.
    expect(lb.requests().slice(before)).toEqual(["ok t10k-images-idx3-ubyte.gz", "ok t10k-labels-idx1-ubyte.gz"]);
  });

  test("a stalled server times out (TORCHLAB_DOWNLOAD_TIMEOUT) and the next mirror is tried", () => {
    const saved = process.env.TORCHLAB_DOWNLOAD_TIMEOUT;
    process.env.TORCHLAB_DOWNLOAD_TIMEOUT = "0.5";
    try {
      const r = path.join(dir, "stall");
      const e = errorOf(() => patched(datasets.MNIST, { resources: tiny.slice(0, 1) }, () => new datasets.MNIST({ root: r, download: true, mirrors: [`${lb.base}stall/`] })));
      expect(e.message).toContain(`${lb.base}stall/train-images-idx3-ubyte.gz (for train-images-idx3-ubyte.gz): timed out: no data for 0.5 s after 16 bytes`);
      expect(filesIn(path.join(r, "MNIST", "raw"))).toEqual([]);
      const { value: ds, log } = quietly(() => patched(datasets.MNIST, { resources: tiny }, () => new datasets.MNIST({ root: r, download: true, mirrors: [`${lb.base}stall/`, `${lb.base}ok/`] })));
      expect(ds.len()).toBe(5);
      expect(log).toContain("timed out: no data for 0.5 s");
    } finally {
      if (saved === undefined) delete process.env.TORCHLAB_DOWNLOAD_TIMEOUT;
      else process.env.TORCHLAB_DOWNLOAD_TIMEOUT = saved;
    }
  });

  test("TORCHLAB_DATASETS_MIRROR: a campus mirror (<base>/<Class>/<file>) or an offline folder", () => {
    mnistFiles(path.join(served, "KMNIST"), (s) => s);
    const saved = process.env.TORCHLAB_DATASETS_MIRROR;
    try {
      process.env.TORCHLAB_DATASETS_MIRROR = `${lb.base}missing, ${lb.base}ok`;
      const before = lb.requests().length;
      const { value: ds } = quietly(() => patched(datasets.KMNIST, { resources: tiny }, () => new datasets.KMNIST({ root: path.join(dir, "campus"), download: true })));
      expect(ds.len()).toBe(5);
      expect(lb.requests().slice(before, before + 2)).toEqual(["missing KMNIST/train-images-idx3-ubyte.gz", "ok KMNIST/train-images-idx3-ubyte.gz"]);
      process.env.TORCHLAB_DATASETS_MIRROR = served;
      const n = lb.requests().length;
      const { value: offline } = quietly(() => patched(datasets.KMNIST, { resources: tiny }, () => new datasets.KMNIST({ root: path.join(dir, "offline"), train: false, download: true })));
      expect(offline.len()).toBe(3);
      expect(lb.requests().length).toBe(n);
      const e = errorOf(() => patched(datasets.KMNIST, { resources: tiny }, () => new datasets.KMNIST({ root: path.join(dir, "offline2"), download: true, mirrors: [path.join(dir, "no-such-cache")] })));
      expect(e.message).toContain(`file://${path.join(dir, "no-such-cache")}/train-images-idx3-ubyte.gz (for train-images-idx3-ubyte.gz): no such file: ${path.join(dir, "no-such-cache", "train-images-idx3-ubyte.gz")}`);
    } finally {
      if (saved === undefined) delete process.env.TORCHLAB_DATASETS_MIRROR;
      else process.env.TORCHLAB_DATASETS_MIRROR = saved;
    }
  });

  test("no network: each URL tried is listed with the reason it failed", () => {
    const r = path.join(dir, "offline-none");
    const e = errorOf(() => new datasets.MNIST({ root: r, download: true, mirrors: ["http://127.0.0.1:1/", "ftp://example.invalid/"] }));
    expect(e.message).toMatch(/http:\/\/127\.0\.0\.1:1\/train-images-idx3-ubyte\.gz \(for train-images-idx3-ubyte\.gz\): connection refused/);
    expect(e.message).toContain("ftp://example.invalid/train-images-idx3-ubyte.gz (for train-images-idx3-ubyte.gz): unsupported scheme 'ftp:'");
    // It stops at the first file no mirror gives, as torchvision does.
    expect(e.message).not.toContain("train-labels-idx1-ubyte.gz (for");
    expect(e.message).toContain(`copy the files to ${path.join(r, "MNIST", "raw")}`);
  });

  test("the progress bar: one \\r line with bytes, rate and ETA in a terminal", () => {
    const { err } = quietly(() => torchvision.datasets.utils.download_url(`${lb.base}slow/train-images-idx3-ubyte.gz`, path.join(dir, "bar")));
    const size = fs.statSync(path.join(served, "train-images-idx3-ubyte.gz")).size;
    const frames = err.split("\r").filter((f) => f !== "");
    expect(frames.length).toBeGreaterThan(1);
    expect(frames[0]).toMatch(/^train-images-idx3-ubyte\.gz:\s+0%\|\s{10}\| 0\.00\/\d/);
    const last = frames[frames.length - 1];
    expect(last).toMatch(/^train-images-idx3-ubyte\.gz: 100%\|██████████\| [\d.]+k?\/[\d.]+k? \[\d\d:\d\d<00:00, [\d.]+[kMG]?B\/s\]\s*\n$/);
    expect(err).not.toContain("\n\r");
    expect(fs.statSync(path.join(dir, "bar", "train-images-idx3-ubyte.gz")).size).toBe(size);
  });
});

/** A ustar archive of the files under `folder` (as `tar czf` writes CIFAR's). */
function tarGz(folder: string, under: string): Buffer {
  const parts: Buffer[] = [];
  const header = (name: string, size: number, type: string) => {
    const h = Buffer.alloc(512);
    h.write(name, 0, "latin1");
    h.write("0000644\0", 100, "latin1");
    h.write(`${size.toString(8).padStart(11, "0")}\0`, 124, "latin1");
    h.write("00000000000\0", 136, "latin1");
    h.write(type, 156, "latin1");
    h.write("ustar\0" + "00", 257, "latin1");
    h.fill(" ", 148, 156);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "latin1");
    return h;
  };
  parts.push(header(`${under}/`, 0, "5"));
  for (const f of fs.readdirSync(folder).sort()) {
    const data = fs.readFileSync(path.join(folder, f));
    parts.push(header(`${under}/${f}`, data.length, "0"), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return zlib.gzipSync(Buffer.concat(parts));
}

function crc32(buf: Uint8Array): number {
  let c = -1;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ -1) >>> 0;
}

/** A zip of deflated members, as NIST's gzip.zip. */
function zip(members: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of members) {
    const comp = zlib.deflateRawSync(data);
    const n = Buffer.from(name, "utf8");
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(crc32(data), 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(n.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(crc32(data), 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(data.length, 24);
    ch.writeUInt16LE(n.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, n, comp);
    central.push(ch, n);
    offset += 30 + n.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe("archives: CIFAR's tar.gz and EMNIST's zip", () => {
  test("CIFAR10 fetches and unpacks cifar-10-python.tar.gz, then finds it verified", () => {
    const tgz = tarGz(path.join(__dirname, "fixtures", "cifar10", "cifar-10-batches-py"), "cifar-10-batches-py");
    fs.writeFileSync(path.join(served, "cifar-10-python.tar.gz"), tgz);
    class TinyCIFAR10<X = torchvision.io.Image, Y = number> extends datasets.CIFAR10<X, Y> {
      static tgz_md5 = md5(tgz);
      static train_list: readonly Resource[] = [
        ["data_batch_1", "75e3b63d4c9e23b515202f92b766936a"],
        ["data_batch_2", "aa2e1ac9e8107c89170c9e033846d365"],
        ["data_batch_3", "fb15d63f0c0c339b785ff84c47a1eb4a"],
        ["data_batch_4", "db879572b608d486a7203868a1d2e0cd"],
        ["data_batch_5", "3b0c099a2dcd0aaf3cedbf4bc24f8d02"],
      ];
      static test_list: readonly Resource[] = [["test_batch", "f15e16ab7a207d35022a3dbdc6336e28"]];
      static meta = { filename: "batches.meta", key: "label_names", md5: "56a2023d12d9afdf5284508eeb834c17" };
    }
    const r = path.join(dir, "cifar");
    const before = lb.requests().length;
    const { value: ds, log } = quietly(() => new TinyCIFAR10(r, { download: true, mirrors: [`${lb.base}ok/`] }));
    expect(ds.len()).toBe(10);
    expect(ds.classes[ds.targets[9]]).toBe("frog");
    expect(log).toContain(`Extracting ${path.join(r, "cifar-10-python.tar.gz")} to ${r}`);
    expect(lb.requests().slice(before)).toEqual(["ok cifar-10-python.tar.gz"]);
    const again = quietly(() => new TinyCIFAR10(r, { train: false, download: true, mirrors: [`${lb.base}ok/`] }));
    expect(again.value.len()).toBe(3);
    expect(again.log).toContain("Files already downloaded and verified");
    expect(lb.requests().length).toBe(before + 1);
    // The real CIFAR-10 archive MD5 rejects this one: the class's own list is what download checks.
    const e = errorOf(() => new datasets.CIFAR10(path.join(dir, "cifar-real"), { download: true, mirrors: [`${lb.base}ok/`] }));
    expect(e.message).toMatch(/cifar-10-python\.tar\.gz \(for cifar-10-python\.tar\.gz\): MD5 mismatch: got [0-9a-f]{32}, expected c58f30108f718f92721af3b95e74349a/);
  });

  test("EMNIST fetches gzip.zip and unpacks every split's files into raw/", () => {
    const gz = path.join(dir, "emnist-src");
    mnistFiles(gz, (s) => `emnist-digits-${s === "t10k" ? "test" : s}`, { train: 4, t10k: 2 });
    const archive = zip(fs.readdirSync(gz).sort().map((f) => [`gzip/${f}`, fs.readFileSync(path.join(gz, f))] as [string, Buffer]));
    fs.writeFileSync(path.join(served, "gzip.zip"), archive);
    const r = path.join(dir, "emnist");
    const { value: ds } = quietly(() => patched(datasets.EMNIST, { resources: [["gzip.zip", md5(archive)]] }, () => new datasets.EMNIST(r, "digits", { download: true, mirrors: [`${lb.base}ok/`] })));
    expect(ds.len()).toBe(4);
    expect(ds.classes).toEqual("0123456789".split(""));
    const raw = path.join(r, "EMNIST", "raw");
    expect(filesIn(raw)).toContain("emnist-digits-test-labels-idx1-ubyte");
    expect(filesIn(raw)).not.toContain("gzip");
    expect(quietly(() => new datasets.EMNIST(r, "digits", { train: false })).value.len()).toBe(2);
  });
});
