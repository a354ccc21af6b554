/**
 * Shared plumbing for ops: run tfjs work in a tidy scope, wrap the result as a Tensor and, when an
 * input requires grad and grad mode is on, attach the autograd Node with the op's backward closure.
 */
import { tf } from "../backend/tf";
import * as D from "../tensor/dtype";
import { ensureReady } from "../backend";
import { withMemoryRetry, isAllocationFailure } from "../backend/guard";
import { cpuMatMul } from "../backend/matmul_kernel";
import { torchSumT } from "../backend/sum_kernels";
import { BackwardFn, Node } from "../autograd/node";
import { is_grad_enabled, is_backward_differentiable } from "../autograd/grad_mode";
import { anyTangent, jvpOfClosure, setLazyTangent, tangentOf, withJvpInputs } from "../autograd/forward_state";
import { Tensor, DType } from "../tensor/tensor";
import { IndexError, RuntimeError, TypeError } from "../errors";
import { warnOnce } from "../warnings";
import { propagatePointwise } from "../tensor/memory_format";

export { tf };

/**
 * Runs tfjs work with intermediates freed; only the returned tensor survives. An allocation that
 * fails reclaims unreachable tensors and runs `fn` once more, then raises OutOfMemoryError.
 */
export function compute<T extends tf.Tensor>(fn: () => T): T {
  ensureReady();
  // The first attempt without withMemoryRetry's closure, and with the engine's scope calls that
  // tf.tidy makes through three closures of its own: this runs once per op.
  const engine = tf.engine();
  engine.startScope();
  const scope = (engine as unknown as EngineScopes).state.activeScope;
  let y: T;
  try {
    y = fn();
  } catch (e) {
    engine.endScope();
    if (!isAllocationFailure(e)) throw e;
    return withMemoryRetry(() => tf.tidy(fn), true);
  }
  endScopeKeeping(engine as unknown as EngineScopes, scope, y);
  return y;
}

/** The parts of tfjs-core's Engine that a scope's end touches (its fields are not in its public types). */
interface EngineScopes {
  state: { activeScope: TfScope | null; scopeStack: TfScope[] };
  track(t: tf.Tensor): tf.Tensor;
  endScope(result?: tf.TensorContainer): void;
}

interface TfScope {
  track: tf.Tensor[];
  id: number;
}

/**
 * What `engine.endScope(y)` does for a result that is one tensor: dispose what the scope tracked
 * except `y` and kept tensors, pop the scope, and track `y` in the parent scope if this scope made it.
 * tfjs's endScope takes any container, so it walks it and builds a Set of its ids first, on every op;
 * anything else (a scope left open inside `fn`, a result that is not a tensor) goes to it unchanged.
 */
function endScopeKeeping(engine: EngineScopes, scope: TfScope | null, y: tf.Tensor): void {
  const state = engine.state;
  if (scope === null || state.activeScope !== scope || !(y instanceof tf.Tensor)) {
    engine.endScope(y);
    return;
  }
  const track = scope.track;
  for (let i = 0; i < track.length; i++) {
    const t = track[i];
    if (!t.kept && t.id !== y.id) t.dispose();
  }
  const stack = state.scopeStack;
  stack.pop();
  state.activeScope = stack.length === 0 ? null : stack[stack.length - 1];
  if (!y.kept && (y as unknown as { scopeId: number }).scopeId === scope.id) engine.track(y);
}

/**
 * Wraps `y` as the result of op `name` over `inputs`; records the graph when needed. Pass
 * `savesOutput` when `backward` reads the result, so an in-place write to it is caught at backward;
 * `readsInputs`: which inputs the backward reads (PyTorch's saved variables, checked for in-place
 * writes at backward): all (true), none (false: view ops, whose backward needs only shapes, and ops
 * such as add), or a bit mask (crossReads for a product).
 */
