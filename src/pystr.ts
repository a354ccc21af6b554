/**
 * Python's str methods that JavaScript's String lacks, as a notebook writes them: `s.strip()`,
 * `s.lower()`, `s.startswith(("a", "b"))`, `", ".join(words)`, `s.split()`, `s.find("x")`,
 * `s.zfill(3)`, `"{} and {:.2f}".format(a, b)`, and `%`-formatting (`"%d items" % 3`,
 * `"%s=%r" % [a, b]`: the dialect writes Python's tuple as an array). The dialect (kernel/rewrite.ts)
 * calls these where the receiver is typed as a string and TypeScript has no such method, and for
 * the two whose JavaScript form differs silently: `replace(old, new)` replaces every occurrence, as
 * Python's (JavaScript's only the first), and `split(sep, maxsplit)` keeps the rest of the string in
 * the last piece (JavaScript's limit drops it). Each follows Python 3.11 (test/reference/gen_pystr.py).
 *
 * Lengths and indices are JavaScript's UTF-16 units, which are Python's code points below U+10000.
 */
import { repr, str } from "./builtins";
import { AttributeError, IndexError, KeyError, TypeError, ValueError } from "./errors";
import { format as pyformat, formatFloat } from "./pyformat";
import { asPyTuple, isPyFloatAt, PyFloat, pyTypeName } from "./pyrepr";

/** Python's whitespace (str.isspace): JavaScript's `\s` without U+FEFF, with the separators U+001C..U+001F and U+0085. */
const SPACE = "(?:(?!\\ufeff)[\\s\\x1c-\\x1f\\x85])";
const SPACES = new RegExp(`${SPACE}+`, "u");

function asStr(s: unknown, method: string): string {
  if (typeof s !== "string") throw new TypeError(`'${pyTypeName(s)}' object has no attribute '${method}'`);
  return s;
}

function strArg(x: unknown, method: string, what = "argument"): string {
  if (typeof x !== "string") throw new TypeError(`${method}() ${what} must be str, not ${pyTypeName(x)}`);
  return x;
}

function isSpace(c: string): boolean {
  return new RegExp(`^${SPACE}$`, "u").test(c);
}

function stripWith(s: string, chars: string | null | undefined, method: string, left: boolean, right: boolean): string {
  if (chars !== null && chars !== undefined && typeof chars !== "string") throw new TypeError(`${method} arg must be None or str`);
  const strip = (c: string) => (chars === null || chars === undefined ? isSpace(c) : chars.includes(c));
  let i = 0;
  let j = s.length;
  if (left) while (i < j && strip(s[i])) i++;
  if (right) while (j > i && strip(s[j - 1])) j--;
  return s.slice(i, j);
}

/** `s.strip(chars=None)`: whitespace (or any of chars) removed from both ends. */
export function str_strip(s: string, chars?: string | null): string {
  return stripWith(asStr(s, "strip"), chars, "strip", true, true);
}
/** `s.lstrip(chars=None)` */
export function str_lstrip(s: string, chars?: string | null): string {
  return stripWith(asStr(s, "lstrip"), chars, "lstrip", true, false);
}
/** `s.rstrip(chars=None)` */
export function str_rstrip(s: string, chars?: string | null): string {
  return stripWith(asStr(s, "rstrip"), chars, "rstrip", false, true);
}

/** `s.lower()` */
export function str_lower(s: string): string {
  return asStr(s, "lower").toLowerCase();
}
/** `s.upper()` */
export function str_upper(s: string): string {
  return asStr(s, "upper").toUpperCase();
}

const cased = (c: string): boolean => c.toLowerCase() !== c.toUpperCase();

/** `s.title()`: each run of cased letters starts upper-case, the rest lower-case (`"they're"` gives `"They'Re"`, as Python's). */
export function str_title(s: string): string {
  let out = "";
  let previousCased = false;
  for (const c of asStr(s, "title")) {
    out += previousCased ? c.toLowerCase() : c.toUpperCase();
    previousCased = cased(c);
  }
  return out;
}

/** `s.capitalize()`: the first character upper-case, the rest lower-case. */
export function str_capitalize(s: string): string {
  const [first = "", ...rest] = asStr(s, "capitalize");
  return first.toUpperCase() + rest.join("").toLowerCase();
}

