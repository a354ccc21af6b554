/**
 * Lazy modules (PyTorch's LazyModuleMixin): LazyLinear, LazyConv1d, LazyConv2d, LazyConvTranspose2d,
 * LazyBatchNorm1d and LazyBatchNorm2d leave their input size open until the first call, which reads
 * it from the input, creates the parameters, initialises them as the plain layer would (drawing from
 * the random stream then, as PyTorch does) and turns the module into that plain layer: a seeded
 * `nn.LazyLinear(256)` called on `[2, 20]` prints and computes as PyTorch's. Dive into Deep
 * Learning's PyTorch chapters build their networks this way.
 */
import { Tensor } from "../../tensor/tensor";
import { warnOnce } from "../../warnings";
import { parseArgs } from "../../tensor/args";
import { empty, tensor } from "../../ops/creation";
import { no_grad } from "../../autograd/grad_mode";
import { RuntimeError, TypeError, ValueError } from "../../errors";
import { Module } from "./module";
import { Parameter } from "../parameter";
import { Linear, checkFeatures } from "./linear";
import { Conv2d, ConvTranspose2d } from "./conv";
import { Conv1d } from "./conv1d";
import { BatchNorm1d, BatchNorm2d } from "./batchnorm";

/** A parameter whose shape is not known yet: empty until a lazy module's first call materializes it. */
export class UninitializedParameter extends Parameter {
  constructor(requires_grad = true) {
    super(empty([0]), requires_grad);
  }
  /** Gives the parameter its shape (uninitialised values) and makes it a plain Parameter. */
  materialize(shape: readonly number[]): void {
    no_grad(() => {
      this.data = empty(Array.from(shape));
    });
    Object.setPrototypeOf(this, Parameter.prototype);
  }
  toString(): string {
    return "<UninitializedParameter>";
  }
}

/** A buffer whose shape is not known yet (a lazy batch norm's running statistics). */
export class UninitializedBuffer extends Tensor {
  constructor() {
    const t = empty([0]);
    super(t._s.data, t._s);
  }
  materialize(shape: readonly number[]): void {
    no_grad(() => {
      this.data = empty(Array.from(shape));
    });
    Object.setPrototypeOf(this, Tensor.prototype);
  }
  toString(): string {
    return "<UninitializedBuffer>";
  }
}

/** PyTorch warns once that lazy modules are experimental. */
function warnLazy(): void {
  warnOnce("Lazy modules are a new feature under heavy development so changes to the API or functionality can happen at any moment.");
}

const uninitialized = (t: unknown): boolean => t instanceof UninitializedParameter || t instanceof UninitializedBuffer;

interface Lazy extends Module {
  initialize_parameters(input: Tensor): void;
}

/** Whether a module still holds uninitialised parameters or buffers. */
export function has_uninitialized_params(m: Module): boolean {
  return [...m.parameters({ recurse: false } as never), ...m.buffers({ recurse: false } as never)].some(uninitialized);
}

/** The first call: infer the shapes from `input`, initialise, become `target`. */
function infer(m: Lazy, input: unknown, target: { prototype: object }): void {
  if (!has_uninitialized_params(m)) return;
  if (!(input instanceof Tensor)) throw new TypeError(`${m.constructor.name}: the first call must pass a Tensor to infer the input size, got ${typeof input}`);
  no_grad(() => m.initialize_parameters(input));
  if (has_uninitialized_params(m)) throw new RuntimeError(`module ${m.constructor.name} has not been fully initialized`);
  Object.setPrototypeOf(m, target.prototype);
}

/**
 * A Linear layer whose in_features is the last dim of the first input.
 * @example const net = new nn.Sequential(new nn.LazyLinear(256), new nn.ReLU(), new nn.LazyLinear(10)); net(torch.rand(2, 20));
 */
export class LazyLinear extends Linear implements Lazy {
  constructor(out_features: number | { out_features?: number; bias?: boolean }, bias?: boolean | { bias?: boolean }, options?: { device?: unknown; dtype?: unknown }) {
    const a = parseArgs("LazyLinear", [out_features, bias, options], ["out_features", "bias", "device", "dtype"]);
    const out = checkFeatures("LazyLinear", "out_features", a.out_features);
    super(0, 0, { bias: false });
    warnLazy();
    this.weight = new UninitializedParameter();
    this.out_features = out;
    if ((a.bias as boolean | undefined) ?? true) this.bias = new UninitializedParameter();
  }
  initialize_parameters(input: Tensor): void {
    this.in_features = input.shape[input.dim() - 1];
    (this.weight as UninitializedParameter).materialize([this.out_features, this.in_features]);
    if (this.bias !== null) (this.bias as UninitializedParameter).materialize([this.out_features]);
    this.reset_parameters();
  }
  forward(input: Tensor): Tensor {
    infer(this, input, Linear);
    return Linear.prototype.forward.call(this, input);
  }
}

