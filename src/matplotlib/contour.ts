/**
 * matplotlib's contourf / contour (QuadContourSet) over a grid: `contourf(xx, yy, Z, alpha=0.3,
 * cmap=...)`, the decision boundary of a classifier evaluated on `np.meshgrid`.
 *
 * Levels: an int N (7 by default) asks MaxNLocator(N + 1, min_n_ticks=1) for them over the data's range
 * with its own steps [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10], then those well outside are trimmed
 * (`_autolev`); a list is taken as given. Colours: each filled band's middle value (each line's level)
 * through the colour map normalised over the levels, or `colors` in turn; `extend` adds the bands below
 * the first and above the last level. A monochrome contour draws negative levels dashed.
 *
 * Geometry, as contourpy's: z linear along each grid cell's edges. A band's region in a cell is the cell
 * clipped to lower <= z <= upper along its boundary; cells wholly inside one band are joined along
 * their row into one strip, so a 250 x 250 decision grid stays a small SVG. Lines are the level's
 * crossings of the cell edges, joined cell to cell (a saddle cell split by its corners' mean, as
 * contourpy's mpl2014 does), so that dashes run along a whole line.
 */
import { TypeError, ValueError } from "../errors";
import { ipythonRepr, IPYTHON_REPR } from "../pyrepr";
import { ndarray } from "../tensor/ndarray";
import * as D from "../tensor/dtype";
import { warn } from "../warnings";
import { Colormap, get_cmap } from "./cm";
import { ListedColormap } from "./colors";
import { maxNLocator, MAXN_STEPS } from "./ticker";
import { dashArray, LineStyle, rcParams, toColor } from "./style";
import { asArray, shapeRepr } from "./values";

/** Options of `contourf` / `contour`. */
export interface ContourOptions {
  /** How many levels to aim for (MaxNLocator picks them), or the levels themselves, increasing. */
  levels?: number | number[] | unknown;
  /** A colour map name or Colormap (`rcParams['image.cmap']`, viridis, by default). */
  cmap?: string | Colormap;
  /** One colour for all, or colours taken in turn, instead of the colour map. */
  colors?: unknown;
  alpha?: number;
  /** The colour map's ends (default: the first and last level). */
  vmin?: number;
  vmax?: number;
  /** 'neither' (default), 'min', 'max' or 'both': bands below the first / above the last level too (contourf). */
  extend?: "neither" | "min" | "max" | "both";
  /** Line widths in points (contour): one, or one per level (`lines.linewidth`, 1.5, by default). */
  linewidths?: number | number[];
  /** Line styles (contour): one for all levels ('solid', 'dashed', '--', ...). */
  linestyles?: string;
}

/** How contourf and contour are called: Z, or X, Y, Z, each with optional levels, then keyword options. */
export interface ContourCall {
  (z: unknown, options?: ContourOptions): QuadContourSet;
  (z: unknown, levels: unknown, options?: ContourOptions): QuadContourSet;
  (x: unknown, y: unknown, z: unknown, options?: ContourOptions): QuadContourSet;
  (x: unknown, y: unknown, z: unknown, levels: unknown, options?: ContourOptions): QuadContourSet;
}

/** One filled band (or one level's lines) as drawn: polygons or polylines in data coordinates. */
export interface ContourPiece {
  color: string;
  /** Closed polygons (contourf) or open polylines (contour), each x0, y0, x1, y1, ... */
  paths: number[][];
  linewidth: number;
  linestyle: LineStyle;
}

const EXTENDS = ["neither", "min", "max", "both"];
const LINESTYLES: Record<string, LineStyle> = { solid: "-", "-": "-", dashed: "--", "--": "--", dashdot: "-.", "-.": "-.", dotted: ":", ":": ":" };

/** The grid: x and y of each node (row-major, rows along y), z, and its shape. */
interface Grid {
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  rows: number;
  cols: number;
}

