"""Python 3.11 references for test/pystr.test.ts: what Python's str methods, list methods, `%`-formatting
and the membership test `x in y` return or raise (src/pystr.ts, src/pylist.ts, src/pyin.ts). A case is
[method, receiver, args] or [method, receiver, args, kwargs]: Python runs getattr(receiver, method)(*args,
**kwargs) (a list argument of startswith / endswith is the tuple the dialect writes as an array; `__mod__` is `receiver % tuple(args[0])` when args[0] is a list, `__contains__` is
`args[0] in receiver`); the test calls str_<method> / list_<method> / str_mod / contains on the same
JSON values (keywords as a trailing object). A `key` named "len" or "neg" is that function. An entry is
{"value": result, "after": receiver} (the list after a list method) or {"error": [type, message]}.
Run with Debian's /usr/bin/python3 from test/reference: writes pystr.json.
"""
import json
import os
import sys

assert sys.version_info[:2] == (3, 11)

KEYS = {"len": len, "neg": lambda x: -x}

STR = [
    ["strip", "  a b \t\n", []], ["strip", "xxaxbxx", ["x"]], ["strip", "\x1c a \x85", []], ["lstrip", "  ab  ", []],
    ["rstrip", "ab..!", [".!"]], ["strip", "abc", [None]], ["strip", "abc", [3]],
    ["lower", "ÀB c", []], ["upper", "straße", []], ["title", "they're bill's friends from the UK", []],
    ["title", "hello world2go", []], ["capitalize", "hELLO World", []], ["capitalize", "", []],
    ["startswith", "hello", ["he"]], ["startswith", "hello", [["x", "hel"]]], ["startswith", "hello", ["l", 2]],
    ["startswith", "hello", ["", 6]], ["endswith", "data.csv", [[".csv", ".txt"]]], ["endswith", "hello", ["ell", 0, 4]],
    ["startswith", "hello", [1]], ["startswith", "hello", [["a", 1]]],
    ["join", ", ", [["a", "b", "c"]]], ["join", "", [[]]], ["join", "-", ["abc"]], ["join", " ", [["a", 1, "c"]]], ["join", " ", [3]],
    ["split", "  a  b\tc\n ", []], ["split", "", []], ["split", "a,b,,c", [","]], ["split", "a,b,c", [",", 1]],
    ["split", "  a b  c ", [None, 1]], ["split", "a b", [""]], ["split", "a b c", [" ", 0]], ["split", "abc", ["abc"]],
    ["replace", "a.b.c", [".", ""]], ["replace", "aaa", ["a", "b", 2]], ["replace", "abc", ["", "-"]], ["replace", "abc", ["", "-", 2]],
    ["replace", "", ["", "x"]], ["replace", "abc", ["x", "y", 0]],
    ["find", "hello", ["l"]], ["find", "hello", ["z"]], ["find", "hello", ["l", 3]], ["find", "hello", ["l", -2]], ["find", "hello", ["", 5]],
    ["find", "hello", ["", 6]], ["rfind", "hello", ["l"]], ["rfind", "hello", ["l", 0, 3]], ["index", "hello", ["e"]], ["index", "hello", ["z"]],
    ["rindex", "abab", ["ab"]], ["count", "banana", ["an"]], ["count", "aaaa", ["aa"]], ["count", "abc", [""]], ["count", "banana", ["a", 2]],
    ["count", "abc", ["", 5]],
    ["isdigit", "123", []], ["isdigit", "12.3", []], ["isdigit", "", []], ["isdigit", "²", []], ["isalpha", "abcé", []], ["isalpha", "ab1", []],
    ["isalnum", "ab12", []], ["isalnum", "ab 12", []], ["isspace", " \t\n", []], ["isspace", "", []], ["isupper", "ABC1", []],
    ["isupper", "AbC", []], ["isupper", "123", []], ["islower", "abc1", []], ["islower", "aBc", []],
    ["zfill", "42", [5]], ["zfill", "-42", [5]], ["zfill", "+7", [4]], ["zfill", "abc", [2]],
    ["center", "ab", [5]], ["center", "abc", [6, "*"]], ["center", "a", [4]], ["center", "ab", [7, "-"]], ["center", "ab", [5, "**"]],
    ["ljust", "ab", [5, "."]], ["rjust", "ab", [5]], ["rjust", "abcdef", [3]],
    ["format", "{} and {}", [1, 2]], ["format", "{1}-{0}-{1}", ["a", "b"]], ["format", "{:.2f}|{:>6}|{:<4}|{:^7}", [3.14159, "ab", 1, "mid"]],
    ["format", "{name}: {acc:.1%}", [], {"name": "net", "acc": 0.8765}], ["format", "{!r} {!s}", ["a", "b"]],
    ["format", "{:{w}.{p}f}", [2.5], {"w": 8, "p": 3}], ["format", "{{}} {}", [7]], ["format", "{:05d}|{:,}|{:x}", [42, 1234567, 255]],
    ["format", "{} {}", [1]], ["format", "{0} {}", [1, 2]], ["format", "{missing}", []], ["format", "a } b", []],
    ["format", "{0[1]} {0[0]}", [[5, 6]]], ["format", "{[1]}|{d[lr]:.2f}|{d[sizes][0]:>4}", [[5, 6]], {"d": {"lr": 0.1, "sizes": [7]}}],
    ["format", "{0[5]}", [[1]]], ["format", "{0[-1]}", [[1]]], ["format", "{0[1]}", ["ab"]], ["format", "{d[x]}", [], {"d": {"y": 1}}],
    ["format", "{d[0]}", [], {"d": {"y": 1}}], ["format", "{0.foo}", [[1]]], ["format", "{0.}", [[1]]], ["format", "{0[1]x}", [[1, 2]]],
    ["format", "{0[]}", [[1]]], ["format", "{name[0]!r:>5}", [], {"name": ["ab"]}], ["format", "{0[0]}", [3]],
    ["__mod__", "%d items", [3]], ["__mod__", "%.2f", [3.14159]], ["__mod__", "%s=%r", [["a", "b"]]], ["__mod__", "%5d|%-5d|%05d|%+d", [[42, 42, 42, 42]]],
    ["__mod__", "%d", [3.9]], ["__mod__", "%x %X %o %#x", [[255, 255, 8, 255]]], ["__mod__", "%e %g %G", [[12345.678, 0.0001234, 1e20]]],
    ["__mod__", "%.3s|%5s|%-5s|", [["abcdef", "ab", "ab"]]], ["__mod__", "100%% %s", ["done"]], ["__mod__", "%c%c", [[65, "b"]]],
    ["__mod__", "%(name)s is %(age)d", [{"name": "Ann", "age": 30}]], ["__mod__", "%s %s", [["a"]]], ["__mod__", "%s", [["a", "b"]], {"list": True}],
    ["__mod__", "%s", [[1, 2]], {"list": True}], ["__mod__", "items: %r", [[]], {"list": True}], ["__mod__", "%s, %s", [[[1, 2], 3]]],
    ["__mod__", "%s and %s", [["a", "b"]]], ["__mod__", "%d items", [[7]]], ["__mod__", "%*s|", [[4, "ab"]]], ["__mod__", "%d%%", [[1, 2]], {"list": True}],
    ["__mod__", "%d", ["a"]], ["__mod__", "%s %s", [[True, None]]], ["__mod__", "%.1f", [3]], ["__mod__", "%*d", [[5, 42]]],
    ["__mod__", "%(x)s", [{"y": 1}]],
]

