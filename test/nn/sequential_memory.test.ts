/**
 * nn.Sequential frees the intermediates between its children as soon as the autograd graph lets go
 * of them (src/nn/modules/intermediates.ts), instead of leaving them to a full garbage collection.
 * Counted here in a synchronous loop with the reclaim budget out of reach, so nothing is collected:
 * what is left per step is exactly what no one freed. And what the user can still see (outputs,
 * their views, gradients, hooks' captures, the input) must stay readable and right.
 */
import { torch } from "../../src";
import { setGcBudget } from "../../src/backend/memory";

type Tensor = torch.Tensor;
const nn = torch.nn;

afterEach(() => setGcBudget(null));

function mlp(): torch.nn.Sequential {
  torch.manual_seed(0);
  return new nn.Sequential(new nn.Linear(6, 16), new nn.ReLU(), new nn.Linear(16, 16), new nn.Tanh(), new nn.Linear(16, 3));
}

function convNet(): torch.nn.Sequential {
  torch.manual_seed(0);
  return new nn.Sequential(
    new nn.Conv2d(3, 4, 3), new nn.BatchNorm2d(4), new nn.ReLU(), new nn.MaxPool2d(2, 2), new nn.Conv2d(4, 6, 3), new nn.ReLU(), new nn.Flatten(), new nn.Linear(6 * 2 * 2, 5));
}

/** The same children called one by one from user code, which may keep every intermediate. */
function byHand(seq: torch.nn.Sequential, x: Tensor): Tensor {
  let h = x;
  for (let i = 0; i < seq.length; i++) h = seq.get(i)(h) as Tensor;
  return h;
}

/** Backend tensors left per training step when nothing is garbage-collected. */
function leftPerStep(model: torch.nn.Sequential, x: Tensor, y: Tensor, forward: (x: Tensor) => Tensor): number {
  const opt = new torch.optim.SGD(model.parameters(), { lr: 0.01 });
  const step = (): void => {
    opt.zero_grad();
    const loss = nn.functional.mse_loss(forward(x), y);
    loss.backward();
    opt.step();
  };
  step();
  setGcBudget(1e12);
  const before = torch.memory().numTensors;
  for (let i = 0; i < 10; i++) step();
  return (torch.memory().numTensors - before) / 10;
}

test("a Linear/ReLU/Tanh Sequential's training step leaves its 4 intermediates freed, not waiting for the collector", () => {
  const x = torch.randn(8, 6);
  const y = torch.randn(8, 3);
  const model = mlp();
  const viaSequential = leftPerStep(model, x, y, (t) => model(t));
  setGcBudget(null);
  const other = mlp();
  const viaUserCode = leftPerStep(other, x, y, (t) => byHand(other, t));
  // The 4 tensors passed between the 5 children.
  expect(viaUserCode - viaSequential).toBe(4);
});

test("a conv/batch-norm/pool Sequential's training step frees its intermediates too", () => {
  const x = torch.randn(2, 3, 10, 10);
  const y = torch.randn(2, 5);
  const model = convNet();
  const viaSequential = leftPerStep(model, x, y, (t) => model(t));
  setGcBudget(null);
  const other = convNet();
  const viaUserCode = leftPerStep(other, x, y, (t) => byHand(other, t));
  // All 7 tensors passed between the 8 children: the second ReLU's output and its Flatten view go
  // together once the Linear after the Flatten has returned.
  expect(viaUserCode - viaSequential).toBeGreaterThanOrEqual(7);
});

test("a Flatten whose output the user sees (the last child) keeps it and its base readable after backward", () => {
  torch.manual_seed(0);
  const model = new nn.Sequential(new nn.Conv2d(3, 4, 3), new nn.ReLU(), new nn.Flatten());
  const x = torch.randn(2, 3, 5, 5);
  const out = model(x);
  out.pow(2).sum().backward();
  const ref = byHand(model, x);
  expect(out.tolist()).toEqual(ref.tolist());
  expect(out.shape).toEqual([2, 36]);
});

test("cross_entropy frees its log_softmax when backward() releases the graph; loss and gradients as nll_loss(log_softmax)", () => {
  const x = torch.randn(8, 6);
  const y = torch.randint(0, 3, [8]);
  const left = (loss: (out: Tensor) => Tensor): { perStep: number; loss: number; grads: number[][][] } => {
    const model = mlp();
    const opt = new torch.optim.SGD(model.parameters(), { lr: 0.01 });
    let value = 0;
    const step = (): void => {
      opt.zero_grad();
      const l = loss(model(x));
      l.backward();
      value = l.item();
      opt.step();
    };
    step();
    const grads = model.parameters().map((p) => p.grad!.tolist() as number[][]);
    setGcBudget(1e12);
    const before = torch.memory().numTensors;
    for (let i = 0; i < 10; i++) step();
    const perStep = (torch.memory().numTensors - before) / 10;
    setGcBudget(null);
    return { perStep, loss: value, grads };
  };
  const fused = left((out) => nn.functional.cross_entropy(out, y));
  const byHandLoss = left((out) => nn.functional.nll_loss(nn.functional.log_softmax(out, 1), y));
  expect(fused.loss).toBe(byHandLoss.loss);
  expect(fused.grads).toEqual(byHandLoss.grads);
  // The log_softmax output user code held in the second form.
  expect(byHandLoss.perStep - fused.perStep).toBe(1);
});

