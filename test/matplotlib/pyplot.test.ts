/**
 * matplotlib.pyplot (src/matplotlib/) against matplotlib 3.6 (test/reference/gen_pyplot.py draws the
 * same figures): tick locations (MaxNLocator, as `ax.get_xticks()` gives them), the tick labels drawn
 * (ScalarFormatter: decimals, unicode minus, "1e6" / "+1e3" texts), limits with 5% margins and sticky
 * edges, legend labels and where the legend box sits, annotate's arrows and their colours, tick and tick label
 * colours, minor ticks, scatter markers' edges, bars' colours, where tight_layout puts the Axes, what a style changes (faces, spines,
 * grid, colour cycle, line widths, font sizes) and the rcParams styles set, the figure's repr, imshow's
 * pixels, hist's counts, and the errors; then the
 * SVG's structure, savefig's files and how figures reach the notebook (show, the cell's end, close).
 * The notebook spelling through the kernel is in test/display/kernel.test.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";
import * as plt from "../../src/matplotlib/pyplot";
import { decode_png } from "../../src/display/png";
import { pt } from "../../src/matplotlib/style";
import { DisplayMessage, runCellEndHooks, setDisplaySink } from "../../src/display/emitter";
import { parseXml, XmlElement } from "../display/xml";
import { readReference } from "../tensor/fixtures";
import { capturedStderr } from "./_stderr";

interface AxesRef {
  xticks: number[]; yticks: number[]; xlim: number[]; ylim: number[]; xlabels: string[]; ylabels: string[];
  xoffset: string; yoffset: string; legend: string[] | null; lines: number; title: string;
  collections: number; patches: number; texts: string[]; scales: [string, string]; position: number[]; xminor: string[]; yminor: string[];
  facecolor: string; spine: [string, number]; grid: string[]; line_colors: string[]; line_widths: number[]; bar_colors: string[];
  fontsizes: number[]; legend_box: number[] | null; arrows: number[][];
  arrow_styles: [string, string, number][]; scatter_edges: [string, number][]; tick_colors: ([string, string] | null)[]; minor_sizes: (number | null)[]; minor_locs: number[][];
}
interface CaseRef {
  repr: string; axes: AxesRef[]; rgba?: number[][][]; warnings?: string[]; hist_counts?: number[]; hist_edges?: number[]; scatter_colors?: string[];
}
const ref = readReference<{
  cases: Record<string, CaseRef>; errors: Record<string, [string, string]>; cmaps: Record<string, number[][][]>; styles: Record<string, Record<string, unknown>>;
  tight: Record<"linear" | "log" | "fivethirtyeight_log" | "texts", number[][]>;
}>("pyplot.json");

const LOSSES = [2.3, 1.2, 0.8, 0.6, 0.5, 0.45, 0.41, 0.39, 0.37, 0.36];
const VAL = [2.4, 1.4, 1.0, 0.85, 0.8, 0.78, 0.77, 0.77, 0.78, 0.8];
const range = (n: number) => Array.from({ length: n }, (_, k) => k);
const XS = range(50).map((k) => (Math.cos(k) * k) / 10);
const YS = range(50).map((k) => Math.sin(k * 1.3) * 3 + 100);
const CS = range(50).map((k) => k % 3);
const GRAY = [[0.0, 0.25, 0.5, 0.75], [1.0, 2.0, 3.0, 4.0], [-1.0, 0.1, 0.2, 0.3]];
const RGB = [[[0.0, 0.5, 1.0], [1.5, -0.2, 0.25]], [[0.1, 0.2, 0.3], [0.999, 0.004, 0.5]]];

/** The figures gen_pyplot.py draws, drawn here with the same calls. */
const FIGURES: Record<string, () => Record<string, unknown> | void> = {
  loss: () => {
    plt.figure({ figsize: [10, 5] });
    plt.plot(LOSSES, { label: "train" });
    plt.plot(VAL, "--", { label: "val" });
    plt.xlabel("epoch");
    plt.ylabel("loss");
    plt.title("Loss curve");
    plt.legend();
    plt.grid(true);
  },
  scatter_hist: () => {
    plt.figure();
    plt.subplot(1, 2, 1);
    plt.scatter(XS, YS, { c: CS });
    plt.subplot(1, 2, 2);
    const [n, edges] = plt.hist(XS, { bins: 8 });
    return { n, edges };
  },
  bar: () => {
    plt.bar(["cat", "dog", "bird"], [3, 5, 2]);
  },
  subplots: () => {
    const [, axes] = plt.subplots(2, 3, { figsize: [9, 6] });
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) axes[i][j].plot(range(20).map((k) => k * (i + 1) - j * 7), range(20).map((k) => Math.sin(k / (j + 1)) * 10 ** (i * 2)));
    }
  },
  magnitudes: () => {
    const [, axes] = plt.subplots(1, 3);
    axes[0].plot([1e6, 2e6, 5e6], [1e-6, 3e-6, 2e-6]);
    axes[1].plot([0, 1, 2], [1000.1, 1000.3, 1000.5]);
    axes[2].plot(range(25).map((k) => -3 + k * 0.25), range(25).map((k) => (-3 + k * 0.25) ** 3));
  },
  limits: () => {
    plt.plot([0, 1, 2], [0, 1, 4]);
    plt.xlim(0, 10);
    plt.ylim(-1, 1);
  },
  single: () => {
    plt.plot([5], [2], "o");
  },
  imshow_gray: () => {
    plt.imshow(GRAY, { cmap: "gray" });
  },
  imshow_viridis: () => {
    plt.imshow(torch.tensor(GRAY).numpy());
  },
  imshow_rgb: () => {
    plt.imshow(torch.tensor(RGB));
  },
  subplots_8: () => {
    const [, axes] = plt.subplots(2, 4, { figsize: [8, 4] });
    for (const ax of axes.flat) {
      ax.imshow(torch.zeros(28, 28), { cmap: "gray" });
      ax.axis("off");
    }
  },
  colorbar: () => {
    plt.imshow(torch.arange(64.0).reshape(8, 8).numpy(), { cmap: "hot" });
    plt.colorbar();
  },
  colorbar_axes: () => {
    const [fig, axes] = plt.subplots(1, 2, { figsize: [8, 3] });
    const im = axes[0].imshow(GRAY, { cmap: "coolwarm", vmin: -1, vmax: 4 });
    axes[1].scatter(XS, YS, { c: CS, cmap: "jet" });
    fig.colorbar(im, { ax: axes });
  },
  barh: () => {
    plt.barh(["a", "b", "c"], [3, 1, 2]);
  },
  fill_text: () => {
    const x = [0, 1, 2, 3, 4];
    plt.plot(x, [1, 2, 1.5, 3, 2.5], { label: "mean" });
    plt.fill_between(x, [0.5, 1.5, 1, 2.5, 2], [1.5, 2.5, 2, 3.5, 3], { alpha: 0.3, label: "band" });
    plt.text(1, 3, "peak");
    plt.annotate("max", [3, 3], { xytext: [3.5, 1], arrowprops: { arrowstyle: "->" } });
    plt.axhline(2, { color: "r", linestyle: "--" });
    plt.axvline(2.5);
    plt.legend();
  },
  axhline_only: () => {
    plt.axhline(0.5);
    plt.axvline(7);
  },
  errorbar: () => {
    plt.errorbar([1, 2, 3], [2, 3, 1], { yerr: [0.5, 0.2, 0.1], fmt: "o", capsize: 3 });
    plt.errorbar([1, 2, 3], [1, 1.5, 2], { xerr: 0.25, yerr: [[0.1, 0.2, 0.3], [0.3, 0.2, 0.1]] });
  },
  semilogy: () => {
    plt.semilogy([1, 10, 100, 1000, 5000]);
  },
  loglog: () => {
    plt.loglog([1, 2, 5, 10, 20, 50, 100], [3, 1, 0.5, 0.2, 0.15, 0.12, 0.1]);
  },
  log_narrow: () => {
    plt.plot([2, 3, 4, 5]);
    plt.yscale("log");
    plt.xscale("log");
  },
  log_wide: () => {
    plt.figure({ figsize: [4, 3] });
    plt.semilogx([1e-8, 1e-3, 1e2, 1e9], [1, 2, 3, 4]);
  },
  pie: () => {
    plt.pie([1, 2, 3], { labels: ["a", "b", "c"], autopct: "%1.1f%%" });
  },
  sharex: () => {
    const [, axes] = plt.subplots(2, 2, { sharex: true, sharey: "row" });
    axes[0][0].plot([0, 1, 2], [0, 1, 4]);
    axes[1][1].plot([0, 5], [2, -1]);
  },
  add_subplot_ticks: () => {
    const fig = plt.figure({ figsize: [6, 3] });
    for (let i = 0; i < 3; i++) {
      const ax = fig.add_subplot(1, 3, i + 1);
      ax.imshow(GRAY, { cmap: ["Greys", "RdBu_r", "binary"][i] });
      ax.set_xticks([]);
      ax.set_yticks([]);
      ax.set_title(String(i));
    }
  },
  log_clip: () => {
    plt.semilogy([0, 1, 2, 3, 4], [0, 1, 10, -5, 100], "o-");
  },
  legend_locs: () => {
    const [, axes] = plt.subplots(2, 3, { figsize: [9, 6] });
    for (const ax of axes.flat) {
      ax.plot(LOSSES, { label: "train" });
      ax.plot(VAL, { label: "validation" });
    }
    axes[0][0].legend({ loc: "upper left" });
    axes[0][1].legend({ loc: 8 });
    axes[0][2].legend({ loc: "center right" });
    axes[1][0].legend({ loc: [0.1, 0.2] });
    axes[1][1].legend({ bbox_to_anchor: [1.05, 1], loc: "upper left" });
    axes[1][2].legend({ loc: "lower left", bbox_to_anchor: [0.2, 0.1, 0.5, 0.5] });
  },
  arrows: () => {
    plt.plot([0, 1, 2, 3, 4], [0, 2, 1, 3, 2]);
    plt.annotate("peak", { xy: [3, 3], xytext: [1, 2.6], arrowprops: { facecolor: "black", shrink: 0.05 } });
    plt.annotate("dip", { xy: [2, 1], xytext: [2.5, 0.2], arrowprops: { arrowstyle: "->" } });
    plt.annotate("start", { xy: [0, 0], xytext: [0.5, 1.5], arrowprops: { arrowstyle: "-|>", color: "red" } });
  },
  colors_edges: () => {
    const [, axes] = plt.subplots(1, 2);
    axes[0].bar(["a", "b", "c", "d"], [1, 2, 3, 4], { color: ["r", "C1", "#123456"] });
    axes[1].scatter([1, 2], [1, 2]);
    axes[1].scatter([1, 2], [2, 1], { edgecolors: "k", linewidths: 2 });
    axes[1].scatter([1, 2], [1.5, 1.5], { c: "g", edgecolors: "none" });
    axes[1].scatter([1, 2], [1.2, 1.8], { c: [0.5, 1.0], s: 100 });
  },
  arrows_ggplot: () => {
    plt.style.use("ggplot");
    plt.plot([0, 1, 2, 3, 4], [0, 2, 1, 3, 2]);
    plt.annotate("peak", { xy: [3, 3], xytext: [1, 2.6], arrowprops: { facecolor: "black", shrink: 0.05 } });
    plt.annotate("dip", { xy: [2, 1], xytext: [2.5, 0.2], arrowprops: { arrowstyle: "->" } });
    plt.annotate("end", { xy: [4, 2], xytext: [3.2, 0.5], arrowprops: {} });
  },
  log_fivethirtyeight: () => {
    plt.style.use("fivethirtyeight");
    plt.plot(range(100).map((k) => 2.0 * 0.8 ** k + 0.05));
    plt.yscale("log");
  },
  tick_labelcolor: () => {
    plt.rcParams["xtick.labelcolor"] = "red";
    plt.rcParams["ytick.color"] = "green";
    plt.plot([1, 3, 2]);
  },
  minorticks_on: () => {
    plt.rcParams["ytick.minor.visible"] = true;
    const [, axes] = plt.subplots(1, 2);
    axes[0].plot([0, 10], [0, 2.5]);
    axes[0].minorticks_on();
    axes[1].plot([3, 7], [-1, 40]);
  },
  ...Object.fromEntries(["ggplot", "seaborn-v0_8", "fivethirtyeight", "bmh"].map((name) => [`style_${name}`, () => styled(name)])),
  style_seaborn_alias: () => {
    plt.style.use("seaborn-whitegrid");
    plt.plot([1, 3, 2]);
  },
  rc_params: () => {
    plt.rcParams["figure.figsize"] = [10, 4];
    plt.rc("lines", { linewidth: 3 });
    plt.rc("font", { size: 12 });
    plt.plot([1, 3, 2]);
    plt.title("big");
  },
  style_context: () => {
    plt.style.context("ggplot", () => {
      plt.figure({ figsize: [4, 3] });
      plt.plot([1, 2]);
    });
    plt.figure({ figsize: [4, 3] });
    plt.plot([1, 2]);
    plt.close(1);
  },
};

