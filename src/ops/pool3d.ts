/**
 * 3-D pooling with PyTorch's shapes, errors and gradients: max_pool3d (-inf padding, dilation,
 * ceil_mode, indices), avg_pool3d (count_include_pad, ceil_mode, divisor_override, Long input) and
 * the adaptive pools (bins start = floor(i * in / out), end = ceil((i + 1) * in / out)).
 *
 * Every window is read through one table, built on the host, of the flat input position (d * H * W +
 * h * W + w) of each of its K taps, -1 for a tap in the padding. Average pools gather all windows
 * and take segment sums as gradients; max pools scan the flat values on the host (PyTorch's loop,
 * ties and NaN included) and scatter the gradient there. tfjs's MaxPool3D/AvgPool3D kernels and their
 * gradients are not used: they cannot express PyTorch's padding rules, ceil_mode, divisor or indices,
 * and the wasm backend's 3-D backprop kernels were found wrong for Conv3D.
 */
import { tf, compute, record, constant, fmtShape } from "./_core";
import { Tensor } from "../tensor/tensor";
import * as D from "../tensor/dtype";
import { RuntimeError, ShapeError, TypeError } from "../errors";
import { emptyBatch } from "./conv";
import { outputSize } from "./pool";
import type { Triple } from "./conv3d";
import { asPyTuple } from "../pyrepr";

type Size3 = number | number[];
export type AdaptiveSize3 = number | null | (number | null)[];

/** PyTorch's `_triple` for pooling: an int or a 1/3-element list, else pooling's message. */
function intTriple(op: string, name: string, v: unknown): Triple {
  if (typeof v === "number" && Number.isInteger(v)) return [v, v, v];
  if (Array.isArray(v) && (v.length === 1 || v.length === 3) && v.every((e) => typeof e === "number" && Number.isInteger(e))) {
    return v.length === 1 ? [v[0], v[0], v[0]] : [v[0], v[1], v[2]];
  }
  throw new RuntimeError(`${op}: ${name} must either be a single int, or a tuple of three ints`);
}

const noStride = (v: unknown): boolean => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

/** `where` names the check as PyTorch's message does ("avg_pool3d()", "max_pool3d_with_indices_out_cpu_template()"). */
function batched(op: string, where: string, input: Tensor): { x: Tensor; unbatched: boolean } {
  if (!(input instanceof Tensor)) throw new TypeError(`${op}(): argument 'input' (position 1) must be Tensor, not ${typeof input}`);
  if (input.dim() !== 4 && input.dim() !== 5) throw new ShapeError("non-empty 4D or 5D (batch mode) tensor expected for input", "4D or 5D", input.shape);
  if (input.shape.slice(input.dim() - 4).some((v) => v === 0)) {
    // PyTorch 1.13 names dimension 0 whichever one is empty.
    throw new RuntimeError(`${where}: Expected input's non-batch dimensions to have positive length, but input has a shape of ${fmtShape(input.shape)} and non-batch dimension 0 has length zero!`);
  }
  return input.dim() === 5 ? { x: input, unbatched: false } : { x: input.unsqueeze(0), unbatched: true };
}

function checkFloat(kernel: string, t: Tensor): void {
  if (t.dtype._tf !== "float32") throw new RuntimeError(`"${kernel}" not implemented for '${t.dtype._typeName}'`);
}

/** Where each window reads: K taps per output position, flat input positions or -1 (padding). */
interface Plan {
  out: Triple;
  k: Triple;
  pos: Int32Array;
}

/** Per axis, the input index each (output, tap) pair reads, -1 outside the input. */
type AxisTaps = (o: number, t: number) => number;

function plan(inS: Triple, out: Triple, k: Triple, taps: [AxisTaps, AxisTaps, AxisTaps]): Plan {
  const [, h, w] = inS;
  const kk = k[0] * k[1] * k[2];
  const pos = new Int32Array(out[0] * out[1] * out[2] * kk);
  let i = 0;
  for (let od = 0; od < out[0]; od++) {
    for (let oh = 0; oh < out[1]; oh++) {
      for (let ow = 0; ow < out[2]; ow++) {
        for (let a = 0; a < k[0]; a++) {
          const pd = taps[0](od, a);
          for (let b = 0; b < k[1]; b++) {
            const ph = taps[1](oh, b);
            for (let c = 0; c < k[2]; c++) {
              const pw = taps[2](ow, c);
              pos[i++] = pd < 0 || ph < 0 || pw < 0 ? -1 : (pd * h + ph) * w + pw;
            }
          }
        }
      }
    }
  }
  return { out, k, pos };
}

