/**
 * `display`: rich notebook output. `display(x)` shows any value (a tensor of images as a picture);
 * its helpers build the usual pictures and charts of a PyTorch notebook: images and grids, feature
 * maps, conv filters, augmentations beside their originals (PNG); line charts, live training plots,
 * heatmaps and confusion matrices, histograms of weights and gradients, any vega-lite spec (vega-lite
 * v5 with the SVG and PNG vega draws from it); and torchinfo's model summary (text and HTML tables).
 *
 * Outside a kernel (a plain node script, tests) the emitter prints each bundle's text; `save` writes
 * the picture to a file as well.
 *
 * The builders load lazily, so that importing `display` costs nothing and keeps working where the
 * native canvas or the tensor engine cannot load (the kernel's prelude imports it first).
 */
import { writeFileAtomic } from "../serialization/atomic";
import { extname } from "path";
import { display as emit, DisplayHandle, DisplayOptions, MimeBundle } from "./emitter";
import { set_tensor_display_hook } from "./hook";
import type { Tensor } from "../tensor/tensor";
import type { Module } from "../nn/modules/module";
import type { ImageOptions, ImagesOptions, FeatureMapOptions } from "./image";
import type { ChartOptions, Series, SeriesData, Values } from "./line";
import type { LivePlot, LivePlotOptions } from "./live";
import type { VegaLiteSpec } from "./vega";
import type { HeatmapOptions, ConfusionMatrixOptions } from "./heatmap";
import type { HistogramOptions, ModelHistogramOptions } from "./histogram";
import type { FilterOptions, CompareOptions, AugmentationOptions } from "./figures";
import type { ModelStatistics, SummaryOptions } from "./summary";
import { TypeError, ValueError } from "../errors";

export * from "./emitter";
export { print, pyStr } from "./print";
export type { PrintOptions } from "./print";
export type { ImageOptions, ImagesOptions, FeatureMapOptions, Normalize } from "./image";
export type { ChartOptions, Series, SeriesData, Values } from "./line";
export type { VegaLiteSpec } from "./vega";
export type { HeatmapOptions, ConfusionMatrixOptions } from "./heatmap";
export type { HistogramOptions, ModelHistogramOptions } from "./histogram";
export type { FilterOptions, CompareOptions, AugmentationOptions } from "./figures";
export type { ModelStatistics, SummaryOptions, SummaryColumn, LayerSummary } from "./summary";
export type { LivePlot, LivePlotOptions, Scalar } from "./live";
export type { PixelImage } from "./png";
export type { ColorMap } from "./raster";
export type { TensorDisplayHook } from "./hook";

/* eslint-disable @typescript-eslint/no-var-requires */
const imageLib = (): typeof import("./image") => require("./image") as typeof import("./image");
const chartLib = (): typeof import("./line") => require("./line") as typeof import("./line");
const liveLib = (): typeof import("./live") => require("./live") as typeof import("./live");
const tensorLib = (): typeof import("./tensor_bundle") => require("./tensor_bundle") as typeof import("./tensor_bundle");
const vegaLib = (): typeof import("./vega") => require("./vega") as typeof import("./vega");
const heatmapLib = (): typeof import("./heatmap") => require("./heatmap") as typeof import("./heatmap");
const histogramLib = (): typeof import("./histogram") => require("./histogram") as typeof import("./histogram");
const figuresLib = (): typeof import("./figures") => require("./figures") as typeof import("./figures");
const summaryLib = (): typeof import("./summary") => require("./summary") as typeof import("./summary");
/* eslint-enable @typescript-eslint/no-var-requires */

/** Where a helper's output goes: as display(), plus `save` for scripts. */
export interface OutputOptions {
  /** Name the output so that a later call with `update: true` (or the returned handle) replaces it. */
  display_id?: string | true;
  /** Replace the output with this display_id instead of adding one. */
  update?: boolean;
  /** Per-mimetype metadata of the message. */
  metadata?: { [key: string]: unknown };
  /**
   * Also write the picture to this file: .png for images; .svg, .png or .json (the vega-lite spec)
   * for charts. Works in plain scripts, where no front end shows the bundle.
   */
  save?: string;
}