export function record(name: string, inputs: Tensor[], y: tf.Tensor, backward: BackwardFn, savesOutput = false, readsInputs: boolean | number = true): Tensor {
  // An op that hands back its input's own buffer (a sum or cumsum over a 0-d tensor is the value
  // itself) must not make a second owner of it: the result being collected would free the input's.
  if (inputs.some((t) => t._s.data === y)) y = tf.clone(y);
  let dt: DType | null = null;
  if (y.dtype === "int32") {
    dt = intResult(inputs);
    if (dt._range !== null && WRAPPING.has(name)) y = wrapInt(y, dt);
  }
  const out = Tensor._wrap(y);
  if (dt !== null) out._s.dt = dt;
  else if (y.dtype === "float32" && anyFloat64(inputs)) out._s.dt = floatResult(inputs);
  if (y.rank >= 4) propagatePointwise(name, out, inputs);
  if (is_grad_enabled() && anyRequiresGrad(inputs)) {
    // An empty result depends on nothing: zero gradients, without running tfjs kernels on empty
    // tensors (several wasm kernels read out of bounds on them).
    const fn: BackwardFn = y.size === 0 ? () => inputs.map((t) => (t.dtype._tf === "float32" ? tf.zeros(t.shape) : null)) : backward;
    const node = new Node(name, inputs, fn, readsInputs);
    if (savesOutput) node.saveOutput(out);
    out._attach(node);
  }
  if (anyTangent(inputs)) forwardGrad(name, inputs, out, backward);
  return out;
}

/**
 * Marks `ts` (tensors an op's backward reads that are not among its recorded inputs: a mask, an index,
 * the indices of a max) as saved by the node that just made `out`, as PyTorch's node saves them: a
 * second backward then raises, and so does an in-place write to one of them before backward.
 */
export function saves<T extends Tensor>(out: T, ...ts: Tensor[]): T {
  const node = out._gradFnRaw();
  if (node !== null) for (const t of ts) node.holdSaved(t);
  return out;
}

/**
 * Forward-mode AD: the tangent of `out` from its inputs' (forward_state.ts), float outputs only. The
 * inputs' tangents are taken now; the closure runs when the tangent is first read (the op may not
 * have assigned the output its closure reads yet).
 */
function forwardGrad(name: string, inputs: Tensor[], out: Tensor, backward: BackwardFn): void {
  if (out.dtype._tf !== "float32") return;
  const ts = inputs.map((t) => tangentOf(t));
  const duals = new Set(inputs.filter((_, i) => ts[i] !== null));
  const shape = out.shape;
  setLazyTangent(out, () => {
    const tangent = compute(() =>
      out.numel() === 0 ? tf.zeros(shape) : withJvpInputs(duals, () => jvpOfClosure(name, backward, shape, ts.map((t) => (t === null ? null : t._t)))),
    );
    return Tensor._wrap(tangent);
  });
}

/**
 * Ops whose integer results can leave a narrow dtype's range (uint8 255 + 1): record() wraps them
 * into it, as PyTorch's fixed-width arithmetic does. Others (max, gather, floor_divide of in-range
 * values, ...) stay in range; sums, products and cumsums promote to int64 and are never wrapped.
 */
const WRAPPING = new Set([
  "AddBackward0", "SubBackward0", "RsubBackward0", "RsubBackward1", "MulBackward0", "NegBackward0",
  "PowBackward0", "PowBackward1", "AbsBackward0", "DivBackward1", "AddcmulBackward0", "LerpBackward0",
]);

/**
 * `y` (int32 storage) wrapped into narrow integer dtype `dt`'s range, two's complement as C's
 * conversions do: 256 is 0 in uint8, 128 is -128 in int8. Other dtypes pass through. Takes `y`
 * over: it is disposed when a wrapped copy replaces it.
 */
export function wrapInt(y: tf.Tensor, dt: DType): tf.Tensor {
  const r = dt._range;
  if (r === null) return y;
  const span = r[1] - r[0] + 1;
  const out = compute(() => {
    const shifted = r[0] === 0 ? y : tf.sub(y, tf.scalar(r[0], "int32"));
    const m = tf.mod(shifted, tf.scalar(span, "int32"));
    return r[0] === 0 ? m : tf.add(m, tf.scalar(r[0], "int32"));
  });
  y.dispose();
  return out;
}

/** One number wrapped into narrow integer dtype `dt`'s range (see wrapInt). */
export function wrapIntValue(v: number, dt: DType): number {
  const r = dt._range;
  if (r === null) return v;
  const span = r[1] - r[0] + 1;
  return ((((v - r[0]) % span) + span) % span) + r[0];
}

