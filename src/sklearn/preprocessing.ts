/**
 * scikit-learn 1.2's `sklearn.preprocessing`: the scalers (StandardScaler, MinMaxScaler), the label and
 * one-hot encoders and PolynomialFeatures, with fit / transform / fit_transform / inverse_transform and
 * the fitted attributes scikit-learn names (`mean_`, `scale_`, `var_`, `data_min_`, `classes_`,
 * `categories_`, ...). Statistics are float64 summed over rows in order, as NumPy sums along axis 0;
 * a float32 input stays float32, other inputs become float64.
 */
import { ValueError } from "../errors";
import * as N from "../numpy/core";
import { ObjectArray } from "../numpy/object_array";
import { parseArgs } from "../tensor/args";
import * as D from "../tensor/dtype";
import { ndarray } from "../tensor/ndarray";
import { Estimator } from "./base";
import { Label, labelValues, unique } from "./labels";
import { as2d, float64, int64 } from "./_validation";

const EPS = 2 ** -52;

/** X as float64 values (samples by features) and the dtype the result keeps (float32 stays float32). */
function floats(X: unknown): { x: ndarray; dtype: D.dtype; n: number; d: number } {
  const a = as2d(X);
  return { x: a, dtype: a._dtype === D.float32 ? D.float32 : D.float64, n: a.shape[0], d: a.shape[1] };
}

/** `x` computed per element in float64 and stored as `dtype` after each step, as NumPy's in-place ops on X do. */
function mapColumns(X: ndarray, dtype: D.dtype, steps: ((v: number, j: number) => number)[]): ndarray {
  const d = X.shape[1];
  const round = dtype === D.float32 ? Math.fround : (v: number) => v;
  const out = N.storage(dtype, X.size);
  for (let i = 0; i < X.size; i++) {
    let v = round(X.data[i]);
    for (const step of steps) v = round(step(v, i % d));
    out[i] = v;
  }
  return new ndarray(out, [...X.shape], dtype);
}

/** Column sums in row order (NumPy's axis-0 sum), in float64. */
function columnSums(X: ndarray, f: (v: number, j: number) => number = (v) => v): Float64Array {
  const d = X.shape[1];
  const s = new Float64Array(d);
  for (let i = 0; i < X.size; i++) s[i % d] += f(X.data[i], i % d);
  return s;
}

/**
 * The scalers' common ground: per-feature statistics from fit, then column maps of a float X with as many
 * features as fit saw (transform, inverse_transform), and fit_transform.
 */
abstract class ColumnScaler extends Estimator {
  n_samples_seen_!: number;
  n_features_in_!: number;

  abstract fit(X: unknown, y?: unknown): this;
  abstract transform(X: unknown): ndarray;

  /** `fit_transform(X, y=None)`: fit, then transform X. */
  fit_transform(X: unknown, y?: unknown): ndarray {
    return this.fit(X, y).transform(X);
  }

  /** X mapped column by column after fit, with NotFittedError / the feature-count ValueError first. */
  protected mapFitted(X: unknown, steps: ((v: number, j: number) => number)[]): ndarray {
    this.checkFitted();
    const { x, dtype, d } = floats(X);
    this.checkFeatures(d, this.n_features_in_);
    return mapColumns(x, dtype, steps);
  }
}

/**
 * `StandardScaler(*, copy=True, with_mean=True, with_std=True)`: each feature to zero mean and unit
 * variance, `(x - mean_) / scale_`; `var_` is the population variance, `scale_` its square root (1 for a
 * constant feature).
 * @example const scaler = new sklearn.preprocessing.StandardScaler(); const X_train_s = scaler.fit_transform(X_train)
 */
export class StandardScaler extends ColumnScaler {
  protected readonly defaults = { copy: true, with_mean: true, with_std: true };
  readonly copy: boolean;
  readonly with_mean: boolean;
  readonly with_std: boolean;
  /** The per-feature mean (None when with_mean is off). */
  mean_!: ndarray | null;
  /** The per-feature population variance (None when with_std is off). */
  var_!: ndarray | null;
  /** The per-feature scale, the standard deviation (None when with_std is off). */
  scale_!: ndarray | null;

  constructor(options?: { copy?: boolean; with_mean?: boolean; with_std?: boolean }) {
    super();
    const o = parseArgs("StandardScaler", [options], ["copy", "with_mean", "with_std"]);
    this.copy = (o.copy ?? true) as boolean;
    this.with_mean = (o.with_mean ?? true) as boolean;
    this.with_std = (o.with_std ?? true) as boolean;
  }

