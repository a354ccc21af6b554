/**
 * PyTorch surface that literal ports of 1.13 snippets use, each checked against
 * test/reference/gen_surface3.py (surface3.json): type-promotion queries, nn.ParameterList /
 * nn.ParameterDict.
 */
import { torch } from "../../src";
import { Encoded, build, expectClose, readReference, Err, expectError } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
type OutGrads = { out: Encoded; grads: Encoded[] };
const ref = readReference<{
  promote_types: Record<string, string>;
  can_cast: Record<string, boolean>;
  result_type: Record<string, string>;
  promotion_errors: Record<string, Err>;
  parameter_containers: {
    names: string[];
    state_dict_keys: string[];
    pd_keys: string[];
    repr: string;
    repr_one: string;
    repr_empty: string;
    repr_dict_empty: string;
    after_sgd: Record<string, Encoded>;
    errors: Record<string, Err>;
  };
  shifts: Record<string, Encoded | Err>;
  frexp: { x: number[]; mantissa: number[]; exponent: Encoded; grad_x: Encoded; grad: Encoded; err_int: Err };
  nextafter: { x: number[]; y: number[]; out: number[]; broadcast: number[]; err_int: Err; err_backward: Err };
  renorm: Record<string, { out: Encoded; grad?: Encoded; x?: Encoded }> & { errors: Record<string, Err> };
  histogram: Record<string, { hist: Encoded; bin_edges: Encoded }> & { errors: Record<string, Err> };
  scatter_views: Record<string, OutGrads> & { select_int: Encoded; errors: Record<string, Err> };
  index_reduce: Record<string, OutGrads> & { mean_int: Encoded; errors: Record<string, Err> };
  alpha_dropout: Record<string, { drop_fraction: number; grad_values: number[]; mean: number; std: number; values_at_0: number[]; values_at_1: number[] }> & { p1: Encoded; repr: string; err_p: Err };
  gumbel_softmax: { logits: Encoded; probs: Encoded };
  inplace_activations: Record<string, { out: Encoded; same: boolean; grad: Encoded; grad_fn: string; err_leaf: Err }>;
  triplet_distance: Record<string, OutGrads & { repr: string }> & { functional: Encoded; margin0: Encoded; broadcast: Encoded };
  divergences: { cumsum_bool: Err; cumprod_bool: Err; method_cumsum_bool: Err; mse_warning: string };
  linalg: Record<string, OutGrads> & Record<string, { Q: Encoded; R: Encoded }> & { qa: Encoded; qw: Encoded; svdvals: Encoded; svdvals_wide: Encoded; spd: Encoded; ns: Encoded; eigvalsh_L: Encoded; eigvalsh_U: Encoded; eigh_w: Encoded; eigh_V: Encoded; errors: Record<string, Err> };
}>("surface3.json");

const DTYPES: Record<string, InstanceType<typeof torch.dtype>> = { bool: torch.bool, int32: torch.int32, int64: torch.int64, float32: torch.float32 };

function operand(name: string): Tensor | number | boolean {
  const [kind, v] = name.split("_");
  if (kind === "t") return torch.ones(2, { dtype: DTYPES[v] });
  if (kind === "z") return torch.tensor(1, { dtype: DTYPES[v] });
  return v === "true" ? true : Number(v);
}

describe("type promotion queries", () => {
  test.each(Object.entries(ref.promote_types))("promote_types(%s)", (pair, want) => {
    const [a, b] = pair.split(",");
    expect(String(torch.promote_types(DTYPES[a], DTYPES[b]))).toBe(want);
  });
  test.each(Object.entries(ref.can_cast))("can_cast(%s)", (pair, want) => {
    const [a, b] = pair.split(",");
    expect(torch.can_cast(DTYPES[a], DTYPES[b])).toBe(want);
  });
  test("result_type over tensors, 0-d tensors and numbers", () => {
    const wrong: string[] = [];
    for (const [pair, want] of Object.entries(ref.result_type)) {
      const [a, b] = pair.split(",");
      const got = String(torch.result_type(operand(a), operand(b)));
      if (got !== want) wrong.push(`${pair}: ${got} != ${want}`);
    }
    expect(wrong).toEqual([]);
    expect(Object.keys(ref.result_type).length).toBe(121);
  });
  test("add's result dtype is result_type's for every tensor operand pair", () => {
    const wrong: string[] = [];
    for (const [pair, want] of Object.entries(ref.result_type)) {
      const [a, b] = pair.split(",");
      const x = operand(a);
      if (!(x instanceof torch.Tensor)) continue;
      const got = String(x.add(operand(b) as Tensor | number).dtype);
      if (got !== want) wrong.push(`${pair}: ${got} != ${want}`);
    }
    expect(wrong).toEqual([]);
  });
  test("errors", () => {
    const E = ref.promotion_errors;
    expectError(() => torch.promote_types(torch.int32, 3 as unknown as typeof torch.int32), E.promote_types_int, true);
    expectError(() => torch.can_cast(torch.int32, "x" as unknown as typeof torch.int32), E.can_cast_str, true);
    expectError(() => torch.result_type(torch.tensor(1), "a" as unknown as number), E.result_type_str, true);
  });
});

