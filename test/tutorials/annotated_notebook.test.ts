/**
 * Harvard NLP's "The Annotated Transformer" (2022 version: harvardnlp/annotated-transformer,
 * the_annotated_transformer.py), ported line by line in the notebook dialect
 * (test/tutorials/_annotated_cells.ts) and run as one notebook through `torchlab run`. What each cell
 * prints and shows must be PyTorch 1.13's (test/reference/gen_annotated.py runs the same cells as IPython
 * does, annotated.json); run_epoch's Tokens / Sec (a timing) is left out of the comparison.
 *
 * Kept, with the tutorial's code: EncoderDecoder, Generator, clones (copy.deepcopy into nn.ModuleList),
 * LayerNorm (a_2 / b_2), SublayerConnection, EncoderLayer / Encoder, DecoderLayer / Decoder,
 * subsequent_mask, attention (masked_fill, dropout), MultiHeadedAttention (`del query`), the
 * PositionwiseFeedForward, Embeddings, PositionalEncoding (register_buffer), make_model (xavier_uniform_),
 * inference_test run 3 times (10) (the untrained models' greedy outputs are PyTorch's), Batch, TrainState,
 * run_epoch, rate with LambdaLR, LabelSmoothing and its two examples, data_gen, SimpleLossCompute,
 * greedy_decode and example_simple_model (the copy task: the printed losses, learning rates and the
 * decoded sequence are PyTorch's).
 * Shrunk, the same on both sides: inference_test's and example_simple_model's models have d_model 32,
 * d_ff 64, 4 heads (512, 2048, 8); example_simple_model trains 3 epochs of 6 batches of 20 and
 * evaluates 1 batch (20 epochs of 20 batches of 80, 5) and prints each evaluation's loss (the tutorial
 * discards it); example_learning_schedule takes 1000 steps with warmups 400 / 800 (20000, 4000 / 8000).
 * Left out: torchtext / spacy / Multi30k (the real-world example, vocabularies, collate_batch,
 * the distributed training), GPUtil and the GPU, pandas and altair: where a chart shows values a cell
 * prints them (the mask of subsequent_mask(5), the positional encoding's dimensions 4..7 every 10th
 * position, the learning rates every 125 steps and their peaks, LabelSmoothing's true_dist, every 10th
 * loss of penalization_visualization: nan, as PyTorch 1.13's KLDivLoss gives for log(0) inputs).
 * Written differently from the tutorial:
 * - imports: `import math` is `const math = Math` (sqrt and log are the same), `import time` an object
 *   whose time() is performance.now() in seconds, `__name__` a cell's `const __name__ = "__main__"`.
 * - list comprehensions are `list(...).map(...)` (`[copy.deepcopy(module) for _ in range(N)]`,
 *   MultiHeadedAttention's `zip(self.linears, (query, key, value))`), tuples arrays, `//` Math.floor;
 *   `(batch_size, 10)` is `[batch_size, 10]`; `out[:, -1]` is `out[":, -1"]`.
 * - DummyOptimizer does not extend torch.optim.Optimizer (a TypeScript subclass must call super(),
 *   which needs parameters; the tutorial's skips `__init__`); TrainState's class attributes are fields
 *   typed `any` (tokens becomes a tensor); Batch's `self.make_std_mask` (a staticmethod) is
 *   `Batch.make_std_mask`; run_epoch's `train_state=TrainState()` default is made per call in
 *   JavaScript (Python shares one; nothing printed reads it).
 * - run_epoch's `"... %6d ..." % (...)` is a template string with the same specs (`${i:6d}`,
 *   `${lr:6.1e}`): Python's % formatting is another branch's work.
 * - `rate(step, *example)` is `rate(step, ...example)` with `opts` typed `[number, number, number][]`
 *   (TypeScript spreads only a tuple into fixed parameters); `learning_rates = []` then
 *   `torch.tensor(learning_rates)` is declared `let learning_rates: any`.
 * Divergences this port found, fixed: `mask=None` as a parameter's default typed it `null`, so
 * `scores.masked_fill(mask == 0, -1e9)` did not compile (kernel/none_default.ts); `del query` of a name
 * did not compile (kernel/del_name.ts); `LayerNorm(layer.size)` in Encoder, whose cell comes before
 * LayerNorm's, threw "Class constructor LayerNorm cannot be invoked without 'new'"
 * (kernel/live_globals.ts's callee); `ys.fill_(next_word)` with a 0-d tensor did not compile
 * (Tensor.fill_ takes one, src/tensor/tensor.ts); run_epoch's `loss_compute(out, ...)`, an untyped
 * parameter given a SimpleLossCompute (whose `__call__` a later cell declares), threw "loss_compute is
 * not a function" (kernel/call_dunder.ts and live_globals.ts's callable).
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";
import { CELLS } from "./_annotated_cells";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "annotated.json"), "utf8")) as Record<string, CellOutput[]>;

/** run_epoch's tokens per second is a timing, different on every run. */
const untimed = (c: CellOutput): CellOutput => ({ printed: c.printed.replace(/Tokens \/ Sec: *[0-9.]+/g, "Tokens / Sec: _"), shown: c.shown });

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

describe("The Annotated Transformer (Harvard NLP, 2022) as one notebook through `torchlab run`", () => {
  const nbs = sectionsForSuite("annotated", { annotated: { annotated: CELLS } }, 300_000);

  test("the model code, subsequent_mask, PositionalEncoding, the untrained model's greedy output, Batch, the rate schedule through LambdaLR, LabelSmoothing, and the copy task trained with Adam + LambdaLR and greedy-decoded", () => {
    expectCells(cellsOf(nbs.annotated), R.annotated);
  });
});
