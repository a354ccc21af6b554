/**
 * PyTorch's "Learn the Basics" tutorials (tensors, datasets & dataloaders, transforms, build the
 * model, autograd, optimization, save & load), ported line by line as a user would, against what the
 * same code prints in PyTorch 1.13 (test/reference/gen_tutorials.py). The tutorials' random tensors
 * and initial weights are det() stand-ins on both sides.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as util from "util";
import { torch, torchvision } from "../../src";
import { reference, det, det_init_, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const { nn } = torch;
type Tensor = InstanceType<typeof torch.Tensor>;
const { DataLoader, Dataset } = torch.utils.data;
const { ToTensor, Lambda } = torchvision.transforms;

describe("Tensors", () => {
  const R = reference("tensors");

  test("initializing: from data, from another tensor, with a shape", () => {
    const data = [[1, 2], [3, 4]];
    const x_data = torch.tensor(data);
    expect(String(x_data)).toBe(R.x_data);
    const x_np = torch.from_numpy(Int32Array.from(data.flat()));
    expect(String(x_np.reshape(2, 2))).toBe(R.x_np);
    const x_ones = torch.ones_like(x_data); // retains the properties of x_data
    expect(`Ones Tensor: \n ${x_ones} \n`).toBe(R.x_ones);
    const x_rand = torch.rand_like(x_data, { dtype: torch.float }); // overrides the datatype of x_data
    expect([String(x_rand.shape)]).toEqual(R.x_rand_dtype_shape);
    // Without dtype, an integer tensor has no uniform distribution: PyTorch's error, not floats.
    expect(() => torch.rand_like(x_data)).toThrow(new torch.RuntimeError(R.rand_like_int_error as string));
    const shape = [2, 3];
    expect(`Ones Tensor: \n ${torch.ones(shape)} \n`).toBe(R.ones_tensor);
    expect(`Zeros Tensor: \n ${torch.zeros(shape)}`).toBe(R.zeros_tensor);
  });

  test("attributes, indexing and slicing, joining, arithmetic, single-element tensors, in-place", () => {
    let tensor = torch.rand(3, 4);
    expect(`Shape of tensor: ${tensor.shape}\nDevice tensor is stored on: ${tensor.device}`).toBe(R.attributes);
    if (torch.cuda.is_available()) tensor = tensor.to("cuda");
    tensor = torch.ones(4, 4);
    expect(`First row: ${tensor.get(0)}`).toBe(R.first_row);
    expect(`First column: ${tensor.index(":, 0")}`).toBe(R.first_column);
    expect(`Last column: ${tensor.index("..., -1")}`).toBe(R.last_column);
    tensor.setitem(":, 1", 0);
    expect(String(tensor)).toBe(R.after_setitem);
    const t1 = torch.cat([tensor, tensor, tensor], { dim: 1 });
    expect(String(t1)).toBe(R.t1);
    // y1, y2, y3 have the same value; `@` is matmul.
    const y1 = tensor.matmul(tensor.T);
    const y2 = tensor.matmul(tensor.T);
    const y3 = torch.rand_like(y1);
    torch.matmul(tensor, tensor.T, { out: y3 });
    expect([String(y1), String(y2), String(y3)]).toEqual(R.y);
    const z1 = tensor.mul(tensor);
    const z2 = tensor.mul(tensor);
    const z3 = torch.rand_like(tensor);
    torch.mul(tensor, tensor, { out: z3 });
    expect([String(z1), String(z2), String(z3)]).toEqual(R.z);
    const agg = tensor.sum();
    const agg_item = agg.item();
    expect(agg_item).toBe(R.agg_item);
    expect(typeof agg_item).toBe("number");
    expect(`${tensor} \n` + `${tensor.add_(5)}`).toBe(R.add_);
  });

  test("bridge: t.numpy() after t.add_(1)", () => {
    const t = torch.ones(5);
    expect(`t: ${t}`).toBe(R.bridge_t);
    t.add_(1);
    // PyTorch's n = t.numpy() shares memory and prints [2. 2. 2. 2. 2.] here. torchlab's numpy() is a
    // documented copy (tfjs buffers are immutable), so the port reads it after the change.
    expect(Array.from(t.numpy().data)).toEqual([2, 2, 2, 2, 2]);
  });

  test("printing of mixed values, reductions, argmax, whole numbers past int32", () => {
    const d = det([3, 4], 1.0).mul(10);
    expectSamePrint(String(d), R.det_repr as string);
    expectSamePrint(String(d.T), R.det_repr_T as string);
    const sums = R.det_sum_dim as string[];
    expectSamePrint(String(d.sum(0)), sums[0]);
    expectSamePrint(String(d.sum(1, true)), sums[1]);
    expectSamePrint(String(d.mean()), sums[2]);
    expect(String(d.argmax(1))).toBe(R.det_argmax);
    // 1e10 is a whole number in JavaScript; int64, held in 32 bits here, would wrap it silently.
    expect(String(torch.tensor([1e10, 1, 2]))).toBe(R.big_int);
  });

  test("a broadcast error names the sizes as PyTorch does", () => {
    expect(() => torch.ones(2, 3).add(torch.ones(2, 4))).toThrow(R.broadcast_error as string);
    expect(() => torch.ones(2, 3).add(torch.ones(2, 4))).toThrow(torch.RuntimeError);
  });
});

/** The tutorial's CustomImageDataset, with images made in memory instead of read from files. */
class CustomDataset extends Dataset<[Tensor, Tensor | number]> {
  constructor(
    readonly n: number,
    readonly transform: ((x: Tensor) => Tensor) | null = null,
    readonly target_transform: ((y: number) => Tensor) | null = null,
  ) {
    super();
  }
  __len__(): number {
    return this.n;
  }
  __getitem__(idx: number): [Tensor, Tensor | number] {
    let image = torch.arange(16, { dtype: torch.float32 }).reshape(1, 4, 4).add(idx).div(32);
    const label = idx % 10;
    if (this.transform) image = this.transform(image);
    return [image, this.target_transform ? this.target_transform(label) : label];
  }
}

