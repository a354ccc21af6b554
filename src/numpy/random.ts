/**
 * NumPy's `np.random`, draw for draw: `np.random.seed(0); np.random.rand(3)` gives NumPy 1.24's
 * `[0.5488135  0.71518937 0.60276338]`, so a tutorial that seeds NumPy and draws its data, its batches or
 * its shuffles with it (`np.random.seed(42); x = np.random.randn(100, 1)`, `np.random.shuffle(idx)`,
 * `np.random.choice(len(data), batch_size, replace=False)`) follows NumPy's trajectory.
 *
 * This is NumPy's legacy generator, the one behind `np.random.seed` and the module's functions and
 * behind `np.random.RandomState(seed)`: MT19937 (src/mt19937.ts) seeded by `init_genrand` (an int) or
 * `init_by_array` (a list of ints); doubles from 53 bits of two words; normals by the polar method with
 * the pair's second value cached until the next normal draw or `seed` (legacy_gauss); integers by masked
 * rejection on the range's bit mask over 32-bit words, or over 64-bit words (the first word high) for a
 * range wider than 32 bits (`_rand_int64`); shuffles as Fisher-Yates from the end with the same masked
 * `random_interval`; `choice` by randint (uniform), by searchsorted on the normalised cumulative sum
 * (`p=`), or as the first `size` of a permutation (`replace=False`); exponential, gamma, beta, poisson
 * and binomial by the legacy algorithms. Checked against NumPy 1.24 by test/reference/gen_np_random.py:
 * integer draws, shuffles and uniform doubles are NumPy's bit for bit; what goes through a logarithm,
 * a square root or a power (normals, exponentials, gammas) goes through JavaScript's Math, which may
 * differ from the C library's in the last bit.
 *
 * Results are NumPy's types: an `ndarray` (src/tensor/ndarray.ts; float64, or int64 for integers) when
 * `size` is given or a parameter is an array, a number when NumPy gives a scalar (`np.random.rand()`,
 * `np.random.randint(5)`, `np.random.choice(10)`). Keyword arguments come in a trailing options object,
 * as everywhere in torchlab (`np.random.choice(10, 3, {replace: false})`; a cell's Python spelling
 * `replace=False` is rewritten so). JavaScript numbers are exact integers only up to 2**53: a randint
 * range wider than that is refused rather than drawn from a different stream. An array of strings
 * (`np.random.choice(["a", "b"], 3)`, `np.random.permutation(words)`) comes back as a list, which
 * prints as Python's list rather than NumPy's array of strings.
 */
import { randomBytes } from "crypto";
import { IndexError, OverflowError, TypeError, ValueError } from "../errors";
import { MT19937 } from "../mt19937";
import { asPyTuple, pyTypeName } from "../pyrepr";
import { isOptions, parseArgs } from "../tensor/args";
import * as D from "../tensor/dtype";
import { ndarray } from "../tensor/ndarray";

/** What `seed` takes: an int in [0, 2**32), a list of them, or nothing (fresh entropy). */
export type Seed = number | ArrayLike<number> | ndarray | null | undefined;

/** A `size`: an int, a shape (`[2, 3]`, `x.shape`), or nothing for a single value. */
export type Size = number | readonly number[] | null | undefined;

/** A distribution's parameter: a number, or an array of them broadcast against the others. */
export type Param = number | ArrayLike<number> | ndarray;

/** What `get_state()` gives and `set_state` takes: `('MT19937', keys, pos, has_gauss, cached_gaussian)`. */
export type State = [string, ndarray, number, number, number];

/** A sequence `choice`, `shuffle` and `permutation` take: a list, an ndarray, a `range(...)`. */
export type Sequence = unknown[] | ndarray | Iterable<unknown>;

/** @internal a bit generator's draws (MT19937, PCG64). */
export interface BitSource {
  nextUint32(): number;
  nextDouble(): number;
}

/** Keyword arguments in a trailing object: `np.random.normal(0, 1, {size: 3})`. */
type Kw = Record<string, unknown>;

/** The dtypes randint draws (NumPy's `dtype=int` is int64). */
export type IntDtype = "int64" | "int32" | "int16" | "int8" | "uint8" | "bool";

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const MAX_EXACT = 2 ** 53;
const ATOL = Math.sqrt(2 ** -52);
const ATOL_FLOAT32 = Math.sqrt(2 ** -23);

/** An int argument, as Python's `operator.index`. */
function index(x: unknown): number {
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x !== "number" || !Number.isInteger(x)) throw new TypeError(`'${pyTypeName(x)}' object cannot be interpreted as an integer`);
  return x;
}

/** `size` as a shape, null for none (NumPy's scalar result). */
function shapeOf(size: unknown): number[] | null {
  if (size === undefined || size === null) return null;
  const dims = typeof size === "number" || typeof size === "boolean" ? [size] : isSequence(size) ? Array.from(size as ArrayLike<unknown>) : null;
  if (dims === null) throw new TypeError(`'${pyTypeName(size)}' object cannot be interpreted as an integer`);
  const shape = dims.map(index);
  if (shape.some((d) => d < 0)) throw new ValueError("negative dimensions are not allowed");
  return shape;
}

function isSequence(x: unknown): boolean {
  return Array.isArray(x) || ArrayBuffer.isView(x);
}

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** A float64 array of `shape`. */
function floats(data: Float64Array, shape: readonly number[]): ndarray {
  return new ndarray(data, [...shape], D.float64);
}

const DTYPES: Record<IntDtype, D.dtype> = { int64: D.int64, int32: D.int32, int16: D.int16, int8: D.int8, uint8: D.uint8, bool: D.bool };

/** An integer array of `shape`: in an Int32Array as `x.numpy()` keeps int64 values, wider values in a Float64Array. */
function ints(values: ArrayLike<number>, shape: readonly number[], dtype: IntDtype = "int64"): ndarray {
  let fits = true;
  for (let i = 0; i < values.length; i++) if (values[i] < INT32_MIN || values[i] > INT32_MAX) fits = false;
  const data = dtype === "bool" || dtype === "uint8" ? Uint8Array.from(values) : fits ? Int32Array.from(values) : Float64Array.from(values);
  return new ndarray(data, [...shape], DTYPES[dtype]);
}

/** `arange(n)` as int64. */
function arange(n: number): ndarray {
  return ints(Int32Array.from({ length: Math.max(0, n) }, (_, i) => i), [Math.max(0, n)]);
}

/** NumPy's `dtype=` of randint: `int` (the builtin), a name, or a dtype. */
function intDtype(dtype: unknown): IntDtype {
  if (dtype === undefined || dtype === null) return "int64";
  if (typeof dtype === "function") {
    const name = (dtype as { name?: string }).name;
    if (name === "int") return "int64";
    if (name === "bool") return "bool";
    if (name === "float") throw new TypeError("Unsupported dtype dtype('float64') for randint");
  }
  const name = String(dtype).replace(/^(torch|np|numpy)\./, "").replace(/^int$/, "int64");
  if (name in DTYPES) return name as IntDtype;
  throw new TypeError(`Unsupported dtype ${name === "float" ? "dtype('float64')" : `'${String(dtype)}'`} for randint`);
}

