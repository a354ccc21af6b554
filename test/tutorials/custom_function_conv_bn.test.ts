/**
 * "Fusing Convolution and Batch Norm using Custom Function" (pytorch/tutorials intermediate_source/
 * custom_function_conv_bn_tutorial.py) ported line by line against PyTorch 1.13
 * (test/reference/gen_custom_function_conv_bn.py): Conv2D with a once_differentiable backward
 * (conv2d and conv_transpose2d), BatchNorm with the tutorial's hand-derived backward (in-place
 * arithmetic on [C]-sized and NCHW buffers), FusedConvBN2DFunction recomputing the convolution in
 * backward, each checked with gradcheck; then the FusedConvBN module in the example's Net, trained
 * fused and unfused with Adadelta + StepLR. As in the generator: MNIST is replaced by the synthetic
 * digits (batches of 8), the gradcheck inputs are drawn in float32 after torch.manual_seed(0), and the
 * CUDA peak-memory comparison is not made (the printouts and the final fc2 bias are compared instead).
 */
import { torch } from "../../src";
import { digits, expectSamePrint, expectTensor, type Encoded } from "./_tutorial";
import { readReference } from "../tensor/fixtures";

const { nn } = torch;
const F = nn.functional;
const { once_differentiable } = torch.autograd;
const { DataLoader, TensorDataset, len } = torch.utils.data;
type Tensor = InstanceType<typeof torch.Tensor>;
type Ctx = torch.autograd.FunctionCtx;
type Loader = InstanceType<typeof DataLoader<Tensor[], Tensor[]>>;
const R = readReference<Record<string, unknown>>("custom_function_conv_bn.json");

const rand = (...shape: number[]): Tensor => torch.rand(...shape).double().requires_grad_();

function convolution_backward(grad_out: Tensor, X: Tensor, weight: Tensor): [Tensor, Tensor] {
  const grad_input = F.conv2d(X.transpose(0, 1), grad_out.transpose(0, 1)).transpose(0, 1);
  const grad_X = F.conv_transpose2d(grad_out, weight);
  return [grad_X, grad_input];
}

class Conv2D extends torch.autograd.Function {
  static forward(ctx: Ctx, X: Tensor, weight: Tensor): Tensor {
    ctx.save_for_backward(X, weight);
    return F.conv2d(X, weight);
  }

  // Use @once_differentiable by default unless we intend to double backward
  static backward = once_differentiable((ctx: Ctx, grad_out: Tensor) => {
    const [X, weight] = ctx.saved_tensors;
    return convolution_backward(grad_out, X, weight);
  });
}

// Helper function to unsqueeze all the dimensions that we reduce over
const unsqueeze_all = (t: Tensor): Tensor => t.index("None, :, None, None");

function batch_norm_backward(grad_out: Tensor, X: Tensor, sum: Tensor, sqrt_var: Tensor, N: number, eps: number): Tensor {
  const tmp = X.sub(unsqueeze_all(sum).div(N)).mul(grad_out).sum({ dim: [0, 2, 3] }).neg();
  const d_denom = tmp.div(sqrt_var.add(eps).pow(2)); // d_denom = -num / denom**2
  const d_var = d_denom.div(sqrt_var.mul(2)); // denom = torch.sqrt(var) + eps
  // Compute d_mean_dx before allocating the final NCHW-sized grad_input buffer
  let d_mean_dx = grad_out.div(unsqueeze_all(sqrt_var.add(eps)));
  d_mean_dx = unsqueeze_all(d_mean_dx.sum({ dim: [0, 2, 3] }).neg().div(N));

  // (1) unbiased_var(x) = ((X - unsqueeze_all(mean))**2).sum(dim=(0, 2, 3)) / (N - 1)
  const grad_input = X.mul(unsqueeze_all(d_var.mul(N)));
  grad_input.add_(unsqueeze_all(d_var.neg().mul(sum)));
  grad_input.mul_(2 / ((N - 1) * N));
  // (2) mean (see above)
  grad_input.add_(d_mean_dx);
  // (3) Add 'grad_out / <factor>' without allocating an extra buffer
  grad_input.mul_(unsqueeze_all(sqrt_var.add(eps)));
  grad_input.add_(grad_out);
  grad_input.div_(unsqueeze_all(sqrt_var.add(eps))); // sqrt_var + eps > 0!
  return grad_input;
}

