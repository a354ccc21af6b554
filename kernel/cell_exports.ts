/**
 * One program per cell version instead of two (issue 12's per-cell cost).
 *
 * tslab's convert builds the cell's program twice: once to read the cell's top-level names (the
 * source file's `locals`, known only once TypeScript has bound it), then again with
 * `export {a, b, ...}` appended, so that later cells see those names. Each build is a new program
 * and a new type checker that must resolve again every library type the cell touches: a 20-line
 * cell of a tutorial port took ~60 ms per program, and the notebook dialect's own checks of the
 * same text (kernel/rewrite.ts) build one more.
 *
 * TypeScript's watch program builds nothing when the files read back the same text. So the cell
 * file is read with its export list already there, computed here from the cell's syntax, in one
 * canonical (sorted) order: the dialect's last check, tslab's first build (no list yet) and its
 * second (tslab's own list, in the binder's order) all read the same text, and only the first of
 * them builds a program.
 *
 * The list must be the one tslab would append, or the cell's names change: when tslab's list names
 * other names than ours, its text is taken as it is (the second build is then a program of its own,
 * as before); and kernel/rewrite.ts checks, on the program of the text it is about to convert, that
 * the binder's names are ours before it lets tslab's first build read our list (`sameAsBinder`).
 */
import type * as ts from "typescript";

/** tslab's export list: the last line of the cell file. */
export const EXPORT_LIST = /\nexport \{([^{}\n]*)\}$/;

/** Whether a statement is `declare`d (emits nothing, but its names are the file's all the same). */
function hasModifier(t: typeof ts, n: ts.Node, kind: ts.SyntaxKind): boolean {
  return !!(t.canHaveModifiers(n) && t.getModifiers(n)?.some((m) => m.kind === kind));
}

function bindingNames(t: typeof ts, name: ts.BindingName, into: Set<string>): void {
  if (t.isIdentifier(name)) {
    into.add(name.text);
    return;
  }
  for (const element of name.elements) if (!t.isOmittedExpression(element)) bindingNames(t, element.name, into);
}

/**
 * The names TypeScript's binder puts in a module file's own symbol table (`locals`): its top-level
 * declarations (variables, functions, classes, enums, interfaces, type aliases, namespaces, import
 * bindings, exported ones too) and every `var` of its top-level blocks and loops, which is
 * function-scoped and so the file's. Not: an `export import` alias, an ambient module named by a
 * string, block-scoped names inside a block, anything inside a function or class.
 */
export function moduleLocals(t: typeof ts, sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const vars = (list: ts.VariableDeclarationList | ts.ForInitializer | undefined, onlyVar: boolean): void => {
    if (list === undefined || !t.isVariableDeclarationList(list)) return;
    if (onlyVar && (list.flags & t.NodeFlags.BlockScoped) !== 0) return;
    for (const d of list.declarations) bindingNames(t, d.name, names);
  };
  /** The `var`s of a statement below the top level. */
  const nested = (s: ts.Statement | undefined): void => {
    if (s === undefined) return;
    if (t.isVariableStatement(s)) vars(s.declarationList, true);
    else if (t.isBlock(s)) s.statements.forEach(nested);
    else if (t.isIfStatement(s)) {
      nested(s.thenStatement);
      nested(s.elseStatement);
    } else if (t.isForStatement(s)) {
      vars(s.initializer, true);
      nested(s.statement);
    } else if (t.isForInStatement(s) || t.isForOfStatement(s)) {
      vars(s.initializer, true);
      nested(s.statement);
    } else if (t.isWhileStatement(s) || t.isDoStatement(s) || t.isLabeledStatement(s) || t.isWithStatement(s)) nested(s.statement);
    else if (t.isSwitchStatement(s)) s.caseBlock.clauses.forEach((c) => c.statements.forEach(nested));
    else if (t.isTryStatement(s)) {
      nested(s.tryBlock);
      if (s.catchClause) nested(s.catchClause.block);
      nested(s.finallyBlock);
    }
  };
  for (const s of sf.statements) {
    if (t.isVariableStatement(s)) vars(s.declarationList, false);
    else if (
      (t.isFunctionDeclaration(s) || t.isClassDeclaration(s) || t.isEnumDeclaration(s) || t.isInterfaceDeclaration(s) || t.isTypeAliasDeclaration(s)) &&
      s.name !== undefined
    )
      names.add(s.name.text);
    else if (t.isModuleDeclaration(s)) {
      // `declare global { ... }` is the binder's `__global` (which tslab exports as it finds it).
      if ((s.flags & t.NodeFlags.GlobalAugmentation) !== 0) names.add("__global");
      else if (t.isIdentifier(s.name)) names.add(s.name.text);
    } else if (t.isImportEqualsDeclaration(s)) {
      if (!hasModifier(t, s, t.SyntaxKind.ExportKeyword)) names.add(s.name.text);
    } else if (t.isImportDeclaration(s)) {
      const clause = s.importClause;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && t.isNamespaceImport(bindings)) names.add(bindings.name.text);
      else if (bindings) for (const e of bindings.elements) names.add(e.name.text);
    } else nested(s);
  }
  return names;
}

/** The binder's names of a bound source file, as written in the cell (TypeScript escapes a leading `__`). */
export function boundLocals(t: typeof ts, sf: ts.SourceFile): Set<string> | null {
  const locals = (sf as ts.SourceFile & { locals?: Map<ts.__String, ts.Symbol> }).locals;
  if (locals === undefined) return null;
  return new Set(Array.from(locals.keys(), (k) => t.unescapeLeadingUnderscores(k)));
}

export function sameNames(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((n) => b.has(n));
}

/**
 * The cell file's text as it is read with a canonical export list (see the header): `text` without
 * an export list gets ours (when the cell declares names); with tslab's list naming the same names,
 * ours replaces it; otherwise `text` is returned as it is. `names` computes a text's names (memoized
 * by the caller).
 */
export function withExportList(text: string, names: (body: string) => ReadonlySet<string>): string {
  const list = EXPORT_LIST.exec(text);
  const body = list ? text.slice(0, list.index) : text;
  const own = names(body);
  if (list && !sameNames(new Set(list[1].split(",").map((n) => n.trim())), own)) return text;
  if (own.size === 0) return text;
  return `${body}\nexport {${[...own].sort().join(", ")}}`;
}
