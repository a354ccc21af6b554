/** torch.Size: shape and size() print as PyTorch prints them and still behave as arrays of numbers. */
import * as util from "util";
import { torch } from "../../src";
import { toMimeBundle } from "../../src/display/emitter";

describe("torch.Size", () => {
  test("shape and size() print torch.Size([...]) in console.log, template strings, String() and text/plain", () => {
    const x = torch.zeros(3, 28, 28);
    expect(util.inspect(x.shape)).toBe("torch.Size([3, 28, 28])");
    expect(`${x.size()}`).toBe("torch.Size([3, 28, 28])");
    expect(String(torch.zeros(64, 1, 28, 28).shape)).toBe("torch.Size([64, 1, 28, 28])");
    const display = (x.shape as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for("Jupyter.display")]();
    expect(display["text/plain"]).toBe("torch.Size([3, 28, 28])");
    expect(String(torch.tensor(1.5).shape)).toBe("torch.Size([])");
    // What the kernel sends for a cell whose value is the shape, or a grad_fn.
    expect(toMimeBundle(x.shape)).toEqual({ "text/plain": "torch.Size([3, 28, 28])" });
    const loss = torch.nn.functional.mse_loss(torch.ones(2, { requires_grad: true }), torch.zeros(2));
    // IPython's form of a cell's value (its pretty printer drops "object"); print()'s keeps it.
    expect(toMimeBundle(loss.grad_fn)).toEqual({ "text/plain": String(loss.grad_fn).replace(" object at ", " at ") });
    expect(String(loss.grad_fn)).toMatch(/^<MseLossBackward0 object at 0x[0-9a-f]{12}>$/);
    // Nested in an object, console.log still shows the PyTorch form.
    expect(util.inspect({ shape: x.shape })).toBe("{ shape: torch.Size([3, 28, 28]) }");
  });

  test("still an array of numbers: index, length, spread, destructure, map, JSON, Array.isArray", () => {
    const s = torch.zeros(2, 3, 4).shape;
    expect(Array.isArray(s)).toBe(true);
    expect(s[1]).toBe(3);
    expect(s.length).toBe(3);
    const [n, c] = s;
    expect([n, c]).toEqual([2, 3]);
    expect([...s]).toEqual([2, 3, 4]);
    expect(JSON.stringify(s)).toBe("[2,3,4]");
    const m = s.map((d) => d * 2);
    expect(m).toEqual([4, 6, 8]);
    expect(m instanceof torch.Size).toBe(false);
    expect(torch.zeros(...s.slice(1)).shape.equals([3, 4])).toBe(true);
  });

  test("numel(), equals(), and a constructible torch.Size", () => {
    const s = torch.zeros(2, 3).shape;
    expect(s.numel()).toBe(6);
    expect(new torch.Size([]).numel()).toBe(1);
    expect(s.equals(new torch.Size([2, 3]))).toBe(true);
    expect(s.equals([2, 3])).toBe(true);
    expect(s.equals([3, 2])).toBe(false);
    expect(s.equals([2, 3, 1])).toBe(false);
    expect(String(new torch.Size([1, 2]))).toBe("torch.Size([1, 2])");
    expect(() => new torch.Size([2, -1])).toThrow(TypeError);
    expect(() => new torch.Size([1.5])).toThrow(/non-negative integers/);
  });

  test("size(dim) is a number, and a shape is immutable like PyTorch's tuple", () => {
    const x = torch.zeros(2, 5);
    expect(x.size(1)).toBe(5);
    expect(x.size(-2)).toBe(2);
    expect(() => {
      (x.shape as number[])[0] = 7;
    }).toThrow(TypeError);
    expect(x.shape[0]).toBe(2);
  });

  test("shapes are interned by value: equal dims give one frozen Size, prefixes and reorderings do not collide", () => {
    const a = torch.zeros(2, 3).shape;
    expect(torch.ones(2, 3).shape).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    const others = [torch.zeros(2).shape, torch.zeros(3, 2).shape, torch.zeros(2, 3, 1).shape, torch.zeros(23).shape, torch.tensor(1).shape];
    expect(others.map((s) => [...s])).toEqual([[2], [3, 2], [2, 3, 1], [23], []]);
    for (const s of others) expect(s).not.toBe(a);
    expect(torch.tensor(2).shape).toBe(others[4]);
    expect(torch.zeros(2, 3, 0).shape.equals([2, 3, 0])).toBe(true);
  });

  test("past the interning bound (4096 shapes) the table starts afresh and every shape stays right", () => {
    const seen: [number[], number[]][] = [];
    for (let i = 1; i <= 5000; i++) seen.push([[i, 1], [...torch.zeros(i, 1).shape]]);
    for (const [dims, shape] of seen) expect(shape).toEqual(dims);
    const s = torch.zeros(7, 9).shape;
    expect(torch.zeros(7, 9).shape).toBe(s);
    expect([...s]).toEqual([7, 9]);
  });
});