class BatchNorm extends torch.autograd.Function {
  static forward(ctx: Ctx, X: Tensor, eps = 1e-3): Tensor {
    // Don't save keepdim'd values for backward
    const sum = X.sum({ dim: [0, 2, 3] });
    const variance = X.var({ unbiased: true, dim: [0, 2, 3] });
    const N = X.numel() / X.size(1);
    const sqrt_var = torch.sqrt(variance);
    ctx.save_for_backward(X);
    ctx.eps = eps;
    ctx.sum = sum;
    ctx.N = N;
    ctx.sqrt_var = sqrt_var;
    const mean = sum.div(N);
    const denom = sqrt_var.add(eps);
    return X.sub(unsqueeze_all(mean)).div(unsqueeze_all(denom));
  }

  static backward = once_differentiable((ctx: Ctx, grad_out: Tensor) => {
    const [X] = ctx.saved_tensors;
    return batch_norm_backward(grad_out, X, ctx.sum as Tensor, ctx.sqrt_var as Tensor, ctx.N as number, ctx.eps as number);
  });
}

class FusedConvBN2DFunction extends torch.autograd.Function {
  static forward(ctx: Ctx, X: Tensor, conv_weight: Tensor, eps = 1e-3): Tensor {
    expect(X.ndim).toBe(4); // N, C, H, W
    // (1) Only need to save this single buffer for backward!
    ctx.save_for_backward(X, conv_weight);

    // (2) Exact same Conv2D forward from example above
    X = F.conv2d(X, conv_weight);
    // (3) Exact same BatchNorm2D forward from example above
    const sum = X.sum({ dim: [0, 2, 3] });
    const variance = X.var({ unbiased: true, dim: [0, 2, 3] });
    const N = X.numel() / X.size(1);
    const sqrt_var = torch.sqrt(variance);
    ctx.eps = eps;
    ctx.sum = sum;
    ctx.N = N;
    ctx.sqrt_var = sqrt_var;
    const mean = sum.div(N);
    const denom = sqrt_var.add(eps);
    // Instead of `out = (X - a) / b`, doing `out = X - a; out /= b`
    const out = X.sub(unsqueeze_all(mean));
    out.div_(unsqueeze_all(denom));
    return out;
  }

  static backward(ctx: Ctx, grad_out: Tensor): (Tensor | null)[] {
    const [X, conv_weight] = ctx.saved_tensors;
    // (4) Batch norm backward
    // (5) We need to recompute conv
    const X_conv_out = F.conv2d(X, conv_weight);
    grad_out = batch_norm_backward(grad_out, X_conv_out, ctx.sum as Tensor, ctx.sqrt_var as Tensor, ctx.N as number, ctx.eps as number);
    // (6) Conv2d backward
    const [grad_X, grad_input] = convolution_backward(grad_out, X, conv_weight);
    return [grad_X, grad_input, null, null, null, null, null];
  }
}

class FusedConvBN extends nn.Module {
  conv_weight: InstanceType<typeof nn.Parameter>;
  num_features: number;
  eps: number;

  constructor(in_channels: number, out_channels: number, kernel_size: number, exp_avg_factor = 0.1, eps = 1e-3) {
    super();
    void exp_avg_factor;
    // Conv parameters
    const weight_shape = [out_channels, in_channels, kernel_size, kernel_size];
    this.conv_weight = new nn.Parameter(torch.empty(...weight_shape));
    // Batch norm parameters
    const num_features = out_channels;
    this.num_features = num_features;
    this.eps = eps;
    // Initialize
    this.reset_parameters();
  }

