import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawn, spawnSync } from "child_process";
import { torch } from "../../src";
import type { Tensor } from "../../src/torch";
import { pythonHas } from "../python";
import { FileNotFoundError, OSError } from "../../src/errors";

const REF = path.join(__dirname, "../reference/checkpoints");
const PY = "/usr/bin/python3";
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-ser-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const file = (name: string): string => path.join(dir, name);
const vals = (t: Tensor): number[] => Array.from(t.dataSync());

type Expected = null | boolean | number | string | Expected[] | { $dict: [string, Expected][] } | { $tensor: true; dtype: string; shape: number[]; values: (number | boolean)[] };

/** Compares a loaded object with the JSON that gen_checkpoints.py wrote beside the .pt. */
function expectMatches(got: unknown, want: Expected, where = "obj"): void {
  if (want !== null && typeof want === "object" && !Array.isArray(want)) {
    if ("$tensor" in want) {
      expect(got).toBeInstanceOf(torch.Tensor);
      const t = got as Tensor;
      expect([where, t.shape]).toEqual([where, want.shape]);
      // float64 loads as float64 (in float32 precision), float16 and bfloat16 as float32; integers and bool as they are.
      const dtype = want.dtype === "float64" ? "torch.float64" : want.dtype.startsWith("float") || want.dtype === "bfloat16" ? "torch.float32" : `torch.${want.dtype}`;
      expect([where, String(t.dtype)]).toEqual([where, dtype]);
      const v = vals(t);
      want.values.forEach((w, i) => {
        const x = Number(w);
        if (Math.abs(v[i] - x) > 1e-6 * Math.max(1, Math.abs(x)) && Math.fround(x) !== v[i]) throw new Error(`${where}[${i}]: ${v[i]} != ${x}`);
      });
      return;
    }
    const obj = got as Record<string, unknown>;
    // JavaScript objects list integer-like keys first, whatever their insertion order.
    const order = Object.keys(Object.fromEntries(want.$dict.map(([k]) => [k, 0])));
    expect([where, Object.keys(obj)]).toEqual([where, order]);
    for (const [k, v] of want.$dict) expectMatches(obj[k], v, `${where}.${k}`);
    return;
  }
  if (Array.isArray(want)) {
    expect(Array.isArray(got)).toBe(true);
    expect((got as unknown[]).length).toBe(want.length);
    want.forEach((w, i) => expectMatches((got as unknown[])[i], w, `${where}[${i}]`));
    return;
  }
  if (typeof want === "number") expect(got as number).toBeCloseTo(want, 6);
  else expect(got).toEqual(want);
}

const expected = (name: string): Expected => JSON.parse(fs.readFileSync(path.join(REF, `${name}.json`), "utf8"));

function hasPythonTorch(): boolean {
  return pythonHas("torch");
}

