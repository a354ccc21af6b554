/**
 * A 2-D transpose for the cpu backend (TorchlabTranspose2d): tfjs's cpu Transpose computes every
 * element's coordinates (~100 ns per element: the tutorial Net's [10,10816] Linear weight, transposed
 * by weight.t() each step, took ~11 ms); this copies 32 x 32 tiles. Other ranks keep tfjs's kernel.
 * (A one-loop ReLU measured no faster than tfjs's Relu per step: the output's allocation dominates.)
 */
import { tf } from "./tf";

type Info = tf.TensorInfo;

interface CpuBackendLike {
  data: { get(dataId: object): { values?: unknown } };
  makeTensorInfo(shape: number[], dtype: string, values: Float32Array | Int32Array): Info;
}

type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown };

/** [r, c] -> [c, r] in 32 x 32 tiles (both arrays stay in cache within a tile). */
function transpose2d(args: KernelArgs): Info {
  const x = args.inputs.x as Info;
  const backend = args.backend as CpuBackendLike;
  const [r, c] = x.shape;
  const xs = backend.data.get(x.dataId).values as Float32Array | Int32Array;
  const ys = xs instanceof Int32Array ? new Int32Array(r * c) : new Float32Array(r * c);
  const T = 32;
  for (let i0 = 0; i0 < r; i0 += T) {
    const i1 = Math.min(r, i0 + T);
    for (let j0 = 0; j0 < c; j0 += T) {
      const j1 = Math.min(c, j0 + T);
      for (let i = i0; i < i1; i++) {
        for (let j = j0, s = i * c + j0, d = j0 * r + i; j < j1; j++, s++, d += r) ys[d] = xs[s];
      }
    }
  }
  return backend.makeTensorInfo([c, r], x.dtype, ys);
}

let registered = false;

/** Registers TorchlabTranspose2d for the cpu backend. */
export function registerCpuKernels(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({ kernelName: "TorchlabTranspose2d", backendName: "cpu", kernelFunc: transpose2d as unknown as tf.KernelFunc });
}

/** True when `t`'s data is held by the cpu backend in the array type its dtype names. */
function plainOnCpu(t: tf.Tensor, dtypes: string[]): boolean {
  if (!dtypes.includes(t.dtype) || tf.getBackend() !== "cpu" || tf.getKernel("TorchlabTranspose2d", "cpu") === undefined) return false;
  const values = (tf.backend() as unknown as CpuBackendLike).data.get(t.dataId).values;
  // The cpu backend's int32 -> float32 cast keeps the Int32Array (and the reverse).
  return t.dtype === "float32" ? values instanceof Float32Array : values instanceof Int32Array;
}

/** tf.transpose(x, perm), through TorchlabTranspose2d for a 2-D float32/int32 tensor on the cpu backend. */
export function transposeT(x: tf.Tensor, perm: number[]): tf.Tensor {
  if (x.rank === 2 && perm[0] === 1 && plainOnCpu(x, ["float32", "int32"])) return tf.engine().runKernel("TorchlabTranspose2d", { x }) as tf.Tensor;
  return tf.transpose(x, perm);
}
