/**
 * chenyuntc/pytorch-book (《深度学习框架PyTorch：入门与实践》, 2nd edition) Chapter2 (quick start) and
 * Chapter3 (Tensor and autograd), ported cell by cell and run as notebooks through `torchlab run` (the
 * kernel, its type checker and the notebook dialect), `import torch as t` as `const t = torch`. What a
 * cell displays is printed with console.log; the text must be PyTorch 1.13's
 * (test/reference/gen_pytorch_book.py, pytorch_book.json). Errors the book provokes print as
 * `ERR <class>: <message>` and must carry PyTorch's class and message.
 *
 * Stand-ins: seeded values where the book prints random or uninitialised ones (shapes for
 * `t.Tensor(5, 3)`), `.double()` for `.cuda(0)` (another recorded conversion), typed arrays for NumPy,
 * no plots. Left out (torchlab differs, see the report of this port): named tensors (`names=`,
 * `refine_names`, `align_to`), `storage()` / `data_ptr()`, NumPy's shared memory (`from_numpy` copies),
 * a second `y.backward()` through `y = x.sum()` (PyTorch's SumBackward0 saves no tensors; torchlab
 * frees every node), `grad_fn.apply(grad)`, and CIFAR-10 (a download).
 */
import * as fs from "fs";
import * as path from "path";
import { printedText, sectionsForSuite } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { torch } from "../../src";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "pytorch_book.json"), "utf8")) as {
  chapter2: { printed: string[] };
  chapter3: { printed: string[] };
  legacy: { sizes: number[][]; data: string; size_repr: string[]; double: string[]; new: string[]; long_default: [string, string] };
};