const { nn } = torch;

function containers(): [InstanceType<typeof nn.ParameterList>, InstanceType<typeof nn.ParameterDict>] {
  const pl = new nn.ParameterList([new nn.Parameter(torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], { dtype: torch.float32 })), torch.tensor([0.5, -1.0, 2.0])]);
  pl.append(new nn.Parameter(torch.tensor([3.0], { dtype: torch.float32 })));
  pl.extend([torch.tensor([1.0, 1.0], { dtype: torch.float32 })]);
  const pd = new nn.ParameterDict({ shift: new nn.Parameter(torch.tensor([1.0, -2.0], { dtype: torch.float32 })), scale: torch.tensor([[2.0, 0.5]]) });
  pd.update([["bias", new nn.Parameter(torch.tensor([0.25]))]]);
  return [pl, pd];
}

class Net extends nn.Module {
  w = new nn.Parameter(torch.tensor([1.0], { dtype: torch.float32 }));
  pl: InstanceType<typeof nn.ParameterList>;
  pd: InstanceType<typeof nn.ParameterDict>;
  constructor() {
    super();
    [this.pl, this.pd] = containers();
  }
  forward(x: Tensor): Tensor {
    let y = this.pl[0].matmul(x.mul(this.w).add(this.pl[1]));
    y = y.mul(this.pd.get("scale").select(0, 0).narrow(0, 0, 1)).sum().add(this.pl.get(2).sum().mul(this.pl.at(-1).sum()));
    return y.add(this.pd.get("shift").mul(this.pd.bias as Tensor).sum());
  }
}

describe("nn.ParameterList / nn.ParameterDict", () => {
  const R = ref.parameter_containers;
  test("registration: named_parameters, state_dict, keys (a plain object's keys sorted as PyTorch sorts a dict's)", () => {
    const net = new Net();
    expect(net.named_parameters().map(([n]) => n)).toEqual(R.names);
    expect(Object.keys(net.state_dict())).toEqual(R.state_dict_keys);
    expect(net.pd.keys()).toEqual(R.pd_keys);
    expect(net.parameters().every((p) => p instanceof nn.Parameter)).toBe(true);
    expect(net.pl.length).toBe(4);
    expect([...net.pl].length).toBe(4);
    expect([...net.pd]).toEqual(R.pd_keys);
  });
  test("reprs", () => {
    expect(String(new Net())).toBe(R.repr);
    expect(String(new nn.ParameterList([new nn.Parameter(torch.ones(2, 3))]))).toBe(R.repr_one);
    expect(String(new nn.ParameterList())).toBe(R.repr_empty);
    expect(String(new nn.ParameterDict())).toBe(R.repr_dict_empty);
  });
  test("two SGD steps with momentum over the containers' parameters match PyTorch", () => {
    const net = new Net();
    const opt = new torch.optim.SGD(net.parameters(), { lr: 0.1, momentum: 0.9 });
    for (let i = 0; i < 2; i++) {
      opt.zero_grad();
      (net.forward(torch.tensor([1.0, -1.0, 2.0])) as Tensor).backward();
      opt.step();
    }
    for (const [n, p] of net.named_parameters()) expectClose(n, p, R.after_sgd[n]);
  });
  test("load_state_dict writes into the containers' parameters; an optimizer takes a ParameterList directly", () => {
    const a = new Net();
    const b = new Net();
    b.pl.get(0).data.fill_(7);
    b.pd.get("bias").data.fill_(-3);
    a.load_state_dict(b.state_dict());
    expect(a.pl[0].tolist()).toEqual([[7, 7, 7], [7, 7, 7]]);
    expect(a.pd.get("bias").tolist()).toEqual([-3]);
    const pl = new nn.ParameterList([torch.tensor([1.0, 2.0], { dtype: torch.float32 })]);
    const opt = new torch.optim.SGD(pl, { lr: 0.5 });
    pl.get(0).sum().backward();
    opt.step();
    expect(pl.get(0).tolist()).toEqual([0.5, 1.5]);
  });
  test("set/has/pop/setdefault/items/values, index assignment, plain tensors become Parameters", () => {
    const [pl, pd] = containers();
    pl.set(1, torch.zeros(3));
    expect(pl.get(1)).toBeInstanceOf(nn.Parameter);
    expect(pl.get(1).requires_grad).toBe(true);
    pl[2] = torch.ones(4) as InstanceType<typeof nn.Parameter>;
    expect(pl.get(2).shape).toEqual([4]);
    expect(pd.has("bias")).toBe(true);
    const b = pd.pop("bias");
    expect(b.tolist()).toEqual([0.25]);
    expect(pd.has("bias")).toBe(false);
    expect(pd.keys()).toEqual(["scale", "shift"]);
    expect(pd.setdefault("extra", torch.ones(1)).tolist()).toEqual([1]);
    expect(pd.items().map(([k]) => k)).toEqual(["scale", "shift", "extra"]);
    expect(pd.values().length).toBe(3);
    expect(pd.copy().keys()).toEqual(pd.keys());
    pd.clear();
    expect(pd.len()).toBe(0);
  });
  test("errors", () => {
    const net = new Net();
    expectError(() => net.pl.get(5), R.errors.pl_index, true);
    expectError(() => net.pd.set(3 as unknown as string, torch.ones(1)), R.errors.pd_key_type, true);
    expectError(() => net.pd.get("zz"), R.errors.pd_missing, true);
    expect(() => net.pl.append(3 as unknown as Tensor)).toThrow(TypeError);
  });
});

