/**
 * kernel/dynamic_ops.ts for values the checker types `any` in Trevett's and Persson's notebooks:
 * `f"{num_correct}"` where num_correct = 0 then += a tensor, and `valid_data[0]` of a random_split Subset.
 */
import { format, getitem } from "../../kernel/dynamic_ops";
import { torch } from "../../src";

describe("dynamic_ops for untyped values", () => {
  // PyTorch: f"{torch.tensor(25)}" is '25', f"{torch.tensor(0.5)}" '0.5'; a number or string as it is.
  test("format: a tensor formats as Python's f-string, anything else is left to JavaScript", () => {
    expect(`${format(torch.tensor(25))}`).toBe("25");
    expect(`${format(torch.tensor(0.5))}`).toBe("0.5");
    expect(format(7)).toBe(7);
    expect(format("x")).toBe("x");
  });

  // PyTorch: random_split(ds, [3, 1])[0][0] is ds[indices[0]].
  test("getitem: a data set's number index is its getitem; a plain object or array keeps JavaScript's read", () => {
    const ds = new torch.utils.data.TensorDataset(torch.arange(4), torch.arange(4).mul(10));
    const [train] = torch.utils.data.random_split(ds, [3, 1], { generator: new torch.Generator().manual_seed(0) });
    const i = (train as unknown as { indices: number[] }).indices[0];
    const item = getitem(train, 0) as InstanceType<typeof torch.Tensor>[];
    expect([item[0].item(), item[1].item()]).toEqual([i, i * 10]);
    expect(getitem({ state_dict: 1 }, "state_dict")).toBe(1);
    expect(getitem([5, 6], 1)).toBe(6);
  });
});
