/**
 * Python's matrix-multiplication operator in a cell: `x @ w.T + b`, `X @ X.T`, the way PyTorch code is
 * written. TypeScript has no `@` operator (it starts a decorator), so a cell with one did not compile
 * ("Unexpected keyword or identifier"). Before the cell is parsed, each `@` standing between two
 * operands becomes `*` followed by the marker comment MATMUL_MARK: `*` has Python's precedence and
 * associativity for `@` (both multiplicative, left to right), and the notebook dialect
 * (kernel/rewrite.ts) turns a `*` carrying the mark into `matmul`, or into a run-time dispatch that
 * refuses operands that are not tensors, as Python's TypeError does. Python's `a @= b` is `*=` and the
 * mark: `a = a @ b`.
 *
 * An `@` is an operator when the token before it ends an operand (a name, contextual keywords such as
 * `out` or `type` included, a literal, `)`, `]`, `this`)
 * and it is on that token's line or inside brackets; a decorator (`@dec class`, a class member's
 * `@dec` on its own line) is left alone. Strings, template literals, comments and regular
 * expressions are read by TypeScript's scanner, so an `@` inside them is never touched.
 */
import type * as ts from "typescript";
import { tslabTypeScript } from "./resolve";

/** What follows the `*` that stands for `@`; the dialect reads it between the operator and the right operand. */
export const MATMUL_MARK = "/*@*/";

export function markMatmul(code: string): string {
  let out = code;
  for (const pos of matmulPositions(code).reverse()) {
    const at = markAfter(code, pos);
    out = `${out.slice(0, pos)}*${out.slice(pos + 1, at)}${MATMUL_MARK}${out.slice(at)}`;
  }
  return out;
}

/**
 * Where the mark goes for the `@` at `pos`: after it, or after the `=` of Python's `a @= b`, which
 * becomes `*=` and the mark (`a = a @ b` in the dialect: PyTorch 1.13's Tensor has no `__imatmul__`).
 */
export function markAfter(code: string, pos: number): number {
  return code[pos + 1] === "=" ? pos + 2 : pos + 1;
}

/**
 * The tokens that end an operand (a name, a literal, `)`, `]`, `this`, a template's end): after one, a
 * `/` is division rather than a regular expression, and `@` is the operator (kernel/keyword_unpacking.ts
 * scans for `**` the same way).
 */
export function operandEnds(t: typeof ts): ReadonlySet<ts.SyntaxKind> {
  const K = t.SyntaxKind;
  return new Set([
    K.Identifier, K.NumericLiteral, K.BigIntLiteral, K.StringLiteral, K.CloseParenToken, K.CloseBracketToken,
    K.ThisKeyword, K.NoSubstitutionTemplateLiteral, K.TemplateTail, K.PrivateIdentifier,
  ]);
}

/** The offsets of the `@` operators in `code` (see above), in order. */
export function matmulPositions(code: string): number[] {
  if (!code.includes("@")) return [];
  const t = tslabTypeScript();
  const K = t.SyntaxKind;
  const ends = operandEnds(t);
  // A name the scanner reads as a contextual keyword (`out`, `type`, `from`, `of`, `get`, `set`, `async`,
  // `any`, ...) is a variable when it stands before `@`: makemore's `loss = out @ torch.randn(n)`.
  const endsOperand = (kind: ts.SyntaxKind) => ends.has(kind) || (kind > K.LastFutureReservedWord && kind <= K.LastKeyword);
  const at: number[] = [];
  scanTokens(code, (kind, pos, previous, newLine, depth) => {
    if (kind === K.AtToken && endsOperand(previous) && (depth > 0 || !newLine)) at.push(pos);
  });
  return at;
}

/**
 * Reads `code` with TypeScript's scanner as the parser would (a `/` after an operand is division, else a
 * regular expression; a `}` closing a template's `${` continues the template) and calls `token` for each
 * token with the one before it, whether a line break came between, how deep in `(` / `[` it is and where
 * it ends; and
 * `comment` for each `//` comment, with the token before it and whether a line break came between.
 */
export function scanTokens(
  code: string,
  token: (kind: ts.SyntaxKind, pos: number, previous: ts.SyntaxKind, newLine: boolean, depth: number, end: number) => void,
  comment?: (pos: number, end: number, previous: ts.SyntaxKind, newLine: boolean) => void,
): void {
  const t = tslabTypeScript();
  const K = t.SyntaxKind;
  const scanner = t.createScanner(t.ScriptTarget.Latest, false, t.LanguageVariant.Standard, code);
  const ends = operandEnds(t);
  // What each open `{` or `${` belongs to: a `}` closing a template's `${` continues the template.
  const braces: ("brace" | "template")[] = [];
  // Whether each open `(` is a statement's condition (`if (...)`, `while (...)`, ...): after its `)`, a `/` starts a
  // regular expression (`if (ok) /a@b/.test(s)`), and nothing there ends an operand.
  const parens: boolean[] = [];
  const conditions = new Set([K.IfKeyword, K.WhileKeyword, K.ForKeyword, K.WithKeyword]);
  let depth = 0;
  let previous: ts.SyntaxKind = K.Unknown;
  let newLine = false;
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    if (kind === K.NewLineTrivia) newLine = true;
    if (kind === K.SingleLineCommentTrivia) comment?.(scanner.getTokenPos(), scanner.getTextPos(), previous, newLine);
    if (kind === K.MultiLineCommentTrivia && /[\r\n\u2028\u2029]/.test(scanner.getTokenText())) newLine = true;
    if (kind >= K.FirstTriviaToken && kind <= K.LastTriviaToken) continue;
    if (kind === K.SlashToken || kind === K.SlashEqualsToken) {
      if (!ends.has(previous)) kind = scanner.reScanSlashToken();
    } else if (kind === K.CloseBraceToken && braces.pop() === "template") {
      kind = scanner.reScanTemplateToken(false);
      if (kind === K.TemplateMiddle) braces.push("template");
    }
    if (kind === K.TemplateHead) braces.push("template");
    else if (kind === K.OpenBraceToken) braces.push("brace");
    else if (kind === K.OpenParenToken) parens.push(conditions.has(previous));
    if (kind === K.OpenParenToken || kind === K.OpenBracketToken) depth++;
    else if (kind === K.CloseParenToken || kind === K.CloseBracketToken) depth = Math.max(0, depth - 1);
    token(kind, scanner.getTokenPos(), previous, newLine, depth, scanner.getTextPos());
    previous = kind === K.CloseParenToken && parens.pop() === true ? K.Unknown : kind;
    newLine = false;
  }
}
