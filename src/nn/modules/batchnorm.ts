/** Batch normalisation layers: BatchNorm1d and BatchNorm2d (PyTorch's _BatchNorm). */
import { defaultFloatDtype } from "../../tensor/dtype";
import { Tensor, type DType } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { empty, ones, zeros, tensor } from "../../ops/creation";
import { Module, _float_repr } from "./module";
import { Parameter } from "../parameter";
import * as init from "../init";
import { batch_norm } from "../../ops/batchnorm";
import { no_grad } from "../../autograd/grad_mode";
import { ValueError } from "../../errors";
import { checkFeatures } from "./linear";

export interface BatchNormOptions {
  num_features?: number;
  eps?: number;
  momentum?: number | null;
  affine?: boolean;
  track_running_stats?: boolean;
  device?: unknown;
  dtype?: DType | string;
}

/**
 * Shared by BatchNorm1d and BatchNorm2d: normalises each channel (dim 1) over the batch and the
 * spatial dims, y = (x - mean) / sqrt(var + eps) * weight + bias.
 */
export abstract class _BatchNorm extends Module {
  num_features: number;
  eps: number;
  /** null means a cumulative moving average (1 / num_batches_tracked). */
  momentum: number | null;
  affine: boolean;
  track_running_stats: boolean;
  weight: Parameter | null;
  bias: Parameter | null;
  declare running_mean: Tensor | null;
  declare running_var: Tensor | null;
  declare num_batches_tracked: Tensor | null;

  constructor(layer: string, raw: unknown[]) {
    super();
    while (raw.length && raw[raw.length - 1] === undefined) raw.pop();
    const a = parseArgs(layer, raw, ["num_features", "eps", "momentum", "affine", "track_running_stats", "device", "dtype"]);
    this.num_features = checkFeatures(layer, "num_features", a.num_features);
    this.eps = (a.eps as number | undefined) ?? 1e-5;
    this.momentum = a.momentum === undefined ? 0.1 : (a.momentum as number | null);
    this.affine = (a.affine as boolean | undefined) ?? true;
    this.track_running_stats = (a.track_running_stats as boolean | undefined) ?? true;
    const dt = { dtype: (a.dtype as string | undefined) ?? defaultFloatDtype(), device: a.device };
    if (this.affine) {
      this.weight = new Parameter(empty([this.num_features], dt));
      this.bias = new Parameter(empty([this.num_features], dt));
    } else {
      this.weight = null;
      this.bias = null;
    }
    if (this.track_running_stats) {
      this.register_buffer("running_mean", zeros([this.num_features], dt));
      this.register_buffer("running_var", ones([this.num_features], dt));
      this.register_buffer("num_batches_tracked", tensor(0, { dtype: "int64" }));
    } else {
      this.register_buffer("running_mean", null);
      this.register_buffer("running_var", null);
      this.register_buffer("num_batches_tracked", null);
    }
    this.reset_parameters();
  }

  /** Running statistics back to mean 0, variance 1, and no batches seen. */
  reset_running_stats(): void {
    if (!this.track_running_stats) return;
    no_grad(() => {
      this.running_mean?.zero_();
      this.running_var?.fill_(1);
      this.num_batches_tracked?.zero_();
    });
  }

  reset_parameters(): void {
    this.reset_running_stats();
    if (this.affine) {
      init.ones_(this.weight as Parameter);
      init.zeros_(this.bias as Parameter);
    }
  }

  /** Raises PyTorch's ValueError when the input has the wrong number of dims. */
  abstract _check_input_dim(input: Tensor): void;