describe("Datasets & DataLoaders, Transforms", () => {
  const R = reference("data");

  test("Lambda one-hot target transform with scatter_(0, torch.tensor(y), {value: 1})", () => {
    const target_transform = new Lambda((y: number) => torch.zeros(10, { dtype: torch.float }).scatter_(0, torch.tensor(y), { value: 1 }));
    expect(String(target_transform(3))).toBe(R.one_hot_3);
    const ds = new CustomDataset(12, null, (y) => target_transform(y) as Tensor);
    expect(torch.utils.data.len(ds)).toBe(R.len);
    const [img, label] = ds.__getitem__(5);
    expect([img.shape, String(label)]).toEqual(R.item5);
    const train_dataloader = new DataLoader(ds, { batch_size: 4, shuffle: false });
    const [train_features, train_labels] = train_dataloader[Symbol.iterator]().next().value as [Tensor, Tensor];
    expect(`Feature batch shape: ${train_features.size()}\nLabels batch shape: ${train_labels.size()}`).toBe(R.batch);
    expect(String(train_labels)).toBe(R.batch_labels);
  });

  test("integer labels collate to an int64-style tensor; len(dataloader) counts batches", () => {
    const plain = new CustomDataset(6);
    const [, labels] = new DataLoader(plain, { batch_size: 4 })[Symbol.iterator]().next().value as [Tensor, Tensor];
    expect(String(labels)).toBe(R.plain_labels);
    expect(labels.dtype).toBe(torch.int64); // PyTorch: torch.int64
    expect(R.plain_label_dtype).toBe("torch.int64");
    expect(torch.utils.data.len(new DataLoader(plain, { batch_size: 4 }))).toBe(R.num_batches);
  });

  test("ToTensor: an H x W x C uint8 image becomes [C, H, W] floats in [0, 1]", () => {
    const bytes = Uint8Array.from(R.to_tensor_values as number[]);
    const img = new torchvision.io.Image(bytes, 3, 2, "RGB");
    expectTensor(new ToTensor()(img) as Tensor, R.to_tensor as Encoded, 1e-6);
  });
});

class NeuralNetwork extends nn.Module {
  flatten = new nn.Flatten();
  linear_relu_stack = new nn.Sequential(new nn.Linear(28 * 28, 512), new nn.ReLU(), new nn.Linear(512, 512), new nn.ReLU(), new nn.Linear(512, 10));
  forward(x: Tensor): Tensor {
    x = this.flatten(x);
    const logits = this.linear_relu_stack(x);
    return logits;
  }
}

