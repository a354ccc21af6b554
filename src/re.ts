/**
 * Python's `re` module in a cell, over JavaScript's RegExp: `re.sub("[^A-Za-z]+", " ", line)` (d2l's
 * time machine), `re.sub("([.!?])", " \\1", s)` (the seq2seq tutorial's normalizeString),
 * `re.findall("\\w+", text)`, `re.split`, `re.search(...).group(1)`, `re.compile(p, re.I)`.
 *
 * A Python pattern is translated to JavaScript's dialect before it is compiled, so that it matches what
 * Python's matches: `\w`, `\d` and `\b` are Unicode-aware as Python 3's are for str patterns (`\w`
 * matches 中 and é; JavaScript's is ASCII-only) unless re.ASCII; `$` also matches before a final
 * newline; `\A`, `\Z`, `(?P<name>...)`, `(?P=name)`, `(?#...)`, leading inline flags `(?i)`, a `{`
 * that is not a quantifier, escapes of any punctuation, octal escapes and re.VERBOSE's whitespace and
 * comments. Replacement templates are Python's (`\1`, `\g<1>`, `\g<name>`, `\n`, an unmatched group
 * as ''), positions are in code points as Python's are, and `findall` gives strings, one group's
 * values or tuples as Python does. Not translated: scoped inline flags `(?i:...)` and conditionals
 * `(?(1)...)` (re.error says so), and `\W` / `\D` inside a character class, which keep JavaScript's
 * ASCII meaning.
 */
import { TypeError, ValueError } from "./errors";
import { asPyTuple, IPYTHON_REPR, pyTypeName, setPyModule } from "./pyrepr";
import { pythonRepr } from "./display/pylist";

export const IGNORECASE = 2;
export const I = IGNORECASE;
export const LOCALE = 4;
export const L = LOCALE;
export const MULTILINE = 8;
export const M = MULTILINE;
export const DOTALL = 16;
export const S = DOTALL;
export const UNICODE = 32;
export const U = UNICODE;
export const VERBOSE = 64;
export const X = VERBOSE;
export const ASCII = 256;
export const A = ASCII;

/** Python's `re.error`: a pattern that does not compile, with the pattern and what is wrong. */
export class error extends ValueError {
  constructor(
    message: string,
    readonly pattern: string | null = null,
  ) {
    super(message);
    this.name = "re.error";
  }
}

const WORD = "\\p{L}\\p{N}_";
const SYNTAX = new Set("^$\\.*+?()[]{}|/");

