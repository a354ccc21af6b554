/**
 * Python's `re` (src/re.ts) against Python 3.11's on the patterns courses write (test/reference/gen_re.py):
 * the seq2seq tutorial's normalizeString and d2l's time machine, Unicode \w / \d / \b, findall's shapes,
 * split with groups and maxsplit, sub's templates / count / functions / flags, anchors and `.`, inline
 * and verbose flags, literal braces and escaped punctuation, and Match objects (groups, spans in code
 * points, repr). Each result is compared as Python's repr of it.
 */
import * as fs from "fs";
import * as path from "path";
import * as re from "../../src/re";
import { repr } from "../../src/builtins";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "re.json"), "utf8")) as {
  cases: { fn: string; args: unknown[]; kwargs: Record<string, number>; repr: string }[];
  match_parts: string;
  compiled: string;
};

const REPLS: Record<string, (m: re.Match) => string> = {
  double: (m) => String(Number(m.group()) * 2),
  upper: (m) => m.group(1).toUpperCase(),
};

/** The call as a cell's keywords place it: Python's positional order, then count / maxsplit / flags. */
function call(fn: string, args: unknown[], kwargs: Record<string, number>): unknown {
  const a = args.map((v, i) => ((fn === "sub" || fn === "subn") && i === 1 && typeof v === "string" && v in REPLS ? REPLS[v] : v));
  const mod = re as unknown as Record<string, (...xs: unknown[]) => unknown>;
  if (fn === "sub" || fn === "subn") return mod[fn](a[0], a[1], a[2], kwargs.count ?? 0, kwargs.flags ?? 0);
  if (fn === "split") return mod.split(a[0], a[1], kwargs.maxsplit ?? 0, kwargs.flags ?? 0);
  if (fn === "escape") return mod.escape(a[0]);
  return mod[fn](a[0], a[1], kwargs.flags ?? 0);
}

test.each(fixture.cases.map((c) => [`${c.fn}(${c.args.map((a) => JSON.stringify(a)).join(", ")})`, c] as const))("re.%s", (_, c) => {
  expect(repr(call(c.fn, c.args, c.kwargs))).toBe(c.repr);
});

test("a Match's groups, spans, groupdict and expand; a compiled pattern's repr and methods", () => {
  const m = re.search("(?P<year>\\d{4})-(?P<month>\\d{2})(-(\\d\\d))?", "date: 2024-05")!;
  const parts = [m.group(), m.group(1), m.group("month"), m.group(1, 2), m.groups(), m.groups("-"), m.span(), m.start(2), m.end(), m.groupdict(), m.__getitem__(1), m.lastindex, m.expand("\\2/\\1")];
  expect(repr(parts)).toBe(fixture.match_parts);
  const p = re.compile("\\s+", re.I);
  expect(repr([p, p.pattern, p.groups, p.split("a b  c"), re.compile("x", re.I | re.M)])).toBe(fixture.compiled);
});

test("bad patterns and arguments are named", () => {
  expect(() => re.compile("(a")).toThrow(re.error);
  expect(() => re.compile("(a")).toThrow(/pattern '\(a'/);
  expect(() => re.compile("[a")).toThrow("unterminated character set at position 0");
  expect(() => re.compile("\\q")).toThrow("bad escape \\q at position 0");
  expect(() => re.compile("a(?i:b)")).toThrow(/inline flags inside the pattern/);
  expect(() => re.sub("a", "\\g<x>", "a")).toThrow("no such group");
  expect(() => re.findall("a", 5 as never)).toThrow("expected string or bytes-like object, got 'int'");
  expect(() => re.compile(re.compile("a"), re.I)).toThrow("cannot process flags argument with a compiled pattern");
});
