/**
 * The University of Amsterdam Deep Learning course's tutorial 5 (Inception, ResNet and DenseNet;
 * Phillip Lippe, phlippe/uvadlc_notebooks, docs/tutorial_notebooks/tutorial5), ported cell by cell in
 * the notebook dialect (test/tutorials/_uva2_cells.ts, T5) and run through `torchlab run`. What each
 * cell prints must be PyTorch 1.13's (test/reference/gen_uva2.py, uva2.json "t5"). A suite of its own
 * beside uva2_notebook.test.ts (tutorial 4) so that each stays near CI's per-suite budget.
 *
 * Stand-ins and shrinking: CIFAR10 is 12 + 4 seeded torch.randint uint8 images of 32 x 32 x 3 in a
 * Dataset that does what ToTensor does (HWC uint8 -> CHW float in [0, 1]) before its transform, so the
 * transforms are the tutorial's others: RandomHorizontalFlip, RandomResizedCrop((32,32), scale=(0.8,1.0),
 * ratio=(0.9,1.1)) and Normalize(DATA_MEANS, DATA_STD) (random_split 8 / 4 for 45000 / 5000, batch_size
 * 4 for 128). The four models keep their sizes and train one epoch of 2 steps each (180 epochs), with
 * the tutorial's optimizers (AdamW / SGD with momentum and weight decay) and MultiStepLR.
 * Left out: the pretrained-checkpoint downloads and TensorBoard; the augmentation plot prints the grid's
 * shape and a corner of it; the final HTML table is printed as text (tabulate is not available) without its Test
 * Accuracy column: on the 4 stand-in test images DenseNet's logits for two classes differ by 6e-4 after
 * two AdamW steps (AdamW's step is lr-sized whatever the gradient's size, so float32 summation order
 * shows), and which one wins decides an image (GoogleNet's test accuracy is in its Results cell);
 * `np.prod(p.shape)` is `p.numel()`.
 * Written differently from the tutorial:
 * - PyTorch Lightning is not available: CIFARModule is an nn.Module with the LightningModule's methods
 *   (on both sides); training_step returns the loss and the accuracy it would log, validation_step the
 *   accuracy; train_model is a plain loop that seeds, builds the module, takes its optimizer and
 *   scheduler from configure_optimizers, steps them over train_loader and evaluates on val / test.
 * - `**kwargs` are an options object: GoogleNet / ResNet / DenseNet take `{num_classes=10, ...}`
 *   destructured, create_model calls `new model_dict[name](model_hparams)`, train_model takes the
 *   module's arguments as one object, `optim.AdamW(params, **optimizer_hparams)` passes the dict as the
 *   trailing options object; `self.hparams = SimpleNamespace(...)` is a plain object; a class taken
 *   from a dict (`act_fn()`, `self.hparams.block_class(...)`) is called with `new`; `c_hidden // 2` is
 *   Math.floor; `return model, result` is `[model, result] as const` and the all_models list `as const`
 *   (TypeScript types a mixed array literal as an array of the union, so destructuring it loses the
 *   module's type).
 * - `GoogleNet Results` prints its accuracies formatted (a JavaScript number 0 prints as 0, Python's
 *   float as 0.0).
 * Divergences this port found, fixed: `nn.init.kaiming_normal_(m.weight, nonlinearity=self.hparams.act_fn_name)`
 *   did not compile, since the nonlinearity / mode parameters took only the literal names: a name held in
 *   a string variable now type-checks and an unknown one still gets PyTorch's ValueError
 *   (src/nn/init.ts, test/nn/init.test.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";
import { T5 } from "./_uva2_cells";

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

describe("UvA DL course tutorial 5 (Phillip Lippe) as one notebook through `torchlab run`", () => {
  const nbs = sectionsForSuite("uva2cnn", { uva2cnn: { t5: T5 } }, 600_000);

  test("tutorial 5, Inception, ResNet and DenseNet: a CIFAR10 stand-in with Normalize(DATA_MEANS, DATA_STD), RandomHorizontalFlip and RandomResizedCrop, make_grid, InceptionBlock / GoogleNet, ResNetBlock / PreActResNetBlock / ResNet, DenseLayer / DenseBlock / TransitionLayer / DenseNet with kaiming_normal_ by act_fn_name, two training steps each with AdamW or SGD + MultiStepLR, parameter counts", () => {
    expectCells(cellsOf(nbs.t5), R.t5);
  });
});
