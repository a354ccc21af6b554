/**
 * Winograd F(2x2, 3x3) for 3x3 stride-1 convolutions (dilation 1, groups 1) on the wasm heap, for
 * js_kernels.ts's NCHW kernels: the forward, the input gradient (a 3x3 stride-1 convolution of the
 * gradient with the flipped, transposed kernel) and the weight gradient (winogradWeightGrad). Each 2x2 block of outputs (a tile) reads a 4x4 patch
 * d of the zero-padded input and is A^T [(G g G^T) . (B^T d B)] A: the 16 products per tile and
 * channel pair, against 36 for direct convolution, become 16 matrix products (one per position xi
 * of the 4x4 transformed tile) of [out channels, in channels] by [in channels, tiles], run by
 * simd_conv.ts's register-blocked gemm. The transforms are WebAssembly SIMD loops over four tiles of a
 * tile row at a time (lanes = tiles):
 *
 *   input(src, dst, tilesH, groups, srcRow, dstXi, channels, srcChannel, dstChannel, tileRow): for
 *       each channel, the padded plane at src (rows srcRow bytes apart; tile (ty, tx) at row 2 ty,
 *       column 2 tx) -> V[xi] at dst + xi * dstXi, tile (ty, tx) at byte ty * tileRow + 4 tx, four
 *       tiles at a time (4 groups of them a row); B^T d B by rows, then columns (even and odd lanes of
 *       two loads per column pair).
 *   output(src, dst, tilesH, groups, srcXi, dstRow, channels, srcChannel, dstChannel, bias, hasBias,
 *       tileRow): its inverse: M[xi] at src + xi * srcXi -> A^T m A (+ the channel's bias) as 2x2
 *       blocks of a plane of 2 tilesH rows of 8 groups floats, dstRow bytes apart.
 *
 * Rounding: B^T and A^T are additions and subtractions, G's halves exact, so the products differ from
 * direct convolution's only in their order and in the transforms' sums (bench/conv_rounding.js
 * measures both against float64).
 */
import {
  F32X4_ADD, F32X4_SUB, I32, V128_ZERO, I32_ADD, I32_GE_U, I32_MUL, V128, get, i32Const, ifThen, instantiateOn, lanes32, set, shuffle,
  v128Load, v128Load32Splat, v128Store, whileNot, type WasmFunction,
} from "./wasm_module";
import type { SimdConv } from "./simd_conv";

interface Exports {
  gradOut: Exports["input"];
  input(src: number, dst: number, tilesH: number, groups: number, srcRow: number, dstXi: number, channels: number, srcChannel: number, dstChannel: number, tileRow: number): void;
  output(src: number, dst: number, tilesH: number, groups: number, srcXi: number, dstRow: number, channels: number, srcChannel: number, dstChannel: number, bias: number, hasBias: number, tileRow: number): void;
}

const add = (local: number, value: number[]): number[] => [...get(local), ...value, I32_ADD, ...set(local)];
const EVEN = shuffle(lanes32([0, 2, 4, 6]));
const ODD = shuffle(lanes32([1, 3, 5, 7]));
const LOW = shuffle(lanes32([0, 4, 1, 5]));
const HIGH = shuffle(lanes32([2, 6, 3, 7]));
const XI = [...Array(16).keys()];

/** input's and gradOut's locals past their parameters (the same 10: see input). */
const [CH, TY, G, P, DP, ROW, DROW] = [10, 11, 12, 13, 14, 15, 16];

/** Stores `value` at xi's block of the tile at DP (`dx(xi)`: the local holding xi * dstXi). */
const storeXi = (dx: (xi: number) => number, xi: number, value: number[]): number[] => [...(xi === 0 ? get(DP) : [...get(DP), ...get(dx(xi)), I32_ADD]), ...value, ...v128Store()];

/**
 * input's and gradOut's loops over channels, tile rows and groups of four tiles: `groupBody` reads the
 * plane at P (rows param 4 bytes apart) and stores the group's 16 vectors from DP (storeXi).
 */
