/**
 * torch.dtype objects and integer dtypes against PyTorch 1.13 (test/reference/gen_dtype.py writes
 * dtype.json): each case below is the literal port of the PyTorch expression of the same name.
 */
import { inspect } from "util";
import { torch } from "../../src";
import { readReference } from "./fixtures";
import { toMimeBundle } from "../../src/display/emitter";

type Tensor = InstanceType<typeof torch.Tensor>;
interface Ref {
  dtypes: Record<string, { str: string; is_floating_point: boolean; is_complex: boolean; is_signed: boolean; itemsize: number }>;
  default_dtype: string;
  results: Record<string, { dtype: string; repr: string | null; type: string; element_size: number }>;
}
const ref = readReference<Ref>("dtype.json");

const i = (): Tensor => torch.tensor([1, 2, 3], { dtype: torch.int32 });
const a = (): Tensor => torch.tensor([1, 2, 3]);
const f = (): Tensor => torch.tensor([0.5, 1.5, 2.5]);
const b = (): Tensor => torch.tensor([true, false, true]);
const s32 = (): Tensor => torch.tensor(4, { dtype: torch.int32 });
const s64 = (): Tensor => torch.tensor(4);

const PORTS: Record<string, () => Tensor> = {
  "tensor of ints": () => torch.tensor([1, 2, 3]),
  "tensor of floats": () => torch.tensor([0.5, 1.5]),
  "tensor of bools": () => torch.tensor([true, false]),
  randn: () => torch.zeros(2).normal_(),
  "int()": () => a().int(),
  "long()": () => i().long(),
  "zeros long": () => torch.zeros(3, { dtype: torch.long }),
  "zeros int32": () => torch.zeros(3, { dtype: torch.int32 }),
  "empty int32": () => torch.tensor([], { dtype: torch.int32 }),
  "empty int64": () => torch.tensor([], { dtype: torch.int64 }),
  "empty bool": () => torch.tensor([], { dtype: torch.bool }),
  "0-d int32": () => torch.tensor(5, { dtype: torch.int32 }),
  "int32 + int32": () => i().add(i()),
  "int32 + int64": () => i().add(a()),
  "int32 + 1": () => i().add(1),
  "int32 * 2.5": () => i().mul(2.5),
  "int32 + float": () => i().add(f()),
  "bool + int32": () => b().add(i()),
  "bool + int64": () => b().add(a()),
  "bool + 1": () => b().add(1),
  "int32 + 0-d int64": () => i().add(s64()),
  "0-d int32 + 0-d int64": () => s32().add(s64()),
  "int32 > 1": () => i().gt(1),
  "int32 == int64": () => i().eq(a()),
  "int32 / 2": () => i().div(2),
  "int32 / int32": () => i().div(i()),
  "int32 // 2": () => i().floor_divide(2),
  "int32 % 2": () => i().remainder(2),
  "-int32": () => i().neg(),
  "int32.abs()": () => i().abs(),
  "int32.pow(2)": () => i().pow(2),
  "int32.clamp(0, 2)": () => i().clamp(0, 2),
  "int32.sum()": () => i().sum(),
  "bool.sum()": () => b().sum(),
  "int32.prod()": () => i().prod(),
  "int32.cumsum(0)": () => i().cumsum(0),
  "int32.argmax()": () => i().argmax(),
  "int32.max()": () => i().max(),
  "int32.max(0).values": () => i().max(0).values,
  "int32.max(0).indices": () => i().max(0).indices,
  "int32.sort().indices": () => i().sort().indices,
  "int32.topk(2).indices": () => i().topk(2).indices,
  "int32.argsort()": () => i().argsort(),
  "int32.view(3, 1)": () => i().view(3, 1),
  "int32.unsqueeze(0)": () => i().unsqueeze(0),
  "int32.clone()": () => i().clone(),
  "int32[1:]": () => i().index("1:"),
  "cat int32 int32": () => torch.cat([i(), i()]),
  "cat int32 int64": () => torch.cat([i(), a()]),
  "stack int32": () => torch.stack([i(), i()]),
  "where int32": () => torch.where(i().gt(1), i(), i()),
  "int32.gather": () => i().gather(0, torch.tensor([0, 2])),
  "int32.index_select": () => i().index_select(0, torch.tensor([0, 2])),
  "int32.float()": () => i().float(),
  "int32.to(int64)": () => i().to(torch.int64),
  "arange(5)": () => torch.arange(5),
  "arange int32": () => torch.arange(3, { dtype: torch.int32 }),
  randint: () => torch.randint(0, 5, [3]),
  randperm: () => torch.randperm(3),
  nonzero: () => i().nonzero(),
  "bitwise_and int32": () => torch.bitwise_and(i(), i()),
  "full int32": () => torch.full([2], 7, { dtype: torch.int32 }),
  "ones_like int32": () => torch.ones_like(i()),
  one_hot: () => torch.nn.functional.one_hot(torch.tensor([0, 2]), 3),
};

