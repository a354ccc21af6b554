"""Fixture for test/api/re.test.ts: Python 3.11's `re` on the patterns courses write.

Each case is a call of the re module (function name, positional arguments, keyword arguments) and the
repr of what Python returns (a Match's repr, lists, tuples, None); a callable `repl` is named by a key of
REPLS, written the same on both sides. Writes test/reference/re.json: {"cases": [{fn, args, kwargs, repr}]}.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))

REPLS = {"double": lambda m: str(int(m.group()) * 2), "upper": lambda m: m.group(1).upper()}

CASES = [
    # The seq2seq tutorial's normalizeString and d2l's time machine.
    ("sub", [r"([.!?])", r" \1", "Hello there! How are you?"], {}),
    ("sub", [r"[^a-zA-Z.!?]+", r" ", "it's 9 o'clock — ça va?"], {}),
    ("sub", ["[^A-Za-z]+", " ", "The Time Machine, by H. G. Wells [1898]"], {}),
    # Python 3's \w, \d and \b are Unicode-aware for str patterns.
    ("findall", [r"\w+", "naïve café 中文 x_1"], {}),
    ("findall", [r"\bcat\b", "cat concat cat. 猫cat"], {}),
    ("sub", [r"[^\w\s]", "", "Hello, world! 你好，世界。"], {}),
    ("findall", [r"\d+", "12 ٣٤ 5"], {}),
    # findall's shapes: the text, one group's value, tuples; empty matches.
    ("findall", [r"(\w)(\d)", "a1 b2 c"], {}),
    ("findall", [r"(\d)", "a1b2"], {}),
    ("findall", [r"\d*", "a1"], {}),
    ("findall", [r"(a)|b", "ab"], {}),
    ("findall", [r"\d+\.\d+|\d+", "3.14 and 42"], {}),
    ("findall", [r"[\w-]+", "state-of-the-art ok"], {}),
    ("findall", [r"[^\W\d_]+", "abc 12 de_f"], {}),
    # split: groups kept (None where one did not take part), maxsplit, empty matches.
    ("split", [r"\s+", "  a b\tc\n"], {}),
    ("split", [r"(,)|;", "a,b;c"], {}),
    ("split", [",", "a,b,c,d"], {"maxsplit": 2}),
    ("split", [r"\b", "a b"], {}),
    ("split", [r"x*", "axbc"], {}),
    # sub: templates, count, a function, flags.
    ("sub", [r"(\w+) (\w+)", r"\2 \1", "hello world"], {}),
    ("sub", [r"(?P<a>\w)", r"<\g<a>|\g<1>>", "ab"], {}),
    ("sub", ["a", "b", "aaa"], {"count": 2}),
    ("sub", [r"\d", "double", "a1b2"], {}),
    ("sub", [r"(\w)(\w*)", "upper", "deep learning"], {}),
    ("sub", ["x*", "-", "abxd"], {}),
    ("sub", ["$", "!", "end\n"], {}),
    ("sub", ["(a)|b", r"[\1]", "ab"], {}),
    ("sub", ["a", r"\n\t|", "a"], {}),
    ("subn", [r"\s", "_", "a b c"], {}),
    ("sub", ["HELLO", "hi", "Hello hello"], {"flags": re.I}),
    # Anchors, `.`, flags, inline flags, verbose.
    ("findall", [r"^\w", "a\nb"], {"flags": re.M}),
    ("findall", ["^\\w", "a\nb"], {}),
    ("findall", ["a.c", "a\rc a\nc"], {}),
    ("findall", ["a.c", "a\nc"], {"flags": re.S}),
    ("findall", [r"(?i)hello", "Hello HELLO"], {}),
    ("findall", [r"\d+ # digits", "a 12 b 3"], {"flags": re.X}),
    ("findall", [r"\Aa|b\Z", "ab\n ab"], {}),
    # Literal braces, escaped punctuation, quantifiers.
    ("findall", [r"{}", "a{}b"], {}),
    ("findall", [r"a{2,}", "aaa a"], {}),
    ("findall", [r"a{,2}", "aaa"], {}),
    ("sub", [r"\'", "", "it's"], {}),
    ("findall", [r"\d\-\d", "1-2 3"], {}),
    ("findall", [r"[]a]", "]a"], {}),
    # Matches: search, match, fullmatch, groups, spans in code points.
    ("search", [r"(?P<year>\d{4})-(?P<month>\d{2})", "date: 2024-05-01"], {}),
    ("match", [r"\d+", "abc 123"], {}),
    ("match", [r"\d+", "123abc"], {}),
    ("fullmatch", [r"a|ab", "ab"], {}),
    ("fullmatch", [r"\d+", "12a"], {}),
    ("search", [r"(\d+)", "x 😀 42"], {}),
    ("escape", ["a.b-c d*(x)"], {}),
]


def call(fn, args, kwargs):
    args = [REPLS.get(a, a) if fn in ("sub", "subn") and i == 1 else a for i, a in enumerate(args)]
    return getattr(re, fn)(*args, **kwargs)


def main():
    cases = [{"fn": fn, "args": args, "kwargs": kwargs, "repr": repr(call(fn, args, kwargs))} for fn, args, kwargs in CASES]
    # A match's parts, as a course reads them.
    m = re.search(r"(?P<year>\d{4})-(?P<month>\d{2})(-(\d\d))?", "date: 2024-05")
    parts = repr([m.group(), m.group(1), m.group("month"), m.group(1, 2), m.groups(), m.groups("-"), m.span(), m.start(2), m.end(), m.groupdict(), m[1], m.lastindex, m.expand(r"\2/\1")])
    p = re.compile(r"\s+", re.I)
    compiled = repr([p, p.pattern, p.groups, p.split("a b  c"), re.compile("x", re.I | re.M)])
    out = os.path.join(HERE, "re.json")
    with open(out, "w") as f:
        json.dump({"cases": cases, "match_parts": parts, "compiled": compiled}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(out)


if __name__ == "__main__":
    main()
