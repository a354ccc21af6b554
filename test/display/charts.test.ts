import { writeFileSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { torch, display } from "../../src";
import { heatmap_spec, confusion_matrix, HeatmapCell } from "../../src/display/heatmap";
import { bin_values, histogram_spec, model_histograms_spec, HistogramBin } from "../../src/display/histogram";
import { render_vegalite, render_vegalite_async, VegaLiteSpec } from "../../src/display/vega";
import { findAll, textOf } from "./xml";
import { recordDisplays } from "./helpers";
import { renderChecked, checkChartBundle, markItems } from "./vega_check";

const sink = recordDisplays();
const { nn } = torch;
const values = <T>(spec: VegaLiteSpec): T[] => (spec.data as { values: T[] }).values;

describe("display.vegalite", () => {
  const bars: VegaLiteSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    data: { values: [{ a: "x", b: 3 }, { a: "y", b: 5 }, { a: "z", b: 1 }] },
    mark: "bar",
    encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } },
  };

  test("a user's spec becomes one bundle: the spec untouched, vega's SVG and PNG, text", () => {
    const copy = JSON.parse(JSON.stringify(bars));
    display.vegalite(bars);
    const data = sink.sent[0].message.data;
    expect(Object.keys(data)).toEqual(["application/vnd.vegalite.v5+json", "image/svg+xml", "image/png", "text/plain"]);
    expect(data["application/vnd.vegalite.v5+json"]).toEqual(copy);
    // vega tags rows it ingests; the spec the front end gets must stay plain data.
    expect(Object.getOwnPropertySymbols((bars.data as { values: object[] }).values[0])).toEqual([]);
    expect(data["text/plain"]).toBe("<vega-lite chart: bar mark, 3 inline data rows>");
    const r = checkChartBundle(data);
    const heights = markItems(r.root, "rect", "role-mark").map((p) => Number(/v(-?[\d.]+)/.exec(p.attrs.d)?.[1]) || Number(/^M[\d.]+,([\d.]+)/.exec(p.attrs.d)?.[1]));
    expect(heights).toHaveLength(3);
    expect(findAll(r.root, "text").map(textOf)).toEqual(expect.arrayContaining(["x", "y", "z", "a", "b"]));
  });

  test("warnings of vega-lite reach the caller of render_vegalite; other schemas and non-objects are refused", () => {
    const r = render_vegalite({ ...bars, encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative", scale: { type: "log", zero: true } } } });
    expect(r.warnings.join("\n")).toContain("zero");
    expect(() => display.vegalite({ ...bars, $schema: "https://vega.github.io/schema/vega-lite/v4.json" })).toThrow("this front end speaks vega-lite v5; the spec's $schema is 'https://vega.github.io/schema/vega-lite/v4.json'");
    expect(() => display.vegalite([] as unknown as VegaLiteSpec)).toThrow("display.vegalite(): expected a vega-lite spec object, got an array");
    expect(() => display.vegalite({ mark: "nonsense" })).toThrow("display.vegalite(): vega-lite could not compile the spec: ");
  });

  test("a spec whose data comes from a file is drawn once vega has loaded it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "torchlab-vega-"));
    const file = join(dir, "d.json");
    writeFileSync(file, JSON.stringify([{ a: "p", b: 2 }, { a: "q", b: 4 }]));
    const spec = { ...bars, data: { url: `file://${file}` } };
    const r = await render_vegalite_async(spec);
    expect(r.warnings).toEqual([]);
    expect(r.scales.x).toEqual(["p", "q"]);
    expect(() => render_vegalite(spec)).toThrow("the spec loads data, so it can only be drawn asynchronously");
    display.vegalite(spec);
    expect(sink.sent).toHaveLength(0);
    // Sent once vega has loaded the file, however long that takes; a bundle that never comes fails by the test's timeout.
    while (sink.sent.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sink.sent).toHaveLength(1);
    expect((sink.sent[0].message.data["image/svg+xml"] as string).replace(/gradient_\d+|clip\d+/g, "")).toBe(r.svg.replace(/gradient_\d+|clip\d+/g, ""));
  });
});

