/**
 * torch.profiler: times torchlab's own ops (under PyTorch's `aten::` names where an op maps to one:
 * aten::conv2d, aten::linear, aten::relu, aten::max_pool2d, aten::flatten) and the ranges a user
 * marks with record_function, and summarises them as PyTorch 1.13 does: `key_averages()` (grouped
 * by name, or by name and input shapes), `.table(sort_by, row_limit)` with PyTorch's columns and
 * layout, `export_chrome_trace(path)` in the format this PyTorch writes (a JSON array of complete
 * "X" events), and `schedule(wait, warmup, active, repeat, skip_first)` driven by `prof.step()`.
 *
 * Python's `with profile(...) as prof: body` is `const prof = profile({...}, (prof) => { body })`:
 * the function runs between `start()` and `stop()` and the profiler is returned, so that
 * `prof.key_averages()` reads as in PyTorch afterwards. `with record_function("name"): body` is
 * `record_function("name", () => body)` (the body's result is returned).
 *
 * Only the ops listed above are recorded; PyTorch's inner dispatch rows (aten::convolution,
 * aten::addmm, aten::empty, ...) have no torchlab counterpart and are absent.
 *
 * @example
 * const prof = profile({ activities: [ProfilerActivity.CPU], record_shapes: true }, () => {
 *   record_function("model_inference", () => model(inputs));
 * });
 * console.log(prof.key_averages().table({ sort_by: "cpu_time_total", row_limit: 10 }));
 */
import { scoped } from "../backend/scopes";
import { writeFileAtomic } from "../serialization/atomic";
import { performance } from "perf_hooks";
import { RuntimeError } from "../errors";
import { profiling, profiled, type OpRecorder } from "./hook";

/** torch.profiler.ProfilerActivity. */
export const ProfilerActivity = { CPU: "ProfilerActivity.CPU", CUDA: "ProfilerActivity.CUDA" } as const;
export type ProfilerActivity = (typeof ProfilerActivity)[keyof typeof ProfilerActivity];

/** torch.profiler.ProfilerAction: what the profiler does during a step. */
export enum ProfilerAction {
  NONE = 0,
  WARMUP = 1,
  RECORD = 2,
  RECORD_AND_SAVE = 3,
}

/** One recorded call: PyTorch's FunctionEvent (times in microseconds). */
export class FunctionEvent {
  children: FunctionEvent[] = [];
  end = 0;
  constructor(readonly name: string, readonly input_shapes: number[][], readonly start: number) {}
  get key(): string {
    return this.name;
  }
  get cpu_time_total(): number {
    return this.end - this.start;
  }
  get self_cpu_time_total(): number {
    return this.cpu_time_total - this.children.reduce((s, c) => s + c.cpu_time_total, 0);
  }
}

/** Python's `str()` of a list of shapes: `[[2, 1, 8, 8], [], []]`. */
const shapesStr = (s: number[][]): string => `[${s.map((d) => `[${d.join(", ")}]`).join(", ")}]`;

/** PyTorch's _format_time. */
function formatTime(us: number): string {
  if (us >= 1e6) return `${(us / 1e6).toFixed(3)}s`;
  if (us >= 1e3) return `${(us / 1e3).toFixed(3)}ms`;
  return `${us.toFixed(3)}us`;
}
const formatShare = (us: number, total: number): string => (total === 0 ? "NaN" : `${((us * 100) / total).toFixed(2)}%`);

/** Several calls of one name (and, grouped by shape, one input shape): PyTorch's FunctionEventAvg. */
export class FunctionEventAvg {
  count = 0;
  cpu_time_total = 0;
  self_cpu_time_total = 0;
  constructor(readonly key: string, public input_shapes: number[][] | null) {}
  /** The average time per call. */
  get cpu_time(): number {
    return this.count === 0 ? 0 : this.cpu_time_total / this.count;
  }
  add(e: FunctionEvent): void {
    this.count += 1;
    this.cpu_time_total += e.cpu_time_total;
    this.self_cpu_time_total += e.self_cpu_time_total;
  }
}

