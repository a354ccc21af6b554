/**
 * Winograd F(2x2, 3x3) for 3x3 stride-1 convolutions (dilation 1, groups 1) on the wasm heap, for
 * js_kernels.ts's NCHW kernels: the forward and the input gradient (a 3x3 stride-1 convolution of the
 * gradient with the flipped, transposed kernel). Each 2x2 block of outputs (a tile) reads a 4x4 patch
 * d of the zero-padded input and is A^T [(G g G^T) . (B^T d B)] A: the 16 products per tile and
 * channel pair, against 36 for direct convolution, become 16 matrix products (one per position xi
 * of the 4x4 transformed tile) of [out channels, in channels] by [in channels, tiles], run by
 * simd_conv.ts's register-blocked gemm. The transforms are WebAssembly SIMD loops over four tiles of a
 * tile row at a time (lanes = tiles):
 *
 *   input(src, dst, tilesH, groups, srcRow, dstXi, channels, srcChannel, dstChannel): for each channel,
 *       the padded plane at src (rows srcRow bytes apart; tile (ty, tx) at row 2 ty, column 2 tx) ->
 *       V[xi] at dst + xi * dstXi, tile (ty, tx) at float ty * 4 groups + tx; B^T d B by rows, then
 *       columns (even and odd lanes of two loads per column pair).
 *   output(src, dst, tilesH, groups, srcXi, dstRow, channels, srcChannel, dstChannel, bias, hasBias):
 *       its inverse layout: M[xi] at src + xi * srcXi -> A^T m A (+ the channel's bias) as 2x2 blocks
 *       of a plane of 2 tilesH rows of 8 groups floats, dstRow bytes apart.
 *
 * Rounding: B^T and A^T are additions and subtractions, G's halves exact, so the products differ from
 * direct convolution's only in their order and in the transforms' sums (bench/conv_rounding.js
 * measures both against float64).
 */
import {
  F32X4_ADD, F32X4_SUB, I32, I32_ADD, I32_GE_U, I32_MUL, V128, get, i32Const, ifThen, instantiateOn, lanes32, set, shuffle,
  v128Load, v128Load32Splat, v128Store, whileNot, type WasmFunction,
} from "./wasm_module";
import type { SimdConv } from "./simd_conv";

type Transform = (src: number, dst: number, tilesH: number, groups: number, srcStep: number, dstStep: number, channels: number, srcChannel: number, dstChannel: number) => void;

interface Exports {
  input: Transform;
  output(src: number, dst: number, tilesH: number, groups: number, srcXi: number, dstRow: number, channels: number, srcChannel: number, dstChannel: number, bias: number, hasBias: number): void;
}

const add = (local: number, value: number[]): number[] => [...get(local), ...value, I32_ADD, ...set(local)];
const EVEN = shuffle(lanes32([0, 2, 4, 6]));
const ODD = shuffle(lanes32([1, 3, 5, 7]));
const LOW = shuffle(lanes32([0, 4, 1, 5]));
const HIGH = shuffle(lanes32([2, 6, 3, 7]));
const XI = [...Array(16).keys()];

/**
 * input: params src 0, dst 1, tilesH 2, groups 3, srcRow 4, dstXi 5, channels 6, srcChannel 7,
 * dstChannel 8; locals ch 9, ty 10, g 11, p 12, dp 13, rowPtr 14, srcRow * k (k 1..3) 15-17,
 * dstXi * xi (xi 1..15) 18-32; v128: the four rows 33-36, E[i][load] 37-52, the four columns 53-56.
 * Loads at byte offsets 0, 16 (columns 0-7: c0 = even, c1 = odd lanes) and 8, 24 (columns 2-9: c2, c3).
 */
