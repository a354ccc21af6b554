/**
 * Dive into Deep Learning (d2l-zh, PyTorch edition): chapter_deep-learning-computation (model-construction,
 * deferred-init with nn.LazyLinear), chapter_preliminaries/calculus (the numeric limit),
 * chapter_linear-networks/image-classification-dataset (on torchvision's FakeData),
 * chapter_multilayer-perceptrons (underfit-overfit, kaggle-house-price on a small synthetic table) as
 * notebook cells written the way the chapters read. d2l's helpers are inlined as a user would write them;
 * numpy's arrays are float64 tensors; the csv is read and preprocessed with pandas (`pd`, src/pandas) as the chapter does.
 * `KAGGLE_HOUSE_TRAIN` and `KAGGLE_HOUSE_TEST` are defined by the test's first cell.
 * test/reference/gen_d2l_misc.py is the same code in PyTorch.
 */
export const MISC_CELLS: string[] = [
  // model-construction
  `torch.manual_seed(0);
let net: nn.Module = new nn.Sequential(new nn.Linear(20, 256), new nn.ReLU(), new nn.Linear(256, 10));
let X = torch.rand(2, 20);
console.log(net(X));`,
  `class MLP extends nn.Module {
  // 用模型参数声明层。这里，我们声明两个全连接的层
  hidden: nn.Linear; out: nn.Linear;
  constructor() {
    // 调用MLP的父类Module的构造函数来执行必要的初始化。
    super();
    this.hidden = new nn.Linear(20, 256);  // 隐藏层
    this.out = new nn.Linear(256, 10);  // 输出层
  }
  // 定义模型的前向传播，即如何根据输入X返回所需的模型输出
  forward(X: torch.Tensor) {
    // 注意，这里我们使用ReLU的函数版本，其在nn.functional模块中定义。
    return this.out(F.relu(this.hidden(X)));
  }
}
net = new MLP();
console.log(net(X));`,
  `class MySequential extends nn.Module {
  constructor(...args: nn.Module[]) {
    super();
    for (const [idx, module] of args.entries()) {
      // 这里，module是Module子类的一个实例。我们把它保存在'Module'类的成员
      // 变量_modules中。_module的类型是OrderedDict
      this._modules[String(idx)] = module;
    }
  }
  forward(X: torch.Tensor) {
    // OrderedDict保证了按照成员添加的顺序遍历它们
    for (const block of Object.values(this._modules)) {
      X = block(X);
    }
    return X;
  }
}
net = new MySequential(new nn.Linear(20, 256), new nn.ReLU(), new nn.Linear(256, 10));
console.log(net(X));
console.log(net);`,
  `class FixedHiddenMLP extends nn.Module {
  rand_weight: torch.Tensor; linear: nn.Linear;
  constructor() {
    super();
    // 不计算梯度的随机权重参数。因此其在训练期间保持不变
    this.rand_weight = torch.rand([20, 20], {requires_grad: false});
    this.linear = new nn.Linear(20, 20);
  }
  forward(X: torch.Tensor) {
    X = this.linear(X);
    // 使用创建的常量参数以及relu和mm函数
    X = F.relu(torch.mm(X, this.rand_weight) + 1);
    // 复用全连接层。这相当于两个全连接层共享参数
    X = this.linear(X);
    // 控制流
    while (X.abs().sum() > 1) {
      X /= 2;
    }
    return X.sum();
  }
}
net = new FixedHiddenMLP();
console.log(net(X));`,
  `class NestMLP extends nn.Module {
  net: nn.Sequential; linear: nn.Linear;
  constructor() {
    super();
    this.net = new nn.Sequential(new nn.Linear(20, 64), new nn.ReLU(),
                                 new nn.Linear(64, 32), new nn.ReLU());
    this.linear = new nn.Linear(32, 16);
  }
  forward(X: torch.Tensor) {
    return this.linear(this.net(X));
  }
}
const chimera = new nn.Sequential(new NestMLP(), new nn.Linear(16, 20), new FixedHiddenMLP());
console.log(chimera(X));`,
  // deferred-init (d2l-en, PyTorch)
  `torch.manual_seed(0);
const net = new nn.Sequential(new nn.LazyLinear(256), new nn.ReLU(), new nn.LazyLinear(10));
console.log(net[0].weight);
X = torch.rand(2, 20);
console.log(net(X)[":", ":4"]);
console.log(net[0].weight.shape);
console.log(net);`,
  // calculus
  `function f(x: number) {
  return 3 * x ** 2 - 4 * x;
}
function numerical_lim(f: (x: number) => number, x: number, h: number) {
  return (f(x + h) - f(x)) / h;
}
let h = 0.1;
for (let i = 0; i < 5; i++) {
  console.log(\`h=\${h.toFixed(5)}, numerical limit=\${numerical_lim(f, 1, h).toFixed(5)}\`);
  h *= 0.1;
}`,
  // image-classification-dataset
  `const data = torch.utils.data;
// 通过ToTensor实例将图像数据从PIL类型变换成32位浮点数格式，
// 并除以255使得所有像素的数值均在0～1之间
const trans = new transforms.ToTensor();
let mnist_train = new torchvision.datasets.FakeData({size: 60, image_size: [1, 28, 28], num_classes: 10, transform: trans});
let mnist_test = new torchvision.datasets.FakeData({size: 20, image_size: [1, 28, 28], num_classes: 10, transform: trans, random_offset: 60});
console.log(data.len(mnist_train), data.len(mnist_test));
console.log(mnist_train.getitem(0)[0].shape);
console.log(mnist_train.getitem(0)[0][0, 14, ":6"]);`,
  `function get_fashion_mnist_labels(labels: torch.Tensor) {  // 返回Fashion-MNIST数据集的文本标签
  const text_labels = ['t-shirt', 'trouser', 'pullover', 'dress', 'coat',
                       'sandal', 'shirt', 'sneaker', 'bag', 'ankle boot'];
  return [...labels].map((i) => text_labels[Number(i)]);
}
let y: torch.Tensor;
[X, y] = new data.DataLoader(mnist_train, {batch_size: 18})[Symbol.iterator]().next().value!;
console.log(X.reshape(18, 28, 28).shape, JSON.stringify(get_fashion_mnist_labels(y)));`,
  `const batch_size = 16;
function get_dataloader_workers() {  // 使用4个进程来读取数据
  return 4;
}
torch.manual_seed(0);
let train_iter = new data.DataLoader(mnist_train, batch_size, {shuffle: true, num_workers: get_dataloader_workers()});
let n = 0;
for (const [X, y] of train_iter) {
  n += 1;
}
console.log(\`\${n} batches\`);`,
  `function load_data_fashion_mnist(batch_size: number, resize: number | null = null) {  // 下载Fashion-MNIST数据集，然后将其加载到内存中
  const trans: any[] = [new transforms.ToTensor()];
  if (resize) {
    trans.splice(0, 0, new transforms.Resize(resize));
  }
  const composed = new transforms.Compose(trans);
  const mnist_train = new torchvision.datasets.FakeData({size: 60, image_size: [1, 28, 28], num_classes: 10, transform: composed});
  const mnist_test = new torchvision.datasets.FakeData({size: 20, image_size: [1, 28, 28], num_classes: 10, transform: composed, random_offset: 60});
  return [new data.DataLoader(mnist_train, batch_size, {shuffle: true, num_workers: get_dataloader_workers()}),
          new data.DataLoader(mnist_test, batch_size, {shuffle: false, num_workers: get_dataloader_workers()})];
}
torch.manual_seed(0);
let [train_iter, test_iter] = load_data_fashion_mnist(32, 64);
for (const [X, y] of train_iter) {
  console.log(X.shape, X.dtype, y.shape, y.dtype);
  console.log(y[":8"]);
  break;
}`,
  // underfit-overfit
  `class Accumulator {  // 在n个变量上累加
  data: number[];
  constructor(n: number) { this.data = new Array(n).fill(0.0); }
  add(...args: (number | torch.Tensor)[]) { this.data = this.data.map((a, i) => a + Number(args[i])); }
}
function load_array(data_arrays: torch.Tensor[], batch_size: number, is_train = true) {  // 构造一个PyTorch数据迭代器
  const dataset = new data.TensorDataset(...data_arrays);
  return new data.DataLoader(dataset, batch_size, {shuffle: is_train});
}
function accuracy(y_hat: torch.Tensor, y: torch.Tensor) {  // 计算预测正确的数量
  if (y_hat.shape.length > 1 && y_hat.shape[1] > 1) {
    y_hat = y_hat.argmax({axis: 1});
  }
  const cmp = y_hat.type(y.dtype) == y;
  return Number(cmp.type(y.dtype).sum());
}
function train_epoch_ch3(net: nn.Module, train_iter: Iterable<torch.Tensor[]>, loss: nn.Module, updater: torch.optim.Optimizer) {
  net.train();
  const metric = new Accumulator(3);
  for (const [X, y] of train_iter) {
    const y_hat = net(X);
    const l = loss(y_hat, y);
    updater.zero_grad();
    l.mean().backward();
    updater.step();
    metric.add(Number(l.sum()), accuracy(y_hat, y), y.numel());
  }
  return [metric.data[0] / metric.data[2], metric.data[1] / metric.data[2]];
}
class Animator {  // prints the points it would draw
  constructor(options: Record<string, unknown> = {}) {}
  add(x: number, y: number[]) { console.log(\`epoch \${x}: \` + y.map((v) => v.toFixed(4)).join(', ')); }
}`,
  `torch.manual_seed(0);
const max_degree = 20;  // 多项式的最大阶数
const [n_train, n_test] = [50, 50];  // 训练和测试数据集大小
let true_w = torch.zeros(max_degree, {dtype: torch.float64});  // 分配大量的空间
true_w["0:4"] = torch.tensor([5, 1.2, -3.4, 5.6], {dtype: torch.float64});

let features = torch.randn([n_train + n_test, 1], {dtype: torch.float64});
features = features[torch.randperm(n_train + n_test)];
let poly_features = torch.pow(features, torch.arange(max_degree).reshape(1, -1));
for (let i = 0; i < max_degree; i++) {
  poly_features[":", i] /= torch.lgamma(torch.tensor(i + 1, {dtype: torch.float64})).exp();  // gamma(n)=(n-1)!
}
// labels的维度:(n_train+n_test,)
let labels = torch.matmul(poly_features, true_w);
labels += torch.randn(labels.shape, {dtype: torch.float64}) * 0.1;

[true_w, features, poly_features, labels] = [true_w, features, poly_features, labels].map((x) => x.type(torch.float32));
console.log(features[":2"], poly_features[":2", ":"], labels[":2"]);`,
  `function evaluate_loss(net: nn.Module, data_iter: Iterable<torch.Tensor[]>, loss: nn.Module) {  // 评估给定数据集上模型的损失
  const metric = new Accumulator(2);  // 损失的总和,样本数量
  for (let [X, y] of data_iter) {
    const out = net(X);
    y = y.reshape(out.shape);
    const l = loss(out, y);
    metric.add(l.sum(), l.numel());
  }
  return metric.data[0] / metric.data[1];
}
function train(train_features: torch.Tensor, test_features: torch.Tensor, train_labels: torch.Tensor, test_labels: torch.Tensor,
               num_epochs = 20) {
  const loss = new nn.MSELoss({reduction: 'none'});
  const input_shape = train_features.shape[train_features.shape.length - 1];
  // 不设置偏置，因为我们已经在多项式中实现了它
  const net = new nn.Sequential(new nn.Linear(input_shape, 1, {bias: false}));
  const batch_size = Math.min(10, train_labels.shape[0]);
  const train_iter = load_array([train_features, train_labels.reshape(-1, 1)], batch_size);
  const test_iter = load_array([test_features, test_labels.reshape(-1, 1)], batch_size, false);
  const trainer = new torch.optim.SGD(net.parameters(), {lr: 0.01});
  const animator = new Animator({xlabel: 'epoch', ylabel: 'loss', yscale: 'log', xlim: [1, num_epochs], ylim: [1e-3, 1e2],
                                 legend: ['train', 'test']});
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    train_epoch_ch3(net, train_iter, loss, trainer);
    if (epoch == 0 || (epoch + 1) % 20 == 0) {
      animator.add(epoch + 1, [evaluate_loss(net, train_iter, loss), evaluate_loss(net, test_iter, loss)]);
    }
  }
  console.log('weight:', net[0].weight.data);
}
torch.manual_seed(0);
// 从多项式特征中选择前4个维度，即1,x,x^2/2!,x^3/3!
train(poly_features[\`:\${n_train}\`, ":4"], poly_features[\`\${n_train}:\`, ":4"], labels[\`:\${n_train}\`], labels[\`\${n_train}:\`]);
// 从多项式特征中选择前2个维度，即1和x
train(poly_features[\`:\${n_train}\`, ":2"], poly_features[\`\${n_train}:\`, ":2"], labels[\`:\${n_train}\`], labels[\`\${n_train}:\`]);
// 从多项式特征中选取所有维度
train(poly_features[\`:\${n_train}\`, ":"], poly_features[\`\${n_train}:\`, ":"], labels[\`:\${n_train}\`], labels[\`\${n_train}:\`], 40);`,
  // kaggle-house-price
  `const train_data = pd.read_csv(io.StringIO(KAGGLE_HOUSE_TRAIN));
const test_data = pd.read_csv(io.StringIO(KAGGLE_HOUSE_TEST));
print(train_data.shape);
print(test_data.shape);
print(train_data.iloc["0:4", [0, 1, 2, 3, -3, -2, -1]]);`,
  `let all_features = pd.concat([train_data.iloc[":", "1:-1"], test_data.iloc[":", "1:"]]);
// 若无法获得测试数据，则可根据训练数据计算均值和标准差
const numeric_features = all_features.dtypes[all_features.dtypes != 'object'].index;
all_features[numeric_features] = all_features[numeric_features].apply(
  (x) => (x - x.mean()) / (x.std()));
// 在标准化数据之后，所有均值消失，因此我们可以将缺失值设置为0
all_features[numeric_features] = all_features[numeric_features].fillna(0);
// “Dummy_na=True”将“na”（缺失值）视为有效的特征值，并为其创建指示符特征
all_features = pd.get_dummies(all_features, {dummy_na: true});
print(all_features.shape);
print(list(all_features.columns));`,
  `const n_train = train_data.shape[0];
const train_features = torch.tensor(all_features[\`:\${n_train}\`].values, {dtype: torch.float32});
const test_features = torch.tensor(all_features[\`\${n_train}:\`].values, {dtype: torch.float32});
const train_labels = torch.tensor(
  train_data['SalePrice'].values.reshape(-1, 1), {dtype: torch.float32});
console.log(train_features[":2"]);
const loss = new nn.MSELoss();
const in_features = train_features.shape[1];
function get_net() {
  const net = new nn.Sequential(new nn.Linear(in_features, 1));
  return net;
}
function log_rmse(net: nn.Module, features: torch.Tensor, labels: torch.Tensor) {
  // 为了在取对数时进一步稳定该值，将小于1的值设置为1
  const clipped_preds = torch.clamp(net(features), 1, Infinity);
  const rmse = torch.sqrt(loss(torch.log(clipped_preds), torch.log(labels)));
  return rmse.item();
}`,
  `function train(net: nn.Module, train_features: torch.Tensor, train_labels: torch.Tensor, test_features: torch.Tensor | null,
                     test_labels: torch.Tensor | null, num_epochs: number, learning_rate: number, weight_decay: number, batch_size: number) {
  const [train_ls, test_ls]: [number[], number[]] = [[], []];
  const train_iter = load_array([train_features, train_labels], batch_size);
  // 这里使用的是Adam优化算法
  const optimizer = new torch.optim.Adam(net.parameters(), {lr: learning_rate, weight_decay: weight_decay});
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    for (const [X, y] of train_iter) {
      optimizer.zero_grad();
      const l = loss(net(X), y);
      l.backward();
      optimizer.step();
    }
    train_ls.push(log_rmse(net, train_features, train_labels));
    if (test_labels !== null) {
      test_ls.push(log_rmse(net, test_features!, test_labels));
    }
  }
  return [train_ls, test_ls];
}
function get_k_fold_data(k: number, i: number, X: torch.Tensor, y: torch.Tensor): [torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor] {
  assert(k > 1);
  const fold_size = Math.floor(X.shape[0] / k);
  let [X_train, y_train]: (torch.Tensor | null)[] = [null, null];
  let X_valid!: torch.Tensor, y_valid!: torch.Tensor;
  for (let j = 0; j < k; j++) {
    const idx = \`\${j * fold_size}:\${(j + 1) * fold_size}\`;
    const [X_part, y_part] = [X[idx, ":"], y[idx]];
    if (j == i) {
      [X_valid, y_valid] = [X_part, y_part];
    } else if (X_train === null) {
      [X_train, y_train] = [X_part, y_part];
    } else {
      X_train = torch.cat([X_train, X_part], 0);
      y_train = torch.cat([y_train!, y_part], 0);
    }
  }
  return [X_train!, y_train!, X_valid, y_valid];
}
function k_fold(k: number, X_train: torch.Tensor, y_train: torch.Tensor, num_epochs: number, learning_rate: number,
                weight_decay: number, batch_size: number) {
  let [train_l_sum, valid_l_sum] = [0, 0];
  for (let i = 0; i < k; i++) {
    const data = get_k_fold_data(k, i, X_train, y_train);
    const net = get_net();
    const [train_ls, valid_ls] = train(net, ...data, num_epochs, learning_rate, weight_decay, batch_size);
    train_l_sum += train_ls[train_ls.length - 1];
    valid_l_sum += valid_ls[valid_ls.length - 1];
    console.log(\`折\${i + 1}，训练log rmse\${train_ls[train_ls.length - 1].toFixed(6)}, 验证log rmse\${valid_ls[valid_ls.length - 1].toFixed(6)}\`);
  }
  return [train_l_sum / k, valid_l_sum / k];
}
torch.manual_seed(0);
const [k, num_epochs, lr, weight_decay, batch_size] = [5, 20, 5, 0, 64];
const [train_l, valid_l] = k_fold(k, train_features, train_labels, num_epochs, lr, weight_decay, batch_size);
console.log(\`\${k}-折验证: 平均训练log rmse: \${train_l.toFixed(6)}, 平均验证log rmse: \${valid_l.toFixed(6)}\`);`,
  `function train_and_pred(train_features: torch.Tensor, test_features: torch.Tensor, train_labels: torch.Tensor,
                        num_epochs: number, lr: number, weight_decay: number, batch_size: number) {
  const net = get_net();
  const [train_ls, _] = train(net, train_features, train_labels, null, null, num_epochs, lr, weight_decay, batch_size);
  console.log(\`训练log rmse：\${train_ls[train_ls.length - 1].toFixed(6)}\`);
  // 将网络应用于测试集。
  const preds = net(test_features).detach().numpy();
  // 将其重新格式化以导出到Kaggle
  test_data['SalePrice'] = new pd.Series(preds.reshape(1, -1)[0]);
  const submission = pd.concat([test_data['Id'], test_data['SalePrice']], {axis: 1});
  print(submission.head(3));
}
train_and_pred(train_features, test_features, train_labels, num_epochs, lr, weight_decay, batch_size);`,
];
