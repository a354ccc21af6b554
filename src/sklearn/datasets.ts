/**
 * scikit-learn 1.2's `sklearn.datasets`: the toy generators draw what scikit-learn draws (NumPy's legacy
 * RandomState, src/numpy/random.ts, in scikit-learn's order: the points, then the shuffle, then the
 * noise), so `make_moons(200, {noise: 0.1, random_state: 0})` gives scikit-learn's points; the loaders
 * read the CSV files scikit-learn ships (data/sklearn/, its BSD-3 copies) into a Bunch with `.data`,
 * `.target`, `.feature_names`, `.target_names`. Arrays are float64 samples by features and int64 labels.
 * Sums of products (make_regression's targets, make_classification's covariances) are added in order,
 * where NumPy's BLAS may add in another order: the last bit may differ.
 */
import * as fs from "fs";
import * as path from "path";
import { gunzipSync } from "zlib";
import { NotImplementedError, ValueError } from "../errors";
import * as N from "../numpy/core";
import { linspace } from "../numpy/index";
import { RandomState } from "../numpy/random";
import { parseArgs } from "../tensor/args";
import * as D from "../tensor/dtype";
import { ndarray } from "../tensor/ndarray";
import { asArray, check_random_state, float64, int64, RandomStateLike, safeIndexing, shuffledIndices } from "./_validation";

type Kw = Record<string, unknown>;

/** The samples and labels a generator returns: `const [X, y] = make_moons(...)`. */
export type XY = [ndarray, ndarray];

function split2(op: string, nSamples: unknown): [number, number] {
  if (typeof nSamples === "number") return [Math.floor(nSamples / 2), nSamples - Math.floor(nSamples / 2)];
  const pair = Array.isArray(nSamples) ? nSamples : nSamples instanceof ndarray ? Array.from(nSamples.data) : [];
  if (pair.length !== 2) throw new ValueError("`n_samples` can be either an int or a two-element tuple.");
  return [pair[0] as number, pair[1] as number];
}

/** Two classes' points (x, y pairs), shuffled then given noise as make_moons and make_circles do. */
function twoClasses(x: number[], y: number[], nOut: number, shuffle: boolean, noise: number | null, rng: RandomState): XY {
  const n = x.length;
  let X = float64(x.flatMap((v, i) => [v, y[i]]), [n, 2]);
  let labels = int64(Array.from({ length: n }, (_, i) => (i < nOut ? 0 : 1)));
  if (shuffle) {
    const idx = shuffledIndices(n, rng).data;
    X = safeIndexing(X, idx);
    labels = safeIndexing(labels, idx);
  }
  if (noise !== null && noise !== undefined) {
    const z = rng.normal(0, noise, [n, 2]);
    for (let i = 0; i < X.size; i++) X.data[i] += z.data[i];
  }
  return [X, labels];
}

/**
 * `make_moons(n_samples=100, *, shuffle=True, noise=None, random_state=None)`: two interleaving half
 * circles, labels 0 (the upper) and 1.
 * @example const [X, y] = sklearn.datasets.make_moons(200, {noise: 0.2, random_state: 42})
 */
export function make_moons(n_samples?: number | readonly number[] | Kw, options?: Kw): XY {
  const o = parseArgs("make_moons", [n_samples, options], ["n_samples", "shuffle", "noise", "random_state"]);
  const [nOut, nIn] = split2("make_moons", o.n_samples ?? 100);
  const rng = check_random_state(o.random_state as RandomStateLike);
  const out = Array.from(linspace(0, Math.PI, nOut).data);
  const inn = Array.from(linspace(0, Math.PI, nIn).data);
  const x = [...out.map(Math.cos), ...inn.map((t) => 1 - Math.cos(t))];
  const y = [...out.map(Math.sin), ...inn.map((t) => 1 - Math.sin(t) - 0.5)];
  return twoClasses(x, y, nOut, (o.shuffle ?? true) as boolean, (o.noise ?? null) as number | null, rng);
}

