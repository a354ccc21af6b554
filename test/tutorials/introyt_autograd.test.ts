/**
 * The introyt series' "The Fundamentals of Autograd" (pytorch/tutorials beginner_source/introyt/
 * autogradyt_tutorial.py) ported line by line against PyTorch 1.13 (test/reference/gen_tutorials4.py,
 * section introyt_autograd): linspace with requires_grad, the sin / mul / add / sum chain and its
 * grad_fn.next_functions, backward, a TinyModel's layer2 weights and gradients through one SGD step
 * and five accumulated backward passes, requires_grad switched off, no_grad as a block and around a
 * function, detach, the in-place error on a leaf, a vector-Jacobian product through backward(v), and
 * torch.autograd.functional.jacobian / vjp. The plots and the profiler's timing table are left out;
 * the tutorial does not seed, so both sides start with torch.manual_seed(0).
 */
import { torch } from "../../src";
import { reference, expectSamePrint } from "./_tutorial";

type Tensor = InstanceType<typeof torch.Tensor>;
type Node = { name(): string; next_functions: [Node | null, number][] } | null;
const R = reference("introyt_autograd");

class TinyModel extends torch.nn.Module {
  layer1 = new torch.nn.Linear(1000, 100);
  relu = new torch.nn.ReLU();
  layer2 = new torch.nn.Linear(100, 10);
  forward(x: Tensor): Tensor {
    x = this.layer1(x);
    x = this.relu(x);
    x = this.layer2(x);
    return x;
  }
}

