/**
 * Ops on tensors of rank 7 and 8. The wasm backend's XNNPACK kernels take at most 6 dims and used to
 * return uninitialised memory above that (`torch.ones(2,2,2,2,2,2,2).add(...)` began with 3.6e-41);
 * every elementwise, broadcasting, reducing and padding op is swept here against values computed
 * in plain JavaScript, forward and (for the broadcasting ones) backward. The same file runs on the cpu
 * backend (posttest), where tfjs has no rank limit.
 */
import { torch } from "../../src";
import { setRankCollapse } from "../../src/backend/guard";

type Tensor = InstanceType<typeof torch.Tensor>;

const flat = (t: Tensor): number[] => (t.flatten().tolist() as (number | boolean)[]).map(Number);
const numel = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

function stridesOf(shape: number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1] * shape[i + 1];
  return s;
}

function broadcastShape(...shapes: number[][]): number[] {
  const r = Math.max(...shapes.map((s) => s.length));
  return Array.from({ length: r }, (_, i) => Math.max(...shapes.map((s) => s[s.length - r + i] ?? 1)));
}

/** Values of `values` (shape `shape`) read at every index of `out`, broadcasting. */
function broadcastTo(values: number[], shape: number[], out: number[]): number[] {
  const st = stridesOf(shape);
  const ost = stridesOf(out);
  const lead = out.length - shape.length;
  return Array.from({ length: numel(out) }, (_, flatIndex) => {
    let src = 0;
    for (let d = 0; d < out.length; d++) {
      const i = Math.floor(flatIndex / ost[d]) % out[d];
      if (d >= lead && shape[d - lead] !== 1) src += i * st[d - lead];
    }
    return values[src];
  });
}

/** Reduces `values` of `shape` over `dims` with `f` (given the values of one reduced group). */
function reduceRef(values: number[], shape: number[], dims: number[], f: (xs: number[]) => number): number[] {
  const outShape = shape.map((d, i) => (dims.includes(i) ? 1 : d));
  const groups: number[][] = Array.from({ length: numel(outShape) }, () => []);
  const st = stridesOf(shape);
  const ost = stridesOf(outShape);
  values.forEach((v, flatIndex) => {
    let o = 0;
    for (let d = 0; d < shape.length; d++) {
      const i = Math.floor(flatIndex / st[d]) % shape[d];
      if (!dims.includes(d)) o += i * ost[d];
    }
    groups[o].push(v);
  });
  return groups.map(f);
}

/** Applies `f` along `dim` (each line of values in order) and writes results back in place order. */
function alongRef(values: number[], shape: number[], dim: number, f: (xs: number[]) => number[]): number[] {
  const out = new Array<number>(values.length);
  const st = stridesOf(shape);
  const outer = numel(shape.slice(0, dim));
  const inner = st[dim];
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const idx = Array.from({ length: shape[dim] }, (_, k) => o * shape[dim] * inner + k * inner + i);
      const ys = f(idx.map((j) => values[j]));
      idx.forEach((j, k) => (out[j] = ys[k]));
    }
  }
  return out;
}

