/**
 * zergtant/pytorch-handbook chapters 3 (3.1 logistic regression, 3.2 MNIST, 3.3 RNN) and 5.3 (Fashion-MNIST)
 * as notebook cells, one string per code cell of test/reference/gen_handbook.py's SECTIONS (see
 * _handbook_cells.ts for chapter 2).
 */

// 3.1 logistic regression (german.data-numeric: a seeded stand-in)
export const LOGISTIC = [
  `torch.manual_seed(0)`,
  `// import torch.nn as nn: the prelude's nn`,
  `const feat = torch.randint(0, 10, [1000, 24]).double();
const lab = (feat.index(":, :3").sum(1) + torch.randn(1000) * 3 > 13.5).double() + 1;
let data = torch.cat([feat, lab.unsqueeze(1)], 1);`,
  `const [n,l]=data.shape;
for (let j = 0; j < l-1; j++) {
  const meanVal=torch.mean(data.index(\`:,\${j}\`));
  const stdVal=torch.std(data.index(\`:,\${j}\`), {unbiased: false});
  data.setitem(\`:,\${j}\`, (data.index(\`:,\${j}\`)-meanVal)/stdVal);
}`,
  `data = data[torch.randperm(n)];`,
  `const train_data=data.index(\`:900,:\${l-1}\`);
const train_lab=data.index(\`:900,\${l-1}\`)-1;
const test_data=data.index(\`900:,:\${l-1}\`);
const test_lab=data.index(\`900:,\${l-1}\`)-1;`,
  `class LR extends nn.Module {
  fc: nn.Linear;
  constructor() {
    super();
    this.fc=new nn.Linear(24,2); // 由于24个维度已经固定了，所以这里写24
  }
  forward(x: torch.Tensor): torch.Tensor {
    let out=this.fc(x);
    out=torch.sigmoid(out);
    return out;
  }
}`,
  `function test(pred: torch.Tensor, lab: torch.Tensor): torch.Tensor {
  const t=pred.max(-1)[1]==lab;
  return torch.mean(t.float());
}`,
  `const net=new LR();
const criterion=new nn.CrossEntropyLoss(); // 使用CrossEntropyLoss损失
const optm=new torch.optim.Adam(net.parameters()); // Adam优化
const epochs=300; // 训练300次`,
  `for (let i = 0; i < epochs; i++) {
  // 指定模型为训练模式，计算梯度
  net.train();
  // 输入值都需要转化成torch的Tensor
  const x=train_data.float();
  const y=train_lab.long();
  const y_hat=net(x);
  const loss=criterion(y_hat,y); // 计算损失
  optm.zero_grad(); // 前一步的损失清零
  loss.backward(); // 反向传播
  optm.step(); // 优化
  if ((i+1)%100 ==0) { // 这里我们每100次输出相关的信息
    // 指定模型为计算模式
    net.eval();
    const test_in=test_data.float();
    const test_l=test_lab.long();
    const test_out=net(test_in);
    // 使用我们的测试函数计算准确率
    const accu=test(test_out,test_l);
    console.log(\`Epoch:\${i+1},Loss:\${loss.item().toFixed(4)},Accuracy：\${accu.item().toFixed(2)}\`);
  }
}`,
];

