/**
 * contourf / contour, ListedColormap and get_cmap(name, lut), twinx / twiny and arrow against
 * matplotlib 3.6 (test/reference/gen_contour.py draws the same figures from the same grids): the levels
 * MaxNLocator picks, each band's colour, alpha and area, each level's line colour, width, dashes and
 * length, the limits (sticky at the grid's edges) and ticks, the colorbar of a contourf, which side a
 * twin's axes are drawn on, FancyArrow's vertices and colours, and the errors; then what the SVG holds.
 */
import * as plt from "../../src/matplotlib/pyplot";
import { colors as mcolors } from "../../src/matplotlib";
import { dashArray, pt } from "../../src/matplotlib/style";
import { findAll, parseXml, XmlElement } from "../display/xml";
import { readReference } from "../tensor/fixtures";
import { capturedStderr } from "./_stderr";

interface AxesRef {
  xlim: number[]; ylim: number[]; xticks: number[]; yticks: number[]; xlabels: string[]; ylabels: string[];
  sides: [string, string]; label_sides: [string, string]; position: number[]; patch_visible: boolean; line_colors: string[];
}
interface ContourRef {
  levels: number[]; layers: number[]; filled: boolean;
  faces?: [string, number][]; areas?: number[]; edges?: [string, number][]; widths?: number[]; dashes?: (number[] | null)[]; lengths?: number[];
}
interface ArrowRef { xy: number[][]; face: [string, number]; edge: [string, number]; lw: number; repr: string }
const ref = readReference<{
  grid: { x: number[]; y: number[]; z: number[][]; classes: number[][]; pts: number[][]; labels: number[] };
  cases: Record<string, { repr: string; axes: AxesRef[]; contours?: ContourRef[]; scatter_colors?: string[]; arrows?: ArrowRef[]; rgba?: number[][][] }>;
  cmaps: Record<string, { N: number; hex: string[]; bytes?: number[][]; name?: string }>;
  errors: Record<string, [string, string] | string[]>;
}>("contour.json");

const { x: X, y: Y, z: Z, classes: CLASSES, pts: PTS, labels: LABELS } = ref.grid;
// np.meshgrid(x, y): every row is x, every column y.
const XX = Y.map(() => [...X]);
const YY = Y.map((v) => X.map(() => v));
const PX = PTS.map((p) => p[0]);
const PY = PTS.map((p) => p[1]);
const SMALL = [[0.0, 1.0, 2.0, 1.0], [1.0, 3.0, 4.0, 2.0], [0.5, 2.0, 2.5, 1.0]];
const LOSSES = [2.3, 1.2, 0.8, 0.6, 0.5, 0.45, 0.41, 0.39, 0.37, 0.36];
const ACC = [0.35, 0.6, 0.72, 0.8, 0.84, 0.86, 0.875, 0.88, 0.89, 0.895];
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => a + k);

