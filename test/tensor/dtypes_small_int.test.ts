/**
 * torch.uint8, torch.int8 and torch.int16 as dtypes of their own, against PyTorch 1.13 / torchvision
 * 0.14 (test/reference/gen_int_small_dtypes.py writes int_small_dtypes.json and .pt): held in int32
 * storage, but printed, promoted, reported and wrapped into their range as PyTorch's. Each case below
 * is the literal port of the PyTorch expression of the same name; the fixture holds its dtype, repr,
 * type() and element_size(), or its error.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { readReference } from "./fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
type Name = "bool" | "uint8" | "int8" | "int16" | "int32" | "int64" | "float32" | "float64";
const TF = torchvision.transforms.functional;
const Image = torchvision.io.Image;
interface Ref {
  results: Record<string, { dtype: string; repr: string; type: string; element_size: number } | { error: string; message: string }>;
  queries: {
    promote_types: Record<string, string>;
    is_signed: Record<Name, boolean>;
    element_size: Record<Name, number>;
    [k: string]: unknown;
  };
}
const ref = readReference<Ref>("int_small_dtypes.json");

const u = (): Tensor => torch.tensor([200, 100, 3], { dtype: torch.uint8 });
const u2 = (): Tensor => torch.tensor([201, 0, 4], { dtype: torch.uint8 });
const c = (): Tensor => torch.tensor([127, -128, 5], { dtype: torch.int8 });
const s = (): Tensor => torch.tensor([1, -2, 30000], { dtype: torch.int16 });
const a = (): Tensor => torch.tensor([1, 2, 3]);
const i = (): Tensor => torch.tensor([1, 2, 3], { dtype: torch.int32 });
const b = (): Tensor => torch.tensor([true, false, true]);
const f = (): Tensor => torch.tensor([0.25, 0.5, 0.75]);
const img = (): Tensor => torch.tensor([[[0, 128, 255], [1, 2, 3]]], { dtype: torch.uint8 });
const fimg = (): Tensor => torch.tensor([[[0.0, 0.5, 1.0], [0.25, 0.75, 0.125]]]);

const PORTS: Record<string, () => Tensor> = {
  // creation
  "tensor uint8": () => torch.tensor([0, 127, 255], { dtype: torch.uint8 }),
  "tensor uint8 from -1": () => torch.tensor([-1, 3], { dtype: torch.uint8 }),
  "tensor uint8 300": () => torch.tensor([300], { dtype: torch.uint8 }),
  "tensor uint8 255.7": () => torch.tensor([255.7], { dtype: torch.uint8 }),
  "tensor int8 128": () => torch.tensor([128], { dtype: torch.int8 }),
  "tensor int8 -129": () => torch.tensor([-129], { dtype: torch.int8 }),
  "tensor int16 2-d": () => torch.tensor([[1, -2], [300, -32768]], { dtype: torch.int16 }),
  "tensor int16 40000": () => torch.tensor([40000], { dtype: torch.int16 }),
  "0-d uint8": () => torch.tensor(5, { dtype: torch.uint8 }),
  "empty uint8": () => torch.zeros(0, { dtype: torch.uint8 }),
  "zeros int8": () => torch.zeros(2, 3, { dtype: torch.int8 }),
  "ones short": () => torch.ones(2, { dtype: torch.short }),
  "full uint8 -1": () => torch.full([2], -1, { dtype: torch.uint8 }),
  "full int8 128": () => torch.full([2], 128, { dtype: torch.int8 }),
  "full int16 40000": () => torch.full([2], 40000, { dtype: torch.int16 }),
  "arange uint8 250..260": () => torch.arange(250, 260, { dtype: torch.uint8 }),
  ByteTensor: () => torch.ByteTensor([1, 2]),
  CharTensor: () => torch.CharTensor([-1]),
  ShortTensor: () => torch.ShortTensor([7]),
  "uint8 requires_grad": () => torch.tensor([1, 2], { dtype: torch.uint8, requires_grad: true }),
  "zeros int16 requires_grad": () => torch.zeros(2, { dtype: torch.int16, requires_grad: true }),
  // conversion
  "float to uint8 out of range": () => torch.tensor([-1.5, 300.7, 255.9, -0.5, 1000.0]).to(torch.uint8),
  "float.char()": () => torch.tensor([-1.5, 300.7, 127.9, -129.0, 200.0]).char(),
  "float.short()": () => torch.tensor([-1.5, 70000.7, -40000.0]).short(),
  "float.byte() in range": () => f().mul(255).byte(),
  "int64 to uint8": () => torch.tensor([300, -1, 256]).to(torch.uint8),
  "int64 to int8": () => torch.tensor([300, -1, 128]).to(torch.int8),
  "bool to uint8": () => b().to(torch.uint8),
  "uint8.float() / 255": () => u().float().div(255.0),
  "uint8.double()": () => u().double(),
  "uint8.long()": () => u().long(),
  "uint8.bool()": () => torch.tensor([0, 2, 255], { dtype: torch.uint8 }).bool(),
  "int8.int()": () => c().int(),
  "float.type(ByteTensor)": () => f().mul(10).type(torch.ByteTensor),
  // arithmetic wraps
  "uint8 + 100": () => u().add(100),
  "uint8 * 2": () => u().mul(2),
  "tensor([200], uint8) * 2": () => torch.tensor([200], { dtype: torch.uint8 }).mul(2),
  "uint8 - larger uint8": () => u().sub(u2()),
  "-uint8": () => u().neg(),
  "uint8 + 300": () => u().add(300),
  "uint8 - 2": () => torch.tensor([1], { dtype: torch.uint8 }).sub(2),
  "uint8 * uint8": () => u().mul(u()),
  "uint8 ** 2": () => u().pow(2),
  "uint8 255 + 1": () => torch.tensor([255], { dtype: torch.uint8 }).add(1),
  "int8 + 1": () => c().add(1),
  "int8 * 3": () => c().mul(3),
  "-int8": () => c().neg(),
  "int8.abs()": () => c().abs(),
  "int16 * 30000": () => s().mul(30000),
  "int16 + int16": () => s().add(s()),
  // reductions
  "uint8.sum()": () => u().sum(),
  "uint8.sum(0) 2-d": () => torch.stack([u(), u()]).sum(0),
  "int8.sum()": () => c().sum(),
  "uint8.prod()": () => u().prod(),
  "uint8.cumsum(0)": () => u().cumsum(0),
  "uint8.mean()": () => u().mean(),
  "int8.mean()": () => c().mean(),
  "uint8.float().mean()": () => u().float().mean(),
  "uint8.max()": () => u().max(),
  "uint8.min()": () => u().min(),
  "uint8.argmax()": () => u().argmax(),
  "uint8.max(0) values": () => torch.stack([u(), u2()]).max(0).values,
  "uint8.max(0) indices": () => torch.stack([u(), u2()]).max(0).indices,
  "uint8.sort() values": () => u().sort().values,
  "uint8.clamp(50, 150)": () => u().clamp(50, 150),
  "int8.clamp(min=0)": () => c().clamp({ min: 0 }),
  // division, comparison
  "uint8 / 2": () => u().div(2),
  "uint8 / uint8": () => u().div(torch.tensor([2, 3, 4], { dtype: torch.uint8 })),
  "uint8 // 7": () => u().floor_divide(7),
  "uint8 % 7": () => u().remainder(7),
  "uint8 > 100": () => u().gt(100),
  "uint8 == uint8": () => u().eq(u2()),
  // promotion
  "uint8 + int8": () => u().add(c()),
  "uint8 + int16": () => u().add(s()),
  "uint8 + int32": () => u().add(i()),
  "uint8 + int64": () => u().add(a()),
  "int8 + int16": () => c().add(s()),
  "int16 + int64": () => s().add(a()),
  "uint8 + 1.5": () => u().add(1.5),
  "uint8 + float32": () => u().add(f()),
  "bool + uint8": () => b().add(u()),
  "uint8 + 0-d int64": () => u().add(torch.tensor(1)),
  "uint8 + 0-d float": () => u().add(torch.tensor(1.5)),
  "0-d uint8 + int8": () => torch.tensor(200, { dtype: torch.uint8 }).add(c()),
  "cat uint8 int8": () => torch.cat([u(), c()]),
  "stack uint8": () => torch.stack([u(), u2()]),
  "where uint8": () => torch.where(b(), u(), u2()),
  // in place
  "uint8.add_(int64 300)": () => u().clone().add_(torch.tensor([300, 300, 300])),
  "uint8.mul_(2.5)": () => u().clone().mul_(2.5),
  "uint8 -= 201": () => u().clone().sub_(201),
  "uint8.fill_(256)": () => u().clone().fill_(256),
  // indexing
  "index with a uint8 mask": () => f().index(torch.tensor([1, 0, 1], { dtype: torch.uint8 })),
  "uint8[1:]": () => u().index("1:"),
  "uint8 index_select": () => u().index_select(0, torch.tensor([2, 0])),
  // torchvision
  "convert_image_dtype uint8 -> float32": () => TF.convert_image_dtype(img(), torch.float32),
  "convert_image_dtype float32 -> uint8": () => TF.convert_image_dtype(fimg(), torch.uint8),
  "convert_image_dtype uint8 -> int16": () => TF.convert_image_dtype(img(), torch.int16),
  "convert_image_dtype int16 -> uint8": () => TF.convert_image_dtype(torch.tensor([[[32767, -1, 256]]], { dtype: torch.int16 }), torch.uint8),
  "convert_image_dtype float32 -> int64": () => TF.convert_image_dtype(fimg(), torch.int64),
  "pil_to_tensor gray": () => TF.pil_to_tensor(new Image(Uint8Array.from([1, 2, 250, 3, 4, 5]), 3, 2, "L")),
  "pil_to_tensor rgb": () => TF.pil_to_tensor(new Image(Uint8Array.from({ length: 12 }, (_, k) => k * 20), 2, 2, "RGB")),
  "to_pil_image round trip": () => TF.pil_to_tensor(TF.to_pil_image(img())),
  "write_png / read_image": () => {
    const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "u8-")), "img.png");
    torchvision.io.write_png(img(), p);
    return torchvision.io.read_image(p);
  },
  "make_grid uint8": () => torchvision.utils.make_grid(torch.stack([img(), img()]), { nrow: 2, padding: 1 }),
  "adjust_gamma uint8": () => TF.adjust_gamma(img(), 0.5),
  "posterize uint8": () => TF.posterize(img(), 2),
  "posterize int64": () => TF.posterize(img().long(), 2),
  "normalize uint8": () => TF.normalize(img(), [0.5], [0.5]),
};

describe("uint8 / int8 / int16: logical dtypes over int32 storage, as PyTorch 1.13 reports them", () => {
  it.each(Object.keys(ref.results))("%s", (name) => {
    const want = ref.results[name];
    const port = PORTS[name];
    expect(port).toBeDefined();
    if ("error" in want) {
      let err: unknown = null;
      try {
        port();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(torch[want.error as "RuntimeError"]);
      // torchlab names the op before PyTorch's message (`mul_: result type ...`) or the dtype after it.
      expect((err as Error).message).toContain(want.message);
      return;
    }
    const t = port();
    expect(String(t.dtype)).toBe(want.dtype);
    expect(String(t)).toBe(want.repr);
    expect(t.type()).toBe(want.type);
    expect(t.element_size()).toBe(want.element_size);
  });

  it("every fixture case has its port", () => {
    expect(Object.keys(PORTS).sort()).toEqual(Object.keys(ref.results).sort());
  });

  it("promotion table, dtype attributes and values", () => {
    const q = ref.queries;
    const names = Object.keys(q.is_signed) as Name[];
    for (const x of names) {
      for (const y of names) expect([x, y, String(torch.promote_types(torch[x], torch[y]))]).toEqual([x, y, q.promote_types[`${x},${y}`]]);
      expect([x, torch[x].is_signed]).toEqual([x, q.is_signed[x]]);
      expect([x, torch.zeros(0, { dtype: torch[x] }).element_size()]).toEqual([x, q.element_size[x]]);
    }
    expect(String(torch.result_type(u(), 1))).toBe(q["result_type(uint8, 1)"]);
    expect(String(torch.result_type(u(), torch.tensor(1, { dtype: torch.int8 })))).toBe(q["result_type(uint8, 0-d int8)"]);
    expect(torch.can_cast(torch.uint8, torch.int8)).toBe(q["can_cast(uint8, int8)"]);
    expect(torch.can_cast(torch.float32, torch.uint8)).toBe(q["can_cast(float32, uint8)"]);
    expect(String(torch.short)).toBe(q["str(short)"]);
    expect(u().tolist()).toEqual(q["uint8 tolist"]);
    expect(torch.tensor(250, { dtype: torch.uint8 }).item()).toBe(q["uint8 item"]);
  });

  it("torch.load reads PyTorch's ByteStorage / CharStorage / ShortStorage; torch.save writes them", () => {
    const got = torch.load(path.join(__dirname, "..", "reference", "int_small_dtypes.pt")) as Record<string, Tensor>;
    const want: Record<string, Tensor> = { u: u(), c: c(), s: s(), view: u().index("1:") };
    for (const k of Object.keys(want)) {
      expect([k, String(got[k])]).toEqual([k, String(want[k])]);
    }
    const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "u8-")), "x.pt");
    torch.save(want, p);
    const bytes = fs.readFileSync(p).toString("latin1");
    for (const st of ["ByteStorage", "CharStorage", "ShortStorage"]) expect(bytes).toContain(`torch\n${st}`);
    const back = torch.load(p) as Record<string, Tensor>;
    for (const k of Object.keys(want)) expect([k, String(back[k])]).toEqual([k, String(want[k])]);
    const st = path.join(path.dirname(p), "x.safetensors");
    torch.save(want, st);
    const back2 = torch.load(st) as Record<string, Tensor>;
    for (const k of Object.keys(want)) expect([k, String(back2[k])]).toEqual([k, String(want[k])]);
  });

  it("numpy() of uint8 is a Uint8Array; from_numpy keeps uint8 / int8 / int16", () => {
    const n = u().numpy();
    expect(n.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(n.data)).toEqual([200, 100, 3]);
    expect(torch.from_numpy(n).dtype).toBe(torch.uint8);
    expect(torch.from_numpy(Int8Array.from([-1])).dtype).toBe(torch.int8);
    expect(torch.from_numpy(Int16Array.from([-1])).dtype).toBe(torch.int16);
  });

  it("requires_grad on a uint8 tensor is PyTorch's RuntimeError; x.type() names the legacy types", () => {
    expect(() => torch.ones(2, { dtype: torch.uint8 }).requires_grad_()).toThrow(torch.RuntimeError);
    expect(torch.ByteTensor.dtype).toBe(torch.uint8);
    expect(torch.CharTensor.dtype).toBe(torch.int8);
    expect(torch.ShortTensor.dtype).toBe(torch.int16);
  });
});
