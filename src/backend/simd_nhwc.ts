/**
 * Channels-last ([N, H, W, C]) twins of simd_pool.ts's MaxPool2d(2) and simd_channel.ts's batch norm
 * passes, with the bits of the NCHW kernels: the layer's data never needs an NCHW copy. Each loop
 * runs over four neighbouring channels at a time (C a multiple of four; callers run the scalar NHWC
 * loops of nhwc_kernels.ts otherwise). Pointers are byte offsets.
 *
 *   maxPool2x2(x, values, indices, n, h, w, ho, wo, c): each window read in PyTorch's order (top-left,
 *     top-right, bottom-left, bottom-right), a candidate replacing the running maximum when greater or
 *     NaN; indices are the per-plane h * W + w of the NCHW kernel, stored channels-last.
 *   maxPool2x2Values(x, values, _, ...): the same values without the indices (inference).
 *   maxPool2x2Grad(dy, indices, dx, ...): dy + 0 at its index and +0 at the window's three other
 *     places; returns 0 (the caller scatters instead) when an index lies outside its window.
 *   sums(mode, a, b, k, acc, n, inner, c): the per-channel partial sums of the NCHW passes in
 *     double, in their order: the element at position p of its (sample, channel) row of `inner` goes
 *     into partial sum p % 4 (p past inner & ~3: sum 0), samples and positions in increasing order, so
 *     every partial sum sees the same additions in the same order as in the NCHW loop. The loop takes
 *     one sample and one group of four channels at a time, its partial sums in registers (loaded from
 *     acc and stored back, which keeps the order): walking all samples per pixel with the sums in
 *     memory ran 2-3x slower than the NCHW kernel, this at par. acc holds
 *     [4, C] doubles (and a second [4, C] at acc + 32 C for the squares or the (x - mean) * dy
 *     products), zeroed by the caller, who adds ((s0 + s1) + s2) + s3 as the NCHW kernels do.
 *     mode 0: s += a; mode 1 (moments): d = a - k[c], s += d, q += d * d; mode 2 (gradient sums):
 *     s += a (dy), q += (b - k[c]) * a (x, mean).
 *   affine(x, _, k, out, pixels, c):        (x - k0[c]) * k1[c] + k2[c]
 *   affineRelu(x, _, k, out, pixels, c):    the same of (x + |x|) * 0.5 (ReLU, as the scalar loop computes it)
 *   inputGrad(dy, x, k, out, pixels, c):    (dy * k1[c] - (x - k0[c]) * k2[c]) - k3[c]
 *     with k the per-channel values as [rows, C] doubles; each in double, rounded once to float32.
 */
import {
  F32X4_ADD, F32X4_DEMOTE_F64X2_ZERO, F32X4_GT, F32X4_NE, F64X2_ADD, F64X2_MUL, F64X2_PROMOTE_LOW_F32X4, F64X2_SUB, HIGH_HALF, I32,
  I32X4_ADD, I32X4_ALL_TRUE, I32X4_EQ, I32X4_SPLAT, I32_ADD, I32_AND, I32_GE_U, I32_LE_U, I32_MUL, JOIN_HALVES, SELECT, V128, V128_AND, V128_BITSELECT, V128_OR,
  V128_ZERO, F64X2_SPLAT, f64Const, get, i32Const, instantiateOn, set, v128Const, v128Load, v128Store, whileNot, type WasmFunction,
} from "./wasm_module";

export interface SimdNhwc {
  maxPool2x2(x: number, values: number, indices: number, n: number, h: number, w: number, ho: number, wo: number, c: number): void;
  maxPool2x2Values(x: number, values: number, unused: number, n: number, h: number, w: number, ho: number, wo: number, c: number): void;
  maxPool2x2Grad(dy: number, indices: number, dx: number, n: number, h: number, w: number, ho: number, wo: number, c: number): number;
  sums(mode: number, a: number, b: number, k: number, acc: number, n: number, inner: number, c: number): void;
  affine(x: number, unused: number, k: number, out: number, pixels: number, c: number): void;
  affineRelu(x: number, unused: number, k: number, out: number, pixels: number, c: number): void;
  inputGrad(dy: number, x: number, k: number, out: number, pixels: number, c: number): void;
}

