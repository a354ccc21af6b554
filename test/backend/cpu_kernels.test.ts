/**
 * The cpu backend's TorchlabTranspose2d (src/backend/cpu_kernels.ts) against tfjs's own cpu Transpose
 * on the same data, bit for bit, and the torch ops that take it (t, permute, transpose and their
 * gradients, under a relu). tfjs is switched to its cpu backend for the comparisons.
 */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";
import { transposeT } from "../../src/backend/cpu_kernels";
import { prng, values } from "../prng";
import { onCpu } from "../cpu_backend";

type Tensor = InstanceType<typeof torch.Tensor>;

/** Bit-level equality (NaN equals NaN, -0 differs from 0), naming the first differing element. */
function bits(label: string, got: ArrayLike<number>, want: ArrayLike<number>): void {
  expect(`${label} length ${got.length}`).toBe(`${label} length ${want.length}`);
  let bad = -1;
  for (let i = 0; i < got.length; i++) if (!Object.is(got[i], want[i])) { bad = i; break; }
  expect(bad < 0 ? `${label} ok` : `${label}: element ${bad} is ${got[bad]}, tfjs cpu ${want[bad]}`).toBe(`${label} ok`);
}

describe("cpu backend kernel TorchlabTranspose2d", () => {
  test("are registered for the cpu backend only", () => {
    expect(tf.getKernel("TorchlabTranspose2d", "cpu")).toBeDefined();
    expect(tf.getKernel("TorchlabTranspose2d", "wasm")).toBeUndefined();
  });

  for (const [r, c] of [[1, 1], [1, 7], [5, 1], [31, 33], [32, 64], [65, 40], [10, 1083]]) {
    test(`transpose [${r},${c}] float32 and int32 equal tfjs cpu's Transpose`, async () => {
      const v = values(prng(r * 100 + c), r * c);
      const [got, want, gotI, wantI, shape, kernelShape] = await onCpu(() =>
        tf.tidy(() => {
          const x = tf.tensor(v, [r, c]);
          const xi = tf.tensor(Int32Array.from(v, (e) => Math.round(e * 1000)), [r, c], "int32");
          const k = tf.engine().runKernel("TorchlabTranspose2d", { x }) as tf.Tensor;
          return [k.dataSync(), tf.transpose(x).dataSync(), transposeT(xi, [1, 0]).dataSync(), tf.transpose(xi).dataSync(), transposeT(x, [1, 0]).shape, k.shape];
        }),
      );
      expect(kernelShape).toEqual([c, r]);
      expect(shape).toEqual([c, r]);
      bits("float32", got, want);
      bits("int32", gotI, wantI);
    });
  }

  test("t(), permute and relu with their gradients equal the tfjs ops on the cpu backend", async () => {
    const rand = prng(9);
    const xv = values(rand, 6 * 35), gv = values(rand, 35 * 6), pv = values(rand, 2 * 3 * 4), pg = values(rand, 24);
    const x = torch.from_typed(xv, [6, 35], { requires_grad: true });
    const y = torch.nn.functional.relu(x.t());
    y.backward(torch.from_typed(gv, [35, 6]));
    const p = torch.from_typed(pv, [2, 3, 4], { requires_grad: true });
    const q = p.permute(2, 0, 1);
    q.backward(torch.from_typed(pg, [4, 2, 3]));
    const want = await onCpu(() =>
      tf.tidy(() => {
        const yt = tf.relu(tf.transpose(tf.tensor(xv, [6, 35])));
        // threshold_backward: the gradient where the result is > 0, else +0.
        const gx = tf.transpose(tf.where(tf.greater(yt, 0), tf.tensor(gv, [35, 6]), tf.zeros([35, 6])));
        return [yt.dataSync(), gx.dataSync(), tf.transpose(tf.tensor(pv, [2, 3, 4]), [2, 0, 1]).dataSync(), tf.transpose(tf.tensor(pg, [4, 2, 3]), [1, 2, 0]).dataSync()];
      }),
    );
    bits("relu(x.t())", y.dataSync(), want[0]);
    bits("x.grad", (x.grad as Tensor).dataSync(), want[1]);
    bits("permute", q.dataSync(), want[2]);
    bits("p.grad", (p.grad as Tensor).dataSync(), want[3]);
  });
});
