/**
 * Randomised configurations of conv2d, depthwise conv, max/avg pooling and resizing, forward and
 * gradients, checked against the cpu backend's own kernels (Conv2DBackpropInput/Filter,
 * DepthwiseConv2dNativeBackpropInput/Filter, MaxPoolGrad, AvgPoolGrad, Resize*Grad), which the wasm
 * backend lacks or which torchlab's gradients do not use. Runs on the active backend (wasm by default).
 */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";
import { prng, int, values } from "../prng";
import { onCpu, close } from "./_tfjs_cpu";

const F = torch.nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;

const nchw = (t: tf.Tensor): tf.Tensor => tf.transpose(t, [0, 3, 1, 2]);
const nhwc = (t: tf.Tensor): tf.Tensor => tf.transpose(t, [0, 2, 3, 1]);
const kernel = (name: string, inputs: Record<string, tf.Tensor>, attrs: Record<string, unknown>): tf.Tensor =>
  tf.engine().runKernel(name, inputs as tf.NamedTensorMap, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;

describe("conv2d against tfjs cpu conv2d and its gradients", () => {
  for (let seed = 1; seed <= 12; seed++) {
    const r = prng(seed);
    const n = int(r, 1, 3), c = int(r, 1, 4), o = int(r, 1, 5), kh = int(r, 1, 4), kw = int(r, 1, 4);
    const dil = r() < 0.3 ? int(r, 2, 3) : 1;
    const stride = dil === 1 ? int(r, 1, 3) : 1;
    const ph = int(r, 0, 2), pw = int(r, 0, 2);
    const h = int(r, dil * (kh - 1) + 1, 9), w = int(r, dil * (kw - 1) + 1, 9);
    const name = `seed=${seed} x=[${n},${c},${h},${w}] w=[${o},${c},${kh},${kw}] s=${stride} p=(${ph},${pw}) d=${dil}`;
    test(name, async () => {
      const xv = values(r, n * c * h * w), wv = values(r, o * c * kh * kw), bv = values(r, o);
      const x = torch.from_typed(xv, [n, c, h, w], { requires_grad: true });
      const wt = torch.from_typed(wv, [o, c, kh, kw], { requires_grad: true });
      const b = torch.from_typed(bv, [o], { requires_grad: true });
      const y = F.conv2d(x, wt, b, stride, [ph, pw], dil);
      const gv = values(r, y.numel());
      y.backward(torch.from_typed(gv, y.shape));
      const ref = await onCpu(() => {
        const pad = [[0, 0], [ph, ph], [pw, pw], [0, 0]] as [number, number][];
        const xp = tf.pad(nhwc(tf.tensor4d(xv, [n, c, h, w])), pad) as tf.Tensor4D;
        const ws = tf.transpose(tf.tensor4d(wv, [o, c, kh, kw]), [2, 3, 1, 0]) as tf.Tensor4D;
        const out = tf.conv2d(xp, ws, stride, "valid", "NHWC", dil);
        const g = nhwc(tf.tensor4d(gv, y.shape as [number, number, number, number]));
        const res = [nchw(tf.add(out, tf.tensor1d(bv))), tf.sum(g, [0, 1, 2])];
        if (dil === 1) {
          // The cpu backprop kernels know no dilation; dilated gradients are covered by the PyTorch fixtures.
          const conv = { strides: stride, pad: "valid", dataFormat: "NHWC" };
          const gxp = kernel("Conv2DBackpropInput", { dy: g, filter: ws }, { ...conv, inputShape: xp.shape });
          const gw = kernel("Conv2DBackpropFilter", { x: xp, dy: g }, { ...conv, filterShape: ws.shape });
          res.push(nchw(tf.slice(gxp, [0, ph, pw, 0], [n, h, w, c])), tf.transpose(gw, [3, 2, 0, 1]));
        }
        return res;
      });
      close("out", y, ref[0]);
      close("grad b", b.grad as Tensor, ref[1]);
      if (dil === 1) {
        close("grad x", x.grad as Tensor, ref[2]);
        close("grad w", wt.grad as Tensor, ref[3]);
      }
    });
  }
});

describe("depthwise conv2d (groups == in_channels) against tfjs cpu depthwiseConv2d", () => {
  for (let seed = 20; seed <= 27; seed++) {
    const r = prng(seed);
    const n = int(r, 1, 2), c = int(r, 1, 4), mult = int(r, 1, 3), kh = int(r, 1, 3), kw = int(r, 1, 3);
    const stride = int(r, 1, 2), h = int(r, kh, 8), w = int(r, kw, 8);
    test(`seed=${seed} x=[${n},${c},${h},${w}] mult=${mult} k=(${kh},${kw}) s=${stride}`, async () => {
      const xv = values(r, n * c * h * w), wv = values(r, c * mult * kh * kw);
      const x = torch.from_typed(xv, [n, c, h, w], { requires_grad: true });
      const wt = torch.from_typed(wv, [c * mult, 1, kh, kw], { requires_grad: true });
      const y = F.conv2d(x, wt, { stride, groups: c });
      const gv = values(r, y.numel());
      y.backward(torch.from_typed(gv, y.shape));
      const ref = await onCpu(() => {
        const xs = nhwc(tf.tensor4d(xv, [n, c, h, w]));
        // [C*mult, 1, kh, kw] -> [kh, kw, C, mult]
        const ws = tf.reshape(tf.transpose(tf.tensor4d(wv, [c * mult, 1, kh, kw]), [2, 3, 1, 0]), [kh, kw, c, mult]);
        const g = nhwc(tf.tensor4d(gv, y.shape as [number, number, number, number]));
        const conv = { strides: stride, pad: "valid", dilations: 1 };
        const gx = kernel("DepthwiseConv2dNativeBackpropInput", { dy: g, filter: ws }, { ...conv, inputShape: xs.shape });
        const gw = kernel("DepthwiseConv2dNativeBackpropFilter", { x: xs, dy: g }, { ...conv, filterShape: ws.shape });
        return [nchw(tf.depthwiseConv2d(xs as tf.Tensor4D, ws as tf.Tensor4D, stride, "valid")), nchw(gx), tf.transpose(tf.reshape(gw, [kh, kw, 1, c * mult]), [3, 2, 0, 1])];
      });
      close("out", y, ref[0]);
      close("grad x", x.grad as Tensor, ref[1]);
      close("grad w", wt.grad as Tensor, ref[2]);
    });
  }
});

describe("pooling against tfjs cpu maxPool / avgPool and their gradients", () => {
  for (let seed = 40; seed <= 49; seed++) {
    const r = prng(seed);
    const n = int(r, 1, 2), c = int(r, 1, 3), k = int(r, 1, 3), stride = int(r, 1, 3);
    const p = int(r, 0, Math.floor(k / 2)), h = int(r, k, 9), w = int(r, k, 9);
    test(`seed=${seed} x=[${n},${c},${h},${w}] k=${k} s=${stride} p=${p}`, async () => {
      // Distinct values: the gradient of a max with ties is a convention, not a fact to compare.
      const perm = values(r, n * c * h * w).map((v, i) => v + i * 1e-3);
      const x1 = torch.from_typed(perm, [n, c, h, w], { requires_grad: true });
      const x2 = torch.from_typed(perm, [n, c, h, w], { requires_grad: true });
      const ym = F.max_pool2d(x1, k, stride, p);
      const ya = F.avg_pool2d(x2, k, stride, p);
      const gv = values(r, ym.numel());
      ym.backward(torch.from_typed(gv, ym.shape));
      ya.backward(torch.from_typed(gv, ya.shape));
      const ref = await onCpu(() => {
        const xs = nhwc(tf.tensor4d(perm, [n, c, h, w]));
        const g = nhwc(tf.tensor4d(gv, ym.shape as [number, number, number, number]));
        const pads = [[0, 0], [p, p], [p, p], [0, 0]] as [number, number][];
        const xp = tf.pad(xs, pads, -Infinity) as tf.Tensor4D;
        const xz = tf.pad(xs, pads) as tf.Tensor4D;
        const pool = { filterSize: k, strides: stride, pad: "valid" };
        const ym2 = tf.maxPool(xp, k, stride, "valid");
        // count_include_pad: the zero padding counts, as tfjs's valid pooling of the padded input does.
        const ya2 = tf.avgPool(xz, k, stride, "valid");
        const gm = kernel("MaxPoolGrad", { dy: g, input: xp, output: ym2 }, pool);
        const ga = kernel("AvgPoolGrad", { dy: g, input: xz }, pool);
        const crop = (t: tf.Tensor): tf.Tensor => nchw(tf.slice(t, [0, p, p, 0], [n, h, w, c]));
        return [nchw(ym2), crop(gm), nchw(ya2), crop(ga)];
      });
      close("max out", ym, ref[0]);
      close("max grad", x1.grad as Tensor, ref[1]);
      close("avg out", ya, ref[2]);
      close("avg grad", x2.grad as Tensor, ref[3]);
    });
  }
});

describe("interpolate against tfjs cpu resize kernels and their gradients", () => {
  for (let seed = 60; seed <= 67; seed++) {
    const r = prng(seed);
    const n = 1, c = int(r, 1, 2), h = int(r, 1, 6), w = int(r, 1, 6), oh = int(r, 1, 11), ow = int(r, 1, 11);
    test(`seed=${seed} [${h},${w}] -> [${oh},${ow}] bilinear align_corners and legacy nearest`, async () => {
      const xv = values(r, n * c * h * w);
      const x1 = torch.from_typed(xv, [n, c, h, w], { requires_grad: true });
      const x2 = torch.from_typed(xv, [n, c, h, w], { requires_grad: true });
      const yb = F.interpolate(x1, { size: [oh, ow], mode: "bilinear", align_corners: true });
      const yn = F.interpolate(x2, { size: [oh, ow], mode: "nearest" });
      const gv = values(r, yb.numel());
      yb.backward(torch.from_typed(gv, yb.shape));
      yn.backward(torch.from_typed(gv, yn.shape));
      const ref = await onCpu(() => {
        const xs = nhwc(tf.tensor4d(xv, [n, c, h, w])) as tf.Tensor4D;
        const g = nhwc(tf.tensor4d(gv, yb.shape as [number, number, number, number]));
        // alignCorners=false, halfPixelCenters=false is PyTorch's legacy 'nearest': floor(dst * in / out).
        // tfjs 4.22's cpu ResizeBilinearGrad labels its [H, W] result as [W, H]: reshape it back.
        const gb = tf.reshape(kernel("ResizeBilinearGrad", { images: xs, dy: g }, { alignCorners: true }), xs.shape);
        const gn = kernel("ResizeNearestNeighborGrad", { images: xs, dy: g }, { alignCorners: false });
        return [nchw(tf.image.resizeBilinear(xs, [oh, ow], true)), nchw(gb), nchw(tf.image.resizeNearestNeighbor(xs, [oh, ow], false, false)), nchw(gn)];
      });
      close("bilinear out", yb, ref[0]);
      close("bilinear grad", x1.grad as Tensor, ref[1]);
      close("nearest out", yn, ref[2]);
      close("nearest grad", x2.grad as Tensor, ref[3]);
    });
  }
});
