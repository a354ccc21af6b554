import { readFileSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { torch, torchvision } from "../../src";
import { make_grid, save_image } from "../../src/torchvision/utils";
import { decode_png } from "../../src/display/png";
import type { Tensor } from "../../src/tensor/tensor";

interface Case {
  name: string;
  kwargs: Record<string, unknown>;
  input?: { shape: number[]; values: number[] };
  input_list?: { shape: number[]; values: number[] }[];
  output_shape: number[];
  output: number[];
  saved_mode: string;
  saved_size: [number, number];
  saved: number[];
}

const fixture = JSON.parse(readFileSync(join(__dirname, "../reference/display_make_grid.json"), "utf8")) as { cases: Case[] };
const build = (e: { shape: number[]; values: number[] }): Tensor => torch.from_typed(Float32Array.from(e.values), e.shape);
const inputOf = (c: Case): Tensor | Tensor[] => (c.input_list ? c.input_list.map(build) : build(c.input!));
const dir = mkdtempSync(join(tmpdir(), "torchlab-utils-"));

describe("make_grid matches torchvision 0.14", () => {
  test.each(fixture.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const grid = make_grid(inputOf(c), c.kwargs);
    expect(grid.shape).toEqual(c.output_shape);
    // Bit-exact: the fixture holds float32 values and make_grid rounds each step in float32.
    expect(Array.from(grid.dataSync())).toEqual(Array.from(Float32Array.from(c.output)));
  });
});

describe("save_image matches torchvision 0.14 + PIL pixels", () => {
  test.each(fixture.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const path = join(dir, `case${fixture.cases.indexOf(c)}.png`);
    save_image(inputOf(c), path, c.kwargs);
    const img = decode_png(readFileSync(path));
    expect([img.width, img.height]).toEqual(c.saved_size);
    expect(img.channels).toBe({ RGB: 3, RGBA: 4 }[c.saved_mode]);
    expect(Array.from(img.data)).toEqual(c.saved);
  });
});

describe("make_grid arguments", () => {
  let x: Tensor;
  beforeAll(() => {
    x = torch.rand(4, 3, 2, 2);
  });
  test("nrow and padding positionally as in torchvision", () => {
    expect(make_grid(x, 2).shape).toEqual([3, 10, 10]);
    expect(make_grid(x, 4, { padding: 0 }).shape).toEqual([3, 2, 8]);
    const all = make_grid(x, 2, 1, true, [0, 0.5], false, 0.25);
    expect(all.shape).toEqual([3, 7, 7]);
    expect(all.equal(make_grid(x, { nrow: 2, padding: 1, normalize: true, value_range: [0, 0.5], pad_value: 0.25 }))).toBe(true);
    expect(() => (make_grid as (...a: unknown[]) => unknown)(x, 2, 1, true, null, false, 0, 9)).toThrow("make_grid() takes at most 6 positional arguments");
  });
  test("value_range must be a pair", () => {
    expect(() => make_grid(x, { normalize: true, value_range: [0] as unknown as [number, number] })).toThrow(
      "value_range has to be a tuple (min, max)",
    );
  });
  test("unknown keyword argument names the option", () => {
    expect(() => make_grid(x, { nrows: 2 } as never)).toThrow("make_grid() got an unexpected keyword argument 'nrows'");
  });
  test("bad nrow and padding", () => {
    expect(() => make_grid(x, 0)).toThrow("nrow must be a positive integer, got 0");
    expect(() => make_grid(x, { padding: -1 })).toThrow("padding must be a non-negative integer, got -1");
  });
  test("rank 1 and rank 5 are refused with the shape", () => {
    expect(() => make_grid(torch.rand(5))).toThrow("got shape [5]");
    expect(() => make_grid(torch.rand(1, 1, 1, 2, 2))).toThrow("got shape [1, 1, 1, 2, 2]");
  });
  test("list of differently sized images", () => {
    expect(() => make_grid([torch.rand(3, 2, 2), torch.rand(3, 2, 3)])).toThrow(
      "stack expects each tensor to be equal size, but got [3, 2, 2] at entry 0 and [3, 2, 3] at entry 1",
    );
    expect(() => make_grid([])).toThrow("stack expects a non-empty TensorList");
    expect(() => make_grid([torch.rand(2, 2), 3 as unknown as Tensor])).toThrow("tensor or list of tensors expected");
    expect(() => make_grid("x" as unknown as Tensor)).toThrow("tensor or list of tensors expected, got string");
  });
  test("integer images keep their dtype and a truncated pad_value; normalize refuses them", () => {
    const g = make_grid(torch.tensor([[[[1, 2]]], [[[3, 4]]]], { dtype: "int32" }), { padding: 1, pad_value: 7.9 });
    expect(g.dtype).toBe(torch.int32);
    expect(g.shape).toEqual([3, 3, 7]);
    expect((g.tolist() as number[][][])[0]).toEqual([
      [7, 7, 7, 7, 7, 7, 7],
      [7, 1, 2, 7, 3, 4, 7],
      [7, 7, 7, 7, 7, 7, 7],
    ]);
    expect(() => make_grid(torch.tensor([[1, 2]], { dtype: "int32" }), { normalize: true })).toThrow("normalize=true needs a floating point tensor");
  });
  test("normalize does not modify the input", () => {
    const y = torch.tensor([[[[0.5, 4]]], [[[2, 8]]]]);
    make_grid(y, { normalize: true });
    expect(y.tolist()).toEqual([[[[0.5, 4]]], [[[2, 8]]]]);
  });
});

