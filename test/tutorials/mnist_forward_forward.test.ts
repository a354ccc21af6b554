/**
 * pytorch/examples mnist_forward_forward/main.py ported line by line against PyTorch 1.13
 * (test/reference/gen_mnist_forward_forward.py): get_y_neg's torch.randint draws, overlay_y_on_x's
 * `x_[:, :classes] *= 0.0` and `x_[range(n), y] = x.max()`, the Net of Layer(nn.Linear) subclasses kept in
 * a plain list (so its state_dict is empty, as PyTorch's), each Layer's own Adam and its forward-forward
 * goodness loss, predict's per-label goodness argmax and the printed losses and errors. MNIST is replaced
 * by the synthetic digits behind a Dataset applying Normalize + Lambda(torch.flatten); sizes are shrunk.
 *
 * The example overrides nn.Module.train(mode) with train(x_pos, x_neg); TypeScript needs the override
 * to stay assignable to Module's, so Net and Layer declare both signatures and pass a boolean on.
 */
import * as fs from "fs";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { digits, expectValues } from "./_tutorial";

const { nn } = torch;
const { Compose, Normalize, Lambda } = torchvision.transforms;
const { DataLoader } = torch.utils.data;
const { Adam } = torch.optim;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "mnist_forward_forward.json"), "utf8")) as Record<string, unknown>;

const printed: string[] = [];
/** Python's print of several arguments: each as text, joined by spaces. */
const print = (...a: unknown[]): void => void printed.push(a.map(String).join(" "));

const args = { epochs: 20, lr: 0.03, no_accel: true, seed: 1, save_model: false, train_size: 20, threshold: 2, test_size: 10, log_interval: 10 };
let device: ReturnType<typeof torch.device>;

/** Stand-in for torchvision's MNIST: digits(n, offset) images, the transform applied per item. */
class MNIST extends torch.utils.data.Dataset<[Tensor, number]> {
  data: Tensor;
  targets: Tensor;
  transform: (x: Tensor) => Tensor;
  constructor(root: string, options: { train: boolean; download: boolean; transform: (x: Tensor) => Tensor }) {
    super();
    [this.data, this.targets] = options.train ? digits(20, 0) : digits(10, 5);
    this.transform = options.transform;
  }
  __len__(): number {
    return this.data.shape[0];
  }
  __getitem__(index: number): [Tensor, number] {
    return [this.transform(this.data.index(index)), this.targets.index(index).item()];
  }
}

function get_y_neg(y: Tensor): Tensor {
  const y_neg = y.clone();
  for (const [idx, y_samp] of [...y].entries()) {
    const allowed_indices = Array.from({ length: 10 }, (_, i) => i);
    allowed_indices.splice(allowed_indices.indexOf(y_samp.item()), 1);
    y_neg.setitem(idx, torch.tensor(allowed_indices).index(torch.randint(allowed_indices.length, { size: [1] })).item());
  }
  return y_neg.to(device);
}

function overlay_y_on_x(x: Tensor, y: Tensor | number, classes = 10): Tensor {
  const x_ = x.clone();
  x_.index(`:, :${classes}`).mul_(0.0);
  x_.setitem([torch.arange(x.shape[0]), y instanceof torch.Tensor ? y : torch.tensor(y)], x.max());
  return x_;
}

class Net extends torch.nn.Module {
  layers: Layer[];
  constructor(dims: number[]) {
    super();
    this.layers = [];
    for (let d = 0; d < dims.length - 1; d++) {
      this.layers = [...this.layers, new Layer(dims[d], dims[d + 1]).to(device)];
    }
  }

  predict(x: Tensor): Tensor {
    const goodness_per_label: Tensor[] = [];
    for (let label = 0; label < 10; label++) {
      let h = overlay_y_on_x(x, label);
      let goodness: Tensor[] = [];
      for (const layer of this.layers) {
        h = layer(h);
        goodness = [...goodness, h.pow(2).mean(1)];
      }
      goodness_per_label.push(goodness.reduce((s, g) => s.add(g)).unsqueeze(1));
    }
    return torch.cat(goodness_per_label, 1).argmax(1);
  }

