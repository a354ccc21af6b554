/**
 * Forward-mode AD (torch.autograd.forward_ad) against PyTorch 1.13 (test/reference/gen_forward_ad.py,
 * "ops" and "errors"): the primal and tangent of every op in the table under make_dual, the same
 * tangents against reverse mode (torch.autograd.functional.jacobian times the tangents) and central finite differences, the
 * dual-tensor API's errors, custom Functions with jvp / save_for_forward, in-place ops on dual
 * tensors, and the level's lifetime.
 */
import { torch } from "../../src";
import { build, expectClose, expectError, readReference, type Encoded, type Err } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
type Ctx = torch.autograd.FunctionCtx;
const F = torch.nn.functional;
const fwAD = torch.autograd.forward_ad;

interface OpCase {
  inputs: Encoded[];
  tangents: Encoded[];
  out: Encoded;
  jvp: Encoded;
}
const R = readReference<{ ops: Record<string, OpCase>; errors: Record<string, Err | boolean> }>("forward_ad.json");

// The same table as gen_forward_ad.py's CASES.
const CASES: Record<string, (...xs: Tensor[]) => Tensor> = {
  add: (a, b) => a.add(b),
  sub_alpha: (a, b) => torch.sub(a, b, { alpha: 2 }),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  pow_scalar: (a) => a.pow(3),
  pow_tensor: (a, b) => a.pow(b),
  exp: (a) => torch.exp(a),
  log: (a) => torch.log(a),
  sqrt: (a) => torch.sqrt(a),
  sin: (a) => torch.sin(a),
  cos: (a) => torch.cos(a),
  tanh: (a) => torch.tanh(a),
  sigmoid: (a) => torch.sigmoid(a),
  relu: (a) => F.relu(a),
  leaky_relu: (a) => F.leaky_relu(a, 0.1),
  gelu: (a) => F.gelu(a),
  elu: (a) => F.elu(a),
  softplus: (a) => F.softplus(a),
  abs: (a) => torch.abs(a),
  neg: (a) => torch.neg(a),
  clamp: (a) => a.clamp(-0.5, 0.5),
  matmul: (a, b) => torch.matmul(a, b),
  bmm: (a, b) => torch.bmm(a, b),
  linear: (x, w, b) => F.linear(x, w, b),
  sum: (a) => a.sum(),
  sum_dim: (a) => a.sum({ dim: [0, 2] }),
  mean_dim: (a) => a.mean(1, { keepdim: true }),
  var: (a) => a.var({ dim: [0, 2], unbiased: true }),
  amax: (a) => a.amax(1),
  max_dim: (a) => a.max(1)[0],
  norm: (a) => a.norm(),
  softmax: (a) => F.softmax(a, { dim: 1 }),
  log_softmax: (a) => F.log_softmax(a, { dim: 1 }),
  view: (a) => a.view(3, 2),
  reshape_t: (a) => a.t().reshape(-1),
  permute: (a) => a.permute(2, 0, 1),
  unsqueeze_expand: (a) => a.unsqueeze(0).expand(2, 3),
  index: (a) => a.index("1:3, None, :"),
  cat: (a, b) => torch.cat([a, b], 0),
  stack: (a, b) => torch.stack([a, b], 1),
  flatten: (a) => a.flatten(1),
  conv2d: (x, w, b) => F.conv2d(x, w, b, { padding: 1 }),
  conv_transpose2d: (x, w) => F.conv_transpose2d(x, w, { padding: 1 }),
  max_pool2d: (x) => F.max_pool2d(x, 2),
  avg_pool2d: (x) => F.avg_pool2d(x, 2),
  layer_norm: (x, w, b) => F.layer_norm(x, [4], w, b),
  batch_norm_train: (x, w, b) => F.batch_norm(x, null, null, w, b, { training: true }),
  mse_loss: (a, b) => F.mse_loss(a, b),
  cross_entropy: (x) => F.cross_entropy(x, torch.tensor([0, 3, 1])),
  where: (a, b) => torch.where(a.gt(0), a, b),
};

test("the table covers every case of the fixture", () => {
  expect(Object.keys(CASES).sort()).toEqual(Object.keys(R.ops).sort());
});

/**
 * Ops whose backward tfjs cannot differentiate (avg_pool2d's: its gradient kernel has no gradient on
 * the cpu backend, and needs DepthwiseConv2dNativeBackpropInput, which wasm lacks): they raise
 * NotImplementedError naming the op.
 */
const UNSUPPORTED: Record<string, string> = { avg_pool2d: "avg_pool2d" };
const unsupported = (name: string): string | undefined => UNSUPPORTED[name];

