/**
 * Batch norm's per-channel passes over NCHW data ([N, C, inner]) as WebAssembly SIMD loops on the
 * wasm backend's memory, with the bits of js_kernels.ts's scalar loops: those compute in double and
 * round once to float32, so these do too, two double lanes at a time (f64x2; each float32 lane
 * promoted exactly, the same IEEE operations in the same order, no fused multiply-add, one rounding
 * to float32 at the end). On the tutorial Net's step the scalar passes took ~9 ms of CPU.
 *
 *   channelMoments(x, out, n, c, inner, ch): one channel of js_kernels.ts's channelMoments: the
 *       shifted sums of d = x - K and d * d (K the channel's first value) in those four partial
 *       sums, then mean and variance as the scalar loop derives them; returns 0 (nothing written)
 *       where the scalar loop takes its two-pass fallback, which the caller then runs.
 *   channelSum(x, out, n, c, inner):             out[ch] = sum over (b, i) of x, in four partial
 *       sums (element i of a row of four into sum i % 4; a row's last 1-3 elements into sum 0), added
 *       as ((s0 + s1) + s2) + s3: lanes (s0, s1) and (s2, s3) of two f64x2 accumulators.
 *   channelGradSums(dy, x, mean, out, n, c, inner): the same for dy and for (x - mean) * dy: [2, C].
 *   channelAffine(x, center, scale, shift, out, n, c, inner):      (x - center) * scale + shift.
 *   batchNormInputGrad(dy, x, mean, k, out, n, c, inner): dy * k1 - (x - mean) * k2 - k3, with k
 *       [3, C] holding k1, k2, k3.
 *
 * A partial sum never becomes -0 (it starts at +0, and a sum is -0 only when both terms are), so the
 * zero lanes a row's last elements bring add exactly nothing. The two elementwise passes do a row's
 * last group of four at inner - 4, recomputing a few outputs with the same result: they need
 * inner >= 4 (callers run the scalar loops below that). Pointers are byte offsets.
 */
import {
  F32_DEMOTE_F64, F64, F64_CONVERT_I32_U, F64_DIV, F64_GE, F64_LE, F64_MUL, F64_SUB, RETURN, f64Const, ifThen, F32X4_DEMOTE_F64X2_ZERO, F64_ADD, F64_PROMOTE_F32, F64X2_ADD, F64X2_MUL, F64X2_PROMOTE_LOW_F32X4, F64X2_SPLAT,
  F64X2_SUB, I32, I32_ADD, I32_AND, I32_GE_U, I32_LE_U, I32_MUL, I32_REM_U, I32_SUB, SELECT, V128, V128_AND, V128_ZERO, f32Load,
  f32Store, f64x2ExtractLane, get, i32Const, HIGH_HALF, JOIN_HALVES, instantiateOn, set, v128Const, v128Load, v128Load32Zero, v128Store,
  whileNot, type WasmFunction,
} from "./wasm_module";

export interface SimdChannel {
  channelMoments(x: number, out: number, n: number, c: number, inner: number, ch: number): number;
  channelSum(x: number, out: number, n: number, c: number, inner: number): void;
  channelGradSums(dy: number, x: number, mean: number, out: number, n: number, c: number, inner: number): void;
  channelAffine(x: number, center: number, scale: number, shift: number, out: number, n: number, c: number, inner: number): void;
  batchNormInputGrad(dy: number, x: number, mean: number, k: number, out: number, n: number, c: number, inner: number): void;
}

/** Keeps lane 0 of an f64x2, +0 in lane 1. */
const LANE0 = v128Const([255, 255, 255, 255, 255, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0]);
const promoteLow = F64X2_PROMOTE_LOW_F32X4;
const promoteHigh = [...HIGH_HALF, ...F64X2_PROMOTE_LOW_F32X4];
const addTo = (acc: number, value: number[]): number[] => [...get(acc), ...value, ...F64X2_ADD, ...set(acc)];
/** f64x2.splat of float32 element `index` (code leaving an i32) of the array at pointer local `ptr`. */
const splatAt = (ptr: number, index: number[]): number[] => [...get(ptr), ...index, ...i32Const(4), I32_MUL, I32_ADD, ...f32Load(), F64_PROMOTE_F32, ...F64X2_SPLAT];
/** float32(((a[0] + a[1]) + b[0]) + b[1]) stored at out + index * 4. */
const storeSum = (out: number, index: number[], a: number, b: number): number[] => [
  ...get(out), ...index, ...i32Const(4), I32_MUL, I32_ADD,
  ...get(a), ...f64x2ExtractLane(0), ...get(a), ...f64x2ExtractLane(1), F64_ADD, ...get(b), ...f64x2ExtractLane(0), F64_ADD,
  ...get(b), ...f64x2ExtractLane(1), F64_ADD, F32_DEMOTE_F64, ...f32Store(),
];

