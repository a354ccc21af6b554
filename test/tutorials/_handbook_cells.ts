/**
 * zergtant/pytorch-handbook (PyTorch 中文手册) chapters 2 and 3 as notebook cells for the torchlab kernel,
 * one string per code cell of test/reference/gen_handbook.py's SECTIONS, in the same order, written as
 * the Python reads (the notebook dialect: operators on tensors, `x**2`, element access on tensors).
 */

// 2.1.1 张量
export const TENSOR = [
  `torch.manual_seed(0);
let x = torch.rand(2, 3);
x`,
  `// 可以使用与numpy相同的shape属性查看
console.log(x.shape);
// 也可以使用size()函数，返回的结果都是相同的
console.log(x.size());`,
  `let y=torch.rand(2,3,4,5);
console.log(y.size());
y`,
  `//我们直接使用现有数字生成
const scalar =torch.tensor(3.1433223);
console.log(scalar);
//打印标量的大小
scalar.size()`,
  `scalar.item()`,
  `const tensor = torch.tensor([3.1433223]);
console.log(tensor);
tensor.size()`,
  `tensor.item()`,
  `const long=tensor.long();
long`,
  `const int_t=tensor.int();
int_t`,
  `const flo = tensor.float();
flo`,
  `const short = tensor.short();
short`,
  `const ch = tensor.char();
ch`,
  `const bt = tensor.byte();
bt`,
  `const cpu_a=torch.rand(4, 3);
cpu_a.type()`,
  `//使用torch.cuda.is_available()来确定是否有cuda设备
const device = torch.device(torch.cuda.is_available() ? "cuda" : "cpu");
console.log(device);
//将tensor传送到设备
const gpu_b=cpu_a.to(device);
gpu_b.type()`,
  `// 使用[0,1]均匀分布随机初始化二维数组
const rnd = torch.rand(5, 3);
rnd`,
  `//初始化，使用1填充
const one = torch.ones(2, 2);
one`,
  `//初始化，使用0填充
const zero=torch.zeros(2,2);
zero`,
  `//初始化一个单位矩阵，即对角线为1 其他为0
const eye=torch.eye(2,2);
eye`,
  `x = torch.randn(3, 3);
console.log(x);`,
  `// 沿着行取最大值
const [max_value, max_idx] = torch.max(x, {dim: 1});
console.log(max_value, max_idx);`,
  `// 每行 x 求和
const sum_x = torch.sum(x, {dim: 1});
console.log(sum_x);`,
  `y=torch.randn(3, 3);
const z = x + y;
console.log(z);`,
  `// add 完成后x的值改变了
x.add_(y);
console.log(x);`,
];

// 2.1.2 自动求导
export const AUTOGRAD = [
  `torch.manual_seed(0);
let x = torch.rand(5, 5, {requires_grad: true});
x`,
  `let y = torch.rand(5, 5, {requires_grad: true});
y`,
  `let z=torch.sum(x+y);
z`,
  `z.backward();
console.log(x.grad,y.grad);`,
  `x = torch.rand(5, 5, {requires_grad: true});
y = torch.rand(5, 5, {requires_grad: true});
z= x**2+y**3;
z`,
  `//我们的返回值不是一个标量，所以需要输入一个大小相同的张量作为参数，这里我们用ones_like函数根据x生成一个张量
z.backward(torch.ones_like(x));
console.log(x.grad);`,
  `torch.no_grad(() => {
  console.log((x +y*2).requires_grad);
});`,
  `console.log("x.is_leaf="+String(x.is_leaf));
console.log("z.is_leaf="+String(z.is_leaf));`,
  `z.grad_fn`,
  `z.grad_fn!.next_functions`,
  `const xg = z.grad_fn!.next_functions[0][0]!;
const x_leaf=xg.next_functions[0][0]!;
x_leaf`,
  `x_leaf.variable`,
  `assert(x_leaf.variable === x);`,
  `// 引入Function便于扩展
const { Function } = torch.autograd;`,
  `// 定义一个乘以常数的操作(输入参数是张量)
class MulConstant extends Function {
  static forward(ctx: torch.autograd.FunctionCtx, tensor: torch.Tensor, constant: number): torch.Tensor {
    // ctx 用来保存信息这里类似self，并且ctx的属性可以在backward中调用
    ctx.constant=constant;
    return tensor *constant;
  }
  static backward(ctx: torch.autograd.FunctionCtx, grad_output: torch.Tensor): [torch.Tensor, null] {
    // 返回的参数要与输入的参数一样. 常数的梯度必须是 None.
    return [grad_output, null];
  }
}`,
  `const a=torch.rand(3,3,{requires_grad: true});
const b=MulConstant.apply(a,5);
console.log("a:"+String(a));
console.log("b:"+String(b)); // b为a的元素乘以5`,
  `b.backward(torch.ones_like(a));`,
  `a.grad`,
];

