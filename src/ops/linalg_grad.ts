/**
 * Backward formulas of the decompositions in linalg_decomp.ts, for one real matrix at a time in
 * float64 (row-major arrays). Each is linear in the output gradients, so every output of a
 * decomposition records its own node and passes null for the gradients of the others.
 *
 * - QR (A = QR, m >= n): gA = (gQ + Q copyltu(M)) R^-T with M = R gR^T - gQ^T Q, copyltu mirroring
 *   the lower triangle to the upper. For m < n, A = [X | Y] with X = Q R1 and Y = Q R2: gY = Q gR2
 *   and X takes the square formula with gQ + Y gR2^T.
 * - eigh (A = V diag(L) V^T): gA = V (diag(gL) + F o (V^T gV - gV^T V) / 2) V^T with
 *   F_ij = 1 / (L_j - L_i): the symmetric gradient, whichever triangle was read.
 * - SVD (A = U diag(S) Vh, reduced to k = min(m, n) columns): with skew(X) = X - X^T and
 *   F_ij = 1 / (S_j^2 - S_i^2), gA = U [F o skew(U^T gU) S + S F o skew(V^T gV) + diag(gS)] Vh
 *   + (I - U U^T) gU S^-1 Vh + U S^-1 gV^T (I - V V^T).
 * These are the formulas PyTorch's linalg_qr_backward, linalg_eig_backward (Hermitian case) and
 * svd_backward implement; they need distinct eigen/singular values and a full-rank R, as there.
 */

type Mat = Float64Array;

/** a (r x k) times b (k x c). */
function mm(a: Mat, b: Mat, r: number, k: number, c: number): Mat {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    for (let p = 0; p < k; p++) {
      const v = a[i * k + p];
      if (v === 0) continue;
      for (let j = 0; j < c; j++) out[i * c + j] += v * b[p * c + j];
    }
  }
  return out;
}

/** The transpose of an r x c matrix. */
export function tr(a: Mat, r: number, c: number): Mat {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j];
  return out;
}

function add(a: Mat, b: Mat): Mat {
  return a.map((v, i) => v + b[i]);
}

/** Columns `from`..`to` of an r x c matrix. */
export function cols(a: Mat, r: number, c: number, from: number, to: number): Mat {
  const w = to - from;
  const out = new Float64Array(r * w);
  for (let i = 0; i < r; i++) for (let j = 0; j < w; j++) out[i * w + j] = a[i * c + from + j];
  return out;
}

/** X = B R^-T for an upper-triangular n x n R (each row x solves R x^T = b^T by back substitution). */
function solveRT(B: Mat, R: Mat, rows: number, n: number): Mat {
  const X = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) {
    for (let i = n - 1; i >= 0; i--) {
      let s = B[r * n + i];
      for (let j = i + 1; j < n; j++) s -= R[i * n + j] * X[r * n + j];
      X[r * n + i] = s / R[i * n + i];
    }
  }
  return X;
}

/** Square / tall QR backward: Q m x n, R n x n. */
function qrTall(Q: Mat, R: Mat, gQ: Mat | null, gR: Mat | null, m: number, n: number): Mat {
  const M = new Float64Array(n * n);
  if (gR !== null) M.set(mm(R, tr(gR, n, n), n, n, n));
  if (gQ !== null) {
    const QtgQ = mm(tr(gQ, m, n), Q, n, m, n);
    for (let i = 0; i < n * n; i++) M[i] -= QtgQ[i];
  }
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) C[i * n + j] = i >= j ? M[i * n + j] : M[j * n + i];
  let B = mm(Q, C, m, n, n);
  if (gQ !== null) B = add(B, gQ);
  return solveRT(B, R, m, n);
}

/**
 * The gradient of A (m x n) from those of Q (m x qc) and R (rr x n), either null. `complete` QR of a
 * tall matrix and mode "r" are refused by the caller.
 */
export function qrBackward(Q: Mat, R: Mat, gQ: Mat | null, gR: Mat | null, m: number, n: number): Mat {
  if (m >= n) return qrTall(Q, R, gQ, gR, m, n);
  const R1 = cols(R, m, n, 0, m);
  const R2 = cols(R, m, n, m, n);
  const gR1 = gR === null ? null : cols(gR, m, n, 0, m);
  const gR2 = gR === null ? new Float64Array(m * (n - m)) : cols(gR, m, n, m, n);
  const Y = mm(Q, R2, m, m, n - m);
  const gY = mm(Q, gR2, m, m, n - m);
  const extra = mm(Y, tr(gR2, m, n - m), m, n - m, m);
  const gX = qrTall(Q, R1, gQ === null ? extra : add(gQ, extra), gR1, m, m);
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) out[i * n + j] = gX[i * m + j];
    for (let j = m; j < n; j++) out[i * n + j] = gY[i * (n - m) + j - m];
  }
  return out;
}

/** The gradient of a symmetric A (n x n) from those of its eigenvalues L and eigenvectors V (columns). */
export function eighBackward(L: Mat, V: Mat, gL: Mat | null, gV: Mat | null, n: number): Mat {
  const inner = new Float64Array(n * n);
  if (gV !== null) {
    const X = mm(tr(V, n, n), gV, n, n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) inner[i * n + j] = (X[i * n + j] - X[j * n + i]) / 2 / (L[j] - L[i]);
  }
  if (gL !== null) for (let i = 0; i < n; i++) inner[i * n + i] = gL[i];
  return mm(mm(V, inner, n, n, n), tr(V, n, n), n, n, n);
}

/**
 * The gradient of A (m x n) from those of U (m x k), S (k) and Vh (k x n) of the reduced SVD (the
 * caller narrows full_matrices' extra columns away), any of them null.
 */
export function svdBackward(U: Mat, S: Mat, Vh: Mat, gU: Mat | null, gS: Mat | null, gVh: Mat | null, m: number, n: number): Mat {
  const k = S.length;
  const inner = new Float64Array(k * k);
  const F = (i: number, j: number): number => 1 / (S[j] * S[j] - S[i] * S[i]);
  const V = tr(Vh, k, n);
  if (gU !== null) {
    const X = mm(tr(U, m, k), gU, k, m, k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) inner[i * k + j] += F(i, j) * (X[i * k + j] - X[j * k + i]) * S[j];
  }
  const gV = gVh === null ? null : tr(gVh, k, n);
  if (gV !== null) {
    const X = mm(Vh, gV, k, n, k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) inner[i * k + j] += S[i] * F(i, j) * (X[i * k + j] - X[j * k + i]);
  }
  if (gS !== null) for (let i = 0; i < k; i++) inner[i * k + i] += gS[i];
  let gA = mm(mm(U, inner, m, k, k), Vh, m, k, n);
  if (gU !== null && m > k) {
    // (I - U U^T) gU S^-1 Vh
    const UUtgU = mm(U, mm(tr(U, m, k), gU, k, m, k), m, k, k);
    const proj = gU.map((v, i) => v - UUtgU[i]);
    const scaled = proj.map((v, i) => v / S[i % k]);
    gA = add(gA, mm(scaled, Vh, m, k, n));
  }
  if (gV !== null && n > k) {
    // U S^-1 gV^T (I - V V^T)
    const VVtgV = mm(V, mm(Vh, gV, k, n, k), n, k, k);
    const proj = gV.map((v, i) => v - VVtgV[i]);
    const scaledT = tr(proj, n, k).map((v, i) => v / S[Math.floor(i / n)]);
    gA = add(gA, mm(U, scaledT, m, k, n));
  }
  return gA;
}
