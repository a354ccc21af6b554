/**
 * Convolutions over infinite weights or NaN inputs give PyTorch 1.13's NaN (and inf) where 0 * inf or
 * NaN enters a sum (test/reference/gen_conv_nonfinite.py): on wasm a 1x1 convolution taking each
 * channel to itself once gave -inf there (XNNPACK's clamped per-channel multiply-add).
 */
import { torch } from "../../src";
import type { Tensor } from "../../src";
import { expectClose, readReference, type Encoded } from "../tensor/fixtures";

const F = torch.nn.functional;
const ref = readReference<Record<string, Encoded>>("conv_nonfinite.json");
const f32 = (v: number[]): Tensor => torch.tensor(v, { dtype: torch.float32 });

/** arange(numel) - 3 shaped as `shape`, NaN at the first element. */
function nanAt0(...shape: number[]): Tensor {
  const x = torch.arange(shape.reduce((a, b) => a * b, 1), { dtype: torch.float32 }).view(...shape).sub(3);
  x.view(-1).setitem(0, NaN);
  return x;
}

const CASES: Record<string, () => Tensor> = {
  "1->1 1x1, inf weight, zero input": () => F.conv2d(torch.zeros(1, 1, 2, 2), torch.full([1, 1, 1, 1], Infinity)),
  "1->1 1x1, -inf weight, zero input": () => F.conv2d(torch.zeros(1, 1, 2, 2), torch.full([1, 1, 1, 1], -Infinity)),
  "1->1 1x1, NaN input": () => F.conv2d(nanAt0(1, 1, 2, 3), torch.full([1, 1, 1, 1], 2.5).sub(0.5)),
  "1->1 1x1, bias, padding 1, stride 2": () => F.conv2d(nanAt0(2, 1, 3, 4), torch.full([1, 1, 1, 1], Infinity), f32([0.5]), { stride: 2, padding: 1 }),
  "depthwise 1x1, NaN input, bias": () => F.conv2d(nanAt0(1, 3, 2, 2), f32([1, -2, Infinity]).view(3, 1, 1, 1), f32([0, 1, 2]), { groups: 3 }),
  "depthwise 1x1, stride (1, 2)": () => F.conv2d(nanAt0(1, 2, 3, 5), f32([3, Infinity]).view(2, 1, 1, 1), null, { stride: [1, 2], groups: 2 }),
  "16->32 1x1, inf weight, zero input": () => F.conv2d(torch.zeros(1, 16, 2, 2), torch.full([32, 16, 1, 1], Infinity)),
  "3x3, inf weight, zero input": () => F.conv2d(torch.zeros(1, 1, 4, 4), torch.full([1, 1, 3, 3], Infinity)),
  "eval Sequential(1->1 1x1 conv, ReLU, MaxPool2d), inf weight": () => {
    const conv = new torch.nn.Conv2d(1, 1, 1);
    torch.no_grad(() => {
      conv.weight.fill_(Infinity);
      conv.bias!.fill_(0.5);
    });
    return new torch.nn.Sequential(conv, new torch.nn.ReLU(), new torch.nn.MaxPool2d(2)).eval()(torch.zeros(1, 1, 4, 4));
  },
};

test("every PyTorch case has its port", () => {
  expect(Object.keys(CASES).sort()).toEqual(Object.keys(ref).filter((k) => !k.startsWith("grad ")).sort());
});

test.each(Object.keys(CASES))("%s", (name) => {
  expectClose(name, CASES[name](), ref[name]);
  expectClose(`${name} (no_grad)`, torch.no_grad(() => CASES[name]()), ref[name]);
});

test("the 1x1 per-channel path keeps its gradient", () => {
  const w = torch.tensor([2, -3], { dtype: torch.float32 }).view(2, 1, 1, 1).requires_grad_();
  const x = torch.arange(8, { dtype: torch.float32 }).view(1, 2, 2, 2).requires_grad_();
  F.conv2d(x, w, null, { groups: 2 }).sum().backward();
  expectClose("w.grad", w.grad!, ref["grad w"]);
  expectClose("x.grad", x.grad!, ref["grad x"]);
});