// 2.1.3 神经网络包nn和优化器optm
export const NETWORK = [
  `torch.manual_seed(0)`,
  `// import torch.nn as nn; import torch.nn.functional as F: the prelude's nn and F`,
  `class Net extends nn.Module {
  conv1: nn.Conv2d; fc1: nn.Linear;
  constructor() {
    // nn.Module子类的函数必须在构造函数中执行父类的构造函数
    super();
    // 卷积层 '1'表示输入图片为单通道， '6'表示输出通道数，'3'表示卷积核为3*3
    this.conv1 = new nn.Conv2d(1, 6, 3);
    //线性层，输入1350个特征，输出10个特征
    this.fc1   = new nn.Linear(1350, 10);  //这里的1350是如何计算的呢？这就要看后面的forward函数
  }
  //正向传播
  forward(x: torch.Tensor): torch.Tensor {
    console.log(x.size()); // 结果：[1, 1, 32, 32]
    // 卷积 -> 激活 -> 池化
    x = this.conv1(x);
    x = F.relu(x);
    console.log(x.size()); // 结果：[1, 6, 30, 30]
    x = F.max_pool2d(x, [2, 2]); //我们使用池化层，计算结果是15
    x = F.relu(x);
    console.log(x.size()); // 结果：[1, 6, 15, 15]
    // reshape，‘-1’表示自适应
    //这里做的就是压扁的操作 就是把后面的[1, 6, 15, 15]压扁，变为 [1, 1350]
    x = x.view(x.size()[0], -1);
    console.log(x.size()); // 这里就是fc1层的的输入1350
    x = this.fc1(x);
    return x;
  }
}

const net = new Net();
console.log(net);`,
  `for (const parameters of net.parameters()) {
  console.log(parameters);
}`,
  `for (const [name,parameters] of net.named_parameters()) {
  console.log(name,':',parameters.size());
}`,
  `const input = torch.randn(1, 1, 32, 32); // 这里的对应前面fforward的输入是32
let out = net(input);
out.size()`,
  `input.size()`,
  `net.zero_grad();
out.backward(torch.ones(1,10)); // 反向传播的实现是PyTorch自动实现的，我们只要调用这个函数即可`,
  `const y = torch.arange(0,10).view(1,10).float();
let criterion = new nn.MSELoss();
let loss = criterion(out, y);
//loss是个scalar，我们可以直接用item获取到他的python类型的数值
console.log(loss.item());`,
  `// import torch.optim`,
  `out = net(input); // 这里调用的时候会打印出我们在forword函数中打印的x的大小
criterion = new nn.MSELoss();
loss = criterion(out, y);
//新建一个优化器，SGD只需要要调整的参数和学习率
const optimizer = new torch.optim.SGD(net.parameters(), {lr: 0.01});
// 先梯度清零(与net.zero_grad()效果一样)
optimizer.zero_grad();
loss.backward();
//更新参数
optimizer.step();
console.log(net.fc1.bias);`,
];

