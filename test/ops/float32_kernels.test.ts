/**
 * torch.linspace and F.affine_grid give PyTorch 1.13's float32 values to the bit
 * (test/reference/gen_float32_kernels.py). One ulp matters there: an identity-like affine_grid puts
 * sampling points on pixel centres, where grid_sample's floor, and so its gradient, depends on it;
 * the Spatial Transformer tutorial (test/tutorials/spatial_transformer.test.ts) diverged from
 * PyTorch's run within three SGD steps before.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";

const F = torch.nn.functional;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "float32_kernels.json"), "utf8")) as {
  linspace: { start: number; end: number; steps: number; values: number[] }[];
  affine_grid: { theta: number[]; size: number[]; align_corners: boolean; values: number[] }[];
  tanh_backward: { x: number[]; g: number[]; y: number[]; grad: number[] };
  sum_to: { gz: number[]; b_grad: number[]; c_grad: number[] };
};

function mismatches(got: number[], want: number[]): string[] {
  expect(got.length).toBe(want.length);
  return got.flatMap((v, i) => (v === want[i] ? [] : [`[${i}] ${v} != ${want[i]}`]));
}

describe("float32 kernels bit-exact with PyTorch's CPU", () => {
  test.each(R.linspace.map((c) => [`linspace(${c.start}, ${c.end}, ${c.steps})`, c] as const))("%s", (_, c) => {
    expect(mismatches(torch.linspace(c.start, c.end, c.steps).tolist() as number[], c.values)).toEqual([]);
  });

  test("linspace with the steps keyword and an int dtype keep their values", () => {
    expect(torch.linspace(0, 1, { steps: 5 }).tolist()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(torch.linspace(0, 10, 4, { dtype: torch.long }).tolist()).toEqual([0, 3, 6, 10]);
    expect(torch.linspace(3, 3, 1).tolist()).toEqual([3]);
    expect(torch.linspace(0, 1, 0).shape).toEqual([0]);
  });

  test.each(R.affine_grid.map((c) => [`affine_grid size=[${c.size}] align_corners=${c.align_corners}`, c] as const))("%s", (_, c) => {
    const theta = torch.tensor(c.theta, { dtype: torch.float32 }).reshape(c.size[0], 2, 3);
    const grid = F.affine_grid(theta, c.size, { align_corners: c.align_corners });
    expect(mismatches(grid.flatten().tolist() as number[], c.values)).toEqual([]);
  });

  test("affine_grid keeps its gradient: d(sum grid)/d theta is the sum of the base grid's columns", () => {
    const theta = torch.tensor([[[1.0, 0.1, 0.2], [0.05, 0.9, -0.1]]], { dtype: torch.float32, requires_grad: true });
    const grid = F.affine_grid(theta, [1, 1, 4, 6], { align_corners: false });
    expect(grid.requires_grad).toBe(true);
    grid.mul(torch.arange(48, { dtype: torch.float32 }).reshape(1, 4, 6, 2)).sum().backward();
    // PyTorch 1.13: theta.grad for this weighting
    const want = [[[46.666664, 180.0, 552.0], [46.666664, 180.0, 576.0]]];
    (theta.grad!.tolist() as number[][][])[0].forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(want[0][i][j], 3)));
  });

  test("tanh's backward rounds `1 - y * y` once, as PyTorch's FMA does: `g * (1 - y**2)` written out is an ulp off it", () => {
    const c = R.tanh_backward;
    const x = torch.tensor(c.x, { requires_grad: true });
    const y = torch.tanh(x);
    y.backward(torch.tensor(c.g));
    const ys = y.tolist() as number[];
    const grad = x.grad!.tolist() as number[];
    // Where tanh itself gave PyTorch's value (528 of 600 elements; the others are an ulp off), the gradient is PyTorch's bits.
    const same = ys.flatMap((v, i) => (v === c.y[i] ? [i] : []));
    expect(same.length).toBeGreaterThan(0.8 * ys.length);
    expect(mismatches(same.map((i) => grad[i]), same.map((i) => c.grad[i]))).toEqual([]);
  });

  test("a broadcast operand's gradient is summed in a forward sum's order: b.grad of `a - b` is `(-g).sum(1, keepdim=True)` to the bit", () => {
    const c = R.sum_to;
    const a = torch.zeros(32, 27, { requires_grad: true });
    const b = torch.zeros(32, 1, { requires_grad: true });
    const cc = torch.zeros(27, { requires_grad: true });
    const gz = torch.tensor(c.gz).reshape(32, 27);
    a.sub(b).add(cc).backward(gz);
    expect(mismatches(b.grad!.flatten().tolist() as number[], c.b_grad)).toEqual([]);
    expect(mismatches(cc.grad!.tolist() as number[], c.c_grad)).toEqual([]);
    expect(mismatches(b.grad!.flatten().tolist() as number[], gz.neg().sum(1).tolist() as number[])).toEqual([]);
  });
});
