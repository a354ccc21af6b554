/**
 * `torch.autograd.functional`: the vector-Jacobian product and the Jacobian of a function of tensors,
 * as PyTorch 1.13 computes them: the inputs are detached copies that require grad, the function runs
 * with grad enabled, an input an output does not depend on gets zeros (or an error when `strict`),
 * and the results are detached unless `create_graph` (then they stay on the tape, and an input that
 * requires grad keeps its graph: hessian is the jacobian of a jacobian). hessian, vhp and hvp are
 * built on create_graph (src/autograd/create_graph.ts).
 */
import { NotImplementedError, RuntimeError, TypeError } from "../errors";
import { parseArgs } from "../tensor/args";
import { Tensor } from "../tensor/tensor";
import { arange, zeros_like, zeros } from "../ops/creation";
import { stack } from "../ops/movement";
import { enable_grad } from "./grad_mode";
import { grad } from "./index";
import { asPyTuple } from "../pyrepr";

type Inputs = Tensor | Tensor[];

function asTuple(op: string, what: string, x: unknown): [Tensor[], boolean] {
  const isTuple = Array.isArray(x);
  const list = (isTuple ? x : [x]) as unknown[];
  list.forEach((t, i) => {
    if (!(t instanceof Tensor)) {
      throw new TypeError(`The ${what} given to ${op} must be either a Tensor or a tuple of Tensors but the value at index ${i} has type ${t === null ? "None" : typeof t}.`);
    }
  });
  return [list as Tensor[], isTuple];
}

/**
 * Runs `func` on copies of `inputs` that require grad (detached, or with create_graph a view keeping an
 * input's own graph, as PyTorch's _grad_preprocess); returns them with the outputs.
 */
function run(op: string, func: (...xs: Tensor[]) => Inputs, inputs: Inputs, createGraph = false): { ins: Tensor[]; insTuple: boolean; outs: Tensor[]; outsTuple: boolean } {
  const [given, insTuple] = asTuple(op, "inputs", inputs);
  const ins = given.map((t) => (createGraph && t.requires_grad ? t.view_as(t) : t.detach().requires_grad_(true)));
  const result = enable_grad(() => func(...ins));
  const [outs, outsTuple] = asTuple(op, "outputs of the user-provided function", result);
  return { ins, insTuple, outs, outsTuple };
}

/** strict mode's check that each output is on the graph (PyTorch's _check_requires_grad). */
function checkOutputs(outs: Tensor[], strict: unknown): void {
  if (!strict) return;
  const i = outs.findIndex((t) => !t.requires_grad);
  if (i >= 0) {
    throw new RuntimeError(`Output ${i} of the user-provided function does not require gradients. The outputs must be computed in a differentiable manner from the input when running in strict mode.`);
  }
}

function independent(op: string, i: number, j: number): RuntimeError {
  const what = op === "vjp" ? `The output of the user-provided function is independent of input ${j}` : `Output ${i} of the user-provided function is independent of input ${j}`;
  return new RuntimeError(`${what}. This is not allowed in strict mode.`);
}

/**
 * The outputs of `func(...inputs)` and the product of the vector `v` with their Jacobian (the
 * gradient of sum(outputs * v) with respect to each input).
 *
 * Args:
 *   func: a function of tensors returning a Tensor or an array of Tensors.
 *   inputs: a Tensor or an array of Tensors (func's arguments).
 *   v: the vector, shaped as the outputs; may be left out when the output is a single element.
 *   strict: raise when an output does not depend on an input instead of returning zeros.
 *
 * Returns [outputs, vjp] (each a Tensor or an array, as given), detached.
 *
 * @example
 * torch.autograd.functional.vjp((x) => x.mul(2), torch.ones(3), torch.tensor([0.1, 1, 0.0001]))
 */
export function vjp(
  func: (...xs: Tensor[]) => Inputs,
  inputs: Inputs,
  v?: Inputs | null | { v?: Inputs | null; create_graph?: boolean; strict?: boolean },
  options?: { create_graph?: boolean; strict?: boolean },
): [Inputs, Inputs] {
  const o = parseArgs("vjp", [v, options], ["v", "create_graph", "strict"]);
  const cg = Boolean(o.create_graph);
  const { ins, insTuple, outs, outsTuple } = run("vjp", func, inputs, cg);
  checkOutputs(outs, o.strict);
  let vs: Tensor[] | null = null;
  if (o.v !== undefined && o.v !== null) {
    [vs] = asTuple("vjp", "v", o.v);
    if (vs.length !== outs.length) throw new RuntimeError(`v is a tuple of invalid length: should be ${outs.length} but got ${vs.length}.`);
    vs.forEach((t, i) => {
      if (t.shape.join(",") !== outs[i].shape.join(",")) {
        throw new RuntimeError(`v has invalid size: should be torch.Size([${outs[i].shape.join(", ")}]) but got torch.Size([${t.shape.join(", ")}]).`);
      }
    });
  } else if (outs.length !== 1 || outs[0].numel() !== 1) {
    throw new RuntimeError("The vector v can only be None if the user-provided function returns a single Tensor with a single element.");
  }
  const live = outs.map((t, i) => [t, vs === null ? null : vs[i]] as const).filter(([t]) => t.requires_grad);
  const grads = live.length === 0 ? ins.map(() => null) : grad(live.map(([t]) => t), ins, live.map(([, g]) => g), { allow_unused: true, create_graph: cg });
  const res = grads.map((g, j) => {
    if (g !== null) return g;
    if (o.strict) throw independent("vjp", 0, j);
    return zeros_like(ins[j]);
  });
  const detached = cg ? outs : outs.map((t) => t.detach());
  return asPyTuple([outsTuple ? asPyTuple(detached) : detached[0], insTuple ? asPyTuple(res) : res[0]]) as [Inputs, Inputs];
}