/** The windows of x [N, C, D, H, W] as [N*C, P, K]; a padding tap reads `fill`. */
function windows(x: tf.Tensor, p: Plan, fill: number): tf.Tensor {
  const [n, c, d, h, w] = x.shape;
  const kk = p.k[0] * p.k[1] * p.k[2];
  const flat = tf.reshape(x, [n * c, d * h * w]);
  const read = tf.gather(flat, tf.tensor1d(p.pos.map((v) => Math.max(v, 0)), "int32"), 1);
  const cells = p.pos.length / kk;
  const win = tf.reshape(read, [n * c, cells, kk]);
  if (p.pos.every((v) => v >= 0)) return win;
  const inside = tf.broadcastTo(tf.reshape(tf.tensor1d(Int32Array.from(p.pos, (v) => (v >= 0 ? 1 : 0)), "bool"), [1, cells, kk]), win.shape);
  return tf.where(inside, win, tf.fill(win.shape, fill));
}

/**
 * Max over each window with PyTorch's CPU loop: the running maximum starts at -inf on the first tap
 * inside the input and moves to a tap whose value is greater or NaN, so the first of equal maxima
 * wins, the last NaN wins, and an all -inf window picks its first real tap. A plain loop over the
 * flat values: one pass of N*C*P*K reads, where tfjs would need a gather of every tap, a mask and an
 * argmax.
 */
function maxPool(x: Tensor, p: Plan, gradName: string, returnIndices: boolean): Tensor | [Tensor, Tensor] {
  const [n, c, d, h, w] = x.shape;
  const kk = p.k[0] * p.k[1] * p.k[2];
  const cells = p.out[0] * p.out[1] * p.out[2];
  const planes = n * c;
  const dhw = d * h * w;
  const outShape = [n, c, ...p.out];
  const xv = x._t.dataSync() as Float32Array;
  const pos = p.pos;
  // Flat positions within each input volume of each window's maximum, [N*C, P].
  const chosen = new Int32Array(planes * cells);
  const values = new Float32Array(planes * cells);
  for (let pl = 0, o = 0; pl < planes; pl++) {
    const base = pl * dhw;
    for (let cell = 0; cell < cells; cell++, o++) {
      let best = -1;
      let bestV = -Infinity;
      for (let t = cell * kk, end = t + kk; t < end; t++) {
        const q = pos[t];
        if (q < 0) continue;
        const v = xv[base + q];
        if (best < 0 || v > bestV || v !== v) {
          best = q;
          bestV = v;
        }
      }
      chosen[o] = best;
      values[o] = bestV;
    }
  }
  const out = compute(() => tf.tensor(values, outShape, "float32"));
  const res = record(gradName, [x], out, (g) => {
    const gv = g.dataSync() as Float32Array;
    const dx = new Float32Array(planes * dhw);
    for (let pl = 0, o = 0; pl < planes; pl++) {
      const base = pl * dhw;
      for (let cell = 0; cell < cells; cell++, o++) dx[base + chosen[o]] += gv[o];
    }
    return [tf.tensor(dx, x.shape, "float32")];
  });
  if (!returnIndices) return res;
  return [res, constant(compute(() => tf.tensor(chosen, outShape, "int32")))];
}

/** Sum over each window divided by `div` (one divisor per output position). */
function avgPool(x: Tensor, p: Plan, div: Float32Array, gradName: string): Tensor {
  const [n, c, d, h, w] = x.shape;
  const kk = p.k[0] * p.k[1] * p.k[2];
  const cells = div.length;
  const outShape = [n, c, ...p.out];
  const divisor = constant(compute(() => tf.tensor2d(div, [1, cells])));
  const out = compute(() => tf.reshape(tf.div(tf.sum(windows(x._t, p, 0), 2), divisor._t), outShape));
  const res = record(gradName, [x], out, (g) => {
    // Every plane reads the same positions: one segment sum over the K taps of all cells, with the
    // N*C planes as columns ([P*K, N*C] -> [D*H*W, N*C]).
    const share = tf.transpose(tf.div(tf.reshape(g, [n * c, cells]), divisor._t));
    const inside = tf.tensor1d(Int32Array.from(p.pos, (v) => (v >= 0 ? 1 : 0)), "bool");
    const spread = tf.where(tf.broadcastTo(tf.reshape(inside, [cells, kk, 1]), [cells, kk, n * c]), tf.broadcastTo(tf.reshape(share, [cells, 1, n * c]), [cells, kk, n * c]), 0);
    const ids = tf.tensor1d(p.pos.map((v) => Math.max(v, 0)), "int32");
    const summed = tf.unsortedSegmentSum(tf.reshape(spread, [cells * kk, n * c]), ids, d * h * w);
    return [tf.reshape(tf.transpose(summed), x.shape)];
  });
  return res;
}

