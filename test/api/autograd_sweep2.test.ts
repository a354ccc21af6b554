/**
 * The second autograd sweep against PyTorch 1.13 (test/reference/gen_autograd_sweep2.py): create_graph
 * gradients that read no tensor requiring grad are plain tensors, the node names of composite ops'
 * first and second derivatives, prod's double backward with zeros, inference tensors, as_strided,
 * autograd.functional's strict / vectorize errors, detach_ on a view, enable_grad as a decorator,
 * gradcheck's no-input error, the non-leaf .grad warning.
 * Each case is the TypeScript spelling of the generator's Python function of the same name, printed
 * by print()'s str(); an error case checks the error's type and PyTorch's message.
 */
import { torch } from "../../src";
import { pyStr } from "../../src/display/print";
import { asPyTuple } from "../../src/pyrepr";
import { readReference } from "../tensor/fixtures";
import type { ndarray } from "../../src/tensor/ndarray";

type Ref = { print: string } | { error: [string, string] };
const ref = readReference<Record<string, Ref>>("autograd_sweep2.json");
type Tensor = torch.Tensor;
const F = torch.nn.functional;

// JS has no 1.0: the float tensors Python writes with a decimal point are float32 here by their dtype.
const f32 = (v: number[]): Tensor => torch.tensor(v, { dtype: torch.float32 });
const tup = (...items: unknown[]): unknown[] => asPyTuple(items);
const P = (v: unknown): Tensor => torch.tensor(v as number[], { dtype: torch.float32, requires_grad: true });
const nodeName = (t: Tensor): string | null => (t.grad_fn ? t.grad_fn.name() : null);
/** The node names of the first and second derivatives of f(x).sum(), and the second derivative. */
function orders(f: (x: Tensor) => Tensor, v: number[]): unknown {
  const x = P(v);
  const g = torch.autograd.grad(f(x).sum(), x, { create_graph: true })[0]!;
  const h = torch.autograd.grad(g.sum(), x, { create_graph: true })[0]!;
  return tup(nodeName(g), nodeName(h), h);
}
function constantGrad(f: (x: Tensor) => Tensor): unknown {
  const x = P([1.0, 2.0]);
  const g = torch.autograd.grad(f(x).sum(), x, { create_graph: true })[0]!;
  return tup(g, g.requires_grad, g.grad_fn);
}
function prodDouble(v: unknown, dim?: number): unknown {
  const x = P(v);
  const y = dim === undefined ? x.prod() : x.prod(dim).sum();
  const g = torch.autograd.grad(y, x, { create_graph: true })[0]!;
  const h = torch.autograd.grad(g.mul(torch.arange(1, 1 + g.numel()).view_as(g)).sum(), x)[0];
  return tup(g.detach(), h);
}
const inference = (): Tensor => torch.inference_mode(() => torch.ones(2));
const POS = [0.7, 1.3];
const MIX = [0.7, -1.3];

