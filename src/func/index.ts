/**
 * `torch.func` (functorch's transforms, as PyTorch 1.13 ships them in the `functorch` package):
 * `jvp` over forward-mode AD, `functional_call`, and functorch's `make_functional_with_buffers`.
 */
import { Tensor } from "../tensor/tensor";
import { RuntimeError, TypeError } from "../errors";
import { Module } from "../nn/modules/module";
import { functional_call } from "../nn/utils/stateless";
import { dual_level, make_dual, unpack_dual } from "../autograd/forward_ad";

export { functional_call };

/** A primal or tangent argument: a Tensor, or an array of them (functorch's pytree, one level deep). */
export type TensorTree = Tensor | readonly Tensor[];

type Tree<T> = T extends readonly Tensor[] ? Tensor[] : Tensor;

function sameStructure(p: TensorTree, t: TensorTree, where: string): void {
  if (p instanceof Tensor) {
    if (!(t instanceof Tensor)) throw new RuntimeError(`jvp(${where}): Expected primals and tangents to have the same python structure`);
    if (p.shape.join(",") !== t.shape.join(",")) {
      throw new RuntimeError(`jvp(${where}): Expected primals and tangents to have same shape (primal [${p.shape.join(", ")}], tangent [${t.shape.join(", ")}])`);
    }
    return;
  }
  if (!Array.isArray(t) || t.length !== p.length) throw new RuntimeError(`jvp(${where}): Expected primals and tangents to have the same python structure`);
  p.forEach((x, i) => sameStructure(x, t[i], `${where}[${i}]`));
}

/**
 * functorch's `jvp(func, primals, tangents)`: `[func(...primals), J(primals) @ tangents]`, computed
 * in one forward pass with forward-mode AD. Each primal is a Tensor or an array of Tensors, with a
 * tangent of the same structure and shapes; `func` returns a Tensor or an array of Tensors.
 *
 * @example
 * const [primal_out, tangent_out] = torch.func.jvp(fn, [primal0, primal1], [tangent0, tangent1]);
 */
export function jvp<R extends TensorTree>(func: (...primals: never[]) => R, primals: readonly TensorTree[], tangents: readonly TensorTree[]): [Tree<R>, Tree<R>] {
  if (typeof func !== "function") throw new TypeError(`jvp(): func must be a function, not ${typeof func}`);
  if (!Array.isArray(primals) || !Array.isArray(tangents)) throw new RuntimeError("jvp(f, primals, tangents): Expected primals and tangents to be arrays (tuples)");
  if (primals.length !== tangents.length) throw new RuntimeError("jvp(f, primals, tangents): Expected primals and tangents to have the same length");
  primals.forEach((p, i) => sameStructure(p, tangents[i], `primals[${i}]`));
  const f = func as unknown as (...xs: TensorTree[]) => TensorTree;
  return dual_level(() => {
    const duals = primals.map((p, i) => {
      const t = tangents[i];
      return p instanceof Tensor ? make_dual(p, t as Tensor) : (p as readonly Tensor[]).map((x: Tensor, j: number) => make_dual(x, (t as readonly Tensor[])[j]));
    });
    const out = f(...duals);
    const unpack = (o: Tensor): [Tensor, Tensor] => {
      if (!(o instanceof Tensor)) throw new TypeError(`jvp(): func must return a Tensor or an array of Tensors, got ${o === null ? "null" : typeof o}`);
      const u = unpack_dual(o);
      // An output that does not depend on the primals has a zero tangent.
      return [u.primal.detach(), u.tangent ?? o.detach().mul(0)];
    };
    if (out instanceof Tensor) return unpack(out) as [Tree<R>, Tree<R>];
    const pairs = out.map(unpack);
    return [pairs.map((p) => p[0]), pairs.map((p) => p[1])] as [Tree<R>, Tree<R>];
  });
}

/**
 * functorch's `make_functional_with_buffers(model)`: `[func, params, buffers]`, where
 * `func(params, buffers, ...inputs)` runs the model with those parameters and buffers (in
 * named_parameters / named_buffers order) in place of its own.
 */
export function make_functional_with_buffers(model: Module): [(params: readonly Tensor[], buffers: readonly Tensor[], ...inputs: unknown[]) => unknown, Tensor[], Tensor[]] {
  if (!(model instanceof Module)) throw new TypeError(`make_functional_with_buffers(): model must be an nn.Module, not ${model === null ? "null" : typeof model}`);
  const pnames = model.named_parameters().map(([n]) => n);
  const bnames = model.named_buffers().map(([n]) => n);
  const func = (params: readonly Tensor[], buffers: readonly Tensor[], ...inputs: unknown[]): unknown => {
    if (params.length !== pnames.length) throw new RuntimeError(`make_functional_with_buffers: expected ${pnames.length} params, got ${params.length}`);
    if (buffers.length !== bnames.length) throw new RuntimeError(`make_functional_with_buffers: expected ${bnames.length} buffers, got ${buffers.length}`);
    const swap = new Map<string, Tensor>();
    pnames.forEach((n, i) => swap.set(n, params[i]));
    bnames.forEach((n, i) => swap.set(n, buffers[i]));
    return functional_call(model, swap, inputs);
  };
  return [func, model.parameters(), model.buffers()];
}