type ConvArgs = Record<string, unknown>;

/** The in_channels of a conv input: dim 1 of a batch, dim 0 of a single sample. */
function inChannels(m: Module, input: Tensor, spatial: number): number {
  const noBatch = spatial + 1;
  if (input.dim() !== noBatch && input.dim() !== noBatch + 1) {
    throw new RuntimeError(`Expected ${noBatch}D (unbatched) or ${noBatch + 1}D (batched) input to ${m.constructor.name}, but got input of size: ${String(input.shape)}`);
  }
  return input.dim() === noBatch + 1 ? input.shape[1] : input.shape[0];
}

const CONV_NAMES = ["out_channels", "kernel_size", "stride", "padding", "dilation", "groups", "bias", "padding_mode", "device", "dtype"];
const CONVT_NAMES = ["out_channels", "kernel_size", "stride", "padding", "output_padding", "groups", "bias", "dilation", "padding_mode", "device", "dtype"];

function convArgs(layer: string, raw: unknown[], names: string[]): ConvArgs {
  const a = parseArgs(layer, raw, names);
  checkFeatures(layer, "out_channels", a.out_channels);
  if (a.kernel_size === undefined) throw new TypeError(`${layer}.__init__() missing 1 required positional argument: 'kernel_size'`);
  return a;
}

/** Shared by the lazy convolutions: uninitialised weight and bias, out_channels restored after the zero-channel construction. */
function makeLazyConv(m: Conv2d | Conv1d | ConvTranspose2d, a: ConvArgs): void {
  warnLazy();
  m.weight = new UninitializedParameter();
  m.out_channels = a.out_channels as number;
  if ((a.bias as boolean | undefined) ?? true) m.bias = new UninitializedParameter();
}

function initConv(m: Conv2d | Conv1d | ConvTranspose2d, input: Tensor, spatial: number, transposed: boolean): void {
  m.in_channels = inChannels(m, input, spatial);
  if (m.in_channels % m.groups !== 0) throw new ValueError("in_channels must be divisible by groups");
  const k = Array.from(m.kernel_size as number[]);
  const shape = transposed ? [m.in_channels, m.out_channels / m.groups, ...k] : [m.out_channels, m.in_channels / m.groups, ...k];
  (m.weight as UninitializedParameter).materialize(shape);
  if (m.bias !== null) (m.bias as UninitializedParameter).materialize([m.out_channels]);
  m.reset_parameters();
}

/** A Conv2d whose in_channels is read from the first input. */
export class LazyConv2d extends Conv2d implements Lazy {
  constructor(out_channels: number | ConvArgs, ...rest: unknown[]) {
    const a = convArgs("LazyConv2d", [out_channels, ...rest], CONV_NAMES);
    super(0, 0, { ...pick(a, ["kernel_size", "stride", "padding", "dilation", "groups", "padding_mode"]), bias: false } as never);
    makeLazyConv(this, a);
  }
  initialize_parameters(input: Tensor): void {
    initConv(this, input, 2, false);
  }
  forward(input: Tensor): Tensor {
    infer(this, input, Conv2d);
    return Conv2d.prototype.forward.call(this, input);
  }
}

/** A Conv1d whose in_channels is read from the first input. */
export class LazyConv1d extends Conv1d implements Lazy {
  constructor(out_channels: number | ConvArgs, ...rest: unknown[]) {
    const a = convArgs("LazyConv1d", [out_channels, ...rest], CONV_NAMES);
    super(0, 0, { ...pick(a, ["kernel_size", "stride", "padding", "dilation", "groups", "padding_mode"]), bias: false } as never);
    makeLazyConv(this, a);
  }
  initialize_parameters(input: Tensor): void {
    initConv(this, input, 1, false);
  }
  forward(input: Tensor): Tensor {
    infer(this, input, Conv1d);
    return Conv1d.prototype.forward.call(this, input);
  }
}

