/**
 * torch.tensor / torch.Tensor of a list holding NumPy arrays (what `x.numpy()` gives): each array is the
 * nested list of its values and its dtype takes part in the inference as PyTorch's does (a list of
 * uint8 arrays is uint8; with a float64 array float64; with Python ints int64, with floats the default
 * float). sentdex part 6's `torch.Tensor([i[0] for i in training_data])` over the images' arrays.
 * References: test/reference/gen_creation_ndarray.py (creation_ndarray.json).
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import type { NestedArray } from "../../src/ops/creation";

type Ref = { dtype?: string; shape?: number[]; values?: (number | boolean)[]; error?: [string, string] };
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "creation_ndarray.json"), "utf8")) as Record<string, Ref>;

beforeAll(async () => {
  await torch.ready();
});

const u8 = () => torch.tensor([[1, 2, 3], [250, 0, 7]], { dtype: torch.uint8 });
const u8b = () => torch.tensor([[4, 5, 6], [9, 8, 255]], { dtype: torch.uint8 });
const f64 = () => torch.tensor([0.5, 1.0], { dtype: torch.float64 }).numpy();
const f32 = () => torch.tensor([0.25, -2.0]).numpy();
const i64 = () => torch.tensor([3, 4]).numpy();
const b = () => torch.tensor([true, false]).numpy();
const row = () => u8().index("0, :2").numpy();

const CASES: Record<string, () => torch.Tensor> = {
  tensor_uint8_arrays: () => torch.tensor([u8().numpy(), u8b().numpy()]),
  Tensor_uint8_arrays: () => torch.Tensor([u8().numpy(), u8b().numpy()]),
  tensor_float64_arrays: () => torch.tensor([f64(), f64()]),
  tensor_float32_array: () => torch.tensor([f32()]),
  tensor_uint8_and_float64: () => torch.tensor([row(), f64()]),
  tensor_int64_array_and_list: () => torch.tensor([i64(), [5, 6]]),
  tensor_uint8_array_and_float: () => torch.tensor([[1.5, 2.5], row()]),
  tensor_uint8_array_and_int: () => torch.tensor([[1, 2], row()]),
  tensor_bool_arrays: () => torch.tensor([b(), b()]),
  tensor_nested_arrays: () => torch.tensor([[f32(), f32()], [f32(), f32()]]),
  tensor_arrays_dtype: () => torch.tensor([u8().numpy(), u8b().numpy()], { dtype: torch.float32 }),
};

describe("a list of NumPy arrays makes the tensor PyTorch makes", () => {
  for (const [name, make] of Object.entries(CASES)) {
    test(name, () => {
      const t = make();
      const want = R[name];
      expect(String(t.dtype)).toBe(want.dtype);
      expect([...t.shape]).toEqual(want.shape);
      expect(t.flatten().tolist()).toEqual(want.values);
    });
  }

  test("arrays of different lengths: PyTorch's ValueError", () => {
    const [cls, msg] = R.ragged_arrays.error!;
    expect(() => torch.tensor([u8().index("0").numpy(), row()])).toThrow(msg);
    expect(() => torch.tensor([u8().index("0").numpy(), row()])).toThrow(expect.objectContaining({ name: cls }) as unknown as Error);
  });

  test("an array where its siblings are numbers, or a list deeper than its sibling array: PyTorch's TypeErrors, naming the dim", () => {
    const [cls1, msg1] = R.array_for_number.error!;
    expect(() => torch.tensor([1, f32()] as NestedArray)).toThrow(`tensor(): expected a number at dim 1, got an array of shape (2): ${msg1}`);
    expect(() => torch.tensor([1, f32()] as NestedArray)).toThrow(expect.objectContaining({ name: cls1 }) as unknown as Error);
    const [cls2, msg2] = R.array_above_list.error!;
    expect(() => torch.tensor([[[1, 2], [3, 4]], f32()] as NestedArray)).toThrow(`tensor(): ${msg2}: expected a list at dim 2, got an array of shape (2)`);
    expect(() => torch.tensor([[[1, 2], [3, 4]], f32()] as NestedArray)).toThrow(expect.objectContaining({ name: cls2 }) as unknown as Error);
  });
});