test("introyt autograd: graph, training step, grad modes, vector-Jacobian products", () => {
  const printed: string[] = [];
  const print = (...xs: unknown[]) => printed.push(xs.map((x) => (x === null ? "None" : String(x))).join(" "));
  const node = (f: Node): string | null => (f === null ? null : f.name());
  torch.manual_seed(0);
  let a = torch.linspace(0., 2. * Math.PI, { steps: 25, requires_grad: true });
  print(a);
  let b = torch.sin(a);
  print(b);
  let c = b.mul(2);
  print(c);
  const d = c.add(1);
  print(d);
  const out = d.sum();
  print(out);
  const chain = [
    node(d.grad_fn as Node),
    d.grad_fn!.next_functions.map(([f, i]) => [node(f as Node), i]),
    d.grad_fn!.next_functions[0][0]!.next_functions.map(([f, i]) => [node(f as Node), i]),
    d.grad_fn!.next_functions[0][0]!.next_functions[0][0]!.next_functions.map(([f, i]) => [node(f as Node), i]),
    (d.grad_fn!.next_functions[0][0]!.next_functions[0][0]!.next_functions[0][0] as Node)!.next_functions.map(([f, i]) => [node(f), i]),
    node(c.grad_fn as Node), node(b.grad_fn as Node), node(a.grad_fn as Node),
  ];
  expect(chain).toEqual(R.chain);
  out.backward();
  print(a.grad);

  const BATCH_SIZE = 16;
  const DIM_IN = 1000;
  const DIM_OUT = 10;
  const some_input = torch.randn(BATCH_SIZE, DIM_IN, { requires_grad: false });
  const ideal_output = torch.randn(BATCH_SIZE, DIM_OUT, { requires_grad: false });
  const model = new TinyModel();
  print(model.layer2.weight.get(0).index("0:10")); // just a small slice
  print(model.layer2.weight.grad);
  const optimizer = new torch.optim.SGD(model.parameters(), { lr: 0.001 });
  let prediction = model(some_input);
  let loss = ideal_output.sub(prediction).pow(2).sum();
  print(loss);
  loss.backward();
  print(model.layer2.weight.get(0).index("0:10"));
  print(model.layer2.weight.grad!.get(0).index("0:10"));
  optimizer.step();
  print(model.layer2.weight.get(0).index("0:10"));
  print(model.layer2.weight.grad!.get(0).index("0:10"));
  print(model.layer2.weight.grad!.get(0).index("0:10"));
  for (let i = 0; i < 5; i++) {
    prediction = model(some_input);
    loss = ideal_output.sub(prediction).pow(2).sum();
    loss.backward();
  }
  print(model.layer2.weight.grad!.get(0).index("0:10"));
  optimizer.zero_grad();
  print(model.layer2.weight.grad);

  a = torch.ones(2, 3, { requires_grad: true });
  print(a);
  const b1 = a.mul(2);
  print(b1);
  a.requires_grad = false;
  const b2 = a.mul(2);
  print(b2);
  a = torch.ones(2, 3, { requires_grad: true }).mul(2);
  b = torch.ones(2, 3, { requires_grad: true }).mul(3);
  let c1 = a.add(b);
  print(c1);
  let c2 = torch.no_grad(() => a.add(b));
  print(c2);
  const c3 = a.mul(b);
  print(c3);

  function add_tensors1(x: Tensor, y: Tensor): Tensor {
    return x.add(y);
  }
  // @torch.no_grad() as a decorator: the body wrapped in torch.no_grad
  function add_tensors2(x: Tensor, y: Tensor): Tensor {
    return torch.no_grad(() => x.add(y));
  }
  a = torch.ones(2, 3, { requires_grad: true }).mul(2);
  b = torch.ones(2, 3, { requires_grad: true }).mul(3);
  c1 = add_tensors1(a, b);
  print(c1);
  c2 = add_tensors2(a, b);
  print(c2);
  let x = torch.rand(5, { requires_grad: true });
  let y = x.detach();
  print(x);
  print(y);
  expect(() => {
    a = torch.linspace(0., 2. * Math.PI, { steps: 25, requires_grad: true });
    torch.sin_(a);
  }).toThrow(R.inplace_error as string);

  x = torch.randn(3, { requires_grad: true });
  y = x.mul(2);
  while (y.data.norm().item() < 1000) y = y.mul(2);
  print(y);
  const v = torch.tensor([0.1, 1.0, 0.0001], { dtype: torch.float }); // stand-in for gradients
  y.backward(v);
  print(x.grad);

  function exp_adder(x: Tensor, y: Tensor): Tensor {
    return x.exp().mul(2).add(y.mul(3));
  }
  let inputs = [torch.rand(1), torch.rand(1)]; // arguments for the function
  print(inputs[0]);
  print(inputs[1]);
  const j1 = torch.autograd.functional.jacobian(exp_adder, inputs) as Tensor[];
  print(j1[0]);
  print(j1[1]);
  inputs = [torch.rand(3), torch.rand(3)];
  print(inputs[0]);
  print(inputs[1]);
  const j3 = torch.autograd.functional.jacobian(exp_adder, inputs) as Tensor[];
  print(j3[0]);
  print(j3[1]);

  function do_some_doubling(x: Tensor): Tensor {
    let y = x.mul(2);
    while (y.data.norm().item() < 1000) y = y.mul(2);
    return y;
  }
  const input = torch.randn(3);
  const my_gradients = torch.tensor([0.1, 1.0, 0.0001]);
  const [o, g] = torch.autograd.functional.vjp(do_some_doubling, input, { v: my_gradients }) as [Tensor, Tensor];
  print(o);
  print(g);

  expect(printed.length).toBe((R.printed as string[]).length);
  // Prints 1-5 (sin(a), 2 * sin(a), + 1, the sum, a.grad = 2 cos(a)) hold sin(pi) and cos(pi / 2),
  // whose float32 values (-8.7423e-08, ...) set the printout's layout: they are compared as text,
  // the sum of the 25 terms (print 4, `tensor(25., grad_fn=<SumBackward0>)`) included, as torch.sum
  // adds in PyTorch's order (src/backend/sum_kernels.ts).
  (R.printed as string[]).forEach((w, i) => {
    if (i < 1 || i > 5) return expectSamePrint(printed[i], w, 5e-4);
    expect(printed[i]).toBe(w);
  });
});
