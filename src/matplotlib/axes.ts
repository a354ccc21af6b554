/**
 * matplotlib's Axes: the artists one plot holds (lines, scatter points, bars, an image), its limits
 * (autoscaled with 5% margins, stopped at sticky edges as bars and images set them), its ticks
 * (ticker.ts), labels, title, legend and grid, drawn as SVG elements by {@link Axes.toSvg}.
 */
import { TypeError, ValueError } from "../errors";
import { ipythonRepr, IPYTHON_REPR } from "../pyrepr";
import { encode_png } from "../display/png";
import { apply_colormap, ColorMap, upscale } from "../display/raster";
import { autoBins, formatTicks, maxNLocator, nonsingular } from "./ticker";
import { dashArray, escapeXml, LineStyle, Marker, markerPath, parseFormat, pt, TAB10, textWidth, toColor } from "./style";
import { Array2, asArray, asVector, shapeRepr } from "./values";
import { VIRIDIS, VIRIDIS_ROUNDED } from "./viridis";

/** Where an Axes sits in its figure: left, bottom, width, height as fractions of the figure. */
export type Box = [number, number, number, number];

/** One curve of `plot`. */
export class Line2D {
  constructor(
    readonly x: number[],
    readonly y: number[],
    readonly color: string,
    readonly linestyle: LineStyle,
    readonly linewidth: number,
    readonly marker: Marker,
    readonly markersize: number,
    public label: string,
  ) {}

  get_xdata(): number[] {
    return this.x;
  }
  get_ydata(): number[] {
    return this.y;
  }
  get_label(): string {
    return this.label;
  }
  get_color(): string {
    return this.color;
  }
  set_label(label: string): void {
    this.label = label;
  }
  [IPYTHON_REPR](): string {
    return ipythonRepr(this, "matplotlib.lines.Line2D");
  }
}

/** The points of `scatter`, each with its own colour. */
export class PathCollection {
  constructor(
    readonly x: number[],
    readonly y: number[],
    readonly colors: string[],
    readonly size: number,
    readonly marker: Marker,
    readonly alpha: number,
    public label: string,
  ) {}
  [IPYTHON_REPR](): string {
    return ipythonRepr(this, "matplotlib.collections.PathCollection");
  }
}

/** The rectangles of `bar` and `hist`. */
export class BarContainer extends Array<[number, number, number, number]> {
  color = TAB10[0];
  edgecolor: string | null = null;
  alpha = 1;
  label = "";
  [IPYTHON_REPR](): string {
    return `<BarContainer object of ${this.length} artists>`;
  }
}

/** An image of `imshow`: pixels as RGBA bytes, drawn over [-0.5, W - 0.5] x [-0.5, H - 0.5]. */
export class AxesImage {
  constructor(
    readonly width: number,
    readonly height: number,
    readonly rgba: Uint8Array,
  ) {}
  /** The image as PNG bytes, at its own resolution or each pixel a `factor` x `factor` block. */
  png(factor = 1): Buffer {
    return encode_png(upscale({ width: this.width, height: this.height, channels: 4, data: this.rgba }, factor));
  }
  [IPYTHON_REPR](): string {
    return ipythonRepr(this, "matplotlib.image.AxesImage");
  }
}

const LINEWIDTH = 1.5;
const MARKERSIZE = 6;
const FONT = 10;
const TICK_LENGTH = 3.5;
const TICK_PAD = 3.5;
const LABEL_PAD = 4;
const TITLE_PAD = 6;
const FONT_FAMILY = "DejaVu Sans, Bitstream Vera Sans, Arial, Helvetica, sans-serif";

/** Options of `plot` (matplotlib's Line2D properties a notebook sets). */
export interface PlotOptions {
  label?: string;
  color?: unknown;
  c?: unknown;
  linestyle?: LineStyle;
  ls?: LineStyle;
  linewidth?: number;
  lw?: number;
  marker?: Marker;
  markersize?: number;
  alpha?: number;
}

/** Options of `scatter`. */
export interface ScatterOptions {
  /** One colour, or one number per point mapped through `cmap` (viridis). */
  c?: unknown;
  color?: unknown;
  /** Marker area in points squared (default 36). */
  s?: number;
  marker?: Marker;
  cmap?: ColorMap;
  alpha?: number;
  label?: string;
}

/** Options of `bar`. */
export interface BarOptions {
  width?: number;
  bottom?: number;
  color?: unknown;
  edgecolor?: unknown;
  alpha?: number;
  label?: string;
  align?: "center" | "edge";
}

/** Options of `hist`. */
export interface HistOptions {
  bins?: number;
  range?: [number, number];
  density?: boolean;
  color?: unknown;
  edgecolor?: unknown;
  alpha?: number;
  label?: string;
}

/** Options of `imshow`. */
export interface ImshowOptions {
  cmap?: ColorMap;
  vmin?: number;
  vmax?: number;
}

/** Options of `legend`. */
export interface LegendOptions {
  loc?: string;
  labels?: string[];
  fontsize?: number;
}

const LEGEND_LOCS = ["best", "upper right", "upper left", "lower left", "lower right", "right", "center left", "center right", "lower center", "upper center", "center"];

/** Where an Axes is drawn and how its data map to pixels, once its limits and aspect are known. */
interface Frame {
  x0: number;
  y0: number;
  w: number;
  h: number;
  xlim: [number, number];
  ylim: [number, number];
  px: (x: number) => number;
  py: (y: number) => number;
}

