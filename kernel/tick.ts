/**
 * The yield point the kernel inserts into every loop at the top level of a cell (kernel/rewrite.ts).
 *
 * A synchronous loop never lets the event loop run, so nothing reaches the front end until it ends
 * (prints, live plots), torchlab's FinalizationRegistry cannot free the tensors of past iterations,
 * and an interrupt_request cannot be read. `tick` yields a macrotask at most every YIELD_MS, which
 * costs a microtask otherwise, and stops the loop once its cell has been interrupted.
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

/** Called by rewritten loops with the serial number of their cell. */
export function tick(cell: number): Promise<void> | undefined {
  if (cell <= interruptedUpTo) throw new LoopInterrupted();
  const now = Date.now();
  if (now - lastYield < YIELD_MS) return undefined;
  lastYield = now;
  return new Promise((resolve) => setImmediate(resolve));
}

/** Makes the loops of every cell up to serial `cell` stop at their next tick. */
export function interruptCellsUpTo(cell: number): void {
  interruptedUpTo = Math.max(interruptedUpTo, cell);
}
