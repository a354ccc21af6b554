/**
 * `ax.cla()` / `ax.clear()` and the None labels d2l's helpers pass, against matplotlib 3.6
 * (test/reference/gen_pyplot_cla.py draws the same Axes): an Axes that had lines, an annotation, a log
 * x axis, limits, a title and a label is emptied in place (limits, ticks, scales and the colour cycle
 * start again), and `set_xlabel(None)` / `set_title(None)` are empty labels, not "null".
 */
import * as plt from "../../src/matplotlib/pyplot";
import type { Axes } from "../../src/matplotlib/axes";
import { readReference } from "../tensor/fixtures";

interface State {
  lines: number; texts: number; xlim: number[]; ylim: number[]; xticks: number[]; scales: string[];
  title: string; xlabel: string; ylabel: string; colors: string[];
}
const ref = readReference<Record<"cla" | "clear", Record<"before" | "cleared" | "redrawn", State>>>("pyplot_cla.json");

function state(ax: Axes): State {
  return {
    lines: ax.lines.length, texts: ax.texts.length, xlim: ax.get_xlim(), ylim: ax.get_ylim(), xticks: ax.get_xticks(),
    scales: [ax.get_xscale(), ax.get_yscale()], title: ax.get_title(), xlabel: ax.get_xlabel(), ylabel: ax.get_ylabel(),
    colors: ax.lines.map((l) => l.get_color()),
  };
}

function expectState(got: State, want: State): void {
  const { xlim, ylim, xticks, ...rest } = got;
  const { xlim: wxlim, ylim: wylim, xticks: wxticks, ...wrest } = want;
  expect(rest).toEqual(wrest);
  for (const [g, w] of [[xlim, wxlim], [ylim, wylim], [xticks, wxticks]]) {
    expect(g.length).toBe(w.length);
    g.forEach((v, i) => expect(v).toBeCloseTo(w[i], 9));
  }
}

describe.each(["cla", "clear"] as const)("ax.%s() as matplotlib's", (method) => {
  test("empties the Axes in place, and None labels are empty", () => {
    const [fig, ax] = plt.subplots();
    ax.plot([1, 2, 3], [1, 4, 9]);
    ax.plot([1, 2, 3], [2, 3, 4]);
    ax.set_xscale("log");
    ax.set_xlim(1, 5);
    ax.set_title("before");
    ax.set_xlabel("x");
    ax.annotate("note", [2, 4]);
    expectState(state(ax), ref[method].before);
    ax[method]();
    expect(fig.axes[0]).toBe(ax);
    expectState(state(ax), ref[method].cleared);
    ax.plot([0, 1, 2], [0, 2, 1]);
    ax.set_xlabel(null);
    ax.set_ylabel(null);
    ax.set_title(null);
    expectState(state(ax), ref[method].redrawn);
    plt.close(fig);
  });
});
