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
 * not touched. A callee TypeScript types `any` (an untyped parameter `f(x)`, an untyped attribute
 * `this.transform(sample)`, `cfg.model_cls(3)`) is called when it runs as Python calls what it holds
 * (kernel/live_globals.ts: a class constructs, a `__call__` instance is called through it, a method keeps
 * its receiver); a typed call is left as written. No line break is added, so lines and columns of the rest stay the user's.
 */
import type * as ts from "typescript";
import type { CheckedCell, Mapped } from "./keyword_args";
import { tslabTypeScript } from "./resolve";

const CALL = ".__call__";
/**
 * kernel/live_globals.ts at run time: its `callable` calls an untyped parameter that holds an instance
 * through `__call__` (run_epoch's `loss_compute(out, y, norm)`, given a SimpleLossCompute).
 */
const CALLABLE = `(require("torchlab/dist/kernel/live_globals") as typeof import("torchlab/dist/kernel/live_globals")).callable(`;
/**
 * Its `attribute`: `recv.name(x)` typed `any` (an untyped receiver or property: WineDataset's
 * `this.transform(sample)`, `this.act_fn()`) is `attribute(recv, recv.name, "name")(x)`, which calls a function
 * with `recv` as `this`, an instance through `__call__`, constructs a class, and finds Python's str, list
 * or dict method that a string, array or dict lacks (`text.strip()`, `self.ids.append(t)`, `vocab.items()`).
 */
const ATTRIBUTE = `(require("torchlab/dist/kernel/live_globals") as typeof import("torchlab/dist/kernel/live_globals")).attribute(`;
/**
 * Its `attributeOf`, the same for a receiver that is no chain of names (`run._asdict().items()`,
 * `cfg().keys()`): `attributeOf(recv, (o: any) => o.name, "name")(x)` evaluates `recv` once.
 */
const ATTRIBUTE_OF = `(require("torchlab/dist/kernel/live_globals") as typeof import("torchlab/dist/kernel/live_globals")).attributeOf(`;
/** `f(x)(y)`: the outer call's callee is typed only once the inner one is; a few passes cover it. */
const MAX_PASSES = 3;

/**
 * Whether the cell could call an instance through `__call__`: one is declared earlier or in it (a text
 * test, no compile), or a function of the cell calls one of its untyped parameters or an attribute of
 * `this` or of one (a parse, no compile: a later cell may declare the class whose instance it is given).
 */
export function mayCallInstances(prevDecl: string, code: string): boolean {
  return code.includes("(") && (code.includes("__call__") || prevDecl.includes("__call__") || SHADOWED_CALL.test(code) || callsUntypedParameter(code, prevDecl));
}

/**
 * A call of a method that JavaScript's string or array has with another meaning than Python's
 * (kernel/dynamic_ops.ts's SHADOWED): on a receiver typed `any` of any kind (`const w = ident(s)`,
 * `for (const line of lines)` over an untyped list, `JSON.parse(text).words`), it is Python's when
 * its arguments are, which only the checker can tell apart from a typed receiver's.
 */
