/**
 * A small conv net (conv-bn-relu-pool twice, then linear) trains on Fashion-MNIST-sized input to a
 * falling loss on the active backend (wasm by default), and a training step stays vectorised and leak-free.
 */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";

const nn = torch.nn;
const F = torch.nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;

class Net extends nn.Module {
  conv1 = new nn.Conv2d(1, 8, { kernel_size: 3, padding: 1 });
  bn1 = new nn.BatchNorm2d(8);
  pool = new nn.MaxPool2d(2, { stride: 2 });
  conv2 = new nn.Conv2d(8, 16, 3, 1, 1);
  bn2 = new nn.BatchNorm2d(16);
  fc = new nn.Linear(16 * 7 * 7, 10);
  forward(x: Tensor): Tensor {
    let h = this.pool(F.relu(this.bn1(this.conv1(x))));
    h = this.pool(F.relu(this.bn2(this.conv2(h))));
    return this.fc(h.flatten(1));
  }
}

/** Ten separable "classes": each is a fixed random 28x28 pattern plus noise. */
function batch(patterns: Tensor, n: number): [Tensor, Tensor] {
  const y = torch.randint(0, 10, [n]);
  const x = patterns.index_select(0, y).add(torch.randn(n, 1, 28, 28).mul(0.5));
  return [x, y];
}

/** Calls of the active backend's kernels while `run` runs (a measure of per-step work that no machine load changes). */
function kernelCalls(run: () => void): number {
  let calls = 0;
  const configs = tf.getKernelsForBackend(tf.getBackend());
  const originals = configs.map((c) => c.kernelFunc);
  configs.forEach((c, i) => {
    c.kernelFunc = ((args: Parameters<tf.KernelFunc>[0]) => {
      calls++;
      return originals[i](args);
    }) as tf.KernelFunc;
  });
  try {
    run();
  } finally {
    configs.forEach((c, i) => (c.kernelFunc = originals[i]));
  }
  return calls;
}

// The pure-JavaScript cpu backend takes ~10 s per step here; the requirement is about wasm (and native).
const slowBackend = (): boolean => torch.backend().startsWith("cpu");

test("a small conv net trains to a falling loss", () => {
  if (slowBackend()) {
    console.warn("skipped on the pure-JavaScript cpu backend: run with the default (wasm) backend");
    return;
  }
  torch.manual_seed(0);
  const net = new Net();
  const opt = new torch.optim.SGD(net.parameters(), { lr: 0.05, momentum: 0.9 });
  const patterns = torch.randn(10, 1, 28, 28);
  const losses: number[] = [];
  const step = (n: number): void => {
    const [x, y] = batch(patterns, n);
    const loss = F.cross_entropy(net(x), y);
    opt.zero_grad();
    loss.backward();
    opt.step();
    losses.push(loss.item());
  };
  const steps = 30;
  for (let i = 0; i < steps; i++) step(32);
  const first = losses.slice(0, 5).reduce((a, b) => a + b) / 5;
  const last = losses.slice(-5).reduce((a, b) => a + b) / 5;
  expect(last).toBeLessThan(first * 0.5);
  net.eval();
  const [x, y] = batch(patterns, 64);
  const acc = torch.no_grad(() => net(x).argmax(1).eq(y).float().mean().item());
  expect(acc).toBeGreaterThan(0.8);
  // A step runs about the same number of backend kernels whatever the batch (82 at batch 64, 64 at
  // batch 8: size-dependent fast paths), so nothing in forward, backward or the optimizer loops per
  // sample, which would multiply it by 8. How fast the kernels are is bench/run.js's to measure.
  net.train();
  const calls8 = kernelCalls(() => step(8));
  expect(calls8).toBeGreaterThan(0);
  expect(kernelCalls(() => step(64))).toBeLessThan(2 * calls8);
});

test("forward and backward through the vision ops leave no tensors behind", async () => {
  const net = new Net();
  const run = (): void => {
    const x = torch.randn(4, 1, 28, 28);
    const out = F.interpolate(F.pad(net(x).view(4, 1, 2, 5), [1, 1, 1, 1], { mode: "reflect" }), { scale_factor: 2, mode: "bilinear" });
    const pooled = F.adaptive_max_pool2d(F.avg_pool2d(out, 2), [2, 3]);
    pooled.sum().backward();
    net.zero_grad();
  };
  run();
  await new Promise((r) => setTimeout(r, 0));
  torch._collect();
  await new Promise((r) => setTimeout(r, 0));
  const before = torch.memory().numTensors;
  for (let i = 0; i < 5; i++) run();
  await new Promise((r) => setTimeout(r, 0));
  torch._collect();
  await new Promise((r) => setTimeout(r, 0));
  expect(torch.memory().numTensors).toBeLessThanOrEqual(before);
});