const CHAPTER2 = [
  `const t = torch;
let x = t.Tensor(5, 3);
console.log(x.shape);
let y = t.Tensor(5);
console.log(y.size());
let z = t.tensor([5]);
console.log(z.size());`,
  `t.manual_seed(0);
x = t.rand(5, 3);
console.log(x);
console.log(x.shape);
console.log(x.size()[1], x.size(1));
y = t.rand(5, 3);
console.log(x + y);
console.log(t.add(x, y));
const result = t.Tensor(5, 3);
t.add(x, y, {out: result});
console.log(result);`,
  `console.log('初始的y值');
console.log(y);
console.log('第一种加法，y的结果');
y.add(x);
console.log(y);
console.log('第二种加法，y的结果');
y.add_(x);
console.log(y);
console.log(x[":, 1"]);`,
  `let a = t.ones(5);
console.log(a);
let b = t.from_numpy(t.ones(5, {dtype: t.float64}).numpy());
console.log(b);
b.add_(1);
console.log(b);
let scalar = b[0];
console.log(scalar);
console.log(scalar.shape);
console.log(scalar.item());
let tensor = t.tensor([2]);
console.log(tensor, scalar);
console.log(tensor.size(), scalar.size());
console.log(tensor.item(), scalar.item());
tensor = t.tensor([3,4]);
scalar = t.tensor(3);
console.log(scalar);
const old_tensor = tensor;
let new_tensor = old_tensor.clone();
new_tensor[0] = 1111;
console.log(old_tensor, new_tensor);`,
  `x = t.randn(4,4);
y = x.view(16);
z = x.view(-1,8);
console.log(x.size(), y.size(), z.size());
const p = x.reshape(-1,8);
console.log(p.shape);
const x1 = t.randn(2,4,6);
const o1 = x1.permute([2,1,0]);
const o2 = x1.transpose(0,2);
console.log(\`o1 size\${o1.size()}\`);
console.log(\`o2 size\${o2.size()}\`);
console.log(\`o2 size \${o2.size()}\`);
new_tensor = old_tensor.detach();
new_tensor[0] = 1111;
console.log(old_tensor, new_tensor);
x = t.randn(3,2,1,1);
y = x.squeeze(-1);
z = x.unsqueeze(0);
const w = t.cat([x,x],0);
console.log(\`y size\${y.shape}\`);
console.log(\`z size\${z.shape}\`);
console.log(\`w size\${w.shape}\`);
x = t.randn(1);
console.log(x);
console.log(x.item());`,
  `const device = t.device(t.cuda.is_available() ? "cuda:0" : "cpu");
x = x.to(device);
y = y.to(x.device);
z = x+y;
console.log(z.shape);`,
  `x = t.ones(2, 2, {requires_grad: true});
console.log(x);
y = x.sum();
console.log(y);
console.log(y.grad_fn);
y.backward();
console.log(x.grad);`,
  `a = t.randn(2,2);
a = ((a*3)/(a-1));
console.log(a.requires_grad);
a.requires_grad_(true);
console.log(a.requires_grad);
b = (a*a).sum();
console.log(b.grad_fn);`,
  `class Net extends nn.Module {
  conv1: nn.Conv2d; conv2: nn.Conv2d; fc1: nn.Linear; fc2: nn.Linear; fc3: nn.Linear;
  constructor() {
    super();
    this.conv1 = new nn.Conv2d(1, 6, 5);
    this.conv2 = new nn.Conv2d(6, 16, 5);
    this.fc1 = new nn.Linear(16*5*5, 120);
    this.fc2 = new nn.Linear(120, 84);
    this.fc3 = new nn.Linear(84, 10);
  }
  forward(x: torch.Tensor): torch.Tensor {
    x = F.max_pool2d(F.relu(this.conv1(x)), [2, 2]);
    x = F.max_pool2d(F.relu(this.conv2(x)), 2);
    x = x.view(x.size()[0], -1);
    x = F.relu(this.fc1(x));
    x = F.relu(this.fc2(x));
    x = this.fc3(x);
    return x;
  }
}
torch.manual_seed(0);
let net = new Net();
console.log(net);
const params = [...net.parameters()];
console.log(params.length);
for (const [name, parameters] of net.named_parameters()) console.log(name, ':', parameters.size());`,
  `const input = torch.randn(1, 1, 32, 32);
let out = net(input);
console.log(out.size());
net.zero_grad();
out.backward(torch.ones(1, 10));
let output = net(input);
const target = torch.arange(0, 10).view(1, 10).float();
const criterion = new nn.MSELoss();
let loss = criterion(output, target);
console.log(loss);
net.zero_grad();
console.log('反向传播之前 conv1.bias的梯度');
console.log(net.conv1.bias!.grad);
loss.backward();
console.log('反向传播之后 conv1.bias的梯度');
console.log(net.conv1.bias!.grad);`,
  `const optimizer = new optim.SGD(net.parameters(), {lr: 0.01});
optimizer.zero_grad();
output = net(input);
loss = criterion(output, target);
loss.backward();
optimizer.step();
console.log(criterion(net(input), target));`,
];