describe("torch.save / torch.load round trip", () => {
  test.each(["double.pt", "double.mdl"])("float64 comes back as float64 (%s), with its values", (name) => {
    const d = torch.tensor([[0.5, -1.25], [3, 1e-3]], { dtype: torch.float64, requires_grad: true });
    torch.save({ d, lin: new torch.nn.Linear(2, 1).double().state_dict() }, file(name));
    const back = torch.load(file(name)) as { d: Tensor; lin: Record<string, Tensor> };
    expect(back.d.dtype).toBe(torch.float64);
    expect(back.d.tolist()).toEqual(d.tolist());
    expect(back.lin.weight.dtype).toBe(torch.float64);
    expect(back.lin.bias.dtype).toBe(torch.float64);
  });

  test("a state_dict comes back with the same keys, order, shapes, dtypes and values", () => {
    torch.manual_seed(0);
    const sd = {
      "0.weight": torch.randn(3, 4),
      "0.bias": torch.randn(3),
      "1.running_mean": torch.zeros(3),
      "1.num_batches_tracked": torch.tensor(7),
      mask: torch.tensor([true, false, true]),
      scalar: torch.tensor(2.5),
      empty: torch.zeros(0, 5),
    };
    torch.save(sd, file("ckpt.mdl"));
    const back = torch.load<Record<string, Tensor>>(file("ckpt.mdl"));
    expect(Object.keys(back)).toEqual(Object.keys(sd));
    for (const [k, t] of Object.entries(sd)) {
      expect(back[k].shape).toEqual(t.shape);
      expect(back[k].dtype).toBe(t.dtype);
      expect(vals(back[k])).toEqual(vals(t));
    }
    expect(back["1.num_batches_tracked"].dim()).toBe(0);
  });

  test.each(["train.mdl", "train.pt"])("%s: nested objects, arrays and plain values (optimizer states, training metadata)", (name) => {
    const p = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const opt = new torch.optim.Adam([p], { lr: 0.01 });
    p.mul(p).sum().backward();
    opt.step();
    const obj = {
      epoch: 3,
      best: -Infinity,
      nan: NaN,
      name: "run-1 ✓",
      done: false,
      nothing: null,
      history: [0.5, 0.25, [1, "two"]],
      optimizer: opt.state_dict(),
      "a.b": torch.ones(1),
      a: { b: torch.zeros(1) },
    };
    torch.save(obj, file(name));
    const back = torch.load(file(name));
    expect(back.epoch).toBe(3);
    expect(back.best).toBe(-Infinity);
    expect(back.nan).toBeNaN();
    expect(back.name).toBe("run-1 ✓");
    expect(back.done).toBe(false);
    expect(back.nothing).toBeNull();
    expect(back.history).toEqual([0.5, 0.25, [1, "two"]]);
    expect(vals(back["a.b"])).toEqual([1]);
    expect(vals(back.a.b)).toEqual([0]);
    expect(back.optimizer.param_groups).toEqual(opt.state_dict().param_groups);
    expect(vals(back.optimizer.state[0].exp_avg)).toEqual(vals(opt.state.get(p)!.exp_avg as Tensor));
    const opt2 = new torch.optim.Adam([torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true })]);
    opt2.load_state_dict(back.optimizer);
    expect(opt2.param_groups[0].lr).toBe(0.01);
  });

  test("a key named __metadata__ does not clash with the header's metadata", () => {
    torch.save({ __metadata__: torch.ones(2), x: 1 }, file("m.mdl"));
    const back = torch.load(file("m.mdl"));
    expect(vals(back.__metadata__)).toEqual([1, 1]);
    expect(back.x).toBe(1);
  });

  test.each(["t.mdl", "t.pt"])("%s: a bare tensor", (name) => {
    torch.save(torch.arange(6).reshape(2, 3), file(name));
    const t = torch.load<Tensor>(file(name));
    expect(t.shape).toEqual([2, 3]);
    expect(vals(t)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test("the file is the documented safetensors layout", () => {
    const sd = { w: torch.tensor([[1.5, -2]]), n: torch.tensor([-3]), k: torch.tensor([4], { dtype: torch.int32 }), m: torch.tensor([true]) };
    torch.save(sd, file("x.safetensors"));
    const buf = fs.readFileSync(file("x.safetensors"));
    const n = Number(buf.readBigUInt64LE(0));
    expect((8 + n) % 8).toBe(0);
    const header = JSON.parse(buf.toString("utf8", 8, 8 + n));
    expect(header.w).toEqual({ dtype: "F32", shape: [1, 2], data_offsets: [0, 8] });
    expect(header.n).toEqual({ dtype: "I64", shape: [1], data_offsets: [8, 16] });
    expect(header.k).toEqual({ dtype: "I32", shape: [1], data_offsets: [16, 20] });
    expect(header.m).toEqual({ dtype: "BOOL", shape: [1], data_offsets: [20, 21] });
    expect(Object.values(header.__metadata__).every((v) => typeof v === "string")).toBe(true);
    expect(header.__metadata__.format).toBe("pt");
    expect(header.__metadata__["torchlab.version"]).toBe("2");
    expect(buf.length).toBe(8 + n + 21);
    expect(buf.readFloatLE(8 + n)).toBe(1.5);
    expect(buf.readFloatLE(8 + n + 4)).toBe(-2);
    expect(buf.readBigInt64LE(8 + n + 8)).toBe(-3n);
    expect(buf.readInt32LE(8 + n + 16)).toBe(4);
    const back = torch.load(file("x.safetensors"));
    expect([back.w.dtype, back.n.dtype, back.k.dtype, back.m.dtype]).toEqual([torch.float32, torch.int64, torch.int32, torch.bool]);
  });

  test("a file written before torch.int32 existed (torchlab.version 1) reads its I32 tensors as int64", () => {
    // Version 1 had one integer dtype, PyTorch's int64 held in 32 bits, and wrote it as I32.
    const header = JSON.stringify({ n: { dtype: "I32", shape: [2], data_offsets: [0, 8] }, __metadata__: { format: "pt", "torchlab.version": "1" } });
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(header.length));
    const data = Buffer.alloc(8);
    data.writeInt32LE(7, 0);
    data.writeInt32LE(-2, 4);
    fs.writeFileSync(file("v1.mdl"), Buffer.concat([len, Buffer.from(header), data]));
    const back = torch.load(file("v1.mdl"));
    expect(back.n.dtype).toBe(torch.int64);
    expect(vals(back.n)).toEqual([7, -2]);
    // Without torchlab's version, I32 is PyTorch's int32.
    const plain = JSON.stringify({ n: { dtype: "I32", shape: [2], data_offsets: [0, 8] } });
    const len2 = Buffer.alloc(8);
    len2.writeBigUInt64LE(BigInt(plain.length));
    fs.writeFileSync(file("plain.safetensors"), Buffer.concat([len2, Buffer.from(plain), data]));
    expect(torch.load(file("plain.safetensors")).n.dtype).toBe(torch.int32);
  });

  test("a safetensors file without torchlab metadata loads as a flat dict", () => {
    const header = JSON.stringify({ a: { dtype: "F64", shape: [2], data_offsets: [0, 16] }, b: { dtype: "I64", shape: [], data_offsets: [16, 24] } });
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(header.length));
    const data = Buffer.alloc(24);
    data.writeDoubleLE(0.25, 0);
    data.writeDoubleLE(-1, 8);
    data.writeBigInt64LE(-5n, 16);
    fs.writeFileSync(file("other.safetensors"), Buffer.concat([len, Buffer.from(header), data]));
    const back = torch.load(file("other.safetensors"));
    expect(vals(back.a)).toEqual([0.25, -1]);
    expect(back.b.dtype).toBe(torch.int64);
    expect(back.b.item()).toBe(-5);
  });
});

