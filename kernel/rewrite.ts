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
 * 3. A cell ending in an assignment shows no value, as in IPython (silenceTrailingAssignment).
 * 4. The notebook dialect: PyTorch's operators on tensors (see below). It needs the type checker,
 *    so it runs inside tslab's converter (withNotebookDialect), after the rewrites above.
 * 5. Python constructs an object by calling its class (`nn.Conv2d(1, 3, {kernel_size: 3})`,
 *    `transforms.ToTensor()`, `Net()`); where the compiler reports a class called without `new`,
 *    `new` is inserted and the cell compiled again (insertNew, in withNotebookDialect's convert).
 * 6. Python's dynamic typing where TypeScript's static types refuse a tutorial's code, each applied
 *    only where the compiler reported the error it answers (so other cells compile as before):
 *    a module attribute or an earlier cell's name rebound to another class (pythonRebindings),
 *    attributes a module gets outside its class and a ModuleDict's keys (moduleAttributes), a
 *    Map of named layers (mapsOfModules); and, before compiling, a `__getitem__`'s `return [x, y]`
 *    typed as a tuple (tupleSamples), a class's `__iter__` as its iterator (iterableClasses) and tslab's
 *    export list of `__`-names (unescapeExportList).
 * 7. Python's keyword arguments, `nn.Conv2d(1, 3, kernel_size=3)`, after the dialect's operators
 *    (kernel/keyword_args.ts).
 * 8. Python's callable instances, `layer(x)` of a class defining `__call__`, before the operators
 *    (kernel/call_dunder.ts).
 * 9. An untyped parameter whose default is a class (`opt_func=torch.optim.SGD`) is untyped, before the
 *    `__call__` calls, so its call constructs whatever class it is given (kernel/class_default.ts).
 */
import type * as ts from "typescript";
import type { Converter, ConvertResult, DiagnosticPos } from "tslab/dist/converter";
import { mayCallInstances, withCallDunder } from "./call_dunder";
import { mayDefaultToClass, withClassDefaults } from "./class_default";
import { isKeyword, withKeywordArguments, withKeywordErrors, type KeywordError } from "./keyword_args";
import { emitLiveGlobals } from "./live_globals_emit";
import { formatSpecIn, formatSpecSpans } from "./format_spec";
import { markKeywordUnpacking } from "./keyword_unpacking";
import { markNoneDefaults } from "./none_default";
import { markObjectBase } from "./object_base";
import { markDelNames } from "./del_name";
import { blockVarDeclarations } from "./block_names";
import { MATMUL_MARK, markAfter, matmulPositions } from "./matmul_operator";
import { sliceInserts } from "./python_slices";
import { rawStrings } from "./raw_strings";
import { sequenceIndex, type SequenceContext } from "./sequence_index";
import { separateStatements } from "./statement_starts";
import { bracketedOnLine, FLOOR_MARK, floorDivisionCandidates, floorOperatorText, markAfterFloor } from "./floor_division";
import { onWatchHost, packageRoot, tslabTypeScript } from "./resolve";
import { boundLocals, EXPORT_LIST, moduleLocals, sameNames, withExportList } from "./cell_exports";
import { Output } from "./output_text";
import { earlyFixUps, outOfOrder } from "./early_fixups";
import { METHODS as DUNDERS, UNARY as UNARY_DUNDERS } from "../src/pyoperator";

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
  return apply(code, shorthandInserts(code));
}

function shorthandInserts(code: string): Insert[] {
  if (!code.includes("{")) return [];
  const t = typescript();
  const inserts: Insert[] = [];
  const visit = (node: ts.Node): void => {
    if (t.isShorthandPropertyAssignment(node)) inserts.push({ at: node.name.end, text: `: ${node.name.text}` });
    node.forEachChild(visit);
  };
  parse(code).forEachChild(visit);
  return inserts;
}

/** Inserts the yield point at the start of each top-level loop body; `cell` is the cell's serial. */
/**
 * A cell that ends in an assignment (`y = x * 2`, `x += 1`, `w[0] = 5`) shows nothing, as IPython
 * shows nothing for a statement; tslab would show the assigned value (an assignment is an expression
 * in JavaScript), and the dialect turns `x += 1` into `x.add_(1)`, whose value it would show too.
 * `;void 0` after the assignment makes the cell's last value undefined; nothing moves before it.
 */
export function silenceTrailingAssignment(code: string): string {
  return apply(code, silenceInserts(code));
}

/**
 * Python's `a, b = f()` ported as `[a, b] = f()` on its own line, after a line without `;` (Python's
 * lines have none): JavaScript reads it as an index of the line before (`f()[a, b] = g()`), a compile
 * error or, with one name, a silent write into the previous line's value. A `;` goes before such a line
 * (a list of names, `this.x` or `_` between the brackets, then `=`), unless the line before continues (an
 * operator or an opening ends it) or takes it as its body (`if (c)`). A cell with a template literal is
 * left as written (its text may hold such a line).
 */
function destructuringInserts(code: string): Insert[] {
  if (code.includes("`")) return [];
  const inserts: Insert[] = [];
  for (const m of code.matchAll(/\n([ \t]*)\[[\w$ \t,.[\]]*\][ \t]*=(?![=>])/g)) {
    const before = code.slice(0, m.index).trimEnd();
    const line = before.slice(before.lastIndexOf("\n") + 1);
    // A line ending in an operator or an opening continues; `if (c)` / `else` / a loop's head takes the line as its body.
    const continued = /[;{}([,=<>+\-*/%&|^!~?:]$/.test(before) || /^\s*(}\s*)?(if|for|while|else)\b/.test(line);
    if (before !== "" && !continued) inserts.push({ at: m.index! + 1 + m[1].length, text: ";" });
  }
  return inserts;
}

function silenceInserts(code: string): Insert[] {
  if (!code.includes("=") && !code.includes("delete")) return [];
  const t = typescript();
  const statements = parse(code).statements.filter((s) => !t.isEmptyStatement(s));
  const last = statements[statements.length - 1];
  if (!last || !t.isExpressionStatement(last)) return [];
  let e: ts.Expression = last.expression;
  while (t.isParenthesizedExpression(e)) e = e.expression;
  const K = t.SyntaxKind;
  // Python's `del net.fc` is a statement too: `delete` would show `true`.
  const assignment = t.isBinaryExpression(e) && e.operatorToken.kind >= K.FirstAssignment && e.operatorToken.kind <= K.LastAssignment;
  if (!assignment && !t.isDeleteExpression(e)) return [];
  return [{ at: last.end, text: ";void 0" }];
}

/**
 * What tslab's executor is given for a cell: Python's syntax marked (pythonSyntaxMarked), shorthand
 * properties expanded and, outside module cells, loop yields (when `loopCell` is the cell's number) and a
 * trailing assignment silenced. The way back to the cell as written is kept (PREPARED), so that a
 * compile error is placed in the columns the user wrote, whatever was inserted before it on its line.
 */
export function prepareCellSource(code: string, loopCell: number | null, moduleCell: boolean): string {
  // A module cell compiles without the dialect (tslab's addModule), which alone reads the marks: it keeps its Python
  // syntax as written, which kernel/module_cells.ts refuses there (a marked `@` would run as `*`).
  const steps: Rewritten[] = [moduleCell ? UNCHANGED(markDelNames(markNoneDefaults(code))) : pythonSyntaxMarked(code)];
  const step = (inserts: (code: string) => Insert[]): void => {
    const last = steps[steps.length - 1];
    const found = inserts(last.code);
    if (found.length > 0) steps.push(inserted(last.code, found));
  };
  step(shorthandInserts);
  step(destructuringInserts);
  if (!moduleCell) {
    if (loopCell !== null) step((c) => loopYieldInserts(c, loopCell));
    step(silenceInserts);
  }
  const source = steps[steps.length - 1].code;
  if (source !== code) {
    PREPARED.delete(source);
    PREPARED.set(source, { code, mapBack: (offset) => steps.reduceRight((at, s) => s.mapBack(at), offset) });
    for (const old of PREPARED.keys()) if (PREPARED.size > MAX_PREPARED) PREPARED.delete(old);
  }
  return source;
}

/** The cells prepareCellSource gave out last (most recent last): the cell as written, and the way back to it. */
const PREPARED = new Map<string, { code: string; mapBack(offset: number): number }>();
/** A cell is compiled right after it is prepared; a few more cover a compile that comes later (an interrupted one). */
const MAX_PREPARED = 8;

/** The notebook dialect's Python syntax marked in `code`, as prepareCellSource marks it. */
export function markPythonSyntax(code: string): string {
  return pythonSyntaxMarked(code).code;
}

export function addLoopYields(code: string, cell: number): string {
  return apply(code, loopYieldInserts(code, cell));
}

function loopYieldInserts(code: string, cell: number): Insert[] {
  if (!/\b(for|while|do)\b/.test(code)) return [];
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
  return inserts;
}

// ------------------------------------------------------------------------------------------------
// The notebook dialect: PyTorch's operators on tensors.
//
// A cell is type-checked by tslab anyway; before it is compiled, the expressions whose operands the
// checker types as torchlab's `Tensor` (or a subclass such as `nn.Parameter`) become the method calls
// PyTorch's operators stand for:
//
//   a + b, a - b, a * b, a / b, a % b, a ** b  ->  a.add(b), a.sub(b), a.mul(b), a.div(b), a.remainder(b), a.pow(b)
//   2 + a, 2 - a, 2 * a, 2 / a                 ->  a.add(2), a.rsub(2), a.mul(2), a.reciprocal().mul(2)  (Python's __radd__, ...)
//   2 ** a, 2 % a                               ->  torch.pow(2, a), torch.remainder(2, a)
//   a < b, a <= b, a > b, a >= b, a == b, a != b ->  a.lt(b), a.le(b), a.gt(b), a.ge(b), a.eq(b), a.ne(b)  (=== and !== stay identity)
//   a & b, a | b, a ^ b, ~a, -a                 ->  torch.bitwise_and(a, b), ..., torch.bitwise_not(a), a.neg()
//   a << 2, 1 >> a                              ->  torch.bitwise_left_shift(a, 2), torch.bitwise_right_shift(1, a)
//   x[0], x[":, 1:3"], x[mask]                  ->  x.get(0), x.index(":, 1:3"), x.index(mask)
//   x[":, 1"] = 0                               ->  x.setitem(":, 1", 0)
//   x += y, x -= y, x *= y, x /= y              ->  x.add_(y), x.sub_(y), x.mul_(y), x.div_(y)
//   x **= y, x %= y                             ->  x.pow_(y), x.remainder_(y)
//   n += t (n an untyped `let` number)         ->  n = t.add(n), the `let` widened to `any`  (int + tensor in Python)
//   x[i] += y (and -=, *=, /=)                  ->  x.__setitem__(i, x.__getitem__(i).add_(y))  (Python's order; x and i once)
//   dataset[i]                                  ->  dataset.getitem(i)  (or __getitem__, whichever the class defines)
//   if (loss < 0.1), while (a != b), c ? … : …  ->  if (loss.lt(0.1).item()), ...  (also the operands of ! && ||)
//
// And Python's float literals, which JavaScript lacks (`1.0 === 1`): a whole number written in float
// form (`1.`, `2.0`, `1e3`; Python's floats) where PyTorch's dtype depends on it makes the float dtype,
// through kernel/float_literals.ts (F below). A number that is not whole is a float already.
//
//   torch.tensor([[1., -1.]]), torch.as_tensor([2.])  ->  torch.tensor([[1., -1.]], F.float_options())  (an explicit dtype wins)
//   torch.tensor(correct / total) (numbers: Python's `/` is a float)  ->  torch.tensor(correct / total, F.float_options())
//   torch.full([2], 7., opts), torch.arange(1., 4.)   ->  torch.full([2], 7., F.float_options(opts)), torch.arange(1., 4., F.arange_float_options())
//   t * 2.0, 2. ** t, t.add(1.), torch.mul(t, 2.)     ->  F.floating(t).mul(2.0), ...: an int or bool tensor as the default float dtype
//   torch.where(m, 1., 0), torch.where(m, idx, 0.)    ->  F.floating(torch.where(m, 1., 0)): the default float dtype
//   t.clamp(0., 1.), torch.clamp(t, {min: 0.})        ->  F.floating(t).clamp(0., 1.), ...: likewise
//   t += 1.0, t.mul_(2.), t[i] *= 2., t.clamp_(0.)    ->  F.floating_inplace(t, "add_").add_(1.0): PyTorch's error for an int or bool t
//   t.add(u, {alpha: 2.}), torch.sub(t, u, {alpha: 2.}) ->  F.floating_alpha(t).add(u, {alpha: 2.}): likewise
//
// Only literals written there count: a variable holding 1. holds 1. full_like and new_full keep
// their input's dtype in PyTorch, so their fill value is left alone.
//
// Nothing else changes: a cell without such expressions compiles byte-identical. The rewrite never
// adds or removes a line break, so line numbers of errors and stack traces are those of the cell as
// written; the columns of compile errors are mapped back through the record of which text was copied
// from where (and completion and hover map the cursor both ways).
// Rewritten operands are re-checked: `(a + b).sum() * 2` needs a second pass, once `a.add(b)` is
// known to be a Tensor. `torch` in the table is the library itself, reached without relying on the
// cell's own names.
// ------------------------------------------------------------------------------------------------

/** The torch namespace, whatever the cell calls its own variables. */
export const TORCH_REF = `(require("torchlab") as typeof import("torchlab")).torch`;
/** How every reference the rewrites write to a module of kernel/ (DYNAMIC_REF, FLOATS_REF, GLOBALS_REF, ...) begins. */
const KERNEL_REF = `(require("torchlab/dist/kernel/`;
/** kernel/dynamic_ops.ts (operators on operands typed `any`), reached as TORCH_REF reaches torch. */
export const DYNAMIC_REF = `(require("torchlab/dist/kernel/dynamic_ops") as typeof import("torchlab/dist/kernel/dynamic_ops"))`;
/** kernel/float_literals.ts, reached as TORCH_REF reaches torch. */
export const FLOATS_REF = `(require("torchlab/dist/kernel/float_literals") as typeof import("torchlab/dist/kernel/float_literals"))`;
const MAX_PASSES = 8;

type Kind = "tensor" | "dataset" | "number" | "boolean" | "string" | "null" | "any" | "other";

interface Plan {
  /** What the rewritten expression is, for the operators around it. */
  result: Kind;
  emit(out: Output, emit: (n: ts.Node) => void): void;
}

export interface Checked {
  checker: ts.TypeChecker;
  sourceFile: ts.SourceFile;
  /** Where the cell's text starts in `sourceFile` (tslab prefixes a line). */
  offset: number;
  /** The program the checker is of (its diagnostics decide a `//`: floorDivisions). */
  program?: ts.Program;
}

export interface Rewritten {
  code: string;
  /** Keyword arguments Python would refuse (kernel/keyword_args.ts), at offsets of the cell as written. */
  errors?: KeywordError[];
  /** Maps an offset in `code` back to one in the cell the user wrote. */
  mapBack(offset: number): number;
  /** Maps an offset in the cell the user wrote (a cursor) to one in `code`. */
  mapForward(offset: number): number;
}

const UNCHANGED = (code: string): Rewritten => ({ code, mapBack: (offset) => offset, mapForward: (offset) => offset });

/** Is `file` one of torchlab's own sources or declarations (not a dependency's)? */
function libraryFile(file: string, pattern: RegExp): boolean {
  const root = packageRootCached().replace(/\\/g, "/");
  const f = file.replace(/\\/g, "/");
  return f.startsWith(`${root}/`) && !f.startsWith(`${root}/node_modules/`) && pattern.test(f);
}

let rootCache: string | undefined;
function packageRootCached(): string {
  return (rootCache ??= packageRoot());
}

const TENSOR_FILE = /\/src\/tensor\/tensor\.(d\.)?ts$/;
/** NumPy's array (src/numpy): its operators and subscripts are rewritten as a tensor's are, to the same method names. */
const NDARRAY_FILE = /\/src\/tensor\/ndarray\.(d\.)?ts$/;
/** pandas' Series, DataFrame and their indexers (src/pandas): typed "any", so that their operators and subscripts dispatch at run time (kernel/dynamic_ops.ts). */
const PANDAS_FILE = /\/src\/pandas\/frame\.(d\.)?ts$/;
const PANDAS_CLASSES = new Set(["Series", "DataFrame", "ILoc", "Loc", "GroupBy"]);
const PANDAS_INDEX_FILE = /\/src\/pandas\/index_\.(d\.)?ts$/;
const PANDAS_INDEX_CLASS: ReadonlySet<string> = new Set(["Index"]);
const NDARRAY_CLASS: ReadonlySet<string> = new Set(["ndarray"]);
/** NumPy's dtype object and scalar types (`a.dtype`, `np.float32`). */
const NPDTYPE_CLASSES: ReadonlySet<string> = new Set(["npdtype", "ScalarType"]);
/** src/pandas's sources, whose constructors and functions read the floats written in their list and dict literals (`pd.Series([1.0, 2.0])` is float64). */
const PANDAS_SOURCE = /\/src\/pandas\/\w+\.(d\.)?ts$/;
/** Python's statistics module (src/statistics.ts), whose functions take lists whose floats they tell (`statistics.mean([1.0, 3.0])` is `2.0`). */
const STATISTICS_SOURCE = /\/src\/statistics\.(d\.)?ts$/;
const DATASET_FILE = /\/src\/utils\/data\/dataset\.(d\.)?ts$/;
const MODULE_FILE = /\/src\/nn\/modules\/module\.(d\.)?ts$/;
const CONTAINER_FILE = /\/src\/nn\/modules\/container\.(d\.)?ts$/;
const CONTAINERS_FILE = /\/src\/nn\/modules\/container(_params)?\.(d\.)?ts$/;

type ClassKind = "tensor" | "dataset" | "module" | "moduledict";

function classKind(t: typeof ts, checker: ts.TypeChecker, type: ts.Type): ClassKind | null {
  const seen = new Set<ts.Symbol>();
  const walk = (ty: ts.Type): ClassKind | null => {
    const sym = ty.getSymbol();
    if (!sym || seen.has(sym)) return null;
    seen.add(sym);
    const file = sym.declarations?.[0]?.getSourceFile().fileName;
    if (file && sym.name === "Tensor" && libraryFile(file, TENSOR_FILE)) return "tensor";
    if (file && sym.name === "ndarray" && libraryFile(file, NDARRAY_FILE)) return "tensor";
    if (file && sym.name === "Dataset" && libraryFile(file, DATASET_FILE)) return "dataset";
    if (file && sym.name === "Module" && libraryFile(file, MODULE_FILE)) return "module";
    if (file && sym.name === "ModuleDict" && libraryFile(file, CONTAINER_FILE)) return "moduledict";
    const target = ty.flags & t.TypeFlags.Object && (ty as ts.ObjectType).objectFlags & t.ObjectFlags.Reference ? (ty as ts.TypeReference).target : ty;
    if (!target.isClassOrInterface()) return null;
    for (const base of checker.getBaseTypes(target)) {
      const found = walk(base);
      if (found) return found;
    }
    return null;
  };
  return walk(type);
}

function kindOfType(t: typeof ts, checker: ts.TypeChecker, type: ts.Type): Kind {
  const F = t.TypeFlags;
  if (type.flags & F.Any) return "any";
  if (type.flags & (F.NumberLike | F.BigIntLike)) return "number";
  if (type.flags & F.BooleanLike) return "boolean";
  if (type.flags & F.StringLike) return "string";
  if (type.flags & (F.Null | F.Undefined | F.Void)) return "null";
  if (type.isUnion()) {
    const kinds = new Set(type.types.map((m) => kindOfType(t, checker, m)));
    return kinds.size === 1 ? [...kinds][0] : "other";
  }
  // A tensor's intersection has every method of the tensor: the checker's `Tensor & PackedSequence` for an
  // LSTM's output that a method of the same class reads back (`out = this.fc(out[:, -1, :])`) is a tensor.
  if (type.isIntersection() && type.types.some((m) => kindOfType(t, checker, m) === "tensor")) return "tensor";
  if (type.flags & F.Object) {
    const sym = type.getSymbol();
    const file = sym?.declarations?.[0]?.getSourceFile().fileName;
    if (file && PANDAS_CLASSES.has(sym!.name) && libraryFile(file, PANDAS_FILE)) return "any";
    const kind = classKind(t, checker, type);
    return kind === "tensor" || kind === "dataset" ? kind : "other";
  }
  return "other";
}

const ARITHMETIC: Partial<Record<ts.SyntaxKind, string>> = {};
const COMPARISON: Partial<Record<ts.SyntaxKind, [string, string]>> = {};
const BITWISE: Partial<Record<ts.SyntaxKind, string>> = {};
const COMPOUND: Partial<Record<ts.SyntaxKind, string>> = {};
/** `n op= t` for a number n: the tensor's reflected method, t.__radd__(n) and so on. */
const REFLECTED_COMPOUND: Partial<Record<ts.SyntaxKind, string>> = {};
let tablesFor: typeof ts | undefined;

function tables(t: typeof ts): void {
  if (tablesFor === t) return;
  tablesFor = t;
  const K = t.SyntaxKind;
  Object.assign(ARITHMETIC, { [K.PlusToken]: "add", [K.MinusToken]: "sub", [K.AsteriskToken]: "mul", [K.SlashToken]: "div", [K.PercentToken]: "remainder", [K.AsteriskAsteriskToken]: "pow" });
  // [method, method of the reflected comparison]: `2 < a` is `a > 2`.
  Object.assign(COMPARISON, {
    [K.LessThanToken]: ["lt", "gt"], [K.LessThanEqualsToken]: ["le", "ge"], [K.GreaterThanToken]: ["gt", "lt"], [K.GreaterThanEqualsToken]: ["ge", "le"],
    [K.EqualsEqualsToken]: ["eq", "eq"], [K.ExclamationEqualsToken]: ["ne", "ne"],
  });
  Object.assign(BITWISE, { [K.AmpersandToken]: "bitwise_and", [K.BarToken]: "bitwise_or", [K.CaretToken]: "bitwise_xor", [K.LessThanLessThanToken]: "bitwise_left_shift", [K.GreaterThanGreaterThanToken]: "bitwise_right_shift" });
  Object.assign(COMPOUND, {
    [K.PlusEqualsToken]: "add_", [K.MinusEqualsToken]: "sub_", [K.AsteriskEqualsToken]: "mul_", [K.SlashEqualsToken]: "div_",
    [K.AsteriskAsteriskEqualsToken]: "pow_", [K.PercentEqualsToken]: "remainder_",
  });
  Object.assign(REFLECTED_COMPOUND, { [K.PlusEqualsToken]: "add", [K.MinusEqualsToken]: "rsub", [K.AsteriskEqualsToken]: "mul", [K.SlashEqualsToken]: "reciprocal().mul" });
}

/** Python's dict methods that a plain object or Map gets from src/pydict.ts. */
/** Python's math functions and constants that are always floats (math.floor, ceil, factorial, comb, gcd, isqrt are ints). */
const MATH_FLOATS: ReadonlySet<string> = new Set([
  "sqrt", "exp", "expm1", "log", "log2", "log10", "log1p", "pow", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh",
  "tanh", "asinh", "acosh", "atanh", "fabs", "hypot", "radians", "degrees", "fsum", "copysign", "fmod", "erf", "erfc", "gamma", "lgamma",
  "dist", "cbrt", "exp2", "remainder", "ldexp", "pi", "e", "tau", "inf", "nan",
]);
/** Python's builtins whose argument or result the dialect tells a float for: float(3) is 3.0, isinstance(1.0, float). */
const FLOAT_BUILTINS: ReadonlySet<string> = new Set(["float", "isinstance", "type", "repr", "sum", "max", "min", "abs", "round", "divmod"]);
const DICT_METHODS: ReadonlySet<string> = new Set(["keys", "values", "items", "get", "pop", "setdefault", "update", "copy"]);

/** Python's list methods that an array gets from src/pylist.ts where TypeScript has none (and `sort()`, `pop(i)`, whose JavaScript forms differ). */
const LIST_METHODS: ReadonlySet<string> = new Set(["append", "extend", "insert", "remove", "index", "count", "pop", "copy", "clear", "sort"]);
/** Python's str methods that a string gets from src/pystr.ts where TypeScript has none (and `replace`, `split`, whose JavaScript forms differ). */
const STR_METHODS: ReadonlySet<string> = new Set([
  "strip", "lstrip", "rstrip", "lower", "upper", "title", "capitalize", "startswith", "endswith", "join", "split", "replace",
  "find", "rfind", "index", "rindex", "count", "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower",
  "zfill", "center", "ljust", "rjust", "format", "partition", "rpartition", "rsplit", "splitlines", "expandtabs", "swapcase",
  "casefold", "removeprefix", "removesuffix",
]);

/** Operand kinds of a `==` / `!=` that compares a list, tuple or Size by value (kernel/dynamic_ops.ts pyeq). */
const PY_EQ_SIDE: ReadonlySet<Kind> = new Set(["other", "any", "null"]);

/** Tensor methods and torch functions whose result is a float when the other operand is a Python float. */
const FLOAT_OPS: ReadonlySet<string> = new Set(["add", "sub", "subtract", "rsub", "mul", "multiply", "div", "divide", "true_divide", "floor_divide", "remainder", "fmod", "pow"]);
/** Their in-place forms, which PyTorch refuses on an integer or bool tensor with a float operand. */
const FLOAT_INPLACE: ReadonlySet<string> = new Set(["add_", "sub_", "subtract_", "mul_", "multiply_", "div_", "divide_", "true_divide_", "floor_divide_", "remainder_", "fmod_", "pow_"]);
/** In-place bounds, refused as FLOAT_INPLACE is when either bound is written as a float. */
const FLOAT_BOUNDS_INPLACE: ReadonlySet<string> = new Set(["clamp_", "clip_", "clamp_min_", "clamp_max_"]);
/** Bounds written as a float make an integer tensor's clamp float, as PyTorch promotes it. */
const FLOAT_BOUNDS: ReadonlySet<string> = new Set(["clamp", "clip", "clamp_min", "clamp_max"]);
/** The ops whose `alpha` PyTorch refuses as a float for an integer or bool tensor (`alpha: 2.`). */
const ALPHA_OPS: ReadonlySet<string> = new Set(["add", "sub", "subtract", "add_", "sub_", "subtract_"]);
/** Where torch.tensor, torch.full, torch.add, ... are declared (as sources, or as the built .d.ts). */
/** Where np.array, np.full, np.arange are declared. */
const NUMPY_FILE = /\/src\/numpy\/index\.(d\.)?ts$/;
/**
 * NumPy's, scikit-learn's and pandas' sources (and ndarray's methods): their scalar results are NumPy's scalars, a float64
 * printed `1.0`; Python's statistics module (src/statistics.ts) records its results so too (`statistics.mean([1, 3])` is `2`),
 * and src/datetime.ts its float results (`delta.total_seconds()`).
 */
const NUMPY_SCALAR_FILE = /\/src\/(numpy|sklearn|pandas)\/.*\.(d\.)?ts$|\/src\/(tensor\/ndarray|statistics|datetime)\.(d\.)?ts$/;
/** pandas' reductions, NumPy's scalars, of a column typed any (`df['Age'].mean()`: a DataFrame's subscript is untyped). */
const PANDAS_SCALARS: ReadonlySet<string> = new Set(["mean", "sum", "min", "max", "std", "var", "median", "quantile"]);
/** Python's builtins (src/builtins.ts). */
const BUILTINS_FILE = /\/src\/builtins\.(d\.)?ts$/;
const TORCH_FILE = /\/src\/(torch|ops\/creation)\.(d\.)?ts$/;
/** Library classes whose operators are Python's operator methods, as the notebook's own classes' are (datetime's `end - start`). */
const DUNDER_LIBRARY_FILE = /\/src\/datetime\.(d\.)?ts$/;

/** Whether numeric literal text is a Python float spelling (a decimal point or an exponent, not hex/binary/octal). */
function floatForm(literal: string): boolean {
  return /^[0-9_]*\.?[0-9_]*([eE][+-]?[0-9_]+)?$/.test(literal) && /[.eE]/.test(literal);
}

/** `1.`, `-2.0`, `(1e3)`: a whole number written as a float, which JavaScript would make an integer. */
function wholeFloatLiteral(t: typeof ts, node: ts.Node): boolean {
  let n = node;
  while (t.isParenthesizedExpression(n) || (t.isPrefixUnaryExpression(n) && (n.operator === t.SyntaxKind.MinusToken || n.operator === t.SyntaxKind.PlusToken))) {
    n = t.isParenthesizedExpression(n) ? n.expression : n.operand;
  }
  if (!t.isNumericLiteral(n)) return false;
  // As written: the node's `text` is the normalised value (`2.0` reads "2").
  const written = n.getText();
  return floatForm(written) && Number.isInteger(Number(written.replace(/_/g, "")));
}

/**
 * Whether a tensor's data (nested array literals) has a whole number written as a float, or a
 * division that `isNumber` says is of numbers, or a `float(x)`: Python's `/` always gives a float
 * (`torch.tensor(torch.sum(preds == labels).item() / len(preds))`, a float tensor even when it is 1.0).
 */
function floatData(t: typeof ts, node: ts.Node, isNumber: (n: ts.Node) => boolean = () => false): boolean {
  const n = t.isParenthesizedExpression(node) ? node.expression : node;
  if (t.isArrayLiteralExpression(n)) return n.elements.some((e) => floatData(t, e, isNumber));
  if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.SlashToken) return isNumber(n);
  // `torch.tensor(float(i))`: Python's float, a float tensor even when i is whole.
  if (t.isCallExpression(n) && t.isIdentifier(n.expression) && n.expression.text === "float" && n.arguments.length === 1) return true;
  return wholeFloatLiteral(t, n);
}

const OPERAND: ReadonlySet<Kind> = new Set(["tensor", "number", "boolean", "any"]);
const SCALAR: ReadonlySet<Kind> = new Set(["number", "boolean", "any"]);