/**
 * for ch: for b: row = (b * c + ch) * inner * 4 (a byte offset): `quad` for each group of four at
 * byte offset I of the row's first inner & ~3 elements, `single` for each of the rest; `before` and
 * `after` run per channel.
 */
interface RowLocals {
  c: number;
  n: number;
  inner: number;
  ch: number;
  b: number;
  i: number;
  end4: number;
  end: number;
}

function channelRows(l: RowLocals, before: number[], quad: number[], single: number[], after: number[]): number[] {
  return [
    ...i32Const(0), ...set(l.ch),
    ...whileNot([...get(l.ch), ...get(l.c), I32_GE_U], [
      ...before,
      ...rowsOfChannel(l, quad, single),
      ...after,
      ...get(l.ch), ...i32Const(1), I32_ADD, ...set(l.ch),
    ]),
  ];
}

function channelMomentsFunction(): WasmFunction {
  // x 0, out 1, n 2, c 3, inner 4, ch 5; b 6, i 7, end4 8, end 9, (unused 10); S01 11, S23 12, Q01 13, Q23 14, K 15, D 16, V 17;
  // f64: s 18, q 19, shifted 20, variance 21, k 22
  const l = { n: 2, c: 3, inner: 4, ch: 5, b: 6, i: 7, end4: 8, end: 9 };
  const [S01, S23, Q01, Q23, K, D, V] = [11, 12, 13, 14, 15, 16, 17];
  const [SUM, SQ, SHIFTED, VARIANCE, KS] = [18, 19, 20, 21, 22];
  const accumulate = (s: number, q: number): number[] => [...addTo(s, get(D)), ...addTo(q, [...get(D), ...get(D), ...F64X2_MUL])];
  const quad = [
    ...get(0), ...get(l.i), I32_ADD, ...v128Load(), ...set(V),
    ...get(V), ...promoteLow, ...get(K), ...F64X2_SUB, ...set(D), ...accumulate(S01, Q01),
    ...get(V), ...promoteHigh, ...get(K), ...F64X2_SUB, ...set(D), ...accumulate(S23, Q23),
  ];
  // Lane 1 of 0 - K is masked to +0.
  const single = [...get(0), ...get(l.i), I32_ADD, ...v128Load32Zero(), ...promoteLow, ...get(K), ...F64X2_SUB, ...LANE0, ...V128_AND, ...set(D), ...accumulate(S01, Q01)];
  const sum = (a: number, b: number): number[] => [
    ...get(a), ...f64x2ExtractLane(0), ...get(a), ...f64x2ExtractLane(1), F64_ADD, ...get(b), ...f64x2ExtractLane(0), F64_ADD, ...get(b), ...f64x2ExtractLane(1), F64_ADD,
  ];
  const count = [...get(l.n), ...get(l.inner), I32_MUL, F64_CONVERT_I32_U];
  const outAt = (index: number[]): number[] => [...get(1), ...index, ...i32Const(4), I32_MUL, I32_ADD];
  return {
    name: "channelMoments",
    params: [I32, I32, I32, I32, I32, I32],
    results: [I32],
    locals: [I32, I32, I32, I32, I32, V128, V128, V128, V128, V128, V128, V128, F64, F64, F64, F64, F64],
    code: [
      ...get(0), ...get(l.ch), ...get(l.inner), I32_MUL, ...i32Const(4), I32_MUL, I32_ADD, ...f32Load(), F64_PROMOTE_F32, ...set(KS),
      ...get(KS), ...F64X2_SPLAT, ...set(K),
      ...V128_ZERO, ...set(S01), ...V128_ZERO, ...set(S23), ...V128_ZERO, ...set(Q01), ...V128_ZERO, ...set(Q23),
      ...rowsOfChannel(l, quad, single),
      ...sum(S01, S23), ...set(SUM),
      ...sum(Q01, Q23), ...set(SQ),
      ...get(SUM), ...count, F64_DIV, ...set(SHIFTED),
      ...get(SQ), ...count, F64_DIV, ...get(SHIFTED), ...get(SHIFTED), F64_MUL, F64_SUB, ...set(VARIANCE),
      // variance >= 0 && shifted * shifted <= 1024 * variance (false for NaN)
      ...get(VARIANCE), ...f64Const(0), F64_GE,
      ...get(SHIFTED), ...get(SHIFTED), F64_MUL, ...f64Const(1024), ...get(VARIANCE), F64_MUL, F64_LE, I32_AND,
      ...ifThen([
        ...outAt(get(l.ch)), ...get(KS), ...get(SHIFTED), F64_ADD, F32_DEMOTE_F64, ...f32Store(),
        ...outAt([...get(l.c), ...get(l.ch), I32_ADD]), ...get(VARIANCE), F32_DEMOTE_F64, ...f32Store(),
        ...i32Const(1), RETURN,
      ]),
      ...i32Const(0),
    ],
  };
}