const CASES: Record<string, () => unknown> = {
  create_graph_constant_mul: () => constantGrad((x) => x.mul(3)),
  create_graph_constant_add: () => constantGrad((x) => x.add(1)),
  create_graph_constant_mean: () => constantGrad((x) => x.mean()),
  create_graph_constant_div: () => constantGrad((x) => x.div(f32([2.0, 3.0]))),
  backward_create_graph_constant: () => {
    const x = P([1.0, 2.0]);
    x.mul(3).sum().backward({ create_graph: true });
    return tup(x.grad, x.grad!.requires_grad, x.grad!.grad_fn);
  },
  create_graph_mixed: () => {
    const x = P([1.0, 2.0]);
    const w = P([1.0, 2.0]);
    const g = torch.autograd.grad(x.mul(w).sum(), x, { create_graph: true })[0]!;
    return tup(g, g.grad_fn!.name());
  },
  orders_exp: () => orders((x) => x.exp(), MIX),
  orders_log: () => orders((x) => x.log(), POS),
  orders_sin: () => orders((x) => x.sin(), MIX),
  orders_cos: () => orders((x) => x.cos(), MIX),
  orders_tan: () => orders((x) => x.tan(), [0.5, -0.25]),
  orders_pow: () => orders((x) => x.pow(3), MIX),
  orders_sqrt: () => orders((x) => x.sqrt(), POS),
  orders_rsqrt: () => orders((x) => x.rsqrt(), POS),
  orders_reciprocal: () => orders((x) => x.reciprocal(), POS),
  orders_log1p: () => orders((x) => x.log1p(), POS),
  orders_expm1: () => orders((x) => x.expm1(), MIX),
  orders_atan: () => orders((x) => x.atan(), MIX),
  orders_sinh: () => orders((x) => x.sinh(), MIX),
  orders_cosh: () => orders((x) => x.cosh(), MIX),
  orders_erf: () => orders((x) => x.erf(), MIX),
  orders_atan2: () => orders((x) => torch.atan2(x, f32([1.0, 2.0])), MIX),
  orders_abs_pow: () => orders((x) => x.abs().pow(2), MIX),
  orders_silu: () => orders((x) => F.silu(x), MIX),
  orders_softplus: () => orders((x) => F.softplus(x), MIX),
  orders_gelu: () => orders((x) => F.gelu(x), MIX),
  orders_elu: () => orders((x) => F.elu(x), MIX),
  orders_tanh: () => orders((x) => x.tanh(), MIX),
  orders_sigmoid: () => orders((x) => x.sigmoid(), MIX),
  orders_relu_pow: () => orders((x) => F.relu(x).pow(2), MIX),
  orders_leaky_relu_pow: () => orders((x) => F.leaky_relu(x, 0.1).pow(2), MIX),
  orders_logsumexp: () => orders((x) => x.logsumexp(0), MIX),
  orders_std: () => orders((x) => x.std(), MIX),
  orders_mse: () => orders((x) => F.mse_loss(x, torch.zeros(2)), MIX),
  orders_mul_self: () => orders((x) => x.mul(x), MIX),
  orders_prod: () => orders((x) => x.prod(), [2.0, 4.0]),
  prod_double_no_zero: () => prodDouble([1.0, 2.0, 3.0]),
  prod_double_one_zero: () => prodDouble([1.0, 0.0, 3.0]),
  prod_double_dim_zero: () => prodDouble([[1.0, 2.0], [0.0, 3.0]], 1),
  prod_double_dim_3: () => prodDouble([[1.0, 2.0, 4.0], [0.5, 0.0, 3.0]], 1),
  inference_flags: () => {
    const x = inference();
    const [y, inside] = torch.inference_mode(() => [torch.ones(2).clone(), torch.is_inference_mode_enabled()] as const);
    return tup(x.is_inference(), x.requires_grad, torch.ones(2).is_inference(), x.add(1).is_inference(), y.is_inference(), inside, torch.is_inference_mode_enabled());
  },
  inference_saved_error: () => {
    const x = inference();
    x.mul(P([1.0, 2.0])).sum();
  },
  inference_not_saved_ok: () => {
    const x = inference();
    const w = P([1.0, 2.0]);
    w.mul(2).add(x).sum().backward();
    return w.grad;
  },
  inference_inplace_error: () => inference().add_(1),
  inference_setitem_error: () => inference().__setitem__(0, 3.0),
  inference_requires_grad_error: () => inference().requires_grad_(),
  inference_clone_ok: () => {
    const x = inference().clone();
    const w = P([1.0, 2.0]);
    x.mul(w).sum().backward();
    return tup(x.is_inference(), w.grad);
  },
  as_strided_grad: () => {
    const x = torch.arange(6, { dtype: torch.float32 }).requires_grad_();
    const y = torch.as_strided(x, [2, 2], [1, 2]);
    y.mul(torch.tensor([[1.0, 2.0], [3.0, 4.0]])).sum().backward();
    return tup(y, x.grad);
  },
  as_strided_overlap_grad: () => {
    const x = torch.arange(6, { dtype: torch.float32 }).requires_grad_();
    const y = x.as_strided([3, 2], [1, 1], 1);
    y.sum().backward();
    return tup(y, y.grad_fn!.name(), x.grad);
  },
  as_strided_view: () => {
    const x = torch.arange(6, { dtype: torch.float32 });
    const y = x.as_strided([2], [3]);
    y.mul_(10);
    return tup(y, y._base === x, x);
  },
  as_strided_of_view: () => torch.arange(6, { dtype: torch.float32 }).view(2, 3).t().as_strided([2, 2], [1, 3]),
  as_strided_of_detached_write: () => {
    const w = torch.tensor([0.5, -1.0, 2.0, 0.0], { requires_grad: true });
    const s = torch.softmax(w, 0);
    s.detach().as_strided([2], [1], 0).fill_(0.5);
    return tup(s, s.grad_fn!.name());
  },
  from_numpy_of_data_write: () => {
    const w = torch.tensor([0.5, -1.0, 2.0, 0.0], { requires_grad: true });
    const s = torch.softmax(w, 0);
    const x = torch.from_numpy((s.data.numpy() as unknown as ndarray).__getitem__("1:3"));
    x.fill_(0.25);
    return tup(s, s.grad_fn!.name(), x.grad_fn);
  },
  as_strided_bounds_error: () => torch.arange(6, { dtype: torch.float32 }).as_strided([4], [2]),
  jacobian_strict_vectorize_error: () => torch.autograd.functional.jacobian((a: Tensor) => a.pow(2), f32([1.0, 2.0]), { strict: true, vectorize: true }),
  hessian_strict_linear_error: () => torch.autograd.functional.hessian((a: Tensor) => a.sum(), f32([1.0, 2.0]), { strict: true }),
  hvp_strict_linear_error: () => torch.autograd.functional.hvp((a: Tensor) => a.sum(), f32([1.0, 2.0]), f32([1.0, 1.0]), { strict: true }),
  vjp_create_graph: () => torch.autograd.functional.vjp((a: Tensor) => a.pow(2), f32([1.0, 2.0]), f32([1.0, 1.0]), { create_graph: true }),
  hvp_create_graph: () => torch.autograd.functional.hvp((a: Tensor) => a.pow(3).sum(), f32([1.0, 2.0]), f32([1.0, 1.0]), { create_graph: true }),
  detach_view_error: () => P([1.0, 2.0]).view(2).detach_(),
  detach_nonleaf: () => {
    const y = P([1.0]).mul(2);
    y.detach_();
    return tup(y.requires_grad, y.grad_fn, y.is_leaf);
  },
  enable_grad_decorator: () => {
    const f = torch.enable_grad()((a: Tensor) => a.mul(2));
    const x = P([1.0]);
    return torch.no_grad(() => f(x).requires_grad);
  },
  gradcheck_no_input_error: () => torch.autograd.gradcheck((t: Tensor) => t.exp(), [torch.tensor([1.0, 2.0], { dtype: torch.float64 })]),
  nonleaf_grad_warns: () => {
    const y = P([1.0, 2.0]).mul(2);
    const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      const g = y.grad;
      return tup(g, String(spy.mock.calls[0]?.[0]));
    } finally {
      spy.mockRestore();
    }
  },
};

const ERRORS: Record<string, new (...args: never[]) => Error> = {
  RuntimeError: torch.RuntimeError,
  TypeError: torch.TypeError,
  ValueError: torch.ValueError,
};

describe("autograd semantics print as PyTorch's (second sweep)", () => {
  test("every generator case has a TypeScript spelling", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(ref).filter((k) => k !== "versions").sort());
  });
  test.each(Object.keys(CASES))("%s", (name) => {
    const want = ref[name];
    if ("error" in want) {
      let thrown: unknown;
      try {
        CASES[name]();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ERRORS[want.error[0]]);
      expect((thrown as Error).message).toContain(want.error[1]);
      return;
    }
    expect(pyStr(CASES[name]())).toBe(want.print);
  });
});
