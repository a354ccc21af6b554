import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";
import { crc32 } from "../../src/serialization/crc32";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-fmt-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A zip archive of stored entries (method 0 unless given), as PyTorch writes them. */
function zip(entries: Record<string, Buffer>, method = 0): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [n, data] of Object.entries(entries)) {
    const name = Buffer.from(n);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** Pickle bytes from opcode strings (latin1) and byte arrays. */
function pk(...parts: (string | number[])[]): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));
}
const str = (s: string): string => "X" + String.fromCharCode(s.length, 0, 0, 0) + s;
const storagePid = (numel: number): string => "(" + str("storage") + "ctorch\nFloatStorage\n" + str("0") + str("cpu") + "K" + String.fromCharCode(numel) + "tQ";
const rebuild = (numel: number, size: number): string =>
  "ctorch._utils\n_rebuild_tensor_v2\n(" + storagePid(numel) + "K\x00K" + String.fromCharCode(size) + "\x85K\x01\x85\x89ccollections\nOrderedDict\n)RtR";

function loadPt(entries: Record<string, Buffer>, method = 0): () => unknown {
  const f = path.join(dir, "x.pt");
  fs.writeFileSync(f, zip(entries, method));
  return () => torch.load(f);
}

describe("PyTorch checkpoint errors", () => {
  test("a hand-made checkpoint loads (the helpers are right)", () => {
    const data = Buffer.alloc(8);
    data.writeFloatLE(1.5, 0);
    data.writeFloatLE(-2, 4);
    const t = loadPt({ "a/data.pkl": pk("\x80\x02", rebuild(2, 2), "."), "a/data/0": data })();
    expect(Array.from((t as { dataSync(): Float32Array }).dataSync())).toEqual([1.5, -2]);
  });

  test.each([
    ["truncated pickle", pk("\x80\x02X\x10\x00\x00\x00ab"), "pickle data was truncated"],
    ["invalid opcode", pk("\x80\x02", [0xff]), "invalid pickle opcode 0xff at byte 2 (the data is corrupted)"],
    ["missing memo entry", pk("\x80\x02h\x05."), "pickle memo has no entry 5"],
    ["stack underflow", pk("\x80\x02."), "unpickling stack underflow at byte 3"],
    ["SETITEM on a list", pk("\x80\x02]K\x01K\x02s."), "pickle SETITEM(S) on a tuple/list, not a dict"],
    ["REDUCE on a non-callable", pk("\x80\x02K\x01)R."), "pickle REDUCE on a non-callable (number)"],
    ["protocol 6", pk("\x80\x06N."), "unsupported pickle protocol (> 5)"],
    ["a persistent id that is not a storage", pk("\x80\x02", str("abc"), "Q."), 'unsupported persistent id "abc": only PyTorch storages are supported'],
    ["an unknown storage type", pk("\x80\x02(", str("storage"), "K\x01", str("0"), str("cpu"), "K\x01tQ."), "persistent id names an unknown storage type (1)"],
    ["a global outside the allow-list", pk("\x80\x02cos\nsystem\n."), "unsupported pickle global 'os.system'"],
  ])("%s", (_name, pickle, message) => {
    expect(loadPt({ "a/data.pkl": pickle })).toThrow(message);
  });

  test("a storage whose size does not match its element count", () => {
    expect(loadPt({ "a/data.pkl": pk("\x80\x02", rebuild(4, 2), "."), "a/data/0": Buffer.alloc(8) })).toThrow(
      "storage data/0 has 8 bytes, expected 4 float32 elements (16 bytes)",
    );
  });

  test("a tensor that reaches past its storage", () => {
    expect(loadPt({ "a/data.pkl": pk("\x80\x02", rebuild(2, 3), "."), "a/data/0": Buffer.alloc(8) })).toThrow(
      "tensor of size [3] (offset 0, stride [1]) reaches past the end of storage data/0 (2 elements)",
    );
  });

  test("a storage entry missing from the archive", () => {
    expect(loadPt({ "a/data.pkl": pk("\x80\x02", rebuild(2, 2), ".") })).toThrow("archive has no entry 'a/data/0'");
  });

  test("not a PyTorch archive, big-endian data, unknown compression", () => {
    expect(loadPt({ "readme.txt": Buffer.from("hi") })).toThrow("zip archive has no data.pkl (entries: readme.txt); it is not a PyTorch checkpoint");
    expect(loadPt({ "a/data.pkl": pk("\x80\x02N."), "a/byteorder": Buffer.from("big") })).toThrow("checkpoint was written with byteorder 'big'; only little-endian checkpoints are supported");
    expect(loadPt({ "a/data.pkl": pk("\x80\x02N.") }, 12)).toThrow("entry 'a/data.pkl' uses zip compression method 12; only stored (0) and deflate (8) are supported");
  });

  test("plain values and containers unpickle as JavaScript values", () => {
    const pickle = pk("\x80\x02}(", str("a"), "K\x07", str("b"), "G", [0x3f, 0xf8, 0, 0, 0, 0, 0, 0], str("c"), "](K\x01\x88\x89Ne", str("d"), "\x8a\x05", [0, 0, 0, 0, 1], "u.");
    expect(loadPt({ "a/data.pkl": pickle })()).toEqual({ a: 7, b: 1.5, c: [1, true, false, null], d: 2 ** 32 });
  });
});