// 3.2 MNIST (torchvision's FakeData for the data set)
export const MNIST = [
  `torch.manual_seed(0);
// import torch.nn as nn; import torch.nn.functional as F: the prelude's
import * as optim from "torchlab/dist/src/optim";
const { datasets } = torchvision;
const { len } = torch.utils.data;`,
  `const BATCH_SIZE=16;
const EPOCHS=1;
const DEVICE = torch.device(torch.cuda.is_available() ? "cuda" : "cpu"); // 让torch判断是否使用GPU`,
  `const train_loader = new torch.utils.data.DataLoader(
        new datasets.FakeData(64, [1, 28, 28], 10, {
                       transform: new transforms.Compose([
                           new transforms.ToTensor(),
                           new transforms.Normalize([0.1307], [0.3081]),
                       ])}),
        {batch_size: BATCH_SIZE, shuffle: true});`,
  `const test_loader = new torch.utils.data.DataLoader(
        new datasets.FakeData(32, [1, 28, 28], 10, {transform: new transforms.Compose([
                           new transforms.ToTensor(),
                           new transforms.Normalize([0.1307], [0.3081]),
                       ]), random_offset: 1000}),
        {batch_size: BATCH_SIZE, shuffle: true});`,
  `class ConvNet extends nn.Module {
  conv1: nn.Conv2d; conv2: nn.Conv2d; fc1: nn.Linear; fc2: nn.Linear;
  constructor() {
    super();
    // batch*1*28*28（每次会送入batch个样本，输入通道数1（黑白图像），图像分辨率是28x28）
    this.conv1 = new nn.Conv2d(1, 10, 5); // 输入通道数1，输出通道数10，核的大小5
    this.conv2 = new nn.Conv2d(10, 20, 3); // 输入通道数10，输出通道数20，核的大小3
    this.fc1 = new nn.Linear(20*10*10, 500); // 输入通道数是2000，输出通道数是500
    this.fc2 = new nn.Linear(500, 10); // 输入通道数是500，输出通道数是10，即10分类
  }
  forward(x: torch.Tensor): torch.Tensor {
    const in_size = x.size(0);
    let out = this.conv1(x); // batch*1*28*28 -> batch*10*24*24
    out = F.relu(out);
    out = F.max_pool2d(out, 2, 2); // batch*10*24*24 -> batch*10*12*12
    out = this.conv2(out); // batch*10*12*12 -> batch*20*10*10
    out = F.relu(out);
    out = out.view(in_size, -1); // batch*20*10*10 -> batch*2000
    out = this.fc1(out); // batch*2000 -> batch*500
    out = F.relu(out);
    out = this.fc2(out); // batch*500 -> batch*10
    out = F.log_softmax(out, {dim: 1}); // 计算log(softmax(x))
    return out;
  }
}`,
  `const model = new ConvNet().to(DEVICE);
const optimizer = new optim.Adam(model.parameters());`,
  `function train(model: ConvNet, device: torch.Device, train_loader: torch.utils.data.DataLoader<[torch.Tensor, number], [torch.Tensor, torch.Tensor]>, optimizer: optim.Optimizer, epoch: number) {
  model.train();
  for (let [batch_idx, [data, target]] of [...train_loader].entries()) {
    [data, target] = [data.to(device), target.to(device)];
    optimizer.zero_grad();
    const output = model(data);
    const loss = F.nll_loss(output, target);
    loss.backward();
    optimizer.step();
    if ((batch_idx+1)%2 == 0) {
      console.log(\`Train Epoch: \${epoch} [\${batch_idx * len(data)}/\${len(train_loader.dataset)} (\${(100. * batch_idx / len(train_loader)).toFixed(0)}%)]\\tLoss: \${loss.item().toFixed(6)}\`);
    }
  }
}`,
  `function test(model: ConvNet, device: torch.Device, test_loader: torch.utils.data.DataLoader<[torch.Tensor, number], [torch.Tensor, torch.Tensor]>) {
  model.eval();
  let test_loss = 0;
  let correct = 0;
  torch.no_grad(() => {
    for (let [data, target] of test_loader) {
      [data, target] = [data.to(device), target.to(device)];
      const output = model(data);
      test_loss += F.nll_loss(output, target, {reduction: 'sum'}).item(); // 将一批的损失相加
      const pred = output.max(1, {keepdim: true})[1]; // 找到概率最大的下标
      correct += pred.eq(target.view_as(pred)).sum().item();
    }
  });
  test_loss /= len(test_loader.dataset);
  console.log(\`\\nTest set: Average loss: \${test_loss.toFixed(4)}, Accuracy: \${correct}/\${len(test_loader.dataset)} (\${(100. * correct / len(test_loader.dataset)).toFixed(0)}%)\\n\`);
}`,
  `for (let epoch = 1; epoch < EPOCHS + 1; epoch++) {
  train(model, DEVICE, train_loader, optimizer, epoch);
  test(model, DEVICE, test_loader);
}`,
];

