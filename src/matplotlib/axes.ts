/**
 * matplotlib's Axes: the artists one plot holds (lines, scatter points, bars, an image), its limits
 * (autoscaled with 5% margins, stopped at sticky edges as bars and images set them), its ticks
 * (ticker.ts), labels, title, legend and grid, drawn as SVG elements by {@link Axes.toSvg}.
 */
import { TypeError, ValueError } from "../errors";
import { ipythonRepr, IPYTHON_REPR, PY_REPR } from "../pyrepr";
import { encode_png } from "../display/png";
import { upscale } from "../display/raster";
import { Colormap, get_cmap } from "./cm";
import { ContourCall, ContourOptions, QuadContourSet } from "./contour";
import { autoBins, autoMinorLocator, formatLogTicks, formatTicks, logLocator, logNonsingular, maxNLocator, nonsingular } from "./ticker";
import { cycleColors, dashArray, escapeXml, fontSize, LineStyle, Marker, markerPath, parseFormat, pt, Rc, rcParams, rcSnapshot, TAB10, textWidth, toColor } from "./style";
import { Array2, asArray, asVector, shapeRepr } from "./values";

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
    /** 'axes' when x is a fraction of the Axes' width (axhline's span), not data. */
    readonly xcoords: "data" | "axes" = "data",
    readonly ycoords: "data" | "axes" = "data",
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
  /** print(line): `Line2D(label)`, as matplotlib's str. */
  [PY_REPR](): string {
    return `Line2D(${this.label})`;
  }
}

/** What a colorbar shows of an image or of points coloured by value: the map and the values at its ends. */
export interface Mappable {
  cmap: Colormap;
  vmin: number;
  vmax: number;
  /** contourf's bands: the colorbar shows them, with a tick at each boundary (FixedLocator, at most 10). */
  bands?: { bounds: number[]; colors: string[]; alpha: number };
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
    /** The colour map and its limits when the colours are values (`c=labels`), for a colorbar. */
    readonly mappable: Mappable | null = null,
    /** The markers' edge: 'face' (each point's own colour, matplotlib's `scatter.edgecolors`), 'none' or a colour. */
    readonly edgecolor = "face",
    /** The edge's width in points (`patch.linewidth`: 1). */
    readonly linewidth = 1,
  ) {}
  [IPYTHON_REPR](): string {
    return ipythonRepr(this, "matplotlib.collections.PathCollection");
  }
}

/** The rectangles of `bar`, `barh` and `hist` ([x, y, width, height] each). */
export class BarContainer extends Array<[number, number, number, number]> {
  /** 'horizontal' for barh: its bars start at a sticky left edge instead of a sticky bottom. */
  orientation: "vertical" | "horizontal" = "vertical";
  color = TAB10[0];
  /** One colour per bar (`bar(x, h, color=['r', 'g', 'b'])`, repeated as needed), or none: all take `color`. */
  colors: string[] = [];
  edgecolor: string | null = null;
  alpha = 1;
  label = "";
  [IPYTHON_REPR](): string {
    return `<BarContainer object of ${this.length} artists>`;
  }
  [PY_REPR](): string {
    return this[IPYTHON_REPR]();
  }
}

/** The area of `fill_between`: a polygon (x and y1 forward, then x and y2 back). */
export class PolyCollection {
  constructor(
    readonly points: [number, number][],
    readonly color: string,
    readonly alpha: number,
    public label: string,
  ) {}
  [IPYTHON_REPR](): string {
    return ipythonRepr(this, "matplotlib.collections.PolyCollection");
  }
  [PY_REPR](): string {
    return ipythonRepr(this, "matplotlib.collections.PolyCollection");
  }
}

/** The error bars of `errorbar`: one segment per point and direction. */
export class LineCollection {
  constructor(
    readonly segments: [[number, number], [number, number]][],
    readonly color: string,
    readonly linewidth: number,
  ) {}
  [IPYTHON_REPR](): string {
    return ipythonRepr(this, "matplotlib.collections.LineCollection");
  }
}

/** What `errorbar` returns: [data_line, caplines, barlinecols], as matplotlib's ErrorbarContainer. */
export class ErrorbarContainer extends Array<unknown> {
  constructor(
    readonly data_line: Line2D,
    readonly caplines: Line2D[],
    readonly barlinecols: LineCollection[],
    public label: string,
  ) {
    super();
    this.push(data_line, caplines, barlinecols);
  }
  static get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  [IPYTHON_REPR](): string {
    return "<ErrorbarContainer object of 3 artists>";
  }
  [PY_REPR](): string {
    return this[IPYTHON_REPR]();
  }
}

/** annotate's arrow: the point it points at and how it is drawn (see arrowPath). */
export interface Arrow {
  x: number;
  y: number;
  coords: "data" | "axes";
  /** The arrowstyle ('->', '-|>', ...), or null for matplotlib's 'simple' polygon of width / headwidth / headlength / shrink. */
  style: string | null;
  edgecolor: string;
  facecolor: string;
  linewidth: number;
  shrink: number;
  width: number;
  headwidth: number;
  headlength: number;
}

/** The arrow styles annotate draws (matplotlib's other styles: 'fancy', 'simple', 'wedge', brackets, are refused by name). */
const ARROW_STYLES = ["-", "->", "-|>", "<-", "<->", "<|-", "<|-|>"];

/** A text of `text` or `annotate` (with an arrow from the text to `xy` when `arrowprops` is given). */
export class Text {
  constructor(
    readonly x: number,
    readonly y: number,
    public text: string,
    readonly fontsize: number,
    readonly color: string,
    readonly ha: "left" | "center" | "right",
    readonly va: "baseline" | "bottom" | "center" | "top",
    /** 'axes' for transform=ax.transAxes / xycoords='axes fraction'. */
    readonly coords: "data" | "axes",
    readonly arrow: Arrow | null = null,
  ) {}
  get_text(): string {
    return this.text;
  }
  set_text(text: string): void {
    this.text = String(text);
  }
  get_position(): [number, number] {
    return [this.x, this.y];
  }
  [IPYTHON_REPR](): string {
    return this.arrow === null ? `Text(${this.x}, ${this.y}, '${this.text}')` : `Annotation(${this.arrow.x}, ${this.arrow.y}, '${this.text}')`;
  }
  [PY_REPR](): string {
    return this[IPYTHON_REPR]();
  }
}

/** A wedge of `pie`: centre, radius and the angles (degrees, counter-clockwise from +x) it spans. */
export class Wedge {
  constructor(
    readonly cx: number,
    readonly cy: number,
    readonly r: number,
    readonly theta1: number,
    readonly theta2: number,
    readonly color: string,
  ) {}
  [IPYTHON_REPR](): string {
    return `Wedge(center=(${this.cx}, ${this.cy}), r=${this.r}, theta1=${this.theta1}, theta2=${this.theta2}, width=None)`;
  }
}

/** The arrow of `arrow`: matplotlib's FancyArrow polygon, in data coordinates. */
export class FancyArrow {
  constructor(
    /** The vertices, the first repeated at the end (`get_xy()`). */
    readonly xy: [number, number][],
    readonly facecolor: string,
    readonly edgecolor: string,
    readonly linewidth: number,
    readonly alpha: number,
    public label: string,
  ) {}
  get_xy(): [number, number][] {
    return this.xy.map((p) => [...p] as [number, number]);
  }
  [IPYTHON_REPR](): string {
    return ipythonRepr(this, "matplotlib.patches.FancyArrow");
  }
  [PY_REPR](): string {
    return "FancyArrow()";
  }
}

/** Options of `arrow`, as FancyArrow takes them (lengths in data units). */
export interface ArrowOptions {
  /** The tail's width (0.001). */
  width?: number;
  /** The head's full width (3 * width) and length (1.5 * head_width). */
  head_width?: number | null;
  head_length?: number | null;
  /** Whether dx, dy reach the head's tip (default: the head starts there). */
  length_includes_head?: boolean;
  shape?: "full" | "left" | "right";
  /** How far the head's back is swept in, a fraction of its length. */
  overhang?: number;
  head_starts_at_zero?: boolean;
  color?: unknown;
  facecolor?: unknown;
  fc?: unknown;
  edgecolor?: unknown;
  ec?: unknown;
  linewidth?: number;
  lw?: number;
  alpha?: number;
  label?: string;
}

/** An image of `imshow`: pixels as RGBA bytes, drawn over [-0.5, W - 0.5] x [-0.5, H - 0.5]. */
export class AxesImage {
  constructor(
    readonly width: number,
    readonly height: number,
    readonly rgba: Uint8Array,
    /** The colour map and the values at its ends, for a 2-d image (null for RGB). */
    readonly mappable: Mappable | null = null,
  ) {}
  /** The image as PNG bytes, at its own resolution or each pixel a `factor` x `factor` block. */
  png(factor = 1): Buffer {
    return encode_png(upscale({ width: this.width, height: this.height, channels: 4, data: this.rgba }, factor));
  }
  [IPYTHON_REPR](): string {
    return ipythonRepr(this, "matplotlib.image.AxesImage");
  }
}

/** `lines.linewidth` / `lines.markersize` as they are now (matplotlib reads them when a line is made). */
const linewidth = (): number => Number(rcParams["lines.linewidth"]);
const markersize = (): number => Number(rcParams["lines.markersize"]);
const FONT = 10;
const LABEL_PAD = 4;
const TITLE_PAD = 6;
const FONT_FAMILY = "DejaVu Sans, Bitstream Vera Sans, Arial, Helvetica, sans-serif";

/** matplotlib's Line2D properties a notebook sets on any line (`plot`'s, `axhline`'s). */
export interface LineOptions {
  label?: string;
  color?: unknown;
  c?: unknown;
  linestyle?: LineStyle;
  ls?: LineStyle;
  linewidth?: number;
  lw?: number;
  alpha?: number;
}

/** Options of `plot`. */
export interface PlotOptions extends LineOptions {
  marker?: Marker;
  markersize?: number;
}

