/**
 * The extra math functions against PyTorch 1.13 (test/reference/math_extra.json, written by
 * gen_math_extra.py): forward values, shapes and dtypes, and the gradient of every float input
 * after backward of a weighted sum. Then the in-place forms (on views the base changes, on a leaf
 * that requires grad PyTorch's error, autograd through an in-place op on a non-leaf), register_hook
 * (ports of PyTorch's docs), torch.linalg against hand-computed values, and error paths.
 */
import { torch } from "../../src";
import { build, decode, evaluate, expectClose, readReference, type Case } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;

const cases = readReference<{ cases: Case[] }>("math_extra.json").cases;

function backprop(c: Case, outs: Tensor[]): void {
  let loss: Tensor | null = null;
  outs.forEach((o, i) => {
    const g = c.grad_out?.[i];
    if (!g) return;
    const term = o.mul(build(g)).sum();
    loss = loss === null ? term : loss.add(term);
  });
  (loss as unknown as Tensor).backward();
}

describe("PyTorch reference: math_extra", () => {
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const inputs: Record<string, Tensor> = {};
    for (const [k, e] of Object.entries(c.inputs)) inputs[k] = build(e, c.grads !== undefined && k in c.grads);
    const outs = evaluate(c, inputs);
    expect(outs.length).toBe(c.out.length);
    outs.forEach((o, i) => expectClose(`${c.name} output ${i} (${c.ts})`, o, c.out[i], c.tol ?? 1e-4));
    if (!c.grads) return;
    backprop(c, outs);
    for (const [k, want] of Object.entries(c.grads)) {
      const grad = inputs[k].grad;
      if (grad === null) expect(`${c.name}: grad of ${k} is ${want.values.every((v) => decode(v) === 0) ? "zero" : "missing"}`).toBe(`${c.name}: grad of ${k} is zero`);
      else expectClose(`${c.name} grad of ${k}`, grad, want, c.tol ?? 1e-4, 1e-5);
    }
  });
});

const close = (t: Tensor, want: number[], tol = 1e-5): void => {
  const got = Array.from(t.dataSync() as ArrayLike<number>);
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want[i]))));
};

