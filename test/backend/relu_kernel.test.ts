/**
 * TorchlabRelu (src/backend/js_kernels.ts), the wasm backend's ReLU: against tfjs's cpu backend's
 * Relu, bit for bit on finite values and -0, and NaN (of either sign) kept as NaN where XNNPACK's Relu
 * gives 0 for a NaN with the sign bit set (test/nn/nan_activations.test.ts has PyTorch's values).
 */
import { tf } from "../../src/backend/tf";
import { registerJsKernels } from "../../src/backend/js_kernels";
import { torch } from "../../src";
import { prng, values } from "../prng";
import { onCpu } from "../cpu_backend";

const shapes: number[][] = [[7], [2, 3, 4, 5], [64, 13, 13, 32], [1, 1, 1, 1]];

describe("TorchlabRelu", () => {
  beforeAll(async () => {
    await torch.ready();
    registerJsKernels();
  });

  shapes.forEach((shape, i) => {
    test(`x=${JSON.stringify(shape)} against the cpu backend's Relu; NaN of either sign stays NaN`, async () => {
      const size = shape.reduce((a, b) => a * b, 1);
      const xs = values(prng(980 + i), size);
      const bits = new Uint32Array(xs.buffer);
      if (size > 4) {
        bits[0] = 0xffc00000;
        bits[1] = 0x7fc00000;
        xs[2] = -0;
        xs[3] = 0;
        xs[size - 1] = -3.4e38;
      }
      const got = tf.tidy(() => (tf.engine().runKernel("TorchlabRelu", { x: tf.tensor(xs, shape) }) as tf.Tensor).dataSync() as Float32Array);
      const want = await onCpu(() => tf.tidy(() => tf.relu(tf.tensor(xs, shape)).dataSync() as Float32Array));
      const gotBits = new Uint32Array(got.buffer, got.byteOffset, got.length);
      const wantBits = new Uint32Array(want.buffer, want.byteOffset, want.length);
      for (let k = 0; k < size; k++) {
        if (Number.isNaN(xs[k])) expect(Number.isNaN(got[k])).toBe(true);
        else if (gotBits[k] !== wantBits[k]) expect(`${k}: ${got[k]}`).toBe(`${k}: ${want[k]}`);
      }
      if (size > 4) expect([got[0], got[1], Object.is(got[2], 0), got[3], got[size - 1]]).toEqual([NaN, NaN, true, 0, 0]);
    });
  });
});
