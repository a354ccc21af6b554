/**
 * grad_fn names as PyTorch 1.13 prints them for the common layers and losses, next_functions with
 * AccumulateGrad for leaves, and a grad_fn that prints as `<MseLossBackward0 object at 0x...>`. The names were
 * read from PyTorch 1.13 running the same calls (e.g. `nn.Linear(4, 2)(x).grad_fn`).
 */
import * as util from "util";
import { torch } from "../../src";
import { plainText } from "../../src/display/emitter";
import { pythonList } from "../../src/display/pylist";

const { nn } = torch;
const F = nn.functional;
/** A printed node without its made-up address. */
const bare = (node: unknown) => String(node).replace(/ at 0x[0-9a-f]{12}>$/, ">");
type Tensor = InstanceType<typeof torch.Tensor>;

describe("grad_fn names", () => {
  const x = () => torch.randn(3, 4, { requires_grad: true });
  let linear: InstanceType<typeof nn.Linear> | null = null;
  const lin = () => (linear ??= new nn.Linear(4, 2));
  test.each<[string, () => Tensor]>([
    ["AddmmBackward0", () => lin().forward(x())],
    ["AddBackward0", () => lin().forward(x().get(0))],
    ["MseLossBackward0", () => F.mse_loss(lin().forward(x()), torch.zeros(3, 2))],
    ["NllLossBackward0", () => F.cross_entropy(lin().forward(x()), torch.tensor([0, 1, 1]))],
    ["NllLossBackward0", () => F.nll_loss(F.log_softmax(lin().forward(x()), 1), torch.tensor([0, 1, 1]))],
    ["LogSoftmaxBackward0", () => F.log_softmax(x(), 1)],
    ["ReluBackward0", () => F.relu(x())],
    ["MeanBackward0", () => x().mean()],
    ["SumBackward0", () => x().sum()],
    ["ViewBackward0", () => x().view(12)],
    ["ConvolutionBackward0", () => new nn.Conv2d(1, 2, 3).forward(torch.randn(1, 1, 5, 5))],
    ["BinaryCrossEntropyBackward0", () => F.binary_cross_entropy(torch.sigmoid(x()), torch.ones(3, 4))],
    ["BinaryCrossEntropyWithLogitsBackward0", () => F.binary_cross_entropy_with_logits(x(), torch.ones(3, 4))],
    ["SmoothL1LossBackward0", () => F.smooth_l1_loss(x(), torch.ones(3, 4))],
    ["HuberLossBackward0", () => F.huber_loss(x(), torch.ones(3, 4))],
    ["MeanBackward0", () => F.l1_loss(x(), torch.ones(3, 4))],
    ["ScatterBackward0", () => x().scatter(0, torch.tensor([[0, 1]]), torch.ones(1, 2))],
    ["ScatterBackward1", () => x().scatter(0, torch.tensor([[0, 1]]), 1)],
    ["ScatterAddBackward0", () => x().scatter_add(0, torch.tensor([[0, 1]]), torch.ones(1, 2))],
    ["DiagonalBackward0", () => x().diagonal()],
    ["PermuteBackward0", () => x().T],
    ["TransposeBackward0", () => x().mT],
    ["AliasBackward0", () => x().index("...")],
  ])("%s", (name, f) => {
    expect(f().grad_fn!.name()).toBe(name);
  });
});

