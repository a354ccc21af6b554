/**
 * F.pixel_shuffle, F.pixel_unshuffle, F.channel_shuffle, F.unfold, F.fold, F.affine_grid,
 * F.grid_sample, F.cosine_similarity and F.pairwise_distance: composed from differentiable ops
 * (reshape/permute, strided slices, pad, gather), so autograd comes from theirs.
 */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { from_typed, linspace, ones, zeros } from "../../ops/creation";
import { fmaFloat32 } from "../../ops/float32";
import { cat, stack } from "../../ops/movement";
import { broadcast_tensors } from "../../ops/shape_extra";
import * as E from "../../ops/elementwise";
import { RuntimeError, ValueError } from "../../errors";
import { checkInput } from "./activation";
import { pad } from "./vision";
import { propagateSpatial } from "../../tensor/memory_format";

const fmt = (s: readonly number[]): string => `[${s.join(", ")}]`;

function posInt(op: string, name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) throw new RuntimeError(`${op}(): ${name} must be a positive integer, got ${String(v)}`);
  return v;
}

/**
 * Rearranges [*, C*r^2, H, W] into [*, C, H*r, W*r] (sub-pixel convolution's upsampling).
 * @example F.pixel_shuffle(torch.randn(1, 9, 4, 4), 3).shape  // [1, 1, 12, 12]
 */
export function pixel_shuffle(input: Tensor, upscale_factor: number | { upscale_factor?: number }): Tensor {
  checkInput("pixel_shuffle", input);
  const r = posInt("pixel_shuffle", "upscale_factor", parseArgs("pixel_shuffle", [upscale_factor], ["upscale_factor"]).upscale_factor);
  if (input.dim() < 3) throw new RuntimeError(`pixel_shuffle expects input to have at least 3 dimensions, but got input with ${input.dim()} dimension(s)`);
  const lead = input.shape.slice(0, -3);
  const [c, h, w] = input.shape.slice(-3);
  if (c % (r * r) !== 0) throw new RuntimeError(`pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)=${c} is not divisible by ${r * r}`);
  const oc = c / (r * r);
  const n = lead.reduce((a, b) => a * b, 1);
  // PyTorch's CPU kernel keeps a channels-last input's layout (pixel_unshuffle and channel_shuffle too).
  return propagateSpatial(input.reshape(n, oc, r, r, h, w).permute(0, 1, 4, 2, 5, 3).reshape(...lead, oc, h * r, w * r), input);
}

/** The inverse of pixel_shuffle: [*, C, H*r, W*r] -> [*, C*r^2, H, W]. */
export function pixel_unshuffle(input: Tensor, downscale_factor: number | { downscale_factor?: number }): Tensor {
  checkInput("pixel_unshuffle", input);
  const r = posInt("pixel_unshuffle", "downscale_factor", parseArgs("pixel_unshuffle", [downscale_factor], ["downscale_factor"]).downscale_factor);
  if (input.dim() < 3) throw new RuntimeError(`pixel_unshuffle expects input to have at least 3 dimensions, but got input with ${input.dim()} dimension(s)`);
  const lead = input.shape.slice(0, -3);
  const [c, h, w] = input.shape.slice(-3);
  if (h % r !== 0) throw new RuntimeError(`pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)=${h} is not divisible by ${r}`);
  if (w % r !== 0) throw new RuntimeError(`pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)=${w} is not divisible by ${r}`);
  const n = lead.reduce((a, b) => a * b, 1);
  return propagateSpatial(input.reshape(n, c, h / r, r, w / r, r).permute(0, 1, 3, 5, 2, 4).reshape(...lead, c * r * r, h / r, w / r), input);
}

/** Splits the C channels of [N, C, *] into `groups` and interleaves them (ShuffleNet). */
export function channel_shuffle(input: Tensor, groups: number | { groups?: number }): Tensor {
  checkInput("channel_shuffle", input);
  const g = posInt("channel_shuffle", "groups", parseArgs("channel_shuffle", [groups], ["groups"]).groups);
  if (input.dim() < 3) throw new RuntimeError(`channel_shuffle expects input to have at least 3 dimensions, but got input with ${input.dim()} dimension(s)`);
  const [n, c, ...rest] = input.shape;
  if (c % g !== 0) throw new RuntimeError(`Number of channels must be divisible by groups. Got ${c} channels and ${g} groups.`);
  return propagateSpatial(input.reshape(n, g, c / g, ...rest).transpose(1, 2).reshape(input.shape), input);
}