function tileLoops(dx: (xi: number) => number, groupBody: number[]): number[] {
  return [
    ...XI.slice(1).flatMap((xi) => [...get(5), ...i32Const(xi), I32_MUL, ...set(dx(xi))]),
    ...whileNot([...get(CH), ...get(6), I32_GE_U], [
      ...get(0), ...set(ROW),
      ...get(1), ...set(DROW),
      ...i32Const(0), ...set(TY),
      ...whileNot([...get(TY), ...get(2), I32_GE_U], [
        ...get(ROW), ...set(P),
        ...get(DROW), ...set(DP),
        ...i32Const(0), ...set(G),
        ...whileNot([...get(G), ...get(3), I32_GE_U], [
          ...groupBody,
          ...add(P, i32Const(32)),
          ...add(DP, i32Const(16)),
          ...add(G, i32Const(1)),
        ]),
        ...add(ROW, [...get(4), ...i32Const(2), I32_MUL]),
        ...add(DROW, get(9)),
        ...add(TY, i32Const(1)),
      ]),
      ...add(0, get(7)),
      ...add(1, get(8)),
      ...add(CH, i32Const(1)),
    ]),
  ];
}

/**
 * input: params src 0, dst 1, tilesH 2, groups 3, srcRow 4, dstXi 5, channels 6, srcChannel 7,
 * dstChannel 8, tileRow 9; locals ch 10, ty 11, g 12, p 13, dp 14, rowPtr 15, dstRow 16, srcRow * k
 * (k 1..3) 17-19, dstXi * xi (xi 1..15) 20-34; v128: the four rows 35-38, E[i][load] 39-54, the four
 * columns 55-58.
 * Loads at byte offsets 0, 16 (columns 0-7: c0 = even, c1 = odd lanes) and 8, 24 (columns 2-9: c2, c3).
 */
function inputCode(): number[] {
  const SR = (k: number): number => 16 + k;
  const DX = (xi: number): number => 19 + xi;
  const R = (k: number): number => 35 + k;
  const E = (i: number, l: number): number => 39 + 4 * i + l;
  const COL = (j: number): number => 55 + j;
  const rowAt = (k: number): number[] => (k === 0 ? get(P) : [...get(P), ...get(SR(k)), I32_ADD]);
  const OFFSETS = [0, 16, 8, 24];
  const combos = (a: number, b: number, c: number, d: number): number[][] => [
    [...get(a), ...get(c), ...F32X4_SUB], [...get(b), ...get(c), ...F32X4_ADD], [...get(c), ...get(b), ...F32X4_SUB], [...get(b), ...get(d), ...F32X4_SUB],
  ];
  const store = (xi: number, value: number[]): number[] => storeXi(DX, xi, value);
  return [
    ...[1, 2, 3].flatMap((k) => [...get(4), ...i32Const(k), I32_MUL, ...set(SR(k))]),
    ...tileLoops(DX, [
      ...OFFSETS.flatMap((offset, l) => [
        ...[0, 1, 2, 3].flatMap((k) => [...rowAt(k), ...v128Load(offset), ...set(R(k))]),
        ...combos(R(0), R(1), R(2), R(3)).flatMap((code, i) => [...code, ...set(E(i, l))]),
      ]),
      ...[0, 1, 2, 3].flatMap((i) => [
        ...get(E(i, 0)), ...get(E(i, 1)), ...EVEN, ...set(COL(0)),
        ...get(E(i, 0)), ...get(E(i, 1)), ...ODD, ...set(COL(1)),
        ...get(E(i, 2)), ...get(E(i, 3)), ...EVEN, ...set(COL(2)),
        ...get(E(i, 2)), ...get(E(i, 3)), ...ODD, ...set(COL(3)),
        ...combos(COL(0), COL(1), COL(2), COL(3)).flatMap((code, j) => store(4 * i + j, code)),
      ]),
    ]),
  ];
}

/**
 * output: params src 0, dst 1, tilesH 2, groups 3, srcXi 4, dstRow 5, channels 6, srcChannel 7,
 * dstChannel 8, bias 9, hasBias 10, tileRow 11; locals ch 12, ty 13, g 14, sp 15, dp 16, rowPtr 17,
 * srcRow 18, srcXi * xi (xi 1..15) 19-33; v128: two loads 34-35, t[a][j] 36-43, y[a][b] 44-47, the
 * bias 48.
 * t0j = (m0j + m1j) + m2j, t1j = (m1j - m2j) - m3j; y[a][0] = (ta0 + ta1) + ta2, y[a][1] = (ta1 - ta2) - ta3.
 */
