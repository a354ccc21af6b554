/**
 * The fix-ups kernel/rewrite.ts's convertMarked would otherwise make only after a whole round of the
 * notebook dialect (each round several programs and checkers: call dunder, the operators' passes, the
 * keyword arguments, tslab's conversion), found before its first round on the check of the cell as
 * written, which the dialect's first check reads anyway when nothing here applies:
 *
 * - `new` for the classes called the Python way with keywords whose keywords kernel/keyword_args.ts
 *   places (`nn.Linear(2, 3, bias=False)`; a call it makes Python's at run time keeps its way);
 * - late-bound names, read inside a function before the cell that defines them (lateBoundNames);
 * - the fields a class's methods assign the Python way (`this.fc = ...`, declareAssignedFields).
 *
 * Each is made as the loop makes it, in the loop's order (new, names, fields), on the same text and
 * from the same errors, which TypeScript reports on the cell as written as it does after the dialect
 * (the dialect rewrites operators, calls and keywords, not names or `this.x = ...`). convertMarked's
 * loop stays for anything found only after the dialect's rewrite.
 */
import type * as ts from "typescript";
import { mayDefaultToClass } from "./class_default";
import { mayHaveKeywordArguments, rewriteKeywordArguments } from "./keyword_args";
import { tslabTypeScript } from "./resolve";
import {
  CANNOT_FIND_NAME,
  classesCalled,
  declareAssignedFields,
  functionMemberAssignments,
  insertNew,
  lateBoundNames,
  mayCallClass,
  NO_SUCH_PROPERTY,
  NO_SUCH_PROPERTY_SUGGESTED,
  READ_ONLY_PROPERTY,
  type Checked,
  type FixUp,
  type Rewritten,
} from "./rewrite";

/** The fix-ups in the order convertMarked's loop makes them, one kind a round: a later round's kind comes after. */
export const FIX_UP_ORDER: readonly FixUp[] = ["new", "late_bound", "fields", "module_attributes", "rebinding", "maps_of_modules", "block_vars"];

/** The cell after the fix-ups made before the dialect's first round, each with its map, and their kinds. */
export interface EarlyFixUps {
  code: string;
  maps: Rewritten[];
  kinds: FixUp[];
}

/** The diagnostics of `code` (checked as `checked`) with code `error`, as [start, end) of the cell. */
function reportedOn({ program, sourceFile, offset }: Checked, error: number): (readonly [number, number])[] {
  if (!program) return [];
  return program
    .getSemanticDiagnostics(sourceFile)
    .filter((d) => d.code === error && d.start !== undefined && d.start >= offset)
    .map((d) => [d.start! - offset, d.start! + d.length! - offset] as const);
}

/**
 * Whether a name read inside a function of the cell is found nowhere (TypeScript's resolution, which
 * makes no types): only then are the cell's errors worth computing for lateBoundNames. A name taken
 * here for a read that is none (a label, a type's name) only costs that computation.
 */
function readsUnknownName(t: typeof ts, { checker, sourceFile: sf, offset }: Checked): boolean {
  type Resolving = ts.TypeChecker & { resolveName?(name: string, at: ts.Node, meaning: ts.SymbolFlags, excludeGlobals: boolean): ts.Symbol | undefined };
  const resolve = (checker as Resolving).resolveName?.bind(checker);
  if (!resolve) return true;
  // A property's, a declaration's or a label's name.
  const named = (n: ts.Identifier): boolean => {
    const p = n.parent as ts.Node & { name?: ts.Node; propertyName?: ts.Node; label?: ts.Node };
    return p.name === n || p.propertyName === n || p.label === n || (t.isQualifiedName(p) && p.right === n);
  };
  let found = false;
  const visit = (n: ts.Node, inFunction: boolean): void => {
    if (found || t.isTypeNode(n)) return;
    if (inFunction && t.isIdentifier(n) && !named(n) && resolve(n.text, n, t.SymbolFlags.Value | t.SymbolFlags.Alias, false) === undefined) {
      found = true;
      return;
    }
    const inner = inFunction || t.isFunctionLike(n);
    n.forEachChild((c) => visit(c, inner));
  };
  for (const s of sf.statements) if (s.getStart(sf) >= offset) visit(s, false);
  return found;
}

