/**
 * More places where torchlab used to differ from PyTorch 1.13 without an error, each the literal
 * port of the snippet of the same name in test/reference/gen_fidelity2.py: sum-like ops' result
 * dtypes and their `dtype` keyword, int32 results of gcd/lcm/searchsorted, randint_like, the errors
 * for index tensors of the wrong dtype, grad_fn names of in-place ops, nn.RNN's positional
 * arguments, and LBFGS's state_dict() carrying its history.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";
import { Encoded, expectClose, readReference } from "../tensor/fixtures";
import { _setMainNamespace } from "../../src/serialization/modules";
import { pyStr } from "../../src/display/print";
import { inspect } from "util";

const { nn } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
type Err = [string, string];

interface LbfgsCase {
  options: Record<string, unknown>;
  before: number;
  after: number;
  full_params: number[][];
  resumed: number[][];
  fresh: number[][];
  saved: { keys: string[]; func_evals: number; n_iter: number; old_dirs: number; prev_loss: number; d: number[]; prev_flat_grad: number[]; H_diag: number; t: number };
  after_state: { func_evals: number; n_iter: number };
}
const ref = readReference<{
  reduce_dtype: Record<string, Encoded>;
  reduce_errors: Record<string, Err>;
  reduce_grads: Record<string, Encoded>;
  int_dtypes: Record<string, Encoded>;
  randint_like: Record<string, { dtype: string; shape: number[]; low: number; high: number }>;
  index_errors: Record<string, Err>;
  index_ok: Record<string, Encoded>;
  grad_fn: Record<string, string>;
  rnn: Record<string, { repr?: string; nonlinearity?: string | null; batch_first?: boolean; error?: Err }>;
  rnn_string_bias: { repr: string; nonlinearity: string };
  lbfgs: LbfgsCase[];
}>("fidelity2.json");

const xi = (): Tensor => torch.tensor([[1, 2], [3, 4]], { dtype: torch.int32 });
const xl = (): Tensor => torch.tensor([[1, 2], [3, 4]]);
const xb = (): Tensor => torch.tensor([true, false, true]);
const xf = (): Tensor => torch.tensor([1.5, 2.0, 3.0]);
const xn = (): Tensor => torch.tensor([1.5, NaN, 3.0]);

function caught(f: () => unknown): Err {
  try {
    f();
  } catch (e) {
    return [(e as Error).name, (e as Error).message];
  }
  return ["no error", ""];
}

/** Runs every case of `cases` and checks that the fixture has exactly these names (none forgotten). */
function covers(section: Record<string, unknown>, cases: Record<string, unknown>): void {
  expect(Object.keys(cases).sort()).toEqual(Object.keys(section).sort());
}

describe("sum / prod / cumsum / cumprod / nansum: result dtypes and the dtype keyword", () => {
  const cases: Record<string, () => Tensor> = {
    sum_int32: () => torch.sum(xi()),
    sum_bool: () => torch.sum(xb()),
    sum_int32_dtype_float32: () => torch.sum(xi(), { dtype: torch.float32 }),
    sum_float_dtype_float64: () => torch.sum(xf(), { dtype: torch.float64 }),
    sum_float_dtype_int32: () => torch.sum(xf(), { dtype: torch.int32 }),
    sum_dim_dtype: () => torch.sum(xi(), 1, { dtype: torch.float32 }),
    sum_int32_dtype_bool: () => torch.sum(xi(), { dtype: torch.bool }),
    method_sum_keepdim_dtype: () => xi().sum(0, { keepdim: true, dtype: torch.int32 }),
    method_sum_bool_dtype_int32: () => xb().sum({ dtype: torch.int32 }),
    prod_int32: () => torch.prod(xi()),
    prod_bool: () => torch.prod(xb()),
    prod_float_dtype_int32: () => torch.prod(xf(), { dtype: torch.int32 }),
    prod_dim_dtype: () => torch.prod(xf(), 0, { dtype: torch.int32 }),
    method_prod_dim_dtype: () => xi().prod(1, { dtype: torch.float32 }),
    cumsum_int32: () => torch.cumsum(xi(), 0),
    cumsum_bool: () => torch.cumsum(xb(), 0),
    cumsum_int32_dtype_int32: () => torch.cumsum(xi(), 0, { dtype: torch.int32 }),
    method_cumsum_float_dtype_int32: () => xf().cumsum(0, { dtype: torch.int32 }),
    method_cumsum_dtype_float32: () => xi().cumsum(1, { dtype: torch.float32 }),
    cumprod_int32: () => torch.cumprod(xi(), 1),
    cumprod_bool: () => torch.cumprod(xb(), 0),
    cumprod_float_dtype_int64: () => torch.cumprod(xf(), 0, { dtype: torch.int64 }),
    method_cumprod_dtype_float32: () => xl().cumprod(1, { dtype: torch.float32 }),
    nansum_bool: () => torch.nansum(xb()),
    nansum_int64: () => torch.nansum(xl()),
    nansum_float: () => torch.nansum(xn()),
    nansum_float_dtype_float64: () => torch.nansum(xn(), { dtype: torch.float64 }),
    method_nansum_dim: () => xn().view(1, 3).nansum(1),
    nansum_int32: () => torch.nansum(xi()),
    nansum_int32_dtype_int32: () => torch.nansum(xi(), 0, { dtype: torch.int32 }),
  };
  test("every PyTorch case is ported", () => covers(ref.reduce_dtype, cases));
  test.each(Object.keys(cases))("%s", (name) => expectClose(name, cases[name](), ref.reduce_dtype[name]));

  test("a floating input summed into an integer dtype by nansum is PyTorch's error", () => {
    const errs: Record<string, () => unknown> = {
      nansum_float_dtype_int32: () => torch.nansum(xf(), { dtype: torch.int32 }),
      nansum_float_dtype_int64: () => xf().nansum({ dtype: torch.int64 }),
    };
    covers(ref.reduce_errors, errs);
    for (const [name, f] of Object.entries(errs)) expect(caught(f)).toEqual(ref.reduce_errors[name]);
  });

  test("nansum's gradient skips the nans", () => {
    const w = torch.tensor([1.0, NaN, 2.0], { dtype: torch.float32, requires_grad: true });
    torch.nansum(w.mul(3)).backward();
    expectClose("w.grad", w.grad!, ref.reduce_grads.nansum);
  });
});

