/**
 * nn.init against PyTorch 1.13: gains and fans exactly; for the random initialisations, PyTorch's
 * bounds hold and the sample statistics match the distribution PyTorch draws from (the random
 * streams differ, so values are compared in distribution, on 18432 samples).
 */
import { torch } from "../../src";
import { evalTs, load } from "./_fixtures";

const nn = torch.nn;

interface InitFixture {
  gains: { args: [string, number?]; gain: number }[];
  fans: { shape: number[]; fan_in: number; fan_out: number }[];
  dist: {
    name: string;
    ts: string | null;
    shape: number[];
    kind: "uniform" | "normal" | "uniform_ab" | "normal_ms" | "trunc" | "linear_default";
    param: number | number[];
    py_min: number;
    py_max: number;
    py_std: number;
    py_mean: number;
    bias_min?: number;
    bias_max?: number;
  }[];
}

const fx = load<InitFixture>("init");

function stats(t: torch.Tensor): { min: number; max: number; mean: number; std: number } {
  return { min: t.min().item(), max: t.max().item(), mean: t.mean().item(), std: t.std().item() };
}

beforeEach(() => {
  torch.manual_seed(0);
});

test.each(fx.gains.map((g) => [g.args.join(", "), g] as const))("calculate_gain(%s)", (_n, g) => {
  expect(nn.init.calculate_gain(g.args[0], g.args[1])).toBeCloseTo(g.gain, 12);
});

test.each(fx.fans.map((f) => [f.shape.join("x"), f] as const))("fans of %s", (_n, f) => {
  expect(nn.init._calculate_fan_in_and_fan_out(torch.zeros(f.shape))).toEqual([f.fan_in, f.fan_out]);
});

describe("distributions", () => {
  for (const d of fx.dist) {
    test(d.name, () => {
      let s: ReturnType<typeof stats>;
      let bias: ReturnType<typeof stats> | null = null;
      if (d.kind === "linear_default") {
        const lin = new nn.Linear(d.shape[1], d.shape[0]);
        s = stats(lin.weight);
        bias = stats(lin.bias!);
      } else {
        const t = torch.empty(d.shape);
        const out = evalTs<(t: torch.Tensor) => torch.Tensor>(d.ts!)(t);
        expect(out).toBe(t);
        s = stats(t);
      }
      const n = d.shape.reduce((a, b) => a * b, 1);
      const closeStd = (want: number): void => expect(Math.abs(s.std - want) / want).toBeLessThan(0.03);
      if (d.kind === "uniform" || d.kind === "linear_default") {
        const bound = d.param as number;
        expect(s.min).toBeGreaterThanOrEqual(-bound);
        expect(s.max).toBeLessThanOrEqual(bound);
        expect(s.max).toBeGreaterThan(0.98 * bound);
        expect(s.min).toBeLessThan(-0.98 * bound);
        closeStd(bound / Math.sqrt(3));
        closeStd(d.py_std);
      } else if (d.kind === "normal") {
        closeStd(d.param as number);
        closeStd(d.py_std);
        expect(Math.abs(s.mean)).toBeLessThan((5 * (d.param as number)) / Math.sqrt(n));
      } else if (d.kind === "uniform_ab") {
        const [a, b] = d.param as number[];
        expect(s.min).toBeGreaterThanOrEqual(a);
        expect(s.max).toBeLessThan(b);
        closeStd((b - a) / Math.sqrt(12));
      } else if (d.kind === "normal_ms") {
        const [mean, std] = d.param as number[];
        closeStd(std);
        expect(Math.abs(s.mean - mean)).toBeLessThan((5 * std) / Math.sqrt(n));
      } else {
        const [, , a, b] = d.param as number[];
        expect(s.min).toBeGreaterThanOrEqual(a);
        expect(s.max).toBeLessThanOrEqual(b);
        closeStd(d.py_std);
      }
      if (bias) {
        const bound = d.param as number;
        expect(bias.min).toBeGreaterThanOrEqual(-bound);
        expect(bias.max).toBeLessThanOrEqual(bound);
        expect(bias.max - bias.min).toBeGreaterThan(1.5 * bound);
      }
    });
  }
});