/** float32 values from their bit patterns, and back. */
const fromBits = (b: number[]): Tensor => torch.tensor(Array.from(new Float32Array(Int32Array.from(b).buffer)));
const toBits = (t: Tensor): number[] => Array.from(new Int32Array(Float32Array.from(t.flatten().tolist() as number[]).buffer));

describe("bitwise shifts", () => {
  const S = ref.shifts as Record<string, Encoded> & Record<string, Err>;
  const a64 = (): Tensor => torch.tensor([-8, -1, 0, 1, 5, 7]);
  const a32 = (): Tensor => torch.tensor([-8, 3, 100, -100000], { dtype: torch.int32 });
  const s32 = (): Tensor => torch.tensor([0, 31, 33, -1], { dtype: torch.int32 });
  const same = (label: string, t: Tensor, e: Encoded): void => {
    expect(String(t.dtype)).toBe(`torch.${e.dtype}`);
    expectClose(label, t, e, 0, 0);
  };
  test("int64 by numbers and tensors (counts 0..20), int32 by counts taken modulo 32", () => {
    same("l64_2", torch.bitwise_left_shift(a64(), 2), S.l64_2);
    same("r64_1", torch.bitwise_right_shift(a64(), 1), S.r64_1);
    same("l64_t", torch.bitwise_left_shift(a64(), torch.tensor([0, 1, 2, 3, 20, 4])), S.l64_t);
    same("r64_t", torch.bitwise_right_shift(a64(), torch.tensor([0, 1, 2, 3, 20, 4])), S.r64_t);
    same("l32_t", torch.bitwise_left_shift(a32(), s32()), S.l32_t);
    same("r32_t", torch.bitwise_right_shift(a32(), s32()), S.r32_t);
    same("l32_s", torch.bitwise_left_shift(a32(), 3), S.l32_s);
    same("l_scalar_first", torch.bitwise_left_shift(3, s32()), S.l_scalar_first);
    same("l_bool", torch.bitwise_left_shift(torch.tensor([true, false]), 1), S.l_bool);
    same("r32_i64", torch.bitwise_right_shift(a32(), torch.tensor([1, 2, 3, 4])), S.r32_i64);
  });
  test("errors", () => {
    expectError(() => torch.bitwise_left_shift(torch.tensor([1.5]), 1), S.err_float, true);
    expectError(() => torch.bitwise_right_shift(torch.tensor([4]), 1.5), S.err_float_other, true);
    expectError(() => torch.bitwise_left_shift(torch.tensor([true]), torch.tensor([true])), S.err_bool, true);
  });
});

describe("torch.frexp / torch.nextafter", () => {
  test("frexp: mantissa bit for bit, int32 exponent, gradient grad / 2**exponent", () => {
    const R = ref.frexp;
    const [m, e] = torch.frexp(fromBits(R.x));
    expect(toBits(m)).toEqual(R.mantissa);
    expect(String(e.dtype)).toBe("torch.int32");
    expectClose("exponent", e, R.exponent, 0, 0);
    const x = build(R.grad_x, true);
    const r = x.frexp();
    expect(r.mantissa).toBe(r[0]);
    r.mantissa.mul(torch.tensor([1.0, 2.0, -1.0, 0.5])).sum().backward();
    expectClose("grad", x.grad!, R.grad);
    expectError(() => torch.frexp(torch.tensor([1, 2])), R.err_int, true);
  });
  test("nextafter: bit for bit (zeros, infinities, nan, subnormals), broadcast; no derivative", () => {
    const R = ref.nextafter;
    expect(toBits(torch.nextafter(fromBits(R.x), fromBits(R.y)))).toEqual(R.out);
    expect(toBits(torch.tensor([[1.0], [-1.0]], { dtype: torch.float32 }).nextafter(torch.tensor([0.0, 2.0], { dtype: torch.float32 })))).toEqual(R.broadcast);
    expectError(() => torch.nextafter(torch.tensor([1, 2]), torch.tensor([3, 3])), R.err_int, true);
    const g = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    expectError(() => torch.nextafter(g, torch.tensor([3.0, 0.0], { dtype: torch.float32 })).sum().backward(), R.err_backward, true);
  });
});

