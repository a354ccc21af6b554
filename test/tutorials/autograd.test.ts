/**
 * The autograd tutorials, ported line by line against PyTorch 1.13 (test/reference/gen_tutorials.py,
 * section autograd_tutorials): the earlier blitz page "Autograd: automatic differentiation" (x + 2,
 * y * y * 3, the y.data.norm() loop with a vector gradient), freezing a resnet18 from "A Gentle
 * Introduction to torch.autograd", and torch.autograd.grad / torch.autograd.backward,
 * set_grad_enabled and inference_mode from the autograd notes. Random tensors are det() stand-ins.
 */
import { torch, torchvision } from "../../src";
import { reference, det, expectSamePrint } from "./_tutorial";

const { nn } = torch;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("autograd_tutorials");
const py = (b: boolean): string => (b ? "True" : "False");

test("blitz autograd (earlier page): requires_grad, grad_fn, out.backward(), a vector-Jacobian product", () => {
  // Create a tensor and set requires_grad=True to track computation with it
  let x = torch.ones(2, 2, { requires_grad: true });
  expect(String(x)).toBe(R.x);
  let y = x.add(2); // y = x + 2
  expect(String(y)).toBe(R.y);
  expect(y.grad_fn!.name()).toBe(R.y_grad_fn);
  const z = y.mul(y).mul(3); // z = y * y * 3
  const out = z.mean();
  expect([String(z), String(out)]).toEqual(R.z_out);

  let a = det([2, 2], 0.4).mul(10);
  a = a.mul(3).div(a.sub(1)); // ((a * 3) / (a - 1))
  const flags = [a.requires_grad];
  a.requires_grad_(true);
  flags.push(a.requires_grad);
  expect(flags).toEqual(R.a_requires_grad);
  const b = a.mul(a).sum();
  expect(b.grad_fn!.name()).toBe(R.b_grad_fn);

  out.backward();
  expect(String(x.grad)).toBe(R.x_grad); // d(out)/dx = 4.5

  x = det([3], 0.9).mul(10).requires_grad_();
  y = x.mul(2);
  while (y.data.norm().item() < 1000) y = y.mul(2); // while y.data.norm() < 1000
  expectSamePrint(String(y), R.y_loop as string);
  const gradients = torch.tensor([0.1, 1.0, 0.0001], { dtype: torch.float });
  y.backward(gradients);
  expectSamePrint(String(x.grad), R.x_grad_loop as string);

  const rg = [x.requires_grad, x.pow(2).requires_grad];
  torch.no_grad(() => rg.push(x.pow(2).requires_grad));
  expect(rg).toEqual(R.no_grad_flags);
});

test("gentle introduction: freeze a resnet18 and replace its classifier; only the new layer learns", () => {
  const model = torchvision.models.resnet18();
  for (const param of model.parameters()) param.requires_grad = false;
  model.fc = new nn.Linear(512, 10);
  expect([...model.named_parameters()].filter(([, p]) => p.requires_grad).map(([name]) => name)).toEqual(R.trainable);
  expect(model.fc.in_features).toBe(R.fc_in_features);
  // The frozen layers get no gradient; the optimizer over all parameters moves only the classifier.
  const optimizer = new torch.optim.SGD(model.parameters(), { lr: 1e-2, momentum: 0.9 });
  const conv1Before = model.conv1.weight.clone();
  const fcBefore = model.fc.weight.clone();
  const data = det([1, 3, 64, 64], 0.2);
  const labels = det([1, 10], 0.7);
  const prediction = model(data);
  const loss = prediction.sub(labels).sum(); // (prediction - labels).sum()
  loss.backward();
  optimizer.step();
  expect(model.conv1.weight.grad).toBeNull();
  expect(model.conv1.weight.equal(conv1Before)).toBe(true);
  expect(model.fc.weight.grad).not.toBeNull();
  expect(model.fc.weight.equal(fcBefore)).toBe(false);
});

