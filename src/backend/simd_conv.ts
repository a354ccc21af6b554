/**
 * conv2d as WebAssembly SIMD loops on the wasm backend's memory, for js_kernels.ts's
 * NCHW convolution kernels (TorchlabConv2d, TorchlabConv2dInputGrad, TorchlabConv2dWeightGrad): on
 * wasm they replace XNNPACK's NHWC convolution and the transposes around it (at batch 4, the "training
 * a classifier" tutorial's net, 14 Transposes, a filter flip and five convolutions per step whose
 * dispatch and layout copies cost more than the ~6 M multiply-adds; at 1 thread up to ~300 M, see
 * ops/conv.ts's nchwConvPays). The patches (im2col) are laid out by gather with rows padded to a
 * multiple of 16 floats, zeros past the end, so that the products have no ragged tails:
 *
 *   gemm(c, a, aM, aK, b, m, k, p, fresh):  c[i][q] += sum over j < k of A(i, j) * b[j][q] for i < m,
 *       q < p, A(i, j) the float at a + i * aM + j * aK (byte strides), b and c rows of p floats (p a
 *       multiple of 16); each element's products added in j order onto its value in c, or with
 *       `fresh` onto zero, c's old contents neither read nor needing a fill (0 + x is x, -0 aside).
 *   rowsDot(c, a, b, m, n, l):  c[i][j] += the dot product of row i of a [m, l] and row j of b [n, l]
 *       (l a multiple of 4) in four partial sums (element q into sum q % 4), added as (s0 + s1) +
 *       (s2 + s3).
 *   gather(x, cols, rows, xRow, colsRow, vec, bytes, xStep, taps, xTap, colsTap, channels, xChannel,
 *       colsChannel):  `taps` taps of the patches (im2col) of each of `channels` channels, tap t of
 *       channel ch reading from x + ch * xChannel + t * xTap into cols + ch * colsChannel + t * colsTap,
 *       over `rows` output rows: cols[r][e] = x[r * xRow + e * xStep] for byte offsets e < bytes, four
 *       floats at a time below `vec` (0 unless xStep is 4 bytes, a stride-1 tap, whose rows are
 *       contiguous). With one tap of one channel it is a copy of strided rows.
 *   scatterAdd(same):  its adjoint, x[...] += cols[r][e], tap after tap within a channel (one float32
 *       add per element, as the JavaScript loop's rounding of the double sum).
 *
 * In JavaScript the patches cost 3-4x the products (the classifier's conv1 at batch 4: ~450 us to copy
 * 235 K floats against ~115 us of gemm, 1 thread); called once per kernel row here they cost ~1/10,
 * and one call covers every channel (the Net's conv2: 9 calls a sample instead of 288).
 *
 * Pointers are byte offsets into the memory; row strides are in bytes.
 */
import {
  F32_ADD, F32X4_ADD, F32X4_MUL, I32, I32_ADD, I32_GE_U, I32_MUL, V128, V128_ZERO, f32Load, f32Store, f32x4ExtractLane,
  get, i32Const, ifElse, instantiateOn, lanes32, set, shuffle, v128Load, v128Load32Splat, v128Store, whileNot, type WasmFunction,
} from "./wasm_module";

type TapRows = (x: number, cols: number, rows: number, xRow: number, colsRow: number, vec: number, bytes: number, xStep: number, taps: number, xTap: number, colsTap: number, channels: number, xChannel: number, colsChannel: number) => void;

export interface SimdConv {
  gemm(c: number, a: number, aM: number, aK: number, b: number, m: number, k: number, p: number, fresh: boolean): void;
  rowsDot(c: number, a: number, b: number, m: number, n: number, l: number): void;
  gather: TapRows;
  scatterAdd: TapRows;
}

const add = (local: number, value: number[]): number[] => [...get(local), ...value, I32_ADD, ...set(local)];