/** One pass: the rewrites the checker's types call for in `checked`'s cell, or null if there are none. */
function rewritePass(t: typeof ts, { checker, sourceFile: sf, offset }: Checked, allowDynamic: boolean): Output | null {
  tables(t);
  const K = t.SyntaxKind;
  const text = sf.text;
  const plans = new Map<ts.Node, Plan>();
  // Text around a node that stays as it is inside (the float literals' wrappers): [before, after].
  const wraps = new Map<ts.Node, [string, string][]>();
  const wrap = (n: ts.Node, before: string, after: string): void => {
    const list = wraps.get(n);
    if (list) list.push([before, after]);
    else wraps.set(n, [[before, after]]);
  };

  const strip = (n: ts.Node): ts.Node => (t.isParenthesizedExpression(n) || t.isNonNullExpression(n) ? strip(n.expression) : n);
  /** An array type, or a union with one among its members (NestedList: number | boolean | NestedList[]). */
  const mayBeArray = (type: ts.Type): boolean => checker.isArrayLikeType(type) || (type.isUnion() && type.types.some((m) => checker.isArrayLikeType(m)));
  const kindOf = (node: ts.Node): Kind => {
    const n = strip(node);
    const plan = plans.get(n);
    if (plan) return plan.result;
    if (n.kind === K.NullKeyword || (t.isIdentifier(n) && n.text === "undefined")) return "null";
    return kindOfType(t, checker, checker.getTypeAtLocation(n));
  };

  /**
   * kindOf, but a `torch.Tensor | number` operand (a parameter that takes either, as Python's duck-typed
   * `where(q, a, b)` does) is "any": which one it holds is known only at run time, so its operators
   * dispatch there, as an untyped operand's do.
   */
  /** Whether the checker types `node` as one of torchlab's classes `names`, declared in a file one of `files` matches. */
  const libraryClass = (node: ts.Node, names: ReadonlySet<string>, ...files: RegExp[]): boolean => {
    const sym = checker.getTypeAtLocation(strip(node)).getSymbol();
    const file = sym?.declarations?.[0]?.getSourceFile().fileName;
    return !!file && names.has(sym!.name) && files.some((f) => libraryFile(file, f));
  };
  /** NumPy's array (src/tensor/ndarray.ts): typed "tensor" for the operators, but some of them are its own methods. */
  const isNdarray = (node: ts.Node): boolean => {
    const e = strip(node);
    // An operator already rewritten (`(a > 1) & (a < 4)`): the checker still types it as JavaScript's; its operands tell.
    if (plans.has(e) && t.isBinaryExpression(e)) return isNdarray(e.left) || (isNdarray(e.right) && kindOf(e.left) !== "tensor");
    if (plans.has(e) && t.isPrefixUnaryExpression(e)) return isNdarray(e.operand);
    return libraryClass(e, NDARRAY_CLASS, NDARRAY_FILE);
  };
  /** pandas' Series, DataFrame or one of their indexers (src/pandas/frame.ts). */
  const isPandas = (node: ts.Node): boolean => libraryClass(node, PANDAS_CLASSES, PANDAS_FILE);
  /** pandas' Index (src/pandas/index_.ts): a frame's `columns` or `index`. */
  const isPandasIndex = (node: ts.Node): boolean => libraryClass(node, PANDAS_INDEX_CLASS, PANDAS_INDEX_FILE);
  /** Whether `arg` is the subscript of a pandas object (`df.loc[mask, 'c']`), whose tuple items may be anything. */
  const pandasSubscript = (arg: ts.Node): boolean => {
    let access: ts.Node = arg.parent;
    while (t.isParenthesizedExpression(access)) access = access.parent;
    return t.isElementAccessExpression(access) && isPandas(access.expression);
  };
  /** NumPy's dtype object or scalar type (`a.dtype`, `np.float32`). */
  const isNpDtype = (node: ts.Node): boolean => libraryClass(node, NPDTYPE_CLASSES, NDARRAY_FILE, NUMPY_FILE);
  const operandKind = (node: ts.Node): Kind => {
    const kind = kindOf(node);
    const type = checker.getTypeAtLocation(strip(node));
    if (kind !== "other" || !type.isUnion()) return kind;
    const kinds = new Set(type.types.map((m) => kindOfType(t, checker, m)));
    return kinds.has("tensor") && [...kinds].every((k) => k === "tensor" || k === "number" || k === "boolean") ? "any" : kind;
  };

  // `-1`, `-2`, ... as written (a negative whole-number literal).
  const negativeLiteral = (node: ts.Node): boolean => {
    const e = strip(node);
    return t.isPrefixUnaryExpression(e) && e.operator === K.MinusToken && t.isNumericLiteral(e.operand) && /^[1-9]\d*$/.test(e.operand.text);
  };
  // A receiver whose numeric index is its items (arrays, tuples, Sizes, strings, typed arrays): it has `at`.
  const hasAt = (node: ts.Node): boolean => {
    const type = checker.getApparentType(checker.getTypeAtLocation(strip(node)));
    return type.getProperty("at") !== undefined && checker.getIndexTypeOfType(type, t.IndexKind.Number) !== undefined;
  };

  // `xs[":3"]`, `` s[`${i}:`] ``: a string key on an array, a tuple or a string (JavaScript's property read).
  const sliceOfSequence = (n: ts.ElementAccessExpression): boolean =>
    (checker.getTypeAtLocation(strip(n.argumentExpression)).flags & t.TypeFlags.StringLike) !== 0 && hasAt(n.expression);

  // An array index is Python's list index (`x[[0, 2]]`, rows 0 and 2), which the library spells
  // __getitem__/__setitem__; `x.index([0, 2])` would be the tuple x[0, 2].
  const isArrayIndex = (node: ts.Node): boolean => isListType(node) || isRange(node);
  /** An array or tuple type (not a union with one: a `T[] | null` reads as `T[]` anyway without strictNullChecks). */
  const isListType = (node: ts.Node): boolean => {
    const type = checker.getTypeAtLocation(strip(node));
    return checker.isArrayType(type) || checker.isTupleType(type);
  };
  /**
   * A Map (the dialect's dict with non-string keys, a Counter or a defaultdict): `m[k]` is its item, as
   * Python's `d[k]`, where JavaScript would read or write a property the Map never sees.
   */
  const isMap = (node: ts.Node): boolean => {
    const type = checker.getApparentType(checker.getTypeAtLocation(strip(node)));
    return !mayBeArray(type) && ["get", "has", "entries", "size", "forEach"].every((p) => type.getProperty(p) !== undefined);
  };
  /** Python's `range(n)` (src/builtins.ts's Range): in a tuple index a list of its numbers, `x[range(n), y]`. */
  const isRange = (node: ts.Node): boolean => checker.getTypeAtLocation(strip(node)).getSymbol()?.getName() === "Range";
  // A receiver followed by `.method(` must bind tighter than the call.
  const simple = (n: ts.Node): boolean =>
    plans.has(n) || wraps.has(n) ||
    t.isIdentifier(n) || t.isPropertyAccessExpression(n) || t.isElementAccessExpression(n) || t.isCallExpression(n) ||
    t.isParenthesizedExpression(n) || t.isNonNullExpression(n) || n.kind === K.ThisKeyword || t.isArrayLiteralExpression(n);
  const newlines = (from: number, to: number): string => "\n".repeat((text.slice(from, to).match(/\n/g) ?? []).length);

  let out!: Output;
  const emit = (n: ts.Node): void => {
    const at = out.text.length;
    const w = wraps.get(n);
    if (w) for (const [before] of w) out.insert(before);
    emitNode(n);
    if (w) for (let i = w.length - 1; i >= 0; i--) out.insert(w[i][1]);
    // A rewrite that now opens a statement with `(` (the kernel's `(require(...))` references) would
    // continue the line before it when that line has no semicolon, as Python's lines have none:
    // `const xs = [1, 2]` then `xs[-1] = 3` read as the call `[1, 2](...)`. A `;` keeps them apart.
    if (out.text[at] === "(" && text[n.getStart(sf)] !== "(" && continuesPreviousLine(n)) out.insertAt(at, ";");
  };
  /** Whether `n` is the expression of a statement in a statement list that JavaScript could read as continuing the one before it. */
  const continuesPreviousLine = (n: ts.Node): boolean => {
    const start = n.getStart(sf);
    const c = n.parent;
    if (!c || !t.isExpressionStatement(c) || c.getStart(sf) !== start) return false;
    const list = c.parent;
    if (!(t.isBlock(list) || t.isSourceFile(list) || t.isModuleBlock(list) || t.isCaseClause(list) || t.isDefaultClause(list))) return false;
    let i = start - 1;
    while (i >= 0 && /\s/.test(text[i])) i--;
    return i >= 0 && !";{}".includes(text[i]);
  };
  const emitNode = (n: ts.Node): void => {
    const plan = plans.get(n);
    if (plan) {
      plan.emit(out, emit);
      return;
    }
    let pos = n.getStart(sf);
    n.forEachChild((c) => {
      if (c.end <= offset) return;
      const start = c.getStart(sf);
      out.copy(pos, start);
      emit(c);
      pos = c.end;
    });
    out.copy(pos, n.end);
  };
  /** The element accesses planned as Python's index (kernel/sequence_index.ts): a float list's item keeps its float mark through them (floatIndex). */
  const sequencePlans = new Set<ts.Node>();
  const sequenceContext: SequenceContext = {
    t, checker, sf, kindOf, assignedTo: (n) => assignedTo(n), jsMissingTest: (n) => jsMissingTest(n), emit, insert: (s) => out.insert(s),
    gap: (from, tokStart, tokEnd, to, replacement) => gap(from, tokStart, tokEnd, to, replacement),
  };
  const receiver = (n: ts.Node): void => {
    if (simple(n)) return emit(n);
    out.insert("(");
    emit(n);
    out.insert(")");
  };
  /** The text from `from` to `to` around a token at [tokStart, tokEnd) that becomes `replacement`. */
  const gap = (from: number, tokStart: number, tokEnd: number, to: number, replacement: string): void => {
    // Plain spaces go (`a + b` -> `a.add(b)`); line breaks and comments stay where they were.
    if (!/^[ \t]*$/.test(text.slice(from, tokStart))) out.copy(from, tokStart);
    out.insert(replacement);
    if (!/^[ \t]*$/.test(text.slice(tokEnd, to))) out.copy(tokEnd, to);
  };

  const method = (recv: ts.Node, op: ts.Node, arg: ts.Node, name: string, result: Kind): Plan => ({
    result,
    emit: (o) => {
      receiver(recv);
      gap(recv.end, op.getStart(sf), op.end, arg.getStart(sf), `.${name}(`);
      emit(arg);
      o.insert(")");
    },
  });
  // Python evaluates `2 - a` as a.__rsub__(2): the tensor becomes the receiver.
  const reflected = (n: ts.BinaryExpression, call: string): Plan => ({
    result: "tensor",
    emit: (o) => {
      receiver(n.right);
      o.insert(`.${call}(`);
      emit(n.left);
      o.insert(newlines(n.left.end, n.right.getStart(sf)) + ")");
    },
  });
  // `n += t` for a number n and a tensor t: n = t.__radd__(n), written `n = t.add(n)`.
  const rebound = (n: ts.BinaryExpression, call: string): Plan => ({
    result: "tensor",
    emit: (o) => {
      emit(n.left);
      o.insert(" = ");
      receiver(n.right);
      o.insert(`.${call}(`);
      emit(n.left);
      o.insert(newlines(n.left.end, n.right.getStart(sf)) + ")");
    },
  });
  /** `a @= b`: `a = a.matmul(b)` for tensors, else `a = op("imatmul", a, b)` decided at run time (Python's TypeError). */
  const matmulAssign = (n: ts.BinaryExpression, typed: boolean): Plan => ({
    result: typed ? "tensor" : "any",
    emit: (o) => {
      emit(n.left);
      o.insert(" = ");
      if (typed) receiver(n.left);
      else {
        o.insert(`${DYNAMIC_REF}.op("imatmul", `);
        emit(n.left);
      }
      gap(n.left.end, n.operatorToken.getStart(sf), n.operatorToken.end, n.right.getStart(sf), typed ? ".matmul(" : ", ");
      emit(n.right);
      o.insert(")");
    },
  });
  // The declarations widened to `any` by `rebound` rewrites (each once).
  const widened = new Set<ts.VariableDeclaration>();
  /**
   * The cell's own untyped `let`/`var` declaration of an identifier, which may be widened to `any`;
   * for `let [loss, acc] = [0, 0]` (Python's `loss, acc = 0, 0`) the whole array pattern is.
   */
  const widenable = (left: ts.Node): ts.VariableDeclaration | null => {
    const id = strip(left);
    if (!t.isIdentifier(id)) return null;
    let decl: ts.Node | undefined = checker.getSymbolAtLocation(id)?.valueDeclaration;
    if (decl && t.isBindingElement(decl) && t.isArrayBindingPattern(decl.parent)) decl = decl.parent.parent;
    if (!decl || !t.isVariableDeclaration(decl) || decl.type || !(t.isIdentifier(decl.name) || t.isArrayBindingPattern(decl.name))) return null;
    if (decl.getSourceFile() !== sf || decl.getStart(sf) < offset) return null;
    const list = decl.parent;
    if (!t.isVariableDeclarationList(list) || list.flags & t.NodeFlags.Const) return null;
    return decl;
  };
  const torchCall = (name: string, left: ts.Node, op: ts.Node, right: ts.Node): Plan => ({
    result: "tensor",
    emit: (o) => {
      o.insert(`${TORCH_REF}.${name}(`);
      emit(left);
      gap(left.end, op.getStart(sf), op.end, right.getStart(sf), ", ");
      emit(right);
      o.insert(")");
    },
  });

  // Operators whose operands the checker types `any` (an untyped `forward(x)`), or `any` and a number
  // or boolean: kernel/dynamic_ops.ts decides at run time (PyTorch's operator when a tensor is there).
  const dynamic = new Set<ts.Node>();
  // Only once the typed rewrites are done: before, an operand the checker could not type yet (`(a + b).sum()`
  // before `a + b` became `a.add(b)`) would look untyped.
  const untyped = (a: Kind, b: Kind): boolean => allowDynamic && ((a === "any" && OPERAND.has(b)) || (b === "any" && OPERAND.has(a)));
  /** `left op right` written as `<dynamic>.op("name", left, right)`. */
  const opCall = (n: ts.BinaryExpression, name: string, fn = "op") => (o: Output): void => {
    o.insert(`${DYNAMIC_REF}.${fn}("${name}", `);
    emit(n.left);
    gap(n.left.end, n.operatorToken.getStart(sf), n.operatorToken.end, n.right.getStart(sf), ", ");
    emit(n.right);
    o.insert(")");
  };
  const dynamicOp = (n: ts.BinaryExpression, name: string): Plan => {
    dynamic.add(n);
    return { result: "any", emit: opCall(n, name) };
  };
  /** Python's `a == b` / `a != b` between lists, tuples or Sizes: `<dynamic>.pyeq(a, b)`, by value. */
  const sequenceEq = (n: ts.BinaryExpression, name: "eq" | "ne", untypedSide: boolean): Plan => {
    dynamic.add(n);
    return {
      result: untypedSide ? "any" : "boolean",
      emit: (o) => {
        o.insert(`${DYNAMIC_REF}.py${name}(`);
        emit(n.left);
        gap(n.left.end, n.operatorToken.getStart(sf), n.operatorToken.end, n.right.getStart(sf), ", ");
        emit(n.right);
        o.insert(")");
      },
    };
  };
  /** `x op= y` with `x` typed `any`: `x = assign("add_", x, y)` (x an identifier or `obj.name`, read twice). */
  /** `x op= y` as the call `<dynamic>.fn("add_", x, y)`, `x` not rebound. */
  const dynamicInPlace = (n: ts.BinaryExpression, fn: string, inplace: string): Plan => ({
    result: "any",
    emit: (o) => {
      o.insert(`${DYNAMIC_REF}.${fn}("${inplace}", `);
      emit(n.left);
      gap(n.left.end, n.operatorToken.getStart(sf), n.operatorToken.end, n.right.getStart(sf), ", ");
      emit(n.right);
      o.insert(")");
    },
  });
  /** A Python list as the checker types it: an array (or tuple, or a union with one). */
  const isList = (node: ts.Node, k: Kind): boolean => k === "other" && mayBeArray(checker.getTypeAtLocation(strip(node)));
  /**
   * Python's sequence operators: `a + b` / `a += b` of a list and a list (or an untyped value), and
   * `a * n` / `a *= n` of a list or string and a number (either order for `*`).
   */
  const sequenceOperator = (n: ts.BinaryExpression, op: ts.SyntaxKind, L: Kind, R: Kind): boolean => {
    // A const target written to is the error type to the checker: its declared type decides.
    const target = L === "any" && t.isIdentifier(strip(n.left)) ? checker.getSymbolAtLocation(strip(n.left)) : undefined;
    if (target && isConst(target)) L = kindOfType(t, checker, checker.getTypeOfSymbol(target));
    const isListAt = (node: ts.Node, k: Kind) => (target && node === n.left ? k === "other" && mayBeArray(checker.getTypeOfSymbol(target)) : isList(node, k));
    // `unknown` (an ndarray's tolist()) is as untyped as `any` here.
    const untypedRight = R === "any" || (checker.getTypeAtLocation(strip(n.right)).flags & t.TypeFlags.Unknown) !== 0;
    const count = (k: Kind) => k === "number" || k === "boolean" || k === "any";
    if (op === K.PlusToken || op === K.PlusEqualsToken) return (isListAt(n.left, L) && (isList(n.right, R) || untypedRight)) || (op === K.PlusToken && L === "any" && isList(n.right, R));
    if (op === K.AsteriskToken || op === K.AsteriskEqualsToken) {
      const seq = (node: ts.Node, k: Kind) => k === "string" || isListAt(node, k);
      return (seq(n.left, L) && count(R)) || (op === K.AsteriskToken && count(L) && seq(n.right, R));
    }
    return false;
  };
  /** Whether `symbol` is a `const` variable (a for-of `const` included). */
  const isConst = (symbol: ts.Symbol): boolean => {
    const decl = symbol.valueDeclaration;
    return !!decl && t.isVariableDeclaration(decl) && (t.getCombinedNodeFlags(decl) & t.NodeFlags.Const) !== 0;
  };
  const dynamicAssign = (n: ts.BinaryExpression, inplace: string): Plan => ({
    result: "any",
    emit: (o) => {
      emit(n.left);
      o.insert(` = ${DYNAMIC_REF}.assign("${inplace}", `);
      emit(n.left);
      gap(n.left.end, n.operatorToken.getStart(sf), n.operatorToken.end, n.right.getStart(sf), ", ");
      emit(n.right);
      o.insert(")");
    },
  });
  /** Whether `n` is written, not read: an assignment's target (any operator), inside a destructuring target, a for-in/of variable. */
  const assignedTo = (n: ts.Node): boolean => {
    let c: ts.Node = n;
    for (let p = n.parent; p; c = p, p = p.parent) {
      if (t.isBinaryExpression(p)) return p.left === c && p.operatorToken.kind >= K.FirstAssignment && p.operatorToken.kind <= K.LastAssignment;
      if ((t.isForOfStatement(p) || t.isForInStatement(p)) && p.initializer === c) return true;
      if (!(t.isParenthesizedExpression(p) || t.isArrayLiteralExpression(p) || t.isObjectLiteralExpression(p) || t.isPropertyAssignment(p) || t.isSpreadElement(p) || t.isShorthandPropertyAssignment(p))) return false;
    }
    return false;
  };
  /**
   * Whether the cell tests the read `n` itself as JavaScript does, where a missing key is undefined
   * (`d[k] ?? 0`, `d[k] || []`, `if (!seen[k])`, `d[k] === undefined`, `d[k]?.x`): a dict's read there
   * keeps JavaScript's meaning instead of Python's KeyError.
   */
  const jsMissingTest = (n: ts.Node): boolean => {
    let c: ts.Node = n;
    let p = n.parent;
    while (t.isParenthesizedExpression(p)) [c, p] = [p, p.parent];
    if (t.isTypeOfExpression(p) || (t.isPrefixUnaryExpression(p) && p.operator === K.ExclamationToken)) return true;
    if ((t.isPropertyAccessExpression(p) || t.isElementAccessExpression(p) || t.isCallExpression(p)) && p.questionDotToken !== undefined && p.expression === c) return true;
    if (t.isIfStatement(p) || t.isWhileStatement(p) || t.isDoStatement(p) || (t.isForStatement(p) && p.condition === c) || (t.isConditionalExpression(p) && p.condition === c)) return true;
    if (!t.isBinaryExpression(p)) return false;
    const op = p.operatorToken.kind;
    if ((op === K.QuestionQuestionToken || op === K.BarBarToken || op === K.AmpersandAmpersandToken) && p.left === c) return true;
    const other = strip(p.left === c ? p.right : p.left);
    const nothing = other.kind === K.NullKeyword || (t.isIdentifier(other) && other.text === "undefined");
    return nothing && (op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken || op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken);
  };
  /** Whether `n` reads an nn container (Sequential, ModuleList, ModuleDict, ParameterList/Dict) by a number or string key. */
  const containerGet = (n: ts.ElementAccessExpression): boolean => {
    const key = kindOf(n.argumentExpression);
    if (key !== "number" && key !== "string") return false;
    const type = checker.getTypeAtLocation(strip(n.expression));
    const kind = classKind(t, checker, type);
    if (kind !== "module" && kind !== "moduledict") return false;
    const get = type.getProperty("get");
    const decl = get?.declarations?.[0];
    if (!get || !decl || !libraryFile(decl.getSourceFile().fileName, CONTAINERS_FILE)) return false;
    // A list's get takes a position, a dict's a key: `seq["conv"]` (a named child) stays JavaScript's.
    const param = checker.getTypeOfSymbolAtLocation(get, n).getCallSignatures()[0]?.getParameters()[0];
    return param !== undefined && kindOfType(t, checker, checker.getTypeOfSymbolAtLocation(param, n)) === key;
  };
  /** Whether `n` slices a Sequential by the dialect's slice string (`features[":5"]`), which its own `__getitem__` takes. */
  const containerSlice = (n: ts.ElementAccessExpression): boolean => {
    const key = strip(n.argumentExpression);
    if (!t.isStringLiteralLike(key) || !/^\s*-?\d*\s*:\s*-?\d*\s*(:\s*-?\d*\s*)?$/.test(key.text)) return false;
    const type = checker.getTypeAtLocation(strip(n.expression));
    const decl = type.getProperty("__getitem__")?.declarations?.[0];
    return classKind(t, checker, type) === "module" && decl !== undefined && libraryFile(decl.getSourceFile().fileName, CONTAINERS_FILE);
  };
  /** Emits `obj[key]` as the arguments `obj, key` of a kernel/dynamic_ops.ts call; returns where its `]` is. */
  const objectAndKey = (e: ts.ElementAccessExpression): number => {
    emit(e.expression);
    const open = text.indexOf("[", e.expression.end);
    gap(e.expression.end, open, open + 1, e.argumentExpression.getStart(sf), ", ");
    emit(e.argumentExpression);
    return text.lastIndexOf("]", e.end - 1);
  };
  /**
   * Python's operator methods of the notebook's own classes (src/pyoperator.ts; micrograd's Value):
   * `a + b` is `a.__add__(b)`, `2 * v` is `v.__rmul__(2)`, `c += 1` is `c = c.__iadd__(1)` (or
   * `c.__add__(1)`), typed by the method; an untyped left operand decides at run time (it may hold such
   * an object, whose method comes first). Undefined where no operand's class defines the method; null
   * where an operand was rewritten in this pass (typed only in the next).
   */
  const dunderOperator = (n: ts.BinaryExpression, name: string, inplace: string | undefined, L: Kind): Plan | null | undefined => {
    const names = DUNDERS[name];
    if (!names) return undefined;
    if (dunderPlanned.has(strip(n.left)) || dunderPlanned.has(strip(n.right))) return null;
    const [own, reflectedName] = names;
    const iown = `__i${own.slice(2)}`;
    const left = inplace && definesDunder(n.left, iown) ? iown : definesDunder(n.left, own) ? own : undefined;
    const right = definesDunder(n.right, reflectedName);
    if (!left && !right) return undefined;
    if (L === "any" || (inplace && !left)) return allowDynamic ? (inplace ? (rereadable(n.left) ? dynamicAssign(n, inplace) : null) : dynamicOp(n, name)) : null;
    const call = (o: Output, recv: ts.Node, method: string, arg: ts.Node): void => {
      receiver(recv);
      o.insert(`.${method}(`);
      emit(arg);
      o.insert(")");
    };
    if (!left) return { result: "other", emit: (o) => call(o, n.right, reflectedName, n.left) };
    if (!inplace) return method(n.left, n.operatorToken, n.right, left, "other");
    if (!rereadable(n.left)) return null;
    return { result: "other", emit: (o) => { emit(n.left); o.insert(" = "); call(o, n.left, left, n.right); } };
  };
  /** Whether the class of `side`'s type, one of the notebook's, defines the method `name`. */
  const definesDunder = (side: ts.Node, name: string): boolean => definesOperatorMethod(checker, sf, strip(side), name);
  /** The operators planned as operator methods in this pass. */
  const dunderPlanned = new Set<ts.Node>();
  /** A target that can be read and written again without effects: `x`, `this.total`, `obj.count`. */
  const rereadable = (n: ts.Node): boolean => {
    const e = strip(n);
    if (t.isIdentifier(e)) return true;
    return t.isPropertyAccessExpression(e) && !e.questionDotToken && (e.expression.kind === K.ThisKeyword || t.isIdentifier(strip(e.expression)));
  };

  /** The items of a comma subscript `x[a, b, c]` (Python's tuple index, `null` for its None), or undefined for any other index. */
  const tupleItems = (arg: ts.Node): ts.Expression[] | undefined => {
    const n = strip(arg);
    if (!t.isBinaryExpression(n) || n.operatorToken.kind !== K.CommaToken) return undefined;
    const items: ts.Expression[] = [];
    const flatten = (e: ts.Expression): void => {
      if (t.isBinaryExpression(e) && e.operatorToken.kind === K.CommaToken) {
        flatten(e.left);
        flatten(e.right);
      } else items.push(e);
    };
    flatten(n);
    return items;
  };
  /** Python's None in an index: `null`, or the prelude's `None` (src/builtins.ts), not `undefined`. */
  const isNone = (e: ts.Node): boolean => {
    const n = strip(e);
    return n.kind === K.NullKeyword || (t.isIdentifier(n) && n.text === "None");
  };
  /**
   * Python's tuple index `x[[0, 1], t]` / `x[m, 0] = v` as the array `index()`/`setitem()` take, each
   * list item a tensor as PyTorch makes it (`x.index([torch.tensor([0, 1]), t])`): left as the comma
   * expression, only its last item would index (or the call would not type-check), and a bare number
   * array in `index()` is a slice.
   */
  const planTuple = (arg: ts.Node, items: ts.Expression[]): void => {
    const node = strip(arg);
    if (plans.has(node)) return;
    // pandas' `df.loc[mask, ['a', 'b']]`: its indexers take Python's lists (of labels) as they are.
    const pandas = pandasSubscript(node);
    const lists = new Set(pandas ? [] : items.filter((e) => kindOf(e) === "other" && isArrayIndex(e)));
    plans.set(node, {
      result: "other",
      emit: (o) => {
        o.insert("[");
        items.forEach((e, i) => {
          if (i > 0) o.copy(items[i - 1].end, e.getStart(sf));
          if (kindOf(e) === "null") {
            // Python's None in a tuple index is a new axis; `index()` reads a bare null as ':'.
            o.insert('"None"');
            return;
          }
          const spread = lists.has(e) && isRange(e);
          // An untyped item (a `let idx;` given a list in a branch: the checker cannot see it) is
          // decided as it runs: a list or range is a tensor as above, anything else stays itself.
          const untyped = kindOf(e) === "any" && !pandas;
          if (lists.has(e)) o.insert(`${TORCH_REF}.tensor(${spread ? "[..." : ""}`);
          else if (untyped) o.insert(`${DYNAMIC_REF}.tupleItem(`);
          emit(e);
          if (lists.has(e)) o.insert(spread ? "])" : ")");
          else if (untyped) o.insert(")");
        });
        o.insert("]");
      },
    });
  };
  /**
   * How `x[arg]` on a tensor is read: an integer (or a tuple of them, read with get()), a Python list
   * (an array), a tuple with other items (`write`: any tuple, for setitem), another form of `index()`.
   */
  const indexKind = (arg: ts.Node, write = false): "number" | "list" | "tuple" | "index" | undefined => {
    const items = tupleItems(arg);
    if (items && (write || !items.every((e) => kindOf(e) === "number"))) {
      // An `any` item (often a value derived from a subscript the checker read as JavaScript's comma,
      // `const i = x[":", 0].argmax().item()`) is still one item of Python's tuple.
      if (!pandasSubscript(strip(arg)) && !items.every((e) => { const k = kindOf(e); return k === "number" || k === "string" || k === "tensor" || k === "any" || (k === "null" && isNone(e)) || (k === "other" && isArrayIndex(e)); })) return undefined;
      planTuple(arg, items);
      return "tuple";
    }
    const k = kindOf(arg);
    if (k === "number") return "number";
    if (k === "null" && isNone(arg) && !write) {
      // Python's `x[None]`: a new leading axis, as `index("None")` reads it.
      const node = strip(arg);
      if (!plans.has(node)) plans.set(node, { result: "other", emit: (o) => o.insert('"None"') });
      return "index";
    }
    if (k === "string" || k === "tensor" || k === "any") return "index";
    return k === "other" && (isArrayIndex(arg) || isNdarray(arg)) ? "list" : undefined;
  };
  /** Whether the value of expression `n` is unused (a statement, a for-loop clause, a comma operand of one). */
  const valueUnused = (n: ts.Node): boolean => {
    const p = n.parent;
    if (t.isParenthesizedExpression(p)) return valueUnused(p);
    if (t.isExpressionStatement(p) || t.isVoidExpression(p)) return true;
    if (t.isForStatement(p)) return p.initializer === n || p.incrementor === n;
    if (t.isBinaryExpression(p) && p.operatorToken.kind === K.CommaToken) return p.left === n || valueUnused(p);
    return false;
  };
  const isComma = (n: ts.Node): n is ts.BinaryExpression => t.isBinaryExpression(n) && n.operatorToken.kind === K.CommaToken;
  /**
   * Whether parentheses around a comma list are Python's tuple: returned, an item of a tuple, a value
   * used, or a lambda's body (`key=(kv) => (-kv[1], kv[0])`, Python's `lambda kv: (-kv[1], kv[0])`, which
   * JavaScript's comma operator would make `kv[0]` alone). Not the body of the rewrite's own arrow
   * `(_torchlab_x, ...) => (_torchlab_x.setitem(...), _torchlab_v)` (assignItem).
   */
  const pyTupleParens = (p: ts.ParenthesizedExpression): boolean => {
    if (!isComma(p.expression)) return false;
    if (t.isArrowFunction(p.parent)) return !p.parent.parameters.some((q) => t.isIdentifier(q.name) && q.name.text.startsWith(T));
    if (t.isReturnStatement(p.parent)) return true;
    if (!isComma(p.parent)) return !valueUnused(p);
    let top: ts.Node = p.parent;
    while (isComma(top.parent)) top = top.parent;
    return t.isReturnStatement(top.parent) || (t.isParenthesizedExpression(top.parent) && pyTupleParens(top.parent));
  };
  // Text that may be evaluated twice without a change in meaning: a name, `this`, a literal.
  const pure = (n: ts.Node): boolean =>
    !plans.has(n) &&
    (t.isIdentifier(n) || n.kind === K.ThisKeyword || t.isNumericLiteral(n) || t.isStringLiteral(n) || t.isNoSubstitutionTemplateLiteral(n) ||
      n.kind === K.TrueKeyword || n.kind === K.FalseKeyword ||
      (t.isPrefixUnaryExpression(n) && n.operator === K.MinusToken && t.isNumericLiteral(n.operand)) ||
      (t.isArrayLiteralExpression(n) && n.elements.every(pure)));
  /** Whether `n` holds an `await` of its own (not inside a nested function), so a callback around it must be async. */
  const awaits = (n: ts.Node): boolean => t.isAwaitExpression(n) || (!t.isFunctionLike(n) && !!n.forEachChild((c) => (awaits(c) ? true : undefined)));
  /** `x[` index `]` of `target`: the receiver and index as written, the index's surroundings kept. */
  const receiverAndIndex = (target: ts.ElementAccessExpression, o: Output, opening: string, between: string): number => {
    receiver(target.expression);
    const open = text.indexOf("[", target.expression.end);
    gap(target.expression.end, open, open + 1, target.argumentExpression.getStart(sf), opening);
    emit(target.argumentExpression);
    const close = text.lastIndexOf("]", target.end - 1);
    o.copy(target.argumentExpression.end, close);
    o.insert(between);
    return close;
  };
  const T = "_torchlab_";
  const TENSOR_TYPE = `import("torchlab").torch.Tensor`;
  /** `x[i] = v`: setitem, or where its value is used (`a[0] = b[0] = 5`), a call that gives `v` back as JavaScript (and Python) do. */
  const assignItem = (n: ts.BinaryExpression, target: ts.ElementAccessExpression): Plan => {
    const setter = indexKind(target.argumentExpression, true) === "list" ? "__setitem__" : "setitem";
    return {
      result: kindOf(n.right) === "tensor" ? "tensor" : "other",
      emit: (o) => {
        const used = !valueUnused(n);
        if (used) o.insert(`((${T}x, ${T}i, ${T}v) => (${T}x.${setter}(${T}i, ${T}v), ${T}v))(`);
        const close = receiverAndIndex(target, o, used ? ", " : `.${setter}(`, ", ");
        o.insert(newlines(close, n.right.getStart(sf)));
        emit(n.right);
        o.insert(")");
      },
    };
  };
  /**
   * `x[i] += v`, in Python's order: x and i once, then x.__getitem__(i), then v, the in-place op and
   * x.__setitem__(i, result). For a view (an integer or slice index) the op already wrote x and the
   * setitem copies the view onto itself (autograd's CopySlices, as in PyTorch); for a copy (a mask,
   * an index tensor or list) the setitem is the index_put_ that makes the write land. The expression's
   * value is the new x[i]. A name or literal is simply written twice; anything else goes through
   * parameters so it runs once (`x[i++] += 1`, `f()[mask] -= g`, `x[1][mask] *= 2`).
   */
  const compoundItem = (n: ts.BinaryExpression, target: ts.ElementAccessExpression, op: string): Plan => ({
    result: "tensor",
    emit: (o) => {
      const idx = target.argumentExpression;
      // A tuple index is the array index()/setitem() take; to __getitem__ an array is a Python list.
      const [getter, setter] = tupleItems(idx) ? ["index", "setitem"] : ["__getitem__", "__setitem__"];
      // `x[i] += 1.0`: PyTorch's error where x is an integer or bool tensor, as for `x += 1.0`.
      const [guard, unguard] = wholeFloatLiteral(t, n.right) ? [`${FLOATS_REF}.floating_inplace(`, `, "${op}")`] : ["", ""];
      if (valueUnused(n) && pure(target.expression) && pure(idx)) {
        const recv = text.slice(target.expression.getStart(sf), target.expression.end);
        const close = receiverAndIndex(target, o, ".__setitem__(", ", ");
        o.insert(`${guard}${recv}.__getitem__(${text.slice(idx.getStart(sf), idx.end)})${unguard}.${op}(${newlines(close, n.right.getStart(sf))}`);
        emit(n.right);
        o.insert("))");
        return;
      }
      const async = awaits(n.right);
      const pre = async ? "async " : "";
      const call = `${async ? "await " : ""}${T}f(${T}x.${getter}(${T}i))`;
      o.insert(
        `${async ? "(await " : ""}(${pre}(${T}x, ${T}i, ${T}f: (${T}y: ${TENSOR_TYPE}) => ${async ? `Promise<${TENSOR_TYPE}>` : TENSOR_TYPE}) => ` +
          `{ const ${T}v = ${call}; ${T}x.${setter}(${T}i, ${T}v); return ${T}v; })(`,
      );
      const close = receiverAndIndex(target, o, ", ", `, ${pre}(${T}y) => ${guard}${T}y${unguard}.${op}(`);
      o.insert(newlines(close, n.right.getStart(sf)));
      emit(n.right);
      o.insert(`))${async ? ")" : ""}`);
    },
  });

  /** Whether `n` is already a call of kernel/dynamic_ops.ts's `name` (an earlier pass's). */
  const dynamicCall = (n: ts.Node, name: string): boolean => {
    const c = strip(n);
    // The callee itself, not a method called on its result (`D.args_done(f(x)).neg()` starts at the same place).
    return t.isCallExpression(c) && t.isPropertyAccessExpression(c.expression) && c.expression.name.text === name && text.startsWith(`${DYNAMIC_REF}.${name}(`, c.getStart(sf));
  };
  // A rewritten tensor expression used as a condition (`if (loss < 0.1)`, `!(a > 0)`, `c ? x : y`,
  // `&&`, `||`) means its truth value, as Python's bool(tensor): the value of its one element,
  // PyTorch's error for more or none. So does a value typed `any` (an untyped parameter, an operator
  // on one), which may be a tensor at run time; any other value keeps JavaScript's truth value.
  // A Tensor-typed name is left alone: without strictNullChecks `Tensor | null` reads as Tensor, and
  // `if (p.grad)` is JavaScript's null test.
  // `!` of a method call typed Tensor (not `Tensor | null`) is always false to JavaScript, so
  // `if (!torch.isfinite(loss).all()) break;` can only mean Python's `not tensor`.
  // A list or tuple as a condition is Python's truth too: an empty one is false (`while (queue)`,
  // Python's `while queue:`, never ended; `if (!items)` never held). truth() keeps null and undefined
  // as they are, so `if (xs)` on a `T[] | null` (read as `T[]` without strictNullChecks) still tests for
  // null. Only where the value is used for its truth alone: `xs || fallback` keeps the list.
  const condition = (c: ts.Node | undefined, negated = false, lists = true): void => {
    const inner = c && strip(c);
    if (!inner || wraps.has(inner) || dynamicCall(inner, "truth") || dynamicCall(inner, "tensor_truth")) return;
    if (
      plans.get(inner)?.result === "tensor" || dynamic.has(inner) || (allowDynamic && kindOf(inner) === "any") ||
      (negated && methodCall(inner) && kindOf(inner) === "tensor") || (lists && hasLength(inner))
    ) wrap(inner, `${DYNAMIC_REF}.truth(`, ")");
    // A Tensor-typed name or property (`if (!correct)`, Python's `if not correct:`): a one-element tensor's
    // value, anything else JavaScript's null test (kernel/dynamic_ops.ts tensor_truth). Only where the
    // value is used for its truth alone: `p.grad || torch.zeros_like(p)` keeps the tensor.
    else if (lists && kindOf(inner) === "tensor" && (t.isIdentifier(inner) || t.isPropertyAccessExpression(inner) || t.isElementAccessExpression(inner))) {
      wrap(inner, `${DYNAMIC_REF}.tensor_truth(`, ")");
    }
  };
  /**
   * A value whose Python truth is whether it has items and whose JavaScript truth is always true: a
   * list or tuple, a Map or Set (Python's dict and set, collections' Counter, defaultdict, deque) or a
   * plain object (the dialect's dict: a `{...}` literal, a Record). Strings and numbers already agree.
   */
  const hasLength = (node: ts.Node): boolean => {
    if (isListType(node)) return true;
    const type = checker.getTypeAtLocation(strip(node));
    if (!(type.flags & t.TypeFlags.Object) || type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return false;
    const sym = type.getSymbol();
    if (sym && ["Map", "ReadonlyMap", "Set", "ReadonlySet", "PySet", "Counter", "defaultdict", "deque"].includes(sym.name)) return true;
    if (sym && sym.flags & (t.SymbolFlags.Class | t.SymbolFlags.Interface)) return false;
    return (sym !== undefined && (sym.flags & (t.SymbolFlags.ObjectLiteral | t.SymbolFlags.TypeLiteral)) !== 0) || type.getStringIndexType() !== undefined;
  };
  /** `math.sqrt`, `math.pi`: one of Python's math module's floats (src/math.ts's, not a cell's own `math`). */
  const mathFloat = (n: ts.PropertyAccessExpression): boolean => {
    if (!t.isIdentifier(n.expression) || n.expression.text !== "math" || !MATH_FLOATS.has(n.name.text)) return false;
    const declared = checker.getSymbolAtLocation(n.name)?.declarations?.[0]?.getSourceFile().fileName ?? "";
    return /(^|\/)math\.(d\.)?ts$/.test(declared);
  };
  /**
   * Whether a number-typed expression is a Python float as written, which JavaScript cannot tell from an
   * int (`2.0 === 2`): a literal with a point or an exponent, a `/`, `float(...)`, a math function's
   * result or constant, arithmetic with such an operand, and a variable the cell declares from one and
   * assigns only such values (a compound assignment keeps a float only with a number on its right).
   */
  const floatKnown = (node: ts.Node, seen: Set<ts.Symbol> = new Set()): boolean => {
    const n = strip(node);
    if (kindOf(n) !== "number") return false;
    if (t.isNumericLiteral(n)) return floatForm(n.getText());
    // An earlier pass's py_float(1.0), name_value("x", py_float(1.0)): what they wrap.
    if (t.isCallExpression(n) && n.arguments.length > 0 && (dynamicCall(n, "py_float") || dynamicCall(n, "name_value") || dynamicCall(n, "attr_value"))) {
      return floatKnown(n.arguments[n.arguments.length - 1], seen);
    }
    // Python's `7.0 // 2` (floorDivisions): a float when either operand is one.
    if (t.isCallExpression(n) && n.arguments.length >= 2 && dynamicCall(n, "floordiv")) return floatKnown(n.arguments[0], seen) || floatKnown(n.arguments[1], seen);
    if (t.isPrefixUnaryExpression(n)) return (n.operator === K.MinusToken || n.operator === K.PlusToken) && floatKnown(n.operand, seen);
    if (t.isConditionalExpression(n)) return floatKnown(n.whenTrue, seen) && floatKnown(n.whenFalse, seen);
    if (t.isBinaryExpression(n)) {
      const op = n.operatorToken.kind;
      if (op === K.SlashToken) return kindOf(n.left) === "number" && kindOf(n.right) === "number";
      if ([K.PlusToken, K.MinusToken, K.AsteriskToken, K.PercentToken, K.AsteriskAsteriskToken].includes(op)) return floatKnown(n.left, seen) || floatKnown(n.right, seen);
      return false;
    }
    if (t.isPropertyAccessExpression(n)) return mathFloat(n);
    if (t.isCallExpression(n)) {
      const callee = n.expression;
      if (t.isIdentifier(callee)) {
        if (callee.text === "float") return true;
        if (callee.text === "abs") return n.arguments.length === 1 && floatKnown(n.arguments[0], seen);
        if (callee.text === "round") return n.arguments.length === 2 && floatKnown(n.arguments[0], seen);
        if (callee.text === "max" || callee.text === "min") {
          // max(1.0, 2.0), and max([1.0, 2.0]) of a list literal whose items are all floats.
          const one = n.arguments.length === 1 ? strip(n.arguments[0]) : undefined;
          if (one && t.isArrayLiteralExpression(one)) return one.elements.length > 0 && one.elements.every((a) => floatKnown(a, seen));
          return n.arguments.length > 1 && n.arguments.every((a) => floatKnown(a, seen));
        }
        // sum([1.0, 2.0]): a float when a float is among the list literal's items.
        if (callee.text === "sum") {
          const items = n.arguments.length > 0 ? strip(n.arguments[0]) : undefined;
          return !!items && t.isArrayLiteralExpression(items) && items.elements.some((a) => floatKnown(a, seen));
        }
        return false;
      }
      return t.isPropertyAccessExpression(callee) && mathFloat(callee);
    }
    if (!t.isIdentifier(n)) return false;
    const symbol = checker.getSymbolAtLocation(n);
    const decl = symbol?.valueDeclaration;
    const value = decl && declaredValue(decl);
    if (!symbol || seen.has(symbol) || !value || decl.getSourceFile() !== sf) return false;
    seen.add(symbol);
    if (!floatKnown(value, seen)) return false;
    // Every plain assignment to it in the cell assigns a float too.
    let floats = true;
    const visit = (m: ts.Node): void => {
      if (!floats) return;
      if (t.isBinaryExpression(m) && t.isIdentifier(strip(m.left)) && checker.getSymbolAtLocation(strip(m.left)) === symbol) {
        const op = m.operatorToken.kind;
        // `x = 1.5` must be a float; `x += 1` keeps a float a float, `x += t` of a tensor makes x that tensor.
        if (op === K.EqualsToken) floats = floatKnown(m.right, seen);
        else if (op >= K.FirstCompoundAssignment && op <= K.LastCompoundAssignment) floats = kindOf(m.right) === "number";
      } else if (t.isBinaryExpression(m) && m.operatorToken.kind === K.EqualsToken && t.isArrayLiteralExpression(strip(m.left))) {
        // `[a, b] = [b, a + b]`: the item written to it must be a float too.
        const targets = (strip(m.left) as ts.ArrayLiteralExpression).elements;
        const at = targets.findIndex((e) => t.isIdentifier(e) && checker.getSymbolAtLocation(e) === symbol);
        const item = at < 0 ? undefined : tupleItem(m.right, targets, at);
        if (at >= 0) floats = item !== undefined && floatKnown(item, seen);
      }
      t.forEachChild(m, visit);
    };
    visit(sf);
    return floats;
  };
  /** Item `at` of `right` (a list literal, maybe marked by an earlier pass's floats) unpacked into `targets`, if no spread hides where it is. */
  const tupleItem = (right: ts.Expression, targets: ts.NodeArray<ts.Node>, at: number): ts.Expression | undefined => {
    let items = strip(right);
    if (dynamicCall(items, "floats")) items = strip((items as ts.CallExpression).arguments[0]);
    if (!t.isArrayLiteralExpression(items) || [...items.elements, ...targets].some((e) => t.isSpreadElement(e) || (t.isBindingElement(e) && e.dotDotDotToken !== undefined))) return undefined;
    return items.elements[at];
  };
  /** `[a, b] = [u, v]`: each item unpacked into a recorded name (`keys`) noted where it is a float, for names_value. */
  const notedItems = (right: ts.Expression, targets: ts.NodeArray<ts.Node>, keys: readonly (string | null)[]): void => {
    keys.forEach((k, i) => {
      const item = k === null ? undefined : tupleItem(right, targets, i);
      if (item !== undefined) noteIfFloat(item);
    });
  };
  /** What a declaration gives its name: `x = v`'s v, and b's item in `const [a, b] = [u, v]` (Python's `a, b = u, v`). */
  const declaredValue = (decl: ts.Declaration): ts.Expression | undefined => {
    if (t.isVariableDeclaration(decl)) return decl.initializer;
    if (!t.isBindingElement(decl) || decl.initializer || !t.isArrayBindingPattern(decl.parent) || !t.isVariableDeclaration(decl.parent.parent)) return undefined;
    const init = decl.parent.parent.initializer;
    return init && tupleItem(init, decl.parent.elements, decl.parent.elements.indexOf(decl));
  };
  /** Whether a number-typed expression is a Python int as written: int literals and `+ - * **` of them (`2**100`, `10**20`). */
  const intKnown = (node: ts.Node): boolean => {
    const n = strip(node);
    if (kindOf(n) !== "number") return false;
    if (t.isNumericLiteral(n)) return !floatForm(n.getText());
    if (t.isPrefixUnaryExpression(n)) return n.operator === K.MinusToken && intKnown(n.operand);
    if (!t.isBinaryExpression(n)) return false;
    return [K.PlusToken, K.MinusToken, K.AsteriskToken, K.AsteriskAsteriskToken].includes(n.operatorToken.kind) && intKnown(n.left) && intKnown(n.right);
  };
  /** An intKnown expression's text with BigInt literals (`2**100` is `2n**100n`): Python's exact value. */
  const bigIntText = (e: ts.Node): string => {
    let out = "";
    let pos = e.getStart(sf);
    const visit = (m: ts.Node): void => {
      if (t.isNumericLiteral(m)) {
        out += `${text.slice(pos, m.end)}n`;
        pos = m.end;
      } else t.forEachChild(m, visit);
    };
    visit(e);
    return out + text.slice(pos, e.end);
  };
  /** `t[i]` of a tensor, whose plan (a tensor) may come after its parent's look. */
  const tensorIndex = (e: ts.Node): boolean => {
    const n = strip(e);
    return t.isElementAccessExpression(n) && kindOf(n.expression) === "tensor";
  };
  /** `X.item()` of a tensor (or of an untyped X): a Python float when X is a float tensor, which only the run can tell. */
  const itemCall = (node: ts.Node): node is ts.CallExpression => {
    const n = strip(node);
    return (
      (t.isCallExpression(n) && n.arguments.length === 0 && t.isPropertyAccessExpression(n.expression) && !n.expression.questionDotToken &&
      n.expression.name.text === "item" && !dynamicCall(n.expression.expression, "item_of") &&
      (kindOf(n.expression.expression) === "tensor" || tensorIndex(n.expression.expression))) ||
      untypedItem(n) !== null
    );
  };
  /**
   * The name `acc` of `acc.item()` on an untyped name (`acc = 0` then `acc = acc + t`, widened to any),
   * which kernel/call_dunder.ts made live_globals' `attribute(acc, acc.item, "item")()`: a tensor's item
   * when it runs, told by item_value.
   */
  const untypedItem = (n: ts.Node): ts.Identifier | null => {
    if (!allowDynamic || !t.isCallExpression(n) || n.arguments.length > 0 || !liveAttribute(n.expression, "item") || dynamicCall(n.parent, "item_value")) return null;
    const recv = strip((n.expression as ts.CallExpression).arguments[0]);
    return t.isIdentifier(recv) && kindOf(recv) === "any" ? recv : null;
  };
  /** `attribute(recv, recv.name, "name")`: kernel/call_dunder.ts's call of `recv.name` on an untyped receiver. */
  const liveAttribute = (n: ts.Node, name: string): boolean => {
    const c = strip(n);
    if (!t.isCallExpression(c) || !t.isPropertyAccessExpression(c.expression) || c.expression.name.text !== "attribute" || !text.startsWith(`${GLOBALS_REF}.attribute(`, c.getStart(sf))) return false;
    const last = c.arguments[c.arguments.length - 1];
    return last !== undefined && t.isStringLiteral(last) && last.text === name;
  };
  /**
   * Passes a number the cell wrote as a float (floatKnown) or a tensor's `.item()` on as src/pyrepr.ts's
   * PyFloat to the consumer around it (a list or dict literal, `xs.append`, isinstance, str.format, `%`,
   * print), which takes the number out and keeps that it is Python's float. Whether it did.
   */
  const noteFloat = (node: ts.Node): boolean => {
    const n = strip(node);
    if (itemCall(n)) {
      const untyped = untypedItem(n);
      if (untyped !== null) wrap(n, `${DYNAMIC_REF}.item_value(${untyped.text}, `, ")");
      else wrap((n.expression as ts.PropertyAccessExpression).expression, `${DYNAMIC_REF}.item_of(`, ")");
      return true;
    }
    if (floatKnown(n)) {
      wrap(n, `${DYNAMIC_REF}.py_float(`, ")");
      return true;
    }
    const key = floatVarKey(n);
    if (key !== null) {
      wrap(n, `${DYNAMIC_REF}.name_float(${JSON.stringify(key)}, `, ")");
      const decl = checker.getSymbolAtLocation(n)?.valueDeclaration;
      if (decl && t.isParameter(decl)) paramsRead.add(decl);
      return true;
    }
    if (callFloat(n)) {
      wrap(n, `${DYNAMIC_REF}.call_float(${DYNAMIC_REF}.call_begin(), `, ")");
      return true;
    }
    if (numpyScalar(n)) {
      wrap(n, `${DYNAMIC_REF}.np_scalar(${DYNAMIC_REF}.np_begin(), `, ")");
      return true;
    }
    if (arithFloat(n) && n.operatorToken.kind === K.SlashToken) {
      wrap(n, `${DYNAMIC_REF}.float_div(`, ")");
      return true;
    }
    if (arithFloat(n)) {
      wrap(n, `${DYNAMIC_REF}.float_arith(`, ")");
      wrap(n.left, `${DYNAMIC_REF}.float_left(`, ")");
      noteIfFloat(n.left);
      wrap(n.right, `${DYNAMIC_REF}.float_right(`, ")");
      noteIfFloat(n.right);
      return true;
    }
    const helper = builtinFloat(n);
    if (helper !== null) {
      const call = n as ts.CallExpression;
      wrap(call.expression, `${DYNAMIC_REF}.${helper}(`, ")");
      for (const a of call.arguments) noteIfFloat(a);
      return true;
    }
    const index = floatIndex(n);
    if (index !== null) {
      wrap(n, `${DYNAMIC_REF}.attr_float(${index.list.getText(sf)}, ${index.at.getText(sf)}, `, ")");
      return true;
    }
    const attr = floatAttr(n);
    if (attr === null) return false;
    wrap(n, `${DYNAMIC_REF}.attr_float(${attr.object.getText(sf)}, ${JSON.stringify(attr.key)}, `, ")");
    return true;
  };
  /** `ys[2]`, `xs[i]` of a list of numbers named by a variable: its float marks tell whether the item is Python's float (`sorted([3.0, 1.0])[0]` is `1.0`). */
  const floatIndex = (node: ts.Node): { list: ts.Identifier; at: ts.Expression } | null => {
    const n = strip(node);
    if (kindOf(n) !== "number" && kindOf(n) !== "any") return null;
    // `accs[-1]` (an earlier pass made it `accs.at(-1)`) of an untyped list too: attr_float counts a negative index from the end.
    const at = t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && n.expression.name.text === "at" && !n.questionDotToken && n.arguments.length === 1 && negativeLiteral(n.arguments[0]);
    const read =
      t.isElementAccessExpression(n) && (!plans.has(n) || sequencePlans.has(n)) && !n.questionDotToken && (t.isNumericLiteral(n.argumentExpression) || t.isIdentifier(n.argumentExpression)) ? { list: n.expression, at: n.argumentExpression } :
      at ? { list: ((n as ts.CallExpression).expression as ts.PropertyAccessExpression).expression, at: (n as ts.CallExpression).arguments[0] } :
      null;
    if (read === null || !t.isIdentifier(read.list)) return null;
    const type = checker.getTypeAtLocation(read.list);
    return checker.isArrayType(type) || checker.isTupleType(type) ? { list: read.list, at: read.at } : null;
  };
  /**
   * A number-typed variable declared `let x = ...` (not a loop's, a parameter or a destructuring), whose
   * float dynamic_ops records as the cell runs (name_value): its name there, or null. A top-level
   * variable (this cell's, or an earlier cell's, declared before the cell in the same file) is the
   * notebook's name; a function's local is named apart.
   */
  const floatVarKey = (node: ts.Node, seen: Set<ts.Symbol> = new Set()): string | null => {
    const n = strip(node);
    if (!t.isIdentifier(n) || !numberish(n)) return null;
    const symbol = checker.getSymbolAtLocation(n);
    const decl = symbol?.valueDeclaration;
    // A notebook function's number parameter: recorded on entry from what the caller passed (pyFunction).
    if (decl && t.isParameter(decl) && floatParam(decl) && pyFunction(decl.parent) && decl.parent.body !== undefined) return `${n.text} (local)`;
    // An untyped variable only where the cell declares it (an earlier cell's `any` may hold anything), or
    // where the cell unpacks a notebook function's tuple into it (`[total_loss, acc] = loss()` in a training
    // loop after micrograd's `let [total_loss, acc] = loss()`): each write of the cell records it then.
    if (kindOf(n) === "any" && !(decl && inCell(decl))) return symbol && decl && notebookDecl(decl) && unpackedFromCall(symbol) ? n.text : null;
    // `for (const v of [1.0, 2.5])`: a loop variable over a list of numbers, recorded item by item as it runs (float_items).
    const loop = decl && t.isVariableDeclaration(decl) && t.isIdentifier(decl.name) ? floatLoop(decl) : null;
    if (loop !== null) return t.isSourceFile(loop.parent) ? `${n.text} (for)` : `${n.text} (local)`;
    const unpacked = decl ? unpacking(decl) : null;
    if (unpacked !== null) return unpackedNumber(unpacked, n) ? floatUnpackedKey(unpacked, n.text) : null;
    if (!symbol || !decl || !t.isVariableDeclaration(decl) || !t.isIdentifier(decl.name) || !t.isVariableStatement(decl.parent.parent)) return null;
    // An earlier cell's variable may hold a float; one of this cell's only when the cell writes one there
    // (a write that reads the variable itself, `best = max(best, a)`, does not decide it).
    if (inCell(decl)) {
      if (deciding.has(symbol)) return null;
      deciding.add(symbol);
      const written = floatWritten(symbol, seen);
      deciding.delete(symbol);
      if (!written) return null;
    }
    return t.isSourceFile(decl.parent.parent.parent) ? n.text : `${n.text} (local)`;
  };
  /**
   * The declaration `const [a, b] = f()` or loop `for (const [k, v] of d.items())` whose array pattern
   * binds `decl` (a name of it, not nested): each name there is recorded from the tuple's float marks
   * as it is unpacked (names_value, float_unpacked), Python's `a, b = f()`.
   */
  const unpacking = (decl: ts.Node): ts.VariableDeclaration | null => {
    if (!t.isBindingElement(decl) || !t.isIdentifier(decl.name) || decl.dotDotDotToken || decl.initializer || !t.isArrayBindingPattern(decl.parent)) return null;
    const v = decl.parent.parent;
    if (!t.isVariableDeclaration(v) || !inCell(v) || !t.isVariableDeclarationList(v.parent) || v.parent.declarations.length !== 1) return null;
    const owner = v.parent.parent;
    // A declaration's tuple is one a notebook function returned (`loss, acc = evaluate()`), whose floats py_tuple marked.
    const init = v.initializer === undefined ? undefined : strip(v.initializer);
    const returned = init !== undefined && t.isCallExpression(init) && pyFunction(checker.getResolvedSignature(init)?.declaration);
    // `const [mn, mx] = [min(xs), max(xs)]` (Python's `mn, mx = min(xs), max(xs)`): its items' floats, noted as a tuple's.
    const items = init !== undefined && dynamicCall(init, "names_value") ? (init as ts.CallExpression).arguments[1] : (init as ts.Expression | undefined);
    // (Only where an item may be a float: `[tl, ta] = [0, 0]` is two ints, as JavaScript's numbers print.)
    const elements = decl.parent.elements;
    const itemAt = (i: number): ts.Expression | undefined => (items === undefined ? undefined : tupleItem(items, elements, i));
    const mayFloat = (item: ts.Expression | undefined): boolean => item !== undefined && (floatKnown(item) || runtimeFloat(item));
    const listed = itemAt(elements.indexOf(decl)) !== undefined && elements.some((_, i) => mayFloat(itemAt(i)));
    return (t.isVariableStatement(owner) && (returned || listed)) || (t.isForOfStatement(owner) && owner.initializer === v.parent && !owner.awaitModifier) ? v : null;
  };
  /**
   * Whether `name`, unpacked by `v`, may be a number: typed one, untyped from a notebook function's tuple,
   * or untyped in a loop over an untyped dict's
   * items (`for (const [k, v] of d.items())` of `const d: any = {'lr': 1.0}`) or over enumerate / zip
   * of an untyped list (`enumerate(xs[':2'])`).
   */
  const unpackedNumber = (v: ts.VariableDeclaration, name: ts.Identifier): boolean => {
    if (kindOf(name) === "number") return true;
    const owner = v.parent.parent;
    if (kindOf(name) !== "any") return false;
    // A notebook function's tuple (unpacking), micrograd's `return [total_loss, acc]` of a Value and a number.
    if (!t.isForOfStatement(owner)) return true;
    // `d.items()`, or live_globals' `attribute(d, d.items, "items")()` that kernel/call_dunder.ts made of it.
    let items = strip(owner.expression);
    if (dynamicCall(items, "float_unpacked")) items = strip((items as ts.CallExpression).arguments[1]);
    if (!t.isCallExpression(items)) return false;
    const callee = strip(items.expression);
    if (t.isIdentifier(callee) && (callee.text === "enumerate" || callee.text === "zip")) return libraryFile(checker.getResolvedSignature(items)?.declaration?.getSourceFile().fileName ?? "", BUILTINS_FILE);
    if (items.arguments.length > 0) return false;
    return t.isPropertyAccessExpression(callee) ? callee.name.text === "items" : liveAttribute(callee, "items");
  };
  /** The record's name of `name` unpacked by `v`: the notebook's for a top-level declaration or loop, a function's local apart. */
  const floatUnpackedKey = (v: ts.VariableDeclaration, name: string): string => {
    const owner = v.parent.parent;
    if (t.isForOfStatement(owner)) return t.isSourceFile(owner.parent) ? `${name} (for)` : `${name} (local)`;
    return t.isSourceFile(owner.parent) ? name : `${name} (local)`;
  };
  /** The for-of loop `decl` is the one variable of, when it runs over an array of numbers (Python's list of floats maybe). */
  const floatLoop = (decl: ts.VariableDeclaration): ts.ForOfStatement | null => {
    const list = decl.parent;
    const loop = list?.parent;
    if (!t.isVariableDeclarationList(list) || list.declarations.length !== 1 || !loop || !t.isForOfStatement(loop) || loop.initializer !== list || loop.awaitModifier) return null;
    if (!inCell(loop)) return null;
    const type = checker.getTypeAtLocation(loop.expression);
    const item = checker.isArrayType(type) || checker.isTupleType(type) ? checker.getIndexTypeOfType(type, t.IndexKind.Number) : undefined;
    // An untyped list's items too (`accs = []` then `accs.append(100 * correct / total)`; `for a in accs: best = a`):
    // float_items records only the numbers among them.
    return item !== undefined && (item.flags & (t.TypeFlags.NumberLike | t.TypeFlags.Any)) !== 0 ? loop : null;
  };
  /** Whether the loop variable `name` is read in its loop other than as an index (`xs[i]` shows no float): only then is it recorded. */
  const floatRead = (name: ts.Identifier): boolean => {
    const symbol = checker.getSymbolAtLocation(name);
    const loop = name.parent.parent.parent as ts.ForOfStatement;
    let read = false;
    const visit = (m: ts.Node): void => {
      if (read) return;
      if (t.isIdentifier(m) && m !== name && checker.getSymbolAtLocation(m) === symbol && !(t.isElementAccessExpression(m.parent) && m.parent.argumentExpression === m)) read = true;
      m.forEachChild(visit);
    };
    visit(loop.statement);
    return read;
  };
  /** The variables whose writes floatVarKey is looking through now (a write may read the variable again). */
  const deciding = new Set<ts.Symbol>();
  /** Whether a declaration is this cell's (an earlier cell's is declared in tslab's file of declarations, or before the cell). */
  const inCell = (decl: ts.Node): boolean => decl.getSourceFile() === sf && decl.getStart(sf) >= offset;
  /** Whether the cell writes a float (a float as written, a tensor's `.item()`, a variable's float) to a variable, or divides it in place. */
  // Each variable's writes in the cell (initializers and assignments), found in one walk of the file
  // when first asked: looking for one variable's writes by walking the file for each was quadratic (a
  // cell of 3,000 declarations took 80 s instead of 2).
  let writesOf: Map<ts.Symbol, ts.Node[]> | null = null;
  const variableWrites = (symbol: ts.Symbol): ts.Node[] => {
    if (writesOf === null) {
      const found = new Map<ts.Symbol, ts.Node[]>();
      const add = (name: ts.Node, write: ts.Node): void => {
        const s = checker.getSymbolAtLocation(name);
        if (s === undefined) return;
        const list = found.get(s);
        if (list === undefined) found.set(s, [write]);
        else list.push(write);
      };
      const visit = (m: ts.Node): void => {
        if (t.isVariableDeclaration(m) && m.initializer && t.isIdentifier(m.name)) add(m.name, m);
        else if (t.isBinaryExpression(m) && t.isIdentifier(strip(m.left))) add(strip(m.left), m);
        else if (t.isBinaryExpression(m) && m.operatorToken.kind === K.EqualsToken && t.isArrayLiteralExpression(strip(m.left))) {
          for (const e of (strip(m.left) as ts.ArrayLiteralExpression).elements) if (t.isIdentifier(e)) add(e, m);
        }
        t.forEachChild(m, visit);
      };
      visit(sf);
      writesOf = found;
    }
    return writesOf.get(symbol) ?? [];
  };
  /** Whether the cell writes a notebook function's tuple into the variable (`[loss, acc] = evaluate()`), recorded by names_value. */
  const unpackedFromCall = (symbol: ts.Symbol): boolean =>
    variableWrites(symbol).some((m) => {
      if (!t.isBinaryExpression(m) || m.operatorToken.kind !== K.EqualsToken || !t.isArrayLiteralExpression(strip(m.left))) return false;
      const right = strip(m.right);
      return dynamicCall(right, "names_value") || (t.isCallExpression(right) && pyFunction(checker.getResolvedSignature(right)?.declaration));
    });
  const floatWritten = (symbol: ts.Symbol, seen: Set<ts.Symbol>): boolean => {
    if (seen.has(symbol)) return false;
    seen.add(symbol);
    const floatish = (e: ts.Node): boolean =>
      floatKnown(e) || itemCall(e) || dynamicCall(e, "name_value") || dynamicCall(e, "name_op") || floatVarKey(e, seen) !== null ||
      callFloat(e) || builtinFloat(e) !== null || numpyScalar(e) || arithFloat(e);
    // In the file's order, the first write that decides, as the walk did.
    for (const m of variableWrites(symbol)) {
      if (t.isVariableDeclaration(m) && m.initializer) {
        if (floatish(m.initializer)) return true;
      } else if (t.isBinaryExpression(m)) {
        const op = m.operatorToken.kind;
        // `[loss, acc] = evaluate()`: a notebook function's tuple may hold floats (names_value reads its marks).
        if (op === K.EqualsToken && t.isArrayLiteralExpression(strip(m.left))) {
          if (unpackedFromCall(symbol)) return true;
        } else if (op === K.EqualsToken || op === K.PlusEqualsToken || op === K.MinusEqualsToken || op === K.AsteriskEqualsToken) {
          if (floatish(m.right)) return true;
        } else if (op === K.SlashEqualsToken && kindOf(m.right) === "number") return true;
      }
    }
    return false;
  };
  /** `obj.attr` or `d['key']` of a number on `this` or a name (`self.lr`, `cfg['lr']`): where dynamic_ops marks its float (attr_value). */
  const floatAttr = (node: ts.Node): { object: ts.Expression; key: string } | null => {
    const n = strip(node);
    const plain = (e: ts.Expression): boolean => e.kind === K.ThisKeyword || t.isIdentifier(e);
    // `d.get('lr')` (an earlier pass's dict_get, typed `number | null`) reads the key as `d['lr']` does.
    if (t.isCallExpression(n) && dynamicCall(n, "dict_get") && numberish(n) && plain(n.arguments[0]) && t.isStringLiteral(n.arguments[1] ?? n)) {
      return floatKey({ object: n.arguments[0], key: (n.arguments[1] as ts.StringLiteral).text }, n);
    }
    if (kindOf(n) !== "number" && kindOf(n) !== "any") return null;
    const attr =
      t.isPropertyAccessExpression(n) && !n.questionDotToken && t.isIdentifier(n.name) && plain(n.expression) ? { object: n.expression, key: n.name.text } :
      t.isElementAccessExpression(n) && plain(n.expression) && t.isStringLiteral(n.argumentExpression) && !plans.has(n) ? { object: n.expression, key: n.argumentExpression.text } :
      null;
    if (attr !== null) return floatKey(attr, n);
    // `optimizer.param_groups[0]['lr']`: a typed path of names and literal subscripts, read again as written;
    // only the run's marks (src/optim/optimizer.ts marks a group's lr) make it a float.
    const path = (e: ts.Expression): boolean =>
      plain(e) ||
      (t.isPropertyAccessExpression(e) && !e.questionDotToken && t.isIdentifier(e.name) && kindOf(e) === "other" && path(e.expression)) ||
      (t.isElementAccessExpression(e) && !e.questionDotToken && !plans.has(e) && kindOf(e) === "other" && kindOf(e.expression) === "other" &&
        (t.isNumericLiteral(e.argumentExpression) || t.isStringLiteral(e.argumentExpression)) && path(e.expression));
    if (kindOf(n) !== "number" || plans.has(n)) return null;
    const read =
      t.isPropertyAccessExpression(n) && !n.questionDotToken && t.isIdentifier(n.name) ? { object: n.expression, key: n.name.text } :
      t.isElementAccessExpression(n) && !n.questionDotToken && t.isStringLiteral(n.argumentExpression) ? { object: n.expression, key: n.argumentExpression.text } :
      null;
    return read !== null && read.key !== "length" && !plain(read.object) && path(read.object) ? read : null;
  };
  /** `attr` (read at `n`) when it may hold a float. */
  const floatKey = (attr: { object: ts.Expression; key: string }, n: ts.Node): { object: ts.Expression; key: string } | null => {
    // A variable of an earlier cell's (`cfg`, `model`) may hold a float there; `this` or one of this
    // cell's only when the cell writes a float under that key (`self.lr = 1.0`, `{'lr': 1.0}`).
    const decl = t.isIdentifier(attr.object) ? checker.getSymbolAtLocation(attr.object)?.valueDeclaration : undefined;
    if (decl && t.isVariableDeclaration(decl) && !inCell(decl)) return kindOf(n) === "number" || t.isCallExpression(n) ? attr : null;
    // `for (const g of optimizer.param_groups) print(g['lr'])`: an item of what the cell did not write, whose marks tell.
    const loop = decl && t.isVariableDeclaration(decl) ? decl.parent.parent : undefined;
    if (loop && t.isForOfStatement(loop) && !t.isArrayLiteralExpression(strip(loop.expression)) && (kindOf(n) === "number" || kindOf(n) === "any")) return attr;
    const found = keyWrites(attr.key).some((m) =>
      t.isBinaryExpression(m) ? m.operatorToken.kind === K.SlashEqualsToken || floatKnown(m.right) || itemCall(m.right) || floatVarKey(m.right) !== null || dynamicCall(m.right, "attr_value") || dynamicCall(m.right, "attr_op") : floatKnown((m as ts.PropertyAssignment).initializer),
    );
    return found ? attr : null;
  };
  // The cell's writes under each attribute or dict key (`x.key = v`, `x['key'] = v`, `{key: v}`), in one
  // walk of the file when first asked (a walk per read was quadratic, as for variables).
  let writesByKey: Map<string, ts.Node[]> | null = null;
  const keyWrites = (key: string): ts.Node[] => {
    if (writesByKey === null) {
      const found = new Map<string, ts.Node[]>();
      const add = (k: string, write: ts.Node): void => {
        const list = found.get(k);
        if (list === undefined) found.set(k, [write]);
        else list.push(write);
      };
      const visit = (m: ts.Node): void => {
        // `self.total += v` too: a float added keeps the key a float.
        if (t.isBinaryExpression(m) && [K.EqualsToken, K.PlusEqualsToken, K.MinusEqualsToken, K.AsteriskEqualsToken, K.SlashEqualsToken].includes(m.operatorToken.kind)) {
          const left = strip(m.left);
          const k = t.isPropertyAccessExpression(left) ? left.name.text : t.isElementAccessExpression(left) && t.isStringLiteral(left.argumentExpression) ? left.argumentExpression.text : null;
          if (k !== null) add(k, m);
        } else if (t.isPropertyAssignment(m) && (t.isIdentifier(m.name) || t.isStringLiteral(m.name))) add(m.name.text, m);
        t.forEachChild(m, visit);
      };
      visit(sf);
      writesByKey = found;
    }
    return writesByKey.get(key) ?? [];
  };
  /** `xs.sort(...)` or `xs.reverse()` of a list: Python's in-place list methods, which return None. */
  const inPlaceListCall = (n: ts.CallExpression): boolean => {
    const callee = n.expression;
    if (!t.isPropertyAccessExpression(callee) || !t.isIdentifier(callee.name)) return false;
    if (callee.name.text !== "sort" && callee.name.text !== "reverse") return false;
    const type = checker.getTypeAtLocation(strip(callee.expression));
    return !(type.flags & (t.TypeFlags.Any | t.TypeFlags.Unknown)) && checker.isArrayLikeType(type) && classKind(t, checker, type) === null;
  };
  /** A number whose Python type only the run can tell: a tensor's `.item()`, a variable's or an attribute's value. */
  const runtimeFloat = (node: ts.Node): boolean =>
    itemCall(node) || floatVarKey(node) !== null || floatAttr(node) !== null || callFloat(node) || arithFloat(node) || builtinFloat(node) !== null || numpyScalar(node);
  /** Whether `n` is already a number the float records pass on (an earlier pass's wrapper), not to be noted again. */
  const noted = (n: ts.Node): boolean =>
    ["py_float", "name_float", "attr_float", "call_float", "float_arith", "float_div", "np_scalar", "arg_float", "item_value"].some((f) => dynamicCall(n, f)) ||
    (dynamicCall(n, "args_done") && (strip(n) as ts.CallExpression).arguments.length > 0 && noted((strip(n) as ts.CallExpression).arguments[0]));
  /** noteFloat where `n` is a float as written or one the run tells, unless an earlier pass noted it. */
  const noteIfFloat = (n: ts.Node): void => {
    if (!noted(n) && (floatKnown(n) || runtimeFloat(n))) noteFloat(n);
  };
  /** A number, or `any`, or a union with a number among its members (NumPy's reductions: `ndarray | number | boolean`). */
  const numberish = (node: ts.Node): boolean => {
    const kind = kindOf(node);
    if (kind === "number" || kind === "any") return true;
    const type = checker.getTypeAtLocation(strip(node));
    return type.isUnion() && type.types.some((m) => (m.flags & t.TypeFlags.NumberLike) !== 0);
  };
  /** Whether a declaration is the notebook's: this cell's, or an earlier cell's (tslab's __prev__.d.ts), not the library's. */
  const notebookDecl = (d: ts.Node): boolean => d.getSourceFile() === sf || /(^|\/)__prev__\.d\.ts$/.test(d.getSourceFile().fileName);
  /**
   * A notebook function as Python's `def` is written in the dialect (a function declaration, a method,
   * a constructor): Python's floats cross its calls, as JavaScript's numbers cannot say. A caller notes
   * which arguments it passes as floats (arg_float, for the call's duration: args_done), a parameter
   * read where its Python type shows records on entry whether it got one (param_float), and a function
   * that may return a float records whether its return was one (ret_value) for the call's result
   * (call_float). The caller's side reads the declaration alone, so an earlier cell's function (in
   * __prev__.d.ts, without its body) is called the same way.
   */
  const pyFunction = (d: ts.Node | undefined): d is ts.FunctionDeclaration | ts.MethodDeclaration | ts.ConstructorDeclaration =>
    d !== undefined && (t.isFunctionDeclaration(d) || t.isMethodDeclaration(d) || t.isConstructorDeclaration(d)) && notebookDecl(d) && (d.getSourceFile() !== sf || d.body !== undefined);
  /** A parameter that a number may be passed to (typed a number or untyped): the float records' on entry. */
  const floatParam = (p: ts.ParameterDeclaration | undefined): boolean =>
    !!p && t.isIdentifier(p.name) && !p.dotDotDotToken && !p.modifiers?.length && p.name.text !== "this" && (kindOf(p.name) === "number" || kindOf(p.name) === "any");
  /** The parameters read where their float shows (noteFloat's name_float), whose entry records it (param_float). */
  const paramsRead = new Set<ts.ParameterDeclaration>();
  /** `D.param_float("v (local)", 0, v);` for a parameter read so, unless an earlier pass wrote it. */
  const parameterRecord = (p: ts.ParameterDeclaration): string | null => {
    const fn = p.parent as ts.FunctionDeclaration | ts.MethodDeclaration | ts.ConstructorDeclaration;
    const name = (p.name as ts.Identifier).text;
    const key = JSON.stringify(`${name} (local)`);
    const recorded = fn.body!.statements.some((st) => t.isExpressionStatement(st) && dynamicCall(st.expression, "param_float") && (st.expression as ts.CallExpression).arguments[0]?.getText(sf) === key);
    const i = fn.parameters.indexOf(p);
    // A default written as a float (`b = 2.0`) is the float when the call leaves the argument out.
    const defaulted = p.initializer && floatKnown(p.initializer) ? `, arguments.length <= ${i}` : "";
    return recorded ? null : `${DYNAMIC_REF}.param_float(${key}, ${i}, ${name}${defaulted});`;
  };
  /** Whether a notebook function returns a float anywhere (its returns then record it: ret_value). */
  const returnsFloat = new Map<ts.Node, boolean>();
  const floatReturning = (fn: ts.SignatureDeclaration): boolean => {
    let found = returnsFloat.get(fn);
    if (found !== undefined) return found;
    found = false;
    const visit = (m: ts.Node): void => {
      if (found || (m !== fn && t.isFunctionLike(m))) return;
      if (t.isReturnStatement(m) && m.expression && (dynamicCall(m.expression, "ret_value") || floatKnown(m.expression) || runtimeFloat(m.expression))) found = true;
      else t.forEachChild(m, visit);
    };
    t.forEachChild(fn, visit);
    returnsFloat.set(fn, found);
    return found;
  };
  /** The function-like that a node is inside. */
  const enclosingFunction = (n: ts.Node): ts.SignatureDeclaration | undefined => {
    for (let p = n.parent; p; p = p.parent) if (t.isFunctionLike(p)) return p;
    return undefined;
  };
  /** `f(...)` of a notebook function (pyFunction, not a generator) whose result may be a number: a float when its return was one (call_float). */
  const callFloat = (node: ts.Node): boolean => {
    let n = strip(node);
    if (dynamicCall(n, "args_done")) n = strip((n as ts.CallExpression).arguments[0]);
    if (!t.isCallExpression(n) || !numberish(n) || n.expression.kind === K.SuperKeyword) return false;
    const decl = checker.getResolvedSignature(n)?.declaration;
    return pyFunction(decl) && !t.isConstructorDeclaration(decl) && !decl.asteriskToken;
  };
  /** `a + b`, `a - b`, `a * b` of numbers with an operand whose float only the run tells (`x + loss.item()`). */
  const arithFloat = (node: ts.Node): node is ts.BinaryExpression => {
    const n = strip(node);
    if (!t.isBinaryExpression(n) || ![K.PlusToken, K.MinusToken, K.AsteriskToken, K.SlashToken].includes(n.operatorToken.kind)) return false;
    // An untyped operand (a parameter's `x * 2`) is dispatched at run time (dynamic_ops.op): a number there is noted as a typed one.
    const numeric = (e: ts.Node): boolean => kindOf(e) === "number" || kindOf(e) === "any";
    if (!numeric(n) || !numeric(n.left) || !numeric(n.right) || floatKnown(n) || (plans.has(n) && plans.get(n)!.result !== "any")) return false;
    // Python's `/` is always a float (`c / n` of untyped ints is 2.0).
    if (n.operatorToken.kind === K.SlashToken) return kindOf(n.left) === "any" || kindOf(n.right) === "any";
    return arithOperand(n.left) || arithOperand(n.right);
  };
  /** An operand whose float the run tells, but not an earlier cell's variable alone (`1 + 2 * n` stays JavaScript's). */
  const arithOperand = (e: ts.Node): boolean => {
    const n = strip(e);
    const symbol = t.isIdentifier(n) ? checker.getSymbolAtLocation(n) : undefined;
    const decl = symbol?.valueDeclaration;
    // (Unless the cell unpacks a notebook function's tuple into it: `${acc*100}` after `[total_loss, acc] = loss()`.)
    if (decl && t.isVariableDeclaration(decl) && !inCell(decl) && !unpackedFromCall(symbol!)) return false;
    return runtimeFloat(n);
  };
  /**
   * Python's max / min / sum / abs (or Math.max / Math.min), or round with digits, of numbers where an
   * argument may be a float (`max(a, 1.0)`, `sum(losses)` of a list holding floats): dynamic_ops' helper
   * that tells the result's float, or null.
   */
  const builtinFloat = (node: ts.Node): string | null => {
    const n = strip(node);
    if (!t.isCallExpression(n) || n.arguments.some((a) => t.isSpreadElement(a))) return null;
    // `sum(losses)` of an untyped list (`losses = []` then appended to) is untyped too.
    if (kindOf(n) !== "number" && !(kindOf(n) === "any" && n.arguments.length === 1 && isListType(n.arguments[0]))) return null;
    const callee = n.expression;
    let helper: string | null = null;
    if (t.isPropertyAccessExpression(callee) && t.isIdentifier(callee.expression) && callee.expression.text === "Math") {
      helper = callee.name.text === "max" || callee.name.text === "min" ? "float_extreme" : null;
    } else if (t.isIdentifier(callee)) {
      const file = checker.getResolvedSignature(n)?.declaration?.getSourceFile().fileName ?? "";
      if (!libraryFile(file, BUILTINS_FILE)) return null;
      const name = callee.text;
      helper = name === "max" || name === "min" ? "float_extreme" : name === "sum" ? "float_sum" : name === "abs" || (name === "round" && n.arguments.length === 2) ? "float_keep" : null;
    }
    if (helper === null) return null;
    const floatArgument = (a: ts.Expression): boolean => noted(a) || floatKnown(a) || runtimeFloat(a) || (helper !== "float_keep" && isListType(a));
    return n.arguments.some(floatArgument) ? helper : null;
  };
  /** A NumPy array's get / index (`a[1]`, `a[1, 0]`, as written or already rewritten), or a run-time getitem of one (`a[1][0]`). */
  const ndarrayRead = (e: ts.Expression): boolean =>
    (t.isElementAccessExpression(e) && plans.get(e)?.result === "any" && isNdarray(e.expression)) ||
    (t.isCallExpression(e) &&
      ((t.isPropertyAccessExpression(e.expression) && ["get", "index"].includes(e.expression.name.text) && isNdarray(e.expression.expression)) ||
        (dynamicCall(e, "getitem") && e.arguments.length === 2 && ndarrayRead(strip(e.arguments[0]) as ts.Expression))));
  /**
   * A scalar from NumPy, scikit-learn or pandas (`np.mean(xs)`, `a.sum()`, `accuracy_score(y, p)`, `np.float64(2)`, `df['Age'].mean()`):
   * NumPy's float64 scalar prints `1.0`, which only the run tells (src/pyrepr.ts's numpyScalar record).
   */
  const numpyScalar = (node: ts.Node): boolean => {
    const n = strip(node);
    if (t.isElementAccessExpression(n)) return ndarrayRead(n);
    if (!t.isCallExpression(n) || !numberish(n)) return false;
    if (kindOf(n) === "any") {
      // `b[0]`, `a[0, 1]` of a NumPy array (its get / index, typed any), and `a[1][0]` (a getitem of its row): an element is NumPy's scalar (`1.0` of a float array).
      if (ndarrayRead(n)) return true;
      // `s.iloc[0]`, `df['W'][1]` (an earlier pass's getitem) of a key that calls nothing: a Series' value is NumPy's scalar too.
      if (dynamicCall(n, "getitem")) {
        const [from, key] = n.arguments.map(strip);
        const series = t.isPropertyAccessExpression(from) ? ["iloc", "loc", "iat", "at"].includes(from.name.text) : dynamicCall(from, "getitem") && t.isStringLiteral((from as ts.CallExpression).arguments[1] ?? from);
        return n.arguments.length === 2 && series && (t.isLiteralExpression(key) || t.isIdentifier(key));
      }
      return t.isPropertyAccessExpression(n.expression) && PANDAS_SCALARS.has(n.expression.name.text) && kindOf(n.expression.expression) === "any";
    }
    if (t.isPropertyAccessExpression(n.expression) && n.expression.name.text === "item") return false;
    const file = checker.getResolvedSignature(n)?.declaration?.getSourceFile().fileName ?? "";
    return libraryFile(file, NUMPY_SCALAR_FILE);
  };
  /**
   * Whether a list or dict literal is a value that a cell may print: a variable's, an assignment's, a
   * return's, an item of another such literal, or an argument of print / str / repr / list / sum / max /
   * min / sorted / dict, `xs.append` / `xs.extend` / `xs.insert`, str.format or `%`. A library call's
   * options or data are left as they are: a call around them would confuse its overloads.
   */
  /** The symbol a callee names (an import's alias followed) and the file declaring it. */
  const calleeSymbol = (callee: ts.Node): [ts.Symbol, string] | undefined => {
    const at = t.isPropertyAccessExpression(callee) ? callee.name : callee;
    let sym = checker.getSymbolAtLocation(at);
    if (sym && sym.flags & t.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    const file = sym?.declarations?.[0]?.getSourceFile().fileName;
    return sym && file ? [sym, file] : undefined;
  };
  /** Whether a call's callee is pandas' (`pd.Series`, `pd.DataFrame`, `df.fillna`) or the statistics module's. */
  const pandasCallee = (callee: ts.Expression): boolean => {
    const found = calleeSymbol(callee);
    return !!found && (libraryFile(found[1], PANDAS_SOURCE) || libraryFile(found[1], STATISTICS_SOURCE));
  };
  const printable = (n: ts.Node): boolean => {
    let child = n;
    for (let p = n.parent; p; child = p, p = p.parent) {
      if (t.isArrayLiteralExpression(p) || t.isParenthesizedExpression(p) || t.isPropertyAssignment(p) || t.isObjectLiteralExpression(p)) continue;
      if (t.isExpressionStatement(p)) return cellValue(p);
      if (t.isVariableDeclaration(p)) return p.initializer === child;
      if (t.isBinaryExpression(p)) return p.right === child && (p.operatorToken.kind === K.EqualsToken || (p.operatorToken.kind === K.PercentToken && kindOf(p.left) === "string"));
      if (t.isReturnStatement(p) || t.isPropertyDeclaration(p)) return true;
      if ((t.isCallExpression(p) || t.isNewExpression(p)) && p.expression !== child && pandasCallee(p.expression)) return true;
      // `for (const v of [1.0, 2.5])`: its variable is recorded item by item (float_items).
      if (t.isForOfStatement(p)) return p.expression === child;
      if (t.isCallExpression(p) && p.expression !== child) {
        const callee = p.expression;
        if (dynamicCall(p, "float_items")) return true;
        // `show([2.0, 3])` of the cell's own function: the list it loops over or prints.
        const own = t.isIdentifier(callee) ? checker.getSymbolAtLocation(callee)?.valueDeclaration : undefined;
        if (own && t.isFunctionDeclaration(own) && own.getSourceFile() === sf) return true;
        if (t.isIdentifier(callee)) return ["print", "str", "repr", "list", "sum", "max", "min", "sorted", "dict", "map"].includes(callee.text);
        return t.isPropertyAccessExpression(callee) && ["append", "extend", "insert", "format"].includes(callee.name.text) && !dynamicCall(p, "floats");
      }
      return false;
    }
    return false;
  };
  /** The cell's last statement, an expression whose value the cell shows as IPython shows Python's (`600 / 100` is `6.0`). */
  const cellValue = (s: ts.ExpressionStatement): boolean => {
    if (s.parent !== sf || s.getStart(sf) < offset) return false;
    const rest = sf.statements.slice(sf.statements.indexOf(s) + 1);
    return rest.every((r) => t.isEmptyStatement(r));
  };
  /**
   * `xs.map((v) => v * 2)`, Python's `[v * 2 for v in xs]`, where the list it makes may be printed
   * (printable): which of its items are Python's floats. The callback's result as written or a tensor's
   * item (`(v) => v / 2`, `(l) => l.item()`) comes back a PyFloat, marked by float_map; arithmetic on the
   * item itself (`via`: `v * 2`, `round(v, 2)`) is a float where the list's item was one (its marks).
   * A block body's returns count as its result (`(v) => { const y = v * 2; return y; }`).
   * Returns the callback's results to note, or null when the call is not such a map.
   */
  const floatMap = (n: ts.CallExpression): { bodies: ts.Expression[]; via: boolean } | null => {
    const callee = n.expression;
    if (!t.isPropertyAccessExpression(callee) || callee.name.text !== "map" || callee.questionDotToken || n.arguments.length !== 1 || dynamicCall(n.parent, "float_map")) return null;
    const fn = strip(n.arguments[0]);
    if (!t.isArrowFunction(fn) || fn.parameters.length === 0 || !t.isIdentifier(fn.parameters[0].name)) return null;
    const results = returnedValues(fn);
    if (results === null || results.some((r) => kindOf(r) !== "number" && kindOf(r) !== "any")) return null;
    const type = checker.getTypeAtLocation(strip(callee.expression));
    // Only an array's map is given PyFloats to mark (a Series' or a tensor's own map must not meet them);
    // a Python range's (`range(3).map(...)`, src/builtins.ts Range) makes a list too.
    const array = checker.isArrayType(type) || checker.isTupleType(type) || isBuiltinRange(type);
    if (!array && kindOf(callee.expression) !== "any") return null;
    if (assignedTo(n) || !printable(n)) return null;
    const item = checker.getSymbolAtLocation(fn.parameters[0].name);
    const viaItem = (e: ts.Node, depth = 0): boolean => {
      const m = strip(e);
      if (t.isIdentifier(m)) {
        const symbol = checker.getSymbolAtLocation(m);
        if (symbol === item) return true;
        // `const y = v * 2; return y` in a block-bodied callback: the local's value.
        const d = symbol?.valueDeclaration;
        return depth < 8 && !!d && t.isVariableDeclaration(d) && d.initializer !== undefined && (t.getCombinedNodeFlags(d) & t.NodeFlags.Const) !== 0 &&
          d.pos >= fn.pos && d.end <= fn.end && viaItem(d.initializer, depth + 1);
      }
      if (t.isPrefixUnaryExpression(m)) return (m.operator === K.MinusToken || m.operator === K.PlusToken) && viaItem(m.operand, depth);
      if (t.isBinaryExpression(m)) return [K.PlusToken, K.MinusToken, K.AsteriskToken, K.PercentToken, K.AsteriskAsteriskToken].includes(m.operatorToken.kind) && (viaItem(m.left, depth) || viaItem(m.right, depth));
      if (t.isCallExpression(m) && t.isIdentifier(m.expression) && ["abs", "round", "max", "min"].includes(m.expression.text)) {
        return (m.expression.text !== "round" || m.arguments.length === 2) && m.arguments.some((a) => viaItem(a, depth));
      }
      return false;
    };
    // (Not every float the run tells: a notebook function's call per item, micrograd's `n.__call__(x)`, stays as written.)
    const bodies = array ? results.filter((r) => kindOf(r) === "number" && (floatKnown(r) || itemCall(r))) : [];
    const via = rereadable(callee.expression) && results.every((r) => viaItem(r));
    return bodies.length > 0 || via ? { bodies, via } : null;
  };
  /** What a callback returns: its expression body, or each `return`'s value in its block (null where one returns nothing). */
  const returnedValues = (fn: ts.ArrowFunction): ts.Expression[] | null => {
    if (!t.isBlock(fn.body)) return [fn.body];
    const found: ts.Expression[] = [];
    let bare = false;
    const visit = (m: ts.Node): void => {
      if (t.isFunctionLike(m) || t.isClassLike(m)) return;
      if (t.isReturnStatement(m)) {
        if (m.expression) found.push(m.expression);
        else bare = true;
      }
      t.forEachChild(m, visit);
    };
    t.forEachChild(fn.body, visit);
    return found.length > 0 && !bare ? found : null;
  };
  /** Python's range (src/builtins.ts Range). */
  const isBuiltinRange = (type: ts.Type): boolean => {
    const symbol = type.getSymbol();
    return symbol?.getName() === "Range" && libraryFile(symbol.declarations?.[0]?.getSourceFile().fileName ?? "", BUILTINS_FILE);
  };
  /** A list literal typed as a tuple (`const p: [number, number] = [1.0, 2.0]`, `as const`), which a call around it could widen. */
  const tupleTyped = (n: ts.Expression): boolean => {
    if (t.isAsExpression(n.parent) || t.isTypeAssertionExpression(n.parent) || t.isSatisfiesExpression?.(n.parent)) return true;
    const ctx = checker.getContextualType(n);
    return !!ctx && (checker.isTupleType(ctx) || (ctx.isUnion() && ctx.types.some((m) => checker.isTupleType(m))));
  };
  /** Whether `n` (an `&&` / `||`) is used only for its truth: a condition, or an operand of one that is. */
  const truthOnly = (n: ts.Node): boolean => {
    let child = n;
    for (let p = n.parent; p; child = p, p = p.parent) {
      if (t.isParenthesizedExpression(p)) continue;
      if (t.isBinaryExpression(p) && (p.operatorToken.kind === K.AmpersandAmpersandToken || p.operatorToken.kind === K.BarBarToken)) continue;
      if (t.isPrefixUnaryExpression(p) && p.operator === K.ExclamationToken) return true;
      if ((t.isIfStatement(p) || t.isWhileStatement(p) || t.isDoStatement(p)) && p.expression === child) return true;
      if (t.isForStatement(p) && p.condition === child) return true;
      if (t.isConditionalExpression(p) && p.condition === child) return true;
      return false;
    }
    return false;
  };

  /** Whether `n` is already a call into kernel/float_literals.ts (an earlier pass's). */
  const floatsCall = (n: ts.Node): boolean => {
    const c = strip(n);
    return t.isCallExpression(c) && text.startsWith(FLOATS_REF, c.getStart(sf));
  };
  /** `t` as PyTorch promotes it against a float-written operand (`t * 2.0`); `inplace`: the method that writes t. */
  const floatOperand = (n: ts.Node, inplace?: string): void => {
    if (floatsCall(n)) return;
    if (inplace) wrap(n, `${FLOATS_REF}.floating_inplace(`, `, "${inplace}")`);
    else wrap(n, `${FLOATS_REF}.floating(`, ")");
  };
  /** Whether `n` is an options literal whose `alpha` is written as a float (`{alpha: 2.}`). */
  const floatAlpha = (n: ts.Node | undefined): boolean =>
    n !== undefined &&
    t.isObjectLiteralExpression(strip(n)) &&
    (strip(n) as ts.ObjectLiteralExpression).properties.some(
      (p) => t.isPropertyAssignment(p) && p.name.getText() === "alpha" && wholeFloatLiteral(t, p.initializer),
    );
  /** Whether clamp's bounds `args` (min, max, or an options literal) hold one written as a float. */
  const floatBounds = (args: readonly ts.Expression[]): boolean =>
    args.slice(0, 2).some((a) => {
      const o = strip(a);
      if (!t.isObjectLiteralExpression(o)) return wholeFloatLiteral(t, a);
      return o.properties.some((p) => t.isPropertyAssignment(p) && (p.name.getText() === "min" || p.name.getText() === "max") && wholeFloatLiteral(t, p.initializer));
    });
  /** `t.add(u, {alpha: 2.})`: PyTorch's error for an integer or bool t. */
  const floatAlphaOperand = (n: ts.Node): void => {
    if (!floatsCall(n)) wrap(n, `${FLOATS_REF}.floating_alpha(`, ")");
  };
  /** The name of torchlab's torch function `callee` refers to, if it is one. */
  const torchFunction = (callee: ts.Node): string | undefined => {
    const at = t.isPropertyAccessExpression(callee) ? callee.name : callee;
    let sym = checker.getSymbolAtLocation(at);
    if (sym && sym.flags & t.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    // Python's `from torch import tensor` is written `const tensor = torch.tensor`: a name whose type is
    // one of torch's functions (an earlier cell's const is only declared by its type) stands for it.
    const inTorch = (s: ts.Symbol | undefined) => {
      const file = s?.declarations?.[0]?.getSourceFile().fileName;
      return !!file && libraryFile(file, TORCH_FILE);
    };
    if (sym && inTorch(sym)) return sym.name;
    const decl = sym?.valueDeclaration;
    if (!decl || !t.isVariableDeclaration(decl) || !(t.getCombinedNodeFlags(decl) & t.NodeFlags.Const)) return undefined;
    const fn = checker.getTypeAtLocation(at).getSymbol();
    return fn && inTorch(fn) ? fn.name : undefined;
  };
  /** The name of src/numpy's function a callee is (`np.array`), or undefined. */
  const numpyFunction = (callee: ts.Node): string | undefined => {
    const found = calleeSymbol(callee);
    return found && libraryFile(found[1], NUMPY_FILE) ? found[0].name : undefined;
  };
  /** The default float dtype for a creation call: its options (`index`) wrapped, or options added after its last argument. */
  const floatCreation = (n: ts.CallExpression, index: number, helper: string): void => {
    const options = n.arguments[index];
    const last = n.arguments[n.arguments.length - 1];
    if (options === undefined) wrap(last, "", `, ${FLOATS_REF}.${helper}()`);
    else if (floatsCall(options)) return;
    // Python's keywords (`dtype=torch.float32, requires_grad=True`, placed later by
    // kernel/keyword_args.ts) all go to the helper, which takes them as the call's options.
    else if (isKeyword(t, options) && last !== options) {
      wrap(options, `${FLOATS_REF}.${helper}(`, "");
      wrap(last, "", ")");
    } else wrap(options, `${FLOATS_REF}.${helper}(`, ")");
  };
  const floatCall = (n: ts.CallExpression): void => {
    const args = n.arguments;
    if (args.length === 0 || args.some((a) => t.isSpreadElement(a)) || n.questionDotToken) return;
    const callee = strip(n.expression);
    if (t.isPropertyAccessExpression(callee) && kindOf(callee.expression) === "tensor") {
      const name = callee.name.text;
      if (FLOAT_BOUNDS_INPLACE.has(name) && floatBounds(args)) return floatOperand(callee.expression, name);
      if (FLOAT_BOUNDS.has(name) && floatBounds(args)) return floatOperand(callee.expression);
      if (ALPHA_OPS.has(name) && floatAlpha(args[args.length - 1])) return floatAlphaOperand(callee.expression);
      if (!wholeFloatLiteral(t, args[0])) return;
      if (FLOAT_OPS.has(name)) floatOperand(callee.expression);
      else if (FLOAT_INPLACE.has(name)) floatOperand(callee.expression, name);
      return;
    }
    const numpy = numpyFunction(callee);
    if (numpy !== undefined) {
      // NumPy's float literals: `np.array([1., 2.])`, `np.full(3, 7.)`, `np.arange(0., 1., .25)` are float64.
      if ((numpy === "array" || numpy === "asarray") && floatData(t, args[0], (d) => kindOf(d) === "number")) floatCreation(n, 1, "np_float_options");
      else if (numpy === "full" && args.length >= 2 && wholeFloatLiteral(t, args[1])) floatCreation(n, 2, "np_float_options");
      else if (numpy === "arange") {
        const numbers = args.filter((a) => kindOf(a) === "number");
        if (numbers.length === args.length && numbers.some((a) => wholeFloatLiteral(t, a))) floatCreation(n, numbers.length, "np_float_options");
      }
      return;
    }
    const name = torchFunction(callee);
    if (name === undefined) return;
    if (ALPHA_OPS.has(name) && kindOf(args[0]) === "tensor" && floatAlpha(args[args.length - 1])) return floatAlphaOperand(args[0]);
    if (FLOAT_BOUNDS.has(name) && kindOf(args[0]) === "tensor" && floatBounds(args.slice(1))) return floatOperand(args[0]);
    if ((name === "tensor" || name === "as_tensor") && floatData(t, args[0], (d) => kindOf(d) === "number")) {
      floatCreation(n, 1, name === "tensor" ? "float_options" : "as_tensor_float_options");
    } else if (name === "full" && args.length >= 2 && wholeFloatLiteral(t, args[1])) {
      floatCreation(n, 2, "float_options");
    } else if (name === "arange") {
      const last = args[args.length - 1];
      const numbers = kindOf(last) === "number" ? args : args.slice(0, -1);
      if (numbers.some((a) => wholeFloatLiteral(t, a))) floatCreation(n, numbers.length, "arange_float_options");
    } else if (name === "where" && args.length === 3 && args.slice(1).some((a) => wholeFloatLiteral(t, a)) && !floatsCall(n.parent)) {
      // torch.where(mask, 1., 0) and torch.where(mask, idx, 0.) are float: the result as the default float dtype.
      floatOperand(n);
    } else if (FLOAT_OPS.has(name) && args.length >= 2) {
      if (kindOf(args[0]) === "tensor" && wholeFloatLiteral(t, args[1])) floatOperand(args[0]);
      else if ((name === "pow" || name === "remainder") && wholeFloatLiteral(t, args[0]) && kindOf(args[1]) === "tensor") floatOperand(args[1]);
    }
  };

  /**
   * Whether `type` is used as Python's dict where it lacks `method`: a plain object, Record or
   * interface (a state_dict, a checkpoint, a config literal) or a Map without its own such method; a
   * class instance, an array or anything callable is not a dict.
   */
  const dictLike = (type: ts.Type, method: string, at: ts.Node): boolean => {
    if (!(type.flags & t.TypeFlags.Object) || checker.isArrayLikeType(type)) return false;
    if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return false;
    const sym = type.getSymbol();
    // A Map's own keys() / values() are iterators, printed `[Map Iterator] { 'a' }`: Python's views instead.
    if (sym && ["Map", "ReadonlyMap"].includes(sym.name) && (method === "keys" || method === "values")) return true;
    const own = checker.getPropertyOfType(type, method);
    if (own) {
      const ownType = checker.getTypeOfSymbolAtLocation(own, at);
      if (ownType.flags & t.TypeFlags.Any || ownType.getCallSignatures().length > 0) return false;
    }
    // A Map, and collections' Maps (src/collections.ts: Counter, defaultdict), are dicts.
    if (sym && ["Map", "ReadonlyMap", "Counter", "defaultdict"].includes(sym.name)) return true;
    return !(sym && sym.flags & t.SymbolFlags.Class);
  };
  /**
   * Python's list methods on an array where TypeScript finds none (`xs.append(5)`, `xs.index(v)`), and
   * the two whose JavaScript forms differ silently: `xs.sort()` / `xs.sort({key, reverse})` (JavaScript
   * sorts numbers as strings; a comparison function keeps JavaScript's sort) and `xs.pop(i)`
   * (JavaScript ignores i). The receiver is the array (src/pylist.ts).
   */
  const listMethod = (n: ts.CallExpression, name: string, receiver: ts.Expression): boolean => {
    const type = checker.getTypeAtLocation(strip(receiver));
    // `any` is array-like to the checker, but an untyped receiver may be a ModuleList or a tensor with its own `append` / `index`.
    if (!LIST_METHODS.has(name) || type.flags & (t.TypeFlags.Any | t.TypeFlags.Unknown) || !checker.isArrayLikeType(type) || classKind(t, checker, type) !== null) return false;
    const args = n.arguments;
    // `xs.sort(key=len, reverse=True)`: Python's keywords, placed in list_sort's options afterwards (kernel/keyword_args.ts).
    const keyword = (a: ts.Expression): boolean =>
      t.isBinaryExpression(a) && a.operatorToken.kind === K.EqualsToken && t.isIdentifier(a.left) && (a.left.text === "key" || a.left.text === "reverse");
    if (name === "sort") return args.length === 0 || (args.length === 1 && t.isObjectLiteralExpression(strip(args[0]))) || (args.length <= 2 && args.every(keyword));
    if (name === "pop") return args.length === 1;
    return checker.getApparentType(type).getProperty(name) === undefined;
  };
  /**
   * Python's str methods on a string where TypeScript finds none (`s.strip()`, `", ".join(xs)`,
   * `"{}".format(x)`), and the two whose JavaScript forms differ: `s.replace(old, new)` with string
   * arguments (JavaScript replaces the first only) and `s.split()` / `s.split(sep, maxsplit)` (a
   * RegExp separator keeps JavaScript's split). The receiver is the string (src/pystr.ts).
   */
  const strMethod = (n: ts.CallExpression, name: string, receiver: ts.Expression): boolean => {
    if (!STR_METHODS.has(name) || kindOf(receiver) !== "string") return false;
    const args = n.arguments;
    if (name === "replace") return args.length >= 2 && kindOf(args[0]) === "string" && kindOf(args[1]) === "string";
    if (name === "split") return args.length === 0 || kindOf(args[0]) === "string" || kindOf(args[0]) === "null";
    return checker.getApparentType(checker.getTypeAtLocation(strip(receiver))).getProperty(name) === undefined;
  };
  /**
   * Python's `s.add(x)` on a set (src/pyset.ts's PySet): None, as Python's, where a Set's add returns
   * the set, which a cell ending in `vocabulary.add("<unk>")` would show.
   */
  const setMethod = (name: string, receiver: ts.Expression): boolean =>
    name === "add" && checker.getTypeAtLocation(strip(receiver)).getSymbol()?.name === "PySet";
  // Python's dict, list and str methods where TypeScript finds none: `sd.keys()` is `<dynamic>.dict_keys(sd)`
  // (src/pydict.ts), `xs.append(5)` is `<dynamic>.list_append(xs, 5)`, `s.strip()` is `<dynamic>.str_strip(s)`.
  const dictCall = (n: ts.CallExpression): boolean => {
    const callee = n.expression;
    if (!t.isPropertyAccessExpression(callee) || n.questionDotToken || callee.questionDotToken || !t.isIdentifier(callee.name)) return false;
    const name = callee.name.text;
    if (plans.has(n)) return false;
    const helper =
      DICT_METHODS.has(name) && dictLike(checker.getTypeAtLocation(callee.expression), name, callee) ? `dict_${name}` :
      listMethod(n, name, callee.expression) ? `list_${name}` :
      strMethod(n, name, callee.expression) ? `str_${name}` :
      setMethod(name, callee.expression) ? `set_${name}` : null;
    if (!helper) return false;
    const args = n.arguments;
    // `losses.append(loss.item())`, `"{}".format(2.0)`: the float stays Python's in the list, the text.
    if (helper === "list_append" || helper === "str_format") for (const a of args) if (!dynamicCall(a, "py_float")) noteFloat(a);
    plans.set(n, {
      result: "other",
      emit: (o) => {
        o.insert(`${DYNAMIC_REF}.${helper}(`);
        emit(callee.expression);
        if (args.length === 0) return o.insert(newlines(callee.expression.end, n.end) + ")");
        o.insert(newlines(callee.expression.end, args[0].getStart(sf)) + ", ");
        args.forEach((a, i) => {
          if (i > 0) o.copy(args[i - 1].end, a.getStart(sf));
          emit(a);
        });
        o.insert(newlines(args[args.length - 1].end, n.end) + ")");
      },
    });
    return true;
  };

  /**
   * Whether `tpl` is the whole index of a tensor receiver: `x[\`:${n}\`]`, or the
   * index an earlier pass made of it (`x.index(\`:${n}\`)`, `x.setitem(\`...\`, v)`), where a later
   * pass meets an untyped field.
   */
  const indexTemplate = (tpl: ts.Node): boolean => {
    let e: ts.Node = tpl;
    while (t.isParenthesizedExpression(e.parent)) e = e.parent;
    const parent = e.parent;
    // Only a tensor's: an untyped receiver may be a dict keyed by an f-string (`stats[\`${k}_loss\`]`).
    if (parent && t.isElementAccessExpression(parent) && parent.argumentExpression === e) return kindOf(parent.expression) === "tensor";
    return (
      !!parent && t.isCallExpression(parent) && parent.arguments[0] === e && t.isPropertyAccessExpression(parent.expression) &&
      ["index", "setitem"].includes(parent.expression.name.text) && kindOf(parent.expression.expression) === "tensor"
    );
  };

  /** An object literal's type (`const counts = {}`, `{[k: number]: string}`, a Record), not yet marked int-keyed. */
  const plainDict = (e: ts.Node): boolean => {
    if (dynamicCall(e, "int_keyed")) return false;
    const type = checker.getTypeAtLocation(strip(e));
    if (!(type.flags & t.TypeFlags.Object) || mayBeArray(type) || type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return false;
    const name = type.getSymbol()?.name;
    return name === "__object" || name === "__type";
  };
  /** Whether `a` and `b` are typed as literals (`false`, `3`, `"train"`, or unions of them) that no value of both shares. */
  const disjointLiterals = (a: ts.Expression, b: ts.Expression): boolean => {
    const literals = (e: ts.Expression): Set<string> | null => {
      const type = checker.getTypeAtLocation(strip(e));
      const members = type.isUnion() ? type.types : [type];
      const literal = t.TypeFlags.BooleanLiteral | t.TypeFlags.NumberLiteral | t.TypeFlags.StringLiteral;
      return members.every((m) => m.flags & literal) ? new Set(members.map((m) => checker.typeToString(m))) : null;
    };
    const [x, y] = [literals(a), literals(b)];
    return x !== null && y !== null && ![...x].some((v) => y.has(v));
  };
  /** A typed receiver whose class defines `__getitem__` and is no array (an nn container has get(): containerGet). */
  const ownGetitem = (e: ts.Node): boolean => {
    const type = checker.getTypeAtLocation(strip(e));
    return !mayBeArray(type) && type.getProperty("__getitem__") !== undefined && type.getStringIndexType() === undefined && type.getNumberIndexType() === undefined;
  };
  /** `obj.method` read as a value (not called, not assigned, not compared, not read further) of an object, not a class. */
  const methodAsValue = (n: ts.PropertyAccessExpression): boolean => {
    if (n.questionDotToken || !t.isIdentifier(n.name) || n.expression.kind === K.SuperKeyword || dynamicCall(n.expression, "bound")) return false;
    let p: ts.Node = n.parent;
    let self: ts.Node = n;
    while (t.isParenthesizedExpression(p) || t.isNonNullExpression(p) || t.isAsExpression(p)) {
      self = p;
      p = p.parent;
    }
    if ((t.isCallExpression(p) || t.isNewExpression(p) || t.isTaggedTemplateExpression(p) || t.isDecorator(p)) && (t.isTaggedTemplateExpression(p) ? p.tag : p.expression) === self) return false;
    if ((t.isPropertyAccessExpression(p) || t.isElementAccessExpression(p)) && p.expression === self) return false;
    if (t.isTypeOfExpression(p) || t.isDeleteExpression(p) || t.isVoidExpression(p) || t.isPrefixUnaryExpression(p) || t.isPostfixUnaryExpression(p)) return false;
    if (t.isBinaryExpression(p)) {
      const op = p.operatorToken.kind;
      if (op >= K.FirstAssignment && op <= K.LastAssignment && p.left === self) return false;
      if (op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken || op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken || op === K.InstanceOfKeyword) return false;
    }
    if (t.isExpressionWithTypeArguments(p) || t.isHeritageClause(p)) return false;
    // An argument of the dialect's own helpers (`attribute(recv, recv.name, "name")`) is theirs to bind.
    if (t.isCallExpression(p) && text.startsWith(KERNEL_REF, p.getStart(sf))) return false;
    const sym = checker.getSymbolAtLocation(n.name);
    if (!sym || !(sym.flags & t.SymbolFlags.Method)) return false;
    // A class's own function (`Cls.method`, a static) needs no object.
    const recv = checker.getTypeAtLocation(n.expression);
    if (recv.flags & t.TypeFlags.Any || recv.getConstructSignatures().length > 0) return false;
    return true;
  };

  const consider = (n: ts.Node): void => {
    // Python's dict literal with int keys (`counter_dict = {0: 0, 1: 0}`): JavaScript keeps each key as
    // its digits, so it would print as `{'0': 0, '1': 0}`; marked int-keyed it prints as Python's and
    // stays the same plain object (src/pyrepr.ts asPyIntKeyed).
    // Python's floats as written in a dict or list literal (`{'lr': 1.0}`, `[1.0, 2.5]`, `[x / y]`,
    // `[loss.item()]` of a float tensor) print as Python's: `{'lr': 1.0}`, where JavaScript writes 1.
    if (t.isObjectLiteralExpression(n) && !dynamicCall(n.parent, "float_dict") && !assignedTo(n) && printable(n)) {
      let marked = false;
      for (const p of n.properties) if (t.isPropertyAssignment(p) && noteFloat(p.initializer)) marked = true;
      if (marked) wrap(n, `${DYNAMIC_REF}.float_dict(`, ")");
    }
    // tuple([1.0, 2]) marks the tuple it makes (its list literal keeps the tuple's item types).
    const tupleOf = t.isCallExpression(n) && t.isIdentifier(n.expression) && n.expression.text === "tuple" && n.arguments.length === 1 && t.isArrayLiteralExpression(strip(n.arguments[0]));
    const literal = t.isArrayLiteralExpression(n) && !tupleTyped(n);
    if ((tupleOf || literal) && !dynamicCall(n.parent, "floats") && !assignedTo(n) && printable(n)) {
      const items = tupleOf ? (strip((n as ts.CallExpression).arguments[0]) as ts.ArrayLiteralExpression).elements : (n as ts.ArrayLiteralExpression).elements;
      const at: number[] = [];
      let noted = false;
      items.forEach((e, i) => {
        if (floatKnown(e)) at.push(i);
        else if (runtimeFloat(e)) noted = noteFloat(e) || noted;
      });
      if (at.length > 0 || noted) wrap(n, `${DYNAMIC_REF}.floats(`, `, [${at.join(", ")}])`);
    }
    if (t.isCallExpression(n)) {
      const map = floatMap(n);
      if (map !== null) {
        for (const body of map.bodies) noteFloat(body);
        wrap(n, `${DYNAMIC_REF}.float_map(`, `, ${map.via ? strip((n.expression as ts.PropertyAccessExpression).expression).getText(sf) : "null"})`);
      }
    }
    // `best = loss.item()`, `lr = 1.0`, `total += loss.item()`, `self.lr = 1.0`: the float a variable or
    // an attribute holds is recorded as the cell runs (dynamic_ops name_value / name_op / attr_value), so
    // that a later read (in this cell or another) prints it as Python's `3.0`; any other number written
    // there drops the record.
    // `show(loss.item())` of a notebook function (`def show(v): print(v)`): the caller notes the float it
    // passes, for the parameter's entry record (pyFunction).
    if ((t.isCallExpression(n) || t.isNewExpression(n)) && n.arguments && n.arguments.length > 0 && !n.arguments.some((a) => t.isSpreadElement(a))) {
      const floatAt = n.arguments.filter((a) => !noted(a) && (floatKnown(a) || runtimeFloat(a)));
      const decl = floatAt.length > 0 ? checker.getResolvedSignature(n)?.declaration : undefined;
      if (pyFunction(decl)) {
        let passed = false;
        n.arguments.forEach((a, i) => {
          if (!floatAt.includes(a) || !floatParam(decl.parameters[i])) return;
          wrap(a, `${DYNAMIC_REF}.arg_float(${i}, `, ")");
          noteFloat(a);
          passed = true;
        });
        if (passed) wrap(n, `${DYNAMIC_REF}.args_done(`, ")");
      }
    }
    // `def f(): return 1.0`: a notebook function that may return a float records whether each return is one.
    if (t.isReturnStatement(n) && n.expression && !dynamicCall(n.expression, "ret_value") && !dynamicCall(n.expression, "py_tuple") &&
        !(t.isBinaryExpression(strip(n.expression)) && (strip(n.expression) as ts.BinaryExpression).operatorToken.kind === K.CommaToken)) {
      const fn = enclosingFunction(n);
      if (fn && pyFunction(fn) && !t.isConstructorDeclaration(fn) && !fn.asteriskToken && (kindOf(n.expression) === "number" || kindOf(n.expression) === "any") && floatReturning(fn)) {
        wrap(n.expression, `${DYNAMIC_REF}.ret_value(`, ")");
        noteIfFloat(n.expression);
      }
    }
    // (A list literal there is marked first, `floats(...)`, and wrapped in the next pass.)
    if (t.isForOfStatement(n) && !dynamicCall(n.expression, "float_items") && !t.isArrayLiteralExpression(strip(n.expression)) && t.isVariableDeclarationList(n.initializer) && n.initializer.declarations.length === 1) {
      const name = n.initializer.declarations[0].name;
      const key = t.isIdentifier(name) && floatLoop(n.initializer.declarations[0]) !== null && floatRead(name) ? floatVarKey(name) : null;
      if (key !== null) wrap(n.expression, `${DYNAMIC_REF}.float_items(${JSON.stringify(key)}, `, ")");
    }
    // `const [a, b] = f()`, `for (const [k, v] of d.items())`: the floats unpacked are recorded by name.
    if (t.isVariableDeclaration(n) && t.isArrayBindingPattern(n.name)) {
      const keys = n.name.elements.map((e) => (t.isBindingElement(e) && t.isIdentifier(e.name) && unpacking(e) === n && unpackedNumber(n, e.name) ? floatUnpackedKey(n, e.name.text) : null));
      const owner = n.parent.parent;
      const list = JSON.stringify(keys);
      if (keys.some((k) => k !== null)) {
        if (t.isForOfStatement(owner) && !dynamicCall(owner.expression, "float_unpacked")) wrap(owner.expression, `${DYNAMIC_REF}.float_unpacked(${list}, `, ")");
        else if (n.initializer && !t.isForOfStatement(owner) && !dynamicCall(n.initializer, "names_value")) {
          wrap(n.initializer, `${DYNAMIC_REF}.names_value(${list}, `, ")");
          notedItems(n.initializer, (n.name as ts.ArrayBindingPattern).elements, keys);
        }
      }
    }
    // `[loss, acc] = evaluate()` again in a loop (Python's `loss, acc = evaluate()`): recorded as the declaration's names are.
    if (t.isBinaryExpression(n) && n.operatorToken.kind === K.EqualsToken && t.isArrayLiteralExpression(strip(n.left)) && !dynamicCall(n.right, "names_value")) {
      const targets = (strip(n.left) as ts.ArrayLiteralExpression).elements;
      const keys = targets.map((e) => (t.isIdentifier(e) && (kindOf(e) === "number" || kindOf(e) === "any") ? floatVarKey(e) : null));
      if (keys.some((k) => k !== null)) {
        wrap(n.right, `${DYNAMIC_REF}.names_value(${JSON.stringify(keys)}, `, ")");
        notedItems(n.right, targets, keys);
      }
    }
    if (t.isVariableDeclaration(n) && n.initializer && t.isIdentifier(n.name) && !dynamicCall(n.initializer, "name_value") && numberish(n.initializer)) {
      const key = floatVarKey(n.name);
      if (key !== null) {
        wrap(n.initializer, `${DYNAMIC_REF}.name_value(${JSON.stringify(key)}, `, ")");
        noteFloat(n.initializer);
      }
    }
    if (t.isBinaryExpression(n) && (kindOf(n.right) === "number" || (kindOf(n.right) === "any" && floatVarKey(n.right) !== null)) && !plans.has(n)) {
      const op = n.operatorToken.kind;
      const compound = op === K.PlusEqualsToken ? "+" : op === K.MinusEqualsToken ? "-" : op === K.AsteriskEqualsToken ? "*" : op === K.SlashEqualsToken ? "/" : null;
      const key = op === K.EqualsToken || compound !== null ? floatVarKey(n.left) : null;
      const attr = (op === K.EqualsToken || compound !== null) && key === null ? floatAttr(n.left) : null;
      if (key !== null && compound === null && !dynamicCall(n.right, "name_value")) {
        wrap(n.right, `${DYNAMIC_REF}.name_value(${JSON.stringify(key)}, `, ")");
        noteFloat(n.right);
      } else if (key !== null && compound !== null && !dynamicCall(n.right, "name_op")) {
        wrap(n.right, `${DYNAMIC_REF}.name_op(${JSON.stringify(key)}, ${strip(n.left).getText(sf)}, "${compound}", `, ")");
        noteFloat(n.right);
      } else if (attr !== null && compound === null && !dynamicCall(n.right, "attr_value")) {
        wrap(n.right, `${DYNAMIC_REF}.attr_value(${attr.object.getText(sf)}, ${JSON.stringify(attr.key)}, `, ")");
        noteFloat(n.right);
      } else if (attr !== null && compound !== null && !dynamicCall(n.right, "attr_op")) {
        wrap(n.right, `${DYNAMIC_REF}.attr_op(${attr.object.getText(sf)}, ${JSON.stringify(attr.key)}, "${compound}", `, ")");
        noteFloat(n.right);
      }
    }
    // `losses.append((t * i).sum().item())`: the append became list_append in an earlier pass, before
    // `(t * i)` was typed a tensor and its `.item()` known as one.
    if (t.isCallExpression(n) && (dynamicCall(n, "list_append") || dynamicCall(n, "str_format"))) {
      for (const a of n.arguments.slice(1)) if (!dynamicCall(a, "py_float") && itemCall(a)) noteFloat(a);
    }
    // `return loss, acc`: the floats among the tuple's items (py_tuple marks them).
    if (t.isCallExpression(n) && dynamicCall(n, "py_tuple")) n.arguments.forEach(noteIfFloat);
    // `return a, b` (Python's tuple; JavaScript's comma operator would return b): the tuple.
    if (t.isReturnStatement(n) && n.expression && t.isBinaryExpression(strip(n.expression)) && (strip(n.expression) as ts.BinaryExpression).operatorToken.kind === K.CommaToken) {
      return wrap(strip(n.expression), `${DYNAMIC_REF}.py_tuple(`, ")");
    }
    // Python's tuple written in parentheses where its value is used: `size=(feature_dim, 1)`,
    // `d2l.DATA_HUB['airfoil'] = (url, sha1)`, `torch.zeros((2, 3))`, `return ((s_w, delta_w), (s_b, delta_b))`.
    // JavaScript's comma operator would keep only the last item (`size=1`).
    if (t.isParenthesizedExpression(n) && n.getStart(sf) >= offset && !t.isReturnStatement(n.parent) && pyTupleParens(n)) {
      return wrap(n.expression, `${DYNAMIC_REF}.py_tuple(`, ")");
    }
    // `xs.sort()`, `xs.reverse()` as a statement: Python's None, which a cell ending in one shows as
    // nothing (JavaScript's sort and reverse return the list).
    if (t.isExpressionStatement(n) && t.isCallExpression(n.expression) && t.isSourceFile(n.parent) && n.getStart(sf) >= offset && inPlaceListCall(n.expression)) {
      return wrap(n.expression, "void ", "");
    }
    // isinstance(1.0, float), type(x / 2): the float the cell wrote.
    if (t.isCallExpression(n) && t.isIdentifier(n.expression) && ((n.expression.text === "isinstance" && n.arguments.length === 2) || ((n.expression.text === "type" || n.expression.text === "repr") && n.arguments.length === 1))) {
      if (!dynamicCall(n.arguments[0], "py_float")) noteFloat(n.arguments[0]);
    }
    // divmod(8.0, 2): a pair of floats when either is one (src/builtins.ts divmod takes the PyFloat).
    if (t.isCallExpression(n) && t.isIdentifier(n.expression) && n.expression.text === "divmod" && n.arguments.length === 2) n.arguments.forEach(noteIfFloat);
    if (intKeyedLiteral(t, n) && !dynamicCall(n.parent, "int_keyed")) return wrap(n, `${DYNAMIC_REF}.int_keyed(`, ")");
    // Python's bound method: `map(self.scale, xs)`, `self.apply(self._init_weights)`, `sorted(xs, key=obj.score)`
    // pass the method with its object; JavaScript's `obj.scale` as a value forgets `this`.
    if (t.isPropertyAccessExpression(n) && methodAsValue(n)) return wrap(n.expression, `${DYNAMIC_REF}.bound(`, ")");
    // A cell ending in `600 / 100`, `lr`, `t.item()` shows Python's float, `6.0` (a PyFloat, shown by its repr).
    if (t.isExpressionStatement(n) && cellValue(n) && !noted(n.expression) && (floatKnown(n.expression) || runtimeFloat(n.expression) || floatIndex(n.expression) !== null)) {
      noteFloat(n.expression);
    }
    // print(2.0), print(x / 2), str(3.0): a float as written prints as Python's float, `2.0`.
    if (t.isCallExpression(n) && t.isIdentifier(n.expression) && (n.expression.text === "print" || (n.expression.text === "str" && n.arguments.length === 1))) {
      for (const a of n.arguments) {
        if (dynamicCall(strip(a), "float_str")) continue;
        if (floatKnown(a)) wrap(a, `${DYNAMIC_REF}.float_str(`, ")");
        // print(t.item()) of a float tensor, print(best) of `best = t.item()` or `best = 3.0`: Python's float, `3.0`.
        else if (runtimeFloat(a) || floatIndex(a) !== null) noteFloat(a);
        // print(2**100): Python's exact int, which a JavaScript number cannot hold: an error naming the limit.
        else if (intKnown(a) && !t.isNumericLiteral(strip(a)) && !dynamicCall(strip(a), "int_str")) wrap(a, `${DYNAMIC_REF}.int_str(`, `, () => ${bigIntText(a)})`);
      }
    }
    if (t.isCallExpression(n)) {
      if (dictCall(n)) return;
      return floatCall(n);
    }
    // Python's f"{loss:.4f}", f"{name!r}" (kernel/format_spec.ts put the spec in a comment): format() by the spec.
    const spec = t.isTemplateSpan(n) && !dynamicCall(n.expression, "fstring") ? formatSpecIn(text.slice(n.expression.end, n.literal.getStart(sf))) : null;
    if (spec) {
      const e = (n as ts.TemplateSpan).expression;
      // `${x = }` writes `x = ` as typed (the expression's text, the spaces around the `=`).
      const label = spec.selfDocumenting === null ? "" : `${text.slice(e.pos, e.end)}${/^\s*/.exec(text.slice(e.end))![0]}${spec.selfDocumenting}`;
      return wrap(e, `${DYNAMIC_REF}.fstring(`, `, ${specLiteral(spec.spec)}, ${JSON.stringify(spec.conversion)}${label ? `, ${JSON.stringify(label)}` : ""})`);
    }
    // Python's `del net.fc` on a module: Module.__delattr__, after which reading `net.fc` is PyTorch's AttributeError.
    if (t.isDeleteExpression(n) && t.isPropertyAccessExpression(strip(n.expression)) && !plans.has(n)) {
      const target = strip(n.expression) as ts.PropertyAccessExpression;
      if (t.isIdentifier(target.name) && isModule(t, checker, target.expression)) {
        plans.set(n, {
          result: "other",
          emit: (o) => {
            receiver(target.expression);
            o.insert(`.__delattr__("${target.name.text}")`);
          },
        });
      }
      return;
    }
    // A tensor bound in the dialect's string index (`seq_tensor[\`${idx}, :${seq_len}\`]`, Python's
    // `seq_tensor[idx, :seq_len]`) is the tensor's __index__, as PyTorch reads it: `5`, not f"{t}"'s
    // `tensor([5])`, and PyTorch's TypeError for a float tensor.
    if (t.isTemplateSpan(n) && indexTemplate(n.parent) && (kindOf(n.expression) === "tensor" || (allowDynamic && kindOf(n.expression) === "any"))) {
      return wrap(n.expression, `${DYNAMIC_REF}.index(`, ")");
    }
    // Python's f"{flag}" writes True / False, and f"{shape}" of a list its str: [32, 32, 3], not 32,32,3;
    // so does a value that may be a list (`${t.tolist()}`, typed NestedList), decided when it runs.
    // A number as Python's str() of a float (`${1e-7}` is 1e-07, `${x}` of Infinity inf) and a dict literal as `{'a': 1}`.
    // A float as written (`${x}` of `x = 2.0`, `${a / b}`) is Python's `2.0`, which JavaScript writes `2`.
    // `${2**100}`: Python's exact int, as print's (int_str).
    if (t.isTemplateSpan(n) && !indexTemplate(n.parent) && !dynamicCall(strip(n.expression), "format") && intKnown(n.expression) && !t.isNumericLiteral(strip(n.expression))) {
      return wrap(n.expression, `${DYNAMIC_REF}.format(${DYNAMIC_REF}.int_str(`, `, () => ${bigIntText(n.expression)}))`);
    }
    if (t.isTemplateSpan(n) && !indexTemplate(n.parent) && !dynamicCall(strip(n.expression), "float_str") && floatKnown(n.expression)) return wrap(n.expression, `${DYNAMIC_REF}.format(${DYNAMIC_REF}.float_str(`, "))");
    // `${loss.item()}` of a float tensor: a PyFloat, which format() writes as Python's float.
    if (t.isTemplateSpan(n) && !indexTemplate(n.parent) && !dynamicCall(strip(n.expression), "format") && runtimeFloat(n.expression)) {
      wrap(n.expression, `${DYNAMIC_REF}.format(`, ")");
      noteFloat(n.expression);
      return;
    }
    if (
      t.isTemplateSpan(n) && ["boolean", "null", "number", "other"].includes(kindOf(n.expression)) && !indexTemplate(n.parent) &&
      !dynamicCall(strip(n.expression), "format") && !dynamicCall(strip(n.expression), "index")
    ) return wrap(n.expression, `${DYNAMIC_REF}.format(`, ")");
    // Python's f"{loss}" formats a 0-d tensor as its number (Tensor.__format__); `${loss}` would be str().
    if (t.isTemplateSpan(n) && kindOf(n.expression) === "tensor") return wrap(n.expression, "(", ").__format__()");
    // ... and so does a value typed `any` that is a tensor at run time (`num_correct += (preds == y).sum()` from 0).
    if (t.isTemplateSpan(n) && allowDynamic && kindOf(n.expression) === "any" && !dynamicCall(strip(n.expression), "format")) return wrap(n.expression, `${DYNAMIC_REF}.format(`, ")");
    if (t.isIfStatement(n) || t.isWhileStatement(n) || t.isDoStatement(n)) return condition(n.expression);
    if (t.isForStatement(n)) return condition(n.condition);
    if (t.isConditionalExpression(n)) return condition(n.condition);
    if (t.isPrefixUnaryExpression(n) && n.operator === K.ExclamationToken) return condition(n.operand, true);
    if (t.isBinaryExpression(n) && (n.operatorToken.kind === K.AmpersandAmpersandToken || n.operatorToken.kind === K.BarBarToken)) {
      const lists = truthOnly(n);
      condition(n.left, false, lists);
      condition(n.right, false, lists);
      if (!lists && !plans.has(n) && hasLength(n.left)) {
        // Python's `xs or [0]` / `xs and d` as a value: an empty list, dict or set is false there too.
        const name = n.operatorToken.kind === K.BarBarToken ? "or" : "and";
        plans.set(n, {
          result: "other",
          emit: (o) => {
            o.insert(`${DYNAMIC_REF}.${name}(`);
            emit(n.left);
            gap(n.left.end, n.operatorToken.getStart(sf), n.operatorToken.end, n.right.getStart(sf), ", () => (");
            emit(n.right);
            o.insert("))");
          },
        });
      }
      return;
    }
    if (t.isBinaryExpression(n) && n.operatorToken.kind === K.InKeyword) {
      // Python's `x in y` on a list, tuple, Set (Python's set() too), Map, string or tensor (src/pyin.ts); JavaScript's `in`
      // asks for a property name there (`2 in [1, 2]` is false). A plain object keeps JavaScript's `in`
      // (Python's key test for a dict's string keys), which also narrows its type.
      const R = kindOf(n.right);
      const type = checker.getTypeAtLocation(strip(n.right));
      const container = type.getSymbol()?.getName();
      if (
        !plans.has(n) && (R === "string" || R === "tensor" || (R === "any" && allowDynamic) ||
        (R === "other" && ((checker.isArrayLikeType(type) && !(type.flags & t.TypeFlags.Unknown)) || container === "Set" || container === "PySet" || container === "Map" || container === "ReadonlySet" || container === "ReadonlyMap" ||
          container === "Counter" || container === "defaultdict" || container === "deque")))
      ) {
        plans.set(n, {
          result: "boolean",
          emit: (o) => {
            o.insert(`${DYNAMIC_REF}.contains(`);
            emit(n.left);
            gap(n.left.end, n.operatorToken.getStart(sf), n.operatorToken.end, n.right.getStart(sf), ", ");
            emit(n.right);
            o.insert(")");
          },
        });
      }
      return;
    }
    if (t.isBinaryExpression(n) && n.operatorToken.kind === K.PercentToken && kindOf(n.left) === "string" && !plans.has(n)) {
      // Python's `"%d items" % 3`, `"%s=%r" % [a, b]` (src/pystr.ts): printf-style formatting, a string.
      if (!dynamicCall(n.right, "py_float")) noteFloat(n.right);
      plans.set(n, {
        result: "string",
        emit: (o) => {
          o.insert(`${DYNAMIC_REF}.str_mod(`);
          emit(n.left);
          gap(n.left.end, n.operatorToken.getStart(sf), n.operatorToken.end, n.right.getStart(sf), ", ");
          emit(n.right);
          o.insert(")");
        },
      });
      return;
    }
    if (t.isBinaryExpression(n) && n.operatorToken.kind === K.PercentToken && kindOf(n.left) === "number" && kindOf(n.right) === "number" && !plans.has(n)) {
      // Python's `-1 % 5` is 4 (the divisor's sign) and `x % 0` a ZeroDivisionError, where JavaScript's are -1 and NaN.
      plans.set(n, { result: "number", emit: opCall(n, "remainder") });
      return;
    }
    if (t.isBinaryExpression(n)) {
      const op = n.operatorToken.kind;
      if (op === K.EqualsToken) {
        const target = strip(n.left);
        // An untyped receiver with a comma subscript (`x[mid + r_idx, :] = shift(...)` in a function whose
        // `x` is untyped) is written as a tensor's tuple index, as it is read: JavaScript's comma would
        // keep only the last item, and the checker refuses the assignment.
        const tupleOnUntyped = t.isElementAccessExpression(target) && kindOf(target.expression) === "any" && tupleItems(target.argumentExpression) !== undefined;
        if (t.isElementAccessExpression(target) && !target.questionDotToken && kindOf(target.argumentExpression) === "number" && plainDict(target.expression)) {
          // `counts[label] = ...` on an object literal (Python's dict keyed by ints): marked int-keyed, it prints
          // {0: 3} as Python's, not {'0': 3}.
          wrap(target.expression, `${DYNAMIC_REF}.int_keyed(`, ")");
        } else if (t.isElementAccessExpression(target) && !target.questionDotToken && (kindOf(target.expression) === "tensor" || tupleOnUntyped)) {
          plans.delete(target);
          plans.set(n, assignItem(n, target));
        } else if (
          allowDynamic && t.isElementAccessExpression(target) && !target.questionDotToken &&
          (kindOf(target.expression) === "any" || isMap(target.expression) || (negativeLiteral(target.argumentExpression) && hasAt(target.expression)))
        ) {
          // `w[":, 1"] = 0` on an untyped tensor: its setitem at run time (JavaScript would add a property);
          // `lst[-1] = 7` on an array: Python's last item (JavaScript would add a property "-1").
          plans.set(n, {
            result: "any",
            emit: (o) => {
              o.insert(`${DYNAMIC_REF}.setitem(`);
              const close = objectAndKey(target);
              o.insert(", ");
              if (!/^[ \t]*$/.test(text.slice(target.argumentExpression.end, close))) out.copy(target.argumentExpression.end, close);
              o.insert(newlines(target.end, n.right.getStart(sf)));
              emit(n.right);
              o.insert(")");
            },
          });
        }
        return;
      }
      if (op === K.AsteriskEqualsToken && text.slice(n.operatorToken.end, n.right.getStart(sf)).includes(MATMUL_MARK)) {
        // Python's `a @= b` (kernel/matmul_operator.ts): `a = a @ b`, a new tensor, as PyTorch's Tensor has no __imatmul__.
        plans.set(n, matmulAssign(n, kindOf(n.left) === "tensor" && kindOf(n.right) === "tensor"));
        return;
      }
      const inplace = COMPOUND[op];
      if (inplace) {
        // Python's `x[i] += v` is x.__setitem__(i, x.__getitem__(i).__iadd__(v)): the in-place op on a
        // copy (mask, index tensor, list) would be lost without the write back.
        const target = strip(n.left);
        if (t.isElementAccessExpression(target) && !target.questionDotToken && kindOf(target.expression) === "tensor" && indexKind(target.argumentExpression, true) && !isNdarray(target.expression)) {
          plans.delete(target);
          plans.set(n, compoundItem(n, target, inplace));
          return;
        }
        // An untyped item of an array (`acc_hist[epoch] += is_correct.mean()` then `acc_hist[epoch] /= n` on
        // `Array(n).fill(0)`, Raschka's train loop): Python's list item becomes the tensor and is then
        // divided in place, where JavaScript's `+=` would join texts or make NaN and `/=` a number.
        const untypedItem = t.isElementAccessExpression(target) && kindOf(target) === "any" && OPERAND.has(kindOf(n.right));
        // NumPy's `counts[i] += 1` reads a scalar: the run-time getitem, op and setitem (a tensor's in-place method would not exist on it).
        const ndarrayItem = t.isElementAccessExpression(target) && isNdarray(target.expression);
        if ((allowDynamic || ndarrayItem) && t.isElementAccessExpression(target) && !target.questionDotToken && (kindOf(target.expression) === "any" || untypedItem || isMap(target.expression) || ndarrayItem)) {
          plans.delete(target);
          // `w[i] += 1` on an untyped receiver: Python's getitem, in-place op and setitem at run time.
          plans.set(n, {
            result: "any",
            emit: (o) => {
              o.insert(`${DYNAMIC_REF}.compound("${inplace}", `);
              const close = objectAndKey(target);
              if (!/^[ \t]*$/.test(text.slice(target.argumentExpression.end, close))) out.copy(target.argumentExpression.end, close);
              gap(target.end, n.operatorToken.getStart(sf), n.operatorToken.end, n.right.getStart(sf), ", ");
              emit(n.right);
              o.insert(")");
            },
          });
          return;
        }
      }
      const L = inplace ? kindOf(n.left) : operandKind(n.left);
      const R = operandKind(n.right);
      if (inplace && L === "number" && (R === "tensor" || (R === "any" && allowDynamic)) && REFLECTED_COMPOUND[op]) {
        // Python's `loss = 0` then `loss += criterion(out, y)` rebinds loss to a tensor (int has no
        // __iadd__, so it is 0 + tensor, the tensor's __radd__). A `let` declared in this cell without a
        // type is widened to `any` so that it can hold the tensor; other numbers stay the checker's error.
        const decl = widenable(n.left);
        if (decl) {
          if (!widened.has(decl)) {
            widened.add(decl);
            wrap(decl.name, "", ": any");
          }
          // An untyped right operand (an untyped function's result) decides at run time.
          plans.set(n, R === "tensor" ? rebound(n, REFLECTED_COMPOUND[op]!) : dynamicAssign(n, inplace));
          return;
        }
      }
      if (op === K.AsteriskAsteriskToken && t.isPrefixUnaryExpression(n.left) && n.left.operator === K.MinusToken && (L === "tensor" || R === "tensor")) {
        // Python's `-a ** b` is `-(a ** b)` (** binds tighter than unary minus: makemore's
        // `-counts_sum**-2`); TypeScript parses `(-a) ** b` and reports it, so the tree is regrouped here.
        const base = n.left.operand;
        plans.set(n, {
          result: "tensor",
          emit: (o) => {
            if (kindOf(base) === "tensor") {
              receiver(base);
              gap(base.end, n.operatorToken.getStart(sf), n.operatorToken.end, n.right.getStart(sf), ".pow(");
            } else {
              o.insert(`${TORCH_REF}.pow(`);
              emit(base);
              gap(base.end, n.operatorToken.getStart(sf), n.operatorToken.end, n.right.getStart(sf), ", ");
            }
            emit(n.right);
            o.insert(").neg()");
          },
        });
        return;
      }
      if (op === K.AsteriskToken && text.slice(n.operatorToken.end, n.right.getStart(sf)).includes(MATMUL_MARK)) {
        // Python's `a @ b` (kernel/matmul_operator.ts): matmul on tensors, else decided at run time,
        // where anything but a tensor on the left is Python's TypeError.
        plans.set(n, L === "tensor" && R === "tensor" ? method(n.left, n.operatorToken, n.right, "matmul", "tensor") : dynamicOp(n, "matmul"));
        return;
      }
      const dunder = dunderOperator(n, inplace ? inplace.slice(0, -1) : ARITHMETIC[op] ?? COMPARISON[op]?.[0] ?? BITWISE[op] ?? "", inplace, L);
      if (dunder !== undefined) {
        if (dunder) plans.set(n, dunder);
        if (dunder) dunderPlanned.add(n);
        return;
      }
      const arith = ARITHMETIC[op];
      if (op === K.PlusToken && L === "dataset" && R === "dataset") {
        // Python's `ants_dataset + bees_dataset` (Dataset.__add__): a ConcatDataset of both.
        plans.set(n, method(n.left, n.operatorToken, n.right, "add", "dataset"));
        return;
      }
      if (sequenceOperator(n, op, L, R)) {
        // Python's `+` / `*` on lists and strings and `lst += items` (kernel/dynamic_ops.ts): the checker
        // refuses them, and JavaScript would make text of two arrays and NaN of `"0" * 3`.
        // Typed by its operands (`seq`'s overloads): the next pass sees a list, and its methods are Python's.
        if (!inplace) {
          dynamic.add(n);
          plans.set(n, { result: "any", emit: opCall(n, arith!, "seq") });
        } else if (rereadable(n.left)) {
          const symbol = t.isIdentifier(strip(n.left)) ? checker.getSymbolAtLocation(strip(n.left)) : undefined;
          plans.set(n, symbol && isConst(symbol) ? dynamicInPlace(n, "assignConst", inplace) : dynamicAssign(n, inplace));
        }
        return;
      }
      if (arith) {
        if (L === "tensor" && OPERAND.has(R)) {
          plans.set(n, method(n.left, n.operatorToken, n.right, arith, "tensor"));
          if (wholeFloatLiteral(t, n.right)) floatOperand(n.left);
        } else if (R === "tensor" && SCALAR.has(L)) {
          if (wholeFloatLiteral(t, n.left)) floatOperand(n.right);
          if (op === K.PlusToken) plans.set(n, reflected(n, "add"));
          else if (op === K.AsteriskToken) plans.set(n, reflected(n, "mul"));
          else if (op === K.MinusToken) plans.set(n, reflected(n, "rsub"));
          else if (op === K.SlashToken) plans.set(n, reflected(n, "reciprocal().mul"));
          // NumPy's `2 ** a`, `7 % a`: the array's reflected operator (torch.pow takes no ndarray).
          else if (isNdarray(n.right)) plans.set(n, reflected(n, arith === "pow" ? "__rpow__" : "__rmod__"));
          else plans.set(n, torchCall(arith, n.left, n.operatorToken, n.right));
        } else if (untyped(L, R)) {
          plans.set(n, dynamicOp(n, arith));
          if (wholeFloatLiteral(t, n.right)) floatOperand(n.left);
          else if (wholeFloatLiteral(t, n.left)) floatOperand(n.right);
        } else if (allowDynamic && (((L === "any" || isNdarray(n.left)) && isList(n.right, R)) || ((R === "any" || isNdarray(n.right)) && isList(n.left, L)))) {
          // NumPy broadcasts a list beside an array (`landmarks - [left, top]`), which the checker refuses.
          plans.set(n, dynamicOp(n, arith));
        }
        return;
      }
      const equality = op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken || op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken;
      if (equality && L === R && (L === "boolean" || L === "number" || L === "string") && disjointLiterals(n.left, n.right)) {
        // Python's `save_model = False` then `if save_model == True:`: the checker narrowed the name to
        // its literal and refuses the comparison (error 2367, "no overlap"); Python compares the values.
        wrap(n.left, "(", ` as ${L})`);
      }
      const cmp = COMPARISON[op];
      if (cmp) {
        // A tensor compared with a NumPy array: Python's answer (kernel/dynamic_ops.ts), not an elementwise one.
        if (L === "tensor" && R === "tensor" && isNdarray(n.left) !== isNdarray(n.right)) plans.set(n, dynamicOp(n, cmp[0]));
        else if (L === "tensor" && OPERAND.has(R)) plans.set(n, method(n.left, n.operatorToken, n.right, cmp[0], "tensor"));
        else if (R === "tensor" && SCALAR.has(L)) plans.set(n, reflected(n, cmp[1]));
        else if (untyped(L, R)) plans.set(n, dynamicOp(n, cmp[0]));
        // An untyped value beside a string (`df.columns != 'label'` of a frame a function was given, or a
        // name the cell rebound to another type): pandas' elementwise answer at run time, a string's as JavaScript's.
        else if (allowDynamic && (op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken) && ((L === "any" && R === "string") || (L === "string" && R === "any"))) plans.set(n, dynamicOp(n, cmp[0]));
        // pandas' `df.dtypes != 'object'`, `s == 'a'`: elementwise, a Series, whatever the other side is; an
        // Index's `train.columns != "label"` a bool array.
        else if (allowDynamic && (isPandas(n.left) || isPandas(n.right) || isPandasIndex(n.left) || isPandasIndex(n.right))) plans.set(n, dynamicOp(n, cmp[0]));
        else if ((op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken) && (isNpDtype(n.left) || isNpDtype(n.right))) {
          // NumPy's `a.dtype == np.float32`, `a.dtype == 'int64'`: the dtype's __eq__ (JavaScript compares identity).
          plans.set(n, sequenceEq(n, cmp[0] as "eq" | "ne", false));
        } else if ((op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken) && PY_EQ_SIDE.has(L) && PY_EQ_SIDE.has(R) && ((L === "other" && mayBeArray(checker.getTypeAtLocation(strip(n.left)))) || (R === "other" && mayBeArray(checker.getTypeAtLocation(strip(n.right)))))) {
          // `x.shape == [2, 3]`, `list_a == list_b`: JavaScript compares the two arrays' identity.
          plans.set(n, sequenceEq(n, cmp[0] as "eq" | "ne", L === "any" || R === "any"));
        }
        return;
      }
      const bit = BITWISE[op];
      if (bit) {
        // NumPy's `(a > 0) & (a < 5)`: the array's own method (torch's bitwise functions take no ndarray).
        if (L === "tensor" && OPERAND.has(R) && isNdarray(n.left)) plans.set(n, method(n.left, n.operatorToken, n.right, bit, "tensor"));
        else if (R === "tensor" && SCALAR.has(L) && isNdarray(n.right)) plans.set(n, reflected(n, bit));
        else if ((L === "tensor" && OPERAND.has(R)) || (R === "tensor" && SCALAR.has(L))) plans.set(n, torchCall(bit, n.left, n.operatorToken, n.right));
        else if (untyped(L, R)) plans.set(n, dynamicOp(n, bit));
        return;
      }
      // `p -= g` on a const binding (`for (const p of model.parameters())`) is an error to the checker,
      // which then types `p` there as the error type; the rewrite writes in place and never rebinds, so
      // the binding's declared type decides.
      const target = L === "any" && t.isIdentifier(strip(n.left)) ? checker.getSymbolAtLocation(strip(n.left)) : undefined;
      const LT = target ? kindOfType(t, checker, checker.getTypeOfSymbol(target)) : L;
      if (inplace && LT === "tensor" && OPERAND.has(R)) {
        plans.set(n, method(n.left, n.operatorToken, n.right, inplace, "tensor"));
        if (wholeFloatLiteral(t, n.right)) floatOperand(n.left, inplace);
      } else if (allowDynamic && inplace && LT === "any" && OPERAND.has(R) && target && isConst(target)) {
        // `for (const w of params) w -= lr * w.grad` with untyped params (CS231n's train_part2): in
        // place on the tensor, never rebinding the const.
        plans.set(n, dynamicInPlace(n, "assignConst", inplace));
      } else if (allowDynamic && inplace && LT === "any" && OPERAND.has(R) && rereadable(n.left)) {
        plans.set(n, dynamicAssign(n, inplace));
      }
      return;
    }
    if (allowDynamic && (t.isPrefixUnaryExpression(n) || t.isPostfixUnaryExpression(n)) && (n.operator === K.PlusPlusToken || n.operator === K.MinusMinusToken)) {
      // Python has no `++`: on a tensor typed `any` it is `x += 1` (in place), on a number JavaScript's own.
      const inplace = n.operator === K.PlusPlusToken ? "add_" : "sub_";
      const target = strip(n.operand);
      const old = t.isPostfixUnaryExpression(n) && !valueUnused(n);
      // A const written to is the error type to the checker, which reads as `any`: the declared type decides.
      const symbol = t.isIdentifier(target) ? checker.getSymbolAtLocation(target) : undefined;
      const untypedTarget = symbol ? kindOfType(t, checker, checker.getTypeOfSymbol(symbol)) === "any" : kindOf(target) === "any";
      if (t.isElementAccessExpression(target) && !target.questionDotToken) {
        if (kindOf(target.expression) !== "any") return;
        plans.set(n, {
          result: "any",
          emit: (o) => {
            o.insert(`${DYNAMIC_REF}.compound("${inplace}", `);
            objectAndKey(target);
            o.insert(`, 1${old ? ", true" : ""})`);
          },
        });
      } else if (untypedTarget && rereadable(target)) {
        plans.set(n, {
          result: "any",
          emit: (o) => {
            o.insert(old ? `${DYNAMIC_REF}.postfix(` : "(");
            if (old) {
              emit(target);
              o.insert(", ");
            }
            emit(target);
            o.insert(` = ${DYNAMIC_REF}.assign("${inplace}", `);
            emit(target);
            o.insert(", 1))");
          },
        });
      }
      return;
    }
    const unaryDunder = t.isPrefixUnaryExpression(n) ? UNARY_DUNDERS[n.operator === K.MinusToken ? "neg" : n.operator === K.PlusToken ? "pos" : n.operator === K.TildeToken ? "bitwise_not" : ""] : undefined;
    if (unaryDunder && !dunderPlanned.has(strip((n as ts.PrefixUnaryExpression).operand)) && definesDunder((n as ts.PrefixUnaryExpression).operand, unaryDunder)) {
      // `-v` of an object whose class defines __neg__ (micrograd's Value): v.__neg__().
      const operand = (n as ts.PrefixUnaryExpression).operand;
      plans.set(n, { result: "other", emit: (o) => { receiver(operand); o.insert(`.${unaryDunder}()` + newlines(n.getStart(sf), operand.getStart(sf))); } });
      dunderPlanned.add(n);
      return;
    }
    if (allowDynamic && t.isPrefixUnaryExpression(n) && (n.operator === K.MinusToken || n.operator === K.TildeToken) && operandKind(n.operand) === "any") {
      const name = n.operator === K.MinusToken ? "neg" : "bitwise_not";
      plans.set(n, { result: "any", emit: (o) => { o.insert(`${DYNAMIC_REF}.unary("${name}", `); emit(n.operand); o.insert(")" + newlines(n.getStart(sf), n.operand.getStart(sf))); } });
      return;
    }
    if (t.isPrefixUnaryExpression(n) && kindOf(n.operand) === "tensor") {
      if (n.operator === K.MinusToken) {
        plans.set(n, { result: "tensor", emit: (o) => { receiver(n.operand); o.insert(".neg()" + newlines(n.getStart(sf), n.operand.getStart(sf))); } });
      } else if (n.operator === K.TildeToken && isNdarray(n.operand)) {
        plans.set(n, { result: "tensor", emit: (o) => { receiver(n.operand); o.insert(".invert()" + newlines(n.getStart(sf), n.operand.getStart(sf))); } });
      } else if (n.operator === K.TildeToken) {
        plans.set(n, { result: "tensor", emit: (o) => { o.insert(`${TORCH_REF}.bitwise_not(`); emit(n.operand); o.insert(")" + newlines(n.getStart(sf), n.operand.getStart(sf))); } });
      }
      return;
    }
    if (t.isElementAccessExpression(n) && !n.questionDotToken) {
      // `l[k]`, `s[i - 1]`, `l[k] = v` on a list, tuple or string: Python's index (kernel/sequence_index.ts).
      const sequence = sequenceIndex(sequenceContext, n);
      if (sequence) {
        plans.set(n, { result: kindOf(n), emit: sequence });
        sequencePlans.add(n);
        return;
      }
      const parent = n.parent;
      const written =
        (t.isPrefixUnaryExpression(parent) || t.isPostfixUnaryExpression(parent)) && (parent.operator === K.PlusPlusToken || parent.operator === K.MinusMinusToken);
      if (written || t.isDeleteExpression(parent)) return;
      const obj = kindOf(n.expression);
      if ((obj === "other" || obj === "string") && kindOf(n.argumentExpression) === "tensor") {
        // Python's `lst[t]` (a list, tuple or str indexed by a one-element integer tensor): t.__index__().
        wrap(n.argumentExpression, `${DYNAMIC_REF}.index(`, ")");
        return;
      }
      let top: ts.Node = n.parent;
      while (t.isParenthesizedExpression(top)) top = top.parent;
      if (obj === "tensor" && assignedTo(n) && !t.isBinaryExpression(top) && indexKind(n.argumentExpression, true)) {
        // Python's `k[:2], k[3:5] = K[0, :], K[1, :]`: a destructuring target, which must stay assignable,
        // becomes a slot whose `value` setter is the tensor's setitem (each write in the tuple's order).
        const setter = indexKind(n.argumentExpression, true) === "list" ? "__setitem__" : "setitem";
        plans.set(n, {
          result: "other",
          emit: (o) => {
            o.insert(`${DYNAMIC_REF}.item_slot(`);
            receiverAndIndex(n, o, ", ", `, "${setter}").value`);
          },
        });
        return;
      }
      let name: string | undefined;
      if (obj === "tensor" || (obj === "any" && tupleItems(n.argumentExpression))) {
        // An untyped receiver (a plain Module's result) with a comma subscript is read as a tensor's
        // tuple index too: as JavaScript, the comma would drop every item but the last.
        const arg = indexKind(n.argumentExpression);
        // An untyped single key is known only at run time: __getitem__ reads a list as Python's list
        // (`np.eye(n)[input]`, `input` an untyped list: its rows), anything else as index() does.
        const untypedKey = arg === "index" && !tupleItems(n.argumentExpression) && kindOf(n.argumentExpression) === "any";
        name = arg === "number" ? "get" : arg === "list" || untypedKey ? "__getitem__" : arg ? "index" : undefined;
      } else if (obj === "dataset") {
        const type = checker.getTypeAtLocation(strip(n.expression));
        name = type.getProperty("getitem") ? "getitem" : type.getProperty("__getitem__") ? "__getitem__" : undefined;
      } else if (obj === "other" && !assignedTo(n) && containerGet(n)) {
        // `seq[5]`, `layers[-1]`, `heads["q"]` on an nn container: its get(), which raises Python's
        // IndexError / KeyError where JavaScript would read a missing position or key as undefined.
        name = "get";
      } else if (obj === "other" && !assignedTo(n) && containerSlice(n)) {
        // `features[":5"]`: Python's slice of a Sequential, a Sequential of those children (JavaScript read undefined).
        name = "__getitem__";
      } else if (obj === "other" && !assignedTo(n) && ownGetitem(n.expression)) {
        // An object of a class with Python's `__getitem__` (a hand-written container or data set): `obj[i]`
        // is its __getitem__ (a slice string and a tuple too), as Python's; JavaScript read a property.
        name = "__getitem__";
      } else if (obj !== "any" && negativeLiteral(n.argumentExpression) && !assignedTo(n) && hasAt(n.expression)) {
        // Python's `shape[-1]`, `lst[-1]`, `s[-2]` on an array, a torch.Size, a string or a typed array,
        // which JavaScript reads as undefined: `.at(-1)`.
        name = "at";
      } else if (((obj === "any" && (allowDynamic || ndarrayRead(strip(n.expression) as ts.Expression))) || (obj !== "any" && (sliceOfSequence(n) || isMap(n.expression) || plainDict(n.expression)))) && !assignedTo(n)) {
        // `net[0].weight["0, :5"]` (a child reached untyped): a tensor's index at run time, else JavaScript's.
        // `a[1][0]` of a NumPy array (a row or a scalar) is planned so before the operators around it, which then see NumPy's scalar.
        // A list's or string's slice (`xs[":3"]`, JavaScript's undefined) is Python's there too, and so is
        // a dict's item (`d["k"]`, `word2idx[w]`): a missing key is Python's KeyError, not undefined.
        const dictItem = obj !== "any" && !sliceOfSequence(n) && !isMap(n.expression);
        // A key the dict's type declares (`cfg["lr"]` of `{lr: 1.0}`) is there; a callee (`funcs["relu"]()`) keeps its call.
        const declared = t.isStringLiteral(n.argumentExpression) && checker.getTypeAtLocation(strip(n.expression)).getProperty(n.argumentExpression.text) !== undefined;
        const callee = (t.isCallExpression(top) || t.isNewExpression(top)) && strip(top.expression) === n;
        if (dictItem && (jsMissingTest(n) || declared || callee)) return;
        const lenient = !dictItem && jsMissingTest(n);
        plans.set(n, {
          result: dictItem ? kindOf(n) : "any",
          emit: (o) => {
            o.insert(`${DYNAMIC_REF}.getitem(`);
            const close = objectAndKey(n);
            gap(n.argumentExpression.end, close, close + 1, n.end, lenient ? ", true)" : ")");
          },
        });
        return;
      }
      if (!name) return;
      const call = name;
      // NumPy's `a[1]` / `a[1, -1]` is an element (a scalar) or a row, known only at run time: its operators
      // and formatting are decided there (a float's `+ 1`, `${b[1]}`), as for an untyped value.
      const scalarOrRow = call === "get" && isNdarray(n.expression);
      plans.set(n, {
        result: obj === "tensor" ? (scalarOrRow ? "any" : "tensor") : obj === "any" ? "any" : "other",
        emit: (o) => {
          receiver(n.expression);
          const open = text.indexOf("[", n.expression.end);
          gap(n.expression.end, open, open + 1, n.argumentExpression.getStart(sf), `.${call}(`);
          emit(n.argumentExpression);
          const close = text.lastIndexOf("]", n.end - 1);
          // `at` is typed `T | undefined`; the index read it replaces was `T`.
          gap(n.argumentExpression.end, close, close + 1, n.end, call === "at" ? ")!" : ")");
        },
      });
    }
  };

  const visit = (n: ts.Node): void => {
    if (n.end <= offset) return;
    n.forEachChild(visit);
    consider(n);
  };
  sf.forEachChild(visit);
  // Each parameter read where its float shows records on entry whether the caller passed one (after a constructor's super call).
  for (const p of paramsRead) {
    const fn = p.parent as ts.FunctionDeclaration | ts.MethodDeclaration | ts.ConstructorDeclaration;
    const record = parameterRecord(p);
    const first = fn.body!.statements[0];
    if (record === null || first === undefined) continue;
    const superCall = t.isExpressionStatement(first) && t.isCallExpression(first.expression) && first.expression.expression.kind === K.SuperKeyword;
    // `super()` written without its `;` (Python's `super().__init__()` line) would call its result: `super() (D.param_float(...))`.
    if (superCall) wrap(first, "", `${first.getText(sf).endsWith(";") ? "" : ";"} ${record}`);
    else wrap(first, `${record} `, "");
  }
  if (plans.size === 0 && wraps.size === 0) return null;
  out = new Output(text, offset);
  let pos = offset;
  sf.forEachChild((c) => {
    if (c.end <= offset) return;
    out.copy(pos, c.getStart(sf));
    emit(c);
    pos = c.end;
  });
  out.copy(pos, sf.end);
  return out;
}

let operatorChecks = 0;

/** How many versions of a cell rewriteTensorOperators has had type-checked on this thread (its passes: each a program and checker of its own). */
export function operatorCheckCount(): number {
  return operatorChecks;
}

/** What one check of rewriteTensorOperators rewrote: typed operators, the untyped ones (none typed being left), or nothing (its last). */
export type PassKind = "typed" | "dynamic" | "none";
type PassListener = (pass: number, checked: string, rewrote: PassKind) => void;
let passListener: PassListener | null = null;

/**
 * Calls `listener` after each pass rewriteTensorOperators makes from now on (its number in the call,
 * the text it type-checked, what it rewrote), until the returned function is called: what makes a
 * cell need more checks than its first and last (bench/dialect_passes.js).
 */
export function onOperatorPass(listener: PassListener): () => void {
  passListener = listener;
  return () => {
    if (passListener === listener) passListener = null;
  };
}

/**
 * Rewrites `code` until the checker finds nothing more to rewrite. `check` type-checks a version of
 * the cell (in the context of the earlier cells) and returns the checker and the parsed cell.
 */
export function rewriteTensorOperators(code: string, check: (code: string) => Checked): Rewritten {
  const t = typescript();
  const maps: Output[] = [];
  let current = code;
  // Typed rewrites until none is left, then the operators still on `any` operands (run-time dispatch).
  // The first pass with nothing typed left to rewrite looks again at the same check, at no compile's cost.
  let allowDynamic = false;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const checked = check(current);
    operatorChecks++;
    let out = rewritePass(t, checked, allowDynamic);
    if ((!out || out.text === current) && !allowDynamic) {
      allowDynamic = true;
      out = rewritePass(t, checked, true);
    }
    const changed = !!out && out.text !== current;
    passListener?.(pass, current, !changed ? "none" : allowDynamic ? "dynamic" : "typed");
    if (!out || out.text === current) break;
    maps.push(out);
    current = out.text;
  }
  return {
    code: current,
    mapBack: (offset) => maps.reduceRight((at, m) => m.mapBack(at), offset),
    mapForward: (offset) => maps.reduce((at, m) => m.mapForward(at), offset),
  };
}

/**
 * `{0: 0, 1: 0}`: an object literal whose keys are all int literals, Python's dict keyed by ints; not a
 * destructuring target (`({0: first} = pair)`), which is no value to mark.
 */
function intKeyedLiteral(t: typeof ts, n: ts.Node): boolean {
  if (!t.isObjectLiteralExpression(n) || n.properties.length === 0) return false;
  if (!n.properties.every((p) => t.isPropertyAssignment(p) && t.isNumericLiteral(p.name) && /^(0|[1-9][0-9]*)$/.test(p.name.text))) return false;
  let e: ts.Node = n;
  while (t.isParenthesizedExpression(e.parent) || t.isArrayLiteralExpression(e.parent) || t.isPropertyAssignment(e.parent) || t.isObjectLiteralExpression(e.parent)) e = e.parent;
  const p = e.parent;
  const target = p !== undefined && ((t.isBinaryExpression(p) && p.operatorToken.kind === t.SyntaxKind.EqualsToken && p.left === e) || ((t.isForOfStatement(p) || t.isForInStatement(p)) && p.initializer === e));
  return !target;
}

/**
 * Whether `code` has any syntax the dialect could rewrite (an operator it maps, unary minus or
 * tilde, element access, a whole number written as a float, a call of a dict method's name). A cell without any (an import, a call,
 * a declaration) skips the type-checked pass, which builds a program of its own: the prelude and
 * many cells compile once.
 */
export function mayUseDialect(code: string): boolean {
  const t = typescript();
  tables(t);
  const K = t.SyntaxKind;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (
      t.isElementAccessExpression(n) ||
      t.isTemplateSpan(n) || t.isDeleteExpression(n) || intKeyedLiteral(t, n) ||
      // `sd.keys()`, `cfg.get("lr", 0.1)`, `vocab.add(w)`: maybe Python's dict methods on a plain object (src/pydict.ts), or a set's.
      (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && (DICT_METHODS.has(n.expression.name.text) || LIST_METHODS.has(n.expression.name.text) || STR_METHODS.has(n.expression.name.text) || n.expression.name.text === "add")) ||
      // `2 in [1, 2]`: maybe Python's membership test (src/pyin.ts).
      (t.isBinaryExpression(n) && n.operatorToken.kind === K.InKeyword) ||
      (t.isPrefixUnaryExpression(n) && (n.operator === K.MinusToken || n.operator === K.TildeToken || n.operator === K.ExclamationToken)) ||
      ((t.isPrefixUnaryExpression(n) || t.isPostfixUnaryExpression(n)) && (n.operator === K.PlusPlusToken || n.operator === K.MinusMinusToken)) ||
      t.isConditionalExpression(n) || t.isIfStatement(n) || t.isWhileStatement(n) || t.isDoStatement(n) || (t.isForStatement(n) && n.condition !== undefined) ||
      wholeFloatLiteral(t, n) ||
      // Python's floats the cell makes without a literal (`math.sqrt(4)`, `float(3)`, a tensor's `.item()`)
      // and the builtins that tell a float (`isinstance(x, float)`, `type(x)`, `repr(x)`, `sum([...])`).
      (t.isPropertyAccessExpression(n) && t.isIdentifier(n.expression) && n.expression.text === "math" && MATH_FLOATS.has(n.name.text)) ||
      (t.isCallExpression(n) && t.isIdentifier(n.expression) && FLOAT_BUILTINS.has(n.expression.text)) ||
      (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && n.expression.name.text === "item" &&
        (t.isCallExpression(n.parent) || t.isArrayLiteralExpression(n.parent) || t.isPropertyAssignment(n.parent) || t.isTemplateSpan(n.parent) ||
          t.isVariableDeclaration(n.parent) || t.isBinaryExpression(n.parent))) ||
      // `return a, b`: Python's tuple.
      (t.isReturnStatement(n) && n.expression !== undefined && t.isBinaryExpression(n.expression) && n.expression.operatorToken.kind === K.CommaToken) ||
      // `np.ones((2, 2))`, `torch.zeros((2, 3))`: Python's tuple in parentheses.
      (t.isParenthesizedExpression(n) && t.isBinaryExpression(n.expression) && n.expression.operatorToken.kind === K.CommaToken) ||
      // `xs.sort()` / `xs.reverse()` as a cell's statement: Python's None.
      (t.isExpressionStatement(n) && t.isCallExpression(n.expression) && t.isPropertyAccessExpression(n.expression.expression) &&
        ["sort", "reverse"].includes(n.expression.expression.name.text)) ||
      // A cell ending in `best`, `t.item()`, `np.mean(xs)`, `a.mean()`: its value may be Python's float (`2.0`).
      (t.isExpressionStatement(n) && t.isSourceFile(n.parent) && shownFloat(n.expression)) ||
      // print(best), str(self.lr): a variable or attribute that may hold a float (rewritePass's floatVarKey, floatAttr).
      // print(f()), print(np.mean(xs)): a call whose result may be a float (a notebook function's, NumPy's scalar).
      (t.isCallExpression(n) && t.isIdentifier(n.expression) && (n.expression.text === "print" || n.expression.text === "str") &&
        n.arguments.some((a) => t.isIdentifier(a) || t.isPropertyAccessExpression(a) || t.isCallExpression(a)))
    ) {
      found = true;
      return;
    }
    if (t.isBinaryExpression(n)) {
      const op = n.operatorToken.kind;
      if (ARITHMETIC[op] || COMPARISON[op] || BITWISE[op] || COMPOUND[op] || op === K.AmpersandAmpersandToken || op === K.BarBarToken) {
        found = true;
        return;
      }
    }
    n.forEachChild(visit);
  };
  parse(code).forEachChild(visit);
  return found;
}

/** NumPy's reductions and scalars, whose result a cell may show (`np.mean(xs)` is `2.0`). */
const SHOWN_SCALARS: ReadonlySet<string> = new Set(["item", "mean", "std", "var", "sum", "max", "min", "median", "average", "float64", "float32", "dot", "norm", "prod"]);

/** A cell's last expression whose value may be a float only the run tells: a name, `.item()` or a NumPy scalar. */
function shownFloat(e: ts.Expression): boolean {
  const t = typescript();
  if (t.isIdentifier(e)) return true;
  // Without arguments (`a.mean()`) or NumPy's own (`np.mean(xs)`): a keyword argument (`x.sum(dim=dim)`) is not read as an assignment here.
  if (!t.isCallExpression(e) || !t.isPropertyAccessExpression(e.expression) || !SHOWN_SCALARS.has(e.expression.name.text)) return false;
  const np = t.isIdentifier(e.expression.expression) && e.expression.expression.text === "np";
  return e.arguments.length === 0 || (np && e.arguments.every((a) => !t.isBinaryExpression(a)));
}

/** `a.b(...)` (in parentheses or not): a call whose result, a tensor, `!` asks for its truth value. */
function methodCall(n: ts.Node): boolean {
  const t = typescript();
  if (t.isParenthesizedExpression(n)) return methodCall(n.expression);
  return t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression);
}

/** TypeScript's "Value of type '{0}' is not callable. Did you mean to include 'new'?" */
export const CALLED_CLASS = 2348;

/** A callee that `new` can precede as it is: `Net`, `nn.Conv2d`, `torchvision.transforms.ToTensor`. */
function plainCallee(t: typeof ts, n: ts.Expression): boolean {
  if (t.isIdentifier(n)) return true;
  return t.isPropertyAccessExpression(n) && n.questionDotToken === undefined && t.isIdentifier(n.name) && plainCallee(t, n.expression);
}

/**
 * Puts `new` before each call in `code` that spans one of `ranges` ([start, end) where the compiler
 * reported error CALLED_CLASS): `nn.Linear(2, 3).to(device)` becomes `new nn.Linear(2, 3).to(device)`,
 * which JavaScript reads as `(new nn.Linear(2, 3)).to(device)`; another callee is parenthesised
 * (`new (make())(x)`). Returns null when no reported offset is such a call. Lines do not move.
 */
export function insertNew(code: string, ranges: readonly (readonly [number, number])[]): Rewritten | null {
  // Every cell's conversion asks; most report nothing, and need no parse.
  if (ranges.length === 0) return null;
  const t = typescript();
  const wanted = new Set(ranges.map(([start, end]) => `${start}:${end}`));
  const sf = parse(code);
  const inserts: Insert[] = [];
  const visit = (n: ts.Node): void => {
    // The range tells `make()()` (the call reported) from `make()`, which starts at the same place.
    if (t.isCallExpression(n) && wanted.has(`${n.getStart(sf)}:${n.end}`)) {
      const callee = n.expression;
      if (plainCallee(t, callee)) inserts.push({ at: callee.getStart(sf), text: "new " });
      else inserts.push({ at: callee.getStart(sf), text: "new (" }, { at: callee.end, text: ")" });
    }
    n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return inserts.length === 0 ? null : inserted(code, inserts);
}

/** TypeScript's "Cannot find name '{0}'." and "Cannot find name '{0}'. Did you mean '{1}'?" */
export const CANNOT_FIND_NAME = [2304, 2552];
/** kernel/live_globals.ts (the notebook's globals at run time), reached as TORCH_REF reaches torch. */
export const GLOBALS_REF = `(require("torchlab/dist/kernel/live_globals") as typeof import("torchlab/dist/kernel/live_globals"))`;

/**
 * Python looks a name up when the function runs, so `def f(): return g()` may come cells before
 * `def g`. Among `ranges` (the names the compiler could not find), each read as a value inside a
 * function body becomes `(GLOBALS_REF.lookup(exports, "g"))`: typed `any`, the notebook's binding
 * of `g` when it runs, and Python's NameError when there is none (a called name goes through
 * `callee`, which constructs a class as Python's call does). A name at the cell's top level,
 * in a type or assigned to stays an error. Null when none applies.
 */
export function lateBoundNames(code: string, ranges: readonly (readonly [number, number])[]): Rewritten | null {
  if (ranges.length === 0) return null;
  const t = typescript();
  // A name a block of the same function declared before is that function's (blockVarDeclarations).
  const local = blockVarDeclarations(code, ranges)?.reads;
  const wanted = new Set(ranges.map(([start, end]) => `${start}:${end}`).filter((key) => !local?.has(key)));
  const sf = parse(code);
  const K = t.SyntaxKind;
  const readLater = (n: ts.Identifier): boolean => {
    const p = n.parent;
    if (t.isBinaryExpression(p) && p.left === n && p.operatorToken.kind >= K.FirstAssignment && p.operatorToken.kind <= K.LastAssignment) return false;
    if ((t.isPrefixUnaryExpression(p) || t.isPostfixUnaryExpression(p)) && (p.operator === K.PlusPlusToken || p.operator === K.MinusMinusToken)) return false;
    if (t.isShorthandPropertyAssignment(p) || ((t.isForOfStatement(p) || t.isForInStatement(p)) && p.initializer === n)) return false;
    for (let a: ts.Node = p; a; a = a.parent) {
      if (t.isTypeNode(a) || t.isHeritageClause(a) || t.isDecorator(a)) return false;
      if (t.isFunctionLike(a)) return true;
    }
    return false;
  };
  const inserts: Insert[] = [];
  const visit = (n: ts.Node): void => {
    if (t.isIdentifier(n) && wanted.has(`${n.getStart(sf)}:${n.end}`) && readLater(n)) {
      const called = t.isCallExpression(n.parent) && n.parent.expression === n;
      inserts.push({ at: n.getStart(sf), text: `(${GLOBALS_REF}.${called ? "callee" : "lookup"}(exports, "` }, { at: n.end, text: `"))` });
    }
    n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return inserts.length === 0 ? null : inserted(code, inserts);
}

/** `code` with `inserts` applied, and the offsets mapped both ways. */
/** A format spec as code: a string, or a template literal when it nests replacement fields (`>{w}.{p}f`). */
function specLiteral(spec: string): string {
  if (!/\{[^{}]*\}/.test(spec)) return JSON.stringify(spec);
  return `\`${spec.replace(/[`\\$]/g, "\\$&").replace(/\{([^{}]*)\}/g, "${$1}")}\``;
}