describe("heatmap and confusion matrix", () => {
  test("confusion_matrix counts (true, predicted) pairs; normalize over rows, columns or all", () => {
    const t = [0, 1, 2, 2, 1, 0, 1];
    const p = [0, 2, 2, 2, 1, 0, 0];
    // sklearn.metrics.confusion_matrix(t, p) gives these rows.
    expect(confusion_matrix(t, p)).toEqual([[2, 0, 0], [1, 1, 1], [0, 0, 2]]);
    expect(confusion_matrix(torch.tensor(t), torch.tensor(p), { normalize: "true" })[1]).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(confusion_matrix(t, p, { normalize: "pred" }).map((r) => r[0])).toEqual([2 / 3, 1 / 3, 0]);
    expect(confusion_matrix(t, p, { normalize: "all" })[0][0]).toBeCloseTo(2 / 7);
    expect(confusion_matrix([0], [0], { num_classes: 3 })).toEqual([[1, 0, 0], [0, 0, 0], [0, 0, 0]]);
    expect(() => confusion_matrix([0, 1], [0])).toThrow("y_true has 2 labels but y_pred has 1");
    expect(() => confusion_matrix([0, 5], [0, 1], { num_classes: 3 })).toThrow("label 5 at 1 is not below num_classes 3");
    expect(() => confusion_matrix([0, -1], [0, 1])).toThrow("y_true[1] is -1, not a class index");
  });

  test("display.confusion_matrix: a rect per cell, its count written in it, classes on both axes", () => {
    display.confusion_matrix([0, 1, 2, 2, 1, 0, 1], [0, 2, 2, 2, 1, 0, 0], { classes: ["cat", "dog", "bird"], title: "test set" });
    const data = sink.sent[0].message.data;
    const spec = data["application/vnd.vegalite.v5+json"] as VegaLiteSpec;
    expect(values<HeatmapCell>(spec)).toHaveLength(9);
    expect(values<HeatmapCell>(spec)[3]).toEqual({ row: "dog", col: "cat", value: 1 });
    const r = checkChartBundle(data);
    expect(markItems(r.root, "rect", "role-mark")).toHaveLength(9);
    expect(markItems(r.root, "text", "role-mark").map(textOf)).toEqual(["2", "0", "0", "1", "1", "1", "0", "0", "2"]);
    expect(findAll(r.root, "text").map(textOf)).toEqual(expect.arrayContaining(["cat", "dog", "bird", "predicted", "true", "test set"]));
    expect(data["text/plain"]).toBe(
      "ConfusionMatrix 'test set' (3 classes, 7 samples, accuracy 71.43%; rows: true, columns: predicted)\n" +
        "       cat  dog bird\n" +
        " cat     2    0    0\n" +
        " dog     1    1    1\n" +
        "bird     0    0    2",
    );
  });

  test("cells sit where the ordinal scales put their labels, in the given order", () => {
    const spec = heatmap_spec([[1, 2, 3], [4, 5, 6]], { x_labels: ["c", "a", "b"], y_labels: ["top", "bottom"], cell_size: 30 });
    const r = renderChecked(spec);
    expect(r.scales.x).toEqual(["c", "a", "b"]);
    expect(r.scales.y).toEqual(["top", "bottom"]);
    const origins = markItems(r.root, "rect", "role-mark").map((p) => /^M([\d.]+),([\d.]+)/.exec(p.attrs.d)?.slice(1).map(Number));
    expect(origins).toEqual([[0, 0], [30, 0], [60, 0], [0, 30], [30, 30], [60, 30]]);
  });

  test("a constant matrix, a diverging scheme, normalised values and a big unannotated matrix all render", () => {
    display.heatmap([[1, 1], [1, 1]]);
    display.heatmap(torch.randn(4, 4), { scheme: "redblue" });
    display.confusion_matrix([0, 1, 1], [0, 1, 0], { normalize: "true" });
    display.heatmap(torch.rand(30, 30));
    const big = checkChartBundle(sink.sent[3].message.data);
    expect(markItems(big.root, "rect", "role-mark")).toHaveLength(900);
    expect(markItems(big.root, "text", "role-mark")).toHaveLength(0);
    expect(sink.sent[3].message.data["text/plain"]).toMatch(/^Heatmap \(30x30\)\n  30x30 matrix, values in \[/);
  });

  test("bad matrices and labels", () => {
    expect(() => display.heatmap(torch.rand(2, 2, 2))).toThrow("display.heatmap(): expected a 2-D matrix, got shape [2, 2, 2]");
    expect(() => display.heatmap([[1, 2], [3]])).toThrow("equally long rows");
    expect(() => display.heatmap([[1, NaN]])).toThrow("the value at [0, 1] is NaN");
    expect(() => display.heatmap([[1, 2]], { x_labels: ["a"] })).toThrow("1 x_labels for 2 columns");
    expect(() => display.heatmap([[1, 2]], { x_labels: ["a", "a"] })).toThrow("x_labels must be distinct");
    expect(() => display.confusion_matrix([0, 1], [0, 1], { classes: ["a", "b", "c"], num_classes: 2 })).toThrow("3 class names for 2 classes");
  });
});

describe("histograms", () => {
  test("bin_values counts as torch.histc does (equal bins over [min, max], the last one closed)", () => {
    // torch.histc(torch.tensor([0., 1, 1, 2, 3, 3, 3, 4]), bins=4) == [1, 2, 1, 4]
    expect(bin_values([0, 1, 1, 2, 3, 3, 3, 4], 4).map((b) => [b.start, b.end, b.count])).toEqual([[0, 1, 1], [1, 2, 2], [2, 3, 1], [3, 4, 4]]);
    expect(bin_values([2, 2, NaN], 10)).toEqual([{ start: 1.5, end: 2.5, count: 2 }]);
    expect(bin_values([NaN], 10)).toEqual([]);
  });

  test("display.histogram: one bar per bin, as tall as its count", () => {
    const x = torch.randn(2000);
    display.histogram(x, { bins: 20, title: "randn" });
    const data = sink.sent[0].message.data;
    const spec = data["application/vnd.vegalite.v5+json"] as VegaLiteSpec;
    const bins = values<HistogramBin>(spec);
    expect(bins).toHaveLength(20);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(2000);
    const r = checkChartBundle(data);
    const rects = markItems(r.root, "rect", "role-mark");
    expect(rects).toHaveLength(20);
    const [, hi] = r.scales.y as number[];
    // Each bar's height in pixels is its count on the y scale (240 px for [0, hi]).
    const heights = rects.map((p) => {
      const m = /^M[-\d.]+,([-\d.]+)h[-\d.]+v([-\d.]+)/.exec(p.attrs.d);
      return m === null ? NaN : Number(m[2]);
    });
    heights.forEach((h, i) => expect(h).toBeCloseTo((bins[i].count / hi) * 240, 0));
    expect(data["text/plain"]).toMatch(/^Histogram 'randn': 2000 values, mean -?[\d.e-]+, std [\d.]+, min -[\d.]+, max [\d.]+$/);
  });

  test("histograms of a model: a panel per parameter, gradients beside weights after backward()", () => {
    const net = new nn.Sequential(new nn.Linear(4, 8), new nn.ReLU(), new nn.Linear(8, 2));
    expect(model_histograms_spec(net).facet).toMatchObject({ sort: ["0.weight", "0.bias", "2.weight", "2.bias"] });
    expect(() => display.histograms(net, { what: "grads" })).toThrow("no parameter has a gradient yet; call loss.backward() first");
    function train_step() {
      const loss = net(torch.randn(16, 4)).pow(2).mean();
      loss.backward();
    }
    train_step();
    display.histograms(net);
    const data = sink.sent[0].message.data;
    const spec = data["application/vnd.vegalite.v5+json"] as VegaLiteSpec;
    expect((spec.facet as { sort: string[] }).sort).toEqual(["0.weight", "0.weight.grad", "0.bias", "0.bias.grad", "2.weight", "2.weight.grad", "2.bias", "2.bias.grad"]);
    const r = checkChartBundle(data);
    const titles = findAll(r.root, "text").map(textOf);
    expect(titles).toEqual(expect.arrayContaining(["0.weight", "0.weight.grad", "2.bias.grad"]));
    expect(markItems(r.root, "rect", "role-mark").length).toBe(values<HistogramBin>(spec).length);
    display.histograms(net, { include: ["weight"], what: "weights", bins: 10 });
    expect(sink.sent[1].message.data["text/plain"]).toMatch(/^Histograms of 2 tensors\n  0\.weight  32 values, /);
    expect(() => display.histograms(net, { include: ["nothing"] })).toThrow('the model has no parameters matching ["nothing"]');
  });

  test("empty and constant inputs render with finite axes; bad bins are refused", () => {
    renderChecked(histogram_spec([]));
    renderChecked(histogram_spec([NaN, Infinity]));
    renderChecked(histogram_spec([3, 3, 3]));
    expect(() => histogram_spec([1], { bins: 0 })).toThrow("bins must be an integer from 1 to 1000, got 0");
  });
});
