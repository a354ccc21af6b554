/**
 * The pieces of a modern PyTorch training loop, against PyTorch 1.13 on a machine without CUDA
 * (test/reference/gen_modern.py, modern.json): torch.special on edge values and gradients,
 * use_deterministic_algorithms / set_float32_matmul_precision, and mixed precision (GradScaler,
 * autocast) disabled with PyTorch's warnings, so that the usual AMP loop trains as the plain one, and
 * torch.profiler on a small conv net: the rows torchlab records (model_inference and the aten ops
 * it maps: conv2d, relu, relu_, max_pool2d, flatten, linear) with PyTorch's call counts and input shapes,
 * the table's layout, schedule + step(), and the chrome trace (timings are real, not compared).
 */
import * as os from "os";
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import type { Tensor } from "../../src/torch";

type Num = number | "nan" | "inf" | "-inf";
type Err = [string, string];
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "modern.json"), "utf8")) as {
  special: {
    x: Num[];
    p: Num[];
    forward: Record<string, Num[]>;
    grad: Record<string, { x: number[]; y: Num[]; grad: Num[]; gx?: number[]; gy?: number[] }>;
    errors: Record<string, Err>;
  };
  flags: Record<string, unknown>;
  amp: {
    cuda: boolean;
    warnings: Err[];
    scaler: { is_enabled: boolean; get_scale: number; state_dict: object; get_growth_factor_error: Err; growth_after_set: number };
    bad_device_error: Err;
    cpu_float32_enter_error: Err;
    autocast_dtypes: string[];
    train_amp: { losses: number[]; weight: number[] };
    train_plain: { losses: number[]; weight: number[] };
  };
  profiler: {
    rows: [string, number][];
    shape_rows: [string, number, number[][]][];
    table: string[];
    shaped_table: string[];
    schedule_ready: [string, number][][];
    trace: [string, string, string, number][];
    actions: string[];
  };
};

const num = (v: Num): number => (v === "nan" ? NaN : v === "inf" ? Infinity : v === "-inf" ? -Infinity : v);
const t = (vs: Num[]): Tensor => torch.tensor(vs.map(num));

/** Same non-finite values, finite ones within float32 rounding of PyTorch's. */
function expectClose(got: Tensor | number[], want: Num[], label: string, rtol = 3e-5, atol = 1e-6): void {
  const g = Array.isArray(got) ? got : Array.from(got.dataSync());
  expect([label, g.length]).toEqual([label, want.length]);
  want.forEach((wv, i) => {
    const w = num(wv);
    const v = g[i];
    const ok = Number.isNaN(w) ? Number.isNaN(v) : !Number.isFinite(w) ? v === w : Math.abs(v - w) <= atol + rtol * Math.abs(w);
    if (!ok) throw new Error(`${label}[${i}]: torchlab ${v}, PyTorch ${w}`);
  });
}

function errorOf(f: () => unknown): [string, string] | null {
  try {
    f();
    return null;
  } catch (e) {
    return [(e as Error).name, (e as Error).message];
  }
}

