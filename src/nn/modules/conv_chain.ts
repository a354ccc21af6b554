/**
 * Inference through an nn.Sequential of convolution layers with the activations kept in the wasm
 * backend's NHWC layout (ops/conv.ts's nhwcInference), instead of converting NCHW -> NHWC -> NCHW
 * around every convolution and pooling layer. Only under no_grad, only for a Sequential whose leading
 * layers are exactly Conv2d (groups 1, zero padding) / ReLU / MaxPool2d / BatchNorm2d in eval mode /
 * Dropout in eval mode / Flatten + Linear, with no hooks registered on them (a subclass or a hook
 * could do anything, so those run one by one); the remaining layers run one by one after it.
 */
import { Tensor } from "../../tensor/tensor";
import { is_grad_enabled } from "../../autograd/grad_mode";
import { nhwcInference, nhwcInferencePays, NhwcStep } from "../../ops/conv";
import { Module } from "./module";
import { Conv2d } from "./conv";
import { ReLU } from "./activation";
import { MaxPool2d } from "./pooling";
import { BatchNorm2d } from "./batchnorm";
import { Dropout } from "./dropout";
import { Flatten } from "./flatten";
import { Linear } from "./linear";

type Pair = [number, number];

const pairOf = (v: unknown): Pair | null => {
  if (typeof v === "number") return [v, v];
  if (Array.isArray(v) && v.length === 2 && v.every((e) => typeof e === "number")) return [v[0], v[1]];
  if (Array.isArray(v) && v.length === 1 && typeof v[0] === "number") return [v[0], v[0]];
  return null;
};

/** `m` is exactly a `cls`, with the class's own forward and no hooks: then the chain computes what it would. */
const plain = (m: Module, cls: { prototype: { forward: unknown } }): boolean =>
  Object.getPrototypeOf(m) === cls.prototype && m.forward === cls.prototype.forward && m._forward_hooks.size === 0 && m._forward_pre_hooks.size === 0;

/**
 * The steps for the longest supported prefix of `mods` over an NCHW input of `shape`, each step's shape
 * checked as the layer itself would (a layer whose checks would fail ends the prefix, so that it
 * raises its own error when run by itself).
 */
function plan(mods: Module[], shape: number[]): { steps: NhwcStep[]; used: number } {
  const steps: NhwcStep[] = [];
  let [, c, h, w] = shape;
  let used = 0;
  for (; used < mods.length; used++) {
    const m = mods[used];
    if (plain(m, Conv2d)) {
      const conv = m as Conv2d;
      const wt = conv.weight;
      if (conv.groups !== 1 || conv.padding_mode !== "zeros" || wt.dtype._tf !== "float32" || wt.dim() !== 4 || wt.shape[1] !== c) break;
      if (conv.bias !== null && (conv.bias.dtype._tf !== "float32" || conv.bias.dim() !== 1 || conv.bias.shape[0] !== wt.shape[0])) break;
      const s = pairOf(conv.stride);
      const d = pairOf(conv.dilation);
      if (!s || !d || s.some((v) => v <= 0) || d.some((v) => v <= 0) || ((s[0] > 1 || s[1] > 1) && (d[0] > 1 || d[1] > 1))) break;
      const ek: Pair = [d[0] * (wt.shape[2] - 1) + 1, d[1] * (wt.shape[3] - 1) + 1];
      let pads: [number, number, number, number];
      if (conv.padding === "valid") pads = [0, 0, 0, 0];
      else if (conv.padding === "same") {
        if (s[0] !== 1 || s[1] !== 1) break;
        const th = ek[0] - 1;
        const tw = ek[1] - 1;
        pads = [Math.floor(th / 2), th - Math.floor(th / 2), Math.floor(tw / 2), tw - Math.floor(tw / 2)];
      } else {
        const p = pairOf(conv.padding);
        if (!p || p.some((v) => v < 0)) break;
        pads = [p[0], p[0], p[1], p[1]];
      }
      const hp = h + pads[0] + pads[1];
      const wp = w + pads[2] + pads[3];
      if (hp < ek[0] || wp < ek[1]) break;
      steps.push({ kind: "conv", weight: wt, bias: conv.bias, stride: s, padding: pads, dilation: d });
      [c, h, w] = [wt.shape[0], Math.floor((hp - ek[0]) / s[0]) + 1, Math.floor((wp - ek[1]) / s[1]) + 1];
    } else if (plain(m, ReLU)) {
      steps.push({ kind: "relu" });
    } else if (plain(m, Dropout)) {
      if (m.training) break;
    } else if (plain(m, MaxPool2d)) {
      const pool = m as MaxPool2d;
      const k = pairOf(pool.kernel_size);
      const s = pairOf(pool.stride);
      const p = pairOf(pool.padding);
      const d = pairOf(pool.dilation);
      if (!k || !s || !p || !d || pool.return_indices || pool.ceil_mode || d[0] !== 1 || d[1] !== 1) break;
      if (k.some((v) => v <= 0) || s.some((v) => v <= 0) || p.some((v, i) => v < 0 || v > k[i] / 2)) break;
      const ho = Math.floor((h + 2 * p[0] - k[0]) / s[0]) + 1;
      const wo = Math.floor((w + 2 * p[1] - k[1]) / s[1]) + 1;
      if (ho <= 0 || wo <= 0) break;
      steps.push({ kind: "maxpool", kernel: k, stride: s, padding: p });
      [h, w] = [ho, wo];
    } else if (plain(m, BatchNorm2d)) {
      const bn = m as BatchNorm2d;
      const { running_mean: mean, running_var: variance } = bn;
      if (bn.training || mean === null || variance === null || bn.num_features !== c) break;
      const vecs = [mean, variance, bn.weight, bn.bias].filter((t): t is NonNullable<typeof t> => t !== null);
      if (vecs.some((t) => t.dtype._tf !== "float32" || t.dim() !== 1 || t.shape[0] !== c)) break;
      steps.push({ kind: "batchnorm", mean, variance, weight: bn.weight, bias: bn.bias, eps: bn.eps });
    } else if (plain(m, Flatten) && used + 1 < mods.length && plain(mods[used + 1], Linear)) {
      const flat = m as Flatten;
      const lin = mods[used + 1] as Linear;
      if (flat.start_dim !== 1 || (flat.end_dim !== -1 && flat.end_dim !== 3)) break;
      if (lin.weight.dtype._tf !== "float32" || lin.weight.dim() !== 2 || lin.weight.shape[1] !== c * h * w) break;
      if (lin.bias !== null && (lin.bias.dtype._tf !== "float32" || lin.bias.shape[0] !== lin.weight.shape[0])) break;
      steps.push({ kind: "linear", weight: lin.weight, bias: lin.bias });
      used += 2;
      break;
    } else break;
  }
  return { steps, used };
}

/**
 * Sequential's forward under no_grad on wasm when its first layers form a chain nhwcInference runs;
 * null (nothing run) otherwise.
 */
export function nhwcSequential(mods: Module[], input: unknown): Tensor | null {
  if (is_grad_enabled() || !(input instanceof Tensor) || input.dim() !== 4 || input.dtype._tf !== "float32" || input.shape[0] === 0) return null;
  if (mods.length < 2 || !plain(mods[0], Conv2d) || !nhwcInferencePays()) return null;
  const { steps, used } = plan(mods, input.shape);
  if (steps.length < 2 || steps[0].kind !== "conv") return null;
  const head = nhwcInference(input, steps);
  if (head === null) return null;
  let x: unknown = head;
  for (const m of mods.slice(used)) x = m._call_impl(x);
  return x as Tensor;
}
