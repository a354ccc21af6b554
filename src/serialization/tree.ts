/**
 * The object handed to torch.save, checked once and turned into a tree that both writers
 * (safetensors, PyTorch zip) walk. The checks, and their messages, are the same whichever format
 * the file gets.
 */
import { Tensor } from "../tensor/tensor";
import { TypeError } from "../errors";

export type TreeNode =
  | { kind: "tensor"; t: Tensor; path: string[] }
  | { kind: "value"; v: null | boolean | number | string | bigint }
  | { kind: "list"; items: TreeNode[] }
  | { kind: "dict"; entries: [string, TreeNode][] };

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function kind(x: unknown): string {
  if (x === null) return "null";
  if (typeof x === "object" || (typeof x === "function" && "state_dict" in x)) return (x as object).constructor?.name ?? "object";
  return typeof x;
}

/** Builds the tree of `obj`, or throws a TypeError naming the first value a checkpoint cannot hold. */
export function toTree(obj: unknown): TreeNode {
  const seen = new Set<object>();
  const walk = (v: unknown, path: string[]): TreeNode => {
    if (v instanceof Tensor) return { kind: "tensor", t: v, path };
    if (v === null || typeof v === "boolean" || typeof v === "string" || typeof v === "number" || typeof v === "bigint") return { kind: "value", v };
    const where = path.length ? `'${path.join(".")}'` : "the object";
    if (v === undefined) throw new TypeError(`torch.save: ${where} is undefined; use null for a missing value`);
    // PyTorch pickles whole modules (classes by import path); torchlab's classes live in
    // JavaScript, which Python cannot import, so only their state travels. (A Module is callable.)
    if ((typeof v === "object" || typeof v === "function") && v !== null && !isPlainObject(v) && typeof (v as { state_dict?: unknown }).state_dict === "function") {
      const name = path.length ? path[path.length - 1] : "net";
      throw new TypeError(
        `torch.save: cannot save ${where}, a ${kind(v)} object: torchlab saves state, not modules or optimizers; save its state_dict() instead (torch.save(${name}.state_dict(), path)) and call load_state_dict(torch.load(path)) on a freshly built one`,
      );
    }
    if (typeof v === "object") {
      if (seen.has(v)) throw new TypeError(`torch.save: ${where} refers back to one of its containers (a cycle); checkpoints hold trees`);
      seen.add(v);
      try {
        if (Array.isArray(v)) return { kind: "list", items: v.map((x, i) => walk(x, [...path, String(i)])) };
        if (isPlainObject(v)) return { kind: "dict", entries: Object.entries(v).map(([k, x]) => [k, walk(x, [...path, k])] as [string, TreeNode]) };
      } finally {
        seen.delete(v);
      }
    }
    throw new TypeError(
      `torch.save: cannot save ${where} of type ${kind(v)}; checkpoints hold tensors, numbers, strings, booleans, null, and arrays/plain objects of them (save a module's state_dict(), not the module)`,
    );
  };
  return walk(obj, []);
}