// 3.3 RNN: cos from sin (numpy's linspace/sin/cos are torch's)
export const RNN_SIN = [
  `torch.manual_seed(0)`,
  `// import math; import torch.nn as nn: Math and the prelude's nn`,
  `const TIME_STEP = 10; // rnn 时序步长数
const INPUT_SIZE = 1; // rnn 的输入维度
const DEVICE = torch.device(torch.cuda.is_available() ? "cuda" : "cpu");
const H_SIZE = 64; // of rnn 隐藏单元个数
const EPOCHS=60; // 总共训练次数
let h_state: torch.Tensor | null = null; // 隐藏层状态`,
  `class RNN extends nn.Module {
  rnn: nn.RNN; out: nn.Linear;
  constructor() {
    super();
    this.rnn = new nn.RNN({
      input_size: INPUT_SIZE,
      hidden_size: H_SIZE,
      num_layers: 1,
      batch_first: true,
    });
    this.out = new nn.Linear(H_SIZE, 1);
  }
  forward(x: torch.Tensor, h_state: torch.Tensor | null): [torch.Tensor, torch.Tensor] {
    // x (batch, time_step, input_size)
    // h_state (n_layers, batch, hidden_size)
    // r_out (batch, time_step, hidden_size)
    let r_out: torch.Tensor;
    [r_out, h_state] = this.rnn(x, h_state);
    const outs: torch.Tensor[] = []; // 保存所有的预测值
    for (let time_step = 0; time_step < r_out.size(1); time_step++) { // 计算每一步长的预测值
      outs.push(this.out(r_out[':', time_step, ':']));
    }
    return [torch.stack(outs, {dim: 1}), h_state];
  }
}`,
  `const rnn = new RNN().to(DEVICE);
const optimizer = new torch.optim.Adam(rnn.parameters()); // Adam优化，几乎不用调参
const criterion = new nn.MSELoss(); // 因为最终的结果是一个数值，所以损失函数用均方误差
console.log(rnn);`,
  `rnn.train();
for (let step = 0; step < EPOCHS; step++) {
  const [start, end] = [step * Math.PI, (step+1)*Math.PI]; // 一个时间周期
  const steps = torch.linspace(start, end, TIME_STEP);
  const x_np = torch.sin(steps);
  const y_np = torch.cos(steps);
  let x = x_np[null, ':', null]; // shape (batch, time_step, input_size)
  const y = y_np[null, ':', null];
  x=x.to(DEVICE);
  let prediction: torch.Tensor;
  [prediction, h_state] = rnn(x, h_state); // rnn output
  // 这一步非常重要
  h_state = h_state.data; // 重置隐藏层的状态, 切断和前一次迭代的链接
  const loss = criterion(prediction.cpu(), y);
  // 这三行写在一起就可以
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  if ((step+1)%20==0) { //每训练20个批次可视化一下效果，并打印一下loss
    console.log(\`EPOCHS: \${step},Loss:\${loss.item().toFixed(6)}\`);
  }
}`,
];

