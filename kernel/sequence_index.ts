/**
 * Python's index of a list, tuple or string when the index is a variable (`l[k]`, `losses[i - 1]`,
 * `s[j]`, `grid[i][j] = 0`, `counts[c] += 1`): a negative one counts from the end and one past either end
 * is Python's IndexError (kernel/sequence_items.ts), where JavaScript read undefined (printed `None`)
 * and a store past the end grew the array with holes. A part of the dialect's typed pass
 * (kernel/rewrite.ts rewritePass), for a receiver the checker types as an array, a tuple, a string, a
 * torch.Size or a typed array and an index it types as a number:
 *
 *   l[k]                  ->  S.item(l, k)                (a read)
 *   l[k] = v, l[k] += v   ->  l[S.pos(l, k, true)] = v    (a store: the receiver stays assignable, read twice)
 *
 * Left as JavaScript's: a non-negative literal read (`pair[0]`, `x.shape[1]`, `xs[0] += 1`: no helper call
 * for the commonest index; a tuple's is checked by the compiler; `l[5] = 9` is checked, it grew the list), a negative literal (`l[-1]`, the dialect's
 * `.at(-1)` already), a read the cell tests as JavaScript does (`arr[i] === undefined`, `arr[i] ?? 0`,
 * `if (!arr[i])`: kept, as a dict's missing key is there), a store into a receiver that calls something
 * (`f()[i] = v`, not read twice), and an index that is provably in range: the `i` of
 * `for (let i = 0; i < a.length; i++)`, `for (const i of range(len(a)))` and `for (const [i, x] of
 * enumerate(a))` over the same `a`, when the loop's body neither writes `i` nor shortens `a`, so that a
 * hot loop pays no call per element.
 */
import type * as ts from "typescript";

/** The global kernel/sequence_items.ts sets to its functions when it loads. */
export const SEQUENCE_GLOBAL = "_torchlab_sequence_items";

/**
 * The module the rewritten cell calls (kernel/sequence_items.ts), read from the global it sets when it
 * loads: a `require` at each index cost ~1 µs of CPU in a cell's loop, the global's read a few ns
 * (process.cpuUsage over 1e6 reads of `a[i - 1]` in a cell run by `torchlab run`).
 */
export const SEQUENCE_REF = `(((globalThis as any).${SEQUENCE_GLOBAL} ?? require("torchlab/dist/kernel/sequence_items")) as typeof import("torchlab/dist/kernel/sequence_items"))`;

/** What rewritePass lends the planner: the checker, the kinds it computes, its emitter. */
export interface SequenceContext {
  t: typeof ts;
  checker: ts.TypeChecker;
  sf: ts.SourceFile;
  /** The checker's kind of a value (rewrite.ts kindOf): "number", "string", "other", ... */
  kindOf(n: ts.Node): string;
  assignedTo(n: ts.Node): boolean;
  jsMissingTest(n: ts.Node): boolean;
  /** Emits a node as rewritten (its plan, or its text with its children's). */
  emit(n: ts.Node): void;
  insert(text: string): void;
  /** The text between [from, to) around the token at [tokStart, tokEnd), which becomes `replacement`. */
  gap(from: number, tokStart: number, tokEnd: number, to: number, replacement: string): void;
}

const TYPED_ARRAYS = new Set([
  "Float32Array", "Float64Array", "Int8Array", "Int16Array", "Int32Array", "Uint8Array", "Uint8ClampedArray", "Uint16Array", "Uint32Array", "Buffer",
]);
/** Calls in a loop's body that shorten the array the loop bounds its index by. */
const SHORTENING = new Set(["pop", "splice", "shift", "remove", "clear"]);

/**
 * How `n` (an element access of this pass, not yet planned) is rewritten: the emitter of its new text,
 * or null where it stays as written (see the header).
 */
