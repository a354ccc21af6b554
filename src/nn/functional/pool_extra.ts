/**
 * PyTorch's `F.lp_pool1d`, `F.lp_pool2d`, `F.max_unpool1d`, `F.max_unpool2d` and `F.conv_transpose1d`,
 * built from the ops PyTorch builds them from (an average pool of x^p; a scatter of the pooled values
 * into zeros; the 2-D transposed convolution on an image of height 1), so gradients come with them.
 */
import { Tensor } from "../../tensor/tensor";
import { parseArgs, trimArgs } from "../../tensor/args";
import { zeros } from "../../ops/creation";
import * as P from "../../ops/pool";
import * as C from "../../ops/conv";
import { RuntimeError, TypeError, ValueError } from "../../errors";

type IntOrPair = number | number[];

function tuple(op: string, name: string, v: unknown, n: number): number[] {
  if (typeof v === "number" && Number.isInteger(v)) return new Array<number>(n).fill(v);
  if (Array.isArray(v) && v.length === n && v.every((x) => Number.isInteger(x))) return v as number[];
  throw new TypeError(`${op}(): ${name} must be an int or a list of ${n} ints, got ${Array.isArray(v) ? `[${v.join(", ")}]` : String(v)}`);
}

const prod = (a: number[]): number => a.reduce((x, y) => x * y, 1);

/** [N, C, ...spatial] or [C, ...spatial]: the batched 4-D image and whether a batch dim was added. */
function batched(op: string, input: Tensor, spatial: 1 | 2): { x: Tensor; unbatched: boolean } {
  const d = input.dim();
  if (d !== spatial + 1 && d !== spatial + 2) {
    throw new RuntimeError(`${op}(): Expected ${spatial + 1}D or ${spatial + 2}D input, got ${d}D input of shape [${input.shape.join(", ")}]`);
  }
  let x = d === spatial + 1 ? input.unsqueeze(0) : input;
  if (spatial === 1) x = x.unsqueeze(2);
  return { x, unbatched: d === spatial + 1 };
}

function unbatch(y: Tensor, spatial: 1 | 2, unbatched: boolean): Tensor {
  const z = spatial === 1 ? y.squeeze(2) : y;
  return unbatched ? z.squeeze(0) : z;
}

type LPPoolOptions = { norm_type?: number; kernel_size?: IntOrPair; stride?: IntOrPair | null; ceil_mode?: boolean };

function lpPool(op: string, spatial: 1 | 2, input: Tensor, raw: unknown[]): Tensor {
  const o = parseArgs(op, trimArgs(raw), ["norm_type", "kernel_size", "stride", "ceil_mode"]);
  const p = o.norm_type as number;
  if (typeof p !== "number") throw new TypeError(`${op}() missing 1 required positional argument: 'norm_type'`);
  const k = tuple(op, "kernel_size", o.kernel_size, spatial);
  const s = o.stride === undefined || o.stride === null ? k : tuple(op, "stride", o.stride, spatial);
  const { x, unbatched } = batched(op, input, spatial);
  const k2 = spatial === 1 ? [1, k[0]] : k;
  const s2 = spatial === 1 ? [1, s[0]] : s;
  const avg = P.avg_pool2d(x.pow(p), k2 as [number, number], { stride: s2 as [number, number], padding: [0, 0], ceil_mode: (o.ceil_mode as boolean | undefined) ?? false, count_include_pad: true });
  // PyTorch: (sign(out) * relu(|out|)) * prod(kernel) then the 1/p-th power.
  const out = avg.sign().mul(avg.abs().relu()).mul(prod(k)).pow(1 / p);
  return unbatch(out, spatial, unbatched);
}

/**
 * 1-D power-average pooling: (sum over each window of x^p)^(1/p), PyTorch's
 * `F.lp_pool1d(input, norm_type, kernel_size, stride=None, ceil_mode=False)`.
 * @example F.lp_pool1d(torch.arange(10).float().view(1, 2, 5), 2, 2)   // [1, 2, 2]
 */
