/**
 * TorchlabChannelAffineNhwc (src/backend/js_kernels.ts), batch norm's eval transform over a
 * channels-last buffer (src/ops/layout.ts): on the active backend against tfjs's cpu backend running
 * the composition (x - center) * scale + shift broadcast over the last axis, and against the NCHW
 * kernel TorchlabChannelAffine on the same values transposed, element for element; with the attr
 * `relu`, against ReLU then the transform.
 */
import { tf } from "../../src/backend/tf";
import { registerJsKernels } from "../../src/backend/js_kernels";
import { torch } from "../../src";
import { prng, values } from "../prng";
import { onCpu } from "../cpu_backend";

const shapes: number[][] = [
  [2, 3, 4, 5],
  [1, 1, 1, 7],
  [3, 5, 2, 1],
  [4, 13, 13, 64],
];

describe("TorchlabChannelAffineNhwc", () => {
  beforeAll(async () => {
    await torch.ready();
    registerJsKernels();
  });

  shapes.forEach((shape, i) => {
    test(`x=${JSON.stringify(shape)} against the cpu backend's composition and the NCHW kernel`, async () => {
      const c = shape[3];
      const size = shape.reduce((a, b) => a * b, 1);
      const xs = values(prng(900 + i), size);
      const center = values(prng(910 + i), c);
      const scale = values(prng(920 + i), c);
      const shift = values(prng(930 + i), c);
      const run = (name: string, x: tf.Tensor): Float32Array =>
        tf.tidy(() => (tf.engine().runKernel(name, { x, center: tf.tensor1d(center), scale: tf.tensor1d(scale), shift: tf.tensor1d(shift) }) as tf.Tensor).dataSync() as Float32Array);
      const got = tf.tidy(() => run("TorchlabChannelAffineNhwc", tf.tensor(xs, shape)));
      const want = await onCpu(() => tf.tidy(() => tf.add(tf.mul(tf.sub(tf.tensor(xs, shape), tf.tensor1d(center)), tf.tensor1d(scale)), tf.tensor1d(shift)).dataSync() as Float32Array));
      let worst = 0;
      for (let k = 0; k < size; k++) worst = Math.max(worst, Math.abs(got[k] - want[k]) / Math.max(1, Math.abs(want[k])));
      expect(worst).toBeLessThanOrEqual(1e-6);
      const nchw = tf.tidy(() => {
        const y = tf.tensor(run("TorchlabChannelAffine", tf.transpose(tf.tensor(xs, shape), [0, 3, 1, 2])), [shape[0], c, shape[1], shape[2]]);
        return tf.transpose(y, [0, 2, 3, 1]).dataSync() as Float32Array;
      });
      expect(got.every((v, k) => v === nchw[k])).toBe(true);
    });
  });

  shapes.forEach((shape, i) => {
    test(`relu: true, x=${JSON.stringify(shape)}: ReLU then the transform, against the cpu backend's composition; NaN stays NaN`, async () => {
      const c = shape[3];
      const size = shape.reduce((a, b) => a * b, 1);
      const xs = values(prng(940 + i), size);
      xs[0] = NaN;
      if (size > 2) xs[1] = 0;
      if (size > 3) xs[2] = -0;
      const center = values(prng(950 + i), c);
      const scale = values(prng(960 + i), c);
      const shift = values(prng(970 + i), c);
      const vecs = (): Record<string, tf.Tensor> => ({ center: tf.tensor1d(center), scale: tf.tensor1d(scale), shift: tf.tensor1d(shift) });
      const got = tf.tidy(() => (tf.engine().runKernel("TorchlabChannelAffineNhwc", { x: tf.tensor(xs, shape), ...vecs() }, { relu: true }) as tf.Tensor).dataSync() as Float32Array);
      const want = await onCpu(() => tf.tidy(() => tf.add(tf.mul(tf.sub(tf.relu(tf.tensor(xs, shape)), tf.tensor1d(center)), tf.tensor1d(scale)), tf.tensor1d(shift)).dataSync() as Float32Array));
      expect(Number.isNaN(got[0])).toBe(true);
      let worst = 0;
      for (let k = 1; k < size; k++) worst = Math.max(worst, Math.abs(got[k] - want[k]) / Math.max(1, Math.abs(want[k])));
      expect(worst).toBeLessThanOrEqual(1e-6);
      // Equal, float for float, to ReLU on its own then the kernel without it.
      const twoStep = tf.tidy(() => (tf.engine().runKernel("TorchlabChannelAffineNhwc", { x: tf.relu(tf.tensor(xs, shape)), ...vecs() }) as tf.Tensor).dataSync() as Float32Array);
      for (let k = 1; k < size; k++) expect(got[k]).toBe(twoStep[k]);
    });
  });
});
