/**
 * `torch.autograd.functional`: the vector-Jacobian product and the Jacobian of a function of tensors,
 * as PyTorch 1.13 computes them: the inputs are detached copies that require grad, the function runs
 * with grad enabled, an input an output does not depend on gets zeros (or an error when `strict`),
 * and the results are detached. torchlab's tape does not record its own backward, so
 * `create_graph` (and with it hessian / hvp / vhp) is refused.
 */
import { NotImplementedError, RuntimeError, TypeError } from "../errors";
import { parseArgs } from "../tensor/args";
import { Tensor } from "../tensor/tensor";
import { arange, zeros_like, zeros } from "../ops/creation";
import { stack } from "../ops/movement";
import { enable_grad } from "./grad_mode";
import { grad } from "./index";

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

function checkOptions(op: string, o: Record<string, unknown>): void {
  if (o.create_graph) throw new NotImplementedError(`${op}(): create_graph=true (higher-order gradients) is not supported by torchlab's tape`);
}

/** Runs `func` on detached copies of `inputs` that require grad; returns them with the outputs. */
function run(op: string, func: (...xs: Tensor[]) => Inputs, inputs: Inputs): { ins: Tensor[]; insTuple: boolean; outs: Tensor[]; outsTuple: boolean } {
  const [given, insTuple] = asTuple(op, "inputs", inputs);
  const ins = given.map((t) => t.detach().requires_grad_(true));
  const result = enable_grad(() => func(...ins));
  const [outs, outsTuple] = asTuple(op, "outputs of the user-provided function", result);
  return { ins, insTuple, outs, outsTuple };
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
  checkOptions("vjp", o);
  const { ins, insTuple, outs, outsTuple } = run("vjp", func, inputs);
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
  const grads = live.length === 0 ? ins.map(() => null) : grad(live.map(([t]) => t), ins, live.map(([, g]) => g), { allow_unused: true });
  const res = grads.map((g, j) => {
    if (g !== null) return g;
    if (o.strict) throw independent("vjp", 0, j);
    return zeros_like(ins[j]);
  });
  const detached = outs.map((t) => t.detach());
  return [outsTuple ? detached : detached[0], insTuple ? res : res[0]];
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
  checkOptions("jacobian", o);
  if (o.strategy !== undefined && o.strategy !== "reverse-mode") throw new NotImplementedError(`jacobian(): strategy="${String(o.strategy)}" is not supported by torchlab (reverse-mode only)`);
  const { ins, insTuple, outs, outsTuple } = run("jacobian", func, inputs);
  const jac = outs.map((out, i) => {
    // One backward sweep per output element, seeded with that element's one-hot vector.
    const rows: Tensor[][] = ins.map(() => []);
    const used = ins.map(() => false);
    const n = out.numel();
    for (let k = 0; k < n; k++) {
      const grads = out.requires_grad
        ? grad([out], ins, [arange(n).eq(k).float().view(out.shape)], { retain_graph: true, allow_unused: true })
        : ins.map(() => null);
      grads.forEach((g, j) => {
        if (g !== null) used[j] = true;
        rows[j].push(g ?? zeros_like(ins[j]));
      });
    }
    return ins.map((x, j) => {
      if (o.strict && !used[j] && n > 0) throw independent("jacobian", i, j);
      const m = n === 0 ? zeros([0, ...x.shape]) : stack(rows[j], 0);
      return m.view([...out.shape, ...x.shape]);
    });
  });
  if (outsTuple && insTuple) return jac;
  if (outsTuple) return jac.map((r) => r[0]);
  if (insTuple) return jac[0];
  return jac[0][0];
}
