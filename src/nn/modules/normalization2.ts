/** GroupNorm, InstanceNorm1d/2d and LocalResponseNorm. */
import { Tensor, type DType } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { empty, ones, zeros, tensor } from "../../ops/creation";
import { Module, _float_repr } from "./module";
import { Parameter } from "../parameter";
import * as init from "../init";
import { group_norm, instance_norm, local_response_norm } from "../functional/normalization2";
import { ValueError } from "../../errors";
import { checkFeatures } from "./linear";

const py = (b: boolean): string => (b ? "True" : "False");

/**
 * Normalises each sample's channel groups (see F.group_norm), with per-channel affine weight (ones)
 * and bias (zeros).
 *
 * Args: num_groups, num_channels (divisible by num_groups); eps (1e-5), affine (true).
 *
 * Shape: [N, C, *] -> same shape.
 *
 * @example
 * new nn.GroupNorm(3, 6)(torch.randn(20, 6, 10, 10))
 */
export class GroupNorm extends Module {
  num_groups: number;
  num_channels: number;
  eps: number;
  affine: boolean;
  weight: Parameter | null;
  bias: Parameter | null;

  constructor(num_groups: number | GroupNormOptions, num_channels?: number | GroupNormOptions, eps?: number | GroupNormOptions, affine?: boolean | GroupNormOptions) {
    super();
    const o = parseArgs("GroupNorm", [num_groups, num_channels, eps, affine], ["num_groups", "num_channels", "eps", "affine", "device", "dtype"]);
    this.num_groups = checkFeatures("GroupNorm", "num_groups", o.num_groups);
    this.num_channels = checkFeatures("GroupNorm", "num_channels", o.num_channels);
    if (this.num_groups === 0 || this.num_channels % this.num_groups !== 0) {
      throw new ValueError(`GroupNorm(): num_channels must be divisible by num_groups, got num_channels=${this.num_channels} and num_groups=${this.num_groups}`);
    }
    this.eps = (o.eps as number | undefined) ?? 1e-5;
    this.affine = (o.affine as boolean | undefined) ?? true;
    this.weight = this.affine ? new Parameter(empty([this.num_channels])) : null;
    this.bias = this.affine ? new Parameter(empty([this.num_channels])) : null;
    this.reset_parameters();
  }

  reset_parameters(): void {
    if (this.weight !== null) init.ones_(this.weight);
    if (this.bias !== null) init.zeros_(this.bias);
  }

  forward(input: Tensor): Tensor {
    return group_norm(input, this.num_groups, this.weight, this.bias, this.eps);
  }

  extra_repr(): string {
    return `${this.num_groups}, ${this.num_channels}, eps=${_float_repr(this.eps)}, affine=${py(this.affine)}`;
  }
}

export interface GroupNormOptions {
  num_groups?: number;
  num_channels?: number;
  eps?: number;
  affine?: boolean;
  device?: unknown;
  dtype?: DType | string;
}

export interface InstanceNormOptions {
  num_features?: number;
  eps?: number;
  momentum?: number;
  affine?: boolean;
  track_running_stats?: boolean;
  device?: unknown;
  dtype?: DType | string;
}

/** Shared by InstanceNorm1d and InstanceNorm2d (PyTorch's _InstanceNorm). */
export abstract class _InstanceNorm extends Module {
  num_features: number;
  eps: number;
  momentum: number;
  affine: boolean;
  track_running_stats: boolean;
  weight: Parameter | null;
  bias: Parameter | null;
  declare running_mean: Tensor | null;
  declare running_var: Tensor | null;
  declare num_batches_tracked: Tensor | null;

  /** The input dims without a batch (2 for 1d, 3 for 2d). */
  abstract _get_no_batch_dim(): number;

