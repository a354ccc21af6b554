/**
 * Training through custom autograd Functions keeps memory bounded without dispose(), as the built-in
 * ops do (test/tensor/memory.test.ts): the gradients parked for backward, the zeros materialised for
 * an unused output, the tensors the user's backward makes outside the sweep's tidy scope and the
 * saved tensors are all released once a step's graph is gone.
 */
import { torch } from "../../src";
import { macrotask, settle } from "../memory_settle";

type Tensor = torch.Tensor;
type FunctionCtx = torch.autograd.FunctionCtx;

class LegendrePolynomial3 extends torch.autograd.Function {
  static forward(ctx: FunctionCtx, input: Tensor): Tensor {
    ctx.save_for_backward(input);
    return input.pow(3).mul(5).sub(input.mul(3)).mul(0.5);
  }
  static backward(ctx: FunctionCtx, grad_output: Tensor): Tensor {
    const [input] = ctx.saved_tensors;
    return grad_output.mul(1.5).mul(input.pow(2).mul(5).sub(1));
  }
}

/** Two outputs, the second unused by the loss: its gradient is materialised as zeros. */
class SinCos extends torch.autograd.Function {
  static forward(ctx: FunctionCtx, x: Tensor): [Tensor, Tensor] {
    ctx.save_for_backward(x);
    return [x.sin(), x.cos()];
  }
  static backward(ctx: FunctionCtx, gs: Tensor, gc: Tensor): Tensor {
    const [x] = ctx.saved_tensors;
    return gs.mul(x.cos()).sub(gc.mul(x.sin()));
  }
}

test("500 steps through a one-output and a two-output Function: live tensors come back to the warm-up level", async () => {
  const x = torch.linspace(-Math.PI, Math.PI, 256);
  const y = torch.sin(x);
  const a = torch.full([], 0.0, { dtype: torch.float32, requires_grad: true });
  const b = torch.full([], -1.0, { dtype: torch.float32, requires_grad: true });
  const d = torch.full([], 0.3, { dtype: torch.float32, requires_grad: true });
  const step = (): void => {
    const [s] = SinCos.apply(d.mul(x));
    const y_pred = a.add(b.mul(LegendrePolynomial3.apply(d.mul(x)))).add(s.mul(0.01));
    const loss = y_pred.sub(y).pow(2).sum();
    loss.backward();
    torch.no_grad(() => {
      for (const p of [a, b, d]) {
        p.sub_(p.grad!.mul(1e-5));
        p.grad = null;
      }
    });
  };
  async function run(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      step();
      if ((i + 1) % 25 === 0) await macrotask();
    }
  }
  await run(50);
  const base = await settle();
  await run(500);
  const after = await settle();
  expect(after.numTensors).toBeLessThanOrEqual(base.numTensors + 2);
  expect(after.numBytes).toBeLessThanOrEqual(base.numBytes + 1024);
  expect(Number.isFinite(b.item())).toBe(true);
}, 120000);