/** Python's slice bound of `s[start:end]` for find, count, startswith, ...: negative from the end, clamped. */
function bound(v: number | null | undefined, n: number, fallback: number): number {
  if (v === null || v === undefined) return fallback;
  return v < 0 ? Math.max(0, n + v) : Math.min(n, v);
}

function affix(s: string, affixes: unknown, start: number | null | undefined, end: number | null | undefined, method: "startswith" | "endswith"): boolean {
  const text = asStr(s, method);
  const list = typeof affixes === "string" ? [affixes] : Array.isArray(affixes) ? affixes : null;
  if (list === null) throw new TypeError(`${method} first arg must be str or a tuple of str, not ${pyTypeName(affixes)}`);
  const from = bound(start, text.length, 0);
  const to = bound(end, text.length, text.length);
  if ((start ?? 0) > text.length) return false;
  const part = text.slice(from, Math.max(from, to));
  return list.some((a) => {
    if (typeof a !== "string") throw new TypeError(`tuple for ${method} must only contain str, not ${pyTypeName(a)}`);
    return method === "startswith" ? part.startsWith(a) : part.endsWith(a);
  });
}

/** `s.startswith(prefix[, start[, end]])`: prefix a string or a tuple (array) of strings. */
export function str_startswith(s: string, prefix: string | readonly string[], start?: number | null, end?: number | null): boolean {
  return affix(s, prefix, start, end, "startswith");
}
/** `s.endswith(suffix[, start[, end]])`: suffix a string or a tuple (array) of strings. */
export function str_endswith(s: string, suffix: string | readonly string[], start?: number | null, end?: number | null): boolean {
  return affix(s, suffix, start, end, "endswith");
}

/** `sep.join(iterable)`: the strings of iterable with sep between; Python's TypeError names the first item that is not a string. */
export function str_join(sep: string, iterable: Iterable<string>): string {
  asStr(sep, "join");
  if (iterable === null || iterable === undefined || typeof (iterable as Partial<Iterable<string>>)[Symbol.iterator] !== "function") {
    throw new TypeError("can only join an iterable");
  }
  const items = [...iterable];
  items.forEach((item, i) => {
    if (typeof item !== "string") throw new TypeError(`sequence item ${i}: expected str instance, ${pyTypeName(item)} found`);
  });
  return items.join(sep);
}

/**
 * `s.split(sep=None, maxsplit=-1)`: without sep, on runs of whitespace with none at either end (so
 * `"  a  b ".split()` is `["a", "b"]`); with sep, at each sep. At most maxsplit splits, the rest of
 * the string the last piece. An empty sep is Python's ValueError.
 */