/** The rows of channel `ch` (for b: row = (b * c + ch) * inner * 4): see channelRows. */
function rowsOfChannel(l: RowLocals, quad: number[], single: number[]): number[] {
  return [
    ...i32Const(0), ...set(l.b),
    ...whileNot([...get(l.b), ...get(l.n), I32_GE_U], [
      ...get(l.b), ...get(l.c), I32_MUL, ...get(l.ch), I32_ADD, ...get(l.inner), I32_MUL, ...i32Const(4), I32_MUL, ...set(l.i),
      ...get(l.i), ...get(l.inner), ...i32Const(-4), I32_AND, ...i32Const(4), I32_MUL, I32_ADD, ...set(l.end4),
      ...get(l.i), ...get(l.inner), ...i32Const(4), I32_MUL, I32_ADD, ...set(l.end),
      ...whileNot([...get(l.i), ...get(l.end4), I32_GE_U], [...quad, ...get(l.i), ...i32Const(16), I32_ADD, ...set(l.i)]),
      ...whileNot([...get(l.i), ...get(l.end), I32_GE_U], [...single, ...get(l.i), ...i32Const(4), I32_ADD, ...set(l.i)]),
      ...get(l.b), ...i32Const(1), I32_ADD, ...set(l.b),
    ]),
  ];
}

function channelSumFunction(): WasmFunction {
  // x 0, out 1, n 2, c 3, inner 4; ch 5, b 6, i 7, end4 8, end 9; S01 10, S23 11, V 12
  const l = { n: 2, c: 3, inner: 4, ch: 5, b: 6, i: 7, end4: 8, end: 9 };
  const [S01, S23, V] = [10, 11, 12];
  const quad = [
    ...get(0), ...get(l.i), I32_ADD, ...v128Load(), ...set(V),
    ...addTo(S01, [...get(V), ...promoteLow]),
    ...addTo(S23, [...get(V), ...promoteHigh]),
  ];
  const single = addTo(S01, [...get(0), ...get(l.i), I32_ADD, ...v128Load32Zero(), ...promoteLow]);
  return {
    name: "channelSum",
    params: [I32, I32, I32, I32, I32],
    results: [],
    locals: [I32, I32, I32, I32, I32, V128, V128, V128],
    code: channelRows(l, [...V128_ZERO, ...set(S01), ...V128_ZERO, ...set(S23)], quad, single, storeSum(1, get(l.ch), S01, S23)),
  };
}

function channelGradSumsFunction(): WasmFunction {
  // dy 0, x 1, mean 2, out 3, n 4, c 5, inner 6; ch 7, b 8, i 9, end4 10, end 11; S01 12, S23 13, D01 14, D23 15, M 16, G 17, X 18, GH 19
  const l = { n: 4, c: 5, inner: 6, ch: 7, b: 8, i: 9, end4: 10, end: 11 };
  const [S01, S23, D01, D23, M, G, X, GL] = [12, 13, 14, 15, 16, 17, 18, 19];
  const load = (ptr: number, op: number[]): number[] => [...get(ptr), ...get(l.i), I32_ADD, ...op];
  // (x - mean) * g for the half `half` of X, with that half of G promoted in GL.
  const dTerm = (half: number[]): number[] => [...get(X), ...half, ...get(M), ...F64X2_SUB, ...get(GL), ...F64X2_MUL];
  const quad = [
    ...load(0, v128Load()), ...set(G),
    ...load(1, v128Load()), ...set(X),
    ...get(G), ...promoteLow, ...set(GL),
    ...addTo(S01, get(GL)),
    ...addTo(D01, dTerm(promoteLow)),
    ...get(G), ...promoteHigh, ...set(GL),
    ...addTo(S23, get(GL)),
    ...addTo(D23, dTerm(promoteHigh)),
  ];
  // Lane 1 of (0 - mean) * 0 would be NaN for an infinite mean: masked to +0.
  const single = [
    ...load(0, v128Load32Zero()), ...promoteLow, ...set(GL),
    ...load(1, v128Load32Zero()), ...set(X),
    ...addTo(S01, get(GL)),
    ...addTo(D01, [...dTerm(promoteLow), ...LANE0, ...V128_AND]),
  ];
  const before = [
    ...V128_ZERO, ...set(S01), ...V128_ZERO, ...set(S23), ...V128_ZERO, ...set(D01), ...V128_ZERO, ...set(D23),
    ...splatAt(2, get(l.ch)), ...set(M),
  ];
  const after = [...storeSum(3, get(l.ch), S01, S23), ...storeSum(3, [...get(l.c), ...get(l.ch), I32_ADD], D01, D23)];
  return {
    name: "channelGradSums",
    params: [I32, I32, I32, I32, I32, I32, I32],
    results: [],
    locals: [I32, I32, I32, I32, I32, V128, V128, V128, V128, V128, V128, V128, V128],
    code: channelRows(l, before, quad, single, after),
  };
}

