/**
 * How an op's tfjs work is scoped (src/ops/_core.ts compute(), which ends its scope without tfjs's
 * general endScope): the op's intermediates are freed at once, its result survives and belongs to the
 * enclosing tidy scope as tfjs's own endScope would leave it, a kept tensor or one made outside the op
 * is never freed, and a tensor the user still holds keeps its values through chains of ops, in
 * no_grad and with autograd (whose gradients through the chain are checked by hand-derived formulas
 * from PyTorch's definitions of the ops).
 */
// The package first: src/ops/_core.ts loaded on its own would start a circular import in the middle.
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";
import { compute } from "../../src/ops/_core";

const live = (): number => tf.memory().numTensors;

describe("compute(): an op's scope", () => {
  beforeAll(async () => {
    await torch.ready();
  });

  test("intermediates are freed, the result survives", () => {
    const a = tf.tensor([1, 2, 3]);
    const before = live();
    const y = compute(() => tf.mul(tf.add(a, 1), 2));
    expect(live()).toBe(before + 1);
    expect(Array.from(y.dataSync())).toEqual([4, 6, 8]);
    y.dispose();
    a.dispose();
  });

  test("inside a tidy, the result is tracked by the tidy and freed with it unless returned", () => {
    const a = tf.tensor([1, 2, 3]);
    const before = live();
    const kept = tf.tidy(() => {
      const dropped = compute(() => tf.add(a, 1));
      const returned = compute(() => tf.mul(dropped, 3));
      expect(live()).toBe(before + 2);
      return returned;
    });
    expect(live()).toBe(before + 1);
    expect(Array.from(kept.dataSync())).toEqual([6, 9, 12]);
    kept.dispose();
    a.dispose();
  });

  test("a kept intermediate and a result made outside the op are left alone", () => {
    const a = tf.tensor([1, 2]);
    let keptInside: tf.Tensor | null = null;
    const before = live();
    const y = compute(() => {
      keptInside = tf.keep(tf.neg(a));
      return tf.add(keptInside, 1);
    });
    expect(live()).toBe(before + 2);
    expect(Array.from(keptInside!.dataSync())).toEqual([-1, -2]);
    const same = tf.tidy(() => compute(() => a));
    expect(same).toBe(a);
    expect(a.isDisposed).toBe(false);
    expect(live()).toBe(before + 2);
    y.dispose();
    keptInside!.dispose();
    a.dispose();
  });

  test("an op that throws frees what it made and leaves the scope stack as it found it", () => {
    const a = tf.tensor([1, 2]);
    const depth = (tf.engine() as unknown as { state: { scopeStack: unknown[] } }).state.scopeStack.length;
    const before = live();
    expect(() =>
      compute(() => {
        tf.add(a, 1);
        throw new Error("inside the op");
      }),
    ).toThrow("inside the op");
    expect(live()).toBe(before);
    expect((tf.engine() as unknown as { state: { scopeStack: unknown[] } }).state.scopeStack.length).toBe(depth);
    a.dispose();
  });

  test("a chain of ops in no_grad: every tensor the user holds keeps its values, the loop's backend tensors stay bounded", () => {
    const x = torch.tensor([[0.5, -1], [2, 0.25]]);
    const steps = (): number[] => {
      const held = [];
      let t = x;
      for (let i = 0; i < 4; i++) {
        t = t.mul(2).add(1).tanh();
        held.push(t);
      }
      return held.map((h) => h.sum().item());
    };
    const expected = torch.no_grad(steps);
    // The same values from the values alone: tanh(2v + 1) four times over.
    let v = [0.5, -1, 2, 0.25];
    const sums: number[] = [];
    for (let i = 0; i < 4; i++) {
      v = v.map((e) => Math.fround(Math.tanh(Math.fround(Math.fround(2 * e) + 1))));
      sums.push(v.reduce((s, e) => s + e, 0));
    }
    expected.forEach((s, i) => expect(s).toBeCloseTo(sums[i], 5));
    torch._collect();
    const base = live();
    for (let i = 0; i < 200; i++) torch.no_grad(steps);
    torch._collect();
    expect(live()).toBeLessThanOrEqual(base + 2);
  });

  test("autograd through a chain: d/dx sum(tanh(2x + 1) * x) = 2x(1 - tanh(2x + 1)^2) + tanh(2x + 1)", () => {
    const x = torch.tensor([0.5, -1, 2, 0.25], { requires_grad: true });
    const inner = x.mul(2).add(1);
    const t = inner.tanh();
    t.mul(x).sum().backward();
    const xs = [0.5, -1, 2, 0.25];
    const want = xs.map((e) => {
      const th = Math.tanh(2 * e + 1);
      return 2 * e * (1 - th * th) + th;
    });
    Array.from(x.grad!.dataSync()).forEach((g, i) => expect(g).toBeCloseTo(want[i], 5));
    // The intermediates the user kept are still readable after backward released the graph.
    expect(Array.from(inner.detach().dataSync())).toEqual([2, -1, 5, 1.5]);
  });
});
