/**
 * Two WebAssembly SIMD loops that run on the wasm backend's own memory: ReLU and its threshold
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
 * Pointers are byte offsets into the memory; `bytes` is a multiple of 16 (the callers do the last
 * one to three elements themselves).
 */
import {
  F32X4_LE, F32X4_LT, I32, I32_ADD, I32_GE_U, V128_ANDNOT, V128_ZERO, get, i32Const, instantiateOn, set, v128Load, v128Store, whileNot,
  type WasmFunction,
} from "./wasm_module";

/** The loops, or null where the memory cannot be imported (then the JavaScript loops run). */
export interface SimdLoops {
  relu(x: number, y: number, bytes: number): void;
  reluGrad(dy: number, r: number, dx: number, bytes: number): void;
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
  return [
    { name: "relu", params: [I32, I32, I32], results: [], locals: [I32], code: relu },
    { name: "reluGrad", params: [I32, I32, I32, I32], results: [], locals: [I32], code: grad },
  ];
}

/** The SIMD loops on `backend`'s memory (built once per memory), or null where unavailable. */
export function simdLoops(backend: unknown): SimdLoops | null {
  return instantiateOn<SimdLoops>(backend, "relu", functions);
}