function inputCode(): number[] {
  const [CH, TY, G, P, DP, ROW] = [9, 10, 11, 12, 13, 14];
  const SR = (k: number): number => 14 + k;
  const DX = (xi: number): number => 17 + xi;
  const R = (k: number): number => 33 + k;
  const E = (i: number, l: number): number => 37 + 4 * i + l;
  const COL = (j: number): number => 53 + j;
  const rowAt = (k: number): number[] => (k === 0 ? get(P) : [...get(P), ...get(SR(k)), I32_ADD]);
  const OFFSETS = [0, 16, 8, 24];
  const combos = (a: number, b: number, c: number, d: number): number[][] => [
    [...get(a), ...get(c), ...F32X4_SUB], [...get(b), ...get(c), ...F32X4_ADD], [...get(c), ...get(b), ...F32X4_SUB], [...get(b), ...get(d), ...F32X4_SUB],
  ];
  const store = (xi: number, value: number[]): number[] => [...(xi === 0 ? get(DP) : [...get(DP), ...get(DX(xi)), I32_ADD]), ...value, ...v128Store()];
  return [
    ...[1, 2, 3].flatMap((k) => [...get(4), ...i32Const(k), I32_MUL, ...set(SR(k))]),
    ...XI.slice(1).flatMap((xi) => [...get(5), ...i32Const(xi), I32_MUL, ...set(DX(xi))]),
    ...whileNot([...get(CH), ...get(6), I32_GE_U], [
      ...get(0), ...set(ROW),
      ...get(1), ...set(DP),
      ...i32Const(0), ...set(TY),
      ...whileNot([...get(TY), ...get(2), I32_GE_U], [
        ...get(ROW), ...set(P),
        ...i32Const(0), ...set(G),
        ...whileNot([...get(G), ...get(3), I32_GE_U], [
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
          ...add(P, i32Const(32)),
          ...add(DP, i32Const(16)),
          ...add(G, i32Const(1)),
        ]),
        ...add(ROW, [...get(4), ...i32Const(2), I32_MUL]),
        ...add(TY, i32Const(1)),
      ]),
      ...add(0, get(7)),
      ...add(1, get(8)),
      ...add(CH, i32Const(1)),
    ]),
  ];
}

/**
 * output: params src 0, dst 1, tilesH 2, groups 3, srcXi 4, dstRow 5, channels 6, srcChannel 7,
 * dstChannel 8, bias 9, hasBias 10; locals ch 11, ty 12, g 13, sp 14, dp 15, rowPtr 16, srcXi * xi
 * (xi 1..15) 17-31; v128: two loads 32-33, t[a][j] 34-41, y[a][b] 42-45, the bias 46.
 * t0j = (m0j + m1j) + m2j, t1j = (m1j - m2j) - m3j; y[a][0] = (ta0 + ta1) + ta2, y[a][1] = (ta1 - ta2) - ta3.
 */
function outputCode(): number[] {
  const [CH, TY, G, SP, DP, ROW] = [11, 12, 13, 14, 15, 16];
  const SX = (xi: number): number => 16 + xi;
  const [LA, LB] = [32, 33];
  const T = (a: number, j: number): number => 34 + 4 * a + j;
  const Y = (a: number, b: number): number => 42 + 2 * a + b;
  const BV = 46;
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
      ...get(0), ...set(SP),
      ...get(1), ...set(ROW),
      ...i32Const(0), ...set(TY),
      ...whileNot([...get(TY), ...get(2), I32_GE_U], [
        ...get(ROW), ...set(DP),
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
        ...add(TY, i32Const(1)),
      ]),
      ...add(0, get(7)),
      ...add(1, get(8)),
      ...add(9, i32Const(4)),
      ...add(CH, i32Const(1)),
    ]),
  ];
}

function functions(): WasmFunction[] {
  return [
    { name: "input", params: new Array<number>(9).fill(I32), results: [], locals: [...new Array<number>(24).fill(I32), ...new Array<number>(24).fill(V128)], code: inputCode() },
    { name: "output", params: new Array<number>(11).fill(I32), results: [], locals: [...new Array<number>(21).fill(I32), ...new Array<number>(15).fill(V128)], code: outputCode() },
  ];
}

/** The transforms on `backend`'s memory (built once per memory), or null where unavailable. */
function transforms(backend: unknown): Exports | null {
  return instantiateOn<Exports>(backend, "winograd", functions);
}

const WINOGRAD_ENV = process.env.TORCHLAB_WINOGRAD;
let enabled = WINOGRAD_ENV !== "0";

/**
 * Turns Winograd off (false: every 3x3 convolution runs direct, as before it; the benchmarks and the
 * rounding comparison run both in one build) or back on; returns the previous setting. Also
 * TORCHLAB_WINOGRAD=0.
 */
export function setWinograd(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}

/**
 * Whether Winograd runs a 3x3 stride-1 convolution of shape `s` on `backend`: where its transforms
 * cost less than the products they save (MIN_CHANNELS, measured) and the heap runs its loops.
 */
export function winogradPays(backend: unknown, s: WinogradShape): boolean {
  return enabled && s.cin >= MIN_CHANNELS && s.cout >= MIN_CHANNELS && transforms(backend) !== null;
}
const MIN_CHANNELS = 8;

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

