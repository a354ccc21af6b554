/**
 * functorch's reverse-mode transforms: grad, grad_and_value, vjp, jacrev, jacfwd and hessian, built on
 * torchlab's tape (torch.autograd.grad). Each call runs `func` on copies of the differentiated
 * arguments that require grad; when an argument already requires grad (an outer transform's copy, or
 * a user's leaf) or carries a forward-AD tangent (inside jvp), the copy keeps that graph or tangent
 * and the backward pass is recorded (create_graph), so transforms compose: jacrev(jacrev(f)),
 * jvp(grad(f)), vmap(grad(f)). Otherwise the results are plain tensors, as functorch's are.
 *
 * jacrev computes one backward sweep per output element (functorch vmaps them into one); jacfwd gives
 * the same values by the same reverse-mode sweeps, not by forward-mode AD, so its cost is jacrev's.
 */
import { Tensor } from "../tensor/tensor";
import { RuntimeError, TypeError, ValueError } from "../errors";
import { eye, zeros_like } from "../ops/creation";
import { stack } from "../ops/movement";
import { enable_grad } from "../autograd/grad_mode";
import { grad as autogradGrad } from "../autograd/index";
import { make_dual } from "../autograd/forward_ad";
import { tangentOf } from "../autograd/forward_state";
import { asPyTuple, pyTypeName } from "../pyrepr";
import { isDict, same_spec, spec_repr, tree_flatten, tree_unflatten, type TreeSpec } from "./pytree";

/** Which positional arguments to differentiate: one index, or an array (a tuple) of them. */
export type Argnums = number | readonly number[];

export interface GradOptions {
  /** Which argument(s) to differentiate with respect to (default 0). */
  argnums?: Argnums;
  /** `func` returns `[output, aux]`; aux is passed through untouched. */
  has_aux?: boolean;
}

const pyClass = (x: unknown): string => `<class '${x instanceof Tensor ? "torch.Tensor" : pyTypeName(x)}'>`;
const tupleRepr = (a: readonly unknown[]): string => `(${a.join(", ")}${a.length === 1 ? "," : ""})`;

/** argnums checked and wrapped (negative from the end), as functorch's _validate_and_wrap_argnums. */
function wrapArgnums(argnums: unknown, n: number): number | number[] {
  const one = (a: unknown): number => {
    if (typeof a !== "number" || !Number.isInteger(a)) throw new RuntimeError(`argnum must be int, got: ${pyClass(a)}`);
    if (a >= 0 && a < n) return a;
    if (a < 0 && a >= -n) return a + n;
    throw new RuntimeError(`Got argnum=${a}, but only ${n} positional inputs`);
  };
  if (typeof argnums === "number") return one(argnums);
  if (!Array.isArray(argnums)) throw new RuntimeError(`argnums must be int or Tuple[int, ...], got: ${pyClass(argnums)}`);
  if (argnums.length === 0) throw new RuntimeError("argnums must be non-empty");
  if (new Set(argnums).size !== argnums.length) throw new RuntimeError(`argnums elements must be unique, got ${tupleRepr(argnums)}`);
  return argnums.map(one);
}

/** Options passed as a trailing object (`grad(f, {argnums: 1})`) or positionally (`grad(f, 1, true)`). */
function gradOptions(argnums: Argnums | GradOptions | undefined, has_aux: boolean | undefined): Required<GradOptions> {
  if (isDict(argnums)) return { argnums: (argnums.argnums as Argnums | undefined) ?? 0, has_aux: Boolean(argnums.has_aux) };
  return { argnums: (argnums as Argnums | undefined) ?? 0, has_aux: Boolean(has_aux) };
}

/** A differentiable stand-in for `x` inside a transform (see the module's note). */
function differentiable(x: unknown): Tensor {
  if (!(x instanceof Tensor)) throw new ValueError(`Thing passed to transform API must be Tensor, got ${pyClass(x)}`);
  if (x.requires_grad) return x.view_as(x);
  const leaf = x.detach().requires_grad_(true);
  const tangent = tangentOf(x);
  return tangent === null ? leaf : make_dual(leaf, tangent);
}

/** What one run of `func` under a reverse-mode transform leaves for the backward sweeps. */
interface Traced {
  out: unknown;
  outs: Tensor[];
  outSpec: TreeSpec;
  ins: Tensor[];
  /** The differentiated arguments' structure: one subtree for an int argnums, a tuple of them otherwise. */
  inSpec: TreeSpec;
  aux: unknown;
  /** Whether the sweeps are recorded, so the results can be differentiated again. */
  createGraph: boolean;
}

