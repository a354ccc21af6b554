/**
 * Error paths of the vision ops that have no one-line PyTorch counterpart to record (JavaScript-only
 * misuse, or cases PyTorch reports with an unrelated message): each raises a typed error that names
 * the op, the argument and the shapes.
 */
import { torch } from "../../src";

const F = torch.nn.functional;
const nn = torch.nn;

test("conv2d: weight of the wrong rank names both shapes", () => {
  const call = (): unknown => F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 3, 3));
  expect(call).toThrow(torch.ShapeError);
  expect(call).toThrow("Expected 4-dimensional weight for 4-dimensional input [1, 1, 5, 5], but got 3-dimensional weight of size [1, 3, 3] instead");
});

test("conv2d: input must be a Tensor", () => {
  expect(() => F.conv2d([1, 2] as never, torch.zeros(1, 1, 1, 1))).toThrow(torch.TypeError);
});

test("conv2d: integer input and weight convolve in their dtype, as PyTorch's CPU does; bool is refused", () => {
  // PyTorch 1.13: F.conv2d(ones(1,1,3,3), ones(1,1,2,2), bias=ones(1)) is [5, 5, 5, 5] in each integer dtype.
  for (const dtype of [torch.int64, torch.int32, torch.uint8]) {
    const y = F.conv2d(torch.ones(1, 1, 3, 3, { dtype }), torch.ones(1, 1, 2, 2, { dtype }), { bias: torch.ones(1, { dtype }) });
    expect([String(y.dtype), y.flatten().tolist()]).toEqual([String(dtype), [5, 5, 5, 5]]);
  }
  // xiaotudui's nn_conv.py: a 5x5 int64 input, stride 2 (PyTorch: [[10, 12], [13, 3]]).
  const input = torch.tensor([[1, 2, 0, 3, 1], [0, 1, 2, 3, 1], [1, 2, 1, 0, 0], [5, 2, 3, 1, 1], [2, 1, 0, 1, 1]]).reshape(1, 1, 5, 5);
  const kernel = torch.tensor([[1, 2, 1], [0, 1, 0], [2, 1, 0]]).reshape(1, 1, 3, 3);
  expect(F.conv2d(input, kernel, { stride: 2 }).tolist()).toEqual([[[[10, 12], [13, 3]]]]);
  expect(() => F.conv2d(torch.zeros(1, 1, 3, 3).bool(), torch.zeros(1, 1, 1, 1).bool())).toThrow(/call \.float\(\) first/);
});

test("conv2d: stride must be an int or a pair", () => {
  expect(() => F.conv2d(torch.zeros(1, 1, 3, 3), torch.zeros(1, 1, 1, 1), { stride: [1, 1, 1] })).toThrow(torch.TypeError);
  expect(() => F.conv2d(torch.zeros(1, 1, 3, 3), torch.zeros(1, 1, 1, 1), { stride: 1.5 })).toThrow(/stride/);
});

test("conv_transpose2d: unbatched input of the wrong rank", () => {
  expect(() => F.conv_transpose2d(torch.zeros(3, 3), torch.zeros(1, 1, 1, 1))).toThrow(
    "Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got input of size: [3, 3]",
  );
});

test("pad: circular padding may wrap around only once", () => {
  expect(() => F.pad(torch.zeros(1, 1, 2, 2), [3, 0], { mode: "circular" })).toThrow(torch.NotImplementedError);
  expect(() => F.pad(torch.zeros(1, 2, 2), [3, 0], { mode: "circular" })).toThrow("Padding value causes wrapping around more than once.");
});

test("pad: pad must be a list of ints", () => {
  expect(() => F.pad(torch.zeros(2, 2), [1.5, 1])).toThrow(torch.TypeError);
});

test("interpolate: sizes and scale factors must be numbers", () => {
  expect(() => F.interpolate(torch.zeros(1, 1, 2, 2), { size: [2.5, 2] })).toThrow(torch.TypeError);
  expect(() => F.interpolate(torch.zeros(1, 1, 2, 2), { scale_factor: NaN })).toThrow(torch.TypeError);
  expect(() => F.interpolate(torch.zeros(1, 1, 2, 2).long(), { size: 4 })).toThrow(/not implemented for 'Long'/);
});

test("interpolate: antialias is not supported yet, and says so", () => {
  expect(() => F.interpolate(torch.zeros(1, 1, 4, 4), { size: 2, mode: "bilinear", antialias: true })).toThrow(torch.NotImplementedError);
});

test("adaptive pools: output_size must hold integers", () => {
  expect(() => F.adaptive_avg_pool2d(torch.zeros(1, 1, 4, 4), [1.5, 2])).toThrow(torch.TypeError);
  expect(() => F.adaptive_max_pool2d(torch.zeros(1, 1, 4, 4), "2" as never)).toThrow(torch.TypeError);
});

test("batch_norm: integer input is refused", () => {
  expect(() => F.batch_norm(torch.zeros(2, 3).long(), torch.zeros(3), torch.ones(3))).toThrow(torch.RuntimeError);
});

test("ConvTranspose2d: string padding is refused", () => {
  expect(() => new nn.ConvTranspose2d(1, 1, 3, { padding: "same" } as never)).toThrow(torch.ValueError);
});

test("pooling modules: kernel_size is required", () => {
  expect(() => new nn.MaxPool2d(undefined as never)).toThrow(/kernel_size/);
  expect(() => new nn.AvgPool2d({} as never)).toThrow(/kernel_size/);
});