  /** `fit(X, y=None)`: the mean and variance of each feature. Returns the scaler. */
  fit(X: unknown, y?: unknown): this {
    void y;
    const { x, n, d } = floats(X);
    const mean = columnSums(x).map((s) => s / n);
    // scikit-learn's _incremental_mean_and_var: squared deviations less the square of their sum's error.
    const correction = columnSums(x, (v, j) => v - mean[j]);
    const variance = columnSums(x, (v, j) => (v - mean[j]) ** 2).map((s, j) => (s - correction[j] ** 2 / n) / n);
    this.n_samples_seen_ = n;
    this.n_features_in_ = d;
    this.mean_ = this.with_mean || this.with_std ? float64(mean, [d]) : null;
    this.var_ = this.with_std ? float64(variance, [d]) : null;
    // A constant feature (variance within rounding of zero) keeps its scale at 1.
    this.scale_ = this.with_std ? float64(variance.map((v, j) => (v <= n * EPS * v + (n * mean[j] * EPS) ** 2 ? 1 : Math.sqrt(v))), [d]) : null;
    if (!this.with_mean) this.mean_ = null;
    this.fitted = true;
    return this;
  }

  /** `transform(X)`: `(X - mean_) / scale_`. */
  transform(X: unknown): ndarray {
    const steps: ((v: number, j: number) => number)[] = [];
    if (this.mean_ !== null) steps.push((v, j) => v - (this.mean_ as ndarray).data[j]);
    if (this.scale_ !== null) steps.push((v, j) => v / (this.scale_ as ndarray).data[j]);
    return this.mapFitted(X, steps);
  }

  /** `inverse_transform(X)`: `X * scale_ + mean_`, back to the original units. */
  inverse_transform(X: unknown): ndarray {
    const steps: ((v: number, j: number) => number)[] = [];
    if (this.scale_ !== null) steps.push((v, j) => v * (this.scale_ as ndarray).data[j]);
    if (this.mean_ !== null) steps.push((v, j) => v + (this.mean_ as ndarray).data[j]);
    return this.mapFitted(X, steps);
  }
}

/**
 * `MinMaxScaler(feature_range=(0, 1), *, copy=True, clip=False)`: each feature mapped linearly so that
 * its fitted minimum and maximum land on `feature_range`, `X * scale_ + min_`.
 * @example const scaler = new sklearn.preprocessing.MinMaxScaler({feature_range: [-1, 1]})
 */
export class MinMaxScaler extends ColumnScaler {
  protected readonly defaults = { feature_range: [0, 1], copy: true, clip: false };
  readonly feature_range: [number, number];
  readonly copy: boolean;
  readonly clip: boolean;
  data_min_!: ndarray;
  data_max_!: ndarray;
  data_range_!: ndarray;
  scale_!: ndarray;
  min_!: ndarray;

  constructor(feature_range?: readonly number[] | { feature_range?: readonly number[]; copy?: boolean; clip?: boolean }, options?: { copy?: boolean; clip?: boolean }) {
    super();
    const o = parseArgs("MinMaxScaler", [feature_range, options], ["feature_range", "copy", "clip"]);
    this.feature_range = [...((o.feature_range ?? [0, 1]) as number[])] as [number, number];
    this.copy = (o.copy ?? true) as boolean;
    this.clip = (o.clip ?? false) as boolean;
  }

  /** `fit(X, y=None)`: each feature's minimum and maximum. Returns the scaler. */
  fit(X: unknown, y?: unknown): this {
    void y;
    const [lo, hi] = this.feature_range;
    if (lo >= hi) throw new ValueError(`Minimum of desired feature range must be smaller than maximum. Got (${lo}, ${hi}).`);
    const { x, n, d } = floats(X);
    const min = new Float64Array(d).fill(Infinity);
    const max = new Float64Array(d).fill(-Infinity);
    for (let i = 0; i < x.size; i++) {
      min[i % d] = Math.min(min[i % d], x.data[i]);
      max[i % d] = Math.max(max[i % d], x.data[i]);
    }
    const range = max.map((v, j) => v - min[j]);
    const scale = range.map((r) => (hi - lo) / (r < 10 * EPS ? 1 : r));
    this.data_min_ = float64(min, [d]);
    this.data_max_ = float64(max, [d]);
    this.data_range_ = float64(range, [d]);
    this.scale_ = float64(scale, [d]);
    this.min_ = float64(min.map((m, j) => lo - m * scale[j]), [d]);
    this.n_samples_seen_ = n;
    this.n_features_in_ = d;
    this.fitted = true;
    return this;
  }