/**
 * `make_circles(n_samples=100, *, shuffle=True, noise=None, random_state=None, factor=0.8)`: a large
 * circle (label 0) around a small one (label 1, radius `factor`).
 * @example const [X, y] = sklearn.datasets.make_circles(500, {noise: 0.05, factor: 0.5, random_state: 0})
 */
export function make_circles(n_samples?: number | readonly number[] | Kw, options?: Kw): XY {
  const o = parseArgs("make_circles", [n_samples, options], ["n_samples", "shuffle", "noise", "random_state", "factor"]);
  const factor = (o.factor ?? 0.8) as number;
  if (factor >= 1 || factor < 0) throw new ValueError("'factor' has to be between 0 and 1.");
  const [nOut, nIn] = split2("make_circles", o.n_samples ?? 100);
  const rng = check_random_state(o.random_state as RandomStateLike);
  const out = Array.from(linspace(0, 2 * Math.PI, nOut, { endpoint: false }).data);
  const inn = Array.from(linspace(0, 2 * Math.PI, nIn, { endpoint: false }).data);
  const x = [...out.map(Math.cos), ...inn.map((t) => Math.cos(t) * factor)];
  const y = [...out.map(Math.sin), ...inn.map((t) => Math.sin(t) * factor)];
  return twoClasses(x, y, nOut, (o.shuffle ?? true) as boolean, (o.noise ?? null) as number | null, rng);
}

/**
 * `make_blobs(n_samples=100, n_features=2, *, centers=None, cluster_std=1.0, center_box=(-10.0, 10.0),
 * shuffle=True, random_state=None, return_centers=False)`: isotropic Gaussian blobs, one label per
 * center; `centers` an int (drawn uniformly in center_box) or the centers themselves.
 * @example const [X, y] = sklearn.datasets.make_blobs({n_samples: 300, centers: 4, random_state: 0})
 */
export function make_blobs(n_samples?: number | readonly number[] | Kw, n_features?: number | Kw, options?: Kw): XY | [ndarray, ndarray, ndarray] {
  const o = parseArgs("make_blobs", [n_samples, n_features, options], ["n_samples", "n_features", "centers", "cluster_std", "center_box", "shuffle", "random_state", "return_centers"]);
  const rng = check_random_state(o.random_state as RandomStateLike);
  const nSamples = (o.n_samples ?? 100) as number | number[];
  let nFeatures = (o.n_features ?? 2) as number;
  const box = (o.center_box ?? [-10.0, 10.0]) as [number, number];
  let centers: ndarray;
  let returned: ndarray;
  const given = o.centers;
  const nGiven = typeof nSamples === "number" ? null : Array.from(nSamples as ArrayLike<number>);
  if (given === undefined || given === null || typeof given === "number") {
    const k = nGiven !== null ? nGiven.length : ((given ?? 3) as number);
    centers = rng.uniform(box[0], box[1], [k, nFeatures]);
    returned = centers;
  } else {
    returned = asArray(given);
    centers = N.astype(returned, D.float64);
    if (centers.ndim !== 2) throw new ValueError(`Expected 2D array, got ${centers.ndim}D array instead`);
    nFeatures = centers.shape[1];
    if (nGiven !== null && nGiven.length !== centers.shape[0]) {
      throw new ValueError(`Length of \`n_samples\` not consistent with number of centers. Got n_samples = [${nGiven.join(", ")}] and centers = ${returned.__str__()}`);
    }
  }
  const k = centers.shape[0];
  const std = o.cluster_std ?? 1.0;
  const stds = typeof std === "number" ? new Array<number>(k).fill(std) : Array.from(asArray(std).data);
  if (stds.length !== k) throw new ValueError(`Length of \`clusters_std\` not consistent with number of centers. Got centers = ${returned.__str__()} and cluster_std = [${stds.join(", ")}]`);
  const perCenter = nGiven ?? Array.from({ length: k }, (_, i) => Math.floor((nSamples as number) / k) + (i < (nSamples as number) % k ? 1 : 0));
  const total = perCenter.reduce((a, b) => a + b, 0);
  let X = float64(new Float64Array(total * nFeatures), [total, nFeatures]);
  let y = int64(new Array<number>(total).fill(0));
  let row = 0;
  perCenter.forEach((n, c) => {
    const z = rng.standard_normal([n, nFeatures]);
    for (let i = 0; i < n; i++) {
      y.data[row + i] = c;
      for (let j = 0; j < nFeatures; j++) X.data[(row + i) * nFeatures + j] = centers.data[c * nFeatures + j] + stds[c] * z.data[i * nFeatures + j];
    }
    row += n;
  });
  if ((o.shuffle ?? true) as boolean) {
    const idx = shuffledIndices(total, rng).data;
    X = safeIndexing(X, idx);
    y = safeIndexing(y, idx);
  }
  return o.return_centers ? [X, y, returned] : [X, y];
}

