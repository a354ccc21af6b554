/**
 * The cells of datawhalechina/thorough-pytorch (深入浅出PyTorch) chapters 2-7 as torchlab notebook
 * cells, in the book's order (see datawhale.test.ts for what is left out and why). `dir` is a
 * scratch folder for the files the book reads and writes.
 */

/** Chapter 2: tensors (2.1), autograd (2.2), the device of 2.3. */
export const CHAPTER2: string[] = [
  `torch.manual_seed(0);
let x = torch.rand(4, 3);
console.log(x);`,
  `x = torch.zeros(4, 3, {dtype: torch.long});
console.log(x);`,
  `x = torch.tensor([5.5, 3]);
console.log(x);`,
  `x = x.new_ones(4, 3, {dtype: torch.double});
// 创建一个新的全1矩阵tensor，返回的tensor默认具有相同的torch.dtype和torch.device
console.log(x);
x = torch.randn_like(x, {dtype: torch.float});
// 重置数据类型
console.log(x);
console.log(x.size());
console.log(x.shape);`,
  `// 方式1
let y = torch.rand(4, 3);
console.log(x + y);
// 方式2
console.log(torch.add(x, y));
// 方式3 in-place，原值修改
y.add_(x);
console.log(y);`,
  `x = torch.rand(4,3);
// 取第二列
console.log(x[":, 1"]);`,
  `y = x["0,:"];
y += 1;
console.log(y);
console.log(x["0, :"]); // 源tensor也被改了了`,
  `x = torch.randn(4, 4);
y = x.view(16);
let z = x.view(-1, 8); // -1是指这一维的维数由其他维度决定
console.log(x.size(), y.size(), z.size());`,
  `x += 1;
console.log(x);
console.log(y); // 也加了了1`,
  `x = torch.arange(1, 3).view(1, 2);
console.log(x);
y = torch.arange(1, 4).view(3, 1);
console.log(y);
console.log(x + y);`,
  // 2.2
  `x = torch.randn(3,3,{requires_grad: true});
console.log(x.grad_fn);`,
  `x = torch.ones(2, 2, {requires_grad: true});
console.log(x);`,
  `y = x**2;
console.log(y);`,
  `console.log(y.grad_fn);`,
  `z = y * y * 3;
let out = z.mean();
console.log(z, out);`,
  `let a = torch.randn(2, 2); // 缺失情况下默认 requires_grad = False
a = ((a * 3) / (a - 1));
console.log(a.requires_grad);
a.requires_grad_(true);
console.log(a.requires_grad);
let b = (a * a).sum();
console.log(b.grad_fn);`,
  `out.backward();`,
  `console.log(x.grad);`,
  `// 再来反向传播⼀一次，注意grad是累加的
const out2 = x.sum();
out2.backward();
console.log(x.grad);

const out3 = x.sum();
x.grad.data.zero_();
out3.backward();
console.log(x.grad);`,
  `x = torch.randn(3, {requires_grad: true});
console.log(x);

y = x * 2;
let i = 0;
while (y.data.norm() < 1000) {
    y = y * 2;
    i = i + 1;
}
console.log(y);
console.log(i);`,
  `const v = torch.tensor([0.1, 1.0, 0.0001], {dtype: torch.float});
y.backward(v);

console.log(x.grad);`,
  `console.log(x.requires_grad);
console.log((x ** 2).requires_grad);

torch.no_grad(() => {
    console.log((x ** 2).requires_grad);
});`,
  `x = torch.ones(1,{requires_grad: true});

console.log(x.data); // 还是一个tensor
console.log(x.data.requires_grad); // 但是已经是独立于计算图之外

y = 2 * x;
x.data *= 100; // 只改变了值，不会记录在计算图，所以不会影响梯度传播

y.backward();
console.log(x); // 更改data的值也会影响tensor的值
console.log(x.grad);`,
  // 2.3
  `const device = torch.device(torch.cuda.is_available() ? "cuda:1" : "cpu");
console.log(device, torch.cuda.device_count());`,
];

