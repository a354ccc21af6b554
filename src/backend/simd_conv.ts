/**
 * conv2d at a small batch as WebAssembly SIMD loops on the wasm backend's memory, for js_kernels.ts's
 * NCHW convolution kernels (TorchlabConv2d, TorchlabConv2dInputGrad, TorchlabConv2dWeightGrad): on
 * wasm they replace XNNPACK's NHWC convolution and the transposes around it (at batch 4, the "training
 * a classifier" tutorial's net, 14 Transposes, a filter flip and five convolutions per step whose
 * dispatch and layout copies cost more than the ~6 M multiply-adds). The patches (im2col) are laid out
 * by js_kernels.ts with rows padded to a multiple of 16 floats, zeros past the end, so that the loops
 * here have no ragged tails:
 *
 *   gemm(c, a, aM, aK, b, m, k, p):  c[i][q] += sum over j < k of A(i, j) * b[j][q] for i < m, q < p,
 *       A(i, j) the float at a + i * aM + j * aK (byte strides), b and c rows of p floats (p a
 *       multiple of 16); each element's products added in j order onto its value in c.
 *   rowsDot(c, a, b, m, n, l):  c[i][j] += the dot product of row i of a [m, l] and row j of b [n, l]
 *       (l a multiple of 4) in four partial sums (element q into sum q % 4), added as (s0 + s1) +
 *       (s2 + s3).
 *   gather(x, cols, rows, xRow, colsRow, vec, bytes, xStep):  one tap of the patches (im2col), `rows`
 *       output rows: cols[r][e] = x[r * xRow + e * xStep] for byte offsets e < bytes, four floats at a
 *       time below `vec` (0 unless xStep is 4 bytes, a stride-1 tap, whose rows are contiguous).
 *   scatterAdd(x, cols, rows, xRow, colsRow, vec, bytes, xStep):  its adjoint, x[...] += cols[r][e]
 *       (one float32 add per element, as the JavaScript loop's rounding of the double sum).
 *
 * In JavaScript the patches cost 3-4x the products (the classifier's conv1 at batch 4: ~450 us to copy
 * 235 K floats against ~115 us of gemm, 1 thread); called once per tap here they cost ~1/10 of that.
 *
 * Pointers are byte offsets into the memory; row strides are in bytes.
 */
import {
  F32_ADD, F32X4_ADD, F32X4_MUL, F32X4_SPLAT, I32, I32_ADD, I32_GE_U, I32_MUL, V128, V128_ZERO, f32Load, f32Store,
  f32x4ExtractLane, get, i32Const, instantiateOn, set, v128Load, v128Store, whileNot, type WasmFunction,
} from "./wasm_module";

export interface SimdConv {
  gemm(c: number, a: number, aM: number, aK: number, b: number, m: number, k: number, p: number): void;
  rowsDot(c: number, a: number, b: number, m: number, n: number, l: number): void;
  gather(x: number, cols: number, rows: number, xRow: number, colsRow: number, vec: number, bytes: number, xStep: number): void;
  scatterAdd(x: number, cols: number, rows: number, xRow: number, colsRow: number, vec: number, bytes: number, xStep: number): void;
}

const add = (local: number, value: number[]): number[] => [...get(local), ...value, I32_ADD, ...set(local)];

function gemmCode(): number[] {
  // params: c 0, a 1, aM 2, aK 3, b 4, m 5, k 6, p 7; locals: i 8, q 9, j 10, cRow 11, aPtr 12, bPtr 13,
  // acc 14-17 (v128), av 18 (v128), pb 19, aRow 20.
  const [I, Q, J, CROW, APTR, BPTR, ACC, AV, PB, AROW] = [8, 9, 10, 11, 12, 13, 14, 18, 19, 20];
  const lanes = [0, 1, 2, 3];
  return [
    ...get(7), ...i32Const(4), I32_MUL, ...set(PB),
    ...get(0), ...set(CROW),
    ...get(1), ...set(AROW),
    ...whileNot([...get(I), ...get(5), I32_GE_U], [
      ...i32Const(0), ...set(Q),
      ...whileNot([...get(Q), ...get(PB), I32_GE_U], [
        ...lanes.flatMap((v) => [...get(CROW), ...get(Q), I32_ADD, ...v128Load(16 * v), ...set(ACC + v)]),
        ...get(AROW), ...set(APTR),
        ...get(4), ...get(Q), I32_ADD, ...set(BPTR),
        ...i32Const(0), ...set(J),
        ...whileNot([...get(J), ...get(6), I32_GE_U], [
          ...get(APTR), ...f32Load(), ...F32X4_SPLAT, ...set(AV),
          ...lanes.flatMap((v) => [...get(ACC + v), ...get(AV), ...get(BPTR), ...v128Load(16 * v), ...F32X4_MUL, ...F32X4_ADD, ...set(ACC + v)]),
          ...add(APTR, get(3)),
          ...add(BPTR, get(PB)),
          ...add(J, i32Const(1)),
        ]),
        ...lanes.flatMap((v) => [...get(CROW), ...get(Q), I32_ADD, ...get(ACC + v), ...v128Store(16 * v)]),
        ...add(Q, i32Const(64)),
      ]),
      ...add(CROW, get(PB)),
      ...add(AROW, get(2)),
      ...add(I, i32Const(1)),
    ]),
  ];
}

