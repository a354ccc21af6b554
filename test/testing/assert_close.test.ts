/**
 * torch.testing.assert_close and assert against PyTorch 1.13 (test/reference/testing_assert_close.json,
 * written by gen_testing.py): which pairs pass, and the exact type and message of each failure.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { pyFloat } from "../../src/testing";

type Operand = number | boolean | { t: unknown; dtype: string } | Operand[];
interface Case {
  name: string;
  actual: Operand;
  expected: Operand;
  options: Record<string, number | boolean | string>;
  ok: boolean;
  type?: string;
  message?: string;
}

const reference = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "testing_assert_close.json"), "utf8")) as {
  cases: Case[];
};

const special = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(special) : v === "nan" ? NaN : v === "inf" ? Infinity : v === "-inf" ? -Infinity : v;

function build(x: Operand): torch.testing.TensorLike {
  if (Array.isArray(x)) return x.map(build);
  if (typeof x === "object") return torch.tensor(special(x.t) as number[], { dtype: x.dtype });
  return x;
}

describe("torch.testing.assert_close against PyTorch 1.13", () => {
  test.each(reference.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const run = () => torch.testing.assert_close(build(c.actual), build(c.expected), c.options);
    if (c.ok) {
      expect(run).not.toThrow();
      return;
    }
    const message = c.message!;
    let thrown: unknown;
    try {
      run();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe(c.type);
    expect((thrown as Error).message).toBe(message);
  });

  test("AssertionError is exported and is what a mismatch throws", () => {
    expect(() => torch.testing.assert_close(torch.zeros(2), torch.ones(2))).toThrow(torch.testing.AssertionError);
  });

  test("msg as a function receives the generated message", () => {
    expect(() =>
      torch.testing.assert_close(torch.tensor([1.5]), torch.tensor([2.5]), { msg: (m) => `conv2d: ${m.split("\n")[0]}` }),
    ).toThrow("conv2d: Tensor-likes are not close!");
  });

  test("a tensor with requires_grad and a view compare by value", () => {
    const w = torch.tensor([[1.0, 2.0], [3.0, 4.0]], { dtype: torch.float32, requires_grad: true });
    const y = w.mul(2).t();
    torch.testing.assert_close(y, torch.tensor([[2.0, 6.0], [4.0, 8.0]], { dtype: "float32" }));
    expect(() => torch.testing.assert_close(y, torch.tensor([[2.0, 4.0], [6.0, 8.0]], { dtype: "float32" }))).toThrow(
      "Mismatched elements: 2 / 4 (50.0%)\nGreatest absolute difference: 2.0 at index (0, 1) (up to 1e-05 allowed)",
    );
  });
});

describe("pyFloat prints as Python's repr", () => {
  test.each([
    [0.5, "0.5"], [1, "1.0"], [1e-5, "1e-05"], [1.3e-6, "1.3e-06"], [0.0001, "0.0001"], [0.00012, "0.00012"],
    [123456.5, "123456.5"], [1e16, "1e+16"], [1.5e300, "1.5e+300"], [-2.5e-7, "-2.5e-07"], [1e15, "1000000000000000.0"],
    [Math.fround(0.1), "0.10000000149011612"], [-0, "-0.0"], [NaN, "nan"], [-Infinity, "-inf"],
  ])("%p -> %s", (x, text) => expect(pyFloat(x)).toBe(text));
});

describe("torch.testing.assert", () => {
  test("passes on truthy values and one-element tensors that are true", () => {
    torch.testing.assert(true);
    torch.testing.assert(torch.tensor([1.0]).eq(1));
  });
  test("fails with the given message, built lazily", () => {
    expect(() => torch.testing.assert(1 > 2, "expected 1 > 2")).toThrow(new torch.testing.AssertionError("expected 1 > 2"));
    expect(() => torch.testing.assert(false, () => `shape ${torch.zeros(2, 3).shape}`)).toThrow("shape torch.Size([2, 3])");
    expect(() => torch.testing.assert(torch.tensor(false))).toThrow("assertion failed");
  });
  test("a tensor of several values is ambiguous, as in PyTorch", () => {
    expect(() => torch.testing.assert(torch.ones(2))).toThrow("Boolean value of Tensor with more than one value is ambiguous");
  });
});
