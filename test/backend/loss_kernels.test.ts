/**
 * The log_softmax and nll_loss kernels (src/backend/loss_kernels.ts) against tfjs's own cpu backend
 * running the tfjs composition they replace (log-sum-exp; gather and masks), forward and backward,
 * on whichever backend the suite runs (wasm by default, cpu under `TORCHLAB_BACKEND=cpu`). PyTorch's
 * values for the same ops are checked by the fixtures of test/nn/reference.test.ts.
 */
import { torch, Tensor } from "../../src";
import { tf } from "../../src/backend/tf";
import { hasLossKernel } from "../../src/backend/loss_kernels";
import { onCpu, close } from "../ops/_tfjs_cpu";

const F = torch.nn.functional;

function data(t: Tensor): number[] {
  return Array.from(t.dataSync());
}

/** Reference log_softmax and its gradient for the upstream gradient `g`, in tfjs ops on the cpu backend. */
async function refLogSoftmax(x: number[], shape: number[], dim: number, g: number[]) {
  return onCpu(() => {
    const xt = tf.tensor(x, shape);
    const gt = tf.tensor(g, shape);
    const y = tf.sub(xt, tf.logSumExp(xt, dim, true));
    return [y, tf.sub(gt, tf.mul(tf.exp(y), tf.sum(gt, dim, true)))];
  });
}

describe("log_softmax kernel", () => {
  it("is registered on the in-process backends", () => {
    expect(hasLossKernel("TorchlabLogSoftmax")).toBe(true);
    expect(hasLossKernel("TorchlabNllLoss")).toBe(true);
  });

  it.each([
    ["x=[4,10] dim=1", [4, 10], 1],
    ["x=[4,10] dim=0", [4, 10], 0],
    ["x=[7] dim=0", [7], 0],
    ["x=[2,5,3,3] dim=1 (inner 9)", [2, 5, 3, 3], 1],
    ["x=[3,4,6] dim=-1", [3, 4, 6], 2],
  ])("%s: forward and gradient equal tfjs cpu's log-sum-exp", async (_, shape, dim) => {
    torch.manual_seed(3);
    const x = torch.randn(shape as number[]).mul(4).requires_grad_();
    const g = torch.randn(shape as number[]);
    const y = F.log_softmax(x, dim as number);
    y.backward(g);
    const [ry, rg] = await refLogSoftmax(data(x), shape as number[], dim as number, data(g));
    close("log_softmax", y, ry, 1e-6);
    close("grad", x.grad as Tensor, rg, 1e-6);
  });

  it("a row with NaN or +inf is NaN; -inf entries give -inf (PyTorch 1.13's values)", () => {
    const x = torch.tensor([[1, NaN, 2], [Infinity, 0, 1], [-Infinity, 0, 0]]).requires_grad_();
    const y = F.log_softmax(x, 1);
    expect(y.tolist()).toEqual([[NaN, NaN, NaN], [NaN, NaN, NaN], [-Infinity, -Math.LN2, -Math.LN2].map(Math.fround)]);
    y.index(2).sum().backward();
    // torch.log_softmax(x, 1)[2].sum().backward(): the NaN rows' gradients are NaN (0 * exp(NaN)).
    expect((x.grad as Tensor).tolist()).toEqual([[NaN, NaN, NaN], [NaN, NaN, NaN], [1, -0.5, -0.5]]);
  });
});

/** nll_loss in tfjs ops on the cpu backend over [M, C] log-probabilities: -w[t] * logp[t], ignored positions 0, then the reduction. */
async function refNll(lp: number[], shape: number[], target: number[], weight: number[] | null, ignore: number, reduction: string) {
  return onCpu(() => {
    const c = shape[1];
    const flat = tf.tensor(lp, [target.length, c]);
    const keep = tf.tensor(target.map((t) => (t === ignore ? 0 : 1)), [target.length]);
    const safe = tf.tensor(target.map((t) => (t === ignore ? 0 : t)), [target.length], "int32");
    const w = weight ? tf.gather(tf.tensor(weight), safe) : tf.onesLike(keep);
    const wt = tf.mul(w, keep);
    const picked = tf.gather(tf.reshape(flat, [-1]), tf.add(tf.mul(tf.range(0, target.length, 1, "int32"), tf.scalar(c, "int32")), safe));
    const loss = tf.mul(tf.neg(picked), wt);
    const out = reduction === "none" ? loss : reduction === "sum" ? tf.sum(loss) : tf.div(tf.sum(loss), tf.sum(wt));
    return [out];
  });
}