/** gen_pyplot.py's styled(): a style, then a loss plot with a legend beside bars. */
function styled(name: string): void {
  plt.style.use(name);
  plt.figure();
  plt.subplot(1, 2, 1);
  plt.plot(LOSSES, { label: "train" });
  plt.plot(VAL, { label: "val" });
  plt.title("loss");
  plt.xlabel("epoch");
  plt.legend();
  plt.subplot(1, 2, 2);
  plt.bar(["a", "b", "c"], [3, 5, 2]);
}

function draw(name: string): { fig: plt.Figure; svg: XmlElement; extra: Record<string, unknown> } {
  plt.close("all");
  const extra = FIGURES[name]() ?? {};
  const fig = plt.gcf();
  const svg = parseXml(fig.toSvg());
  plt.close("all");
  plt.style.use("default");
  return { fig, svg, extra };
}

function all(el: XmlElement, pred: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (pred(e)) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}
const byClass = (el: XmlElement, cls: string) => all(el, (e) => e.attrs.class === cls);
/** The [x, y, width, height] around an SVG path's points. */
function arrowBox(d: string): number[] {
  const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const xs = nums.filter((_, i) => i % 2 === 0);
  const ys = nums.filter((_, i) => i % 2 === 1);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
}
/** A <text>'s characters, its tspans (a log label's exponent) included. */
const shown = (t: XmlElement) => t.text + t.children.map((c) => c.text).join("");
const texts = (el: XmlElement, cls: string) => byClass(el, cls).flatMap((t) => all(t, (e) => e.name === "text").map(shown));
/** matplotlib's mathtext tick label as torchlab's SVG shows it: '$\mathdefault{2\times10^{-1}}$' is 2×10 and a raised −1. */
const plain = (label: string) => label.replace(/^\$\\mathdefault\{(.*)\}\$$/, "$1").replace(/\\times/g, "\u00d7").replace(/[\^{}]/g, "").replace(/-/g, "\u2212");