/** The bounds of an integer dtype (closed). */
function dtypeBounds(dtype: IntDtype): [number, number] {
  switch (dtype) {
    case "int64":
      return [-(2 ** 63), 2 ** 63 - 1];
    case "int32":
      return [INT32_MIN, INT32_MAX];
    case "int16":
      return [-32768, 32767];
    case "int8":
      return [-128, 127];
    case "uint8":
      return [0, 255];
    case "bool":
      return [0, 1];
  }
}

/** A parameter as values and a shape (a number: 0-d). */
function paramOf(x: unknown, name: string): { data: ArrayLike<number>; shape: number[] } {
  if (typeof x === "number") return { data: [x], shape: [] };
  if (typeof x === "boolean") return { data: [x ? 1 : 0], shape: [] };
  if (x instanceof ndarray) return { data: x.data, shape: [...x.shape] };
  if (Array.isArray(x)) {
    if (x.every((v) => typeof v === "number")) return { data: x as number[], shape: [x.length] };
    const rows = x.map((r) => paramOf(r, name));
    const inner = rows.length > 0 ? rows[0].shape : [];
    if (rows.some((r) => r.shape.join() !== inner.join())) throw new ValueError(`${name}: setting an array element with a sequence. The requested array has an inhomogeneous shape`);
    const data: number[] = [];
    rows.forEach((r) => data.push(...Array.from(r.data)));
    return { data, shape: [x.length, ...inner] };
  }
  throw new TypeError(`${name} must be a number or an array of numbers (got ${pyTypeName(x)})`);
}

function shapeText(shape: readonly number[]): string {
  return `(${shape.join(", ")}${shape.length === 1 ? "," : ""})`;
}

/** NumPy's broadcast shape of the arguments' shapes; a mismatch names the argument that set the axis and the one that disagrees. */
function broadcastShapes(shapes: number[][]): number[] {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < ndim; i++) {
    let d = 1;
    let setter = 0;
    shapes.forEach((s, j) => {
      const k = s.length - ndim + i;
      if (k < 0 || s[k] === 1) return;
      if (d === 1) {
        d = s[k];
        setter = j;
      } else if (d !== s[k]) {
        throw new ValueError(
          `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${setter} with shape ${shapeText(shapes[setter])} and arg ${j} with shape ${shapeText(s)}.`,
        );
      }
    });
    out.push(d);
  }
  return out;
}

/** The flat index into a parameter of `shape` for each flat position of `out`. */
function broadcastIndex(shape: readonly number[], out: readonly number[]): (i: number) => number {
  if (shape.length === 0 || product(shape) === 1) return () => 0;
  const strides = shape.map((_, k) => product(shape.slice(k + 1)));
  const lead = out.length - shape.length;
  return (flat) => {
    let at = 0;
    for (let k = out.length - 1; k >= 0; k--) {
      const coord = flat % out[k];
      flat = Math.floor(flat / out[k]);
      const j = k - lead;
      if (j >= 0 && shape[j] !== 1) at += coord * strides[j];
    }
    return at;
  };
}

/** A parameter constraint as NumPy's `check_constraint` words it. */
type Constraint = "none" | "non_negative" | "positive" | "bounded_0_1" | "poisson";

const POISSON_LAM_MAX = 9.223372006484771e18;

function checkConstraint(values: ArrayLike<number>, name: string, cons: Constraint): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (cons === "non_negative" && !Number.isNaN(v) && (v < 0 || Object.is(v, -0))) throw new ValueError(`${name} < 0`);
    if (cons === "positive" && !(v > 0)) throw new ValueError(`${name} <= 0`);
    if (cons === "bounded_0_1" && !(v >= 0 && v <= 1)) throw new ValueError(`${name} < 0, ${name} > 1 or ${name} is NaN`);
    if (cons === "poisson") {
      if (!(v >= 0)) throw new ValueError(`${name} < 0 or ${name} is NaN`);
      if (v > POISSON_LAM_MAX) throw new ValueError(`${name} value too large`);
    }
  }
}

