/**
 * conv2d's filter gradient for one input channel (a first layer on grey images) comes from a
 * convolution whose kernel is as large as the image, a shape no other test leans on. It must agree
 * with the general case: a one-channel input gives the same filter gradient as the first channel of a
 * two-channel input whose second channel is zero, across strides, dilations and padding; and an
 * infinite input must reach only the taps that read it, as in PyTorch.
 */
import { torch } from "../../src";
import { setNchwConvMaxMacs } from "../../src/ops/conv";

const F = torch.nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;

const configs: [string, { stride?: number | number[]; padding?: number | number[] | "same"; dilation?: number | number[] }, number[]][] = [
  ["3x3 padding 1", { padding: 1 }, [3, 3]],
  ["3x3 stride 2", { stride: 2 }, [3, 3]],
  ["2x4 padding [1, 2] stride [1, 2]", { padding: [1, 2], stride: [1, 2] }, [2, 4]],
  ["3x3 dilation 2 padding 2", { dilation: 2, padding: 2 }, [3, 3]],
  ["4x4 same (uneven padding)", { padding: "same" }, [4, 4]],
];

describe.each(configs)("conv2d one-channel filter gradient: %s", (_name, opts, k) => {
  // On wasm both paths: the NCHW kernels (small convolutions) and XNNPACK's NHWC convolution.
  test.each([["default path", null], ["NHWC path", 0]] as [string, number | null][])("matches the convolution form (%s)", (_path, macs) => {
    const previous = setNchwConvMaxMacs(macs);
    try {
      oneChannelMatches(opts, k);
    } finally {
      setNchwConvMaxMacs(previous);
    }
  });
});

/** A one-channel input's filter gradient against the first channel of a two-channel one. */
function oneChannelMatches(opts: (typeof configs)[number][1], k: number[]): void {
  torch.manual_seed(3);
  const x = torch.randn(3, 1, 9, 10);
  const w = torch.randn(4, 1, k[0], k[1]).requires_grad_();
  const y = F.conv2d(x, w, opts);
  const g = torch.randn(...y.shape);
  y.backward(g);
  const x2 = torch.cat([x, torch.zeros(3, 1, 9, 10)], 1);
  const w2 = torch.cat([w.detach(), torch.zeros(4, 1, k[0], k[1])], 1).requires_grad_();
  F.conv2d(x2, w2, opts).backward(g);
  const got = (w.grad as Tensor).tolist() as number[][][][];
  const want = (w2.grad as Tensor).narrow(1, 0, 1).tolist() as number[][][][];
  got.flat(3).forEach((v, i) => expect(v).toBeCloseTo(want.flat(3)[i], 3));
}

test("conv2d one-channel filter gradient: an infinite input reaches only the taps that read it", () => {
  // PyTorch 1.13: w.grad = [[inf, inf, 9], [inf, inf, 12], [9, 12, 9]] for x = ones(1, 1, 4, 4) with
  // x[0, 0, 0, 0] = inf, w = ones(1, 1, 3, 3), padding 1 and y.sum().backward(). Extracting patches by
  // a one-hot convolution would multiply inf by 0 and turn every tap NaN.
  const rows = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === 0 && j === 0 ? Infinity : 1)));
  const x = torch.tensor([[rows]]);
  const w = torch.ones(1, 1, 3, 3).requires_grad_();
  F.conv2d(x, w, { padding: 1 }).sum().backward();
  expect((w.grad as Tensor).tolist()).toEqual([[[[Infinity, Infinity, 9], [Infinity, Infinity, 12], [9, 12, 9]]]]);
});
