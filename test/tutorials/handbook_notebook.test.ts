/**
 * zergtant/pytorch-handbook (PyTorch 中文手册) chapter 2 (2.1.1 tensor, 2.1.2 autograd, 2.1.3 nn, 2.1.4
 * data loader, 2.2 linear regression by gradient descent, 2.3 activations, 2.4 CNNs, 2.5 RNNs), chapter 3
 * (3.1 logistic regression, 3.2 MNIST, 3.3 RNN) and 5.3 (Fashion-MNIST) run as a student runs them:
 * notebook cells through `torchlab run`, the data sets replaced by seeded stand-ins on both sides.
 * Each cell's output (what it prints, then its value as Jupyter shows it) must be PyTorch 1.13's for the
 * same cell (test/reference/gen_handbook.py, handbook.json), seeded alike, compared as text.
 */
import * as fs from "fs";
import * as path from "path";
import { sectionsForSuite, streamText, type ExecutedNotebook } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { ACTIVATIONS, AUTOGRAD, CNN, DATA_LOADER, MATHEMATICS, NETWORK, RNN_CELLS, TENSOR } from "./_handbook_cells";
import { FASHION_MNIST, LOGISTIC, MNIST, RNN_SIN } from "./_handbook_cells3";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "handbook.json"), "utf8")) as Record<string, string[]>;

/** One cell's output as Jupyter shows it: its stdout, then its value's text/plain (Python's booleans). */
function cellOutput(nb: ExecutedNotebook, i: number): string {
  return (nb.cells[i].outputs ?? [])
    .map((o) => {
      if (o.output_type === "stream" && o.name === "stdout") return streamText(o);
      if (o.output_type === "execute_result") {
        const t = o.data?.["text/plain"];
        return (Array.isArray(t) ? t.join("") : t ?? "") + "\n";
      }
      return "";
    })
    .join("")
    // objects printed by identity carry a made-up address (PyTorch's differs per run; the fixture has none)
    .replace(/ at 0x[0-9a-f]{12}>/g, ">")
    .replace(/\btrue\b/g, "True")
    .replace(/\bfalse\b/g, "False");
}

function expectCells(nb: ExecutedNotebook, first: number, want: string[], tol: number): void {
  want.forEach((w, i) => {
    try {
      expectSamePrint(cellOutput(nb, first + i), w, tol);
    } catch (e) {
      throw new Error(`cell ${i}:\n${String(e)}`);
    }
  });
}

// One notebook, one kernel: a later cell may redeclare a name, as in Python; each section after the first
// starts from a reseeded torch, as a fresh kernel would.
const SECTIONS: Record<string, string[]> = {
  tensor: TENSOR, autograd: AUTOGRAD, network: NETWORK, data_loader: DATA_LOADER,
  mathematics: MATHEMATICS, activations: ACTIVATIONS, cnn: CNN, rnn: RNN_CELLS, logistic: LOGISTIC, mnist: MNIST, rnn_sin: RNN_SIN, fashion_mnist: FASHION_MNIST,
};
const TOL: Record<string, number> = { mathematics: 2e-3, logistic: 2e-3, mnist: 2e-3, rnn_sin: 5e-3, fashion_mnist: 5e-3 };

/** JavaScript has no tuples: Normalize, given arrays, prints its mean/std as the lists it was given. */
function asArrays(name: string, cell: string, want: string): string {
  if (name === "data_loader" && cell.includes("transforms.Normalize")) return want.replace(/(mean|std)=\(([^)]*)\)/g, "$1=[$2]");
  return want;
}

describe("pytorch-handbook chapters 2, 3 and 5 as notebooks through `torchlab run`", () => {
  const nbs = sectionsForSuite("handbook", { handbook: SECTIONS }, 300_000);

  test.each(Object.keys(SECTIONS))("%s: every cell prints what PyTorch prints", (name) => {
    const cells = SECTIONS[name];
    expect(R[name].length).toBe(cells.length);
    expectCells(nbs[name], 0, R[name].map((w, i) => asArrays(name, cells[i], w)), TOL[name] ?? 2e-4);
  });
});
