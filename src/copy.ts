/**
 * Python's `copy` module as PyTorch code uses it: `best_model_wts = copy.deepcopy(model.state_dict())`
 * (the transfer-learning tutorial), `ema = copy.deepcopy(model)`, `copy.copy(config)`. In every
 * notebook's scope as `copy` (kernel/prelude.ts).
 *
 * deepcopy follows Python's protocol: a memo so that an object reached twice is copied once (a weight
 * shared by two layers stays shared), an object's own `__deepcopy__(memo)` when it has one (a Module's,
 * src/nn/modules/module.ts: a module of the same class with independent parameters, buffers and
 * submodules, its hooks kept as PyTorch keeps them), and for a Tensor PyTorch's `Tensor.__deepcopy__`:
 * new storage, the same dtype and requires_grad, its grad copied, a Parameter stays a Parameter, and a
 * tensor that is not a graph leaf is PyTorch's RuntimeError. Arrays, plain objects (an OrderedDict
 * state_dict keeps its print), Maps, Sets and class instances (an optimizer) are copied member by member;
 * functions, like Python's, are shared. Two views of one tensor become two tensors, where PyTorch keeps
 * them sharing one copied storage.
 */
import { NotImplementedError, RuntimeError } from "./errors";
import { Parameter } from "./nn/parameter";
import { Tensor } from "./tensor/tensor";

/** What deepcopy has copied so far in one call: original -> copy (Python's `memo`). */
export type Memo = Map<unknown, unknown>;

interface DeepCopyable {
  __deepcopy__(memo: Memo): unknown;
}

/**
 * Python's `copy.deepcopy(x)`: a copy of `x` and of everything it holds, sharing nothing with it.
 * @example const best_model_wts = copy.deepcopy(model.state_dict());
 * @example const ema_model = copy.deepcopy(model);
 */
export function deepcopy<T>(x: T, memo: Memo = new Map()): T {
  if (x === null || (typeof x !== "object" && typeof x !== "function")) return x;
  if (memo.has(x)) return memo.get(x) as T;
  const made = copyOf(x as unknown as object, memo);
  memo.set(x, made);
  return made as T;
}

function copyOf(x: object, memo: Memo): unknown {
  if (x instanceof Tensor) return copyTensor(x, memo);
  if (typeof (x as Partial<DeepCopyable>).__deepcopy__ === "function") return (x as DeepCopyable).__deepcopy__(memo);
  // Python copies functions by reference.
  if (typeof x === "function") return x;
  if (Array.isArray(x)) {
    const out: unknown[] = [];
    memo.set(x, out);
    for (const v of x) out.push(deepcopy(v, memo));
    copyOwn(x, out, memo, (k) => k !== "length" && !(typeof k === "string" && /^\d+$/.test(k)));
    return out;
  }
  if (x instanceof Map) {
    const out = new Map();
    memo.set(x, out);
    for (const [k, v] of x) out.set(deepcopy(k, memo), deepcopy(v, memo));
    return out;
  }
  if (x instanceof Set) {
    const out = new Set();
    memo.set(x, out);
    for (const v of x) out.add(deepcopy(v, memo));
    return out;
  }
  if (ArrayBuffer.isView(x)) return (x as unknown as { slice(): unknown }).slice();
  if (x instanceof Date) return new Date(x.getTime());
  const out = Object.create(Object.getPrototypeOf(x)) as object;
  memo.set(x, out);
  copyOwn(x, out, memo, () => true);
  return out;
}

/** Each own property of `from` (symbols and hidden ones too) onto `to`, values deep-copied. */
function copyOwn(from: object, to: object, memo: Memo, wanted: (key: string | symbol) => boolean): void {
  for (const key of Reflect.ownKeys(from)) {
    if (!wanted(key)) continue;
    const d = Object.getOwnPropertyDescriptor(from, key)!;
    Object.defineProperty(to, key, "value" in d ? { ...d, value: deepcopy(d.value, memo) } : d);
  }
}

/** PyTorch's Tensor.__deepcopy__. */
function copyTensor(t: Tensor, memo: Memo): Tensor {
  if (!t.is_leaf) throw new RuntimeError("Only Tensors created explicitly by the user (graph leaves) support the deepcopy protocol at the moment");
  const data = t.detach().clone();
  const out = t instanceof Parameter ? new Parameter(data, t.requires_grad) : data.requires_grad_(t.requires_grad);
  memo.set(t, out);
  if (t.grad) out.grad = deepcopy(t.grad, memo);
  return out;
}

/**
 * Python's `copy.copy(x)`: a new container holding the same items (an array, a plain object, a Map,
 * a Set, a class instance); a tensor as a new leaf over the same data (PyTorch's copy shares the storage).
 */
export function copy<T>(x: T): T {
  if (typeof x === "function" && typeof (x as Partial<DeepCopyable>).__deepcopy__ === "function") {
    // A module's fields are its own properties, not a shared `__dict__`: Python's shallow copy has no faithful counterpart.
    throw new NotImplementedError("copy.copy of a Module is not supported: use copy.deepcopy");
  }
  if (x === null || typeof x !== "object") return x;
  if (x instanceof Tensor) return x.detach().requires_grad_(x.requires_grad) as unknown as T;
  if (Array.isArray(x)) return [...x] as unknown as T;
  if (x instanceof Map) return new Map(x) as unknown as T;
  if (x instanceof Set) return new Set(x) as unknown as T;
  const out = Object.create(Object.getPrototypeOf(x)) as object;
  for (const key of Reflect.ownKeys(x as object)) Object.defineProperty(out, key, Object.getOwnPropertyDescriptor(x as object, key)!);
  return out as T;
}