/** The Python syntax a cell is marked with before compiling (prepareCellSource), as a Rewritten: completion and hover map the cursor through it. */
function pythonSyntaxMarked(written: string): Rewritten {
  // `r"..."`: the prefix a space, backslashes doubled (kernel/raw_strings.ts).
  const raw = rawStrings(written);
  const rs = raw === null ? UNCHANGED(written) : inserted(raw.code, raw.inserts);
  const fd = floorMarked(rs.code);
  // `**` of a call argument is `$=` (kernel/keyword_unpacking.ts), a `None` default `null`
  // (kernel/none_default.ts), `del x` `x=void 0` (kernel/del_name.ts), `extends object` blanks (kernel/object_base.ts): same width, nothing to map.
  const code = markObjectBase(markKeywordUnpacking(fd.code));
  const spans = formatSpecSpans(code);
  const fs = spans.length === 0 ? UNCHANGED(code) : inserted(code, spans.flatMap(([open, close]) => [{ at: open, text: "/*" }, { at: close, text: "*/" }]));
  const sl = inserted(fs.code, sliceInserts(fs.code));
  const mm = matmulMarked(sl.code);
  return {
    code: markDelNames(markNoneDefaults(mm.code)),
    mapBack: (offset) => rs.mapBack(fd.mapBack(fs.mapBack(sl.mapBack(mm.mapBack(offset))))),
    mapForward: (offset) => mm.mapForward(sl.mapForward(fs.mapForward(fd.mapForward(rs.mapForward(offset))))),
  };
}

