/**
 * Morvan Zhou's PyTorch tutorials (莫烦Python, MorvanZhou/PyTorch-Tutorial tutorial-contents/201-306)
 * ported line by line against PyTorch 1.13 (test/reference/gen_morvan.py, morvan.json). The old
 * spellings 1.13 still runs stay (`Variable(tensor, requires_grad=True)`, `.type(torch.FloatTensor)`,
 * `torch.normal(2*n_data, 1)`, `loss.data.numpy()` as `loss.item()`); plots are dropped, the
 * numpy prints become tensor prints, and loops are shortened.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";
import { expectSamePrint, expectValues } from "./_tutorial";
import { printer } from "./_recipes";

const { nn, optim } = torch;
const F = torch.nn.functional;
const Data = torch.utils.data;
const { Variable } = torch.autograd;
type Tensor = InstanceType<typeof torch.Tensor>;

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "morvan.json"), "utf8")) as Record<string, Record<string, unknown>>;

/** Python's `'%.4f' % x`. */
const f4 = (x: number) => x.toFixed(4);
const f2 = (x: number) => x.toFixed(2);

class Net extends nn.Module {
  hidden: InstanceType<typeof nn.Linear>;
  predict: InstanceType<typeof nn.Linear>;
  constructor(n_feature: number, n_hidden: number, n_output: number) {
    super();
    this.hidden = new nn.Linear(n_feature, n_hidden); // hidden layer
    this.predict = new nn.Linear(n_hidden, n_output); // output layer
  }
  forward(x: Tensor): Tensor {
    x = F.relu(this.hidden(x)); // activation function for hidden layer
    x = this.predict(x); // linear output
    return x;
  }
}

test("201 torch_numpy: tensors from data, abs/sin/mean, mm; dot on 2-D tensors is 1.13's error", () => {
  const [printed, print] = printer();
  const torch_data = torch.arange(6).reshape([2, 3]);
  print("\ntorch tensor:", torch_data);
  let data: number[] | number[][] = [-1, -2, 1, 2];
  let tensor = torch.FloatTensor(data); // 32-bit floating point
  print("\nabs", "\ntorch: ", torch.abs(tensor));
  print("\nsin", "\ntorch: ", torch.sin(tensor));
  print("\nmean", "\ntorch: ", torch.mean(tensor));
  data = [[1, 2], [3, 4]];
  tensor = torch.FloatTensor(data);
  print("\nmatrix multiplication (matmul)", "\ntorch: ", torch.mm(tensor, tensor));
  print("\nmatrix multiplication (matmul)", "\ntorch: ", torch.matmul(tensor, tensor));
  expect(printed.join("\n")).toBe((R.t201.printed as string[]).join("\n"));
  const [cls, msg] = R.t201.dot_2d as [string, string];
  expect(() => tensor.dot(tensor)).toThrow(msg);
  try {
    tensor.dot(tensor);
  } catch (e) {
    expect((e as Error).name).toBe(cls);
  }
  expect(String(tensor.flatten().dot(tensor.flatten()))).toBe(R.t201.dot_1d);
});

test("202 variable: Variable(tensor, requires_grad=True) is a leaf tensor; mean of x*x and its gradient", () => {
  const [printed, print] = printer();
  const tensor = torch.FloatTensor([[1, 2], [3, 4]]); // build a tensor
  const variable = Variable(tensor, { requires_grad: true }); // build a variable, usually for compute gradients
  print(tensor);
  print(variable);
  const t_out = torch.mean(tensor.mul(tensor)); // x^2
  const v_out = torch.mean(variable.mul(variable)); // x^2
  print(t_out);
  print(v_out); // 7.5
  v_out.backward(); // backpropagation from v_out
  print(variable.grad);
  print(variable); // this is data in variable format
  print(variable.data); // this is data in tensor format
  print(variable.constructor.name, variable.requires_grad, Variable(tensor).requires_grad);
  expectSamePrint(printed.join("\n"), (R.t202.printed as string[]).join("\n"));
  // Variable shares the tensor's data (an alias, as 1.13's Variable(t) is) and detaches a non-leaf
  expect(Variable(tensor, true).requires_grad).toBe(true);
  const nonleaf = torch.ones(2, { requires_grad: true }).mul(2);
  expect(Variable(nonleaf).grad_fn).toBeNull();
  const alias = Variable(tensor);
  tensor.add_(1);
  expect(Array.from(alias.dataSync())).toEqual([2, 3, 4, 5]);
  expect(() => Variable(3 as unknown as Tensor)).toThrow("Variable data has to be a tensor, but got int");
});

