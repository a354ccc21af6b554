/**
 * torch.no_grad in its two PyTorch forms: around a block (`with torch.no_grad():`, here a closure) and
 * as the decorator `@torch.no_grad()` above a def (makemore's split_loss), where `torch.no_grad()`
 * returns a wrapper that runs the function without recording, its arguments and result passed through.
 */
import * as path from "path";
import { torch } from "../../src";
import { SRC, cellDiagnostics } from "../cell_types";

describe("torch.no_grad", () => {
  test("around a block: the result has no grad_fn, and grad mode is back on after it", () => {
    const w = torch.ones(2, { requires_grad: true });
    const y = torch.no_grad(() => w.mul(2));
    expect([y.requires_grad, y.grad_fn, torch.is_grad_enabled()]).toEqual([false, null, true]);
  });

  test("as the decorator @torch.no_grad(): every call runs without recording, arguments and result passed through", () => {
    const w = torch.ones(2, { requires_grad: true });
    const split_loss = torch.no_grad()((scale: number, bias: torch.Tensor) => {
      expect(torch.is_grad_enabled()).toBe(false);
      return w.mul(scale).add(bias).sum();
    });
    for (const scale of [2, 3]) {
      const loss = split_loss(scale, torch.zeros(2));
      expect([loss.item(), loss.requires_grad, loss.grad_fn]).toEqual([2 * scale, false, null]);
      expect(torch.is_grad_enabled()).toBe(true);
    }
    // Outside the decorated function the graph is recorded again.
    expect(w.mul(2).sum().requires_grad).toBe(true);
  });

  test("the decorated function's error leaves grad mode on", () => {
    const f = torch.no_grad()(() => {
      throw new torch.RuntimeError("boom");
    });
    expect(() => f()).toThrow("boom");
    expect(torch.is_grad_enabled()).toBe(true);
  });

  test("the decorator over an untyped def type-checks as the def: its parameters stay any, its type is kept", () => {
    // deeplizard's `@torch.no_grad() def get_all_preds(model, loader): for batch in loader: ...`
    const cell = [
      `import { torch } from "${SRC}";`,
      "const get_all_preds = torch.no_grad()(function (model, loader) {",
      "  let all_preds = torch.tensor([]);",
      "  for (const batch of loader) all_preds = torch.cat([all_preds, model(batch[0])], { dim: 0 });",
      "  return all_preds;",
      "});",
      "const typed = torch.no_grad()((scale: number) => scale * 2);",
      "const n: number = typed(3);",
      "const bad: string = typed(3);",
      "export { get_all_preds, n, bad };",
    ].join("\n");
    expect(cellDiagnostics(path.join(__dirname, "__no_grad_cell__.ts"), cell)).toEqual(["Type 'number' is not assignable to type 'string'."]);
  });
});
