/**
 * Python's keyword arguments in a cell: `nn.Conv2d(1, 32, kernel_size=3, padding=1)`,
 * `torch.sum(x, dim=1, keepdim=true)`, `accuracy_fn(y_true=y, y_pred=p)`. In TypeScript `f(a=1)`
 * assigns 1 to a variable `a` and passes the value positionally, so such a call failed ("Cannot find
 * name 'kernel_size'") or, where a variable of that name existed, silently passed its value in the
 * wrong place. A call argument `name = expr` (an identifier, plain `=`) is a keyword here, placed by
 * the type checker's signature of the callee:
 *
 *   - torchlab's API (declared outside the notebook) takes its keywords in a trailing options object,
 *     which may also carry the positional parameters by name: the keywords become one object literal
 *     where they stand, `nn.Conv2d(1, 32, {kernel_size: 3, padding: 1})`, merged into an object
 *     literal written just before them. Where no parameter at that place takes them all, they go to
 *     the parameters of those names (`torch.sum(x, 1, true)`).
 *   - The notebook's own functions, methods and classes take them at their parameters' places:
 *     `accuracy_fn(y_true=y, y_pred=p)` is `accuracy_fn(y, p)`; a skipped parameter gets `undefined`
 *     (its default). An options object parameter of the user's takes them as the API's does, and a
 *     pattern with a rest element (`constructor(c_in, c_out, {...kwargs} = {})`, Python's `**kwargs`)
 *     takes any keyword, as it does when the call runs (kernel/keyword_call.ts).
 *
 * Python's `**mapping` (kernel/keyword_unpacking.ts marks it as the keyword `$=mapping`) goes where
 * the keywords go: spread into the API's options object (`{...unpack(cfg, "Conv2d.__init__", [given])}`,
 * checked against the options' names when the mapping's type has them), or, for the notebook's own
 * callees, placed by name when the call runs (kernel/keyword_call.ts), which also gives Python's
 * TypeError for a key also given by name or a value that is no mapping. Such a call's result is typed
 * `any`, as the run-time placement's is.
 *
 * Python's rules are compile errors here, with Python's messages: a keyword no signature has
 * (`TypeError: f() got an unexpected keyword argument 'foo'`), one given twice or also positionally,
 * a required parameter left out, and a positional argument after a keyword (SyntaxError). A callee
 * typed `any` (an untyped parameter: ZTM's `train_step(..., accuracy_fn)`) gets its keywords placed
 * when the call runs, as Python does (kernel/keyword_call.ts); any other callee without a signature
 * is an error. Never an assignment.
 *
 * The rewrite copies the argument expressions (so positions map back, and completion and hover work
 * inside them: a keyword's name becomes the options object's property, whose documentation hover
 * shows) and never adds or removes a line break. Keywords moved to their parameters' places run in
 * the parameters' order, not in the order written.
 */
import type * as ts from "typescript";
import type { Diagnostic, DiagnosticPos } from "tslab/dist/converter";
import { packageRoot, tslabTypeScript } from "./resolve";
import { Output } from "./output_text";
import { UNPACK_NAME } from "./keyword_unpacking";

/** What kernel/rewrite.ts's type check gives (the cell starts at `offset` of `sourceFile`). */
export interface CheckedCell {
  checker: ts.TypeChecker;
  sourceFile: ts.SourceFile;
  offset: number;
}

/** A rewrite with the offsets mapped both ways (kernel/rewrite.ts's Rewritten). */
export interface Mapped {
  code: string;
  mapBack(offset: number): number;
  mapForward(offset: number): number;
}

/** A call Python would refuse: [start, end) of the cell as written, and Python's message. */
export interface KeywordError {
  start: number;
  end: number;
  message: string;
  /** The refused call, where TypeScript's own errors say nothing more. */
  call: [number, number];
}

/** The diagnostic code of a keyword error (TypeScript's own codes are below 20000). */
export const KEYWORD_ERROR = 90001;