const inc = (local: number, by: number[]): number[] => [...get(local), ...by, I32_ADD, ...set(local)];
const i32x4 = (v: number[]): number[] => v128Const(v.flatMap((k) => [k & 0xff, (k >> 8) & 0xff, (k >> 16) & 0xff, (k >>> 24) & 0xff]));

// Parameters of both pooling functions: 0 x|dy, 1 values|indices, 2 indices|dx, 3 n, 4 h, 5 w, 6 ho, 7 wo, 8 c.
// i32 locals: 9 B, 10 OH, 11 OW, 12 TL (window's top-left byte offset), 13 J (channel byte offset), 14 O (output byte
// offset), 15 CB (c * 4), 16 RB (w * c * 4), 17 CORNER (flat index of the top-left), 18 PTR.
const [B, OH, OW, TL, J, O, CB, RB, CORNER, PTR] = [9, 10, 11, 12, 13, 14, 15, 16, 17, 18];

/** for b, oh, ow: TL, CORNER set; for J over the channels' bytes in steps of 16: `group` (which advances nothing). */
function windowLoops(prologue: number[], group: number[]): number[] {
  return [
    ...get(8), ...i32Const(4), I32_MUL, ...set(CB),
    ...get(5), ...get(CB), I32_MUL, ...set(RB),
    ...prologue,
    ...i32Const(0), ...set(O),
    ...i32Const(0), ...set(B),
    ...whileNot([...get(B), ...get(3), I32_GE_U], [
      ...i32Const(0), ...set(OH),
      ...whileNot([...get(OH), ...get(6), I32_GE_U], [
        ...i32Const(0), ...set(OW),
        ...whileNot([...get(OW), ...get(7), I32_GE_U], [
          // CORNER = 2 oh * w + 2 ow; TL = ((b * h * w) + CORNER) * c * 4
          ...get(OH), ...get(5), I32_MUL, ...get(OW), I32_ADD, ...i32Const(2), I32_MUL, ...set(CORNER),
          ...get(B), ...get(4), I32_MUL, ...get(5), I32_MUL, ...get(CORNER), I32_ADD, ...get(CB), I32_MUL, ...set(TL),
          ...i32Const(0), ...set(J),
          ...whileNot([...get(J), ...get(CB), I32_GE_U], [...group, ...inc(J, i32Const(16)), ...inc(O, i32Const(16))]),
          ...inc(OW, i32Const(1)),
        ]),
        ...inc(OH, i32Const(1)),
      ]),
      ...inc(B, i32Const(1)),
    ]),
  ];
}

/** Byte address of the window element (dr rows, dc columns from the top-left) for the group J, at base pointer `ptr`. */
const windowAt = (ptr: number, dr: number, dc: number): number[] => [
  ...get(ptr), ...get(TL), I32_ADD, ...get(J), I32_ADD,
  ...(dr ? [...get(RB), I32_ADD] : []),
  ...(dc ? [...get(CB), I32_ADD] : []),
];