/**
 * The dtype of an integer result over `inputs`, by PyTorch's promotion (D.promoteTypes) of the integer
 * inputs of the highest priority (dimensioned tensors over 0-d ones); int64 when none is an integer.
 * Ops whose integer result is int64 whatever the input (indices, sums) label it with withDtype.
 */
export function intResult(inputs: Tensor[]): DType {
  let dimmed = false;
  let dt: DType | null = null;
  for (const t of inputs) {
    const d = t.dtype;
    if (d._tf !== "int32") continue;
    const hasDims = t._s.data.rank > 0;
    if (hasDims && !dimmed) {
      dimmed = true;
      dt = null;
    } else if (!hasDims && dimmed) continue;
    dt = dt === null ? d : D.promoteTypes(dt, d);
  }
  return dt ?? D.int64;
}

function anyFloat64(inputs: Tensor[]): boolean {
  for (let i = 0; i < inputs.length; i++) if (inputs[i]._s.dt === D.float64) return true;
  return false;
}

/**
 * The dtype of a float result over `inputs` when one of them is float64, by PyTorch's promotion:
 * float64 when a float64 input is among the floating inputs of the highest priority (dimensioned
 * tensors over 0-d ones; a 0-d float64 next to a dimensioned integer tensor still promotes it).
 */
export function floatResult(inputs: Tensor[]): DType {
  let dimmed = false;
  let any64 = false;
  for (const t of inputs) {
    const d = t.dtype;
    if (!d.is_floating_point) continue;
    const hasDims = t._s.data.rank > 0;
    if (hasDims && !dimmed) {
      dimmed = true;
      any64 = false;
    } else if (!hasDims && dimmed) continue;
    if (d === D.float64) any64 = true;
  }
  return any64 ? D.float64 : D.float32;
}

/** Labels a freshly made `t` (one no other tensor shares storage with) as dtype `dt`. */
export function withDtype(t: Tensor, dt: DType): Tensor {
  t._s.dt = dt;
  return t;
}

function anyRequiresGrad(inputs: Tensor[]): boolean {
  for (let i = 0; i < inputs.length; i++) if (inputs[i].requires_grad) return true;
  return false;
}

/**
 * A result that carries no gradient (comparisons, argmax, integer outputs). A pointwise one passes its
 * `inputs`, whose channels-last layout it keeps as TensorIterator does.
 */
export function constant(y: tf.Tensor, inputs?: Tensor[]): Tensor {
  const out = Tensor._wrap(y);
  if (inputs !== undefined && y.rank >= 4) propagatePointwise("", out, inputs);
  return out;
}

/** A float result that carries no gradient, computed from `inputs`: float64 when they promote to it (see floatResult). */
export function constantOf(inputs: Tensor[], y: tf.Tensor): Tensor {
  const out = Tensor._wrap(y);
  if (y.dtype === "float32" && anyFloat64(inputs)) out._s.dt = floatResult(inputs);
  if (y.rank >= 4) propagatePointwise("", out, inputs);
  return out;
}

export function isTensor(x: unknown): x is Tensor {
  return x instanceof Tensor;
}

/** PyTorch's type promotion for two operands, our three dtypes only. */
export function promote(a: DType, b: DType): DType {
  return D.promoteTypes(a, b);
}

/**
 * `values` hold a whole number where PyTorch makes an int64 tensor (past int32's range, below 2**63:
 * `torch.tensor(2 ** 40)`, `torch.arange(0, 2 ** 33, 2 ** 31)`, `x * 3000000000`), which torchlab,
 * holding int64 in 32 bits, makes float32 instead. Said, never silent: a UserWarning where float32
 * holds every such value exactly, a RuntimeError (PyTorch has none: its int64 holds them) where float32
 * would round one (3000000001 to 3000000000). A magnitude from 2**63 on is no int64 in PyTorch either (a float there), so it passes.
 */
