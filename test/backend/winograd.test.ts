/**
 * Winograd F(2x2, 3x3) (src/backend/simd_winograd.ts), which runs the wasm NCHW kernels' 3x3 stride-1
 * convolutions, their input gradients and their weight gradients from 16 channels and 64 tiles a call: conv2d's output and
 * gradients (through torch autograd) against the cpu backend's kernels, on shapes that stress its
 * layout: odd heights and widths (a last tile half outside the output), padding 0 (the input
 * gradient padded by 2), 1 and [1, 0], batch 1, channel counts that are not multiples of 4, tile rows
 * that are not multiples of the transforms' four tiles, and batches split into rounds of products.
 */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";
import * as winograd from "../../src/backend/simd_winograd";
import { setNchwConvMaxMacs } from "../../src/ops/conv";
import { prng, values } from "../prng";
import { onCpu } from "../cpu_backend";

const F = torch.nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
const onWasm = process.env.TORCHLAB_BACKEND === "cpu" ? test.skip : test;

function run(xv: Float32Array, xs: number[], wv: Float32Array, ws: number[], bv: Float32Array, gv: Float32Array, padding: number[]): Float32Array[] {
  const x = torch.from_typed(xv, xs, { requires_grad: true });
  const w = torch.from_typed(wv, ws, { requires_grad: true });
  const b = torch.from_typed(bv, [ws[0]], { requires_grad: true });
  const y = F.conv2d(x, w, { bias: b, padding });
  y.backward(torch.from_typed(gv.slice(0, y.numel()), y.shape));
  return [y, x.grad as Tensor, w.grad as Tensor, b.grad as Tensor].map((t) => t.dataSync() as Float32Array);
}

/** Within 1e-5 of the reference's largest magnitude (float32 sums of up to ~600 products). */
function close(label: string, got: Float32Array, want: Float32Array): void {
  expect(`${label} length ${got.length}`).toBe(`${label} length ${want.length}`);
  const scale = want.reduce((m, v) => Math.max(m, Math.abs(v)), 1);
  let bad = -1;
  for (let i = 0; i < got.length && bad < 0; i++) if (!(Math.abs(got[i] - want[i]) <= 1e-5 * scale)) bad = i;
  expect(bad < 0 ? `${label} ok` : `${label}: element ${bad} is ${got[bad]}, reference ${want[bad]}`).toBe(`${label} ok`);
}

