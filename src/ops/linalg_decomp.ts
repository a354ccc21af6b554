/**
 * Matrix decompositions for small float32 (batched) matrices, computed on the host in float64:
 * torch.linalg.cholesky (with PyTorch's cholesky_backward), torch.linalg.eigh / eigvalsh (cyclic
 * Jacobi rotations; eigenvalues ascending, as LAPACK's syevd returns them), torch.linalg.qr
 * (Householder reflections with LAPACK's geqrf signs) and torch.linalg.svd / svdvals (one-sided Jacobi
 * rotations, linalg_extra.ts's jacobiSvd).
 */
import { tf, compute, record, constant, constantOf, describe } from "./_core";
import { Tensor } from "../tensor/tensor";
import { RuntimeError, TypeError, LinAlgError } from "../errors";
import { asReturnType } from "../pyrepr";
import { jacobiSvd, rotateColumns } from "./linalg_extra";
import { cols, eighBackward, qrBackward, svdBackward } from "./linalg_grad";

/** Each m x n matrix of a [..., m, n] tensor, as float64 row-major arrays. */
function matBatch(op: string, A: unknown): { mats: Float64Array[]; m: number; n: number; batch: number[] } {
  if (!(A instanceof Tensor)) throw new TypeError(`${op}(): argument 'input' must be Tensor, not ${describe(A)}`);
  if (A.dim() < 2) throw new RuntimeError(`${op}: The input tensor A must have at least 2 dimensions.`);
  if (A.dtype._tf !== "float32") throw new RuntimeError(`${op}: Expected a floating point or complex tensor as input. Got ${A.dtype._typeName}`);
  const [m, n] = A.shape.slice(-2);
  const v = A.contiguous()._t.dataSync() as Float32Array;
  const count = m * n === 0 ? 0 : v.length / (m * n);
  const mats: Float64Array[] = [];
  for (let b = 0; b < count; b++) mats.push(Float64Array.from(v.subarray(b * m * n, (b + 1) * m * n)));
  return { mats, m, n, batch: A.shape.slice(0, -2) };
}

/**
 * One output of a decomposition of A's `count` matrices; its backward maps each matrix's slice
 * (`per` values) of the output's gradient to that matrix's gradient (linalg_grad.ts).
 */
function decompOutput(name: string, A: Tensor, y: tf.Tensor, per: number, count: number, grad: (g: Float64Array, b: number) => Float64Array): Tensor {
  if (!A.requires_grad) return constantOf([A], y);
  return record(name, [A], y, (g) => {
    const gv = g.dataSync() as Float32Array;
    const out = Array.from({ length: count }, (_, b) => grad(Float64Array.from(gv.subarray(b * per, (b + 1) * per)), b));
    return [toTensor(out, A.shape.slice())];
  });
}

/** An output whose backward raises `message` (a decomposition PyTorch cannot differentiate in that mode). */
function refusesGradient(A: Tensor, y: tf.Tensor, name: string, message: string): Tensor {
  if (!A.requires_grad) return constantOf([A], y);
  return record(name, [A], y, () => {
    throw new RuntimeError(message);
  });
}

/** Each n x n matrix of a [..., n, n] tensor, as float64 row-major arrays. */
function squareBatch(op: string, A: unknown): { mats: Float64Array[]; n: number; batch: number[] } {
  if (!(A instanceof Tensor)) throw new TypeError(`${op}(): argument 'input' must be Tensor, not ${describe(A)}`);
  if (A.dim() < 2) throw new RuntimeError(`${op}: The input tensor A must have at least 2 dimensions.`);
  const n = A.shape[A.dim() - 1];
  if (A.shape[A.dim() - 2] !== n) throw new RuntimeError(`${op}: A must be batches of square matrices, but they are ${A.shape[A.dim() - 2]} by ${n} matrices`);
  if (A.dtype._tf !== "float32") throw new RuntimeError(`${op}: Expected a floating point or complex tensor as input. Got ${A.dtype._typeName}`);
  const v = A.contiguous()._t.dataSync() as Float32Array;
  const batch = A.shape.slice(0, -2);
  const count = n === 0 ? 0 : v.length / (n * n);
  const mats: Float64Array[] = [];
  for (let b = 0; b < count; b++) mats.push(Float64Array.from(v.subarray(b * n * n, (b + 1) * n * n)));
  return { mats, n, batch };
}