type Pair = number | [number, number];
const pair = (op: string, name: string, v: unknown, min: number): [number, number] => {
  const p = typeof v === "number" ? [v, v] : Array.isArray(v) && v.length === 2 ? v : null;
  if (p === null || !p.every((x) => Number.isInteger(x) && x >= min)) throw new RuntimeError(`${op}(): ${name} must be an int or a pair of ints >= ${min}, got ${JSON.stringify(v)}`);
  return p as [number, number];
};

export interface FoldOptions {
  output_size?: Pair;
  kernel_size?: Pair;
  dilation?: Pair;
  padding?: Pair;
  stride?: Pair;
}

function foldGeometry(op: string, o: Record<string, unknown>): { k: [number, number]; d: [number, number]; p: [number, number]; s: [number, number] } {
  return {
    k: pair(op, "kernel_size", o.kernel_size, 1),
    d: pair(op, "dilation", o.dilation ?? 1, 1),
    p: pair(op, "padding", o.padding ?? 0, 0),
    s: pair(op, "stride", o.stride ?? 1, 1),
  };
}

/**
 * Extracts sliding local blocks (im2col): [N, C, H, W] -> [N, C*kh*kw, L], column l holding the
 * block at the l-th position in row-major order, channels outermost as in PyTorch.
 */
export function unfold(input: Tensor, kernel_size: Pair | FoldOptions, dilation?: Pair | FoldOptions, padding?: Pair | FoldOptions, stride?: Pair | FoldOptions): Tensor {
  checkInput("unfold", input);
  const o = parseArgs("unfold", [kernel_size, dilation, padding, stride], ["kernel_size", "dilation", "padding", "stride"]);
  const { k, d, p, s } = foldGeometry("unfold", o);
  if (input.dim() !== 4 && input.dim() !== 3) throw new RuntimeError(`Input Error: Only 3D or 4D input Tensors are supported (got ${input.dim()}D input of shape ${fmt(input.shape)})`);
  const batched = input.dim() === 4;
  const x = batched ? input : input.unsqueeze(0);
  const [n, c, h, w] = x.shape;
  const oh = Math.floor((h + 2 * p[0] - d[0] * (k[0] - 1) - 1) / s[0]) + 1;
  const ow = Math.floor((w + 2 * p[1] - d[1] * (k[1] - 1) - 1) / s[1]) + 1;
  if (oh < 1 || ow < 1) {
    throw new RuntimeError(`unfold(): given input with spatial size (${h}, ${w}), kernel_size=(${k.join(", ")}), dilation=(${d.join(", ")}), padding=(${p.join(", ")}), calculated shape of the array of sliding blocks as (${oh}, ${ow}), but its components must be at least one.`);
  }
  const xp = p[0] || p[1] ? pad(x, [p[1], p[1], p[0], p[0]]) : x;
  const blocks: Tensor[] = [];
  for (let i = 0; i < k[0]; i++) {
    for (let j = 0; j < k[1]; j++) {
      const r0 = i * d[0];
      const c0 = j * d[1];
      blocks.push(xp.index(`..., ${r0}:${r0 + s[0] * (oh - 1) + 1}:${s[0]}, ${c0}:${c0 + s[1] * (ow - 1) + 1}:${s[1]}`));
    }
  }
  const out = stack(blocks, 2).reshape(n, c * k[0] * k[1], oh * ow);
  return batched ? out : out.squeeze(0);
}

/**
 * Combines sliding local blocks into a tensor (col2im, the adjoint of unfold): overlapping values
 * are summed. [N, C*kh*kw, L] -> [N, C, output_size[0], output_size[1]].
 */
