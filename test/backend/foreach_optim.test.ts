/**
 * The multi-tensor optimizer kernels (src/backend/js_kernels.ts: TorchlabSgdForeach,
 * TorchlabAdamForeach, TorchlabZerosForeach) against the per-parameter tfjs-op updates of
 * src/ops/optim_kernels.ts on the same values: they must agree bit for bit, on whichever backend the
 * suite runs (wasm by default, cpu under `TORCHLAB_BACKEND=cpu`).
 */
import { torch, Tensor } from "../../src";
import { sgdStep, sgdForeach, adamStep, adamForeach, SGDHyper, AdamHyper } from "../../src/ops/optim_kernels";
import { hasJsKernel } from "../../src/backend/js_kernels";
import { tf } from "../../src/backend/tf";

const SHAPES = [[3, 4], [7], [2, 3, 2, 2], [1]];

function params(seed: number): Tensor[] {
  torch.manual_seed(seed);
  return SHAPES.map((s) => torch.randn(s));
}

function values(ts: (Tensor | null)[]): number[][] {
  return ts.map((t) => (t === null ? [] : Array.from(t.dataSync())));
}

const sgdCases: [string, Partial<SGDHyper>][] = [
  ["lr=0.1", {}],
  ["momentum=0.9", { momentum: 0.9 }],
  ["momentum=0.9 dampening=0.1 weight_decay=0.01", { momentum: 0.9, dampening: 0.1, weight_decay: 0.01 }],
  ["nesterov momentum=0.9 weight_decay=1e-3", { momentum: 0.9, nesterov: true, weight_decay: 1e-3 }],
  ["maximize momentum=0.5 weight_decay=1", { momentum: 0.5, maximize: true, weight_decay: 1 }],
];

describe("foreach SGD kernel", () => {
  it("is registered on the in-process backends", () => {
    expect(hasJsKernel("TorchlabSgdForeach")).toBe(true);
  });

  it.each(sgdCases)("%s: three steps equal the per-parameter updates bit for bit", (_, extra) => {
    const h: SGDHyper = { lr: 0.1, momentum: 0, dampening: 0, weight_decay: 0, nesterov: false, maximize: false, ...extra };
    const a = params(1);
    const b = a.map((p) => p.clone());
    let bufA: (Tensor | null)[] = a.map(() => null);
    let bufB: (Tensor | null)[] = b.map(() => null);
    for (let step = 0; step < 3; step++) {
      const grads = params(10 + step);
      bufA = a.map((p, i) => sgdStep(p, grads[i], bufA[i], h));
      bufB = sgdForeach(b.map((p, i) => ({ param: p, grad: grads[i], buf: bufB[i] })), h);
      expect(values(b)).toEqual(values(a));
      expect(values(bufB)).toEqual(values(bufA));
    }
  });

  it("keeps a parameter without a buffer next to those with one (a parameter that got its first gradient late)", () => {
    const h: SGDHyper = { lr: 0.05, momentum: 0.9, dampening: 0, weight_decay: 0, nesterov: false, maximize: false };
    const a = params(2);
    const b = a.map((p) => p.clone());
    const g = params(3);
    const bufA = a.map((p, i) => (i === 1 ? null : sgdStep(p, g[i], null, h)));
    const bufB = b.map((p, i) => (i === 1 ? null : sgdStep(p, g[i], null, h)));
    const nextA = a.map((p, i) => sgdStep(p, g[i], bufA[i], h));
    const nextB = sgdForeach(b.map((p, i) => ({ param: p, grad: g[i], buf: bufB[i] })), h);
    expect(values(b)).toEqual(values(a));
    expect(values(nextB)).toEqual(values(nextA));
  });

  it("puts each buffer back in its parameter's place when large parameters go one by one (wasm without SIMD loops: over 8192 elements)", () => {
    const h: SGDHyper = { lr: 0.05, momentum: 0.9, dampening: 0, weight_decay: 0, nesterov: false, maximize: false };
    torch.manual_seed(4);
    const shapes = [[3], [100, 100], [5, 2], [9000], [4]];
    const a = shapes.map((s) => torch.randn(s));
    const b = a.map((p) => p.clone());
    let bufA: (Tensor | null)[] = a.map(() => null);
    let bufB: (Tensor | null)[] = b.map(() => null);
    for (let step = 0; step < 2; step++) {
      const g = shapes.map((s) => torch.randn(s));
      bufA = a.map((p, i) => sgdStep(p, g[i], bufA[i], h));
      bufB = sgdForeach(b.map((p, i) => ({ param: p, grad: g[i], buf: bufB[i] })), h);
      expect(bufB.map((t) => t?.shape)).toEqual(shapes);
      expect(values(b)).toEqual(values(a));
      expect(values(bufB)).toEqual(values(bufA));
    }
  });
});

