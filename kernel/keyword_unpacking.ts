/**
 * Python's `**kwargs` as a call argument: `nn.Conv2d(**cfg)`, `DataLoader(ds, **loader_kwargs)`,
 * `model(**batch)`. TypeScript reads `**` only as exponentiation, which needs a left operand, so such
 * a call did not compile. Before the cell is parsed, a `**` that opens a call argument (right after
 * the call's `(` or a `,` inside it) becomes UNPACK_MARK `$=`, the same two characters' width (every
 * column stays where the user wrote it): `f(a, **cfg)` is parsed as `f(a, $=cfg)`, a keyword
 * argument named `$`, which kernel/keyword_args.ts places as Python places the mapping's entries
 * (a spread into torchlab's options object, or by parameter name when the call runs).
 *
 * `(**` and `, **` inside parentheses are never valid TypeScript, so no program that compiled before
 * changes; strings, template literals, comments and regular expressions are read by TypeScript's
 * scanner (as kernel/matmul_operator.ts reads them), and a `**` in an object literal or an array
 * (`{...a, **b}`) is left alone. Python's `def f(**kwargs)` is marked too (the scanner does not tell a
 * parameter list from a call's arguments) and kernel/keyword_args.ts refuses it with a SyntaxError,
 * never a parameter `$` with a default.
 */
import type * as ts from "typescript";
import { tslabTypeScript } from "./resolve";
import { operandEnds } from "./matmul_operator";

/** The keyword name that stands for `**`: `f(**cfg)` is parsed as `f($=cfg)`. */
export const UNPACK_NAME = "$";

export function markKeywordUnpacking(code: string): string {
  let out = code;
  for (const pos of unpackPositions(code)) out = `${out.slice(0, pos)}${UNPACK_NAME}=${out.slice(pos + 2)}`;
  return out;
}

/** The offsets of the `**` that open a call argument in `code`, in order. */
export function unpackPositions(code: string): number[] {
  if (!code.includes("**")) return [];
  const t = tslabTypeScript();
  const K = t.SyntaxKind;
  const scanner = t.createScanner(t.ScriptTarget.Latest, true, t.LanguageVariant.Standard, code);
  const ends = operandEnds(t);
  const at: number[] = [];
  // The open brackets: `(`, `[`, `{`, or a template's `${`.
  const open: ("paren" | "bracket" | "brace" | "template")[] = [];
  let previous: ts.SyntaxKind = K.Unknown;
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    if (kind === K.SlashToken || kind === K.SlashEqualsToken) {
      if (!ends.has(previous)) kind = scanner.reScanSlashToken();
    } else if (kind === K.CloseBraceToken && open[open.length - 1] === "template") {
      open.pop();
      kind = scanner.reScanTemplateToken(false);
      if (kind === K.TemplateMiddle) open.push("template");
    } else if (kind === K.CloseBraceToken || kind === K.CloseParenToken || kind === K.CloseBracketToken) open.pop();
    if (kind === K.TemplateHead) open.push("template");
    else if (kind === K.OpenBraceToken) open.push("brace");
    else if (kind === K.OpenParenToken) open.push("paren");
    else if (kind === K.OpenBracketToken) open.push("bracket");
    else if (kind === K.AsteriskAsteriskToken && open[open.length - 1] === "paren" && (previous === K.OpenParenToken || previous === K.CommaToken)) {
      at.push(scanner.getTokenPos());
    }
    previous = kind;
  }
  return at;
}
