/**
 * Dive into Deep Learning (d2l.ai, PyTorch edition) chapter 14, "Computer Vision": 14.3's bounding
 * boxes, 14.4's anchor boxes (multibox_prior with torch.meshgrid and repeat_interleave, box_iou,
 * assign_anchor_to_bbox, offset_boxes, multibox_target, offset_inverse, nms, multibox_detection), 14.10's
 * transposed convolution (trans_conv by hand, nn.ConvTranspose2d with padding and stride, the
 * convolution as a matrix) and 14.11's bilinear_kernel initialising FCN's upsampling layer. Each cell
 * runs through `torchlab run` in order, in one notebook, and must print what the book's Python cell
 * printed on PyTorch 1.13 (test/reference/gen_d2l_anchors.py, d2l_anchors.json), numbers within
 * float32 tolerance.
 * Written differently from the book: keyword arguments are options objects, `X[:, None, :2]` is
 * `X[":, None, :2"]`, tuples are arrays, `(kernel_size + 1) // 2` is `Math.floor((kernel_size + 1) / 2)`,
 * the values the book's cells show are printed, and the rebound names X, Y, K, W get their own names
 * where the dialect's types differ (`Xc`, `Yc`, `W2`). Stand-ins: catdog.jpg's 561 x 728 shape (only
 * its shape is used) and a 3 x 32 x 40 ramp for the image FCN upsamples; no plots.
 * What the port found: a 0-dim integer tensor index (`jaccard[:, box_idx] = col_discard`,
 * `anchors_bbox_map[anc_idx] = box_idx`) was an index tensor, so the write was index_put_, which
 * refused the long value for the float tensor; and Python's `k[:2], k[3:5] = K[0, :], K[1, :]`
 * (`[k[":2"], k["3:5"]] = [...]`) did not compile.
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

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "d2l_anchors.json"), "utf8")) as { cells: Cell[] };

let printed: string[];

beforeAll(async () => {
  printed = await printedCells("d2l-anchors", fixture.cells.map((c) => c.ts));
}, 300000);

describe("d2l chapter 14 (anchor boxes, transposed convolution, FCN's bilinear kernel) prints what PyTorch 1.13 prints", () => {
  test.each(fixture.cells.map((c, i) => [i + 1, c] as const))("cell %i", (i, c) => {
    expectSamePrint(printed[i - 1], c.print);
  });
});
