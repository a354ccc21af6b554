/**
 * torch.set_default_dtype / get_default_dtype and float64 random draws as PyTorch 1.13's, from
 * test/reference/gen_default_dtype.py. A float64 value is stored in float32 (see dtype.ts), so each
 * draw must be PyTorch's double rounded to float32, and the generator must stay aligned: the float32
 * torch.rand(3) drawn next is PyTorch's too.
 */
import { torch } from "../../src";
import { readReference } from "./fixtures";

const { nn } = torch;
type Tensor = InstanceType<typeof torch.Tensor>;
interface Draw {
  values: number[];
  next: number[];
}
interface Ref {
  initial: string;
  after: string;
  errors: Record<string, [string, string]>;
  dtypes: Record<string, string>;
  arange_values: number[];
  reprs: string[];
  draws: Record<string, Draw>;
}
const ref = readReference<Ref>("default_dtype.json");

function withDefault<T>(f: () => T): T {
  torch.set_default_dtype(torch.float64);
  try {
    return f();
  } finally {
    torch.set_default_dtype(torch.float32);
  }
}

describe("torch.set_default_dtype", () => {
  test("a tensor's repr names its dtype unless it is the default (float64 values print bare, float32 named)", () => {
    const got = withDefault(() =>
      [
        torch.tensor([1.5, 2.0]), torch.tensor([1.5, 2.0], { dtype: torch.float32 }), torch.tensor([1, 2]), torch.zeros(0),
        torch.zeros(0, { dtype: torch.float32 }), torch.zeros(0, { dtype: torch.int64 }), torch.tensor([true]),
      ].map(String),
    );
    expect(got).toEqual(ref.reprs);
  });

  test("get_default_dtype before and after", () => {
    expect(String(torch.get_default_dtype())).toBe(ref.initial);
    expect(String(withDefault(() => torch.get_default_dtype()))).toBe(ref.after);
    expect(torch.get_default_dtype()).toBe(torch.float32);
  });

  test("non-floating dtypes are refused with PyTorch's TypeError", () => {
    const cases: [string, unknown][] = [["int64", torch.int64], ["bool", torch.bool], ["string", "float64"]];
    for (const [name, arg] of cases) {
      const [cls, msg] = ref.errors[name];
      let err: Error | null = null;
      try {
        torch.set_default_dtype(arg as typeof torch.float64);
      } catch (e) {
        err = e as Error;
      }
      expect(err?.name).toBe(cls);
      expect(err?.message).toBe(msg);
      expect(torch.get_default_dtype()).toBe(torch.float32);
    }
  });

  test("factories, torch.tensor, arange, promotion and new layers follow it", () => {
    const made: Record<string, () => Tensor> = {
      zeros: () => torch.zeros(2),
      ones: () => torch.ones(2, 3),
      empty: () => torch.empty(2),
      full_float: () => torch.full([2], 1.5),
      full_int: () => torch.full([2], 2),
      tensor_floats: () => torch.tensor([1.5, 2.5]),
      tensor_ints: () => torch.tensor([1, 2]),
      tensor_scalar: () => torch.tensor(0.5),
      arange_float: () => torch.arange(0, 1, 0.25),
      arange_int: () => torch.arange(3),
      linspace: () => torch.linspace(0, 1, 5),
      eye: () => torch.eye(2),
      rand: () => torch.rand(2),
      randn: () => torch.randn(2),
      int_times_float: () => torch.tensor([1, 2]).mul(1.5),
      float32_explicit: () => torch.zeros(2, { dtype: torch.float32 }),
      linear_weight: () => new nn.Linear(3, 2).weight,
      linear_bias: () => new nn.Linear(3, 2).bias!,
      conv_weight: () => new nn.Conv2d(1, 2, 3).weight,
      zeros_like_float32: () => torch.zeros_like(torch.zeros(2, { dtype: torch.float32 })),
    };
    expect(Object.keys(made).sort()).toEqual(Object.keys(ref.dtypes).sort());
    const got = withDefault(() => Object.fromEntries(Object.entries(made).map(([k, f]) => [k, String(f().dtype)])));
    expect(got).toEqual(ref.dtypes);
    expect(withDefault(() => torch.arange(0, 1, 0.25).tolist())).toEqual(ref.arange_values);
    // Back to float32 for everything made afterwards.
    expect(torch.tensor([1.5]).dtype).toBe(torch.float32);
    expect(new nn.Linear(3, 2).weight.dtype).toBe(torch.float32);
  });
});

describe("float64 random draws", () => {
  const f64 = torch.float64;
  const cases: Record<string, () => Tensor> = {
    rand: () => torch.rand(5, { dtype: f64 }),
    randn_small: () => torch.randn(5, { dtype: f64 }),
    randn_16: () => torch.randn(16, { dtype: f64 }),
    randn_21: () => torch.randn(3, 7, { dtype: f64 }),
    normal_: () => torch.empty(20, { dtype: f64 }).normal_(1.0, 2.0),
    uniform_: () => torch.empty(7, { dtype: f64 }).uniform_(-1.0, 2.0),
    default_randn: () => withDefault(() => torch.randn(17)),
    default_linear: () => withDefault(() => torch.cat(Array.from(new nn.Linear(4, 3).parameters(), (p) => p.reshape(-1)))),
  };
  test.each(Object.keys(cases))("%s: PyTorch's doubles in float32 storage, the stream aligned after", (name) => {
    const want = ref.draws[name];
    torch.manual_seed(0);
    const t = cases[name]();
    expect(t.dtype).toBe(f64);
    const got = Array.from(t.reshape(-1).dataSync());
    expect(got.length).toBe(want.values.length);
    // Box-Muller's log/sin/cos come from V8 here and from libm in PyTorch: the double may differ in
    // its last bit, which can move the float32 rounding by one ulp at most.
    got.forEach((v, i) => {
      const w = Math.fround(want.values[i]);
      expect(Math.abs(v - w)).toBeLessThanOrEqual(name.startsWith("rand") && name !== "rand" || name.includes("normal") || name === "default_randn" ? Math.abs(w) * 2 ** -23 : 0);
    });
    expect(Array.from(torch.rand(3).dataSync())).toEqual(want.next.map(Math.fround));
  });
});
