/**
 * matplotlib.pyplot in the notebook dialect (`plt` in every notebook): the current figure and
 * Axes, and the functions that draw into them, as the inline backend runs them in Jupyter.
 * `plt.show()` displays every open figure (one output each: SVG plus matplotlib's repr) and closes
 * them; figures still open when a cell ends are displayed then, as the inline backend's
 * flush_figures does.
 *
 * @example
 * plt.figure(figsize=[10, 5]);
 * plt.plot(losses, label='train');
 * plt.xlabel('epoch');
 * plt.legend();
 * plt.show();
 *
 * const [fig, axes] = plt.subplots(2, 4, figsize=[8, 4]);
 * axes[i][j].imshow(img.permute(1, 2, 0));
 */
import { OSError, RuntimeError, TypeError, ValueError } from "../errors";
import { display, onCellEnd } from "../display/emitter";
import { ndarray } from "../tensor/ndarray";
import * as D from "../tensor/dtype";
import type { ContourCall, ContourOptions, QuadContourSet } from "./contour";
import type {
  AnnotateOptions, ArrowOptions, AxLineOptions, Axes, AxesImage, BarContainer, BarhOptions, BarOptions, ErrorbarContainer, ErrorbarOptions, FillBetweenOptions, HistOptions, ImshowOptions,
  FancyArrow, LegendOptions, Line2D, PathCollection, PieOptions, PlotOptions, PolyCollection, ScatterOptions, Text, TextOptions, Wedge,
} from "./axes";
import type { Colorbar, ColorbarOptions } from "./colorbar";
import type { Colormap } from "./cm";
import type { Figure, SubplotParams } from "./figure";
import type { LineStyle, Marker } from "./style";

export type {
  AnnotateOptions, ArrowOptions, ContourOptions, FancyArrow, QuadContourSet, AxLineOptions, Axes, AxesImage, BarContainer, BarhOptions, BarOptions, Colorbar, ColorbarOptions, Colormap, ErrorbarContainer, ErrorbarOptions, Figure,
  FillBetweenOptions, HistOptions, ImshowOptions, LegendOptions, Line2D, LineStyle, Marker, PathCollection, PieOptions, PlotOptions, PolyCollection, ScatterOptions,
  SubplotParams, Text, TextOptions, Wedge,
};

/**
 * The drawing code, required on the first call: every notebook has `plt`, and only some plot, so
 * the kernel's start does not pay for loading it.
 */
function lib(): typeof import("./figure") & typeof import("./axes") & typeof import("./values") {
  return { ...(require("./figure") as typeof import("./figure")), ...(require("./axes") as typeof import("./axes")), ...(require("./values") as typeof import("./values")) };
}

/** A list of Axes as `plt.subplots` returns them (numpy's object array): also `axes.flat` and `axes.flatten()`. */
export type AxesArray<T> = T[] & { readonly flat: Axes[]; flatten(): Axes[]; ravel(): Axes[] };

/** The open figures, by number, in the order they were made; the current one is `current`. */
const figures = new Map<number, Figure>();
let current: Figure | null = null;

/** Options of `figure`. */
export interface FigureOptions {
  /** Width and height in inches (default [6.4, 4.8]). */
  figsize?: [number, number] | number[];
  /** Pixels per inch of the figure's repr and saved PNG (default 100). */
  dpi?: number;
  num?: number;
}

/**
 * `plt.figure()`, `plt.figure(figsize=[10, 5])`, `plt.figure(2)`: a new figure (or figure `num`
 * again, when it is open), made current.
 */
export function figure(num?: number | FigureOptions | null, options: FigureOptions = {}): Figure {
  const opts = typeof num === "object" && num !== null ? { ...num, ...options } : { ...options, num: num ?? options.num };
  if (opts.num !== undefined && figures.has(opts.num)) {
    current = figures.get(opts.num)!;
    return current;
  }
  const number = opts.num ?? Math.max(0, ...figures.keys()) + 1;
  const size = opts.figsize;
  if (size !== undefined && (!Array.isArray(size) || size.length !== 2)) throw new ValueError(`figsize must be a pair (width, height) in inches, got ${String(size)}`);
  const fig = new (lib().Figure)(number, size === undefined ? undefined : [Number(size[0]), Number(size[1])], opts.dpi);
  figures.set(number, fig);
  current = fig;
  return fig;
}

