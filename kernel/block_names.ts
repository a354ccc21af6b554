/**
 * Python's `if __name__ == '__main__':` (and `for`, `with`, `try` at a cell's top level) binds module
 * globals; a port that writes `if (__name__ == '__main__') { const classifier = ...; }` declares
 * `classifier` in TypeScript's block, and a later cell's `classifier` is "Cannot find name".
 *
 * The kernel does not hoist such declarations to notebook globals: the declaration can be a `const`
 * whose type TypeScript infers from its initialiser (hoisting needs a type before the block), a loop
 * body's `const` is one binding per iteration that closures capture (`callbacks.push(() => y)`), and a
 * block may shadow a global of the same name on purpose. Instead the compile error of the later cell
 * says where the name was declared and what to write: the declaration before the block.
 */
import type * as ts from "typescript";
import { tslabTypeScript } from "./resolve";

/** Names declared by let / const / class / function inside a top-level block of `code`, not at its top level. */
export function blockScopedNames(code: string): { inBlocks: string[]; topLevel: string[] } {
  const t = tslabTypeScript();
  const sf = t.createSourceFile("cell.ts", code, t.ScriptTarget.Latest, true, t.ScriptKind.TS);
  const inBlocks = new Set<string>();
  const topLevel = new Set<string>();
  const bindingNames = (name: ts.BindingName, into: Set<string>): void => {
    if (t.isIdentifier(name)) into.add(name.text);
    else for (const e of name.elements) if (!t.isOmittedExpression(e)) bindingNames(e.name, into);
  };
  const declared = (n: ts.Node, into: Set<string>): void => {
    if (t.isVariableStatement(n)) for (const d of n.declarationList.declarations) bindingNames(d.name, into);
    else if ((t.isClassDeclaration(n) || t.isFunctionDeclaration(n)) && n.name) into.add(n.name.text);
  };
  // Statements nested in blocks (not in functions or classes, whose locals are Python's locals too).
  const visit = (n: ts.Node): void => {
    if (t.isFunctionLike(n) || t.isClassLike(n)) return;
    if (t.isBlock(n) || t.isCaseClause(n) || t.isDefaultClause(n)) for (const s of n.statements) declared(s, inBlocks);
    // `for (const x of xs)`: Python's loop variable outlives the loop too.
    if ((t.isForOfStatement(n) || t.isForInStatement(n) || t.isForStatement(n)) && n.initializer && t.isVariableDeclarationList(n.initializer)) {
      for (const d of n.initializer.declarations) bindingNames(d.name, inBlocks);
    }
    n.forEachChild(visit);
  };
  for (const s of sf.statements) {
    declared(s, topLevel);
    if (!t.isVariableStatement(s)) visit(s);
  }
  return { inBlocks: [...inBlocks].filter((n) => !topLevel.has(n)), topLevel: [...topLevel] };
}

/**
 * The names block-declared in earlier cells (name to the cell's label), as of the latest cell: a
 * later top-level declaration of the name removes it. Cells are parsed only when a compile error asks
 * (`explain`), not on every cell's path.
 */
export class BlockNames {
  private readonly names = new Map<string, string>();
  /** Compiled cells not parsed yet, in order. */
  private pending: [code: string, label: string][] = [];

  record(code: string, label: string): void {
    if (/\b(let|const|class|function)\b/.test(code)) this.pending.push([code, label]);
  }

  /** `message` with what to do when it is "Cannot find name 'x'" for a name an earlier cell declared in a block. */
  explain(message: string): string {
    const m = /^Cannot find name '([^']+)'\./.exec(message);
    if (!m) return message;
    for (const [code, cellLabel] of this.pending) {
      const { inBlocks, topLevel } = blockScopedNames(code);
      for (const n of topLevel) this.names.delete(n);
      for (const n of inBlocks) this.names.set(n, cellLabel);
    }
    this.pending = [];
    const label = this.names.get(m[1]);
    if (label === undefined) return message;
    return (
      `${message} '${m[1]}' was declared inside a block ({ ... } of an if, for or try) in cell [${label}], ` +
      `where TypeScript keeps it; Python's module globals are TypeScript's top-level names: ` +
      `declare it before the block (\`let ${m[1]};\`) and assign it inside.`
    );
  }
}

