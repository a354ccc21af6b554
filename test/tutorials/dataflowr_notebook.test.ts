/**
 * Marc Lelarge's dataflowr course (github dataflowr/notebooks), Module 2 "PyTorch tensors and automatic
 * differentiation" (Module2/02a_basics.ipynb) and "linear regression" (02b_linear_reg.ipynb, seeded, its
 * plots left out): their code cells ported line by line and run as one notebook
 * through `torchlab run`. What each cell prints and shows must be what PyTorch 1.13 gives
 * (test/reference/gen_dataflowr.py holds both texts side by side, dataflowr.json): NumPy's bridge and its
 * shared memory both ways, float32 + int64 / float64 promotion printed at precision 10, in-place `t_()`,
 * `requires_grad_` refused on an int64 tensor and a second `backward()` refused, with PyTorch's messages;
 * linear regression by NumPy gradients, autograd under `torch.no_grad`, and `for m in model.children():
 * m.weight.data = ...` on an nn.Sequential.
 * Left out (the generator's docstring says why): `torch.__version__`, `print(torch.empty(...))`,
 * `resb == resc` (float64 is held in float32), the GPU and CIFAR10 cells. Written differently: Python's
 * first assignments are `let` declarations; a `#np.arange(...)` comment glued to code is dropped (as
 * `//np.arange(...)` the dialect reads Python's floor division).
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, runNotebooks } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";

interface Cell {
  py: string;
  ts: string;
  printed: string;
  shown: string | null;
}

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "dataflowr.json"), "utf8")) as { cells: Cell[] };

let got: { printed: string; shown: string | null }[];

beforeAll(async () => {
  const cells = fixture.cells.map((c) => (c.printed.includes("ERROR ") ? { code: c.ts, tags: ["raises-exception"] } : c.ts));
  const run = await runNotebooks("dataflowr", { dataflowr: cells });
  if (run.status !== 0) throw new Error(`torchlab run exited with ${run.status}:\n${run.stderr.slice(-6000)}`);
  got = cellsOf(run.notebooks.dataflowr);
}, 300000);

describe("dataflowr Module 2 (PyTorch tensors and autograd) prints and shows what PyTorch 1.13 does", () => {
  test.each(fixture.cells.map((c, i) => [i, c] as const))("cell %i", (i, c) => {
    expectSamePrint(got[i].printed, c.printed);
    if (c.shown === null || got[i].shown === null) expect({ ts: c.ts, shown: got[i].shown }).toEqual({ ts: c.ts, shown: c.shown });
    else expectSamePrint(got[i].shown!, c.shown);
  });
});