/** The figures gen_contour.py draws, drawn with the same calls; each returns its contour sets and arrows. */
const FIGURES: Record<string, () => { contours?: plt.QuadContourSet[]; arrows?: plt.FancyArrow[]; points?: plt.PathCollection; image?: plt.AxesImage }> = {
  decision: () => {
    const cs = plt.contourf(XX, YY, Z, { alpha: 0.3, cmap: "coolwarm" });
    plt.scatter(PX, PY, { c: LABELS, cmap: "coolwarm", edgecolors: "k" });
    return { contours: [cs] };
  },
  listed: () => {
    const cs = plt.contourf(XX, YY, CLASSES, { cmap: new mcolors.ListedColormap(["#FFAAAA", "#AAAAFF"]) });
    const points = plt.scatter(PX, PY, { c: LABELS, cmap: new mcolors.ListedColormap(["#FF0000", "#0000FF"]), edgecolor: "k", s: 20 });
    return { contours: [cs], points };
  },
  levels_colorbar: () => {
    const cs = plt.contourf(XX, YY, Z, { levels: 20, cmap: "RdYlBu" });
    plt.colorbar();
    return { contours: [cs] };
  },
  lines_k: () => ({ contours: [plt.contour(XX, YY, Z, { levels: [-0.5, 0, 0.5], colors: "k" })] }),
  lines_default: () => ({ contours: [plt.contour(SMALL)] }),
  extend: () => ({ contours: [plt.contourf(XX, YY, Z, { levels: [-1, -0.5, 0, 0.5, 1], extend: "both" })] }),
  colors: () => ({ contours: [plt.contourf(XX, YY, Z, { levels: 3, colors: ["r", "g", "b"], alpha: 0.5 })] }),
  axes_both: () => {
    const [, ax] = plt.subplots({ figsize: [5, 4] });
    const filled = ax.contourf(XX, YY, Z, 10, { cmap: "Spectral" });
    const lines = ax.contour(XX, YY, Z, 10, { colors: "k", linewidths: 0.5 });
    return { contours: [filled, lines] };
  },
  twinx: () => {
    const [, ax1] = plt.subplots();
    ax1.plot(LOSSES, "b-", { label: "loss" });
    ax1.set_xlabel("epoch");
    ax1.set_ylabel("loss");
    const ax2 = ax1.twinx();
    ax2.plot(ACC, "r-", { label: "accuracy" });
    ax2.set_ylabel("accuracy");
    return {};
  },
  twinx_pyplot: () => {
    plt.plot(range(5, 15), LOSSES);
    plt.twinx();
    plt.plot(range(0, 10), ACC.map((a) => a * 100), { color: "g" });
    return {};
  },
  twiny: () => {
    const [, ax] = plt.subplots();
    ax.plot(LOSSES);
    const ax2 = ax.twiny();
    ax2.plot(range(0, 10).map((k) => k * 100), LOSSES);
    ax2.set_xlabel("step");
    return {};
  },
  arrow: () => {
    const a = plt.arrow(0, 0, 1, 0.5, { head_width: 0.1 });
    const ax = plt.gca();
    const b = ax.arrow(0.5, 0.5, -0.3, 0.2, { width: 0.02, color: "r", length_includes_head: true });
    const c = ax.arrow(1, 1, 0, -0.8, { head_width: 0.05, head_length: 0.2, fc: "g", ec: "k", shape: "left", overhang: 0.3 });
    return { arrows: [a, b, c] };
  },
  imshow_listed: () => ({ image: plt.imshow([[0, 1, 2], [3, 4, 5]].map((r) => r.map((v) => v + 0.0)), { cmap: new mcolors.ListedColormap(["red", "green", "blue"]) }) }),
};

const byClass = (el: XmlElement, cls: string) => findAll(el, (e) => e.attrs.class === cls);
const closeAll = (got: number[], want: number[], digits = 9) => {
  expect(got.length).toBe(want.length);
  got.forEach((v, k) => expect([k, v]).toEqual([k, expect.closeTo(want[k], digits)]));
};

/** A polygon's area (shoelace) and a polyline's length, from a piece's flat coordinates. */
const area = (p: number[]) => {
  let s = 0;
  for (let k = 0; k < p.length; k += 2) {
    const j = (k + 2) % p.length;
    s += p[k] * p[j + 1] - p[j] * p[k + 1];
  }
  return s / 2;
};
const length = (p: number[]) => {
  let s = 0;
  for (let k = 2; k < p.length; k += 2) s += Math.hypot(p[k] - p[k - 2], p[k + 1] - p[k - 1]);
  return s;
};

// matplotlib's warnings are kept off the test output.
capturedStderr();
afterEach(() => plt.close("all"));

