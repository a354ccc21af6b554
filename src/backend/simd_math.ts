/**
 * exp, tanh and sigmoid of float32 as WebAssembly SIMD loops on the wasm backend's memory
 * (math_kernels.ts's TorchlabUnarySimd). tfjs-backend-wasm 4.22's Exp, Tanh and Sigmoid are scalar
 * libm loops: on 65,536 floats 0.76, 1.19 and 0.50 ms of CPU against 0.03 ms for its Add, so they were
 * most of the elementwise chain's time. Four lanes at a time with Cephes's single-precision
 * algorithms (the ones Sleef and PyTorch's vectorised kernels also build on: a range reduction, then a
 * polynomial), each within 2 ulp of the correctly rounded result (test/backend/simd_math.test.ts):
 *
 *   exp(x):     n = floor(x log2(e) + 1/2); r = x - n ln2 (ln2 in two parts, exact products);
 *               e^r by Cephes expf's degree-7 polynomial; times 2^n as two powers of two
 *               (2^(n>>1) 2^(n - (n>>1))), so results that underflow into subnormals are rounded once
 *               and n = 128 overflows to +inf. x is clamped to [-104, 89] first (f32x4.min / max keep
 *               NaN), beyond which the result is 0 or +inf anyway.
 *   tanh(x):    for |x| < 0.625 Cephes tanhf's odd polynomial x + x z P(z), z = x^2 (tiny x exactly);
 *               otherwise 1 - 2 / (exp(2|x|) + 1) (exp's +inf gives 1); then x's sign bit (so -0 stays -0).
 *   sigmoid(x): 1 / (1 + exp(-x)), PyTorch's own formula for its vectorised sigmoid.
 *
 * NaN gives NaN in all three. Pointers are byte offsets into the memory; `bytes` is a multiple of 16
 * (the caller does the last one to three elements itself).
 */
import {
  F32X4_ADD, F32X4_LT, F32X4_MUL, F32X4_SUB, I32, I32X4_ADD, I32X4_SUB, I32X4_TRUNC_SAT_F32X4_S, I32_ADD, I32_GE_U, V128, V128_AND, V128_BITSELECT, V128_OR,
  get, i32Const, instantiateOn, set, v128Const, v128Load, v128Store, whileNot, type WasmFunction,
} from "./wasm_module";

const SIMD = 0xfd;
const F32X4_FLOOR = [SIMD, 0x68];
const F32X4_ABS = [SIMD, 0xe0, 0x01];
const F32X4_NEG = [SIMD, 0xe1, 0x01];
const F32X4_DIV = [SIMD, 0xe7, 0x01];
const F32X4_MIN = [SIMD, 0xe8, 0x01];
const F32X4_MAX = [SIMD, 0xe9, 0x01];
const I32X4_SHL = [SIMD, 0xab, 0x01];
const I32X4_SHR_S = [SIMD, 0xac, 0x01];

export interface SimdMath {
  exp(x: number, y: number, bytes: number): void;
  tanh(x: number, y: number, bytes: number): void;
  sigmoid(x: number, y: number, bytes: number): void;
}

/** A v128 constant of four equal float32 lanes. */
const f32x4 = (v: number): number[] => v128Const([...new Uint8Array(new Float32Array([v, v, v, v]).buffer)]);
/** A v128 constant of four equal int32 lanes. */
const i32x4 = (v: number): number[] => v128Const([...new Uint8Array(new Int32Array([v, v, v, v]).buffer)]);

// Cephes expf (single precision): C1 + C2 = ln 2, C1 with few enough bits that n * C1 is exact.
const LOG2E = 1.44269504088896341;
const C1 = 0.693359375;
const C2 = -2.12194440e-4;
const EXP_P = [1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1];
// Cephes tanhf's polynomial for |x| < 0.625.
const TANH_P = [-5.70498872745e-3, 2.06390887954e-2, -5.37397155531e-2, 1.33314422036e-1, -3.33332819422e-1];

// Locals shared by the three functions: parameters 0 x, 1 y, 2 bytes; then i, and v128 temporaries.
const I = 3;
const [X, R, Z, N, A, S] = [4, 5, 6, 7, 8, 9];
const LOCALS = [I32, V128, V128, V128, V128, V128, V128];