describe("integer results keep int32 where PyTorch does", () => {
  const a32 = (): Tensor => torch.tensor([12, 18, -8, 0], { dtype: torch.int32 });
  const b32 = (): Tensor => torch.tensor([8, 27, 6, 5], { dtype: torch.int32 });
  const seq = (): Tensor => torch.tensor([1.0, 2.0, 3.0]);
  const vals = (): Tensor => torch.tensor([0.5, 2.0, 2.5, 9.0]);
  const cases: Record<string, () => Tensor> = {
    gcd_int32: () => torch.gcd(a32(), b32()),
    lcm_int32: () => torch.lcm(a32(), b32()),
    gcd_int64: () => torch.gcd(a32().long(), b32().long()),
    gcd_int32_int64: () => torch.gcd(a32(), b32().long()),
    method_lcm_int32: () => a32().lcm(b32()),
    searchsorted: () => torch.searchsorted(seq(), vals()),
    searchsorted_out_int32: () => torch.searchsorted(seq(), vals(), { out_int32: true }),
    searchsorted_out_int32_right: () => torch.searchsorted(seq(), vals(), { out_int32: true, right: true }),
    bucketize_out_int32: () => torch.bucketize(vals(), seq(), { out_int32: true }),
  };
  test("every PyTorch case is ported", () => covers(ref.int_dtypes, cases));
  test.each(Object.keys(cases))("%s", (name) => expectClose(name, cases[name](), ref.int_dtypes[name]));

  test("randint_like: the input's dtype (or dtype=), its shape, values in [low, high)", () => {
    const cases: Record<string, () => Tensor> = {
      high: () => torch.randint_like(torch.zeros(2, 3), 5),
      low_high: () => torch.randint_like(torch.zeros(2, 3), 2, 5),
      int32_input: () => torch.randint_like(torch.zeros([4], { dtype: torch.int32 }), 7),
      dtype: () => torch.randint_like(torch.zeros(4), 3, 9, { dtype: torch.int64 }),
      keyword_high: () => torch.randint_like(torch.zeros(4), { high: 4 }),
    };
    covers(ref.randint_like, cases);
    for (const [name, f] of Object.entries(cases)) {
      const want = ref.randint_like[name];
      const seen = new Set<number>();
      for (let i = 0; i < 20; i++) {
        const r = f();
        expect([name, String(r.dtype), r.shape]).toEqual([name, `torch.${want.dtype}`, want.shape]);
        for (const v of r.tolist() as unknown as number[] | number[][]) for (const x of ([] as number[]).concat(v)) seen.add(x);
      }
      // 20 draws of 4+ values: every value of a range this small shows up, and nothing else
      const range = Array.from({ length: want.high - want.low }, (_, k) => want.low + k);
      expect([name, [...seen].sort((p, q) => p - q)]).toEqual([name, range]);
    }
  });
  test("randint_like argument errors", () => {
    expect(() => torch.randint_like(torch.zeros(2))).toThrow("randint_like() missing required argument 'high'");
    expect(() => torch.randint_like(torch.zeros(2), 3, 3)).toThrow(/random_ expects 'from' to be less than 'to'/);
  });
});

