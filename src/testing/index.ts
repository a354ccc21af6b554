/**
 * `torch.testing`: `assert_close` as PyTorch 1.13 has it (per-dtype default tolerances, the same
 * mismatch messages), and `assert`, the `assert cond, msg` statement of a Python grading cell.
 */
import { Tensor, type DType } from "../tensor/tensor";
import { TypeError, ValueError, RuntimeError, AssertionError } from "../errors";
import { pyFloat } from "./pyrepr";

export { pyFloat } from "./pyrepr";

/** A failed check: Python's AssertionError, which graders and test runners recognise by name. */
export { AssertionError };

/** What assert_close compares: tensors, numbers, and (nested) arrays of them, pairwise. */
export type TensorLike = Tensor | number | boolean | readonly TensorLike[];

export interface AssertCloseOptions {
  /** Relative tolerance; with `atol`, or neither (then the dtype's default). */
  rtol?: number;
  /** Absolute tolerance; with `rtol`, or neither (then the dtype's default). */
  atol?: number;
  /** NaN compares equal to NaN. Default false. */
  equal_nan?: boolean;
  /** Tensors must have the same dtype. Default true. */
  check_dtype?: boolean;
  /** Replaces the message of a failure; a function gets the generated message. */
  msg?: string | ((generated: string) => string);
}

/** PyTorch's defaults: float32 (rtol 1.3e-6, atol 1e-5); integers and bools compare exactly. */
const DEFAULT_TOLERANCES: Record<DType["_tf"], [rtol: number, atol: number]> = {
  float32: [1.3e-6, 1e-5],
  int32: [0, 0],
  bool: [0, 0],
};
/** A bare number is Python's float (JavaScript has no int/float split): float64's defaults. */
const NUMBER_TOLERANCES: [number, number] = [1e-7, 1e-7];

/** Python's `{:.1%}`: rounds half to even on the exact binary value, where toFixed rounds half up. */
function percent(count: number, total: number): string {
  const scaled = (count / total) * 1000;
  let tenths = Math.round(scaled);
  if (Math.abs(scaled - Math.trunc(scaled)) === 0.5 && tenths % 2 !== 0) tenths -= 1;
  return `${(tenths / 10).toFixed(1)}%`;
}

function typeName(value: unknown): string {
  if (value instanceof Tensor) return "<class 'torch.Tensor'>";
  if (Array.isArray(value)) return "<class 'list'>";
  if (typeof value === "number") return "<class 'float'>";
  if (typeof value === "boolean") return "<class 'bool'>";
  if (value === null || value === undefined) return "<class 'NoneType'>";
  return `<class '${typeof value === "object" ? (value as object).constructor?.name ?? "object" : typeof value}'>`;
}

function mismatchMessage(
  identifier: string,
  extra: string | null,
  abs: { diff: string; idx: string | null },
  rel: { diff: string; idx: string | null },
  rtol: number,
  atol: number,
): string {
  const equality = rtol === 0 && atol === 0;
  const line = (kind: "absolute" | "relative", d: { diff: string; idx: string | null }, tol: number) => {
    let text = d.idx === null ? `${kind[0].toUpperCase()}${kind.slice(1)} difference: ${d.diff}` : `Greatest ${kind} difference: ${d.diff} at index ${d.idx}`;
    if (!equality) text += ` (up to ${pyFloat(tol)} allowed)`;
    return text;
  };
  const lines = [`${identifier} are not ${equality ? "equal" : "close"}!`, ""];
  if (extra) lines.push(extra);
  lines.push(line("absolute", abs, atol), line("relative", rel, rtol));
  return lines.join("\n");
}

/** torch.isclose on one pair of values; PyTorch compares floats promoted to float64, as this does. */
function isClose(a: number, b: number, rtol: number, atol: number, equalNan: boolean): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return equalNan && Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  const actualError = Math.abs(a - b);
  return Number.isFinite(actualError) && actualError <= atol + Math.abs(rtol * b);
}