/** contour's positional arguments: Z, or X, Y, Z, each optionally followed by levels. */
function gridOf(args: unknown[]): { grid: Grid; levelsArg: unknown } {
  if (args.length === 0 || args.length > 4) throw new TypeError(`contour() takes from 1 to 4 positional arguments but ${args.length} were given`);
  const [xArg, yArg, zArg, levelsArg] = args.length <= 2 ? [undefined, undefined, args[0], args[1]] : args;
  const z = asArray(zArg, "contour");
  if (z.shape.length !== 2) throw new TypeError(`Input z must be 2D, not ${z.shape.length}D`);
  const [rows, cols] = z.shape;
  if (rows < 2 || cols < 2) throw new TypeError(`Input z must be at least a (2, 2) shaped array, but has shape ${shapeRepr(z.shape)}`);
  const x = new Float64Array(rows * cols);
  const y = new Float64Array(rows * cols);
  if (xArg === undefined) {
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) [x[i * cols + j], y[i * cols + j]] = [j, i];
  } else {
    const xa = asArray(xArg, "contour");
    const ya = asArray(yArg, "contour");
    if (xa.shape.length !== ya.shape.length) throw new TypeError(`Number of dimensions of x (${xa.shape.length}) and y (${ya.shape.length}) do not match`);
    if (xa.shape.length === 1) {
      if (xa.shape[0] !== cols) throw new TypeError(`Length of x (${xa.shape[0]}) must match number of columns in z (${cols})`);
      if (ya.shape[0] !== rows) throw new TypeError(`Length of y (${ya.shape[0]}) must match number of rows in z (${rows})`);
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) [x[i * cols + j], y[i * cols + j]] = [xa.data[j], ya.data[i]];
    } else if (xa.shape.length === 2) {
      if (xa.shape.join() !== z.shape.join()) throw new TypeError(`Shapes of x ${shapeRepr(xa.shape)} and z ${shapeRepr(z.shape)} do not match`);
      if (ya.shape.join() !== z.shape.join()) throw new TypeError(`Shapes of y ${shapeRepr(ya.shape)} and z ${shapeRepr(z.shape)} do not match`);
      x.set(xa.data);
      y.set(ya.data);
    } else {
      throw new TypeError(`Inputs x and y must be 1D or 2D, not ${xa.shape.length}D`);
    }
  }
  return { grid: { x, y, z: z.data, rows, cols }, levelsArg };
}

/** `_autolev`: MaxNLocator's levels over [zmin, zmax], those beyond the first below and the first above trimmed. */
function autoLevels(n: number, zmin: number, zmax: number, extend: string): number[] {
  const lev = maxNLocator(zmin, zmax, n + 1, false, MAXN_STEPS, 1);
  const under = lev.map((v, i) => (v < zmin ? i : -1)).filter((i) => i >= 0);
  const over = lev.findIndex((v) => v > zmax);
  let i0 = under.length > 0 ? under[under.length - 1] : 0;
  let i1 = over >= 0 ? over + 1 : lev.length;
  if (extend === "min" || extend === "both") i0 += 1;
  if (extend === "max" || extend === "both") i1 -= 1;
  if (i1 - i0 < 3) [i0, i1] = [0, lev.length];
  return lev.slice(i0, i1);
}

/**
 * The set of filled bands or lines `contourf` / `contour` return (matplotlib's QuadContourSet): its
 * `levels`, `layers` (each band's middle, or the levels), the colour map and limits a colorbar shows.
 */
export class QuadContourSet {
  /** The levels (a NumPy array, as `cs.levels`). */
  readonly levels: ndarray;
  /** The value each band or line is coloured by (`cs.layers`). */
  readonly layers: ndarray;
  readonly cmap: Colormap;
  readonly alpha: number;
  readonly extend: string;
  /** The bands (contourf) or the levels' lines (contour), in order. */
  readonly pieces: ContourPiece[];
  /** The grid's extent, [xmin, xmax, ymin, ymax]: the data limits, and the edges margins stop at. */
  readonly extent: [number, number, number, number];
  /** What a colorbar shows: the map, the levels' ends, the bands' boundaries and colours. */
  readonly mappable: { cmap: Colormap; vmin: number; vmax: number; bands: { bounds: number[]; colors: string[]; alpha: number } };

