/**
 * A notebook cell using nn.utils.prune, parametrize, parametrizations, weight_norm / spectral_norm
 * and the linalg gradients type-checks under TypeScript 5.0.4 (tslab's compiler) in strict mode,
 * and a wrong call is a type error.
 */
import * as path from "path";
import * as ts from "typescript";
import { SRC, cellDiagnostics } from "../cell_types";

const CELL = `
import { torch } from "${SRC}";
type Tensor = torch.Tensor;
const nn = torch.nn;
const prune = nn.utils.prune;
const parametrize = nn.utils.parametrize;
const model = new nn.Sequential(new nn.Conv2d(1, 6, 3), new nn.ReLU(), new nn.Flatten(), new nn.Linear(6 * 26 * 26, 10));
const conv = model.get(0) as torch.nn.Conv2d;
prune.random_unstructured(conv, "weight", 0.3);
prune.l1_unstructured(conv, { name: "bias", amount: 3 });
prune.ln_structured(conv, "weight", 0.5, 2, 0);
prune.global_unstructured([[conv, "weight"]], prune.L1Unstructured, { amount: 0.2 });
const pruned: boolean = prune.is_pruned(model);
prune.remove(conv, "weight");
class FooBar extends prune.BasePruningMethod {
  PRUNING_TYPE = "unstructured" as const;
  compute_mask(t: Tensor, default_mask: Tensor): Tensor {
    return default_mask.clone();
  }
}
FooBar.apply(conv, "bias");
class Symmetric extends nn.Module {
  forward(X: Tensor): Tensor {
    return X.triu().add(X.triu(1).transpose(-1, -2));
  }
}
const layer = parametrize.register_parametrization(new nn.Linear(3, 3), "weight", new Symmetric());
const w: Tensor = parametrize.cached(() => layer.weight.add(layer.weight));
const original: Tensor = layer.parametrizations.weight.original;
parametrize.remove_parametrizations(layer, "weight", { leave_parametrized: false });
nn.utils.parametrizations.spectral_norm(new nn.Linear(3, 3));
nn.utils.weight_norm(new nn.Linear(3, 3), { dim: null });
nn.utils.remove_spectral_norm(nn.utils.spectral_norm(new nn.Linear(3, 3)));
const A = torch.randn([3, 3], { requires_grad: true });
const [Q, R] = torch.linalg.qr(A);
const E: Tensor = torch.matrix_exp(A);
Q.sum().add(R.sum()).add(E.sum()).add(torch.linalg.svdvals(A).sum()).backward();
void [pruned, w, original];
// @ts-expect-error the name is a string
prune.l1_unstructured(conv, 0, 0.5);
`;

test("a cell using pruning and parametrizations type-checks under TypeScript " + ts.version, () => {
  expect(ts.version).toBe("5.0.4");
  expect(cellDiagnostics(path.join(__dirname, "__prune_cell__.ts"), CELL)).toEqual([]);
}, 120000);
