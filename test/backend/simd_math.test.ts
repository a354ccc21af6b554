/**
 * TorchlabUnarySimd (src/backend/math_kernels.ts, loops in src/backend/simd_math.ts): exp, tanh and
 * sigmoid of float32 on wasm, four lanes at a time, against the cpu backend's Exp, Tanh and Sigmoid
 * (Math.exp / Math.tanh in double, rounded once): within 2 ulp over a dense sweep of [-100, 100] and
 * over shapes whose last 1-3 elements the scalar loop does; NaN, +-inf, -0, subnormal results and
 * overflow as the cpu backend has them. sigmoid below -88.72 (where exp(-x) overflows) is 0, as
 * PyTorch's 1 / (1 + exp(-x)) gives, against the cpu backend's subnormals: within 2^-126 absolute.
 * Gradients through tfjs's autodiff (create_graph) against the cpu backend's. On the cpu backend
 * torch.exp / tanh / sigmoid keep tfjs's kernels (the kernel is registered for wasm only).
 */
import { tf } from "../../src/backend/tf";
import { registerMathKernels, expT, tanhT, sigmoidT } from "../../src/backend/math_kernels";
import { simdMath } from "../../src/backend/simd_math";
import { ensureTfjsGradients } from "../../src/backend/tfjs_gradients";
import { torch } from "../../src";
import { prng, values } from "../prng";
import { onCpu } from "../cpu_backend";

type Fn = "exp" | "tanh" | "sigmoid";
const OURS: Record<Fn, (x: tf.Tensor) => tf.Tensor> = { exp: expT, tanh: tanhT, sigmoid: sigmoidT };
const CPU: Record<Fn, (x: tf.Tensor) => tf.Tensor> = { exp: tf.exp, tanh: tf.tanh, sigmoid: tf.sigmoid };
const FNS: Fn[] = ["exp", "tanh", "sigmoid"];

/** The distance in float32 steps between a and b (0 for two NaNs, Infinity for one). */
const pair = new Float32Array(2);
const pairBits = new Int32Array(pair.buffer);
function ulps(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  pair[0] = a;
  pair[1] = b;
  const ordered = (k: number): number => (k < 0 ? -(k & 0x7fffffff) : k);
  return Math.abs(ordered(pairBits[0]) - ordered(pairBits[1]));
}

async function both(fn: Fn, xs: Float32Array, shape: number[]): Promise<[Float32Array, Float32Array]> {
  const got = tf.tidy(() => OURS[fn](tf.tensor(xs, shape)).dataSync() as Float32Array);
  const want = await onCpu(() => tf.tidy(() => CPU[fn](tf.tensor(xs, shape)).dataSync() as Float32Array));
  return [got, want];
}

/** Indices where `got` is further than 2 ulp from `want` (sigmoid's underflow compared absolutely), with the values. */
function misses(fn: Fn, xs: Float32Array, got: Float32Array, want: Float32Array): string[] {
  const out: string[] = [];
  for (let k = 0; k < xs.length; k++) {
    const underflow = fn === "sigmoid" && xs[k] < -88.72;
    const ok = got[k] === want[k] || (underflow ? Math.abs(got[k] - want[k]) < 2 ** -126 : ulps(got[k], want[k]) <= 2);
    if (!ok && out.length < 5) out.push(`${fn}(${xs[k]}) = ${got[k]}, cpu ${want[k]}`);
  }
  return out;
}

describe("TorchlabUnarySimd", () => {
  beforeAll(async () => {
    await torch.ready();
    registerMathKernels();
    ensureTfjsGradients();
  });

  test("on wasm the SIMD loops are built on the backend's memory", () => {
    if (tf.getBackend() !== "wasm") return;
    expect(simdMath(tf.backend())).not.toBeNull();
  });

  for (const fn of FNS) {
    test(`${fn}: 400001 points of [-100, 100] within 2 ulp of the cpu backend`, async () => {
      const n = 400001;
      const xs = Float32Array.from({ length: n }, (_, i) => -100 + (200 * i) / (n - 1));
      const [got, want] = await both(fn, xs, [n]);
      expect(misses(fn, xs, got, want)).toEqual([]);
    });

    for (const shape of [[7], [2, 3, 5], [64, 13, 13], [1]]) {
      test(`${fn}: x=${JSON.stringify(shape)} in [-2, 2] and [-20, 20] (the last elements through the scalar loop)`, async () => {
        const size = shape.reduce((a, b) => a * b, 1);
        for (const scale of [1, 10]) {
          const xs = values(prng(4100 + size + scale), size).map((v) => v * scale);
          const [got, want] = await both(fn, xs, shape);
          expect(misses(fn, xs, got, want)).toEqual([]);
        }
      });
    }

    test(`${fn}: NaN, +-inf, +-0, tiny and huge inputs as the cpu backend (-0 kept by tanh)`, async () => {
      // Eight values so that both the SIMD loop and the scalar tail see each kind.
      const special = [NaN, Infinity, -Infinity, -0, 0, 1e-30, -1e-30, 1e-45, 88.7, 89, -87.5, -100, -104, -1e30, 1e30, 0.625, -0.625, 0.6249999];
      const xs = Float32Array.from([...special, ...special.slice(0, 3)]);
      const [got, want] = await both(fn, xs, [xs.length]);
      expect(misses(fn, xs, got, want)).toEqual([]);
      for (let k = 0; k < xs.length; k++) expect(`${xs[k]}: ${Object.is(got[k], -0)}`).toBe(`${xs[k]}: ${Object.is(want[k], -0)}`);
    });

    test(`${fn}: its gradient through tfjs's autodiff against the cpu backend's`, async () => {
      const xs = values(prng(4200), 11);
      const dys = values(prng(4201), 11);
      const g = tf.tidy(() => tf.grad((x: tf.Tensor) => OURS[fn](x))(tf.tensor(xs), tf.tensor(dys)).dataSync() as Float32Array);
      const want = await onCpu(() => tf.tidy(() => tf.grad((x: tf.Tensor) => CPU[fn](x))(tf.tensor(xs), tf.tensor(dys)).dataSync() as Float32Array));
      for (let k = 0; k < xs.length; k++) expect(Math.abs(g[k] - want[k])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want[k])));
    });
  }

  test("torch.exp, torch.tanh and torch.sigmoid of float32 run the kernel on wasm (tfjs's kernels elsewhere)", async () => {
    const x = torch.randn(4, 5);
    for (const f of [(t: typeof x) => torch.exp(t), (t: typeof x) => torch.tanh(t), (t: typeof x) => torch.sigmoid(t)]) {
      const info = await tf.profile(() => {
        f(x);
      });
      expect(info.kernelNames.includes("TorchlabUnarySimd")).toBe(tf.getBackend() === "wasm");
    }
  });
});
