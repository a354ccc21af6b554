/**
 * nn.Sequential's inference chain kept NHWC on wasm (src/nn/modules/conv_chain.ts) against the same
 * layers called one by one (each converting its own layout), on odd shapes: strides, padding, 'same',
 * dilation, non-square kernels and inputs, batch 1, padded max pooling, batch norm with running
 * statistics, Dropout in eval mode, Flatten + Linear. Also what must not take the chain: NaN reaching a
 * max pool, hooks, batch norm in training mode, grad mode on. On other backends the chain is not used
 * and the same comparisons hold trivially.
 */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";
import { prng, values } from "../prng";

const nn = torch.nn;
type Tensor = InstanceType<typeof torch.Tensor>;
type Module = InstanceType<typeof nn.Module>;

function oneByOne(seq: InstanceType<typeof nn.Sequential>, x: Tensor): Tensor {
  let y = x;
  for (const m of seq.children()) y = (m as unknown as (t: Tensor) => Tensor)(y);
  return y;
}

/** Trains batch norms for a step so their running statistics are not the identity, then eval(). */
function settle(seq: InstanceType<typeof nn.Sequential>, shape: number[]): void {
  seq.train();
  torch.no_grad(() => seq(torch.randn(...shape).mul(2).add(0.5)));
  seq.eval();
}

function close(got: Tensor, want: Tensor): void {
  expect(got.shape).toEqual(want.shape);
  const g = got.dataSync();
  const w = want.dataSync();
  let scale = 1;
  for (let i = 0; i < w.length; i++) if (!Number.isNaN(w[i])) scale = Math.max(scale, Math.abs(w[i]));
  for (let i = 0; i < w.length; i++) {
    if (Number.isNaN(w[i])) expect(Number.isNaN(g[i])).toBe(true);
    else expect(Math.abs(g[i] - w[i]) / scale).toBeLessThan(1e-5);
  }
}

/**
 * Every kernel call `f` makes, once per call (tf.profile's kernelNames lists each name only once), as
 * its name with the rank of its first input: `Transpose/4` moves an activation between layouts, where
 * `Transpose/2` is a small Linear weight outside the chain.
 */
async function kernelsOf(f: () => void): Promise<string[]> {
  const info = await tf.profile(() => {
    f();
    return [];
  });
  return info.kernels.map((k) => `${k.name}/${k.inputShapes[0]?.length ?? 0}`);
}

const cases: [string, () => Module[], number[]][] = [
  ["the tutorial Net", () => [new nn.Conv2d(1, 32, 5, 1, 1), new nn.MaxPool2d(2, 2), new nn.ReLU(), new nn.BatchNorm2d(32), new nn.Conv2d(32, 64, 3, 1, 1), new nn.ReLU(), new nn.BatchNorm2d(64), new nn.Flatten(), new nn.Linear(64 * 13 * 13, 10)], [8, 1, 28, 28]],
  ["stride 2, non-square kernel and input, bias=false, batch 1", () => [new nn.Conv2d(3, 5, [3, 2], { stride: 2, padding: [1, 0], bias: false }), new nn.ReLU(), new nn.Conv2d(5, 4, 1)], [1, 3, 11, 9]],
  ["dilation 2, padding 'same', padded max pool, Dropout in eval", () => [new nn.Conv2d(2, 6, 3, { padding: "same", dilation: 2 }), new nn.BatchNorm2d(6), new nn.Dropout(0.5), new nn.MaxPool2d(3, { stride: 2, padding: 1 }), new nn.ReLU(), new nn.Flatten(), new nn.Linear(6 * 5 * 6, 7), new nn.ReLU(), new nn.Linear(7, 3)], [3, 2, 10, 11]],
  ["MaxPool2d(2) of odd maps with channels in fours (the SIMD NHWC pooling)", () => [new nn.Conv2d(3, 8, 3, { padding: 1 }), new nn.ReLU(), new nn.MaxPool2d(2), new nn.BatchNorm2d(8), new nn.Conv2d(8, 4, 3), new nn.MaxPool2d(2, 2)], [2, 3, 13, 11]],
  ["stride [2, 1] with padding 'valid', BatchNorm2d(affine=false), then a layer outside the chain", () => [new nn.Conv2d(4, 3, 2, { stride: [2, 1], padding: "valid" }), new nn.BatchNorm2d(3, { affine: false }), new nn.Tanh()], [2, 4, 7, 6]],
];

