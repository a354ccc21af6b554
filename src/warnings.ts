/**
 * Python's `warnings` module as a notebook uses it (`import warnings; warnings.filterwarnings("ignore")`,
 * the first cell of many tutorials), over the warnings torchlab raises.
 *
 * PyTorch's one-time UserWarnings (deprecations, "lazy modules are experimental", copy-construct
 * advice): Python's default warning filter shows a warning from one call site once per session, so
 * `warnOnce(message)` emits a message the first time it is given and never again. Under the kernel,
 * kernel/warnings.ts writes each warning as Python does, after asking `warningAction` what the filters
 * say.
 */
import { ValueError } from "./errors";

const shown = new Set<string>();

export function warnOnce(message: string): void {
  // A filter that shows or raises every time ("always", "error") overrides the once.
  const action = warningAction(message, "UserWarning");
  if (shown.has(message) && action !== "always" && action !== "error") return;
  shown.add(message);
  process.emitWarning(message, "UserWarning");
}

/** Python's warning actions. */
export type WarningAction = "default" | "error" | "ignore" | "always" | "module" | "once";
const ACTIONS: readonly string[] = ["default", "error", "ignore", "always", "module", "once"];

/** A category as Python passes it (a class, here a name or anything with one: `"UserWarning"`). */
export type WarningCategory = string | { name: string };

interface Filter {
  action: WarningAction;
  message: RegExp | null;
  category: string;
}

/** The filters, first match wins, as `warnings.filters` (torchlab's own are none: everything is "default"). */
const filters: Filter[] = [];

function categoryName(category: WarningCategory | null | undefined): string {
  if (category === null || category === undefined) return "Warning";
  return typeof category === "string" ? category : category.name;
}

function addFilter(action: string, message: RegExp | null, category: WarningCategory | null | undefined, append: boolean): void {
  if (!ACTIONS.includes(action)) throw new ValueError(`invalid action: '${action}'`);
  const f: Filter = { action: action as WarningAction, message, category: categoryName(category) };
  if (append) filters.push(f);
  else filters.unshift(f);
}

/**
 * `warnings.filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False)`:
 * `action` ("ignore", "error", "always", "default", "module", "once") for the warnings whose message
 * starts with the regular expression `message` (case-insensitive) and whose category is `category`
 * (a name; "Warning", the default, is every category). `module` and `lineno` are accepted and not
 * matched (every cell is `__main__`).
 *
 * @example warnings.filterwarnings("ignore")
 */
export function filterwarnings(
  action: WarningAction,
  message: string | { message?: string; category?: WarningCategory; module?: string; lineno?: number; append?: boolean } = "",
  category?: WarningCategory,
  module = "",
  lineno = 0,
  append = false,
): void {
  const o = typeof message === "object" ? message : { message, category, module, lineno, append };
  addFilter(action, o.message ? new RegExp(`^(?:${o.message})`, "i") : null, o.category, o.append ?? false);
}

/** `warnings.simplefilter(action, category=Warning, lineno=0, append=False)`: `action` for every message. */
export function simplefilter(action: WarningAction, category?: WarningCategory | { category?: WarningCategory; lineno?: number; append?: boolean }, lineno = 0, append = false): void {
  const o = typeof category === "object" && !("name" in category) ? category : { category: category as WarningCategory | undefined, lineno, append };
  addFilter(action, null, o.category, o.append ?? false);
}

/** `warnings.resetwarnings()`: no filters left. */
export function resetwarnings(): void {
  filters.length = 0;
}

/** `warnings.warn(message, category=UserWarning)`: shown as the kernel shows PyTorch's warnings. */
export function warn(message: string, category: WarningCategory = "UserWarning"): void {
  process.emitWarning(String(message), categoryName(category));
}

/** @internal What the filters say to do with a warning: the first that matches, else "default". */
export function warningAction(message: string, category: string): WarningAction {
  const f = filters.find((x) => (x.category === "Warning" || x.category === category) && (x.message === null || x.message.test(message)));
  return f?.action ?? "default";
}
