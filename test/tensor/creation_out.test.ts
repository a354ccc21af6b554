/**
 * `out=` on torch.rand / randn / zeros / ones against PyTorch 1.13 (test/reference/gen_tutorials4.py,
 * section creation_out): the values written (the seeded stream), the same tensor returned, and the
 * error for an out that is a leaf requiring grad.
 */
import { torch } from "../../src";
import { readReference } from "./fixtures";
import { expectTensor, Encoded } from "../tutorials/_tutorial";

const R = readReference<Record<string, Record<string, { out: Encoded; same: boolean } | [string, string]>>>("tutorials4.json").creation_out;

test("rand, randn, ones and zeros write into out and return it", () => {
  torch.manual_seed(3);
  const c = torch.zeros(2, 3);
  const cases: [string, () => InstanceType<typeof torch.Tensor>][] = [
    ["rand", () => torch.rand(2, 3, { out: c })],
    ["randn", () => torch.randn(2, 3, { out: c })],
    ["ones", () => torch.ones(2, 3, { out: c })],
    ["zeros", () => torch.zeros(2, 3, { out: c })],
  ];
  for (const [name, f] of cases) {
    const want = R[name] as { out: Encoded; same: boolean };
    expect(f() === c).toBe(want.same);
    expectTensor(c, want.out);
  }
});

test("an out that is a leaf requiring grad raises PyTorch's error", () => {
  const [cls, msg] = R.requires_grad_error as [string, string];
  expect(cls).toBe("RuntimeError");
  expect(() => torch.rand(2, 3, { out: torch.zeros(2, 3, { requires_grad: true }) })).toThrow(msg);
});
