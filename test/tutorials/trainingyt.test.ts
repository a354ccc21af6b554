/**
 * The introyt series' "Training with PyTorch" (pytorch/tutorials beginner_source/introyt/trainingyt.py)
 * ported line by line against PyTorch 1.13 (test/reference/gen_tutorials5.py, section trainingyt): a
 * map-style Dataset with a transforms.Compose([transforms.Normalize((0.5,), (0.5,))]), shuffled and
 * unshuffled DataLoaders (num_workers=2), make_grid of the first batch, the GarmentClassifier,
 * CrossEntropyLoss on dummy outputs, SGD with momentum, train_one_epoch with running-loss reporting,
 * and the validation loop that sums 0-d loss tensors, compares the average with a number and keeps the
 * best.
 *
 * Fashion-MNIST becomes 40 + 12 images of _tutorial.ts's digits(); the tutorial draws without a seed,
 * both sides seed manual_seed(0) first; the loss is reported every 5 batches (not 1000) over 2 epochs
 * (not 5). torchlab logs with torch.utils.tensorboard.SummaryWriter, under a temporary folder, and the
 * timestamp is the tutorial's `datetime.now().strftime('%Y%m%d_%H%M%S')`; the scalars read back from the
 * event files are compared with what the generator's recorder logged (tensorboard is not installed
 * beside its PyTorch; the generator's timestamp is fixed). The best model's torch.save is recorded, not
 * done.
 * Python's '{}'.format(avg_vloss) formats a 0-d tensor as its item (Tensor.__format__), where
 * JavaScript's `${avg_vloss}` is its str(), `tensor(2.2976)`: the port writes `${avg_vloss.item()}`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { datetime } from "../../src/datetime";
import { reference, expectSamePrint, digits } from "./_tutorial";
import { scalarsOf } from "../utils/_tfevents";

const { nn } = torch;
const F = nn.functional;
const transforms = torchvision.transforms;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("trainingyt");

class GarmentClassifier extends nn.Module {
  conv1 = new nn.Conv2d(1, 6, 5);
  pool = new nn.MaxPool2d(2, 2);
  conv2 = new nn.Conv2d(6, 16, 5);
  fc1 = new nn.Linear(16 * 4 * 4, 120);
  fc2 = new nn.Linear(120, 84);
  fc3 = new nn.Linear(84, 10);
  forward(x: Tensor): Tensor {
    x = this.pool(F.relu(this.conv1(x)));
    x = this.pool(F.relu(this.conv2(x)));
    x = x.view(-1, 16 * 4 * 4);
    x = F.relu(this.fc1(x));
    x = F.relu(this.fc2(x));
    x = this.fc3(x);
    return x;
  }
}

test("trainingyt: Dataset + Normalize, DataLoader, GarmentClassifier, train_one_epoch, validation", () => {
  const printed: string[] = [];
  const print = (...a: unknown[]) => printed.push(a.map(String).join(" "));
  torch.manual_seed(0);
  const transform = new transforms.Compose([new transforms.Normalize([0.5], [0.5])]);

  class FashionMNIST extends torch.utils.data.Dataset<[Tensor, number]> {
    data: Tensor;
    targets: Tensor;
    transform: (x: Tensor) => Tensor;
    constructor(train: boolean, transform: (x: Tensor) => Tensor) {
      super();
      [this.data, this.targets] = train ? digits(40, 0) : digits(12, 3);
      this.transform = transform;
    }
    __len__(): number {
      return this.data.size(0);
    }
    __getitem__(i: number): [Tensor, number] {
      return [this.transform(this.data.get(i)), this.targets.get(i).item()];
    }
  }

  // Create datasets for training & validation
  const training_set = new FashionMNIST(true, transform);
  const validation_set = new FashionMNIST(false, transform);
  // Create data loaders for our datasets; shuffle for training, not for validation
  const training_loader = new torch.utils.data.DataLoader(training_set, { batch_size: 4, shuffle: true, num_workers: 2 });
  const validation_loader = new torch.utils.data.DataLoader(validation_set, { batch_size: 4, shuffle: false, num_workers: 2 });
  // Class labels
  const classes = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle Boot"];
  // Report split sizes
  print(`Training set has ${training_set.length} instances`);
  print(`Validation set has ${validation_set.length} instances`);

  const dataiter = training_loader[Symbol.iterator]();
  const [images, labels] = dataiter.next().value as [Tensor, Tensor];
  // Create a grid from the images
  const img_grid = torchvision.utils.make_grid(images);
  expect(img_grid.shape).toEqual(R.img_grid_shape);
  expect(img_grid.sum().item()).toBeCloseTo(R.img_grid_sum as number, 1);
  print([0, 1, 2, 3].map((j) => classes[labels.get(j).item()]).join("  "));

  const model = new GarmentClassifier();
  const loss_fn = new torch.nn.CrossEntropyLoss();
  // NB: Loss functions expect data in batches, so we're creating batches of 4
  const dummy_outputs = torch.rand(4, 10);
  const dummy_labels = torch.tensor([1, 5, 3, 7]);
  print(dummy_outputs);
  print(dummy_labels);
  const loss = loss_fn(dummy_outputs, dummy_labels);
  print(`Total loss for this batch: ${loss.item()}`);

  // Optimizers specified in the torch.optim package
  const optimizer = new torch.optim.SGD(model.parameters(), { lr: 0.001, momentum: 0.9 });

  const { SummaryWriter } = torch.utils.tensorboard;
  function train_one_epoch(epoch_index: number, tb_writer: InstanceType<typeof SummaryWriter>): number {
    let running_loss = 0;
    let last_loss = 0;
    let i = 0;
    for (const data of training_loader) {
      // Every data instance is an input + label pair
      const [inputs, labels] = data;
      // Zero your gradients for every batch!
      optimizer.zero_grad();
      // Make predictions for this batch
      const outputs = model(inputs);
      // Compute the loss and its gradients
      const loss = loss_fn(outputs, labels);
      loss.backward();
      // Adjust learning weights
      optimizer.step();
      // Gather data and report
      running_loss += loss.item();
      if (i % 5 === 4) {
        last_loss = running_loss / 5; // loss per batch
        print(`  batch ${i + 1} loss: ${last_loss}`);
        const tb_x = epoch_index * training_loader.length + i + 1;
        tb_writer.add_scalar("Loss/train", last_loss, tb_x);
        running_loss = 0;
      }
      i++;
    }
    return last_loss;
  }

  // Initializing in a separate cell so we can easily add more epochs to the same run
  const timestamp = datetime.now().strftime("%Y%m%d_%H%M%S");
  const runs = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-trainingyt-"));
  const writer = new SummaryWriter(path.join(runs, `runs/fashion_trainer_${timestamp}`));
  let epoch_number = 0;
  const EPOCHS = 2;
  let best_vloss: number | Tensor = 1_000_000;
  const saved: string[] = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    print(`EPOCH ${epoch_number + 1}:`);
    // Make sure gradient tracking is on, and do a pass over the data
    model.train(true);
    const avg_loss = train_one_epoch(epoch_number, writer);
    let running_vloss = torch.tensor(0.0);
    // Set the model to evaluation mode
    model.eval();
    let i = 0;
    // Disable gradient computation and reduce memory consumption.
    torch.no_grad(() => {
      i = -1;
      for (const vdata of validation_loader) {
        i++;
        const [vinputs, vlabels] = vdata;
        const voutputs = model(vinputs);
        const vloss = loss_fn(voutputs, vlabels);
        running_vloss = running_vloss.add(vloss);
      }
    });
    const avg_vloss = running_vloss.div(i + 1);
    print(`LOSS train ${avg_loss} valid ${avg_vloss.item()}`);
    // Log the running loss averaged per batch for both training and validation
    writer.add_scalars("Training vs. Validation Loss", { Training: avg_loss, Validation: avg_vloss }, epoch_number + 1);
    writer.flush();
    // Track best performance, and save the model's state
    if (avg_vloss.lt(best_vloss).item()) {
      best_vloss = avg_vloss;
      const model_path = `model_${timestamp}_${epoch_number}`;
      saved.push(model_path);
    }
    epoch_number += 1;
  }
  writer.close();
  expect(timestamp).toMatch(/^\d{8}_\d{6}$/);
  expect(saved.map((p) => p.replace(timestamp, "20240101_000000"))).toEqual(R.saved);
  expectSamePrint(String(best_vloss), R.best_vloss as string);
  const want = R.printed as string[];
  expect(printed.length).toBe(want.length);
  printed.forEach((p, i) => expectSamePrint(p, want[i], 1e-4));
  // What the writer logged, read back from its event files: add_scalar's run, then add_scalars' one run
  // per key (<log_dir>/<main_tag with / as _>_<key>, tagged with the main tag).
  const run = path.join(runs, `runs/fashion_trainer_${timestamp}`);
  const logged = scalarsOf(run);
  const perKey = (key: string) => scalarsOf(path.join(run, `Training vs. Validation Loss_${key}`));
  const wantScalars = R.scalars as [string, number | Record<string, number>, number][];
  const wantTrain = wantScalars.filter((s) => typeof s[1] === "number") as [string, number, number][];
  expect(logged.map(([tag, , step]) => [tag, step])).toEqual(wantTrain.map(([tag, , step]) => [tag, step]));
  logged.forEach(([, v], k) => expect(v).toBeCloseTo(wantTrain[k][1], 4));
  const wantPairs = wantScalars.filter((s) => typeof s[1] !== "number") as [string, Record<string, number>, number][];
  for (const key of ["Training", "Validation"]) {
    const got = perKey(key);
    expect(got.map(([tag, , step]) => [tag, step])).toEqual(wantPairs.map(([tag, , step]) => [tag, step]));
    got.forEach(([, v], k) => expect(v).toBeCloseTo(wantPairs[k][1][key], 4));
  }
  fs.rmSync(runs, { recursive: true, force: true });
});