function outputCode(): number[] {
  const [CH, TY, G, SP, DP, ROW, SROW] = [12, 13, 14, 15, 16, 17, 18];
  const SX = (xi: number): number => 18 + xi;
  const [LA, LB] = [34, 35];
  const T = (a: number, j: number): number => 36 + 4 * a + j;
  const Y = (a: number, b: number): number => 44 + 2 * a + b;
  const BV = 48;
  const load = (xi: number): number[] => [...(xi === 0 ? get(SP) : [...get(SP), ...get(SX(xi)), I32_ADD]), ...v128Load()];
  const rows = (out: (k: number) => number, v: (k: number) => number[]): number[] => [
    ...v(0), ...v(1), ...F32X4_ADD, ...v(2), ...F32X4_ADD, ...set(out(0)),
    ...v(1), ...v(2), ...F32X4_SUB, ...v(3), ...F32X4_SUB, ...set(out(1)),
  ];
  const rowStore = (a: number): number[] => {
    const at = a === 0 ? get(DP) : [...get(DP), ...get(5), I32_ADD];
    return [...at, ...get(Y(a, 0)), ...get(Y(a, 1)), ...LOW, ...v128Store(), ...at, ...get(Y(a, 0)), ...get(Y(a, 1)), ...HIGH, ...v128Store(16)];
  };
  return [
    ...XI.slice(1).flatMap((xi) => [...get(4), ...i32Const(xi), I32_MUL, ...set(SX(xi))]),
    ...whileNot([...get(CH), ...get(6), I32_GE_U], [
      ...get(10), ...ifThen([...get(9), ...v128Load32Splat(), ...set(BV)]),
      ...get(0), ...set(SROW),
      ...get(1), ...set(ROW),
      ...i32Const(0), ...set(TY),
      ...whileNot([...get(TY), ...get(2), I32_GE_U], [
        ...get(ROW), ...set(DP),
        ...get(SROW), ...set(SP),
        ...i32Const(0), ...set(G),
        ...whileNot([...get(G), ...get(3), I32_GE_U], [
          ...[0, 1, 2, 3].flatMap((j) => [
            ...load(4 + j), ...set(LA),
            ...load(8 + j), ...set(LB),
            ...rows((a) => T(a, j), (k) => (k === 1 ? get(LA) : k === 2 ? get(LB) : load(4 * k + j))),
          ]),
          ...[0, 1].flatMap((a) => rows((b) => Y(a, b), (k) => get(T(a, k)))),
          ...get(10), ...ifThen([0, 1].flatMap((a) => [0, 1].flatMap((b) => [...get(Y(a, b)), ...get(BV), ...F32X4_ADD, ...set(Y(a, b))]))),
          ...rowStore(0),
          ...rowStore(1),
          ...add(SP, i32Const(16)),
          ...add(DP, i32Const(32)),
          ...add(G, i32Const(1)),
        ]),
        ...add(ROW, [...get(5), ...i32Const(2), I32_MUL]),
        ...add(SROW, get(11)),
        ...add(TY, i32Const(1)),
      ]),
      ...add(0, get(7)),
      ...add(1, get(8)),
      ...add(9, i32Const(4)),
      ...add(CH, i32Const(1)),
    ]),
  ];
}

/**
 * gradOut: the weight gradient's transform of the output's gradient, Z = A dy A^T per tile (the adjoint
 * of output's A^T m A), from a zero-padded plane of 2 tilesH rows of 8 groups floats into Z[xi] laid
 * out as input lays out V. params as input's (src 0, dst 1, tilesH 2, groups 3, srcRow 4, dstXi 5,
 * channels 6, srcChannel 7, dstChannel 8, tileRow 9); locals ch 10, ty 11, g 12, p 13, dp 14,
 * rowPtr 15, dstRow 16, dstXi * xi (xi 1..15) 17-31; v128: dy[a][b] 32-35, r[i][b] 36-43.
 * r_i = (dy0, dy0 + dy1, dy0 - dy1, -dy1) by rows, then the same by columns.
 */