describe("errors name the file and what is wrong (safetensors files)", () => {
  function good(): Buffer {
    torch.save({ w: torch.arange(10).float(), b: torch.ones(2) }, file("good.mdl"));
    return fs.readFileSync(file("good.mdl"));
  }
  const headerLen = (b: Buffer): number => Number(b.readBigUInt64LE(0));
  const loadBytes = (b: Buffer): (() => unknown) => {
    fs.writeFileSync(file("bad.mdl"), b);
    return () => torch.load(file("bad.mdl"));
  };

  test("truncated at every kind of place", () => {
    const b = good();
    const n = headerLen(b);
    expect(loadBytes(b.subarray(0, 0))).toThrow(/torch\.load\('.*bad\.mdl'\): file is 0 bytes, too short for a checkpoint/);
    expect(loadBytes(b.subarray(0, 5))).toThrow("file is 5 bytes, too short for a checkpoint");
    expect(loadBytes(b.subarray(0, 20))).toThrow(`bad header length ${n}: only 12 bytes follow`);
    expect(loadBytes(b.subarray(0, 8 + n + 10))).toThrow("tensor 'w' data_offsets [0, 40] are out of range: the data section has 10 bytes (the file is truncated)");
    expect(loadBytes(b.subarray(0, b.length - 1))).toThrow("out of range");
  });

  test("bad header length, JSON, offsets, sizes, trailing bytes", () => {
    const b = good();
    const n = headerLen(b);
    const huge = Buffer.from(b);
    huge.writeBigUInt64LE(2n ** 40n, 0);
    expect(loadBytes(huge)).toThrow("bad header length 1099511627776");
    const badJson = Buffer.from(b);
    badJson[8 + 3] = 0x7d; // '}' inside the first key
    expect(loadBytes(badJson)).toThrow(/the JSON header does not parse/);
    const notSt = Buffer.from("hello world, not a checkpoint at all");
    expect(loadBytes(notSt)).toThrow(/bad header length/);
    const edit = (f: (h: Record<string, { data_offsets: number[]; shape: number[]; dtype: string }>) => void, extra = Buffer.alloc(0)): Buffer => {
      const h = JSON.parse(b.toString("utf8", 8, 8 + n));
      f(h);
      const json = Buffer.from(JSON.stringify(h));
      const len = Buffer.alloc(8);
      len.writeBigUInt64LE(BigInt(json.length));
      return Buffer.concat([len, json, b.subarray(8 + n), extra]);
    };
    expect(loadBytes(edit((h) => (h.w.shape = [11])))).toThrow("size mismatch for tensor 'w': shape [11] of F32 needs 44 bytes, data_offsets give 40");
    expect(loadBytes(edit((h) => (h.b.data_offsets = [40, 4000])))).toThrow("tensor 'b' data_offsets [40, 4000] are out of range");
    expect(loadBytes(edit((h) => (h.w.dtype = "C64")))).toThrow("tensor 'w' has unsupported dtype 'C64'");
    expect(loadBytes(edit(() => undefined, Buffer.from([1, 2, 3])))).toThrow("the data section has 3 trailing bytes that belong to no tensor");
    expect(loadBytes(edit((h) => (h.b.data_offsets = [32, 40])))).toThrow("tensors overlap at data offset 32");
  });

  test("a flipped bit in the weights fails the CRC check instead of loading garbage", () => {
    const b = Buffer.from(good());
    b[b.length - 3] ^= 0x10;
    expect(loadBytes(b)).toThrow("tensor 'b' fails its CRC-32 check: the file is corrupted");
  });

  test("a missing file is Python's FileNotFoundError (an OSError), as PyTorch's open() raises it", () => {
    const missing = file("nope.pt");
    let err: unknown;
    try {
      torch.load(missing);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FileNotFoundError);
    expect(err).toBeInstanceOf(OSError);
    expect((err as Error).message).toBe(`[Errno 2] No such file or directory: '${missing}'`);
  });

  test("saving what a checkpoint cannot hold", () => {
    class Net {
      w = torch.ones(1);
    }
    expect(() => torch.save({ net: new Net() }, file("x.pt"))).toThrow("torch.save: cannot save 'net' of type Net");
    expect(() => torch.save({ f: () => 1 }, file("x.pt"))).toThrow("torch.save: cannot save 'f' of type function");
    expect(() => torch.save({ a: [1, undefined] }, file("x.pt"))).toThrow("torch.save: 'a.1' is undefined; use null for a missing value");
    const cyc: Record<string, unknown> = {};
    cyc.self = cyc;
    expect(() => torch.save(cyc, file("x.pt"))).toThrow("torch.save: 'self' refers back to one of its containers (a cycle)");
    expect(fs.existsSync(file("x.pt"))).toBe(false);
    expect(() => torch.save({}, 42 as never)).toThrow("save(): expected a file path (string), got number");
    expect(() => torch.save({}, file("x.pt"), { protocol: 2 })).toThrow("save() got an unexpected keyword argument 'protocol'");
    // PyTorch's RuntimeErrors: the parent folder as the path names it; a folder where the file would go.
    expect(() => torch.save({}, path.join(dir, "no", "such", "dir", "x.pt"))).toThrow(`Parent directory ${path.join(dir, "no", "such", "dir")} does not exist.`);
    fs.mkdirSync(file("adir"), { recursive: true });
    expect(() => torch.save({}, file("adir"))).toThrow(`File ${file("adir")} cannot be opened.`);
    expect(fs.statSync(file("adir")).isDirectory()).toBe(true);
  });
});

