/**
 * "What is torch.nn really?" (pytorch/tutorials beginner_source/nn_tutorial.py), ported line by line
 * against what the same code prints in PyTorch 1.13 (test/reference/gen_tutorials.py, section
 * nn_tutorial). MNIST is replaced by a det() stand-in with learnable labels, the random initial
 * weights by det_init_; the tutorial shuffles its training set, and torchlab's generator is not
 * PyTorch's, so both sides keep the order there (the last test runs get_data with shuffle as written).
 */
import { torch } from "../../src";
import { reference, det, det_init_, expectSamePrint } from "./_tutorial";

const { nn, optim } = torch;
const F = nn.functional;
const { TensorDataset, DataLoader } = torch.utils.data;
type Tensor = InstanceType<typeof torch.Tensor>;
type Module = InstanceType<typeof nn.Module>;
type Optimizer = InstanceType<typeof optim.SGD>;
type Loader = Iterable<Tensor[]> & { length: number };
const R = reference("nn_tutorial");

function mnist_standin(n: number, k: number): [Tensor, Tensor] {
  const x = det([n, 784], k).mul(10).sub(0.5).clamp(0, 1);
  return [x, x.reshape(n, 16, 49).sum(2).index(":, :10").argmax(1)];
}

function expectLog(got: [number, number][], want: [number, number][]): void {
  expect(got.map(([e]) => e)).toEqual(want.map(([e]) => e));
  got.forEach(([, v], i) => expect(Math.abs(v - want[i][1])).toBeLessThan(1e-3 * Math.max(1, Math.abs(want[i][1]))));
}

class Lambda extends nn.Module {
  func: (x: Tensor) => Tensor;
  constructor(func: (x: Tensor) => Tensor) {
    super();
    this.func = func;
  }
  forward(x: Tensor): Tensor {
    return this.func(x);
  }
}

