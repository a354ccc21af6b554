/**
 * tslab's module cells (`//%module name`, or a `@module` JSDoc tag) become files of their own, compiled by
 * tslab's addModule without the notebook dialect: nothing there asks the type checker what `*`, `/` or
 * `x[...]` mean. The Python syntax that notebook cells mark before compiling would then run as plain
 * JavaScript and silently mean something else: `a @ b` marked as `a * b` an elementwise product (or NaN),
 * `x[":", 0]` JavaScript's comma (`x[0]`), `${v/*:.4f*\/}` the value unformatted, `n // 2` a comment. So a
 * module cell keeps its text unmarked (kernel/rewrite.ts prepareCellSource), and addModule refuses one
 * that uses such syntax with an error at each use, in the columns the user wrote, naming the method to
 * write instead:
 *
 *   a @ b, a @= b     Python's matrix multiplication        a.matmul(b)
 *   x[:, 0]           Python's slice                        x.index(":, 0")
 *   `${v:.4f}`        an f-string's format spec             format(v, ".4f") (torchlab/dist/src/pyformat)
 *   f(**cfg)          Python's keyword unpacking            f({...cfg})
 *   n // 2            Python's floor division               Math.floor(n / 2), t.floor_divide(2)
 *
 * A `//` there is TypeScript's comment unless it reads as floor division (kernel/floor_division.ts) and its
 * right operand is code: a number, a bracket, or a name the cell declares (`len(ds) // batch_size` with
 * `batch_size` a parameter) other than the one its own line declares. `x = 5 // epochs` with no `epochs`
 * in the cell, and `const epochs = 5 // epochs`, stay the comments they are in TypeScript. The module is still registered, with the cell marked as a notebook cell is and a `throw` of
 * that error at its end, so a cell importing it fails with the error rather than running an earlier
 * version or the marks as JavaScript.
 */
import type * as ts from "typescript";
import type { Converter, Diagnostic } from "tslab/dist/converter";
import { floorDivisionCandidates } from "./floor_division";
import { formatSpecSpans } from "./format_spec";
import { unpackPositions } from "./keyword_unpacking";
import { matmulPositions, scanTokens } from "./matmul_operator";
import { sliceInserts } from "./python_slices";
import { markPythonSyntax, positionIn } from "./rewrite";
import { tslabTypeScript } from "./resolve";

/** The diagnostic code of Python syntax in a module cell (TypeScript's own codes are below 20000). */
export const MODULE_CELL_PYTHON = 90002;

const WHERE = "is not supported in a %module cell (it compiles without the notebook dialect)";

/** A use of Python syntax in a module cell: where, and what to say. */
export interface PythonSyntaxUse {
  start: number;
  end: number;
  message: string;
}

/** The uses of the notebook dialect's Python syntax in `code`, a module cell as written, in order. */
export function pythonSyntaxUses(code: string): PythonSyntaxUse[] {
  const uses: PythonSyntaxUse[] = [];
  for (const at of matmulPositions(code)) {
    const assign = code[at + 1] === "=";
    uses.push({ start: at, end: at + (assign ? 2 : 1), message: `Python's \`${assign ? "@=" : "@"}\` (matrix multiplication) ${WHERE}: write a.matmul(b)` });
  }
  for (const [start, end] of sliceSubscripts(code)) {
    const items = code.slice(start + 1, end - 1).trim();
    uses.push({ start, end, message: `Python's slice \`[${items}]\` ${WHERE}: write .index(${JSON.stringify(items)})` });
  }
  for (const [start, end] of formatSpecSpans(code)) {
    const spec = code.slice(start, end);
    uses.push({ start, end, message: `Python's format spec \`${spec}\` ${WHERE}: format the value with format(value, spec) from "torchlab/dist/src/pyformat"` });
  }
  for (const at of unpackPositions(code)) uses.push({ start: at, end: at + 2, message: `Python's \`**\` keyword unpacking ${WHERE}: pass the options object, f({...kwargs})` });
  for (const at of codeFloorDivisions(code)) {
    const assign = code[at + 2] === "=";
    uses.push({ start: at, end: at + (assign ? 3 : 2), message: `Python's \`${assign ? "//=" : "//"}\` (floor division) ${WHERE}, where \`//\` starts a comment: write Math.floor(a / b), or t.floor_divide(b) for a tensor` });
  }
  return uses.sort((a, b) => a.start - b.start);
}

