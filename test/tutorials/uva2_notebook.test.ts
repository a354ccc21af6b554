/**
 * More of the University of Amsterdam Deep Learning course's tutorials (Phillip Lippe,
 * phlippe/uvadlc_notebooks, docs/tutorial_notebooks/): tutorial 4 (Optimization and Initialization),
 * ported cell by cell in the notebook dialect (test/tutorials/_uva2_cells.ts) and run as one notebook
 * through `torchlab run`. What each cell prints and shows must be PyTorch 1.13's
 * (test/reference/gen_uva2.py runs the same cells as IPython does, uva2.json). The stored snapshot of
 * uvadlc_notebooks lacks tutorial 4's notebook (its blob is too large); the cells follow the same
 * tutorial as Lightning's course_UvA-DL/03-initialization-and-optimization, whose code is the notebook's
 * with `L.seed_everything(42)` for `pl.seed_everything(42)` (here `torch.manual_seed(42)`).
 *
 * Stand-ins and shrinking: FashionMNIST is 192 + 64 seeded torch.randint uint8 images pushed through
 * what ToTensor + Normalize((0.2861,), (0.3530,)) compute, with seeded random labels (TensorDataset;
 * random_split 128 / 64 for 50000 / 10000); the Mean / Std cell reads those pixels (train_dataset.data);
 * the gradient and activation statistics use one batch of 128 (1024); the three optimizers train 2
 * epochs (40) at batch_size=64. BaseNetwork keeps its sizes (784 -> 512, 256, 256, 128 -> 10).
 * Left out: the pretrained-model download (the models train here), tqdm, the 3-D and 2-D surface plots.
 * Plots printed as numbers: each histogram (weights, gradients, activations per layer) prints its range
 * (min, max); `np.var(...)` is `var(unbiased=False)` printed with 4 digits; the constant initialisation's
 * gradient plot prints each layer's largest |gradient| ("< 1e-6" for the layers whose gradient is
 * float32 rounding noise: with equal weights the logits are equal and the softmax gradients cancel, so
 * neither PyTorch's nor torchlab's values there are meaningful); train_model prints the train / val
 * accuracy curves and epoch_iteration the last loss (3 decimals: Adam's per-element step sizes amplify
 * float32 summation order in the 4th); the pathological curvature prints the loss on a 5 x 5 grid and
 * each optimizer's trajectory every 20 steps (SGD only up to step 40: at lr=10 it jumps across the
 * ravine where tanh saturates, so 1 - tanh(w)^2 is a few ulps of 1 and the float32 rounding of tanh
 * decides the path from step ~50 on), the steep optima each optimizer's last point.
 * Written differently from the tutorial:
 * - `@torch.no_grad()` over OptimizerTemplate.step is its body inside `torch.no_grad(() => {...})`;
 *   `raise NotImplementedError` is `throw new Error("NotImplementedError")`; the optimizers' fields are
 *   declared (TypeScript classes); `{p: torch.zeros_like(p.data) for p in self.params}` is a
 *   `Map<torch.Tensor, torch.Tensor>` (`self.param_momentum[p]` is `.get(p)` / `.set(p, ...)`: a
 *   JavaScript object's keys are strings); `lambda params: SGD(params, lr=1e-1)` is
 *   `(params) => new SGD(params, lr=1e-1)`.
 * - `**config_dict` in load_model is its fields read by name; `json.dump` / `json.load` / os.path are
 *   JSON.stringify / JSON.parse / Node's fs and path; `.numpy()` at the end of train_curve is left out
 *   (the points stay a tensor); `np.pi` is Math.PI; str.center is a helper; `SGD_points[::20]` is
 *   `SGD_points["::20"]`.
 * Divergences this port found: none; every cell ran as written above on the first try.
 * Tutorial 5 (Inception, ResNet and DenseNet) is uva2_cnn_notebook.test.ts, from the same generator and
 * fixture; tutorial 9 (Autoencoders) is uva2_ae_notebook.test.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";
import { T4 } from "./_uva2_cells";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "uva2.json"), "utf8")) as Record<string, CellOutput[]>;

/** Every cell printed and shows PyTorch's text (expectSameCells); all differing cells are reported at once. */
function expectCells(got: CellOutput[], want: CellOutput[]): void {
  expect(got.length).toBe(want.length);
  const failures: string[] = [];
  want.forEach((w, i) => {
    try {
      expectSameCells([got[i]], [w]);
    } catch (e) {
      failures.push(`cell ${i}: ${(e as Error).message}`);
    }
  });
  expect(failures).toEqual([]);
}

describe("UvA DL course tutorials (Phillip Lippe), part 2, as one notebook through `torchlab run`", () => {
  const nbs = sectionsForSuite("uva2", { uva2: { t4: T4 } }, 600_000);

  test("tutorial 4, Optimization and Initialization: constant / constant-variance / equal-variance / Xavier / Kaiming initialisation and their weight, gradient and activation statistics over a BaseNetwork with nn.ModuleList, hand-written SGD / SGDMomentum / Adam over OptimizerTemplate trained on a FashionMNIST stand-in, the pathological curvature and steep optima", () => {
    expectCells(cellsOf(nbs.t4), R.t4);
  });
});