/** markFloorDivision as a Rewritten: each candidate `//` is `/ ` (`//=` is `/= `, the same width) and the mark inserted after it. */
function floorMarked(code: string): Rewritten {
  const found = floorDivisionCandidates(code);
  if (found.length === 0) return UNCHANGED(code);
  let operators = code;
  for (const d of found) operators = `${operators.slice(0, d.at)}${floorOperatorText(d)}${operators.slice(markAfterFloor(d))}`;
  return inserted(operators, found.map((d) => ({ at: markAfterFloor(d), text: FLOOR_MARK })));
}

/**
 * Whether the class of `side`'s type defines the operator method `name` (`__add__`, `__floordiv__`): one of
 * the notebook's classes (this cell's or an earlier one's) or of src/datetime.ts.
 */
function definesOperatorMethod(checker: ts.TypeChecker, sf: ts.SourceFile, side: ts.Node, name: string): boolean {
  const declarations = checker.getTypeAtLocation(side).getProperty(name)?.declarations ?? [];
  return declarations.some((d) => {
    const file = d.getSourceFile();
    return file === sf || /(^|\/)__prev__\.d\.ts$/.test(file.fileName) || libraryFile(file.fileName, DUNDER_LIBRARY_FILE);
  });
}

/** What Python's `//` takes: numbers (booleans), tensors and NumPy arrays, and untyped values (decided as it runs). */
const FLOOR_OPERANDS: ReadonlySet<Kind> = new Set(["tensor", "number", "boolean", "any"]);
/** TypeScript's "The left-hand (right-hand) side of an arithmetic operation must be of type 'any', 'number', ...": a tensor's, which the dialect rewrites. */
const ARITHMETIC_OPERAND: readonly number[] = [2362, 2363];

