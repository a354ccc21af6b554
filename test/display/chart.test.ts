import { createCanvas, Image } from "@napi-rs/canvas";
import { line_spec, line_svg, line_text, line_bundle, nice_ticks, format_tick, to_series, chart_spec, group_panels, PALETTE, Series, VegaLiteConcatSpec } from "../../src/display/chart";
import { parseXml, findAll, textOf } from "./xml";

const loss: Series = { name: "loss", x: [0, 1, 2, 3], y: [2.3, 1.1, 0.7, 0.5] };
const acc: Series = { name: "acc", x: [0, 2], y: [0.2, 0.8] };

describe("vega-lite spec", () => {
  test("v5 schema, every point as a data value, encodings for x, y and series", () => {
    const spec = line_spec([loss, acc], { title: "training", xlabel: "epoch", ylabel: "metric" });
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(spec.title).toBe("training");
    expect(spec.data.values).toEqual([
      { x: 0, y: 2.3, series: "loss" }, { x: 1, y: 1.1, series: "loss" }, { x: 2, y: 0.7, series: "loss" }, { x: 3, y: 0.5, series: "loss" },
      { x: 0, y: 0.2, series: "acc" }, { x: 2, y: 0.8, series: "acc" },
    ]);
    expect(spec.mark.type).toBe("line");
    expect(spec.encoding.x).toMatchObject({ field: "x", type: "quantitative", title: "epoch" });
    expect(spec.encoding.y).toMatchObject({ field: "y", type: "quantitative", title: "metric", scale: { type: "linear" } });
    expect(spec.encoding.color).toMatchObject({ field: "series", type: "nominal", scale: { domain: ["loss", "acc"], range: PALETTE.slice(0, 2) } });
    // The spec must survive the JSON round trip of the Jupyter protocol unchanged.
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(spec.width).toBeGreaterThan(100);
    expect(spec.height).toBeGreaterThan(100);
  });

  test("non-finite values are left out (NaN would break the JSON); a log axis also drops non-positive ones", () => {
    const s: Series = { name: "loss", x: [0, 1, 2, 3], y: [1, NaN, Infinity, 0] };
    expect(line_spec([s]).data.values.map((v) => v.x)).toEqual([0, 3]);
    const log = line_spec([s], { logy: true });
    expect(log.data.values.map((v) => v.x)).toEqual([0]);
    expect(log.encoding.y.scale.type).toBe("log");
  });

  test("y title defaults to the single series' name, else 'value'; x title to 'step'", () => {
    expect(line_spec([loss]).encoding.y.title).toBe("loss");
    expect(line_spec([loss, acc]).encoding.y.title).toBe("value");
    expect(line_spec([loss]).encoding.x.title).toBe("step");
    expect("title" in line_spec([loss])).toBe(false);
  });

  test("mismatched or duplicate series are refused", () => {
    expect(() => line_spec([{ name: "a", x: [1, 2], y: [1] }])).toThrow("series 'a': 2 x values but 1 y values");
    expect(() => line_spec([loss, loss])).toThrow("series 'loss' is given twice");
  });
});

describe("SVG", () => {
  test("well-formed, sized, with a polyline per series through every point, legend, title and axis labels", () => {
    const svg = line_svg([loss, acc], { title: "A & B <training>", xlabel: "epoch", width: 500, height: 300 });
    const root = parseXml(svg);
    expect(root.name).toBe("svg");
    expect(root.attrs.xmlns).toBe("http://www.w3.org/2000/svg");
    expect([root.attrs.width, root.attrs.height]).toEqual(["500", "300"]);
    const lines = findAll(root, "polyline");
    expect(lines.map((l) => l.attrs["data-series"])).toEqual(["loss", "acc"]);
    expect(lines.map((l) => l.attrs.stroke)).toEqual(PALETTE.slice(0, 2));
    const points = lines.map((l) => l.attrs.points.split(" ").map((p) => p.split(",").map(Number)));
    expect(points.map((p) => p.length)).toEqual([4, 2]);
    for (const p of points.flat()) {
      expect(p[0]).toBeGreaterThanOrEqual(0);
      expect(p[0]).toBeLessThanOrEqual(500);
      expect(p[1]).toBeGreaterThanOrEqual(0);
      expect(p[1]).toBeLessThanOrEqual(300);
    }
    // x increases along the curve; the loss falls, so its y pixel grows.
    const [lossPts] = points;
    for (let i = 1; i < lossPts.length; i++) {
      expect(lossPts[i][0]).toBeGreaterThan(lossPts[i - 1][0]);
      expect(lossPts[i][1]).toBeGreaterThan(lossPts[i - 1][1]);
    }
    const texts = findAll(root, "text").map(textOf);
    expect(texts).toEqual(expect.arrayContaining(["A & B <training>", "epoch", "value", "loss", "acc", "0", "1", "2", "3"]));
  });

  test("tick labels cover the data range with round steps", () => {
    const root = parseXml(line_svg([{ name: "loss", x: [0, 1000], y: [0.05, 0.35] }]));
    const labels = findAll(root, "text").map(textOf);
    expect(labels).toEqual(expect.arrayContaining(["0", "200", "400", "600", "800", "1000", "0.10", "0.20", "0.30"]));
  });

  test("an empty chart still draws its frame and says so", () => {
    const root = parseXml(line_svg([], { title: "waiting" }));
    expect(findAll(root, "polyline")).toHaveLength(0);
    expect(findAll(root, "text").map(textOf)).toEqual(expect.arrayContaining(["waiting", "no data yet", "step"]));
  });

  test("log axis ticks at powers of ten", () => {
    const root = parseXml(line_svg([{ name: "loss", x: [0, 1, 2], y: [10, 0.1, 0.001] }], { logy: true }));
    expect(findAll(root, "text").map(textOf)).toEqual(expect.arrayContaining(["10", "1", "0.1", "0.01", "0.001"]));
  });

  test("a 100k-point curve is thinned per pixel column, keeping its extremes", () => {
    const n = 100000;
    const x = Array.from({ length: n }, (_, i) => i);
    const y = x.map((i) => (i === 54321 ? 50 : Math.sin(i / 100)));
    const root = parseXml(line_svg([{ name: "noisy", x, y }]));
    const pts = findAll(root, "polyline")[0].attrs.points.split(" ");
    expect(pts.length).toBeLessThan(4000);
    const ys = pts.map((p) => Number(p.split(",")[1]));
    // The spike at 50 is the top of the axis range, so some point sits near the plot's top edge.
    expect(Math.min(...ys)).toBeLessThan(40);
  });

  test("renders (Skia reads it as an image with ink on it)", () => {
    const img = new Image();
    img.src = Buffer.from(line_svg([loss, acc], { title: "t" }));
    expect([img.width, img.height]).toEqual([640, 360]);
    const canvas = createCanvas(img.width, img.height);
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let blue = 0;
    for (let p = 0; p < data.length; p += 4) if (Math.abs(data[p] - 0x4c) < 12 && Math.abs(data[p + 1] - 0x78) < 12 && Math.abs(data[p + 2] - 0xa8) < 12) blue++;
    expect(blue).toBeGreaterThan(100);
  });

  test("too small a chart is refused", () => {
    expect(() => line_svg([loss], { width: 50 })).toThrow("chart size 50x360 is too small");
  });
});