/**
 * gemm over blocks of `rows` rows of C by 16 floats: the block's 4 * rows sums stay in locals across
 * the whole k loop, so each loaded vector of B serves `rows` rows (rows 2: 6 loads per 8 multiply-adds
 * of four lanes, against 5 per 4 a row at a time). m must be a multiple of `rows`.
 * Each A float is loaded into four lanes by one v128.load32_splat (~20% faster than f32.load and
 * f32x4.splat on the Net's conv2, measured).
 * params: c 0, a 1, aM 2, aK 3, b 4, m 5, k 6, p 7, fresh 8; locals: i 9, q 10, j 11, cRow 12, aPtr 13,
 * bPtr 14, pb 15, aRow 16, then aM * r and pb * r for r in 1..rows-1, then the sums, the 4 B vectors,
 * the splat.
 */
function gemmCode(rows: number): number[] {
  const [I, Q, J, CROW, APTR, BPTR, PB, AROW] = [9, 10, 11, 12, 13, 14, 15, 16];
  const r1 = [...Array(rows).keys()];
  const AMR = (r: number): number => 17 + (r - 1);
  const PBR = (r: number): number => 17 + (rows - 1) + (r - 1);
  const ACC = 17 + 2 * (rows - 1);
  const acc = (r: number, v: number): number => ACC + 4 * r + v;
  const BV = ACC + 4 * rows;
  const AV = BV + 4;
  const lanes = [0, 1, 2, 3];
  /** The address of row r of C at column q (bytes), for a v128 access at offset 16 v. */
  const cAt = (r: number): number[] => (r === 0 ? [...get(CROW), ...get(Q), I32_ADD] : [...get(CROW), ...get(Q), I32_ADD, ...get(PBR(r)), I32_ADD]);
  const aAt = (r: number): number[] => (r === 0 ? get(APTR) : [...get(APTR), ...get(AMR(r)), I32_ADD]);
  return [
    ...get(7), ...i32Const(4), I32_MUL, ...set(PB),
    ...r1.slice(1).flatMap((r) => [...get(2), ...i32Const(r), I32_MUL, ...set(AMR(r)), ...get(PB), ...i32Const(r), I32_MUL, ...set(PBR(r))]),
    ...get(0), ...set(CROW),
    ...get(1), ...set(AROW),
    ...whileNot([...get(I), ...get(5), I32_GE_U], [
      ...i32Const(0), ...set(Q),
      ...whileNot([...get(Q), ...get(PB), I32_GE_U], [
        ...get(8),
        ...ifElse(
          r1.flatMap((r) => lanes.flatMap((v) => [...V128_ZERO, ...set(acc(r, v))])),
          r1.flatMap((r) => lanes.flatMap((v) => [...cAt(r), ...v128Load(16 * v), ...set(acc(r, v))])),
        ),
        ...get(AROW), ...set(APTR),
        ...get(4), ...get(Q), I32_ADD, ...set(BPTR),
        ...i32Const(0), ...set(J),
        ...whileNot([...get(J), ...get(6), I32_GE_U], [
          ...lanes.flatMap((v) => [...get(BPTR), ...v128Load(16 * v), ...set(BV + v)]),
          ...r1.flatMap((r) => [
            ...aAt(r), ...v128Load32Splat(), ...set(AV),
            ...lanes.flatMap((v) => [...get(acc(r, v)), ...get(AV), ...get(BV + v), ...F32X4_MUL, ...F32X4_ADD, ...set(acc(r, v))]),
          ]),
          ...add(APTR, get(3)),
          ...add(BPTR, get(PB)),
          ...add(J, i32Const(1)),
        ]),
        ...r1.flatMap((r) => lanes.flatMap((v) => [...cAt(r), ...get(acc(r, v)), ...v128Store(16 * v)])),
        ...add(Q, i32Const(64)),
      ]),
      ...add(CROW, rows === 1 ? get(PB) : [...get(PB), ...i32Const(rows), I32_MUL]),
      ...add(AROW, [...get(2), ...i32Const(rows), I32_MUL]),
      ...add(I, i32Const(rows)),
    ]),
  ];
}

const gemmLocals = (rows: number): number[] => [...new Array<number>(8 + 2 * (rows - 1)).fill(I32), ...new Array<number>(4 * rows + 5).fill(V128)];