describe("torch.renorm", () => {
  const R = ref.renorm;
  const rx = (): Tensor => torch.tensor([[1.0, -2.0, 3.0], [0.1, 0.2, -0.1], [4.0, 0.0, -4.0], [0.5, 0.5, 0.5]]);
  const cases: Record<string, [number, number, number]> = { p2_d0_1: [2, 0, 1.0], p1_d1_3: [1, 1, 3.0], "p3_d0_0.5": [3, 0, 0.5], p2_dm1_2: [2, -1, 2.0] };
  test.each(Object.entries(cases))("%s: values and gradient", (name, [p, dim, mx]) => {
    const x = rx().requires_grad_();
    const y = torch.renorm(x, p, dim, mx);
    y.mul(torch.arange(12.0).reshape(4, 3).sin()).sum().backward();
    expectClose("out", y, R[name].out);
    expectClose("grad", x.grad!, R[name].grad!);
  });
  test("3-d input, method form; errors", () => {
    expectClose("3d", build(R["3d_d1"].x!).renorm(2, 1, 1.5), R["3d_d1"].out);
    expectError(() => torch.renorm(torch.ones(2, 2), 2, 0, -1), R.errors.maxnorm, true);
    expectError(() => torch.renorm(torch.ones(2, 2), -1, 0, 1), R.errors.p, true);
    expectError(() => torch.renorm(torch.ones(2), 2, 0, 1), R.errors.dim1, true);
  });
});

describe("torch.histogram", () => {
  const H = ref.histogram;
  const hx = (): Tensor => torch.tensor([0.5, 1.0, 1.2, 2.7, 3.0, -1.0, 2.0, 2.0, 0.0, 1.75]);
  const hw = (): Tensor => torch.tensor([1.0, 2.0, 0.5, 1.0, 1.0, 3.0, 1.0, 1.0, 2.0, 0.25]);
  const cases: Record<string, () => ReturnType<typeof torch.histogram>> = {
    b4: () => torch.histogram(hx(), 4),
    b5_range: () => torch.histogram(hx(), 5, { range: [0.0, 2.5] }),
    b3_w: () => torch.histogram(hx(), { bins: 3, weight: hw() }),
    b4_density: () => torch.histogram(hx(), 4, { density: true }),
    edges: () => torch.histogram(hx(), torch.tensor([-1.0, 0.0, 0.5, 2.0, 3.0])),
    edges_w_density: () => torch.histogram(hx(), torch.tensor([0.0, 1.0, 2.5]), { weight: hw(), density: true }),
    b7: () => torch.histogram(hx(), 7),
    // JavaScript's 2.0 is 2: PyTorch's float literal needs the dtype.
    const: () => torch.histogram(torch.tensor([2.0, 2.0], { dtype: torch.float32 }), 4),
  };
  test.each(Object.keys(cases))("%s", (name) => {
    const [hist, edges] = cases[name]();
    expectClose("hist", hist, H[name].hist);
    expectClose("bin_edges", edges, H[name].bin_edges);
  });
  test("errors", () => {
    expectError(() => torch.histogram(torch.tensor([1, 2]), 3), H.errors.int, true);
    expectError(() => torch.histogram(torch.tensor([1.0, 2], { dtype: torch.float32 }), -1), H.errors.bins, true);
    expectError(() => torch.histogram(torch.tensor([1.0, 2], { dtype: torch.float32 }), 3, { range: [2.0, 1.0] }), H.errors.range, true);
  });
});

/** f(...xs) against PyTorch's value, and the gradients of sum(f(...xs) * cos(arange)) (the generator's weights). */
function checkGrads(label: string, f: (...xs: Tensor[]) => Tensor, xs: Tensor[], want: OutGrads): void {
  // The generator's inputs are all float (JavaScript's 7.0 is the integer 7).
  const leaves = xs.map((x) => x.float().clone().requires_grad_());
  const y = f(...leaves);
  expectClose(`${label} out`, y, want.out);
  y.mul(torch.arange(y.numel()).reshape(y.shape).float().cos()).sum().backward();
  leaves.forEach((x, i) => expectClose(`${label} grad ${i}`, x.grad!, want.grads[i]));
}

