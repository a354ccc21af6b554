/**
 * torch.linalg.svd / svdvals and torch.svd against PyTorch 1.13 (test/reference/gen_linalg_svd.py):
 * singular values, shapes, U diag(S) Vh == A, orthonormal U and Vh (completed for full_matrices and
 * zero singular values), |U| and |Vh| where the singular values are distinct (vectors are unique up to
 * sign), torch.svd's V and zero-filled compute_uv=false, errors of bad input.
 */
import { torch } from "../../src";
import { Encoded, build, decode, expectClose, readReference } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
interface SvdCase {
  A: Encoded; S: Encoded; U: Encoded; Vh: Encoded; U_reduced: Encoded; Vh_reduced: Encoded; svdvals: Encoded;
  svd_V_shape: number[]; svd_full_V_shape: number[]; svd_no_uv: { U: Encoded; S: Encoded; V: Encoded };
}
const REF = readReference<{ cases: Record<string, SvdCase>; errors: Record<string, [string, string]> }>("linalg_svd.json");

/** Max |a - b| over two tensors of one shape. */
function maxDiff(a: Tensor, b: Tensor): number {
  expect(a.shape).toEqual(b.shape);
  return a.sub(b).abs().max().item() as number;
}

/** Q^T Q == I for the columns of each matrix of `Q`. */
function expectOrthonormalColumns(Q: Tensor): void {
  const k = Q.shape[Q.dim() - 1];
  const gram = torch.matmul(Q.transpose(-2, -1), Q);
  expect(maxDiff(gram, torch.eye(k).expand(gram.shape))).toBeLessThan(1e-5);
}

/** Columns (dim -1 of U, rows of Vh) paired with singular values separated from their neighbours agree up to sign. */
function expectSameUpToSign(label: string, got: Tensor, want: Encoded, S: number[], vectorsInRows: boolean): void {
  const w = build(want);
  expect(got.shape).toEqual(w.shape);
  const g = vectorsInRows ? got.transpose(-2, -1) : got;
  const ww = vectorsInRows ? w.transpose(-2, -1) : w;
  const scale = Math.max(1, ...S);
  for (let j = 0; j < S.length; j++) {
    const distinct = S.every((s, i) => i === j || Math.abs(s - S[j]) > 1e-3 * scale) && S[j] > 1e-4 * scale;
    if (!distinct) continue;
    const a = g.select(-1, j).abs();
    const b = ww.select(-1, j).abs();
    expect(`${label} vector ${j}: ${maxDiff(a, b) < 1e-4}`).toBe(`${label} vector ${j}: true`);
  }
}

describe("torch.linalg.svd against PyTorch 1.13", () => {
  for (const [name, c] of Object.entries(REF.cases)) {
    test(`${name}: A ${JSON.stringify(c.A.shape)}`, () => {
      const A = build(c.A);
      for (const full of [true, false]) {
        const [U, S, Vh] = torch.linalg.svd(A, { full_matrices: full });
        expectClose(`${name} S`, S, c.S, 1e-4, 1e-5);
        expect(U.shape).toEqual((full ? c.U : c.U_reduced).shape);
        expect(Vh.shape).toEqual((full ? c.Vh : c.Vh_reduced).shape);
        expectOrthonormalColumns(U);
        expectOrthonormalColumns(Vh.transpose(-2, -1));
        // U[..., :k] diag(S) Vh[..., :k, :] reconstructs A.
        const k = S.shape[S.dim() - 1];
        const Uk = U.narrow(-1, 0, k);
        const Vk = Vh.narrow(-2, 0, k);
        const scale = Math.max(1, ...c.S.values.map(decode));
        expect(maxDiff(torch.matmul(Uk.mul(S.unsqueeze(-2)), Vk), A)).toBeLessThan(2e-5 * scale);
        if (c.A.shape.length === 2) {
          const s = c.S.values.map(decode);
          expectSameUpToSign(`${name} U`, Uk, full ? { ...c.U, ...narrowed(c.U, k) } : c.U_reduced, s, false);
          expectSameUpToSign(`${name} Vh`, Vk, full ? { ...c.Vh, ...narrowedRows(c.Vh, k) } : c.Vh_reduced, s, true);
        }
      }
      const named = torch.linalg.svd(A, false);
      expect(named.U.shape).toEqual(c.U_reduced.shape);
      expect(named.Vh.shape).toEqual(c.Vh_reduced.shape);
      expectClose(`${name} svdvals`, torch.linalg.svdvals(A), c.svdvals, 1e-4, 1e-5);
    });
  }

  test("torch.svd: V (not Vh), some=false, compute_uv=false zero-fills U and V", () => {
    for (const c of Object.values(REF.cases)) {
      const A = build(c.A);
      const r = torch.svd(A);
      expect(r.V.shape).toEqual(c.svd_V_shape);
      expect(torch.svd(A, { some: false }).V.shape).toEqual(c.svd_full_V_shape);
      const k = r.S.shape[r.S.dim() - 1];
      expect(maxDiff(torch.matmul(r.U.narrow(-1, 0, k).mul(r.S.unsqueeze(-2)), r.V.narrow(-1, 0, k).transpose(-2, -1)), A)).toBeLessThan(2e-5 * Math.max(1, ...c.S.values.map(decode)));
      const [U0, S0, V0] = torch.svd(A, { compute_uv: false });
      expectClose("no_uv U", U0, c.svd_no_uv.U);
      expectClose("no_uv S", S0, c.svd_no_uv.S);
      expectClose("no_uv V", V0, c.svd_no_uv.V);
    }
  });

  test("errors name what was wrong, as PyTorch; no gradient (raises at backward)", () => {
    const expectErr = (f: () => unknown, [cls, msg]: [string, string]): void => {
      let e: unknown = null;
      try {
        f();
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).constructor.name).toBe(cls);
      expect((e as Error).message).toContain(msg.replace(/^linalg\.svd: /, ""));
    };
    expectErr(() => torch.linalg.svd(torch.ones(3)), REF.errors.vector);
    expectErr(() => torch.linalg.svd(torch.ones([2, 2], { dtype: torch.int64 })), REF.errors.int);
    expectErr(() => torch.linalg.svdvals(torch.ones(3)), REF.errors.svdvals_vector);
    expect(() => torch.linalg.svd(torch.ones([2, 2]), { driver: "gesvd" } as never)).toThrow(/driver/);
    const A = torch.randn([3, 2], { requires_grad: true });
    // d(sum of singular values)/dA = U Vh (reduced); test/ops/linalg_grads.test.ts checks the rest.
    const r = torch.linalg.svd(A, false);
    r.S.sum().backward();
    expect((A.grad as Tensor).sub(r.U.matmul(r.Vh)).abs().max().item()).toBeLessThan(1e-5);
  });
});

/** The first k columns of an encoded [m, n] matrix. */
function narrowed(e: Encoded, k: number): Encoded {
  const [m, n] = e.shape;
  const values = [];
  for (let i = 0; i < m; i++) values.push(...e.values.slice(i * n, i * n + k));
  return { ...e, shape: [m, k], values };
}

/** The first k rows of an encoded [m, n] matrix. */
function narrowedRows(e: Encoded, k: number): Encoded {
  const [, n] = e.shape;
  return { ...e, shape: [k, n], values: e.values.slice(0, k * n) };
}
