/**
 * conv2d's kept NHWC copies of training inputs (ops/layout.ts, nhwcCopy): on wasm a convolution whose
 * weight gradient reads its input channels-last keeps the transposed copy, which another convolution
 * of the same input and the backward reuse. Checked against the same code on tfjs's cpu backend
 * (NCHW kernels, no copies), forward and gradients: a ResNet block (the input feeding a 3x3 and a 1x1
 * shortcut), an input written in place between passes (the copy must not be reused), a view as input,
 * more inputs than copies kept (eviction), a hook reading the gradient, and a training loop inside a
 * function whose tensor count stays bounded. Also a parameter's filter kept in tfjs's HWIO layout between
 * writes in grad mode (conv.ts's hwioFilter). On other backends the comparisons check the general path.
 */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";
import { prng, values } from "../prng";
import { settle } from "../memory_settle";
import { setNchwConvMaxMacs } from "../../src/ops/conv";

const F = torch.nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;

async function onCpuBackend<T>(f: () => T): Promise<T> {
  const saved = tf.getBackend();
  await tf.setBackend("cpu");
  try {
    return f();
  } finally {
    await tf.setBackend(saved);
  }
}

function expectClose(name: string, got: Float32Array, want: Float32Array, tol = 2e-4): void {
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]) / Math.max(1, Math.abs(want[i])));
  if (!(worst <= tol)) throw new Error(`${name}: worst relative difference ${worst}`);
}

/** Transpose kernel calls while `f` runs (profile's kernelNames lists each name once: count its kernels). */
async function transposes(f: () => Tensor): Promise<number> {
  const info = await tf.profile(() => {
    f();
    return [];
  });
  return info.kernels.filter((k) => k.name === "Transpose").length;
}

const data = (t: Tensor | null): Float32Array => Float32Array.from((t as Tensor).dataSync() as Float32Array);

/** Runs `f` on fresh leaves made from `specs` (seeded values), returning its outputs and the leaves' grads. */
function run(specs: number[][], f: (leaves: Tensor[]) => Tensor[]): Float32Array[] {
  const leaves = specs.map((s, i) => torch.from_typed(values(prng(700 + i), s.reduce((a, v) => a * v, 1)), s, { requires_grad: true }));
  const outs = f(leaves);
  const loss = outs.map((o, i) => o.mul(i + 1).sum()).reduce((a, b) => a.add(b));
  loss.backward();
  return [...outs.map(data), ...leaves.map((l) => data(l.grad))];
}

async function compare(specs: number[][], f: (leaves: Tensor[]) => Tensor[]): Promise<void> {
  const got = run(specs, f);
  const want = await onCpuBackend(() => run(specs, f));
  got.forEach((g, i) => expectClose(`result ${i}`, g, want[i]));
}


// These are the NHWC path's shapes: on wasm, conv2d runs small convolutions through the NCHW kernels
// instead (ops/conv.ts's nchwConvPays; tested in conv_cpu_kernels.test.ts), so the suite turns them off.
let nchwMacs: ReturnType<typeof setNchwConvMaxMacs> = null;
beforeAll(() => {
  nchwMacs = setNchwConvMaxMacs(0);
});
afterAll(() => {
  setNchwConvMaxMacs(nchwMacs);
});