test("under no_grad the intermediates are freed as each next child returns", () => {
  const model = mlp();
  const x = torch.randn(4, 6);
  setGcBudget(1e12);
  const left = (forward: () => Tensor): number => {
    torch.no_grad(forward);
    const before = torch.memory().numTensors;
    for (let i = 0; i < 5; i++) torch.no_grad(forward);
    return (torch.memory().numTensors - before) / 5;
  };
  const expected = model(x).tolist();
  expect(torch.no_grad(() => model(x)).tolist()).toEqual(expected);
  expect(left(() => byHand(model, x)) - left(() => model(x))).toBe(4);
});

test("outputs, their views, gradients, the input and hooks' captures stay readable after backward", () => {
  const model = convNet();
  const x = torch.randn(2, 3, 10, 10, { requires_grad: true });
  const seen: Tensor[] = [];
  // A hook on the BatchNorm child: its output (and its input) are user-visible, and must survive.
  model.get(1).register_forward_hook((_m: torch.nn.Module, inputs: unknown[], out: unknown) => {
    seen.push(inputs[0] as Tensor, out as Tensor);
  });
  const out = model(x);
  const row = out.select(0, 1);
  const loss = out.pow(2).sum();
  loss.backward();
  const ref = convNet();
  ref.get(1).register_forward_hook(() => undefined);
  const x2 = x.detach().requires_grad_();
  const out2 = byHand(ref, x2);
  out2.pow(2).sum().backward();
  expect(out.tolist()).toEqual(out2.tolist());
  expect(row.tolist()).toEqual(out2.select(0, 1).tolist());
  expect(x.grad!.tolist()).toEqual(x2.grad!.tolist());
  expect(x.tolist()).toEqual(x2.tolist());
  expect(seen.length).toBe(2);
  expect(seen[1].relu().sum().item()).toBeGreaterThan(0);
  expect(seen[0].sum().item()).toBeCloseTo(ref.get(0)(x2).sum().item(), 4);
  for (const [name, p] of model.named_parameters()) {
    const q = ref.get_parameter(name);
    expect(p.grad!.tolist()).toEqual(q.grad!.tolist());
  }
});

test("children that hand back their input or write it in place keep the values the user holds", () => {
  torch.manual_seed(0);
  const model = new nn.Sequential(new nn.Identity(), new nn.Linear(4, 4), new nn.Dropout(0.5), new nn.ReLU(true), new nn.Linear(4, 2));
  model.eval();
  const x = torch.randn(3, 4, { requires_grad: true });
  const out = model(x);
  out.sum().backward();
  expect(x.grad!.shape).toEqual([3, 4]);
  const again = model(x);
  expect(again.tolist()).toEqual(out.tolist());
  expect(x.sum().item()).toBeCloseTo(x.detach().sum().item(), 6);
});

test("retain_graph keeps the intermediates for a second backward; a third raises PyTorch's error, not a freed-memory one", () => {
  const model = mlp();
  const x = torch.randn(5, 6);
  const loss = model(x).pow(2).mean();
  loss.backward({ retain_graph: true });
  const first = model.get(0).weight.grad!.clone();
  loss.backward();
  expect(model.get(0).weight.grad!.tolist()).toEqual(first.mul(2).tolist());
  expect(() => loss.backward()).toThrow(/backward through the graph a second time/);
});

test("two losses over one output: after the first backward the second raises PyTorch's error", () => {
  const model = mlp();
  const out = model(torch.randn(5, 6));
  const a = out.sum();
  const b = out.pow(2).sum();
  a.backward();
  expect(() => b.backward()).toThrow(/backward through the graph a second time/);
  expect(out.sum().item()).toBeCloseTo(a.item(), 5);
});

test("create_graph: second derivatives through a Sequential match the same children called by hand", () => {
  const model = mlp();
  const x = torch.randn(3, 6, { requires_grad: true });
  const [g] = torch.autograd.grad(model(x).pow(2).sum(), [x], { create_graph: true });
  g.pow(2).sum().backward();
  const x2 = x.detach().requires_grad_();
  const ref = mlp();
  const [g2] = torch.autograd.grad(byHand(ref, x2).pow(2).sum(), [x2], { create_graph: true });
  g2.pow(2).sum().backward();
  expect(g.tolist()).toEqual(g2.tolist());
  expect(x.grad!.tolist()).toEqual(x2.grad!.tolist());
  expect(model.get(0).weight.grad!.tolist()).toEqual(ref.get(0).weight.grad!.tolist());
});

test("a training loop in a function gives the same parameters as the children called by hand", () => {
  const train = (forward: (m: torch.nn.Sequential, x: Tensor) => Tensor): Tensor[] => {
    const model = convNet();
    const opt = new torch.optim.SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
    torch.manual_seed(1);
    for (let i = 0; i < 15; i++) {
      const x = torch.randn(2, 3, 10, 10);
      const y = torch.randn(2, 5);
      opt.zero_grad();
      nn.functional.mse_loss(forward(model, x), y).backward();
      opt.step();
    }
    return model.parameters();
  };
  const a = train((m, x) => m(x));
  const b = train((m, x) => byHand(m, x));
  a.forEach((p, i) => expect(p.tolist()).toEqual(b[i].tolist()));
});