  constructor(layer: string, raw: unknown[]) {
    super();
    const o = parseArgs(layer, raw, ["num_features", "eps", "momentum", "affine", "track_running_stats", "device", "dtype"]);
    this.num_features = checkFeatures(layer, "num_features", o.num_features);
    this.eps = (o.eps as number | undefined) ?? 1e-5;
    this.momentum = (o.momentum as number | undefined) ?? 0.1;
    this.affine = (o.affine as boolean | undefined) ?? false;
    this.track_running_stats = (o.track_running_stats as boolean | undefined) ?? false;
    this.weight = this.affine ? new Parameter(empty([this.num_features])) : null;
    this.bias = this.affine ? new Parameter(empty([this.num_features])) : null;
    if (this.track_running_stats) {
      this.register_buffer("running_mean", zeros([this.num_features]));
      this.register_buffer("running_var", ones([this.num_features]));
      this.register_buffer("num_batches_tracked", tensor(0, { dtype: "int64" }));
    } else {
      this.register_buffer("running_mean", null);
      this.register_buffer("running_var", null);
      this.register_buffer("num_batches_tracked", null);
    }
    if (this.weight !== null) init.ones_(this.weight);
    if (this.bias !== null) init.zeros_(this.bias);
  }

  forward(input: Tensor): Tensor {
    const nb = this._get_no_batch_dim();
    const name = this._get_name();
    if (!(input instanceof Tensor)) throw new ValueError(`${name}: input must be a Tensor`);
    if (input.dim() !== nb && input.dim() !== nb + 1) {
      throw new ValueError(`${name}: expected ${nb}D or ${nb + 1}D input (got ${input.dim()}D input of shape [${input.shape.join(", ")}])`);
    }
    const fdim = input.dim() - nb;
    if (input.shape[fdim] !== this.num_features && this.affine) {
      throw new ValueError(`${name}: expected input's size at dim=${fdim} to match num_features (${this.num_features}), but got: ${input.shape[fdim]} (input of shape [${input.shape.join(", ")}]).`);
    }
    const batched = input.dim() === nb + 1;
    const x = batched ? input : input.unsqueeze(0);
    const y = instance_norm(x, this.running_mean, this.running_var, this.weight, this.bias, this.training || !this.track_running_stats, this.momentum, this.eps);
    return batched ? y : y.squeeze(0);
  }

  extra_repr(): string {
    return `${this.num_features}, eps=${_float_repr(this.eps)}, momentum=${_float_repr(this.momentum)}, affine=${py(this.affine)}, track_running_stats=${py(this.track_running_stats)}`;
  }
}

/**
 * Instance normalisation of [N, C, L] (or unbatched [C, L]) input: each (sample, channel) over L.
 *
 * Args: num_features; eps (1e-5), momentum (0.1), affine (false), track_running_stats (false).
 */
export class InstanceNorm1d extends _InstanceNorm {
  constructor(num_features: number | InstanceNormOptions, eps?: number | InstanceNormOptions, momentum?: number | InstanceNormOptions, affine?: boolean | InstanceNormOptions, track_running_stats?: boolean | InstanceNormOptions) {
    super("InstanceNorm1d", [num_features, eps, momentum, affine, track_running_stats]);
  }
  _get_no_batch_dim(): number {
    return 2;
  }
}

/** Instance normalisation of [N, C, H, W] (or unbatched [C, H, W]) input. */
export class InstanceNorm2d extends _InstanceNorm {
  constructor(num_features: number | InstanceNormOptions, eps?: number | InstanceNormOptions, momentum?: number | InstanceNormOptions, affine?: boolean | InstanceNormOptions, track_running_stats?: boolean | InstanceNormOptions) {
    super("InstanceNorm2d", [num_features, eps, momentum, affine, track_running_stats]);
  }
  _get_no_batch_dim(): number {
    return 3;
  }
}

/** Local response normalisation across channels (see F.local_response_norm). */
export class LocalResponseNorm extends Module {
  size: number;
  alpha: number;
  beta: number;
  k: number;
  constructor(size: number | { size?: number; alpha?: number; beta?: number; k?: number }, alpha?: number | { alpha?: number; beta?: number; k?: number }, beta?: number, k?: number) {
    super();
    const o = parseArgs("LocalResponseNorm", [size, alpha, beta, k], ["size", "alpha", "beta", "k"]);
    this.size = checkFeatures("LocalResponseNorm", "size", o.size);
    this.alpha = (o.alpha as number | undefined) ?? 1e-4;
    this.beta = (o.beta as number | undefined) ?? 0.75;
    this.k = (o.k as number | undefined) ?? 1;
  }
  forward(input: Tensor): Tensor {
    return local_response_norm(input, this.size, this.alpha, this.beta, this.k);
  }
  extra_repr(): string {
    return `${this.size}, alpha=${_float_repr(this.alpha)}, beta=${_float_repr(this.beta)}, k=${_float_repr(this.k)}`;
  }
}
