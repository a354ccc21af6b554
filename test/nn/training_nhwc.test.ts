/**
 * Training activations and their gradients kept NHWC (src/ops/layout.ts, autograd/backward.ts's
 * nhwcGrad): on wasm, conv2d, max_pool2d(2), ReLU and batch norm keep their results NHWC in grad mode
 * and hand gradients to each other NHWC. A training step must give, bit for bit, what the same step
 * gives when every layer's output is first read as NCHW (`.mul(1)` between the layers: mul is not
 * layout-aware in grad mode, so each layer then takes the NCHW path), and what tfjs's cpu backend
 * gives within rounding. Hooks, retain_grad and a tensor read by a layout-aware and a plain consumer
 * see NCHW gradients. On other backends nothing is tagged and the comparisons hold trivially.
 */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";
import { collectNow, reclaimStats, setGcBudget } from "../../src/backend/memory";

const nn = torch.nn;
type Tensor = InstanceType<typeof torch.Tensor>;
type Module = InstanceType<typeof nn.Module>;
const wasm = (): boolean => tf.getBackend() === "wasm";
const layoutOf = (t: Tensor): string | undefined => (t as unknown as { _s: { layout?: { kind: string } } })._s.layout?.kind;

/** The tutorial Net's layers, scaled down; `plain` reads every layer's output as NCHW first. */
class Net extends nn.Module {
  conv1: InstanceType<typeof nn.Conv2d>;
  pool = new nn.MaxPool2d(2, 2);
  relu = new nn.ReLU();
  bn1: InstanceType<typeof nn.BatchNorm2d>;
  conv2: InstanceType<typeof nn.Conv2d>;
  bn2: InstanceType<typeof nn.BatchNorm2d>;
  fc: InstanceType<typeof nn.Linear>;
  /** Each layer's output, as the forward saw it. */
  seen: Tensor[] = [];
  constructor(cin: number, c1: number, c2: number, hw: [number, number], public plain = false) {
    super();
    this.conv1 = new nn.Conv2d(cin, c1, 5, 1, 1);
    this.bn1 = new nn.BatchNorm2d(c1);
    this.conv2 = new nn.Conv2d(c1, c2, 3, 1, 1);
    this.bn2 = new nn.BatchNorm2d(c2);
    this.fc = new nn.Linear(c2 * Math.floor((hw[0] - 2) / 2) * Math.floor((hw[1] - 2) / 2), 3);
  }
  private step(t: Tensor): Tensor {
    const out = this.plain ? t.mul(1) : t;
    this.seen.push(t);
    return out;
  }
  forward(x: Tensor): Tensor {
    this.seen = [];
    const s = (t: Tensor): Tensor => this.step(t);
    x = s(this.bn1(s(this.relu(s(this.pool(s(this.conv1(x))))))));
    x = s(this.bn2(s(this.relu(s(this.conv2(x))))));
    return this.fc(x.flatten(1));
  }
}

const f32 = (t: Tensor | null): number[] => Array.from((t as Tensor).dataSync());

/** Two SGD steps of `net`; the losses, then every parameter's gradient, parameter and buffer. */
function train(net: Net, x: Tensor, y: Tensor): number[][] {
  const opt = new torch.optim.SGD(net.parameters(), { lr: 0.1, momentum: 0.9 });
  const lossFn = new nn.CrossEntropyLoss();
  const out: number[][] = [];
  for (let i = 0; i < 2; i++) {
    opt.zero_grad();
    const loss = lossFn(net.forward(x), y);
    loss.backward();
    out.push([loss.item()]);
    for (const p of net.parameters()) out.push(f32(p.grad));
    opt.step();
  }
  for (const p of net.parameters()) out.push(f32(p));
  for (const b of net.buffers()) out.push(f32(b));
  return out;
}

function make(shape: [number, number, number, number], c1: number, c2: number, plain: boolean, seed: number): Net {
  torch.manual_seed(seed);
  return new Net(shape[1], c1, c2, [shape[2], shape[3]], plain);
}

function close(got: number[][], want: number[][], tol: number): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    let scale = 1;
    let worst = 0;
    for (const v of want[i]) scale = Math.max(scale, Math.abs(v));
    g.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - want[i][j]) / scale)));
    expect(worst).toBeLessThan(tol);
  });
}

