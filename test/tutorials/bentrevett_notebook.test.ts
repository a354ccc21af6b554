/**
 * Ben Trevett's pytorch-image-classification (bentrevett/pytorch-image-classification), its notebooks'
 * code cells ported line by line in the notebook dialect (test/tutorials/_bentrevett_cells.ts) and run
 * through `torchlab run`: 1_mlp (MNIST with datasets.MNIST, the mean / std normalisation, RandomRotation
 * + RandomCrop, data.random_split, `copy.deepcopy(valid_data)` with the test transforms set on the copy,
 * the MLP returning `(y_pred, h_2)`, count_parameters, calculate_accuracy, train / evaluate with tqdm,
 * epoch_time with time.monotonic, torch.save of the best state_dict and its load, get_predictions with
 * F.softmax and torch.cat, the most incorrect examples sorted by `key=`, get_representations,
 * imagine_digit), 2_lenet (plot_filter's F.conv2d with a FloatTensor filter, plot_subsample's pooling
 * and its ValueError, LeNet, its training) and
 * 4_vgg's config-built features (the vgg11 / vgg13 configs, get_vgg_layers with `layers += [...]` and
 * `nn.Sequential(*layers)`, with and without batch norm, printed).
 * What each cell prints must be PyTorch 1.13's (test/reference/gen_bentrevett.py, bentrevett.json).
 *
 * Stand-ins (the same code on both sides): MNIST is 100 training and 30 test images in torchvision's
 * IDX layout, written by the notebook's second cell (bars whose place gives the digit); tqdm and trange pass their iterable
 * through in the generator; the notebook works in a fresh temporary folder (ROOT = '.data' in it);
 * device is the CPU; np.random.seed is left out (nothing draws from NumPy).
 * Shrunk: 2 epochs of 1_mlp (10), 1 of 2_lenet (20); imagine_digit's 20 iterations (50,000).
 * Written differently from the notebooks:
 * - matplotlib is left out; the plot_* helpers keep their non-plotting lines and print what they would
 *   draw (the filtered / pooled images' shapes and sums, the most incorrect labels and probabilities,); sklearn's confusion matrix, PCA and t-SNE are left out;
 * - `sum(p.numel() for p in ...)` is sum over a filter / map; list comprehensions are map; `zip(*...)` is
 *   `zip(...[...])`; `x[:n]` a string index; `with torch.no_grad():` torch.no_grad(() => {...}); f-strings
 *   template literals with the same format specs; `except StopIteration:` a catch of torch.StopIteration;
 *   `inputs, labels, *_ = next(...)` takes the two it uses;
 * - `incorrect_examples.sort(...)` is preceded by `void`: the dialect's list sort returns the list (for
 *   JavaScript's chains), and as a cell's last expression it would be shown where Python's None is not;
 * - 4_vgg's `assert c == 'M' or isinstance(c, int)` is `Number.isInteger(c)`: the builtins refuse
 *   isinstance(x, int) (a JavaScript number is neither int nor float);
 * - 3_alexnet (its 23M parameters and the LR finder's saves cost ~35 s of CPU, over this suite's
 *   budget; the LR finder's `_LRScheduler` subclass and IteratorWrapper ran and matched PyTorch when
 *   ported, and their fixes below have focused tests); 4_vgg's VGG model (129M parameters, vgg11_bn's pretrained weights) and its training, and 5_resnet (CUB200,
 *   resnet's pretrained weights, BasicBlock / Bottleneck, OneCycleLR) are not ported yet.
 * Divergences this port found, fixed (each with a focused test):
 * - `if not correct:` written `if (!correct)` was always false (JavaScript's truth of an object): a
 *   one-element tensor named in a condition is Python's bool now (kernel/rewrite.ts tensor_truth);
 * - `for (const [x, y] of tqdm(iterator, desc="Training", leave=false))` in a function with an untyped
 *   `iterator` did not compile (tqdm's T was unknown; src/display/progress.ts);
 * - `valid_data = copy.deepcopy(valid_data); valid_data.dataset.transform = test_transforms` had no
 *   effect: the copied Subset still read the original dataset (src/utils/data/dataset.ts);
 * - `next(self)` in a class with `__next__` (IteratorWrapper.get_batch) raised "'IteratorWrapper' object
 *   is not an iterator" (src/builtins.ts); `torch.StopIteration` was not exported (src/torch.ts);
 * - `train_data.data.float().mean(axis=(0, 1, 2))` on an untyped data set raised "mean() got an
 *   unexpected keyword argument 'axis'": NumPy's aliases on an untyped receiver (kernel/keyword_call.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";
import { LENET, MLP, VGG } from "./_bentrevett_cells";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "bentrevett.json"), "utf8")) as Record<string, CellOutput[]>;

/** An epoch's wall time is the machine's, not PyTorch's: its minutes and seconds are left out of the comparison. */
const untimed = (c: CellOutput): CellOutput => ({ ...c, printed: c.printed.replace(/Epoch Time: \d+m \d+s/g, "Epoch Time: _m _s") });

/** Every cell printed and shows PyTorch's text (expectSameCells); all differing cells are reported at once. */
function expectCells(got: CellOutput[], want: CellOutput[]): void {
  expect(got.length).toBe(want.length);
  const failures: string[] = [];
  want.forEach((w, i) => {
    try {
      expectSameCells([untimed(got[i])], [untimed(w)]);
    } catch (e) {
      failures.push(`cell ${i}: ${(e as Error).message}`);
    }
  });
  expect(failures).toEqual([]);
}

describe("Trevett's pytorch-image-classification as notebooks through `torchlab run`", () => {
  const nbs = sectionsForSuite("bentrevett", { bentrevett: { mlp: MLP, lenet: LENET, vgg: VGG } }, 600_000);

  test.each(["mlp", "lenet", "vgg"])("%s: each cell prints what PyTorch 1.13 prints", (name) => {
    expectCells(cellsOf(nbs[name]), R[name]);
  });
});
