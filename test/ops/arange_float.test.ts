/**
 * torch.arange with floating bounds and steps gives PyTorch 1.13's float32 values bit for bit
 * (gen_arange_float.py): `torch.arange(-8.0, 8.0, 0.1)` holds 4.44e-16 where a naive start + i * step
 * gives 0, and ReLU's gradient there is PyTorch's 1.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";

type Case = { start: number; end: number; step: number; dtype: "float32" | "float64"; bits: number[] };
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "arange_float.json"), "utf8")) as {
  cases: Case[];
  relu_grad_78_83: number[];
  x_80: number;
};

beforeAll(async () => {
  await torch.ready();
});

test.each(R.cases.map((c) => [`${c.start}, ${c.end}, ${c.step} (${c.dtype})`, c] as const))("arange(%s) bit for bit", (_, c) => {
  const x = torch.arange(c.start, c.end, c.step, { dtype: c.dtype === "float64" ? torch.float64 : torch.float32 });
  expect(x.shape).toEqual([c.bits.length]);
  const bits = Array.from(new Int32Array(Float32Array.from(x.dataSync()).buffer));
  const wrong = bits.flatMap((b, i) => (b === c.bits[i] ? [] : [i]));
  expect(wrong).toEqual([]);
});

test("d2l's ReLU plot: x[80] is 4.44e-16 and its gradient 1, as in PyTorch", () => {
  const x = torch.arange(-8.0, 8.0, 0.1, { dtype: torch.float32, requires_grad: true });
  torch.relu(x).sum().backward();
  expect(x.get(80).item()).toBe(Math.fround(R.x_80));
  expect(x.grad!.index("78:83").tolist()).toEqual(R.relu_grad_78_83);
});