describe("Sequential inference kept NHWC against the layers one by one", () => {
  cases.forEach(([name, make, shape], idx) => {
    test(`${name}: x=${JSON.stringify(shape)}`, async () => {
      torch.manual_seed(idx);
      const seq = new nn.Sequential(...make());
      settle(seq, shape);
      const x = torch.from_typed(values(prng(400 + idx), shape.reduce((a, b) => a * b, 1)), shape);
      let got: Tensor | null = null;
      const kernels = await kernelsOf(() => (got = torch.no_grad(() => seq(x))));
      close(got as unknown as Tensor, torch.no_grad(() => oneByOne(seq, x)));
      // The chain transposes once in (and once out when it does not end in a Linear).
      if (tf.getBackend() === "wasm") expect(kernels.filter((k) => k === "Transpose/4").length).toBeLessThanOrEqual(2);
    });
  });

  test("the tutorial Net's chain against the same layers on tfjs's cpu backend", async () => {
    torch.manual_seed(7);
    const seq = new nn.Sequential(...cases[0][1]());
    settle(seq, [4, 1, 28, 28]);
    const x = torch.randn(4, 1, 28, 28);
    const got = torch.no_grad(() => seq(x));
    const active = tf.getBackend();
    await tf.setBackend("cpu");
    let want: Tensor;
    try {
      want = torch.no_grad(() => oneByOne(seq, x));
      want = torch.from_typed(Float32Array.from(want.dataSync()), want.shape);
    } finally {
      await tf.setBackend(active);
    }
    close(got, want);
  });

  test("a NaN reaching a max pool propagates as in PyTorch (the chain steps aside)", () => {
    const seq = new nn.Sequential(new nn.Conv2d(1, 2, 3, { padding: 1 }), new nn.MaxPool2d(2), new nn.ReLU());
    seq.eval();
    const x = torch.randn(2, 1, 8, 8);
    x.setitem([1, 0, 3, 4], NaN);
    const y = torch.no_grad(() => seq(x));
    close(y, torch.no_grad(() => oneByOne(seq, x)));
    const flat = Array.from(y.dataSync());
    expect(flat.filter((v) => Number.isNaN(v)).length).toBeGreaterThan(0);
    expect(flat.slice(0, 32).every((v) => !Number.isNaN(v))).toBe(true);
  });

  test("a NaN reaching MaxPool2d(2) over channels in fours propagates inside the chain (its SIMD pooling keeps NaN)", async () => {
    const seq = new nn.Sequential(new nn.Conv2d(1, 4, 3, { padding: 1 }), new nn.MaxPool2d(2), new nn.ReLU());
    seq.eval();
    const x = torch.randn(2, 1, 8, 8);
    x.setitem([1, 0, 3, 4], NaN);
    let y: Tensor | null = null;
    const kernels = await kernelsOf(() => (y = torch.no_grad(() => seq(x))));
    const got = y as unknown as Tensor;
    close(got, torch.no_grad(() => oneByOne(seq, x)));
    const flat = Array.from(got.dataSync());
    expect(flat.filter((v) => Number.isNaN(v)).length).toBeGreaterThan(0);
    expect(flat.slice(0, 64).every((v) => !Number.isNaN(v))).toBe(true);
    if (tf.getBackend() === "wasm") expect(kernels).toContain("TorchlabMaxPool2x2Nhwc/4");
  });

  test("a NaN made inside the chain (a NaN weight, a negative running variance) reaching a max pool propagates", () => {
    // A NaN weight: the bound on |activation| the chain carries is NaN, so it looks for NaN before pooling.
    const conv = new nn.Conv2d(1, 2, 1, { bias: false });
    torch.no_grad(() => (conv.weight as Tensor).select(0, 1).fill_(NaN));
    const seq = new nn.Sequential(conv, new nn.MaxPool2d(2), new nn.ReLU());
    seq.eval();
    const x = torch.randn(2, 1, 4, 4);
    const y = torch.no_grad(() => seq(x));
    close(y, torch.no_grad(() => oneByOne(seq, x)));
    expect(Array.from(y.select(1, 1).flatten().dataSync()).every((v) => Number.isNaN(v))).toBe(true);
    expect(Array.from(y.select(1, 0).flatten().dataSync()).every((v) => !Number.isNaN(v))).toBe(true);

    const bn = new nn.BatchNorm2d(2);
    const seq2 = new nn.Sequential(new nn.Conv2d(1, 2, 3), bn, new nn.MaxPool2d(2), new nn.BatchNorm2d(2));
    seq2.eval();
    torch.no_grad(() => (bn.running_var as Tensor).setitem([1], -2));
    const x2 = torch.randn(2, 1, 8, 8);
    const y2 = torch.no_grad(() => seq2(x2));
    close(y2, torch.no_grad(() => oneByOne(seq2, x2)));
    expect(Array.from(y2.select(1, 1).flatten().dataSync()).every((v) => Number.isNaN(v))).toBe(true);
    expect(Array.from(y2.select(1, 0).flatten().dataSync()).every((v) => !Number.isNaN(v))).toBe(true);
  });

  test("hooks still run, batch norm in training mode still updates its statistics, grad mode records a graph", () => {
    const conv = new nn.Conv2d(2, 3, 3);
    const bn = new nn.BatchNorm2d(3);
    const seq = new nn.Sequential(conv, new nn.ReLU(), bn);
    const x = torch.randn(4, 2, 6, 6);
    const seen: number[][] = [];
    const h = conv.register_forward_hook((_m: unknown, _i: unknown, o: unknown) => {
      seen.push((o as Tensor).shape);
    });
    seq.eval();
    torch.no_grad(() => seq(x));
    expect(seen).toEqual([[4, 3, 4, 4]]);
    h.remove();
    seq.train();
    const before = bn.running_mean!.clone();
    torch.no_grad(() => seq(x));
    expect(bn.running_mean!.sub(before).abs().max().item()).toBeGreaterThan(0);
    seq.eval();
    const y = seq(x);
    expect(y.requires_grad).toBe(true);
    y.sum().backward();
    expect(conv.weight.grad).not.toBeNull();
  });

  test("a layer whose forward was replaced on the instance runs it", () => {
    const relu = new nn.ReLU();
    const seq = new nn.Sequential(new nn.Conv2d(1, 2, 3), relu, new nn.Flatten(), new nn.Linear(2 * 3 * 3, 2));
    seq.eval();
    (relu as unknown as { forward: (t: Tensor) => Tensor }).forward = (t: Tensor) => t.mul(0);
    const y = torch.no_grad(() => seq(torch.randn(2, 1, 5, 5)));
    const kids = seq.children();
    const lin = kids[kids.length - 1] as unknown as { bias: Tensor };
    close(y, lin.bias.detach().expand(2, 2));
  });

  test("a layer whose shape does not fit raises its own error", () => {
    const seq = new nn.Sequential(new nn.Conv2d(2, 3, 3), new nn.ReLU(), new nn.Conv2d(4, 5, 3));
    seq.eval();
    expect(() => torch.no_grad(() => seq(torch.randn(1, 2, 8, 8)))).toThrow(/expected input\[1, 3, 6, 6\] to have 4 channels, but got 3 channels instead/);
  });

  test("values kept between inferences (batch norm's affine, a convolution's bound) follow every write to their sources", () => {
    const conv = new nn.Conv2d(2, 4, 3, { padding: 1 });
    const bn = new nn.BatchNorm2d(4);
    const seq = new nn.Sequential(conv, new nn.ReLU(), bn, new nn.MaxPool2d(2), new nn.ReLU());
    settle(seq, [3, 2, 6, 6]);
    const x = torch.randn(3, 2, 6, 6);
    const check = (): Tensor => {
      const y = torch.no_grad(() => seq(x));
      close(y, torch.no_grad(() => oneByOne(seq, x)));
      return y;
    };
    let last = check();
    const changed = (): void => {
      const y = check();
      expect(y.sub(last).abs().max().item()).toBeGreaterThan(0);
      last = y;
    };
    // Each source of batch norm's affine written in place: a running statistic, the weight, the bias.
    torch.no_grad(() => (bn.running_var as Tensor).setitem([1], 4));
    changed();
    torch.no_grad(() => (bn.running_mean as Tensor).add_(0.25));
    changed();
    torch.no_grad(() => (bn.weight as Tensor).mul_(-2));
    changed();
    torch.no_grad(() => (bn.bias as Tensor).select(0, 2).fill_(3));
    changed();
    // New running statistics from a training-mode forward, and from load_state_dict.
    seq.train();
    torch.no_grad(() => seq(x.mul(3)));
    seq.eval();
    changed();
    const state = seq.state_dict();
    (state["2.running_mean"] as Tensor).fill_(-1);
    seq.load_state_dict(state);
    changed();
    // Weights of +-3e38 make inf - inf = NaN in the convolution: its ReLU may no longer be fused
    // (XNNPACK's clamp turns NaN into 0), which the bound kept from the finite weights would allow.
    torch.no_grad(() => {
      const w = conv.weight as Tensor;
      w.fill_(3e38);
      w.select(1, 1).fill_(-3e38);
    });
    const y = check();
    expect(Array.from(y.flatten().dataSync()).some((v) => Number.isNaN(v))).toBe(true);
  });

  test("a new weight (optimizer step, load_state_dict) is seen by the next inference", () => {
    const seq = new nn.Sequential(new nn.Conv2d(1, 2, 3), new nn.ReLU(), new nn.Flatten(), new nn.Linear(2 * 4 * 4, 3));
    seq.eval();
    const x = torch.randn(2, 1, 6, 6);
    const a = torch.no_grad(() => seq(x));
    torch.no_grad(() => {
      for (const p of seq.parameters()) p.mul_(0.5);
    });
    const b = torch.no_grad(() => seq(x));
    close(b, torch.no_grad(() => oneByOne(seq, x)));
    expect(a.sub(b).abs().max().item()).toBeGreaterThan(0);
  });
});