/** Tiles per sample, the padded plane and the samples whose tiles one round of products covers. */
function layout(s: WinogradShape) {
  const tilesH = Math.ceil(s.ho / 2);
  const groups = Math.ceil(s.wo / 8);
  const tilesW = 4 * groups;
  const perSample = tilesH * tilesW;
  // Rows and columns read by the last tiles (a group of four reads 10 columns): zeros past the input.
  const planeH = Math.max(2 * tilesH + 2, s.top + s.h);
  const planeW = Math.max(2 * tilesW + 2, s.left + s.w);
  // About 256 tiles a round: one xi's [cin, tiles] block of V stays in cache across gemm's rows.
  const samples = Math.max(1, Math.min(s.n, Math.floor(256 / perSample)));
  const tiles = Math.ceil((samples * perSample) / 16) * 16;
  return { tilesH, groups, tilesW, perSample, planeH, planeW, samples, tiles };
}

/** Floats of the heap scratch arrays winogradConv takes, in its order (plane, V, M, out plane, U). */
export function winogradScratch(s: WinogradShape): number[] {
  const l = layout(s);
  return [s.cin * l.planeH * l.planeW, 16 * s.cin * l.tiles, 16 * s.cout * l.tiles, s.cout * 4 * l.tilesH * l.groups * 8, 16 * s.cout * s.cin];
}

/**
 * G g G^T of each 3x3 filter into u[xi][o][c] (xi = 4 row + column of the 4x4 result), from weights
 * [O, C, 3, 3] read as filter (o, c); with `flip` as the input gradient's filter (o, c) = weight (c, o)
 * turned by 180 degrees. In float64, rounded once.
 */
export function winogradWeights(ws: Float32Array, o: number, c: number, flip: boolean, u: Float32Array): void {
  const g = new Float64Array(9), t = new Float64Array(12);
  const cout = flip ? c : o, cin = flip ? o : c;
  for (let oc = 0; oc < cout; oc++) {
    for (let ic = 0; ic < cin; ic++) {
      const base = flip ? (ic * c + oc) * 9 : (oc * c + ic) * 9;
      for (let k = 0; k < 9; k++) g[k] = ws[base + (flip ? 8 - k : k)];
      // t = G g: rows g0, (g0 + g1 + g2) / 2, (g0 - g1 + g2) / 2, g2 (per column j).
      for (let j = 0; j < 3; j++) {
        const [a, b, d] = [g[j], g[3 + j], g[6 + j]];
        t[j] = a; t[3 + j] = (a + b + d) / 2; t[6 + j] = (a - b + d) / 2; t[9 + j] = d;
      }
      for (let i = 0; i < 4; i++) {
        const [a, b, d] = [t[3 * i], t[3 * i + 1], t[3 * i + 2]];
        const at = (j: number): number => (4 * i + j) * cout * cin + oc * cin + ic;
        u[at(0)] = a; u[at(1)] = (a + b + d) / 2; u[at(2)] = (a - b + d) / 2; u[at(3)] = d;
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
  const outRow = 4 * 2 * l.tilesW;
  const outBytes = outRow * 2 * l.tilesH;
  const vXi = 4 * s.cin * l.tiles, mXi = 4 * s.cout * l.tiles;
  for (let b0 = 0; b0 < s.n; b0 += l.samples) {
    const count = Math.min(l.samples, s.n - b0);
    for (let k = 0; k < count; k++) {
      const xBytes = 4 * s.w;
      const into = plane.byteOffset + 4 * (s.top * l.planeW + s.left);
      simd.gather(xs.byteOffset + 4 * (b0 + k) * s.cin * s.h * s.w, into, s.h, xBytes, 4 * l.planeW, xBytes & ~15, xBytes, 4, 1, 0, 0, s.cin, 4 * s.h * s.w, planeBytes);
      e.input(plane.byteOffset, v.byteOffset + 4 * k * l.perSample, l.tilesH, l.groups, 4 * l.planeW, vXi, s.cin, planeBytes, 4 * l.tiles);
    }
    for (let xi = 0; xi < 16; xi++) {
      simd.gemm(m.byteOffset + xi * mXi, u.byteOffset + 4 * xi * s.cout * s.cin, 4 * s.cin, 4, v.byteOffset + xi * vXi, s.cout, s.cin, l.tiles, true);
    }
    for (let k = 0; k < count; k++) {
      e.output(m.byteOffset + 4 * k * l.perSample, outPlane.byteOffset, l.tilesH, l.groups, mXi, outRow, s.cout, 4 * l.tiles, outBytes, bias?.byteOffset ?? 0, bias === null ? 0 : 1);
      const yBytes = 4 * s.wo;
      simd.gather(outPlane.byteOffset, ys.byteOffset + 4 * (b0 + k) * s.cout * s.ho * s.wo, s.ho, outRow, yBytes, yBytes & ~15, yBytes, 4, 1, 0, 0, s.cout, outBytes, 4 * s.ho * s.wo);
    }
  }
}
