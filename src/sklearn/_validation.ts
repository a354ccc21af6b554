/**
 * scikit-learn 1.2's input handling, shared by the other sklearn modules: `random_state` as
 * check_random_state reads it, arrays in (NumPy arrays, tensors, lists) as check_array reads them,
 * sample counts checked as check_consistent_length checks them, and rows picked as _safe_indexing
 * picks them (an array stays an array, a tensor a tensor, a list a list). `sklearn.utils.shuffle` is
 * public as in scikit-learn (src/sklearn/utils.ts).
 */
import { TypeError, ValueError } from "../errors";
import * as N from "../numpy/core";
import { RandomState, _globalRandomState } from "../numpy/random";
import { isOptions, parseArgs } from "../tensor/args";
import * as D from "../tensor/dtype";
import { ndarray } from "../tensor/ndarray";
import { Tensor } from "../tensor/tensor";
import { pythonRepr } from "../display/pylist";
import { pyTypeName } from "../pyrepr";

/** What a `random_state` argument takes: an int seed, a RandomState (drawn from and advanced), or None (NumPy's global state). */
export type RandomStateLike = number | RandomState | null | undefined;

/** An array argument: a NumPy array, a tensor, or (nested) lists. */
export type ArrayArg = ndarray | Tensor | readonly unknown[];

/** scikit-learn's check_random_state: None is NumPy's global generator, an int a fresh RandomState, a RandomState itself. */
export function check_random_state(seed: RandomStateLike): RandomState {
  if (seed === null || seed === undefined) return _globalRandomState();
  if (seed instanceof RandomState) return seed;
  if (typeof seed === "number" && Number.isInteger(seed)) return new RandomState(seed);
  throw new ValueError(`${pythonRepr(seed) ?? String(seed)} cannot be used to seed a numpy.random.RandomState instance`);
}

/** An argument as a NumPy array (a tensor's values, a list's), as check_array makes it. */
export function asArray(x: unknown): ndarray {
  if (x instanceof ndarray) return x;
  if (x instanceof Tensor) return x.detach().numpy();
  const text = firstString(x);
  if (text !== null) throw new ValueError(`could not convert string to float: ${pythonRepr(text)}`);
  return N.fromNested(x);
}

/** The first string in nested lists (NumPy's arrays here hold numbers only). */
function firstString(x: unknown): string | null {
  if (typeof x === "string") return x;
  if (!Array.isArray(x)) return null;
  for (const item of x) {
    const s = firstString(item);
    if (s !== null) return s;
  }
  return null;
}

/** An argument as a float64 2-d array of samples by features; scikit-learn's error for a 1-d one. */
export function as2d(x: unknown): ndarray {
  const a = asArray(x);
  if (a.ndim === 0) throw new ValueError(`Expected 2D array, got scalar array instead:\narray=${a.__str__()}.\nReshape your data either using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it contains a single sample.`);
  if (a.ndim === 1) throw new ValueError(`Expected 2D array, got 1D array instead:\narray=${a.__str__()}.\nReshape your data either using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it contains a single sample.`);
  if (a.ndim > 2) throw new ValueError(`Found array with dim ${a.ndim}. None expected <= 2.`);
  return a._dtype === D.float64 || a._dtype === D.float32 ? a : N.astype(a, D.float64);
}

/** An argument as a 1-d array of labels or targets (a column vector is flattened, as column_or_1d does). */
export function as1d(x: unknown): ndarray {
  const a = asArray(x);
  if (a.ndim === 1) return a;
  if (a.ndim === 2 && a.shape[1] === 1) return N.reshape(a, [a.shape[0]]);
  throw new ValueError(`y should be a 1d array, got an array of shape ${N.shapeText(a.shape)} instead.`);
}