const toTensor = (mats: Float64Array[], shape: number[]): tf.Tensor => {
  const out = new Float32Array(mats.reduce((s, m) => s + m.length, 0));
  let o = 0;
  for (const m of mats) {
    out.set(m, o);
    o += m.length;
  }
  return tf.tensor(out, shape, "float32");
};

/** Lower Cholesky factor of one matrix (its lower triangle read); the failing minor's order, or 0. */
function choleskyOne(a: Float64Array, n: number): { L: Float64Array; bad: number } {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= L[j * n + k] * L[j * n + k];
    if (!(d > 0)) return { L, bad: j + 1 };
    const ljj = Math.sqrt(d);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      L[i * n + j] = s / ljj;
    }
  }
  return { L, bad: 0 };
}

/** X = M L^{-1} for lower-triangular L (right solve, row by row) and Y = L^{-H} M (left solve with L^T). */
function rightSolveLower(M: Float64Array, L: Float64Array, n: number): Float64Array {
  const X = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let j = n - 1; j >= 0; j--) {
      let s = M[r * n + j];
      for (let k = j + 1; k < n; k++) s -= X[r * n + k] * L[k * n + j];
      X[r * n + j] = s / L[j * n + j];
    }
  }
  return X;
}
function leftSolveUpperLT(M: Float64Array, L: Float64Array, n: number): Float64Array {
  // Solves L^T Y = M: L^T is upper triangular, so back substitution from the last row.
  const Y = new Float64Array(n * n);
  for (let c = 0; c < n; c++) {
    for (let i = n - 1; i >= 0; i--) {
      let s = M[i * n + c];
      for (let k = i + 1; k < n; k++) s -= L[k * n + i] * Y[k * n + c];
      Y[i * n + c] = s / L[i * n + i];
    }
  }
  return Y;
}

/**
 * The Cholesky factor of each symmetric positive-definite matrix (lower, or upper with `upper`),
 * reading only the lower triangle as LAPACK does. Raises for a matrix that is not positive-definite.
 * Gradient: PyTorch's cholesky_backward, L^{-H} (tril(L^H gL) symmetrised) L^{-1}.
 * @example torch.linalg.cholesky(torch.tensor([[4.0, 2], [2, 3]]))  // [[2, 0], [1, 1.4142]]
 */
export function cholesky(A: Tensor, upper = false, op = "linalg.cholesky"): Tensor {
  const { mats, n, batch } = squareBatch(op, A);
  const Ls = mats.map((m, b) => {
    const { L, bad } = choleskyOne(m, n);
    if (bad > 0) {
      const where = batch.length > 0 ? `(Batch element ${b}): ` : "";
      throw new LinAlgError(`${op}: ${where}The factorization could not be completed because the input is not positive-definite (the leading minor of order ${bad} is not positive-definite).`);
    }
    return L;
  });
  const T = (m: Float64Array): Float64Array => Float64Array.from(m, (_, i) => m[(i % n) * n + Math.floor(i / n)]);
  const shape = A.shape.slice();
  const out = compute(() => toTensor(upper ? Ls.map(T) : Ls, shape));
  return record("LinalgCholeskyExBackward0", [A], out, (g) => {
    const gv = g.dataSync() as Float32Array;
    const grads = Ls.map((L, b) => {
      let gL = Float64Array.from(gv.subarray(b * n * n, (b + 1) * n * n));
      if (upper) gL = T(gL);
      // P = tril(L^H gL), then 0.5 * (P + tril(P, -1)^H).
      const P = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += L[k * n + i] * gL[k * n + j];
          P[i * n + j] = s;
        }
      }
      const S = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (i === j) S[i * n + j] = 0.5 * P[i * n + i];
          else if (i > j) S[i * n + j] = 0.5 * P[i * n + j];
          else S[i * n + j] = 0.5 * P[j * n + i];
        }
      }
      return rightSolveLower(leftSolveUpperLT(S, L, n), L, n);
    });
    return [toTensor(grads, shape)];
  });
}