describe("index tensors of the wrong dtype raise PyTorch's errors", () => {
  let xe: Tensor;
  beforeAll(() => {
    xe = xf();
  });
  const lg = (): Tensor => torch.tensor([[0.1, -0.4, 0.9], [1.2, 0.3, -0.7]]);
  const embW = (): Tensor => torch.arange(6.0).view(3, 2).float();
  const idx: Record<string, () => Tensor> = { float: () => torch.tensor([0, 1]).float(), int32: () => torch.tensor([0, 1], { dtype: torch.int32 }) };
  const cases: Record<string, () => unknown> = {};
  for (const tag of ["float", "int32"]) {
    const i = idx[tag];
    Object.assign(cases, {
      [`gather_${tag}`]: () => torch.gather(xe, 0, i()),
      [`method_gather_${tag}`]: () => xe.gather(0, i()),
      [`scatter_${tag}`]: () => torch.scatter(xe, 0, i(), xe),
      [`scatter_value_${tag}`]: () => torch.scatter(xe, 0, i(), 1.0),
      [`method_scatter__${tag}`]: () => xf().scatter_(0, i(), xe),
      [`scatter_add_${tag}`]: () => torch.scatter_add(xe, 0, i(), xe),
      [`method_scatter_add__${tag}`]: () => xf().scatter_add_(0, i(), xe),
      [`take_${tag}`]: () => torch.take(xe, i()),
      [`take_along_dim_${tag}`]: () => torch.take_along_dim(xe, i()),
      [`take_along_dim_dim_${tag}`]: () => torch.take_along_dim(xe.view(1, 3), i().view(1, 2), 1),
      [`index_put__${tag}`]: () => xf().index_put_([i()], torch.tensor(1).float()),
      [`getitem_${tag}`]: () => xe.index(i()),
      [`setitem_${tag}`]: () => xf().setitem(i(), 1.0),
      [`cross_entropy_${tag}`]: () => F.cross_entropy(lg(), i()),
      [`CrossEntropyLoss_${tag}`]: () => new nn.CrossEntropyLoss()(lg(), i()),
      [`nll_loss_${tag}`]: () => F.nll_loss(lg(), i()),
      [`one_hot_${tag}`]: () => F.one_hot(i()),
      [`index_copy__${tag}`]: () => xf().index_copy_(0, i(), xe.narrow(0, 0, 2)),
      [`index_fill__${tag}`]: () => xf().index_fill_(0, i(), 0.0),
      [`put__${tag}`]: () => xf().put_(i(), xe.narrow(0, 0, 2)),
    });
  }
  Object.assign(cases, {
    index_select_float: () => xe.index_select(0, idx.float()),
    index_add__float: () => xf().index_add_(0, idx.float(), xe.narrow(0, 0, 2)),
    index_add_float: () => torch.index_add(xe, 0, idx.float(), xe.narrow(0, 0, 2)),
    embedding_float: () => F.embedding(idx.float(), embW()),
  });
  test("every PyTorch case is ported", () => covers(ref.index_errors, cases));
  test.each(Object.keys(cases))("%s", (name) => expect(caught(cases[name])).toEqual(ref.index_errors[name]));

  test("index_select / index_add_ / embedding take int32 indices; soft cross_entropy targets stay float", () => {
    const i32 = idx.int32;
    const ok: Record<string, () => Tensor> = {
      index_select_int32: () => xe.index_select(0, i32()),
      index_add__int32: () => xf().index_add_(0, i32(), xe.narrow(0, 0, 2)),
      embedding_int32: () => F.embedding(i32(), embW()),
      Embedding_int32: () => {
        const e = new nn.Embedding(3, 2);
        torch.no_grad(() => e.weight.copy_(embW()));
        return e(i32());
      },
      cross_entropy_probabilities: () => F.cross_entropy(lg(), torch.softmax(lg().flip(1), 1)),
    };
    covers(ref.index_ok, ok);
    for (const [name, f] of Object.entries(ok)) expectClose(name, f(), ref.index_ok[name]);
  });
});

