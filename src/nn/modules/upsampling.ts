/** Upsampling layers: Upsample, UpsamplingNearest2d, UpsamplingBilinear2d (wrappers of F.interpolate). */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { Module, _float_repr } from "./module";
import { interpolate, InterpolateMode } from "../../ops/interpolate";

type Size = number | number[] | null;
type Scale = number | number[] | null;

export interface UpsampleOptions {
  size?: Size;
  scale_factor?: Scale;
  mode?: InterpolateMode;
  align_corners?: boolean | null;
  recompute_scale_factor?: boolean | null;
}

function sizeRepr(v: number | number[]): string {
  return Array.isArray(v) ? `(${v.join(", ")}${v.length === 1 ? "," : ""})` : String(v);
}
function scaleRepr(v: number | number[]): string {
  return Array.isArray(v) ? `(${v.map(_float_repr).join(", ")}${v.length === 1 ? "," : ""})` : _float_repr(v);
}

/**
 * Upsamples [N, C, W], [N, C, H, W] or [N, C, D, H, W] input to `size` or by `scale_factor`.
 *
 * Args:
 *   size: output spatial size.  scale_factor: multiplier for the spatial size (stored as a float).
 *   mode: 'nearest' (default), 'nearest-exact', 'linear', 'bilinear', 'bicubic', 'trilinear'.
 *   align_corners: for the linear modes; PyTorch's default false.
 *   recompute_scale_factor: compute the coordinate scale from the output size instead.
 *
 * @example
 * new nn.Upsample({scale_factor: 2, mode: 'nearest'})(torch.rand(1, 1, 2, 2)).shape   // [1, 1, 4, 4]
 */
export class Upsample extends Module {
  name: string;
  size: Size;
  scale_factor: Scale;
  mode: InterpolateMode;
  align_corners: boolean | null;
  recompute_scale_factor: boolean | null;

  constructor(
    size?: Size | UpsampleOptions,
    scale_factor?: Scale | UpsampleOptions,
    mode?: InterpolateMode | UpsampleOptions,
    align_corners?: boolean | null | UpsampleOptions,
    recompute_scale_factor?: boolean | null | UpsampleOptions,
  ) {
    super();
    const raw: unknown[] = [size, scale_factor, mode, align_corners, recompute_scale_factor];
    while (raw.length && raw[raw.length - 1] === undefined) raw.pop();
    const a = parseArgs(new.target.name, raw, ["size", "scale_factor", "mode", "align_corners", "recompute_scale_factor"]);
    this.name = new.target.name;
    const s = a.size as Size | undefined;
    this.size = s === undefined || s === null ? null : Array.isArray(s) ? s.slice() : s;
    const f = a.scale_factor as Scale | undefined;
    // PyTorch keeps `float(scale_factor) if scale_factor else None`, so 0 means "not given".
    this.scale_factor = f === undefined || f === null || f === 0 ? null : Array.isArray(f) ? f.slice() : f;
    this.mode = (a.mode as InterpolateMode | undefined) ?? "nearest";
    this.align_corners = (a.align_corners as boolean | null | undefined) ?? null;
    this.recompute_scale_factor = (a.recompute_scale_factor as boolean | null | undefined) ?? null;
  }

  forward(input: Tensor): Tensor {
    return interpolate(input, {
      size: this.size, scale_factor: this.scale_factor, mode: this.mode, align_corners: this.align_corners, recompute_scale_factor: this.recompute_scale_factor,
    });
  }

  extra_repr(): string {
    const info = this.scale_factor !== null ? `scale_factor=${scaleRepr(this.scale_factor)}` : `size=${this.size === null ? "None" : sizeRepr(this.size)}`;
    return `${info}, mode=${this.mode}`;
  }
}

/**
 * Nearest-neighbour 2-D upsampling (PyTorch's legacy floor rule).
 * @example new nn.UpsamplingNearest2d({scale_factor: 2})
 */
export class UpsamplingNearest2d extends Upsample {
  constructor(size?: Size | { size?: Size; scale_factor?: Scale }, scale_factor?: Scale | { scale_factor?: Scale }) {
    const raw: unknown[] = [size, scale_factor];
    while (raw.length && raw[raw.length - 1] === undefined) raw.pop();
    const a = parseArgs("UpsamplingNearest2d", raw, ["size", "scale_factor"]);
    super({ size: a.size as Size, scale_factor: a.scale_factor as Scale, mode: "nearest" });
  }
}

/**
 * Bilinear 2-D upsampling with align_corners=True, as PyTorch's UpsamplingBilinear2d.
 * @example new nn.UpsamplingBilinear2d({size: [4, 5]})
 */
export class UpsamplingBilinear2d extends Upsample {
  constructor(size?: Size | { size?: Size; scale_factor?: Scale }, scale_factor?: Scale | { scale_factor?: Scale }) {
    const raw: unknown[] = [size, scale_factor];
    while (raw.length && raw[raw.length - 1] === undefined) raw.pop();
    const a = parseArgs("UpsamplingBilinear2d", raw, ["size", "scale_factor"]);
    super({ size: a.size as Size, scale_factor: a.scale_factor as Scale, mode: "bilinear", align_corners: true });
  }
}
