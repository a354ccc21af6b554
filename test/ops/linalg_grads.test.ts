/**
 * Gradients of torch.linalg.qr, eigh, eigvalsh, svd, svdvals and torch.svd against
 * test/reference/gen_linalg_grads.py (linalg_grads.json, PyTorch 1.13 in float64), through losses
 * that do not depend on the vectors' signs; plus finite differences and the modes PyTorch refuses.
 */
import { torch } from "../../src";
import { Encoded, build, expectClose, readReference } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
type Case = { A: Encoded; grad: Encoded };
const ref = readReference<{ grads: Record<string, Case> & { errors: Record<string, [string, string]> } }>("linalg_grads.json").grads;

/** The fixed weights of the generator: linspace(-1, 1.5) over the shape. */
const W = (shape: readonly number[]): Tensor => torch.linspace(-1, 1.5, shape.reduce((a, b) => a * b, 1)).reshape([...shape]);

const qrLoss = (mode: "reduced" | "complete") => (a: Tensor): Tensor => {
  const [Q, R] = torch.linalg.qr(a, mode);
  return Q.mul(W(Q.shape)).sum().add(R.mul(W(R.shape).flip(-1)).sum());
};
const eighLoss = (UPLO: "L" | "U") => (a: Tensor): Tensor => {
  const [L, V] = torch.linalg.eigh(a, UPLO);
  return L.mul(W(L.shape)).sum().add(V.mul(V).mul(W(V.shape)).sum()).add(V.mul(W(L.shape).unsqueeze(-2)).matmul(V.transpose(-1, -2)).sum());
};
const svdLoss = (full: boolean) => (a: Tensor): Tensor => {
  const [U, S, Vh] = torch.linalg.svd(a, full);
  const k = S.shape[S.dim() - 1];
  const Uk = U.narrow(-1, 0, k);
  const Vhk = Vh.narrow(-2, 0, k);
  return S.mul(W(S.shape)).sum()
    .add(Uk.mul(Uk).mul(W(Uk.shape)).sum())
    .add(Vhk.mul(Vhk).mul(W(Vhk.shape).flip(-1)).sum())
    .add(Uk.mul(S.unsqueeze(-2).sqrt()).matmul(Vhk).mul(W(a.shape)).sum());
};

const LOSSES: Record<string, (a: Tensor) => Tensor> = {
  qr_square: qrLoss("reduced"),
  qr_tall: qrLoss("reduced"),
  qr_wide: qrLoss("reduced"),
  qr_batch: qrLoss("reduced"),
  qr_complete_square: qrLoss("complete"),
  qr_complete_wide: qrLoss("complete"),
  eigh: eighLoss("L"),
  eigh_U: eighLoss("U"),
  eigh_L_nonsym: eighLoss("L"),
  eigh_batch: eighLoss("L"),
  eigvalsh: (a) => torch.linalg.eigvalsh(a).mul(W([4])).sum(),
  svd_tall: svdLoss(false),
  svd_wide: svdLoss(false),
  svd_square_full: svdLoss(true),
  svd_tall_full: svdLoss(true),
  svd_batch: svdLoss(false),
  svdvals: (a) => torch.linalg.svdvals(a).mul(W([3])).sum(),
  svd_old: (a) => {
    const [U, S, V] = torch.svd(a);
    return S.mul(W(S.shape)).sum().add(U.mul(U).mul(W(U.shape)).sum()).add(V.mul(V).mul(W(V.shape)).sum());
  },
};

describe("linalg decomposition gradients against PyTorch", () => {
  test.each(Object.keys(LOSSES))("%s", (name) => {
    const c = ref[name] as Case;
    const A = build(c.A, true);
    LOSSES[name](A).backward();
    expectClose(`${name} grad`, A.grad as Tensor, c.grad, 2e-3, 2e-4);
  });

  test.each(["qr_tall", "qr_wide", "eigh", "svd_tall", "svd_wide"])("%s: central differences agree with backward", (name) => {
    const c = ref[name] as Case;
    const A = build(c.A, true);
    LOSSES[name](A).backward();
    const g = (A.grad as Tensor).dataSync();
    const base = build(c.A).dataSync();
    const sym = name.startsWith("eigh");
    const n = c.A.shape[1];
    const h = 1e-2;
    for (let i = 0; i < base.length; i++) {
      const at = (d: number): number => {
        const v = Float32Array.from(base);
        v[i] += d;
        // eigh reads one triangle; perturb symmetrically and compare with the symmetric gradient.
        if (sym) v[(i % n) * n + Math.floor(i / n)] += (i % n) * n + Math.floor(i / n) === i ? 0 : d;
        return LOSSES[name](torch.from_typed(v, c.A.shape)).item();
      };
      const fd = (at(h) - at(-h)) / (2 * h);
      const row = Math.floor(i / n);
      const col = i % n;
      const want = sym && row !== col ? g[i] + g[col * n + row] : g[i];
      expect(Math.abs(fd - want)).toBeLessThan(2e-2 * Math.max(1, Math.abs(want)));
    }
  });

  test("modes PyTorch cannot differentiate raise its RuntimeError at backward", () => {
    const e = ref.errors;
    const expectErr = (f: () => void, [cls, msg]: [string, string]): void => {
      let caught: unknown;
      try {
        f();
      } catch (err) {
        caught = err;
      }
      expect([(caught as Error).name, (caught as Error).message]).toEqual([cls, msg]);
    };
    expectErr(() => torch.linalg.qr(torch.ones([3, 2], { requires_grad: true }), "r")[1].sum().backward(), e.qr_r);
    expectErr(() => torch.linalg.qr(torch.ones([3, 2], { requires_grad: true }), "complete")[0].sum().backward(), e.qr_complete_tall);
  });
});
