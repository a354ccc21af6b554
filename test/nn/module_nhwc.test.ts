/**
 * Inference activations kept NHWC between layers for any Module (src/ops/layout.ts): Module subclasses
 * with their own forward (the tutorial Net called layer by layer, a residual block, torchvision's
 * resnet18) under no_grad give what the same forward gives with grad mode on (where nothing is kept
 * NHWC) and on tfjs's cpu backend; a tensor whose buffer is NHWC reads as its NCHW values through every
 * kind of consumer; the transposes per forward drop. On other backends nothing is tagged and the same
 * comparisons hold trivially.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { tf } from "../../src/backend/tf";
import { collectNow, reclaimStats, setGcBudget } from "../../src/backend/memory";
import { setNchwConvMaxMacs } from "../../src/ops/conv";

const nn = torch.nn;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
type Module = InstanceType<typeof nn.Module>;
const wasm = (): boolean => tf.getBackend() === "wasm";

class Net extends nn.Module {
  conv1 = new nn.Conv2d(1, 32, 5, 1, 1);
  pool = new nn.MaxPool2d(2, 2);
  relu = new nn.ReLU();
  bn1 = new nn.BatchNorm2d(32);
  conv2 = new nn.Conv2d(32, 64, 3, 1, 1);
  bn2 = new nn.BatchNorm2d(64);
  flat = new nn.Flatten();
  fc = new nn.Linear(64 * 13 * 13, 10);
  forward(x: Tensor): Tensor {
    x = this.bn1(this.relu(this.pool(this.conv1(x))));
    x = this.bn2(this.relu(this.conv2(x)));
    return this.fc(this.flat(x));
  }
}

/** The tutorial's ResNet block, written with F.relu and a residual add. */
class Block extends nn.Module {
  conv1 = new nn.Conv2d(4, 6, { kernel_size: 3, stride: 1, padding: 1 });
  bn1 = new nn.BatchNorm2d(6);
  conv2 = new nn.Conv2d(6, 6, { kernel_size: 3, stride: 1, padding: 1 });
  bn2 = new nn.BatchNorm2d(6);
  extra = new nn.Sequential(new nn.Conv2d(4, 6, { kernel_size: 1, stride: 1 }), new nn.BatchNorm2d(6));
  forward(x: Tensor): Tensor {
    let out = F.relu(this.bn1(this.conv1(x)));
    out = this.bn2(this.conv2(out));
    return F.adaptive_avg_pool2d(F.relu(this.extra(x).add(out)).mul(torch.sigmoid(out)), 1).flatten(1);
  }
}

/** Runs batch norms once in training mode so their running statistics are not the identity. */
function settle(m: Module, x: Tensor): void {
  m.train();
  torch.no_grad(() => (m as unknown as (t: Tensor) => Tensor)(x.mul(2).add(0.5)));
  m.eval();
}

function close(got: Tensor, want: Tensor, tol = 1e-5): void {
  expect(Array.from(got.shape)).toEqual(Array.from(want.shape));
  const g = got.dataSync();
  const w = want.dataSync();
  let scale = 1;
  for (let i = 0; i < w.length; i++) scale = Math.max(scale, Math.abs(w[i]));
  let worst = 0;
  for (let i = 0; i < w.length; i++) worst = Math.max(worst, Math.abs(g[i] - w[i]) / scale);
  expect(worst).toBeLessThan(tol);
}

const layoutOf = (t: Tensor): string | undefined => (t as unknown as { _s: { layout?: { kind: string } } })._s.layout?.kind;

async function transposes(f: () => Tensor): Promise<number> {
  const info = await tf.profile(() => {
    f().dataSync();
    return [];
  });
  return info.kernels.filter((k) => k.name === "Transpose").length;
}

/** `f()` on tfjs's cpu backend (no NHWC tags there), as plain values. */
async function onCpu(f: () => Tensor): Promise<Tensor> {
  const active = tf.getBackend();
  await tf.setBackend("cpu");
  try {
    const y = f();
    return torch.from_typed(Float32Array.from(y.dataSync()), Array.from(y.shape));
  } finally {
    await tf.setBackend(active);
  }
}

const models: [string, () => Module, number[]][] = [
  ["the tutorial Net (a Module subclass calling its layers one by one)", () => new Net(), [6, 1, 28, 28]],
  ["a residual block with F.relu, add, mul, sigmoid, adaptive_avg_pool2d and flatten", () => new Block(), [3, 4, 9, 7]],
  ["torchvision resnet18", () => torchvision.models.resnet18({ num_classes: 7 }), [2, 3, 40, 36]],
];


