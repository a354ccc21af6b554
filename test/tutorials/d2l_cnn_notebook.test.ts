/**
 * d2l-zh chapter_convolutional-neural-networks run as a student runs it: the chapter's cells, written as
 * the Python reads (float literals `0.0`, operators and indexing on tensors, `Y[i, j] = ...`,
 * `conv2d.weight.data[:] -= lr * grad`, a cell's last expression as its value), through `torchlab run`
 * (the real kernel, its prelude and the notebook dialect). What the cells print and their values must be
 * PyTorch's (test/reference/gen_d2l_cnn.py, the same sections as d2l_cnn.test.ts).
 *
 * Written differently from the Python: a slice with loop variables is a template string
 * (`X[`${i}:${i + h}, ${j}:${j + w}`]`, Python's `X[i: i + h, j: j + w]`; `Y[i, j] = ...` is written as
 * in Python),
 * f-strings' `{l.sum():.3f}` is `${l.sum().item().toFixed(3)}`, and `float(t)` is `Number(t)`.
 *
 * One difference from Jupyter's Python is left: a cell whose last statement is an assignment
 * (`K = torch.tensor([[1.0, -1.0]]);`) shows the assigned value, as JavaScript REPLs do (the value of
 * the assignment expression), where IPython shows nothing. Those cells' values are not compared.
 */
import { sectionsForSuite, type ExecutedNotebook as Nb } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { d2lReference } from "./_d2l_cnn";


const CORR2D = `function corr2d(X: torch.Tensor, K: torch.Tensor) {  // 计算二维互相关运算
  const [h, w] = K.shape;
  const Y = torch.zeros([X.shape[0] - h + 1, X.shape[1] - w + 1]);
  for (let i = 0; i < Y.shape[0]; i++)
    for (let j = 0; j < Y.shape[1]; j++)
      Y[i, j] = (X[\`\${i}:\${i + h}, \${j}:\${j + w}\`] * K).sum();
  return Y;
}`;

const CONV_LAYER = [
  CORR2D,
  `let X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]]);
let K = torch.tensor([[0.0, 1.0], [2.0, 3.0]]);
corr2d(X, K)`,
  `torch.manual_seed(0);
class Conv2D extends nn.Module {
  weight: nn.Parameter; bias: nn.Parameter;
  constructor(kernel_size: [number, number]) {
    super();
    this.weight = new nn.Parameter(torch.rand(kernel_size));
    this.bias = new nn.Parameter(torch.zeros(1));
  }
  forward(x: torch.Tensor) {
    return corr2d(x, this.weight) + this.bias;
  }
}
const scratch = new Conv2D([2, 2]);
scratch(X)`,
  `X = torch.ones([6, 8]);
X[":, 2:6"] = 0;
X`,
  `K = torch.tensor([[1.0, -1.0]]);`,
  `let Y = corr2d(X, K);
Y`,
  `corr2d(X.t(), K)`,
  `// 构造一个二维卷积层，它具有1个输出通道和形状为（1，2）的卷积核
const conv2d = new nn.Conv2d(1, 1, {kernel_size: [1, 2], bias: false});
X = X.reshape([1, 1, 6, 8]);
Y = Y.reshape([1, 1, 6, 7]);
const lr = 3e-2;  // 学习率
for (let i = 0; i < 10; i++) {
  const Y_hat = conv2d(X);
  const l = (Y_hat - Y) ** 2;
  conv2d.zero_grad();
  l.sum().backward();
  // 迭代卷积核
  conv2d.weight.data[":"] -= lr * conv2d.weight.grad!;
  if ((i + 1) % 2 == 0)
    console.log(\`epoch \${i + 1}, loss \${l.sum().item().toFixed(3)}\`);
}`,
  `torch.reshape(conv2d.weight.data, [1, 2])`,
];