describe("torch.autograd.grad and torch.autograd.backward", () => {
  test("gradients returned, not accumulated; several inputs, a non-leaf among them, grad_outputs", () => {
    const x = torch.tensor([1, 2, 3], { dtype: torch.float32, requires_grad: true });
    const y = x.pow(2).sum();
    const [dx] = torch.autograd.grad(y, x);
    expect(String(dx)).toBe(R.dx);
    expect(String(x.grad ?? "None")).toBe(R.x_grad_after_grad);

    const w = det([3, 2], 0.1).requires_grad_();
    const bb = det([2], 0.2).requires_grad_();
    const h = x.matmul(w);
    const o = h.add(bb).tanh();
    const [gw, gb, gh] = torch.autograd.grad(o, [w, bb, h], { grad_outputs: torch.tensor([1, -2], { dtype: torch.float32 }), retain_graph: true });
    expectSamePrint([gw, gb, gh].map(String).join("\n"), (R.grads as string[]).join("\n"));
    expect(w.grad).toBeNull();
    // The same input twice, and an output that is itself the input.
    const [d1, d2] = torch.autograd.grad(x.mul(3).sum(), [x, x]);
    d1.add_(1);
    expect([String(d1), String(d2)]).toEqual(["tensor([4., 4., 4.])", "tensor([3., 3., 3.])"]);
    expect(String(torch.autograd.grad(x, x, { grad_outputs: torch.ones(3) })[0])).toBe("tensor([1., 1., 1.])");

    const u = torch.zeros(2, { requires_grad: true });
    const got = torch.autograd.grad(o.sum(), [bb, u], { allow_unused: true, retain_graph: true });
    expectSamePrint(got.map((t) => String(t ?? "None")).join("\n"), (R.allow_unused as string[]).join("\n"));
  });

  test("errors: an unused input, an input that needs no grad, a second pass through a freed graph", () => {
    const x = torch.tensor([1, 2, 3], { dtype: torch.float32, requires_grad: true });
    const bb = det([2], 0.2).requires_grad_();
    const o = x.matmul(det([3, 2], 0.1)).add(bb).tanh();
    const u = torch.zeros(2, { requires_grad: true });
    const unused = (R.unused_error as string).split(". ")[0];
    expect(() => torch.autograd.grad(o.sum(), u, { retain_graph: true })).toThrow(/One of the differentiated Tensors appears to not have been used in the graph/);
    expect(unused).toBe("One of the differentiated Tensors appears to not have been used in the graph");
    expect(() => torch.autograd.grad(o.sum(), u, { retain_graph: true })).toThrow(/Set allow_unused=True if this is the desired behavior\. \(inputs\[0\], shape \[2\]\)/);
    expect(() => torch.autograd.grad(o.sum(), torch.ones(2), { retain_graph: true })).toThrow(R.no_grad_input_error as string);
    expect(() => torch.autograd.grad(torch.ones(2).sum(), x)).toThrow("element 0 of tensors does not require grad and does not have a grad_fn");
    expect(() => torch.autograd.grad(o, x, { retain_graph: true })).toThrow("grad can be implicitly created only for scalar outputs");
    expect(() => torch.autograd.grad(o, x, { grad_outputs: torch.ones(3), retain_graph: true })).toThrow("Mismatch in shape: grad_output[0] has a shape of [3] and output[0] has a shape of [2].");
    expect(torch.autograd.grad(o.sum(), x, { create_graph: true })[0].requires_grad).toBe(true);
    expect(() => torch.autograd.grad(o.sum(), x, { allow_unsued: true } as never)).toThrow("unexpected keyword argument 'allow_unsued'");
    torch.autograd.grad(o.sum(), bb);
    expect(() => torch.autograd.grad(o.sum(), bb)).toThrow((R.second_time_error as string).split(" Specify")[0]);
    expect(x.grad).toBeNull();
    expect(bb.grad).toBeNull();
  });

  test("autograd.backward([l1, l2]) accumulates both into .grad", () => {
    const x = torch.tensor([1, 2, 3], { dtype: torch.float32, requires_grad: true });
    const l1 = x.mul(2).sum();
    const l2 = x.pow(3).sum();
    torch.autograd.backward([l1, l2]);
    expect(String(x.grad)).toBe(R.backward_many);
  });
});

test("with torch.set_grad_enabled(phase == 'train') and torch.inference_mode()", () => {
  const x = torch.tensor([1, 2, 3], { dtype: torch.float32, requires_grad: true });
  const flags: boolean[] = [];
  for (const phase of ["train", "val"]) {
    torch.set_grad_enabled(phase === "train", () => {
      flags.push(x.mul(2).requires_grad);
    });
  }
  flags.push(torch.is_grad_enabled());
  expect(flags).toEqual(R.set_grad_enabled);
  expect(torch.inference_mode(() => x.mul(2).requires_grad)).toBe(R.inference_mode);
  // The mode comes back after an error inside the block, as a `with` block's exit does.
  expect(() => torch.set_grad_enabled(false, () => { throw new Error("boom"); })).toThrow("boom");
  expect(torch.is_grad_enabled()).toBe(true);
  expect(() => torch.set_grad_enabled(false, 1 as unknown as () => void)).toThrow("set_grad_enabled(): the second argument must be a function");
  expect(torch.is_grad_enabled()).toBe(true);
  // The plain call still switches the mode globally, as in PyTorch.
  torch.set_grad_enabled(false);
  expect(x.mul(2).requires_grad).toBe(false);
  torch.set_grad_enabled(true);
  expect(py(x.mul(2).requires_grad)).toBe("True");
});

test("in-place correctness checks: a saved output or a saved input written in place", () => {
  // The version numbers PyTorch reports: the tensor was written once (version 1) after being saved at 0.
  const versions = (m: string): string => /is at version \d+; expected version \d+/.exec(m)![0];
  const a = torch.ones(2, { requires_grad: true });
  const s = a.sigmoid();
  s.mul_(2);
  expect(() => s.sum().backward()).toThrow(`which is output 0 of SigmoidBackward0, ${versions(R.inplace_output_error as string)}`);
  const c = a.mul(1);
  const p = c.pow(2);
  c.add_(1);
  expect(() => p.sum().backward()).toThrow(versions(R.inplace_input_error as string));
});
