/**
 * The loaders under random input (issue 15, "Done when"): random bytes, mutated valid files and
 * random pickle programs go to torch.load (.pt and safetensors), to the PNG decoder and to the
 * IDX reader of the MNIST datasets for a bounded time. Every outcome must be a value or a typed
 * torchlab error whose message is not a JavaScript engine error passed through (RangeError:
 * Invalid typed array length, "Cannot read properties of undefined", a stack overflow), and the
 * process must stay alive (a crash or an out-of-memory kill fails the suite). The seed is fixed,
 * so a failure reproduces; the message names the case.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { torch, torchvision } from "../../src";
import { IndexError, RuntimeError, TypeError as TorchTypeError, ValueError } from "../../src/errors";
import { encodePng } from "../../src/utils/png";
import { f32, safetensorsFile, zip } from "./hostile_helpers";
import { prng } from "../prng";

/** Time each format is fuzzed for; a few seconds in all. */
const BUDGET_MS = Number(process.env.FUZZ_MS ?? 1200);
/** Added to each format's seed: FUZZ_SEED=n FUZZ_MS=60000 npx jest test/serialization/fuzz.test.ts explores further. */
const SEED = Number(process.env.FUZZ_SEED ?? 0);

const RAW_ENGINE_ERROR = /Maximum call stack|Invalid typed array length|Invalid array length|Invalid string length|Cannot read propert|Cannot set propert|is not a function|is not iterable|is out of range|ERR_[A-Z_]+|Array buffer allocation failed|undefined is not/;

function check(what: string, run: () => unknown): void {
  try {
    run();
  } catch (e) {
    const typed = e instanceof RuntimeError || e instanceof ValueError || e instanceof TorchTypeError || e instanceof IndexError;
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    if (!typed || RAW_ENGINE_ERROR.test(message)) throw new Error(`${what} gave an untyped or raw error: ${message.slice(0, 400)}`);
  }
}