function round2(v: number): string {
  return Number.isFinite(v) ? v.toFixed(2) : "0";
}

/**
 * matplotlib's "gray" lookup table as bytes: entry i is 255 * linspace(0, 1, 256)[i] / 255 truncated,
 * whose float rounding makes some entries one less than i (61 gives 60), exactly as matplotlib draws them.
 */
const GRAY_LUT = Uint8Array.from({ length: 256 }, (_, i) => {
  const x = i === 255 ? 255 : 255 * (i * (1 / 255));
  return Math.trunc((x / 255) * 255);
});

/** Clipping a warning's text (matplotlib logs it once per call, at WARNING level, to stderr). */
const CLIP_WARNING = "Clipping input data to the valid range for imshow with RGB data ([0..1] for floats or [0..255] for integers).";

export class Axes {
  readonly lines: Line2D[] = [];
  readonly collections: PathCollection[] = [];
  readonly containers: BarContainer[] = [];
  readonly images: AxesImage[] = [];
  /** Bars and scatter points in the order they were added (matplotlib draws them so). */
  private readonly patchesAndCollections: (BarContainer | PathCollection)[] = [];
  private title = "";
  private xlabel = "";
  private ylabel = "";
  private xlimSet: [number | null, number | null] = [null, null];
  private ylimSet: [number | null, number | null] = [null, null];
  private gridOn = false;
  private axisOn = true;
  private legendOptions: LegendOptions | null = null;
  private lineCycle = 0;
  private patchCycle = 0;
  private xTickLabels: { ticks: number[]; labels: string[] | null } | null = null;
  private yTickLabels: { ticks: number[]; labels: string[] | null } | null = null;
  private equalAspect = false;

  /**
   * @param box where the Axes sits ([left, bottom, width, height], fractions of the figure)
   * @param figureSize the figure's size in pixels, for the tick spacing and the aspect of images
   */
  constructor(
    public box: Box,
    private readonly figureSize: () => [number, number],
  ) {}

  [IPYTHON_REPR](): string {
    return "<AxesSubplot: >";
  }

  private nextLineColor(): string {
    return TAB10[this.lineCycle++ % TAB10.length];
  }
  private nextPatchColor(): string {
    return TAB10[this.patchCycle++ % TAB10.length];
  }

  /**
   * `plot(y)`, `plot(x, y)`, `plot(x, y, 'r--')`: a 2-d y draws one line per column.
   * Returns the lines drawn (matplotlib's list of Line2D).
   */
  plot(...args: unknown[]): Line2D[] {
    let options: PlotOptions = {};
    if (args.length > 0 && isOptions(args[args.length - 1])) options = args.pop() as PlotOptions;
    let fmt: ReturnType<typeof parseFormat> = {};
    if (typeof args[args.length - 1] === "string") fmt = parseFormat(args.pop() as string);
    if (args.length === 0 || args.length > 2) throw new TypeError(`plot() takes y, or x and y, and an optional format string; got ${args.length} data arguments`);
    const y = asArray(args[args.length - 1], "plot");
    const columns = y.shape.length === 2 ? y.shape[1] : 1;
    const n = y.shape.length === 0 ? 1 : y.shape[0];
    const x = args.length === 2 ? asVector(args[0], "plot") : Array.from({ length: n }, (_, i) => i);
    if (x.length !== n) throw new ValueError(`x and y must have same first dimension, but have shapes ${shapeRepr([x.length])} and ${shapeRepr(y.shape)}`);
    const drawn: Line2D[] = [];
    for (let c = 0; c < columns; c++) {
      const ys = Array.from({ length: n }, (_, i) => y.data[i * columns + c]);
      const explicit = options.color ?? options.c;
      const color = explicit !== undefined ? toColor(explicit) : fmt.color ?? this.nextLineColor();
      const linestyle = options.linestyle ?? options.ls ?? fmt.linestyle ?? "-";
      const marker = options.marker ?? fmt.marker ?? "None";
      const line = new Line2D(x, ys, color, linestyle, options.linewidth ?? options.lw ?? LINEWIDTH, marker, options.markersize ?? MARKERSIZE, options.label === undefined ? `_child${this.lines.length}` : String(options.label));
      this.lines.push(line);
      drawn.push(line);
    }
    return drawn;
  }

  /** `scatter(x, y, c=labels, s=10)`: points coloured by value through viridis, or all one colour. */
  scatter(x: unknown, y: unknown, options: ScatterOptions = {}): PathCollection {
    const xs = asVector(x, "scatter");
    const ys = asVector(y, "scatter");
    if (xs.length !== ys.length) throw new ValueError("x and y must be the same size");
    let colors: string[];
    const c = options.c ?? options.color;
    if (c === undefined) {
      const one = this.nextPatchColor();
      colors = xs.map(() => one);
    } else if (typeof c === "string") {
      const one = toColor(c);
      colors = xs.map(() => one);
    } else {
      // As matplotlib: numbers, one per point, go through the colour map; anything else must be one colour.
      const values = asVector(c, "scatter");
      if (values.length === xs.length) colors = mapColors(values, options.cmap ?? "viridis");
      else {
        let one: string;
        try {
          one = toColor(c);
        } catch {
          throw new ValueError(`'c' argument has ${values.length} elements, which is inconsistent with 'x' and 'y' with size ${xs.length}.`);
        }
        colors = xs.map(() => one);
      }
    }
    const points = new PathCollection(xs, ys, colors, options.s ?? MARKERSIZE ** 2, options.marker ?? "o", options.alpha ?? 1, options.label ?? `_child${this.collections.length}`);
    this.collections.push(points);
    this.patchesAndCollections.push(points);
    return points;
  }

