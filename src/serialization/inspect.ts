/**
 * How a loaded dict prints. Loaded dicts are prototype-free (a file may name any key, `__proto__`
 * included), which node would print as `[Object: null prototype] {...}`. The print hook is a
 * non-enumerable symbol, so it can never collide with a key from the file nor show in
 * Object.keys/entries or a re-save.
 */
import * as util from "util";
import { Tensor } from "../tensor/tensor";
import { PY_MAPPING } from "../pyrepr";

/** A dict of tensors is a state_dict, which PyTorch prints as an OrderedDict. */
function loadedMapping(this: Record<string, unknown>): string | null {
  const entries = Object.values(this);
  return entries.length > 0 && entries.every((v) => v instanceof Tensor) ? "OrderedDict" : null;
}

function inspectLoaded(this: Record<string, unknown>, depth: number, options: util.InspectOptions): string {
  return loadedMapping.call(this) !== null ? inspectOrderedDict.call(this, depth, options) : util.inspect({ ...this }, options);
}

/** Gives a prototype-free object loaded from a file a readable print; returns it. */
export function readableDict<T extends object>(obj: T): T {
  Object.defineProperty(obj, util.inspect.custom, { value: inspectLoaded, enumerable: false, writable: true, configurable: true });
  Object.defineProperty(obj, PY_MAPPING, { value: loadedMapping, enumerable: false, writable: true, configurable: true });
  return obj;
}

function inspectPlain(this: Record<string, unknown>, _depth: number, options: util.InspectOptions): string {
  return util.inspect({ ...this }, options);
}

/** A prototype-free plain dict loaded from a PyTorch file: prints as an object and is saved again as a dict. */
export function plainDict<T extends object>(obj: T): T {
  Object.defineProperty(obj, util.inspect.custom, { value: inspectPlain, enumerable: false, writable: true, configurable: true });
  Object.defineProperty(obj, PY_MAPPING, { value: () => null, enumerable: false, writable: true, configurable: true });
  return obj;
}

function inspectOrderedDict(this: Record<string, unknown>, _depth: number, options: util.InspectOptions): string {
  const entries = Object.entries(this);
  if (entries.length === 0) return "OrderedDict()";
  return `OrderedDict([${entries.map(([k, v]) => `(${util.inspect(k)}, ${util.inspect(v, options)})`).join(", ")}])`;
}

/** Prints `obj` as Python prints an OrderedDict (a module's `_parameters`, `_buffers`), empty or not; returns it. */
export function orderedDict<T extends object>(obj: T): T {
  Object.defineProperty(obj, util.inspect.custom, { value: inspectOrderedDict, enumerable: false, writable: true, configurable: true });
  Object.defineProperty(obj, PY_MAPPING, { value: () => "OrderedDict", enumerable: false, writable: true, configurable: true });
  return obj;
}