function gradOutCode(): number[] {
  const DX = (xi: number): number => 16 + xi;
  const D = (a: number, b: number): number => 32 + 2 * a + b;
  const R = (i: number, b: number): number => 36 + 2 * i + b;
  const combos = (first: number[], second: number[]): number[][] => [
    first, [...first, ...second, ...F32X4_ADD], [...first, ...second, ...F32X4_SUB], [...V128_ZERO, ...second, ...F32X4_SUB],
  ];
  const store = (xi: number, value: number[]): number[] => storeXi(DX, xi, value);
  const rowAt = (a: number): number[] => (a === 0 ? get(P) : [...get(P), ...get(4), I32_ADD]);
  return [
    ...tileLoops(DX, [
      ...[0, 1].flatMap((a) => [
        ...rowAt(a), ...v128Load(), ...rowAt(a), ...v128Load(16), ...EVEN, ...set(D(a, 0)),
        ...rowAt(a), ...v128Load(), ...rowAt(a), ...v128Load(16), ...ODD, ...set(D(a, 1)),
      ]),
      ...[0, 1].flatMap((b) => combos(get(D(0, b)), get(D(1, b))).flatMap((code, i) => [...code, ...set(R(i, b))])),
      ...[0, 1, 2, 3].flatMap((i) => combos(get(R(i, 0)), get(R(i, 1))).flatMap((code, j) => store(4 * i + j, code))),
    ]),
  ];
}

function functions(): WasmFunction[] {
  return [
    { name: "input", params: new Array<number>(10).fill(I32), results: [], locals: [...new Array<number>(25).fill(I32), ...new Array<number>(24).fill(V128)], code: inputCode() },
    { name: "output", params: new Array<number>(12).fill(I32), results: [], locals: [...new Array<number>(22).fill(I32), ...new Array<number>(15).fill(V128)], code: outputCode() },
    { name: "gradOut", params: new Array<number>(10).fill(I32), results: [], locals: [...new Array<number>(22).fill(I32), ...new Array<number>(12).fill(V128)], code: gradOutCode() },
  ];
}

/** The transforms on `backend`'s memory (built once per memory), or null where unavailable. */
function transforms(backend: unknown): Exports | null {
  return instantiateOn<Exports>(backend, "winograd", functions);
}

/**
 * On by default; TORCHLAB_WINOGRAD=0 turns it off (every 3x3 convolution runs direct). Its rounding
 * differs from direct convolution's. Where a port amplifies rounding, the value it moves lands inside
 * what PyTorch itself prints when only its convolutions' summation order changes: wz_classification's
 * resnet34 after two Adam steps prints 1.1833 (direct convolution 1.1839, PyTorch 1.1841, its own
 * spread 1.1824 to 1.1846: test/reference/gen_wz_spread.py); d2lzh_cv_nlp's scratch resnet18 (SGD at
 * lr 0.1, two steps) prints a second loss of 3.8546 (direct 3.8500), where PyTorch printed 3.8501 and
 * prints 3.8546 in 6 of the 16 orders of test/reference/gen_d2lzh_spread.py.
 */
let enabled = process.env.TORCHLAB_WINOGRAD !== "0";

/**
 * Turns Winograd on (true) or off (false: every 3x3 convolution runs direct; the benchmarks and the
 * rounding comparison run both in one build); returns the previous setting. Also TORCHLAB_WINOGRAD=0 / 1.
 */
export function setWinograd(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}

/**
 * Whether Winograd runs a 3x3 stride-1 convolution of shape `s` on `backend`: where its transforms
 * cost less than the products they save and the heap runs its loops. Measured (process CPU, 1 thread,
 * forward and input gradient, against direct convolution): 8 channels about even ([8, 8, 30, 30]),
 * 16 -> 32 at 32x32, batch 32, 3x faster, the Net's conv2 1.4-1.7x; 256 -> 256 at 4x4, batch 2 (8
 * tiles) 4x slower: the filters' transform (~40 ns a filter) costs more than 8 tiles save.
 */