  /** `bar(x, height)`: bars `width` wide centred on x (strings make a categorical axis). */
  bar(x: unknown, height: unknown, options: BarOptions = {}): BarContainer {
    let xs: number[];
    if (Array.isArray(x) && x.length > 0 && x.every((v) => typeof v === "string")) {
      xs = x.map((_, i) => i);
      this.xTickLabels = { ticks: xs, labels: x as string[] };
    } else {
      xs = asVector(x, "bar");
    }
    let hs = asVector(height, "bar");
    if (hs.length === 1 && xs.length > 1) hs = xs.map(() => hs[0]);
    if (hs.length !== xs.length) throw new ValueError(`shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape ${shapeRepr([xs.length])} and arg 1 with shape ${shapeRepr([hs.length])}.`);
    const width = options.width ?? 0.8;
    const bottom = options.bottom ?? 0;
    const bars = new BarContainer();
    xs.forEach((xv, i) => bars.push([options.align === "edge" ? xv : xv - width / 2, bottom, width, hs[i]]));
    bars.color = options.color === undefined ? this.nextPatchColor() : toColor(options.color);
    bars.edgecolor = options.edgecolor === undefined ? null : toColor(options.edgecolor);
    bars.alpha = options.alpha ?? 1;
    bars.label = options.label ?? "_nolegend_";
    this.containers.push(bars);
    this.patchesAndCollections.push(bars);
    return bars;
  }

  /** `hist(x, bins=10)`: NumPy's histogram (equal bins over [min, max]) drawn as touching bars. Returns [n, bins, patches]. */
  hist(x: unknown, options: HistOptions | number = {}): [number[], number[], BarContainer] {
    const opts: HistOptions = typeof options === "number" ? { bins: options } : options;
    const values = asVector(x, "hist").filter((v) => !Number.isNaN(v));
    const bins = opts.bins ?? 10;
    if (!Number.isInteger(bins) || bins < 1) throw new ValueError(`\`bins\` must be positive, when an integer`);
    let [lo, hi] = opts.range ?? (values.length === 0 ? [0, 1] : [Math.min(...values), Math.max(...values)]);
    if (lo === hi) {
      lo -= 0.5;
      hi += 0.5;
    }
    const edges = Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
    const counts = new Array<number>(bins).fill(0);
    for (const v of values) {
      if (v < lo || v > hi) continue;
      let k = Math.floor(((v - lo) / (hi - lo)) * bins);
      if (k === bins) k = bins - 1;
      // NumPy corrects the float index against the edges themselves.
      if (k > 0 && v < edges[k]) k -= 1;
      else if (k < bins - 1 && v >= edges[k + 1]) k += 1;
      counts[k] += 1;
    }
    const total = values.filter((v) => v >= lo && v <= hi).length;
    const n = opts.density ? counts.map((c, i) => c / (total * (edges[i + 1] - edges[i]))) : counts;
    const bars = new BarContainer();
    n.forEach((h, i) => bars.push([edges[i], 0, edges[i + 1] - edges[i], h]));
    bars.color = opts.color === undefined ? this.nextPatchColor() : toColor(opts.color);
    bars.edgecolor = opts.edgecolor === undefined ? null : toColor(opts.edgecolor);
    bars.alpha = opts.alpha ?? 1;
    bars.label = opts.label ?? "_nolegend_";
    this.containers.push(bars);
    this.patchesAndCollections.push(bars);
    return [n, edges, bars];
  }

  /**
   * `imshow(img)`: an H x W array through a colour map (min-max normalised, or vmin / vmax), an
   * H x W x 3 / 4 array as RGB(A) (floats clipped to [0, 1], integers to [0, 255], with
   * matplotlib's warning). Channels first (3 x H x W) is matplotlib's TypeError: permute first.
   */
  imshow(image: unknown, options: ImshowOptions = {}): AxesImage {
    const a = asArray(image, "imshow");
    let shape = a.shape;
    if (shape.length === 3 && shape[2] === 1) shape = shape.slice(0, 2);
    if (!(shape.length === 2 || (shape.length === 3 && (shape[2] === 3 || shape[2] === 4)))) {
      throw new TypeError(`Invalid shape ${shapeRepr(a.shape)} for image data`);
    }
    const [H, W] = shape;
    const rgba = new Uint8Array(H * W * 4);
    if (shape.length === 2) {
      const finite = Array.from(a.data).filter(Number.isFinite);
      const vmin = options.vmin ?? (finite.length > 0 ? Math.min(...finite) : 0);
      const vmax = options.vmax ?? (finite.length > 0 ? Math.max(...finite) : 1);
      // Normalize maps into [0, 1]; the colormap's lookup takes floor(v * 256), the top value included in the last entry.
      const index = new Uint8Array(H * W);
      for (let p = 0; p < H * W; p++) {
        const v = vmax === vmin ? 0 : (a.data[p] - vmin) / (vmax - vmin);
        index[p] = Math.min(255, Math.max(0, Math.floor(v * 256)));
      }
      const rgb = colormap(index, options.cmap ?? "viridis");
      for (let p = 0; p < H * W; p++) {
        rgba.set(rgb.subarray(p * 3, p * 3 + 3), p * 4);
        rgba[p * 4 + 3] = Number.isNaN(a.data[p]) ? 0 : 255;
      }
    } else {
      const C = shape[2];
      const top = a.integer ? 255 : 1;
      let clipped = false;
      for (let p = 0; p < H * W; p++) {
        for (let c = 0; c < 4; c++) {
          if (c === 3 && C === 3) {
            rgba[p * 4 + 3] = 255;
            continue;
          }
          let v = a.data[p * C + c];
          if (v < 0 || v > top) {
            clipped = true;
            v = Math.min(top, Math.max(0, v));
          }
          rgba[p * 4 + c] = a.integer ? v : Math.trunc(v * 255);
        }
      }
      if (clipped) process.stderr.write(CLIP_WARNING + "\n");
    }
    const img = new AxesImage(W, H, rgba);
    this.images.push(img);
    this.equalAspect = true;
    return img;
  }

