/**
 * The float32 Box-Muller of torch's normal_ (src/tensor/random.ts's boxMuller16: PyTorch's
 * normal_fill_16_AVX2 with Cephes' float log and sincos polynomials) as a WebAssembly SIMD loop over
 * an array in the wasm backend's heap, four lanes at a time, with the bits of the scalar code: its
 * float32 operations are f32x4 operations (one IEEE rounding each, as fround of the double result),
 * and each step it computes as fround(a * b + c) in double (PyTorch's build fused it into an FMA)
 * is an f64x2 multiply and add of the promoted lanes, demoted once. The uniforms are drawn by the
 * scalar generator before, as today; the Box-Muller was ~25 ns of the ~30 ns per value of
 * `normal_` (nn.init's fills, and so vgg16 / resnet18 construction).
 *
 *   boxMuller(ptr, blocks, mean, std): for each block of 16 floats at ptr, values 0-7 give the
 *   radius sqrt(-2 log(1 - u)) and values 8-15 the angle 2 pi u; written back in place as
 *   radius * cos * std + mean and radius * sin * std + mean.
 *
 * logf's mantissa and exponent come from the float's bits (u = 1 - d lies on the 24-bit grid in
 * (0, 1], never 0 or subnormal), as the scalar code takes them from u's integer numerator.
 */
import { tf } from "./tf";
import {
  F32, F32X4_ADD, F32X4_CONVERT_I32X4_S, F32X4_DEMOTE_F64X2_ZERO, F32X4_LT, F32X4_MUL, F32X4_SPLAT, F32X4_SQRT, F32X4_SUB,
  F64X2_ADD, F64X2_MUL, F64X2_PROMOTE_LOW_F32X4, I32, I32_ADD, I32_GE_U, I32_MUL, I32X4_ADD, I32X4_EQ, I32X4_SHR_U, I32X4_SUB,
  I32X4_TRUNC_SAT_F32X4_S, V128, V128_AND, V128_BITSELECT, V128_XOR, V128_ZERO, HIGH_HALF, JOIN_HALVES, get, heapBuffer, i32Const, instantiateOn, set,
  v128Const, v128Load, v128Store, whileNot, type WasmFunction,
} from "./wasm_module";
import { COS_P, DP, FOPI, FTWO_PI, LOG_P, LOG_Q1, LOG_Q2, SIN_P, SQRTHF } from "./cephes_f32";

interface SimdNormalModule {
  boxMuller(ptr: number, blocks: number, mean: number, std: number): void;
}

const f32x4 = (v: number): number[] => v128Const(Array.from(new Uint8Array(new Float32Array([v, v, v, v]).buffer)));
const i32x4 = (v: number): number[] => v128Const(Array.from(new Uint8Array(new Int32Array([v, v, v, v]).buffer)));


// Locals: ptr 0, blocks 1, mean 2 (f32), std 3 (f32); end 4 (i32); v128 from 5.
const [END] = [4];
const V = (k: number): number => 5 + k;
const [MU, SD, R, M, E, Z, Y, X, J, C, S, T1, T2, T3, U, MASK] = Array.from({ length: 16 }, (_, k) => V(k));

/** fround(a * b + c) of f32x4 values (code leaving each), computed in double: two f64x2 halves. */
function fma(a: number[], b: number[], c: number[]): number[] {
  const half = (h: number[]): number[] => [...get(T1), ...h, ...F64X2_PROMOTE_LOW_F32X4, ...get(T2), ...h, ...F64X2_PROMOTE_LOW_F32X4, ...F64X2_MUL, ...get(T3), ...h, ...F64X2_PROMOTE_LOW_F32X4, ...F64X2_ADD, ...F32X4_DEMOTE_F64X2_ZERO];
  return [...a, ...set(T1), ...b, ...set(T2), ...c, ...set(T3), ...half([]), ...half(HIGH_HALF), ...JOIN_HALVES];
}

/** fround(v * std + mean) in double, v an f32x4 (code leaving it); MU, SD hold f32x4 splats. */
const scaled = (v: number[]): number[] => fma(v, get(SD), get(MU));

const mul = (a: number[], b: number[]): number[] => [...a, ...b, ...F32X4_MUL];

