/**
 * The yield point the kernel inserts into every loop at the top level of a cell (kernel/rewrite.ts).
 *
 * A synchronous loop never lets the event loop run, so nothing reaches the front end until it ends
 * (prints, live plots), torchlab's FinalizationRegistry cannot free the tensors of past iterations,
 * and an interrupt_request cannot be read. `tick` makes the loop yield a macrotask at most every
 * YIELD_MS, and stops it once its cell has been interrupted.
 */
const YIELD_MS = 20;

let lastYield = Date.now();
let interruptedUpTo = -1;

/** Thrown into a loop whose cell was interrupted; its message marks it as a KeyboardInterrupt. */
export class LoopInterrupted extends Error {
  constructor() {
    super("Interrupted asynchronously (KeyboardInterrupt)");
    this.name = "KeyboardInterrupt";
  }
}

/**
 * Called by rewritten loops with the serial number of their cell, as
 * `if (_torchlab_tick(N)) await _torchlab_tick.yield();`: the check is synchronous, so a tight
 * loop pays a clock read per iteration and an `await` only when a yield is due.
 */
export const tick = Object.assign(
  (cell: number): boolean => {
    if (cell <= interruptedUpTo) throw new LoopInterrupted();
    const now = Date.now();
    if (now - lastYield < YIELD_MS) return false;
    lastYield = now;
    return true;
  },
  {
    /** A macrotask turn: the event loop runs timers, I/O (kernel messages) and finalizers. */
    yield: (): Promise<void> => new Promise((resolve) => setImmediate(resolve)),
  },
);

/** Makes the loops of every cell up to serial `cell` stop at their next tick. */
export function interruptCellsUpTo(cell: number): void {
  interruptedUpTo = Math.max(interruptedUpTo, cell);
}