/** Eigen-decomposition of one symmetric matrix by cyclic Jacobi rotations: ascending values, vectors as columns. */
function jacobiEigh(a: Float64Array, n: number): { w: Float64Array; V: Float64Array } {
  const A = Float64Array.from(a);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p * n + q] * A[p * n + q];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q * n + q] - A[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        rotateColumns(A, n, n, p, q, c, s);
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k];
          const aqk = A[q * n + k];
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        rotateColumns(V, n, n, p, q, c, s);
      }
    }
  }
  const order = [...Array(n).keys()].sort((i, j) => A[i * n + i] - A[j * n + j]);
  const w = Float64Array.from(order, (i) => A[i * n + i]);
  const Vs = new Float64Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) Vs[r * n + c] = V[r * n + order[c]];
  return { w, V: Vs };
}

/** The symmetric matrices torch.linalg.eigh reads: the lower (UPLO "L") or upper triangle mirrored. */
function symmetrised(m: Float64Array, n: number, UPLO: string): Float64Array {
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const lower = i >= j ? m[i * n + j] : m[j * n + i];
      const upperV = i <= j ? m[i * n + j] : m[j * n + i];
      s[i * n + j] = UPLO === "U" ? upperV : lower;
    }
  }
  return s;
}

/** The (eigenvalues, eigenvectors) pair torch.linalg.eigh returns. */
export interface EighResult extends Array<Tensor> {
  0: Tensor;
  1: Tensor;
  eigenvalues: Tensor;
  eigenvectors: Tensor;
}

function eighImpl(op: string, A: Tensor, UPLO: string, vectors: boolean): [Tensor, Tensor | null] {
  if (UPLO !== "L" && UPLO !== "U") throw new RuntimeError(`Expected UPLO argument to be 'L' or 'U', but got ${UPLO}`);
  const { mats, n, batch } = squareBatch(op, A);
  const res = mats.map((m) => jacobiEigh(symmetrised(m, n, UPLO), n));
  const w = decompOutput("LinalgEighBackward0", A, compute(() => toTensor(res.map((r) => r.w), [...batch, n])), n, res.length, (g, b) => eighBackward(res[b].w, res[b].V, g, null, n));
  const V = vectors ? decompOutput("LinalgEighBackward0", A, compute(() => toTensor(res.map((r) => r.V), [...batch, n, n])), n * n, res.length, (g, b) => eighBackward(res[b].w, res[b].V, null, g, n)) : null;
  return [w, V];
}

/**
 * Eigenvalues (ascending) and orthonormal eigenvectors (columns) of each symmetric matrix, reading
 * the lower triangle (`UPLO: "U"`: the upper one). An eigenvector's sign is arbitrary, as in any
 * library. Gradient: the symmetric one PyTorch gives (distinct eigenvalues needed).
 */
export function eigh(A: Tensor, UPLO = "L"): EighResult {
  const [w, V] = eighImpl("linalg.eigh", A, UPLO, true);
  return asReturnType("linalg_eigh", ["eigenvalues", "eigenvectors"], [w, V as Tensor]) as EighResult;
}

/** The eigenvalues (ascending) of each symmetric matrix (torch.linalg.eigvalsh). */
export function eigvalsh(A: Tensor, UPLO = "L"): Tensor {
  return eighImpl("linalg.eigvalsh", A, UPLO, false)[0];
}


