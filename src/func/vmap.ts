/**
 * functorch's `vmap`, as a loop: `func` runs once per index of the mapped dimension on the slices of
 * its inputs, and the results are stacked. PyTorch instead pushes the batch dimension down into each
 * op (batching rules), so one call does the work; here a vmap over B entries costs B calls of `func`
 * (B forward passes, and B backward sweeps when `func` is a grad), plus one stack per output. The
 * values are the same, and so is everything that composes with it: grad, vjp, jacrev inside, and
 * nested vmaps (a loop of loops).
 */
import { Tensor } from "../tensor/tensor";
import { RuntimeError, TypeError, ValueError } from "../errors";
import { stack } from "../ops/movement";
import { default_generator } from "../tensor/random";
import { asPyTuple, pyTypeName } from "../pyrepr";
import { broadcast_prefix, isDict, tree_flatten, tree_unflatten, treespec_repr, type TreeSpec } from "./pytree";

/** An in_dim or out_dim: a dimension, null (not mapped), or a tree of them matching the arguments. */
export type Dims = number | null | readonly Dims[] | { readonly [key: string]: Dims };

export interface VmapOptions {
  /** Which dimension of each argument to map over (default 0): one for all, or one (or a tree) per argument. */
  in_dims?: Dims;
  /** Where the mapped dimension goes in each output (default 0). */
  out_dims?: Dims;
  /**
   * Random ops inside `func`: 'error' (the default) raises, 'different' draws anew for each entry,
   * 'same' draws the same values for every entry.
   */
  randomness?: "error" | "different" | "same";
}

/** Python's name of a function, as functorch's error messages give it. */
export function funcName(f: unknown): string {
  const name = typeof f === "function" ? f.name : "";
  return name === "" ? "<lambda>" : name;
}

/** in_dims / out_dims as Python prints them: `(None, None, 0, 0)`, `0`. */
function dimsRepr(d: unknown): string {
  if (d === null || d === undefined) return "None";
  if (Array.isArray(d)) return `(${d.map(dimsRepr).join(", ")}${d.length === 1 ? "," : ""})`;
  if (isDict(d)) return `{${Object.entries(d).map(([k, v]) => `'${k}': ${dimsRepr(v)}`).join(", ")}}`;
  return typeof d === "string" ? `'${d}'` : String(d);
}

const pyClass = (x: unknown): string => `<class '${x instanceof Tensor ? "torch.Tensor" : pyTypeName(x)}'>`;

