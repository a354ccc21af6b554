/**
 * Python's `//` must never turn a comment into code (kernel/floor_division.ts). Every cell of every
 * tutorial port (test/tutorials/_*.ts, test/tutorials/*.test.ts: string and template literals, and arrays
 * of them joined) and every notebook (notebooks/*.ipynb) is scanned: the `//` that the syntax leaves as
 * candidates for the operator are listed, and the list must be exactly the intended ones; each of those is
 * a comment that the checker then keeps a comment (kernel/rewrite.ts floorDivisions: its right-hand text is
 * no number, tensor or defined name), which the tutorial suites that run these cells check.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { floorDivisionCandidates } from "../../kernel/floor_division";
import { scanTokens } from "../../kernel/matmul_operator";
import { installTorchlabResolution } from "../../kernel/resolve";
import { markPythonSyntax } from "../../kernel/rewrite";

installTorchlabResolution();

const root = path.join(__dirname, "..", "..");

/** The texts a test file's literals hold: each string or template literal, and each array of them joined by its `join`'s separator. */
function literalTexts(file: string): string[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const texts: string[] = [];
  const textOf = (n: ts.Node): string | null => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
    // A test's own substitution (`${n}`) stands for a name in the cell.
    if (ts.isTemplateExpression(n)) return n.head.text + n.templateSpans.map((s) => `x${s.literal.text}`).join("");
    return null;
  };
  const visit = (n: ts.Node): void => {
    const own = textOf(n);
    if (own !== null) texts.push(own);
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === "join" && ts.isArrayLiteralExpression(n.expression.expression)) {
      const items = n.expression.expression.elements.map(textOf);
      const sep = n.arguments.length > 0 ? textOf(n.arguments[0]) : ",";
      if (items.every((i): i is string => i !== null) && sep !== null) texts.push(items.join(sep));
    }
    n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return texts;
}

function notebookCells(file: string): string[] {
  const nb = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
  return nb.cells.filter((c) => c.cell_type === "code").map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source));
}

/** Each tutorial port's and notebook's cell texts, by file. */
function corpus(): [string, string[]][] {
  const tutorials = path.join(root, "test", "tutorials");
  const notebooks = path.join(root, "notebooks");
  return [
    ...fs.readdirSync(tutorials).filter((f) => /^_.*\.ts$|\.test\.ts$/.test(f)).map((f) => [`test/tutorials/${f}`, literalTexts(path.join(tutorials, f))] as [string, string[]]),
    ...fs.readdirSync(notebooks).filter((f) => f.endsWith(".ipynb")).map((f) => [`notebooks/${f}`, notebookCells(path.join(notebooks, f))] as [string, string[]]),
  ];
}

/** `file: the line` of each candidate `//` in the corpus. */
function candidates(): { files: number; cells: number; found: string[] } {
  const sources = corpus();
  const found = new Set<string>();
  let cells = 0;
  for (const [name, texts] of sources) {
    for (const text of texts) {
      if (!text.includes("//")) continue;
      cells++;
      for (const d of floorDivisionCandidates(text)) {
        const start = text.lastIndexOf("\n", d.at) + 1;
        const end = text.indexOf("\n", d.at);
        found.add(`${name}: ${text.slice(start, end < 0 ? undefined : end).trim()}`);
      }
    }
  }
  return { files: sources.length, cells, found: [...found].sort() };
}

test("the tutorial ports' and notebooks' `//` comments: only the intended ones are candidates for the operator", () => {
  const { files, cells, found } = candidates();
  expect(files).toBeGreaterThan(100);
  expect(cells).toBeGreaterThan(500);
  // The one candidate left reads `list(...) / Ax + b`: a list on the left, which the checker keeps a comment
  // (test/kernel/floor_division.test.ts has this line; the cs224n suite runs its cell).
  expect(found).toEqual(["test/tutorials/cs224n_notebook.test.ts: list(linear.parameters()) // Ax + b"]);
});

/** The text of each `//` comment of `code` that follows code on its line. */
function commentsAfterCode(code: string): string[] {
  const found: string[] = [];
  scanTokens(
    code,
    () => undefined,
    (pos, end) => {
      if (code.slice(code.lastIndexOf("\n", pos - 1) + 1, pos).trim() !== "") found.push(code.slice(pos, end));
    },
  );
  return found;
}

test("every `//` comment after code in the ports and notebooks is still a comment once the cell is marked", () => {
  let comments = 0;
  const changed: string[] = [];
  for (const [name, texts] of corpus()) {
    for (const text of texts) {
      if (!text.includes("//")) continue;
      const before = commentsAfterCode(text);
      comments += before.length;
      // All of the marking (`@`, slices, specs, `**`, `//`), as the kernel runs a cell: a comment that became code is missing after it.
      const after = new Set(commentsAfterCode(markPythonSyntax(text)));
      for (const c of before) if (!after.has(c)) changed.push(`${name}: ${c}`);
    }
  }
  expect(comments).toBeGreaterThan(1200);
  // The candidate above (the checker keeps it a comment: test/kernel/floor_division.test.ts).
  expect(changed).toEqual(["test/tutorials/cs224n_notebook.test.ts: // Ax + b"]);
});