/** The current figure, made if there is none. */
export function gcf(): Figure {
  return current ?? figure();
}

/** The current Axes of the current figure, made if there is none. */
export function gca(): Axes {
  const fig = gcf();
  const ax = currentAxes.get(fig) ?? fig.gca();
  currentAxes.set(fig, ax);
  return ax;
}

const currentAxes = new WeakMap<Figure, Axes>();

/**
 * `plt.subplot(2, 3, i + 1)` or `plt.subplot(231)`: the Axes in that slot of the current figure
 * (made the current Axes). An index outside the grid is matplotlib's ValueError.
 */
export function subplot(nrows: number, ncols?: number, index?: number): Axes {
  if (ncols === undefined && index === undefined) {
    if (!Number.isInteger(nrows) || nrows < 111 || nrows > 999) throw new ValueError(`Integer subplot specification must be a three-digit number, not ${nrows}`);
    [nrows, ncols, index] = [Math.floor(nrows / 100), Math.floor(nrows / 10) % 10, nrows % 10];
  }
  if (ncols === undefined || index === undefined) throw new TypeError("subplot() takes 1 or 3 positional arguments but 2 were given");
  const fig = gcf();
  const ax = fig.add_subplot(nrows, ncols, index);
  currentAxes.set(fig, ax);
  return ax;
}

/** Options of `subplots`. */
export interface SubplotsOptions extends FigureOptions {
  /** Return a single Axes, or a 1-d list, when a dimension is 1 (default true). */
  squeeze?: boolean;
  /** Share the x limits among all Axes (true / 'all'), each column's ('col') or each row's ('row'); inner tick labels are left off. */
  sharex?: boolean | "all" | "col" | "row" | "none";
  sharey?: boolean | "all" | "col" | "row" | "none";
}

function axesArray<T>(items: T[], all: Axes[]): AxesArray<T> {
  const arr = items as AxesArray<T>;
  Object.defineProperty(arr, "flat", { get: () => [...all], enumerable: false });
  Object.defineProperty(arr, "flatten", { value: () => [...all], enumerable: false });
  Object.defineProperty(arr, "ravel", { value: () => [...all], enumerable: false });
  return arr;
}

/**
 * `fig, axes = plt.subplots(2, 4, figsize=[8, 4])`: a new figure with a grid of Axes; `axes` is one
 * Axes for a 1 x 1 grid, a list for one row or column, else a list of rows (`axes[i][j]`).
 */
export function subplots(options?: SubplotsOptions): [Figure, Axes];
export function subplots(nrows: 1, ncols?: 1, options?: SubplotsOptions): [Figure, Axes];
export function subplots(nrows: 1, ncols: number, options?: SubplotsOptions): [Figure, AxesArray<Axes>];
export function subplots(nrows: number, ncols?: 1, options?: SubplotsOptions): [Figure, AxesArray<Axes>];
export function subplots(nrows: number, ncols: number, options?: SubplotsOptions): [Figure, AxesArray<AxesArray<Axes>>];
export function subplots(
  nrows: number | SubplotsOptions = 1,
  ncols: number | SubplotsOptions = 1,
  options: SubplotsOptions = {},
): [Figure, Axes | AxesArray<Axes> | AxesArray<AxesArray<Axes>>] {
  if (typeof nrows === "object") [options, nrows, ncols] = [nrows, 1, 1];
  if (typeof ncols === "object") [options, ncols] = [ncols, 1];
  const fig = figure(options);
  const grid: Axes[][] = [];
  for (let r = 0; r < nrows; r++) {
    grid.push([]);
    for (let c = 0; c < ncols; c++) grid[r].push(fig.add_subplot(nrows, ncols, r * ncols + c + 1));
  }
  const all = grid.flat();
  share(grid, "x", options.sharex ?? false);
  share(grid, "y", options.sharey ?? false);
  currentAxes.set(fig, all[all.length - 1]);
  if (options.squeeze === false) return [fig, axesArray(grid.map((row) => axesArray(row, row)), all)];
  if (nrows === 1 && ncols === 1) return [fig, all[0]];
  if (nrows === 1 || ncols === 1) return [fig, axesArray(all, all)];
  return [fig, axesArray(grid.map((row) => axesArray(row, row)), all)];
}