describe("torch.special against PyTorch 1.13 (edge values: 0, -0, negatives, poles, ±inf, nan)", () => {
  const S = R.special;
  const sp = torch.special as unknown as Record<string, (...a: unknown[]) => Tensor>;
  const UNARY = ["expit", "logit", "erf", "erfc", "erfinv", "gammaln", "digamma", "entr", "sinc", "i0", "i0e", "i1", "i1e", "ndtr", "log_ndtr", "expm1", "exp2", "log1p", "round"];

  test.each(UNARY)("special.%s(x)", (name) => {
    expectClose(sp[name](t(S.x)), S.forward[name], name);
  });
  test.each(["ndtri", "logit", "erfinv"])("special.%s(p) on [0, 1] and outside", (name) => {
    expectClose(sp[name](t(S.p)), S.forward[`${name}_p`], name);
  });
  test.each([1, 2, 3])("special.polygamma(%i, x)", (n) => {
    expectClose(torch.special.polygamma(n, t(S.x)), S.forward[`polygamma${n}`], `polygamma${n}`);
  });
  test("polygamma(4, ·) at a negative non-integer, 1, 100, 0.25; multigammaln; the binary and dim functions", () => {
    expectClose(torch.special.polygamma(4, torch.tensor([-0.5, 1.0, 100.0, 0.25])), S.forward.polygamma4_more, "polygamma4");
    expectClose(torch.special.multigammaln(torch.tensor([2.5, 3.0, 10.0, 0.5]), 3), S.forward.multigammaln3, "multigammaln3");
    expectClose(torch.special.multigammaln(torch.tensor([2.5, 3.0, 10.0]), 1), S.forward.multigammaln1, "multigammaln1");
    const xa = torch.tensor([0.0, 0.0, 2.0, 1.0, -1.5]);
    const yb = torch.tensor([-1.0, NaN, 3.0, -2.0, 0.5]);
    expectClose(torch.special.xlog1py(xa, yb), S.forward.xlog1py, "xlog1py");
    expectClose(torch.special.xlogy(xa, yb), S.forward.xlogy, "xlogy");
    // Float, as Python's literals are (JavaScript's 1.0 is the integer 1; softmax has no integer kernel).
    const m = torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.0, 1000.0]], { dtype: torch.float32 });
    expectClose(torch.special.softmax(m, 1), S.forward.softmax1, "softmax");
    expectClose(torch.special.log_softmax(m, 1), S.forward.log_softmax1, "log_softmax");
    expectClose(torch.special.logsumexp(m, 1), S.forward.logsumexp1, "logsumexp");
    // torch's own names for the same functions.
    expectClose(torch.polygamma(2, t(S.x)), S.forward.polygamma2, "torch.polygamma");
    expectClose(torch.i0(t(S.x)), S.forward.i0, "torch.i0");
    expectClose(torch.mvlgamma(torch.tensor([2.5, 3.0, 10.0, 0.5]), 3), S.forward.multigammaln3, "torch.mvlgamma");
  });

  test.each(Object.keys(R.special.grad).filter((k) => k !== "xlog1py"))("gradient of special.%s", (name) => {
    const g = S.grad[name];
    const x = torch.tensor(g.x, { requires_grad: true });
    const y = name.startsWith("polygamma") ? torch.special.polygamma(Number(name.slice(-1)), x) : name === "multigammaln2" ? torch.special.multigammaln(x, 2) : sp[name](x);
    expectClose(y, g.y, `${name} forward`);
    y.sum().backward();
    expectClose(x.grad!, g.grad, `${name} grad`, 1e-4, 1e-6);
  });
  test("gradient of special.xlog1py in both arguments", () => {
    const g = S.grad.xlog1py;
    const a = torch.tensor(g.x, { requires_grad: true });
    const b = torch.tensor(g.y, { requires_grad: true });
    torch.special.xlog1py(a, b).sum().backward();
    expectClose(a.grad!, g.gx!, "gx");
    expectClose(b.grad!, g.gy!, "gy");
  });
  test("errors: negative n, p < 1", () => {
    expect(errorOf(() => torch.special.polygamma(-1, t(S.x)))).toEqual(S.errors.polygamma_neg);
    expect(errorOf(() => torch.special.multigammaln(t(S.x), 0))).toEqual(S.errors.multigammaln_p0);
  });
});

describe("determinism and matmul precision flags", () => {
  const F = R.flags;
  test("use_deterministic_algorithms / are_deterministic_algorithms_enabled / warn_only", () => {
    expect([torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled()]).toEqual([F.deterministic_default, F.warn_only_default]);
    torch.use_deterministic_algorithms(true);
    expect(torch.are_deterministic_algorithms_enabled()).toBe(F.deterministic_after);
    torch.use_deterministic_algorithms(true, { warn_only: true });
    expect(torch.is_deterministic_algorithms_warn_only_enabled()).toBe(F.warn_only_after);
    torch.use_deterministic_algorithms(false);
    expect([torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled()]).toEqual(F.deterministic_off);
    expect(errorOf(() => torch.use_deterministic_algorithms(1 as unknown as boolean))).toEqual(F.deterministic_error);
  });
  test("set_float32_matmul_precision: 'highest' by default, 'high' kept, a bad name warns and changes nothing", () => {
    expect(torch.get_float32_matmul_precision()).toBe(F.precision_default);
    const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      torch.set_float32_matmul_precision("high");
      expect(torch.get_float32_matmul_precision()).toBe(F.precision_high);
      torch.set_float32_matmul_precision("bad");
      expect(torch.get_float32_matmul_precision()).toBe(F.precision_after_bad);
      expect(spy.mock.calls).toEqual([["bad is not one of 'highest', 'high', or 'medium'; the currentsetFloat32MatmulPrecision call has no effect.", "UserWarning"]]);
      expect(errorOf(() => torch.set_float32_matmul_precision(3 as unknown as string))).toEqual(F.precision_error);
    } finally {
      spy.mockRestore();
      torch.set_float32_matmul_precision("highest");
    }
  });
});