test("203 activation: relu, sigmoid, tanh, softplus of linspace(-5, 5, 200)", () => {
  let x = torch.linspace(-5, 5, 200); // x data (tensor), shape=(100, 1)
  x = Variable(x);
  expectValues(x.data, R.t203.x as number[]);
  expectValues(torch.relu(x).data, R.t203.relu as number[]);
  expectValues(torch.sigmoid(x).data, R.t203.sigmoid as number[]);
  expectValues(torch.tanh(x).data, R.t203.tanh as number[]);
  expectValues(F.softplus(x).data, R.t203.softplus as number[]); // there's no softplus in torch
});

test("301 regression: Net(n_feature=1, n_hidden=10, n_output=1) fits x^2 + noise with SGD", () => {
  const [printed, print] = printer();
  torch.manual_seed(1);
  const x = torch.unsqueeze(torch.linspace(-1, 1, 100), { dim: 1 }); // x data (tensor), shape=(100, 1)
  const y = x.pow(2).add(torch.rand(x.size()).mul(0.2)); // noisy y data (tensor), shape=(100, 1)
  const net = new Net(1, 10, 1); // define the network
  print(net); // net architecture
  const optimizer = new torch.optim.SGD(net.parameters(), { lr: 0.2 });
  const loss_func = new torch.nn.MSELoss(); // this is for regression mean squared loss
  let prediction = x;
  for (let t = 0; t < 200; t++) {
    prediction = net(x); // input x and predict based on x
    const loss = loss_func(prediction, y); // must be (1. nn output, 2. target)
    optimizer.zero_grad(); // clear gradients for next train
    loss.backward(); // backpropagation, compute gradients
    optimizer.step(); // apply gradients
    if (t % 5 === 0) print(`Loss=${f4(loss.item())}`);
  }
  expectSamePrint(printed.join("\n"), (R.t301.printed as string[]).join("\n"), 2e-3);
  expectValues(prediction, R.t301.prediction as number[], 1e-3);
});

test("302 classification: two normal clusters, CrossEntropyLoss, torch.max(out, 1)[1] as the prediction", () => {
  class ClsNet extends nn.Module {
    hidden: InstanceType<typeof nn.Linear>;
    out: InstanceType<typeof nn.Linear>;
    constructor(n_feature: number, n_hidden: number, n_output: number) {
      super();
      this.hidden = new torch.nn.Linear(n_feature, n_hidden); // hidden layer
      this.out = new torch.nn.Linear(n_hidden, n_output); // output layer
    }
    forward(x: Tensor): Tensor {
      x = F.relu(this.hidden(x)); // activation function for hidden layer
      x = this.out(x);
      return x;
    }
  }
  Object.defineProperty(ClsNet, "name", { value: "Net" });
  const [printed, print] = printer();
  torch.manual_seed(1);
  const n_data = torch.ones(100, 2);
  const x0 = torch.normal(n_data.mul(2), 1); // class0 x data (tensor), shape=(100, 2)
  const y0 = torch.zeros(100); // class0 y data (tensor), shape=(100, 1)
  const x1 = torch.normal(n_data.mul(-2), 1); // class1 x data (tensor), shape=(100, 2)
  const y1 = torch.ones(100); // class1 y data (tensor), shape=(100, 1)
  const x = torch.cat([x0, x1], 0).type(torch.FloatTensor); // shape (200, 2) FloatTensor = 32-bit floating
  const y = torch.cat([y0, y1]).type(torch.LongTensor); // shape (200,) LongTensor = 64-bit integer
  print(x.dtype, y.dtype, x.shape, y.shape, y.type());
  print(torch.FloatTensor.dtype, torch.LongTensor.dtype);
  const net = new ClsNet(2, 10, 2); // define the network
  print(net); // net architecture
  const optimizer = new torch.optim.SGD(net.parameters(), { lr: 0.02 });
  const loss_func = new torch.nn.CrossEntropyLoss(); // the target label is NOT an one-hotted
  for (let t = 0; t < 100; t++) {
    const out = net(x); // input x and predict based on x
    const loss = loss_func(out, y); // must be (1. nn output, 2. target), the target label is NOT one-hotted
    optimizer.zero_grad(); // clear gradients for next train
    loss.backward(); // backpropagation, compute gradients
    optimizer.step(); // apply gradients
    if (t % 10 === 0) {
      const prediction = torch.max(out, 1)[1];
      const accuracy = prediction.eq(y).sum().item() / y.size(0);
      print(`Accuracy=${f2(accuracy)}`, `loss=${f4(loss.item())}`);
    }
  }
  expectSamePrint(printed.join("\n"), (R.t302.printed as string[]).join("\n"), 2e-3);
  expectValues(x0.index(":3"), R.t302.x0 as number[]);
});

