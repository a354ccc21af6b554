/**
 * Python's slices in a cell's subscripts (kernel/python_slices.ts): `x[:, 0]`, `xy[:, :-1]`, `s[::-1]`,
 * `x[i:i + n]` compile and do what Python does on tensors, NumPy arrays, lists, strings, torch.Size,
 * nn.Sequential and pandas' iloc, read and written (test/reference/gen_python_slices.py: the same lines in
 * Python). Before, such a cell did not compile ("Expected 1 arguments, but got 0"). The marking leaves
 * TypeScript's own brackets alone (array and object literals, conditional expressions, index signatures,
 * labelled tuples, computed names, destructuring, strings, templates, regular expressions), and it changes
 * no cell of the tutorial ports or the notebooks, which were written before it existed.
 */
import * as fs from "fs";
import * as path from "path";
import { corpusCells } from "./_corpus";
import { markSlices } from "../../kernel/python_slices";
import { expectedOutput as expected, runCaseCells, type Case } from "../api/_case_cells";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "python_slices.json"), "utf8")) as { cases: Case[] };

describe("a Python slice item becomes the dialect's slice string", () => {
  test.each([
    ["x[:, 0]", 'x[":", 0]'],
    ["xy[:, :-1]", 'xy[":", ":-1"]'],
    ["xy[:, [-1]]", 'xy[":", [-1]]'],
    ["s[::-1]", 's["::-1"]'],
    ["x[i:i + n]", "x[`${i}:${i + n}`]"],
    ["seq[idx, :seq_len] = 1", "seq[idx, `:${seq_len}`] = 1"],
    ["x[a:b:c]", "x[`${a}:${b}:${c}`]"],
    ["t[..., 0]", 't["...", 0]'],
    ["p[:, None]", 'p[":", None]'],
    ["x[1 : 3]", 'x["1 : 3"]'],
    ["x = a.b[:3].c", 'x = a.b[":3"].c'],
    ["x = y[0][1:]", 'x = y[0]["1:"]'],
    ["x[f(a)[:2], 1:3]", 'x[f(a)[":2"], "1:3"]'],
    ["print(`${x[:, 0]}`)", 'print(`${x[":", 0]}`)'],
    ["w = x[c ? 1 : 2]", "w = x[c ? 1 : 2]"],
    ["w = x[:, c ? 1 : 2]", 'w = x[":", c ? 1 : 2]'],
  ])("%s", (code, marked) => expect(markSlices(code)).toBe(marked));
});

describe("TypeScript's own colons and brackets stay as written", () => {
  test.each([
    "y = c ? a : b",
    "z = [a ? b : c]",
    "const o = {a: 1}",
    "q = x[{a: 1}.a]",
    "interface A { readonly [k: string]: number }",
    "type T = [start: number, end: number]",
    "class B {\n  x: number\n  [k: string]: any\n}",
    "m = {[k]: v}",
    "const [a, b] = y",
    "for (const z of [1, 2]) {}",
    "switch (a) { case 1: break; }",
    "r = /a[:b]/.test(s)",
    "s = 'a[:b]' + \"x[1:2]\" + `y[:3]`",
    "// a comment with x[:, 0]\n/* and x[1:] */",
    "function f(a: number[]): [first: number] { return [a[0]]; }",
    "print(f`${v:.4f}`)",
  ])("%s", (code) => expect(markSlices(code)).toBe(code));

  test("no cell of the tutorial ports' cell files or of the notebooks changes", () => {
    const cells = corpusCells();
    expect(cells.length).toBeGreaterThan(1000);
    expect(cells.filter(([, code]) => markSlices(code) !== code).map(([where]) => where)).toEqual([]);
  });
});

describe("cells with Python's slices print what Python prints", () => {
  let printed: Map<string, string>;
  beforeAll(async () => {
    printed = await runCaseCells(fixture.cases, 20, "python_slices");
  }, 300000);

  test.each(fixture.cases.map((c) => [c.name, c] as const))("%s", (name, c) => {
    expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
  });
});