describe("text and bundle", () => {
  test("text names each series with its last, min and max", () => {
    const t = line_text([loss, { name: "bad", x: [0, 1], y: [NaN, 1] }], { title: "run 1" });
    expect(t).toBe(
      "LinePlot 'run 1' (2 series, x: step)\n" +
        "  loss  4 points, last 0.5 at 3, min 0.5 at 3, max 2.3 at 0\n" +
        "  bad   1 points, last 1 at 1, min 1 at 1, max 1 at 1 (1 not finite, left out)",
    );
  });
  test("the bundle carries vega-lite, svg and text", () => {
    const b = line_bundle([loss]);
    expect(Object.keys(b).sort()).toEqual(["application/vnd.vegalite.v5+json", "image/svg+xml", "text/plain"]);
  });
});

describe("helpers", () => {
  test("nice_ticks", () => {
    expect(nice_ticks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(nice_ticks(-0.13, 0.52, 6)).toEqual([-0.1, 0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(nice_ticks(0, 299, 6)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(nice_ticks(3, 3)).toEqual([3]);
  });
  test("format_tick uses the decimals of the step", () => {
    expect(format_tick(0.30000000000000004, 0.1)).toBe("0.3");
    expect(format_tick(0.25, 0.05)).toBe("0.25");
    expect(format_tick(2000, 500)).toBe("2000");
    expect(format_tick(0, 0.1)).toBe("0");
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

  test("vega-lite hconcat, one unit per panel with its series, colours shared across panels", () => {
    const spec = chart_spec([loss, acc, val], { panels, title: "run" }) as VegaLiteConcatSpec;
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(spec.title).toBe("run");
    expect(spec.hconcat).toHaveLength(2);
    expect(spec.hconcat.map((u) => u.encoding.y.title)).toEqual(["loss", "accuracy"]);
    expect(spec.hconcat.map((u) => [...new Set(u.data.values.map((v) => v.series))])).toEqual([["loss", "val_loss"], ["acc"]]);
    for (const u of spec.hconcat) expect(u.encoding.color.scale).toEqual({ domain: ["loss", "acc", "val_loss"], range: PALETTE.slice(0, 3) });
    expect(line_bundle([loss], { panels })["application/vnd.vegalite.v5+json"]).toHaveProperty("hconcat");
    expect(line_bundle([loss])["application/vnd.vegalite.v5+json"]).not.toHaveProperty("hconcat");
  });

  test("SVG: one nested viewport per panel; each series drawn once, in its global colour", () => {
    const root = parseXml(line_svg([loss, acc, val], { panels, width: 800, height: 300 }));
    const viewports = root.children.filter((c) => c.name === "svg");
    expect(viewports.map((v) => [v.attrs.x, v.attrs.width])).toEqual([["0", "400"], ["400", "400"]]);
    expect(viewports.map((v) => findAll(v, "polyline").map((p) => [p.attrs["data-series"], p.attrs.stroke]))).toEqual([
      [["loss", PALETTE[0]], ["val_loss", PALETTE[2]]],
      [["acc", PALETTE[1]]],
    ]);
  });

  test("series no panel names share a last panel; an empty panel says no data yet", () => {
    expect(group_panels([loss, acc, val], { loss: ["loss"] }).map((g) => [g.title, g.series.map((s) => s.name)])).toEqual([
      ["loss", ["loss"]],
      ["value", ["acc", "val_loss"]],
    ]);
    const root = parseXml(line_svg([loss], { panels: { loss: ["loss"], accuracy: ["acc"] } }));
    expect(findAll(root, "text").map(textOf)).toContain("no data yet");
    expect(() => group_panels([loss], { loss: "loss" as unknown as string[] })).toThrow("panels: 'loss' must list series names");
  });
});