/** Chapter 3: configuration (3.2), reading data (3.3), building (3.4) and initialising (3.5) models. */
export function chapter3(dir: string): string[] {
  return [
    `import * as os from "fs";
import * as path from "path";
const { Dataset, DataLoader } = torch.utils.data;
const optimizer_ = torch.optim;`,
    `const batch_size = 16;
// 批次的大小
const lr = 1e-4;
// 优化器的学习率
const max_epochs = 100;`,
    `// 方案二：使用“device”，后续对要使用GPU的变量用.to(device)即可
const device = torch.device(torch.cuda.is_available() ? "cuda:1" : "cpu"); // 指明调用的GPU为1号
console.log(device);`,
    // 3.3: the stand-in files (the book's own folders): an ImageFolder tree and an annotations file
    `torch.manual_seed(0);
const to_pil = new transforms.ToPILImage();
const train_path = '${dir}/train', val_path = '${dir}/val';
for (const root of [train_path, val_path]) {
  for (const cls of ['cat', 'dog']) {
    os.mkdirSync(root + '/' + cls, {recursive: true});
    for (let k = 0; k < 3; k++) to_pil(torch.rand(3, 10, 12)).save(root + '/' + cls + '/' + k + '.png');
  }
}
os.mkdirSync('${dir}/images', {recursive: true});
const lines: string[] = [];
for (let k = 1; k < 10; k++) {
  to_pil(torch.rand(3, 8, 8)).save('${dir}/images/image' + k + '.png');
  lines.push('image' + k + '.png,' + k);
}
os.writeFileSync('${dir}/annotations.csv', 'file,label\\n' + lines.join('\\n') + '\\n');`,
    `const data_transform = new transforms.Compose([new transforms.Resize(8), new transforms.CenterCrop(8), new transforms.ToTensor()]);
const { datasets } = torchvision;
const train_data = new datasets.ImageFolder(train_path, {transform: data_transform});
const val_data = new datasets.ImageFolder(val_path, {transform: data_transform});
console.log(JSON.stringify(train_data.classes), train_data.length, JSON.stringify(val_data.class_to_idx));`,
    `const { read_image } = torchvision.io;

class MyDataset extends Dataset<[torch.Tensor, number]> {
    img_labels: [string, number][]; img_dir: string;
    transform: ((x: torch.Tensor) => torch.Tensor) | null; target_transform: ((y: number) => number) | null;
    constructor(annotations_file: string, img_dir: string, transform: ((x: torch.Tensor) => torch.Tensor) | null = null, target_transform: ((y: number) => number) | null = null) {
        super();
        // pd.read_csv(annotations_file)
        this.img_labels = os.readFileSync(annotations_file, 'utf8').trim().split('\\n').slice(1).map((l) => l.split(',')).map(([f, y]) => [f, Number(y)]);
        this.img_dir = img_dir;
        this.transform = transform;
        this.target_transform = target_transform;
    }

    __len__(): number {
        return this.img_labels.length;
    }

    __getitem__(idx: number): [torch.Tensor, number] {
        const img_path = path.join(this.img_dir, this.img_labels[idx][0]);
        let image = read_image(img_path);
        let label = this.img_labels[idx][1];
        if (this.transform) {
            image = this.transform(image);
        }
        if (this.target_transform) {
            label = this.target_transform(label);
        }
        return [image, label];
    }
}
const my_data = new MyDataset('${dir}/annotations.csv', '${dir}/images', null, (y) => y - 1);
const [image0, label0] = my_data[2];
console.log(my_data.length, image0.dtype, image0.shape, image0.float().mean(), label0);`,
    `const train_loader = new torch.utils.data.DataLoader(train_data, {batch_size: 4, num_workers: 4, shuffle: true, drop_last: true});
const val_loader = new torch.utils.data.DataLoader(val_data, {batch_size: 4, num_workers: 4, shuffle: false});
console.log(train_loader.length, val_loader.length);`,
    `let [images, labels] = val_loader[Symbol.iterator]().next().value!;  // next(iter(val_loader))
console.log(images.shape);
console.log(labels);
for (const [data, label] of train_loader) console.log(label, data.sum());`,
    // 3.4
    `torch.manual_seed(1);
class MLP extends nn.Module {
  hidden: nn.Linear; act: nn.ReLU; output: nn.Linear;
  // 声明带有模型参数的层，这里声明了两个全连接层
  constructor() {
    super();
    this.hidden = new nn.Linear(784, 256);
    this.act = new nn.ReLU();
    this.output = new nn.Linear(256,10);
  }
  // 定义模型的前向计算，即如何根据输入x计算返回所需要的模型输出
  forward(x: torch.Tensor): torch.Tensor {
    const o = this.act(this.hidden(x));
    return this.output(o);
  }
}`,
    `let X = torch.rand(2,784); // 设置一个随机的输入张量
let net = new MLP(); // 实例化模型
console.log(net); // 打印模型
console.log(net(X)); // 前向计算`,
    `class MyLayer extends nn.Module {
    forward(x: torch.Tensor): torch.Tensor {
        return x - x.mean();
    }
}`,
    `const layer = new MyLayer();
console.log(layer(torch.tensor([1, 2, 3, 4, 5], {dtype: torch.float})));`,
    `class MyListDense extends nn.Module {
    params: nn.ParameterList;
    constructor() {
        super();
        this.params = new nn.ParameterList(Array.from({length: 3}, () => new nn.Parameter(torch.randn(4, 4))));
        this.params.append(new nn.Parameter(torch.randn(4, 1)));
    }
    forward(x: torch.Tensor): torch.Tensor {
        for (let i = 0; i < this.params.length; i++) {
            x = torch.mm(x, this.params[i]);
        }
        return x;
    }
}
const net_list = new MyListDense();
console.log(net_list);
console.log(net_list(torch.ones(1, 4)));`,
    `class MyDictDense extends nn.Module {
    params: nn.ParameterDict;
    constructor() {
        super();
        this.params = new nn.ParameterDict({
                'linear1': new nn.Parameter(torch.randn(4, 4)),
                'linear2': new nn.Parameter(torch.randn(4, 1))
        });
        this.params.update({'linear3': new nn.Parameter(torch.randn(4, 2))}); // 新增
    }
    forward(x: torch.Tensor, choice = 'linear1'): torch.Tensor {
        return torch.mm(x, this.params[choice]);
    }
}

const net_dict = new MyDictDense();
console.log(net_dict);
console.log(net_dict(torch.ones(1, 4), 'linear3'));`,
    `// 卷积运算（二维互相关）
function corr2d(X: torch.Tensor, K: torch.Tensor): torch.Tensor {
    const [h, w] = K.shape;
    [X, K] = [X.float(), K.float()];
    const Y = torch.zeros([X.shape[0] - h + 1, X.shape[1] - w + 1]);
    for (let i = 0; i < Y.shape[0]; i++) {
        for (let j = 0; j < Y.shape[1]; j++) {
            Y[\`\${i}, \${j}\`] = (X[\`\${i}:\${i + h}, \${j}:\${j + w}\`] * K).sum();
        }
    }
    return Y;
}

// 二维卷积层
class Conv2D extends nn.Module {
    weight: nn.Parameter; bias: nn.Parameter;
    constructor(kernel_size: number[]) {
        super();
        this.weight = new nn.Parameter(torch.randn(kernel_size));
        this.bias = new nn.Parameter(torch.randn(1));
    }
    forward(x: torch.Tensor): torch.Tensor {
        return corr2d(x, this.weight) + this.bias;
    }
}
const conv2d_own = new Conv2D([2, 2]);
console.log(conv2d_own(torch.arange(16).view(4, 4)));`,
    `// 定义一个函数来计算卷积层。它对输入和输出做相应的升维和降维
function comp_conv2d(conv2d: nn.Conv2d, X: torch.Tensor): torch.Tensor {
    // (1, 1)代表批量大小和通道数
    X = X.view([1, 1, ...X.shape]);
    const Y = conv2d(X);
    return Y.view(Y.shape.slice(2)); // 排除不关心的前两维:批量和通道
}

// 注意这里是两侧分别填充1⾏或列，所以在两侧一共填充2⾏或列
let conv2d = new nn.Conv2d({in_channels: 1, out_channels: 1, kernel_size: 3, padding: 1});

X = torch.rand(8, 8);
console.log(comp_conv2d(conv2d, X).shape);`,
    `// 使用高为5、宽为3的卷积核。在⾼和宽两侧的填充数分别为2和1
conv2d = new nn.Conv2d({in_channels: 1, out_channels: 1, kernel_size: [5, 3], padding: [2, 1]});
console.log(comp_conv2d(conv2d, X).shape);`,
    `conv2d = new nn.Conv2d(1, 1, {kernel_size: [3, 5], padding: [0, 1], stride: [3, 4]});
console.log(comp_conv2d(conv2d, X).shape);`,
    `function pool2d(X: torch.Tensor, pool_size: [number, number], mode = 'max'): torch.Tensor {
    const [p_h, p_w] = pool_size;
    const Y = torch.zeros([X.shape[0] - p_h + 1, X.shape[1] - p_w + 1]);
    for (let i = 0; i < Y.shape[0]; i++) {
        for (let j = 0; j < Y.shape[1]; j++) {
            if (mode == 'max') {
                Y[\`\${i}, \${j}\`] = X[\`\${i}:\${i + p_h}, \${j}:\${j + p_w}\`].max();
            } else if (mode == 'avg') {
                Y[\`\${i}, \${j}\`] = X[\`\${i}:\${i + p_h}, \${j}:\${j + p_w}\`].mean();
            }
        }
    }
    return Y;
}`,
    `X = torch.tensor([[0, 1, 2], [3, 4, 5], [6, 7, 8]], {dtype: torch.float});
console.log(pool2d(X, [2, 2]));`,
    `console.log(pool2d(X, [2, 2], 'avg'));`,
    `class Net extends nn.Module {
    conv1: nn.Conv2d; conv2: nn.Conv2d; fc1: nn.Linear; fc2: nn.Linear; fc3: nn.Linear;
    constructor() {
        super();
        // 输入图像channel：1；输出channel：6；5x5卷积核
        this.conv1 = new nn.Conv2d(1, 6, 5);
        this.conv2 = new nn.Conv2d(6, 16, 5);
        // an affine operation: y = Wx + b
        this.fc1 = new nn.Linear(16 * 5 * 5, 120);
        this.fc2 = new nn.Linear(120, 84);
        this.fc3 = new nn.Linear(84, 10);
    }
    forward(x: torch.Tensor): torch.Tensor {
        // 2x2 Max pooling
        x = F.max_pool2d(F.relu(this.conv1(x)), [2, 2]);
        // 如果是方阵,则可以只使用一个数字进行定义
        x = F.max_pool2d(F.relu(this.conv2(x)), 2);
        x = x.view(-1, this.num_flat_features(x));
        x = F.relu(this.fc1(x));
        x = F.relu(this.fc2(x));
        x = this.fc3(x);
        return x;
    }
    num_flat_features(x: torch.Tensor): number {
        const size = x.size().slice(1);  // 除去批处理维度的其他所有维度
        let num_features = 1;
        for (const s of size) {
            num_features *= s;
        }
        return num_features;
    }
}

torch.manual_seed(2);
let lenet = new Net();
console.log(lenet);`,
    `const params = [...lenet.parameters()];
console.log(params.length);
console.log(params[0].size());  // conv1的权重`,
    `let input = torch.randn(1, 1, 32, 32);
let out = lenet(input);
console.log(out);`,
    `lenet.zero_grad();
out.backward(torch.randn(1, 10));
console.log(lenet.fc3.bias.grad);
console.log(lenet.conv1.bias.grad);`,
    // 3.5
    `torch.manual_seed(3);
const conv = new nn.Conv2d(1,3,3);
const linear = new nn.Linear(10,1);

console.log(conv instanceof nn.Conv2d); // 判断conv是否是nn.Conv2d类型
console.log(linear instanceof nn.Conv2d); // 判断linear是否是nn.Conv2d类型`,
    `// 查看随机初始化的conv参数
console.log(conv.weight.data);
// 查看linear的参数
console.log(linear.weight.data);`,
    `// 对conv进行kaiming初始化
torch.nn.init.kaiming_normal_(conv.weight.data);
console.log(conv.weight.data);
// 对linear进行常数初始化
torch.nn.init.constant_(linear.weight.data,0.3);
console.log(linear.weight.data);`,
    `function initialize_weights(model: nn.Module): void {
	for (const m of model.modules()) {
		// 判断是否属于Conv2d
		if (m instanceof nn.Conv2d) {
			torch.nn.init.zeros_(m.weight.data);
			// 判断是否有偏置
			if (m.bias !== null) {
				torch.nn.init.constant_(m.bias.data,0.3);
			}
		} else if (m instanceof nn.Linear) {
			torch.nn.init.normal_(m.weight.data, 0.1);
			if (m.bias !== null) {
				torch.nn.init.zeros_(m.bias.data);
			}
		} else if (m instanceof nn.BatchNorm2d) {
			m.weight.data.fill_(1);
			m.bias.data.zero_();
		}
	}
}`,
    `// 模型的定义
class MLP2 extends nn.Module {
  hidden: nn.Conv2d; act: nn.ReLU; output: nn.Linear;
  constructor() {
    super();
    this.hidden = new nn.Conv2d(1,1,3);
    this.act = new nn.ReLU();
    this.output = new nn.Linear(10,1);
  }
  forward(x: torch.Tensor): torch.Tensor {
    const o = this.act(this.hidden(x));
    return this.output(o);
  }
}

const mlp = new MLP2();
console.log(mlp.hidden.weight.data);
console.log("-------初始化-------");

mlp.apply(initialize_weights);
// 或者initialize_weights(mlp)
console.log(mlp.hidden.weight.data);
console.log(mlp.hidden.bias.data, mlp.output.weight.data, mlp.output.bias.data);`,
  ];
}