describe.each(Object.keys(ref.cases))("%s against matplotlib", (name) => {
  const want = ref.cases[name];
  test("levels, colours, areas and lengths, limits, ticks, sides, arrows", () => {
    plt.close("all");
    const made = FIGURES[name]();
    const fig = plt.gcf();
    const svg = parseXml(fig.toSvg());
    expect(fig.toString()).toBe(want.repr);
    expect(fig.axes.length).toBe(want.axes.length);
    fig.axes.forEach((ax, i) => {
      const w = want.axes[i];
      closeAll(ax.get_xlim(), w.xlim);
      closeAll(ax.get_ylim(), w.ylim);
      closeAll(ax.get_xticks(), w.xticks);
      closeAll(ax.get_yticks(), w.yticks);
      closeAll(ax.get_position(), w.position);
      expect([ax.axisVisible.x ? ax.sides.x : "hidden", ax.axisVisible.y ? (ax.colorbarOf !== null ? "right" : ax.sides.y) : "hidden"]).toEqual(w.sides);
      expect(ax.lines.map((l) => l.get_color())).toEqual(w.line_colors);
      const drawn = byClass(svg, "axes")[i];
      expect(byClass(drawn, "background").length).toBe(w.patch_visible ? 1 : 0);
      // The tick labels drawn, on the side matplotlib draws them.
      const labels = (cls: string) => byClass(drawn, cls).flatMap((g) => findAll(g, (e) => e.name === "text").map((t) => t.text));
      expect(labels("xtick")).toEqual(w.xlabels);
      expect(labels("ytick")).toEqual(w.ylabels);
      const frame = byClass(drawn, "spines").length > 0 ? findAll(byClass(drawn, "spines")[0], (e) => e.name === "rect")[0].attrs : null;
      if (frame !== null && w.xlabels.length > 0) {
        const y = Number(findAll(byClass(drawn, "xtick")[0], (e) => e.name === "text")[0].attrs.y);
        expect(w.sides[0] === "top" ? y < Number(frame.y) : y > Number(frame.y) + Number(frame.height)).toBe(true);
      }
      if (frame !== null && w.ylabels.length > 0) {
        const x = Number(findAll(byClass(drawn, "ytick")[0], (e) => e.name === "text")[0].attrs.x);
        expect(w.sides[1] === "right" ? x > Number(frame.x) + Number(frame.width) : x < Number(frame.x)).toBe(true);
      }
    });
    (want.contours ?? []).forEach((wc, k) => {
      const cs = made.contours![k];
      expect(cs.filled).toBe(wc.filled);
      closeAll(Array.from(cs.levels.data as Float64Array), wc.levels, 12);
      closeAll(Array.from(cs.layers.data as Float64Array), wc.layers.map((v) => Math.max(-1e250, Math.min(1e250, v))), 12);
      if (wc.filled) {
        expect(cs.pieces.map((p) => [p.color, cs.alpha])).toEqual(wc.faces);
        // Each band's area and each level's length as contourpy's, saddles decided by the corners' mean as its mpl2014 does.
        cs.pieces.forEach((p, b) => expect([b, p.paths.reduce((s, q) => s + Math.abs(area(q)), 0)]).toEqual([b, expect.closeTo(wc.areas![b], 9)]));
      } else {
        expect(cs.pieces.map((p) => [p.color, cs.alpha])).toEqual(wc.edges);
        expect(cs.pieces.map((p) => p.linewidth)).toEqual(wc.widths);
        expect(cs.pieces.map((p) => dashArray(p.linestyle, pt(p.linewidth)))).toEqual(wc.dashes!.map((d) => (d === null ? null : d.map((v) => pt(v).toFixed(2)).join(","))));
        cs.pieces.forEach((p, b) => expect([b, p.paths.reduce((s, q) => s + length(q), 0)]).toEqual([b, expect.closeTo(wc.lengths![b], 9)]));
      }
    });
    if (want.scatter_colors !== undefined) expect(made.points!.colors).toEqual(want.scatter_colors);
    (want.arrows ?? []).forEach((wa, k) => {
      const a = made.arrows![k];
      expect(a.get_xy().length).toBe(wa.xy.length);
      a.get_xy().forEach((p, j) => closeAll(p, wa.xy[j], 12));
      expect([a.facecolor, a.alpha]).toEqual(wa.face);
      expect([a.edgecolor, a.alpha]).toEqual(wa.edge);
      expect(a.linewidth).toBe(wa.lw);
      expect(String(a)).toBe("[object Object]");
    });
    if (want.rgba !== undefined) {
      const img = made.image!;
      const got = Array.from({ length: img.height }, (_, r) => Array.from({ length: img.width }, (_, c) => Array.from(img.rgba.subarray((r * img.width + c) * 4, (r * img.width + c) * 4 + 4))));
      expect(got).toEqual(want.rgba);
    }
  });
});