  constructor(readonly filled: boolean, args: unknown[], options: ContourOptions) {
    const { grid, levelsArg } = gridOf(args);
    const extend = options.extend ?? "neither";
    if (!EXTENDS.includes(extend)) throw new ValueError(`'${String(extend)}' is not a valid value for extend; supported values are ${EXTENDS.map((e) => `'${e}'`).join(", ")}`);
    this.extend = extend;
    let [zmin, zmax] = [Infinity, -Infinity];
    for (const v of grid.z) {
      if (Number.isFinite(v)) [zmin, zmax] = [Math.min(zmin, v), Math.max(zmax, v)];
    }
    const given = options.levels ?? levelsArg ?? 7;
    let levels = typeof given === "number" ? autoLevels(given, zmin, zmax, extend) : Array.from(asArray(given, "contour levels").data);
    if (!filled && !levels.some((v) => v > zmin && v < zmax)) {
      warn("No contour levels were found within the data range.");
      levels = [zmin];
    }
    if (filled && levels.length < 2) throw new ValueError("Filled contours require at least 2 levels.");
    if (levels.length > 1 && levels.some((v, i) => i > 0 && v - levels[i - 1] <= 0)) throw new ValueError("Contour levels must be increasing");
    const [extMin, extMax] = [extend === "min" || extend === "both", extend === "max" || extend === "both"];
    // The bands' bounds: the levels, with -1e250 / 1e250 where extended (matplotlib's _levels).
    const bounds = [...(extMin ? [-1e250] : []), ...levels, ...(extMax ? [1e250] : [])];
    const layers = filled ? bounds.slice(0, -1).map((v, i) => 0.5 * (v + bounds[i + 1])) : levels;
    this.levels = new ndarray(Float64Array.from(levels), [levels.length], D.float64);
    this.layers = new ndarray(Float64Array.from(layers), [layers.length], D.float64);
    this.alpha = options.alpha ?? 1;
    const colorsGiven = options.colors !== undefined && options.colors !== null;
    const list = !colorsGiven ? [] : typeof options.colors === "string" || (Array.isArray(options.colors) && options.colors.every((v) => typeof v === "number")) ? [options.colors] : [...(options.colors as unknown[])];
    let colors: string[];
    if (colorsGiven) {
      // matplotlib's ListedColormap(colors, N=bands or levels) looked up by band index (NoNorm); a colour
      // each for the extended ends when as many are given, else the list's ends.
      const n = filled ? levels.length - 1 : levels.length;
      const ends = list.length === n + Number(extMin) + Number(extMax) && (extMin || extMax);
      const cmap = new ListedColormap(list.slice(ends && extMin ? 1 : 0), "from_list", n);
      const [under, over] = [ends && extMin ? toColor(list[0]) : cmap.colors[0], ends && extMax ? toColor(list[list.length - 1]) : cmap.colors[n - 1]];
      colors = layers.map((_, k) => {
        const i = k - Number(filled && extMin);
        return i < 0 ? under : i >= n ? over : cmap.colors[i];
      });
      this.cmap = cmap;
    } else {
      this.cmap = get_cmap(options.cmap ?? String(rcParams["image.cmap"]));
      const [vmin, vmax] = [options.vmin ?? Math.min(...levels), options.vmax ?? Math.max(...levels)];
      colors = layers.map((v) => this.cmap.hex(this.cmap.index(vmax === vmin ? 0 : (v - vmin) / (vmax - vmin))));
    }
    const vmin = options.vmin ?? Math.min(...levels);
    const vmax = options.vmax ?? Math.max(...levels);
    this.mappable = { cmap: this.cmap, vmin, vmax, bands: { bounds: levels, colors: colors.slice(Number(filled && extMin), filled ? Number(filled && extMin) + levels.length - 1 : undefined), alpha: this.alpha } };
    const ext = (a: Float64Array) => {
      let [lo, hi] = [Infinity, -Infinity];
      for (const v of a) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
      return [lo, hi];
    };
    this.extent = [...ext(grid.x), ...ext(grid.y)] as [number, number, number, number];
    if (filled) {
      const polys = bandPolygons(grid, bounds);
      this.pieces = colors.map((color, k) => ({ color, paths: polys[k], linewidth: 0, linestyle: "-" }));
    } else {
      const widths = options.linewidths ?? Number(rcParams["lines.linewidth"]);
      const style = options.linestyles === undefined ? null : LINESTYLES[options.linestyles];
      if (style === undefined) throw new ValueError(`'${String(options.linestyles)}' is not a valid value for linestyles; supported values are ${Object.keys(LINESTYLES).map((s) => `'${s}'`).join(", ")}`);
      // A monochrome contour (one colour) draws its negative levels `contour.negative_linestyle`, dashed.
      const monochrome = colorsGiven && list.length === 1;
      const eps = -(zmax - zmin) * 1e-15;
      this.pieces = levels.map((level, k) => ({
        color: colors[k],
        paths: levelLines(grid, level),
        linewidth: Array.isArray(widths) ? Number(widths[k % widths.length]) : Number(widths),
        linestyle: style ?? (monochrome && level < eps ? "--" : "-"),
      }));
    }
  }

