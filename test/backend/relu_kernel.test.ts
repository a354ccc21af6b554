/**
 * TorchlabRelu (src/backend/js_kernels.ts), torchlab's ReLU on wasm and cpu: against tfjs's cpu
 * backend's Relu, bit for bit on finite values, NaN (of either sign) kept as NaN where XNNPACK's Relu
 * gives 0 for a NaN with the sign bit set, and -0 kept as PyTorch keeps it where tfjs's Relus give +0
 * (test/nn/nan_activations.test.ts has PyTorch's values).
 * TorchlabReluGrad (ATen's threshold_backward): dy where the saved result is > 0 or NaN, +0 elsewhere,
 * bit for bit against that rule written per element. On wasm both run four lanes at a time
 * (src/backend/simd.ts) up to the last multiple of four, then the scalar loop: the shapes cover both.
 * TorchlabFlipTranspose (the flipped, channel-swapped filter of a convolution's gradients): against
 * the cpu backend's Reverse then Transpose, bit for bit (a copy: NaN payloads and -0 included).
 */
import { tf } from "../../src/backend/tf";
import { registerJsKernels } from "../../src/backend/js_kernels";
import { torch } from "../../src";
import { prng, values } from "../prng";
import { onCpu } from "../cpu_backend";
import { simdLoops } from "../../src/backend/simd";

const shapes: number[][] = [[7], [2, 3, 4, 5], [64, 13, 13, 32], [1, 1, 1, 1]];

describe("TorchlabRelu", () => {
  beforeAll(async () => {
    await torch.ready();
    registerJsKernels();
  });

  shapes.forEach((shape, i) => {
    test(`x=${JSON.stringify(shape)} against the cpu backend's Relu; NaN of either sign stays NaN, -0 stays -0`, async () => {
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
        else if (Object.is(xs[k], -0)) expect(Object.is(got[k], -0)).toBe(true);
        else if (gotBits[k] !== wantBits[k]) expect(`${k}: ${got[k]}`).toBe(`${k}: ${want[k]}`);
      }
      if (size > 4) expect([got[0], got[1], Object.is(got[2], -0), Object.is(got[3], 0), got[size - 1]]).toEqual([NaN, NaN, true, true, 0]);
    });
  });
});

describe("TorchlabReluGrad", () => {
  beforeAll(async () => {
    await torch.ready();
    registerJsKernels();
  });

  test("on wasm the SIMD loops are built on the backend's memory", () => {
    if (tf.getBackend() !== "wasm") return;
    expect(simdLoops(tf.backend())).not.toBeNull();
  });

  [[7], [2, 3, 4, 5], [4, 6, 28, 28], [1, 1, 1, 1]].forEach((shape, i) => {
    test(`dy=y=${JSON.stringify(shape)}: dy where y > 0 or y is NaN, +0 where y <= 0 (-0 included), bit for bit`, () => {
      const size = shape.reduce((a, b) => a * b, 1);
      const ys = values(prng(1200 + i), size);
      const dys = values(prng(1300 + i), size);
      const yBits = new Uint32Array(ys.buffer);
      const dyBits = new Uint32Array(dys.buffer);
      if (size > 6) {
        yBits[0] = 0xffc00000;
        yBits[1] = 0x7fc00001;
        ys[2] = -0;
        ys[3] = 0;
        ys[4] = -Infinity;
        ys[5] = Infinity;
        dyBits[6] = 0xffc00002;
        ys[6] = 1;
        dys[5] = -0;
      }
      const got = tf.tidy(() => (tf.engine().runKernel("TorchlabReluGrad", { dy: tf.tensor(dys, shape), y: tf.tensor(ys, shape) }) as tf.Tensor).dataSync() as Float32Array);
      const gotBits = new Uint32Array(got.buffer, got.byteOffset, got.length);
      for (let k = 0; k < size; k++) {
        const want = ys[k] <= 0 ? 0 : dyBits[k];
        if (gotBits[k] !== want) expect(`${k}: ${gotBits[k].toString(16)}`).toBe(`${k}: ${want.toString(16)}`);
      }
      if (size > 6) expect([gotBits[0], gotBits[1], gotBits[2], gotBits[3], gotBits[4], gotBits[6]]).toEqual([dyBits[0], dyBits[1], 0, 0, 0, 0xffc00002]);
      if (size > 6) expect(Object.is(got[5], -0)).toBe(true);
    });
  });
});

describe("TorchlabFlipTranspose", () => {
  beforeAll(async () => {
    await torch.ready();
    registerJsKernels();
  });

  const cases: [number[], [number, number], [number, number, number, number]][] = [
    [[16, 6, 5, 5], [2, 3], [2, 3, 0, 1]],
    [[4, 3, 2, 5], [2, 3], [2, 3, 0, 1]],
    [[3, 2, 4, 5], [2, 3], [0, 1, 2, 3]],
    [[2, 3, 4, 5], [1, 2], [0, 3, 1, 2]],
    [[1, 1, 1, 1], [2, 3], [2, 3, 0, 1]],
  ];
  cases.forEach(([shape, flip, perm], i) => {
    test(`x=${JSON.stringify(shape)} flip=${JSON.stringify(flip)} perm=${JSON.stringify(perm)} against the cpu backend's Reverse + Transpose`, async () => {
      const size = shape.reduce((a, b) => a * b, 1);
      const xs = values(prng(700 + i), size);
      const bits = new Uint32Array(xs.buffer);
      if (size > 2) {
        bits[0] = 0xffc00001;
        xs[1] = -0;
      }
      const got = tf.tidy(() => {
        const y = tf.engine().runKernel("TorchlabFlipTranspose", { x: tf.tensor(xs, shape) }, { flip, perm } as unknown as tf.NamedAttrMap) as tf.Tensor;
        return { shape: y.shape, data: y.dataSync() as Float32Array };
      });
      const want = await onCpu(() => tf.tidy(() => {
        const y = tf.transpose(tf.reverse(tf.tensor(xs, shape), flip), perm);
        return { shape: y.shape, data: y.dataSync() as Float32Array };
      }));
      expect(got.shape).toEqual(want.shape);
      expect(Array.from(new Uint32Array(got.data.buffer, got.data.byteOffset, size))).toEqual(Array.from(new Uint32Array(want.data.buffer, want.data.byteOffset, size)));
    });
  });
});
