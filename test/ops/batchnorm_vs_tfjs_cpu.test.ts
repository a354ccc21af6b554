/**
 * batch_norm checked against the same formulas written with tfjs ops on the cpu backend, forward
 * (output and the running statistics it updates) and gradients of input, weight and bias, for the
 * ranks BatchNorm1d/2d take, in training and evaluation, with and without affine parameters: on the
 * active backend and with tfjs switched to the cpu backend; on both wasm and cpu batch_norm runs its
 * per-channel JavaScript kernels (js_kernels.ts: moments, transform, backward sums, grad_input).
 */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";
import { prng, int, values } from "../prng";
import { onCpu, close } from "./_tfjs_cpu";

const F = torch.nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;

describe.each(["active", "cpu"])("batch_norm against tfjs cpu formulas, backend %s", (which) => {
  let saved = "";
  beforeAll(async () => {
    saved = tf.getBackend();
    if (which === "cpu") await tf.setBackend("cpu");
  });
  afterAll(async () => {
    await tf.setBackend(saved);
  });
  test("the kernels run where expected", () => {
    for (const backend of ["cpu", "wasm"]) expect(tf.getKernel("TorchlabChannelMoments", backend)).toBeDefined();
  });
  for (let seed = 1; seed <= 16; seed++) {
    const r = prng(seed);
    const rank = int(r, 2, 4);
    const n = int(r, 2, 4), c = int(r, 1, 5);
    const shape = [n, c, ...Array.from({ length: rank - 2 }, () => int(r, 1, 6))];
    const training = seed % 4 !== 0;
    const affine = seed % 3 !== 0;
    const offset = seed % 5 === 0 ? 100 : 0;
    test(`seed=${seed} x=${JSON.stringify(shape)} training=${training} affine=${affine} offset=${offset}`, async () => {
      const size = shape.reduce((a, v) => a * v, 1);
      const xv = values(r, size, offset), gv = values(r, size);
      const wv = values(r, c), bv = values(r, c), rmv = values(r, c), rvv = values(r, c).map((v) => Math.abs(v) + 0.5);
      const x = torch.from_typed(xv, shape, { requires_grad: true });
      const w = affine ? torch.from_typed(wv, [c], { requires_grad: true }) : null;
      const b = affine ? torch.from_typed(bv, [c], { requires_grad: true }) : null;
      const rm = torch.from_typed(rmv, [c]);
      const rv = torch.from_typed(rvv, [c]);
      const y = F.batch_norm(x, rm, rv, { weight: w, bias: b, training, momentum: 0.1, eps: 1e-5 });
      y.backward(torch.from_typed(gv, shape));
      const ref = await onCpu(() => {
        const axes = shape.map((_, i) => i).filter((i) => i !== 1);
        const bshape = shape.map((v, i) => (i === 1 ? v : 1));
        const xt = tf.tensor(xv, shape);
        const g = tf.tensor(gv, shape);
        const count = size / c;
        const mean = training ? tf.mean(xt, axes) : tf.tensor1d(rmv);
        const variance = training ? tf.mean(tf.square(tf.sub(xt, tf.reshape(mean, bshape))), axes) : tf.tensor1d(rvv);
        const invstd = tf.rsqrt(tf.add(variance, 1e-5));
        const weight = affine ? tf.tensor1d(wv) : tf.ones([c]);
        const bias = affine ? tf.tensor1d(bv) : tf.zeros([c]);
        const per = (t: tf.Tensor): tf.Tensor => tf.reshape(t, bshape);
        const centered = tf.sub(xt, per(mean));
        const out = tf.add(tf.mul(centered, per(tf.mul(invstd, weight))), per(bias));
        const sumG = tf.sum(g, axes);
        const dotp = tf.sum(tf.mul(centered, g), axes);
        const alpha = per(tf.mul(invstd, weight));
        const dx = training
          ? tf.mul(tf.sub(tf.sub(g, per(tf.div(sumG, count))), tf.mul(centered, per(tf.div(tf.mul(dotp, tf.square(invstd)), count)))), alpha)
          : tf.mul(g, alpha);
        const newRm = training ? tf.add(tf.mul(tf.tensor1d(rmv), 0.9), tf.mul(mean, 0.1)) : tf.tensor1d(rmv);
        const newRv = training ? tf.add(tf.mul(tf.tensor1d(rvv), 0.9), tf.mul(tf.mul(variance, count / (count - 1)), 0.1)) : tf.tensor1d(rvv);
        return [out, dx, tf.mul(dotp, invstd), sumG, newRm, newRv];
      });
      close("out", y, ref[0]);
      close("grad input", x.grad as Tensor, ref[1], 2e-4);
      if (w && b) {
        close("grad weight", w.grad as Tensor, ref[2], 2e-4);
        close("grad bias", b.grad as Tensor, ref[3]);
      }
      close("running_mean", rm, ref[4]);
      close("running_var", rv, ref[5]);
    });
  }
});

test("BatchNorm2d in a training loop written as PyTorch users write it matches the tfjs formulas after several steps", async () => {
  torch.manual_seed(3);
  const bn = new torch.nn.BatchNorm2d(3);
  const x = torch.randn(4, 3, 5, 5).mul(3).add(2);
  const opt = new torch.optim.SGD(bn.parameters(), { lr: 0.1 });
  const train = (): number => {
    let last = 0;
    for (let i = 0; i < 3; i++) {
      opt.zero_grad();
      const loss = bn.forward(x).pow(2).mean();
      loss.backward();
      opt.step();
      last = loss.item();
    }
    return last;
  };
  const loss = train();
  expect(Number.isFinite(loss)).toBe(true);
  // After three steps the running mean has moved 1 - 0.9^3 of the way to the (fixed) batch mean.
  const batchMean = x.mean([0, 2, 3]).dataSync();
  const rm = (bn.running_mean as Tensor).dataSync();
  for (let ch = 0; ch < 3; ch++) expect(rm[ch]).toBeCloseTo(batchMean[ch] * (1 - 0.9 ** 3), 4);
  bn.eval();
  const y = torch.no_grad(() => bn.forward(x));
  expect(y.shape).toEqual([4, 3, 5, 5]);
});