test("303 build_nn_quickly: a Module class and the same net as nn.Sequential", () => {
  torch.manual_seed(1);
  const net1 = new Net(1, 10, 1);
  const net2 = new torch.nn.Sequential(new torch.nn.Linear(1, 10), new torch.nn.ReLU(), new torch.nn.Linear(10, 1));
  const x = torch.linspace(-1, 1, 5).unsqueeze(1);
  net2.load_state_dict({ "0.weight": net1.hidden.weight, "0.bias": net1.hidden.bias, "2.weight": net1.predict.weight, "2.bias": net1.predict.bias });
  expect([String(net1), String(net2)]).toEqual(R.t303.printed);
  expect(torch.equal(net1(x), net2(x))).toBe(R.t303.same);
  expectValues(net2(x), R.t303.out as number[]);
});

test("304 save_reload: torch.save the whole net and its state_dict, torch.load both back", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "morvan-304-"));
  torch.manual_seed(1);
  const x = torch.unsqueeze(torch.linspace(-1, 1, 100), { dim: 1 }); // x data (tensor), shape=(100, 1)
  const y = x.pow(2).add(torch.rand(x.size()).mul(0.2)); // noisy y data (tensor), shape=(100, 1)
  let loss = torch.tensor(0);
  let prediction = x;
  function save(): void {
    const net1 = new torch.nn.Sequential(new torch.nn.Linear(1, 10), new torch.nn.ReLU(), new torch.nn.Linear(10, 1));
    const optimizer = new torch.optim.SGD(net1.parameters(), { lr: 0.5 });
    const loss_func = new torch.nn.MSELoss();
    for (let t = 0; t < 100; t++) {
      prediction = net1(x);
      loss = loss_func(prediction, y);
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
    }
    torch.save(net1, path.join(dir, "net.pkl")); // save entire net
    torch.save(net1.state_dict(), path.join(dir, "net_params.pkl")); // save only the parameters
  }
  function restore_net(): Tensor {
    // 1.13's torch.load reads whole modules by default, and so does torchlab's
    const net2 = torch.load(path.join(dir, "net.pkl"));
    expect(String(net2)).toBe(R.t304.printed);
    return net2(x);
  }
  function restore_params(): Tensor {
    const net3 = new torch.nn.Sequential(new torch.nn.Linear(1, 10), new torch.nn.ReLU(), new torch.nn.Linear(10, 1));
    net3.load_state_dict(torch.load(path.join(dir, "net_params.pkl")));
    return net3(x);
  }
  save();
  // `net.pkl` is PyTorch's zip checkpoint (as 1.13's torch.save writes any file name), not safetensors
  expect(fs.readFileSync(path.join(dir, "net.pkl")).subarray(0, 2).toString("latin1")).toBe("PK");
  expect(fs.readFileSync(path.join(dir, "net_params.pkl")).subarray(0, 2).toString("latin1")).toBe("PK");
  expect(loss.item()).toBeCloseTo(R.t304.loss as number, 4);
  expectValues(prediction, R.t304.prediction as number[], 1e-3);
  expectValues(restore_net(), R.t304.net2 as number[], 1e-3);
  expectValues(restore_params(), R.t304.net3 as number[], 1e-3);
});

test("305 batch_train: a shuffled DataLoader over TensorDataset(x, y) gives PyTorch's batches (manual_seed(1))", () => {
  const [printed, print] = printer();
  torch.manual_seed(1); // reproducible
  const BATCH_SIZE = 5;
  const x = torch.linspace(1, 10, 10); // this is x data (torch tensor)
  const y = torch.linspace(10, 1, 10); // this is y data (torch tensor)
  const torch_dataset = new Data.TensorDataset(x, y);
  const loader = new Data.DataLoader(torch_dataset, { batch_size: BATCH_SIZE, shuffle: true, num_workers: 2 });
  for (let epoch = 0; epoch < 3; epoch++) {
    let step = 0;
    for (const [batch_x, batch_y] of loader) {
      print("Epoch: ", epoch, "| Step: ", step, "| batch x: ", batch_x, "| batch y: ", batch_y);
      step++;
    }
  }
  expect(printed.join("\n")).toBe((R.t305.printed as string[]).join("\n"));
  const [, msg] = R.t305.old_keywords as [string, string];
  expect(msg).toContain("unexpected keyword argument 'data_tensor'");
});