describe.each(Object.keys(CASES))("forward AD: %s", (name) => {
  const c = R.ops[name];
  const f = CASES[name];
  const ins = (): Tensor[] => c.inputs.map((e) => build(e));
  const ts = (): Tensor[] => c.tangents.map((e) => build(e));

  test("primal and tangent match PyTorch", () => {
    if (unsupported(name) !== undefined) {
      fwAD.dual_level(() => {
        const tangents = ts();
        // (The tangent is computed when first read: the op's next use, or unpack_dual.)
        expect(() => fwAD.unpack_dual(f(...ins().map((x, i) => fwAD.make_dual(x, tangents[i]))))).toThrow(
          new RegExp(`^Trying to use forward AD with ${unsupported(name)} that does not support it because it has not been implemented yet`),
        );
      });
      return;
    }
    const [p, t] = fwAD.dual_level(() => {
      const tangents = ts();
      const out = f(...ins().map((x, i) => fwAD.make_dual(x, tangents[i])));
      return fwAD.unpack_dual(out);
    });
    expectClose(`${name} primal`, p, c.out);
    expect(t).not.toBeNull();
    expectClose(`${name} tangent`, t!, c.jvp, 1e-3, 1e-4);
  });

  test("tangent matches reverse mode's jvp and finite differences", () => {
    if (unsupported(name) !== undefined) return;
    const x = ins();
    const v = ts();
    // Reverse mode: the full Jacobian (one backward per output element) times the tangents.
    const jac = torch.autograd.functional.jacobian((...xs: Tensor[]) => f(...xs), x) as Tensor[];
    const fwd = fwAD.dual_level(() => fwAD.unpack_dual(f(...x.map((xi, i) => fwAD.make_dual(xi, v[i])))).tangent!);
    const n = fwd.numel();
    const rev = x.map((xi, i) => jac[i].reshape(n, xi.numel()).matmul(v[i].reshape(-1))).reduce((a, b) => a.add(b)).reshape(fwd.shape);
    expect(fwd.allclose(rev, { rtol: 1e-3, atol: 1e-4 })).toBe(true);
    // Central differences along the tangent (away from kinks: the inputs avoid them, see the generator).
    const h = 1e-2;
    const plus = torch.no_grad(() => f(...x.map((xi, i) => xi.add(v[i].mul(h)))));
    const minus = torch.no_grad(() => f(...x.map((xi, i) => xi.sub(v[i].mul(h)))));
    const fd = plus.sub(minus).div(2 * h);
    const kinks = ["relu", "leaky_relu", "abs", "clamp", "amax", "max_dim", "max_pool2d", "where"];
    if (!kinks.includes(name)) expect(fwd.allclose(fd, { rtol: 2e-2, atol: 2e-3 })).toBe(true);
  });
});

