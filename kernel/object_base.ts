/**
 * Python's `class Net(object):` ported as written, `class Net extends object { ... }`: Python's classes
 * all derive from `object`, and naming it changes nothing, but TypeScript has no value `object` (its
 * `object` is a type) and a derived class's constructor would have to call `super()`, which no Python
 * port does. The heritage clause is blanked before the cell is parsed: `class Net {`, the same width,
 * so every column stays where the user wrote it. A cell that declares its own `object` keeps it.
 */
import type * as ts from "typescript";
import { tslabTypeScript } from "./resolve";

export function markObjectBase(code: string): string {
  if (!/\bextends\s+object\b/.test(code)) return code;
  const t = tslabTypeScript();
  const sf = t.createSourceFile("cell.ts", code, t.ScriptTarget.Latest, false, t.ScriptKind.TS);
  const clauses: ts.HeritageClause[] = [];
  let ownObject = false;
  const visit = (node: ts.Node): void => {
    const named = node as ts.Node & { name?: ts.Node };
    if (named.name && t.isIdentifier(named.name) && named.name.text === "object" && (t.isVariableDeclaration(node) || t.isClassDeclaration(node) || t.isFunctionDeclaration(node))) ownObject = true;
    if (t.isClassLike(node)) {
      for (const c of node.heritageClauses ?? []) {
        const base = c.token === t.SyntaxKind.ExtendsKeyword && c.types.length === 1 ? c.types[0] : undefined;
        if (base && t.isIdentifier(base.expression) && base.expression.text === "object" && base.typeArguments === undefined) clauses.push(c);
      }
    }
    node.forEachChild(visit);
  };
  sf.forEachChild(visit);
  if (ownObject) return code;
  let out = code;
  for (const c of clauses) {
    const [start, end] = [c.getStart(sf), c.end];
    out = `${out.slice(0, start)}${out.slice(start, end).replace(/[^\n]/g, " ")}${out.slice(end)}`;
  }
  return out;
}
