/**
 * A 2-D float32 matrix product for the cpu backend (TorchlabMatMul): op(a) . op(b) with op = optional
 * transpose. tfjs's cpu BatchMatMul runs ~0.5 GFLOP/s on the tutorial Net's Linear products
 * ([64,10816] x [10816,10] and its two gradients, ~14 ms each, plus a Transpose of the weight); here
 * both operands are packed into panels of 4 rows / 4 columns laid out k-major, so the inner loop reads
 * 8 consecutive floats per 16 multiply-adds held in locals (the same 4x4 register block as the cpu
 * convolutions in js_kernels.ts). Sums run in double and are rounded once. The wasm backend keeps
 * XNNPACK's product.
 */
import { tf } from "./tf";

type Info = tf.TensorInfo;

interface CpuBackendLike {
  data: { get(dataId: object): { values?: unknown } };
  makeTensorInfo(shape: number[], dtype: string, values: Float32Array): Info;
}

export interface MatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
}

/** Scratch panels, grown on demand and reused across calls (packing is per call). */
let packA = new Float32Array(0);
let packB = new Float32Array(0);

function scratch(buf: Float32Array, size: number): Float32Array {
  return buf.length >= size ? buf : new Float32Array(Math.max(size, 2 * buf.length));
}

/**
 * op(x) (rows x depth, x stored [rows, depth], or [depth, rows] when `t`) as panels of 4 rows:
 * out[(r4 * depth + k) * 4 + i] = op(x)[4 * r4 + i][k], rows past the end zero.
 */
function pack(out: Float32Array, x: Float32Array, rows: number, depth: number, t: boolean): void {
  const panels = Math.ceil(rows / 4);
  for (let r4 = 0; r4 < panels; r4++) {
    const r0 = 4 * r4;
    const live = Math.min(4, rows - r0);
    let o = r4 * depth * 4;
    if (live === 4 && !t) {
      const x0 = r0 * depth, x1 = x0 + depth, x2 = x1 + depth, x3 = x2 + depth;
      for (let k = 0; k < depth; k++, o += 4) {
        out[o] = x[x0 + k]; out[o + 1] = x[x1 + k]; out[o + 2] = x[x2 + k]; out[o + 3] = x[x3 + k];
      }
    } else if (live === 4) {
      for (let k = 0, s = r0; k < depth; k++, o += 4, s += rows) {
        out[o] = x[s]; out[o + 1] = x[s + 1]; out[o + 2] = x[s + 2]; out[o + 3] = x[s + 3];
      }
    } else {
      for (let k = 0; k < depth; k++, o += 4) {
        for (let i = 0; i < 4; i++) out[o + i] = i < live ? (t ? x[k * rows + r0 + i] : x[(r0 + i) * depth + k]) : 0;
      }
    }
  }
}

/** c[n, p] = A . B from panels of A's rows (n x k) and of B's columns (k x p). */
function product(c: Float32Array, ap: Float32Array, bp: Float32Array, n: number, k: number, p: number): void {
  for (let i4 = 0; i4 < n; i4 += 4) {
    const ao = i4 * k;
    const rows = Math.min(4, n - i4);
    for (let j4 = 0; j4 < p; j4 += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let ai = ao, bi = j4 * k, ae = ao + 4 * k; ai < ae; ai += 4, bi += 4) {
        const b0 = bp[bi], b1 = bp[bi + 1], b2 = bp[bi + 2], b3 = bp[bi + 3];
        let w = ap[ai];
        s00 += w * b0; s01 += w * b1; s02 += w * b2; s03 += w * b3;
        w = ap[ai + 1];
        s10 += w * b0; s11 += w * b1; s12 += w * b2; s13 += w * b3;
        w = ap[ai + 2];
        s20 += w * b0; s21 += w * b1; s22 += w * b2; s23 += w * b3;
        w = ap[ai + 3];
        s30 += w * b0; s31 += w * b1; s32 += w * b2; s33 += w * b3;
      }
      const r0 = i4 * p + j4;
      if (rows === 4 && j4 + 4 <= p) {
        const r1 = r0 + p, r2 = r1 + p, r3 = r2 + p;
        c[r0] = s00; c[r0 + 1] = s01; c[r0 + 2] = s02; c[r0 + 3] = s03;
        c[r1] = s10; c[r1 + 1] = s11; c[r1 + 2] = s12; c[r1 + 3] = s13;
        c[r2] = s20; c[r2 + 1] = s21; c[r2 + 2] = s22; c[r2 + 3] = s23;
        c[r3] = s30; c[r3 + 1] = s31; c[r3 + 2] = s32; c[r3 + 3] = s33;
      } else {
        // The edge block: padded rows and columns were computed from zeros and are dropped.
        const block = [s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33];
        const cols = Math.min(4, p - j4);
        for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) c[r0 + i * p + j] = block[4 * i + j];
      }
    }
  }
}

function matMul(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): Info {
  const a = args.inputs.a as Info;
  const b = args.inputs.b as Info;
  const { transposeA, transposeB } = args.attrs as unknown as MatMulAttrs;
  const backend = args.backend as CpuBackendLike;
  const n = a.shape[transposeA ? 1 : 0];
  const k = a.shape[transposeA ? 0 : 1];
  const p = b.shape[transposeB ? 0 : 1];
  const as = backend.data.get(a.dataId).values as Float32Array;
  const bs = backend.data.get(b.dataId).values as Float32Array;
  const out = new Float32Array(n * p);
  if (k > 0) {
    const n4 = 4 * Math.ceil(n / 4), p4 = 4 * Math.ceil(p / 4);
    packA = scratch(packA, n4 * k);
    packB = scratch(packB, p4 * k);
    pack(packA, as, n, k, transposeA);
    // op(b)'s columns are the rows of op(b)^T, stored [p, k] when b is transposed.
    pack(packB, bs, p, k, !transposeB);
    product(out, packA, packB, n, k, p);
  }
  return backend.makeTensorInfo([n, p], "float32", out);
}

let registered = false;

/** Registers TorchlabMatMul for the cpu backend (wasm has XNNPACK's product). */
export function registerMatMulKernel(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({ kernelName: "TorchlabMatMul", backendName: "cpu", kernelFunc: matMul as unknown as tf.KernelFunc });
}

/**
 * op(x) . op(y) for 2-D float32 tensors through TorchlabMatMul on the cpu backend, or null where that
 * kernel does not apply (another backend, another dtype, data the cpu backend holds in another array
 * type), so the caller falls back to tfjs's product.
 */
export function cpuMatMul(x: tf.Tensor, y: tf.Tensor, transposeA: boolean, transposeB: boolean): tf.Tensor | null {
  if (x.rank !== 2 || y.rank !== 2 || x.dtype !== "float32" || y.dtype !== "float32") return null;
  if (tf.getBackend() !== "cpu" || tf.getKernel("TorchlabMatMul", "cpu") === undefined) return null;
  const data = (tf.backend() as unknown as CpuBackendLike).data;
  // The cpu backend's int32 -> float32 cast keeps the Int32Array.
  if (!(data.get(x.dataId).values instanceof Float32Array) || !(data.get(y.dataId).values instanceof Float32Array)) return null;
  if (x.shape[transposeA ? 0 : 1] !== y.shape[transposeB ? 1 : 0]) return null;
  const attrs: MatMulAttrs = { transposeA, transposeB };
  return tf.engine().runKernel("TorchlabMatMul", { a: x, b: y }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
}