function boxMullerFunction(): WasmFunction {
  // logf(U) into Y.
  const logf = [
    // e = exponent field - 126, m = mantissa with exponent 2^-1
    ...get(U), ...i32Const(23), ...I32X4_SHR_U, ...i32x4(126), ...I32X4_SUB, ...F32X4_CONVERT_I32X4_S, ...set(E),
    ...get(U), ...i32x4(0x007fffff), ...V128_AND, ...i32x4(0x3f000000), ...V128_XOR, ...set(M),
    ...get(M), ...f32x4(SQRTHF), ...F32X4_LT, ...set(MASK),
    ...get(E), ...get(MASK), ...f32x4(1), ...V128_AND, ...F32X4_SUB, ...set(E),
    // m < SQRTHF ? (m - 1) + m : m - 1
    ...get(M), ...f32x4(1), ...F32X4_SUB, ...get(M), ...F32X4_ADD,
    ...get(M), ...f32x4(1), ...F32X4_SUB,
    ...get(MASK), ...V128_BITSELECT, ...set(M),
    ...mul(get(M), get(M)), ...set(Z),
    ...fma(f32x4(LOG_P[0]), get(M), f32x4(LOG_P[1])), ...set(Y),
    ...LOG_P.slice(2).flatMap((p) => [...fma(get(Y), get(M), f32x4(p)), ...set(Y)]),
    ...mul(get(Y), get(M)), ...set(Y),
    ...fma(get(Y), get(Z), mul(get(E), f32x4(LOG_Q1))), ...set(Y),
    ...get(Y), ...mul(get(Z), f32x4(0.5)), ...F32X4_SUB, ...set(Y),
    ...fma(get(E), f32x4(LOG_Q2), [...get(M), ...get(Y), ...F32X4_ADD]), ...set(Y),
  ];
  // The group of four at byte offset `o` of the block (radius from o, angle from o + 32).
  const group = (o: number): number[] => [
    ...f32x4(1), ...get(0), ...v128Load(o), ...F32X4_SUB, ...set(U),
    ...logf,
    ...mul(get(Y), f32x4(-2)), ...F32X4_SQRT, ...set(R),
    ...mul(f32x4(FTWO_PI), [...get(0), ...v128Load(o + 32)]), ...set(X),
    // j = (trunc(x * FOPI) + 1) & ~1 (x >= 0, so trunc(v + 1) = trunc(v) + 1)
    ...mul(get(X), f32x4(FOPI)), ...I32X4_TRUNC_SAT_F32X4_S, ...i32x4(1), ...I32X4_ADD, ...i32x4(-2), ...V128_AND, ...set(J),
    ...DP.flatMap((d) => [...fma([...get(J), ...F32X4_CONVERT_I32X4_S], f32x4(d), get(X)), ...set(X)]),
    ...mul(get(X), get(X)), ...set(Z),
    ...fma(f32x4(COS_P[0]), get(Z), f32x4(COS_P[1])), ...set(C),
    ...fma(get(C), get(Z), f32x4(COS_P[2])), ...set(C),
    ...mul(get(C), get(Z)), ...set(C),
    // fround(c * z - z * 0.5) in double, then + 1
    ...fma(get(C), get(Z), [...mul(get(Z), f32x4(-0.5))]), ...f32x4(1), ...F32X4_ADD, ...set(C),
    ...fma(f32x4(SIN_P[0]), get(Z), f32x4(SIN_P[1])), ...set(S),
    ...fma(get(S), get(Z), f32x4(SIN_P[2])), ...set(S),
    ...mul(get(S), get(Z)), ...set(S),
    ...fma(get(S), get(X), get(X)), ...set(S),
    // sn = j & 2 ? c : s, cs = j & 2 ? s : c; sn negated where j & 4, cs where !((j - 2) & 4)
    ...get(J), ...i32x4(2), ...V128_AND, ...i32x4(2), ...I32X4_EQ, ...set(MASK),
    ...get(C), ...get(S), ...get(MASK), ...V128_BITSELECT,
    ...get(J), ...i32x4(4), ...V128_AND, ...i32x4(4), ...I32X4_EQ, ...i32x4(-0x80000000), ...V128_AND, ...V128_XOR, ...set(T2),
    ...get(S), ...get(C), ...get(MASK), ...V128_BITSELECT,
    ...get(J), ...i32x4(2), ...I32X4_SUB, ...i32x4(4), ...V128_AND, ...V128_ZERO, ...I32X4_EQ, ...i32x4(-0x80000000), ...V128_AND, ...V128_XOR, ...set(T3),
    // cs into the radius half, sn into the angle half
    ...mul(get(R), get(T3)), ...set(C),
    ...mul(get(R), get(T2)), ...set(S),
    ...get(0), ...scaled(get(C)), ...v128Store(o),
    ...get(0), ...scaled(get(S)), ...v128Store(o + 32),
  ];
  return {
    name: "boxMuller",
    params: [I32, I32, F32, F32],
    results: [],
    locals: [I32, ...new Array<number>(16).fill(V128)],
    code: [
      ...get(2), ...F32X4_SPLAT, ...set(MU),
      ...get(3), ...F32X4_SPLAT, ...set(SD),
      ...get(0), ...get(1), ...i32Const(64), I32_MUL, I32_ADD, ...set(END),
      ...whileNot([...get(0), ...get(END), I32_GE_U], [...group(0), ...group(16), ...get(0), ...i32Const(64), I32_ADD, ...set(0)]),
    ],
  };
}

/**
 * Box-Muller over the first `blocks` blocks of 16 of `out` in place (mean and std float32 values), or
 * false where `out` does not lie in the wasm backend's heap or the module cannot be built.
 */
export function simdBoxMuller(out: Float32Array, blocks: number, mean: number, std: number): boolean {
  if (tf.getBackend() !== "wasm") return false;
  const backend = tf.engine().backend;
  if (heapBuffer(backend) !== out.buffer) return false;
  const m = instantiateOn<SimdNormalModule>(backend, "normal", () => [boxMullerFunction()]);
  if (m === null) return false;
  m.boxMuller(out.byteOffset, blocks, mean, std);
  return true;
}