/** Float32 values with the edge cases of the updates' arithmetic: -0, subnormals, the largest floats, infinities, NaN. */
function edgeValues(n: number, seed: number): Tensor {
  torch.manual_seed(seed);
  const v = Float32Array.from(torch.randn(n).dataSync() as Float32Array);
  const edges = [-0, 0, 1e-45, -1e-40, 3.4e38, -3.4e38, Infinity, -Infinity, NaN, 1e-38];
  for (let i = 0; i < edges.length; i++) v[(i * 997 + seed) % n] = edges[i];
  return torch.tensor(Array.from(v));
}

/** Each float's bits, so that -0 and NaN payloads compare too. */
function bits(ts: (Tensor | null)[]): number[][] {
  return ts.map((t) => (t === null ? [] : Array.from(new Uint32Array(Float32Array.from(t.dataSync() as Float32Array).buffer))));
}

describe("foreach SGD on wasm's SIMD loops", () => {
  // Odd lengths: each parameter's last one to three elements go through the scalar loop after the SIMD one.
  const lengths = [48001, 10082, 7, 1, 120];
  const cases: [string, Partial<SGDHyper>][] = [
    ["lr=0.01", { lr: 0.01 }],
    ["momentum=0.9 lr=0.001", { momentum: 0.9, lr: 0.001 }],
  ];

  it.each(cases)("%s: large, odd-length parameters with edge values equal the per-parameter updates bit for bit, in one kernel call", async (_, extra) => {
    const h: SGDHyper = { lr: 0.1, momentum: 0, dampening: 0, weight_decay: 0, nesterov: false, maximize: false, ...extra };
    const a = lengths.map((n, i) => edgeValues(n, 30 + i));
    const b = a.map((p) => p.clone());
    let bufA: (Tensor | null)[] = a.map(() => null);
    let bufB: (Tensor | null)[] = b.map(() => null);
    for (let step = 0; step < 3; step++) {
      const grads = lengths.map((n, i) => edgeValues(n, 40 + 10 * step + i));
      bufA = a.map((p, i) => sgdStep(p, grads[i], bufA[i], h));
      const info = await tf.profile(() => {
        bufB = sgdForeach(b.map((p, i) => ({ param: p, grad: grads[i], buf: bufB[i] })), h);
      });
      expect(bits(b)).toEqual(bits(a));
      expect(bits(bufB)).toEqual(bits(bufA));
      if (tf.getBackend() === "wasm") expect(info.kernels.map((k) => k.name)).toEqual(["TorchlabSgdForeach"]);
    }
  });
});

const adamCases: [string, Partial<Omit<AdamHyper, "step">>][] = [
  ["Adam defaults", {}],
  ["Adam weight_decay=0.1 (L2)", { weight_decay: 0.1 }],
  ["AdamW weight_decay=0.01", { weight_decay: 0.01, decoupled: true }],
  ["amsgrad", { amsgrad: true }],
  ["maximize lr=0.1 betas=(0.5, 0.9)", { maximize: true, lr: 0.1, beta1: 0.5, beta2: 0.9 }],
];

describe("foreach Adam kernel", () => {
  it.each(adamCases)("%s: three steps equal the per-parameter updates bit for bit", (_, extra) => {
    const h: Omit<AdamHyper, "step"> = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0, amsgrad: false, maximize: false, decoupled: false, ...extra };
    const a = params(4);
    const b = a.map((p) => p.clone());
    const state = (ps: Tensor[]) => ps.map((p) => ({ m: torch.zeros_like(p), v: torch.zeros_like(p), vmax: h.amsgrad ? torch.zeros_like(p) : null }));
    const sa = state(a);
    const sb = state(b);
    for (let step = 1; step <= 3; step++) {
      const grads = params(20 + step);
      a.forEach((p, i) => adamStep(p, grads[i], sa[i].m, sa[i].v, sa[i].vmax, { ...h, step }));
      // Parameters at different step counts (one joined late) share the call.
      adamForeach(b.map((p, i) => ({ param: p, grad: grads[i], exp_avg: sb[i].m, exp_avg_sq: sb[i].v, max_exp_avg_sq: sb[i].vmax, step })), h);
      expect(values(b)).toEqual(values(a));
      expect(values(sb.map((s) => s.m))).toEqual(values(sa.map((s) => s.m)));
      expect(values(sb.map((s) => s.v))).toEqual(values(sa.map((s) => s.v)));
      if (h.amsgrad) expect(values(sb.map((s) => s.vmax))).toEqual(values(sa.map((s) => s.vmax)));
    }
  });

  it("takes each parameter's own step count", () => {
    const h: Omit<AdamHyper, "step"> = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0, amsgrad: false, maximize: false, decoupled: false };
    const a = params(5);
    const b = a.map((p) => p.clone());
    const g = params(6);
    const sa = a.map((p) => ({ m: torch.zeros_like(p), v: torch.zeros_like(p) }));
    const sb = b.map((p) => ({ m: torch.zeros_like(p), v: torch.zeros_like(p) }));
    a.forEach((p, i) => adamStep(p, g[i], sa[i].m, sa[i].v, null, { ...h, step: i + 1 }));
    adamForeach(b.map((p, i) => ({ param: p, grad: g[i], exp_avg: sb[i].m, exp_avg_sq: sb[i].v, max_exp_avg_sq: null, step: i + 1 })), h);
    expect(values(b)).toEqual(values(a));
  });
});