export type TableOptions = { sort_by?: "cpu_time_total" | "self_cpu_time_total" | "cpu_time" | "count" | null; row_limit?: number; max_name_column_width?: number; max_shapes_column_width?: number; header?: string | null };

/** The rows of key_averages(), with PyTorch's `table()`. */
export class EventList extends Array<FunctionEventAvg> {
  static get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** PyTorch's profiler table: Name, Self CPU %, Self CPU, CPU total %, CPU total, CPU time avg, # of Calls[, Input Shapes]. */
  table(options: TableOptions = {}): string {
    const { sort_by = null, row_limit = 100, max_name_column_width = 55, max_shapes_column_width = 80, header = null } = options;
    let events: FunctionEventAvg[] = Array.from(this);
    if (events.length === 0) return "";
    const hasShapes = events.some((e) => e.input_shapes !== null && e.input_shapes.length > 0);
    if (sort_by !== null) events = events.map((e, i) => [e, i] as const).sort((a, b) => (b[0][sort_by] as number) - (a[0][sort_by] as number) || a[1] - b[1]).map(([e]) => e);
    const nameW = Math.min(Math.max(...events.map((e) => e.key.length)) + 4, max_name_column_width);
    const shapesW = Math.min(Math.max(...events.map((e) => (e.input_shapes === null ? 0 : shapesStr(e.input_shapes).length))) + 4, max_shapes_column_width);
    const widths = [nameW, 12, 12, 12, 12, 12, 12];
    const headers = ["Name", "Self CPU %", "Self CPU", "CPU total %", "CPU total", "CPU time avg", "# of Calls"];
    if (hasShapes) {
      headers.push("Input Shapes");
      widths.push(shapesW);
    }
    const row = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i]) + "  ").join("");
    const sep = widths.map((w) => "-".repeat(w) + "  ").join("");
    const lineLength = widths.reduce((s, w) => s + w + 2, -2);
    const total = events.reduce((s, e) => s + e.self_cpu_time_total, 0);
    const out: string[] = [];
    if (header !== null) out.push("=".repeat(lineLength), header);
    out.push(sep, row(headers), sep);
    for (const e of events.slice(0, row_limit)) {
      const name = e.key.length >= max_name_column_width - 3 ? e.key.slice(0, max_name_column_width - 3) + "..." : e.key;
      const cells = [name, formatShare(e.self_cpu_time_total, total), formatTime(e.self_cpu_time_total), formatShare(e.cpu_time_total, total), formatTime(e.cpu_time_total), formatTime(e.cpu_time), String(e.count)];
      if (hasShapes) cells.push(shapesStr(e.input_shapes ?? []).slice(0, shapesW));
      out.push(row(cells));
    }
    out.push(sep, `Self CPU time total: ${formatTime(total)}`);
    return out.map((l) => l + "\n").join("");
  }
}

/** Options of torch.profiler.profile. */
export type ProfileOptions = {
  activities?: ProfilerActivity[] | null;
  schedule?: ((step: number) => ProfilerAction) | null;
  on_trace_ready?: ((prof: Profile) => void) | null;
  record_shapes?: boolean;
  profile_memory?: boolean;
  with_stack?: boolean;
  with_flops?: boolean;
  with_modules?: boolean;
};

/** A recording in progress: the nested calls of one trace. */
class Recording implements OpRecorder {
  roots: FunctionEvent[] = [];
  all: FunctionEvent[] = [];
  private stack: FunctionEvent[] = [];
  constructor(readonly recordShapes: boolean, readonly t0: number) {}
  begin(name: string, inputShapes: number[][] | null): void {
    const e = new FunctionEvent(name, this.recordShapes && inputShapes !== null ? inputShapes : [], performance.now() * 1000);
    const parent = this.stack[this.stack.length - 1];
    (parent === undefined ? this.roots : parent.children).push(e);
    this.all.push(e);
    this.stack.push(e);
  }
  end(): void {
    const e = this.stack.pop();
    if (e !== undefined) e.end = performance.now() * 1000;
  }
}