describe("grad_fn names as PyTorch's", () => {
  const ops: Record<string, (a: Tensor) => Tensor> = {
    t_: (a) => a.t_(),
    transpose_: (a) => a.transpose_(0, 1),
    swapaxes_: (a) => a.swapaxes_(0, 1),
    swapdims_: (a) => a.swapdims_(0, 1),
    squeeze_: (a) => a.unsqueeze(0).squeeze_(),
    squeeze__dim: (a) => a.unsqueeze(0).squeeze_(0),
    unsqueeze_: (a) => a.unsqueeze_(0),
    relu_: (a) => a.relu_(),
    add_: (a) => a.add_(1),
    add__tensor: (a) => a.add_(torch.ones(3, 4)),
    mul_: (a) => a.mul_(2),
    sub_: (a) => a.sub_(1),
    div_: (a) => a.div_(2),
    clamp_: (a) => a.clamp_(0, 1),
    clamp__min: (a) => a.clamp_({ min: 0 }),
    sigmoid_: (a) => a.sigmoid_(),
    tanh_: (a) => a.tanh_(),
    exp_: (a) => a.exp_(),
    pow_: (a) => a.pow_(2),
    fill_: (a) => a.fill_(1),
    zero_: (a) => a.zero_(),
    neg_: (a) => a.neg_(),
    abs_: (a) => a.abs_(),
    sqrt_: (a) => a.abs().sqrt_(),
    floor_: (a) => a.floor_(),
    masked_fill_: (a) => a.masked_fill_(a.gt(0), 0.0),
    copy_: (a) => a.copy_(torch.ones(3, 4)),
    swapaxes: (a) => a.swapaxes(0, 1),
    transpose: (a) => a.transpose(0, 1),
    t: (a) => a.t(),
    squeeze: (a) => a.unsqueeze(0).squeeze(),
    squeeze_dim: (a) => a.unsqueeze(0).squeeze(0),
    sum: (a) => a.sum(),
    sum_dim: (a) => a.sum(0),
    sum_dtype: (a) => a.sum({ dtype: torch.float32 }),
    cumsum: (a) => a.cumsum(0),
    prod: (a) => a.prod(),
    prod_dim: (a) => a.prod(0),
    cumprod: (a) => a.cumprod(0),
    nansum: (a) => a.nansum(),
    nansum_dim: (a) => a.nansum(1),
    gather: (a) => a.gather(0, torch.zeros([2, 4], { dtype: torch.int64 })),
    take: (a) => a.take(torch.tensor([0, 1])),
    index: (a) => a.index(torch.tensor([0, 1])),
    index_select: (a) => a.index_select(0, torch.tensor([0, 1])),
    clone: (a) => a.clone(),
    flatten: (a) => a.flatten(),
    view: (a) => a.view(-1),
    reshape: (a) => a.reshape(-1),
  };
  test("every PyTorch case is ported", () => covers(ref.grad_fn, ops));
  test.each(Object.keys(ops))("%s", (name) => {
    const y = ops[name](torch.randn(3, 4, { requires_grad: true }).mul(1));
    expect(y.grad_fn!.name()).toBe(ref.grad_fn[name]);
  });
  test("swapaxes_ / swapdims_ transpose in place and back-propagate as transpose_", () => {
    const w = torch.arange(6.0).view(2, 3).float().requires_grad_();
    const y = w.mul(1).swapaxes_(0, 1);
    expect(y.shape).toEqual([3, 2]);
    expect(y.tolist()).toEqual(w.detach().t().tolist());
    y.mul(torch.arange(6.0).view(3, 2).float()).sum().backward();
    expect(w.grad!.tolist()).toEqual(torch.arange(6.0).view(3, 2).t().tolist());
    expect(w.mul(1).swapdims_(1, 0).shape).toEqual([3, 2]);
  });
  test("squeeze_ / unsqueeze_ gradients are unchanged by the new names", () => {
    const w = torch.randn(3, 4, { requires_grad: true });
    w.mul(2).unsqueeze_(0).squeeze_(0).sum().backward();
    expect(w.grad!.tolist()).toEqual(torch.full([3, 4], 2).float().tolist());
  });
});