/**
 * rowsDot over blocks of `rowsA` rows of a by `rowsB` rows of b: each block's sums stay in locals
 * across l, each loaded vector serving the other operand's rows (2 x 4: 6 loads per 8 products of four
 * lanes, against 2 per 1 a pair at a time). m and n must be multiples of the block; C's rows are ldc
 * floats apart.
 * params: c 0, a 1, b 2, m 3, n 4, l 5, ldc 6; locals: i 7, j 8, q 9, aRow 10, bRow 11, lb 12, cPtr 13,
 * ldcBytes 14, then lb * r (r in 1..max-1), ldcBytes * r (r in 1..rowsA-1), then the sums, rowsA
 * vectors of a and one of b.
 */
function rowsDotCode(rowsA: number, rowsB: number): number[] {
  const [I, J, Q, AROW, BROW, LB, CPTR, LDC] = [7, 8, 9, 10, 11, 12, 13, 14];
  const most = Math.max(rowsA, rowsB);
  const LBR = (r: number): number => 15 + (r - 1);
  const LDCR = (r: number): number => 15 + (most - 1) + (r - 1);
  const ACC = 15 + (most - 1) + (rowsA - 1);
  const acc = (r: number, t: number): number => ACC + r * rowsB + t;
  const AV = ACC + rowsA * rowsB;
  const BV = AV + rowsA;
  const ra = [...Array(rowsA).keys()];
  const rb = [...Array(rowsB).keys()];
  const rowAt = (row: number, r: number): number[] => (r === 0 ? [...get(row), ...get(Q), I32_ADD] : [...get(row), ...get(Q), I32_ADD, ...get(LBR(r)), I32_ADD]);
  const cAt = (r: number): number[] => (r === 0 ? get(CPTR) : [...get(CPTR), ...get(LDCR(r)), I32_ADD]);
  const lane = (r: number, t: number, l: number): number[] => [...get(acc(r, t)), ...f32x4ExtractLane(l)];
  // Even and odd lanes of two vectors: [u0, u2, v0, v2] and [u1, u3, v1, v3].
  const EVEN = shuffle(lanes32([0, 2, 4, 6]));
  const ODD = shuffle(lanes32([1, 3, 5, 7]));
  const halves = (u: number[], v: number[]): number[] => [...u, ...v, ...EVEN, ...u, ...v, ...ODD, ...F32X4_ADD];
  /**
   * Row r's four sums (s0 + s1) + (s2 + s3) at once, as the lane-by-lane code adds them: pairs of
   * lanes added across the four accumulators (into the locals of a's and b's vectors, free after the
   * loop), then the pairs' sums, added onto C's four floats by one load and one store (~40 instructions
   * a row against ~10).
   */
  const reduceFour = (r: number): number[] => [
    ...halves(get(acc(r, 0)), get(acc(r, 1))), ...set(AV),
    ...halves(get(acc(r, 2)), get(acc(r, 3))), ...set(BV),
    ...cAt(r), ...cAt(r), ...v128Load(), ...halves(get(AV), get(BV)), ...F32X4_ADD, ...v128Store(),
  ];
  return [
    ...get(5), ...i32Const(4), I32_MUL, ...set(LB),
    ...get(6), ...i32Const(4), I32_MUL, ...set(LDC),
    ...[...Array(most).keys()].slice(1).flatMap((r) => [...get(LB), ...i32Const(r), I32_MUL, ...set(LBR(r))]),
    ...ra.slice(1).flatMap((r) => [...get(LDC), ...i32Const(r), I32_MUL, ...set(LDCR(r))]),
    ...get(1), ...set(AROW),
    ...whileNot([...get(I), ...get(3), I32_GE_U], [
      ...get(2), ...set(BROW),
      ...i32Const(0), ...set(J),
      ...whileNot([...get(J), ...get(4), I32_GE_U], [
        ...ra.flatMap((r) => rb.flatMap((t) => [...V128_ZERO, ...set(acc(r, t))])),
        ...i32Const(0), ...set(Q),
        ...whileNot([...get(Q), ...get(LB), I32_GE_U], [
          ...ra.flatMap((r) => [...rowAt(AROW, r), ...v128Load(), ...set(AV + r)]),
          ...rb.flatMap((t) => [
            ...rowAt(BROW, t), ...v128Load(), ...set(BV),
            ...ra.flatMap((r) => [...get(acc(r, t)), ...get(AV + r), ...get(BV), ...F32X4_MUL, ...F32X4_ADD, ...set(acc(r, t))]),
          ]),
          ...add(Q, i32Const(16)),
        ]),
        ...get(0), ...get(J), ...i32Const(4), I32_MUL, I32_ADD, ...set(CPTR),
        ...ra.flatMap((r) => (rowsB === 4 ? reduceFour(r) : rb.flatMap((t) => [
          ...cAt(r), ...cAt(r), ...f32Load(4 * t), ...lane(r, t, 0), ...lane(r, t, 1), F32_ADD, ...lane(r, t, 2), ...lane(r, t, 3), F32_ADD, F32_ADD, F32_ADD, ...f32Store(4 * t),
        ]))),
        ...add(BROW, [...get(LB), ...i32Const(rowsB), I32_MUL]),
        ...add(J, i32Const(rowsB)),
      ]),
      ...add(AROW, [...get(LB), ...i32Const(rowsA), I32_MUL]),
      ...add(0, [...get(LDC), ...i32Const(rowsA), I32_MUL]),
      ...add(I, i32Const(rowsA)),
    ]),
  ];
}

