"""PyTorch 1.13 / Python 3.11 references for test/api/ops_sweep.test.ts: tensor op semantics found by
sweeping torchlab against PyTorch (dtype promotion, integer division and remainder signs, rounding,
clamp, advanced indexing and index assignment, gather / scatter / index ops, sort / topk / kthvalue /
argmax ties and NaN, unique, cumulative ops, std / var / median / quantile / mode, histc / bincount,
einsum / tensordot / cross / norms, repeat / expand / roll / rot90 / triangles / diagonals, shape ops,
in-place broadcasting and views, arange / linspace / logspace, seeded randint / randperm /
multinomial). Each case is one Python expression; the test prints its TypeScript spelling, under the
same name, and compares print()'s text (or the error's type and PyTorch's message). Run with
Debian's /usr/bin/python3 from test/reference: writes ops_sweep.json.
"""
import json
import sys

import torch

assert torch.__version__.startswith("1.13"), torch.__version__

nan = float("nan")
inf = float("inf")
t = torch.tensor
x34 = torch.arange(12).view(3, 4)
x234 = torch.arange(24).view(2, 3, 4)
alt18 = t([2, 1] * 9)


def seeded(f, seed=0):
    def run():
        torch.manual_seed(seed)
        return f()
    return run


def setitem(make, index, value):
    def run():
        x = make()
        x[index] = value
        return x
    return run


def inplace(f):
    def run():
        return f()
    return run


def index_put_acc():
    x = torch.zeros(5)
    return x.index_put_((t([0, 0, 2]),), t([1.0, 2.0, 3.0]), accumulate=True)


def index_put_2d_acc():
    x = torch.zeros(2, 2)
    return x.index_put_((t([0, 0]), t([1, 1])), t([1.0, 2.0]), accumulate=True)


def put_acc():
    x = torch.zeros(2, 3)
    return x.put_(t([0, 0, 5]), t([1.0, 2.0, 3.0]), accumulate=True)


def mask_mul():
    x = torch.arange(6)
    x[x % 2 == 0] *= 10
    return x


def dup_index_add():
    x = torch.arange(4)
    x[[0, 0]] += 1
    return x


def view_write():
    a = torch.arange(6.0).view(2, 3)
    a[:, 1].mul_(-1)
    a.t()[0].fill_(9)
    return a


def reshape_alias():
    a = torch.arange(6.0).view(2, 3)
    b = a.reshape(3, 2)
    b[0, 0] = 9
    c = a.t().reshape(6)
    c[1] = -1
    return (a, c)


def clone_detach():
    a = torch.arange(3.0)
    b = a.clone()
    b[0] = 5
    d = a.detach()
    d[1] = 7
    return (a, b)


def slice_sees_write():
    a = torch.arange(4.0)
    b = a[1:3]
    a.fill_(0)
    return b


def add_broadcast_bigger():
    a = torch.zeros(3)
    a += torch.ones(2, 3)


def mul_broadcast_bigger():
    torch.zeros(2, 1).mul_(torch.ones(2, 3))


def long_add_float():
    a = torch.zeros(3, dtype=torch.long)
    a += 1.5


def expanded_write():
    torch.ones(3).expand(2, 3).add_(1)


