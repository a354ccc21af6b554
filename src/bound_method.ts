/**
 * Python's repr of a method read off an object as a value: Kaggle's `print("Array Type: {}".format(tensor.type))`
 * (the method, not the call) prints `<built-in method type of Tensor object at 0x7f...>`, `print(model.parameters)`
 * prints `<bound method Module.parameters of Net(...)>`; JavaScript's inspect wrote `[Function: bound type]`.
 * The notebook dialect binds such a method to its object (kernel/dynamic_ops.ts `bound`), and the bound
 * function is marked here with the repr Python gives it: a method of a built-in type (a tensor's C methods,
 * NumPy's, a list's, a str's, a dict's) is a built-in method of that object, any other (an nn.Module's, the
 * Python-level methods of torch.Tensor, a notebook class's) a bound method of the class that defines it.
 */
import { pythonRepr } from "./display/pylist";
import { ndarray } from "./tensor/ndarray";
import { Tensor } from "./tensor/tensor";
import { IPYTHON_REPR, objectAddress, objectRepr, PY_REPR, pyClassQualname, pyIsTuple, pyQualname, pyTypeName } from "./pyrepr";

/** torch.Tensor's methods written in Python (torch/_tensor.py in 1.13), which print as bound methods. */
const TENSOR_PYTHON_METHODS: ReadonlySet<string> = new Set([
  "align_to", "backward", "eig", "is_shared", "istft", "lstsq", "lu", "norm", "refine_names", "register_hook", "reinforce", "rename", "rename_",
  "resize", "resize_as", "share_memory_", "solve", "split", "stft", "storage", "storage_type", "to_sparse_coo", "unflatten", "unique", "unique_consecutive",
]);

/** The Python type whose methods are built-in, by its name in the repr; null for a Python-level class. */
function builtinTypeName(self: unknown, name: string): string | null {
  if (self instanceof Tensor) return TENSOR_PYTHON_METHODS.has(name) ? null : pyTypeName(self);
  if (self instanceof ndarray) return "numpy.ndarray";
  if (typeof self === "string") return "str";
  if (Array.isArray(self)) return pyIsTuple(self) ? "tuple" : "list";
  if (self instanceof Map || (typeof self === "object" && self !== null && [Object.prototype, null].includes(Object.getPrototypeOf(self)))) return "dict";
  return null;
}

/** The Python name of the class that defines `name` for `self` (`Module` for a Net's `parameters`). */
function definingClass(self: object, name: string): string {
  for (let proto = Object.getPrototypeOf(self); proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if (!Object.prototype.hasOwnProperty.call(proto, name)) continue;
    const qualname = pyClassQualname(proto.constructor);
    if (qualname !== null) return qualname.slice(qualname.lastIndexOf(".") + 1);
  }
  return pyTypeName(self);
}

/** Python's repr of `self.name` read as a value. */
export function methodRepr(self: unknown, name: string): string {
  const builtin = builtinTypeName(self, name);
  if (builtin !== null) return `<built-in method ${name} of ${builtin} object at ${objectAddress(Object(self))}>`;
  const obj = Object(self) as object;
  return `<bound method ${definingClass(obj, name)}.${name} of ${pythonRepr(self) ?? objectRepr(obj, pyQualname(obj))}>`;
}

/** `fn` (the method `name` bound to `self`), printing as Python's method (see above). */
export function asBoundMethod<F extends object>(fn: F, self: unknown, name: string): F {
  const text = (): string => methodRepr(self, name);
  Object.defineProperty(fn, PY_REPR, { value: text, configurable: true });
  Object.defineProperty(fn, IPYTHON_REPR, { value: text, configurable: true });
  return fn;
}
