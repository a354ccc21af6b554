/**
 * Rewrites shorthand properties (`{labels}`) as `{labels: labels}` before tslab compiles a cell.
 *
 * tslab turns each reference to an earlier cell's variable into `exports.name`; inside a shorthand
 * property that rewrite is lost and the emitted `{labels}` throws "labels is not defined" at run
 * time. The long form is equivalent in every position a shorthand can appear (object literals and
 * destructuring assignments, defaults included), so expanding all of them is safe.
 */
import type * as ts from "typescript";
import { tslabTypeScript } from "./resolve";

let tsLib: typeof ts | undefined;

function typescript(): typeof ts {
  // tslab's own compiler, so the cell is parsed by the same TypeScript that will compile it.
  return (tsLib ??= tslabTypeScript());
}

export function expandShorthandProperties(code: string): string {
  if (!code.includes("{")) return code;
  const t = typescript();
  const file = t.createSourceFile("cell.ts", code, t.ScriptTarget.Latest, false, t.ScriptKind.TS);
  const inserts: { at: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (t.isShorthandPropertyAssignment(node)) inserts.push({ at: node.name.end, text: `: ${node.name.text}` });
    node.forEachChild(visit);
  };
  file.forEachChild(visit);
  if (inserts.length === 0) return code;
  let out = code;
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
  return out;
}