describe("colour maps", () => {
  test.each(Object.keys(ref.cmaps).filter((k) => k.includes("/")))("get_cmap %s as matplotlib resamples it", (key) => {
    const [name, lut] = key.split("/");
    const cmap = plt.get_cmap(name, Number(lut));
    const want = ref.cmaps[key];
    expect(cmap.N).toBe(want.N);
    expect(Array.from({ length: cmap.N }, (_, i) => cmap.hex(i))).toEqual(want.hex);
    // imshow's bytes: exact for a listed map; a segmented one's are read between its 256 samples (see Colormap.resampled).
    const bytes = Array.from({ length: cmap.N }, (_, i) => Array.from(cmap.truncated.subarray(i * 3, i * 3 + 3)));
    if (cmap.listed && plt.get_cmap(name).listed) expect(bytes).toEqual(want.bytes);
    else bytes.flat().forEach((v, i) => expect(Math.abs(v - want.bytes!.flat()[i])).toBeLessThanOrEqual(1));
  });
  test("ListedColormap: value v takes colour floor(v * N); N repeats the colours", () => {
    const listed = new mcolors.ListedColormap(["#FF0000", "#00ff00", "blue"]);
    expect([listed.N, listed.name]).toEqual([ref.cmaps.listed.N, ref.cmaps.listed.name]);
    expect([0.0, 0.33, 0.34, 0.66, 0.67, 1.0].map((v) => listed.hex(listed.index(v)))).toEqual(ref.cmaps.listed.hex);
    const five = new mcolors.ListedColormap(["r", "b"], { N: 5 });
    expect(five.colors).toEqual(ref.cmaps.listed_N.hex);
    expect(() => new mcolors.ListedColormap([])).toThrow("A ListedColormap needs at least one colour");
  });
});

describe("errors as matplotlib's", () => {
  const grid = () => [XX, YY, Z] as const;
  const cases: Record<string, () => unknown> = {
    one_level: () => plt.contourf(...grid(), { levels: [0.5] }),
    decreasing: () => plt.contourf(...grid(), { levels: [1, 0.5, 0] }),
    z_1d: () => plt.contourf([0, 1, 2]),
    xz_shapes: () => plt.contourf([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]),
    x_columns: () => plt.contourf([0, 0, 0, 0], [0, 0, 0], [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]),
    y_rows: () => plt.contourf([0, 0, 0], [0, 0, 0], [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]),
    z_small: () => plt.contour([[0, 0, 0]]),
  };
  test.each(Object.keys(cases))("%s", (name) => {
    const [type, message] = ref.errors[name];
    let caught: unknown = null;
    try {
      cases[name]();
    } catch (e) {
      caught = e;
    }
    expect(caught).not.toBeNull();
    expect([(caught as Error).name, (caught as Error).message]).toEqual([type, message]);
  });
  test("levels outside the data: matplotlib's warning, and the one level zmin", () => {
    const emitted = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const cs = plt.contour(XX, YY, Z, { levels: [5, 6] });
    expect(emitted.mock.calls.map((c) => c[0])).toEqual(ref.errors.no_levels_warning);
    emitted.mockRestore();
    expect(cs.levels.data.length).toBe(1);
  });
  test("an extend, shape or linestyle matplotlib does not know", () => {
    expect(() => plt.contourf(XX, YY, Z, { extend: "sides" as "both" })).toThrow("'sides' is not a valid value for extend");
    expect(() => plt.arrow(0, 0, 1, 1, { shape: "middle" as "full" })).toThrow("Got unknown shape: 'middle'");
    expect(() => plt.get_cmap("viridis", 0)).toThrow("lut must be a positive integer, not 0");
  });
});