  /** Paths as SVG: `px`, `py` map data to pixels. */
  toSvg(px: (x: number) => number, py: (y: number) => number, clip: string): string {
    const r = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : "0");
    const d = (path: number[], close: boolean) => {
      let s = "";
      for (let k = 0; k < path.length; k += 2) s += `${k === 0 ? "M" : "L"}${r(px(path[k]))},${r(py(path[k + 1]))}`;
      return close ? s + "Z" : s;
    };
    const opacity = this.alpha < 1 ? ` ${this.filled ? "fill" : "stroke"}-opacity="${this.alpha}"` : "";
    const out: string[] = [`<g class="${this.filled ? "contourf" : "contour"}" clip-path="url(#${clip})">`];
    // Neighbouring bands of one colour (a two-colour ListedColormap's) are one path: no antialiased seam between them.
    const pieces = this.filled ? this.pieces.reduce<ContourPiece[]>((acc, p) => {
      const last = acc[acc.length - 1];
      if (last !== undefined && last.color === p.color) acc[acc.length - 1] = { ...last, paths: [...last.paths, ...p.paths] };
      else acc.push(p);
      return acc;
    }, []) : this.pieces;
    for (const p of pieces) {
      if (p.paths.length === 0) continue;
      const path = p.paths.map((q) => d(q, this.filled)).join("");
      if (this.filled) out.push(`<path class="band" d="${path}" fill="${p.color}"${opacity}/>`);
      else {
        const width = (p.linewidth * 100) / 72;
        const dash = dashArray(p.linestyle, width);
        out.push(`<path class="level" d="${path}" fill="none" stroke="${p.color}" stroke-width="${r(width)}"${opacity}${dash ? ` stroke-dasharray="${dash}"` : ""}/>`);
      }
    }
    out.push(`</g>`);
    return out.join("\n");
  }

  [IPYTHON_REPR](): string {
    return ipythonRepr(this, "matplotlib.contour.QuadContourSet");
  }
}

/** A polygon's corner: position and value. */
type Pt = [number, number, number];

/**
 * The part of a polygon where z > level (keep 'above'; z >= level where `inclusive`) or z <= level, z
 * linear along its edges (one Sutherland-Hodgman step). A band holds lower < z <= upper, as contourpy's,
 * the first band its lower level too. A saddle cell (corners alternately kept) keeps its kept corners
 * joined through the middle only when the corners' mean is kept too; else it is one triangle per corner.
 */
