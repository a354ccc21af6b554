/**
 * Andrej Karpathy's micrograd (karpathy/micrograd): demo.ipynb ported cell by cell as a student ports it,
 * with micrograd/engine.py's `Value` and micrograd/nn.py's `Module`, `Neuron`, `Layer`, `MLP` typed into
 * cells (the demo imports them), and the README's example of Value's operators. Value is a class with
 * Python's operator methods (__add__, __mul__, __pow__, __neg__, __radd__, __sub__, __rsub__, __rmul__,
 * __truediv__, __rtruediv__), used with operators on its instances as Python does (`a * b + b**3`,
 * `c += 1 + c + (-a)`, `10.0 / f`, `1 + -yi*scorei`), and backward() by a topological sort; Neuron /
 * Layer / MLP are called through `__call__` and printed through `__repr__`; sklearn's make_moons with
 * NumPy's global seed, the SVM max-margin loss with L2 regularisation, SGD by hand and the accuracy.
 * What each cell prints is what Python 3 with NumPy 1.24 and scikit-learn 1.2.1 prints for the same
 * cells (test/reference/gen_micrograd.py, micrograd.json).
 *
 * Shrunk: make_moons draws 30 points instead of 100 and the training loop runs 10 steps instead of 100
 * (the learning-rate schedule still reads k/100): a step over 100 points costs ~2.5 s of CPU, in Python
 * (2.4 s) as in torchlab (~3 s), measured as process user+sys time over 20 steps of each.
 * Left out: the two matplotlib cells (the moons scatter plot and the decision boundary).
 * Written as in Python: untyped parameters (`__add__(other)`, `constructor(data, _children = [], _op = '')`,
 * `__call__(x)`), `Value(x)` without `new`, `isinstance`, `set(...)`, `reversed(topo)`, `**kwargs` as
 * `{...kwargs} = {}` passed on as `**kwargs`, keyword arguments (`make_moons(n_samples=100, noise=0.1)`,
 * `nonlin=i!=len(nouts)-1`), `map(Value, xrow)` and `map(model, inputs)`, `sum(losses)` and
 * `sum(..., this.b)`. Written differently: list comprehensions are `.map(...)` over `list(...)`,
 * `from sklearn.datasets import make_moons` is `const { make_moons, make_blobs } = sklearn.datasets`.
 *
 * Numbers are held to 1e-12 (relative above 1): the last bits of float64 values differ for two reasons
 * outside micrograd. make_moons's points: torchlab's sklearn draws NumPy's random numbers exactly, but
 * takes the cos and sin of the half circles from V8's Math.cos / Math.sin, which differ from NumPy's
 * np.cos / np.sin in the last bit for some angles (at 30 points, 9 of the 15 cosines). And micrograd's
 * backward visits `set(_children)` in CPython's hash order (by object address), which adds a node's
 * gradient contributions in another order than torchlab's insertion-ordered set. The accuracy, a float
 * returned in a tuple and unpacked again in the training loop's cell (`[total_loss, acc] = loss()`),
 * prints as Python's (`50.0%`, not `50%`): its text is compared exactly.
 */
import * as fs from "fs";
import * as path from "path";
import { printedCells } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";

interface Cell {
  py: string;
  ts: string;
  print: string;
}

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "micrograd.json"), "utf8")) as { cells: Cell[] };

let printed: string[];

beforeAll(async () => {
  printed = await printedCells("micrograd", fixture.cells.map((c) => c.ts));
}, 300000);

describe("micrograd's demo: a scalar autograd Value with Python's operator methods, an MLP of Neurons, trained on make_moons", () => {
  test.each(fixture.cells.map((c, i) => [i + 1, c] as const))("cell %i prints what Python prints", (i, c) => {
    expect({ ts: c.ts, lines: printed[i - 1].split("\n").length }).toEqual({ ts: c.ts, lines: c.print.split("\n").length });
    expectSamePrint(printed[i - 1], c.print, 1e-12);
    const accuracies = (text: string) => text.match(/accuracy [^%\s]*%/g) ?? [];
    expect(accuracies(printed[i - 1])).toEqual(accuracies(c.print));
  });
});