async function onCpu<T>(f: () => T): Promise<T> {
  const active = tf.getBackend();
  await tf.setBackend("cpu");
  try {
    return f();
  } finally {
    await tf.setBackend(active);
  }
}

const configs: [string, [number, number, number, number], number, number][] = [
  // channels a multiple of four: the SIMD loops on wasm (the convolutions' outputs are large enough
  // to be kept NHWC: ops/conv.ts's NHWC_TRAINING_MIN)
  ["x=[8,1,28,28] c=32,64", [8, 1, 28, 28], 32, 64],
  // odd pooled sizes (the 2x2 windows leave a row and a column out) and channels the scalar loops take
  ["x=[16,2,31,29] c=30,26", [16, 2, 31, 29], 30, 26],
];

describe("training keeps activations and gradients NHWC", () => {
  configs.forEach(([name, shape, c1, c2], i) => {
    test(`${name}: two SGD steps equal the NCHW path bit for bit and the cpu backend within rounding`, async () => {
      torch.manual_seed(100 + i);
      const x = torch.randn(...shape);
      const y = torch.randint(0, 3, [shape[0]]);
      const fast = make(shape, c1, c2, false, 7 + i);
      const got = train(fast, x, y);
      if (wasm()) {
        // conv1, pool, relu, bn1, conv2, relu and bn2 all kept NHWC (the flatten reads a copy).
        fast.forward(x);
        expect(fast.seen.map(layoutOf)).toEqual(new Array(7).fill("nhwc"));
      }
      const plain = make(shape, c1, c2, true, 7 + i);
      const want = train(plain, x, y);
      expect(plain.seen.every((t) => layoutOf(t) === undefined)).toBe(true);
      expect(got).toEqual(want);
      close(got, await onCpu(() => train(make(shape, c1, c2, false, 7 + i), x, y)), 1e-4);
    }, 60000);
  });

  test("the Net's training step runs fewer transposes than the NCHW path", async () => {
    if (!wasm()) return;
    const shape: [number, number, number, number] = [8, 1, 28, 28];
    const x = torch.randn(...shape);
    const y = torch.randint(0, 3, [8]);
    const lossFn = new nn.CrossEntropyLoss();
    const count = async (net: Net): Promise<number> => {
      const info = await tf.profile(() => {
        lossFn(net.forward(x), y).backward();
        return [];
      });
      return info.kernels.filter((k) => k.name === "Transpose").length;
    };
    const fast = await count(make(shape, 32, 64, false, 1));
    const plain = await count(make(shape, 32, 64, true, 1));
    // The NCHW path moves conv1's output, conv2's input and its output forwards, and conv2's output
    // gradient and input gradient backwards; the NHWC one only bn2's output for the flatten and its
    // gradient back.
    expect(plain - fast).toBeGreaterThanOrEqual(3);
  });

  test("hooks, retain_grad and a second, plain consumer see NCHW gradients", () => {
    const run = (plain: boolean): number[][] => {
      torch.manual_seed(5);
      const conv = new nn.Conv2d(2, 8, 3);
      const bn = new nn.BatchNorm2d(8);
      const x = torch.randn(16, 2, 26, 26);
      const a = conv(x);
      const hooked: number[][] = [];
      a.register_hook((g: Tensor) => {
        hooked.push(Array.from(g.shape), f32(g));
      });
      const r = torch.relu(plain ? a.mul(1) : a);
      r.retain_grad();
      const b = bn(r);
      // `a` also feeds a plain consumer (pow), so its gradient adds an NCHW and an NHWC part.
      const loss = b.mul(torch.arange(8 * 24 * 24).reshape(8, 24, 24).float().div(1000)).sum().add(a.pow(2).sum().mul(0.01));
      loss.backward();
      return [...hooked, Array.from((r.grad as Tensor).shape), f32(r.grad), f32(conv.weight.grad), f32(conv.bias!.grad), f32(bn.weight!.grad)];
    };
    const got = run(false);
    expect(got[0]).toEqual([16, 8, 24, 24]);
    expect(got).toEqual(run(true));
  });

  test("converting a tensor kept NHWC counts its bytes once against the GC budget (the Net's flatten does it every step)", () => {
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
});