test("306 optimizer: SGD, Momentum, RMSprop(alpha=0.9), Adam(betas=(0.9, 0.99)) on the same batches", () => {
  class ONet extends nn.Module {
    hidden = new torch.nn.Linear(1, 20); // hidden layer
    predict = new torch.nn.Linear(20, 1); // output layer
    forward(x: Tensor): Tensor {
      return this.predict(F.relu(this.hidden(x)));
    }
  }
  const [printed, print] = printer();
  torch.manual_seed(1);
  const LR = 0.01;
  const BATCH_SIZE = 32;
  const EPOCH = 2;
  const x = torch.unsqueeze(torch.linspace(-1, 1, 256), { dim: 1 });
  const y = x.pow(2).add(torch.normal(torch.zeros(...x.size())).mul(0.1));
  const torch_dataset = new Data.TensorDataset(x, y);
  const loader = new Data.DataLoader(torch_dataset, { batch_size: BATCH_SIZE, shuffle: true, num_workers: 2 });
  const net_SGD = new ONet();
  const net_Momentum = new ONet();
  const net_RMSprop = new ONet();
  const net_Adam = new ONet();
  const nets = [net_SGD, net_Momentum, net_RMSprop, net_Adam];
  const opt_SGD = new optim.SGD(net_SGD.parameters(), { lr: LR });
  const opt_Momentum = new optim.SGD(net_Momentum.parameters(), { lr: LR, momentum: 0.8 });
  const opt_RMSprop = new optim.RMSprop(net_RMSprop.parameters(), { lr: LR, alpha: 0.9 });
  const opt_Adam = new optim.Adam(net_Adam.parameters(), { lr: LR, betas: [0.9, 0.99] });
  const optimizers = [opt_SGD, opt_Momentum, opt_RMSprop, opt_Adam];
  const loss_func = new torch.nn.MSELoss();
  const losses_his: number[][] = [[], [], [], []]; // record loss
  for (let epoch = 0; epoch < EPOCH; epoch++) {
    print("Epoch: ", epoch);
    for (const [b_x, b_y] of loader) {
      nets.forEach((net, i) => {
        const output = net(b_x); // get output for every net
        const loss = loss_func(output, b_y); // compute loss for every net
        optimizers[i].zero_grad(); // clear gradients for next train
        loss.backward(); // backpropagation, compute gradients
        optimizers[i].step(); // apply gradients
        losses_his[i].push(loss.item()); // loss recoder
      });
    }
  }
  expect(printed).toEqual(R.t306.printed);
  expect(optimizers.map(String)).toEqual(R.t306.opt_repr);
  (R.t306.losses as number[][]).forEach((want, i) => expectValues(losses_his[i], want, 1e-3));
});

test("the tutorials' pre-0.4 spellings answer as PyTorch 1.13: loss.data[0], TensorDataset keywords, retain_variables, F.softmax without dim, init.normal, volatile", () => {
  const O = R.old_forms;
  const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
  try {
    const loss = torch.tensor([1.5, 2.5]).mean();
    const expectError = (f: () => unknown, [cls, msg]: [string, string]) => {
      let caught: Error | undefined;
      try {
        f();
      } catch (e) {
        caught = e as Error;
      }
      expect(caught?.name).toBe(cls);
      expect(caught?.message).toBe(msg);
    };
    expectError(() => loss.data.get(0), O.data_0 as [string, string]);
    const x = torch.linspace(1, 10, 10);
    const TD = Data.TensorDataset as unknown as new (o: object) => unknown;
    expectError(() => new TD({ data_tensor: x, target_tensor: x }), O.tensor_dataset_keywords as [string, string]);
    const w = torch.ones(2, { requires_grad: true });
    // torchlab's message also lists the valid keywords
    const [cls, msg] = O.retain_variables as [string, string];
    expect(() => w.mul(2).sum().backward({ retain_variables: true } as never)).toThrow(msg.replace("Tensor.backward()", "backward()"));
    expect(cls).toBe("TypeError");
    const logits = torch.tensor([[1, 2, 3], [3, 1, 0]]).float();
    expectValues(torch.max(F.softmax(logits), 1)[1].float(), O.softmax_argmax as number[]);
    torch.manual_seed(3);
    const a = torch.empty(3, 2);
    torch.nn.init.normal(a, { mean: 0, std: 0.1 });
    torch.nn.init.constant(torch.empty(2), -0.2);
    Variable(x, { volatile: true });
    expectValues(a, O.init_normal as number[]);
    expect(spy.mock.calls.map((c) => String(c[0]))).toEqual(O.warnings);
    expect([torch.pi, torch.e]).toEqual(O.constants);
  } finally {
    spy.mockRestore();
  }
});
