/**
 * pytorch/examples mnist_rnn/main.py ported line by line against PyTorch 1.13
 * (test/reference/gen_mnist_rnn.py): the LSTM(input_size=28, hidden_size=64, batch_first=True) Net whose
 * last step goes through BatchNorm1d, Dropout2d on a 2-D input (PyTorch 1.13's element-wise masks and
 * deprecation warning), fc1/fc2 and log_softmax; Adadelta(lr=0.1) with StepLR(step_size=1, gamma=0.7),
 * the train / test printouts and torch.save of the state_dict. MNIST is replaced by the synthetic digits
 * behind a Dataset applying transforms.Normalize((0.1307,), (0.3081,)); the arguments are shrunk.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { digits, expectSamePrint, expectValues } from "./_tutorial";

const { nn, optim } = torch;
const F = nn.functional;
const { StepLR } = torch.optim.lr_scheduler;
const { transforms } = torchvision;
const { len } = torch.utils.data;
type Tensor = InstanceType<typeof torch.Tensor>;
type Device = ReturnType<typeof torch.device>;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "mnist_rnn.json"), "utf8")) as Record<string, unknown>;

interface Args {
  batch_size: number;
  test_batch_size: number;
  epochs: number;
  lr: number;
  gamma: number;
  accel: boolean;
  dry_run: boolean;
  seed: number;
  log_interval: number;
  save_model: boolean;
}

const printed: string[] = [];
const print = (s: string): void => void printed.push(s);

/** Stand-in for datasets.MNIST: digits(n, offset) images, the transform applied per item. */
class FakeMNIST extends torch.utils.data.Dataset<[Tensor, number]> {
  data: Tensor;
  targets: Tensor;
  transform: (x: Tensor) => Tensor;
  constructor(options: { train: boolean; transform: (x: Tensor) => Tensor }) {
    super();
    [this.data, this.targets] = options.train ? digits(24, 0) : digits(10, 5);
    this.transform = options.transform;
  }
  __len__(): number {
    return len(this.data);
  }
  __getitem__(index: number): [Tensor, number] {
    return [this.transform(this.data.index(index)), this.targets.index(index).item()];
  }
}

class Net extends nn.Module {
  rnn = new nn.LSTM({ input_size: 28, hidden_size: 64, batch_first: true });
  batchnorm = new nn.BatchNorm1d(64);
  dropout1 = new nn.Dropout2d(0.25);
  dropout2 = new nn.Dropout2d(0.5);
  fc1 = new nn.Linear(64, 32);
  fc2 = new nn.Linear(32, 10);

  forward(input: Tensor): Tensor {
    // Shape of input is (batch_size,1, 28, 28)
    // converting shape of input to (batch_size, 28, 28)
    // as required by RNN when batch_first is set True
    input = input.reshape(-1, 28, 28);
    let [output, hidden] = this.rnn(input);

    // RNN output shape is (seq_len, batch, input_size)
    // Get last output of RNN
    output = output.index(":, -1, :");
    output = this.batchnorm(output);
    output = this.dropout1(output);
    output = this.fc1(output);
    output = F.relu(output);
    output = this.dropout2(output);
    output = this.fc2(output);
    output = F.log_softmax(output, { dim: 1 });
    return output;
  }
}

type Loader = InstanceType<typeof torch.utils.data.DataLoader<[Tensor, number], [Tensor, Tensor]>>;

function train(args: Args, model: Net, device: Device, train_loader: Loader, optimizer: InstanceType<typeof optim.Adadelta>, epoch: number): void {
  model.train();
  for (let [batch_idx, [data, target]] of [...train_loader].entries()) {
    [data, target] = [data.to(device), target.to(device)];
    optimizer.zero_grad();
    const output = model(data);
    const loss = F.nll_loss(output, target);
    loss.backward();
    optimizer.step();
    if (batch_idx % args.log_interval === 0) {
      print(
        `Train Epoch: ${epoch} [${batch_idx * len(data)}/${len(train_loader.dataset)} (${((100 * batch_idx) / len(train_loader)).toFixed(0)}%)]\tLoss: ${loss.item().toFixed(6)}`,
      );
      if (args.dry_run) break;
    }
  }
}

function test(args: Args, model: Net, device: Device, test_loader: Loader): void {
  model.eval();
  let test_loss = 0;
  let correct = 0;
  torch.no_grad(() => {
    for (let [data, target] of test_loader) {
      [data, target] = [data.to(device), target.to(device)];
      const output = model(data);
      test_loss += F.nll_loss(output, target, { reduction: "sum" }).item(); // sum up batch loss
      const pred = output.argmax({ dim: 1, keepdim: true }); // get the index of the max log-probability
      correct += pred.eq(target.view_as(pred)).sum().item();
      if (args.dry_run) break;
    }
  });

  test_loss /= len(test_loader.dataset);

  print(
    `\nTest set: Average loss: ${test_loss.toFixed(4)}, Accuracy: ${correct}/${len(test_loader.dataset)} (${((100 * correct) / len(test_loader.dataset)).toFixed(0)}%)\n`,
  );
}

function main(): [Net, string] {
  const args: Args = { batch_size: 8, test_batch_size: 5, epochs: 2, lr: 0.1, gamma: 0.7, accel: false, dry_run: false, seed: 1, log_interval: 2, save_model: true };

  const device = torch.device("cpu");

  torch.manual_seed(args.seed);

  const kwargs = {};
  const train_loader = new torch.utils.data.DataLoader(
    new FakeMNIST({ train: true, transform: new transforms.Compose([new transforms.Normalize([0.1307], [0.3081])]) }),
    { batch_size: args.batch_size, shuffle: true, ...kwargs },
  );
  const test_loader = new torch.utils.data.DataLoader(
    new FakeMNIST({ train: false, transform: new transforms.Compose([new transforms.Normalize([0.1307], [0.3081])]) }),
    { batch_size: args.test_batch_size, shuffle: true, ...kwargs },
  );

  const model = new Net().to(device);
  const optimizer = new optim.Adadelta(model.parameters(), { lr: args.lr });

  const scheduler = new StepLR(optimizer, { step_size: 1, gamma: args.gamma });
  for (let epoch = 1; epoch <= args.epochs; epoch++) {
    train(args, model, device, train_loader, optimizer, epoch);
    test(args, model, device, test_loader);
    scheduler.step();
  }

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mnist_rnn-")), "mnist_rnn.pt");
  if (args.save_model) {
    torch.save(model.state_dict(), file);
  }
  return [model, file];
}

it("mnist_rnn: LSTM + BatchNorm1d + Dropout2d Net, Adadelta + StepLR, train / test printouts, saved state_dict", () => {
  const warn = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
  const [model, file] = main();
  expect(String(warn.mock.calls[0][0])).toMatch(/^dropout2d: Received a 2-D input to dropout2d, which is deprecated/);
  warn.mockRestore();
  expect(printed.length).toBe((R.printed as string[]).length);
  (R.printed as string[]).forEach((want, i) => expectSamePrint(printed[i], want, 1e-4));
  expectValues(model.fc2.bias!, R.fc2_bias as number[], 1e-4);
  expectValues(model.batchnorm.running_mean!, R.running_mean as number[], 1e-4);
  expect(Object.keys(torch.load(file))).toEqual(R.state_dict_keys);
});