/** Chapter 3.6: every loss the chapter lists, with the value it prints (and the input's gradient). */
export const LOSSES: string[] = [
  `torch.manual_seed(0);
let m = new nn.Sigmoid();
let loss = new nn.BCELoss();
let input = torch.randn(3, {requires_grad: true});
let target = torch.empty(3).random_(2);
let output = loss(m(input), target);
output.backward();`,
  `console.log('BCELoss损失函数的计算结果为',output);
console.log(input.grad);`,
  `let loss_ce = new nn.CrossEntropyLoss();
input = torch.randn(3, 5, {requires_grad: true});
target = torch.empty(3, {dtype: torch.long}).random_(5);
output = loss_ce(input, target);
output.backward();`,
  `console.log(output);
console.log(input.grad);`,
  `let loss_l1 = new nn.L1Loss();
input = torch.randn(3, 5, {requires_grad: true});
target = torch.randn(3, 5);
output = loss_l1(input, target);
output.backward();`,
  `console.log('L1损失函数的计算结果为',output);`,
  `let loss_mse = new nn.MSELoss();
input = torch.randn(3, 5, {requires_grad: true});
target = torch.randn(3, 5);
output = loss_mse(input, target);
output.backward();`,
  `console.log('MSE损失函数的计算结果为',output);`,
  `let loss_smooth_l1 = new nn.SmoothL1Loss();
input = torch.randn(3, 5, {requires_grad: true});
target = torch.randn(3, 5);
output = loss_smooth_l1(input, target);
output.backward();`,
  `console.log('SmoothL1Loss损失函数的计算结果为',output);
console.log(input.grad);`,
  `const inputs_ = torch.linspace(-10, 10, {steps: 5000});
const target_ = torch.zeros_like(inputs_);
const loss_f_smooth = new nn.SmoothL1Loss({reduction: 'none'});
const loss_smooth = loss_f_smooth(inputs_, target_);
const loss_f_l1 = new nn.L1Loss({reduction: 'none'});
const loss_l1_ = loss_f_l1(inputs_,target_);
// plt.plot(inputs.numpy(), loss_smooth.numpy(), label='Smooth L1 Loss') ...
console.log(loss_smooth["2495:2505"]);
console.log(loss_l1_["2495:2505"]);`,
  `let loss_pnll = new nn.PoissonNLLLoss();
const log_input = torch.randn(5, 2, {requires_grad: true});
target = torch.randn(5, 2);
output = loss_pnll(log_input, target);
output.backward();`,
  `console.log('PoissonNLLLoss损失函数的计算结果为',output);
console.log(log_input.grad);`,
  `let inputs = torch.tensor([[0.5, 0.3, 0.2], [0.2, 0.3, 0.5]]);
target = torch.tensor([[0.9, 0.05, 0.05], [0.1, 0.7, 0.2]], {dtype: torch.float});
const loss_kl = new nn.KLDivLoss();
output = loss_kl(inputs,target);
console.log('KLDivLoss损失函数的计算结果为',output);`,
  `const loss_mr = new nn.MarginRankingLoss();
const input1 = torch.randn(3, {requires_grad: true});
const input2 = torch.randn(3, {requires_grad: true});
target = torch.randn(3).sign();
output = loss_mr(input1, input2, target);
output.backward();
console.log('MarginRankingLoss损失函数的计算结果为',output);
console.log(input1.grad, input2.grad);`,
  `const loss_mlm = new nn.MultiLabelMarginLoss();
let x = torch.FloatTensor([[0.9, 0.2, 0.4, 0.8]]);
// for target y, only consider labels 3 and 0, not after label -1
let y = torch.LongTensor([[3, 0, -1, 1]]); // 真实的分类是，第3类和第0类
output = loss_mlm(x, y);
console.log('MultiLabelMarginLoss损失函数的计算结果为',output);`,
  `inputs = torch.tensor([[0.3, 0.7], [0.5, 0.5]]);  // 两个样本，两个神经元
target = torch.tensor([[-1, 1], [1, -1]], {dtype: torch.float});  // 该 loss 为逐个神经元计算，需要为每个神经元单独设置标签
let loss_f = new nn.SoftMarginLoss();
output = loss_f(inputs, target);
console.log('SoftMarginLoss损失函数的计算结果为',output);`,
  `inputs = torch.tensor([[0.3, 0.7], [0.5, 0.5]]);
target = torch.tensor([0, 1], {dtype: torch.long});
const loss_f_mm = new nn.MultiMarginLoss();
output = loss_f_mm(inputs, target);
console.log('MultiMarginLoss损失函数的计算结果为',output);`,
  `const triplet_loss = new nn.TripletMarginLoss({margin: 1.0, p: 2});
const anchor = torch.randn(100, 128, {requires_grad: true});
const positive = torch.randn(100, 128, {requires_grad: true});
const negative = torch.randn(100, 128, {requires_grad: true});
output = triplet_loss(anchor, positive, negative);
output.backward();
console.log('TripletMarginLoss损失函数的计算结果为',output);
console.log(anchor.grad["0, :4"]);`,
  `const loss_f_he = new nn.HingeEmbeddingLoss();
inputs = torch.tensor([[1., 0.8, 0.5]]);
target = torch.tensor([[1, 1, -1]]);
output = loss_f_he(inputs,target);
console.log('HingEmbeddingLoss损失函数的计算结果为',output);`,
  `const loss_f_ce = new nn.CosineEmbeddingLoss();
const inputs_1 = torch.tensor([[0.3, 0.5, 0.7], [0.3, 0.5, 0.7]]);
const inputs_2 = torch.tensor([[0.1, 0.3, 0.5], [0.1, 0.3, 0.5]]);
target = torch.tensor([1, -1], {dtype: torch.float});
output = loss_f_ce(inputs_1,inputs_2,target);
console.log('CosineEmbeddingLoss损失函数的计算结果为',output);`,
  `// Target are to be padded
let T = 50;      // Input sequence length
let C = 20;      // Number of classes (including blank)
let N = 16;      // Batch size
const S = 30;      // Target sequence length of longest target in batch (padding length)
const S_min = 10;  // Minimum target length, for demonstration purposes
// Initialize random batch of input vectors, for *size = (T,N,C)
input = torch.randn(T, N, C).log_softmax(2).detach().requires_grad_();
// Initialize random batch of targets (0 = blank, 1:C = classes)
target = torch.randint({low: 1, high: C, size: [N, S], dtype: torch.long});
let input_lengths = torch.full({size: [N], fill_value: T, dtype: torch.long});
let target_lengths = torch.randint({low: S_min, high: S, size: [N], dtype: torch.long});
let ctc_loss = new nn.CTCLoss();
let loss_ctc = ctc_loss(input, target, input_lengths, target_lengths);
loss_ctc.backward();
console.log(loss_ctc);
console.log(input.grad["0, 0, :5"]);
// Target are to be un-padded
input = torch.randn(T, N, C).log_softmax(2).detach().requires_grad_();
input_lengths = torch.full({size: [N], fill_value: T, dtype: torch.long});
// Initialize random batch of targets (0 = blank, 1:C = classes)
target_lengths = torch.randint({low: 1, high: T, size: [N], dtype: torch.long});
target = torch.randint({low: 1, high: C, size: [target_lengths.sum().item()], dtype: torch.long});
ctc_loss = new nn.CTCLoss();
loss_ctc = ctc_loss(input, target, input_lengths, target_lengths);
loss_ctc.backward();
console.log('CTCLoss损失函数的计算结果为',loss_ctc);
console.log(input.grad["0, 0, :5"]);`,
];

