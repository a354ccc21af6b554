/**
 * matplotlib's Figure: a size in inches (pixels at 100 dpi), its Axes laid out on a grid with the
 * default subplot parameters (left 0.125, right 0.9, bottom 0.11, top 0.88, wspace = hspace = 0.2),
 * drawn as one SVG. Shown in a notebook as `image/svg+xml` with matplotlib's repr as `text/plain`
 * (`<Figure size 640x480 with 1 Axes>`); saved as SVG or as PNG (the same SVG rasterised by
 * @napi-rs/canvas, text included).
 */
import { writeFileAtomic } from "../serialization/atomic";
import { ValueError } from "../errors";
import { JUPYTER_DISPLAY, MimeBundle } from "../display/emitter";
import { IPYTHON_REPR, PY_REPR } from "../pyrepr";
import { Axes, AxesImage, Box, PathCollection } from "./axes";
import { Colorbar, ColorbarOptions, mappableOf, stealSpace } from "./colorbar";
import type { QuadContourSet } from "./contour";
import { DPI, pt, rcParams, textWidth, toColor } from "./style";

/** The subplot parameters (`fig.subplots_adjust`), fractions of the figure. */
export interface SubplotParams {
  left: number;
  right: number;
  bottom: number;
  top: number;
  wspace: number;
  hspace: number;
}

/** The subplot parameters `figure.subplot.*` give now (read when a figure is made). */
function defaultParams(): SubplotParams {
  const keys = ["left", "right", "bottom", "top", "wspace", "hspace"] as const;
  return Object.fromEntries(keys.map((k) => [k, Number(rcParams[`figure.subplot.${k}`])])) as unknown as SubplotParams;
}

/** Where the Axes of grid cell `index` (0-based, row-major) of an nrows x ncols grid goes. */
export function gridBox(params: SubplotParams, nrows: number, ncols: number, index: number): Box {
  const cellW = (params.right - params.left) / (ncols + params.wspace * (ncols - 1));
  const cellH = (params.top - params.bottom) / (nrows + params.hspace * (nrows - 1));
  const row = Math.floor(index / ncols);
  const col = index % ncols;
  const left = params.left + col * cellW * (1 + params.wspace);
  const top = params.top - row * cellH * (1 + params.hspace);
  return [left, top - cellH, cellW, cellH];
}

export class Figure {
  readonly axes: Axes[] = [];
  /** Each Axes' grid slot, so that subplots_adjust and tight_layout can place it again. */
  private readonly slots = new Map<Axes, [number, number, number]>();
  private params: SubplotParams = defaultParams();
  /** `figure.facecolor` when the figure was made. */
  private readonly facecolor = toColor(rcParams["figure.facecolor"]);
  private suptitleText = "";

  /**
   * @param number the figure's number (`plt.figure(num)`, `fig.number`)
   * @param figsize width and height in inches (`figure.figsize`: 6.4 x 4.8)
   * @param dpi pixels per inch of its repr and saved PNG (`figure.dpi`: 100)
   */
  constructor(
    readonly number: number,
    readonly figsize: [number, number] = [Number(rcParams["figure.figsize"][0]), Number(rcParams["figure.figsize"][1])],
    readonly dpi = Number(rcParams["figure.dpi"]),
  ) {
    if (!(figsize[0] > 0 && figsize[1] > 0) || !Number.isFinite(figsize[0]) || !Number.isFinite(figsize[1])) {
      throw new ValueError(`figure size must be positive finite not (${figsize[0]}, ${figsize[1]})`);
    }
  }

  /** Width and height in pixels at 100 dpi (the axes are laid out at this scale whatever the dpi). */
  get size(): [number, number] {
    return [Math.round(this.figsize[0] * DPI), Math.round(this.figsize[1] * DPI)];
  }

