/** DeepLearning.AI GANs Specialization C1W1 ("Your First GAN") and C1W2 (DCGAN) as notebooks: see _gan_course_cells.ts. */
import { cellsOf, sectionsForSuite } from "./_notebooks";
import { expectSameCells } from "./_tutorial";
import { asShown, figuresOf } from "./_figures";
import { C1W1, C1W2, R } from "./_gan_course_cells";

describe("DeepLearning.AI GANs Specialization C1W1 and C1W2 as notebooks", () => {
  const nbs = sectionsForSuite("gan-course-12", { gan_c1w12: { c1w1: C1W1, c1w2: C1W2 } });
  test.each(["c1w1", "c1w2"])("%s: each cell prints what PyTorch 1.13 prints", (name) => {
    expectSameCells(cellsOf(nbs[name]), R[name]);
  });
  test.each(["c1w1", "c1w2"])("%s: each cell shows the figures matplotlib shows (repr, images' sizes, lines, legend, axis)", (name) => {
    expect(figuresOf(nbs[name])).toEqual(asShown(R[name].map((c) => c.figures)));
  });
});
