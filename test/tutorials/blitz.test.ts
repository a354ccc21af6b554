/**
 * "Deep Learning with PyTorch: A 60 Minute Blitz" (autograd and neural networks), ported line by
 * line, against what the same code prints in PyTorch 1.13 (test/reference/gen_tutorials.py). The
 * tutorial's random input, target and initial weights are det() stand-ins on both sides.
 */
import { torch } from "../../src";
import { reference, det, det_init_, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const { nn } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;

class Net extends nn.Module {
  conv1: InstanceType<typeof nn.Conv2d>;
  conv2: InstanceType<typeof nn.Conv2d>;
  fc1: InstanceType<typeof nn.Linear>;
  fc2: InstanceType<typeof nn.Linear>;
  fc3: InstanceType<typeof nn.Linear>;
  constructor() {
    super();
    // 1 input image channel, 6 output channels, 3x3 square convolution kernel
    this.conv1 = new nn.Conv2d(1, 6, 3);
    this.conv2 = new nn.Conv2d(6, 16, 3);
    // an affine operation: y = Wx + b
    this.fc1 = new nn.Linear(16 * 6 * 6, 120); // 6*6 from image dimension
    this.fc2 = new nn.Linear(120, 84);
    this.fc3 = new nn.Linear(84, 10);
  }

  forward(x: Tensor): Tensor {
    // Max pooling over a (2, 2) window
    x = F.max_pool2d(F.relu(this.conv1(x)), [2, 2]);
    // If the size is a square you can only specify a single number
    x = F.max_pool2d(F.relu(this.conv2(x)), 2);
    x = x.view(-1, this.num_flat_features(x));
    x = F.relu(this.fc1(x));
    x = F.relu(this.fc2(x));
    x = this.fc3(x);
    return x;
  }

  num_flat_features(x: Tensor): number {
    const size = x.size().slice(1); // all dimensions except the batch dimension
    let num_features = 1;
    for (const s of size) num_features *= s;
    return num_features;
  }
}

describe("60-minute blitz: neural networks", () => {
  const R = reference("blitz");

  test("define the network, process inputs, loss function, backprop, update the weights", () => {
    const net = new Net();
    expect(String(net)).toBe(R.net);
    const params = [...net.parameters()];
    expect([params.length, String(params[0].size())]).toEqual(R.params);
    det_init_(net);

    const input = det([1, 1, 32, 32], 0.7).mul(10);
    const out = net(input);
    expectSamePrint(String(out), R.out as string);
    net.zero_grad();
    out.backward(det([1, 10], 2.5));
    expectSamePrint(String(net.conv1.bias!.grad), R.conv1_bias_grad_after_backward as string);

    const output = net(input);
    let target = det([10], 1.1).mul(10); // a dummy target, for example
    target = target.view(1, -1); // make it the same shape as output
    const criterion = new nn.MSELoss();
    let loss = criterion(output, target);
    expectSamePrint(String(loss), R.loss as string);
    // MSELoss -> Linear -> its bias (AccumulateGrad), as the tutorial walks them.
    expect([
      loss.grad_fn!.name(),
      loss.grad_fn!.next_functions[0][0]!.name(),
      loss.grad_fn!.next_functions[0][0]!.next_functions[0][0]!.name(),
    ]).toEqual(R.grad_fn_chain);

    net.zero_grad(); // zeroes the gradient buffers of all parameters
    expect("conv1.bias.grad before backward\n" + String(net.conv1.bias!.grad)).toBe(R.bias_grad_before);
    loss.backward();
    expectSamePrint("conv1.bias.grad after backward\n" + String(net.conv1.bias!.grad), R.bias_grad_after as string);

    const learning_rate = 0.01;
    for (const f of net.parameters()) f.data.sub_(f.grad!.data.mul(learning_rate));
    expectSamePrint(String(net.conv1.bias), R.after_manual_sgd as string);

    // create your optimizer
    const optimizer = new torch.optim.SGD(net.parameters(), { lr: 0.01 });
    const losses: number[] = [];
    for (let i = 0; i < 3; i++) {
      // in your training loop:
      optimizer.zero_grad(); // zero the gradient buffers
      const output = net(input);
      loss = criterion(output, target);
      loss.backward();
      optimizer.step(); // Does the update
      losses.push(loss.item());
    }
    (R.losses as number[]).forEach((want, i) => expect(losses[i]).toBeCloseTo(want, 3));
    expectTensor(net.fc3.bias!, R.fc3_bias as Encoded, 1e-3);
  });

  test("F.conv2d / F.max_pool2d with an undefined argument keep the positions of the others", () => {
    // PyTorch's F.conv2d(x, w, None, 2): stride 2. An undefined in the middle must not shift it.
    const x = det([1, 1, 8, 8]);
    const w = det([2, 1, 3, 3], 1);
    expect(F.conv2d(x, w, undefined, 2).shape).toEqual([1, 2, 3, 3]);
    expect(F.max_pool2d(x, 2, undefined, 1).shape).toEqual([1, 1, 5, 5]);
    expect(String(new nn.LeakyReLU(undefined, true))).toBe("LeakyReLU(negative_slope=0.01, inplace=True)");
    expect(String(new nn.Flatten(undefined, 2))).toBe("Flatten(start_dim=1, end_dim=2)");
    expect(String(new nn.Dropout(undefined, true))).toBe("Dropout(p=0.5, inplace=True)");
    expect(F.dropout(x, undefined, false).equal(x)).toBe(true);
    expect(String(F.leaky_relu(torch.tensor([-1.5]), undefined, false))).toBe("tensor([-0.0150])");
  });
});

describe("60-minute blitz: autograd", () => {
  const R = reference("blitz");

  test("Q = 3a^3 - b^2 with an external gradient; requires_grad of results", () => {
    const a = torch.tensor([2, 3], { dtype: torch.float32, requires_grad: true });
    const b = torch.tensor([6, 4], { dtype: torch.float32, requires_grad: true });
    const Q = a.pow(3).mul(3).sub(b.pow(2));
    const external_grad = torch.tensor([1, 1]);
    Q.backward({ gradient: external_grad });
    expect(String(Q)).toBe(R.Q);
    expect([String(a.pow(2).mul(9).eq(a.grad!)), String(b.mul(-2).eq(b.grad!))]).toEqual(R.ab_grad);

    const x = torch.rand(5, 5);
    const y = torch.rand(5, 5);
    const z = torch.rand([5, 5], { requires_grad: true });
    const s = x.add(y);
    expect(`Does \`a\` require gradients? : ${s.requires_grad ? "True" : "False"}`).toBe(R.does_a);
    const t = x.add(z);
    expect(`Does \`b\` require gradients?: ${t.requires_grad ? "True" : "False"}`).toBe(R.does_b);
  });
});
