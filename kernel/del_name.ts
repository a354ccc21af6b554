/**
 * Python's `del query` of a local or global name (The Annotated Transformer's MultiHeadedAttention
 * writes `del query; del key; del value` to free the projected tensors). JavaScript's `delete` of an
 * identifier does not compile in strict mode ("'delete' cannot be called on an identifier"). Before
 * the cell is parsed, `delete name` becomes `name=void 0`, the same width (`delete ` is seven
 * characters, `=void 0` too), so every column stays where the user wrote it: the name no longer holds
 * the value, which is what the tutorial's `del` is for. Reading it afterwards gives undefined where
 * Python raises NameError; `delete net.fc` (an attribute) is left to the dialect (kernel/rewrite.ts).
 */
import type * as ts from "typescript";
import { tslabTypeScript } from "./resolve";

export function markDelNames(code: string): string {
  if (!code.includes("delete")) return code;
  const t = tslabTypeScript();
  const sf = t.createSourceFile("cell.ts", code, t.ScriptTarget.Latest, false, t.ScriptKind.TS);
  const found: [number, string][] = [];
  const visit = (node: ts.Node): void => {
    if (t.isDeleteExpression(node) && t.isIdentifier(node.expression) && node.expression.getStart(sf) === node.getStart(sf) + 7) {
      found.push([node.getStart(sf), node.expression.text]);
    }
    node.forEachChild(visit);
  };
  sf.forEachChild(visit);
  let out = code;
  for (const [pos, name] of found) out = `${out.slice(0, pos)}${name}=void 0${out.slice(pos + 7 + name.length)}`;
  return out;
}
