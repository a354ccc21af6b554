/**
 * scikit-learn 1.2's `sklearn.model_selection`: train_test_split and the K-fold splitters, drawing
 * their permutations from NumPy's legacy RandomState in scikit-learn's order, so a split with
 * `random_state: 42` picks scikit-learn's rows. Arrays keep their kind: an ndarray's rows come back as
 * an ndarray, a tensor's as a tensor, a list's as a list.
 */
import { TypeError, ValueError } from "../errors";
import { RandomState } from "../numpy/random";
import { asPyTuple } from "../pyrepr";
import { parseArgs } from "../tensor/args";
import { ndarray } from "../tensor/ndarray";
import { bincount, labelValues, unique } from "./labels";
import { arraysAndOptions, check_random_state, checkConsistentLength, int64, numSamples, RandomStateLike, safeIndexing, shuffledIndices } from "./_validation";

/** scikit-learn's _validate_shuffle_split: the train and test sizes from fractions or counts, with its errors. */
function validateShuffleSplit(n: number, testSize: number | null | undefined, trainSize: number | null | undefined, defaultTest: number): [number, number] {
  if ((testSize === undefined || testSize === null) && (trainSize === undefined || trainSize === null)) testSize = defaultTest;
  const kind = (v: number | null | undefined): "i" | "f" | null => (v === undefined || v === null ? null : Number.isInteger(v) ? "i" : "f");
  const [testKind, trainKind] = [kind(testSize), kind(trainSize)];
  const bad = (v: number | null | undefined, k: "i" | "f" | null): boolean => (k === "i" && ((v as number) >= n || (v as number) <= 0)) || (k === "f" && ((v as number) <= 0 || (v as number) >= 1));
  if (bad(testSize, testKind)) throw new ValueError(`test_size=${testSize} should be either positive and smaller than the number of samples ${n} or a float in the (0, 1) range`);
  if (bad(trainSize, trainKind)) throw new ValueError(`train_size=${trainSize} should be either positive and smaller than the number of samples ${n} or a float in the (0, 1) range`);
  if (trainKind === "f" && testKind === "f" && (trainSize as number) + (testSize as number) > 1) {
    throw new ValueError(`The sum of test_size and train_size = ${(trainSize as number) + (testSize as number)}, should be in the (0, 1) range. Reduce test_size and/or train_size.`);
  }
  let nTest = testKind === "f" ? Math.ceil((testSize as number) * n) : testKind === "i" ? (testSize as number) : 0;
  let nTrain = trainKind === "f" ? Math.floor((trainSize as number) * n) : trainKind === "i" ? (trainSize as number) : 0;
  if (trainKind === null) nTrain = n - nTest;
  else if (testKind === null) nTest = n - nTrain;
  if (nTrain + nTest > n) throw new ValueError(`The sum of train_size and test_size = ${nTrain + nTest}, should be smaller than the number of samples ${n}. Reduce test_size and/or train_size.`);
  if (nTrain === 0) throw new ValueError(`With n_samples=${n}, test_size=${testSize ?? "None"} and train_size=${trainSize ?? "None"}, the resulting train set will be empty. Adjust any of the aforementioned parameters.`);
  return [nTrain, nTest];
}

/** scikit-learn's _approximate_mode: how many of `draws` each class gets, ties broken by `rng`. */
function approximateMode(counts: readonly number[], draws: number, rng: RandomState): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const continuous = counts.map((c) => (c / total) * draws);
  const floored = continuous.map(Math.floor);
  let need = Math.trunc(draws - floored.reduce((a, b) => a + b, 0));
  if (need > 0) {
    const remainder = continuous.map((c, i) => c - floored[i]);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds = remainder.flatMap((r, i) => (r === value ? [i] : []));
      const now = Math.min(inds.length, need);
      // NumPy's choice without replacement permutes all of `inds` even for none: a draw scikit-learn makes too.
      const picked = rng.choice(int64(inds), now, false);
      for (const i of picked.data) floored[i] += 1;
      need -= now;
    }
  }
  return floored;
}