/**
 * The `//` that kernel/floor_division.ts marked in `code`, decided with the checker: where both operands
 * are numbers, tensors, arrays or untyped, or an operand's class has Python's operator method for it, and
 * the right operand type-checks, Python's floor division:
 *
 *   a // b (numbers, untyped; a tensor on the right)  ->  <dynamic>.floordiv(a, b)  (Python's int / float floor, PyTorch's rounding_mode='floor')
 *   t // b (t a tensor or array)                     ->  t.floor_divide(b)
 *   a // b (a's class defines __floordiv__)          ->  a.__floordiv__(b)  (a timedelta's; b's __rfloordiv__ through <dynamic>.floordiv)
 *   x //= b                                          ->  x = <dynamic>.assign("floor_divide_", x, b); t.floor_divide_(b) for a tensor
 *   x[i] //= b                                       ->  <dynamic>.compound("floor_divide_", x, i, b)
 *
 * Anywhere else (an operand that is a string or an object, a name that does not exist: `x = 5  // epochs`),
 * unless inside brackets that close on its line (kernel/floor_division.ts bracketedOnLine), it was a comment: the text from the `/` to the end of its statement on that line is blanked, the same
 * width. Without a checker (`checked` null) every mark is a comment. Widths kept except the inserted calls.
 */
