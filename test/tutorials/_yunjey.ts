/**
 * Shared by the ports of yunjey/pytorch-tutorial (test/tutorials/yunjey_*.test.ts): the fixtures
 * (test/reference/gen_yunjey.py, yunjey.json), the MNIST stand-in and the training / test loops the
 * classifier tutorials share.
 */
import * as fs from "fs";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { printer } from "./_recipes";

const nn = torch.nn;
const transforms = torchvision.transforms;
type Tensor = InstanceType<typeof torch.Tensor>;

export const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "yunjey.json"), "utf8")) as Record<string, Record<string, unknown>>;

/** What a tutorial printed in PyTorch, one line per print. */
export const lines = (name: string) => (R[name].printed as string[]).join("\n");

/** gen_yunjey.py's mnist(): the MNIST stand-in (train and test differ by random_offset). */
export function mnist(train: boolean, size: number) {
  return new torchvision.datasets.FakeData({ size, image_size: [1, 28, 28], num_classes: 10, transform: new transforms.ToTensor(), random_offset: train ? 0 : 1000 });
}

/**
 * The training and test loops of logistic_regression, feedforward_neural_network and the 02-intermediate
 * classifiers (gen_yunjey.py's classifier(): each main.py's loops, the differences as arguments).
 */
export function classifier(
  make_model: () => InstanceType<typeof nn.Module>,
  make_optimizer: (m: InstanceType<typeof nn.Module>) => InstanceType<typeof torch.optim.Optimizer>,
  reshape: (x: Tensor) => Tensor,
  o: { train_size?: number; test_size?: number; batch_size?: number; num_epochs?: number; log_every?: number; item?: boolean; eval_mode?: boolean; acc?: string } = {},
): string[] {
  const { train_size = 200, test_size = 100, batch_size = 50, num_epochs = 2, log_every = 2, item = true, eval_mode = false, acc = "Accuracy of the network on the 10000 test images" } = o;
  const [printed, print] = printer();
  const device = torch.device("cpu");
  torch.manual_seed(0);
  const train_dataset = mnist(true, train_size);
  const test_dataset = mnist(false, test_size);
  const train_loader = new torch.utils.data.DataLoader({ dataset: train_dataset, batch_size: batch_size, shuffle: true });
  const test_loader = new torch.utils.data.DataLoader({ dataset: test_dataset, batch_size: batch_size, shuffle: false });
  const model = make_model();
  print(model);
  const criterion = new nn.CrossEntropyLoss();
  const optimizer = make_optimizer(model);
  const total_step = torch.utils.data.len(train_loader);
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    let i = 0;
    for (let [images, labels] of train_loader) {
      images = reshape(images).to(device);
      labels = labels.to(device);
      const outputs = model(images) as Tensor;
      const loss = criterion(outputs, labels);
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      if ((i + 1) % log_every === 0) print(`Epoch [${epoch + 1}/${num_epochs}], Step [${i + 1}/${total_step}], Loss: ${loss.item().toFixed(4)}`);
      i++;
    }
  }
  if (eval_mode) model.eval();
  torch.no_grad(() => {
    let correct: Tensor | number = 0;
    let total = 0;
    for (let [images, labels] of test_loader) {
      images = reshape(images).to(device);
      labels = labels.to(device);
      const outputs = model(images) as Tensor;
      const [, predicted] = torch.max(outputs.data, 1);
      total += labels.size(0);
      correct = item ? (correct as number) + predicted.eq(labels).sum().item() : predicted.eq(labels).sum().add(correct);
    }
    // Python's '{}'.format(tensor) formats a one-element tensor as its number; a template literal cannot tell
    // format() from str(), so the tensor is read with item()
    print(`${acc}: ${typeof correct === "number" ? (100 * correct) / total : correct.mul(100).div(total).item()} %`);
  });
  return printed;
}

