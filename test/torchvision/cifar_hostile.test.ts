/**
 * CIFAR's python batches go through the same hardened unpickler as torch.load, so a hostile batch
 * (one whose MD5 the class's list vouches for: a mirror serving crafted files with matching lists,
 * or a user's own subclass) is a RuntimeError naming the file, never a hang, an exponential
 * blow-up or a raw engine error. The batches here are hand-assembled pickle opcodes in the layout
 * Python 2's cPickle writes (see the fixtures from test/reference/gen_cifar_pickle.py).
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { torchvision } from "../../src";
import { IndexError, RuntimeError, TypeError as TorchTypeError, ValueError } from "../../src/errors";

type Resource = readonly [string, string];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-cifar-hostile-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const FIXTURES = path.join(__dirname, "fixtures");
const md5 = (b: Buffer): string => crypto.createHash("md5").update(b).digest("hex");

/** Concatenates opcodes: numbers are single bytes, strings latin1 text. */
const b = (...parts: (number | string | Buffer)[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === "number" ? Buffer.from([p]) : typeof p === "string" ? Buffer.from(p, "latin1") : p)));
const int = (n: number): Buffer => {
  const x = Buffer.alloc(5);
  x[0] = 0x4a; // BININT
  x.writeInt32LE(n, 1);
  return x;
};
/** A Python 2 str: SHORT_BINSTRING, or BINSTRING with the given (possibly lying) length. */
const str2 = (s: string | Buffer, length?: number): Buffer => {
  const d = typeof s === "string" ? Buffer.from(s, "latin1") : s;
  if (d.length < 256 && length === undefined) return b(0x55, d.length, d);
  const n = Buffer.alloc(4);
  n.writeInt32LE(length ?? d.length);
  return b(0x54, n, d);
};
/** numpy's pickle of a uint8 array: _reconstruct(ndarray, (0,), 'b') then BUILD (1, shape, dtype('u1'), False, raw). */
const ndarray = (shape: number[], raw: Buffer): Buffer =>
  b("cnumpy.core.multiarray\n_reconstruct\ncnumpy\nndarray\n", int(0), 0x85, str2("b"), 0x87, "R",
    "(", int(1), "(", ...shape.map(int), "t",
    "cnumpy\ndtype\n", str2("u1"), 0x89, 0x88, 0x87, "R", "(", int(3), str2("|"), "NNN", int(-1), int(-1), int(0), "t", "b",
    0x89, raw, "t", "b");
const dict = (...items: Buffer[]): Buffer => b(0x80, 2, "}(", ...items, "u.");
const list = (items: Buffer[]): Buffer => b("](", ...items, "e");
const pixels = (n: number): Buffer => Buffer.from(Array.from({ length: n * 3072 }, (_, k) => (k * 7) % 256));
const batch = (labels: Buffer, data: Buffer): Buffer => dict(str2("labels"), labels, str2("data"), data);
const goodBatch = batch(list([int(4), int(1)]), ndarray([2, 3072], str2(pixels(2))));
const goodMeta = dict(str2("label_names"), list(["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"].map((s) => str2(s))));

/**
 * "Billion laughs": memo 0 is "lol", memo i+1 a list of ten references to memo i, so the value
 * pushed last is 10^levels strings deep when expanded, from a few hundred bytes.
 */
function laughs(levels: number): Buffer {
  const parts: Buffer[] = [str2("lol"), b("q", 0, "0")];
  for (let i = 0; i < levels; i++) parts.push(b("(", ...Array.from({ length: 10 }, () => b("h", i)), "l", "q", i + 1, "0"));
  parts.push(b("h", levels));
  return Buffer.concat(parts);
}

let serial = 0;
/** CIFAR10's test set from `test_batch` and `batches.meta` with these bytes, the class's MD5 list matching them. */
function loadC10(testBatch: Buffer, meta: Buffer = goodMeta): torchvision.datasets.CIFAR10 {
  const root = path.join(dir, `c10-${serial++}`);
  const folder = path.join(root, "cifar-10-batches-py");
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "test_batch"), testBatch);
  fs.writeFileSync(path.join(folder, "batches.meta"), meta);
  class Crafted<X = torchvision.io.Image, Y = number> extends torchvision.datasets.CIFAR10<X, Y> {
    // torchvision's integrity check covers every list; the crafted folder has the test batch only.
    static train_list: readonly Resource[] = [];
    static test_list: readonly Resource[] = [["test_batch", md5(testBatch)]];
    static meta = { filename: "batches.meta", key: "label_names", md5: md5(meta) };
  }
  return new Crafted(root, { train: false });
}

/** The error `run` throws; fails when it returns. */
function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error, but it loaded");
}

