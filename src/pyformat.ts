/**
 * Python's format-spec mini-language (`format(value, spec)`, the part after `:` in an f-string's
 * `{loss:.4f}`), with Python 3.11's semantics:
 *
 *   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
 *
 * for ints (b c d o x X n, and the float types after conversion), floats (e E f F g G n %, none) and
 * strings (s, none). Floats are rounded as Python rounds them: the exact binary value, ties to even
 * (`format(0.125, ".2f")` is `0.12`, `format(2.5, ".0f")` is `2`), which JavaScript's toFixed does not
 * do; digits come from exact BigInt arithmetic, so `format(1e22, ".2f")` has all its digits.
 *
 * JavaScript has one number type: a whole number is formatted as Python's int, any other as a float
 * (`formatFloat` formats a whole number as a float, for a float tensor's item). Errors are Python's
 * ValueError with its wording ("Unknown format code 'd' for object of type 'float'").
 */
import { OverflowError, TypeError, ValueError } from "./errors";
import { pyFloat } from "./testing/pyrepr";
import { PyFloat, pyTypeName } from "./pyrepr";

interface Spec {
  fill: string;
  align: "<" | ">" | "=" | "^" | "";
  sign: "+" | "-" | " " | "";
  z: boolean;
  alternate: boolean;
  width: number;
  grouping: "," | "_" | "";
  precision: number | null;
  type: string;
}

/** `defaultType` and `defaultAlign` are the value type's (str: s and <, int: d and >, float: none and >), as in CPython. */
function parseSpec(spec: string, typeName: string, defaultType: string, defaultAlign: "<" | ">"): Spec {
  const s: Spec = { fill: "", align: "", sign: "", z: false, alternate: false, width: 0, grouping: "", precision: null, type: "" };
  const chars = [...spec];
  let i = 0;
  const ALIGN = "<>=^";
  if (chars.length >= 2 && ALIGN.includes(chars[1])) {
    s.fill = chars[0];
    s.align = chars[1] as Spec["align"];
    i = 2;
  } else if (chars.length >= 1 && ALIGN.includes(chars[0])) {
    s.align = chars[0] as Spec["align"];
    i = 1;
  }
  if ("+- ".includes(chars[i] ?? "x")) s.sign = chars[i++] as Spec["sign"];
  if (chars[i] === "z") (s.z = true), i++;
  if (chars[i] === "#") (s.alternate = true), i++;
  if (chars[i] === "0") {
    // `0` before the width: zero padding after the sign, unless fill or alignment say otherwise.
    if (s.fill === "") s.fill = "0";
    if (s.align === "" && defaultAlign === ">") s.align = "=";
    i++;
  }
  let width = "";
  while (i < chars.length && /[0-9]/.test(chars[i])) width += chars[i++];
  if (width) s.width = Number(width);
  if (chars[i] === "," || chars[i] === "_") {
    s.grouping = chars[i++] as "," | "_";
    if (chars[i] === "," || chars[i] === "_") throw new ValueError("Cannot specify both ',' and '_'.");
  }
  if (chars[i] === ".") {
    i++;
    let precision = "";
    while (i < chars.length && /[0-9]/.test(chars[i])) precision += chars[i++];
    if (precision === "") throw new ValueError("Format specifier missing precision");
    s.precision = Number(precision);
  }
  const rest = chars.slice(i);
  if (rest.length > 1) throw new ValueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
  s.type = rest[0] ?? "";
  const type = s.type || defaultType;
  if (s.grouping) {
    const allowed = s.grouping === "," ? "deEfFgG%" : "deEfFgG%boxX";
    if (type !== "" && !allowed.includes(type)) throw new ValueError(`Cannot specify '${s.grouping}' with '${type}'.`);
  }
  return s;
}

/** `s` padded to the spec's width by its fill and alignment (`=`: the fill goes after `prefix`). */
function pad(s: Spec, prefix: string, body: string, defaultAlign: "<" | ">"): string {
  const length = [...prefix].length + [...body].length;
  const n = Math.max(0, s.width - length);
  const fill = s.fill || " ";
  switch (s.align || defaultAlign) {
    case "<":
      return prefix + body + fill.repeat(n);
    case ">":
      return fill.repeat(n) + prefix + body;
    case "^":
      return fill.repeat(Math.floor(n / 2)) + prefix + body + fill.repeat(n - Math.floor(n / 2));
    default:
      return prefix + fill.repeat(n) + body;
  }
}

/** `digits` with `sep` every `every` digits from the right; zero-padded (through the separators) to `minWidth`. */
function group(digits: string, sep: string, every: number, minWidth: number): string {
  const grouped = (d: string): string => {
    if (sep === "") return d;
    const parts: string[] = [];
    for (let end = d.length; end > 0; end -= every) parts.unshift(d.slice(Math.max(0, end - every), end));
    return parts.join(sep);
  };
  let d = digits;
  let out = grouped(d);
  while (out.length < minWidth) {
    d = `0${d}`;
    out = grouped(d);
  }
  return out;
}