// ------------------------------------------------------------------ max_pool3d / avg_pool3d

export interface MaxPool3dOptions {
  stride?: Size3 | null;
  padding?: Size3;
  dilation?: Size3;
  ceil_mode?: boolean;
  return_indices?: boolean;
}

export interface AvgPool3dOptions {
  stride?: Size3 | null;
  padding?: Size3;
  ceil_mode?: boolean;
  count_include_pad?: boolean;
  divisor_override?: number | null;
}

/** Output sizes and PyTorch's pool3d_shape_check, in its order. */
function geometry(x: Tensor, k: Triple, s: Triple, p: Triple, dl: Triple, ceil: boolean, checkInputSize: boolean): Triple {
  const [, c, d, h, w] = x.shape;
  const out = [0, 1, 2].map((i) => outputSize([d, h, w][i], k[i], p[i], s[i], dl[i], ceil)) as Triple;
  if (k.some((v) => v <= 0)) throw new RuntimeError(`kernel size should be greater than zero, but got kT: ${k[0]} kH: ${k[1]} kW: ${k[2]}`);
  if (s.some((v) => v <= 0)) throw new RuntimeError(`stride should be greater than zero, but got dT: ${s[0]} dH: ${s[1]} dW: ${s[2]}`);
  if (dl.some((v) => v <= 0)) throw new RuntimeError(`dilation should be greater than zero, but got dilationT: ${dl[0]} dilationH: ${dl[1]} dilationW: ${dl[2]}`);
  if (checkInputSize && (d < k[0] || h < k[1] || w < k[2])) {
    throw new ShapeError(`input image (T: ${d} H: ${h} W: ${w}) smaller than kernel size (kT: ${k[0]} kH: ${k[1]} kW: ${k[2]})`, k, [d, h, w]);
  }
  if (out.some((v) => v < 1)) {
    throw new ShapeError(`Given input size: (${c}x${d}x${h}x${w}). Calculated output size: (${c}x${out.join("x")}). Output size is too small`, "output >= 1", out);
  }
  return out;
}

const strided = (k: number, s: number, pad: number, dl: number, size: number): AxisTaps => (o, t) => {
  const i = o * s - pad + t * dl;
  return i >= 0 && i < size ? i : -1;
};

/**
 * 3-D max pooling over [N, C, D, H, W] (or unbatched [C, D, H, W]), PyTorch's `F.max_pool3d`. With
 * `return_indices` it returns `[values, indices]`, the indices flat over each input volume
 * (d * H * W + h * W + w), as PyTorch's.
 */
export function max_pool3d(input: Tensor, kernel_size: Size3, options: MaxPool3dOptions & { return_indices: true }): [Tensor, Tensor];
export function max_pool3d(input: Tensor, kernel_size: Size3, options?: MaxPool3dOptions): Tensor;
export function max_pool3d(input: Tensor, kernel_size: Size3, options: MaxPool3dOptions = {}): Tensor | [Tensor, Tensor] {
  const op = "max_pool3d";
  const k = intTriple(op, "kernel_size", kernel_size);
  const s = noStride(options.stride) ? k : intTriple(op, "stride", options.stride);
  const p = intTriple(op, "padding", options.padding ?? 0);
  const dl = intTriple(op, "dilation", options.dilation ?? 1);
  const { x, unbatched } = batched(op, "max_pool3d_with_indices_out_cpu_template()", input);
  checkFloat("max_pool3d_with_indices_cpu", x);
  const out = geometry(x, k, s, p, dl, options.ceil_mode ?? false, false);
  const name = "MaxPool3DWithIndicesBackward0";
  let r: Tensor | [Tensor, Tensor];
  if (x.shape[0] === 0) {
    const e = emptyBatch(name, [x], [0, x.shape[1], ...out]);
    r = options.return_indices ? [e, constant(compute(() => tf.zeros(e.shape, "int32")))] : e;
  } else {
    const [, , d, h, w] = x.shape;
    const pl = plan([d, h, w], out, k, [strided(k[0], s[0], p[0], dl[0], d), strided(k[1], s[1], p[1], dl[1], h), strided(k[2], s[2], p[2], dl[2], w)]);
    r = maxPool(x, pl, name, options.return_indices ?? false);
  }
  return withIndices(r, unbatched);
}