const CHAPTER3 = [
  `const t = torch;
const a0 = t.Tensor(2, 3);
console.log(a0.shape, a0.dtype);`,
  `let b = t.Tensor([[1,2,3],[4,5,6]]);
console.log(b);
console.log(b.tolist());
const b_size = b.size();
console.log(b_size);
console.log(b.numel(), b.nelement());`,
  `let c = t.Tensor(b_size);
let d = t.Tensor([2, 3]);
console.log(c.shape, d);
console.log(t.Tensor());
console.log(t.tensor([]));`,
  `let a = t.tensor([2,3]);
console.log(a.type());
b = t.Tensor([2,3]);
console.log(b.type());`,
  `const arr = torch.ones([2, 3], {dtype: torch.float64}).numpy();
a = t.tensor(arr);
console.log(a);`,
  `console.log(t.ones(2, 3));
const input_tensor = t.tensor([[1, 2, 3], [4, 5, 6]]);
console.log(t.ones_like(input_tensor));
console.log(t.zeros(2, 3));
console.log(t.eye(2, 3, {dtype: t.int}));
console.log(t.arange(1, 6, 2));
console.log(t.linspace(1, 10, 3));
t.manual_seed(0);
console.log(t.randn(2, 3));
console.log(t.randperm(5));
const tensor3 = t.tensor([], {dtype: t.int32});
console.log(tensor3.new_ones([2, 3]));`,
  `a = t.rand(2, 3);
console.log(a.dtype);
t.set_default_tensor_type('torch.DoubleTensor');
a = t.rand(2, 3);
console.log(a.dtype);
t.set_default_tensor_type('torch.FloatTensor');`,
  `const b1 = a.type(t.FloatTensor);
const b2 = a.float();
console.log(a.dtype, b1.dtype, b2.dtype);
const an = a.new(2, 3);
console.log(an.shape, an.dtype);`,
  `a = t.randn(3, 4);
console.log(a);
console.log("查看第1行结果：", a[0]);
console.log("查看第2列结果：", a[":,1"]);
console.log("查看第2行最后两个元素：", a[1, "-2:"]);
console.log(a > 0);
console.log((a > 0).int());
console.log(a[a > 0]);
console.log(a.masked_select(a>0));
console.log(t.where(a > 0, a, t.zeros_like(a)));`,
  `a = t.arange(0, 16).view(4, 4);
console.log(a);
let index = t.tensor([[0,1,2,3]]);
console.log(a.gather(0, index));
index = t.tensor([[3,2,1,0]]).t();
console.log(a.gather(1, index));
index = t.tensor([[0,1,2,3],[3,2,1,0]]).t();
b = a.gather(1, index);
console.log(b);
c = t.zeros(4,4).long();
console.log(c.scatter_(1, index, b));
console.log(t.Tensor([1.]).item());`,
  `try { t.Tensor([1, 2]).item(); } catch (e) { console.log(\`ERR \${(e as Error).name}: \${(e as Error).message}\`); }`,
  `let x = t.arange(0,16).view(2,2,4);
console.log(x);
console.log(x[[1, 0], [1, 1], [2, 0]]);
console.log(x[[1, 0], [0], [1]]);`,
  `a = t.arange(0, 6).float().view(2, 3);
console.log(t.cos(a));
console.log(a % 3);
console.log(t.fmod(a, 3));
a = t.arange(0, 6).float().view(2, 3);
console.log(a);
console.log(t.clamp(a, {min: 2, max: 4}));
b = t.ones(2, 3);
console.log(b.sum({dim: 0, keepdim: true}), b.sum({dim: 0, keepdim: true}).shape);
console.log(b.sum({dim: 0, keepdim: false}), b.sum({dim: 0, keepdim: false}).shape);
a = t.arange(2, 8).view(2, 3);
console.log(a);
console.log(a.cumsum({dim: 1}));`,
  `a = t.linspace(0, 15, 6).view(2, 3);
b = t.linspace(15, 0, 6).view(2, 3);
console.log(a > b);
console.log("a中大于b的元素: ", a[a > b]);
console.log("a中最大的元素: ", t.max(a));
console.log(t.max(b, {dim: 1}));
console.log(t.max(a, b));`,
  `a = t.linspace(0, 15, 6).view(2, 3);
b = a.t();
console.log(b.is_contiguous());
b = b.contiguous();
console.log(b.is_contiguous());`,
  `const a_np = new Float32Array([1, 1, 1, 1, 1, 1]);
b = t.from_numpy({data: a_np, shape: [2, 3]});
console.log(b);
a_np[1] = -1;
console.log(b);`,
  `a = t.arange(0, 6).float();
b = a.view(2, 3);
a[1] = 100;
console.log(b);
c = a["2:"];
c[0] = -100;
console.log(a);`,
  `console.log(b);`,
  `console.log(a.storage_offset(), c.storage_offset());
let e = b["::2, ::2"];
console.log(e.is_contiguous());`,
  `const tensor = t.arange(24).reshape(2, 3, 4);
console.log(\`a.shape=\${tensor.shape}. a.size()=\${tensor.size()}\`);
console.log(\`这是个\${tensor.dim()}维Tensor, 总共\${tensor.numel()}个元素\`);`,
  `a = t.arange(1, 13);
b = a.view(2, 6);
c = a.reshape(2, 6);
console.log(a === b && b === c);
b = b.t();
console.log(b.reshape(-1, 4));`,
  `try { b.view(-1, 4); } catch (e) { console.log(\`ERR \${(e as Error).name}: \${(e as Error).message}\`); }`,
  `t.manual_seed(0);
let img_3xHxW = t.randn(3,128,256);
let img_3xHW = img_3xHxW.view(3, -1);
console.log(img_3xHW.mean({dim: 1}));
let alpha_HxW = t.rand(128,256);
const alpha_1xHxW = alpha_HxW[null];
const rgba_img = t.cat([alpha_1xHxW, img_3xHxW], {dim: 0});
console.log(rgba_img.shape);
alpha_HxW = alpha_1xHxW.view(128, 256);
const mask = t.arange(6).view(2,3);
console.log(mask);
console.log(mask.transpose(0,1));
console.log(mask.view(3,2));
img_3xHxW = t.randn(3,128,256);
const img_HxWx3 = img_3xHxW.permute(1,2,0);
console.log(img_HxWx3.is_contiguous());
console.log(img_HxWx3.reshape(-1));`,
  `const [H, W] = [4, 5];
img_3xHxW = t.randn(3, H, W);
img_3xHW = img_3xHxW.reshape(3, -1);
const img_3xWH = img_3xHxW.transpose(1, 2).reshape(3, -1);
const img_3xWxH = img_3xWH.reshape(3, W, H);
console.log(img_3xWxH);`,
  `const device = t.device('cpu');
t.manual_seed(1000);
function get_fake_data(batch_size = 8) {
  // 产生随机数据：y=x*2+3，加上了一些噪声
  const x = t.rand(batch_size, 1, {device: device}) * 5;
  const y = x * 2 + 3 + t.randn(batch_size, 1, {device: device});
  return [x, y];
}
let y: torch.Tensor;
[x, y] = get_fake_data(16);
console.log(x.squeeze().cpu(), y.squeeze().cpu());`,
  `let w = t.rand(1, 1).to(device);
b = t.zeros(1, 1).to(device);
let lr = 0.02;
for (let ii = 0; ii < 500; ii++) {
  [x, y] = get_fake_data(4);
  const y_pred = x.mm(w) + b.expand_as(y);
  let loss = 0.5 * (y_pred - y) ** 2;
  loss = loss.mean();
  const dloss = 1;
  const dy_pred = dloss * (y_pred - y);
  const dw = x.t().mm(dy_pred);
  const db = dy_pred.sum();
  w.sub_(lr * dw);
  b.sub_(lr * db);
  if (ii % 50 == 0) {
    x = t.arange(0, 6).float().view(-1, 1);
    console.log(x.type(), w.type());
    y = x.mm(w) + b.expand_as(x);
    const [x2, y2] = get_fake_data(32);
  }
}
console.log('w: ', w.item(), 'b: ', b.item());`,
  `a = t.randn(3,4, {requires_grad: true});
console.log(a.requires_grad);
a = t.randn(3, 4);
a.requires_grad = true;
b = t.zeros(3,4).requires_grad_();
c = (a + b).sum();
c.backward();
console.log(c);
console.log(a.grad);
console.log(a.requires_grad, b.requires_grad, c.requires_grad);
console.log(a.is_leaf, b.is_leaf, c.is_leaf);
a = t.rand(10, {requires_grad: true});
console.log(a.is_leaf);
b = t.rand(10, {requires_grad: true}).double();
console.log(b.is_leaf);
c = t.rand(10, {requires_grad: true}) + 2;
console.log(c.is_leaf);
d = t.rand(10).double();
console.log(d.requires_grad);
console.log(d.is_leaf);
e = t.rand(10).double().requires_grad_();
console.log(e.is_leaf);`,
  `function f(x: torch.Tensor) {
  // 计算y
  const y = x**2 * t.exp(x);
  return y;
}
function gradf(x: torch.Tensor) {
  // 手动求导函数
  const dx = 2*x*t.exp(x) + x**2*t.exp(x);
  return dx;
}
x = t.randn(3,4, {requires_grad: true});
y = f(x);
console.log(y);
y.backward(t.ones(y.size()));
console.log(x.grad);
console.log(gradf(x));`,
  `x = t.ones(1);
b = t.rand(1, {requires_grad: true});
w = t.rand(1, {requires_grad: true});
y = w * x;
let z = y + b;
console.log(x.requires_grad, b.requires_grad, w.requires_grad);
console.log(y.requires_grad);
console.log(z.grad_fn);
console.log(z.grad_fn!.next_functions);
console.log(y.grad_fn!.next_functions);
console.log(w.grad_fn, x.grad_fn);
z.backward({retain_graph: true});
console.log(w.grad);
z.backward();
console.log(w.grad);`,
  `try { z.backward(); } catch (e) { console.log(\`ERR \${(e as Error).name}: \${(e as Error).message}\`); }
try { w.add_(1); } catch (e) { console.log(\`ERR \${(e as Error).name}: \${(e as Error).message}\`); }`,
  `function abs(x: torch.Tensor) {
  if (x.data[0] > 0) return x;
  else return -x;
}
x = t.ones(1, {requires_grad: true});
y = abs(x);
y.backward();
console.log(x.grad);`,
  `function f2(x: torch.Tensor) {
  let result: any = 1;
  for (const ii of x) {
    if (ii.item() > 0) result = ii * result;
  }
  return result;
}
x = t.arange(-2, 4).float().requires_grad_();
y = f2(x);
y.backward();
console.log(x.grad);`,
  `x = t.ones(1, {requires_grad: true});
w = t.rand(1, {requires_grad: true});
y = x * w;
console.log(x.requires_grad, w.requires_grad, y.requires_grad);
t.no_grad(() => {
  x = t.ones(1);
  w = t.rand(1, {requires_grad: true});
  y = x * w;
});
console.log(x.requires_grad, w.requires_grad, y.requires_grad);
t.set_grad_enabled(false);
x = t.ones(1);
w = t.rand(1, {requires_grad: true});
y = x * w;
console.log(x.requires_grad, w.requires_grad, y.requires_grad);
t.set_grad_enabled(true);`,
  `a = t.ones(3,4, {requires_grad: true});
b = t.ones(3,4, {requires_grad: true});
c = a * b;
console.log(a.data);
console.log(a.data.requires_grad);`,
  `x = t.ones(3, {requires_grad: true});
w = t.rand(3, {requires_grad: true});
y = x * w;
z = y.sum();
console.log(x.requires_grad, w.requires_grad, y.requires_grad);
z.backward();
console.log(x.grad, w.grad, y.grad);`,
  `x = t.ones(3, {requires_grad: true});
w = t.rand(3, {requires_grad: true});
y = x * w;
z = y.sum();
console.log(t.autograd.grad(z, y));`,
  `function variable_hook(grad: torch.Tensor) {
  console.log('y的梯度：', grad);
}
x = t.ones(3, {requires_grad: true});
w = t.rand(3, {requires_grad: true});
y = x * w;
const hook_handle = y.register_hook(variable_hook);
z = y.sum();
z.backward();
hook_handle.remove();`,
  `const { Function } = torch.autograd;
class MultiplyAdd extends Function {
  static forward(ctx: torch.autograd.FunctionCtx, w: torch.Tensor, x: torch.Tensor, b: torch.Tensor): torch.Tensor {
    ctx.save_for_backward(w, x);
    const output = w * x + b;
    return output;
  }
  static backward(ctx: torch.autograd.FunctionCtx, grad_output: torch.Tensor): torch.Tensor[] {
    const [w, x] = ctx.saved_tensors;
    const grad_w = grad_output * x;
    const grad_x = grad_output * w;
    const grad_b = grad_output * 1;
    return [grad_w, grad_x, grad_b];
  }
}`,
  `x = t.ones(1);
w = t.rand(1, {requires_grad: true});
b = t.rand(1, {requires_grad: true});
z = MultiplyAdd.apply(w, x, b);
z.backward();
console.log(x.grad, w.grad, b.grad);`,
  `x = t.ones(1);
w = t.rand(1, {requires_grad: true});
b = t.rand(1, {requires_grad: true});
z = MultiplyAdd.apply(w, x, b);
console.log(z.grad_fn);`,
];

