/**
 * scikit-learn 1.2's `sklearn.decomposition.PCA`: the principal axes of the centred data by a singular
 * value decomposition, signs fixed as scikit-learn's svd_flip fixes them (each component's largest
 * entry of U positive), so `components_` and the projections match scikit-learn's, signs included.
 * The SVD is one-sided Jacobi (accurate to the last bits of the singular values); scikit-learn uses
 * LAPACK, or for large inputs a randomized SVD that converges to the same components: results agree
 * to about 1e-10 rather than bit for bit.
 */
import { ValueError } from "../errors";
import { parseArgs } from "../tensor/args";
import * as D from "../tensor/dtype";
import { ndarray } from "../tensor/ndarray";
import { Estimator } from "./base";
import { as2d, float64 } from "./_validation";

/** The thin SVD of a rows-by-cols matrix (rows >= cols): U (rows x k), S, V (cols x k), S descending. */
function jacobiSvd(a: Float64Array, rows: number, cols: number): { U: Float64Array[]; S: number[]; V: Float64Array[] } {
  const A = Array.from({ length: cols }, (_, j) => Float64Array.from({ length: rows }, (_, i) => a[i * cols + j]));
  const V = Array.from({ length: cols }, (_, j) => Float64Array.from({ length: cols }, (_, i) => (i === j ? 1 : 0)));
  const dot = (x: Float64Array, y: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += x[i] * y[i];
    return s;
  };
  const rotate = (x: Float64Array, y: Float64Array, c: number, s: number): void => {
    for (let i = 0; i < x.length; i++) {
      const [u, v] = [x[i], y[i]];
      x[i] = c * u - s * v;
      y[i] = s * u + c * v;
    }
  };
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < cols - 1; p++) {
      for (let q = p + 1; q < cols; q++) {
        const alpha = dot(A[p], A[p]);
        const beta = dot(A[q], A[q]);
        const gamma = dot(A[p], A[q]);
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        rotate(A[p], A[q], c, c * t);
        rotate(V[p], V[q], c, c * t);
      }
    }
    if (!rotated) break;
  }
  const S = A.map((col) => Math.sqrt(dot(col, col)));
  const order = S.map((_, j) => j).sort((x, y) => S[y] - S[x] || x - y);
  return {
    U: order.map((j) => A[j].map((v) => (S[j] === 0 ? 0 : v / S[j]))),
    S: order.map((j) => S[j]),
    V: order.map((j) => V[j]),
  };
}

/** The thin SVD of any matrix, as columns of U and of V, and S descending. */
function svd(a: Float64Array, rows: number, cols: number): { U: Float64Array[]; S: number[]; V: Float64Array[] } {
  if (rows >= cols) return jacobiSvd(a, rows, cols);
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
  const r = jacobiSvd(t, cols, rows);
  return { U: r.V, S: r.S, V: r.U };
}

/**
 * `PCA(n_components=None, *, copy=True, whiten=False, svd_solver='auto', random_state=None)`: the
 * data projected on its `n_components` principal axes (all of them by default; a float in (0, 1)
 * keeps enough axes to explain that fraction of the variance). Fitted: `components_`, `mean_`,
 * `explained_variance_`, `explained_variance_ratio_`, `singular_values_`, `n_components_`.
 * @example const pca = new sklearn.decomposition.PCA(2); const X2 = pca.fit_transform(X); print(pca.explained_variance_ratio_)
 */
export class PCA extends Estimator {
  protected readonly defaults = { copy: true, iterated_power: "auto", n_components: null, n_oversamples: 10, power_iteration_normalizer: "auto", random_state: null, svd_solver: "auto", tol: 0.0, whiten: false };
  readonly n_components: number | null;
  readonly copy: boolean;
  readonly whiten: boolean;
  readonly svd_solver: string;
  readonly tol = 0.0;
  readonly iterated_power = "auto";
  readonly n_oversamples = 10;
  readonly power_iteration_normalizer = "auto";
  readonly random_state: number | null;
  components_!: ndarray;
  mean_!: ndarray;
  explained_variance_!: ndarray;
  explained_variance_ratio_!: ndarray;
  singular_values_!: ndarray;
  noise_variance_!: number;
  n_components_!: number;
  n_features_in_!: number;
  n_samples_!: number;
  private projected: Float64Array = new Float64Array(0);