  set_title(label: string): void {
    this.title = String(label);
  }
  get_title(): string {
    return this.title;
  }
  set_xlabel(label: string): void {
    this.xlabel = String(label);
  }
  get_xlabel(): string {
    return this.xlabel;
  }
  set_ylabel(label: string): void {
    this.ylabel = String(label);
  }
  get_ylabel(): string {
    return this.ylabel;
  }

  /** `set_xlim(left, right)` or `set_xlim([left, right])`; either end may be null (kept autoscaled). */
  set_xlim(left?: number | null | [number | null, number | null], right?: number | null): [number, number] {
    this.xlimSet = Array.isArray(left) ? [left[0], left[1]] : [left ?? this.xlimSet[0], right ?? this.xlimSet[1]];
    return this.get_xlim();
  }
  set_ylim(bottom?: number | null | [number | null, number | null], top?: number | null): [number, number] {
    this.ylimSet = Array.isArray(bottom) ? [bottom[0], bottom[1]] : [bottom ?? this.ylimSet[0], top ?? this.ylimSet[1]];
    return this.get_ylim();
  }
  /** The view limits: explicit ones, else the data's with 5% margins (images fill the axes exactly). */
  get_xlim(): [number, number] {
    return this.limits("x");
  }
  get_ylim(): [number, number] {
    return this.limits("y");
  }

  /** `set_xticks(ticks, labels?)`: fixed ticks, with their own labels when given. */
  set_xticks(ticks: unknown, labels?: string[]): void {
    this.xTickLabels = { ticks: asVector(ticks, "set_xticks"), labels: labels ?? null };
  }
  set_yticks(ticks: unknown, labels?: string[]): void {
    this.yTickLabels = { ticks: asVector(ticks, "set_yticks"), labels: labels ?? null };
  }
  set_xticklabels(labels: string[]): void {
    this.xTickLabels = { ticks: this.get_xticks(), labels };
  }
  set_yticklabels(labels: string[]): void {
    this.yTickLabels = { ticks: this.get_yticks(), labels };
  }
  /** The tick locations (those just outside the limits included, as matplotlib's locator returns them). */
  get_xticks(): number[] {
    return this.ticks("x");
  }
  get_yticks(): number[] {
    return this.ticks("y");
  }

  /** `grid(True)`, `grid(False)`: light gray lines at the ticks; `grid()` toggles them, as matplotlib's does. */
  grid(visible: boolean | null = null): void {
    this.gridOn = visible === null ? !this.gridOn : Boolean(visible);
  }

  /** `axis('off')` hides the frame, ticks and labels; `axis('on')` brings them back; `axis('equal')` keeps one unit square. Returns the limits. */
  axis(option: string | boolean = "on"): [number, number, number, number] {
    if (option === "off" || option === false) this.axisOn = false;
    else if (option === "on" || option === true) this.axisOn = true;
    else if (option === "equal" || option === "scaled" || option === "image") this.equalAspect = true;
    else if (option === "tight" || option === "auto") this.equalAspect = option === "auto" ? false : this.equalAspect;
    else throw new ValueError(`Unrecognized string '${option}' to axis; try 'on' or 'off'`);
    return [...this.get_xlim(), ...this.get_ylim()];
  }

  /** `legend()`: the labelled lines, points and bars (labels starting with '_' are left out), or `legend(['a', 'b'])`. */
  legend(labels?: string[] | LegendOptions, options: LegendOptions = {}): void {
    const opts = Array.isArray(labels) ? { ...options, labels } : { ...(labels ?? {}), ...options };
    if (opts.loc !== undefined && !LEGEND_LOCS.includes(opts.loc)) {
      throw new ValueError(`'${opts.loc}' is not a valid value for loc; supported values are ${LEGEND_LOCS.map((l) => `'${l}'`).join(", ")}`);
    }
    if (opts.labels !== undefined) {
      const handles = [...this.lines, ...this.collections, ...this.containers];
      opts.labels.forEach((label, i) => {
        if (i < handles.length) handles[i].label = String(label);
      });
    }
    this.legendOptions = opts;
  }

