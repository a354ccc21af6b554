/**
 * Python's `<Name object at 0x7f...>` for objects PyTorch prints by identity (grad_fn nodes,
 * AccumulateGrad, pruning methods). JavaScript has no object addresses; each object gets a stable
 * made-up one the first time it is printed, distinct per object, so that `a is b` reads the same in
 * both: two prints of one node show one address, two nodes two addresses.
 */
import { pyFloat } from "./testing/pyrepr";

const addresses = new WeakMap<object, string>();
let next = 0;

/** A CPython-looking heap address (12 hex digits) for `obj`, the same at every call. */
export function objectAddress(obj: object): string {
  let a = addresses.get(obj);
  if (a === undefined) {
    // 0x7f.. as CPython's heap on Linux x86-64; 0x50 apart, as small objects are.
    a = `0x7f${(0x3c1a2b5e00 + next * 0x50).toString(16).padStart(10, "0")}`;
    next++;
    addresses.set(obj, a);
  }
  return a;
}

/** `<name object at 0x...>`, Python's default repr (what print() shows). */
export function objectRepr(obj: object, name: string): string {
  return `<${name} object at ${objectAddress(obj)}>`;
}

/**
 * `<name at 0x...>`: how IPython shows such an object as a cell's value (its pretty printer drops
 * "object"), alone or inside a list or tuple. Objects with a method under this symbol display so.
 */
export const IPYTHON_REPR = Symbol.for("torchlab.ipythonRepr");
/**
 * A Python object that prints as Python prints it: print(), `${x}` and console.log write its
 * `__str__()`, a cell's value shows its `__repr__()` (NumPy's arrays, src/tensor/ndarray.ts and
 * src/numpy/object_array.ts).
 */
export abstract class PyStrRepr {
  abstract __str__(): string;
  abstract __repr__(): string;
  toString(): string {
    return this.__str__();
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.__str__();
  }
  [IPYTHON_REPR](): string {
    return this.__repr__();
  }
}

export function ipythonRepr(obj: object, name: string): string {
  return `<${name} at ${objectAddress(obj)}>`;
}

/** `v`'s IPython form when it has one (a callable object, such as a pruning method, included), else null. */
export function ipythonReprOf(v: unknown): string | null {
  if ((typeof v !== "object" && typeof v !== "function") || v === null) return null;
  // A class shows as its qualified name (`torch.Tensor`, `__main__.Net`, `int`), as IPython shows one.
  const cls = pyClassQualname(v);
  if (cls !== null) return cls;
  const own = (v as { [IPYTHON_REPR]?: unknown })[IPYTHON_REPR];
  return typeof own === "function" ? String(own.call(v)) : null;
}

/** print()'s repr of an object marked by {@link asPyObject} / {@link asPyGenerator} (IPYTHON_REPR is its cell form). */
export const PY_REPR = Symbol.for("torchlab.pyRepr");

/** `v`'s print() form when it was marked (asPyObject, asPyGenerator), else null. */
export function pyReprOf(v: unknown): string | null {
  if ((typeof v !== "object" && typeof v !== "function") || v === null) return null;
  const own = (v as { [PY_REPR]?: unknown })[PY_REPR];
  return typeof own === "function" ? String(own.call(v)) : null;
}

function markRepr<T extends object>(obj: T, printed: (o: T) => string, cell: (o: T) => string): T {
  Object.defineProperty(obj, PY_REPR, { value: () => printed(obj), configurable: true });
  Object.defineProperty(obj, IPYTHON_REPR, { value: () => cell(obj), configurable: true });
  return obj;
}

/**
 * Marks an iterator as Python's object of type `name` (`zip`, `enumerate`, `list_iterator`): print()
 * shows `<zip object at 0x...>`, a cell's value `<zip at 0x...>` (IPython's form), as Python's do,
 * rather than Node's `Object [Generator] {}`.
 */
export function asPyObject<T extends object>(obj: T, name: string): T {
  return markRepr(obj, (o) => objectRepr(o, name), (o) => ipythonRepr(o, name));
}

/**
 * Marks an array that a method returns where Python's returns a generator (`model.parameters()`):
 * print() and a cell's value show `<generator object Module.parameters at 0x...>`, as PyTorch's. It
 * stays an array (indexing, `.length`, iterating it twice, `list(...)` a plain list of the items).
 */
export function asPyGenerator<T extends object>(obj: T, qualname: string): T {
  const text = (o: T): string => `<generator object ${qualname} at ${objectAddress(o)}>`;
  return markRepr(obj, text, text);
}

