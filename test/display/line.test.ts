import { line_spec, line_text, line_bundle, to_series, chart_spec, group_panels, PALETTE, Series, LinePoint } from "../../src/display/line";
import { VegaLiteSpec } from "../../src/display/vega";
import { findAll, textOf, XmlElement } from "./xml";
import { renderChecked, checkChartBundle, markItems } from "./vega_check";

const loss: Series = { name: "loss", x: [0, 1, 2, 3], y: [2.3, 1.1, 0.7, 0.5] };
const acc: Series = { name: "acc", x: [0, 2], y: [0.2, 0.8] };

type Unit = { data: { values: LinePoint[] }; width: number; height: number; encoding: Record<string, { title?: unknown; scale?: Record<string, unknown> }>; layer?: Unit[] };
const unit = (s: VegaLiteSpec): Unit => s as unknown as Unit;

/** The (x, y) pixel of each point symbol vega drew. */
function symbols(root: XmlElement): [number, number][] {
  return markItems(root, "symbol", "role-mark").map((p) => {
    const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(p.attrs.transform);
    if (m === null) throw new Error(`symbol without a position: ${JSON.stringify(p.attrs)}`);
    return [Number(m[1]), Number(m[2])];
  });
}

const texts = (root: XmlElement): string[] => findAll(root, "text").map(textOf);