/**
 * Python's loop and `if` bodies bind names of the enclosing function (or the module): `for _, (x, y) in
 * enumerate(pairs):` then `print(_)`, or `_, pred = torch.max(out, 1)` in a loop and `_` read after it.
 * A port's `for (const [_, [x, y]] of ...)` / `let [_, pred] = ...` declares the name in TypeScript's
 * block, and the read after the block is "Cannot find name". Among `ranges` (the names the compiler
 * reported so, as [start, end) of `code`), each read after a block of the same function (or of the
 * cell's top level) that declares the name by let / const makes those declarations `var`, which binds
 * the name to the function as Python does. The keyword is replaced in place (`const` by `var  `), so
 * no position moves. A read in a later cell stays an error (BlockNames says what to write). `reads`:
 * the ranges so read (a function's such read is its local, not a late-bound global: lateBoundNames).
 */
export function blockVarDeclarations(code: string, ranges: readonly (readonly [number, number])[]): { code: string; reads: Set<string> } | null {
  if (ranges.length === 0) return null;
  const t = tslabTypeScript();
  const sf = t.createSourceFile("cell.ts", code, t.ScriptTarget.Latest, true, t.ScriptKind.TS);
  const scopeOf = (n: ts.Node): ts.Node => {
    let a = n.parent;
    while (a && !t.isFunctionLike(a) && !t.isClassStaticBlockDeclaration(a) && !t.isSourceFile(a)) a = a.parent;
    return a;
  };
  // Block-level let / const declaration lists by name: a loop head's, or a statement's in a block.
  const declared = new Map<string, ts.VariableDeclarationList[]>();
  const bindingNames = (name: ts.BindingName, list: ts.VariableDeclarationList): void => {
    if (t.isIdentifier(name)) declared.set(name.text, [...(declared.get(name.text) ?? []), list]);
    else for (const e of name.elements) if (!t.isOmittedExpression(e)) bindingNames(e.name, list);
  };
  const visit = (n: ts.Node): void => {
    if (t.isVariableDeclarationList(n) && n.flags & (t.NodeFlags.Let | t.NodeFlags.Const)) {
      const p = n.parent;
      const inLoopHead = t.isForOfStatement(p) || t.isForInStatement(p) || t.isForStatement(p);
      const inBlock = t.isVariableStatement(p) && (t.isBlock(p.parent) || t.isCaseClause(p.parent) || t.isDefaultClause(p.parent)) && !t.isFunctionLike(p.parent.parent);
      if (inLoopHead || inBlock) for (const d of n.declarations) bindingNames(d.name, n);
    }
    n.forEachChild(visit);
  };
  visit(sf);
  const wanted = new Set(ranges.map(([start, end]) => `${start}:${end}`));
  const made = new Set<ts.VariableDeclarationList>();
  const reads = new Set<string>();
  const read = (n: ts.Node): void => {
    const key = `${n.getStart(sf)}:${n.end}`;
    if (t.isIdentifier(n) && wanted.has(key)) {
      for (const list of declared.get(n.text) ?? []) {
        if (list.end <= n.getStart(sf) && scopeOf(list) === scopeOf(n)) made.add(list), reads.add(key);
      }
    }
    n.forEachChild(read);
  };
  read(sf);
  if (made.size === 0) return null;
  let out = code;
  for (const list of made) {
    const at = list.getStart(sf);
    const keyword = list.flags & t.NodeFlags.Const ? "const" : "let";
    out = `${out.slice(0, at)}${"var".padEnd(keyword.length)}${out.slice(at + keyword.length)}`;
  }
  return { code: out, reads };
}