describe("mixed precision without CUDA, as PyTorch 1.13", () => {
  const A = R.amp;
  const cuda = torch.cuda.is_available();

  (cuda ? test.skip : test)("warnings once each, the disabled GradScaler's API, autocast's errors", () => {
    const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    let inside: boolean | null = null;
    let scaler: InstanceType<typeof torch.cuda.amp.GradScaler>;
    let cpuErr: [string, string] | null;
    try {
      scaler = new torch.cuda.amp.GradScaler();
      new torch.cuda.amp.GradScaler();
      torch.cuda.amp.autocast(() => {
        inside = torch.is_autocast_enabled();
      });
      torch.autocast("cuda", { dtype: torch.float16 }, () => undefined);
      cpuErr = errorOf(() => torch.autocast({ device_type: "cpu", dtype: torch.float32 }, () => undefined));
      new torch.cuda.amp.GradScaler({ enabled: false });
      expect(spy.mock.calls.map(([msg, cat]) => [cat, msg])).toEqual(A.warnings);
    } finally {
      spy.mockRestore();
    }
    expect(inside).toBe(false);
    expect(cpuErr).toEqual(A.cpu_float32_enter_error);
    expect([scaler.is_enabled(), scaler.get_scale(), scaler.state_dict()]).toEqual([A.scaler.is_enabled, A.scaler.get_scale, A.scaler.state_dict]);
    expect(errorOf(() => scaler.get_growth_factor())).toEqual(A.scaler.get_growth_factor_error);
    scaler.set_growth_factor(3.0);
    expect(scaler.get_growth_factor()).toBe(A.scaler.growth_after_set);
    scaler.load_state_dict({});
    const x = torch.ones(2);
    expect(scaler.scale(x)).toBe(x);
    expect(errorOf(() => torch.autocast("xla", () => undefined))).toEqual(A.bad_device_error);
    expect([String(torch.get_autocast_gpu_dtype()), String(torch.get_autocast_cpu_dtype())]).toEqual(A.autocast_dtypes);
  });

  test("CPU autocast (bfloat16, which PyTorch casts matmul/conv/linear outputs to) is refused by name, never run as float32", () => {
    let ran = false;
    const body = (): void => {
      ran = true;
    };
    for (const f of [() => torch.autocast("cpu", body), () => torch.autocast({ device_type: "cpu", dtype: torch.bfloat16 }, body), () => torch.cpu.amp.autocast(body)]) {
      const err = errorOf(f);
      expect(err?.[0]).toBe("NotImplementedError");
      expect(err?.[1]).toMatch(/^torch\.autocast\(device_type='cpu', dtype=torch\.bfloat16\) runs matmul, conv and linear in torch\.bfloat16, which torchlab cannot represent: torch\.bfloat16 is not supported/);
    }
    expect(ran).toBe(false);
    // Disabled, it runs the body unchanged (the decorator form too).
    expect(torch.cpu.amp.autocast({ enabled: false }, () => 7)).toBe(7);
    expect(torch.autocast("cpu", { enabled: false })((a: number) => a + 1)(1)).toBe(2);
  });

  (cuda ? test.skip : test)("the usual AMP loop (scale, backward, unscale_, clip_grad_norm_, step, update) trains as the plain loop", () => {
    const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const train = (useAmp: boolean) => {
      torch.manual_seed(0);
      const model = new torch.nn.Sequential(new torch.nn.Linear(4, 8), new torch.nn.ReLU(), new torch.nn.Linear(8, 3));
      const opt = new torch.optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
      const scaler = new torch.cuda.amp.GradScaler();
      const xs = torch.randn(16, 4);
      const ys = torch.randint(0, 3, [16]);
      const losses: number[] = [];
      for (let i = 0; i < 5; i++) {
        opt.zero_grad();
        let loss: Tensor;
        if (useAmp) {
          loss = torch.autocast("cuda", { dtype: torch.float16 }, () => torch.nn.functional.cross_entropy(model.forward(xs), ys));
          scaler.scale(loss).backward();
          scaler.unscale_(opt);
          torch.nn.utils.clip_grad_norm_(model.parameters(), 0.5);
          scaler.step(opt);
          scaler.update();
        } else {
          loss = torch.nn.functional.cross_entropy(model.forward(xs), ys);
          loss.backward();
          torch.nn.utils.clip_grad_norm_(model.parameters(), 0.5);
          opt.step();
        }
        losses.push(loss.item());
      }
      return { losses, weight: Array.from((model.get(2) as InstanceType<typeof torch.nn.Linear>).weight.dataSync()) };
    };
    try {
      const amp = train(true);
      const plain = train(false);
      expect(amp).toEqual(plain);
      expectClose(amp.losses, A.train_amp.losses, "amp losses");
      expectClose(amp.weight, A.train_amp.weight, "amp weight");
    } finally {
      spy.mockRestore();
    }
  });
});

