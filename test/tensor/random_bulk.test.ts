/**
 * The generator's bulk fills (what nn.init draws with) against its one-value-at-a-time draws, and the
 * Box-Muller normals against the normal distribution: moments, tail masses and a Kolmogorov-Smirnov
 * distance on a million draws.
 */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";
import { filledFloat32 } from "../../src/backend/fill_buffer";
import { simdBoxMuller } from "../../src/backend/simd_normal";
import { boxMuller16 } from "../../src/tensor/random";

const nn = torch.nn;

/** Phi(x) through erfc (W. J. Cody's rational fits via Numerical Recipes' erfc, |error| < 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

describe("bulk fills draw exactly what single draws do", () => {
  test("fill_uniform(n, a, b) is n uniform(a, b) draws, split fills included", () => {
    const g1 = new torch.Generator(11);
    const g2 = new torch.Generator(11);
    // 1001 + 999 values cross mt19937's 624-word refills at different offsets.
    const bulk = new Float32Array(2000);
    g1.fill_uniform(bulk.subarray(0, 1001), -0.3, 0.7);
    g1.fill_uniform(bulk.subarray(1001), -0.3, 0.7);
    const one = Float32Array.from({ length: 2000 }, () => g2.uniform(-0.3, 0.7));
    expect(Array.from(bulk)).toEqual(Array.from(one));
    expect(g1._state_words()).toEqual(g2._state_words());
  });

  test("fill_normal below 16 values is normal() draws (the cached pair); from 16 it is Box-Muller on a uniform fill", () => {
    const g1 = new torch.Generator(5);
    const g2 = new torch.Generator(5);
    const small = g1.fill_normal(new Float32Array(5), 0.5, 2);
    expect(Array.from(small)).toEqual(Array.from({ length: 5 }, () => Math.fround(g2.normal() * 2 + 0.5)));
    expect(g1._state_words()).toEqual(g2._state_words());
    const g3 = new torch.Generator(5);
    const g4 = new torch.Generator(5);
    // 20 values: 16 + a refill of the last 16 (36 float draws in all).
    g3.fill_normal(new Float32Array(20));
    g4.fill_uniform(new Float32Array(36));
    expect(g3._state_words()).toEqual(g4._state_words());
  });

  test("randn and nn.init.normal_ share the stream: the same seed gives the same values", () => {
    torch.manual_seed(3);
    const a = torch.randn(4, 5);
    torch.manual_seed(3);
    const b = nn.init.normal_(torch.empty(4, 5));
    expect(a.equal(b)).toBe(true);
  });
});

describe("in-place random fills: the direct write and the autograd path draw the same values", () => {
  // A plain float tensor outside autograd is written directly (no second copy of the drawn tensor);
  // a view, or a tensor in a recorded graph, takes the in-place path. Each gives what rand would.
  test("uniform_ / normal_ on plain, float64, view and recorded tensors", () => {
    const draw = (f: () => InstanceType<typeof torch.Tensor>): number[] => {
      torch.manual_seed(7);
      return Array.from(f().detach().contiguous().dataSync());
    };
    const ref = draw(() => torch.rand(3, 700).mul(4).sub(1));
    expect(draw(() => torch.empty(3, 700).uniform_(-1, 3))).toEqual(ref);
    const plain = torch.empty(3, 700);
    const v0 = plain._version;
    torch.manual_seed(7);
    plain.uniform_(-1, 3);
    expect(plain._version).toBe(v0 + 1);
    const alias = torch.zeros(3, 700);
    const viewOf = alias.view(2100);
    torch.manual_seed(7);
    viewOf.uniform_(-1, 3);
    expect(Array.from(alias.dataSync())).toEqual(ref);
    const w = torch.zeros(3, 700, { requires_grad: true });
    torch.manual_seed(7);
    const y = w.mul(1).uniform_(-1, 3);
    expect(y.grad_fn?.name()).toBe("UniformBackward0");
    expect(Array.from(y.detach().dataSync())).toEqual(ref);
    expect(draw(() => torch.empty(2100).normal_(0.5, 2))).toEqual(draw(() => torch.randn(2100).mul(2).add(0.5)));
    expect(draw(() => torch.empty(50, { dtype: torch.float64 }).uniform_())).toEqual(draw(() => torch.rand(50, { dtype: torch.float64 })));
    expect(() => torch.empty(3).uniform_(2, 1)).toThrow("uniform_ expects to return a [from, to) range, but found from=2 > to=1");
    expect(() => torch.empty(3).normal_(0, -1)).toThrow("normal expects std >= 0.0, but found std -1");
  });
});

describe("direct fills draw into a new backend buffer (backend/fill_buffer.ts)", () => {
  test("a refused bound leaves the tensor's values and the backend's buffers as they were", () => {
    const t = torch.arange(6).float();
    const n = tf.memory().numTensors;
    expect(() => t.uniform_(2, 1)).toThrow("uniform_ expects to return a [from, to) range");
    // PyTorch's nn.init reaches the same checks (torchlab's init skipped them before).
    expect(() => nn.init.normal_(t, 0, -1)).toThrow("normal expects std >= 0.0, but found std -1");
    expect(() => nn.init.uniform_(t, 2, 1)).toThrow("uniform_ expects to return a [from, to) range, but found from=2 > to=1");
    expect(tf.memory().numTensors).toBe(n);
    expect(Array.from(t.dataSync())).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test("re-initialised weights reach the forward that ran before them (no stale filter or packed weights)", () => {
    torch.manual_seed(3);
    const conv = new nn.Conv2d(2, 3, 3);
    const lin = new nn.Linear(12, 4);
    const x = torch.randn(1, 2, 4, 4);
    const run = (): InstanceType<typeof torch.Tensor> => lin(conv(x).flatten(1));
    torch.no_grad(() => run());
    nn.init.normal_(conv.weight);
    conv.weight.data.uniform_(-2, 2);
    nn.init.kaiming_uniform_(lin.weight);
    lin.weight.data.normal_(0, 3);
    const got = torch.no_grad(() => run());
    const ref = torch.nn.functional.linear(torch.nn.functional.conv2d(x, conv.weight.detach().clone(), conv.bias!.detach().clone()).flatten(1), lin.weight.detach().clone(), lin.bias!.detach().clone());
    // The forward's kernels (a cached HWIO filter, XNNPACK's packed weights) round differently from
    // the functional ones in the last bits; stale weights would miss by far more.
    const [a, b] = [Array.from(got.dataSync()), Array.from(ref.dataSync())];
    expect(Math.max(...a.map((v, i) => Math.abs(v - b[i]) / (1 + Math.abs(b[i]))))).toBeLessThan(1e-5);
  });
});

describe("on wasm, the Box-Muller of a fill in the backend's heap runs as SIMD (backend/simd_normal.ts), bit for bit", () => {
  const heapFill = (n: number, write: (out: Float32Array) => void): Float32Array =>
    tf.tidy(() => filledFloat32([n], write).dataSync() as Float32Array);
  const firstDiff = (got: Float32Array, want: Float32Array): string => {
    const g = new Uint32Array(got.buffer, got.byteOffset, got.length);
    const w = new Uint32Array(want.buffer, want.byteOffset, want.length);
    for (let k = 0; k < w.length; k++) if (g[k] !== w[k]) return `${k}: ${got[k]} against ${want[k]}`;
    return "same";
  };

  test("normal fills of 50003 values (blocks of 16 and a tail) with several mean/std equal the scalar fill", async () => {
    await torch.ready();
    for (const [mean, std] of [[0, 1], [0.5, 0.02], [-3, 7]]) {
      const got = heapFill(50_003, (out) => new torch.Generator(77).fill_normal(out, mean, std));
      const want = new torch.Generator(77).fill_normal(new Float32Array(50_003), mean, std);
      expect(`${mean} ${std} ${firstDiff(got, want)}`).toBe(`${mean} ${std} same`);
    }
  });

  test("uniforms at the ends of the grid (u = 1 and 2^-24, angles 0 and 1 - 2^-24) and around each octant of the angle", async () => {
    await torch.ready();
    if (tf.getBackend() !== "wasm") return;
    const blocks = 2048;
    const d = new Float32Array(16 * blocks);
    const edges = [0, 2 ** -24, 0.5, 1 - 2 ** -24, 1 - 2 ** -23, 0.25, 0.125, 0.875];
    for (let b = 0; b < blocks; b++) {
      for (let k = 0; k < 8; k++) {
        // radius uniforms: the edges, then a 24-bit grid walk; angles: each octant's boundary +- a step.
        d[16 * b + k] = b < 1 ? edges[k] : ((b * 8 + k) * 2039 % 16777216) * 2 ** -24;
        const octant = (b * 8 + k) % 8;
        const step = (((b * 8 + k) >> 3) % 7) - 3;
        d[16 * b + 8 + k] = b < 1 ? edges[7 - k] : Math.max(0, Math.min(1 - 2 ** -24, octant / 8 + step * 2 ** -24));
      }
    }
    const want = d.slice();
    for (let o = 0; o < want.length; o += 16) boxMuller16(want, o, Math.fround(0.1), Math.fround(1.5));
    const got = heapFill(d.length, (out) => {
      out.set(d);
      expect(simdBoxMuller(out, blocks, Math.fround(0.1), Math.fround(1.5))).toBe(true);
    });
    expect(firstDiff(got, want)).toBe("same");
  });
});

describe("the Box-Muller fill draws the standard normal", () => {
  const n = 1_000_000;
  const z = new torch.Generator(2024).fill_normal(new Float32Array(n));
  // Sorted once for the KS distance.
  const sorted = Float64Array.from(z).sort();

  test("mean 0, variance 1, skewness 0 and kurtosis 3 within five standard errors", () => {
    let m1 = 0, m2 = 0, m3 = 0, m4 = 0;
    for (const v of z) {
      m1 += v;
      m2 += v * v;
      m3 += v * v * v;
      m4 += v * v * v * v;
    }
    m1 /= n; m2 /= n; m3 /= n; m4 /= n;
    // Standard errors of the sample moments of N(0, 1): 1, sqrt(2), sqrt(15), sqrt(96) over sqrt(n).
    const se = (k: number): number => (5 * Math.sqrt(k)) / Math.sqrt(n);
    expect(Math.abs(m1)).toBeLessThan(se(1));
    expect(Math.abs(m2 - 1)).toBeLessThan(se(2));
    expect(Math.abs(m3)).toBeLessThan(se(15));
    expect(Math.abs(m4 - 3)).toBeLessThan(se(96));
  });

  test.each([0.5, 1, 2, 3, 3.442619855899, 4])("P(|Z| > %d) within five standard errors", (x) => {
    const p = 2 * (1 - normalCdf(x));
    const count = z.reduce((c, v) => c + (Math.abs(v) > x ? 1 : 0), 0);
    expect(Math.abs(count / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n) + 1e-6);
  });

  test("Kolmogorov-Smirnov distance to Phi below the 0.1% critical value", () => {
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = normalCdf(sorted[i]);
      d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
    }
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
  });
});

test("init of a view writes through to its base, which stays a grad leaf", () => {
  torch.manual_seed(0);
  const lin = new nn.Linear(4, 3);
  const before = lin.weight.clone();
  const rows = lin.weight.narrow(0, 1, 2);
  nn.init.uniform_(rows, 5, 6);
  expect(lin.weight.narrow(0, 0, 1).equal(before.narrow(0, 0, 1))).toBe(true);
  const changed = lin.weight.narrow(0, 1, 2);
  expect(changed.min().item()).toBeGreaterThanOrEqual(5);
  expect(changed.max().item()).toBeLessThan(6);
  expect(lin.weight.is_leaf && lin.weight.requires_grad).toBe(true);
  nn.init.kaiming_normal_(lin.weight);
  lin(torch.ones(2, 4)).sum().backward();
  expect(lin.weight.grad!.shape).toEqual([3, 4]);
});
