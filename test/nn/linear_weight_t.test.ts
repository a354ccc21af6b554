/**
 * F.linear's `weight.t()` on wasm keeps the weight's buffer, tagged "transposed" (ops/movement.ts's
 * linearWeightT), and addmm reads it with its operands swapped: the values, the gradients and the
 * recorded graph are those of the cpu backend's plain transpose, for shapes where the swapped product
 * is chosen (batch 17 and above against a larger weight) and where it is not (large batch), with and
 * without retain_graph, under no_grad, and when the transposed weight is read as a tensor by another
 * op (create_graph). Up to batch 16, with a bias, the forward is one TorchlabLinear call and the
 * weight, bias and input gradients one TorchlabLinearGrads call (js_kernels.ts), whose WebAssembly SIMD loops
 * give the bits of the same kernels' JavaScript loops on the cpu backend. A
 * parameter's materialised transpose is kept between writes (ops/param_layouts.ts): a layer run twice
 * moves its weight once, with the same values as a weight computed per call (never kept), also after
 * an optimizer step and an in-place write.
 */
import { tf } from "../../src/backend/tf";
import { torch } from "../../src";
import { prng, values } from "../prng";

interface Result {
  y: number[];
  gx: number[];
  gw: number[];
  gb: number[];
  graph: string[];
}

function run(n: number, inF: number, outF: number, twice: boolean): Result {
  const x = torch.tensor(Array.from(values(prng(n + inF), n * inF))).reshape(n, inF).requires_grad_();
  const w = torch.tensor(Array.from(values(prng(outF), outF * inF, 0.1))).reshape(outF, inF).requires_grad_();
  const b = torch.tensor(Array.from(values(prng(outF + 1), outF)), { requires_grad: true });
  const y = torch.nn.functional.linear(x, w, b);
  const graph = [y.grad_fn!.name(), ...y.grad_fn!.next_functions.map(([f]) => (f === null ? "None" : f.name()))];
  const g = torch.tensor(Array.from(values(prng(7), n * outF))).reshape(n, outF);
  y.backward(g, { retain_graph: twice });
  if (twice) y.backward(g);
  const flat = (t: { tolist(): unknown } | null): number[] => ((t!.tolist() as number[] | number[][]).flat() as number[]);
  return { y: flat(y.detach()), gx: flat(x.grad), gw: flat(w.grad), gb: flat(b.grad), graph };
}

async function on<T>(backend: string, fn: () => T): Promise<T> {
  const before = tf.getBackend();
  await tf.setBackend(backend);
  try {
    return fn();
  } finally {
    await tf.setBackend(before);
  }
}

/** One expect per array (thousands of element-wise expects cost seconds): the largest difference. */
function expectClose(got: number[], want: number[]): void {
  expect(got.length).toBe(want.length);
  const worst = got.reduce((m, v, i) => Math.max(m, Math.abs(v - want[i]) / Math.max(1, Math.abs(want[i]))), 0);
  expect(worst).toBeLessThan(1e-4);
}

const describeWasm = process.env.TORCHLAB_BACKEND === "cpu" ? describe.skip : describe;