/** PyTorch's avg_pool3d divisor of each output position, [Do * Ho * Wo]. */
function avgDivisors(out: Triple, size: Triple, k: Triple, s: Triple, p: Triple, countPad: boolean, override: number | null): Float32Array {
  const spans = [0, 1, 2].map((i) => {
    const r: { all: number; real: number }[] = [];
    for (let o = 0; o < out[i]; o++) {
      const start = o * s[i] - p[i];
      const end = Math.min(start + k[i], size[i] + p[i]);
      r.push({ all: end - start, real: Math.min(end, size[i]) - Math.max(start, 0) });
    }
    return r;
  });
  const div = new Float32Array(out[0] * out[1] * out[2]);
  let i = 0;
  for (const a of spans[0]) {
    for (const b of spans[1]) {
      for (const c of spans[2]) {
        div[i++] = override ?? (countPad ? a.all * b.all * c.all : a.real * b.real * c.real);
      }
    }
  }
  return div;
}

/**
 * 3-D average pooling, PyTorch's `F.avg_pool3d`: zero padding counted in the divisor unless
 * `count_include_pad: false`; `divisor_override` replaces the divisor. A Long input gives Long
 * results (the integer window sum divided by the divisor, truncated toward zero), as PyTorch's.
 */
export function avg_pool3d(input: Tensor, kernel_size: Size3, options: AvgPool3dOptions = {}): Tensor {
  const op = "avg_pool3d";
  const k = intTriple(op, "kernel_size", kernel_size);
  const s = noStride(options.stride) ? k : intTriple(op, "stride", options.stride);
  const p = intTriple(op, "padding", options.padding ?? 0);
  const override = options.divisor_override ?? null;
  if (override !== null && override === 0) throw new RuntimeError("divisor must be not zero");
  const { x, unbatched } = batched(op, "avg_pool3d()", input);
  const long = x.dtype === D.int64;
  if (!long) checkFloat("avg_pool3d_out_frame", x);
  const out = geometry(x, k, s, p, [1, 1, 1], options.ceil_mode ?? false, true);
  const name = "AvgPool3DBackward0";
  let r: Tensor;
  if (x.shape[0] === 0) r = emptyBatch(name, [x], [0, x.shape[1], ...out]);
  else {
    const [, , d, h, w] = x.shape;
    const pl = plan([d, h, w], out, k, [strided(k[0], s[0], p[0], 1, d), strided(k[1], s[1], p[1], 1, h), strided(k[2], s[2], p[2], 1, w)]);
    const div = avgDivisors(out, [d, h, w], k, s, p, options.count_include_pad ?? true, override);
    if (long) {
      // Window sums in float32 are exact integers up to 2**24; the quotient is truncated as C++ does.
      const sums = avgPool(x.float(), pl, new Float32Array(div.length).fill(1), name).round();
      const divT = constant(compute(() => tf.tensor(div, [1, 1, ...out])));
      r = sums.div(divT, { rounding_mode: "trunc" }).long();
    } else r = avgPool(x, pl, div, name);
  }
  return unbatched ? r.squeeze(0) : r;
}

// ------------------------------------------------------------------ adaptive pools

function adaptiveInput(op: string, input: Tensor, output_size: AdaptiveSize3, colon: boolean): { x: Tensor; unbatched: boolean; out: Triple } {
  if (!(input instanceof Tensor)) throw new TypeError(`${op}(): argument 'input' (position 1) must be Tensor, not ${typeof input}`);
  if (input.dim() !== 4 && input.dim() !== 5) throw new ShapeError(`${op}(): Expected 4D or 5D tensor, but got${colon ? ":" : ""} ${fmtShape(input.shape)}`, "4D or 5D", input.shape);
  const x = input.dim() === 4 ? input.unsqueeze(0) : input;
  let o: (number | null)[];
  if (output_size === null || typeof output_size === "number") o = [output_size, output_size, output_size];
  else if (Array.isArray(output_size)) o = output_size.length === 1 ? [output_size[0], output_size[0], output_size[0]] : output_size;
  else throw new TypeError(`${op}(): output_size must be an int or a tuple of three ints (None keeps the input size)`);
  if (o.length !== 3) throw new RuntimeError(colon ? `${op}(): internal error: output_size.size() must be 3` : `${op}: output_size must be 3`);
  const r = o.map((v, i) => v ?? x.shape[2 + i]) as Triple;
  if (!r.every((v) => Number.isInteger(v))) throw new TypeError(`${op}(): output_size must hold integers, got [${o.join(", ")}]`);
  const neg = r.find((v) => v < 0);
  if (neg !== undefined) throw new RuntimeError(`Trying to create tensor with negative dimension ${neg}: ${fmtShape([...x.shape.slice(0, 2), ...r])}`);
  return { x, unbatched: input.dim() === 4, out: r };
}