/** Python's pattern as JavaScript's source, with the inline flags it began with folded into `flags`. */
function translate(pattern: string, flags: number): { source: string; flags: number; names: string[] } {
  let p = pattern;
  // Leading inline flags: (?aiLmsux).
  for (let m = /^\(\?([aiLmsux]+)\)/.exec(p); m; m = /^\(\?([aiLmsux]+)\)/.exec(p)) {
    for (const c of m[1]) flags |= { a: ASCII, i: IGNORECASE, L: LOCALE, m: MULTILINE, s: DOTALL, u: UNICODE, x: VERBOSE }[c] ?? 0;
    p = p.slice(m[0].length);
  }
  const ascii = (flags & ASCII) !== 0;
  const verbose = (flags & VERBOSE) !== 0;
  const names: string[] = [];
  let out = "";
  let inClass = false;
  let classStart = false;
  const fail = (what: string, at: number): never => {
    throw new error(`${what} at position ${at}`, pattern);
  };
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    const at = pattern.length - p.length + i;
    if (c === "\\") {
      const n = p[i + 1];
      if (n === undefined) fail("bad escape (end of pattern)", at);
      i++;
      if (!ascii && "wWdDbB".includes(n)) {
        if (inClass) out += n === "w" ? WORD : n === "d" ? "\\p{Nd}" : `\\${n}`;
        else if (n === "w") out += `[${WORD}]`;
        else if (n === "W") out += `[^${WORD}]`;
        else if (n === "d") out += "\\p{Nd}";
        else if (n === "D") out += "\\P{Nd}";
        else if (n === "b") out += `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`;
        else out += `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`;
      } else if (n === "A" && !inClass) out += "(?<![\\s\\S])";
      else if (n === "Z" && !inClass) out += "(?![\\s\\S])";
      else if (n === "a") out += "\\x07";
      else if (n === "U") {
        const hex = p.slice(i + 1, i + 9);
        if (!/^[0-9a-fA-F]{8}$/.test(hex)) fail(`incomplete escape \\U${hex}`, at);
        out += `\\u{${hex}}`;
        i += 8;
      } else if (/[0-7]/.test(n) && (inClass || n === "0" || (/[0-7]/.test(p[i + 1] ?? "") && /[0-7]/.test(p[i + 2] ?? "")))) {
        // An octal escape: \0, \012, and any digit escape inside a class.
        const oct = /^[0-7]{1,3}/.exec(p.slice(i))![0];
        out += `\\u{${parseInt(oct, 8).toString(16)}}`;
        i += oct.length - 1;
      } else if (/[1-9]/.test(n)) {
        const num = /^\d{1,2}/.exec(p.slice(i))![0];
        out += `\\${num}`;
        i += num.length - 1;
      } else if (/[A-Za-z0-9]/.test(n)) {
        if (!"wWdDsSbBnrtfvxu".includes(n)) fail(`bad escape \\${n}`, at);
        out += `\\${n}`;
      } else if (SYNTAX.has(n) || (inClass && n === "-")) out += `\\${n}`;
      // Python escapes any punctuation; JavaScript's u mode only its syntax characters.
      else out += n;
      classStart = false;
      continue;
    }
    if (inClass) {
      if (c === "]" && !classStart) inClass = false;
      // A `[` inside a class, and a `]` first in it (`[]a]`), are literal in Python.
      out += c === "[" || (c === "]" && classStart) ? `\\${c}` : c;
      classStart = classStart && c === "^";
      continue;
    }
    if (verbose && /\s/.test(c)) continue;
    if (verbose && c === "#") {
      while (i < p.length && p[i] !== "\n") i++;
      continue;
    }
    if (c === "[") {
      inClass = true;
      classStart = true;
      out += c;
      if (p[i + 1] === "^") {
        out += "^";
        i++;
      }
      continue;
    }
    if (c === "(" && p[i + 1] === "?") {
      const rest = p.slice(i);
      const named = /^\(\?P<([A-Za-z_]\w*)>/.exec(rest);
      if (named) {
        names.push(named[1]);
        out += `(?<${named[1]}>`;
        i += named[0].length - 1;
        continue;
      }
      const ref = /^\(\?P=([A-Za-z_]\w*)\)/.exec(rest);
      if (ref) {
        out += `\\k<${ref[1]}>`;
        i += ref[0].length - 1;
        continue;
      }
      if (rest.startsWith("(?#")) {
        const close = rest.indexOf(")");
        if (close < 0) fail("missing ), unterminated comment", at);
        i += close;
        continue;
      }
      if (/^\(\?[aiLmsux-]+[:)]/.test(rest)) fail("inline flags inside the pattern (`(?i:...)` or `(?i)` after its start) are not supported here: pass re.IGNORECASE etc. as flags", at);
      if (rest.startsWith("(?(")) fail("conditional groups `(?(1)...)` are not supported here", at);
      if (rest.startsWith("(?<") && !rest.startsWith("(?<=") && !rest.startsWith("(?<!")) fail("unknown extension ?<" + (rest[3] ?? ""), at);
      out += c;
      continue;
    }
    if (c === "(") {
      names.push("");
      out += c;
      continue;
    }
    if (c === "{") {
      // A quantifier ({3}, {2,}, {,4}, {1,3}); any other `{` is literal in Python.
      const q = /^\{(\d*)(,(\d*))?\}/.exec(p.slice(i));
      if (q && (q[1] !== "" || q[3])) {
        out += q[1] === "" ? `{0,${q[3]}}` : q[0];
        i += q[0].length - 1;
      } else out += "\\{";
      continue;
    }
    if (c === "}" || c === "]") {
      out += `\\${c}`;
      continue;
    }
    if (c === "." && !(flags & DOTALL)) {
      // Python's `.` stops only at \n (JavaScript's also at \r, \u2028, \u2029).
      out += "[^\\n]";
      continue;
    }
    if (c === "$" && !(flags & MULTILINE)) {
      out += "(?=\\n?(?![\\s\\S]))";
      continue;
    }
    out += c;
  }
  if (inClass) fail("unterminated character set", pattern.lastIndexOf("["));
  return { source: out, flags, names };
}

function jsFlags(flags: number, extra: string): string {
  return `du${flags & IGNORECASE ? "i" : ""}${flags & MULTILINE ? "m" : ""}${flags & DOTALL ? "s" : ""}${extra}`;
}

