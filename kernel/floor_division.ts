/**
 * Python's floor division in a cell: `half = (k + 1) // 2`, `n_batches = len(ds) // batch_size`,
 * `(H - k + 2 * p) // s + 1`, `steps //= 2`, `t // 2` on a tensor. TypeScript reads `//` as a comment, so
 * such a line silently meant `half = (k + 1)`. Before the cell is parsed, a `//` that may be Python's
 * operator becomes `/` (or `/=` for `//=`) followed by FLOOR_MARK, the same width plus the mark: `/` has
 * Python's precedence and associativity for `//` (both multiplicative, left to right). The notebook
 * dialect (kernel/rewrite.ts, floorDivisions) then asks the type checker: where both operands are numbers,
 * tensors, arrays or untyped (or an operand's class defines `__floordiv__` / `__rfloordiv__`: a timedelta) and
 * the right operand type-checks, the marked `/` is floor division;
 * anywhere else the text from the `/` to the end of its statement on that line is blanked, which is
 * what the comment meant.
 *
 * Syntax first, so that a comment is never made code: a `//` is a candidate only where
 *   - the token before it ends an operand (a name, a literal, `)`, `]`) on the same line (so `// note`
 *     at a line's start, after `{`, `,`, `;` or `=>` stays a comment; strings, templates and regular
 *     expressions are read by TypeScript's scanner, so `"http://..."` is never touched);
 *   - it is not `///`;
 *   - the cell with it read as `/` parses with no more errors than without, and the right operand
 *     starts and ends on the `//`'s line (`x = 5  // epochs, then...` does not parse);
 *   - no statement ends between it and the end of its line other than before closing brackets
 *     (`if (a) x = 5 // b; y = 2` is a comment's text, not code), unless it is inside brackets that
 *     close on its line (`b = max(1, (a // 2)); print(b)`), which a comment would have taken.
 */
import type * as ts from "typescript";
import { tslabTypeScript } from "./resolve";
import { formatSpecSpans } from "./format_spec";
import { operandEnds, scanTokens } from "./matmul_operator";

/** What follows the `/` (or `/=`) that stands for `//` (or `//=`). */
export const FLOOR_MARK = "/*//*/";

/** A `//` read as Python's operator: where it was in the text as written, and whether it is `//=`. */
export interface FloorDivision {
  at: number;
  assign: boolean;
}

/** `code` with one `//` (at `pos`) marked as the operator: `/ ` or `/= `, then the mark. */
function markOne(code: string, pos: number): string {
  const assign = code[pos + 2] === "=";
  const width = assign ? 3 : 2;
  return `${code.slice(0, pos)}${assign ? "/= " : "/ "}${FLOOR_MARK}${code.slice(pos + width)}`;
}

/** Where the line holding `pos` ends (before its line break). */
function lineEnd(code: string, pos: number): number {
  const m = /[\r\n\u2028\u2029]/.exec(code.slice(pos));
  return m === null ? code.length : pos + m.index;
}

