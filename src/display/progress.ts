/**
 * Progress bars in the manner of tqdm: wrap an iterable (a DataLoader, a range) or count by hand
 * with `update(n)`. In a notebook the bar is one output (an HTML `<progress>` bar with the text
 * meter as fallback) updated in place through its display_id; in a terminal or a plain script it is
 * one line rewritten with `\r` on stderr. Redraws are rate-limited (`mininterval`), so wrapping a
 * loop of a million fast steps costs a clock read per step.
 *
 * The meter reads as tqdm's: `desc: 45%|████▌     | 450/1000 [00:03<00:04, 150.00it/s, loss=0.123]`.
 */
import { display as emit, DisplayHandle, MimeBundle } from "./emitter";
import { TypeError, ValueError } from "../errors";
import { range, type Range } from "../builtins";
import { enter, leave } from "../backend/scopes";

/** Where a terminal bar is written: process.stderr by default, as tqdm writes to sys.stderr. */
export interface TextSink {
  write(text: string): unknown;
}

/** Options of {@link tqdm}, named as tqdm's keyword arguments. */
export interface TqdmOptions {
  /** Text in front of the bar. */
  desc?: string;
  /** Expected number of iterations (or bytes); default: the iterable's `length` or `len()`, else unknown (no bar, no ETA). */
  total?: number | null;
  /** Keep the finished bar (default true); false removes it when it closes. */
  leave?: boolean;
  /** Least seconds between two redraws (default 0.1). */
  mininterval?: number;
  /** What is counted (default "it"); "B" with `unit_scale` shows bytes as kB/MB. */
  unit?: string;
  /** Show counts with k/M/G prefixes (and rates accordingly). */
  unit_scale?: boolean;
  /** 1000 (default) or 1024 for the prefixes of `unit_scale`. */
  unit_divisor?: number;
  /** Count to start from. */
  initial?: number;
  /** Show nothing at all. */
  disable?: boolean;
  /** Terminal mode only: where the line goes (default process.stderr). */
  file?: TextSink;
}

/** A postfix value: a number, a one-element tensor (a loss), or text. */
export type PostfixValue = number | string | boolean | { item(): number };

/** tqdm's format_sizeof: three significant digits and an SI prefix. */
export function format_sizeof(num: number, suffix = "", divisor = 1000): string {
  for (const unit of ["", "k", "M", "G", "T", "P", "E", "Z"]) {
    if (Math.abs(num) < 999.5) {
      if (Math.abs(num) < 99.95) {
        if (Math.abs(num) < 9.995) return `${num.toFixed(2)}${unit}${suffix}`;
        return `${num.toFixed(1)}${unit}${suffix}`;
      }
      return `${num.toFixed(0)}${unit}${suffix}`;
    }
    num /= divisor;
  }
  return `${num.toFixed(1)}Y${suffix}`;
}