export function fold(input: Tensor, output_size: Pair | FoldOptions, kernel_size?: Pair | FoldOptions, dilation?: Pair | FoldOptions, padding?: Pair | FoldOptions, stride?: Pair | FoldOptions): Tensor {
  checkInput("fold", input);
  const o = parseArgs("fold", [output_size, kernel_size, dilation, padding, stride], ["output_size", "kernel_size", "dilation", "padding", "stride"]);
  const out = pair("fold", "output_size", o.output_size, 1);
  const { k, d, p, s } = foldGeometry("fold", o);
  if (input.dim() !== 3 && input.dim() !== 2) throw new RuntimeError(`Input Error: Only unbatched (2D) or batched (3D) input Tensors are supported (got ${input.dim()}D input of shape ${fmt(input.shape)})`);
  const batched = input.dim() === 3;
  const x = batched ? input : input.unsqueeze(0);
  const [n, ck, l] = x.shape;
  const kk = k[0] * k[1];
  if (ck % kk !== 0) throw new RuntimeError(`Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)=${ck} and kernel_size=(${k.join(", ")})`);
  const oh = Math.floor((out[0] + 2 * p[0] - d[0] * (k[0] - 1) - 1) / s[0]) + 1;
  const ow = Math.floor((out[1] + 2 * p[1] - d[1] * (k[1] - 1) - 1) / s[1]) + 1;
  if (oh * ow !== l) {
    throw new RuntimeError(`Given output_size=(${out.join(", ")}), kernel_size=(${k.join(", ")}), dilation=(${d.join(", ")}), padding=(${p.join(", ")}), stride=(${s.join(", ")}), expected size of input's dimension 2 to match the calculated number of sliding blocks ${oh} * ${ow} = ${oh * ow}, but got input.size(2)=${l}.`);
  }
  const c = ck / kk;
  const hp = out[0] + 2 * p[0];
  const wp = out[1] + 2 * p[1];
  const cols = x.reshape(n, c, kk, oh, ow);
  let acc: Tensor | null = null;
  for (let i = 0; i < k[0]; i++) {
    for (let j = 0; j < k[1]; j++) {
      let b = cols.select(2, i * k[1] + j);
      // spread the block to stride s by interleaving zeros, then place it at its offset
      if (s[0] > 1) b = cat([b.unsqueeze(3), zeros([n, c, oh, s[0] - 1, ow])], 3).reshape(n, c, oh * s[0], ow).narrow(2, 0, (oh - 1) * s[0] + 1);
      if (s[1] > 1) b = cat([b.unsqueeze(4), zeros([n, c, b.shape[2], ow, s[1] - 1])], 4).reshape(n, c, b.shape[2], ow * s[1]).narrow(3, 0, (ow - 1) * s[1] + 1);
      const top = i * d[0];
      const left = j * d[1];
      const placed = pad(b, [left, wp - left - b.shape[3], top, hp - top - b.shape[2]]);
      acc = acc === null ? placed : acc.add(placed);
    }
  }
  let y = acc as Tensor;
  if (p[0] || p[1]) y = y.narrow(2, p[0], out[0]).narrow(3, p[1], out[1]);
  return batched ? y : y.squeeze(0);
}

function alignCornersArg(op: string, v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v !== "boolean") throw new ValueError(`${op}(): align_corners must be a boolean, got ${typeof v}`);
  return v;
}

/**
 * The sampling grid of an affine transform (Spatial Transformer Networks): for theta [N, 2, 3] and
 * size [N, C, H, W], grid [N, H, W, 2] of (x, y) in [-1, 1] coordinates.
 */