/**
 * Marks `items` as a Python tuple for printing (`((<AccumulateGrad object at 0x...>, 0), (None, 0))`,
 * as PyTorch prints next_functions); it stays an ordinary array.
 */
export const PY_TUPLE = Symbol.for("torchlab.pyTuple");
export function asPyTuple<T extends unknown[]>(items: T): T {
  Object.defineProperty(items, PY_TUPLE, { value: true });
  return items;
}

/**
 * PyTorch's `torch.return_types.<name>` (a structseq: `x.max(1)`, `torch.linalg.qr(A)`, `torch.frexp(x)`):
 * the items in order, so it destructures and indexes as the tuple it is (`const [values, indices] =
 * x.max(1)`), each also a read-only property by field name (`.values`, `.Q`), printed as PyTorch prints
 * it: `torch.return_types.max(\nvalues=tensor(...),\nindices=tensor(...))`, by print() and as a cell's value.
 */
export function asReturnType<T extends unknown[]>(name: string, fields: readonly string[], items: T): T {
  const text = (): string => `torch.return_types.${name}(\n${fields.map((f, i) => `${f}=${String(items[i])}`).join(",\n")})`;
  const hidden = (value: unknown): PropertyDescriptor => ({ value, enumerable: false, configurable: true });
  const props: PropertyDescriptorMap = {
    toString: hidden(text),
    [Symbol.for("nodejs.util.inspect.custom")]: hidden(text),
    [Symbol.for("Jupyter.display")]: hidden(() => ({ "text/plain": text() })),
  };
  fields.forEach((f, i) => { props[f] = hidden(items[i]); });
  Object.defineProperties(items, props);
  return asPyTuple(items);
}

/** Whether `x` is a class (Python's `type` instance), not a function or a callable object. */
export function isClass(x: unknown): boolean {
  return typeof x === "function" && /^class\b/.test(Function.prototype.toString.call(x));
}

/** `type(x).__name__` as Python would say it of the value a TypeScript user passed (for Python's error messages). */
export function pyTypeName(x: unknown): string {
  if (typeof x === "number") return Number.isInteger(x) ? "int" : "float";
  if (typeof x === "boolean") return "bool";
  if (typeof x === "string") return "str";
  if (x === null || x === undefined) return "NoneType";
  if (typeof x === "bigint") return "int";
  if (Array.isArray(x)) return pyIsTuple(x) ? "tuple" : "list";
  const mapping = pyMappingOf(x); // OrderedDict (a state_dict)
  if (mapping !== null) return mapping;
  if (x instanceof Map || (typeof x === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(x)))) return "dict";
  if (x instanceof Set) return "set";
  if (typeof x === "function") {
    // A class is Python's `type`.
    if (isClass(x)) return "type";
    // A callable object (a Module) is named by its class, as Python's type(x).__name__.
    const name = (x as { constructor?: { name?: string } }).constructor?.name;
    return name && !/^(Async)?(Generator)?Function$/.test(name) ? name : "function";
  }
  return (x as object).constructor?.name ?? "object";
}

/**
 * Marks a plain object as a Python dict keyed by ints (an optimizer state_dict's `state`, a loaded
 * dict whose keys were ints): JavaScript keeps each key as its digits; it prints as Python's
 * `{0: {...}}` and its `keys()` are numbers. It stays an ordinary object (`sd.state[0]`).
 */
export const PY_INT_KEYS = Symbol.for("torchlab.pyIntKeys");
export function asPyIntKeyed<T extends object>(obj: T): T {
  Object.defineProperty(obj, PY_INT_KEYS, { value: true });
  return obj;
}

/**
 * A tuple key written into a plain object (Python's `d[(i, j)] = v` on a `{}` held untyped): JavaScript
 * stores it as its text `"i,j"`, which reads back the same entry for an equal tuple; the object keeps
 * which tuple each such text stands for, so that it prints `{(i, j): v}` and its keys() are tuples.
 */
const PY_TUPLE_KEYS = Symbol.for("torchlab.pyTupleKeys");
export function pyTupleKey(obj: object, key: unknown[]): string {
  let keys = (obj as Record<symbol, Map<string, unknown[]> | undefined>)[PY_TUPLE_KEYS];
  if (keys === undefined) Object.defineProperty(obj, PY_TUPLE_KEYS, { value: (keys = new Map()) });
  const text = String(key);
  if (!keys.has(text)) keys.set(text, asPyTuple([...key]));
  return text;
}

