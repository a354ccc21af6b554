/**
 * torch.Tensor: a PyTorch-layout n-d array on the active tfjs backend, with dtype, requires_grad,
 * grad and grad_fn. Methods chain (`x.add(y).relu().sum()`) and print the way PyTorch prints.
 * The math lives in src/ops; this class is the user-facing surface.
 */
import type { tf } from "../backend/tf";
import { adopt, share, overwrite, rebind, Storage } from "../backend/memory";
import { Node } from "../autograd/node";
import { runBackward } from "../autograd/backward";
import { formatValues, addSuffixes } from "./repr";
import { tensor_display_hook } from "../display/hook";
import { isOptions, parseArgs } from "./args";
import { IndexError, NotImplementedError, RuntimeError, TypeError, ValueError } from "../errors";
import * as E from "../ops/elementwise";
import * as R from "../ops/reduce";
import * as M from "../ops/movement";
import * as L from "../ops/linalg";
import * as C from "../ops/creation";
import * as S from "../ops/sort";
import { compute, tf as tfjs } from "../ops/_core";
import type { Dims, ValuesIndices } from "../ops/reduce";
import type { IndexItem } from "../ops/movement";

/** torchlab's dtypes. PyTorch's int64 results (argmax, class labels) are int32 here. */
export type DType = "float32" | "int32" | "bool";

const DTYPE_ALIASES: Record<string, DType> = {
  float32: "float32", float: "float32", "torch.float32": "float32", "torch.float": "float32", float64: "float32", double: "float32",
  int32: "int32", int: "int32", int64: "int32", long: "int32", "torch.int64": "int32", "torch.long": "int32", "torch.int32": "int32",
  uint8: "int32", int8: "int32", int16: "int32",
  bool: "bool", "torch.bool": "bool",
};

export function normalizeDtype(d: unknown): DType {
  const r = typeof d === "string" ? DTYPE_ALIASES[d] : undefined;
  if (r === undefined) throw new TypeError(`unsupported dtype ${String(d)}: torchlab has float32, int32 (for PyTorch's int64) and bool`);
  return r;
}

type Scalar = number | boolean;
type Operand = Tensor | Scalar;
type DimOpts = { dim?: Dims; keepdim?: boolean };

function dimArgs(op: string, args: unknown[]): { dim: Dims; keepdim: boolean } {
  const a = parseArgs(op, args, ["dim", "keepdim"]);
  return { dim: a.dim as Dims, keepdim: (a.keepdim as boolean | undefined) ?? false };
}

/** Drops trailing undefined arguments only: an undefined in the middle keeps later ones in their positions. */
function trimArgs(args: unknown[]): unknown[] {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  return args.slice(0, n);
}

type DtypeOpt = { dtype?: DType | string | null };
type TopkOpts = { k?: number; dim?: number; largest?: boolean; sorted?: boolean };
type SortOpts = { dim?: number; descending?: boolean; stable?: boolean };

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

function sizesFrom(args: unknown[], op?: string, name?: string): number[] {
  // `x.view()` with no sizes at all is PyTorch's TypeError; `x.view([])` (0-d) is fine.
  if (op !== undefined && args.length === 0) throw new TypeError(`${op}() missing 1 required positional arguments: "${name}"`);
  return args.length === 1 && Array.isArray(args[0]) ? (args[0] as number[]) : (args as number[]);
}

/** A trailing `dim` given positionally or as PyTorch's keyword, `{dim}`. */
function trailingDim(op: string, dim: unknown): unknown {
  return isOptions(dim) ? parseArgs(op, [dim], ["dim"]).dim : dim;
}

export class Tensor {
  /** @internal refcounted backend buffer, shared by detach()/.data aliases. */
  _s: Storage;
  /** The node that produced this tensor, or null for a leaf. */
  grad_fn: Node | null = null;
  /** Accumulated gradient of a leaf after backward(). */
  grad: Tensor | null = null;
  private _requires_grad = false;

  /** @internal use torch.tensor / torch.zeros / ... to create tensors. */
  constructor(data: tf.Tensor, storage?: Storage) {
    this._s = storage ? share(this, storage) : adopt(this, data);
  }

  /** @internal */
  static _wrap(data: tf.Tensor): Tensor {
    return new Tensor(data);
  }

  /** @internal the tfjs tensor holding the values (PyTorch layout). */
  get _t(): tf.Tensor {
    if (this._s.data.isDisposed) throw new RuntimeError("this tensor's memory was already released");
    return this._s.data;
  }