test("init is reproducible under torch.manual_seed and uses a given generator", () => {
  torch.manual_seed(7);
  const a = new nn.Linear(5, 4);
  torch.manual_seed(7);
  const b = new nn.Linear(5, 4);
  expect(a.weight.equal(b.weight) && a.bias!.equal(b.bias!)).toBe(true);
  const g1 = new torch.Generator(3);
  const g2 = new torch.Generator(3);
  const x = nn.init.xavier_normal_(torch.empty(3, 3), { generator: g1 });
  const y = nn.init.xavier_normal_(torch.empty(3, 3), { generator: g2 });
  expect(x.equal(y)).toBe(true);
});

test("constant_, zeros_, ones_, eye_ and in-place init of a parameter keep it a grad leaf", () => {
  const lin = new nn.Linear(3, 3);
  nn.init.constant_(lin.weight, 0.5);
  expect(lin.weight.sum().item()).toBeCloseTo(4.5, 6);
  expect(lin.weight.is_leaf && lin.weight.requires_grad).toBe(true);
  nn.init.zeros_(lin.bias!);
  expect(lin.bias!.abs().sum().item()).toBe(0);
  nn.init.ones_(lin.bias!);
  expect(lin.bias!.tolist()).toEqual([1, 1, 1]);
  nn.init.eye_(lin.weight);
  expect(lin.weight.tolist()).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
  expect(() => nn.init.eye_(torch.zeros(2))).toThrow("Only tensors with 2 dimensions are supported");
  expect(() => nn.init.calculate_gain("leaky_relu", "x" as unknown as number)).toThrow("negative_slope x not a valid number");
});

test("constant_ takes PyTorch's keyword {val} (Dive-into-DL-PyTorch's init.constant_(net[0].bias, val=0.0))", () => {
  const b = torch.ones(3);
  expect(nn.init.constant_(b, { val: 0.25 })).toBe(b);
  expect(b.tolist()).toEqual([0.25, 0.25, 0.25]);
  // PyTorch: TypeError constant_() missing 1 required positional argument: 'val'
  expect(() => nn.init.constant_(b, {} as never)).toThrow("constant_() missing 1 required positional argument: 'val'");
  expect(() => nn.init.constant_(b, { value: 1 } as never)).toThrow(/unexpected keyword argument 'value'/);
});

test("kaiming on a zero-element tensor is a no-op, as in PyTorch", () => {
  const t = torch.empty(0, 3);
  expect(nn.init.kaiming_uniform_(t)).toBe(t);
});

describe("kaiming_*_ with the name in a string variable (PyTorch code passes a str, e.g. self.hparams.act_fn_name)", () => {
  const names: { act_fn_name: string; mode: string } = { act_fn_name: "relu", mode: "fan_out" };

  test("a known name from a string-typed variable initialises as the literal does", () => {
    const w = torch.zeros(8, 4, 3, 3);
    torch.manual_seed(0);
    nn.init.kaiming_normal_(w, { mode: names.mode, nonlinearity: names.act_fn_name });
    torch.manual_seed(0);
    const want = nn.init.kaiming_normal_(torch.zeros(8, 4, 3, 3), { mode: "fan_out", nonlinearity: "relu" });
    expect(w.tolist()).toEqual(want.tolist());
  });

  test("an unknown name or mode gets PyTorch's ValueError", () => {
    const bad: string = "swish";
    expect(() => nn.init.kaiming_normal_(torch.zeros(2, 2), { nonlinearity: bad })).toThrow("Unsupported nonlinearity swish");
    expect(() => nn.init.kaiming_uniform_(torch.zeros(2, 2), 0, bad)).toThrow("Mode swish not supported, please use one of ['fan_in', 'fan_out']");
  });
});
