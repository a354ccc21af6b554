/**
 * torch.no_grad in its two PyTorch forms: around a block (`with torch.no_grad():`, here a closure) and
 * as the decorator `@torch.no_grad()` above a def (makemore's split_loss), where `torch.no_grad()`
 * returns a wrapper that runs the function without recording, its arguments and result passed through.
 */
import { torch } from "../../src";

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
});