const PADDING = [
  `torch.manual_seed(0);
function comp_conv2d(conv2d: nn.Conv2d, X: torch.Tensor) {
  X = X.reshape([1, 1, ...X.shape]);
  const Y = conv2d(X);
  return Y.reshape(Y.shape.slice(2));
}
let conv2d = new nn.Conv2d(1, 1, {kernel_size: 3, padding: 1});
const X = torch.rand({size: [8, 8]});
comp_conv2d(conv2d, X).shape`,
  `conv2d = new nn.Conv2d(1, 1, {kernel_size: [5, 3], padding: [2, 1]});
comp_conv2d(conv2d, X).shape`,
  `conv2d = new nn.Conv2d(1, 1, {kernel_size: 3, padding: 1, stride: 2});
comp_conv2d(conv2d, X).shape`,
  `conv2d = new nn.Conv2d(1, 1, {kernel_size: [3, 5], padding: [0, 1], stride: [3, 4]});
const Y = comp_conv2d(conv2d, X);
Y.shape`,
  `Y`,
];

const CHANNELS = [
  `torch.manual_seed(0);
${CORR2D}
function corr2d_multi_in(X: torch.Tensor, K: torch.Tensor) {
  // 先遍历“X”和“K”的第0个维度（通道维度），再把它们加在一起
  return [...X].map((x, i) => corr2d(x, K[i])).reduce((a, b) => a + b);
}`,
  `let X = torch.tensor([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]],
                      [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]]);
let K = torch.tensor([[[0.0, 1.0], [2.0, 3.0]], [[1.0, 2.0], [3.0, 4.0]]]);
corr2d_multi_in(X, K)`,
  `function corr2d_multi_in_out(X: torch.Tensor, K: torch.Tensor) {
  return torch.stack([...K].map((k) => corr2d_multi_in(X, k)), 0);
}`,
  `K = torch.stack([K, K + 1, K + 2], 0);
K.shape`,
  `corr2d_multi_in_out(X, K)`,
  `function corr2d_multi_in_out_1x1(X: torch.Tensor, K: torch.Tensor) {
  const [c_i, h, w] = X.shape;
  const c_o = K.shape[0];
  X = X.reshape([c_i, h * w]);
  K = K.reshape([c_o, c_i]);
  // 全连接层中的矩阵乘法
  const Y = torch.matmul(K, X);
  return Y.reshape([c_o, h, w]);
}`,
  `X = torch.normal(0, 1, [3, 3, 3]);
K = torch.normal(0, 1, [2, 3, 1, 1]);`,
  `const Y1 = corr2d_multi_in_out_1x1(X, K);
const Y2 = corr2d_multi_in_out(X, K);
if (!(Number(torch.sum(torch.abs(Y1 - Y2))) < 1e-6)) throw new Error("AssertionError");
Y1`,
];

const POOLING = [
  `function pool2d(X: torch.Tensor, pool_size: [number, number], mode = 'max') {
  const [p_h, p_w] = pool_size;
  const Y = torch.zeros([X.shape[0] - p_h + 1, X.shape[1] - p_w + 1]);
  for (let i = 0; i < Y.shape[0]; i++)
    for (let j = 0; j < Y.shape[1]; j++)
      if (mode == 'max')
        Y[i, j] = X[\`\${i}:\${i + p_h}, \${j}:\${j + p_w}\`].max();
      else if (mode == 'avg')
        Y[i, j] = X[\`\${i}:\${i + p_h}, \${j}:\${j + p_w}\`].mean();
  return Y;
}`,
  `let X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]]);
pool2d(X, [2, 2])`,
  `pool2d(X, [2, 2], 'avg')`,
  `X = torch.arange(16, {dtype: torch.float32}).reshape([1, 1, 4, 4]);
X`,
  `let pool = new nn.MaxPool2d(3);
pool(X)`,
  `pool = new nn.MaxPool2d(3, {padding: 1, stride: 2});
pool(X)`,
  `pool = new nn.MaxPool2d([2, 3], {stride: [2, 3], padding: [0, 1]});
pool(X)`,
  `X = torch.cat([X, X + 1], 1);
X`,
  `pool = new nn.MaxPool2d(3, {padding: 1, stride: 2});
pool(X)`,
];