/** X's columns in the order `indices` (X[:, indices]). */
function permuteColumns(X: ndarray, indices: ArrayLike<number>): void {
  const [n, d] = X.shape;
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = X.data[i * d + indices[j]];
    X.data.set(row, i * d);
  }
}

/**
 * `make_regression(n_samples=100, n_features=100, *, n_informative=10, n_targets=1, bias=0.0,
 * noise=0.0, shuffle=True, coef=False, random_state=None)`: standard normal inputs and a linear target
 * over `n_informative` of them (`coef: true` also returns the coefficients).
 * @example const [X, y] = sklearn.datasets.make_regression({n_samples: 100, n_features: 1, noise: 10, random_state: 0})
 */
export function make_regression(n_samples?: number | Kw, n_features?: number | Kw, options?: Kw): XY | [ndarray, ndarray, ndarray] {
  const o = parseArgs("make_regression", [n_samples, n_features, options], ["n_samples", "n_features", "n_informative", "n_targets", "bias", "effective_rank", "tail_strength", "noise", "shuffle", "coef", "random_state"]);
  if (o.effective_rank !== undefined && o.effective_rank !== null) throw new NotImplementedError("make_regression: effective_rank (a low-rank input) is not supported here; leave it None");
  const n = (o.n_samples ?? 100) as number;
  const d = (o.n_features ?? 100) as number;
  const t = (o.n_targets ?? 1) as number;
  const informative = Math.min(d, (o.n_informative ?? 10) as number);
  const bias = (o.bias ?? 0.0) as number;
  const noise = (o.noise ?? 0.0) as number;
  const rng = check_random_state(o.random_state as RandomStateLike);
  let X = rng.standard_normal([n, d]);
  const truth = new Float64Array(d * t);
  const u = rng.uniform(0, 1, [informative, t]);
  for (let i = 0; i < informative * t; i++) truth[i] = 100 * u.data[i];
  let y = float64(new Float64Array(n * t), [n, t]);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < t; k++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += X.data[i * d + j] * truth[j * t + k];
      y.data[i * t + k] = s + bias;
    }
  }
  if (noise > 0) {
    const z = rng.normal(0, noise, [n, t]);
    for (let i = 0; i < n * t; i++) y.data[i] += z.data[i];
  }
  let coef = float64(truth, [d, t]);
  if ((o.shuffle ?? true) as boolean) {
    const idx = shuffledIndices(n, rng).data;
    X = safeIndexing(X, idx);
    y = safeIndexing(y, idx);
    const features = shuffledIndices(d, rng).data;
    permuteColumns(X, features);
    coef = safeIndexing(coef, features);
  }
  y = N.squeeze(y);
  return o.coef ? [X, y, N.squeeze(coef)] : [X, y];
}

/** scikit-learn's sample_without_replacement(n_population, n_samples) with method="auto". */
function sampleWithoutReplacement(population: number, samples: number, rng: RandomState): number[] {
  const ratio = population !== 0 ? samples / population : 1;
  if (ratio > 0.01 && ratio < 0.99) return Array.from(rng.permutation(population).data.slice(0, samples));
  if (ratio < 0.2) {
    const selected = new Set<number>();
    const out: number[] = [];
    for (let i = 0; i < samples; i++) {
      let j = rng.randint(population);
      while (selected.has(j)) j = rng.randint(population);
      selected.add(j);
      out.push(j);
    }
    return out;
  }
  const out = Array.from({ length: samples }, (_, i) => i);
  for (let i = samples; i < population; i++) {
    const j = rng.randint(0, i + 1);
    if (j < samples) out[j] = i;
  }
  return out;
}