  forward(X: Tensor): Tensor {
    return FusedConvBN2DFunction.apply(X, this.conv_weight, this.eps);
  }

  reset_parameters(): void {
    nn.init.kaiming_uniform_(this.conv_weight, { a: Math.sqrt(5) });
  }
}

test("Conv2D, BatchNorm and FusedConvBN2DFunction pass gradcheck", () => {
  // (gradcheck of Conv2D on the tutorial's [10, 3, 7, 7] input: ~3200 forward passes and 1250 backward ones)
  torch.manual_seed(0);
  // When testing with gradcheck, it is important to use double precision
  let weight = rand(5, 3, 3, 3);
  let X = rand(10, 3, 7, 7);
  expect(torch.autograd.gradcheck((X: Tensor, w: Tensor) => Conv2D.apply(X, w), [X, weight])).toBe(R.conv_gradcheck);
  X.grad = null;
  Conv2D.apply(X, weight).sum().backward();
  expectTensor(X.grad!, R.conv_x_grad as Encoded, 1e-4);
  // once_differentiable: differentiating its result again raises, as in PyTorch
  const v = torch.ones([10, 5, 5, 5], { dtype: torch.double, requires_grad: true });
  const [g] = torch.autograd.grad(Conv2D.apply(X, weight), X, v, { create_graph: true });
  expect(() => g.sum().backward()).toThrow((R.once_differentiable_error as [string, string])[1]);

  const a = rand(1, 2, 3, 4);
  expect(torch.autograd.gradcheck((a: Tensor) => BatchNorm.apply(a), [a], { fast_mode: false })).toBe(R.bn_gradcheck);
  expectTensor(BatchNorm.apply(a), R.bn_out as Encoded);
  BatchNorm.apply(a).pow(3).sum().backward();
  expectTensor(a.grad!, R.bn_a_grad as Encoded, 1e-3);

  // Use gradcheck to validate the correctness of our backward formula
  weight = rand(5, 3, 3, 3);
  X = rand(2, 3, 4, 4);
  expect(torch.autograd.gradcheck((X: Tensor, w: Tensor) => FusedConvBN2DFunction.apply(X, w), [X, weight])).toBe(R.fused_gradcheck);
  FusedConvBN2DFunction.apply(X, weight).pow(2).sum().backward();
  expectTensor(X.grad!, R.fused_x_grad as Encoded, 1e-3);
  expectTensor(weight.grad!, R.fused_w_grad as Encoded, 1e-3);
}, 600_000);

class Net extends nn.Module {
  fused: boolean;
  convbn1?: FusedConvBN;
  convbn2?: FusedConvBN;
  conv1?: InstanceType<typeof nn.Conv2d>;
  bn1?: InstanceType<typeof nn.BatchNorm2d>;
  conv2?: InstanceType<typeof nn.Conv2d>;
  bn2?: InstanceType<typeof nn.BatchNorm2d>;
  fc1: InstanceType<typeof nn.Linear>;
  dropout: InstanceType<typeof nn.Dropout>;
  fc2: InstanceType<typeof nn.Linear>;

  constructor(fused = true) {
    super();
    this.fused = fused;
    if (fused) {
      this.convbn1 = new FusedConvBN(1, 32, 3);
      this.convbn2 = new FusedConvBN(32, 64, 3);
    } else {
      this.conv1 = new nn.Conv2d(1, 32, 3, 1, { bias: false });
      this.bn1 = new nn.BatchNorm2d(32, { affine: false, track_running_stats: false });
      this.conv2 = new nn.Conv2d(32, 64, 3, 1, { bias: false });
      this.bn2 = new nn.BatchNorm2d(64, { affine: false, track_running_stats: false });
    }
    this.fc1 = new nn.Linear(9216, 128);
    this.dropout = new nn.Dropout(0.5);
    this.fc2 = new nn.Linear(128, 10);
  }

