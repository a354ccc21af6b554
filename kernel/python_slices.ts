/**
 * Python's slices in a cell's subscripts: `x[:, 0]`, `out[:, -1, :]`, `xy[:, :-1]`, `s[::-1]`,
 * `x[i:i + n]`, `a[1:, [0, 2]]`, the way PyTorch and NumPy code is written. TypeScript has no slice
 * syntax, so such a cell did not compile ("Expected 1 arguments, but got 0", "Expression expected").
 * Before the cell is parsed, each slice item of a subscript becomes the dialect's slice string, which
 * tensors, NumPy arrays, pandas' indexers, lists and strings already read as Python's slice
 * (kernel/rewrite.ts, kernel/dynamic_ops.ts): `x[:, 0]` is `x[":", 0]`, `xy[:, :-1]` is `xy[":", ":-1"]`,
 * and a bound that is an expression is a template literal's substitution, read through its `__index__`
 * when it is a tensor: `x[i:i + n]` is `` x[`${i}:${i + n}`] ``. The other items stay as written
 * (`x[idx, :]` keeps `idx`, a tensor of indices, as the tuple's first item); a bare `...` item is the
 * string `"..."`.
 *
 * A `[` opens a subscript when the token before it ends an operand on the same line (a name, `)`, `]`,
 * a literal), as in markMatmul (kernel/matmul_operator.ts); a `:` is a slice's when it stands at the
 * subscript's own level and closes no `?` of a conditional expression there. So array literals, object
 * literals, conditional expressions, computed property names, index signatures (`readonly [k: string]`
 * included), labelled tuple types and destructuring are left alone, and strings, template literals,
 * comments and regular expressions are read by TypeScript's scanner.
 */
import type * as ts from "typescript";
import { operandEnds, scanTokens } from "./matmul_operator";
import { tslabTypeScript } from "./resolve";

interface Insert {
  at: number;
  text: string;
}

/** Contextual keywords that modify an index signature or a type rather than name a value before `[`. */
const MODIFIERS = new Set(["readonly", "static", "declare", "abstract", "override", "accessor", "keyof", "infer", "asserts", "unique", "is"]);

/** A subscript item: where it starts and ends, and the offsets of its slice colons. */
interface Item {
  start: number;
  end: number;
  colons: number[];
}

interface Frame {
  /** A subscript's `[` (the other frames are `(`, `{`, `${`, array literals). */
  subscript: boolean;
  items: Item[];
  ternaries: number;
}

/** The inserts that turn every Python slice of `code` into the dialect's slice strings (see above). */
export function sliceInserts(code: string): Insert[] {
  if (!code.includes(":") && !code.includes("...")) return [];
  const t = tslabTypeScript();
  const K = t.SyntaxKind;
  const ends = operandEnds(t);
  const endsOperand = (kind: ts.SyntaxKind, text: string) => ends.has(kind) || (kind > K.LastFutureReservedWord && kind <= K.LastKeyword && !MODIFIERS.has(text));
  const frames: Frame[] = [];
  const inserts: Insert[] = [];
  let previousText = "";
  let previousEnd = 0;
  const top = (): Frame | undefined => frames[frames.length - 1];
  const item = (f: Frame) => f.items[f.items.length - 1];
  const open = (subscript = false, at = 0) => frames.push({ subscript, items: subscript ? [{ start: at, end: at, colons: [] }] : [], ternaries: 0 });
  scanTokens(code, (kind, pos, previous, newLine, _depth, end) => {
    const f = top();
    if (f?.subscript && kind !== K.CloseBracketToken) {
      const it = item(f);
      if (kind === K.CommaToken) {
        it.end = previousEnd;
        f.items.push({ start: end, end, colons: [] });
        f.ternaries = 0;
      } else if (kind === K.QuestionToken) f.ternaries++;
      else if (kind === K.ColonToken) {
        if (f.ternaries > 0) f.ternaries--;
        else it.colons.push(pos);
      }
    }
    // A template's `${ ... }` is a frame of its own: a `:` in it is no slice of an enclosing subscript.
    if (kind === K.TemplateHead || kind === K.OpenBraceToken || kind === K.OpenParenToken) open();
    else if (kind === K.TemplateTail) frames.pop();
    else if (kind === K.OpenBracketToken) open(endsOperand(previous, previousText) && !newLine, end);
    else if (kind === K.CloseParenToken || kind === K.CloseBraceToken || kind === K.CloseBracketToken) {
      const closed = frames.pop();
      if (closed?.subscript && kind === K.CloseBracketToken) {
        item(closed).end = previousEnd;
        inserts.push(...closed.items.flatMap((it) => itemInserts(code, it)));
      }
    }
    previousText = code.slice(pos, end);
    previousEnd = end;
  });
  return inserts;
}

/** The inserts that make one subscript item a slice string (none for an item that is no slice). */
function itemInserts(code: string, it: Item): Insert[] {
  const [start, end] = trimmed(code, it.start, it.end);
  if (it.colons.length === 0 && code.slice(start, end) === "...") return [{ at: start, text: '"' }, { at: end, text: '"' }];
  if (it.colons.length === 0 || it.colons.length > 2) return [];
  const bounds: [number, number][] = [];
  let from = start;
  for (const c of [...it.colons, end]) {
    bounds.push(trimmed(code, from, c));
    from = c + 1;
  }
  const literal = (s: number, e: number) => s === e || /^-?\s*\d+$/.test(code.slice(s, e));
  if (bounds.every(([s, e]) => literal(s, e))) return [{ at: start, text: '"' }, { at: end, text: '"' }];
  const out: Insert[] = [{ at: start, text: "`" }];
  for (const [s, e] of bounds) {
    if (literal(s, e)) continue;
    out.push({ at: s, text: "${" }, { at: e, text: "}" });
  }
  out.push({ at: end, text: "`" });
  return out;
}

/** [start, end) without the white space at either side. */
function trimmed(code: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(code[s])) s++;
  while (e > s && /\s/.test(code[e - 1])) e--;
  return [s, e];
}

/** `code` with Python's slices as the dialect's slice strings (see the header). */
export function markSlices(code: string): string {
  const inserts = sliceInserts(code);
  if (inserts.length === 0) return code;
  let out = code;
  // From the end; of two inserts at one offset, the later one goes after (a template's `` ` `` before its `${`).
  const ordered = inserts.map((ins, i) => ({ ...ins, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  for (const { at, text } of ordered) out = out.slice(0, at) + text + out.slice(at);
  return out;
}
