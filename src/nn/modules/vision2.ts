/** PixelShuffle, PixelUnshuffle, ChannelShuffle, Unfold, Fold, CosineSimilarity, PairwiseDistance. */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { Module } from "./module";
import * as V from "../functional/vision2";

type Pair = number | [number, number];
const pyPair = (v: Pair): string => (typeof v === "number" ? String(v) : `(${v[0]}, ${v[1]})`);

/** [*, C*r^2, H, W] -> [*, C, H*r, W*r]. */
export class PixelShuffle extends Module {
  upscale_factor: number;
  constructor(upscale_factor: number | { upscale_factor?: number }) {
    super();
    this.upscale_factor = parseArgs("PixelShuffle", [upscale_factor], ["upscale_factor"]).upscale_factor as number;
  }
  forward(input: Tensor): Tensor {
    return V.pixel_shuffle(input, this.upscale_factor);
  }
  extra_repr(): string {
    return `upscale_factor=${this.upscale_factor}`;
  }
}

/** [*, C, H*r, W*r] -> [*, C*r^2, H, W]. */
export class PixelUnshuffle extends Module {
  downscale_factor: number;
  constructor(downscale_factor: number | { downscale_factor?: number }) {
    super();
    this.downscale_factor = parseArgs("PixelUnshuffle", [downscale_factor], ["downscale_factor"]).downscale_factor as number;
  }
  forward(input: Tensor): Tensor {
    return V.pixel_unshuffle(input, this.downscale_factor);
  }
  extra_repr(): string {
    return `downscale_factor=${this.downscale_factor}`;
  }
}

/** Interleaves `groups` groups of channels of [N, C, *]. */
export class ChannelShuffle extends Module {
  groups: number;
  constructor(groups: number | { groups?: number }) {
    super();
    this.groups = parseArgs("ChannelShuffle", [groups], ["groups"]).groups as number;
  }
  forward(input: Tensor): Tensor {
    return V.channel_shuffle(input, this.groups);
  }
  extra_repr(): string {
    return `groups=${this.groups}`;
  }
}

/** Sliding local blocks (im2col): [N, C, H, W] -> [N, C*kh*kw, L]. */
export class Unfold extends Module {
  kernel_size: Pair;
  dilation: Pair;
  padding: Pair;
  stride: Pair;
  constructor(kernel_size: Pair | V.FoldOptions, dilation?: Pair | V.FoldOptions, padding?: Pair | V.FoldOptions, stride?: Pair | V.FoldOptions) {
    super();
    const o = parseArgs("Unfold", [kernel_size, dilation, padding, stride], ["kernel_size", "dilation", "padding", "stride"]);
    this.kernel_size = o.kernel_size as Pair;
    this.dilation = (o.dilation as Pair | undefined) ?? 1;
    this.padding = (o.padding as Pair | undefined) ?? 0;
    this.stride = (o.stride as Pair | undefined) ?? 1;
  }
  forward(input: Tensor): Tensor {
    return V.unfold(input, this.kernel_size, this.dilation, this.padding, this.stride);
  }
  extra_repr(): string {
    return `kernel_size=${pyPair(this.kernel_size)}, dilation=${pyPair(this.dilation)}, padding=${pyPair(this.padding)}, stride=${pyPair(this.stride)}`;
  }
}

/** Sums sliding local blocks back into a tensor (col2im): [N, C*kh*kw, L] -> [N, C, *output_size]. */
export class Fold extends Module {
  output_size: Pair;
  kernel_size: Pair;
  dilation: Pair;
  padding: Pair;
  stride: Pair;
  constructor(output_size: Pair | V.FoldOptions, kernel_size?: Pair | V.FoldOptions, dilation?: Pair | V.FoldOptions, padding?: Pair | V.FoldOptions, stride?: Pair | V.FoldOptions) {
    super();
    const o = parseArgs("Fold", [output_size, kernel_size, dilation, padding, stride], ["output_size", "kernel_size", "dilation", "padding", "stride"]);
    this.output_size = o.output_size as Pair;
    this.kernel_size = o.kernel_size as Pair;
    this.dilation = (o.dilation as Pair | undefined) ?? 1;
    this.padding = (o.padding as Pair | undefined) ?? 0;
    this.stride = (o.stride as Pair | undefined) ?? 1;
  }
  forward(input: Tensor): Tensor {
    return V.fold(input, this.output_size, this.kernel_size, this.dilation, this.padding, this.stride);
  }
  extra_repr(): string {
    return `output_size=${pyPair(this.output_size)}, kernel_size=${pyPair(this.kernel_size)}, dilation=${pyPair(this.dilation)}, padding=${pyPair(this.padding)}, stride=${pyPair(this.stride)}`;
  }
}

/** Cosine similarity along `dim` (1). */
export class CosineSimilarity extends Module {
  dim: number;
  eps: number;
  constructor(dim?: number | { dim?: number; eps?: number }, eps?: number) {
    super();
    const o = parseArgs("CosineSimilarity", [dim, eps], ["dim", "eps"]);
    this.dim = (o.dim as number | undefined) ?? 1;
    this.eps = (o.eps as number | undefined) ?? 1e-8;
  }
  forward(x1: Tensor, x2: Tensor): Tensor {
    return V.cosine_similarity(x1, x2, this.dim, this.eps);
  }
}

/** p-norm distance between rows: ||x1 - x2 + eps||_p over the last dim. */
export class PairwiseDistance extends Module {
  norm: number;
  eps: number;
  keepdim: boolean;
  constructor(p?: number | { p?: number; eps?: number; keepdim?: boolean }, eps?: number, keepdim?: boolean) {
    super();
    const o = parseArgs("PairwiseDistance", [p, eps, keepdim], ["p", "eps", "keepdim"]);
    this.norm = (o.p as number | undefined) ?? 2;
    this.eps = (o.eps as number | undefined) ?? 1e-6;
    this.keepdim = (o.keepdim as boolean | undefined) ?? false;
  }
  forward(x1: Tensor, x2: Tensor): Tensor {
    return V.pairwise_distance(x1, x2, this.norm, this.eps, this.keepdim);
  }
}

