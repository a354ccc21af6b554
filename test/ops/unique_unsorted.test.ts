/**
 * torch.unique(x, {sorted: false}) in PyTorch 1.13's CPU order (its std::unordered_set's), with
 * return_inverse and return_counts consistent with it (test/reference/gen_unique_unsorted.py).
 */
import { torch } from "../../src";
import { build, expectClose, readReference, type Encoded } from "../tensor/fixtures";

interface Case {
  name: string;
  input: Encoded;
  output: Encoded;
  inverse: Encoded;
  counts: Encoded;
}
const CASES = readReference<Case[]>("unique_unsorted.json");

describe("unique(sorted=false) as PyTorch 1.13 orders it", () => {
  test.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const x = build(c.input);
    const [u, inv, cnt] = torch.unique(x, { sorted: false, return_inverse: true, return_counts: true });
    expectClose("output", u, c.output, 1e-6, 0);
    expectClose("inverse", inv, c.inverse, 0, 0);
    expectClose("counts", cnt, c.counts, 0, 0);
    expectClose("positional", torch.unique(x, false) as InstanceType<typeof torch.Tensor>, c.output, 1e-6, 0);
    expectClose("method", x.unique({ sorted: false }), c.output, 1e-6, 0);
  });

  test("sorted (the default) and dim stay ascending", () => {
    const x = torch.tensor([3, 1, 2, 3, 1, 5]);
    expect(torch.unique(x).tolist()).toEqual([1, 2, 3, 5]);
    expect((torch.unique(torch.tensor([[1, 2], [1, 2], [0, 5]]), { sorted: false, dim: 0 }) as InstanceType<typeof torch.Tensor>).tolist()).toEqual([[0, 5], [1, 2]]);
  });
});