/** A code-unit offset of `s` as Python's code-point position. */
function cp(s: string, unit: number): number {
  let n = 0;
  for (let i = 0; i < unit; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= unit) n++;
    else {
      n++;
      i++;
    }
  }
  return n;
}

/** A Python code-point position as a code-unit offset of `s`. */
function unitOf(s: string, point: number): number {
  let i = 0;
  for (let n = 0; n < point && i < s.length; n++) i += s.codePointAt(i)! > 0xffff ? 2 : 1;
  return i;
}

function requireString(v: unknown, what: string): string {
  if (typeof v !== "string") throw new TypeError(`${what}: expected string or bytes-like object, got '${pyTypeName(v)}'`);
  return v;
}

/** Python's `re.Match`: group(), groups(), span(), start(), end(), `m[1]`. */
export class Match {
  /** @internal */
  constructor(
    private readonly m: RegExpExecArray,
    readonly string: string,
    readonly re: Pattern,
    readonly pos: number,
    readonly endpos: number,
  ) {}

  private index(g: number | string): number {
    if (typeof g === "string") {
      const i = this.re._names.indexOf(g);
      if (i < 0) throw new error("no such group");
      return i + 1;
    }
    if (!Number.isInteger(g) || g < 0 || g >= this.m.length) throw new error("no such group");
    return g;
  }

  /** `m.group()`, `m.group(1)`, `m.group("name")`, `m.group(1, 2)` (a tuple); an unmatched group is None. */
  group(): string;
  group(g: number | string): string;
  group(...groups: (number | string)[]): (string | null)[];
  group(...groups: (number | string)[]): string | null | (string | null)[] {
    if (groups.length === 0) return this.m[0];
    const values = groups.map((g) => this.m[this.index(g)] ?? null);
    return groups.length === 1 ? values[0] : asPyTuple(values);
  }

  /** Python's `m[g]`. */
  __getitem__(g: number | string): string | null {
    return this.m[this.index(g)] ?? null;
  }

  /** Every group's value, `default` (None) for one that did not take part. */
  groups(defaultValue: string | null = null): (string | null)[] {
    return asPyTuple(this.m.slice(1).map((v) => v ?? defaultValue));
  }

  /** The named groups as a dict. */
  groupdict(defaultValue: string | null = null): Record<string, string | null> {
    const out: Record<string, string | null> = {};
    this.re._names.forEach((n, i) => {
      if (n !== "") out[n] = this.m[i + 1] ?? defaultValue;
    });
    return out;
  }

  /** [start, end] of a group in code points; [-1, -1] for one that did not take part. */
  span(g: number | string = 0): [number, number] {
    const r = this._units(g);
    return asPyTuple(r[0] < 0 ? r : [cp(this.string, r[0]), cp(this.string, r[1])]);
  }

  /** @internal a group's [start, end] in code units of the string ([-1, -1] when it did not take part). */
  _units(g: number | string = 0): [number, number] {
    const r = (this.m as RegExpExecArray & { indices?: ([number, number] | undefined)[] }).indices?.[this.index(g)];
    return r ? [r[0], r[1]] : [-1, -1];
  }

  start(g: number | string = 0): number {
    return this.span(g)[0];
  }

  end(g: number | string = 0): number {
    return this.span(g)[1];
  }

  /** The index of the last group that matched, or None. */
  get lastindex(): number | null {
    for (let i = this.m.length - 1; i > 0; i--) if (this.m[i] !== undefined) return i;
    return null;
  }

  /** `m.expand(template)`: the template with the groups filled in, as sub() fills them. */
  expand(template: string): string {
    return expandTemplate(template, this);
  }

  __repr__(): string {
    const [s, e] = this.span();
    return `<re.Match object; span=(${s}, ${e}), match=${pythonRepr(this.m[0])}>`;
  }

  [IPYTHON_REPR](): string {
    return this.__repr__();
  }
}

