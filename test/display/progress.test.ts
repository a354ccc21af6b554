/**
 * display.tqdm: tqdm's meter text, the terminal line (\r, rate-limited, leave), and in a notebook
 * one display updated in place (HTML <progress> + text). Fake timers make elapsed time exact.
 */
import { display, Tqdm, format_sizeof, format_interval } from "../../src/display";
import { tqdm, trange } from "../../src/display/progress";
import { setDisplaySink } from "../../src/display/emitter";
import { torch } from "../../src";
import { recordDisplays } from "./helpers";

beforeEach(() => {
  jest.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  jest.useRealTimers();
});

/** A terminal: what tqdm would write to stderr. */
function terminal(): { text: string[]; write(s: string): void } {
  const text: string[] = [];
  return { text, write: (s: string) => void text.push(s) };
}

describe("format_meter reads as tqdm's", () => {
  // Expected strings follow tqdm 4's format_meter: percentage {:3.0f}, a 10-cell bar of eighth
  // blocks, intervals truncated to whole seconds, rates {:5.2f} (s/it below 1 it/s).
  test.each([
    [450, 1000, 3, { desc: "desc", postfix: "loss=0.123" }, "desc:  45%|████▌     | 450/1000 [00:03<00:03, 150.00it/s, loss=0.123]"],
    [0, 1000, 0, {}, "  0%|          | 0/1000 [00:00<?, ?it/s]"],
    [450, null, 3, {}, "450it [00:03, 150.00it/s]"],
    [1, 1000, 3, {}, "  0%|          | 1/1000 [00:03<49:57,  3.00s/it]"],
    [10000, 10000, 3725, {}, "100%|██████████| 10000/10000 [1:02:05<00:00,  2.68it/s]"],
    [2_500_000, 26_421_880, 2.5, { desc: "train-images-idx3-ubyte.gz", unit: "B", unit_scale: true, unit_divisor: 1024 }, "train-images-idx3-ubyte.gz:   9%|▉         | 2.38M/25.2M [00:02<00:23, 977kB/s]"],
  ] as const)("n=%p total=%p elapsed=%p", (n, total, elapsed, options, expected) => {
    expect(Tqdm.format_meter(n, total, elapsed, options)).toBe(expected);
  });

  test("format_sizeof and format_interval", () => {
    expect([0, 9.994, 9.996, 99.94, 999.4, 999.6, 123456789].map((v) => format_sizeof(v))).toEqual(["0.00", "9.99", "10.0", "99.9", "999", "1.00k", "123M"]);
    expect(format_sizeof(1536, "B", 1024)).toBe("1.50kB");
    expect([0, 59.9, 61, 3600, 86399].map(format_interval)).toEqual(["00:00", "00:59", "01:01", "1:00:00", "23:59:59"]);
  });
});