describe("in-place forms", () => {
  test("on a view: the base changes (abs_, clamp_min_, addcmul_, lerp_, eq_)", () => {
    const base = torch.tensor([[-1, 2, -3], [4, -5, 6]], { dtype: torch.float32 });
    base.get(0).abs_();
    expect(base.tolist()).toEqual([[1, 2, 3], [4, -5, 6]]);
    base.index(":, 1").clamp_min_(0);
    expect(base.tolist()).toEqual([[1, 2, 3], [4, 0, 6]]);
    base.get(1).addcmul_(torch.ones(3), torch.tensor([1, 2, 3], { dtype: torch.float32 }), { value: 0.5 });
    expect(base.tolist()).toEqual([[1, 2, 3], [4.5, 1, 7.5]]);
    base.get(0).lerp_(torch.zeros(3), 0.5);
    expect(base.tolist()).toEqual([[0.5, 1, 1.5], [4.5, 1, 7.5]]);
    base.get(1).eq_(1);
    expect(base.tolist()).toEqual([[0.5, 1, 1.5], [0, 1, 0]]);
    expect(base.dtype).toBe(torch.float32);
  });

  test("every listed in-place method writes its out-of-place result", () => {
    const x = () => torch.tensor([0.25, -1.5, 2.5, 4], { dtype: torch.float32 });
    const pairs: [string, (t: Tensor) => Tensor, (t: Tensor) => Tensor][] = [
      ["sqrt_", (t) => t.abs().sqrt_(), (t) => t.abs().sqrt()],
      ["pow_", (t) => t.pow_(2), (t) => t.pow(2)],
      ["exp_", (t) => t.exp_(), (t) => t.exp()],
      ["neg_", (t) => t.neg_(), (t) => t.neg()],
      ["floor_", (t) => t.floor_(), (t) => t.floor()],
      ["round_", (t) => t.round_(), (t) => t.round()],
      ["reciprocal_", (t) => t.reciprocal_(), (t) => t.reciprocal()],
      ["remainder_", (t) => t.remainder_(1.5), (t) => t.remainder(1.5)],
      ["fmod_", (t) => t.fmod_(1.5), (t) => t.fmod(1.5)],
      ["clamp_max_", (t) => t.clamp_max_(1), (t) => t.clamp_max(1)],
      ["sigmoid_", (t) => t.sigmoid_(), (t) => t.sigmoid()],
      ["tanh_", (t) => t.tanh_(), (t) => t.tanh()],
      ["addcdiv_", (t) => t.addcdiv_(t.clone(), torch.full([4], 2), { value: 3 }), (t) => t.addcdiv(t.clone(), torch.full([4], 2), { value: 3 })],
      ["ne_", (t) => t.ne_(2.5), (t) => t.ne(2.5).float()],
      ["lt_", (t) => t.lt_(0), (t) => t.lt(0).float()],
      ["le_", (t) => t.le_(0.25), (t) => t.le(0.25).float()],
      ["gt_", (t) => t.gt_(0), (t) => t.gt(0).float()],
      ["ge_", (t) => t.ge_(2.5), (t) => t.ge(2.5).float()],
      ["logical_not_", (t) => t.sub(0.25).logical_not_(), (t) => t.sub(0.25).logical_not().float()],
    ];
    for (const [name, inplace, outOfPlace] of pairs) {
      const a = x();
      const r = inplace(a);
      expect([name, r.tolist()]).toEqual([name, outOfPlace(x()).tolist()]);
    }
  });

  test("an int tensor refuses a float result, as PyTorch's can_cast (sqrt_ on Long)", () => {
    expect(() => torch.tensor([1, 4]).sqrt_()).toThrow("sqrt_: result type Float can't be cast to the desired output type Long");
  });

  test("a leaf that requires grad: PyTorch's error", () => {
    const w = torch.ones(3, { requires_grad: true });
    for (const f of [(t: Tensor) => t.exp_(), (t: Tensor) => t.clamp_min_(0), (t: Tensor) => t.t_(), (t: Tensor) => t.unsqueeze_(0), (t: Tensor) => t.index_fill_(0, torch.tensor([0]), 2)]) {
      expect(() => f(w)).toThrow("a leaf Variable that requires grad is being used in an in-place operation.");
    }
    // The standard escape hatch, as in PyTorch's weight init.
    torch.no_grad(() => w.mul_(2).sqrt_());
    close(w, [Math.SQRT2, Math.SQRT2, Math.SQRT2]);
    expect(() => w.get(0).sigmoid_()).toThrow(/a view of a leaf Variable that requires grad is being used in an in-place operation/);
  });

  test("autograd through in-place ops on a non-leaf", () => {
    // y = sigmoid_(x * 2), then 3 * y -> d/dx = 3 * 2 * s(1 - s). (A further y.mul_(3) would modify
    // the output SigmoidBackward0 saved: PyTorch raises, test/autograd/inplace_versions.test.ts.)
    const x = torch.tensor([0.5, -1, 2], { requires_grad: true });
    const y = x.mul(2);
    y.sigmoid_();
    expect(y.grad_fn!.name()).toBe("SigmoidBackward0");
    y.mul(3).sum().backward();
    const s = [1, -2, 4].map((v) => 1 / (1 + Math.exp(-v)));
    close(x.grad!, s.map((v) => 6 * v * (1 - v)));

    // addcmul_ with a tensor that requires grad, and lerp_ whose weight is a tensor.
    const a = torch.tensor([1, 2], { dtype: torch.float32, requires_grad: true });
    const b = torch.tensor([3, -1], { dtype: torch.float32, requires_grad: true });
    const z = a.mul(1);
    z.addcmul_(a, b, { value: 2 }).lerp_(b, torch.tensor([0.25, 0.5]));
    z.sum().backward();
    // z = (1 - w) * (a + 2ab) + w b
    close(a.grad!, [0.75 * (1 + 2 * 3), 0.5 * (1 + 2 * -1)]);
    close(b.grad!, [0.75 * 2 * 1 + 0.25, 0.5 * 2 * 2 + 0.5]);
  });

  test("an in-place write to an output a backward needs is caught", () => {
    const x = torch.tensor([0.5, 1], { requires_grad: true });
    const y = x.exp();
    y.exp_();
    expect(() => y.sum().backward()).toThrow(/modified by an inplace operation/);
  });

  test("fill_diagonal_, index_add_, index_fill_, put_, masked_scatter_ (values as PyTorch 1.13 prints them)", () => {
    const a = torch.zeros(7, 3);
    a.fill_diagonal_(5, { wrap: true });
    expect(a.sum().item()).toBe(30);
    expect(a.tolist()).toEqual([[5, 0, 0], [0, 5, 0], [0, 0, 5], [0, 0, 0], [5, 0, 0], [0, 5, 0], [0, 0, 5]]);
    const b = torch.zeros(3, 4);
    b.fill_diagonal_(1);
    expect(b.tolist()).toEqual([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]]);
    const c = torch.ones(5, 3);
    c.index_add_(0, torch.tensor([0, 4, 2]), torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], { dtype: torch.float32 }));
    expect(c.tolist()).toEqual([[2, 3, 4], [1, 1, 1], [8, 9, 10], [1, 1, 1], [5, 6, 7]]);
    const d = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], { dtype: torch.float32 });
    d.index_fill_(1, torch.tensor([0, 2]), -1);
    expect(d.tolist()).toEqual([[-1, 2, -1], [-1, 5, -1], [-1, 8, -1]]);
    const e = torch.tensor([[4, 3, 5], [6, 7, 8]]);
    e.put_(torch.tensor([1, 3]), torch.tensor([9, 10]));
    expect(e.tolist()).toEqual([[4, 9, 5], [10, 7, 8]]);
    const f = torch.zeros(2, 5);
    const mask = torch.tensor([[0, 0, 0, 1, 1], [1, 1, 0, 1, 1]]).bool();
    f.masked_scatter_(mask, torch.arange(10).reshape(2, 5).float());
    expect(f.tolist()).toEqual([[0, 0, 0, 0, 1], [2, 3, 0, 4, 5]]);
  });

  test("t_, transpose_, squeeze_, unsqueeze_ change this tensor's shape; on a view the base keeps its values", () => {
    const x = torch.arange(6).reshape(2, 3);
    expect(x.t_().shape).toEqual([3, 2]);
    expect(x.tolist()).toEqual([[0, 3], [1, 4], [2, 5]]);
    x.unsqueeze_(0);
    expect(x.shape).toEqual([1, 3, 2]);
    x.squeeze_();
    x.transpose_(0, 1);
    expect(x.tolist()).toEqual([[0, 1, 2], [3, 4, 5]]);
    const base = torch.zeros(2, 3);
    const v = base.get(0);
    v.unsqueeze_(1);
    expect(v.shape).toEqual([3, 1]);
    v.fill_(7);
    expect(base.tolist()).toEqual([[7, 7, 7], [0, 0, 0]]);
    // Gradients flow through an in-place transpose on a non-leaf.
    const w = torch.tensor([[1, 2], [3, 4]], { dtype: torch.float32, requires_grad: true });
    const y = w.mul(1);
    y.t_();
    y.mul(torch.tensor([[1, 10], [100, 1000]])).sum().backward();
    expect(w.grad!.tolist()).toEqual([[1, 100], [10, 1000]]);
  });

  test("apply_ and map_ run a JS function per element", () => {
    const x = torch.tensor([1, 2, 3]);
    x.apply_((v) => v * v + 1);
    expect(x.tolist()).toEqual([2, 5, 10]);
    const y = torch.tensor([[1, 2], [3, 4]], { dtype: torch.float32 });
    y.map_(torch.tensor([10, 20], { dtype: torch.float32 }), (a, b) => a + b / 2);
    expect(y.tolist()).toEqual([[6, 12], [8, 14]]);
  });

  test("signbit of -0 (which the JSON fixture cannot carry) is true", () => {
    expect(torch.signbit(torch.tensor([-0, 0, -Infinity, Infinity], { dtype: torch.float32 })).tolist()).toEqual([true, false, true, false]);
  });

  test("type_as, ndimension, sum_to_size (and its error)", () => {
    expect(torch.tensor([1, 2]).type_as(torch.zeros(1)).dtype).toBe(torch.float32);
    expect(torch.zeros(2, 3, 4).ndimension()).toBe(3);
    expect(torch.ones(2, 3).sum_to_size(1, 3).tolist()).toEqual([[2, 2, 2]]);
    expect(() => torch.ones(2, 3).sum_to_size(2)).toThrow("size {[2]} is not expandable to size {[2, 3]}.");
  });
});