/** Printed text equals PyTorch's; an `ERR` line has PyTorch's class, and its message starts with PyTorch's (torchlab may add the shapes). */
function expectBook(got: string, want: string[]): void {
  // Objects printed by identity carry a made-up address, PyTorch's a real one: the fixture has neither.
  const g = got.replace(/\n$/, "").replace(/ object at 0x[0-9a-f]{12}>/g, " object>").split("\n");
  const w = want.join("\n").split("\n");
  expect(g.length).toBe(w.length);
  const plain = (lines: string[]) => lines.map((l) => (l.startsWith("ERR ") ? "ERR" : l)).join("\n");
  g.forEach((line, i) => {
    if (!w[i].startsWith("ERR ")) return;
    const [cls, ...msg] = w[i].slice(4).split(": ");
    expect(line.startsWith(`ERR ${cls}: `)).toBe(true);
    expect(line.slice(4 + cls.length + 2)).toContain(msg.join(": "));
  });
  expectSamePrint(plain(g), plain(w));
}

describe("pytorch-book Chapter2 and Chapter3 as notebooks through `torchlab run`", () => {
  // One notebook, one kernel: the second section starts from a reseeded torch, as a fresh kernel would.
  const nbs = sectionsForSuite("pytorch-book", { book: { chapter2: CHAPTER2, chapter3: CHAPTER3 } }, 300_000);

  test("Chapter2: t.Tensor(5, 3), t.add(x, y, {out}), in-place add_, item(), views, autograd and LeNet print as PyTorch's", () => {
    expectBook(printedText(nbs.chapter2), R.chapter2.printed);
  });

  test("Chapter3: creation, indexing, gather/scatter, dtypes, views, linear regression and autograd print as PyTorch's", () => {
    expectBook(printedText(nbs.chapter3), R.chapter3.printed);
  });
});