describe("save_image arguments", () => {
  let x: Tensor;
  beforeAll(() => {
    x = torch.rand(2, 3, 4, 4);
  });
  test("format from the extension, or given; unknown ones refused", () => {
    expect(() => save_image(x, join(dir, "a.bmp"))).toThrow("unknown file extension: .bmp");
    expect(() => save_image(x, join(dir, "a"), { format: "tiff" })).toThrow("unknown format 'tiff'");
    save_image(x, join(dir, "noext"), "png");
    expect(readFileSync(join(dir, "noext")).subarray(1, 4).toString()).toBe("PNG");
  });
  test("jpeg through the canvas", () => {
    save_image(x, join(dir, "a.jpg"));
    const bytes = readFileSync(join(dir, "a.jpg"));
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
  });
  test("integer tensors and two-channel images are refused as torchvision refuses them", () => {
    expect(() => save_image(torch.ones(1, 3, 2, 2, { dtype: "int32" }), join(dir, "i.png"))).toThrow("expected a floating point tensor");
    expect(() => save_image(torch.rand(2, 2, 3, 3), join(dir, "c.png"))).toThrow("Cannot handle this data type");
  });
  test("four channels are saved as RGBA, losslessly", () => {
    const rgba = torch.tensor([[[[0.2]], [[0.4]], [[0.6]], [[0.1]]]]);
    save_image(rgba, join(dir, "rgba.png"));
    const img = decode_png(readFileSync(join(dir, "rgba.png")));
    expect(img.channels).toBe(4);
    expect(Array.from(img.data)).toEqual([51, 102, 153, 26]);
  });
});

// ------------------------------------------------------------------ draw_bounding_boxes / draw_segmentation_masks
interface DrawFixture {
  image: { shape: number[]; values: number[] };
  gray: { shape: number[]; values: number[] };
  boxes: { shape: number[]; values: number[] };
  masks: { shape: number[]; values: number[] };
  cases: { name: string; py: string; ts: string; out: { shape: number[]; values: number[] } }[];
  errors: { name: string; py: string; ts: string; type: string; message: string }[];
}
const draw = JSON.parse(readFileSync(join(__dirname, "../reference/draw_utils.json"), "utf8")) as DrawFixture;
const drawScope = (): Record<string, unknown> => ({
  U: torchvision.utils,
  torch,
  img: torch.from_typed(Int32Array.from(draw.image.values), draw.image.shape, { dtype: torch.uint8 }),
  gray: torch.from_typed(Int32Array.from(draw.gray.values), draw.gray.shape, { dtype: torch.uint8 }),
  boxes: torch.from_typed(Float32Array.from(draw.boxes.values), draw.boxes.shape),
  masks: torch.from_typed(Int32Array.from(draw.masks.values), draw.masks.shape).bool(),
});
const runDraw = (ts: string, scope: Record<string, unknown>): unknown => {
  const names = Object.keys(scope);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return (new Function(...names, `"use strict"; return (${ts});`) as (...a: unknown[]) => unknown)(...names.map((n) => scope[n]));
};

describe("draw_bounding_boxes / draw_segmentation_masks match torchvision 0.14 pixel for pixel", () => {
  test.each(draw.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const out = runDraw(c.ts, drawScope()) as Tensor;
    expect([out.shape, String(out.dtype)]).toEqual([c.out.shape, "torch.uint8"]);
    const got = Array.from(out.dataSync() as ArrayLike<number>);
    const bad = got.findIndex((v, i) => v !== c.out.values[i]);
    expect(bad === -1 ? "all pixels equal" : `first differing value at ${bad}: ${got[bad]}, torchvision ${c.out.values[bad]}`).toBe("all pixels equal");
  });
  test.each(draw.errors.map((c) => [c.name, c] as const))("error: %s", (_name, c) => {
    expect(() => runDraw(c.ts, drawScope())).toThrow(c.message);
    try {
      runDraw(c.ts, drawScope());
    } catch (e) {
      expect((e as Error).name).toBe(c.type);
    }
  });
  test("labels: text in the box's color starts width + 1 pixels inside the box; nothing else changes", () => {
    const s = drawScope();
    const img = torch.zeros([3, 40, 60], { dtype: torch.uint8 });
    const box = torch.tensor([[4, 6, 55, 35]]);
    const plain = torchvision.utils.draw_bounding_boxes(img, box, { colors: "red", width: 2 });
    const labelled = torchvision.utils.draw_bounding_boxes(img, box, { colors: "red", width: 2, labels: ["cat"] });
    const a = plain.dataSync() as ArrayLike<number>;
    const b = labelled.dataSync() as ArrayLike<number>;
    const changed: number[] = [];
    for (let i = 0; i < 40 * 60; i++) if (a[i] !== b[i] || a[2400 + i] !== b[2400 + i] || a[4800 + i] !== b[4800 + i]) changed.push(i);
    expect(changed.length).toBeGreaterThan(5);
    for (const i of changed) {
      const [y, x] = [Math.floor(i / 60), i % 60];
      expect([y >= 9 && y < 24, x >= 7 && x < 40]).toEqual([true, true]);
      // Red text on black: only the red channel rises.
      expect([b[2400 + i], b[4800 + i]]).toEqual([0, 0]);
    }
    void s;
  });
});
