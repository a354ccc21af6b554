#!/usr/bin/env node
/**
 * How far each of conv2d's wasm paths (the NCHW kernels of src/backend/simd_conv.ts as direct
 * convolution, as with TORCHLAB_WINOGRAD=0; the same with 3x3 stride-1 convolutions' output and both
 * gradients through Winograd F(2x2, 3x3), src/backend/simd_winograd.ts, where it pays; XNNPACK's NHWC
 * convolution) rounds from the exact result: the output, the input gradient and the weight gradient
 * against the same sums done in float64 here, each error divided by the sum of the magnitudes of its
 * products (the bound a float32 sum of n terms keeps within about n * 2^-24) and given in float32 units
 * (2^-24). A kernel that is wrong shows errors of whole percent; one that rounds in another order shows
 * errors of a few units either way.
 *
 *   npm run build && OMP_NUM_THREADS=1 node bench/conv_rounding.js
 */
"use strict";
const path = require("path");

const DIST = path.join(__dirname, "..", "dist");
const EPS = 2 ** -24;

/** float64 conv2d (groups 1, dilation 1) of flat NCHW arrays: [out, |products| sums] for out, dx, dw. */
function reference(x, w, dy, [N, C, H, W], [O, , KH, KW], [OH, OW], s, p) {
  const out = new Float64Array(N * O * OH * OW), outMag = new Float64Array(out.length);
  const dx = new Float64Array(N * C * H * W), dxMag = new Float64Array(dx.length);
  const dw = new Float64Array(O * C * KH * KW), dwMag = new Float64Array(dw.length);
  for (let n = 0; n < N; n++)
    for (let o = 0; o < O; o++)
      for (let oh = 0; oh < OH; oh++)
        for (let ow = 0; ow < OW; ow++) {
          const oi = ((n * O + o) * OH + oh) * OW + ow;
          for (let c = 0; c < C; c++)
            for (let kh = 0; kh < KH; kh++) {
              const ih = oh * s + kh - p;
              if (ih < 0 || ih >= H) continue;
              for (let kw = 0; kw < KW; kw++) {
                const iw = ow * s + kw - p;
                if (iw < 0 || iw >= W) continue;
                const xi = ((n * C + c) * H + ih) * W + iw, wi = ((o * C + c) * KH + kh) * KW + kw;
                out[oi] += x[xi] * w[wi];
                outMag[oi] += Math.abs(x[xi] * w[wi]);
                dx[xi] += dy[oi] * w[wi];
                dxMag[xi] += Math.abs(dy[oi] * w[wi]);
                dw[wi] += dy[oi] * x[xi];
                dwMag[wi] += Math.abs(dy[oi] * x[xi]);
              }
            }
        }
  return [[out, outMag], [dx, dxMag], [dw, dwMag]];
}

/** Largest and mean error of `got` against `[exact, magnitude]`, in units of 2^-24 of the magnitude. */
function units(got, [exact, mag]) {
  let max = 0, sum = 0;
  for (let i = 0; i < got.length; i++) {
    const e = mag[i] === 0 ? 0 : Math.abs(got[i] - exact[i]) / (mag[i] * EPS);
    max = Math.max(max, e);
    sum += e;
  }
  return `${max.toFixed(2)} / ${(sum / got.length).toFixed(3)}`;
}

async function main() {
  const { torch } = require(path.join(DIST, "src"));
  const { setNchwConvMaxMacs } = require(path.join(DIST, "src", "ops", "conv"));
  const { setWinograd } = require(path.join(DIST, "src", "backend", "simd_winograd"));
  await torch.ready();
  const F = torch.nn.functional;
  torch.manual_seed(0);
  const cases = [
    // [name, input shape, weight shape, stride, padding]
    ["blitz conv2, batch 4", [4, 6, 14, 14], [16, 6, 5, 5], 1, 0],
    ["Net conv2, batch 8", [8, 32, 13, 13], [64, 32, 3, 3], 1, 1],
    ["ResNet block conv 16->32, batch 2", [2, 16, 32, 32], [32, 16, 3, 3], 1, 1],
    ["3x3 unpadded 24->20, batch 3", [3, 24, 17, 11], [20, 24, 3, 3], 1, 0],
    ["resnet18 layer3 conv, batch 2", [2, 256, 4, 4], [256, 256, 3, 3], 1, 1],
    ["resnet18 layer4 conv, batch 2", [2, 512, 2, 2], [512, 512, 3, 3], 1, 1],
    ["resnet18 conv1, batch 2", [2, 3, 32, 32], [64, 3, 7, 7], 2, 3],
  ];
  console.log("conv2d's error against float64, in units of 2^-24 of the sum of |products|: largest / mean");
  console.log("case | path | output | input gradient | weight gradient");
  for (const [name, xs, ws, s, p] of cases) {
    const x = torch.randn(...xs), w = torch.randn(...ws).mul(0.1);
    const OH = Math.floor((xs[2] + 2 * p - ws[2]) / s) + 1, OW = Math.floor((xs[3] + 2 * p - ws[3]) / s) + 1;
    const dy = torch.randn(xs[0], ws[0], OH, OW);
    const ref = reference(x.dataSync(), w.dataSync(), dy.dataSync(), xs, ws, [OH, OW], s, p);
    for (const [path_, macs, winograd] of [["NCHW kernels", Infinity, false], ["NCHW Winograd", Infinity, true], ["XNNPACK", 0, false]]) {
      const previous = setNchwConvMaxMacs(macs);
      const winogradBefore = setWinograd(winograd);
      try {
        const xg = x.clone().requires_grad_(true), wg = w.clone().requires_grad_(true);
        const out = F.conv2d(xg, wg, { stride: s, padding: p });
        out.backward(dy);
        const [o, dx, dw] = [out, xg.grad, wg.grad].map((t) => t.detach().dataSync());
        console.log(`${name} | ${path_} | ${units(o, ref[0])} | ${units(dx, ref[1])} | ${units(dw, ref[2])}`);
      } finally {
        setNchwConvMaxMacs(previous);
        setWinograd(winogradBefore);
      }
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
