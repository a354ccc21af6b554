/**
 * F.linear at a small batch as WebAssembly SIMD loops on the wasm backend's memory: the forward
 * x W^T + b and the weight and bias gradients, each in one kernel call (js_kernels.ts's TorchlabLinear
 * and TorchlabLinearGrads). At batch 4 (the "training a classifier" tutorial's net) XNNPACK's product
 * needs a Transpose, a Reshape and a bias add around it, and the backward a Sum, a Transpose and a
 * second product: seven kernel calls per layer whose dispatch costs more than the 0.2 M multiply-adds.
 * The loops keep the bits of js_kernels.ts's scalar loops (no fused multiply-add in wasm SIMD; each
 * float32 product and sum rounded as the scalar loop rounds it):
 *
 *   linear(x, w, bias, y, n, k, p):  y[b, o] = bias[o] + s, s the dot product of row b of x [n, k]
 *       and row o of w [p, k] in four partial sums (element j into sum j % 4) over the first k & ~3
 *       elements, added as (s0 + s1) + (s2 + s3), then the last 1-3 products one by one.
 *   linearGrads(g, x, dw, db, n, k, p, bias): dw[o, j] = sum over b of g[b, o] * x[b, j] (b in order,
 *       from +0), and with `bias` db[o] = sum over b of g[b, o]: g [n, p], x [n, k], dw [p, k], db [p].
 *   linearInputGrad(g, w, gx, n, k, p): gx[b, j] += g[b, o] * w[o, j] for o in order (gx [n, k] holds
 *       zeros on entry; w [p, k]), each row of w read once for the whole batch.
 *
 * Pointers are byte offsets into the memory.
 */
import {
  F32, F32_ADD, F32_MUL, F32X4_ADD, F32X4_MUL, F32X4_SPLAT, I32, I32_ADD, I32_AND, I32_GE_U, I32_MUL, V128, V128_ZERO, f32Const, f32Load, f32Store,
  f32x4ExtractLane, get, i32Const, ifThen, instantiateOn, set, v128Load, v128Store, whileNot, type WasmFunction,
} from "./wasm_module";

export interface SimdLinear {
  linear(x: number, w: number, bias: number, y: number, n: number, k: number, p: number): void;
  linearGrads(g: number, x: number, dw: number, db: number, n: number, k: number, p: number, bias: number): void;
  linearInputGrad(g: number, w: number, gx: number, n: number, k: number, p: number): void;
}

const add = (local: number, value: number[]): number[] => [...get(local), ...value, I32_ADD, ...set(local)];
const bytes = (count: number): number[] => [...get(count), ...i32Const(4), I32_MUL];

function linearCode(): number[] {
  // params: x 0, w 1, bias 2, y 3, n 4, k 5, p 6; locals: o 7, b 8, j 9, xRow 10, wRow 11, acc 12 (v128),
  // s 13 (f32), kb4 14, kb 15, yPtr 16.
  const [O, B, J, XROW, WROW, ACC, S, KB4, KB, YPTR] = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
  const lane = (l: number): number[] => [...get(ACC), ...f32x4ExtractLane(l)];
  return [
    ...bytes(5), ...set(KB),
    ...get(KB), ...i32Const(-16), I32_AND, ...set(KB4),
    ...get(1), ...set(WROW),
    ...whileNot([...get(O), ...get(6), I32_GE_U], [
      ...get(0), ...set(XROW),
      ...get(3), ...get(O), ...i32Const(4), I32_MUL, I32_ADD, ...set(YPTR),
      ...i32Const(0), ...set(B),
      ...whileNot([...get(B), ...get(4), I32_GE_U], [
        ...V128_ZERO, ...set(ACC),
        ...i32Const(0), ...set(J),
        ...whileNot([...get(J), ...get(KB4), I32_GE_U], [
          ...get(ACC), ...get(XROW), ...get(J), I32_ADD, ...v128Load(), ...get(WROW), ...get(J), I32_ADD, ...v128Load(), ...F32X4_MUL, ...F32X4_ADD, ...set(ACC),
          ...add(J, i32Const(16)),
        ]),
        ...lane(0), ...lane(1), F32_ADD, ...lane(2), ...lane(3), F32_ADD, F32_ADD, ...set(S),
        ...whileNot([...get(J), ...get(KB), I32_GE_U], [
          ...get(S), ...get(XROW), ...get(J), I32_ADD, ...f32Load(), ...get(WROW), ...get(J), I32_ADD, ...f32Load(), F32_MUL, F32_ADD, ...set(S),
          ...add(J, i32Const(4)),
        ]),
        ...get(YPTR), ...get(2), ...get(O), ...i32Const(4), I32_MUL, I32_ADD, ...f32Load(), ...get(S), F32_ADD, ...f32Store(),
        ...add(YPTR, bytes(6)),
        ...add(XROW, get(KB)),
        ...add(B, i32Const(1)),
      ]),
      ...add(WROW, get(KB)),
      ...add(O, i32Const(1)),
    ]),
  ];
}