export function affine_grid(theta: Tensor, size: number[], align_corners?: boolean | null | { align_corners?: boolean | null }): Tensor {
  checkInput("affine_grid", theta);
  const ac = alignCornersArg("affine_grid", parseArgs("affine_grid", [align_corners], ["align_corners"]).align_corners);
  if (!Array.isArray(size) || size.length !== 4) throw new ValueError(`affine_grid only supports 4D sizes, for 2D affine transforms (got size ${JSON.stringify(size)})`);
  const [n, , h, w] = size;
  if (theta.dim() !== 3 || theta.shape[1] !== 2 || theta.shape[2] !== 3) {
    throw new ValueError(`Expected a batch of 2D affine matrices of shape Nx2x3 for size ${fmt(size)}. Got ${fmt(theta.shape)}.`);
  }
  if (theta.shape[0] !== n) throw new ValueError(`affine_grid(): theta has batch size ${theta.shape[0]} but size has ${n} (theta ${fmt(theta.shape)}, size ${fmt(size)})`);
  if (Math.min(...size) <= 0) throw new ValueError(`Expected non-zero, positive output size. Got ${fmt(size)}`);
  const lin = (m: number): Tensor => {
    if (m <= 1) return zeros([m]);
    const l = linspace(-1, 1, m);
    // PyTorch's linspace_from_neg_one rounds twice: range * (m - 1), then / m.
    return ac ? l : l.mul(m - 1).div(m);
  };
  const xs = lin(w).reshape(1, w).expand(h, w);
  const ys = lin(h).reshape(h, 1).expand(h, w);
  const base = stack([xs, ys, ones([h, w])], 2).reshape(1, h * w, 3);
  const grid = base.expand(n, h * w, 3).matmul(theta.transpose(1, 2)).reshape(n, h, w, 2);
  // Points of an identity-like theta sit on pixel centres, where one ulp moves grid_sample's floor to
  // the next cell and changes the gradient, so the values are PyTorch's to the bit; the matmul above
  // carries the gradient. PyTorch's CPU bmm rounds x * t0, then adds y * t1 (its naive kernel, for
  // 3 * H * W * 2 < 400) or fuses it (BLAS), then adds t2.
  const blas = 3 * h * w * 2 >= 400;
  const exact = new Float32Array(n * h * w * 2);
  const th = theta.detach().contiguous().dataSync();
  const bx = xs.contiguous().dataSync();
  const by = ys.contiguous().dataSync();
  for (let b = 0; b < n; b++) {
    for (let p = 0; p < h * w; p++) {
      for (let j = 0; j < 2; j++) {
        const t = th.subarray(b * 6 + j * 3, b * 6 + j * 3 + 3);
        const xt = Math.fround(bx[p] * t[0]);
        exact[(b * h * w + p) * 2 + j] = Math.fround((blas ? fmaFloat32(t[1], by[p], xt) : Math.fround(xt + Math.fround(by[p] * t[1]))) + t[2]);
      }
    }
  }
  const values = from_typed(exact, [n, h, w, 2]);
  return grid.requires_grad ? grid.add(values.sub(grid.detach())) : values;
}

export interface GridSampleOptions {
  mode?: "bilinear" | "nearest";
  padding_mode?: "zeros" | "border" | "reflection";
  align_corners?: boolean | null;
}

function reflect(x: Tensor, twiceLow: number, twiceHigh: number): Tensor {
  if (twiceLow === twiceHigh) return x.mul(0);
  const min = twiceLow / 2;
  const span = (twiceHigh - twiceLow) / 2;
  const a = x.sub(min).abs();
  const flips = a.div(span).floor();
  const extra = a.sub(flips.mul(span));
  const even = flips.remainder(2).eq(0);
  return E.where(even, extra.add(min), extra.neg().add(span + min));
}

/**
 * Samples `input` [N, C, H, W] at the (x, y) locations of `grid` [N, Ho, Wo, 2] (normalised to
 * [-1, 1]): output [N, C, Ho, Wo]. mode 'bilinear' (default) or 'nearest'; padding_mode 'zeros'
 * (default), 'border' or 'reflection'; align_corners (false).
 */
