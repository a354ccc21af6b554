/** Flatten and Unflatten: reshape layers for moving between conv feature maps and linear layers. */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { Module } from "./module";
import { TypeError } from "../../errors";

/**
 * Flattens dims start_dim..end_dim into one.
 *
 * Args:
 *   start_dim: first dim to flatten. Default: 1 (keeps the batch dim).
 *   end_dim: last dim to flatten. Default: -1.
 *
 * Shape: [N, *dims] -> [N, prod(dims)] with the defaults.
 *
 * @example
 * new nn.Flatten()(torch.rand(32, 1, 5, 5)).shape  // [32, 25]
 */
export class Flatten extends Module {
  start_dim: number;
  end_dim: number;
  constructor(start_dim?: number | { start_dim?: number; end_dim?: number }, end_dim?: number) {
    super();
    const o = parseArgs("Flatten", [start_dim, end_dim], ["start_dim", "end_dim"]);
    this.start_dim = (o.start_dim as number | undefined) ?? 1;
    this.end_dim = (o.end_dim as number | undefined) ?? -1;
  }
  forward(input: Tensor): Tensor {
    return input.flatten(this.start_dim, this.end_dim);
  }
  extra_repr(): string {
    return `start_dim=${this.start_dim}, end_dim=${this.end_dim}`;
  }
}

/**
 * Expands dim `dim` into `unflattened_size` (one entry may be -1).
 *
 * Shape: [*, d, *] -> [*, u1, u2, ..., *] with prod(u) = d.
 *
 * @example
 * new nn.Unflatten(1, [2, 5, 5])(torch.rand(4, 50)).shape  // [4, 2, 5, 5]
 */
export class Unflatten extends Module {
  dim: number;
  unflattened_size: number[];
  constructor(dim: number | { dim: number; unflattened_size: number[] }, unflattened_size?: number[]) {
    super();
    const o = parseArgs("Unflatten", [dim, unflattened_size], ["dim", "unflattened_size"]);
    if (typeof o.dim !== "number" || !Number.isInteger(o.dim)) throw new TypeError("invalid argument type for dim parameter");
    const sizes = o.unflattened_size;
    if (!Array.isArray(sizes)) throw new TypeError(`unflattened_size must be a tuple of ints, but found type ${sizes === null ? "null" : typeof sizes}`);
    sizes.forEach((s, i) => {
      if (typeof s !== "number" || !Number.isInteger(s)) throw new TypeError(`unflattened_size must be tuple of ints, but found element of type ${typeof s} at pos ${i}`);
    });
    this.dim = o.dim;
    this.unflattened_size = sizes.slice() as number[];
  }
  forward(input: Tensor): Tensor {
    return input.unflatten(this.dim, this.unflattened_size);
  }
  extra_repr(): string {
    const s = this.unflattened_size;
    return `dim=${this.dim}, unflattened_size=(${s.join(", ")}${s.length === 1 ? "," : ""})`;
  }
}
