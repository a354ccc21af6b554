import { torch } from "../../src";

describe("torch.* binary functions with a number first, as PyTorch allows", () => {
  // Created inside the tests: the backend is initialised in test/setup.ts's beforeAll.
  const input = () => torch.tensor([1.5, 2]);
  test("number op tensor promotes the number against the tensor", () => {
    const x = input();
    expect(torch.mul(2, x).tolist()).toEqual([3, 4]);
    expect(torch.add(1, x).tolist()).toEqual([2.5, 3]);
    expect(torch.sub(1, x).tolist()).toEqual([-0.5, -1]);
    expect(torch.add(1, torch.tensor([1, 2])).dtype).toBe(torch.int64);
  });
  test("a non-tensor input is a TypeError naming the op and the argument", () => {
    const x = input();
    expect(() => torch.exp(2 as never)).toThrow(/^exp\(\): argument 'input' \(position 1\) must be Tensor, not number$/);
    expect(() => torch.add("a" as never, x)).toThrow(/add\(\): argument 'input' \(position 1\) must be Tensor, not string/);
    expect(() => torch.mul(2 as never, 3)).toThrow(TypeError);
  });
});