CASES = {
    # dtype promotion and integer arithmetic
    "int_plus_float_scalar": lambda: t([1, 2, 3]) + 0.5,
    "int_true_div": lambda: t([1, 2, 3]) / t([2, 2, 2]),
    "int_div_scalar_0d": lambda: t(5) / 2,
    "floor_divide_neg": lambda: t([-7, 7, -3]).floor_divide(t([2, -2, 2])),
    "div_floor": lambda: torch.div(t([-7, 7, -3]), 2, rounding_mode="floor"),
    "div_trunc": lambda: torch.div(t([-7, 7, -3]), 2, rounding_mode="trunc"),
    "div_floor_float": lambda: torch.div(t([-7.5, 7.5]), 2, rounding_mode="floor"),
    "bool_add": lambda: t([True, False]) + t([True, True]),
    "bool_sum": lambda: t([True, False, True]).sum(),
    "bool_sum_dim": lambda: t([[True, False], [True, True]]).sum(0),
    "bool_mul_int": lambda: t([True, False]) * 3,
    "bool_add_float": lambda: t([True, False]) + 1.5,
    "uint8_overflow": lambda: t([250, 10], dtype=torch.uint8) + 10,
    "uint8_underflow": lambda: t([1, 2], dtype=torch.uint8) - 3,
    "uint8_add_uint8": lambda: t([200], dtype=torch.uint8) + t([100], dtype=torch.uint8),
    "int8_mul_int8": lambda: t([100, -100], dtype=torch.int8) * t([2, 2], dtype=torch.int8),
    "int8_pow": lambda: t([2], dtype=torch.int8) ** 7,
    "int32_plus_int64_dtype": lambda: (t([1, 2], dtype=torch.int32) + t([1])).dtype,
    "int32_plus_scalar_dtype": lambda: (t([1, 2], dtype=torch.int32) + 5).dtype,
    "uint8_int8_dtype": lambda: (t([1, 2], dtype=torch.uint8) + t([1], dtype=torch.int8)).dtype,
    "int_f64_dtype": lambda: (t([1, 2]) + t([1.0], dtype=torch.float64)).dtype,
    "int_0d_f64_dtype": lambda: (t([1, 2]) * t(2.5, dtype=torch.float64)).dtype,
    "int_pow_float_tensor": lambda: t([2, 3]) ** t([2.0, 0.5]),
    "int_neg_pow": lambda: t([2]) ** -1,
    "int_sqrt": lambda: t([4, 9]).sqrt(),
    "int_mean": lambda: torch.mean(t([1, 2]).float()),
    "uint8_div": lambda: t([10], dtype=torch.uint8) / 4,
    "float_div_zero": lambda: t([5.0, -5.0, 0.0]) / 0,
    "cast_float_to_uint8": lambda: (t([1.5]).int(), t([-1.5]).long(), t([300.7]).byte(), t([-1.0]).byte()),
    # remainder, fmod, rounding, clamp
    "remainder_signs": lambda: torch.remainder(t([-3, 3, -3, 3]), t([2, 2, -2, -2])),
    "fmod_signs": lambda: torch.fmod(t([-3, 3, -3, 3]), t([2, 2, -2, -2])),
    "remainder_float": lambda: t([-3.5, 3.5]) % 2,
    "fmod_float_neg": lambda: torch.fmod(t([-3.5, 3.5]), -2),
    "remainder_scalar_first": lambda: torch.remainder(-7, t([3, -3])),
    "remainder_tiny": lambda: t([1e-8, -1e-8]) % 1,
    "round_half_even": lambda: torch.round(t([0.5, 1.5, 2.5, -0.5, -1.5, -2.5])),
    "round_decimals": lambda: torch.round(t([0.125, 0.375]), decimals=2),
    "round_int": lambda: t([15, 25, -15]).round(),
    "trunc_floor_ceil": lambda: (t([-2.5, 2.5]).trunc(), t([-2.5, 2.5]).floor(), t([-2.5, 2.5]).ceil()),
    "clamp_tensor_bounds": lambda: torch.clamp(t([1.0, 5.0, 9.0]), min=t([2.0, 2.0, 2.0]), max=t([4.0, 6.0, 8.0])),
    "clamp_min_only": lambda: torch.clamp(t([1.0, 5.0, 9.0]), min=3),
    "clamp_max_only_int": lambda: t([1, 5, 9]).clamp(max=4),
    "clamp_min_gt_max": lambda: torch.clamp(t([1.0, 5.0, 9.0]), 6, 4),
    "clamp_nan": lambda: t([1.0, nan]).clamp(0, 0.5),
    # advanced indexing
    "index_rows": lambda: x34[[0, 2]],
    "index_pairs": lambda: x34[t([0, 2]), t([1, 3])],
    "index_slice_list": lambda: x34[:, t([0, -1])],
    "index_mask": lambda: x34[x34 > 5],
    "index_none": lambda: x34[None, 1].shape,
    "index_ellipsis": lambda: x234[..., 1],
    "index_ellipsis_none_slice": lambda: x234[..., None, 1:3].shape,
    "index_slice_adv_slice": lambda: x234[:, t([0, 2]), 1:3],
    "index_adv_split_by_slice": lambda: x234[t([0, 1]), :, t([1, 2])],
    "index_adv_adjacent": lambda: x234[:, t([0, 1]), t([1, 2])],
    "index_int_then_adv": lambda: x234[0, :, t([1, 2])],
    "index_adv_broadcast": lambda: x234[t([[0], [1]]), :, t([1, 2])].shape,
    "index_negative": lambda: x34[-1, -2],
    "index_negative_slices": lambda: x34[-2:, -3:-1],
    "index_step_past_end": lambda: x34[::2, 5:],
    "index_mask_then_int": lambda: x34[x34[:, 0] > 3, 1],
    "index_2d_index_tensor": lambda: x34[t([[0, 1], [2, 2]])],
    "index_bool_rows": lambda: x34[t([True, False, True])],
    "index_out_of_range": lambda: torch.arange(5)[t([5])],
    "setitem_column_broadcast": setitem(lambda: torch.zeros(3, 4), (slice(None), 1), t([1.0, 2.0, 3.0])),
    "setitem_block_broadcast": setitem(lambda: torch.zeros(3, 4), (slice(1, None), slice(None, 2)), t([5.0, 6.0])),
    "setitem_adv_broadcast": setitem(lambda: torch.zeros(3, 4), (slice(None), t([0, 2])), t([[1.0], [2.0], [3.0]])),
    "setitem_pairs_scalar": setitem(lambda: torch.zeros(3, 4), (t([0, 2]), t([1, 3])), 5),
    "setitem_mask_scalar": setitem(lambda: torch.arange(6.0), torch.arange(6.0) > 2, 0),
    "setitem_mask_values": setitem(lambda: torch.arange(6.0).view(2, 3), torch.arange(6.0).view(2, 3) > 2, t([9.0, 8.0, 7.0])),
    "setitem_mask_bad_shape": setitem(lambda: torch.zeros(2, 3), torch.zeros(2, 3) == 0, t([1.0, 2.0])),
    "index_put_accumulate": index_put_acc,
    "index_put_2d_accumulate": index_put_2d_acc,
    "mask_mul_inplace": mask_mul,
    "dup_index_add": dup_index_add,
    # gather / scatter / index ops
    "gather_dim1": lambda: torch.gather(torch.arange(6).view(2, 3), 1, t([[2, 0], [1, 1]])),
    "gather_dim0": lambda: torch.gather(torch.arange(6).view(2, 3), 0, t([[1, 0, 1]])),
    "scatter_scalar": lambda: torch.zeros(3, 3).scatter(0, t([[0, 1, 2]]), 1.5),
    "scatter_src": lambda: torch.zeros(2, 4).scatter_(1, t([[1, 3], [0, 0]]), t([[1.0, 2.0], [3.0, 4.0]])),
    "scatter_add": lambda: torch.zeros(5).scatter_add(0, t([0, 1, 0, 4]), t([1.0, 2.0, 3.0, 4.0])),
    "scatter_reduce_add": lambda: torch.zeros(4).scatter(0, t([0, 1, 0]), t([1.0, 2.0, 3.0]), reduce="add"),
    "scatter_reduce_multiply": lambda: torch.ones(4).scatter(0, t([0, 1, 0]), t([2.0, 3.0, 4.0]), reduce="multiply"),
    "index_add_dup": lambda: torch.zeros(3, 2).index_add(0, t([0, 2, 0]), torch.ones(3, 2)),
    "index_add_alpha": lambda: torch.zeros(3, 2).index_add(0, t([0, 2]), torch.ones(2, 2), alpha=2),
    "index_select_dup": lambda: torch.arange(6).view(2, 3).index_select(1, t([2, 0, 2])),
    "masked_fill_broadcast": lambda: torch.arange(6).view(2, 3).masked_fill(t([True, False, True]), 9),
    "masked_select_broadcast": lambda: torch.arange(6).view(2, 3).masked_select(t([True, False, True])),
    "take_negative": lambda: torch.take(torch.arange(6).view(2, 3), t([[0, 5], [-1, 2]])),
    "put_accumulate": put_acc,
    "where_scalars_tensor": lambda: torch.where(t([True, False]), t([1, 2]), 0.5),
    "where_int_scalar": lambda: torch.where(t([True, False]), t([1, 2]), 7),
    # sort / topk / argmax / max / nan
    "sort_stable": lambda: torch.sort(t([3, 1, 2, 1, 3]), stable=True),
    "sort_desc_stable": lambda: torch.sort(t([3, 1, 2, 1, 3]), descending=True, stable=True),
    "sort_nan": lambda: torch.sort(t([3.0, nan, 1.0, 2.0])),
    "sort_nan_desc": lambda: torch.sort(t([nan, 1.0, nan, -1.0]), descending=True),
    "sort_unstable_ties": lambda: torch.sort(alt18).indices,
    "sort_unstable_ties_desc": lambda: torch.sort(alt18, descending=True).indices,
    "sort_stable_ties_18": lambda: torch.sort(alt18, stable=True).indices,
    "argsort_unstable_40": lambda: torch.argsort(torch.arange(40) % 4),
    "argsort_unstable_desc_dim0": lambda: torch.argsort(torch.arange(60).view(20, 3) % 2, dim=0, descending=True),
    "sort_nan_ties_25": lambda: torch.sort(t([nan] * 20 + [1.0] * 5)).indices,
    "topk_ties": lambda: torch.topk(t([1, 3, 3, 2, 3]), 2),
    "topk_ties_3": lambda: torch.topk(t([1, 3, 3, 2, 3]), 3),
    "topk_ties_smallest": lambda: torch.topk(t([1.0, 3.0, 3.0, 2.0, 1.0]), 2, largest=False),
    "topk_all_equal": lambda: torch.topk(torch.zeros(10), 3),
    "topk_unsorted": lambda: torch.topk(t([1, 3, 3, 2, 3]), 3, sorted=False),
    "topk_partial_sort_path": lambda: torch.topk(torch.arange(200) % 3, 2),
    "topk_rows": lambda: torch.topk(t([[1, 3, 3], [2, 2, 2]]), 2, dim=1),
    "topk_nan": lambda: torch.topk(t([1.0, nan, 3.0]), 1),
    "argmax_ties": lambda: torch.argmax(t([1, 3, 3, 2])),
    "argmin_ties": lambda: torch.argmin(t([1, 0, 3, 0])),
    "argmax_nan": lambda: torch.argmax(t([1.0, nan, 3.0])),
    "argmax_dim_ties": lambda: t([[1, 5, 5], [7, 7, 2]]).argmax(dim=1),
    "max_nan": lambda: torch.max(t([1.0, nan, 3.0])),
    "min_dim_nan": lambda: torch.min(t([[1.0, nan], [0.0, 3.0]]), dim=1),
    "max_dim_ties": lambda: torch.max(t([[1, 5, 5], [7, 7, 2]]), dim=0),
    "maximum_nan": lambda: torch.maximum(t([1.0, nan]), t([2.0, 0.0])),
    "fmax_nan": lambda: torch.fmax(t([1.0, nan]), t([2.0, 0.0])),
    "amax_dim_nan": lambda: torch.amax(t([[1.0, nan], [2.0, 1.0]]), dim=1),
    "nanmean": lambda: torch.nanmean(t([1.0, nan, 3.0])),
    "nansum_dim": lambda: torch.nansum(t([[1.0, nan], [2.0, 3.0]]), dim=0),
    "nanmean_all_nan_row": lambda: torch.nanmean(t([[1.0, nan], [nan, nan]]), dim=1),
    # unique
    "unique_sorted": lambda: torch.unique(t([3, 1, 2, 3, 1])),
    "unique_inverse": lambda: torch.unique(t([3, 1, 2, 3, 1]), return_inverse=True),
    "unique_dim0": lambda: torch.unique(t([[1, 2], [1, 2], [0, 5]]), dim=0, return_inverse=True, return_counts=True),
    "unique_nan": lambda: torch.unique(t([2.0, nan, 1.0, nan, 0.0]), return_inverse=True, return_counts=True),
    "unique_nan_long": lambda: torch.unique(t([5.0, 4, 3, 2, 1, 0, nan, 9, 8, 7, 6, 5, 11, 12, -1, -2, -3, -4, -5, 20, nan])),
    "unique_2d_inverse": lambda: torch.unique(t([[3, 1], [1, 3]]), return_inverse=True),
    "unique_consecutive": lambda: torch.unique_consecutive(t([1, 1, 2, 2, 1]), return_counts=True, return_inverse=True),
    # cumulative
    "cumsum_int_dtype": lambda: torch.cumsum(t([1, 2, 3], dtype=torch.int32), 0).dtype,
    "cumsum_bool": lambda: torch.cumsum(t([True, True, False]), 0),
    "cumsum_uint8": lambda: torch.cumsum(t([200, 100], dtype=torch.uint8), 0),
    "cumprod_int8": lambda: torch.cumprod(t([1, 2, 3], dtype=torch.int8), 0),
    "cumsum_dtype_arg": lambda: torch.cumsum(t([1, 2, 3]), 0, dtype=torch.float32),
    "cummax_ties": lambda: torch.cummax(t([1, 3, 2, 3, 5]), 0),
    "cummin_ties": lambda: torch.cummin(t([3.0, 1.0, 2.0, 1.0]), 0),
    "cummax_nan": lambda: torch.cummax(t([1.0, nan, 2.0]), 0),
    # statistics
    "std_default": lambda: t([1.0, 2.0, 4.0]).std(),
    "std_biased": lambda: t([1.0, 2.0, 4.0]).std(unbiased=False),
    "var_correction_dim": lambda: t([[1.0, 2.0], [4.0, 7.0]]).var(0, correction=0),
    "std_keepdim": lambda: t([[1.0, 2.0], [4.0, 7.0]]).std(1, keepdim=True),
    "std_one_element": lambda: t([1.0]).std(),
    "std_of_int": lambda: t([1, 2]).std(),
    "median_even": lambda: torch.median(t([4.0, 1.0, 3.0, 2.0])),
    "median_dim_ties": lambda: torch.median(t([[4, 1, 3, 2], [5, 5, 1, 1]]), dim=1),
    "median_nan": lambda: torch.median(t([1.0, nan, 3.0])),
    "nanmedian": lambda: torch.nanmedian(t([1.0, nan, 3.0, 2.0])),
    "quantile_linear": lambda: torch.quantile(t([1.0, 2.0, 3.0, 4.0]), 0.4),
    "quantile_lower": lambda: torch.quantile(t([1.0, 2.0, 3.0, 4.0]), 0.4, interpolation="lower"),
    "quantile_higher": lambda: torch.quantile(t([1.0, 2.0, 3.0, 4.0]), 0.4, interpolation="higher"),
    "quantile_nearest_half": lambda: torch.quantile(t([1.0, 2.0, 3.0, 4.0]), 0.5, interpolation="nearest"),
    "quantile_midpoint": lambda: torch.quantile(t([1.0, 2.0, 3.0, 4.0]), 0.4, interpolation="midpoint"),
    "quantile_tensor_q": lambda: torch.quantile(t([1.0, 2.0, 3.0, 4.0, 5.0]), t([0.1, 0.9])),
    "quantile_out_of_range": lambda: torch.quantile(t([1.0, 2.0]), 1.5),
    "kthvalue_ties_rows": lambda: torch.kthvalue(t([[3.0, 1.0, 2.0], [1.0, 1.0, 1.0]]), 1, dim=1),
    "kthvalue_ties_18": lambda: torch.kthvalue(alt18, 5),
    "mode_ties": lambda: torch.mode(t([1, 2, 2, 3, 3])),
    "mode_rows": lambda: torch.mode(t([[1, 1, 2], [3, 2, 2]]), 1),
    "histc_range": lambda: torch.histc(t([1.0, 2.0, 1.0, 4.0]), bins=4, min=0, max=3),
    "histc_auto": lambda: torch.histc(t([1.0, 2.0, 1.0, 4.0]), bins=3),
    "histc_constant": lambda: torch.histc(t([2.0, 2.0]), bins=2),
    "bincount": lambda: torch.bincount(t([0, 1, 1, 3])),
    "bincount_weights": lambda: torch.bincount(t([0, 1, 1, 3]), weights=t([0.5, 1.0, 1.0, 2.0])),
    "bincount_int_weights": lambda: torch.bincount(t([0, 1]), weights=t([1, 2])),
    "bincount_minlength": lambda: torch.bincount(t([0, 1]), minlength=4),
    "bincount_negative": lambda: torch.bincount(t([-1, 1])),
    # einsum, tensordot, outer, cross, norms
    "einsum_matmul": lambda: torch.einsum("ij,jk->ik", torch.arange(6.0).view(2, 3), torch.arange(6.0).view(3, 2)),
    "einsum_bmm": lambda: torch.einsum("bij,bjk->bik", torch.arange(12.0).view(2, 2, 3), torch.arange(12.0).view(2, 3, 2)),
    "einsum_diag": lambda: torch.einsum("ii->i", torch.arange(9.0).view(3, 3)),
    "einsum_trace": lambda: torch.einsum("ii", torch.arange(9.0).view(3, 3)),
    "einsum_outer": lambda: torch.einsum("i,j->ij", t([1.0, 2.0]), t([3.0, 4.0, 5.0])),
    "einsum_implicit_transpose": lambda: torch.einsum("ji", torch.arange(6.0).view(2, 3)),
    "einsum_ellipsis": lambda: torch.einsum("...ij->...ji", torch.arange(12.0).view(2, 2, 3)).shape,
    "einsum_list": lambda: torch.einsum("ij,jk", [torch.eye(2), torch.ones(2, 2)]),
    "einsum_int": lambda: torch.einsum("ij,jk->ik", torch.arange(4).view(2, 2), torch.arange(4).view(2, 2)),
    "tensordot_1": lambda: torch.tensordot(torch.arange(6.0).view(2, 3), torch.arange(12.0).view(3, 4), dims=1),
    "tensordot_pairs": lambda: torch.tensordot(torch.arange(6.0).view(2, 3), torch.arange(6.0).view(3, 2), dims=([1], [0])),
    "tensordot_0": lambda: torch.tensordot(t([1.0, 2.0]), t([3.0, 4.0]), dims=0),
    "outer_int_float": lambda: torch.outer(t([1, 2]), t([0.5])),
    "cross_dim1": lambda: torch.cross(torch.arange(6.0).view(2, 3), torch.ones(2, 3), dim=1),
    "cross_default_dim": lambda: torch.cross(torch.arange(6.0).view(3, 2), torch.ones(3, 2)),
    "cross_int": lambda: torch.cross(t([1, 2, 3]), t([4, 5, 6])),
    "norm_default": lambda: torch.norm(t([3.0, 4.0])),
    "norm_p1": lambda: torch.norm(t([3.0, -4.0]), p=1),
    "norm_inf": lambda: torch.norm(t([3.0, -4.0]), p=inf),
    "norm_p0": lambda: torch.norm(t([3.0, -4.0, 0.0]), p=0),
    "norm_neg_inf": lambda: t([3.0, -4.0, 0.5]).norm(-inf),
    "norm_p3_dim": lambda: torch.arange(6.0).view(2, 3).norm(3, dim=0),
    "norm_fro": lambda: torch.norm(torch.arange(6.0).view(2, 3), p="fro"),
    "norm_nuc": lambda: torch.norm(torch.arange(6.0).view(2, 3), p="nuc"),
    "linalg_norm_matrix_1": lambda: torch.linalg.norm(torch.arange(6.0).view(2, 3), ord=1),
    "linalg_norm_matrix_inf": lambda: torch.linalg.norm(torch.arange(6.0).view(2, 3), ord=inf),
    "linalg_norm_vector_dim": lambda: torch.linalg.norm(torch.arange(6.0).view(2, 3), ord=3, dim=1),
    "vector_norm_neg_inf": lambda: torch.linalg.vector_norm(t([3.0, -4.0]), ord=-inf),
    # repeat / expand / roll / flip / rot90 / triangles / diagonals
    "repeat_2d": lambda: t([1, 2]).repeat(2, 2),
    "expand_neg1": lambda: t([[1], [2]]).expand(-1, 3),
    "expand_bad": lambda: t([1, 2]).expand(3),
    "repeat_interleave_tensor": lambda: t([[1, 2], [3, 4]]).repeat_interleave(t([1, 2]), dim=0),
    "repeat_interleave_counts_only": lambda: torch.repeat_interleave(t([2, 3])),
    "repeat_interleave_flat": lambda: t([[1, 2], [3, 4]]).repeat_interleave(2),
    "roll_flat": lambda: torch.roll(torch.arange(6).view(2, 3), -1),
    "roll_two_dims": lambda: torch.roll(torch.arange(6).view(2, 3), (1, 1), (0, 1)),
    "roll_big_shift": lambda: torch.roll(torch.arange(6).view(2, 3), shifts=7, dims=1),
    "flip_both": lambda: torch.flip(torch.arange(6).view(2, 3), [0, 1]),
    "rot90_once": lambda: torch.rot90(torch.arange(6).view(2, 3)),
    "rot90_neg": lambda: torch.rot90(torch.arange(6).view(2, 3), -1),
    "rot90_dims_reversed": lambda: torch.rot90(torch.arange(6).view(2, 3), 3, [1, 0]),
    "tril_diag1": lambda: torch.tril(torch.ones(3, 4), diagonal=1),
    "triu_neg_batched": lambda: torch.triu(torch.ones(2, 3, 3), -1)[1],
    "triu_indices": lambda: torch.triu_indices(3, 4, 1),
    "diag_offset_vector": lambda: torch.diag(t([1, 2]), 1),
    "diag_of_matrix_neg": lambda: torch.diag(torch.arange(12).view(3, 4), -1),
    "diagonal_offset_dims": lambda: torch.diagonal(torch.arange(24).view(2, 3, 4), offset=1, dim1=0, dim2=2),
    "diag_embed_offset": lambda: torch.diag_embed(t([1, 2]), offset=-1),
    # shape ops
    "flatten_start": lambda: torch.arange(24).view(2, 3, 4).flatten(1).shape,
    "flatten_0d": lambda: t(5).flatten(),
    "unflatten_neg1": lambda: torch.arange(24).view(2, 12).unflatten(1, (-1, 4)).shape,
    "movedim_multi": lambda: torch.arange(24).view(2, 3, 4).movedim((0, 1), (2, 0)).shape,
    "moveaxis_neg": lambda: torch.moveaxis(torch.arange(6).view(2, 3), -1, 0),
    "permute_neg": lambda: torch.arange(24).view(2, 3, 4).permute(-1, 0, 1)[1],
    "squeeze_non1_dim": lambda: torch.zeros(2, 1, 3).squeeze(0).shape,
    "squeeze_neg": lambda: torch.zeros(2, 1, 3).squeeze(-2).shape,
    "transposed_reshape": lambda: torch.arange(6).view(2, 3).t().reshape(-1),
    # in-place broadcasting, views, aliasing
    "inplace_broadcast_bigger": add_broadcast_bigger,
    "inplace_mul_broadcast_bigger": mul_broadcast_bigger,
    "inplace_long_plus_float": long_add_float,
    "inplace_on_expanded": expanded_write,
    "inplace_smaller_broadcasts": lambda: torch.zeros(2, 3).add_(torch.ones(3)),
    "float_plus_int_inplace": lambda: torch.zeros(3).add_(t([1, 2, 3])),
    "write_through_views": view_write,
    "reshape_view_or_copy": reshape_alias,
    "clone_vs_detach": clone_detach,
    "slice_sees_base_write": slice_sees_write,
    # creation ranges
    "arange_float_step": lambda: torch.arange(0, 1, 0.1),
    "arange_end_not_reached": lambda: torch.arange(0, 1, 0.3),
    "arange_half_steps": lambda: torch.arange(1, 2.5, 0.5),
    "arange_negative_step": lambda: torch.arange(5, 0, -2),
    "arange_float_start": lambda: torch.arange(0.5, 3),
    "arange_empty": lambda: torch.arange(3, 3),
    "arange_rounding": lambda: torch.arange(0, 0.9, 0.3),
    "linspace_one": lambda: torch.linspace(0, 1, 1),
    "linspace_descending": lambda: torch.linspace(3, -3, 4),
    "linspace_int64": lambda: torch.linspace(0, 10, 4, dtype=torch.int64),
    "logspace_base2": lambda: torch.logspace(0, 3, 4, base=2),
    "logspace_negative": lambda: torch.logspace(-2, 0, 3),
    # seeded random draws
    "randint_values": seeded(lambda: torch.randint(0, 10, (2, 3))),
    "randint_int32": seeded(lambda: torch.randint(3, 5, (3,), dtype=torch.int32)),
    "randperm_values": seeded(lambda: torch.randperm(6)),
    "multinomial_no_replacement": seeded(lambda: torch.multinomial(t([0.1, 0.2, 0.7]), 2)),
    "multinomial_replacement": seeded(lambda: torch.multinomial(t([0.1, 0.2, 0.7]), 5, replacement=True)),
    "multinomial_zero_weights_last": seeded(lambda: torch.multinomial(t([0.0, 1.0, 0.0, 2.0]), 4)),
    "multinomial_rows_ties": seeded(lambda: torch.multinomial(t([[0.0, 1.0, 0.0], [1.0, 1.0, 0.0]]), 3), 3),
    "multinomial_zero_row": seeded(lambda: torch.multinomial(t([0.0, 0.0]), 1)),
}

out = {"versions": {"torch": torch.__version__, "python": sys.version.split()[0]}}
for name, f in CASES.items():
    try:
        out[name] = {"print": str(f())}
    except Exception as e:  # noqa: BLE001 - the error is the reference
        out[name] = {"error": [type(e).__name__, str(e)]}
with open("ops_sweep.json", "w") as fp:
    json.dump(out, fp, indent=1, sort_keys=True)
    fp.write("\n")