LIST = [
    ["append", [1, 2], [5]], ["append", [], [[1, 2]]], ["extend", [1], [[2, 3]]], ["extend", ["a"], ["bc"]], ["extend", [1], [5]],
    ["insert", [1, 2, 3], [0, 9]], ["insert", [1, 2, 3], [-1, 9]], ["insert", [1, 2, 3], [10, 9]], ["insert", [1, 2, 3], [-10, 9]],
    ["remove", [1, 2, 1], [1]], ["remove", [1, 2], [3]], ["remove", [[1], [2]], [[2]]], ["remove", [True, 1], [1]],
    ["index", ["a", "b", "c"], ["b"]], ["index", [1, 2], [3]], ["index", [1, 2, 1, 2], [2, 2]], ["index", [1, 2, 1, 2], [1, -2]],
    ["index", [1, 2, 1], [1, 1, 2]], ["index", [1.0, 2], [1]], ["count", ["a", "b", "a"], ["a"]], ["count", [1, True, 1.0, "1"], [1]],
    ["count", [[1, 2], [1, 2]], [[1, 2]]], ["pop", [1, 2, 3], []], ["pop", [1, 2, 3], [0]], ["pop", [1, 2, 3], [-2]], ["pop", [], []],
    ["pop", [1], [5]], ["copy", [1, [2]], []], ["clear", [1, 2], []],
    ["sort", [10, 9, 1, 100], []], ["sort", ["b", "B", "a", "é", "Z"], []], ["sort", [3, 1, 2], [], {"reverse": True}],
    ["sort", ["ccc", "a", "bb", "dd"], [], {"key": "len"}], ["sort", ["ccc", "a", "bb", "dd"], [], {"key": "len", "reverse": True}],
    ["sort", [1, 3, 2], [], {"key": "neg"}], ["sort", [[2, 1], [1, 5], [1, 2]], []], ["sort", [1, "a"], []], ["sort", [2.5, -1, 0], []],
]

CONTAINS = [
    ["__contains__", [1, 2], [2]], ["__contains__", [1, 2, 3], [3]], ["__contains__", [1, 2], [5]], ["__contains__", [[1, 2], [3]], [[1, 2]]],
    ["__contains__", [1, 2], [True]], ["__contains__", ["a", "b"], ["a"]], ["__contains__", [1.0], [1]], ["__contains__", [None], [None]],
    ["__contains__", "abc", ["a"]], ["__contains__", "abc", ["bc"]], ["__contains__", "abc", ["ac"]], ["__contains__", "abc", [""]],
    ["__contains__", "abc", [1]], ["__contains__", {"a": 1}, ["a"]], ["__contains__", {"a": 1}, ["b"]], ["__contains__", {"a": 1}, ["toString"]],
    ["__contains__", 3, [1]],
]


def run(case):
    method, receiver, args = case[:3]
    kwargs = dict(case[3]) if len(case) > 3 else {}
    if "key" in kwargs:
        kwargs["key"] = KEYS[kwargs["key"]]
    try:
        if method == "__mod__":
            # {"list": True}: the array is Python's list, not the tuple the dialect otherwise writes.
            value = receiver % (tuple(args[0]) if isinstance(args[0], list) and not kwargs.get("list") else args[0])
        elif method == "__contains__":
            value = args[0] in receiver
        else:
            if method in ("startswith", "endswith"):
                # The dialect writes Python's tuple as an array.
                args = [tuple(a) if isinstance(a, list) else a for a in args]
            value = getattr(receiver, method)(*args, **kwargs)
    except Exception as e:  # noqa: BLE001 -- the references are the errors too
        return {"error": [type(e).__name__, str(e)]}
    out = {"value": value}
    if isinstance(receiver, list):
        out["after"] = receiver
    return out


cases = STR + LIST + CONTAINS
out = {"cases": [[c, run(json.loads(json.dumps(c)))] for c in cases]}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pystr.json"), "w") as fh:
    json.dump(out, fh, indent=0, ensure_ascii=False)