function clipAt(poly: Pt[], level: number, above: boolean, inclusive = false): Pt[][] {
  const inside = (p: Pt) => (above ? p[2] > level || (inclusive && p[2] === level) : p[2] <= level);
  const cross = (a: Pt, b: Pt): Pt => {
    const t = (level - a[2]) / (b[2] - a[2]);
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), level];
  };
  const kept = poly.map(inside);
  if (poly.length === 4 && kept[0] === kept[2] && kept[1] === kept[3] && kept[0] !== kept[1]) {
    const mean: Pt = [0, 0, (poly[0][2] + poly[1][2] + poly[2][2] + poly[3][2]) / 4];
    if (!inside(mean)) {
      return [0, 1, 2, 3].filter((i) => kept[i]).map((i) => [cross(poly[(i + 3) % 4], poly[i]), poly[i], cross(poly[i], poly[(i + 1) % 4])]);
    }
  }
  const out: Pt[] = [];
  for (let k = 0; k < poly.length; k++) {
    const [a, b] = [poly[k], poly[(k + 1) % poly.length]];
    if (kept[k]) out.push(a);
    if (kept[k] !== kept[(k + 1) % poly.length]) out.push(cross(a, b));
  }
  return out.length >= 3 ? [out] : [];
}

/** Each band's polygons (bands between consecutive `bounds`), cell by cell, full cells joined along rows. */
function bandPolygons(g: Grid, bounds: number[]): number[][][] {
  const nb = bounds.length - 1;
  const polys: number[][][] = Array.from({ length: nb }, () => []);
  // The band each node lies in (-1 below the first bound, nb above the last; NaN: -2).
  const band = new Int32Array(g.z.length);
  g.z.forEach((v, k) => {
    if (Number.isNaN(v)) band[k] = -2;
    else if (v < bounds[0]) band[k] = -1;
    else if (v > bounds[nb]) band[k] = nb;
    else {
      let [lo, hi] = [0, nb - 1];
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (bounds[mid] <= v) lo = mid;
        else hi = mid - 1;
      }
      band[k] = lo;
    }
  });
  const { cols } = g;
  const node = (i: number, j: number): Pt => [g.x[i * cols + j], g.y[i * cols + j], g.z[i * cols + j]];
  // A run of whole cells of one band from column j0 to j1 (exclusive) of row i: the strip between its two rows of nodes.
  const strip = (i: number, j0: number, j1: number, k: number) => {
    const path: number[] = [];
    for (let j = j0; j <= j1; j++) if (j === j0 || j === j1 || !straight(g, i, j)) path.push(g.x[i * cols + j], g.y[i * cols + j]);
    for (let j = j1; j >= j0; j--) if (j === j0 || j === j1 || !straight(g, i + 1, j)) path.push(g.x[(i + 1) * cols + j], g.y[(i + 1) * cols + j]);
    polys[k].push(path);
  };
  for (let i = 0; i + 1 < g.rows; i++) {
    let run = -1;
    let runBand = -1;
    for (let j = 0; j + 1 < cols; j++) {
      const ks = [band[i * cols + j], band[i * cols + j + 1], band[(i + 1) * cols + j + 1], band[(i + 1) * cols + j]];
      const whole = ks[0] >= 0 && ks[0] < nb && ks.every((k) => k === ks[0]) ? ks[0] : -1;
      if (run >= 0 && whole !== runBand) {
        strip(i, run, j, runBand);
        run = -1;
      }
      if (whole >= 0) {
        if (run < 0) [run, runBand] = [j, whole];
        continue;
      }
      if (ks.includes(-2)) continue;
      const cell = [node(i, j), node(i, j + 1), node(i + 1, j + 1), node(i + 1, j)];
      for (let k = Math.max(0, Math.min(...ks)); k <= Math.min(nb - 1, Math.max(...ks)); k++) {
        for (const piece of clipAt(cell, bounds[k], true, k === 0)) {
          for (const part of clipAt(piece, bounds[k + 1], false)) polys[k].push(part.flatMap((p) => [p[0], p[1]]));
        }
      }
    }
    if (run >= 0) strip(i, run, cols - 1, runBand);
  }
  return polys;
}

