/**
 * A notebook cell using the extra math functions, linalg and register_hook type-checks under
 * TypeScript 5.0.4 (tslab's compiler) in strict mode, and a wrong call is a type error.
 */
import * as path from "path";
import * as ts from "typescript";
import { SRC, cellDiagnostics } from "../cell_types";

const CELL = `
import { torch } from "${SRC}";
type Tensor = torch.Tensor;
const x: Tensor = torch.randn(3, 4, { requires_grad: true });
const y: Tensor = torch.atan2(x, x.abs().add(1)).addcmul(x, x, { value: 0.5 }).lerp(x, 0.3);
const [std, mean]: [Tensor, Tensor] = torch.std_mean(x, 1, { unbiased: false });
const { values, indices } = torch.cummax(x, 1);
const mm = torch.aminmax(x, { dim: 0 });
const lo: Tensor = mm.min;
const { sign, logabsdet } = torch.linalg.slogdet(torch.eye(3));
const n: Tensor = torch.linalg.norm(x, { dim: 1 });
const h = x.register_hook((grad: Tensor) => grad.mul(2));
h.remove();
const z: Tensor = torch.linalg.solve(torch.eye(3), torch.ones(3)).add(torch.logspace(0, 2, 3));
x.detach().clamp_min_(0).t_().fill_diagonal_(1);
void [y, std, mean, values, indices, lo, sign, logabsdet, n, z];
// @ts-expect-error value is keyword-only
torch.addcmul(x, x, x, 0.5);
`;

test("a cell using the extra math API type-checks under TypeScript " + ts.version, () => {
  expect(ts.version).toBe("5.0.4");
  expect(cellDiagnostics(path.join(__dirname, "__math_cell__.ts"), CELL)).toEqual([]);
}, 120000);
