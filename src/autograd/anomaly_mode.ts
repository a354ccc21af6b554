/**
 * PyTorch's anomaly detection (`torch.autograd.set_detect_anomaly`, `detect_anomaly`): while it is on,
 * backward() checks each node's gradients and names the first node that returned NaN, as
 * `Function 'SqrtBackward0' returned nan values in its 0th output.`
 */
import { tf } from "../backend/tf";
import { scopedUntilSettled } from "../backend/scopes";
import { RuntimeError, TypeError } from "../errors";

let enabled = false;
let checkNan = true;

/** Whether anomaly detection is on. */
export function is_anomaly_enabled(): boolean {
  return enabled;
}

/** Whether anomaly detection checks gradients for NaN (its `check_nan`). */
export function is_anomaly_check_nan_enabled(): boolean {
  return checkNan;
}

function withAnomaly<T>(mode: boolean, nan: boolean, fn: () => T): T {
  const prev = [enabled, checkNan] as const;
  enabled = mode;
  checkNan = nan;
  return scopedUntilSettled(() => {
    [enabled, checkNan] = prev;
  }, fn);
}

/**
 * Switches anomaly detection on or off; with `fn` (PyTorch's `with set_detect_anomaly(mode):`) only
 * while `fn` runs, returning its result.
 *
 * @example
 * torch.autograd.set_detect_anomaly(true);
 */
export function set_detect_anomaly(mode: boolean, check_nan?: boolean): void;
export function set_detect_anomaly<T>(mode: boolean, fn: () => T, options?: { check_nan?: boolean }): T;
export function set_detect_anomaly<T>(mode: boolean, fn?: boolean | (() => T), options: { check_nan?: boolean } = {}): T | void {
  if (typeof mode !== "boolean") throw new TypeError(`set_detect_anomaly(): mode must be a boolean, got ${typeof mode}`);
  if (typeof fn === "function") return withAnomaly(mode, options.check_nan ?? true, fn);
  enabled = mode;
  checkNan = fn ?? true;
}

/**
 * Runs `fn` with anomaly detection on (PyTorch's `with torch.autograd.detect_anomaly():`): a backward
 * inside it that produces NaN raises, naming the node.
 *
 * @example
 * torch.autograd.detect_anomaly(() => loss.backward());
 */
export function detect_anomaly<T>(fn: () => T, options: { check_nan?: boolean } = {}): T {
  if (typeof fn !== "function") throw new TypeError(`detect_anomaly(): expected the function to run, got ${typeof fn}`);
  return withAnomaly(true, options.check_nan ?? true, fn);
}

/** @internal raises PyTorch's error when a gradient `name` returned (input `i`'s) holds NaN. */
export function checkGradients(name: string, grads: readonly (tf.Tensor | null)[]): void {
  if (!enabled || !checkNan) return;
  grads.forEach((g, i) => {
    if (g === null || g === undefined) return;
    const bad = tf.tidy(() => tf.any(tf.isNaN(g)).dataSync()[0]);
    if (bad) throw new RuntimeError(`Function '${name}' returned nan values in its ${i}th output.`);
  });
}