/** `key` of `obj` as Python has it: the int when `obj` is marked int-keyed (asPyIntKeyed) and `key` spells one, the tuple a tuple key stored (pyTupleKey), else the string. */
export function pyDictKey(obj: object, key: string): unknown {
  const tuple = (obj as Record<symbol, Map<string, unknown[]> | undefined>)[PY_TUPLE_KEYS]?.get(key);
  if (tuple !== undefined) return tuple;
  return (obj as Record<symbol, unknown>)[PY_INT_KEYS] === true && /^-?(0|[1-9][0-9]{0,15})$/.test(key) ? Number(key) : key;
}

/**
 * Marks an array as holding Python floats (a float tensor's tolist()): a whole number in it prints as
 * Python's float does, `1.0`, where JavaScript's number would print `1`. It stays an ordinary array.
 */
export const PY_FLOATS = Symbol.for("torchlab.pyFloats");
export function asPyFloats<T extends unknown[]>(items: T): T {
  Object.defineProperty(items, PY_FLOATS, { value: true });
  return items;
}

/**
 * Marks the items of a list or tuple, or the values of a dict (a plain object), that are Python floats
 * as the cell wrote them (`[1.0, 2]`, `{'lr': 1.0}`, `losses.append(loss.item())` of a float tensor):
 * a whole number there prints as Python's float, `1.0`, where JavaScript's number prints `1`. The
 * container stays an ordinary one; the mark is by position (or key), so an item written over later
 * keeps it.
 */
export const PY_FLOAT_AT = Symbol.for("torchlab.pyFloatAt");
export function markPyFloat(container: object, key: number | string): void {
  let marks = (container as { [PY_FLOAT_AT]?: Set<number | string> })[PY_FLOAT_AT];
  if (marks === undefined) {
    marks = new Set();
    Object.defineProperty(container, PY_FLOAT_AT, { value: marks });
  }
  marks.add(key);
}

/** `container[key]` no longer a Python float: an int (or anything else) was written over a marked float. */
export function unmarkPyFloat(container: object, key: number | string): void {
  (container as { [PY_FLOAT_AT]?: Set<number | string> })[PY_FLOAT_AT]?.delete(key);
}

/** A list's float marks moved with its items after `removed` items at `at` were replaced by `inserted` ones (`xs.pop(0)`, `xs.insert(0, v)`). */
export function splicePyFloats(xs: unknown[], at: number, removed: number, inserted: number): void {
  const marks = (xs as { [PY_FLOAT_AT]?: Set<number | string> })[PY_FLOAT_AT];
  if (marks === undefined) return;
  const moved = [...marks].flatMap((k) => (typeof k !== "number" || k < at ? [k] : k < at + removed ? [] : [k - removed + inserted]));
  marks.clear();
  for (const k of moved) marks.add(k);
}

/** Whether `container[key]` was marked a Python float (asPyFloats, markPyFloat). */
export function isPyFloatAt(container: object, key: number | string): boolean {
  if (typeof key === "number" && (container as { [PY_FLOATS]?: boolean })[PY_FLOATS] === true) return true;
  return (container as { [PY_FLOAT_AT]?: Set<number | string> })[PY_FLOAT_AT]?.has(key) === true;
}

/** Copies `from`'s float marks onto `to`, item for item (`list(xs)`, `tuple(xs)`, `xs.copy()`; `list(map(float, words))` of the iterator it read). */
export function copyPyFloats<T extends object>(from: unknown, to: T): T {
  const iterator = from !== null && typeof from === "object" && typeof (from as { next?: unknown }).next === "function";
  if ((!Array.isArray(from) && !iterator) || !Array.isArray(to)) return to;
  if ((from as { [PY_FLOATS]?: boolean })[PY_FLOATS] === true) return asPyFloats(to as unknown[]) as unknown as T;
  const marks = (from as { [PY_FLOAT_AT]?: Set<number | string> })[PY_FLOAT_AT];
  if (marks !== undefined) for (const k of marks) markPyFloat(to, k);
  return to;
}

/**
 * A number the notebook dialect knows to be a Python float (`2.0`, `x / 2`, a float tensor's `.item()`)
 * on its way into a list, a dict, print(), str(), format() or isinstance(): the rewrite wraps it where
 * the value is consumed, and each consumer takes the number out (src/pylist.ts, kernel/dynamic_ops.ts).
 * Formatted, it is Python's float: `format(2.0)` is `2.0`, `'%s' % 2.0` is `2.0`.
 */
export class PyFloat {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
  toString(): string {
    return pyFloat(this.value);
  }
  [PY_REPR](): string {
    return pyFloat(this.value);
  }
}

