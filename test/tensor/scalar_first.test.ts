import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { range, repr } from "../../src/builtins";

/** test/reference/gen_mit191_ops.py: PyTorch 1.13's repr of each case. */
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "mit191_ops.json"), "utf8")) as Record<string, Record<string, string>>;

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
    expect(() => torch.exp(2 as never)).toThrow(TypeError);
  });
  test("two numbers make a 0-d tensor whose dtype the numbers' kinds decide (MIT 6.S191's func(1.5, 2.5))", () => {
    const cases: Record<string, () => InstanceType<typeof torch.Tensor>> = {
      "add(1.5, 2.5)": () => torch.add(1.5, 2.5),
      "add(1, 2)": () => torch.add(1, 2),
      "add(1, 2.5)": () => torch.add(1, 2.5),
      "add(True, False)": () => torch.add(true, false),
      "add(True, 2)": () => torch.add(true, 2),
      "sub(2.5, 1.5)": () => torch.sub(2.5, 1.5),
      "sub(1, 2, alpha=2)": () => torch.sub(1, 2, { alpha: 2 }),
      "subtract(2.5, 1)": () => torch.subtract(2.5, 1),
      "mul(2, 3.5)": () => torch.mul(2, 3.5),
      "mul(2.5, 1.5)": () => torch.mul(2.5, 1.5),
      "multiply(3, 4)": () => torch.multiply(3, 4),
      "multiply(1.5, 2.5)": () => torch.multiply(1.5, 2.5),
      "add(1.5, tensor([1., 2.]))": () => torch.add(1.5, torch.tensor([1, 2], { dtype: torch.float32 })),
      "multiply(add(1.5, 2.5), subtract(2.5, 1))": () => torch.multiply(torch.add(1.5, 2.5), torch.subtract(2.5, 1)),
    };
    expect(Object.keys(cases)).toEqual(Object.keys(R.numbers));
    for (const [name, f] of Object.entries(cases)) expect([name, repr(f())]).toEqual([name, R.numbers[name]]);
  });
  test("torch.tensor of a range reads it as the list of its items", () => {
    const cases: Record<string, () => InstanceType<typeof torch.Tensor>> = {
      "tensor(range(5))": () => torch.tensor(range(5)),
      "tensor(range(2, 9, 3))": () => torch.tensor(range(2, 9, 3)),
      "tensor(range(0))": () => torch.tensor(range(0)),
      "tensor(range(3), dtype=float32)": () => torch.tensor(range(3), { dtype: torch.float32 }),
    };
    expect(Object.keys(cases)).toEqual(Object.keys(R.ranges));
    for (const [name, f] of Object.entries(cases)) expect([name, repr(f())]).toEqual([name, R.ranges[name]]);
  });
});