/** Options of display.plot: a chart of one series. */
export interface PlotOptions extends ChartOptions, OutputOptions {
  /** Name of the series (legend and y axis). Default "y". */
  label?: string;
}

function send(bundle: MimeBundle, o: OutputOptions): DisplayHandle | void {
  const options: DisplayOptions = { raw: true };
  if (o.display_id !== undefined) options.display_id = o.display_id;
  if (o.update !== undefined) options.update = o.update;
  if (o.metadata !== undefined) options.metadata = o.metadata;
  return emit(bundle, options);
}

const OUTPUT_KEYS = ["display_id", "update", "metadata", "save"] as const;

function split<T extends OutputOptions>(o: T): [Omit<T, (typeof OUTPUT_KEYS)[number]>, OutputOptions] {
  const rest: Record<string, unknown> = { ...(o as Record<string, unknown>) };
  const out: Record<string, unknown> = {};
  for (const k of OUTPUT_KEYS) {
    if (k in rest) out[k] = rest[k];
    delete rest[k];
  }
  return [rest as Omit<T, (typeof OUTPUT_KEYS)[number]>, out as OutputOptions];
}

function saveImage(bundle: MimeBundle, path: string): void {
  if (extname(path).toLowerCase() !== ".png") throw new ValueError(`save: images are written as PNG, so the file name should end in .png, got '${path}'`);
  writeFileAtomic(path, Buffer.from(bundle["image/png"] as string, "base64"));
}

function saveChart(bundle: MimeBundle, path: string): void {
  const ext = extname(path).toLowerCase();
  if (ext === ".svg") {
    writeFileAtomic(path, bundle["image/svg+xml"] as string);
  } else if (ext === ".json") {
    writeFileAtomic(path, JSON.stringify(bundle["application/vnd.vegalite.v5+json"], null, 1));
  } else if (ext === ".png") {
    const png = bundle["image/png"] as string | undefined;
    writeFileAtomic(path, png !== undefined ? Buffer.from(png, "base64") : vegaLib().svg_to_png(bundle["image/svg+xml"] as string));
  } else {
    throw new ValueError(`save: charts are written as .svg, .png or .json (vega-lite), got '${path}'`);
  }
}

function isModule(x: unknown): x is Module {
  return typeof x === "function" && typeof (x as Partial<Module>).named_modules === "function" && typeof (x as Partial<Module>).register_forward_hook === "function";
}

function seriesList(series: Record<string, SeriesData> | readonly Series[]): Series[] {
  const { to_series } = chartLib();
  if (Array.isArray(series)) return series.map((s: Series) => to_series(s.name, { x: s.x, y: s.y }));
  if (series === null || typeof series !== "object") throw new TypeError("display.line(): expected series as { name: values } or [{ name, x, y }]");
  return Object.entries(series as Record<string, SeriesData>).map(([name, data]) => to_series(name, data));
}

/** The `display` function with its helpers. */
export interface Display {
  /** Shows `value` (a tensor of images as a picture, an object by its `Symbol.for("Jupyter.display")`). */
  (value: unknown, options: DisplayOptions & { display_id: string | true }): DisplayHandle;
  (value: unknown, options?: DisplayOptions): void;

  /**
   * Shows an image ([C, H, W] or [H, W]) or a batch ([B, C, H, W] or a list) as a grid, small
   * images magnified with nearest neighbours.
   *
   * Args:
   *   x: the image(s); C is 1 (gray), 3 (RGB) or 4 (RGBA).
   *   nrow, padding, pad_value: grid layout as in make_grid.
   *   normalize: "auto" (default: [0, 1] as is, 0..255 integers / 255, else min-max), true, or false (clamp).
   *   title: text above; scale: integer magnification or "auto"; cmap: for one channel ("gray").
   *   save: also write the PNG to this path.
   *
   * @example
   * display.image(torchvision.utils.make_grid(x, { nrow: 8 }), { title: "a batch" });
   */
  image(x: Tensor | readonly Tensor[], options: ImageOptions & OutputOptions & { display_id: string | true }): DisplayHandle;
  image(x: Tensor | readonly Tensor[], options?: ImageOptions & OutputOptions): void;

