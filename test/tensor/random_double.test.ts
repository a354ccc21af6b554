/**
 * torch.rand / torch.randn with dtype=torch.float64 draw PyTorch's double stream (53-bit uniforms,
 * Box-Muller in doubles), not the float32 one, so that a seeded float64 stand-in (d2l's numpy draws in
 * underfit-overfit) gets PyTorch's values; torchlab keeps them at float32 precision
 * (test/reference/gen_random_double.py).
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";

const REF = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "random_double.json"), "utf8")) as Record<string, unknown>;

function close(got: number[], want: number[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 6));
}

describe("float64 random draws are PyTorch's", () => {
  for (const n of [3, 16, 37]) {
    test(`rand(${n}, dtype=float64)`, () => {
      torch.manual_seed(0);
      const t = torch.rand(n, { dtype: torch.float64 });
      expect(t.dtype).toBe(torch.float64);
      close(t.tolist() as number[], REF[`rand_${n}`] as number[]);
    });
    test(`randn(${n}, dtype=float64)`, () => {
      torch.manual_seed(0);
      close(torch.randn(n, { dtype: torch.float64 }).tolist() as number[], REF[`randn_${n}`] as number[]);
    });
  }
  test("randn([100, 1], dtype=float64) then randperm(100) continue the same stream", () => {
    torch.manual_seed(0);
    const [x, p] = REF.randn_then_randperm as [number[], number[]];
    close(torch.randn([100, 1], { dtype: torch.float64 }).index(":4, 0").tolist() as number[], x);
    expect((torch.randperm(100).tolist() as number[]).slice(0, 8)).toEqual(p);
  });
});