describe("Build the Neural Network", () => {
  const R = reference("build_model");

  test("the model, its prediction and the layers one by one", () => {
    const model = new NeuralNetwork();
    expect(String(model)).toBe(R.model);
    det_init_(model);
    const X = det([1, 28, 28], 0.5).mul(10);
    const logits = model(X);
    const pred_probab = new nn.Softmax({ dim: 1 })(logits);
    const y_pred = pred_probab.argmax(1);
    expectTensor(logits, R.logits as Encoded, 1e-4);
    expectTensor(pred_probab, R.pred_probab as Encoded, 1e-4);
    expect(`Predicted class: ${y_pred}`).toBe(R.predicted);

    const input_image = det([3, 28, 28], 2.0);
    expect(String(input_image.size())).toBe(R.input_image_size);
    const flatten = new nn.Flatten();
    const flat_image = flatten(input_image);
    expect(String(flat_image.size())).toBe(R.flat_image_size);
    const layer1 = new nn.Linear({ in_features: 28 * 28, out_features: 20 });
    det_init_(layer1);
    let hidden1 = layer1(flat_image);
    expect(String(hidden1.size())).toBe(R.hidden1_size);
    expectSamePrint(`Before ReLU: ${hidden1.index(":, :5")}\n\n`, R.before_relu as string);
    hidden1 = new nn.ReLU()(hidden1);
    expectSamePrint(`After ReLU: ${hidden1.index(":, :5")}`, R.after_relu as string);

    const seq_modules = new nn.Sequential(flatten, layer1, new nn.ReLU(), new nn.Linear(20, 10));
    det_init_(seq_modules);
    const softmax = new nn.Softmax({ dim: 1 });
    expectTensor(softmax(seq_modules(input_image)), R.seq_pred_probab as Encoded, 1e-4);
    expect(String(seq_modules)).toBe(R.seq_repr);

    expect(`Model structure: ${model}\n\n`).toBe(R.structure);
    const lines: string[] = [];
    for (const [name, param] of model.named_parameters()) lines.push(`Layer: ${name} | Size: ${param.size()} | Values : ${param.index(":2")} \n`);
    (R.named_parameters as string[]).forEach((want, i) => expectSamePrint(lines[i], want));
    expect(lines.length).toBe((R.named_parameters as string[]).length);
  });
});

describe("Automatic differentiation with torch.autograd", () => {
  const R = reference("autograd");

  test("gradients, grad_fn names, disabling tracking, Jacobian products with retain_graph", () => {
    const x = torch.ones(5); // input tensor
    const y = torch.zeros(3); // expected output
    const w = det([5, 3], 0.3).requires_grad_();
    const b = det([3], 1.7).requires_grad_();
    let z = torch.matmul(x, w).add(b);
    const loss = nn.functional.binary_cross_entropy_with_logits(z, y);
    expectSamePrint(String(z), R.z as string);
    expectSamePrint(String(loss), R.loss as string);
    expect([z.grad_fn!.name(), loss.grad_fn!.name()]).toEqual(R.grad_fns);
    expect(`Gradient function for z = ${z.grad_fn}`).toMatch(new RegExp(`^Gradient function for z = <${(R.grad_fns as string[])[0]} object at 0x[0-9a-f]{12}>$`));
    loss.backward();
    expectSamePrint(String(w.grad), R.w_grad as string);
    expectSamePrint(String(b.grad), R.b_grad as string);

    const flags: boolean[] = [];
    z = torch.matmul(x, w).add(b);
    flags.push(z.requires_grad);
    torch.no_grad(() => {
      z = torch.matmul(x, w).add(b);
    });
    flags.push(z.requires_grad);
    z = torch.matmul(x, w).add(b);
    const z_det = z.detach();
    flags.push(z_det.requires_grad);
    expect(flags).toEqual(R.requires_grad);

    const inp = torch.eye(4, 5, { requires_grad: true });
    const out = inp.add(1).pow(2).t();
    out.backward(torch.ones_like(out), { retain_graph: true });
    expect(`First call\n${inp.grad}`).toBe(R.first_call);
    out.backward(torch.ones_like(out), { retain_graph: true });
    expect(`\nSecond call\n${inp.grad}`).toBe(R.second_call);
    inp.grad!.zero_();
    out.backward(torch.ones_like(out), { retain_graph: true });
    expect(`\nCall after zeroing gradients\n${inp.grad}`).toBe(R.after_zero);
  });

  test("backward twice without retain_graph, and of a non-scalar, are PyTorch's errors", () => {
    const a = torch.ones(2, { requires_grad: true });
    const o = a.mul(2).sum();
    o.backward();
    expect(() => o.backward()).toThrow(torch.RuntimeError);
    // PyTorch goes on "or autograd.grad()" (which torchlab does not have) and spells retain_graph=True.
    expect(() => o.backward()).toThrow((R.second_backward_error as string).split(" or autograd.grad()")[0]);
    expect(() => a.mul(2).backward()).toThrow(torch.RuntimeError);
    expect(() => a.mul(2).backward()).toThrow(R.non_scalar_error as string);
  });
});

