import { readFileSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { torch, display } from "../../src";
import * as displayModule from "../../src/display";
import { tensorBundle, is_image_like } from "../../src/display/tensor_bundle";
import { decode_png } from "../../src/display/png";
import { parseXml, findAll, textOf } from "./xml";
import { markItems } from "./vega_check";
import { recordDisplays } from "./helpers";

const sink = recordDisplays();
const dir = mkdtempSync(join(tmpdir(), "torchlab-display-"));
const JUPYTER = Symbol.for("Jupyter.display");
type Renders = { [JUPYTER](): Record<string, string> };

describe("display() at the public entry", () => {
  test("keeps the emitter's exports beside the helpers", () => {
    for (const name of ["JUPYTER_DISPLAY", "setDisplaySink", "clear_output", "toMimeBundle", "isDisplayable", "plainText"]) {
      expect(displayModule).toHaveProperty(name);
    }
    for (const helper of ["image", "images", "feature_maps", "plot", "line", "live_plot"] as const) expect(typeof display[helper]).toBe("function");
  });

  test("display.clear_output is IPython's (`from IPython import display; display.clear_output(wait=True)`)", () => {
    display.clear_output(true);
    display.clear_output();
    expect(sink.clears).toEqual([true, false]);
  });

  test("a value, with metadata and a display_id that a later update reuses", () => {
    const h = display("epoch 0", { display_id: "progress", metadata: { note: 1 } });
    h.update("epoch 1");
    expect(sink.sent.map((s) => [s.message.data["text/plain"], s.message.transient.display_id, s.update])).toEqual([
      ["epoch 0", "progress", false],
      ["epoch 1", "progress", true],
    ]);
    expect(sink.sent[0].message.metadata).toEqual({ note: 1 });
    expect(display("x")).toBeUndefined();
  });

  test("an image-like tensor shows as a picture with its text; other tensors as text", () => {
    display(torch.rand(3, 16, 16));
    display(torch.rand(2, 3));
    const [image, text] = sink.sent.map((s) => s.message.data);
    expect(Object.keys(image).sort()).toEqual(["image/png", "text/html", "text/plain"]);
    expect(image["text/plain"]).toMatch(/^tensor\(\[\[\[/);
    // Small pictures are magnified with nearest neighbours: a 16 px image shows at 256 px.
    expect(decode_png(Buffer.from(image["image/png"] as string, "base64")).width).toBe(256);
    expect(image["text/html"]).toContain("<img src=\"data:image/png;base64,");
    expect(image["text/html"]).toContain("<summary><code>tensor of shape [3, 16, 16], torch.float32</code></summary>");
    expect(Object.keys(text)).toEqual(["text/plain"]);
  });
});

describe("Tensor's rich repr", () => {
  test.each([
    ["[3, 8, 8] in [0, 1]", true, () => torch.rand(3, 8, 8)],
    ["[1, 28, 28] in [0, 1]", true, () => torch.rand(1, 28, 28)],
    ["[4, 1, 28, 28] batch", true, () => torch.rand(4, 1, 28, 28)],
    ["[1, 20, 20] bytes 0..255", true, () => torch.randint(0, 256, [1, 20, 20])],
    ["[3, 4, 4]: too small to be a picture", false, () => torch.rand(3, 4, 4)],
    ["[2, 16, 16]: two channels", false, () => torch.rand(2, 16, 16)],
    ["[3, 16, 16] with negatives", false, () => torch.randn(3, 16, 16)],
    ["[16, 16]: a matrix", false, () => torch.rand(16, 16)],
    ["[1, 16, 16] bool", false, () => torch.rand(1, 16, 16).gt(0.5)],
    ["[100, 1, 8, 8]: batch too large", false, () => torch.rand(100, 1, 8, 8)],
    ["[3, 1200, 1200]: too many values for a repr", false, () => torch.rand(3, 1200, 1200)],
  ])("%s -> image: %p", (_name, image, make) => {
    const t = make();
    expect(is_image_like(t)).toBe(image);
    const bundle = (t as unknown as Renders)[JUPYTER]();
    expect(bundle["text/plain"]).toBe(t.toString());
    expect("image/png" in bundle).toBe(image);
    expect(tensorBundle(t)).toEqual(bundle);
    expect(displayModule.tensorBundle(t)).toEqual(bundle);
  });
});

describe("helpers send bundles", () => {
  test("display.image with a display_id, updated in place", () => {
    const h = display.image(torch.rand(3, 8, 8), { display_id: "sample" });
    display.image(torch.rand(3, 8, 8), { display_id: "sample", update: true });
    h.update("done");
    expect(sink.sent.map((s) => [s.message.transient.display_id, s.update])).toEqual([
      ["sample", false],
      ["sample", true],
      ["sample", true],
    ]);
    expect(Object.keys(sink.sent[0].message.data).sort()).toEqual(["image/png", "text/plain"]);
    expect(display.image(torch.rand(3, 8, 8))).toBeUndefined();
  });

  test("save writes the same PNG that is shown", () => {
    const path = join(dir, "image.png");
    display.images(torch.rand(2, 1, 8, 8), { labels: ["a", "b"], save: path });
    expect(readFileSync(path).toString("base64")).toBe(sink.sent[0].message.data["image/png"]);
    expect(() => display.image(torch.rand(3, 8, 8), { save: join(dir, "x.jpg") })).toThrow("should end in .png");
  });

  test("display.plot(y) and display.plot(x, y) with a label", () => {
    display.plot([3, 2, 1]);
    display.plot([10, 20, 30], torch.tensor([0.5, 0.25, 0.125]), { label: "loss", xlabel: "epoch" });
    const [a, b] = sink.sent.map((s) => s.message.data["application/vnd.vegalite.v5+json"] as { data: { values: unknown[] }; encoding: { y: { title: string } } });
    expect(a.data.values).toEqual([{ x: 0, y: 3, series: "y" }, { x: 1, y: 2, series: "y" }, { x: 2, y: 1, series: "y" }]);
    expect(b.data.values).toEqual([{ x: 10, y: 0.5, series: "loss" }, { x: 20, y: 0.25, series: "loss" }, { x: 30, y: 0.125, series: "loss" }]);
    expect(b.encoding.y.title).toBe("loss");
    expect(Object.keys(sink.sent[1].message.data).sort()).toEqual(["application/vnd.vegalite.v5+json", "image/png", "image/svg+xml", "text/plain"]);
  });

  test("display.line with several series; save as svg, png and json", () => {
    const series = { train: [1, 0.5, 0.3], test: { x: [0, 2], y: [1.1, 0.6] } };
    display.line(series, { title: "loss", save: join(dir, "c.svg") });
    display.line(series, { save: join(dir, "c.png") });
    display.line(series, { save: join(dir, "c.json") });
    const svg = parseXml(readFileSync(join(dir, "c.svg"), "utf8"));
    expect(markItems(svg, "line").map((p) => p.attrs.stroke)).toEqual(["#4c78a8", "#f58518"]);
    expect(findAll(svg, "text").map(textOf)).toEqual(expect.arrayContaining(["loss", "train", "test"]));
    expect(readFileSync(join(dir, "c.png")).toString("base64")).toBe(sink.sent[1].message.data["image/png"]);
    expect(JSON.parse(readFileSync(join(dir, "c.json"), "utf8")).$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(() => display.line(series, { save: join(dir, "c.gif") })).toThrow("charts are written as .svg, .png or .json");
    expect(() => display.line(3 as unknown as Record<string, number[]>)).toThrow("expected series as { name: values }");
  });

  test("display.feature_maps(tensor)", () => {
    display.feature_maps(torch.rand(1, 6, 10, 10));
    expect(sink.sent[0].message.data["text/plain"]).toContain("6 channels of 10x10");
    expect(() => display.feature_maps(torch.rand(6, 10, 10), { layer: "conv1" })).toThrow("`layer` needs the module form");
  });
});

describe("display.feature_maps(module, input) through forward hooks", () => {
  const { nn } = torch;
  const makeNet = () =>
    new nn.Sequential(new nn.Conv2d(1, 4, 3), new nn.ReLU(), new nn.MaxPool2d(2), new nn.Conv2d(4, 6, 3), new nn.Flatten(), new nn.Linear(6 * 4 * 4, 10));

  test("one named layer: its output, the hooks removed afterwards", () => {
    const net = makeNet();
    const x = torch.rand(2, 1, 14, 14);
    display.feature_maps(net, x, { layer: "0" });
    expect(sink.sent).toHaveLength(1);
    expect(sink.sent[0].message.data["text/plain"]).toContain("<feature maps '0 (Conv2d): [4, 12, 12]': 4 channels of 12x12 (sample 0 of 2)");
    const conv = net.named_modules().find(([n]) => n === "0")![1];
    expect((conv as unknown as { _forward_hooks: Map<number, unknown> })._forward_hooks.size).toBe(0);
  });

  test("no layer: every leaf layer with a 4-D output, in call order", () => {
    display.feature_maps(makeNet(), torch.rand(1, 1, 14, 14));
    const titles = sink.sent.map((s) => /'([^']*)'/.exec(s.message.data["text/plain"] as string)![1]);
    expect(titles).toEqual(["0 (Conv2d): [4, 12, 12]", "1 (ReLU): [4, 12, 12]", "2 (MaxPool2d): [4, 6, 6]", "3 (Conv2d): [6, 4, 4]"]);
  });

  test("save with several layers writes one file per layer", () => {
    display.feature_maps(makeNet(), torch.rand(1, 1, 14, 14), { save: join(dir, "maps.png") });
    expect(readFileSync(join(dir, "maps_3.png")).subarray(1, 4).toString()).toBe("PNG");
  });

  test("runs in eval mode (BatchNorm's running stats untouched), then restores each module's mode", () => {
    const net = new nn.Sequential(new nn.Conv2d(1, 2, 3), new nn.BatchNorm2d(2));
    const bn = net.named_modules().find(([n]) => n === "1")![1] as unknown as { running_mean: { tolist(): unknown }; training: boolean };
    net.named_modules()[1][1].eval();
    const before = bn.running_mean.tolist();
    display.feature_maps(net, torch.rand(2, 1, 6, 6).mul(5));
    expect(bn.running_mean.tolist()).toEqual(before);
    expect(net.training).toBe(true);
    expect(net.named_modules()[1][1].training).toBe(false);
    expect(bn.training).toBe(true);
  });

  test("an unbatched [C, H, W] input shows [C, H, W] maps", () => {
    display.feature_maps(new nn.Sequential(new nn.Conv2d(1, 4, 3), new nn.ReLU()), torch.rand(1, 14, 14), { layer: "0" });
    expect(sink.sent[0].message.data["text/plain"]).toContain("4 channels of 12x12, values");
  });

  test("errors name the layers", () => {
    const net = makeNet();
    expect(() => display.feature_maps(net, torch.rand(1, 1, 14, 14), { layer: "conv9" })).toThrow("no layer named 'conv9' (layers: 0, 1, 2, 3, 4, 5)");
    expect(() => display.feature_maps(net, torch.rand(1, 1, 14, 14), { layer: "5" })).toThrow("layer '5' gave a 4-D output [B, C, H, W] for input [1, 1, 14, 14]");
    expect(() => display.feature_maps(net, torch.rand(1, 1, 14, 14), { layer: new nn.ReLU() })).toThrow("the given layer is not a submodule");
  });
});

describe("a notebook class's __repr__ is what its value shows (IPython shows repr(obj))", () => {
  test("an object whose class defines __repr__ shows its text; one without keeps Node's form", () => {
    const { plainText } = require("../../src/display/emitter") as typeof import("../../src/display/emitter");
    class MyModule {
      _modules = { l1: 1 };
      __repr__(): string {
        return "{'l1': Linear(in_features=3, out_features=4, bias=True)}";
      }
    }
    expect(plainText(new MyModule())).toBe("{'l1': Linear(in_features=3, out_features=4, bias=True)}");
    class Plain {
      a = 1;
    }
    expect(plainText(new Plain())).toBe("Plain { a: 1 }");
  });
});
