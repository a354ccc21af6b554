/**
 * torch.* spellings of functional layers that PyTorch 1.13 also exposes at the top level
 * (torch.layer_norm, torch.dropout, torch.threshold, ...), and the Tensor methods `hardshrink` and
 * `prelu`. Most are F's functions themselves (re-exported by src/torch.ts); torch.embedding takes
 * its arguments in ATen's order (weight first), so it is a wrapper here.
 */
import { Tensor } from "./tensor/tensor";
import { embedding as embeddingF } from "./nn/functional/normalization";
import { hardshrink as hardshrinkF, prelu as preluF } from "./nn/functional/activation2";

/**
 * ATen's `torch.embedding(weight, indices, padding_idx=-1)`: the rows of `weight` at `indices`
 * (F.embedding with its arguments swapped); a `padding_idx` >= 0 gets no gradient, -1 means none.
 *
 * Shape: weight [num_embeddings, embedding_dim], indices any shape -> [*indices.shape, embedding_dim].
 * @example torch.embedding(torch.randn(10, 3), torch.tensor([[1, 2], [4, 5]]))  // [2, 2, 3]
 */
export function embedding(weight: Tensor, indices: Tensor, padding_idx = -1): Tensor {
  return embeddingF(indices, weight, padding_idx < 0 ? null : padding_idx);
}

declare module "./tensor/tensor" {
  interface Tensor {
    /** `torch.nn.functional.hardshrink(self, lambd)`: x where |x| > lambd, 0 elsewhere. */
    hardshrink(lambd?: number | { lambd?: number }): Tensor;
    /** `torch.nn.functional.prelu(self, weight)`: x where x >= 0, weight * x elsewhere (weight per channel, dim 1). */
    prelu(weight: Tensor): Tensor;
  }
}

Tensor.prototype.hardshrink = function (this: Tensor, lambd: number | { lambd?: number } = 0.5): Tensor {
  return hardshrinkF(this, lambd);
};
Tensor.prototype.prelu = function (this: Tensor, weight: Tensor): Tensor {
  return preluF(this, weight);
};
