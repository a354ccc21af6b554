/**
 * "PyTorch for former Torch users" (pytorch/tutorials beginner_source/former_torchies/): tensor_tutorial.py,
 * autograd_tutorial.py and nnft_tutorial.py ported line by line against PyTorch 1.13
 * (test/reference/gen_recipes.py, sections tensor_tutorial, autograd_tutorial, nnft_tutorial).
 * The tutorials draw without a seed; both sides call torch.manual_seed(0) first.
 *
 * Differences, on both sides where the fixture allows:
 * - tensor_tutorial's `torch.randn(5, 7, dtype=torch.double)` is float32 randn: torchlab holds float64
 *   in float32, and PyTorch's double normal draws other numbers.
 * - its NumPy bridge (`b = a.numpy()` sharing memory, `torch.from_numpy`) is left out: torchlab's
 *   numpy() is a copy ({data, shape, dtype}); the in-place `a.add_(1)` is kept.
 * - autograd_tutorial's `a.to(requires_grad=True)` raises TypeError in PyTorch 1.13 too (Tensor.to
 *   takes no requires_grad); both sides check that and use requires_grad_(True).
 * - `print(y.grad_fn)` shows an address in Python; the port compares the class name.
 * - nnft_tutorial's hooks print `type(...)` of their arguments; those Python-only lines are left out.
 */
import { torch } from "../../src";
import { reference, expectSamePrint, expectTensor, type Encoded } from "./_tutorial";
import { printer } from "./_recipes";

const { nn } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;

function samePrinted(got: string[], want: string[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expectSamePrint(g, want[i]));
}

test("former_torchies tensor_tutorial: in-place ops, indexing, index_add_", () => {
  const R = reference("tensor_tutorial");
  const [printed, print] = printer();
  torch.manual_seed(0);
  let a = torch.empty(5, 7, { dtype: torch.float });
  a = torch.randn(5, 7);
  print(a);
  print(a.size());
  a.fill_(3.5);
  // a has now been filled with the value 3.5
  let b = a.add(4.0);
  print(a, b);
  b = a.get(0, 3); // select 1st row, 4th column from a
  print(b);
  b = a.index(":, 3:5"); // selects all rows, 4th column and  5th column from a
  print(b);
  const x = torch.ones(5, 5);
  print(x);
  const z = torch.empty(5, 2);
  z.setitem(":, 0", 10);
  z.setitem(":, 1", 100);
  print(z);
  x.index_add_(1, torch.tensor([4, 0], { dtype: torch.long }), z);
  print(x);
  a = torch.ones(5);
  print(a);
  a.add_(1);
  print(a);
  print(torch.full([10], 3));
  samePrinted(printed, R.printed as string[]);
});

test("former_torchies autograd_tutorial: grad_fn, backward with retain_graph, no_grad", () => {
  const R = reference("autograd_tutorial");
  const [printed, print] = printer();
  torch.manual_seed(0);
  let x = torch.ones(2, 2, { requires_grad: true });
  print(x);
  print(x.data);
  print(x.grad);
  print(x.grad_fn); // we've created x ourselves
  let y = x.add(2);
  print(y);
  print(y.grad_fn!.name());
  let z = y.mul(y).mul(3);
  const out = z.mean();
  print(z, out);

  let a = torch.randn(2, 2);
  a = a.mul(3).div(a.sub(1));
  print(a.requires_grad);
  const [cls] = R.to_error as [string, string];
  expect(() => (a.to as (o: object) => Tensor)({ requires_grad: true })).toThrow(expect.objectContaining({ name: cls }));
  a.requires_grad_(true);
  print(a.requires_grad);
  const b = a.mul(a).sum();
  print(b.grad_fn!.name());

  out.backward();
  print(x.grad);

  x = torch.ones(2, 2, { requires_grad: true });
  y = x.add(2);
  y.backward(torch.ones(2, 2), { retain_graph: true });
  // the retain_variables flag will prevent the internal buffers from being freed
  print(x.grad);
  z = y.mul(y);
  print(z);
  // just backprop random gradients
  const gradient = torch.randn(2, 2);
  // this would fail if we didn't specify that we want to retain variables
  y.backward(gradient);
  print(x.grad);

  print(x.requires_grad);
  print(x.pow(2).requires_grad);
  torch.no_grad(() => {
    print(x.pow(2).requires_grad);
  });
  samePrinted(printed, R.printed as string[]);
});