/** subplots' sharex / sharey: the Axes that share limits, and the tick labels label_outer leaves off. */
function share(grid: Axes[][], axis: "x" | "y", how: boolean | string): void {
  const mode = how === true ? "all" : how === false ? "none" : how;
  if (!["all", "row", "col", "none"].includes(mode)) throw new ValueError(`'${mode}' is not a valid value for share${axis}; supported values are 'all', 'row', 'col', 'none'`);
  if (mode === "none") return;
  const nrows = grid.length;
  grid.forEach((row, r) =>
    row.forEach((ax, c) => {
      ax.shared[axis] = mode === "all" ? grid.flat() : mode === "row" ? row : grid.map((rw) => rw[c]);
      // label_outer: x tick labels on the bottom row only (sharex 'all' / 'col'), y tick labels on the first column (sharey 'all' / 'row').
      if (axis === "x" && mode !== "row") ax.hideTickLabels.x = r < nrows - 1;
      if (axis === "y" && mode !== "col") ax.hideTickLabels.y = c > 0;
    }),
  );
}

/** `plt.subplots_adjust(wspace=0.4)`: the current figure's grid margins and gaps. */
export function subplots_adjust(params: Partial<SubplotParams> = {}): void {
  gcf().subplots_adjust(params);
}

/** `plt.tight_layout()`: margins fitted to the labels (see Figure.tight_layout). */
export function tight_layout(options: { pad?: number; w_pad?: number; h_pad?: number } = {}): void {
  gcf().tight_layout(options);
}

/** `plt.suptitle(text)`: a title over the whole figure. */
export function suptitle(text: string): void {
  gcf().suptitle(text);
}

/** `plt.plot(y)`, `plt.plot(x, y)`, `plt.plot(x, y, 'r--', label='train')`: lines in the current Axes. */
export function plot(y: unknown, options?: PlotOptions): Line2D[];
export function plot(y: unknown, fmt: string, options?: PlotOptions): Line2D[];
export function plot(x: unknown, y: unknown, options?: PlotOptions): Line2D[];
export function plot(x: unknown, y: unknown, fmt: string, options?: PlotOptions): Line2D[];
/** Python's `plt.plot(*zip(*points), '-o')`: the arguments spread from a list. */
export function plot(...args: unknown[]): Line2D[];
export function plot(...args: unknown[]): Line2D[] {
  return gca().plotArgs(args);
}

/** `plt.scatter(x, y, c=labels)`: points, coloured by value through viridis when `c` holds numbers. */
export function scatter(x: unknown, y: unknown, options: ScatterOptions = {}): PathCollection {
  return gca().scatter(x, y, options);
}

/** `plt.bar(x, height)`: bars (strings as x make categories). */
export function bar(x: unknown, height: unknown, options: BarOptions = {}): BarContainer {
  return gca().bar(x, height, options);
}

/** `plt.hist(w.flatten(), bins=50)`: a histogram; returns [counts, bin edges, bars]. */
export function hist(x: unknown, options: HistOptions | number = {}): [number[], number[], BarContainer] {
  return gca().hist(x, options);
}

/** `plt.imshow(img.permute(1, 2, 0))`, `plt.imshow(x.squeeze(), cmap='gray')`: an image (H x W, or H x W x 3 / 4). */
export function imshow(image: unknown, options: ImshowOptions = {}): AxesImage {
  return gca().imshow(image, options);
}

/** `plt.barh(y, width)`: horizontal bars (strings as y make categories). */
export function barh(y: unknown, width: unknown, options: BarhOptions = {}): BarContainer {
  return gca().barh(y, width, options);
}

