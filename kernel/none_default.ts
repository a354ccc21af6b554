/**
 * Python's `def attention(query, key, value, mask=None, dropout=None)` ported as written: an untyped
 * parameter (or `let x = None`) whose default is the prelude's `None`. `None` is declared `null`
 * (src/builtins.ts), a type that does not widen, so the parameter was typed `null`: inside the
 * function `mask == 0` was JavaScript's comparison, a boolean, and `scores.masked_fill(mask == 0, -1e9)`
 * did not compile. The literal `null` widens to `any` (the kernel checks without strictNullChecks),
 * as Python's untyped parameter is, so before the cell is parsed such a `None` becomes `null`: the same
 * value and the same four characters' width, so every column stays where the user wrote it.
 */
import type * as ts from "typescript";
import { tslabTypeScript } from "./resolve";

export function markNoneDefaults(code: string): string {
  if (!code.includes("None")) return code;
  const t = tslabTypeScript();
  const sf = t.createSourceFile("cell.ts", code, t.ScriptTarget.Latest, false, t.ScriptKind.TS);
  const at: number[] = [];
  const visit = (node: ts.Node): void => {
    if ((t.isParameter(node) || t.isVariableDeclaration(node)) && !node.type && node.initializer && t.isIdentifier(node.initializer) && node.initializer.text === "None") {
      at.push(node.initializer.getStart(sf));
    }
    node.forEachChild(visit);
  };
  sf.forEachChild(visit);
  let out = code;
  for (const pos of at) out = `${out.slice(0, pos)}null${out.slice(pos + 4)}`;
  return out;
}