/** maxPool2x2, or with `indices` false maxPool2x2Values: the same values, no indices kept or written (inference). */
function maxPoolFunction(indices: boolean): WasmFunction {
  const [A, VB, VC, VD, M, MI, IA, MASK, VW, VONE] = [19, 20, 21, 22, 23, 24, 25, 26, 27, 28];
  const candidate = (X: number, index: number[]): number[] => [
    ...get(X), ...get(M), ...F32X4_GT, ...get(X), ...get(X), ...F32X4_NE, ...V128_OR, ...set(MASK),
    ...get(X), ...get(M), ...get(MASK), ...V128_BITSELECT, ...set(M),
    ...(indices ? [...index, ...get(MI), ...get(MASK), ...V128_BITSELECT, ...set(MI)] : []),
  ];
  const group = [
    ...windowAt(0, 0, 0), ...v128Load(), ...set(A),
    ...windowAt(0, 0, 1), ...v128Load(), ...set(VB),
    ...windowAt(0, 1, 0), ...v128Load(), ...set(VC),
    ...windowAt(0, 1, 1), ...v128Load(), ...set(VD),
    ...(indices ? [...get(CORNER), ...I32X4_SPLAT, ...set(IA), ...get(IA), ...set(MI)] : []),
    ...get(A), ...set(M),
    ...candidate(VB, [...get(IA), ...get(VONE), ...I32X4_ADD]),
    ...candidate(VC, [...get(IA), ...get(VW), ...I32X4_ADD]),
    ...candidate(VD, [...get(IA), ...get(VW), ...I32X4_ADD, ...get(VONE), ...I32X4_ADD]),
    ...get(1), ...get(O), I32_ADD, ...get(M), ...v128Store(),
    ...(indices ? [...get(2), ...get(O), I32_ADD, ...get(MI), ...v128Store()] : []),
  ];
  const prologue = [...get(5), ...I32X4_SPLAT, ...set(VW), ...i32Const(1), ...I32X4_SPLAT, ...set(VONE)];
  return {
    name: indices ? "maxPool2x2" : "maxPool2x2Values",
    params: new Array<number>(9).fill(I32),
    results: [],
    locals: [...new Array<number>(10).fill(I32), ...new Array<number>(10).fill(V128)],
    code: windowLoops(prologue, group),
  };
}

function maxPoolGradFunction(): WasmFunction {
  const [G, IDX, IA, EA, EB, EC, ED, OK, VW, VONE] = [19, 20, 21, 22, 23, 24, 25, 26, 27, 28];
  const eq = (e: number, index: number[]): number[] => [...get(IDX), ...index, ...I32X4_EQ, ...set(e)];
  const write = (dr: number, dc: number, e: number): number[] => [...windowAt(2, dr, dc), ...get(G), ...get(e), ...V128_AND, ...v128Store()];
  const group = [
    ...get(0), ...get(O), I32_ADD, ...v128Load(), ...V128_ZERO, ...F32X4_ADD, ...set(G),
    ...get(1), ...get(O), I32_ADD, ...v128Load(), ...set(IDX),
    ...get(CORNER), ...I32X4_SPLAT, ...set(IA),
    ...eq(EA, get(IA)),
    ...eq(EB, [...get(IA), ...get(VONE), ...I32X4_ADD]),
    ...eq(EC, [...get(IA), ...get(VW), ...I32X4_ADD]),
    ...eq(ED, [...get(IA), ...get(VW), ...I32X4_ADD, ...get(VONE), ...I32X4_ADD]),
    ...get(OK), ...get(EA), ...get(EB), ...V128_OR, ...get(EC), ...get(ED), ...V128_OR, ...V128_OR, ...V128_AND, ...set(OK),
    ...write(0, 0, EA), ...write(0, 1, EB), ...write(1, 0, EC), ...write(1, 1, ED),
  ];
  const prologue = [
    ...get(5), ...I32X4_SPLAT, ...set(VW), ...i32Const(1), ...I32X4_SPLAT, ...set(VONE),
    ...i32x4([-1, -1, -1, -1]), ...set(OK),
  ];
  return {
    name: "maxPool2x2Grad",
    params: new Array<number>(9).fill(I32),
    results: [I32],
    locals: [...new Array<number>(10).fill(I32), ...new Array<number>(10).fill(V128)],
    code: [...windowLoops(prologue, group), ...get(OK), ...I32X4_ALL_TRUE],
  };
}

