/**
 * torch.set_float32_matmul_precision / get_float32_matmul_precision. PyTorch uses it to allow
 * TF32 or bfloat16 passes in float32 matmuls on GPUs that have them; torchlab's matmuls are float32
 * on every backend, so the setting is kept and read back (as PyTorch on a CPU, where it changes
 * nothing either). An unknown name is ignored with PyTorch's warning, a non-string is an error.
 * @example torch.set_float32_matmul_precision("high"); torch.get_float32_matmul_precision()  // 'high'
 */
import { RuntimeError } from "./errors";

let precision = "highest";

export function set_float32_matmul_precision(p: string): void {
  if (typeof p !== "string") throw new RuntimeError(`set_float32_matmul_precision expects a str, but got ${pyType(p)}`);
  if (p !== "highest" && p !== "high" && p !== "medium") {
    process.emitWarning(`${p} is not one of 'highest', 'high', or 'medium'; the currentsetFloat32MatmulPrecision call has no effect.`, "UserWarning");
    return;
  }
  precision = p;
}

export const get_float32_matmul_precision = (): string => precision;

/** The Python type name of a value as PyTorch's argument errors print it. */
function pyType(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "str";
  return v === null || v === undefined ? "NoneType" : typeof v === "object" ? (v as object).constructor?.name ?? "object" : typeof v;
}