  forward(input: Tensor): Tensor {
    this._check_input_dim(input);
    let factor = this.momentum ?? 0;
    if (this.training && this.track_running_stats && this.num_batches_tracked !== null) {
      no_grad(() => (this.num_batches_tracked as Tensor).add_(1));
      factor = this.momentum === null ? 1 / (this.num_batches_tracked as Tensor).item() : this.momentum;
    }
    const bnTraining = this.training ? true : this.running_mean === null && this.running_var === null;
    const useStats = !this.training || this.track_running_stats;
    return batch_norm(input, useStats ? this.running_mean : null, useStats ? this.running_var : null, {
      weight: this.weight, bias: this.bias, training: bnTraining, momentum: factor, eps: this.eps,
    });
  }

  extra_repr(): string {
    const m = this.momentum === null ? "None" : _float_repr(this.momentum);
    const b = (v: boolean): string => (v ? "True" : "False");
    return `${this.num_features}, eps=${_float_repr(this.eps)}, momentum=${m}, affine=${b(this.affine)}, track_running_stats=${b(this.track_running_stats)}`;
  }
}

/**
 * Batch normalisation over [N, C] or [N, C, L] input.
 *
 * Args:
 *   num_features: C.  eps: added to the variance. Default: 1e-5.
 *   momentum: running = (1 - momentum) * running + momentum * batch; null for a cumulative average.
 *   Default: 0.1.  affine: learn weight (ones) and bias (zeros). Default: true.
 *   track_running_stats: keep running_mean / running_var / num_batches_tracked buffers and use them
 *   in eval mode; otherwise batch statistics are always used. Default: true.
 *
 * @example
 * const bn = new nn.BatchNorm1d(100);
 * bn(torch.randn(20, 100)).shape   // [20, 100]
 */
export class BatchNorm1d extends _BatchNorm {
  constructor(num_features: number | BatchNormOptions, eps?: number | BatchNormOptions, momentum?: number | null | BatchNormOptions, affine?: boolean | BatchNormOptions, track_running_stats?: boolean | BatchNormOptions) {
    super("BatchNorm1d", [num_features, eps, momentum, affine, track_running_stats]);
  }
  _check_input_dim(input: Tensor): void {
    if (input.dim() !== 2 && input.dim() !== 3) throw new ValueError(`expected 2D or 3D input (got ${input.dim()}D input)`);
  }
}

/**
 * Batch normalisation over [N, C, H, W] input: statistics per channel over N, H and W. Training uses
 * the biased batch variance to normalise and updates running_var with the unbiased one.
 *
 * Args: as BatchNorm1d.
 *
 * @example
 * const bn = new nn.BatchNorm2d(3);
 * String(bn)   // 'BatchNorm2d(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)'
 */
export class BatchNorm2d extends _BatchNorm {
  constructor(num_features: number | BatchNormOptions, eps?: number | BatchNormOptions, momentum?: number | null | BatchNormOptions, affine?: boolean | BatchNormOptions, track_running_stats?: boolean | BatchNormOptions) {
    super("BatchNorm2d", [num_features, eps, momentum, affine, track_running_stats]);
  }
  _check_input_dim(input: Tensor): void {
    if (input.dim() !== 4) throw new ValueError(`expected 4D input (got ${input.dim()}D input)`);
  }
}

/**
 * Batch normalisation over [N, C, D, H, W] input (video, volumes): statistics per channel over N, D,
 * H and W, as BatchNorm2d.
 *
 * Args: as BatchNorm1d.
 *
 * @example
 * const bn = new nn.BatchNorm3d(8);
 * bn(torch.randn(2, 8, 4, 16, 16)).shape   // [2, 8, 4, 16, 16]
 */
export class BatchNorm3d extends _BatchNorm {
  constructor(num_features: number | BatchNormOptions, eps?: number | BatchNormOptions, momentum?: number | null | BatchNormOptions, affine?: boolean | BatchNormOptions, track_running_stats?: boolean | BatchNormOptions) {
    super("BatchNorm3d", [num_features, eps, momentum, affine, track_running_stats]);
  }
  _check_input_dim(input: Tensor): void {
    if (input.dim() !== 5) throw new ValueError(`expected 5D input (got ${input.dim()}D input)`);
  }
}
