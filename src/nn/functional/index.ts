/**
 * torch.nn.functional (imported as `F`): the stateless forms of the layers and losses.
 *
 * @example
 * import { torch } from "torchlab";
 * const F = torch.nn.functional;
 * const loss = F.cross_entropy(net(x), y);
 */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { arange } from "../../ops/creation";
import { RuntimeError, TypeError } from "../../errors";
import * as D from "../../tensor/dtype";

export { linear, bilinear } from "./linear";
export {
  relu, relu_, relu6, hardtanh, leaky_relu, elu, gelu, leaky_relu_, hardtanh_, elu_, silu, softplus, sigmoid, tanh, logsigmoid,
  softmax, log_softmax, softmin,
} from "./activation";
export { dropout, dropout1d, dropout2d, alpha_dropout } from "./dropout";
export { gumbel_softmax } from "./gumbel";
export type { GumbelSoftmaxOptions } from "./gumbel";
export { embedding, layer_norm, normalize } from "./normalization";
export { embedding_bag } from "./sparse";
export type { EmbeddingBagMode, EmbeddingBagOptions } from "./sparse";
export {
  cross_entropy, nll_loss, mse_loss, l1_loss, smooth_l1_loss, huber_loss, binary_cross_entropy,
  binary_cross_entropy_with_logits, kl_div,
} from "./loss";
export type { Reduction } from "./loss";
export * from "./vision";
// rnn
export { conv1d, max_pool1d, avg_pool1d, adaptive_avg_pool1d, adaptive_max_pool1d } from "./conv1d";
export type { Conv1dOptions, MaxPool1dOptions, AvgPool1dOptions } from "./conv1d";
export { conv3dFunctional as conv3d } from "../../ops/conv3d";
export { lp_pool1d, lp_pool2d, max_unpool1d, max_unpool2d, conv_transpose1d } from "./pool_extra";
export { max_pool3d, max_pool3d_with_indices, avg_pool3d, adaptive_avg_pool3d, adaptive_max_pool3d, adaptive_max_pool3d_with_indices } from "./pool3d";
export type { MaxPool3dOptions, AvgPool3dOptions, AdaptiveSize3 } from "./pool3d";
// end rnn

/**
 * One-hot encoding of an integer tensor: output[..., k] = 1 where input == k.
 *
 * Args:
 *   tensor: class indices (integer tensor, values >= 0).
 *   num_classes: number of classes; -1 (default) infers max + 1.
 *
 * Shape: [*] -> [*, num_classes], integer dtype.
 *
 * @example
 * F.one_hot(torch.tensor([0, 2]), 3)  // tensor([[1, 0, 0], [0, 0, 1]])
 */
export function one_hot(tensor: Tensor, num_classes: number | { num_classes?: number } = -1): Tensor {
  if (!(tensor instanceof Tensor)) throw new TypeError(`one_hot(): argument 'input' must be Tensor, not ${typeof tensor}`);
  const o = parseArgs("one_hot", [num_classes], ["num_classes"]);
  let n = (o.num_classes as number | undefined) ?? -1;
  if (tensor.dtype !== D.int64) throw new RuntimeError("one_hot is only applicable to index tensor.");
  if (tensor.numel() === 0) {
    if (n <= 0) throw new RuntimeError("Can not infer total number of classes from empty tensor.");
  } else {
    const lo = tensor.min().item();
    const hi = tensor.max().item();
    if (lo < 0) throw new RuntimeError("Class values must be non-negative.");
    if (n === -1) n = hi + 1;
    else if (hi >= n) throw new RuntimeError("Class values must be smaller than num_classes.");
  }
  return tensor.unsqueeze(-1).eq(arange(n)).to("int64");
}
// modules2
export { multi_head_attention_forward } from "./attention";
export type { MultiHeadAttentionOptions } from "./attention";
export { group_norm, instance_norm, local_response_norm } from "./normalization2";
export { prelu, rrelu, hardswish, hardsigmoid, mish, softsign, tanhshrink, softshrink, hardshrink, threshold, threshold_, glu, celu, selu } from "./activation2";
export { pixel_shuffle, pixel_unshuffle, channel_shuffle, unfold, fold, affine_grid, grid_sample, cosine_similarity, pairwise_distance } from "./vision2";
export type { FoldOptions, GridSampleOptions } from "./vision2";
export {
  margin_ranking_loss, hinge_embedding_loss, soft_margin_loss, multilabel_soft_margin_loss, cosine_embedding_loss, triplet_margin_loss, triplet_margin_with_distance_loss,
  multilabel_margin_loss, multi_margin_loss, poisson_nll_loss, gaussian_nll_loss, ctc_loss,
} from "./loss2";
export type { TripletWithDistanceOptions, TripletOptions, MultiMarginOptions, PoissonNLLOptions, CTCOptions } from "./loss2";
