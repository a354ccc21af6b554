/**
 * pytorch/examples mnist_hogwild ported line by line against PyTorch 1.13
 * (test/reference/gen_mnist_hogwild.py): main.py's Net (Dropout2d after conv2, F.dropout with
 * training=self.training), model.share_memory(), and train.py's train / test / train_epoch / test_epoch
 * (SGD with momentum, nll_loss, output.max(1)[1]). In one process: the num_processes trainers run one
 * after the other on the shared model instead of in mp.Process. MNIST is replaced by the synthetic
 * digits behind a Dataset applying Normalize; sizes are shrunk; the printed pid is compared by format.
 */
import * as fs from "fs";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { digits, expectSamePrint, expectValues } from "./_tutorial";

const { nn, optim } = torch;
const F = nn.functional;
const { transforms } = torchvision;
const { len } = torch.utils.data;
type Tensor = InstanceType<typeof torch.Tensor>;
type Device = ReturnType<typeof torch.device>;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "mnist_hogwild.json"), "utf8")) as Record<string, unknown>;

const printed: string[] = [];
const print = (s: string): void => void printed.push(s);

interface Args {
  batch_size: number;
  test_batch_size: number;
  epochs: number;
  lr: number;
  momentum: number;
  seed: number;
  log_interval: number;
  num_processes: number;
  cuda: boolean;
  mps: boolean;
  save_model: boolean;
  dry_run: boolean;
}

/** Stand-in for datasets.MNIST: digits(n, offset) images, the transform applied per item. */
class MNIST extends torch.utils.data.Dataset<[Tensor, number]> {
  data: Tensor;
  targets: Tensor;
  transform: (x: Tensor) => Tensor;
  constructor(root: string, options: { train?: boolean; download?: boolean; transform: (x: Tensor) => Tensor }) {
    super();
    [this.data, this.targets] = options.train ?? true ? digits(20, 0) : digits(10, 5);
    this.transform = options.transform;
  }
  __len__(): number {
    return len(this.data);
  }
  __getitem__(index: number): [Tensor, number] {
    return [this.transform(this.data.index(index)), this.targets.index(index).item()];
  }
}
type Loader = InstanceType<typeof torch.utils.data.DataLoader<[Tensor, number], [Tensor, Tensor]>>;
type LoaderKwargs = { batch_size: number; shuffle: boolean };

function train(rank: number, args: Args, model: Net, device: Device, dataset: MNIST, dataloader_kwargs: LoaderKwargs): void {
  torch.manual_seed(args.seed + rank);

  const train_loader = new torch.utils.data.DataLoader(dataset, dataloader_kwargs);

  const optimizer = new optim.SGD(model.parameters(), { lr: args.lr, momentum: args.momentum });
  for (let epoch = 1; epoch <= args.epochs; epoch++) {
    train_epoch(epoch, args, model, device, train_loader, optimizer);
  }
}

function test(args: Args, model: Net, device: Device, dataset: MNIST, dataloader_kwargs: LoaderKwargs): void {
  torch.manual_seed(args.seed);

  const test_loader = new torch.utils.data.DataLoader(dataset, dataloader_kwargs);

  test_epoch(model, device, test_loader);
}

function train_epoch(epoch: number, args: Args, model: Net, device: Device, data_loader: Loader, optimizer: InstanceType<typeof optim.SGD>): void {
  model.train();
  const pid = process.pid;
  for (const [batch_idx, [data, target]] of [...data_loader].entries()) {
    optimizer.zero_grad();
    const output = model(data.to(device));
    const loss = F.nll_loss(output, target.to(device));
    loss.backward();
    optimizer.step();
    if (batch_idx % args.log_interval === 0) {
      print(`${pid}\tTrain Epoch: ${epoch} [${batch_idx * len(data)}/${len(data_loader.dataset)} (${((100 * batch_idx) / len(data_loader)).toFixed(0)}%)]\tLoss: ${loss.item().toFixed(6)}`);
      if (args.dry_run) break;
    }
  }
}

function test_epoch(model: Net, device: Device, data_loader: Loader): void {
  model.eval();
  let test_loss = 0;
  let correct = 0;
  torch.no_grad(() => {
    for (const [data, target] of data_loader) {
      const output = model(data.to(device));
      test_loss += F.nll_loss(output, target.to(device), { reduction: "sum" }).item(); // sum up batch loss
      const pred = output.max(1)[1]; // get the index of the max log-probability
      correct += pred.eq(target.to(device)).sum().item();
    }
  });

  test_loss /= len(data_loader.dataset);
  print(
    `\nTest set: Average loss: ${test_loss.toFixed(4)}, Accuracy: ${correct}/${len(data_loader.dataset)} (${((100 * correct) / len(data_loader.dataset)).toFixed(0)}%)\n`,
  );
}

class Net extends nn.Module {
  conv1 = new nn.Conv2d(1, 10, { kernel_size: 5 });
  conv2 = new nn.Conv2d(10, 20, { kernel_size: 5 });
  conv2_drop = new nn.Dropout2d();
  fc1 = new nn.Linear(320, 50);
  fc2 = new nn.Linear(50, 10);

  forward(x: Tensor): Tensor {
    x = F.relu(F.max_pool2d(this.conv1(x), 2));
    x = F.relu(F.max_pool2d(this.conv2_drop(this.conv2(x)), 2));
    x = x.view(-1, 320);
    x = F.relu(this.fc1(x));
    x = F.dropout(x, { training: this.training });
    x = this.fc2(x);
    return F.log_softmax(x, { dim: 1 });
  }
}

it("mnist_hogwild: num_processes trainers on one shared model (in turn), then the test printout", () => {
  const args: Args = { batch_size: 5, test_batch_size: 5, epochs: 1, lr: 0.01, momentum: 0.5, seed: 1, log_interval: 2, num_processes: 2, cuda: false, mps: false, save_model: false, dry_run: false };
  const device = torch.device("cpu");
  const transform = new transforms.Compose([new transforms.Normalize([0.1307], [0.3081])]);
  const dataset1 = new MNIST("../data", { train: true, download: true, transform });
  const dataset2 = new MNIST("../data", { train: false, transform });
  const kwargs = { batch_size: args.batch_size, shuffle: true };

  torch.manual_seed(args.seed);
  const model = new Net().to(device);
  expect(model.share_memory()).toBe(model); // gradients are allocated lazily, so they are not shared here

  for (let rank = 0; rank < args.num_processes; rank++) {
    train(rank, args, model, device, dataset1, kwargs);
  }

  // Once training is complete, we can test the model
  test(args, model, device, dataset2, kwargs);

  const want = R.printed as string[];
  expect(printed.length).toBe(want.length);
  want.forEach((line, i) => expectSamePrint(printed[i].replace(String(process.pid), "PID"), line, 1e-4));
  expectValues(model.fc2.bias!, R.fc2_bias as number[], 1e-4);
});