/**
 * The elementwise passes: for each row q = b * c + ch of `inner` elements, `perChannel` (ch in local
 * CH) then, for each group of four at byte offset OFF of the row (the last at inner - 4), the store
 * at out + OFF of JOIN_HALVES(demote(f(low half)), demote(f(high half))). `f(half)` leaves an f64x2.
 */
function elementwise(name: string, out: number, perChannel: number[], f: (half: number[]) => number[]): WasmFunction {
  // params 0-4 (pointers), n 5, c 6, inner 7; q 8, total 9, row 10, s 11, last 12, off 13, CH 14; v128 15-18 (per channel)
  const [Q, TOTAL, ROW, S, LAST, OFF, CH] = [8, 9, 10, 11, 12, 13, 14];
  return {
    name,
    params: [I32, I32, I32, I32, I32, I32, I32, I32],
    results: [],
    locals: [I32, I32, I32, I32, I32, I32, I32, V128, V128, V128, V128],
    code: [
      ...get(5), ...get(6), I32_MUL, ...set(TOTAL),
      ...get(7), ...i32Const(4), I32_SUB, ...set(LAST),
      ...i32Const(0), ...set(ROW),
      ...i32Const(0), ...set(Q),
      ...whileNot([...get(Q), ...get(TOTAL), I32_GE_U], [
        ...get(Q), ...get(6), I32_REM_U, ...set(CH),
        ...perChannel,
        ...i32Const(0), ...set(S),
        ...whileNot([...get(S), ...get(7), I32_GE_U], [
          // OFF = ROW + min(S, LAST) * 4
          ...get(ROW), ...get(S), ...get(LAST), ...get(S), ...get(LAST), I32_LE_U, SELECT, ...i32Const(4), I32_MUL, I32_ADD, ...set(OFF),
          ...get(out), ...get(OFF), I32_ADD,
          ...f(promoteLow), ...F32X4_DEMOTE_F64X2_ZERO, ...f(promoteHigh), ...F32X4_DEMOTE_F64X2_ZERO, ...JOIN_HALVES,
          ...v128Store(),
          ...get(S), ...i32Const(4), I32_ADD, ...set(S),
        ]),
        ...get(ROW), ...get(7), ...i32Const(4), I32_MUL, I32_ADD, ...set(ROW),
        ...get(Q), ...i32Const(1), I32_ADD, ...set(Q),
      ]),
    ],
  };
}

const OFF = 13;
const CH = 14;
/** The f64x2 of `half` of the four float32 at pointer local `ptr` + OFF. */
const at = (ptr: number, half: number[]): number[] => [...get(ptr), ...get(OFF), I32_ADD, ...v128Load(), ...half];

function channelAffineFunction(): WasmFunction {
  // x 0, center 1, scale 2, shift 3, out 4; M 15, K 16, T 17
  const perChannel = [...splatAt(1, get(CH)), ...set(15), ...splatAt(2, get(CH)), ...set(16), ...splatAt(3, get(CH)), ...set(17)];
  return elementwise("channelAffine", 4, perChannel, (half) => [...at(0, half), ...get(15), ...F64X2_SUB, ...get(16), ...F64X2_MUL, ...get(17), ...F64X2_ADD]);
}

function batchNormInputGradFunction(): WasmFunction {
  // dy 0, x 1, mean 2, k 3, out 4; M 15, K1 16, K2 17, K3 18
  const perChannel = [
    ...splatAt(2, get(CH)), ...set(15),
    ...splatAt(3, get(CH)), ...set(16),
    ...splatAt(3, [...get(6), ...get(CH), I32_ADD]), ...set(17),
    ...splatAt(3, [...get(6), ...i32Const(2), I32_MUL, ...get(CH), I32_ADD]), ...set(18),
  ];
  return elementwise("batchNormInputGrad", 4, perChannel, (half) => [
    ...at(0, half), ...get(16), ...F64X2_MUL,
    ...at(1, half), ...get(15), ...F64X2_SUB, ...get(17), ...F64X2_MUL,
    ...F64X2_SUB, ...get(18), ...F64X2_SUB,
  ]);
}

/** The per-channel loops on `backend`'s memory (built once per memory), or null where unavailable. */
export function simdChannel(backend: unknown): SimdChannel | null {
  return instantiateOn<SimdChannel>(backend, "channel", () => [
    channelMomentsFunction(), channelSumFunction(), channelGradSumsFunction(), channelAffineFunction(), batchNormInputGradFunction(),
  ]);
}
