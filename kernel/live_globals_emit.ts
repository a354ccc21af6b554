/**
 * A notebook's top-level names are Python's module globals: a function reads a global when it runs,
 * so a later cell's `y_train = ...` (or `let y_train = ...` again, or a new `function g`) is what
 * every function of every cell sees from then on.
 *
 * tslab runs each cell as a module of its own and shares its top-level names through `exports`: a
 * reference to an earlier cell's name becomes `exports.name`, and a cell's own names are copied into
 * `exports` as they are declared and assigned. A function keeps reading its own cell's local binding
 * though, so it goes on seeing the value of its own cell (`get_loss` reads the old `y_train`, an
 * increment inside a function of the cell where `counter` was declared never reaches later cells).
 *
 * This emit transformer (run after tslab's own on the cell's file) makes the references of a cell's
 * own top-level names go through `exports` as well, so there is one binding per name:
 *  - `let`/`var` variables everywhere in the cell (a function called by the cell may assign them);
 *  - `const` variables, functions and classes inside functions, methods and arrows (run later, when
 *    a later cell may have declared the name again). At the cell's top level they are the values
 *    just declared: TypeScript refuses an assignment to them, so the local is never stale there,
 *    and a function stays callable above its declaration.
 * The declarations themselves stay local, and TypeScript's CommonJS conversion copies each into
 * `exports` right after it. The type checker is untouched (completion, hover and errors are those
 * of the cell as written); the emitted nodes keep their source positions, so tracebacks map back.
 */
import type * as ts from "typescript";
import { delList, insideFunction as insideFunctionOrBlock, UNBIND_MARK } from "./del_name";

/** The file tslab compiles each cell as (`__tslab__.js` for JavaScript cells). */
const CELL_FILE = /(^|\/)__tslab__\.[jt]s$/;

/** Whether the cell declares it at the top level, and how: variables read live everywhere, the rest only in functions. */
type Binding = "variable" | "deferred";

/** The cell's own top-level declarations whose names live in `exports`, by declaration node. */
function topLevelBindings(t: typeof ts, sf: ts.SourceFile): Map<ts.Node, Binding> {
  const found = new Map<ts.Node, Binding>();
  // `declare let x` emits nothing: there is no binding to share.
  const ambient = (n: ts.Statement): boolean => !!(t.canHaveModifiers(n) && t.getModifiers(n)?.some((m) => m.kind === t.SyntaxKind.DeclareKeyword));
  const names = (name: ts.BindingName, kind: Binding): void => {
    if (t.isIdentifier(name)) return;
    for (const element of name.elements) {
      if (t.isOmittedExpression(element)) continue;
      found.set(element, kind);
      names(element.name, kind);
    }
  };
  for (const statement of sf.statements) {
    if (t.isVariableStatement(statement) && !ambient(statement)) {
      const kind: Binding = statement.declarationList.flags & t.NodeFlags.Const ? "deferred" : "variable";
      for (const decl of statement.declarationList.declarations) {
        found.set(decl, kind);
        names(decl.name, kind);
      }
    } else if ((t.isFunctionDeclaration(statement) || t.isClassDeclaration(statement)) && statement.name && !ambient(statement)) {
      found.set(statement, "deferred");
    }
  }
  return found;
}

/** Whether `n` is the name a top-level declaration or an export specifier gives (not a reference). */
function declaresName(t: typeof ts, n: ts.Identifier): boolean {
  const p = n.parent;
  if (t.isExportSpecifier(p) || t.isShorthandPropertyAssignment(p)) return true;
  return (t.isVariableDeclaration(p) || t.isBindingElement(p) || t.isFunctionDeclaration(p) || t.isClassDeclaration(p)) && p.name === n;
}

/** The name of `void   name`, kernel/del_name.ts's mark of a top-level `delete name`; undefined for anything else. */
function unbindMark(t: typeof ts, cell: ts.SourceFile, n: ts.Node): string | undefined {
  if (n.pos < 0 || !t.isVoidExpression(n) || !t.isIdentifier(n.expression)) return undefined;
  return cell.text.slice(n.getStart(cell), n.expression.getStart(cell)) === UNBIND_MARK ? n.expression.text : undefined;
}

/**
 * The operands of Python's `del a, b` marked `void   a, b` (kernel/del_name.ts), when `n` is the whole
 * list, first to last (the mark `void   a`, then the names); undefined for anything else.
 */
function delOperands(t: typeof ts, cell: ts.SourceFile, n: ts.Node): ts.Expression[] | undefined {
  const operands: ts.Expression[] = [];
  let e: ts.Node = n;
  for (; t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.CommaToken; e = e.left) operands.unshift(e.right);
  if (operands.length === 0 || unbindMark(t, cell, e) === undefined || delList(t, e as ts.VoidExpression)?.length !== operands.length + 1) return undefined;
  return [e as ts.Expression, ...operands];
}

/** The same operands of `node`, the list as an earlier transformer left it (a name may be `exports.name` there). */
function commaOperands(t: typeof ts, node: ts.Expression, count: number): ts.Expression[] {
  const operands: ts.Expression[] = [];
  let e = node;
  for (; operands.length < count - 1 && t.isBinaryExpression(e); e = e.left) operands.unshift(e.right);
  return [e, ...operands];
}

/** Whether `n` runs later than the statement it is in: inside a function, method, accessor or arrow. */
function insideFunction(t: typeof ts, n: ts.Node): boolean {
  for (let p = n.parent; p; p = p.parent) if (t.isFunctionLike(p)) return true;
  return false;
}

