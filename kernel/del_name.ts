/**
 * Python's `del query` of a local or global name (The Annotated Transformer's MultiHeadedAttention
 * writes `del query; del key; del value` to free the projected tensors). JavaScript's `delete` of an
 * identifier does not compile in strict mode ("'delete' cannot be called on an identifier"). Before
 * the cell is parsed, `delete name` becomes `name=void 0`, the same width (`delete ` is seven
 * characters, `=void 0` too), so every column stays where the user wrote it: the name no longer holds
 * the value, which is what the tutorial's `del` is for. `delete net.fc` (an attribute) is left to the
 * dialect (kernel/rewrite.ts).
 *
 * At the cell's top level (outside functions) the name is a notebook global: `delete name` becomes
 * `void   name` (three spaces: the same width, and a mark no one types), which
 * kernel/live_globals_emit.ts emits as a call of kernel/live_globals.ts's `unbind`, so reading the
 * name afterwards, in this cell or a later one, raises Python's `NameError: name 'name' is not defined`.
 *
 * Python's `del a, b` ported as `delete a, b` is JavaScript's comma operator: `delete a`, then the
 * value of `b`. Its first name gets the mark at every level (`void   a, b`, still the same width, so
 * no offset moves), and kernel/live_globals_emit.ts's emit deletes every name of the list: unbinds each
 * global at the top level, sets each local to undefined inside a function.
 */
import type * as ts from "typescript";
import { tslabTypeScript } from "./resolve";

export function markDelNames(code: string): string {
  if (!code.includes("delete")) return code;
  const t = tslabTypeScript();
  const sf = t.createSourceFile("cell.ts", code, t.ScriptTarget.Latest, true, t.ScriptKind.TS);
  // Each `delete name`'s offset, name, and whether it becomes `name=void 0` (a local) rather than the mark.
  const found: [number, string, boolean][] = [];
  const visit = (node: ts.Node): void => {
    if (t.isDeleteExpression(node) && t.isIdentifier(node.expression) && node.expression.getStart(sf) === node.getStart(sf) + 7) {
      found.push([node.getStart(sf), node.expression.text, insideFunction(t, node) && delList(t, node) === undefined]);
    }
    node.forEachChild(visit);
  };
  sf.forEachChild(visit);
  let out = code;
  for (const [pos, name, assign] of found) out = `${out.slice(0, pos)}${assign ? `${name}=void 0` : `${UNBIND_MARK}${name}`}${out.slice(pos + 7 + name.length)}`;
  return out;
}

/** What `delete name` at a cell's top level becomes: as wide as `delete `. */
export const UNBIND_MARK = "void   ";

/**
 * The names of Python's `del a, b, c` that `node` (`delete a` or its mark `void   a`) starts, as
 * JavaScript parses it: `(delete a, b), c`; undefined when it is not the first of such a list.
 */
export function delList(t: typeof ts, node: ts.Expression): string[] | undefined {
  if (!t.isIdentifier((node as ts.DeleteExpression | ts.VoidExpression).expression)) return undefined;
  const names = [((node as ts.DeleteExpression).expression as ts.Identifier).text];
  let list: ts.Node = node;
  while (t.isBinaryExpression(list.parent) && list.parent.left === list && list.parent.operatorToken.kind === t.SyntaxKind.CommaToken && t.isIdentifier(list.parent.right)) {
    list = list.parent;
    names.push(((list as ts.BinaryExpression).right as ts.Identifier).text);
  }
  return names.length > 1 ? names : undefined;
}

export function insideFunction(t: typeof ts, n: ts.Node): boolean {
  for (let p = n.parent; p; p = p.parent) if (t.isFunctionLike(p) || t.isClassStaticBlockDeclaration(p)) return true;
  return false;
}