  /** The labels a legend shows, in matplotlib's order (lines, collections, then bars). */
  legendEntries(): { label: string; kind: "line" | "points" | "bar"; color: string; line?: Line2D }[] {
    const entries: ReturnType<Axes["legendEntries"]> = [];
    for (const l of this.lines) if (!l.label.startsWith("_")) entries.push({ label: l.label, kind: "line", color: l.color, line: l });
    for (const c of this.collections) if (!c.label.startsWith("_")) entries.push({ label: c.label, kind: "points", color: c.colors[0] ?? TAB10[0] });
    for (const b of this.containers) if (!b.label.startsWith("_")) entries.push({ label: b.label, kind: "bar", color: b.color });
    return entries;
  }

  /** Whether anything is drawn in this Axes (an empty figure shows as text only). */
  get hasArtists(): boolean {
    return this.lines.length + this.collections.length + this.containers.length + this.images.length > 0;
  }

  // ------------------------------------------------------------------ limits and ticks

  private dataLimits(axis: "x" | "y"): { lo: number; hi: number; sticky: number[] } | null {
    let lo = Infinity;
    let hi = -Infinity;
    const sticky: number[] = [];
    const take = (v: number) => {
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    };
    for (const l of this.lines) (axis === "x" ? l.x : l.y).forEach(take);
    for (const c of this.collections) (axis === "x" ? c.x : c.y).forEach(take);
    for (const b of this.containers) {
      for (const [x, y, w, h] of b) {
        if (axis === "x") {
          take(x);
          take(x + w);
        } else {
          take(y);
          take(y + h);
          sticky.push(y);
        }
      }
    }
    for (const img of this.images) {
      const n = axis === "x" ? img.width : img.height;
      take(-0.5);
      take(n - 0.5);
      sticky.push(-0.5, n - 0.5);
    }
    return lo <= hi ? { lo, hi, sticky } : null;
  }

  private limits(axis: "x" | "y"): [number, number] {
    const set = axis === "x" ? this.xlimSet : this.ylimSet;
    const data = this.dataLimits(axis);
    let auto: [number, number];
    if (data === null) {
      auto = [0, 1];
    } else {
      let [lo, hi] = nonsingular(data.lo, data.hi, 0.05);
      const delta = (hi - lo) * (this.images.length > 0 ? 0 : 0.05);
      const below = data.sticky.filter((s) => s <= lo);
      const above = data.sticky.filter((s) => s >= hi);
      lo = below.length > 0 ? Math.max(lo - delta, Math.max(...below)) : lo - delta;
      hi = above.length > 0 ? Math.min(hi + delta, Math.min(...above)) : hi + delta;
      auto = [lo, hi];
    }
    const lim: [number, number] = [set[0] ?? auto[0], set[1] ?? auto[1]];
    // An image's rows go down: its y axis is inverted unless the limits were set.
    if (axis === "y" && this.images.length > 0 && set[0] === null && set[1] === null) return [lim[1], lim[0]];
    return lim;
  }

  /** The Axes' drawn box in pixels: its slot, shrunk to keep one unit square when the aspect is equal (centred, as anchor 'C'). */
  private placement(): { x0: number; y0: number; w: number; h: number } {
    const [fw, fh] = this.figureSize();
    let [x0, y0, w, h] = [this.box[0] * fw, (1 - this.box[1] - this.box[3]) * fh, this.box[2] * fw, this.box[3] * fh];
    if (this.equalAspect) {
      const [xa, xb] = this.get_xlim();
      const [ya, yb] = this.get_ylim();
      const ratio = Math.abs(yb - ya) / Math.abs(xb - xa);
      if (h / w > ratio) {
        const nh = w * ratio;
        y0 += (h - nh) / 2;
        h = nh;
      } else {
        const nw = h / ratio;
        x0 += (w - nw) / 2;
        w = nw;
      }
    }
    return { x0, y0, w, h };
  }

  private ticks(axis: "x" | "y"): number[] {
    const fixed = axis === "x" ? this.xTickLabels : this.yTickLabels;
    if (fixed !== null) return fixed.ticks;
    const [a, b] = axis === "x" ? this.get_xlim() : this.get_ylim();
    const { w, h } = this.placement();
    const nbins = autoBins((axis === "x" ? w : h) / 100, axis === "x");
    return maxNLocator(Math.min(a, b), Math.max(a, b), nbins);
  }

  private frame(): Frame {
    const { x0, y0, w, h } = this.placement();
    const xlim = this.get_xlim();
    const ylim = this.get_ylim();
    return {
      x0, y0, w, h, xlim, ylim,
      px: (x) => x0 + ((x - xlim[0]) / (xlim[1] - xlim[0])) * w,
      py: (y) => y0 + h - ((y - ylim[0]) / (ylim[1] - ylim[0])) * h,
    };
  }

  /** The tick labels the axis shows: fixed labels, else ScalarFormatter's, and the multiplier text. */
  tickLabels(axis: "x" | "y"): { ticks: number[]; labels: string[]; offsetText: string } {
    const fixed = axis === "x" ? this.xTickLabels : this.yTickLabels;
    const ticks = this.ticks(axis);
    const lim = axis === "x" ? this.get_xlim() : this.get_ylim();
    if (fixed !== null && fixed.labels !== null) return { ticks, labels: ticks.map((_, i) => String(fixed.labels![i] ?? "")), offsetText: "" };
    const { labels, offsetText } = formatTicks(ticks, lim);
    return { ticks, labels, offsetText };
  }

  // ------------------------------------------------------------------ drawing