/**
 * The Jacobian of `func` at `inputs`: for output i and input j, a tensor of shape
 * outputs[i].shape + inputs[j].shape.
 *
 * Args:
 *   func: a function of tensors returning a Tensor or an array of Tensors.
 *   inputs: a Tensor or an array of Tensors (func's arguments).
 *   strict: raise when an output does not depend on an input instead of returning zeros.
 *
 * Returns a Tensor for one input and one output, an array over the inputs (or outputs) when only
 * those are an array, and an array (outputs) of arrays (inputs) when both are.
 *
 * @example
 * torch.autograd.functional.jacobian((x, y) => x.exp().mul(2).add(y.mul(3)), [torch.rand(1), torch.rand(1)])
 */
export function jacobian(
  func: (...xs: Tensor[]) => Inputs,
  inputs: Inputs,
  options: { create_graph?: boolean; strict?: boolean; vectorize?: boolean; strategy?: "reverse-mode" | "forward-mode" } = {},
): Tensor | Tensor[] | Tensor[][] {
  const o = parseArgs("jacobian", [options], ["create_graph", "strict", "vectorize", "strategy"]);
  if (o.strict && o.vectorize) {
    throw new RuntimeError("torch.autograd.functional.jacobian: `strict=True` and `vectorized=True` are not supported together. Please either set `strict=False` or `vectorize=False`.");
  }
  const cg = Boolean(o.create_graph);
  if (o.strategy !== undefined && o.strategy !== "reverse-mode") throw new NotImplementedError(`jacobian(): strategy="${String(o.strategy)}" is not supported by torchlab (reverse-mode only)`);
  const { ins, insTuple, outs, outsTuple } = run("jacobian", func, inputs, cg);
  checkOutputs(outs, o.strict);
  const jac = outs.map((out, i) => {
    // One backward sweep per output element, seeded with that element's one-hot vector.
    const rows: Tensor[][] = ins.map(() => []);
    const used = ins.map(() => false);
    const n = out.numel();
    for (let k = 0; k < n; k++) {
      const grads = out.requires_grad
        ? grad([out], ins, [arange(n).eq(k).float().view(out.shape)], { retain_graph: true, allow_unused: true, create_graph: cg })
        : ins.map(() => null);
      grads.forEach((g, j) => {
        if (g !== null) used[j] = true;
        rows[j].push(g ?? zeros_like(ins[j]));
      });
    }
    return ins.map((x, j) => {
      if (o.strict && !used[j] && n > 0) throw independent("jacobian", i, j);
      const m = n === 0 ? zeros([0, ...x.shape]) : stack(rows[j], 0);
      const r = m.view([...out.shape, ...x.shape]);
      // An output off the graph gives zeros that are off it too, even with create_graph.
      return cg && used[j] ? r : r.detach();
    });
  });
  if (outsTuple && insTuple) return asPyTuple(jac.map((r) => asPyTuple(r)));
  if (outsTuple) return asPyTuple(jac.map((r) => r[0]));
  if (insTuple) return asPyTuple(jac[0]);
  return jac[0][0];
}

/** The one output of `func`, which must be a single one-element Tensor (hessian, vhp, hvp). */
function scalarOutput(op: string, func: (...xs: Tensor[]) => Inputs): (...xs: Tensor[]) => Tensor {
  return (...xs) => {
    const out = func(...xs);
    if (!(out instanceof Tensor)) throw new RuntimeError(`The function given to ${op} should return a single Tensor`);
    if (out.numel() !== 1) throw new RuntimeError(`The Tensor returned by the function given to ${op} should contain a single element`);
    return out;
  };
}