const stderr = capturedStderr();

const inView = (t: number, lim: number[]) => t >= Math.min(...lim) - 1e-9 * Math.abs(lim[1] - lim[0]) && t <= Math.max(...lim) + 1e-9 * Math.abs(lim[1] - lim[0]);

describe.each(Object.keys(ref.cases))("%s against matplotlib", (name) => {
  const expected = ref.cases[name];
  test("ticks, tick labels, limits, legend and repr", () => {
    const { fig, svg } = draw(name);
    expect(fig.toString()).toBe(expected.repr);
    const axesSvg = byClass(svg, "axes");
    expect(fig.axes.length).toBe(expected.axes.length);
    fig.axes.forEach((ax, i) => {
      const want = expected.axes[i];
      const close = (got: number[], exp: number[]) => {
        expect(got.length).toBe(exp.length);
        got.forEach((v, k) => expect(v).toBeCloseTo(exp[k], 9));
      };
      close(ax.get_xlim(), want.xlim);
      close(ax.get_ylim(), want.ylim);
      close(ax.get_xticks(), want.xticks);
      close(ax.get_yticks(), want.yticks);
      const drawn = axesSvg[i];
      const axisOn = byClass(drawn, "spines").length > 0;
      expect(axisOn ? texts(drawn, "xtick") : want.xlabels.map(plain)).toEqual(want.xlabels.map(plain));
      expect(axisOn ? texts(drawn, "ytick") : want.ylabels.map(plain)).toEqual(want.ylabels.map(plain));
      expect(ax.tickLabels("x").labels.filter((_, k) => !ax.hideTickLabels.x && inView(ax.get_xticks()[k], ax.get_xlim()))).toEqual(want.xlabels);
      expect(byClass(drawn, "offset").map((t) => t.text)).toEqual([want.xoffset, want.yoffset].filter((t) => t !== ""));
      const legend = byClass(drawn, "legend");
      expect(legend.length === 0 ? null : all(legend[0], (e) => e.name === "text").map((t) => t.text)).toEqual(want.legend);
      expect(ax.lines.length).toBe(want.lines);
      expect(byClass(drawn, "line").length).toBe(want.lines);
      expect(byClass(drawn, "title").map((t) => t.text)).toEqual(want.title === "" ? [] : [want.title]);
      expect([ax.get_xscale(), ax.get_yscale()]).toEqual(want.scales);
      close(ax.get_position(), want.position);
      expect(ax.texts.map((t) => t.get_text())).toEqual(want.texts);
      if (axisOn) {
        expect(texts(drawn, "xtick-minor")).toEqual(want.xminor.filter((l) => l !== "").map(plain));
        expect(texts(drawn, "ytick-minor")).toEqual(want.yminor.filter((l) => l !== "").map(plain));
      }
      // What a style changes: the face, spines, grid, lines' colours and widths, bars' colours, font sizes.
      if (axisOn) {
        expect(byClass(drawn, "background")[0].attrs.fill).toBe(want.facecolor);
        const spines = byClass(drawn, "spines");
        expect(spines.length === 0 ? [want.spine[0], 0] : [spines[0].attrs.stroke, Number(spines[0].attrs["stroke-width"])]).toEqual([want.spine[0], Number(pt(want.spine[1]).toFixed(2))]);
        expect(byClass(drawn, "grid").map((g) => g.attrs.stroke)).toEqual(want.grid);
        const tickText = byClass(drawn, "xtick").flatMap((g) => all(g, (e) => e.name === "text")).slice(0, 1);
        expect(tickText.map((t) => Number(t.attrs["font-size"]))).toEqual(tickText.map(() => Number(pt(want.fontsizes[2]).toFixed(2))));
        if (want.title !== "") expect(Number(byClass(drawn, "title")[0].attrs["font-size"])).toBeCloseTo(pt(want.fontsizes[0]), 1);
        if (ax.get_xlabel() !== "") expect(Number(byClass(drawn, "xlabel")[0].attrs["font-size"])).toBeCloseTo(pt(want.fontsizes[1]), 1);
      }
      expect(ax.lines.map((l) => l.get_color())).toEqual(want.line_colors);
      ax.lines.forEach((l, k) => expect(l.linewidth).toBeCloseTo(want.line_widths[k], 9));
      const barFills = byClass(drawn, "bars").flatMap((g) => byClass(g, "patch").map((r) => r.attrs.fill ?? g.attrs.fill));
      expect(barFills.slice(0, 3)).toEqual(want.bar_colors);
      // A scatter's markers: an edge of each point's colour ('face'), a colour or none, patch.linewidth (1 pt) wide.
      const edges = byClass(drawn, "points").map((g) => all(g, (e) => e.name === "path")[0]).map((m) => [m.attrs.stroke ?? "none", m.attrs.stroke === undefined ? 0 : Number(m.attrs["stroke-width"])]);
      expect(edges).toEqual(want.scatter_edges.map(([c, w]) => [c, c === "none" ? 0 : Number(pt(w).toFixed(2))]));
      // The legend's box: the edge (or middle) it is placed by within 2 px of matplotlib's, each way.
      expect(ax.legendBox === null).toBe(want.legend_box === null);
      if (ax.legendBox !== null && want.legend_box !== null) {
        const [x, y, w, h] = ax.legendBox;
        const [wx, wy, ww, wh] = want.legend_box;
        expect(Math.min(Math.abs(x - wx), Math.abs(x + w - wx - ww), Math.abs(x + w / 2 - wx - ww / 2))).toBeLessThan(2);
        expect(Math.min(Math.abs(y - wy), Math.abs(y + h - wy - wh), Math.abs(y + h / 2 - wy - wh / 2))).toBeLessThan(2);
      }
      // annotate's arrows: the box around each within 3 px of matplotlib's FancyArrowPatch's.
      const arrows = byClass(drawn, "arrow").map((a) => arrowBox(a.attrs.d));
      expect(arrows.length).toBe(want.arrows.length);
      arrows.forEach((box, k) => box.forEach((v, j) => expect([k, j, Math.abs(v - want.arrows[k][j]) < 3]).toEqual([k, j, true])));
      // Their edge, width and (filled heads) face: arrowprops', else the patch.* rcParams (ggplot's light edge).
      byClass(drawn, "arrow").forEach((a, k) => {
        const [face, edge, width] = want.arrow_styles[k];
        expect([a.attrs.stroke, Number(a.attrs["stroke-width"]), a.attrs.fill === "none" ? face : a.attrs.fill]).toEqual([edge, Number(pt(width).toFixed(2)), face]);
      });
      if (axisOn) {
        (["x", "y"] as const).forEach((axis, k) => {
          // A tick's colour and its label's (`xtick.labelcolor`, 'inherit' from `xtick.color`).
          const tick = byClass(drawn, `${axis}tick`)[0];
          const line = tick === undefined ? [] : all(tick, (e) => e.name === "line");
          const label = tick === undefined ? [] : all(tick, (e) => e.name === "text");
          if (line.length > 0) expect(line[0].attrs.stroke).toBe(want.tick_colors[k]![0]);
          if (label.length > 0) expect(label[0].attrs.fill).toBe(want.tick_colors[k]![1]);
          // Minor ticks: where matplotlib's locators put them in view, as long as `xtick.minor.size` (fivethirtyeight's 0 hides them).
          const lim = axis === "x" ? ax.get_xlim() : ax.get_ylim();
          const locs = ax.minorTicks(axis).filter((t) => inView(t, lim));
          close(locs, want.minor_locs[k].filter((t) => inView(t, lim)));
          const marks = byClass(drawn, `${axis}tick-minor`).flatMap((g) => all(g, (e) => e.name === "line"));
          const size = want.minor_sizes[k] ?? 0;
          expect(marks.length).toBe(size > 0 ? locs.length : 0);
          marks.forEach((m) => expect(Math.hypot(Number(m.attrs.x2) - Number(m.attrs.x1), Number(m.attrs.y2) - Number(m.attrs.y1))).toBeCloseTo(pt(size), 1));
        });
      }
      // A colorbar's Axes holds matplotlib's mesh and outline; torchlab draws them itself.
      if (ax.colorbarOf === null) {
        expect(ax.collections.length + ax.fills.length + ax.lineCollections.length).toBe(want.collections);
        expect(ax.containers.reduce((n, b) => n + b.length, 0) + ax.wedges.length).toBe(want.patches);
      }
    });
  });
});

