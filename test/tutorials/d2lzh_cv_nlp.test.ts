/**
 * 《动手学深度学习》PyTorch版 (ShusenTang/Dive-into-DL-PyTorch) chapters 9 (computer vision: augmentation,
 * fine-tuning, bounding and anchor boxes, multiscale detection, the detection and segmentation dataset
 * readers) and 10 (NLP: word2vec with negative sampling, textCNN), ported
 * cell by cell (test/tutorials/_d2lzh_cv_nlp.ts) and run as notebooks through `torchlab run`. What they
 * print (augmented pictures' pixel sums, anchors, IoU, MultiBoxTarget/Detection, seeded training losses
 * and weights) must be PyTorch's (test/reference/gen_d2lzh_cv_nlp.py).
 */
import * as fs from "fs";
import * as path from "path";
import { printedText, sectionsForSuite, type ExecutedNotebook as Nb } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { CH10_CELLS, CH9_CELLS, D2LZH_CELL } from "./_d2lzh_cv_nlp";

const REF = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "d2lzh_cv_nlp.json"), "utf8")) as Record<string, string[]>;

function printed(nb: Nb): string {
  return printedText(nb).replace(/\n$/, "");
}

describe("Dive-into-DL-PyTorch chapters 9 and 10 as notebooks", () => {
  // One notebook, one kernel: chapter 10 starts from a reseeded torch, as a fresh kernel would (and redeclares the d2lzh cell's names).
  const nbs = sectionsForSuite("d2lzh-cv-nlp", { d2lzh: { ch9: [D2LZH_CELL, ...CH9_CELLS], ch10: [D2LZH_CELL, ...CH10_CELLS] } }, 300_000);

  test("chapter 9 prints PyTorch's output", () => {
    // Training losses are float32 sums over a resnet in another order: 1e-3 relative.
    expectSamePrint(printed(nbs.ch9), REF.ch9.join("\n"), 1e-3);
  });

  test("chapter 10 prints PyTorch's output", () => {
    // 13/16 prints 0.813 with JavaScript's toFixed and 0.812 with Python's '%.3f' (ties to even).
    expectSamePrint(printed(nbs.ch10), REF.ch10.join("\n"), 2e-3);
  });
});
