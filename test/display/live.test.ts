import { LivePlot } from "../../src/display/live";
import type { LinePoint } from "../../src/display/line";
import { markItems } from "./vega_check";
import { display } from "../../src/display";
import { setDisplaySink } from "../../src/display/emitter";
import { torch } from "../../src";
import { parseXml } from "./xml";

type VegaLiteSpec = { data: { values: LinePoint[] } };
import { recordDisplays } from "./helpers";

const sink = recordDisplays();
const spec = (i: number): VegaLiteSpec => sink.sent[i].message.data["application/vnd.vegalite.v5+json"] as VegaLiteSpec;

beforeEach(() => {
  jest.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  jest.useRealTimers();
});

describe("live_plot", () => {
  test("shows an empty chart at once, with a display_id", () => {
    const plot = display.live_plot({ title: "training" });
    expect(sink.sent).toHaveLength(1);
    const first = sink.sent[0];
    expect(first.update).toBe(false);
    expect(first.message.transient.display_id).toBe(plot.display_id);
    expect(plot.display_id).toMatch(/^[0-9a-f]{16}$/);
    expect(spec(0).data.values).toEqual([]);
    expect(first.message.data["text/plain"]).toContain("LinePlot 'training' (0 series");
  });

  test("1000 adds in a fast loop give a handful of updates, all of the same display; finish() has every point", () => {
    const plot = new LivePlot({ interval_ms: 400 });
    for (let step = 0; step < 1000; step++) {
      plot.add(step, { loss: 1 / (step + 1), acc: step / 1000 });
      jest.advanceTimersByTime(2); // 2 s of training in all
    }
    const updates = sink.sent.filter((s) => s.update);
    // One redraw at the first point, then at most one per 400 ms: 2000 ms / 400 = 5 more.
    expect(updates.length).toBeGreaterThanOrEqual(5);
    expect(updates.length).toBeLessThanOrEqual(7);
    expect(new Set(sink.sent.map((s) => s.message.transient.display_id))).toEqual(new Set([plot.display_id]));
    const before = sink.sent.length;
    plot.finish();
    expect(sink.sent).toHaveLength(before + 1);
    const last = sink.sent[sink.sent.length - 1];
    expect(last.update).toBe(true);
    const values = spec(sink.sent.length - 1).data.values;
    expect(values.filter((v) => v.series === "loss")).toHaveLength(1000);
    expect(values.filter((v) => v.series === "acc")).toHaveLength(1000);
    expect(values.find((v) => v.series === "loss" && v.x === 999)?.y).toBeCloseTo(1 / 1000);
    const svg = parseXml(last.message.data["image/svg+xml"] as string);
    expect(markItems(svg, "line").map((p) => p.attrs.stroke)).toEqual(["#4c78a8", "#f58518"]);
    expect(last.message.data["text/plain"]).toContain("loss  1000 points");
  });

  test("redraws are at least interval_ms apart", () => {
    const plot = new LivePlot({ interval_ms: 300 });
    for (let step = 0; step < 200; step++) {
      plot.add(step, { loss: step });
      jest.advanceTimersByTime(7);
    }
    const times = sink.sent.filter((s) => s.update).map((s) => s.at);
    expect(times.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(300);
    plot.finish();
  });

  test("a trailing redraw shows the last points when no add() follows", () => {
    const plot = new LivePlot({ interval_ms: 500 });
    plot.add(0, { loss: 3 });
    plot.add(1, { loss: 2 });
    plot.add(2, { loss: 1 });
    expect(sink.sent).toHaveLength(2); // initial + first point
    jest.advanceTimersByTime(499);
    expect(sink.sent).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(sink.sent).toHaveLength(3);
    expect(spec(2).data.values.map((v) => v.y)).toEqual([3, 2, 1]);
    jest.advanceTimersByTime(5000);
    expect(sink.sent).toHaveLength(3);
  });

  test("finish() cancels the pending redraw, is idempotent, and add() afterwards is an error", () => {
    const plot = new LivePlot({ interval_ms: 500 });
    plot.add(0, { loss: 3 });
    plot.add(1, { loss: 2 });
    plot.finish();
    plot.close();
    const n = sink.sent.length;
    jest.advanceTimersByTime(5000);
    expect(sink.sent).toHaveLength(n);
    expect(() => plot.add(2, { loss: 1 })).toThrow("the plot is finished");
  });

  test("live frames thin long series; the final snapshot keeps them whole", () => {
    const plot = new LivePlot({ interval_ms: 100, max_points: 100 });
    for (let i = 0; i < 5000; i++) {
      plot.add(i, { loss: i === 1234 ? 99 : Math.cos(i) });
      jest.advanceTimersByTime(1);
    }
    jest.advanceTimersByTime(100);
    const frame = spec(sink.sent.length - 1).data.values;
    expect(frame.length).toBeLessThanOrEqual(110);
    expect(frame.some((v) => v.y === 99)).toBe(true);
    expect(frame[frame.length - 1].x).toBe(4999);
    plot.finish();
    expect(spec(sink.sent.length - 1).data.values).toHaveLength(5000);
  });

  test("steps default to the add() count; tensors are read with item(); series may start late", () => {
    const plot = new LivePlot({ interval_ms: 0 });
    plot.add({ loss: torch.tensor(0.5) });
    plot.add({ loss: torch.tensor([0.25]), val_loss: 0.4 });
    plot.finish();
    expect(plot.series).toEqual([
      { name: "loss", x: [0, 1], y: [0.5, 0.25] },
      { name: "val_loss", x: [1], y: [0.4] },
    ]);
  });

  test("a NaN loss is kept in the data but does not break the chart", () => {
    const plot = new LivePlot({ interval_ms: 0 });
    plot.add(0, { loss: 1 });
    plot.add(1, { loss: NaN });
    plot.finish();
    expect(plot.series[0].y).toEqual([1, NaN]);
    const last = sink.sent[sink.sent.length - 1].message.data;
    expect((last["application/vnd.vegalite.v5+json"] as VegaLiteSpec).data.values).toEqual([{ x: 0, y: 1, series: "loss" }]);
    expect(last["text/plain"]).toContain("1 not finite");
  });

  test("bad arguments", () => {
    expect(() => new LivePlot({ interval_ms: -1 })).toThrow("interval_ms must be >= 0");
    expect(() => new LivePlot({ max_points: 2 })).toThrow("max_points must be an integer >= 4");
    const plot = new LivePlot();
    expect(() => plot.add(0, { loss: "x" as unknown as number })).toThrow("value of 'loss' must be a number or a one-element tensor");
    expect(() => plot.add(0, undefined as unknown as Record<string, number>)).toThrow("values must be an object");
  });

  test("panels pass through to every frame", () => {
    const plot = new LivePlot({ interval_ms: 0, panels: { loss: ["loss"], accuracy: ["acc"] } });
    expect(sink.sent[0].message.data["application/vnd.vegalite.v5+json"]).toHaveProperty("hconcat");
    plot.add(0, { loss: 1, acc: 0.5 });
    plot.finish();
    const last = sink.sent[sink.sent.length - 1].message.data["application/vnd.vegalite.v5+json"] as { hconcat: VegaLiteSpec[] };
    expect(last.hconcat.map((u) => u.data.values)).toEqual([[{ x: 0, y: 1, series: "loss" }], [{ x: 0, y: 0.5, series: "acc" }]]);
  });

  test("add() resolves after an event-loop turn when it redrew, at once otherwise", async () => {
    jest.useRealTimers();
    const plot = new LivePlot({ interval_ms: 60_000 });
    let redrawn = false;
    let throttled = false;
    const first = plot.add(0, { loss: 1 }).then(() => (redrawn = true));
    const second = plot.add(1, { loss: 2 }).then(() => (throttled = true));
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect([throttled, redrawn]).toEqual([true, false]);
    await Promise.all([first, second]);
    expect(redrawn).toBe(true);
    plot.finish();
  });

  test("display.flush() is not settled by microtasks alone (it waits for a timer turn)", async () => {
    jest.useRealTimers();
    let done = false;
    const p = display.flush().then(() => (done = true));
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(done).toBe(false);
    await p;
    expect(done).toBe(true);
  });

  test("slow redraws are spaced by 4 times their own cost, so drawing stays under a fifth of the loop", () => {
    const at: number[] = [];
    // Work that takes `ms` on the faked clock, without running timers, as a busy loop would.
    const busy = (ms: number): void => {
      jest.setSystemTime(Date.now() + ms);
    };
    const previous = setDisplaySink({
      display(message, update) {
        if (update) at.push(Date.now());
        busy(50); // a front end that takes 50 ms to take each frame
      },
      clear_output() {},
    });
    try {
      const plot = new LivePlot({ interval_ms: 0 });
      for (let step = 0; step < 60; step++) {
        busy(10);
        void plot.add(step, { loss: 1 / (step + 1) });
      }
      plot.finish();
    } finally {
      setDisplaySink(previous);
    }
    const frames = at.slice(0, -1);
    for (let i = 1; i < frames.length; i++) expect(frames[i] - frames[i - 1]).toBeGreaterThanOrEqual(200);
    expect(frames.length).toBeGreaterThanOrEqual(2);
  });

  test("the plot as a cell value renders its full snapshot", () => {
    const plot = new LivePlot({ interval_ms: 10_000 });
    plot.add(0, { a: 1 });
    plot.add(1, { a: 2 });
    const bundle = plot[Symbol.for("Jupyter.display") as unknown as keyof LivePlot] as unknown as () => Record<string, unknown>;
    expect((bundle.call(plot)["application/vnd.vegalite.v5+json"] as VegaLiteSpec).data.values).toHaveLength(2);
  });
});
