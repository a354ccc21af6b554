/**
 * Python's f-string format specs and conversions in a template literal: `${loss.item():.4f}`,
 * `${acc:>6.2%}`, `${epoch:03d}`, `${name!r}`, `${x!r:>10}`, the way PyTorch code prints. TypeScript
 * has no such syntax (a `:` there is "':' expected" or a syntax error), so before the cell is parsed
 * each spec is put in a comment right after its expression: `${loss/*:.4f*\/}`, `${name/*!r*\/}`. The
 * notebook dialect (kernel/rewrite.ts) turns a template expression carrying such a comment into
 * dynamic_ops.fstring(value, spec, conversion), which formats with Python's mini-language
 * (src/pyformat.ts), a tensor through Tensor.__format__ as PyTorch does.
 *
 * A spec starts at a `:` at the template expression's own level (not inside brackets, braces or an
 * object literal) that does not close a `? :` conditional, or at `!r`, `!s`, `!a` followed by `:` or
 * the closing `}`; it runs to that `}` (Python allows no `}` in a spec). Strings, nested templates,
 * comments and regular expressions are read by TypeScript's scanner, so a `:` in them is never
 * touched. Only the comment markers are inserted: lines do not move.
 *
 * Python's self-documenting `${x=}` (`x=` then repr(x); `${x = :.3f}` keeps the spaces and formats by the
 * spec) starts its comment at the `=`, and a spec may nest replacement fields, `${x:{width}}` or
 * `${x:>{w}.{p}f}`: the comment runs to the `}` that balances them, and the rewrite evaluates them.
 */
import type * as ts from "typescript";
import { tslabTypeScript } from "./resolve";

/** A spec as the comment holds it: `:.4f`, `!r`, `!r:>10` (what follows the expression in Python's braces). */
export interface FormatSpec {
  /** The text after `:` ("" when none); `{name}` in it is a nested replacement field. */
  spec: string;
  /** "r", "s", "a" or "" (none). */
  conversion: string;
  /** Python's `{x=}`: the `=` and the spaces after it, which the output repeats after the expression's text; null when none. */
  selfDocumenting: string | null;
}

/** The spec a comment after a template expression holds (`text` is what lies between the expression and `}`), or null. */
export function formatSpecIn(text: string): FormatSpec | null {
  const m = /^\s*\/\*(=\s*)?(?:!([rsa]))?(?::([^]*))?\*\/\s*$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
  return { conversion: m[2] ?? "", spec: m[3] ?? "", selfDocumenting: m[1] ?? null };
}

/**
 * Python's format-spec mini-language, nested fields read as a number: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
 * A `:` followed by anything else is TypeScript's: `${(a): number => a}`, `${function (a): number { return a }}`.
 */
const PYTHON_SPEC = /^(?:[^{}\n]?[<>=^])?[-+ ]?z?#?0?\d*[,_]?(?:\.\d+)?[bcdeEfFgGnosxX%]?$/;
/** A datetime's own spec, strftime directives (`${now:%Y-%m-%d %H:%M}`, datetime.__format__): TypeScript has no `:%` there either. */
const STRFTIME_SPEC = /^%[^{}\n]*$/;

/** Whether `text` (what follows the expression: `:.4f`, `!r`, `= :>8`) is a Python spec the comment can hold. */
function pythonSpec(text: string): boolean {
  const m = /^(?:=\s*)?(?:![rsa])?(?::([^]*))?$/.exec(text);
  return m !== null && !text.includes("*/") && (m[1] === undefined || PYTHON_SPEC.test(m[1].replace(/\{[^{}]*\}/g, "0")) || STRFTIME_SPEC.test(m[1]));
}

/** `code` with each f-string spec in a comment after its expression (see above). */
export function markFormatSpecs(code: string): string {
  let out = code;
  for (const [open, close] of formatSpecSpans(code).reverse()) out = `${out.slice(0, open)}/*${out.slice(open, close)}*/${out.slice(close)}`;
  return out;
}

/** The [start, end) of each spec (`:.4f`, `!r:>10`) in `code`, in order; `end` is its closing `}`. */
export function formatSpecSpans(code: string): [number, number][] {
  if (!code.includes("${")) return [];
  const t = tslabTypeScript();
  const K = t.SyntaxKind;
  const scanner = t.createScanner(t.ScriptTarget.Latest, true, t.LanguageVariant.Standard, code);
  const operandEnds: ReadonlySet<ts.SyntaxKind> = new Set([
    K.Identifier, K.NumericLiteral, K.BigIntLiteral, K.StringLiteral, K.CloseParenToken, K.CloseBracketToken, K.CloseBraceToken,
    K.ThisKeyword, K.NoSubstitutionTemplateLiteral, K.TemplateTail, K.PrivateIdentifier, K.TrueKeyword, K.FalseKeyword, K.NullKeyword,
    K.ExclamationToken,
  ]);
  // Each open `${`, `{`, `(`, `[`; a template's frame counts the `?` still waiting for their `:`.
  const frames: { kind: "template" | "other"; brace: boolean; questions: number }[] = [];
  const spans: [number, number][] = [];
  let previous: ts.SyntaxKind = K.Unknown;
  const specAt = (start: number): void => {
    // Python's nested fields (`{x:>{w}.{p}f}`): the spec ends at the `}` that balances them.
    let close = -1;
    for (let i = start, depth = 0; i < code.length && close < 0; i++) {
      if (code[i] === "{") depth++;
      else if (code[i] === "}" && depth-- === 0) close = i;
    }
    if (close < 0 || !pythonSpec(code.slice(start, close))) return;
    spans.push([start, close]);
    // The spec is not TypeScript: scanning goes on at the `}` that closes the template expression.
    scanner.setTextPos(close);
  };
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    const top = frames[frames.length - 1];
    if (kind === K.SlashToken || kind === K.SlashEqualsToken) {
      if (!operandEnds.has(previous)) kind = scanner.reScanSlashToken();
    } else if (kind === K.CloseBraceToken && top?.brace) {
      frames.pop();
      if (top.kind === "template") {
        kind = scanner.reScanTemplateToken(false);
        if (kind === K.TemplateMiddle) frames.push({ kind: "template", brace: true, questions: 0 });
      }
      previous = kind;
      continue;
    }
    const atTemplateLevel = top?.kind === "template";
    if (kind === K.TemplateHead) frames.push({ kind: "template", brace: true, questions: 0 });
    else if (kind === K.OpenBraceToken) frames.push({ kind: "other", brace: true, questions: 0 });
    else if (kind === K.OpenParenToken || kind === K.OpenBracketToken) frames.push({ kind: "other", brace: false, questions: 0 });
    else if ((kind === K.CloseParenToken || kind === K.CloseBracketToken) && top && !top.brace) frames.pop();
    else if (atTemplateLevel && kind === K.QuestionToken) top.questions++;
    else if (atTemplateLevel && kind === K.ColonToken) {
      if (top.questions > 0) top.questions--;
      else specAt(scanner.getTokenPos());
    } else if (atTemplateLevel && kind === K.ExclamationToken && operandEnds.has(previous) && /^![rsa]\s*[:}]/.test(code.slice(scanner.getTokenPos()))) {
      specAt(scanner.getTokenPos());
    } else if (atTemplateLevel && kind === K.EqualsToken && operandEnds.has(previous) && /^=\s*(?:[:}]|![rsa]\s*[:}])/.test(code.slice(scanner.getTokenPos()))) {
      // `${x=}`, `${x = :.2f}`, `${x=!s}`: an assignment never ends so.
      specAt(scanner.getTokenPos());
    }
    previous = kind;
  }
  return spans;
}
