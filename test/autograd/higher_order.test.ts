/**
 * Higher-order gradients (create_graph) against PyTorch 1.13 (test/reference/gen_higher_order.py):
 * second derivatives of elementwise chains, grad of grad through matmul, mse_loss, cross_entropy,
 * softmax, relu, nn.Linear and nn.Conv2d, a WGAN-GP critic step, torch.autograd.functional's hessian,
 * hvp and vhp, backward(create_graph) then backward through x.grad, third derivatives; the errors for
 * what cannot be differentiated twice, and bounded memory over a loop of create_graph steps.
 */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";
import { record } from "../../src/ops/_core";
import { readReference } from "../tensor/fixtures";
import { expectTensor, Encoded } from "../tutorials/_tutorial";
import { settle } from "../memory_settle";

type Tensor = InstanceType<typeof torch.Tensor>;
const F = torch.nn.functional;
const AF = torch.autograd.functional;
const grad = torch.autograd.grad;
const R = readReference<Record<string, Record<string, unknown>>>("higher_order.json");

const X = [0.5, -1.2, 2.0, 0.3];
const A = [[0.2, -0.4, 0.6], [1.0, 0.5, -0.3], [-0.7, 0.8, 0.1], [0.3, -0.2, -0.9]];
const W = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.4]];
const W5 = [[0.5, -0.3, 0.1, 0.7, -0.2], [0.2, 0.8, -0.5, 0.3, 0.6], [-0.6, 0.4, 0.9, -0.1, 0.2]];
const leaf = (v: number[] | number[][]) => torch.tensor(v, { dtype: torch.float32, requires_grad: true });

const CHAINS: Record<string, (x: Tensor) => Tensor> = {
  poly: (x) => x.pow(3).sub(x.pow(2).mul(2)).add(x.mul(3)),
  tanh: (x) => x.tanh().mul(x),
  sigmoid: (x) => x.sigmoid(),
  exp: (x) => x.mul(0.5).exp(),
  log: (x) => x.mul(x).add(1).log(),
  pow: (x) => x.mul(x).add(1).pow(1.5),
  sqrt: (x) => x.mul(x).add(1).sqrt(),
  div: (x) => x.div(x.mul(x).add(2)),
};

describe("d2/dx2 of elementwise chains", () => {
  for (const [name, f] of Object.entries(CHAINS)) {
    test(name, () => {
      const x = leaf(X);
      const [g] = grad(f(x).sum(), x, { create_graph: true });
      expect(g.requires_grad).toBe(true);
      const [g2] = grad(g.sum(), x);
      const want = R[`chain_${name}`] as Record<string, Encoded>;
      expectTensor(g, want.g);
      expectTensor(g2, want.g2);
    });
  }
});

/** d(sum of squares of d fn/d first)/d second, as gen_higher_order.py's grad_of_grad. */
function gradOfGrad(name: string, fn: () => Tensor, first: Tensor[], second: Tensor[]): void {
  const gs = grad(fn(), first, { create_graph: true });
  const pen = gs.map((g) => g.pow(2).sum()).reduce((a, b) => a.add(b));
  const g2 = grad(pen, second);
  const want = R[name] as { g: Encoded[]; g2: Encoded[] };
  gs.forEach((g, i) => expectTensor(g, want.g[i]));
  g2.forEach((g, i) => expectTensor(g, want.g2[i]));
}

