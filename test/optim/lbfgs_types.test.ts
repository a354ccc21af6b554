/**
 * Notebook-style code from the tutorials ported in test/tutorials (Neural Transfer's LBFGS with a
 * closure, char-RNN's legacy constructors, DCGAN's weights_init on the class name) type-checks under
 * TypeScript 5.0.4 (tslab's compiler) in strict mode, and a bad line_search_fn is a type error.
 * `new nn.Sequential(new nn.ConvTranspose2d(...))`, DCGAN's generator, did not type-check before: a
 * layer whose forward takes more than the input was not assignable to Module through its hooks' types.
 */
import * as path from "path";
import * as ts from "typescript";
import { SRC, cellDiagnostics } from "../cell_types";

const CELL = `
import { torch } from "${SRC}";
const nn = torch.nn;
type Tensor = torch.Tensor;

const input_img = torch.rand(1, 3, 8, 8).requires_grad_(true);
const optimizer = new torch.optim.LBFGS([input_img], { history_size: 10, line_search_fn: "strong_wolfe" });
const run = [0];
while (run[0] <= 3) {
  const closure = (): Tensor => {
    torch.no_grad(() => input_img.clamp_(0, 1));
    optimizer.zero_grad();
    const loss = input_img.sub(0.5).pow(2).sum();
    loss.backward();
    run[0] += 1;
    return loss;
  };
  optimizer.step(closure);
}
const target: Tensor = torch.LongTensor([1, 4, 58]);
const loss0: Tensor = torch.FloatTensor([0]);
void [target, loss0, torch.LongTensor(2, 3)];

function weights_init(m: torch.nn.Module): void {
  const classname = m.constructor.name;
  if (classname.indexOf("Conv") !== -1) nn.init.normal_((m as torch.nn.Conv2d).weight.data, 0.0, 0.02);
}
new nn.Sequential(new nn.ConvTranspose2d(4, 2, 4, 1, 0, { bias: false }), new nn.BatchNorm2d(2)).apply(weights_init);
// @ts-expect-error the line_search_fn is "strong_wolfe" or null
new torch.optim.LBFGS([input_img], { line_search_fn: "backtracking" });
`;

test("a notebook cell using LBFGS with a closure, legacy constructors and weights_init type-checks under TypeScript " + ts.version, () => {
  expect(ts.version).toBe("5.0.4");
  expect(cellDiagnostics(path.join(__dirname, "__lbfgs_cell__.ts"), CELL)).toEqual([]);
}, 180000);
