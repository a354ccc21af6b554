/**
 * d2l-zh chapter_convolutional-neural-networks (PyTorch tabs) ported line by line against PyTorch 1.13
 * (test/reference/gen_d2l_cnn.py): conv-layer (corr2d from scratch, the edge detector, learning the
 * kernel with `conv2d.weight.data[:] -= lr * grad`), padding-and-strides, channels (corr2d_multi_in_out,
 * the 1x1 convolution as a matmul), pooling (pool2d from scratch, MaxPool2d with padding and stride) and
 * lenet (the layer-by-layer shapes, train_ch6 on a Fashion-MNIST stand-in). What the chapter prints and
 * each cell's last value must print as PyTorch prints them. Python's `float(t)` is `Number(t)`.
 */
import { torch } from "../../src";
import { expectSamePrint } from "./_tutorial";
import { d2lReference, printer, load_data_fashion_mnist, train_ch6, expectClose } from "./_d2l_cnn";

const { nn } = torch;
type Tensor = InstanceType<typeof torch.Tensor>;
// JavaScript has no float literal (`0.0 === 0`): a plain script names the dtype the chapter's `0.0` implies
// (notebook cells need not: d2l_cnn_notebook.test.ts).
const F32 = { dtype: torch.float32 };
const R = (section: string) => d2lReference("d2l_cnn.json", section);
const want = (section: string) => (R(section).printed as string[]).join("\n");

function corr2d(X: Tensor, K: Tensor): Tensor {
  const [h, w] = K.shape;
  const Y = torch.zeros([X.shape[0] - h + 1, X.shape[1] - w + 1]);
  for (let i = 0; i < Y.shape[0]; i++) {
    for (let j = 0; j < Y.shape[1]; j++) {
      Y.setitem([i, j], X.index(`${i}:${i + h}, ${j}:${j + w}`).mul(K).sum());
    }
  }
  return Y;
}

test("conv-layer: corr2d, the edge detector and learning the kernel", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  let X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]], F32);
  let K = torch.tensor([[0.0, 1.0], [2.0, 3.0]], F32);
  print(corr2d(X, K));

  class Conv2D extends nn.Module {
    weight: InstanceType<typeof nn.Parameter>;
    bias: InstanceType<typeof nn.Parameter>;
    constructor(kernel_size: [number, number]) {
      super();
      this.weight = new nn.Parameter(torch.rand(kernel_size));
      this.bias = new nn.Parameter(torch.zeros(1));
    }
    forward(x: Tensor): Tensor {
      return corr2d(x, this.weight).add(this.bias);
    }
  }
  const scratch = new Conv2D([2, 2]);
  print(scratch(X));

  X = torch.ones([6, 8]);
  X.setitem(":, 2:6", 0);
  print(X);
  K = torch.tensor([[1.0, -1.0]], F32);
  let Y = corr2d(X, K);
  print(Y);
  print(corr2d(X.t(), K));

  const conv2d = new nn.Conv2d(1, 1, { kernel_size: [1, 2], bias: false });
  X = X.reshape([1, 1, 6, 8]);
  Y = Y.reshape([1, 1, 6, 7]);
  const lr = 3e-2;
  for (let i = 0; i < 10; i++) {
    const Y_hat = conv2d(X);
    const l = Y_hat.sub(Y).pow(2);
    conv2d.zero_grad();
    l.sum().backward();
    conv2d.weight.data.index(":").sub_(conv2d.weight.grad!.mul(lr));
    if ((i + 1) % 2 === 0) print(`epoch ${i + 1}, loss ${l.sum().item().toFixed(3)}`);
  }
  print(torch.reshape(conv2d.weight.data, [1, 2]));
  expectSamePrint(printed.join("\n"), want("conv_layer"));
});

test("padding-and-strides: output shapes of comp_conv2d", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  function comp_conv2d(conv2d: InstanceType<typeof nn.Conv2d>, X: Tensor): Tensor {
    X = X.reshape([1, 1, ...X.shape]);
    const Y = conv2d(X);
    return Y.reshape(Y.shape.slice(2));
  }
  let conv2d = new nn.Conv2d(1, 1, { kernel_size: 3, padding: 1 });
  const X = torch.rand({ size: [8, 8] });
  print(comp_conv2d(conv2d, X).shape);
  conv2d = new nn.Conv2d(1, 1, { kernel_size: [5, 3], padding: [2, 1] });
  print(comp_conv2d(conv2d, X).shape);
  conv2d = new nn.Conv2d(1, 1, { kernel_size: 3, padding: 1, stride: 2 });
  print(comp_conv2d(conv2d, X).shape);
  conv2d = new nn.Conv2d(1, 1, { kernel_size: [3, 5], padding: [0, 1], stride: [3, 4] });
  const Y = comp_conv2d(conv2d, X);
  print(Y.shape);
  print(Y);
  expectSamePrint(printed.join("\n"), want("padding_and_strides"));
});