  /**
   * The Axes as SVG elements (its artists clipped to the frame), with `id` naming the clip path.
   * `blocky` embeds images already enlarged pixel by pixel, for renderers that smooth them (Skia's).
   */
  toSvg(id: string, blocky = false): string {
    const f = this.frame();
    const out: string[] = [];
    const clip = `clip_${id}`;
    out.push(`<g class="axes" id="${id}">`);
    if (this.axisOn) out.push(`<rect class="background" x="${round2(f.x0)}" y="${round2(f.y0)}" width="${round2(f.w)}" height="${round2(f.h)}" fill="#ffffff"/>`);
    out.push(`<clipPath id="${clip}"><rect x="${round2(f.x0)}" y="${round2(f.y0)}" width="${round2(f.w)}" height="${round2(f.h)}"/></clipPath>`);
    const inside = (v: number, lim: [number, number]) => v >= Math.min(...lim) - 1e-9 * Math.abs(lim[1] - lim[0]) && v <= Math.max(...lim) + 1e-9 * Math.abs(lim[1] - lim[0]);
    const xt = this.tickLabels("x");
    const yt = this.tickLabels("y");
    const xShown = xt.ticks.map((t, i) => [t, xt.labels[i]] as const).filter(([t]) => inside(t, f.xlim));
    const yShown = yt.ticks.map((t, i) => [t, yt.labels[i]] as const).filter(([t]) => inside(t, f.ylim));
    for (const img of this.images) {
      const left = Math.min(f.px(-0.5), f.px(img.width - 0.5));
      const top = Math.min(f.py(-0.5), f.py(img.height - 0.5));
      const w = Math.abs(f.px(img.width - 0.5) - f.px(-0.5));
      const h = Math.abs(f.py(img.height - 0.5) - f.py(-0.5));
      out.push(
        `<image class="image" clip-path="url(#${clip})" x="${round2(left)}" y="${round2(top)}" width="${round2(w)}" height="${round2(h)}" preserveAspectRatio="none" style="image-rendering:pixelated;image-rendering:optimizeSpeed" xlink:href="data:image/png;base64,${img.png(blocky ? Math.max(1, Math.min(64, Math.ceil(w / img.width))) : 1).toString("base64")}"/>`,
      );
    }
    // matplotlib's z-order: bars and scatter points (zorder 1) in the order added, the grid (1.5), then lines (2).
    for (const artist of this.patchesAndCollections) {
      if (artist instanceof BarContainer) {
        const bars = artist;
        const edge = bars.edgecolor === null ? "" : ` stroke="${bars.edgecolor}" stroke-width="${round2(pt(1))}"`;
        out.push(`<g class="bars" clip-path="url(#${clip})" fill="${bars.color}"${bars.alpha < 1 ? ` fill-opacity="${bars.alpha}"` : ""}${edge}>`);
        for (const [x, y, w, h] of bars) {
          const xa = f.px(x);
          const xb = f.px(x + w);
          const ya = f.py(y);
          const yb = f.py(y + h);
          out.push(`<rect class="patch" x="${round2(Math.min(xa, xb))}" y="${round2(Math.min(ya, yb))}" width="${round2(Math.abs(xb - xa))}" height="${round2(Math.abs(yb - ya))}"/>`);
        }
        out.push(`</g>`);
      } else {
        const c = artist;
        const r = Math.sqrt(c.size);
        out.push(`<g class="points" clip-path="url(#${clip})"${c.alpha < 1 ? ` fill-opacity="${c.alpha}"` : ""}>`);
        c.x.forEach((x, i) => {
          if (!Number.isFinite(x) || !Number.isFinite(c.y[i])) return;
          const m = markerPath(c.marker, f.px(x), f.py(c.y[i]), r);
          out.push(m.filled ? `<path d="${m.d}" fill="${c.colors[i]}"/>` : `<path d="${m.d}" fill="none" stroke="${c.colors[i]}" stroke-width="${round2(pt(1.5))}"/>`);
        });
        out.push(`</g>`);
      }
    }
    if (this.gridOn && this.axisOn) {
      out.push(`<g class="grid" stroke="#b0b0b0" stroke-width="${round2(pt(0.8))}">`);
      for (const [t] of xShown) out.push(`<line x1="${round2(f.px(t))}" y1="${round2(f.y0)}" x2="${round2(f.px(t))}" y2="${round2(f.y0 + f.h)}"/>`);
      for (const [t] of yShown) out.push(`<line x1="${round2(f.x0)}" y1="${round2(f.py(t))}" x2="${round2(f.x0 + f.w)}" y2="${round2(f.py(t))}"/>`);
      out.push(`</g>`);
    }
    for (const line of this.lines) out.push(lineSvg(line, f, clip));
    if (this.axisOn) {
      const sw = round2(pt(0.8));
      out.push(`<g class="spines" stroke="#000000" stroke-width="${sw}" fill="none" stroke-linecap="square"><rect x="${round2(f.x0)}" y="${round2(f.y0)}" width="${round2(f.w)}" height="${round2(f.h)}"/></g>`);
      out.push(this.tickSvg(f, xShown, yShown, xt.offsetText, yt.offsetText));
    }
    if (this.title !== "") {
      out.push(`<text class="title" x="${round2(f.x0 + f.w / 2)}" y="${round2(f.y0 - pt(TITLE_PAD))}" text-anchor="middle" font-size="${round2(pt(12))}" font-family="${FONT_FAMILY}">${escapeXml(this.title)}</text>`);
    }
    if (this.legendOptions !== null) out.push(this.legendSvg(f));
    out.push(`</g>`);
    return out.join("\n");
  }

