/**
 * The name Python's `type(x).__name__` gives the value a JavaScript caller passed, for error messages
 * that name an argument's type as PyTorch's do ("must be Tensor, not list"): `null`/`undefined` are
 * None, a whole number int, other numbers float, arrays list, a Tensor Tensor, other objects their
 * class's name.
 */
import { Tensor } from "./tensor/tensor";

export function pythonTypeName(x: unknown): string {
  if (x === null || x === undefined) return "NoneType";
  if (Array.isArray(x)) return "list";
  if (x instanceof Tensor) return "Tensor";
  switch (typeof x) {
    case "object":
      return (x as object).constructor?.name ?? "object";
    case "string":
      return "str";
    case "number":
      return Number.isInteger(x) ? "int" : "float";
    case "boolean":
      return "bool";
    default:
      return typeof x;
  }
}
