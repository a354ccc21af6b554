/**
 * conv2d's NCHW kernels of the cpu backend (js_kernels.ts: output, input gradient, weight gradient)
 * against tfjs's own cpu kernels (Conv2D, Conv2DBackpropInput, Conv2DBackpropFilter) and, for dilated
 * and strided configurations those kernels lack, against torchlab's other conv2d path (the tfjs
 * composition the wasm backend runs, itself checked against PyTorch's fixtures). tfjs is switched
 * to its cpu backend for the kernel runs.
 */
import { torch } from "../../src";
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
  test("are registered for the cpu backend only", () => {
    expect(tf.getKernel("TorchlabConv2d", "cpu")).toBeDefined();
    expect(tf.getKernel("TorchlabConv2d", "wasm")).toBeUndefined();
  });

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
      // The other path: on wasm the tfjs composition; where the active backend is cpu already, tfjs's own kernels below.
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