describe("select_scatter / slice_scatter / diagonal_scatter", () => {
  const S = ref.scatter_views;
  const sx = (): Tensor => torch.arange(24).reshape(2, 3, 4).float().sin();
  const cases: Record<string, [(x: Tensor, s: Tensor) => Tensor, () => Tensor[]]> = {
    select_d1: [(x, s) => torch.select_scatter(x, s, 1, -1), () => [sx(), torch.ones(2, 4).mul(5)]],
    select_d0: [(x, s) => x.select_scatter(s, 0, 1), () => [sx(), torch.arange(12).reshape(3, 4).float()]],
    slice_d2_step2: [(x, s) => torch.slice_scatter(x, s, { dim: 2, start: 1, step: 2 }), () => [sx(), torch.full([2, 3, 2], 7.0)]],
    diag_2d: [(x, s) => torch.diagonal_scatter(x, s), () => [sx().select(0, 0), torch.tensor([9.0, 8.0, 7.0])]],
    diag_off1: [(x, s) => torch.diagonal_scatter(x, s, 1), () => [sx().select(0, 0), torch.tensor([9.0, 8.0, 7.0])]],
    diag_3d: [(x, s) => x.diagonal_scatter(s, -1, 1, 2), () => [sx(), torch.tensor([[1.0, 2.0], [3.0, 4.0]])]],
  };
  test.each(Object.keys(cases))("%s: values and gradients of input and src", (name) => {
    const [f, xs] = cases[name];
    checkGrads(name, f, xs(), S[name]);
  });
  test("slice_scatter with start/end (1.13 mis-sizes these): the slice reads back src, the rest is input", () => {
    const x = sx();
    const src = torch.full([2, 2, 4], -1.0);
    const y = torch.slice_scatter(x, src, 1, -2, null);
    expect(y.narrow(1, 1, 2).tolist()).toEqual(src.tolist());
    expect(y.narrow(1, 0, 1).tolist()).toEqual(x.narrow(1, 0, 1).tolist());
    const z = torch.slice_scatter(x, torch.zeros(1, 3, 4), 0, 1, 2);
    expect(z.select(0, 1).abs().sum().item()).toBe(0);
    expect(z.select(0, 0).tolist()).toEqual(x.select(0, 0).tolist());
    expect(torch.slice_scatter(x, torch.zeros(2, 3, 4)).abs().sum().item()).toBe(0);
  });
  test("integer dtype; errors", () => {
    expectClose("select_int", torch.select_scatter(torch.zeros(2, 2, { dtype: torch.int64 }), torch.tensor([3, 4]), 1, 0), S.select_int, 0, 0);
    expectError(() => torch.select_scatter(torch.zeros(3, 4), torch.ones(3), 0, 0), S.errors.select_size, true);
    expectError(() => torch.select_scatter(torch.zeros(3, 4), torch.ones(4), 0, 5), S.errors.select_index, true);
    expectError(() => torch.diagonal_scatter(torch.zeros(3, 4), torch.ones(4)), S.errors.diag_size, true);
  });
});

describe("index_reduce", () => {
  const I = ref.index_reduce;
  const ix = (): Tensor => torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0], [1.0, -1.0, 2.0]], { dtype: torch.float32 });
  const isrc = (): Tensor => torch.tensor([[2.0, 0.5, 1.0], [3.0, 3.0, -2.0], [-1.0, 4.0, 0.5], [10.0, 1.0, 1.0], [0.25, 2.0, 2.0]]);
  const iidx = (): Tensor => torch.tensor([0, 2, 0, 3, 2]);
  const reds = ["prod", "mean", "amax", "amin"] as const;
  test.each(reds.flatMap((r) => [[r, true], [r, false]] as const))("%s include_self=%s: values and gradients", (red, inc) => {
    checkGrads(`${red}_${inc}`, (x, s) => torch.index_reduce(x, 0, iidx(), s, red, { include_self: inc }), [ix(), isrc()], I[`${red}_${inc}`]);
  });
  test("dim 1, the method form, in place, integer mean; errors", () => {
    checkGrads("amax_d1", (x, s) => x.index_reduce(1, torch.tensor([2, 0]), s, "amax"), [ix(), isrc().narrow(0, 0, 4).narrow(1, 0, 2)], I.amax_d1);
    expectClose("mean_int", torch.index_reduce(torch.tensor([[4, 5], [6, 7]]), 0, torch.tensor([0, 0]), torch.tensor([[1, 2], [2, 2]]), "mean"), I.mean_int, 0, 0);
    const y = ix();
    y.index_reduce_(0, iidx(), isrc(), "amin");
    expectClose("in place", y, I.amin_true.out);
    expectError(() => torch.index_reduce(torch.zeros(3, 4), 0, torch.tensor([0]), torch.ones(1, 4), "sum" as "prod"), I.errors.sum, true);
    expectError(() => torch.index_reduce(torch.zeros(3, 4), 0, torch.tensor([0, 1]), torch.ones(1, 4), "prod"), I.errors.count, true);
  });
});

