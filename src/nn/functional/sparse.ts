/** F.embedding_bag: sums, means or maxima of bags of embeddings, without building the [*, L, D] lookups. */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { tensor, zeros } from "../../ops/creation";
import { NotImplementedError, RuntimeError, TypeError, ValueError } from "../../errors";
import { checkInput } from "./activation";
import { embeddingRenorm, refuseUnsupported } from "./normalization";
import { renameGradFn } from "../../autograd/node";

export type EmbeddingBagMode = "sum" | "mean" | "max";

export interface EmbeddingBagOptions {
  offsets?: Tensor | null;
  max_norm?: number | null;
  norm_type?: number;
  scale_grad_by_freq?: boolean;
  mode?: EmbeddingBagMode;
  sparse?: boolean;
  per_sample_weights?: Tensor | null;
  include_last_offset?: boolean;
  padding_idx?: number | null;
}

const NAMES = ["offsets", "max_norm", "norm_type", "scale_grad_by_freq", "mode", "sparse", "per_sample_weights", "include_last_offset", "padding_idx"];

const size = (t: Tensor) => `torch.Size([${t.shape.join(", ")}])`;

/**
 * Reduces bags of rows of `weight` to one vector per bag, as
 * `embedding(input, weight)` followed by a sum / mean / max over each bag, but without the
 * intermediate lookups per bag.
 *
 * Args:
 *   input: integer indices. 2-D [B, L]: B bags of L indices each (offsets must be null). 1-D [N]:
 *     all bags concatenated, cut by `offsets`.
 *   weight: [num_embeddings, embedding_dim].
 *   offsets: (1-D input) the start of each bag in `input`; offsets[0] must be 0. With
 *     `include_last_offset` it has B + 1 entries and the last one ends the last bag.
 *   mode: "sum", "mean" (default) or "max". Empty bags give zeros.
 *   per_sample_weights: (mode "sum" only) a weight per index, same shape as input.
 *   padding_idx: indices equal to it are left out of their bag (and of the mean's count).
 *
 * Shape: output [B, embedding_dim].
 *
 * @example
 * const w = torch.randn(10, 3);
 * F.embedding_bag(torch.tensor([1, 2, 4, 5, 4, 3, 2, 9]), w, torch.tensor([0, 4]))  // [2, 3]
 */