/** `n` distinct vertices of the `dims`-dimensional unit hypercube, as scikit-learn's _generate_hypercube draws them. */
function hypercube(n: number, dims: number, rng: RandomState): number[][] {
  if (dims > 30) {
    const high = rng.randint(2, null, [n, dims - 30]);
    const low = hypercube(n, 30, rng);
    return low.map((r, i) => [...Array.from(high.data.subarray(i * (dims - 30), (i + 1) * (dims - 30))), ...r]);
  }
  return sampleWithoutReplacement(2 ** dims, n, rng).map((v) => Array.from({ length: dims }, (_, b) => Math.floor(v / 2 ** (dims - 1 - b)) % 2));
}

/**
 * `make_classification(n_samples=100, n_features=20, *, n_informative=2, n_redundant=2, n_repeated=0,
 * n_classes=2, n_clusters_per_class=2, weights=None, flip_y=0.01, class_sep=1.0, hypercube=True,
 * shift=0.0, scale=1.0, shuffle=True, random_state=None)`: Gaussian clusters on a hypercube's vertices,
 * with redundant (linear combinations), repeated and useless features and `flip_y` of the labels flipped.
 * @example const [X, y] = sklearn.datasets.make_classification({n_samples: 200, n_features: 4, random_state: 0})
 */
