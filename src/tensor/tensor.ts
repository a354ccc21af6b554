/**
 * torch.Tensor: a PyTorch-layout n-d array on the active tfjs backend, with dtype, requires_grad,
 * grad and grad_fn. Methods chain (`x.add(y).relu().sum()`) and print the way PyTorch prints.
 * The math lives in src/ops; this class is the user-facing surface.
 */
import { profiling, profiled } from "../profiler/hook";
import type { tf } from "../backend/tf";
import * as D from "./dtype";
import { Device } from "./device";
import { adopt, drop, share, overwrite, rebind, toLogicalLayout, Storage, StorageRef } from "../backend/memory";
import { filledFloat32 } from "../backend/fill_buffer";
import { Node, relabelGradFn } from "../autograd/node";
import { is_inference_mode_enabled } from "../autograd/grad_mode";
import { runBackward } from "../autograd/backward";
import { runBackwardGraph } from "../autograd/create_graph";
import { currentLevel, isJvpInput, setTangent, tangentOf } from "../autograd/forward_state";
import { formatValues, addSuffixes } from "./repr";
import { pyFloat } from "../testing/pyrepr";
import { asPyFloats, asPyTuple, PY_TUPLE, setPyModule } from "../pyrepr";
import { format, formatFloat, formatInt } from "../pyformat";
import { tensor_display_hook } from "../display/hook";
import { isOptions, keywordOnly, parseArgs, trimArgs } from "./args";
import { AssertionError, IndexError, NotImplementedError, RuntimeError, TypeError, ValueError } from "../errors";
import * as E from "../ops/elementwise";
import * as R from "../ops/reduce";
import * as M from "../ops/movement";
import * as L from "../ops/linalg";
import * as C from "../ops/creation";
import * as SM from "../ops/sampling";
import * as S from "../ops/sort";
import * as SEL from "../ops/selection";
import { quantile, Interpolation } from "../ops/quantile";
import * as EX from "../ops/elementwise_extra";
import { compute, record, sumTo, broadcastShapes, fmtShape, expandTo, tf as tfjs } from "../ops/_core";
import type { Dims, ValuesIndices } from "../ops/reduce";
import type { IndexItem } from "../ops/movement";
import { warnOnce } from "../warnings";
import * as V from "../ops/view";
import * as MF from "./memory_format";
import { storageOf, type TypedStorage } from "./storage";
import * as LY from "../ops/layout";
import * as SC from "../ops/scatter";
import * as MX from "../ops/math_extra";
import * as LX from "../ops/linalg_extra";
import * as MM from "../ops/math_more";
import * as SV from "../ops/scatter_views";
import { addHook, addRetainHook, type GradHook, type RemovableHandle } from "../autograd/hooks";
import { Size } from "./size";
import { ndarray, type TensorLink } from "./ndarray";
import * as N from "../numpy/core";
import { guardNumericIndex } from "./index_guard";
import { listIndex, listKeyError } from "./list_index";
import * as X from "../ops/shape_extra";
import * as P from "../ops/product_extra";
import { strided, type Layout } from "./layouts";

/**
 * @internal filled in by src/tensor/sparse.ts (which imports this file, so this one cannot import it):
 * dense -> sparse, and dense + sparse.
 */
export const _sparseHooks: {
  toSparse?: (t: Tensor) => Tensor;
  addDense?: (a: Tensor, b: Tensor, alpha: number) => Tensor;
} = {};

/** A torch.dtype (`torch.float32`, `torch.int64`, `torch.int32`, `torch.bool`); see src/tensor/dtype.ts. */
export type DType = D.dtype;

/** A legacy tensor type such as `torch.FloatTensor`: a constructor carrying its dtype (`x.type(torch.LongTensor)`). */
/** PyTorch's VersionCounter: one per group of tensors sharing values as autograd sees them. */
export interface VersionCounter {
  n: number;
}

export interface LegacyTensorType {
  (...args: never[]): Tensor;
  readonly dtype: DType;
}

const LEGACY_DTYPES = [D.float32, D.float64, D.int64, D.int32, D.int16, D.int8, D.uint8, D.bool];

export function normalizeDtype(d: unknown): DType {
  const r = D.lookupDtype(d);
  if (r === undefined) throw new TypeError(`unsupported dtype ${String(d)}: torchlab has torch.float32, torch.float64, torch.int64, torch.int32, torch.int16, torch.int8, torch.uint8 and torch.bool`);
  return r;
}

type Scalar = number | boolean;
type Operand = Tensor | Scalar;
/** An arithmetic operator's right operand: PyTorch's `t + a` takes a NumPy array as the tensor of its values (its dtype kept). */
type ArrayOperand = Operand | ndarray;

/**
 * `t <op> a` with a NumPy array: PyTorch 1.13 declines and NumPy computes it (the tensor as its array,
 * NumPy's promotion: float32 with an int64 array is float64), the result a tensor again.
 */
function withArray(t: Tensor, ufunc: string, a: ndarray): Tensor {
  const values = t._numpyCopy();
  const out = ufunc === "matmul" ? N.matmul(values, a) : N.binary(ufunc, values, a);
  return C.from_numpy(out instanceof ndarray ? out : N.make([Number(out)], [], N.promote(values._dtype, a._dtype)), false);
}
type DimOpts = { dim?: Dims; axis?: Dims; keepdim?: boolean; keepdims?: boolean };

function dimArgs(op: string, args: unknown[]): { dim: Dims; keepdim: boolean } {
  const a = parseArgs(op, args, ["dim", "keepdim"]);
  return { dim: a.dim as Dims, keepdim: (a.keepdim as boolean | undefined) ?? false };
}

/** Drops trailing undefined arguments only: an undefined in the middle keeps later ones in their positions. */
type DtypeOpt = { dtype?: DType | string | null };

/**
 * The arguments of gather / scatter / index_select / take_along_dim, positionally or by keyword
 * (`x.gather(1, idx)`, `x.gather({dim: 1, index: idx})`, `x.gather(1, {index: idx})`), with the
 * ones PyTorch requires checked.
 */
function indexArgs(op: string, args: unknown[], names: readonly string[], needed: readonly string[]): Record<string, unknown> {
  const o = parseArgs(op, trimArgs(args), names);
  const missing = needed.filter((n) => o[n] === undefined || o[n] === null);
  if (missing.length) {
    throw new TypeError(`${op}() missing ${missing.length} required argument${missing.length > 1 ? "s" : ""}: ${missing.map((n) => `'${n}'`).join(", ")}`);
  }
  return o;
}

/** gather's arguments by keyword (`dim`, `index` may also be positional). */
export type GatherOptions = { dim?: number; index?: Tensor; sparse_grad?: boolean };
/** index_select's arguments by keyword. */
export type IndexSelectOptions = { dim?: number; index?: Tensor };
/** scatter's `src` (a tensor) or `value` (a number), with dim / index / reduce, by keyword. */
export type ScatterOptions = { dim?: number; index?: Tensor; src?: Tensor | number; value?: number; reduce?: "add" | "multiply" };
/** scatter_add's arguments by keyword. */
export type ScatterAddOptions = { dim?: number; index?: Tensor; src?: Tensor };
/** scatter_reduce's arguments by keyword. */
export type ScatterReduceOptions = { dim?: number; index?: Tensor; src?: Tensor; reduce?: SC.ScatterReduce; include_self?: boolean };

function scatterArgs(op: string, args: unknown[]): { dim: number; index: Tensor; src: Tensor | number; reduce?: "add" | "multiply" } {
  const o = indexArgs(op, args, ["dim", "index", "src", "value", "reduce"], ["dim", "index"]);
  if (o.src !== undefined && o.value !== undefined) throw new TypeError(`${op}() got both 'src' and 'value'`);
  const s = o.src ?? o.value;
  if (s === undefined) throw new TypeError(`${op}() missing 1 required argument: 'src' (a Tensor) or 'value' (a number)`);
  return { dim: o.dim as number, index: o.index as Tensor, src: s as Tensor | number, reduce: o.reduce as "add" | "multiply" | undefined };
}
type KthOpts = { k?: number; dim?: number; axis?: number; keepdim?: boolean; keepdims?: boolean };
type TopkOpts = { k?: number; dim?: number; axis?: number; largest?: boolean; sorted?: boolean };
type SortOpts = { dim?: number; axis?: number; descending?: boolean; stable?: boolean };

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** Splits PyTorch's `dtype=` keyword off trailing options: the input is cast to it before the op. */
function splitDtype(args: unknown[]): { args: unknown[]; dtype?: DType } {
  const last = args[args.length - 1];
  if (!isOptions(last) || !("dtype" in last)) return { args };
  const { dtype, ...rest } = last as Record<string, unknown>;
  return { args: [...args.slice(0, -1), rest], dtype: dtype === undefined || dtype === null ? undefined : normalizeDtype(dtype) };
}

/**
 * A sum-like op given `dtype=` computes in that dtype and returns it: the input was cast before the
 * op; integer sums come out int64, so an int32 (or bool) `dtype` is restored here.
 */
function withResultDtype(r: Tensor, dtype: DType | undefined): Tensor {
  return dtype === undefined || r.dtype === dtype ? r : r.to(dtype);
}

function sizesFrom(args: unknown[], op?: string, name?: string): number[] {
  // `x.view()` with no sizes at all is PyTorch's TypeError; `x.view([])` (0-d) is fine.
  if (op !== undefined && args.length === 0) throw new TypeError(`${op}() missing 1 required positional arguments: "${name}"`);
  return args.length === 1 && Array.isArray(args[0]) ? (args[0] as number[]) : (args as number[]);
}

type QuantileOpts = { dim?: number | null; axis?: number | null; keepdim?: boolean; keepdims?: boolean; interpolation?: Interpolation };

function quantileArgs(op: "quantile" | "nanquantile", t: Tensor, q: number | Tensor, rest: unknown[]): Tensor {
  const o = parseArgs(op, [q, ...rest], ["q", "dim", "keepdim", "interpolation"]);
  return quantile(op, t, o.q as number | Tensor, (o.dim as number | null | undefined) ?? null, (o.keepdim as boolean | undefined) ?? false, (o.interpolation as Interpolation | undefined) ?? "linear");
}

/** A trailing `dim` given positionally or as PyTorch's keyword, `{dim}`. */
function trailingDim(op: string, dim: unknown): unknown {
  return isOptions(dim) ? parseArgs(op, [dim], ["dim"]).dim : dim;
}

export class Tensor {
  /** Python's class name (`torch.Tensor.__name__`, `type(x).__name__`): "Tensor", or the subclass's. */
  declare static readonly __name__: string;
  /** @internal refcounted backend buffer, shared by detach()/.data aliases. */
  _s: Storage;
  /** @internal what the memory registry releases when this wrapper is collected (`_s`, kept in step by rebind). */
  private _ref: StorageRef;
  /** @internal for a view: its base and how it derives from it (src/ops/view.ts); null when it owns its values. */
  _view: V.ViewInfo | null = null;
  /**
   * @internal PyTorch's version counter, shared by a base, its views and detach() aliases (`.data` gets
   * a fresh one); null until shared or first bumped (version 0), so an op's output allocates none.
   */
  _vc: VersionCounter | null = null;
  /** @internal the memory format PyTorch would store this tensor in (src/tensor/memory_format.ts); null: row-major. Views read their strides instead. */
  _memfmt: MF.StoredFormat = null;
  private _grad_fn: Node | null = null;
  private _gradValue: Tensor | null = null;
  /** Accumulated gradient of a leaf after backward(). */
  get grad(): Tensor | null {
    if (this._grad_fn !== null && !this.retains_grad && this._gradValue === null) {
      warnOnce(
        "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be populated during autograd.backward(). " +
          "If you indeed want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. " +
          "If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more informations.",
      );
    }
    return this._gradValue;
  }
  /** PyTorch's checks on `x.grad = g`: a tensor (or null) of this tensor's size and kind of dtype. */
  set grad(g: Tensor | null) {
    if (g !== null && g !== undefined) {
      if (!(g instanceof Tensor)) throw new TypeError(`assigned grad expected to be a Tensor or None but got grad of type ${typeof g}`);
      if (g.dtype._tf !== this.dtype._tf) throw new RuntimeError("assigned grad has data of a different type");
      if (g.shape.length !== this.shape.length || g.shape.some((d, i) => d !== this.shape[i])) throw new RuntimeError("assigned grad has data of a different size");
    }
    this._gradValue = g ?? null;
  }
  private _requires_grad = false;
  /** @internal how many unreleased autograd nodes hold this tensor as an input (src/autograd/node.ts). */
  _holds = 0;
  /** @internal made inside inference_mode (PyTorch's inference tensor): no autograd for it outside. */
  _inference = false;
  /**
   * @internal set when no user-visible reference to this tensor can exist any more (an intermediate
   * between two modules of an nn.Sequential): its buffer is freed as soon as the graph lets go of it.
   */
  _graphOnly = false;

  /** @internal use torch.tensor / torch.zeros / ... to create tensors. */
  constructor(data: tf.Tensor, storage?: Storage) {
    // PyTorch's `torch.Tensor([0])` is a constructor call; here it would wrap an array as storage.
    if (typeof (data as { dataSync?: unknown } | null)?.dataSync !== "function") throw new TypeError(`new torch.Tensor(data): data must be a backend tensor, got ${Array.isArray(data) ? "an array" : typeof data}; write torch.tensor(data) (or torch.FloatTensor(data)) to make a tensor from values`);
    this._ref = storage ? share(this, storage) : adopt(this, data);
    this._s = this._ref.s;
    if (storage === undefined && is_inference_mode_enabled()) this._inference = true;
  }

  /** @internal the NumPy array this tensor shares memory with (`torch.from_numpy(a)`, `t.numpy()`), null for none. */
  _np: { array: ndarray; link: TensorLink } | null = null;

  /** @internal the array was written since this tensor last looked: its values become the tensor's (unless the tensor was written since too: its own then win). */
  _pullNumpy(): void {
    const { array, link } = this._np!;
    if (array._v === link.av) return;
    link.av = array._v;
    if (this._version !== link.tv) return;
    this._overwriteFrom(array._memory());
  }

  /** @internal replaces the values (a NumPy array's write through shared memory): views see them, the version does not move, as in PyTorch. */
  _overwriteFrom(values: ArrayLike<number>): void {
    const dt = this.dtype._tf;
    const shape = this.shape.slice();
    // Kept: the write may happen while an op reads this tensor inside its own scope.
    overwrite(this._s, tfjs.keep(compute(() => (dt === "bool" ? tfjs.cast(tfjs.tensor(Int32Array.from(values), shape, "int32"), "bool") : tfjs.tensor(dt === "int32" ? Int32Array.from(values, Math.trunc) : Float32Array.from(values), shape, dt)))));
  }

  /** @internal this tensor and `array` share memory from now on: a write through either is seen by the other. */
  _shareWith(array: ndarray): void {
    const link: TensorLink = { tensor: this, tv: this._version, av: array._v };
    this._np = { array, link };
    array._link = link;
  }

  /** @internal */
  static _wrap(data: tf.Tensor): Tensor {
    return new Tensor(data);
  }

  /** @internal the tfjs tensor holding the values (PyTorch layout); a view re-derives them if its base was written. */
  get _t(): tf.Tensor {
    if (this._view !== null) {
      // A write through the base's NumPy array (`t.detach().numpy()`, `t[0].numpy()`) reaches the base first.
      if (this._view.base._np !== null) this._view.base._pullNumpy();
      if (V.isStale(this)) V.refresh(this);
    }
    if (this._np !== null && this._np.array._v !== this._np.link.av) this._pullNumpy();
    const s = this._s;
    if (s.data.isDisposed) throw new RuntimeError("this tensor's memory was already released");
    if (s.layout !== undefined) toLogicalLayout(s);
    return s.data;
  }

  /** @internal */
  _attach(node: Node): void {
    this._grad_fn = node;
    this._requires_grad = true;
  }

  /** The node that produced this tensor (e.g. `<MseLossBackward0 object at 0x7f...>`), or null for a leaf. */
  get grad_fn(): Node | null {
    if (this._view !== null && V.isStale(this)) V.refresh(this);
    return this._grad_fn;
  }
  set grad_fn(node: Node | null) {
    this._grad_fn = node;
  }

  /** @internal grad_fn without bringing a view up to date first. */
  _gradFnRaw(): Node | null {
    return this._grad_fn;
  }
  /** @internal */
  _setGradFn(node: Node): void {
    this._attach(node);
  }
  /** @internal this wrapper takes `other`'s storage (a view re-derived, or written through). */
  _rebindTo(other: Tensor): void {
    this._s = rebind(this._ref, other._s);
  }
  /** @internal this tensor becomes `result` of an in-place op: its values and its grad_fn. */
  _adopt(result: Tensor): void {
    this._s = rebind(this._ref, result._s);
    if (result._grad_fn !== null) {
      this._attach(result._grad_fn);
      // An op that reads its output (sigmoid_) now reads this tensor: later writes to it must be caught.
      result._grad_fn._outputBecomes(result, this);
    }
    // Forward AD: the tensor's tangent becomes the result's (none when the result has none).
    if (currentLevel() >= 0) setTangent(this, tangentOf(result));
  }
  /** @internal frees this wrapper's reference to its buffer now; the wrapper must never be read again. */
  _free(): void {
    this._s = drop(this._ref);
  }
  /** @internal replaces this (non-view) tensor's values in place; its views see the new version. */
  _overwrite(data: tf.Tensor): void {
    overwrite(this._s, data);
  }
  /**
   * How many in-place writes this tensor, its base and their views (and detach() aliases) have seen,
   * PyTorch's `x._version`: autograd compares it with the value it saved to detect such a write.
   */
  get _version(): number {
    return this._vc === null ? 0 : this._vc.n;
  }
  /** @internal counts one in-place write to this tensor (and whatever shares its counter). */
  _bumpVersion(): void {
    if (this._vc === null) this._vc = { n: 1 };
    else this._vc.n++;
  }
  /** @internal the counter a view or detach() alias of this tensor shares. */
  _sharedVersion(): VersionCounter {
    return (this._vc ??= { n: 0 });
  }