describe("nn.RNN / LSTM / GRU positional arguments as PyTorch 1.13's", () => {
  const cases: Record<string, () => InstanceType<typeof nn.RNN> | InstanceType<typeof nn.LSTM> | InstanceType<typeof nn.GRU>> = {
    "new nn.RNN(10, 20, 2, true, true)": () => new nn.RNN(10, 20, 2, true, true),
    "new nn.RNN(10, 20, 2, false)": () => new nn.RNN(10, 20, 2, false),
    "new nn.RNN(10, 20, 2, true, true, 0.5, true)": () => new nn.RNN(10, 20, 2, true, true, 0.5, true),
    "new nn.RNN(10, 20, 2, true, true, 0.5, true, {nonlinearity: 'relu'})": () => new nn.RNN(10, 20, 2, true, true, 0.5, true, { nonlinearity: "relu" }),
    "new nn.RNN(10, 20, 2, 'tanh', true, true)": () => new nn.RNN(10, 20, 2, "tanh" as unknown as boolean, true, true),
    "new nn.LSTM(10, 20, 2, true, true)": () => new nn.LSTM(10, 20, 2, true, true),
    "new nn.LSTM(10, 20, 2, true, true, 0.5, true, 5)": () => new nn.LSTM(10, 20, 2, true, true, 0.5, true, 5),
    "new nn.GRU(10, 20, 2, true, true, 0.0, true)": () => new nn.GRU(10, 20, 2, true, true, 0.0, true),
    "new nn.GRU(10, 20, 2, 'tanh', true, true)": () => new nn.GRU(10, 20, 2, "tanh" as unknown as boolean, true, true),
  };
  test("every PyTorch case is ported", () => covers(ref.rnn, cases));
  test.each(Object.keys(cases))("%s", (ts) => {
    const want = ref.rnn[ts];
    if (want.error !== undefined) {
      expect(caught(cases[ts])).toEqual(want.error);
      return;
    }
    const m = cases[ts]();
    expect(String(m)).toBe(want.repr);
    expect(m.batch_first).toBe(want.batch_first);
    expect((m as { nonlinearity?: string }).nonlinearity ?? null).toBe(want.nonlinearity);
  });
  test("a nonlinearity where bias goes is an error, not PyTorch's silent tanh RNN with bias='relu'", () => {
    expect(ref.rnn_string_bias).toEqual({ repr: "RNN(10, 20, num_layers=2, bias=relu)", nonlinearity: "tanh" });
    expect(() => new nn.RNN(10, 20, 2, "relu" as unknown as boolean)).toThrow(
      "RNN(): argument 'bias' (position 4) must be bool, not 'relu'; nonlinearity is keyword-only: new nn.RNN(10, 20, 2, {nonlinearity: 'relu'})",
    );
    expect(() => new nn.LSTM(10, 20, 2, 1 as unknown as boolean)).toThrow(torch.TypeError);
  });
});

describe("LBFGS state_dict() carries its history; load_state_dict() resumes the same steps", () => {
  function problem(w0: number[], c0: number[]) {
    const a = torch.sin(torch.arange(24).float().mul(0.7)).reshape(6, 4);
    const b = torch.cos(torch.arange(6).float().mul(1.1));
    const w = torch.tensor(w0, { dtype: torch.float32, requires_grad: true });
    const c = torch.tensor(c0, { dtype: torch.float32, requires_grad: true });
    return { a, b, w, c };
  }
  function closureFor(opt: InstanceType<typeof torch.optim.LBFGS>, p: ReturnType<typeof problem>) {
    return () => {
      opt.zero_grad();
      const r = p.a.matmul(p.w).add(p.c).sub(p.b);
      const loss = r.mul(r).mean().add(p.w.pow(4).sum().mul(0.1));
      loss.backward();
      return loss;
    };
  }
  const flat = (p: ReturnType<typeof problem>): number[] => [...(p.w.tolist() as number[]), ...(p.c.tolist() as number[])];
  const expectParams = (label: string, got: number[][], want: number[][]) => {
    expect(got.length).toBe(want.length);
    got.forEach((row, i) => row.forEach((v, j) => expect([label, i, j, Math.abs(v - want[i][j]) <= 1e-5 + 1e-4 * Math.abs(want[i][j])]).toEqual([label, i, j, true])));
  };

  test.each(ref.lbfgs.map((c, i) => [JSON.stringify(c.options), i]))("%s", (_label, i) => {
    const c = ref.lbfgs[i as number];
    const W0 = [0.5, -0.3, 0.2, 0.1];
    const p = problem(W0, [0.05]);
    const opt = new torch.optim.LBFGS([p.w, p.c], c.options);
    const cl = closureFor(opt, p);
    for (let k = 0; k < c.before; k++) opt.step(cl);
    expectParams("before", [flat(p)], [c.full_params[c.before - 1]]);

    const saved = opt.state_dict();
    const st = saved.state[0] as Record<string, unknown>;
    expect(Object.keys(st).sort()).toEqual(c.saved.keys);
    expect([st.func_evals, st.n_iter, (st.old_dirs as Tensor[]).length]).toEqual([c.saved.func_evals, c.saved.n_iter, c.saved.old_dirs]);
    expect(Math.abs((st.prev_loss as number) - c.saved.prev_loss)).toBeLessThan(1e-5);
    const num = (v: unknown): number => (v instanceof torch.Tensor ? v.item() : (v as number));
    expect(Math.abs(num(st.H_diag) - c.saved.H_diag)).toBeLessThan(1e-4);
    expect(Math.abs(num(st.t) - c.saved.t)).toBeLessThan(1e-5);
    expectParams("d", [(st.d as Tensor).tolist() as number[]], [c.saved.d]);
    expectParams("prev_flat_grad", [(st.prev_flat_grad as Tensor).tolist() as number[]], [c.saved.prev_flat_grad]);

    // a new optimizer over copies of the parameters, loaded from the saved dict
    const p2 = problem(p.w.tolist() as number[], p.c.tolist() as number[]);
    const opt2 = new torch.optim.LBFGS([p2.w, p2.c], c.options);
    opt2.load_state_dict(saved);
    const cl2 = closureFor(opt2, p2);
    const resumed: number[][] = [];
    for (let k = 0; k < c.after; k++) {
      opt2.step(cl2);
      resumed.push(flat(p2));
    }
    expectParams("resumed", resumed, c.resumed);
    expectParams("resumed = uninterrupted", resumed, c.full_params.slice(c.before));
    const st2 = opt2.state_dict().state[0] as Record<string, unknown>;
    expect([st2.func_evals, st2.n_iter]).toEqual([c.after_state.func_evals, c.after_state.n_iter]);
    // the loaded history is a copy: the saved dict is unchanged by the resumed steps
    expect([st.n_iter, (st.old_dirs as Tensor[]).length]).toEqual([c.saved.n_iter, c.saved.old_dirs]);

    // what a lost history would give (the run this test tells apart)
    const p3 = problem(p.w.tolist() as number[], p.c.tolist() as number[]);
    const opt3 = new torch.optim.LBFGS([p3.w, p3.c], c.options);
    const cl3 = closureFor(opt3, p3);
    const fresh: number[][] = [];
    for (let k = 0; k < c.after; k++) {
      opt3.step(cl3);
      fresh.push(flat(p3));
    }
    expectParams("fresh", fresh, c.fresh);
    expect(Math.max(...c.fresh[0].map((v, j) => Math.abs(v - c.resumed[0][j])))).toBeGreaterThan(1e-3);
  });
});

