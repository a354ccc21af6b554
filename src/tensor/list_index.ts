/**
 * PyTorch's list index, `x[[0, 2]]`: a Python list of integers is an index tensor along dim 0 (a list
 * of bools a mask), not the tuple `x[0, 2]`. JavaScript has no tuple/list distinction, so the list
 * form has its own spelling, Python's `x.__getitem__([0, 2])` / `x.__setitem__([0, 2], v)`, which the
 * notebook uses for `x[[0, 2]]`; `x.index([0, 2])` keeps meaning `x[0, 2]`.
 *
 * Only flat lists of integers or of bools are taken. A list that holds lists, tensors, slices or null
 * is a tuple in PyTorch 1.13 (`x[[[0, 1], [1, 2]]]` is `x[[0, 1], [1, 2]]`) but an index array in
 * NumPy and below 32 items only; those, and lists mixing ints and bools, raise instead of guessing.
 */
import { IndexError, TypeError } from "../errors";
import type { Tensor } from "./tensor";
import * as C from "../ops/creation";

const show = (list: readonly unknown[]): string => JSON.stringify(list).replace(/,/g, ", ");

/** The index tensor PyTorch builds from a Python list index (`torch.tensor(list)`). */
export function listIndex(op: string, list: readonly unknown[]): Tensor {
  if (list.length === 0) return C.tensor([], { dtype: "int64" });
  if (list.every((v) => typeof v === "boolean")) return C.tensor(list as boolean[]);
  if (list.every((v) => typeof v === "number")) {
    const bad = (list as number[]).find((v) => !Number.isInteger(v));
    if (bad !== undefined) {
      throw new IndexError(`${op}(${show(list)}): tensors used as indices must be long, int or bool tensors, and ${bad} is not an integer`);
    }
    return C.tensor(list as number[], { dtype: "int64" });
  }
  if (list.some((v) => typeof v === "boolean") && list.every((v) => typeof v === "boolean" || typeof v === "number")) {
    throw new IndexError(`${op}(${show(list)}): a list index mixes integers and bools; use a list of integers (positions) or of bools (a mask)`);
  }
  const items = list.map((v) => (Array.isArray(v) ? show(v) : v === null ? "null" : typeof v === "object" ? "tensor" : JSON.stringify(v))).join(", ");
  const asTuple = list.every((v) => Array.isArray(v)) ? `x.index([${list.map((v) => `torch.tensor(${show(v as unknown[])})`).join(", ")}])` : "x.index([...items])";
  throw new IndexError(
    `${op}([${items}]): a list index holding lists, tensors, slices or null is ambiguous (PyTorch 1.13 reads it as the ` +
      `tuple x[${items}], NumPy as one index array); write ${asTuple} for the tuple, or x.index(torch.tensor([${items}])) for one index array`,
  );
}

/** `x[[0, 2]]` outside a notebook cell reaches the tensor as the key "0,2"; true for such keys. */
const LIST_KEY = /^((-?[0-9]+|true|false)(,(-?[0-9]+|true|false))*)?$/;

/**
 * The error for `x[[0, 2]]` (and `x[[0, 2]] = v`) in a plain script: the key "0,2" could be that list,
 * a nested one, or the string `x["0,2"]` (which the notebook reads as x[0, 2]), so nothing is guessed.
 */
export function listKeyError(key: string, write: boolean): Error | undefined {
  if (!LIST_KEY.test(key)) return undefined;
  const items = key === "" ? [] : key.split(",");
  const list = `[${items.join(", ")}]`;
  const use = write ? `x.__setitem__(${list}, value) (PyTorch's index_put_)` : `x.__getitem__(${list})${items.length ? ` (the same as x.index(torch.tensor(${list})))` : ""}`;
  const tuple = items.length > 1 ? `, or x.${write ? "setitem" : "index"}("${items.join(", ")}"${write ? ", value" : ""}) for the tuple x[${items.join(", ")}]` : "";
  return new TypeError(
    `tensor[${JSON.stringify(key)}]${write ? " = ..." : ""}: outside a notebook cell a list index reaches a tensor as the string ${JSON.stringify(key)}, ` +
      `which cannot tell x[${list}] from x[${JSON.stringify(key)}] or a nested list; use ${use} for the list index${tuple}`,
  );
}