// 2.1.4 数据加载 (the csv's SalePrice column: a seeded stand-in)
export const DATA_LOADER = [
  `torch.manual_seed(0);
const { Dataset } = torch.utils.data;
const SalePrice = torch.randint(10, 30, [25]).double() * 1000;`,
  `//定义一个数据集
class BulldozerDataset extends Dataset<torch.Tensor> {
  /** 数据集演示 */
  df: torch.Tensor;
  constructor(csv_file: torch.Tensor) {
    // 实现初始化方法，在初始化的时候将数据读载入
    super();
    this.df=csv_file;
  }
  // 返回df的长度
  __len__(): number {
    return this.df.length;
  }
  // 根据 idx 返回一行数据
  __getitem__(idx: number): torch.Tensor {
    return this.df[idx];
  }
}`,
  `const ds_demo= new BulldozerDataset(SalePrice);`,
  `//实现了 __len__ 方法所以可以直接使用len获取数据总数
ds_demo.length`,
  `//用索引可以直接访问对应的数据，对应 __getitem__ 方法
ds_demo.__getitem__(0)`,
  `const dl = new torch.utils.data.DataLoader(ds_demo, {batch_size: 10, shuffle: true, num_workers: 0});`,
  `const idata=dl[Symbol.iterator]();
console.log(idata.next().value);`,
  `for (const [i, data] of [...dl].entries()) {
  console.log(i,data);
  // 为了节约空间，这里只循环一遍
  break;
}`,
  `const transform = new transforms.Compose([
  new transforms.RandomCrop(32, {padding: 4}),  //先四周填充0，在把图像随机裁剪成32*32
  new transforms.RandomHorizontalFlip(),  //图像一半的概率翻转，一半的概率不翻转
  new transforms.RandomRotation([-45,45]), //随机旋转
  new transforms.ToTensor(),
  new transforms.Normalize([0.4914, 0.4822, 0.4465], [0.229, 0.224, 0.225]), //R,G,B每层的归一化用到的均值和方差
]);
console.log(transform);`,
];

// 2.2 深度学习基础及数学原理 (numpy's draws are torch's)
export const MATHEMATICS = [
  `torch.manual_seed(0);
const { Linear, Module, MSELoss } = torch.nn;
const { SGD } = torch.optim;`,
  `const x = torch.rand(256);
const noise = torch.randn(256) / 4;
const y = x * 5 + 7 + noise;`,
  `const model=new Linear(1, 1);`,
  `const criterion = new MSELoss();`,
  `const optim = new SGD(model.parameters(), {lr: 0.01});`,
  `const epochs = 300;`,
  `const x_train = x.reshape(-1, 1);
const y_train = y.reshape(-1, 1);`,
  `for (let i = 0; i < epochs; i++) {
  // 整理输入和输出的数据，这里输入和输出一定要是torch的Tensor类型
  const inputs = x_train;
  const labels = y_train;
  //使用模型进行预测
  const outputs = model(inputs);
  //梯度置0，否则会累加
  optim.zero_grad();
  // 计算损失
  const loss = criterion(outputs, labels);
  // 反向传播
  loss.backward();
  // 使用优化器默认方法优化
  optim.step();
  if (i%100==0) {
    //每 100次打印一下损失函数，看看效果
    console.log(\`epoch \${i}, loss \${loss.data.item().toFixed(4)}\`);
  }
}`,
  `const [w, b] = model.parameters();
console.log(w.item(),b.item());`,
  `const optimizer = new torch.optim.SGD(model.parameters(), {lr: 0.1, momentum: 0.9});
console.log(optimizer);`,
  `const optimizer = new torch.optim.RMSprop(model.parameters(), {lr: 0.01, alpha: 0.99});
console.log(optimizer);`,
  `const optimizer = new torch.optim.Adam(model.parameters(), {lr: 0.001, betas: [0.9, 0.999], eps: 1e-08});
console.log(optimizer);`,
];

// 2.3 神经网络简介 (the plotted activations, printed)
export const ACTIVATIONS = [
  `const x= torch.linspace(-10,10,6);`,
  `const sigmod=torch.sigmoid(x);
console.log(sigmod);`,
  `const tanh=torch.tanh(x);
console.log(tanh);`,
  `const relu=F.relu(x);
console.log(relu);`,
  `const l_relu=F.leaky_relu(x,0.1); // 这里的0.1是为了方便展示，理论上应为0.01甚至更小的值
console.log(l_relu);`,
];