  // ---------------------------------------------------------------- properties

  /** The dims, as a `torch.Size` (an array of numbers that prints as `torch.Size([3, 28, 28])`). */
  get shape(): Size {
    const d = this._s.data;
    if (this._shapeOf !== d) {
      this._shape = Size._frozen(d.shape);
      this._shapeOf = d;
    }
    return this._shape!;
  }
  private _shape: Size | null = null;
  private _shapeOf: tf.Tensor | null = null;
  get dtype(): DType {
    const s = this._s;
    return s.dt !== undefined && s.dt._tf === s.data.dtype ? s.dt : D.defaultFor(s.data.dtype);
  }
  get ndim(): number {
    return this._s.data.rank;
  }
  /**
   * The torch.device holding this tensor: device(type='cpu') for the wasm/cpu/tensorflow-CPU
   * backends, device(type='cuda') under tfjs-node-gpu. It reads as its string ('cpu') in
   * `String(x.device)`, templates and `x.device == "cpu"`, but `x.device === "cpu"` is false (an object).
   */
  get device(): Device {
    return new Device(deviceName());
  }
  get is_leaf(): boolean {
    return this.grad_fn === null;
  }
  /** torch.strided for a dense tensor, torch.sparse_coo for a sparse one (src/tensor/sparse.ts). */
  get layout(): Layout {
    return strided;
  }
  get is_sparse(): boolean {
    return false;
  }
  /** The nonzero elements as a sparse COO tensor (coalesced); gradients flow back to this tensor. */
  to_sparse(): Tensor {
    return _sparseHooks.toSparse!(this);
  }
  /** A dense tensor is its own dense form. */
  to_dense(): Tensor {
    return this;
  }
  get requires_grad(): boolean {
    if (this._view !== null && V.isStale(this)) V.refresh(this);
    // Forward AD runs backward closures for dual inputs too (forward_state.ts).
    return this._requires_grad || isJvpInput(this);
  }
  set requires_grad(v: boolean) {
    // PyTorch words the setter's refusal as its factories do, not as requires_grad_() does.
    if (v && !this.dtype.is_floating_point) throw new RuntimeError(`o${D.REQUIRES_GRAD_DTYPE.slice(1)} (this tensor is ${this.dtype})`);
    this.requires_grad_(v);
  }
  get is_cuda(): boolean {
    return deviceName() === "cuda";
  }
  /**
   * The same values, detached from the graph (PyTorch's `.data`); in-place writes to it change this
   * tensor without autograd noticing (backward then reads the new values).
   */
  get data(): Tensor {
    // Unlike detach(), `.data` gets a version counter of its own: autograd does not see writes through it.
    return V.detachedAlias(this, true);
  }
  set data(v: Tensor) {
    if (!(v instanceof Tensor)) throw new TypeError("Tensor.data must be set to a Tensor");
    const d = compute(() => tfjs.clone(v._t));
    if (this._view !== null) V.writeThroughView(this, Tensor._wrap(d), false);
    else {
      overwrite(this._s, d);
      // `t.data = v` gives t v's dtype, as in PyTorch (float32 and float64 share a buffer dtype).
      this._s.dt = v._s.dt;
    }
  }
  /** Removed in PyTorch 0.4 (`Variable(x, volatile=True)`): always false, with PyTorch's warning. */
  get volatile(): boolean {
    process.emitWarning("volatile was removed (Variable.volatile is always False)", "UserWarning");
    return false;
  }
  /** Transpose of a 2-D tensor (dims reversed for n-D), PyTorch's `.T`. */
  get T(): Tensor {
    return this.permute([...Array(this.dim()).keys()].reverse());
  }
  /** Transpose of the last two dims, PyTorch's `.mT`. */
  get mT(): Tensor {
    // PyTorch 1.13 passes a 0-d tensor through and refuses a 1-D one.
    if (this.dim() === 0) return this.alias();
    if (this.dim() === 1) throw new RuntimeError("tensor.mT is only supported on matrices or batches of matrices. Got 1-D tensor.");
    return this.transpose(-2, -1);
  }

  size(): Size;
  size(dim: number): number;
  size(dim?: number): Size | number {
    if (dim === undefined) return this.shape;
    return this.shape[normDimPublic(dim, this.dim(), "size")];
  }
  dim(): number {
    return this._s.data.rank;
  }
  numel(): number {
    return this._s.data.size;
  }
  nelement(): number {
    return this.numel();
  }
  element_size(): number {
    return this.dtype.itemsize;
  }
  get length(): number {
    if (this.dim() === 0) throw new TypeError("len() of a 0-d tensor");
    return this.shape[0];
  }
  /** Python's `len(t)`; every tensor has it, so `hasattr(t, "__len__")` holds (a 0-d one raises when called). */
  __len__(): number {
    return this.length;
  }

  // ---------------------------------------------------------------- autograd

  /**
   * Whether this tensor was made inside `torch.inference_mode` (PyTorch's inference tensor). Outside
   * that mode it cannot be modified in place, require grad, or be saved by an op for its backward
   * (`x.clone()` gives a normal tensor).
   */
  is_inference(): boolean {
    return this._inference || (this._view !== null && this._view.base._inference);
  }

