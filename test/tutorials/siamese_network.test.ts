/**
 * pytorch/examples siamese_network/main.py ported line by line against PyTorch 1.13
 * (test/reference/gen_siamese_network.py): SiameseNetwork over torchvision's resnet18(weights=None) with
 * a 1-channel conv1, its children()[:-1] rebuilt as a Sequential, the fc head initialised through
 * apply(init_weights) (xavier_uniform_, bias.data.fill_(0.01)), sigmoid + BCELoss, Adadelta + StepLR, and
 * APP_MATCHER's grouping of examples by class and its positive / negative pair sampling. MNIST is
 * replaced by the synthetic digits as uint8 images, Python's `random` by the generator's seeded LCG,
 * numpy's np.where by torch.where; the arguments are shrunk.
 */
import * as fs from "fs";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { digits, expectSamePrint } from "./_tutorial";

const { nn, optim } = torch;
const { Dataset, len } = torch.utils.data;
const { StepLR } = torch.optim.lr_scheduler;
type Tensor = InstanceType<typeof torch.Tensor>;
type Module = InstanceType<typeof nn.Module>;
type Device = ReturnType<typeof torch.device>;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "siamese_network.json"), "utf8")) as Record<string, unknown>;

const printed: string[] = [];
const print = (s: string): void => void printed.push(s);

/** Stand-in for Python's random module: randint(a, b) from the minimal standard LCG seeded with 1 (the generator's). */
const random = {
  state: 1,
  randint(a: number, b: number): number {
    random.state = (random.state * 48271) % 2147483647;
    return a + (random.state % (b - a + 1));
  },
};

/** Stand-in for datasets.MNIST: `data` (N x 28 x 28 uint8) and `targets`. */
class FakeMNIST {
  data: Tensor;
  targets: Tensor;
  constructor(root: string, options: { train: boolean; download?: boolean }) {
    let xs: Tensor;
    [xs, this.targets] = options.train ? digits(20, 0) : digits(20, 5);
    this.data = xs.index(":, 0").mul(255).to(torch.uint8);
  }
}
const datasets = { MNIST: FakeMNIST };

/**
 * Siamese network for image similarity estimation: two images through the same ResNet-18 feature
 * extractor, their features concatenated and passed to linear layers and a sigmoid.
 */
class SiameseNetwork extends nn.Module {
  resnet: Module;
  fc_in_features: number;
  fc: InstanceType<typeof nn.Sequential>;
  sigmoid: InstanceType<typeof nn.Sigmoid>;

  constructor() {
    super();
    // get resnet model
    const resnet = torchvision.models.resnet18({ weights: null });

    // over-write the first conv layer to be able to read MNIST images
    // as resnet18 reads (3,x,x) where 3 is RGB channels
    // whereas MNIST has (1,x,x) where 1 is a gray-scale channel
    resnet.conv1 = new nn.Conv2d(1, 64, { kernel_size: [7, 7], stride: [2, 2], padding: [3, 3], bias: false });
    this.fc_in_features = resnet.fc.in_features;

    // remove the last layer of resnet18 (linear layer which is before avgpool layer)
    this.resnet = new torch.nn.Sequential(...[...resnet.children()].slice(0, -1));

    // add linear layers to compare between the features of the two images
    this.fc = new nn.Sequential(new nn.Linear(this.fc_in_features * 2, 256), new nn.ReLU({ inplace: true }), new nn.Linear(256, 1));

    this.sigmoid = new nn.Sigmoid();

    // initialize the weights
    this.resnet.apply((m) => this.init_weights(m));
    this.fc.apply((m) => this.init_weights(m));
  }

  init_weights(m: Module): void {
    if (m instanceof nn.Linear) {
      torch.nn.init.xavier_uniform_(m.weight);
      m.bias!.data.fill_(0.01);
    }
  }

  forward_once(x: Tensor): Tensor {
    let output = this.resnet(x);
    output = output.view(output.size()[0], -1);
    return output;
  }