/**
 * The last scalar NumPy made (`np.mean(xs)`, `a.sum()`, `np.float64(2)`, scikit-learn's scores over
 * them), and whether it is a float: NumPy's float64 scalar prints `1.0` where JavaScript's number
 * prints `1`. The notebook dialect clears it before such a call and reads it after (kernel/dynamic_ops.ts
 * np_begin / np_scalar).
 */
let numpyScalarMade: { value: number; float: boolean } | null = null;

/** Records a scalar NumPy returns (src/numpy/core.ts scalarOf). */
export function noteNumpyScalar(value: number | boolean, float: boolean): void {
  numpyScalarMade = typeof value === "number" ? { value, float } : null;
}

/** The last scalar NumPy made since the record was last taken, or null; the record is cleared. */
export function takeNumpyScalar(): { value: number; float: boolean } | null {
  const made = numpyScalarMade;
  numpyScalarMade = null;
  return made;
}

/** `x` without its PyFloat wrapper. */
export function pyNumber<T>(x: T): T {
  return (x instanceof PyFloat ? x.value : x) as T;
}

/** Whether an array was marked a tuple (asPyTuple). */
export function pyIsTuple(x: readonly unknown[]): boolean {
  return (x as unknown as Record<symbol, unknown>)[PY_TUPLE] === true;
}

/** The Python module of each of torchlab's classes that prints by identity (see pyDefaultRepr), or that a user may print (`type(x)`). */
const pyModules = new WeakMap<object, string>();

/**
 * Records the Python module `cls` lives in (`torch` for Tensor, `torch.nn.modules.linear` for Linear),
 * and gives the class Python's `__name__` (its subclasses inherit the getter and read their own name).
 */
export function setPyModule(cls: object, module: string): void {
  pyModules.set(cls, module);
  definePyName(cls);
}

/** `cls.__name__` as Python's: the class's own name, also read through a subclass. */
export function definePyName(cls: object): void {
  if ("__name__" in cls) return;
  Object.defineProperty(cls, "__name__", {
    get(this: { name: string }) {
      return this.name;
    },
    configurable: true,
  });
}

/** Fills in the modules of the library's exported classes, once, when a class without one is printed (src/py_classes_walk.ts). */
let libraryClassNamer: (() => void) | null = null;

export function setLibraryClassNamer(namer: () => void): void {
  libraryClassNamer = namer;
}

/** Names the library's classes now, if that has not happened yet (`type(x).__name__` reads the name). */
export function nameLibraryClasses(): void {
  if (libraryClassNamer === null) return;
  const namer = libraryClassNamer;
  libraryClassNamer = null;
  namer();
}

/** `cls`'s module, after the library's classes were named when it has none yet. */
function pyModuleOf(cls: object): string | undefined {
  const module = pyModules.get(cls);
  if (module !== undefined) return module;
  nameLibraryClasses();
  return pyModules.get(cls);
}

/**
 * Records Python's module of a library class that has none yet (an explicit setPyModule wins) and
 * Python's name: `type(x)` prints `<class 'module.name'>` and `__name__` is Python's name.
 */
export function nameLibraryClass(cls: object, module: string, name: string): void {
  if (!pyModules.has(cls)) pyModules.set(cls, module);
  if ((cls as { name?: string }).name !== name) {
    pyNames.set(cls, name);
    // A getter, as definePyName's: a subclass a notebook writes reads its own name.
    Object.defineProperty(cls, "__name__", {
      get(this: { name: string }) {
        return pyClassName(this);
      },
      configurable: true,
    });
  } else {
    definePyName(cls);
  }
}

/** Python's names of the library classes whose TypeScript name differs (torch.device's class is Device). */
const pyNames = new WeakMap<object, string>();

/** The object a user names a class by, where it is not the class itself (torch.Tensor is a callable Proxy of it). */
const publicClasses = new WeakMap<object, object>();

/** Records `alias` as what `type(x)` returns for instances of `cls` (and prints as `cls`). */
export function setPyPublicClass(cls: object, alias: object, module: string): void {
  publicClasses.set(cls, alias);
  pyModules.set(alias, module);
}

/** The class users name for `cls` (see setPyPublicClass), else `cls`. */
export function pyPublicClass<T extends object>(cls: T): T {
  return (publicClasses.get(cls) as T | undefined) ?? cls;
}

/** The builtin types (int, float, str, list, ...: functions or stand-ins in the dialect) by their Python names. */
const builtinTypes = new WeakMap<object, string>();

/** Marks `fn` as Python's builtin type `name`: printed `<class 'int'>`, with `fn.__name__` `name`. */
export function asPyBuiltinType<T extends object>(fn: T, name: string): T {
  builtinTypes.set(fn, name);
  Object.defineProperty(fn, "__name__", { value: name, configurable: true });
  return fn;
}