export function lp_pool1d(input: Tensor, norm_type: number | LPPoolOptions, kernel_size?: IntOrPair | LPPoolOptions, stride?: IntOrPair | null | LPPoolOptions, ceil_mode?: boolean | LPPoolOptions): Tensor {
  return lpPool("lp_pool1d", 1, input, [norm_type, kernel_size, stride, ceil_mode]);
}

/**
 * 2-D power-average pooling, PyTorch's `F.lp_pool2d(input, norm_type, kernel_size, stride=None, ceil_mode=False)`.
 * @example F.lp_pool2d(x, 2, 3, {stride: 2})
 */
export function lp_pool2d(input: Tensor, norm_type: number | LPPoolOptions, kernel_size?: IntOrPair | LPPoolOptions, stride?: IntOrPair | null | LPPoolOptions, ceil_mode?: boolean | LPPoolOptions): Tensor {
  return lpPool("lp_pool2d", 2, input, [norm_type, kernel_size, stride, ceil_mode]);
}

type MaxUnpoolOptions = { kernel_size?: IntOrPair; stride?: IntOrPair | null; padding?: IntOrPair; output_size?: number[] | null };

function maxUnpool(op: string, spatial: 1 | 2, input: Tensor, indices: Tensor, raw: unknown[]): Tensor {
  const o = parseArgs(op, trimArgs(raw), ["kernel_size", "stride", "padding", "output_size"]);
  const k = tuple(op, "kernel_size", o.kernel_size, spatial);
  const s = o.stride === undefined || o.stride === null ? k : tuple(op, "stride", o.stride, spatial);
  const pad = tuple(op, "padding", o.padding ?? 0, spatial);
  if (!(indices instanceof Tensor) || indices.dtype._tf !== "int32" || indices.dtype.itemsize !== 8) {
    throw new RuntimeError(`${op}(): expected 'indices' to be a tensor of dtype torch.int64, got ${indices instanceof Tensor ? indices.dtype : typeof indices}`);
  }
  if (indices.shape.join(",") !== input.shape.join(",")) {
    throw new RuntimeError(`${op}(): Expected shape of indices to be same as that of the input tensor ([${input.shape.join(", ")}]) but got indices tensor with shape: [${indices.shape.join(", ")}]`);
  }
  const inSpatial = input.shape.slice(-spatial);
  const def = inSpatial.map((n, i) => (n - 1) * s[i] - 2 * pad[i] + k[i]);
  let size = def;
  const given = o.output_size as number[] | null | undefined;
  if (given !== undefined && given !== null) {
    const g = Array.from(given);
    size = g.length === spatial + 2 || g.length === spatial + 1 ? g.slice(-spatial) : g;
    if (size.length !== spatial) throw new ValueError(`output_size should be a sequence containing ${spatial} or ${spatial + 2} elements, but it has a length of '${g.length}'`);
    size.forEach((v, i) => {
      const lo = def[i] - s[i];
      const hi = def[i] + s[i];
      if (!(v > lo && v < hi)) throw new ValueError(`invalid output_size "[${g.join(", ")}]" (dim ${i} must be between ${lo} and ${hi})`);
    });
  }
  const { x, unbatched } = batched(op, input, spatial);
  const idx = batched(op, indices, spatial).x;
  const [n, c] = x.shape;
  const plane = prod(size);
  const maxIndex = idx.numel() === 0 ? -1 : (idx.max().item() as number);
  if (maxIndex >= plane || (idx.numel() > 0 && (idx.min().item() as number) < 0)) {
    throw new RuntimeError(`${op}(): Found an invalid max index: ${maxIndex} (output volumes are of size ${size.join("x")})`);
  }
  const flat = zeros([n, c, plane]).scatter(2, idx.reshape([n, c, -1]), x.reshape([n, c, -1]));
  const out = flat.reshape([n, c, ...(spatial === 1 ? [1, size[0]] : size)]);
  return unbatch(out, spatial, unbatched);
}