/**
 * The Hessian of a scalar function `func` at `inputs`: the jacobian of its gradient. For one input,
 * a tensor of shape inputs.shape + inputs.shape; for an array of inputs, an array of arrays
 * (`hessian[i][j]` for inputs i and j).
 *
 * Args:
 *   func: a function of tensors returning a one-element Tensor.
 *   inputs: a Tensor or an array of Tensors.
 *   create_graph: keep the result on the tape (to differentiate it again).
 *   strict: raise when the output does not depend on an input instead of returning zeros.
 *
 * @example
 * torch.autograd.functional.hessian((x) => x.pow(3).sum(), torch.tensor([1., 2.]))  // [[6, 0], [0, 12]]
 */
export function hessian(
  func: (...xs: Tensor[]) => Inputs,
  inputs: Inputs,
  options: { create_graph?: boolean; strict?: boolean; vectorize?: boolean; outer_jacobian_strategy?: "reverse-mode" | "forward-mode" } = {},
): Tensor | Tensor[][] {
  const o = parseArgs("hessian", [options], ["create_graph", "strict", "vectorize", "outer_jacobian_strategy"]);
  if (o.outer_jacobian_strategy !== undefined && o.outer_jacobian_strategy !== "reverse-mode") {
    throw new NotImplementedError(`hessian(): outer_jacobian_strategy="${String(o.outer_jacobian_strategy)}" is not supported by torchlab (reverse-mode only)`);
  }
  const f = scalarOutput("hessian", func);
  const strict = Boolean(o.strict);
  const jac = (...xs: Tensor[]): Inputs => {
    const j = jacobian(f, Array.isArray(inputs) ? xs : xs[0], { create_graph: true }) as Inputs;
    if (strict) (Array.isArray(j) ? j : [j]).forEach((t, i) => checkJacobianDepends(t, i));
    return j;
  };
  return jacobian(jac, inputs, { create_graph: Boolean(o.create_graph), strict }) as Tensor | Tensor[][];
}

/** hessian / vhp / hvp in strict mode: the first derivative must itself depend on the input (PyTorch's _check_requires_grad). */
function checkJacobianDepends(t: Tensor | null, i: number): void {
  if (t !== null && t.requires_grad) return;
  throw new RuntimeError(
    `While computing the hessian, found that the jacobian of the user-provided function with respect to input ${i} is independent of the input. This is not allowed in strict mode. ` +
      "You should ensure that your function is twice differentiable and that the jacobian depends on the inputs (this would be violated by a linear function for example).",
  );
}

type VhpOptions = { create_graph?: boolean; strict?: boolean };

/** vhp and hvp (the Hessian of a scalar function is symmetric: both are v^T H). */
function vhpOf(op: string, func: (...xs: Tensor[]) => Inputs, inputs: Inputs, v: unknown, options: unknown): [Tensor, Inputs] {
  const o = parseArgs(op, [v, options], ["v", "create_graph", "strict"]);
  const cg = Boolean(o.create_graph);
  const { ins, insTuple, outs } = run(op, scalarOutput(op, func), inputs, cg);
  const out = outs[0];
  let vs: Tensor[] | null = null;
  if (o.v !== undefined && o.v !== null) {
    [vs] = asTuple(op, "v", o.v);
    if (vs.length !== ins.length) throw new RuntimeError(`v is a tuple of invalid length: should be ${ins.length} but got ${vs.length}.`);
    vs.forEach((t, i) => {
      if (t.shape.join(",") !== ins[i].shape.join(",")) {
        throw new RuntimeError(`v has invalid size: should be torch.Size([${ins[i].shape.join(", ")}]) but got torch.Size([${t.shape.join(", ")}]).`);
      }
    });
  } else if (ins.length !== 1 || ins[0].numel() !== 1) {
    throw new RuntimeError("The vector v can only be None if the input to the user-provided function is a single Tensor with a single element.");
  }
  const jac = out.requires_grad ? grad([out], ins, null, { create_graph: true, allow_unused: true }) : ins.map(() => null);
  if (o.strict) jac.forEach((g, j) => checkJacobianDepends(g, j));
  const live = jac.map((g, j) => [g, j] as const).filter(([g]) => g !== null && g.requires_grad) as [Tensor, number][];
  const second = live.length === 0 ? ins.map(() => null) : grad(live.map(([g]) => g), ins, live.map(([, j]) => (vs === null ? null : vs[j])), { create_graph: cg, allow_unused: true });
  const res = second.map((g, j) => {
    if (g !== null) return cg ? g : g.detach();
    if (o.strict) throw new RuntimeError(`The hessian of the user-provided function with respect to input ${j} is independent of the input. This is not allowed in strict mode.`);
    return zeros_like(ins[j]);
  });
  return asPyTuple([cg ? out : out.detach(), insTuple ? asPyTuple(res) : res[0]]) as [Tensor, Inputs];
}

