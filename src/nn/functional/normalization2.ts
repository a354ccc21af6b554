/** F.group_norm, F.instance_norm and F.local_response_norm, composed from differentiable ops. */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { zeros } from "../../ops/creation";
import { cat } from "../../ops/movement";
import { no_grad } from "../../autograd/grad_mode";
import { RuntimeError, ValueError } from "../../errors";
import { checkInput } from "./activation";
import { renameGradFn } from "../../autograd/node";
import { formatOf, propagateSpatial } from "../../tensor/memory_format";

const fmt = (s: readonly number[]): string => `[${s.join(", ")}]`;

/** weight/bias of shape [C] broadcast over [N, C, *]. */
function affine(y: Tensor, weight: Tensor | null | undefined, bias: Tensor | null | undefined): Tensor {
  const shape = [y.shape[1], ...Array<number>(Math.max(0, y.dim() - 2)).fill(1)];
  if (weight !== null && weight !== undefined) y = y.mul(weight.reshape(shape));
  if (bias !== null && bias !== undefined) y = y.add(bias.reshape(shape));
  return y;
}

/**
 * Group normalisation: splits the C channels into `num_groups` groups and normalises each sample's
 * group over its channels and spatial positions (biased variance), then applies per-channel
 * `weight` and `bias`.
 *
 * Shape: input [N, C, *] with C divisible by num_groups -> same shape.
 */
export function group_norm(
  input: Tensor,
  num_groups: number,
  weight?: Tensor | null | { weight?: Tensor | null; bias?: Tensor | null; eps?: number },
  bias?: Tensor | null,
  eps?: number,
): Tensor {
  checkInput("group_norm", input);
  const o = parseArgs("group_norm", [weight, bias, eps], ["weight", "bias", "eps"]);
  if (input.dim() < 2) throw new RuntimeError(`group_norm(): expected input with at least 2 dims [N, C, *], but got input of size ${fmt(input.shape)}`);
  const [n, c] = input.shape;
  if (!Number.isInteger(num_groups) || num_groups <= 0 || c % num_groups !== 0) {
    throw new RuntimeError(`Expected number of channels in input to be divisible by num_groups, but got input of shape ${fmt(input.shape)} and num_groups=${num_groups}`);
  }
  const w = o.weight as Tensor | null | undefined;
  const b = o.bias as Tensor | null | undefined;
  for (const [name, t] of [["weight", w], ["bias", b]] as const) {
    if (t !== null && t !== undefined && (t.dim() !== 1 || t.shape[0] !== c)) {
      throw new RuntimeError(`Expected ${name} to be a vector of size equal to the number of channels in input, but got ${name} of shape ${fmt(t.shape)} and input of shape ${fmt(input.shape)}`);
    }
  }
  const epsV = (o.eps as number | undefined) ?? 1e-5;
  const g = input.reshape(n, num_groups, -1);
  const mean = g.mean(-1, true);
  const centered = g.sub(mean);
  const v = centered.pow(2).mean(-1, true);
  const y = centered.mul(v.add(epsV).rsqrt()).reshape(input.shape);
  let out = affine(y, w, b);
  // PyTorch's CPU kernel writes a channels-last input's result channels last; without weight and bias
  // `out` is still a row-major view of the groups here, so it takes a buffer of its own first.
  if (formatOf(input) !== null && out._view !== null) out = out.clone();
  // Named as PyTorch's fused kernel: NativeGroupNormBackward0(input, weight, bias).
  return renameGradFn(propagateSpatial(out, input), "NativeGroupNormBackward0", [input, w ?? null, b ?? null]);
}

export interface InstanceNormOptions {
  running_mean?: Tensor | null;
  running_var?: Tensor | null;
  weight?: Tensor | null;
  bias?: Tensor | null;
  use_input_stats?: boolean;
  momentum?: number;
  eps?: number;
}

/**
 * Instance normalisation: each (sample, channel) is normalised over its spatial positions. With
 * `use_input_stats` (default) and running stats given, they are updated in place as PyTorch does
 * (momentum-weighted, unbiased variance, averaged over the batch); without it the running stats
 * normalise.
 *
 * Shape: input [N, C, *] -> same shape.
 */
