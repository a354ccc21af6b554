/**
 * yunjey/pytorch-tutorial, tutorials/01-basics (pytorch_basics, linear_regression, logistic_regression,
 * feedforward_neural_network), ported line by line against PyTorch 1.13 (test/reference/gen_yunjey.py,
 * yunjey.json). MNIST and CIFAR-10 are torchvision's FakeData (the same seeded images on both sides),
 * sizes and epochs are reduced, resnet18 is built without downloading weights, NumPy arrays are typed
 * arrays.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { expectSamePrint, expectValues } from "./_tutorial";
import { printer } from "./_recipes";
import { classifier, lines } from "./_yunjey";

const nn = torch.nn;
const transforms = torchvision.transforms;
type Tensor = InstanceType<typeof torch.Tensor>;

import { R } from "./_yunjey";

test("pytorch_basics: autograd, numpy, the input pipelines, resnet18 with a new fc, save and load", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  // 1. Basic autograd example 1
  let x = torch.tensor(1, { dtype: torch.float32, requires_grad: true });
  const w = torch.tensor(2, { dtype: torch.float32, requires_grad: true });
  const b = torch.tensor(3, { dtype: torch.float32, requires_grad: true });
  let y = w.mul(x).add(b); // y = 2 * x + 3
  y.backward();
  print(x.grad); // x.grad = 2
  print(w.grad); // w.grad = 1
  print(b.grad); // b.grad = 1

  // 2. Basic autograd example 2
  x = torch.randn(10, 3);
  y = torch.randn(10, 2);
  const linear = new nn.Linear(3, 2);
  print("w: ", linear.weight);
  print("b: ", linear.bias);
  const criterion = new nn.MSELoss();
  const optimizer = new torch.optim.SGD(linear.parameters(), { lr: 0.01 });
  let pred = linear(x);
  let loss = criterion(pred, y);
  print("loss: ", loss.item());
  loss.backward();
  print("dL/dw: ", linear.weight.grad);
  print("dL/db: ", linear.bias!.grad);
  optimizer.step();
  pred = linear(x);
  loss = criterion(pred, y);
  print("loss after 1 step optimization: ", loss.item());

  // 3. Loading data from numpy (a typed array with its shape)
  const xn = { data: new BigInt64Array([1n, 2n, 3n, 4n]), shape: [2, 2] };
  const yt = torch.from_numpy(xn);
  const z = yt.numpy();
  print(yt);
  // z.dtype is torch's dtype object (torch.int64); NumPy's prints without the prefix
  print(String(z.dtype).replace(/^torch\./, ""), `(${z.shape.join(", ")})`, JSON.stringify(yt.tolist()).replace(/,/g, ", "));

  // 4. Input pipeline (CIFAR-10 becomes FakeData)
  const train_dataset = new torchvision.datasets.FakeData({ size: 100, image_size: [3, 32, 32], num_classes: 10, transform: new transforms.ToTensor() });
  const [image, label] = train_dataset.getitem(0);
  print(image.size());
  print(label);
  let train_loader = new torch.utils.data.DataLoader({ dataset: train_dataset, batch_size: 64, shuffle: true });
  const data_iter = train_loader[Symbol.iterator]();
  let [images, labels] = data_iter.next().value!;
  print(images.size(), labels);
  for ([images, labels] of train_loader) {
    // Training code should be written here.
  }
  print(images.size());

  // 5. Input pipeline for custom dataset
  class CustomDataset extends torch.utils.data.Dataset {
    __getitem__(index: number): unknown {
      return undefined;
    }
    __len__(): number {
      return 0;
    }
  }
  const custom_dataset = new CustomDataset();
  expect(() => new torch.utils.data.DataLoader({ dataset: custom_dataset, batch_size: 64, shuffle: true })).toThrow((R.pytorch_basics.custom_err as string[])[1]);

  // 6. Pretrained model (without the download)
  const resnet = torchvision.models.resnet18();
  for (const param of resnet.parameters()) param.requires_grad = false;
  resnet.fc = new nn.Linear(resnet.fc.in_features, 100); // 100 is an example.
  images = torch.randn(2, 3, 64, 64);
  const outputs = resnet(images);
  print(outputs.size()); // (2, 100)
  expectValues(outputs, R.pytorch_basics.outputs as number[], 1e-4);
  expect(resnet.named_parameters().filter(([, p]) => p.requires_grad).map(([n]) => n)).toEqual(R.pytorch_basics.trainable);

  // 7. Save and load the model
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yunjey-"));
  torch.save(resnet, path.join(dir, "model.ckpt"));
  const model = torch.load(path.join(dir, "model.ckpt"));
  torch.save(resnet.state_dict(), path.join(dir, "params.ckpt"));
  print(resnet.load_state_dict(torch.load(path.join(dir, "params.ckpt"))));
  print(model.constructor.name, model.fc);
  fs.rmSync(dir, { recursive: true });
  expectSamePrint(printed.join("\n"), lines("pytorch_basics"));
});

test("linear_regression: 60 epochs of SGD on the toy data, from_numpy in and numpy() out", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  const input_size = 1;
  const output_size = 1;
  const num_epochs = 60;
  const learning_rate = 0.001;
  const x_train = { data: new Float32Array([3.3, 4.4, 5.5, 6.71, 6.93, 4.168, 9.779, 6.182, 7.59, 2.167, 7.042, 10.791, 5.313, 7.997, 3.1]), shape: [15, 1] };
  const y_train = { data: new Float32Array([1.7, 2.76, 2.09, 3.19, 1.694, 1.573, 3.366, 2.596, 2.53, 1.221, 2.827, 3.465, 1.65, 2.904, 1.3]), shape: [15, 1] };
  const model = new nn.Linear(input_size, output_size);
  const criterion = new nn.MSELoss();
  const optimizer = new torch.optim.SGD(model.parameters(), { lr: learning_rate });
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    const inputs = torch.from_numpy(x_train);
    const targets = torch.from_numpy(y_train);
    const outputs = model(inputs);
    const loss = criterion(outputs, targets);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    if ((epoch + 1) % 5 === 0) print(`Epoch [${epoch + 1}/${num_epochs}], Loss: ${loss.item().toFixed(4)}`);
  }
  const predicted = model(torch.from_numpy(x_train)).detach().numpy();
  // NumPy's dtype, as PyTorch's `predicted.dtype` of `.numpy()` prints it (float32).
  expect(String(predicted.dtype)).toBe(R.linear_regression.predicted_dtype);
  expectValues(Array.from(predicted.data as Float32Array), R.linear_regression.predicted as number[], 1e-5);
  expect(printed.join("\n")).toBe(lines("linear_regression"));
});

test("logistic_regression: nn.Linear(784, 10), SGD, the accuracy as a tensor (100 * correct / total)", () => {
  const input_size = 28 * 28;
  const printed = classifier(
    () => new nn.Linear(input_size, 10),
    (m) => new torch.optim.SGD(m.parameters(), { lr: 0.001 }),
    (x) => x.reshape(-1, input_size),
    { item: false, acc: "Accuracy of the model on the 10000 test images" },
  );
  expectSamePrint(printed.join("\n"), lines("logistic_regression"));
});

class NeuralNet extends nn.Module {
  fc1: InstanceType<typeof nn.Linear>;
  relu: InstanceType<typeof nn.ReLU>;
  fc2: InstanceType<typeof nn.Linear>;
  constructor(input_size: number, hidden_size: number, num_classes: number) {
    super();
    this.fc1 = new nn.Linear(input_size, hidden_size);
    this.relu = new nn.ReLU();
    this.fc2 = new nn.Linear(hidden_size, num_classes);
  }
  forward(x: Tensor): Tensor {
    let out = this.fc1(x);
    out = this.relu(out);
    out = this.fc2(out);
    return out;
  }
}

test("feedforward_neural_network: NeuralNet(784, 500, 10) with Adam", () => {
  const printed = classifier(
    () => new NeuralNet(784, 500, 10).to(torch.device("cpu")),
    (m) => new torch.optim.Adam(m.parameters(), { lr: 0.001 }),
    (x) => x.reshape(-1, 28 * 28),
  );
  expectSamePrint(printed.join("\n"), lines("feedforward_neural_network"));
});

test("the stand-in data: FakeData's images are torchvision's (ToPILImage wraps a float image's values modulo 256, as .byte())", () => {
  const [img, label] = new torchvision.datasets.FakeData({ size: 1, image_size: [3, 4, 4] }).getitem(0);
  expect(label).toBe(R.fakedata_pixels.label);
  expect(Array.from(img.data)).toEqual((R.fakedata_pixels.rgb as number[][]).flat());
  const pic = new transforms.ToPILImage()(torch.tensor([[[-0.5, -0.001, 1.5, 1.0, -1.18, 3.92, 0.25]]]));
  expect(Array.from(pic.data)).toEqual(R.fakedata_pixels.wrapped);
});
