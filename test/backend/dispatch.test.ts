/**
 * The direct kernel dispatch (src/backend/dispatch.ts): kernels run without tfjs-core's general
 * dispatch give what the engine's own path gives (a training step's loss and every gradient, bit for
 * bit, against the same step with tfjs's IS_TEST flag set, which sends every call through the engine
 * as before), track their outputs in the active tidy scope as the engine does, restore the kernel
 * depth when a kernel throws, and leave tfjs's tape (tf.grad) and profiler (tf.profile) working.
 */
import { tf } from "../../src/backend/tf";
import { torch } from "../../src";
import { ensureTfjsGradients } from "../../src/backend/tfjs_gradients";

const nn = torch.nn;

/** The classifier tutorial's net, one SGD step from a fixed seed: the loss, then each parameter's gradient and new value. */
function classifierStep(): Float32Array[] {
  torch.manual_seed(0);
  const net = new nn.Sequential(
    new nn.Conv2d(3, 6, 5), new nn.ReLU(), new nn.MaxPool2d(2, 2),
    new nn.Conv2d(6, 16, 5), new nn.ReLU(), new nn.MaxPool2d(2, 2),
    new nn.Flatten(), new nn.Linear(16 * 5 * 5, 120), new nn.ReLU(), new nn.Linear(120, 84), new nn.ReLU(), new nn.Linear(84, 10));
  const optimizer = new torch.optim.SGD(net.parameters(), { lr: 0.001, momentum: 0.9 });
  const criterion = new nn.CrossEntropyLoss();
  const inputs = torch.randn(4, 3, 32, 32);
  const labels = torch.randint(0, 10, [4]);
  const out: Float32Array[] = [];
  for (let i = 0; i < 2; i++) {
    optimizer.zero_grad();
    const loss = criterion(net(inputs), labels);
    loss.backward();
    optimizer.step();
    out.push(Float32Array.of(loss.item()));
  }
  for (const p of net.parameters()) out.push(p.grad!.dataSync() as Float32Array, p.dataSync() as Float32Array);
  return out;
}

function throughEngine<T>(f: () => T): T {
  const before = tf.env().getBool("IS_TEST");
  tf.env().set("IS_TEST", true);
  try {
    return f();
  } finally {
    tf.env().set("IS_TEST", before);
  }
}

describe("direct kernel dispatch", () => {
  beforeAll(async () => {
    await torch.ready();
  });

  test("a classifier training step (conv, relu, max pool, linear, cross entropy, SGD momentum): loss, gradients and parameters bit for bit as through the engine", () => {
    const direct = classifierStep();
    const engine = throughEngine(classifierStep);
    expect(direct.length).toBe(engine.length);
    direct.forEach((d, i) => expect(Array.from(d)).toEqual(Array.from(engine[i])));
  });

  test("outputs are tracked in the active tidy scope: no tensor outlives a tidy, the kept one survives", () => {
    const a = tf.tensor([1, 2, 3]);
    const before = tf.memory().numTensors;
    const kept = tf.tidy(() => {
      const b = tf.engine().runKernel("Add", { a, b: a }) as tf.Tensor;
      const c = tf.engine().runKernel("Multiply", { a: b, b }) as tf.Tensor;
      return tf.engine().runKernel("Sub", { a: c, b }) as tf.Tensor;
    });
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(Array.from(kept.dataSync())).toEqual([2, 12, 30]);
    kept.dispose();
    a.dispose();
    expect(tf.memory().numTensors).toBe(before - 1);
  });

  test("a kernel that throws leaves the kernel depth as it was, and the next call runs", () => {
    const state = (tf.engine() as unknown as { state: { kernelDepth: number } }).state;
    const depth = state.kernelDepth;
    const x = tf.tensor([1, 2, 3, 4]);
    expect(() => tf.engine().runKernel("Reshape", { x }, { shape: [3] } as unknown as tf.NamedAttrMap)).toThrow();
    expect(state.kernelDepth).toBe(depth);
    expect(Array.from(tf.tidy(() => tf.add(x, x).dataSync()))).toEqual([2, 4, 6, 8]);
    x.dispose();
  });

  test("tfjs's tape still records (tf.grad) and its profiler still sees each kernel (tf.profile)", async () => {
    ensureTfjsGradients();
    const g = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(x, x)));
    expect(Array.from(tf.tidy(() => g(tf.tensor([1, -2, 3])).dataSync()))).toEqual([2, -4, 6]);
    const info = await tf.profile(() => {
      const x = tf.tensor([1, 2]);
      const y = tf.exp(x);
      x.dispose();
      return y;
    });
    expect(info.kernelNames).toContain("Exp");
    (info.result as tf.Tensor).dispose();
  });
});