/** Whether a class of the cell assigns or registers an attribute on `this` (declareAssignedFields' work). */
const ASSIGNS_ON_THIS = /\bthis\s*\.\s*(?:[A-Za-z_$][\w$]*\s*(?:=(?![=>])|[,\]])|register_buffer|register_parameter|add_module)/;

/**
 * The fix-ups that the first rounds of convertMarked's loop would make to `code` (the cell before the
 * dialect), made now. `check` type-checks a text of the cell.
 */
export function earlyFixUps(code: string, check: (code: string) => Checked): EarlyFixUps {
  const t = tslabTypeScript();
  const done: EarlyFixUps = { code, maps: [], kinds: [] };
  const classes = mayCallClass(code);
  const functions = /\bfunction\b|=>|\bclass\b/.test(code);
  if (!classes && !functions) return done;
  const first = check(code);
  // A parameter defaulting to a class is untyped for the dialect (kernel/class_default.ts): its keyword call is Python's at run time.
  const kw = mayHaveKeywordArguments(code) && !mayDefaultToClass(code) ? rewriteKeywordArguments(code, first) : null;
  // TypeScript's errors inside a call Python refuses go (withKeywordErrors): the loop never sees them.
  const kept = ([start, end]: readonly [number, number]) => !kw?.errors.some((e) => start >= e.call[0] && end <= e.call[1]);
  // Classes called the Python way: without keywords, or with keywords placed at compile time.
  const calls = classes ? [...classesCalled(t, first, false), ...(kw?.classCalls ?? []).filter(kept)] : [];
  const made = insertNew(code, calls);
  // Names found nowhere, read inside a function: found on the cell as written, placed after `new` (which moves no name).
  const names = functions && readsUnknownName(t, first) ? CANNOT_FIND_NAME.flatMap((error) => reportedOn(first, error)).filter(kept) : [];
  const moved = made === null ? names : names.map(([start, end]) => [made.mapForward(start), made.mapForward(end)] as const);
  const late = lateBoundNames(made?.code ?? code, moved);
  done.maps = [made, late].filter((m): m is Rewritten => m !== null);
  done.kinds = [...(made ? ["new" as const] : []), ...(late ? ["late_bound" as const] : [])];
  done.code = late?.code ?? made?.code ?? code;
  if (!/\bclass\b/.test(code) || !ASSIGNS_ON_THIS.test(code)) return done;
  // The fields, typed by the checker of the cell with its `new`s and names (as the loop's round after theirs would).
  const checked = done.code === code ? first : check(done.code);
  const readOnly = reportedOn(checked, READ_ONLY_PROPERTY);
  const unknown = [
    ...[NO_SUCH_PROPERTY, NO_SUCH_PROPERTY_SUGGESTED].flatMap((error) => reportedOn(checked, error)),
    ...(readOnly.length > 0 ? functionMemberAssignments(t, checked, readOnly) : []),
  ];
  const declared = unknown.length > 0 ? declareAssignedFields(t, done.code, checked, unknown) : null;
  if (declared === null) return done;
  return { code: declared.code, maps: [...done.maps, declared], kinds: [...done.kinds, "fields"] };
}

/** Whether convertMarked's loop, asking for `next` after the early fix-ups `kinds`, asks for what the loop would have made before them. */
export function outOfOrder(kinds: readonly FixUp[], next: FixUp): boolean {
  return kinds.some((k) => FIX_UP_ORDER.indexOf(next) <= FIX_UP_ORDER.indexOf(k));
}