// The grad-mode results these tests compare with (bit for bit) and count transposes in are the NHWC
// path's: on wasm, grad mode otherwise runs small convolutions through the NCHW kernels
// (ops/conv.ts's nchwConvPays; tested in test/ops/conv_cpu_kernels.test.ts).
let nchwMacs: ReturnType<typeof setNchwConvMaxMacs> = null;
beforeAll(() => {
  nchwMacs = setNchwConvMaxMacs(0);
});
afterAll(() => {
  setNchwConvMaxMacs(nchwMacs);
});
describe("Module subclasses in eval + no_grad keep activations NHWC", () => {
  models.forEach(([name, make, shape], i) => {
    test(`${name}: x=${JSON.stringify(shape)} matches grad mode and the cpu backend`, async () => {
      torch.manual_seed(10 + i);
      const m = make();
      const x = torch.randn(...shape);
      settle(m, x);
      const call = (t: Tensor): Tensor => (m as unknown as (t: Tensor) => Tensor)(t);
      const got = torch.no_grad(() => call(x));
      const graded = call(x);
      expect(graded.requires_grad).toBe(true);
      expect(got.requires_grad).toBe(false);
      close(got, graded.detach());
      close(got, await onCpu(() => torch.no_grad(() => call(x))), 1e-4);
      if (wasm()) expect(await transposes(() => torch.no_grad(() => call(x)))).toBeLessThan(await transposes(() => call(x).detach()));
    }, 60000);
  });

  test("the tutorial Net's forward runs no transposes on wasm (at least 4 with grad mode on)", async () => {
    torch.manual_seed(3);
    const net = new Net();
    const x = torch.randn(4, 1, 28, 28);
    settle(net, x);
    if (!wasm()) return;
    torch.no_grad(() => net.forward(x)); // the first call permutes the Linear's weight once, cached
    expect(await transposes(() => torch.no_grad(() => net.forward(x)))).toBe(0);
    expect(await transposes(() => net.forward(x).detach())).toBeGreaterThanOrEqual(4);
  });

  test("converting a tensor kept NHWC counts its bytes once against the GC budget", () => {
    if (!wasm()) return;
    torch.manual_seed(6);
    const conv = new nn.Conv2d(8, 16, 3, { padding: 1 });
    const x = torch.randn(4, 8, 32, 32);
    const bytes = 4 * 16 * 32 * 32 * 4;
    const kept = (): Tensor => {
      const y = torch.no_grad(() => conv(x));
      expect(layoutOf(y)).toBe("nhwc");
      return y;
    };
    kept();
    try {
      // Over the budget, a conversion reclaims (so the count below can see a double count)...
      collectNow();
      const a = kept();
      setGcBudget(bytes / 2);
      let before = reclaimStats().count;
      a.dataSync();
      expect(reclaimStats().count).toBe(before + 1);
      // ... and within it, replacing the buffer leaves the count where it was.
      setGcBudget(1.5 * bytes);
      collectNow();
      const b = kept();
      before = reclaimStats().count;
      b.dataSync();
      expect(layoutOf(b)).toBeUndefined();
      expect(reclaimStats().count).toBe(before);
    } finally {
      setGcBudget(null);
    }
  });

  test("a new Linear weight after an in-place update is used by the next NHWC inference", () => {
    torch.manual_seed(4);
    const net = new Net();
    net.eval();
    const x = torch.randn(2, 1, 28, 28);
    const a = torch.no_grad(() => net.forward(x));
    torch.no_grad(() => net.fc.weight.mul_(-2));
    const b = torch.no_grad(() => net.forward(x));
    close(b, net.forward(x).detach());
    expect(a.sub(b).abs().max().item()).toBeGreaterThan(0);
  });

  test("a NaN in the input propagates through max pooling as in PyTorch", () => {
    const net = new Net();
    net.eval();
    const x = torch.randn(2, 1, 28, 28);
    x.setitem([1, 0, 3, 4], NaN);
    const y = torch.no_grad(() => net.forward(x));
    const flat = Array.from(y.dataSync());
    expect(flat.slice(0, 10).every((v) => !Number.isNaN(v))).toBe(true);
    expect(flat.slice(10).every((v) => Number.isNaN(v))).toBe(true);
  });
});