/** `plt.fill_between(x, y1, y2, alpha=0.3)`: the area between two curves (y2 defaults to 0). */
export function fill_between(x: unknown, y1: unknown, options?: FillBetweenOptions): PolyCollection;
export function fill_between(x: unknown, y1: unknown, y2: unknown, options?: FillBetweenOptions): PolyCollection;
export function fill_between(x: unknown, y1: unknown, y2?: unknown, options: FillBetweenOptions = {}): PolyCollection {
  return gca().fill_between(x, y1, y2 ?? 0, options);
}

/** `plt.errorbar(x, y, yerr=std, fmt='o', capsize=3)`: points with error bars. */
export function errorbar(x: unknown, y: unknown, options: ErrorbarOptions = {}): ErrorbarContainer {
  return gca().errorbar(x, y, options);
}

/** `plt.axhline(0, color='k', linestyle='--')`: a horizontal line across the Axes. */
export function axhline(y = 0, options: AxLineOptions = {}): Line2D {
  return gca().axhline(y, options);
}
/** `plt.axvline(best_epoch, color='r')`: a vertical line across the Axes. */
export function axvline(x = 0, options: AxLineOptions = {}): Line2D {
  return gca().axvline(x, options);
}

/** `plt.text(x, y, 'label')`: text at a data position. */
export function text(x: number, y: number, s: unknown, options: TextOptions = {}): Text {
  return gca().text(x, y, s, options);
}
/** `plt.annotate('min', xy=[x, y], xytext=[x2, y2], arrowprops={arrowstyle: '->'})`: text with an arrow to a point. */
export function annotate(s: unknown, xy: [number, number] | number[], options?: AnnotateOptions): Text;
export function annotate(s: unknown, options: AnnotateOptions): Text;
export function annotate(s: unknown, xy: [number, number] | number[] | AnnotateOptions, options: AnnotateOptions = {}): Text {
  return lib().isOptions(xy) ? gca().annotate(s, xy as AnnotateOptions) : gca().annotate(s, xy as number[], options);
}

/** `plt.pie(sizes, labels=names, autopct='%1.1f%%')`: a pie chart. */
export function pie(x: unknown, options: PieOptions = {}): [Wedge[], Text[]] | [Wedge[], Text[], Text[]] {
  return gca().pie(x, options);
}

/**
 * `plt.contourf(xx, yy, Z, alpha=0.3, cmap=...)`: filled bands between levels over a grid, as a
 * classifier's decision boundary is drawn (levels: an int for MaxNLocator to choose, or a list).
 */
export const contourf: ContourCall = (...args: unknown[]) => gca().contourArgs(true, args);
/** `plt.contour(X, Y, Z, levels=[0.5], colors='k')`: the levels' lines. */
export const contour: ContourCall = (...args: unknown[]) => gca().contourArgs(false, args);
/** `plt.clabel(cs, fontsize=8)`: the levels' values written on their lines (see Axes.clabel). */
export function clabel(cs: QuadContourSet, options: { fontsize?: number; colors?: unknown; fmt?: string } = {}): Text[] {
  return gca().clabel(cs, options);
}

/** `plt.twinx()`: a second Axes sharing the current one's x axis, its y axis on the right; it becomes the current Axes. */
export function twinx(ax?: Axes): Axes {
  const twin = (ax ?? gca()).twinx();
  currentAxes.set(gcf(), twin);
  return twin;
}
/** `plt.twiny()`: a second Axes sharing the current one's y axis, its x axis on top. */
export function twiny(ax?: Axes): Axes {
  const twin = (ax ?? gca()).twiny();
  currentAxes.set(gcf(), twin);
  return twin;
}

/** `plt.arrow(x, y, dx, dy, head_width=0.05)`: an arrow (FancyArrow) in data coordinates. */
export function arrow(x: number, y: number, dx: number, dy: number, options: ArrowOptions = {}): FancyArrow {
  return gca().arrow(x, y, dx, dy, options);
}

/** `plt.xscale('log')`, `plt.yscale('log')`: log axes ('linear' back). */
export function xscale(value: "linear" | "log"): void {
  gca().set_xscale(value);
}
export function yscale(value: "linear" | "log"): void {
  gca().set_yscale(value);
}

