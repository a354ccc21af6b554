/**
 * Source rewrites applied to a cell before tslab compiles it. Each keeps line numbers, so compile
 * errors still point at the user's lines.
 *
 * 1. Shorthand properties (`{labels}`) become `{labels: labels}`. tslab turns each reference to an
 *    earlier cell's variable into `exports.name`; inside a shorthand property that rewrite is lost
 *    and the emitted `{labels}` throws "labels is not defined". The long form is equivalent in
 *    every position a shorthand can appear (object literals, destructuring assignments, defaults).
 * 2. Every loop at the top level of the cell (not inside a function or class) starts each
 *    iteration with `if (_torchlab_tick(N)) await _torchlab_tick.yield();` (kernel/tick.ts),
 *    which yields to the event loop at most every 20 ms: a training loop written the
 *    PyTorch way then streams its prints and live plots, has the tensors of past iterations freed,
 *    and stops cleanly at an iteration boundary when interrupted.
 */
import type * as ts from "typescript";
import { tslabTypeScript } from "./resolve";

/** The name the prelude binds kernel/tick.ts's `tick` to. */
export const TICK_NAME = "_torchlab_tick";

let tsLib: typeof ts | undefined;

function typescript(): typeof ts {
  // tslab's own compiler, so the cell is parsed by the same TypeScript that will compile it.
  return (tsLib ??= tslabTypeScript());
}

interface Insert {
  at: number;
  text: string;
}

function apply(code: string, inserts: Insert[]): string {
  let out = code;
  // From the end, so earlier offsets stay valid; stable for equal offsets (later inserts go after).
  const ordered = inserts.map((ins, i) => ({ ...ins, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  for (const { at, text } of ordered) out = out.slice(0, at) + text + out.slice(at);
  return out;
}

function parse(code: string): ts.SourceFile {
  const t = typescript();
  return t.createSourceFile("cell.ts", code, t.ScriptTarget.Latest, true, t.ScriptKind.TS);
}

export function expandShorthandProperties(code: string): string {
  if (!code.includes("{")) return code;
  const t = typescript();
  const inserts: Insert[] = [];
  const visit = (node: ts.Node): void => {
    if (t.isShorthandPropertyAssignment(node)) inserts.push({ at: node.name.end, text: `: ${node.name.text}` });
    node.forEachChild(visit);
  };
  parse(code).forEachChild(visit);
  return inserts.length ? apply(code, inserts) : code;
}

/** Inserts the yield point at the start of each top-level loop body; `cell` is the cell's serial. */
export function addLoopYields(code: string, cell: number): string {
  if (!/\b(for|while|do)\b/.test(code)) return code;
  const t = typescript();
  const call = `if (${TICK_NAME}(${cell})) await ${TICK_NAME}.yield();`;
  const inserts: Insert[] = [];
  const visit = (node: ts.Node): void => {
    if (t.isFunctionLike(node) || t.isClassLike(node)) return;
    if (t.isIterationStatement(node, false)) {
      const body = node.statement;
      if (t.isBlock(body)) inserts.push({ at: body.getStart() + 1, text: ` ${call}` });
      else {
        inserts.push({ at: body.getStart(), text: `{ ${call} ` });
        inserts.push({ at: body.end, text: " }" });
      }
    }
    node.forEachChild(visit);
  };
  parse(code).forEachChild(visit);
  return inserts.length ? apply(code, inserts) : code;
}