describe("grad of grad through layers and losses", () => {
  test("matmul", () => {
    const x = leaf(A), w = leaf(W);
    gradOfGrad("matmul", () => x.matmul(w).tanh().sum(), [w], [x, w]);
  });
  test("mse_loss", () => {
    const x = leaf(A), w = leaf(W);
    const target = torch.tensor([[0.1, 0.2], [-0.3, 0.4], [0.5, -0.6], [0.0, 0.7]]);
    gradOfGrad("mse_loss", () => F.mse_loss(x.matmul(w), target), [x, w], [x, w]);
  });
  test("cross_entropy", () => {
    const x = leaf(A), w = leaf(W5);
    gradOfGrad("cross_entropy", () => F.cross_entropy(x.matmul(w), torch.tensor([1, 4, 0, 2])), [x], [x, w]);
  });
  test("softmax", () => {
    const x = leaf(A), w = leaf(W5);
    const c = torch.tensor([0.3, -1.0, 0.5, 2.0, -0.4]);
    gradOfGrad("softmax", () => F.softmax(x.matmul(w), 1).mul(c).sum(), [x], [x, w]);
  });
  test("relu", () => {
    const x = leaf(A), w = leaf(W);
    gradOfGrad("relu", () => F.relu(x.matmul(w)).pow(2).sum(), [x], [x, w]);
  });
  test("nn.Linear", () => {
    const lin = new torch.nn.Linear(3, 4);
    torch.no_grad(() => {
      lin.weight.copy_(torch.tensor([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6], [-0.7, 0.8, 0.9], [0.2, -0.1, 0.05]]));
      lin.bias!.copy_(torch.tensor([0.1, -0.1, 0.2, 0.0]));
    });
    const x = leaf(A);
    gradOfGrad("linear", () => lin.forward(x).tanh().sum(), [x], [x, lin.weight, lin.bias!]);
  });
  test("nn.Conv2d, then relu and max_pool2d", () => {
    const conv = new torch.nn.Conv2d(1, 2, 3);
    torch.no_grad(() => {
      conv.weight.copy_(torch.arange(18).float().reshape(2, 1, 3, 3).sub(8).mul(0.05));
      conv.bias!.copy_(torch.tensor([0.1, -0.2]));
    });
    const img = torch.arange(25).float().reshape(1, 1, 5, 5).mul(0.1).sub(1.2).requires_grad_(true);
    gradOfGrad("conv2d", () => conv.forward(img).tanh().sum(), [img], [img, conv.weight, conv.bias!]);
    const img6 = torch.arange(36).float().reshape(1, 1, 6, 6).mul(0.37).sin().requires_grad_(true);
    gradOfGrad("maxpool", () => F.max_pool2d(F.relu(conv.forward(img6)), 2).tanh().sum(), [img6], [img6, conv.weight]);
  });
});

test("WGAN-GP: the critic's gradient penalty step", () => {
  const D = new torch.nn.Sequential(new torch.nn.Linear(3, 5), new torch.nn.Tanh(), new torch.nn.Linear(5, 1));
  const [l0, , l2] = [...D.children()] as InstanceType<typeof torch.nn.Linear>[];
  torch.no_grad(() => {
    l0.weight.copy_(torch.tensor(W5).t());
    l0.bias!.copy_(torch.tensor([0.1, -0.2, 0.0, 0.3, -0.1]));
    l2.weight.copy_(torch.tensor([[0.4, -0.5, 0.6, -0.3, 0.2]]));
    l2.bias!.copy_(torch.tensor([0.05]));
  });
  const real = torch.tensor(A);
  const fake = torch.tensor([[0.9, -0.1, 0.4], [0.0, 0.3, 0.7], [-0.5, -0.6, 0.2], [0.8, 0.1, -0.4]]);
  const alpha = torch.tensor([[0.25], [0.5], [0.75], [0.1]]);
  const opt = new torch.optim.SGD(D.parameters(), { lr: 0.1 });
  const interp = alpha.mul(real).add(alpha.rsub(1).mul(fake)).requires_grad_(true);
  const d = D.forward(interp);
  const [gi] = grad(d, interp, { grad_outputs: torch.ones_like(d), create_graph: true });
  const gp = gi.norm(2, 1).sub(1).pow(2).mean();
  const loss = D.forward(fake).mean().sub(D.forward(real).mean()).add(gp.mul(10));
  opt.zero_grad();
  loss.backward();
  const want = R.wgan_gp as { gp: Encoded; loss: Encoded; grads: Encoded[]; after_step: Encoded[] };
  expectTensor(gp, want.gp);
  expectTensor(loss, want.loss);
  D.parameters().forEach((p, i) => expectTensor(p.grad!, want.grads[i]));
  opt.step();
  D.parameters().forEach((p, i) => expectTensor(p, want.after_step[i]));
});