// 2.4 卷积神经网络
export const CNN = [
  `torch.manual_seed(0)`,
  `// import torch.nn as nn; import torch.nn.functional as F: the prelude's nn and F`,
  `class LeNet5 extends nn.Module {
  conv1: nn.Conv2d; conv2: nn.Conv2d; fc1: nn.Linear; fc2: nn.Linear; fc3: nn.Linear;

  constructor() {
    super();
    // 1 input image channel, 6 output channels, 5x5 square convolution
    // kernel
    this.conv1 = new nn.Conv2d(1, 6, 5);
    this.conv2 = new nn.Conv2d(6, 16, 5);
    // an affine operation: y = Wx + b
    this.fc1 = new nn.Linear(16 * 5 * 5, 120); // 这里论文上写的是conv,官方教程用了线性层
    this.fc2 = new nn.Linear(120, 84);
    this.fc3 = new nn.Linear(84, 10);
  }

  forward(x: torch.Tensor): torch.Tensor {
    // Max pooling over a (2, 2) window
    x = F.max_pool2d(F.relu(this.conv1(x)), [2, 2]);
    // If the size is a square you can only specify a single number
    x = F.max_pool2d(F.relu(this.conv2(x)), 2);
    x = x.view(-1, this.num_flat_features(x));
    x = F.relu(this.fc1(x));
    x = F.relu(this.fc2(x));
    x = this.fc3(x);
    return x;
  }

  num_flat_features(x: torch.Tensor): number {
    const size = x.size().slice(1);  // all dimensions except the batch dimension
    let num_features = 1;
    for (const s of size) {
      num_features *= s;
    }
    return num_features;
  }
}


const net = new LeNet5();
console.log(net);`,
  `console.log(net(torch.randn(2, 1, 32, 32)));`,
  `const model = torchvision.models.resnet18({pretrained: false}); //我们不下载预训练权重
console.log(model.layer2);`,
  `model.eval();
console.log(model(torch.randn(1, 3, 64, 64)).shape);`,
];

// 2.5 循环神经网络
export const RNN_CELLS = [
  `torch.manual_seed(0);
let rnn = new torch.nn.RNN(20, 50, 2);
let input = torch.randn(100, 32, 20);
let h_0 =torch.randn(2, 32 ,50);
let [output,hn]=rnn(input, h_0);
console.log(output.size(), hn.size());`,
  `class RNN {
  W_xh: torch.nn.Linear; W_hh: torch.nn.Linear;
  constructor(input_size: number, hidden_size: number) {
    this.W_xh = new torch.nn.Linear(input_size, hidden_size); //因为最后的操作是相加 所以hidden要和output的shape一致
    this.W_hh = new torch.nn.Linear(hidden_size, hidden_size);
  }
  __call__(x: torch.Tensor, hidden: torch.Tensor): [torch.Tensor, torch.Tensor] {
    return this.step(x, hidden);
  }
  step(x: torch.Tensor, hidden: torch.Tensor): [torch.Tensor, torch.Tensor] {
    //前向传播的一步
    const h1 = this.W_hh(hidden);
    const w1 = this.W_xh(x);
    const out = torch.tanh(h1 + w1);
    hidden = this.W_hh.weight;
    return [out, hidden];
  }
}`,
  `const rnn = new RNN(20, 50);
input = torch.randn(32 , 20);
h_0 = torch.randn(32, 50);
const seq_len = input.shape[0];`,
  `for (let i = 0; i < seq_len; i++) {
  [output, hn] = rnn.__call__(input[i], h_0);
}
console.log(output.size(), h_0.size());`,
  `const lstm = new torch.nn.LSTM(10, 20,2);
input = torch.randn(5, 3, 10);
const h0 = torch.randn(2, 3, 20);
const c0 = torch.randn(2, 3, 20);
let [output, hn] = lstm(input, [h0, c0]);
console.log(output.size(), hn[0].size(), hn[1].size());`,
  `const rnn = new torch.nn.GRU(10, 20, 2);
input = torch.randn(5, 3, 10);
h_0= torch.randn(2, 3, 20);
let [output, hn] = rnn(input, h0);
console.log(output.size(),hn.size());
console.log(hn[1][0][':4']);`,
  `// an Embedding module containing 10 tensors of size 3
const embedding = new torch.nn.Embedding(10, 3);
// a batch of 2 samples of 4 indices each
input = torch.LongTensor([[1, 2, 4, 5], [4, 3, 2, 9]]);
output = embedding(input);
console.log(output.size());`,
];