/**
 * The output of scalar `func(...inputs)` and the product of the vector `v` with its Hessian, v^T H.
 *
 * Args:
 *   func: a function of tensors returning a one-element Tensor.
 *   inputs: a Tensor or an array of Tensors.
 *   v: shaped as the inputs; may be left out for a single one-element input.
 *   create_graph, strict: as for vjp.
 *
 * @example
 * torch.autograd.functional.vhp((x) => x.pow(3).sum(), torch.tensor([1., 2.]), torch.ones(2))
 */
export function vhp(func: (...xs: Tensor[]) => Inputs, inputs: Inputs, v?: Inputs | null | ({ v?: Inputs | null } & VhpOptions), options?: VhpOptions): [Tensor, Inputs] {
  return vhpOf("vhp", func, inputs, v, options);
}

/**
 * The output of scalar `func(...inputs)` and the product of its Hessian with the vector `v`, H v
 * (equal to vhp's v^T H: the Hessian is symmetric).
 *
 * @example
 * torch.autograd.functional.hvp((x) => x.pow(3).sum(), torch.tensor([1., 2.]), torch.ones(2))
 */
export function hvp(func: (...xs: Tensor[]) => Inputs, inputs: Inputs, v?: Inputs | null | ({ v?: Inputs | null } & VhpOptions), options?: VhpOptions): [Tensor, Inputs] {
  return vhpOf("hvp", func, inputs, v, options);
}

/**
 * The outputs of `func(...inputs)` and the product of their Jacobian with the vector `v` (shaped as
 * the inputs), J v, computed as PyTorch 1.13 does: the vjp of a vjp (the double-backward trick).
 *
 * Args:
 *   func: a function of tensors returning a Tensor or an array of Tensors.
 *   inputs: a Tensor or an array of Tensors (func's arguments).
 *   v: shaped as the inputs; may be left out for a single one-element input.
 *   create_graph, strict: as for vjp.
 *
 * Returns [outputs, jvp] (each a Tensor or an array, as the outputs are), detached.
 *
 * @example
 * torch.autograd.functional.jvp((x) => x.pow(2), torch.tensor([1., 3.]), torch.tensor([1., 0.5]))  // [.., tensor([2., 3.])]
 */
export function jvp(
  func: (...xs: Tensor[]) => Inputs,
  inputs: Inputs,
  v?: Inputs | null | { v?: Inputs | null; create_graph?: boolean; strict?: boolean },
  options?: { create_graph?: boolean; strict?: boolean },
): [Inputs, Inputs] {
  const o = parseArgs("jvp", [v, options], ["v", "create_graph", "strict"]);
  const cg = Boolean(o.create_graph);
  const { ins, outs, outsTuple } = run("jvp", func, inputs, cg);
  let vs: Tensor[] | null = null;
  if (o.v !== undefined && o.v !== null) {
    [vs] = asTuple("jvp", "v", o.v);
    if (vs.length !== ins.length) throw new RuntimeError(`v is a tuple of invalid length: should be ${ins.length} but got ${vs.length}.`);
    vs.forEach((t, i) => {
      if (t.shape.join(",") !== ins[i].shape.join(",")) {
        throw new RuntimeError(`v has invalid size: should be torch.Size([${ins[i].shape.join(", ")}]) but got torch.Size([${t.shape.join(", ")}]).`);
      }
    });
  } else if (ins.length !== 1 || ins[0].numel() !== 1) {
    throw new RuntimeError("The vector v can only be None if the input to the user-provided function is a single Tensor with a single element.");
  }
  checkOutputs(outs, o.strict);
  // J^T u for a u that requires grad is linear in u; its gradient with respect to u, seeded with v, is J v.
  const us = outs.map((t) => zeros_like(t).requires_grad_(true));
  const live = outs.map((t, i) => i).filter((i) => outs[i].requires_grad);
  const back = live.length === 0 ? ins.map(() => null) : grad(live.map((i) => outs[i]), ins, live.map((i) => us[i]), { create_graph: true, allow_unused: true });
  const onU = back.map((g, j) => [g, j] as const).filter(([g]) => g !== null && g.requires_grad) as [Tensor, number][];
  const fwd = onU.length === 0 ? us.map(() => null) : grad(onU.map(([g]) => g), us, onU.map(([, j]) => (vs === null ? null : vs[j])), { create_graph: cg, allow_unused: true });
  const res = fwd.map((g, i) => {
    if (g !== null) return cg ? g : g.detach();
    if (o.strict) throw new RuntimeError(`The jvp of output ${i} of the user-provided function is independent of the input. This is not allowed in strict mode.`);
    return zeros_like(outs[i]);
  });
  const detached = cg ? outs : outs.map((t) => t.detach());
  return asPyTuple([outsTuple ? asPyTuple(detached) : detached[0], outsTuple ? asPyTuple(res) : res[0]]) as [Inputs, Inputs];
}