const KEYWORD_SHAPE = /[(,]\s*[A-Za-z_$][\w$]*\s*=(?![=>])/;

/** A keyword argument: `name = value` as a call argument. */
type Keyword = ts.BinaryExpression & { left: ts.Identifier };

export function isKeyword(t: typeof ts, arg: ts.Node): arg is Keyword {
  return t.isBinaryExpression(arg) && arg.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isIdentifier(arg.left);
}

/** Python's `def f(**kwargs)` as marked (`function f($=kwargs)`): a parameter list takes no `**` here. */
function isUnpackingParameter(t: typeof ts, n: ts.Node): n is ts.ParameterDeclaration {
  return t.isParameter(n) && t.isIdentifier(n.name) && n.name.text === UNPACK_NAME && n.initializer !== undefined;
}

/** Python's `**mapping` (kernel/keyword_unpacking.ts marked it as the keyword `$=mapping`). */
function isUnpacking(k: Keyword): boolean {
  return k.left.text === UNPACK_NAME;
}

/**
 * Whether `code` calls something with a keyword argument: a parse, no type check (a cell without
 * one, default parameters `(x, device = "cpu")` included, costs no compile of its own).
 */
export function mayHaveKeywordArguments(code: string): boolean {
  if (!KEYWORD_SHAPE.test(code)) return false;
  const t = tslabTypeScript();
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if ((t.isCallExpression(n) || t.isNewExpression(n)) && n.arguments?.some((a) => isKeyword(t, a))) found = true;
    else if (isUnpackingParameter(t, n)) found = true;
    else n.forEachChild(visit);
  };
  t.createSourceFile("cell.ts", code, t.ScriptTarget.Latest, true, t.ScriptKind.TS).forEachChild(visit);
  return found;
}

interface Param {
  name: string;
  required: boolean;
  /** The rest parameter itself (never a keyword's place). */
  rest: boolean;
  /** Its type (a rest parameter's: of one of its elements). */
  type: ts.Type | undefined;
  /** A pattern with a rest element (`{...kwargs} = {}`), Python's `**kwargs`: an options object taking any keyword. */
  anyKeyword?: boolean;
}

/** Whether `e` is a name or a chain of property names (`partial`, `functools.partial`), which `typeof` can take. */
function calleePath(e: ts.Expression): boolean {
  const t = tslabTypeScript();
  return t.isIdentifier(e) || (t.isPropertyAccessExpression(e) && t.isIdentifier(e.name) && calleePath(e.expression));
}

type Placement =
  | { kind: "options"; at: number; merge: ts.ObjectLiteralExpression | null }
  | { kind: "named"; slots: (Keyword | null)[] }
  /**
   * A callee typed `any`: placed when the call runs (kernel/keyword_call.ts). `typed`: the API's
   * callee (functools.partial) has one signature, not generic, whose result type the call keeps.
   */
  | { kind: "dynamic"; typed?: boolean };

/** kernel/keyword_call.ts, reached as kernel/rewrite.ts's TORCH_REF reaches torch. */
export const KEYWORD_CALL_REF = `(require("torchlab/dist/kernel/keyword_call") as typeof import("torchlab/dist/kernel/keyword_call"))`;

/** Why a signature refused the keywords, most telling first. */
type Refusal = { rank: number; message: string };

let rootCache: string | undefined;

/** A declaration of the notebook (a cell, the earlier cells' declarations, a module cell), not of a library. */
function notebookFile(file: string): boolean {
  const f = file.replace(/\\/g, "/");
  if (/(^|\/)__(tslab|prev)__\.(d\.)?ts$/.test(f)) return true;
  const root = (rootCache ??= packageRoot().replace(/\\/g, "/"));
  return !f.includes("/node_modules/") && !f.startsWith(`${root}/src/`) && !f.startsWith(`${root}/dist/`) && !f.startsWith(`${root}/kernel/`);
}

/** Python's `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`. */
function nameList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length <= 2) return q.join(" and ");
  return `${q.slice(0, -1).join(", ")}, and ${q[q.length - 1]}`;
}