export function refuseInexactInt64(op: string, values: Iterable<number | boolean>): void {
  let first: number | null = null;
  for (const v of values) {
    if (typeof v !== "number" || !Number.isInteger(v) || (v <= 2147483647 && v >= -2147483648) || Math.abs(v) >= 2 ** 63) continue;
    if (Math.fround(v) !== v) {
      throw new RuntimeError(
        `${op}(): the integer ${v} is past the range torchlab holds int64 in (-2147483648 to 2147483647: int64 is stored in 32 bits), ` +
          `and float32 would round it to ${Math.fround(v)}; pass {dtype: torch.float32} to accept that`,
      );
    }
    first ??= v;
  }
  if (first !== null) {
    warnOnce(
      `${op}(): the integer ${first} is past the range torchlab holds int64 in (-2147483648 to 2147483647: int64 is stored in 32 bits), ` +
        `so the tensor is float32 where PyTorch's is int64; float32 holds whole numbers exactly only up to 2**24 (16777216) and their multiples of powers of two`,
    );
  }
}

/** The dtype a plain JS value takes next to a tensor of dtype `like` (PyTorch's "wrapped number" rule). */
export function scalarDtype(v: number | boolean, like: DType, op = "operand"): DType {
  if (typeof v === "boolean") return like;
  // Past int32's range a whole number would wrap in an int32 tensor: it promotes to float32 instead, said so.
  if (like.is_floating_point) return like;
  if (!Number.isInteger(v) || v > 2147483647 || v < -2147483648) {
    if (like !== D.bool) refuseInexactInt64(op, [v]);
    return D.defaultFloatDtype();
  }
  return like === D.bool ? D.int64 : like;
}

/** Turns a number/boolean operand into a 0-d tensor with PyTorch's promotion against `like`. */
export function operand(x: Tensor | number | boolean, like: Tensor, op: string): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x !== "number" && typeof x !== "boolean") {
    throw new TypeError(`${op}(): argument 'other' must be a Tensor or a number, not ${describe(x)}`);
  }
  const dtype = scalarDtype(x, like.dtype, op);
  return withDtype(Tensor._wrap(compute(() => tf.scalar(typeof x === "boolean" ? Number(x) : x, dtype._tf))), dtype);
}

export function describe(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "array";
  if (x instanceof Tensor) return "Tensor";
  return typeof x === "object" ? (x as object).constructor?.name ?? "object" : typeof x;
}

/** Casts a tf tensor to `dtype` (a torch.dtype or a tfjs storage dtype) if needed (inside a tidy). */
export function as(t: tf.Tensor, dtype: DType | D.StorageDtype): tf.Tensor {
  const d = typeof dtype === "string" ? dtype : dtype._tf;
  return t.dtype === d ? t : tf.cast(t, d);
}

/**
 * `x` broadcast to `shape` (which it must broadcast to). tfjs's broadcastTo runs the Tile kernel,
 * which on wasm walks every output element in scalar code (~120 ms for 1M floats, measured); an add
 * to a filled tensor uses the backends' vectorised broadcasting binary op instead (~4 ms).
 */
export function expandTo(x: tf.Tensor, shape: readonly number[]): tf.Tensor {
  if (x.shape.length === shape.length && x.shape.every((d, i) => d === shape[i])) return x;
  if (x.dtype === "bool" || x.dtype === "string" || numelOf(shape) === 0) return tf.broadcastTo(x, shape as number[]);
  // One value (a reduced loss's gradient): a fill with it, without the add's pass over the output.
  // (Not while a backward runs as a recorded op: the fill would cut tfjs's tape from `x`.)
  if (x.size === 1 && !is_backward_differentiable()) return tf.fill(shape as number[], x.dataSync()[0], x.dtype);
  return tf.add(tf.fill(shape as number[], 0, x.dtype), x);
}

/**
 * tf.where for a bool condition and operands of one shape: the Select kernel directly, without the
 * three broadcastTo calls (three Identity kernels when nothing broadcasts) tfjs's where makes first.
 */
export function select(c: tf.Tensor, a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const same = (x: tf.Tensor): boolean => x.shape.length === a.shape.length && x.shape.every((d, i) => d === a.shape[i]);
  if (c.dtype !== "bool" || a.dtype !== b.dtype || !same(b) || !same(c)) return tf.where(c, a, b);
  return tf.engine().runKernel("Select", { condition: c, t: a, e: b }) as tf.Tensor;
}

