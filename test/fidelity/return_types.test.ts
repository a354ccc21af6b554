/**
 * torch.max(x, 1), x.max(1, keepdim=True), torch.min(x, dim=0), torch.sort and torch.topk return
 * PyTorch's torch.return_types: destructurable as `const [values, indices] = ...`, with
 * `.values`/`.indices`, and printed as PyTorch 1.13 prints them (test/reference/gen_fidelity.py); so
 * do torch.kthvalue, torch.median(x, dim) and torch.mode, with their gradients and errors.
 */
import * as util from "util";
import { torch } from "../../src";
import { Encoded, expectClose, readReference } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
const fixture = readReference<{
  return_types: Record<string, string>;
  selection_grads: Record<string, { grad: Encoded; grad_fn: string }>;
  selection_errors: Record<string, [string, string]>;
}>("fidelity.json");
const ref = fixture.return_types;
const grads = fixture.selection_grads;
const errors = fixture.selection_errors;
const X = () => torch.tensor([[1.0, 5, 2, 5], [7, 0, 3, 8], [4, 6, 9, 1]], { dtype: torch.float32 });

describe("torch.return_types", () => {
  test.each<[string, () => ReturnType<typeof torch.max>]>([
    ["max_dim", () => torch.max(X(), 1)],
    ["x_max_keepdim", () => X().max(1, { keepdim: true })],
    ["min_dim", () => torch.min(X(), { dim: 0 })],
    ["sort", () => torch.sort(X(), 1)],
    ["sort_descending", () => torch.sort(X(), { descending: true })],
    ["topk", () => torch.topk(X(), 2)],
    ["max_grad", () => torch.max(X().clone().requires_grad_(), 1)],
    ["kthvalue", () => torch.kthvalue(X(), 2, 1)],
    ["kthvalue_keepdim", () => torch.kthvalue(X(), 3, 0, true)],
    ["median_dim", () => torch.median(X(), 1)],
    ["median_dim0", () => X().median({ dim: 0 })],
    ["mode", () => torch.mode(torch.tensor([[1.0, 2, 2, 1], [5, 5, 1, 1], [3, 0, 3, 0]], { dtype: torch.float32 }), 1)],
    ["mode_int", () => torch.mode(torch.tensor([[1, 2], [2, 2]]), 0)],
    ["median_nan", () => torch.median(torch.tensor([[1.0, NaN, 2, NaN]]), 1)],
    ["kthvalue_nan", () => torch.kthvalue(torch.tensor([1.0, NaN, 2]), 3)],
  ])("%s prints as PyTorch's", (name, f) => {
    const r = f();
    expect(String(r)).toBe(ref[name]);
    expect(`${r}`).toBe(ref[name]);
    expect(util.inspect(r)).toBe(ref[name]);
    expect(util.format("%s", r)).toBe(ref[name]);
  });

  test("both spellings, and the pair still walks like a two-element array", () => {
    const x = X();
    const [values, indices] = torch.max(x, 1);
    const r = torch.max(x, 1);
    expect(r.values).toBe(r[0]);
    expect(r.indices).toBe(r[1]);
    expect(values.tolist()).toEqual([5, 8, 9]);
    expect(indices.tolist()).toEqual(r.indices.tolist());
    expect(r.length).toBe(2);
    expect(Object.keys(r)).toEqual(["0", "1"]);
    expect([...r].map((t) => t.shape)).toEqual([[3], [3]]);
    const { values: v, indices: i } = x.sort({ descending: true });
    expect(v.get(0).tolist()).toEqual([5, 5, 2, 1]);
    expect(i.get(0).tolist()).toEqual([1, 3, 2, 0]);
  });

  test("median() of all elements is a tensor", () => {
    expect(String(torch.median(X()))).toBe(ref.median_all);
  });

  test.each<[string, (w: Tensor) => Tensor]>([
    ["kthvalue", (w) => torch.kthvalue(w, 2, 1).values],
    ["median_dim", (w) => torch.median(w, 0).values],
    ["mode", (w) => torch.mode(w, 1, { keepdim: true }).values],
    ["median_all", (w) => torch.median(w)],
  ])("%s: gradient to the picked element, grad_fn name", (name, f) => {
    const w = X().requires_grad_();
    const y = f(w);
    y.mul(torch.arange(1.0, y.numel() + 1).view(y.shape)).sum().backward();
    expectClose(name, w.grad!, grads[name].grad);
    expect(y.grad_fn!.name()).toBe(grads[name].grad_fn);
  });

  test("median() of all shares the gradient among ties", () => {
    const w = torch.tensor([1.0, 2, 2, 3], { dtype: torch.float32, requires_grad: true });
    torch.median(w).backward();
    expectClose("median ties", w.grad!, grads.median_all_ties.grad);
  });

  test.each(["kthvalue_k", "median_empty", "mode_empty"])("error %s as PyTorch's", (name) => {
    const f = { kthvalue_k: () => torch.kthvalue(torch.tensor([1.0, 2]), 3), median_empty: () => torch.median(torch.tensor([]), 0), mode_empty: () => torch.mode(torch.tensor([])) }[name]!;
    const [type, message] = errors[name];
    expect(f).toThrow(message);
    try {
      f();
    } catch (e) {
      expect((e as Error).name).toBe(type);
    }
  });

  test("a notebook shows the PyTorch print as the cell's text/plain", () => {
    const r = torch.topk(X(), 2) as unknown as Record<symbol, () => Record<string, string>>;
    expect(r[Symbol.for("Jupyter.display")]()).toEqual({ "text/plain": ref.topk });
  });
});