/**
 * The partial inverse of max_pool1d: each value goes back to the position its index names, zeros
 * elsewhere. PyTorch's `F.max_unpool1d(input, indices, kernel_size, stride=None, padding=0, output_size=None)`.
 * @example
 * const [o, i] = F.max_pool1d(x, 2, {return_indices: true});
 * F.max_unpool1d(o, i, 2)
 */
export function max_unpool1d(input: Tensor, indices: Tensor, kernel_size: IntOrPair | MaxUnpoolOptions, stride?: IntOrPair | null | MaxUnpoolOptions, padding?: IntOrPair | MaxUnpoolOptions, output_size?: number[] | null | MaxUnpoolOptions): Tensor {
  return maxUnpool("max_unpool1d", 1, input, indices, [kernel_size, stride, padding, output_size]);
}

/** The partial inverse of max_pool2d, PyTorch's `F.max_unpool2d(input, indices, kernel_size, stride=None, padding=0, output_size=None)`. */
export function max_unpool2d(input: Tensor, indices: Tensor, kernel_size: IntOrPair | MaxUnpoolOptions, stride?: IntOrPair | null | MaxUnpoolOptions, padding?: IntOrPair | MaxUnpoolOptions, output_size?: number[] | null | MaxUnpoolOptions): Tensor {
  return maxUnpool("max_unpool2d", 2, input, indices, [kernel_size, stride, padding, output_size]);
}

type ConvTranspose1dOptions = { bias?: Tensor | null; stride?: IntOrPair; padding?: IntOrPair; output_padding?: IntOrPair; groups?: number; dilation?: IntOrPair };

/**
 * 1-D transposed convolution, PyTorch's
 * `F.conv_transpose1d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1)`.
 *
 * Shape: input [N, C_in, L] (or [C_in, L]), weight [C_in, C_out/groups, k];
 * L_out = (L - 1)*stride - 2*padding + dilation*(k - 1) + output_padding + 1.
 */
export function conv_transpose1d(
  input: Tensor,
  weight: Tensor,
  bias?: Tensor | null | ConvTranspose1dOptions,
  stride?: IntOrPair | ConvTranspose1dOptions,
  padding?: IntOrPair | ConvTranspose1dOptions,
  output_padding?: IntOrPair | ConvTranspose1dOptions,
  groups?: number | ConvTranspose1dOptions,
  dilation?: IntOrPair | ConvTranspose1dOptions,
): Tensor {
  const op = "conv_transpose1d";
  const o = parseArgs(op, trimArgs([bias, stride, padding, output_padding, groups, dilation]), ["bias", "stride", "padding", "output_padding", "groups", "dilation"]);
  if (!(weight instanceof Tensor) || weight.dim() !== 3) {
    throw new RuntimeError(`${op}(): expected a 3-D weight [in_channels, out_channels/groups, kernel], got ${weight instanceof Tensor ? `shape [${weight.shape.join(", ")}]` : String(weight)}`);
  }
  const one = (name: string, v: unknown, dflt: number): number => tuple(op, name, v ?? dflt, 1)[0];
  const { x, unbatched } = batched(op, input, 1);
  const y = C.conv_transpose2d(x, weight.unsqueeze(2), {
    bias: (o.bias as Tensor | null | undefined) ?? null,
    stride: [1, one("stride", o.stride, 1)],
    padding: [0, one("padding", o.padding, 0)],
    output_padding: [0, one("output_padding", o.output_padding, 0)],
    groups: (o.groups as number | undefined) ?? 1,
    dilation: [1, one("dilation", o.dilation, 1)],
  } as C.ConvTransposeOptions);
  return unbatch(y, 1, unbatched);
}