export function embedding_bag(input: Tensor, weight: Tensor, options?: EmbeddingBagOptions): Tensor;
export function embedding_bag(input: Tensor, weight: Tensor, offsets: Tensor | null, options?: EmbeddingBagOptions): Tensor;
export function embedding_bag(
  input: Tensor, weight: Tensor, offsets: Tensor | null, max_norm: number | null, norm_type?: number, scale_grad_by_freq?: boolean,
  mode?: EmbeddingBagMode, sparse?: boolean, per_sample_weights?: Tensor | null, include_last_offset?: boolean, padding_idx?: number | null,
): Tensor;
export function embedding_bag(input: Tensor, weight: Tensor, ...args: unknown[]): Tensor {
  checkInput("embedding_bag", input);
  if (!(weight instanceof Tensor)) throw new TypeError(`embedding_bag(): argument 'weight' must be Tensor, not ${typeof weight}`);
  const o = parseArgs("embedding_bag", args, NAMES);
  const mode = (o.mode as string | undefined) ?? "mean";
  refuseUnsupported("embedding_bag", o);
  let psw = (o.per_sample_weights as Tensor | null | undefined) ?? null;
  if (psw !== null && !(psw instanceof Tensor)) throw new TypeError(`embedding_bag(): argument 'per_sample_weights' must be Tensor, not ${typeof psw}`);
  if (psw !== null && input.shape.join(",") !== psw.shape.join(",")) {
    throw new ValueError(`embedding_bag: If per_sample_weights (${size(psw)}) is not None, then it must have the same shape as the input (${size(input)})`);
  }
  let offs = (o.offsets as Tensor | null | undefined) ?? null;
  const includeLast = (o.include_last_offset as boolean | undefined) ?? false;
  if (input.dim() === 2) {
    if (offs !== null) {
      throw new ValueError(`if input is 2D, then offsets has to be None, as input is treated is a mini-batch of fixed length sequences. However, found offsets of type <class 'torch.Tensor'>`);
    }
    const [b, l] = input.shape;
    offs = tensor(Array.from({ length: b + (includeLast ? 1 : 0) }, (_, i) => i * l), { dtype: "int64" });
    input = input.reshape(-1);
    if (psw !== null) psw = psw.reshape(-1);
  } else if (input.dim() === 1) {
    if (offs === null) throw new ValueError("offsets has to be a 1D Tensor but got None");
    if (!(offs instanceof Tensor)) throw new TypeError(`embedding_bag(): argument 'offsets' must be Tensor, not ${typeof offs}`);
    if (offs.dim() !== 1) throw new ValueError("offsets has to be a 1D Tensor");
  } else {
    throw new ValueError(`input has to be 1D or 2D Tensor, but got Tensor of dimension ${input.dim()}`);
  }
  if (mode !== "sum" && mode !== "mean" && mode !== "max") throw new ValueError("mode has to be one of sum, mean or max");
  if (psw !== null && mode !== "sum") {
    throw new NotImplementedError(`embedding_bag: per_sample_weights was not None. per_sample_weights is only supported for mode='sum' (got mode='${mode}'). Please open a feature request on GitHub.`);
  }
  if (input.dtype._tf !== "int32" || offs.dtype._tf !== "int32") {
    const bad = input.dtype._tf !== "int32" ? input : offs;
    throw new RuntimeError(`Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.${bad.dtype._typeName}Tensor instead (while checking arguments for embedding_bag)`);
  }
  if (weight.dim() !== 2) throw new RuntimeError(`embedding_bag(): 'weight' must be 2-D, got shape [${weight.shape.join(", ")}]`);
  const [n, d] = weight.shape;
  const idx = Array.from(input.dataSync());
  const off = Array.from(offs.dataSync());
  if (off.length > 0 && off[0] !== 0) {
    throw new RuntimeError(`offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from position 0. However, got ${off[0]}`);
  }
  if (off.length > 0 && off[off.length - 1] > idx.length) {
    throw new RuntimeError(`offsets[-1] can not be greater than input's length ${idx.length} but got offsets[-1] of ${off[off.length - 1]}`);
  }
  for (const i of idx) {
    if (i < 0 || i >= n) throw new RuntimeError(`embedding_bag(): index ${i} is out of range for a weight of ${n} rows (range 0 to ${n})`);
  }
  let pad = (o.padding_idx as number | null | undefined) ?? null;
  if (pad !== null && pad < 0) pad += n;
  const maxNorm = (o.max_norm as number | null | undefined) ?? null;
  if (maxNorm !== null) embeddingRenorm(weight, input, maxNorm, (o.norm_type as number | undefined) ?? 2);

  // Bag b holds positions [off[b], end(b)); the kept positions, in bag order, and their bags.
  const bags = includeLast ? Math.max(off.length - 1, 0) : off.length;
  const pos: number[] = [];
  const bagOf: number[] = [];
  const count = new Array<number>(bags).fill(0);
  for (let b = 0; b < bags; b++) {
    const end = b + 1 < off.length ? off[b + 1] : idx.length;
    for (let p = off[b]; p < end; p++) {
      if (idx[p] === pad) continue;
      pos.push(p);
      bagOf.push(b);
      count[b]++;
    }
  }
  const posT = tensor(pos, { dtype: "int64" });
  let rows = weight.index_select(0, input.index_select(0, posT));
  if (psw !== null) rows = rows.mul(psw.index_select(0, posT).unsqueeze(1));
  if (mode !== "max") {
    const out = zeros([bags, d], { dtype: weight.dtype }).index_add(0, tensor(bagOf, { dtype: "int64" }), rows);
    return bagNode(mode === "sum" ? out : out.div(tensor(count.map((c) => Math.max(c, 1)), { dtype: weight.dtype }).unsqueeze(1)), weight, psw);
  }
  // max: the bags padded to the longest one with -inf, reduced, and empty bags set to 0.
  const longest = Math.max(1, ...count);
  const slot = new Array<number>(bags * longest).fill(0);
  const valid = new Array<boolean>(bags * longest).fill(false);
  const filled = new Array<number>(bags).fill(0);
  bagOf.forEach((b, k) => {
    slot[b * longest + filled[b]] = k;
    valid[b * longest + filled[b]++] = true;
  });
  const validT = tensor(valid, { dtype: "bool" }).reshape([bags, longest, 1]);
  const padded = pos.length === 0 ? zeros([bags, longest, d], { dtype: weight.dtype }) : rows.index_select(0, tensor(slot, { dtype: "int64" })).reshape([bags, longest, d]);
  const best = padded.masked_fill(validT.logical_not(), -Infinity).max(1).values;
  return bagNode(best.masked_fill(tensor(count.map((c) => c === 0), { dtype: "bool" }).unsqueeze(1), 0), weight, psw);
}

/** The bags' result named as PyTorch's one node (grad_fn=<EmbeddingBagBackward0>). */
function bagNode(out: Tensor, weight: Tensor, psw: Tensor | null): Tensor {
  return renameGradFn(out, "EmbeddingBagBackward0", [weight, psw]);
}