  /** `transform(X)`: `X * scale_ + min_` (clipped to feature_range with `clip`). */
  transform(X: unknown): ndarray {
    const [lo, hi] = this.feature_range;
    const steps = [(v: number, j: number) => v * this.scale_.data[j], (v: number, j: number) => v + this.min_.data[j]];
    if (this.clip) steps.push((v) => Math.min(Math.max(v, lo), hi));
    return this.mapFitted(X, steps);
  }

  /** `inverse_transform(X)`: `(X - min_) / scale_`. */
  inverse_transform(X: unknown): ndarray {
    return this.mapFitted(X, [(v, j) => v - this.min_.data[j], (v, j) => v / this.scale_.data[j]]);
  }
}

/** Labels as a NumPy array: of numbers, or of dtype object for strings (scikit-learn's `array(['a', 'b'], dtype=object)`). */
function labelsOut(values: Label[], like: unknown): ndarray | ObjectArray {
  if (values.length > 0 && values.every((v) => typeof v === "string")) return ObjectArray.of(values, [values.length]);
  const dtype = like instanceof ndarray ? like._dtype : values.every((v) => typeof v === "boolean") ? D.bool : values.every((v) => Number.isInteger(v)) ? D.int64 : D.float64;
  return N.make(values.map(Number), [values.length], dtype);
}

function pyList(values: readonly Label[]): string {
  return `[${values.map((v) => (typeof v === "string" ? `'${v}'` : String(v))).join(", ")}]`;
}

/**
 * `LabelEncoder()`: labels to the integers 0..n_classes-1 in sorted order (`classes_`), and back.
 * String labels are accepted; their `classes_` is an array of dtype object, as scikit-learn's.
 * @example const le = new sklearn.preprocessing.LabelEncoder(); const y = le.fit_transform(["cat", "dog", "cat"])
 */
export class LabelEncoder extends Estimator {
  protected readonly defaults = {};
  /** The sorted distinct labels fit saw. */
  classes_!: ndarray | ObjectArray;
  private classes: Label[] = [];

  /** `fit(y)`: the sorted distinct labels. Returns the encoder. */
  fit(y: unknown): this {
    const values = labelValues(y);
    this.classes = unique(values).classes;
    this.classes_ = labelsOut(this.classes, y);
    this.fitted = true;
    return this;
  }

  /** `transform(y)`: each label's index in `classes_` (int64); ValueError for a label fit did not see. */
  transform(y: unknown): ndarray {
    this.checkFitted();
    const values = labelValues(y);
    const at = new Map(this.classes.map((c, i) => [c, i]));
    const unseen = unique(values.filter((v) => !at.has(v))).classes;
    if (unseen.length > 0) throw new ValueError(`y contains previously unseen labels: ${pyList(unseen)}`);
    return int64(values.map((v) => at.get(v) as number));
  }

  /** `fit_transform(y)`: fit, then transform y. */
  fit_transform(y: unknown): ndarray {
    return this.fit(y).transform(y);
  }

  /** `inverse_transform(y)`: the labels of the indices. */
  inverse_transform(y: unknown): ndarray | ObjectArray {
    this.checkFitted();
    const idx = labelValues(y).map(Number);
    const bad = unique(idx.filter((i) => !(Number.isInteger(i) && i >= 0 && i < this.classes.length))).classes;
    if (bad.length > 0) throw new ValueError(`y contains previously unseen labels: ${pyList(bad)}`);
    return labelsOut(idx.map((i) => this.classes[i]), this.classes_);
  }
}

/** The columns of a 2-d input as label lists (numbers or strings). */
function columnsOf(X: unknown): Label[][] {
  if (Array.isArray(X) && X.length > 0 && Array.isArray(X[0])) {
    const rows = X as Label[][];
    const d = rows[0].length;
    return Array.from({ length: d }, (_, j) => labelValues(rows.map((r) => r[j])));
  }
  const a = as2d(X);
  const [n, d] = a.shape;
  return Array.from({ length: d }, (_, j) => Array.from({ length: n }, (_, i) => a.data[i * d + j]));
}

/**
 * `OneHotEncoder(*, categories='auto', drop=None, sparse_output=True, dtype=np.float64,
 * handle_unknown='error')`: each column's categories (sorted, `categories_`) as indicator columns.
 * torchlab has no sparse matrices: pass `sparse_output: false` (or 1.2's older `sparse: false`) for
 * the dense array scikit-learn then returns.
 * @example const enc = new sklearn.preprocessing.OneHotEncoder({sparse_output: false}); enc.fit_transform([["a"], ["b"], ["a"]])
 */