export function sequenceIndex(c: SequenceContext, n: ts.ElementAccessExpression): (() => void) | null {
  const { t, checker } = c;
  const K = t.SyntaxKind;
  const index = strip(t, n.argumentExpression);
  if (c.kindOf(index) !== "number" || !isSequence(c, n.expression)) return null;
  // `l[i, j]` (Python's tuple index, its TypeError on a list): JavaScript's comma stays as written.
  if (t.isBinaryExpression(index) && index.operatorToken.kind === K.CommaToken) return null;
  // An earlier pass's position (`l[S.pos(l, k, true)]`), as the next pass checks it again.
  if (t.isCallExpression(index) && index.getText(c.sf).startsWith(SEQUENCE_REF)) return null;
  if (t.isPrefixUnaryExpression(index) && index.operator === K.MinusToken && t.isNumericLiteral(index.operand)) return null;
  const parent = n.parent;
  if (t.isDeleteExpression(parent)) return null;
  const store =
    c.assignedTo(n) || ((t.isPrefixUnaryExpression(parent) || t.isPostfixUnaryExpression(parent)) && (parent.operator === K.PlusPlusToken || parent.operator === K.MinusMinusToken));
  // Python's `l[k] += 1` and `l[k]++` read first: a missing item is `list index out of range`, as for a read.
  const readsFirst = (t.isBinaryExpression(parent) && parent.left === n && parent.operatorToken.kind !== K.EqualsToken) || !c.assignedTo(n);
  // A literal's read (`xs[0] += 1` too) stays; its plain store past the end would grow the list with holes.
  if (readsFirst && t.isNumericLiteral(index)) return null;
  if (!store && c.jsMissingTest(n)) return null;
  if (inRange(c, n.expression, index)) return null;
  const text = c.sf.text;
  const open = text.indexOf("[", n.expression.end);
  const close = text.lastIndexOf("]", n.end - 1);
  const argStart = n.argumentExpression.getStart(c.sf);
  if (!store) {
    return () => {
      c.insert(`${SEQUENCE_REF}.item(`);
      c.emit(n.expression);
      c.gap(n.expression.end, open, open + 1, argStart, ", ");
      c.emit(n.argumentExpression);
      c.gap(n.argumentExpression.end, close, close + 1, n.end, ")");
    };
  }
  if (!stable(t, n.expression)) return null;
  // `hist[i] += loss` on untyped items (`Array(n).fill(0)`): the dialect's run-time compound, whose getitem and setitem index as Python's.
  if (t.isBinaryExpression(parent) && parent.left === n && parent.operatorToken.kind !== K.EqualsToken && c.kindOf(n) === "any") return null;
  return () => {
    c.emit(n.expression);
    c.gap(n.expression.end, open, open + 1, argStart, `[${SEQUENCE_REF}.pos(`);
    c.emit(n.expression);
    c.insert(", ");
    c.emit(n.argumentExpression);
    c.gap(n.argumentExpression.end, close, close + 1, n.end, readsFirst ? ")]" : ", true)]");
  };
}

function strip(t: typeof ts, n: ts.Node): ts.Node {
  return t.isParenthesizedExpression(n) || t.isNonNullExpression(n) ? strip(t, n.expression) : n;
}

/** An array, a tuple, a string, a torch.Size or a typed array: a receiver whose number index is its items. */
function isSequence(c: SequenceContext, e: ts.Node): boolean {
  const { t, checker } = c;
  return sequenceType(c, checker.getTypeAtLocation(strip(t, e)));
}

function sequenceType(c: SequenceContext, type: ts.Type): boolean {
  const { t, checker } = c;
  // A tensor's dataSync(): `Float32Array | Int32Array | Uint8Array`.
  if (type.isUnion() && !(type.flags & t.TypeFlags.StringLike)) return type.types.every((m) => sequenceType(c, m));
  if (type.flags & t.TypeFlags.StringLike) return true;
  if (checker.isArrayType(type) || checker.isTupleType(type)) return true;
  const name = type.getSymbol()?.getName();
  if (name !== undefined && TYPED_ARRAYS.has(name)) return true;
  return name === "Size" && checker.isArrayLikeType(type);
}

/** Text that reads the same value twice: names, `this`, property reads and element reads of such. */
function stable(t: typeof ts, e: ts.Node): boolean {
  const n = strip(t, e);
  if (t.isIdentifier(n) || n.kind === t.SyntaxKind.ThisKeyword) return true;
  if (t.isPropertyAccessExpression(n)) return !n.questionDotToken && stable(t, n.expression);
  if (t.isElementAccessExpression(n)) {
    const i = strip(t, n.argumentExpression);
    return !n.questionDotToken && stable(t, n.expression) && (t.isNumericLiteral(i) || t.isStringLiteral(i) || stable(t, i));
  }
  return false;
}

/**
 * Whether `index` is the variable of a loop that keeps it inside `seq` (see the header): the loop's
 * bound names the same text as the receiver, and its body neither writes the variable nor shortens
 * the receiver.
 */
function inRange(c: SequenceContext, seq: ts.Node, index: ts.Node): boolean {
  const { t, checker } = c;
  if (!t.isIdentifier(index) || !stable(t, seq)) return false;
  const decl = checker.getSymbolAtLocation(index)?.valueDeclaration;
  if (!decl) return false;
  const seqText = strip(t, seq).getText(c.sf);
  // The loop's `a` is the receiver's: the same text, its first name the same variable (not one shadowing it).
  const root = rootSymbol(c, seq);
  const same = (e: ts.Node): boolean => strip(t, e).getText(c.sf) === seqText && rootSymbol(c, e) === root;
  let loop: ts.ForStatement | ts.ForOfStatement | undefined;
  if (t.isVariableDeclaration(decl) && t.isVariableDeclarationList(decl.parent)) {
    const owner = decl.parent.parent;
    if (t.isForStatement(owner) && countsUpTo(c, owner, decl, same)) loop = owner;
    if (t.isForOfStatement(owner) && t.isIdentifier(decl.name) && rangeOver(c, owner.expression, same)) loop = owner;
  } else if (t.isBindingElement(decl) && t.isArrayBindingPattern(decl.parent) && decl.parent.elements[0] === decl) {
    // `for (const [i, x] of enumerate(a))`
    const d = decl.parent.parent;
    const owner = t.isVariableDeclaration(d) && t.isVariableDeclarationList(d.parent) ? d.parent.parent : undefined;
    if (owner && t.isForOfStatement(owner) && enumerateOver(c, owner.expression, same)) loop = owner;
  }
  if (!loop || index.pos < loop.statement.pos || index.end > loop.statement.end) return false;
  const sym = checker.getSymbolAtLocation(index);
  return !changes(c, loop.statement, sym, seqText);
}

