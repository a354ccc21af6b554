/**
 * Dive into Deep Learning (d2l-zh, PyTorch edition), chapter_preliminaries: ndarray,
 * linear-algebra, autograd and probability, ported cell by cell and run as notebooks through
 * `torchlab run` (the kernel, its prelude and the notebook dialect: operators on tensors, `x[-1]`,
 * `X[1, 2] = 9`, `X += Y`, `1.0`-style literals). Each cell's shown value must be PyTorch's
 * (test/reference/gen_d2l_preliminaries.py). Python's tuples are written as arrays here; those
 * cells are compared without the whitespace Node's array printing adds.
 *
 * Divergences this port found and that are fixed: `torch.tensor(X.numpy())` did not type-check,
 * `float(a)` / `int(a)` (`Number(a)`) gave NaN, `A.cumsum({axis: 0})` did not type-check, and
 * `torch.distributions.multinomial.Multinomial` did not exist, and `b.sum()` on the 0-d `b` of the
 * control-flow example shared b's buffer, so `d` was freed under the user once the sum was collected.
 */
import * as fs from "fs";
import * as path from "path";
import { sectionsForSuite, type ExecutedNotebook as Nb } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "d2l_preliminaries.json"), "utf8")) as Record<string, (string | null)[]>;

const NDARRAY = [
  `let x = torch.arange(12);\nx`,
  `x.shape`,
  `x.numel()`,
  `let X = x.reshape(3, 4);\nX`,
  `torch.zeros([2, 3, 4])`,
  `torch.ones([2, 3, 4])`,
  `torch.manual_seed(0);\ntorch.randn(3, 4)`,
  `torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])`,
  `x = torch.tensor([1.0, 2, 4, 8]);\nlet y = torch.tensor([2, 2, 2, 2]);\n[x + y, x - y, x * y, x / y, x ** y]`,
  `torch.exp(x)`,
  `X = torch.arange(12, {dtype: torch.float32}).reshape([3,4]);\nlet Y = torch.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]]);\n[torch.cat([X, Y], {dim: 0}), torch.cat([X, Y], {dim: 1})]`,
  `X == Y`,
  `X.sum()`,
  `let a = torch.arange(3).reshape([3, 1]);\nlet b = torch.arange(2).reshape([1, 2]);\n[a, b]`,
  `a + b`,
  `[X[-1], X["1:3"]]`,
  `X[1, 2] = 9;\nX`,
  `X["0:2, :"] = 12;\nX`,
  `let before = Y;\nY = Y + X;\nY === before`,
  `let Z = torch.zeros_like(Y);\nZ[":"] = X + Y;\nZ`,
  `before = X;\nX += Y;\nX === before`,
  `let A = X.numpy();\nlet B = torch.tensor(A);\n[B, B.dtype]`,
  `let a2 = torch.tensor([3.5]);\n[a2, a2.item(), Number(a2), Math.trunc(Number(a2))]`,
];

const LINEAR_ALGEBRA = [
  `let x = torch.tensor(3.0);\nlet y = torch.tensor(2.0);\n[x + y, x * y, x / y, x**y]`,
  `x = torch.arange(4);\nx`,
  `x[3]`,
  `x.length`,
  `x.shape`,
  `let A = torch.arange(20).reshape(5, 4);\nA`,
  `A.T`,
  `let B = torch.tensor([[1, 2, 3], [2, 0, 4], [3, 4, 5]]);\nB`,
  `B == B.T`,
  `let X = torch.arange(24).reshape(2, 3, 4);\nX`,
  `A = torch.arange(20, {dtype: torch.float32}).reshape(5, 4);\nB = A.clone();\n[A, A + B]`,
  `A * B`,
  `let a = 2;\nX = torch.arange(24).reshape(2, 3, 4);\n[a + X, (a * X).shape]`,
  `x = torch.arange(4, {dtype: torch.float32});\n[x, x.sum()]`,
  `[A.shape, A.sum()]`,
  `let A_sum_axis0 = A.sum({axis: 0});\n[A_sum_axis0, A_sum_axis0.shape]`,
  `let A_sum_axis1 = A.sum({axis: 1});\n[A_sum_axis1, A_sum_axis1.shape]`,
  `A.sum({axis: [0, 1]})`,
  `[A.mean(), A.sum() / A.numel()]`,
  `[A.mean({axis: 0}), A.sum({axis: 0}) / A.shape[0]]`,
  `let sum_A = A.sum({axis: 1, keepdims: true});\nsum_A`,
  `A / sum_A`,
  `A.cumsum({axis: 0})`,
  `y = torch.ones(4, {dtype : torch.float32});\n[x, y, torch.dot(x, y)]`,
  `torch.sum(x * y)`,
  `[A.shape, x.shape, torch.mv(A, x)]`,
  `B = torch.ones(4, 3);\ntorch.mm(A, B)`,
  `let u = torch.tensor([3.0, -4.0]);\ntorch.norm(u)`,
  `torch.abs(u).sum()`,
  `torch.norm(torch.ones([4, 9]))`,
];

