/**
 * Python's `def fit(epochs, lr, model, train_loader, val_loader, opt_func=torch.optim.SGD)` (Zero to
 * GANs) ported as written: an untyped parameter whose default is a class. TypeScript types the
 * parameter by its default, `typeof SGD`, so `fit(..., torch.optim.Adam)` did not compile, and
 * `opt_func(model.parameters(), lr)` called a class. Python's parameter is untyped: any optimizer,
 * module or loss class (or anything else) may be passed. Where the checker types such a default as a
 * class (it has construct signatures), `: any` is written after the parameter's name; the call of the
 * parameter then goes through kernel/live_globals.ts's `callable` (kernel/call_dunder.ts), which
 * constructs the class it holds when it runs, as Python's call of a class does.
 */
import type * as ts from "typescript";
import type { CheckedCell, Mapped } from "./keyword_args";
import { tslabTypeScript } from "./resolve";
import { insertedCalls } from "./call_dunder";

const ANY = ": any";

/** Whether a parameter has no type and a default that is a capitalised name (`SGD`, `nn.ReLU`): a parse, no compile. */
export function mayDefaultToClass(code: string): boolean {
  if (!code.includes("=")) return false;
  const t = tslabTypeScript();
  const sf = t.createSourceFile("cell.ts", code, t.ScriptTarget.Latest, true, t.ScriptKind.TS);
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (t.isParameter(n) && candidate(t, n)) found = true;
    else n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return found;
}

function candidate(t: typeof ts, p: ts.ParameterDeclaration): p is ts.ParameterDeclaration & { initializer: ts.Expression } {
  if (p.type || !p.initializer || !t.isIdentifier(p.name)) return false;
  const e = p.initializer;
  const name = t.isIdentifier(e) ? e : t.isPropertyAccessExpression(e) && t.isIdentifier(e.name) ? e.name : undefined;
  return name !== undefined && /^[A-Z]/.test(name.text);
}

/** `code` with `: any` after each untyped parameter whose default the checker types as a class, or `code` unchanged. */
export function withClassDefaults(code: string, { checker, sourceFile: sf, offset }: CheckedCell): Mapped {
  const t = tslabTypeScript();
  const at: number[] = [];
  const visit = (n: ts.Node): void => {
    if (t.isParameter(n) && n.getStart(sf) >= offset && candidate(t, n) && checker.getTypeAtLocation(n.initializer).getConstructSignatures().length > 0) {
      at.push(n.name.end - offset);
    }
    n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  if (at.length === 0) return { code, mapBack: (o) => o, mapForward: (o) => o };
  return insertedCalls(code, at.sort((a, b) => a - b).map((pos) => ({ at: pos, text: ANY })));
}