/** The number of samples (rows) in an array argument, as _num_samples counts them. */
export function numSamples(x: unknown): number {
  if (x instanceof ndarray || x instanceof Tensor) {
    if (x.shape.length === 0) throw new TypeError(`Singleton array ${x instanceof ndarray ? x.__repr__() : String(x)} cannot be considered a valid collection.`);
    return x.shape[0];
  }
  if (Array.isArray(x)) return x.length;
  throw new TypeError(`Expected sequence or array-like, got ${pyTypeName(x)}`);
}

/** scikit-learn's check_consistent_length: every array has the same number of samples. */
export function checkConsistentLength(...arrays: unknown[]): void {
  const lengths = arrays.filter((a) => a !== null && a !== undefined).map(numSamples);
  if (new Set(lengths).size > 1) {
    throw new ValueError(`Found input variables with inconsistent numbers of samples: [${lengths.join(", ")}]`);
  }
}

/** The rows `indices` of an array argument, as its own kind: an ndarray, a tensor or a list. */
export function safeIndexing<T>(x: T, indices: ArrayLike<number>): T {
  const idx = N.make(indices, [indices.length], D.int64);
  if (x instanceof ndarray) return N.getitem(x, [idx]) as unknown as T;
  if (x instanceof Tensor) return x.index(idx) as unknown as T;
  if (Array.isArray(x)) return Array.from(indices, (i) => x[i]) as unknown as T;
  throw new TypeError(`Expected sequence or array-like, got ${pyTypeName(x)}`);
}

/** Splits `args` into the arrays and a trailing options object (`f(X, y, {random_state: 0})`). */
export function arraysAndOptions(op: string, args: readonly unknown[], names: readonly string[]): [unknown[], Record<string, unknown>] {
  const n = args.length;
  if (n > 0 && isOptions(args[n - 1])) return [args.slice(0, n - 1), parseArgs(op, [args[n - 1]], names)];
  return [[...args], {}];
}

/** Row indices `0..n-1` shuffled in place by `rng` (what shuffle and resample(replace=False) draw). */
export function shuffledIndices(n: number, rng: RandomState): ndarray {
  const idx = N.make(Array.from({ length: n }, (_, i) => i), [n], D.int64);
  rng.shuffle(idx);
  return idx;
}

/**
 * scikit-learn's `shuffle(*arrays, random_state=None, n_samples=None)`: the arrays' rows in one
 * random order, each array as its own kind; one array in, one out.
 * @example const [Xs, ys] = sklearn.utils.shuffle(X, y, {random_state: 0})
 */
export function shuffle<T>(array: T, options?: { random_state?: RandomStateLike; n_samples?: number | null }): T;
export function shuffle(...args: unknown[]): unknown[];
export function shuffle(...args: unknown[]): unknown {
  const [arrays, o] = arraysAndOptions("shuffle", args, ["random_state", "n_samples"]);
  if (arrays.length === 0) return null;
  checkConsistentLength(...arrays);
  const n = numSamples(arrays[0]);
  const nOut = o.n_samples === undefined || o.n_samples === null ? n : (o.n_samples as number);
  if (nOut > n) throw new ValueError(`Cannot sample ${nOut} out of arrays with dim ${n} when replace is False`);
  const idx = shuffledIndices(n, check_random_state(o.random_state as RandomStateLike)).data.slice(0, nOut);
  const out = arrays.map((a) => safeIndexing(a, idx));
  return out.length === 1 ? out[0] : out;
}

/** The float64 values of a 2-d array, row-major, with its row and column counts. */
export function matrix(a: ndarray): { data: Float64Array; rows: number; cols: number } {
  const data = a.data instanceof Float64Array ? a.data : Float64Array.from(a.data);
  return { data, rows: a.shape[0], cols: a.shape[1] };
}

/** A float64 array from values. */
export function float64(values: ArrayLike<number>, shape: readonly number[]): ndarray {
  return new ndarray(values instanceof Float64Array ? values : Float64Array.from(values), [...shape], D.float64);
}

/** An int64 array from values. */
export function int64(values: ArrayLike<number>, shape: readonly number[] = [values.length]): ndarray {
  return N.make(values, shape, D.int64);
}
