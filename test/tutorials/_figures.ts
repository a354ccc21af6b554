/**
 * The matplotlib figures a notebook showed, read back from its display_data outputs (matplotlib's
 * repr and torchlab's SVG), in the shape test/reference/_figures.py records matplotlib's own: per Axes
 * the images' height and width, the number of lines, the legend's labels, the title and whether the axis is on.
 */
import { decode_png } from "../../src/display/png";
import { parseXml, XmlElement } from "../display/xml";
import type { ExecutedNotebook } from "./_notebooks";

export interface AxesInfo {
  images: number[][];
  lines: number;
  legend: string[] | null;
  title: string;
  axison: boolean;
}
export interface FigureInfo {
  repr: string;
  axes: AxesInfo[];
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

function axesInfo(ax: XmlElement): AxesInfo {
  const legend = byClass(ax, "legend");
  return {
    images: byClass(ax, "image").map((im) => {
      const png = decode_png(Buffer.from(im.attrs["xlink:href"].replace("data:image/png;base64,", ""), "base64"));
      return [png.height, png.width];
    }),
    lines: byClass(ax, "line").length,
    legend: legend.length === 0 ? null : all(legend[0], (e) => e.name === "text").map((t) => t.text),
    title: byClass(ax, "title").map((t) => t.text).join(""),
    // An Axes with its axis off draws no tick marks (nor spines).
    axison: byClass(ax, "xaxis").length > 0,
  };
}

/** Each cell's shown figures, in order. */
export function figuresOf(nb: ExecutedNotebook): FigureInfo[][] {
  return nb.cells.map((c) =>
    (c.outputs ?? [])
      .map((o) => ({ svg: o.data?.["image/svg+xml"], plain: o.data?.["text/plain"], type: o.output_type }))
      .map(({ svg, plain, type }) => ({ svg, plain: Array.isArray(plain) ? plain.join("") : plain ?? "", type }))
      // A figure is shown as its SVG and repr, an empty one as its repr only.
      .filter(({ plain, type }) => type === "display_data" && plain.startsWith("<Figure size"))
      .map(({ svg, plain }) => ({
        repr: plain,
        axes: svg === undefined ? [] : byClass(parseXml(Array.isArray(svg) ? svg.join("") : svg), "axes").map(axesInfo),
      })),
  );
}

/** matplotlib's record of a figure with each image's shape cut to its height and width (the SVG's PNG is RGBA whatever the data). */
export function asShown(figures: FigureInfo[][]): FigureInfo[][] {
  return figures.map((cell) => cell.map((f) => ({ ...f, axes: f.axes.map((a) => ({ ...a, images: a.images.map((s) => s.slice(0, 2)) })) })));
}