/** How many reverse-mode transforms are running `func` now (jvp refuses to run under one, see jvp). */
let reverseDepth = 0;

/** @internal whether a grad / vjp / jacrev / jacfwd / hessian is running its function. */
export function insideReverseTransform(): boolean {
  return reverseDepth > 0;
}

function trace(api: string, func: (...args: unknown[]) => unknown, args: unknown[], argnums: number | number[], hasAux: boolean): Traced {
  return enable_grad(() => {
    const picked = typeof argnums === "number" ? args[argnums] : asPyTuple(argnums.map((i) => args[i]));
    const [leaves, inSpec] = tree_flatten(picked);
    const createGraph = tree_flatten(args)[0].some((x) => x instanceof Tensor && (x.requires_grad || tangentOf(x) !== null));
    const ins = leaves.map(differentiable);
    const diffArgs = tree_unflatten(ins, inSpec);
    const call = args.slice();
    if (typeof argnums === "number") call[argnums] = diffArgs;
    else argnums.forEach((i, j) => (call[i] = (diffArgs as unknown[])[j]));
    reverseDepth++;
    let out: unknown;
    try {
      out = func(...call);
    } finally {
      reverseDepth--;
    }
    let aux: unknown = undefined;
    if (hasAux) {
      if (!(Array.isArray(out) && out.length === 2)) throw new RuntimeError(`${api}: output of function f should be a tuple: (output, aux) if has_aux is True`);
      [out, aux] = out as unknown[];
      if (!createGraph) {
        const [auxLeaves, auxSpec] = tree_flatten(aux);
        aux = tree_unflatten(auxLeaves.map((a) => (a instanceof Tensor ? a.detach() : a)), auxSpec);
      }
    }
    const [outLeaves, outSpec] = tree_flatten(out);
    return { out, outs: outLeaves as Tensor[], outSpec, ins, inSpec, aux, createGraph };
  });
}

/** The gradients of `outs` (weighted by `cotangents`) with respect to `ins`; zeros where an input is unused. */
function sweep(t: Traced, cotangents: (Tensor | null)[], retain: boolean): Tensor[] {
  const live = t.outs.map((o, i) => [o, cotangents[i]] as const).filter(([o]) => o.requires_grad);
  if (live.length === 0) return t.ins.map((x) => zeros_like(x));
  const gs = autogradGrad(live.map(([o]) => o), t.ins, live.map(([, c]) => c), { retain_graph: retain, create_graph: t.createGraph, allow_unused: true });
  return gs.map((g, i) => g ?? zeros_like(t.ins[i]));
}

const detachAll = (t: Traced, xs: Tensor[]): Tensor[] => (t.createGraph ? xs : xs.map((x) => x.detach()));

/**
 * `grad_and_value(func, argnums=0, has_aux=false)`: a function returning `[gradient, value]` of
 * `func` (which must return a one-element Tensor, or `[output, aux]` with has_aux, and then returns
 * `[gradient, [value, aux]]`). The gradient has the structure of the differentiated argument(s): a
 * Tensor, an array, a dict of Tensors, or an array of those for a tuple argnums.
 */