  /**
   * Shows a batch as a grid with a label under each image: class names for an augmented batch,
   * predictions for test images.
   *
   * @example
   * const [x, y] = next_batch;
   * display.images(x, { labels: y, classes: train_set.classes, nrow: 8 });
   */
  images(batch: Tensor | readonly Tensor[], options: ImagesOptions & OutputOptions & { display_id: string | true }): DisplayHandle;
  images(batch: Tensor | readonly Tensor[], options?: ImagesOptions & OutputOptions): void;

  /**
   * Shows feature maps, each channel min-max normalised and colour-mapped, in a grid: of a tensor
   * ([C, H, W] or [B, C, H, W]: sample `index`), or of a module's layers on `input` (through forward
   * hooks; `layer` names one, else every leaf layer with a 4-D output gets a grid).
   *
   * @example
   * display.feature_maps(net, x, { layer: "conv1" });
   * display.feature_maps(net.conv1(x));
   */
  feature_maps(maps: Tensor, options?: FeatureMapOptions & OutputOptions): void;
  feature_maps(module: Module, input: Tensor, options?: FeatureMapOptions & OutputOptions): void;

  /**
   * A line chart of one series (vega-lite, SVG and text): `plot(y)` or `plot(x, y)`.
   *
   * @example
   * display.plot(losses, { label: "loss", xlabel: "epoch" });
   */
  plot(y: Values, options?: PlotOptions): void;
  plot(x: Values, y: Values, options?: PlotOptions): void;

  /**
   * A line chart of several named series: `{ loss: [..], acc: [..] }` (x = 0, 1, ...), or each as
   * `{ x, y }` or `[[x, y], ...]`.
   *
   * @example
   * display.line({ train: train_losses, test: { x: epochs, y: test_losses } }, { xlabel: "epoch", logy: true });
   */
  line(series: Record<string, SeriesData> | readonly Series[], options?: ChartOptions & OutputOptions): void;

  /**
   * A chart that updates in place while training (throttled) and ends with a full snapshot on finish().
   *
   * @example
   * const plot = display.live_plot({ title: "loss", xlabel: "step" });
   * for (...) await plot.add(step, { loss, acc });
   * plot.finish();
   */
  live_plot(options?: LivePlotOptions): LivePlot;

  /**
   * Lets the kernel send the output produced so far. The kernel sends messages when the cell's code
   * yields; a training loop with no `await` in it yields only at its end, so live plots and prints
   * would all arrive then. Awaiting this now and then (after `plot.add`, once per epoch) shows them
   * as they happen; it costs about a millisecond.
   *
   * @example
   * for (let epoch = 0; epoch < 10; epoch++) { train_one_epoch(); plot.add(epoch, { loss }); await display.flush(); }
   */
  flush(): Promise<void>;

  /**
   * Shows any vega-lite v5 spec: interactive in JupyterLab and VS Code, and drawn by vega itself as
   * SVG and PNG for static views. A spec whose data comes from a URL is drawn once vega loaded it.
   *
   * @example
   * display.vegalite({ data: { values: [{ a: "x", b: 3 }, { a: "y", b: 5 }] }, mark: "bar",
   *   encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } });
   */
  vegalite(spec: VegaLiteSpec, options?: OutputOptions): void;

  /**
   * A heatmap of a matrix ([R, C] tensor or rows of numbers) with labelled rows and columns, values
   * written in the cells while they fit.
   *
   * @example
   * display.heatmap(attention, { x_labels: tokens, y_labels: tokens, scheme: "viridis" });
   */
  heatmap(matrix: Tensor | readonly (readonly number[])[], options?: HeatmapOptions & OutputOptions): void;