/** `for (let i = 0; i < a.length; i++)` (or `i < len(a)`, `++i`, `i += 1`) from a non-negative literal. */
function countsUpTo(c: SequenceContext, loop: ts.ForStatement, decl: ts.VariableDeclaration, same: (e: ts.Node) => boolean): boolean {
  const { t } = c;
  const K = t.SyntaxKind;
  if (!t.isIdentifier(decl.name) || !decl.initializer || !t.isNumericLiteral(decl.initializer) || !/^\d+$/.test(decl.initializer.text)) return false;
  const name = decl.name.text;
  const cond = loop.condition && strip(t, loop.condition);
  if (!cond || !t.isBinaryExpression(cond) || cond.operatorToken.kind !== K.LessThanToken || !isName(t, cond.left, name)) return false;
  if (!lengthOf(c, cond.right, same)) return false;
  const inc = loop.incrementor && strip(t, loop.incrementor);
  if (!inc) return false;
  if ((t.isPostfixUnaryExpression(inc) || t.isPrefixUnaryExpression(inc)) && inc.operator === K.PlusPlusToken) return isName(t, inc.operand, name);
  return t.isBinaryExpression(inc) && inc.operatorToken.kind === K.PlusEqualsToken && isName(t, inc.left, name) && t.isNumericLiteral(inc.right) && inc.right.text === "1";
}

/** `a.length` or `len(a)` of the receiver's text. */
function lengthOf(c: SequenceContext, e: ts.Node, same: (e: ts.Node) => boolean): boolean {
  const { t } = c;
  const n = strip(t, e);
  if (t.isPropertyAccessExpression(n)) return n.name.text === "length" && same(n.expression);
  return t.isCallExpression(n) && isName(t, n.expression, "len") && n.arguments.length === 1 && same(n.arguments[0]);
}

/** `range(len(a))`, `range(a.length)`, `range(0, len(a))`. */
function rangeOver(c: SequenceContext, e: ts.Node, same: (e: ts.Node) => boolean): boolean {
  const { t } = c;
  const n = strip(t, e);
  if (!t.isCallExpression(n) || !isName(t, n.expression, "range")) return false;
  const args = n.arguments;
  if (args.length === 1) return lengthOf(c, args[0], same);
  return args.length === 2 && t.isNumericLiteral(args[0]) && /^\d+$/.test(args[0].text) && lengthOf(c, args[1], same);
}

/** `enumerate(a)` of the receiver's text. */
function enumerateOver(c: SequenceContext, e: ts.Node, same: (e: ts.Node) => boolean): boolean {
  const { t } = c;
  const n = strip(t, e);
  return t.isCallExpression(n) && isName(t, n.expression, "enumerate") && n.arguments.length === 1 && same(n.arguments[0]);
}

/** The variable an expression's leftmost name is (`a` of `this.a`: none, `this` is the same in a loop). */
function rootSymbol(c: SequenceContext, e: ts.Node): ts.Symbol | undefined {
  const { t } = c;
  let n = strip(c.t, e);
  while (t.isPropertyAccessExpression(n) || t.isElementAccessExpression(n)) n = strip(t, n.expression);
  return t.isIdentifier(n) ? c.checker.getSymbolAtLocation(n) : undefined;
}

function isName(t: typeof ts, e: ts.Node, name: string): boolean {
  const n = strip(t, e);
  return t.isIdentifier(n) && n.text === name;
}

/** Whether `body` writes the loop's variable or may shorten (or rebind) the receiver. */
function changes(c: SequenceContext, body: ts.Node, variable: ts.Symbol | undefined, seqText: string): boolean {
  const { t, checker } = c;
  const K = t.SyntaxKind;
  const written = (target: ts.Node): boolean => {
    const e = strip(t, target);
    if (t.isIdentifier(e) && checker.getSymbolAtLocation(e) === variable) return true;
    const text = e.getText(c.sf);
    return text === seqText || text === `${seqText}.length`;
  };
  const visit = (n: ts.Node): boolean => {
    if (t.isBinaryExpression(n) && n.operatorToken.kind >= K.FirstAssignment && n.operatorToken.kind <= K.LastAssignment) {
      // A destructuring assignment (`[i, j] = ...`) may write either.
      const left = strip(t, n.left);
      if (written(left) || t.isArrayLiteralExpression(left) || t.isObjectLiteralExpression(left)) return true;
    }
    if ((t.isPrefixUnaryExpression(n) || t.isPostfixUnaryExpression(n)) && (n.operator === K.PlusPlusToken || n.operator === K.MinusMinusToken) && written(n.operand)) return true;
    if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && SHORTENING.has(n.expression.name.text) && strip(t, n.expression.expression).getText(c.sf) === seqText) return true;
    if (t.isDeleteExpression(n)) return true;
    return n.forEachChild(visit) === true;
  };
  return visit(body);
}
