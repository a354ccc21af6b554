/**
 * PyTorch's "Writing Custom Datasets, DataLoaders and Transforms" (pytorch/tutorials,
 * beginner_source/data_loading_tutorial.py, the 1.13 release), ported cell by cell: the landmarks csv
 * read with pandas (`iloc[n, 1:]`, np.asarray, astype('float').reshape(-1, 2)), show_landmarks with
 * plt.imshow / scatter / pause, the FaceLandmarksDataset class, its first four samples in subplots with
 * `show_landmarks(**sample)`, the Rescale / RandomCrop / ToTensor classes (np.random.randint crops,
 * `landmarks * [new_w / w, new_h / h]`, `landmarks - [left, top]`, `image.transpose((2, 0, 1))`,
 * torch.from_numpy) applied alone and through transforms.Compose, the transformed dataset, and the
 * shuffled DataLoader's batches of dict samples with show_landmarks_batch (utils.make_grid). Each cell
 * runs through `torchlab run` in order in one notebook and must print what the same Python cell printed
 * on PyTorch 1.13 (test/reference/gen_data_loading.py, data_loading.json), numbers within float32
 * tolerance: the random crops (NumPy's legacy np.random.seed(0) stream) and the shuffle are PyTorch's.
 * Stand-ins: the faces download is 69 RGB PNGs of about 140 x 140 from a formula and a face_landmarks.csv
 * of 68 integer landmarks each (SETUP below, the generator's faces_setup). skimage is installed neither
 * beside the generator's PyTorch nor in torchlab: `io.imread` is `plt.imread` (a PNG is float32 in
 * [0, 1]), and `transform.resize(image, (new_h, new_w))` is F.interpolate (bilinear) of the image as
 * a tensor, back to HWC with `.numpy().transpose((1, 2, 0))`.
 * Added prints (the tutorial shows these as plots): each transform's output shape, dtype, first
 * landmarks and a corner of the image (rounded to 4 places: float32 interpolation differs in the last
 * digit, which changes NumPy's column widths), and each batch's first landmarks and mean pixel;
 * `np.random.seed(0)` before the transforms. Left out: `from __future__ import ...` and the imports
 * the prelude makes (`import warnings` too), the afterword's ImageFolder snippet (text in the tutorial,
 * not run; its transforms.RandomSizedCrop is gone from torchvision 0.14), the figures themselves (they
 * are drawn, not compared). `plt.ion()` shows nothing here (matplotlib's returns an
 * ExitStack, which Jupyter shows as `<contextlib.ExitStack at 0x...>`).
 * Written differently from the tutorial: `x[:, 0]` is `x[':, 0']`, the crop's slice is a template
 * string, tuples are arrays, `isinstance(output_size, (int, tuple))` is `[int, tuple]`, the classes
 * declare their untyped fields, and the docstrings are comments.
 * What the port found, fixed:
 * - `warnings.filterwarnings("ignore")` did not compile: the prelude now has Python's warnings module
 *   (filterwarnings, simplefilter, resetwarnings, warn), whose filters the kernel applies to the
 *   warnings torchlab raises (src/warnings.ts, kernel/warnings.ts; kernel/prelude.ts's names).
 * - plt.imread, plt.pause, plt.ion / ioff / isinteractive did not exist (src/matplotlib/pyplot.ts).
 * - `np.array([landmarks])` of a pandas Series (any sequence below the top level) raised
 *   "float() argument must be ... not 'object'"; a float of an object row too (src/numpy/core.ts).
 * - `df.iloc[n, 1:]` of a frame with a string column was int64 (pandas takes the row first: object).
 * - `isinstance(x, (int, tuple))` did not compile, and `isinstance(x, tuple)` was always False.
 * - `landmarks - [left, top]` (an array or untyped value beside a list) did not compile (kernel/rewrite.ts).
 * - `tsfrm(sample)` over `[scale, crop, composed]` (instances with `__call__` and a Compose) did not
 *   compile: "This expression is not callable" (kernel/call_dunder.ts).
 * - A DataLoader over a dataset whose items hold a NumPy array did not compile ("has or is using name
 *   'IPYTHON_REPR'": its batch type mapped the array's members); the batch's array is a Tensor, and
 *   default_collate stacks NumPy arrays as PyTorch's does (src/utils/data).
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

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "data_loading.json"), "utf8")) as { cells: Cell[] };

/** Not a tutorial cell: the faces stand-in, written as gen_data_loading.py's faces_setup writes it. */
const SETUP = `const fs = require("fs"), nodePath = require("path"), nodeOs = require("os");
process.chdir(fs.mkdtempSync(nodePath.join(nodeOs.tmpdir(), "data-loading-")));
fs.mkdirSync("data/faces", {recursive: true});
{
  const rows = [["image_name", ...Array.from({length: 136}, (_, i) => \`part_\${Math.floor(i / 2)}_\${"xy"[i % 2]}\`)].join(",")];
  for (let k = 0; k < 69; k++) {
    const [h, w] = [130 + (k * 5) % 29, 130 + (k * 7) % 31];
    const y = torch.arange(h).reshape(h, 1, 1), x = torch.arange(w).reshape(1, w, 1), c = torch.arange(3).reshape(1, 1, 3);
    const pixels = (37 * y + 11 * x + 71 * c + 13 * k + (x * y * 7) % 23) % 256;
    torchvision.io.write_png(pixels.to(torch.uint8).permute(2, 0, 1), \`data/faces/face_\${k}.png\`);
    const marks = Array.from({length: 68}, (_, j) => [(3 * k + 5 * j) % w, (2 * k + 7 * j) % h]).flat();
    rows.push([\`face_\${k}.png\`, ...marks].join(","));
  }
  fs.writeFileSync("data/faces/face_landmarks.csv", rows.join("\\n") + "\\n");
}`;

let printed: string[];

beforeAll(async () => {
  printed = (await printedCells("data-loading", [SETUP, ...fixture.cells.map((c) => c.ts)])).slice(1);
}, 300000);

describe("Writing Custom Datasets, DataLoaders and Transforms prints what PyTorch 1.13 prints", () => {
  test.each(fixture.cells.map((c, i) => [i + 1, c] as const))("cell %i", (i, c) => {
    expectSamePrint(printed[i - 1], c.print);
  });
});