function compareNumbers(a: number, b: number, rtol: number, atol: number, equalNan: boolean): string | null {
  if (isClose(a, b, rtol, atol, equalNan)) return null;
  const diff = Math.abs(a - b);
  const rel = b === 0 ? Infinity : diff / Math.abs(b);
  return mismatchMessage("Scalars", null, { diff: pyFloat(diff), idx: null }, { diff: pyFloat(rel), idx: null }, rtol, atol);
}

function flatValues(t: Tensor): number[] {
  const flat = t.numel() === 0 ? [] : (t.reshape(-1).tolist() as (number | boolean)[]);
  return flat.map(Number);
}

function unravel(flat: number, shape: readonly number[]): string {
  const index: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    index.unshift(flat % shape[d]);
    flat = Math.floor(flat / shape[d]);
  }
  return index.length === 1 ? `(${index[0]},)` : `(${index.join(", ")})`;
}

/** torch.max over dim 0: NaN wins (the first one), otherwise the first greatest. */
function argmax(values: number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    const b = values[best];
    if (Number.isNaN(b)) break;
    if (Number.isNaN(v) || v > b) best = i;
  }
  return best;
}

const DTYPE_RANK: Record<DType["_tf"], number> = { bool: 0, int32: 1, float32: 2 };

function compareTensors(actual: Tensor, expected: Tensor, options: AssertCloseOptions): string | null {
  if (!actual.shape.equals(expected.shape)) {
    return `The values for attribute 'shape' do not match: ${actual.shape} != ${expected.shape}.`;
  }
  if ((options.check_dtype ?? true) && actual.dtype !== expected.dtype) {
    return `The values for attribute 'dtype' do not match: ${actual.dtype} != ${expected.dtype}.`;
  }
  // Mixed dtypes (check_dtype: false) compare in the wider one, with the looser defaults of the two.
  const dtype = DTYPE_RANK[actual.dtype._tf] >= DTYPE_RANK[expected.dtype._tf] ? actual.dtype : expected.dtype;
  const [rtol, atol] = tolerances(options, [actual.dtype, expected.dtype]);
  const isFloat = dtype._tf === "float32";
  const a = flatValues(actual);
  const b = flatValues(expected);
  const mismatched = a.map((v, i) => !isClose(v, b[i], rtol, atol, options.equal_nan ?? false));
  const count = mismatched.filter(Boolean).length;
  if (count === 0) return null;
  const absDiff = a.map((v, i) => (mismatched[i] ? Math.abs(v - b[i]) : 0));
  // Integers compare as int64, whose true division gives PyTorch's default dtype, float32.
  const relDiff = absDiff.map((d, i) => (mismatched[i] ? (isFloat ? d / Math.abs(b[i]) : Math.fround(d / Math.abs(b[i]))) : 0));
  const ai = argmax(absDiff);
  const ri = argmax(relDiff);
  const absText = isFloat ? pyFloat(absDiff[ai]) : String(absDiff[ai]);
  if (actual.shape.length === 0) {
    // A 0-d tensor compares as the Python numbers its .item() gives.
    const rel = b[0] === 0 ? Infinity : absDiff[0] / Math.abs(b[0]);
    return mismatchMessage("Scalars", null, { diff: absText, idx: null }, { diff: pyFloat(rel), idx: null }, rtol, atol);
  }
  return mismatchMessage(
    "Tensor-likes",
    `Mismatched elements: ${count} / ${a.length} (${percent(count, a.length)})`,
    { diff: absText, idx: unravel(ai, actual.shape) },
    { diff: pyFloat(relDiff[ri]), idx: unravel(ri, actual.shape) },
    rtol,
    atol,
  );
}

