/**
 * PyTorch's numpy-compatible keywords on its native functions and Tensor methods (`axis` for `dim`,
 * `keepdims` for `keepdim`), and the factory keywords Dive into Deep Learning writes
 * (`torch.rand({size: [2, 3]})`, `torch.normal(0, 0.01, [3, 1], {requires_grad: true})`), against
 * PyTorch 1.13 (test/reference/gen_numpy_aliases.py); the same spellings type-check in a notebook cell.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { expectTensor, Encoded } from "../tutorials/_tutorial";
import { notebook, runCli, tempDir } from "../kernel/helpers";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "numpy_aliases.json"), "utf8"));

test("axis= and keepdims= wherever PyTorch's native functions take dim= and keepdim=", () => {
  const A = torch.arange(24, { dtype: torch.float32 }).reshape(2, 3, 4);
  const cases: [string, () => InstanceType<typeof torch.Tensor>][] = [
    ["sum_axis", () => A.sum({ axis: 0 })],
    ["sum_axis_list_keepdims", () => A.sum({ axis: [0, 2], keepdims: true })],
    ["torch_sum", () => torch.sum(A, { axis: 1, keepdims: true })],
    ["mean_axis", () => A.mean({ axis: 2 })],
    ["argmax_axis", () => A.argmax({ axis: 1 })],
    ["max_axis", () => A.max({ axis: 2 }).values],
    ["cumsum_axis", () => A.cumsum({ axis: 0 })],
    ["std_axis", () => A.std({ axis: 1 })],
    ["softmax_axis", () => torch.softmax(A, { axis: 1 })],
    ["cat_axis", () => torch.cat([A, A], { axis: 1 })],
    ["all_axis", () => A.gt(3).all({ axis: 2 })],
    ["norm_axis_keepdims", () => torch.norm(A, { dim: 1, keepdim: true })],
  ];
  for (const [name, f] of cases) {
    try {
      expectTensor(f(), R[name] as Encoded);
    } catch (e) {
      throw new Error(`${name}: ${(e as Error).message}`);
    }
  }
  expect(() => A.sum({ dim: 0, axis: 1 })).toThrow(TypeError);
});

test("factory keywords: size=, and normal(..., requires_grad) for d2l's hand-made weights", () => {
  torch.manual_seed(0);
  const w = torch.normal(0, 0.01, [3, 1], { requires_grad: true });
  expectTensor(w.detach(), R.normal_requires_grad.w);
  expect([w.requires_grad, w.is_leaf]).toEqual([R.normal_requires_grad.requires_grad, R.normal_requires_grad.is_leaf]);
  torch.manual_seed(0);
  expectTensor(torch.rand({ size: [2, 3] }), R.rand_size);
  expect(Array.from(torch.zeros({ size: [2, 3] }).shape)).toEqual(R.zeros_size);
  expectTensor(torch.randn({ size: [4], dtype: torch.float32 }), R.randn_size_dtype);
  expect(() => torch.zeros([2], { size: [3] })).toThrow("got multiple values for argument 'size'");
});

test("in a notebook cell the aliases type-check and run", async () => {
  const dir = tempDir("torchlab-axis-");
  const cells = [
    "const A = torch.arange(24, {dtype: torch.float32}).reshape(2, 3, 4);\nA.sum({axis: [0, 2], keepdims: true}).shape",
    "const w = torch.normal(0, 0.01, [3, 1], {requires_grad: true});\nconst X = torch.rand({size: [1, 1, 28, 28], dtype: torch.float32});\n[w.requires_grad, X.shape.join(\"x\"), A.argmax({axis: 1}).shape.join(\"x\")].join(\" \")",
  ];
  fs.writeFileSync(path.join(dir, "axis.ipynb"), JSON.stringify(notebook(cells)));
  const run = await runCli(["run", path.join(dir, "axis.ipynb"), "--out", dir]);
  if (run.status !== 0) throw new Error(run.stderr + run.stdout);
  const nb = JSON.parse(fs.readFileSync(path.join(dir, "axis.ipynb"), "utf8"));
  const text = (k: number) => {
    const o = nb.cells[k].outputs.find((x: { output_type: string }) => x.output_type === "execute_result");
    const t = o.data["text/plain"];
    return Array.isArray(t) ? t.join("") : t;
  };
  expect(text(0)).toBe("torch.Size([1, 3, 1])");
  expect(text(1)).toContain("true 1x1x28x28 2x4");
}, 300000);
