/**
 * Python's attribute builtins for notebook cells: `getattr(obj, name[, default])`, `hasattr(obj, name)`
 * and `setattr(obj, name, value)`, as a course picks its optimizer by name from a config dict
 * (`getattr(torch.optim, config['optimizer'])(model.parameters(), **config['optim_hparas'])`).
 */
import { AttributeError, TypeError } from "./errors";
import { isClass, pyTypeName } from "./pyrepr";

function isModuleNamespace(obj: unknown): boolean {
  return typeof obj === "object" && obj !== null && (obj as Record<symbol, unknown>)[Symbol.toStringTag] === "Module";
}

function checkName(name: unknown): asserts name is string {
  if (typeof name !== "string") throw new TypeError(`attribute name must be string, not '${pyTypeName(name)}'`);
}

function has(obj: unknown, name: string): boolean {
  if (obj === null || obj === undefined) return false;
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
  if (has(obj, name)) return bound(obj, (obj as Record<string, unknown>)[name]);
  if (default_.length > 0) return default_[0];
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