/** Options of `scatter`. */
export interface ScatterOptions {
  /** One colour, or one number per point mapped through `cmap` (viridis). */
  c?: unknown;
  color?: unknown;
  /** Marker area in points squared (default 36). */
  s?: number;
  marker?: Marker;
  /** A colour map name ('viridis', 'coolwarm', 'gray_r', ...) or `plt.cm.<name>`. */
  cmap?: string | Colormap;
  vmin?: number;
  vmax?: number;
  alpha?: number;
  label?: string;
  /** The markers' edge colour: 'face' (default), 'none' or a colour; `edgecolor` too. */
  edgecolors?: unknown;
  edgecolor?: unknown;
  /** The edge's width in points (default `patch.linewidth`, 1); `linewidth` too. */
  linewidths?: number;
  linewidth?: number;
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

/** Options of `barh`: bars `height` tall centred on y, starting at `left`. */
export interface BarhOptions {
  height?: number;
  left?: number;
  color?: unknown;
  edgecolor?: unknown;
  alpha?: number;
  label?: string;
  align?: "center" | "edge";
}

/** Options of `fill_between`. */
export interface FillBetweenOptions {
  color?: unknown;
  facecolor?: unknown;
  alpha?: number;
  label?: string;
}

/** Options of `errorbar`. */
export interface ErrorbarOptions {
  /** One error for all points, one per point, or [below, above] lists. */
  yerr?: unknown;
  xerr?: unknown;
  /** The data line's format ('o', 'r--', ...; 'none' draws the bars only). */
  fmt?: string;
  color?: unknown;
  ecolor?: unknown;
  elinewidth?: number;
  /** Cap length in points (0: no caps). */
  capsize?: number;
  linestyle?: LineStyle;
  ls?: LineStyle;
  linewidth?: number;
  lw?: number;
  marker?: Marker;
  markersize?: number;
  label?: string;
}

/** Options of `axhline` / `axvline`. */
export interface AxLineOptions extends LineOptions {
  /** Where the line starts and ends, as fractions of the Axes (0 and 1). */
  xmin?: number;
  xmax?: number;
  ymin?: number;
  ymax?: number;
}

/** Options of `text` and `annotate`. */
export interface TextOptions {
  fontsize?: number;
  size?: number;
  color?: unknown;
  c?: unknown;
  ha?: "left" | "center" | "right";
  horizontalalignment?: "left" | "center" | "right";
  va?: "baseline" | "bottom" | "center" | "top";
  verticalalignment?: "baseline" | "bottom" | "center" | "top";
  /** `transform=ax.transAxes`: x and y are fractions of the Axes. */
  transform?: "transAxes" | "transData" | unknown;
}

/** Options of `annotate`. */
export interface AnnotateOptions extends TextOptions {
  /** The point annotated (also the second positional argument). */
  xy?: [number, number] | number[];
  /** Where the text goes (default: at xy). */
  xytext?: [number, number] | number[];
  /** 'data' (default) or 'axes fraction'. */
  xycoords?: "data" | "axes fraction";
  textcoords?: "data" | "axes fraction";
  /**
   * Draws an arrow from the text to xy: `{arrowstyle: '->'}` (also '-|>', '<-', '<->', '-'), or without
   * arrowstyle matplotlib's filled arrow (`{facecolor: 'black', shrink: 0.05}`, with width, headwidth,
   * headlength in points); `color` colours both its edge and face, `lw` / `linewidth` is its edge's width.
   */
  arrowprops?: {
    arrowstyle?: string; color?: unknown; facecolor?: unknown; fc?: unknown; edgecolor?: unknown; ec?: unknown; lw?: number; linewidth?: number;
    shrink?: number; width?: number; headwidth?: number; headlength?: number;
  };
}

/** Options of `pie`. */
export interface PieOptions {
  labels?: string[];
  colors?: unknown[];
  /** A printf format for each wedge's percentage ('%1.1f%%'). */
  autopct?: string;
  startangle?: number;
  counterclock?: boolean;
  explode?: number[];
}

/** Options of `imshow`. */
export interface ImshowOptions {
  /** A colour map name ('gray', 'viridis', 'Greys', 'hot', 'jet', 'coolwarm', 'RdBu', any with `_r`) or `plt.cm.<name>`. */
  cmap?: string | Colormap;
  vmin?: number;
  vmax?: number;
  /** 'equal' (default: square pixels) or 'auto' (the image fills the Axes). */
  aspect?: "equal" | "auto";
  interpolation?: string;
}

/** Options of `legend`. */
export interface LegendOptions {
  /** 'best' (default), 'upper right', ... 'center' (or their codes 0..10), or [x, y]: the legend's lower left corner in fractions of the Axes. */
  loc?: string | number | [number, number] | number[];
  labels?: string[];
  fontsize?: number | string;
  /** The point ([x, y]) or box ([x, y, width, height]) in fractions of the Axes that `loc` places the legend against (default: the Axes). */
  bbox_to_anchor?: [number, number] | [number, number, number, number] | number[];
  /** Draw the legend's box (default `legend.frameon`). */
  frameon?: boolean;
}

/** matplotlib's legend locations, by code: loc=2 is 'upper left'. */
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

/**
 * A horizontal or vertical line's coordinate snapped to the pixel grid as Agg's PathSnapper does, so that
 * spines, ticks and grid lines are crisp as in matplotlib's PNG: a pixel's centre for a line an odd number
 * of pixels wide, its edge for an even one.
 */
function snap(v: number, width: number): number {
  return Math.floor(v + 0.5) + (Math.round(width) % 2 === 1 ? 0.5 : 0);
}

function round2(v: number): string {
  return Number.isFinite(v) ? v.toFixed(2) : "0";
}

/** Clipping a warning's text (matplotlib logs it once per call, at WARNING level, to stderr). */
const CLIP_WARNING = "Clipping input data to the valid range for imshow with RGB data ([0..1] for floats or [0..255] for integers).";

export class Axes {
  /** The rcParams when the Axes was made (its colours, grid, fonts and ticks, as matplotlib reads them then). */
  readonly rc: Rc = rcSnapshot();
  private readonly cycle = cycleColors(this.rc);
  readonly lines: Line2D[] = [];
  readonly collections: PathCollection[] = [];
  readonly containers: BarContainer[] = [];
  readonly images: AxesImage[] = [];
  readonly texts: Text[] = [];
  /** pie's wedges. */
  readonly wedges: Wedge[] = [];
  /** `ax.transAxes`, for `text(..., transform=ax.transAxes)`. */
  readonly transAxes = "transAxes" as const;
  readonly transData = "transData" as const;
  /** fill_between's areas (matplotlib keeps them in `ax.collections` with the scatter points). */
  readonly fills: PolyCollection[] = [];
  /** errorbar's bars, drawn with the lines. */
  readonly lineCollections: LineCollection[] = [];
  /** contourf's and contour's sets. */
  readonly contourSets: QuadContourSet[] = [];
  /** arrow's arrows (matplotlib keeps them in `ax.patches`). */
  readonly arrows: FancyArrow[] = [];
  /** What a colour map maps (images, points coloured by value, contour sets), in the order made: `plt.gci()` is the last. */
  readonly mappables: (AxesImage | PathCollection | QuadContourSet)[] = [];
  /** Bars, scatter points, filled areas, contour sets and arrows in the order they were added (matplotlib draws them so). */
  private readonly patchesAndCollections: (BarContainer | PathCollection | PolyCollection | QuadContourSet | FancyArrow)[] = [];
  /** Which side each axis' ticks and label are on, and whether it is drawn (a twin's other axis is not); whether the background is. */
  readonly sides = { x: "bottom" as "bottom" | "top", y: "left" as "left" | "right" };
  readonly axisVisible = { x: true, y: true };
  private patchVisible = true;
  /** The figure's part this Axes calls on to add a twin beside itself (set by the Figure). */
  addTwin: ((twin: Axes) => void) | null = null;
  /** axhline / axvline lines whose position did not ask for autoscaling (it lay inside the limits then). */
  private readonly unscaled = new Set<Line2D>();
  private readonly scales: { x: "linear" | "log"; y: "linear" | "log" } = { x: "linear", y: "linear" };
  /** The Axes sharing each axis' limits (`subplots(sharex=True)`), this one included. */
  shared: { x: Axes[]; y: Axes[] } = { x: [this], y: [this] };
  /** Tick labels left off an inner Axes of a shared grid (matplotlib's label_outer). */
  hideTickLabels = { x: false, y: false };
  /** Where the drawn box sits in its slot when the aspect shrinks it (matplotlib's anchor; 'C' is [0.5, 0.5]). */
  anchor: [number, number] = [0.5, 0.5];
  /** A colorbar's Axes: what it shows (the long axis is y, ticks on the right), and its height / width. */
  colorbarOf: Mappable | null = null;
  private boxAspect: number | null = null;
  private frameOn = true;
  private title = "";
  private xlabel = "";
  private ylabel = "";
  private xlimSet: [number | null, number | null] = [null, null];
  private ylimSet: [number | null, number | null] = [null, null];
  private gridOn = Boolean(this.rc["axes.grid"]);
  /** errorbar's data lines, with what their legend handle draws: the bars' directions, colour, width and caps. */
  private readonly errorbarOf = new Map<Line2D, { xerr: boolean; yerr: boolean; color: string; width: number; capsize: number }>();
  /** Minor ticks: a linear axis has AutoMinorLocator's where `xtick.minor.visible` / minorticks_on() asks, a log axis LogLocator's unless minorticks_off(). */
  private minorOn: Record<"x" | "y", boolean | null> = { x: this.rc["xtick.minor.visible"] === true ? true : null, y: this.rc["ytick.minor.visible"] === true ? true : null };
  private axisOn = true;
  private legendOptions: LegendOptions | null = null;
  private lineCycle = 0;
  private patchCycle = 0;
  private xTickLabels: { ticks: number[]; labels: string[] | null } | null = null;
  private yTickLabels: { ticks: number[]; labels: string[] | null } | null = null;
  private equalAspect = false;
  /** Where the legend was last drawn: [x, y, width, height] in the figure's pixels (y down). */
  legendBox: [number, number, number, number] | null = null;

  /**
   * @param box where the Axes sits ([left, bottom, width, height], fractions of the figure)
   * @param figureSize the figure's size in pixels, for the tick spacing and the aspect of images
   */
  constructor(
    public box: Box,
    private readonly figureSize: () => [number, number],
  ) {}

  [IPYTHON_REPR](): string {
    return this.colorbarOf !== null ? "<AxesSubplot: label='<colorbar>'>" : "<AxesSubplot: >";
  }

  /** Makes this Axes a colorbar's: no x axis, y from vmin to vmax, 20 times as tall as wide. */
  makeColorbar(mappable: Mappable, aspect = 20): void {
    this.colorbarOf = mappable;
    this.boxAspect = aspect;
    this.anchor = [0, 0.5];
    this.ylimSet = [mappable.vmin, mappable.vmax];
    this.xlimSet = [0, 1];
    this.xTickLabels = { ticks: [], labels: null };
    const bounds = mappable.bands?.bounds;
    if (bounds !== undefined) {
      // matplotlib's FixedLocator(boundaries, nbins=10): every step-th boundary, the run holding the one nearest zero.
      this.ylimSet = [bounds[0], bounds[bounds.length - 1]];
      const step = Math.max(Math.ceil(bounds.length / 10), 1);
      let ticks = bounds.filter((_, i) => i % step === 0);
      for (let k = 1; k < step; k++) {
        const other = bounds.filter((_, i) => i % step === k);
        if (Math.min(...other.map(Math.abs)) < Math.min(...ticks.map(Math.abs))) ticks = other;
      }
      this.yTickLabels = { ticks, labels: null };
    }
  }

  private nextLineColor(): string {
    return this.cycle[this.lineCycle++ % this.cycle.length];
  }
  private nextPatchColor(): string {
    return this.cycle[this.patchCycle++ % this.cycle.length];
  }

  /**
   * `plot(y)`, `plot(x, y)`, `plot(x, y, 'r--')`, `plot(x, y, label='train')`: a 2-d y draws one line per
   * column. Returns the lines drawn (matplotlib's list of Line2D).
   */
  plot(y: unknown, options?: PlotOptions): Line2D[];
  plot(y: unknown, fmt: string, options?: PlotOptions): Line2D[];
  plot(x: unknown, y: unknown, options?: PlotOptions): Line2D[];
  plot(x: unknown, y: unknown, fmt: string, options?: PlotOptions): Line2D[];
  /** Python's `ax.plot(*zip(*points), '-o')`: the arguments spread from a list. */
  plot(...args: unknown[]): Line2D[];
  plot(...args: unknown[]): Line2D[] {
    return this.plotArgs(args);
  }

  /** `semilogy(...)`: plot with a log y axis (the arguments of plot). */
  semilogy(y: unknown, options?: PlotOptions): Line2D[];
  semilogy(y: unknown, fmt: string, options?: PlotOptions): Line2D[];
  semilogy(x: unknown, y: unknown, options?: PlotOptions): Line2D[];
  semilogy(x: unknown, y: unknown, fmt: string, options?: PlotOptions): Line2D[];
  semilogy(...args: unknown[]): Line2D[] {
    this.set_yscale("log");
    return this.plotArgs(args);
  }

  /** `semilogx(...)`: plot with a log x axis (a learning-rate finder's plot). */
  semilogx(y: unknown, options?: PlotOptions): Line2D[];
  semilogx(y: unknown, fmt: string, options?: PlotOptions): Line2D[];
  semilogx(x: unknown, y: unknown, options?: PlotOptions): Line2D[];
  semilogx(x: unknown, y: unknown, fmt: string, options?: PlotOptions): Line2D[];
  semilogx(...args: unknown[]): Line2D[] {
    this.set_xscale("log");
    return this.plotArgs(args);
  }

  /** `loglog(...)`: plot with both axes log. */
  loglog(y: unknown, options?: PlotOptions): Line2D[];
  loglog(y: unknown, fmt: string, options?: PlotOptions): Line2D[];
  loglog(x: unknown, y: unknown, options?: PlotOptions): Line2D[];
  loglog(x: unknown, y: unknown, fmt: string, options?: PlotOptions): Line2D[];
  loglog(...args: unknown[]): Line2D[] {
    this.set_xscale("log");
    this.set_yscale("log");
    return this.plotArgs(args);
  }

  /** @internal plot's arguments as a list: data, an optional format string, an optional options object last. */
  plotArgs(argList: unknown[]): Line2D[] {
    const args = [...argList];
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
      const line = this.line(x, ys, options, fmt, options.label === undefined ? `_child${this.lines.length}` : String(options.label));
      drawn.push(line);
    }
    return drawn;
  }

  /**
   * A data line as `plot` and `errorbar` make it: the keyword options first, then the format string's
   * colour, style and marker, then the colour cycle and the `lines.*` rcParams.
   */
  private line(x: number[], y: number[], options: PlotOptions, fmt: ReturnType<typeof parseFormat>, label: string): Line2D {
    const explicit = options.color ?? options.c;
    const color = explicit !== undefined ? toColor(explicit) : fmt.color ?? this.nextLineColor();
    const linestyle = options.linestyle ?? options.ls ?? fmt.linestyle ?? "-";
    const marker = options.marker ?? fmt.marker ?? "None";
    const line = new Line2D(x, y, color, linestyle, options.linewidth ?? options.lw ?? linewidth(), marker, options.markersize ?? markersize(), label);
    this.lines.push(line);
    return line;
  }

  /** bar / barh / hist's bars added in their colour (the cycle's next unless given), edge, alpha and label. */
  private addBars(bars: BarContainer, options: { color?: unknown; edgecolor?: unknown; alpha?: number; label?: string }): BarContainer {
    const c = options.color;
    // A list of colours (not one RGB(A) tuple) colours the bars in turn, as matplotlib cycles it.
    if (Array.isArray(c) && c.length > 0 && !c.every((v) => typeof v === "number")) bars.colors = c.map(toColor);
    bars.color = c === undefined ? this.nextPatchColor() : bars.colors.length > 0 ? bars.colors[0] : toColor(c);
    bars.edgecolor = options.edgecolor === undefined ? null : toColor(options.edgecolor);
    bars.alpha = options.alpha ?? 1;
    bars.label = options.label ?? "_nolegend_";
    this.containers.push(bars);
    this.patchesAndCollections.push(bars);
    return bars;
  }

