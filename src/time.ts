/**
 * Python's time module as a training loop uses it: `start = time.time()` ... `time.time() - start`
 * in seconds (a float), `time.perf_counter()` for intervals, `time.sleep(s)`.
 */
import { performance } from "perf_hooks";
import { ValueError } from "./errors";

/** `time.time()`: seconds since the epoch, with sub-millisecond digits. */
export const time = (): number => (performance.timeOrigin + performance.now()) / 1000;
/** `time.perf_counter()`: a monotonic clock in seconds, for intervals. */
export const perf_counter = (): number => performance.now() / 1000;
/** `time.monotonic()`: as perf_counter. */
export const monotonic = perf_counter;
/** `time.time_ns()`: nanoseconds since the epoch. */
export const time_ns = (): number => Math.round((performance.timeOrigin + performance.now()) * 1e6);

/** `time.sleep(seconds)`: blocks the kernel, as Python's blocks the interpreter. */
export function sleep(seconds: number): void {
  if (!(seconds >= 0)) throw new ValueError("sleep length must be non-negative");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}
