/** Comparing torchlab's kernels with tfjs's own cpu backend, the reference implementation. */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";

type Tensor = InstanceType<typeof torch.Tensor>;

/** Runs `f` with tfjs on its cpu backend (the reference kernels) and returns plain arrays. */
export async function onCpu(f: () => tf.Tensor[]): Promise<{ shape: number[]; data: Float32Array }[]> {
  const active = tf.getBackend();
  await tf.setBackend("cpu");
  try {
    return tf.tidy(f).map((t) => {
      const r = { shape: t.shape.slice(), data: t.dataSync() as Float32Array };
      t.dispose();
      return r;
    });
  } finally {
    await tf.setBackend(active);
  }
}

/** Expects `got` to have `want`'s shape and values within rtol of the reference's largest magnitude. */
export function close(label: string, got: Tensor, want: { shape: number[]; data: Float32Array }, rtol = 1e-4): void {
  expect(`${label} ${JSON.stringify(got.shape)}`).toBe(`${label} ${JSON.stringify(want.shape)}`);
  const g = got.dataSync() as Float32Array;
  const scale = want.data.reduce((m, v) => Math.max(m, Math.abs(v)), 1);
  let bad = -1;
  for (let i = 0; i < g.length; i++) if (!(Math.abs(g[i] - want.data[i]) <= rtol * scale)) { bad = i; break; }
  expect(bad < 0 ? `${label} ok` : `${label}: element ${bad} is ${g[bad]}, tfjs cpu ${want.data[bad]}`).toBe(`${label} ok`);
}