const F = nn.functional;
const distinct = (t: Tensor): number[] => [...new Set((t.flatten().tolist() as number[]).map((v) => Math.round(v * 1e6) / 1e6))].sort((a, b) => a - b);

describe("nn.AlphaDropout / F.alpha_dropout", () => {
  const A = ref.alpha_dropout;
  test.each(["0.2", "0.5"])("p=%s: the two values each input takes, the drop rate, mean/std of N(0,1) kept, the gradient", (ps) => {
    const p = Number(ps);
    const R = A[ps];
    torch.manual_seed(0);
    const z = F.alpha_dropout(torch.zeros(20000), p, true);
    expect(distinct(z)).toEqual(R.values_at_0);
    expect(distinct(F.alpha_dropout(torch.ones(20000), p, true))).toEqual(R.values_at_1);
    const dropped = z.eq(z.min()).float().mean().item();
    expect(Math.abs(dropped - p)).toBeLessThan(0.02);
    const y = F.alpha_dropout(torch.randn(200000), { p, training: true });
    expect(Math.abs(y.mean().item() - R.mean)).toBeLessThan(0.01);
    expect(Math.abs(y.std().item() - R.std)).toBeLessThan(0.01);
    const x = torch.full([20000], 0.5, { requires_grad: true });
    F.alpha_dropout(x, p, true).sum().backward();
    expect(distinct(x.grad!)).toEqual(R.grad_values);
  });
  test("eval / training=false (F's default) is the identity; p=1 gives zeros; module repr and p check", () => {
    const x = torch.randn(5);
    expect(F.alpha_dropout(x, 0.5)).toBe(x);
    const m = new nn.AlphaDropout(0.2);
    m.eval();
    expect(m(x)).toBe(x);
    m.train();
    expect(m(x).equal(x)).toBe(false);
    expectClose("p1", F.alpha_dropout(torch.tensor([1.0, -2.0]).float(), 1.0, true), A.p1);
    expect(String(new nn.AlphaDropout(0.2))).toBe(A.repr);
    expectError(() => new nn.AlphaDropout(1.5), A.err_p, true);
  });
});

describe("F.gumbel_softmax", () => {
  const G = ref.gumbel_softmax;
  test("soft: rows on the simplex; argmax frequencies are softmax(logits) (Gumbel-max)", () => {
    torch.manual_seed(0);
    const logits = build(G.logits);
    const counts = torch.zeros(3, 4);
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const y = F.gumbel_softmax(logits);
      if (i === 0) {
        expect(y.shape).toEqual([3, 4]);
        expect(y.sum(-1).sub(1).abs().max().item()).toBeLessThan(1e-5);
        expect(y.min().item()).toBeGreaterThanOrEqual(0);
      }
      counts.add_(F.one_hot(y.argmax(-1), 4).float());
    }
    const freq = counts.div(n).flatten().tolist() as number[];
    (G.probs.values as number[]).forEach((p, i) => expect(Math.abs(freq[i] - p)).toBeLessThan(0.03));
  });
  test("hard: one-hot forward at the soft sample's argmax, the soft sample's gradient (straight-through)", () => {
    const w = torch.arange(12).reshape(3, 4).float().cos();
    const l1 = build(G.logits, true);
    torch.manual_seed(7);
    const soft = F.gumbel_softmax(l1, { tau: 0.5 });
    soft.mul(w).sum().backward();
    const l2 = build(G.logits, true);
    torch.manual_seed(7);
    const hard = F.gumbel_softmax(l2, 0.5, true);
    expect(hard.sum(-1).tolist()).toEqual([1, 1, 1]);
    expect(distinct(hard)).toEqual([0, 1]);
    expect(hard.argmax(-1).tolist()).toEqual(soft.argmax(-1).tolist());
    hard.mul(w).sum().backward();
    expect(l2.grad!.sub(l1.grad!).abs().max().item()).toBeLessThan(1e-6);
    expect(l2.grad!.abs().sum().item()).toBeGreaterThan(0);
    const dim0 = F.gumbel_softmax(build(G.logits), { hard: true, dim: 0 });
    expect(dim0.sum(0).tolist()).toEqual([1, 1, 1, 1]);
  });
});

