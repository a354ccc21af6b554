/**
 * Autograd semantics as PyTorch 1.13 has them (test/reference/gen_autograd_sweep.py), from a sweep of
 * torchlab against PyTorch: gradients at kinks and ties (which index max / sort / topk / kthvalue /
 * median send the gradient to, amax / amin / norm-inf splitting it evenly), duplicate indices
 * accumulating, -inf in softmax / logsumexp, losses with weights / ignore_index / label_smoothing,
 * conv / pool / interpolate / pad, norms; requires_grad and is_leaf per creation path; PyTorch's error
 * texts; .grad accumulation; retain_grad in hook order; module backward hooks; autograd.grad options
 * (allow_unused, grad_outputs, create_graph, is_grads_batched); double backward and its node names;
 * grad modes; autograd.Function; autograd.functional (jacobian, hessian, vjp, jvp, hvp, vhp);
 * gradcheck; anomaly detection.
 * Each case is the TypeScript spelling of the generator's Python function of the same name, printed
 * by print()'s str(); an error case checks the error's type and PyTorch's message.
 */
import { torch } from "../../src";
import { pyStr } from "../../src/display/print";
import { asPyTuple } from "../../src/pyrepr";
import { readReference } from "../tensor/fixtures";

type Ref = { print: string } | { error: [string, string] };
const ref = readReference<Record<string, Ref>>("autograd_sweep.json");
type Tensor = torch.Tensor;
type FunctionCtx = torch.autograd.FunctionCtx;
const { nn } = torch;
const F = torch.nn.functional;

// JS has no 1.0: the float tensors Python writes with a decimal point are float32 here by their dtype.
const f32 = (v: number[]): Tensor => torch.tensor(v, { dtype: torch.float32 });
const tup = (...items: unknown[]): unknown[] => asPyTuple(items);
/** A leaf that requires grad. */
const P = (v: unknown, dtype = torch.float32): Tensor => torch.tensor(v as number[], { dtype, requires_grad: true });
/** The gradients of f(...leaves).sum() with respect to each leaf made from values. */
function gr(f: (...xs: Tensor[]) => Tensor, ...values: unknown[]): unknown {
  const xs = values.map((v) => P(v));
  f(...xs).sum().backward();
  return xs.length === 1 ? xs[0].grad : tup(...xs.map((x) => x.grad));
}
/** y times 1, 2, 3, ... so that each output element has a gradient of its own. */
const weighted = (y: Tensor): Tensor => y.mul(torch.arange(1, 1 + y.numel()).view_as(y));
const NB = [[[[1.0, 2.0], [0.5, 3.0]], [[0.0, -1.0], [2.0, 1.0]]], [[[1.0, 1.0], [1.0, 0.0]], [[2.0, 0.0], [1.0, 4.0]]]];
function normGrads(m: torch.nn.Module, mode: "train" | "eval"): unknown {
  if (mode === "train") m.train();
  else m.eval();
  const x = P(NB);
  (m(x) as Tensor).mul(torch.arange(16).view(2, 2, 2, 2)).sum().backward();
  return tup(x.grad, tup(...m.parameters().map((p) => p.grad)));
}

