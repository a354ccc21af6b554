/**
 * mse_loss's kernels (src/backend/loss_kernels.ts, taken through src/ops/mse.ts): forward and the
 * gradients of input and target against tfjs's cpu backend running the composition they replace
 * (Sub, Square, Sum/Mean; 2 (x - t) dy / n), and against PyTorch 1.13's values
 * (test/reference/gen_mse_kernel.py), for the reductions 'none', 'mean' and 'sum'. Runs on the
 * active backend (wasm by default, cpu under TORCHLAB_BACKEND=cpu).
 */
import { torch, Tensor } from "../../src";
import { tf } from "../../src/backend/tf";
import { hasLossKernel } from "../../src/backend/loss_kernels";
import { mseKernelApplies, MSE_KERNEL_MAX } from "../../src/ops/mse";
import { onCpu, close } from "../ops/_tfjs_cpu";
import { prng, values } from "../prng";
import { readReference, build, decode, type Encoded } from "../tensor/fixtures";

const F = torch.nn.functional;
type Reduction = "none" | "mean" | "sum";

function same(label: string, got: Tensor, want: Encoded, rtol = 1e-6): void {
  expect(`${label} ${JSON.stringify(got.shape)}`).toBe(`${label} ${JSON.stringify(want.shape)}`);
  const g = got.dataSync();
  const w = want.values.map(decode);
  const scale = w.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 1);
  let bad = -1;
  for (let i = 0; i < w.length; i++) {
    const ok = Number.isNaN(w[i]) ? Number.isNaN(g[i]) : Number.isFinite(w[i]) ? Math.abs(g[i] - w[i]) <= rtol * scale : g[i] === w[i];
    if (!ok) {
      bad = i;
      break;
    }
  }
  expect(bad < 0 ? `${label} ok` : `${label}: element ${bad} is ${g[bad]}, PyTorch ${w[bad]}`).toBe(`${label} ok`);
}

describe("mse_loss kernel", () => {
  it("runs on the in-process backends for same-shaped float32 tensors, up to MSE_KERNEL_MAX elements on wasm", () => {
    expect(hasLossKernel("TorchlabMseLoss")).toBe(true);
    expect(mseKernelApplies(torch.randn(3, 4), torch.randn(3, 4))).toBe(true);
    // A broadcasting target, an integer target and an empty input take the tfjs composition.
    expect(mseKernelApplies(torch.randn(3, 4), torch.randn(4))).toBe(false);
    expect(mseKernelApplies(torch.randn(3), torch.tensor([1, 2, 3]))).toBe(false);
    expect(mseKernelApplies(torch.randn(0, 4), torch.randn(0, 4))).toBe(false);
    const big = torch.zeros(MSE_KERNEL_MAX + 1);
    expect(mseKernelApplies(big, big)).toBe(tf.getBackend() !== "wasm");
  });

  it.each([
    ["x=[5] none", [5], "none"],
    ["x=[4,10] mean", [4, 10], "mean"],
    ["x=[3,7] sum", [3, 7], "sum"],
    ["x=[2,3,5,7] mean", [2, 3, 5, 7], "mean"],
    ["x=[2,3,5,7] none", [2, 3, 5, 7], "none"],
    ["x=[] sum", [], "sum"],
    ["x=[1031] mean", [1031], "mean"],
  ])("%s: loss and both gradients equal tfjs cpu's composition", async (_, shape, reduction) => {
    const s = shape as number[];
    const size = s.reduce((a, v) => a * v, 1);
    const r = prng(size + 17);
    const xv = values(r, size), tv = values(r, size), gv = reduction === "none" ? values(r, size) : Float32Array.of(0.75);
    const x = torch.from_typed(xv, s, { requires_grad: true });
    const t = torch.from_typed(tv, s, { requires_grad: true });
    const loss = F.mse_loss(x, t, { reduction: reduction as Reduction });
    expect(loss.grad_fn!.name()).toBe("MseLossBackward0");
    loss.backward(torch.from_typed(gv, reduction === "none" ? s : []));
    const [rl, rg] = await onCpu(() => {
      const d = tf.sub(tf.tensor(xv, s), tf.tensor(tv, s));
      const sq = tf.square(d);
      const l = reduction === "none" ? sq : reduction === "sum" ? tf.sum(sq) : tf.mean(sq);
      const norm = reduction === "mean" ? 2 / size : 2;
      const g = reduction === "none" ? tf.tensor(gv, s) : tf.scalar(gv[0]);
      return [l, tf.mul(tf.mul(d, norm), g)];
    });
    close("loss", loss, rl, 1e-5);
    close("input grad", x.grad as Tensor, rg, 1e-6);
    close("target grad", (t.grad as Tensor).neg(), rg, 1e-6);
  });

  const ref = readReference<{ cases: { name: string; reduction: Reduction; input: Encoded; target: Encoded; grad_output: Encoded; target_requires_grad: boolean; loss: Encoded; grad_fn: string; input_grad: Encoded; target_grad: Encoded | null }[] }>("mse_kernel.json");
  it.each(ref.cases.map((c) => [c.name, c] as const))("%s: PyTorch 1.13's loss and gradients", (_, c) => {
    const x = build(c.input, true);
    const t = build(c.target, c.target_requires_grad);
    expect(mseKernelApplies(x, t)).toBe(true);
    const loss = F.mse_loss(x, t, { reduction: c.reduction });
    expect(loss.grad_fn!.name()).toBe(c.grad_fn);
    same("loss", loss, c.loss, 1e-5);
    loss.backward(build(c.grad_output));
    same("input grad", x.grad as Tensor, c.input_grad);
    if (c.target_grad) same("target grad", t.grad as Tensor, c.target_grad);
    else expect(t.grad).toBeNull();
  });

  it("without grad mode the loss has no grad_fn and the same value", () => {
    const x = torch.randn(4, 5).requires_grad_();
    const t = torch.randn(4, 5);
    const a = F.mse_loss(x, t);
    const b = torch.no_grad(() => F.mse_loss(x, t));
    expect(b.grad_fn).toBeNull();
    expect(b.item()).toBe(a.item());
  });
});