describe("torch.dtype objects print and behave as PyTorch's", () => {
  const objects: Record<string, unknown> = {
    float32: torch.float32, float: torch.float, int64: torch.int64, long: torch.long,
    int32: torch.int32, int: torch.int, bool: torch.bool,
  };
  it.each(Object.keys(ref.dtypes))("torch.%s: str, is_floating_point, is_complex, is_signed, itemsize", (name) => {
    const d = objects[name] as typeof torch.float32;
    const want = ref.dtypes[name];
    expect(String(d)).toBe(want.str);
    expect(`${d}`).toBe(want.str);
    expect(inspect(d)).toBe(want.str);
    expect(inspect({ dtype: d })).toBe(`{ dtype: ${want.str} }`);
    expect([d.is_floating_point, d.is_complex, d.is_signed, d.itemsize]).toEqual([want.is_floating_point, want.is_complex, want.is_signed, want.itemsize]);
    expect(d).toBeInstanceOf(torch.dtype);
    // What the kernel shows for a cell whose last expression is `x.dtype`.
    expect(toMimeBundle(d)).toEqual({ "text/plain": want.str });
  });

  it("aliases are the same objects, and a tensor's dtype is one of them", () => {
    expect(torch.long).toBe(torch.int64);
    expect(torch.int).toBe(torch.int32);
    expect(torch.float).toBe(torch.float32);
    expect(torch.int32).not.toBe(torch.int64);
    expect(torch.tensor([1, 2]).dtype === torch.int64).toBe(true);
    expect(torch.randn(2).dtype === torch.float32).toBe(true);
    expect(String(torch.get_default_dtype())).toBe(ref.default_dtype);
  });

  it("the old string spellings stay accepted wherever a dtype is an argument", () => {
    for (const [s, d] of [["float32", torch.float32], ["float", torch.float32], ["int64", torch.int64], ["long", torch.int64], ["torch.int64", torch.int64], ["torch.long", torch.int64], ["int32", torch.int32], ["torch.int", torch.int32], ["bool", torch.bool], ["torch.bool", torch.bool]] as const) {
      expect(torch.zeros(2, { dtype: s }).dtype).toBe(d);
      expect(torch.tensor([1, 0]).to(s).dtype).toBe(d);
      expect((torch.ones(2).type(s) as Tensor).dtype).toBe(d);
    }
    expect(() => torch.zeros(2, { dtype: "complex64" })).toThrow(torch.TypeError);
  });
});

describe("integer dtypes follow PyTorch 1.13's results and reprs", () => {
  it.each(Object.keys(ref.results))("%s", (name) => {
    const want = ref.results[name];
    const t = PORTS[name]();
    expect(String(t.dtype)).toBe(want.dtype);
    expect(t.type()).toBe(want.type);
    expect(t.element_size()).toBe(want.element_size);
    if (want.repr !== null) expect(String(t)).toBe(want.repr);
  });

  it("every fixture case has its port", () => {
    expect(Object.keys(PORTS).sort()).toEqual(Object.keys(ref.results).sort());
  });
});

describe("int64 is held in 32 bits: a value outside int32's range is an error, not a wrapped number", () => {
  it.each([
    ["tensor", () => torch.tensor([1, 3000000000], { dtype: torch.long })],
    ["tensor int32", () => torch.tensor([-3000000000], { dtype: torch.int32 })],
    ["full", () => torch.full([2], 2 ** 31, { dtype: torch.int64 })],
  ])("%s", (_name, make) => {
    expect(make).toThrow(/out of the range.*-2147483648 to 2147483647/);
  });

  it("the edges of int32's range are stored exactly", () => {
    expect(torch.tensor([2147483647, -2147483648], { dtype: torch.long }).tolist()).toEqual([2147483647, -2147483648]);
  });
});