  forward(x: Tensor): Tensor {
    if (this.fused) {
      x = this.convbn1!(x);
    } else {
      x = this.conv1!(x);
      x = this.bn1!(x);
    }
    x = F.relu(x);
    if (this.fused) {
      x = this.convbn2!(x);
    } else {
      x = this.conv2!(x);
      x = this.bn2!(x);
    }
    x = F.relu(x);
    x = F.max_pool2d(x, 2);
    x = F.relu(x);
    x = x.flatten(1);
    x = this.fc1(x);
    x = this.dropout(x);
    x = F.relu(x);
    x = this.fc2(x);
    const output = F.log_softmax(x, { dim: 1 });
    return output;
  }
}

test("FusedConvBN trains a basic network as the unfused one does", () => {
  let printed: string[] = [];

  function train(model: Net, device: string, train_loader: Loader, optimizer: InstanceType<typeof torch.optim.Adadelta>, epoch: number): void {
    model.train();
    let batch_idx = 0;
    for (let [data, target] of train_loader) {
      [data, target] = [data.to(device), target.to(device)];
      optimizer.zero_grad();
      const output = model(data);
      const loss = F.nll_loss(output, target);
      loss.backward();
      optimizer.step();
      if (batch_idx % 2 === 0) {
        printed.push(
          `Train Epoch: ${epoch} [${batch_idx * len(data)}/${len(train_loader.dataset)} (${((100 * batch_idx) / len(train_loader)).toFixed(0)}%)]\tLoss: ${loss.item().toFixed(6)}`,
        );
      }
      batch_idx++;
    }
  }

  function test(model: Net, device: string, test_loader: Loader): void {
    model.eval();
    let test_loss = 0;
    let correct = 0;
    // Use inference mode instead of no_grad, for free improved test-time performance
    torch.inference_mode(() => {
      for (let [data, target] of test_loader) {
        [data, target] = [data.to(device), target.to(device)];
        const output = model(data);
        // sum up batch loss
        test_loss += F.nll_loss(output, target, { reduction: "sum" }).item();
        // get the index of the max log-probability
        const pred = output.argmax({ dim: 1, keepdim: true });
        correct += pred.eq(target.view_as(pred)).sum().item();
      }
    });
    const n = len(test_loader.dataset);
    test_loss /= n;
    printed.push(`\nTest set: Average loss: ${test_loss.toFixed(4)}, Accuracy: ${correct}/${n} (${((100 * correct) / n).toFixed(0)}%)\n`);
  }

  const device = "cpu";
  const [tx, ty] = digits(24, 0);
  const [vx, vy] = digits(10, 5);
  const dataset1 = new TensorDataset(tx.sub(0.1307).div(0.3081), ty);
  const dataset2 = new TensorDataset(vx.sub(0.1307).div(0.3081), vy);
  const train_loader: Loader = new DataLoader(dataset1, { batch_size: 8 });
  const test_loader: Loader = new DataLoader(dataset2, { batch_size: 8 });

  const runs = R.runs as Record<string, { printed: string[]; fc2_bias: Encoded }>;
  for (const fused of [true, false]) {
    torch.manual_seed(123456);
    printed = [];
    const model = new Net(fused).to(device);
    const optimizer = new torch.optim.Adadelta(model.parameters(), { lr: 1.0 });
    const scheduler = new torch.optim.lr_scheduler.StepLR(optimizer, { step_size: 1, gamma: 0.7 });

    for (let epoch = 0; epoch < 2; epoch++) {
      train(model, device, train_loader, optimizer, epoch);
      test(model, device, test_loader);
      scheduler.step();
    }
    const want = runs[fused ? "fused" : "unfused"];
    expect(printed.length).toBe(want.printed.length);
    want.printed.forEach((line, i) => expectSamePrint(printed[i], line, 2e-3));
    expectTensor(model.fc2.bias!, want.fc2_bias, 2e-3);
  }
}, 300_000);