/** [start, end) of each subscript, `[` to `]`, holding an item that python_slices.ts makes a slice string. */
function sliceSubscripts(code: string): [number, number][] {
  const K = tslabTypeScript().SyntaxKind;
  const inserts = sliceInserts(code).map((ins) => ins.at).sort((a, b) => a - b);
  // The open `[`, innermost last: an insert is at its subscript's own level, so the innermost one around it is that subscript.
  const open: { at: number; slice: boolean }[] = [];
  const subscripts: [number, number][] = [];
  let next = 0;
  scanTokens(code, (kind, pos, _previous, _newLine, _depth, end) => {
    for (; next < inserts.length && inserts[next] <= pos; next++) if (open.length > 0) open[open.length - 1].slice = true;
    if (kind === K.OpenBracketToken) open.push({ at: pos, slice: false });
    else if (kind === K.CloseBracketToken) {
      const closed = open.pop();
      if (closed?.slice) subscripts.push([closed.at, end]);
    }
  });
  return subscripts.sort((a, b) => a[0] - b[0]);
}

/** The `//` of `code` that read as floor division with code on the right: a number, a bracket, or a name the cell declares. */
function codeFloorDivisions(code: string): number[] {
  const candidates = floorDivisionCandidates(code);
  if (candidates.length === 0) return [];
  const declared = declaredNames(code);
  return candidates
    .filter((d) => {
      const right = /^=?\s*(?:([0-9.([])|([A-Za-z_$][\w$]*))/.exec(code.slice(d.at + 2));
      if (right === null) return false;
      if (right[1] !== undefined) return true;
      // `const epochs = 5 // epochs`: the name the statement itself declares is the comment's word.
      const own = new RegExp(`\\b(?:const|let|var)\\s+${right[2].replace(/\$/g, "\\$")}\\b`).test(code.slice(code.lastIndexOf("\n", d.at) + 1, d.at));
      return declared.has(right[2]) && !own;
    })
    .map((d) => d.at);
}

/** The names `code` declares anywhere: variables (destructured ones too), parameters, functions, classes, imports. */
function declaredNames(code: string): Set<string> {
  const t: typeof ts = tslabTypeScript();
  const names = new Set<string>();
  const bind = (name: ts.BindingName | undefined): void => {
    if (name === undefined) return;
    if (t.isIdentifier(name)) names.add(name.text);
    else for (const e of name.elements) if (!t.isOmittedExpression(e)) bind(e.name);
  };
  const visit = (n: ts.Node): void => {
    if (t.isVariableDeclaration(n) || t.isParameter(n) || t.isBindingElement(n)) bind(n.name);
    else if ((t.isFunctionDeclaration(n) || t.isClassDeclaration(n)) && n.name) names.add(n.name.text);
    else if (t.isImportSpecifier(n) || t.isNamespaceImport(n) || (t.isImportClause(n) && n.name)) names.add(n.name!.text);
    n.forEachChild(visit);
  };
  t.createSourceFile("module.ts", code, t.ScriptTarget.Latest, true, t.ScriptKind.TS).forEachChild(visit);
  return names;
}

/**
 * `converter` whose addModule refuses a module cell with Python syntax (see the header): the errors, and the
 * module registered as the cell marked, then a `throw` of the first error.
 */
export function withModuleCellChecks(converter: Converter): Converter {
  const addModule = converter.addModule.bind(converter);
  converter.addModule = (name, content, meta): Diagnostic[] => {
    const uses = pythonSyntaxUses(content);
    if (uses.length === 0) return addModule(name, content, meta);
    const first = uses[0];
    const where = positionIn(content, first.start);
    const thrown = `module ${JSON.stringify(name)}, line ${where.line + 1}, column ${where.character + 1}: ${first.message}`;
    // Each line with such syntax ignored by the checker: a cell importing the module sees its exports, and no error of the marks.
    const lines = new Set(uses.map((u) => positionIn(content, u.start).line));
    const ignored = markPythonSyntax(content).split("\n").map((line, i) => (lines.has(i) ? `// @ts-ignore\n${line}` : line)).join("\n");
    addModule(name, `${ignored}\n;throw new SyntaxError(${JSON.stringify(thrown)});\n`, meta);
    return uses.map((u) => ({ start: positionIn(content, u.start), end: positionIn(content, u.end), messageText: u.message, category: 1, code: MODULE_CELL_PYTHON }));
  };
  return converter;
}