describe("dual tensors", () => {
  test("errors of the dual-tensor API as PyTorch words them", () => {
    const E = R.errors as Record<string, Err>;
    expectError(() => fwAD.make_dual(torch.ones(2), torch.ones(2)), E.no_level);
    expectError(() => fwAD.exit_dual_level(), E.exit_without_level);
    fwAD.dual_level(() => {
      expectError(() => fwAD.make_dual(torch.ones(2), torch.ones(3)), E.size);
      expectError(() => fwAD.make_dual(torch.ones(2, { dtype: torch.int64 }), torch.ones(2)), E.int_primal);
      expectError(() => fwAD.make_dual(torch.ones(2), torch.ones(2, { dtype: torch.int64 })), E.int_tangent);
      expectError(() => fwAD.enter_dual_level(), E.nested);
      expectError(() => fwAD.make_dual(torch.ones(2), torch.ones(2), { level: 3 }), E.bad_level);
    });
    expect(fwAD.unpack_dual(torch.ones(2)).tangent === null).toBe(R.errors.unpack_outside);
  });

  test("unpack_dual is a named pair; tangents are gone after the level", () => {
    const x = torch.randn(3);
    const v = torch.randn(3);
    const y = fwAD.dual_level(() => {
      const d = fwAD.make_dual(x, v);
      const u = fwAD.unpack_dual(d);
      const [p, t] = u;
      expect(u.tangent).toBe(v);
      expect(t).toBe(v);
      expect(p.equal(x)).toBe(true);
      expect(fwAD.unpack_dual(p).tangent).toBeNull();
      return d.mul(2);
    });
    expect(fwAD.unpack_dual(y).tangent).toBeNull();
    // A new level starts clean, and enter/exit work as a pair too.
    const level = fwAD.enter_dual_level();
    expect(level).toBe(0);
    expect(fwAD.unpack_dual(y).tangent).toBeNull();
    fwAD.exit_dual_level();
  });

  test("a level is closed when its function throws", () => {
    expect(() => fwAD.dual_level(() => { throw new Error("boom"); })).toThrow("boom");
    expect(() => fwAD.make_dual(torch.ones(1), torch.ones(1))).toThrow(/no level exists/);
  });

  test("in-place ops update the tangent, as PyTorch's d.mul_(3) does", () => {
    const [p, t] = fwAD.dual_level(() => {
      const d = fwAD.make_dual(torch.ones(3), torch.ones(3));
      d.mul_(3);
      d.add_(torch.ones(3));
      return fwAD.unpack_dual(d);
    });
    expect(Array.from(p.dataSync())).toEqual([4, 4, 4]);
    expect(Array.from(t!.dataSync())).toEqual([3, 3, 3]);
  });

  test("a dual primal that requires grad keeps its reverse-mode graph", () => {
    const x = torch.tensor([1, 2, 3], { dtype: torch.float32, requires_grad: true });
    const g = fwAD.dual_level(() => {
      const d = fwAD.make_dual(x, torch.ones(3));
      const y = d.pow(2).sum();
      expect(fwAD.unpack_dual(y).tangent!.item()).toBeCloseTo(12, 5);
      return torch.autograd.grad(y, x)[0];
    });
    expect(Array.from(g.dataSync())).toEqual([2, 4, 6]);
  });

  test("an op whose forward derivative cannot be computed raises NotImplementedError naming it", () => {
    // The tfjs autodiff of a closure that reads the gradient back into JavaScript would be wrong.
    const err = fwAD.dual_level(() => {
      try {
        torch.cdist(fwAD.make_dual(torch.eye(2), torch.eye(2)), torch.eye(2));
        return null;
      } catch (e) {
        return e as Error;
      }
    });
    if (err !== null) {
      expect(err.name).toBe("NotImplementedError");
      expect(err.message).toMatch(/^Trying to use forward AD with \w+ that does not support it because it has not been implemented yet\./);
    }
  });
});

describe("paths that skip the tape do not drop tangents", () => {
  const fdAlong = (f: (x: Tensor) => Tensor, x: Tensor, v: Tensor): Tensor => {
    const h = 1e-2;
    return torch.no_grad(() => f(x.add(v.mul(h))).sub(f(x.sub(v.mul(h)))).div(2 * h));
  };

  test("conv2d, relu and max_pool2d under no_grad (PyTorch's forward AD ignores grad mode)", () => {
    torch.manual_seed(0);
    const conv = new torch.nn.Conv2d(1, 2, 3);
    const f = (x: Tensor): Tensor => F.max_pool2d(F.relu(conv(x)), 2);
    const x = torch.randn(2, 1, 6, 6);
    const v = torch.randn(2, 1, 6, 6);
    const t = torch.no_grad(() => fwAD.dual_level(() => fwAD.unpack_dual(f(fwAD.make_dual(x, v))).tangent));
    expect(t).not.toBeNull();
    expect(t!.allclose(fdAlong(f, x, v), { rtol: 2e-2, atol: 2e-3 })).toBe(true);
  });

  test("nn.LSTM and nn.GRU: a tangent, or NotImplementedError naming the op, never none", () => {
    torch.manual_seed(0);
    for (const rnn of [new torch.nn.LSTM(3, 4), new torch.nn.GRU(3, 4)]) {
      const f = (x: Tensor): Tensor => (rnn(x) as [Tensor, unknown])[0];
      const x = torch.randn(5, 1, 3);
      const v = torch.randn(5, 1, 3);
      for (const mode of [true, false]) {
        let t: Tensor | null = null;
        let err: Error | null = null;
        torch.set_grad_enabled(mode, () =>
          fwAD.dual_level(() => {
            try {
              t = fwAD.unpack_dual(f(fwAD.make_dual(x, v))).tangent;
            } catch (e) {
              err = e as Error;
            }
          }),
        );
        if (err !== null) {
          expect((err as Error).name).toBe("NotImplementedError");
          expect((err as Error).message).toMatch(/^Trying to use forward AD with \w+ that does not support it/);
        } else {
          expect(t).not.toBeNull();
          expect(t!.allclose(fdAlong(f, x, v), { rtol: 2e-2, atol: 2e-3 })).toBe(true);
        }
      }
    }
  });
});