/** `plt.semilogy(losses)`: plot with a log y axis. */
export function semilogy(y: unknown, options?: PlotOptions): Line2D[];
export function semilogy(y: unknown, fmt: string, options?: PlotOptions): Line2D[];
export function semilogy(x: unknown, y: unknown, options?: PlotOptions): Line2D[];
export function semilogy(x: unknown, y: unknown, fmt: string, options?: PlotOptions): Line2D[];
export function semilogy(...args: unknown[]): Line2D[] {
  const ax = gca();
  ax.set_yscale("log");
  return ax.plotArgs(args);
}
/** `plt.semilogx(lrs, losses)`: plot with a log x axis (a learning-rate finder's plot). */
export function semilogx(y: unknown, options?: PlotOptions): Line2D[];
export function semilogx(y: unknown, fmt: string, options?: PlotOptions): Line2D[];
export function semilogx(x: unknown, y: unknown, options?: PlotOptions): Line2D[];
export function semilogx(x: unknown, y: unknown, fmt: string, options?: PlotOptions): Line2D[];
export function semilogx(...args: unknown[]): Line2D[] {
  const ax = gca();
  ax.set_xscale("log");
  return ax.plotArgs(args);
}
/** `plt.loglog(x, y)`: plot with both axes log. */
export function loglog(y: unknown, options?: PlotOptions): Line2D[];
export function loglog(y: unknown, fmt: string, options?: PlotOptions): Line2D[];
export function loglog(x: unknown, y: unknown, options?: PlotOptions): Line2D[];
export function loglog(x: unknown, y: unknown, fmt: string, options?: PlotOptions): Line2D[];
export function loglog(...args: unknown[]): Line2D[] {
  const ax = gca();
  ax.set_xscale("log");
  ax.set_yscale("log");
  return ax.plotArgs(args);
}

/** The current image: the last image, points coloured by value or contour set of the current Axes (what `plt.colorbar()` shows). */
export function gci(): AxesImage | PathCollection | QuadContourSet | null {
  if (current === null) return null;
  const ax = currentAxes.get(current) ?? current.axes[current.axes.length - 1];
  if (ax === undefined) return null;
  return ax.mappables[ax.mappables.length - 1] ?? null;
}

/**
 * `plt.colorbar()` (of the current image), `plt.colorbar(im, ax=axes)`, `fig.colorbar(...)`: a colorbar
 * beside the Axes. With nothing to show it is matplotlib's RuntimeError.
 */
export function colorbar(mappable?: AxesImage | PathCollection | QuadContourSet | ColorbarOptions | null, options: ColorbarOptions = {}): Colorbar {
  if (mappable !== undefined && mappable !== null && lib().isOptions(mappable)) [options, mappable] = [mappable as ColorbarOptions, undefined];
  const m = (mappable as AxesImage | PathCollection | QuadContourSet | null | undefined) ?? gci();
  if (m === null) {
    throw new RuntimeError("No mappable was found to use for colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf).");
  }
  const fig = gcf();
  const ax = gca();
  const cbar = fig.colorbar(m, options);
  // As pyplot: the current Axes stays the one plotted in, not the colorbar's.
  currentAxes.set(fig, ax);
  return cbar;
}

/** `plt.get_cmap('viridis')`: a colour map by name; `plt.get_cmap('viridis', 5)` resampled to 5 entries. */
export function get_cmap(name: string | Colormap = "viridis", lut?: number | null): Colormap {
  return (require("./cm") as typeof import("./cm")).get_cmap(name, lut);
}

/** `plt.cm.gray`, `plt.cm.binary`: colour maps by attribute. */
export const cm: Record<string, Colormap> = new Proxy({} as Record<string, Colormap>, {
  get: (_target, prop) => (require("./cm") as typeof import("./cm")).cm[prop as string],
});

export { cycler, rc, rcdefaults, rcParams } from "./style";
export type { Cycler, RcParams } from "./style";

