/**
 * Rank collapsing for the wasm kernels built on XNNPACK, which handles at most 6 dims: above that it
 * refuses (printing `XNN status … not successful`) and leaves the output uninitialised. Those kernels
 * are elementwise, so adjacent dims can be merged without changing the result: for a broadcasting
 * op, dims that every operand broadcasts alike; for a pad, every unpadded dim into the dim before
 * it. Shapes that still need more than 6 dims afterwards (operands broadcasting in an alternating
 * pattern, a pad of 7 dims at once) are handled by materialising the broadcast, or by padding in
 * two passes.
 */
import { tf } from "./tf";

type Run = (kernelName: string, inputs: tf.NamedTensorMap, attrs?: tf.NamedAttrMap) => tf.Tensor | tf.Tensor[];

/** XNNPACK's XNN_MAX_TENSOR_DIMS. */
export const XNN_MAX_RANK = 6;

/** Kernels whose wasm implementation is an XNNPACK n-d broadcasting op, with their input names. */
const BROADCASTING: Record<string, [string, string]> = {
  Add: ["a", "b"],
  Sub: ["a", "b"],
  Multiply: ["a", "b"],
  RealDiv: ["a", "b"],
  SquaredDifference: ["a", "b"],
  Prelu: ["x", "alpha"],
};

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

function padLeft(shape: readonly number[], rank: number): number[] {
  return [...Array<number>(rank - shape.length).fill(1), ...shape];
}

/**
 * Merges adjacent dims of `out` where each operand is either full or broadcast (size 1) in both;
 * dims of size 1 in the output are dropped. Returns the merged operand and output shapes.
 */
export function collapseBroadcast(shapes: readonly (readonly number[])[], out: readonly number[]): { inputs: number[][]; out: number[] } {
  const padded = shapes.map((s) => padLeft(s, out.length));
  const inputs: number[][] = shapes.map(() => []);
  const merged: number[] = [];
  let last = -1;
  for (let i = 0; i < out.length; i++) {
    if (out[i] === 1) continue;
    let key = 0;
    padded.forEach((s, k) => {
      if (s[i] !== 1) key |= 1 << k;
    });
    if (key === last) {
      padded.forEach((s, k) => (inputs[k][inputs[k].length - 1] *= s[i]));
      merged[merged.length - 1] *= out[i];
    } else {
      padded.forEach((s, k) => inputs[k].push(s[i]));
      merged.push(out[i]);
      last = key;
    }
  }
  return { inputs, out: merged };
}

function runBroadcasting(name: string, keys: [string, string], inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap | undefined, run: Run): tf.Tensor | null {
  const a = inputs[keys[0]];
  const b = inputs[keys[1]];
  if (a.rank <= XNN_MAX_RANK && b.rank <= XNN_MAX_RANK) return null;
  const out = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
  if (out.length <= XNN_MAX_RANK || size(out) === 0) return null;
  const c = collapseBroadcast([a.shape, b.shape], out);
  return tf.tidy(() => {
    let ra: tf.Tensor;
    let rb: tf.Tensor;
    if (c.out.length <= XNN_MAX_RANK) {
      ra = tf.reshape(a, c.inputs[0]);
      rb = tf.reshape(b, c.inputs[1]);
    } else {
      const full = (t: tf.Tensor, shape: number[]) => tf.reshape(tf.tile(tf.reshape(t, shape), c.out.map((d, i) => (shape[i] === d ? 1 : d))), [size(c.out)]);
      ra = full(a, c.inputs[0]);
      rb = full(b, c.inputs[1]);
    }
    const y = run(name, { [keys[0]]: ra, [keys[1]]: rb }, attrs) as tf.Tensor;
    return tf.reshape(y, out);
  });
}

/** Merges every unpadded dim into the dim before it; the padding of that dim scales by the merged size. */
export function collapsePadding(shape: readonly number[], paddings: readonly (readonly [number, number])[]): { shape: number[]; paddings: [number, number][] } {
  const s: number[] = [];
  const p: [number, number][] = [];
  shape.forEach((d, i) => {
    const [before, after] = paddings[i];
    if (s.length === 0 || before !== 0 || after !== 0) {
      s.push(d);
      p.push([before, after]);
    } else {
      s[s.length - 1] *= d;
      p[p.length - 1] = [p[p.length - 1][0] * d, p[p.length - 1][1] * d];
    }
  });
  return { shape: s, paddings: p };
}

function runPad(x: tf.Tensor, paddings: [number, number][], attrs: tf.NamedAttrMap, run: Run): tf.Tensor {
  const outShape = x.shape.map((d, i) => d + paddings[i][0] + paddings[i][1]);
  const c = collapsePadding(x.shape, paddings);
  if (c.shape.length <= XNN_MAX_RANK) {
    return tf.tidy(() => tf.reshape(run("PadV2", { x: tf.reshape(x, c.shape) }, { ...attrs, paddings: c.paddings }) as tf.Tensor, outShape));
  }
  // More padded dims than XNNPACK takes: pad the outer ones first, then the rest.
  const padded = paddings.map((p, i) => (p[0] !== 0 || p[1] !== 0 ? i : -1)).filter((i) => i >= 0);
  const split = padded[XNN_MAX_RANK - 2];
  const first = paddings.map((p, i): [number, number] => (i < split ? p : [0, 0]));
  const rest = paddings.map((p, i): [number, number] => (i < split ? [0, 0] : p));
  return tf.tidy(() => runPad(runPad(x, first, attrs, run), rest, attrs, run));
}

/**
 * Runs kernel `name` with its ranks collapsed when it is one of XNNPACK's and its shapes need more
 * dims than XNNPACK takes; returns null when the kernel can run as it is.
 */
export function collapseRanks(name: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap | undefined, run: Run): tf.Tensor | null {
  const keys = BROADCASTING[name];
  if (keys) return runBroadcasting(name, keys, inputs, attrs, run);
  if (name === "PadV2") {
    const x = inputs.x;
    if (x.rank <= XNN_MAX_RANK) return null;
    return runPad(x, (attrs as { paddings: [number, number][] }).paddings, attrs as tf.NamedAttrMap, run);
  }
  return null;
}
