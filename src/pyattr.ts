/**
 * Python's attribute builtins for notebook cells: `getattr(obj, name[, default])`, `hasattr(obj, name)`
 * and `setattr(obj, name, value)`, as a course picks its optimizer by name from a config dict
 * (`getattr(torch.optim, config['optimizer'])(model.parameters(), **config['optim_hparas'])`).
 */
import { AttributeError, TypeError } from "./errors";
import { isClass, pyTypeName } from "./pyrepr";
import { len } from "./utils/data/dataset";

/** A module's exports: an ES module namespace, or the library's own modules as compiled (`torch.optim`). */
function isModuleNamespace(obj: unknown): boolean {
  if (typeof obj !== "object" || obj === null) return false;
  return (obj as Record<symbol, unknown>)[Symbol.toStringTag] === "Module" || Object.getOwnPropertyDescriptor(obj, "__esModule")?.value === true;
}

/** The trees of Python modules the library exports (`torch`, `torchvision`), by their Python names. */
const moduleRoots = new Map<string, object>();

/** Registers `root` and what hangs below it as Python's module `name` (src/index.ts: torch, torchvision). */
export function registerPyModules(name: string, root: object): void {
  moduleRoots.set(name, root);
}

/**
 * Python's dotted name of a module of the library (`torch.optim`, `torch.linalg`,
 * `torchvision.transforms`), found below the registered roots, or null. A module is a compiled
 * module's exports or a plain object under a lower-case name (`torch.linalg = {...}`). Only an
 * error's message asks, so a walk is cheap enough.
 */
function moduleName(obj: object): string | null {
  const seen = new Set<object>();
  const walk = (node: object, name: string, depth: number): string | null => {
    if (node === obj) return name;
    if (depth === 0 || seen.has(node)) return null;
    seen.add(node);
    for (const key of Object.keys(node)) {
      if (!/^[a-z][a-z0-9_]*$/.test(key)) continue;
      const d = Object.getOwnPropertyDescriptor(node, key);
      // A compiled module re-exports through getters; a plain object's getters may compute, so are not read.
      const value = d?.get !== undefined && isModuleNamespace(node) ? (node as Record<string, unknown>)[key] : d?.value;
      if (typeof value !== "object" || value === null) continue;
      if (!isModuleNamespace(value) && Object.getPrototypeOf(value) !== Object.prototype) continue;
      const found = walk(value, `${name}.${key}`, depth - 1);
      if (found !== null) return found;
    }
    return null;
  };
  for (const [name, root] of moduleRoots) {
    const found = walk(root, name, 4);
    if (found !== null) return found;
  }
  return null;
}

function checkName(name: unknown): asserts name is string {
  if (typeof name !== "string") throw new TypeError(`attribute name must be string, not '${pyTypeName(name)}'`);
}

/**
 * Python's built-in containers as a notebook holds them (a list or tuple is an array, a dict a plain
 * object or a Map, a set a Set, a str a string): each has `__len__`, which d2l's `plot` and Animator
 * ask for (`hasattr(y, "__len__")`) to tell a list of values from a single one.
 */
function builtinSized(obj: unknown): boolean {
  return typeof obj === "string" || Array.isArray(obj) || obj instanceof Map || obj instanceof Set ||
    (typeof obj === "object" && obj !== null && [Object.prototype, null].includes(Object.getPrototypeOf(obj)));
}

function has(obj: unknown, name: string): boolean {
  if (obj === null || obj === undefined) return false;
  if (name === "__len__" && builtinSized(obj)) return true;
  if (typeof obj !== "object" && typeof obj !== "function") return name in Object(obj);
  try {
    return name in (obj as object) && (obj as Record<string, unknown>)[name] !== undefined;
  } catch (e) {
    // An nn.Module reports a missing attribute as Python's AttributeError.
    if (e instanceof AttributeError) return false;
    throw e;
  }
}

/** A method read off its object is bound to it, as Python's bound method; a class stays a class. */
function bound(obj: unknown, value: unknown): unknown {
  if (typeof value !== "function" || isClass(value)) return value;
  if (isModuleNamespace(obj) || typeof obj === "function") return value;
  return (value as (...args: unknown[]) => unknown).bind(obj);
}

/**
 * Python's `getattr(obj, name)`: the attribute named `name` (a method bound to `obj`), or `default`
 * when given and there is none; without one, Python's AttributeError.
 * @example const optimizer = getattr(torch.optim, 'SGD')(model.parameters(), lr=0.001, momentum=0.9)
 * @example getattr(model, 'fc', None)
 */
export function getattr(obj: unknown, name: string, ...default_: [unknown?]): any {  // eslint-disable-line @typescript-eslint/no-explicit-any
  checkName(name);
  if (name === "__len__" && builtinSized(obj) && typeof (obj as Record<string, unknown>)[name] !== "function") return () => len(obj as string);
  if (has(obj, name)) return bound(obj, (obj as Record<string, unknown>)[name]);
  if (default_.length > 0) return default_[0];
  // Python's `module 'torch.optim' has no attribute 'Adamm'` (getattr(torch.optim, config['optimizer'])).
  const module = typeof obj === "object" && obj !== null ? moduleName(obj) : null;
  if (module !== null) throw new AttributeError(`module '${module}' has no attribute '${name}'`);
  throw new AttributeError(isModuleNamespace(obj) ? `module has no attribute '${name}'` : `'${pyTypeName(obj)}' object has no attribute '${name}'`);
}

/** Python's `hasattr(obj, name)`: whether `getattr(obj, name)` finds an attribute. */
export function hasattr(obj: unknown, name: string): boolean {
  checkName(name);
  return has(obj, name);
}

/** Python's `setattr(obj, name, value)`: `obj.name = value` (an nn.Module registers a module or parameter so given). */
export function setattr(obj: unknown, name: string, value: unknown): void {
  checkName(name);
  if (obj === null || obj === undefined || typeof obj !== "object" && typeof obj !== "function") {
    throw new AttributeError(`'${pyTypeName(obj)}' object has no attribute '${name}'`);
  }
  (obj as Record<string, unknown>)[name] = value;
}