function tolerances(options: AssertCloseOptions, dtypes: DType[] | null): [number, number] {
  if (options.rtol !== undefined && options.atol !== undefined) return [options.rtol, options.atol];
  if (dtypes === null) return NUMBER_TOLERANCES;
  return [Math.max(...dtypes.map((d) => DEFAULT_TOLERANCES[d._tf][0])), Math.max(...dtypes.map((d) => DEFAULT_TOLERANCES[d._tf][1]))];
}

class ComparisonTypeError extends TypeError {}

/** The first mismatch of a pair as [message, item path], or null when the pair is close. */
function compare(actual: unknown, expected: unknown, options: AssertCloseOptions, path: string): [string, string] | null {
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) {
      return [`The length of the sequences mismatch: ${actual.length} != ${expected.length}`, path];
    }
    for (let i = 0; i < actual.length; i++) {
      const failure = compare(actual[i], expected[i], options, `${path}[${i}]`);
      if (failure) return failure;
    }
    return null;
  }
  if (actual instanceof Tensor && expected instanceof Tensor) {
    const message = compareTensors(actual, expected, options);
    return message === null ? null : [message, path];
  }
  const scalar = (v: unknown) => typeof v === "number" || typeof v === "boolean";
  if (scalar(actual) && scalar(expected)) {
    const [rtol, atol] = tolerances(options, null);
    const message = compareNumbers(Number(actual), Number(expected), rtol, atol, options.equal_nan ?? false);
    return message === null ? null : [message, path];
  }
  throw new ComparisonTypeError(`No comparison pair was able to handle inputs of type ${typeName(actual)} and ${typeName(expected)}.`);
}

/**
 * Asserts that `actual` and `expected` are close: `|actual - expected| <= atol + rtol * |expected|`
 * elementwise, with equal shapes (and dtypes, unless `check_dtype: false`). Tolerances default by
 * dtype as in PyTorch (float32: rtol 1.3e-6, atol 1e-5; integers and bools: exact); a bare number
 * is a float64 scalar (rtol = atol = 1e-7). Arrays compare item by item.
 *
 * Throws AssertionError with PyTorch's message (how many elements differ, the greatest absolute
 * and relative difference and where), TypeError for operands it cannot compare.
 * @example torch.testing.assert_close(conv(x), F.conv2d(x, w, b), {rtol: 1e-4, atol: 1e-5})
 */
export function assert_close(actual: TensorLike, expected: TensorLike, options: AssertCloseOptions = {}): void {
  if ((options.rtol === undefined) !== (options.atol === undefined)) {
    throw new ValueError(`Both 'rtol' and 'atol' must be either specified or omitted, but got no ${options.rtol === undefined ? "rtol" : "atol"}.`);
  }
  let failure: [string, string] | null;
  try {
    failure = compare(actual, expected, options, "");
  } catch (error) {
    if (error instanceof ComparisonTypeError) throw new TypeError(error.message);
    throw error;
  }
  if (failure === null) return;
  const [generated, path] = failure;
  const message = path === "" ? generated : `${generated}\n\nThe failure occurred for item ${path}`;
  const { msg } = options;
  throw new AssertionError(msg === undefined ? message : typeof msg === "string" ? msg : msg(message));
}

/**
 * Python's `assert condition, message` for grading cells: throws AssertionError with `message`
 * (a function is called only on failure) when `condition` is falsy. A one-element tensor counts by
 * its value, as `bool(tensor)` does; a larger one is ambiguous, as in PyTorch.
 * @example assert(out.shape.equals([2, 3]), `wrong shape ${out.shape}`)
 */
export function assert(condition: unknown, message?: string | (() => string)): asserts condition {
  let truthy: boolean;
  if (condition instanceof Tensor) {
    if (condition.numel() !== 1) {
      throw new RuntimeError(`Boolean value of Tensor with more than one value is ambiguous`);
    }
    truthy = Boolean(condition.item());
  } else {
    truthy = Boolean(condition);
  }
  if (!truthy) {
    throw new AssertionError(message === undefined ? "assertion failed" : typeof message === "string" ? message : message());
  }
}