/** Python's `\1`, `\g<1>`, `\g<name>` and escapes of a replacement template, for one match. */
function expandTemplate(template: string, m: Match): string {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== "\\") {
      out += c;
      continue;
    }
    const n = template[i + 1];
    if (n === undefined) throw new error("bad escape (end of pattern)");
    i++;
    if (n === "g") {
      const g = /^<([^>]*)>/.exec(template.slice(i + 1));
      if (!g) throw new error("missing <");
      const key = /^\d+$/.test(g[1]) ? Number(g[1]) : g[1];
      if (typeof key === "string" && !/^[A-Za-z_]\w*$/.test(key)) throw new error(`bad character in group name '${key}'`);
      out += (m.__getitem__(key) as string | null) ?? "";
      i += g[0].length;
    } else if (n === "0") {
      const oct = /^[0-7]{1,3}/.exec(template.slice(i))![0];
      out += String.fromCharCode(parseInt(oct, 8));
      i += oct.length - 1;
    } else if (/\d/.test(n)) {
      const num = /^\d{1,2}/.exec(template.slice(i))![0];
      out += m.__getitem__(Number(num)) ?? "";
      i += num.length - 1;
    } else if (n in ESCAPES) out += ESCAPES[n];
    else if (/[A-Za-z]/.test(n)) throw new error(`bad escape \\${n}`);
    else out += `\\${n}`;
  }
  return out;
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v", a: "\x07", b: "\b", "\\": "\\" };

/** A compiled pattern, Python's `re.Pattern`: `re.compile("\\s+").split(text)`. */
export class Pattern {
  readonly pattern: string;
  readonly flags: number;
  /** @internal the capturing groups' names in order ('' for an unnamed one). */
  readonly _names: string[];
  private readonly source: string;

  constructor(pattern: string, flags = 0) {
    this.pattern = requireString(pattern, "re.compile()");
    const t = translate(pattern, flags);
    this.source = t.source;
    this.flags = t.flags | (t.flags & ASCII ? 0 : UNICODE);
    this._names = t.names;
    this.regex("g");
  }

  get groups(): number {
    return this._names.length;
  }

  get groupindex(): Record<string, number> {
    const out: Record<string, number> = {};
    this._names.forEach((n, i) => {
      if (n !== "") out[n] = i + 1;
    });
    return out;
  }

  private regex(extra: string, suffix = ""): RegExp {
    try {
      return new RegExp(this.source + suffix, jsFlags(this.flags, extra));
    } catch (e) {
      throw new error(`${(e as Error).message.replace(/^Invalid regular expression: /, "")} (pattern ${pythonRepr(this.pattern)})`, this.pattern);
    }
  }

  private at(rx: RegExp, string: string, pos: number, endpos: number | null): Match | null {
    const s = requireString(string, "re");
    const end = endpos === null ? s : s.slice(0, unitOf(s, endpos));
    rx.lastIndex = unitOf(s, Math.max(0, pos));
    const m = rx.exec(end);
    return m ? new Match(m, s, this, pos, endpos ?? cp(s, s.length)) : null;
  }

  /** The first match anywhere (from `pos`), or None. */
  search(string: string, pos = 0, endpos: number | null = null): Match | null {
    return this.at(this.regex("g"), string, pos, endpos);
  }

  /** A match at the start (at `pos`), or None. */
  match(string: string, pos = 0, endpos: number | null = null): Match | null {
    return this.at(this.regex("y"), string, pos, endpos);
  }

  /** A match of the whole string (from `pos`), or None. */
  fullmatch(string: string, pos = 0, endpos: number | null = null): Match | null {
    return this.at(new RegExp(`(?:${this.regex("y").source})(?![\\s\\S])`, jsFlags(this.flags, "y")), string, pos, endpos);
  }

