/**
 * Python's `collections.OrderedDict` and `collections.namedtuple` as a PyTorch notebook uses them:
 * `OrderedDict(lr=[.01, .001], batch_size=[1000])` for hyper-parameters, `OrderedDict([('flat',
 * nn.Flatten()), ...])` for nn.Sequential, a results row filled key by key; `Run = namedtuple('Run',
 * params.keys())` and `Run(...values)` for one combination of them (deeplizard's RunBuilder).
 *
 * An OrderedDict is a plain object marked as Python's class (src/pyrepr.ts's PY_MAPPING), so it prints
 * as `OrderedDict([('lr', 0.01)])`, takes the dialect's dict methods (`keys()`, `items()`) and is
 * what nn.Sequential already reads. A namedtuple's instance is a tuple (an array printed as one) whose
 * fields are also read by name, printed `Run(lr=0.01, batch_size=1000)`.
 */
import { repr } from "./builtins";
import { dict_items, dict_keys, dict_values } from "./pydict";
import { TypeError, ValueError } from "./errors";
import { asPyTuple, PY_MAPPING, pyTypeName } from "./pyrepr";

function isPairs(x: unknown): x is Iterable<unknown> {
  return x !== null && typeof x === "object" && (Array.isArray(x) || x instanceof Map || Symbol.iterator in x);
}

/**
 * Python's `OrderedDict(items, **kwargs)`: the keys in insertion order (the items' first, then the
 * keywords'), printed as Python prints it.
 *
 * Args:
 *   items: (key, value) pairs, a Map, or an object whose keys are taken in order.
 *   kwargs: keyword arguments (`OrderedDict(lr=[.01], batch_size=[100])`).
 *
 * @example OrderedDict(lr=[.01, .001], batch_size=[1000])  // OrderedDict([('lr', [0.01, 0.001]), ('batch_size', [1000])])
 */
export function OrderedDict<V = unknown>(items?: Iterable<readonly [string, V]> | Record<string, V> | null, kwargs?: Record<string, V>): Record<string, V>;
/**
 * The pairs as a notebook writes Python's `[('flat', nn.Flatten()), ...]`: array literals, which
 * TypeScript types as arrays of a union, not as pairs; each is checked when it runs.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function OrderedDict(items: Iterable<readonly unknown[]>, kwargs?: Record<string, unknown>): Record<string, any>;
export function OrderedDict<V>(items?: Iterable<readonly unknown[]> | Record<string, V> | null, kwargs?: Record<string, V>): Record<string, V> {
  const d: Record<string, V> = {};
  Object.defineProperty(d, PY_MAPPING, { value: () => "OrderedDict", enumerable: false, writable: true, configurable: true });
  if (items !== undefined && items !== null) {
    if (isPairs(items)) {
      for (const pair of items as Iterable<unknown>) {
        if (!Array.isArray(pair)) throw new TypeError(`cannot unpack non-iterable ${pyTypeName(pair)} object`);
        if (pair.length > 2) throw new ValueError("too many values to unpack (expected 2)");
        if (pair.length < 2) throw new ValueError(`not enough values to unpack (expected 2, got ${pair.length})`);
        d[String(pair[0])] = pair[1] as V;
      }
    } else if (typeof items === "object") Object.assign(d, items);
    else throw new TypeError(`'${typeof items}' object is not iterable`);
  }
  if (kwargs !== undefined) Object.assign(d, kwargs);
  return d;
}

/** An instance of a namedtuple class: a tuple whose items are also its fields. */
export type NamedTuple = unknown[] & { readonly [field: string]: any; _asdict(): Record<string, unknown>; readonly _fields: string[] };

/** The class namedtuple returns: called (with or without `new`) with the fields' values in order. */
export interface NamedTupleClass {
  (...values: unknown[]): NamedTuple;
  new (...values: unknown[]): NamedTuple;
  readonly __name__: string;
  readonly _fields: string[];
}

/**
 * `_asdict()`: Python's dict of the fields, a plain object that also carries keys / values / items
 * (not enumerated, so it prints as `{'lr': 0.01}`): the dialect finds dict methods through the
 * receiver's type, and `run._asdict().items()` on an untyped `run` has none to go by.
 */
function asdict(fields: string[], values: unknown[]): Record<string, unknown> {
  const d: Record<string, unknown> = Object.fromEntries(fields.map((f, i) => [f, values[i]]));
  for (const [name, method] of [["keys", dict_keys], ["values", dict_values], ["items", dict_items]] as const) {
    Object.defineProperty(d, name, { value: () => method(d), enumerable: false, writable: true, configurable: true });
  }
  return d;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Python's `collections.namedtuple(typename, field_names)`: a tuple class whose items are read by
 * name too. `field_names` is an iterable of names or one string of names split on commas / spaces.
 *
 * @example
 * const Run = namedtuple('Run', ['lr', 'batch_size']);
 * const run = Run(0.01, 1000);  // Run(lr=0.01, batch_size=1000); run.lr === 0.01
 */
export function namedtuple(typename: string, field_names: Iterable<string> | string): NamedTupleClass {
  const fields = typeof field_names === "string" ? field_names.replace(/,/g, " ").split(/\s+/).filter((s) => s !== "") : [...field_names].map(String);
  for (const name of [typename, ...fields]) {
    if (typeof name !== "string" || !IDENTIFIER.test(name)) throw new ValueError(`Type names and field names must be valid identifiers: ${repr(name)}`);
    if (name !== typename && name.startsWith("_")) throw new ValueError(`Field names cannot start with an underscore: ${repr(name)}`);
  }
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f)) throw new ValueError(`Encountered duplicate field name: ${repr(f)}`);
    seen.add(f);
  }
  const make = function (...values: unknown[]): NamedTuple {
    if (values.length !== fields.length) {
      if (values.length < fields.length) {
        const missing = fields.slice(values.length).map((f) => `'${f}'`);
        const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}`;
        throw new TypeError(`${typename}.__new__() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${list}`);
      }
      throw new TypeError(`${typename}.__new__() takes ${fields.length + 1} positional arguments but ${values.length + 1} were given`);
    }
    const t = asPyTuple([...values]);
    const text = () => `${typename}(${fields.map((f, i) => `${f}=${repr(values[i])}`).join(", ")})`;
    fields.forEach((f, i) => Object.defineProperty(t, f, { get: () => values[i], enumerable: false }));
    Object.defineProperty(t, "_fields", { value: fields, enumerable: false });
    Object.defineProperty(t, "_asdict", { value: () => asdict(fields, values), enumerable: false });
    Object.defineProperty(t, "__repr__", { value: text, enumerable: false });
    Object.defineProperty(t, "toString", { value: text, enumerable: false });
    Object.defineProperty(t, Symbol.for("nodejs.util.inspect.custom"), { value: text, enumerable: false });
    return t as unknown as NamedTuple;
  };
  Object.defineProperty(make, "name", { value: typename });
  Object.defineProperty(make, "__name__", { value: typename });
  Object.defineProperty(make, "_fields", { value: fields });
  return make as unknown as NamedTupleClass;
}
