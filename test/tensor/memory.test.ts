/**
 * A notebook user never calls dispose(). Backend memory is released when tensor wrappers are
 * garbage-collected (a FinalizationRegistry in src/backend/memory.ts, whose callbacks run after a GC,
 * in a later macrotask), and a GC is nudged whenever a byte budget of new allocations is spent.
 * These tests run real loops the way a notebook does — yielding a macrotask now and then, as the
 * DataLoader's `for await` does — and require the backend's live tensor count and bytes to stay
 * bounded during the loop and to come back to the warm-up level after it.
 */
import { torch } from "../../src";
import { macrotask, settle } from "../memory_settle";

type Tensor = InstanceType<typeof torch.Tensor>;

/** Runs `step` n times, yielding every `every` steps; returns the largest live counts seen at a yield. */
async function loop(n: number, every: number, step: (i: number) => void): Promise<{ numTensors: number; numBytes: number }> {
  let peak = { numTensors: 0, numBytes: 0 };
  for (let i = 0; i < n; i++) {
    step(i);
    if ((i + 1) % every === 0) {
      await macrotask();
      await macrotask();
      const m = torch.memory();
      peak = { numTensors: Math.max(peak.numTensors, m.numTensors), numBytes: Math.max(peak.numBytes, m.numBytes) };
    }
  }
  return peak;
}

const BUDGET = 2 * 1024 * 1024;

describe("memory stays bounded without dispose()", () => {
  beforeAll(() => {
    // A small budget makes the GC nudge happen many times within 1,000 small iterations.
    torch._setGcBudget(BUDGET);
  });
  afterAll(() => {
    torch._setGcBudget(null);
  });

  test("1,000 training steps: forward, backward, in-place update under no_grad, zero grad", async () => {
    torch.manual_seed(0);
    const x = torch.randn(32, 64);
    const w = torch.randn(64, 32, { requires_grad: true });
    const step = () => {
      const y = x.matmul(w).relu().sum();
      y.backward();
      torch.no_grad(() => {
        w.sub_(w.grad!.mul(1e-4));
      });
      w.grad!.zero_();
    };
    await loop(100, 25, step);
    const base = await settle();
    const peak = await loop(1000, 25, step);
    const after = await settle();
    expect(after.numTensors).toBeLessThanOrEqual(base.numTensors + 2);
    expect(after.numBytes).toBeLessThanOrEqual(base.numBytes + 1024);
    // Between yields at most the garbage of one budget (plus a step's worth) is alive.
    expect(peak.numBytes).toBeLessThanOrEqual(base.numBytes + 4 * BUDGET);
    expect(w.grad).not.toBeNull();
    expect(Number.isFinite(w.sum().item())).toBe(true);
  });

  test("1,000 inference calls under no_grad", async () => {
    torch.manual_seed(1);
    const x = torch.randn(16, 64);
    const w1 = torch.randn(64, 64, { requires_grad: true });
    const w2 = torch.randn(64, 10, { requires_grad: true });
    let last = 0;
    const step = () => {
      const out = torch.no_grad(() => x.matmul(w1).relu().matmul(w2).softmax(1).argmax(1));
      last = out.get(0).item();
    };
    await loop(100, 25, step);
    const base = await settle();
    const peak = await loop(1000, 25, step);
    const after = await settle();
    expect(after.numTensors).toBeLessThanOrEqual(base.numTensors + 2);
    expect(after.numBytes).toBeLessThanOrEqual(base.numBytes + 1024);
    expect(peak.numBytes).toBeLessThanOrEqual(base.numBytes + 4 * BUDGET);
    expect(last).toBeGreaterThanOrEqual(0);
  });

  test("graphs that are never backpropagated, retained grads and shape ops are freed too", async () => {
    const w = torch.randn(8, 8, { requires_grad: true });
    const step = (i: number) => {
      const h = w.matmul(w).tanh();
      h.retain_grad();
      const parts = h.split(3);
      const z = torch.cat(parts).index(":, 1:").masked_select(h.index(":, 1:").gt(0));
      if (i % 2 === 0) z.sum().backward();
      const s: Tensor = h.softmax(1).log_softmax(0).max(1).values;
      const k = h.argmax(null, true).add(s.argmin());
      void k;
    };
    await loop(50, 25, step);
    const base = await settle();
    await loop(500, 25, step);
    const after = await settle();
    expect(after.numTensors).toBeLessThanOrEqual(base.numTensors + 2);
    expect(after.numBytes).toBeLessThanOrEqual(base.numBytes + 1024);
  });

  test("a reduction that hands back its 0-d input's own buffer (sum, cumsum, prod over one dim) leaves the input alive", async () => {
    // d2l's autograd chapter: `if (b.sum() > 0)` on a 0-d b, then printing b after a GC.
    const x = torch.tensor(3.5, { requires_grad: true });
    const y = torch.tensor(7);
    x.sum();
    x.sum(0);
    x.cumsum(0);
    x.prod(0);
    y.sum();
    y.cumsum(0);
    await settle();
    expect(String(x)).toBe("tensor(3.5000, requires_grad=True)");
    expect(String(y)).toBe("tensor(7)");
  });
});
