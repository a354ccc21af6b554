/**
 * The University of Amsterdam Deep Learning course's tutorial 9 (Deep Autoencoders; Phillip Lippe,
 * phlippe/uvadlc_notebooks, docs/tutorial_notebooks/tutorial9/AE_CIFAR10.ipynb), ported cell by cell in
 * the notebook dialect (test/tutorials/_uva2_cells.ts, T9) and run through `torchlab run`. What each
 * cell prints must be PyTorch 1.13's (test/reference/gen_uva2.py, uva2.json "t9").
 *
 * Stand-ins and shrinking: CIFAR10 after ToTensor + Normalize((0.5,), (0.5,)) is 12 + 4 seeded
 * torch.rand images in [-1, 1] with random labels (TensorDataset; random_split 8 / 4 for 45000 / 5000,
 * batch_size 4 for 256); the autoencoders use base_channel_size 8 (32) and latent_dim 64 and 128 (64,
 * 128, 256, 384) and train 2 epochs (500).
 * Left out: the checkpoint downloads, GenerateCallback and TensorBoard (the embedding projector), the
 * random-image reconstruction, sampling from the decoder and the nearest-neighbour image search (time).
 * Plots printed as numbers: compare_imgs prints the loss in its title and the grid's shape; the
 * reconstruction-error plot prints the validation losses; visualize_reconstructions prints the grid's
 * shape, mean and a 3 x 3 corner of the first reconstruction.
 * Written differently from the tutorial:
 * - PyTorch Lightning is not available: Autoencoder is an nn.Module with the LightningModule's methods
 *   (on both sides), `save_hyperparameters()` an `hparams` object, and train_cifar a plain loop over
 *   train_loader that takes the optimizer and ReduceLROnPlateau from configure_optimizers and steps the
 *   scheduler with the validation loss each epoch.
 * - `act_fn()` / `encoder_class(...)` (classes passed as arguments) are called with `new`;
 *   `make_grid(..., range=(-1,1))` is `value_range=[-1, 1]` on both sides (torchvision 0.14 renamed it);
 *   `img_shifted[:,:1,:] = img_mean` is `img_shifted[":,:1,:"] = img_mean`; `with torch.no_grad():` is
 *   `torch.no_grad(() => {...})`; a generator expression under sum() is a mapped array.
 * Divergences this port found: none.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";
import { T9 } from "./_uva2_cells";

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

describe("UvA DL course tutorial 9 (Phillip Lippe) as one notebook through `torchlab run`", () => {
  const nbs = sectionsForSuite("uva2ae", { uva2ae: { t9: T9 } }, 600_000);

  test("tutorial 9, Autoencoders: Encoder / Decoder with Conv2d, ConvTranspose2d(output_padding=1, stride=2) and GELU, the summed-per-image MSE reconstruction loss, shifted / masked image losses with torch.roll, Adam + ReduceLROnPlateau training, make_grid of reconstructions", () => {
    expectCells(cellsOf(nbs.t9), R.t9);
  });
});