  train(mode?: boolean): this;
  train(x_pos: Tensor, x_neg: Tensor): void;
  train(x_pos: Tensor | boolean = true, x_neg?: Tensor): this | void {
    if (typeof x_pos === "boolean") return super.train(x_pos);
    let [h_pos, h_neg] = [x_pos, x_neg!];
    for (const [i, layer] of this.layers.entries()) {
      print("training layer: ", i);
      [h_pos, h_neg] = layer.train(h_pos, h_neg);
    }
  }
}

class Layer extends nn.Linear {
  relu = new torch.nn.ReLU();
  opt = new Adam(this.parameters(), { lr: args.lr });
  threshold = args.threshold;
  num_epochs = args.epochs;

  constructor(in_features: number, out_features: number, bias = true, device: ReturnType<typeof torch.device> | null = null, dtype: InstanceType<typeof torch.dtype> | null = null) {
    super(in_features, out_features, bias, device, dtype);
  }

  forward(x: Tensor): Tensor {
    const x_direction = x.div(x.norm(2, 1, { keepdim: true }).add(1e-4));
    return this.relu(torch.mm(x_direction, this.weight.T).add(this.bias!.unsqueeze(0)));
  }

  train(mode?: boolean): this;
  train(x_pos: Tensor, x_neg: Tensor): [Tensor, Tensor];
  train(x_pos: Tensor | boolean = true, x_neg?: Tensor): this | [Tensor, Tensor] {
    if (typeof x_pos === "boolean") return super.train(x_pos);
    for (let i = 0; i < this.num_epochs; i++) {
      const g_pos = this.forward(x_pos).pow(2).mean(1);
      const g_neg = this.forward(x_neg!).pow(2).mean(1);
      const loss = torch.log1p(torch.exp(torch.cat([g_pos.neg().add(this.threshold), g_neg.sub(this.threshold)]))).mean();
      this.opt.zero_grad();
      loss.backward();
      this.opt.step();
      if (i % args.log_interval === 0) {
        print("Loss: ", loss.item());
      }
    }
    return [this.forward(x_pos).detach(), this.forward(x_neg!).detach()];
  }
}

test("mnist_forward_forward: two forward-forward layers trained layer by layer, predict by goodness", () => {
  torch.manual_seed(args.seed);
  device = torch.device("cpu");

  const train_kwargs = { batch_size: args.train_size };
  const test_kwargs = { batch_size: args.test_size };

  const transform = new Compose([new Normalize([0.1307], [0.3081]), new Lambda((x: Tensor) => torch.flatten(x))]);
  const train_loader = new DataLoader(new MNIST("./data/", { train: true, download: true, transform }), train_kwargs);
  const test_loader = new DataLoader(new MNIST("./data/", { train: false, download: true, transform }), test_kwargs);
  const net = new Net([784, 500, 500]);
  let [x, y] = train_loader[Symbol.iterator]().next().value!;
  [x, y] = [x.to(device), y.to(device)];
  const x_pos = overlay_y_on_x(x, y);
  const y_neg = get_y_neg(y);
  const x_neg = overlay_y_on_x(x, y_neg);
  expect(y_neg.tolist()).toEqual(R.y_neg);
  expectValues(x_pos.index("0, :12"), R.x_pos_row0 as number[], 1e-5);
  expect(Object.is(x_pos.index("0, 1").item(), -0)).toBe(Object.is((R.x_pos_row0 as number[])[1], -0));
  expect(x_neg.sum().item()).toBeCloseTo(R.x_neg_sum as number, 1);
  expect(Object.keys(net.state_dict())).toEqual(R.state_dict_keys);
  net.train(x_pos, x_neg);
  print("train error:", 1.0 - net.predict(x).eq(y).float().mean().item());
  let [x_te, y_te] = test_loader[Symbol.iterator]().next().value!;
  [x_te, y_te] = [x_te.to(device), y_te.to(device)];
  print("test error:", 1.0 - net.predict(x_te).eq(y_te).float().mean().item());
  expect(net.predict(x_te).tolist()).toEqual(R.predict_te);

  const want = R.printed as string[];
  expect(printed.length).toBe(want.length);
  want.forEach((line, i) => {
    const [label, value] = line.split(/(?<=: ?) /);
    const [glabel, gvalue] = printed[i].split(/(?<=: ?) /);
    expect(glabel).toBe(label);
    expect(Number(gvalue)).toBeCloseTo(Number(value), 5);
  });
});