function mutate(src: Buffer, r: () => number): Buffer {
  const b = Buffer.from(src);
  const pick = (n: number): number => Math.floor(r() * n);
  const kind = pick(6);
  if (kind === 0) return b.subarray(0, pick(b.length)); // truncation
  const edits = 1 + pick(8);
  for (let k = 0; k < edits && b.length > 0; k++) {
    const at = pick(b.length);
    if (kind === 1) b[at] ^= 1 << pick(8);
    else if (kind === 2) b[at] = [0, 0xff, 0x7f, 0x80, 0x01, 0xfe][pick(6)];
    else if (kind === 3 && at + 4 <= b.length) b.writeUInt32LE([0xffffffff, 0x7fffffff, 0x80000000, 1 << 20, 0][pick(5)], at);
    else if (kind === 4) return Buffer.concat([b.subarray(0, at), b.subarray(pick(b.length)), b.subarray(at)]); // splice a copy of itself
    else b[at] = pick(256);
  }
  return b;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-fuzz-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fuzzLoad(name: string, seed: number, cases: (r: () => number, i: number) => Buffer): number {
  const r = prng(seed + SEED);
  const f = path.join(dir, name);
  const end = Date.now() + BUDGET_MS;
  let n = 0;
  for (; Date.now() < end; n++) {
    const bytes = cases(r, n);
    fs.writeFileSync(f, bytes);
    check(`${name} case ${n} (seed ${seed + SEED}, ${bytes.length} bytes: ${bytes.subarray(0, 48).toString("hex")}...)`, () => torch.load(f));
  }
  return n;
}

/** Pickle snippets a random program is made of: containers, memo traffic, allowed globals, calls. */
const SNIPPETS = [
  "(", "]", "}", ")", "t", "l", "d", "a", "e", "s", "u", "R", "b", "0", "1", "2", "N", "\x88", "\x89", "K\x05", "K\x00", "J\xff\xff\xff\xff",
  "M\x30\x75", "X\x01\x00\x00\x00k", "X\x01\x00\x00\x001", "\x85", "\x86", "\x87", "q\x00", "q\x01", "h\x00", "h\x01", "\x94", "\x8a\x01\xff",
  "ccollections\nOrderedDict\n", "ctorch._utils\n_rebuild_tensor_v2\n", "ctorch\nFloatStorage\n", "ctorch\nByteStorage\n", "Q",
  "G\x3f\xf0\x00\x00\x00\x00\x00\x00", "X\x07\x00\x00\x00storage", "X\x03\x00\x00\x00cpu", "X\x01\x00\x00\x000", "X\x09\x00\x00\x00__proto__",
];

describe("fuzz: torch.load and the PNG decoder give values or typed errors only", () => {
  const net = (): Record<string, unknown> => {
    torch.manual_seed(0);
    const lin = new torch.nn.Linear(3, 2);
    return { model: lin.state_dict(), step: 3, lr: 0.5, names: ["a", "b"], flags: { on: true, none: null }, mask: torch.tensor([true, false]), idx: torch.tensor([1, 2, 3], { dtype: "int32" }) };
  };

  test(".pt: mutated archives, mutated pickles in valid archives, random pickle programs", () => {
    const f = path.join(dir, "seed.pt");
    torch.save(net(), f);
    const valid = fs.readFileSync(f);
    // The archive's own entries, to re-wrap a mutated data.pkl with correct CRCs (a flipped bit
    // in a stored entry is otherwise caught by the zip CRC before the unpickler sees it).
    const { ZipReader } = jest.requireActual("../../src/serialization/zip") as typeof import("../../src/serialization/zip");
    const z = new ZipReader(valid);
    const entries = z.names().map((name) => ({ name, data: z.read(name) }));
    const pkl = entries.find((e) => e.name.endsWith("data.pkl"))!.data;
    const n = fuzzLoad("x.pt", 1, (r, i) => {
      if (i % 4 === 0) return mutate(valid, r);
      if (i % 4 === 3) {
        let body = "\x80\x02";
        const len = 1 + Math.floor(r() * 40);
        for (let k = 0; k < len; k++) body += SNIPPETS[Math.floor(r() * SNIPPETS.length)];
        return zip([{ name: "archive/data.pkl", data: Buffer.from(body + ".", "latin1") }, { name: "archive/data/0", data: f32(1, 2, 3, 4) }]);
      }
      return zip(entries.map((e) => ({ name: e.name, data: e.data === pkl ? mutate(pkl, r) : e.data, method: r() < 0.2 ? 8 : 0 })));
    });
    expect(n).toBeGreaterThan(10);
  });

  test("safetensors: mutated files, mutated headers, random bytes", () => {
    const f = path.join(dir, "seed.mdl");
    torch.save(net(), f);
    const valid = fs.readFileSync(f);
    const other = safetensorsFile([["w", "F32", [2, 2], f32(1, 2, 3, 4)], ["b", "I64", [1], Buffer.alloc(8)], ["m", "U8", [3], Buffer.from([1, 2, 3])]]);
    const JUNK: unknown[] = [-1, 2.5, 1e20, "x", null, [], {}, [1, 2, 3], "__proto__", 2 ** 53];
    const n = fuzzLoad("x.safetensors", 2, (r, i) => {
      if (i % 4 === 0) return mutate(i % 8 === 0 ? valid : other, r);
      if (i % 4 === 1) return Buffer.from(Array.from({ length: Math.floor(r() * 64) }, () => Math.floor(r() * 256)));
      // A header with one field replaced by junk, re-serialised so that it still parses.
      const src = r() < 0.5 ? valid : other;
      const len = Number(src.readBigUInt64LE(0));
      const header = JSON.parse(src.toString("utf8", 8, 8 + len)) as Record<string, Record<string, unknown>>;
      const names = Object.keys(header);
      const entry = header[names[Math.floor(r() * names.length)]];
      const fields = Object.keys(entry);
      const field = fields[Math.floor(r() * fields.length)];
      const junk = JUNK[Math.floor(r() * JUNK.length)];
      if (field === "torchlab.structure" && typeof entry[field] === "string") entry[field] = (entry[field] as string).replace(/"[^"]*"|-?\d+/, JSON.stringify(junk));
      else if (Array.isArray(entry[field]) && r() < 0.7) (entry[field] as unknown[])[Math.floor(r() * (entry[field] as unknown[]).length)] = junk;
      else entry[field] = junk;
      const json = Buffer.from(JSON.stringify(header));
      const head = Buffer.alloc(8);
      head.writeBigUInt64LE(BigInt(json.length));
      return Buffer.concat([head, json, src.subarray(8 + len)]);
    });
    expect(n).toBeGreaterThan(10);
  });

  test("PNG: mutated files, mutated headers, mutated image data", () => {
    const r = prng(3 + SEED);
    const images = [1, 2, 3, 4].map((channels) =>
      Buffer.from(encodePng({ width: 7, height: 5, channels: channels as 1 | 2 | 3 | 4, data: Uint8Array.from({ length: 35 * channels }, () => Math.floor(r() * 256)) })),
    );
    // A header may ask for up to PIL's limit (179 megapixels) of garbage; a lower limit keeps each
    // case small (the limit itself is tested in test/torchvision/hostile_images.test.ts).
    torchvision.io.Image.MAX_IMAGE_PIXELS = 1 << 16;
    const warn = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const end = Date.now() + BUDGET_MS;
    let n = 0;
    for (; Date.now() < end; n++) {
      const src = images[n % images.length];
      let bytes: Buffer;
      if (n % 3 === 0) bytes = mutate(src, r);
      else if (n % 3 === 1) {
        // IHDR fields (width, height, depth, colour type, interlace) set to odd values.
        bytes = Buffer.from(src);
        const at = 16 + Math.floor(r() * 13);
        bytes[at] = [0, 1, 3, 0x7f, 0xff, 16, 2, 6][Math.floor(r() * 8)];
      } else {
        // Valid compression around corrupted filtered rows (bad filter types, short rows).
        const idatLen = src.readUInt32BE(33);
        const rows = mutate(zlib.inflateSync(src.subarray(41, 41 + idatLen)), r);
        const idat = zlib.deflateSync(rows);
        const len = Buffer.alloc(4);
        len.writeUInt32BE(idat.length);
        bytes = Buffer.concat([src.subarray(0, 33), len, Buffer.from("IDAT"), idat, Buffer.alloc(4), src.subarray(41 + idatLen + 4)]);
      }
      check(`PNG case ${n} (${bytes.toString("hex").slice(0, 120)}...)`, () => torchvision.io.decode_image(new Uint8Array(bytes)));
    }
    warn.mockRestore();
    torchvision.io.Image.MAX_IMAGE_PIXELS = 89478485;
    expect(n).toBeGreaterThan(10);
  });

  test("IDX: mutated files, mutated headers, gzipped and random bytes", () => {
    const r = prng(4 + SEED);
    const header = Buffer.from([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4]);
    const valid = Buffer.concat([header, Buffer.from(Array.from({ length: 24 }, (_, i) => i))]);
    const f = path.join(dir, "x-idx3-ubyte");
    const end = Date.now() + BUDGET_MS;
    let n = 0;
    for (; Date.now() < end; n++) {
      let bytes: Buffer;
      if (n % 4 === 0) bytes = mutate(valid, r);
      else if (n % 4 === 1) {
        // A dimension count or size set to an odd value.
        bytes = Buffer.from(valid);
        bytes[3 + Math.floor(r() * 13)] = [0, 1, 0x7f, 0x80, 0xff][Math.floor(r() * 5)];
      } else if (n % 4 === 2) bytes = r() < 0.5 ? zlib.gzipSync(mutate(valid, r)) : mutate(zlib.gzipSync(valid), r);
      else bytes = Buffer.from(Array.from({ length: Math.floor(r() * 40) }, () => Math.floor(r() * 256)));
      fs.writeFileSync(f, bytes);
      check(`IDX case ${n} (${bytes.toString("hex").slice(0, 120)})`, () => torchvision.datasets.read_idx(f));
    }
    expect(n).toBeGreaterThan(10);
  });
});