describe("line chart spec", () => {
  test("v5 schema, every point as a data value, encodings for x, y and series", () => {
    const spec = line_spec([loss, acc], { title: "training", xlabel: "epoch", ylabel: "metric" });
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(spec.title).toBe("training");
    expect(unit(spec).data.values).toEqual([
      { x: 0, y: 2.3, series: "loss" }, { x: 1, y: 1.1, series: "loss" }, { x: 2, y: 0.7, series: "loss" }, { x: 3, y: 0.5, series: "loss" },
      { x: 0, y: 0.2, series: "acc" }, { x: 2, y: 0.8, series: "acc" },
    ]);
    expect(spec.encoding).toMatchObject({
      x: { field: "x", type: "quantitative", title: "epoch" },
      y: { field: "y", type: "quantitative", title: "metric", scale: { type: "linear" } },
      color: { field: "series", type: "nominal", scale: { domain: ["loss", "acc"], range: PALETTE.slice(0, 2) } },
    });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  test("vega draws a symbol at each data point, where the spec's scales put it, and a path per series", () => {
    const spec = line_spec([loss, acc], { width: 400, height: 200 });
    const r = renderChecked(spec);
    const [x0, x1] = r.scales.x as number[];
    const [y0, y1] = r.scales.y as number[];
    const expected = unit(spec).data.values.map((v) => [((v.x - x0) / (x1 - x0)) * 400, 200 - ((v.y - y0) / (y1 - y0)) * 200]);
    const drawn = symbols(r.root);
    expect(drawn).toHaveLength(expected.length);
    const key = (p: number[]): string => p.map((v) => v.toFixed(0)).join(",");
    expect(drawn.map(key).sort()).toEqual(expected.map(key).sort());
    const paths = markItems(r.root, "line");
    expect(paths.map((p) => p.attrs.stroke)).toEqual(PALETTE.slice(0, 2));
    expect(paths.map((p) => (p.attrs.d.match(/[ML]/g) ?? []).length)).toEqual([4, 2]);
    expect(texts(r.root)).toEqual(expect.arrayContaining(["loss", "acc", "step", "value"]));
  });

  test("an empty chart (a live plot before its first point) has finite axes and says no data yet", () => {
    const spec = line_spec([], { title: "waiting" });
    const r = renderChecked(spec);
    expect(r.scales.x).toEqual([0, 1]);
    expect(r.scales.y).toEqual([0, 1]);
    expect(texts(r.root)).toEqual(expect.arrayContaining(["waiting", "no data yet", "step"]));
    expect(symbols(r.root)).toHaveLength(0);
    // A named series with no finite point yet is empty too.
    renderChecked(line_spec([{ name: "loss", x: [0], y: [NaN] }]));
    renderChecked(line_spec([], { logy: true }));
  });

  test("a single point gets a padded domain around it, and one symbol in the middle", () => {
    const spec = line_spec([{ name: "loss", x: [5], y: [0.5] }], { width: 300, height: 200 });
    const r = renderChecked(spec);
    expect(r.scales.x).toEqual([4.5, 5.5]);
    expect((r.scales.y as number[])[0]).toBeCloseTo(0.45);
    expect((r.scales.y as number[])[1]).toBeCloseTo(0.55);
    const [[sx, sy]] = symbols(r.root);
    expect(sx).toBeCloseTo(150, 0);
    expect(sy).toBeCloseTo(100, 0);
  });

  test("non-finite values are left out of the data; a log axis also leaves out non-positive ones", () => {
    const s: Series = { name: "loss", x: [0, 1, 2, 3], y: [1, NaN, Infinity, 0] };
    expect(unit(line_spec([s])).data.values.map((v) => v.x)).toEqual([0, 3]);
    const log = line_spec([{ name: "loss", x: [0, 1, 2, 3], y: [10, 0.1, 0.001, 0] }], { logy: true });
    expect(unit(log).data.values.map((v) => v.x)).toEqual([0, 1, 2]);
    const r = renderChecked(log);
    expect(r.scales.y).toEqual([0.001, 10]);
    expect(texts(r.root)).toEqual(expect.arrayContaining(["10", "1", "0.1", "0.01", "0.001"]));
  });

  test("y title defaults to the single series' name, else 'value'; x title to 'step'", () => {
    expect(unit(line_spec([loss])).encoding.y.title).toBe("loss");
    expect(unit(line_spec([loss, acc])).encoding.y.title).toBe("value");
    expect(unit(line_spec([loss])).encoding.x.title).toBe("step");
    expect("title" in line_spec([loss])).toBe(false);
  });

  test("mismatched or duplicate series and bad sizes are refused", () => {
    expect(() => line_spec([{ name: "a", x: [1, 2], y: [1] }])).toThrow("series 'a': 2 x values but 1 y values");
    expect(() => line_spec([loss, loss])).toThrow("series 'loss' is given twice");
    expect(() => line_spec([loss], { width: 10 })).toThrow("chart width must be a number of pixels from 40 to 4000, got 10");
  });

  test("a 20k-point curve renders with every point in the spec (no markers past 40 points)", () => {
    const n = 20000;
    const x = Array.from({ length: n }, (_, i) => i);
    const y = x.map((i) => (i === 12345 ? 50 : Math.sin(i / 100)));
    const r = renderChecked(line_spec([{ name: "noisy", x, y }]));
    const [lo, hi] = r.scales.y as number[];
    expect(lo).toBeLessThanOrEqual(-1);
    expect(lo).toBeGreaterThan(-10);
    expect(hi).toBe(50);
    expect(symbols(r.root)).toHaveLength(0);
    expect((markItems(r.root, "line")[0].attrs.d.match(/L/g) ?? []).length).toBe(n - 1);
  });
});

describe("bundle and text", () => {
  test("the bundle carries vega-lite, vega's SVG, a PNG of it, and text", () => {
    const b = line_bundle([loss], { title: "t" });
    expect(Object.keys(b)).toEqual(["application/vnd.vegalite.v5+json", "image/svg+xml", "image/png", "text/plain"]);
    checkChartBundle(b);
    const png = Buffer.from(b["image/png"] as string, "base64");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(Object.keys(line_bundle([loss], {}, false))).not.toContain("image/png");
  });

  test("text names each series with its last, min and max", () => {
    expect(line_text([loss, { name: "bad", x: [0, 1], y: [NaN, 1] }], { title: "run 1" })).toBe(
      "LinePlot 'run 1' (2 series, x: step)\n" +
        "  loss  4 points, last 0.5 at 3, min 0.5 at 3, max 2.3 at 0\n" +
        "  bad   1 points, last 1 at 1, min 1 at 1, max 1 at 1 (1 not finite, left out)",
    );
  });

  test("to_series accepts y values, [x, y] pairs, {x, y} and 1-D tensors", () => {
    expect(to_series("a", [3, 4])).toEqual({ name: "a", x: [0, 1], y: [3, 4] });
    expect(to_series("a", [[5, 1], [7, 2]])).toEqual({ name: "a", x: [5, 7], y: [1, 2] });
    expect(to_series("a", { x: [1, 2], y: [3, 4] })).toEqual({ name: "a", x: [1, 2], y: [3, 4] });
    const fake = { shape: [2], dataSync: () => Float32Array.from([0.5, 0.25]) };
    expect(to_series("a", fake)).toEqual({ name: "a", x: [0, 1], y: [0.5, 0.25] });
    expect(() => to_series("a", { shape: [2, 2], dataSync: () => new Float32Array(4) })).toThrow("series 'a': expected a 1-D tensor, got shape [2, 2]");
    expect(() => to_series("a", [[1, 2, 3]] as unknown as [number, number][])).toThrow("point 0 should be [x, y], got 3 values");
    expect(() => to_series("a", { x: [1], y: [1, 2] })).toThrow("1 x values but 2 y values");
  });
});

describe("panels: side-by-side charts with their own y axes", () => {
  const val: Series = { name: "val_loss", x: [1, 3], y: [1.5, 0.9] };
  const panels = { loss: ["loss", "val_loss"], accuracy: ["acc"] };

  test("an hconcat of one chart per panel, colours shared across panels, each with its own y scale", () => {
    const spec = chart_spec([loss, acc, val], { panels, title: "run" });
    const h = spec.hconcat as Unit[];
    expect(h.map((u) => u.encoding.y.title)).toEqual(["loss", "accuracy"]);
    expect(h.map((u) => [...new Set(u.data.values.map((v) => v.series))])).toEqual([["loss", "val_loss"], ["acc"]]);
    for (const u of h) expect(u.encoding.color.scale).toEqual({ domain: ["loss", "acc", "val_loss"], range: PALETTE.slice(0, 3) });
    const r = renderChecked(spec);
    // Each panel's own y domain covers its own data (vega rounds it outwards to nice values).
    const covers = (d: unknown[], lo: number, hi: number): void => {
      expect(d[0] as number).toBeLessThanOrEqual(lo);
      expect(d[1] as number).toBeGreaterThanOrEqual(hi);
      expect((d[1] as number) - (d[0] as number)).toBeLessThan(2 * (hi - lo));
    };
    covers(r.scales.concat_0_y, 0.5, 2.3);
    covers(r.scales.concat_1_y, 0.2, 0.8);
    expect(markItems(r.root, "line").map((p) => p.attrs.stroke).sort()).toEqual([PALETTE[0], PALETTE[1], PALETTE[2]].sort());
    expect(texts(r.root)).toEqual(expect.arrayContaining(["run", "loss", "accuracy"]));
  });

  test("series no panel names share a last panel; an empty panel renders with finite axes", () => {
    expect(group_panels([loss, acc, val], { loss: ["loss"] }).map((g) => [g.title, g.series.map((s) => s.name)])).toEqual([
      ["loss", ["loss"]],
      ["value", ["acc", "val_loss"]],
    ]);
    const r = renderChecked(chart_spec([loss], { panels: { loss: ["loss"], accuracy: ["acc"] } }));
    expect(texts(r.root)).toContain("no data yet");
    renderChecked(chart_spec([], { panels }));
    expect(() => group_panels([loss], { loss: "loss" as unknown as string[] })).toThrow("panels: 'loss' must list series names");
  });
});