  /** Every non-overlapping match, as Match objects. */
  *finditer(string: string, pos = 0, endpos: number | null = null): IterableIterator<Match> {
    const s = requireString(string, "re.finditer()");
    const end = endpos === null ? s : s.slice(0, unitOf(s, endpos));
    const rx = this.regex("g");
    rx.lastIndex = unitOf(s, pos);
    for (let m = rx.exec(end); m; m = rx.exec(end)) {
      // An empty match moves on by one code point, as Python's does.
      if (m[0] === "") rx.lastIndex += (end.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1;
      yield new Match(m, s, this, pos, endpos ?? cp(s, s.length));
      if (rx.lastIndex > end.length) break;
    }
  }

  /** Every match's text, or with one group its value, with several a tuple of them ('' for one that did not take part). */
  findall(string: string, pos = 0, endpos: number | null = null): (string | string[])[] {
    const out: (string | string[])[] = [];
    for (const m of this.finditer(string, pos, endpos)) {
      if (this.groups === 0) out.push(m.group() as string);
      else if (this.groups === 1) out.push((m.__getitem__(1) as string | null) ?? "");
      else out.push(asPyTuple((m.groups("") as string[]).slice()));
    }
    return out;
  }

  /** The string split at each match, the groups' values in between (None for one that did not take part); at most `maxsplit` splits. */
  split(string: string, maxsplit = 0): (string | null)[] {
    const s = requireString(string, "re.split()");
    const out: (string | null)[] = [];
    let last = 0;
    let n = 0;
    for (const m of this.finditer(s)) {
      if (maxsplit > 0 && n >= maxsplit) break;
      const [a, b] = m._units();
      out.push(s.slice(last, a), ...(m.groups() as (string | null)[]));
      last = b;
      n++;
    }
    out.push(s.slice(last));
    return out;
  }

  /** The string with matches replaced by `repl` (a template or a function of the Match), the first `count` (0: all). */
  sub(repl: string | ((m: Match) => string), string: string, count = 0): string {
    return this.subn(repl, string, count)[0];
  }

  /** sub() and the number of replacements made. */
  subn(repl: string | ((m: Match) => string), string: string, count = 0): [string, number] {
    const s = requireString(string, "re.sub()");
    if (typeof repl !== "string" && typeof repl !== "function") throw new TypeError(`re.sub(): repl must be a string or a function, not ${typeof repl}`);
    let out = "";
    let last = 0;
    let n = 0;
    for (const m of this.finditer(s)) {
      if (count > 0 && n >= count) break;
      const [a, b] = m._units();
      const text = typeof repl === "string" ? expandTemplate(repl, m) : repl(m);
      if (typeof text !== "string") throw new TypeError(`expected str instance, ${text === null ? "NoneType" : typeof text} found`);
      out += s.slice(last, a) + text;
      last = b;
      n++;
    }
    return asPyTuple([out + s.slice(last), n]);
  }

  __repr__(): string {
    const names: string[] = [];
    for (const [flag, name] of [[IGNORECASE, "IGNORECASE"], [MULTILINE, "MULTILINE"], [DOTALL, "DOTALL"], [VERBOSE, "VERBOSE"], [ASCII, "ASCII"]] as const) if (this.flags & flag) names.push(`re.${name}`);
    return `re.compile(${pythonRepr(this.pattern)}${names.length ? `, ${names.join("|")}` : ""})`;
  }

  [IPYTHON_REPR](): string {
    return this.__repr__();
  }
}

const cache = new Map<string, Pattern>();

/** `re.compile(pattern, flags)`; a Pattern given is returned as it is. */
export function compile(pattern: string | Pattern, flags = 0): Pattern {
  if (pattern instanceof Pattern) {
    if (flags !== 0) throw new ValueError("cannot process flags argument with a compiled pattern");
    return pattern;
  }
  const key = `${flags}:${requireString(pattern, "re.compile()")}`;
  let p = cache.get(key);
  if (p === undefined) {
    p = new Pattern(pattern, flags);
    if (cache.size > 512) cache.clear();
    cache.set(key, p);
  }
  return p;
}

export function search(pattern: string | Pattern, string: string, flags = 0): Match | null {
  return compile(pattern, flags).search(string);
}

export function match(pattern: string | Pattern, string: string, flags = 0): Match | null {
  return compile(pattern, flags).match(string);
}

export function fullmatch(pattern: string | Pattern, string: string, flags = 0): Match | null {
  return compile(pattern, flags).fullmatch(string);
}

export function findall(pattern: string | Pattern, string: string, flags = 0): (string | string[])[] {
  return compile(pattern, flags).findall(string);
}

export function finditer(pattern: string | Pattern, string: string, flags = 0): IterableIterator<Match> {
  return compile(pattern, flags).finditer(string);
}

export function split(pattern: string | Pattern, string: string, maxsplit = 0, flags = 0): (string | null)[] {
  return compile(pattern, flags).split(string, maxsplit);
}

export function sub(pattern: string | Pattern, repl: string | ((m: Match) => string), string: string, count = 0, flags = 0): string {
  return compile(pattern, flags).sub(repl, string, count);
}

export function subn(pattern: string | Pattern, repl: string | ((m: Match) => string), string: string, count = 0, flags = 0): [string, number] {
  return compile(pattern, flags).subn(repl, string, count);
}

/** Python's `re.escape`: a backslash before every character special in a pattern. */
export function escape(pattern: string): string {
  return requireString(pattern, "re.escape()").replace(/[()[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]/g, (c) => `\\${c}`);
}

/** Empties the cache of compiled patterns. */
export function purge(): void {
  cache.clear();
}

setPyModule(Pattern, "re");
setPyModule(Match, "re");
