/**
 * matplotlib.pyplot (src/matplotlib/) against matplotlib 3.6 (test/reference/gen_pyplot.py draws the
 * same figures): tick locations (MaxNLocator, as `ax.get_xticks()` gives them), the tick labels drawn
 * (ScalarFormatter: decimals, unicode minus, "1e6" / "+1e3" texts), limits with 5% margins and sticky
 * edges, legend labels, the figure's repr, imshow's pixels, hist's counts, and the errors; then the
 * SVG's structure, savefig's files and how figures reach the notebook (show, the cell's end, close).
 * The notebook spelling through the kernel is in test/display/kernel.test.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";
import * as plt from "../../src/matplotlib/pyplot";
import { decode_png } from "../../src/display/png";
import { DisplayMessage, runCellEndHooks, setDisplaySink } from "../../src/display/emitter";
import { parseXml, XmlElement } from "../display/xml";
import { readReference } from "../tensor/fixtures";

interface AxesRef {
  xticks: number[]; yticks: number[]; xlim: number[]; ylim: number[]; xlabels: string[]; ylabels: string[];
  xoffset: string; yoffset: string; legend: string[] | null; lines: number; title: string;
}
interface CaseRef {
  repr: string; axes: AxesRef[]; rgba?: number[][][]; warnings?: string[]; hist_counts?: number[]; hist_edges?: number[]; scatter_colors?: string[];
}
const ref = readReference<{ cases: Record<string, CaseRef>; errors: Record<string, [string, string]> }>("pyplot.json");

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
};

function draw(name: string): { fig: plt.Figure; svg: XmlElement; extra: Record<string, unknown> } {
  plt.close("all");
  const extra = FIGURES[name]() ?? {};
  const fig = plt.gcf();
  const svg = parseXml(fig.toSvg());
  plt.close("all");
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
const texts = (el: XmlElement, cls: string) => byClass(el, cls).map((t) => all(t, (e) => e.name === "text")[0].text);

let stderr: string[] = [];
let restore: jest.SpyInstance;
beforeEach(() => {
  stderr = [];
  restore = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(() => restore.mockRestore());

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
      expect(axisOn ? texts(drawn, "xtick") : want.xlabels).toEqual(want.xlabels);
      expect(axisOn ? texts(drawn, "ytick") : want.ylabels).toEqual(want.ylabels);
      expect(byClass(drawn, "offset").map((t) => t.text)).toEqual([want.xoffset, want.yoffset].filter((t) => t !== ""));
      const legend = byClass(drawn, "legend");
      expect(legend.length === 0 ? null : all(legend[0], (e) => e.name === "text").map((t) => t.text)).toEqual(want.legend);
      expect(ax.lines.length).toBe(want.lines);
      expect(byClass(drawn, "line").length).toBe(want.lines);
      expect(byClass(drawn, "title").map((t) => t.text)).toEqual(want.title === "" ? [] : [want.title]);
    });
  });
});

describe("what is drawn", () => {
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
    expect(stderr.join("").trim().split("\n")).toEqual(ref.cases.imshow_rgb.warnings);
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

describe("errors as matplotlib's", () => {
  const cases: Record<string, () => unknown> = {
    subplot_5: () => plt.subplot(2, 2, 5),
    imshow_chw: () => plt.imshow(torch.zeros(3, 28, 28)),
    imshow_1d: () => plt.imshow(torch.zeros(5)),
    plot_shapes: () => plt.plot([1, 2, 3], [1, 2, 3, 4]),
    scatter_c: () => plt.scatter([1, 2, 3, 4], [1, 2, 3, 4], { c: [1, 2, 3] }),
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