const CASES: Record<string, () => unknown> = {
  abs_grad: () => gr((x) => torch.abs(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  abs_grad_fn: () => torch.abs(P([-2.0, -0.5, 0.0, 0.5, 2.0])).grad_fn!.name(),
  sign_grad: () => gr((x) => torch.sign(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  sign_grad_fn: () => torch.sign(P([-2.0, -0.5, 0.0, 0.5, 2.0])).grad_fn!.name(),
  relu_grad: () => gr((x) => torch.relu(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  relu_grad_fn: () => torch.relu(P([-2.0, -0.5, 0.0, 0.5, 2.0])).grad_fn!.name(),
  sqrt_grad: () => gr((x) => torch.sqrt(x), [0.0, 0.25, 1.0, 4.0]),
  sqrt_grad_fn: () => torch.sqrt(P([0.0, 0.25, 1.0, 4.0])).grad_fn!.name(),
  rsqrt_grad: () => gr((x) => torch.rsqrt(x), [0.25, 1.0, 4.0]),
  rsqrt_grad_fn: () => torch.rsqrt(P([0.25, 1.0, 4.0])).grad_fn!.name(),
  log_grad: () => gr((x) => torch.log(x), [0.0, 0.25, 1.0, 4.0]),
  log_grad_fn: () => torch.log(P([0.0, 0.25, 1.0, 4.0])).grad_fn!.name(),
  log1p_grad: () => gr((x) => torch.log1p(x), [0.0, 0.25, 1.0, 4.0]),
  log1p_grad_fn: () => torch.log1p(P([0.0, 0.25, 1.0, 4.0])).grad_fn!.name(),
  tanh_grad: () => gr((x) => torch.tanh(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  tanh_grad_fn: () => torch.tanh(P([-2.0, -0.5, 0.0, 0.5, 2.0])).grad_fn!.name(),
  sigmoid_grad: () => gr((x) => torch.sigmoid(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  sigmoid_grad_fn: () => torch.sigmoid(P([-2.0, -0.5, 0.0, 0.5, 2.0])).grad_fn!.name(),
  asin_grad: () => gr((x) => torch.asin(x), [-0.9, -0.5, 0.0, 0.5, 0.9]),
  asin_grad_fn: () => torch.asin(P([-0.9, -0.5, 0.0, 0.5, 0.9])).grad_fn!.name(),
  acos_grad: () => gr((x) => torch.acos(x), [-0.9, -0.5, 0.0, 0.5, 0.9]),
  acos_grad_fn: () => torch.acos(P([-0.9, -0.5, 0.0, 0.5, 0.9])).grad_fn!.name(),
  atanh_grad: () => gr((x) => torch.atanh(x), [-0.9, -0.5, 0.0, 0.5, 0.9]),
  atanh_grad_fn: () => torch.atanh(P([-0.9, -0.5, 0.0, 0.5, 0.9])).grad_fn!.name(),
  erfinv_grad: () => gr((x) => torch.erfinv(x), [-0.9, -0.5, 0.0, 0.5, 0.9]),
  erfinv_grad_fn: () => torch.erfinv(P([-0.9, -0.5, 0.0, 0.5, 0.9])).grad_fn!.name(),
  floor_grad: () => gr((x) => torch.floor(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  floor_grad_fn: () => torch.floor(P([-2.0, -0.5, 0.0, 0.5, 2.0])).grad_fn!.name(),
  round_grad: () => gr((x) => torch.round(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  round_grad_fn: () => torch.round(P([-2.0, -0.5, 0.0, 0.5, 2.0])).grad_fn!.name(),
  frac_grad: () => gr((x) => torch.frac(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  frac_grad_fn: () => torch.frac(P([-2.0, -0.5, 0.0, 0.5, 2.0])).grad_fn!.name(),
  reciprocal_grad: () => gr((x) => torch.reciprocal(x), [-2.0, 0.5, 4.0]),
  reciprocal_grad_fn: () => torch.reciprocal(P([-2.0, 0.5, 4.0])).grad_fn!.name(),
  logit_grad: () => gr((x) => torch.logit(x), [0.0, 0.25, 0.5, 1.0]),
  logit_grad_fn: () => torch.logit(P([0.0, 0.25, 0.5, 1.0])).grad_fn!.name(),
  digamma_grad: () => gr((x) => torch.digamma(x), [0.5, 1.0, 3.0]),
  digamma_grad_fn: () => torch.digamma(P([0.5, 1.0, 3.0])).grad_fn!.name(),
  lgamma_grad: () => gr((x) => torch.lgamma(x), [0.5, 1.0, 3.0]),
  lgamma_grad_fn: () => torch.lgamma(P([0.5, 1.0, 3.0])).grad_fn!.name(),
  sinc_grad: () => gr((x) => torch.sinc(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  sinc_grad_fn: () => torch.sinc(P([-2.0, -0.5, 0.0, 0.5, 2.0])).grad_fn!.name(),
  exp2_grad: () => gr((x) => torch.exp2(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  exp2_grad_fn: () => torch.exp2(P([-2.0, -0.5, 0.0, 0.5, 2.0])).grad_fn!.name(),
  F_relu6_grad: () => gr((x) => F.relu6(x), [-1.0, 0.0, 3.0, 6.0, 7.0]),
  F_elu_grad: () => gr((x) => F.elu(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  F_selu_grad: () => gr((x) => F.selu(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  F_gelu_grad: () => gr((x) => F.gelu(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  F_silu_grad: () => gr((x) => F.silu(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  F_mish_grad: () => gr((x) => F.mish(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  F_softplus_grad: () => gr((x) => F.softplus(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  F_hardtanh_grad: () => gr((x) => F.hardtanh(x), [-1.0, -0.5, 1.0, 2.0]),
  F_hardsigmoid_grad: () => gr((x) => F.hardsigmoid(x), [-3.0, -1.0, 0.0, 3.0, 4.0]),
  F_hardswish_grad: () => gr((x) => F.hardswish(x), [-3.0, -1.0, 0.0, 3.0, 4.0]),
  F_leaky_relu_grad: () => gr((x) => F.leaky_relu(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  F_logsigmoid_grad: () => gr((x) => F.logsigmoid(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  F_softshrink_grad: () => gr((x) => F.softshrink(x), [-0.5, -0.2, 0.0, 0.5, 1.0]),
  F_hardshrink_grad: () => gr((x) => F.hardshrink(x), [-0.5, -0.2, 0.0, 0.5, 1.0]),
  gelu_tanh_grad: () => gr((x) => F.gelu(x, {approximate: 'tanh'}), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  threshold_grad: () => gr((x) => F.threshold(x, 0.5, -1.0), [-2.0, -0.5, 0.0, 0.5, 2.0]),
  prelu_grads: () => gr((x, w) => F.prelu(x, w), [-2.0, -0.5, 0.0, 0.5, 2.0], [0.25]),
  add_broadcast_grads: () => gr((x, y) => torch.add(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
  sub_broadcast_grads: () => gr((x, y) => torch.sub(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
  mul_broadcast_grads: () => gr((x, y) => torch.mul(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
  div_broadcast_grads: () => gr((x, y) => torch.div(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
  maximum_broadcast_grads: () => gr((x, y) => torch.maximum(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
  minimum_broadcast_grads: () => gr((x, y) => torch.minimum(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
  atan2_broadcast_grads: () => gr((x, y) => torch.atan2(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
  fmax_broadcast_grads: () => gr((x, y) => torch.fmax(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
  hypot_broadcast_grads: () => gr((x, y) => torch.hypot(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
  copysign_broadcast_grads: () => gr((x, y) => torch.copysign(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
  xlogy_broadcast_grads: () => gr((x, y) => torch.xlogy(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
  remainder_broadcast_grads: () => gr((x, y) => torch.remainder(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
  fmod_broadcast_grads: () => gr((x, y) => torch.fmod(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
  copysign_grad_fn: () => torch.copysign(P([[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]]), P([2.0, 0.0, -1.0])).grad_fn!.name(),
  copysign_scalar_grad: () => gr((x) => torch.copysign(x, -1.0), [0.0, 2.0, -3.0]),
  maximum_ties: () => gr((x, y) => torch.maximum(x, y), [1.0, 2.0, 3.0], [1.0, 0.0, 3.0]),
  pow_zero_zero: () => gr((x, y) => torch.pow(x, y), [0.0, 0.0, 2.0, -2.0], [0.0, 2.0, 0.5, 2.0]),
  pow_exponent_zero: () => gr((x) => x.pow(0), [0.0, 1.0]),
  pow_half_at_zero: () => gr((x) => x.pow(0.5), [0.0, 4.0]),
  pow_scalar_base_zero: () => gr((x) => torch.pow(0, x), [0.0, 1.0]),
  clamp_kinks: () => gr((x) => x.clamp(0, 1), [-1.0, 0.0, 0.5, 1.0, 2.0]),
  clamp_tensor_min: () => gr((x, lo) => x.clamp({min: lo}), [-1.0, 0.0, 2.0], [0.0, 0.0, 0.0]),
  lerp_tensor_weight: () => gr((x, y, w) => torch.lerp(x, y, w), [0.0, 1.0], [2.0, 3.0], [0.5, 0.25]),
  addcdiv_grads: () => gr((x, y) => torch.addcdiv(x, x, y, {value: 2}), [1.0, 2.0], [3.0, 4.0]),
  where_grads: () => gr((x, y) => torch.where(x.gt(0), x, y), [1.0, -1.0, 0.0], [5.0, 6.0, 7.0]),
  where_masks_nan_to_nan: () => gr((x) => torch.where(x.gt(0), x.sqrt(), torch.zeros(3)), [1.0, -1.0, 0.0]),
  sum_keepdim_grad: () => gr((x) => x.sum(1, {keepdim: true}), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  mean_dim_grad: () => gr((x) => x.mean({dim: 1}), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  prod_all_grad: () => gr((x) => x.prod(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  prod_dim_grad: () => gr((x) => x.prod(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  std_all_grad: () => gr((x) => x.std(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  var_dim_grad: () => gr((x) => x.var(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  max_all_ties_grad: () => gr((x) => x.max(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  min_all_grad: () => gr((x) => x.min(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  max_dim_ties_grad: () => gr((x) => x.max(1)[0], [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  amax_ties_grad: () => gr((x) => x.amax(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  amin_dim_ties_grad: () => gr((x) => x.amin(0), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  amax_dim_ties_grad: () => gr((x) => x.amax(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  median_all_grad: () => gr((x) => x.median(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  median_dim_grad: () => gr((x) => x.median(1)[0], [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  nanmedian_all_grad: () => gr((x) => x.nanmedian(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  norm_2_grad: () => gr((x) => x.norm(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  norm_1_grad: () => gr((x) => x.norm(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  norm_inf_ties_grad: () => gr((x) => x.norm(Infinity), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  norm_dim_grad: () => gr((x) => x.norm({dim: 1}), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  logsumexp_dim_grad: () => gr((x) => x.logsumexp(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  cumsum_dim_grad: () => gr((x) => x.cumsum(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  cumprod_dim_grad: () => gr((x) => x.cumprod(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  logcumsumexp_dim_grad: () => gr((x) => x.logcumsumexp(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  sort_ties_grad: () => gr((x) => x.sort(1)[0].mul(torch.arange(3)), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  sort_descending_ties_grad: () => gr((x) => x.sort(1, {descending: true})[0].mul(torch.arange(3)), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  topk_ties_grad: () => gr((x) => x.topk(2, 1)[0].mul(torch.tensor([1, 2])), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  kthvalue_ties_grad: () => gr((x) => x.kthvalue(2, 1)[0], [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  mode_ties_grad: () => gr((x) => x.mode(1)[0], [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  cummax_ties_grad: () => gr((x) => x.cummax(1)[0], [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  cummin_ties_grad: () => gr((x) => x.cummin(1)[0], [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  dist_zero_grad: () => gr((x) => torch.dist(x, torch.zeros(2, 3)), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  diff_dim_grad: () => gr((x) => x.diff({dim: 1}), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  trace_grad: () => gr((x) => x.trace(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  tril_grad: () => gr((x) => x.tril(-1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
  norm_at_zero: () => gr((x) => x.norm(), [0.0, 0.0]),
  vector_norm_1_at_zero: () => gr((x) => torch.linalg.vector_norm(x, 1), [0.0, -1.0]),
  cumprod_zeros: () => gr((x) => x.cumprod(0), [2.0, 0.0, 3.0, 0.0, 4.0]),
  prod_one_zero: () => gr((x) => x.prod(), [2.0, 0.0, 3.0]),
  prod_two_zeros: () => gr((x) => x.prod(), [0.0, 0.0, 3.0]),
  logsumexp_neg_inf: () => gr((x) => x.logsumexp(0), [-Infinity, 0.0]),
  logsumexp_all_neg_inf: () => gr((x) => x.logsumexp(0), [-Infinity, -Infinity]),
  softmax_neg_inf: () => gr((x) => F.softmax(x, 0).mul(torch.tensor([1, 2, 3])), [-Infinity, 0.0, 1.0]),
  log_softmax_neg_inf: () => gr((x) => F.log_softmax(x, 0).index('1:'), [-Infinity, 0.0, 1.0]),
  max_full_ties_1d: () => gr((x) => x.max(), [1.0, 3.0, 3.0]),
  max_dim_ties_1d: () => gr((x) => x.max(0)[0], [1.0, 3.0, 3.0]),
  median_even_ties: () => gr((x) => x.median(), [1.0, 2.0, 2.0, 1.0]),
  sort_stable_ties: () => gr((x) => x.sort({stable: true})[0].mul(torch.arange(4)), [2.0, 1.0, 2.0, 1.0]),
  topk_one_ties: () => gr((x) => x.topk(1)[0], [2.0, 1.0, 2.0]),
  kthvalue_one_ties: () => gr((x) => x.kthvalue(1)[0], [2.0, 1.0, 1.0]),
  index_duplicates: () => gr((x) => x.index(torch.tensor([0, 0, 2])), [1.0, 2.0, 3.0]),
  index_pairs_duplicates: () => gr((x) => x.index([torch.tensor([0, 0, 1]), torch.tensor([1, 1, 0])]), [[1.0, 2.0], [3.0, 4.0]]),
  index_mask: () => gr((x) => x.index(x.gt(1)), [[1.0, 2.0], [3.0, 4.0]]),
  index_ellipsis_none_step: () => gr((x) => x.index('..., None, ::2'), [[1.0, 2.0, 3.0]]),
  gather_duplicates: () => gr((x) => x.gather(1, torch.tensor([[0, 0], [1, 0]])), [[1.0, 2.0], [3.0, 4.0]]),
  scatter_duplicates: () => gr((x, s) => x.scatter(0, torch.tensor([0, 0]), s), [1.0, 2.0, 3.0], [5.0, 6.0]),
  scatter_add_grads: () => gr((x, s) => x.scatter_add(0, torch.tensor([0, 0]), s).mul(torch.tensor([1, 2, 3])), [1.0, 2.0, 3.0], [5.0, 6.0]),
  index_add_grads: () => gr((x, s) => x.index_add(0, torch.tensor([1, 1]), s).mul(torch.tensor([1, 2, 3])), [1.0, 2.0, 3.0], [5.0, 6.0]),
  masked_fill_grad: () => gr((x) => x.masked_fill(x.gt(1), 0.0), [1.0, 2.0, 3.0]),
  masked_scatter_grads: () => gr((x, s) => x.masked_scatter(torch.tensor([true, false, true]), s).mul(torch.tensor([1, 2, 3])), [1.0, 2.0, 3.0], [5.0, 6.0, 7.0]),
  index_put_accumulate: () => gr((x, v) => x.index_put([torch.tensor([0, 0])], v, {accumulate: true}).mul(torch.tensor([1, 2, 3])), [1.0, 2.0, 3.0], [5.0, 6.0]),
  index_put_overwrite: () => gr((x, v) => x.index_put([torch.tensor([0, 2])], v).mul(torch.tensor([1, 2, 3])), [1.0, 2.0, 3.0], [5.0, 6.0]),
  take_duplicates: () => gr((x) => x.take(torch.tensor([0, 0, 3])), [[1.0, 2.0], [3.0, 4.0]]),
  unfold_overlap: () => gr((x) => x.unfold(0, 2, 1), [1.0, 2.0, 3.0]),
  cat_repeated: () => gr((x, y) => torch.cat([x, y, x]).mul(torch.arange(7)), [1.0, 2.0], [3.0, 4.0, 5.0]),
  stack_dim1: () => gr((x, y) => torch.stack([x, y], 1).mul(torch.arange(4).view(2, 2)), [1.0, 2.0], [3.0, 4.0]),
  split_piece: () => gr((x) => x.split(2)[1].mul(3), [1.0, 2.0, 3.0, 4.0, 5.0]),
  chunk_last: () => gr((x) => x.chunk(3)[2], [1.0, 2.0, 3.0, 4.0, 5.0]),
  unbind_product: () => gr((x) => x.unbind(1)[0].mul(x.unbind(1)[1]), [[1.0, 2.0], [3.0, 4.0]]),
  expand_rows: () => gr((x) => x.expand(3, 2), [[1.0, 2.0]]),
  repeat_2d: () => gr((x) => x.repeat(2, 3), [1.0, 2.0]),
  tile_weighted: () => gr((x) => x.tile([2]).mul(torch.arange(4)), [1.0, 2.0]),
  repeat_interleave_weighted: () => gr((x) => x.repeat_interleave(2).mul(torch.arange(4)), [1.0, 2.0]),
  broadcast_mul_3d: () => gr((x, y) => x.mul(y), [[1.0], [2.0]], [[[1.0, 2.0, 3.0]]]),
  roll_weighted: () => gr((x) => x.roll(1).mul(torch.arange(3)), [1.0, 2.0, 3.0]),
  permute_flatten: () => gr((x) => x.permute(1, 0).flatten().mul(torch.arange(4)), [[1.0, 2.0], [3.0, 4.0]]),
  matmul_3_3: () => gr((x, y) => x.matmul(y), torch.arange(3).float().reshape([3]).tolist(), torch.arange(3).float().div(10).reshape([3]).tolist()),
  matmul_3_3x2: () => gr((x, y) => x.matmul(y), torch.arange(3).float().reshape([3]).tolist(), torch.arange(6).float().div(10).reshape([3, 2]).tolist()),
  matmul_2x3_3: () => gr((x, y) => x.matmul(y), torch.arange(6).float().reshape([2, 3]).tolist(), torch.arange(3).float().div(10).reshape([3]).tolist()),
  matmul_2x3_3x2: () => gr((x, y) => x.matmul(y), torch.arange(6).float().reshape([2, 3]).tolist(), torch.arange(6).float().div(10).reshape([3, 2]).tolist()),
  matmul_2x2x3_3: () => gr((x, y) => x.matmul(y), torch.arange(12).float().reshape([2, 2, 3]).tolist(), torch.arange(3).float().div(10).reshape([3]).tolist()),
  matmul_3_2x3x2: () => gr((x, y) => x.matmul(y), torch.arange(3).float().reshape([3]).tolist(), torch.arange(12).float().div(10).reshape([2, 3, 2]).tolist()),
  matmul_2x2x3_3x2: () => gr((x, y) => x.matmul(y), torch.arange(12).float().reshape([2, 2, 3]).tolist(), torch.arange(6).float().div(10).reshape([3, 2]).tolist()),
  matmul_2x3_2x3x2: () => gr((x, y) => x.matmul(y), torch.arange(6).float().reshape([2, 3]).tolist(), torch.arange(12).float().div(10).reshape([2, 3, 2]).tolist()),
  matmul_2x1x2x3_2x3x2: () => gr((x, y) => x.matmul(y), torch.arange(12).float().reshape([2, 1, 2, 3]).tolist(), torch.arange(12).float().div(10).reshape([2, 3, 2]).tolist()),
  einsum_trace: () => gr((x) => torch.einsum('ii->', x), [[1.0, 2.0], [3.0, 4.0]]),
  einsum_batch_outer: () => gr((x, y) => torch.einsum('bi,bj->bij', x, y), [[1.0, 2.0]], [[3.0, 4.0]]),
  det_grad: () => gr((x) => torch.linalg.det(x), [[1.0, 2.0], [3.0, 4.0]]),
  baddbmm_grads: () => gr((a, b, c) => torch.baddbmm(a, b, c, {beta: 0.5, alpha: 2}), [[[1.0]]], [[[1.0, 2.0]]], [[[3.0], [4.0]]]),
  ce_sum_grad: () => gr((x) => F.cross_entropy(x, torch.tensor([0, 2]), {reduction: 'sum'}), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  ce_weight_grad: () => gr((x) => F.cross_entropy(x, torch.tensor([0, 2]), {weight: torch.tensor([1, 2, 3], {dtype: torch.float32})}), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  ce_default_ignore_grad: () => gr((x) => F.cross_entropy(x, torch.tensor([0, -100])), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  ce_ignore_index_grad: () => gr((x) => F.cross_entropy(x, torch.tensor([1, 2]), {ignore_index: 1}), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  ce_all_ignored_grad: () => gr((x) => F.cross_entropy(x, torch.tensor([-100, -100])), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  ce_label_smoothing_grad: () => gr((x) => F.cross_entropy(x, torch.tensor([0, 2]), {label_smoothing: 0.1}), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  ce_weight_smoothing_ignore_grad: () => gr((x) => F.cross_entropy(x, torch.tensor([0, 1]), {weight: torch.tensor([1, 2, 3], {dtype: torch.float32}), ignore_index: 1, label_smoothing: 0.2}), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  ce_probabilities_grad: () => gr((x) => F.cross_entropy(x, torch.softmax(torch.tensor([[1, 0, 0], [0, 1, 2]], {dtype: torch.float32}), 1)), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  nll_weight_grad: () => gr((x) => F.nll_loss(F.log_softmax(x, 1), torch.tensor([0, 2]), {weight: torch.tensor([1, 2, 3], {dtype: torch.float32})}), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  smooth_l1_beta_grad: () => gr((x) => F.smooth_l1_loss(x, torch.zeros(2, 3), {beta: 0.5}), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  huber_delta_grad: () => gr((x) => F.huber_loss(x, torch.zeros(2, 3), {delta: 0.5}), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  bce_weight_grad: () => gr((x) => F.binary_cross_entropy(x.sigmoid(), torch.tensor([[1, 0, 1], [0, 0, 1]], {dtype: torch.float32}), {weight: torch.tensor([1, 2, 3], {dtype: torch.float32})}), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  bce_logits_pos_weight_grad: () => gr((x) => F.binary_cross_entropy_with_logits(x, torch.tensor([[1, 0, 1], [0, 0, 1]], {dtype: torch.float32}), {pos_weight: torch.tensor([1, 2, 3], {dtype: torch.float32})}), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  kl_div_batchmean_grad: () => gr((x) => F.kl_div(F.log_softmax(x, 1), torch.tensor([[0.2, 0.3, 0.5], [0.0, 0.5, 0.5]]), {reduction: 'batchmean'}), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  multi_margin_grad: () => gr((x) => F.multi_margin_loss(x, torch.tensor([0, 2])), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  gaussian_nll_grad: () => gr((x) => F.gaussian_nll_loss(x, torch.zeros(2, 3), torch.ones(2, 3)), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  normalize_rows_grad: () => gr((x) => F.normalize(x, {dim: 1}).index(':, 0'), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
  ctc_grad: () => gr((x) => F.ctc_loss(x.log_softmax(2), torch.tensor([[1, 2]]), torch.tensor([3]), torch.tensor([2])), [[[0.0, 1.0, 2.0]], [[1.0, 0.0, 0.5]], [[0.3, 0.2, 0.1]]]),
  conv2d_stride_pad_grads: () => gr((x, w) => (F.conv2d(x, w, {stride: 2, padding: 1})).pow(2), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]], [[[[1.0, -1.0], [0.5, 2.0]]]]),
  conv2d_dilation_grads: () => gr((x, w) => (F.conv2d(x, w, {dilation: 2})).pow(2), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]], [[[[1.0, -1.0], [0.5, 2.0]]]]),
  conv2d_same_grads: () => gr((x, w) => (F.conv2d(x, w, {padding: 'same'})).pow(2), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]], [[[[1.0, -1.0], [0.5, 2.0]]]]),
  conv_transpose2d_output_padding_grads: () => gr((x, w) => (F.conv_transpose2d(x, w, {stride: 2, padding: 1, output_padding: 1})).pow(2), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]], [[[[1.0, -1.0], [0.5, 2.0]]]]),
  conv1d_groups_grads: () => gr((x, w) => F.conv1d(x, w, {groups: 2}).pow(2), [[[1.0, 2.0, 0.5], [0.0, 1.0, 2.0]]], [[[1.0, -1.0]], [[0.5, 2.0]]]),
  max_pool2d_overlap_grad: () => gr((x) => weighted(F.max_pool2d(x, 3, {stride: 1, padding: 1})), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  max_pool2d_all_ties_grad: () => gr((x) => weighted(F.max_pool2d(x.mul(0), 2)), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  max_pool2d_ceil_grad: () => gr((x) => weighted(F.max_pool2d(x, 2, {ceil_mode: true, stride: 3})), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  avg_pool2d_pad_grad: () => gr((x) => weighted(F.avg_pool2d(x, 3, {stride: 2, padding: 1})), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  avg_pool2d_no_pad_count_grad: () => gr((x) => weighted(F.avg_pool2d(x, 3, {stride: 2, padding: 1, count_include_pad: false})), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  avg_pool2d_ceil_grad: () => gr((x) => weighted(F.avg_pool2d(x, 3, {stride: 2, ceil_mode: true})), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  adaptive_avg_pool2d_3_grad: () => gr((x) => weighted(F.adaptive_avg_pool2d(x, 3)), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  adaptive_max_pool2d_3_grad: () => gr((x) => weighted(F.adaptive_max_pool2d(x, 3)), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  interpolate_bilinear_grad: () => gr((x) => weighted(F.interpolate(x, {size: 3, mode: 'bilinear'})), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  interpolate_bilinear_align_grad: () => gr((x) => weighted(F.interpolate(x, {size: 3, mode: 'bilinear', align_corners: true})), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  interpolate_bicubic_grad: () => gr((x) => weighted(F.interpolate(x, {size: 3, mode: 'bicubic'})), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  interpolate_nearest_grad: () => gr((x) => weighted(F.interpolate(x, {size: 3, mode: 'nearest'})), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  pad_reflect_grad: () => gr((x) => weighted(F.pad(x, [2, 1, 1, 2], {mode: 'reflect'})), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  pad_replicate_grad: () => gr((x) => weighted(F.pad(x, [2, 1, 1, 2], {mode: 'replicate'})), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  pad_circular_grad: () => gr((x) => weighted(F.pad(x, [2, 1, 1, 2], {mode: 'circular'})), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  pad_negative_grad: () => gr((x) => weighted(F.pad(x, [-1, 1, 0, -1])), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  unfold_stride_grad: () => gr((x) => weighted(F.unfold(x, 2, {stride: 2})), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  grid_sample_grad: () => gr((x) => weighted(F.grid_sample(x, torch.tensor([[[[0.1, -0.3], [0.5, 0.5]]]]), {align_corners: false})), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
  max_pool1d_ties: () => gr((x) => F.max_pool1d(x, 3, {stride: 1}), [[[1.0, 3.0, 2.0, 3.0, 0.0]]]),
  max_pool1d_constant: () => gr((x) => F.max_pool1d(x, 2), [[[5.0, 5.0, 5.0, 5.0]]]),
  embedding_padding_idx: () => gr((e) => F.embedding(torch.tensor([0, 2, 0]), e, {padding_idx: 0}), [[1.0, 0.0], [2.0, 2.0], [3.0, 1.0]]),
  layer_norm_constant_row: () => gr((x) => F.layer_norm(x, [3]).mul(torch.tensor([1, 2, 3])), [[1.0, 1.0, 1.0], [0.0, 1.0, 5.0]]),
  batchnorm2d_train_grads: () => normGrads(new nn.BatchNorm2d(2), 'train'),
  batchnorm2d_eval_grads: () => normGrads(new nn.BatchNorm2d(2), 'eval'),
  groupnorm_train_grads: () => normGrads(new nn.GroupNorm(1, 2), 'train'),
  groupnorm_eval_grads: () => normGrads(new nn.GroupNorm(1, 2), 'eval'),
  detach_flags: () => {
    const x = P([1.0, 2.0]); const y = x.detach(); return tup(y.is_leaf, y.requires_grad, y.grad_fn);
  },
  clone_flags: () => {
    const x = P([1.0, 2.0]); const y = x.clone(); return tup(y.is_leaf, y.requires_grad, y.grad_fn!.name());
  },
  view_flags: () => {
    const x = P([1.0, 2.0]); const y = x.view(2, 1); return tup(y.is_leaf, y.requires_grad, y.grad_fn!.name(), y._base === x);
  },
  inplace_flags: () => {
    const x = P([1.0, 2.0]); const y = x.mul(2); y.add_(1); return tup(y.is_leaf, y.grad_fn!.name(), y._version);
  },
  torch_tensor_of_tensor_flags: () => {
    const x = P([1.0, 2.0]); const y = torch.tensor(x); return tup(y.is_leaf, y.requires_grad);
  },
  new_tensor_flags: () => {
    const x = P([1.0, 2.0]); const y = x.new_tensor([3.0]); return tup(y.is_leaf, y.requires_grad);
  },
  to_float64_flags: () => {
    const x = P([1.0, 2.0]); const y = x.to(torch.float64); return tup(y.is_leaf, y.requires_grad, y.grad_fn!.name(), y.dtype);
  },
  to_same_dtype_is_self: () => {
    const x = P([1.0, 2.0]); return x.to(torch.float32) === x;
  },
  long_drops_grad: () => {
    const x = P([1.0, 2.0]); const y = x.long(); return tup(y.requires_grad, y.grad_fn);
  },
  data_flags: () => {
    const x = P([1.0, 2.0]); const y = x.data; return tup(y.is_leaf, y.requires_grad);
  },
  data_write_unversioned: () => {
    const x = P([1.0, 2.0]); x.data.mul_(2); x.mul(x).sum().backward(); return tup(x, x.grad, x._version);
  },
  comparison_and_sign_flags: () => {
    const x = P([1.0, 2.0]); return tup(x.gt(1).requires_grad, x.sign().requires_grad, x.floor().grad_fn!.name(), x.argmax().requires_grad);
  },
  parameter_flags: () => {
    const x = P([1.0, 2.0]); const p = new nn.Parameter(torch.ones(2)); return tup(p.is_leaf, p.requires_grad, p.mul(2).is_leaf);
  },
  print_grad_fn: () => {
    const x = P([1.0, 2.0]); return tup(x.mul(2), x.mul(2).sum(), x.mean(), x.index(0));
  },
  int_requires_grad_error: () => {
    const x = P([1.0, 2.0]); torch.tensor([1, 2], {requires_grad: true});
  },
  int_requires_grad_setter_error: () => {
    const x = P([1.0, 2.0]); const y = torch.tensor([1, 2]); y.requires_grad = true;
  },
  nonleaf_requires_grad_false_error: () => {
    const x = P([1.0, 2.0]); x.mul(2).requires_grad_(false);
  },
  backward_twice_error: () => {
    const x = P([1.0, 2.0]); const y = x.mul(x).sum(); y.backward(); y.backward();
  },
  backward_twice_retained: () => {
    const x = P([1.0, 2.0]); const y = x.exp().sum(); y.backward({retain_graph: true}); y.backward(); return x.grad;
  },
  backward_nonscalar_error: () => {
    const x = P([1.0, 2.0]); x.mul(2).backward();
  },
  backward_with_gradient: () => {
    const x = P([1.0, 2.0]); x.mul(2).backward(torch.tensor([1.0, 0.5])); return x.grad;
  },
  inplace_leaf_error: () => {
    const x = P([1.0, 2.0]); x.add_(1);
  },
  setitem_leaf_error: () => {
    const x = P([1.0, 2.0]); x.setitem(0, 5);
  },
  inplace_leaf_under_no_grad: () => {
    const x = P([1.0, 2.0]); torch.no_grad(() => x.add_(1)); return tup(x, x.requires_grad, x._version);
  },
  saved_output_modified_error: () => {
    const x = P([1.0, 2.0]); const y = x.exp(); y.add_(1); y.sum().backward();
  },
  saved_input_modified_error: () => {
    const x = P([1.0, 2.0]); const y = x.mul(1); const z = y.mul(y); y.mul_(2); z.sum().backward();
  },
  saved_relu_modified_error: () => {
    const x = P([1.0, 2.0]); const y = x.relu(); y.relu_(); y.sum().backward();
  },
  unsaved_input_modified_ok: () => {
    const x = P([1.0, 2.0]); const y = x.mul(1); const z = y.add(1); y.mul_(2); z.sum().backward(); return x.grad;
  },
  setitem_copyslices: () => {
    const x = P([1.0, 2.0]); const y = x.mul(1); const v0 = y._version; y.setitem(0, 3); const n = y.grad_fn!.name(); y.sum().backward(); return tup(v0, y._version, n, x.grad);
  },
  inplace_through_view: () => {
    const x = P([1.0, 2.0]); const y = x.mul(1); const v = y.index(':1'); v.mul_(3); const n = tup(y.grad_fn!.name(), v.grad_fn!.name()); y.sum().backward(); return tup(n, x.grad);
  },
  setitem_duplicate_index: () => {
    const x = P([1.0, 2.0]); const y = x.mul(1); y.setitem(torch.tensor([0, 0]), torch.tensor([5, 6], {dtype: torch.float32})); y.mul(torch.tensor([1, 2])).sum().backward(); return x.grad;
  },
  grad_of_constant_error: () => {
    const x = P([1.0, 2.0]); const z = torch.tensor([1.0]); torch.autograd.grad(z.sum(), z);
  },
  grad_input_not_requiring_error: () => {
    const x = P([1.0, 2.0]); torch.autograd.grad(x.mul(2).sum(), torch.ones(2));
  },
  backward_of_constant_error: () => {
    const x = P([1.0, 2.0]); torch.tensor([1.0]).sum().backward();
  },
  grad_unused_error: () => {
    const x = P([1.0, 2.0]); const y = P([3.0]); torch.autograd.grad(x.mul(2).sum(), [x, y]);
  },
  grad_allow_unused: () => {
    const x = P([1.0, 2.0]); const y = P([3.0]); return torch.autograd.grad(x.mul(2).sum(), [x, y], {allow_unused: true});
  },
  grad_grad_outputs: () => {
    const x = P([1.0, 2.0]); const g = torch.autograd.grad(x.pow(3), x, torch.tensor([1.0, 2.0])); return tup(g, x.grad);
  },
  grad_twice_error: () => {
    const x = P([1.0, 2.0]); const y = x.pow(3).sum(); torch.autograd.grad(y, x); torch.autograd.grad(y, x);
  },
  grad_retain_graph: () => {
    const x = P([1.0, 2.0]); const y = x.pow(3).sum(); torch.autograd.grad(y, x, {retain_graph: true}); return torch.autograd.grad(y, x);
  },
  grad_two_outputs: () => {
    const x = P([1.0, 2.0]); return torch.autograd.grad([x.mul(2).sum(), x.mul(3).sum()], x);
  },
  grad_tuple_inputs: () => {
    const x = P([1.0, 2.0]); const y = P([2.0]); return torch.autograd.grad(x.mul(y).sum(), [x, y]);
  },
  grad_is_grads_batched: () => {
    const x = P([1.0, 2.0]); return torch.autograd.grad(x.mul(2), x, torch.eye(2), {is_grads_batched: true});
  },
  grad_is_grads_batched_pow: () => {
    const x = P([1.0, 2.0]); return torch.autograd.grad(x.pow(2), x, torch.tensor([[1, 0], [0, 1], [1, 1]], {dtype: torch.float32}), {is_grads_batched: true});
  },
  grad_create_graph_twice: () => {
    const x = P([1.0, 2.0]); const [g] = torch.autograd.grad(x.pow(3).sum(), x, {create_graph: true}); const [g2] = torch.autograd.grad(g.sum(), x); return tup(g.detach(), g.requires_grad, g2);
  },
  grad_third_order: () => {
    const x = P([1.0, 2.0]); const [g] = torch.autograd.grad(x.pow(3).sum(), x, {create_graph: true}); const [g2] = torch.autograd.grad(g.sum(), x, {create_graph: true}); const [g3] = torch.autograd.grad(g2.sum(), x); return tup(g2.detach(), g3);
  },
  grad_accumulates: () => {
    const x = P([1.0, 2.0]); x.mul(x).sum().backward(); x.mul(3).sum().backward(); return x.grad;
  },
  grad_zero_then_accumulate: () => {
    const x = P([1.0, 2.0]); x.mul(x).sum().backward(); x.grad!.zero_(); x.mul(3).sum().backward(); return x.grad;
  },
  grad_set_to_none: () => {
    const x = P([1.0, 2.0]); x.mul(x).sum().backward(); x.grad = null; x.mul(3).sum().backward(); return x.grad;
  },
  grad_accumulates_in_place: () => {
    const x = P([1.0, 2.0]); x.mul(x).sum().backward(); const g0 = x.grad; x.mul(3).sum().backward(); return tup(g0 === x.grad, g0);
  },
  zero_grad_set_to_none: () => {
    const x = P([1.0, 2.0]); const m = new nn.Linear(2, 1); m(torch.ones(1, 2)).sum().backward(); m.zero_grad(); const a = m.weight.grad; m(torch.ones(1, 2)).sum().backward(); m.zero_grad({set_to_none: false}); return tup(a, m.weight.grad);
  },
  nonleaf_grad_is_none: () => {
    const x = P([1.0, 2.0]); const y = x.mul(2); y.mul(y).sum().backward(); return y.grad;
  },
  retain_grad_nonleaf: () => {
    const x = P([1.0, 2.0]); const y = x.mul(2); y.retain_grad(); y.mul(y).sum().backward(); return tup(y.grad, y.retains_grad, x.retains_grad);
  },
  retain_grad_accumulates: () => {
    const x = P([1.0, 2.0]); const y = x.mul(2); y.retain_grad(); const z = y.mul(y).sum(); z.backward({retain_graph: true}); z.backward(); return y.grad;
  },
  retain_grad_before_hook: () => {
    const x = P([1.0, 2.0]); const y = x.mul(2); y.retain_grad(); y.register_hook((g) => g.add(1)); y.mul(y).sum().backward(); return tup(x.grad, y.grad);
  },
  retain_grad_after_hook: () => {
    const x = P([1.0, 2.0]); const y = x.mul(2); y.register_hook((g) => g.add(1)); y.retain_grad(); y.mul(y).sum().backward(); return tup(x.grad, y.grad);
  },
  retain_grad_between_hooks: () => {
    const x = P([1.0, 2.0]); const y = x.mul(2); y.register_hook((g) => g.add(1)); y.retain_grad(); y.register_hook((g) => g.mul(10)); y.mul(y).sum().backward(); return tup(x.grad, y.grad);
  },
  hook_modifies_then_removed: () => {
    const x = P([1.0, 2.0]); const h = x.register_hook((g) => g.mul(10)); x.mul(x).sum().backward(); const a = x.grad!.clone(); h.remove(); x.grad = null; x.mul(x).sum().backward(); return tup(a, x.grad);
  },
  hooks_run_in_order: () => {
    const x = P([1.0, 2.0]); x.register_hook((g) => g.mul(2)); x.register_hook((g) => g.add(1)); x.sum().backward(); return x.grad;
  },
  hook_on_constant_error: () => {
    const x = P([1.0, 2.0]); torch.ones(2).register_hook((g) => g);
  },
  module_full_backward_hook: () => {
    const x = P([1.0, 2.0]); const m = new nn.Linear(2, 2); torch.no_grad(() => { m.weight.copy_(torch.tensor([[1, 2], [3, 4]])); m.bias.zero_(); }); const seen: unknown[] = []; const h = m.register_full_backward_hook((mod, gi, go) => { seen.push(tup(gi, go)); }); const y = P([[1.0, 1.0]]); m(y).sum().backward(); h.remove(); m(y).sum().backward(); return tup(seen.length, seen[0], y.grad);
  },
  module_full_backward_hook_replaces: () => {
    const x = P([1.0, 2.0]); const m = new nn.ReLU(); m.register_full_backward_hook((mod, gi, go) => [gi[0]!.mul(0).add(7)]); m(x.mul(1)).sum().backward(); return x.grad;
  },
  module_full_backward_hook_no_input_grad: () => {
    const x = P([1.0, 2.0]); const m = new nn.Linear(2, 1); const seen: unknown[] = []; m.register_full_backward_hook((mod, gi, go) => { seen.push(gi); }); m(torch.ones(1, 2)).sum().backward(); return seen[0];
  },
  double_backward_tanh: () => {
    const x = P([0.5, -1.0]); const [g] = torch.autograd.grad((torch.tanh(x)).sum(), x, {create_graph: true}); g.sum().backward(); return tup(g.detach(), x.grad);
  },
  double_backward_sigmoid: () => {
    const x = P([0.5, -1.0]); const [g] = torch.autograd.grad((torch.sigmoid(x)).sum(), x, {create_graph: true}); g.sum().backward(); return tup(g.detach(), x.grad);
  },
  double_backward_softplus: () => {
    const x = P([0.5, -1.0]); const [g] = torch.autograd.grad((F.softplus(x)).sum(), x, {create_graph: true}); g.sum().backward(); return tup(g.detach(), x.grad);
  },
  double_backward_gelu: () => {
    const x = P([0.5, -1.0]); const [g] = torch.autograd.grad((F.gelu(x)).sum(), x, {create_graph: true}); g.sum().backward(); return tup(g.detach(), x.grad);
  },
  double_backward_elu: () => {
    const x = P([0.5, -1.0]); const [g] = torch.autograd.grad((F.elu(x)).sum(), x, {create_graph: true}); g.sum().backward(); return tup(g.detach(), x.grad);
  },
  double_backward_mse_loss: () => {
    const x = P([0.5, -1.0]); const [g] = torch.autograd.grad((F.mse_loss(x, torch.zeros(2))).sum(), x, {create_graph: true}); g.sum().backward(); return tup(g.detach(), x.grad);
  },
  double_backward_exp_sin: () => {
    const x = P([0.5, -1.0]); const [g] = torch.autograd.grad((x.exp().mul(x.sin())).sum(), x, {create_graph: true}); g.sum().backward(); return tup(g.detach(), x.grad);
  },
  double_backward_atan2: () => {
    const x = P([0.5, -1.0]); const [g] = torch.autograd.grad((torch.atan2(x, x.mul(x).add(1))).sum(), x, {create_graph: true}); g.sum().backward(); return tup(g.detach(), x.grad);
  },
  double_backward_name_tanh: () => {
    const x = P([1.0, 2.0]); const [g] = torch.autograd.grad((torch.tanh(x)).sum(), x, {create_graph: true}); return g.grad_fn!.name();
  },
  double_backward_name_sigmoid: () => {
    const x = P([1.0, 2.0]); const [g] = torch.autograd.grad((torch.sigmoid(x)).sum(), x, {create_graph: true}); return g.grad_fn!.name();
  },
  double_backward_name_softplus: () => {
    const x = P([1.0, 2.0]); const [g] = torch.autograd.grad((F.softplus(x)).sum(), x, {create_graph: true}); return g.grad_fn!.name();
  },
  double_backward_name_gelu: () => {
    const x = P([1.0, 2.0]); const [g] = torch.autograd.grad((F.gelu(x)).sum(), x, {create_graph: true}); return g.grad_fn!.name();
  },
  double_backward_name_mse_loss: () => {
    const x = P([1.0, 2.0]); const [g] = torch.autograd.grad((F.mse_loss(x, torch.zeros(2))).sum(), x, {create_graph: true}); return g.grad_fn!.name();
  },
  double_backward_name_relu: () => {
    const x = P([1.0, 2.0]); const [g] = torch.autograd.grad((x.relu().pow(2)).sum(), x, {create_graph: true}); return g.grad_fn!.name();
  },
  double_backward_name_log_softmax: () => {
    const x = P([1.0, 2.0]); const [g] = torch.autograd.grad((F.log_softmax(x, 0).index(0)).sum(), x, {create_graph: true}); return g.grad_fn!.name();
  },
  double_backward_name_softmax: () => {
    const x = P([1.0, 2.0]); const [g] = torch.autograd.grad((F.softmax(x, 0).index(0)).sum(), x, {create_graph: true}); return g.grad_fn!.name();
  },
  double_backward_conv2d: () => {
    const x = P([[[[1.0, 2.0, 0.5], [0.0, -1.0, 2.0], [1.0, 1.0, 1.0]]]]); const w = P([[[[1.0, -1.0], [0.5, 2.0]]]]); const [gx, gw] = torch.autograd.grad(F.conv2d(x, w).pow(2).sum(), [x, w], {create_graph: true}); gx.sum().add(gw.sum()).backward(); return tup(gx.grad_fn!.name(), gx.detach(), gw.detach(), x.grad, w.grad);
  },
  backward_create_graph_grad_requires_grad: () => {
    const x = P([1.0, 2.0]); x.pow(3).sum().backward({create_graph: true}); return tup(x.grad!.detach(), x.grad!.requires_grad);
  },
  no_grad_enable_grad_nesting: () => {
    const x = P([1.0, 2.0]); let y = x, z = x; torch.no_grad(() => { y = x.mul(2); torch.enable_grad(() => { z = x.mul(2); }); }); return tup(y.requires_grad, z.requires_grad, torch.is_grad_enabled());
  },
  set_grad_enabled_switch: () => {
    const x = P([1.0, 2.0]); torch.set_grad_enabled(false); const y = x.mul(2); torch.set_grad_enabled(true); return tup(y.requires_grad, torch.is_grad_enabled());
  },
  set_grad_enabled_block: () => {
    const x = P([1.0, 2.0]); const y = torch.set_grad_enabled(false, () => x.mul(2)); return tup(y.requires_grad, torch.is_grad_enabled());
  },
  inference_mode_block: () => {
    const x = P([1.0, 2.0]); let inside = false; const y = torch.inference_mode(() => { inside = torch.is_inference_mode_enabled(); return x.mul(2); }); return tup(inside, y.requires_grad, torch.is_inference_mode_enabled());
  },
  inference_mode_false: () => {
    const x = P([1.0, 2.0]); const y = torch.inference_mode(false, () => x.mul(2)); return tup(y.requires_grad, torch.is_inference_mode_enabled());
  },
  no_grad_decorator: () => {
    const x = P([1.0, 2.0]); const f = torch.no_grad()((a: Tensor) => a.mul(2)); return tup(f(x).requires_grad, torch.is_grad_enabled());
  },
  no_grad_result_backward_error: () => {
    const x = P([1.0, 2.0]); const y = torch.no_grad(() => x.mul(2)); y.sum().backward();
  },
  t_of_1d_grad_fn: () => {
    const x = P([1.0, 2.0]); return tup(x.t().grad_fn!.name(), x.unsqueeze(0).t().grad_fn!.name());
  },
  function_needs_input_grad: () => {
    const x = P([1.0, 2.0]); const seen: unknown[] = []; class Sq extends torch.autograd.Function { static forward(ctx: FunctionCtx, a: Tensor, b: Tensor) { ctx.save_for_backward(a); return a.mul(a).mul(b); } static backward(ctx: FunctionCtx, g: Tensor) { const [a] = ctx.saved_tensors; seen.push(ctx.needs_input_grad); return [a.mul(2).mul(g), null]; } } const y = Sq.apply(x, torch.tensor(3.0)) as Tensor; const n = y.grad_fn!.name(); y.sum().backward(); return tup(n, seen[0], x.grad);
  },
  function_mark_dirty: () => {
    const x = P([1.0, 2.0]); class D extends torch.autograd.Function { static forward(ctx: FunctionCtx, a: Tensor) { ctx.mark_dirty(a); return a.mul_(2); } static backward(ctx: FunctionCtx, g: Tensor) { return g.mul(2); } } const y = x.mul(1); const z = D.apply(y) as Tensor; const r = tup(z === y, y._version, z.grad_fn!.name()); z.sum().backward(); return tup(r, x.grad);
  },
  function_mark_non_differentiable: () => {
    const seen: unknown[] = []; class S extends torch.autograd.Function { static forward(ctx: FunctionCtx, a: Tensor) { const [v, i] = a.sort(); ctx.mark_non_differentiable(i); ctx.save_for_backward(i); return tup(v, i); } static backward(ctx: FunctionCtx, gv: Tensor, gi: Tensor) { const [i] = ctx.saved_tensors; seen.push(gi); return torch.zeros_like(gv).scatter(0, i, gv); } } const x = P([3.0, 1.0, 2.0]); const [v, i] = S.apply(x) as Tensor[]; const r = tup(v.requires_grad, i.requires_grad); v.mul(torch.arange(3)).sum().backward(); return tup(r, seen[0], x.grad);
  },
  function_none_grad: () => {
    const x = P([1.0, 2.0]); class N extends torch.autograd.Function { static forward(ctx: FunctionCtx, a: Tensor, b: Tensor) { return a.mul(b); } static backward(ctx: FunctionCtx, g: Tensor) { return [null, g]; } } const y = P([2.0]); (N.apply(x, y) as Tensor).sum().backward(); return tup(x.grad, y.grad);
  },
  function_too_many_grads_error: () => {
    const x = P([1.0, 2.0]); class W extends torch.autograd.Function { static forward(ctx: FunctionCtx, a: Tensor) { return a.mul(2); } static backward(ctx: FunctionCtx, g: Tensor) { return [g, g]; } } (W.apply(x) as Tensor).sum().backward();
  },
  function_wrong_grad_shape_error: () => {
    const x = P([1.0, 2.0]); class W2 extends torch.autograd.Function { static forward(ctx: FunctionCtx, a: Tensor) { return a.mul(2); } static backward(ctx: FunctionCtx, g: Tensor) { return torch.ones(3); } } (W2.apply(x) as Tensor).sum().backward();
  },
  jacobian_single: () => {
    const x = P([1.0, 2.0]); return torch.autograd.functional.jacobian((a: Tensor) => a.pow(2).mul(f32([1, 2])), f32([1.0, 3.0]));
  },
  jacobian_tuple_inputs: () => {
    const x = P([1.0, 2.0]); return torch.autograd.functional.jacobian((a: Tensor, b: Tensor) => a.mul(b), [f32([1.0, 3.0]), f32([2.0, 4.0])]);
  },
  jacobian_tuple_outputs: () => {
    const x = P([1.0, 2.0]); return torch.autograd.functional.jacobian((a: Tensor) => [a.mul(2), a.sum()], f32([1.0, 3.0]));
  },
  jacobian_constant_create_graph: () => {
    const x = P([1.0, 2.0]); const j = torch.autograd.functional.jacobian((a: Tensor) => torch.ones(2), f32([1.0, 3.0]), {create_graph: true}) as Tensor; return tup(j, j.requires_grad);
  },
  jacobian_constant_output: () => {
    const x = P([1.0, 2.0]); return torch.autograd.functional.jacobian((a: Tensor) => torch.ones(2), f32([1.0, 3.0]));
  },
  jacobian_strict_constant_error: () => {
    const x = P([1.0, 2.0]); torch.autograd.functional.jacobian((a: Tensor) => torch.ones(2), f32([1.0, 3.0]), {strict: true});
  },
  jacobian_strict_independent_error: () => {
    const x = P([1.0, 2.0]); torch.autograd.functional.jacobian((a: Tensor, b: Tensor) => a.mul(2), [f32([1.0]), f32([2.0])], {strict: true});
  },
  hessian_single: () => {
    const x = P([1.0, 2.0]); return torch.autograd.functional.hessian((a: Tensor) => a.pow(3).sum(), f32([1.0, 2.0]));
  },
  hessian_tuple: () => {
    const x = P([1.0, 2.0]); return torch.autograd.functional.hessian((a: Tensor, b: Tensor) => a.mul(b).mul(b).sum(), [f32([1.0]), f32([2.0])]);
  },
  vjp_with_v: () => {
    const x = P([1.0, 2.0]); return torch.autograd.functional.vjp((a: Tensor) => a.pow(2), f32([1.0, 3.0]), f32([1.0, 0.5]));
  },
  vjp_scalar_no_v: () => {
    const x = P([1.0, 2.0]); return torch.autograd.functional.vjp((a: Tensor) => a.sum(), f32([1.0, 3.0]));
  },
  vjp_no_v_error: () => {
    const x = P([1.0, 2.0]); torch.autograd.functional.vjp((a: Tensor) => a.pow(2), f32([1.0, 3.0]));
  },
  jvp_with_v: () => {
    const x = P([1.0, 2.0]); return torch.autograd.functional.jvp((a: Tensor) => a.pow(2), f32([1.0, 3.0]), f32([1.0, 0.5]));
  },
  jvp_two_inputs: () => {
    const x = P([1.0, 2.0]); return torch.autograd.functional.jvp((a: Tensor, b: Tensor) => a.mul(b).sum(), [f32([1.0, 3.0]), f32([2.0, 4.0])], [f32([1.0, 0.0]), f32([0.0, 1.0])]);
  },
  jvp_tuple_outputs: () => {
    const x = P([1.0, 2.0]); return torch.autograd.functional.jvp((a: Tensor) => [a.exp(), a.sin().sum()], f32([0.0, 1.0]), f32([1.0, 2.0]));
  },
  jvp_no_v_error: () => {
    const x = P([1.0, 2.0]); torch.autograd.functional.jvp((a: Tensor) => a.pow(2), f32([1.0, 3.0]));
  },
  hvp_pow: () => {
    const x = P([1.0, 2.0]); return torch.autograd.functional.hvp((a: Tensor) => a.pow(3).sum(), f32([1.0, 3.0]), f32([1.0, 0.5]));
  },
  vhp_pow: () => {
    const x = P([1.0, 2.0]); return torch.autograd.functional.vhp((a: Tensor) => a.pow(3).sum(), f32([1.0, 3.0]), f32([1.0, 0.5]));
  },
  gradcheck_float64: () => {
    const x = P([1.0, 2.0]); const a = torch.tensor([0.5, 1.5], {dtype: torch.float64, requires_grad: true}); return tup(torch.autograd.gradcheck((t: Tensor) => t.sin().mul(t).sum(), [a]), torch.autograd.gradgradcheck((t: Tensor) => t.sin().mul(t), [a]));
  },
  gradcheck_wrong_backward: () => {
    const x = P([1.0, 2.0]); class Bad extends torch.autograd.Function { static forward(ctx: FunctionCtx, a: Tensor) { return a.mul(2); } static backward(ctx: FunctionCtx, g: Tensor) { return g.mul(3); } } const a = torch.tensor([0.5], {dtype: torch.float64, requires_grad: true}); return torch.autograd.gradcheck((t: Tensor) => Bad.apply(t) as Tensor, [a], {raise_exception: false});
  },
  anomaly_nan_sqrt_error: () => {
    const x = P([0.0]); torch.autograd.detect_anomaly(() => x.sqrt().mul(0).sum().backward());
  },
  anomaly_nan_negative_sqrt_error: () => {
    const x = P([-1.0]); torch.autograd.detect_anomaly(() => x.sqrt().sum().backward());
  },
  anomaly_no_nan_passes: () => {
    const x = P([-1.0]); torch.autograd.detect_anomaly(() => x.log().mul(0).sum().backward()); return tup(x.grad, torch.is_anomaly_enabled());
  },
  anomaly_off_gives_nan: () => {
    const x = P([0.0]); x.sqrt().mul(0).sum().backward(); return x.grad;
  },
  set_detect_anomaly_switch: () => {
    const x = P([1.0, 2.0]); torch.autograd.set_detect_anomaly(true); const a = torch.is_anomaly_enabled(); torch.autograd.set_detect_anomaly(false); return tup(a, torch.is_anomaly_enabled());
  },
  grad_dtype_float64: () => {
    const x = P([1.0, 2.0], torch.float64); x.mul(2).sum().backward(); return tup(x.grad!.dtype, x.grad);
  },
  grad_dtype_through_double: () => {
    const x = P([1.0, 2.0]); const y = x.double(); y.mul(y).sum().backward(); return tup(x.grad!.dtype, x.grad);
  },
  grad_assign_wrong_shape_error: () => {
    const x = P([1.0, 2.0]); x.grad = torch.ones(3);
  },
};

const ERRORS: Record<string, new (...args: never[]) => Error> = {
  RuntimeError: torch.RuntimeError,
  TypeError: torch.TypeError,
  ValueError: torch.ValueError,
};

describe("autograd semantics print as PyTorch's", () => {
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
      // torchlab's messages may add the op and the shapes after PyTorch's text (keyword values spelled as PyTorch's: retain_graph=True).
      expect((thrown as Error).message).toContain(want.error[1]);
      return;
    }
    expect(pyStr(CASES[name]())).toBe(want.print);
  });
});
