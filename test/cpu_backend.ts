/** Test helper: runs a function with tfjs switched to its cpu backend (the reference kernels). */
import { tf } from "../src/backend/tf";

/** Runs `f` on tfjs's cpu backend and switches back to the active backend, also when `f` throws. */
export async function onCpu<T>(f: () => T): Promise<T> {
  const active = tf.getBackend();
  await tf.setBackend("cpu");
  try {
    return f();
  } finally {
    await tf.setBackend(active);
  }
}