/**
 * Memory format (test/reference/gen_fidelity3.py, fidelity3.json): the strides and channels-last answer
 * of each op's result on a channels-last input (the ops of the memory-format tutorial's list that keep
 * the format, and neighbours that do not), a leaf's `.grad` (AccumulateGrad gives it its leaf's strides;
 * retain_grad's is row-major), torch.save / torch.load of a channels-last tensor and state_dict,
 * randint_like's values drawn in memory order, randn_like's by PyTorch's serial normal kernel (memory order,
 * one double draw each) and dropout's mask row-major. Not matched, left out: torch.stack of channels-last
 * tensors (PyTorch's 5-d strides there are no memory format torchlab can carry).
 */
describe("memory format", () => {
  type Layout = [number[], boolean];
  const ref3 = readReference<{
    ops: Record<string, Layout>;
    grads: Record<string, Layout>;
    save_load: { tensor: Layout; weight: Layout; values_equal: boolean };
    randint_like_values: number[];
    randint_like_3d_values: number[];
    random_like: Record<string, { values: number[]; layout: Layout }>;
    trap: string[];
  }>("fidelity3.json");
  const CL = torch.channels_last;
  const CL3 = torch.channels_last_3d;
  const layout = (y: Tensor): Layout => [[...y.stride()], y.is_contiguous({ memory_format: y.dim() === 4 ? CL : CL3 })];

  test("ops on a channels-last input keep PyTorch's layout", () => {
    const x = torch.randn(2, 4, 6, 6).to({ memory_format: CL });
    const x5 = torch.randn(2, 4, 4, 4, 4).to({ memory_format: CL3 });
    const ops: Record<string, () => Tensor> = {
      relu: () => F.relu(x), relu6: () => F.relu6(x), hardtanh: () => F.hardtanh(x),
      hardswish: () => F.hardswish(x), hardsigmoid: () => F.hardsigmoid(x), sigmoid: () => torch.sigmoid(x),
      elu: () => F.elu(x), leaky_relu: () => F.leaky_relu(x), gelu: () => F.gelu(x), silu: () => F.silu(x),
      prelu: () => new nn.PReLU(4)(x), softmax1: () => F.softmax(x, 1),
      logical_or: () => torch.logical_or(x.gt(0), x.lt(-1)), logical_not: () => torch.logical_not(x.gt(0)),
      isnan: () => torch.isnan(x), isinf: () => torch.isinf(x), isfinite: () => torch.isfinite(x),
      conv2d: () => new nn.Conv2d(4, 3, 3)(x), conv_transpose2d: () => new nn.ConvTranspose2d(4, 3, 3)(x),
      batch_norm: () => new nn.BatchNorm2d(4)(x),
      group_norm: () => F.group_norm(x, 2), group_norm_affine: () => new nn.GroupNorm(2, 4)(x),
      instance_norm: () => F.instance_norm(x), layer_norm: () => F.layer_norm(x, [6]),
      max_pool2d: () => F.max_pool2d(x, 2), avg_pool2d: () => F.avg_pool2d(x, 3, 2, 1),
      adaptive_avg_pool2d: () => F.adaptive_avg_pool2d(x, 2), adaptive_max_pool2d: () => F.adaptive_max_pool2d(x, 2),
      nearest: () => F.interpolate(x, { scale_factor: 2 }), nearest_exact: () => F.interpolate(x, { scale_factor: 2, mode: "nearest-exact" }),
      bilinear: () => F.interpolate(x, { scale_factor: 2, mode: "bilinear" }), bicubic: () => F.interpolate(x, { scale_factor: 2, mode: "bicubic" }),
      area: () => F.interpolate(x, { scale_factor: 0.5, mode: "area" }),
      pixel_shuffle: () => F.pixel_shuffle(x, 2), pixel_unshuffle: () => F.pixel_unshuffle(x, 2),
      channel_shuffle: () => F.channel_shuffle(x, 2),
      dropout: () => F.dropout(x, 0.5), dropout2d: () => F.dropout2d(x, 0.5),
      pad: () => F.pad(x, [1, 1, 1, 1]), pad_reflect: () => F.pad(x, [1, 1, 1, 1], { mode: "reflect" }),
      cat: () => torch.cat([x, x], 1), flip: () => x.flip(2),
      clone_preserve: () => x.clone({ memory_format: torch.preserve_format }),
      empty_like_preserve: () => torch.empty_like(x, { memory_format: torch.preserve_format }),
      randn_like_preserve: () => torch.randn_like(x, { memory_format: torch.preserve_format }),
      randint_like: () => torch.randint_like(x, 10), new_zeros: () => x.new_zeros(x.shape),
      parameter: () => new nn.Parameter(x.clone()),
      group_norm_3d: () => F.group_norm(x5, 2), batch_norm_3d: () => new nn.BatchNorm3d(4)(x5),
      trilinear: () => F.interpolate(x5, { scale_factor: 2, mode: "trilinear" }),
      nearest_3d: () => F.interpolate(x5, { scale_factor: 2 }), area_3d: () => F.interpolate(x5, { scale_factor: 0.5, mode: "area" }),
      max_pool3d: () => F.max_pool3d(x5, 2), channel_shuffle_3d: () => F.channel_shuffle(x5, 2),
    };
    expect(Object.keys(ops)).toEqual(Object.keys(ref3.ops));
    expect(Object.fromEntries(Object.entries(ops).map(([k, f]) => [k, layout(f())]))).toEqual(ref3.ops);
  });

  test("a leaf's .grad has its leaf's layout; retain_grad's is row-major", () => {
    const got: Record<string, Layout> = {};
    const conv = new nn.Conv2d(4, 3, 3).to({ memory_format: CL });
    conv(torch.randn(2, 4, 6, 6)).sum().backward();
    got.conv_weight_grad = layout(conv.weight.grad!);
    const leaf = torch.randn(2, 4, 6, 6).to({ memory_format: CL }).requires_grad_();
    leaf.mul(2).sum().backward();
    got.leaf_grad = layout(leaf.grad!);
    leaf.mul(3).sum().backward();
    got.leaf_grad_again = layout(leaf.grad!);
    const plain = torch.randn(2, 4, 6, 6, { requires_grad: true });
    new nn.Conv2d(4, 3, 3).to({ memory_format: CL })(plain).sum().backward();
    got.plain_leaf_through_cl_conv = layout(plain.grad!);
    const mid = leaf.mul(2);
    mid.retain_grad();
    mid.sum().backward();
    got.retain_grad = layout(mid.grad!);
    expect(got).toEqual(ref3.grads);
  });

  test("torch.save / torch.load keep channels last; randint_like draws in memory order", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fidelity3-"));
    try {
      const p = path.join(dir, "x.pt");
      const x = torch.randn(2, 4, 6, 6).to({ memory_format: CL });
      torch.save(x, p);
      const loaded = torch.load(p) as Tensor;
      const conv = new nn.Conv2d(4, 3, 3).to({ memory_format: CL });
      torch.save(conv.state_dict(), p);
      const w = (torch.load(p) as Record<string, Tensor>).weight;
      expect({ tensor: layout(loaded), weight: layout(w), values_equal: torch.equal(loaded, x) && torch.equal(w, conv.weight) }).toEqual(ref3.save_load);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    torch.manual_seed(5);
    expect(torch.randint_like(torch.zeros(2, 3, 2, 2).to({ memory_format: CL }), 100).reshape(-1).tolist()).toEqual(ref3.randint_like_values);
    torch.manual_seed(5);
    expect(torch.randint_like(torch.zeros(1, 2, 2, 2, 3).to({ memory_format: CL3 }), 100).reshape(-1).tolist()).toEqual(ref3.randint_like_3d_values);
  });

  test("randn_like and dropout of a channels-last tensor draw PyTorch's values", () => {
    const cases: Record<string, () => Tensor> = {
      randn_like_cl: () => torch.randn_like(torch.zeros(2, 3, 4, 4).to({ memory_format: CL })),
      randn_like_cl_n1hw: () => torch.randn_like(torch.zeros(2, 1, 4, 4).to({ memory_format: CL })),
      randn_like_cl3d: () => torch.randn_like(torch.zeros(1, 2, 2, 3, 2).to({ memory_format: CL3 })),
      dropout_cl: () => F.dropout(torch.ones(2, 3, 4, 4).to({ memory_format: CL }), 0.5),
    };
    expect(Object.keys(cases)).toEqual(Object.keys(ref3.random_like));
    for (const [name, f] of Object.entries(cases)) {
      torch.manual_seed(3);
      const y = f();
      const want = ref3.random_like[name];
      expect([name, layout(y)]).toEqual([name, want.layout]);
      const got = y.reshape(-1).tolist() as number[];
      expect(got.length).toBe(want.values.length);
      got.forEach((v, i) => expect(Math.abs(v - want.values[i])).toBeLessThanOrEqual(2e-6));
    }
  });
});