describe("in a terminal", () => {
  test("wrapping an array: one \\r line, redrawn at most every mininterval, a newline at the end", () => {
    const file = terminal();
    const seen: number[] = [];
    for (const x of display.tqdm([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { desc: "epoch 1", file })) {
      seen.push(x);
      jest.advanceTimersByTime(40);
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const out = file.text.join("");
    expect(out.startsWith("\repoch 1:   0%|          | 0/10 [00:00<?, ?it/s]")).toBe(true);
    expect(out.endsWith("\repoch 1: 100%|██████████| 10/10 [00:00<00:00, 25.00it/s]\n")).toBe(true);
    // 10 steps of 40 ms with mininterval 100 ms: the first frame, 3 or 4 redraws, the final line.
    expect(file.text.length).toBeGreaterThanOrEqual(4);
    expect(file.text.length).toBeLessThanOrEqual(6);
    expect(out.split("\n")).toHaveLength(2);
  });

  test("trange(n) and trange(start, stop, step) count as range() does, with its length as the total", () => {
    const file = terminal();
    expect([...trange(3, { file })]).toEqual([0, 1, 2]);
    expect(file.text.join("")).toContain("| 3/3 [");
    const stepped = terminal();
    expect([...trange(1, 11, 3, { desc: "epoch", file: stepped })]).toEqual([1, 4, 7, 10]);
    expect(stepped.text.join("")).toContain("epoch: 100%|██████████| 4/4 [");
    expect([...trange(5, 2, { file: terminal() })]).toEqual([]);
    expect(() => trange("a" as unknown as number)).toThrow("trange(): arguments must be integers, got string");
  });

  test("update(n), set_postfix with a tensor, total from a DataLoader's length, leave: false clears the line", async () => {
    await torch.ready();
    const file = terminal();
    const loader = new torch.utils.data.DataLoader(new torch.utils.data.TensorDataset(torch.arange(10)), { batch_size: 4 });
    const bar = display.tqdm(loader, { file, leave: false, mininterval: 0 });
    expect(bar.total).toBe(3);
    let batches = 0;
    for (const _ of bar) {
      batches++;
      bar.set_postfix({ loss: torch.tensor(0.123456), lr: 0.001 });
    }
    expect(batches).toBe(3);
    expect(file.text.some((t) => t.includes("loss=0.123, lr=0.001]"))).toBe(true);
    const last = file.text[file.text.length - 1];
    expect(last).toMatch(/^\r {20,}\r$/);
    const manual = display.tqdm({ total: 2048, unit: "B", unit_scale: true, unit_divisor: 1024, file, mininterval: 0 });
    jest.advanceTimersByTime(1000);
    manual.update(1024);
    expect(file.text[file.text.length - 1]).toContain(" 50%|█████     | 1.00k/2.00k [00:01<00:01, 1.00kB/s]");
    manual.close();
    manual.close();
    expect(file.text[file.text.length - 1].endsWith("\n")).toBe(true);
    expect(() => manual.update(NaN)).toThrow(/n must be a finite number/);
    expect(() => display.tqdm(42 as never)).toThrow(/iterable must be iterable/);
    expect(() => display.tqdm({ total: -1 })).toThrow(/total must be a non-negative number/);
  });

  test("for await over an async iterable; a loop that breaks early closes the bar short of its total", async () => {
    const file = terminal();
    async function* gen() {
      for (let i = 0; i < 5; i++) yield i;
    }
    const got: number[] = [];
    for await (const i of display.tqdm(gen(), { total: 5, file })) got.push(i);
    expect(got).toEqual([0, 1, 2, 3, 4]);
    expect(file.text[file.text.length - 1]).toContain("5/5");
    const short = terminal();
    for (const i of display.tqdm([0, 1, 2, 3], { file: short })) if (i === 1) break;
    expect(short.text[short.text.length - 1]).toContain(" 25%|██▌       | 1/4");
  });
});

describe("in a notebook", () => {
  const sink = recordDisplays();

  test("one display, updated in place, rate-limited; HTML <progress> with the text meter as fallback", () => {
    const bar = display.tqdm({ total: 1000, desc: "train" });
    for (let i = 0; i < 1000; i++) {
      bar.update(1);
      jest.advanceTimersByTime(2);
    }
    bar.close();
    expect(sink.sent[0].update).toBe(false);
    const id = sink.sent[0].message.transient.display_id;
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(sink.sent.slice(1).every((s) => s.update && s.message.transient.display_id === id)).toBe(true);
    // 2 s of updates at most one redraw per 100 ms, plus the first display and the final one.
    expect(sink.sent.length).toBeGreaterThanOrEqual(15);
    expect(sink.sent.length).toBeLessThanOrEqual(23);
    const last = sink.sent[sink.sent.length - 1].message.data;
    expect(last["text/plain"]).toBe("train: 100%|██████████| 1000/1000 [00:02<00:00, 500.00it/s]");
    expect(last["text/html"]).toContain('<progress value="1000" max="1000"');
    expect(last["text/html"]).toContain("train: 100% ");
    expect(last["text/html"]).toContain("1000/1000 [00:02&lt;00:00, 500.00it/s]");
    expect(last["text/html"]).not.toContain("█");
  });

  test("leave: false empties the output at the end; an explicit file still writes text", () => {
    const bar = display.tqdm([1, 2], { leave: false });
    for (const _ of bar) jest.advanceTimersByTime(1);
    expect(sink.sent[sink.sent.length - 1].message.data).toEqual({ "text/plain": "" });
    const file = terminal();
    const before = sink.sent.length;
    for (const _ of display.tqdm([1], { file })) jest.advanceTimersByTime(1);
    expect(sink.sent.length).toBe(before);
    expect(file.text.join("")).toContain("1/1");
  });

  test("without a kernel's sink the bar goes to the terminal", () => {
    const previous = setDisplaySink(null);
    const write = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      for (const _ of display.tqdm([1, 2], { desc: "x" })) jest.advanceTimersByTime(1);
      expect(write.mock.calls.map((c) => String(c[0])).join("")).toContain("x: 100%|██████████| 2/2");
    } finally {
      write.mockRestore();
      setDisplaySink(previous);
    }
  });
});

test("`import tqdm` then `tqdm.tqdm(...)` / `tqdm.trange(n)`: the function carries the module's names", () => {
  const bar = tqdm.tqdm([1, 2, 3], { disable: true });
  expect(bar).toBeInstanceOf(Tqdm);
  expect([...bar]).toEqual([1, 2, 3]);
  expect([...tqdm.trange(2, { disable: true })]).toEqual([0, 1]);
});
