/**
 * matplotlib's colour maps by name (`cmap='gray'`, `cmap=plt.cm.binary`, `'Greys_r'`): exact 256-entry
 * tables of gray, viridis (viridis.ts) and the maps tutorials name (colormaps.ts, written from
 * matplotlib 3.6 by test/reference/gen_colormaps.py), each also reversed (`_r`). A name matplotlib
 * does not know is its ValueError, listing every name it registers.
 */
import { ValueError } from "../errors";
import { IPYTHON_REPR } from "../pyrepr";
import { MATPLOTLIB_CMAPS, TABLES } from "./colormaps";
import { VIRIDIS, VIRIDIS_ROUNDED } from "./viridis";

/**
 * A colour map: N RGB entries (256, or a listed map's colours) as image pixels (`truncated`) and as
 * SVG colours (`rounded`). A value in [0, 1] takes entry floor(value * N), 1 the last; values below
 * and above take the first and last (matplotlib's default under and over colours).
 */
export class Colormap {
  constructor(
    readonly name: string,
    readonly truncated: Uint8Array,
    readonly rounded: Uint8Array,
    /** A ListedColormap: resampling reads its table; a segmented map is sampled between its entries. */
    readonly listed = false,
  ) {}

  /** `cmap.N`: how many entries the map has. */
  get N(): number {
    return this.truncated.length / 3;
  }

  /** The entry a normalised value takes, as matplotlib's Colormap.__call__ picks it (NaN takes the first). */
  index(x: number): number {
    const v = x * this.N;
    if (!(v >= 0)) return 0;
    return v >= this.N ? this.N - 1 : Math.trunc(v);
  }

  /** Entry `i` as '#rrggbb', as matplotlib writes it into SVG. */
  hex(i: number): string {
    return "#" + Array.from(this.rounded.subarray(i * 3, i * 3 + 3), (v) => v.toString(16).padStart(2, "0")).join("");
  }

  /**
   * `cmap.resampled(lut)` (what `plt.get_cmap(name, lut)` gives): `lut` entries at linspace(0, 1, lut).
   * A listed map's are its own entries there; a segmented map's are read off its 256 samples of the
   * segments, linearly between the two nearest.
   */
  resampled(lut: number): Colormap {
    if (!Number.isInteger(lut) || lut < 1) throw new ValueError(`lut must be a positive integer, not ${lut}`);
    const step = lut > 1 ? 1 / (lut - 1) : 0;
    // numpy's linspace(0, 1, lut): k * step, the last exactly 1.
    const at = (k: number) => (k === lut - 1 ? 1 : k * step);
    const truncated = new Uint8Array(lut * 3);
    const rounded = new Uint8Array(lut * 3);
    for (let k = 0; k < lut; k++) {
      const x = at(k);
      for (let c = 0; c < 3; c++) {
        let v: number;
        if (this.listed) {
          const i = this.index(x);
          [truncated[k * 3 + c], rounded[k * 3 + c]] = [this.truncated[i * 3 + c], this.rounded[i * 3 + c]];
          continue;
        }
        const pos = x * (this.N - 1);
        const [i, j] = [Math.floor(pos), Math.ceil(pos)];
        // An entry's float * 255 lies in [T, T + 1) (its truncated byte) and [R - 0.5, R + 0.5) (its rounded
        // one): the middle of both, interpolated between the two nearest entries. At an entry it is that entry;
        // between two, a segment's corner (RdYlBu's middle) can leave a byte one off matplotlib's.
        const mid = (e: number) => (Math.max(this.truncated[e * 3 + c], this.rounded[e * 3 + c] - 0.5) + Math.min(this.truncated[e * 3 + c] + 1, this.rounded[e * 3 + c] + 0.5)) / 2;
        v = mid(i) + (mid(j) - mid(i)) * (pos - i);
        [truncated[k * 3 + c], rounded[k * 3 + c]] = i === j ? [this.truncated[i * 3 + c], this.rounded[i * 3 + c]] : [Math.trunc(v), Math.round(v)];
      }
    }
    return new Colormap(this.name, truncated, rounded, true);
  }