/** Sign, digits and suffix laid out as Python lays out a number: grouping, zero padding, alignment. */
function layout(s: Spec, negative: boolean, prefix: string, intDigits: string, rest: string, every = 3): string {
  const sign = negative ? "-" : s.sign === "+" ? "+" : s.sign === " " ? " " : "";
  const head = sign + prefix;
  const zeroPad = s.fill === "0" && s.align === "=";
  const minWidth = zeroPad ? s.width - head.length - rest.length : 0;
  const body = group(intDigits, s.grouping, every, minWidth) + rest;
  return pad(s, head, body, ">");
}

// ---------------------------------------------------------------------------------------------
// Exact decimal digits of a double.

/** |x| (finite, non-zero) as num / den, both BigInt. */
function rational(x: number): [bigint, bigint] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp = biased - 1075;
  if (biased === 0) exp = -1074;
  else mant |= 1n << 52n;
  return exp >= 0 ? [mant << BigInt(exp), 1n] : [mant, 1n << BigInt(-exp)];
}

/** num / den rounded to an integer, ties to even. */
function roundHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) return q + 1n;
  return q;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** round(|x| * 10^p), ties to even, as a digit string (|x| finite). */
function fixedDigits(x: number, p: number): string {
  if (x === 0) return "0";
  const [num, den] = rational(x);
  return roundHalfEven(num * pow10(p), den).toString();
}

/** |x| (finite) to p+1 significant digits: the digits and the decimal exponent of the first. */
function sciDigits(x: number, p: number): [string, number] {
  if (x === 0) return ["0".repeat(p + 1), 0];
  const [num, den] = rational(x);
  let e = Math.floor(Math.log10(Math.abs(x)));
  // 10^e <= |x| < 10^(e+1), exactly.
  const atLeast = (k: number) => (k >= 0 ? num >= den * pow10(k) : num * pow10(-k) >= den);
  while (!atLeast(e)) e--;
  while (atLeast(e + 1)) e++;
  const shift = p - e;
  let n = shift >= 0 ? roundHalfEven(num * pow10(shift), den) : roundHalfEven(num, den * pow10(-shift));
  if (n === pow10(p + 1)) {
    n = pow10(p);
    e++;
  }
  return [n.toString(), e];
}

