/**
 * One training step of the small net of PyTorch's "training a classifier" tutorial (conv 3->6 5x5,
 * MaxPool 2, conv 6->16 5x5, fc 120/84/10, batch 4, CrossEntropyLoss, SGD with momentum) on wasm:
 * the backend kernel calls of each phase, so that the count cannot grow back silently (bench/
 * kernel_counts.js prints the same), and the step's gradients and updated parameters against the cpu
 * backend, which runs none of the fused paths (F.linear's TorchlabLinear / TorchlabLinearGrads, ReLU's
 * threshold backward inside max pooling's and F.linear's gradient kernels, the convolutions' WebAssembly
 * SIMD products). A gradient that someone
 * observes between a ReLU and the op after it (retain_grad, a tensor hook, autograd.grad) is the
 * unmasked one, as on the cpu backend.
 */
import { tf } from "../../src/backend/tf";
import { torch } from "../../src";
import { onCpu } from "../cpu_backend";

type Tensor = InstanceType<typeof torch.Tensor>;
const nn = torch.nn;
const F = nn.functional;

function net(): InstanceType<typeof nn.Sequential> {
  torch.manual_seed(0);
  return new nn.Sequential(
    new nn.Conv2d(3, 6, 5), new nn.ReLU(), new nn.MaxPool2d(2, 2),
    new nn.Conv2d(6, 16, 5), new nn.ReLU(), new nn.MaxPool2d(2, 2),
    new nn.Flatten(), new nn.Linear(16 * 5 * 5, 120), new nn.ReLU(), new nn.Linear(120, 84), new nn.ReLU(), new nn.Linear(84, 10));
}

function inputs(): [Tensor, Tensor] {
  torch.manual_seed(1);
  return [torch.randn(4, 3, 32, 32), torch.tensor([3, 0, 9, 1])];
}

/** Counts the active backend's kernel calls by name while `f` runs. */
function kernelCalls(f: () => void): Map<string, number> {
  const counts = new Map<string, number>();
  const wrapped: [tf.KernelConfig, tf.KernelFunc][] = [];
  for (const config of tf.getKernelsForBackend(tf.getBackend())) {
    const run = config.kernelFunc;
    wrapped.push([config, run]);
    config.kernelFunc = (args) => {
      counts.set(config.kernelName, (counts.get(config.kernelName) ?? 0) + 1);
      return run(args);
    };
  }
  try {
    f();
  } finally {
    for (const [config, run] of wrapped) config.kernelFunc = run;
  }
  return counts;
}

const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

/** The parameters' gradients and values after one step (values flattened). */
function step(): { loss: number; grads: number[][]; params: number[][] } {
  const model = net();
  const opt = new torch.optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
  const [x, y] = inputs();
  opt.zero_grad();
  const loss = new nn.CrossEntropyLoss()(model(x), y);
  loss.backward();
  const grads = [...model.parameters()].map((p) => Array.from(p.grad!.dataSync()));
  opt.step();
  return { loss: loss.item(), grads, params: [...model.parameters()].map((p) => Array.from(p.dataSync())) };
}

function expectClose(got: number[][], want: number[][]): void {
  expect(got.map((g) => g.length)).toEqual(want.map((w) => w.length));
  const worst = got.reduce((m, g, i) => g.reduce((mm, v, j) => Math.max(mm, Math.abs(v - want[i][j]) / Math.max(1e-3, Math.abs(want[i][j]))), m), 0);
  expect(worst).toBeLessThan(1e-3);
}

const describeWasm = process.env.TORCHLAB_BACKEND === "cpu" ? describe.skip : describe;

describeWasm("the classifier tutorial's training step on wasm", () => {
  beforeAll(async () => {
    await torch.ready();
  });

  test("kernel calls per phase: forward 17, backward 12, optimizer 1", () => {
    const model = net();
    const opt = new torch.optim.SGD(model.parameters(), { lr: 0.001, momentum: 0.9 });
    const lossFn = new nn.CrossEntropyLoss();
    const [x, y] = inputs();
    const run = (): Map<string, number>[] => {
      let loss: Tensor | null = null;
      const forward = kernelCalls(() => {
        opt.zero_grad();
        loss = lossFn(model(x), y);
      });
      const backward = kernelCalls(() => loss!.backward());
      const optimizer = kernelCalls(() => opt.step());
      return [forward, backward, optimizer];
    };
    // The first steps make the momentum buffers; the third is the steady state.
    run();
    run();
    const [forward, backward, optimizer] = run();
    expect([total(forward), total(backward), total(optimizer)]).toEqual([17, 12, 1]);
    // The convolutions run NCHW (simd_conv.ts), with no layout transposes around them, and each
    // convolution's bias gradient comes with its weight gradient.
    expect(forward.get("TorchlabConv2d")).toBe(2);
    expect(backward.get("TorchlabConv2dWeightGrad")).toBe(2);
    expect(backward.get("TorchlabConv2dInputGrad")).toBe(1);
    expect(forward.get("Transpose") ?? 0).toBe(0);
    expect(backward.get("Transpose") ?? 0).toBe(0);
    expect(backward.get("TorchlabChannelSum")).toBeUndefined();
    expect(forward.get("TorchlabLinear")).toBe(3);
    expect(backward.get("TorchlabLinearGrads")).toBe(3);
    // Every ReLU's backward runs inside the kernel before it (max pooling's or F.linear's gradient).
    expect(backward.get("TorchlabReluGrad")).toBeUndefined();
    expect(backward.get("BatchMatMul")).toBeUndefined();
  });

  test("the step's loss, gradients and updated parameters are the cpu backend's", async () => {
    const wasm = step();
    const cpu = await onCpu(step);
    expect(Math.abs(wasm.loss - cpu.loss)).toBeLessThan(1e-5);
    expectClose(wasm.grads, cpu.grads);
    expectClose(wasm.params, cpu.params);
  });

  test("a gradient observed between a ReLU and the pooling or Linear after it is the unmasked one", async () => {
    const observe = (): number[][] => {
      torch.manual_seed(2);
      const conv = new nn.Conv2d(3, 6, 5);
      const fc1 = new nn.Linear(6 * 14 * 14, 12);
      const fc2 = new nn.Linear(12, 3);
      const [x] = inputs();
      const hooked: number[][] = [];
      const r1 = F.relu(conv(x));
      r1.retain_grad();
      const r2 = F.relu(fc1(F.max_pool2d(r1, 2).flatten(1)));
      r2.register_hook((g: Tensor) => {
        hooked.push(Array.from(g.dataSync()));
      });
      const out = fc2(r2).pow(2).sum();
      const [viaGrad] = torch.autograd.grad(out, [r2], { retain_graph: true });
      out.backward();
      return [Array.from(r1.grad!.dataSync()), ...hooked, Array.from(viaGrad.dataSync()), Array.from(conv.weight.grad!.dataSync()), Array.from(fc1.weight.grad!.dataSync())];
    };
    const wasm = observe();
    const cpu = await onCpu(observe);
    // r1.grad, the hook's gradient of r2 (run by autograd.grad and by backward), autograd.grad's, and two weights'.
    expect(wasm.length).toBe(6);
    expectClose(wasm, cpu);
  });
});
