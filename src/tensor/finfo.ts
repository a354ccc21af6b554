/**
 * torch.finfo(dtype): the machine limits of a floating point dtype, as PyTorch reports them for
 * float32. torchlab computes in float32: torch.float64's values are held in float32 (see README's dtype
 * note), so finfo(torch.float64) reports the limits those values actually have, float32's.
 * Tutorials use it for `eps` in normalisations: `(returns - returns.mean()) / (returns.std() + eps)`.
 */
import { TypeError } from "../errors";
import { dtype as DType, float32, lookupDtype } from "./dtype";

/** C's `%g`: 6 significant digits, scientific below 1e-4 and from 1e6 on, trailing zeros dropped. */
export function g(x: number): string {
  if (x === 0) return "0";
  const exp = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(6)))));
  if (exp < -4 || exp >= 6) {
    const [m, e] = x.toExponential(5).split("e");
    const mant = m.includes(".") ? m.replace(/0+$/, "").replace(/\.$/, "") : m;
    const n = Number(e);
    return `${mant}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
  }
  const s = x.toPrecision(6);
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

export class FInfo {
  /** Bits of the type. */
  readonly bits = 32;
  /** The difference between 1.0 and the next representable float. */
  readonly eps = 1.1920928955078125e-7;
  /** The largest finite value. */
  readonly max = 3.4028234663852886e38;
  /** The most negative finite value. */
  readonly min = -3.4028234663852886e38;
  /** The smallest positive normal value. */
  readonly tiny = 1.1754943508222875e-38;
  readonly smallest_normal = 1.1754943508222875e-38;
  /** 10^-(decimal digits the type resolves). */
  readonly resolution = 1e-6;
  readonly dtype = "float32";

  constructor(type: DType | string = float32) {
    const d = lookupDtype(type);
    if (d === undefined) throw new TypeError(`finfo(): argument 'type' must be torch.dtype, not ${typeof type === "string" ? "str" : typeof type}`);
    // PyTorch 1.13's message, which names the class where it means the dtype.
    if (!d.is_floating_point) throw new TypeError("torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'");
  }

  toString(): string {
    return `finfo(resolution=${g(this.resolution)}, min=${g(this.min)}, max=${g(this.max)}, eps=${g(this.eps)}, smallest_normal=${g(this.smallest_normal)}, tiny=${g(this.tiny)}, dtype=${this.dtype})`;
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** `torch.finfo(torch.float32)` (the default dtype when called with no argument). */
export function finfo(type: DType | string = float32): FInfo {
  return new FInfo(type);
}
