/** Helpers for the memory tests (test/tensor/memory.test.ts, test/autograd/function_memory.test.ts). */
import { torch } from "../src";

/** Yields one macrotask, as a notebook's `for await` over a DataLoader does. */
export const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Full GC, then wait for the registry's callbacks (V8 posts them as a separate task, which a loaded
 * machine may run late) until the backend's counts stop changing; returns those counts.
 */
export async function settle(): Promise<{ numTensors: number; numBytes: number }> {
  let prev = "";
  for (let round = 0; round < 40; round++) {
    expect(torch._collect()).toBe(true);
    await macrotask();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const m = torch.memory();
    const key = `${m.numTensors}/${m.numBytes}`;
    if (round >= 3 && key === prev) return m;
    prev = key;
  }
  return torch.memory();
}