/**
 * torch.load of a whole model of a notebook's own class (小土堆's model_load and its "trap";
 * gen_fidelity3.py runs it in an IPython shell): PyTorch 1.13 imports `__main__.Tudui` from the notebook,
 * so it loads when the class is defined and raises AttributeError when it is not. The kernel hands its
 * globals to torch.load as `__main__` (kernel/session.ts exposeMainNamespace); here they are given directly.
 */
describe("torch.load of a whole model of the notebook's own class", () => {
  class Tudui extends nn.Module {
    conv1 = new nn.Conv2d(3, 4, { kernel_size: 3 });
    forward(x: Tensor): Tensor {
      return this.conv1(x);
    }
  }
  afterEach(() => _setMainNamespace(null));

  test("loads when __main__ defines the class, PyTorch's AttributeError when it does not", () => {
    const [loadedLine, trapLine] = readReference<{ trap: string[] }>("fidelity3.json").trap;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fidelity3-"));
    try {
      const p = path.join(dir, "tudui_method1.pth");
      torch.manual_seed(0);
      torch.save(new Tudui(), p);
      _setMainNamespace({ Tudui });
      const loaded = torch.load(p) as Tudui;
      const again = torch.load(p) as Tudui;
      expect(loaded).toBeInstanceOf(Tudui);
      expect(`${loaded.constructor.name} ${pyStr(loaded.conv1.weight.shape)} ${pyStr(torch.equal(loaded.conv1.weight, again.conv1.weight))}`).toBe(loadedLine);
      _setMainNamespace({});
      let err: unknown;
      try {
        torch.load(p);
      } catch (e) {
        err = e;
      }
      expect(`${(err as Error).name}: ${(err as Error).message}`).toBe(trapLine);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * torch.device('meta') (gen_fidelity3.py "meta_device"): a device as PyTorch's. Meta tensors and modules
 * (`nn.Linear(4, 4, device='meta')`, `.to_empty(device='cpu')`, `tensor(..., device='meta', size=(2, 3))`)
 * are not ported: every torchlab tensor holds its values and every op computes them, so a tensor on
 * 'meta' is refused with a NotImplementedError that says how to learn a shape instead.
 */
test("torch.device('meta') is PyTorch's device; tensors and modules on it are refused", () => {
  const want = readReference<{ meta_device: string[] }>("fidelity3.json").meta_device;
  const d = torch.device("meta");
  expect([inspect(d), String(d), d.type, inspect(torch.device("meta:0"))]).toEqual(want);
  expect(() => torch.empty(2, 3, { device: d })).toThrow(torch.NotImplementedError);
  expect(() => torch.randn(2, 3, { device: "meta" })).toThrow("torchlab has no 'meta' device");
  expect(() => new nn.Linear(4, 4, { device: "meta" })).toThrow("torchlab has no 'meta' device");
});
