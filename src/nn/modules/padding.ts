/** Padding layers: ZeroPad2d, ConstantPad1d/2d, ReflectionPad1d/2d, ReplicationPad1d/2d (wrappers of F.pad). */
import { Tensor } from "../../tensor/tensor";
import { Module } from "./module";
import { pad, PadMode } from "../../ops/pad";
import { TypeError } from "../../errors";
import { asPyTuple } from "../../pyrepr";

type Padding2d = number | number[];

/** PyTorch's `_quadruple`: an int becomes (p, p, p, p); a 4-sequence is (left, right, top, bottom). */
function quadruple(layer: string, p: unknown): [number, number, number, number] {
  if (typeof p === "number" && Number.isInteger(p)) return [p, p, p, p];
  if (Array.isArray(p) && p.length === 4 && p.every((v) => typeof v === "number" && Number.isInteger(v))) return [p[0], p[1], p[2], p[3]];
  throw new TypeError(`${layer}(): padding must be an int or a list of 4 ints (left, right, top, bottom), got ${Array.isArray(p) ? `[${p.join(", ")}]` : String(p)}`);
}

const tup = (p: readonly number[]): string => `(${p.join(", ")})`;

/** Shared by the 2-D padding layers. */
export abstract class _Pad2d extends Module {
  /** (left, right, top, bottom) */
  padding: [number, number, number, number];
  constructor(layer: string, padding: Padding2d) {
    super();
    this.padding = asPyTuple(quadruple(layer, padding));
  }
  abstract readonly _mode: PadMode;
  forward(input: Tensor): Tensor {
    return pad(input, this.padding, this._mode);
  }
  extra_repr(): string {
    return tup(this.padding);
  }
}

/**
 * Pads the last two dims with a constant.
 *
 * Args:
 *   padding: an int, or [left, right, top, bottom].  value: the fill value.
 *
 * Shape: [N, C, H, W] -> [N, C, H + top + bottom, W + left + right] (also [C, H, W]).
 *
 * @example
 * new nn.ConstantPad2d([1, 0, 2, 1], 3.5)(torch.zeros(1, 1, 2, 2)).shape   // [1, 1, 5, 3]
 */
export class ConstantPad2d extends Module {
  padding: [number, number, number, number];
  value: number;
  constructor(padding: Padding2d, value: number) {
    super();
    this.padding = asPyTuple(quadruple("ConstantPad2d", padding));
    if (typeof value !== "number") throw new TypeError(`ConstantPad2d(): value must be a number, got ${String(value)}`);
    this.value = value;
  }
  forward(input: Tensor): Tensor {
    return pad(input, this.padding, "constant", this.value);
  }
  extra_repr(): string {
    return `padding=${tup(this.padding)}, value=${this.value}`;
  }
}

/**
 * Pads the last two dims with zeros.
 * @example new nn.ZeroPad2d(2)(torch.zeros(1, 1, 2, 2)).shape   // [1, 1, 6, 6]
 */
export class ZeroPad2d extends ConstantPad2d {
  constructor(padding: Padding2d) {
    super(padding, 0);
  }
  extra_repr(): string {
    return tup(this.padding);
  }
}

/**
 * Pads the last two dims with their reflection (edge not repeated); each amount must be smaller than
 * the dimension it pads.
 * @example new nn.ReflectionPad2d(2)
 */
export class ReflectionPad2d extends _Pad2d {
  readonly _mode: PadMode = "reflect";
  constructor(padding: Padding2d) {
    super("ReflectionPad2d", padding);
  }
}

/**
 * Pads the last two dims by repeating their edge values.
 * @example new nn.ReplicationPad2d([1, 1, 2, 0])
 */
export class ReplicationPad2d extends _Pad2d {
  readonly _mode: PadMode = "replicate";
  constructor(padding: Padding2d) {
    super("ReplicationPad2d", padding);
  }
}

/** PyTorch's `_pair` for the 1-D layers: an int becomes (p, p); a 2-sequence is (left, right). */
function pair(layer: string, p: unknown): [number, number] {
  if (typeof p === "number" && Number.isInteger(p)) return [p, p];
  if (Array.isArray(p) && p.length === 2 && p.every((v) => typeof v === "number" && Number.isInteger(v))) return [p[0], p[1]];
  throw new TypeError(`${layer}(): padding must be an int or a list of 2 ints (left, right), got ${Array.isArray(p) ? `[${p.join(", ")}]` : String(p)}`);
}

/** Shared by the 1-D padding layers: they pad the last dim of [N, C, W] or [C, W]. */
export abstract class _Pad1d extends Module {
  /** (left, right) */
  padding: [number, number];
  constructor(layer: string, padding: number | number[]) {
    super();
    this.padding = asPyTuple(pair(layer, padding));
  }
  abstract readonly _mode: PadMode;
  forward(input: Tensor): Tensor {
    return pad(input, this.padding, this._mode);
  }
  extra_repr(): string {
    return tup(this.padding);
  }
}

/**
 * Pads the last dim with its reflection (edge not repeated); each amount must be smaller than it.
 * @example new nn.ReflectionPad1d(2)(torch.arange(8).float().reshape(1, 2, 4)).shape   // [1, 2, 8]
 */
export class ReflectionPad1d extends _Pad1d {
  readonly _mode: PadMode = "reflect";
  constructor(padding: number | number[]) {
    super("ReflectionPad1d", padding);
  }
}

/**
 * Pads the last dim by repeating its edge values.
 * @example new nn.ReplicationPad1d([3, 1])
 */
export class ReplicationPad1d extends _Pad1d {
  readonly _mode: PadMode = "replicate";
  constructor(padding: number | number[]) {
    super("ReplicationPad1d", padding);
  }
}

/**
 * Pads the last dim with a constant.
 * @example new nn.ConstantPad1d([3, 1], 3.5)(torch.zeros(1, 2, 4)).shape   // [1, 2, 8]
 */
export class ConstantPad1d extends Module {
  padding: [number, number];
  value: number;
  constructor(padding: number | number[], value: number) {
    super();
    this.padding = asPyTuple(pair("ConstantPad1d", padding));
    if (typeof value !== "number") throw new TypeError(`ConstantPad1d(): value must be a number, got ${String(value)}`);
    this.value = value;
  }
  forward(input: Tensor): Tensor {
    return pad(input, this.padding, "constant", this.value);
  }
  extra_repr(): string {
    return `padding=${tup(this.padding)}, value=${this.value}`;
  }
}