  /** @internal */
  _attach(node: Node): void {
    this.grad_fn = node;
    this._requires_grad = true;
  }

  // ---------------------------------------------------------------- properties

  get shape(): number[] {
    return this._s.data.shape.slice();
  }
  get dtype(): DType {
    return this._s.data.dtype as DType;
  }
  get ndim(): number {
    return this._s.data.rank;
  }
  /** Always 'cpu' for wasm/cpu/tensorflow-CPU backends, 'cuda' under tfjs-node-gpu. */
  get device(): string {
    return deviceName();
  }
  get is_leaf(): boolean {
    return this.grad_fn === null;
  }
  get requires_grad(): boolean {
    return this._requires_grad;
  }
  set requires_grad(v: boolean) {
    this.requires_grad_(v);
  }
  get is_cuda(): boolean {
    return deviceName() === "cuda";
  }
  /** The same values, detached from the graph (PyTorch's `.data`); in-place writes to it change this tensor. */
  get data(): Tensor {
    return this.detach();
  }
  set data(v: Tensor) {
    if (!(v instanceof Tensor)) throw new TypeError("Tensor.data must be set to a Tensor");
    overwrite(this._s, compute(() => tfjs.clone(v._t)));
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

  size(): number[];
  size(dim: number): number;
  size(dim?: number): number[] | number {
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
    return this.dtype === "bool" ? 1 : 4;
  }
  get length(): number {
    if (this.dim() === 0) throw new TypeError("len() of a 0-d tensor");
    return this.shape[0];
  }

  // ---------------------------------------------------------------- autograd

  requires_grad_(requires_grad = true): this {
    if (!this.is_leaf && !requires_grad) {
      throw new RuntimeError("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
    }
    if (requires_grad && this.dtype !== "float32") {
      throw new RuntimeError(`only Tensors of floating point dtype can require gradients (this tensor is ${this.dtype})`);
    }
    if (this.is_leaf) this._requires_grad = requires_grad;
    return this;
  }

  /**
   * Computes the gradient of this tensor with respect to graph leaves and accumulates it into their
   * `.grad`. A non-scalar tensor needs `gradient` (same shape). The graph is freed unless
   * `retain_graph` is true.
   */
  backward(gradient?: Tensor | null | { gradient?: Tensor | null; retain_graph?: boolean }, options: { retain_graph?: boolean } = {}): void {
    let g: Tensor | null | undefined;
    let retain = options.retain_graph ?? false;
    if (isOptions(gradient)) {
      const o = parseArgs("backward", [gradient], ["gradient", "retain_graph", "create_graph", "inputs"]);
      // Accepting these and ignoring them would silently give first-order, all-leaf gradients.
      if (o.create_graph) throw new NotImplementedError("backward(): create_graph=true (higher-order gradients) is not supported by torchlab's tape");
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
    runBackward(this, seed, retain);
  }

  /** A tensor sharing this one's values, cut from the graph. */
  detach(): Tensor {
    return new Tensor(this._s.data, this._s);
  }
  detach_(): this {
    this.grad_fn = null;
    this._requires_grad = false;
    return this;
  }
  /** Keeps `.grad` for this non-leaf tensor after backward(). */
  retain_grad(): void {
    if (!this.requires_grad) throw new RuntimeError("can't retain_grad on Tensor that has requires_grad=False");
    if (this.grad_fn) this.grad_fn.retained = this;
  }
  get retains_grad(): boolean {
    return this.grad_fn !== null && this.grad_fn.retained === this;
  }

  /** @internal an alias sharing storage and graph position (used where PyTorch returns a view). */
  alias(): Tensor {
    return M.clone(this);
  }

  // ---------------------------------------------------------------- data access

  /** The value of a one-element tensor as a JS number (or boolean for bool). */
  item(): number {
    if (this.numel() !== 1) {
      throw new ValueError(`only one element tensors can be converted to Python scalars (this one has ${this.numel()} elements, shape [${this.shape.join(", ")}])`);
    }
    const v = this._t.dataSync()[0] as number;
    return this.dtype === "bool" ? (Boolean(v) as unknown as number) : v;
  }

  /** Nested JS arrays of the values (numbers, or booleans for bool tensors). */
  tolist(): NestedList {
    const flat = Array.from(this._t.dataSync() as ArrayLike<number>, (v) => (this.dtype === "bool" ? Boolean(v) : v));
    const build = (dim: number, offset: number): NestedList => {
      if (dim === this.dim()) return flat[offset];
      const stride = this.shape.slice(dim + 1).reduce((a, b) => a * b, 1);
      return Array.from({ length: this.shape[dim] }, (_, i) => build(dim + 1, offset + i * stride));
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

  to(target: DType | string | Tensor | { dtype?: DType | string; device?: unknown }, dtype?: DType | string): Tensor {
    if (target instanceof Tensor) return this.to(target.dtype);
    if (isOptions(target)) {
      const o = parseArgs("to", [target], ["dtype", "device", "non_blocking", "copy"]);
      return o.dtype === undefined ? this : this.to(o.dtype as string);
    }
    if (typeof target === "string" && !(target in DTYPE_ALIASES)) {
      // A device ('cpu', 'cuda', 'cuda:0'): tensors live on the one active backend.
      checkDevice(target);
      return dtype === undefined ? this : this.to(dtype);
    }
    if (typeof target === "object" && target !== null && "type" in (target as object)) {
      checkDevice(String((target as { type: string }).type));
      return this;
    }
    const dt = normalizeDtype(target);
    return dt === this.dtype ? this : M.toDtype(this, dt);
  }
  type(dtype?: DType | string): Tensor | string {
    if (dtype === undefined) return this.dtype === "float32" ? "torch.FloatTensor" : this.dtype === "int32" ? "torch.LongTensor" : "torch.BoolTensor";
    return this.to(dtype);
  }
  float(): Tensor {
    return this.to("float32");
  }
  double(): Tensor {
    return this.to("float32");
  }
  long(): Tensor {
    return this.to("int32");
  }
  int(): Tensor {
    return this.to("int32");
  }
  bool(): Tensor {
    return this.to("bool");
  }
  cpu(): Tensor {
    return this;
  }
  cuda(): Tensor {
    checkDevice("cuda");
    return this;
  }
  is_floating_point(): boolean {
    return this.dtype === "float32";
  }

  // ---------------------------------------------------------------- arithmetic

  add(other: Operand, options?: { alpha?: number }): Tensor {
    return E.add(this, other, options?.alpha ?? 1);
  }
  sub(other: Operand, options?: { alpha?: number }): Tensor {
    return E.sub(this, other, options?.alpha ?? 1);
  }
  rsub(other: Operand): Tensor {
    return E.rsub(this, other);
  }
  mul(other: Operand): Tensor {
    return E.mul(this, other);
  }
  div(other: Operand, options?: { rounding_mode?: "trunc" | "floor" | null }): Tensor {
    return E.div(this, other, options);
  }
  true_divide(other: Operand): Tensor {
    return E.div(this, other);
  }
  floor_divide(other: Operand): Tensor {
    return E.div(this, other, { rounding_mode: "floor" });
  }
  remainder(other: Operand): Tensor {
    return E.remainder(this, other);
  }
  pow(exponent: Operand): Tensor {
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
  round(): Tensor {
    return E.round(this);
  }
  trunc(): Tensor {
    return E.trunc(this);
  }
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
    return R.sum(s.dtype ? this.to(s.dtype) : this, a.dim, a.keepdim);
  }
  mean(dim?: Dims | (DimOpts & DtypeOpt), keepdim?: boolean | (DimOpts & DtypeOpt)): Tensor {
    const s = splitDtype(trimArgs([dim, keepdim]));
    const a = dimArgs("mean", s.args);
    return R.mean(s.dtype ? this.to(s.dtype) : this, a.dim, a.keepdim);
  }
  prod(dim?: number | ({ dim?: number; keepdim?: boolean } & DtypeOpt), keepdim?: boolean | ({ keepdim?: boolean } & DtypeOpt)): Tensor {
    const s = splitDtype(trimArgs([dim, keepdim]));
    const a = dimArgs("prod", s.args);
    return R.prod(s.dtype ? this.to(s.dtype) : this, a.dim as number | undefined, a.keepdim);
  }
  /** Largest element, or (values, indices) along `dim`. */
  max(): Tensor;
  max(dim: number | { dim: number; keepdim?: boolean }, keepdim?: boolean): ValuesIndices;
  max(other: Tensor): Tensor;
  max(dim?: number | Tensor | { dim: number; keepdim?: boolean }, keepdim?: boolean): Tensor | ValuesIndices {
    if (dim instanceof Tensor) return E.maximum(this, dim);
    if (dim === undefined) return R.max(this);
    const a = dimArgs("max", trimArgs([dim, keepdim]));
    return R.max(this, a.dim as number, a.keepdim);
  }
  min(): Tensor;
  min(dim: number | { dim: number; keepdim?: boolean }, keepdim?: boolean): ValuesIndices;
  min(other: Tensor): Tensor;
  min(dim?: number | Tensor | { dim: number; keepdim?: boolean }, keepdim?: boolean): Tensor | ValuesIndices {
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
  argmax(dim?: number | null | { dim?: number | null; keepdim?: boolean }, keepdim?: boolean): Tensor {
    const a = dimArgs("argmax", trimArgs([dim, keepdim]));
    return R.argmax(this, a.dim as number | null | undefined, a.keepdim, "max");
  }
  argmin(dim?: number | null | { dim?: number | null; keepdim?: boolean }, keepdim?: boolean): Tensor {
    const a = dimArgs("argmin", trimArgs([dim, keepdim]));
    return R.argmax(this, a.dim as number | null | undefined, a.keepdim, "min");
  }
  /** Variance; unbiased (N-1) by default like PyTorch. Options: unbiased, correction, keepdim. */
  var(dim?: Dims | { dim?: Dims; unbiased?: boolean; correction?: number; keepdim?: boolean }, unbiased?: boolean | { unbiased?: boolean; correction?: number; keepdim?: boolean }, keepdim?: boolean): Tensor {
    const a = varArgs("var", [dim, unbiased, keepdim]);
    return R.variance(this, a.dim, a.correction, a.keepdim);
  }
  std(dim?: Dims | { dim?: Dims; unbiased?: boolean; correction?: number; keepdim?: boolean }, unbiased?: boolean | { unbiased?: boolean; correction?: number; keepdim?: boolean }, keepdim?: boolean): Tensor {
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
  cumsum(dim: number | ({ dim: number } & DtypeOpt), options?: DtypeOpt): Tensor {
    const s = splitDtype(trimArgs([dim, options]));
    return R.cumsum(s.dtype ? this.to(s.dtype) : this, parseArgs("cumsum", s.args, ["dim"]).dim as number);
  }
  all(dim?: number | null | DimOpts, keepdim?: boolean): Tensor {
    const a = dimArgs("all", trimArgs([dim, keepdim]));
    return R.all(this, a.dim as number | null | undefined, a.keepdim);
  }
  any(dim?: number | null | DimOpts, keepdim?: boolean): Tensor {
    const a = dimArgs("any", trimArgs([dim, keepdim]));
    return R.any(this, a.dim as number | null | undefined, a.keepdim);
  }
  norm(p: number | "fro" | { p?: number | "fro"; dim?: Dims; keepdim?: boolean } = 2, dim?: Dims | { dim?: Dims; keepdim?: boolean }, keepdim?: boolean | { keepdim?: boolean }): Tensor {
    const o = parseArgs("norm", trimArgs([p, dim, keepdim]), ["p", "dim", "keepdim"]);
    return R.norm(this, (o.p as number | "fro" | undefined) ?? 2, o.dim as Dims | undefined, (o.keepdim as boolean | undefined) ?? false);
  }

  // ---------------------------------------------------------------- linear algebra

  matmul(other: Tensor): Tensor {
    return L.matmul(this, other);
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
    return this.dim() < 2 ? this.alias() : M.transpose(this, 0, 1, "TBackward0");
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
  flatten(start_dim: number | { start_dim?: number; end_dim?: number } = 0, end_dim = -1): Tensor {
    if (isOptions(start_dim)) {
      const o = parseArgs("flatten", [start_dim], ["start_dim", "end_dim"]);
      return M.flatten(this, (o.start_dim as number) ?? 0, (o.end_dim as number) ?? -1);
    }
    return M.flatten(this, start_dim, end_dim);
  }
  squeeze(dim?: number | number[] | { dim?: number | number[] }): Tensor {
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
  contiguous(): Tensor {
    return this;
  }
  clone(): Tensor {
    return M.clone(this);
  }
  split(split_size: number | number[], dim: number | { dim?: number } = 0): Tensor[] {
    return M.split(this, split_size, (trailingDim("split", dim) as number | undefined) ?? 0);
  }
  chunk(chunks: number, dim: number | { dim?: number } = 0): Tensor[] {
    return M.chunk(this, chunks, (trailingDim("chunk", dim) as number | undefined) ?? 0);
  }
  unbind(dim: number | { dim?: number } = 0): Tensor[] {
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
  index(spec: string | IndexItem[] | number | Tensor): Tensor {
    return M.index(this, typeof spec === "number" || spec instanceof Tensor ? [spec] : spec);
  }
  /** Element or sub-tensor `i` along dim 0 (PyTorch's `x[i]`). */
  get(...indices: number[]): Tensor {
    return M.index(this, indices);
  }
  flip(...dims: (number | number[])[]): Tensor {
    return M.flip(this, sizesFrom(dims, "flip", "dims"));
  }
  index_select(dim: number, index: Tensor): Tensor {
    return M.index_select(this, dim, index);
  }
  gather(dim: number, index: Tensor): Tensor {
    return M.gather(this, dim, index);
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
   * Sorted values along `dim` (default -1) and the indices that sort it; always stable.
   * @example const { values, indices } = x.sort({ descending: true });
   */
  sort(dim?: number | SortOpts, descending?: boolean | SortOpts): ValuesIndices {
    const a = parseArgs("sort", trimArgs([dim, descending]), ["dim", "descending", "stable"]);
    return S.sort(this, (a.dim as number | undefined) ?? -1, (a.descending as boolean | undefined) ?? false);
  }
  argsort(dim?: number | SortOpts, descending?: boolean | SortOpts): Tensor {
    const a = parseArgs("argsort", trimArgs([dim, descending]), ["dim", "descending", "stable"]);
    return S.argsort(this, (a.dim as number | undefined) ?? -1, (a.descending as boolean | undefined) ?? false);
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
  cumprod(dim: number | ({ dim: number } & DtypeOpt), options?: DtypeOpt): Tensor {
    const s = splitDtype(trimArgs([dim, options]));
    const a = parseArgs("cumprod", s.args, ["dim"]);
    if (a.dim === undefined) throw new TypeError("cumprod() missing required argument 'dim'");
    return S.cumprod(s.dtype ? this.to(s.dtype) : this, a.dim as number);
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
    const src = data instanceof Tensor ? data.detach() : data;
    return C.tensor(src, { dtype: this.dtype, ...stripUndefined(options) });
  }
  private likeArgs(args: C.SizeArgs): C.SizeArgs {
    const last = args[args.length - 1];
    if (isOptions(last)) return [...args.slice(0, -1), { dtype: this.dtype, ...stripUndefined(last as Record<string, unknown>) }];
    return [...args, { dtype: this.dtype }];
  }

  // ---------------------------------------------------------------- in-place

  /**
   * Runs `f` and stores its result in this tensor. Outside grad mode the values are overwritten in
   * place (optimizer steps: the old buffer is freed at once and the version bumps). In grad mode the
   * op reads an alias that keeps the old values and graph position, and this tensor then takes the
   * result's buffer and node: nodes that saved the old values keep them (or, if they read this
   * tensor, see its version change and raise at backward), as PyTorch's version counter does.
   */
  private inplace(op: string, f: (src: Tensor) => Tensor): this {
    const recording = isGradRecording();
    if (this.requires_grad && this.is_leaf && recording) {
      throw new RuntimeError(`a leaf Variable that requires grad is being used in an in-place operation (${op}); wrap it in torch.no_grad(() => ...)`);
    }
    const src = recording ? this._alias() : this;
    const next = f(src);
    if (next.shape.join(",") !== this.shape.join(",")) {
      throw new RuntimeError(`${op}: output with shape [${this.shape.join(", ")}] doesn't match the broadcast shape [${next.shape.join(", ")}]`);
    }
    // PyTorch's can_cast: a float result cannot be written into an int/bool tensor, nor an int one into bool.
    const rank = { bool: 0, int32: 1, float32: 2 } as const;
    if (rank[next.dtype] > rank[this.dtype]) {
      const names = { bool: "Bool", int32: "Long", float32: "Float" } as const;
      throw new RuntimeError(`${op}: result type ${names[next.dtype]} can't be cast to the desired output type ${names[this.dtype]}`);
    }
    if (next.grad_fn !== null && next.dtype === this.dtype) {
      this._s = rebind(this, this._s, next._s);
      this.grad_fn = next.grad_fn;
      this._requires_grad = true;
      return this;
    }
    overwrite(this._s, compute(() => tfjs.cast(next._t, this.dtype)));
    return this;
  }

  /** @internal `f(this)` written into this tensor with autograd, for functional ops' `inplace` option. */
  _inplace(op: string, f: (src: Tensor) => Tensor): this {
    return this.inplace(op, f);
  }

  /** A wrapper sharing this tensor's buffer and graph position (the pre-write value for in-place ops). */
  private _alias(): Tensor {
    const a = new Tensor(this._s.data, this._s);
    a.grad_fn = this.grad_fn;
    a._requires_grad = this._requires_grad;
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
    return this.inplace("clamp_", (s) => s.clamp(min, max));
  }
  relu_(): this {
    return this.inplace("relu_", (s) => s.relu());
  }
  zero_(): this {
    return this.fill_(0);
  }
  fill_(value: number | boolean): this {
    // A non-leaf in grad mode records the fill, so no gradient flows back through the old values.
    if (this.requires_grad && isGradRecording()) return this.inplace("fill_", (s) => E.masked_fill(s, C.ones(this.shape, { dtype: "bool" }), value));
    const v = this.dtype === "int32" ? Math.trunc(Number(value)) : this.dtype === "bool" ? Number(Boolean(value)) : Number(value);
    overwrite(this._s, compute(() => tfjs.cast(tfjs.fill(this.shape, v, this.dtype === "bool" ? "int32" : this.dtype), this.dtype)));
    return this;
  }
  copy_(src: Tensor): this {
    if (this.requires_grad && this.is_leaf && isGradRecording()) throw new RuntimeError("a leaf Variable that requires grad is being used in an in-place operation.");
    const b = M.expand(src, this.shape);
    overwrite(this._s, compute(() => tfjs.cast(b._t, this.dtype)));
    return this;
  }
  uniform_(from = 0, to = 1, options: { generator?: import("./random").Generator } = {}): this {
    const r = C.rand(this.shape, options);
    overwrite(this._s, compute(() => tfjs.add(tfjs.mul(r._t, to - from), from)));
    return this;
  }
  normal_(mean = 0, std = 1, options: { generator?: import("./random").Generator } = {}): this {
    const r = C.randn(this.shape, options);
    overwrite(this._s, compute(() => tfjs.add(tfjs.mul(r._t, std), mean)));
    return this;
  }
  masked_fill_(mask: Tensor, value: number): this {
    return this.inplace("masked_fill_", (s) => E.masked_fill(s, mask, value));
  }

  // ---------------------------------------------------------------- printing

  toString(): string {
    const body = formatValues(this._t.dataSync() as ArrayLike<number>, this.shape, this.dtype === "float32" ? "float" : this.dtype === "int32" ? "int" : "bool", 7);
    const suffixes: string[] = [];
    if (this.numel() === 0 && this.dim() !== 1) suffixes.push(`size=(${this.shape.join(", ")})`);
    // An empty tensor has no values to show its dtype by, so PyTorch names it (int32 prints as its int64).
    if (this.numel() === 0 && this.dtype !== "float32") suffixes.push(`dtype=torch.${this.dtype === "int32" ? "int64" : "bool"}`);
    if (this.device === "cuda") suffixes.unshift("device='cuda:0'");
    if (this.grad_fn) suffixes.push(`grad_fn=<${this.grad_fn.name()}>`);
    else if (this.requires_grad) suffixes.push("requires_grad=True");
    return addSuffixes("tensor(" + body, suffixes, 7);
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

  *[Symbol.iterator](): IterableIterator<Tensor> {
    if (this.dim() === 0) throw new TypeError("iteration over a 0-d tensor");
    for (let i = 0; i < this.shape[0]; i++) yield M.select(this, 0, i);
  }

  get [Symbol.toStringTag](): string {
    return "Tensor";
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

function checkDevice(device: string): void {
  const kind = device.split(":")[0];
  if (kind !== "cpu" && kind !== "cuda") throw new RuntimeError(`Expected one of cpu, cuda device type at start of device string: ${device}`);
  if (kind === "cuda" && deviceName() !== "cuda") {
    throw new RuntimeError(
      "Torch not compiled with CUDA enabled: torchlab uses CUDA only through @tensorflow/tfjs-node-gpu (see README, 'GPU'). " +
        "Use torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu') to run anywhere.",
    );
  }
}
