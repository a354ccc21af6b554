/**
 * MaxPool2d(2) (kernel 2, stride 2, no padding, no dilation) and its gradient as WebAssembly SIMD
 * loops on the wasm backend's memory, four outputs at a time, with the bits of js_kernels.ts's scalar
 * loops (maxPool2x2 and maxPool2dGrad): the tutorial Net's [64,32,26,26] pooling took ~7 ms a step as
 * scalar JavaScript.
 *
 *   maxPool2x2: each output's window is read in PyTorch's order (top-left, top-right, bottom-left,
 *     bottom-right); a candidate replaces the running maximum when it is greater or NaN (f32x4.gt
 *     or f32x4.ne with itself), so the first maximum wins on ties and the last NaN among NaNs, as in
 *     ATen's cpu_max_pool; values and flat indices h * W + w are written.
 *   maxPool2x2Grad: each output gradient (plus +0, as the scalar loop's `0 + dy`, which turns -0
 *     into +0) is written at its index and +0 at the window's three other places. Returns 0 when an
 *     index lies outside its 2x2 window (indices of another pooling): the caller then scatters with
 *     the scalar loop. Windows are disjoint, so when every index is inside its own window the
 *     scatter adds nothing twice and the two agree.
 *
 * Rows of wo outputs are done in groups of four; the last group of a row whose wo is not a multiple
 * of four starts at wo - 4 and recomputes a few outputs with the same result, so wo >= 4 is required
 * (callers run the scalar loops below that). Pointers are byte offsets; h >= 2 ho and w >= 2 wo.
 */
import {
  F32X4_ADD, F32X4_GT, F32X4_NE, I32, I32X4_ADD, I32X4_ALL_TRUE, I32X4_EQ, I32X4_SPLAT, I32_ADD, I32_GE_U, I32_LE_U, I32_MUL, I32_SUB,
  SELECT, V128, V128_AND, V128_BITSELECT, V128_OR, V128_ZERO, get, i32Const, instantiateOn, lanes32, set, shuffle, v128Const, v128Load,
  v128Store, whileNot, type WasmFunction,
} from "./wasm_module";

export interface SimdPool {
  maxPool2x2(x: number, values: number, indices: number, planes: number, h: number, w: number, ho: number, wo: number): void;
  maxPool2x2Grad(dy: number, indices: number, dx: number, planes: number, h: number, w: number, ho: number, wo: number): number;
}

const EVENS = shuffle(lanes32([0, 2, 4, 6]));
const ODDS = shuffle(lanes32([1, 3, 5, 7]));
const LOW_PAIRS = shuffle(lanes32([0, 4, 1, 5]));
const HIGH_PAIRS = shuffle(lanes32([2, 6, 3, 7]));
const i32x4 = (v: number[]): number[] => v128Const(v.flatMap((k) => [k & 0xff, (k >> 8) & 0xff, (k >> 16) & 0xff, (k >>> 24) & 0xff]));

// Parameters of both functions: 0 x|dy, 1 values|indices, 2 indices|dx, 3 planes, 4 h, 5 w, 6 ho, 7 wo.
const [P, OH, S, T, ROW, O, IB, LAST, PLANE, PTR] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
const I32_LOCALS = new Array<number>(10).fill(I32);

/**
 * The loops over planes, output rows and groups of four shared by both functions: `group` is the code
 * for the group starting at output column `T` of the row whose input (or dx) row 2 oh starts at byte
 * `ROW`, whose outputs start at byte offset `O` and whose first window's flat index is `IB`.
 */
function rowLoops(prologue: number[], group: number[], rowPointer: number): number[] {
  return [
    ...get(7), ...i32Const(4), I32_SUB, ...set(LAST),
    ...prologue,
    ...get(rowPointer), ...set(PLANE),
    ...i32Const(0), ...set(O),
    ...i32Const(0), ...set(P),
    ...whileNot([...get(P), ...get(3), I32_GE_U], [
      ...get(PLANE), ...set(ROW),
      ...i32Const(0), ...set(IB),
      ...i32Const(0), ...set(OH),
      ...whileNot([...get(OH), ...get(6), I32_GE_U], [
        ...i32Const(0), ...set(S),
        ...whileNot([...get(S), ...get(7), I32_GE_U], [
          // T = min(S, LAST)
          ...get(S), ...get(LAST), ...get(S), ...get(LAST), I32_LE_U, SELECT, ...set(T),
          ...group,
          ...get(S), ...i32Const(4), I32_ADD, ...set(S),
        ]),
        ...get(O), ...get(7), ...i32Const(4), I32_MUL, I32_ADD, ...set(O),
        ...get(ROW), ...get(5), ...i32Const(8), I32_MUL, I32_ADD, ...set(ROW),
        ...get(IB), ...get(5), ...i32Const(2), I32_MUL, I32_ADD, ...set(IB),
        ...get(OH), ...i32Const(1), I32_ADD, ...set(OH),
      ]),
      ...get(PLANE), ...get(4), ...get(5), I32_MUL, ...i32Const(4), I32_MUL, I32_ADD, ...set(PLANE),
      ...get(P), ...i32Const(1), I32_ADD, ...set(P),
    ]),
  ];
}

/** `base + T * 4` (an output's byte address), `ROW + T * 8` (its window's top-left), ... */
const plusT = (scale: number, ...base: number[]): number[] => [...base, ...get(T), ...i32Const(scale), I32_MUL, I32_ADD];
/** i32x4: the flat indices of the top-left corners of the group's four windows. */
const cornerIndices = [...get(IB), ...get(T), ...i32Const(2), I32_MUL, I32_ADD, ...I32X4_SPLAT, ...i32x4([0, 2, 4, 6]), ...I32X4_ADD];