function floorDivisions(code: string, checked: Checked | null): Rewritten {
  if (!code.includes(FLOOR_MARK)) return UNCHANGED(code);
  const t = typescript();
  const K = t.SyntaxKind;
  const sf = checked?.sourceFile ?? parse(code);
  const offset = checked?.offset ?? 0;
  const diagnostics = checked?.program?.getSemanticDiagnostics(sf) ?? [];
  const at = (pos: number) => pos - offset;
  const unparen = (n: ts.Node): ts.Node => (t.isParenthesizedExpression(n) ? unparen(n.expression) : n);
  const kind = (n: ts.Node): Kind => (checked ? kindOfType(t, checked.checker, checked.checker.getTypeAtLocation(n)) : "other");
  // `total // step` of objects whose class defines `__floordiv__` (a timedelta): the left's method, typed by it; the
  // right one's `__rfloordiv__`, or an operand that is an operator on such objects (`(end - start) // step`, which the
  // checker types a number), Python's protocol as it runs (<dynamic>.floordiv).
  const dunder = (n: ts.BinaryExpression): "left" | "dynamic" | null => {
    if (checked === null) return null;
    const defines = (e: ts.Node, name: string) => definesOperatorMethod(checked.checker, sf, unparen(e), name);
    // The arithmetic operators by the tensor method name src/pyoperator.ts keys their operator methods under.
    const methods = new Map([[K.PlusToken, "add"], [K.MinusToken, "sub"], [K.AsteriskToken, "mul"], [K.SlashToken, "div"], [K.PercentToken, "remainder"], [K.AsteriskAsteriskToken, "pow"]]);
    const methodOperator = (e: ts.Node): boolean => {
      const m = unparen(e);
      const names = t.isBinaryExpression(m) ? DUNDERS[methods.get(m.operatorToken.kind) ?? ""] : undefined;
      return names !== undefined && (defines((m as ts.BinaryExpression).left, names[0]) || defines((m as ts.BinaryExpression).right, names[1]));
    };
    if (defines(n.left, "__floordiv__")) return "left";
    return defines(n.right, "__rfloordiv__") || methodOperator(n.left) || methodOperator(n.right) ? "dynamic" : null;
  };
  const marked: { n: ts.BinaryExpression; left: Kind; ok: boolean; method: boolean }[] = [];
  const visit = (n: ts.Node): void => {
    if (t.isBinaryExpression(n) && (n.operatorToken.kind === K.SlashToken || n.operatorToken.kind === K.SlashEqualsToken) && sf.text.slice(n.operatorToken.end, n.right.getStart(sf)).includes(FLOOR_MARK)) {
      const [start, end] = [n.right.getStart(sf), n.right.end];
      const broken = diagnostics.some((d) => d.file === sf && d.start !== undefined && d.start >= start && d.start < end && !ARITHMETIC_OPERAND.includes(d.code));
      // `x //= 2` on a `const x` tensor: the checker types the target as its error type; the binding's declared type decides.
      const target = unparen(n.left);
      const symbol = n.operatorToken.kind === K.SlashEqualsToken && t.isIdentifier(target) && checked ? checked.checker.getSymbolAtLocation(target) : undefined;
      const left = symbol ? kindOfType(t, checked!.checker, checked!.checker.getTypeOfSymbol(symbol)) : kind(n.left);
      const numeric = FLOOR_OPERANDS.has(left) && FLOOR_OPERANDS.has(kind(n.right));
      const method = !numeric && left !== "tensor" && dunder(n) === "left";
      // Inside brackets that close on its line it is the operator whatever its operands (a comment would have taken the close):
      // a string's is Python's TypeError as it runs, an unknown name the checker's error.
      const operator = numeric || dunder(n) !== null || bracketedOnLine(t, sf, n);
      marked.push({ n, left, method, ok: checked !== null && (!broken || bracketedOnLine(t, sf, n)) && operator });
    }
    n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  // A comment's text: from its `/` to the end of the statement it is in (a `;` that ends it stays: silenceTrailingAssignment's
  // `;void 0` or a loop's yield may follow it), or of its line.
  const blanked: [number, number][] = [];
  for (const { n, ok } of marked) {
    if (ok) continue;
    let statement: ts.Node = n;
    while (statement.parent && !t.isStatement(statement) && !t.isSourceFile(statement.parent)) statement = statement.parent;
    const from = at(n.operatorToken.getStart(sf));
    const eol = code.slice(from).search(/[\r\n\u2028\u2029]|$/) + from;
    const end = at(statement.end) - (code[at(statement.end) - 1] === ";" ? 1 : 0);
    blanked.push([from, Math.max(from, Math.min(end, eol))]);
  }
  const inside = (pos: number) => blanked.some(([from, to]) => pos >= from && pos < to);
  const chars = code.split("");
  for (const [from, to] of blanked) for (let i = from; i < to; i++) chars[i] = " ";
  const inserts: Insert[] = [];
  const closers: Insert[] = [];
  for (const { n, left: L, ok, method } of marked) {
    const op = at(n.operatorToken.getStart(sf));
    if (!ok || inside(op) || inside(at(n.left.getStart(sf)))) continue;
    const left = at(n.left.getStart(sf));
    const right = at(n.right.end);
    const target = unparen(n.left);
    // `t.floor_divide(b)` needs `(...)` around a left operand that is not a primary one (`-t`, `a * t`) or is a number (`7.`).
    const receiver = (): void => {
      if (t.isLeftHandSideExpression(target) && !t.isNumericLiteral(target)) return;
      inserts.push({ at: left, text: "(" });
      closers.push({ at: at(n.left.end), text: ")" });
    };
    if (n.operatorToken.kind === K.SlashToken) {
      if (L === "tensor" || method) {
        receiver();
        chars[op] = " ";
        inserts.push({ at: op, text: method ? ".__floordiv__(" : ".floor_divide(" });
      } else {
        inserts.push({ at: left, text: `${DYNAMIC_REF}.floordiv(` });
        chars[op] = ",";
      }
      const float = L !== "tensor" && wholeFloatLiteral(t, n.left) && kind(n.right) === "tensor";
      closers.push({ at: right, text: float ? ", true)" : ")" });
      continue;
    }
    chars[op] = " ";
    chars[op + 1] = " ";
    if (t.isElementAccessExpression(target) && !target.questionDotToken) {
      // `x[i] //= b`: Python's getitem, in-place floor division and setitem, as `x[i] += b` on an untyped x.
      const open = code.lastIndexOf("[", at(target.argumentExpression.getStart(sf)));
      const close = at(target.end) - 1;
      inserts.push({ at: left, text: `${DYNAMIC_REF}.compound("floor_divide_", ` }, { at: open, text: "," }, { at: op, text: "," });
      chars[open] = " ";
      chars[close] = " ";
    } else if (L === "tensor") {
      receiver();
      inserts.push({ at: op, text: ".floor_divide_(" });
    } else {
      inserts.push({ at: op, text: `= ${DYNAMIC_REF}.assign("floor_divide_", ${code.slice(left, at(n.left.end))},` });
    }
    closers.push({ at: right, text: ")" });
  }
  // A statement that now starts with `(` would continue the line before it (no `;` there, as Python writes):
  // a `;` first, where a statement list holds it.
  const starts = new Set<number>();
  const statements = (n: ts.Node): void => {
    if (t.isExpressionStatement(n) && (t.isBlock(n.parent) || t.isSourceFile(n.parent) || t.isCaseOrDefaultClause(n.parent))) starts.add(at(n.getStart(sf)));
    n.forEachChild(statements);
  };
  sf.forEachChild(statements);
  const guarded = inserts.map((ins, i) => (starts.has(ins.at) && ins.text.startsWith("(") && inserts.findIndex((o) => o.at === ins.at) === i ? { ...ins, text: `;${ins.text}` } : ins));
  // Inner operations close first: `a // b // c` is floordiv(floordiv(a, b), c).
  return inserted(chars.join(""), [...guarded, ...closers.reverse()]);
}

/**
 * The cell as written for a cell that prepareCellSource gave out (each insertion undone: marks, slice
 * strings' quotes, loop yields, expanded shorthands), so that compile errors are placed in the columns the
 * user wrote. For any other cell, the undoing of the marks found in its text (`*` for `@` stays: same
 * length); null when it has none.
 */
function unmarked(code: string): { code: string; mapBack(offset: number): number } | null {
  const prepared = PREPARED.get(code);
  if (prepared !== undefined) return prepared;
  const removed: [number, number][] = [];
  for (const mark of [MATMUL_MARK, FLOOR_MARK]) {
    for (let at = code.indexOf(mark); at >= 0; at = code.indexOf(mark, at + 1)) removed.push([at, at + mark.length]);
  }
  // A spec's comment, `/*:.4f*/` before a template expression's `}`: its `/*` and `*/` go.
  const specs = /\/\*(?:=\s*)?(?:![rsa])?(?::[^\n]*?)?\*\/(?=\s*\})/g;
  for (let m = specs.exec(code); m !== null; m = specs.exec(code)) {
    if (m[0].length > 4) removed.push([m.index, m.index + 2], [m.index + m[0].length - 2, m.index + m[0].length]);
  }
  removed.sort((a, b) => a[0] - b[0]);
  if (removed.length === 0) return null;
  let text = "";
  let from = 0;
  for (const [start, end] of removed) {
    text += code.slice(from, start);
    from = end;
  }
  text += code.slice(from);
  return {
    code: text,
    mapBack: (offset) => offset - removed.reduce((n, [start, end]) => n + (offset >= end ? end - start : offset > start ? offset - start : 0), 0),
  };
}

