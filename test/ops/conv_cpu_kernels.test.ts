/**
 * conv2d's NCHW kernels (js_kernels.ts: output, input gradient, weight gradient) of the cpu backend
 * against tfjs's own cpu kernels (Conv2D, Conv2DBackpropInput, Conv2DBackpropFilter) and, for dilated
 * and strided configurations those kernels lack, against torchlab's other conv2d path (the tfjs
 * composition the wasm backend runs above a small batch, itself checked against PyTorch's fixtures).
 * On wasm, for small convolutions (ops/conv.ts's nchwConvPays), the same kernels run as WebAssembly SIMD products (simd_conv.ts): each
 * configuration is also run there and through the tfjs composition, forward and all gradients. tfjs
 * is switched to its cpu backend for the cpu kernel runs.
 */
import { torch } from "../../src";
import { nchwConvMeasured, setNchwConvMaxMacs } from "../../src/ops/conv";
import { tf } from "../../src/backend/tf";
import { prng, int, values } from "../prng";
import { onCpu } from "../cpu_backend";

const F = torch.nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;

interface Result {
  y: Float32Array;
  shape: number[];
  gx: Float32Array;
  gw: Float32Array;
  gb: Float32Array;
}

function run(xv: Float32Array, xs: number[], wv: Float32Array, ws: number[], bv: Float32Array, gv: (n: number) => Float32Array, opts: { stride: number[]; padding: number[] | "same"; dilation: number[] }): Result {
  const x = torch.from_typed(xv, xs, { requires_grad: true });
  const w = torch.from_typed(wv, ws, { requires_grad: true });
  const b = torch.from_typed(bv, [ws[0]], { requires_grad: true });
  const y = F.conv2d(x, w, { bias: b, ...opts });
  y.backward(torch.from_typed(gv(y.numel()), y.shape));
  return {
    y: y.dataSync() as Float32Array,
    shape: y.shape,
    gx: (x.grad as Tensor).dataSync() as Float32Array,
    gw: (w.grad as Tensor).dataSync() as Float32Array,
    gb: (b.grad as Tensor).dataSync() as Float32Array,
  };
}

function same(label: string, got: Float32Array, want: Float32Array, rtol = 1e-4): void {
  expect(`${label} length ${got.length}`).toBe(`${label} length ${want.length}`);
  const scale = want.reduce((m, v) => Math.max(m, Math.abs(v)), 1);
  let bad = -1;
  for (let i = 0; i < got.length; i++) if (!(Math.abs(got[i] - want[i]) <= rtol * scale)) { bad = i; break; }
  expect(bad < 0 ? `${label} ok` : `${label}: element ${bad} is ${got[bad]}, reference ${want[bad]}`).toBe(`${label} ok`);
}

