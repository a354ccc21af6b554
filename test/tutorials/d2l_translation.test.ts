/**
 * Dive into Deep Learning (d2l-zh, PyTorch edition): chapter_recurrent-modern (machine-translation-and-dataset,
 * encoder-decoder, seq2seq) and chapter_attention-mechanisms (bahdanau-attention, the transformer's decoder
 * and training), ported cell by cell (test/tutorials/_d2l_translation_cells.ts) and run as a notebook
 * through `torchlab run`. Printed output (the dataset's batches, shapes, masks, the losses of three short
 * trainings with dropout, greedy translations and their BLEU) must be PyTorch's
 * (test/reference/gen_d2l_translation.py).
 */
import * as fs from "fs";
import * as path from "path";
import { notebooksForSuite, printedText, type ExecutedNotebook as Nb } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { TRANSLATION_CELLS } from "./_d2l_translation_cells";
import { FRA_ENG } from "./_d2l_data";

const REF = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "d2l_translation.json"), "utf8")) as { printed: string[] };

function printed(nb: Nb): string {
  return printedText(nb).replace(/\n$/, "");
}

describe("d2l machine translation chapters as a notebook", () => {
  const cells = [`const FRA_ENG = ${JSON.stringify(FRA_ENG)};`, ...TRANSLATION_CELLS];
  const nbs = notebooksForSuite("d2l-translation", { translation: cells }, 300_000);

  test("prints PyTorch's output", () => {
    expectSamePrint(printed(nbs.translation), REF.printed.join("\n"), 2e-3);
  });
});