export function winogradPays(backend: unknown, s: WinogradShape): boolean {
  const tiles = s.n * Math.ceil(s.ho / 2) * Math.ceil(s.wo / 2);
  return enabled && s.cin >= MIN_CHANNELS && s.cout >= MIN_CHANNELS && tiles >= MIN_TILES && transforms(backend) !== null;
}
const MIN_CHANNELS = 16;
const MIN_TILES = 64;

/**
 * A 3x3 stride-1 convolution's geometry: input [n, cin, h, w] with `top` / `left` zero rows and
 * columns before it, output [n, cout, ho, wo].
 */
export interface WinogradShape {
  n: number;
  cin: number;
  h: number;
  w: number;
  cout: number;
  ho: number;
  wo: number;
  top: number;
  left: number;
}

/** Bytes of one round's [cin, tiles] block of V for one xi (see layout). */
const ROUND_BYTES = 65536;

/**
 * Tiles per sample (ceil(ho / 2) rows of ceil(wo / 2), one after another: no tile computed past a
 * row's end, where groups of four tiles a row would pad the Net's 7 to 8), the padded planes, the
 * samples whose tiles one round of products covers and the floats between V's (and M's) xi blocks.
 */
function layout(s: WinogradShape) {
  const tilesH = Math.ceil(s.ho / 2);
  const tilesW = Math.ceil(s.wo / 2);
  const groups = Math.ceil(tilesW / 4);
  const perSample = tilesH * tilesW;
  // Rows and columns read by the last tiles (a group of four reads 10 columns): zeros past the input.
  const planeH = Math.max(2 * tilesH + 2, s.top + s.h);
  const planeW = Math.max(8 * groups + 2, s.left + s.w);
  // A row's last group also writes (and reads) up to 3 tiles past it, into the next row's tiles
  // (written after it) or, after a round's last row, 3 floats of slack. A round's [cin, tiles] block
  // of V for one xi within ROUND_BYTES (gemm reads it once per pair of output channels; measured
  // 43-50 GFLOP/s from 64 to 800 tiles), of the sample count that pads least (the Net's conv2: 49
  // tiles a sample, 9 samples 448 tiles for 441).
  const most = Math.max(1, Math.min(s.n, Math.floor(ROUND_BYTES / (4 * s.cin * perSample))));
  const padded = (k: number): number => Math.ceil((k * perSample + 3) / 16) * 16;
  let samples = most;
  for (let k = most - 1; k >= 1; k--) if (padded(k) / k < padded(samples) / samples) samples = k;
  const tiles = padded(samples);
  // xi blocks 16 floats more than a multiple of the rows apart: 16 blocks a multiple of 4 KiB apart
  // share L1 sets (the input transform of 64 channels at 112 tiles a row ran 10x slower).
  return { tilesH, tilesW, groups, perSample, planeH, planeW, samples, tiles, vXi: s.cin * tiles + 16, mXi: s.cout * tiles + 16 };
}

/** Floats of the heap scratch arrays winogradConv takes, in its order (plane, V, M, out plane, U). */
export function winogradScratch(s: WinogradShape): number[] {
  const l = layout(s);
  return [s.cin * l.planeH * l.planeW, 16 * l.vXi, 16 * l.mXi, s.cout * 2 * l.tilesH * 8 * l.groups, 16 * s.cout * s.cin];
}

/**
 * G g G^T of each 3x3 filter into u[xi][o][c] (xi = 4 row + column of the 4x4 result), from weights
 * [O, C, 3, 3] read as filter (o, c); with `flip` as the input gradient's filter (o, c) = weight (c, o)
 * turned by 180 degrees. In float64, rounded once.
 */