const promoteLow = F64X2_PROMOTE_LOW_F32X4;
const F64X2_ABS = [0xfd, 0xec, 0x01];
const promoteHigh = [...HIGH_HALF, ...F64X2_PROMOTE_LOW_F32X4];

function sumsFunction(): WasmFunction {
  // params: 0 mode, 1 a, 2 b, 3 k, 4 acc, 5 n, 6 inner, 7 c
  // i32: 8 B, 9 J, 10 E (byte offset of the pixel in a and b), 11 END4, 12 END, 13 CB (c * 4), 14 A (acc + J * 2),
  // 15 PTR; v128: 16 V, 17 X, 18 D, 19 KL, 20 KH, 21-28 S (partial sum k, half h at 21 + 2k + h), 29-36 Q (the same)
  const [BB, JJ, E, END4, END_, CBB, A, PTR] = [8, 9, 10, 11, 12, 13, 14, 15];
  const [V, X, D, KL, KH] = [16, 17, 18, 19, 20];
  const S = (k: number, h: number): number => 21 + 2 * k + h;
  const Qs = (k: number, h: number): number => 29 + 2 * k + h;
  const half = (h: number): number[] => (h === 0 ? promoteLow : promoteHigh);
  /** Byte address of partial sum k's pair of lanes for this group (second: the squares/products block). */
  const accAt = (k: number, second: boolean): number[] => [
    ...get(A), ...get(7), ...i32Const(8 * k + (second ? 32 : 0)), I32_MUL, I32_ADD,
  ];
  const accs = (mode: number): [number, boolean][] => [0, 1, 2, 3].flatMap((k) => (mode === 0 ? [[k, false]] : [[k, false], [k, true]]) as [number, boolean][]);
  const loadAccs = (mode: number): number[] => accs(mode).flatMap(([k, second]) => [
    ...accAt(k, second), ...v128Load(), ...set(second ? Qs(k, 0) : S(k, 0)),
    ...accAt(k, second), ...v128Load(16), ...set(second ? Qs(k, 1) : S(k, 1)),
  ]);
  const storeAccs = (mode: number): number[] => accs(mode).flatMap(([k, second]) => [
    ...accAt(k, second), ...get(second ? Qs(k, 0) : S(k, 0)), ...v128Store(),
    ...accAt(k, second), ...get(second ? Qs(k, 1) : S(k, 1)), ...v128Store(16),
  ]);
  const addTo = (acc: number, value: number[]): number[] => [...get(acc), ...value, ...F64X2_ADD, ...set(acc)];
  const kv = (h: number): number => (h === 0 ? KL : KH);
  /** The element group at PTR (a) / PTR - a + b, added into partial sum k. */
  const pixel = (mode: number, k: number): number[] => {
    const load = [...get(1), ...get(PTR), I32_ADD, ...v128Load(), ...set(V)];
    if (mode === 0) return [...load, ...[0, 1].flatMap((h) => addTo(S(k, h), [...get(V), ...half(h)]))];
    if (mode === 1) {
      return [...load, ...[0, 1].flatMap((h) => [
        ...get(V), ...half(h), ...get(kv(h)), ...F64X2_SUB, ...set(D),
        ...addTo(S(k, h), get(D)), ...addTo(Qs(k, h), [...get(D), ...get(D), ...F64X2_MUL]),
      ])];
    }
    return [...load, ...get(2), ...get(PTR), I32_ADD, ...v128Load(), ...set(X), ...[0, 1].flatMap((h) => [
      ...addTo(S(k, h), [...get(V), ...half(h)]),
      ...addTo(Qs(k, h), [...get(X), ...half(h), ...get(kv(h)), ...F64X2_SUB, ...get(V), ...half(h), ...F64X2_MUL]),
    ])];
  };
  const next = [...get(PTR), ...get(CBB), I32_ADD, ...set(PTR)];
  // One channel group of one sample: the accumulators in registers, positions in order (quads, then the rest into sum 0).
  const group = (mode: number): number[] => [
    ...loadAccs(mode),
    ...get(E), ...set(PTR),
    ...whileNot([...get(PTR), ...get(END4), I32_GE_U], [0, 1, 2, 3].flatMap((k) => [...pixel(mode, k), ...next])),
    ...whileNot([...get(PTR), ...get(END_), I32_GE_U], [...pixel(mode, 0), ...next]),
    ...storeAccs(mode),
  ];
  const ifElse = (cond: number[], then: number[], otherwise: number[]): number[] => [...cond, 0x04, 0x40, ...then, 0x05, ...otherwise, 0x0b];
  return {
    name: "sums",
    params: new Array<number>(8).fill(I32),
    results: [],
    locals: [...new Array<number>(8).fill(I32), ...new Array<number>(21).fill(V128)],
    code: [
      ...get(7), ...i32Const(4), I32_MUL, ...set(CBB),
      ...i32Const(0), ...set(BB),
      ...whileNot([...get(BB), ...get(5), I32_GE_U], [
        ...i32Const(0), ...set(JJ),
        ...whileNot([...get(JJ), ...get(CBB), I32_GE_U], [
          ...get(4), ...get(JJ), ...i32Const(2), I32_MUL, I32_ADD, ...set(A),
          // E = (b * inner) * c * 4 + J; END4 = E + (inner & ~3) * c * 4; END = E + inner * c * 4
          ...get(BB), ...get(6), I32_MUL, ...get(CBB), I32_MUL, ...get(JJ), I32_ADD, ...set(E),
          ...get(E), ...get(6), ...i32Const(-4), I32_AND, ...get(CBB), I32_MUL, I32_ADD, ...set(END4),
          ...get(E), ...get(6), ...get(CBB), I32_MUL, I32_ADD, ...set(END_),
          ...ifElse([...get(0)], [
            ...get(3), ...get(JJ), ...i32Const(2), I32_MUL, I32_ADD, ...set(PTR),
            ...get(PTR), ...v128Load(), ...set(KL), ...get(PTR), ...v128Load(16), ...set(KH),
            ...ifElse([...get(0), ...i32Const(1), 0x46 /* i32.eq */], group(1), group(2)),
          ], group(0)),
          ...get(JJ), ...i32Const(16), I32_ADD, ...set(JJ),
        ]),
        ...get(BB), ...i32Const(1), I32_ADD, ...set(BB),
      ]),
    ],
  };
}