/** The first index whose cumulative value is above x (NumPy's `searchsorted(side='right')`). */
function searchRight(cdf: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < cdf[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `a`'s elements for choice / permutation: a list, an ndarray's values or rows, a range's ints. */
function elementsOf(a: unknown): { items: unknown[]; array: ndarray | null } {
  if (a instanceof ndarray) return { items: [], array: a };
  if (Array.isArray(a)) return { items: a, array: null };
  if (typeof a === "string") return { items: [a], array: null };
  if (a !== null && typeof a === "object" && typeof (a as { numpy?: unknown }).numpy === "function" && "shape" in a) {
    return { items: [], array: (a as unknown as { numpy(): ndarray }).numpy() };
  }
  if (a !== null && typeof a === "object" && Symbol.iterator in a) return { items: Array.from(a as Iterable<unknown>), array: null };
  return { items: [a], array: null };
}

/** A list of numbers as NumPy's `np.array(list)`: int64 when every value is whole, else float64; null when not numbers. */
function numericArray(items: unknown[]): ndarray | null {
  if (items.length === 0) return floats(new Float64Array(0), [0]);
  if (items.every((v) => typeof v === "boolean")) return new ndarray(Uint8Array.from(items as boolean[], Number), [items.length], D.bool);
  if (!items.every((v) => typeof v === "number")) return null;
  const values = items as number[];
  return values.every(Number.isInteger) ? ints(values, [values.length]) : floats(Float64Array.from(values), [values.length]);
}

/** A nested list of numbers as NumPy's `np.array(rows)` (int64 when every value is whole). */
function nestedArray(rows: unknown[]): ndarray {
  const p = paramOf(rows, "x");
  return Array.from(p.data).every(Number.isInteger) ? ints(p.data, p.shape) : floats(Float64Array.from(p.data), p.shape);
}

/** Rows `idx` of `a` (NumPy's `a[idx]`), an index array of shape `shape`. */
function take(a: ndarray, idx: ArrayLike<number>, shape: readonly number[]): ndarray {
  const row = product(a.shape.slice(1));
  const data = new (a.data.constructor as new (n: number) => typeof a.data)(idx.length * row);
  for (let k = 0; k < idx.length; k++) data.set(a.data.subarray(idx[k] * row, (idx[k] + 1) * row), k * row);
  return new ndarray(data, [...shape, ...a.shape.slice(1)], a._dtype);
}

/** One element of an ndarray as NumPy's scalar reads in Python (a bool as a boolean). */
function item(a: ndarray, i: number): number | boolean {
  return a._dtype === D.bool ? a.data[i] !== 0 : a.data[i];
}

/**
 * The draws of a narrow integer dtype (int16, int8 / uint8, bool): 16, 8 or 1 bits at a time from a
 * buffered 32-bit word, low bits first, as NumPy's random_buffered_bounded_* take them (RandomState and
 * Generator alike). Returns the draw function and its width in bits.
 */
export function narrowDraws(next32: () => number, dtype: IntDtype): [() => number, number] {
  const bits = dtype === "int16" ? 16 : dtype === "bool" ? 1 : 8;
  let buf = 0;
  let left = 0;
  const draw = (): number => {
    if (left === 0) {
      buf = next32();
      left = 32 / bits - 1;
    } else {
      buf >>>= bits;
      left--;
    }
    return bits === 16 ? buf & 0xffff : bits === 8 ? buf & 0xff : buf & 1;
  };
  return [draw, bits];
}

/**
 * NumPy's legacy `RandomState`: one MT19937 with its cached normal. The module's functions
 * (`np.random.seed`, `np.random.rand`, ...) are one shared instance's methods, as in NumPy.
 * @example const rs = np.random.RandomState(42); rs.randint(0, 10, {size: 5})
 */
export class RandomState {
  /** @internal the bit generator the draws come from (MT19937 here; PCG64 behind np.random.default_rng). */
  protected gen: BitSource = new MT19937();
  private hasGauss = false;
  private gauss = 0;

  constructor(seed?: Seed) {
    this.seed(seed);
  }

  private get mt(): MT19937 {
    return this.gen as MT19937;
  }

  /**
   * NumPy's `seed(seed=None)`: an int in [0, 2**32) by init_genrand, a 1-d list of such ints by
   * init_by_array, nothing by fresh entropy. Forgets the cached normal.
   */
  seed(seed?: Seed | Record<string, unknown>): void {
    const s = isOptions(seed) ? (parseArgs("seed", [seed], ["seed"]).seed as Seed) : seed;
    if (s === undefined || s === null) {
      this.mt.initByArray(new Uint32Array(randomBytes(4 * 624).buffer));
    } else if (typeof s === "number" || typeof s === "boolean") {
      if (typeof s === "number" && !Number.isInteger(s)) throw new TypeError("Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'");
      const v = Number(s);
      if (v < 0 || v > 0xffffffff) throw new ValueError("Seed must be between 0 and 2**32 - 1");
      this.mt.initGenrand(v);
    } else {
      const key = s instanceof ndarray ? Array.from(s.data) : Array.from(s as ArrayLike<number>);
      if (s instanceof ndarray && s.ndim !== 1) throw new ValueError("Seed array must be 1-d");
      if (key.length === 0) throw new ValueError("Seed must be non-empty");
      if (key.some((v) => typeof v !== "number" || !Number.isInteger(v))) throw new TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
      if (key.some((v) => v < 0 || v > 0xffffffff)) throw new ValueError("Seed must be between 0 and 2**32 - 1");
      this.mt.initByArray(key);
    }
    this.hasGauss = false;
    this.gauss = 0;
  }

  /** `get_state()`: `('MT19937', the 624 key words, pos, has_gauss, cached_gaussian)`, for set_state. */
  get_state(): State {
    const keys = new ndarray(Float64Array.from(this.mt.mt), [624], D.int64);
    return asPyTuple(["MT19937", keys, this.mt.mti, this.hasGauss ? 1 : 0, this.gauss]) as State;
  }

  /** `set_state(state)`: back to a state get_state() gave. */
  set_state(state: State): void {
    if (!Array.isArray(state) || state[0] !== "MT19937") throw new ValueError("state must be for a MT19937 PRNG");
    const [, keys, pos, hasGauss = 0, gauss = 0] = state;
    const words = keys instanceof ndarray ? keys.data : (keys as ArrayLike<number>);
    if (words.length !== 624) throw new ValueError("state must be 624 longs");
    if (!Number.isInteger(pos) || pos < 0 || pos > 624) throw new ValueError("invalid state");
    for (let i = 0; i < 624; i++) this.mt.mt[i] = words[i] >>> 0;
    this.mt.mti = pos;
    this.hasGauss = Boolean(hasGauss);
    this.gauss = gauss;
  }

  /** legacy_gauss: the polar method, the pair's other value kept for the next call. */
  protected nextGauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const g = this.gauss;
      this.gauss = 0;
      return g;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2.0 * this.gen.nextDouble() - 1.0;
      x2 = 2.0 * this.gen.nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = Math.sqrt((-2.0 * Math.log(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  private standardExponential(): number {
    return -Math.log(1.0 - this.gen.nextDouble());
  }

  /** NumPy's `random_interval(max)`: an int in [0, max] by masked rejection (shuffle's draw). */
  protected interval(max: number): number {
    if (max === 0) return 0;
    if (max <= 0xffffffff) {
      let mask = max;
      for (const s of [1, 2, 4, 8, 16]) mask |= mask >>> s;
      mask >>>= 0;
      let v: number;
      do v = (this.gen.nextUint32() & mask) >>> 0;
      while (v > max);
      return v;
    }
    return this.interval64(max);
  }

  /** random_interval's draw for a `max` past 2**32 - 1: MT19937's two 32-bit words (PCG64 has 64-bit ones). */
  protected interval64(max: number): number {
    return this.masked64(max);
  }

  /** `bounded_masked_uint64`: [0, rng] (rng > 2**32 - 1) by masked rejection on 64-bit words, the first word high. */
  private masked64(rng: number): number {
    let highMask = Math.floor(rng / 4294967296);
    for (const s of [1, 2, 4, 8, 16]) highMask |= highMask >>> s;
    let v: number;
    do {
      const high = this.gen.nextUint32();
      const low = this.gen.nextUint32();
      v = (high & highMask) * 4294967296 + low;
    } while (v > rng);
    return v;
  }

  /** `count` ints in [off, off + rng] as `random_bounded_uint*_fill` draws them for `dtype` (masked). */
  protected bounded(off: number, rng: number, count: number, dtype: IntDtype): number[] {
    const out = new Array<number>(count);
    if (rng === 0) return out.fill(off);
    if (dtype === "int64" || dtype === "int32") {
      if (rng === 0xffffffff) {
        for (let i = 0; i < count; i++) out[i] = off + this.gen.nextUint32();
      } else if (rng < 0xffffffff) {
        for (let i = 0; i < count; i++) out[i] = off + this.interval(rng);
      } else {
        for (let i = 0; i < count; i++) out[i] = off + this.masked64(rng);
      }
      return out;
    }
    const [next] = narrowDraws(() => this.gen.nextUint32(), dtype);
    let mask = rng;
    for (const s of [1, 2, 4, 8]) mask |= mask >>> s;
    for (let i = 0; i < count; i++) {
      let v: number;
      do v = next() & mask;
      while (v > rng);
      out[i] = off + v;
    }
    return out;
  }

  /**
   * NumPy's `cont`: draws `f(params...)` once per element of `size` (or of the parameters' broadcast
   * shape), a number when no size is given and every parameter is a number.
   */
  private cont(size: unknown, params: [unknown, string, Constraint][], f: (...p: number[]) => number): number | ndarray {
    const parsed = params.map(([v, name, cons]) => {
      const p = paramOf(v, name);
      checkConstraint(p.data, name, cons);
      return p;
    });
    const shape = shapeOf(size);
    const scalarParams = parsed.every((p) => p.shape.length === 0);
    if (shape === null && scalarParams) return f(...parsed.map((p) => p.data[0]));
    const out = shape ?? broadcastShapes(parsed.map((p) => p.shape));
    if (shape !== null) {
      const joint = broadcastShapes([shape, ...parsed.map((p) => p.shape)]);
      if (joint.join() !== shape.join()) throw new ValueError(`Output size ${shapeText(shape)} is not compatible with broadcast dimensions of inputs ${shapeText(joint)}.`);
    }
    const at = parsed.map((p) => broadcastIndex(p.shape, out));
    const n = product(out);
    const data = new Float64Array(n);
    const args = new Array<number>(parsed.length);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < parsed.length; k++) args[k] = parsed[k].data[at[k](i)];
      data[i] = f(...args);
    }
    return floats(data, out);
  }

  /** As cont, for integer draws (NumPy's `disc`): int64 values. */
  private disc(size: unknown, params: [unknown, string, Constraint][], f: (...p: number[]) => number): number | ndarray {
    const r = this.cont(size, params, f);
    return typeof r === "number" ? r : ints(r.data, r.shape);
  }

  /**
   * `random_sample(size=None)` (also `random`, `ranf`, `sample`): floats in [0, 1).
   * @example np.random.random_sample([2, 3])
   */
  random_sample(size?: null): number;
  random_sample(size: number | readonly number[] | Kw): ndarray;
  random_sample(size?: Size | Record<string, unknown>): number | ndarray {
    const o = parseArgs("random_sample", [size], ["size"]);
    return this.cont(o.size, [], () => this.gen.nextDouble());
  }

  /** `random(size=None)`: random_sample. */
  random(size?: null): number;
  random(size: number | readonly number[] | Kw): ndarray;
  random(size?: Size | Record<string, unknown>): number | ndarray {
    return this.cont(parseArgs("random", [size], ["size"]).size, [], () => this.gen.nextDouble());
  }

  /** `ranf(size=None)`: random_sample. */
  ranf(size?: null): number;
  ranf(size: number | readonly number[] | Kw): ndarray;
  ranf(size?: Size | Record<string, unknown>): number | ndarray {
    return this.cont(parseArgs("ranf", [size], ["size"]).size, [], () => this.gen.nextDouble());
  }

  /** `sample(size=None)`: random_sample. */
  sample(size?: null): number;
  sample(size: number | readonly number[] | Kw): ndarray;
  sample(size?: Size | Record<string, unknown>): number | ndarray {
    return this.cont(parseArgs("sample", [size], ["size"]).size, [], () => this.gen.nextDouble());
  }

  /**
   * `rand(d0, d1, ...)`: floats in [0, 1) of shape (d0, d1, ...); a float with no dimensions.
   * @example np.random.rand(3, 2)
   */
  rand(): number;
  rand(d0: number, ...dims: number[]): ndarray;
  rand(...dims: number[]): number | ndarray {
    return this.cont(dims.length === 0 ? null : dims, [], () => this.gen.nextDouble());
  }

  /**
   * `randn(d0, d1, ...)`: standard normals of shape (d0, d1, ...); a float with no dimensions.
   * @example np.random.seed(42); const x = np.random.randn(100, 1)
   */
  randn(): number;
  randn(d0: number, ...dims: number[]): ndarray;
  randn(...dims: number[]): number | ndarray {
    return this.cont(dims.length === 0 ? null : dims, [], () => this.nextGauss());
  }

  /** `standard_normal(size=None)`: standard normals. */
  standard_normal(size?: null): number;
  standard_normal(size: number | readonly number[] | Kw): ndarray;
  standard_normal(size?: Size | Record<string, unknown>): number | ndarray {
    const o = parseArgs("standard_normal", [size], ["size"]);
    return this.cont(o.size, [], () => this.nextGauss());
  }

  /**
   * `normal(loc=0.0, scale=1.0, size=None)`: `loc + scale * z`, loc and scale numbers or arrays.
   * @example np.random.normal(0, 0.1, x.shape)
   */
  normal(a?: number, b?: number, size?: null): number;
  normal(a?: Param | Kw, b?: Param | Kw, size?: Size | Kw): ndarray;
  normal(loc?: Param | Record<string, unknown>, scale?: Param | Record<string, unknown>, size?: Size | Record<string, unknown>): number | ndarray {
    const o = parseArgs("normal", [loc, scale, size], ["loc", "scale", "size"]);
    return this.cont(o.size, [[o.loc ?? 0, "loc", "none"], [o.scale ?? 1, "scale", "non_negative"]], (m, s) => m + s * this.nextGauss());
  }

  /**
   * `uniform(low=0.0, high=1.0, size=None)`: floats in [low, high), `low + (high - low) * u`.
   * @example np.random.uniform(-1, 1)
   */
  uniform(a?: number, b?: number, size?: null): number;
  uniform(a?: Param | Kw, b?: Param | Kw, size?: Size | Kw): ndarray;
  uniform(low?: Param | Record<string, unknown>, high?: Param | Record<string, unknown>, size?: Size | Record<string, unknown>): number | ndarray {
    const o = parseArgs("uniform", [low, high, size], ["low", "high", "size"]);
    const lo = paramOf(o.low ?? 0, "low");
    const hi = paramOf(o.high ?? 1, "high");
    const shape = broadcastShapes([lo.shape, hi.shape]);
    const ilo = broadcastIndex(lo.shape, shape);
    const ihi = broadcastIndex(hi.shape, shape);
    const range = Float64Array.from({ length: product(shape) }, (_, i) => hi.data[ihi(i)] - lo.data[ilo(i)]);
    if (!range.every(Number.isFinite)) throw new OverflowError("Range exceeds valid bounds");
    const rangeParam = shape.length === 0 ? range[0] : floats(range, shape);
    const lowParam = lo.shape.length === 0 ? lo.data[0] : new ndarray(Float64Array.from(lo.data), lo.shape, D.float64);
    return this.cont(o.size, [[lowParam, "low", "none"], [rangeParam, "range", "none"]], (l, r) => l + r * this.gen.nextDouble());
  }

  /**
   * `randint(low, high=None, size=None, dtype=int)`: ints in [low, high), or [0, low) without high,
   * by NumPy's masked rejection. An int without size, an int64 array with one.
   * @example np.random.randint(0, 10, {size: [3]})
   */
  randint(low: number, high?: number | null, size?: null, dtype?: unknown): number;
  randint(low: number | Kw, high?: number | null | Kw, size?: Size | Kw, dtype?: unknown): ndarray;
  randint(low: number | Record<string, unknown>, high?: number | null | Record<string, unknown>, size?: Size | Record<string, unknown>, dtype?: unknown): number | boolean | ndarray {
    const o = parseArgs("randint", [low, high, size, dtype], ["low", "high", "size", "dtype"]);
    if (o.low === undefined) throw new TypeError("randint() missing 1 required positional argument: 'low'");
    const type = intDtype(o.dtype);
    const shape = shapeOf(o.size);
    if (shape !== null && product(shape) === 0) return ints([], shape, type);
    let lo = o.high === undefined || o.high === null ? 0 : o.low;
    let hi = o.high === undefined || o.high === null ? o.low : o.high;
    if (typeof lo === "boolean") lo = Number(lo);
    if (typeof hi === "boolean") hi = Number(hi);
    if (typeof lo !== "number" || typeof hi !== "number") {
      throw new TypeError(`randint() takes numbers as low and high here (got ${pyTypeName(lo)} and ${pyTypeName(hi)}); arrays of bounds are not supported`);
    }
    if (Number.isNaN(lo) || Number.isNaN(hi)) throw new ValueError("cannot convert float NaN to integer");
    // int() of each bound, then the closed interval [low, high - 1].
    const ilo = Math.trunc(lo);
    const ihi = Math.trunc(hi) - 1;
    const [min, max] = dtypeBounds(type);
    if (ilo < min) throw new ValueError(`low is out of bounds for ${type}`);
    if (ihi > max) throw new ValueError(`high is out of bounds for ${type}`);
    if (ilo > ihi) throw new ValueError(ilo === 0 ? "high <= 0" : "low >= high");
    const rng = ihi - ilo;
    if (rng >= MAX_EXACT) throw new OverflowError(`a range of ${rng + 1} integers is beyond JavaScript's exact integers (2**53)`);
    const values = this.bounded(ilo, rng, shape === null ? 1 : product(shape), type);
    if (shape === null) return type === "bool" ? values[0] !== 0 : values[0];
    return ints(values, shape, type);
  }

  /**
   * `choice(a, size=None, replace=True, p=None)`: elements of `a` (or ints below `a` when it is an
   * int): uniform by randint, weighted by `p` (searchsorted on its normalised cumulative sum), or
   * without replacement as the first `size` of a permutation (by `p`: draws repeated until `size`
   * distinct).
   * @example np.random.choice(len(data), batch_size, {replace: false})
   */
  // Typed sizes first, then a size the checker types `any` (an untyped parameter's, get_batch's
  // `np.random.choice(n - seq_length, batch_size)`): a size, so an array, where an overload with
  // `size?: null` would have caught it (without strictNullChecks, null is any) and typed a scalar.
  choice(a: number | ndarray | readonly number[] | Iterable<number>, size: Size | Kw, replace?: boolean | Kw, p?: ArrayLike<number> | ndarray | null | Kw): ndarray;
  choice<T>(a: readonly T[] | Iterable<T>, size: Size | Kw, replace?: boolean | Kw, p?: ArrayLike<number> | ndarray | null | Kw): T[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  choice(a: unknown, size: any, replace?: boolean | Kw, p?: ArrayLike<number> | ndarray | null | Kw): ndarray;
  choice(a: number | ndarray, size?: null, replace?: boolean, p?: ArrayLike<number> | ndarray | null | Kw): number;
  choice<T>(a: readonly T[] | Iterable<T>, size?: null, replace?: boolean, p?: ArrayLike<number> | ndarray | null | Kw): T;
  choice(a: number, size?: Size | Kw, replace?: boolean | Kw, p?: ArrayLike<number> | ndarray | null | Kw): number | ndarray;
  choice(a: number | Sequence | Record<string, unknown>, size?: Size | Record<string, unknown>, replace?: boolean | Record<string, unknown>, p?: ArrayLike<number> | ndarray | null | Record<string, unknown>): unknown {
    const o = parseArgs("choice", [a, size, replace, p], ["a", "size", "replace", "p"]);
    if (!("a" in o)) throw new TypeError("choice() missing 1 required positional argument: 'a'");
    const shape = shapeOf(o.size);
    const count = shape === null ? 1 : product(shape);
    let popSize: number;
    let pool: ndarray | null = null;
    let items: unknown[] = [];
    if (typeof o.a === "number" || typeof o.a === "boolean" || (o.a instanceof ndarray && o.a.ndim === 0)) {
      const v = o.a instanceof ndarray ? o.a.data[0] : Number(o.a);
      if (!Number.isInteger(v) || (o.a instanceof ndarray && o.a._dtype.is_floating_point)) throw new ValueError("a must be 1-dimensional or an integer");
      popSize = v;
      if (popSize <= 0 && (shape === null || count !== 0)) throw new ValueError("a must be greater than 0 unless no samples are taken");
    } else {
      const e = elementsOf(o.a);
      if (e.array !== null) {
        if (e.array.ndim !== 1) throw new ValueError(e.array.ndim === 0 ? "a must be 1-dimensional or an integer" : "a must be 1-dimensional");
        pool = e.array;
      } else {
        if (e.items.some((v) => Array.isArray(v) || v instanceof ndarray)) throw new ValueError("a must be 1-dimensional");
        if (e.items.length === 1 && e.items[0] === o.a) throw new ValueError("a must be 1-dimensional or an integer");
        pool = numericArray(e.items);
        items = e.items;
      }
      popSize = pool === null ? items.length : pool.shape[0];
      if (popSize === 0 && (shape === null || count !== 0)) throw new ValueError("'a' cannot be empty unless no samples are taken");
    }
    let probs: Float64Array | null = null;
    if (o.p !== undefined && o.p !== null) {
      const pv = o.p;
      let atol = ATOL;
      if (pv instanceof ndarray) {
        if (pv.ndim === 0) throw new TypeError("len() of unsized object");
        if (pv._dtype === D.float32) atol = Math.max(atol, ATOL_FLOAT32);
        if (pv.ndim !== 1) throw new ValueError("'p' must be 1-dimensional");
        probs = Float64Array.from(pv.data);
      } else if (isSequence(pv)) {
        const parsed = paramOf(Array.from(pv as ArrayLike<unknown>), "p");
        if (parsed.shape.length !== 1) throw new ValueError("'p' must be 1-dimensional");
        probs = Float64Array.from(parsed.data);
      } else {
        throw new TypeError(`object of type '${pyTypeName(pv)}' has no len()`);
      }
      if (probs.length !== popSize) throw new ValueError("'a' and 'p' must have same size");
      const total = kahanSum(probs);
      if (Number.isNaN(total)) throw new ValueError("probabilities contain NaN");
      if (probs.some((v) => v < 0)) throw new ValueError("probabilities are not non-negative");
      if (Math.abs(total - 1) > atol) throw new ValueError("probabilities do not sum to 1");
    }
    const replaceDraws = o.replace === undefined ? true : Boolean(o.replace);
    let idx: number[];
    if (replaceDraws) {
      if (probs !== null) {
        const cdf = cumulative(probs);
        idx = Array.from({ length: count }, () => searchRight(cdf, this.gen.nextDouble()));
      } else {
        const r = this.randint(0, popSize, { size: shape === null ? [] : shape });
        idx = Array.from((r as ndarray).data);
      }
    } else {
      if (count > popSize) throw new ValueError("Cannot take a larger sample than population when 'replace=False'");
      if (probs !== null) {
        let nonZero = 0;
        probs.forEach((v) => (nonZero += v > 0 ? 1 : 0));
        if (nonZero < count) throw new ValueError("Fewer non-zero entries in p than size");
        const found: number[] = [];
        const weights = probs.slice();
        while (found.length < count) {
          const x = Array.from({ length: count - found.length }, () => this.gen.nextDouble());
          for (const f of found) weights[f] = 0;
          const cdf = cumulative(weights);
          const seen = new Set<number>();
          for (const u of x) {
            const k = searchRight(cdf, u);
            if (!seen.has(k)) {
              seen.add(k);
              found.push(k);
            }
          }
        }
        idx = found;
      } else {
        idx = this.withoutReplacement(popSize, count);
      }
    }
    const outShape = shape ?? [];
    if (pool === null && items.length === 0) {
      // An int `a`: the indices themselves.
      return shape === null ? idx[0] : ints(idx, outShape);
    }
    if (pool === null) {
      const picked = idx.map((i) => items[i]);
      return shape === null ? picked[0] : picked;
    }
    return shape === null ? item(pool, idx[0]) : take(pool, idx, outShape);
  }

  /** `count` distinct ints below `popSize` (legacy choice: the first `count` of a permutation). */
  protected withoutReplacement(popSize: number, count: number): number[] {
    const perm = this.permutation(popSize) as ndarray;
    return Array.from(perm.data.subarray(0, count));
  }

  /**
   * `shuffle(x)`: shuffles a list or an ndarray (along its first axis) in place, Fisher-Yates from the
   * end as NumPy does.
   * @example const idx = list(range(10)); np.random.shuffle(idx)
   */
  shuffle(x: unknown[] | ndarray): void {
    if (x instanceof ndarray) {
      const n = x.__len__();
      const row = product(x.shape.slice(1));
      if (row === 0) return;
      const buf = x.data.slice(0, row);
      for (let i = n - 1; i >= 1; i--) {
        const j = this.interval(i);
        if (i === j) continue;
        buf.set(x.data.subarray(j * row, (j + 1) * row));
        x.data.copyWithin(j * row, i * row, (i + 1) * row);
        x.data.set(buf, i * row);
      }
      x._written();
      return;
    }
    if (!Array.isArray(x)) {
      if (x !== null && typeof x === "object" && typeof (x as { numpy?: unknown }).numpy === "function") {
        throw new TypeError("np.random.shuffle shuffles a list or an ndarray in place; for a tensor use x[torch.randperm(len(x))]");
      }
      throw new TypeError(`object of type '${pyTypeName(x)}' has no len()`);
    }
    for (let i = x.length - 1; i >= 1; i--) {
      const j = this.interval(i);
      [x[i], x[j]] = [x[j], x[i]];
    }
  }

  /**
   * `permutation(x)`: `arange(x)` shuffled for an int; else a shuffled copy of the list or array
   * (along its first axis).
   * @example np.random.permutation(10)
   */
  permutation(x: number | ndarray | readonly number[] | readonly (readonly number[])[] | Iterable<number>): ndarray;
  permutation<T>(x: readonly T[] | Iterable<T>): T[];
  permutation(x: number | Sequence): ndarray | unknown[] {
    if (typeof x === "number" && Number.isInteger(x)) {
      const arr = arange(x);
      this.shuffle(arr);
      return arr;
    }
    const e = elementsOf(x);
    if (e.array !== null) {
      if (e.array.ndim < 1) throw new IndexError("x must be an integer or at least 1-dimensional");
      if (e.array.ndim === 1) {
        const arr = new ndarray(e.array.data.slice(), [...e.array.shape], e.array._dtype);
        this.shuffle(arr);
        return arr;
      }
      const idx = arange(e.array.shape[0]);
      this.shuffle(idx);
      return take(e.array, idx.data, [e.array.shape[0]]);
    }
    if (e.items.length === 1 && e.items[0] === x) throw new IndexError("x must be an integer or at least 1-dimensional");
    const arr = e.items.length > 0 && e.items.every(Array.isArray) ? nestedArray(e.items) : numericArray(e.items);
    if (arr !== null) {
      if (arr.ndim > 1) {
        const idx = arange(arr.shape[0]);
        this.shuffle(idx);
        return take(arr, idx.data, [arr.shape[0]]);
      }
      this.shuffle(arr);
      return arr;
    }
    const copy = [...e.items];
    this.shuffle(copy);
    return copy;
  }

  /** `standard_exponential(size=None)`: `-log(1 - u)`. */
  standard_exponential(size?: null): number;
  standard_exponential(size: number | readonly number[] | Kw): ndarray;
  standard_exponential(size?: Size | Record<string, unknown>): number | ndarray {
    const o = parseArgs("standard_exponential", [size], ["size"]);
    return this.cont(o.size, [], () => this.standardExponential());
  }

  /** `exponential(scale=1.0, size=None)`: `scale * -log(1 - u)`. */
  exponential(a?: number, size?: null): number;
  exponential(a?: Param | Kw, size?: Size | Kw): ndarray;
  exponential(scale?: Param | Record<string, unknown>, size?: Size | Record<string, unknown>): number | ndarray {
    const o = parseArgs("exponential", [scale, size], ["scale", "size"]);
    return this.cont(o.size, [[o.scale ?? 1, "scale", "non_negative"]], (s) => s * this.standardExponential());
  }

  /** legacy_standard_gamma: Marsaglia and Tsang above shape 1 (on the cached normals), Johnk-like rejection below. */
  private standardGamma(shape: number): number {
    if (shape === 1.0) return this.standardExponential();
    if (shape === 0.0) return 0.0;
    if (shape < 1.0) {
      for (;;) {
        const u = this.gen.nextDouble();
        const v = this.standardExponential();
        if (u <= 1.0 - shape) {
          const x = Math.pow(u, 1 / shape);
          if (x <= v) return x;
        } else {
          const y = -Math.log((1 - u) / shape);
          const x = Math.pow(1.0 - shape + shape * y, 1 / shape);
          if (x <= v + y) return x;
        }
      }
    }
    const b = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * b);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.nextGauss();
        v = 1.0 + c * x;
      } while (v <= 0.0);
      v = v * v * v;
      const u = this.gen.nextDouble();
      if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return b * v;
      if (Math.log(u) < 0.5 * x * x + b * (1 - v + Math.log(v))) return b * v;
    }
  }

  /** `standard_gamma(shape, size=None)`. */
  standard_gamma(shape: number, size?: null): number;
  standard_gamma(shape: Param | Kw, size?: Size | Kw): ndarray;
  standard_gamma(shape: Param | Record<string, unknown>, size?: Size | Record<string, unknown>): number | ndarray {
    const o = parseArgs("standard_gamma", [shape, size], ["shape", "size"]);
    if (o.shape === undefined) throw new TypeError("standard_gamma() missing 1 required positional argument: 'shape'");
    return this.cont(o.size, [[o.shape, "shape", "non_negative"]], (k) => this.standardGamma(k));
  }

  /** `gamma(shape, scale=1.0, size=None)`: `scale * standard_gamma(shape)`. */
  gamma(a: number, b?: number, size?: null): number;
  gamma(a: Param | Kw, b?: Param | Kw, size?: Size | Kw): ndarray;
  gamma(shape: Param | Record<string, unknown>, scale?: Param | Record<string, unknown>, size?: Size | Record<string, unknown>): number | ndarray {
    const o = parseArgs("gamma", [shape, scale, size], ["shape", "scale", "size"]);
    if (o.shape === undefined) throw new TypeError("gamma() missing 1 required positional argument: 'shape'");
    return this.cont(o.size, [[o.shape, "shape", "non_negative"], [o.scale ?? 1, "scale", "non_negative"]], (k, s) => s * this.standardGamma(k));
  }

  /** `beta(a, b, size=None)`: Johnk's algorithm when both are at most 1, else a ratio of gammas. */
  beta(a: number, b?: number, size?: null): number;
  beta(a: Param | Kw, b?: Param | Kw, size?: Size | Kw): ndarray;
  beta(a: Param | Record<string, unknown>, b?: Param | Record<string, unknown>, size?: Size | Record<string, unknown>): number | ndarray {
    const o = parseArgs("beta", [a, b, size], ["a", "b", "size"]);
    if (o.a === undefined || o.b === undefined) throw new TypeError(`beta() missing 1 required positional argument: '${o.a === undefined ? "a" : "b"}'`);
    return this.cont(o.size, [[o.a, "a", "positive"], [o.b, "b", "positive"]], (pa, pb) => {
      if (pa <= 1.0 && pb <= 1.0) {
        for (;;) {
          const u = this.gen.nextDouble();
          const v = this.gen.nextDouble();
          const x = Math.pow(u, 1.0 / pa);
          const y = Math.pow(v, 1.0 / pb);
          if (x + y <= 1.0) {
            if (x + y > 0) return x / (x + y);
            let logX = Math.log(u) / pa;
            let logY = Math.log(v) / pb;
            const logM = logX > logY ? logX : logY;
            logX -= logM;
            logY -= logM;
            return Math.exp(logX - Math.log(Math.exp(logX) + Math.exp(logY)));
          }
        }
      }
      const ga = this.standardGamma(pa);
      const gb = this.standardGamma(pb);
      return ga / (ga + gb);
    });
  }

  /** `poisson(lam=1.0, size=None)`: multiplication of uniforms below 10, Hoermann's PTRS from 10. */
  poisson(a?: number, size?: null): number;
  poisson(a?: Param | Kw, size?: Size | Kw): ndarray;
  poisson(lam?: Param | Record<string, unknown>, size?: Size | Record<string, unknown>): number | ndarray {
    const o = parseArgs("poisson", [lam, size], ["lam", "size"]);
    return this.disc(o.size, [[o.lam ?? 1, "lam", "poisson"]], (l) => this.poissonDraw(l));
  }

  private poissonDraw(lam: number): number {
    if (lam === 0) return 0;
    if (lam < 10) {
      const enlam = Math.exp(-lam);
      let x = 0;
      let prod = 1.0;
      for (;;) {
        prod *= this.gen.nextDouble();
        if (prod > enlam) x += 1;
        else return x;
      }
    }
    const slam = Math.sqrt(lam);
    const loglam = Math.log(lam);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.gen.nextDouble() - 0.5;
      const v = this.gen.nextDouble();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lam + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lam + k * loglam - loggam(k + 1)) return k;
    }
  }

  /**
   * `binomial(n, p, size=None)`: successes in n trials of probability p, by inversion when
   * `min(p, 1 - p) * n <= 30`, else by BTPE (the legacy algorithms, which draw even for n = 0 or p = 0).
   */
  binomial(a: number, b?: number, size?: null): number;
  binomial(a: Param | Kw, b?: Param | Kw, size?: Size | Kw): ndarray;
  binomial(n: Param | Record<string, unknown>, p?: Param | Record<string, unknown>, size?: Size | Record<string, unknown>): number | ndarray {
    const o = parseArgs("binomial", [n, p, size], ["n", "p", "size"]);
    if (o.n === undefined || o.p === undefined) throw new TypeError(`binomial() missing 1 required positional argument: '${o.n === undefined ? "n" : "p"}'`);
    const np = paramOf(o.n, "n");
    checkConstraint(paramOf(o.p, "p").data, "p", "bounded_0_1");
    checkConstraint(Array.from(np.data, (v) => Math.trunc(v) + 0), "n", "non_negative");
    return this.disc(o.size, [[o.n, "n", "none"], [o.p, "p", "none"]], (trials, prob) => {
      const k = Math.trunc(trials);
      if (prob <= 0.5) return prob * k <= 30.0 ? this.binomialInversion(k, prob) : this.binomialBtpe(k, prob);
      const q = 1.0 - prob;
      return k - (q * k <= 30.0 ? this.binomialInversion(k, q) : this.binomialBtpe(k, q));
    });
  }

  private binomialInversion(n: number, p: number): number {
    const q = 1.0 - p;
    const qn = Math.exp(n * Math.log(q));
    const np = n * p;
    const bound = Math.trunc(Math.min(n, np + 10.0 * Math.sqrt(np * q + 1)));
    let x = 0;
    let px = qn;
    let u = this.gen.nextDouble();
    while (u > px) {
      x++;
      if (x > bound) {
        x = 0;
        px = qn;
        u = this.gen.nextDouble();
      } else {
        u -= px;
        px = ((n - x + 1) * p * px) / (x * q);
      }
    }
    return x;
  }

  /** Kachitvichyanukul and Schmeiser's BTPE, step for step as NumPy's (its gotos as a loop). */
  private binomialBtpe(n: number, p: number): number {
    const r = Math.min(p, 1.0 - p);
    const q = 1.0 - r;
    const fm = n * r + r;
    const m = Math.floor(fm);
    const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
    const xm = m + 0.5;
    const xl = xm - p1;
    const xr = xm + p1;
    const c = 0.134 + 20.5 / (15.3 + m);
    let a = (fm - xl) / (fm - xl * r);
    const laml = a * (1.0 + a / 2.0);
    a = (xr - fm) / (xr * q);
    const lamr = a * (1.0 + a / 2.0);
    const p2 = p1 * (1.0 + 2.0 * c);
    const p3 = p2 + c / laml;
    const p4 = p3 + c / lamr;
    const nrq = n * r * q;
    for (;;) {
      const u = this.gen.nextDouble() * p4;
      let v = this.gen.nextDouble();
      let y: number;
      if (u <= p1) {
        y = Math.floor(xm - p1 * v + u);
        return p > 0.5 ? n - y : y;
      }
      if (u <= p2) {
        const x = xl + (u - p1) / c;
        v = v * c + 1.0 - Math.abs(m - x + 0.5) / p1;
        if (v > 1.0) continue;
        y = Math.floor(x);
      } else if (u <= p3) {
        y = Math.floor(xl + Math.log(v) / laml);
        if (y < 0 || v === 0.0) continue;
        v = v * (u - p2) * laml;
      } else {
        y = Math.floor(xr - Math.log(v) / lamr);
        if (y > n || v === 0.0) continue;
        v = v * (u - p3) * lamr;
      }
      const k = Math.abs(y - m);
      if (!(k > 20 && k < nrq / 2.0 - 1)) {
        const s = r / q;
        const aa = s * (n + 1);
        let f = 1.0;
        if (m < y) for (let i = m + 1; i <= y; i++) f *= aa / i - s;
        else if (m > y) for (let i = y + 1; i <= m; i++) f /= aa / i - s;
        if (v > f) continue;
        return p > 0.5 ? n - y : y;
      }
      const rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
      const t = (-k * k) / (2 * nrq);
      const A = Math.log(v);
      if (A < t - rho) return p > 0.5 ? n - y : y;
      if (A > t + rho) continue;
      const x1 = y + 1;
      const f1 = m + 1;
      const z = n + 1 - m;
      const w = n - y + 1;
      const x2 = x1 * x1;
      const f2 = f1 * f1;
      const z2 = z * z;
      const w2 = w * w;
      const bound =
        xm * Math.log(f1 / x1) +
        (n - m + 0.5) * Math.log(z / w) +
        (y - m) * Math.log((w * r) / (x1 * q)) +
        (13680 - (462 - (132 - (99 - 140 / f2) / f2) / f2) / f2) / f1 / 166320 +
        (13680 - (462 - (132 - (99 - 140 / z2) / z2) / z2) / z2) / z / 166320 +
        (13680 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x1 / 166320 +
        (13680 - (462 - (132 - (99 - 140 / w2) / w2) / w2) / w2) / w / 166320;
      if (A > bound) continue;
      return p > 0.5 ? n - y : y;
    }
  }
}