describe("register_hook", () => {
  test("PyTorch's docs example: v.register_hook(lambda grad: grad * 2)", () => {
    const v = torch.tensor([0, 0, 0], { dtype: torch.float32, requires_grad: true });
    const h = v.register_hook((grad) => grad.mul(2));
    v.backward(torch.tensor([1, 2, 3], { dtype: torch.float32 }));
    expect(v.grad!.tolist()).toEqual([2, 4, 6]);
    h.remove();
    v.grad = null;
    v.backward(torch.tensor([1, 2, 3], { dtype: torch.float32 }));
    expect(v.grad!.tolist()).toEqual([1, 2, 3]);
  });

  test("non-leaf hooks see the summed gradient, may replace it, run in registration order", () => {
    const x = torch.tensor([1, 2], { dtype: torch.float32, requires_grad: true });
    const y = x.mul(3);
    const seen: number[][] = [];
    y.register_hook((g) => {
      seen.push(g.tolist() as number[]);
      return g.add(1);
    });
    y.register_hook((g) => {
      seen.push(g.tolist() as number[]);
    });
    // y is used twice: one hook call with the sum of both paths.
    y.mul(y).sum().add(y.sum()).backward();
    expect(seen).toEqual([[7, 13], [8, 14]]);
    expect(x.grad!.tolist()).toEqual([24, 42]);
  });

  test("a leaf's hook runs once on its summed gradient, before .grad accumulates", () => {
    const w = torch.tensor([1, 1], { dtype: torch.float32, requires_grad: true });
    const calls: number[][] = [];
    w.register_hook((g) => {
      calls.push(g.tolist() as number[]);
      return g.mul(0);
    });
    w.mul(2).sum().add(w.mul(5).sum()).backward();
    expect(calls).toEqual([[7, 7]]);
    expect(w.grad!.tolist()).toEqual([0, 0]);
  });

  test("retain_grad before any hook keeps the gradient the hooks are given (PyTorch 1.13's order)", () => {
    const x = torch.tensor([2], { dtype: torch.float32, requires_grad: true });
    const y = x.mul(1);
    y.retain_grad();
    y.register_hook((g) => g.mul(10));
    y.sum().backward();
    expect(y.grad!.tolist()).toEqual([1]);
    expect(x.grad!.tolist()).toEqual([10]);
  });

  test("errors: a tensor that does not require grad, a hook that changes the shape", () => {
    expect(() => torch.ones(2).register_hook((g) => g)).toThrow("cannot register a hook on a tensor that doesn't require gradient");
    const x = torch.ones(2, { requires_grad: true });
    x.register_hook(() => torch.ones(3));
    expect(() => x.sum().backward()).toThrow(/hook 'hook' has changed the size of value/);
  });

  test("gradient clipping by hook in a training loop written in a function", () => {
    function train(): number[] {
      torch.manual_seed(0);
      const model = new torch.nn.Linear(2, 1);
      for (const p of model.parameters()) p.register_hook((g) => g.clamp(-0.1, 0.1));
      const opt = new torch.optim.SGD(model.parameters(), { lr: 1 });
      const x = torch.tensor([[1, 2], [3, 4]], { dtype: torch.float32 });
      const y = torch.tensor([[100], [200]], { dtype: torch.float32 });
      const grads: number[] = [];
      for (let i = 0; i < 3; i++) {
        opt.zero_grad();
        torch.nn.functional.mse_loss(model(x), y).backward();
        grads.push(...(model.weight.grad!.abs().dataSync() as Float32Array));
        opt.step();
      }
      return grads;
    }
    const g = train();
    expect(g.length).toBe(6);
    for (const v of g) expect(v).toBeCloseTo(0.1, 6);
  });
});