const LENET_SHAPES = [
  `torch.manual_seed(0);
const net = new nn.Sequential(
    new nn.Conv2d(1, 6, {kernel_size: 5, padding: 2}), new nn.Sigmoid(),
    new nn.AvgPool2d({kernel_size: 2, stride: 2}),
    new nn.Conv2d(6, 16, {kernel_size: 5}), new nn.Sigmoid(),
    new nn.AvgPool2d({kernel_size: 2, stride: 2}),
    new nn.Flatten(),
    new nn.Linear(16 * 5 * 5, 120), new nn.Sigmoid(),
    new nn.Linear(120, 84), new nn.Sigmoid(),
    new nn.Linear(84, 10));`,
  `let X = torch.rand({size: [1, 1, 28, 28], dtype: torch.float32});
for (const layer of net) {
  X = layer(X);
  console.log(layer.constructor.name, 'output shape: \\t', X.shape);
}`,
];

// chapter_convolutional-modern: the scratch batch_norm (numbers on the left of tensor operators,
// `torch.is_grad_enabled()`, `.data`) and ResNet's Residual (`Y += X` on a layer's output).
const MODERN = [
  `function batch_norm(X: torch.Tensor, gamma: torch.Tensor, beta: torch.Tensor, moving_mean: torch.Tensor, moving_var: torch.Tensor, eps: number, momentum: number) {
  let X_hat: torch.Tensor;
  // 通过is_grad_enabled来判断当前模式是训练模式还是预测模式
  if (!torch.is_grad_enabled()) {
    X_hat = (X - moving_mean) / torch.sqrt(moving_var + eps);
  } else {
    console.assert([2, 4].includes(X.shape.length));
    let mean: torch.Tensor, variance: torch.Tensor;
    if (X.shape.length == 2) {
      mean = X.mean({dim: 0});
      variance = ((X - mean) ** 2).mean({dim: 0});
    } else {
      mean = X.mean({dim: [0, 2, 3], keepdim: true});
      variance = ((X - mean) ** 2).mean({dim: [0, 2, 3], keepdim: true});
    }
    X_hat = (X - mean) / torch.sqrt(variance + eps);
    moving_mean = momentum * moving_mean + (1.0 - momentum) * mean;
    moving_var = momentum * moving_var + (1.0 - momentum) * variance;
  }
  const Y = gamma * X_hat + beta;  // 缩放和移位
  return [Y, moving_mean.data, moving_var.data] as const;
}`,
  `class BatchNorm extends nn.Module {
  gamma: nn.Parameter; beta: nn.Parameter; moving_mean: torch.Tensor; moving_var: torch.Tensor;
  constructor(num_features: number, num_dims: number) {
    super();
    const shape = num_dims == 2 ? [1, num_features] : [1, num_features, 1, 1];
    this.gamma = new nn.Parameter(torch.ones(shape));
    this.beta = new nn.Parameter(torch.zeros(shape));
    this.moving_mean = torch.zeros(shape);
    this.moving_var = torch.ones(shape);
  }
  forward(X: torch.Tensor) {
    if (this.moving_mean.device != X.device) {
      this.moving_mean = this.moving_mean.to(X.device);
      this.moving_var = this.moving_var.to(X.device);
    }
    let Y: torch.Tensor;
    [Y, this.moving_mean, this.moving_var] = batch_norm(X, this.gamma, this.beta, this.moving_mean, this.moving_var, 1e-5, 0.9);
    return Y;
  }
}`,
  `torch.manual_seed(0);
const bn = new BatchNorm(3, 4);
let X = torch.rand(2, 3, 4, 4);
let Y = bn(X);
console.log(Y[0, 0, 0]);
console.log(bn.moving_mean.reshape(-1));
console.log(bn.moving_var.reshape(-1));`,
  `class Residual extends nn.Module {  //@save
  conv1: nn.Conv2d; conv2: nn.Conv2d; conv3: nn.Conv2d | null; bn1: nn.BatchNorm2d; bn2: nn.BatchNorm2d;
  constructor(input_channels: number, num_channels: number, {use_1x1conv = false, strides = 1} = {}) {
    super();
    this.conv1 = new nn.Conv2d(input_channels, num_channels, {kernel_size: 3, padding: 1, stride: strides});
    this.conv2 = new nn.Conv2d(num_channels, num_channels, {kernel_size: 3, padding: 1});
    if (use_1x1conv)
      this.conv3 = new nn.Conv2d(input_channels, num_channels, {kernel_size: 1, stride: strides});
    else
      this.conv3 = null;
    this.bn1 = new nn.BatchNorm2d(num_channels);
    this.bn2 = new nn.BatchNorm2d(num_channels);
  }
  forward(X: torch.Tensor) {
    let Y = F.relu(this.bn1(this.conv1(X)));
    Y = this.bn2(this.conv2(Y));
    if (this.conv3)
      X = this.conv3(X);
    Y += X;
    return F.relu(Y);
  }
}`,
  `let blk = new Residual(3, 3);
X = torch.rand(4, 3, 6, 6);
Y = blk(X);
Y.shape`,
  `blk = new Residual(3, 6, {use_1x1conv: true, strides: 2});
blk(X).shape`,
];