  constructor(n_components?: number | null | { n_components?: number | null; copy?: boolean; whiten?: boolean; svd_solver?: string; random_state?: number | null }, options?: { copy?: boolean; whiten?: boolean; svd_solver?: string; random_state?: number | null }) {
    super();
    const o = parseArgs("PCA", [n_components, options], ["n_components", "copy", "whiten", "svd_solver", "random_state"]);
    this.n_components = (o.n_components ?? null) as number | null;
    this.copy = (o.copy ?? true) as boolean;
    this.whiten = (o.whiten ?? false) as boolean;
    this.svd_solver = (o.svd_solver ?? "auto") as string;
    this.random_state = (o.random_state ?? null) as number | null;
    if (!["auto", "full", "arpack", "randomized"].includes(this.svd_solver)) throw new ValueError(`Unrecognized svd_solver='${this.svd_solver}'`);
  }

  /** `fit(X, y=None)`: the principal axes of X. Returns the PCA. */
  fit(X: unknown, y?: unknown): this {
    void y;
    const a = as2d(X);
    const [n, d] = a.shape;
    const k0 = this.n_components;
    if (k0 !== null && !(k0 > 0 && k0 < 1) && !(Number.isInteger(k0) && k0 >= 0 && k0 <= Math.min(n, d))) {
      throw new ValueError(`n_components=${k0} must be between 0 and min(n_samples, n_features)=${Math.min(n, d)} with svd_solver='full'`);
    }
    const mean = new Float64Array(d);
    for (let i = 0; i < n * d; i++) mean[i % d] += a.data[i];
    for (let j = 0; j < d; j++) mean[j] /= n;
    const centred = Float64Array.from(a.data, (v, i) => v - mean[i % d]);
    const { U, S, V } = svd(centred, n, d);
    // svd_flip: each component's largest |U| entry made positive, its axis flipped with it.
    U.forEach((u, c) => {
      let best = 0;
      for (let i = 1; i < u.length; i++) if (Math.abs(u[i]) > Math.abs(u[best])) best = i;
      if (u[best] < 0) {
        u.forEach((v, i) => (u[i] = -v));
        V[c].forEach((v, i) => (V[c][i] = -v));
      }
    });
    const variance = S.map((s) => (s * s) / (n - 1));
    const total = variance.reduce((p, v) => p + v, 0);
    const ratio = variance.map((v) => v / total);
    let k = k0 === null ? Math.min(n, d) : k0;
    if (k0 !== null && k0 > 0 && k0 < 1) {
      let cum = 0;
      k = ratio.length;
      for (let c = 0; c < ratio.length; c++) {
        cum += ratio[c];
        if (cum > k0) {
          k = c + 1;
          break;
        }
      }
    }
    this.n_samples_ = n;
    this.n_features_in_ = d;
    this.n_components_ = k;
    this.mean_ = float64(mean, [d]);
    this.components_ = float64(V.slice(0, k).flatMap((v) => Array.from(v)), [k, d]);
    this.explained_variance_ = float64(variance.slice(0, k), [k]);
    this.explained_variance_ratio_ = float64(ratio.slice(0, k), [k]);
    this.singular_values_ = float64(S.slice(0, k), [k]);
    const rest = variance.slice(k);
    this.noise_variance_ = k < Math.min(n, d) ? rest.reduce((p, v) => p + v, 0) / rest.length : 0.0;
    this.projected = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) this.projected[i * k + c] = this.whiten ? U[c][i] * Math.sqrt(n - 1) : U[c][i] * S[c];
    }
    this.fitted = true;
    return this;
  }

  /** `transform(X)`: `(X - mean_) @ components_.T` (divided by the axes' standard deviations with whiten). */
  transform(X: unknown): ndarray {
    this.checkFitted();
    const a = as2d(X);
    const [n, d] = a.shape;
    this.checkFeatures(d, this.n_features_in_);
    const k = this.n_components_;
    const out = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += (a.data[i * d + j] - this.mean_.data[j]) * this.components_.data[c * d + j];
        out[i * k + c] = this.whiten ? s / Math.sqrt(this.explained_variance_.data[c]) : s;
      }
    }
    return new ndarray(out, [n, k], D.float64);
  }

  /** `fit_transform(X, y=None)`: fit, then the projection of X (U * S, as scikit-learn computes it). */
  fit_transform(X: unknown, y?: unknown): ndarray {
    this.fit(X, y);
    return float64(this.projected, [this.n_samples_, this.n_components_]);
  }

  /** `inverse_transform(X)`: points on the principal axes back in the original space. */
  inverse_transform(X: unknown): ndarray {
    this.checkFitted();
    const a = as2d(X);
    const [n, k] = a.shape;
    const d = this.n_features_in_;
    const out = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let c = 0; c < k; c++) {
          const w = this.whiten ? Math.sqrt(this.explained_variance_.data[c]) : 1;
          s += a.data[i * k + c] * w * this.components_.data[c * d + j];
        }
        out[i * d + j] = s + this.mean_.data[j];
      }
    }
    return new ndarray(out, [n, d], D.float64);
  }
}