export class OneHotEncoder extends Estimator {
  protected readonly defaults = { categories: "auto", drop: null, sparse: "deprecated", sparse_output: true, handle_unknown: "error" };
  readonly categories: string;
  readonly drop: null;
  readonly sparse: boolean | string;
  readonly sparse_output: boolean;
  readonly handle_unknown: string;
  /** Each column's sorted categories. */
  categories_!: (ndarray | ObjectArray)[];
  n_features_in_!: number;
  private cats: Label[][] = [];

  constructor(options: { categories?: "auto"; drop?: null; sparse?: boolean; sparse_output?: boolean; handle_unknown?: "error" | "ignore"; dtype?: unknown }) {
    super();
    const o = parseArgs("OneHotEncoder", [options], ["categories", "drop", "sparse", "sparse_output", "dtype", "handle_unknown"]);
    if (o.categories !== undefined && o.categories !== "auto") throw new ValueError("OneHotEncoder: only categories='auto' is supported here");
    if (o.drop !== undefined && o.drop !== null) throw new ValueError("OneHotEncoder: only drop=None is supported here");
    if (o.dtype !== undefined && N.dtypeOf(o.dtype as N.DTypeLike) !== D.float64) throw new ValueError("OneHotEncoder: only dtype=np.float64 is supported here");
    this.categories = "auto";
    this.drop = null;
    this.sparse = (o.sparse ?? "deprecated") as boolean | string;
    this.sparse_output = (o.sparse_output ?? (typeof o.sparse === "boolean" ? o.sparse : true)) as boolean;
    this.handle_unknown = (o.handle_unknown ?? "error") as string;
    if (!["error", "ignore", "infrequent_if_exist"].includes(this.handle_unknown)) {
      throw new ValueError(`handle_unknown should be one of 'error', 'ignore', 'infrequent_if_exist' got ${this.handle_unknown}.`);
    }
    if (this.sparse_output) throw new ValueError("torchlab has no sparse matrices: pass sparse_output=False for OneHotEncoder's dense array");
  }

  /** `fit(X, y=None)`: each column's categories. Returns the encoder. */
  fit(X: unknown, y?: unknown): this {
    void y;
    const cols = columnsOf(X);
    this.cats = cols.map((c) => unique(c).classes);
    this.categories_ = this.cats.map((c) => labelsOut(c, undefined));
    this.n_features_in_ = cols.length;
    this.fitted = true;
    return this;
  }

  /** `transform(X)`: the indicator columns, float64; an unseen category is an error, or all zeros with handle_unknown='ignore'. */
  transform(X: unknown): ndarray {
    this.checkFitted();
    const cols = columnsOf(X);
    this.checkFeatures(cols.length, this.n_features_in_);
    const n = cols.length > 0 ? cols[0].length : 0;
    const width = this.cats.reduce((s, c) => s + c.length, 0);
    const out = new Float64Array(n * width);
    let offset = 0;
    cols.forEach((col, j) => {
      const at = new Map(this.cats[j].map((c, k) => [c, k]));
      const unknown = col.filter((v) => !at.has(v));
      if (unknown.length > 0 && this.handle_unknown === "error") throw new ValueError(`Found unknown categories ${pyList(unique(unknown).classes)} in column ${j} during transform`);
      col.forEach((v, i) => {
        const k = at.get(v);
        if (k !== undefined) out[i * width + offset + k] = 1;
      });
      offset += this.cats[j].length;
    });
    return float64(out, [n, width]);
  }

  /** `fit_transform(X, y=None)`: fit, then transform X. */
  fit_transform(X: unknown, y?: unknown): ndarray {
    return this.fit(X, y).transform(X);
  }

  /** `inverse_transform(X)`: each row's categories back (a list of rows). */
  inverse_transform(X: unknown): Label[][] {
    this.checkFitted();
    const a = as2d(X);
    const [n, width] = a.shape;
    return Array.from({ length: n }, (_, i) => {
      let offset = 0;
      return this.cats.map((cats) => {
        let k = -1;
        for (let c = 0; c < cats.length; c++) if (a.data[i * width + offset + c] === 1) k = c;
        offset += cats.length;
        if (k < 0) throw new ValueError(`Samples [${i}] can not be inverted when drop=None and handle_unknown='error' because they contain all zeros`);
        return cats[k];
      });
    });
  }

