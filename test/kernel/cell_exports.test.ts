/**
 * One program per version of a cell (kernel/cell_exports.ts): the cell file is read with its export
 * list already there, so tslab's two builds of a conversion and the dialect's last check of the same
 * text are one program; a class called the Python way gets its `new` from the first check.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { corpusCells } from "./_corpus";
import * as ts from "typescript";
import type { Converter } from "tslab/dist/converter";
import { boundLocals, moduleLocals, withExportList } from "../../kernel/cell_exports";
import { installTorchlabResolution, programCount } from "../../kernel/resolve";
import { withNotebookDialect } from "../../kernel/rewrite";

installTorchlabResolution();
const { createConverter } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");

/** The binder's names of `code` as a module's own (what tslab exports). */
function binderNames(code: string): Set<string> {
  const file = "/cell/__tslab__.ts";
  const text = `export {};\n${code}`;
  const options: ts.CompilerOptions = { noLib: true, noResolve: true, types: [], target: ts.ScriptTarget.ES2022 };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (name, target) => (name === file ? ts.createSourceFile(name, text, target) : undefined);
  host.fileExists = (name) => name === file;
  const program = ts.createProgram([file], options, host);
  program.getTypeChecker();
  return boundLocals(ts, program.getSourceFile(file)!)!;
}

const namesOf = (code: string): Set<string> => moduleLocals(ts, ts.createSourceFile("c.ts", `export {};\n${code}`, ts.ScriptTarget.ES2022));

describe("a cell's names, read from its syntax, are the binder's", () => {
  test.each([
    ["let a = 1, [b, , {c, d: [e]}] = f(), {...g} = h", ["a", "b", "c", "e", "g"]],
    ["function f() { var inner = 1 }\nclass C {}\nenum E { A }\ninterface I {}\ntype T = number\nnamespace N { export const x = 1 }", ["f", "C", "E", "I", "T", "N"]],
    ["import * as ns from 'x'\nimport def, { a as b, c } from 'y'\nimport q = require('z')", ["ns", "def", "b", "c", "q"]],
    ["for (var i = 0; i < 3; i++) { var j = i; let k = j }\nfor (var key in o) {}\nfor (const v of xs) { var w = v }", ["i", "j", "key", "w"]],
    ["if (a) { var x = 1 } else { var y = 2 }\ntry { var t = 1 } catch (e) { var u = 2 } finally { var z = 3 }\nswitch (s) { case 1: var sw = 1 }\nlbl: while (c) { var wh = 1 }\ndo { var dw = 1 } while (c)", ["x", "y", "t", "u", "z", "sw", "wh", "dw"]],
    ["const f = () => { var hidden = 1 }\n{ let blockScoped = 1; function blockFn() {} }\nexport const exported = 1\nexport function ef() {}", ["f", "exported", "ef"]],
    ["let __dunder = 1, ___three = 2", ["__dunder", "___three"]],
    ["declare let ambient: number\ndeclare global { var g: number }", ["ambient", "__global"]],
  ])("%s", (code, names) => {
    expect([...namesOf(code)].sort()).toEqual([...names].sort());
    expect([...binderNames(code)].sort()).toEqual([...names].sort());
  });

  test("for every cell of the tutorial ports' cell files and of the notebooks", () => {
    const cells = corpusCells();
    expect(cells.length).toBeGreaterThan(1000);
    const differ = cells.filter(([, code]) => {
      const a = namesOf(code);
      const b = binderNames(code);
      return a.size !== b.size || [...a].some((n) => !b.has(n));
    });
    expect(differ.map(([where]) => where)).toEqual([]);
  });
});

describe("the cell file's export list", () => {
  const names = (body: string) => moduleLocals(ts, ts.createSourceFile("c.ts", body, ts.ScriptTarget.ES2022));
  test("is added, sorted, where tslab has not appended one yet, and replaces tslab's own when it names the same names", () => {
    const body = "export {};\nlet b = 1\nconst a = 2";
    expect(withExportList(body, names)).toBe(`${body}\nexport {a, b}`);
    expect(withExportList(`${body}\nexport {b, a}`, names)).toBe(`${body}\nexport {a, b}`);
  });
  test("is tslab's own, as it is, when it names other names", () => {
    const body = "export {};\nlet b = 1";
    expect(withExportList(`${body}\nexport {b, c}`, names)).toBe(`${body}\nexport {b, c}`);
  });
  test("is not added to a cell that declares nothing", () => {
    expect(withExportList("export {};\nprint(1)", names)).toBe("export {};\nprint(1)");
  });
});

describe("the programs a conversion builds", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-cell-exports-"));
  const cwd = process.cwd();
  let conv: Converter;
  beforeAll(() => {
    process.chdir(dir);
    conv = withNotebookDialect(() => createConverter({ isJS: false, isBrowser: false }));
  });
  afterAll(() => {
    conv.close();
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const built = <T>(f: () => T): [T, number] => {
    const before = programCount();
    const result = f();
    return [result, programCount() - before];
  };

  test("a cell that declares names: one program (tslab's convert alone built two)", () => {
    const [r, programs] = built(() => conv.convert("", "let a = 1\nconst b = a + 1"));
    expect(r.diagnostics).toEqual([]);
    expect(r.output).toMatch(/exports\.a = /);
    expect(r.output).toMatch(/exports\.b = /);
    expect(programs).toBe(1);
  });

  test("the names reach the next cell, and a cell's last expression is still its value", () => {
    const first = conv.convert("", "let a = 1\nconst b = a + 1");
    const [r, programs] = built(() => conv.convert(first.declOutput!, "const c = b * 2\nc"));
    expect(r.diagnostics).toEqual([]);
    expect(r.lastExpressionVar).toBeDefined();
    expect(programs).toBe(1);
  });

  test("a class called the Python way: its new comes from the first check, no second round", () => {
    const decl = conv.convert("", "class P {\n  constructor(public x: number) {}\n}").declOutput!;
    const [r, programs] = built(() => conv.convert(decl, "const p = P(3)\nconst q = [P(1), P(2)]"));
    expect(r.diagnostics).toEqual([]);
    // P is the earlier cell's, read through `exports`.
    expect(r.output).toMatch(/new (exports\.)?P\(3\)/);
    expect(r.output).toMatch(/new (exports\.)?P\(1\)/);
    // The check of the cell as written, then the program of the cell with its `new`s.
    expect(programs).toBe(2);
  });

  test("super(...) in a derived class's constructor is not a class called the Python way", () => {
    const decl = conv.convert("", "class Base {\n  constructor(public x: number) {}\n}").declOutput!;
    const r = conv.convert(decl, "class D extends Base {\n  constructor() {\n    super(1)\n  }\n}\nconst d = D()");
    expect(r.diagnostics).toEqual([]);
    expect(r.output).toContain("super(1)");
    expect(r.output).toMatch(/new (exports\.)?D\(\)/);
  });

  test("errors are placed in the cell as written", () => {
    const r = conv.convert("", "let a = 1\nconst s: string = a");
    expect(r.diagnostics.map((d) => [d.start.line, d.start.character])).toEqual([[1, 6]]);
  });
});