function rowsDotCode(): number[] {
  // params: c 0, a 1, b 2, m 3, n 4, l 5; locals: i 6, j 7, q 8, aRow 9, bRow 10, acc 11 (v128), lb 12, cPtr 13.
  const [I, J, Q, AROW, BROW, ACC, LB, CPTR] = [6, 7, 8, 9, 10, 11, 12, 13];
  const lane = (l: number): number[] => [...get(ACC), ...f32x4ExtractLane(l)];
  return [
    ...get(5), ...i32Const(4), I32_MUL, ...set(LB),
    ...get(1), ...set(AROW),
    ...get(0), ...set(CPTR),
    ...whileNot([...get(I), ...get(3), I32_GE_U], [
      ...get(2), ...set(BROW),
      ...i32Const(0), ...set(J),
      ...whileNot([...get(J), ...get(4), I32_GE_U], [
        ...V128_ZERO, ...set(ACC),
        ...i32Const(0), ...set(Q),
        ...whileNot([...get(Q), ...get(LB), I32_GE_U], [
          ...get(ACC), ...get(AROW), ...get(Q), I32_ADD, ...v128Load(), ...get(BROW), ...get(Q), I32_ADD, ...v128Load(), ...F32X4_MUL, ...F32X4_ADD, ...set(ACC),
          ...add(Q, i32Const(16)),
        ]),
        ...get(CPTR), ...get(CPTR), ...f32Load(), ...lane(0), ...lane(1), F32_ADD, ...lane(2), ...lane(3), F32_ADD, F32_ADD, F32_ADD, ...f32Store(),
        ...add(CPTR, i32Const(4)),
        ...add(BROW, get(LB)),
        ...add(J, i32Const(1)),
      ]),
      ...add(AROW, get(LB)),
      ...add(I, i32Const(1)),
    ]),
  ];
}

/**
 * gather / scatterAdd: params x 0, cols 1, rows 2, xRow 3, colsRow 4, vec 5, bytes 6, xStep 7; locals
 * r 8, e 9, xp 10. x and cols step a row at a time; e walks the row's bytes of cols, xp the floats of x.
 */
function tapRowsCode(accumulate: boolean): number[] {
  const [R, E, XP] = [8, 9, 10];
  const vector = accumulate
    ? [...get(0), ...get(E), I32_ADD, ...get(0), ...get(E), I32_ADD, ...v128Load(), ...get(1), ...get(E), I32_ADD, ...v128Load(), ...F32X4_ADD, ...v128Store()]
    : [...get(1), ...get(E), I32_ADD, ...get(0), ...get(E), I32_ADD, ...v128Load(), ...v128Store()];
  const scalar = accumulate
    ? [...get(XP), ...get(XP), ...f32Load(), ...get(1), ...get(E), I32_ADD, ...f32Load(), F32_ADD, ...f32Store()]
    : [...get(1), ...get(E), I32_ADD, ...get(XP), ...f32Load(), ...f32Store()];
  return [
    ...whileNot([...get(R), ...get(2), I32_GE_U], [
      ...i32Const(0), ...set(E),
      ...whileNot([...get(E), ...get(5), I32_GE_U], [...vector, ...add(E, i32Const(16))]),
      ...get(0), ...get(E), I32_ADD, ...set(XP),
      ...whileNot([...get(E), ...get(6), I32_GE_U], [...scalar, ...add(E, i32Const(4)), ...add(XP, get(7))]),
      ...add(0, get(3)),
      ...add(1, get(4)),
      ...add(R, i32Const(1)),
    ]),
  ];
}

function functions(): WasmFunction[] {
  const tapParams = [I32, I32, I32, I32, I32, I32, I32, I32];
  return [
    { name: "gather", params: tapParams, results: [], locals: [I32, I32, I32], code: tapRowsCode(false) },
    { name: "scatterAdd", params: tapParams, results: [], locals: [I32, I32, I32], code: tapRowsCode(true) },
    { name: "gemm", params: [I32, I32, I32, I32, I32, I32, I32, I32], results: [], locals: [I32, I32, I32, I32, I32, I32, V128, V128, V128, V128, V128, I32, I32], code: gemmCode() },
    { name: "rowsDot", params: [I32, I32, I32, I32, I32, I32], results: [], locals: [I32, I32, I32, I32, I32, V128, I32, I32], code: rowsDotCode() },
  ];
}

/** The loops on `backend`'s memory (built once per memory), or null where unavailable. */
export function simdConv(backend: unknown): SimdConv | null {
  return instantiateOn<SimdConv>(backend, "conv", functions);
}
