/**
 * float32 sum and mean in PyTorch 1.13's order, var and std in double as PyTorch
 * (src/backend/sum_kernels.ts): every result carries the bits PyTorch's CPU kernel gives
 * (test/reference/gen_sum_order.py) — whole reductions of 1 to
 * 100000 elements, dim 0 / dim -1 / middle dims / several dims, keepdim, and views (transposes,
 * permutations, strided slices, expanded dims). Runs on the active backend (wasm by default, cpu
 * under TORCHLAB_BACKEND=cpu).
 */
import { torch, Tensor } from "../../src";
import { tf } from "../../src/backend/tf";
import { torchSumT, torchMomentsT } from "../../src/backend/sum_kernels";
import { prng } from "../prng";
import { readReference } from "../tensor/fixtures";

interface Case {
  shape: number[];
  dim: number | number[] | null;
  keepdim: boolean;
  op: "sum" | "mean" | "var" | "std";
  correction?: number;
  kind: "signed" | "positive" | "mixed";
  view: null | ["t"] | ["permute", number[]] | ["step"] | ["expand", number[]];
  seed: number;
  out_shape: number[];
  bits: string[];
}

interface Print {
  n: number;
  d: number;
  op: "sum" | "mean";
  dim: number | null;
  repr: string;
}

const { cases, prints } = readReference<{ cases: Case[]; prints: Print[] }>("sum_order.json");

/** gen_sum_order.py's values: m * 2^(e - 22), m a 24-bit integer, exact in float32. */
function values(seed: number, n: number, kind: Case["kind"]): Float32Array {
  const r = prng(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const m = Math.floor(r() * 2 ** 24);
    let v = kind === "positive" ? m * 2 ** -22 : (m - 2 ** 23) * 2 ** -22;
    if (kind === "mixed") v *= 2 ** (Math.floor(r() * 7) - 3);
    out[i] = v;
  }
  return out;
}

function view(x: Tensor, v: Case["view"]): Tensor {
  if (v === null) return x;
  if (v[0] === "t") return x.t();
  if (v[0] === "permute") return x.permute(v[1]);
  if (v[0] === "step") return x.index("..., ::2");
  return x.expand(v[1]);
}

const isNaNBits = (h: string): boolean => (parseInt(h, 16) & 0x7fffffff) > 0x7f800000;

const hex = (f: Float32Array): string[] => Array.from(new Uint32Array(f.buffer, f.byteOffset, f.length), (u) => u.toString(16).padStart(8, "0"));

const label = (c: Case): string =>
  `${c.op}${c.correction === undefined ? "" : `(correction=${c.correction})`} x=[${c.shape}]${c.view ? ` ${c.view[0]}${c.view[1] ? `=[${c.view[1]}]` : ""}` : ""} dim=${JSON.stringify(c.dim)}${c.keepdim ? " keepdim" : ""} ${c.kind}`;

describe("float32 sum, mean, var and std carry PyTorch 1.13's bits", () => {
  it.each(cases.map((c) => [label(c), c] as const))("%s", (_, c) => {
    const n = c.shape.reduce((p, d) => p * d, 1);
    const x = view(torch.from_typed(values(c.seed, n, c.kind), c.shape), c.view);
    let y: Tensor;
    if (c.op === "var" || c.op === "std") y = x[c.op]({ dim: c.dim, correction: c.correction, keepdim: c.keepdim });
    else {
      const f = c.op === "sum" ? torch.sum : torch.mean;
      y = c.dim === null ? f(x) : f(x, c.dim, c.keepdim);
    }
    expect(y.shape).toEqual(c.out_shape);
    const got = hex(Float32Array.from(y.flatten().tolist() as number[]));
    // Any NaN matches a NaN (PyTorch's 0 / 0 is the negative quiet NaN; the sign of a NaN is not shown).
    const bad = got.findIndex((h, i) => h !== c.bits[i] && !(isNaNBits(h) && isNaNBits(c.bits[i])));
    expect(bad < 0 ? "same bits" : `element ${bad}: ${got[bad]}, PyTorch ${c.bits[bad]}`).toBe("same bits");
  });

  it.each(prints.map((p) => [`${p.op} of arange(${p.n}) / ${p.d}${p.dim === null ? "" : ` dim=${p.dim}`}`, p] as const))("prints %s as PyTorch does", (_, p) => {
    const x = torch.arange(p.n, { dtype: torch.float32 }).div(p.d).reshape(-1, p.dim === null ? p.n : 10);
    const f = p.op === "sum" ? torch.sum : torch.mean;
    expect(String(p.dim === null ? f(x) : f(x, p.dim))).toBe(p.repr);
  });

  it("tfjs's autodiff through TorchlabSum and TorchlabMoments (create_graph) gives the gradients of sum, mean, var and std", () => {
    // x [2, 3, 4] reduced over dims 0 and 2: 8 terms for each of the 3 outputs.
    const xv = values(7, 24, "mixed");
    const dyv = values(8, 3, "signed");
    const x = tf.tensor(xv, [2, 3, 4]);
    const dy = tf.tensor(dyv, [3]);
    const column = (i: number): number => Math.floor(i / 4) % 3;
    const stats = [0, 1, 2].map((c) => {
      const terms = Array.from(xv).filter((_, i) => column(i) === c);
      const mean = terms.reduce((a, b) => a + b, 0) / 8;
      return { mean, m2: terms.reduce((a, b) => a + (b - mean) ** 2, 0) };
    });
    const expectGrad = (got: tf.Tensor, want: (v: number, i: number) => number): void => {
      const g = got.dataSync();
      xv.forEach((v, i) => expect(Math.abs(g[i] - want(v, i))).toBeLessThan(1e-5 * Math.max(1, Math.abs(want(v, i)))));
    };
    for (const mean of [false, true]) {
      const got = tf.grad((v: tf.Tensor) => torchSumT(v, [0, 2], [12, 4, 1], mean) as tf.Tensor)(x, dy);
      expectGrad(got, (_, i) => dyv[column(i)] / (mean ? 8 : 1));
    }
    for (const [correction, sqrt] of [[1, false], [0, true]] as const) {
      const got = tf.grad((v: tf.Tensor) => torchMomentsT(v, [0, 2], correction, sqrt) as tf.Tensor)(x, dy);
      expectGrad(got, (v, i) => {
        const { mean, m2 } = stats[column(i)];
        const divisor = 8 - correction;
        return sqrt ? (dyv[column(i)] * (v - mean)) / (divisor * Math.sqrt(m2 / divisor)) : (dyv[column(i)] * 2 * (v - mean)) / divisor;
      });
    }
  });
});