export function winogradWeights(ws: Float32Array, o: number, c: number, flip: boolean, u: Float32Array): void {
  const cout = flip ? c : o, cin = flip ? o : c;
  const xi = cout * cin;
  const t = new Float64Array(12);
  for (let oc = 0; oc < cout; oc++) {
    for (let ic = 0; ic < cin; ic++) {
      const base = flip ? (ic * c + oc) * 9 : (oc * c + ic) * 9;
      // t = G g: rows g0, (g0 + g1 + g2) / 2, (g0 - g1 + g2) / 2, g2 (g's rows turned with `flip`).
      for (let j = 0; j < 3; j++) {
        const g0 = flip ? ws[base + 8 - j] : ws[base + j];
        const g1 = flip ? ws[base + 5 - j] : ws[base + 3 + j];
        const g2 = flip ? ws[base + 2 - j] : ws[base + 6 + j];
        t[j] = g0; t[3 + j] = (g0 + g1 + g2) / 2; t[6 + j] = (g0 - g1 + g2) / 2; t[9 + j] = g2;
      }
      // u = t G^T, row by row.
      for (let i = 0, at = oc * cin + ic; i < 4; i++, at += 4 * xi) {
        const a = t[3 * i], b = t[3 * i + 1], d = t[3 * i + 2];
        u[at] = a; u[at + xi] = (a + b + d) / 2; u[at + 2 * xi] = (a - b + d) / 2; u[at + 3 * xi] = d;
      }
    }
  }
}

/**
 * y = the convolution of xs (NCHW, shape s) with the transformed filters u (winogradWeights), plus
 * `bias` when given, written over ys [n, cout, ho, wo]; `scratch` as winogradScratch sizes it. Only
 * where winogradPays.
 */
export function winogradConv(simd: SimdConv, backend: unknown, xs: Float32Array, s: WinogradShape, u: Float32Array, bias: Float32Array | null, ys: Float32Array, scratch: Float32Array[]): void {
  const e = transforms(backend) as Exports;
  const l = layout(s);
  const [plane, v, m, outPlane] = scratch;
  plane.fill(0);
  const planeBytes = 4 * l.planeH * l.planeW;
  const outRow = 4 * 8 * l.groups;
  const outBytes = outRow * 2 * l.tilesH;
  const xBytes = 4 * s.w, yBytes = 4 * s.wo;
  for (let b0 = 0; b0 < s.n; b0 += l.samples) {
    const count = Math.min(l.samples, s.n - b0);
    for (let k = 0; k < count; k++) {
      const into = plane.byteOffset + 4 * (s.top * l.planeW + s.left);
      simd.gather(xs.byteOffset + 4 * (b0 + k) * s.cin * s.h * s.w, into, s.h, xBytes, 4 * l.planeW, xBytes & ~15, xBytes, 4, 1, 0, 0, s.cin, 4 * s.h * s.w, planeBytes);
      e.input(plane.byteOffset, v.byteOffset + 4 * k * l.perSample, l.tilesH, l.groups, 4 * l.planeW, 4 * l.vXi, s.cin, planeBytes, 4 * l.tiles, 4 * l.tilesW);
    }
    for (let xi = 0; xi < 16; xi++) {
      simd.gemm(m.byteOffset + 4 * xi * l.mXi, u.byteOffset + 4 * xi * s.cout * s.cin, 4 * s.cin, 4, v.byteOffset + 4 * xi * l.vXi, s.cout, s.cin, l.tiles, true);
    }
    for (let k = 0; k < count; k++) {
      e.output(m.byteOffset + 4 * k * l.perSample, outPlane.byteOffset, l.tilesH, l.groups, 4 * l.mXi, outRow, s.cout, 4 * l.tiles, outBytes, bias?.byteOffset ?? 0, bias === null ? 0 : 1, 4 * l.tilesW);
      simd.gather(outPlane.byteOffset, ys.byteOffset + 4 * (b0 + k) * s.cout * s.ho * s.wo, s.ho, outRow, yBytes, yBytes & ~15, yBytes, 4, 1, 0, 0, s.cout, outBytes, 4 * s.ho * s.wo);
    }
  }
}

/**
 * The weight gradient of the convolution of xs (shape s) whose output's gradient is gs: dU[xi][o][c] =
 * sum over tiles of Z[xi][o][t] V[xi][c][t] (simd_conv.ts's rowsDot, V as the forward transforms x, Z
 * the adjoint of its output transform), then dW = G^T dU G per filter (in float64, rounded once),
 * written over dws [cout, cin, 3, 3]. `scratch` as winogradScratch sizes it.
 */
