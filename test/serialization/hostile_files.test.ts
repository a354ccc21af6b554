/**
 * Untrusted and malformed checkpoints (issue 15, items 7, 9, 10, 11): each file here is a literal
 * reproduction of an attack or a corruption. torch.load must keep Python's sharing, bound its
 * work, refuse with an error naming the file and the tensor, and treat JavaScript's special names
 * ("__proto__", "constructor") as ordinary keys.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";
import type { Tensor } from "../../src/torch";
import { Pickled, f32, ptFile, raw, safetensorsFile, tensorPickle, zip, pickle } from "./hostile_helpers";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-hostile-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, bytes: Buffer): string => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, bytes);
  return f;
};
const vals = (t: Tensor): number[] => Array.from(t.dataSync());

/** Ten references to the list below, nine levels deep: 10^9 leaves once expanded, 491 bytes as a .pt. */
function billionLaughs(): Buffer {
  let body = "]q\x00" + "X\x03\x00\x00\x00lol" + "a";
  for (let i = 1; i <= 9; i++) body += "(" + ("h" + String.fromCharCode(i - 1)).repeat(10) + "lq" + String.fromCharCode(i);
  return ptFile(raw(body));
}

describe("untrusted .pt files: bounded work (item 7)", () => {
  test("a 'billion laughs' pickle keeps its references shared, as Python does", () => {
    const bytes = billionLaughs();
    expect(bytes.length).toBeLessThan(600);
    const loaded = torch.load(write("laughs.pt", bytes)) as unknown[];
    let level: unknown = loaded;
    for (let depth = 9; depth > 0; depth--) {
      const list = level as unknown[];
      expect(list).toHaveLength(10);
      for (const item of list) expect(item).toBe(list[0]);
      level = list[0];
    }
    expect(level).toEqual(["lol"]);
  });

  test("a zero-stride 30000x30000 tensor of one stored float is refused before anything is allocated", () => {
    const f = write("zero_stride.pt", ptFile({ dict: [["w", tensorPickle({ numel: 1, size: [30000, 30000], stride: [0, 0] })]] }, { "0": f32(7) }));
    expect(fs.statSync(f).size).toBeLessThan(700);
    expect(() => torch.load(f)).toThrow(`torch.load('${f}'): tensor 'w' of size [30000, 30000] (stride [0, 0]) views storage data/0 of 1 elements`);
    expect(() => torch.load(f)).toThrow(/torchlab tensors own their memory \(PyTorch's would share the storage\), so the file is refused/);
  });

  test("small expanded views and tied weights still load (one tensor per distinct view)", () => {
    const data = f32(1, 2, 3, 4);
    const value: Pickled = {
      dict: [
        ["rows", tensorPickle({ numel: 4, size: [3, 4], stride: [0, 1] })],
        ["t", tensorPickle({ numel: 4, size: [2, 2], stride: [1, 2] })],
        ["embed", tensorPickle({ numel: 4, size: [4], stride: [1] })],
        ["head", tensorPickle({ numel: 4, size: [4], stride: [1] })],
      ],
    };
    const sd = torch.load(write("views.pt", ptFile(value, { "0": data }))) as Record<string, Tensor>;
    expect(sd.rows.shape).toEqual([3, 4]);
    expect(vals(sd.rows)).toEqual([1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4]);
    expect(vals(sd.t)).toEqual([1, 3, 2, 4]);
    // PyTorch shares the storage between tied weights; here they are one tensor.
    expect(sd.head).toBe(sd.embed);
  });

  test("a deflated storage that inflates past the size the directory gives stops at that size", () => {
    const bomb = Buffer.alloc(64 * 1024 * 1024);
    const f = write("bomb.pt", zip([
      { name: "archive/data.pkl", data: pickle(tensorPickle({ numel: 4, size: [4], stride: [1] })) },
      { name: "archive/data/0", data: bomb, method: 8, size: 16 },
    ]));
    expect(() => torch.load(f)).toThrow(`torch.load('${f}'): entry 'archive/data/0' inflates past the 16 bytes the directory gives: the file is corrupted`);
  });

  test("a deflated storage claiming more than deflate can reach is refused before inflating", () => {
    const numel = 2 ** 29; // 2 GiB of float32, from 64 KiB
    const f = write("bomb2.pt", zip([
      { name: "archive/data.pkl", data: pickle(tensorPickle({ numel, size: [numel], stride: [1] })) },
      { name: "archive/data/0", data: Buffer.alloc(64 * 1024 * 1024), method: 8, size: numel * 4 },
    ]));
    expect(() => torch.load(f)).toThrow(/entry 'archive\/data\/0' claims 2147483648 bytes from \d+ compressed bytes, more than deflate can expand \(1032x\)/);
  });

  test("a storage whose declared element count disagrees with the entry's size is refused before it is read", () => {
    const f = write("lying.pt", zip([
      { name: "archive/data.pkl", data: pickle(tensorPickle({ numel: 1000, size: [4], stride: [1] })) },
      { name: "archive/data/0", data: f32(1, 2, 3, 4), method: 8 },
    ]));
    expect(() => torch.load(f)).toThrow("storage data/0 has 16 bytes, expected 1000 float32 elements (4000 bytes)");
  });
});

describe("deep nesting is an error, not a stack overflow", () => {
  test(".pt: 100000 nested lists (Python's unpickler reads them iteratively)", () => {
    const f = write("deep.pt", ptFile(raw("(".repeat(100000) + "l".repeat(100000))));
    expect(() => torch.load(f)).toThrow(`torch.load('${f}'): the object nests deeper than 1000 levels`);
  });

  test("safetensors: a structure nested 100000 deep", () => {
    const structure = "[".repeat(100000) + "]".repeat(100000);
    const f = write("deep.safetensors", safetensorsFile([], { format: "pt", "torchlab.structure": structure }));
    expect(() => torch.load(f)).toThrow(`torch.load('${f}'): the structure nests deeper than 1000 levels`);
  });
});

describe("malformed .pt files: errors naming the file and the tensor (item 10)", () => {
  const load = (value: Pickled, storages: Record<string, Buffer>): (() => unknown) => {
    const f = write("bad.pt", ptFile(value, storages));
    return () => torch.load(f);
  };

  test.each([
    ["a negative stride on a uint8 storage", { type: "ByteStorage", numel: 4, offset: 3, size: [2], stride: [-1] }, "tensor 'x' of size [2] has stride [-1]; strides are non-negative integers"],
    ["a fractional stride on a bool storage", { type: "BoolStorage", numel: 4, size: [2], stride: [1.5] }, "tensor 'x' of size [2] has stride [1.5]; strides are non-negative integers"],
    ["a negative offset", { type: "ByteStorage", numel: 4, offset: -2, size: [2], stride: [1] }, "tensor 'x' has storage offset -2; offsets are non-negative integers"],
    ["a fractional size", { type: "BoolStorage", numel: 4, size: [1.5], stride: [1] }, "tensor 'x' has size [1.5]; sizes are non-negative integers"],
  ])("%s", (_name, t, message) => {
    const f = write("bad.pt", ptFile({ dict: [["x", tensorPickle(t)]] }, { "0": Buffer.from([1, 0, 1, 1]) }));
    expect(() => torch.load(f)).toThrow(`torch.load('${f}'): ${message}`);
  });

  test("one storage used as two dtypes", () => {
    const value: Pickled = {
      dict: [
        ["a", tensorPickle({ numel: 2, size: [2], stride: [1] })],
        ["b", tensorPickle({ type: "LongStorage", numel: 1, size: [1], stride: [1] })],
      ],
    };
    expect(load(value, { "0": f32(1, 2) })).toThrow(
      "tensor 'b' uses storage data/0 as 1 int64 elements, but another tensor uses it as 2 float32 elements: one storage cannot hold two types",
    );
  });

  test("int key 1 and str key '1' in one dict", () => {
    const t = tensorPickle({ numel: 2, size: [2], stride: [1] });
    const f = write("keys.pt", ptFile({ dict: [["state", { dict: [[1, t], ["1", 5]] }]] }, { "0": f32(1, 2) }));
    expect(() => torch.load(f)).toThrow(`torch.load('${f}'): dict 'state' has both the key 1 and the key "1", which are the same JavaScript key '1'`);
  });

  test("the path names nested tensors (lists by index)", () => {
    const bad = tensorPickle({ numel: 2, size: [3], stride: [1] });
    expect(load({ dict: [["state", { dict: [[0, { dict: [["exp_avg", [1, bad]]] }]] }]] }, { "0": f32(1, 2) })).toThrow(
      "tensor 'state.0.exp_avg.1' of size [3] (offset 0, stride [1]) reaches past the end of storage data/0 (2 elements)",
    );
  });
});

describe("JavaScript-special keys are ordinary keys (item 9)", () => {
  const special = ["__proto__", "constructor", "toString", "hasOwnProperty"];

  test.each(["x.pt", "x.safetensors"])("torch.save / torch.load of %s keep them", (name) => {
    const t = torch.tensor([1, 2]);
    const obj = { ["__proto__"]: t, constructor: torch.tensor([3]), toString: 5, nested: { ["__proto__"]: "p", valueOf: [1] } };
    const f = path.join(dir, name);
    torch.save(obj, f);
    const back = torch.load(f) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBeNull();
    expect(Object.keys(back)).toEqual(["__proto__", "constructor", "toString", "nested"]);
    expect(vals(back["__proto__"] as Tensor)).toEqual([1, 2]);
    expect(vals(back.constructor as unknown as Tensor)).toEqual([3]);
    expect(back.toString).toBe(5);
    const nested = back.nested as Record<string, unknown>;
    expect(Object.keys(nested)).toEqual(["__proto__", "valueOf"]);
    expect(nested["__proto__"]).toBe("p");
  });

  test("a state_dict with such keys from a PyTorch-style .pt (OrderedDict) loads them as keys, not as the prototype", () => {
    const entries: [Pickled, Pickled][] = special.map((k, i) => [k, tensorPickle({ numel: 4, offset: i, size: [1], stride: [1] })]);
    const od = raw("ccollections\nOrderedDict\n)R(", ...entries.map(([k, v]) => [...pickleBytes(k), ...pickleBytes(v)]), "u");
    const sd = torch.load(write("sd.pt", ptFile(od, { "0": f32(1, 2, 3, 4) }))) as Record<string, Tensor>;
    expect(Object.getPrototypeOf(sd)).toBeNull();
    expect(Object.keys(sd)).toEqual(special);
    special.forEach((k, i) => expect(vals(sd[k])).toEqual([i + 1]));
  });

  test("a safetensors file from another tool with tensors named constructor / toString / __proto__", () => {
    const f = write("other.safetensors", safetensorsFile([
      ["constructor", "F32", [1], f32(1)],
      ["toString", "F32", [1], f32(2)],
      ["__proto__", "F32", [1], f32(3)],
    ]));
    const sd = torch.load(f) as Record<string, Tensor>;
    expect(Object.getPrototypeOf(sd)).toBeNull();
    expect(Object.keys(sd)).toEqual(["constructor", "toString", "__proto__"]);
    expect([vals(sd.constructor as unknown as Tensor), vals(sd.toString as unknown as Tensor), vals(sd["__proto__"])]).toEqual([[1], [2], [3]]);
  });

  test("a dtype named like an Object.prototype member is an unsupported dtype, not a crash", () => {
    const f = write("dtype.safetensors", safetensorsFile([["w", "constructor", [1], f32(1)]]));
    expect(() => torch.load(f)).toThrow(`torch.load('${f}'): tensor 'w' has unsupported dtype 'constructor'`);
  });

  test("a loaded state_dict with such keys loads into a module and saves again", () => {
    const net = new torch.nn.Linear(2, 1);
    const f = path.join(dir, "net.pt");
    torch.save(net.state_dict(), f);
    const sd = torch.load(f) as Record<string, Tensor>;
    expect(Object.getPrototypeOf(sd)).toBeNull();
    const other = new torch.nn.Linear(2, 1);
    other.load_state_dict(sd);
    expect(vals(other.weight)).toEqual(vals(net.weight));
    torch.save(sd, path.join(dir, "again.safetensors"));
    expect(Object.keys(torch.load(path.join(dir, "again.safetensors")))).toEqual(["weight", "bias"]);
  });
});

describe("numbers that JSON cannot spell (item 11)", () => {
  test.each(["n.safetensors", "n.pt"])("-0 round-trips through %s", (name) => {
    const f = path.join(dir, name);
    torch.save({ zero: -0, list: [-0, 0], inf: -Infinity, nan: NaN }, f);
    const back = torch.load(f) as { zero: number; list: number[]; inf: number; nan: number };
    expect(Object.is(back.zero, -0)).toBe(true);
    expect(Object.is(back.list[0], -0)).toBe(true);
    expect(Object.is(back.list[1], 0)).toBe(true);
    expect(back.inf).toBe(-Infinity);
    expect(back.nan).toBeNaN();
  });
});

function pickleBytes(v: Pickled): number[] {
  const p = pickle(v);
  return Array.from(p.subarray(2, p.length - 1));
}