const rowsDotLocals = (rowsA: number, rowsB: number): number[] => {
  const i32s = 8 + (Math.max(rowsA, rowsB) - 1) + (rowsA - 1);
  return [...new Array<number>(i32s).fill(I32), ...new Array<number>(rowsA * rowsB + rowsA + 1).fill(V128)];
};

/**
 * gather / scatterAdd: params x 0, cols 1, rows 2, xRow 3, colsRow 4, vec 5, bytes 6, xStep 7, taps 8,
 * xTap 9, colsTap 10, channels 11, xChannel 12, colsChannel 13; locals r 14, e 15, xp 16, t 17, xr 18,
 * cr 19, ch 20, xt 21, ct 22. Each channel starts xChannel bytes of x and colsChannel bytes of cols
 * after the one before, each tap xTap and colsTap bytes after the one before; within a tap e walks a
 * row's bytes of cols, xp the floats of x.
 */
function tapRowsCode(accumulate: boolean): number[] {
  const [R, E, XP, T, XR, CR, CH, XT, CT] = [14, 15, 16, 17, 18, 19, 20, 21, 22];
  const vector = accumulate
    ? [...get(XR), ...get(E), I32_ADD, ...get(XR), ...get(E), I32_ADD, ...v128Load(), ...get(CR), ...get(E), I32_ADD, ...v128Load(), ...F32X4_ADD, ...v128Store()]
    : [...get(CR), ...get(E), I32_ADD, ...get(XR), ...get(E), I32_ADD, ...v128Load(), ...v128Store()];
  const scalar = accumulate
    ? [...get(XP), ...get(XP), ...f32Load(), ...get(CR), ...get(E), I32_ADD, ...f32Load(), F32_ADD, ...f32Store()]
    : [...get(CR), ...get(E), I32_ADD, ...get(XP), ...f32Load(), ...f32Store()];
  return [
    ...whileNot([...get(CH), ...get(11), I32_GE_U], [
      ...get(0), ...set(XT),
      ...get(1), ...set(CT),
      ...i32Const(0), ...set(T),
      ...whileNot([...get(T), ...get(8), I32_GE_U], [
        ...get(XT), ...set(XR),
        ...get(CT), ...set(CR),
        ...i32Const(0), ...set(R),
        ...whileNot([...get(R), ...get(2), I32_GE_U], [
          ...i32Const(0), ...set(E),
          ...whileNot([...get(E), ...get(5), I32_GE_U], [...vector, ...add(E, i32Const(16))]),
          ...get(XR), ...get(E), I32_ADD, ...set(XP),
          ...whileNot([...get(E), ...get(6), I32_GE_U], [...scalar, ...add(E, i32Const(4)), ...add(XP, get(7))]),
          ...add(XR, get(3)),
          ...add(CR, get(4)),
          ...add(R, i32Const(1)),
        ]),
        ...add(XT, get(9)),
        ...add(CT, get(10)),
        ...add(T, i32Const(1)),
      ]),
      ...add(0, get(12)),
      ...add(1, get(13)),
      ...add(CH, i32Const(1)),
    ]),
  ];
}

