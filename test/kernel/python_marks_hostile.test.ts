/**
 * The marks a cell gets before it is parsed (`@`, Python's slices, f-string specs, `**` unpacking, `//`:
 * kernel/rewrite.ts markPythonSyntax) against text that only looks like them: strings, comments, regular
 * expressions (after an operand, and at a statement's start after `if (...)`, where `/` is no division),
 * templates, TypeScript's own `:` (types, conditionals, object literals, labels) and `<` (generics). Each
 * such cell must come out as written; the ones that are Python syntax come out marked. Before, a regular
 * expression after `if (ok)` was read as a division, so `/a@b/` became `/a*` and a comment, and `/x[:2]/`
 * `/x[":2"]/`: a different pattern, silently; a template's `${(a): number => a}` was taken for a spec.
 */
import { installTorchlabResolution } from "../../kernel/resolve";
import { markPythonSyntax } from "../../kernel/rewrite";

installTorchlabResolution();

describe("text that only looks like Python syntax stays as written", () => {
  test.each([
    // Regular expressions, at a statement's start after a condition and elsewhere.
    "if (ok) /x[:2]/.test(s)",
    "if (ok) /a@b/.test(s)",
    "while (ok) /a@b/.exec(s)",
    "for (const k of ks) /k[1:]/.test(k)",
    "if (ok) /a\\/\\/b/.test(s)",
    "const r = ok ? /x[:2]/ : /a@b/",
    "const parts = s.split(/[:@]/)",
    // Strings, templates and comments.
    "s = 'a@b' + \"x[:2]\" + `y // z` + `${'x[:2]'}` + `${\"a@b\"}`",
    "// a @ b x[:2] `${v:.2f}` f(**k) n // 2",
    "/* a @ b x[:2] `${v:.2f}` */ y = 1",
    "y = 1 /* a @ b */ + 2",
    "s = `@${a}//${b}:${c}`",
    // TypeScript's own colons in templates, subscripts, objects and labels.
    "t = `${((a: number): number => a)(1)}`",
    "t = `${function (a: number): number { return a }}`",
    "t = `${(a): number => a}`",
    "t = `${c ? a : b}`",
    "t = `${ {a: 1}.a }`",
    "t = `${a != b} ${a !== b} ${a ?? b} ${a?.b}`",
    "o = {a: x[0], b: y ? 1 : 2}",
    "outer: for (;;) { break outer }",
    "w = x[c ? 1 : 2]",
    // Generics, decorators, exponentiation, spreads.
    "const f = <T,>(x: T): T => x",
    "y = f<number>(1) < g<string>('a').length",
    "@dec\nclass A {}",
    "class B {\n  @dec\n  m() {}\n}",
    "z = a ** 2 + f(a ** 2, 2 ** b)",
    "z = [...k, {...o}]",
    // `//` comments after code.
    "x = 5;  // epochs",
    "x = 5  // number of epochs",
    "f(a, b)  // then a // b",
    "const s = 'a' // 'b'",
    "xs = [1, 2] // halves",
  ])("%s", (code) => expect(markPythonSyntax(code)).toBe(code));
});

describe("Python syntax is marked beside such text", () => {
  test.each([
    ["if (ok) y = a @ b", "if (ok) y = a */*@*/ b"],
    ["if (ok) y = x[:, 0]", 'if (ok) y = x[":", 0]'],
    ["if (n) m = n // 2", "if (n) m = n / /*//*/ 2"],
    ["y = f<number>(1) @ z", "y = f<number>(1) */*@*/ z"],
    ["y = `${x}` @ w", "y = `${x}` */*@*/ w"],
    ["v = a @ /re/.source.length", "v = a */*@*/ /re/.source.length"],
    ["t = `${(a + b):.2f} ${x!r} ${x=}`", "t = `${(a + b)/*:.2f*/} ${x/*!r*/} ${x/*=*/}`"],
    ["t = `${x:>{w}.{p}f} ${y:=>10}`", "t = `${x/*:>{w}.{p}f*/} ${y/*:=>10*/}`"],
    ["y = f(**cfg) // 2", "y = f($=cfg) / /*//*/ 2"],
  ])("%s", (code, marked) => expect(markPythonSyntax(code)).toBe(marked));
});
