/**
 * Dive into Deep Learning (d2l-zh, PyTorch edition): chapter_recurrent-neural-networks (text-preprocessing,
 * language-models-and-dataset, rnn-scratch, rnn-concise) and chapter_recurrent-modern (gru, lstm, deep-rnn,
 * bi-rnn), ported cell by cell (test/tutorials/_d2l_rnn_cells.ts) and run as a notebook through
 * `torchlab run`. Printed output (vocabularies, batches, one-hot shapes, predictions, perplexities after
 * two epochs of each model) must be PyTorch's (test/reference/gen_d2l_rnn.py).
 */
import * as fs from "fs";
import * as path from "path";
import { notebooksForSuite, printedText, type ExecutedNotebook as Nb } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { RNN_CELLS } from "./_d2l_rnn_cells";
import { TIME_MACHINE } from "./_d2l_data";


const REF = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "d2l_rnn.json"), "utf8")) as { printed: string[] };

function printed(nb: Nb): string {
  return printedText(nb).replace(/\n$/, "");
}

describe("d2l recurrent chapters as a notebook", () => {
  const cells = [`const TIME_MACHINE = ${JSON.stringify(TIME_MACHINE)};`, ...RNN_CELLS];
  const nbs = notebooksForSuite("d2l-rnn", { rnn: cells }, 300_000);

  test("prints PyTorch's output", () => {
    expectSamePrint(printed(nbs.rnn), REF.printed.join("\n"), 2e-3);
  });
});