/** markMatmul as a Rewritten: each `@` operator is `*` (same length) and the mark inserted after it. */
function matmulMarked(code: string): Rewritten {
  const at = matmulPositions(code);
  if (at.length === 0) return UNCHANGED(code);
  let starred = code;
  for (const pos of at) starred = `${starred.slice(0, pos)}*${starred.slice(pos + 1)}`;
  return inserted(starred, at.map((pos) => ({ at: markAfter(code, pos), text: MATMUL_MARK })));
}

function inserted(code: string, inserts: Insert[]): Rewritten {
  const sorted = [...inserts].sort((a, b) => a.at - b.at);
  return {
    code: apply(code, inserts),
    mapBack: (offset) => {
      let shift = 0;
      for (const { at, text } of sorted) {
        if (offset < at + shift) break;
        // Inside the inserted text: the position it was inserted at.
        if (offset < at + shift + text.length) return at;
        shift += text.length;
      }
      return offset - shift;
    },
    mapForward: (offset) => offset + sorted.filter((ins) => ins.at < offset).reduce((n, ins) => n + ins.text.length, 0),
  };
}

/** TypeScript's "Property '{0}' does not exist on type '{1}'." */
export const NO_SUCH_PROPERTY = 2339;
/** The same, with "Did you mean '{2}'?" (`this.fc2 = ...` in a class that has `fc1`). */
export const NO_SUCH_PROPERTY_SUGGESTED = 2551;
/** TypeScript's "Cannot assign to '{0}' because it is a read-only property." */
export const READ_ONLY_PROPERTY = 2540;

/**
 * Among `ranges` (the property names reported READ_ONLY_PROPERTY), those of `this.x = ...` where `x` is a
 * member the type takes from the global `Function` (a module's call signature brings `name` and
 * `length`, read-only), which a module does not have at run time (src/nn/modules/module.ts): Python's
 * `self.name = ...` in `__init__` is an attribute of the module's own, to be declared as
 * NO_SUCH_PROPERTY's are. A read-only property declared anywhere else stays an error.
 */
export function functionMemberAssignments(t: typeof ts, { checker, sourceFile: sf, offset }: Checked, ranges: readonly (readonly [number, number])[]): (readonly [number, number])[] {
  const fromFunction = (start: number, end: number): boolean => {
    let node: ts.Node | undefined = sf;
    while (node) {
      const inner: ts.Node | undefined = node.getChildren(sf).find((c) => c.getStart(sf) <= start + offset && c.end >= end + offset);
      if (!inner) break;
      node = inner;
    }
    const access = node?.parent;
    if (!access || !t.isPropertyAccessExpression(access) || access.expression.kind !== t.SyntaxKind.ThisKeyword) return false;
    const declarations = checker.getSymbolAtLocation(access.name)?.declarations ?? [];
    return declarations.length > 0 && declarations.every((d) => t.isInterfaceDeclaration(d.parent) && d.parent.name.text === "Function");
  };
  return ranges.filter(([start, end]) => fromFunction(start, end));
}

/** The class whose instance `this` is at `node` (through arrow functions), if any. */
function thisClass(t: typeof ts, node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (t.isClassLike(n)) return n;
    if (t.isFunctionLike(n) && !t.isArrowFunction(n) && !t.isMethodDeclaration(n) && !t.isConstructorDeclaration(n) && !t.isAccessor(n)) return undefined;
  }
  return undefined;
}

/**
 * Python declares a module's attributes by assigning them in `__init__` (`self.conv1 = nn.Conv2d(1, 6, 5)`);
 * TypeScript wants them declared (`conv1: nn.Conv2d;`) and reports `this.conv1 = ...` as error
 * NO_SUCH_PROPERTY. For each such assignment among `ranges` (the reported property names), in a
 * class of the cell, this declares the field at the top of the class body, typed as what is assigned
 * (widened: `this.n = 0` is a number; several assignments are a union; what the checker cannot type
 * or print is `any`): `declare conv1: nn.Conv2d;`. `declare` emits nothing, so the assignments run
 * as written (nn.Module sees its submodules as before). Lines do not move. Null when none applies.
 */
export function declareAssignedFields(t: typeof ts, code: string, { checker, sourceFile: sf, offset }: Checked, ranges: readonly (readonly [number, number])[]): Rewritten | null {
  if (sf.text.slice(offset, offset + code.length) !== code) return null;
  const wanted = new Set(ranges.map(([start, end]) => `${start + offset}:${end + offset}`));
  const fields = new Map<ts.ClassLikeDeclaration, Map<string, FieldValue[]>>();
  const assigned = (n: ts.Node): FieldValue | null => {
    const p = n.parent;
    const isAssign = (b: ts.Node, left: ts.Node): b is ts.BinaryExpression => t.isBinaryExpression(b) && b.left === left && b.operatorToken.kind === t.SyntaxKind.EqualsToken;
    if (isAssign(p, n)) return p.right;
    // Python's `self.classes, self.class_to_idx = find_classes(d)`: `[this.a, this.b] = pair`, each field the pair's item type.
    if (t.isArrayLiteralExpression(p) && isAssign(p.parent, p)) {
      const whole = checker.getTypeAtLocation(p.parent.right);
      const items = checker.isTupleType(whole) ? checker.getTypeArguments(whole as ts.TypeReference) : null;
      return items?.[p.elements.indexOf(n as ts.Expression)] ?? "any";
    }
    return null;
  };
  // Python's `self.register_buffer('mean', t)` / `register_parameter` / `add_module` name an attribute too:
  // a later `this.mean` reads it.
  const registered = new Map<ts.ClassLikeDeclaration, Map<string, FieldValue>>();
  const findRegistrations = (n: ts.Node): void => {
    if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && n.expression.expression.kind === t.SyntaxKind.ThisKeyword) {
      const method = n.expression.name.text;
      const [name, value] = n.arguments;
      const cls = thisClass(t, n);
      if (cls && value && name && t.isStringLiteralLike(name) && (method === "register_buffer" || method === "register_parameter" || method === "add_module")) {
        const byName = registered.get(cls) ?? new Map<string, FieldValue>();
        registered.set(cls, byName);
        // A buffer may be registered as None and set later: it is a tensor either way.
        byName.set(name.text, method === "register_buffer" ? "tensor" : value);
      }
    }
    n.forEachChild(findRegistrations);
  };
  sf.forEachChild(findRegistrations);
  const visit = (n: ts.Node): void => {
    if (
      t.isPropertyAccessExpression(n) &&
      n.expression.kind === t.SyntaxKind.ThisKeyword &&
      t.isIdentifier(n.name) &&
      wanted.has(`${n.name.getStart(sf)}:${n.name.end}`)
    ) {
      const value = assigned(n) ?? registered.get(thisClass(t, n) as ts.ClassLikeDeclaration)?.get(n.name.text) ?? null;
      const cls = value ? thisClass(t, n) : undefined;
      if (value && cls && cls.getStart(sf) >= offset) {
        const byName = fields.get(cls) ?? new Map<string, FieldValue[]>();
        fields.set(cls, byName);
        byName.set(n.name.text, [...(byName.get(n.name.text) ?? []), value]);
      }
    }
    n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  if (fields.size === 0) return null;
  const inserts: Insert[] = [];
  for (const [cls, byName] of fields) {
    const brace = cls.getChildren(sf).find((c) => c.kind === t.SyntaxKind.OpenBraceToken);
    if (!brace) continue;
    const declarations = [...byName].map(([name, values]) => ` declare ${name}: ${fieldType(t, checker, cls, values)};`);
    inserts.push({ at: brace.end - offset, text: declarations.join("") });
  }
  return inserts.length === 0 ? null : inserted(code, inserts);
}

/**
 * Whether `e` is an operator the dialect makes a tensor op (`torch.randint(...).float() / 255`, `x > 0`):
 * the checker types it `number` (or boolean), a field assigned it is a Tensor.
 */
function tensorOperator(t: typeof ts, checker: ts.TypeChecker, e: ts.Expression): boolean {
  tables(t);
  const tensor = (n: ts.Expression): boolean => {
    const inner = t.isParenthesizedExpression(n) ? n.expression : n;
    if (t.isBinaryExpression(inner) && (ARITHMETIC[inner.operatorToken.kind] || COMPARISON[inner.operatorToken.kind])) return tensor(inner.left) || tensor(inner.right);
    if (t.isPrefixUnaryExpression(inner) && inner.operator === t.SyntaxKind.MinusToken) return tensor(inner.operand);
    return kindOfType(t, checker, checker.getTypeAtLocation(inner)) === "tensor";
  };
  const inner = t.isParenthesizedExpression(e) ? e.expression : e;
  return (t.isBinaryExpression(inner) || t.isPrefixUnaryExpression(inner)) && tensor(inner);
}

/** What a field is assigned: an expression, a type (an item of a destructured tuple), a tensor (a registered buffer) or any. */
type FieldValue = ts.Expression | ts.Type | "tensor" | "any";

function fieldType(t: typeof ts, checker: ts.TypeChecker, cls: ts.ClassLikeDeclaration, values: FieldValue[]): string {
  const F = t.TypeFormatFlags;
  const printed = new Set<string>();
  for (const value of values) {
    if (value === "any") return "any";
    if (value === "tensor" || ("kind" in value && tensorOperator(t, checker, value))) {
      printed.add(`import("torchlab").torch.Tensor`);
      continue;
    }
    const type = checker.getBaseTypeOfLiteralType("kind" in value ? checker.getTypeAtLocation(value) : value);
    // null/undefined (`this.hidden = null`) say nothing of what comes later; any/unknown and errors give up.
    if (type.flags & (t.TypeFlags.Null | t.TypeFlags.Undefined)) continue;
    if (type.flags & (t.TypeFlags.Any | t.TypeFlags.Unknown | t.TypeFlags.Never)) return "any";
    const text = checker.typeToString(type, cls, F.NoTruncation | F.UseFullyQualifiedType | F.WriteArrowStyleSignature);
    // The text goes back into the cell: it must read as a type there.
    if (text.includes("...") || /\bthis\b/.test(text) || text.includes("typeof") && !/^typeof [\w$.]+$/.test(text)) return "any";
    printed.add(text.includes("=>") || text.includes("|") ? `(${text})` : text);
  }
  return printed.size === 0 ? "any" : [...printed].join(" | ");
}

/**
 * Python's nn.Module reaches its children by name at run time, whatever declared them: `net.output`
 * on an nn.ModuleDict built from `{output: ...}`, `net.extra = nn.Linear(2, 2)` in a later cell than
 * the class, and reading `net.extra` afterwards. Among `ranges` (the property names the compiler
 * reported as unknown), on a receiver typed as a module other than `this` (declareAssignedFields
 * declares those), each assignment, each read of a ModuleDict's key, each read on a receiver typed as
 * nn.Module itself (`model.children()`'s items), and each read of a name that this cell or an earlier
 * one (`assigned`, which this adds to) assigned so is reached through `(net as any)`. Any other read stays an error: a misspelt layer (`net.fc2` for `net.fc_2`) is
 * reported where it is written rather than as undefined later. Null when none applies.
 */
export function moduleAttributes(
  t: typeof ts,
  code: string,
  { checker, sourceFile: sf, offset }: Checked,
  ranges: readonly (readonly [number, number])[],
  assigned: Set<string>,
  tensorAssigned: Set<string> = new Set(),
): Rewritten | null {
  if (sf.text.slice(offset, offset + code.length) !== code) return null;
  const starts = new Set(ranges.map(([start]) => start + offset));
  const candidates: ts.PropertyAccessExpression[] = [];
  // A Python tensor takes attributes too (fastbook's `inp.g = out.g @ w.t()`, read back as `w1.g`).
  const isTensor = (e: ts.Node) => classKind(t, checker, checker.getTypeAtLocation(e)) === "tensor";
  const visit = (n: ts.Node): void => {
    if (t.isPropertyAccessExpression(n) && n.getStart(sf) >= offset && starts.has(n.name.getStart(sf)) && n.expression.kind !== t.SyntaxKind.ThisKeyword && (isModule(t, checker, n.expression) || isTensor(n.expression))) {
      candidates.push(n);
    }
    n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  const isAssignment = (n: ts.Node): boolean => t.isBinaryExpression(n.parent) && n.parent.left === n && n.parent.operatorToken.kind === t.SyntaxKind.EqualsToken;
  const names = (n: ts.PropertyAccessExpression) => (isTensor(n.expression) ? tensorAssigned : assigned);
  // A module typed as nn.Module itself (`for m in model.children(): m.weight.data = ...`, `model.modules()`,
  // `seq[0]`) is of a class the checker does not know: any of its attributes may be there, as in Python.
  const baseModule = (e: ts.Node): boolean => {
    const sym = checker.getTypeAtLocation(e).getSymbol();
    const file = sym?.declarations?.[0]?.getSourceFile().fileName;
    return !!file && sym!.name === "Module" && libraryFile(file, MODULE_FILE);
  };
  for (const n of candidates) if (isAssignment(n)) names(n).add(n.name.text);
  const inserts: Insert[] = [];
  for (const n of candidates) {
    if (names(n).has(n.name.text) || classKind(t, checker, checker.getTypeAtLocation(n.expression)) === "moduledict" || baseModule(n.expression)) {
      // A statement that now opens with `(` would continue a line before it that has no `;` (Python's lines).
      let top: ts.Node = n.expression;
      while (top.parent && !t.isExpressionStatement(top) && top.parent.getStart(sf) === top.getStart(sf)) top = top.parent;
      const before = sf.text.slice(offset, top.getStart(sf)).trimEnd();
      const open = t.isExpressionStatement(top) && before !== "" && !";{}".includes(before[before.length - 1]) ? ";(" : "(";
      inserts.push({ at: n.expression.getStart(sf) - offset, text: open }, { at: n.expression.end - offset, text: " as any)" });
    }
  }
  return inserts.length === 0 ? null : inserted(code, inserts);
}

/**
 * The names a cell assigns as attributes of an untyped parameter (`def mse_grad(inp, targ): inp.g = ...`,
 * ported with `inp` untyped): whatever object that is at run time (a tensor, a module) has the
 * attribute afterwards, so a later read of it on a typed receiver (`w1.g`) is let through by
 * moduleAttributes, as Python reads any attribute that was set.
 */
function attributesSetOnUntyped(code: string, assigned: Set<string>): void {
  if (!/\.\s*[A-Za-z_$][\w$]*\s*=[^=]/.test(code)) return;
  const t = typescript();
  const visit = (n: ts.Node): void => {
    if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isPropertyAccessExpression(n.left) && t.isIdentifier(n.left.expression)) {
      const name = n.left.expression.text;
      for (let f: ts.Node | undefined = n.parent; f; f = f.parent) {
        if (t.isFunctionLike(f)) {
          const p = f.parameters.find((q) => t.isIdentifier(q.name) && q.name.text === name);
          if (p && p.type === undefined) assigned.add(n.left.name.text);
          break;
        }
      }
    }
    n.forEachChild(visit);
  };
  parse(code).forEachChild(visit);
}

/**
 * Python's `__getitem__` returns a tuple (`return image, label`), which a port writes as an array
 * literal, `return [image, label]`; TypeScript types that as an array of the union of its items
 * (`(Tensor | string)[]`), and a DataLoader over the dataset then yields batches whose items are
 * unions (`const [x, y] = batch; x.shape` fails). In a class that extends another, each array
 * literal a `__getitem__` or `getitem` without a return type returns becomes
 * `[image, label] satisfies unknown[] | []`: the tuple context makes TypeScript type it as a tuple,
 * `[Tensor, string]` (`as const` would make it readonly, and the cast `batch as torch.Tensor[]`
 * an error), so that the samples and the DataLoader's batches are typed item by item. Null when none applies.
 */
