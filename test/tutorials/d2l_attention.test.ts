/**
 * Dive into Deep Learning (d2l-zh, PyTorch edition), chapter_attention-mechanisms, ported cell by cell
 * (test/tutorials/_d2l_attention_cells.ts) and run as a notebook through `torchlab run`: the kernel's
 * prelude and notebook dialect (operators on tensors, `x[":, :, 0::2"] = ...`, `X[~mask] = value`).
 * Printed output must be PyTorch's (test/reference/gen_d2l_attention.py).
 */
import * as fs from "fs";
import * as path from "path";
import { notebooksForSuite, printedText, type ExecutedNotebook as Nb } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { ATTENTION_CELLS } from "./_d2l_attention_cells";


const REF = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "d2l_attention.json"), "utf8")) as { printed: string[] };

function printed(nb: Nb): string {
  return printedText(nb).replace(/\n$/, "");
}

describe("d2l chapter_attention-mechanisms as a notebook", () => {
  const nbs = notebooksForSuite("d2l-attention", { attention: ATTENTION_CELLS }, 240_000);

  test("prints PyTorch's output", () => {
    expectSamePrint(printed(nbs.attention), REF.printed.join("\n"));
  });
});