/** Whether node (i, j) lies on the straight line between its row neighbours (a strip can leave it out). */
function straight(g: Grid, i: number, j: number): boolean {
  const k = i * g.cols + j;
  if (j === 0 || j === g.cols - 1) return false;
  const [ax, ay, bx, by, cx, cy] = [g.x[k - 1], g.y[k - 1], g.x[k], g.y[k], g.x[k + 1], g.y[k + 1]];
  return Math.abs((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) <= 1e-12 * (Math.abs(cx - ax) + Math.abs(cy - ay)) ** 2;
}

/**
 * A level's lines: marching squares' segments per cell (a saddle's pairs chosen by the mean of its
 * corners), joined into polylines through the cell edges they share.
 */
function levelLines(g: Grid, level: number): number[][] {
  const { rows, cols } = g;
  // Edge ids: horizontal edge (i, j)-(i, j+1) is 2 * (i * cols + j), vertical (i, j)-(i+1, j) is 2 * (i * cols + j) + 1.
  const point = new Map<number, [number, number]>();
  const cross = (a: number, b: number, id: number): number => {
    const [za, zb] = [g.z[a], g.z[b]];
    if (!((za >= level) !== (zb >= level))) return -1;
    if (!point.has(id)) {
      const t = (level - za) / (zb - za);
      point.set(id, [g.x[a] + t * (g.x[b] - g.x[a]), g.y[a] + t * (g.y[b] - g.y[a])]);
    }
    return id;
  };
  const links = new Map<number, number[]>();
  const link = (a: number, b: number) => {
    for (const [p, q] of [[a, b], [b, a]]) {
      const l = links.get(p);
      if (l === undefined) links.set(p, [q]);
      else l.push(q);
    }
  };
  for (let i = 0; i + 1 < rows; i++) {
    for (let j = 0; j + 1 < cols; j++) {
      const [n0, n1, n2, n3] = [i * cols + j, i * cols + j + 1, (i + 1) * cols + j + 1, (i + 1) * cols + j];
      if ([n0, n1, n2, n3].some((n) => Number.isNaN(g.z[n]))) continue;
      // Crossings in order round the cell: bottom, right, top, left.
      const e = [cross(n0, n1, 2 * n0), cross(n1, n2, 2 * n1 + 1), cross(n3, n2, 2 * n3), cross(n0, n3, 2 * n0 + 1)];
      const hits = e.filter((v) => v >= 0);
      if (hits.length === 2) link(hits[0], hits[1]);
      else if (hits.length === 4) {
        // A saddle: the corners at or above the level are joined through the middle when the mean is too.
        const joined = (g.z[n0] + g.z[n1] + g.z[n2] + g.z[n3]) / 4 >= level;
        if (joined === g.z[n0] >= level) {
          link(e[0], e[1]);
          link(e[2], e[3]);
        } else {
          link(e[0], e[3]);
          link(e[1], e[2]);
        }
      }
    }
  }
  const lines: number[][] = [];
  const seen = new Set<number>();
  const walk = (start: number) => {
    const path: number[] = [];
    let [prev, cur] = [-1, start];
    while (cur >= 0 && !seen.has(cur)) {
      seen.add(cur);
      path.push(...point.get(cur)!);
      const next = (links.get(cur) ?? []).find((n) => n !== prev && !seen.has(n));
      [prev, cur] = [cur, next ?? -1];
    }
    // A closed loop comes back to its start.
    if ((links.get(start) ?? []).length === 2 && (links.get(prev) ?? []).includes(start) && path.length > 4) path.push(path[0], path[1]);
    return path;
  };
  // Open lines start at an end (an edge crossing with one neighbour: on the grid's border); loops anywhere.
  for (const [id, l] of links) if (l.length === 1 && !seen.has(id)) lines.push(walk(id));
  for (const id of links.keys()) if (!seen.has(id)) lines.push(walk(id));
  return lines;
}
