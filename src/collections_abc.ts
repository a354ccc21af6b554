/**
 * Python's `collections.abc` as notebooks ask it: `isinstance(train_loader, collections.abc.Iterable)`
 * (Deep Learning Wizard's check that a DataLoader can be looped over), `isinstance(batch[0],
 * collections.abc.Mapping)` / `Sequence` in a hand-written collate function, `isinstance(f,
 * collections.abc.Callable)`. Each class answers `isinstance` (JavaScript's `instanceof`, through
 * `Symbol.hasInstance`) by what the value can do, as Python's ABCs do by the methods a class defines:
 * a tensor, a DataLoader, a list, a str, a dict and a generator are Iterable; a map-style Dataset (only
 * `__getitem__`), a number and None are not. Not modelled: a DataLoader's iterator is not Sized here
 * (PyTorch's has `__len__`).
 */
import { hasattr } from "./pyattr";
import { isDict } from "./builtins";
import { Tensor } from "./tensor/tensor";
import { Dataset } from "./utils/data/dataset";

/* eslint-disable @typescript-eslint/no-explicit-any */

const isObject = (x: unknown): x is Record<PropertyKey, unknown> => (typeof x === "object" && x !== null) || typeof x === "function";
const method = (x: unknown, name: PropertyKey): boolean => isObject(x) && typeof x[name] === "function";

/** The abstract base: no instances of its own; `isinstance` asks `test`. */
function abc(name: string, test: (x: unknown) => boolean) {
  const cls = class {
    // What a narrowed value offers is not known from the ABC alone (as Python's duck typing).
    [key: string]: any;
    constructor() {
      throw new TypeError(`Can't instantiate abstract class ${name}`);
    }
    static [Symbol.hasInstance](x: unknown): boolean {
      return test(x);
    }
  };
  Object.defineProperty(cls, "name", { value: name });
  Object.defineProperty(cls, "__name__", { value: name });
  Object.defineProperty(cls, "__module__", { value: "collections.abc" });
  return cls;
}

const mapping = (x: unknown): boolean => isDict(x) || x instanceof Map;
// A map-style Dataset is looped over through `__getitem__` (torchlab's TensorDataset also has JavaScript's
// iterator), which Python's Iterable does not count.
const iterable = (x: unknown): boolean =>
  typeof x === "string" || mapping(x) || (!(x instanceof Dataset) && (method(x, Symbol.iterator) || method(x, "__iter__")));
const sized = (x: unknown): boolean => typeof x === "string" || hasattr(x, "__len__") || (isObject(x) && typeof x.length === "number" && typeof x !== "function");

/** Python's `collections.abc.Iterable`: what `for ... of` (Python's `for ... in`) can loop over. */
export const Iterable = abc("Iterable", iterable);
/** Python's `collections.abc.Iterator`: an iterable that is its own iterator (`iter(loader)`, a generator). */
export const Iterator = abc("Iterator", (x) => iterable(x) && (method(x, "next") || method(x, "__next__")));
/** Python's `collections.abc.Sized`: what `len()` takes. */
export const Sized = abc("Sized", sized);
/** Python's `collections.abc.Container`: what `in` asks (a str, list, tuple, dict, set, or a class with `__contains__`). */
export const Container = abc("Container", (x) => typeof x === "string" || Array.isArray(x) || mapping(x) || x instanceof Set || x instanceof Tensor || method(x, "__contains__"));
/** Python's `collections.abc.Callable`: a function, a class, or an object with `__call__` (a module). */
export const Callable = abc("Callable", (x) => typeof x === "function" || method(x, "__call__"));
/** Python's `collections.abc.Mapping`: a dict (OrderedDict, defaultdict, Counter too). */
export const Mapping = abc("Mapping", mapping);
/** Python's `collections.abc.Sequence`: a list, a tuple (a torch.Size too) or a str; not a tensor or a dict. */
export const Sequence = abc("Sequence", (x) => typeof x === "string" || Array.isArray(x));