describe("next_functions and printing", () => {
  test("Linear: AddmmBackward0 over (bias, input, TBackward0 of the weight), as PyTorch", () => {
    const lin = new nn.Linear(4, 2);
    const input = torch.randn(3, 4);
    const loss = F.mse_loss(lin.forward(input), torch.zeros(3, 2));
    const [[addmm, k], [target]] = loss.grad_fn!.next_functions;
    expect([bare(addmm), k, target]).toEqual(["<AddmmBackward0 object>", 0, null]);
    const [[bias], [inp], [t]] = (addmm as { next_functions: [unknown, number][] }).next_functions;
    expect(bare(bias)).toBe("<AccumulateGrad object>");
    expect((bias as { variable: Tensor }).variable).toBe(lin.bias);
    expect(inp).toBeNull();
    expect(bare(t)).toBe("<TBackward0 object>");
    const [[acc]] = (t as { next_functions: [unknown, number][] }).next_functions;
    expect((acc as { variable: Tensor }).variable).toBe(lin.weight);
  });

  test("backward() frees the saved tensors but keeps next_functions: the same nodes, leaves and None", () => {
    const lin = new nn.Linear(4, 2);
    const w = torch.randn(2, { requires_grad: true });
    // MulBackward0 saves its inputs; AddBackward0 (of w and a constant) saves nothing.
    const out = lin.forward(torch.randn(3, 4)).mul(w).add(torch.ones(2)).sum();
    const walk = (node: unknown): unknown[] =>
      ((node as { next_functions: [unknown, number][] }).next_functions).map(([n, k]) => [n, k, n === null || bare(n) === "<AccumulateGrad object>" ? [] : walk(n)]);
    const before = walk(out.grad_fn);
    out.backward();
    expect(walk(out.grad_fn)).toEqual(before);
    const add = out.grad_fn!.next_functions[0][0]!;
    const [[mul], [none]] = (add as { next_functions: [unknown, number][] }).next_functions;
    expect(none).toBeNull();
    const [[addmm], [accW]] = (mul as { next_functions: [unknown, number][] }).next_functions;
    expect((accW as { variable: Tensor }).variable).toBe(w);
    expect(accW).toBe(w.mul(1).grad_fn!.next_functions[0][0]);
    expect(bare(addmm)).toBe("<AddmmBackward0 object>");
    const [[accB]] = (addmm as { next_functions: [unknown, number][] }).next_functions;
    expect((accB as { variable: Tensor }).variable).toBe(lin.bias);
  });

  test("one AccumulateGrad per leaf", () => {
    const w = torch.randn(2, { requires_grad: true });
    const a = w.mul(2);
    const b = w.add(1);
    expect(a.grad_fn!.next_functions[0][0]).toBe(b.grad_fn!.next_functions[0][0]);
  });

  test("grad_fn prints as Python's <Name object at 0x...> in console.log and the notebook; next_functions as a tuple", () => {
    const x = torch.randn(3, { requires_grad: true });
    const loss = F.mse_loss(x, torch.zeros(3));
    const repr = util.inspect(loss.grad_fn);
    expect(repr).toMatch(/^<MseLossBackward0 object at 0x7f[0-9a-f]{10}>$/);
    // One object, one address; another object, another.
    expect(`${loss.grad_fn}`).toBe(repr);
    // A cell's value shows as IPython shows it, without "object" (<MseLossBackward0 at 0x...>), print() with it.
    const bundle = (loss.grad_fn as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for("Jupyter.display")]();
    expect(bundle["text/plain"]).toBe(repr.replace(" object at ", " at "));
    const acc = loss.grad_fn!.next_functions[0][0]!;
    expect(String(acc)).toMatch(/^<AccumulateGrad object at 0x7f[0-9a-f]{10}>$/);
    expect(String(acc)).not.toBe(repr);
    expect(String(x.mul(2).grad_fn!.next_functions[0][0])).toBe(String(acc));
    // As PyTorch prints them: ((<AccumulateGrad object at 0x...>, 0), (None, 0)), and () for a leaf's.
    expect(pythonList(loss.grad_fn!.next_functions)).toBe(`((${acc}, 0), (None, 0))`);
    expect(pythonList(acc.next_functions)).toBe("()");
    expect(pythonList(x.sum().grad_fn!.next_functions)).toBe(`((${acc}, 0),)`);
    // As a cell's value, IPython's pretty form: ((<AccumulateGrad at 0x...>, 0), (None, 0)).
    expect(plainText(loss.grad_fn!.next_functions)).toBe(`((${String(acc).replace(" object at ", " at ")}, 0), (None, 0))`);
    // Still plain arrays: indexing, destructuring and length as before.
    expect(Array.isArray(loss.grad_fn!.next_functions)).toBe(true);
    expect(loss.grad_fn!.next_functions.length).toBe(2);
  });

  test("a fused loss gives PyTorch's gradients and frees with the graph", () => {
    const p = torch.tensor([0.5, -1, 2], { requires_grad: true });
    const t = torch.tensor([0, 0, 1], { dtype: torch.float32 });
    F.mse_loss(p, t).backward();
    // PyTorch: 2 (p - t) / 3
    expect(Array.from(p.grad!.dataSync()).map((v) => Math.round(v * 1e4) / 1e4)).toEqual([0.3333, -0.6667, 0.6667]);
    const l = F.mse_loss(p, t);
    l.backward();
    expect(() => l.backward()).toThrow(/Trying to backward through the graph a second time/);
  });
});