/** The profiler object torch.profiler.profile(...) makes (PyTorch's class `profile`). */
export class Profile {
  readonly record_shapes: boolean;
  step_num = 0;
  private readonly scheduleFn: (step: number) => ProfilerAction;
  private readonly recordSteps: boolean;
  private readonly on_trace_ready: ((prof: Profile) => void) | null;
  private current: ProfilerAction = ProfilerAction.NONE;
  private recording: Recording | null = null;
  private finished: Recording | null = null;
  private stepOpen = false;

  constructor(options: ProfileOptions = {}) {
    this.record_shapes = options.record_shapes ?? false;
    this.scheduleFn = options.schedule ?? (() => ProfilerAction.RECORD);
    this.recordSteps = options.schedule !== undefined && options.schedule !== null;
    this.on_trace_ready = options.on_trace_ready ?? null;
  }

  start(): void {
    this.current = this.scheduleFn(this.step_num);
    this.transit(ProfilerAction.NONE, this.current);
    if (this.recordSteps) this.openStep(this.step_num);
  }

  stop(): void {
    this.closeStep();
    this.transit(this.current, null);
  }

  /** Signals that the next step has started (PyTorch names the new step's range after the old step number). */
  step(): void {
    this.closeStep();
    const prev = this.current;
    const cur = this.step_num;
    this.step_num += 1;
    this.current = this.scheduleFn(this.step_num);
    this.transit(prev, this.current);
    if (this.recordSteps) this.openStep(cur);
  }

  /** The recorded calls, in the order they started. */
  events(): FunctionEvent[] {
    const r = this.finished ?? this.recording;
    return r === null ? [] : r.all.slice();
  }

  /** The calls averaged by name (and by input shapes too with `group_by_input_shape`), in first-call order. */
  key_averages(group_by_input_shape: boolean | { group_by_input_shape?: boolean } = false): EventList {
    const byShape = typeof group_by_input_shape === "object" ? group_by_input_shape.group_by_input_shape ?? false : group_by_input_shape;
    const stats = new Map<string, FunctionEventAvg>();
    for (const e of this.events()) {
      const name = e.name.startsWith("ProfilerStep#") ? "ProfilerStep*" : e.name;
      const k = byShape ? `${name}\u0000${shapesStr(e.input_shapes)}` : name;
      let a = stats.get(k);
      if (a === undefined) {
        a = new FunctionEventAvg(name, byShape ? e.input_shapes : null);
        stats.set(k, a);
      }
      a.add(e);
    }
    const list = new EventList();
    for (const a of stats.values()) list.push(a);
    return list;
  }

  /** Writes the trace as PyTorch 1.13's legacy exporter does: a JSON array of "X" (complete) events, times in µs from the trace's start. */
  export_chrome_trace(path: string): void {
    const r = this.finished ?? this.recording;
    const t0 = r === null ? 0 : r.t0;
    const events = this.events().map((e) => ({ name: e.name, ph: "X", ts: Math.round(e.start - t0), dur: Math.round(e.cpu_time_total), tid: 1, pid: "CPU functions", args: {} }));
    writeFileAtomic(path, JSON.stringify(events));
  }

  private openStep(n: number): void {
    if (profiling.active !== null) {
      profiling.active.begin(`ProfilerStep#${n}`, []);
      this.stepOpen = true;
    }
  }

  private closeStep(): void {
    if (this.stepOpen && profiling.active !== null) profiling.active.end();
    this.stepOpen = false;
  }

