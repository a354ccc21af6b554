/**
 * Dive into Deep Learning (d2l.ai, PyTorch edition) 12.11, "Learning Rate Scheduling": LeNet trained
 * with a constant rate, then under the section's own schedulers (SquareRootScheduler, FactorScheduler,
 * CosineScheduler with and without warm-up: Python classes with `__call__`, called with the epoch and
 * written into `trainer.param_groups`) and PyTorch's lr_scheduler.MultiStepLR, which the train loop tells
 * apart by `scheduler.__module__ == lr_scheduler.__name__`. Each cell runs through `torchlab run` in
 * order, in one notebook, and must print what the book's Python cell printed on PyTorch 1.13
 * (test/reference/gen_d2l_lr_scheduling.py, d2l_lr_scheduling.json): the schedules the book plots, and
 * the losses and accuracies after training (within 2e-3: float32 sums over 6 epochs of SGD).
 * Written differently from the book: the API's keyword arguments are options objects, the notebook's
 * own classes take Python's `name=value` keywords, `[f(t) for t in range(30)]` is
 * `[...range(30)].map(...)`, `with torch.no_grad():` is `torch.no_grad(() => ...)`. Stand-ins: seeded
 * Fashion-MNIST-shaped data (48 + 32 images) for d2l.load_data_fashion_mnist, 6 epochs where the book
 * trains 30, no Animator or plots.
 * What the port found: `scheduler.__module__` and `lr_scheduler.__name__` did not exist (the train
 * loop's test). Left: the warm-up schedule's first value prints `0` where Python prints `0.0`
 * (`0 + 0.0` is a float in Python; a JavaScript number does not know), which this comparison of
 * numbers does not see.
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

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "d2l_lr_scheduling.json"), "utf8")) as { cells: Cell[] };

let printed: string[];

beforeAll(async () => {
  printed = await printedCells("d2l-lr", fixture.cells.map((c) => c.ts));
}, 300000);

describe("d2l 12.11 (learning rate scheduling) prints what PyTorch 1.13 prints", () => {
  test.each(fixture.cells.map((c, i) => [i + 1, c] as const))("cell %i", (i, c) => {
    expectSamePrint(printed[i - 1], c.print, 2e-3);
  });
});