test("channels: multiple input and output channels, 1x1 convolution as matmul", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  function corr2d_multi_in(X: Tensor, K: Tensor): Tensor {
    return [...X].map((x, i) => corr2d(x, K.get(i))).reduce((a, b) => a.add(b));
  }
  let X = torch.tensor([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]],
                        [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]], F32);
  let K = torch.tensor([[[0.0, 1.0], [2.0, 3.0]], [[1.0, 2.0], [3.0, 4.0]]], F32);
  print(corr2d_multi_in(X, K));

  function corr2d_multi_in_out(X: Tensor, K: Tensor): Tensor {
    return torch.stack([...K].map((k) => corr2d_multi_in(X, k)), 0);
  }
  K = torch.stack([K, K.add(1), K.add(2)], 0);
  print(K.shape);
  print(corr2d_multi_in_out(X, K));

  function corr2d_multi_in_out_1x1(X: Tensor, K: Tensor): Tensor {
    const [c_i, h, w] = X.shape;
    const c_o = K.shape[0];
    X = torch.reshape(X, [c_i, h * w]);
    K = torch.reshape(K, [c_o, c_i]);
    const Y = torch.matmul(K, X);
    return torch.reshape(Y, [c_o, h, w]);
  }
  X = torch.normal(0, 1, [3, 3, 3]);
  K = torch.normal(0, 1, [2, 3, 1, 1]);
  const Y1 = corr2d_multi_in_out_1x1(X, K);
  const Y2 = corr2d_multi_in_out(X, K);
  expect(Number(torch.sum(torch.abs(Y1.sub(Y2))))).toBeLessThan(1e-6);
  print(Y1);
  expectSamePrint(printed.join("\n"), want("channels"));
});

test("pooling: pool2d from scratch, MaxPool2d padding and stride, multiple channels", () => {
  const [printed, print] = printer();
  function pool2d(X: Tensor, pool_size: [number, number], mode = "max"): Tensor {
    const [p_h, p_w] = pool_size;
    const Y = torch.zeros([X.shape[0] - p_h + 1, X.shape[1] - p_w + 1]);
    for (let i = 0; i < Y.shape[0]; i++) {
      for (let j = 0; j < Y.shape[1]; j++) {
        if (mode === "max") Y.setitem([i, j], X.index(`${i}:${i + p_h}, ${j}:${j + p_w}`).max());
        else if (mode === "avg") Y.setitem([i, j], X.index(`${i}:${i + p_h}, ${j}:${j + p_w}`).mean());
      }
    }
    return Y;
  }
  let X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]], F32);
  print(pool2d(X, [2, 2]));
  print(pool2d(X, [2, 2], "avg"));
  X = torch.reshape(torch.arange(16, { dtype: torch.float32 }), [1, 1, 4, 4]);
  print(X);
  let pool = new nn.MaxPool2d(3);
  print(pool(X));
  pool = new nn.MaxPool2d(3, { padding: 1, stride: 2 });
  print(pool(X));
  pool = new nn.MaxPool2d([2, 3], { stride: [2, 3], padding: [0, 1] });
  print(pool(X));
  X = torch.cat([X, X.add(1)], 1);
  print(X);
  pool = new nn.MaxPool2d(3, { padding: 1, stride: 2 });
  print(pool(X));
  expectSamePrint(printed.join("\n"), want("pooling"));
});

test("lenet: layer-by-layer output shapes and train_ch6 on a stand-in", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  const net = new nn.Sequential(
    new nn.Conv2d(1, 6, { kernel_size: 5, padding: 2 }), new nn.Sigmoid(),
    new nn.AvgPool2d({ kernel_size: 2, stride: 2 }),
    new nn.Conv2d(6, 16, { kernel_size: 5 }), new nn.Sigmoid(),
    new nn.AvgPool2d({ kernel_size: 2, stride: 2 }),
    new nn.Flatten(),
    new nn.Linear(16 * 5 * 5, 120), new nn.Sigmoid(),
    new nn.Linear(120, 84), new nn.Sigmoid(),
    new nn.Linear(84, 10));
  let X = torch.rand({ size: [1, 1, 28, 28], dtype: torch.float32 });
  for (const layer of net) {
    X = layer(X);
    print(layer.constructor.name, "output shape: \t", X.shape);
  }
  const batch_size = 16;
  const [train_iter, test_iter] = load_data_fashion_mnist(batch_size);
  const [lr, num_epochs] = [0.9, 2];
  const points = train_ch6(net, train_iter, test_iter, num_epochs, lr, torch.device("cpu"), print);
  expectSamePrint(printed.join("\n"), want("lenet"));
  expectClose(points, R("lenet").points, 1e-4, "points");
  expectClose(net(X.new_ones(1, 1, 28, 28)).tolist(), R("lenet").out, 1e-4, "out");
});