  forward(input1: Tensor, input2: Tensor): Tensor {
    // get two images' features
    const output1 = this.forward_once(input1);
    const output2 = this.forward_once(input2);

    // concatenate both images' features
    let output = torch.cat([output1, output2], 1);

    // pass the concatenation to the linear layers
    output = this.fc(output);

    // pass the out of the linear layers to sigmoid layer
    output = this.sigmoid(output);

    return output;
  }
}

class APP_MATCHER extends Dataset<[Tensor, Tensor, Tensor]> {
  dataset: FakeMNIST;
  data: Tensor;
  grouped_examples: Record<number, Tensor> = {};

  constructor(root: string, options: { train: boolean; download?: boolean }) {
    super();

    // get MNIST dataset
    this.dataset = new datasets.MNIST(root, { train: options.train, download: options.download ?? false });

    this.data = this.dataset.data.unsqueeze(1).clone();

    this.group_examples();
  }

  group_examples(): void {
    // get the targets from MNIST dataset
    const np_arr = this.dataset.targets.clone();

    // group examples based on class
    this.grouped_examples = {};
    for (let i = 0; i < 10; i++) {
      this.grouped_examples[i] = torch.where(np_arr.eq(i))[0];
    }
  }

  __len__(): number {
    return this.data.shape[0];
  }

  __getitem__(index: number): [Tensor, Tensor, Tensor] {
    // pick some random class for the first image
    const selected_class = random.randint(0, 9);

    // pick a random index for the first image in the grouped indices based of the label
    // of the class
    const random_index_1 = random.randint(0, this.grouped_examples[selected_class].shape[0] - 1);

    // pick the index to get the first image
    const index_1 = this.grouped_examples[selected_class].index(random_index_1);

    // get the first image
    const image_1 = this.data.index(index_1).clone().float();

    let image_2: Tensor;
    let target: Tensor;
    // same class
    if (index % 2 === 0) {
      // pick a random index for the second image
      let random_index_2 = random.randint(0, this.grouped_examples[selected_class].shape[0] - 1);

      // ensure that the index of the second image isn't the same as the first image
      while (random_index_2 === random_index_1) {
        random_index_2 = random.randint(0, this.grouped_examples[selected_class].shape[0] - 1);
      }

      // pick the index to get the second image
      const index_2 = this.grouped_examples[selected_class].index(random_index_2);

      // get the second image
      image_2 = this.data.index(index_2).clone().float();

      // set the label for this example to be positive (1)
      target = torch.tensor(1, { dtype: torch.float });
    }
    // different class
    else {
      // pick a random class
      let other_selected_class = random.randint(0, 9);

      // ensure that the class of the second image isn't the same as the first image
      while (other_selected_class === selected_class) {
        other_selected_class = random.randint(0, 9);
      }

      // pick a random index for the second image in the grouped indices based of the label
      // of the class
      const random_index_2 = random.randint(0, this.grouped_examples[other_selected_class].shape[0] - 1);

      // pick the index to get the second image
      const index_2 = this.grouped_examples[other_selected_class].index(random_index_2);

      // get the second image
      image_2 = this.data.index(index_2).clone().float();

      // set the label for this example to be negative (0)
      target = torch.tensor(0, { dtype: torch.float });
    }

    return [image_1, image_2, target];
  }
}

interface Args {
  batch_size: number;
  test_batch_size: number;
  epochs: number;
  lr: number;
  gamma: number;
  no_accel: boolean;
  dry_run: boolean;
  seed: number;
  log_interval: number;
  save_model: boolean;
}
type Loader = InstanceType<typeof torch.utils.data.DataLoader<[Tensor, Tensor, Tensor], [Tensor, Tensor, Tensor]>>;

function train(args: Args, model: SiameseNetwork, device: Device, train_loader: Loader, optimizer: InstanceType<typeof optim.Adadelta>, epoch: number): void {
  model.train();

  // we aren't using `TripletLoss` as the MNIST dataset is simple, so `BCELoss` can do the trick.
  const criterion = new nn.BCELoss();

  for (let [batch_idx, [images_1, images_2, targets]] of [...train_loader].entries()) {
    [images_1, images_2, targets] = [images_1.to(device), images_2.to(device), targets.to(device)];
    optimizer.zero_grad();
    const outputs = model(images_1, images_2).squeeze();
    const loss = criterion(outputs, targets);
    loss.backward();
    optimizer.step();
    if (batch_idx % args.log_interval === 0) {
      print(
        `Train Epoch: ${epoch} [${batch_idx * len(images_1)}/${len(train_loader.dataset)} (${((100 * batch_idx) / len(train_loader)).toFixed(0)}%)]\tLoss: ${loss.item().toFixed(6)}`,
      );
      if (args.dry_run) break;
    }
  }
}