function parseDiagnostics(t: typeof ts, code: string): { sf: ts.SourceFile; errors: number } {
  const sf = t.createSourceFile("cell.ts", code, t.ScriptTarget.Latest, true, t.ScriptKind.TS);
  return { sf, errors: (sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length };
}

/** The first `//` comment at or after `from` that may be Python's operator (see above), or null. */
function nextCandidate(t: typeof ts, code: string, from: number): { pos: number; end: number } | null {
  const K = t.SyntaxKind;
  const ends = operandEnds(t);
  const endsOperand = (kind: ts.SyntaxKind) => ends.has(kind) || (kind > K.LastFutureReservedWord && kind <= K.LastKeyword);
  let found: { pos: number; end: number } | null = null;
  scanTokens(
    code,
    () => undefined,
    (pos, end, previous, newLine) => {
      if (found === null && pos >= from && !newLine && endsOperand(previous) && code[pos + 2] !== "/") found = { pos, end };
    },
  );
  return found;
}

/** Whether `marked` (the cell with the `//` at `pos` marked) reads it as the operator (see above). */
function readsAsOperator(t: typeof ts, marked: string, pos: number, errorsBefore: number): boolean {
  const { sf, errors } = parseDiagnostics(t, marked);
  if (errors > errorsBefore) return false;
  let binary: ts.BinaryExpression | undefined;
  let statementInside = false;
  const eol = lineEnd(marked, pos);
  // Closing brackets, `;` and a comment of its own may follow a statement that ends on the line.
  const tail = /^[\s;})\],]*(\/\/.*)?$/;
  const visit = (n: ts.Node): void => {
    if (binary === undefined && t.isBinaryExpression(n) && n.operatorToken.getStart(sf) === pos) binary = n;
    if (t.isStatement(n) && n.end > pos && n.end < eol && !tail.test(marked.slice(n.end, eol))) statementInside = true;
    n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  // `Math.max(1, (a // 2)); print(b)`: read as a comment, the `//` would take the brackets' close with it.
  if (binary === undefined || (statementInside && !bracketedOnLine(t, sf, binary))) return false;
  const line = (offset: number) => sf.getLineAndCharacterOfPosition(offset).line;
  const here = line(pos);
  if (line(binary.left.end) !== here || line(binary.right.getStart(sf)) !== here || line(binary.right.end) !== here) return false;
  // Python's `[a, b] // 2` and `"s" // 2` are TypeErrors: such a left operand is a comment's (`[Xtr.shape, Ytr.shape] // dataset`).
  let left: ts.Node = binary.left;
  while (t.isParenthesizedExpression(left)) left = left.expression;
  if (t.isArrayLiteralExpression(left) || t.isObjectLiteralExpression(left) || t.isStringLiteralLike(left) || t.isTemplateExpression(left)) return false;
  // A right operand in CJK or other non-ASCII text is a comment's (`o // 有一半左右的数变为0` parses as a name).
  if (/[^\x00-\x7f]/.test(marked.slice(pos, binary.right.end))) return false;
  // `imgs.size() // batch_size, channel, height, width`: a comma expression is a list of words, not Python's
  // tuple, which the dialect reads only in a subscript (`grid[i // n, i % n]`) and after `return`.
  let comma = false;
  for (let p: ts.Node = binary; p.parent; p = p.parent) {
    if (t.isElementAccessExpression(p) || t.isReturnStatement(p)) return true;
    if (t.isStatement(p)) break;
    if (t.isBinaryExpression(p) && p.operatorToken.kind === t.SyntaxKind.CommaToken && p.operatorToken.getStart(sf) > pos) comma = true;
  }
  return !comma;
}

/**
 * Whether `binary` (a marked `//`) is inside brackets opened before it that close on its line (`f(1, (a // 2))`,
 * `[c // 2, 1]`, `x[i // n]`): read as a comment, the `//` would take their close with it, so it is Python's operator.
 */
export function bracketedOnLine(t: typeof ts, sf: ts.SourceFile, binary: ts.BinaryExpression): boolean {
  const pos = binary.operatorToken.getStart(sf);
  const line = (offset: number) => sf.getLineAndCharacterOfPosition(offset).line;
  for (let p: ts.Node = binary.parent; p && !t.isStatement(p) && !t.isSourceFile(p); p = p.parent) {
    const bracket = t.isParenthesizedExpression(p) || t.isCallExpression(p) || t.isNewExpression(p) || t.isArrayLiteralExpression(p) || t.isElementAccessExpression(p);
    if (bracket && p.getStart(sf) < pos && line(p.end) === line(pos)) return true;
  }
  return false;
}

/** The `//` of `code` that may be Python's floor division (see above), in order, at their offsets in `code`. */
export function floorDivisionCandidates(code: string): FloorDivision[] {
  if (!code.includes("//")) return [];
  const t = tslabTypeScript();
  const found: FloorDivision[] = [];
  // An f-string's spec (`${loss:.4f}`) is no TypeScript: the parser, lost in its template, would read every
  // later line as template text (`half = n // 2` after it a comment). Read here as spaces, the same width.
  let current = code;
  for (const [open, close] of formatSpecSpans(code)) current = `${current.slice(0, open)}${" ".repeat(close - open)}${current.slice(close)}`;
  let errors = -1;
  // One at a time, left to right: in `a // b // c`, the second `//` is inside the first one's comment.
  for (let from = 0; ; ) {
    const next = nextCandidate(t, current, from);
    if (next === null) break;
    if (errors < 0) errors = parseDiagnostics(t, current).errors;
    const marked = markOne(current, next.pos);
    if (readsAsOperator(t, marked, next.pos, errors)) {
      found.push({ at: next.pos - found.length * FLOOR_MARK.length, assign: current[next.pos + 2] === "=" });
      current = marked;
      from = next.pos + 2;
    } else from = next.end;
  }
  return found;
}

/** Where the mark goes after the `//` (or `//=`) `d`. */
export function markAfterFloor(d: FloorDivision): number {
  return d.at + (d.assign ? 3 : 2);
}

/** `code` with its candidate `//` marked (see above). */
export function markFloorDivision(code: string): string {
  let out = code;
  for (const d of floorDivisionCandidates(code).reverse()) out = markOne(out, d.at);
  return out;
}

/** The operator as it reads before its mark: `/ ` for `//`, `/= ` for `//=` (the same width). */
export function floorOperatorText(d: FloorDivision): string {
  return d.assign ? "/= " : "/ ";
}
