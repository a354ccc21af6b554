/**
 * Tensor op semantics as PyTorch 1.13 has them (test/reference/gen_ops_sweep.py), from a sweep of
 * torchlab against PyTorch: dtype promotion and integer overflow, integer division and remainder signs,
 * round half to even, clamp bounds, advanced indexing and index assignment, gather / scatter / index
 * ops, sort / topk / kthvalue / argmax among ties and NaN (sort's default stable=False, topk and
 * kthvalue leave ties where PyTorch's CPU kernels leave them), unique (NaN where PyTorch's `<` sort
 * leaves it), cumulative ops, statistics, histc / bincount (int weights count in float64), einsum /
 * tensordot / cross / norms (p=0, -inf, 'nuc'), repeat / expand / roll / rot90 / triangles /
 * diagonals, shape ops, in-place broadcasting and writes through views, ranges, and seeded randint /
 * randperm / multinomial (without replacement: topk of p / q, zero weights last).
 * Each case is the TypeScript spelling of the generator's Python expression of the same name, printed
 * by print()'s str(); an error case checks the error's type and PyTorch's message.
 */
import { torch } from "../../src";
import { pyStr } from "../../src/display/print";
import { asPyTuple } from "../../src/pyrepr";
import { readReference } from "../tensor/fixtures";

type Ref = { print: string } | { error: [string, string] };
const ref = readReference<Record<string, Ref>>("ops_sweep.json");
type Tensor = torch.Tensor;

const t = torch.tensor;
// JS has no 1.0: the float tensors Python writes with a decimal point are float32 here by their dtype.
const f32 = (v: number | number[] | number[][]): Tensor => torch.tensor(v, { dtype: torch.float32 });
const u8 = (v: number[]): Tensor => torch.tensor(v, { dtype: torch.uint8 });
const i8 = (v: number[]): Tensor => torch.tensor(v, { dtype: torch.int8 });
const i32 = (v: number[]): Tensor => torch.tensor(v, { dtype: torch.int32 });
const tup = (...items: unknown[]): unknown[] => asPyTuple(items);
const seeded = (f: () => unknown, seed = 0) => (): unknown => {
  torch.manual_seed(seed);
  return f();
};
const alt18 = (): Tensor => t(Array.from({ length: 18 }, (_, i) => (i % 2 === 0 ? 2 : 1)));
const x34 = (): Tensor => torch.arange(12).view(3, 4);
const x234 = (): Tensor => torch.arange(24).view(2, 3, 4);