describe("CIFAR python batches under hostile pickles", () => {
  test("the hand-assembled batch loads (so the cases below fail for their own reason)", () => {
    const ds = loadC10(goodBatch);
    expect(ds.targets).toEqual([4, 1]);
    expect(ds.classes[4]).toBe("deer");
    // Image 1, pixel (0, 0): R is planar byte 3072 + 0, G 3072 + 1024, B 3072 + 2048 of (k * 7) % 256.
    expect(Array.from(ds.getitem(1)[0].data.subarray(0, 3))).toEqual([(3072 * 7) % 256, (4096 * 7) % 256, (5120 * 7) % 256]);
  });

  test.each([
    ["billion laughs as the labels", batch(b(laughs(40), "0(h", 40, "h", 40, "l"), ndarray([2, 3072], str2(pixels(2)))), /test_batch: label \[\[\[.*is not an integer/],
    ["billion laughs as the whole batch", b(0x80, 2, laughs(40), "."), /test_batch: expected a dict, got \[\[\[/],
    ["a negative BINSTRING length", batch(list([int(1)]), ndarray([1, 3072], str2(Buffer.alloc(8), -5))), /test_batch: unpickling: pickle has a negative length -5/],
    ["a BINSTRING longer than the file", batch(list([int(1)]), ndarray([1, 3072], str2(Buffer.alloc(8), 0x7fffffff))), /test_batch: truncated pickle \(needed 2147483647 bytes at byte \d+ of \d+\)/],
    ["a shape that claims a million images for one image's bytes", batch(list([int(1)]), ndarray([1000000, 3072], str2(pixels(1)))), /numpy array of shape \[1000000, 3072\] and dtype u1 has 3072 bytes of data/],
    ["a negative dimension", batch(list([int(1)]), ndarray([-1, 3072], str2(pixels(1)))), /numpy array shape \[-1, 3072\] is not a tuple of non-negative integers/],
    ["labels that disagree with the images", batch(list([int(1), int(2), int(3)]), ndarray([1, 3072], str2(pixels(1)))), /expected 1 labels \('labels' or 'fine_labels'\), got 3/],
    ["os.system by STACK_GLOBAL (protocol 4)", b(0x80, 4, 0x8c, 2, "os", 0x8c, 6, "system", 0x93, 0x8c, 2, "ls", 0x85, "R."), /unpickling: the global os\.system is not one a data set file needs/],
    ["builtins.eval by GLOBAL", b(0x80, 2, "c__builtin__\neval\n", str2("1"), 0x85, "R."), /the global __builtin__\.eval is not one a data set file needs/],
    ["a LONG4 of 2 GiB", b(0x80, 2, 0x8b, 0xff, 0xff, 0xff, 0x7f, "."), /pickle integer of 2147483647 bytes at byte 2 is too large/],
    ["a memo reference to nothing", b(0x80, 2, "j", 0x10, 0x27, 0, 0, "."), /pickle memo has no entry 10000/],
    ["an unknown opcode", b(0x80, 2, 0xff), /invalid pickle opcode 0xff at byte 2/],
    ["a numpy array of Python objects", batch(list([int(1)]), ndarray([1, 3072], list([int(1)]))), /numpy array data \[1\] is not bytes/],
  ])("%s is a RuntimeError naming the file", (_what, bytes, message) => {
    const e = thrown(() => loadC10(bytes));
    expect(e).toBeInstanceOf(RuntimeError);
    expect(e.message).toMatch(/test_batch/);
    expect(e.message).toMatch(message);
  });

  test("billion laughs as the class names is a RuntimeError naming batches.meta", () => {
    const e = thrown(() => loadC10(goodBatch, dict(str2("label_names"), laughs(40))));
    expect(e).toBeInstanceOf(RuntimeError);
    expect(e.message).toMatch(/batches\.meta: class name \[\[\[.* in 'label_names' is not a string/);
  });

  test("a key pickled both as str and as bytes is refused, not silently one of them", () => {
    const twice = b(0x80, 2, "}(", str2("labels"), list([int(1)]), "X", Buffer.from([6, 0, 0, 0]), "labels", list([int(2)]), str2("data"), ndarray([1, 3072], str2(pixels(1))), "u.");
    expect(() => loadC10(twice)).toThrow(/test_batch: the dict has the key 'labels' twice/);
  });

  test("mutated real batches (protocol 2 and 4) load or give a typed error", () => {
    // A seeded generator (mulberry32), so a failure reproduces.
    let a = 20261203;
    const r = (): number => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = (n: number): number => Math.floor(r() * n);
    const sources = [
      fs.readFileSync(path.join(FIXTURES, "cifar10", "cifar-10-batches-py", "test_batch")),
      fs.readFileSync(path.join(FIXTURES, "cifar100", "cifar-100-python", "test")),
    ];
    const raw = /Maximum call stack|Invalid typed array length|Invalid array length|Invalid string length|Cannot read propert|is not a function|is not iterable|undefined is not/;
    const outcomes = { loaded: 0, refused: 0 };
    for (let i = 0; i < 200; i++) {
      const src = sources[i % 2];
      let m = Buffer.from(src);
      if (pick(4) === 0) m = m.subarray(0, pick(m.length));
      else for (let k = 0, n = 1 + pick(6); k < n; k++) m[pick(m.length)] = pick(3) === 0 ? [0, 0xff, 0x7f, 0x80][pick(4)] : pick(256);
      // CIFAR-100 batches (fine_labels) read as a CIFAR-10 test batch: the loader accepts either key.
      try {
        loadC10(m);
        outcomes.loaded++;
      } catch (e) {
        const typed = e instanceof RuntimeError || e instanceof ValueError || e instanceof TorchTypeError || e instanceof IndexError;
        const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        if (!typed || raw.test(message)) throw new Error(`mutation ${i} gave an untyped or raw error: ${message.slice(0, 300)}`);
        outcomes.refused++;
      }
    }
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
