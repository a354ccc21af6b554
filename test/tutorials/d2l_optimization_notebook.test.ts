/**
 * Dive into Deep Learning (d2l-en 1.0, PyTorch edition), chapter 12 "Optimization Algorithms", sections
 * 12.1-12.10 (optimization-intro, convexity, gd, sgd, minibatch-sgd, momentum, adagrad, rmsprop, adadelta,
 * adam with Yogi), every code cell in order, ported as the book reads and run as one notebook through
 * `torchlab run`. What each cell prints must be what the same Python cell printed on PyTorch 1.13
 * (test/reference/gen_d2l_optimization.py holds both texts side by side, d2l_optimization.json): gradient
 * descent's and Newton's `epoch 10, x: ...` (a float, then `tensor(...)` once `c` is a tensor), train_2d's
 * `epoch 20, x1: ..., x2: ...` for gd / sgd with constant, exponential and polynomial learning rates
 * (`torch.normal` noise, so PyTorch's random stream) / momentum / adagrad / rmsprop, and the losses of
 * every from-scratch and torch.optim run (SGD, momentum, Adagrad, RMSprop, Adadelta, Adam, Yogi) on the
 * shuffled minibatches. The seconds and gigaflops the chapter prints are the machine's: masked.
 * 12.11 (learning-rate scheduling) is ported in d2l_lr_scheduling_notebook.test.ts.
 *
 * The first cell is what the chapter uses of the d2l package from earlier chapters (set_figsize, plot,
 * set_axes, load_array, linreg, squared_loss, Accumulator, evaluate_loss, Animator, DATA_HUB, download),
 * written out as a user without the package would, the same on the Python side; its Animator records the
 * points and does not redraw a figure. A function the chapter saves into d2l (`#@save`: train_2d,
 * show_trace_2d, Timer, get_data_ch11, train_ch11, train_concise_ch11) is called by its own name in later
 * sections, as in the notebook that defined it (`train_2d(...)` for `d2l.train_2d(...)`).
 * Stand-ins and sizes, the same on both sides: the airfoil download is 300 seeded rows shaped like the
 * UCI file (the generator's airfoil_standin, written where d2l would have downloaded it), so a 2-epoch
 * SGD run with batch 1 is 600 steps, not 3000; 12.5's timed products are 64 x 64 (blocks of 16), not 256.
 *
 * Left out: 12.1's 3-D saddle surface (`add_subplot(111, projection='3d')` and `plot_wireframe`: torchlab's
 * pyplot has no 3-D axes). show_trace_2d draws its contours (`plt.contour(x1, x2, f(x1, x2), colors=...)`)
 * as the book does. The figures are drawn, not compared.
 * Written differently from the book: `with torch.no_grad():` is `torch.no_grad(() => {...})`; a tuple
 * of one, `(x,)`, is `tuple([x])` (a syntax error in TypeScript); `for p, (s, delta) in zip(...)` is
 * `for (const [p, [s, delta]] of zip(...))`; train_2d's loop variable is declared before the loop
 * (Python's outlives it); `x = torch.arange(40).detach().numpy()` inside 12.6's and 12.8's plotting loops
 * is a `const` of the loop (assigning the earlier cells' tensor `x` an ndarray there does not compile:
 * the dialect rebinds a name to another type only at a cell's top level); `global t` is left out.
 *
 * What the port found, fixed:
 * - `d2l.plot` failed at `axes.cla()` with "attribute(...) is not a function": Axes had no cla / clear
 *   (src/matplotlib/axes.ts, test/matplotlib/cla.test.ts); `set_xlabel(None)` drew the label "null".
 * - `hasattr(t, "__len__")` was False for a tensor, a list, a tuple, a str and a dict, so d2l's
 *   has_one_axis took a list of tensors for one series and plot raised "x and y must have same first
 *   dimension", and Animator.add stored the tuple `(loss,)` as the point, so train_ch11's
 *   `{animator.Y[0][-1]:.3f}` raised "unsupported format string passed to tuple.__format__"
 *   (src/pyattr.ts; Tensor.__len__; test/builtins.test.ts hasattr_len, getattr_len).
 * - `f = lambda x: 0.5 * x**2` after an earlier cell's `def f(x)` (`function f`) did not compile ("Cannot
 *   assign to 'f' because it is a function"): it rebinds the name as any other top-level assignment does.
 * - Python's parenthesised tuple where its value is used (`size=(feature_dim, 1)`,
 *   `DATA_HUB['airfoil'] = (url, sha1)`, `torch.zeros((feature_dim, 1))`, `return ((s_w, delta_w),
 *   (s_b, delta_b))`) was JavaScript's comma operator: the last item only, a type error at best
 *   (kernel/rewrite.ts; test/kernel/rewrite_dialect.test.ts).
 * - `plt.plot(*zip(*results), '-o', color=...)` did not compile (no rest overload to spread into).
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

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "d2l_optimization.json"), "utf8")) as { airfoil: string; cells: Cell[] };

/** Not a chapter cell: where d2l.download would have put the airfoil file, the generator's stand-in. */
const SETUP = `const fs = require("fs"), nodePath = require("path"), nodeOs = require("os");
process.chdir(fs.mkdtempSync(nodePath.join(nodeOs.tmpdir(), "d2l-optimization-")));
fs.mkdirSync("data");
fs.writeFileSync("data/airfoil_self_noise.dat", ${JSON.stringify(fixture.airfoil)});`;

/** The timings 12.5 and the training loops print (seconds, gigaflops) are the machine's, not compared. */
function untimed(text: string): string {
  return text.replace(/\d+\.\d+ sec\/epoch/g, "T sec/epoch").replace(/Gigaflops: .*/g, (line) => line.replace(/\d+\.\d+/g, "T"));
}

let printed: string[];

beforeAll(async () => {
  printed = (await printedCells("d2l-optimization", [SETUP, ...fixture.cells.map((c) => c.ts)])).slice(1);
}, 300000);

describe("d2l chapter 12, Optimization Algorithms, prints what PyTorch 1.13 prints", () => {
  test.each(fixture.cells.map((c, i) => [i, c] as const))("cell %i", (i, c) => {
    expectSamePrint(untimed(printed[i]), untimed(c.print));
  });
});