describe("zero_grad and gradient accumulation", () => {
  function trainStepGrads(opt: "zero" | "none", steps: number): number[][] {
    torch.manual_seed(0);
    const net = new torch.nn.Sequential(new torch.nn.Linear(4, 3), new torch.nn.ReLU(), new torch.nn.Linear(3, 2));
    const optimizer = new torch.optim.SGD(net.parameters(), { lr: 0.1, momentum: 0.9 });
    const x = torch.randn(5, 4);
    const y = torch.randint(0, 2, [5]);
    for (let i = 0; i < steps; i++) {
      optimizer.zero_grad(opt === "none");
      torch.nn.functional.cross_entropy(net(x), y).backward();
      optimizer.step();
    }
    return values(net.parameters().map((p) => p.grad));
  }

  it("zero_grad() then backward gives the gradients that set_to_none gives", () => {
    expect(trainStepGrads("zero", 3)).toEqual(trainStepGrads("none", 3));
  });

  it("zero_grad() leaves readable zeros, and a second backward without zero_grad adds", () => {
    torch.manual_seed(0);
    const lin = new torch.nn.Linear(3, 2);
    const opt = new torch.optim.SGD(lin.parameters(), { lr: 0.1 });
    const x = torch.randn(4, 3);
    lin(x).sum().backward();
    const once = values([lin.weight.grad]);
    opt.zero_grad();
    expect(values([lin.weight.grad])[0].every((v) => v === 0)).toBe(true);
    lin(x).sum().backward();
    expect(values([lin.weight.grad])).toEqual(once);
    lin(x).sum().backward();
    expect(values([lin.weight.grad])[0]).toEqual(once[0].map((v) => Math.fround(v + v)));
  });

  it("a gradient written in place after zero_grad is added to, not replaced", () => {
    const w = torch.ones(3).requires_grad_();
    const opt = new torch.optim.SGD([w], { lr: 0.1 });
    w.mul(2).sum().backward();
    opt.zero_grad();
    w.grad!.add_(1);
    w.mul(2).sum().backward();
    expect(Array.from(w.grad!.dataSync())).toEqual([3, 3, 3]);
  });

  it("zeroed gradients read as zeros through a view taken before, a no_grad update and a step without backward", () => {
    const w = torch.tensor([1, 2, 3]).float().requires_grad_();
    const opt = new torch.optim.SGD([w], { lr: 0.5, momentum: 0.9 });
    w.mul(w).sum().backward();
    const head = w.grad!.narrow(0, 0, 2);
    opt.zero_grad();
    expect(Array.from(head.dataSync())).toEqual([0, 0]);
    torch.no_grad(() => w.sub_(w.grad!.mul(0.5)));
    expect(Array.from(w.detach().dataSync())).toEqual([1, 2, 3]);
    opt.step();
    expect(Array.from(w.detach().dataSync())).toEqual([1, 2, 3]);
    expect(Array.from(w.grad!.dataSync())).toEqual([0, 0, 0]);
  });

  it("a training step after zero_grad() never makes the zeros (the gradient replaces them)", async () => {
    torch.manual_seed(0);
    const lin = new torch.nn.Linear(3, 2);
    const opt = new torch.optim.SGD(lin.parameters(), { lr: 0.1 });
    const x = torch.randn(4, 3);
    lin(x).sum().backward();
    opt.step();
    const info = await tf.profile(() => {
      opt.zero_grad();
      lin(x).sum().backward();
      opt.step();
      return [];
    });
    const made = info.kernelNames.filter((k) => k === "ZerosLike" || k === "TorchlabZerosForeach");
    if (hasJsKernel("TorchlabZerosForeach")) expect(made).toEqual([]);
    expect(values([lin.bias.grad])[0]).toEqual([4, 4]);
  });
});
