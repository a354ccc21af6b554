/**
 * A live training plot: one output that redraws as points arrive, through `display_id` and
 * update_display_data, at most every `interval_ms`, and a final full snapshot on finish().
 */
import { display as emit, DisplayHandle, JUPYTER_DISPLAY, MimeBundle } from "./emitter";
import { line_bundle, ChartOptions, Series } from "./line";
import { RuntimeError, ValueError } from "../errors";

/** Options of {@link live_plot}. */
export interface LivePlotOptions extends ChartOptions {
  /** Least time between two redraws, in milliseconds. Default 400. */
  interval_ms?: number;
  /** Live redraws thin each series to about this many points (the final snapshot keeps all). Default 1000. */
  max_points?: number;
}

/** A number, or a one-element tensor (a loss). */
export type Scalar = number | { item(): number };

/** Keeps each bucket's lowest and highest point (in order) and the last point: spikes survive thinning. */
function thin(s: Series, max: number): Series {
  const n = s.y.length;
  if (n <= max) return s;
  const bucket = Math.ceil(n / Math.max(1, Math.floor(max / 2)));
  const keep: number[] = [];
  for (let start = 0; start < n; start += bucket) {
    let lo = start;
    let hi = start;
    for (let i = start; i < Math.min(n, start + bucket); i++) {
      if (s.y[i] < s.y[lo] || Number.isNaN(s.y[lo])) lo = i;
      if (s.y[i] > s.y[hi] || Number.isNaN(s.y[hi])) hi = i;
    }
    keep.push(...(lo <= hi ? [lo, hi] : [hi, lo]));
  }
  keep.push(n - 1);
  const idx = [...new Set(keep)].sort((a, b) => a - b);
  return { name: s.name, x: idx.map((i) => s.x[i]), y: idx.map((i) => s.y[i]) };
}

/**
 * A chart that grows during training. Create it before the loop, `add` points inside, `finish()`
 * after: the output shows the full curves and stops changing.
 *
 * @example
 * const plot = display.live_plot({ title: "training", xlabel: "step" });
 * for (let step = 0; step < 1000; step++) {
 *   const loss = train_step();
 *   await plot.add(step, { loss });          // a tensor or a number; await lets the redraw out
 * }
 * plot.finish();
 */
export class LivePlot {
  /** The display_id of the plot's output. */
  readonly display_id: string;
  private readonly options: ChartOptions;
  private readonly interval: number;
  private readonly maxPoints: number;
  private readonly handle: DisplayHandle;
  private readonly data = new Map<string, Series>();
  private count = 0;
  private lastDraw = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private drawCost = 0;
  /** How many times the output was redrawn (initial display and final snapshot included). */
  draws = 0;

  constructor(options: LivePlotOptions = {}) {
    const { interval_ms = 400, max_points = 1000, ...chart } = options;
    if (!(interval_ms >= 0)) throw new ValueError(`live_plot(): interval_ms must be >= 0, got ${interval_ms}`);
    if (!(Number.isInteger(max_points) && max_points >= 4)) throw new ValueError(`live_plot(): max_points must be an integer >= 4, got ${max_points}`);
    this.options = chart;
    this.interval = interval_ms;
    this.maxPoints = max_points;
    // Shown at once, empty: the output keeps its place under the cell that created the plot.
    this.handle = emit(this.bundle(false), { raw: true, display_id: true });
    this.display_id = this.handle.display_id;
    this.draws = 1;
  }

  /** The series so far (full data). */
  get series(): Series[] {
    return [...this.data.values()].map((s) => ({ name: s.name, x: s.x.slice(), y: s.y.slice() }));
  }

  /**
   * Adds one point to each named series. `step` defaults to the number of earlier add() calls.
   * Redraws at once when the last redraw is older than interval_ms, else soon after.
   *
   * The kernel sends output only when running code yields, so in a loop without other awaits write
   * `await plot.add(...)`: the returned promise waits one event-loop turn after a redraw (about a
   * millisecond, at most once per interval_ms) and resolves at once otherwise. Without await the
   * plot still works; its redraws then arrive when the cell's loop ends.
   */
  add(step: number, values: Record<string, Scalar>): Promise<void>;
  add(values: Record<string, Scalar>): Promise<void>;
  add(stepOrValues: number | Record<string, Scalar>, maybe?: Record<string, Scalar>): Promise<void> {
    if (this.closed) throw new RuntimeError("LivePlot.add(): the plot is finished; create a new one with display.live_plot()");
    const step = typeof stepOrValues === "number" ? stepOrValues : this.count;
    const values = typeof stepOrValues === "number" ? maybe : stepOrValues;
    if (values === undefined || typeof values !== "object") throw new ValueError("LivePlot.add(step, values): values must be an object such as { loss: 0.3 }");
    for (const [name, v] of Object.entries(values)) {
      const y = typeof v === "number" ? v : v !== null && typeof v === "object" && typeof v.item === "function" ? v.item() : NaN;
      if (typeof v !== "number" && Number.isNaN(y)) throw new ValueError(`LivePlot.add(): value of '${name}' must be a number or a one-element tensor`);
      let s = this.data.get(name);
      if (s === undefined) {
        s = { name, x: [], y: [] };
        this.data.set(name, s);
      }
      s.x.push(step);
      s.y.push(y);
    }
    this.count++;
    const before = this.draws;
    this.schedule();
    return this.draws > before ? new Promise<void>((resolve) => setTimeout(resolve, 0)) : Promise.resolve();
  }

  /** Draws the final snapshot with every point and stops redrawing. Calling it again does nothing. */
  finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.cancel();
    this.draw(true);
  }

  /** The same as {@link finish}. */
  close(): void {
    this.finish();
  }

  /** A cell whose value is the plot shows its current full snapshot. */
  [JUPYTER_DISPLAY](): MimeBundle {
    return this.bundle(true);
  }

  private bundle(full: boolean): MimeBundle {
    const series = [...this.data.values()].map((s) => (full ? s : thin(s, this.maxPoints)));
    // Passing frames go without a PNG (no static view keeps them); the snapshot has one.
    return line_bundle(series, this.options, full);
  }

  private schedule(): void {
    const now = Date.now();
    // A redraw costs tens of milliseconds (vega draws the chart); spacing redraws at least 4 of
    // their own durations apart keeps them under a fifth of the training loop's time.
    const due = this.lastDraw + Math.max(this.interval, 4 * this.drawCost);
    if (now >= due) {
      this.cancel();
      this.draw(false);
    } else if (this.timer === null) {
      // A trailing redraw, so the last points show even if no add() follows; unref'd so that a
      // plain script is not kept alive by it.
      this.timer = setTimeout(() => {
        this.timer = null;
        if (!this.closed) this.draw(false);
      }, due - now);
      (this.timer as { unref?: () => void }).unref?.();
    }
  }

  private cancel(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private draw(full: boolean): void {
    this.lastDraw = Date.now();
    this.draws++;
    this.handle.update(this.bundle(full), { raw: true });
    this.drawCost = Date.now() - this.lastDraw;
  }
}