/** Horner's rule over `coefficients` in local `v`, leaving the value on the stack. */
function horner(v: number, coefficients: number[]): number[] {
  const code = f32x4(coefficients[0]);
  for (const c of coefficients.slice(1)) code.push(...get(v), ...F32X4_MUL, ...f32x4(c), ...F32X4_ADD);
  return code;
}

/** exp of the v128 in local `from`, left on the stack (uses locals R, Z, N). */
function expOf(from: number): number[] {
  return [
    ...get(from), ...f32x4(-104), ...F32X4_MAX, ...f32x4(89), ...F32X4_MIN, ...set(R),
    ...get(R), ...f32x4(LOG2E), ...F32X4_MUL, ...f32x4(0.5), ...F32X4_ADD, ...F32X4_FLOOR, ...set(Z),
    // r = r - n C1 - n C2; n as int32
    ...get(R), ...get(Z), ...f32x4(C1), ...F32X4_MUL, ...F32X4_SUB, ...get(Z), ...f32x4(C2), ...F32X4_MUL, ...F32X4_SUB, ...set(R),
    ...get(Z), ...I32X4_TRUNC_SAT_F32X4_S, ...set(N),
    // p = P(r) r^2 + r + 1
    ...horner(R, EXP_P), ...get(R), ...get(R), ...F32X4_MUL, ...F32X4_MUL, ...get(R), ...F32X4_ADD, ...f32x4(1), ...F32X4_ADD,
    // times 2^(n>>1), then 2^(n - (n>>1)): Z takes n >> 1 as int32 lanes
    ...get(N), ...i32Const(1), ...I32X4_SHR_S, ...set(Z),
    ...get(Z), ...i32x4(127), ...I32X4_ADD, ...i32Const(23), ...I32X4_SHL, ...F32X4_MUL,
    ...get(N), ...get(Z), ...I32X4_SUB, ...i32x4(127), ...I32X4_ADD, ...i32Const(23), ...I32X4_SHL, ...F32X4_MUL,
  ];
}

/** for (i = 0; i < bytes; i += 16) { X = load(x + i); store(y + i, body) } */
function loop(body: number[]): number[] {
  return whileNot([...get(I), ...get(2), I32_GE_U], [
    ...get(0), ...get(I), I32_ADD, ...v128Load(), ...set(X),
    ...get(1), ...get(I), I32_ADD, ...body, ...v128Store(),
    ...get(I), ...i32Const(16), I32_ADD, ...set(I),
  ]);
}

function functions(): WasmFunction[] {
  const exp = loop(expOf(X));
  const sigmoid = loop([...f32x4(1), ...f32x4(1), ...get(X), ...F32X4_NEG, ...set(A), ...expOf(A), ...F32X4_ADD, ...F32X4_DIV]);
  const tanh = loop([
    ...get(X), ...F32X4_ABS, ...set(A),
    // big: 1 - 2 / (exp(2|x|) + 1)
    ...get(A), ...get(A), ...F32X4_ADD, ...set(S),
    ...f32x4(1), ...f32x4(2), ...expOf(S), ...f32x4(1), ...F32X4_ADD, ...F32X4_DIV, ...F32X4_SUB, ...set(S),
    // small: x + x z P(z), z = x^2
    ...get(X), ...get(X), ...F32X4_MUL, ...set(Z),
    ...horner(Z, TANH_P), ...get(Z), ...F32X4_MUL, ...get(X), ...F32X4_MUL, ...get(X), ...F32X4_ADD,
    ...get(S),
    ...get(A), ...f32x4(0.625), ...F32X4_LT,
    ...V128_BITSELECT,
    // x's sign bit on both (the small branch's already has it, except -0 + +0 = +0 for x = -0)
    ...get(X), ...i32x4(-0x80000000), ...V128_AND, ...V128_OR,
  ]);
  const params = [I32, I32, I32];
  return [
    { name: "exp", params, results: [], locals: LOCALS, code: exp },
    { name: "tanh", params, results: [], locals: LOCALS, code: tanh },
    { name: "sigmoid", params, results: [], locals: LOCALS, code: sigmoid },
  ];
}

/** The SIMD loops on `backend`'s memory (built once per memory), or null where unavailable. */
export function simdMath(backend: unknown): SimdMath | null {
  return instantiateOn<SimdMath>(backend, "math", functions);
}