/**
 * Marks `cls`, a class of Python's builtins module (its exceptions), as one: printed `<class 'ValueError'>`,
 * not under `__main__`, with Python's `__name__` (a subclass a notebook writes reads its own name and
 * stays `__main__`'s).
 */
export function asPyBuiltinClass(cls: object, name = (cls as { name: string }).name): void {
  builtinTypes.set(cls, name);
  if (name === (cls as { name: string }).name) definePyName(cls);
  else Object.defineProperty(cls, "__name__", { value: name, configurable: true });
}

/**
 * A class's name as Python qualifies it (`torch.Tensor`, `torch.nn.modules.linear.Linear`, `__main__.Net`
 * for a class a notebook wrote, `int` for a builtin type), or null when `cls` is not a class.
 */
export function pyClassQualname(cls: unknown): string | null {
  if (typeof cls !== "function") return null;
  const builtin = builtinTypes.get(cls);
  if (builtin !== undefined) return builtin;
  const module = pyModuleOf(cls);
  if (module === undefined && !isClass(cls)) return null;
  return `${module ?? "__main__"}.${pyClassName(cls)}`;
}

/** A class's Python name: Python's where it differs from the TypeScript one (torch.device), else its name. */
function pyClassName(cls: { name: string }): string {
  return pyNames.get(cls) ?? cls.name;
}

/** `module.Name` of `obj`'s class, as Python prints `type(obj)`: a class the user wrote is `__main__`'s. */
export function pyQualname(obj: object): string {
  const cls = obj.constructor as { name: string } | undefined;
  return `${(cls && pyModuleOf(cls)) ?? "__main__"}.${cls ? pyClassName(cls) : "object"}`;
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

function defaultToString(this: object): string {
  // A subclass written as Python writes one may define __repr__.
  const own = (this as { __repr__?: unknown }).__repr__;
  return typeof own === "function" ? String(own.call(this)) : objectRepr(this, pyQualname(this));
}

/**
 * Gives `base` and its subclasses Python's default repr, for the classes PyTorch prints by identity
 * (DataLoader, Dataset, Sampler, LR schedulers): `<torch.utils.data.dataloader.DataLoader object at
 * 0x7f...>` from print and String(), `<torch.utils.data.dataloader.DataLoader at 0x7f...>` as a cell's
 * value (IPython's form), instead of Node's dump of every field (a DataLoader's dump printed its whole
 * dataset). `classes` are the library's own, defined in Python's `module`; a subclass written in a
 * notebook is `__main__.Name`, and one that defines toString (Python's `__repr__`) prints that.
 */
export function pyDefaultRepr(module: string, base: abstract new (...args: never[]) => object, ...classes: (abstract new (...args: never[]) => object)[]): void {
  for (const c of [base, ...classes]) pyModules.set(c, module);
  const proto = base.prototype as Record<PropertyKey, unknown>;
  Object.defineProperty(proto, "toString", { value: defaultToString, writable: true, configurable: true });
  Object.defineProperty(proto, IPYTHON_REPR, {
    value(this: object) {
      const custom = this.toString !== defaultToString || typeof (this as { __repr__?: unknown }).__repr__ === "function";
      return custom ? String(this) : ipythonRepr(this, pyQualname(this));
    },
    configurable: true,
  });
  Object.defineProperty(proto, INSPECT, {
    value(this: object) {
      return String(this);
    },
    writable: true,
    configurable: true,
  });
  // Python's `obj.__module__` (the class's): d2l's train loop tells PyTorch's schedulers from its own
  // callables by `scheduler.__module__ == lr_scheduler.__name__`.
  Object.defineProperty(proto, "__module__", {
    get(this: object) {
      return pyModuleOf(this.constructor as { name: string }) ?? "__main__";
    },
    configurable: true,
  });
}

/**
 * Marks a dict-like object that Python shows as a mapping class (`OrderedDict([('weight', tensor(...))])`):
 * its value under this symbol is a function returning the class name, or null when the object
 * prints otherwise (a loaded dict that is not all tensors). A cell's value so marked is laid out as
 * IPython lays out that class (src/display/pylist.ts).
 */
export const PY_MAPPING = Symbol.for("torchlab.pyMapping");

/** The Python mapping class `v` shows as (see PY_MAPPING), or null. */
export function pyMappingOf(v: unknown): string | null {
  if (typeof v !== "object" || v === null) return null;
  const f = (v as { [PY_MAPPING]?: unknown })[PY_MAPPING];
  return typeof f === "function" ? ((f.call(v) as string | null) ?? null) : null;
}