  /** `get_feature_names_out(input_features=None)`: `x0_a`, `x0_b`, ... per category. */
  get_feature_names_out(input_features?: readonly string[] | null): string[] {
    this.checkFitted();
    const names = input_features ?? this.cats.map((_, j) => `x${j}`);
    return this.cats.flatMap((cats, j) => cats.map((c) => `${names[j]}_${typeof c === "boolean" ? (c ? "True" : "False") : String(c)}`));
  }
}

/** combinations_with_replacement(range(d), k) (or combinations for interaction_only), in itertools' order. */
function combinations(d: number, k: number, replace: boolean): number[][] {
  const out: number[][] = [];
  const walk = (start: number, picked: number[]): void => {
    if (picked.length === k) {
      out.push([...picked]);
      return;
    }
    for (let j = start; j < d; j++) walk(replace ? j : j + 1, [...picked, j]);
  };
  walk(0, []);
  return out;
}

/**
 * `PolynomialFeatures(degree=2, *, interaction_only=False, include_bias=True)`: every product of the
 * features up to `degree` (1, x0, x1, x0^2, x0 x1, x1^2 for two features and degree 2), in
 * scikit-learn's order.
 * @example const poly = new sklearn.preprocessing.PolynomialFeatures(3); const X3 = poly.fit_transform(X)
 */
export class PolynomialFeatures extends Estimator {
  protected readonly defaults = { degree: 2, include_bias: true, interaction_only: false, order: "C" };
  readonly degree: number;
  readonly interaction_only: boolean;
  readonly include_bias: boolean;
  readonly order = "C";
  n_features_in_!: number;
  n_output_features_!: number;
  private combos: number[][] = [];

  constructor(degree?: number | { degree?: number; interaction_only?: boolean; include_bias?: boolean }, options?: { interaction_only?: boolean; include_bias?: boolean }) {
    super();
    const o = parseArgs("PolynomialFeatures", [degree, options], ["degree", "interaction_only", "include_bias"]);
    this.degree = (o.degree ?? 2) as number;
    if (!Number.isInteger(this.degree) || this.degree < 0) throw new ValueError(`degree must be a non-negative integer or tuple, got ${this.degree}.`);
    this.interaction_only = (o.interaction_only ?? false) as boolean;
    this.include_bias = (o.include_bias ?? true) as boolean;
  }

  /** `fit(X, y=None)`: the output columns for X's number of features. Returns the transformer. */
  fit(X: unknown, y?: unknown): this {
    void y;
    const d = as2d(X).shape[1];
    this.combos = [];
    for (let k = this.include_bias ? 0 : 1; k <= this.degree; k++) this.combos.push(...combinations(d, k, !this.interaction_only));
    this.n_features_in_ = d;
    this.n_output_features_ = this.combos.length;
    this.fitted = true;
    return this;
  }

  /** The exponent of each input feature in each output column. */
  get powers_(): ndarray {
    this.checkFitted();
    const d = this.n_features_in_;
    const p = this.combos.flatMap((c) => Array.from({ length: d }, (_, j) => c.filter((i) => i === j).length));
    return int64(p, [this.combos.length, d]);
  }

  /** `transform(X)`: the products, as float64 (float32 stays float32). */
  transform(X: unknown): ndarray {
    this.checkFitted();
    const { x, dtype, n, d } = floats(X);
    this.checkFeatures(d, this.n_features_in_);
    const round = dtype === D.float32 ? Math.fround : (v: number) => v;
    const out = N.storage(dtype, n * this.combos.length);
    for (let i = 0; i < n; i++) {
      this.combos.forEach((c, k) => {
        out[i * this.combos.length + k] = c.reduce((p, j) => round(p * x.data[i * d + j]), 1);
      });
    }
    return new ndarray(out, [n, this.combos.length], dtype);
  }

  /** `fit_transform(X, y=None)`: fit, then transform X. */
  fit_transform(X: unknown, y?: unknown): ndarray {
    return this.fit(X, y).transform(X);
  }

  /** `get_feature_names_out(input_features=None)`: `1`, `x0`, `x0^2`, `x0 x1`, ... */
  get_feature_names_out(input_features?: readonly string[] | null): string[] {
    this.checkFitted();
    const names = input_features ?? Array.from({ length: this.n_features_in_ }, (_, j) => `x${j}`);
    return this.combos.map((c) => {
      if (c.length === 0) return "1";
      const parts: string[] = [];
      for (const j of [...new Set(c)]) {
        const p = c.filter((i) => i === j).length;
        parts.push(p === 1 ? names[j] : `${names[j]}^${p}`);
      }
      return parts.join(" ");
    });
  }
}

