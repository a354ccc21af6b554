/**
 * The notebook's globals at run time (kernel/live_globals_emit.ts is the emit side): Python's
 * NameError and `del name`, and the calls and attribute reads the dialect's rewrites route through
 * here (GLOBALS_REF in kernel/rewrite.ts, kernel/call_dunder.ts).
 *
 * Cells name this module in their rewritten code (`typeof import("torchlab/dist/kernel/live_globals")`),
 * so its declarations join the program of every such cell: they import nothing, where the emit side's
 * import TypeScript's own declarations (typescript.d.ts, 400 KB, parsed again by each program that
 * took this file in after one that had left it out: ~0.4 s of CPU each time on the 2-core machine).
 */
/** Python's error for a name with no binding when it is read. */
export class NameError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "NameError";
  }
}

/** The prototypes unbind gave notebooks' globals: unbound names' accessors live there. */
const unboundNames = new WeakSet<object>();

/**
 * Python's `del name` of a global (kernel/del_name.ts): the binding is removed from the notebook's
 * globals, and reading it again raises NameError until a cell binds it anew. tslab reads an earlier
 * cell's name as `exports.name`, so the read finds, behind the deleted binding, an accessor on the
 * prototype that raises; assigning the name drops the accessor and binds the value as before.
 */
export function unbind(globals: Record<string, unknown>, name: string): void {
  if (!Object.prototype.hasOwnProperty.call(globals, name)) throw new NameError(`name '${name}' is not defined`);
  delete globals[name];
  let proto = Object.getPrototypeOf(globals) as Record<string, unknown>;
  if (!unboundNames.has(proto)) {
    proto = Object.create(proto) as Record<string, unknown>;
    unboundNames.add(proto);
    Object.setPrototypeOf(globals, proto);
  }
  const owner = proto;
  Object.defineProperty(owner, name, {
    configurable: true,
    get() {
      throw new NameError(`name '${name}' is not defined`);
    },
    set(this: Record<string, unknown>, value: unknown) {
      delete owner[name];
      this[name] = value;
    },
  });
}

/**
 * The notebook's binding of `name` now (`globals` is the executor's `exports`), for a name a
 * function reads that no cell had declared when the function was compiled (kernel/rewrite.ts's
 * lateBoundNames).
 */
export function lookup(globals: Record<string, unknown>, name: string): any {
  if (!(name in globals)) throw new NameError(`name '${name}' is not defined`);
  return globals[name];
}

/** Whether `f` is a class (only functions with their own `prototype` can be: methods and arrows have none). */
const classes = new WeakMap<Function, boolean>();
export function isClass(f: Function): boolean {
  if (!Object.prototype.hasOwnProperty.call(f, "prototype")) return false;
  let known = classes.get(f);
  if (known === undefined) classes.set(f, (known = /^class\b/.test(Function.prototype.toString.call(f))));
  return known;
}

/** A class called as Python calls it: constructed. */
function constructing(value: Function): (...args: unknown[]) => unknown {
  const cls = value as new (...args: unknown[]) => unknown;
  return (...args: unknown[]) => new cls(...args);
}

/**
 * How Python calls `value` where JavaScript's call would not: a class constructs, an object whose
 * class defines `__call__` is called through it; null for anything else.
 */
function pythonCall(value: unknown): ((...args: unknown[]) => unknown) | null {
  if (typeof value === "function") return isClass(value) ? constructing(value) : null;
  if (typeof value === "object" && value !== null && typeof (value as { __call__?: unknown }).__call__ === "function") {
    const instance = value as { __call__: (...args: unknown[]) => unknown };
    return (...args: unknown[]) => instance.__call__(...args);
  }
  return null;
}

/**
 * lookup for a name that is called, `LayerNorm(layer.size)` in a class whose cell comes before the
 * one that declares `class LayerNorm`: Python calls a class to construct it, and the dialect's `new`
 * (inserted where TypeScript says a class is called without it) cannot be, as the name had no type
 * when the caller was compiled. A class is called with `new`, anything else as it is.
 */
export function callee(globals: Record<string, unknown>, name: string): any {
  const value = lookup(globals, name);
  return typeof value === "function" && isClass(value) ? constructing(value) : value;
}

/**
 * Python's call of a value that is known only at run time (an untyped parameter, kernel/call_dunder.ts):
 * an object whose class defines `__call__` is called through it, a class constructs (as `callee`), a
 * function or module is called as it is.
 */
export function callable(value: unknown): any {
  return pythonCall(value) ?? value;
}

/**
 * Python's call of an attribute `receiver.name(...)` whose value is known only at run time (an untyped
 * receiver or property, kernel/call_dunder.ts): a function is called with `receiver` as `this` (a
 * tensor's or module's own method), a class constructs (`self.act_fn()` given `nn.ReLU`), an object
 * whose class defines `__call__` is called through it (`self.transform(sample)` given a `MulTransform`),
 * and a name JavaScript's string, array or plain object lacks is Python's str, list or dict method
 * (`item.strip()` on an untyped `item`, `self.input_ids.append(t)`, `vocab.items()`), as is one whose
 * JavaScript form means something else, called Python's way (`line.split()`, `xs.sort()`, `xs.pop(0)`).
 */
export function attribute(receiver: unknown, value: unknown, name?: string): any {
  const called = pythonCall(value);
  if (called) return called;
  // Required here, not imported: the converter's worker loads this file for its emit transformer, without the library.
  // A built-in method of that name may mean something else in Python (`s.split()`, `xs.sort()`, `xs.pop(0)`).
  if (name !== undefined && (value === undefined || typeof value === "function")) {
    const method = (require("./dynamic_ops") as typeof import("./dynamic_ops")).pythonMethod(receiver, name, value);
    if (method !== undefined) return method;
    if (value === undefined) throw noAttribute(receiver, name);
  }
  if (typeof value === "function") {
    const f = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => Reflect.apply(f, receiver, args);
  }
  // Python's error for calling what is no function, not JavaScript's "attribute(...) is not a function".
  throw notCallable(value);
}

/** Python's AttributeError for `receiver.name` that the receiver lacks (required here: see attribute). */
function noAttribute(receiver: unknown, name: string): Error {
  const { AttributeError } = require("../src/errors") as typeof import("../src/errors");
  const { pyTypeName } = require("../src/pyrepr") as typeof import("../src/pyrepr");
  return new AttributeError(`'${pyTypeName(receiver)}' object has no attribute '${name}'`);
}

/** Python's TypeError for calling a value that is no function (`self.n()` where n is an int). */
function notCallable(value: unknown): Error {
  const { pyTypeName } = require("../src/pyrepr") as typeof import("../src/pyrepr");
  return new TypeError(`'${pyTypeName(value)}' object is not callable`);
}

/**
 * attribute for a receiver that is no chain of names (`run._asdict().items()`, `cfg().keys()`,
 * kernel/call_dunder.ts): the receiver is evaluated once, and `read` takes the attribute from it.
 */
export function attributeOf(receiver: unknown, read: (receiver: any) => unknown, name: string): any {
  // Python's error for the missing attribute, not JavaScript's "attributeOf(...) is not a function".
  if (receiver === null || receiver === undefined) throw noAttribute(receiver, name);
  return attribute(receiver, read(receiver), name);
}
