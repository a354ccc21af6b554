/**
 * The kernel choices in src/ops/_core.ts that replace slow wasm paths: expandTo (a broadcasting add
 * instead of tfjs's Tile), select (the Select kernel without where's broadcasts) and matMul2d
 * (transposed operands materialised, in whichever order moves fewer elements). Checked against
 * plain JavaScript references, on whichever backend the suite runs.
 */
import { torch } from "../../src";
import { tf, expandTo, select, matMul2d } from "../../src/ops/_core";

function seq(n: number, scale = 0.37): number[] {
  return Array.from({ length: n }, (_, i) => Math.sin(i * scale) * 3);
}

function naiveBroadcast(values: number[], from: number[], to: number[]): number[] {
  const lead = to.length - from.length;
  const out: number[] = [];
  const total = to.reduce((a, b) => a * b, 1);
  for (let flat = 0; flat < total; flat++) {
    let rem = flat;
    let src = 0;
    let stride = 1;
    const idx = new Array<number>(to.length);
    for (let d = to.length - 1; d >= 0; d--) {
      idx[d] = rem % to[d];
      rem = Math.floor(rem / to[d]);
    }
    for (let d = to.length - 1; d >= lead; d--) {
      const size = from[d - lead];
      src += (size === 1 ? 0 : idx[d]) * stride;
      stride *= size;
    }
    out.push(values[src]);
  }
  return out;
}

describe("expandTo", () => {
  const cases: [string, number[], number[], "float32" | "int32" | "bool"][] = [
    ["scalar to [2,3,4] float32", [], [2, 3, 4], "float32"],
    ["[1,3,1] to [2,3,4] float32", [1, 3, 1], [2, 3, 4], "float32"],
    ["[4] to [3,2,4] int32", [4], [3, 2, 4], "int32"],
    ["[2,1] to [2,5] bool", [2, 1], [2, 5], "bool"],
    ["same shape [3,2] is returned as is", [3, 2], [3, 2], "float32"],
  ];
  it.each(cases)("%s", (_, from, to, dtype) => {
    const n = from.reduce((a, b) => a * b, 1);
    const vals = dtype === "bool" ? seq(n).map((v) => (v > 0 ? 1 : 0)) : dtype === "int32" ? seq(n).map(Math.round) : seq(n);
    const got = tf.tidy(() => {
      const x = tf.tensor(vals, from, dtype);
      const y = expandTo(x, to);
      if (from.join() === to.join()) expect(y).toBe(x);
      return { shape: y.shape, dtype: y.dtype, data: Array.from(y.dataSync()) };
    });
    expect(got.shape).toEqual(to);
    expect(got.dtype).toBe(dtype);
    expect(got.data).toEqual(naiveBroadcast(vals.map((v) => Math.fround(v)), from, to));
  });

  it("mean's gradient over a [4,3,5,6] input is 1/n everywhere (the MSELoss backward that used Tile)", () => {
    const x = torch.randn(4, 3, 5, 6).requires_grad_();
    torch.nn.functional.mse_loss(x, torch.zeros(4, 3, 5, 6)).backward();
    const g = Array.from(x.grad!.dataSync());
    const xs = Array.from(x.dataSync());
    g.forEach((v, i) => expect(v).toBeCloseTo((2 * xs[i]) / 360, 6));
  });

  it("expand() and its gradient through a [3,1] -> [2,3,4] view", () => {
    const a = torch.tensor([[1], [2], [3]], { dtype: "float32" }).requires_grad_();
    const e = a.expand(2, 3, 4);
    expect(e.tolist()).toEqual([0, 1].map(() => [1, 2, 3].map((v) => [v, v, v, v])));
    e.mul(torch.arange(24).reshape(2, 3, 4)).sum().backward();
    // d/da[r] = sum over the batch and the 4 columns of arange values at row r.
    const expected = [0, 1, 2].map((r) => [0, 1].reduce((s, b) => s + [0, 1, 2, 3].reduce((t, c) => t + b * 12 + r * 4 + c, 0), 0));
    expect(a.grad!.reshape(-1).tolist()).toEqual(expected);
  });
});

