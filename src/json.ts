/**
 * Python's `json` module for what a notebook writes and reads (a config, a results log):
 * `json.dumps(obj, indent=2, sort_keys=True)` with Python's spacing (`{"a": 1, "b": [1, 2]}`, where
 * JavaScript's JSON.stringify gives `{"a":1,"b":[1,2]}`), non-ASCII escaped as Python's ensure_ascii,
 * NaN and Infinity as Python writes them; `json.loads(s)`.
 */
import { JSONDecodeError, TypeError, ValueError } from "./errors";
import { isDict } from "./builtins";
import { pythonRepr } from "./display/pylist";
import { pyDictKey, pyTypeName } from "./pyrepr";

export interface DumpsOptions {
  /** Spaces (or a string) per level; each item on its own line. None: one line. */
  indent?: number | string | null;
  /** Keys in sorted order. */
  sort_keys?: boolean;
  /** (item separator, key separator); Python's default `(", ", ": ")`, `(",", ": ")` with an indent. */
  separators?: [string, string] | null;
  /** Non-ASCII characters as `\uXXXX` (Python's default). */
  ensure_ascii?: boolean;
  /** NaN and infinities as `NaN` / `Infinity`; false makes them Python's ValueError. */
  allow_nan?: boolean;
}

function quote(s: string, ascii: boolean): string {
  const q = JSON.stringify(s);
  return ascii ? q.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : q;
}

function numberText(x: number, allowNan: boolean): string {
  if (Number.isFinite(x)) return pythonRepr(x) ?? String(x);
  if (!allowNan) throw new ValueError(`Out of range float values are not JSON compliant`);
  return Number.isNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity";
}

function keyText(k: unknown, o: Required<Omit<DumpsOptions, "indent" | "separators">>): string {
  if (typeof k === "string") return quote(k, o.ensure_ascii);
  if (typeof k === "number") return `"${numberText(k, o.allow_nan)}"`;
  if (typeof k === "boolean") return k ? '"true"' : '"false"';
  if (k === null || k === undefined) return '"null"';
  throw new TypeError(`keys must be str, int, float, bool or None, not ${pyTypeName(k)}`);
}

/**
 * Python's `json.dumps(obj, indent=None, sort_keys=False, separators=None, ensure_ascii=True)`.
 * @example json.dumps({a: 1, b: [1, 2]})  // '{"a": 1, "b": [1, 2]}'
 */
export function dumps(obj: unknown, options: DumpsOptions = {}): string {
  const o = { sort_keys: options.sort_keys ?? false, ensure_ascii: options.ensure_ascii ?? true, allow_nan: options.allow_nan ?? true };
  const indent = options.indent === undefined || options.indent === null ? null : typeof options.indent === "number" ? " ".repeat(options.indent) : options.indent;
  const [itemSep, keySep] = options.separators ?? (indent === null ? [", ", ": "] : [",", ": "]);
  const seen = new Set<unknown>();
  const enc = (v: unknown, level: number): string => {
    if (v === null || v === undefined) return "null";
    if (typeof v === "boolean") return v ? "true" : "false";
    if (typeof v === "number") return numberText(v, o.allow_nan);
    if (typeof v === "bigint") return String(v);
    if (typeof v === "string") return quote(v, o.ensure_ascii);
    let items: string[];
    let open: string;
    let close: string;
    if (Array.isArray(v)) {
      [open, close] = ["[", "]"];
      if (seen.has(v)) throw new ValueError("Circular reference detected");
      seen.add(v);
      items = v.map((x) => enc(x, level + 1));
    } else if (v instanceof Map || isDict(v)) {
      [open, close] = ["{", "}"];
      if (seen.has(v)) throw new ValueError("Circular reference detected");
      seen.add(v);
      let entries: [unknown, unknown][] = v instanceof Map ? [...v.entries()] : Object.entries(v).map(([k, x]) => [pyDictKey(v, k), x]);
      if (o.sort_keys) entries = [...entries].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
      items = entries.map(([k, x]) => `${keyText(k, o)}${keySep}${enc(x, level + 1)}`);
    } else {
      throw new TypeError(`Object of type ${pyTypeName(v)} is not JSON serializable`);
    }
    seen.delete(v);
    if (items.length === 0) return open + close;
    if (indent === null) return open + items.join(itemSep) + close;
    const pad = "\n" + indent.repeat(level + 1);
    return open + pad + items.join(itemSep + pad) + "\n" + indent.repeat(level) + close;
  };
  return enc(obj, 0);
}

/**
 * Python's `json.loads(s)`: objects become dicts (plain objects), arrays lists; Python's
 * JSONDecodeError for text that is not JSON.
 * @example json.loads('{"a": [1, 2]}')  // {'a': [1, 2]}
 */
export function loads(s: string): any { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (typeof s !== "string") throw new TypeError(`the JSON object must be str, bytes or bytearray, not ${pyTypeName(s)}`);
  try {
    return JSON.parse(s);
  } catch (e) {
    throw new JSONDecodeError((e as Error).message);
  }
}

/** Something json.dump writes to (an open() file, io.StringIO) or json.load reads from. */
interface Writable {
  write(s: string): unknown;
}
interface Readable {
  read(): string | Uint8Array;
}

/**
 * Python's `json.dump(obj, fp, indent=None, ...)`: dumps(obj) written to a file opened with open(path, "w").
 * @example json.dump(history, open("history.json", "w"), {indent: 2})
 */
export function dump(obj: unknown, fp: Writable, options: DumpsOptions = {}): void {
  if (fp === null || typeof fp !== "object" || typeof (fp as Writable).write !== "function") throw new TypeError(`json.dump(): fp must have a write() method (a file from open(path, "w")), got ${pyTypeName(fp)}`);
  fp.write(dumps(obj, options));
}

/**
 * Python's `json.load(fp)`: loads() of the file's text (or bytes, as UTF-8).
 * @example const cfg = json.load(open("config.json"))
 */
export function load(fp: Readable): any { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (fp === null || typeof fp !== "object" || typeof (fp as Readable).read !== "function") throw new TypeError(`json.load(): fp must have a read() method (a file from open(path)), got ${pyTypeName(fp)}`);
  const text = fp.read();
  return loads(typeof text === "string" ? text : Buffer.from(text).toString("utf8"));
}