describe("a conv2d result whose buffer is NHWC reads as NCHW through every consumer", () => {
  let conv: InstanceType<typeof nn.Conv2d>;
  let x: Tensor;
  let want: Tensor;
  beforeAll(() => {
    torch.manual_seed(5);
    conv = new nn.Conv2d(3, 4, 3, { padding: 1 });
    x = torch.randn(2, 3, 5, 6);
    want = conv.forward(x).detach();
  });
  /** A fresh tagged result each time: reading one converts it. */
  const tagged = (): Tensor => {
    const y = torch.no_grad(() => conv.forward(x));
    expect(layoutOf(y)).toBe(wasm() ? "nhwc" : undefined);
    return y;
  };
  const same = (got: Tensor, w: Tensor): void => expect(Array.from(got.dataSync())).toEqual(Array.from(w.dataSync()));

  test("shape, stride, tolist, printing, item", () => {
    const y = tagged();
    expect(Array.from(y.shape)).toEqual([2, 4, 5, 6]);
    expect(y.stride()).toEqual(want.stride());
    expect(tagged().tolist()).toEqual(want.tolist());
    expect(String(tagged())).toBe(String(want));
    expect(tagged().get(1, 2, 3, 4).item()).toBe(want.get(1, 2, 3, 4).item());
    expect(layoutOf(y)).toBe(wasm() ? "nhwc" : undefined);
    same(y, want);
    expect(layoutOf(y)).toBeUndefined();
  });

  test("indexing, select, narrow, permute, view, flatten, cat, clone, detach", () => {
    same(tagged().index([1, torch.tensor([0, 2])]), want.index([1, torch.tensor([0, 2])]));
    same(tagged().select(1, 2), want.select(1, 2));
    same(tagged().narrow(3, 1, 3), want.narrow(3, 1, 3));
    same(tagged().permute(0, 2, 3, 1).contiguous(), want.permute(0, 2, 3, 1).contiguous());
    const flat = tagged().view(2, -1);
    expect(layoutOf(flat)).toBe(wasm() ? "nhwc_flat" : undefined);
    same(flat, want.view(2, -1));
    same(tagged().flatten(), want.flatten());
    same(tagged().flatten(1).t(), want.flatten(1).t());
    same(torch.cat([tagged(), want, tagged()], 1), torch.cat([want, want, want], 1));
    same(tagged().clone(), want);
    same(tagged().detach(), want);
    expect(torch.equal(tagged(), want)).toBe(true);
    expect(tagged().eq(want).all().item()).toBe(true);
  });

  test("elementwise ops with NCHW tensors, with other NHWC tensors, with numbers", () => {
    same(tagged().add(want), want.mul(2));
    same(want.sub(tagged()), torch.zeros(2, 4, 5, 6));
    const both = torch.no_grad(() => tagged().add(tagged()));
    expect(layoutOf(both)).toBe(wasm() ? "nhwc" : undefined);
    same(both, want.add(want));
    same(torch.no_grad(() => tagged().mul(tagged())), want.mul(want));
    same(torch.no_grad(() => tagged().mul(3)), want.mul(3));
    same(torch.no_grad(() => torch.sigmoid(tagged())), torch.sigmoid(want));
    same(torch.no_grad(() => F.relu(tagged())), F.relu(want));
    // A channel bias broadcast over an NHWC map: the map is converted first.
    const bias = torch.arange(4).view(1, 4, 1, 1);
    same(torch.no_grad(() => tagged().add(bias)), want.add(bias));
    same(tagged().sum(1), want.sum(1));
  });

  test("in-place writes: add_, relu_ (inplace), copy_, and writes through and to views", () => {
    const a = tagged();
    torch.no_grad(() => a.add_(1));
    same(a, want.add(1));
    const b = tagged();
    torch.no_grad(() => F.relu(b, true));
    same(b, F.relu(want));
    const c = torch.zeros(2, 4, 5, 6);
    torch.no_grad(() => c.copy_(tagged()));
    same(c, want);
    const base = tagged();
    const v = base.view(2, -1);
    base.mul_(2);
    same(v, want.mul(2).view(2, -1));
    v.add_(1);
    same(base, want.mul(2).add(1));
    const d = tagged();
    d.setitem([0, 0, 0, 0], 100);
    const e = want.clone();
    e.setitem([0, 0, 0, 0], 100);
    same(d, e);
  });

  test("state_dict, torch.save and torch.load", () => {
    const holder = new nn.Module();
    holder.register_buffer("act", tagged());
    same(holder.state_dict().act as Tensor, want);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nhwc-"));
    try {
      const f = path.join(dir, "t.pt");
      torch.save({ y: tagged() }, f);
      same((torch.load(f) as { y: Tensor }).y, want);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("autograd: results that require grad are never NHWC; an NHWC tensor made to require grad back-propagates", () => {
    const g = conv.forward(x);
    expect(g.requires_grad).toBe(true);
    expect(layoutOf(g)).toBeUndefined();
    const y = tagged().requires_grad_();
    const z = F.relu(y).mul(2).sum();
    z.backward();
    same(y.grad!, want.gt(0).float().mul(2));
    const w = tagged();
    const k = torch.randn(5, 4, 3, 3);
    F.conv2d(w.requires_grad_(), k).sum().backward();
    const ref = want.clone().requires_grad_();
    F.conv2d(ref, k).sum().backward();
    same(w.grad!, ref.grad!);
  });

  test("the cpu backend makes no NHWC tensors", async () => {
    const y = await (async () => {
      const active = tf.getBackend();
      await tf.setBackend("cpu");
      try {
        const r = torch.no_grad(() => conv.forward(x));
        return { kind: layoutOf(r), values: Array.from(r.dataSync()) };
      } finally {
        await tf.setBackend(active);
      }
    })();
    expect(y.kind).toBeUndefined();
    const w = Array.from(want.dataSync());
    y.values.forEach((v, i) => expect(Math.abs(v - w[i])).toBeLessThan(1e-4));
  });
});