export function grad_and_value<F extends (...args: never[]) => unknown>(func: F, argnums?: Argnums | GradOptions, has_aux?: boolean): (...args: Parameters<F>) => [any, any] { // eslint-disable-line @typescript-eslint/no-explicit-any
  const o = gradOptions(argnums, has_aux);
  const api = "grad_and_value(f)(*args)";
  const wrapped = (...args: unknown[]): [unknown, unknown] => {
    const nums = wrapArgnums(o.argnums, args.length);
    const t = trace(api, func as unknown as (...a: unknown[]) => unknown, args, nums, o.has_aux);
    const output = t.out;
    if (!(output instanceof Tensor)) throw new RuntimeError(`${api}: Expected f(*args) to return a Tensor, got ${pyClass(output)}`);
    if (output.dim() !== 0) {
      throw new RuntimeError(`${api}: Expected f(*args) to return a scalar Tensor, got tensor with ${output.dim()} dims. Maybe you wanted to use the vjp or jacrev APIs instead?`);
    }
    const grads = detachAll(t, sweep(t, [null], t.createGraph));
    const value = t.createGraph ? output : output.detach();
    const g = tree_unflatten(grads, t.inSpec);
    return asPyTuple([g, o.has_aux ? asPyTuple([value, t.aux]) : value]) as [unknown, unknown];
  };
  Object.defineProperty(wrapped, "name", { value: func.name });
  return wrapped as (...args: Parameters<F>) => [any, any]; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * `grad(func, argnums=0, has_aux=false)`: a function returning the gradient of `func` (a function
 * returning a one-element Tensor) with respect to argument `argnums` (an array of indices gives an
 * array of gradients); with has_aux, `func` returns `[output, aux]` and the result is `[gradient, aux]`.
 *
 * @example
 * const ft_compute_grad = torch.func.grad(compute_loss);   // gradient w.r.t. the params dict
 * const cos_x = torch.func.grad((x) => x.sin())(torch.tensor(0.5));
 */
export function grad<F extends (...args: never[]) => unknown>(func: F, argnums?: Argnums | GradOptions, has_aux?: boolean): (...args: Parameters<F>) => any { // eslint-disable-line @typescript-eslint/no-explicit-any
  const o = gradOptions(argnums, has_aux);
  const gv = grad_and_value(func, o);
  const wrapped = (...args: Parameters<F>): unknown => {
    const [g, value] = gv(...args);
    return o.has_aux ? asPyTuple([g, (value as unknown[])[1]]) : g;
  };
  Object.defineProperty(wrapped, "name", { value: func.name });
  return wrapped;
}

/** The function vjp returns: cotangents shaped as func's output in, gradients for each primal out (a tuple). */
export type VjpFn = (...cotangents: unknown[]) => any[]; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * `vjp(func, ...primals)`: `[func(...primals), vjp_fn]`, where `vjp_fn(cotangents)` returns the
 * vector-Jacobian products, one per primal (an array, as functorch's tuple), for cotangents with the
 * structure of func's output. vjp_fn may be called again (the graph is kept while it is referenced).
 * A trailing `{has_aux: true}` makes it `[output, vjp_fn, aux]`, func returning `[output, aux]`.
 *
 * @example
 * const [_, vjp_fn] = torch.func.vjp((x) => predict(weight, bias, x), x);
 * const [ft_jacobian] = torch.func.vmap(vjp_fn)(unit_vectors);
 */
export function vjp(func: (...primals: never[]) => unknown, ...primals: unknown[]): [any, VjpFn] { // eslint-disable-line @typescript-eslint/no-explicit-any
  const api = "vjp(f, *primals)";
  const last = primals[primals.length - 1];
  const hasAux = isDict(last) && Object.keys(last).length === 1 && "has_aux" in last;
  if (hasAux) primals = primals.slice(0, -1);
  const auxFlag = hasAux && Boolean((last as { has_aux: unknown }).has_aux);
  const t = trace(api, func as unknown as (...a: unknown[]) => unknown, primals, primals.map((_, i) => i), auxFlag);
  if (t.outs.length === 0) throw new RuntimeError(`${api}: Expected f to be a function that has non-empty output (got output = ${JSON.stringify(t.out)})`);
  t.outs.forEach((o) => {
    if (!(o instanceof Tensor)) throw new RuntimeError(`${api}: expected f(*primals) to return only tensors, got unsupported type ${pyClass(o)}`);
    if (!o.is_floating_point()) throw new RuntimeError(`vjp(f, ...): All outputs of f must be floating-point or complex Tensors, got Tensor with dtype ${o.dtype}`);
  });
  // Typed with a rest parameter so that `vjp_fn(...tangents)` type-checks; Python's takes one tree.
  const vjp_fn: VjpFn = (...given: unknown[]) => {
    if (given.length !== 1) throw new TypeError(`wrapper() takes 1 positional argument but ${given.length} were given`);
    const cotangents = given[0];
    const [cts, ctSpec] = tree_flatten(cotangents);
    if (!same_spec(ctSpec, t.outSpec)) {
      throw new RuntimeError(`Expected pytree structure of cotangents to be the same as pytree structure of outputs to the function. cotangents: ${spec_repr(ctSpec)}, primal output: ${spec_repr(t.outSpec)}`);
    }
    const grads = detachAll(t, sweep(t, cts as Tensor[], true));
    return tree_unflatten(grads, t.inSpec) as unknown[];
  };
  const out = tree_unflatten(detachAll(t, t.outs), t.outSpec);
  return (auxFlag ? asPyTuple([out, vjp_fn, t.aux]) : asPyTuple([out, vjp_fn])) as [unknown, VjpFn];
}

/** One-hot cotangents for each element of `o`, one backward sweep each: the rows of d o / d ins. */
function jacobianOf(api: string, t: Traced): Tensor[][] {
  return t.outs.map((o, i) => {
    if (!(o instanceof Tensor)) throw new RuntimeError(`${api}: expected f(*primals) to return only tensors, got unsupported type ${pyClass(o)}`);
    const n = o.numel();
    const rows: Tensor[][] = t.ins.map(() => []);
    const basis = n === 0 ? null : eye(n, { dtype: o.dtype });
    for (let k = 0; k < n; k++) {
      const seeds = t.outs.map((p, j) => (j === i ? basis!.select(0, k).reshape(o.shape) : zeros_like(p)));
      const last = i === t.outs.length - 1 && k === n - 1;
      sweep(t, seeds, t.createGraph || !last).forEach((g, j) => rows[j].push(g));
    }
    return t.ins.map((x, j) => {
      const shape = [...o.shape, ...x.shape];
      if (n === 0) return x.new_zeros(shape);
      const jac = stack(rows[j], 0).reshape(shape);
      return t.createGraph ? jac : jac.detach();
    });
  });
}

function jacobianTransform(api: string, func: (...args: never[]) => unknown, argnums: Argnums | GradOptions | undefined, has_aux: boolean | undefined): (...args: unknown[]) => unknown {
  const o = gradOptions(argnums, has_aux);
  const wrapped = (...args: unknown[]): unknown => {
    const nums = wrapArgnums(o.argnums, args.length);
    const t = trace(`${api}(f, ...)(*args)`, func as unknown as (...a: unknown[]) => unknown, args, nums, o.has_aux);
    const jac = jacobianOf(api, t).map((perInput) => tree_unflatten(perInput, t.inSpec));
    const result = tree_unflatten(jac, t.outSpec);
    return o.has_aux ? asPyTuple([result, t.aux]) : result;
  };
  Object.defineProperty(wrapped, "name", { value: func.name });
  return wrapped;
}

/**
 * `jacrev(func, argnums=0, has_aux=false)`: a function returning the Jacobian of `func` with respect
 * to argument(s) `argnums`, by reverse-mode AD. For an output of shape O and an input of shape I the
 * Jacobian has shape O + I; a tree of outputs gives the same tree of Jacobians, and each is shaped as
 * the differentiated argument(s) (a dict of parameters gives a dict). One backward sweep per output
 * element.
 *
 * @example
 * const ft_jacobian = torch.func.jacrev(predict, 2)(weight, bias, x);
 */
export function jacrev<F extends (...args: never[]) => unknown>(func: F, argnums?: Argnums | GradOptions, has_aux?: boolean): (...args: Parameters<F>) => any { // eslint-disable-line @typescript-eslint/no-explicit-any
  return jacobianTransform("jacrev", func, argnums, has_aux);
}

/**
 * `jacfwd(func, argnums=0, has_aux=false)`: the Jacobian of `func`, with jacrev's shapes and values.
 * PyTorch computes it column by column with forward-mode AD; torchlab computes it by the same
 * reverse-mode sweeps as jacrev (one per output element), which costs more when the outputs outnumber
 * the inputs, and covers every op that has a backward.
 */
export function jacfwd<F extends (...args: never[]) => unknown>(func: F, argnums?: Argnums | (GradOptions & { randomness?: string }), has_aux?: boolean): (...args: Parameters<F>) => any { // eslint-disable-line @typescript-eslint/no-explicit-any
  return jacobianTransform("jacfwd", func, argnums, has_aux);
}

/**
 * `hessian(func, argnums=0)`: the Hessian of a function returning a one-element Tensor (as PyTorch's,
 * `jacfwd(jacrev(func, argnums), argnums)`): shape I + I for an input of shape I.
 *
 * @example
 * const hess = torch.func.hessian((x) => x.sin().sum())(x);   // diag(-sin(x))
 */
export function hessian<F extends (...args: never[]) => unknown>(func: F, argnums?: Argnums | { argnums?: Argnums }): (...args: Parameters<F>) => any { // eslint-disable-line @typescript-eslint/no-explicit-any
  const nums = isDict(argnums) ? (argnums.argnums ?? 0) : (argnums ?? 0);
  return jacfwd(jacrev(func, nums), nums);
}
