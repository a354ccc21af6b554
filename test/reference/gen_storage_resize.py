"""Fixture for test/tensor/storage_resize.test.ts: Tensor.storage() (printing, reading, writing through
it into the tensor and its views), resize_ (the same number of elements, fewer, more), and normal_ / uniform_
with keyword arguments, on PyTorch 1.13. Run from test/reference with /usr/bin/python3
gen_storage_resize.py; writes storage_resize.json."""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import err, write_json  # noqa: E402


def main():
    out = {}
    p = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
    out["str_float"] = str(p.storage())
    out["str_row_view"] = str(p[1].storage())
    out["str_t_contiguous"] = str(p.t().contiguous().storage())
    out["str_long"] = str(torch.tensor([[1, -2], [3, 4]]).storage())
    out["str_bool"] = str(torch.tensor([True, False]).storage())
    out["str_small"] = str(torch.tensor([0.1234567, 1e-8, 100000.5, -2.5]).storage())
    s = p.storage()
    out["read"] = [s[0], s[5], s[-1], len(s), s.size()]
    row = p[2]
    t = p.t()
    s[4] = 7.0
    s[-1] = -1.0
    out["after_write"] = {"p": p.tolist(), "row": row.tolist(), "t": t.tolist()}
    out["err_read"] = err(lambda: s[6])
    out["err_write"] = err(lambda: s.__setitem__(-7, 0.0))
    x = torch.arange(12.0).view(3, 4)
    v = x[1:]
    v.resize_(2, 2, 2)
    out["resize_view"] = {"shape": list(v.shape), "stride": list(v.stride()), "offset": v.storage_offset(), "values": v.tolist()}
    v[0, 0, 0] = 100.0
    out["resize_view_write"] = x.tolist()
    # A view shrunk stays in its base's storage: writes go both ways.
    x = torch.arange(12.0).view(3, 4)
    v = x[1:]
    v.resize_(2, 3)
    out["resize_view_shrink"] = {"shape": list(v.shape), "stride": list(v.stride()), "offset": v.storage_offset(), "values": v.tolist()}
    v[1, 2] = 100.0
    x[1, 1] = -5.0
    out["resize_view_shrink_write"] = {"x": x.tolist(), "v": v.tolist()}
    y = torch.ones(6)
    out["resize_list"] = list(y.resize_([2, 3]).shape)
    out["err_resize_grad"] = err(lambda: torch.ones(2, 3, requires_grad=True).resize_(6))
    # Another number of elements: shrinking keeps the first ones, growing keeps them all (the new
    # ones are uninitialised in PyTorch, so only the kept prefix is recorded).
    x = torch.arange(12.0).view(3, 4)
    x.resize_(2, 3)
    out["resize_shrink"] = {"shape": list(x.shape), "values": x.tolist()}
    y = torch.arange(6)
    y.resize_(3, 3)
    out["resize_grow"] = {"shape": list(y.shape), "stride": list(y.stride()), "prefix": y.reshape(-1)[:6].tolist()}
    out["resize_from_empty"] = list(torch.empty(0).resize_(2, 3).shape)
    out["resize_to_zero"] = list(torch.ones(2, 2).resize_(0).shape)
    out["resize_as"] = list(torch.ones(5).resize_as_(torch.zeros(2, 1, 2)).shape)
    out["err_resize_negative"] = err(lambda: torch.ones(3).resize_(-1, 2))
    # The deprecated out-of-place resize: autograd's Resize, the same number of elements only.
    xr = torch.arange(6.0).requires_grad_()
    yr = xr.resize(2, 3)
    (yr * torch.arange(6.0).view(2, 3)).sum().backward()
    out["resize_out_of_place"] = {"shape": list(yr.shape), "values": yr.tolist(), "grad": xr.grad.tolist(), "grad_fn": type(yr.grad_fn).__name__}
    out["err_resize_out_of_place"] = err(lambda: torch.zeros(2, 3).resize(4, 2))
    torch.manual_seed(0)
    out["normal_std"] = torch.empty(5).normal_(std=0.01).tolist()
    out["normal_mean_std"] = torch.empty(5).normal_(2.0, std=0.5).tolist()
    out["uniform_to"] = torch.empty(5).uniform_(to=3.0).tolist()
    out["uniform_from_to"] = torch.empty(5).uniform_(-1.0, to=1.0).tolist()
    print(write_json(out, "storage_resize.json"))


if __name__ == "__main__":
    main()
