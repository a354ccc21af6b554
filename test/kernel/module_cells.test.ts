/**
 * Python syntax in a module cell (kernel/module_cells.ts): such a cell compiles without the notebook
 * dialect, so `a @ b` marked as `*` ran as an elementwise product (or NaN), `x[":", 0]` as JavaScript's
 * `x[0]`, a format spec was dropped. Now each use is a compile error at the column written, naming the
 * method to write, and a cell importing the module gets that error rather than the marks run as JavaScript.
 * Compile errors of notebook cells are at the columns written too, after slices, floor division, format
 * specs and in loops (whose yield points the kernel inserts).
 */
import * as fs from "fs";
import * as path from "path";
import { installTorchlabResolution } from "../../kernel/resolve";
import { pythonSyntaxUses } from "../../kernel/module_cells";
import { prepareCellSource } from "../../kernel/rewrite";
import { notebook, runCli, tempDir } from "./helpers";

installTorchlabResolution();

/** `[written text, message start]` of each use pythonSyntaxUses finds. */
const uses = (code: string) => pythonSyntaxUses(code).map((u) => [code.slice(u.start, u.end), u.message.slice(0, u.message.indexOf(" is not supported"))]);

describe("which Python syntax a module cell refuses", () => {
  test("each use, at its text as written", () => {
    expect(uses("export const f = (a: any, b: any) => a @ b;")).toEqual([["@", "Python's `@` (matrix multiplication)"]]);
    expect(uses("export function g(a: any, b: any) { a @= b; return a; }")).toEqual([["@=", "Python's `@=` (matrix multiplication)"]]);
    expect(uses("export const h = (x: any) => x[:, 0] + x[1:][:2];")).toEqual([
      ["[:, 0]", "Python's slice `[:, 0]`"],
      ["[1:]", "Python's slice `[1:]`"],
      ["[:2]", "Python's slice `[:2]`"],
    ]);
    expect(uses("export const s = (v: number) => `${v:.4f} ${v!r}`;")).toEqual([
      [":.4f", "Python's format spec `:.4f`"],
      ["!r", "Python's format spec `!r`"],
    ]);
    expect(uses("export const c = (f: any, cfg: any) => f(1, **cfg);")).toEqual([["**", "Python's `**` keyword unpacking"]]);
    expect(uses("export function half(n: number, batch_size: number) { return [n // 2, n // (1 + 1), n // batch_size]; }")).toEqual([
      ["//", "Python's `//` (floor division)"],
      ["//", "Python's `//` (floor division)"],
      ["//", "Python's `//` (floor division)"],
    ]);
  });

  test("the messages name what to write instead", () => {
    expect(pythonSyntaxUses("const y = a @ b").map((u) => u.message)).toEqual([
      "Python's `@` (matrix multiplication) is not supported in a %module cell (it compiles without the notebook dialect): write a.matmul(b)",
    ]);
    expect(pythonSyntaxUses("const y = x[:, 0]").map((u) => u.message)).toEqual([
      `Python's slice \`[:, 0]\` is not supported in a %module cell (it compiles without the notebook dialect): write .index(":, 0")`,
    ]);
  });

  test("TypeScript stays TypeScript: comments, strings, decorators, regular expressions, types", () => {
    for (const code of [
      "export const lr = 0.1 // learning rate",
      "export const epochs = 5 // epochs",
      "export const steps = 5 // epochs",
      "const batch_size = 4;\nexport const n = 64; // batch_size",
      "export const n = 7; // 2 of them",
      "// a @ b, x[:, 0], `${v:.2f}`, n // 2\nexport const k = 1;",
      "export const s = 'a @ b' + \"x[:2]\" + `n // 2`;",
      "export function ok(a: number, b: number) { return Math.floor(a / b); } // a // b, as Python",
      "export const r = (s: string) => { if (s) /a@b[:2]/.test(s); return 1; };",
      "export const t = `${((a: number): number => a)(1)}`;",
      "export interface I { readonly [k: string]: number }",
      "export const pick = (c: boolean) => [c ? 1 : 2];",
    ]) {
      expect([code, pythonSyntaxUses(code)]).toEqual([code, []]);
    }
  });

  test("a module cell is given to tslab as written (nothing marked: nothing there reads the marks)", () => {
    const cell = "/** @module m */\nexport const f = (a: any, b: any) => a @ b[:, 0];\nexport const h = 7 // 2";
    expect(prepareCellSource(cell, null, true)).toBe(cell);
  });
});

