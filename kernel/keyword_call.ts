/**
 * The run-time half of Python's keyword arguments (kernel/keyword_args.ts): a call whose callee the
 * type checker types `any` (ZTM's `train_step(model, ..., accuracy_fn)` calling its untyped parameter
 * `accuracy_fn(y_true=y, y_pred=p)`), where the parameters are known only when the call runs, as in
 * Python. The function's parameter names are read from its source (a Module's from its `forward`):
 *
 *   - every keyword names a parameter: it goes to that parameter's place (a skipped one gets `undefined`);
 *   - the function takes a rest parameter or ends in an options object (`options`, `opts`, a
 *     destructuring pattern), or its source is not JavaScript (a native or bound function): the
 *     keywords go in one trailing options object, torchlab's convention, whose own checks name
 *     unknown keywords; where that parameter is a pattern with a rest element (`{...kwargs} = {}`,
 *     Python's `**kwargs`), the keywords naming parameters go to their places and only the others in it;
 *   - otherwise Python's TypeError: `f() got an unexpected keyword argument 'foo'`.
 *
 * Cells reach these by `require`, as the dialect reaches torch.
 */
import type * as ts from "typescript";
import { pythonHelper } from "./dynamic_ops";
import { isClass } from "./live_globals";
import { tslabTypeScript } from "./resolve";
import { CALL_WITH_KEYWORDS, setKeywordCaller } from "../src/functools";
import { Tensor } from "../src/tensor/tensor";

/** PyTorch's NumPy-style keyword aliases of a tensor method's parameters (src/tensor/args.ts's, for typed calls). */
const TENSOR_ALIASES: Record<string, string> = { axis: "dim", keepdims: "keepdim" };

interface Params {
  names: string[];
  /** Keywords that name no parameter go in a trailing options object. */
  options: boolean;
  /** That object is a pattern with a rest element (`{...kwargs} = {}`), Python's `**kwargs`: only those keywords go in it. */
  kwargs: boolean;
}

const cache = new WeakMap<object, Params | null>();

function parameterList(t: typeof ts, fn: ts.Node): ts.NodeArray<ts.ParameterDeclaration> | null {
  if (t.isFunctionExpression(fn) || t.isArrowFunction(fn)) return fn.parameters;
  if (t.isClassExpression(fn)) {
    const ctor = fn.members.find((m): m is ts.ConstructorDeclaration => t.isConstructorDeclaration(m) && m.body !== undefined);
    return ctor ? ctor.parameters : t.factory.createNodeArray();
  }
  if (t.isObjectLiteralExpression(fn) && fn.properties.length === 1 && t.isMethodDeclaration(fn.properties[0])) return fn.properties[0].parameters;
  return null;
}