/**
 * A 2-D product with optionally transposed operands. wasm's kernel runs a transposed operand through
 * a scalar loop instead of XNNPACK (a [64,10] x [10816,10]^T product: ~20 ms vs ~1.5 ms), so there the
 * transposes are materialised, choosing between op(x) op(y) and (op(y)^T op(x)^T)^T by the number of
 * elements moved (measured with fresh operands, as in training: the [10816,64] x [64,10] weight
 * gradient of the tutorial's Linear takes ~3 ms, its [10,64] x [64,10816] mirror ~6 ms). The cpu
 * backend takes float32 products through torchlab's packed kernel (src/backend/matmul_kernel.ts),
 * which reads transposed operands as fast as plain ones.
 */
export function matMul2d(x: tf.Tensor, y: tf.Tensor, ta: boolean, tb: boolean): tf.Tensor {
  const backend = tf.getBackend();
  if (backend === "cpu") return cpuMatMul(x, y, ta, tb) ?? tf.matMul(x, y, ta, tb);
  if (!(ta || tb) || backend !== "wasm") return tf.matMul(x, y, ta, tb);
  if (directPays(x, y, ta, tb)) return tf.matMul(ta ? tf.transpose(x) : x, tb ? tf.transpose(y) : y);
  return tf.transpose(tf.matMul(tb ? y : tf.transpose(y), ta ? x : tf.transpose(x)));
}

/**
 * For matMul2d on wasm: whether op(x) op(y) with the transposed operands materialised moves fewer
 * elements than (op(y)^T op(x)^T)^T.
 */
export function directPays(x: tf.Tensor, y: tf.Tensor, ta: boolean, tb: boolean): boolean {
  // XNNPACK repacks the right operand of each new tensor (~2 element moves each): weigh that in too.
  const n = x.shape[ta ? 1 : 0] ?? 0;
  const m = y.shape[tb ? 0 : 1] ?? 0;
  // A Transpose kernel call itself costs about as much as moving ~8000 elements (dispatch).
  const call = 8000;
  const direct = (ta ? x.size + call : 0) + (tb ? y.size + call : 0) + 2 * y.size;
  const swapped = (ta ? 0 : x.size + call) + (tb ? 0 : y.size + call) + n * m + call + 2 * x.size;
  return direct <= swapped;
}

/** Sums a broadcast gradient back down to `shape`. */
export function sumTo(g: tf.Tensor, shape: readonly number[]): tf.Tensor {
  if (g.shape.length === shape.length && g.shape.every((d, i) => d === shape[i])) return g;
  const lead = g.rank - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < g.rank; i++) {
    if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) axes.push(i);
  }
  if (!axes.length) return tf.reshape(g, shape as number[]);
  // PyTorch's sum_to sums the (contiguous) gradient as `grad.sum(dims)` does: the same order as a
  // forward sum (sum_kernels.ts), so `(-dnorm).sum(1, keepdim=True)` written by hand equals the
  // `.grad` that broadcasting's backward leaves, bit for bit (makemore part 4's `cmp`).
  const strides = g.shape.map((_, i) => g.shape.slice(i + 1).reduce((a, b) => a * b, 1));
  return tf.reshape(torchSumT(g, axes, strides, false) ?? tf.sum(g, axes, true), shape as number[]);
}

/** Normalises a possibly negative dim, raising PyTorch's IndexError when out of range. */
export function normDim(dim: number, ndim: number, op?: string): number {
  const n = Math.max(ndim, 1);
  if (!Number.isInteger(dim)) throw new TypeError(`${op ?? "op"}(): dim must be an integer, got ${dim}`);
  if (dim < -n || dim >= n) {
    throw new IndexError(
      `${op ? op + "(): " : ""}Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`,
    );
  }
  return dim < 0 ? dim + n : dim;
}

/** Broadcast shape of two shapes, or null if they do not broadcast. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out[i] = x === 1 ? y : x;
  }
  return out;
}

/**
 * PyTorch's broadcast error, "The size of tensor a (3) must match the size of tensor b (4) at
 * non-singleton dimension 1", for the first dim (from the left of the broadcast shape) where `a`
 * and `b` disagree; null when they broadcast.
 */
export function broadcastMismatch(a: readonly number[], b: readonly number[]): string | null {
  const n = Math.max(a.length, b.length);
  // From the last dimension back, as PyTorch's infer_size reports the first mismatch it meets.
  for (let i = n - 1; i >= 0; i--) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return `The size of tensor a (${x}) must match the size of tensor b (${y}) at non-singleton dimension ${i}`;
  }
  return null;
}

export function numelOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}
