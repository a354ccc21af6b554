/**
 * functorch's pytrees, as the transforms see their arguments and results: arrays (Python's lists and
 * tuples), plain objects and Maps (dicts, such as `dict(model.named_parameters())`) nest; anything
 * else is a leaf (a Tensor, a number, null).
 */
import { asPyTuple, pyIsTuple } from "../pyrepr";
import { isDict } from "../builtins";

/** How a tree is built, without its leaves. */
export type TreeSpec =
  | { kind: "leaf" }
  | { kind: "list"; tuple: boolean; children: TreeSpec[] }
  | { kind: "dict"; keys: string[]; children: TreeSpec[] }
  | { kind: "map"; keys: unknown[]; children: TreeSpec[] };

/** Whether `x` is a plain object (a dict), not a class instance such as a Tensor: the builtins' test. */
export { isDict } from "../builtins";

/** The leaves of `tree` in order (dicts in key order) and its spec. */
export function tree_flatten(tree: unknown): [unknown[], TreeSpec] {
  const leaves: unknown[] = [];
  const walk = (x: unknown): TreeSpec => {
    if (Array.isArray(x)) return { kind: "list", tuple: pyIsTuple(x), children: x.map(walk) };
    if (x instanceof Map) return { kind: "map", keys: [...x.keys()], children: [...x.values()].map(walk) };
    if (isDict(x)) return { kind: "dict", keys: Object.keys(x), children: Object.values(x).map(walk) };
    leaves.push(x);
    return { kind: "leaf" };
  };
  const spec = walk(tree);
  return [leaves, spec];
}

/** The tree of `spec` with `leaves` in place of its leaves (the inverse of tree_flatten). */
export function tree_unflatten(leaves: readonly unknown[], spec: TreeSpec): unknown {
  let i = 0;
  const build = (s: TreeSpec): unknown => {
    switch (s.kind) {
      case "leaf":
        return leaves[i++];
      case "list": {
        const items = s.children.map(build);
        return s.tuple ? asPyTuple(items) : items;
      }
      case "dict":
        return Object.fromEntries(s.keys.map((k, j) => [k, build(s.children[j])]));
      case "map":
        return new Map(s.keys.map((k, j) => [k, build(s.children[j])]));
    }
  };
  return build(spec);
}

/** The number of leaves of a spec. */
export function num_leaves(spec: TreeSpec): number {
  return spec.kind === "leaf" ? 1 : spec.children.reduce((n, c) => n + num_leaves(c), 0);
}

/** Whether two specs describe the same structure (a list and a tuple of the same items match). */
export function same_spec(a: TreeSpec, b: TreeSpec): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "leaf") return true;
  const bc = (b as { children: TreeSpec[] }).children;
  if (a.children.length !== bc.length) return false;
  if (a.kind !== "list" && a.keys.some((k, i) => k !== (b as { keys: unknown[] }).keys[i])) return false;
  return a.children.every((c, i) => same_spec(c, bc[i]));
}

/** A spec written as PyTorch's treespec_pprint writes one: `(*, {'a': *})`, `[*, *]`, `*`. */
export function spec_repr(s: TreeSpec): string {
  switch (s.kind) {
    case "leaf":
      return "*";
    case "list": {
      const inner = s.children.map(spec_repr).join(", ");
      return s.tuple ? `(${inner}${s.children.length === 1 ? "," : ""})` : `[${inner}]`;
    }
    case "dict":
    case "map":
      return `{${s.keys.map((k, i) => `'${String(k)}': ${spec_repr(s.children[i])}`).join(", ")}}`;
  }
}

/**
 * `prefix` (an int, null, or a tree of them) broadcast over `tree`'s leaves, as vmap reads in_dims:
 * a leaf of `prefix` applies to the whole subtree under it. Returns null when the structures differ.
 */
export function broadcast_prefix(prefix: unknown, tree: unknown): unknown[] | null {
  const out: unknown[] = [];
  const walk = (p: unknown, x: unknown): boolean => {
    const pIsNode = Array.isArray(p) || p instanceof Map || isDict(p);
    if (!pIsNode) {
      out.push(...Array(tree_flatten(x)[0].length).fill(p));
      return true;
    }
    if (Array.isArray(p)) return Array.isArray(x) && x.length === p.length && p.every((c, i) => walk(c, x[i]));
    if (p instanceof Map) return x instanceof Map && x.size === p.size && [...p.keys()].every((k) => x.has(k) && walk(p.get(k), x.get(k)));
    const keys = Object.keys(p as object);
    if (!isDict(x) || Object.keys(x).length !== keys.length) return false;
    // A dict's leaves are flattened in the tree's key order.
    return Object.keys(x).every((k) => k in (p as object) && walk((p as Record<string, unknown>)[k], x[k]));
  };
  return walk(prefix, tree) ? out : null;
}

/** A spec as PyTorch 1.13's TreeSpec prints itself in vmap's and jvp's messages: `TreeSpec(tuple, None, [*, *])`. */
export function treespec_repr(s: TreeSpec): string {
  switch (s.kind) {
    case "leaf":
      return "*";
    case "list":
      return `TreeSpec(${s.tuple ? "tuple" : "list"}, None, [${s.children.map(treespec_repr).join(", ")}])`;
    case "dict":
    case "map":
      return `TreeSpec(dict, [${s.keys.map((k) => `'${String(k)}'`).join(", ")}], [${s.children.map(treespec_repr).join(", ")}])`;
  }
}