/** FashionMNIST stand-in: deterministic 1x28x28 images, 10 classes. */
class TinyData extends Dataset<[Tensor, number]> {
  constructor(readonly n: number, readonly k: number) {
    super();
  }
  __len__(): number {
    return this.n;
  }
  __getitem__(idx: number): [Tensor, number] {
    return [det([1, 28, 28], this.k + idx * 0.9), (idx * 7 + Math.trunc(this.k)) % 10];
  }
}

type Loader = InstanceType<typeof DataLoader<[Tensor, number]>>;
type Net = (x: Tensor) => Tensor;
type LossFn = (input: Tensor, target: Tensor) => Tensor;

function train_loop(dataloader: Loader, model: Net, loss_fn: LossFn, optimizer: InstanceType<typeof torch.optim.SGD>, log: string[]): void {
  const size = torch.utils.data.len(dataloader.dataset as TinyData);
  let batch = 0;
  for (const [X, y] of dataloader) {
    // Compute prediction and loss
    const pred = model(X);
    const loss = loss_fn(pred, y);
    // Backpropagation
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    if (batch % 2 === 0) {
      const [l, current] = [loss.item(), batch * X.size(0)];
      log.push(`loss: ${l.toFixed(6).padStart(7)}  [${String(current).padStart(5)}/${String(size).padStart(5)}]`);
    }
    batch++;
  }
}

function test_loop(dataloader: Loader, model: Net, loss_fn: LossFn, log: string[]): void {
  const size = torch.utils.data.len(dataloader.dataset as TinyData);
  const num_batches = torch.utils.data.len(dataloader);
  let [test_loss, correct] = [0, 0];
  torch.no_grad(() => {
    for (const [X, y] of dataloader) {
      const pred = model(X);
      test_loss += loss_fn(pred, y).item();
      correct += pred.argmax(1).eq(y).type(torch.float).sum().item();
    }
  });
  test_loss /= num_batches;
  correct /= size;
  log.push(`Test Error: \n Accuracy: ${(100 * correct).toFixed(1)}%, Avg loss: ${test_loss.toFixed(6).padStart(8)} \n`);
}

describe("Optimizing model parameters", () => {
  const R = reference("optimization");

  test("train_loop / test_loop as functions, three epochs, the same log as PyTorch", () => {
    const model = new NeuralNetwork();
    det_init_(model);
    const learning_rate = 1e-2;
    const batch_size = 8;
    const epochs = 3;
    const train_dataloader = new DataLoader(new TinyData(24, 0.0), { batch_size });
    const test_dataloader = new DataLoader(new TinyData(16, 3.0), { batch_size });
    const loss_fn = new nn.CrossEntropyLoss();
    const optimizer = new torch.optim.SGD(model.parameters(), { lr: learning_rate });
    const log: string[] = [];
    for (let t = 0; t < epochs; t++) {
      log.push(`Epoch ${t + 1}\n-------------------------------`);
      train_loop(train_dataloader, model, loss_fn, optimizer, log);
      test_loop(test_dataloader, model, loss_fn, log);
    }
    log.push("Done!");
    const want = R.log as string[];
    expect(log.length).toBe(want.length);
    // Losses agree to float32 accuracy after 9 SGD steps; the printed layout exactly.
    log.forEach((line, i) => expectSamePrint(line, want[i], 2e-3));
    expectTensor((model.linear_relu_stack.get(4) as InstanceType<typeof nn.Linear>).bias!, R.final_bias as Encoded, 2e-3);
    expect(String(optimizer)).toBe(R.optimizer);
  });
});

describe("Save and load the model", () => {
  const R = reference("save_load");

  test("state_dict prints as PyTorch's OrderedDict, before and after torch.save/torch.load", () => {
    const model = new nn.Sequential(new nn.Linear(3, 2), new nn.ReLU(), new nn.Linear(2, 1));
    det_init_(model);
    expect(Object.keys(model.state_dict())).toEqual(R.keys);
    expectSamePrint(util.inspect(model.state_dict()), R.state_dict as string);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tutorial-")), "model_weights.pth");
    torch.save(model.state_dict(), file);
    const loaded = torch.load(file) as Record<string, Tensor>;
    // A loaded dict is prototype-free; node must not print it as `[Object: null prototype]`.
    expectSamePrint(util.inspect(loaded), R.loaded as string);
    const model2 = new nn.Sequential(new nn.Linear(3, 2), new nn.ReLU(), new nn.Linear(2, 1));
    expect(String(model2.load_state_dict(loaded))).toBe(R.load_result);
    model2.eval();
    expectTensor(model2(det([4, 3], 0.2)), R.out as Encoded);
  });
});
