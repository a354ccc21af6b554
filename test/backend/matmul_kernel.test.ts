/**
 * The cpu backend's packed matrix product (src/backend/matmul_kernel.ts, TorchlabMatMul) against tfjs's
 * own cpu BatchMatMul on the same operands, for every transpose combination and sizes that are not
 * multiples of the kernel's 4x4 block; and F.linear / torch.mm through it against the tfjs products.
 * tfjs is switched to its cpu backend for the comparisons, whichever backend the suite runs on.
 */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";
import { cpuMatMul } from "../../src/backend/matmul_kernel";
import { prng, values } from "../prng";
import { onCpu } from "../cpu_backend";

type Tensor = InstanceType<typeof torch.Tensor>;

function same(label: string, got: ArrayLike<number>, want: ArrayLike<number>, rtol = 1e-5): void {
  expect(`${label} length ${got.length}`).toBe(`${label} length ${want.length}`);
  let scale = 1;
  for (let i = 0; i < want.length; i++) if (Number.isFinite(want[i])) scale = Math.max(scale, Math.abs(want[i]));
  let bad = -1;
  for (let i = 0; i < got.length; i++) {
    const ok = Number.isNaN(want[i]) ? Number.isNaN(got[i]) : got[i] === want[i] || Math.abs(got[i] - want[i]) <= rtol * scale;
    if (!ok) {
      bad = i;
      break;
    }
  }
  expect(bad < 0 ? `${label} ok` : `${label}: element ${bad} is ${got[bad]}, tfjs cpu ${want[bad]}`).toBe(`${label} ok`);
}

/** TorchlabMatMul and tfjs's BatchMatMul of the same operands on the cpu backend. */
function both(a: Float32Array, aShape: number[], b: Float32Array, bShape: number[], ta: boolean, tb: boolean): [Float32Array, Float32Array, number[], number[]] {
  return tf.tidy(() => {
    const at = tf.tensor(a, aShape);
    const bt = tf.tensor(b, bShape);
    const got = tf.engine().runKernel("TorchlabMatMul", { a: at, b: bt }, { transposeA: ta, transposeB: tb }) as tf.Tensor;
    const want = tf.matMul(at, bt, ta, tb);
    return [got.dataSync() as Float32Array, want.dataSync() as Float32Array, got.shape, want.shape];
  });
}

describe("TorchlabMatMul (cpu backend)", () => {
  test("is registered for the cpu backend only", () => {
    expect(tf.getKernel("TorchlabMatMul", "cpu")).toBeDefined();
    expect(tf.getKernel("TorchlabMatMul", "wasm")).toBeUndefined();
  });

  const shapes: [number, number, number][] = [
    [1, 1, 1],
    [3, 5, 7],
    [4, 4, 4],
    [5, 9, 6],
    [8, 3, 13],
    [13, 17, 2],
    [64, 300, 10],
    [10, 64, 301],
  ];
  for (const [n, k, p] of shapes) {
    for (const ta of [false, true]) {
      for (const tb of [false, true]) {
        test(`n=${n} k=${k} p=${p} transposeA=${ta} transposeB=${tb}: equals tfjs cpu's BatchMatMul`, async () => {
          const rand = prng(n * 1000 + k * 10 + p + (ta ? 7 : 0) + (tb ? 3 : 0));
          const a = values(rand, n * k);
          const b = values(rand, k * p);
          const [got, want, gs, ws] = await onCpu(() => both(a, ta ? [k, n] : [n, k], b, tb ? [p, k] : [k, p], ta, tb));
          expect(gs).toEqual(ws);
          same("product", got, want);
        });
      }
    }
  }

  test("an empty depth gives zeros; empty rows or columns give empty results", async () => {
    const [z, zw, zs] = await onCpu(() => both(new Float32Array(0), [3, 0], new Float32Array(0), [0, 5], false, false));
    expect(zs).toEqual([3, 5]);
    same("k=0", z, zw);
    const [e, , es] = await onCpu(() => both(new Float32Array(0), [0, 4], new Float32Array(8), [4, 2], false, false));
    expect(es).toEqual([0, 2]);
    expect(e.length).toBe(0);
  });

  test("NaN and infinities reach only the outputs they touch (the block's padding does not leak them)", async () => {
    // 5x3 . 3x6: rows 5 and columns 6 leave padded lanes in the last 4x4 blocks.
    const a = Float32Array.from({ length: 15 }, (_, i) => (i === 4 ? NaN : i === 12 ? Infinity : (i % 5) - 2));
    const b = Float32Array.from({ length: 18 }, (_, i) => (i === 17 ? -Infinity : (i % 4) - 1.5));
    for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]]) {
      const [got, want] = await onCpu(() => both(a, ta ? [3, 5] : [5, 3], b, tb ? [6, 3] : [3, 6], ta, tb));
      same(`non-finite ta=${ta} tb=${tb}`, got, want);
    }
  });
});