export function str_split(s: string, sep: string | null = null, maxsplit = -1): string[] {
  const text = asStr(s, "split");
  if (sep !== null && sep !== undefined) {
    strArg(sep, "split", "argument 1");
    if (sep === "") throw new ValueError("empty separator");
    const pieces = text.split(sep);
    if (maxsplit < 0 || pieces.length <= maxsplit + 1) return pieces;
    return [...pieces.slice(0, maxsplit), pieces.slice(maxsplit).join(sep)];
  }
  const out: string[] = [];
  let rest = stripWith(text, null, "split", true, false);
  while (rest !== "") {
    if (maxsplit >= 0 && out.length === maxsplit) {
      out.push(rest);
      break;
    }
    const m = SPACES.exec(rest);
    if (!m) {
      out.push(rest);
      break;
    }
    out.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

/** `s.replace(old, new, count=-1)`: every occurrence of old (the first count ones) replaced by new. */
export function str_replace(s: string, old: string, new_: string, count = -1): string {
  const text = asStr(s, "replace");
  strArg(old, "replace", "argument 1");
  strArg(new_, "replace", "argument 2");
  // An empty old matches before each character and at the end, as Python's.
  const pieces = old === "" ? ["", ...text, ""] : text.split(old);
  if (count < 0 || pieces.length <= count + 1) return pieces.join(new_);
  return pieces.slice(0, count + 1).join(new_) + old + pieces.slice(count + 1).join(old);
}

function search(s: string, sub: string, start: number | null | undefined, end: number | null | undefined, method: string, last: boolean): number {
  const text = asStr(s, method);
  strArg(sub, method, "argument");
  const n = text.length;
  if ((start ?? 0) > n) return -1;
  const from = bound(start, n, 0);
  const to = bound(end, n, n);
  if (to - from < sub.length) return -1;
  const part = text.slice(from, to);
  const at = last ? part.lastIndexOf(sub) : part.indexOf(sub);
  return at < 0 ? -1 : from + at;
}

/** `s.find(sub[, start[, end]])`: the lowest index of sub, or -1. */
export function str_find(s: string, sub: string, start?: number | null, end?: number | null): number {
  return search(s, sub, start, end, "find", false);
}
/** `s.rfind(sub[, start[, end]])`: the highest index of sub, or -1. */
export function str_rfind(s: string, sub: string, start?: number | null, end?: number | null): number {
  return search(s, sub, start, end, "rfind", true);
}
/** `s.index(sub[, start[, end]])`: as find, but Python's ValueError when sub is not there. */
export function str_index(s: string, sub: string, start?: number | null, end?: number | null): number {
  const at = search(s, sub, start, end, "index", false);
  if (at < 0) throw new ValueError("substring not found");
  return at;
}
/** `s.rindex(sub[, start[, end]])` */
export function str_rindex(s: string, sub: string, start?: number | null, end?: number | null): number {
  const at = search(s, sub, start, end, "rindex", true);
  if (at < 0) throw new ValueError("substring not found");
  return at;
}

/** `s.count(sub[, start[, end]])`: non-overlapping occurrences of sub (an empty sub: one more than the characters). */
export function str_count(s: string, sub: string, start?: number | null, end?: number | null): number {
  const text = asStr(s, "count");
  strArg(sub, "count", "argument");
  const n = text.length;
  if ((start ?? 0) > n) return 0;
  const part = text.slice(bound(start, n, 0), Math.max(bound(start, n, 0), bound(end, n, n)));
  return sub === "" ? part.length + 1 : part.split(sub).length - 1;
}

const test = (s: string, method: string, re: RegExp): boolean => re.test(asStr(s, method));

/** `s.isdigit()`: non-empty, every character a digit (superscripts too, as Python's). */
export function str_isdigit(s: string): boolean {
  return test(s, "isdigit", /^[\p{Nd}\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089]+$/u);
}
/** `s.isalpha()`: non-empty, every character a letter. */
export function str_isalpha(s: string): boolean {
  return test(s, "isalpha", /^\p{L}+$/u);
}
/** `s.isalnum()`: non-empty, every character a letter or a number. */
export function str_isalnum(s: string): boolean {
  return test(s, "isalnum", /^[\p{L}\p{N}]+$/u);
}
/** `s.isspace()`: non-empty, every character whitespace. */
export function str_isspace(s: string): boolean {
  return test(s, "isspace", new RegExp(`^${SPACE}+$`, "u"));
}
/** `s.isupper()`: some cased character, and none lower-case. */
export function str_isupper(s: string): boolean {
  return test(s, "isupper", /\p{Lu}/u) && !/[\p{Ll}\p{Lt}]/u.test(s);
}
/** `s.islower()`: some cased character, and none upper-case. */
export function str_islower(s: string): boolean {
  return test(s, "islower", /\p{Ll}/u) && !/[\p{Lu}\p{Lt}]/u.test(s);
}

function width(w: unknown, method: string): number {
  if (typeof w !== "number" || !Number.isInteger(w)) throw new TypeError(`'${pyTypeName(w)}' object cannot be interpreted as an integer`);
  return w;
}

function fill(c: unknown, method: string): string {
  if (typeof c !== "string") throw new TypeError(`${method}() argument 2 must be str, not ${pyTypeName(c)}`);
  if (c.length !== 1) throw new TypeError("The fill character must be exactly one character long");
  return c;
}

/** `s.zfill(width)`: padded with zeros on the left to width, after a leading sign. */
export function str_zfill(s: string, w: number): string {
  const text = asStr(s, "zfill");
  const pad = width(w, "zfill") - text.length;
  if (pad <= 0) return text;
  const sign = text[0] === "+" || text[0] === "-" ? text[0] : "";
  return sign + "0".repeat(pad) + text.slice(sign.length);
}

/** `s.center(width, fillchar=" ")`: an odd margin puts the extra fill as Python's does (left when width is odd). */
export function str_center(s: string, w: number, fillchar = " "): string {
  const text = asStr(s, "center");
  const c = fill(fillchar, "center");
  const margin = width(w, "center") - text.length;
  if (margin <= 0) return text;
  const left = Math.floor(margin / 2) + (margin & w & 1);
  return c.repeat(left) + text + c.repeat(margin - left);
}
/** `s.ljust(width, fillchar=" ")` */
export function str_ljust(s: string, w: number, fillchar = " "): string {
  const text = asStr(s, "ljust");
  return text + fill(fillchar, "ljust").repeat(Math.max(0, width(w, "ljust") - text.length));
}
/** `s.rjust(width, fillchar=" ")` */
export function str_rjust(s: string, w: number, fillchar = " "): string {
  const text = asStr(s, "rjust");
  return fill(fillchar, "rjust").repeat(Math.max(0, width(w, "rjust") - text.length)) + text;
}

/** `s.partition(sep)`: (before, sep, after) at the first sep, or (s, "", "") without one; a tuple. */
export function str_partition(s: string, sep: string): [string, string, string] {
  const text = asStr(s, "partition");
  if (strArg(sep, "partition") === "") throw new ValueError("empty separator");
  const at = text.indexOf(sep);
  return asPyTuple(at < 0 ? [text, "", ""] : [text.slice(0, at), sep, text.slice(at + sep.length)]);
}
/** `s.rpartition(sep)`: as partition, at the last sep, or ("", "", s) without one. */
export function str_rpartition(s: string, sep: string): [string, string, string] {
  const text = asStr(s, "rpartition");
  if (strArg(sep, "rpartition") === "") throw new ValueError("empty separator");
  const at = text.lastIndexOf(sep);
  return asPyTuple(at < 0 ? ["", "", text] : [text.slice(0, at), sep, text.slice(at + sep.length)]);
}

/** `s.rsplit(sep=None, maxsplit=-1)`: as split, but the maxsplit splits are the last ones. */
export function str_rsplit(s: string, sep: string | null = null, maxsplit = -1): string[] {
  const text = asStr(s, "rsplit");
  if (maxsplit < 0) return str_split(text, sep, maxsplit);
  if (sep !== null && sep !== undefined) {
    if (strArg(sep, "rsplit", "argument 1") === "") throw new ValueError("empty separator");
    const pieces = text.split(sep);
    if (pieces.length <= maxsplit + 1) return pieces;
    return [pieces.slice(0, pieces.length - maxsplit).join(sep), ...pieces.slice(pieces.length - maxsplit)];
  }
  const out: string[] = [];
  let rest = stripWith(text, null, "rsplit", false, true);
  while (rest !== "") {
    if (out.length === maxsplit) {
      out.unshift(rest);
      break;
    }
    const m = new RegExp(`${SPACE}+(?!.*${SPACE})`, "su").exec(rest);
    if (!m) {
      out.unshift(rest);
      break;
    }
    out.unshift(rest.slice(m.index + m[0].length));
    rest = rest.slice(0, m.index);
  }
  return out;
}

/** Python's line boundaries (str.splitlines): \r\n first, then any one of them. */
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/g;

/** `s.splitlines(keepends=False)`: the lines, without a last empty one; keepends keeps each line's break. */
export function str_splitlines(s: string, keepends: boolean | { keepends?: boolean } = false): string[] {
  const text = asStr(s, "splitlines");
  const keep = typeof keepends === "object" && keepends !== null ? !!keepends.keepends : !!keepends;
  const lines: string[] = [];
  let start = 0;
  for (const m of text.matchAll(LINE_BREAK)) {
    lines.push(text.slice(start, keep ? m.index! + m[0].length : m.index));
    start = m.index! + m[0].length;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** `s.expandtabs(tabsize=8)`: each tab as spaces to the next multiple of tabsize, the column restarting after \n or \r. */
export function str_expandtabs(s: string, tabsize: number | { tabsize?: number } = 8): string {
  const text = asStr(s, "expandtabs");
  const size = width(typeof tabsize === "object" && tabsize !== null ? tabsize.tabsize ?? 8 : tabsize, "expandtabs");
  let out = "";
  let column = 0;
  for (const c of text) {
    if (c === "\t") {
      const spaces = size > 0 ? size - (column % size) : 0;
      out += " ".repeat(spaces);
      column += spaces;
    } else {
      out += c;
      column = c === "\n" || c === "\r" ? 0 : column + 1;
    }
  }
  return out;
}

/** `s.swapcase()`: upper case lowered and lower case raised. */
export function str_swapcase(s: string): string {
  return Array.from(asStr(s, "swapcase"), (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("");
}
/** `s.casefold()`: lower case for caseless matching (ß as ss, as Python's). */
export function str_casefold(s: string): string {
  return asStr(s, "casefold").toLowerCase().replace(/ß/g, "ss");
}
/** `s.removeprefix(prefix)`: s without prefix where it starts with it. */
export function str_removeprefix(s: string, prefix: string): string {
  const text = asStr(s, "removeprefix");
  return text.startsWith(strArg(prefix, "removeprefix")) ? text.slice(prefix.length) : text;
}
/** `s.removesuffix(suffix)`: s without suffix where it ends with it. */
export function str_removesuffix(s: string, suffix: string): string {
  const text = asStr(s, "removesuffix");
  return suffix !== "" && text.endsWith(strArg(suffix, "removesuffix")) ? text.slice(0, -suffix.length) : text;
}

/** A value for `str.format`; a trailing plain object carries the keywords (so `name="x"` has a place to go). */
export type FormatArgument = string | number | boolean | bigint | null | undefined | object | { [keyword: string]: unknown };

/** A conversion `!r` / `!s` / `!a` of a replacement field. */
function convert(value: unknown, conversion: string | undefined): unknown {
  if (conversion === undefined) return value;
  if (conversion === "r" || conversion === "a") return repr(value);
  if (conversion === "s") return str(value);
  throw new ValueError(`Unknown conversion specifier ${conversion}`);
}

/**
 * `fmt.format(*args, **kwargs)`: `{}` (the next positional), `{0}`, `{name}` (a keyword, given in a
 * trailing object as every keyword is), `!r` / `!s` conversions and format specs (src/pyformat.ts,
 * the f-string's) with nested fields (`{:>{width}}`); `{{` and `}}` are braces. A field name may go on
 * to attributes and items, as Python's: `{0.shape}`, `{x.weight.shape}`, `{0[1]}`, `{cfg[lr]}` (an
 * index of digits is an int, any other a str key).
 */
export function str_format(fmt: string, ...args: FormatArgument[]): string {
  const text = asStr(fmt, "format");
  const last = args[args.length - 1];
  const keywords = args.length > 0 && typeof last === "object" && last !== null && !Array.isArray(last) && Object.getPrototypeOf(last) === Object.prototype ? (last as Record<string, unknown>) : {};
  const positional = keywords === last ? args.slice(0, -1) : args;
  let auto = 0;
  let mode: "auto" | "manual" | null = null;
  const lookup = (name: string): unknown => {
    if (name === "") {
      if (mode === "manual") throw new ValueError("cannot switch from manual field specification to automatic field numbering");
      mode = "auto";
      name = String(auto++);
    } else if (/^\d+$/.test(name)) {
      if (mode === "auto") throw new ValueError("cannot switch from automatic field numbering to manual field specification");
      mode = "manual";
    }
    if (/^\d+$/.test(name)) {
      const i = Number(name);
      if (i >= positional.length) throw new IndexError(`Replacement index ${i} out of range for positional args tuple`);
      return positional[i];
    }
    if (!Object.prototype.hasOwnProperty.call(keywords, name)) throw new KeyError(name);
    const v = keywords[name];
    return typeof v === "number" && isPyFloatAt(keywords, name) ? new PyFloat(v) : v;
  };
  /** `0.shape`, `x[1].name`: the argument, then each attribute or item Python's field name reads. */
  const fieldValue = (name: string): unknown => {
    const first = /^[^.[]*/.exec(name)![0];
    let value = lookup(first);
    let rest = name.slice(first.length);
    while (rest !== "") {
      if (rest[0] === ".") {
        const attr = /^\.([^.[]*)/.exec(rest)!;
        if (attr[1] === "") throw new ValueError("Empty attribute in format string");
        value = fieldAttribute(value, attr[1]);
        rest = rest.slice(attr[0].length);
      } else {
        const close = rest.indexOf("]");
        if (close < 0) throw new ValueError("Missing ']' in format string");
        const key = rest.slice(1, close);
        if (key === "") throw new ValueError("Empty attribute in format string");
        value = fieldItem(value, /^\d+$/.test(key) ? Number(key) : key);
        rest = rest.slice(close + 1);
        if (rest !== "" && rest[0] !== "." && rest[0] !== "[") throw new ValueError("Only '.' or '[' may follow ']' in format field specifier");
      }
    }
    return value;
  };
  const field = (body: string): string => {
    const m = /^([^!:]*)(?:!([^:]*))?(?::(.*))?$/s.exec(body)!;
    const value = convert(fieldValue(m[1]), m[2]);
    const spec = (m[3] ?? "").replace(/\{([^{}]*)\}/g, (_, inner: string) => str(fieldValue(inner)));
    return pyformat(value, spec, str);
  };
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "{" && text[i + 1] === "{") {
      out += "{";
      i++;
    } else if (c === "}" && text[i + 1] === "}") {
      out += "}";
      i++;
    } else if (c === "}") {
      throw new ValueError("Single '}' encountered in format string");
    } else if (c === "{") {
      // A field ends at its matching brace (a spec may nest one level of fields).
      let depth = 1;
      let j = i + 1;
      for (; j < text.length && depth > 0; j++) depth += text[j] === "{" ? 1 : text[j] === "}" ? -1 : 0;
      if (depth > 0) throw new ValueError("expected '}' before end of string");
      out += field(text.slice(i + 1, j - 1));
      i = j - 1;
    } else {
      out += c;
    }
  }
  return out;
}

/** A `%` conversion: mapping key, flags, width, precision, conversion character. */
const CONVERSION = /%(?:\(([^)]*)\))?([-+ #0]*)(\d+|\*)?(?:\.(\d+|\*))?([a-zA-Z%])/g;

/** `{0.name}`: Python's getattr, AttributeError when the value has no such attribute. */
function fieldAttribute(value: unknown, name: string): unknown {
  if (value === null || value === undefined || !(name in Object(value))) throw new AttributeError(`'${pyTypeName(value)}' object has no attribute '${name}'`);
  return (value as Record<string, unknown>)[name];
}

/** `{0[1]}`, `{d[key]}`: Python's value[key] for a list, str, dict (object or Map) or an object with `__getitem__` (a tensor). */
function fieldItem(value: unknown, key: number | string): unknown {
  if (Array.isArray(value) || typeof value === "string") {
    const kind = typeof value === "string" ? "string" : pyTypeName(value);
    if (typeof key === "string") throw new TypeError(typeof value === "string" ? "string indices must be integers, not 'str'" : `${kind} indices must be integers or slices, not str`);
    if (key >= value.length) throw new IndexError(`${kind} index out of range`);
    return value[key];
  }
  if (value instanceof Map) {
    if (!value.has(key)) throw new KeyError(key);
    return value.get(key);
  }
  const getitem = value !== null && typeof value === "object" ? (value as { __getitem__?: unknown }).__getitem__ : undefined;
  if (typeof getitem === "function") return (getitem as (k: unknown) => unknown).call(value, key);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) throw new KeyError(key);
    return (value as Record<string, unknown>)[key];
  }
  throw new TypeError(`'${pyTypeName(value)}' object is not subscriptable`);
}

/**
 * `fmt % values`: Python's printf-style formatting. values is one value, a tuple (written as an
 * array: `"%s=%r" % [name, x]`) or, for `%(name)s` fields, a dict. Conversions d i u f F e E g G
 * x X o c s r a %, with the flags `- + 0 #` and space, a width and a precision. The dialect's array is
 * Python's tuple, spread over the conversions, unless the format takes one value and the array does
 * not hold exactly one: then it is Python's list, the one value (`"%s" % [1, 2]` is `[1, 2]`, where a
 * tuple of two would be Python's TypeError).
 */
export function str_mod(fmt: string, values: unknown): string {
  const text = asStr(fmt, "__mod__");
  const named = /%\([^)]*\)/.test(text);
  const wanted = [...text.matchAll(CONVERSION)].reduce((n, m) => n + (m[5] === "%" ? 0 : 1 + (m[3] === "*" ? 1 : 0) + (m[4] === "*" ? 1 : 0)), 0);
  const list = Array.isArray(values) && wanted === 1 && values.length !== 1;
  // A tuple's floats as the cell wrote them (`"%s" % (2.0,)`) format as Python's floats.
  const args = named ? [] : Array.isArray(values) && !list ? values.map((v, i) => (typeof v === "number" && isPyFloatAt(values, i) ? new PyFloat(v) : v)) : [values];
  let next = 0;
  const take = (): unknown => {
    if (next >= args.length) throw new TypeError("not enough arguments for format string");
    return args[next++];
  };
  const out = text.replace(CONVERSION, (whole, key: string | undefined, flags: string, w: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === "%") return "%";
    const asNumber = (v: unknown): number => {
      if (typeof v === "number" || typeof v === "boolean" || v instanceof PyFloat) return Number(v);
      if (v !== null && typeof v === "object" && typeof (v as { item?: unknown }).item === "function" && typeof (v as { numel?: unknown }).numel === "function" && (v as { numel(): number }).numel() === 1) return Number((v as { item(): number }).item());
      if (conv === "c") throw new TypeError("%c requires int or char");
      // A tensor's or a NumPy array's `__float__` / `__int__`: Brownlee's `'Predicted: %.3f (class=%d)' % (yhat, yhat.round())` of a [1, 1] array.
      if (!"xXo".includes(conv) && v !== null && typeof v === "object" && typeof (v as { item?: unknown }).item === "function") {
        const { numel, size } = v as { numel?: unknown; size?: unknown };
        if (typeof numel === "function") throw new ValueError("only one element tensors can be converted to Python scalars");
        if (typeof size === "number") {
          if (size !== 1) throw new TypeError("only size-1 arrays can be converted to Python scalars");
          return Number((v as { item(): number }).item());
        }
      }
      throw new TypeError(`%${conv} format: ${"xXo".includes(conv) ? "an integer" : "a real number"} is required, not ${pyTypeName(v)}`);
    };
    const widthOf = (x: string | undefined): string => (x === "*" ? String(asNumber(take())) : x ?? "");
    const wd = widthOf(w);
    const pr = prec === undefined ? undefined : widthOf(prec);
    let value: unknown;
    if (key !== undefined) {
      if (typeof values !== "object" || values === null || Array.isArray(values)) throw new TypeError("format requires a mapping");
      const dict = values as Record<string, unknown>;
      if (values instanceof Map ? !values.has(key) : !Object.prototype.hasOwnProperty.call(dict, key)) throw new KeyError(key);
      value = values instanceof Map ? values.get(key) : dict[key];
    } else {
      value = take();
    }
    const left = flags.includes("-");
    const align = left ? "<" : ">";
    const sign = flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
    const zero = flags.includes("0") && !left ? "0" : "";
    const alt = flags.includes("#") ? "#" : "";
    const precision = pr === undefined ? "" : `.${pr}`;
    if (conv === "s" || conv === "r" || conv === "a") {
      const s = conv === "s" ? str(value) : repr(value);
      return pyformat(pr === undefined ? s : s.slice(0, Number(pr)), `${align}${wd}`);
    }
    if (conv === "c") {
      const c = typeof value === "string" ? value : String.fromCodePoint(asNumber(value));
      if (c.length !== 1 && [...c].length !== 1) throw new TypeError("%c requires int or char");
      return pyformat(c, `${align}${wd}`);
    }
    const n = asNumber(value);
    if ("diu".includes(conv)) return pyformat(Math.trunc(n), `${left ? "<" : ""}${sign}${zero}${wd}d`);
    if ("xXo".includes(conv)) {
      if (!Number.isInteger(n)) throw new TypeError(`%${conv} format: an integer is required, not float`);
      return pyformat(n, `${left ? "<" : ""}${sign}${alt}${zero}${wd}${conv}`);
    }
    if ("fFeEgG".includes(conv)) {
      // `%f` of a whole number is a float's text (`"%.1f" % 3` is 3.0), so the float path always.
      return formatFloat(n, `${left ? "<" : ""}${sign}${alt}${zero}${wd}${precision}${conv}`);
    }
    throw new ValueError(`unsupported format character '${conv}' (0x${conv.charCodeAt(0).toString(16)}) at index ${text.indexOf(whole)}`);
  });
  if (!named && next < args.length) throw new TypeError("not all arguments converted during string formatting");
  return out;
}