describe("checkpoint header errors", () => {
  function withHeader(header: unknown, data = Buffer.alloc(0)): () => unknown {
    const json = Buffer.from(typeof header === "string" ? header : JSON.stringify(header));
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(json.length));
    const f = path.join(dir, "h.safetensors");
    fs.writeFileSync(f, Buffer.concat([len, json, data]));
    return () => torch.load(f);
  }
  const meta = (structure: unknown): Record<string, string> => ({ format: "pt", "torchlab.structure": JSON.stringify(structure) });

  test.each([
    ["not starting with {", "[1, 2]", "the header does not start with '{'"],
    ["a gap in the data", { w: { dtype: "F32", shape: [1], data_offsets: [4, 8] } }, "the data section has a gap at offset 0"],
  ])("%s", (_name, header, message) => {
    expect(withHeader(header, Buffer.alloc(8))).toThrow(message);
  });

  test.each([
    ["a non-string metadata value", { __metadata__: { a: 1 } }, "__metadata__ must map strings to strings"],
    ["a malformed entry", { w: { dtype: "F32", shape: [1] } }, "tensor 'w' has a malformed header entry (need dtype, shape, data_offsets)"],
    ["an invalid shape", { w: { dtype: "F32", shape: [-1], data_offsets: [0, 0] } }, "tensor 'w' has an invalid shape [-1]"],
    ["inverted offsets", { w: { dtype: "F32", shape: [0], data_offsets: [4, 0] } }, "tensor 'w' has invalid data_offsets [4, 0]"],
    ["an unparsable structure", { __metadata__: { "torchlab.structure": "{oops" } }, "__metadata__['torchlab.structure'] does not parse"],
    ["an unparsable crc table", { __metadata__: { "torchlab.crc32": "[" } }, "__metadata__['torchlab.crc32'] does not parse"],
    ["a structure naming a missing tensor", { __metadata__: meta({ $tensor: "w" }) }, "the structure refers to tensor 'w', which the header does not list"],
    ["an unknown structure node", { __metadata__: meta({ $set: [1] }) }, 'the structure has an unknown node {"$set":[1]}'],
  ])("%s", (_name, header, message) => {
    expect(withHeader(header)).toThrow(message);
  });

  test("a tensor the structure does not mention", () => {
    expect(withHeader({ w: { dtype: "F32", shape: [1], data_offsets: [0, 4] }, __metadata__: meta({ $dict: [] }) }, Buffer.alloc(4))).toThrow(
      "tensor 'w' is in the header but not in the structure",
    );
  });

  test("an int64 outside int32 in a safetensors file", () => {
    const data = Buffer.alloc(8);
    data.writeBigInt64LE(2n ** 40n);
    expect(withHeader({ n: { dtype: "I64", shape: [1], data_offsets: [0, 8] } }, data)).toThrow("tensor 'n' holds the int64 value 1099511627776, outside torchlab's int32 range");
  });

  test("F16 and BF16 are widened to float32; I16, I8, U8 keep their dtypes", () => {
    const data = Buffer.alloc(2 + 2 + 2 + 1 + 1);
    data.writeUInt16LE(0x3c00, 0); // 1.0 in half
    data.writeUInt16LE(0xc040, 2); // -3.0 in bfloat16
    data.writeInt16LE(-300, 4);
    data.writeInt8(-5, 6);
    data.writeUInt8(250, 7);
    const back = withHeader(
      {
        h: { dtype: "F16", shape: [], data_offsets: [0, 2] },
        b: { dtype: "BF16", shape: [], data_offsets: [2, 4] },
        s: { dtype: "I16", shape: [], data_offsets: [4, 6] },
        c: { dtype: "I8", shape: [], data_offsets: [6, 7] },
        u: { dtype: "U8", shape: [], data_offsets: [7, 8] },
      },
      data,
    )() as Record<string, { item(): number; dtype: unknown }>;
    expect([back.h.item(), back.b.item(), back.s.item(), back.c.item(), back.u.item()]).toEqual([1, -3, -300, -5, 250]);
    expect([back.s.dtype, back.c.dtype, back.u.dtype]).toEqual([torch.int16, torch.int8, torch.uint8]);
  });
});

describe("argument errors", () => {
  test("torch.load", () => {
    expect(() => torch.load(3 as never)).toThrow("load(): expected a file path (string), got number");
    expect(() => torch.load(path.join(dir, "x"), { map_locaton: "cpu" })).toThrow("load() got an unexpected keyword argument 'map_locaton'");
    torch.save({ a: torch.ones(1) }, path.join(dir, "ok.pt"));
    expect(torch.load(path.join(dir, "ok.pt"), { map_location: "cpu", weights_only: true }).a.item()).toBe(1);
  });
});