/**
 * The elementwise passes over [pixels, C], in blocks of BLOCK pixels (a few kilobytes, in cache while
 * each group of four channels walks them): per group, its per-channel doubles of k ([rows, C]) as two
 * f64x2 per row, then for each pixel of the block the store of JOIN_HALVES(demote(f(low half)),
 * demote(f(high half))). `f(half, kRow)` leaves an f64x2.
 */
const BLOCK = 32;
function elementwiseFunction(name: string, rows: number, f: (half: number[], k: (row: number) => number[]) => number[]): WasmFunction {
  // params: 0 a, 1 b, 2 k, 3 out, 4 pixels, 5 c; i32: 6 E, 7 END, 8 J, 9 CB, 10 KA, 11 BSTART, 12 BEND, 13 TOTAL; v128: 14.. (2 per row)
  const [E, END_, JJ, CBB, KA, BSTART, BEND, TOTAL] = [6, 7, 8, 9, 10, 11, 12, 13];
  const kLocal = (row: number, high: boolean): number => 14 + 2 * row + (high ? 1 : 0);
  const loadK = Array.from({ length: rows }, (_, r) => [
    ...get(KA), ...get(5), ...i32Const(8 * r), I32_MUL, I32_ADD, ...v128Load(), ...set(kLocal(r, false)),
    ...get(KA), ...get(5), ...i32Const(8 * r), I32_MUL, I32_ADD, ...v128Load(16), ...set(kLocal(r, true)),
  ]).flat();
  const body = (high: boolean): number[] => f(high ? promoteHigh : promoteLow, (r) => get(kLocal(r, high)));
  return {
    name,
    params: new Array<number>(6).fill(I32),
    results: [],
    locals: [...new Array<number>(8).fill(I32), ...new Array<number>(2 * rows).fill(V128)],
    code: [
      ...get(5), ...i32Const(4), I32_MUL, ...set(CBB),
      ...get(4), ...get(CBB), I32_MUL, ...set(TOTAL),
      ...i32Const(0), ...set(BSTART),
      ...whileNot([...get(BSTART), ...get(TOTAL), I32_GE_U], [
        // BEND = min(BSTART + BLOCK * CB, TOTAL)
        ...get(BSTART), ...get(CBB), ...i32Const(BLOCK), I32_MUL, I32_ADD, ...set(BEND),
        ...get(BEND), ...get(TOTAL), ...get(BEND), ...get(TOTAL), I32_LE_U, SELECT, ...set(BEND),
        ...i32Const(0), ...set(JJ),
        ...whileNot([...get(JJ), ...get(CBB), I32_GE_U], [
          ...get(2), ...get(JJ), ...i32Const(2), I32_MUL, I32_ADD, ...set(KA),
          ...loadK,
          ...get(BSTART), ...get(JJ), I32_ADD, ...set(E),
          ...get(BEND), ...get(JJ), I32_ADD, ...set(END_),
          ...whileNot([...get(E), ...get(END_), I32_GE_U], [
            ...get(3), ...get(E), I32_ADD,
            ...body(false), ...F32X4_DEMOTE_F64X2_ZERO, ...body(true), ...F32X4_DEMOTE_F64X2_ZERO, ...JOIN_HALVES,
            ...v128Store(),
            ...get(E), ...get(CBB), I32_ADD, ...set(E),
          ]),
          ...inc(JJ, i32Const(16)),
        ]),
        ...get(BEND), ...set(BSTART),
      ]),
    ],
  };
}

