/**
 * Two WebAssembly SIMD loops that run on the wasm backend's own memory: ReLU and its threshold
 * backward with PyTorch's semantics (js_kernels.ts's TorchlabRelu / TorchlabReluGrad). As scalar
 * JavaScript those loops take ~1.3 ns per element (a [4,6,28,28] activation of the blitz net: ~24 us
 * CPU, against ~4 us for tfjs's XNNPACK Relu, which has other NaN and -0 rules); four lanes per
 * instruction bring them to the dispatch cost. The module is assembled here from its bytes (below,
 * instruction by instruction), imports the backend's WebAssembly.Memory, and keeps every bit of the
 * JavaScript loops' results:
 *
 *   relu(x, y, bytes):          y = x & ~(x < 0)      (f32x4.lt: false for NaN and -0, which are kept)
 *   reluGrad(dy, r, dx, bytes): dx = dy & ~(r <= 0)   (f32x4.le: false for a NaN result: passed)
 *
 * Pointers are byte offsets into the memory; `bytes` is a multiple of 16 (the callers do the last
 * one to three elements themselves).
 */

/** The loops, or null where the memory cannot be imported (then the JavaScript loops run). */
export interface SimdLoops {
  relu(x: number, y: number, bytes: number): void;
  reluGrad(dy: number, r: number, dx: number, bytes: number): void;
}

const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const I32_ADD = 0x6a;
const I32_GE_U = 0x4f;
const I32_CONST = 0x41;
const SIMD = 0xfd;
const V128_LOAD = [SIMD, 0x00, 0x04, 0x00]; // align 2^4, offset 0
const V128_STORE = [SIMD, 0x0b, 0x04, 0x00];
const V128_ZERO = [SIMD, 0x0c, ...new Array<number>(16).fill(0)];
const F32X4_LT = [SIMD, 0x43];
const F32X4_LE = [SIMD, 0x45];
const V128_ANDNOT = [SIMD, 0x4f];

/** `pointer(p) + i` for local p, with i in local `i`. */
const at = (p: number, i: number): number[] => [LOCAL_GET, p, LOCAL_GET, i, I32_ADD];

/**
 * for (i = 0; i < bytes; i += 16) store(out + i, op(in...)): `body` leaves the stored value, `i` is
 * local `i`, `bytes` local `bytesLocal`.
 */
function loop(i: number, bytesLocal: number, out: number, body: number[]): number[] {
  return [
    0x02, 0x40, // block
    0x03, 0x40, // loop
    LOCAL_GET, i, LOCAL_GET, bytesLocal, I32_GE_U, 0x0d, 0x01, // br_if 1 (out of the block)
    ...at(out, i), ...body, ...V128_STORE,
    LOCAL_GET, i, I32_CONST, 0x10, I32_ADD, LOCAL_SET, i,
    0x0c, 0x00, // br 0 (next iteration)
    0x0b, // end loop
    0x0b, // end block
  ];
}

/** A function body: local declarations (one i32 counter), the code, end. */
function body(code: number[]): number[] {
  const b = [0x01, 0x01, 0x7f, ...code, 0x0b];
  return [...leb(b.length), ...b];
}

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

const section = (id: number, content: number[]): number[] => [id, ...leb(content.length), ...content];
const name = (s: string): number[] => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];

/** The module's bytes; `shared` declares the imported memory shared (the threaded wasm build's). */
function moduleBytes(shared: boolean): Uint8Array {
  const I32 = 0x7f;
  const types = section(1, [0x02, 0x60, 0x03, I32, I32, I32, 0x00, 0x60, 0x04, I32, I32, I32, I32, 0x00]);
  // memory limits: min 0, and for shared memory the maximum 65536 pages (4 GiB), which any memory matches.
  const limits = shared ? [0x03, 0x00, ...leb(65536)] : [0x00, 0x00];
  const imports = section(2, [0x01, ...name("m"), ...name("memory"), 0x02, ...limits]);
  const funcs = section(3, [0x02, 0x00, 0x01]);
  const exports = section(7, [0x02, ...name("relu"), 0x00, 0x00, ...name("reluGrad"), 0x00, 0x01]);
  // relu(x=0, y=1, bytes=2; i=3)
  const relu = body(loop(3, 2, 1, [...at(0, 3), ...V128_LOAD, ...at(0, 3), ...V128_LOAD, ...V128_ZERO, ...F32X4_LT, ...V128_ANDNOT]));
  // reluGrad(dy=0, r=1, dx=2, bytes=3; i=4)
  const grad = body(loop(4, 3, 2, [...at(0, 4), ...V128_LOAD, ...at(1, 4), ...V128_LOAD, ...V128_ZERO, ...F32X4_LE, ...V128_ANDNOT]));
  const code = section(10, [0x02, ...relu, ...grad]);
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...types, ...imports, ...funcs, ...exports, ...code]);
}

/** The slice of the WebAssembly API used here (the project's lib settings carry no DOM/wasm types). */
interface Memory {
  readonly buffer: ArrayBufferLike;
}
interface WasmApi {
  Memory: new (...args: never[]) => Memory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: unknown };
}
const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

const cache = new WeakMap<Memory, SimdLoops | null>();

/** The wasm backend's WebAssembly.Memory (the threaded build keeps it as `wasmMemory`), or null. */
function memoryOf(backend: unknown): Memory | null {
  const w = (backend as { wasm?: { wasmMemory?: unknown; asm?: { memory?: unknown } } }).wasm;
  const m = w?.wasmMemory ?? w?.asm?.memory;
  return wasmApi !== undefined && m instanceof wasmApi.Memory ? m : null;
}

/** The SIMD loops on `backend`'s memory (built once per memory), or null where unavailable. */
export function simdLoops(backend: unknown): SimdLoops | null {
  const memory = memoryOf(backend);
  if (memory === null || wasmApi === undefined) return null;
  let loops = cache.get(memory);
  if (loops === undefined) {
    try {
      const shared = typeof SharedArrayBuffer !== "undefined" && memory.buffer instanceof SharedArrayBuffer;
      const instance = new wasmApi.Instance(new wasmApi.Module(moduleBytes(shared)), { m: { memory } });
      loops = instance.exports as unknown as SimdLoops;
    } catch {
      loops = null;
    }
    cache.set(memory, loops);
  }
  return loops;
}
