/**
 * Dropout: zeroes elements (dropout) or whole channels (dropout2d) with probability p during
 * training and scales the rest by 1 / (1 - p), so that evaluation needs no rescaling. The mask is
 * drawn from the default Generator, so `torch.manual_seed` reproduces it.
 */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { from_typed, zeros_like } from "../../ops/creation";
import { bernoulli_values } from "../../ops/sampling";
import { ValueError, RuntimeError } from "../../errors";
import { checkInput, maybeInplace } from "./activation";

type DropoutOpts = { p?: number; training?: boolean; inplace?: boolean };

function dropoutArgs(op: string, input: Tensor, rest: unknown[]): { p: number; training: boolean; inplace: boolean } {
  checkInput(op, input);
  const o = parseArgs(op, rest, ["p", "training", "inplace"]);
  const p = (o.p as number | undefined) ?? 0.5;
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) throw new ValueError(`dropout probability has to be between 0 and 1, but got ${p}`);
  return { p, training: (o.training as boolean | undefined) ?? true, inplace: (o.inplace as boolean | undefined) ?? false };
}

function applyMask(op: string, input: Tensor, maskShape: number[], p: number, inplace: boolean): Tensor {
  if (input.dtype._tf !== "float32") throw new RuntimeError(`${op}(): expected a floating point input, got ${input.dtype}`);
  // PyTorch's _dropout_impl: noise.bernoulli_(1 - p) (double uniforms, one per mask element), then / (1 - p).
  const keep = p === 1 ? zeros_like(input) : from_typed(bernoulli_values(maskShape, 1 - p), maskShape).div(1 - p);
  return maybeInplace(op, input, (x) => x.mul(keep), inplace);
}

/**
 * Zeroes each element with probability `p` (training only) and scales the survivors by 1 / (1 - p).
 * @example F.dropout(x, {p: 0.2, training: net.training})
 */
export function dropout(input: Tensor, p?: number | DropoutOpts, training?: boolean | DropoutOpts, inplace?: boolean | DropoutOpts): Tensor {
  const a = dropoutArgs("dropout", input, [p, training, inplace]);
  if (!a.training || a.p === 0) return input;
  return applyMask("dropout", input, input.shape, a.p, a.inplace);
}

const warned = new Set<string>();
function warnOnce(msg: string): void {
  if (warned.has(msg)) return;
  warned.add(msg);
  process.emitWarning(msg, "UserWarning");
}

/** Channel-wise mask shape [N, C, 1, ...] (PyTorch's feature_dropout). */
function featureMaskShape(op: string, input: Tensor): number[] {
  if (input.dim() < 2) throw new RuntimeError(`Feature dropout requires at least 2 dimensions in the input (${op} got shape [${input.shape.join(", ")}])`);
  return [input.shape[0], input.shape[1], ...Array<number>(input.dim() - 2).fill(1)];
}

/**
 * Zeroes whole channels (input [N, C, H, W]) with probability `p`. As in PyTorch 1.13, a 3-D input
 * is read as [N, C, L].
 */
export function dropout2d(input: Tensor, p?: number | DropoutOpts, training?: boolean | DropoutOpts, inplace?: boolean | DropoutOpts): Tensor {
  const a = dropoutArgs("dropout2d", input, [p, training, inplace]);
  const dim = input.dim();
  // PyTorch 1.13's deprecation warnings, once per message as Python's warnings module shows them.
  if (dim !== 3 && dim !== 4) {
    warnOnce(
      `dropout2d: Received a ${dim}-D input to dropout2d, which is deprecated and will result in an error in a future release. ` +
        "To retain the behavior and silence this warning, please use dropout instead. Note that dropout2d exists to provide " +
        "channel-wise dropout on inputs with 2 spatial dimensions, a channel dimension, and an optional batch dimension (i.e. 3D or 4D inputs).",
    );
  }
  if (dim === 3) {
    warnOnce(
      "dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout behavior is desired - input is " +
        "interpreted as shape (N, C, L), where C is the channel dim. This behavior will change in a future release to interpret the " +
        "input as one without a batch dimension, i.e. shape (C, H, W). To maintain the 1D channel-wise dropout behavior, please " +
        "switch to using dropout1d instead.",
    );
  }
  const shape = featureMaskShape("dropout2d", input);
  if (!a.training || a.p === 0) return input;
  return applyMask("dropout2d", input, shape, a.p, a.inplace);
}

/** Channel-wise dropout for [N, C, L] input. */
export function dropout1d(input: Tensor, p?: number | DropoutOpts, training?: boolean | DropoutOpts, inplace?: boolean | DropoutOpts): Tensor {
  const a = dropoutArgs("dropout1d", input, [p, training, inplace]);
  if (input.dim() !== 2 && input.dim() !== 3) {
    throw new RuntimeError(`dropout1d: Expected 2D or 3D input, but received a ${input.dim()}D input. Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).`);
  }
  if (!a.training || a.p === 0) return input;
  const batched = input.dim() === 3 ? input : input.unsqueeze(0);
  const out = applyMask("dropout1d", batched, featureMaskShape("dropout1d", batched), a.p, false);
  return maybeInplace("dropout1d", input, input.dim() === 3 ? out : out.squeeze(0), a.inplace);
}

/** SELU's alpha * scale, the value SELU saturates to at -infinity (PyTorch's alpha_dropout constant). */
const ALPHA_PRIME = 1.7580993408473766;

/**
 * Alpha dropout (training only): dropped elements are set to SELU's negative saturation value and
 * the result is scaled and shifted (`a * (x * mask + alpha' * (mask - 1)) + alpha' * a * p` with
 * `a = 1 / sqrt((alpha'^2 p + 1)(1 - p))`) so that zero-mean, unit-variance inputs keep their
 * mean and variance, as self-normalising (SELU) networks need.
 * @example F.alpha_dropout(x, 0.2, net.training)
 */
export function alpha_dropout(input: Tensor, p?: number | DropoutOpts, training?: boolean | DropoutOpts, inplace?: boolean | DropoutOpts): Tensor {
  const a = dropoutArgs("alpha_dropout", input, [p, training, inplace]);
  a.training = (parseArgs("alpha_dropout", [p, training, inplace], ["p", "training", "inplace"]).training as boolean | undefined) ?? false;
  if (!a.training || a.p === 0 || input.numel() === 0) return input;
  if (input.dtype._tf !== "float32") throw new RuntimeError(`alpha_dropout(): expected a floating point input, got ${input.dtype}`);
  if (a.p === 1) return maybeInplace("alpha_dropout", input, (x) => x.mul(zeros_like(x)), a.inplace);
  const scale = 1 / Math.sqrt((ALPHA_PRIME * ALPHA_PRIME * a.p + 1) * (1 - a.p));
  const mask = from_typed(bernoulli_values(input.shape, 1 - a.p), input.shape);
  const shift = mask.sub(1).mul(ALPHA_PRIME * scale).add(ALPHA_PRIME * scale * a.p);
  return maybeInplace("alpha_dropout", input, (x) => x.mul(mask.mul(scale)).add(shift), a.inplace);
}