export function grid_sample(input: Tensor, grid: Tensor | (GridSampleOptions & { grid: Tensor }), mode?: "bilinear" | "nearest" | GridSampleOptions, padding_mode?: "zeros" | "border" | "reflection" | GridSampleOptions, align_corners?: boolean | null | GridSampleOptions): Tensor {
  // `F.grid_sample(img, grid=grid, mode='bilinear')`: the grid given by keyword.
  if (!(grid instanceof Tensor) && typeof grid === "object" && grid !== null && "grid" in grid) {
    const { grid: g, ...rest } = grid;
    return grid_sample(input, g, rest);
  }
  checkInput("grid_sample", input);
  const o = parseArgs("grid_sample", [mode, padding_mode, align_corners], ["mode", "padding_mode", "align_corners"]);
  const md = (o.mode as string | undefined) ?? "bilinear";
  const pm = (o.padding_mode as string | undefined) ?? "zeros";
  const ac = alignCornersArg("grid_sample", o.align_corners);
  if (md !== "bilinear" && md !== "nearest") throw new ValueError(`nn.functional.grid_sample(): expected mode to be 'bilinear', 'nearest' or 'bicubic', but got: '${md}'`);
  if (pm !== "zeros" && pm !== "border" && pm !== "reflection") throw new ValueError(`nn.functional.grid_sample(): expected padding_mode to be 'zeros', 'border', or 'reflection', but got: '${pm}'`);
  if (!(grid instanceof Tensor)) throw new ValueError(`grid_sample(): argument 'grid' must be Tensor`);
  if (input.dim() !== 4 || grid.dim() !== 4 || grid.shape[3] !== 2 || grid.shape[0] !== input.shape[0]) {
    throw new RuntimeError(`grid_sampler(): expected 4D input [N, C, H, W] and grid [N, H_out, W_out, 2] with the same batch size, but got input of shape ${fmt(input.shape)} and grid of shape ${fmt(grid.shape)}`);
  }
  const [n, c, h, w] = input.shape;
  const [, ho, wo] = grid.shape;
  const unnorm = (g: Tensor, size: number): Tensor => (ac ? g.add(1).div(2).mul(size - 1) : g.add(1).mul(size).sub(1).div(2));
  // PyTorch's clip passes no gradient at the bounds themselves (in <= 0, in >= size - 1)
  const clip = (v: Tensor, size: number): Tensor => E.where(v.le(0), 0, E.where(v.ge(size - 1), size - 1, v));
  const compute = (g: Tensor, size: number): Tensor => {
    const v = unnorm(g, size);
    if (pm === "border") return clip(v, size);
    if (pm === "reflection") return clip(ac ? reflect(v, 0, 2 * (size - 1)) : reflect(v, -1, 2 * size - 1), size);
    return v;
  };
  const gx = compute(grid.select(3, 0), w).reshape(n, 1, ho * wo);
  const gy = compute(grid.select(3, 1), h).reshape(n, 1, ho * wo);
  const flat = input.reshape(n, c, h * w);
  const sample = (yi: Tensor, xi: Tensor): Tensor => {
    // out-of-range corners read index 0 and are zeroed by the mask
    const inb = xi.ge(0).logical_and(xi.le(w - 1)).logical_and(yi.ge(0)).logical_and(yi.le(h - 1));
    const idx = E.where(inb, yi.mul(w).add(xi), 0).to("int64").expand(n, c, ho * wo);
    return E.where(inb, flat.gather(2, idx), 0);
  };
  let out: Tensor;
  if (md === "nearest") out = sample(gy.round().detach(), gx.round().detach());
  else {
    const x0 = gx.floor().detach();
    const y0 = gy.floor().detach();
    const x1 = x0.add(1);
    const y1 = y0.add(1);
    const wx1 = gx.sub(x0);
    const wx0 = x1.sub(gx);
    const wy1 = gy.sub(y0);
    const wy0 = y1.sub(gy);
    out = sample(y0, x0).mul(wy0.mul(wx0))
      .add(sample(y0, x1).mul(wy0.mul(wx1)))
      .add(sample(y1, x0).mul(wy1.mul(wx0)))
      .add(sample(y1, x1).mul(wy1.mul(wx1)));
  }
  return out.reshape(n, c, ho, wo);
}

/**
 * sum((x1 / max(||x1||, eps)) * (x2 / max(||x2||, eps))) along `dim` (1), broadcasting x1 and x2: PyTorch
 * 1.13's arithmetic (each input normalised first, then the products summed; grad_fn=<SumBackward1>),
 * which rounds differently from x1 . x2 / (||x1|| ||x2||).
 */
export function cosine_similarity(x1: Tensor, x2: Tensor, dim?: number | { dim?: number; eps?: number }, eps?: number): Tensor {
  checkInput("cosine_similarity", x1);
  checkInput("cosine_similarity", x2);
  const o = parseArgs("cosine_similarity", [dim, eps], ["dim", "eps"]);
  const d = (o.dim as number | undefined) ?? 1;
  const e = (o.eps as number | undefined) ?? 1e-8;
  // PyTorch broadcasts the inputs first, so `dim` counts in the broadcast shape ([2, 5] with [5], dim=1).
  [x1, x2] = broadcast_tensors(x1, x2);
  const unit = (x: Tensor): Tensor => x.div(x.pow(2).sum(d, true).sqrt().clamp(e, null));
  return unit(x1).mul(unit(x2)).sum(d);
}

/** ||x1 - x2 + eps||_p over the last dim. */
export function pairwise_distance(x1: Tensor, x2: Tensor, p?: number | { p?: number; eps?: number; keepdim?: boolean }, eps?: number, keepdim?: boolean): Tensor {
  checkInput("pairwise_distance", x1);
  checkInput("pairwise_distance", x2);
  const o = parseArgs("pairwise_distance", [p, eps, keepdim], ["p", "eps", "keepdim"]);
  const diff = x1.sub(x2).add((o.eps as number | undefined) ?? 1e-6);
  const nd = Math.max(x1.dim(), x2.dim());
  return diff.norm((o.p as number | undefined) ?? 2, nd === 0 ? undefined : -1, (o.keepdim as boolean | undefined) ?? false);
}