function expectClose(actual: number[], expected: number[], what: string): void {
  expect({ what, length: actual.length }).toEqual({ what, length: expected.length });
  const bad = actual.findIndex((a, i) => {
    const e = expected[i];
    if (Number.isNaN(e)) return !Number.isNaN(a);
    return !(Math.abs(a - e) <= 1e-4 + 1e-4 * Math.abs(e));
  });
  if (bad >= 0) throw new Error(`${what}: element ${bad} is ${actual[bad]}, expected ${expected[bad]}`);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Operand shape pairs at ranks 7 and 8, including patterns that no merging of dims reduces to 6. */
const PAIRS: [string, number[], number[]][] = [
  ["equal", [2, 2, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2, 2]],
  ["trailing vector", [2, 1, 2, 3, 1, 2, 3], [3]],
  ["scalar-like", [1, 2, 1, 1, 1, 2, 3], [1]],
  ["alternating", [2, 1, 3, 1, 2, 1, 2], [1, 2, 3, 2, 1, 2, 1]],
  ["rank 8", [1, 2, 2, 3, 1, 2, 2, 3], [2, 1, 1, 2, 2, 1]],
  ["rank 8 alternating", [2, 1, 2, 1, 2, 1, 2, 1], [1, 2, 1, 2, 1, 2, 1, 2]],
];

const BINARY: [string, (a: Tensor, b: Tensor) => Tensor, (x: number, y: number) => number][] = [
  ["add", (a, b) => a.add(b), (x, y) => x + y],
  ["sub", (a, b) => a.sub(b), (x, y) => x - y],
  ["mul", (a, b) => a.mul(b), (x, y) => x * y],
  ["div", (a, b) => a.div(b), (x, y) => x / y],
  ["pow", (a, b) => a.abs().add(0.5).pow(b), (x, y) => Math.pow(Math.abs(x) + 0.5, y)],
  ["maximum", (a, b) => torch.maximum(a, b), Math.max],
  ["minimum", (a, b) => torch.minimum(a, b), Math.min],
  ["remainder", (a, b) => a.remainder(b.abs().add(0.5)), (x, y) => x - Math.floor(x / (Math.abs(y) + 0.5)) * (Math.abs(y) + 0.5)],
  ["gt", (a, b) => a.gt(b), (x, y) => Number(x > y)],
  ["le", (a, b) => a.le(b), (x, y) => Number(x <= y)],
  ["eq", (a, b) => a.eq(b), (x, y) => Number(x === y)],
  ["logical_and", (a, b) => a.gt(0).logical_and(b.gt(0)), (x, y) => Number(x > 0 && y > 0)],
  ["where", (a, b) => torch.where(a.gt(b), a, b.mul(2)), (x, y) => (x > y ? x : 2 * y)],
  ["masked_fill", (a, b) => a.masked_fill(b.gt(0), 7), (x, y) => (y > 0 ? 7 : x)],
  ["clamp by tensors", (a, b) => a.clamp(b.sub(1), b.add(0.5)), (x, y) => Math.min(Math.max(x, y - 1), y + 0.5)],
];

const UNARY: [string, (a: Tensor) => Tensor, (x: number) => number][] = [
  ["neg", (a) => a.neg(), (x) => -x],
  ["exp", (a) => a.exp(), Math.exp],
  ["log", (a) => a.abs().add(0.1).log(), (x) => Math.log(Math.abs(x) + 0.1)],
  ["sqrt", (a) => a.abs().sqrt(), (x) => Math.sqrt(Math.abs(x))],
  ["square", (a) => a.square(), (x) => x * x],
  ["reciprocal", (a) => a.abs().add(1).reciprocal(), (x) => 1 / (Math.abs(x) + 1)],
  ["tanh", (a) => a.tanh(), Math.tanh],
  ["sigmoid", (a) => a.sigmoid(), sigmoid],
  ["sin", (a) => a.sin(), Math.sin],
  ["floor", (a) => a.mul(3).floor(), (x) => Math.floor(x * 3)],
  ["sign", (a) => a.sign(), Math.sign],
  ["relu", (a) => a.relu(), (x) => Math.max(x, 0)],
  ["leaky_relu", (a) => torch.nn.functional.leaky_relu(a, 0.1), (x) => (x > 0 ? x : 0.1 * x)],
  ["elu", (a) => torch.nn.functional.elu(a), (x) => (x > 0 ? x : Math.expm1(x))],
  ["silu", (a) => torch.nn.functional.silu(a), (x) => x * sigmoid(x)],
  ["softplus", (a) => torch.nn.functional.softplus(a), (x) => Math.log1p(Math.exp(x))],
  ["clamp", (a) => a.clamp(-0.5, 0.25), (x) => Math.min(Math.max(x, -0.5), 0.25)],
  ["add scalar", (a) => a.add(2.5), (x) => x + 2.5],
  ["mul scalar", (a) => a.mul(-3), (x) => x * -3],
  ["rsub", (a) => torch.rsub(a, 1), (x) => 1 - x],
  ["isnan", (a) => a.log().isnan(), (x) => Number(x < 0)],
];

const SHAPES = [
  [2, 1, 3, 2, 1, 2, 3],
  [1, 2, 2, 3, 1, 2, 2, 3],
];

describe.each(PAIRS)("broadcasting at rank >= 7: %s %j with %j", (_name, sa, sb) => {
  let a: Tensor;
  let b: Tensor;
  let out: number[];
  let av: number[];
  let bv: number[];
  beforeAll(() => {
    torch.manual_seed(7);
    a = torch.randn(sa);
    b = torch.randn(sb);
    out = broadcastShape(sa, sb);
    av = broadcastTo(flat(a), sa, out);
    bv = broadcastTo(flat(b), sb, out);
  });

  test.each(BINARY)("%s", (name, op, ref) => {
    const y = op(a, b);
    expect(y.shape).toEqual(out);
    expectClose(flat(y), av.map((x, i) => ref(x, bv[i])), name);
  });

  test("gradients of a * b flow back to both shapes", () => {
    const x = a.clone().requires_grad_();
    const w = b.clone().requires_grad_();
    x.mul(w).mul(x.add(1)).sum().backward();
    // d/dx = w * (2x + 1), summed over the dims x was broadcast along; d/dw = x * (x + 1), likewise.
    const dx = av.map((xv, i) => bv[i] * (2 * xv + 1));
    const dw = av.map((xv) => xv * (xv + 1));
    const sumTo = (g: number[], shape: number[]) => {
      const padded = [...Array<number>(out.length - shape.length).fill(1), ...shape];
      const dims = out.map((d, i) => i).filter((i) => padded[i] === 1 && out[i] !== 1);
      return reduceRef(g, out, dims, sum);
    };
    expectClose(flat(x.grad!), sumTo(dx, sa), "grad a");
    expectClose(flat(w.grad!), sumTo(dw, sb), "grad b");
  });
});

describe.each(SHAPES.map((s) => [s.length, s] as const))("rank %i ops on %j", (_rank, shape) => {
  let x: Tensor;
  let xv: number[];
  const r = shape.length;
  beforeAll(() => {
    torch.manual_seed(r);
    x = torch.randn(shape);
    xv = flat(x);
  });

  test.each(UNARY)("%s", (name, op, ref) => {
    const y = op(x);
    expect(y.shape).toEqual(shape);
    expectClose(flat(y), xv.map(ref), name);
  });

  const mid = 3;
  const dimCases: [string, number[]][] = [
    ["first", [0]],
    ["middle", [mid]],
    ["last", [shape.length - 1]],
    ["several", [1, mid, shape.length - 1]],
  ];

  test.each(dimCases)("sum / mean / amax / var over the %s dim(s), keepdim", (_w, dims) => {
    const count = numel(dims.map((d) => shape[d]));
    expectClose(flat(x.sum(dims, true)), reduceRef(xv, shape, dims, sum), "sum");
    expectClose(flat(x.mean(dims, true)), reduceRef(xv, shape, dims, (g) => sum(g) / count), "mean");
    expectClose(flat(x.amax(dims, true)), reduceRef(xv, shape, dims, (g) => Math.max(...g)), "amax");
    const variance = (g: number[]) => {
      const m = sum(g) / g.length;
      return sum(g.map((v) => (v - m) ** 2)) / (g.length - 1);
    };
    expectClose(flat(x.var(dims, { keepdim: true })), reduceRef(xv, shape, dims, variance), "var");
    expectClose(flat(x.std(dims, { keepdim: true })), reduceRef(xv, shape, dims, (g) => Math.sqrt(variance(g))), "std");
    expectClose(flat(x.logsumexp(dims, true)), reduceRef(xv, shape, dims, (g) => Math.log(sum(g.map(Math.exp)))), "logsumexp");
    expectClose(flat(x.norm(2, dims, true)), reduceRef(xv, shape, dims, (g) => Math.sqrt(sum(g.map((v) => v * v)))), "norm");
  });

  test.each([0, mid, r - 1])("along dim %i: softmax, log_softmax, cumsum, max/argmax, prod, all/any", (dim) => {
    const softmax = (g: number[]) => {
      const m = Math.max(...g);
      const e = g.map((v) => Math.exp(v - m));
      return e.map((v) => v / sum(e));
    };
    expectClose(flat(x.softmax(dim)), alongRef(xv, shape, dim, softmax), "softmax");
    expectClose(flat(x.log_softmax(dim)), alongRef(xv, shape, dim, (g) => softmax(g).map(Math.log)), "log_softmax");
    expectClose(flat(x.cumsum(dim)), alongRef(xv, shape, dim, (g) => g.map((_, i) => sum(g.slice(0, i + 1)))), "cumsum");
    const m = x.max(dim);
    expectClose(flat(m.values), reduceRef(xv, shape, [dim], (g) => Math.max(...g)), "max values");
    expectClose(flat(m.indices), reduceRef(xv, shape, [dim], (g) => g.indexOf(Math.max(...g))), "max indices");
    expectClose(flat(x.argmax(dim)), reduceRef(xv, shape, [dim], (g) => g.indexOf(Math.max(...g))), "argmax");
    expectClose(flat(x.prod(dim)), reduceRef(xv, shape, [dim], (g) => g.reduce((p, v) => p * v, 1)), "prod");
    expectClose(flat(x.gt(0).all(dim)), reduceRef(xv, shape, [dim], (g) => Number(g.every((v) => v > 0))), "all");
    expectClose(flat(x.gt(0).any(dim)), reduceRef(xv, shape, [dim], (g) => Number(g.some((v) => v > 0))), "any");
  });

  test("the issue's softmax: torch.zeros(1,2,1,1,1,1,3).softmax(6)", () => {
    expectClose(flat(torch.zeros(1, 2, 1, 1, 1, 1, 3).softmax(6)), new Array(6).fill(1 / 3), "softmax");
  });

  test("constant padding of every dim, and of the last dims", () => {
    const pads = shape.flatMap((_, i) => [i % 2, (i + 1) % 3]);
    const y = torch.nn.functional.pad(x, pads, "constant", 0.5);
    // F.pad's list starts with the last dim.
    const per = shape.map((_, d) => [pads[2 * (r - 1 - d)], pads[2 * (r - 1 - d) + 1]]);
    const outShape = shape.map((s, d) => s + per[d][0] + per[d][1]);
    expect(y.shape).toEqual(outShape);
    const st = stridesOf(shape);
    const ost = stridesOf(outShape);
    const expected = Array.from({ length: numel(outShape) }, (_, f) => {
      let src = 0;
      for (let d = 0; d < r; d++) {
        const i = (Math.floor(f / ost[d]) % outShape[d]) - per[d][0];
        if (i < 0 || i >= shape[d]) return 0.5;
        src += i * st[d];
      }
      return xv[src];
    });
    expectClose(flat(y), expected, "pad");
    // Seven or eight padded dims are more than one XNNPACK pad takes.
    const all = torch.nn.functional.pad(x, new Array(2 * r).fill(1), "constant", 1);
    expect(all.shape).toEqual(shape.map((s) => s + 2));
    expect(all.sum().item()).toBeCloseTo(x.sum().item() + numel(shape.map((s) => s + 2)) - numel(shape), 2);
    expectClose(flat(all.narrow(0, 1, shape[0]).narrow(r - 1, 1, shape[r - 1]).sum()), [x.sum().item() + numel(shape.slice(1, -1).map((s) => s + 2)) * shape[0] * shape[r - 1] - numel(shape)], "pad all");
    const last = torch.nn.functional.pad(x, [1, 2, 0, 1]);
    expect(last.shape).toEqual([...shape.slice(0, -2), shape[r - 2] + 1, shape[r - 1] + 3]);
    expect(last.sum().item()).toBeCloseTo(x.sum().item(), 4);
  });

  test("movement: permute, flip, cat, repeat keep every value", () => {
    const perm = shape.map((_, i) => r - 1 - i);
    const p = x.permute(perm);
    expect(p.shape).toEqual(perm.map((d) => shape[d]));
    expect(p.sum().item()).toBeCloseTo(x.sum().item(), 4);
    expectClose(flat(p.permute(perm)), xv, "permute twice");
    expectClose(flat(x.flip([0, mid]).flip([0, mid])), xv, "flip twice");
    expectClose(flat(torch.cat([x, x], mid).narrow(mid, shape[mid], shape[mid])), xv, "cat + narrow");
    expect(x.repeat(shape.map((_, i) => (i === mid ? 2 : 1))).sum().item()).toBeCloseTo(2 * x.sum().item(), 3);
  });
});

describe("backend status failures are errors, never results", () => {
  const wasm = () => torch.backend().startsWith("wasm");

  test("an XNNPACK kernel that refuses its shape raises RuntimeError instead of returning uninitialised memory", () => {
    if (!wasm()) return;
    setRankCollapse(false);
    try {
      const a = torch.ones(2, 2, 2, 2, 2, 2, 2);
      expect(() => a.add(a)).toThrow(torch.RuntimeError);
      expect(() => a.add(a)).toThrow(/Add: the wasm backend reported a failure instead of a result \(XNN status/);
    } finally {
      setRankCollapse(true);
    }
    const a = torch.ones(2, 2, 2, 2, 2, 2, 2);
    expect(flat(a.add(a))).toEqual(new Array(128).fill(2));
  });
});
