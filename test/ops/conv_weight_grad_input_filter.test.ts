/**
 * conv2d's weight gradient with the input as the convolution's filter (conv.ts, weightGradInputAsFilter:
 * on wasm, for unstrided, undilated layers whose input is at most half the size of their output
 * gradient, e.g. the ResNet block's first layer) against the cpu backend running the same op and
 * against a float64 loop, for symmetric, asymmetric ('same' with an even kernel) and zero padding,
 * and padding wider than the kernel's reach (the other form). Inputs or gradients holding inf or NaN
 * must give what the other form (and PyTorch) gives. On other backends the same comparisons check
 * the general path.
 */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";
import { prng, values } from "../prng";
import { setNchwConvMaxMacs } from "../../src/ops/conv";

const F = torch.nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
type Padding = number | number[] | "same" | "valid";

/** dW[o, c, i, j] = sum over n, y, x of g[n, o, y, x] * x[n, c, y - top + i, x - left + j] (zero outside). */
function weightGradRef(xv: Float32Array, xs: number[], gv: Float32Array, gs: number[], k: number[], top: number, left: number): Float64Array {
  const [n, c, h, w] = xs;
  const [, o, ho, wo] = gs;
  const [kh, kw] = k;
  const out = new Float64Array(o * c * kh * kw);
  for (let oc = 0; oc < o; oc++)
    for (let ch = 0; ch < c; ch++)
      for (let i = 0; i < kh; i++)
        for (let j = 0; j < kw; j++) {
          let acc = 0;
          for (let b = 0; b < n; b++)
            for (let y = 0; y < ho; y++) {
              const iy = y - top + i;
              if (iy < 0 || iy >= h) continue;
              for (let xx = 0; xx < wo; xx++) {
                const ix = xx - left + j;
                if (ix < 0 || ix >= w) continue;
                acc += gv[((b * o + oc) * ho + y) * wo + xx] * xv[((b * c + ch) * h + iy) * w + ix];
              }
            }
          out[((oc * c + ch) * kh + i) * kw + j] = acc;
        }
  return out;
}

/** w.grad of conv2d(x, w, padding) for the output gradient gv, and the kernels its backward ran. */
async function weightGrad(xv: Float32Array, xs: number[], wv: Float32Array, ws: number[], gv: Float32Array, padding: Padding): Promise<{ grad: Float32Array; kernels: string[] }> {
  const x = torch.from_typed(xv, xs);
  const w = torch.from_typed(wv, ws, { requires_grad: true });
  const y = F.conv2d(x, w, { padding });
  const info = await tf.profile(() => {
    y.backward(torch.from_typed(gv, y.shape));
    return [];
  });
  return { grad: Float32Array.from((w.grad as Tensor).dataSync() as Float32Array), kernels: info.kernelNames };
}

async function onCpuBackend<T>(f: () => Promise<T>): Promise<T> {
  const saved = tf.getBackend();
  await tf.setBackend("cpu");
  try {
    return await f();
  } finally {
    await tf.setBackend(saved);
  }
}

/** [name, x shape, weight shape, padding, [top, left] padding, whether wasm takes the input-as-filter path] */
const cases: [string, number[], number[], Padding, [number, number], boolean][] = [
  ["the ResNet block's first layer at batch 8, 3x3 padding 1", [8, 16, 32, 32], [32, 16, 3, 3], 1, [1, 1], true],
  ["no padding, 3x5 kernel", [8, 8, 34, 34], [20, 8, 3, 5], 0, [0, 0], true],
  ["padding 'same' with a 2x4 kernel (asymmetric: [0, 1] rows, [1, 2] columns)", [4, 16, 32, 32], [32, 16, 2, 4], "same", [0, 1], true],
  ["padding [2, 1] with a 5x3 kernel", [8, 8, 32, 32], [16, 8, 5, 3], [2, 1], [2, 1], true],
  ["padding 3 beyond a 3x3 kernel's reach (the other form)", [8, 8, 32, 32], [24, 8, 3, 3], 3, [3, 3], false],
];