function paramsOf(f: Function): Params | null {
  if (cache.has(f)) return cache.get(f)!;
  const t = tslabTypeScript();
  const src = Function.prototype.toString.call(f);
  // A method's source is `name(a, b) { ... }`: read inside an object literal.
  const candidates = [`(${src})`, `({${src}})`];
  let found: Params | null = null;
  for (const text of candidates) {
    const sf = t.createSourceFile("f.js", text, t.ScriptTarget.Latest, false, t.ScriptKind.JS);
    const stmt = sf.statements[0];
    if (sf.statements.length !== 1 || !stmt || !t.isExpressionStatement(stmt) || (sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0) continue;
    let e: ts.Node = stmt.expression;
    while (t.isParenthesizedExpression(e)) e = e.expression;
    const list = parameterList(t, e);
    if (!list) continue;
    const last = list[list.length - 1];
    const names = list.filter((p) => !p.dotDotDotToken).map((p) => (t.isIdentifier(p.name) ? p.name.text : ""));
    const options = last !== undefined && (last.dotDotDotToken !== undefined || !t.isIdentifier(last.name) || /^(options|opts|kwargs)$/i.test(last.name.text));
    const kwargs = last !== undefined && t.isObjectBindingPattern(last.name) && last.name.elements.some((e) => e.dotDotDotToken !== undefined);
    found = { names, options, kwargs };
    break;
  }
  cache.set(f, found);
  return found;
}

/** A Module instance is called through its forward. */
function signatureOwner(f: Function): Function {
  const forward = (f as unknown as { forward?: unknown; _call_impl?: unknown }).forward;
  return typeof forward === "function" && typeof (f as unknown as { _call_impl?: unknown })._call_impl === "function" ? forward : f;
}

function place(f: Function, args: unknown[], keywords: Record<string, unknown>): unknown[] {
  const owner = signatureOwner(f);
  const params = paramsOf(owner);
  // Python names the function called, not the name it was reached by: `accuracy_fn()`, `Net.forward()`.
  const name =
    owner !== f ? `${(f as { constructor?: { name?: string } }).constructor?.name ?? "Module"}.forward`
    : isClass(f) ? `${f.name}.__init__`
    : f.name || "<lambda>";
  const keys = Object.keys(keywords);
  if (params && keys.every((k) => params.names.includes(k))) {
    const out = [...args];
    for (const k of keys) {
      const i = params.names.indexOf(k);
      if (i < args.length) throw new TypeError(`${name}() got multiple values for argument '${k}'`);
      out[i] = keywords[k];
    }
    // Holes (skipped parameters) are undefined: their defaults.
    return Array.from(out);
  }
  if (params?.kwargs && args.length < params.names.length) {
    // Python's `def f(a, stride=1, **kwargs)`: a keyword naming a parameter goes to its place, the others to kwargs.
    const at = params.names.length - 1;
    const out: unknown[] = [...args];
    const rest: Record<string, unknown> = {};
    for (const k of keys) {
      const i = params.names.slice(0, at).indexOf(k);
      if (i < 0) rest[k] = keywords[k];
      else if (i < args.length) throw new TypeError(`${name}() got multiple values for argument '${k}'`);
      else out[i] = keywords[k];
    }
    out[at] = rest;
    return Array.from(out);
  }
  if (!params || params.options) return [...args, keywords];
  const unknown = keys.find((k) => !params.names.includes(k));
  throw new TypeError(`${name}() got an unexpected keyword argument '${unknown}'`);
}

/** `f(...args, **keywords)` for a callee typed `any` (so is its result). */
export function call(f: unknown, args: unknown[], keywords: Record<string, unknown>): any {
  if (typeof f !== "function") throw new TypeError(`'${f === null ? "NoneType" : typeof f}' object is not callable`);
  // functools.partial and its objects take the keywords themselves (src/functools.ts).
  const own = (f as { [CALL_WITH_KEYWORDS]?: unknown })[CALL_WITH_KEYWORDS];
  if (typeof own === "function") return own(args, keywords);
  const placed = place(f, args, keywords);
  return isClass(f) ? Reflect.construct(f, placed) : f(...placed);
}

/**
 * A tensor method's keywords with PyTorch's NumPy aliases read as the parameters they stand for
 * (`data.float().mean(axis=(0, 1, 2))` on an untyped data set's tensor, Trevett's CIFAR10 means),
 * as a typed call's options object has them (src/tensor/args.ts).
 */
function tensorKeywords(f: Function, keywords: Record<string, unknown>): Record<string, unknown> {
  const names = paramsOf(f)?.names ?? [];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(keywords)) {
    const alias = TENSOR_ALIASES[k];
    const to = !names.includes(k) && alias !== undefined && names.includes(alias) ? alias : k;
    if (to in out) throw new TypeError(`${f.name}() got multiple values for argument '${to}'`);
    out[to] = v;
  }
  return out;
}

/** `obj.name(...args, **keywords)` for a receiver typed `any`. */
export function method(obj: unknown, key: string, args: unknown[], keywords_: Record<string, unknown>): any {
  const f = (obj as Record<string, unknown>)[key];
  const keywords = obj instanceof Tensor && typeof f === "function" ? tensorKeywords(f, keywords_) : keywords_;
  // Python's str, list or dict method (`line.split(maxsplit=1)`, `xs.sort(key=len)`), which JavaScript's lacks or means otherwise.
  const python = f === undefined || typeof f === "function" ? pythonHelper(obj, key, f) : undefined;
  if (python !== undefined) return python(...place(python, [obj, ...args], keywords));
  // An attribute holding an instance whose class defines `__call__` (`self.transform(sample, k=1)`), or a class (`self.act_fn(inplace=True)`).
  const dunder = typeof f === "object" && f !== null ? (f as { __call__?: unknown }).__call__ : undefined;
  if (typeof dunder === "function") return Reflect.apply(dunder, f, place(dunder, args, keywords));
  if (typeof f !== "function") throw new TypeError(`'${typeof f}' object is not callable`);
  if (isClass(f)) return Reflect.construct(f, place(f, args, keywords));
  // Reflect.apply, not f.apply: a Module has its own apply(fn) (PyTorch's Module.apply).
  return Reflect.apply(f, obj, place(f, args, keywords));
}

/** Python's type name of `v` in an error message. */
function pythonTypeName(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  if (Array.isArray(v)) return "list";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "string") return "str";
  if (typeof v === "boolean") return "bool";
  return (v as { constructor?: { name?: string } }).constructor?.name ?? typeof v;
}

/**
 * Python's `**mapping` in a call of `name` whose keywords written by name are `given`: the mapping's
 * entries (a Map's as an object's), or Python's TypeError for a value that is no mapping or a key
 * also given by name.
 */
export function unpack<T>(mapping: T, name: string, given: string[]): T {
  const v = mapping as unknown;
  const plain = v !== null && typeof v === "object" && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
  if (!plain && !(v instanceof Map)) throw new TypeError(`${name}() argument after ** must be a mapping, not ${pythonTypeName(v)}`);
  const entries = v instanceof Map ? Object.fromEntries(v) : (v as Record<string, unknown>);
  const twice = Object.keys(entries).find((k) => given.includes(k));
  if (twice !== undefined) throw new TypeError(`${name}() got multiple values for keyword argument '${twice}'`);
  return entries as T;
}

// A partial object's keywords reach a notebook's function by parameter name, as this module places them.
setKeywordCaller(call);