/** 3.9 (the optimizer's state), then 3.7 / chapter 4's FashionMNIST loop on a seeded stand-in. */
export function training(dir: string): string[] {
  return [
    `const { Dataset, DataLoader, len } = torch.utils.data;
torch.manual_seed(0);
// 设置权重，服从正态分布  --> 2 x 2
const weight = torch.randn([2, 2], {requires_grad: true});
// 设置梯度为全1矩阵  --> 2 x 2
weight.grad = torch.ones([2, 2]);
// 输出现有的weight和data
console.log(\`The data of weight before step:\\n\${weight.data}\`);
console.log(\`The grad of weight before step:\\n\${weight.grad}\`);
// 实例化优化器
let optimizer: torch.optim.Optimizer = new torch.optim.SGD([weight], {lr: 0.1, momentum: 0.9});
// 进行一步操作
optimizer.step();
// 查看进行一步后的值，梯度
console.log(\`The data of weight after step:\\n\${weight.data}\`);
console.log(\`The grad of weight after step:\\n\${weight.grad}\`);
// 权重清零
optimizer.zero_grad();
// 检验权重是否为0
console.log(\`The grad of weight after optimizer.zero_grad():\\n\${weight.grad}\`);
// 输出参数
for (const g of optimizer.param_groups) console.log(g.params, g.lr, g.momentum, g.dampening, g.weight_decay, g.nesterov);
// 查看参数位置，optimizer和weight的位置一样
console.log(optimizer.param_groups[0].params[0] === weight);
// 添加参数：weight2
const weight2 = torch.randn([3, 3], {requires_grad: true});
optimizer.add_param_group({params: weight2, lr: 0.0001, nesterov: true});
for (const g of optimizer.param_groups) console.log(g.params, g.lr, g.momentum, g.dampening, g.weight_decay, g.nesterov);
// 查看当前状态信息
const opt_state_dict = optimizer.state_dict();
console.log("state_dict before step:\\n", opt_state_dict.state[0].momentum_buffer, JSON.stringify(opt_state_dict.param_groups.map((g) => g.params)));
// 进行50次step操作
for (let _ = 0; _ < 50; _++) {
    optimizer.step();
}
console.log("state_dict after step:\\n", optimizer.state_dict().state[0].momentum_buffer);
// 保存参数信息
torch.save(optimizer.state_dict(), "${dir}/optimizer_state_dict.pkl");
console.log("----------done-----------");
// 加载参数信息
const state_dict = torch.load("${dir}/optimizer_state_dict.pkl");
optimizer.load_state_dict(state_dict);
console.log("load state_dict successfully\\n", state_dict.state[0].momentum_buffer);
// 输出最后属性信息
console.log(optimizer.defaults.lr, optimizer.defaults.momentum, optimizer.defaults.nesterov);
console.log(optimizer.state.get(weight)!.momentum_buffer, optimizer.state.has(weight2));
console.log(optimizer.param_groups[0].params[0], optimizer.param_groups[1].lr);`,
    // 3.9.4: the experiment's data and network, a few steps of each optimizer the figure compares
    `torch.manual_seed(1);
const a = torch.linspace(-1, 1, 1000);
// 升维操作
let x = torch.unsqueeze(a, {dim: 1});
let y = x.pow(2) + 0.1 * torch.normal(torch.zeros(x.size()));
class RegNet extends nn.Module {
    hidden: nn.Linear; predict: nn.Linear;
    constructor() {
        super();
        this.hidden = new nn.Linear(1, 20);
        this.predict = new nn.Linear(20, 1);
    }
    forward(x: torch.Tensor): torch.Tensor {
        x = this.hidden(x);
        x = F.relu(x);
        x = this.predict(x);
        return x;
    }
}
const nets = [new RegNet(), new RegNet(), new RegNet(), new RegNet()];
const opts = [
    new torch.optim.SGD(nets[0].parameters(), {lr: 0.01}),
    new torch.optim.SGD(nets[1].parameters(), {lr: 0.01, momentum: 0.8}),
    new torch.optim.RMSprop(nets[2].parameters(), {lr: 0.01, alpha: 0.9}),
    new torch.optim.Adam(nets[3].parameters(), {lr: 0.01, betas: [0.9, 0.99]}),
];
const loss_func = new nn.MSELoss();
for (let step = 0; step < 5; step++) {
    const row: number[] = [];
    nets.forEach((net, k) => {
        const output = net(x);
        const loss = loss_func(output, y);
        opts[k].zero_grad();
        loss.backward();
        opts[k].step();
        row.push(loss.item());
    });
    console.log(row.map((l) => l.toFixed(6)).join(" "));
}`,
    // chapter 4 (and 3.7's train / val)
    `const batch_size = 16;
const num_workers = 4;
const lr = 1e-4;
const epochs = 2;
const image_size = 28;
const data_transform = new transforms.Compose([
    new transforms.ToPILImage(),
    // 这一步取决于后续的数据读取方式，如果使用内置数据集读取方式则不需要
    new transforms.Resize(image_size),
    new transforms.ToTensor()
]);`,
    `type NDArray = ReturnType<torch.Tensor["numpy"]>;
class FMDataset extends Dataset<[torch.Tensor, torch.Tensor]> {
    df: torch.Tensor; transform: ((x: NDArray) => torch.Tensor) | null; images: torch.Tensor; labels: torch.Tensor;
    constructor(df: torch.Tensor, transform: ((x: NDArray) => torch.Tensor) | null = null) {
        super();
        this.df = df;
        this.transform = transform;
        this.images = df[":, 1:"].to(torch.uint8);
        this.labels = df[":, 0"];
    }
    __len__(): number {
        return this.images.length;
    }
    __getitem__(idx: number): [torch.Tensor, torch.Tensor] {
        const image = this.images[idx].reshape(28,28,1).numpy();
        const label = this.labels[idx].item();
        let img: torch.Tensor;
        if (this.transform !== null) {
            img = this.transform(image);
        } else {
            img = torch.tensor(torch.from_numpy(image) / 255., {dtype: torch.float});
        }
        return [img, torch.tensor(label, {dtype: torch.long})];
    }
}
// pd.read_csv("./FashionMNIST/fashion-mnist_train.csv"): a seeded stand-in of the same layout (label, 784 pixels)
torch.manual_seed(2);
const train_df = torch.cat([torch.randint(0, 10, [64, 1]), torch.randint(0, 256, [64, 784])], 1);
const test_df = torch.cat([torch.randint(0, 10, [32, 1]), torch.randint(0, 256, [32, 784])], 1);
const train_data = new FMDataset(train_df, (x) => data_transform(x));
const test_data = new FMDataset(test_df, (x) => data_transform(x));
console.log(new FMDataset(test_df)[3][0].sum(), test_data[3][0].sum());`,
    `const train_loader = new DataLoader(train_data, {batch_size: batch_size, shuffle: true, num_workers: num_workers, drop_last: true});
const test_loader = new DataLoader(test_data, {batch_size: batch_size, shuffle: false, num_workers: num_workers});`,
    `let [image, label] = train_loader[Symbol.iterator]().next().value!;
console.log(image.shape, label.shape);
console.log(label);`,
    `class Net extends nn.Module {
    conv: nn.Sequential; fc: nn.Sequential;
    constructor() {
        super();
        this.conv = new nn.Sequential(
            new nn.Conv2d(1, 32, 5),
            new nn.ReLU(),
            new nn.MaxPool2d(2, {stride: 2}),
            new nn.Dropout(0.3),
            new nn.Conv2d(32, 64, 5),
            new nn.ReLU(),
            new nn.MaxPool2d(2, {stride: 2}),
            new nn.Dropout(0.3)
        );
        this.fc = new nn.Sequential(
            new nn.Linear(64*4*4, 512),
            new nn.ReLU(),
            new nn.Linear(512, 10)
        );
    }
    forward(x: torch.Tensor): torch.Tensor {
        x = this.conv(x);
        x = x.view(-1, 64*4*4);
        x = this.fc(x);
        return x;
    }
}
torch.manual_seed(3);
let model = new Net();
console.log(model);`,
    `const criterion = new nn.CrossEntropyLoss();
optimizer = new optim.Adam(model.parameters(), {lr: 0.001});`,
    `function train(epoch: number): void {
    model.train();
    let train_loss = 0;
    for (const [data, label] of train_loader) {
        optimizer.zero_grad();
        const output = model(data);
        const loss = criterion(output, label);
        loss.backward();
        optimizer.step();
        train_loss += loss.item()*data.size(0);
    }
    train_loss = train_loss/len(train_loader.dataset);
    console.log(\`Epoch: \${epoch} \\tTraining Loss: \${train_loss.toFixed(6)}\`);
}`,
    `function val(epoch: number): void {
    model.eval();
    let val_loss = 0;
    let gt_labels: torch.Tensor[] = [];
    let pred_labels: torch.Tensor[] = [];
    torch.no_grad(() => {
        for (const [data, label] of test_loader) {
            const output = model(data);
            const preds = torch.argmax(output, 1);
            gt_labels.push(label.cpu().data);
            pred_labels.push(preds.cpu().data);
            const loss = criterion(output, label);
            val_loss += loss.item()*data.size(0);
        }
    });
    val_loss = val_loss/len(test_loader.dataset);
    const [gt, pred] = [torch.cat(gt_labels), torch.cat(pred_labels)];
    const acc = torch.sum(gt == pred).item() / pred.length;
    console.log(\`Epoch: \${epoch} \\tValidation Loss: \${val_loss.toFixed(6)}, Accuracy: \${acc.toFixed(6)}\`);
}`,
    `for (let epoch = 1; epoch < epochs + 1; epoch++) {
    train(epoch);
    val(epoch);
}`,
    `const save_path = "${dir}/FahionModel.pkl";
torch.save(model, save_path);
// torchlab unpickles only the classes it is told about
torch.serialization.add_safe_globals([Net]);
const loaded = torch.load(save_path) as Net;
loaded.eval();
console.log(loaded(test_data[0][0].unsqueeze(0)));
console.log(model.fc[2].bias);`,
  ];
}

