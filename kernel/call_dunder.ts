/**
 * Python's callable instances in a cell: an object whose class defines `__call__` is called as
 * `layer(x)`, which Python runs as `type(layer).__call__(layer, x)` (Karpathy's makemore `Linear`,
 * `BatchNorm1d`, `Tanh`, `Sequential`; micrograd's `Neuron`, `Layer`, `MLP`). TypeScript refused such a
 * call ("This expression is not callable"). Where the type checker gives a call's callee no call
 * or construct signature but a `__call__` method, `.__call__` is inserted after the callee:
 * `layer(x)` is `layer.__call__(x)`, typed by `__call__`'s signature (so `const out = layer(x)` has its
 * return type, and a list of such layers is called in a loop over a union of their classes).
 * Keyword arguments (kernel/keyword_args.ts) then see `__call__`'s parameters. An object without
 * `__call__` stays TypeScript's error; torchlab's nn.Module instances have call signatures and are
 * not touched. No line break is added, so lines and columns of the rest stay the user's.
 */
import type * as ts from "typescript";
import type { CheckedCell, Mapped } from "./keyword_args";
import { tslabTypeScript } from "./resolve";

const CALL = ".__call__";
/** `f(x)(y)`: the outer call's callee is typed only once the inner one is; a few passes cover it. */
const MAX_PASSES = 3;

/** Whether the cell could call an instance through `__call__`: one is declared earlier or in it (a text test, no compile). */
export function mayCallInstances(prevDecl: string, code: string): boolean {
  return code.includes("(") && (code.includes("__call__") || prevDecl.includes("__call__"));
}

/** The offsets of `code` (checked as `checked`) after the callees that are called through `__call__`, in order. */
export function callDunderPositions({ checker, sourceFile: sf, offset }: CheckedCell): number[] {
  const t = tslabTypeScript();
  const K = t.SyntaxKind;
  const at: number[] = [];
  const callable = (callee: ts.Expression): boolean => {
    if (callee.kind === K.SuperKeyword || callee.kind === K.ImportKeyword) return false;
    const type = checker.getTypeAtLocation(callee);
    if (type.flags & (t.TypeFlags.Any | t.TypeFlags.Unknown | t.TypeFlags.Never)) return false;
    if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return false;
    const dunder = checker.getPropertyOfType(type, "__call__");
    if (!dunder) return false;
    const method = checker.getTypeOfSymbolAtLocation(dunder, callee);
    return (method.flags & t.TypeFlags.Any) !== 0 || method.getCallSignatures().length > 0;
  };
  const visit = (n: ts.Node): void => {
    if (t.isCallExpression(n) && !n.questionDotToken && n.getStart(sf) >= offset && callable(n.expression)) at.push(n.expression.end - offset);
    n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return at.sort((a, b) => a - b);
}

/** `code` with `.__call__` inserted at each of `at` (ascending), the offsets mapped both ways. */
function insertedCalls(code: string, at: number[]): Mapped {
  let out = "";
  let from = 0;
  for (const pos of at) {
    out += code.slice(from, pos) + CALL;
    from = pos;
  }
  out += code.slice(from);
  return {
    code: out,
    // Inside an inserted `.__call__`: the end of its callee.
    mapBack: (o) => {
      let shift = 0;
      for (const pos of at) {
        if (o < pos + shift) break;
        if (o < pos + shift + CALL.length) return pos;
        shift += CALL.length;
      }
      return o - shift;
    },
    mapForward: (o) => o + at.filter((pos) => pos < o).length * CALL.length,
  };
}

/**
 * `code` with its calls of instances made through `__call__` (see above), or `code` unchanged. A
 * fault of the compiler (check) reaches the caller; one of this rewrite leaves the cell as it was.
 */
export function withCallDunder(code: string, check: (code: string) => CheckedCell): Mapped {
  let done: Mapped = { code, mapBack: (o) => o, mapForward: (o) => o };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const checked = check(done.code);
    let at: number[];
    try {
      at = callDunderPositions(checked);
    } catch (error) {
      process.emitWarning(`torchlab __call__: ${(error as Error).message}`);
      return done;
    }
    if (at.length === 0) break;
    const inner = done;
    const step = insertedCalls(inner.code, at);
    done = { code: step.code, mapBack: (o) => inner.mapBack(step.mapBack(o)), mapForward: (o) => step.mapForward(inner.mapForward(o)) };
  }
  return done;
}