describe("select", () => {
  it("picks per element like where, and falls back to where when shapes differ", () => {
    const got = tf.tidy(() => {
      const c = tf.tensor([1, 0, 1, 0, 0, 1], [2, 3], "bool");
      const a = tf.tensor(seq(6), [2, 3]);
      const b = tf.tensor(seq(6, 1.1), [2, 3]);
      const same = Array.from(select(c, a, b).dataSync());
      const bc = Array.from(select(tf.tensor([1, 0, 1], [3], "bool"), a, b).dataSync());
      return { same, bc };
    });
    const a = seq(6).map(Math.fround);
    const b = seq(6, 1.1).map(Math.fround);
    expect(got.same).toEqual([a[0], b[1], a[2], b[3], b[4], a[5]]);
    expect(got.bc).toEqual([a[0], b[1], a[2], a[3], b[4], a[5]]);
  });

  it("masked_fill and where on tensors give PyTorch's values", () => {
    const x = torch.tensor([[1, -2, 3], [-4, 5, -6]], { dtype: "float32" }).requires_grad_();
    const y = x.masked_fill(x.lt(0), 0);
    expect(y.tolist()).toEqual([[1, 0, 3], [0, 5, 0]]);
    torch.where(x.gt(0), x, x.mul(2)).sum().backward();
    expect(x.grad!.tolist()).toEqual([[1, 2, 1], [2, 1, 2]]);
  });
});

describe("matMul2d", () => {
  function naive(a: number[], ar: number, ac: number, b: number[], br: number, bc: number, ta: boolean, tb: boolean): number[] {
    const n = ta ? ac : ar;
    const k = ta ? ar : ac;
    const m = tb ? br : bc;
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let q = 0; q < k; q++) s += (ta ? a[q * ac + i] : a[i * ac + q]) * (tb ? b[j * bc + q] : b[q * bc + j]);
        out.push(s);
      }
    }
    return out;
  }
  // Shapes where each order wins: a small result (Linear's weight gradient [10816, 10]-like) and a large one.
  const cases: [string, [number, number], [number, number], boolean, boolean][] = [
    ["x^T g, tall x (the weight gradient shape)", [64, 300], [64, 10], true, false],
    ["g w^T, wide w (the input gradient shape)", [64, 10], [300, 10], false, true],
    ["x^T y^T", [7, 5], [3, 7], true, true],
    ["small x^T g (batch 4)", [4, 12], [4, 3], true, false],
    ["no transposes", [5, 6], [6, 4], false, false],
  ];
  it.each(cases)("%s", (_, sa, sb, ta, tb) => {
    const av = seq(sa[0] * sa[1]).map(Math.fround);
    const bv = seq(sb[0] * sb[1], 0.71).map(Math.fround);
    const got = tf.tidy(() => Array.from(matMul2d(tf.tensor(av, sa), tf.tensor(bv, sb), ta, tb).dataSync()));
    const want = naive(av, sa[0], sa[1], bv, sb[0], sb[1], ta, tb);
    expect(got.length).toBe(want.length);
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 3));
  });

  it("Linear's gradients match the closed form x^T g and g W", () => {
    const lin = new torch.nn.Linear(300, 10);
    const x = torch.randn(64, 300);
    const g = torch.randn(64, 10);
    const xr = x.requires_grad_();
    lin(xr).backward(g);
    const wantW = naive(Array.from(g.dataSync()), 64, 10, Array.from(x.dataSync()), 64, 300, true, false);
    Array.from(lin.weight.grad!.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(wantW[i], 3));
    const wantX = naive(Array.from(g.dataSync()), 64, 10, Array.from(lin.weight.dataSync()), 10, 300, false, false);
    Array.from(xr.grad!.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(wantX[i], 3));
  });
});