describe("torch.autograd.functional: hessian, hvp, vhp", () => {
  const f1 = (x: Tensor) => x.pow(3).add(x.sin()).sum().add(x.mul(x.flip(0)).sum());
  const f2 = (a: Tensor, b: Tensor) => a.mul(b.exp()).sum().add(a.pow(2).mul(b).sum());
  const V = () => torch.tensor([1.0, -0.5, 0.25, 2.0]);
  const want = R.functional as Record<string, unknown>;
  test("hessian of one input, and of two", () => {
    expectTensor(AF.hessian(f1, torch.tensor(X)) as Tensor, want.hessian1 as Encoded);
    const h = AF.hessian(f2, [torch.tensor([0.3, -0.8]), torch.tensor([1.1, 0.4])]) as Tensor[][];
    (want.hessian2 as Encoded[][]).forEach((row, i) => row.forEach((e, j) => expectTensor(h[i][j], e)));
    expect(h[0][0].requires_grad).toBe(false);
  });
  test("hvp and vhp", () => {
    const [out, hv] = AF.hvp(f1, torch.tensor(X), V()) as [Tensor, Tensor];
    expectTensor(out, (want.hvp as Encoded[])[0]);
    expectTensor(hv, (want.hvp as Encoded[])[1]);
    const [out2, vh] = AF.vhp(f1, torch.tensor(X), V()) as [Tensor, Tensor];
    expectTensor(out2, (want.vhp as Encoded[])[0]);
    expectTensor(vh, (want.vhp as Encoded[])[1]);
    const [, two] = AF.vhp(f2, [torch.tensor([0.3, -0.8]), torch.tensor([1.1, 0.4])], [torch.tensor([1.0, 2.0]), torch.tensor([-1.0, 0.5])]) as [Tensor, Tensor[]];
    (want.vhp2 as Encoded[]).forEach((e, i) => expectTensor(two[i], e));
  });
  test("a function whose output is not one element is refused as PyTorch refuses it", () => {
    const errs = R.errors as Record<string, { type: string; message: string }>;
    expect(() => AF.hessian((t) => t.mul(2), torch.tensor(X))).toThrow(errs.hessian_not_scalar.message);
    expect(() => AF.hvp((t) => t.mul(2), torch.tensor(X), V())).toThrow(errs.hvp_not_scalar.message);
  });
});

test("backward(create_graph) leaves a differentiable x.grad", () => {
  const x = leaf(X);
  x.pow(3).sum().backward({ create_graph: true });
  const want = R.backward_create_graph as Record<string, Encoded>;
  expectTensor(x.grad!, want.first);
  expect(x.grad!.grad_fn).not.toBeNull();
  x.grad!.sum().backward();
  expectTensor(x.grad!, want.after);
});

test("third derivatives of x**3 and sin", () => {
  const want = R.third as Record<string, Encoded[]>;
  for (const [name, f] of [["cube", (t: Tensor) => t.pow(3)], ["sin", (t: Tensor) => t.sin()]] as const) {
    const x = leaf(X);
    const [g1] = grad(f(x).sum(), x, { create_graph: true });
    const [g2] = grad(g1.sum(), x, { create_graph: true });
    const [g3] = grad(g2.sum(), x);
    [g1, g2, g3].forEach((g, i) => expectTensor(g, want[name][i]));
  }
});