/** SPECFUN's log-gamma, as NumPy's random_loggam. */
const LOGGAM_A = [8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4, 8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2, 1.796443723688307e-1, -1.3924322169059];
function loggam(x: number): number {
  if (x === 1.0 || x === 2.0) return 0.0;
  let x0 = x;
  let n = 0;
  if (x <= 7.0) {
    n = Math.trunc(7 - x);
    x0 = x + n;
  }
  const x2 = 1.0 / (x0 * x0);
  let gl0 = LOGGAM_A[9];
  for (let k = 8; k >= 0; k--) gl0 = gl0 * x2 + LOGGAM_A[k];
  let gl = gl0 / x0 + 0.5 * Math.log(2 * Math.PI) + (x0 - 0.5) * Math.log(x0) - x0;
  if (x <= 7.0) {
    for (let k = 1; k <= n; k++) {
      gl -= Math.log(x0 - 1.0);
      x0 -= 1.0;
    }
  }
  return gl;
}

/** NumPy's kahan_sum of the probabilities. */
function kahanSum(values: Float64Array): number {
  let sum = values[0];
  let c = 0;
  for (let i = 1; i < values.length; i++) {
    const y = values[i] - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** `cdf = cumsum(p); cdf /= cdf[-1]`. */
function cumulative(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = acc += p[i];
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

/** The module's generator (NumPy's `np.random.mtrand._rand`), seeded from fresh entropy at load. */
const shared = new RandomState();

/** @internal The instance behind the module's functions (NumPy's `np.random.mtrand._rand`): what `random_state=None` draws from in scikit-learn. */
export function _globalRandomState(): RandomState {
  return shared;
}

/** `np.random.seed(seed=None)`: see RandomState.seed. `np.random.seed(0)` then gives NumPy's draws. */
export const seed = (s?: Seed): void => shared.seed(s);
/** `np.random.get_state()`. */
export const get_state = (): State => shared.get_state();
/** `np.random.set_state(state)`. */
export const set_state = (state: State): void => shared.set_state(state);
/** `np.random.random_sample(size=None)`: floats in [0, 1). */
export const random_sample = shared.random_sample.bind(shared);
/** `np.random.random(size=None)`: floats in [0, 1). */
export const random = shared.random.bind(shared);
/** `np.random.ranf(size=None)`: floats in [0, 1). */
export const ranf = shared.ranf.bind(shared);
/** `np.random.sample(size=None)`: floats in [0, 1). */
export const sample = shared.sample.bind(shared);
/** `np.random.rand(d0, d1, ...)`: floats in [0, 1). */
export const rand = shared.rand.bind(shared);
/** `np.random.randn(d0, d1, ...)`: standard normals. */
export const randn = shared.randn.bind(shared);
/** `np.random.standard_normal(size=None)`. */
export const standard_normal = shared.standard_normal.bind(shared);
/** `np.random.normal(loc=0.0, scale=1.0, size=None)`. */
export const normal = shared.normal.bind(shared);
/** `np.random.uniform(low=0.0, high=1.0, size=None)`. */
export const uniform = shared.uniform.bind(shared);
/** `np.random.randint(low, high=None, size=None, dtype=int)`. */
export const randint = shared.randint.bind(shared);
/** `np.random.choice(a, size=None, replace=True, p=None)`. */
export const choice = shared.choice.bind(shared);
/** `np.random.shuffle(x)`: in place. */
export const shuffle = shared.shuffle.bind(shared);
/** `np.random.permutation(x)`. */
export const permutation = shared.permutation.bind(shared);
/** `np.random.standard_exponential(size=None)`. */
export const standard_exponential = shared.standard_exponential.bind(shared);
/** `np.random.exponential(scale=1.0, size=None)`. */
export const exponential = shared.exponential.bind(shared);
/** `np.random.standard_gamma(shape, size=None)`. */
export const standard_gamma = shared.standard_gamma.bind(shared);
/** `np.random.gamma(shape, scale=1.0, size=None)`. */
export const gamma = shared.gamma.bind(shared);
/** `np.random.beta(a, b, size=None)`. */
export const beta = shared.beta.bind(shared);
/** `np.random.poisson(lam=1.0, size=None)`. */
export const poisson = shared.poisson.bind(shared);
/** `np.random.binomial(n, p, size=None)`. */
export const binomial = shared.binomial.bind(shared);

// Below RandomState, which the Generator's draws extend (a cycle: generator.ts imports this module).
export { default_rng, Generator, PCG64, SeedSequence } from "./generator";