function maxPoolFunction(): WasmFunction {
  const [A, B, C, D, M, MI, IA, MASK, VW, VONE] = [18, 19, 20, 21, 22, 23, 24, 25, 26, 27];
  // m, mi = (X > m || X != X) ? (X, index) : (m, mi)
  const candidate = (X: number, index: number[]): number[] => [
    ...get(X), ...get(M), ...F32X4_GT, ...get(X), ...get(X), ...F32X4_NE, ...V128_OR, ...set(MASK),
    ...get(X), ...get(M), ...get(MASK), ...V128_BITSELECT, ...set(M),
    ...index, ...get(MI), ...get(MASK), ...V128_BITSELECT, ...set(MI),
  ];
  const group = [
    ...plusT(8, ...get(ROW)), ...set(PTR),
    ...get(PTR), ...v128Load(), ...get(PTR), ...v128Load(16), ...EVENS, ...set(A),
    ...get(PTR), ...v128Load(), ...get(PTR), ...v128Load(16), ...ODDS, ...set(B),
    ...get(PTR), ...get(5), ...i32Const(4), I32_MUL, I32_ADD, ...set(PTR),
    ...get(PTR), ...v128Load(), ...get(PTR), ...v128Load(16), ...EVENS, ...set(C),
    ...get(PTR), ...v128Load(), ...get(PTR), ...v128Load(16), ...ODDS, ...set(D),
    ...cornerIndices, ...set(IA),
    ...get(A), ...set(M),
    ...get(IA), ...set(MI),
    ...candidate(B, [...get(IA), ...get(VONE), ...I32X4_ADD]),
    ...candidate(C, [...get(IA), ...get(VW), ...I32X4_ADD]),
    ...candidate(D, [...get(IA), ...get(VW), ...I32X4_ADD, ...get(VONE), ...I32X4_ADD]),
    ...plusT(4, ...get(1), ...get(O), I32_ADD), ...get(M), ...v128Store(),
    ...plusT(4, ...get(2), ...get(O), I32_ADD), ...get(MI), ...v128Store(),
  ];
  const prologue = [...get(5), ...I32X4_SPLAT, ...set(VW), ...i32Const(1), ...I32X4_SPLAT, ...set(VONE)];
  return {
    name: "maxPool2x2",
    params: new Array<number>(8).fill(I32),
    results: [],
    locals: [...I32_LOCALS, ...new Array<number>(10).fill(V128)],
    code: rowLoops(prologue, group, 0),
  };
}

function maxPoolGradFunction(): WasmFunction {
  const [G, IDX, IA, EA, EB, EC, ED, OK, VW, VONE] = [18, 19, 20, 21, 22, 23, 24, 25, 26, 27];
  const eq = (e: number, index: number[]): number[] => [...get(IDX), ...index, ...I32X4_EQ, ...set(e)];
  // Two rows of eight: (first, second) interleaved, each masked from the group's gradients.
  const rowPair = (first: number, second: number, offset: number): number[] => [
    ...get(PTR), ...get(G), ...get(first), ...V128_AND, ...get(G), ...get(second), ...V128_AND, ...LOW_PAIRS, ...v128Store(offset),
    ...get(PTR), ...get(G), ...get(first), ...V128_AND, ...get(G), ...get(second), ...V128_AND, ...HIGH_PAIRS, ...v128Store(offset + 16),
  ];
  const group = [
    ...plusT(4, ...get(0), ...get(O), I32_ADD), ...v128Load(), ...V128_ZERO, ...F32X4_ADD, ...set(G),
    ...plusT(4, ...get(1), ...get(O), I32_ADD), ...v128Load(), ...set(IDX),
    ...cornerIndices, ...set(IA),
    ...eq(EA, get(IA)),
    ...eq(EB, [...get(IA), ...get(VONE), ...I32X4_ADD]),
    ...eq(EC, [...get(IA), ...get(VW), ...I32X4_ADD]),
    ...eq(ED, [...get(IA), ...get(VW), ...I32X4_ADD, ...get(VONE), ...I32X4_ADD]),
    ...get(OK), ...get(EA), ...get(EB), ...V128_OR, ...get(EC), ...get(ED), ...V128_OR, ...V128_OR, ...V128_AND, ...set(OK),
    ...plusT(8, ...get(ROW)), ...set(PTR),
    ...rowPair(EA, EB, 0),
    ...get(PTR), ...get(5), ...i32Const(4), I32_MUL, I32_ADD, ...set(PTR),
    ...rowPair(EC, ED, 0),
  ];
  const prologue = [
    ...get(5), ...I32X4_SPLAT, ...set(VW), ...i32Const(1), ...I32X4_SPLAT, ...set(VONE),
    ...i32x4([-1, -1, -1, -1]), ...set(OK),
  ];
  return {
    name: "maxPool2x2Grad",
    params: new Array<number>(8).fill(I32),
    results: [I32],
    locals: [...I32_LOCALS, ...new Array<number>(10).fill(V128)],
    code: [...rowLoops(prologue, group, 2), ...get(OK), ...I32X4_ALL_TRUE],
  };
}

/** The pooling loops on `backend`'s memory (built once per memory), or null where unavailable. */
export function simdPool(backend: unknown): SimdPool | null {
  return instantiateOn<SimdPool>(backend, "pool", () => [maxPoolFunction(), maxPoolGradFunction()]);
}