  /** bar / barh's positions: numbers, or strings that become categories 0, 1, ... labelling that axis' ticks. */
  private positions(values: unknown, axis: "x" | "y", op: string): number[] {
    if (!(Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === "string"))) return asVector(values, op);
    const ticks = values.map((_, i) => i);
    if (axis === "x") this.xTickLabels = { ticks, labels: values as string[] };
    else this.yTickLabels = { ticks, labels: values as string[] };
    return ticks;
  }

  /** `scatter(x, y, c=labels, s=10)`: points coloured by value through viridis, or all one colour. */
  scatter(x: unknown, y: unknown, options: ScatterOptions = {}): PathCollection {
    const xs = asVector(x, "scatter");
    const ys = asVector(y, "scatter");
    if (xs.length !== ys.length) throw new ValueError("x and y must be the same size");
    let colors: string[];
    let mappable: Mappable | null = null;
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
      if (values.length === xs.length) {
        mappable = { cmap: get_cmap(options.cmap ?? String(rcParams["image.cmap"])), vmin: options.vmin ?? Math.min(...values), vmax: options.vmax ?? Math.max(...values) };
        colors = mapColors(values, mappable);
      } else {
        let one: string;
        try {
          one = toColor(c);
        } catch {
          throw new ValueError(`'c' argument has ${values.length} elements, which is inconsistent with 'x' and 'y' with size ${xs.length}.`);
        }
        colors = xs.map(() => one);
      }
    }
    const edge = options.edgecolors ?? options.edgecolor ?? "face";
    const points = new PathCollection(
      xs, ys, colors, options.s ?? markersize() ** 2, options.marker ?? "o", options.alpha ?? 1, options.label ?? `_child${this.collections.length}`, mappable,
      edge === "face" || edge === "none" ? edge : toColor(edge), Number(options.linewidths ?? options.linewidth ?? rcParams["patch.linewidth"]),
    );
    this.collections.push(points);
    this.patchesAndCollections.push(points);
    if (mappable !== null) this.mappables.push(points);
    return points;
  }

  /** `bar(x, height)`: bars `width` wide centred on x (strings make a categorical axis). */
  bar(x: unknown, height: unknown, options: BarOptions = {}): BarContainer {
    const xs = this.positions(x, "x", "bar");
    const hs = broadcastTo(asVector(height, "bar"), xs.length, (n) => `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape ${shapeRepr([xs.length])} and arg 1 with shape ${shapeRepr([n])}.`);
    const width = options.width ?? 0.8;
    const bottom = options.bottom ?? 0;
    const bars = new BarContainer();
    xs.forEach((xv, i) => bars.push([options.align === "edge" ? xv : xv - width / 2, bottom, width, hs[i]]));
    return this.addBars(bars, options);
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
    return [n, edges, this.addBars(bars, opts)];
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
    let mappable: Mappable | null = null;
    if (shape.length === 2) {
      const cmap = get_cmap(options.cmap ?? String(rcParams["image.cmap"]));
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of a.data) {
        if (Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      const vmin = options.vmin ?? (lo <= hi ? lo : 0);
      const vmax = options.vmax ?? (lo <= hi ? hi : 1);
      mappable = { cmap, vmin, vmax };
      // Normalize maps into [0, 1]; the colormap's lookup takes floor(v * N), the top value included in the last entry.
      const index = new Uint16Array(H * W);
      for (let p = 0; p < H * W; p++) index[p] = cmap.index(vmax === vmin ? 0 : (a.data[p] - vmin) / (vmax - vmin));
      for (let p = 0; p < H * W; p++) {
        rgba.set(cmap.truncated.subarray(index[p] * 3, index[p] * 3 + 3), p * 4);
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
    const img = new AxesImage(W, H, rgba, mappable);
    this.images.push(img);
    if (mappable !== null) this.mappables.push(img);
    this.equalAspect = options.aspect !== "auto";
    return img;
  }

  /** `barh(y, width)`: horizontal bars `height` tall centred on y (strings make categories on the y axis). */
  barh(y: unknown, width: unknown, options: BarhOptions = {}): BarContainer {
    const ys = this.positions(y, "y", "barh");
    // barh is bar(left, height, width, y): NumPy names the widths arg 2 and the positions arg 3.
    const ws = broadcastTo(asVector(width, "barh"), ys.length, (n) => `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 2 with shape ${shapeRepr([n])} and arg 3 with shape ${shapeRepr([ys.length])}.`);
    const height = options.height ?? 0.8;
    const left = options.left ?? 0;
    const bars = new BarContainer();
    bars.orientation = "horizontal";
    ys.forEach((yv, i) => bars.push([left, options.align === "edge" ? yv : yv - height / 2, ws[i], height]));
    return this.addBars(bars, options);
  }

  /** `fill_between(x, y1, y2=0)`: the area between two curves (in the next colour of the cycle). */
  fill_between(x: unknown, y1: unknown, options?: FillBetweenOptions): PolyCollection;
  fill_between(x: unknown, y1: unknown, y2: unknown, options?: FillBetweenOptions): PolyCollection;
  fill_between(x: unknown, y1: unknown, y2: unknown = 0, options: FillBetweenOptions = {}): PolyCollection {
    if (isOptions(y2)) [options, y2] = [y2 as FillBetweenOptions, 0];
    const xs = asVector(x, "fill_between");
    const broadcast = (v: unknown) => broadcastTo(asVector(v, "fill_between"), xs.length, (n) => `operands could not be broadcast together with shapes ${shapeRepr([xs.length])} ${shapeRepr([n])} `);
    const lower = broadcast(y1);
    const upper = broadcast(y2);
    const points: [number, number][] = [...xs.map((xv, i) => [xv, lower[i]] as [number, number]), ...xs.map((xv, i) => [xv, upper[i]] as [number, number]).reverse()];
    const explicit = options.color ?? options.facecolor;
    const fill = new PolyCollection(points, explicit === undefined ? this.nextPatchColor() : toColor(explicit), options.alpha ?? 1, options.label ?? `_child${this.fills.length}`);
    this.fills.push(fill);
    this.patchesAndCollections.push(fill);
    return fill;
  }

  /**
   * `errorbar(x, y, yerr=..., xerr=..., fmt='o', capsize=3)`: the data line (a line, unless `fmt` says
   * markers only or 'none') and a bar from y - err to y + err at each point, capped when `capsize` > 0.
   */
  errorbar(x: unknown, y: unknown, options: ErrorbarOptions = {}): ErrorbarContainer {
    const xs = asVector(x, "errorbar");
    const ys = asVector(y, "errorbar");
    if (xs.length !== ys.length) throw new ValueError(`x and y must have same first dimension, but have shapes ${shapeRepr([xs.length])} and ${shapeRepr([ys.length])}`);
    // fmt='none' draws the bars only: a data line with neither line nor markers.
    const fmtNone = options.fmt !== undefined && options.fmt.toLowerCase() === "none";
    const fmt = options.fmt === undefined || fmtNone ? {} : parseFormat(options.fmt);
    const label = options.label === undefined ? "_nolegend_" : String(options.label);
    const lineOptions: PlotOptions = fmtNone ? { ...options, linestyle: "None", ls: undefined, marker: "None" } : { ...options, c: undefined };
    const dataLine = this.line(xs, ys, lineOptions, fmt, label);
    const [color, lw] = [dataLine.color, dataLine.linewidth];
    const ecolor = options.ecolor === undefined ? color : toColor(options.ecolor);
    const capsize = options.capsize ?? 0;
    const caplines: Line2D[] = [];
    const barlinecols: LineCollection[] = [];
    const errors = (err: unknown, name: string): [number[], number[]] => {
      const e = asArray(err, "errorbar");
      const n = xs.length;
      let below: number[];
      let above: number[];
      if (e.shape.length === 0 || (e.shape.length === 1 && e.data.length === 1)) below = above = xs.map(() => e.data[0]);
      else if (e.shape.length === 1 && e.shape[0] === n) below = above = Array.from(e.data);
      else if (e.shape.length === 2 && e.shape[0] === 2 && e.shape[1] === n) [below, above] = [Array.from(e.data.subarray(0, n)), Array.from(e.data.subarray(n))];
      else throw new ValueError(`'${name}' (shape: ${shapeRepr(e.shape)}) must be a scalar or a 1D or (2, n) array-like whose shape matches '${name === "xerr" ? "x" : "y"}' (shape: ${shapeRepr([n])})`);
      if ([...below, ...above].some((v) => v < 0)) throw new ValueError(`'${name}' must not contain negative values`);
      return [below, above];
    };
    // matplotlib adds the x error bars first, then the y ones, each with its caps as marker-only lines.
    for (const [err, name] of [[options.xerr, "xerr"], [options.yerr, "yerr"]] as const) {
      if (err === undefined || err === null) continue;
      const [below, above] = errors(err, name);
      const lo = name === "xerr" ? xs.map((v, i) => v - below[i]) : ys.map((v, i) => v - below[i]);
      const hi = name === "xerr" ? xs.map((v, i) => v + above[i]) : ys.map((v, i) => v + above[i]);
      const segments = xs.map((xv, i): [[number, number], [number, number]] => (name === "xerr" ? [[lo[i], ys[i]], [hi[i], ys[i]]] : [[xv, lo[i]], [xv, hi[i]]]));
      if (capsize > 0) {
        const capMarker = name === "xerr" ? "|" : "_";
        for (const ends of [lo, hi]) {
          const cap = new Line2D(name === "xerr" ? ends : xs, name === "xerr" ? ys : ends, ecolor, "None", lw, capMarker, 2 * capsize, "_nolegend_");
          this.lines.push(cap);
          caplines.push(cap);
        }
      }
      const bars = new LineCollection(segments, ecolor, options.elinewidth ?? lw);
      this.lineCollections.push(bars);
      barlinecols.push(bars);
    }
    this.errorbarOf.set(dataLine, { xerr: options.xerr !== undefined && options.xerr !== null, yerr: options.yerr !== undefined && options.yerr !== null, color: ecolor, width: options.elinewidth ?? lw, capsize });
    const container = new ErrorbarContainer(dataLine, caplines, barlinecols, label);
    return container;
  }

  /** `axhline(y)`: a horizontal line across the Axes (from `xmin` to `xmax`, fractions of its width), in 'C0' unless coloured. */
  axhline(y = 0, options: AxLineOptions = {}): Line2D {
    return this.axLine("h", y, options);
  }
  /** `axvline(x)`: a vertical line from `ymin` to `ymax` (fractions of the Axes' height). */
  axvline(x = 0, options: AxLineOptions = {}): Line2D {
    return this.axLine("v", x, options);
  }

  private axLine(dir: "h" | "v", at: number, options: AxLineOptions): Line2D {
    if (typeof at !== "number") throw new TypeError(`ax${dir}line() takes a number as its position, got ${typeof at}; use the ${dir === "h" ? "xmin / xmax" : "ymin / ymax"} options for the span`);
    const [a, b] = dir === "h" ? [options.xmin ?? 0, options.xmax ?? 1] : [options.ymin ?? 0, options.ymax ?? 1];
    const color = toColor(options.color ?? options.c ?? "C0");
    const style = options.linestyle ?? options.ls ?? "-";
    const label = options.label === undefined ? `_child${this.lines.length}` : String(options.label);
    const line = dir === "h"
      ? new Line2D([a, b], [at, at], color, style, options.linewidth ?? options.lw ?? linewidth(), "None", markersize(), label, "axes", "data")
      : new Line2D([at, at], [a, b], color, style, options.linewidth ?? options.lw ?? linewidth(), "None", markersize(), label, "data", "axes");
    // As matplotlib: the line widens the limits only when it lies outside them.
    const [lo, hi] = dir === "h" ? this.get_ylim() : this.get_xlim();
    if (at >= Math.min(lo, hi) && at <= Math.max(lo, hi)) this.unscaled.add(line);
    this.lines.push(line);
    return line;
  }

  /** `text(x, y, s)`: text at data coordinates (or fractions of the Axes with `transform=ax.transAxes`), left and baseline aligned. */
  text(x: number, y: number, s: unknown, options: TextOptions = {}): Text {
    const t = new Text(Number(x), Number(y), String(s), options.fontsize ?? options.size ?? Number(rcParams["font.size"]), toColor(options.color ?? options.c ?? rcParams["text.color"]), options.ha ?? options.horizontalalignment ?? "left", options.va ?? options.verticalalignment ?? "baseline", options.transform === "transAxes" || options.transform === this.transAxes ? "axes" : "data");
    this.texts.push(t);
    return t;
  }

  /** `annotate(text, xy, xytext=..., arrowprops={...})`: text at xytext (default xy), with an arrow to xy when arrowprops is given. */
  annotate(text: unknown, xy: [number, number] | number[], options?: AnnotateOptions): Text;
  annotate(text: unknown, options: AnnotateOptions): Text;
  annotate(text: unknown, xyOrOptions: [number, number] | number[] | AnnotateOptions, options: AnnotateOptions = {}): Text {
    if (isOptions(xyOrOptions)) options = xyOrOptions as AnnotateOptions;
    const xy = isOptions(xyOrOptions) ? options.xy : xyOrOptions;
    if (xy === undefined) throw new TypeError("annotate() missing 1 required positional argument: 'xy'");
    if (!Array.isArray(xy) || xy.length !== 2) throw new ValueError(`xy must be a pair (x, y), got ${String(xy)}`);
    const at = options.xytext ?? xy;
    const coords = (options.textcoords ?? options.xycoords ?? "data") === "axes fraction" ? "axes" : "data";
    const arrow = options.arrowprops === undefined ? null : arrowOf(options.arrowprops, Number(xy[0]), Number(xy[1]), (options.xycoords ?? "data") === "axes fraction" ? "axes" : "data");
    const t = new Text(Number(at[0]), Number(at[1]), String(text), options.fontsize ?? options.size ?? Number(rcParams["font.size"]), toColor(options.color ?? options.c ?? rcParams["text.color"]), options.ha ?? options.horizontalalignment ?? "left", options.va ?? options.verticalalignment ?? "baseline", coords, arrow);
    this.texts.push(t);
    return t;
  }

  /**
   * `pie(x, labels=..., autopct='%1.1f%%')`: wedges from 0 degrees (or `startangle`) counter-clockwise,
   * each the share of the sum, in the colour cycle; the Axes square, frameless and without ticks, as
   * matplotlib's. Returns [wedges, texts] or, with autopct, [wedges, texts, autotexts].
   */
  pie(x: unknown, options: PieOptions = {}): [Wedge[], Text[]] | [Wedge[], Text[], Text[]] {
    const values = asVector(x, "pie");
    if (values.some((v) => v < 0)) throw new ValueError("Wedge sizes 'x' must be non negative values");
    const total = values.reduce((a, b) => a + b, 0);
    const fracs = total > 1 ? values.map((v) => v / total) : values;
    if (options.labels !== undefined && options.labels.length !== values.length) throw new ValueError("'label' must be of length 'x'");
    let theta1 = (options.startangle ?? 0) / 360;
    const sign = options.counterclock === false ? -1 : 1;
    const wedges: Wedge[] = [];
    const texts: Text[] = [];
    const autotexts: Text[] = [];
    fracs.forEach((frac, i) => {
      const theta2 = theta1 + sign * frac;
      const thetam = Math.PI * (theta1 + theta2);
      const explode = options.explode?.[i] ?? 0;
      const [cx, cy] = [explode * Math.cos(thetam), explode * Math.sin(thetam)];
      const color = options.colors !== undefined ? toColor(options.colors[i % options.colors.length]) : this.nextPatchColor();
      wedges.push(new Wedge(cx, cy, 1, 360 * Math.min(theta1, theta2), 360 * Math.max(theta1, theta2), color));
      const label = options.labels?.[i] ?? "";
      const [lx, ly] = [cx + 1.1 * Math.cos(thetam), cy + 1.1 * Math.sin(thetam)];
      const t = new Text(lx, ly, label, Number(rcParams["font.size"]), toColor(rcParams["text.color"]), lx > 0 ? "left" : "right", "center", "data");
      texts.push(t);
      this.texts.push(t);
      if (options.autopct !== undefined) {
        const a = new Text(cx + 0.6 * Math.cos(thetam), cy + 0.6 * Math.sin(thetam), percentFormat(options.autopct, 100 * frac), Number(rcParams["font.size"]), toColor(rcParams["text.color"]), "center", "center", "data");
        autotexts.push(a);
        this.texts.push(a);
      }
      theta1 = theta2;
    });
    this.wedges.push(...wedges);
    this.frameOn = false;
    this.xlimSet = [-1.25, 1.25];
    this.ylimSet = [-1.25, 1.25];
    this.xTickLabels = { ticks: [], labels: null };
    this.yTickLabels = { ticks: [], labels: null };
    this.equalAspect = true;
    return options.autopct !== undefined ? [wedges, texts, autotexts] : [wedges, texts];
  }

  /**
   * `contourf(X, Y, Z, levels, alpha=0.3, cmap=...)`, `contourf(Z)`: filled bands between levels over a
   * grid (X, Y 1-d or 2-d as `np.meshgrid` gives them; Z's column and row numbers without them). Levels: an
   * int (7) for MaxNLocator to choose, or a list. See src/matplotlib/contour.ts.
   */
  readonly contourf: ContourCall = (...args: unknown[]) => this.contourArgs(true, args);

  /** `contour(X, Y, Z, levels, colors='k')`: the levels' lines (negative ones dashed when of one colour). */
  readonly contour: ContourCall = (...args: unknown[]) => this.contourArgs(false, args);

  /** @internal contourf / contour's arguments: data, optional levels, an optional options object last. */
  contourArgs(filled: boolean, argList: unknown[]): QuadContourSet {
    const args = [...argList];
    const options = args.length > 1 && isOptions(args[args.length - 1]) ? (args.pop() as ContourOptions) : {};
    const cs = new QuadContourSet(filled, args, options);
    this.contourSets.push(cs);
    this.patchesAndCollections.push(cs);
    this.mappables.push(cs);
    return cs;
  }

  /**
   * `clabel(cs, fontsize=8)`: each level's value (ScalarFormatter's text over the levels) written at the
   * middle of its longest line, in the line's colour. matplotlib also cuts the line under the label
   * (inline) and may label a long line more than once; this draws one label per level over the line.
   */
  clabel(cs: QuadContourSet, options: { fontsize?: number; colors?: unknown; fmt?: string } = {}): Text[] {
    if (cs.filled) return [];
    const levels = Array.from(cs.levels.data as Float64Array);
    const labels = formatTicks(levels, [Math.min(...levels), Math.max(...levels)]).labels;
    const made: Text[] = [];
    cs.pieces.forEach((piece, k) => {
      let best: number[] | null = null;
      let bestLength = 0;
      for (const path of piece.paths) {
        let length = 0;
        for (let i = 2; i < path.length; i += 2) length += Math.hypot(path[i] - path[i - 2], path[i + 1] - path[i - 1]);
        if (length > bestLength) [best, bestLength] = [path, length];
      }
      if (best === null) return;
      const mid = 2 * Math.floor(best.length / 4);
      const text = options.fmt !== undefined ? percentFormat(options.fmt, levels[k]) : labels[k];
      const t = new Text(best[mid], best[mid + 1], text, options.fontsize ?? Number(rcParams["font.size"]), options.colors !== undefined ? toColor(options.colors) : piece.color, "center", "center", "data");
      this.texts.push(t);
      made.push(t);
    });
    return made;
  }

  /**
   * `ax.twinx()`: a second Axes over this one sharing its x axis, with its own y axis on the right and
   * no background or x axis of its own (loss and accuracy on one plot). Its colour cycle starts afresh.
   */
  twinx(): Axes {
    return this.twin("x");
  }
  /** `ax.twiny()`: a second Axes sharing the y axis, its own x axis on top. */
  twiny(): Axes {
    return this.twin("y");
  }

  private twin(shared: "x" | "y"): Axes {
    if (this.addTwin === null) throw new ValueError("twinx / twiny need an Axes in a figure");
    const t = new Axes(this.box, this.figureSize);
    const group = [...this.shared[shared], t];
    for (const ax of group) ax.shared[shared] = group;
    t.anchor = this.anchor;
    t.patchVisible = false;
    if (shared === "x") {
      t.sides.y = "right";
      t.axisVisible.x = false;
    } else {
      t.sides.x = "top";
      t.axisVisible.y = false;
    }
    this.addTwin(t);
    return t;
  }

  /**
   * `arrow(x, y, dx, dy, head_width=0.1)`: matplotlib's FancyArrow from (x, y) along (dx, dy), its head
   * beyond that point unless `length_includes_head`; face `patch.facecolor` (C0) and a `patch.edgecolor`
   * edge (black) unless coloured; drawn in data coordinates, so an unequal aspect skews it as matplotlib's.
   */
  arrow(x: number, y: number, dx: number, dy: number, options: ArrowOptions = {}): FancyArrow {
    const width = options.width ?? 0.001;
    const hw = options.head_width ?? 3 * width;
    const hl = options.head_length ?? 1.5 * hw;
    const shape = options.shape ?? "full";
    if (!["full", "left", "right"].includes(shape)) throw new ValueError(`Got unknown shape: '${String(shape)}'`);
    const distance = Math.hypot(dx, dy);
    const length = options.length_includes_head ? distance : distance + hl;
    let verts: [number, number][] = [];
    if (length !== 0) {
      const hs = options.overhang ?? 0;
      const shift = (options.length_includes_head ? 0 : hl) + (options.head_starts_at_zero ? hl / 2 : 0);
      const left: [number, number][] = [[0, 0], [-hl, -hw / 2], [-hl * (1 - hs), -width / 2], [-length, -width / 2], [-length, 0]].map(([u, v]) => [u + shift, v]);
      const right = left.map(([u, v]): [number, number] => [u, -v]);
      const coords = shape === "left" ? left : shape === "right" ? right : [...left.slice(0, -1), ...right.slice(0, -1).reverse()];
      const [cx, sx] = distance !== 0 ? [dx / distance, dy / distance] : [0, 1];
      verts = coords.map(([u, v]): [number, number] => [u * cx + v * -sx + x + dx, u * sx + v * cx + y + dy]);
      // Polygon(closed=True) repeats the first vertex unless the last is it already (a full arrow ends at its tip).
      const [first, last] = [verts[0], verts[verts.length - 1]];
      if (first[0] !== last[0] || first[1] !== last[1]) verts.push([...first]);
    }
    const face = options.facecolor ?? options.fc ?? options.color ?? rcParams["patch.facecolor"];
    const edge = options.edgecolor ?? options.ec ?? options.color ?? rcParams["patch.edgecolor"];
    const a = new FancyArrow(verts, toColor(face), toColor(edge), Number(options.linewidth ?? options.lw ?? rcParams["patch.linewidth"]), options.alpha ?? 1, options.label ?? "_nolegend_");
    this.arrows.push(a);
    this.patchesAndCollections.push(a);
    return a;
  }

  /** `set_xscale('log')` / `set_yscale('log')`: log axes, with matplotlib's decade ticks and 10^k labels. */
  set_xscale(value: "linear" | "log"): void {
    this.scales.x = checkScale(value);
  }
  set_yscale(value: "linear" | "log"): void {
    this.scales.y = checkScale(value);
  }
  get_xscale(): string {
    return this.scales.x;
  }
  get_yscale(): string {
    return this.scales.y;
  }

  /** `set_aspect('equal')` keeps one unit square; 'auto' lets the Axes fill its slot. */
  set_aspect(aspect: "equal" | "auto" | number): void {
    if (aspect !== "equal" && aspect !== "auto" && !(aspect === 1)) throw new ValueError(`aspect must be 'auto', 'equal' or 1, got ${String(aspect)}`);
    this.equalAspect = aspect !== "auto";
  }

  /** `get_position()`: where the Axes is drawn, [left, bottom, width, height] as fractions of the figure (after its aspect). */
  get_position(): [number, number, number, number] {
    const [fw, fh] = this.figureSize();
    const { x0, y0, w, h } = this.placement();
    return [x0 / fw, 1 - (y0 + h) / fh, w / fw, h / fh];
  }

  /**
   * `ax.cla()` / `ax.clear()`: the Axes emptied in place, as matplotlib's: no artists, title, labels,
   * limits, ticks or log scales of before, the colour cycle from its start (d2l's `plot` clears the
   * Axes it draws on). Axes sharing an axis with it still share it.
   */
  cla(): void {
    Object.assign(this, new Axes(this.box, this.figureSize), { shared: this.shared });
  }
  clear(): void {
    this.cla();
  }

  /** `set_frame_on(False)`: no spines or background. */
  set_frame_on(on: boolean): void {
    this.frameOn = Boolean(on);
  }

  set_title(label: string | null): void {
    this.title = label == null ? "" : String(label);
  }
  get_title(): string {
    return this.title;
  }
  set_xlabel(label: string | null): void {
    this.xlabel = label == null ? "" : String(label);
  }
  get_xlabel(): string {
    return this.xlabel;
  }
  set_ylabel(label: string | null): void {
    this.ylabel = label == null ? "" : String(label);
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

  /** `ax.minorticks_on()`: minor ticks on both axes (a linear axis' between its major ones, 4 or 5 to a step). */
  minorticks_on(): void {
    this.minorOn = { x: true, y: true };
  }
  /** `ax.minorticks_off()`: no minor ticks, a log axis' included. */
  minorticks_off(): void {
    this.minorOn = { x: false, y: false };
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
    if (typeof opts.loc === "number") {
      if (!Number.isInteger(opts.loc) || opts.loc < 0 || opts.loc > 10) throw new ValueError(`loc must be string, coordinate tuple, or an integer 0-10, not ${opts.loc}`);
      opts.loc = LEGEND_LOCS[opts.loc];
    } else if (Array.isArray(opts.loc)) {
      if (opts.loc.length !== 2 || !opts.loc.every((v) => typeof v === "number")) throw new ValueError(`loc must be string, coordinate tuple, or an integer 0-10, not ${String(opts.loc)}`);
    } else if (opts.loc !== undefined && !LEGEND_LOCS.includes(opts.loc)) {
      throw new ValueError(`'${opts.loc}' is not a valid value for loc; supported values are ${LEGEND_LOCS.map((l) => `'${l}'`).join(", ")}`);
    }
    const anchor = opts.bbox_to_anchor;
    if (anchor !== undefined && (!Array.isArray(anchor) || (anchor.length !== 2 && anchor.length !== 4))) throw new ValueError("Invalid bbox_to_anchor: a pair (x, y) or a box (x, y, width, height) in fractions of the Axes");
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
    for (const c of this.collections) if (!c.label.startsWith("_")) entries.push({ label: c.label, kind: "points", color: c.colors[0] ?? this.cycle[0] });
    for (const p of this.fills) if (!p.label.startsWith("_")) entries.push({ label: p.label, kind: "bar", color: p.color });
    for (const b of this.containers) if (!b.label.startsWith("_")) entries.push({ label: b.label, kind: "bar", color: b.color });
    return entries;
  }

  /** Whether anything is drawn in this Axes (an empty figure shows as text only). */
  get hasArtists(): boolean {
    return this.lines.length + this.collections.length + this.containers.length + this.images.length + this.fills.length + this.texts.length + this.wedges.length + this.contourSets.length + this.arrows.length > 0;
  }

  // ------------------------------------------------------------------ limits and ticks

  /** The data's extent along an axis (values a log axis cannot show left out), and the sticky edges margins stop at. */
  private dataLimits(axis: "x" | "y"): { lo: number; hi: number; sticky: number[]; minpos: number } | null {
    let lo = Infinity;
    let hi = -Infinity;
    let minpos = Infinity;
    const sticky: number[] = [];
    const log = this.scales[axis] === "log";
    const take = (v: number) => {
      if (Number.isFinite(v) && (!log || v > 0)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      if (v > 0 && v < minpos) minpos = v;
    };
    const ofAxis = (xy: [number, number]) => (axis === "x" ? xy[0] : xy[1]);
    for (const l of this.lines) {
      if ((axis === "x" ? l.xcoords : l.ycoords) === "data" && !this.unscaled.has(l)) (axis === "x" ? l.x : l.y).forEach(take);
    }
    for (const c of this.collections) (axis === "x" ? c.x : c.y).forEach(take);
    for (const p of this.fills) p.points.forEach((xy) => take(ofAxis(xy)));
    for (const lc of this.lineCollections) for (const seg of lc.segments) seg.forEach((xy) => take(ofAxis(xy)));
    for (const b of this.containers) {
      const along = b.orientation === "vertical" ? "y" : "x";
      for (const [x, y, w, h] of b) {
        const [start, size] = axis === "x" ? [x, w] : [y, h];
        take(start);
        take(start + size);
        if (axis === along) sticky.push(start);
      }
    }
    for (const cs of this.contourSets) {
      // A contour set's grid: its data limits, and sticky edges (matplotlib sets them on its collections).
      const [lo, hi] = axis === "x" ? cs.extent.slice(0, 2) : cs.extent.slice(2);
      take(lo);
      take(hi);
      sticky.push(lo, hi);
    }
    for (const a of this.arrows) a.xy.forEach((xy) => take(ofAxis(xy)));
    for (const img of this.images) {
      const n = axis === "x" ? img.width : img.height;
      take(-0.5);
      take(n - 0.5);
      sticky.push(-0.5, n - 0.5);
    }
    if (lo > hi) {
      // An axhline inside the limits counts once other data make the axis autoscale, as in matplotlib.
      return null;
    }
    for (const l of this.unscaled) if ((axis === "x" ? l.xcoords : l.ycoords) === "data") (axis === "x" ? l.x : l.y).forEach(take);
    return { lo, hi, sticky, minpos };
  }

  /** The limits as shown: set ones, else the union of the data of the Axes sharing this axis, with 5% margins. */
  private limits(axis: "x" | "y"): [number, number] {
    const set = axis === "x" ? this.xlimSet : this.ylimSet;
    let data: ReturnType<Axes["dataLimits"]> = null;
    let images = false;
    for (const ax of this.shared[axis]) {
      const d = ax.dataLimits(axis);
      images ||= ax.images.length > 0;
      if (d === null) continue;
      data = data === null ? d : { lo: Math.min(data.lo, d.lo), hi: Math.max(data.hi, d.hi), sticky: [...data.sticky, ...d.sticky], minpos: Math.min(data.minpos, d.minpos) };
    }
    const log = this.scales[axis] === "log";
    let auto: [number, number];
    if (data === null) {
      auto = log ? [1, 10] : [0, 1];
    } else {
      let [lo, hi] = log ? logNonsingular(data.lo, data.hi, data.minpos) : nonsingular(data.lo, data.hi, 0.05);
      // Margins are added where the axis is linear: in log10 space on a log axis.
      const t = (v: number) => (log ? Math.log10(v) : v);
      const inv = (v: number) => (log ? 10 ** v : v);
      const delta = (t(hi) - t(lo)) * (images ? 0 : 0.05);
      const below = data.sticky.filter((s) => s <= lo);
      const above = data.sticky.filter((s) => s >= hi);
      lo = below.length > 0 ? Math.max(inv(t(lo) - delta), Math.max(...below)) : inv(t(lo) - delta);
      hi = above.length > 0 ? Math.min(inv(t(hi) + delta), Math.min(...above)) : inv(t(hi) + delta);
      auto = [lo, hi];
    }
    const lim: [number, number] = [set[0] ?? auto[0], set[1] ?? auto[1]];
    // An image's rows go down: its y axis is inverted unless the limits were set.
    if (axis === "y" && images && set[0] === null && set[1] === null) return [lim[1], lim[0]];
    return lim;
  }

  /**
   * The Axes' drawn box in pixels: its slot, shrunk to keep one unit square when the aspect is equal
   * (or to a colorbar's 20:1), placed in the slot by its anchor.
   */
  private placement(): { x0: number; y0: number; w: number; h: number } {
    const [fw, fh] = this.figureSize();
    let [x0, y0, w, h] = [this.box[0] * fw, (1 - this.box[1] - this.box[3]) * fh, this.box[2] * fw, this.box[3] * fh];
    let ratio: number | null = this.boxAspect;
    if (ratio === null && this.equalAspect) {
      const t = (axis: "x" | "y", v: number) => (this.scales[axis] === "log" ? Math.log10(v) : v);
      const [xa, xb] = this.get_xlim();
      const [ya, yb] = this.get_ylim();
      ratio = Math.abs(t("y", yb) - t("y", ya)) / Math.abs(t("x", xb) - t("x", xa));
    }
    if (ratio !== null) {
      if (h / w > ratio) {
        const nh = w * ratio;
        y0 += (h - nh) * (1 - this.anchor[1]);
        h = nh;
      } else {
        const nw = h / ratio;
        x0 += (w - nw) * this.anchor[0];
        w = nw;
      }
    }
    return { x0, y0, w, h };
  }

  /** Major tick locations: fixed ones, LogLocator's decades on a log axis, else MaxNLocator's. */
  private ticks(axis: "x" | "y"): number[] {
    const fixed = axis === "x" ? this.xTickLabels : this.yTickLabels;
    if (fixed !== null) return fixed.ticks;
    const [a, b] = axis === "x" ? this.get_xlim() : this.get_ylim();
    const { w, h } = this.placement();
    const nbins = autoBins((axis === "x" ? w : h) / 100, axis === "x", fontSize(this.rc, axis === "x" ? "xtick.labelsize" : "ytick.labelsize"));
    if (this.scales[axis] === "log") return logLocator(Math.min(a, b), Math.max(a, b), Math.max(2, nbins), false);
    return maxNLocator(Math.min(a, b), Math.max(a, b), nbins);
  }

  /**
   * The minor ticks: a log axis' 2..9 times each decade, unlabelled unless the axis spans little more than a
   * decade; a linear axis' AutoMinorLocator ones when they are on.
   */
  minorTicks(axis: "x" | "y"): number[] {
    const fixed = axis === "x" ? this.xTickLabels : this.yTickLabels;
    if (fixed !== null || this.minorOn[axis] === false) return [];
    const [a, b] = axis === "x" ? this.get_xlim() : this.get_ylim();
    if (this.scales[axis] !== "log") return this.minorOn[axis] === true ? autoMinorLocator(this.ticks(axis), Math.min(a, b), Math.max(a, b)) : [];
    const { w, h } = this.placement();
    const nbins = autoBins((axis === "x" ? w : h) / 100, axis === "x", fontSize(this.rc, axis === "x" ? "xtick.labelsize" : "ytick.labelsize"));
    const major = new Set(this.ticks(axis).map((t) => t.toPrecision(12)));
    return logLocator(Math.min(a, b), Math.max(a, b), Math.max(2, nbins), true).filter((t) => !major.has(t.toPrecision(12)));
  }

  private frame(): Frame {
    const { x0, y0, w, h } = this.placement();
    const xlim = this.get_xlim();
    const ylim = this.get_ylim();
    // A log axis clips values <= 0 as matplotlib's LogTransform (nonpositive='clip') does: to 10^-1000,
    // far below the Axes, so that a line through 0 runs off the bottom edge instead of breaking.
    const logClip = (v: number) => (v > 0 ? Math.log10(v) : Number.isNaN(v) ? NaN : -1000);
    const tx = this.scales.x === "log" ? logClip : (v: number) => v;
    const ty = this.scales.y === "log" ? logClip : (v: number) => v;
    const [xa, xb, ya, yb] = [tx(xlim[0]), tx(xlim[1]), ty(ylim[0]), ty(ylim[1])];
    return {
      x0, y0, w, h, xlim, ylim,
      px: (x) => x0 + ((tx(x) - xa) / (xb - xa)) * w,
      py: (y) => y0 + h - ((ty(y) - ya) / (yb - ya)) * h,
    };
  }

  /** The tick labels the axis shows: fixed labels, else ScalarFormatter's, and the multiplier text. */
  tickLabels(axis: "x" | "y"): { ticks: number[]; labels: string[]; offsetText: string } {
    const fixed = axis === "x" ? this.xTickLabels : this.yTickLabels;
    const ticks = this.ticks(axis);
    const lim = axis === "x" ? this.get_xlim() : this.get_ylim();
    if (fixed !== null && fixed.labels !== null) return { ticks, labels: ticks.map((_, i) => String(fixed.labels![i] ?? "")), offsetText: "" };
    if (this.scales[axis] === "log") return { ticks, labels: formatLogTicks(ticks, lim, false), offsetText: "" };
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
    const framed = this.axisOn && this.frameOn;
    if (framed && this.patchVisible) out.push(`<rect class="background" x="${round2(f.x0)}" y="${round2(f.y0)}" width="${round2(f.w)}" height="${round2(f.h)}" fill="${toColor(this.rc["axes.facecolor"])}"/>`);
    out.push(`<clipPath id="${clip}"><rect x="${round2(f.x0)}" y="${round2(f.y0)}" width="${round2(f.w)}" height="${round2(f.h)}"/></clipPath>`);
    const inside = (v: number, lim: [number, number]) => v >= Math.min(...lim) - 1e-9 * Math.abs(lim[1] - lim[0]) && v <= Math.max(...lim) + 1e-9 * Math.abs(lim[1] - lim[0]);
    const xt = this.tickLabels("x");
    const yt = this.tickLabels("y");
    const xShown = xt.ticks.map((t, i) => [t, this.hideTickLabels.x ? "" : xt.labels[i]] as const).filter(([t]) => inside(t, f.xlim));
    const yShown = yt.ticks.map((t, i) => [t, this.hideTickLabels.y ? "" : yt.labels[i]] as const).filter(([t]) => inside(t, f.ylim));
    const minor = (axis: "x" | "y", lim: [number, number]) => {
      const ticks = this.minorTicks(axis).filter((t) => inside(t, lim));
      const labels = this.hideTickLabels[axis] || this.scales[axis] !== "log" ? ticks.map(() => "") : formatLogTicks(ticks, lim, false);
      return ticks.map((t, i) => [t, labels[i]] as const);
    };
    const xMinor = minor("x", f.xlim);
    const yMinor = minor("y", f.ylim);
    if (this.colorbarOf !== null) {
      // The colour map's 256 entries from vmin (bottom) to vmax (top), as matplotlib's pcolormesh of them.
      const m = this.colorbarOf;
      const N = m.cmap.N;
      const rgba = new Uint8Array(N * 4);
      for (let i = 0; i < N; i++) {
        rgba.set(m.cmap.truncated.subarray((N - 1 - i) * 3, (N - 1 - i) * 3 + 3), i * 4);
        rgba[i * 4 + 3] = 255;
      }
      const gradient = new AxesImage(1, m.cmap.N, rgba);
      if (m.bands !== undefined) {
        // contourf's colorbar: one block per band, in the band's colour and alpha.
        const { bounds, colors, alpha } = m.bands;
        out.push(`<g class="colorbar-bands"${alpha < 1 ? ` fill-opacity="${alpha}"` : ""}>`);
        colors.forEach((c, k) => {
          const [top, bottom] = [f.py(bounds[k + 1]), f.py(bounds[k])];
          out.push(`<rect x="${round2(f.x0)}" y="${round2(Math.min(top, bottom))}" width="${round2(f.w)}" height="${round2(Math.abs(bottom - top))}" fill="${c}"/>`);
        });
        out.push(`</g>`);
      } else out.push(`<image class="colorbar-gradient" x="${round2(f.x0)}" y="${round2(f.y0)}" width="${round2(f.w)}" height="${round2(f.h)}" preserveAspectRatio="none" style="image-rendering:pixelated;image-rendering:optimizeSpeed" xlink:href="data:image/png;base64,${gradient.png(blocky ? 4 : 1).toString("base64")}"/>`);
    }
    for (const img of this.images) {
      const left = Math.min(f.px(-0.5), f.px(img.width - 0.5));
      const top = Math.min(f.py(-0.5), f.py(img.height - 0.5));
      const w = Math.abs(f.px(img.width - 0.5) - f.px(-0.5));
      const h = Math.abs(f.py(img.height - 0.5) - f.py(-0.5));
      out.push(
        `<image class="image" clip-path="url(#${clip})" x="${round2(left)}" y="${round2(top)}" width="${round2(w)}" height="${round2(h)}" preserveAspectRatio="none" style="image-rendering:pixelated;image-rendering:optimizeSpeed" xlink:href="data:image/png;base64,${img.png(blocky ? Math.max(1, Math.min(64, Math.ceil(w / img.width))) : 1).toString("base64")}"/>`,
      );
    }
    // matplotlib's z-order: images (0), bars and scatter points (1) in the order added, then lines (2); the grid
    // goes under the bars (0.5) where `axes.axisbelow` is true, between bars and lines where it is 'line', else on top.
    const grid = this.gridOn && this.axisOn ? this.gridSvg(f, xShown, yShown) : "";
    const below = this.rc["axes.axisbelow"];
    if (below === true) out.push(grid);
    for (const artist of this.patchesAndCollections) {
      if (artist instanceof BarContainer) {
        const bars = artist;
        const edge = bars.edgecolor === null ? "" : ` stroke="${bars.edgecolor}" stroke-width="${round2(pt(1))}"`;
        out.push(`<g class="bars" clip-path="url(#${clip})" fill="${bars.color}"${bars.alpha < 1 ? ` fill-opacity="${bars.alpha}"` : ""}${edge}>`);
        bars.forEach(([x, y, w, h], i) => {
          const xa = f.px(x);
          const xb = f.px(x + w);
          const ya = f.py(y);
          const yb = f.py(y + h);
          const own = bars.colors.length > 0 ? ` fill="${bars.colors[i % bars.colors.length]}"` : "";
          out.push(`<rect class="patch" x="${round2(Math.min(xa, xb))}" y="${round2(Math.min(ya, yb))}" width="${round2(Math.abs(xb - xa))}" height="${round2(Math.abs(yb - ya))}"${own}/>`);
        });
        out.push(`</g>`);
      } else if (artist instanceof QuadContourSet) {
        out.push(artist.toSvg(f.px, f.py, clip));
      } else if (artist instanceof FancyArrow) {
        if (artist.xy.length === 0) continue;
        const d = artist.xy.map(([x, y], i) => `${i === 0 ? "M" : "L"}${round2(f.px(x))},${round2(f.py(y))}`).join("");
        const edge = artist.edgecolor === "none" || artist.linewidth <= 0 ? "" : ` stroke="${artist.edgecolor}" stroke-width="${round2(pt(artist.linewidth))}" stroke-linejoin="miter"`;
        out.push(`<path class="fancyarrow" clip-path="url(#${clip})" d="${d}Z" fill="${artist.facecolor}"${edge}${artist.alpha < 1 ? ` opacity="${artist.alpha}"` : ""}/>`);
      } else if (artist instanceof PolyCollection) {
        const d = artist.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)).map(([x, y], i) => `${i === 0 ? "M" : "L"}${round2(f.px(x))},${round2(f.py(y))}`).join("");
        out.push(`<path class="fill" clip-path="url(#${clip})" d="${d}Z" fill="${artist.color}"${artist.alpha < 1 ? ` fill-opacity="${artist.alpha}"` : ""}/>`);
      } else {
        const c = artist;
        const r = Math.sqrt(c.size);
        out.push(`<g class="points" clip-path="url(#${clip})"${c.alpha < 1 ? ` fill-opacity="${c.alpha}"` : ""}>`);
        c.x.forEach((x, i) => {
          if (!Number.isFinite(x) || !Number.isFinite(c.y[i])) return;
          const m = markerPath(c.marker, f.px(x), f.py(c.y[i]), r);
          // A filled marker's edge (each point's own colour by default) is drawn half outside it.
          const edge = c.edgecolor === "none" || c.linewidth <= 0 ? "" : ` stroke="${c.edgecolor === "face" ? c.colors[i] : c.edgecolor}" stroke-width="${round2(pt(c.linewidth))}"`;
          out.push(m.filled ? `<path d="${m.d}" fill="${c.colors[i]}"${edge}/>` : `<path d="${m.d}" fill="none" stroke="${c.colors[i]}" stroke-width="${round2(pt(1.5))}"/>`);
        });
        out.push(`</g>`);
      }
    }
    if (this.wedges.length > 0) {
      out.push(`<g class="wedges">`);
      for (const wdg of this.wedges) {
        const at = (deg: number): string => `${round2(f.px(wdg.cx + wdg.r * Math.cos((deg * Math.PI) / 180)))},${round2(f.py(wdg.cy + wdg.r * Math.sin((deg * Math.PI) / 180)))}`;
        const rx = Math.abs(f.px(wdg.r) - f.px(0));
        const large = wdg.theta2 - wdg.theta1 > 180 ? 1 : 0;
        const d = wdg.theta2 - wdg.theta1 >= 360 - 1e-9
          ? `M${at(0)}A${round2(rx)},${round2(rx)} 0 1,0 ${at(180)}A${round2(rx)},${round2(rx)} 0 1,0 ${at(0)}Z`
          : `M${round2(f.px(wdg.cx))},${round2(f.py(wdg.cy))}L${at(wdg.theta1)}A${round2(rx)},${round2(rx)} 0 ${large},0 ${at(wdg.theta2)}Z`;
        out.push(`<path class="wedge" d="${d}" fill="${wdg.color}"/>`);
      }
      out.push(`</g>`);
    }
    if (below === "line") out.push(grid);
    for (const line of this.lines) out.push(lineSvg(line, f, clip));
    for (const lc of this.lineCollections) {
      out.push(`<g class="errorbars" clip-path="url(#${clip})" stroke="${lc.color}" stroke-width="${round2(pt(lc.linewidth))}">`);
      for (const [[xa, ya], [xb, yb]] of lc.segments) {
        if ([xa, ya, xb, yb].every(Number.isFinite)) out.push(`<line x1="${round2(f.px(xa))}" y1="${round2(f.py(ya))}" x2="${round2(f.px(xb))}" y2="${round2(f.py(yb))}"/>`);
      }
      out.push(`</g>`);
    }
    if (below !== true && below !== "line") out.push(grid);
    const spineWidth = pt(Number(this.rc["axes.linewidth"]));
    if (framed && spineWidth > 0) {
      const [sx0, sy0, sx1, sy1] = [f.x0, f.y0, f.x0 + f.w, f.y0 + f.h].map((v) => snap(v, spineWidth));
      out.push(`<g class="spines" stroke="${toColor(this.rc["axes.edgecolor"])}" stroke-width="${round2(spineWidth)}" fill="none" stroke-linecap="square"><rect x="${round2(sx0)}" y="${round2(sy0)}" width="${round2(sx1 - sx0)}" height="${round2(sy1 - sy0)}"/></g>`);
    }
    if (this.axisOn) out.push(this.tickSvg(f, xShown, yShown, xt.offsetText, yt.offsetText, xMinor, yMinor));
    for (const t of this.texts) out.push(textSvg(t, f));
    if (this.title !== "") {
      const size = round2(pt(fontSize(this.rc, "axes.titlesize")));
      out.push(`<text class="title" x="${round2(f.x0 + f.w / 2)}" y="${round2(f.y0 - pt(TITLE_PAD))}" text-anchor="middle" font-size="${size}" font-family="${FONT_FAMILY}" fill="${toColor(this.rc["text.color"])}">${escapeXml(this.title)}</text>`);
    }
    if (this.legendOptions !== null) out.push(this.legendSvg(f));
    out.push(`</g>`);
    return out.join("\n");
  }

  /** The grid's lines at the shown major ticks, in the Axes' `grid.*` rcParams. */
  private gridSvg(f: Frame, xs: readonly (readonly [number, string])[], ys: readonly (readonly [number, string])[]): string {
    const width = pt(Number(this.rc["grid.linewidth"]));
    const dash = dashArray(String(this.rc["grid.linestyle"]) as LineStyle, width);
    const alpha = Number(this.rc["grid.alpha"]);
    const out = [`<g class="grid" stroke="${toColor(this.rc["grid.color"])}" stroke-width="${round2(width)}"${dash ? ` stroke-dasharray="${dash}"` : ""}${alpha < 1 ? ` stroke-opacity="${alpha}"` : ""}>`];
    for (const [t] of xs) out.push(`<line x1="${round2(snap(f.px(t), width))}" y1="${round2(f.y0)}" x2="${round2(snap(f.px(t), width))}" y2="${round2(f.y0 + f.h)}"/>`);
    for (const [t] of ys) out.push(`<line x1="${round2(f.x0)}" y1="${round2(snap(f.py(t), width))}" x2="${round2(f.x0 + f.w)}" y2="${round2(snap(f.py(t), width))}"/>`);
    out.push(`</g>`);
    return out.join("\n");
  }

  /**
   * One axis' tick style from the Axes' rcParams: label size, major and minor tick lengths and widths, pad,
   * the ticks' colour and their labels' (`xtick.labelcolor`, 'inherit' taking `xtick.color`), and how far out ticks reach.
   */
  private tickStyle(axis: "x" | "y"): { size: number; len: number; width: number; minorLen: number; minorWidth: number; pad: number; color: string; labelColor: string; out: number; outside: number } {
    const rc = this.rc as Record<string, unknown>;
    const len = pt(Number(rc[`${axis}tick.major.size`]));
    const labelColor = rc[`${axis}tick.labelcolor`];
    const direction = String(rc[`${axis}tick.direction`]);
    // As matplotlib's Tick._apply_tickdir: labels sit `pad` beyond the part of the tick outside the Axes.
    const out = direction === "in" ? 0 : direction === "inout" ? len / 2 : len;
    return {
      size: pt(fontSize(this.rc, `${axis}tick.labelsize` as keyof Rc)),
      len,
      width: pt(Number(rc[`${axis}tick.major.width`])),
      minorLen: pt(Number(rc[`${axis}tick.minor.size`])),
      minorWidth: pt(Number(rc[`${axis}tick.minor.width`])),
      pad: pt(Number(rc[`${axis}tick.major.pad`])),
      color: toColor(rc[`${axis}tick.color`]),
      labelColor: toColor(labelColor === "inherit" ? rc[`${axis}tick.color`] : labelColor),
      out,
      outside: direction === "in" ? 0 : direction === "inout" ? 0.5 : 1,
    };
  }

  /**
   * How far the tick labels shown reach beyond the frame: the x axis' below it (ticks out, pad, the tallest
   * label), the y axis' beside it (the widest); the axis labels go labelpad beyond that, as matplotlib
   * places them against the tick labels' box (against the spine where no label is shown).
   */
  private axisDepths(xs: readonly (readonly [number, string])[], ys: readonly (readonly [number, string])[]): { xTicks: number; yTicks: number } {
    const [xs_, ys_] = [this.tickStyle("x"), this.tickStyle("y")];
    const xLabels = xs.map(([, l]) => l).filter((l) => l !== "");
    const yLabels = ys.map(([, l]) => l).filter((l) => l !== "");
    return {
      xTicks: xLabels.length === 0 ? 0 : xs_.out + xs_.pad + Math.max(...xLabels.map((l) => labelHeight(l, xs_.size))),
      yTicks: yLabels.length === 0 ? 0 : ys_.out + ys_.pad + Math.max(...yLabels.map((l) => labelWidth(l, ys_.size))),
    };
  }

  /**
   * How far the Axes' decorations reach beyond its frame on each side, in pixels, as tight_layout measures
   * them (matplotlib's `get_tightbbox`): tick labels, axis labels, the offset texts, the title, texts and
   * annotations, and a legend placed outside.
   */
  layoutExtents(): { left: number; right: number; top: number; bottom: number } {
    const f = this.frame();
    const boxes: Box4[] = [];
    const inside = (v: number, lim: [number, number]) => v >= Math.min(...lim) - 1e-9 * Math.abs(lim[1] - lim[0]) && v <= Math.max(...lim) + 1e-9 * Math.abs(lim[1] - lim[0]);
    if (this.axisOn) {
      const shown = (axis: "x" | "y", lim: [number, number]) => {
        const t = this.tickLabels(axis);
        const minor = this.minorTicks(axis).filter((v) => inside(v, lim));
        const minorLabels = this.scales[axis] === "log" ? formatLogTicks(minor, lim, false) : minor.map(() => "");
        const all = [...t.ticks.map((v, i) => [v, t.labels[i]] as const), ...minor.map((v, i) => [v, minorLabels[i]] as const)];
        return { labels: all.filter(([v, l]) => inside(v, lim) && l !== "" && !this.hideTickLabels[axis]), offsetText: t.offsetText };
      };
      const [xt, yt] = [shown("x", f.xlim), shown("y", f.ylim)];
      const [xs_, ys_] = [this.tickStyle("x"), this.tickStyle("y")];
      const depth = this.axisDepths(xt.labels, yt.labels);
      const labelSize = pt(fontSize(this.rc, "axes.labelsize"));
      const top = this.sides.x === "top";
      const bottom = top ? f.y0 : f.y0 + f.h;
      // From the frame out to `d` pixels beyond it, on the x axis' side.
      const outward = (d: number): [number, number] => (top ? [bottom - d, bottom] : [bottom, bottom + d]);
      const xShown = this.axisVisible.x;
      for (const [v, l] of xShown ? xt.labels : []) {
        const w = labelWidth(l, xs_.size);
        const [a, b] = outward(depth.xTicks);
        boxes.push([f.px(v) - w / 2, a, f.px(v) + w / 2, b]);
      }
      const cx = f.x0 + f.w / 2;
      const cy = f.y0 + f.h / 2;
      if (this.xlabel !== "" && xShown) {
        const w = textWidth(this.xlabel, labelSize) / 2;
        const [a, b] = outward(depth.xTicks + pt(LABEL_PAD) + 0.99 * labelSize);
        boxes.push([cx - w, a, cx + w, b]);
      }
      if (xt.offsetText !== "" && xShown) {
        const [a, b] = outward(xs_.out + xs_.pad + xs_.size * 2.14);
        boxes.push([f.x0 + f.w - textWidth(xt.offsetText, xs_.size), a, f.x0 + f.w, b]);
      }
      if (!this.axisVisible.y) [yt.labels, yt.offsetText] = [[], ""];
      const side = this.colorbarOf !== null || this.sides.y === "right" ? 1 : -1;
      const edge = side === 1 ? f.x0 + f.w : f.x0;
      const across = (d: number): [number, number] => (side === 1 ? [edge, edge + d] : [edge - d, edge]);
      for (const [v, l] of yt.labels) {
        const h = labelHeight(l, ys_.size);
        const [a, b] = across(depth.yTicks);
        boxes.push([a, f.py(v) - h / 2, b, f.py(v) + h / 2]);
      }
      if (this.ylabel !== "" && this.axisVisible.y) {
        const [a, b] = across(depth.yTicks + pt(LABEL_PAD) + 0.99 * labelSize);
        const h = textWidth(this.ylabel, labelSize) / 2;
        boxes.push([a, cy - h, b, cy + h]);
      }
      if (yt.offsetText !== "") boxes.push([f.x0, f.y0 - ys_.pad - 0.76 * ys_.size, f.x0 + textWidth(yt.offsetText, ys_.size), f.y0]);
    }
    if (this.title !== "") {
      const size = pt(fontSize(this.rc, "axes.titlesize"));
      const w = textWidth(this.title, size) / 2;
      boxes.push([f.x0 + f.w / 2 - w, f.y0 - pt(TITLE_PAD) - 0.75 * size, f.x0 + f.w / 2 + w, f.y0]);
    }
    for (const t of this.texts) boxes.push(textBox(t, f));
    if (this.legendOptions !== null && this.legendEntries().length > 0) {
      this.legendSvg(f);
      const [lx, ly, lw, lh] = this.legendBox!;
      boxes.push([lx, ly, lx + lw, ly + lh]);
    }
    const reach = (side: (b: Box4) => number) => Math.max(0, ...boxes.map(side).filter(Number.isFinite));
    return {
      left: reach((b) => f.x0 - b[0]),
      right: reach((b) => b[2] - (f.x0 + f.w)),
      top: reach((b) => f.y0 - b[1]),
      bottom: reach((b) => b[3] - (f.y0 + f.h)),
    };
  }

  private tickSvg(
    f: Frame,
    xs: readonly (readonly [number, string])[],
    ys: readonly (readonly [number, string])[],
    xOffset: string,
    yOffset: string,
    xMinor: readonly (readonly [number, string])[] = [],
    yMinor: readonly (readonly [number, string])[] = [],
  ): string {
    const labelSize = pt(fontSize(this.rc, "axes.labelsize"));
    const labelFont = `font-size="${round2(labelSize)}" font-family="${FONT_FAMILY}" fill="${toColor(this.rc["axes.labelcolor"])}"`;
    const xs_ = this.tickStyle("x");
    const font = (s: { size: number; labelColor: string }) => `font-size="${round2(s.size)}" font-family="${FONT_FAMILY}" fill="${s.labelColor}"`;
    const out: string[] = [`<g class="xaxis">`];
    // The x axis below the frame, or above it (a twiny's): `down` is the way out of the frame.
    const top = this.sides.x === "top";
    const [bottom, down] = top ? [f.y0, -1] : [f.y0 + f.h, 1];
    // A text's baseline `depth` pixels out from the frame, for a text `size` tall.
    const outY = (depth: number, size: number) => (top ? bottom - depth - size * 0.24 : bottom + depth + size * 0.76);
    for (const [cls, ticks, tl, w] of [["xtick", this.axisVisible.x ? xs : [], xs_.len, xs_.width], ["xtick-minor", this.axisVisible.x ? xMinor : [], xs_.minorLen, xs_.minorWidth]] as const) {
      for (const [t, label] of ticks) {
        const x = snap(f.px(t), w);
        const [y1, y2] = [bottom - down * tl * (1 - xs_.outside), bottom + down * tl * xs_.outside];
        out.push(`<g class="${cls}">${tl > 0 ? `<line x1="${round2(x)}" y1="${round2(y1)}" x2="${round2(x)}" y2="${round2(y2)}" stroke="${xs_.color}" stroke-width="${round2(w)}"/>` : ""}`);
        out.push(`${label === "" ? "" : `<text x="${round2(x)}" y="${round2(outY(xs_.out + xs_.pad, xs_.size))}" text-anchor="middle" ${font(xs_)}>${mathSvg(label, xs_.size)}</text>`}</g>`);
      }
    }
    if (xOffset !== "" && this.axisVisible.x) out.push(`<text class="offset" x="${round2(f.x0 + f.w)}" y="${round2(outY(xs_.out + xs_.pad + xs_.size * 1.14, xs_.size))}" text-anchor="end" ${font({ size: xs_.size, labelColor: xs_.color })}>${escapeXml(xOffset)}</text>`);
    const depth = this.axisDepths([...xs, ...xMinor], [...ys, ...yMinor]);
    if (this.xlabel !== "" && this.axisVisible.x) {
      out.push(`<text class="xlabel" x="${round2(f.x0 + f.w / 2)}" y="${round2(outY(depth.xTicks + pt(LABEL_PAD), labelSize))}" text-anchor="middle" ${labelFont}>${escapeXml(this.xlabel)}</text>`);
    }
    out.push(`</g>`, `<g class="yaxis">`);
    if (!this.axisVisible.y) [ys, yMinor, yOffset] = [[], [], ""];
    // A colorbar's and a twinx's ticks and labels are on the right.
    const right = this.colorbarOf !== null || this.sides.y === "right";
    const edge = right ? f.x0 + f.w : f.x0;
    const side = right ? 1 : -1;
    const ys_ = this.tickStyle("y");
    for (const [cls, ticks, tl, w] of [["ytick", ys, ys_.len, ys_.width], ["ytick-minor", yMinor, ys_.minorLen, ys_.minorWidth]] as const) {
      for (const [t, label] of ticks) {
        const y = f.py(t);
        const [x1, x2] = [edge - side * tl * (1 - ys_.outside), edge + side * tl * ys_.outside];
        out.push(`<g class="${cls}">${tl > 0 ? `<line x1="${round2(x1)}" y1="${round2(snap(y, w))}" x2="${round2(x2)}" y2="${round2(snap(y, w))}" stroke="${ys_.color}" stroke-width="${round2(w)}"/>` : ""}`);
        out.push(`${label === "" ? "" : `<text x="${round2(edge + side * (ys_.out + ys_.pad))}" y="${round2(y + ys_.size * 0.36)}" text-anchor="${right ? "start" : "end"}" ${font(ys_)}>${mathSvg(label, ys_.size)}</text>`}</g>`);
      }
    }
    if (yOffset !== "") out.push(`<text class="offset" x="${round2(f.x0)}" y="${round2(f.y0 - ys_.pad)}" text-anchor="start" ${font({ size: ys_.size, labelColor: ys_.color })}>${escapeXml(yOffset)}</text>`);
    if (this.ylabel !== "" && this.axisVisible.y) {
      const x = edge + side * (depth.yTicks + pt(LABEL_PAD) + labelSize * (right ? 0.76 : 0.24));
      const y = f.y0 + f.h / 2;
      out.push(`<text class="ylabel" x="${round2(x)}" y="${round2(y)}" transform="rotate(-90 ${round2(x)} ${round2(y)})" text-anchor="middle" ${labelFont}>${escapeXml(this.ylabel)}</text>`);
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
    const opts = this.legendOptions ?? {};
    const size = pt(opts.fontsize === undefined ? fontSize(this.rc, "legend.fontsize") : typeof opts.fontsize === "number" ? opts.fontsize : fontSize({ ...this.rc, "legend.fontsize": opts.fontsize }, "legend.fontsize"));
    const pad = 0.4 * size;
    const handle = 2 * size;
    const textPad = 0.8 * size;
    const rowH = size * 0.95;
    const spacing = 0.5 * size;
    const width = pad * 2 + handle + textPad + Math.max(...entries.map((e) => textWidth(e.label, size)));
    const height = pad * 2 + entries.length * rowH + (entries.length - 1) * spacing;
    // As matplotlib's _get_anchored_bbox: the box placed against (the Axes, or bbox_to_anchor) shrunk by
    // borderaxespad (0.5 font sizes); against a point the "shrunk" box is the point moved that far out.
    const inset = 0.5 * size;
    const a = opts.bbox_to_anchor;
    const [bx, by, bw, bh] = a === undefined ? [f.x0, f.y0, f.w, f.h] : [f.x0 + a[0] * f.w, f.y0 + (1 - a[1] - (a[3] ?? 0)) * f.h, (a[2] ?? 0) * f.w, (a[3] ?? 0) * f.h];
    const [left, right, top, bottom] = [bx + inset, bx + bw - inset - width, by + inset, by + bh - inset - height];
    const [midX, midY] = [bx + (bw - width) / 2, by + (bh - height) / 2];
    const spots: Record<string, [number, number]> = {
      "upper right": [right, top],
      "upper left": [left, top],
      "lower left": [left, bottom],
      "lower right": [right, bottom],
      right: [right, midY],
      "center left": [left, midY],
      "center right": [right, midY],
      "lower center": [midX, bottom],
      "upper center": [midX, top],
      center: [midX, midY],
    };
    const loc = opts.loc ?? "best";
    // loc=(x, y): the legend's lower left corner at that fraction of the Axes (or of bbox_to_anchor's box).
    const [lx, ly] = Array.isArray(loc) ? [bx + loc[0] * (bw || f.w), by + (bh || f.h) * (1 - loc[1]) - height] : loc === "best" ? spots[this.bestLocation(f, spots, width, height)] : spots[loc];
    this.legendBox = [lx, ly, width, height];
    const out: string[] = [`<g class="legend">`];
    if (opts.frameon ?? this.rc["legend.frameon"]) {
      out.push(`<rect class="legend-frame" x="${round2(lx)}" y="${round2(ly)}" width="${round2(width)}" height="${round2(height)}" rx="${round2(0.2 * size)}" fill="${toColor(this.rc["axes.facecolor"])}" fill-opacity="0.8" stroke="#cccccc" stroke-width="${round2(pt(1))}"/>`);
    }
    entries.forEach((e, i) => {
      const cy = ly + pad + i * (rowH + spacing) + rowH / 2;
      const hx = lx + pad;
      if (e.kind === "line" && e.line !== undefined) {
        if (e.line.linestyle !== "None") {
          const dash = dashArray(e.line.linestyle, pt(e.line.linewidth));
          out.push(`<line class="handle" x1="${round2(hx)}" y1="${round2(cy)}" x2="${round2(hx + handle)}" y2="${round2(cy)}" stroke="${e.color}" stroke-width="${round2(pt(e.line.linewidth))}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`);
        }
        const bars = this.errorbarOf.get(e.line);
        if (bars !== undefined) {
          // matplotlib's HandlerErrorbar: bars half a font size each way from the handle's middle, with their caps.
          const [mx, half, cap] = [hx + handle / 2, 0.5 * size, pt(bars.capsize)];
          const stroke = `stroke="${bars.color}" stroke-width="${round2(pt(bars.width))}"`;
          if (bars.xerr) out.push(`<line class="handle" x1="${round2(mx - half)}" y1="${round2(cy)}" x2="${round2(mx + half)}" y2="${round2(cy)}" ${stroke}/>`);
          if (bars.yerr) out.push(`<line class="handle" x1="${round2(mx)}" y1="${round2(cy - half)}" x2="${round2(mx)}" y2="${round2(cy + half)}" ${stroke}/>`);
          if (cap > 0 && bars.xerr) for (const x of [mx - half, mx + half]) out.push(`<line class="handle" x1="${round2(x)}" y1="${round2(cy - cap)}" x2="${round2(x)}" y2="${round2(cy + cap)}" ${stroke}/>`);
          if (cap > 0 && bars.yerr) for (const y of [cy - half, cy + half]) out.push(`<line class="handle" x1="${round2(mx - cap)}" y1="${round2(y)}" x2="${round2(mx + cap)}" y2="${round2(y)}" ${stroke}/>`);
        }
        if (e.line.marker !== "None") {
          const m = markerPath(e.line.marker, hx + handle / 2, cy, e.line.markersize);
          out.push(`<path class="handle" d="${m.d}" fill="${m.filled ? e.color : "none"}" stroke="${e.color}" stroke-width="${round2(pt(1))}"/>`);
        }
      } else if (e.kind === "points") {
        const m = markerPath("o", hx + handle / 2, cy, markersize());
        out.push(`<path class="handle" d="${m.d}" fill="${e.color}" stroke="${e.color}" stroke-width="${round2(pt(1))}"/>`);
      } else {
        out.push(`<rect class="handle" x="${round2(hx)}" y="${round2(cy - 0.35 * size)}" width="${round2(handle)}" height="${round2(0.7 * size)}" fill="${e.color}"/>`);
      }
      out.push(`<text x="${round2(hx + handle + textPad)}" y="${round2(cy + size * 0.36)}" font-size="${round2(size)}" font-family="${FONT_FAMILY}" fill="${toColor(this.rc["text.color"])}">${escapeXml(e.label)}</text>`);
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
  // axhline / axvline span a fraction of the Axes along one direction.
  if (line.xcoords === "axes" || line.ycoords === "axes") {
    const data = f;
    const px = (x: number) => (line.xcoords === "axes" ? data.x0 + x * data.w : data.px(x));
    const py = (y: number) => (line.ycoords === "axes" ? data.y0 + (1 - y) * data.h : data.py(y));
    f = { ...data, px, py };
  }
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
      // A filled marker has an edge of its colour, `lines.markeredgewidth` (1 pt) wide, as matplotlib's.
      out.push(`<path class="marker" d="${m.d}" ${m.filled ? `fill="${line.color}" ` : `fill="none" `}stroke="${line.color}" stroke-width="${round2(pt(1))}"/>`);
    });
  }
  out.push(`</g>`);
  return out.join("\n");
}

/** A tick label as SVG text: mathtext's '$\\mathdefault{10^{-2}}$' as 10 with a raised, smaller exponent. */
function mathSvg(label: string, size = pt(FONT)): string {
  const m = /^\$\\mathdefault\{(.*)\}\$$/.exec(label);
  if (m === null) return escapeXml(label);
  const body = m[1].replace(/\\times/g, "\u00d7").replace(/-/g, "\u2212");
  return body.replace(/\^\{([^}]*)\}|([^^]+)/g, (_, sup: string | undefined, plain: string | undefined) =>
    sup !== undefined ? `<tspan dy="${round2(-0.45 * size)}" font-size="${round2(0.7 * size)}">${escapeXml(sup)}</tspan>` : escapeXml(plain ?? ""));
}

/**
 * A tick label's width as drawn: a log axis' mathtext ('$\\mathdefault{10^{-1}}$') with its exponent at
 * 0.7 of the size and the thin space mathtext leaves after it (matplotlib's Agg widths within 1 px).
 */
export function labelWidth(label: string, size: number): number {
  const m = /^\$\\mathdefault\{(.*)\}\$$/.exec(label);
  if (m === null) return textWidth(label, size);
  let width = 0;
  m[1].replace(/\\times/g, "\u00d7").replace(/-/g, "\u2212").replace(/\^\{([^}]*)\}|([^^]+)/g, (_, sup: string | undefined, plain: string | undefined) => {
    width += sup !== undefined ? textWidth(sup, 0.7 * size) + 0.1 * size : textWidth(plain ?? "", size);
    return "";
  });
  return width;
}

/** A tick label's height as laid out: a line of text, or mathtext's taller box with its raised exponent. */
function labelHeight(label: string, size: number): number {
  return label.startsWith("$") ? 1.34 * size : 1.01 * size;
}

/** A text's box in pixels (y down) where `textSvg` draws it: DejaVu Sans' ascent (0.76 font sizes) above the baseline, its descent (0.24) below. */
function textBox(t: Text, f: Frame): Box4 {
  const [x, y] = at(f, t.x, t.y, t.coords);
  const size = pt(t.fontsize);
  const baseline = y + textDy(t, size);
  const width = textWidth(t.text, size);
  const left = t.ha === "left" ? x : t.ha === "right" ? x - width : x - width / 2;
  return [left, baseline - 0.76 * size, left + width, baseline + 0.24 * size];
}

/** Where a point in data or axes coordinates is drawn. */
function at(f: Frame, x: number, y: number, coords: "data" | "axes"): [number, number] {
  return coords === "axes" ? [f.x0 + x * f.w, f.y0 + (1 - y) * f.h] : [f.px(x), f.py(y)];
}

/** How far below the anchor a text's baseline goes for its vertical alignment. */
function textDy(t: Text, size: number): number {
  return t.va === "top" ? size * 0.76 : t.va === "center" ? size * 0.36 : t.va === "bottom" ? -size * 0.24 : 0;
}

/** A text of `text` / `annotate` (and its arrow), aligned as matplotlib's ha / va. */
function textSvg(t: Text, f: Frame): string {
  const [x, y] = at(f, t.x, t.y, t.coords);
  const size = pt(t.fontsize);
  const out: string[] = [];
  const dy = textDy(t, size);
  if (t.arrow !== null) {
    const d = arrowPath(t.arrow, textBox(t, f), at(f, t.arrow.x, t.arrow.y, t.arrow.coords), size);
    if (d !== null) {
      const a = t.arrow;
      const fill = d.filled ? `fill="${a.facecolor}"` : `fill="none"`;
      out.push(`<path class="arrow" d="${d.d}" ${fill} stroke="${a.edgecolor}" stroke-width="${round2(pt(a.linewidth))}" stroke-linejoin="round"/>`);
    }
  }
  const anchor = t.ha === "left" ? "start" : t.ha === "right" ? "end" : "middle";
  out.push(`<text class="text" x="${round2(x)}" y="${round2(y + dy)}" text-anchor="${anchor}" font-size="${round2(size)}" font-family="${FONT_FAMILY}" fill="${t.color}">${escapeXml(t.text)}</text>`);
  return out.join("\n");
}

/** annotate's arrowprops read as matplotlib reads them (FancyArrowPatch's defaults: `patch.facecolor`, `patch.edgecolor` and `patch.linewidth`, which a style sets: ggplot's light edge). */
function arrowOf(p: NonNullable<AnnotateOptions["arrowprops"]>, x: number, y: number, coords: "data" | "axes"): Arrow {
  const style = p.arrowstyle ?? null;
  if (style !== null && !ARROW_STYLES.includes(style)) {
    throw new ValueError(`arrowstyle '${style}' is not drawn by torchlab; it draws ${ARROW_STYLES.map((s) => `'${s}'`).join(", ")}, or no arrowstyle for matplotlib's filled arrow (shrink, width, headwidth, headlength)`);
  }
  const face = p.facecolor ?? p.fc ?? p.color;
  const edge = p.edgecolor ?? p.ec ?? p.color;
  return {
    x, y, coords, style,
    facecolor: toColor(face ?? rcParams["patch.facecolor"]),
    edgecolor: toColor(edge ?? rcParams["patch.edgecolor"]),
    linewidth: Number(p.lw ?? p.linewidth ?? rcParams["patch.linewidth"]),
    shrink: Number(p.shrink ?? 0), width: Number(p.width ?? 4), headwidth: Number(p.headwidth ?? 12), headlength: Number(p.headlength ?? 12),
  };
}

/** [x0, y0, x1, y1] in pixels, y down. */
type Box4 = [number, number, number, number];

/**
 * annotate's arrow as matplotlib's FancyArrowPatch draws it, from the text to `xy`:
 * - with an `arrowstyle` ('->', '-|>', '<-', '<->', '<|-', '<|-|>', '-'): from the text's centre, cut
 *   where it leaves the text's box padded by 2 pt (patchA), both ends shrunk 2 pt more (shrinkA / B);
 *   heads 0.4 font sizes long and 0.2 wide each side (the style's head_length / head_width times the
 *   mutation scale, the text's size);
 * - without one (`arrowprops={facecolor: 'black', shrink: 0.05}`): the 'simple' polygon from the corner
 *   or side middle of the text's box nearest to xy, `width` (4 pt) wide with a head `headwidth` (12 pt)
 *   wide and `headlength` (12 pt) long, both ends shrunk by `shrink` times its length.
 * Returns the SVG path (null when the ends meet) and whether it is filled.
 */
function arrowPath(a: Arrow, box: Box4, [ex, ey]: [number, number], size: number): { d: string; filled: boolean } | null {
  const [x0, y0, x1, y1] = box;
  let sx: number;
  let sy: number;
  if (a.style === null) {
    const nearest = (vs: number[], v: number) => vs.reduce((b, c) => (Math.abs(c - v) < Math.abs(b - v) ? c : b));
    [sx, sy] = [nearest([x0, (x0 + x1) / 2, x1], ex), nearest([y0, (y0 + y1) / 2, y1], ey)];
  } else {
    [sx, sy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  }
  const total = Math.hypot(ex - sx, ey - sy);
  if (!(total > 0) || !Number.isFinite(total)) return null;
  const [ux, uy] = [(ex - sx) / total, (ey - sy) / total];
  // Where the line leaves the padded box (patchA), as a distance from its start.
  const pad = pt(2);
  const exit = (lo: number, hi: number, s: number, u: number) => (u > 0 ? (hi + pad - s) / u : u < 0 ? (lo - pad - s) / u : Infinity);
  const inside = sx >= x0 - pad && sx <= x1 + pad && sy >= y0 - pad && sy <= y1 + pad;
  const clipped = inside ? Math.max(0, Math.min(exit(x0, x1, sx, ux), exit(y0, y1, sy, uy))) : 0;
  const [shrinkA, shrinkB] = a.style === null ? [a.shrink * total, a.shrink * total] : [pt(2), pt(2)];
  const from = clipped + shrinkA;
  const to = total - shrinkB;
  if (!(to > from)) return null;
  const P = (s: number, side = 0): string => `${round2(sx + ux * s - uy * side)},${round2(sy + uy * s + ux * side)}`;
  if (a.style === null) {
    const [tail, headW, headL] = [pt(a.width) / 2, pt(a.headwidth) / 2, Math.min(pt(a.headlength), to - from)];
    const base = to - headL;
    return { d: `M${P(from, tail)}L${P(base, tail)}L${P(base, headW)}L${P(to)}L${P(base, -headW)}L${P(base, -tail)}L${P(from, -tail)}Z`, filled: true };
  }
  const [headL, headW] = [0.4 * size, 0.2 * size];
  const style = a.style;
  const [startHead, endHead] = [style.startsWith("<"), style.endsWith(">")];
  const filled = style.includes("|");
  const head = (tip: number, dir: 1 | -1): string =>
    filled ? `M${P(tip - dir * headL, headW)}L${P(tip)}L${P(tip - dir * headL, -headW)}Z` : `M${P(tip - dir * headL, headW)}L${P(tip)}L${P(tip - dir * headL, -headW)}`;
  // A filled head ends the shaft at its base; an open one at its tip.
  const shaftFrom = startHead && filled ? from + headL : from;
  const shaftTo = endHead && filled ? to - headL : to;
  const parts = [`M${P(shaftFrom)}L${P(shaftTo)}`];
  if (endHead) parts.push(head(to, 1));
  if (startHead) parts.push(head(from, -1));
  return { d: parts.join(""), filled };
}

/** Values with one per position (a single value repeated), else the error `mismatch(length)` names. */
function broadcastTo(values: number[], n: number, mismatch: (length: number) => string): number[] {
  if (values.length === 1 && n > 1) return Array.from({ length: n }, () => values[0]);
  if (values.length !== n) throw new ValueError(mismatch(values.length));
  return values;
}

/** Values through a colour map, normalised between the map's ends as matplotlib's scatter does with `c=`. */
function mapColors(values: number[], m: Mappable): string[] {
  return values.map((v) => m.cmap.hex(m.cmap.index(m.vmax === m.vmin ? 0 : (v - m.vmin) / (m.vmax - m.vmin))));
}

function checkScale(value: string): "linear" | "log" {
  if (value === "linear" || value === "log") return value;
  const known = ["linear", "log", "symlog", "asinh", "logit", "function", "functionlog"];
  if (known.includes(value)) throw new ValueError(`scale '${value}' is not drawn by torchlab; it draws 'linear' and 'log'`);
  throw new ValueError(`'${value}' is not a valid value for scale; supported values are ${known.map((k) => `'${k}'`).join(", ")}`);
}

/** Python's `fmt % value` for pie's autopct ('%1.1f%%', '%.0f%%', '%d%%'). */
function percentFormat(fmt: string, value: number): string {
  return fmt.replace(/%(-?\d*)(?:\.(\d+))?([dfi%])/g, (m, width: string, prec: string | undefined, conv: string) => {
    if (conv === "%") return "%";
    const s = conv === "f" ? value.toFixed(prec === undefined ? 6 : Number(prec)) : String(Math.trunc(value));
    const w = Math.abs(Number(width || "0"));
    return width.startsWith("-") ? s.padEnd(w) : s.padStart(w);
  });
}

/** A trailing keyword-arguments object (not data: no array, tensor or number). */
export function isOptions(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype && !("data" in v && "shape" in v);
}

export type { Array2 };