export function tupleSamples(code: string): Rewritten | null {
  if (!/getitem/.test(code)) return null;
  const t = typescript();
  const inserts: Insert[] = [];
  const returns = (n: ts.Node): void => {
    if (t.isFunctionLike(n) || t.isClassLike(n)) return;
    if (t.isReturnStatement(n) && n.expression) {
      let e = n.expression;
      while (t.isParenthesizedExpression(e)) e = e.expression;
      if (t.isArrayLiteralExpression(e) && e.elements.length > 0 && !e.elements.some(t.isSpreadElement)) inserts.push({ at: n.expression.end, text: " satisfies unknown[] | []" });
    }
    n.forEachChild(returns);
  };
  const visit = (n: ts.Node): void => {
    if (
      t.isMethodDeclaration(n) &&
      n.body !== undefined &&
      n.type === undefined &&
      t.isIdentifier(n.name) &&
      (n.name.text === "__getitem__" || n.name.text === "getitem") &&
      t.isClassLike(n.parent) &&
      n.parent.heritageClauses?.some((h) => h.token === t.SyntaxKind.ExtendsKeyword)
    ) {
      n.body.forEachChild(returns);
    }
    n.forEachChild(visit);
  };
  parse(code).forEachChild(visit);
  return inserts.length === 0 ? null : inserted(code, inserts);
}

/**
 * Python's iterable classes: a class that defines `__iter__` (Zero to GANs' `DeviceDataLoader`, whose
 * `__iter__` yields each batch moved to the device) is iterated by `for b in dl`, `list(dl)` and
 * `next(iter(dl))`, which call `__iter__`. TypeScript iterates only what has `[Symbol.iterator]()`,
 * so each class of the cell with an `__iter__` method and no `[Symbol.iterator]` member gets
 * ` [Symbol.iterator]() { return this.__iter__(); }` after its opening brace: `for (const b of dl)`,
 * spreads and iter() then run the user's `__iter__`, typed by it. Lines do not move. Null when none applies.
 */
export function iterableClasses(code: string): Rewritten | null {
  if (!code.includes("__iter__")) return null;
  const t = typescript();
  const sf = parse(code);
  const inserts: Insert[] = [];
  const named = (m: ts.ClassElement, name: string): boolean => m.name !== undefined && t.isIdentifier(m.name) && m.name.text === name;
  const iteratorMember = (m: ts.ClassElement): boolean =>
    m.name !== undefined && t.isComputedPropertyName(m.name) && /^Symbol\s*\.\s*iterator$/.test(m.name.expression.getText(sf));
  const visit = (n: ts.Node): void => {
    if (t.isClassLike(n) && n.members.some((m) => t.isMethodDeclaration(m) && named(m, "__iter__")) && !n.members.some(iteratorMember)) {
      const brace = n.getChildren(sf).find((c) => c.kind === t.SyntaxKind.OpenBraceToken);
      if (brace) inserts.push({ at: brace.end, text: " [Symbol.iterator]() { return this.__iter__(); }" });
    }
    n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return inserts.length === 0 ? null : inserted(code, inserts);
}

/** TypeScript's "No overload matches this call." */
export const NO_OVERLOAD = 2769;

/**
 * PyTorch's OrderedDict form, `nn.Sequential(OrderedDict([("conv1", nn.Conv2d(1, 20, 5)), ("relu1", nn.ReLU())]))`,
 * ported as `new Map([["conv1", ...], ["relu1", ...]])`: TypeScript infers the Map's value type from
 * the first entry alone, and the second layer's class is then refused. Among `ranges` (where no
 * overload matched), each `new Map([...])` without type arguments whose entries are [key, module]
 * pairs becomes `new Map<string, nn.Module>([...])`. Null when none applies.
 */
export function mapsOfModules(t: typeof ts, code: string, { checker, sourceFile: sf, offset }: Checked, ranges: readonly (readonly [number, number])[]): Rewritten | null {
  if (sf.text.slice(offset, offset + code.length) !== code) return null;
  const starts = new Set(ranges.map(([start]) => start + offset));
  const inserts: Insert[] = [];
  const pair = (e: ts.Expression): boolean => t.isArrayLiteralExpression(e) && e.elements.length === 2 && isModule(t, checker, e.elements[1]);
  const visit = (n: ts.Node): void => {
    if (
      t.isNewExpression(n) &&
      n.getStart(sf) >= offset &&
      starts.has(n.getStart(sf)) &&
      t.isIdentifier(n.expression) &&
      n.expression.text === "Map" &&
      n.typeArguments === undefined &&
      n.arguments?.length === 1 &&
      t.isArrayLiteralExpression(n.arguments[0]) &&
      n.arguments[0].elements.length > 0 &&
      n.arguments[0].elements.every(pair)
    ) {
      inserts.push({ at: n.expression.end - offset, text: `<string, import("torchlab").torch.nn.Module>` });
    }
    n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return inserts.length === 0 ? null : inserted(code, inserts);
}

/** What made convertMarked run the dialect: the cell ("cell"), or the fix-up its last round's diagnostics called for. */
export type FixUp = "new" | "late_bound" | "fields" | "module_attributes" | "rebinding" | "maps_of_modules" | "block_vars";
/** Why convertMarked runs the dialect: the cell, a fix-up, or the cell again ("restart": kernel/early_fixups.ts made a fix-up out of the loop's order). */
export type RoundCause = FixUp | "cell" | "restart";
let roundListener: ((cause: RoundCause) => void) | null = null;

/**
 * Calls `listener` before each round of the whole dialect a cell's conversion runs from now on, with
 * why it runs, until the returned function is called (bench/dialect_passes.js).
 */
export function onDialectRound(listener: (cause: RoundCause) => void): () => void {
  roundListener = listener;
  return () => {
    if (roundListener === listener) roundListener = null;
  };
}

/** TypeScript's "Type '{0}' is not assignable to type '{1}'." and its "is missing the following properties" variants. */
export const NOT_ASSIGNABLE = [2322, 2739, 2740, 2741];
/** TypeScript's "Cannot assign to '{0}' because it is a function.": Python's `f = lambda x: ...` after an earlier cell's `def f`. */
const ASSIGNED_FUNCTION = 2630;

/** Whether the checker types `node` as an nn.Module (a library layer or a class of the notebook's). */
function isModule(t: typeof ts, checker: ts.TypeChecker, node: ts.Node): boolean {
  const kind = classKind(t, checker, checker.getTypeAtLocation(node));
  return kind === "module" || kind === "moduledict";
}

/**
 * Python rebinds an attribute or a name to any value, where TypeScript keeps the type it declared.
 * Among `ranges` (where the compiler reported an assignment of a value its target's type refuses):
 *
 * - a module's attribute given another kind of module, the transfer-learning pattern
 *   `model.fc = nn.Sequential(...)` on a ResNet whose `fc` is a Linear, `net.head = nn.Identity()`:
 *   the value is assigned `as any`, so that the attribute keeps its type for reading (`model.fc.in_features`
 *   before the swap) and nn.Module registers the new child as PyTorch's `__setattr__` does;
 * - a name an earlier cell declared, assigned at the top level of the cell (`model_0 = nn.Sequential(...)`
 *   after `let model_0 = CircleModelV0()`; `model = Network()` after a cell redefined `class Network`;
 *   d2l's `f = lambda x: 0.5 * x**2` after an earlier cell's `def f(x)`, a function declaration):
 *   the assignment becomes a declaration (`let model_0 = ...`), which tslab lets a cell make again, so
 *   the name takes the new value's type in the cells that follow. Where the value reads the name
 *   (`train_loader = DeviceDataLoader(train_loader, device)` in Zero to GANs), a declaration would read
 *   its own uninitialised binding: the value is assigned `as any` and the name keeps its type. Not
 *   where the cell reads the name before that statement (outside a function), which a declaration would
 *   make an error; there, and inside functions, a module is assigned `as any` as an attribute is; inside
 *   a loop or branch of the cell, where no declaration can go, any value is assigned `as any`.
 * - a name this cell declared with an untyped `let`, rebound to another type (predict.py's
 *   `img = Image.open(path)` then `img = data_transform(img)`, a PIL image then a tensor): the
 *   declaration is typed `any`, as a Python name holds whatever it was given last; a name of an
 *   untyped `let [a, b] = ...` types the whole pattern `any` (graykode's `input_batch, target_batch =
 *   make_batch()`, lists, then `input_batch = torch.LongTensor(input_batch)`), and so does such a name
 *   rebound by an unpacking (Brownlee's `predictions, actuals = vstack(predictions), vstack(actuals)`,
 *   lists, then arrays, ported as `[predictions, actuals] = [vstack(predictions), vstack(actuals)]`).
 *
 * Null when none applies.
 */
export function pythonRebindings(t: typeof ts, code: string, { checker, sourceFile: sf, offset }: Checked, ranges: readonly (readonly [number, number])[]): Rewritten | null {
  if (sf.text.slice(offset, offset + code.length) !== code) return null;
  const starts = new Set(ranges.map(([start]) => start + offset));
  const inserts: Insert[] = [];
  /** "let" when the name can be declared again; "any" when the value reads it (`x = wrap(x)`); null when the cell read it before. */
  const declaredBefore = (name: ts.Identifier, stmt: ts.Statement, value: ts.Expression): "let" | "any" | null => {
    const sym = checker.getSymbolAtLocation(name);
    if (!sym?.declarations?.length || sym.declarations.some((d) => d.getSourceFile() === sf)) return null;
    if (!sym.declarations.every((d) => t.isVariableDeclaration(d) || t.isFunctionDeclaration(d))) return null;
    let readEarlier = false;
    const look = (before: number) => (n: ts.Node): void => {
      if (readEarlier || n.getStart(sf) >= before || t.isFunctionLike(n) || t.isClassLike(n)) return;
      if (t.isIdentifier(n) && n.text === name.text) readEarlier = true;
      n.forEachChild(look(before));
    };
    sf.statements.forEach(look(stmt.getStart(sf)));
    if (readEarlier) return null;
    look(value.end)(value);
    return readEarlier ? "any" : "let";
  };
  /** Whether `name` is a variable an earlier cell declared. */
  const earlierCellName = (name: ts.Identifier): boolean => {
    const declarations = checker.getSymbolAtLocation(name)?.declarations;
    return !!declarations?.length && declarations.every((d) => d.getSourceFile() !== sf && t.isVariableDeclaration(d));
  };
  /** This cell's untyped `let` of `name` (`let img = to_pil_image(x)`), which Python's `img = transform(img)` rebinds to another type. */
  const untypedLet = (name: ts.Identifier): ts.VariableDeclaration | null => {
    const declarations = checker.getSymbolAtLocation(name)?.declarations;
    if (declarations?.length !== 1) return null;
    let d: ts.Node = declarations[0];
    // A name of an unpacking (`let [input_batch, target_batch] = make_batch()`, Python's
    // `input_batch, target_batch = make_batch()` then `input_batch = torch.LongTensor(input_batch)`):
    // the whole pattern's declaration is the one typed `any`.
    while (t.isBindingElement(d) && (t.isArrayBindingPattern(d.parent) || t.isObjectBindingPattern(d.parent))) d = d.parent.parent;
    if (!t.isVariableDeclaration(d) || d.getSourceFile() !== sf || d.getStart(sf) < offset || d.type !== undefined) return null;
    return t.isVariableDeclarationList(d.parent) && (d.parent.flags & t.NodeFlags.Let) !== 0 ? d : null;
  };
  const widened = new Set<ts.VariableDeclaration>();
  const widen = (local: ts.VariableDeclaration): void => {
    // Typed as Python's names are, by what they hold now: the declaration's type becomes `any`.
    if (!widened.has(local)) inserts.push({ at: local.name.end - offset, text: ": any" });
    widened.add(local);
  };
  const visit = (n: ts.Node): void => {
    if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && n.getStart(sf) >= offset && t.isArrayLiteralExpression(n.left)) {
      for (const e of n.left.elements) {
        const local = t.isIdentifier(e) && starts.has(e.getStart(sf)) ? untypedLet(e) : null;
        if (local !== null) widen(local);
      }
    } else if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && n.getStart(sf) >= offset && starts.has(n.left.getStart(sf))) {
      const left = n.left;
      const stmt = n.parent;
      const local = t.isIdentifier(left) ? untypedLet(left) : null;
      const rebound = local === null && t.isIdentifier(left) && t.isExpressionStatement(stmt) && stmt.parent === sf ? declaredBefore(left, stmt, n.right) : null;
      if (local !== null) {
        widen(local);
      } else if (rebound === "let") {
        inserts.push({ at: left.getStart(sf) - offset, text: "let " });
      } else if (rebound === null && t.isIdentifier(left) && t.isExpressionStatement(stmt) && stmt.parent !== sf && earlierCellName(left)) {
        // Inside a loop or branch (kanncaa1's `test = Variable(images.view(-1, 28*28))` in the training loop,
        // `test` an earlier cell's TensorDataset): no declaration can go there; the name holds the new value `as any`.
        inserts.push({ at: n.right.getStart(sf) - offset, text: "(" }, { at: n.right.end - offset, text: ") as any" });
      } else if (rebound === "any") {
        // Zero to GANs' `train_loader = DeviceDataLoader(train_loader, device)`: a declaration would read
        // the new, not yet initialised binding; the name keeps its type and holds the new value.
        inserts.push({ at: n.right.getStart(sf) - offset, text: "(" }, { at: n.right.end - offset, text: ") as any" });
      } else if ((t.isIdentifier(left) || t.isPropertyAccessExpression(left) || t.isElementAccessExpression(left)) && isModule(t, checker, left) && isModule(t, checker, n.right)) {
        inserts.push({ at: n.right.getStart(sf) - offset, text: "(" }, { at: n.right.end - offset, text: ") as any" });
      }
    }
    n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return inserts.length === 0 ? null : inserted(code, inserts);
}

/**
 * Whether `code` calls a capitalised name without `new` (`nn.Linear(`, `Net(`): Python's way of
 * constructing, and the only cells completion and hover type-check once more for it (classesCalled).
 */
export function mayCallClass(code: string): boolean {
  if (!/[A-Z][\w$]*\s*[(<]/.test(code)) return false;
  const t = typescript();
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (t.isCallExpression(n) && plainCallee(t, n.expression)) {
      const name = t.isIdentifier(n.expression) ? n.expression.text : (n.expression as ts.PropertyAccessExpression).name.text;
      if (/^[A-Z]/.test(name)) {
        found = true;
        return;
      }
    }
    n.forEachChild(visit);
  };
  parse(code).forEachChild(visit);
  return found;
}

/**
 * The calls of the checked cell whose callee can only be constructed (a class: construct signatures
 * and no call signature), as [start, end) ranges of the cell's text: what insertNew takes. Completion
 * and hover use it, since they run no diagnostics; convert too, before its first round (not for a
 * call with keywords: `withKeywords` false), and then TypeScript's own error for any other call it
 * finds only once the dialect has rewritten the cell.
 */
export function classesCalled(t: typeof ts, { checker, sourceFile: sf, offset }: Checked, withKeywords = true): [number, number][] {
  const ranges: [number, number][] = [];
  const visit = (n: ts.Node): void => {
    // `super(...)` calls the base class's constructor, as TypeScript says nothing about.
    if (
      t.isCallExpression(n) && n.getStart(sf) >= offset && n.expression.kind !== t.SyntaxKind.SuperKeyword &&
      (withKeywords || !n.arguments.some((a) => isKeyword(t, a)))
    ) {
      const type = checker.getTypeAtLocation(n.expression);
      if (type.getCallSignatures().length === 0 && type.getConstructSignatures().length > 0) ranges.push([n.getStart(sf) - offset, n.end - offset]);
    }
    n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return ranges;
}

/** The line and column of `offset` in `src`, as tslab reports a diagnostic's position. */
export function positionIn(src: string, offset: number): DiagnosticPos {
  const before = src.slice(0, offset);
  const line = (before.match(/\n/g) ?? []).length;
  return { offset, line, character: offset - (before.lastIndexOf("\n") + 1) };
}

/** What tslab's convert says when the cell's new text built no new program (tslab/dist/converter.js, updateContent). */
const REUSED_PROGRAM_WARNING = "builder is not recreated though contents are changed.";

/** tslab's first line of every cell file: it makes the cell a module. */
const TSLAB_PREFIX = "export {};";
/** From this many names on, the export list is moved (below it, the quadratic cost is negligible). */
const HOIST_MIN_NAMES = 64;

/**
 * tslab exports a cell's top-level names by appending `export {a, b, ...}` below the cell. TypeScript
 * checks each name there by walking the control flow back through every assignment of the cell, so
 * a cell of 20,000 declarations took ~30 s to compile (twice over: tslab's program, then the
 * CommonJS conversion of its output). Above the cell that walk is one step, and an export list
 * may name bindings declared later in the module. It goes on tslab's first line, which holds no
 * user code, so the lines and columns of the cell do not move; offsets move by `shift`.
 */
export function hoistExportList(text: string, minNames = HOIST_MIN_NAMES): { text: string; shift: number } | null {
  const list = EXPORT_LIST.exec(text);
  if (!list || !text.startsWith(TSLAB_PREFIX) || list[1].split(",").length < minNames) return null;
  const clause = ` export {${list[1]}};`;
  return { text: TSLAB_PREFIX + clause + text.slice(TSLAB_PREFIX.length, list.index), shift: clause.length };
}

/**
 * tslab exports a cell's top-level names under the keys of the source file's symbol table, which are
 * TypeScript's escaped names: a name starting with two underscores gets a third (`__` is `___`), so
 * Python's throwaway `let [__, index] = torch.max(out, 1)` failed with "Cannot find name '___'".
 * Every such key starts with three underscores; the name written in the cell has one fewer.
 */
export function unescapeExportList(text: string): string {
  const list = EXPORT_LIST.exec(text);
  if (!list || !list[1].includes("___")) return text;
  const names = list[1].split(", ").map((n) => (n.startsWith("___") ? n.slice(1) : n));
  return `${text.slice(0, list.index)}\nexport {${names.join(", ")}}`;
}

/**
 * Wraps a tslab converter so that `convert` applies the notebook dialect first and reports compile
 * errors at the positions of the text the user wrote. `create` must build the converter (tslab
 * builds its watch program synchronously; its host is how we reach the program's type checker); it
 * is given the getter of the program tslab built last.
 */
export function withNotebookDialect(create: (program: () => ts.BuilderProgram | undefined) => Converter): Converter & { rewrite(prevDecl: string, src: string): Rewritten } {
  let latest: ts.BuilderProgram | undefined;
  /** How far hoistExportList moved the cell in the file the program last read (0: not moved). */
  let shift = 0;
  /**
   * Whether the cell file is read with its export list computed here (kernel/cell_exports.ts): for the
   * dialect's checks and conversions, not for completion and hover, whose text may end mid-expression.
   */
  let listed = true;
  const stop = onWatchHost((host) => {
    const read = host.readFile.bind(host);
    host.readFile = (file: string, encoding?: string) => {
      const text = read(file, encoding);
      if (text === undefined || !/(^|\/)__tslab__\.ts$/.test(file)) return text;
      const unescaped = unescapeExportList(text);
      const exported = listed ? withExportList(unescaped, namesOf) : unescaped;
      // Our list goes above the cell, wherever the cell is, so that the dialect's checks find the cell at the file's end.
      const hoisted = hoistExportList(exported, listed ? 1 : HOIST_MIN_NAMES);
      shift = hoisted?.shift ?? 0;
      return hoisted?.text ?? exported;
    };
    let inner: ((program: ts.BuilderProgram) => void) | undefined;
    Object.defineProperty(host, "afterProgramCreate", {
      configurable: true,
      get: () => (program: ts.BuilderProgram) => {
        latest = program;
        emitLiveGlobals(typescript(), program);
        inner?.(program);
      },
      set: (f: (program: ts.BuilderProgram) => void) => {
        inner = f;
      },
    });
  });
  /** The names assigned as a module's attributes outside its class so far (moduleAttributes). */
  const attributes = new Set<string>();
  /** The names assigned as attributes of a tensor or of an untyped parameter so far (moduleAttributes, attributesSetOnUntyped). */
  const tensorAttributes = new Set<string>();
  let conv: Converter;
  try {
    conv = create(() => latest);
  } finally {
    stop();
  }
  const check = (prevDecl: string) => (code: string): Checked => {
    // tslab's inspect brings its program up to date with `code` (and nothing else).
    reusing(() => conv.inspect(prevDecl, code, 0));
    const program = latest?.getProgram();
    const sourceFile = program?.getRootFileNames().filter((f) => /(^|\/)__tslab__\.ts$/.test(f)).map((f) => program.getSourceFile(f))[0];
    if (!program || !sourceFile) throw new Error("the notebook dialect could not reach tslab's type checker");
    return { checker: program.getTypeChecker(), sourceFile, offset: sourceFile.text.length - code.length, program };
  };
  /** The names a cell file's text declares (the last text's, kept: every build of one cell version reads it). */
  let namesText: string | null = null;
  let names: ReadonlySet<string> = new Set();
  const namesOf = (body: string): ReadonlySet<string> => {
    if (body !== namesText) {
      const t = typescript();
      names = moduleLocals(t, t.createSourceFile("__tslab__.ts", body, t.ScriptTarget.Latest, false, t.ScriptKind.TS));
      namesText = body;
    }
    return names;
  };
  /**
   * Builds (or, when the dialect's last check read the same text, reuses) the program tslab's convert
   * builds first, and says whether the binder's names there are the export list the cell file was
   * read with: only then may tslab's convert read that list (kernel/cell_exports.ts).
   */
  const namesAgree = (prevDecl: string, code: string): boolean => {
    const { sourceFile } = check(prevDecl)(code);
    const bound = boundLocals(typescript(), sourceFile);
    return bound !== null && sameNames(bound, moduleLocals(typescript(), sourceFile));
  };
  /**
   * tslab warns, on the cell's stderr, when a new text of the cell built no new program: that is the
   * point here, where the text differs only by its export list (kernel/cell_exports.ts).
   */
  const reusing = <T>(f: () => T): T => {
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (args.length !== 1 || args[0] !== REUSED_PROGRAM_WARNING) warn.apply(console, args);
    };
    try {
      return f();
    } finally {
      console.warn = warn;
    }
  };
  /** tslab's completion and hover read the cell as the user typed it so far, without a list after it. */
  const unlisted = <T>(f: () => T): T => {
    listed = false;
    try {
      return f();
    } finally {
      listed = true;
    }
  };
  // Calls of instances through `__call__` (kernel/call_dunder.ts), so the operators see their types; the
  // operators; then Python's keyword arguments (kernel/keyword_args.ts), on the operators' result.
  // Python's `//` first (kernel/floor_division.ts): decided by the checker, the rest of the dialect sees floor division or no comment.
  // A statement that a rewrite made start with `(` is kept apart from the line before (kernel/statement_starts.ts).
  const rewrite = (prevDecl: string, src: string): Rewritten => separateStatements(src, rewriteAll(prevDecl, src));
  const rewriteAll = (prevDecl: string, src: string): Rewritten => {
    if (!src.includes(FLOOR_MARK)) return rewriteDecided(prevDecl, src);
    let checked: Checked | null = null;
    try {
      checked = check(prevDecl)(src);
    } catch (error) {
      if (!String((error as Error).message).includes("could not reach")) throw error;
    }
    const floors = floorDivisions(src, checked);
    const rest = rewriteDecided(prevDecl, floors.code);
    const back = (o: number) => floors.mapBack(rest.mapBack(o));
    return {
      code: rest.code,
      errors: rest.errors?.map((e) => ({ ...e, start: back(e.start), end: back(e.end), call: [back(e.call[0]), back(e.call[1])] })),
      mapBack: back,
      mapForward: (o) => rest.mapForward(floors.mapForward(o)),
    };
  };
  const rewriteDecided = (prevDecl: string, src: string): Rewritten => {
    // An untyped parameter defaulting to a class is untyped (kernel/class_default.ts), so its call is Python's.
    const untyped = latest && mayDefaultToClass(src) ? withClassDefaults(src, check(prevDecl)(src)) : UNCHANGED(src);
    const dunder = latest && mayCallInstances(prevDecl, untyped.code) ? withCallDunder(untyped.code, check(prevDecl)) : UNCHANGED(untyped.code);
    const called: Rewritten =
      untyped.code === src ? dunder : { code: dunder.code, mapBack: (o) => untyped.mapBack(dunder.mapBack(o)), mapForward: (o) => dunder.mapForward(untyped.mapForward(o)) };
    const ops = rewriteOperators(prevDecl, called.code);
    const operators: Rewritten =
      called.code === src ? ops : { code: ops.code, mapBack: (o) => called.mapBack(ops.mapBack(o)), mapForward: (o) => ops.mapForward(called.mapForward(o)) };
    return latest ? withKeywordArguments(operators, check(prevDecl)) : operators;
  };
  const rewriteOperators = (prevDecl: string, src: string): Rewritten => {
    if (!latest || !mayUseDialect(src)) return UNCHANGED(src);
    // A fault inside the compiler (a stack overflow on a deeply nested cell, an interrupt) leaves it
    // mid-rebuild; the session must see that error to rebuild it, so it is not swallowed below.
    let compilerFault: { error: unknown } | null = null;
    const checked = check(prevDecl);
    const guarded = (code: string): Checked => {
      try {
        return checked(code);
      } catch (error) {
        compilerFault = { error };
        throw error;
      }
    };
    try {
      return rewriteTensorOperators(src, guarded);
    } catch (error) {
      if (compilerFault !== null) throw (compilerFault as { error: unknown }).error;
      // A fault in the dialect must not cost the user the cell: it then compiles as written, where
      // tensor operators are type errors that say so.
      process.emitWarning(`torchlab notebook dialect: ${(error as Error).message}`);
      return UNCHANGED(src);
    }
  };
  return {
    ...conv,
    rewrite,
    // Completion and hover see the rewritten cell, so `(a + b).` offers Tensor's methods, and
    // `nn.Conv2d(1, 3, {ker` offers the constructor's options.
    // The cell as the user is typing it: `@` and f-string specs are not yet marked (prepareCellSource does that for a run).
    complete(prevDecl: string, src: string, position: number) {
      const mm = pythonSyntaxMarked(src);
      const made = constructing(prevDecl, mm.code);
      const rw = rewrite(prevDecl, made.code);
      if (rw.code === src) return unlisted(() => conv.complete(prevDecl, src, position));
      const info = unlisted(() => conv.complete(prevDecl, rw.code, rw.mapForward(made.mapForward(mm.mapForward(position)))));
      const back = (offset: number) => mm.mapBack(made.mapBack(rw.mapBack(offset)));
      return { ...info, start: back(info.start), end: back(info.end) };
    },
    inspect(prevDecl: string, src: string, position: number) {
      const mm = pythonSyntaxMarked(src);
      const made = constructing(prevDecl, mm.code);
      const rw = rewrite(prevDecl, made.code);
      if (rw.code === src) return unlisted(() => conv.inspect(prevDecl, src, position));
      const info = unlisted(() => conv.inspect(prevDecl, rw.code, rw.mapForward(made.mapForward(mm.mapForward(position)))));
      if (info?.textSpan) info.textSpan = { start: mm.mapBack(made.mapBack(rw.mapBack(info.textSpan.start))), length: info.textSpan.length };
      return info;
    },
    convert(prevDecl: string, src: string): ConvertResult {
      // The cell comes with its `@` and f-string specs marked (prepareCellSource): errors are placed in the text as written.
      const result = convertMarked(prevDecl, src);
      const marks = unmarked(src);
      if (marks === null) return result;
      const place = (p: DiagnosticPos): DiagnosticPos => positionIn(marks.code, marks.mapBack(p.offset));
      return { ...result, diagnostics: result.diagnostics.map((d) => (d.fileName ? d : { ...d, start: place(d.start), end: place(d.end) })) };
    },
  };
  function convertMarked(prevDecl: string, src: string): ConvertResult {
    {
      const tupled = tupleSamples(src);
      const iterable = iterableClasses(tupled?.code ?? src);
      const prepared = iterable?.code ?? tupled?.code ?? src;
      // Classes called the Python way, late-bound names and fields assigned the Python way, which
      // TypeScript's errors would otherwise ask for in a round of the whole dialect each (each of its
      // checks a program of its own): found first on the checker of the cell as it is, which the
      // dialect's first check reads too when none applies (kernel/early_fixups.ts).
      const early = latest ? earlyFixUps(prepared, check(prevDecl)) : { code: prepared, maps: [], kinds: [] };
      let code = early.code;
      let maps: Rewritten[] = [tupled, iterable, ...early.maps].filter((m): m is Rewritten => m !== null);
      roundListener?.("cell");
      let result = convertDialect(prevDecl, code);
      // Then what TypeScript finds only once the dialect has rewritten the cell, the same way.
      const reported = (error: number) => result.diagnostics.filter((d) => !d.fileName && d.code === error).map((d) => [d.start.offset, d.end.offset] as const);
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        const fix = fixUp(prevDecl, code, reported);
        if (fix === null) break;
        if (pass === 0 && outOfOrder(early.kinds, fix.cause)) {
          // The loop would have made this one before an early one: it makes them all, from the cell as it was.
          roundListener?.("restart");
          code = prepared;
          maps = [tupled, iterable].filter((m): m is Rewritten => m !== null);
          const made = mayCallClass(code) ? insertNew(code, classesCalled(typescript(), check(prevDecl)(code), false)) : null;
          if (made !== null) [code, maps] = [made.code, [...maps, made]];
          result = convertDialect(prevDecl, code);
          continue;
        }
        roundListener?.(fix.cause);
        maps.push(fix.fixed);
        code = fix.fixed.code;
        result = convertDialect(prevDecl, code);
      }
      if (result.diagnostics.length === 0) attributesSetOnUntyped(code, tensorAttributes);
      if (maps.length === 0) return result;
      const back = (offset: number) => maps.reduceRight((at, m) => m.mapBack(at), offset);
      return {
        ...result,
        diagnostics: result.diagnostics.map((d) => (d.fileName ? d : { ...d, start: positionIn(src, back(d.start.offset)), end: positionIn(src, back(d.end.offset)) })),
      };
    }
  }
  /**
   * The first fix-up that the diagnostics of the dialect's last round (`reported`, at the positions of
   * `code`, the cell before the dialect) call for, applied to `code`, and which it is; null when none applies.
   */
  function fixUp(prevDecl: string, code: string, reported: (error: number) => (readonly [number, number])[]): { cause: FixUp; fixed: Rewritten } | null {
    const made = insertNew(code, reported(CALLED_CLASS));
    if (made !== null) return { cause: "new", fixed: made };
    const late = lateBoundNames(code, CANNOT_FIND_NAME.flatMap(reported));
    if (late !== null) return { cause: "late_bound", fixed: late };
    const readOnly = reported(READ_ONLY_PROPERTY);
    const functionMembers = readOnly.length > 0 ? functionMemberAssignments(typescript(), check(prevDecl)(code), readOnly) : [];
    const unknown = [...[NO_SUCH_PROPERTY, NO_SUCH_PROPERTY_SUGGESTED].flatMap(reported), ...functionMembers];
    if (unknown.length > 0) {
      const fields = declareAssignedFields(typescript(), code, check(prevDecl)(code), unknown);
      if (fields !== null) return { cause: "fields", fixed: fields };
      const reached = moduleAttributes(typescript(), code, check(prevDecl)(code), unknown, attributes, tensorAttributes);
      if (reached !== null) return { cause: "module_attributes", fixed: reached };
    }
    const rebinding = [...NOT_ASSIGNABLE, ASSIGNED_FUNCTION].flatMap(reported);
    const rebound = rebinding.length > 0 ? pythonRebindings(typescript(), code, check(prevDecl)(code), rebinding) : null;
    if (rebound !== null) return { cause: "rebinding", fixed: rebound };
    const overloads = reported(NO_OVERLOAD);
    const typedMaps = overloads.length > 0 ? mapsOfModules(typescript(), code, check(prevDecl)(code), overloads) : null;
    if (typedMaps !== null) return { cause: "maps_of_modules", fixed: typedMaps };
    // Python's `for _, (x, y) in ...:` then `print(_)`: the loop's names outlive it (kernel/block_names.ts).
    const hoisted = blockVarDeclarations(code, CANNOT_FIND_NAME.flatMap(reported));
    return hoisted === null ? null : { cause: "block_vars", fixed: UNCHANGED(hoisted.code) };
  }
  /** `src` with `new` before its calls of classes, for completion and hover (convert asks TypeScript). */
  function constructing(prevDecl: string, src: string): Rewritten {
    if (!latest || !mayCallClass(src)) return UNCHANGED(src);
    return insertNew(src, classesCalled(typescript(), check(prevDecl)(src))) ?? UNCHANGED(src);
  }

  /** The dialect's rewrite, tslab's conversion, and its diagnostics at the positions of `src`. */
  function convertDialect(prevDecl: string, src: string): ConvertResult {
    const rewritten = rewrite(prevDecl, src);
    const converted = reusing(() => (latest !== undefined && namesAgree(prevDecl, rewritten.code) ? conv.convert(prevDecl, rewritten.code) : unlisted(() => conv.convert(prevDecl, rewritten.code))));
    // tslab counts offsets from its own first line, which a hoisted export list lengthened.
    const moved = shift;
    const unshift = (p: DiagnosticPos): DiagnosticPos => ({ ...p, offset: p.offset - moved });
    const result =
      moved === 0
        ? converted
        : { ...converted, diagnostics: converted.diagnostics.map((d) => (d.fileName ? d : { ...d, start: unshift(d.start), end: unshift(d.end) })) };
    if (rewritten.code === src) return { ...result, diagnostics: withKeywordErrors(result.diagnostics, rewritten.errors, src) };
    const pos = (p: DiagnosticPos): DiagnosticPos => positionIn(src, rewritten.mapBack(p.offset));
    const diagnostics = result.diagnostics.map((d) => (d.fileName ? d : { ...d, start: pos(d.start), end: pos(d.end) }));
    return { ...result, diagnostics: withKeywordErrors(diagnostics, rewritten.errors, src) };
  }
}
