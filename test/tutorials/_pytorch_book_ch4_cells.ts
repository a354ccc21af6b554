/**
 * chenyuntc/pytorch-book (《深度学习框架PyTorch：入门与实践》, 2nd edition, MIT licence), Chapter4
 * (torch.nn), as notebook cells for the torchlab kernel: one string per cell of the book's notebook,
 * written as the Python reads (test/reference/gen_pytorch_book_ch4.py has the Python and what was
 * changed from the book on both sides). `DIR` is a temporary folder (the book writes into its own).
 */
export function ch4Cells(DIR: string): string[] {
  return [
    `const t = torch;
t.manual_seed(0);`,
    `class Linear extends nn.Module { // 继承nn.Module，必须重写构造函数（__init__)和前向传播函数（forward）
  w: nn.Parameter; b: nn.Parameter;
  constructor(in_features: number, out_features: number) {
    super(); // 等价于nn.Module.__init__(self)，常用super方式
    // nn.Parameter内的参数是网络可学习的参数
    this.w = new nn.Parameter(t.randn(in_features, out_features));
    this.b = new nn.Parameter(t.randn(out_features));
  }

  forward(x: torch.Tensor): torch.Tensor {
    x = x.mm(this.w); // 矩阵乘法，等价于x.@(self.w)
    return x + this.b.expand_as(x);
  }
}`,
    `const layer = new Linear(4,3);
let input = t.randn(2,4);
let output = layer(input);
output`,
    `for (const [name, parameter] of layer.named_parameters()) {
  console.log(name, parameter); // w and b
}`,
    `class Perceptron extends nn.Module {
  layer1: Linear; layer2: Linear;
  constructor(in_features: number, hidden_features: number, out_features: number) {
    super();
    // 此处的Linear是前面自定义的全连接层
    this.layer1 = new Linear(in_features, hidden_features);
    this.layer2 = new Linear(hidden_features, out_features);
  }
  forward(x: torch.Tensor): torch.Tensor {
    x = this.layer1(x);
    x = t.sigmoid(x);
    return this.layer2(x);
  }
}`,
    `const perceptron = new Perceptron(3,4,1);
for (const [name, param] of perceptron.named_parameters()) {
  console.log(name, param.size());
}`,
    `const { Image } = torchvision.io;
const { ToTensor, ToPILImage } = transforms;
const to_tensor = new ToTensor(); // img -> tensor
const to_pil = new ToPILImage();
to_pil(t.rand(1, 200, 200)).save('${DIR}/lena.png'); // stand-in for imgs/lena.png
const lena_img = Image.open('${DIR}/lena.png');
console.log(lena_img.mode, lena_img.width, lena_img.height, to_tensor(lena_img).sum());
lena_img //将lena可视化输出`,
    `// 输入是一个batch，batch_size＝1
const lena = to_tensor(lena_img).unsqueeze(0);
console.log("Input Size:",lena.size()); //查看input纬度
// 锐化卷积核
const kernel = t.ones(3, 3) / (-9.);
kernel[1][1] = 1;
const conv = new nn.Conv2d(1, 1, [3, 3], 1, {bias: false});
conv.weight.data = kernel.view(1, 1, 3, 3);

let out = conv(lena);
console.log("Output Size:",out.size());
console.log(to_tensor(to_pil(out.data.squeeze(0))).sum());
to_pil(out.data.squeeze(0))`,
    `input = t.randint(10,[1,1,4,4]);
console.log(input);
const pool = new nn.AvgPool2d(2,2); // 平均池化，池化中的卷积核为2*2，步长默认等于卷积核长度，无填充
pool(input)`,
    `[...pool.parameters()] // 可以看到，池化层中并没有可学习参数。`,
    `out = pool(lena);
console.log(to_tensor(to_pil(out.data.squeeze(0))).sum());
to_pil(out.data.squeeze(0)) //输出池化后的lena`,
    `// 输入 batch_size=2，维度3
input = t.randn(2, 3);
let linear = new nn.Linear(3, 4);
const h = linear(input);
h`,
    `// 4 channel，初始化标准差为4，均值为0
let bn = new nn.BatchNorm1d(4);
bn.weight.data = t.ones(4) * 4;
bn.bias.data = t.zeros(4);

const bn_out = bn(h);
console.log(bn_out);
// 注意输出的均值和方差
[bn_out.mean(0),bn_out.std(0, {unbiased: false})]`,
    `// 每个元素以0.5的概率随机舍弃
const dropout = new nn.Dropout(0.5);
const o = dropout(bn_out);
o // 有一半左右的数变为0`,
    `const relu = new nn.ReLU({inplace: true});
input = t.randn(2, 3);
console.log(input);
output = relu(input);
console.log(output); // 小于0的都被截断为0
// 等价于input.clamp(min=0)`,
    `// Sequential的三种写法
const net1 = new nn.Sequential();
net1.add_module('conv', new nn.Conv2d(3, 3, 3));
net1.add_module('batchnorm', new nn.BatchNorm2d(3));
net1.add_module('activation_layer', new nn.ReLU());

const net2 = new nn.Sequential(
        new nn.Conv2d(3, 3, 3),
        new nn.BatchNorm2d(3),
        new nn.ReLU()
        );

const net3= new nn.Sequential({
          'conv1': new nn.Conv2d(3, 3, 3),
          'bn1': new nn.BatchNorm2d(3),
          'relu1': new nn.ReLU()
        });
console.log('net1:', net1);
console.log('net2:', net2);
console.log('net3:', net3);`,
    `// 可根据名字或序号取出子module
[net1._modules['conv'], net2[0], net3._modules['conv1']]`,
    `// 调用已构建的网络
input = t.rand(1, 3, 4, 4);
output = net1(input);
output = net2(input);
output = net3(input);
output = net3._modules['relu1'](net1._modules['batchnorm'](net1._modules['conv'](input)));
console.log(output);`,
    `const modellist = new nn.ModuleList([new nn.Linear(3,4), new nn.ReLU(), new nn.Linear(4,2)]);
input = t.randn(1, 3);
for (const model of modellist) {
  input = model(input);
}
console.log(input);`,
    `class MyModule extends nn.Module {
  list: nn.Module[]; module_list: nn.ModuleList;
  constructor() {
    super();
    this.list = [new nn.Linear(3, 4), new nn.ReLU()];
    this.module_list = new nn.ModuleList([new nn.Conv2d(3, 3, 3), new nn.ReLU()]);
  }
  forward() {}
}
let model = new MyModule();
model`,
    `for (const [name, param] of model.named_parameters()) {
  console.log(name, param.size());
}`,
    `t.manual_seed(2021);
// 输入：batch_size=3，序列长度都为2，序列中每个元素占4维
input = t.randn(2, 3, 4).float();
// lstm输入向量4维，3个隐藏元，1层
let lstm = new nn.LSTM(4, 3, 1);
// 初始状态：1层，batch_size=3，3个隐藏元
const h0 = t.randn(1, 3, 3);
const c0 = t.randn(1, 3, 3);
const [out1, hn] = lstm(input, [h0, c0]);
out1.shape`,
    `t.manual_seed(2021);
input = t.randn(2, 3, 4).float();
// 一个LSTMCell对应的层数只能是一层
let lstm = new nn.LSTMCell(4, 3);
let hx = t.randn(3, 3);
let cx = t.randn(3, 3);
const out: torch.Tensor[] = [];
for (const i_ of input) {
  [hx, cx] = lstm(i_, [hx, cx]);
  out.push(hx);
}
const out2 = t.stack(out);
out2.shape`,
    `//受限于精度问题，这里使用allclose函数说明结果的一致性
out1.allclose(out2)`,
    `// 有4个词，每个词用5维的向量表示
const embedding = new nn.Embedding(4, 5);
// 可以用预训练好的词向量初始化embedding
const weight = t.arange(0,20).view(4,5).float();
nn.Embedding.from_pretrained(weight)`,
    `input = t.arange(3, 0, -1).long();
output = embedding(input);
output`,
    `// batch_size=3，计算对应每个类别的分数（只有两个类别）
const score = t.randn(3, 2);
// 三个样本分别属于1，0，1类，label必须是LongTensor
const label = t.FloatTensor([1, 0, 1]).long();

// loss与普通的layer无差异
const criterion = new nn.CrossEntropyLoss();
const loss = criterion(score, label);
loss`,
    `input = t.randn(2, 3);
let model = new nn.Linear(3, 4);
const output1 = model(input);
const output2 = nn.functional.linear(input, model.weight, model.bias);
output1 == output2`,
    `const b = nn.functional.relu(input);
const b2 = new nn.ReLU()(input);
b == b2`,
    `class Net extends nn.Module {
  conv1: nn.Conv2d; conv2: nn.Conv2d; fc1: nn.Linear; fc2: nn.Linear; fc3: nn.Linear;
  constructor() {
    super();
    this.conv1 = new nn.Conv2d(3, 6, 5);
    this.conv2 = new nn.Conv2d(6, 16, 5);
    this.fc1 = new nn.Linear(16 * 5 * 5, 120);
    this.fc2 = new nn.Linear(120, 84);
    this.fc3 = new nn.Linear(84, 10);
  }

  forward(x: torch.Tensor): torch.Tensor {
    x = F.max_pool2d(F.relu(this.conv1(x)), 2);
    x = F.max_pool2d(F.relu(this.conv2(x)), 2);
    x = x.view(-1, 16 * 5 * 5);
    x = F.relu(this.fc1(x));
    x = F.relu(this.fc2(x));
    x = this.fc3(x);
    return x;
  }
}`,
    `class MyLinear extends nn.Module {
  weight: nn.Parameter; bias: nn.Parameter;
  constructor() {
    super();
    this.weight = new nn.Parameter(t.randn(3, 4));
    this.bias = new nn.Parameter(t.zeros(3));
  }
  forward() {
    return F.linear(input, this.weight, this.bias);
  }
}`,
    `console.log(to_tensor(to_pil(lena.data.squeeze(0))).sum());
to_pil(lena.data.squeeze(0)) // 原始的lena数据`,
    `// lena的形状是1x1x200x200，（N,C,Hin,Win）
const w = 400; // 准备将图像放大至400
// 得到400x400的介于[-1,1]之间的均匀分布张量
const h_out = t.linspace(-1, 1, w).view(-1, 1).repeat(1, w);
const w_out = t.linspace(-1, 1, w).repeat(w, 1);
let grid = t.cat([w_out.unsqueeze(2), h_out.unsqueeze(2)], {dim: 2});
// grid形状为（N,Hout,Wout,2）
// grid最后一个维度大小为2，表示输入中pixel的位置信息，取值范围在（-1,1）
grid = grid.unsqueeze(0);
console.log(grid.shape, grid[0][1][2]);`,
    `let out = F.grid_sample(lena, {grid: grid, mode: 'bilinear'});
console.log(out[0][0].narrow(0, 1, 2).narrow(1, 0, 6), out.sum());
console.log(to_tensor(to_pil(out.data.squeeze(0))).sum());
to_pil(out.data.squeeze(0))`,
    `// 利用nn.init初始化
const { init } = nn;
linear = new nn.Linear(3, 4);
t.manual_seed(2021);

init.xavier_normal_(linear.weight)`,
    `// 利用公式，直接初始化
t.manual_seed(2021);

// xavier初始化的计算公式
const std = Math.sqrt(2) / Math.sqrt(7.);
linear.weight.data.normal_(0,std)`,
    `// 对模型的所有参数进行初始化
let net = new Net();
for (const [name, params] of net.named_parameters()) {
  if (name.indexOf('linear') != -1) {
    // init linear
    params[0]; // weight
    params[1]; // bias
  } else if (name.indexOf('conv') != -1) {
  } else if (name.indexOf('norm') != -1) {
  }
}`,
    `// 以本章4.1节的感知器为例
class Perceptron extends nn.Module {
  layer1: Linear; layer2: Linear;
  constructor(in_features: number, hidden_features: number, out_features: number) {
    super();
    // 此处的Linear是前面自定义的全连接层
    this.layer1 = new Linear(in_features, hidden_features);
    this.layer2 = new Linear(hidden_features, out_features);
  }
  forward(x: torch.Tensor): torch.Tensor {
    x = this.layer1(x);
    x = t.sigmoid(x);
    return this.layer2(x);
  }
}

let net = new Perceptron(3,4,1);`,
    `let optimizer = new optim.SGD({params: net.parameters(), lr: 1});
optimizer.zero_grad(); // 梯度清零，等价于net.zero_grad()

input = t.randn(32, 3);
output = net(input);
output.backward(output); // fake backward

optimizer.step(); // 执行优化
console.log(net.layer1.w, net.layer2.b);`,
    `const weight_params = [...net.named_parameters()].filter(([name, param]) => name.endsWith('.w')).map(([name, param]) => param);
const bias_params = [...net.named_parameters()].filter(([name, param]) => name.endsWith('.b')).map(([name, param]) => param);

optimizer = new optim.SGD([
                {'params': bias_params},
                {'params': weight_params, 'lr': 1e-2}
            ], {lr: 1e-5});
optimizer`,
    `// 只为第一个全连接层设置较大的学习率，其余层的学习率较小
const special_layers = new nn.ModuleList([net.layer1]);
const special_layers_params = [...special_layers.parameters()];
const base_params = [...net.parameters()].filter((param) => !special_layers_params.includes(param));
optimizer = new t.optim.SGD([
            {'params': base_params},
            {'params': special_layers.parameters(), 'lr': 0.01}
        ], {lr: 0.001});
optimizer`,
    `// 调整学习率，新建一个optimizer
const old_lr = 0.1;
const optimizer1 = new optim.SGD([
                {'params': bias_params},
                {'params': weight_params, 'lr': old_lr*0.1}
            ], {lr: 1e-5});
optimizer1`,
    `// 调整学习率, 手动decay, 保存动量
for (const param_group of optimizer.param_groups) {
  param_group['lr'] *= 0.1; // 学习率为之前的0.1倍
}
optimizer`,
    `class Net extends nn.Module {
  param1: nn.Parameter; submodel1: nn.Linear;
  constructor() {
    super();
    // 等价与self.register_parameter('param1' ,nn.Parameter(t.randn(3, 3)))
    this.param1 = new nn.Parameter(t.rand(3, 3));
    this.submodel1 = new nn.Linear(3, 4);
  }
  forward(input: torch.Tensor): torch.Tensor {
    let x = this.param1.mm(input);
    x = this.submodel1(x);
    return x;
  }
}
let net = new Net();
net`,
    `net._modules`,
    `net._parameters`,
    `net.param1 // 等价于net._parameters['param1']`,
    `for (const [name, param] of net.named_parameters()) {
  console.log(name, param.size());
}`,
    `for (const [name, submodel] of net.named_modules()) {
  console.log(name, submodel); // 当前module和他的子module
}`,
    `let bn = new nn.BatchNorm1d(2);
input = t.rand(3, 2);
output = bn(input);
bn._buffers`,
    `input = t.arange(0, 12).view(3, 4).float();
let model = new nn.Dropout();
// 在训练阶段，会有一半左右的数被随机置为0
model(input)`,
    `model.training  = false;
// 在测试阶段，dropout什么都不做
model(input)`,
    `[net.training, net.submodel1.training]`,
    `net.eval(); // eval()将所有的training属性设为False
[net.training, net.submodel1.training]`,
    `[...net.named_modules()]`,
    `const module: nn.ModuleItem = new nn.Module();
module.param = new nn.Parameter(t.ones(2, 2));
module._parameters`,
    `const submodule1 = new nn.Linear(2, 2);
const submodule2 = new nn.Linear(2, 2);
let module_list: nn.Module[] | nn.ModuleList = [submodule1, submodule2];
// 对于list对象，调用buildin函数，保存在__dict__中
module.submodules = module_list;
console.log('_modules: ', module._modules);
`,
    `module_list = new nn.ModuleList(module_list);
module.submodules = module_list;
console.log('ModuleList is instance of nn.Module: ', module_list instanceof nn.Module);
console.log('_modules: ', module._modules);
`,
    `module['training'] // 等价于module.training`,
    `module.attr1 = 2;
module['attr1']`,
    `// 即module.param, 会调用module.__getattr__('param')
module['param']`,
    `// 保存模型
t.save(net.state_dict(), '${DIR}/net.pth');

// 加载已保存的模型
let net2 = new Net();
net2.load_state_dict(t.load('${DIR}/net.pth'))`,
    `t.save(net, '${DIR}/net_all.pth');
t.serialization.add_safe_globals([Net]); // torchlab rebuilds only the classes you name
net2 = t.load('${DIR}/net_all.pth');
net2`,
    `// from torch import nn; import torch as t; from torch.nn import functional as F: the prelude's`,
    `class ResidualBlock extends nn.Module {
  /**
   * 实现子module: Residual Block
   */
  left: nn.Sequential; right: nn.Module | null;
  constructor(inchannel: number, outchannel: number, stride=1, shortcut: nn.Module | null = null) {
    super();
    this.left = new nn.Sequential(
            new nn.Conv2d(inchannel,outchannel,3,stride,1,{bias: false}),
            new nn.BatchNorm2d(outchannel),
            new nn.ReLU({inplace: true}),
            new nn.Conv2d(outchannel,outchannel,3,1,1,{bias: false}),
            new nn.BatchNorm2d(outchannel) );
    this.right = shortcut;
  }

  forward(x: torch.Tensor): torch.Tensor {
    let out = this.left(x);
    const residual = this.right === null ? x : this.right(x);
    out += residual;
    return F.relu(out);
  }
}

class ResNet extends nn.Module {
  /**
   * 实现主module：ResNet34
   * ResNet34 包含多个layer，每个layer又包含多个residual block
   * 用子module来实现residual block，用_make_layer函数来实现layer
   */
  pre: nn.Sequential; layer1: nn.Sequential; layer2: nn.Sequential; layer3: nn.Sequential; layer4: nn.Sequential; classifier: nn.Linear;
  constructor(num_classes=1000) {
    super();
    // 前几层图像转换
    this.pre = new nn.Sequential(
            new nn.Conv2d(3, 64, 7, 2, 3, {bias: false}),
            new nn.BatchNorm2d(64),
            new nn.ReLU({inplace: true}),
            new nn.MaxPool2d(3, 2, 1)
    );

    // 重复的layer，分别有3，4，6，3个Residual Block
    this.layer1 = this._make_layer(64, 64, 3, 1, {is_shortcut: false});
    this.layer2 = this._make_layer(64,  128, 4, 2);
    this.layer3 = this._make_layer(128, 256, 6, 2);
    this.layer4 = this._make_layer(256, 512, 3, 2);

    // 分类用的全连接
    this.classifier = new nn.Linear(512, num_classes);
  }

  _make_layer(inchannel: number, outchannel: number, block_num: number, stride: number, {is_shortcut = true} = {}) {
    /**
     * 构建layer,包含多个residual block
     */
    let shortcut: nn.Module | null;
    if (is_shortcut) {
      shortcut = new nn.Sequential(
              new nn.Conv2d(inchannel,outchannel,1,stride, {bias: false}),
              new nn.BatchNorm2d(outchannel));
    } else {
      shortcut = null;
    }

    const layers = [];
    layers.push(new ResidualBlock(inchannel, outchannel, stride, shortcut));

    for (let i = 1; i < block_num; i++) {
      layers.push(new ResidualBlock(outchannel, outchannel));
    }
    return new nn.Sequential(...layers);
  }

  forward(x: torch.Tensor): torch.Tensor {
    x = this.pre(x);

    x = this.layer1(x);
    x = this.layer2(x);
    x = this.layer3(x);
    x = this.layer4(x);

    x = F.avg_pool2d(x, 7);
    x = x.view(x.size(0), -1);
    return this.classifier(x);
  }
}`,
    `let model = new ResNet();
input = t.randn(1, 3, 224, 224);
out = model(input);
console.log(model);
console.log(out.shape, out[0].narrow(0, 0, 4));`,
  ];
}
