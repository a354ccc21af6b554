/**
 * `torch.func` (functorch's transforms, as PyTorch 1.13 ships them in the `functorch` package):
 * grad, grad_and_value, vjp, jvp, jacrev, jacfwd, hessian and vmap, which compose as functorch's do
 * (vmap(grad(f)), jacrev(jacrev(f)), jvp(grad(f))), and modules as functions of their state
 * (functional_call, stack_module_state, make_functional, make_functional_with_buffers,
 * combine_state_for_ensemble). vmap is a loop over the mapped dimension (src/func/vmap.ts); jacfwd
 * computes by reverse mode (src/func/autodiff.ts).
 */
import { Tensor } from "../tensor/tensor";
import { NotImplementedError, RuntimeError, TypeError } from "../errors";
import { dual_level, make_dual, unpack_dual } from "../autograd/forward_ad";
import { asPyTuple } from "../pyrepr";
import { same_spec, tree_flatten, tree_unflatten, treespec_repr } from "./pytree";
import { insideReverseTransform } from "./autodiff";

export { grad, grad_and_value, vjp, jacrev, jacfwd, hessian } from "./autodiff";
export type { Argnums, GradOptions, VjpFn } from "./autodiff";
export { vmap } from "./vmap";
export type { Dims, VmapOptions } from "./vmap";
export { functional_call, make_functional, make_functional_with_buffers, combine_state_for_ensemble, stack_module_state } from "./module_state";

/** A primal or tangent argument: a Tensor, or an array or dict of them (functorch's pytree). */
export type TensorTree = Tensor | readonly TensorTree[] | { readonly [key: string]: TensorTree };

type Tree<T> = T extends Tensor ? Tensor : any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * functorch's `jvp(func, primals, tangents)`: `[func(...primals), J(primals) @ tangents]`, computed
 * in one forward pass with forward-mode AD. Each primal is a Tensor or a tree (array, dict) of
 * Tensors, with a tangent of the same structure and shapes; `func` returns a Tensor or a tree of Tensors.
 *
 * @example
 * const [primal_out, tangent_out] = torch.func.jvp(fn, [primal0, primal1], [tangent0, tangent1]);
 */
export function jvp<R>(func: (...primals: never[]) => R, primals: readonly unknown[], tangents: readonly unknown[]): [Tree<R>, Tree<R>] {
  if (typeof func !== "function") throw new TypeError(`jvp(): func must be a function, not ${typeof func}`);
  if (!Array.isArray(primals) || !Array.isArray(tangents)) throw new RuntimeError("jvp(f, primals, tangents): Expected primals to be a tuple. E.g. it should be valid to call f(*primals).");
  const [ps, pSpec] = tree_flatten(primals);
  const [ts, tSpec] = tree_flatten(tangents);
  if (!same_spec(pSpec, tSpec)) {
    throw new RuntimeError(
      `jvp(f, primals, tangents): Expected primals and tangents to have the same python structure. For example, if primals is a tuple of 3 tensors, tangents also must be. Got primals with structure ${treespec_repr(tree_flatten(asPyTuple([...primals]))[1])} and tangents with structure ${treespec_repr(tree_flatten(asPyTuple([...tangents]))[1])}`,
    );
  }
  ps.forEach((p, i) => {
    const t = ts[i];
    if (!(p instanceof Tensor)) throw new RuntimeError(`jvp(f, primals, tangents): Expected primals to only contain Tensors, got ${p === null ? "null" : typeof p}`);
    if (!(t instanceof Tensor)) throw new RuntimeError(`jvp(f, primals, tangents): Expected tangents to only contain Tensors, got ${t === null ? "null" : typeof t}`);
    if (p.shape.join(",") !== t.shape.join(",")) {
      throw new RuntimeError(`jvp(f, primals, tangents): Expected primals and tangents to have same shape (primal [${p.shape.join(", ")}], tangent [${t.shape.join(", ")}])`);
    }
  });
  // Reverse over forward (grad of a function that calls jvp): the tangents are computed off the tape,
  // so a gradient through them would be silently zero. Forward over reverse (jvp(grad(f))) works.
  if (insideReverseTransform()) {
    throw new NotImplementedError("torch.func.jvp inside grad / vjp / jacrev / jacfwd / hessian (reverse mode over forward mode) is not supported by torchlab: compose them the other way round (jvp(grad(f)), jacfwd(jacrev(f))), or use vjp / jacrev");
  }
  const f = func as unknown as (...xs: unknown[]) => unknown;
  return dual_level(() => {
    const duals = ps.map((p, i) => make_dual(p as Tensor, ts[i] as Tensor));
    const out = f(...(tree_unflatten(duals, pSpec) as unknown[]));
    const [outs, outSpec] = tree_flatten(out);
    const pairs = outs.map((o): [Tensor, Tensor] => {
      if (!(o instanceof Tensor)) throw new TypeError(`jvp(): func must return a Tensor or a tree of Tensors, got ${o === null ? "null" : typeof o}`);
      const u = unpack_dual(o);
      // An output that does not depend on the primals has a zero tangent.
      return [u.primal.detach(), u.tangent ?? o.detach().mul(0)];
    });
    return asPyTuple([tree_unflatten(pairs.map((p) => p[0]), outSpec), tree_unflatten(pairs.map((p) => p[1]), outSpec)]) as [Tree<R>, Tree<R>];
  });
}