describe("custom Function with jvp", () => {
  class MulAdd extends torch.autograd.Function {
    static forward(ctx: Ctx, x: Tensor, y: Tensor, k: number): Tensor {
      ctx.save_for_forward(x, y);
      ctx.k = k;
      // forward sees the primals only, as in PyTorch.
      expect(fwAD.unpack_dual(x).tangent).toBeNull();
      return x.mul(y).add(k);
    }
    static backward(ctx: Ctx, g: Tensor): (Tensor | null)[] {
      void ctx;
      return [g, g, null];
    }
    static jvp(ctx: Ctx, tx: Tensor, ty: Tensor, tk: null): Tensor {
      expect(tk).toBeNull();
      const [x, y] = ctx.saved_tensors;
      return tx.mul(y).add(ty.mul(x));
    }
  }
  class NoJvp extends torch.autograd.Function {
    static forward(ctx: Ctx, x: Tensor): Tensor {
      void ctx;
      return x.mul(2);
    }
    static backward(ctx: Ctx, g: Tensor): Tensor {
      void ctx;
      return g.mul(2);
    }
  }

  test("jvp gets one tangent per argument (zeros for an input without one) and its result is the output's tangent", () => {
    const t = fwAD.dual_level(() => {
      const f32 = { dtype: torch.float32 };
      const x = fwAD.make_dual(torch.tensor([1, 2.5]), torch.tensor([1, 1], f32));
      return fwAD.unpack_dual(MulAdd.apply(x, torch.tensor([3, 4], f32), 5)).tangent!;
    });
    expect(Array.from(t.dataSync())).toEqual([3, 4]);
  });

  test("a Function without jvp refuses forward AD with PyTorch's message", () => {
    fwAD.dual_level(() => {
      expectError(() => NoJvp.apply(fwAD.make_dual(torch.ones(2), torch.ones(2))), R.errors.function_without_jvp as Err);
    });
  });

  test("gradcheck with check_forward_ad checks jvp against finite differences", () => {
    class BadJvp extends NoJvp {
      static jvp(ctx: Ctx, t: Tensor): Tensor {
        void ctx;
        return t.mul(3);
      }
    }
    const x = torch.randn(3, { requires_grad: true });
    expect(torch.autograd.gradcheck((x: Tensor) => MulAdd.apply(x, torch.ones(3), 1), [x], { check_forward_ad: true })).toBe(true);
    expect(() => torch.autograd.gradcheck((x: Tensor) => BadJvp.apply(x), [x], { check_forward_ad: true, check_backward_ad: false })).toThrow(
      /^Jacobian computed with forward mode mismatch for output 0 with respect to input 0,/,
    );
    expect(torch.autograd.gradcheck((x: Tensor) => BadJvp.apply(x), [x], { check_forward_ad: true, check_backward_ad: false, raise_exception: false })).toBe(false);
    expect(() => torch.autograd.gradcheck((x: Tensor) => x.mul(2), [x], { check_backward_ad: false })).toThrow("Expected at least one of check_forward_ad or check_backward_ad to be True");
    expect(() => torch.autograd.gradcheck((x: Tensor) => x.mul(2), [x], { check_batched_grad: true })).toThrow(/check_batched_grad=true is not supported/);
  });
});

describe("torch.func", () => {
  test("jvp of a function of several primals, and of an array of parameters", () => {
    const [a, b, ta, tb] = [torch.randn(3), torch.randn(3), torch.randn(3), torch.randn(3)];
    const [out, t] = torch.func.jvp((x: Tensor, y: Tensor) => x.mul(y), [a, b], [ta, tb]);
    expect(out.allclose(a.mul(b))).toBe(true);
    expect(t.allclose(ta.mul(b).add(tb.mul(a)), { atol: 1e-6 })).toBe(true);
    const [, tc] = torch.func.jvp(() => torch.ones(2), [], []);
    expect(Array.from(tc.dataSync())).toEqual([0, 0]);
    expect(() => torch.func.jvp((x: Tensor) => x, [a], [torch.ones(2)])).toThrow(/same shape/);
  });

  test("functional_call puts the module's own parameters back, in their order", () => {
    const m = new torch.nn.Linear(2, 2);
    const w = torch.zeros(2, 2);
    const out = torch.nn.utils.stateless.functional_call(m, { weight: w }, [torch.ones(1, 2)]) as Tensor;
    expect(out.allclose(m.bias!.unsqueeze(0))).toBe(true);
    expect(m.named_parameters().map(([n]) => n)).toEqual(["weight", "bias"]);
    expect(m.weight).toBeInstanceOf(torch.nn.Parameter);
    expect(() => torch.nn.utils.stateless.functional_call(m, { nope: w }, [torch.ones(1, 2)])).toThrow(/no parameter or buffer named 'nope'/);
  });
});