describe("torch.linalg", () => {
  test("det, inv, solve against hand-computed values; inv(A) @ A = I for a batch", () => {
    const A = torch.tensor([[2, 1], [7, 4]], { dtype: torch.float32 });
    expect(torch.linalg.det(A).item()).toBeCloseTo(1, 6);
    expect(torch.linalg.inv(A).tolist()).toEqual([[4, -1], [-7, 2]]);
    close(torch.linalg.solve(A, torch.tensor([3, 11], { dtype: torch.float32 })), [1, 1]);
    torch.manual_seed(1);
    const B = torch.randn(4, 3, 3).add(torch.eye(3).mul(3));
    const I = torch.matmul(torch.inverse(B), B);
    close(I, Array.from(torch.eye(3).expand(4, 3, 3).contiguous().dataSync()), 1e-4);
  });

  test("det's gradient at a singular matrix is its adjugate (cofactors), not 0", () => {
    const A = torch.tensor([[1, 2], [2, 4]], { dtype: torch.float32, requires_grad: true });
    torch.det(A).backward();
    expect(A.grad!.tolist()).toEqual([[4, -2], [-2, 1]]);
  });

  test("errors name the op and shapes", () => {
    expect(() => torch.linalg.inv(torch.tensor([[1, 2], [2, 4]], { dtype: torch.float32 }))).toThrow(
      "linalg.inv: The diagonal element 2 is zero, the inversion could not be completed because the input matrix is singular.",
    );
    expect(() => torch.linalg.det(torch.zeros(2, 3))).toThrow("linalg.det: A must be batches of square matrices, but they are 2 by 3 matrices (shape [2, 3])");
    expect(() => torch.linalg.inv(torch.tensor([[1, 0], [0, 1]]))).toThrow("Expected a floating point or complex tensor as input. Got Long");
    expect(() => torch.linalg.solve(torch.eye(2), torch.ones(3, 1))).toThrow("linalg.solve: Incompatible shapes of A and B for the equation AX = B (2x2 and 3x1)");
    expect(() => torch.linalg.matrix_norm(torch.ones(2, 2), 3)).toThrow("linalg.matrix_norm: Order 3 not supported.");
  });
});