describe("through the kernel", () => {
  type Output = { output_type: string; text?: string[] | string; data?: { "text/plain"?: string[] | string }; ename?: string; evalue?: string; traceback?: string[] };
  const cells: (string | { code: string; tags: string[] })[] = [];
  const at: Record<string, number> = {};
  const cell = (name: string, code: string, raises = false): void => {
    at[name] = cells.length;
    cells.push(raises ? { code, tags: ["raises-exception"] } : code);
  };
  const moduleCell = [
    "/** @module lin */",
    'import { torch } from "torchlab";',
    "export function project(x: any, w: any) { return x @ w; }",
    "export const rows = (x: any) => x[:, 0];",
  ].join("\n");
  cell("module", moduleCell, true);
  cell("import", 'import { project } from "./lin";\nprint(project(torch.ones(2, 3), torch.ones(3, 2)));', true);
  cell("fixed", moduleCell.replace("x @ w", "x.matmul(w)").replace("x[:, 0]", 'x.index(":, 0")'));
  cell("imported", 'import { project, rows } from "./lin";\nprint(project(torch.ones(2, 3), torch.ones(3, 2)));\nprint(rows(torch.arange(6).reshape(2, 3)));');
  cell("comments", "/** @module util */\nexport const epochs = 5 // epochs\nexport const lr = 0.1 // lr, then decayed\nexport function half(n: number) { return Math.floor(n / 2); } // n // 2, as Python");
  cell("usesComments", 'import { epochs, lr, half } from "./util";\nprint(epochs, lr, half(7));');
  cell("x", "const x = torch.arange(12).reshape(3, 4);");
  cell("afterSlice", "print(x[:, 0].nosuch());", true);
  cell("typeAfterSlice", "const z = x[1:, :2]; const w: string = x[:, 0];", true);
  cell("loop", "for (let i = 0; i < 2; i++) { const u = x[:, i].nosuch5(); }", true);
  cell("loopPlain", "for (let i = 0; i < 2; i++) {\n  const v = x.sum(); const u = x.nosuch6();\n}", true);
  cell("afterFloor", "const k = x.shape[0] // 2 + x.shape[1] // 3, q = nosuch7;", true);
  cell("afterSpec", "const q = `${x.sum().item():.2f} ${x[0, :2]}` + nosuch8;", true);
  cell("afterMatmul", "const m = x[:, :2] @ x[:2, :] + nosuch9;", true);

  let outputs: Output[][];
  beforeAll(async () => {
    const dir = tempDir("torchlab-modcell-");
    fs.writeFileSync(path.join(dir, "modcell.ipynb"), JSON.stringify(notebook(cells)));
    await runCli(["run", path.join(dir, "modcell.ipynb"), "--out", dir]);
    outputs = (JSON.parse(fs.readFileSync(path.join(dir, "modcell.ipynb"), "utf8")) as { cells: { outputs: Output[] }[] }).cells.map((c) => c.outputs);
  }, 240000);

  const shown = (name: string): string => outputs[at[name]].map((o) => (o.output_type === "error" ? `${o.ename}: ${o.evalue}` : [o.text ?? o.data?.["text/plain"] ?? ""].flat().join(""))).join("");
  const traceback = (name: string): string[] => outputs[at[name]].flatMap((o) => o.traceback ?? []);
  /** `cell:line:column` (1-based) of `text` in the cell `name` as written. */
  const where = (name: string, text: string): string => {
    const code = (typeof cells[at[name]] === "string" ? cells[at[name]] : (cells[at[name]] as { code: string }).code) as string;
    const offset = code.indexOf(text);
    const before = code.slice(0, offset);
    return `cell:${before.split("\n").length}:${offset - before.lastIndexOf("\n")}`;
  };

  test("a module cell with `@` and a slice is an error at each, in the columns written", () => {
    expect(traceback("module")).toEqual([
      `${where("module", "@ w")} - Python's \`@\` (matrix multiplication) is not supported in a %module cell (it compiles without the notebook dialect): write a.matmul(b)`,
      `${where("module", "[:, 0]")} - Python's slice \`[:, 0]\` is not supported in a %module cell (it compiles without the notebook dialect): write .index(":, 0")`,
    ]);
  });

  test("a cell importing it gets that error, never an elementwise product", () => {
    expect(shown("import")).toBe(
      `SyntaxError: module "lin", line 3, column ${where("module", "@ w").split(":")[2]}: Python's \`@\` (matrix multiplication) is not supported in a %module cell (it compiles without the notebook dialect): write a.matmul(b)`,
    );
  });

  test("written with the methods, the module works; its `//` comments stay comments", () => {
    expect(shown("fixed")).toBe("");
    expect(shown("imported")).toBe("tensor([[3., 3.],\n        [3., 3.]])\ntensor([0, 3])\n");
    expect(shown("comments")).toBe("");
    expect(shown("usesComments")).toBe("5 0.1 3\n");
  });

  test("a notebook cell's compile error is at the column written, after slices, `//`, specs, `@` and in loops", () => {
    expect(shown("afterSlice")).toBe(`CompileError: ${where("afterSlice", "nosuch")} - Property 'nosuch' does not exist on type 'Tensor'.`);
    expect(shown("typeAfterSlice")).toBe(`CompileError: ${where("typeAfterSlice", "w:")} - Type 'Tensor' is not assignable to type 'string'.`);
    expect(shown("loop")).toBe(`CompileError: ${where("loop", "nosuch5")} - Property 'nosuch5' does not exist on type 'Tensor'.`);
    expect(shown("loopPlain")).toBe(`CompileError: ${where("loopPlain", "nosuch6")} - Property 'nosuch6' does not exist on type 'Tensor'.`);
    expect(shown("afterFloor")).toBe(`CompileError: ${where("afterFloor", "nosuch7")} - Cannot find name 'nosuch7'.`);
    expect(shown("afterSpec")).toBe(`CompileError: ${where("afterSpec", "nosuch8")} - Cannot find name 'nosuch8'.`);
    expect(shown("afterMatmul")).toBe(`CompileError: ${where("afterMatmul", "nosuch9")} - Cannot find name 'nosuch9'.`);
  });
});