describe("what is drawn", () => {
  test("a decision boundary: one path per band, whole cells joined in strips, alpha on the fill; points over it", () => {
    const cs = plt.contourf(XX, YY, CLASSES, { alpha: 0.4, cmap: new mcolors.ListedColormap(["#FFAAAA", "#AAAAFF"]) });
    plt.scatter(PX, PY, { c: LABELS, cmap: new mcolors.ListedColormap(["#FF0000", "#0000FF"]) });
    const svg = fig();
    const bands = byClass(svg, "band");
    // Seven bands of two colours: one path per colour, so that no antialiased seam shows between bands of one colour.
    expect(cs.pieces.map((p) => p.color)).toEqual(["#ffaaaa", "#ffaaaa", "#ffaaaa", "#aaaaff", "#aaaaff", "#aaaaff", "#aaaaff"]);
    expect(bands.map((b) => [b.attrs.fill, b.attrs["fill-opacity"]])).toEqual([["#ffaaaa", "0.4"], ["#aaaaff", "0.4"]]);
    // 50 x 35 nodes: the outer band's 34 rows are a few strips each (and the cells the boundary crosses), not 49 cells each.
    expect(cs.pieces[0].paths.length).toBeLessThan(5 * 34);
    const order = findAll(svg, (e) => e.attrs.class === "contourf" || e.attrs.class === "points").map((e) => e.attrs.class);
    expect(order).toEqual(["contourf", "points"]);
  });
  test("contour lines are joined across cells: a dashed level is one path of few pieces, not one per cell", () => {
    const cs = plt.contour(XX, YY, Z, { levels: [-0.5], colors: "k" });
    expect(cs.pieces[0].paths.length).toBeLessThan(4);
    const level = byClass(fig(), "level")[0];
    expect(level.attrs["stroke-dasharray"]).toBe(dashArray("--", pt(1.5)));
  });
  test("plt.colorbar() after contourf shows the bands (one block each, the fill's alpha) and ticks at the levels", () => {
    const cs = plt.contourf(XX, YY, Z, { alpha: 0.3, cmap: "coolwarm" });
    const cbar = plt.colorbar();
    expect(cbar.mappable).toBe(cs);
    const blocks = byClass(fig(), "colorbar-bands");
    expect(blocks.length).toBe(1);
    expect(blocks[0].attrs["fill-opacity"]).toBe("0.3");
    expect(findAll(blocks[0], (e) => e.name === "rect").map((r) => r.attrs.fill)).toEqual(cs.pieces.map((p) => p.color));
    closeAll(cbar.ax.get_yticks(), Array.from(cs.levels.data as Float64Array));
  });
  test("clabel writes each level's value on its line, in its colour", () => {
    const cs = plt.contour(XX, YY, Z, { levels: [-0.5, 0, 0.5], colors: "k" });
    const labels = plt.clabel(cs, { fontsize: 8 });
    expect(labels.map((t) => t.get_text())).toEqual(["\u22120.5", "0.0", "0.5"]);
    labels.forEach((t) => expect(t.color).toBe("#000000"));
  });
  test("a twin draws no background and no x axis of its own; its y labels and label on the right", () => {
    const [, ax1] = plt.subplots();
    ax1.plot(LOSSES);
    const ax2 = ax1.twinx();
    ax2.plot(ACC);
    ax2.set_ylabel("accuracy");
    const axes = byClass(fig(), "axes");
    expect(byClass(axes[1], "xtick").length).toBe(0);
    expect(byClass(axes[1], "background").length).toBe(0);
    const label = byClass(axes[1], "ylabel")[0];
    const frame = findAll(byClass(axes[1], "spines")[0], (e) => e.name === "rect")[0].attrs;
    expect(Number(label.attrs.x)).toBeGreaterThan(Number(frame.x) + Number(frame.width));
    // The twin's colour cycle starts afresh, as matplotlib's.
    expect(ax2.lines[0].get_color()).toBe("#1f77b4");
  });
  test("tight_layout leaves room on the right for a twin's labels", () => {
    const [f, ax1] = plt.subplots();
    ax1.plot(LOSSES);
    const ax2 = ax1.twinx();
    ax2.plot(ACC.map((a) => a * 1000));
    ax2.set_ylabel("accuracy");
    f.tight_layout();
    const [x, , w] = ax1.get_position();
    expect(ax2.get_position()).toEqual(ax1.get_position());
    expect(1 - (x + w)).toBeGreaterThan(0.08);
  });
  test("an arrow is a filled polygon with its edge", () => {
    plt.arrow(0, 0, 1, 0.5, { head_width: 0.1 });
    const a = byClass(fig(), "fancyarrow")[0];
    expect([a.attrs.fill, a.attrs.stroke, a.attrs["stroke-width"]]).toEqual(["#1f77b4", "#000000", pt(1).toFixed(2)]);
  });
});

function fig(): XmlElement {
  return parseXml(plt.gcf().toSvg());
}