/** tqdm's format_interval: `mm:ss`, or `h:mm:ss` from an hour on. */
export function format_interval(seconds: number): string {
  // tqdm truncates (int(t)): a bar never claims a second that has not passed.
  const t = Math.floor(seconds);
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  const two = (v: number) => String(v).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** tqdm's format_num for postfix values: `{:.3g}` for numbers. */
function format_num(v: PostfixValue): string {
  const x = typeof v === "object" && v !== null && typeof v.item === "function" ? v.item() : v;
  if (typeof x !== "number") return String(x);
  if (Number.isInteger(x)) return String(x);
  const g = Number(x.toPrecision(3));
  return Math.abs(g) >= 1e-4 && Math.abs(g) < 1e16 ? String(g) : g.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
}

/** Options of {@link Tqdm.format_meter} (the parts of the meter that are not state). */
export interface MeterOptions {
  desc?: string;
  unit?: string;
  unit_scale?: boolean;
  unit_divisor?: number;
  postfix?: string;
  /** Bar width in characters (default 10). */
  width?: number;
}

const BLOCKS = " ▏▎▍▌▋▊▉█";

/**
 * A progress bar. Iterate over it (sync or `for await`) to advance it once per item, or call
 * `update(n)`. It closes by itself when a wrapped iteration ends; call `close()` otherwise.
 *
 * @example
 * const bar = display.tqdm(train_loader, { desc: "epoch 1" });
 * for (const [x, y] of bar) {
 *   const loss = step(x, y);
 *   bar.set_postfix({ loss });
 * }
 */
export class Tqdm<T = number> implements Iterable<T>, AsyncIterable<T> {
  /** The count so far. */
  n: number;
  /** The expected count, or null when unknown. */
  total: number | null;
  desc: string;
  readonly leave: boolean;
  readonly disable: boolean;
  private readonly iterable: Iterable<T> | AsyncIterable<T> | null;
  private readonly unit: string;
  private readonly unit_scale: boolean;
  private readonly unit_divisor: number;
  private readonly mininterval: number;
  private readonly file: TextSink | null;
  private readonly handle: DisplayHandle | null = null;
  private readonly start = Date.now();
  private lastDraw = -Infinity;
  private lastLength = 0;
  private postfix = "";
  private closed = false;

  constructor(iterable: Iterable<T> | AsyncIterable<T> | null = null, options: TqdmOptions = {}) {
    if (iterable !== null && typeof iterable === "object" && !(Symbol.iterator in iterable) && !(Symbol.asyncIterator in iterable) && isPlainOptions(iterable)) {
      options = iterable as TqdmOptions;
      iterable = null;
    }
    if (iterable !== null && (typeof iterable !== "object" || (!(Symbol.iterator in iterable) && !(Symbol.asyncIterator in iterable)))) {
      throw new TypeError(`tqdm(): iterable must be iterable (an array, a DataLoader, a generator), got ${typeof iterable}`);
    }
    this.iterable = iterable;
    this.desc = options.desc ?? "";
    this.total = options.total ?? lengthOf(iterable);
    if (this.total !== null && !(this.total >= 0)) throw new ValueError(`tqdm(): total must be a non-negative number, got ${this.total}`);
    this.leave = options.leave ?? true;
    this.disable = options.disable ?? false;
    this.unit = options.unit ?? "it";
    this.unit_scale = options.unit_scale ?? false;
    this.unit_divisor = options.unit_divisor ?? 1000;
    this.mininterval = (options.mininterval ?? 0.1) * 1000;
    this.n = options.initial ?? 0;
    const inKernel = (globalThis as Record<symbol, unknown>)[Symbol.for("torchlab.display.sink")] !== undefined;
    // The kernel installs its display sink on globalThis (emitter.ts); only then is a rich, in-place output possible.
    this.file = this.disable || (inKernel && options.file === undefined) ? null : (options.file ?? process.stderr);
    if (!this.disable && this.file === null) this.handle = emit(this.bundle(), { raw: true, display_id: true });
    else this.draw();
  }

  /** The text meter for the current state (what the terminal line and the notebook's text/plain show). */
  toString(): string {
    return Tqdm.format_meter(this.n, this.total, (Date.now() - this.start) / 1000, this.meterOptions());
  }

  /**
   * tqdm's format_meter: `desc: 45%|████▌     | 450/1000 [00:03<00:04, 150.00it/s, loss=0.123]`,
   * or without a total `desc: 450it [00:03, 150.00it/s]`.
   */
  static format_meter(n: number, total: number | null, elapsed: number, options: MeterOptions = {}): string {
    const unit = options.unit ?? "it";
    const scale = options.unit_scale ?? false;
    const divisor = options.unit_divisor ?? 1000;
    const fmt = (v: number) => (scale ? format_sizeof(v, "", divisor) : String(v));
    const rate = elapsed > 0 ? n / elapsed : null;
    let rateText: string;
    if (rate === null) rateText = `?${unit}/s`;
    else if (scale && rate > 0) rateText = `${format_sizeof(rate, "", divisor)}${unit}/s`;
    else if (rate === 0) rateText = `?${unit}/s`;
    else rateText = rate >= 1 ? `${rate.toFixed(2).padStart(5)}${unit}/s` : `${(1 / rate).toFixed(2).padStart(5)}s/${unit}`;
    const postfix = options.postfix ? `, ${options.postfix}` : "";
    const prefix = options.desc ? `${options.desc}: ` : "";
    const elapsedText = format_interval(elapsed);
    if (total === null) return `${prefix}${fmt(n)}${unit} [${elapsedText}, ${rateText}${postfix}]`;
    const frac = total > 0 ? Math.min(1, n / total) : 1;
    const remaining = rate !== null && rate > 0 ? format_interval((total - n) / rate) : "?";
    const width = options.width ?? 10;
    const eighths = Math.floor(frac * width * 8);
    const full = Math.floor(eighths / 8);
    const bar = (BLOCKS[8].repeat(full) + (full < width ? BLOCKS[eighths % 8] : "")).padEnd(width, " ");
    const pct = `${Math.round(frac * 100)}`.padStart(3, " ");
    return `${prefix}${pct}%|${bar}| ${fmt(n)}/${fmt(total)} [${elapsedText}<${remaining}, ${rateText}${postfix}]`;
  }

  /** Advances the count by `n` (default 1) and redraws when `mininterval` has passed. */
  update(n = 1): void {
    if (typeof n !== "number" || !Number.isFinite(n)) throw new TypeError(`tqdm.update(): n must be a finite number, got ${String(n)}`);
    this.n += n;
    if (Date.now() - this.lastDraw >= this.mininterval) this.refresh();
  }

  /** Shows `key=value` pairs after the meter (numbers as `{:.3g}`, a tensor through item()). */
  set_postfix(ordered_dict: Record<string, PostfixValue> = {}, refresh = true): void {
    this.postfix = Object.entries(ordered_dict).map(([k, v]) => `${k}=${format_num(v)}`).join(", ");
    if (refresh && Date.now() - this.lastDraw >= this.mininterval) this.refresh();
  }

  /** Replaces the text in front of the bar. */
  set_description(desc = "", refresh = true): void {
    this.desc = desc;
    if (refresh) this.refresh();
  }

  /** Redraws now, whatever the rate limit. */
  refresh(): void {
    if (this.disable || this.closed) return;
    this.draw();
  }

  /** Draws the final state: kept (`leave`) or removed. Later calls do nothing. */
  close(): void {
    if (this.closed) return;
    if (!this.disable) {
      if (this.handle !== null) {
        this.handle.update(this.leave ? this.bundle(true) : { "text/plain": "" }, { raw: true });
      } else if (this.file !== null) {
        if (this.leave) this.writeLine(this.toString(), "\n");
        else this.file.write(`\r${" ".repeat(this.lastLength)}\r`);
      }
    }
    this.closed = true;
  }

  *[Symbol.iterator](): Iterator<T> {
    if (this.iterable === null || !(Symbol.iterator in this.iterable)) throw new TypeError("tqdm: the wrapped object is not synchronously iterable; use `for await`");
    // A registered scope: a cell stopped inside the loop closes the bar (drawn as failed), as
    // tqdm's generator closes when KeyboardInterrupt drops it.
    const scope = enter(() => this.close());
    try {
      for (const item of this.iterable as Iterable<T>) {
        yield item;
        this.update(1);
      }
    } finally {
      leave(scope);
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.iterable === null) throw new TypeError("tqdm: nothing to iterate; pass an iterable, or count with update(n)");
    // Registered as in the synchronous iterator.
    const scope = enter(() => this.close());
    try {
      for await (const item of this.iterable as AsyncIterable<T>) {
        yield item;
        this.update(1);
      }
    } finally {
      leave(scope);
    }
  }

  private meterOptions(): MeterOptions {
    return { desc: this.desc, unit: this.unit, unit_scale: this.unit_scale, unit_divisor: this.unit_divisor, postfix: this.postfix };
  }

  private draw(): void {
    this.lastDraw = Date.now();
    if (this.handle !== null) this.handle.update(this.bundle(), { raw: true });
    else if (this.file !== null) this.writeLine(this.toString(), "");
  }

  private writeLine(line: string, end: string): void {
    // Pad over the previous line's tail: the new text may be shorter.
    const pad = Math.max(0, this.lastLength - line.length);
    this.file!.write(`\r${line}${" ".repeat(pad)}${end}`);
    this.lastLength = line.length;
  }

  private bundle(final = false): MimeBundle {
    const text = this.toString();
    const elapsed = (Date.now() - this.start) / 1000;
    const right = Tqdm.format_meter(this.n, this.total, elapsed, { ...this.meterOptions(), desc: "" });
    // The HTML shows the bar as a <progress> element; the meter's own text bar is dropped from it.
    const info = this.total === null ? right : right.replace(/^\s*\d+%\|[^|]*\| /, "");
    const pct = this.total === null ? "" : `${Math.round((this.total > 0 ? Math.min(1, this.n / this.total) : 1) * 100)}%`;
    const failed = final && this.total !== null && this.n < this.total;
    const style = `width: 20em; vertical-align: middle;${failed ? " accent-color: #c0392b;" : final ? " accent-color: #2e8b57;" : ""}`;
    const bar = this.total === null ? "" : `<progress value="${this.n}" max="${this.total}" style="${style}"></progress> `;
    const html = `<div style="font-family: monospace; white-space: pre;">${escape(this.desc ? `${this.desc}: ` : "")}${escape(pct ? `${pct} ` : "")}${bar}${escape(info)}</div>`;
    return { "text/html": html, "text/plain": text };
  }
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function isPlainOptions(x: object): boolean {
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** len(iterable) as tqdm takes it: an array's or DataLoader's `length`, or a Dataset's `len()`. */
function lengthOf(iterable: unknown): number | null {
  if (iterable === null || typeof iterable !== "object") return null;
  const o = iterable as { length?: unknown; len?: unknown };
  try {
    if (typeof o.length === "number") return o.length;
    if (typeof o.len === "function") return (o.len as () => number).call(o);
  } catch {
    // An IterableDataset's loader has no length: tqdm then counts without a total.
  }
  return null;
}

/**
 * Wraps an iterable in a progress bar (`tqdm(loader)`), or makes a bar to advance by hand
 * (`tqdm({total: 100})` then `update(n)`).
 *
 * Args:
 *   iterable: anything iterable (sync or async); its `length` or `len()` gives the default total.
 *   desc, total, leave, unit, unit_scale, unit_divisor, mininterval, initial, disable: as tqdm's.
 *
 * @example
 * for (const [x, y] of display.tqdm(train_loader, { desc: `epoch ${epoch}` })) { ... }
 * const bar = display.tqdm({ total: nbytes, unit: "B", unit_scale: true, unit_divisor: 1024 });
 * bar.update(chunk.length);
 */
// T defaults to any: an untyped argument (a notebook function's `iterator` parameter) gives no inference,
// and T was unknown, so `for (const [x, y] of tqdm(iterator))` did not compile.
export function tqdm<T = any>(iterable: Iterable<T>, options?: TqdmOptions): Tqdm<T>;
export function tqdm<T>(iterable: AsyncIterable<T>, options?: TqdmOptions): Tqdm<T>;
export function tqdm(options?: TqdmOptions): Tqdm<number>;
export function tqdm<T>(iterable?: Iterable<T> | AsyncIterable<T> | TqdmOptions | null, options: TqdmOptions = {}): Tqdm<T> {
  return new Tqdm<T>((iterable ?? null) as Iterable<T> | null, options);
}

/**
 * tqdm's `trange`: `trange(10)` is `tqdm(range(10))`, `trange(1, 11, 2, {desc: "epoch"})` counts as
 * `range(1, 11, 2)` does (its length is the bar's total).
 */
export function trange(stop: number, options?: TqdmOptions): Tqdm<number>;
export function trange(start: number, stop: number, options?: TqdmOptions): Tqdm<number>;
export function trange(start: number, stop: number, step: number, options?: TqdmOptions): Tqdm<number>;
export function trange(...args: (number | TqdmOptions | undefined)[]): Tqdm<number> {
  const last = args[args.length - 1];
  const options = typeof last === "object" && last !== null ? (args.pop() as TqdmOptions) : {};
  const bounds = args.filter((a) => a !== undefined);
  if (!bounds.every((a) => typeof a === "number")) throw new TypeError(`trange(): arguments must be integers, got ${bounds.map((a) => typeof a).join(", ")}`);
  const r: Range = (range as (...a: number[]) => Range)(...(bounds as number[]));
  return new Tqdm<number>(r, options);
}

// Python's `import tqdm` then `tqdm.tqdm(batch_start, unit="batch")` / `tqdm.trange(n)` (Machine Learning
// Mastery's training loops): the prelude's `tqdm` also carries the module's names.
tqdm.tqdm = tqdm;
tqdm.trange = trange;
