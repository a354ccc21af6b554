/**
 * torch.use_deterministic_algorithms: the flag PyTorch keeps for "error (or warn) when an op has no
 * deterministic implementation". Every torchlab op is deterministic on the wasm, cpu and JS backends
 * (scatter-adds included: they run in index order), so the flag is kept and read back as in PyTorch
 * and no op ever needs to raise for it.
 * @example torch.use_deterministic_algorithms(true); torch.are_deterministic_algorithms_enabled()  // true
 */
import { TypeError } from "./errors";
import { parseArgs } from "./tensor/args";

let mode = false;
let warnOnly = false;

export function use_deterministic_algorithms(mode_: boolean | { mode?: boolean; warn_only?: boolean }, options: { warn_only?: boolean } = {}): void {
  const o = parseArgs("use_deterministic_algorithms", [mode_, options], ["mode", "warn_only"]);
  mode_ = o.mode as boolean;
  if (typeof mode_ !== "boolean") throw new TypeError(`_set_deterministic_algorithms(): argument 'mode' (position 1) must be bool, not ${pyType(mode_)}`);
  const w = o.warn_only ?? false;
  if (typeof w !== "boolean") throw new TypeError(`_set_deterministic_algorithms(): argument 'warn_only' must be bool, not ${pyType(w)}`);
  mode = mode_ as boolean;
  warnOnly = w;
}

export const are_deterministic_algorithms_enabled = (): boolean => mode;
export const is_deterministic_algorithms_warn_only_enabled = (): boolean => warnOnly;

/** The Python type name of a value as PyTorch's argument errors print it. */
function pyType(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "str";
  return v === null || v === undefined ? "NoneType" : typeof v === "object" ? (v as object).constructor?.name ?? "object" : typeof v;
}