describe("conv2d NHWC input copies in training", () => {
  test("a ResNet block: x [4,16,32,32] into a 3x3 (input as filter) and a 1x1 shortcut (patches)", async () => {
    await compare([[4, 16, 32, 32], [32, 16, 3, 3], [32], [32, 16, 1, 1]], ([x, w1, b1, we]) => {
      const a = F.relu(F.conv2d(x, w1, { bias: b1, padding: 1 }));
      const s = F.conv2d(x, we);
      return [a.add(s)];
    });
  });

  test("the second convolution of the same input runs one transpose fewer on wasm", async () => {
    const x = torch.randn(4, 16, 32, 32);
    const x2 = torch.randn(4, 16, 32, 32);
    const w1 = torch.randn(32, 16, 3, 3).requires_grad_();
    const we = torch.randn(32, 16, 1, 1).requires_grad_();
    // we.mul(1): a weight computed per call, so that no filter is kept between the two calls.
    const first = await transposes(() => F.conv2d(x, we.mul(1)));
    F.conv2d(x2, w1, { padding: 1 });
    const second = await transposes(() => F.conv2d(x2, we.mul(1)));
    // The 3x3's forward keeps x2's copy; the 1x1 then transposes only its weight and its output.
    if (tf.getBackend() === "wasm") expect(second).toBe(first - 1);
    else expect(second).toBeLessThanOrEqual(first);
  });

  test("a parameter's HWIO filter is made once between writes in grad mode (wasm): a second forward transposes one tensor fewer, a step or an in-place write remakes it", async () => {
    torch.manual_seed(5);
    const conv = new torch.nn.Conv2d(3, 8, 3, { padding: 1 });
    const x = torch.randn(2, 3, 8, 8);
    // The same convolution with a weight that is no parameter (computed per call): never cached.
    const fresh = (): Float32Array => data(F.conv2d(x, conv.weight.mul(1), { bias: conv.bias, padding: 1 }));
    const first = await transposes(() => conv.forward(x));
    const second = await transposes(() => conv.forward(x));
    if (tf.getBackend() === "wasm") expect(second).toBe(first - 1);
    else expect(second).toBeLessThanOrEqual(first);
    expect(data(conv.forward(x))).toEqual(fresh());
    const opt = new torch.optim.SGD(conv.parameters(), { lr: 0.5 });
    conv.forward(x).pow(2).sum().backward();
    opt.step();
    expect(data(conv.forward(x))).toEqual(fresh());
    torch.no_grad(() => conv.weight.mul_(-2));
    expect(data(conv.forward(x))).toEqual(fresh());
    conv.weight.data.copy_(torch.ones(8, 3, 3, 3));
    expect(data(conv.forward(x))).toEqual(fresh());
    expect(await transposes(() => conv.forward(x))).toBe(second);
  });

  test("an input written in place between two passes is transposed afresh", async () => {
    const f = (): Float32Array[] => {
      const x = torch.from_typed(values(prng(710), 4 * 16 * 32 * 32), [4, 16, 32, 32]);
      const w = torch.from_typed(values(prng(711), 32 * 16 * 3 * 3), [32, 16, 3, 3], { requires_grad: true });
      const y1 = F.conv2d(x, w, { padding: 1 });
      y1.sum().backward();
      const g1 = data(w.grad);
      x.mul_(-3).add_(0.5);
      w.grad = null;
      const y2 = F.conv2d(x, w, { padding: 1 });
      y2.mul(y2).sum().backward();
      return [data(y1), g1, data(y2), data(w.grad)];
    };
    const got = f();
    const want = await onCpuBackend(f);
    got.forEach((g, i) => expectClose(`result ${i}`, g, want[i]));
  });

  test("a view (narrowed, transposed) as the input", async () => {
    await compare([[4, 16, 34, 33], [32, 16, 3, 3]], ([x, w]) => {
      const v = x.narrow(2, 1, 32).transpose(2, 3).narrow(2, 0, 32);
      return [F.conv2d(v, w, { padding: 1 })];
    });
  });

  test("more inputs than copies kept, each read twice, with a hook on one input's gradient", async () => {
    const seen: number[] = [];
    await compare([[2, 8, 32, 32], [2, 8, 32, 32], [2, 8, 32, 32], [16, 8, 3, 3], [16, 8, 1, 1]], ([a, b, c, w, we]) => {
      b.register_hook((g: Tensor) => {
        seen.push(g.sum().item());
      });
      const outs = [a, b, c].map((x) => F.conv2d(x, w, { padding: 1 }));
      const shortcuts = [c, b, a].map((x) => F.conv2d(x, we));
      return [...outs, ...shortcuts];
    });
    expect(seen.length).toBe(2);
    expect(Math.abs(seen[0] - seen[1])).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(seen[1])));
  });

  test("a training loop inside a function: same losses as the cpu backend, tensor count bounded", async () => {
    const train = (steps: number): number[] => {
      torch.manual_seed(3);
      const conv1 = new torch.nn.Conv2d(8, 16, 3, { padding: 1 });
      const bn = new torch.nn.BatchNorm2d(16);
      const short = new torch.nn.Conv2d(8, 16, 1);
      const params = [...conv1.parameters(), ...bn.parameters(), ...short.parameters()];
      const opt = new torch.optim.SGD(params, { lr: 0.05 });
      const losses: number[] = [];
      for (let i = 0; i < steps; i++) {
        const x = torch.from_typed(values(prng(800 + i), 4 * 8 * 32 * 32), [4, 8, 32, 32]);
        opt.zero_grad();
        const y = F.relu(bn.forward(conv1.forward(x))).add(short.forward(x));
        const loss = y.pow(2).mean();
        loss.backward();
        opt.step();
        losses.push(loss.item());
      }
      return losses;
    };
    const got = train(4);
    const want = await onCpuBackend(() => train(4));
    expectClose("losses", Float32Array.from(got), Float32Array.from(want));
    train(2);
    const before = (await settle()).numTensors;
    train(6);
    const after = (await settle()).numTensors;
    expect(after).toBeLessThanOrEqual(before);
  });

  test("models made and dropped in a loop that never yields: a reclaim frees their kept filter and input copies at once", () => {
    // A hyperparameter sweep in one function: each model's kept HWIO filters (a parameter's copies)
    // and the NHWC copies of its inputs must go with the reclaim that frees the model's tensors, not
    // at some later macrotask (a plain FinalizationRegistry's callbacks need the event loop to turn;
    // a test that awaited between steps could not see the difference).
    const fit = (seed: number): void => {
      torch.manual_seed(seed);
      const conv1 = new torch.nn.Conv2d(8, 16, 3, { padding: 1 });
      const short = new torch.nn.Conv2d(8, 16, 1);
      const x = torch.from_typed(values(prng(seed), 4 * 8 * 32 * 32), [4, 8, 32, 32]);
      for (let i = 0; i < 2; i++) conv1.forward(x).add(short.forward(x)).pow(2).mean().backward();
    };
    fit(1);
    expect(torch._collect()).toBe(true);
    const before = torch.memory().numTensors;
    for (let seed = 2; seed < 6; seed++) fit(seed);
    expect(torch._collect()).toBe(true);
    expect(torch.memory().numTensors).toBe(before);
  });
});