class MNISTConvNet extends nn.Module {
  conv1: InstanceType<typeof nn.Conv2d>;
  pool1: InstanceType<typeof nn.MaxPool2d>;
  conv2: InstanceType<typeof nn.Conv2d>;
  pool2: InstanceType<typeof nn.MaxPool2d>;
  fc1: InstanceType<typeof nn.Linear>;
  fc2: InstanceType<typeof nn.Linear>;
  constructor() {
    // this is the place where you instantiate all your modules
    super();
    this.conv1 = new nn.Conv2d(1, 10, 5);
    this.pool1 = new nn.MaxPool2d(2, 2);
    this.conv2 = new nn.Conv2d(10, 20, 5);
    this.pool2 = new nn.MaxPool2d(2, 2);
    this.fc1 = new nn.Linear(320, 50);
    this.fc2 = new nn.Linear(50, 10);
  }

  // it's the forward function that defines the network structure
  forward(input: Tensor): Tensor {
    let x = this.pool1(F.relu(this.conv1(input)));
    x = this.pool2(F.relu(this.conv2(x)));
    x = x.flatten({ start_dim: 1 });
    x = F.relu(this.fc1(x));
    x = F.relu(this.fc2(x));
    return x;
  }
}

class RNN extends nn.Module {
  hidden_size: number;
  i2h: InstanceType<typeof nn.Linear>;
  h2o: InstanceType<typeof nn.Linear>;
  // you can also accept arguments in your model constructor
  constructor(data_size: number, hidden_size: number, output_size: number) {
    super();
    this.hidden_size = hidden_size;
    const input_size = data_size + hidden_size;
    this.i2h = new nn.Linear(input_size, hidden_size);
    this.h2o = new nn.Linear(hidden_size, output_size);
  }

  forward(data: Tensor, last_hidden: Tensor): [Tensor, Tensor] {
    const input = torch.cat([data, last_hidden], 1);
    const hidden = this.i2h(input);
    const output = this.h2o(hidden);
    return [hidden, output];
  }
}

test("former_torchies nnft_tutorial: ConvNet, forward and backward hooks, a recurrent net", () => {
  const R = reference("nnft_tutorial");
  const [printed, print] = printer();
  torch.manual_seed(0);
  const net = new MNISTConvNet();
  print(net);
  const input = torch.randn(1, 1, 28, 28);
  let out = net(input);
  print(out.size());
  let target = torch.tensor([3], { dtype: torch.long });
  let loss_fn: InstanceType<typeof nn.CrossEntropyLoss> | InstanceType<typeof nn.MSELoss> = new nn.CrossEntropyLoss(); // LogSoftmax + ClassNLL Loss
  let err = loss_fn(out, target);
  err.backward();
  print(err);
  print(net.conv1.weight.grad!.size());
  print(net.conv1.weight.data.norm()); // norm of the weight
  print(net.conv1.weight.grad!.data.norm()); // norm of the gradients

  function printnorm(self: InstanceType<typeof nn.Module>, input: [Tensor], output: Tensor): void {
    // input is a tuple of packed inputs; output is a Tensor. output.data is the Tensor we are interested
    print("Inside " + self._get_name() + " forward");
    print("");
    print("input size:", input[0].size());
    print("output size:", output.data.size());
    print("output norm:", output.data.norm());
  }
  net.conv2.register_forward_hook(printnorm);
  out = net(input);

  function printgradnorm(self: InstanceType<typeof nn.Module>, grad_input: (Tensor | null)[], grad_output: (Tensor | null)[]): void {
    print("Inside " + self._get_name() + " backward");
    print("Inside class:" + self._get_name());
    print("");
    print("grad_input size:", grad_input[0]!.size());
    print("grad_output size:", grad_output[0]!.size());
    print("grad_input norm:", grad_input[0]!.norm());
    print("grad_input sizes:", `[${grad_input.map((g) => (g === null ? "None" : `(${g.shape.join(", ")}${g.dim() === 1 ? "," : ""})`)).join(", ")}]`);
  }
  net.conv2.register_backward_hook(printgradnorm);
  out = net(input);
  err = loss_fn(out, target);
  err.backward();

  const rnn = new RNN(50, 20, 10);
  loss_fn = new nn.MSELoss();
  const batch_size = 10;
  const TIMESTEPS = 5;
  // Create some fake data
  const batch = torch.randn(batch_size, 50);
  let hidden = torch.zeros(batch_size, 20);
  target = torch.zeros(batch_size, 10);
  let loss: Tensor | number = 0;
  for (let t = 0; t < TIMESTEPS; t++) {
    // yes! you can reuse the same network several times, sum up the losses, and call backward!
    let output: Tensor;
    [hidden, output] = rnn(batch, hidden);
    loss = loss_fn(output, target).add(loss);
  }
  (loss as Tensor).backward();
  print(loss);
  samePrinted(printed, R.printed as string[]);
  expectTensor(rnn.i2h.weight.grad!, R.i2h_grad as Encoded);
});
