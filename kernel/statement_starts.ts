/**
 * The dialect's rewrites may begin a statement with a reference of their own (`xs.append(3)` on an
 * untyped list is `(require("torchlab/dist/kernel/live_globals") ...).attribute(xs, xs.append, "append")(3)`).
 * A cell written without semicolons, as Python users write, then reads as a call of the line before:
 * `const xs: any = [1, 2]` followed by that line is `[1, 2](require(...))...`, which the compiler
 * refused ("This expression is not callable") or, after a function's name, would call it. Where a
 * statement the user wrote on its own line came to start with such a reference that the parser joined
 * to the line before, a `;` goes before it; the user's own text is never touched.
 */
import type * as ts from "typescript";
import type { Mapped } from "./keyword_args";
import { tslabTypeScript } from "./resolve";

/** How every reference the rewrites write to torchlab begins (TORCH_REF, DYNAMIC_REF, GLOBALS_REF, ...). */
const REF = `(require("torchlab`;
/** A line that starts with one: only then is the rewritten cell parsed. */
const REF_AT_LINE_START = /\n[ \t]*\(require\("torchlab/;

/**
 * `rewritten` (the dialect's rewrite of `src`) with a `;` before each reference that begins a line and
 * that the parser takes as the arguments of a call of the line before, where `src` had no `(` there.
 */
export function separateStatements<T extends Mapped>(src: string, rewritten: T): T {
  const code = rewritten.code;
  if (code === src || !REF_AT_LINE_START.test(code)) return rewritten;
  const t = tslabTypeScript();
  const sf = t.createSourceFile("cell.ts", code, t.ScriptTarget.Latest, false, t.ScriptKind.TS);
  const at: number[] = [];
  const visit = (n: ts.Node): void => {
    if (t.isCallExpression(n)) {
      // The `(` of the arguments: after the callee and its type arguments.
      const open = code.indexOf("(", n.typeArguments?.end ?? n.expression.end);
      const before = code.slice(code.lastIndexOf("\n", open) + 1, open);
      const written = src[rewritten.mapBack(open)];
      if (code.startsWith(REF, open) && /^[ \t]*$/.test(before) && code.lastIndexOf("\n", open) >= n.expression.end && written !== "(") at.push(open);
    }
    n.forEachChild(visit);
  };
  visit(sf);
  if (at.length === 0) return rewritten;
  at.sort((a, b) => a - b);
  let out = "";
  let from = 0;
  for (const pos of at) {
    out += `${code.slice(from, pos)};`;
    from = pos;
  }
  out += code.slice(from);
  const shiftBack = (o: number): number => o - at.filter((pos, i) => pos + i < o).length;
  const shiftForward = (o: number): number => o + at.filter((pos) => pos < o).length;
  return { ...rewritten, code: out, mapBack: (o: number) => rewritten.mapBack(shiftBack(o)), mapForward: (o: number) => shiftForward(rewritten.mapForward(o)) };
}