  /**
   * The confusion matrix of a classifier: rows are the true classes, columns the predictions.
   * `normalize: "true"` shows each class's recall along the diagonal.
   *
   * @example
   * display.confusion_matrix(labels, logits.argmax(1), { classes: test_set.classes });
   */
  confusion_matrix(y_true: Tensor | readonly number[], y_pred: Tensor | readonly number[], options?: ConfusionMatrixOptions & OutputOptions): void;

  /**
   * A histogram of values (a tensor of any shape or a list of numbers).
   *
   * @example
   * display.histogram(net.fc.weight, { bins: 50, title: "fc.weight" });
   */
  histogram(values: Tensor | readonly number[], options?: HistogramOptions & OutputOptions): void;

  /**
   * Histograms of every parameter of a model, and of its gradient once backward() has run: one
   * small chart each, weights left, gradients right.
   *
   * @example
   * loss.backward();
   * display.histograms(net, { include: ["weight"] });
   */
  histograms(model: Module, options?: ModelHistogramOptions & OutputOptions): void;

  /**
   * A conv layer's filters as pictures: `conv1.weight` [16, 3, 3, 3] as 16 RGB tiles, or with
   * `mode: "channels"` one tile per input channel on a blue-white-red map centred on 0.
   *
   * @example
   * display.filters(net.conv1);
   * display.filters(net.conv1.weight, { mode: "channels" });
   */
  filters(weight: Tensor | Module, options?: FilterOptions & OutputOptions): void;

  /**
   * Images beside other versions of themselves, a named column each: `{ original: x, flipped: x.flip(3) }`.
   *
   * @example
   * display.compare({ input: x, reconstruction: autoencoder(x) });
   */
  compare(columns: Record<string, Tensor | readonly Tensor[]>, options?: CompareOptions & OutputOptions): void;

  /**
   * Each image beside `copies` results of `transform` on it (random transforms run anew each time).
   *
   * @example
   * display.augmentations(images, transforms.Compose([transforms.RandomRotation(30), transforms.RandomHorizontalFlip()]), { copies: 5 });
   */
  augmentations(images: Tensor | readonly Tensor[], transform: (img: Tensor) => unknown, options?: AugmentationOptions & OutputOptions): void;

  /**
   * torchinfo's model summary, shown as a table: layers with output shapes, parameter counts,
   * mult-adds and estimated memory (see {@link torchinfo.summary}, which returns it instead).
   *
   * @example
   * display.summary(net, { input_size: [1, 1, 28, 28] });
   */
  summary(model: Module, options?: SummaryOptions & OutputOptions): void;
}

function imageHelper(build: () => MimeBundle, output: OutputOptions): DisplayHandle | void {
  const bundle = build();
  if (output.save !== undefined) saveImage(bundle, output.save);
  return send(bundle, output);
}

function bundleHelper(build: () => MimeBundle, output: OutputOptions, save: (bundle: MimeBundle, path: string) => void): void {
  const bundle = build();
  if (output.save !== undefined) save(bundle, output.save);
  send(bundle, output);
}

function chartHelper(series: Series[], chart: ChartOptions, output: OutputOptions): void {
  const bundle = chartLib().line_bundle(series, chart);
  if (output.save !== undefined) saveChart(bundle, output.save);
  send(bundle, output);
}

function isValues(v: unknown): v is Values {
  return Array.isArray(v) || (typeof v === "object" && v !== null && typeof (v as { dataSync?: unknown }).dataSync === "function");
}

