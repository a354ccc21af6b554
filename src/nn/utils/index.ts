/**
 * torch.nn.utils: gradient clipping and flattening parameters to one vector.
 */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { no_grad } from "../../autograd/grad_mode";
import { tensor, zeros } from "../../ops/creation";
import { cat, stack } from "../../ops/movement";
import { RuntimeError, TypeError, ValueError } from "../../errors";

// rnn
export * as rnn from "./rnn";
// end rnn
export * as prune from "./prune";
export * as parametrize from "./parametrize";
export * as parametrizations from "./parametrizations";
export * as stateless from "./stateless";
export { weight_norm, remove_weight_norm, WeightNorm, spectral_norm, remove_spectral_norm, SpectralNorm } from "./weight_norms";

type Params = Tensor | Iterable<Tensor>;

function toList(op: string, parameters: Params): Tensor[] {
  if (parameters instanceof Tensor) return [parameters];
  if (parameters === null || typeof (parameters as Iterable<Tensor>)[Symbol.iterator] !== "function") {
    throw new TypeError(`${op}(): parameters must be a Tensor or an iterable of Tensors`);
  }
  return [...parameters];
}

/**
 * Rescales the gradients of `parameters` in place so that their joint norm is at most `max_norm`;
 * returns the joint norm before clipping (a 0-d tensor).
 *
 * Args:
 *   parameters: a Tensor or an iterable of them (e.g. `net.parameters()`).
 *   max_norm: the largest allowed norm.
 *   norm_type: the p of the p-norm (Infinity for the max norm). Default: 2.
 *   error_if_nonfinite: raise when the norm is nan or inf. Default: false.
 *
 * @example
 * loss.backward();
 * nn.utils.clip_grad_norm_(net.parameters(), 1.0);
 * optimizer.step();
 */
export function clip_grad_norm_(
  parameters: Params,
  max_norm: number | { max_norm?: number; norm_type?: number | "inf"; error_if_nonfinite?: boolean; foreach?: boolean | null },
  norm_type?: number | "inf" | { norm_type?: number | "inf"; error_if_nonfinite?: boolean; foreach?: boolean | null },
  error_if_nonfinite?: boolean,
): Tensor {
  const o = parseArgs("clip_grad_norm_", [max_norm, norm_type, error_if_nonfinite], ["max_norm", "norm_type", "error_if_nonfinite", "foreach"]);
  const maxNorm = Number(o.max_norm);
  // Python's float(norm_type): 2, 2.0, float('inf') or the string 'inf'.
  const p = o.norm_type === "inf" ? Infinity : Number((o.norm_type as number | undefined) ?? 2);
  if (Number.isNaN(p)) throw new ValueError(`could not convert string to float: '${String(o.norm_type)}'`);
  const grads = toList("clip_grad_norm_", parameters)
    .map((t) => t.grad)
    .filter((g): g is Tensor => g !== null);
  if (grads.length === 0) return tensor(0.0).float();
  return no_grad(() => {
    let total: Tensor;
    if (p === Infinity) {
      const norms = grads.map((g) => g.abs().max());
      total = norms.length === 1 ? norms[0] : stack(norms).max();
    } else {
      total = stack(grads.map((g) => g.norm(p))).norm(p);
    }
    const t = total.item();
    if ((o.error_if_nonfinite as boolean | undefined) && !Number.isFinite(t)) {
      throw new RuntimeError(
        `The total norm of order ${p === Infinity ? "inf" : Number.isInteger(p) ? p.toFixed(1) : String(p)} for gradients from \`parameters\` is non-finite, so it cannot be clipped. ` +
          "To disable this error and scale the gradients by the non-finite norm anyway, set `error_if_nonfinite=False`",
      );
    }
    const coef = Math.min(maxNorm / (t + 1e-6), 1.0);
    for (const g of grads) g.mul_(coef);
    return total;
  });
}

/** Clamps every gradient of `parameters` into [-clip_value, clip_value], in place. */
export function clip_grad_value_(parameters: Params, clip_value: number): void {
  const v = Number(clip_value);
  no_grad(() => {
    for (const t of toList("clip_grad_value_", parameters)) if (t.grad !== null) t.grad.clamp_(-v, v);
  });
}

/** All parameters flattened and concatenated into one vector. */
export function parameters_to_vector(parameters: Iterable<Tensor>): Tensor {
  const list = toList("parameters_to_vector", parameters);
  return list.length ? cat(list.map((t) => t.reshape(-1))) : zeros(0);
}

/** Copies consecutive slices of `vec` into the parameters (the inverse of parameters_to_vector). */
export function vector_to_parameters(vec: Tensor, parameters: Iterable<Tensor>): void {
  if (!(vec instanceof Tensor)) throw new TypeError(`expected torch.Tensor, but got: ${typeof vec}`);
  const list = toList("vector_to_parameters", parameters);
  const total = list.reduce((a, t) => a + t.numel(), 0);
  if (vec.dim() !== 1 || vec.numel() !== total) {
    throw new RuntimeError(`vector_to_parameters(): vec must be a vector of ${total} elements, got shape [${vec.shape.join(", ")}]`);
  }
  let offset = 0;
  no_grad(() => {
    for (const t of list) {
      const n = t.numel();
      t.copy_(vec.narrow(0, offset, n).reshape(t.shape));
      offset += n;
    }
  });
}