const AUTOGRAD = [
  `let x = torch.arange(4.0);\nx`,
  `x.requires_grad_(true);\nx.grad`,
  `let y = 2 * torch.dot(x, x);\ny`,
  `y.backward();\nx.grad`,
  `x.grad == 4 * x`,
  `x.grad!.zero_();\ny = x.sum();\ny.backward();\nx.grad`,
  `x.grad!.zero_();\ny = x * x;\ny.sum().backward();\nx.grad`,
  `x.grad!.zero_();\ny = x * x;\nlet u = y.detach();\nlet z = u * x;\nz.sum().backward();\nx.grad == u`,
  `x.grad!.zero_();\ny.sum().backward();\nx.grad == 2 * x`,
  `function f(a: torch.Tensor): torch.Tensor {
  let b = a * 2;
  while (b.norm() < 1000) {
    b = b * 2;
  }
  let c: torch.Tensor;
  if (b.sum() > 0) {
    c = b;
  } else {
    c = 100 * b;
  }
  return c;
}
torch.manual_seed(0);
let a = torch.randn({size: [], requires_grad: true});
let d = f(a);
d.backward();`,
  `a.grad == d / a`,
  `[a, d, a.grad]`,
];

const PROBABILITY = [
  `const { multinomial } = torch.distributions;\nlet fair_probs = torch.ones([6]) / 6;\ntorch.manual_seed(0);\nnew multinomial.Multinomial(1, fair_probs).sample()`,
  `new multinomial.Multinomial(10, fair_probs).sample()`,
  `let counts = new multinomial.Multinomial(1000, fair_probs).sample();\ncounts / 1000`,
  `counts = new multinomial.Multinomial(10, fair_probs).sample([500]);\nlet cum_counts = counts.cumsum({dim: 0});\nlet estimates = cum_counts / cum_counts.sum({dim: 1, keepdims: true});\nestimates[":3"]`,
  `estimates[-1]`,
  `let m = new multinomial.Multinomial(10, fair_probs);\n[m, m.batch_shape, m.event_shape, m.support]`,
  `[m.log_prob(torch.tensor([1., 2, 3, 4, 0, 0])), m.mean, m.variance]`,
];

const SECTIONS: Record<string, string[]> = { ndarray: NDARRAY, linear_algebra: LINEAR_ALGEBRA, autograd: AUTOGRAD, probability: PROBABILITY };

/** What each cell shows (its execute_result's text/plain, or null), and any error. */
function shown(nb: Nb): (string | null)[] {
  return nb.cells.map((c) => {
    const outs = c.outputs ?? [];
    const err = outs.find((o) => o.output_type === "error");
    if (err) return `ERROR ${err.ename}: ${err.evalue}`;
    const res = outs.find((o) => o.output_type === "execute_result");
    if (!res) return null;
    const t = res.data!["text/plain"];
    return Array.isArray(t) ? t.join("") : t;
  });
}

describe("d2l chapter_preliminaries as notebooks through `torchlab run`", () => {
  const out: Record<string, (string | null)[]> = {};
  // One notebook, one kernel: each section after the first starts from a reseeded torch, as a fresh kernel would.
  // Its "every cell runs" test also requires that no cell shows an error.
  const nbs = sectionsForSuite("d2l-prelim", { d2l_prelim: SECTIONS }, 240_000);
  beforeAll(() => {
    for (const name of Object.keys(SECTIONS)) out[name] = shown(nbs[name]);
  });

  for (const name of Object.keys(SECTIONS)) {
    test(`${name}: every cell shows PyTorch's value`, () => {
      const want = R[name];
      expect(out[name].length).toBe(want.length);
      want.forEach((w, i) => {
        const got = out[name][i];
        if (w === null || got === null) {
          expect([i, got]).toEqual([i, w]);
        } else if (w.startsWith("[")) {
          // A tuple: Node prints the array over several indented lines.
          expectSamePrint(got.replace(/\s+/g, ""), w.replace(/\s+/g, ""));
        } else {
          expectSamePrint(got, w);
        }
      });
    });
  }
});