  /** `fig.add_subplot(nrows, ncols, index)` (index from 1), or the Axes already in that slot. */
  add_subplot(nrows = 1, ncols = 1, index = 1): Axes {
    for (const [n, v] of [["nrows", nrows], ["ncols", ncols]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new ValueError(`Number of ${n === "nrows" ? "rows" : "columns"} must be a positive integer, not ${v}`);
    }
    if (!Number.isInteger(index) || index < 1 || index > nrows * ncols) {
      throw new ValueError(`num must be 1 <= num <= ${nrows * ncols}, not ${index}`);
    }
    for (const [ax, slot] of this.slots) if (slot[0] === nrows && slot[1] === ncols && slot[2] === index - 1) return ax;
    const ax = new Axes(gridBox(this.params, nrows, ncols, index - 1), () => this.size);
    this.slots.set(ax, [nrows, ncols, index - 1]);
    this.axes.push(ax);
    ax.addTwin = (twin) => this.addTwin(twin, ax);
    return ax;
  }

  /** A twin (ax.twinx()) takes its Axes' grid slot too, so that subplots_adjust and tight_layout move both. */
  private addTwin(twin: Axes, of: Axes): void {
    const slot = this.slots.get(of);
    if (slot !== undefined) this.slots.set(twin, slot);
    twin.addTwin = (t) => this.addTwin(t, of);
    this.axes.push(twin);
  }

  /** `fig.subplots_adjust(left=..., wspace=...)`: the grid's margins and gaps. */
  subplots_adjust(params: Partial<SubplotParams> = {}): void {
    this.params = { ...this.params, ...params };
    if (this.params.left >= this.params.right) throw new ValueError("left cannot be >= right");
    if (this.params.bottom >= this.params.top) throw new ValueError("bottom cannot be >= top");
    for (const [ax, [r, c, i]] of this.slots) ax.box = gridBox(this.params, r, c, i);
  }

  /**
   * `fig.tight_layout()`: margins and gaps just wide enough for what each Axes draws outside its frame
   * (tick labels, axis labels, titles, texts and annotations, a legend outside: Axes.layoutExtents), padded
   * by `pad` (gaps by `w_pad` / `h_pad`) times `font.size`, as matplotlib's `_auto_adjust_subplotpars`;
   * text widths are DejaVu Sans' estimated.
   */
  tight_layout(options: number | { pad?: number; w_pad?: number; h_pad?: number } = {}): void {
    const { pad = 1.08, w_pad = undefined, h_pad = undefined } = typeof options === "number" ? { pad: options } : options;
    if (this.slots.size === 0) return;
    const [fw, fh] = this.size;
    const font = pt(Number(rcParams["font.size"]));
    const [padPx, wPad, hPad] = [pad * font, (w_pad ?? pad) * font, (h_pad ?? pad) * font];
    const nrows = Math.max(...[...this.slots.values()].map((s) => s[0]));
    const ncols = Math.max(...[...this.slots.values()].map((s) => s[1]));
    // Per grid line, the widest decorations reaching over it: hspaces[r][c] is the gap left of column c
    // (the Axes' left extents there plus the right ones of column c - 1), vspaces likewise over rows.
    const hspaces = Array.from({ length: nrows }, () => new Array<number>(ncols + 1).fill(0));
    const vspaces = Array.from({ length: nrows + 1 }, () => new Array<number>(ncols).fill(0));
    for (const [ax, [r0, c0, index]] of this.slots) {
      const [row, col] = [Math.floor(index / c0) * (nrows / r0), (index % c0) * (ncols / c0)];
      const e = ax.layoutExtents();
      hspaces[row][col] += e.left;
      hspaces[row][col + ncols / c0] += e.right;
      vspaces[row][col] += e.top;
      vspaces[row + nrows / r0][col] += e.bottom;
    }
    const column = (c: number) => Math.max(0, ...hspaces.map((r) => r[c]));
    const row = (r: number) => Math.max(0, ...vspaces[r]);
    // A suptitle (figure.titlesize, 'large') takes its height and another pad above the top row.
    const suptitle = this.suptitleText === "" ? 0 : 0.99 * pt(12) + padPx;
    const [left, right, top, bottom] = [column(0) + padPx, column(ncols) + padPx, row(0) + padPx + suptitle, row(nrows) + padPx];
    const params: SubplotParams = { left: left / fw, right: 1 - right / fw, bottom: bottom / fh, top: 1 - top / fh, wspace: 0, hspace: 0 };
    if (ncols > 1) {
      const gap = Math.max(...Array.from({ length: ncols - 1 }, (_, c) => column(c + 1))) + wPad;
      params.wspace = gap / ((fw - left - right - gap * (ncols - 1)) / ncols);
    }
    if (nrows > 1) {
      const gap = Math.max(...Array.from({ length: nrows - 1 }, (_, r) => row(r + 1))) + hPad;
      params.hspace = gap / ((fh - top - bottom - gap * (nrows - 1)) / nrows);
    }
    this.subplots_adjust(params);
  }

  /**
   * `fig.colorbar(im, ax=ax)`: a colorbar of an image (or of points coloured by value) in a new Axes
   * taking the right of `ax` (an Axes or a list of them; default the image's), or drawn in `cax`.
   */
  colorbar(mappable: AxesImage | PathCollection | QuadContourSet, options: ColorbarOptions = {}): Colorbar {
    const m = mappableOf(mappable);
    let cax = options.cax;
    if (cax === undefined) {
      const given = options.ax ?? this.axes.find((a) => a.images.includes(mappable as AxesImage) || a.collections.includes(mappable as PathCollection)) ?? this.gca();
      // subplots' Axes lists shadow `flat` with numpy's attribute: Array's own flat walks the rows.
      const parents = (Array.isArray(given) ? Array.prototype.flat.call(given, 2) : [given]) as Axes[];
      const boxes = stealSpace(parents, options);
      parents.forEach((p, i) => {
        p.box = boxes.parents[i];
        p.anchor = [1, 0.5];
        // The parent no longer fills its grid slot: a later subplots_adjust or tight_layout leaves it be.
        this.slots.delete(p);
      });
      cax = new Axes(boxes.cax, () => this.size);
      this.axes.push(cax);
    }
    cax.makeColorbar(m, options.aspect ?? 20);
    const cbar = new Colorbar(cax, mappable);
    if (options.label !== undefined) cbar.set_label(options.label);
    return cbar;
  }

  /** `fig.suptitle(text)`: a title above all the Axes. */
  suptitle(text: string): void {
    this.suptitleText = String(text);
  }

  /** `fig.gca()`: the current (last added) Axes, made if there is none. */
  gca(): Axes {
    return this.axes[this.axes.length - 1] ?? this.add_subplot(1, 1, 1);
  }

  get_size_inches(): [number, number] {
    return [...this.figsize];
  }

  /** The whole figure as an SVG document (`blocky`: images enlarged pixel by pixel, see Axes.toSvg). */
  toSvg(blocky = false): string {
    const [w, h] = this.size;
    const parts = [
      `<?xml version="1.0" encoding="utf-8" standalone="no"?>`,
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" version="1.1">`,
      `<rect class="figure" width="${w}" height="${h}" fill="${this.facecolor}"/>`,
      ...this.axes.map((ax, i) => ax.toSvg(`axes_${this.number}_${i + 1}`, blocky)),
    ];
    if (this.suptitleText !== "") {
      parts.push(`<text class="suptitle" x="${(w / 2).toFixed(2)}" y="${(0.02 * h + pt(12)).toFixed(2)}" text-anchor="middle" font-size="${pt(12).toFixed(2)}" font-family="DejaVu Sans, sans-serif">${this.suptitleText.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</text>`);
    }
    parts.push(`</svg>`);
    return parts.join("\n");
  }

  /** The figure as PNG bytes at `dpi` (the SVG drawn by @napi-rs/canvas). */
  toPng(dpi = this.dpi): Buffer {
    const canvasLib = require("@napi-rs/canvas") as typeof import("@napi-rs/canvas");
    const scale = dpi / DPI;
    const [w, h] = this.size;
    const image = new canvasLib.Image();
    // Skia smooths an enlarged image; matplotlib shows small images as blocks (nearest neighbour).
    image.src = Buffer.from(this.toSvg(true));
    const canvas = canvasLib.createCanvas(Math.round(w * scale), Math.round(h * scale));
    const ctx = canvas.getContext("2d");
    ctx.drawImage(image, 0, 0, Math.round(w * scale), Math.round(h * scale));
    return canvas.toBuffer("image/png");
  }

  /**
   * `fig.savefig('loss.png')`: PNG for .png, SVG for .svg (`format` overrides the extension; no
   * extension is PNG, matplotlib's default). Other formats are matplotlib's ValueError.
   */
  savefig(fname: string, options: { format?: string; dpi?: number; bbox_inches?: string | null; facecolor?: string } = {}): void {
    const ext = options.format ?? (/\.([^./\\]+)$/.exec(fname)?.[1] ?? "png");
    const format = ext.toLowerCase();
    if (format === "svg") writeFileAtomic(fname, this.toSvg());
    else if (format === "png") writeFileAtomic(/\.[^./\\]+$/.test(fname) ? fname : `${fname}.png`, this.toPng(options.dpi ?? this.dpi));
    else throw new ValueError(`Format '${format}' is not supported (supported formats: png, svg)`);
  }

  /** matplotlib's repr: `<Figure size 640x480 with 1 Axes>`. */
  toString(): string {
    const [w, h] = [Math.round(this.figsize[0] * this.dpi), Math.round(this.figsize[1] * this.dpi)];
    return `<Figure size ${w}x${h} with ${this.axes.length} Axes>`;
  }

  /** Whether anything would be drawn: an empty figure shows as its text only, as the inline backend shows it. */
  get isEmpty(): boolean {
    return this.axes.length === 0;
  }

  /** The notebook's rendering: the SVG and the repr; an empty figure only the repr. */
  bundle(): MimeBundle {
    return this.isEmpty ? { "text/plain": this.toString() } : { "image/svg+xml": this.toSvg(), "text/plain": this.toString() };
  }

  [JUPYTER_DISPLAY](): MimeBundle {
    return this.bundle();
  }
  [IPYTHON_REPR](): string {
    return this.toString();
  }
  [PY_REPR](): string {
    return `Figure(${Math.round(this.figsize[0] * this.dpi)}x${Math.round(this.figsize[1] * this.dpi)})`;
  }
}