/** Adaptive bins of one axis: taps past a bin's end read padding, K is the longest bin. */
function adaptiveAxis(inSize: number, outSize: number): { taps: AxisTaps; k: number; len: number[] } {
  const start: number[] = [];
  const len: number[] = [];
  for (let i = 0; i < outSize; i++) {
    const s = Math.floor((i * inSize) / outSize);
    start.push(s);
    len.push(Math.ceil(((i + 1) * inSize) / outSize) - s);
  }
  return { taps: (o, t) => (t < len[o] ? start[o] + t : -1), k: Math.max(0, ...len), len };
}

function adaptivePlan(x: Tensor, out: Triple): { pl: Plan; len: number[][] } {
  const [, , d, h, w] = x.shape;
  const axes = [adaptiveAxis(d, out[0]), adaptiveAxis(h, out[1]), adaptiveAxis(w, out[2])];
  return { pl: plan([d, h, w], out, [axes[0].k, axes[1].k, axes[2].k], [axes[0].taps, axes[1].taps, axes[2].taps]), len: axes.map((a) => a.len) };
}

/**
 * Adaptive average pooling to `output_size` (an int, a triple, or a triple with null to keep that
 * size), PyTorch's `F.adaptive_avg_pool3d`.
 */
export function adaptive_avg_pool3d(input: Tensor, output_size: AdaptiveSize3): Tensor {
  const op = "adaptive_avg_pool3d";
  const { x, unbatched, out } = adaptiveInput(op, input, output_size, false);
  checkFloat("adaptive_avg_pool3d_cpu", x);
  const name = "AdaptiveAvgPool3DBackward0";
  const [n, c] = x.shape;
  let r: Tensor;
  if (x.numel() === 0 || out.some((v) => v === 0)) r = emptyBatch(name, [x], [n, c, ...out]);
  else {
    const { pl, len } = adaptivePlan(x, out);
    const div = new Float32Array(out[0] * out[1] * out[2]);
    let i = 0;
    for (const a of len[0]) for (const b of len[1]) for (const e of len[2]) div[i++] = a * b * e;
    r = avgPool(x, pl, div, name);
  }
  return unbatched ? r.squeeze(0) : r;
}

/** The result without the batch dim added for an unbatched input; (values, indices) a Python tuple. */
function withIndices(r: Tensor | [Tensor, Tensor], unbatched: boolean): Tensor | [Tensor, Tensor] {
  if (r instanceof Tensor) return unbatched ? r.squeeze(0) : r;
  return asPyTuple<[Tensor, Tensor]>(unbatched ? [r[0].squeeze(0), r[1].squeeze(0)] : r);
}

/** Adaptive max pooling, PyTorch's `F.adaptive_max_pool3d`; `return_indices` adds the flat argmax. */
export function adaptive_max_pool3d(input: Tensor, output_size: AdaptiveSize3, options: { return_indices: true }): [Tensor, Tensor];
export function adaptive_max_pool3d(input: Tensor, output_size: AdaptiveSize3, options?: { return_indices?: boolean }): Tensor;
export function adaptive_max_pool3d(input: Tensor, output_size: AdaptiveSize3, options: { return_indices?: boolean } = {}): Tensor | [Tensor, Tensor] {
  const op = "adaptive_max_pool3d";
  const { x, unbatched, out } = adaptiveInput(op, input, output_size, true);
  checkFloat("adaptive_max_pool3d_cpu", x);
  const name = "AdaptiveMaxPool3DBackward0";
  const [n, c] = x.shape;
  let r: Tensor | [Tensor, Tensor];
  if (x.numel() === 0 || out.some((v) => v === 0)) {
    const e = emptyBatch(name, [x], [n, c, ...out]);
    r = options.return_indices ? [e, constant(compute(() => tf.zeros(e.shape, "int32")))] : e;
  } else r = maxPool(x, adaptivePlan(x, out).pl, name, options.return_indices ?? false);
  return withIndices(r, unbatched);
}