describe("products through TorchlabMatMul on the cpu backend", () => {
  test("cpuMatMul declines other dtypes, ranks and backends (the caller falls back to tfjs)", async () => {
    await onCpu(() => {
      tf.tidy(() => {
        expect(cpuMatMul(tf.ones([2, 3], "int32"), tf.ones([3, 2], "int32"), false, false)).toBeNull();
        expect(cpuMatMul(tf.ones([2, 2, 3]), tf.ones([2, 3, 2]), false, false)).toBeNull();
        expect(cpuMatMul(tf.ones([2, 3]), tf.ones([3, 2]), false, false)).not.toBeNull();
      });
    });
    if (tf.getBackend() !== "cpu") expect(cpuMatMul(tf.ones([2, 3]), tf.ones([3, 2]), false, false)).toBeNull();
  });

  test("F.linear forward and gradients (the weight read through its transpose) equal tfjs's products", async () => {
    const rand = prng(11);
    const [n, i, o] = [7, 130, 10];
    const xv = values(rand, n * i), wv = values(rand, o * i), bv = values(rand, o), gv = values(rand, n * o);
    const x = torch.from_typed(xv, [n, i], { requires_grad: true });
    const w = torch.from_typed(wv, [o, i], { requires_grad: true });
    const b = torch.from_typed(bv, [o], { requires_grad: true });
    const y = torch.nn.functional.linear(x, w, b);
    y.backward(torch.from_typed(gv, [n, o]));
    const want = await onCpu(() =>
      tf.tidy(() => {
        const [xt, wt, bt, gt] = [tf.tensor(xv, [n, i]), tf.tensor(wv, [o, i]), tf.tensor(bv, [o]), tf.tensor(gv, [n, o])];
        return [tf.add(tf.matMul(xt, wt, false, true), bt), tf.matMul(gt, wt), tf.matMul(gt, xt, true, false), tf.sum(gt, 0)].map((t) => t.dataSync() as Float32Array);
      }),
    );
    same("y", y.dataSync(), want[0]);
    same("x.grad", (x.grad as Tensor).dataSync(), want[1]);
    same("w.grad", (w.grad as Tensor).dataSync(), want[2]);
    same("b.grad", (b.grad as Tensor).dataSync(), want[3]);
  });

  test("torch.mm of transposed views equals tfjs's product", async () => {
    const rand = prng(5);
    const av = values(rand, 6 * 9), bv = values(rand, 5 * 6);
    const got = torch.mm(torch.from_typed(av, [6, 9]).t(), torch.from_typed(bv, [5, 6]).t());
    const want = await onCpu(() => tf.tidy(() => tf.matMul(tf.tensor(av, [6, 9]), tf.tensor(bv, [5, 6]), true, true).dataSync() as Float32Array));
    expect(got.shape).toEqual([9, 5]);
    same("mm", got.dataSync(), want);
  });
});