function test(model: SiameseNetwork, device: Device, test_loader: Loader): void {
  model.eval();
  let test_loss = 0;
  let correct = 0;

  // we aren't using `TripletLoss` as the MNIST dataset is simple, so `BCELoss` can do the trick.
  const criterion = new nn.BCELoss();

  torch.no_grad(() => {
    for (let [images_1, images_2, targets] of test_loader) {
      [images_1, images_2, targets] = [images_1.to(device), images_2.to(device), targets.to(device)];
      const outputs = model(images_1, images_2).squeeze();
      test_loss += criterion(outputs, targets).sum().item(); // sum up batch loss
      const pred = torch.where(outputs.gt(0.5), 1, 0); // get the index of the max log-probability
      expect(String(pred.dtype)).toBe("torch.int64");
      correct += pred.eq(targets.view_as(pred)).sum().item();
    }
  });

  test_loss /= len(test_loader.dataset);

  print(
    `\nTest set: Average loss: ${test_loss.toFixed(4)}, Accuracy: ${correct}/${len(test_loader.dataset)} (${((100 * correct) / len(test_loader.dataset)).toFixed(0)}%)\n`,
  );
}

it("siamese_network: resnet18 feature extractor, APP_MATCHER pairs, BCELoss, Adadelta + StepLR", () => {
  const args: Args = { batch_size: 10, test_batch_size: 20, epochs: 1, lr: 1.0, gamma: 0.7, no_accel: true, dry_run: true, seed: 1, log_interval: 1, save_model: false };

  torch.manual_seed(args.seed);

  const device = torch.device("cpu");

  print(`Using device: ${device}`);

  const train_kwargs = { batch_size: args.batch_size };
  const test_kwargs = { batch_size: args.test_batch_size };

  const train_dataset = new APP_MATCHER("../data", { train: true, download: true });
  const test_dataset = new APP_MATCHER("../data", { train: false });
  const first = [train_dataset.__getitem__(0), train_dataset.__getitem__(1)];
  expect(train_dataset.grouped_examples[3].tolist()).toEqual(R.grouped_3);
  expect(first.map((t) => [t[0].sum().item(), t[1].sum().item(), t[2].item()])).toEqual(R.pair_sums);
  expect(first[0].map((t) => t.shape)).toEqual(R.pair_shapes);
  expect(first[0].map((t) => String(t.dtype))).toEqual(R.pair_dtypes);
  random.state = 1;
  const train_loader = new torch.utils.data.DataLoader(train_dataset, train_kwargs);
  const test_loader = new torch.utils.data.DataLoader(test_dataset, test_kwargs);

  const model = new SiameseNetwork().to(device);
  expect(String(model.fc)).toBe(R.repr_fc);
  expect([...model.resnet.children()].length).toBe(R.n_resnet_children);
  expect(model.fc_in_features).toBe(R.fc_in_features);
  const optimizer = new optim.Adadelta(model.parameters(), { lr: args.lr });

  const scheduler = new StepLR(optimizer, { step_size: 1, gamma: args.gamma });
  for (let epoch = 1; epoch <= args.epochs; epoch++) {
    train(args, model, device, train_loader, optimizer, epoch);
    test(model, device, test_loader);
    scheduler.step();
  }
  expect(printed.length).toBe((R.printed as string[]).length);
  (R.printed as string[]).forEach((want, i) => expectSamePrint(printed[i], want, 1e-4));
  expect((model.fc.get(0) as InstanceType<typeof nn.Linear>).bias!.sum().item()).toBeCloseTo(R.fc0_bias_sum as number, 3);
});
