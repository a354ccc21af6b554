/**
 * nn.utils.parametrizations.orthogonal against PyTorch 1.13 (test/reference/gen_orthogonal.py): each
 * map on square, tall and wide weights, with and without use_trivialization; the parametrized
 * weight, the stored original and its gradient, and PyTorch's errors.
 */
import { torch } from "../../src";
import type { Tensor } from "../../src";
import { build, expectClose, expectError, readReference, type Encoded, type Err } from "../tensor/fixtures";

const nn = torch.nn;
type Map = "matrix_exp" | "cayley" | "householder";
interface Case {
  name: string;
  in: number;
  out: number;
  map: Map | null;
  use_trivialization: boolean;
  w0: Encoded;
  weight: Encoded;
  original: Encoded;
  grad: Encoded;
}
const ref = readReference<{ cases: Case[]; errors: Record<string, Err> }>("orthogonal.json");

describe("orthogonal", () => {
  test.each(ref.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const lin = new nn.Linear(c.in, c.out);
    torch.no_grad(() => lin.weight.copy_(build(c.w0)));
    torch.manual_seed(0);
    const m = nn.utils.parametrizations.orthogonal(lin, "weight", c.map, { use_trivialization: c.use_trivialization });
    const W = m.weight as Tensor;
    expectClose("weight", W, c.weight, 1e-4, 1e-5);
    const C = torch.arange(c.out * c.in, { dtype: torch.float32 }).view(c.out, c.in).cos();
    W.mul(C).sum().backward();
    const orig = (m as unknown as { parametrizations: { weight: { original: Tensor } } }).parametrizations.weight.original;
    expectClose("original", orig, c.original, 1e-4, 1e-5);
    expectClose("grad", orig.grad!, c.grad, 1e-3, 1e-4);
  });

  test("errors", () => {
    expectError(() => nn.utils.parametrizations.orthogonal(new nn.BatchNorm1d(3)), ref.errors["1-D"]);
    expectError(() => nn.utils.parametrizations.orthogonal(new nn.Linear(3, 3), "weight", "qr" as Map), ref.errors["bad map"]);
    const m = nn.utils.parametrizations.orthogonal(new nn.Linear(3, 3)) as unknown as { weight: Tensor };
    expectError(() => {
      m.weight = torch.eye(4);
    }, ref.errors["assign shape"]);
  });
});
