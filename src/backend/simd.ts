/**
 * WebAssembly SIMD loops that run on the wasm backend's own memory: ReLU and its threshold
 * backward with PyTorch's semantics (js_kernels.ts's TorchlabRelu / TorchlabReluGrad). As scalar
 * JavaScript those loops take ~1.3 ns per element (a [4,6,28,28] activation of the blitz net: ~24 us
 * CPU, against ~4 us for tfjs's XNNPACK Relu, which has other NaN and -0 rules); four lanes per
 * instruction bring them to the dispatch cost. The module is assembled from its instructions
 * (wasm_module.ts), imports the backend's WebAssembly.Memory, and keeps every bit of the JavaScript
 * loops' results:
 *
 *   relu(x, y, bytes):          y = x & ~(x < 0)      (f32x4.lt: false for NaN and -0, which are kept)
 *   reluGrad(dy, r, dx, bytes): dx = dy & ~(r <= 0)   (f32x4.le: false for a NaN result: passed)
 *
 * and SGD's two usual updates (js_kernels.ts's TorchlabSgdForeach), each a float32 multiply or add per
 * lane in the scalar loop's order (no fused multiply-add in wasm SIMD, so the same roundings):
 *
 *   sgdMomentum(p, g, b, np, nb, bytes, mom, negLr): nb = b * mom + g;  np = p + nb * negLr
 *   sgdPlain(p, g, np, bytes, negLr):                np = p + g * negLr
 *
 * Pointers are byte offsets into the memory; `bytes` is a multiple of 16 (the callers do the last
 * one to three elements themselves).
 */
import {
  F32, F32X4_ADD, F32X4_LE, F32X4_LT, F32X4_MUL, F32X4_SPLAT, I32, I32_ADD, I32_GE_U, V128, V128_ANDNOT, V128_ZERO, get, i32Const, instantiateOn, set, v128Load, v128Store, whileNot,
  type WasmFunction,
} from "./wasm_module";

/** The loops, or null where the memory cannot be imported (then the JavaScript loops run). */
export interface SimdLoops {
  relu(x: number, y: number, bytes: number): void;
  reluGrad(dy: number, r: number, dx: number, bytes: number): void;
  sgdMomentum(p: number, g: number, b: number, np: number, nb: number, bytes: number, mom: number, negLr: number): void;
  sgdPlain(p: number, g: number, np: number, bytes: number, negLr: number): void;
}

/** `pointer(p) + i` for local p, with i in local `i`. */
const at = (p: number, i: number): number[] => [...get(p), ...get(i), I32_ADD];

/**
 * for (i = 0; i < bytes; i += 16) store(out + i, op(in...)): `body` leaves the stored value, `i` is
 * local `i`, `bytes` local `bytesLocal`.
 */
function loop(i: number, bytesLocal: number, out: number, body: number[]): number[] {
  return whileNot([...get(i), ...get(bytesLocal), I32_GE_U], [...at(out, i), ...body, ...v128Store(), ...get(i), ...i32Const(16), I32_ADD, ...set(i)]);
}

function functions(): WasmFunction[] {
  // relu(x=0, y=1, bytes=2; i=3)
  const relu = loop(3, 2, 1, [...at(0, 3), ...v128Load(), ...at(0, 3), ...v128Load(), ...V128_ZERO, ...F32X4_LT, ...V128_ANDNOT]);
  // reluGrad(dy=0, r=1, dx=2, bytes=3; i=4)
  const grad = loop(4, 3, 2, [...at(0, 4), ...v128Load(), ...at(1, 4), ...v128Load(), ...V128_ZERO, ...F32X4_LE, ...V128_ANDNOT]);
  // sgdMomentum(p=0, g=1, b=2, np=3, nb=4, bytes=5, mom=6, negLr=7; i=8, MOM=9, LR=10, BK=11)
  const momentum = [
    ...get(6), ...F32X4_SPLAT, ...set(9),
    ...get(7), ...F32X4_SPLAT, ...set(10),
    ...whileNot([...get(8), ...get(5), I32_GE_U], [
      ...at(2, 8), ...v128Load(), ...get(9), ...F32X4_MUL, ...at(1, 8), ...v128Load(), ...F32X4_ADD, ...set(11),
      ...at(4, 8), ...get(11), ...v128Store(),
      ...at(3, 8), ...at(0, 8), ...v128Load(), ...get(11), ...get(10), ...F32X4_MUL, ...F32X4_ADD, ...v128Store(),
      ...get(8), ...i32Const(16), I32_ADD, ...set(8),
    ]),
  ];
  // sgdPlain(p=0, g=1, np=2, bytes=3, negLr=4; i=5, LR=6)
  const plain = [
    ...get(4), ...F32X4_SPLAT, ...set(6),
    ...loop(5, 3, 2, [...at(0, 5), ...v128Load(), ...at(1, 5), ...v128Load(), ...get(6), ...F32X4_MUL, ...F32X4_ADD]),
  ];
  return [
    { name: "sgdMomentum", params: [I32, I32, I32, I32, I32, I32, F32, F32], results: [], locals: [I32, V128, V128, V128], code: momentum },
    { name: "sgdPlain", params: [I32, I32, I32, I32, F32], results: [], locals: [I32, V128], code: plain },
    { name: "relu", params: [I32, I32, I32], results: [], locals: [I32], code: relu },
    { name: "reluGrad", params: [I32, I32, I32, I32], results: [], locals: [I32], code: grad },
  ];
}

/** The SIMD loops on `backend`'s memory (built once per memory), or null where unavailable. */
export function simdLoops(backend: unknown): SimdLoops | null {
  return instantiateOn<SimdLoops>(backend, "relu", functions);
}