// 5.3 Fashion-MNIST (the csv files: a seeded stand-in of the same layout)
export const FASHION_MNIST = [
  `torch.manual_seed(0);
const { Dataset, DataLoader } = torch.utils.data;
// import torch.nn.functional as F: the prelude's
import * as NN from "torchlab/dist/src/nn";`,
  `class FashionMNISTDataset extends Dataset<[torch.Tensor, torch.Tensor]> {
  // self.len is n_samples here: torchlab's Dataset has a len() method of its own
  X: torch.Tensor; Y: torch.Tensor; n_samples: number;
  constructor(csv_file: torch.Tensor, transform: null = null) {
    super();
    const data = csv_file;
    this.X = data.index(":, 1:").reshape(-1, 1, 28, 28).double();
    this.Y = data.index(":, 0");
    this.n_samples=this.X.length;
  }

  __len__(): number {
    return this.n_samples;
  }

  __getitem__(idx: number): [torch.Tensor, torch.Tensor] {
    const item = this.X[idx];
    const label = this.Y[idx];
    return [item, label];
  }
}`,
  `const train_csv = torch.cat([torch.randint(0, 10, [64, 1]), torch.randint(0, 256, [64, 784])], 1);
const test_csv = torch.cat([torch.randint(0, 10, [32, 1]), torch.randint(0, 256, [32, 784])], 1);`,
  `const train_dataset = new FashionMNISTDataset(train_csv);
const test_dataset = new FashionMNISTDataset(test_csv);`,
  `//因为是常量，所以大写，需要说明的是，这些常量建议都使用完整的英文单词，减少歧义
const BATCH_SIZE=16;`,
  `const train_loader = new torch.utils.data.DataLoader(train_dataset, {
                                           batch_size: BATCH_SIZE,
                                           shuffle: true}); // shuffle 标识要打乱顺序`,
  `const test_loader = new torch.utils.data.DataLoader(test_dataset, {
                                           batch_size: BATCH_SIZE,
                                           shuffle: false}); // shuffle 标识要打乱顺序，测试集不需要打乱`,
  `const a=train_loader[Symbol.iterator]();
const data=a.next().value!;
const img=data[0][0].reshape(28,28);
console.log(data[0][0].shape,img.shape, data[0].dtype, data[1]);`,
  `class CNN extends NN.Module {
  layer1: NN.Sequential; pool1: NN.MaxPool2d; layer2: NN.Sequential; layer3: NN.Sequential; pool2: NN.MaxPool2d; fc: NN.Linear;
  constructor() {
    super();
    this.layer1 = new NN.Sequential(
      new NN.Conv2d(1, 16, {kernel_size: 5, padding: 2}),
      new NN.BatchNorm2d(16),
      new NN.ReLU()); //16, 28, 28
    this.pool1=new NN.MaxPool2d(2); //16, 14, 14
    this.layer2 = new NN.Sequential(
      new NN.Conv2d(16, 32, {kernel_size: 3}),
      new NN.BatchNorm2d(32),
      new NN.ReLU()); //32, 12, 12
    this.layer3 = new NN.Sequential(
      new NN.Conv2d(32, 64, {kernel_size: 3}),
      new NN.BatchNorm2d(64),
      new NN.ReLU()); //64, 10, 10
    this.pool2=new NN.MaxPool2d(2);  //64, 5, 5
    this.fc = new NN.Linear(5*5*64, 10);
  }
  forward(x: torch.Tensor): torch.Tensor {
    let out = this.layer1(x);
    out=this.pool1(out);
    out = this.layer2(out);
    out=this.layer3(out);
    out=this.pool2(out);
    out = out.view(out.size(0), -1);
    out = this.fc(out);
    return out;
  }
}`,
  `let cnn = new CNN();
//可以通过以下方式验证，没报错说明没问题，
cnn(torch.rand(1,1,28,28))`,
  `//打印下网络，做最后的确认
console.log(cnn);`,
  `let DEVICE=torch.device("cpu");
if (torch.cuda.is_available()) {
        DEVICE=torch.device("cuda");
}
console.log(DEVICE);`,
  `//先把网络放到gpu上
cnn=cnn.to(DEVICE);`,
  `//损失函数也需要放到GPU中
const criterion = new NN.CrossEntropyLoss().to(DEVICE);`,
  `//另外一个超参数，学习率
const LEARNING_RATE=0.01;`,
  `//优化器不需要放GPU
const optimizer = new torch.optim.Adam(cnn.parameters(), {lr: LEARNING_RATE});`,
  `//另外一个超参数，指定训练批次
const TOTAL_EPOCHS=2;`,
  `//记录损失函数
const losses: number[] = [];
for (let epoch = 0; epoch < TOTAL_EPOCHS; epoch++) {
  for (let [i, [images, labels]] of [...train_loader].entries()) {
    images = images.float().to(DEVICE);
    labels = labels.to(DEVICE);
    //清零
    optimizer.zero_grad();
    const outputs = cnn(images);
    //计算损失函数
    const loss = criterion(outputs, labels);
    loss.backward();
    optimizer.step();
    losses.push(loss.cpu().data.item());
    if ((i+1) % 2 == 0) {
      console.log(\`Epoch : \${epoch+1}/\${TOTAL_EPOCHS}, Iter : \${i+1}/\${Math.floor(train_dataset.length / BATCH_SIZE)},  Loss: \${loss.data.item().toFixed(4)}\`);
    }
  }
}`,
  `cnn.eval();
let correct = torch.tensor(0);
let total = 0;
for (let [images, labels] of test_loader) {
  images = images.float().to(DEVICE);
  const outputs = cnn(images).cpu();
  const [_, predicted] = torch.max(outputs.data, 1);
  total += labels.size(0);
  correct += (predicted == labels).sum();
}
console.log(\`准确率: \${(100 * correct / total).item().toFixed(4)} %\`);`,
];