/**
 * The cell `code` (checked as `checked`) with its keyword arguments placed, or null when it has
 * none. Calls Python would refuse stay as written and are listed in `errors`.
 */
export function rewriteKeywordArguments(code: string, { checker, sourceFile: sf, offset }: CheckedCell): (Mapped & { errors: KeywordError[]; classCalls: [number, number][] }) | null {
  const t = tslabTypeScript();
  const K = t.SyntaxKind;
  const text = sf.text;
  const plans = new Map<ts.Node, Placement>();
  /** Calls with a `**mapping`: Python's name of the callee, and the keywords written by name. */
  const unpacking = new Map<ts.Node, { fname: string; given: string[] }>();
  const errors: KeywordError[] = [];
  /**
   * Classes called the Python way (no `new`) whose keywords are placed here, not when the call runs:
   * each stays a call, which TypeScript then reports as a class called without `new` (kernel/rewrite.ts
   * inserts it). [start, end) of the cell.
   */
  const classCalls: [number, number][] = [];
  const fail = (call: ts.Node, n: ts.Node, message: string): void => {
    errors.push({ start: n.getStart(sf) - offset, end: n.end - offset, message, call: [call.getStart(sf) - offset, call.end - offset] });
  };

  const paramsOf = (sig: ts.Signature, at: ts.Node): Param[] | null => {
    const out: Param[] = [];
    for (const p of sig.getParameters()) {
      const decl = p.valueDeclaration;
      if (!decl || !t.isParameter(decl)) return null;
      const type = checker.getTypeOfSymbolAtLocation(p, at);
      if (decl.dotDotDotToken) {
        // A rest parameter typed as a tuple (`...args: Parameters<Tensor["cumsum"]>`, a Module's
        // forward): its labelled elements are parameters too.
        const tuple = checker.isTupleType(type) ? ((type as ts.TypeReference).target as ts.TupleType) : null;
        const labels = tuple?.labeledElementDeclarations;
        if (tuple && labels) {
          labels.forEach((l, i) => {
            const variadic = (tuple.elementFlags[i] & t.ElementFlags.Variable) !== 0;
            const elementType = checker.getTypeArguments(type as ts.TypeReference)[i];
            out.push({ name: t.isIdentifier(l.name) ? l.name.text : "", required: (tuple.elementFlags[i] & t.ElementFlags.Required) !== 0, rest: variadic, type: elementType });
          });
        } else out.push({ name: p.name, required: false, rest: true, type: checker.getIndexTypeOfType(type, t.IndexKind.Number) });
        continue;
      }
      const anyKeyword = t.isObjectBindingPattern(decl.name) && decl.name.elements.some((e) => e.dotDotDotToken !== undefined);
      out.push({ name: t.isIdentifier(decl.name) ? decl.name.text : "", required: !decl.questionToken && !decl.initializer, rest: false, type, anyKeyword });
    }
    return out;
  };

  /** Whether `type` (a parameter's) has an options-object member with every one of `names`. */
  /** Whether `type` is an options object taking every one of `names`; `declared`: only as properties it declares, not through an index signature. */
  const takesOptions = (type: ts.Type | undefined, names: string[], declared = false): boolean => {
    if (!type) return false;
    const members = type.isUnion() ? type.types : [type];
    return members.some((m) => {
      if (!(m.flags & t.TypeFlags.Object) && !m.isIntersection()) return false;
      if (checker.isArrayType(m) || checker.isTupleType(m) || m.getCallSignatures().length > 0) return false;
      // A class instance (a Tensor, a Module) is an argument, not options.
      const sym = m.getSymbol();
      if (sym && sym.flags & t.SymbolFlags.Class) return false;
      const indexed = checker.getIndexInfoOfType(m, t.IndexKind.String) !== undefined;
      return names.every((n) => (indexed && !declared) || checker.getPropertyOfType(m, n) !== undefined);
    });
  };

  const propertyNames = (o: ts.ObjectLiteralExpression): string[] | null => {
    const names: string[] = [];
    for (const p of o.properties) {
      if (t.isSpreadAssignment(p) || !p.name || !(t.isIdentifier(p.name) || t.isStringLiteral(p.name))) return null;
      names.push(p.name.text);
    }
    return names;
  };

  /** Python's name of the callee in messages: `f`, `Net.__init__`, `Net.forward`, `Conv2d.__init__`. */
  const calleeName = (call: ts.CallExpression | ts.NewExpression, sig: ts.Signature | undefined, construct: boolean): string => {
    const e = call.expression;
    const written = t.isIdentifier(e) ? e.text : t.isPropertyAccessExpression(e) ? e.name.text : e.getText(sf);
    const decl = sig?.getDeclaration();
    const owner = decl && (t.isConstructorDeclaration(decl) || t.isMethodDeclaration(decl)) && t.isClassLike(decl.parent) ? decl.parent.name?.text : undefined;
    if (construct) return `${owner ?? written}.__init__`;
    if (decl && t.isCallSignatureDeclaration(decl)) {
      const type = checker.getTypeAtLocation(e);
      return `${type.getSymbol()?.name ?? written}.forward`;
    }
    if (owner && decl && t.isMethodDeclaration(decl) && t.isIdentifier(decl.name)) return `${owner}.${decl.name.text}`;
    return written;
  };

  const plan = (call: ts.CallExpression | ts.NewExpression): void => {
    const args = call.arguments ?? t.factory.createNodeArray<ts.Expression>();
    const first = args.findIndex((a) => isKeyword(t, a));
    if (first < 0) return;
    const keywords: Keyword[] = [];
    const seen = new Set<string>();
    // Python's `f(a=1, *xs)`: xs's items are positional arguments all the same (placed when the call runs).
    const late: ts.SpreadElement[] = [];
    for (let i = first; i < args.length; i++) {
      const a = args[i];
      if (!isKeyword(t, a)) {
        const unpacked = keywords.some(isUnpacking);
        if (t.isSpreadElement(a) && unpacked) return fail(call, a, "SyntaxError: iterable argument unpacking follows keyword argument unpacking");
        if (t.isSpreadElement(a)) {
          late.push(a);
          continue;
        }
        return fail(call, a, `SyntaxError: positional argument follows keyword argument${unpacked ? " unpacking" : ""}`);
      }
      if (isUnpacking(a)) {
        keywords.push(a);
        continue;
      }
      if (seen.has(a.left.text)) return fail(call, a, `SyntaxError: keyword argument repeated: ${a.left.text}`);
      seen.add(a.left.text);
      keywords.push(a);
    }
    const positional = [...args.slice(0, first), ...late];
    const unpacked = keywords.filter(isUnpacking);
    const names = keywords.filter((k) => !isUnpacking(k)).map((k) => k.left.text);
    // The keys a `**mapping` is typed with (none known for `any` or a dict typed by its index).
    const unpackedNames = unpacked.flatMap((k) => {
      const type = checker.getTypeAtLocation(k.right);
      if (type.flags & t.TypeFlags.Any || checker.getIndexInfoOfType(type, t.IndexKind.String)) return [];
      return checker.getPropertiesOfType(type).map((p) => p.name);
    });

    const callee = checker.getTypeAtLocation(call.expression);
    let construct = t.isNewExpression(call);
    let sigs: readonly ts.Signature[] = construct ? callee.getConstructSignatures() : callee.getCallSignatures();
    // Python constructs by calling the class: `Net(a=1)` before kernel/rewrite.ts inserts `new`.
    const classCall = !construct && sigs.length === 0 && callee.getConstructSignatures().length > 0;
    if (classCall) {
      sigs = callee.getConstructSignatures();
      construct = true;
    }
    if (sigs.length === 0 && call.expression.kind === K.SuperKeyword) {
      const resolved = checker.getResolvedSignature(call);
      if (resolved?.getDeclaration()) sigs = [resolved];
      construct = true;
    }
    const fname = calleeName(call, sigs[0], construct);
    if (unpacked.length > 0) unpacking.set(call, { fname, given: names });
    if (late.length > 0) {
      if (t.isCallExpression(call)) return void plans.set(call, { kind: "dynamic" });
      return fail(call, late[0], `TypeError: ${fname}() cannot take *arguments after keywords here: write them before the keywords`);
    }
    if (sigs.length === 0) {
      // Python's way: the parameters are looked up when the call runs.
      if (callee.flags & t.TypeFlags.Any && t.isCallExpression(call)) {
        plans.set(call, { kind: "dynamic" });
        return;
      }
      if (names.length === 0) return fail(call, call, `TypeError: ${fname}() cannot take **keyword arguments here: its parameters are not known`);
      return fail(call, call, `TypeError: ${fname}() cannot take keyword arguments here: its parameters are not known; pass ${nameList(names)} positionally`);
    }

    const spread = positional.some((a) => t.isSpreadElement(a));
    const last = positional[positional.length - 1];
    const literal = last && t.isObjectLiteralExpression(last) ? last : null;
    const literalNames = literal ? propertyNames(literal) : null;

    const asOptions = (params: Param[]): Placement | null => {
      // The parameter at argument `i`: past the end, a trailing rest parameter's element (`torch.ones(...args)`).
      const param = (i: number): Param | undefined => params[i] ?? (params[params.length - 1]?.rest ? params[params.length - 1] : undefined);
      const all = [...names, ...unpackedNames];
      const takes = (p: Param | undefined, keys: string[]) => p?.anyKeyword === true || takesOptions(p?.type, keys);
      // A dict passed positionally (`load_state_dict({'weight': w}, strict=false)`, a Record parameter) takes
      // any key, but the keywords are not its own when the next parameter declares them.
      const ownKeywords = (p: Param | undefined) => p?.anyKeyword === true || takesOptions(p?.type, all, true) || !takes(param(positional.length), all);
      if (literal && literalNames && !spread && takes(param(positional.length - 1), [...literalNames, ...all]) && ownKeywords(param(positional.length - 1))) {
        return { kind: "options", at: positional.length - 1, merge: literal };
      }
      const at = spread ? params.length - 1 : positional.length;
      return takes(param(at), all) ? { kind: "options", at, merge: null } : null;
    };
    const refusals: Refusal[] = [];
    const asNamed = (params: Param[], user: boolean): Placement | null => {
      // `f(*xs, a=1)`: how many places xs fills is known when the call runs, as in Python.
      if (spread) return user && t.isCallExpression(call) ? { kind: "dynamic" } : null;
      // `**mapping`: its keys are placed when the call runs (kernel/keyword_call.ts), as in Python.
      if (unpacked.length > 0) return user && t.isCallExpression(call) ? { kind: "dynamic" } : null;
      const slots: (Keyword | null)[] = [];
      for (const k of keywords) {
        const i = params.findIndex((p) => !p.rest && p.name === k.left.text);
        if (i < 0) {
          refusals.push({ rank: 0, message: `TypeError: ${fname}() got an unexpected keyword argument '${k.left.text}'` });
          return null;
        }
        if (i < positional.length) {
          refusals.push({ rank: 1, message: `TypeError: ${fname}() got multiple values for argument '${k.left.text}'` });
          return null;
        }
        slots[i - positional.length] = k;
      }
      const missing = params.filter((p, i) => user && p.required && !p.rest && i >= positional.length && !slots[i - positional.length]).map((p) => p.name);
      if (missing.length > 0) {
        const n = missing.length;
        refusals.push({ rank: 2, message: `TypeError: ${fname}() missing ${n} required positional argument${n > 1 ? "s" : ""}: ${nameList(missing)}` });
        return null;
      }
      return { kind: "named", slots: Array.from(slots, (s) => s ?? null) };
    };

    for (const second of [false, true]) {
      for (const sig of sigs) {
        const params = paramsOf(sig, call);
        if (!params) continue;
        const decl = sig.getDeclaration();
        const user = decl !== undefined && notebookFile(decl.getSourceFile().fileName);
        // The API's keywords go in its options object; the notebook's own parameters come first.
        const placed = !second !== user ? asOptions(params) : asNamed(params, user);
        if (placed) {
          plans.set(call, placed);
          if (classCall && placed.kind !== "dynamic") classCalls.push([call.getStart(sf) - offset, call.end - offset]);
          return;
        }
      }
    }
    // A module whose forward the checker does not know (an item of an nn.ModuleList or a Sequential:
    // `for l in self.layers: x = l(x, mask=mask)`) is called as `(input, ...rest: any[])`: its
    // parameters are known when the call runs, as in Python.
    const open = sigs.some((sig) => {
      const last = paramsOf(sig, call)?.at(-1);
      return last?.rest === true && last.type !== undefined && (last.type.flags & t.TypeFlags.Any) !== 0;
    });
    if (open && t.isCallExpression(call) && !spread) {
      // torchlab's own such callee (functools.partial) keeps its declared result type, so that
      // `DataLoader(data, collate_fn=partial(f, k=v))` is typed by it, not by an untyped value.
      const decl = sigs.length === 1 ? sigs[0].getDeclaration() : undefined;
      const typed = decl !== undefined && !notebookFile(decl.getSourceFile().fileName) && !sigs[0].typeParameters?.length && calleePath(call.expression);
      plans.set(call, { kind: "dynamic", typed });
      return;
    }
    refusals.sort((a, b) => a.rank - b.rank);
    if (!refusals[0] && names.length === 0 && unpackedNames.length === 0) {
      return fail(call, call, `TypeError: ${fname}() cannot take **keyword arguments here: no parameter takes them`);
    }
    fail(call, call, refusals[0]?.message ?? `TypeError: ${fname}() got an unexpected keyword argument '${[...names, ...unpackedNames][0]}'`);
  };

  const visit = (n: ts.Node): void => {
    if ((t.isCallExpression(n) || t.isNewExpression(n)) && n.getStart(sf) >= offset) plan(n);
    if (isUnpackingParameter(t, n) && n.getStart(sf) >= offset) {
      fail(n, n, "SyntaxError: a parameter list takes no `**kwargs` here: take an options object (`opts = {}`) or name the parameters");
    }
    n.forEachChild(visit);
  };
  sf.forEachChild(visit);
  const reported = errors.map((e) => ({ ...e }));
  if (plans.size === 0) return reported.length > 0 ? { code, mapBack: (o) => o, mapForward: (o) => o, errors: reported, classCalls } : null;

  const out = new Output(text, offset);
  const newlines = (s: string): number => (s.match(/\n/g) ?? []).length;
  const emit = (n: ts.Node): void => {
    const p = plans.get(n);
    if (p && (t.isCallExpression(n) || t.isNewExpression(n))) return emitCall(n, p);
    let pos = n.getStart(sf);
    n.forEachChild((c) => {
      if (c.end <= offset) return;
      out.copy(pos, c.getStart(sf));
      emit(c);
      pos = c.end;
    });
    out.copy(pos, n.end);
  };
  /** `name = value` as the property `name: value` (the `=` becomes `:`, spacing kept). */
  const emitProperty = (k: Keyword): void => {
    if (isUnpacking(k)) {
      // `**cfg` (marked `$=cfg`) as `...unpack(cfg, "f", ["given"])`: Python's TypeError for a key also given by name.
      const call = k.parent as ts.CallExpression;
      const u = unpacking.get(call)!;
      out.insert(`...${KEYWORD_CALL_REF}.unpack(`);
      out.copy(k.operatorToken.end, k.right.getStart(sf));
      emit(k.right);
      out.insert(`, ${JSON.stringify(u.fname)}, ${JSON.stringify(u.given)})`);
      return;
    }
    out.copy(k.left.getStart(sf), k.left.end);
    out.copy(k.left.end, k.operatorToken.getStart(sf));
    out.insert(":");
    out.copy(k.operatorToken.end, k.right.getStart(sf));
    emit(k.right);
  };
  const emitCall = (call: ts.CallExpression | ts.NewExpression, p: Placement): void => {
    const args = call.arguments!;
    const first = args.findIndex((a) => isKeyword(t, a));
    const keywords = args.slice(first) as unknown as Keyword[];
    const lastKw = keywords[keywords.length - 1];
    if (p.kind === "dynamic") return emitDynamic(call as ts.CallExpression, p.typed === true);
    out.copy(call.getStart(sf), call.expression.getStart(sf));
    emit(call.expression);
    let pos = call.expression.end;
    // The positional arguments as written (a merged object literal without its closing brace).
    for (let i = 0; i < first; i++) {
      const a = args[i];
      out.copy(pos, a.getStart(sf));
      if (p.kind === "options" && p.merge === a) {
        let at = a.getStart(sf);
        a.forEachChild((c) => {
          out.copy(at, c.getStart(sf));
          emit(c);
          at = c.end;
        });
        out.copy(at, a.end - 1);
      } else emit(a);
      pos = a.end;
    }
    if (p.kind === "options") {
      if (p.merge) {
        const sep = text.slice(pos, keywords[0].getStart(sf));
        if (p.merge.properties.length > 0 && !p.merge.properties.hasTrailingComma) out.copy(pos, keywords[0].getStart(sf));
        else out.insert("\n".repeat(newlines(sep)) + " ");
      } else {
        out.copy(pos, keywords[0].getStart(sf));
        out.insert("{");
      }
      keywords.forEach((k, i) => {
        if (i > 0) out.copy(keywords[i - 1].end, k.getStart(sf));
        emitProperty(k);
      });
      out.insert("}");
    } else {
      const from = first > 0 ? pos : keywords[0].getStart(sf);
      if (first === 0) out.copy(pos, from);
      let dropped = newlines(text.slice(from, lastKw.end));
      p.slots.forEach((k, i) => {
        if (i > 0 || first > 0) out.insert(", ");
        if (k) {
          emit(k.right);
          dropped -= newlines(text.slice(k.right.getStart(sf), k.right.end));
        } else out.insert("undefined");
      });
      out.insert("\n".repeat(dropped));
    }
    out.copy(lastKw.end, call.end);
  };
  /** Whether `call` opens a statement that JavaScript could read as continuing the line before it. */
  const opensStatement = (call: ts.Node): boolean => {
    let n: ts.Node = call;
    while (n.parent && !t.isExpressionStatement(n) && n.parent.getStart(sf) === call.getStart(sf)) n = n.parent;
    const list = n.parent;
    return t.isExpressionStatement(n) && n.getStart(sf) === call.getStart(sf) && list !== undefined &&
      (t.isBlock(list) || t.isSourceFile(list) || t.isModuleBlock(list) || t.isCaseClause(list) || t.isDefaultClause(list));
  };
  /** `f(a, k=v)` as `KEYWORD_CALL_REF.call(f, [a], {k: v})`, `o.m(k=v)` as `...method(o, "m", [], {k: v})`. */
  const emitDynamic = (call: ts.CallExpression, typed: boolean): void => {
    if (typed) out.insert("(");
    const e = call.expression;
    const args = call.arguments;
    // Positional arguments (a `*xs` after the keywords too) in one list, the keywords in one object.
    const positional = args.filter((a) => !isKeyword(t, a));
    const keywords = args.filter((a) => isKeyword(t, a)) as unknown as Keyword[];
    let dropped = 0;
    const drop = (from: number, to: number): void => {
      dropped += newlines(text.slice(from, to));
    };
    if (opensStatement(call)) out.insert(";");
    if (t.isPropertyAccessExpression(e) && !e.questionDotToken && t.isIdentifier(e.name)) {
      out.insert(`${KEYWORD_CALL_REF}.method(`);
      emit(e.expression);
      drop(e.expression.end, e.name.getStart(sf));
      out.insert(", ");
      out.insert(JSON.stringify(e.name.text));
      out.insert(", [");
    } else {
      out.insert(`${KEYWORD_CALL_REF}.call(`);
      emit(e);
      out.insert(", [");
    }
    drop(e.end, args[0].getStart(sf));
    // The text between two arguments is copied where they stay neighbours, else its line breaks go at the end.
    const copied = new Set<number>();
    const group = (items: readonly ts.Node[], each: (a: ts.Node) => void): void => {
      items.forEach((a, i) => {
        const at = args.indexOf(a as ts.Expression);
        if (i > 0 && args.indexOf(items[i - 1] as ts.Expression) === at - 1) {
          out.copy(args[at - 1].end, a.getStart(sf));
          copied.add(at - 1);
        } else if (i > 0) out.insert(", ");
        each(a);
      });
    };
    group(positional, emit);
    out.insert("], {");
    group(keywords, (k) => emitProperty(k as Keyword));
    out.insert("}");
    for (let i = 0; i + 1 < args.length; i++) if (!copied.has(i)) drop(args[i].end, args[i + 1].getStart(sf));
    drop(args[args.length - 1].end, call.end);
    out.insert("\n".repeat(dropped) + ")");
    if (typed) out.insert(` as ReturnType<typeof ${call.expression.getText(sf)}>)`);
  };
  // The whole cell: copy its statements, rewriting the planned calls inside them.
  let pos = offset;
  sf.forEachChild((c) => {
    if (c.end <= offset) return;
    out.copy(pos, Math.max(pos, c.getStart(sf)));
    emit(c);
    pos = c.end;
  });
  out.copy(pos, text.length);
  return { code: out.text, mapBack: (o) => out.mapBack(o), mapForward: (o) => out.mapForward(o), errors: reported, classCalls };
}

