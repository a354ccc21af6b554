/**
 * matplotlib.colors as a notebook uses it: `ListedColormap(['#FF0000', '#0000FF'])`, the colour map of
 * a decision-boundary plot (`cmap=` of scatter, contourf and imshow), and `to_hex`.
 *
 * @example
 * const cmap_light = new matplotlib.colors.ListedColormap(['#FFAAAA', '#AAAAFF']);
 * plt.contourf(xx, yy, Z, cmap=cmap_light);
 */
import { ValueError } from "../errors";
import { Colormap } from "./cm";
import { toColor } from "./style";

/** A colour as matplotlib's floats in [0, 1]: an RGB(A) list as given, else its hex colour's bytes / 255. */
function rgbFloats(spec: unknown): [number, number, number] {
  if (Array.isArray(spec) && (spec.length === 3 || spec.length === 4) && spec.every((v) => typeof v === "number")) {
    if (!spec.every((v) => v >= 0 && v <= 1)) throw new ValueError("RGBA values should be within 0-1 range");
    return [spec[0], spec[1], spec[2]];
  }
  const hex = toColor(spec);
  return [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16) / 255) as [number, number, number];
}

/**
 * `ListedColormap(colors, name='from_list', N=None)`: a colour map of the given colours, value v in
 * [0, 1] taking colour floor(v * N). With `N`, the colours are repeated (or cut) to N entries.
 */
export class ListedColormap extends Colormap {
  /** The colours, as '#rrggbb'. */
  readonly colors: string[];

  constructor(colors: unknown[] | string, name: string | { name?: string; N?: number } = "from_list", N?: number | null) {
    if (typeof name === "object") [name, N] = [name.name ?? "from_list", name.N ?? N];
    const given = typeof colors === "string" ? [colors] : [...colors];
    const n = N ?? given.length;
    if (given.length === 0 || n < 1) throw new ValueError("A ListedColormap needs at least one colour");
    const floats = Array.from({ length: n }, (_, i) => rgbFloats(given[i % given.length]));
    // Image pixels truncate the floats to bytes; SVG colours round them, as to_hex does.
    super(name, Uint8Array.from(floats.flat(), (v) => Math.trunc(v * 255)), Uint8Array.from(floats.flat(), (v) => Math.round(v * 255)), true);
    this.colors = floats.map((_, i) => this.hex(i));
  }
}

/** `matplotlib.colors.to_hex(c)`: a colour spec as '#rrggbb'. */
export function to_hex(c: unknown): string {
  return toColor(c);
}
