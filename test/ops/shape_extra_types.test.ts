/**
 * A notebook cell written against the shape/indexing API (einsum, meshgrid, unique's array result,
 * unfold, tensor_split, cdist, broadcast_shapes, ...) type-checks in strict mode under TypeScript
 * 5.0.4, tslab's compiler; the destructured tuples get Tensor types, and a wrong option is a type error.
 */
import * as path from "path";
import * as ts from "typescript";
import { SRC, cellDiagnostics } from "../cell_types";

const CELL = `
import { torch } from "${SRC}";
type Tensor = torch.Tensor;
const q: Tensor = torch.randn(2, 2, 3, 4);
const scores: Tensor = torch.einsum("bhqd,bhkd->bhqk", q, q).softmax(-1);
const [gy, gx] = torch.meshgrid(torch.arange(3), torch.arange(4), { indexing: "ij" });
const grid: Tensor = torch.stack([gx, gy], -1);
const u: Tensor = torch.unique(torch.tensor([1, 2, 2]));
const [vals, inverse, counts] = torch.unique(torch.tensor([1, 2, 2]), { return_inverse: true, return_counts: true });
const firstCount: number = counts.get(0).item() + inverse.numel() + vals.numel();
const sortedOnly: Tensor = torch.unique(q, { sorted: true }).add(1);
const windows: Tensor = q.unfold(-1, 2, 1).movedim(0, -1).swapaxes(0, 1).broadcast_to([2, 2, 2, 3, 2, 2]);
const pieces: Tensor[] = torch.tensor_split(q, 3, { dim: -1 });
const d: Tensor = torch.cdist(torch.randn(3, 2), torch.randn(4, 2), 1).add(torch.block_diag(torch.ones(1, 2), torch.ones(2, 2)).sum());
const size = torch.broadcast_shapes([2, 1], [3]);
const rows: number = size[0];
const one: Tensor = torch.atleast_2d(torch.tensor(1));
const idx: Tensor = torch.searchsorted(torch.tensor([1, 3]), torch.tensor([2]), { side: "right" });
const acc: Tensor = torch.index_add(torch.zeros(3), 0, torch.tensor([0, 0]), torch.ones(2), { alpha: 2 });
void [scores, grid, u, firstCount, sortedOnly, windows, pieces, d, rows, one, idx, acc];
// @ts-expect-error indexing is "ij" or "xy"
torch.meshgrid(torch.arange(2), { indexing: "yx" });
`;

test("a cell using the shape/indexing API type-checks under TypeScript " + ts.version, () => {
  expect(ts.version).toBe("5.0.4");
  expect(cellDiagnostics(path.join(__dirname, "__shape_cell__.ts"), CELL)).toEqual([]);
}, 120000);