export function instance_norm(
  input: Tensor,
  running_mean?: Tensor | null | InstanceNormOptions,
  running_var?: Tensor | null | InstanceNormOptions,
  weight?: Tensor | null | InstanceNormOptions,
  bias?: Tensor | null | InstanceNormOptions,
  use_input_stats?: boolean | InstanceNormOptions,
  momentum?: number | InstanceNormOptions,
  eps?: number,
): Tensor {
  checkInput("instance_norm", input);
  const o = parseArgs("instance_norm", [running_mean, running_var, weight, bias, use_input_stats, momentum, eps],
    ["running_mean", "running_var", "weight", "bias", "use_input_stats", "momentum", "eps"]);
  if (input.dim() < 3) throw new ValueError(`instance_norm(): expected input of at least 3 dims [N, C, *], but got input of size ${fmt(input.shape)}`);
  const rm = (o.running_mean as Tensor | null | undefined) ?? null;
  const rv = (o.running_var as Tensor | null | undefined) ?? null;
  const useStats = (o.use_input_stats as boolean | undefined) ?? true;
  // PyTorch's _verify_spatial_size: one value per instance and channel normalises to a silent 0.
  if (useStats && input.shape.slice(2).reduce((a, b) => a * b, 1) === 1) {
    throw new ValueError(`Expected more than 1 spatial element when training, got input size torch.Size([${input.shape.join(", ")}])`);
  }
  const mom = (o.momentum as number | undefined) ?? 0.1;
  const e = (o.eps as number | undefined) ?? 1e-5;
  const c = input.shape[1];
  for (const [name, t] of [["running_mean", rm], ["running_var", rv], ["weight", o.weight], ["bias", o.bias]] as const) {
    const tt = t as Tensor | null | undefined;
    if (tt !== null && tt !== undefined && tt.numel() !== c) {
      throw new RuntimeError(`instance_norm(): expected ${name} to have ${c} elements (the channels of input ${fmt(input.shape)}), but got ${fmt(tt.shape)}`);
    }
  }
  const dims = Array.from({ length: input.dim() - 2 }, (_, i) => i + 2);
  const bshape = [1, c, ...dims.map(() => 1)];
  let y: Tensor;
  if (useStats) {
    // PyTorch's graph: the input viewed as one sample of N*C channels, batch-normed
    // (NativeBatchNormBackward0, with weight.repeat(N) and bias.repeat(N)), viewed back.
    const [n] = input.shape;
    const spatial = input.shape.slice(2);
    const flatShape = [1, n * c, ...spatial];
    const w = (o.weight as Tensor | null | undefined) ?? null;
    const b = (o.bias as Tensor | null | undefined) ?? null;
    const wr = w === null ? null : w.repeat(n);
    const br = b === null ? null : b.repeat(n);
    const xf = input.contiguous().view(flatShape);
    const x = xf.view(input.shape);
    const mean = x.mean(dims, true);
    const centered = x.sub(mean);
    const v = centered.pow(2).mean(dims, true);
    let y = centered.mul(v.add(e).rsqrt());
    const pshape = [n, c, ...spatial.map(() => 1)];
    if (wr !== null) y = y.mul(wr.view(pshape));
    if (br !== null) y = y.add(br.view(pshape));
    const out = renameGradFn(y.view(flatShape), "NativeBatchNormBackward0", [xf, wr, br]).view(input.shape);
    if (rm !== null || rv !== null) {
      const count = dims.reduce((p, d) => p * input.shape[d], 1);
      no_grad(() => {
        if (rm !== null) rm.mul_(1 - mom).add_(mean.detach().mean(0).reshape(-1).mul(mom));
        if (rv !== null) rv.mul_(1 - mom).add_(v.detach().mul(count / Math.max(count - 1, 1)).mean(0).reshape(-1).mul(mom));
      });
    }
    return out;
  } else {
    if (rm === null || rv === null) throw new ValueError("instance_norm(): Expected running_mean and running_var to be defined when use_input_stats is false");
    y = input.sub(rm.reshape(bshape)).mul(rv.reshape(bshape).add(e).rsqrt());
  }
  return affine(y, o.weight as Tensor | null | undefined, o.bias as Tensor | null | undefined);
}

/**
 * Local response normalisation across channels: x / (k + alpha * mean of x^2 over a window of
 * `size` neighbouring channels)^beta, the window zero-padded as in PyTorch (size//2 before,
 * (size-1)//2 after).
 *
 * Shape: input [N, C, *] (at least 3 dims) -> same shape.
 */
export function local_response_norm(input: Tensor, size: number, alpha?: number | { alpha?: number; beta?: number; k?: number }, beta?: number, k?: number): Tensor {
  checkInput("local_response_norm", input);
  const o = parseArgs("local_response_norm", [alpha, beta, k], ["alpha", "beta", "k"]);
  if (input.dim() < 3) throw new ValueError(`Expected 3D or higher dimensionality input (got ${input.dim()} dimensions)`);
  if (!Number.isInteger(size) || size <= 0) throw new ValueError(`local_response_norm(): size must be a positive integer, got ${size}`);
  if (input.numel() === 0) return input;
  const c = input.shape[1];
  const sq = input.mul(input);
  const rest = input.shape.slice(2);
  const before = Math.floor(size / 2);
  const after = Math.floor((size - 1) / 2);
  const padded = cat([zeros([input.shape[0], before, ...rest]), sq, zeros([input.shape[0], after, ...rest])], 1);
  let sum = padded.narrow(1, 0, c);
  for (let j = 1; j < size; j++) sum = sum.add(padded.narrow(1, j, c));
  const div = sum.div(size).mul((o.alpha as number | undefined) ?? 1e-4).add((o.k as number | undefined) ?? 1).pow((o.beta as number | undefined) ?? 0.75);
  return input.div(div);
}