export function winogradWeightGrad(simd: SimdConv, backend: unknown, xs: Float32Array, gs: Float32Array, s: WinogradShape, dws: Float32Array, scratch: Float32Array[]): void {
  const e = transforms(backend) as Exports;
  const l = layout(s);
  const [plane, v, z, gPlane, du] = scratch;
  plane.fill(0);
  gPlane.fill(0);
  du.fill(0);
  const planeBytes = 4 * l.planeH * l.planeW;
  const gRow = 4 * 8 * l.groups;
  const gBytes = gRow * 2 * l.tilesH;
  const xBytes = 4 * s.w, yBytes = 4 * s.wo;
  for (let b0 = 0; b0 < s.n; b0 += l.samples) {
    const count = Math.min(l.samples, s.n - b0);
    // Tiles past this round's samples add products: zeros there (a short last round leaves old ones).
    if (b0 === 0 || count < l.samples) {
      v.fill(0);
      z.fill(0);
    }
    for (let k = 0; k < count; k++) {
      const into = plane.byteOffset + 4 * (s.top * l.planeW + s.left);
      simd.gather(xs.byteOffset + 4 * (b0 + k) * s.cin * s.h * s.w, into, s.h, xBytes, 4 * l.planeW, xBytes & ~15, xBytes, 4, 1, 0, 0, s.cin, 4 * s.h * s.w, planeBytes);
      e.input(plane.byteOffset, v.byteOffset + 4 * k * l.perSample, l.tilesH, l.groups, 4 * l.planeW, 4 * l.vXi, s.cin, planeBytes, 4 * l.tiles, 4 * l.tilesW);
      simd.gather(gs.byteOffset + 4 * (b0 + k) * s.cout * s.ho * s.wo, gPlane.byteOffset, s.ho, yBytes, gRow, yBytes & ~15, yBytes, 4, 1, 0, 0, s.cout, 4 * s.ho * s.wo, gBytes);
      e.gradOut(gPlane.byteOffset, z.byteOffset + 4 * k * l.perSample, l.tilesH, l.groups, gRow, 4 * l.mXi, s.cout, gBytes, 4 * l.tiles, 4 * l.tilesW);
    }
    // The last group of a round's last tile row writes 1-3 tiles past it: products of zeros in Z.
    const end = count * l.perSample;
    for (let r = 0; r < 16 * s.cout; r++) z.fill(0, Math.floor(r / s.cout) * l.mXi + (r % s.cout) * l.tiles + end, Math.floor(r / s.cout) * l.mXi + (r % s.cout + 1) * l.tiles);
    for (let xi = 0; xi < 16; xi++) {
      simd.rowsDot(du.byteOffset + 4 * xi * s.cout * s.cin, z.byteOffset + 4 * xi * l.mXi, v.byteOffset + 4 * xi * l.vXi, s.cout, s.cin, l.tiles);
    }
  }
  const xi = s.cout * s.cin;
  const t = new Float64Array(12);
  for (let f = 0; f < xi; f++) {
    // t = G^T dU (3 x 4): rows dU0 + (dU1 + dU2) / 2, (dU1 - dU2) / 2, (dU1 + dU2) / 2 + dU3.
    for (let j = 0; j < 4; j++) {
      const u0 = du[j * xi + f], u1 = du[(4 + j) * xi + f], u2 = du[(8 + j) * xi + f], u3 = du[(12 + j) * xi + f];
      t[j] = u0 + (u1 + u2) / 2; t[4 + j] = (u1 - u2) / 2; t[8 + j] = (u1 + u2) / 2 + u3;
    }
    // dW = t G, row by row.
    for (let k = 0; k < 3; k++) {
      const a = t[4 * k], b = t[4 * k + 1], c = t[4 * k + 2], d = t[4 * k + 3];
      dws[9 * f + 3 * k] = a + (b + c) / 2; dws[9 * f + 3 * k + 1] = (b - c) / 2; dws[9 * f + 3 * k + 2] = (b + c) / 2 + d;
    }
  }
}