describe("torch.profiler against PyTorch 1.13's rows for the same model", () => {
  const P = R.profiler;
  const { profile, record_function, ProfilerActivity, ProfilerAction, schedule } = torch.profiler;
  const RECORDED = new Set(["model_inference", "ProfilerStep*", "aten::conv2d", "aten::relu", "aten::relu_", "aten::max_pool2d", "aten::flatten", "aten::linear"]);
  const net = (): ((x: Tensor) => Tensor) => {
    torch.manual_seed(0);
    const m = new torch.nn.Sequential(new torch.nn.Conv2d(1, 4, 3), new torch.nn.ReLU(), new torch.nn.MaxPool2d(2), new torch.nn.Flatten(), new torch.nn.Linear(36, 10));
    return (x) => m.forward(x);
  };
  const run = () => {
    const model = net();
    const inp = torch.randn(2, 1, 8, 8);
    model(inp);
    return profile({ activities: [ProfilerActivity.CPU], record_shapes: true }, () => {
      record_function("model_inference", () => {
        model(inp);
        torch.nn.functional.relu(model(inp));
        const h = model(inp);
        torch.nn.functional.relu(h, { inplace: true });
        h.relu_();
      });
    });
  };

  test("key_averages(): the recorded names with PyTorch's call counts; real, nested timings", () => {
    const prof = run();
    const rows = prof.key_averages();
    expect(rows.map((e) => [e.key, e.count])).toEqual(P.rows.filter(([k]) => RECORDED.has(k)));
    const byKey = new Map(rows.map((e) => [e.key, e]));
    const total = byKey.get("model_inference")!;
    for (const e of rows) {
      expect(e.cpu_time_total).toBeGreaterThan(0);
      expect(e.self_cpu_time_total).toBeLessThanOrEqual(e.cpu_time_total + 1e-9);
      if (e !== total) expect(e.cpu_time_total).toBeLessThanOrEqual(total.cpu_time_total);
    }
    expect(total.cpu_time_total).toBeGreaterThanOrEqual(rows.filter((e) => e !== total).reduce((s, e) => s + e.cpu_time_total, 0) - 1e-6);
  });

  test("key_averages(group_by_input_shape=True): PyTorch's input shapes (a tensor's shape, [] for other arguments)", () => {
    const prof = run();
    const rows = prof.key_averages({ group_by_input_shape: true });
    expect(rows.map((e) => [e.key, e.count, e.input_shapes])).toEqual(P.shape_rows.filter(([k]) => RECORDED.has(k)));
  });

  test("table(sort_by='cpu_time_total', row_limit=10): PyTorch's columns, widths and footer", () => {
    const lines = run().key_averages().table({ sort_by: "cpu_time_total", row_limit: 10 }).split("\n");
    const cols = (l: string): string[] => l.trim().split(/\s{2,}/);
    expect(cols(lines[1])).toEqual(cols(P.table[1]));
    // Every column but Name is 12 wide, two spaces apart, as PyTorch's.
    const dashes = (l: string): number[] => l.split("  ").filter((x) => x !== "").map((x) => x.length);
    expect(dashes(lines[0]).slice(1)).toEqual(dashes(P.table[0]).slice(1));
    expect(dashes(lines[0])[0]).toBe("aten::max_pool2d".length + 4); // the longest name shown, + 4
    expect(lines[0]).toBe(lines[2]);
    const body = lines.slice(3, -3);
    expect(body.length).toBe(7);
    const row = /^ +(\S+)  +(\d+\.\d\d%)  +(\d+\.\d{3}(?:us|ms|s))  +(\d+\.\d\d%)  +(\d+\.\d{3}(?:us|ms|s))  +(\d+\.\d{3}(?:us|ms|s))  +(\d+)  $/;
    for (const l of [...body, ...P.table.slice(3, -3)]) expect(l).toMatch(row);
    // Sorted by CPU total, model_inference (which encloses the rest) first, as in PyTorch's table.
    expect(body[0].trim().split(/\s+/)[0]).toBe(P.table[3].trim().split(/\s+/)[0]);
    expect(lines.slice(-3, -1)[0]).toBe(lines[0]);
    expect(lines[lines.length - 2]).toMatch(/^Self CPU time total: \d+\.\d{3}(us|ms|s)$/);
    expect(P.table[P.table.length - 2]).toMatch(/^Self CPU time total: \d+\.\d{3}(us|ms|s)$/);
  });

  test("the shape-grouped table adds PyTorch's Input Shapes column", () => {
    const text = run().key_averages({ group_by_input_shape: true }).table({ sort_by: "cpu_time_total", row_limit: 100 });
    const lines = text.split("\n");
    expect(lines[1].trim().split(/\s{2,}/)).toEqual(P.shaped_table[1].trim().split(/\s{2,}/));
    for (const [k, , shapes] of P.shape_rows.filter(([k]) => RECORDED.has(k))) {
      const shown = `[${shapes.map((d) => `[${d.join(", ")}]`).join(", ")}]`;
      expect(lines.some((l) => l.trim().startsWith(k + " ") && l.trimEnd().endsWith(shown))).toBe(true);
      expect(P.shaped_table.some((l) => l.trim().startsWith(k + " ") && l.trimEnd().endsWith(shown))).toBe(true);
    }
  });

  test("schedule(wait, warmup, active, repeat) with prof.step(): PyTorch's actions, one trace of the active steps, its chrome trace", () => {
    const sched = schedule({ wait: 1, warmup: 1, active: 2, repeat: 1, skip_first: 1 });
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `ProfilerAction.${ProfilerAction[sched(i)]}`)).toEqual(P.actions);
    const model = net();
    const inp = torch.randn(2, 1, 8, 8);
    const ready: [string, number][][] = [];
    const prof = profile(
      { activities: [ProfilerActivity.CPU], schedule: schedule({ wait: 1, warmup: 1, active: 2, repeat: 1 }), on_trace_ready: (p) => ready.push(p.key_averages().map((e) => [e.key, e.count])) },
      (p) => {
        for (let i = 0; i < 6; i++) {
          model(inp);
          p.step();
        }
      },
    );
    expect(ready).toEqual(P.schedule_ready.map((r) => r.filter(([k]) => RECORDED.has(k))));
    const file = path.join(os.tmpdir(), `torchlab_trace_${process.pid}.json`);
    try {
      prof.export_chrome_trace(file);
      const events = JSON.parse(fs.readFileSync(file, "utf8")) as { name: string; ph: string; pid: string; tid: number; ts: number; dur: number }[];
      const names = new Set([...RECORDED, "ProfilerStep#1", "ProfilerStep#2"]);
      expect(events.map((e) => [e.name, e.ph, e.pid, e.tid])).toEqual(P.trace.filter(([n]) => names.has(n)));
      for (const e of events) expect(e.dur).toBeGreaterThanOrEqual(0);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  test("no profiler: record_function just runs its body, and nothing is recorded", () => {
    expect(record_function("x", () => 3)).toBe(3);
    const prof = profile({});
    expect(prof.key_averages().length).toBe(0);
  });
});