/** Householder QR of one m x n matrix as LAPACK's geqrf + orgqr: Q (m x cols) and R (m x n, upper). */
function householderQr(a: Float64Array, m: number, n: number, cols: number): { Q: Float64Array; R: Float64Array } {
  const R = Float64Array.from(a);
  const k = Math.min(m, n);
  const vs: Float64Array[] = [];
  const taus: number[] = [];
  for (let j = 0; j < k; j++) {
    const alpha = R[j * n + j];
    let xnorm = 0;
    for (let i = j + 1; i < m; i++) xnorm = Math.hypot(xnorm, R[i * n + j]);
    const v = new Float64Array(m);
    v[j] = 1;
    // dlarfg: no reflection when the column below the diagonal is already zero.
    if (xnorm === 0) {
      vs.push(v);
      taus.push(0);
      continue;
    }
    const beta = -Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
    for (let i = j + 1; i < m; i++) v[i] = R[i * n + j] / (alpha - beta);
    const tau = (beta - alpha) / beta;
    for (let c = j; c < n; c++) {
      let dot = 0;
      for (let i = j; i < m; i++) dot += v[i] * R[i * n + c];
      for (let i = j; i < m; i++) R[i * n + c] -= tau * v[i] * dot;
    }
    for (let i = j + 1; i < m; i++) R[i * n + j] = 0;
    vs.push(v);
    taus.push(tau);
  }
  // Q = H_0 H_1 ... H_{k-1} applied to the first `cols` columns of the identity.
  const Q = new Float64Array(m * cols);
  for (let i = 0; i < Math.min(m, cols); i++) Q[i * cols + i] = 1;
  for (let j = k - 1; j >= 0; j--) {
    const v = vs[j];
    for (let c = 0; c < cols; c++) {
      let dot = 0;
      for (let i = j; i < m; i++) dot += v[i] * Q[i * cols + c];
      for (let i = j; i < m; i++) Q[i * cols + c] -= taus[j] * v[i] * dot;
    }
  }
  return { Q, R };
}

/** The (Q, R) pair torch.linalg.qr returns. */
export interface QRResult extends Array<Tensor> {
  0: Tensor;
  1: Tensor;
  Q: Tensor;
  R: Tensor;
}

/**
 * QR decomposition of each matrix, with LAPACK's signs (R's diagonal is -sign(a) * norm, as PyTorch
 * returns it): mode "reduced" (Q m x k, R k x n, k = min(m, n)), "complete" (Q m x m, R m x n) or
 * "r" (Q empty, R k x n). Differentiable (full-rank A) except in mode "r" and "complete" with m > n, as in PyTorch.
 */
export function qr(A: Tensor, mode = "reduced"): QRResult {
  const op = "linalg.qr";
  if (mode !== "reduced" && mode !== "complete" && mode !== "r") {
    throw new RuntimeError(`qr received unrecognized mode '${mode}' but expected one of 'reduced' (default), 'r', or 'complete'`);
  }
  const { mats, m, n, batch } = matBatch(op, A);
  const k = Math.min(m, n);
  const cols = mode === "complete" ? m : k;
  const rRows = mode === "complete" ? m : k;
  const res = mats.map((a) => householderQr(a, m, n, cols));
  const Rs = res.map((r) => r.R.subarray(0, rRows * n));
  const Rt = compute(() => toTensor(Rs.map((r) => Float64Array.from(r)), [...batch, rRows, n]));
  const Qt = mode === "r" ? null : compute(() => toTensor(res.map((r) => r.Q), [...batch, m, cols]));
  let Q: Tensor;
  let R: Tensor;
  if (mode === "r") {
    Q = constant(compute(() => tf.zeros([0], "float32")));
    R = refusesGradient(A, Rt, "LinalgQrBackward0", "The derivative of linalg.qr depends on Q, which is not computed when mode='r'. Please use linalg.qr(A, mode='reduced') if you are going to differentiate through linalg.qr.");
  } else if (mode === "complete" && m > n) {
    const msg = "The QR decomposition is not differentiable when mode='complete' and nrows > ncols.";
    Q = refusesGradient(A, Qt as tf.Tensor, "LinalgQrBackward0", msg);
    R = refusesGradient(A, Rt, "LinalgQrBackward0", msg);
  } else {
    Q = decompOutput("LinalgQrBackward0", A, Qt as tf.Tensor, m * cols, res.length, (g, b) => qrBackward(res[b].Q, Rs[b], g, null, m, n));
    R = decompOutput("LinalgQrBackward0", A, Rt, rRows * n, res.length, (g, b) => qrBackward(res[b].Q, Rs[b], null, g, m, n));
  }
  return asReturnType("linalg_qr", ["Q", "R"], [Q, R]) as QRResult;
}