describe("conv2d's cpu kernels", () => {
  test("are registered for the cpu and wasm backends", () => {
    for (const name of ["TorchlabConv2d", "TorchlabConv2dInputGrad", "TorchlabConv2dWeightGrad"]) {
      expect(tf.getKernel(name, "cpu")).toBeDefined();
      expect(tf.getKernel(name, "wasm")).toBeDefined();
    }
  });

  const onWasm = process.env.TORCHLAB_BACKEND === "cpu" ? test.skip : test;

  /** The conv kernels' names that run while `f` does. */
  async function convKernels(f: () => void): Promise<string[]> {
    const info = await tf.profile(() => {
      f();
      return [];
    });
    return info.kernelNames.filter((k) => k.includes("Conv")).sort();
  }

  onWasm("on wasm with a bound of 4 M multiply-adds the NCHW kernels run up to it, XNNPACK's above", async () => {
    await torch.ready();
    const names = async (n: number): Promise<string[]> =>
      convKernels(() => {
        const x = torch.randn(n, 3, 32, 32, { requires_grad: true });
        const w = torch.randn(6, 3, 5, 5, { requires_grad: true });
        F.conv2d(x, w, { bias: torch.zeros(6) }).sum().backward();
      });
    const previous = setNchwConvMaxMacs(4e6);
    try {
      // The classifier tutorial's conv1: 352800 multiply-adds a sample.
      expect(await names(11)).toEqual(["TorchlabConv2d", "TorchlabConv2dInputGrad", "TorchlabConv2dWeightGrad"]);
      expect((await names(12)).some((k) => k.startsWith("Torchlab"))).toBe(false);
    } finally {
      setNchwConvMaxMacs(previous);
    }
  });

  test("the measured rule (TORCHLAB_NCHW_CONV_MACS=auto): up to 320 M multiply-adds at 1 thread; with more, up to 4 M, or 64 M over at most 4 input channels", () => {
    const nets: [string, number, number, boolean, boolean][] = [
      // [convolution, multiply-adds, input channels, NCHW at 1 thread, NCHW at 2 threads]
      ["classifier conv1, batch 4", 4 * 352800, 3, true, true],
      ["classifier conv2, batch 32", 32 * 240000, 6, true, false],
      ["tutorial Net conv1, batch 64", 64 * 540800, 1, true, true],
      ["tutorial Net conv2, batch 64", 64 * 3115008, 32, true, false],
      ["ResNet block 32->32 3x3, batch 32", 32 * 9437184, 32, true, false],
      ["ResNet block 32->32 3x3, batch 64", 64 * 9437184, 32, false, false],
      ["one channel, 80 M", 80e6, 1, true, false],
    ];
    for (const [name, macs, channels, one, two] of nets) {
      expect(`${name}: ${nchwConvMeasured(macs, channels, 1)}, ${nchwConvMeasured(macs, channels, 2)}`).toBe(`${name}: ${one}, ${two}`);
    }
  });

  // Both conv layers of the "training a classifier" tutorial's net, and output sizes whose rows fill
  // whole 16-float rows (no padded copy) next to ones that do not.
  const wasmCases: [number[], number[], number, number | number[], number][] = [
    [[4, 3, 32, 32], [6, 3, 5, 5], 1, 0, 1],
    [[4, 6, 14, 14], [16, 6, 5, 5], 1, 0, 1],
    [[3, 5, 6, 6], [7, 5, 3, 3], 1, 0, 1],
    [[2, 2, 11, 8], [3, 2, 3, 1], 1, [2, 1], 1],
    [[16, 3, 7, 9], [5, 3, 2, 3], 2, 1, 1],
    [[1, 4, 12, 10], [2, 4, 3, 2], 1, [1, 0], 2],
    [[5, 1, 9, 9], [1, 1, 1, 1], 3, 0, 1],
    // Kernel columns that read padding on the left, none, and on the right (separate runs of taps in
    // the patches' calls), and output rows of 13 floats (a stride-1 tap copied 4 floats at a time and 1 alone).
    [[2, 3, 9, 13], [4, 3, 3, 5], 1, [1, 2], 1],
  ];
  for (const [xs, ws, stride, padding, dil] of wasmCases) {
    onWasm(`on wasm, SIMD kernels against the cpu kernels and the NHWC path: x=[${xs}] w=[${ws}] s=${stride} p=${JSON.stringify(padding)} d=${dil}`, async () => {
      await torch.ready();
      const r = prng(xs.reduce((a, v) => a * 31 + v, 7));
      const xv = values(r, xs.reduce((a, v) => a * v)), wv = values(r, ws.reduce((a, v) => a * v)), bv = values(r, ws[0]);
      const gvals = values(r, 4 * 6 * 28 * 28);
      const gv = (k: number): Float32Array => gvals.slice(0, k);
      const opts = { stride: [stride, stride], padding: typeof padding === "number" ? [padding, padding] : padding, dilation: [dil, dil] };
      const simd = run(xv, xs, wv, ws, bv, gv, opts);
      const cpu = await onCpu(() => run(xv, xs, wv, ws, bv, gv, opts));
      const previous = setNchwConvMaxMacs(0);
      let nhwc: Result;
      try {
        nhwc = run(xv, xs, wv, ws, bv, gv, opts);
      } finally {
        setNchwConvMaxMacs(previous);
      }
      for (const other of [cpu, nhwc]) {
        expect(simd.shape).toEqual(other.shape);
        same("out", simd.y, other.y);
        same("grad x", simd.gx, other.gx);
        same("grad w", simd.gw, other.gw);
        same("grad b", simd.gb, other.gb);
      }
    });
  }

  for (let seed = 1; seed <= 14; seed++) {
    const r = prng(seed * 7919);
    const n = int(r, 1, 3), c = int(r, 1, 5), o = int(r, 1, 9), kh = int(r, 1, 4), kw = int(r, 1, 4);
    const dil = seed % 4 === 0 ? int(r, 2, 3) : 1;
    const stride = seed % 3 === 0 ? int(r, 2, 3) : 1;
    const same_ = seed % 5 === 0 && stride === 1;
    const ph = int(r, 0, 2), pw = int(r, 0, 2);
    const h = int(r, dil * (kh - 1) + 1, 10), w = int(r, dil * (kw - 1) + 1, 10);
    const padding = same_ ? ("same" as const) : [ph, pw];
    test(`seed=${seed} x=[${n},${c},${h},${w}] w=[${o},${c},${kh},${kw}] s=${stride} p=${JSON.stringify(padding)} d=${dil}`, async () => {
      const xv = values(r, n * c * h * w), wv = values(r, o * c * kh * kw), bv = values(r, o);
      const gvals = values(r, 4096);
      const gv = (k: number): Float32Array => gvals.slice(0, k);
      const opts = { stride: [stride, stride], padding, dilation: [dil, dil] };
      const got = await onCpu(() => run(xv, [n, c, h, w], wv, [o, c, kh, kw], bv, gv, opts));
      // The other path: on wasm the SIMD kernels (small sizes); where the active backend is cpu already, tfjs's own kernels below.
      if (tf.getBackend() !== "cpu") {
        const other = run(xv, [n, c, h, w], wv, [o, c, kh, kw], bv, gv, opts);
        expect(got.shape).toEqual(other.shape);
        same("out", got.y, other.y);
        same("grad x", got.gx, other.gx);
        same("grad w", got.gw, other.gw);
        same("grad b", got.gb, other.gb);
      }
      if (dil === 1 && !same_) {
        const ref = await onCpu(() =>
          tf.tidy(() => {
            const nhwc = (t: tf.Tensor): tf.Tensor4D => tf.transpose(t, [0, 2, 3, 1]) as tf.Tensor4D;
            const nchw = (t: tf.Tensor): tf.Tensor => tf.transpose(t, [0, 3, 1, 2]);
            const pad = [[0, 0], [ph, ph], [pw, pw], [0, 0]] as [number, number][];
            const xp = tf.pad(nhwc(tf.tensor4d(xv, [n, c, h, w])), pad) as tf.Tensor4D;
            const filt = tf.transpose(tf.tensor4d(wv, [o, c, kh, kw]), [2, 3, 1, 0]) as tf.Tensor4D;
            const y = tf.add(tf.conv2d(xp, filt, stride, "valid"), tf.tensor1d(bv));
            const g = nhwc(tf.tensor4d(gv(y.size), [y.shape[0], y.shape[3], y.shape[1], y.shape[2]]));
            const conv = { strides: stride, pad: "valid", dataFormat: "NHWC" } as unknown as tf.NamedAttrMap;
            const gxp = tf.engine().runKernel("Conv2DBackpropInput", { dy: g, filter: filt }, { ...conv, inputShape: xp.shape } as unknown as tf.NamedAttrMap) as tf.Tensor;
            const gw = tf.engine().runKernel("Conv2DBackpropFilter", { x: xp, dy: g }, { ...conv, filterShape: filt.shape } as unknown as tf.NamedAttrMap) as tf.Tensor;
            return [nchw(y), nchw(tf.slice(gxp, [0, ph, pw, 0], [n, h, w, c])), tf.transpose(gw, [3, 2, 0, 1]), tf.sum(g, [0, 1, 2])].map((t) => t.dataSync() as Float32Array);
          }),
        );
        same("out vs tfjs Conv2D", got.y, ref[0]);
        same("grad x vs tfjs Conv2DBackpropInput", got.gx, ref[1]);
        same("grad w vs tfjs Conv2DBackpropFilter", got.gw, ref[2]);
        same("grad b", got.gb, ref[3]);
      }
    });
  }
});