/** StratifiedShuffleSplit's first split: each class's share of train and test, rows permuted within classes. */
function stratifiedSplit(y: unknown, nTrain: number, nTest: number, rng: RandomState): [ndarray, ndarray] {
  const { classes, inverse } = unique(labelValues(y));
  const counts = bincount(inverse, classes.length);
  if (Math.min(...counts) < 2) throw new ValueError("The least populated class in y has only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2.");
  if (nTrain < classes.length) throw new ValueError(`The train_size = ${nTrain} should be greater or equal to the number of classes = ${classes.length}`);
  if (nTest < classes.length) throw new ValueError(`The test_size = ${nTest} should be greater or equal to the number of classes = ${classes.length}`);
  const classIndices = classes.map((_, k) => inverse.flatMap((c, i) => (c === k ? [i] : [])));
  const nI = approximateMode(counts, nTrain, rng);
  const tI = approximateMode(counts.map((c, i) => c - nI[i]), nTest, rng);
  const train: number[] = [];
  const test: number[] = [];
  classIndices.forEach((rows, k) => {
    const perm = Array.from(rng.permutation(counts[k]).data, (p) => rows[p]);
    train.push(...perm.slice(0, nI[k]));
    test.push(...perm.slice(nI[k], nI[k] + tI[k]));
  });
  return [rng.permutation(int64(train)), rng.permutation(int64(test))];
}

/**
 * `train_test_split(*arrays, test_size=None, train_size=None, random_state=None, shuffle=True,
 * stratify=None)`: each array split into a train part and a test part (a quarter by default), the
 * rows drawn as scikit-learn draws them; `stratify: y` keeps each class's share in both parts.
 * Returns `[a_train, a_test, b_train, b_test, ...]`.
 * @example const [X_train, X_test, y_train, y_test] = sklearn.model_selection.train_test_split(X, y, {test_size: 0.2, random_state: 42})
 */
export function train_test_split<T>(...args: (T | TrainTestSplitOptions)[]): T[];
export function train_test_split(...args: unknown[]): unknown[] {
  const [arrays, o] = arraysAndOptions("train_test_split", args, ["test_size", "train_size", "random_state", "shuffle", "stratify"]);
  if (arrays.length === 0) throw new ValueError("At least one array required as input");
  checkConsistentLength(...arrays);
  const n = numSamples(arrays[0]);
  const [nTrain, nTest] = validateShuffleSplit(n, o.test_size as number | null | undefined, o.train_size as number | null | undefined, 0.25);
  const stratify = o.stratify;
  let train: ArrayLike<number>;
  let test: ArrayLike<number>;
  if (o.shuffle === false) {
    if (stratify !== undefined && stratify !== null) throw new ValueError("Stratified train/test split is not implemented for shuffle=False");
    train = Array.from({ length: nTrain }, (_, i) => i);
    test = Array.from({ length: nTest }, (_, i) => nTrain + i);
  } else {
    const rng = check_random_state(o.random_state as RandomStateLike);
    if (stratify !== undefined && stratify !== null) {
      checkConsistentLength(arrays[0], stratify);
      [train, test] = stratifiedSplit(stratify, nTrain, nTest, rng).map((a) => a.data);
    } else {
      const perm = rng.permutation(n).data;
      test = perm.slice(0, nTest);
      train = perm.slice(nTest, nTest + nTrain);
    }
  }
  return arrays.flatMap((a) => [safeIndexing(a, train), safeIndexing(a, test)]);
}

/** train_test_split's keyword arguments. */
export interface TrainTestSplitOptions {
  test_size?: number | null;
  train_size?: number | null;
  random_state?: RandomStateLike;
  shuffle?: boolean;
  stratify?: unknown;
}

interface KFoldOptions {
  n_splits?: number;
  shuffle?: boolean;
  random_state?: RandomStateLike;
}

/** What KFold and StratifiedKFold share: their checks, repr and the (train, test) pairs from each sample's fold. */
abstract class BaseKFold {
  readonly n_splits: number;
  readonly shuffle: boolean;
  readonly random_state: RandomStateLike;

  constructor(name: string, n_splits?: number | KFoldOptions, options?: KFoldOptions) {
    const o = parseArgs(name, [n_splits, options], ["n_splits", "shuffle", "random_state"]);
    const k = (o.n_splits ?? 5) as number;
    if (typeof k !== "number" || !Number.isInteger(k)) throw new ValueError(`The number of folds must be of Integral type. ${String(k)} of type ${typeof k} was passed.`);
    if (k <= 1) throw new ValueError(`k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits=${k}.`);
    const shuffle = o.shuffle ?? false;
    if (typeof shuffle !== "boolean") throw new TypeError(`shuffle must be True or False; got ${String(shuffle)}`);
    if (!shuffle && o.random_state !== undefined && o.random_state !== null) {
      throw new ValueError("Setting a random_state has no effect since shuffle is False. You should leave random_state to its default (None), or set shuffle=True.");
    }
    this.n_splits = k;
    this.shuffle = shuffle;
    this.random_state = (o.random_state ?? null) as RandomStateLike;
  }

  /** Each sample's test fold. */
  protected abstract folds(X: unknown, y: unknown): number[];