const helpers = Object.assign(
  ((value: unknown, options?: DisplayOptions) => emit(value, options)) as Display,
  {
    image(x: Tensor | readonly Tensor[], options: ImageOptions & OutputOptions = {}) {
      const [o, output] = split(options);
      return imageHelper(() => imageLib().image_bundle(x, o), output);
    },
    images(batch: Tensor | readonly Tensor[], options: ImagesOptions & OutputOptions = {}) {
      const [o, output] = split(options);
      return imageHelper(() => imageLib().images_bundle(batch, o), output);
    },
    feature_maps(first: Tensor | Module, second?: Tensor | (FeatureMapOptions & OutputOptions), third?: FeatureMapOptions & OutputOptions): void {
      const lib = imageLib();
      if (isModule(first)) {
        const [o, output] = split(third ?? {});
        const captured = lib.capture_feature_maps(first, second as Tensor, o.layer);
        const { layer: _layer, ...rest } = o;
        void _layer;
        for (const [name, maps] of captured) {
          const bundle = lib.feature_map_bundle(maps, { title: `${name}: [${maps.shape.slice(1).join(", ")}]`, ...rest });
          const layerName = name.split(" ")[0];
          const save = output.save !== undefined && captured.length > 1 ? output.save.replace(/(\.png)?$/i, `_${layerName.replace(/[^\w.-]/g, "_")}.png`) : output.save;
          if (save !== undefined) saveImage(bundle, save);
          send(bundle, { ...output, save });
        }
        return;
      }
      const [o, output] = split((second ?? {}) as FeatureMapOptions & OutputOptions);
      if (o.layer !== undefined) throw new ValueError("display.feature_maps(): `layer` needs the module form, feature_maps(module, input, { layer })");
      imageHelper(() => lib.feature_map_bundle(first as Tensor, o), output);
    },
    plot(a: Values, b?: Values | PlotOptions, c?: PlotOptions): void {
      const twoArrays = isValues(b);
      const options = (twoArrays ? c : (b as PlotOptions | undefined)) ?? {};
      const [{ label = "y", ...chart }, output] = split(options);
      const series = chartLib().to_series(label, twoArrays ? { x: a, y: b as Values } : a);
      chartHelper([series], chart, output);
    },
    line(series: Record<string, SeriesData> | readonly Series[], options: ChartOptions & OutputOptions = {}): void {
      const [chart, output] = split(options);
      chartHelper(seriesList(series), chart, output);
    },
    live_plot(options: LivePlotOptions = {}): LivePlot {
      return new (liveLib().LivePlot)(options);
    },
    flush(): Promise<void> {
      // A macrotask turn: the kernel's queued socket writes run before the loop continues.
      return new Promise<void>((resolve) => setTimeout(resolve, 0));
    },
    vegalite(spec: VegaLiteSpec, options: OutputOptions = {}): void {
      const lib = vegaLib();
      const [, output] = split(options);
      if (lib.needs_loading(spec)) {
        const bundle = lib.chart_bundle_async(spec, lib.spec_text(spec));
        if (output.save !== undefined) void bundle.then((b) => saveChart(b, output.save as string));
        emit(bundle, { raw: true, ...(output.display_id !== undefined ? { display_id: output.display_id } : {}), ...(output.metadata !== undefined ? { metadata: output.metadata } : {}) } as DisplayOptions);
        return;
      }
      bundleHelper(() => lib.chart_bundle(spec, lib.spec_text(spec)), output, saveChart);
    },
    heatmap(matrix: Tensor | readonly (readonly number[])[], options: HeatmapOptions & OutputOptions = {}): void {
      const [o, output] = split(options);
      bundleHelper(() => heatmapLib().heatmap_bundle(matrix, o), output, saveChart);
    },
    confusion_matrix(y_true: Tensor | readonly number[], y_pred: Tensor | readonly number[], options: ConfusionMatrixOptions & OutputOptions = {}): void {
      const [o, output] = split(options);
      bundleHelper(() => heatmapLib().confusion_matrix_bundle(y_true, y_pred, o), output, saveChart);
    },
    histogram(values: Tensor | readonly number[], options: HistogramOptions & OutputOptions = {}): void {
      const [o, output] = split(options);
      bundleHelper(() => histogramLib().histogram_bundle(values, o), output, saveChart);
    },
    histograms(model: Module, options: ModelHistogramOptions & OutputOptions = {}): void {
      const [o, output] = split(options);
      bundleHelper(() => histogramLib().model_histograms_bundle(model, o), output, saveChart);
    },
    filters(weight: Tensor | Module, options: FilterOptions & OutputOptions = {}): void {
      const [o, output] = split(options);
      bundleHelper(() => figuresLib().filters_bundle(weight, o), output, saveImage);
    },
    compare(columns: Record<string, Tensor | readonly Tensor[]>, options: CompareOptions & OutputOptions = {}): void {
      const [o, output] = split(options);
      bundleHelper(() => figuresLib().compare_bundle(columns, o), output, saveImage);
    },
    augmentations(images: Tensor | readonly Tensor[], transform: (img: Tensor) => unknown, options: AugmentationOptions & OutputOptions = {}): void {
      const [o, output] = split(options);
      bundleHelper(() => figuresLib().augmentations_bundle(images, transform, o), output, saveImage);
    },
    summary(model: Module, options: SummaryOptions & OutputOptions = {}): void {
      const [o, output] = split(options);
      if (output.save !== undefined) throw new ValueError("display.summary(): save is for pictures; write String(torchinfo.summary(model, ...)) to a file instead");
      const stats = summaryLib().summary(model, o);
      send({ "text/html": stats.to_html(), "text/plain": stats.toString() }, output);
    },
  },
);