/** The styles matplotlib 3.6 ships (`plt.style.available`). */
const STYLES = [
  "Solarize_Light2", "_classic_test_patch", "_mpl-gallery", "_mpl-gallery-nogrid", "bmh", "classic", "dark_background", "fast", "fivethirtyeight", "ggplot",
  "grayscale", "seaborn-v0_8", "seaborn-v0_8-bright", "seaborn-v0_8-colorblind", "seaborn-v0_8-dark", "seaborn-v0_8-dark-palette", "seaborn-v0_8-darkgrid",
  "seaborn-v0_8-deep", "seaborn-v0_8-muted", "seaborn-v0_8-notebook", "seaborn-v0_8-paper", "seaborn-v0_8-pastel", "seaborn-v0_8-poster", "seaborn-v0_8-talk",
  "seaborn-v0_8-ticks", "seaborn-v0_8-white", "seaborn-v0_8-whitegrid", "tableau-colorblind10",
];

/**
 * `plt.style.use('ggplot')`: a style of matplotlib's library sets its rcParams (the next figures and Axes
 * take its colours, grid, fonts and ticks); 'default' brings matplotlib's defaults back; a dict sets its
 * keys; 'seaborn' and 'seaborn-*' are the 'seaborn-v0_8' styles, with matplotlib 3.6's deprecation
 * warning. A style matplotlib ships that torchlab does not draw ('classic', 'dark_background', ...)
 * is a ValueError naming the ones it draws; a name matplotlib does not ship is its OSError.
 * `plt.style.context('bmh', () => {...})` is `with plt.style.context('bmh'):`: the rcParams before
 * come back when the function returns.
 */
export const style = {
  available: STYLES,
  use(name: string | Record<string, unknown> | (string | Record<string, unknown>)[]): void {
    (require("./style") as typeof import("./style")).useStyle(name, STYLES);
  },
  context<T>(name: string | Record<string, unknown> | (string | Record<string, unknown>)[], fn: () => T): T {
    return (require("./style") as typeof import("./style")).styleContext(name, STYLES, fn);
  },
};

/** `plt.sca(ax)`: makes ax the current Axes (and its figure the current figure). */
export function sca(ax: Axes): void {
  for (const fig of figures.values()) {
    if (fig.axes.includes(ax)) {
      current = fig;
      currentAxes.set(fig, ax);
      return;
    }
  }
  throw new ValueError("Axes not in any open figure");
}

export function title(label: string): void {
  gca().set_title(label);
}
export function xlabel(label: string): void {
  gca().set_xlabel(label);
}
export function ylabel(label: string): void {
  gca().set_ylabel(label);
}

/** `plt.xlim(0, 10)`, `plt.xlim([0, 10])`, or `plt.xlim()` to read the limits. */
export function xlim(left?: number | null | [number | null, number | null], right?: number | null): [number, number] {
  return left === undefined && right === undefined ? gca().get_xlim() : gca().set_xlim(left, right);
}
export function ylim(bottom?: number | null | [number | null, number | null], top?: number | null): [number, number] {
  return bottom === undefined && top === undefined ? gca().get_ylim() : gca().set_ylim(bottom, top);
}

/** `plt.xticks(ticks, labels?)` sets the ticks; `plt.xticks()` returns them. `plt.xticks([])` hides them. */
export function xticks(ticks?: unknown, labels?: string[]): number[] {
  if (ticks !== undefined && !lib().isOptions(ticks)) gca().set_xticks(lib().asVector(ticks, "xticks"), labels);
  return gca().get_xticks();
}
export function yticks(ticks?: unknown, labels?: string[]): number[] {
  if (ticks !== undefined && !lib().isOptions(ticks)) gca().set_yticks(lib().asVector(ticks, "yticks"), labels);
  return gca().get_yticks();
}

/** `plt.legend()` (labelled artists), `plt.legend(['train', 'val'])`, `plt.legend(loc='upper left')`. */
export function legend(labels?: string[] | LegendOptions, options: LegendOptions = {}): void {
  gca().legend(labels, options);
}

/** `plt.minorticks_on()`: minor ticks on the current Axes (4 or 5 to a major step on a linear axis). */
export function minorticks_on(): void {
  gca().minorticks_on();
}
/** `plt.minorticks_off()`: no minor ticks on the current Axes. */
export function minorticks_off(): void {
  gca().minorticks_off();
}