export function make_classification(n_samples?: number | Kw, n_features?: number | Kw, options?: Kw): XY {
  const o = parseArgs("make_classification", [n_samples, n_features, options], ["n_samples", "n_features", "n_informative", "n_redundant", "n_repeated", "n_classes", "n_clusters_per_class", "weights", "flip_y", "class_sep", "hypercube", "shift", "scale", "shuffle", "random_state"]);
  const n = (o.n_samples ?? 100) as number;
  const d = (o.n_features ?? 20) as number;
  const nInf = (o.n_informative ?? 2) as number;
  const nRed = (o.n_redundant ?? 2) as number;
  const nRep = (o.n_repeated ?? 0) as number;
  const nClasses = (o.n_classes ?? 2) as number;
  const perClass = (o.n_clusters_per_class ?? 2) as number;
  const flipY = (o.flip_y ?? 0.01) as number;
  const sep = (o.class_sep ?? 1.0) as number;
  const rng = check_random_state(o.random_state as RandomStateLike);
  if (nInf + nRed + nRep > d) throw new ValueError("Number of informative, redundant and repeated features must sum to less than the number of total features");
  if (nInf < Math.log2(nClasses * perClass)) throw new ValueError(`n_classes(${nClasses}) * n_clusters_per_class(${perClass}) must be smaller or equal 2**n_informative(${nInf})=${2 ** nInf}`);
  let weights: number[];
  if (o.weights !== undefined && o.weights !== null) {
    weights = Array.from(asArray(o.weights).data);
    if (weights.length !== nClasses && weights.length !== nClasses - 1) throw new ValueError("Weights specified but incompatible with number of classes.");
    if (weights.length === nClasses - 1) weights.push(1.0 - weights.reduce((a, b) => a + b, 0));
  } else {
    weights = new Array<number>(nClasses).fill(1.0 / nClasses);
  }
  const nUseless = d - nInf - nRed - nRep;
  const nClusters = nClasses * perClass;
  const perCluster = Array.from({ length: nClusters }, (_, k) => Math.trunc((n * weights[k % nClasses]) / perClass));
  const missing = n - perCluster.reduce((a, b) => a + b, 0);
  for (let i = 0; i < missing; i++) perCluster[i % nClusters] += 1;

  let X = float64(new Float64Array(n * d), [n, d]);
  let y = int64(new Array<number>(n).fill(0));
  const centroids = hypercube(nClusters, nInf, rng).map((r) => r.map((v) => v * 2 * sep - sep));
  if (!((o.hypercube ?? true) as boolean)) {
    const a = rng.uniform(0, 1, [nClusters, 1]);
    const b = rng.uniform(0, 1, [1, nInf]);
    centroids.forEach((r, k) => r.forEach((_, j) => (r[j] = r[j] * a.data[k] * b.data[j])));
  }
  const z = rng.standard_normal([n, nInf]);
  for (let i = 0; i < n; i++) for (let j = 0; j < nInf; j++) X.data[i * d + j] = z.data[i * nInf + j];
  let stop = 0;
  centroids.forEach((centroid, k) => {
    const start = stop;
    stop += perCluster[k];
    const A = rng.uniform(0, 1, [nInf, nInf]);
    for (let i = 0; i < nInf * nInf; i++) A.data[i] = 2 * A.data[i] - 1;
    const row = new Float64Array(nInf);
    for (let i = start; i < stop; i++) {
      y.data[i] = k % nClasses;
      for (let j = 0; j < nInf; j++) {
        let s = 0;
        for (let m = 0; m < nInf; m++) s += X.data[i * d + m] * A.data[m * nInf + j];
        row[j] = s;
      }
      for (let j = 0; j < nInf; j++) X.data[i * d + j] = row[j] + centroid[j];
    }
  });
  if (nRed > 0) {
    const B = rng.uniform(0, 1, [nInf, nRed]);
    for (let i = 0; i < B.size; i++) B.data[i] = 2 * B.data[i] - 1;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < nRed; j++) {
        let s = 0;
        for (let m = 0; m < nInf; m++) s += X.data[i * d + m] * B.data[m * nRed + j];
        X.data[i * d + nInf + j] = s;
      }
    }
  }
  if (nRep > 0) {
    const m = nInf + nRed;
    const u = rng.uniform(0, 1, [nRep]);
    const indices = Array.from(u.data, (v) => Math.trunc((m - 1) * v + 0.5));
    for (let i = 0; i < n; i++) indices.forEach((src, j) => (X.data[i * d + m + j] = X.data[i * d + src]));
  }
  if (nUseless > 0) {
    const w = rng.standard_normal([n, nUseless]);
    for (let i = 0; i < n; i++) for (let j = 0; j < nUseless; j++) X.data[i * d + d - nUseless + j] = w.data[i * nUseless + j];
  }
  if (flipY >= 0.0) {
    const u = rng.uniform(0, 1, [n]);
    const flipped = Array.from(u.data).flatMap((v, i) => (v < flipY ? [i] : []));
    const labels = rng.randint(nClasses, null, [flipped.length]);
    flipped.forEach((i, k) => (y.data[i] = labels.data[k]));
  }
  const shift = o.shift === undefined ? 0.0 : o.shift;
  const shifts = shift === null ? Array.from(rng.uniform(0, 1, [d]).data, (v) => (2 * v - 1) * sep) : typeof shift === "number" ? new Array<number>(d).fill(shift) : Array.from(asArray(shift).data);
  for (let i = 0; i < n * d; i++) X.data[i] += shifts[i % d];
  const scale = o.scale === undefined ? 1.0 : o.scale;
  const scales = scale === null ? Array.from(rng.uniform(0, 1, [d]).data, (v) => 1 + 100 * v) : typeof scale === "number" ? new Array<number>(d).fill(scale) : Array.from(asArray(scale).data);
  for (let i = 0; i < n * d; i++) X.data[i] *= scales[i % d];
  if ((o.shuffle ?? true) as boolean) {
    const idx = shuffledIndices(n, rng).data;
    X = safeIndexing(X, idx);
    y = safeIndexing(y, idx);
    permuteColumns(X, shuffledIndices(d, rng).data);
  }
  return [X, y];
}

// ---------------------------------------------------------------------------------------------- loaders

/**
 * What a loader returns without `return_X_y`: scikit-learn's Bunch, read by attribute (`iris.data`) or
 * by key (`iris["target"]`).
 */