describe("errors", () => {
  test("dtype, shape and argument errors name the op", () => {
    expect(() => torch.frac(torch.tensor([1, 2]))).toThrow(`"frac_cpu" not implemented for 'Long'`);
    expect(() => torch.hypot(torch.tensor([1]), torch.tensor([2]))).toThrow(`"hypot_cpu" not implemented for 'Long'`);
    expect(() => torch.gcd(torch.tensor([1.5]), torch.tensor([2]))).toThrow(`"gcd_cpu" not implemented for 'Float'`);
    expect(() => torch.nanmean(torch.tensor([1, 2]))).toThrow("nanmean(): expected input to have floating point dtype but got Long");
    expect(() => torch.addcdiv(torch.tensor([1]), torch.tensor([1]), torch.tensor([1]))).toThrow(/Integer division with addcdiv is no longer supported/);
    expect(() => torch.atan2(torch.ones(2, 3), torch.ones(4))).toThrow("atan2(): The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1 (shapes [2, 3] and [4])");
    expect(() => torch.trace(torch.ones(2, 2, 2))).toThrow("trace: expected a matrix, but got tensor with dim 3");
    expect(() => torch.diff(torch.tensor(1))).toThrow("diff expects input to be at least one-dimensional");
    expect(() => torch.cov(torch.ones(2, 2, 2))).toThrow("cov(): expected input to have two or fewer dimensions but got an input with 3 dimensions");
    expect(() => torch.histc(torch.ones(3), { bins: 0 })).toThrow(/bins must be > 0/);
    expect(() => torch.fmod(torch.tensor([3]), torch.tensor([0]))).toThrow(/ZeroDivisionError/);
    expect(() => torch.ones(2).addcmul(torch.ones(2), torch.ones(2), 3 as unknown as { value: number })).toThrow(/value is keyword-only/);
    expect(() => torch.cummax(torch.ones(2), 1)).toThrow(/Dimension out of range/);
    expect(() => torch.ones(3).put_(torch.tensor([3]), torch.ones(1))).toThrow("out of range: tried to access index 3 on a tensor of 3 elements.");
    expect(() => torch.zeros(2).index_add_(0, torch.tensor([2]), torch.ones(1))).toThrow(/index out of range in self/);
    expect(() => torch.ones(2).lerp(torch.tensor([1, 2]), 0.5)).toThrow(/expected floating point start and end/);
  });

  test("out= on the new functions", () => {
    const out = torch.empty(3);
    const r = torch.atan2(torch.tensor([1, 0, -1], { dtype: torch.float32 }), torch.ones(3), { out });
    expect(r).toBe(out);
    close(out, [Math.PI / 4, 0, -Math.PI / 4]);
    const o2 = torch.empty(2);
    torch.addcmul(torch.ones(2), torch.ones(2), torch.full([2], 3), { value: 2, out: o2 });
    expect(o2.tolist()).toEqual([7, 7]);
  });
});