describe("nll_loss kernel", () => {
  it.each([
    ["x=[4,10] mean", [4, 10], "mean", false, -100],
    ["x=[5,7] sum ignore_index=2", [5, 7], "sum", false, 2],
    ["x=[5,7] none weight ignore_index=1", [5, 7], "none", true, 1],
    ["x=[3,4,2,2] mean weight", [3, 4, 2, 2], "mean", true, -100],
    ["x=[2,3,5] none", [2, 3, 5], "none", false, -100],
  ])("%s: equals tfjs cpu's gather, and the gradient is -w[t] (/ total weight) at each target", async (_, shape, reduction, weighted, ignore) => {
    const s = shape as number[];
    torch.manual_seed(5);
    const lp = F.log_softmax(torch.randn(s), 1).detach().requires_grad_();
    const c = s[1];
    const tshape = [s[0], ...s.slice(2)];
    const target = torch.randint(0, c, tshape);
    if ((ignore as number) >= 0) target.setitem(0, ignore as number);
    const weight = weighted ? torch.rand(c).add(0.1) : null;
    const loss = F.nll_loss(lp, target, { weight, reduction: reduction as "mean", ignore_index: ignore as number });
    // PyTorch 1.13: nll_loss2d past 2-D, viewed back (ViewBackward0) when unreduced and not 4-D.
    expect(loss.grad_fn!.name()).toBe(s.length === 2 ? "NllLossBackward0" : reduction === "none" && s.length !== 4 ? "ViewBackward0" : "NllLoss2DBackward0");
    // Reference values with classes last, as the reference flattens them.
    const perm = s.length > 2 ? [0, ...s.slice(2).map((_, i) => i + 2), 1] : [0, 1];
    const flatLp = data(lp.permute(perm).contiguous());
    const tv = data(target);
    const [ref] = await refNll(flatLp, [tv.length, c], tv, weight ? data(weight) : null, ignore as number, reduction as string);
    close("nll_loss", loss.reshape(-1), { shape: [ref.data.length === 1 && reduction !== "none" ? 1 : ref.data.length], data: ref.data }, 1e-6);
    // The gradient: -w[t] * upstream (divided by the total weight for 'mean') at each kept target.
    const up = reduction === "none" ? torch.randn(tshape) : torch.tensor(1.5);
    loss.backward(up);
    const wv = weight ? data(weight) : null;
    const total = tv.reduce((a, t) => a + (t === ignore ? 0 : wv ? wv[t] : 1), 0);
    const inner = s.slice(2).reduce((a, b) => a * b, 1);
    const want = new Float32Array(lp.numel());
    const uv = data(up);
    tv.forEach((t, j) => {
      if (t === ignore) return;
      const o = Math.floor(j / inner);
      const g = reduction === "none" ? uv[j] : reduction === "mean" ? uv[0] / total : uv[0];
      want[(o * c + t) * inner + (j % inner)] = -g * (wv ? wv[t] : 1);
    });
    close("grad", lp.grad as Tensor, { shape: s, data: want }, 1e-6);
  });

  it("out-of-range targets raise IndexError; a mean over all-ignored targets is nan with a zero gradient", () => {
    const lp = F.log_softmax(torch.randn(3, 4), 1).detach().requires_grad_();
    expect(() => F.nll_loss(lp, torch.tensor([0, 4, 1]))).toThrow("Target 4 is out of bounds.");
    expect(() => F.cross_entropy(lp, torch.tensor([0, -1, 1]))).toThrow("Target -1 is out of bounds.");
    const loss = F.nll_loss(lp, torch.tensor([2, 2, 2]), { ignore_index: 2 });
    expect(Number.isNaN(loss.item())).toBe(true);
    loss.backward();
    expect(data(lp.grad as Tensor)).toEqual(new Array(12).fill(0));
  });

  it("cross_entropy in a training loop written as PyTorch's tutorial does", () => {
    torch.manual_seed(0);
    const net = new torch.nn.Sequential(new torch.nn.Linear(6, 8), new torch.nn.ReLU(), new torch.nn.Linear(8, 3));
    const opt = new torch.optim.SGD(net.parameters(), { lr: 0.5 });
    const criterion = new torch.nn.CrossEntropyLoss();
    const x = torch.randn(12, 6);
    const y = torch.randint(0, 3, [12]);
    const train = (): number[] => {
      const losses: number[] = [];
      for (let epoch = 0; epoch < 30; epoch++) {
        opt.zero_grad();
        const loss = criterion(net(x), y);
        loss.backward();
        opt.step();
        losses.push(loss.item());
      }
      return losses;
    };
    const losses = train();
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] * 0.5);
  });
});