function gradsCode(): number[] {
  // params: g 0, x 1, dw 2, db 3, n 4, k 5, p 6, bias 7; locals: o 8, b 9, j 10, gPtr 11, xPtr 12,
  // dwRow 13, acc 14 (v128), s 15 (f32), kb4 16, kb 17, pb 18.
  const [O, B, J, GPTR, XPTR, DWROW, ACC, S, KB4, KB, PB] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];
  // b = 0, gPtr = g + 4 o, xPtr = x + start; then `body` for each b, stepping gPtr by a row of g and xPtr by a row of x.
  const overBatch = (start: number[], body: number[]): number[] => [
    ...i32Const(0), ...set(B),
    ...get(0), ...get(O), ...i32Const(4), I32_MUL, I32_ADD, ...set(GPTR),
    ...start, ...set(XPTR),
    ...whileNot([...get(B), ...get(4), I32_GE_U], [...body, ...add(GPTR, get(PB)), ...add(XPTR, get(KB)), ...add(B, i32Const(1))]),
  ];
  return [
    ...bytes(5), ...set(KB),
    ...get(KB), ...i32Const(-16), I32_AND, ...set(KB4),
    ...bytes(6), ...set(PB),
    ...get(2), ...set(DWROW),
    ...whileNot([...get(O), ...get(6), I32_GE_U], [
      ...i32Const(0), ...set(J),
      ...whileNot([...get(J), ...get(KB4), I32_GE_U], [
        ...V128_ZERO, ...set(ACC),
        ...overBatch([...get(1), ...get(J), I32_ADD], [
          ...get(ACC), ...get(GPTR), ...f32Load(), ...F32X4_SPLAT, ...get(XPTR), ...v128Load(), ...F32X4_MUL, ...F32X4_ADD, ...set(ACC),
        ]),
        ...get(DWROW), ...get(J), I32_ADD, ...get(ACC), ...v128Store(),
        ...add(J, i32Const(16)),
      ]),
      ...whileNot([...get(J), ...get(KB), I32_GE_U], [
        ...f32Const(0), ...set(S),
        ...overBatch([...get(1), ...get(J), I32_ADD], [...get(S), ...get(GPTR), ...f32Load(), ...get(XPTR), ...f32Load(), F32_MUL, F32_ADD, ...set(S)]),
        ...get(DWROW), ...get(J), I32_ADD, ...get(S), ...f32Store(),
        ...add(J, i32Const(4)),
      ]),
      ...get(7),
      ...ifThen([
        ...f32Const(0), ...set(S),
        ...overBatch(get(1), [...get(S), ...get(GPTR), ...f32Load(), F32_ADD, ...set(S)]),
        ...get(3), ...get(O), ...i32Const(4), I32_MUL, I32_ADD, ...get(S), ...f32Store(),
      ]),
      ...add(DWROW, get(KB)),
      ...add(O, i32Const(1)),
    ]),
  ];
}

function inputGradCode(): number[] {
  // params: g 0, w 1, gx 2 (zeros), n 3, k 4, p 5; locals: o 6, b 7, j 8, wRow 9, gxRow 10, gv 11 (v128),
  // gs 12 (f32), kb4 13, kb 14.
  const [O, B, J, WROW, GXROW, GV, GS, KB4, KB] = [6, 7, 8, 9, 10, 11, 12, 13, 14];
  return [
    ...bytes(4), ...set(KB),
    ...get(KB), ...i32Const(-16), I32_AND, ...set(KB4),
    ...get(1), ...set(WROW),
    ...whileNot([...get(O), ...get(5), I32_GE_U], [
      ...get(2), ...set(GXROW),
      ...i32Const(0), ...set(B),
      ...whileNot([...get(B), ...get(3), I32_GE_U], [
        ...get(0), ...get(B), ...get(5), I32_MUL, ...get(O), I32_ADD, ...i32Const(4), I32_MUL, I32_ADD, ...f32Load(), ...set(GS),
        ...get(GS), ...F32X4_SPLAT, ...set(GV),
        ...i32Const(0), ...set(J),
        ...whileNot([...get(J), ...get(KB4), I32_GE_U], [
          ...get(GXROW), ...get(J), I32_ADD,
          ...get(GXROW), ...get(J), I32_ADD, ...v128Load(), ...get(GV), ...get(WROW), ...get(J), I32_ADD, ...v128Load(), ...F32X4_MUL, ...F32X4_ADD,
          ...v128Store(),
          ...add(J, i32Const(16)),
        ]),
        ...whileNot([...get(J), ...get(KB), I32_GE_U], [
          ...get(GXROW), ...get(J), I32_ADD,
          ...get(GXROW), ...get(J), I32_ADD, ...f32Load(), ...get(GS), ...get(WROW), ...get(J), I32_ADD, ...f32Load(), F32_MUL, F32_ADD,
          ...f32Store(),
          ...add(J, i32Const(4)),
        ]),
        ...add(GXROW, get(KB)),
        ...add(B, i32Const(1)),
      ]),
      ...add(WROW, get(KB)),
      ...add(O, i32Const(1)),
    ]),
  ];
}

function functions(): WasmFunction[] {
  return [
    { name: "linear", params: [I32, I32, I32, I32, I32, I32, I32], results: [], locals: [I32, I32, I32, I32, I32, V128, F32, I32, I32, I32], code: linearCode() },
    { name: "linearGrads", params: [I32, I32, I32, I32, I32, I32, I32, I32], results: [], locals: [I32, I32, I32, I32, I32, I32, V128, F32, I32, I32, I32], code: gradsCode() },
    { name: "linearInputGrad", params: [I32, I32, I32, I32, I32, I32], results: [], locals: [I32, I32, I32, I32, I32, V128, F32, I32, I32], code: inputGradCode() },
  ];
}

/** The loops on `backend`'s memory (built once per memory), or null where unavailable. */
export function simdLinear(backend: unknown): SimdLinear | null {
  return instantiateOn<SimdLinear>(backend, "linear", functions);
}