test("in a plain script: torch.Tensor(...) is the legacy constructor, x.new(...) keeps x's dtype, set_default_tensor_type", () => {
  const L = R.legacy;
  expect([torch.Tensor(2, 3).shape, torch.Tensor(torch.Size([4, 1])).shape, torch.Tensor().shape]).toEqual(L.sizes);
  expect(String(torch.Tensor([[1, 2], [3, 4]]))).toBe(L.data);
  expect(torch.Tensor(2) instanceof torch.Tensor).toBe(true);
  expect([torch.Size([4, 1]) instanceof torch.Size, String(torch.Size([4, 1])), String(new torch.Size([2]))]).toEqual([true, ...L.size_repr]);
  expect(() => new torch.Tensor([0] as never)).toThrow(TypeError);
  torch.set_default_tensor_type(torch.DoubleTensor);
  try {
    expect([String(torch.Tensor(2).dtype), String(torch.Tensor([1.5]).dtype)]).toEqual(L.double);
  } finally {
    torch.set_default_tensor_type("torch.FloatTensor");
  }
  const a = torch.zeros(1, { dtype: torch.float64 });
  expect([String(a.new(2, 3).shape), String(a.new(torch.Size([3])).dtype), String(a.new([1, 2])), String(a.new().shape)]).toEqual(L.new);
  const [cls, msg] = L.long_default;
  expect(() => torch.set_default_tensor_type("torch.LongTensor")).toThrow(msg);
  let name = "";
  try {
    torch.set_default_tensor_type("torch.LongTensor");
  } catch (e) {
    name = (e as Error).name;
  }
  expect(name).toBe(cls);
  expect(torch.get_default_dtype()).toBe(torch.float32);
});