/** The f64x2 of `half` of the four float32 at param `p` + E. */
const elementAt = (p: number, half: number[]): number[] => [...get(p), ...get(6), I32_ADD, ...v128Load(), ...half];

function affineFunction(): WasmFunction {
  return elementwiseFunction("affine", 3, (half, k) => [...elementAt(0, half), ...k(0), ...F64X2_SUB, ...k(1), ...F64X2_MUL, ...k(2), ...F64X2_ADD]);
}

/** ReLU first, as js_kernels.ts's scalar loop: (v + |v|) * 0.5 in double (max(v, 0), +0 for v <= 0, NaN kept). */
function affineReluFunction(): WasmFunction {
  return elementwiseFunction("affineRelu", 3, (half, k) => [
    ...elementAt(0, half), ...elementAt(0, half), ...F64X2_ABS, ...F64X2_ADD, ...f64Const(0.5), ...F64X2_SPLAT, ...F64X2_MUL,
    ...k(0), ...F64X2_SUB, ...k(1), ...F64X2_MUL, ...k(2), ...F64X2_ADD,
  ]);
}

function inputGradFunction(): WasmFunction {
  return elementwiseFunction("inputGrad", 4, (half, k) => [
    ...elementAt(0, half), ...k(1), ...F64X2_MUL,
    ...elementAt(1, half), ...k(0), ...F64X2_SUB, ...k(2), ...F64X2_MUL,
    ...F64X2_SUB, ...k(3), ...F64X2_SUB,
  ]);
}

/** The channels-last loops on `backend`'s memory (built once per memory), or null where unavailable. */
export function simdNhwc(backend: unknown): SimdNhwc | null {
  return instantiateOn<SimdNhwc>(backend, "nhwc", () => [maxPoolFunction(true), maxPoolFunction(false), maxPoolGradFunction(), sumsFunction(), affineFunction(), affineReluFunction(), inputGradFunction()]);
}