  private tickSvg(f: Frame, xs: readonly (readonly [number, string])[], ys: readonly (readonly [number, string])[], xOffset: string, yOffset: string): string {
    const size = pt(FONT);
    const len = pt(TICK_LENGTH);
    const pad = pt(TICK_PAD);
    const font = `font-size="${round2(size)}" font-family="${FONT_FAMILY}"`;
    const out: string[] = [`<g class="xaxis">`];
    const bottom = f.y0 + f.h;
    for (const [t, label] of xs) {
      const x = f.px(t);
      out.push(`<g class="xtick"><line x1="${round2(x)}" y1="${round2(bottom)}" x2="${round2(x)}" y2="${round2(bottom + len)}" stroke="#000000" stroke-width="${round2(pt(0.8))}"/>`);
      out.push(`<text x="${round2(x)}" y="${round2(bottom + len + pad + size * 0.76)}" text-anchor="middle" ${font}>${escapeXml(label)}</text></g>`);
    }
    if (xOffset !== "") out.push(`<text class="offset" x="${round2(f.x0 + f.w)}" y="${round2(bottom + len + pad + size * 1.9)}" text-anchor="end" ${font}>${escapeXml(xOffset)}</text>`);
    if (this.xlabel !== "") {
      out.push(`<text class="xlabel" x="${round2(f.x0 + f.w / 2)}" y="${round2(bottom + len + pad + size * 1.02 + pt(LABEL_PAD) + size * 0.76)}" text-anchor="middle" ${font}>${escapeXml(this.xlabel)}</text>`);
    }
    out.push(`</g>`, `<g class="yaxis">`);
    let widest = 0;
    for (const [t, label] of ys) {
      const y = f.py(t);
      widest = Math.max(widest, textWidth(label, size));
      out.push(`<g class="ytick"><line x1="${round2(f.x0)}" y1="${round2(y)}" x2="${round2(f.x0 - len)}" y2="${round2(y)}" stroke="#000000" stroke-width="${round2(pt(0.8))}"/>`);
      out.push(`<text x="${round2(f.x0 - len - pad)}" y="${round2(y + size * 0.36)}" text-anchor="end" ${font}>${escapeXml(label)}</text></g>`);
    }
    if (yOffset !== "") out.push(`<text class="offset" x="${round2(f.x0)}" y="${round2(f.y0 - pad)}" text-anchor="start" ${font}>${escapeXml(yOffset)}</text>`);
    if (this.ylabel !== "") {
      const x = f.x0 - len - pad - widest - pt(LABEL_PAD) - size * 0.24;
      const y = f.y0 + f.h / 2;
      out.push(`<text class="ylabel" x="${round2(x)}" y="${round2(y)}" transform="rotate(-90 ${round2(x)} ${round2(y)})" text-anchor="middle" ${font}>${escapeXml(this.ylabel)}</text>`);
    }
    out.push(`</g>`);
    return out.join("\n");
  }

  private legendSvg(f: Frame): string {
    const entries = this.legendEntries();
    if (entries.length === 0) {
      process.stderr.write("No artists with labels found to put in legend.  Note that artists whose label start with an underscore are ignored when legend() is called with no argument.\n");
      return "";
    }
    const size = pt(this.legendOptions?.fontsize ?? FONT);
    const pad = 0.4 * size;
    const handle = 2 * size;
    const textPad = 0.8 * size;
    const rowH = size * 0.95;
    const spacing = 0.5 * size;
    const width = pad * 2 + handle + textPad + Math.max(...entries.map((e) => textWidth(e.label, size)));
    const height = pad * 2 + entries.length * rowH + (entries.length - 1) * spacing;
    const inset = 0.5 * size;
    const spots: Record<string, [number, number]> = {
      "upper right": [f.x0 + f.w - inset - width, f.y0 + inset],
      "upper left": [f.x0 + inset, f.y0 + inset],
      "lower left": [f.x0 + inset, f.y0 + f.h - inset - height],
      "lower right": [f.x0 + f.w - inset - width, f.y0 + f.h - inset - height],
      right: [f.x0 + f.w - inset - width, f.y0 + (f.h - height) / 2],
      "center left": [f.x0 + inset, f.y0 + (f.h - height) / 2],
      "center right": [f.x0 + f.w - inset - width, f.y0 + (f.h - height) / 2],
      "lower center": [f.x0 + (f.w - width) / 2, f.y0 + f.h - inset - height],
      "upper center": [f.x0 + (f.w - width) / 2, f.y0 + inset],
      center: [f.x0 + (f.w - width) / 2, f.y0 + (f.h - height) / 2],
    };
    const loc = this.legendOptions?.loc ?? "best";
    const [lx, ly] = loc === "best" ? spots[this.bestLocation(f, spots, width, height)] : spots[loc];
    const out: string[] = [`<g class="legend">`];
    out.push(`<rect x="${round2(lx)}" y="${round2(ly)}" width="${round2(width)}" height="${round2(height)}" rx="${round2(0.2 * size)}" fill="#ffffff" fill-opacity="0.8" stroke="#cccccc" stroke-width="${round2(pt(1))}"/>`);
    entries.forEach((e, i) => {
      const cy = ly + pad + i * (rowH + spacing) + rowH / 2;
      const hx = lx + pad;
      if (e.kind === "line" && e.line !== undefined) {
        if (e.line.linestyle !== "None") {
          const dash = dashArray(e.line.linestyle, pt(e.line.linewidth));
          out.push(`<line class="handle" x1="${round2(hx)}" y1="${round2(cy)}" x2="${round2(hx + handle)}" y2="${round2(cy)}" stroke="${e.color}" stroke-width="${round2(pt(e.line.linewidth))}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`);
        }
        if (e.line.marker !== "None") {
          const m = markerPath(e.line.marker, hx + handle / 2, cy, e.line.markersize);
          out.push(`<path class="handle" d="${m.d}" ${m.filled ? `fill="${e.color}"` : `fill="none" stroke="${e.color}"`}/>`);
        }
      } else if (e.kind === "points") {
        const m = markerPath("o", hx + handle / 2, cy, MARKERSIZE);
        out.push(`<path class="handle" d="${m.d}" fill="${e.color}"/>`);
      } else {
        out.push(`<rect class="handle" x="${round2(hx)}" y="${round2(cy - 0.35 * size)}" width="${round2(handle)}" height="${round2(0.7 * size)}" fill="${e.color}"/>`);
      }
      out.push(`<text x="${round2(hx + handle + textPad)}" y="${round2(cy + size * 0.36)}" font-size="${round2(size)}" font-family="${FONT_FAMILY}">${escapeXml(e.label)}</text>`);
    });
    out.push(`</g>`);
    return out.join("\n");
  }

