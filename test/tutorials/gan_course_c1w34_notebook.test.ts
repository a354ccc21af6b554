/** DeepLearning.AI GANs Specialization C1W3 (WGAN-GP) and C1W4A (conditional GAN) as notebooks: see _gan_course_cells.ts. */
import { cellsOf, sectionsForSuite } from "./_notebooks";
import { expectSameCells } from "./_tutorial";
import { asShown, figuresOf } from "./_figures";
import { C1W3, C1W4, R } from "./_gan_course_cells";

describe("DeepLearning.AI GANs Specialization C1W3 and C1W4 as notebooks", () => {
  const nbs = sectionsForSuite("gan-course-34", { gan_c1w34: { c1w3: C1W3, c1w4: C1W4 } });
  test.each(["c1w3", "c1w4"])("%s: each cell prints what PyTorch 1.13 prints", (name) => {
    expectSameCells(cellsOf(nbs[name]), R[name]);
  });
  test.each(["c1w3", "c1w4"])("%s: each cell shows the figures matplotlib shows (repr, images' sizes, lines, legend, axis)", (name) => {
    expect(figuresOf(nbs[name])).toEqual(asShown(R[name].map((c) => c.figures)));
  });
});