describeWasm("F.linear's transposed weight on wasm against the cpu backend", () => {
  beforeAll(async () => {
    await torch.ready();
  });

  test.each([
    ["batch 2, [100, 200] weight (TorchlabLinear)", 2, 200, 100, false],
    ["batch 20, [100, 200] weight (swapped product)", 20, 200, 100, false],
    ["batch 64, [10, 300] weight (direct product)", 64, 300, 10, false],
    ["batch 3, [5, 7] weight, backward twice with retain_graph", 3, 7, 5, true],
  ])("%s", async (_name, n, inF, outF, twice) => {
    const wasm = await on("wasm", () => run(n, inF, outF, twice));
    const cpu = await on("cpu", () => run(n, inF, outF, twice));
    expect(wasm.graph).toEqual(["AddmmBackward0", "AccumulateGrad", "AccumulateGrad", "TBackward0"]);
    expect(wasm.graph).toEqual(cpu.graph);
    expectClose(wasm.y, cpu.y);
    expectClose(wasm.gx, cpu.gx);
    expectClose(wasm.gw, cpu.gw);
    expectClose(wasm.gb, cpu.gb);
  });

  test("no_grad forward and a create_graph double backward read the weight's values", async () => {
    const both = (backend: string) =>
      on(backend, () => {
        const x = torch.tensor(Array.from(values(prng(3), 6))).reshape(2, 3).requires_grad_();
        const w = torch.tensor(Array.from(values(prng(4), 12))).reshape(4, 3).requires_grad_();
        const b = torch.zeros(4, { requires_grad: true });
        const inference = torch.no_grad(() => torch.nn.functional.linear(x, w, b)).tolist();
        const y = torch.nn.functional.linear(x, w, b).pow(2).sum();
        const [gx] = torch.autograd.grad(y, [x], { create_graph: true });
        gx.sum().backward();
        return { inference: (inference as number[][]).flat(), gw: (w.grad!.tolist() as number[][]).flat() };
      });
    const wasm = await both("wasm");
    const cpu = await both("cpu");
    expectClose(wasm.inference, cpu.inference);
    expectClose(wasm.gw, cpu.gw);
  });

  test("a parameter's transpose is kept between writes: a second forward runs no Transpose, the values are a fresh weight's", async () => {
    const transposes = async (f: () => unknown): Promise<number> => {
      const info = await tf.profile(() => {
        f();
        return [];
      });
      return info.kernels.filter((k) => k.name === "Transpose").length;
    };
    const F = torch.nn.functional;
    const bits = (t: { dataSync(): ArrayLike<number> }): number[] => Array.from(t.dataSync());
    for (const [n, inF, outF] of [[64, 300, 10], [20, 200, 100]]) {
      torch.manual_seed(n);
      const lin = new torch.nn.Linear(inF, outF);
      const x = torch.randn(n, inF);
      // A weight computed per call (not a leaf): never kept, matMul2d's own choice of form.
      const fresh = (): number[] => bits(F.linear(x, lin.weight.mul(1), lin.bias));
      const first = await transposes(() => lin.forward(x));
      const second = await transposes(() => lin.forward(x));
      // Batch 64: the direct product transposes the weight once, then reuses it. Batch 20: in grad
      // mode the swapped product (x's small transpose; the one back is folded into the bias add) is
      // cheaper than a kept copy. Under no_grad a kept copy is read but none is made (inference holds
      // no second copy of a weight).
      expect([first, second]).toEqual(n === 64 ? [1, 0] : [1, 1]);
      expect(bits(lin.forward(x))).toEqual(fresh());
      expect(await transposes(() => torch.no_grad(() => lin.forward(x)))).toBe(n === 64 ? 0 : 1);
      expect(await transposes(() => torch.no_grad(() => lin.forward(x)))).toBe(n === 64 ? 0 : 1);
      expect(bits(torch.no_grad(() => lin.forward(x)))).toEqual(fresh());
      const opt = new torch.optim.SGD(lin.parameters(), { lr: 0.5 });
      lin.forward(x).pow(2).sum().backward();
      opt.step();
      expect(bits(lin.forward(x))).toEqual(fresh());
      torch.no_grad(() => lin.weight.mul_(-2));
      expect(bits(lin.forward(x))).toEqual(fresh());
      expect(bits(torch.no_grad(() => lin.forward(x)))).toEqual(fresh());
    }
  });

  test("the swapped product's bias is added while transposing back: tfjs's Transpose and Add bit for bit, in one kernel", async () => {
    // Shapes where the swapped product pays (a batch above TorchlabLinear's against a larger weight), odd sizes included.
    for (const [n, inF, outF] of [[20, 400, 120], [17, 120, 84], [19, 301, 97]]) {
      const x = torch.tensor(Array.from(values(prng(n), n * inF))).reshape(n, inF);
      // A weight of its own (not a view, as a module's parameter), which linearWeightT leaves untransposed.
      const w = torch.tensor(Array.from(values(prng(inF), outF * inF, 0.1))).reshape(outF, inF).clone().requires_grad_();
      // Edge values in the bias: -0 plus -0 stays -0, infinities and NaN pass.
      const bv = Array.from(values(prng(outF), outF));
      bv[0] = -0;
      if (outF > 3) [bv[1], bv[2], bv[3]] = [Infinity, -Infinity, NaN];
      const b = torch.tensor(bv, { requires_grad: true });
      let y: ReturnType<typeof torch.nn.functional.linear> | null = null;
      const info = await tf.profile(() => {
        y = torch.nn.functional.linear(x, w, b);
        return [];
      });
      const want = tf.tidy(() => tf.add(b._t, tf.transpose(tf.matMul(w._t, tf.transpose(x._t)))).dataSync());
      const got = y!.detach().dataSync() as Float32Array;
      expect(Array.from(new Uint32Array(Float32Array.from(got).buffer))).toEqual(Array.from(new Uint32Array(Float32Array.from(want as Float32Array).buffer)));
      expect(info.kernels.map((k) => k.name)).toEqual(["Reshape", "Transpose", "BatchMatMul", "TorchlabAddTransposed"]);
    }
  });

  test.each([
    ["x=[4,400] w=[120,400] (the classifier's first Linear)", 4, 400, 120, true, true],
    ["x=[1,7] w=[5,7] (k not a multiple of 4)", 1, 7, 5, true, true],
    ["x=[16,30] w=[3,30], x without grad", 16, 30, 3, false, true],
    ["x=[3,9] w=[6,9], bias without grad", 3, 9, 6, true, false],
  ])("batch <= 16: %s runs as one TorchlabLinear and one TorchlabLinearGrads call, with the cpu backend's values", async (_name, n, inF, outF, xGrad, bGrad) => {
    const run = (): Result & { forward: string[]; backward: string[] } => {
      const x = torch.tensor(Array.from(values(prng(n + inF), n * inF))).reshape(n, inF).requires_grad_(xGrad);
      // A weight of its own (not a view, as a module's parameter), which linearWeightT leaves untransposed.
      const w = torch.tensor(Array.from(values(prng(outF), outF * inF, 0.1))).reshape(outF, inF).clone().requires_grad_();
      // Edge values in the bias: infinities and NaN pass.
      const bv = Array.from(values(prng(outF + 1), outF));
      if (outF > 3) [bv[0], bv[1], bv[2]] = [Infinity, -Infinity, NaN];
      const b = torch.tensor(bv, { requires_grad: bGrad });
      const names = (f: () => void): string[] => {
        const before = tf.getBackend();
        const calls: string[] = [];
        const seen = new Set<string>();
        for (const config of tf.getKernelsForBackend(before)) {
          if (seen.has(config.kernelName)) continue;
          seen.add(config.kernelName);
          const fn = config.kernelFunc;
          config.kernelFunc = (a) => {
            calls.push(config.kernelName);
            return fn(a);
          };
          (config as { restore?: () => void }).restore = () => (config.kernelFunc = fn);
        }
        try {
          f();
        } finally {
          for (const config of tf.getKernelsForBackend(before)) (config as { restore?: () => void }).restore?.();
        }
        return calls;
      };
      let y: ReturnType<typeof torch.nn.functional.linear> | null = null;
      const forward = names(() => {
        y = torch.nn.functional.linear(x, w, b);
      });
      const g = torch.tensor(Array.from(values(prng(7), n * outF))).reshape(n, outF);
      const backward = names(() => y!.backward(g));
      const flat = (t: { tolist(): unknown } | null): number[] => (t === null ? [] : ((t.tolist() as number[][]).flat() as number[]));
      return { y: flat(y!.detach()), gx: flat(x.grad), gw: flat(w.grad), gb: b.grad === null ? [] : (b.grad.tolist() as number[]), graph: [], forward, backward };
    };
    const wasm = await on("wasm", run);
    const cpu = await on("cpu", run);
    expect(wasm.forward).toEqual(["Reshape", "TorchlabLinear"]);
    // backward(g) first copies the given gradient (a Cast): the rest is AddmmBackward0's.
    expect(wasm.backward.slice(1)).toEqual(["TorchlabLinearGrads"]);
    expectClose(wasm.y.filter((v) => Number.isFinite(v)), cpu.y.filter((v) => Number.isFinite(v)));
    expect(wasm.y.map((v) => (Number.isFinite(v) ? 0 : v))).toEqual(cpu.y.map((v) => (Number.isFinite(v) ? 0 : v)));
    expectClose(wasm.gx, cpu.gx);
    expectClose(wasm.gw, cpu.gw);
    expectClose(wasm.gb, cpu.gb);
    expect(wasm.gb.length).toBe(bGrad ? outF : 0);
  });

  test("TorchlabLinear and TorchlabLinearGrads (with the input's gradient, masked or not): the SIMD loops on wasm give the JavaScript loops' bits (the cpu backend's registration)", async () => {
    for (const [n, k, p] of [[4, 400, 120], [4, 84, 10], [5, 13, 3], [2, 4, 1], [16, 33, 7]]) {
      const kernels = (): number[][] => {
        const x = tf.tensor2d(Array.from(values(prng(n * k), n * k)), [n, k]);
        const w = tf.tensor2d(Array.from(values(prng(p * k), p * k, 0.1)), [p, k]);
        const bias = tf.tensor1d(Array.from(values(prng(p), p)));
        const g = tf.tensor2d(Array.from(values(prng(n * p), n * p)), [n, p]);
        const y = tf.engine().runKernel("TorchlabLinear", { x, w, bias }) as tf.Tensor;
        const [dw, db] = tf.engine().runKernel("TorchlabLinearGrads", { g, x }, { bias: true }) as unknown as tf.Tensor[];
        const [dwOnly, gx] = tf.engine().runKernel("TorchlabLinearGrads", { g, x, w }, { bias: false }) as unknown as tf.Tensor[];
        // x as a ReLU's result (zeros, -0 and NaN included) masks the input's gradient.
        const r = tf.tensor2d(Array.from(values(prng(n + k), n * k)).map((v, i) => (i % 5 === 0 ? 0 : i % 7 === 0 ? -0 : i % 11 === 0 ? NaN : v)), [n, k]);
        const [, , gxMasked] = tf.engine().runKernel("TorchlabLinearGrads", { g, x: r, w, y: r }, { bias: true }) as unknown as tf.Tensor[];
        const gxRef = tf.engine().runKernel("TorchlabReluGrad", { dy: gx, y: r }) as tf.Tensor;
        const out = [y, dw, db, dwOnly, gx, gxMasked, gxRef].map((t) => Array.from(new Uint32Array(Float32Array.from(t.dataSync() as Float32Array).buffer)));
        tf.dispose([x, w, bias, g, y, dw, db, dwOnly, gx, r, gxMasked, gxRef]);
        return out;
      };
      const wasm = await on("wasm", kernels);
      const cpu = await on("cpu", kernels);
      expect(wasm).toEqual(cpu);
      expect(wasm[3]).toEqual(wasm[1]);
      // The masked input gradient is TorchlabReluGrad's of the unmasked one, bit for bit.
      expect(wasm[5]).toEqual(wasm[6]);
    }
  });
});