/** The transpose of a row-major r x c matrix. */
function transposed(a: Float64Array, r: number, c: number): Float64Array {
  const t = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) t[j * r + i] = a[i * c + j];
  return t;
}

/**
 * `want` orthonormal columns (p x want, row-major) starting from the `q` columns of `cols` (p x q):
 * a column of (near) zero norm, the left vector of a zero singular value, and every column past q
 * are filled by Gram-Schmidt over the standard basis, as LAPACK completes U for full_matrices.
 */
function completedBasis(cols: Float64Array, p: number, q: number, want: number): Float64Array {
  const out = new Float64Array(p * want);
  const accepted: number[] = [];
  const orthogonalise = (v: Float64Array): number => {
    for (let pass = 0; pass < 2; pass++) {
      for (const j of accepted) {
        let d = 0;
        for (let i = 0; i < p; i++) d += v[i] * out[i * want + j];
        for (let i = 0; i < p; i++) v[i] -= d * out[i * want + j];
      }
    }
    let norm = 0;
    for (let i = 0; i < p; i++) norm += v[i] * v[i];
    return Math.sqrt(norm);
  };
  const v = new Float64Array(p);
  let basis = 0;
  for (let j = 0; j < want; j++) {
    let norm = 0;
    if (j < q) {
      for (let i = 0; i < p; i++) v[i] = cols[i * q + j];
      norm = orthogonalise(v);
    }
    while (norm < 0.5 && basis < p) {
      v.fill(0);
      v[basis++] = 1;
      norm = orthogonalise(v);
    }
    for (let i = 0; i < p; i++) out[i * want + j] = v[i] / norm;
    accepted.push(j);
  }
  return out;
}

/**
 * U (m x ku), S (k, descending) and Vh (kv x n) of one m x n matrix, k = min(m, n), ku = kv = k or,
 * with `full`, ku = m and kv = n. Computed on the tall orientation (A or A^T) by jacobiSvd.
 */
function svdOne(a: Float64Array, m: number, n: number, full: boolean): { U: Float64Array; S: Float64Array; Vh: Float64Array } {
  const tall = m >= n;
  const p = tall ? m : n;
  const q = tall ? n : m;
  const { U, s, V } = jacobiSvd(tall ? a : transposed(a, m, n), p, q);
  const order = Array.from(s.keys()).sort((i, j) => s[j] - s[i]);
  const S = Float64Array.from(order, (i) => s[i]);
  // Columns of the tall factorisation B = Ub S Vb^T, reordered by descending singular value.
  const Ub = new Float64Array(p * q);
  const Vb = new Float64Array(q * q);
  order.forEach((src, j) => {
    for (let i = 0; i < p; i++) Ub[i * q + j] = S[j] > 0 ? U[i * q + src] : 0;
    for (let i = 0; i < q; i++) Vb[i * q + j] = V[i * q + src];
  });
  const Uc = completedBasis(Ub, p, q, full ? p : q);
  const Vc = completedBasis(Vb, q, q, q);
  // A = B: U = Uc, Vh = Vc^T. A = B^T = Vc S Uc^T: U = Vc, Vh = Uc^T.
  return tall ? { U: Uc, S, Vh: transposed(Vc, q, q) } : { U: Vc, S, Vh: transposed(Uc, p, full ? p : q) };
}

/** torch.linalg.svd's result: `[U, S, Vh]`, also by name. */
export interface SVDResult extends Array<Tensor> {
  U: Tensor;
  S: Tensor;
  Vh: Tensor;
}