const text = (t: string[] | string | undefined) => (Array.isArray(t) ? t.join("") : t ?? "");

/** Each cell's stdout and the text/plain of its value (unless it ends with an assignment), in order, as the chapter's page shows them. */
function shown(nb: Nb, cells: string[]): string {
  return nb.cells
    .flatMap((c, i) => (c.outputs ?? []).filter((o) => o.output_type !== "execute_result" || !/^\s*\w+ = [^;]*;\s*$/.test(cells[i].split("\n").pop()!)))
    .map((o) => (o.output_type === "stream" && o.name === "stdout" ? text(o.text).replace(/\n$/, "") : o.output_type === "execute_result" ? text(o.data?.["text/plain"]) : ""))
    .filter((s) => s !== "")
    .join("\n");
}

describe("d2l convolutional-neural-networks as notebooks through `torchlab run`", () => {
  const chapters: Record<string, string[]> = { conv_layer: CONV_LAYER, padding_and_strides: PADDING, channels: CHANNELS, pooling: POOLING, lenet: LENET_SHAPES, modern: MODERN };
  // One notebook, one kernel: each chapter after the first starts from a reseeded torch, as a fresh kernel would.
  // Its "every cell runs" test also requires that no cell shows an error.
  const nbs: Record<string, Nb> = sectionsForSuite("d2l-cnn", { d2l_cnn: chapters }, 240_000);

  test.each(["conv_layer", "padding_and_strides", "channels", "pooling"])("%s shows PyTorch's output", (name) => {
    expectSamePrint(shown(nbs[name], chapters[name]), (d2lReference("d2l_cnn.json", name).printed as string[]).join("\n"));
  });

  test("lenet prints PyTorch's layer-by-layer shapes", () => {
    const want = (d2lReference("d2l_cnn.json", "lenet").printed as string[]).filter((l) => l.includes("output shape"));
    expect(shown(nbs.lenet, chapters.lenet)).toBe(want.join("\n"));
  });

  test("modern: the scratch BatchNorm's output and moving averages, Residual's shapes", () => {
    const bn = d2lReference("d2l_modern.json", "batch_norm").scratch as string[];
    const resnet = (d2lReference("d2l_modern.json", "resnet").printed as string[]).slice(0, 2);
    expectSamePrint(shown(nbs.modern, chapters.modern), [...bn, ...resnet].join("\n"));
  });
});
