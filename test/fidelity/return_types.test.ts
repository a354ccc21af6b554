/**
 * torch.max(x, 1), x.max(1, keepdim=True), torch.min(x, dim=0), torch.sort and torch.topk return
 * PyTorch's torch.return_types: destructurable as `const [values, indices] = ...`, with
 * `.values`/`.indices`, and printed as PyTorch 1.13 prints them (test/reference/gen_fidelity.py).
 */
import * as util from "util";
import { torch } from "../../src";
import { readReference } from "../tensor/fixtures";

const ref = readReference<{ return_types: Record<string, string> }>("fidelity.json").return_types;
const X = () => torch.tensor([[1.0, 5, 2, 5], [7, 0, 3, 3], [4, 6, 9, 1]], { dtype: torch.float32 });

describe("torch.return_types", () => {
  test.each<[string, () => ReturnType<typeof torch.max>]>([
    ["max_dim", () => torch.max(X(), 1)],
    ["x_max_keepdim", () => X().max(1, { keepdim: true })],
    ["min_dim", () => torch.min(X(), { dim: 0 })],
    ["sort", () => torch.sort(X(), 1)],
    ["sort_descending", () => torch.sort(X(), { descending: true })],
    ["topk", () => torch.topk(X(), 2)],
    ["max_grad", () => torch.max(X().clone().requires_grad_(), 1)],
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
    expect(values.tolist()).toEqual([5, 7, 9]);
    expect(indices.tolist()).toEqual(r.indices.tolist());
    expect(r.length).toBe(2);
    expect(Object.keys(r)).toEqual(["0", "1"]);
    expect([...r].map((t) => t.shape)).toEqual([[3], [3]]);
    const { values: v, indices: i } = x.sort({ descending: true });
    expect(v.get(0).tolist()).toEqual([5, 5, 2, 1]);
    expect(i.get(0).tolist()).toEqual([1, 3, 2, 0]);
  });

  test("a notebook shows the PyTorch print as the cell's text/plain", () => {
    const r = torch.topk(X(), 2) as unknown as Record<symbol, () => Record<string, string>>;
    expect(r[Symbol.for("Jupyter.display")]()).toEqual({ "text/plain": ref.topk });
  });
});