/** The transformer for the cell file `cell` of `program`. */
function liveGlobals(t: typeof ts, checker: ts.TypeChecker, cell: ts.SourceFile): ts.TransformerFactory<ts.SourceFile> {
  const bindings = topLevelBindings(t, cell);
  const names = new Set<string>();
  for (const decl of bindings.keys()) {
    const name = (decl as ts.NamedDeclaration).name;
    if (name && t.isIdentifier(name)) names.add(name.text);
  }
  // `delete name` at the top level (kernel/del_name.ts's mark): Python's del of a global.
  const unbound = new Set<string>();
  const marks = (n: ts.Node): void => {
    const list = delOperands(t, cell, n);
    if (list) {
      if (!insideFunctionOrBlock(t, n)) for (const e of list) unbound.add(t.isVoidExpression(e) ? (e.expression as ts.Identifier).text : (e as ts.Identifier).text);
      return;
    }
    const name = unbindMark(t, cell, n);
    if (name !== undefined) unbound.add(name);
    else n.forEachChild(marks);
  };
  cell.forEachChild(marks);
  return (context) => {
    const f = context.factory;
    const live = (original: ts.Identifier): boolean => {
      if (!original.parent || original.getSourceFile() !== cell || declaresName(t, original)) return false;
      const decls = checker.getSymbolAtLocation(original)?.declarations ?? [];
      const kind = decls.map((d) => bindings.get(d)).find((k) => k !== undefined);
      // A name the cell unbinds is read from `exports` everywhere, where unbind leaves the NameError.
      return kind === "variable" || (kind === "deferred" && (insideFunction(t, original) || unbound.has(original.text)));
    };
    /** tslab's `exports.name` for an earlier cell's name: a node it made, not one of the cell's. */
    const earlierCells = (n: ts.Expression): boolean =>
      t.isPropertyAccessExpression(n) && n.pos < 0 && t.isIdentifier(n.expression) && n.expression.text === "exports";
    const unbindCall = (name: string): ts.Expression => {
      const module = f.createCallExpression(f.createIdentifier("require"), undefined, [f.createStringLiteral("torchlab/dist/kernel/live_globals")]);
      return f.createCallExpression(f.createPropertyAccessExpression(module, "unbind"), undefined, [f.createIdentifier("exports"), f.createStringLiteral(name)]);
    };
    const visit = (node: ts.Node): ts.Node => {
      if (t.isBinaryExpression(node)) {
        const original = t.getOriginalNode(node);
        const list = original.getSourceFile() === cell ? delOperands(t, cell, original) : undefined;
        if (list) {
          // Python's `del a, b`: a global is unbound, a local (inside a function) set to undefined, each in turn.
          const names = list.map((e) => (t.isVoidExpression(e) ? (e.expression as ts.Identifier).text : (e as ts.Identifier).text));
          const local = insideFunctionOrBlock(t, original);
          const emitted = commaOperands(t, node, list.length);
          const deletes = list.map((e, i) => {
            const target = i === 0 ? (emitted[0] as ts.VoidExpression).expression : emitted[i];
            const del = local ? f.createAssignment(t.visitNode(target, visit) as ts.Expression, f.createVoidZero()) : unbindCall(names[i]);
            return t.setTextRange(del, e);
          });
          return t.setTextRange(deletes.reduce((all, del) => f.createComma(all, del)), original);
        }
      }
      if (t.isVoidExpression(node)) {
        const original = t.getOriginalNode(node);
        const name = original.getSourceFile() === cell ? unbindMark(t, cell, original) : undefined;
        if (name !== undefined) return t.setTextRange(unbindCall(name), original);
      }
      if (t.isIdentifier(node) && names.has(node.text)) {
        const original = t.getOriginalNode(node);
        if (t.isIdentifier(original) && live(original)) {
          const access = t.setTextRange(f.createPropertyAccessExpression(f.createIdentifier("exports"), f.createIdentifier(node.text)), original);
          t.setOriginalNode(access, original);
          // A call through `exports.f(...)` would make `exports` its `this`; a plain call has none.
          const p = original.parent;
          const callee = (t.isCallExpression(p) && p.expression === original) || (t.isTaggedTemplateExpression(p) && p.tag === original);
          return callee ? f.createParenthesizedExpression(f.createComma(f.createNumericLiteral(0), access)) : access;
        }
        return node;
      }
      // tslab calls an earlier cell's function as `exports.f(...)`: V8 then names its frames
      // `Proxy.f` and the function gets `exports` as `this`.
      if (t.isCallExpression(node) && earlierCells(node.expression)) {
        const callee = f.createParenthesizedExpression(f.createComma(f.createNumericLiteral(0), node.expression));
        return f.updateCallExpression(node, callee, node.typeArguments, t.visitNodes(node.arguments, visit, t.isExpression));
      }
      return t.visitEachChild(node, visit, context);
    };
    return (sf) => t.visitEachChild(sf, visit, context);
  };
}

/**
 * Makes `builder`'s emits of the cell file run liveGlobals after the transformers tslab passes
 * (which turn earlier cells' names into `exports.name` and keep the last expression's value).
 */
export function emitLiveGlobals(t: typeof ts, builder: ts.BuilderProgram): void {
  const emit = builder.emit.bind(builder);
  builder.emit = (target, writeFile, cancel, dtsOnly, transformers) => {
    if (!target || !CELL_FILE.test(target.fileName) || dtsOnly) return emit(target, writeFile, cancel, dtsOnly, transformers);
    const checker = builder.getProgram().getTypeChecker();
    const after = [...(transformers?.after ?? []), liveGlobals(t, checker, target)];
    return emit(target, writeFile, cancel, dtsOnly, { ...transformers, after });
  };
}