describe("what cannot be differentiated twice raises, naming the op", () => {
  test("a backward closure reading a tensor saved in the forward pass", () => {
    const x = leaf(X);
    // An op whose closure reads a value computed in its forward (2x) rather than its input.
    const saved = tf.mul(x._t, 2);
    const y = record("SavedTwiceBackward0", [x], tf.square(x._t), (g) => [tf.mul(g, saved)]);
    const [g] = grad(y.sum(), x, { create_graph: true });
    expect(() => grad(g.sum(), x)).toThrow(/create_graph=true: cannot differentiate the backward of SavedTwiceBackward0: .*saved in the forward pass/);
  });
  test("a backward closure reading its gradient's values into JavaScript", () => {
    const x = leaf(X);
    const y = record("ReadsBackBackward0", [x], tf.square(x._t), (g) => [tf.mul(tf.scalar(g.dataSync()[0]), tf.mul(x._t, 2))]);
    const [g] = grad(y.sum(), x, { create_graph: true });
    expect(() => grad(g.sum(), x)).toThrow(/ReadsBackBackward0: its closure reads a tensor's values back into JavaScript/);
  });
  test("a kernel without a registered gradient", () => {
    const x = leaf(X);
    tf.registerKernel({ kernelName: "HigherOrderTestDouble", backendName: tf.getBackend(), kernelFunc: ({ inputs, backend }) => {
      const t = inputs.x as tf.TensorInfo;
      const b = backend as unknown as { write(v: Float32Array, s: number[], d: string): object; readSync(id: object): Float32Array };
      return { dataId: b.write(Float32Array.from(b.readSync(t.dataId), (v) => 2 * v), t.shape, "float32"), shape: t.shape, dtype: "float32" } as tf.TensorInfo;
    } });
    const y = record("NoGradKernelBackward0", [x], tf.square(x._t), (g) => [tf.mul(g, tf.engine().runKernel("HigherOrderTestDouble", { x: x._t }) as tf.Tensor)]);
    const [g] = grad(y.sum(), x, { create_graph: true });
    expect(() => grad(g.sum(), x)).toThrow(/NoGradKernelBackward0: its closure runs the kernel HigherOrderTestDouble, which has no registered gradient/);
  });
  test("hooks under create_graph", () => {
    const x = leaf(X);
    const y = x.mul(2);
    y.register_hook((g: Tensor) => g);
    expect(() => grad(y.sum(), x, { create_graph: true })).toThrow(/create_graph=true with hooks/);
  });
  test("a graph freed by retain_graph=false cannot be differentiated again", () => {
    const x = leaf(X);
    const y = x.pow(3).sum();
    const [g] = grad(y, x, { create_graph: true, retain_graph: false });
    expect(() => grad(y, x)).toThrow(/Trying to backward through the graph a second time/);
    expectTensor(grad(g.sum(), x)[0], R.third.cube[1] as Encoded);
  });
});

test("a loop of create_graph steps inside a function does not leak tensors", async () => {
  const w = torch.tensor(W5, { dtype: torch.float32, requires_grad: true });
  const x = torch.tensor(A);
  function step(): void {
    const [g] = grad(x.matmul(w).tanh().sum(), w, { create_graph: true });
    const pen = g.pow(2).sum();
    pen.backward();
    w.grad = null;
  }
  for (let i = 0; i < 3; i++) step();
  const before = (await settle()).numTensors;
  for (let i = 0; i < 20; i++) step();
  const after = (await settle()).numTensors;
  expect(after).toBeLessThanOrEqual(before);
});

test("grad takes all its arguments by name, as WGAN-GP's get_gradient passes them", () => {
  const x = torch.tensor([[0.5, -1.0], [2.0, 0.25]], { requires_grad: true });
  const y = x.pow(3).sum(1, { keepdim: true });
  const [byName] = grad({ inputs: x, outputs: y, grad_outputs: torch.ones_like(y), create_graph: true, retain_graph: true });
  const [positional] = grad(y, x, { grad_outputs: torch.ones_like(y), create_graph: true });
  expect(byName.tolist()).toEqual([[0.75, 3], [12, 0.1875]]);
  expect(positional.tolist()).toEqual(byName.tolist());
  expect(byName.requires_grad).toBe(true);
  expect(() => grad({ inputs: x } as never)).toThrow("torch.autograd.grad() missing required argument 'outputs'");
  expect(() => grad({ outputs: y, inputs: x, create_grph: true } as never)).toThrow("unexpected keyword argument 'create_grph'");
});

test("only_inputs is taken and ignored, as PyTorch's (龙良曲's gradient_penalty passes only_inputs=True); false warns once", () => {
  const x = torch.tensor([[0.5, -1.0], [2.0, 0.25]], { requires_grad: true });
  const y = x.pow(3).sum(1, { keepdim: true });
  const warn = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
  try {
    const [g] = grad({ outputs: y, inputs: x, grad_outputs: torch.ones_like(y), create_graph: true, retain_graph: true, only_inputs: true });
    expect(g.tolist()).toEqual([[0.75, 3], [12, 0.1875]]);
    expect(warn).not.toHaveBeenCalled();
    const [h] = grad(y, x, { grad_outputs: torch.ones_like(y), only_inputs: false });
    expect(h.tolist()).toEqual([[0.75, 3], [12, 0.1875]]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("only_inputs argument is deprecated and is ignored now (defaults to True)"), "UserWarning");
  } finally {
    warn.mockRestore();
  }
});

describe("batch norm's backward differentiated (a gradient penalty through BatchNorm, as WGAN-GP's critic)", () => {
  const want = R.batch_norm as Record<string, { g: Encoded; g2: Encoded[] }>;
  const bn1d = (training: boolean) => {
    const bn = new torch.nn.BatchNorm1d(3);
    torch.no_grad(() => {
      bn.weight.copy_(torch.tensor([0.5, -1.5, 2.0]));
      bn.bias.copy_(torch.tensor([0.1, 0.2, -0.3]));
      bn.running_mean!.copy_(torch.tensor([0.1, -0.2, 0.3]));
      bn.running_var!.copy_(torch.tensor([0.5, 2.0, 1.5]));
    });
    return bn.train(training);
  };
  test.each([["train", true], ["eval", false]] as const)("BatchNorm1d in %s mode: grad of the input gradient w.r.t. input, weight and bias", (mode, training) => {
    const bn = bn1d(training);
    const x = leaf(A);
    const [g] = grad(bn.forward(x).pow(3).sum(), x, { create_graph: true });
    expectTensor(g, want[mode].g);
    const [gx, gw, gb] = grad(g.pow(2).sum(), [x, bn.weight, bn.bias!]);
    expectTensor(gx, want[mode].g2[0]);
    expectTensor(gw, want[mode].g2[1]);
    // In training the input gradient does not depend on the bias: PyTorch's values are rounding noise
    // (4.8e-7, -9.2e-5, 4.9e-4 beside weight gradients of 1.7e4), so both sides are only near zero.
    if (training) for (const v of gb.tolist() as number[]) expect(Math.abs(v)).toBeLessThan(1e-2);
    else expectTensor(gb, want[mode].g2[2]);
  });
  test("BatchNorm2d in training mode", () => {
    const x = torch.tensor(A).view(2, 2, 3).requires_grad_(true);
    const bn = new torch.nn.BatchNorm2d(2);
    torch.no_grad(() => bn.weight.copy_(torch.tensor([0.7, -1.1])));
    const [g] = grad(bn.forward(x.unsqueeze(-1)).tanh().sum(), x, { create_graph: true });
    expectTensor(g, want.train2d.g);
    grad(g.pow(2).sum(), [x, bn.weight, bn.bias!]).forEach((t, i) => expectTensor(t, want.train2d.g2[i]));
  });
});