/**
 * A = U diag(S) Vh for each matrix, singular values descending (full_matrices: U m x m and Vh n x n,
 * else m x k and k x n). Singular vectors are unique only up to sign (and rotation within repeated
 * values), so they may differ from LAPACK's by those; U diag(S) Vh reconstructs A. Gradient:
 * PyTorch's formula (distinct singular values; full_matrices' extra vectors get no gradient).
 */
export function svd(A: Tensor, full_matrices = true, op = "linalg.svd"): SVDResult {
  const { mats, m, n, batch } = matBatch(op, A);
  const k = Math.min(m, n);
  const res = mats.map((a) => svdOne(a, m, n, full_matrices));
  const ku = full_matrices ? m : k;
  const kv = full_matrices ? n : k;
  // full_matrices' extra columns of U and rows of Vh do not reach the gradient, as in PyTorch.
  const Uk = res.map((r) => (ku === k ? r.U : cols(r.U, m, ku, 0, k)));
  const Vhk = res.map((r) => r.Vh.subarray(0, k * n));
  const back = (gU: Float64Array | null, gS: Float64Array | null, gVh: Float64Array | null, b: number): Float64Array =>
    svdBackward(Uk[b], res[b].S, Vhk[b], gU === null || ku === k ? gU : cols(gU, m, ku, 0, k), gS, gVh === null ? null : gVh.subarray(0, k * n), m, n);
  const U = decompOutput("LinalgSvdBackward0", A, compute(() => toTensor(res.map((r) => r.U), [...batch, m, ku])), m * ku, res.length, (g, b) => back(g, null, null, b));
  const S = decompOutput("LinalgSvdBackward0", A, compute(() => toTensor(res.map((r) => r.S), [...batch, k])), k, res.length, (g, b) => back(null, g, null, b));
  const Vh = decompOutput("LinalgSvdBackward0", A, compute(() => toTensor(res.map((r) => r.Vh), [...batch, kv, n])), kv * n, res.length, (g, b) => back(null, null, g, b));
  return asReturnType("linalg_svd", ["U", "S", "Vh"], [U, S, Vh]) as SVDResult;
}

/** torch.svd's result: `[U, S, V]` (V, not its transpose), also by name. */
export interface SvdOldResult extends Array<Tensor> {
  U: Tensor;
  S: Tensor;
  V: Tensor;
}

/**
 * torch.svd(A, some=true, compute_uv=true), the older spelling: V instead of Vh, `some` the opposite
 * of full_matrices, and with compute_uv false U and V zero-filled (m x m and n x n) as PyTorch returns them.
 */
export function svdOld(A: Tensor, some = true, compute_uv = true): SvdOldResult {
  let U: Tensor;
  let S: Tensor;
  let V: Tensor;
  if (compute_uv) {
    const r = svd(A, !some, "svd");
    [U, S] = r;
    V = r.Vh.transpose(-2, -1);
  } else {
    S = svdvals(A, "svd");
    const batch = A.shape.slice(0, -2);
    const [m, n] = A.shape.slice(-2);
    U = constant(compute(() => tf.zeros([...batch, m, m], "float32")));
    V = constant(compute(() => tf.zeros([...batch, n, n], "float32")));
  }
  return asReturnType("svd", ["U", "S", "V"], [U, S, V]) as SvdOldResult;
}

/** The singular values of each matrix, descending (jacobiSvd on A itself: no Gram matrix squaring the condition number). Gradient: U diag(gS) Vh. */
export function svdvals(A: Tensor, op = "linalg.svdvals"): Tensor {
  const { mats, m, n, batch } = matBatch(op, A);
  const k = Math.min(m, n);
  const vals = mats.map((a) => {
    const tall = m >= n;
    const { s } = jacobiSvd(tall ? a : transposed(a, m, n), tall ? m : n, k);
    return Float64Array.from(s).sort().reverse();
  });
  return decompOutput("LinalgSvdBackward0", A, compute(() => toTensor(vals, [...batch, k])), k, mats.length, (g, b) => {
    const r = svdOne(mats[b], m, n, false);
    return svdBackward(r.U, r.S, r.Vh, null, g, null, m, n);
  });
}