/**
 * Shows a value as rich notebook output (see {@link Display}); `display.image`, `display.images`,
 * `display.feature_maps`, `display.plot`, `display.line` and `display.live_plot` are its helpers.
 */
export const display: Display = helpers as Display;

/**
 * torchinfo's API: `torchinfo.summary(model, { input_size })` returns the model's statistics, which
 * print as torchinfo's table and show as an HTML table when they are a cell's value. It lives beside
 * `display` (as torchinfo lives beside torch in Python) so that code ported from PyTorch reads the
 * same; `display.summary` shows the same table at once.
 */
export const torchinfo = {
  /** Runs the model once on `input_size` (or `input_data`) and returns its {@link ModelStatistics}. */
  summary(model: Module, options: SummaryOptions = {}): ModelStatistics {
    return summaryLib().summary(model, options);
  },
};

/**
 * A tensor's MIME bundle: its text, plus a picture when it looks like an image ([1|3, H, W] or
 * [B, 1|3, H, W] with values in [0, 1] or 0..255). What a cell ending in such a tensor shows.
 */
export function tensorBundle(t: Tensor): MimeBundle {
  return tensorLib().tensorBundle(t);
}

/**
 * PNG bytes of one image tensor ([C, H, W] with C in 1, 3, 4, or [H, W]; values in [0, 1], rounded
 * as save_image rounds them), magnified `scale` times with nearest neighbours.
 */
export function to_png(t: Tensor, options: { scale?: number } = {}): Buffer {
  return imageLib().to_png(t, options);
}

// A Tensor that looks like an image renders as one when it is a cell's value (see tensor_bundle.ts).
set_tensor_display_hook((t, text) => tensorLib().tensorExtras(t, text));

// Progress bars (progress.ts): display.tqdm, and the class and helpers for `import { Tqdm } from ".../display"`.
import { tqdm as progressTqdm } from "./progress";
export { Tqdm, format_sizeof, format_interval } from "./progress";
export type { TqdmOptions, MeterOptions, PostfixValue, TextSink } from "./progress";
export interface Display {
  /**
   * A tqdm-like progress bar around an iterable (`display.tqdm(loader, {desc, total, leave})`, with
   * `set_postfix({loss})`), or one advanced by `update(n)`: one output updated in place in a
   * notebook, one `\r` line in a terminal.
   */
  tqdm: typeof progressTqdm;
}
display.tqdm = progressTqdm;

// IPython's `from IPython import display` then `display.clear_output(wait=True)` (a training loop that
// shows only its latest line): the same clear_output the prelude brings into scope.
import { clear_output as clearOutput } from "./emitter";
export interface Display {
  /** Clears the current cell's output; with `wait`, only when the next output arrives (IPython's `display.clear_output`). */
  clear_output: typeof clearOutput;
}
display.clear_output = clearOutput;