test("nn_tutorial: from scratch, torch.nn.functional, nn.Module, nn.Linear, optim, Dataset, DataLoader, validation, CNNs", () => {
  const [x_train, y_train] = mnist_standin(256, 0);
  const [x_valid, y_valid] = mnist_standin(128, 1.3);
  const [n] = x_train.shape;
  expect(String(x_train.shape)).toBe(R.shape);
  expect([String(y_train.min()), String(y_train.max())]).toEqual(R.minmax);
  const [print_x, print_y] = R.print_train as string[];
  expectSamePrint(String(x_train), print_x);
  expect(String(y_train)).toBe(print_y);

  // Neural net from scratch (no torch.nn)
  const weights = det([784, 10], 0.3).mul(10).div(Math.sqrt(784));
  weights.requires_grad_();
  const bias = torch.zeros(10, { requires_grad: true });

  function log_softmax(x: Tensor): Tensor {
    return x.sub(x.exp().sum(-1).log().unsqueeze(-1));
  }
  let model: (xb: Tensor) => Tensor = (xb) => log_softmax(xb.matmul(weights).add(bias));

  const bs = 64; // batch size
  let xb = x_train.index("0:64"); // a mini-batch from x
  const preds = model(xb); // predictions
  expectSamePrint(String(preds.get(0)), R.preds0 as string);
  expect(String(preds.shape)).toBe(R.preds_shape);

  function nll(input: Tensor, target: Tensor): Tensor {
    return input.index([torch.arange(target.shape[0]), target]).mean().neg();
  }
  let loss_func: (input: Tensor, target: Tensor) => Tensor = nll;
  let yb = y_train.index("0:64");
  expectSamePrint(String(loss_func(preds, yb)), R.loss0 as string);

  function accuracy(out: Tensor, yb: Tensor): Tensor {
    const preds = torch.argmax(out, { dim: 1 });
    return preds.eq(yb).float().mean();
  }
  expectSamePrint(String(accuracy(preds, yb)), R.acc0 as string);

  let lr = 0.5; // learning rate
  const epochs = 2; // how many epochs to train for
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = 0; i < Math.floor((n - 1) / bs) + 1; i++) {
      const start_i = i * bs;
      const end_i = start_i + bs;
      xb = x_train.index(`${start_i}:${end_i}`);
      yb = y_train.index(`${start_i}:${end_i}`);
      const pred = model(xb);
      const loss = loss_func(pred, yb);

      loss.backward();
      torch.no_grad(() => {
        weights.sub_(weights.grad!.mul(lr)); // weights -= weights.grad * lr
        bias.sub_(bias.grad!.mul(lr));
        weights.grad!.zero_();
        bias.grad!.zero_();
      });
    }
  }
  expect(weights.is_leaf && weights.requires_grad && weights.grad_fn === null).toBe(true);
  expectSamePrint([String(loss_func(model(xb), yb)), String(accuracy(model(xb), yb))].join("\n"), (R.scratch as string[]).join("\n"), 1e-3);

  // Using torch.nn.functional
  loss_func = F.cross_entropy;
  model = (xb) => xb.matmul(weights).add(bias);
  expectSamePrint([String(loss_func(model(xb), yb)), String(accuracy(model(xb), yb))].join("\n"), (R.functional as string[]).join("\n"), 1e-3);

  // Refactor using nn.Module
  class Mnist_Logistic extends nn.Module {
    weights = new nn.Parameter(torch.randn(784, 10).div(Math.sqrt(784)));
    bias = new nn.Parameter(torch.zeros(10));
    forward(xb: Tensor): Tensor {
      return xb.matmul(this.weights).add(this.bias);
    }
  }
  let net: Module = new Mnist_Logistic();
  det_init_(net);
  model = (xb) => net(xb) as Tensor;
  expectSamePrint(String(loss_func(model(xb), yb)), R.module_loss as string);

  function fit0(): void {
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = 0; i < Math.floor((n - 1) / bs) + 1; i++) {
        const start_i = i * bs;
        const end_i = start_i + bs;
        const xb = x_train.index(`${start_i}:${end_i}`);
        const yb = y_train.index(`${start_i}:${end_i}`);
        const pred = model(xb);
        const loss = loss_func(pred, yb);

        loss.backward();
        torch.no_grad(() => {
          for (const p of net.parameters()) p.sub_(p.grad!.mul(lr)); // p -= p.grad * lr
          net.zero_grad();
        });
      }
    }
  }
  fit0();
  expectSamePrint(String(loss_func(model(xb), yb)), R.module_fit as string, 1e-3);

  // Refactor using nn.Linear
  class Mnist_Logistic2 extends nn.Module {
    lin = new nn.Linear(784, 10);
    forward(xb: Tensor): Tensor {
      return this.lin(xb);
    }
  }
  net = new Mnist_Logistic2();
  det_init_(net);
  expectSamePrint(String(loss_func(model(xb), yb)), R.linear_loss as string);
  fit0();
  expectSamePrint(String(loss_func(model(xb), yb)), R.linear_fit as string, 1e-3);

  // Refactor using optim
  function get_model(): [Module, Optimizer] {
    const model = new Mnist_Logistic2();
    det_init_(model);
    return [model, new optim.SGD(model.parameters(), { lr })];
  }
  let [m, opt] = get_model();
  expectSamePrint(String(loss_func(m(xb), yb)), R.optim_before as string);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = 0; i < Math.floor((n - 1) / bs) + 1; i++) {
      const start_i = i * bs;
      const end_i = start_i + bs;
      xb = x_train.index(`${start_i}:${end_i}`);
      yb = y_train.index(`${start_i}:${end_i}`);
      const pred = m(xb);
      const loss = loss_func(pred, yb);

      loss.backward();
      opt.step();
      opt.zero_grad();
    }
  }
  expectSamePrint(String(loss_func(m(xb), yb)), R.optim_after as string, 1e-3);

  // Refactor using Dataset: xb, yb = train_ds[i * bs: i * bs + bs]
  const train_ds = new TensorDataset(x_train, y_train);
  [m, opt] = get_model();
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = 0; i < Math.floor((n - 1) / bs) + 1; i++) {
      [xb, yb] = train_ds.getitem(`${i * bs}:${i * bs + bs}`);
      const pred = m(xb);
      const loss = loss_func(pred, yb);

      loss.backward();
      opt.step();
      opt.zero_grad();
    }
  }
  expectSamePrint(String(loss_func(m(xb), yb)), R.dataset as string, 1e-3);

  // Refactor using DataLoader
  let train_dl: Loader = new DataLoader(train_ds, { batch_size: bs });
  [m, opt] = get_model();
  for (let epoch = 0; epoch < epochs; epoch++) {
    for ([xb, yb] of train_dl) {
      const pred = m(xb);
      const loss = loss_func(pred, yb);

      loss.backward();
      opt.step();
      opt.zero_grad();
    }
  }
  expectSamePrint(String(loss_func(m(xb), yb)), R.dataloader as string, 1e-3);

  // Add validation
  train_dl = new DataLoader(train_ds, { batch_size: bs, shuffle: false });
  const valid_ds = new TensorDataset(x_valid, y_valid);
  let valid_dl: Loader = new DataLoader(valid_ds, { batch_size: bs * 2 });
  [m, opt] = get_model();
  const printed: string[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    m.train();
    for (const [xb, yb] of train_dl) {
      const pred = m(xb);
      const loss = loss_func(pred, yb);

      loss.backward();
      opt.step();
      opt.zero_grad();
    }

    m.eval();
    // valid_loss = sum(loss_func(model(xb), yb) for xb, yb in valid_dl)
    const valid_loss = torch.no_grad(() => [...valid_dl].map(([xb, yb]) => loss_func(m(xb), yb)).reduce((a, b) => a.add(b)));
    printed.push(`${epoch} ${valid_loss.div(valid_dl.length)}`);
  }
  expectSamePrint(printed.join("\n"), (R.validation as string[]).join("\n"), 1e-3);

  // Create fit() and get_data()
  function loss_batch(model: Module, loss_func: (a: Tensor, b: Tensor) => Tensor, xb: Tensor, yb: Tensor, opt: Optimizer | null = null): [number, number] {
    const loss = loss_func(model(xb), yb);

    if (opt !== null) {
      loss.backward();
      opt.step();
      opt.zero_grad();
    }
    return [loss.item(), xb.length];
  }

  function fit(epochs: number, model: Module, loss_func: (a: Tensor, b: Tensor) => Tensor, opt: Optimizer, train_dl: Loader, valid_dl: Loader): [number, number][] {
    const log: [number, number][] = [];
    for (let epoch = 0; epoch < epochs; epoch++) {
      model.train();
      for (const [xb, yb] of train_dl) loss_batch(model, loss_func, xb, yb, opt);

      model.eval();
      const [losses, nums] = torch.no_grad(() => {
        const pairs = [...valid_dl].map(([xb, yb]) => loss_batch(model, loss_func, xb, yb));
        return [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
      });
      const val_loss = losses.reduce((s, l, i) => s + l * nums[i], 0) / nums.reduce((s, k) => s + k, 0);
      log.push([epoch, val_loss]); // print(epoch, val_loss)
    }
    return log;
  }

  function get_data(train_ds: InstanceType<typeof TensorDataset>, valid_ds: InstanceType<typeof TensorDataset>, bs: number): [Loader, Loader] {
    return [new DataLoader(train_ds, { batch_size: bs, shuffle: false }), new DataLoader(valid_ds, { batch_size: bs * 2 })];
  }

  [train_dl, valid_dl] = get_data(train_ds, valid_ds, bs);
  [m, opt] = get_model();
  expectLog(fit(epochs, m, loss_func, opt, train_dl, valid_dl), R.fit_logistic as [number, number][]);

  // Switch to CNN
  class Mnist_CNN extends nn.Module {
    conv1 = new nn.Conv2d(1, 16, { kernel_size: 3, stride: 2, padding: 1 });
    conv2 = new nn.Conv2d(16, 16, { kernel_size: 3, stride: 2, padding: 1 });
    conv3 = new nn.Conv2d(16, 10, { kernel_size: 3, stride: 2, padding: 1 });
    forward(xb: Tensor): Tensor {
      xb = xb.view(-1, 1, 28, 28);
      xb = F.relu(this.conv1(xb));
      xb = F.relu(this.conv2(xb));
      xb = F.relu(this.conv3(xb));
      xb = F.avg_pool2d(xb, 4);
      return xb.view(-1, xb.size(1));
    }
  }
  lr = 0.1;
  m = new Mnist_CNN();
  det_init_(m);
  opt = new optim.SGD(m.parameters(), { lr, momentum: 0.9 });
  expectLog(fit(epochs, m, loss_func, opt, train_dl, valid_dl), R.fit_cnn as [number, number][]);

  // nn.Sequential, with a Lambda layer
  const preprocess = (x: Tensor): Tensor => x.view(-1, 1, 28, 28);
  m = new nn.Sequential(
    new Lambda(preprocess),
    new nn.Conv2d(1, 16, { kernel_size: 3, stride: 2, padding: 1 }),
    new nn.ReLU(),
    new nn.Conv2d(16, 16, { kernel_size: 3, stride: 2, padding: 1 }),
    new nn.ReLU(),
    new nn.Conv2d(16, 10, { kernel_size: 3, stride: 2, padding: 1 }),
    new nn.ReLU(),
    new nn.AvgPool2d(4),
    new Lambda((x) => x.view(x.size(0), -1)),
  );
  expect(String(m)).toBe(R.sequential_repr);
  det_init_(m);
  opt = new optim.SGD(m.parameters(), { lr, momentum: 0.9 });
  expectLog(fit(epochs, m, loss_func, opt, train_dl, valid_dl), R.fit_sequential as [number, number][]);

  // Wrapping DataLoader, and nn.AdaptiveAvgPool2d
  const preprocess2 = (x: Tensor, y: Tensor): Tensor[] => [x.view(-1, 1, 28, 28), y];
  class WrappedDataLoader {
    constructor(readonly dl: Loader, readonly func: (...b: Tensor[]) => Tensor[]) {}
    get length(): number {
      return this.dl.length;
    }
    *[Symbol.iterator](): Iterator<Tensor[]> {
      for (const b of this.dl) yield this.func(...b);
    }
  }
  [train_dl, valid_dl] = get_data(train_ds, valid_ds, bs);
  train_dl = new WrappedDataLoader(train_dl, preprocess2 as (...b: Tensor[]) => Tensor[]);
  valid_dl = new WrappedDataLoader(valid_dl, preprocess2 as (...b: Tensor[]) => Tensor[]);
  m = new nn.Sequential(
    new nn.Conv2d(1, 16, { kernel_size: 3, stride: 2, padding: 1 }),
    new nn.ReLU(),
    new nn.Conv2d(16, 16, { kernel_size: 3, stride: 2, padding: 1 }),
    new nn.ReLU(),
    new nn.Conv2d(16, 10, { kernel_size: 3, stride: 2, padding: 1 }),
    new nn.ReLU(),
    new nn.AdaptiveAvgPool2d(1),
    new Lambda((x) => x.view(x.size(0), -1)),
  );
  expect(String(m)).toBe(R.adaptive_repr);
  det_init_(m);
  opt = new optim.SGD(m.parameters(), { lr, momentum: 0.9 });

  // Using your GPU: the same code, on whichever device there is.
  expect(torch.cuda.is_available()).toBe(R.cuda);
  const dev = torch.cuda.is_available() ? torch.device("cuda") : torch.device("cpu");
  m.to(dev);
  const toDev = (x: Tensor, y: Tensor): Tensor[] => [x.view(-1, 1, 28, 28).to(dev), y.to(dev)];
  [train_dl, valid_dl] = get_data(train_ds, valid_ds, bs);
  train_dl = new WrappedDataLoader(train_dl, toDev as (...b: Tensor[]) => Tensor[]);
  valid_dl = new WrappedDataLoader(valid_dl, toDev as (...b: Tensor[]) => Tensor[]);
  expectLog(fit(epochs, m, loss_func, opt, train_dl, valid_dl), R.fit_adaptive as [number, number][]);
});

test("nn_tutorial: get_data as written (shuffle=True) visits every training sample once per epoch", () => {
  const [x_train, y_train] = mnist_standin(256, 0);
  const train_dl = new DataLoader(new TensorDataset(x_train, torch.arange(256)), { batch_size: 64, shuffle: true });
  expect(train_dl.length).toBe(4);
  for (let epoch = 0; epoch < 2; epoch++) {
    const seen = [...train_dl].flatMap(([xb, idx]) => {
      expect(xb.shape).toEqual([64, 784]);
      return idx.tolist() as number[];
    });
    expect(seen.slice().sort((a, b) => a - b)).toEqual([...Array(256).keys()]);
  }
  // train_ds[0:3] gives both tensors' first three rows, as PyTorch's TensorDataset slicing does.
  const [xs, ys] = new TensorDataset(x_train, y_train).getitem("0:3");
  expect(xs.equal(x_train.index("0:3")) && ys.equal(y_train.index("0:3"))).toBe(true);
  expect(() => new TensorDataset(x_train).getitem(1.5)).toThrow("TensorDataset indices must be integers, got 1.5");
});