/** gemm's and rowsDot's blocks: the 2-row kernels and the 1-row ones for the rows left over. */
const GEMM_ROWS = 2;
const DOT_ROWS: [number, number] = [2, 4];

function functions(): WasmFunction[] {
  const tapParams = new Array<number>(14).fill(I32);
  const gemmParams = new Array<number>(9).fill(I32);
  const dotParams = [I32, I32, I32, I32, I32, I32, I32];
  return [
    { name: "gather", params: tapParams, results: [], locals: new Array<number>(9).fill(I32), code: tapRowsCode(false) },
    { name: "scatterAdd", params: tapParams, results: [], locals: new Array<number>(9).fill(I32), code: tapRowsCode(true) },
    { name: "gemmBlock", params: gemmParams, results: [], locals: gemmLocals(GEMM_ROWS), code: gemmCode(GEMM_ROWS) },
    { name: "gemmRow", params: gemmParams, results: [], locals: gemmLocals(1), code: gemmCode(1) },
    { name: "rowsDotBlock", params: dotParams, results: [], locals: rowsDotLocals(...DOT_ROWS), code: rowsDotCode(...DOT_ROWS) },
    { name: "rowsDotOne", params: dotParams, results: [], locals: rowsDotLocals(1, 1), code: rowsDotCode(1, 1) },
  ];
}

interface Exports {
  gather: SimdConv["gather"];
  scatterAdd: SimdConv["scatterAdd"];
  gemmBlock(c: number, a: number, aM: number, aK: number, b: number, m: number, k: number, p: number, fresh: number): void;
  gemmRow(c: number, a: number, aM: number, aK: number, b: number, m: number, k: number, p: number, fresh: number): void;
  rowsDotBlock(c: number, a: number, b: number, m: number, n: number, l: number, ldc: number): void;
  rowsDotOne(c: number, a: number, b: number, m: number, n: number, l: number, ldc: number): void;
}

const wrappers = new WeakMap<Exports, SimdConv>();

/** The blocked kernels over the rows they cover, the 1-row ones over the rest. */
function wrap(e: Exports): SimdConv {
  return {
    gather: e.gather,
    scatterAdd: e.scatterAdd,
    gemm(c, a, aM, aK, b, m, k, p, fresh) {
      const main = m - (m % GEMM_ROWS);
      if (main > 0) e.gemmBlock(c, a, aM, aK, b, main, k, p, fresh ? 1 : 0);
      if (main < m) e.gemmRow(c + 4 * main * p, a + main * aM, aM, aK, b, m - main, k, p, fresh ? 1 : 0);
    },
    rowsDot(c, a, b, m, n, l) {
      const [ra, rb] = DOT_ROWS;
      const mMain = m - (m % ra), nMain = n - (n % rb);
      if (mMain > 0 && nMain > 0) e.rowsDotBlock(c, a, b, mMain, nMain, l, n);
      if (nMain < n && mMain > 0) e.rowsDotOne(c + 4 * nMain, a, b + 4 * nMain * l, mMain, n - nMain, l, n);
      if (mMain < m) e.rowsDotOne(c + 4 * mMain * n, a + 4 * mMain * l, b, m - mMain, n, l, n);
    },
  };
}

/** The loops on `backend`'s memory (built once per memory), or null where unavailable. */
export function simdConv(backend: unknown): SimdConv | null {
  const e = instantiateOn<Exports>(backend, "conv", functions);
  if (e === null) return null;
  let w = wrappers.get(e);
  if (w === undefined) wrappers.set(e, (w = wrap(e)));
  return w;
}