describe("atomic writes", () => {
  test("a save leaves no temporary file and replaces the previous checkpoint", () => {
    torch.save({ v: torch.tensor([1]) }, file("ckpt.mdl"));
    torch.save({ v: torch.tensor([2]) }, file("ckpt.mdl"));
    expect(fs.readdirSync(dir)).toEqual(["ckpt.mdl"]);
    expect(torch.load(file("ckpt.mdl")).v.item()).toBe(2);
  });

  test("a failed save (unsupported object) leaves the previous checkpoint untouched", () => {
    torch.save({ v: torch.tensor([1]) }, file("ckpt.mdl"));
    const before = fs.readFileSync(file("ckpt.mdl"));
    expect(() => torch.save({ v: torch.tensor([2]), bad: Symbol("x") }, file("ckpt.mdl"))).toThrow();
    expect(fs.readFileSync(file("ckpt.mdl")).equals(before)).toBe(true);
  });

  test("killing the process mid-save leaves the previous checkpoint loadable and exact", async () => {
    const target = file("ckpt.mdl");
    const n = 2 * 1024 * 1024;
    const child = spawn(process.execPath, [path.join(__dirname, "save_loop_child.js"), target, String(n)], {
      env: { ...process.env, TORCHLAB_BACKEND: "cpu" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    // Wait until at least two versions are complete and a third is being written, then kill it
    // while its temporary file exists (between open and rename).
    let sawTemp = false;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline && child.exitCode === null) {
      if (/end 2\n/.test(out)) {
        const temps = fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));
        if (temps.length > 0) {
          child.kill("SIGKILL");
          sawTemp = true;
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    if (!sawTemp) child.kill("SIGKILL");
    await exited;
    expect(err).toBe("");
    expect(sawTemp).toBe(true);
    const ended = [...out.matchAll(/end (\d+)/g)].map((m) => Number(m[1]));
    const lastComplete = Math.max(...ended);
    const back = torch.load(target);
    // Either the last completed version, or (if the rename won the race with the kill) the next one.
    expect([lastComplete, lastComplete + 1]).toContain(back.step);
    const w = back["0.weight"] as Tensor;
    expect(w.shape).toEqual([n]);
    const data = w.dataSync();
    expect(data.every((x) => x === back.step)).toBe(true);
    expect(vals(back["0.bias"]).every((x) => x === back.step)).toBe(true);
    // The dead writer's temporary file is cleaned up by the next save.
    expect(fs.readdirSync(dir).some((f) => f.endsWith(".tmp"))).toBe(true);
    torch.save({ v: torch.tensor([1]) }, target);
    expect(fs.readdirSync(dir)).toEqual(["ckpt.mdl"]);
  }, 120_000);
});

describe("PyTorch checkpoints (.pt zip files written by PyTorch 1.13)", () => {
  test.each(["sequential_state_dict", "sgd_state_dict", "adam_state_dict", "tensors_and_values", "parameter"])("%s loads with PyTorch's values", (name) => {
    const got = torch.load(path.join(REF, `${name}.pt`));
    expectMatches(got, expected(name));
  });

  test("deflate-compressed zip entries are read too", () => {
    expectMatches(torch.load(path.join(REF, "sequential_state_dict_deflated.pt")), expected("sequential_state_dict"));
  });

  test("strided views and storage offsets are honoured", () => {
    const got = torch.load(path.join(REF, "tensors_and_values.pt"));
    const base = Array.from({ length: 24 }, (_, i) => Math.fround(i / 7));
    expect(got.transposed.shape).toEqual([6, 4]);
    expect(vals(got.transposed)[1]).toBeCloseTo(base[6], 6);
    expect(vals(got.offset)[0]).toBeCloseTo(base[12], 6);
    expect(vals(got.stepped)).toEqual([0, 3, 12, 15].map((i) => base[i]));
  });

  test("a state_dict's OrderedDict _metadata is not one of its keys", () => {
    const sd = torch.load(path.join(REF, "sequential_state_dict.pt"));
    expect(Object.keys(sd)).toEqual(["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked"]);
    expect(sd["1.num_batches_tracked"].dtype).toBe(torch.int64);
    expect(sd["1.num_batches_tracked"].item()).toBe(2);
  });

  test("PyTorch's optimizer state_dicts load into torchlab's optimizers and keep stepping", () => {
    const sd = torch.load(path.join(REF, "sequential_state_dict.pt"));
    const params = ["0.weight", "0.bias", "1.weight", "1.bias"].map((k) => (sd[k] as Tensor).detach().requires_grad_(true));
    const sgd = new torch.optim.SGD(params, { lr: 1 });
    sgd.load_state_dict(torch.load(path.join(REF, "sgd_state_dict.pt")));
    expect(sgd.param_groups[0].lr).toBe(0.1);
    expect(sgd.param_groups[0].momentum).toBe(0.9);
    expect(sgd.state.size).toBe(4);
    const adam = new torch.optim.Adam(params);
    adam.load_state_dict(torch.load(path.join(REF, "adam_state_dict.pt")));
    expect(adam.state.get(params[0])!.step).toBe(2);
    expect(adam.param_groups[0].amsgrad).toBe(true);
    params.forEach((p) => p.sum().backward());
    adam.step();
    expect(adam.state.get(params[0])!.step).toBe(3);
  });

  test("an int64 that does not fit int32 is an error, not a wrapped value", () => {
    expect(() => torch.load(path.join(REF, "int64_overflow.pt"))).toThrow("int64 value 1099511627776 in storage data/0 does not fit torchlab's int32");
  });

  test("an unsupported pickle global is named", () => {
    expect(() => torch.load(path.join(REF, "unsupported_global.pt"))).toThrow(/unsupported pickle global 'datetime\.date'/);
  });

  test("PyTorch's legacy non-zip format is recognised", () => {
    expect(() => torch.load(path.join(REF, "legacy_format.pt"))).toThrow("PyTorch's legacy (pre-1.6, non-zip) checkpoint format");
  });

  test("a truncated or corrupted .pt is an error", () => {
    const b = fs.readFileSync(path.join(REF, "sequential_state_dict.pt"));
    fs.writeFileSync(file("cut.pt"), b.subarray(0, b.length - 100));
    expect(() => torch.load(file("cut.pt"))).toThrow(/torch\.load\('.*cut\.pt'\): failed finding central directory/);
    fs.writeFileSync(file("cut2.pt"), b.subarray(0, 1000));
    expect(() => torch.load(file("cut2.pt"))).toThrow(/failed finding central directory/);
    const flipped = Buffer.from(b);
    const local = flipped.indexOf(Buffer.from("sequential_state_dict/data/0")) - 30;
    const dataStart = local + 30 + flipped.readUInt16LE(local + 26) + flipped.readUInt16LE(local + 28);
    flipped[dataStart + 5] ^= 0xff; // inside the first storage's bytes

    fs.writeFileSync(file("flip.pt"), flipped);
    expect(() => torch.load(file("flip.pt"))).toThrow(/fails its CRC-32 check: the file is corrupted/);
  });

  test("unsupported pickle opcodes are named", () => {
    // A minimal zip holding a data.pkl that uses INST (protocol 0 class instantiation).
    const zlib = require("zlib") as typeof import("zlib");
    const pkl = Buffer.from("(i__main__\nFoo\n.", "latin1");
    const name = Buffer.from("archive/data.pkl");
    const crc = (zlib as unknown as { crc32(b: Buffer): number }).crc32?.(pkl);
    if (crc === undefined) return;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(pkl.length, 18);
    local.writeUInt32LE(pkl.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(pkl.length, 20);
    central.writeUInt32LE(pkl.length, 24);
    central.writeUInt16LE(name.length, 28);
    const cdOffset = 30 + name.length + pkl.length;
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 8);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(46 + name.length, 12);
    eocd.writeUInt32LE(cdOffset, 16);
    fs.writeFileSync(file("inst.pt"), Buffer.concat([local, name, pkl, central, name, eocd]));
    expect(() => torch.load(file("inst.pt"))).toThrow("unsupported pickle opcode INST (0x69) at byte 1");
  });
});

describe("torchlab checkpoints read in Python", () => {
  const cases: [string, string, string[]][] = [
    ["sequential_state_dict", "torchlab_sequential_state_dict.safetensors", ["--sequential"]],
    ["sgd_state_dict", "torchlab_sgd_state_dict.safetensors", []],
  ];

  test.each(cases)("re-saving PyTorch's %s gives the committed fixture byte for byte", (name, fixture) => {
    torch.save(torch.load(path.join(REF, `${name}.pt`)), file(fixture));
    const mine = fs.readFileSync(file(fixture));
    if (process.env.TORCHLAB_REGEN_FIXTURES === "1") fs.writeFileSync(path.join(REF, fixture), mine);
    expect(mine.equals(fs.readFileSync(path.join(REF, fixture)))).toBe(true);
    expectMatches(torch.load(path.join(REF, fixture)), expected(name));
  });

  test("a checkpoint written before torch.int32 existed (torchlab.version 1, int64 as I32) still loads, num_batches_tracked as int64", () => {
    const sd = torch.load(path.join(REF, "torchlab_v1_sequential_state_dict.safetensors"));
    expectMatches(sd, expected("sequential_state_dict"));
    expect(sd["1.num_batches_tracked"].dtype).toBe(torch.int64);
  });

  const py = hasPythonTorch();
  (py ? test.each(cases) : test.skip.each(cases))("Python reads the committed %s fixture (skipped without /usr/bin/python3 + torch)", (name, fixture, flags) => {
    const r = spawnSync(PY, [path.join(__dirname, "../reference/check_torchlab_checkpoint.py"), path.join(REF, fixture), path.join(REF, `${name}.json`), ...flags], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("OK");
  });

  (py ? test : test.skip)("Python reads a checkpoint torchlab writes now", () => {
    const sd = torch.load(path.join(REF, "sequential_state_dict.pt"));
    torch.save(sd, file("fresh.mdl"));
    const r = spawnSync(PY, [path.join(__dirname, "../reference/check_torchlab_checkpoint.py"), file("fresh.mdl"), path.join(REF, "sequential_state_dict.json"), "--sequential"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("OK");
  });
  (py ? test : test.skip)("a float64 tensor is written as PyTorch's DoubleStorage: Python loads torch.float64", () => {
    torch.save({ d: torch.tensor([0.5, -1.25, 3], { dtype: torch.float64 }), f: torch.tensor([0.5]) }, file("double.pt"));
    const r = spawnSync(PY, ["-c", "import sys, torch; sd = torch.load(sys.argv[1]); print(sd['d'].dtype, sd['d'].tolist(), sd['f'].dtype)", file("double.pt")], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("torch.float64 [0.5, -1.25, 3.0] torch.float32");
  });
  if (!py) {
    test("Python interop checks were skipped", () => {
      console.warn("skipping the Python side of the checkpoint interop tests: /usr/bin/python3 with torch is not available");
    });
  }
});