// These are the NHWC path's shapes: on wasm, conv2d runs small convolutions through the NCHW kernels
// instead (ops/conv.ts's nchwConvPays; tested in conv_cpu_kernels.test.ts), so the suite turns them off.
let nchwMacs: ReturnType<typeof setNchwConvMaxMacs> = null;
beforeAll(() => {
  nchwMacs = setNchwConvMaxMacs(0);
});
afterAll(() => {
  setNchwConvMaxMacs(nchwMacs);
});

describe("conv2d weight gradient with the input as the filter", () => {
  cases.forEach(([name, xs, ws, padding, [top, left], takesPath], idx) => {
    test(`${name}: x=${JSON.stringify(xs)} w=${JSON.stringify(ws)} padding=${JSON.stringify(padding)}`, async () => {
      const r = prng(500 + idx);
      const xv = values(r, xs.reduce((a, b) => a * b, 1));
      const wv = values(r, ws.reduce((a, b) => a * b, 1));
      const outShape = torch.no_grad(() => F.conv2d(torch.zeros(...xs), torch.zeros(...ws), { padding })).shape;
      const gv = values(r, outShape.reduce((a, b) => a * b, 1));
      const active = await weightGrad(xv, xs, wv, ws, gv, padding);
      const cpu = await onCpuBackend(() => weightGrad(xv, xs, wv, ws, gv, padding));
      const want = weightGradRef(xv, xs, gv, outShape, [ws[2], ws[3]], top, left);
      const scale = want.reduce((m, v) => Math.max(m, Math.abs(v)), 1);
      let worstLoop = 0;
      let worstCpu = 0;
      for (let i = 0; i < want.length; i++) {
        worstLoop = Math.max(worstLoop, Math.abs(active.grad[i] - want[i]) / scale);
        worstCpu = Math.max(worstCpu, Math.abs(active.grad[i] - cpu.grad[i]) / scale);
      }
      expect(worstLoop).toBeLessThan(2e-5);
      expect(worstCpu).toBeLessThan(2e-5);
      // The input-as-filter form flips its result (conv.ts's flipTranspose: a TorchlabFlipTranspose
      // kernel, or Reverse where the backend lacks it); the other form has none.
      if (tf.getBackend() === "wasm") expect(active.kernels.includes("TorchlabFlipTranspose") || active.kernels.includes("Reverse")).toBe(takesPath);
    });
  });

  test.each([
    ["an inf in x", "x", Infinity],
    ["a NaN in x", "x", NaN],
    ["an inf in the output gradient", "g", Infinity],
  ])("%s gives what the cpu backend's convolution form gives", async (_name, where, bad) => {
    const xs = [8, 16, 32, 32];
    const ws = [32, 16, 3, 3];
    const r = prng(600);
    const xv = values(r, 8 * 16 * 32 * 32);
    const wv = values(r, 32 * 16 * 9);
    const gv = values(r, 8 * 32 * 32 * 32);
    // A corner pixel: taps that never read it keep finite sums in PyTorch.
    if (where === "x") xv[0] = bad;
    else gv[0] = bad;
    const active = await weightGrad(xv, xs, wv, ws, gv, 1);
    const cpu = await onCpuBackend(() => weightGrad(xv, xs, wv, ws, gv, 1));
    const label = (v: number): string => (Number.isNaN(v) ? "NaN" : v === Infinity ? "inf" : v === -Infinity ? "-inf" : "finite");
    expect(Array.from(active.grad, label)).toEqual(Array.from(cpu.grad, label));
    expect(Array.from(active.grad, label)).toContain("finite");
    const scale = cpu.grad.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 1);
    for (let i = 0; i < cpu.grad.length; i++) if (Number.isFinite(cpu.grad[i])) expect(Math.abs(active.grad[i] - cpu.grad[i]) / scale).toBeLessThan(2e-5);
  });
});