  /** loc='best': the first spot (in matplotlib's order) covering the fewest data points. */
  private bestLocation(f: Frame, spots: Record<string, [number, number]>, width: number, height: number): string {
    const points: [number, number][] = [];
    for (const l of this.lines) l.x.forEach((x, i) => points.push([f.px(x), f.py(l.y[i])]));
    for (const c of this.collections) c.x.forEach((x, i) => points.push([f.px(x), f.py(c.y[i])]));
    for (const b of this.containers) for (const [x, y, w, h] of b) points.push([f.px(x + w / 2), f.py(y + h)]);
    let best = "upper right";
    let fewest = Infinity;
    for (const [name, [x, y]] of Object.entries(spots)) {
      const covered = points.filter(([px, py]) => px >= x && px <= x + width && py >= y && py <= y + height).length;
      if (covered < fewest) {
        fewest = covered;
        best = name;
      }
    }
    return best;
  }
}

function lineSvg(line: Line2D, f: Frame, clip: string): string {
  const out: string[] = [`<g class="line" clip-path="url(#${clip})">`];
  const width = pt(line.linewidth);
  if (line.linestyle !== "None") {
    // A NaN breaks the line, as matplotlib leaves a gap.
    const runs: string[] = [];
    let run: string[] = [];
    line.x.forEach((x, i) => {
      const y = line.y[i];
      if (Number.isFinite(x) && Number.isFinite(y)) run.push(`${round2(f.px(x))},${round2(f.py(y))}`);
      else if (run.length > 0) {
        runs.push(run.join(" "));
        run = [];
      }
    });
    if (run.length > 0) runs.push(run.join(" "));
    const dash = dashArray(line.linestyle, width);
    for (const r of runs) {
      out.push(`<polyline points="${r}" fill="none" stroke="${line.color}" stroke-width="${round2(width)}" stroke-linecap="${dash ? "butt" : "square"}" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`);
    }
  }
  if (line.marker !== "None") {
    line.x.forEach((x, i) => {
      if (!Number.isFinite(x) || !Number.isFinite(line.y[i])) return;
      const m = markerPath(line.marker, f.px(x), f.py(line.y[i]), line.markersize);
      out.push(`<path class="marker" d="${m.d}" ${m.filled ? `fill="${line.color}"` : `fill="none" stroke="${line.color}" stroke-width="${round2(pt(1))}"`}/>`);
    });
  }
  out.push(`</g>`);
  return out.join("\n");
}

/**
 * Lookup-table indices (0..255) as RGB bytes: gray and viridis exactly as matplotlib's tables (its
 * image pixels, or `rounded` as it writes colours into SVG), the
 * other maps display.heatmap knows through its 9-stop approximations (src/display/raster.ts).
 */
function colormap(index: Uint8Array, cmap: ColorMap, rounded = false): Uint8Array {
  const out = new Uint8Array(index.length * 3);
  if (cmap === "gray" || cmap === "viridis") {
    const table = rounded ? VIRIDIS_ROUNDED : VIRIDIS;
    index.forEach((i, p) => {
      if (cmap === "gray") out.fill(rounded ? i : GRAY_LUT[i], p * 3, p * 3 + 3);
      else out.set(table.subarray(i * 3, i * 3 + 3), p * 3);
    });
    return out;
  }
  return apply_colormap({ width: index.length, height: 1, channels: 1, data: index }, cmap).data;
}

/** Values through a colour map, min-max normalised as matplotlib's scatter does with `c=`. */
function mapColors(values: number[], cmap: ColorMap): string[] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const rgb = colormap(Uint8Array.from(values.map((v) => (hi === lo ? 0 : Math.min(255, Math.floor(((v - lo) / (hi - lo)) * 256))))), cmap, true);
  return values.map((_, i) => "#" + Array.from(rgb.subarray(i * 3, i * 3 + 3), (v) => v.toString(16).padStart(2, "0")).join(""));
}

/** A trailing keyword-arguments object (not data: no array, tensor or number). */
export function isOptions(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype && !("data" in v && "shape" in v);
}

export type { Array2 };