/** Chapter 5 (model definition, blocks, modification, saving), 6 (custom losses, schedulers, freezing), 7 (structure, hooks). */
export function models(dir: string): string[] {
  return [
    // 5.1
    `torch.manual_seed(0);
let net = new nn.Sequential(
        new nn.Linear(784, 256),
        new nn.ReLU(),
        new nn.Linear(256, 10),
        );
console.log(net);`,
    `const net2 = new nn.Sequential({
          'fc1': new nn.Linear(784, 256),
          'relu1': new nn.ReLU(),
          'fc2': new nn.Linear(256, 10)
          });
console.log(net2);`,
    `const net_list = new nn.ModuleList([new nn.Linear(784, 256), new nn.ReLU()]);
net_list.append(new nn.Linear(256, 10)); // 类似List的append操作
console.log(net_list[-1]);  // 类似List的索引访问
console.log(net_list);`,
    `const net_dict = new nn.ModuleDict({
    'linear': new nn.Linear(784, 256),
    'act': new nn.ReLU(),
});
net_dict['output'] = new nn.Linear(256, 10); // 添加
console.log(net_dict['linear']); // 访问
console.log(net_dict['output']);
console.log(net_dict);`,
    // 5.2
    `class DoubleConv extends nn.Module {
    double_conv: nn.Sequential;
    /** (convolution => [BN] => ReLU) * 2 */
    constructor(in_channels: number, out_channels: number, mid_channels: number | null = null) {
        super();
        if (!mid_channels) {
            mid_channels = out_channels;
        }
        this.double_conv = new nn.Sequential(
            new nn.Conv2d(in_channels, mid_channels, {kernel_size: 3, padding: 1, bias: false}),
            new nn.BatchNorm2d(mid_channels),
            new nn.ReLU({inplace: true}),
            new nn.Conv2d(mid_channels, out_channels, {kernel_size: 3, padding: 1, bias: false}),
            new nn.BatchNorm2d(out_channels),
            new nn.ReLU({inplace: true})
        );
    }
    forward(x: torch.Tensor): torch.Tensor {
        return this.double_conv(x);
    }
}`,
    `class Down extends nn.Module {
    maxpool_conv: nn.Sequential;
    /** Downscaling with maxpool then double conv */
    constructor(in_channels: number, out_channels: number) {
        super();
        this.maxpool_conv = new nn.Sequential(
            new nn.MaxPool2d(2),
            new DoubleConv(in_channels, out_channels)
        );
    }
    forward(x: torch.Tensor): torch.Tensor {
        return this.maxpool_conv(x);
    }
}`,
    `class Up extends nn.Module {
    up: nn.Module; conv: DoubleConv;
    /** Upscaling then double conv */
    constructor(in_channels: number, out_channels: number, bilinear = false) {
        super();
        // if bilinear, use the normal convolutions to reduce the number of channels
        if (bilinear) {
            this.up = new nn.Upsample({scale_factor: 2, mode: 'bilinear', align_corners: true});
            this.conv = new DoubleConv(in_channels, out_channels, Math.floor(in_channels / 2));
        } else {
            this.up = new nn.ConvTranspose2d(in_channels, Math.floor(in_channels / 2), {kernel_size: 2, stride: 2});
            this.conv = new DoubleConv(in_channels, out_channels);
        }
    }
    forward(x1: torch.Tensor, x2: torch.Tensor): torch.Tensor {
        x1 = this.up(x1);
        // input is CHW
        const diffY = x2.size()[2] - x1.size()[2];
        const diffX = x2.size()[3] - x1.size()[3];
        x1 = F.pad(x1, [Math.floor(diffX / 2), diffX - Math.floor(diffX / 2),
                        Math.floor(diffY / 2), diffY - Math.floor(diffY / 2)]);
        const x = torch.cat([x2, x1], {dim: 1});
        return this.conv(x);
    }
}`,
    `class OutConv extends nn.Module {
    conv: nn.Conv2d;
    constructor(in_channels: number, out_channels: number) {
        super();
        this.conv = new nn.Conv2d(in_channels, out_channels, {kernel_size: 1});
    }
    forward(x: torch.Tensor): torch.Tensor {
        return this.conv(x);
    }
}`,
    // The book's UNet(3, 2) at its widths (64 ... 1024) is left out (31M parameters to initialise);
    // its blocks run here at small widths, with an odd-sized skip input so that Up pads.
    `torch.manual_seed(1);
const inc = new DoubleConv(3, 8), down1 = new Down(8, 16), up1 = new Up(16, 8), up1b = new Up(16, 8, true), outc = new OutConv(8, 2);
console.log(down1);
console.log(up1);
const xin = torch.randn(2, 3, 9, 11);
const x1 = inc(xin);
const x2 = down1(x1);
const logits = outc(up1(x2, x1));
const logits_b = outc(up1b(x2[":, 0:8"], x1));
console.log(x1.shape, x2.shape, logits.shape, logits_b.shape);
console.log(logits["0, :, 0, :4"]);
console.log(logits_b["1, :, 8, 7:"]);
logits.sum().backward();
console.log((inc.double_conv[0] as nn.Conv2d).weight.grad["0, 0"]);`,
    // 5.3 (resnet18 for the book's resnet50: the same surgery, a quarter of the parameters to initialise)
    `const models = torchvision.models;
torch.manual_seed(2);
let resnet = models.resnet18();
console.log(resnet.fc);
console.log(resnet.layer1);`,
    `const classifier = new nn.Sequential({'fc1': new nn.Linear(512, 128),
                          'relu1': new nn.ReLU(),
                          'dropout1': new nn.Dropout(0.5),
                          'fc2': new nn.Linear(128, 10),
                          'output': new nn.Softmax({dim: 1})
                          });
// ResNet's type says fc is a Linear
(resnet as {fc: nn.Module}).fc = classifier;
console.log(resnet.fc);
resnet.eval();
const inputs = torch.randn(2, 3, 32, 32);
console.log(resnet(inputs));`,
    `class Model extends nn.Module {
    net: nn.Module; relu: nn.ReLU; dropout: nn.Dropout; fc_add: nn.Linear; output: nn.Softmax;
    constructor(net: nn.Module) {
        super();
        this.net = net;
        this.relu = new nn.ReLU();
        this.dropout = new nn.Dropout(0.5);
        this.fc_add = new nn.Linear(11, 10, {bias: true});
        this.output = new nn.Softmax({dim: 1});
    }
    forward(x: torch.Tensor, add_variable: torch.Tensor): torch.Tensor {
        x = this.net(x);
        x = torch.cat([this.dropout(this.relu(x)), add_variable.unsqueeze(1)],1);
        x = this.fc_add(x);
        x = this.output(x);
        return x;
    }
}
let model = new Model(resnet);
const add_var = torch.tensor([0.5, -1.0]);
let outputs = model(inputs, add_var);
console.log(outputs);`,
    `class Model2 extends nn.Module {
    net: nn.Module; relu: nn.ReLU; dropout: nn.Dropout; fc1: nn.Linear; output: nn.Softmax;
    constructor(net: nn.Module) {
        super();
        this.net = net;
        this.relu = new nn.ReLU();
        this.dropout = new nn.Dropout(0.5);
        this.fc1 = new nn.Linear(10, 10, {bias: true});
        this.output = new nn.Softmax({dim: 1});
    }
    forward(x: torch.Tensor, add_variable: torch.Tensor): [torch.Tensor, torch.Tensor] {
        const x1000 = this.net(x);
        let x10 = this.dropout(this.relu(x1000));
        x10 = this.fc1(x10);
        x10 = this.output(x10);
        return [x10, x1000];
    }
}
const model2 = new Model2(resnet);
model2.train();
const [out10, out1000] = model2(inputs, add_var);
console.log(out10, out1000.shape);`,
    // 5.4
    `const save_dir = '${dir}/resnet18.pt';
// 保存+读取整个模型
torch.save(model, save_dir);
torch.serialization.add_safe_globals([Model]);
let loaded_model = torch.load(save_dir) as Model;
loaded_model.eval(); model.eval();
console.log(torch.equal(loaded_model(inputs, add_var), model(inputs, add_var)));
// 保存+读取模型权重
torch.save(resnet.state_dict(), save_dir);
let loaded_resnet = models.resnet18();   // 注意这里需要对模型结构有定义
(loaded_resnet as {fc: nn.Module}).fc = new nn.Sequential({'fc1': new nn.Linear(512, 128), 'relu1': new nn.ReLU(), 'dropout1': new nn.Dropout(0.5), 'fc2': new nn.Linear(128, 10), 'output': new nn.Softmax({dim: 1})});
console.log(loaded_resnet.load_state_dict(torch.load(save_dir)));
loaded_resnet.eval();
console.log(torch.equal(loaded_resnet(inputs), resnet(inputs)));`,
    `// 单机多卡: nn.DataParallel's state_dict has 'module.' in front of each key
const dp = new nn.DataParallel(resnet);
torch.save(dp.state_dict(), save_dir);
const loaded_dict = torch.load(save_dir) as Record<string, torch.Tensor>;
console.log(JSON.stringify(Object.keys(loaded_dict).slice(0, 3)));
const new_state_dict: Record<string, torch.Tensor> = {};
for (const [k, v] of Object.entries(loaded_dict)) {
    const name = k.slice(7); // module字段在最前面，从第7个字符开始就可以去掉module
    new_state_dict[name] = v; //新字典的key值对应的value一一对应
}
loaded_resnet.load_state_dict(new_state_dict);
loaded_resnet.load_state_dict(Object.fromEntries(Object.entries(loaded_dict).map(([k, v]) => [k.replace('module.', ''), v])));
const dp_loaded = new nn.DataParallel(loaded_resnet);
dp_loaded.load_state_dict(loaded_dict);
console.log(torch.equal(dp_loaded(inputs), resnet(inputs)));`,
    `let optimizer = new torch.optim.SGD(resnet.parameters(), {lr: 0.1, momentum: 0.9});
let lr_scheduler = new torch.optim.lr_scheduler.StepLR(optimizer, {step_size: 2, gamma: 0.5});
resnet.train();
for (let epoch = 0; epoch < 3; epoch++) {
    optimizer.zero_grad();
    resnet(inputs)[":, 0"].sum().backward();
    optimizer.step();
    lr_scheduler.step();
}
const checkpoint_path = '${dir}/checkpoint.pth';
torch.save({
        'model': resnet.state_dict(),
        'optimizer': optimizer.state_dict(),
        'lr_scheduler': lr_scheduler.state_dict(),
        'epoch': 3,
        'args': {lr: 0.1},
    }, checkpoint_path);
const checkpoint = torch.load(checkpoint_path);
loaded_resnet.load_state_dict(checkpoint['model']);
const optimizer2 = new torch.optim.SGD(loaded_resnet.parameters(), {lr: 0.1, momentum: 0.9});
optimizer2.load_state_dict(checkpoint['optimizer']);
const lr_scheduler2 = new torch.optim.lr_scheduler.StepLR(optimizer2, {step_size: 2, gamma: 0.5});
lr_scheduler2.load_state_dict(checkpoint['lr_scheduler']);
const epoch = checkpoint['epoch'];
const args = checkpoint['args'];
console.log(epoch, args.lr, lr_scheduler2.get_last_lr(), optimizer2.param_groups[0].lr, lr_scheduler2.last_epoch);
console.log(torch.equal(loaded_resnet.state_dict()['fc.fc2.bias'], resnet.state_dict()['fc.fc2.bias']));`,
    // 6.1
    `function my_loss(output: torch.Tensor, target: torch.Tensor): torch.Tensor {
    const loss = torch.mean((output - target)**2);
    return loss;
}
class DiceLoss extends nn.Module {
    forward(inputs: torch.Tensor, targets: torch.Tensor, smooth = 1): torch.Tensor {
        inputs = F.sigmoid(inputs);
        inputs = inputs.view(-1);
        targets = targets.view(-1);
        const intersection = (inputs * targets).sum();
        const dice = (2.*intersection + smooth)/(inputs.sum() + targets.sum() + smooth);
        return 1 - dice;
    }
}
class DiceBCELoss extends nn.Module {
    forward(inputs: torch.Tensor, targets: torch.Tensor, smooth = 1): torch.Tensor {
        inputs = F.sigmoid(inputs);
        inputs = inputs.view(-1);
        targets = targets.view(-1);
        const intersection = (inputs * targets).sum();
        const dice_loss = 1 - (2.*intersection + smooth)/(inputs.sum() + targets.sum() + smooth);
        const BCE = F.binary_cross_entropy(inputs, targets, {reduction: 'mean'});
        const Dice_BCE = BCE + dice_loss;
        return Dice_BCE;
    }
}
class IoULoss extends nn.Module {
    forward(inputs: torch.Tensor, targets: torch.Tensor, smooth = 1): torch.Tensor {
        inputs = F.sigmoid(inputs);
        inputs = inputs.view(-1);
        targets = targets.view(-1);
        const intersection = (inputs * targets).sum();
        const total = (inputs + targets).sum();
        const union = total - intersection;
        const IoU = (intersection + smooth)/(union + smooth);
        return 1 - IoU;
    }
}
const ALPHA = 0.8;
const GAMMA = 2;
class FocalLoss extends nn.Module {
    forward(inputs: torch.Tensor, targets: torch.Tensor, alpha = ALPHA, gamma = GAMMA, smooth = 1): torch.Tensor {
        inputs = F.sigmoid(inputs);
        inputs = inputs.view(-1);
        targets = targets.view(-1);
        const BCE = F.binary_cross_entropy(inputs, targets, {reduction: 'mean'});
        const BCE_EXP = torch.exp(-BCE);
        const focal_loss = alpha * (1-BCE_EXP)**gamma * BCE;
        return focal_loss;
    }
}`,
    `torch.manual_seed(3);
const input = torch.randn(2, 1, 4, 4, {requires_grad: true});
const targets = torch.randint(0, 2, [2, 1, 4, 4]).float();
console.log(my_loss(input, targets));
for (const criterion of [new DiceLoss(), new DiceBCELoss(), new IoULoss(), new FocalLoss()]) {
    input.grad = null;
    const loss = criterion(input, targets);
    loss.backward();
    console.log(criterion.constructor.name, loss, input.grad["0, 0, 0"]);
}`,
    // 6.2: every scheduler the chapter lists, get_last_lr() after each epoch
    `const S = torch.optim.lr_scheduler;
function lrs(make: (opt: torch.optim.SGD) => { step(): void; get_last_lr(): number[] }, epochs = 8): string {
    const p = torch.zeros(1, {requires_grad: true});
    const opt = new torch.optim.SGD([p], {lr: 0.1, momentum: 0.9});
    const sched = make(opt);
    const out: string[] = [];
    for (let e = 0; e < epochs; e++) {
        opt.step();
        sched.step();
        out.push(sched.get_last_lr()[0].toPrecision(6));
    }
    return out.join(" ");
}
console.log('LambdaLR', lrs((o) => new S.LambdaLR(o, (epoch: number) => 0.95 ** epoch)));
console.log('MultiplicativeLR', lrs((o) => new S.MultiplicativeLR(o, (epoch: number) => 0.9)));
console.log('StepLR', lrs((o) => new S.StepLR(o, {step_size: 3, gamma: 0.5})));
console.log('MultiStepLR', lrs((o) => new S.MultiStepLR(o, {milestones: [2, 5], gamma: 0.1})));
console.log('ExponentialLR', lrs((o) => new S.ExponentialLR(o, {gamma: 0.8})));
console.log('CosineAnnealingLR', lrs((o) => new S.CosineAnnealingLR(o, {T_max: 5, eta_min: 0.001})));
console.log('CyclicLR', lrs((o) => new S.CyclicLR(o, {base_lr: 0.01, max_lr: 0.1, step_size_up: 3})));
console.log('OneCycleLR', lrs((o) => new S.OneCycleLR(o, {max_lr: 0.1, total_steps: 10})));
console.log('CosineAnnealingWarmRestarts', lrs((o) => new S.CosineAnnealingWarmRestarts(o, {T_0: 3, T_mult: 2})));
console.log('ConstantLR', lrs((o) => new S.ConstantLR(o, {factor: 0.5, total_iters: 4})));
console.log('LinearLR', lrs((o) => new S.LinearLR(o, {start_factor: 0.25, total_iters: 4})));
console.log('PolynomialLR', lrs((o) => new S.PolynomialLR(o, {total_iters: 6, power: 2.0})));
console.log('ChainedScheduler', lrs((o) => new S.ChainedScheduler([new S.ConstantLR(o, {factor: 0.1, total_iters: 2}), new S.ExponentialLR(o, {gamma: 0.9})])));
console.log('SequentialLR', lrs((o) => new S.SequentialLR(o, {schedulers: [new S.ConstantLR(o, {factor: 0.1, total_iters: 2}), new S.ExponentialLR(o, {gamma: 0.9})], milestones: [2]})));`,
    `const p_plateau = torch.zeros(1, {requires_grad: true});
const opt_plateau = new torch.optim.SGD([p_plateau], {lr: 0.1});
const plateau = new S.ReduceLROnPlateau(opt_plateau, {mode: 'min', factor: 0.5, patience: 1});
const seen: number[] = [];
for (const val_loss of [1.0, 0.9, 0.95, 0.97, 0.96, 0.99, 0.5, 0.6, 0.7]) {
    opt_plateau.step();
    plateau.step(val_loss);
    seen.push(opt_plateau.param_groups[0].lr);
}
console.log('ReduceLROnPlateau', seen.join(" "));`,
    `const args_ = {lr: 0.1};
function adjust_learning_rate(optimizer: torch.optim.Optimizer, epoch: number): void {
    const lr = args_.lr * (0.1 ** Math.floor(epoch / 30));
    for (const param_group of optimizer.param_groups) {
        param_group['lr'] = lr;
    }
}
const p_adj = torch.zeros(1, {requires_grad: true});
const opt_adj = new torch.optim.SGD([p_adj], {lr: args_.lr, momentum: 0.9});
const adjusted: number[] = [];
for (const e of [0, 29, 30, 59, 60, 95]) {
    adjust_learning_rate(opt_adj, e);
    adjusted.push(opt_adj.param_groups[0].lr);
}
console.log(adjusted.map((v) => v.toPrecision(6)).join(" "));`,
    // 6.3: freezing (a seeded resnet18 for the book's pretrained one)
    `function set_parameter_requires_grad(model: nn.Module, feature_extracting: boolean): void {
    if (feature_extracting) {
        for (const param of model.parameters()) {
            param.requires_grad = false;
        }
    }
}
const feature_extract = true;
// the pretrained model's stand-in: the weights saved before 5.4's training steps
const ft = loaded_resnet;
ft.load_state_dict(new_state_dict);
set_parameter_requires_grad(ft, feature_extract);
// 修改模型
const num_ftrs = 512;
ft.fc = new nn.Linear({in_features: num_ftrs, out_features: 4, bias: true});
console.log(ft.fc);
const trainable = [...ft.named_parameters()].filter(([, p]) => p.requires_grad).map(([n]) => n);
console.log(JSON.stringify(trainable), [...ft.parameters()].length);
const ft_opt = new torch.optim.SGD([...ft.parameters()].filter((p) => p.requires_grad), {lr: 0.1});
ft.train();
const before = ft.conv1.weight.clone();
const ft_loss = F.cross_entropy(ft(inputs), torch.tensor([1, 3]));
ft_loss.backward();
ft_opt.step();
console.log(ft_loss, torch.equal(before, ft.conv1.weight), ft.conv1.weight.grad, ft.fc.bias);`,
    // 7.1 / 7.2: the structure, feature maps through forward hooks, a torchinfo-like summary by hand
    `torch.manual_seed(4);
const r18 = models.resnet18();
console.log(r18);`,
    `class Hook {
    module_name: string[] = [];
    features_in_hook: torch.Tensor[][] = [];
    features_out_hook: torch.Tensor[] = [];
    call(module: nn.Module, fea_in: torch.Tensor[], fea_out: torch.Tensor): null {
        console.log("hooker working");
        this.module_name.push(module.constructor.name);
        this.features_in_hook.push(fea_in);
        this.features_out_hook.push(fea_out);
        return null;
    }
}
function plot_feature(model: nn.Module, name: string, inputs: torch.Tensor): void {
    const hh = new Hook();
    const layer = Object.fromEntries(model.named_children())[name];
    layer.register_forward_hook((m, i, o) => hh.call(m, i as torch.Tensor[], o as torch.Tensor));
    model.eval();
    const _ = model(inputs);
    console.log(JSON.stringify(hh.module_name));
    console.log(hh.features_in_hook[0][0].shape);
    console.log(hh.features_out_hook[0].shape);
    const out1 = hh.features_out_hook[0];
    const total_ft = out1.shape[1];
    const first_item = out1[0].cpu().clone();
    console.log(total_ft, first_item["0"].detach().sum(), first_item["5, :2, :2"]);
}
const img = torch.rand(1, 3, 64, 64);
plot_feature(r18, 'layer1', img);
plot_feature(r18, 'maxpool', img);`,
    `// summary(resnet18, (1, 3, 224, 224)) by hand, at 64 x 64, for the top-level layers
const rows: string[] = [];
const handles = r18.named_children().map(([name, m]) => m.register_forward_hook((mod, i, o) => {
    const n = [...mod.parameters()].reduce((s, p) => s + p.numel(), 0);
    rows.push(\`\${mod.constructor.name}: \${name} \${JSON.stringify((o as torch.Tensor).shape)} \${n}\`);
}));
r18(torch.zeros(1, 3, 64, 64));
handles.forEach((h) => h.remove());
console.log(rows.join("\\n"));
const total = [...r18.parameters()].reduce((s, p) => s + p.numel(), 0);
console.log(\`Total params: \${total.toLocaleString("en-US")}\`);`,
  ];
}