/** A ConvTranspose2d whose in_channels is read from the first input. */
export class LazyConvTranspose2d extends ConvTranspose2d implements Lazy {
  constructor(out_channels: number | ConvArgs, ...rest: unknown[]) {
    const a = convArgs("LazyConvTranspose2d", [out_channels, ...rest], CONVT_NAMES);
    super(0, 0, { ...pick(a, ["kernel_size", "stride", "padding", "output_padding", "groups", "dilation", "padding_mode"]), bias: false } as never);
    makeLazyConv(this, a);
  }
  initialize_parameters(input: Tensor): void {
    initConv(this, input, 2, true);
  }
  forward(input: Tensor, output_size?: number[] | null | { output_size?: number[] | null }): Tensor {
    infer(this, input, ConvTranspose2d);
    return ConvTranspose2d.prototype.forward.call(this, input, output_size);
  }
}

function pick(a: ConvArgs, names: string[]): ConvArgs {
  return Object.fromEntries(names.filter((n) => a[n] !== undefined).map((n) => [n, a[n]]));
}

type BNArgs = { eps?: number; momentum?: number | null; affine?: boolean; track_running_stats?: boolean };
const BN_NAMES = ["eps", "momentum", "affine", "track_running_stats", "device", "dtype"];

function makeLazyBN(m: BatchNorm1d | BatchNorm2d, a: Record<string, unknown>): void {
  warnLazy();
  m.affine = (a.affine as boolean | undefined) ?? true;
  m.track_running_stats = (a.track_running_stats as boolean | undefined) ?? true;
  if (m.affine) {
    m.weight = new UninitializedParameter();
    m.bias = new UninitializedParameter();
  }
  if (m.track_running_stats) {
    m.register_buffer("running_mean", new UninitializedBuffer());
    m.register_buffer("running_var", new UninitializedBuffer());
    m.register_buffer("num_batches_tracked", tensor(0, { dtype: "int64" }));
  }
}

function initBN(m: BatchNorm1d | BatchNorm2d, input: Tensor): void {
  if (input.dim() < 2) throw new ValueError(`expected 2D or 3D input (got ${input.dim()}D input)`);
  m.num_features = input.shape[1];
  const n = [m.num_features];
  if (m.affine) {
    (m.weight as unknown as UninitializedParameter).materialize(n);
    (m.bias as unknown as UninitializedParameter).materialize(n);
  }
  if (m.track_running_stats) {
    (m.running_mean as unknown as UninitializedBuffer).materialize(n);
    (m.running_var as unknown as UninitializedBuffer).materialize(n);
  }
  m.reset_parameters();
}

/** A BatchNorm1d whose num_features is dim 1 of the first input. */
export class LazyBatchNorm1d extends BatchNorm1d implements Lazy {
  constructor(eps?: number | BNArgs, momentum?: number | null | BNArgs, affine?: boolean | BNArgs, track_running_stats?: boolean | BNArgs) {
    const a = parseArgs("LazyBatchNorm1d", [eps, momentum, affine, track_running_stats], BN_NAMES);
    super(0, { eps: a.eps as number | undefined, momentum: a.momentum as number | null | undefined, affine: false, track_running_stats: false });
    makeLazyBN(this, a);
  }
  initialize_parameters(input: Tensor): void {
    initBN(this, input);
  }
  forward(input: Tensor): Tensor {
    infer(this, input, BatchNorm1d);
    return BatchNorm1d.prototype.forward.call(this, input);
  }
}

/** A BatchNorm2d whose num_features is dim 1 of the first input. */
export class LazyBatchNorm2d extends BatchNorm2d implements Lazy {
  constructor(eps?: number | BNArgs, momentum?: number | null | BNArgs, affine?: boolean | BNArgs, track_running_stats?: boolean | BNArgs) {
    const a = parseArgs("LazyBatchNorm2d", [eps, momentum, affine, track_running_stats], BN_NAMES);
    super(0, { eps: a.eps as number | undefined, momentum: a.momentum as number | null | undefined, affine: false, track_running_stats: false });
    makeLazyBN(this, a);
  }
  initialize_parameters(input: Tensor): void {
    initBN(this, input);
  }
  forward(input: Tensor): Tensor {
    infer(this, input, BatchNorm2d);
    return BatchNorm2d.prototype.forward.call(this, input);
  }
}