  /** Sets requires_grad in place: `w.requires_grad_()`, `w.requires_grad_(false)`, `w.requires_grad_({requires_grad: true})`. */
  requires_grad_(...args: [(boolean | { requires_grad?: boolean })?]): this {
    const requires_grad = parseArgs("requires_grad_", args, ["requires_grad"]).requires_grad ?? true;
    if (typeof requires_grad !== "boolean") throw new TypeError(`requires_grad_(): argument 'requires_grad' (position 1) must be bool, not ${typeof requires_grad}`);
    if (!this.is_leaf && !requires_grad) {
      throw new RuntimeError("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
    }
    if (requires_grad && this.dtype._tf !== "float32") {
      throw new RuntimeError("only Tensors of floating point dtype can require gradients");
    }
    if (requires_grad && this.is_inference() && !is_inference_mode_enabled()) {
      throw new RuntimeError("Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.");
    }
    if (this.is_leaf) this._requires_grad = requires_grad;
    return this;
  }

  /**
   * Computes the gradient of this tensor with respect to graph leaves and accumulates it into their
   * `.grad`. A non-scalar tensor needs `gradient` (same shape). The graph is freed unless
   * `retain_graph` is true.
   */
  backward(
    gradient?: Tensor | null | { gradient?: Tensor | null; retain_graph?: boolean; create_graph?: boolean },
    options: { retain_graph?: boolean; create_graph?: boolean } = {},
  ): void {
    let g: Tensor | null | undefined;
    let retain = options.retain_graph;
    let createGraph = options.create_graph ?? false;
    if (isOptions(gradient)) {
      const o = parseArgs("backward", [gradient], ["gradient", "retain_graph", "create_graph", "inputs"]);
      createGraph = (o.create_graph as boolean | undefined) ?? createGraph;
      // Accepting it and ignoring it would silently give all-leaf gradients.
      if (o.inputs !== undefined) throw new NotImplementedError("backward(): `inputs` is not supported; gradients accumulate into every leaf that requires grad");
      g = o.gradient as Tensor | undefined;
      retain = (o.retain_graph as boolean | undefined) ?? retain;
    } else g = gradient as Tensor | null | undefined;
    if (!this.requires_grad) throw new RuntimeError("element 0 of tensors does not require grad and does not have a grad_fn");
    let seed: tf.Tensor;
    if (g === undefined || g === null) {
      if (this.numel() !== 1) throw new RuntimeError(`grad can be implicitly created only for scalar outputs (this tensor has shape [${this.shape.join(", ")}])`);
      seed = compute(() => tfjs.onesLike(this._t));
    } else {
      if (!(g instanceof Tensor)) throw new TypeError("backward(): gradient must be a Tensor");
      if (g.shape.join(",") !== this.shape.join(",")) {
        throw new RuntimeError(`Mismatch in shape: grad_output[0] has a shape of [${g.shape.join(", ")}] and output[0] has a shape of [${this.shape.join(", ")}].`);
      }
      seed = compute(() => tfjs.cast(g!._t, "float32"));
    }
    if (createGraph) {
      // The leaves' .grad become Tensors on the tape (src/autograd/create_graph.ts); the seed is a Tensor too.
      const given = g === undefined || g === null ? null : g;
      const s = given !== null && given.dtype._tf === "float32" ? (seed.dispose(), given) : Tensor._wrap(seed);
      return runBackwardGraph(this, s, retain ?? true);
    }
    runBackward(this, seed, retain ?? false);
  }

  /** A tensor sharing this one's values, cut from the graph: in-place writes to either show in both. */
  detach(): Tensor {
    return V.detachedAlias(this);
  }
  detach_(): this {
    if (this._view !== null && this._view.tracked) {
      throw new RuntimeError(
        "Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. " +
          "To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.",
      );
    }
    this._grad_fn = null;
    this._requires_grad = false;
    return this;
  }
  /** Keeps `.grad` for this non-leaf tensor after backward(). */
  retain_grad(): void {
    if (!this.requires_grad) throw new RuntimeError("can't retain_grad on Tensor that has requires_grad=False");
    if (this.grad_fn && this.grad_fn.retained !== this) {
      this.grad_fn.retained = this;
      addRetainHook(this.grad_fn);
    }
  }
  get retains_grad(): boolean {
    return this.grad_fn !== null && this.grad_fn.retained === this;
  }

  /** @internal a view of all of this tensor (used where PyTorch returns an alias). */
  alias(): Tensor {
    return V.alias(this);
  }

  // ---------------------------------------------------------------- data access

  /** The value of a one-element tensor as a JS number (or boolean for bool). */
  item(): number {
    if (this.numel() !== 1) {
      throw new ValueError(`only one element tensors can be converted to Python scalars (this one has ${this.numel()} elements, shape [${this.shape.join(", ")}])`);
    }
    const v = this._t.dataSync()[0] as number;
    return this.dtype._tf === "bool" ? (Boolean(v) as unknown as number) : v;
  }

  /**
   * `Number(t)` (and `+t`, `Math.exp(t)`) is Python's `float(t)` / `int(t)`: the value of a one-element
   * tensor, an error for more elements; as a string (`${t}`, `"loss " + t`) it is the tensor's repr.
   * @example Number(y.argmax({dim: 1}).reshape(1))   // int(y.argmax(dim=1).reshape(1))
   */
  [Symbol.toPrimitive](hint: string): number | string {
    return hint === "number" ? Number(this.item()) : this.toString();
  }

  /** Nested JS arrays of the values (numbers, or booleans for bool tensors). */
  tolist(): NestedList {
    const flat = Array.from(this._t.dataSync() as ArrayLike<number>, (v) => (this.dtype._tf === "bool" ? Boolean(v) : v));
    // A float tensor's values are Python floats: the lists print `[1.0, 2.0]`, as PyTorch's tolist().
    const floats = this.dtype.is_floating_point;
    const build = (dim: number, offset: number): NestedList => {
      if (dim === this.dim()) return flat[offset];
      const stride = this.shape.slice(dim + 1).reduce((a, b) => a * b, 1);
      const row = Array.from({ length: this.shape[dim] }, (_, i) => build(dim + 1, offset + i * stride));
      return floats ? asPyFloats(row) : row;
    };
    return build(0, 0);
  }

  /** The values as a typed array (Float32Array, Int32Array, or Uint8Array for bool), row-major. */
  dataSync(): Float32Array | Int32Array | Uint8Array {
    return this._t.dataSync() as Float32Array | Int32Array | Uint8Array;
  }

  /** Async form of dataSync(): does not block where reading back from the device is slow (CUDA). */
  async dataAsync(): Promise<Float32Array | Int32Array | Uint8Array> {
    return (await this._t.data()) as Float32Array | Int32Array | Uint8Array;
  }

  // ---------------------------------------------------------------- dtype / device

  // PyTorch's to(device, dtype=None, non_blocking=False, copy=False): after a device, the dtype or the
  // keywords (images.to(device, {non_blocking: true}) in pytorch/examples imagenet); non_blocking changes nothing here.
  // The second parameter is named `options` so that a keyword call on an untyped receiver (Zero to GANs'
  // `data.to(device, non_blocking=True)`, kernel/keyword_call.ts) passes the keywords in it.
  to(
    target: DType | string | Tensor | { dtype?: DType | string; device?: unknown; non_blocking?: boolean; copy?: boolean; memory_format?: MF.memory_format } | { readonly type: string },
    options?: DType | string | { dtype?: DType | string; non_blocking?: boolean; copy?: boolean; memory_format?: MF.memory_format },
  ): Tensor {
    if (isOptions(options) && "memory_format" in options) {
      // to(device_or_dtype, memory_format=...): the cast, then the layout.
      const { memory_format: mf, ...rest } = options as { memory_format?: MF.memory_format };
      return this.to(target, Object.keys(rest).length > 0 ? rest : undefined)._toFormat(mf);
    }
    const dtype = options;
    if (target instanceof Tensor) return this.to(target.dtype);
    if (isOptions(target)) {
      const o = parseArgs("to", [target], ["dtype", "device", "non_blocking", "copy", "memory_format"]);
      if (o.device !== undefined && o.device !== null) checkDevice(o.device);
      const cast = o.dtype === undefined ? this : this.to(o.dtype as string);
      return o.memory_format === undefined ? cast : cast._toFormat(o.memory_format);
    }
    if (typeof target === "string" && D.lookupDtype(target) === undefined) {
      // A device ('cpu', 'cuda', 'cuda:0'): tensors live on the one active backend.
      checkDevice(target);
      return dtype === undefined ? this : this.to(dtype);
    }
    if (typeof target === "object" && target !== null && "type" in (target as object)) {
      checkDevice(target);
      return dtype === undefined ? this : this.to(dtype);
    }
    const dt = normalizeDtype(target);
    return dt === this.dtype ? this : M.toDtype(this, dt);
  }
  type(): string;
  type(dtype: DType | string | LegacyTensorType): Tensor;
  type(dtype?: DType | string | LegacyTensorType): Tensor | string {
    if (dtype === undefined) return `torch.${this.dtype._typeName}Tensor`;
    if (typeof dtype === "string") {
      // PyTorch's type names ('torch.LongTensor', 'torch.cuda.FloatTensor'); a dtype's name is also read.
      const legacy = /^torch\.(cuda\.)?(\w+)Tensor$/.exec(dtype);
      const named = legacy ? LEGACY_DTYPES.find((d) => d._typeName === legacy[2]) : D.lookupDtype(dtype);
      if (named === undefined) throw new ValueError(`invalid type: '${dtype}'`);
      return legacy?.[1] ? this.to("cuda").to(named) : this.to(named);
    }
    return this.to(typeof dtype === "function" ? dtype.dtype : dtype);
  }
  float(): Tensor {
    return this.to("float32");
  }
  double(): Tensor {
    return this.to(D.float64);
  }
  /** PyTorch's cast to float16: torchlab has no 16-bit floats, so this raises NotImplementedError naming float16. */
  half(): Tensor {
    throw new NotImplementedError(D.unsupportedDtypeMessage(D.float16));
  }
  /** PyTorch's cast to bfloat16: raises NotImplementedError, as half() does. */
  bfloat16(): Tensor {
    throw new NotImplementedError(D.unsupportedDtypeMessage(D.bfloat16));
  }
  long(): Tensor {
    return this.to(D.int64);
  }
  int(): Tensor {
    return this.to("int32");
  }
  bool(): Tensor {
    return this.to("bool");
  }
  /** This tensor as uint8 (`self.to(torch.uint8)`): floats truncated toward zero, then wrapped into 0..255. */
  byte(): Tensor {
    return this.to(D.uint8);
  }
  /** This tensor as int8 (`self.to(torch.int8)`). */
  char(): Tensor {
    return this.to(D.int8);
  }
  /** This tensor as int16 (`self.to(torch.int16)`). */
  short(): Tensor {
    return this.to(D.int16);
  }
  cpu(): Tensor {
    return this;
  }
  cuda(): Tensor {
    checkDevice("cuda");
    return this;
  }
  is_floating_point(): boolean {
    return this.dtype._tf === "float32";
  }

  // ---------------------------------------------------------------- arithmetic

  add(other: ArrayOperand, options?: { alpha?: number }): Tensor {
    if (other instanceof ndarray) return withArray(this, "add", other);
    // dense + sparse is dense (as in PyTorch); the one field test dense adds pay.
    if ((other as Tensor).is_sparse === true) return _sparseHooks.addDense!(this, other as Tensor, options?.alpha ?? 1);
    return E.add(this, other, options?.alpha ?? 1);
  }
  sub(other: ArrayOperand, options?: { alpha?: number }): Tensor {
    if (other instanceof ndarray) return withArray(this, "subtract", other);
    return E.sub(this, other, options?.alpha ?? 1);
  }
  rsub(other: Operand): Tensor {
    return E.rsub(this, other);
  }
  mul(other: ArrayOperand): Tensor {
    if (other instanceof ndarray) return withArray(this, "multiply", other);
    return E.mul(this, other);
  }
  div(other: ArrayOperand, options?: { rounding_mode?: "trunc" | "floor" | null }): Tensor {
    if (other instanceof ndarray) return withArray(this, "true_divide", other);
    return E.div(this, other, options);
  }
  true_divide(other: ArrayOperand): Tensor {
    if (other instanceof ndarray) return withArray(this, "true_divide", other);
    return E.div(this, other);
  }
  floor_divide(other: ArrayOperand): Tensor {
    if (other instanceof ndarray) return withArray(this, "floor_divide", other);
    return E.div(this, other, { rounding_mode: "floor" });
  }
  remainder(other: ArrayOperand): Tensor {
    if (other instanceof ndarray) return withArray(this, "remainder", other);
    return E.remainder(this, other);
  }
  pow(exponent: ArrayOperand): Tensor {
    if (exponent instanceof ndarray) return withArray(this, "power", exponent);
    return E.pow(this, exponent);
  }
  neg(): Tensor {
    return E.neg(this);
  }
  exp(): Tensor {
    return E.exp(this);
  }
  log(): Tensor {
    return E.log(this);
  }
  log2(): Tensor {
    return E.log2(this);
  }
  log10(): Tensor {
    return E.log10(this);
  }
  log1p(): Tensor {
    return E.log1p(this);
  }
  expm1(): Tensor {
    return E.expm1(this);
  }
  sqrt(): Tensor {
    return E.sqrt(this);
  }
  rsqrt(): Tensor {
    return E.rsqrt(this);
  }
  square(): Tensor {
    return E.square(this);
  }
  reciprocal(): Tensor {
    return E.reciprocal(this);
  }
  abs(): Tensor {
    return E.abs(this);
  }
  sign(): Tensor {
    return E.sign(this);
  }
  sin(): Tensor {
    return E.sin(this);
  }
  cos(): Tensor {
    return E.cos(this);
  }
  tanh(): Tensor {
    return E.tanh(this);
  }
  sigmoid(): Tensor {
    return E.sigmoid(this);
  }
  relu(): Tensor {
    return E.relu(this);
  }
  erf(): Tensor {
    return E.erf(this);
  }
  floor(): Tensor {
    return E.floor(this);
  }
  ceil(): Tensor {
    return E.ceil(this);
  }
  /** Rounds half to even; `{decimals}` rounds to that many decimal places (negative: to tens, hundreds, ...), as PyTorch. */
  round(options?: { decimals?: number }): Tensor {
    const decimals = (keywordOnly("round", 0, options, ["decimals"]).decimals as number | undefined) ?? 0;
    if (!Number.isInteger(decimals)) throw new TypeError(`round(): argument 'decimals' must be int, not ${decimals}`);
    if (decimals === 0) return E.round(this);
    // PyTorch's formula, so ties and float32 rounding agree: round(x * 10^d) / 10^d, or round(x / 10^-d) * 10^-d.
    const ten = 10 ** Math.abs(decimals);
    return decimals > 0 ? E.div(E.round(E.mul(this, ten)), ten) : E.mul(E.round(E.div(this, ten)), ten);
  }
  trunc(): Tensor {
    return E.trunc(this);
  }
  /** trunc's other name. */
  fix(): Tensor {
    return E.trunc(this);
  }
  /** True where the element is +inf. */
  isposinf(): Tensor {
    return EX.isposinf(this);
  }
  /** True where the element is -inf. */
  isneginf(): Tensor {
    return EX.isneginf(this);
  }
  /** |self| with the sign of `other` (floating point). */
  copysign(other: Tensor | number): Tensor {
    return EX.copysign(this, other);
  }
  /** self (refused for bool, as PyTorch's unary `+`). */
  positive(): Tensor {
    return EX.positive(this);
  }
  /** Correlation coefficients of the variables in the rows. */
  corrcoef(): Tensor {
    return LX.corrcoef(this);
  }

  // ---------------------------------------------------------------- fnmath: more math (src/ops/math_extra.ts, linalg_extra.ts), in-place forms, hooks
  absolute(): Tensor {
    return E.abs(this);
  }
  acos(): Tensor {
    return MX.acos(this);
  }
  arccos(): Tensor {
    return MX.acos(this);
  }
  asin(): Tensor {
    return MX.asin(this);
  }
  arcsin(): Tensor {
    return MX.asin(this);
  }
  atan(): Tensor {
    return MX.atan(this);
  }
  arctan(): Tensor {
    return MX.atan(this);
  }
  atan2(other: Operand): Tensor {
    return MX.atan2(this, other);
  }
  arctan2(other: Operand): Tensor {
    return MX.atan2(this, other);
  }
  cosh(): Tensor {
    return MX.cosh(this);
  }
  sinh(): Tensor {
    return MX.sinh(this);
  }
  asinh(): Tensor {
    return MX.asinh(this);
  }
  arcsinh(): Tensor {
    return MX.asinh(this);
  }
  acosh(): Tensor {
    return MX.acosh(this);
  }
  arccosh(): Tensor {
    return MX.acosh(this);
  }
  atanh(): Tensor {
    return MX.atanh(this);
  }
  arctanh(): Tensor {
    return MX.atanh(this);
  }
  tan(): Tensor {
    return MX.tan(this);
  }
  deg2rad(): Tensor {
    return MX.deg2rad(this);
  }
  rad2deg(): Tensor {
    return MX.rad2deg(this);
  }
  erfc(): Tensor {
    return MX.erfc(this);
  }
  erfinv(): Tensor {
    return MX.erfinv(this);
  }
  exp2(): Tensor {
    return MX.exp2(this);
  }
  frac(): Tensor {
    return MX.frac(this);
  }
  sinc(): Tensor {
    return MX.sinc(this);
  }
  lgamma(): Tensor {
    return MX.lgamma(this);
  }
  digamma(): Tensor {
    return MX.digamma(this);
  }
  sgn(): Tensor {
    return E.sign(this);
  }
  signbit(): Tensor {
    return MX.signbit(this);
  }
  negative(): Tensor {
    return E.neg(this);
  }
  /** log(p / (1 - p)); with `eps`, p is first clamped to [eps, 1 - eps]. */
  logit(eps?: number | null | { eps?: number | null }): Tensor {
    const o = parseArgs("logit", trimArgs([eps]), ["eps"]);
    return MX.logit(this, (o.eps as number | null | undefined) ?? null);
  }
  /** nan, +inf and -inf replaced (by 0 and float32's largest finite values unless given). */
  nan_to_num(nan?: number | MX.NanToNumOpts, posinf?: number | null | MX.NanToNumOpts, neginf?: number | null | MX.NanToNumOpts): Tensor {
    const o = parseArgs("nan_to_num", trimArgs([nan, posinf, neginf]), ["nan", "posinf", "neginf"]);
    return MX.nan_to_num(this, (o.nan as number | undefined) ?? 0, (o.posinf as number | null | undefined) ?? null, (o.neginf as number | null | undefined) ?? null);
  }
  fmod(other: Operand): Tensor {
    return MX.fmod(this, other);
  }
  hypot(other: Operand): Tensor {
    return MX.hypot(this, other);
  }
  xlogy(other: Operand): Tensor {
    return MX.xlogy(this, other);
  }
  logaddexp(other: Operand): Tensor {
    return MX.logaddexp(this, other);
  }
  heaviside(values: Tensor): Tensor {
    return MX.heaviside(this, values);
  }
  float_power(exponent: Operand): Tensor {
    return MX.float_power(this, exponent);
  }
  gcd(other: Operand): Tensor {
    return MX.gcd(this, other);
  }
  lcm(other: Operand): Tensor {
    return MX.lcm(this, other);
  }
  ldexp(other: Operand): Tensor {
    return MX.ldexp(this, other);
  }
  /** `[mantissa, exponent]` with `this = mantissa * 2 ** exponent` (torch.frexp). */
  frexp(): MM.MantissaExponent {
    return MM.frexp(this);
  }
  /** The next float32 after each element towards `other` (torch.nextafter). */
  nextafter(other: Tensor): Tensor {
    return MM.nextafter(this, other);
  }
  /** A copy with `this.select(dim, index)` replaced by `src` (torch.select_scatter). */
  select_scatter(src: Tensor, dim: number, index: number): Tensor {
    return SV.select_scatter(this, src, dim, index);
  }
  /** A copy with the slice `start:end:step` of `dim` replaced by `src` (torch.slice_scatter). */
  slice_scatter(src: Tensor, dim = 0, start: number | null = null, end: number | null = null, step = 1): Tensor {
    return SV.slice_scatter(this, src, dim, start, end, step);
  }
  /** A copy with the diagonal replaced by `src` (torch.diagonal_scatter). */
  diagonal_scatter(src: Tensor, offset = 0, dim1 = 0, dim2 = 1): Tensor {
    return SV.diagonal_scatter(this, src, offset, dim1, dim2);
  }
  /** torch.index_reduce: `source` reduced ("prod", "mean", "amax", "amin") into the slices `index` of `dim`. */
  index_reduce(dim: number, index: Tensor, source: Tensor, reduce: SV.IndexReduce, options?: { include_self?: boolean }): Tensor {
    const o = parseArgs("index_reduce", trimArgs([options]), ["include_self"]);
    return SV.index_reduce(this, dim, index, source, reduce, (o.include_self as boolean | undefined) ?? true);
  }
  /** In-place index_reduce. */
  index_reduce_(dim: number, index: Tensor, source: Tensor, reduce: SV.IndexReduce, options?: { include_self?: boolean }): this {
    const o = parseArgs("index_reduce_", trimArgs([options]), ["include_self"]);
    return this.inplace("index_reduce_", (s) => SV.index_reduce(s, dim, index, source, reduce, (o.include_self as boolean | undefined) ?? true));
  }
  /** Slices along `dim` with p-norm above `maxnorm` scaled down to it (torch.renorm). */
  renorm(p: number, dim: number, maxnorm: number): Tensor {
    return MM.renorm(this, p, dim, maxnorm);
  }
  multiply(other: Operand): Tensor {
    return E.mul(this, other);
  }
  subtract(other: Operand, options?: { alpha?: number }): Tensor {
    return E.sub(this, other, parseArgs("subtract", trimArgs([options]), ["alpha"]).alpha as number | undefined);
  }
  divide(other: Operand, options?: { rounding_mode?: "trunc" | "floor" | null }): Tensor {
    return E.div(this, other, parseArgs("divide", trimArgs([options]), ["rounding_mode"]) as { rounding_mode?: "trunc" | "floor" | null });
  }
  clamp_min(min: number | Tensor): Tensor {
    return E.clamp(this, min, null);
  }
  clamp_max(max: number | Tensor): Tensor {
    return E.clamp(this, null, max);
  }
  /** self + value * tensor1 * tensor2 (`value` keyword-only, default 1). */
  addcmul(tensor1: Tensor, tensor2: Tensor, options?: { value?: number }): Tensor {
    return MX.addcmul(this, tensor1, tensor2, MX.valueOpt("addcmul", options));
  }
  /** self + value * tensor1 / tensor2 (`value` keyword-only, default 1). */
  addcdiv(tensor1: Tensor, tensor2: Tensor, options?: { value?: number }): Tensor {
    return MX.addcdiv(this, tensor1, tensor2, MX.valueOpt("addcdiv", options));
  }
  /** self + weight * (end - self). */
  lerp(end: Tensor, weight: Tensor | number): Tensor {
    return MX.lerp(this, end, weight);
  }
  nansum(dim?: Dims | (DimOpts & DtypeOpt), keepdim?: boolean | (DimOpts & DtypeOpt)): Tensor {
    const s = splitDtype(trimArgs([dim, keepdim]));
    const a = dimArgs("nansum", s.args);
    // PyTorch 1.13 has no kernel summing a floating input into an integer dtype here.
    if (this.dtype.is_floating_point && s.dtype !== undefined && s.dtype._tf === "int32") throw new RuntimeError(`"nansum_cpu" not implemented for '${s.dtype._typeName}'`);
    return withResultDtype(MX.nansum(s.dtype ? this.to(s.dtype) : this, a.dim, a.keepdim), s.dtype);
  }
  nanmean(dim?: Dims | (DimOpts & DtypeOpt), keepdim?: boolean | (DimOpts & DtypeOpt)): Tensor {
    const s = splitDtype(trimArgs([dim, keepdim]));
    const a = dimArgs("nanmean", s.args);
    return MX.nanmean(s.dtype ? this.to(s.dtype) : this, a.dim, a.keepdim);
  }
  count_nonzero(dim?: Dims | { dim?: Dims; axis?: Dims }): Tensor {
    return MX.count_nonzero(this, parseArgs("count_nonzero", trimArgs([dim]), ["dim"]).dim as Dims);
  }
  /** Running maximum along `dim` and the index where it was (last) reached. */
  cummax(dim: number | { dim: number }): ValuesIndices {
    return MX.cumextreme("cummax", this, MX.requiredDim("cummax", dim));
  }
  cummin(dim: number | { dim: number }): ValuesIndices {
    return MX.cumextreme("cummin", this, MX.requiredDim("cummin", dim));
  }
  logcumsumexp(dim: number | { dim: number }): Tensor {
    return MX.logcumsumexp(this, MX.requiredDim("logcumsumexp", dim));
  }
  /** Sum of the main diagonal of a 2-D tensor. */
  trace(): Tensor {
    return MX.trace(this);
  }
  /** Histogram with `bins` equal bins over [min, max] (the data's range when both are 0). */
  histc(bins?: number | MX.HistcOpts, min?: number | MX.HistcOpts, max?: number | MX.HistcOpts): Tensor {
    const o = parseArgs("histc", trimArgs([bins, min, max]), ["bins", "min", "max"]);
    return MX.histc(this, (o.bins as number | undefined) ?? 100, (o.min as number | undefined) ?? 0, (o.max as number | undefined) ?? 0);
  }
  /** The n-th forward difference along `dim` (default -1), after concatenating `prepend` and `append`. */
  diff(n?: number | MX.DiffOpts, dim?: number | MX.DiffOpts, prepend?: Tensor | null | MX.DiffOpts, append?: Tensor | null | MX.DiffOpts): Tensor {
    const o = parseArgs("diff", trimArgs([n, dim, prepend, append]), ["n", "dim", "prepend", "append"]);
    return MX.diff(this, (o.n as number | undefined) ?? 1, (o.dim as number | undefined) ?? -1, (o.prepend as Tensor | null | undefined) ?? null, (o.append as Tensor | null | undefined) ?? null);
  }
  /** Covariance of the rows (variables) over the columns (observations); options correction (1), fweights, aweights. */
  cov(options?: { correction?: number; fweights?: Tensor | null; aweights?: Tensor | null }): Tensor {
    const o = parseArgs("cov", trimArgs([options]), ["correction", "fweights", "aweights"]);
    if (options !== undefined && !isOptions(options)) throw new TypeError("cov() takes 1 positional argument; correction, fweights and aweights are keyword-only");
    return MX.cov(this, (o.correction as number | undefined) ?? 1, (o.fweights as Tensor | null | undefined) ?? null, (o.aweights as Tensor | null | undefined) ?? null);
  }
  /** The smallest and largest values, as `[min, max]` with `.min` / `.max`; options dim, keepdim. */
  aminmax(options?: { dim?: number | null; axis?: number | null; keepdim?: boolean; keepdims?: boolean }): MX.MinMax {
    const o = parseArgs("aminmax", trimArgs([options]), ["dim", "keepdim"]);
    return MX.aminmax(this, (o.dim as number | null | undefined) ?? null, (o.keepdim as boolean | undefined) ?? false);
  }
  det(): Tensor {
    return LX.det(this, "det");
  }
  inverse(): Tensor {
    return LX.inv(this, "inverse");
  }
  logdet(): Tensor {
    return LX.logdet(this);
  }
  slogdet(): LX.SignLogAbsDet {
    return LX.slogdet(this, "slogdet");
  }
  type_as(other: Tensor): Tensor {
    return this.to(other.dtype);
  }
  ndimension(): number {
    return this.dim();
  }
  /** Sums this tensor down to `size`, which must expand to this tensor's shape. */
  sum_to_size(...size: (number | number[])[]): Tensor {
    return MX.sum_to_size(this, sizesFrom(size, "sum_to_size", "size"));
  }
  index_add(dim: number, index: Tensor, source: Tensor, options?: { alpha?: number }): Tensor {
    return MX.index_add(this, dim, index, source, (parseArgs("index_add", trimArgs([options]), ["alpha"]).alpha as number | undefined) ?? 1);
  }
  index_fill(dim: number, index: Tensor, value: number | boolean | Tensor): Tensor {
    return MX.index_fill(this, dim, index, value);
  }
  masked_scatter(mask: Tensor, source: Tensor): Tensor {
    return MX.masked_scatter(this, mask, source);
  }
  put(index: Tensor, source: Tensor, accumulate: boolean | { accumulate?: boolean } = false): Tensor {
    return MX.put(this, index, source, Boolean(parseArgs("put", [accumulate], ["accumulate"]).accumulate));
  }

  /**
   * Registers `hook(grad)` to run on this tensor's gradient during backward(); a returned tensor
   * replaces the gradient. Returns a handle whose `remove()` unregisters it.
   * @example
   * const v = torch.tensor([0., 0., 0.], {requires_grad: true});
   * const h = v.register_hook((grad) => grad.mul(2));   // double the gradient
   * v.backward(torch.tensor([1., 2., 3.]));             // v.grad is [2, 4, 6]
   * h.remove();
   */
  register_hook(hook: GradHook): RemovableHandle {
    return addHook(this, this.grad_fn, hook);
  }

  abs_(): this {
    return this.inplace("abs_", (s) => E.abs(s));
  }
  absolute_(): this {
    return this.inplace("absolute_", (s) => E.abs(s));
  }
  sqrt_(): this {
    return this.inplace("sqrt_", (s) => E.sqrt(s));
  }
  pow_(exponent: Operand): this {
    return this.inplace("pow_", (s) => E.pow(s, exponent === this ? s : exponent), undefined, false, typeof exponent === "number");
  }
  exp_(): this {
    return this.inplace("exp_", (s) => E.exp(s));
  }
  sin_(): this {
    return this.inplace("sin_", (s) => E.sin(s));
  }
  cos_(): this {
    return this.inplace("cos_", (s) => E.cos(s));
  }
  log_(): this {
    return this.inplace("log_", (s) => E.log(s));
  }
  neg_(): this {
    return this.inplace("neg_", (s) => E.neg(s));
  }
  negative_(): this {
    return this.inplace("negative_", (s) => E.neg(s));
  }
  floor_(): this {
    return this.inplace("floor_", (s) => E.floor(s));
  }
  ceil_(): this {
    return this.inplace("ceil_", (s) => E.ceil(s));
  }
  round_(options?: { decimals?: number }): this {
    return this.inplace("round_", (s) => s.round(options));
  }
  trunc_(): this {
    return this.inplace("trunc_", (s) => E.trunc(s));
  }
  reciprocal_(): this {
    return this.inplace("reciprocal_", (s) => E.reciprocal(s));
  }
  remainder_(other: Operand): this {
    return this.inplace("remainder_", (s) => E.remainder(s, other === this ? s : other));
  }
  fmod_(other: Operand): this {
    return this.inplace("fmod_", (s) => MX.fmod(s, other === this ? s : other));
  }
  clamp_min_(min: number | Tensor): this {
    return this.inplace("clamp_min_", (s) => E.clamp(s, min, null), undefined, false, typeof min === "number");
  }
  clamp_max_(max: number | Tensor): this {
    return this.inplace("clamp_max_", (s) => E.clamp(s, null, max), undefined, false, typeof max === "number");
  }
  sigmoid_(): this {
    return this.inplace("sigmoid_", (s) => E.sigmoid(s));
  }
  tanh_(): this {
    return this.inplace("tanh_", (s) => E.tanh(s));
  }
  addcmul_(tensor1: Tensor, tensor2: Tensor, options?: { value?: number }): this {
    const v = MX.valueOpt("addcmul_", options);
    return this.inplace("addcmul_", (s) => MX.addcmul(s, tensor1 === this ? s : tensor1, tensor2 === this ? s : tensor2, v));
  }
  addcdiv_(tensor1: Tensor, tensor2: Tensor, options?: { value?: number }): this {
    const v = MX.valueOpt("addcdiv_", options);
    return this.inplace("addcdiv_", (s) => MX.addcdiv(s, tensor1 === this ? s : tensor1, tensor2 === this ? s : tensor2, v));
  }
  lerp_(end: Tensor, weight: Tensor | number): this {
    return this.inplace("lerp_", (s) => MX.lerp(s, end === this ? s : end, weight === this ? s : weight));
  }
  // Comparisons and logical_not_ write 0/1 in this tensor's own dtype, as PyTorch's.
  logical_not_(): this {
    return this.inplace("logical_not_", (s) => E.logical_not(s), undefined, true);
  }
  eq_(other: Operand): this {
    return this.inplace("eq_", (s) => E.eq(s, other === this ? s : other), "EqBackward0", true);
  }
  ne_(other: Operand): this {
    return this.inplace("ne_", (s) => E.ne(s, other === this ? s : other), "NeBackward0", true);
  }
  lt_(other: Operand): this {
    return this.inplace("lt_", (s) => E.lt(s, other === this ? s : other), "LtBackward0", true);
  }
  le_(other: Operand): this {
    return this.inplace("le_", (s) => E.le(s, other === this ? s : other), "LeBackward0", true);
  }
  gt_(other: Operand): this {
    return this.inplace("gt_", (s) => E.gt(s, other === this ? s : other), "GtBackward0", true);
  }
  ge_(other: Operand): this {
    return this.inplace("ge_", (s) => E.ge(s, other === this ? s : other), "GeBackward0", true);
  }
  /** Replaces every element by `callable(element)` (run on the host; not differentiable). */
  apply_(callable: (x: number) => number): this {
    return this.inplace("apply_", (s) => MX.hostApply(s, callable), "ApplyBackward0", true);
  }
  /** Replaces every element by `callable(element, other's element)`, `other` broadcast to this shape. */
  map_(tensor: Tensor, callable: (a: number, b: number) => number): this {
    return this.inplace("map_", (s) => MX.hostApply(s, callable as (...v: number[]) => number, [tensor]), "MapBackward0", true);
  }
  /** Writes `fill_value` on the main diagonal (every dim equal for n-D); `wrap` continues below a tall matrix's square. */
  fill_diagonal_(fill_value: number | boolean, wrap: boolean | { wrap?: boolean } = false): this {
    const w = Boolean(parseArgs("fill_diagonal_", [wrap], ["wrap"]).wrap);
    return this.inplace("fill_diagonal_", (s) => E.masked_fill(s, MX.diagonalMask(s, w), fill_value), "FillBackward0");
  }
  index_add_(dim: number, index: Tensor, source: Tensor, options?: { alpha?: number }): this {
    const alpha = (parseArgs("index_add_", trimArgs([options]), ["alpha"]).alpha as number | undefined) ?? 1;
    return this.inplace("index_add_", (s) => MX.index_add(s, dim, index, source, alpha));
  }
  index_fill_(dim: number, index: Tensor, value: number | boolean | Tensor): this {
    return this.inplace("index_fill_", (s) => MX.index_fill(s, dim, index, value));
  }
  put_(index: Tensor, source: Tensor, accumulate: boolean | { accumulate?: boolean } = false): this {
    const acc = Boolean(parseArgs("put_", [accumulate], ["accumulate"]).accumulate);
    return this.inplace("put_", (s) => MX.put(s, index, source, acc));
  }
  masked_scatter_(mask: Tensor, source: Tensor): this {
    return this.inplace("masked_scatter_", (s) => MX.masked_scatter(s, mask, source));
  }
  /**
   * In-place shape changes (t_, transpose_, squeeze_, unsqueeze_): this tensor becomes the view.
   * Views taken of this tensor before the call keep deriving from its new shape, so take them after.
   */
  private reshapeInPlace(op: string, f: (t: Tensor) => Tensor): this {
    this.checkInplace(op, isGradRecording());
    const r = f(this);
    this._s = rebind(this._ref, r._s);
    this._view = this._view === null ? null : r._view;
    if (r._grad_fn !== null) this._attach(r._grad_fn);
    return this;
  }
  // The in-place forms' nodes are PyTorch's other overloads: TBackward1, TransposeBackward1, ...
  t_(): this {
    return this.reshapeInPlace("t_", (s) => (s.dim() === 2 ? M.transpose(s, 0, 1, "TBackward1") : s.t()));
  }
  transpose_(dim0: number, dim1: number): this {
    return this.reshapeInPlace("transpose_", (s) => M.transpose(s, dim0, dim1, "TransposeBackward1"));
  }
  /** In-place swapaxes (transpose_). */
  swapaxes_(axis0: number, axis1: number): this {
    return this.transpose_(axis0, axis1);
  }
  /** In-place swapdims (transpose_). */
  swapdims_(dim0: number, dim1: number): this {
    return this.transpose_(dim0, dim1);
  }
  squeeze_(dim?: number | number[] | { dim?: number | number[]; axis?: number | number[] }): this {
    return this.reshapeInPlace("squeeze_", (s) => M.squeeze(s, trailingDim("squeeze_", dim) as number | number[] | undefined, true));
  }
  unsqueeze_(dim: number | { dim: number }): this {
    return this.reshapeInPlace("unsqueeze_", (s) => M.unsqueeze(s, trailingDim("unsqueeze_", dim) as number, true));
  }
  /**
   * PyTorch's `resize_(*sizes)` on a contiguous tensor: the new shape is laid over the values in
   * row-major order (`images.resize_(64, 784)` flattens a batch). Shrinking keeps the first elements;
   * growing keeps all of them and appends new ones, which PyTorch leaves uninitialised and torchlab
   * fills with zeros. A view shrunk stays a view of its base's storage, as PyTorch's (its writes reach
   * the base and the base's reach it). A tensor that owns its values, or one grown, gets storage of
   * its own when the number of elements changes: views of the old storage no longer see its writes
   * (PyTorch's would, up to the old size), because a torchlab view derives from its base's shape.
   */
  resize_(...sizes: (number | number[])[]): this {
    const shape = sizes.length === 1 && Array.isArray(sizes[0]) ? sizes[0] : (sizes as number[]);
    if (!shape.every((v) => Number.isInteger(v))) throw new TypeError(`resize_(): sizes must be integers, got [${shape.join(", ")}]`);
    // PyTorch 1.13's message for a negative size (its element count overflows as unsigned).
    if (shape.some((v) => v < 0)) throw new RuntimeError("numel: integer multiplication overflow");
    const n = shape.reduce((a, b) => a * b, 1);
    if (this.requires_grad) throw new RuntimeError("cannot resize variables that require grad");
    // PyTorch keeps the storage and lays the new shape over it from the offset; for a non-contiguous
    // tensor that is not its logical order, which a torchlab view cannot express.
    if (!this.is_contiguous()) throw new RuntimeError(`resize_: torchlab resizes only contiguous tensors (strides [${this.stride().join(", ")}]); use reshape`);
    if (n === this.numel()) return this.reshapeInPlace("resize_", (s) => s.view(shape));
    // A view's prefix is a view of the same base (flattening a contiguous view aliases it).
    if (this._view !== null && n < this.numel()) return this.reshapeInPlace("resize_", (s) => s.reshape(-1).narrow(0, 0, n).view(shape));
    return this.reshapeInPlace("resize_", (s) => {
      const flat = s.reshape(-1);
      const kept = n < s.numel() ? flat.narrow(0, 0, n) : flat;
      const grown = n > s.numel() ? M.cat([kept, C.zeros([n - s.numel()], { dtype: s.dtype })]) : kept.clone();
      return grown.view(shape);
    });
  }
  /**
   * PyTorch's deprecated out-of-place `resize(*sizes)` (autograd's Resize): the same elements in a
   * new shape, differentiable; another number of elements is PyTorch's error.
   */
  resize(...sizes: (number | number[])[]): Tensor {
    const shape = sizes.length === 1 && Array.isArray(sizes[0]) ? sizes[0] : (sizes as number[]);
    const n = shape.reduce((a, b) => a * b, 1);
    if (n !== this.numel()) {
      throw new RuntimeError(
        `requested resize to ${shape.join("x")} (${n} elements in total), but the given tensor has a size of ${this.shape.join("x")} (${this.numel()} elements). autograd's resize can only change the shape of a given tensor, while preserving the number of elements. `,
      );
    }
    return M.reshape(this.contiguous(), shape, "ResizeBackward");
  }
  /** `resize_(other.shape)`. */
  resize_as_(other: Tensor): this {
    return this.resize_(other.shape);
  }
  // ---------------------------------------------------------------- end fnmath
  /** Limits values to [min, max]; each bound a number, a tensor (broadcast) or null. */
  clamp(min?: number | Tensor | null | { min?: number | Tensor | null; max?: number | Tensor | null }, max?: number | Tensor | null): Tensor {
    if (isOptions(min)) {
      const o = parseArgs("clamp", [min], ["min", "max"]);
      return E.clamp(this, o.min as number | Tensor | null | undefined, o.max as number | Tensor | null | undefined);
    }
    return E.clamp(this, min, max);
  }
  clip(min?: number | Tensor | null | { min?: number | Tensor | null; max?: number | Tensor | null }, max?: number | Tensor | null): Tensor {
    return this.clamp(min, max);
  }
  maximum(other: Operand): Tensor {
    return E.maximum(this, other);
  }
  /** Elementwise maximum that ignores nan on one side. */
  fmax(other: Tensor): Tensor {
    return E.fmax(this, other);
  }
  /** Elementwise minimum that ignores nan on one side. */
  fmin(other: Tensor): Tensor {
    return E.fmin(this, other);
  }
  minimum(other: Operand): Tensor {
    return E.minimum(this, other);
  }

  // ---------------------------------------------------------------- comparison / logical

  eq(other: Operand): Tensor {
    return E.eq(this, other);
  }
  ne(other: Operand): Tensor {
    return E.ne(this, other);
  }
  lt(other: Operand): Tensor {
    return E.lt(this, other);
  }
  le(other: Operand): Tensor {
    return E.le(this, other);
  }
  gt(other: Operand): Tensor {
    return E.gt(this, other);
  }
  ge(other: Operand): Tensor {
    return E.ge(this, other);
  }
  logical_not(): Tensor {
    return E.logical_not(this);
  }
  logical_and(other: Operand): Tensor {
    return E.logical_and(this, other);
  }
  logical_or(other: Operand): Tensor {
    return E.logical_or(this, other);
  }
  logical_xor(other: Operand): Tensor {
    return E.logical_xor(this, other);
  }
  isnan(): Tensor {
    return E.isnan(this);
  }
  isinf(): Tensor {
    return E.isinf(this);
  }
  isfinite(): Tensor {
    return E.isfinite(this);
  }
  /** True when every element equals the other tensor's (same shape). */
  equal(other: Tensor): boolean {
    return this.shape.join(",") === other.shape.join(",") && E.eq(this, other).all().item() === (true as unknown as number);
  }
  allclose(other: Tensor, options: { rtol?: number; atol?: number } = {}): boolean {
    const rtol = options.rtol ?? 1e-5;
    const atol = options.atol ?? 1e-8;
    // Equal values (infinities included) are close; |a - b| <= atol + rtol * |b| otherwise, as torch.isclose.
    return this.eq(other).logical_or(this.sub(other).abs().le(other.abs().mul(rtol).add(atol))).all().item() === (true as unknown as number);
  }
  where(condition: Tensor, other: Operand): Tensor {
    return E.where(condition, this, other);
  }
  masked_fill(mask: Tensor, value: number | boolean | Tensor): Tensor {
    return E.masked_fill(this, mask, value);
  }

  // ---------------------------------------------------------------- reductions

  /** Sum over `dim` (all dims by default); options keepdim, dtype (the input is cast to it first). */
  sum(dim?: Dims | (DimOpts & DtypeOpt), keepdim?: boolean | (DimOpts & DtypeOpt)): Tensor {
    const s = splitDtype(trimArgs([dim, keepdim]));
    const a = dimArgs("sum", s.args);
    return withResultDtype(R.sum(s.dtype ? this.to(s.dtype) : this, a.dim, a.keepdim), s.dtype);
  }
  mean(dim?: Dims | (DimOpts & DtypeOpt), keepdim?: boolean | (DimOpts & DtypeOpt)): Tensor {
    const s = splitDtype(trimArgs([dim, keepdim]));
    const a = dimArgs("mean", s.args);
    return R.mean(s.dtype ? this.to(s.dtype) : this, a.dim, a.keepdim);
  }
  prod(dim?: number | ({ dim?: number; axis?: number; keepdim?: boolean; keepdims?: boolean } & DtypeOpt), keepdim?: boolean | ({ keepdim?: boolean; keepdims?: boolean } & DtypeOpt)): Tensor {
    const s = splitDtype(trimArgs([dim, keepdim]));
    const a = dimArgs("prod", s.args);
    return withResultDtype(R.prod(s.dtype ? this.to(s.dtype) : this, a.dim as number | undefined, a.keepdim), s.dtype);
  }
  /** Largest element, or (values, indices) along `dim`. */
  max(): Tensor;
  max(dim: number | { dim: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean | { keepdim?: boolean; keepdims?: boolean }): ValuesIndices;
  max(other: Tensor): Tensor;
  max(dim?: number | Tensor | { dim: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean | { keepdim?: boolean; keepdims?: boolean }): Tensor | ValuesIndices {
    if (dim instanceof Tensor) return E.maximum(this, dim);
    if (dim === undefined) return R.max(this);
    const a = dimArgs("max", trimArgs([dim, keepdim]));
    return R.max(this, a.dim as number, a.keepdim);
  }
  min(): Tensor;
  min(dim: number | { dim: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean | { keepdim?: boolean; keepdims?: boolean }): ValuesIndices;
  min(other: Tensor): Tensor;
  min(dim?: number | Tensor | { dim: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean | { keepdim?: boolean; keepdims?: boolean }): Tensor | ValuesIndices {
    if (dim instanceof Tensor) return E.minimum(this, dim);
    if (dim === undefined) return R.min(this);
    const a = dimArgs("min", trimArgs([dim, keepdim]));
    return R.min(this, a.dim as number, a.keepdim);
  }
  amax(dim?: Dims | DimOpts, keepdim?: boolean): Tensor {
    const a = dimArgs("amax", trimArgs([dim, keepdim]));
    return R.amax(this, a.dim, a.keepdim, "max");
  }
  amin(dim?: Dims | DimOpts, keepdim?: boolean): Tensor {
    const a = dimArgs("amin", trimArgs([dim, keepdim]));
    return R.amax(this, a.dim, a.keepdim, "min");
  }
  argmax(dim?: number | null | { dim?: number | null; axis?: number | null; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean): Tensor {
    const a = dimArgs("argmax", trimArgs([dim, keepdim]));
    return R.argmax(this, a.dim as number | null | undefined, a.keepdim, "max");
  }
  argmin(dim?: number | null | { dim?: number | null; axis?: number | null; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean): Tensor {
    const a = dimArgs("argmin", trimArgs([dim, keepdim]));
    return R.argmax(this, a.dim as number | null | undefined, a.keepdim, "min");
  }
  /** Variance; unbiased (N-1) by default like PyTorch. Options: unbiased, correction, keepdim. */
  var(dim?: Dims | { dim?: Dims; axis?: Dims; unbiased?: boolean; correction?: number; keepdim?: boolean; keepdims?: boolean }, unbiased?: boolean | { unbiased?: boolean; correction?: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean): Tensor {
    const a = varArgs("var", [dim, unbiased, keepdim]);
    return R.variance(this, a.dim, a.correction, a.keepdim);
  }
  std(dim?: Dims | { dim?: Dims; axis?: Dims; unbiased?: boolean; correction?: number; keepdim?: boolean; keepdims?: boolean }, unbiased?: boolean | { unbiased?: boolean; correction?: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean): Tensor {
    const a = varArgs("std", [dim, unbiased, keepdim]);
    return R.std(this, a.dim, a.correction, a.keepdim);
  }
  logsumexp(dim: Dims | DimOpts, keepdim?: boolean): Tensor {
    const a = dimArgs("logsumexp", trimArgs([dim, keepdim]));
    return R.logsumexp(this, a.dim, a.keepdim);
  }
  softmax(dim: number | ({ dim: number } & DtypeOpt), options?: DtypeOpt): Tensor {
    const s = splitDtype(trimArgs([dim, options]));
    return R.softmax(s.dtype ? this.to(s.dtype) : this, parseArgs("softmax", s.args, ["dim"]).dim as number);
  }
  log_softmax(dim: number | ({ dim: number } & DtypeOpt), options?: DtypeOpt): Tensor {
    const s = splitDtype(trimArgs([dim, options]));
    return R.log_softmax(s.dtype ? this.to(s.dtype) : this, parseArgs("log_softmax", s.args, ["dim"]).dim as number);
  }
  cumsum(dim: number | ({ dim: number } & DtypeOpt) | ({ axis: number } & DtypeOpt), options?: DtypeOpt): Tensor {
    const s = splitDtype(trimArgs([dim, options]));
    if (s.dtype === D.bool) throw new RuntimeError(`"cumsum_out_cpu" not implemented for 'Bool'`);
    return withResultDtype(R.cumsum(s.dtype ? this.to(s.dtype) : this, parseArgs("cumsum", s.args, ["dim"]).dim as number), s.dtype);
  }
  all(dim?: number | null | DimOpts, keepdim?: boolean): Tensor {
    const a = dimArgs("all", trimArgs([dim, keepdim]));
    return R.all(this, a.dim as number | null | undefined, a.keepdim);
  }
  any(dim?: number | null | DimOpts, keepdim?: boolean): Tensor {
    const a = dimArgs("any", trimArgs([dim, keepdim]));
    return R.any(this, a.dim as number | null | undefined, a.keepdim);
  }
  norm(p: number | "fro" | "nuc" | ({ p?: number | "fro" | "nuc"; dim?: Dims; axis?: Dims; keepdim?: boolean; keepdims?: boolean } & DtypeOpt) = 2, dim?: Dims | ({ dim?: Dims; axis?: Dims; keepdim?: boolean; keepdims?: boolean } & DtypeOpt), keepdim?: boolean | ({ keepdim?: boolean; keepdims?: boolean } & DtypeOpt)): Tensor {
    const o = parseArgs("norm", trimArgs([p, dim, keepdim]), ["p", "dim", "keepdim", "dtype"]);
    // PyTorch's dtype= casts the input before the reduction.
    const x = o.dtype === undefined || o.dtype === null ? this : this.to(normalizeDtype(o.dtype));
    if (x.dtype._tf !== "float32") throw new RuntimeError(`norm(): input dtype should be either floating point or complex. Got ${x.dtype._typeName} instead.`);
    const k = (o.keepdim as boolean | undefined) ?? false;
    // 'nuc' is the matrix norm over `dim` (all dims by default), as torch.norm hands it to linalg.matrix_norm.
    if (o.p === "nuc") return LX.matrix_norm(x, "nuc", (o.dim as [number, number] | undefined) ?? ([...Array(x.dim()).keys()] as [number, number]), k);
    return R.norm(x, (o.p as number | "fro" | undefined) ?? 2, o.dim as Dims | undefined, k);
  }

  // ---------------------------------------------------------------- linear algebra

  matmul(other: Tensor | ndarray): Tensor {
    return other instanceof ndarray ? withArray(this, "matmul", other) : L.matmul(this, other);
  }
  mm(other: Tensor): Tensor {
    return L.mm(this, other);
  }
  bmm(other: Tensor): Tensor {
    return L.bmm(this, other);
  }
  mv(v: Tensor): Tensor {
    return L.mv(this, v);
  }
  dot(other: Tensor): Tensor {
    return L.dot(this, other);
  }
  outer(vec2: Tensor): Tensor {
    return L.outer(this, vec2);
  }
  t(): Tensor {
    if (this.dim() > 2) throw new RuntimeError(`t() expects a tensor with <= 2 dimensions, but self is ${this.dim()}D`);
    return this.dim() < 2 ? relabelGradFn(this.alias(), "TBackward0") : M.transpose(this, 0, 1, "TBackward0");
  }

  // ---------------------------------------------------------------- shape / movement

  /** Same data, new shape (one dim may be -1). @example x.view(x.size(0), -1) */
  view(...shape: (number | number[])[]): Tensor {
    return M.reshape(this, sizesFrom(shape, "view", "shape"));
  }
  reshape(...shape: (number | number[])[]): Tensor {
    return M.reshape(this, sizesFrom(shape, "reshape", "shape"), "ReshapeAliasBackward0");
  }
  view_as(other: Tensor): Tensor {
    return M.reshape(this, other.shape);
  }
  reshape_as(other: Tensor): Tensor {
    return M.reshape(this, other.shape, "ReshapeAliasBackward0");
  }
  permute(...dims: (number | number[])[]): Tensor {
    return M.permute(this, sizesFrom(dims, "permute", "dims"));
  }
  transpose(dim0: number | { dim0: number; dim1: number }, dim1?: number | { dim1: number }): Tensor {
    const o = parseArgs("transpose", trimArgs([dim0, dim1]), ["dim0", "dim1"]);
    return M.transpose(this, o.dim0 as number, o.dim1 as number);
  }
  /** Splits dim `dim` into `sizes` (one entry may be -1): `x.unflatten(1, [2, 2])` turns [3, 4] into [3, 2, 2]. */
  unflatten(dim: number | { dim: number; sizes: number[] }, sizes?: number[]): Tensor {
    const o = parseArgs("unflatten", [dim, sizes], ["dim", "sizes"]);
    if (typeof o.dim !== "number" || !Array.isArray(o.sizes)) throw new TypeError("unflatten(): expected (int dim, tuple of ints sizes)");
    return this.reshape(M.unflattenShape(this.shape, o.dim, o.sizes as number[]));
  }
  flatten(start_dim: number | { start_dim?: number; end_dim?: number } = 0, end_dim = -1): Tensor {
    if (isOptions(start_dim)) {
      const o = parseArgs("flatten", [start_dim], ["start_dim", "end_dim"]);
      return M.flatten(this, (o.start_dim as number) ?? 0, (o.end_dim as number) ?? -1);
    }
    return M.flatten(this, start_dim, end_dim);
  }
  squeeze(dim?: number | number[] | { dim?: number | number[]; axis?: number | number[] }): Tensor {
    return M.squeeze(this, trailingDim("squeeze", dim) as number | number[] | undefined);
  }
  unsqueeze(dim: number | { dim: number }): Tensor {
    return M.unsqueeze(this, trailingDim("unsqueeze", dim) as number);
  }
  expand(...sizes: (number | number[])[]): Tensor {
    return M.expand(this, sizesFrom(sizes, "expand", "size"));
  }
  expand_as(other: Tensor): Tensor {
    return M.expand(this, other.shape);
  }
  repeat(...reps: (number | number[])[]): Tensor {
    return M.repeat(this, sizesFrom(reps, "repeat", "repeats"));
  }
  /**
   * This tensor if its elements are already in `memory_format`'s order (default row-major), else a copy
   * laid out so (a transposed view, a channels-last tensor, ...).
   * @example x.contiguous({memory_format: torch.channels_last})
   */
  contiguous(memory_format?: MF.memory_format | { memory_format?: MF.memory_format }): Tensor {
    const fmt = MF.parseMemoryFormat("contiguous", (isOptions(memory_format) ? parseArgs("contiguous", [memory_format], ["memory_format"]).memory_format : memory_format) ?? MF.contiguous_format);
    if (fmt === MF.preserve_format) throw new RuntimeError("preserve memory format is unsupported by the contiguous operator");
    MF.checkRank(fmt, this.shape);
    if (this.is_contiguous(fmt)) return this;
    const out = M.clone(this);
    out._memfmt = fmt === MF.contiguous_format ? null : (fmt._name as MF.StoredFormat);
    return out;
  }
  /** A copy, through which gradients flow; `memory_format` (default torch.preserve_format: this tensor's) lays it out. */
  clone(memory_format?: MF.memory_format | { memory_format?: MF.memory_format }): Tensor {
    const fmt = MF.parseMemoryFormat("clone", (isOptions(memory_format) ? parseArgs("clone", [memory_format], ["memory_format"]).memory_format : memory_format) ?? MF.preserve_format);
    MF.checkRank(fmt, this.shape);
    const out = M.clone(this);
    out._memfmt = fmt === MF.preserve_format ? MF.suggestFormat(this.shape, this.stride()) : fmt === MF.contiguous_format ? null : (fmt._name as MF.StoredFormat);
    return out;
  }
  /**
   * to(memory_format=...): this tensor when PyTorch would alias it (preserve_format, or the format its
   * strides already suggest), else a copy restrided to the format (dims of size 1 get that format's strides too).
   * @internal
   */
  _toFormat(value: unknown): Tensor {
    const fmt = MF.parseMemoryFormat("to", value);
    MF.checkRank(fmt, this.shape);
    if (fmt === MF.preserve_format) return this;
    const want = fmt === MF.contiguous_format ? null : (fmt._name as MF.StoredFormat);
    if (MF.suggestFormat(this.shape, this.stride()) === want) return this;
    const out = M.clone(this);
    out._memfmt = want;
    return out;
  }
  split(split_size: number | number[], dim: number | { dim?: number; axis?: number } = 0): Tensor[] {
    return M.split(this, split_size, (trailingDim("split", dim) as number | undefined) ?? 0);
  }
  /** Splits into `chunks` pieces along `dim`; either may be a keyword (`x.chunk({chunks: 2, dim: 1})`). */
  chunk(...args: (number | { chunks?: number; dim?: number })[]): Tensor[] {
    const o = parseArgs("chunk", args, ["chunks", "dim"]);
    if (o.chunks === undefined) throw new TypeError("chunk() missing 1 required positional argument: 'chunks'");
    return M.chunk(this, o.chunks as number, (o.dim as number | undefined) ?? 0);
  }
  unbind(dim: number | { dim?: number; axis?: number } = 0): Tensor[] {
    return M.unbind(this, (trailingDim("unbind", dim) as number | undefined) ?? 0);
  }
  narrow(dim: number, start: number, length: number): Tensor {
    return M.narrow(this, dim, start, length);
  }
  select(dim: number, index: number): Tensor {
    return M.select(this, dim, index);
  }
  /**
   * `x.index(":, 0, 1:3")` is PyTorch's `x[:, 0, 1:3]`; also takes an array of index items, or a
   * single integer, index tensor or mask (`x.index(0)` is `x[0]`, `x.index(mask)` is `x[mask]`).
   */
  index(spec: string | IndexItem[] | number | Tensor | ndarray): Tensor {
    // A NumPy array indexes as the tensor it holds (`predict[predict_cla]`, predict_cla from argmax().numpy()).
    if (spec instanceof ndarray) spec = C.from_numpy(spec);
    return M.index(this, typeof spec === "number" || spec instanceof Tensor ? [spec] : spec);
  }
  /**
   * Python's `x[index]` with a Python-typed index: an array is a Python *list* (`x[[0, 2]]`, rows 0
   * and 2; an array of bools is a mask), unlike `index([0, 2])`, whose array is the tuple `x[0, 2]`.
   * Other forms are those of `index()`. The notebook writes `x[[0, 2]]` as this.
   */
  __getitem__(index: number[] | boolean[] | string | number | Tensor | ndarray): Tensor {
    // A Python tuple held in a name (`tuple([0, 1])`) is still the tuple index x[0, 1].
    if (Array.isArray(index) && PY_TUPLE in index) return this.index(index as IndexItem[]);
    return this.index(Array.isArray(index) ? [listIndex("__getitem__", index)] : index);
  }
  /** Python's `x[index] = value`, `index` as in `__getitem__`: `x[[0, 2]] = 5` is index_put_. */
  __setitem__(index: number[] | boolean[] | string | number | Tensor | ndarray, value: Tensor | number | boolean): this {
    return this.setitem(Array.isArray(index) ? [listIndex("__setitem__", index)] : index, value);
  }
  /** Element or sub-tensor `i` along dim 0 (PyTorch's `x[i]`). */
  get(...indices: number[]): Tensor {
    return M.index(this, indices);
  }
  flip(...dims: (number | number[])[]): Tensor {
    return M.flip(this, sizesFrom(dims, "flip", "dims"));
  }
  /** The slices `index` (a 1-D Long tensor) of `dim`: `x.index_select(0, idx)` or `x.index_select({dim: 0, index: idx})`. */
  index_select(dim: number | IndexSelectOptions, index?: Tensor | IndexSelectOptions): Tensor {
    const o = indexArgs("index_select", [dim, index], ["dim", "index"], ["dim", "index"]);
    return M.index_select(this, o.dim as number, o.index as Tensor);
  }
  /**
   * Values along `dim` at `index` (same rank as this tensor): `out[i][j] = x[i][index[i][j]]` for dim=1.
   * @example x.gather(1, idx)   // or x.gather({dim: 1, index: idx})
   */
  gather(dim: number | GatherOptions, index?: Tensor | GatherOptions, options?: GatherOptions): Tensor {
    const o = indexArgs("gather", [dim, index, options], ["dim", "index", "sparse_grad"], ["dim", "index"]);
    return M.gather(this, o.dim as number, o.index as Tensor);
  }
  masked_select(mask: Tensor): Tensor {
    return M.masked_select(this, mask);
  }

  // ---------------------------------------------------------------- ordering and indices (src/ops/sort.ts)
  /**
   * The `k` largest (largest=false: smallest) elements along `dim` (default -1) and their indices.
   * @example const [values, indices] = x.topk(3, {dim: 1});
   */
  topk(k: number | TopkOpts, dim?: number | TopkOpts, largest?: boolean | TopkOpts, sorted?: boolean | TopkOpts): ValuesIndices {
    const a = parseArgs("topk", trimArgs([k, dim, largest, sorted]), ["k", "dim", "largest", "sorted"]);
    if (a.k === undefined) throw new TypeError("topk() missing required argument 'k'");
    return S.topk(this, a.k as number, (a.dim as number | undefined) ?? -1, (a.largest as boolean | undefined) ?? true, (a.sorted as boolean | undefined) ?? true);
  }
  /**
   * Sorted values along `dim` (default -1) and the indices that sort it. Equal values keep their
   * order with `{stable: true}`; by default they come out as PyTorch's CPU sort leaves them (in order
   * up to 16 elements, reordered beyond).
   * @example const { values, indices } = x.sort({ descending: true });
   */
  sort(dim?: number | SortOpts, descending?: boolean | SortOpts): ValuesIndices {
    const a = parseArgs("sort", trimArgs([dim, descending]), ["dim", "descending", "stable"]);
    return S.sort(this, (a.dim as number | undefined) ?? -1, (a.descending as boolean | undefined) ?? false, Boolean(a.stable));
  }
  /**
   * The `k`-th smallest element (1-based) along `dim` (default -1) and its index.
   * @example const [values, indices] = x.kthvalue(2, 1);
   */
  kthvalue(k: number | KthOpts, dim?: number | KthOpts, keepdim?: boolean | KthOpts): ValuesIndices {
    const a = parseArgs("kthvalue", trimArgs([k, dim, keepdim]), ["k", "dim", "keepdim"]);
    if (a.k === undefined) throw new TypeError("kthvalue() missing required argument 'k'");
    return SEL.kthvalue(this, a.k as number, (a.dim as number | undefined) ?? -1, (a.keepdim as boolean | undefined) ?? false);
  }
  /** The median of all elements (the lower of the two middle ones), or (values, indices) along `dim`. */
  median(): Tensor;
  median(dim: number | { dim: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean | { keepdim?: boolean; keepdims?: boolean }): ValuesIndices;
  median(dim?: number | { dim: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean | { keepdim?: boolean; keepdims?: boolean }): Tensor | ValuesIndices {
    const a = parseArgs("median", trimArgs([dim, keepdim]), ["dim", "keepdim"]);
    if (a.dim === undefined || a.dim === null) return SEL.medianAll(this);
    return SEL.medianDim(this, a.dim as number, (a.keepdim as boolean | undefined) ?? false);
  }
  /** median ignoring NaN: of all elements, or (values, indices) along `dim`; NaN only where every value is. */
  nanmedian(): Tensor;
  nanmedian(dim: number | { dim: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean | { keepdim?: boolean; keepdims?: boolean }): ValuesIndices;
  nanmedian(dim?: number | { dim: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean | { keepdim?: boolean; keepdims?: boolean }): Tensor | ValuesIndices {
    const a = parseArgs("nanmedian", trimArgs([dim, keepdim]), ["dim", "keepdim"]);
    if (a.dim === undefined || a.dim === null) return SEL.nanmedianAll(this);
    return SEL.nanmedianDim(this, a.dim as number, (a.keepdim as boolean | undefined) ?? false);
  }
  /**
   * The q-th quantiles (q a number or a 1-D tensor in [0, 1]) over all elements or along `dim`, with
   * `interpolation` "linear" (default), "lower", "higher", "midpoint" or "nearest"; NaN where a slice has one.
   */
  quantile(q: number | Tensor, dim?: number | null | QuantileOpts, keepdim?: boolean | QuantileOpts, options?: QuantileOpts): Tensor {
    return quantileArgs("quantile", this, q, [dim, keepdim, options]);
  }
  /** quantile ignoring NaN values (NaN only for a slice that is all NaN). */
  nanquantile(q: number | Tensor, dim?: number | null | QuantileOpts, keepdim?: boolean | QuantileOpts, options?: QuantileOpts): Tensor {
    return quantileArgs("nanquantile", this, q, [dim, keepdim, options]);
  }
  /** The most frequent value along `dim` (default -1; the smallest on a tie) and the index of its last occurrence. */
  mode(dim?: number | { dim?: number; axis?: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean | { keepdim?: boolean; keepdims?: boolean }): ValuesIndices {
    const a = parseArgs("mode", trimArgs([dim, keepdim]), ["dim", "keepdim"]);
    return SEL.mode(this, (a.dim as number | undefined) ?? -1, (a.keepdim as boolean | undefined) ?? false);
  }
  argsort(dim?: number | SortOpts, descending?: boolean | SortOpts): Tensor {
    const a = parseArgs("argsort", trimArgs([dim, descending]), ["dim", "descending", "stable"]);
    return S.argsort(this, (a.dim as number | undefined) ?? -1, (a.descending as boolean | undefined) ?? false, Boolean(a.stable));
  }
  /** Lower triangle of the last two dims; `diagonal` > 0 keeps that many diagonals above the main one. */
  tril(diagonal?: number | { diagonal?: number }): Tensor {
    return S.triangle("tril", this, (parseArgs("tril", trimArgs([diagonal]), ["diagonal"]).diagonal as number | undefined) ?? 0);
  }
  /** Upper triangle of the last two dims; `diagonal` < 0 keeps that many diagonals below the main one. */
  triu(diagonal?: number | { diagonal?: number }): Tensor {
    return S.triangle("triu", this, (parseArgs("triu", trimArgs([diagonal]), ["diagonal"]).diagonal as number | undefined) ?? 0);
  }
  /** Indices of non-zero elements: [n, ndim] int32, or with {as_tuple: true} one 1-D tensor per dim. */
  nonzero(): Tensor;
  nonzero(options: { as_tuple: true }): Tensor[];
  nonzero(options: { as_tuple?: boolean }): Tensor | Tensor[];
  nonzero(options?: { as_tuple?: boolean }): Tensor | Tensor[] {
    const a = parseArgs("nonzero", trimArgs([options]), ["as_tuple"]);
    return a.as_tuple ? S.nonzeroTuple(this) : S.nonzero(this);
  }
  argwhere(): Tensor {
    return S.nonzero(this);
  }
  /** Elementwise |self - other| <= atol + rtol * |other| (defaults rtol=1e-5, atol=1e-8, equal_nan=false). */
  isclose(other: Tensor, options: { rtol?: number; atol?: number; equal_nan?: boolean } = {}): Tensor {
    const a = parseArgs("isclose", [options], ["rtol", "atol", "equal_nan"]);
    return S.isclose(this, other, (a.rtol as number | undefined) ?? 1e-5, (a.atol as number | undefined) ?? 1e-8, (a.equal_nan as boolean | undefined) ?? false);
  }
  cumprod(dim: number | ({ dim: number } & DtypeOpt) | ({ axis: number } & DtypeOpt), options?: DtypeOpt): Tensor {
    const s = splitDtype(trimArgs([dim, options]));
    if (s.dtype === D.bool) throw new RuntimeError(`"cumprod_out_cpu" not implemented for 'Bool'`);
    const a = parseArgs("cumprod", s.args, ["dim"]);
    if (a.dim === undefined) throw new TypeError("cumprod() missing required argument 'dim'");
    return withResultDtype(S.cumprod(s.dtype ? this.to(s.dtype) : this, a.dim as number), s.dtype);
  }

  // ---------------------------------------------------------------- new_* (same dtype as self unless given)
  new_zeros(...args: C.SizeArgs): Tensor {
    return C.zeros(...this.likeArgs(args));
  }
  new_ones(...args: C.SizeArgs): Tensor {
    return C.ones(...this.likeArgs(args));
  }
  new_empty(...args: C.SizeArgs): Tensor {
    return C.empty(...this.likeArgs(args));
  }
  new_full(size: number[], fill_value: number | boolean, options: C.CreationOptions = {}): Tensor {
    return C.full(size, fill_value, { dtype: this.dtype, ...stripUndefined(options) });
  }
  /** A new tensor from `data` (copied, no graph), with this tensor's dtype unless `dtype` is given. */
  new_tensor(data: C.NestedArray | Tensor, options: C.CreationOptions = {}): Tensor {
    if (data instanceof Tensor) {
      warnOnce("To copy construct from a tensor, it is recommended to use sourceTensor.clone().detach() or sourceTensor.clone().detach().requires_grad_(True), rather than tensor.new_tensor(sourceTensor).");
    }
    const src = data instanceof Tensor ? data.detach() : data;
    return C.tensor(src, { dtype: this.dtype, ...stripUndefined(options) });
  }
  /**
   * PyTorch's legacy constructor on a tensor, with this tensor's dtype: `x.new(2, 3)` and
   * `x.new(y.size())` are tensors of that size (zeros here: PyTorch leaves them uninitialised),
   * `x.new([[1, 2]])` copies the data, `x.new()` is empty.
   * @example torch.zeros(1, {dtype: torch.float64}).new(2, 3).dtype  // torch.float64
   */
  new(...args: (number | C.NestedArray)[]): Tensor {
    if (args.length === 0) return C.zeros(0, { dtype: this.dtype });
    if (args.every((a) => typeof a === "number")) {
      const sizes = args as number[];
      const bad = sizes.find((n) => n < 0 || !Number.isInteger(n));
      if (bad !== undefined) throw new RuntimeError(`new(): Trying to create tensor with negative or non-integer dimension ${bad}: [${sizes.join(", ")}]`);
      return C.zeros(sizes, { dtype: this.dtype });
    }
    const [data] = args;
    if (args.length === 1 && data instanceof Size) return C.zeros([...data], { dtype: this.dtype });
    if (args.length > 1 || !Array.isArray(data)) throw new TypeError(`new() received an invalid combination of arguments: expected (data) or (*size), got (${args.map((a) => (Array.isArray(a) ? "list" : typeof a)).join(", ")})`);
    return C.tensor(data, { dtype: this.dtype });
  }
  private likeArgs(args: C.SizeArgs): C.SizeArgs {
    const last = args[args.length - 1];
    if (isOptions(last)) return [...args.slice(0, -1), { dtype: this.dtype, ...stripUndefined(last as Record<string, unknown>) }];
    return [...args, { dtype: this.dtype }];
  }

  // ---------------------------------------------------------------- in-place (views write through: src/ops/view.ts)

  /**
   * Runs `f` on this tensor's current value and stores the result in this tensor. Outside grad mode
   * the values are overwritten in place (optimizer steps: the version bumps). In grad mode the op
   * reads a snapshot that keeps the old values and graph position, and this tensor then takes the
   * result's buffer and node (`name` is the node a value-less write such as fill_ records). A view
   * writes into its base instead, and the base's other views see the write, as in PyTorch.
   */
  private inplace(op: string, f: (src: Tensor) => Tensor, name?: string, anyDtype = false, scalar = false): this {
    const recording = isGradRecording();
    this.checkInplace(op, recording);
    const src = recording ? this._snapshot() : this;
    let next = f(src);
    if (next.shape.join(",") !== this.shape.join(",")) {
      throw new RuntimeError(`${op}: output with shape [${this.shape.join(", ")}] doesn't match the broadcast shape [${next.shape.join(", ")}]`);
    }
    // PyTorch's can_cast: a float result cannot be written into an int/bool tensor, nor an int one into bool.
    const rank = { bool: 0, int32: 1, float32: 2 } as const;
    if (!anyDtype && rank[next.dtype._tf] > rank[this.dtype._tf]) {
      throw new RuntimeError(D.inplaceCastMessage(op, next.dtype, this.dtype, scalar));
    }
    // A narrow integer tensor keeps its range: an int64 or float result written into uint8 wraps as a cast does.
    if (this.dtype._range !== null && next.dtype !== this.dtype) next = M.toDtype(next, this.dtype);
    this._bumpVersion();
    if (this._view !== null) {
      V.writeThroughView(this, next, recording, op === "fill_" || op === "zero_");
      if (currentLevel() >= 0) setTangent(this, tangentOf(next));
      return this;
    }
    // A recorded write whose value has no graph (fill_, normal_) still cuts the old values' gradient.
    if (recording && next.grad_fn === null && this.requires_grad) {
      const v = next;
      next = record(name ?? `${op}Backward0`, [src], compute(() => tfjs.cast(v._t, this.dtype._tf)), () => [null]);
    }
    if (next.grad_fn !== null && next.dtype === this.dtype) {
      this._adopt(next);
      return this;
    }
    if (!LY.writeKeepingLayout(this, next, (d, l) => overwrite(this._s, d, l))) overwrite(this._s, compute(() => tfjs.cast(next._t, this.dtype._tf)));
    if (currentLevel() >= 0) setTangent(this, tangentOf(next));
    return this;
  }

  /** PyTorch's refusals of in-place ops that would lose a gradient. */
  private checkInplace(op: string, recording: boolean): void {
    if (this.is_inference() && !is_inference_mode_enabled()) {
      throw new RuntimeError(
        "Inplace update to inference tensor outside InferenceMode is not allowed.You can make a clone to get a normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for more details.",
      );
    }
    if (!recording) return;
    const v = this._view;
    if (v !== null && v.tracked) {
      if (v.multi !== null && this.requires_grad) {
        throw new RuntimeError(
          `Output ${v.multi.index} of ${v.multi.name} is a view and is being modified inplace (${op}). This view is the output of a function that returns multiple views. ` +
            "Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.",
        );
      }
      const b = v.base;
      if (!b.requires_grad) return;
      if (!v.noGrad) {
        if (b.is_leaf) throw new RuntimeError("a view of a leaf Variable that requires grad is being used in an in-place operation.");
        return;
      }
      throw new RuntimeError(
        `A view was created in no_grad mode and is being modified inplace with grad mode enabled (${op}). Given that this use case is ambiguous and error-prone, ` +
          "it is forbidden. You can clarify your code by moving both the view and the inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).",
      );
    }
    // A detach() alias made to require grad is a leaf of its own (`Variable(x, requires_grad=True)`).
    if ((v === null || !v.tracked) && this.requires_grad && this.is_leaf) {
      throw new RuntimeError(`a leaf Variable that requires grad is being used in an in-place operation. (${op}: wrap the write in torch.no_grad(() => ...))`);
    }
  }

  /** @internal `f(this)` written into this tensor with autograd, for functional ops' `inplace` option. */
  _inplace(op: string, f: (src: Tensor) => Tensor): this {
    return this.inplace(op, f);
  }

  /** @internal a wrapper sharing this tensor's buffer and graph position (the pre-write value for in-place ops). */
  _snapshot(): Tensor {
    this._t; // a stale view re-derives first
    const a = new Tensor(this._s.data, this._s);
    a._grad_fn = this._grad_fn;
    a._requires_grad = this._requires_grad;
    if (currentLevel() >= 0) setTangent(a, tangentOf(this));
    return a;
  }
  add_(other: Operand, options?: { alpha?: number }): this {
    return this.inplace("add_", (s) => s.add(other === this ? s : other, options));
  }
  sub_(other: Operand, options?: { alpha?: number }): this {
    return this.inplace("sub_", (s) => s.sub(other === this ? s : other, options));
  }
  mul_(other: Operand): this {
    return this.inplace("mul_", (s) => s.mul(other === this ? s : other));
  }
  div_(other: Operand): this {
    return this.inplace("div_", (s) => s.div(other === this ? s : other));
  }
  clamp_(min?: number | null, max?: number | null): this {
    return this.inplace("clamp_", (s) => s.clamp(min, max), undefined, false, true);
  }
  /** Alias of clamp_ (PyTorch's clip_). */
  clip_(min?: number | null, max?: number | null): this {
    return this.inplace("clip_", (s) => s.clamp(min, max), undefined, false, true);
  }
  relu_(): this {
    if (profiling.active !== null) return profiled("aten::relu_", [this], () => this.inplace("relu_", (s) => s.relu()), true);
    return this.inplace("relu_", (s) => s.relu());
  }
  zero_(): this {
    return this.fillWith("zero_", 0, "ZeroBackward0");
  }
  /**
   * Fills the tensor with `value`: a number, or a 0-dimension tensor as PyTorch's `fill_(Tensor value)`
   * takes it (`ys.fill_(next_word)` with `next_word = next_word.data[0]`); a value that requires grad
   * gets the sum of the gradient, as through PyTorch's broadcast of it.
   */
  fill_(value: number | boolean | Tensor): this {
    if (value instanceof Tensor) {
      if (value.dim() !== 0) throw new RuntimeError(`fill_ only supports 0-dimension value tensor but got tensor with ${value.dim()} dimensions.`);
      if (value.requires_grad && isGradRecording()) return this.copy_(value);
      return this.fillWith("fill_", value.item() as number | boolean, "FillBackward2");
    }
    return this.fillWith("fill_", value, "FillBackward2");
  }
  private fillWith(op: string, value: number | boolean, name: string): this {
    // A narrow integer dtype takes what PyTorch's checked conversion takes (-1 is uint8's 255; 256 overflows).
    const v = this.dtype._range !== null ? C.checkIntRange(op, this.dtype, Number(value)) : this.dtype._tf === "int32" ? Math.trunc(Number(value)) : this.dtype._tf === "bool" ? Number(Boolean(value)) : Number(value);
    // bool is filled as int32 and cast; a cast to the same dtype would copy the buffer once more.
    const values = (): tf.Tensor => compute(() => (this.dtype._tf === "bool" ? tfjs.cast(tfjs.fill(this.shape, v, "int32"), "bool") : tfjs.fill(this.shape, v, this.dtype._tf)));
    // The common case (init, zeroing grads, a plain tensor): overwrite the buffer directly.
    if (this._view === null && !(this.requires_grad && isGradRecording())) {
      overwrite(this._s, values());
      this._bumpVersion();
      return this;
    }
    return this.inplace(op, () => Tensor._wrap(values()), name);
  }
  /** Copies `src` (broadcast to this shape, cast to this dtype) into this tensor; gradients flow to `src`. */
  copy_(src: Tensor): this {
    if (!(src instanceof Tensor)) throw new TypeError(`copy_(): argument 'src' must be Tensor, not ${src === null ? "null" : typeof src}`);
    const shape = this.shape;
    if (broadcastShapes(src.shape, shape)?.join(",") !== shape.join(",")) {
      const lead = shape.length - src.dim();
      const bad = src.shape.findIndex((d, i) => d !== 1 && d !== shape[lead + i]);
      throw new RuntimeError(
        src.dim() > shape.length || bad < 0
          ? `copy_(): src of shape ${fmtShape(src.shape)} cannot be broadcast to the destination's shape ${fmtShape(shape)}`
          : `The expanded size of the tensor (${shape[lead + bad]}) must match the existing size (${src.shape[bad]}) at non-singleton dimension ${lead + bad}.  Target sizes: ${fmtShape(shape)}.  Tensor sizes: ${fmtShape(src.shape)}`,
      );
    }
    if (LY.writeKeepingLayout(this, src, (d, l) => overwrite(this._s, d, l))) {
      this._bumpVersion();
      return this;
    }
    return this.inplace(
      "copy_",
      (s) =>
        // PyTorch's CopyBackwards saves no tensor (its backward needs only shapes): a later write to
        // src (`x[1] += v` writes x[1] back with itself) is no error.
        record(
          "CopyBackwards",
          [s, src],
          compute(() => expandTo(tfjs.cast(tfjs.reshape(src._t, [...Array(shape.length - src.dim()).fill(1), ...src.shape]), this.dtype._tf), shape)),
          (g) => [null, sumTo(g, src.shape)],
          false,
          false,
        ),
      "CopyBackwards",
      true,
    );
  }
  // The random fills draw as PyTorch's CPU kernels do (ops/sampling.ts), so seeded values match.
  // Each bound may also come by keyword: `w.data.normal_({std: 0.01})` is PyTorch's `normal_(std=0.01)`.
  uniform_(
    from: number | { from?: number; to?: number; generator?: import("./random").Generator } = 0,
    to?: number | { to?: number; generator?: import("./random").Generator },
    options?: { generator?: import("./random").Generator },
  ): this {
    const o = parseArgs("uniform_", [from, to, options], ["from", "to", "generator"]);
    const lo = (o.from as number | undefined) ?? 0;
    const hi = (o.to as number | undefined) ?? 1;
    const gen = { generator: o.generator as import("./random").Generator | undefined };
    const double = this.dtype === D.float64;
    if (this.fillsDirectly()) return this._writeDrawn((out) => SM.uniform_buffer(this.shape, lo, hi, gen, double, out));
    return this.inplace("uniform_", () => SM.uniform_values(this.shape, lo, hi, gen, double), "UniformBackward0");
  }
  normal_(
    mean: number | { mean?: number; std?: number; generator?: import("./random").Generator } = 0,
    std?: number | { std?: number; generator?: import("./random").Generator },
    options?: { generator?: import("./random").Generator },
  ): this {
    const o = parseArgs("normal_", [mean, std, options], ["mean", "std", "generator"]);
    const m = (o.mean as number | undefined) ?? 0;
    const sd = (o.std as number | undefined) ?? 1;
    const gen = { generator: o.generator as import("./random").Generator | undefined };
    const double = this.dtype === D.float64;
    if (this.fillsDirectly()) return this._writeDrawn((out) => SM.normal_buffer(this.shape, m, sd, gen, double, out));
    return this.inplace("normal_", () => SM.normal_values(this.shape, m, sd, gen, double), "NormalBackward0");
  }
  /**
   * A random fill of a plain float tensor outside autograd (init, `w.data.uniform_()`) writes its
   * buffer directly, as fillWith does: the general in-place path would copy the drawn tensor once
   * more (a cast) and cost as much again as the draws (26M values: nn.Linear(6400, 4096)). The
   * values are drawn straight into a new backend buffer (backend/fill_buffer.ts).
   */
  private fillsDirectly(): boolean {
    return this._view === null && (this.dtype === D.float32 || this.dtype === D.float64) && !(this.requires_grad && isGradRecording()) && currentLevel() < 0;
  }
  /** @internal Replaces this tensor's values (float32 storage, not a view) by `draw`'s, written into a new backend buffer; an in-place write (nn.init's fills use it too). */
  _writeDrawn(draw: (out: Float32Array) => void): this {
    overwrite(this._s, compute(() => filledFloat32(this.shape, draw)));
    this._bumpVersion();
    return this;
  }
  /** Fills with 1 at probability p (a number, or a tensor of probabilities broadcast to this shape), else 0. */
  bernoulli_(p: number | Tensor = 0.5, options: { generator?: import("./random").Generator } = {}): this {
    return this.inplace("bernoulli_", () => C.from_typed(SM.bernoulli_values(this.shape, p, options), this.shape, { dtype: this.dtype }), "BernoulliBackward0");
  }
  /** `torch.bernoulli(self)`, or with a number p, `torch.bernoulli(self, p)`. */
  bernoulli(p?: number, options: { generator?: import("./random").Generator } = {}): Tensor {
    return SM.bernoulli(this, p, options);
  }
  /** random_(), random_(to) or random_(from, to): integers drawn as PyTorch draws them (see ops/sampling). */
  random_(from?: number, to?: number, options: { generator?: import("./random").Generator } = {}): this {
    const [lo, hi] = from === undefined ? [0, undefined] : to === undefined ? [0, from] : [from, to];
    return this.inplace("random_", () => SM.random_values(this.shape, this.dtype._tf, lo, hi, options), "RandomBackward0");
  }
  exponential_(lambd = 1, options: { generator?: import("./random").Generator } = {}): this {
    return this.inplace("exponential_", () => SM.exponential_values(this.shape, lambd, options), "ExponentialBackward0");
  }
  /** geometric_(p): each element the number of Bernoulli(p) trials up to the first success. */
  geometric_(p: number, options: { generator?: import("./random").Generator } = {}): this {
    return this.inplace("geometric_", () => SM.geometric_values(this.shape, p, options), "GeometricBackward0");
  }
  /** cauchy_(median=0, sigma=1): Cauchy draws. */
  cauchy_(median = 0, sigma = 1, options: { generator?: import("./random").Generator } = {}): this {
    return this.inplace("cauchy_", () => SM.cauchy_values(this.shape, median, sigma, options), "CauchyBackward0");
  }
  /** log_normal_(mean=1, std=2): exp of normal draws with that mean and std. */
  log_normal_(mean = 1, std = 2, options: { generator?: import("./random").Generator } = {}): this {
    return this.inplace("log_normal_", () => SM.log_normal_values(this.shape, mean, std, options), "LogNormalBackward0");
  }
  multinomial(num_samples: number, replacement?: boolean, options: { generator?: import("./random").Generator } = {}): Tensor {
    return SM.multinomial(this, num_samples, replacement, options);
  }
  masked_fill_(mask: Tensor, value: number): this {
    return this.inplace("masked_fill_", (s) => E.masked_fill(s, mask, value));
  }

  /**
   * PyTorch's `x[index] = value`: `index` takes the same forms as `index()` (a string such as
   * `":, 1"`, a number, an array of items, an index tensor or a bool mask) and `value` is a Tensor
   * (broadcast to the indexed shape) or a number. Basic indexing writes through a view, so the
   * result is recorded as PyTorch's CopySlices; tensor indices go through index_put_.
   * @example
   * const tensor = torch.ones(4, 4);
   * tensor.setitem(":, 1", 0);          // tensor[:, 1] = 0
   * x.setitem(x.lt(0), 0);              // x[x < 0] = 0
   */
  setitem(index: string | IndexItem[] | number | Tensor | ndarray, value: Tensor | number | boolean): this {
    // A NumPy array indexes as the tensor it holds (`x[np.random.choice(n, k, replace=False)] = 1.`), as in index().
    if (index instanceof ndarray) index = C.from_numpy(index);
    // Strings parsed here, so that a list written inside one (`x[":, [1, 3]"] = 0`, an index tensor) takes index_put_'s path.
    const items = M.indexItems(typeof index === "number" || index instanceof Tensor ? [index] : index);
    // PyTorch drops the value's leading size-1 dims first (slicePrefix1sSize), so that
    // `x[i] = row` accepts a [1, n] row for an [n] slot, which copy_ alone would refuse.
    if (value instanceof Tensor && value.dim() > 0 && value.shape[0] === 1) {
      const lead = value.shape.findIndex((d) => d !== 1);
      value = value.reshape(lead < 0 ? [] : value.shape.slice(lead));
    }
    const advanced = Array.isArray(items) && items.some((it) => it instanceof Tensor);
    if (advanced) return this.inplace("index_put_", (s) => SC.index_put("index_put_", s, items, value, false));
    const v = this._view;
    if (v !== null && !v.tracked && value instanceof Tensor && value.requires_grad && isGradRecording()) {
      // A detach() alias is its own autograd root (PyTorch's detach() is no autograd view): the write is
      // recorded on a copy (CopySlices) whose values go to the shared storage and whose graph the alias takes.
      const val = value;
      return this.inplace("copy_", (s) => s.clone().setitem(items, val));
    }
    const view = M.index(this, items);
    if (value instanceof Tensor) view.copy_(value);
    else if (typeof value === "number" || typeof value === "boolean") view.fill_(value);
    else throw new TypeError(`setitem(): value must be a Tensor or a number, not ${value === null ? "null" : typeof value}`);
    return this;
  }

  /**
   * `self[indices] = values` (or `+=` with accumulate): `indices` is PyTorch's tuple of index
   * tensors, one per leading dim (null keeps a whole dim); `values` broadcasts to the indexed shape.
   */
  index_put_(indices: (Tensor | null)[], values: Tensor | number, accumulate: boolean | { accumulate?: boolean } = false): this {
    const acc = isOptions(accumulate) ? Boolean(parseArgs("index_put_", [accumulate], ["accumulate"]).accumulate) : accumulate;
    const items = SC.indicesToItems("index_put_", indices);
    return this.inplace("index_put_", (s) => SC.index_put("index_put_", s, items, values, acc));
  }
  /** Out-of-place index_put_. */
  index_put(indices: (Tensor | null)[], values: Tensor | number, accumulate: boolean | { accumulate?: boolean } = false): Tensor {
    return this.clone().index_put_(indices, values, accumulate);
  }
  /**
   * Writes `src` (a tensor, or a number) into this tensor at `index` along `dim`:
   * `self[index[i][j]][j] = src[i][j]` for dim=0. `reduce: 'add' | 'multiply'` combines instead.
   */
  /**
   * Writes `src` (a tensor, or a number: PyTorch's `value`) into this tensor at `index` along `dim`.
   * @example torch.zeros(10).scatter_(0, torch.tensor(3), {value: 1})   // one-hot, as in PyTorch's tutorial
   */
  scatter_(dim: number | ScatterOptions, index?: Tensor | ScatterOptions, src?: Tensor | number | ScatterOptions, options?: ScatterOptions): this {
    const o = scatterArgs("scatter_", [dim, index, src, options]);
    return this.inplace("scatter_", (s) => SC.scatter(s, o.dim, o.index, o.src, o.reduce));
  }
  scatter(dim: number | ScatterOptions, index?: Tensor | ScatterOptions, src?: Tensor | number | ScatterOptions, options?: ScatterOptions): Tensor {
    const o = scatterArgs("scatter", [dim, index, src, options]);
    return SC.scatter(this, o.dim, o.index, o.src, o.reduce);
  }
  /** Sums `src` into this tensor at `index` along `dim` (repeated positions add up). */
  scatter_add_(dim: number | ScatterAddOptions, index?: Tensor | ScatterAddOptions, src?: Tensor | ScatterAddOptions): this {
    const o = indexArgs("scatter_add_", [dim, index, src], ["dim", "index", "src"], ["dim", "index", "src"]);
    return this.inplace("scatter_add_", (s) => SC.scatter_add(s, o.dim as number, o.index as Tensor, o.src as Tensor));
  }
  scatter_add(dim: number | ScatterAddOptions, index?: Tensor | ScatterAddOptions, src?: Tensor | ScatterAddOptions): Tensor {
    const o = indexArgs("scatter_add", [dim, index, src], ["dim", "index", "src"], ["dim", "index", "src"]);
    return SC.scatter_add(this, o.dim as number, o.index as Tensor, o.src as Tensor);
  }
  /**
   * `src` reduced into a copy of this tensor at the positions `index` gives along `dim`: reduce is
   * "sum", "prod", "mean", "amax" or "amin"; `include_self` (default true) counts the old values too.
   */
  scatter_reduce(
    dim: number | ScatterReduceOptions,
    index?: Tensor | ScatterReduceOptions,
    src?: Tensor | ScatterReduceOptions,
    reduce?: SC.ScatterReduce | ScatterReduceOptions,
    options?: ScatterReduceOptions,
  ): Tensor {
    const o = indexArgs("scatter_reduce", [dim, index, src, reduce, options], ["dim", "index", "src", "reduce", "include_self"], ["dim", "index", "src", "reduce"]);
    return SC.scatter_reduce(this, o.dim as number, o.index as Tensor, o.src as Tensor, o.reduce as SC.ScatterReduce, (o.include_self as boolean | undefined) ?? true);
  }
  scatter_reduce_(
    dim: number | ScatterReduceOptions,
    index?: Tensor | ScatterReduceOptions,
    src?: Tensor | ScatterReduceOptions,
    reduce?: SC.ScatterReduce | ScatterReduceOptions,
    options?: ScatterReduceOptions,
  ): this {
    return this.inplace("scatter_reduce_", (s) => s.scatter_reduce(dim, index, src, reduce, options));
  }

  // ---------------------------------------------------------------- views: geometry and export

  /**
   * The strides PyTorch would give this tensor (row-major unless it is a view or laid out in another
   * memory format), a tuple as PyTorch's: `print(x.stride())` shows `(3072, 1024, 32, 1)`.
   */
  stride(): number[];
  stride(dim: number): number;
  stride(dim?: number): number[] | number {
    const st = V.stridesOf(this);
    return dim === undefined ? asPyTuple(st.slice()) : st[normDimPublic(dim, this.dim(), "stride")];
  }
  storage_offset(): number {
    return V.offsetOf(this);
  }
  /** The flat storage this tensor shares with its base and views (PyTorch's TypedStorage): index it, write through it, print it. */
  storage(): TypedStorage {
    return storageOf(this);
  }
  /** Whether the elements lie in `memory_format`'s order (default row-major) in the storage PyTorch would give this tensor. */
  is_contiguous(memory_format?: MF.memory_format | { memory_format?: MF.memory_format }): boolean {
    const v = isOptions(memory_format) ? parseArgs("is_contiguous", [memory_format], ["memory_format"]).memory_format : memory_format;
    if (v === undefined || v === MF.contiguous_format || v === MF.preserve_format) return V.isContiguous(this);
    return MF.isContiguousAs(this.shape, this.stride(), MF.parseMemoryFormat("is_contiguous", v));
  }
  /** PyTorch's `_base`: the tensor this view shares its data with, or null. */
  get _base(): Tensor | null {
    return this._view !== null && this._view.tracked ? this._view.base : null;
  }
  _is_view(): boolean {
    return this._view !== null && this._view.tracked;
  }
  /** The diagonal (offset > 0 above it) of the 2-D slices over dims `dim1`, `dim2`, as a view. */
  diagonal(offset: number | { offset?: number; dim1?: number; dim2?: number } = 0, dim1?: number, dim2?: number): Tensor {
    const o = parseArgs("diagonal", trimArgs([offset, dim1, dim2]), ["offset", "dim1", "dim2"]);
    return M.diagonal(this, (o.offset as number | undefined) ?? 0, (o.dim1 as number | undefined) ?? 0, (o.dim2 as number | undefined) ?? 1);
  }
  /**
   * The values as a typed array with the shape beside it, torchlab's `x.numpy()`: an ndarray `{data,
   * shape, dtype}` (Float32Array, Int32Array, or Uint8Array for bool and uint8) that prints as NumPy's
   * (src/tensor/ndarray.ts). The array and the tensor share memory, as PyTorch's do: a write through
   * either is seen by the other. A view's or a detach() alias's array is a view of its base's array
   * with the tensor's strides and offset (`t[0].numpy()`, `t.T.numpy()`, `w.detach().numpy()`), so a
   * write through it reaches the base, as in PyTorch. Refuses a tensor that requires grad, as
   * PyTorch's numpy() does (call detach() first).
   */
  numpy(): ndarray {
    if (this.requires_grad) throw new RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
    const v = this._view;
    if (v === null) {
      if (this._np === null) return this._numpyRoot();
      const root = this._np.array;
      return ndarray._view(root, root.shape.slice(), 0, root._strides);
    }
    // A base in a memory format of its own (channels_last) has strides its row-major array does not: a copy.
    if (v.base._memfmt !== null || v.base.dtype !== this.dtype || v.strides.length !== this.dim()) return this._numpyCopy();
    return ndarray._view(v.base._numpyRoot(), this.shape.slice(), v.offset, v.strides);
  }

  /** @internal the NumPy array sharing this (non-view) tensor's memory, made and linked on first use. */
  _numpyRoot(): ndarray {
    if (this._np !== null) return this._np.array;
    const a = this._numpyValues();
    this._shareWith(a);
    return a;
  }

  /** @internal numpy()'s array, not linked to this tensor. */
  _numpyCopy(): ndarray {
    if (this.requires_grad) throw new RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
    return this._numpyValues();
  }

  private _numpyValues(): ndarray {
    const data = this.dtype === D.uint8 ? Uint8Array.from(this.dataSync()) : this.dataSync().slice();
    return new ndarray(data, this.shape.slice(), this.dtype);
  }

  // ---------------------------------------------------------------- printing

  toString(): string {
    const body = formatValues(this._t.dataSync() as ArrayLike<number>, this.shape, this.dtype._tf === "float32" ? "float" : this.dtype._tf === "int32" ? "int" : "bool", 7);
    const suffixes: string[] = [];
    if (this.numel() === 0 && this.dim() !== 1) suffixes.push(`size=(${this.shape.join(", ")})`);
    // PyTorch names every dtype but the default float dtype (torch.get_default_dtype()), int64 and bool;
    // an empty tensor names any dtype but the default float one.
    const deflt = D.defaultFloatDtype();
    if ((this.dtype !== deflt && this.dtype !== D.int64 && this.dtype !== D.bool) || (this.numel() === 0 && this.dtype !== deflt)) suffixes.push(`dtype=${this.dtype}`);
    if (deviceName() === "cuda") suffixes.unshift("device='cuda:0'");
    if (this.grad_fn) suffixes.push(`grad_fn=<${this.grad_fn._typeName()}>`);
    else if (this.requires_grad) suffixes.push("requires_grad=True");
    return addSuffixes("tensor(" + body, suffixes, 7);
  }

  /**
   * Python's `format(t, "")`, what an f-string's `{t}` shows: a one-element 0-d tensor formats as its
   * Python number (`f"Loss: {loss}"` prints `Loss: 0.31288138031959534`, a float tensor's whole value
   * `45.0`), any other tensor as str(t). The notebook dialect writes `${t}` in a template as this,
   * and `${loss:.4f}` as `__format__(".4f")`: the number formatted by the spec (src/pyformat.ts),
   * PyTorch's TypeError for a spec on a tensor of another shape or on a subclass (a Parameter), whose
   * `__format__` is object's.
   */
  __format__(spec = ""): string {
    if (this.dim() !== 0 || Object.getPrototypeOf(this) !== Tensor.prototype) {
      if (spec !== "") throw new TypeError(`unsupported format string passed to ${this.constructor.name}.__format__`);
      return this.toString();
    }
    const v = this.item();
    if (this.dtype === D.bool) return format(Boolean(v), spec);
    if (spec === "") return this.is_floating_point() ? pyFloat(v) : String(v);
    return this.is_floating_point() ? formatFloat(v, spec) : formatInt(v, spec);
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** Rich notebook output: the print as text/plain, plus a picture for an image-like tensor (see src/display). */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    const text = this.toString();
    const extra = tensor_display_hook()?.(this, text);
    return extra ? { ...extra, "text/plain": text } : { "text/plain": text };
  }

  /** The rows; a 0-d tensor throws when the iterator is asked for (Python's `iter(t)`), not at its first item. */
  [Symbol.iterator](): IterableIterator<Tensor> {
    if (this.dim() === 0) throw new TypeError("iteration over a 0-d tensor");
    return rows(this);
  }

  get [Symbol.toStringTag](): string {
    return "Tensor";
  }

  // ---------------------------------------------------------------- fnshape: shape, indexing and combination ops
  // (src/ops/shape_extra.ts, src/ops/product_extra.ts). Views where PyTorch returns views.
  // Tensor.index_add / index_fill (and their in-place forms) come from the fnmath branch.

  /** Every window of `size` elements, `step` apart, along `dimension`, as a new last dim; a view. */
  unfold(dimension: number | { dimension: number; size: number; step: number }, size?: number, step?: number): Tensor {
    const o = parseArgs("unfold", trimArgs([dimension, size, step]), ["dimension", "size", "step"]);
    if (o.dimension === undefined || o.size === undefined || o.step === undefined) throw new TypeError("unfold() missing required arguments: 'dimension', 'size' and 'step'");
    return X.unfold(this, o.dimension as number, o.size as number, o.step as number);
  }
  /**
   * A view of this tensor's storage with the given sizes and strides, starting `storage_offset`
   * elements in (default: this tensor's own offset), as PyTorch's as_strided.
   */
  as_strided(size: number[] | { size: number[]; stride: number[]; storage_offset?: number | null }, stride?: number[], storage_offset?: number | null): Tensor {
    const o = parseArgs("as_strided", trimArgs([size, stride, storage_offset]), ["size", "stride", "storage_offset"]);
    if (o.size === undefined || o.stride === undefined) throw new TypeError("as_strided() missing required arguments: 'size' and 'stride'");
    return X.as_strided(this, o.size as number[], o.stride as number[], o.storage_offset as number | null | undefined);
  }
  /** Moves dims `source` to `destination` (ints or lists); a view. */
  movedim(source: number | number[], destination: number | number[]): Tensor {
    return X.movedim(this, source, destination);
  }
  moveaxis(source: number | number[], destination: number | number[]): Tensor {
    return X.movedim(this, source, destination, "moveaxis");
  }
  /** NumPy's name for transpose(axis0, axis1); a view. */
  swapaxes(axis0: number, axis1: number): Tensor {
    return X.swapaxes(this, axis0, axis1);
  }
  swapdims(dim0: number, dim1: number): Tensor {
    return X.swapaxes(this, dim0, dim1);
  }
  /** expand() under NumPy's name: a view whose broadcast dims alias one element. */
  broadcast_to(size: number[]): Tensor {
    return X.broadcast_to(this, size);
  }
  /** Elements shifted by `shifts` along `dims` (wrapping round); no dims: over the flattened tensor. */
  roll(shifts: number | number[] | { shifts: number | number[]; dims?: number | number[] | null }, dims?: number | number[] | null): Tensor {
    const o = parseArgs("roll", trimArgs([shifts, dims]), ["shifts", "dims"]);
    if (o.shifts === undefined) throw new TypeError("roll() missing required argument 'shifts'");
    return X.roll(this, o.shifts as number | number[], o.dims as number | number[] | null | undefined);
  }
  /** repeat() with `dims` padded with leading 1s to this tensor's dims. */
  tile(...dims: (number | number[])[]): Tensor {
    return X.tile(this, sizesFrom(dims, "tile", "dims"));
  }
  /** Each element (or slice along `dim`) repeated; `dim` omitted: over the flattened tensor. */
  repeat_interleave(repeats: number | Tensor | { repeats: number | Tensor; dim?: number | null; axis?: number | null; output_size?: number | null }, dim?: number | null | { dim?: number | null; axis?: number | null; output_size?: number | null }, options?: { output_size?: number | null }): Tensor {
    const o = parseArgs("repeat_interleave", trimArgs([repeats, dim, options]), ["repeats", "dim", "output_size"]);
    if (o.repeats === undefined) throw new TypeError("repeat_interleave() missing required argument 'repeats'");
    return X.repeat_interleave(this, o.repeats as number | Tensor, o.dim as number | null | undefined, o.output_size as number | null | undefined);
  }
  /**
   * The distinct elements (or slices along `dim`) in ascending order; with return_inverse /
   * return_counts, PyTorch's tuple as an array `[output, inverse?, counts?]` (int32).
   * @example const [values, counts] = x.unique({ return_counts: true });
   */
  unique(): Tensor;
  unique(options: X.UniqueOptions & { return_inverse?: false; return_counts?: false }): Tensor;
  unique(options: X.UniqueOptions & ({ return_inverse: true } | { return_counts: true })): Tensor[];
  unique(options: X.UniqueOptions): Tensor | Tensor[];
  unique(sorted: boolean, return_inverse?: boolean, return_counts?: boolean, dim?: number | null): Tensor | Tensor[];
  unique(sorted?: boolean | X.UniqueOptions, return_inverse?: boolean, return_counts?: boolean, dim?: number | null): Tensor | Tensor[] {
    const o = parseArgs("unique", trimArgs([sorted, return_inverse, return_counts, dim]), ["sorted", "return_inverse", "return_counts", "dim"]);
    return X.unique(this, o as X.UniqueOptions);
  }
  unique_consecutive(): Tensor;
  unique_consecutive(options: { return_inverse?: false; return_counts?: false; dim?: number | null; axis?: number | null }): Tensor;
  unique_consecutive(options: { return_inverse?: boolean; return_counts?: boolean; dim?: number | null; axis?: number | null } & ({ return_inverse: true } | { return_counts: true })): Tensor[];
  unique_consecutive(options: { return_inverse?: boolean; return_counts?: boolean; dim?: number | null; axis?: number | null }): Tensor | Tensor[];
  unique_consecutive(options?: { return_inverse?: boolean; return_counts?: boolean; dim?: number | null; axis?: number | null }): Tensor | Tensor[] {
    const o = parseArgs("unique_consecutive", trimArgs([options]), ["return_inverse", "return_counts", "dim"]);
    return X.unique_consecutive(this, o as X.UniqueOptions);
  }
  /** 1-D: a matrix with this on diagonal `diagonal`; 2-D: that diagonal (a copy). */
  diag(diagonal: number | { diagonal?: number } = 0): Tensor {
    return X.diag(this, (parseArgs("diag", [diagonal], ["diagonal"]).diagonal as number | undefined) ?? 0);
  }
  /** The last dim placed on diagonal `offset` of new (dim1, dim2) planes, zeros elsewhere. */
  diag_embed(offset?: number | { offset?: number; dim1?: number; dim2?: number }, dim1?: number, dim2?: number): Tensor {
    const o = parseArgs("diag_embed", trimArgs([offset, dim1, dim2]), ["offset", "dim1", "dim2"]);
    return X.diag_embed(this, (o.offset as number | undefined) ?? 0, (o.dim1 as number | undefined) ?? -2, (o.dim2 as number | undefined) ?? -1);
  }
  diagflat(offset: number | { offset?: number } = 0): Tensor {
    return X.diagflat(this, (parseArgs("diagflat", [offset], ["offset"]).offset as number | undefined) ?? 0);
  }
  tril_(diagonal?: number | { diagonal?: number }): this {
    const d = (parseArgs("tril_", trimArgs([diagonal]), ["diagonal"]).diagonal as number | undefined) ?? 0;
    return this.inplace("tril_", (s) => S.triangle("tril", s, d));
  }
  triu_(diagonal?: number | { diagonal?: number }): this {
    const d = (parseArgs("triu_", trimArgs([diagonal]), ["diagonal"]).diagonal as number | undefined) ?? 0;
    return this.inplace("triu_", (s) => S.triangle("triu", s, d));
  }
  /** The elements as a 1-D tensor: a view when the layout allows, else a copy. */
  ravel(): Tensor {
    return X.ravel(this);
  }
  /** Sorted along dim 0 (values only). */
  msort(): Tensor {
    return X.msort(this);
  }
  /** Elements of the flattened tensor at `index` (the result has index's shape). */
  take(index: Tensor): Tensor {
    return X.take(this, index);
  }
  /** Values at `indices` along `dim` (indices broadcast against this tensor); flat without dim. */
  take_along_dim(indices: Tensor | { indices?: Tensor; dim?: number | null; axis?: number | null }, dim?: number | null | { dim?: number | null; axis?: number | null }): Tensor {
    const o = indexArgs("take_along_dim", [indices, dim], ["indices", "dim"], ["indices"]);
    return X.take_along_dim(this, o.indices as Tensor, o.dim as number | null | undefined);
  }
  /** A copy with the slices `index` of `dim` replaced by `source`'s. */
  index_copy(dim: number, index: Tensor, source: Tensor): Tensor {
    return X.index_copy(this, dim, index, source);
  }
  index_copy_(dim: number, index: Tensor, source: Tensor): this {
    return this.inplace("index_copy_", (s) => X.index_copy(s, dim, index, source));
  }
  /** Views: `sections` near-equal pieces along `dim` (the first ones one longer), or pieces split at `indices`. */
  tensor_split(indices_or_sections: number | number[] | Tensor, dim: number | { dim?: number; axis?: number } = 0): Tensor[] {
    return X.tensor_split(this, indices_or_sections, (trailingDim("tensor_split", dim) as number | undefined) ?? 0);
  }
  hsplit(sections: number | number[]): Tensor[] {
    return X.hsplit(this, sections);
  }
  vsplit(sections: number | number[]): Tensor[] {
    return X.vsplit(this, sections);
  }
  dsplit(sections: number | number[]): Tensor[] {
    return X.dsplit(this, sections);
  }
  /** Rotated by 90 degrees `k` times in the plane of `dims`, from the first towards the second. */
  rot90(k?: number | { k?: number; dims?: number[] }, dims?: number[]): Tensor {
    const o = parseArgs("rot90", trimArgs([k, dims]), ["k", "dims"]);
    return X.rot90(this, (o.k as number | undefined) ?? 1, (o.dims as number[] | undefined) ?? [0, 1]);
  }
  fliplr(): Tensor {
    return X.fliplr(this);
  }
  flipud(): Tensor {
    return X.flipud(this);
  }
  narrow_copy(dim: number, start: number, length: number): Tensor {
    return X.narrow_copy(this, dim, start, length);
  }
  /** Cross product along `dim` (default: the first dim of size 3). */
  cross(other: Tensor, dim?: number | null | { dim?: number | null; axis?: number | null }): Tensor {
    return P.cross(this, other, trailingDim("cross", dim) as number | null | undefined);
  }
  kron(other: Tensor): Tensor {
    return P.kron(this, other);
  }
  inner(other: Tensor): Tensor {
    return P.inner(this, other);
  }
  /** outer() under its old name. */
  ger(vec2: Tensor): Tensor {
    return L.outer(this, vec2);
  }
  vdot(other: Tensor): Tensor {
    return L.dot(this, other);
  }
  /** The p-norm of this - other (broadcast). */
  dist(other: Tensor, p: number | { p?: number } = 2): Tensor {
    return P.dist(this, other, (parseArgs("dist", [p], ["p"]).p as number | undefined) ?? 2);
  }
  /** beta * self + alpha * (mat @ vec). */
  addmv(mat: Tensor, vec: Tensor, options: { beta?: number; alpha?: number } = {}): Tensor {
    const o = parseArgs("addmv", [options], ["beta", "alpha"]);
    return P.addmv(this, mat, vec, (o.beta as number | undefined) ?? 1, (o.alpha as number | undefined) ?? 1);
  }
  /** beta * self + alpha * outer(vec1, vec2). */
  addr(vec1: Tensor, vec2: Tensor, options: { beta?: number; alpha?: number } = {}): Tensor {
    const o = parseArgs("addr", [options], ["beta", "alpha"]);
    return P.addr(this, vec1, vec2, (o.beta as number | undefined) ?? 1, (o.alpha as number | undefined) ?? 1);
  }
  /** beta * self + alpha * bmm(batch1, batch2). */
  baddbmm(batch1: Tensor, batch2: Tensor, options: { beta?: number; alpha?: number } = {}): Tensor {
    const o = parseArgs("baddbmm", [options], ["beta", "alpha"]);
    return P.baddbmm(this, batch1, batch2, (o.beta as number | undefined) ?? 1, (o.alpha as number | undefined) ?? 1);
  }
  /** beta * self + alpha * (the sum over the batch of batch1[i] @ batch2[i]). */
  addbmm(batch1: Tensor, batch2: Tensor, options: { beta?: number; alpha?: number } = {}): Tensor {
    const o = parseArgs("addbmm", [options], ["beta", "alpha"]);
    return P.addbmm(this, batch1, batch2, (o.beta as number | undefined) ?? 1, (o.alpha as number | undefined) ?? 1);
  }
  addmv_(mat: Tensor, vec: Tensor, options: { beta?: number; alpha?: number } = {}): this {
    return this.inplace("addmv_", (s) => s.addmv(mat, vec, options));
  }
  addr_(vec1: Tensor, vec2: Tensor, options: { beta?: number; alpha?: number } = {}): this {
    return this.inplace("addr_", (s) => s.addr(vec1, vec2, options));
  }
  baddbmm_(batch1: Tensor, batch2: Tensor, options: { beta?: number; alpha?: number } = {}): this {
    return this.inplace("baddbmm_", (s) => s.baddbmm(batch1, batch2, options));
  }
  addbmm_(batch1: Tensor, batch2: Tensor, options: { beta?: number; alpha?: number } = {}): this {
    return this.inplace("addbmm_", (s) => s.addbmm(batch1, batch2, options));
  }
  /** Counts of each value 0..max of this 1-D non-negative int tensor (int32), or summed `weights` (float32). */
  bincount(weights?: Tensor | null | { weights?: Tensor | null; minlength?: number }, minlength?: number): Tensor {
    const o = parseArgs("bincount", trimArgs([weights, minlength]), ["weights", "minlength"]);
    return X.bincount(this, o.weights as Tensor | null | undefined, (o.minlength as number | undefined) ?? 0);
  }
}

export type NestedList = number | boolean | NestedList[];

function varArgs(op: string, raw: unknown[]): { dim: Dims; correction: number; keepdim: boolean } {
  const args = trimArgs(raw);
  // PyTorch's var(dim, unbiased, keepdim) and var(unbiased) overloads.
  if (args.length >= 1 && typeof args[0] === "boolean") args.unshift(null);
  const a = parseArgs(op, args, ["dim", "unbiased", "keepdim", "correction"]);
  if (a.unbiased !== undefined && a.correction !== undefined) throw new ValueError(`${op}(): pass either unbiased or correction, not both`);
  const correction = a.correction !== undefined ? (a.correction as number) : a.unbiased === false ? 0 : 1;
  return { dim: a.dim as Dims, correction, keepdim: (a.keepdim as boolean | undefined) ?? false };
}

function normDimPublic(dim: number, ndim: number, op: string): number {
  if (ndim === 0) throw new IndexError(`${op}(): Dimension specified as ${dim} but tensor has no dimensions`);
  if (dim < -ndim || dim >= ndim) throw new IndexError(`${op}(): Dimension out of range (expected to be in range of [${-ndim}, ${ndim - 1}], but got ${dim})`);
  return dim < 0 ? dim + ndim : dim;
}

let deviceProbe: () => string = () => "cpu";
let gradProbe: () => boolean = () => true;

/** @internal wired by src/index.ts to avoid an import cycle with the backend module. */
export function _setProbes(device: () => string, grad: () => boolean): void {
  deviceProbe = device;
  gradProbe = grad;
}
function deviceName(): string {
  return deviceProbe();
}
function isGradRecording(): boolean {
  return gradProbe();
}

/**
 * @internal Refuses a device the active backend cannot hold tensors on, as PyTorch refuses one it was
 * not built with: a device string, or a torch.device (anything with a `type`).
 */
export function checkDevice(spec: unknown): void {
  const device = typeof spec === "object" && spec !== null && "type" in spec ? String((spec as { type: unknown }).type) : String(spec);
  const kind = device.split(":")[0];
  if (kind === "meta") {
    throw new NotImplementedError(
      "torchlab has no 'meta' device: every tensor holds its values. To learn a layer's output shape, run it on a small input on 'cpu' (a batch of 1).",
    );
  }
  if (kind !== "cpu" && kind !== "cuda") throw new RuntimeError(`Expected one of cpu, cuda device type at start of device string: ${device}`);
  if (kind === "cuda" && deviceName() !== "cuda") {
    // PyTorch's CPU build asserts (torch/cuda/__init__.py's _lazy_init): an AssertionError.
    throw new AssertionError(
      "Torch not compiled with CUDA enabled: torchlab uses CUDA only through @tensorflow/tfjs-node-gpu (see README, 'GPU'). " +
        "Use torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu') to run anywhere.",
    );
  }
}

// `x[0]` in a plain script fails loudly instead of reading undefined (the notebook rewrites it to x.get(0)).
// `type(x)` prints <class 'torch.Tensor'>.
setPyModule(Tensor, "torch");
guardNumericIndex(Tensor.prototype, "tensor", (i) => `x.get(${i}) (or x.index("${i}, ..."))`, (i) => `x.setitem(${i}, value)`, listKeyError);

function* rows(t: Tensor): IterableIterator<Tensor> {
  for (let i = 0; i < t.shape[0]; i++) yield M.select(t, 0, i);
}