describe("Winograd F(2x2, 3x3) on wasm against the cpu backend", () => {
  // Every size through the NCHW kernels (with 2 threads only up to 4 M multiply-adds by default).
  let bound: ReturnType<typeof setNchwConvMaxMacs>;
  let wasOn: boolean;
  beforeAll(async () => {
    await torch.ready();
    bound = setNchwConvMaxMacs(Infinity);
    // On by default (TORCHLAB_WINOGRAD=0 turns it off): on for this suite whatever the environment says.
    wasOn = winograd.setWinograd(true);
  });
  afterAll(() => {
    setNchwConvMaxMacs(bound);
    winograd.setWinograd(wasOn);
  });
  afterEach(() => jest.restoreAllMocks());

  // [x, w, padding]: its forward, input gradient and weight gradient through Winograd.
  const cases: [number[], number[], number[]][] = [
    [[1, 17, 17, 19], [18, 17, 3, 3], [1, 1]],
    [[3, 20, 9, 14], [19, 20, 3, 3], [0, 0]],
    [[4, 16, 10, 9], [16, 16, 3, 3], [1, 0]],
    [[2, 32, 13, 13], [64, 32, 3, 3], [1, 1]],
    // 400 tiles a sample: rounds of 2 samples, then 1.
    [[3, 16, 40, 40], [16, 16, 3, 3], [1, 1]],
  ];
  for (const [xs, ws, padding] of cases) {
    onWasm(`x=[${xs}] w=[${ws}] p=[${padding}]: output and gradients`, async () => {
      const r = prng(xs.reduce((a, v) => a * 31 + v, ws[0]));
      const xv = values(r, xs.reduce((a, v) => a * v)), wv = values(r, ws.reduce((a, v) => a * v)), bv = values(r, ws[0]);
      const gv = values(r, xs[0] * ws[0] * (xs[2] + 2 * padding[0]) * (xs[3] + 2 * padding[1]));
      const calls = jest.spyOn(winograd, "winogradConv");
      const weightCalls = jest.spyOn(winograd, "winogradWeightGrad");
      const got = run(xv, xs, wv, ws, bv, gv, padding);
      expect([calls.mock.calls.length, weightCalls.mock.calls.length]).toEqual([2, 1]);
      const want = await onCpu(() => run(xv, xs, wv, ws, bv, gv, padding));
      ["out", "grad x", "grad w", "grad b"].forEach((label, i) => close(label, got[i], want[i]));
    });
  }

  onWasm("NaN in the input reaches only the outputs that read it, as direct convolution", () => {
    const xv = values(prng(5), 16 * 16 * 16);
    xv[(3 * 16 + 5) * 16 + 6] = NaN;
    const calls = jest.spyOn(winograd, "winogradConv");
    const y = F.conv2d(torch.from_typed(xv, [1, 16, 16, 16]), torch.from_typed(values(prng(6), 16 * 16 * 9), [16, 16, 3, 3]), { padding: 1 });
    expect(calls).toHaveBeenCalledTimes(1);
    const ys = y.dataSync() as Float32Array;
    const nan: number[][] = [];
    for (let i = 0; i < 16; i++) for (let j = 0; j < 16; j++) if (Number.isNaN(ys[(5 * 16 + i) * 16 + j])) nan.push([i, j]);
    // Output channel 5's rows 4-6, columns 5-7 read input (5, 6).
    expect(nan).toEqual([4, 5, 6].flatMap((i) => [5, 6, 7].map((j) => [i, j])));
  });

  test("is on unless TORCHLAB_WINOGRAD=0", () => {
    const saved = process.env.TORCHLAB_WINOGRAD;
    const onAtStart = (value: string | undefined): boolean => {
      if (value === undefined) delete process.env.TORCHLAB_WINOGRAD;
      else process.env.TORCHLAB_WINOGRAD = value;
      let on = false;
      // A fresh copy of the module reads the environment as a new process would; setWinograd returns the setting it started with.
      jest.isolateModules(() => {
        on = (require("../../src/backend/simd_winograd") as typeof winograd).setWinograd(false);
      });
      return on;
    };
    try {
      expect([undefined, "1", "0"].map(onAtStart)).toEqual([true, true, false]);
    } finally {
      if (saved === undefined) delete process.env.TORCHLAB_WINOGRAD;
      else process.env.TORCHLAB_WINOGRAD = saved;
    }
  });

  test("runs from 16 channels and 64 tiles, 3x3 stride 1 only", async () => {
    await torch.ready();
    const shape = (n: number, cin: number, cout: number, ho: number, wo: number): winograd.WinogradShape => ({ n, cin, h: ho, w: wo, cout, ho, wo, top: 1, left: 1 });
    const pays = (s: winograd.WinogradShape): boolean => winograd.winogradPays(tf.backend(), s);
    const onWasmBackend = tf.getBackend() === "wasm";
    expect([pays(shape(64, 32, 64, 13, 13)), pays(shape(1, 16, 16, 16, 16))]).toEqual([onWasmBackend, onWasmBackend]);
    // 15 channels; 8 tiles (resnet18's layer3 at 4x4, batch 2: the filters' transform costs more).
    expect([pays(shape(64, 15, 64, 13, 13)), pays(shape(64, 32, 8, 13, 13)), pays(shape(2, 256, 256, 4, 4))]).toEqual([false, false, false]);
    const calls = jest.spyOn(winograd, "winogradConv");
    const weightCalls = jest.spyOn(winograd, "winogradWeightGrad");
    const x = torch.randn(2, 16, 15, 15, { requires_grad: true });
    const w = (k: number): Tensor => torch.randn(16, 16, k, k, { requires_grad: true });
    F.conv2d(x, w(3), { stride: 2, padding: 1 }).sum().backward();
    F.conv2d(x, w(5), { padding: 2 }).sum().backward();
    F.conv2d(x, w(3), { dilation: 2 }).sum().backward();
    expect([calls.mock.calls.length, weightCalls.mock.calls.length]).toEqual([0, 0]);
  });
});