describe("F.leaky_relu_ / F.hardtanh_ / F.elu_ / F.threshold_", () => {
  const I = ref.inplace_activations;
  const fs: Record<string, (t: Tensor) => Tensor> = {
    leaky_relu_: (t) => F.leaky_relu_(t, 0.2),
    hardtanh_: (t) => F.hardtanh_(t, -1.0, 2.0),
    elu_: (t) => F.elu_(t, 0.5),
    threshold_: (t) => F.threshold_(t, 0.2, -7.0),
  };
  const xi = (): Tensor => torch.tensor([-2.0, -0.5, 0.0, 0.3, 1.5, 3.0]).float();
  test.each(Object.keys(fs))("%s: written in place, gradient through a non-leaf, error on a leaf", (name) => {
    const t = xi();
    const r = fs[name](t);
    expect(r === t).toBe(I[name].same);
    expectClose(name, t, I[name].out);
    const leaf = xi().requires_grad_();
    const y = leaf.mul(1.0);
    fs[name](y);
    y.mul(torch.arange(6).float()).sum().backward();
    expectClose(`${name} grad`, leaf.grad!, I[name].grad);
    // torchlab's message names the op after PyTorch's text: compare up to PyTorch's final period.
    expectError(() => fs[name](xi().requires_grad_()), [I[name].err_leaf[0], I[name].err_leaf[1].replace(/\.$/, "")], true);
  });
});

describe("nn.TripletMarginWithDistanceLoss / F.triplet_margin_with_distance_loss", () => {
  const T = ref.triplet_distance;
  const ta = (): Tensor => torch.tensor([[0.5, 1.0, -1.0], [2.0, 0.0, 1.0], [0.3, 0.3, 0.3], [-1.0, 2.0, 0.5]]).float();
  const tp = (): Tensor => torch.tensor([[0.4, 1.2, -0.8], [1.0, 0.5, 1.0], [2.0, -1.0, 0.0], [-1.0, 2.5, 0.5]]).float();
  const tn = (): Tensor => torch.tensor([[0.6, 0.9, -1.1], [-2.0, 1.0, 1.0], [0.3, 0.2, 0.4], [1.0, 1.0, 1.0]]).float();
  const cos = (x: Tensor, y: Tensor): Tensor => torch.ones(1).sub(F.cosine_similarity(x, y));
  const cases: Record<string, () => InstanceType<typeof nn.TripletMarginWithDistanceLoss>> = {
    default: () => new nn.TripletMarginWithDistanceLoss(),
    cos_margin: () => new nn.TripletMarginWithDistanceLoss({ distance_function: cos, margin: 0.5 }),
    swap_sum: () => new nn.TripletMarginWithDistanceLoss({ swap: true, reduction: "sum" }),
    module_none: () => new nn.TripletMarginWithDistanceLoss({ distance_function: new nn.PairwiseDistance({ p: 1 }) as unknown as (a: Tensor, b: Tensor) => Tensor, reduction: "none", margin: 2.0 }),
  };
  test.each(Object.keys(cases))("%s: loss, gradients of all three inputs, repr", (name) => {
    const loss = cases[name]();
    expect(String(loss)).toBe(T[name].repr);
    checkGrads(name, (a, p, n) => loss(a, p, n) as Tensor, [ta(), tp(), tn()], T[name]);
  });
  test("functional form, margin 0, broadcasting a 1-D negative (1.13 checks neither)", () => {
    expectClose("functional", F.triplet_margin_with_distance_loss(ta(), tp(), tn(), { distance_function: cos, swap: true }), T.functional);
    expectClose("margin0", new nn.TripletMarginWithDistanceLoss({ margin: 0 })(ta(), tp(), tn()) as Tensor, T.margin0);
    expectClose("broadcast", F.triplet_margin_with_distance_loss(ta(), tp(), tn().select(0, 0)), T.broadcast);
  });
});

describe("small divergences from 1.13", () => {
  const V = ref.divergences;
  test("cumsum/cumprod with dtype=bool raise as PyTorch's CPU kernels do", () => {
    expectError(() => torch.cumsum(torch.tensor([1, 2]), 0, { dtype: torch.bool }), V.cumsum_bool, true);
    expectError(() => torch.cumprod(torch.tensor([1.5, 2.0]), 0, { dtype: torch.bool }), V.cumprod_bool, true);
    expectError(() => torch.tensor([1, 2]).cumsum(0, { dtype: torch.bool }), V.method_cumsum_bool, true);
  });
  test("mse_loss's broadcast warning prints the sizes as torch.Size([3])", () => {
    const warn = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      // A shape pair no other test warns about (the warning is emitted once per message).
      F.mse_loss(torch.ones(3, 1), torch.ones(3));
      const msgs = warn.mock.calls.map((c) => String(c[0]));
      expect(msgs.some((m) => m.startsWith(V.mse_warning))).toBe(true);
    } finally {
      warn.mockRestore();
    }
  });
});