  /**
   * `split(X, y=None)`: the `n_splits` (train indices, test indices) pairs, each sorted, as int64 arrays.
   * @example for (const [train_idx, test_idx] of kf.split(X)) { ... }
   */
  *split(X: unknown, y?: unknown, groups?: unknown): Generator<[ndarray, ndarray]> {
    void groups;
    const n = numSamples(X);
    if (y !== undefined && y !== null) checkConsistentLength(X, y);
    if (this.n_splits > n) throw new ValueError(`Cannot have number of splits n_splits=${this.n_splits} greater than the number of samples: n_samples=${n}.`);
    const fold = this.folds(X, y);
    for (let k = 0; k < this.n_splits; k++) {
      const train: number[] = [];
      const test: number[] = [];
      fold.forEach((f, i) => (f === k ? test : train).push(i));
      yield asPyTuple([int64(train), int64(test)]) as [ndarray, ndarray];
    }
  }

  /** `get_n_splits()`: the number of folds. */
  get_n_splits(): number {
    return this.n_splits;
  }

  __repr__(): string {
    const rs = this.random_state === null || this.random_state === undefined ? "None" : typeof this.random_state === "number" ? String(this.random_state) : "RandomState(MT19937)";
    return `${this.constructor.name}(n_splits=${this.n_splits}, random_state=${rs}, shuffle=${this.shuffle ? "True" : "False"})`;
  }

  toString(): string {
    return this.__repr__();
  }
}

/**
 * `KFold(n_splits=5, *, shuffle=False, random_state=None)`: consecutive folds (the first
 * `n % n_splits` one sample larger), of the shuffled rows when `shuffle` is set.
 * @example const kf = new sklearn.model_selection.KFold(5, {shuffle: true, random_state: 0})
 */
export class KFold extends BaseKFold {
  constructor(n_splits?: number | KFoldOptions, options?: KFoldOptions) {
    super("KFold", n_splits, options);
  }

  protected folds(X: unknown): number[] {
    const n = numSamples(X);
    const order = this.shuffle ? shuffledIndices(n, check_random_state(this.random_state)).data : Array.from({ length: n }, (_, i) => i);
    const fold = new Array<number>(n);
    let start = 0;
    for (let k = 0; k < this.n_splits; k++) {
      const size = Math.floor(n / this.n_splits) + (k < n % this.n_splits ? 1 : 0);
      for (let i = start; i < start + size; i++) fold[order[i]] = k;
      start += size;
    }
    return fold;
  }
}

/**
 * `StratifiedKFold(n_splits=5, *, shuffle=False, random_state=None)`: folds that keep each class's
 * share, as scikit-learn 1.2 allocates them (classes in order of first appearance; `shuffle` shuffles
 * each class's fold assignment).
 * @example for (const [tr, te] of new sklearn.model_selection.StratifiedKFold(3).split(X, y)) { ... }
 */
export class StratifiedKFold extends BaseKFold {
  constructor(n_splits?: number | KFoldOptions, options?: KFoldOptions) {
    super("StratifiedKFold", n_splits, options);
  }

  protected folds(X: unknown, y: unknown): number[] {
    if (y === undefined || y === null) throw new ValueError("The 'y' parameter of split must be an array-like (StratifiedKFold needs the labels).");
    const rng = check_random_state(this.random_state);
    const values = labelValues(y);
    const { classes, inverse } = unique(values);
    if (classes.length > 2 && values.some((v) => typeof v === "number" && !Number.isInteger(v))) {
      throw new ValueError("Supported target types are: ('binary', 'multiclass'). Got 'continuous' instead.");
    }
    // Classes numbered in order of first appearance, as scikit-learn 1.2 numbers them.
    const first = classes.map((_, k) => inverse.indexOf(k));
    const rank = first.map((f) => first.filter((g) => g < f).length);
    const encoded = inverse.map((c) => rank[c]);
    const counts = bincount(encoded, classes.length);
    if (counts.every((c) => this.n_splits > c)) throw new ValueError(`n_splits=${this.n_splits} cannot be greater than the number of members in each class.`);
    const order = [...encoded].sort((a, b) => a - b);
    const allocation = Array.from({ length: this.n_splits }, (_, i) => bincount(order.filter((_, j) => j % this.n_splits === i), classes.length));
    const fold = new Array<number>(encoded.length);
    for (let k = 0; k < classes.length; k++) {
      const forClass = int64(allocation.flatMap((a, f) => new Array<number>(a[k]).fill(f)));
      if (this.shuffle) rng.shuffle(forClass);
      let j = 0;
      encoded.forEach((c, i) => {
        if (c === k) fold[i] = forClass.data[j++];
      });
    }
    return fold;
  }
}