  [IPYTHON_REPR](): string {
    return `<matplotlib.colors.${this.listed ? "ListedColormap" : "LinearSegmentedColormap"} object: '${this.name}'>`;
  }
}

const bytes = (hex: string): Uint8Array => Uint8Array.from({ length: hex.length / 2 }, (_, k) => parseInt(hex.slice(k * 2, k * 2 + 2), 16));

/**
 * matplotlib's "gray" table as bytes: entry i is 255 * linspace(0, 1, 256)[i] / 255 truncated, whose
 * float rounding makes some entries one less than i (61 gives 60), exactly as matplotlib draws them.
 */
const GRAY_TRUNCATED = Uint8Array.from({ length: 256 * 3 }, (_, k) => {
  const i = Math.floor(k / 3);
  const x = i === 255 ? 255 : 255 * (i * (1 / 255));
  return Math.trunc((x / 255) * 255);
});
const GRAY_ROUNDED = Uint8Array.from({ length: 256 * 3 }, (_, k) => Math.floor(k / 3));

function reversed(table: Uint8Array): Uint8Array {
  const out = new Uint8Array(table.length);
  for (let i = 0; i < 256; i++) out.set(table.subarray((255 - i) * 3, (255 - i) * 3 + 3), i * 3);
  return out;
}

const cache = new Map<string, Colormap>();

/** The names torchlab draws (each also with `_r`). */
export const CMAP_NAMES = ["gray", "viridis", ...Object.keys(TABLES).filter((n) => !n.endsWith("_r"))];

/**
 * `plt.get_cmap('gray')`, or the Colormap a `cmap=` option names (a Colormap passes through);
 * `plt.get_cmap('viridis', 5)` resampled to `lut` entries.
 */
export function get_cmap(name: string | Colormap | null | undefined = "viridis", lut?: number | null): Colormap {
  if (lut !== undefined && lut !== null) return get_cmap(name).resampled(lut);
  if (name instanceof Colormap) return name;
  if (name === null || name === undefined) name = "viridis";
  const key = String(name);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let truncated: Uint8Array;
  let rounded: Uint8Array;
  let listed = key === "viridis" || key === "viridis_r";
  if (key === "gray") [truncated, rounded] = [GRAY_TRUNCATED, GRAY_ROUNDED];
  else if (key === "viridis") [truncated, rounded] = [VIRIDIS, VIRIDIS_ROUNDED];
  // A listed map reversed is its table read backwards.
  else if (key === "viridis_r") [truncated, rounded] = [reversed(VIRIDIS), reversed(VIRIDIS_ROUNDED)];
  else if (key in TABLES) [truncated, rounded, listed] = [bytes(TABLES[key].truncated), bytes(TABLES[key].rounded), TABLES[key].listed === true];
  else if (MATPLOTLIB_CMAPS.includes(key)) {
    throw new ValueError(`'${key}' is a matplotlib colormap torchlab does not draw; torchlab draws ${CMAP_NAMES.flatMap((n) => [`'${n}'`, `'${n}_r'`]).join(", ")}`);
  } else {
    throw new ValueError(`'${key}' is not a valid value for cmap; supported values are ${MATPLOTLIB_CMAPS.map((n) => `'${n}'`).join(", ")}`);
  }
  const cmap = new Colormap(key, truncated, rounded, listed);
  cache.set(key, cmap);
  return cmap;
}

/** `plt.cm.gray`, `plt.cm.binary`, `plt.cm.viridis_r`: the maps by attribute, as matplotlib.cm has them. */
export const cm: Record<string, Colormap> = new Proxy({} as Record<string, Colormap>, {
  get: (_target, prop) => (typeof prop === "string" ? get_cmap(prop) : undefined),
  has: (_target, prop) => typeof prop === "string" && CMAP_NAMES.some((n) => prop === n || prop === `${n}_r`),
  ownKeys: () => CMAP_NAMES.flatMap((n) => [n, `${n}_r`]),
  getOwnPropertyDescriptor: (_target, prop) => (typeof prop === "string" ? { configurable: true, enumerable: true, value: get_cmap(prop) } : undefined),
});