function sameWords(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A mapped dimension of size 0: `func` runs once on zeros shaped as one entry, to learn the outputs'
 * shapes, and each output is empty along its out_dim, as PyTorch's batched result would be.
 */
function emptyBatch(name: string, call: (...args: unknown[]) => unknown, flatArgs: unknown[], dims: (number | null)[], argsSpec: TreeSpec, outDims: Dims): unknown {
  const entries = flatArgs.map((arg, i) => (dims[i] === null ? arg : (arg as Tensor).new_zeros((arg as Tensor).shape.filter((_, k) => k !== dims[i]))));
  const out = call(...(tree_unflatten(entries, argsSpec) as unknown[]));
  const [leaves, spec] = tree_flatten(out);
  const flatOut = broadcast_prefix(outDims, out);
  if (flatOut === null || leaves.some((l) => !(l instanceof Tensor))) throw new ValueError(`vmap(${name}, ...): \`${name}\` must only return Tensors`);
  return tree_unflatten(
    leaves.map((l, j) => {
      const t = l as Tensor;
      const d = flatOut[j];
      if (d === null) return t;
      const at = (d as number) < 0 ? (d as number) + t.dim() + 1 : (d as number);
      return t.new_zeros([...t.shape.slice(0, at), 0, ...t.shape.slice(at)]);
    }),
    spec,
  );
}

/**
 * `func` mapped over a dimension of its inputs: `vmap(f)(x)[i]` is `f(x[i])`.
 *
 * Args:
 *   func: a function of Tensors (or arrays / dicts of them) returning a Tensor or a tree of Tensors.
 *   in_dims: the mapped dimension of each input (default 0); `null` passes an input whole to every call.
 *     A single value applies to every input; an array gives one per positional argument (a dict of
 *     tensors takes one value for all its entries, or a dict of values).
 *   out_dims: where the mapped dimension appears in each output (default 0).
 *   randomness: 'error' (default), 'different' or 'same'.
 *
 * Cost: a loop, so B calls of `func` for a mapped size of B (see the module's note).
 *
 * @example
 * // per-sample gradients
 * const ft_compute_sample_grad = torch.func.vmap(torch.func.grad(compute_loss), {in_dims: [null, null, 0, 0]});
 */
export function vmap<F extends (...args: never[]) => unknown>(func: F, in_dims?: Dims | VmapOptions, out_dims?: Dims, randomness?: VmapOptions["randomness"]): F {
  const o: VmapOptions = isDict(in_dims) && ("in_dims" in in_dims || "out_dims" in in_dims || "randomness" in in_dims) ? (in_dims as VmapOptions) : { in_dims: in_dims as Dims, out_dims, randomness };
  const inDims = o.in_dims === undefined ? 0 : o.in_dims;
  const outDims = o.out_dims === undefined ? 0 : o.out_dims;
  const mode = o.randomness ?? "error";
  if (typeof func !== "function") throw new TypeError(`vmap(): func must be a function, got ${pyClass(func)}`);
  if (!["error", "different", "same"].includes(mode)) throw new RuntimeError(`Only allowed values for randomness are 'error', 'different', or 'same'. Got ${String(mode)}`);
  const name = funcName(func);
  const call = func as unknown as (...args: unknown[]) => unknown;
  const wrapped = (...args: unknown[]): unknown => {
    const head = `vmap(${name}, in_dims=${dimsRepr(inDims)}, ...)(<inputs>)`;
    if (!(typeof inDims === "number" || Array.isArray(inDims))) {
      throw new ValueError(`${head}: expected \`in_dims\` to be int or a (potentially nested) tuple matching the structure of inputs, got: ${pyClass(inDims)}.`);
    }
    if (args.length === 0) {
      throw new ValueError(`vmap(${name})(<inputs>): got no inputs. Maybe you forgot to add inputs, or you are trying to vmap over a function with no inputs. The latter is unsupported.`);
    }
    const [flatArgs, argsSpec] = tree_flatten(args);
    const flatDims = broadcast_prefix(Array.isArray(inDims) ? inDims : args.map(() => inDims), args);
    if (flatDims === null) {
      throw new ValueError(`${head}: in_dims is not compatible with the structure of \`inputs\`. in_dims has structure ${treespec_repr(tree_flatten(asPyTuple([...(inDims as Dims[])]))[1])} but inputs has structure ${treespec_repr(tree_flatten(asPyTuple([...args]))[1])}.`);
    }
    const dims = flatArgs.map((arg, i) => {
      const d = flatDims[i];
      if (d === null || d === undefined) return null;
      if (typeof d !== "number" || !Number.isInteger(d)) throw new ValueError(`${head}: Got in_dim=${dimsRepr(d)} for an input but in_dim must be either an integer dimension or None.`);
      if (!(arg instanceof Tensor)) {
        throw new ValueError(`${head}: Got in_dim=${d} for an input but the input is of type ${pyClass(arg)}. We cannot vmap over non-Tensor arguments, please use None as the respective in_dim`);
      }
      const n = arg.dim();
      if (d < -n || d >= n) throw new ValueError(`${head}: Got in_dim=${d} for some input, but that input is a Tensor of dimensionality ${n} so expected in_dim to satisfy -${n} <= in_dim < ${n}.`);
      return d < 0 ? d + n : d;
    });
    const sizes = flatArgs.flatMap((arg, i) => (dims[i] === null ? [] : [(arg as Tensor).shape[dims[i]!]]));
    if (sizes.length === 0) throw new ValueError("vmap: Expected at least one Tensor to vmap over");
    if (sizes.some((s) => s !== sizes[0])) throw new ValueError(`vmap: Expected all tensors to have the same size in the mapped dimension, got sizes [${sizes.join(", ")}] for the mapped dimension`);
    const batch = sizes[0];
    if (batch === 0) return emptyBatch(name, call, flatArgs, dims, argsSpec, outDims);
    const rng = default_generator;
    const start = rng._state_words();
    const results: unknown[][] = [];
    let outSpec: ReturnType<typeof tree_flatten>[1] | null = null;
    for (let b = 0; b < batch; b++) {
      if (mode === "same") rng.set_state(start);
      const before = mode === "error" ? rng._state_words() : null;
      const slices = flatArgs.map((arg, i) => (dims[i] === null ? arg : (arg as Tensor).select(dims[i]!, b)));
      const out = call(...(tree_unflatten(slices, argsSpec) as unknown[]));
      if (before !== null && !sameWords(before, rng._state_words())) {
        throw new RuntimeError("vmap: called random operation while in randomness error mode. Please either use the 'same' or 'different' randomness flags on vmap or perform the randomness operation out of vmap");
      }
      const [leaves, spec] = tree_flatten(out);
      const bad = leaves.find((l) => !(l instanceof Tensor));
      if (bad !== undefined || leaves.length === 0) {
        throw new ValueError(`vmap(${name}, ...): \`${name}\` must only return Tensors, got type ${pyClass(bad ?? out)} as a return.`);
      }
      outSpec = spec;
      results.push(leaves);
    }
    const out0 = tree_unflatten(results[0], outSpec!);
    const flatOut = broadcast_prefix(outDims, out0);
    if (flatOut === null) {
      throw new ValueError(`vmap(${name}, ..., out_dims=${dimsRepr(outDims)})(<inputs>): out_dims is not compatible with the structure of \`outputs\`. out_dims has structure ${treespec_repr(tree_flatten(outDims)[1])} but outputs has structure ${treespec_repr(outSpec!)}.`);
    }
    const stacked = results[0].map((first, j) => {
      const d = flatOut[j];
      if (d !== null && (typeof d !== "number" || !Number.isInteger(d))) {
        throw new ValueError(`vmap(${name}, ..., out_dims=${dimsRepr(outDims)}): \`out_dims\` must be an int or a python collection of ints representing where in the outputs the vmapped dimension should appear.`);
      }
      const pieces = results.map((r) => r[j] as Tensor);
      // An output not mapped (out_dim None) must be the same for every entry; the first is returned.
      if (d === null) return first;
      return stack(pieces, d);
    });
    return tree_unflatten(stacked, outSpec!);
  };
  // functools.wraps: a nested transform's messages name the user's function.
  Object.defineProperty(wrapped, "name", { value: name });
  return wrapped as unknown as F;
}