const CASES: Record<string, () => unknown> = {
  int_plus_float_scalar: () => t([1, 2, 3]).add(0.5),
  int_true_div: () => t([1, 2, 3]).div(t([2, 2, 2])),
  int_div_scalar_0d: () => t(5).div(2),
  floor_divide_neg: () => t([-7, 7, -3]).floor_divide(t([2, -2, 2])),
  div_floor: () => torch.div(t([-7, 7, -3]), 2, { rounding_mode: "floor" }),
  div_trunc: () => torch.div(t([-7, 7, -3]), 2, { rounding_mode: "trunc" }),
  div_floor_float: () => torch.div(t([-7.5, 7.5]), 2, { rounding_mode: "floor" }),
  bool_add: () => t([true, false]).add(t([true, true])),
  bool_sum: () => t([true, false, true]).sum(),
  bool_sum_dim: () => t([[true, false], [true, true]]).sum(0),
  bool_mul_int: () => t([true, false]).mul(3),
  bool_add_float: () => t([true, false]).add(1.5),
  uint8_overflow: () => u8([250, 10]).add(10),
  uint8_underflow: () => u8([1, 2]).sub(3),
  uint8_add_uint8: () => u8([200]).add(u8([100])),
  int8_mul_int8: () => i8([100, -100]).mul(i8([2, 2])),
  int8_pow: () => i8([2]).pow(7),
  int32_plus_int64_dtype: () => i32([1, 2]).add(t([1])).dtype,
  int32_plus_scalar_dtype: () => i32([1, 2]).add(5).dtype,
  uint8_int8_dtype: () => u8([1, 2]).add(i8([1])).dtype,
  int_f64_dtype: () => t([1, 2]).add(t([1], { dtype: torch.float64 })).dtype,
  int_0d_f64_dtype: () => t([1, 2]).mul(t(2.5, { dtype: torch.float64 })).dtype,
  int_pow_float_tensor: () => t([2, 3]).pow(f32([2, 0.5])),
  int_neg_pow: () => t([2]).pow(-1),
  int_sqrt: () => t([4, 9]).sqrt(),
  int_mean: () => torch.mean(t([1, 2]).float()),
  uint8_div: () => u8([10]).div(4),
  float_div_zero: () => f32([5, -5, 0]).div(0),
  cast_float_to_uint8: () => tup(t([1.5]).int(), t([-1.5]).long(), t([300.7]).byte(), f32([-1]).byte()),
  remainder_signs: () => torch.remainder(t([-3, 3, -3, 3]), t([2, 2, -2, -2])),
  fmod_signs: () => torch.fmod(t([-3, 3, -3, 3]), t([2, 2, -2, -2])),
  remainder_float: () => t([-3.5, 3.5]).remainder(2),
  fmod_float_neg: () => torch.fmod(t([-3.5, 3.5]), -2),
  remainder_scalar_first: () => torch.remainder(-7, t([3, -3])),
  remainder_tiny: () => t([1e-8, -1e-8]).remainder(1),
  round_half_even: () => torch.round(t([0.5, 1.5, 2.5, -0.5, -1.5, -2.5])),
  round_decimals: () => torch.round(t([0.125, 0.375]), { decimals: 2 }),
  round_int: () => t([15, 25, -15]).round(),
  trunc_floor_ceil: () => tup(t([-2.5, 2.5]).trunc(), t([-2.5, 2.5]).floor(), t([-2.5, 2.5]).ceil()),
  clamp_tensor_bounds: () => torch.clamp(f32([1, 5, 9]), { min: f32([2, 2, 2]), max: f32([4, 6, 8]) }),
  clamp_min_only: () => torch.clamp(f32([1, 5, 9]), { min: 3 }),
  clamp_max_only_int: () => t([1, 5, 9]).clamp({ max: 4 }),
  clamp_min_gt_max: () => torch.clamp(f32([1, 5, 9]), 6, 4),
  clamp_nan: () => f32([1, NaN]).clamp(0, 0.5),
  index_rows: () => x34().__getitem__([0, 2]),
  index_pairs: () => x34().index([t([0, 2]), t([1, 3])]),
  index_slice_list: () => x34().index([":", t([0, -1])]),
  index_mask: () => x34().index(x34().gt(5)),
  index_none: () => x34().index("None, 1").shape,
  index_ellipsis: () => x234().index("..., 1"),
  index_ellipsis_none_slice: () => x234().index("..., None, 1:3").shape,
  index_slice_adv_slice: () => x234().index([":", t([0, 2]), "1:3"]),
  index_adv_split_by_slice: () => x234().index([t([0, 1]), ":", t([1, 2])]),
  index_adv_adjacent: () => x234().index([":", t([0, 1]), t([1, 2])]),
  index_int_then_adv: () => x234().index([0, ":", t([1, 2])]),
  index_adv_broadcast: () => x234().index([t([[0], [1]]), ":", t([1, 2])]).shape,
  index_negative: () => x34().index("-1, -2"),
  index_negative_slices: () => x34().index("-2:, -3:-1"),
  index_step_past_end: () => x34().index("::2, 5:"),
  index_mask_then_int: () => x34().index([x34().index(":, 0").gt(3), 1]),
  index_2d_index_tensor: () => x34().index(t([[0, 1], [2, 2]])),
  index_bool_rows: () => x34().index(t([true, false, true])),
  index_out_of_range: () => torch.arange(5).index(t([5])),
  setitem_column_broadcast: () => torch.zeros(3, 4).setitem(":, 1", f32([1, 2, 3])),
  setitem_block_broadcast: () => torch.zeros(3, 4).setitem("1:, :2", f32([5, 6])),
  setitem_adv_broadcast: () => torch.zeros(3, 4).setitem([":", t([0, 2])], f32([[1], [2], [3]])),
  setitem_pairs_scalar: () => torch.zeros(3, 4).setitem([t([0, 2]), t([1, 3])], 5),
  setitem_mask_scalar: () => torch.arange(6, { dtype: torch.float32 }).setitem(torch.arange(6).gt(2), 0),
  setitem_mask_values: () => torch.arange(6, { dtype: torch.float32 }).view(2, 3).setitem(torch.arange(6).view(2, 3).gt(2), f32([9, 8, 7])),
  setitem_mask_bad_shape: () => torch.zeros(2, 3).setitem(torch.zeros(2, 3).eq(0), f32([1, 2])),
  index_put_accumulate: () => torch.zeros(5).index_put_([t([0, 0, 2])], f32([1, 2, 3]), { accumulate: true }),
  index_put_2d_accumulate: () => torch.zeros(2, 2).index_put_([t([0, 0]), t([1, 1])], f32([1, 2]), { accumulate: true }),
  mask_mul_inplace: () => {
    const x = torch.arange(6);
    const m = x.remainder(2).eq(0);
    return x.setitem(m, x.index(m).mul_(10));
  },
  dup_index_add: () => {
    const x = torch.arange(4);
    return x.__setitem__([0, 0], x.__getitem__([0, 0]).add_(1));
  },
  gather_dim1: () => torch.gather(torch.arange(6).view(2, 3), 1, t([[2, 0], [1, 1]])),
  gather_dim0: () => torch.gather(torch.arange(6).view(2, 3), 0, t([[1, 0, 1]])),
  scatter_scalar: () => torch.zeros(3, 3).scatter(0, t([[0, 1, 2]]), 1.5),
  scatter_src: () => torch.zeros(2, 4).scatter_(1, t([[1, 3], [0, 0]]), f32([[1, 2], [3, 4]])),
  scatter_add: () => torch.zeros(5).scatter_add(0, t([0, 1, 0, 4]), f32([1, 2, 3, 4])),
  scatter_reduce_add: () => torch.zeros(4).scatter(0, t([0, 1, 0]), f32([1, 2, 3]), { reduce: "add" }),
  scatter_reduce_multiply: () => torch.ones(4).scatter(0, t([0, 1, 0]), f32([2, 3, 4]), { reduce: "multiply" }),
  index_add_dup: () => torch.zeros(3, 2).index_add(0, t([0, 2, 0]), torch.ones(3, 2)),
  index_add_alpha: () => torch.zeros(3, 2).index_add(0, t([0, 2]), torch.ones(2, 2), { alpha: 2 }),
  index_select_dup: () => torch.arange(6).view(2, 3).index_select(1, t([2, 0, 2])),
  masked_fill_broadcast: () => torch.arange(6).view(2, 3).masked_fill(t([true, false, true]), 9),
  masked_select_broadcast: () => torch.arange(6).view(2, 3).masked_select(t([true, false, true])),
  take_negative: () => torch.take(torch.arange(6).view(2, 3), t([[0, 5], [-1, 2]])),
  put_accumulate: () => torch.zeros(2, 3).put_(t([0, 0, 5]), f32([1, 2, 3]), { accumulate: true }),
  where_scalars_tensor: () => torch.where(t([true, false]), t([1, 2]), 0.5),
  where_int_scalar: () => torch.where(t([true, false]), t([1, 2]), 7),
  sort_stable: () => torch.sort(t([3, 1, 2, 1, 3]), { stable: true }),
  sort_desc_stable: () => torch.sort(t([3, 1, 2, 1, 3]), { descending: true, stable: true }),
  sort_nan: () => torch.sort(f32([3, NaN, 1, 2])),
  sort_nan_desc: () => torch.sort(f32([NaN, 1, NaN, -1]), { descending: true }),
  sort_unstable_ties: () => torch.sort(alt18()).indices,
  sort_unstable_ties_desc: () => torch.sort(alt18(), { descending: true }).indices,
  sort_stable_ties_18: () => torch.sort(alt18(), { stable: true }).indices,
  argsort_unstable_40: () => torch.argsort(torch.arange(40).remainder(4)),
  argsort_unstable_desc_dim0: () => torch.argsort(torch.arange(60).view(20, 3).remainder(2), { dim: 0, descending: true }),
  sort_nan_ties_25: () => torch.sort(f32([...Array<number>(20).fill(NaN), 1, 1, 1, 1, 1])).indices,
  topk_ties: () => torch.topk(t([1, 3, 3, 2, 3]), 2),
  topk_ties_3: () => torch.topk(t([1, 3, 3, 2, 3]), 3),
  topk_ties_smallest: () => torch.topk(f32([1, 3, 3, 2, 1]), 2, { largest: false }),
  topk_all_equal: () => torch.topk(torch.zeros(10), 3),
  topk_unsorted: () => torch.topk(t([1, 3, 3, 2, 3]), 3, { sorted: false }),
  topk_partial_sort_path: () => torch.topk(torch.arange(200).remainder(3), 2),
  topk_rows: () => torch.topk(t([[1, 3, 3], [2, 2, 2]]), 2, { dim: 1 }),
  topk_nan: () => torch.topk(f32([1, NaN, 3]), 1),
  argmax_ties: () => torch.argmax(t([1, 3, 3, 2])),
  argmin_ties: () => torch.argmin(t([1, 0, 3, 0])),
  argmax_nan: () => torch.argmax(f32([1, NaN, 3])),
  argmax_dim_ties: () => t([[1, 5, 5], [7, 7, 2]]).argmax({ dim: 1 }),
  max_nan: () => torch.max(f32([1, NaN, 3])),
  min_dim_nan: () => torch.min(f32([[1, NaN], [0, 3]]), { dim: 1 }),
  max_dim_ties: () => torch.max(t([[1, 5, 5], [7, 7, 2]]), { dim: 0 }),
  maximum_nan: () => torch.maximum(f32([1, NaN]), f32([2, 0])),
  fmax_nan: () => torch.fmax(f32([1, NaN]), f32([2, 0])),
  amax_dim_nan: () => torch.amax(f32([[1, NaN], [2, 1]]), { dim: 1 }),
  nanmean: () => torch.nanmean(f32([1, NaN, 3])),
  nansum_dim: () => torch.nansum(f32([[1, NaN], [2, 3]]), { dim: 0 }),
  nanmean_all_nan_row: () => torch.nanmean(f32([[1, NaN], [NaN, NaN]]), { dim: 1 }),
  unique_sorted: () => torch.unique(t([3, 1, 2, 3, 1])),
  unique_inverse: () => torch.unique(t([3, 1, 2, 3, 1]), { return_inverse: true }),
  unique_dim0: () => torch.unique(t([[1, 2], [1, 2], [0, 5]]), { dim: 0, return_inverse: true, return_counts: true }),
  unique_nan: () => torch.unique(f32([2, NaN, 1, NaN, 0]), { return_inverse: true, return_counts: true }),
  unique_nan_long: () => torch.unique(f32([5, 4, 3, 2, 1, 0, NaN, 9, 8, 7, 6, 5, 11, 12, -1, -2, -3, -4, -5, 20, NaN])),
  unique_2d_inverse: () => torch.unique(t([[3, 1], [1, 3]]), { return_inverse: true }),
  unique_consecutive: () => torch.unique_consecutive(t([1, 1, 2, 2, 1]), { return_counts: true, return_inverse: true }),
  cumsum_int_dtype: () => torch.cumsum(i32([1, 2, 3]), 0).dtype,
  cumsum_bool: () => torch.cumsum(t([true, true, false]), 0),
  cumsum_uint8: () => torch.cumsum(u8([200, 100]), 0),
  cumprod_int8: () => torch.cumprod(i8([1, 2, 3]), 0),
  cumsum_dtype_arg: () => torch.cumsum(t([1, 2, 3]), 0, { dtype: torch.float32 }),
  cummax_ties: () => torch.cummax(t([1, 3, 2, 3, 5]), 0),
  cummin_ties: () => torch.cummin(f32([3, 1, 2, 1]), 0),
  cummax_nan: () => torch.cummax(f32([1, NaN, 2]), 0),
  std_default: () => f32([1, 2, 4]).std(),
  std_biased: () => f32([1, 2, 4]).std({ unbiased: false }),
  var_correction_dim: () => f32([[1, 2], [4, 7]]).var(0, { correction: 0 }),
  std_keepdim: () => f32([[1, 2], [4, 7]]).std(1, { keepdim: true }),
  std_one_element: () => f32([1]).std(),
  std_of_int: () => t([1, 2]).std(),
  median_even: () => torch.median(f32([4, 1, 3, 2])),
  median_dim_ties: () => torch.median(t([[4, 1, 3, 2], [5, 5, 1, 1]]), { dim: 1 }),
  median_nan: () => torch.median(f32([1, NaN, 3])),
  nanmedian: () => torch.nanmedian(f32([1, NaN, 3, 2])),
  quantile_linear: () => torch.quantile(f32([1, 2, 3, 4]), 0.4),
  quantile_lower: () => torch.quantile(f32([1, 2, 3, 4]), 0.4, { interpolation: "lower" }),
  quantile_higher: () => torch.quantile(f32([1, 2, 3, 4]), 0.4, { interpolation: "higher" }),
  quantile_nearest_half: () => torch.quantile(f32([1, 2, 3, 4]), 0.5, { interpolation: "nearest" }),
  quantile_midpoint: () => torch.quantile(f32([1, 2, 3, 4]), 0.4, { interpolation: "midpoint" }),
  quantile_tensor_q: () => torch.quantile(f32([1, 2, 3, 4, 5]), f32([0.1, 0.9])),
  quantile_out_of_range: () => torch.quantile(f32([1, 2]), 1.5),
  kthvalue_ties_rows: () => torch.kthvalue(f32([[3, 1, 2], [1, 1, 1]]), 1, { dim: 1 }),
  kthvalue_ties_18: () => torch.kthvalue(alt18(), 5),
  mode_ties: () => torch.mode(t([1, 2, 2, 3, 3])),
  mode_rows: () => torch.mode(t([[1, 1, 2], [3, 2, 2]]), 1),
  histc_range: () => torch.histc(f32([1, 2, 1, 4]), { bins: 4, min: 0, max: 3 }),
  histc_auto: () => torch.histc(f32([1, 2, 1, 4]), { bins: 3 }),
  histc_constant: () => torch.histc(f32([2, 2]), { bins: 2 }),
  bincount: () => torch.bincount(t([0, 1, 1, 3])),
  bincount_weights: () => torch.bincount(t([0, 1, 1, 3]), { weights: f32([0.5, 1, 1, 2]) }),
  bincount_int_weights: () => torch.bincount(t([0, 1]), { weights: t([1, 2]) }),
  bincount_minlength: () => torch.bincount(t([0, 1]), { minlength: 4 }),
  bincount_negative: () => torch.bincount(t([-1, 1])),
  einsum_matmul: () => torch.einsum("ij,jk->ik", torch.arange(6, { dtype: torch.float32 }).view(2, 3), torch.arange(6, { dtype: torch.float32 }).view(3, 2)),
  einsum_bmm: () => torch.einsum("bij,bjk->bik", torch.arange(12, { dtype: torch.float32 }).view(2, 2, 3), torch.arange(12, { dtype: torch.float32 }).view(2, 3, 2)),
  einsum_diag: () => torch.einsum("ii->i", torch.arange(9, { dtype: torch.float32 }).view(3, 3)),
  einsum_trace: () => torch.einsum("ii", torch.arange(9, { dtype: torch.float32 }).view(3, 3)),
  einsum_outer: () => torch.einsum("i,j->ij", f32([1, 2]), f32([3, 4, 5])),
  einsum_implicit_transpose: () => torch.einsum("ji", torch.arange(6, { dtype: torch.float32 }).view(2, 3)),
  einsum_ellipsis: () => torch.einsum("...ij->...ji", torch.arange(12, { dtype: torch.float32 }).view(2, 2, 3)).shape,
  einsum_list: () => torch.einsum("ij,jk", [torch.eye(2), torch.ones(2, 2)]),
  einsum_int: () => torch.einsum("ij,jk->ik", torch.arange(4).view(2, 2), torch.arange(4).view(2, 2)),
  tensordot_1: () => torch.tensordot(torch.arange(6, { dtype: torch.float32 }).view(2, 3), torch.arange(12, { dtype: torch.float32 }).view(3, 4), { dims: 1 }),
  tensordot_pairs: () => torch.tensordot(torch.arange(6, { dtype: torch.float32 }).view(2, 3), torch.arange(6, { dtype: torch.float32 }).view(3, 2), { dims: [[1], [0]] }),
  tensordot_0: () => torch.tensordot(f32([1, 2]), f32([3, 4]), { dims: 0 }),
  outer_int_float: () => torch.outer(t([1, 2]), t([0.5])),
  cross_dim1: () => torch.cross(torch.arange(6, { dtype: torch.float32 }).view(2, 3), torch.ones(2, 3), { dim: 1 }),
  cross_default_dim: () => torch.cross(torch.arange(6, { dtype: torch.float32 }).view(3, 2), torch.ones(3, 2)),
  cross_int: () => torch.cross(t([1, 2, 3]), t([4, 5, 6])),
  norm_default: () => torch.norm(f32([3, 4])),
  norm_p1: () => torch.norm(f32([3, -4]), { p: 1 }),
  norm_inf: () => torch.norm(f32([3, -4]), { p: Infinity }),
  norm_p0: () => torch.norm(f32([3, -4, 0]), { p: 0 }),
  norm_neg_inf: () => f32([3, -4, 0.5]).norm(-Infinity),
  norm_p3_dim: () => torch.arange(6, { dtype: torch.float32 }).view(2, 3).norm(3, { dim: 0 }),
  norm_fro: () => torch.norm(torch.arange(6, { dtype: torch.float32 }).view(2, 3), { p: "fro" }),
  norm_nuc: () => torch.norm(torch.arange(6, { dtype: torch.float32 }).view(2, 3), { p: "nuc" }),
  linalg_norm_matrix_1: () => torch.linalg.norm(torch.arange(6, { dtype: torch.float32 }).view(2, 3), { ord: 1 }),
  linalg_norm_matrix_inf: () => torch.linalg.norm(torch.arange(6, { dtype: torch.float32 }).view(2, 3), { ord: Infinity }),
  linalg_norm_vector_dim: () => torch.linalg.norm(torch.arange(6, { dtype: torch.float32 }).view(2, 3), { ord: 3, dim: 1 }),
  vector_norm_neg_inf: () => torch.linalg.vector_norm(f32([3, -4]), { ord: -Infinity }),
  repeat_2d: () => t([1, 2]).repeat(2, 2),
  expand_neg1: () => t([[1], [2]]).expand(-1, 3),
  expand_bad: () => t([1, 2]).expand(3),
  repeat_interleave_tensor: () => t([[1, 2], [3, 4]]).repeat_interleave(t([1, 2]), { dim: 0 }),
  repeat_interleave_counts_only: () => torch.repeat_interleave(t([2, 3])),
  repeat_interleave_flat: () => t([[1, 2], [3, 4]]).repeat_interleave(2),
  roll_flat: () => torch.roll(torch.arange(6).view(2, 3), -1),
  roll_two_dims: () => torch.roll(torch.arange(6).view(2, 3), [1, 1], [0, 1]),
  roll_big_shift: () => torch.roll(torch.arange(6).view(2, 3), { shifts: 7, dims: 1 }),
  flip_both: () => torch.flip(torch.arange(6).view(2, 3), [0, 1]),
  rot90_once: () => torch.rot90(torch.arange(6).view(2, 3)),
  rot90_neg: () => torch.rot90(torch.arange(6).view(2, 3), -1),
  rot90_dims_reversed: () => torch.rot90(torch.arange(6).view(2, 3), 3, [1, 0]),
  tril_diag1: () => torch.tril(torch.ones(3, 4), { diagonal: 1 }),
  triu_neg_batched: () => torch.triu(torch.ones(2, 3, 3), -1).get(1),
  triu_indices: () => torch.triu_indices(3, 4, 1),
  diag_offset_vector: () => torch.diag(t([1, 2]), 1),
  diag_of_matrix_neg: () => torch.diag(torch.arange(12).view(3, 4), -1),
  diagonal_offset_dims: () => torch.diagonal(torch.arange(24).view(2, 3, 4), { offset: 1, dim1: 0, dim2: 2 }),
  diag_embed_offset: () => torch.diag_embed(t([1, 2]), { offset: -1 }),
  flatten_start: () => torch.arange(24).view(2, 3, 4).flatten(1).shape,
  flatten_0d: () => t(5).flatten(),
  unflatten_neg1: () => torch.arange(24).view(2, 12).unflatten(1, [-1, 4]).shape,
  movedim_multi: () => torch.arange(24).view(2, 3, 4).movedim([0, 1], [2, 0]).shape,
  moveaxis_neg: () => torch.moveaxis(torch.arange(6).view(2, 3), -1, 0),
  permute_neg: () => torch.arange(24).view(2, 3, 4).permute(-1, 0, 1).get(1),
  squeeze_non1_dim: () => torch.zeros(2, 1, 3).squeeze(0).shape,
  squeeze_neg: () => torch.zeros(2, 1, 3).squeeze(-2).shape,
  transposed_reshape: () => torch.arange(6).view(2, 3).t().reshape(-1),
  inplace_broadcast_bigger: () => torch.zeros(3).add_(torch.ones(2, 3)),
  inplace_mul_broadcast_bigger: () => torch.zeros(2, 1).mul_(torch.ones(2, 3)),
  inplace_long_plus_float: () => torch.zeros(3, { dtype: torch.long }).add_(1.5),
  inplace_on_expanded: () => torch.ones(3).expand(2, 3).add_(1),
  inplace_smaller_broadcasts: () => torch.zeros(2, 3).add_(torch.ones(3)),
  float_plus_int_inplace: () => torch.zeros(3).add_(t([1, 2, 3])),
  write_through_views: () => {
    const a = torch.arange(6, { dtype: torch.float32 }).view(2, 3);
    a.index(":, 1").mul_(-1);
    a.t().get(0).fill_(9);
    return a;
  },
  reshape_view_or_copy: () => {
    const a = torch.arange(6, { dtype: torch.float32 }).view(2, 3);
    a.reshape(3, 2).setitem("0, 0", 9);
    const c = a.t().reshape(6);
    c.setitem(1, -1);
    return tup(a, c);
  },
  clone_vs_detach: () => {
    const a = torch.arange(3, { dtype: torch.float32 });
    const b = a.clone();
    b.setitem(0, 5);
    a.detach().setitem(1, 7);
    return tup(a, b);
  },
  slice_sees_base_write: () => {
    const a = torch.arange(4, { dtype: torch.float32 });
    const b = a.index("1:3");
    a.fill_(0);
    return b;
  },
  arange_float_step: () => torch.arange(0, 1, 0.1),
  arange_end_not_reached: () => torch.arange(0, 1, 0.3),
  arange_half_steps: () => torch.arange(1, 2.5, 0.5),
  arange_negative_step: () => torch.arange(5, 0, -2),
  arange_float_start: () => torch.arange(0.5, 3),
  arange_empty: () => torch.arange(3, 3),
  arange_rounding: () => torch.arange(0, 0.9, 0.3),
  linspace_one: () => torch.linspace(0, 1, 1),
  linspace_descending: () => torch.linspace(3, -3, 4),
  linspace_int64: () => torch.linspace(0, 10, 4, { dtype: torch.int64 }),
  logspace_base2: () => torch.logspace(0, 3, 4, { base: 2 }),
  logspace_negative: () => torch.logspace(-2, 0, 3),
  randint_values: seeded(() => torch.randint(0, 10, [2, 3])),
  randint_int32: seeded(() => torch.randint(3, 5, [3], { dtype: torch.int32 })),
  randperm_values: seeded(() => torch.randperm(6)),
  multinomial_no_replacement: seeded(() => torch.multinomial(f32([0.1, 0.2, 0.7]), 2)),
  multinomial_replacement: seeded(() => torch.multinomial(f32([0.1, 0.2, 0.7]), 5, { replacement: true })),
  multinomial_zero_weights_last: seeded(() => torch.multinomial(f32([0, 1, 0, 2]), 4)),
  multinomial_rows_ties: seeded(() => torch.multinomial(f32([[0, 1, 0], [1, 1, 0]]), 3), 3),
  multinomial_zero_row: seeded(() => torch.multinomial(f32([0, 0]), 1)),
};

const ERRORS: Record<string, new (...args: never[]) => Error> = {
  RuntimeError: torch.RuntimeError,
  IndexError: torch.IndexError,
  TypeError: torch.TypeError,
  ValueError: torch.ValueError,
};

describe("tensor op semantics print as PyTorch's", () => {
  test("every generator case has a TypeScript spelling", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(ref).filter((k) => k !== "versions").sort());
  });
  test.each(Object.keys(CASES))("%s", (name) => {
    const want = ref[name];
    if ("error" in want) {
      // torchlab's messages may add the op and the shapes after PyTorch's text.
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