describe("torch.linalg.cholesky / eigh / eigvalsh", () => {
  const LA = ref.linalg;
  test.each([false, true])("cholesky upper=%s on a batch: values and gradient", (upper) => {
    checkGrads(`cholesky_${upper}`, (x) => torch.linalg.cholesky(x, { upper }), [build(LA.spd)], LA[`cholesky_upper_${upper}`]);
    expectClose("torch.cholesky", torch.cholesky(build(LA.spd), upper), LA[`cholesky_upper_${upper}`].out);
  });
  test("eigvalsh reads the lower (or upper) triangle; eigh: PyTorch's eigenvalues, orthonormal vectors that reconstruct A and match PyTorch's up to sign", () => {
    expectClose("eigvalsh L", torch.linalg.eigvalsh(build(LA.ns)), LA.eigvalsh_L);
    expectClose("eigvalsh U", torch.linalg.eigvalsh(build(LA.ns), "U"), LA.eigvalsh_U);
    const A = build(LA.spd);
    const [w, V] = torch.linalg.eigh(A);
    expectClose("eigenvalues", w, LA.eigh_w);
    const rebuilt = V.matmul(torch.diag_embed(w)).matmul(V.transpose(-1, -2));
    expect(rebuilt.sub(A).abs().max().item()).toBeLessThan(1e-4);
    const eye = V.transpose(-1, -2).matmul(V);
    expect(eye.sub(torch.eye(4)).abs().max().item()).toBeLessThan(1e-5);
    // Distinct eigenvalues: each column is PyTorch's up to its sign, so |V^T V_torch| is the identity.
    const overlap = V.transpose(-1, -2).matmul(build(LA.eigh_V)).abs();
    expect(overlap.sub(torch.eye(4)).abs().max().item()).toBeLessThan(1e-4);
  });
  test("errors; eigvalsh's gradient is V V^T for a sum", () => {
    const E = LA.errors;
    expectError(() => torch.linalg.cholesky(torch.tensor([[1.0, 2.0], [2.0, 1.0]]).float()), E.not_pd, true);
    expectError(() => torch.linalg.cholesky(torch.stack([torch.eye(2), torch.tensor([[1.0, 2.0], [2.0, 1.0]]).float()])), E.not_pd_batch, true);
    expectError(() => torch.linalg.cholesky(torch.ones(2, 3)), E.not_square, true);
    expectError(() => torch.linalg.cholesky(torch.ones(3)), E.one_dim, true);
    expectError(() => torch.linalg.eigh(torch.ones(2, 2), "X" as "L"), E.uplo, true);
    const x = build(LA.spd, true);
    torch.linalg.eigvalsh(x).sum().backward();
    const [, V] = torch.linalg.eigh(x.detach());
    expect((x.grad as Tensor).sub(V.matmul(V.transpose(-1, -2))).abs().max().item()).toBeLessThan(1e-5);
  });
});

describe("torch.linalg.qr / svdvals", () => {
  const LA = ref.linalg;
  test.each(["reduced", "complete", "r"] as const)("qr mode=%s: PyTorch's Q and R (LAPACK's signs), batched", (mode) => {
    const [Q, R] = torch.linalg.qr(build(LA.qa), mode);
    expectClose("R", R, LA[`qr_${mode}`].R, 1e-4, 1e-5);
    if (mode === "r") expect(Q.shape).toEqual([0]);
    else expectClose("Q", Q, LA[`qr_${mode}`].Q, 1e-4, 1e-5);
  });
  test("qr of wide matrices; Q R reconstructs A; svdvals descending as PyTorch's; errors", () => {
    const A = build(LA.qw);
    const r = torch.linalg.qr(A);
    expectClose("wide Q", r.Q, LA.qr_wide.Q, 1e-4, 1e-5);
    expectClose("wide R", r.R, LA.qr_wide.R, 1e-4, 1e-5);
    expect(r.Q.matmul(r.R).sub(A).abs().max().item()).toBeLessThan(1e-5);
    expectClose("svdvals", torch.linalg.svdvals(build(LA.qa)), LA.svdvals, 1e-4, 1e-5);
    expectClose("svdvals wide", torch.linalg.svdvals(A), LA.svdvals_wide, 1e-4, 1e-5);
    expectError(() => torch.linalg.qr(build(LA.qa), "full" as "r"), LA.errors.qr_mode, true);
    const qa = build(LA.qa, true);
    torch.linalg.svdvals(qa).sum().backward();
    const usv = torch.linalg.svd(qa.detach(), false);
    expect((qa.grad as Tensor).sub(usv.U.matmul(usv.Vh)).abs().max().item()).toBeLessThan(1e-5);
  });
});