/** `inner` (the dialect's rewrite of the cell) then the keyword arguments, mapped back to the cell as written. */
export function withKeywordArguments(inner: Mapped, check: (code: string) => CheckedCell): Mapped & { errors?: KeywordError[] } {
  if (!mayHaveKeywordArguments(inner.code)) return inner;
  // A fault of the compiler (check) reaches the session, which rebuilds it; one of this rewrite
  // leaves the cell as it was, where TypeScript's own errors then say what it does not compile.
  const checked = check(inner.code);
  let kw: ReturnType<typeof rewriteKeywordArguments>;
  try {
    kw = rewriteKeywordArguments(inner.code, checked);
  } catch (error) {
    process.emitWarning(`torchlab keyword arguments: ${(error as Error).message}`);
    return inner;
  }
  if (!kw) return inner;
  const done = kw;
  const back = (o: number) => inner.mapBack(o);
  const errors = done.errors.map((e) => ({ ...e, start: back(e.start), end: back(e.end), call: [back(e.call[0]), back(e.call[1])] as [number, number] }));
  return {
    code: done.code,
    mapBack: (o) => inner.mapBack(done.mapBack(o)),
    mapForward: (o) => done.mapForward(inner.mapForward(o)),
    errors,
  };
}

function positionIn(src: string, offset: number): DiagnosticPos {
  const before = src.slice(0, offset);
  const line = (before.match(/\n/g) ?? []).length;
  return { offset, line, character: offset - (before.lastIndexOf("\n") + 1) };
}

/**
 * The diagnostics of cell `src` with its keyword errors first; TypeScript's own errors inside a
 * refused call (the `foo` of `foo=1` it cannot find) say nothing more and go.
 */
export function withKeywordErrors(diagnostics: Diagnostic[], errors: readonly KeywordError[] | undefined, src: string): Diagnostic[] {
  if (!errors || errors.length === 0) return diagnostics;
  const inside = (d: Diagnostic): boolean => !d.fileName && errors.some((e) => d.start.offset >= e.call[0] && d.end.offset <= e.call[1]);
  const ours: Diagnostic[] = errors.map((e) => ({ start: positionIn(src, e.start), end: positionIn(src, e.end), messageText: e.message, category: 1, code: KEYWORD_ERROR }));
  return [...ours, ...diagnostics.filter((d) => !inside(d))];
}