  private startTrace(): void {
    if (profiling.active !== null && profiling.active !== this.recording) throw new RuntimeError("Profiler is already enabled on this thread");
    this.recording = new Recording(this.record_shapes, performance.now() * 1000);
    profiling.active = this.recording;
  }

  private stopTrace(): void {
    if (this.recording !== null && profiling.active === this.recording) profiling.active = null;
    this.finished = this.recording;
    this.recording = null;
  }

  private traceReady(): void {
    if (this.on_trace_ready !== null) this.on_trace_ready(this);
  }

  private transit(prev: ProfilerAction, cur: ProfilerAction | null): void {
    const rec = (a: ProfilerAction | null): boolean => a === ProfilerAction.RECORD || a === ProfilerAction.RECORD_AND_SAVE;
    const warn = (m: string): void => void process.emitWarning(m, "UserWarning");
    if (prev === ProfilerAction.WARMUP && cur === ProfilerAction.NONE) warn("Incorrect schedule: WARMUP followed by NONE");
    if (prev === ProfilerAction.RECORD && (cur === ProfilerAction.NONE || cur === ProfilerAction.WARMUP)) warn(`Incorrect schedule: RECORD followed by ${ProfilerAction[cur]}`);
    if (prev === ProfilerAction.RECORD_AND_SAVE || (prev === ProfilerAction.RECORD && cur === null)) {
      this.stopTrace();
      this.traceReady();
      if (rec(cur)) this.startTrace();
      return;
    }
    if (rec(prev) && !rec(cur)) {
      this.stopTrace();
      return;
    }
    if (prev === ProfilerAction.WARMUP && cur === null) {
      this.startTrace();
      this.stopTrace();
      return;
    }
    if (!rec(prev) && rec(cur)) this.startTrace();
  }
}

/**
 * torch.profiler.profile. `profile(options, (prof) => body)` runs the body between start() and stop()
 * and returns the profiler (Python's `with profile(...) as prof: body`); `profile(options)` alone
 * gives it unstarted, for `prof.start()` ... `prof.stop()` as in PyTorch.
 */
export function profile(options?: ProfileOptions): Profile;
export function profile(options: ProfileOptions, fn: (prof: Profile) => void): Profile;
export function profile(options: ProfileOptions = {}, fn?: (prof: Profile) => void): Profile {
  const p = new Profile(options);
  if (fn === undefined) return p;
  scoped(() => {
    p.start();
    return () => p.stop();
  }, () => fn(p));
  return p;
}

/** torch.profiler.record_function(name, fn): records `fn`'s run as one range named `name`; returns its result. */
export function record_function<T>(name: string, fn: () => T): T {
  return profiling.active === null ? fn() : profiled(name, [], fn);
}

/**
 * torch.profiler.schedule: NONE for `skip_first` steps, then cycles of `wait` NONE, `warmup` WARMUP
 * and `active` RECORD steps (the last RECORD_AND_SAVE), `repeat` times (0: forever).
 */
export function schedule(options: { wait: number; warmup: number; active: number; repeat?: number; skip_first?: number }): (step: number) => ProfilerAction {
  const { wait, warmup, active, repeat = 0, skip_first = 0 } = options;
  if (!(wait >= 0 && warmup >= 0 && active > 0 && repeat >= 0 && skip_first >= 0)) throw new RuntimeError("Invalid profiler schedule arguments");
  if (warmup === 0) process.emitWarning("Profiler won't be using warmup, this can skew profiler results", "UserWarning");
  return (step: number): ProfilerAction => {
    if (step < skip_first) return ProfilerAction.NONE;
    step -= skip_first;
    const n = wait + warmup + active;
    if (repeat > 0 && step / n >= repeat) return ProfilerAction.NONE;
    const m = step % n;
    if (m < wait) return ProfilerAction.NONE;
    if (m < wait + warmup) return ProfilerAction.WARMUP;
    return m < n - 1 ? ProfilerAction.RECORD : ProfilerAction.RECORD_AND_SAVE;
  };
}
