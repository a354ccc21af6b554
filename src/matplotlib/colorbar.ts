/**
 * matplotlib's Colorbar (vertical, on the right): the colour map of an image or of points coloured by
 * value, drawn in an Axes of its own that takes the right 15% of its parents' box (a 5% gap between),
 * 20 times as tall as wide, its ticks (MaxNLocator over [vmin, vmax]) and label on the right; the
 * parents keep the rest, their images pushed against the colorbar (anchor 'E').
 */
import { ValueError } from "../errors";
import { IPYTHON_REPR } from "../pyrepr";
import type { Axes, AxesImage, Box, Mappable, PathCollection } from "./axes";
import type { QuadContourSet } from "./contour";

/** Options of `colorbar`, as matplotlib's make_axes takes them. */
export interface ColorbarOptions {
  /** The Axes (or list of Axes) whose space the colorbar takes (default: the mappable's). */
  ax?: Axes | Axes[] | Axes[][];
  /** An Axes to draw the colorbar in instead. */
  cax?: Axes;
  /** The share of the parents' width the colorbar takes (0.15). */
  fraction?: number;
  /** The gap between parents and colorbar, a share of the parents' width (0.05). */
  pad?: number;
  /** The colorbar's height as a share of the parents' (1.0). */
  shrink?: number;
  /** Height over width (20). */
  aspect?: number;
  label?: string;
  orientation?: "vertical";
}

export class Colorbar {
  constructor(
    /** The colorbar's own Axes (`cbar.ax`). */
    readonly ax: Axes,
    readonly mappable: AxesImage | PathCollection | QuadContourSet,
  ) {}

  /** `cbar.set_label('loss')`: the text beside the colorbar. */
  set_label(label: string): void {
    this.ax.set_ylabel(label);
  }
  [IPYTHON_REPR](): string {
    return "<matplotlib.colorbar.Colorbar object>";
  }
}

/** What a mappable shows (its map and the values at the ends), or the error for something that maps no values. */
export function mappableOf(mappable: unknown): Mappable {
  const m = (mappable as { mappable?: Mappable | null } | null)?.mappable;
  if (m === undefined || m === null) {
    throw new ValueError("colorbar() needs an image of values (imshow of an H x W array) or points coloured by value (scatter with c=values); an RGB image or points of one colour have no colour map to show");
  }
  return m;
}

/**
 * The boxes make_axes gives: the parents' union split into the parents' part, the gap and the
 * colorbar's part; each parent is mapped from the union into the parents' part.
 */
export function stealSpace(parents: Axes[], options: ColorbarOptions): { cax: Box; parents: Box[] } {
  const fraction = options.fraction ?? 0.15;
  const pad = options.pad ?? 0.05;
  const shrink = options.shrink ?? 1;
  if (options.orientation !== undefined && options.orientation !== "vertical") {
    throw new ValueError(`orientation '${String(options.orientation)}' is not drawn by torchlab; it draws vertical colorbars`);
  }
  if (!(fraction > 0 && fraction < 1) || !(pad >= 0 && fraction + pad < 1) || !(shrink > 0 && shrink <= 1)) {
    throw new ValueError(`colorbar needs 0 < fraction, 0 <= pad, fraction + pad < 1 and 0 < shrink <= 1, got fraction=${fraction}, pad=${pad}, shrink=${shrink}`);
  }
  const left = Math.min(...parents.map((a) => a.box[0]));
  const bottom = Math.min(...parents.map((a) => a.box[1]));
  const right = Math.max(...parents.map((a) => a.box[0] + a.box[2]));
  const top = Math.max(...parents.map((a) => a.box[1] + a.box[3]));
  const [w, h] = [right - left, top - bottom];
  const mainW = (1 - fraction - pad) * w;
  const boxes = parents.map((a): Box => [left + ((a.box[0] - left) / w) * mainW, a.box[1], (a.box[2] / w) * mainW, a.box[3]]);
  const cax: Box = [left + (1 - fraction) * w, bottom + (h * (1 - shrink)) / 2, fraction * w, h * shrink];
  return { cax, parents: boxes };
}
