/**
 * torch.iinfo(dtype): the limits of an integer dtype, as PyTorch reports them. torchlab stores
 * torch.int64 in 32 bits (tfjs has no 64-bit integers; see README's dtype note, creating a value
 * outside int32's range is an error), so iinfo(torch.int64) reports the limits its values actually
 * have, int32's, as torch.finfo(torch.float64) reports float32's. The narrow dtypes are PyTorch's.
 * Used for sentinels and clamps: `x.clamp(0, torch.iinfo(torch.uint8).max)`.
 */
import { TypeError } from "../errors";
import { pyTypeName } from "../pyrepr";
import { dtype as DType, lookupDtype } from "./dtype";
import { g } from "./finfo";

const LIMITS: Record<string, [bits: number, min: number, max: number, dtype: string]> = {
  uint8: [8, 0, 255, "uint8"],
  int8: [8, -128, 127, "int8"],
  int16: [16, -32768, 32767, "int16"],
  int32: [32, -2147483648, 2147483647, "int32"],
  int64: [32, -2147483648, 2147483647, "int32"],
};

export class IInfo {
  /** Bits of the type. */
  readonly bits: number;
  /** The smallest value. */
  readonly min: number;
  /** The largest value. */
  readonly max: number;
  readonly dtype: string;

  constructor(type: DType | string) {
    const d = lookupDtype(type);
    if (d === undefined) throw new TypeError(`iinfo(): argument 'type' (position 1) must be torch.dtype, not ${pyTypeName(type)}`);
    // PyTorch 1.13's messages, which name the class where they mean the dtype.
    if (d.is_floating_point) throw new TypeError("torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'");
    const limits = LIMITS[d._name];
    if (limits === undefined) throw new TypeError(`${d} is not supported by torch.iinfo`);
    [this.bits, this.min, this.max, this.dtype] = limits;
  }

  toString(): string {
    return `iinfo(min=${g(this.min)}, max=${g(this.max)}, dtype=${this.dtype})`;
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/**
 * `torch.iinfo(torch.uint8)`: bits, min, max and dtype of an integer dtype.
 *
 * @example torch.iinfo(torch.int16).max  // 32767
 */
export function iinfo(type: DType | string): IInfo {
  return new IInfo(type);
}