function exponent(e: number, upper: boolean): string {
  return `${upper ? "E" : "e"}${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

/** The body of a finite |x| in 'e' form with p digits after the point. */
function eBody(x: number, p: number, alternate: boolean, upper: boolean): [string, string] {
  const [digits, e] = sciDigits(x, p);
  const frac = digits.slice(1);
  return [digits[0], (frac || alternate ? "." : "") + frac + exponent(e, upper)];
}

/** The body of a finite |x| in 'f' form with p digits after the point: [integer digits, the rest]. */
function fBody(x: number, p: number, alternate: boolean): [string, string] {
  const digits = fixedDigits(x, p).padStart(p + 1, "0");
  const int = digits.slice(0, digits.length - p);
  const frac = digits.slice(digits.length - p);
  return [int, (frac || alternate ? "." : "") + frac];
}

/**
 * 'g' (and the float's untyped form with a precision, `addDot0`): p significant digits, scientific
 * when the exponent is below -4 or from p on (from p-1 on for the untyped form), trailing zeros
 * removed unless `#`.
 */
function gBody(x: number, p: number, alternate: boolean, upper: boolean, addDot0: boolean): [string, string] {
  const precision = p === 0 ? 1 : p;
  const [, e] = sciDigits(x, precision - 1);
  const strip = (int: string, rest: string): [string, string] => {
    if (alternate) return [int, rest];
    const m = /^(\.\d*?)0*((?:[eE].*)?)$/.exec(rest);
    if (!m) return [int, rest];
    const frac = m[1] === "." ? "" : m[1];
    return [int, frac + m[2]];
  };
  if (e < -4 || e >= (addDot0 ? precision - 1 : precision)) {
    const [int, rest] = eBody(x, precision - 1, alternate, upper);
    return strip(int, rest);
  }
  const [int, rest] = strip(...fBody(x, precision - 1 - e, alternate));
  return [int, addDot0 && rest === "" ? ".0" : rest];
}

/** Python's `format(x, spec)` for a float `x`. */
export function formatFloat(x: number, spec: string): string {
  const s = parseSpec(spec, "float", "", ">");
  if (!"eEfFgGn%".includes(s.type)) throw new ValueError(`Unknown format code '${s.type}' for object of type 'float'`);
  const upper = s.type === "E" || s.type === "F" || s.type === "G";
  const v = s.type === "%" ? x * 100 : x;
  let negative = v < 0 || Object.is(v, -0);
  const suffix = s.type === "%" ? "%" : "";
  if (!Number.isFinite(v)) {
    const word = Number.isNaN(v) ? "nan" : "inf";
    const sign = negative && !Number.isNaN(v) ? "-" : s.sign === "+" ? "+" : s.sign === " " ? " " : "";
    // No zero padding for inf and nan: Python pads them with the fill as given ('0' included).
    return pad(s, sign, (upper ? word.toUpperCase() : word) + suffix, ">");
  }
  const a = Math.abs(v);
  const p = s.precision ?? 6;
  let int: string;
  let rest: string;
  switch (s.type) {
    case "e":
    case "E":
      [int, rest] = eBody(a, p, s.alternate, upper);
      break;
    case "f":
    case "F":
    case "%":
      [int, rest] = fBody(a, p, s.alternate);
      break;
    case "g":
    case "G":
    case "n":
      [int, rest] = gBody(a, p, s.alternate, upper, false);
      break;
    default:
      if (s.precision === null) {
        // repr: the shortest digits that read back as x.
        const r = pyFloat(a);
        const m = /^(\d+)(.*)$/.exec(r)!;
        [int, rest] = [m[1], s.alternate && !m[2].includes(".") ? `.${m[2]}` : m[2]];
      } else [int, rest] = gBody(a, s.precision, s.alternate, upper, true);
  }
  // `z`: a negative zero after rounding (`-0.0001` to `.2f`) is written as 0.
  if (s.z && !/[1-9]/.test(int + rest.replace(/[eE].*$/, ""))) negative = false;
  return layout(s, negative, "", int, rest + suffix);
}

/** Python's `format(n, spec)` for an int `n`. */
export function formatInt(n: number | bigint, spec: string, typeName = "int"): string {
  const s = parseSpec(spec, typeName, "d", ">");
  if ("eEfFgG%".includes(s.type) && s.type !== "") return formatFloat(Number(n), spec);
  if (!"bcdoxXn".includes(s.type)) throw new ValueError(`Unknown format code '${s.type}' for object of type '${typeName}'`);
  if (s.z) throw new ValueError("Negative zero coercion (z) not allowed in integer format specifier");
  if (s.precision !== null) throw new ValueError("Precision not allowed in integer format specifier");
  const big = BigInt(n);
  if (s.type === "c") {
    if (s.sign) throw new ValueError("Sign not allowed with integer format specifier 'c'");
    if (s.alternate) throw new ValueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (big < 0n || big > 0x10ffffn) throw new OverflowError("%c arg not in range(0x110000)");
    return pad(s, "", String.fromCodePoint(Number(big)), ">");
  }
  const negative = big < 0n;
  const a = negative ? -big : big;
  const radix = { b: 2, o: 8, x: 16, X: 16 }[s.type as "b"] ?? 10;
  let digits = a.toString(radix);
  if (s.type === "X") digits = digits.toUpperCase();
  const prefix = s.alternate && radix !== 10 ? `0${s.type === "X" ? "X" : s.type}` : "";
  return layout(s, negative, prefix, digits, "", radix === 10 ? 3 : 4);
}

/** Python's `format(text, spec)` for a str. */
export function formatStr(text: string, spec: string): string {
  const s = parseSpec(spec, "str", "s", "<");
  if (s.type !== "" && s.type !== "s") throw new ValueError(`Unknown format code '${s.type}' for object of type 'str'`);
  if (s.sign) throw new ValueError("Sign not allowed in string format specifier");
  if (s.z) throw new ValueError("Negative zero coercion (z) not allowed in string format specifier");
  if (s.alternate) throw new ValueError("Alternate form (#) not allowed in string format specifier");
  if (s.align === "=") throw new ValueError("'=' alignment not allowed in string format specifier");
  const body = s.precision === null ? text : [...text].slice(0, s.precision).join("");
  return pad(s, "", body, "<");
}

/** An object that formats itself, as Python's `__format__` (a Tensor). */
interface SelfFormatting {
  __format__(spec: string): string;
}

/**
 * Python's built-in `format(value, spec)`: a whole number as an int, another number as a float,
 * a boolean as `True`/`False` without a spec and as an int with one, a string, an object with a
 * `__format__`; anything else only without a spec (then `str`, given as `plain`), else Python's
 * TypeError "unsupported format string passed to list.__format__".
 */
export function format(value: unknown, spec = "", plain: (v: unknown) => string = String): string {
  if (typeof value === "boolean") return spec === "" ? (value ? "True" : "False") : formatInt(value ? 1 : 0, spec, "bool");
  if (typeof value === "bigint") return formatInt(value, spec);
  if (value instanceof PyFloat) return spec === "" ? pyFloat(value.value) : formatFloat(value.value, spec);
  if (typeof value === "number") return Number.isInteger(value) && !Object.is(value, -0) ? formatInt(value, spec) : formatFloat(value, spec);
  if (typeof value === "string") return formatStr(value, spec);
  if (typeof value === "object" && value !== null && typeof (value as Partial<SelfFormatting>).__format__ === "function") return (value as SelfFormatting).__format__(spec);
  if (spec !== "") throw new TypeError(`unsupported format string passed to ${pyTypeName(value)}.__format__`);
  return plain(value);
}
