/**
 * What the Karpathy makemore ports share (test/tutorials/karpathy_notebook.test.ts, parts 1-3, 5 and
 * gpt-dev; karpathy_backprop_notebook.test.ts, part 4): the fixture test/reference/gen_karpathy.py
 * writes, the cells that read names.txt (karpathy_names.txt here) and build the vocabulary and the
 * datasets, and how a cell's outputs are compared with PyTorch's.
 */
import * as fs from "fs";
import * as path from "path";
import type { CellOutput } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";

export const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "karpathy.json"), "utf8")) as Record<string, CellOutput[]>;
const NAMES = path.join(__dirname, "..", "reference", "karpathy_names.txt");

export const READ = `import * as fs from "fs";
let words = fs.readFileSync('names.txt', 'utf8').trim().split('\\n');`;
export const VOCAB = `const chars = sorted(list(new Set(words.join(''))));
const stoi: Record<string, number> = Object.fromEntries(list(enumerate(chars)).map(([i, s]) => [s, i + 1]));
stoi['.'] = 0;
const itos: Record<number, string> = Object.fromEntries(Object.entries(stoi).map(([s, i]) => [i, s]));`;
// From part 2 on the lectures print itos: a Map prints as Python's dict (int keys, insertion order).
export const VOCAB_MAP = `const chars = sorted(list(new Set(words.join(''))));
const stoi: Record<string, number> = Object.fromEntries(list(enumerate(chars)).map(([i, s]) => [s, i + 1]));
stoi['.'] = 0;
const itos = new Map(Object.entries(stoi).map(([s, i]) => [i, s]));`;
export const SHUFFLE = `torch.manual_seed(42);
words = (torch.randperm(len(words)).tolist() as number[]).map((i) => words[i]);`;

export const BUILD = `function build_dataset(words: string[]): [torch.Tensor, torch.Tensor] {
  let X: any = [], Y: any = [];
  for (const w of words) {

    let context = Array(block_size).fill(0);
    for (const ch of w + '.') {
      const ix = stoi[ch];
      X.push(context);
      Y.push(ix);
      context = [...context.slice(1), ix]; // crop and append
    }
  }
  X = torch.tensor(X);
  Y = torch.tensor(Y);
  print(X.shape, Y.shape);
  return [X, Y];
}

${SHUFFLE}
const n1 = int(0.8*len(words));
const n2 = int(0.9*len(words));

const [Xtr, Ytr] = build_dataset(words.slice(0, n1));
const [Xdev, Ydev] = build_dataset(words.slice(n1, n2));
const [Xte, Yte] = build_dataset(words.slice(n2));`;

/**
 * Each cell printed and showed PyTorch's text (numbers within float32 tolerance). The cells of `loose`
 * print losses after SGD steps: the lectures' first steps run at a loss of ~20 with saturated tanh
 * units, where float32 rounding differences (summation order in matmul / cross_entropy, one ulp at
 * step 0) grow by ~10x every few dozen steps, so those numbers are held to 1%; the sampled names after
 * them must still be PyTorch's exactly. A number printed as zero (`%+f` of a ~1e-10 mean) may carry
 * either sign.
 */
export function expectCells(got: CellOutput[], want: CellOutput[], loose: number[] = []): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => {
    const tol = loose.includes(i) ? 1e-2 : 2e-4;
    // A mean that prints as zero may carry either sign ('%+f' of a ~1e-10 gradient mean).
    const zero = (c: CellOutput) => ({ printed: c.printed.replace(/[+-](0\.0+)(?![0-9])/g, "$1"), shown: c.shown });
    const g = zero(got[i]);
    w = zero(w);
    expect([i, g.printed.split("\n").length]).toEqual([i, w.printed.split("\n").length]);
    expectSamePrint(g.printed, w.printed, tol);
    expect([i, g.shown === null]).toEqual([i, w.shown === null]);
    if (w.shown !== null) expectSamePrint(g.shown as string, w.shown, tol);
  });
}

export const withNames = (cells: string[]) => cells.map((c) => c.replace("'names.txt'", JSON.stringify(NAMES)));
