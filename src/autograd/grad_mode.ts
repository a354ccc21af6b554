import { scoped, scopedUntilSettled } from "../backend/scopes";
import { TypeError } from "../errors";

/** Whether ops record the graph. `torch.no_grad(fn)` switches it off for the duration of fn. */
let enabled = true;

export function is_grad_enabled(): boolean {
  return enabled;
}

/**
 * Whether a backward closure is running as a recorded op (create_graph, src/autograd/create_graph.ts):
 * closures must then keep every value they compute a tfjs function of their inputs (no shortcut that
 * reads a value back to JS and writes it into a new tensor, which would cut tfjs's tape).
 */
let differentiableBackward = 0;

/** @internal */
export function is_backward_differentiable(): boolean {
  return differentiableBackward > 0;
}

/** @internal runs `fn` with is_backward_differentiable() true. */
export function differentiably<T>(fn: () => T): T {
  return scoped(() => {
    differentiableBackward++;
    return () => differentiableBackward--;
  }, fn);
}

/**
 * Switches graph recording on or off. With `fn` (PyTorch's `with torch.set_grad_enabled(mode):`),
 * the mode holds only while `fn` runs, and its result is returned.
 *
 * @example
 * const out = torch.set_grad_enabled(phase === "train", () => model(inputs));
 */
export function set_grad_enabled(mode: boolean): void;
export function set_grad_enabled<T>(mode: boolean, fn: () => T): T;
export function set_grad_enabled<T>(mode: boolean, fn?: () => T): T | void {
  if (typeof mode !== "boolean") throw new TypeError(`set_grad_enabled(): mode must be a boolean, got ${typeof mode}`);
  if (fn === undefined) {
    enabled = mode;
    return;
  }
  if (typeof fn !== "function") throw new TypeError(`set_grad_enabled(): the second argument must be a function to run under the mode, got ${typeof fn}`);
  return withMode(mode, fn);
}

function withMode<T>(mode: boolean, fn: () => T): T {
  const prev = enabled;
  enabled = mode;
  // Registered, so that a kernel that stops the cell inside fn restores the mode (backend/scopes.ts);
  // an async body keeps the mode until it settles.
  return scopedUntilSettled(() => {
    enabled = prev;
  }, fn);
}

/**
 * Runs `fn` without recording the autograd graph and returns its result. Called with no argument it is
 * PyTorch's decorator form, `@torch.no_grad()` above a `def`: it returns a wrapper that runs the
 * function it is given without recording.
 *
 * @example
 * const pred = torch.no_grad(() => net(x));
 * const split_loss = torch.no_grad()((split: string) => F.cross_entropy(model(X[split]), Y[split]).item());
 */
export function no_grad<T>(fn: () => T): T;
// F is typed from the function it wraps, whose untyped parameters (a notebook's `def`) stay `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function no_grad(): <F extends (...args: any[]) => any>(f: F) => F;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function no_grad<T>(fn?: () => T): T | (<F extends (...args: any[]) => any>(f: F) => F) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  if (fn === undefined) return (<F extends (...args: any[]) => any>(f: F) => ((...args: Parameters<F>) => withMode(false, () => f(...args))) as F);
  return withMode(false, fn);
}

/**
 * Runs `fn` with graph recording switched on, even inside no_grad; `torch.enable_grad()` with no
 * function is the decorator form, wrapping a function to run that way.
 */
export function enable_grad<T>(fn: () => T): T;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function enable_grad(): <F extends (...args: any[]) => any>(f: F) => F;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function enable_grad<T>(fn?: () => T): T | (<F extends (...args: any[]) => any>(f: F) => F) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  if (fn === undefined) return (<F extends (...args: any[]) => any>(f: F) => ((...args: Parameters<F>) => withMode(true, () => f(...args))) as F);
  return withMode(true, fn);
}

let inference = false;

/** Whether an inference_mode(fn) is running (PyTorch's torch.is_inference_mode_enabled()). */
export function is_inference_mode_enabled(): boolean {
  return inference;
}

/**
 * PyTorch's `with torch.inference_mode():` — runs `fn` without recording the graph, as no_grad does.
 * Tensors made inside are inference tensors (`is_inference()`): outside the mode they cannot be
 * modified in place, require grad, or be saved by an op for its backward; clone() one to do that.
 * `inference_mode(false, fn)` runs `fn` in the mode around it, as `torch.inference_mode(False)` does.
 *
 * @example
 * const pred = torch.inference_mode(() => net(x));
 */
export function inference_mode<T>(fn: () => T): T;
export function inference_mode<T>(mode: boolean, fn: () => T): T;
export function inference_mode<T>(mode: boolean | (() => T), fn?: () => T): T {
  const on = typeof mode === "function" ? true : mode;
  const body = typeof mode === "function" ? mode : fn;
  if (typeof on !== "boolean") throw new TypeError(`inference_mode(): mode must be a boolean, got ${typeof on}`);
  if (typeof body !== "function") throw new TypeError(`inference_mode(): expected the function to run, got ${typeof body}`);
  if (!on) return body();
  const prev = inference;
  inference = true;
  return scopedUntilSettled(() => {
    inference = prev;
  }, () => withMode(false, body));
}
