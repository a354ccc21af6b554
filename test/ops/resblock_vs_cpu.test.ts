/**
 * The paths the ResNet block's training step takes on the active backend, checked against tfjs's
 * cpu backend: batch_norm's per-channel statistics summed in JavaScript from the backend's
 * per-(sample, channel) partial sums, conv2d's bias gradient the same way, the weight gradient's
 * layout transposes done as one 2-D transpose (wasm, short output rows), and gradients that an op
 * hands to two inputs (the residual add) shared rather than copied.
 */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";
import { permute } from "../../src/ops/conv";
import { prng, values } from "../prng";

const nn = torch.nn;
const F = torch.nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;

/** The tutorial's ResNet block: conv-bn-relu, conv-bn, plus a 1x1 conv-bn shortcut when channels change. */
class ResBlk extends nn.Module {
  conv1: InstanceType<typeof nn.Conv2d>;
  bn1: InstanceType<typeof nn.BatchNorm2d>;
  conv2: InstanceType<typeof nn.Conv2d>;
  bn2: InstanceType<typeof nn.BatchNorm2d>;
  extra: InstanceType<typeof nn.Sequential>;
  constructor(chIn: number, chOut: number) {
    super();
    this.conv1 = new nn.Conv2d(chIn, chOut, { kernel_size: 3, stride: 1, padding: 1 });
    this.bn1 = new nn.BatchNorm2d(chOut);
    this.conv2 = new nn.Conv2d(chOut, chOut, { kernel_size: 3, stride: 1, padding: 1 });
    this.bn2 = new nn.BatchNorm2d(chOut);
    this.extra = new nn.Sequential(new nn.Conv2d(chIn, chOut, { kernel_size: 1, stride: 1 }), new nn.BatchNorm2d(chOut));
  }
  forward(x: Tensor): Tensor {
    let out = F.relu(this.bn1.forward(this.conv1.forward(x)));
    out = this.bn2.forward(this.conv2.forward(out));
    return this.extra.forward(x).add(out);
  }
}

/** Two SGD steps of the block on an MSE loss; returns the losses, gradients, weights and running statistics. */
function train(xv: Float32Array, tv: Float32Array, shape: number[], outShape: number[]): { name: string; data: Float32Array }[] {
  torch.manual_seed(3);
  const model = new ResBlk(shape[1], outShape[1]);
  const opt = new torch.optim.SGD(model.parameters(), { lr: 0.05 });
  const x = torch.from_typed(xv, shape);
  const target = torch.from_typed(tv, outShape);
  const lossFn = new nn.MSELoss();
  const got: { name: string; data: Float32Array }[] = [];
  for (let step = 0; step < 2; step++) {
    opt.zero_grad();
    const loss = lossFn.forward(model.forward(x), target);
    loss.backward();
    got.push({ name: `loss ${step}`, data: Float32Array.from(loss.dataSync() as Float32Array) });
    for (const [name, p] of model.named_parameters()) got.push({ name: `grad ${name} ${step}`, data: Float32Array.from((p.grad as Tensor).dataSync() as Float32Array) });
    opt.step();
  }
  for (const [name, b] of model.named_buffers()) if (b.dtype === torch.float32) got.push({ name, data: Float32Array.from(b.dataSync() as Float32Array) });
  model.eval();
  const y = torch.no_grad(() => model.forward(x));
  got.push({ name: "eval output", data: Float32Array.from(y.dataSync() as Float32Array) });
  return got;
}

describe("the ResNet block's training step against the cpu backend", () => {
  test("losses, every gradient, the running statistics and the eval output agree over two SGD steps", async () => {
    // 8 x 16 x 32 x 32 = 131072 elements: the weight gradient's [N, C*H*W] transposes take the 2-D path on wasm.
    const shape = [8, 16, 32, 32];
    const outShape = [8, 24, 32, 32];
    const r = prng(12);
    const xv = values(r, shape.reduce((a, v) => a * v, 1), 0);
    const tv = values(r, outShape.reduce((a, v) => a * v, 1), 0);
    const active = train(xv, tv, shape, outShape);
    const saved = tf.getBackend();
    await tf.setBackend("cpu");
    let ref: { name: string; data: Float32Array }[];
    try {
      ref = train(xv, tv, shape, outShape);
    } finally {
      await tf.setBackend(saved);
    }
    expect(active.map((e) => e.name)).toEqual(ref.map((e) => e.name));
    const bad: string[] = [];
    active.forEach((e, i) => {
      const want = ref[i].data;
      const scale = want.reduce((m, v) => Math.max(m, Math.abs(v)), 1e-3);
      for (let j = 0; j < want.length; j++) {
        if (!(Math.abs(e.data[j] - want[j]) <= 2e-4 * scale)) {
          bad.push(`${e.name}[${j}]: ${e.data[j]} vs cpu ${want[j]}`);
          break;
        }
      }
    });
    expect(bad).toEqual([]);
  });
});

describe("permute of large tensors", () => {
  test.each([
    [[32, 32, 32, 32], [1, 2, 3, 0]],
    [[32, 32, 32, 32], [2, 3, 0, 1]],
    [[16, 8, 32, 32], [1, 2, 3, 0]],
    [[8, 16, 32, 32], [2, 3, 0, 1]],
    [[64, 32, 13, 13], [1, 2, 3, 0]],
    [[32, 32, 32, 32], [0, 2, 3, 1]],
    [[32, 32, 32, 32], [0, 3, 1, 2]],
  ])("%j by %j equals tf.transpose", (shape, perm) => {
    // Distinct integers (exact in float32 below 2^24): any misplaced element shows.
    const x = tf.tensor(Float32Array.from({ length: shape.reduce((a, v) => a * v, 1) }, (_, i) => i), shape);
    const got = permute(x, perm);
    const want = tf.transpose(x, perm);
    expect(got.shape).toEqual(want.shape);
    expect(Buffer.from((got.dataSync() as Float32Array).buffer).equals(Buffer.from((want.dataSync() as Float32Array).buffer))).toBe(true);
    tf.dispose([x, got, want]);
  });
});

describe("a gradient handed to two inputs", () => {
  test("each input's .grad is its own tensor: writing one in place leaves the other", () => {
    const f = (): [Tensor, Tensor] => {
      const a = torch.randn(64, 64, { requires_grad: true });
      const b = torch.randn(64, 64, { requires_grad: true });
      a.add(b).mul(3).sum().backward();
      return [a, b];
    };
    const [a, b] = f();
    (a.grad as Tensor).add_(1);
    expect(Array.from(((a.grad as Tensor).dataSync() as Float32Array).slice(0, 3))).toEqual([4, 4, 4]);
    expect(Array.from(((b.grad as Tensor).dataSync() as Float32Array).slice(0, 3))).toEqual([3, 3, 3]);
  });
  test("mse_loss's gradient (a fused composite) stays independent of the loss's input", () => {
    const x = torch.randn(4, 8, { requires_grad: true });
    const t = torch.zeros(4, 8);
    F.mse_loss(x, t).backward();
    const want = x.detach().mul(2 / 32);
    expect(torch.allclose(x.grad as Tensor, want, { rtol: 1e-5, atol: 1e-6 })).toBe(true);
    (x.grad as Tensor).zero_();
    expect(torch.allclose(x.detach().mul(2 / 32), want)).toBe(true);
  });
});