/** `plt.grid()` toggles the grid; `plt.grid(True)` / `plt.grid(False)` set it. */
export function grid(visible: boolean | null = null): void {
  gca().grid(visible);
}

/** `plt.axis('off')`: no frame, ticks or labels. Returns (xmin, xmax, ymin, ymax). */
export function axis(option: string | boolean = "on"): [number, number, number, number] {
  return gca().axis(option);
}

/** `plt.savefig('loss.png')`: the current figure as PNG, or SVG for a .svg name. */
export function savefig(fname: string, options: { format?: string; dpi?: number; bbox_inches?: string | null; facecolor?: string } = {}): void {
  gcf().savefig(fname, options);
}

/** `plt.clf()`: clears the current figure (a new, empty one takes its number). */
export function clf(): void {
  const fig = gcf();
  const fresh = new (lib().Figure)(fig.number, fig.figsize, fig.dpi);
  figures.set(fig.number, fresh);
  current = fresh;
}

/**
 * `plt.close()` closes the current figure, `plt.close(fig)` or `plt.close(2)` that one,
 * `plt.close('all')` every one. A closed figure is never shown.
 */
export function close(fig?: Figure | number | "all" | null): void {
  if (fig === "all") figures.clear();
  else if (typeof fig === "object" && fig !== null) {
    if (figures.get(fig.number) === fig) figures.delete(fig.number);
  } else if (typeof fig === "number") figures.delete(fig);
  else if (fig === undefined || fig === null) {
    if (current !== null) figures.delete(current.number);
  } else throw new TypeError("close() argument must be a Figure, an int, a string, or None, not " + typeof fig);
  current = figures.size > 0 ? [...figures.values()][figures.size - 1] : null;
}

/** The numbers of the open figures. */
export function get_fignums(): number[] {
  return [...figures.keys()].sort((a, b) => a - b);
}

/** `plt.show()`: every open figure as one output (in the order made), then all closed, as the inline backend does. */
export function show(): void {
  const open = [...figures.values()];
  figures.clear();
  current = null;
  for (const fig of open) display(fig.bundle(), { raw: true });
}

let interactive = false;

/**
 * `plt.ion()` / `plt.ioff()`: matplotlib's interactive mode, as `plt.isinteractive()` reads it. The
 * inline backend displays figures at `plt.show()`, `plt.pause()` and a cell's end either way, so the
 * mode changes nothing else (matplotlib also returns a context manager, which a notebook ignores).
 */
export function ion(): void {
  interactive = true;
}
export function ioff(): void {
  interactive = false;
}
export function isinteractive(): boolean {
  return interactive;
}

/**
 * `plt.pause(interval)`: as the inline backend runs it, the figures open now are displayed and closed
 * (its `show(block=False)`; the tutorials' `plt.pause(0.001)  # so that plots are updated`), then
 * `interval` seconds pass.
 */
export function pause(interval: number): void {
  if (figures.size > 0) show();
  if (interval > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, interval * 1000);
}

/**
 * `plt.imread(fname)`: an image file as a NumPy array, as matplotlib 3.6 reads it: a PNG as float32
 * values in [0, 1] (its 8-bit values / 255), any other format (JPEG, BMP, ...) as PIL's uint8 values;
 * shape (H, W) for a grayscale image, (H, W, C) otherwise.
 *
 * @example
 * const img = plt.imread('data/faces/face_0.png');   // float32, (H, W, 3)
 */
export function imread(fname: string): ndarray {
  const { Image } = require("../torchvision/io") as typeof import("../torchvision/io");
  const img = Image.open(fname);
  const shape = img.channels === 1 ? [img.height, img.width] : [img.height, img.width, img.channels];
  if (img.format !== "PNG") return new ndarray(img.data.slice(), shape, D.uint8);
  const data = new Float32Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = img.data[i] / 255;
  return new ndarray(data, shape, D.float32);
}

// The inline backend's flush_figures: figures a cell leaves open are shown when it ends.
onCellEnd("matplotlib", () => {
  if (figures.size > 0) show();
});
