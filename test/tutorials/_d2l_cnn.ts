/**
 * d2l's helper library (d2l/torch.py) as the convolutional chapters' ports need it, written as a
 * torchlab user writes it: load_data_fashion_mnist (a seeded torch.rand stand-in, the same as
 * test/reference/gen_d2l_cnn.py's), Accumulator, accuracy, evaluate_accuracy_gpu and train_ch6 (the
 * Animator's points returned instead of drawn), plus the d2l fixtures' loader.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";

const { nn } = torch;
const { DataLoader, TensorDataset, len } = torch.utils.data;
type Tensor = InstanceType<typeof torch.Tensor>;
type Module = InstanceType<typeof nn.Module>;
type Loader = InstanceType<typeof DataLoader<Tensor[], Tensor[]>>;

/** One section of test/reference/<file> (written by gen_d2l_cnn.py / gen_d2l_modern.py). */
export function d2lReference(file: string, section: string): Record<string, unknown> {
  const all = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", file), "utf8")) as Record<string, Record<string, unknown>>;
  return all[section];
}

/** Python's print(*args): the arguments' str() joined by spaces, collected. */
export function printer(): [string[], (...a: unknown[]) => void] {
  const printed: string[] = [];
  return [printed, (...a: unknown[]) => printed.push(a.map((x) => String(x)).join(" "))];
}

/** Stand-in: seeded torch.rand images (resize x resize when given, else 28 x 28), torch.randint labels. */
export function load_data_fashion_mnist(batch_size: number, resize?: number, n_train = 64, n_test = 32): [Loader, Loader] {
  const size = resize ?? 28;
  const generator = new torch.Generator().manual_seed(42);
  const train = new TensorDataset(torch.rand([n_train, 1, size, size], { generator }), torch.randint(0, 10, [n_train], { generator }));
  const test = new TensorDataset(torch.rand([n_test, 1, size, size], { generator }), torch.randint(0, 10, [n_test], { generator }));
  return [new DataLoader(train, batch_size, { shuffle: true }), new DataLoader(test, batch_size, { shuffle: false })];
}

/** 在n个变量上累加 */
export class Accumulator {
  data: number[];
  constructor(n: number) {
    this.data = new Array<number>(n).fill(0.0);
  }
  add(...args: (number | Tensor)[]): void {
    this.data = this.data.map((a, i) => a + Number(args[i]));
  }
  get(idx: number): number {
    return this.data[idx];
  }
}

/** 计算预测正确的数量 */
export function accuracy(y_hat: Tensor, y: Tensor): number {
  if (y_hat.shape.length > 1 && y_hat.shape[1] > 1) y_hat = y_hat.argmax({ axis: 1 });
  const cmp = y_hat.type(y.dtype).eq(y);
  return Number(cmp.type(y.dtype).sum());
}

/** 使用GPU计算模型在数据集上的精度 */
export function evaluate_accuracy_gpu(net: Module, data_iter: Loader, device?: ReturnType<typeof torch.device>): number {
  if (net instanceof nn.Module) {
    net.eval();
    if (!device) device = net.parameters()[Symbol.iterator]().next().value!.device;
  }
  const metric = new Accumulator(2);
  torch.no_grad(() => {
    for (let [X, y] of data_iter) {
      X = X.to(device!);
      y = y.to(device!);
      metric.add(accuracy(net(X) as Tensor, y), y.numel());
    }
  });
  return metric.get(0) / metric.get(1);
}

/** 用GPU训练模型(在第六章定义); returns the Animator's points. */
export function train_ch6(net: Module, train_iter: Loader, test_iter: Loader, num_epochs: number, lr: number, device: ReturnType<typeof torch.device>, print: (...a: unknown[]) => void): number[][] {
  function init_weights(m: Module): void {
    if (m.constructor === nn.Linear || m.constructor === nn.Conv2d) nn.init.xavier_uniform_((m as InstanceType<typeof nn.Linear>).weight);
  }
  net.apply(init_weights);
  print("training on", device);
  net.to(device);
  const optimizer = new torch.optim.SGD(net.parameters(), { lr });
  const loss = new nn.CrossEntropyLoss();
  const points: number[][] = [];
  const num_batches = len(train_iter);
  let train_l = 0;
  let train_acc = 0;
  let test_acc = 0;
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    const metric = new Accumulator(3);
    net.train();
    for (let [i, [X, y]] of [...train_iter].entries()) {
      optimizer.zero_grad();
      [X, y] = [X.to(device), y.to(device)];
      const y_hat = net(X) as Tensor;
      const l = loss(y_hat, y);
      l.backward();
      optimizer.step();
      torch.no_grad(() => metric.add(l.mul(X.shape[0]), accuracy(y_hat, y), X.shape[0]));
      train_l = metric.get(0) / metric.get(2);
      train_acc = metric.get(1) / metric.get(2);
      points.push([epoch + (i + 1) / num_batches, train_l, train_acc]);
    }
    test_acc = evaluate_accuracy_gpu(net, test_iter);
    points.push([epoch + 1, test_acc]);
  }
  print(`loss ${train_l.toFixed(3)}, train acc ${train_acc.toFixed(3)}, test acc ${test_acc.toFixed(3)}`);
  return points;
}

/** The chapters' printout: each layer's class name and output shape, as `print(layer.__class__.__name__, 'output shape:\t', X.shape)`. */
export function shapes(net: InstanceType<typeof nn.Sequential>, X: Tensor, print: (...a: unknown[]) => void): Tensor {
  for (const layer of net) {
    X = layer(X);
    print(layer.constructor.name, "output shape:\t", X.shape);
  }
  return X;
}

/** gen_d2l_modern.py's train(): one epoch of train_ch6 over n_train stand-in images (and one test batch). */
export function train(net: Module, resize: number, n_train: number, batch_size: number, lr: number, print: (...a: unknown[]) => void): number[][] {
  const [train_iter, test_iter] = load_data_fashion_mnist(batch_size, resize, n_train, batch_size);
  return train_ch6(net, train_iter, test_iter, 1, lr, torch.device("cpu"), print);
}

/** Every number of `got` within `tol` (relative, absolute below 1) of PyTorch's. */
export function expectClose(got: unknown, want: unknown, tol: number, where = ""): void {
  if (Array.isArray(want)) {
    expect(Array.isArray(got) && got.length === want.length).toBe(true);
    want.forEach((w, i) => expectClose((got as unknown[])[i], w, tol, `${where}[${i}]`));
    return;
  }
  const g = got as number;
  const w = want as number;
  if (!(Math.abs(g - w) <= tol * Math.max(1, Math.abs(w)))) throw new Error(`${where}: got ${g}, PyTorch ${w}`);
}