describe("a user's snippet, ported line by line", () => {
  test("angles, logs and a covariance inside a function", () => {
    function summarize(points: Tensor): { angles: number[]; spread: number; lse: number } {
      const [x, y] = points.unbind(1);
      const angles = torch.rad2deg(torch.atan2(y, x));
      const c = torch.cov(points.T);
      const [std, mean] = torch.std_mean(torch.linalg.vector_norm(points, { dim: 1 }));
      void mean;
      const lse = torch.logaddexp(x, y).logcumsumexp(0);
      return { angles: angles.tolist() as number[], spread: c.trace().item() + std.item(), lse: lse.get(-1).item() };
    }
    const pts = torch.tensor([[1, 0], [0, 1], [-1, 0], [1, 1]], { dtype: torch.float32 });
    const r = summarize(pts);
    expect(r.angles.map((a) => Math.round(a))).toEqual([0, 90, 180, 45]);
    // cov trace: var(x) + var(y), unbiased; std of the norms [1, 1, 1, sqrt2].
    const vx = [1, 0, -1, 1];
    const vy = [0, 1, 0, 1];
    const v = (a: number[]): number => {
      const m = a.reduce((s, t) => s + t, 0) / a.length;
      return a.reduce((s, t) => s + (t - m) ** 2, 0) / (a.length - 1);
    };
    const norms = [1, 1, 1, Math.SQRT2];
    expect(r.spread).toBeCloseTo(v(vx) + v(vy) + Math.sqrt(v(norms)), 5);
    const lae = vx.map((a, i) => Math.log(Math.exp(a) + Math.exp(vy[i])));
    expect(r.lse).toBeCloseTo(Math.log(lae.reduce((s, t) => s + Math.exp(t), 0)), 5);
  });
});
