/**
 * Tensor API misuse that used to pass silently (issue 15, item 11), with PyTorch 1.13's messages.
 */
import { torch } from "../../src";
import { RuntimeError } from "../../src/errors";

describe("torch.full", () => {
  test.each([
    ["x", "str"],
    [null, "NoneType"],
    [[1], "list"],
  ])("fill_value %p is a TypeError", (fill, type) => {
    expect(() => torch.full([2], fill as number)).toThrow(TypeError);
    expect(() => torch.full([2], fill as number)).toThrow(`full(): argument 'fill_value' (position 2) must be Number, not ${type}`);
  });

  test("numbers and booleans still fill", () => {
    expect(Array.from(torch.full([2], 1.5).dataSync())).toEqual([1.5, 1.5]);
    expect(torch.full([2], true).dtype).toBe(torch.bool);
  });
});

describe("copy_ on a leaf that requires grad", () => {
  function overwriteWeights(w: ReturnType<typeof torch.zeros>): void {
    w.copy_(torch.ones(3));
  }

  test("raises PyTorch's error in grad mode", () => {
    const w = torch.zeros(3, { requires_grad: true });
    expect(() => overwriteWeights(w)).toThrow(RuntimeError);
    expect(() => overwriteWeights(w)).toThrow("a leaf Variable that requires grad is being used in an in-place operation.");
    expect(Array.from(w.dataSync())).toEqual([0, 0, 0]);
  });

  test("is allowed under no_grad (how init and load_state_dict write parameters)", () => {
    const w = torch.zeros(3, { requires_grad: true });
    torch.no_grad(() => overwriteWeights(w));
    expect(Array.from(w.dataSync())).toEqual([1, 1, 1]);
    const plain = torch.zeros(3);
    overwriteWeights(plain);
    expect(Array.from(plain.dataSync())).toEqual([1, 1, 1]);
  });
});
