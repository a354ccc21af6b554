/**
 * PyTorch's warnings under the kernel, as a Jupyter user of PyTorch sees them: torchlab raises them
 * with `process.emitWarning(message, "UserWarning")`, and here they are written at once (Python's
 * `warnings.warn` is synchronous; Node would emit on the next tick, after a cell without an `await`
 * has already replied) to the running cell's stderr, formatted as `warnings.showwarning` formats them:
 *
 *     /tmp/ipykernel_<pid>/<n>.py:LINE: UserWarning: message
 *       the cell's source line
 *
 * A warning is attributed to the innermost line of a cell on the stack (what torchlab's warnings
 * mean: PyTorch's F.softmax warns with stacklevel pointing at its caller), named as IPython names a
 * cell's file (here by its prompt number `<n>`, where ipykernel hashes the source); raised outside
 * any cell (a timer, the kernel's own code) it names torchlab's source line, as Python names the
 * library file. Python's "default" action shows each warning once per (message, category, line) of
 * the module it is attributed to: the cells share one module (`__main__`), so one key per cell line
 * number, as ipykernel's shared `__warningregistry__` keys them. DeprecationWarning is hidden, as
 * Python hides it outside `__main__`. A notebook's `warnings.filterwarnings` / `simplefilter`
 * (src/warnings.ts) change that as Python's filters do: "ignore", "error" (raised), "always", "once". Node's own printing of the warning (`(node:PID) ...`) never
 * runs, since no `warning` event is emitted.
 */
import type { Tracebacks } from "./traceback";
import { warningAction } from "../src/warnings";

export function routeWarnings(tracebacks: Tracebacks, write: (text: string) => void): void {
  const seen = new Set<string>();
  const emitWarning = (warning: string | Error, type?: unknown): void => {
    let category = warning instanceof Error ? warning.name : "Warning";
    if (typeof type === "string") category = type;
    else if (type !== null && typeof type === "object" && typeof (type as { type?: unknown }).type === "string") category = (type as { type: string }).type;
    const message = warning instanceof Error ? warning.message : String(warning);
    // Python's filters (`warnings.filterwarnings("ignore")`, src/warnings.ts); none set, the default.
    const action = warningAction(message, category);
    if (action === "ignore" || (action === "default" && category === "DeprecationWarning")) return;
    if (action === "error") {
      const error = new Error(message);
      error.name = category;
      throw error;
    }
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 100;
    const stack = new Error().stack ?? "";
    Error.stackTraceLimit = limit;
    const site = tracebacks.warningSite(stack);
    const file = site === null ? "sys" : site.cell !== null ? `/tmp/ipykernel_${process.pid}/${site.cell}.py` : site.file;
    const line = site?.line ?? 1;
    // "always" shows every time, "once" once per message, "module" once per message of a file.
    const where = site?.cell !== null && site !== null ? "__main__" : file;
    const key = action === "once" ? `\0\0${category}\0${message}` : action === "module" ? `${where}\0\0${category}\0${message}` : `${where}\0${line}\0${category}\0${message}`;
    if (action !== "always" && seen.has(key)) return;
    seen.add(key);
    const source = site?.source.trim() ?? "";
    write(`${file}:${line}: ${category}: ${message}\n${source ? `  ${source}\n` : ""}`);
  };
  process.emitWarning = emitWarning as typeof process.emitWarning;
}
