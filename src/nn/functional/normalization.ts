/** F.embedding, F.layer_norm and F.normalize. */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { IndexError, RuntimeError, TypeError, ValueError } from "../../errors";
import { checkInput } from "./activation";
import { fused } from "../../ops/fused";
import { renameGradFn } from "../../autograd/node";
import { no_grad } from "../../autograd/grad_mode";
import { tensor } from "../../ops/creation";
import { NotImplementedError } from "../../errors";

/**
 * Looks up rows of `weight` at the integer `input` indices.
 *
 * Args:
 *   input: integer tensor of indices into the rows of weight.
 *   weight: [num_embeddings, embedding_dim].
 *   padding_idx: a row that receives no gradient (its lookups still return its values).
 *
 * Shape: input [*] -> output [*, embedding_dim].
 */
export function embedding(input: Tensor, weight: Tensor, padding_idx?: number | null | EmbeddingOptions, ...rest: unknown[]): Tensor {
  checkInput("embedding", input);
  if (!(weight instanceof Tensor)) throw new TypeError(`embedding(): argument 'weight' must be Tensor, not ${typeof weight}`);
  const o = parseArgs("embedding", [padding_idx, ...rest], ["padding_idx", "max_norm", "norm_type", "scale_grad_by_freq", "sparse"]);
  refuseUnsupported("embedding", o);
  if (input.dtype._tf !== "int32") {
    throw new RuntimeError(`Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.${input.dtype._typeName}Tensor instead (while checking arguments for embedding)`);
  }
  if (weight.dim() !== 2) throw new RuntimeError(`'weight' must be 2-D, got shape [${weight.shape.join(", ")}]`);
  const n = weight.shape[0];
  const idx = input.reshape(-1);
  if (idx.numel() > 0) {
    const lo = idx.min().item();
    const hi = idx.max().item();
    if (lo < 0 || hi >= n) throw new IndexError("index out of range in self");
  }
  let pad = o.padding_idx as number | null | undefined;
  if (pad !== undefined && pad !== null && pad < 0) pad += n;
  const maxNorm = o.max_norm as number | null | undefined;
  if (maxNorm !== undefined && maxNorm !== null) embeddingRenorm(weight, idx, maxNorm, (o.norm_type as number | undefined) ?? 2);
  // One node, as PyTorch records it (grad_fn=<EmbeddingBackward0>, which the NLP tutorials print).
  return fused("EmbeddingBackward0", [weight], (w) => {
    let rows = w.index_select(0, idx);
    if (pad !== undefined && pad !== null) {
      // The padding row's lookups keep their values but pass no gradient to it.
      // (a select, not a product with a 0/1 mask: inf * 0 would turn the row into nan)
      rows = rows.detach().where(idx.eq(pad).unsqueeze(1), rows);
    }
    return rows.reshape([...input.shape, w.shape[1]]);
  });
}

/** The keyword options of F.embedding (and of an Embedding's lookups). */
export type EmbeddingOptions = { padding_idx?: number | null; max_norm?: number | null; norm_type?: number; scale_grad_by_freq?: boolean; sparse?: boolean };

/** scale_grad_by_freq and sparse gradients change only the gradient; torchlab has neither, and says so. */
export function refuseUnsupported(op: string, o: Record<string, unknown>): void {
  for (const k of ["scale_grad_by_freq", "sparse"]) {
    if (o[k] !== undefined && o[k] !== null && o[k] !== false) throw new NotImplementedError(`${op}(): ${k}=True is not supported by torchlab`);
  }
}

/**
 * PyTorch's embedding_renorm_: each row of `weight` that `indices` looks up and whose `norm_type`-norm
 * exceeds `max_norm` is scaled in place, without autograd, to norm max_norm (by max_norm / (norm + 1e-7),
 * computed in double as PyTorch's CPU kernel does). Rows not looked up are left as they are.
 */
export function embeddingRenorm(weight: Tensor, indices: Tensor, maxNorm: number, normType: number): void {
  if (indices.numel() === 0) return;
  no_grad(() => {
    const rows = indices.reshape(-1).unique();
    const sel = weight.index_select(0, rows);
    const norms = sel.norm(normType, 1).tolist() as number[];
    if (!norms.some((v) => v > maxNorm)) return;
    const scale = tensor(norms.map((v) => (v > maxNorm ? maxNorm / (v + 1e-7) : 1)), { dtype: weight.dtype }).unsqueeze(1);
    weight.index_copy_(0, rows, sel.mul(scale));
  });
}

/**
 * Normalises over the trailing `normalized_shape` dims: (x - mean) / sqrt(var + eps), with the
 * biased variance, then scales by `weight` and shifts by `bias` when given.
 */
export function layer_norm(
  input: Tensor,
  normalized_shape: number | number[],
  weight?: Tensor | null | { weight?: Tensor | null; bias?: Tensor | null; eps?: number },
  bias?: Tensor | null,
  eps?: number,
): Tensor {
  checkInput("layer_norm", input);
  const o = parseArgs("layer_norm", [weight, bias, eps], ["weight", "bias", "eps"]);
  const shape = typeof normalized_shape === "number" ? [normalized_shape] : normalized_shape;
  const k = shape.length;
  const tail = input.shape.slice(input.dim() - k);
  if (k === 0 || input.dim() < k || tail.join(",") !== shape.join(",")) {
    throw new RuntimeError(`Given normalized_shape=[${shape.join(", ")}], expected input with shape [*, ${shape.join(", ")}], but got input of size[${input.shape.join(", ")}]`);
  }
  const dims = Array.from({ length: k }, (_, i) => input.dim() - k + i);
  const w = o.weight ?? null;
  const b = o.bias ?? null;
  const epsV = (o.eps as number | undefined) ?? 1e-5;
  // Named as PyTorch's fused kernel: NativeLayerNormBackward0(input, weight, bias).
  const mean = input.mean(dims, true);
  const centered = input.sub(mean);
  const v = centered.pow(2).mean(dims, true);
  let y = centered.mul(v.add(epsV).rsqrt());
  if (w !== null) y = y.mul(w as Tensor);
  if (b !== null) y = y.add(b as Tensor);
  // PyTorch's kernel normalises a row-major copy: a channels-last input gives a row-major output.
  y._memfmt = null;
  return renameGradFn(y, "NativeLayerNormBackward0", [input, w as Tensor | null, b as Tensor | null]);
}

/**
 * Divides by the p-norm along `dim`, clamped below by `eps`: x / max(||x||_p, eps).
 * @example F.normalize(x, {dim: 1})
 */
export function normalize(input: Tensor, options: { p?: number; dim?: number; eps?: number } = {}): Tensor {
  checkInput("normalize", input);
  const o = parseArgs("normalize", [options], ["p", "dim", "eps", "out"]);
  const p = (o.p as number | undefined) ?? 2;
  if (!(p > 0)) throw new ValueError(`normalize(): p must be positive, got ${p}`);
  const dim = (o.dim as number | undefined) ?? 1;
  const norm = input.norm(p, dim, true);
  return input.div(norm.clamp((o.eps as number | undefined) ?? 1e-12, null).expand_as(input));
}