export interface Bunch {
  data: ndarray;
  target: ndarray;
  feature_names: string[];
  target_names: string[] | ndarray;
  DESCR: string;
}

/** load_digits's Bunch: also the 8x8 `images`. */
export interface DigitsBunch extends Bunch {
  images: ndarray;
}

/** scikit-learn's data files, shipped with torchlab (data/sklearn/). */
const DATA = path.join(__dirname, "..", "..", "..", "data", "sklearn");

function readData(name: string): string {
  const file = path.join(DATA, name);
  const bytes = fs.readFileSync(file);
  return (name.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
}

/**
 * `load_iris(*, return_X_y=False)`: Fisher's 150 irises, 4 measurements (cm) each, three species
 * (target 0, 1, 2 for setosa, versicolor, virginica). `target_names` is a list of the names.
 * @example const iris = sklearn.datasets.load_iris(); const [X, y] = [iris.data, iris.target]
 */
export function load_iris(options: { return_X_y: true; as_frame?: boolean }): XY;
export function load_iris(options?: { return_X_y?: boolean; as_frame?: boolean }): Bunch;
export function load_iris(options?: { return_X_y?: boolean; as_frame?: boolean }): Bunch | XY {
  const o = parseArgs("load_iris", [options], ["return_X_y", "as_frame"]);
  if (o.as_frame) throw new NotImplementedError("load_iris: as_frame=True needs pandas, which torchlab does not have");
  const lines = readData("iris.csv").trim().split("\n");
  const header = lines[0].split(",");
  const [n, d] = [Number(header[0]), Number(header[1])];
  const data = new Float64Array(n * d);
  const target: number[] = [];
  lines.slice(1, n + 1).forEach((line, i) => {
    const cells = line.split(",");
    for (let j = 0; j < d; j++) data[i * d + j] = Number(cells[j]);
    target.push(Number(cells[d]));
  });
  const X = float64(data, [n, d]);
  const y = int64(target);
  if (o.return_X_y) return [X, y];
  const bunch: Bunch = {
    data: X,
    target: y,
    target_names: header.slice(2),
    DESCR: "Iris plants dataset (Fisher, 1936): 150 samples, 50 per class; 4 numeric attributes in cm.",
    feature_names: ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"],
  };
  return bunch;
}

/**
 * `load_digits(*, n_class=10, return_X_y=False)`: 1797 handwritten digits as 8x8 images of values 0-16;
 * `.data` is them flattened (64 features), `.images` the 8x8 arrays, `.target` the digit. `n_class`
 * keeps the digits below it.
 * @example const [X, y] = sklearn.datasets.load_digits({return_X_y: true})
 */
export function load_digits(options: { n_class?: number; return_X_y: true; as_frame?: boolean }): XY;
export function load_digits(options?: { n_class?: number; return_X_y?: boolean; as_frame?: boolean }): DigitsBunch;
export function load_digits(options?: { n_class?: number; return_X_y?: boolean; as_frame?: boolean }): DigitsBunch | XY {
  const o = parseArgs("load_digits", [options], ["n_class", "return_X_y", "as_frame"]);
  if (o.as_frame) throw new NotImplementedError("load_digits: as_frame=True needs pandas, which torchlab does not have");
  const nClass = (o.n_class ?? 10) as number;
  const rows = readData("digits.csv.gz").trim().split("\n").map((line) => line.split(",").map(Number)).filter((r) => r[64] < nClass);
  const n = rows.length;
  const X = float64(rows.flatMap((r) => r.slice(0, 64)), [n, 64]);
  const y = int64(rows.map((r) => r[64]));
  if (o.return_X_y) return [X, y];
  const bunch: DigitsBunch = {
    data: X,
    target: y,
    feature_names: Array.from({ length: 64 }, (_, k) => `pixel_${Math.floor(k / 8)}_${k % 8}`),
    target_names: int64(Array.from({ length: 10 }, (_, i) => i)),
    images: float64(X.data, [n, 8, 8]),
    DESCR: "Optical recognition of handwritten digits dataset (UCI): 8x8 images of integer pixels in 0..16.",
  };
  return bunch;
}