describe("what is drawn", () => {
  test("an errorbar's legend handle has its bar (a font size long) and caps (as wide as the plot's); spines and ticks sit on pixel centres, as Agg snaps them", () => {
    plt.close("all");
    plt.errorbar([1, 2, 3], [2, 3, 1], { yerr: [0.5, 0.2, 0.1], fmt: "o-", capsize: 3, label: "mean ± std" });
    plt.legend();
    const svg = parseXml(plt.gcf().toSvg());
    plt.close("all");
    const legend = byClass(svg, "legend")[0];
    const handles = byClass(legend, "handle");
    expect(handles.map((h) => h.name)).toEqual(["line", "line", "line", "line", "path"]);
    const length = (l: XmlElement) => Math.hypot(Number(l.attrs.x2) - Number(l.attrs.x1), Number(l.attrs.y2) - Number(l.attrs.y1));
    const fontSize = Number(all(legend, (e) => e.name === "text")[0].attrs["font-size"]);
    expect(length(handles[1])).toBeCloseTo(fontSize, 1);
    // The plot's caps are '_' markers 2 * capsize points wide.
    const plotCap = byClass(svg, "marker").map((m) => /^M[-\d.]+,[-\d.]+h([-\d.]+)$/.exec(m.attrs.d)).find((m) => m !== null)!;
    [handles[2], handles[3]].forEach((cap) => expect(length(cap)).toBeCloseTo(Number(plotCap[1]), 1));
    // Spines and ticks 0.8 pt (1.1 px, rounded to 1: odd) wide sit on a pixel's centre.
    const spine = byClass(svg, "spines")[0].children[0];
    const ticks = byClass(svg, "xtick").flatMap((g) => all(g, (e) => e.name === "line"));
    for (const v of [spine.attrs.x, spine.attrs.y, ...ticks.map((t) => t.attrs.x1)]) expect(Math.abs(Number(v) % 1)).toBeCloseTo(0.5, 9);
  });
  test("the loss curve: two polylines of 10 points in tab10's first colours, the second dashed; a grid; axis labels", () => {
    const { svg } = draw("loss");
    const lines = all(svg, (e) => e.name === "polyline");
    expect(lines.map((l) => l.attrs.points.split(" ").length)).toEqual([10, 10]);
    expect(lines.map((l) => l.attrs.stroke)).toEqual(["#1f77b4", "#ff7f0e"]);
    expect(lines.map((l) => l.attrs["stroke-dasharray"] !== undefined)).toEqual([false, true]);
    expect(svg.attrs.width).toBe("1000");
    expect(svg.attrs.height).toBe("500");
    expect(byClass(svg, "grid").length).toBe(1);
    expect(byClass(svg, "xlabel").map((t) => t.text)).toEqual(["epoch"]);
    expect(byClass(svg, "ylabel").map((t) => t.text)).toEqual(["loss"]);
  });

  test("scatter: one marker per point, coloured by value through viridis; hist: NumPy's counts and edges as touching bars", () => {
    const { svg, extra } = draw("scatter_hist");
    const points = all(byClass(svg, "points")[0], (e) => e.name === "path");
    expect(points.length).toBe(50);
    const want = ref.cases.scatter_hist;
    expect([...new Set(points.map((p) => p.attrs.fill))].sort()).toEqual(want.scatter_colors);
    (extra.n as number[]).forEach((v, k) => expect(v).toBe(want.hist_counts![k]));
    (extra.edges as number[]).forEach((v, k) => expect(v).toBeCloseTo(want.hist_edges![k], 12));
    expect(byClass(svg, "patch").length).toBe(8);
  });

  test("imshow: gray, viridis and RGB pixels as matplotlib's to_rgba gives them (RGB clipped, with its warning)", () => {
    for (const name of ["imshow_gray", "imshow_rgb", "imshow_viridis"]) {
      const { svg } = draw(name);
      const [image] = byClass(svg, "image");
      const png = decode_png(Buffer.from(image.attrs["xlink:href"].replace("data:image/png;base64,", ""), "base64"));
      const want = ref.cases[name].rgba!;
      expect([png.height, png.width, png.channels]).toEqual([want.length, want[0].length, 4]);
      const got = want.map((row, y) => row.map((_, x) => Array.from(png.data.subarray((y * png.width + x) * 4, (y * png.width + x + 1) * 4))));
      expect(got).toEqual(want);
    }
    expect(stderr.text().trim().split("\n")).toEqual(ref.cases.imshow_rgb.warnings);
  });

  test("a figure with images keeps one unit square (aspect 'equal'); axis('off') leaves no spines or ticks", () => {
    const { svg } = draw("subplots_8");
    const images = byClass(svg, "image");
    expect(images.length).toBe(8);
    for (const im of images) expect(Number(im.attrs.width)).toBeCloseTo(Number(im.attrs.height), 1);
    expect(byClass(svg, "spines").length + byClass(svg, "xtick").length).toBe(0);
  });

  test("matplotlib's z-order: bars and points in the order added, then the grid, then lines whenever they were added", () => {
    plt.close("all");
    plt.plot([0, 1]);
    plt.scatter([0, 1], [1, 0]);
    plt.bar([0, 1], [1, 1]);
    plt.grid(true);
    const classes = all(parseXml(plt.gcf().toSvg()), (e) => ["points", "bars", "grid", "line"].includes(e.attrs.class)).map((e) => e.attrs.class);
    expect(classes).toEqual(["points", "bars", "grid", "line"]);
    plt.close("all");
  });

  test("values: a tensor, x.numpy(), a list and a number plot alike; a tensor that requires grad is PyTorch's error", () => {
    plt.close("all");
    const t = torch.tensor([1, 3, 2]);
    for (const y of [t, t.numpy(), [1, 3, 2]]) expect(plt.plot(y)[0].get_ydata()).toEqual([1, 3, 2]);
    expect(plt.plot(4)[0].get_ydata()).toEqual([4]);
    expect(() => plt.plot(torch.ones(3, { requires_grad: true }))).toThrow("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
    plt.close("all");
  });
});

describe("styles and rcParams", () => {
  afterEach(() => plt.style.use("default"));

  test("style.use sets the rcParams matplotlib's styles set (colour cycle, face, grid, fonts, figsize, image.cmap); 'default' brings the defaults back", () => {
    for (const [name, want] of Object.entries(ref.styles)) {
      plt.style.use(name);
      const got = Object.fromEntries(Object.keys(want).map((k) => [k, k === "axes.prop_cycle" ? plt.rcParams[k].by_key().color : plt.rcParams[k]]));
      expect([name, got]).toEqual([name, want]);
      plt.style.use("default");
    }
    expect(plt.rcParams["axes.prop_cycle"].by_key().color[1]).toBe("#ff7f0e");
  });

  test("'seaborn-*' is 'seaborn-v0_8-*' with matplotlib 3.6's deprecation warning; style.context restores the rcParams before; rcdefaults", () => {
    plt.style.use("seaborn-whitegrid");
    expect(stderr.text()).toContain(ref.cases.style_seaborn_alias.warnings![0]);
    expect(plt.rcParams["axes.grid"]).toBe(true);
    plt.style.use("default");
    const n = plt.style.context("ggplot", () => {
      expect(plt.rcParams["axes.facecolor"]).toBe("#E5E5E5");
      return 7;
    });
    expect([n, plt.rcParams["axes.facecolor"]]).toEqual([7, "white"]);
    expect(() => plt.style.context("bmh", () => {
      throw new Error("inside");
    })).toThrow("inside");
    expect(plt.rcParams["axes.grid"]).toBe(false);
    plt.rcParams.update({ "font.size": 14, "lines.linewidth": "2.5" });
    expect([plt.rcParams["font.size"], plt.rcParams["lines.linewidth"]]).toEqual([14, 2.5]);
    plt.rcdefaults();
    expect(plt.rcParams["font.size"]).toBe(10);
  });
});

describe("the new artists as drawn", () => {
  test("colour maps: Greys, binary, hot, jet, coolwarm, RdBu and reversed ones give matplotlib's pixels; plt.cm names them too", () => {
    // np.linspace(-1, 2, 24): start + k * step, the last exactly 2.
    const values = Array.from({ length: 4 }, (_, r) => Array.from({ length: 6 }, (_, c) => (r * 6 + c === 23 ? 2 : -1 + (r * 6 + c) * (3 / 23))));
    for (const [name, want] of Object.entries(ref.cmaps)) {
      plt.close("all");
      const im = plt.imshow(values, { cmap: name });
      const got = want.map((row, y) => row.map((_, x) => Array.from(im.rgba.subarray((y * 6 + x) * 4, (y * 6 + x + 1) * 4))));
      expect([name, got]).toEqual([name, want]);
    }
    expect(plt.cm.binary).toBe(plt.get_cmap("binary"));
    plt.close("all");
  });

  test("colorbar: a gradient image beside the image, ticks and label on its right; fill_between, error bars, wedges and log labels as SVG", () => {
    plt.close("all");
    plt.imshow(GRAY);
    const cbar = plt.colorbar();
    cbar.set_label("value");
    let svg = parseXml(plt.gcf().toSvg());
    expect(byClass(svg, "colorbar-gradient").length).toBe(1);
    const [, cax] = byClass(svg, "axes");
    const ylabel = byClass(cax, "ylabel")[0];
    const gradient = byClass(cax, "colorbar-gradient")[0];
    expect(Number(ylabel.attrs.x)).toBeGreaterThan(Number(gradient.attrs.x) + Number(gradient.attrs.width));
    expect(plt.gca()).toBe(plt.gcf().axes[0]);
    const { svg: filled } = draw("fill_text");
    expect(byClass(filled, "fill").length).toBe(1);
    expect(byClass(filled, "arrow").length).toBe(1);
    expect(byClass(filled, "text").map((t) => t.text)).toEqual(["peak", "max"]);
    const { svg: bars } = draw("errorbar");
    expect(byClass(bars, "errorbars").map((g) => g.children.length)).toEqual([3, 3, 3]);
    const { svg: pie } = draw("pie");
    expect(byClass(pie, "wedge").length).toBe(3);
    expect(byClass(pie, "spines").length).toBe(0);
    svg = draw("semilogy").svg;
    const label = all(byClass(svg, "ytick")[0], (e) => e.name === "text")[0];
    expect([label.text, label.children.map((c) => [c.name, c.text])]).toEqual(["10", [["tspan", "0"]]]);
    expect(byClass(svg, "ytick-minor").length).toBeGreaterThan(20);
  });
});

describe("errors as matplotlib's", () => {
  const cases: Record<string, () => unknown> = {
    subplot_5: () => plt.subplot(2, 2, 5),
    imshow_chw: () => plt.imshow(torch.zeros(3, 28, 28)),
    imshow_1d: () => plt.imshow(torch.zeros(5)),
    plot_shapes: () => plt.plot([1, 2, 3], [1, 2, 3, 4]),
    scatter_c: () => plt.scatter([1, 2, 3, 4], [1, 2, 3, 4], { c: [1, 2, 3] }),
    cmap_unknown: () => plt.imshow([[0, 0], [0, 0]], { cmap: "viridiss" }),
    colorbar_none: () => {
      plt.plot([1, 2]);
      plt.colorbar();
    },
    xscale_unknown: () => plt.xscale("logarithmic" as "log"),
    fill_between_sizes: () => plt.fill_between([1, 2, 3], [1, 2]),
    errorbar_negative: () => plt.errorbar([1, 2], [1, 2], { yerr: [-1, 1] }),
    errorbar_shape: () => plt.errorbar([1, 2], [1, 2], { yerr: [1, 1, 1] }),
    barh_shapes: () => plt.barh([1, 2, 3], [1, 2]),
    pie_negative: () => plt.pie([1, -2]),
    sharex_value: () => plt.subplots(2, 2, { sharex: "rows" as "row" }),
    style_unknown: () => plt.style.use("ggplott"),
    rc_unknown: () => (plt.rcParams["figure.size"] = [1, 2]),
    rc_figsize: () => (plt.rcParams["figure.figsize"] = [1, 2, 3]),
    rc_group: () => plt.rc("lines", { thickness: 2 }),
    legend_loc_name: () => {
      plt.plot([1], { label: "a" });
      plt.legend({ loc: "top" });
    },
  };
  test.each(Object.keys(cases))("%s", (name) => {
    plt.close("all");
    const [ename, message] = ref.errors[name];
    let caught: unknown;
    try {
      cases[name]();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect([(caught as Error).name, (caught as Error).message]).toEqual([ename, message]);
    plt.close("all");
  });

  test("a colour map or a style matplotlib has but torchlab does not draw, a legend loc code past 10 and an arrowstyle it does not draw are errors naming them", () => {
    expect(() => plt.imshow([[0, 1]], { cmap: "plasma" })).toThrow("'plasma' is a matplotlib colormap torchlab does not draw; torchlab draws 'gray', 'gray_r', 'viridis'");
    expect(() => plt.style.use("dark_background")).toThrow("style 'dark_background' is not drawn by torchlab: it draws 'default', 'Solarize_Light2', 'bmh', 'fivethirtyeight', 'ggplot', 'seaborn-v0_8'");
    expect(plt.rcParams["axes.facecolor"]).toBe("white");
    plt.plot([1], { label: "a" });
    expect(() => plt.legend({ loc: 11 })).toThrow("loc must be string, coordinate tuple, or an integer 0-10, not 11");
    expect(() => plt.annotate("a", { xy: [0, 0], arrowprops: { arrowstyle: "fancy" } })).toThrow("arrowstyle 'fancy' is not drawn by torchlab");
    plt.close("all");
  });

  test("savefig: an unsupported format names it (torchlab writes png and svg only)", () => {
    plt.plot([1, 2]);
    expect(() => plt.savefig(path.join(os.tmpdir(), "x.xyz"))).toThrow(ref.errors.savefig_format[1].slice(0, "Format 'xyz' is not supported".length));
    plt.close("all");
  });
});

describe("figures reach the notebook", () => {
  let shown: DisplayMessage[];
  let previous: ReturnType<typeof setDisplaySink>;
  beforeEach(() => {
    shown = [];
    previous = setDisplaySink({ display: (m) => shown.push(m), clear_output: () => undefined });
    plt.close("all");
  });
  afterEach(() => {
    setDisplaySink(previous === undefined ? null : previous);
    plt.close("all");
  });

  test("show(): one SVG output per open figure with matplotlib's repr, then none are open", () => {
    plt.plot([1, 2, 3]);
    plt.figure({ figsize: [10, 5] });
    plt.imshow(torch.rand(4, 4));
    plt.show();
    expect(shown.map((m) => [Object.keys(m.data).sort(), m.data["text/plain"]])).toEqual([
      [["image/svg+xml", "text/plain"], "<Figure size 640x480 with 1 Axes>"],
      [["image/svg+xml", "text/plain"], "<Figure size 1000x500 with 1 Axes>"],
    ]);
    expect(plt.get_fignums()).toEqual([]);
    runCellEndHooks();
    expect(shown.length).toBe(2);
  });

  test("a cell's end shows what it left open (an empty figure as its repr only); close() keeps a figure from showing", () => {
    plt.figure();
    plt.plot([1, 2]);
    plt.close();
    plt.figure({ figsize: [2, 2] });
    runCellEndHooks();
    expect(shown.map((m) => m.data)).toEqual([{ "text/plain": "<Figure size 200x200 with 0 Axes>" }]);
  });

  test("savefig writes an SVG for .svg and a PNG of the figure's size (dpi 100) for .png", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-pyplot-"));
    plt.figure({ figsize: [3, 2] });
    plt.plot([1, 3, 2], { label: "a" });
    plt.legend();
    plt.savefig(path.join(dir, "loss.svg"));
    plt.savefig(path.join(dir, "loss.png"));
    expect(parseXml(fs.readFileSync(path.join(dir, "loss.svg"), "utf8")).children[0].attrs.width).toBe("300");
    const png = decode_png(fs.readFileSync(path.join(dir, "loss.png")));
    expect([png.width, png.height]).toEqual([300, 200]);
    // Something is drawn: the line's blue is among the pixels.
    let blue = 0;
    for (let p = 0; p < png.width * png.height; p++) if (png.data[p * png.channels] < 80 && png.data[p * png.channels + 2] > 150) blue++;
    expect(blue).toBeGreaterThan(50);
    fs.rmSync(dir, { recursive: true });
  });
});

describe("tight_layout makes room for what each Axes draws outside its frame, measured as drawn", () => {
  for (const log of [false, true]) {
    test(log ? "a linear and a semilogy subplot" : "two linear subplots", () => {
      plt.close("all");
      const [, axes] = plt.subplots(1, 2, { figsize: [9, 3.5] });
      const x = range(50).map((k) => k / 5);
      axes[0].plot(x, x.map(Math.sin), { label: "sin" });
      if (log) axes[1].semilogy(x, x.map(Math.exp));
      else axes[1].plot(x, x.map(Math.exp));
      plt.tight_layout();
      // Label widths are estimated (DejaVu Sans' advances): within 3% of the figure of matplotlib's.
      ref.tight[log ? "log" : "linear"].forEach((want, i) => axes[i].get_position().forEach((v: number, k: number) => expect(Math.abs(v - want[k])).toBeLessThan(0.03)));
      plt.close("all");
    });
  }
  const within = (axes: plt.Axes[], expected: number[][], tolerance: number) =>
    expected.forEach((want, i) => axes[i].get_position().forEach((v: number, k: number) => expect([i, k, Math.abs(v - want[k]) < tolerance]).toEqual([i, k, true])));
  test("godoy's plot_losses: fivethirtyeight's fonts and pads, a log axis, a legend (its ylabel was pushed off the figure's edge)", () => {
    plt.close("all");
    plt.style.use("fivethirtyeight");
    const fig = plt.figure({ figsize: [10, 4] });
    plt.plot(range(100).map((k) => 2.0 * 0.8 ** k + 0.05), { label: "Training Loss", c: "b" });
    plt.plot(range(100).map((k) => 1.8 * 0.8 ** k + 0.06), { label: "Validation Loss", c: "r" });
    plt.yscale("log");
    plt.xlabel("Epochs");
    plt.ylabel("Loss");
    plt.legend();
    plt.tight_layout();
    within(fig.axes, ref.tight.fivethirtyeight_log, 0.005);
    plt.close("all");
    plt.style.use("default");
  });
  test("titles and labels of a 2 x 2 grid, an annotation and a legend outside the Axes, a suptitle; pad and w_pad", () => {
    plt.close("all");
    const [fig, axes] = plt.subplots(2, 2, { figsize: [8, 6] });
    axes.flat.forEach((ax: plt.Axes, k: number) => {
      ax.plot([0, 1, 2], [k, 2 * k + 1, 1000 * k]);
      ax.set_title(`run ${k}`);
      ax.set_xlabel("step");
    });
    axes[0][1].annotate("a note outside", { xy: [1.02, 0.5], xycoords: "axes fraction" });
    axes[1][0].plot([0, 2], [0, 1], { label: "line" });
    axes[1][0].legend({ bbox_to_anchor: [-0.1, 0.5], loc: "center right" });
    fig.suptitle("runs");
    plt.tight_layout({ pad: 0.5, w_pad: 2 });
    within(fig.axes, ref.tight.texts, 0.005);
    plt.close("all");
  });
});
