/**
 * ShusenTang/Dive-into-DL-PyTorch (《动手学深度学习》PyTorch版) chapter 5 (CNN: 5.1-5.12) and chapter 7
 * (optimization: 7.2-7.8), the code cells in order, ported as notebooks run through `torchlab run`
 * with the book's helpers (d2lzh_pytorch, ./_d2lzh_cnn_opt.ts) as the first cell. What a cell displays
 * is printed with console.log (two cells leave a list of tensors as their value, shown as Jupyter shows
 * it); the text must be PyTorch 1.13's (test/reference/gen_shusen2.py,
 * shusen2.json): tensors and shapes exactly, training figures within float32 tolerance.
 *
 * Stand-ins: seeded Fashion-MNIST images for the download (64 train, 32 test, batch 32, 1 epoch),
 * seeded standardised regression data (300 x 5) for the airfoil file (so 7.3's full-batch run is
 * `train_sgd(1, 300, 6)`), `torch.normal` for `np.random.normal`, no timings (the printed
 * "time ... sec" / "sec per epoch" is cut; train_ch7 prints how many losses it recorded instead of
 * plotting them). Each training run is seeded (`torch.manual_seed(0)`) on both sides.
 * Smaller than the book, for speed: VGG's shape loop and repr use the book's ratio-8 network (the
 * full one is only described), and of the chapter-5 networks LeNet, the scratch and concise
 * batch-norm LeNets and DenseNet (48x48 stand-ins instead of 96x96) train; AlexNet is printed, VGG,
 * NiN, GoogLeNet, ResNet and DenseNet run the book's shape loops at the book's sizes.
 * Left out: the version/device print cells, 7.1 (matplotlib only), the plots of show_trace /
 * show_trace_2d / train_ch7, and the training of AlexNet, VGG, NiN, GoogLeNet and ResNet at 224/96
 * pixels (minutes of CPU each).
 */
import * as fs from "fs";
import * as path from "path";
import { printedText, sectionsForSuite, type ExecutedNotebook } from "./_notebooks";
import { CH5, CH7 } from "./_shusen2_cells";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "shusen2.json"), "utf8")) as Record<"ch5" | "ch7" | "shown", string[]>;

const SECTIONS = { ch5: CH5, ch7: CH7 };

const NUMBER = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g;

/**
 * Printed text equals PyTorch's: each line exactly, or (training figures) the same text with the same
 * number of digits and each number within float32 tolerance, or one unit of its last printed digit
 * (JavaScript's toFixed rounds 0.0625 up, Python's '%.3f' to even).
 */
function expectPrinted(got: string, want: string[]): void {
  const g = got.replace(/\n$/, "").split("\n");
  const w = want.join("\n").split("\n");
  expect(g.length).toBe(w.length);
  g.forEach((line, i) => {
    if (line === w[i]) return;
    expect(line.replace(/\d/g, "0")).toBe(w[i].replace(/\d/g, "0"));
    const a = line.match(NUMBER) ?? [];
    const b = w[i].match(NUMBER) ?? [];
    a.forEach((v, k) => {
      const decimals = (b[k].split(".")[1] ?? "").length;
      const tol = Math.max(5e-4 * Math.max(1, Math.abs(Number(b[k]))), 1.01 * 10 ** -decimals);
      if (Math.abs(Number(v) - Number(b[k])) > tol) throw new Error(`line ${i}: got ${line}, PyTorch printed ${w[i]}`);
    });
  });
}

/** The text/plain of each cell's value, in order. */
function shown(nb: ExecutedNotebook): string[] {
  return nb.cells.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === "execute_result")).map((o) => {
    const t = o.data?.["text/plain"] ?? "";
    return Array.isArray(t) ? t.join("") : t;
  });
}

describe("Dive-into-DL-PyTorch chapters 5 and 7 as notebooks through `torchlab run`", () => {
  // One notebook, one kernel: the second section starts from a reseeded torch, as a fresh kernel would.
  const nbs = sectionsForSuite("shusen2", { shusen2: SECTIONS }, 300_000);
  for (const name of ["ch5", "ch7"] as const) {
    test(`${name}: printed text is PyTorch's`, () => {
      expectPrinted(printedText(nbs[name]), R[name]);
    });
  }
  test("cells whose value is a list of tensors show as Jupyter shows the list (IPython's line breaks)", () => {
    expectPrinted([...shown(nbs.ch5), ...shown(nbs.ch7)].join("\n"), R.shown);
  });
});
