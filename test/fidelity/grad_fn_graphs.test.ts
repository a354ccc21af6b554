/**
 * The autograd graph PyTorch 1.13 builds, as tutorials print it (`y.grad_fn`, `next_functions`):
 * nn.Linear with and without bias for 1-D to 4-D inputs (MmBackward0 without bias, AddmmBackward0
 * with it, UnsafeViewBackward0 / ViewBackward0 around the folded product of 3-D input) and other
 * common ops. Each case is the literal port of the snippet of the same name in
 * test/reference/gen_fidelity.py; the graph is written Name(child, ...) down to the leaves.
 */
import { torch } from "../../src";
import { readReference } from "../tensor/fixtures";

const { nn } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
interface GraphNode {
  name(): string;
  next_functions: [GraphNode | null, number][];
}

const ref = readReference<{ grad_fn: Record<string, string> }>("fidelity.json").grad_fn;

function graph(f: GraphNode | null): string {
  if (f === null) return "None";
  const n = f.name();
  if (n === "AccumulateGrad") return n;
  return `${n}(${f.next_functions.map(([g]) => graph(g)).join(", ")})`;
}

const leaf = (...shape: number[]): Tensor => torch.randn(...shape, { requires_grad: true });

describe("nn.Linear's grad_fn graph as PyTorch's", () => {
  const cases: [string, number[], boolean][] = [];
  for (const shape of [[4], [2, 4], [2, 3, 4], [2, 2, 3, 4]]) for (const bias of [true, false]) cases.push([`linear_${shape.length}d_${bias ? "bias" : "nobias"}`, shape, bias]);
  test.each(cases)("%s (input requires grad)", (name, shape, bias) => {
    const y = new nn.Linear(4, 3, { bias })(leaf(...shape));
    expect(graph(y.grad_fn)).toBe(ref[name]);
  });
  test.each(cases)("%s (input without grad)", (name, shape, bias) => {
    const y = new nn.Linear(4, 3, { bias })(torch.randn(...shape));
    expect(graph(y.grad_fn)).toBe(ref[`${name}_data`]);
  });
  test("values and gradients of the 3-D and 1-D paths match a hand-written x @ W.T + b", () => {
    for (const shape of [[4], [2, 3, 4], [2, 2, 3, 4]]) {
      for (const bias of [true, false]) {
        const lin = new nn.Linear(4, 3, { bias });
        const x = leaf(...shape);
        const y = lin(x);
        const x2 = x.detach().requires_grad_();
        const want = bias ? x2.matmul(lin.weight.detach().t()).add(lin.bias!.detach()) : x2.matmul(lin.weight.detach().t());
        expect(y.shape).toEqual(want.shape);
        expect(torch.allclose(y, want, { atol: 1e-5 })).toBe(true);
        y.pow(2).sum().backward();
        want.pow(2).sum().backward();
        expect(torch.allclose(x.grad!, x2.grad!, { atol: 1e-4 })).toBe(true);
      }
    }
  });
});

describe("common ops' grad_fn graphs as PyTorch's", () => {
  let a: Tensor, b: Tensor, m: Tensor;
  beforeAll(() => {
    a = leaf(3, 4);
    b = leaf(3, 4);
    m = leaf(4, 2);
  });
  const ops: Record<string, () => Tensor> = {
    add: () => a.add(b),
    sub: () => a.sub(b),
    mul: () => a.mul(b),
    div: () => a.div(b),
    mul_scalar: () => a.mul(2),
    neg: () => a.neg(),
    pow: () => a.pow(2),
    exp: () => a.exp(),
    log: () => a.abs().log(),
    sigmoid: () => torch.sigmoid(a),
    tanh: () => torch.tanh(a),
    relu: () => torch.relu(a),
    F_relu: () => F.relu(a),
    mm: () => a.mm(m),
    matmul_2d: () => a.matmul(m),
    matmul_1d_2d: () => a.get(0).matmul(m),
    matmul_3d_2d: () => leaf(2, 3, 4).matmul(m),
    sum: () => a.sum(),
    sum_dim: () => a.sum({ dim: 1 }),
    mean: () => a.mul(b).mean(),
    mean_dim: () => a.mean(0),
    max_all: () => a.max(),
    max_dim_values: () => a.max(1)[0],
    view: () => a.view(12),
    reshape: () => a.reshape(2, 6),
    flatten: () => a.flatten(),
    t: () => a.t(),
    transpose: () => a.transpose(0, 1),
    permute: () => a.permute(1, 0),
    unsqueeze: () => a.unsqueeze(0),
    squeeze: () => a.unsqueeze(0).squeeze(0),
    select: () => a.get(0),
    slice: () => a.index(":, 1:3"),
    cat: () => torch.cat([a, b]),
    stack: () => torch.stack([a, b]),
    softmax: () => F.softmax(a, { dim: 1 }),
    log_softmax: () => F.log_softmax(a, { dim: 1 }),
    cross_entropy: () => F.cross_entropy(a, torch.tensor([0, 1, 3])),
    mse_loss: () => F.mse_loss(a, b),
    clamp: () => a.clamp(0, 1),
    abs: () => a.abs(),
    sqrt: () => a.abs().sqrt(),
    norm: () => a.norm(),
    conv2d: () => new nn.Conv2d(1, 2, 3)(leaf(1, 1, 5, 5)),
    max_pool2d: () => F.max_pool2d(leaf(1, 1, 4, 4), 2),
    dropout_train: () => F.dropout(a, 0.5, { training: true }),
    batchnorm1d: () => new nn.BatchNorm1d(4)(a),
  };
  test("every reference case has a port", () => {
    expect(Object.keys(ops).sort()).toEqual(Object.keys(ref).filter((k) => !k.startsWith("linear_")).sort());
  });
  // Still different from PyTorch (outside this change's files): stack unsqueezes its inputs first; nll_loss lists its target; norm is composed of
  // sum/sqrt/where. test.failing keeps them visible: a fix turns the case red until it moves up.
  const KNOWN_GAPS = new Set(["stack"]);
  test.each(Object.keys(ops).filter((k) => !KNOWN_GAPS.has(k)))("%s", (name) => {
    expect(graph(ops[name]().grad_fn)).toBe(ref[name]);
  });
  test.failing.each([...KNOWN_GAPS])("%s (known gap)", (name) => {
    expect(graph(ops[name]().grad_fn)).toBe(ref[name]);
  });
});
