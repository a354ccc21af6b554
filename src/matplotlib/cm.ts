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

/** A colour map: 256 RGB entries as image pixels (`truncated`) and as SVG colours (`rounded`). */
export class Colormap {
  constructor(
    readonly name: string,
    readonly truncated: Uint8Array,
    readonly rounded: Uint8Array,
  ) {}

  /** Entry `i` (0..255) as '#rrggbb', as matplotlib writes it into SVG. */
  hex(i: number): string {
    return "#" + Array.from(this.rounded.subarray(i * 3, i * 3 + 3), (v) => v.toString(16).padStart(2, "0")).join("");
  }
  [IPYTHON_REPR](): string {
    return `<matplotlib.colors.Colormap object: '${this.name}'>`;
  }
}

const bytes = (hex: string): Uint8Array => Uint8Array.from({ length: 256 * 3 }, (_, k) => parseInt(hex.slice(k * 2, k * 2 + 2), 16));

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

/** `plt.get_cmap('gray')`, or the Colormap a `cmap=` option names (a Colormap passes through). */
export function get_cmap(name: string | Colormap | null | undefined = "viridis"): Colormap {
  if (name instanceof Colormap) return name;
  if (name === null || name === undefined) name = "viridis";
  const key = String(name);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let truncated: Uint8Array;
  let rounded: Uint8Array;
  if (key === "gray") [truncated, rounded] = [GRAY_TRUNCATED, GRAY_ROUNDED];
  else if (key === "viridis") [truncated, rounded] = [VIRIDIS, VIRIDIS_ROUNDED];
  // A listed map reversed is its table read backwards.
  else if (key === "viridis_r") [truncated, rounded] = [reversed(VIRIDIS), reversed(VIRIDIS_ROUNDED)];
  else if (key in TABLES) [truncated, rounded] = [bytes(TABLES[key].truncated), bytes(TABLES[key].rounded)];
  else if (MATPLOTLIB_CMAPS.includes(key)) {
    throw new ValueError(`'${key}' is a matplotlib colormap torchlab does not draw; torchlab draws ${CMAP_NAMES.flatMap((n) => [`'${n}'`, `'${n}_r'`]).join(", ")}`);
  } else {
    throw new ValueError(`'${key}' is not a valid value for cmap; supported values are ${MATPLOTLIB_CMAPS.map((n) => `'${n}'`).join(", ")}`);
  }
  const cmap = new Colormap(key, truncated, rounded);
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