const SHADOWED_CALL = /\.\s*(?:split|replace|sort|pop)\s*\(/;

/**
 * Whether some call's callee is a name that an enclosing function declares as an untyped parameter,
 * or a property of `this` or of such a name (`this.transform(sample)`, `cfg.model_cls(3)`), or a
 * property of a variable declared `any` in the cell or an earlier one (`const cfg: any = {...}`,
 * `let batch: any = []` then `batch.append(t)`).
 */
function callsUntypedParameter(code: string, prevDecl: string): boolean {
  const t = tslabTypeScript();
  const sf = t.createSourceFile("cell.ts", code, t.ScriptTarget.Latest, true, t.ScriptKind.TS);
  const declared = (name: string, from: ts.Node): boolean => {
    for (let a: ts.Node | undefined = from.parent; a; a = a.parent) {
      if (t.isFunctionLike(a)) {
        const p = a.parameters.find((q) => t.isIdentifier(q.name) && q.name.text === name);
        if (p) return untypedDeclaration(t, p);
      }
    }
    return false;
  };
  const anyHere = new Set<string>();
  const declaredAny = (n: ts.Node): void => {
    // `let run;` assigned later is `any` too.
    if (t.isVariableDeclaration(n) && t.isIdentifier(n.name) && (n.type?.kind === t.SyntaxKind.AnyKeyword || (!n.type && !n.initializer))) anyHere.add(n.name.text);
    n.forEachChild(declaredAny);
  };
  sf.forEachChild(declaredAny);
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    const root = t.isCallExpression(n) ? simpleReceiverRoot(t, n.expression) ?? chainRoot(t, n.expression) : undefined;
    const anyVariable = (name: string): boolean => anyHere.has(name) || prevDecl.includes(` ${name}: any;`);
    // A variable declared `any` may hold an instance with `__call__` (`let model: any = Model(w1, b1, w2, b2)` then
    // `model(x, y)`), or one in an attribute (`hp.cls()`).
    if (root && (root.kind === t.SyntaxKind.ThisKeyword || (t.isIdentifier(root) && (declared(root.text, n) || anyVariable(root.text))))) found = true;
    else n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return found;
}

/** No type, or `any` (kernel/class_default.ts writes it for a parameter defaulting to a class). */
function untypedDeclaration(t: typeof ts, p: ts.ParameterDeclaration): boolean {
  return !p.type || p.type.kind === t.SyntaxKind.AnyKeyword;
}

/**
 * The name or `this` that `callee` (`f`, `this.transform`, `cfg.model.cls`) reads, or undefined for
 * a callee that is no chain of names (whose receiver the rewrite below would have to evaluate twice).
 */
function simpleReceiverRoot(t: typeof ts, callee: ts.Expression): ts.Expression | undefined {
  let e = callee;
  while (t.isPropertyAccessExpression(e) && !e.questionDotToken && t.isIdentifier(e.name)) e = e.expression;
  return t.isIdentifier(e) || e.kind === t.SyntaxKind.ThisKeyword ? e : undefined;
}

/** The name or `this` that a chain of attributes, calls and subscripts starts from (`run._asdict().items`, `cfg().keys`). */
function chainRoot(t: typeof ts, callee: ts.Expression): ts.Expression | undefined {
  let e = callee;
  while (t.isPropertyAccessExpression(e) || t.isCallExpression(e) || t.isElementAccessExpression(e) || t.isNonNullExpression(e)) e = e.expression;
  return t.isIdentifier(e) || e.kind === t.SyntaxKind.ThisKeyword ? e : undefined;
}

/** A text inserted at an offset of the cell. */
export type Insert = { at: number; text: string };

/**
 * Where `code` (checked as `checked`) gets text: `.__call__` after each callee that is an instance
 * whose class defines it, and `callable(` ... `)` around each untyped parameter that is called (its
 * value, known only when the call runs, may be such an instance, as Python's duck-typed call takes it).
 */
export function callDunderPositions({ checker, sourceFile: sf, offset }: CheckedCell): Insert[] {
  const t = tslabTypeScript();
  const K = t.SyntaxKind;
  const at: Insert[] = [];
  const keyword = (a: ts.Expression): boolean => t.isBinaryExpression(a) && a.operatorToken.kind === K.EqualsToken;
  const untypedParameter = (callee: ts.Expression): boolean => {
    if (!t.isIdentifier(callee) || !(checker.getTypeAtLocation(callee).flags & t.TypeFlags.Any)) return false;
    const declaration = checker.getSymbolAtLocation(callee)?.valueDeclaration;
    if (declaration !== undefined && t.isVariableDeclaration(declaration)) return declaration.type?.kind === K.AnyKeyword || (!declaration.type && !declaration.initializer);
    return declaration !== undefined && t.isParameter(declaration) && untypedDeclaration(t, declaration);
  };
  // An untyped parameter, or a variable declared `any` (`let model: any`, or `let model;`): its value is known when the call runs.
  // `recv.name` typed `any`, recv a chain of names (so that it may be read twice): a method, or an attribute holding anything.
  // A name that a typed receiver other than `this` lacks is `any` only as the checker's error: `item.strip()` on a
  // string is Python's str method (kernel/rewrite.ts). An attribute of `this` that no pass has declared yet is wrapped.
  const untypedAttribute = (callee: ts.Expression): callee is ts.PropertyAccessExpression =>
    t.isPropertyAccessExpression(callee) &&
    !t.isOptionalChain(callee) &&
    simpleReceiverRoot(t, callee) !== undefined &&
    (checker.getTypeAtLocation(callee).flags & t.TypeFlags.Any) !== 0 &&
    (callee.expression.kind === t.SyntaxKind.ThisKeyword ||
      (checker.getTypeAtLocation(callee.expression).flags & t.TypeFlags.Any) !== 0 ||
      checker.getSymbolAtLocation(callee.name) !== undefined);
  // `s.lower()` of a string is `any` only as the checker's error: the dialect makes it Python's str method, typed.
  const checkerError = (receiver: ts.Expression): boolean => {
    for (let e = receiver; ; ) {
      if (t.isPropertyAccessExpression(e) && checker.getSymbolAtLocation(e.name) === undefined && !(checker.getTypeAtLocation(e.expression).flags & t.TypeFlags.Any)) return true;
      if (t.isPropertyAccessExpression(e) || t.isCallExpression(e) || t.isElementAccessExpression(e) || t.isNonNullExpression(e) || t.isParenthesizedExpression(e)) e = e.expression;
      else return false;
    }
  };
  // The same on a receiver typed `any` that is no chain of names (an untyped call's result: `run._asdict().items()`).
  const untypedResultAttribute = (callee: ts.Expression): callee is ts.PropertyAccessExpression =>
    t.isPropertyAccessExpression(callee) &&
    !t.isOptionalChain(callee) &&
    t.isIdentifier(callee.name) &&
    simpleReceiverRoot(t, callee) === undefined &&
    (checker.getTypeAtLocation(callee).flags & t.TypeFlags.Any) !== 0 &&
    (checker.getTypeAtLocation(callee.expression).flags & t.TypeFlags.Any) !== 0 &&
    !checkerError(callee.expression);
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
  // A union of instances with `__call__` and functions (the data-loading tutorial's `for i, tsfrm in
  // enumerate([scale, crop, composed])` over Rescale, RandomCrop and a transforms.Compose): each is called
  // as Python calls it when the call runs, since no one signature fits them all.
  const mixedCallable = (callee: ts.Expression): boolean => {
    const type = checker.getTypeAtLocation(callee);
    if (!type.isUnion() || type.getCallSignatures().length > 0) return false;
    const dunder = (m: ts.Type) => checker.getPropertyOfType(m, "__call__") !== undefined;
    return type.types.some(dunder) && type.types.every((m) => dunder(m) || m.getCallSignatures().length > 0);
  };
  const visit = (n: ts.Node): void => {
    if (t.isCallExpression(n) && !n.questionDotToken && n.getStart(sf) >= offset) {
      if (callable(n.expression)) at.push({ at: n.expression.end - offset, text: CALL });
      else if (mixedCallable(n.expression) && !n.arguments.some(keyword)) at.push({ at: n.expression.getStart(sf) - offset, text: CALLABLE }, { at: n.expression.end - offset, text: ")" });
      // A call with keywords (`fn(y, y_pred=y)`) is placed when it runs by kernel/keyword_call.ts, which reads fn's parameters.
      else if (untypedParameter(n.expression) && !n.arguments.some(keyword)) at.push({ at: n.expression.getStart(sf) - offset, text: CALLABLE }, { at: n.expression.end - offset, text: ")" });
      else if (untypedAttribute(n.expression) && !n.arguments.some(keyword)) {
        const receiver = n.expression.expression.getText(sf);
        at.push({ at: n.expression.getStart(sf) - offset, text: `${ATTRIBUTE}${receiver}, ` }, { at: n.expression.end - offset, text: `, ${JSON.stringify(n.expression.name.text)})` });
      } else if (untypedResultAttribute(n.expression) && !n.arguments.some(keyword)) {
        const callee = n.expression;
        at.push(
          { at: callee.getStart(sf) - offset, text: ATTRIBUTE_OF },
          { at: callee.expression.end - offset, text: ", (o: any) => o" },
          { at: callee.end - offset, text: `, ${JSON.stringify(callee.name.text)})` },
        );
      }
    }
    n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return at.sort((a, b) => a.at - b.at);
}

/** `code` with the texts of `at` (ascending) inserted, the offsets mapped both ways. */
export function insertedCalls(code: string, at: Insert[]): Mapped {
  let out = "";
  let from = 0;
  for (const { at: pos, text } of at) {
    out += code.slice(from, pos) + text;
    from = pos;
  }
  out += code.slice(from);
  return {
    code: out,
    // Inside an inserted text: the offset it was inserted at.
    mapBack: (o) => {
      let shift = 0;
      for (const { at: pos, text } of at) {
        if (o < pos + shift) break;
        if (o < pos + shift + text.length) return pos;
        shift += text.length;
      }
      return o - shift;
    },
    mapForward: (o) => o + at.filter(({ at: pos }) => pos < o).reduce((n, { text }) => n + text.length, 0),
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
    let at: Insert[];
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
    // Only `.__call__` gives a callee a type it had not: a run-time call of an `any` callee leaves every type as it was.
    if (!at.some(({ text }) => text === CALL)) break;
  }
  return done;
}
