/**
 * Long float32 sums. wasm's Sum/Mean kernels add into one float32 accumulator in turn, so large
 * reductions silently lost their low bits (`torch.ones(2e7).sum()` gave 16777216, the mean of 16M
 * values of 0.1 gave 0.1149, a std over vgg's 102M weights came out 14% low). Each case is compared
 * with a float64 sum done in plain JavaScript. The same file runs on the cpu backend (posttest).
 */
import { torch } from "../../src";

type Tensor = InstanceType<typeof torch.Tensor>;

const flat = (t: Tensor): number[] => (t.flatten().tolist() as number[]).map(Number);
/** Deterministic values of mixed sign and magnitude, exactly representable once rounded to float32. */
const values = (n: number, scale = 1, offset = 0): Float32Array => Float32Array.from({ length: n }, (_, i) => offset + scale * Math.sin(i * 0.7311 + 0.3));

function expectClose(actual: number[], expected: number[], rel: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i];
    if (Math.abs(a - e) > rel * Math.max(1, Math.abs(e))) throw new Error(`element ${i}: got ${a}, expected ${e} (relative tolerance ${rel})`);
  });
}

describe("sums of many float32 values keep PyTorch's precision", () => {
  test("torch.ones(2e7).sum() is 2e7 exactly (was 16777216 on wasm)", () => {
    expect(torch.ones(20_000_000).sum().item()).toBe(20_000_000);
  });

  test("the mean of 16M values of 0.1 is 0.1 (was 0.1149 on wasm)", () => {
    expect(Math.abs(torch.full([4000, 4000], 0.1).mean().item() - 0.1)).toBeLessThan(1e-6);
  });

  test("a sum over a middle dim of odd length, with and without keepdim", () => {
    const [a, b, c] = [3, 20_001, 5];
    const v = values(a * b * c, 1, 0.25);
    const x = torch.tensor(Array.from(v)).reshape(a, b, c);
    const expected: number[] = [];
    for (let i = 0; i < a; i++) {
      for (let k = 0; k < c; k++) {
        let s = 0;
        for (let j = 0; j < b; j++) s += v[(i * b + j) * c + k];
        expected.push(s);
      }
    }
    expectClose(flat(x.sum(1)), expected, 1e-6);
    const kept = x.sum(1, true);
    expect(kept.shape).toEqual([a, 1, c]);
    expectClose(flat(kept), expected, 1e-6);
  });

  test("a mean over two separated dims, as batch norm's statistics are taken", () => {
    const [n, ch, hw] = [300, 4, 50];
    const v = values(n * ch * hw, 3, 1);
    const x = torch.tensor(Array.from(v)).reshape(n, ch, hw);
    const expected = Array.from({ length: ch }, (_, k) => {
      let s = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < hw; j++) s += v[(i * ch + k) * hw + j];
      return s / (n * hw);
    });
    expectClose(flat(x.mean([0, 2])), expected, 1e-6);
  });

  test("std of 4M small weights (an init check) matches the float64 value", () => {
    const v = values(1 << 22, 0.01);
    let s = 0;
    for (const e of v) s += e;
    const mean = s / v.length;
    let ss = 0;
    for (const e of v) ss += (e - mean) * (e - mean);
    const std = Math.sqrt(ss / (v.length - 1));
    const x = torch.tensor(Array.from(v));
    expect(Math.abs(x.std().item() - std) / std).toBeLessThan(1e-5);
    expect(Math.abs(x.pow(2).sum().item() - ss - s * mean) / ss).toBeLessThan(1e-5);
  });

  test("gradients through a staged sum are unchanged", () => {
    const x = torch.full([5, 10_000], 0.5, { requires_grad: true });
    x.mean().backward();
    const g = flat(x.grad as Tensor);
    expect(new Set(g)).toEqual(new Set([Math.fround(1 / 50_000)]));
  });
});
