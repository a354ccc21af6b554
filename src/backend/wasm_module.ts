/**
 * A few bytes of WebAssembly assembler for the SIMD loops that run on the wasm backend's own memory
 * (simd.ts: ReLU; simd_pool.ts: 2x2 max pooling; simd_channel.ts: batch norm's per-channel
 * arithmetic): the opcodes those loops use, function bodies and module sections, and instantiation
 * against the backend's WebAssembly.Memory, once per memory and module. Each module imports the
 * memory as `m.memory`, so pointers are byte offsets into the backend's heap.
 */

export const LOCAL_GET = 0x20;
export const LOCAL_SET = 0x21;
export const LOCAL_TEE = 0x22;
export const I32_CONST = 0x41;
export const I32_EQZ = 0x45;
export const I32_LE_U = 0x4d;
export const I32_GE_U = 0x4f;
export const I32_ADD = 0x6a;
export const I32_SUB = 0x6b;
export const I32_MUL = 0x6c;
export const I32_AND = 0x71;
export const I32_REM_U = 0x70;
export const F32_ADD = 0x92;
export const F32_MUL = 0x94;
export const F64_ADD = 0xa0;
export const F64_SUB = 0xa1;
export const F64_MUL = 0xa2;
export const F64_DIV = 0xa3;
export const F64_LE = 0x65;
export const F64_GE = 0x66;
export const F64_CONVERT_I32_U = 0xb8;
export const RETURN = 0x0f;
/** if (the i32 on the stack) { code } */
export const ifThen = (code: number[]): number[] => [0x04, 0x40, ...code, 0x0b];
/** if (the i32 on the stack) { then } else { otherwise } */
export const ifElse = (then: number[], otherwise: number[]): number[] => [0x04, 0x40, ...then, 0x05, ...otherwise, 0x0b];
/** f64.const v */
export const f64Const = (v: number): number[] => [0x44, ...new Uint8Array(new Float64Array([v]).buffer)];
export const f32Const = (v: number): number[] => [0x43, ...new Uint8Array(new Float32Array([v]).buffer)];
export const F32_DEMOTE_F64 = 0xb6;
export const F64_PROMOTE_F32 = 0xbb;
/** f32.load / f32.store with alignment 2^2 and a constant byte offset. */
export const f32Load = (offset = 0): number[] => [0x2a, 0x02, ...leb(offset)];
export const f32Store = (offset = 0): number[] => [0x38, 0x02, ...leb(offset)];
export const SELECT = 0x1b;
export const BR = 0x0c;
export const BR_IF = 0x0d;
export const END = 0x0b;
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export const F32 = 0x7d;

const SIMD = 0xfd;
/** v128.load / v128.store with alignment 2^4 and a constant byte offset. */
export const v128Load = (offset = 0): number[] => [SIMD, 0x00, 0x04, ...leb(offset)];
export const v128Store = (offset = 0): number[] => [SIMD, 0x0b, 0x04, ...leb(offset)];
export const v128Const = (bytes: number[]): number[] => [SIMD, 0x0c, ...bytes];
/** v128.load32_zero: one 32-bit value into lane 0, zeros in lanes 1-3. */
export const v128Load32Zero = (offset = 0): number[] => [SIMD, 0x5c, 0x02, ...leb(offset)];
/** One float32 loaded into all four lanes (one instruction where f32.load + f32x4.splat take two). */
export const v128Load32Splat = (offset = 0): number[] => [SIMD, 0x09, 0x02, ...leb(offset)];
export const f64x2ExtractLane = (lane: number): number[] => [SIMD, 0x21, lane];
export const f32x4ExtractLane = (lane: number): number[] => [SIMD, 0x1f, lane];
/** i8x16.shuffle: byte i of the result is byte lanes[i] of the two operands' 32 bytes. */
export const shuffle = (lanes: number[]): number[] => [SIMD, 0x0d, ...lanes];
/** The 16 shuffle bytes picking 32-bit lanes `l` (0-3 the first operand, 4-7 the second). */
export const lanes32 = (l: number[]): number[] => l.flatMap((k) => [4 * k, 4 * k + 1, 4 * k + 2, 4 * k + 3]);
export const I32X4_SPLAT = [SIMD, 0x11];
export const F64X2_SPLAT = [SIMD, 0x14];
export const I32X4_EQ = [SIMD, 0x37];
export const F32X4_NE = [SIMD, 0x42];
export const F32X4_LT = [SIMD, 0x43];
export const F32X4_GT = [SIMD, 0x44];
export const F32X4_LE = [SIMD, 0x45];
export const V128_AND = [SIMD, 0x4e];
export const V128_ANDNOT = [SIMD, 0x4f];
export const V128_OR = [SIMD, 0x50];
export const V128_BITSELECT = [SIMD, 0x52];
export const F32X4_DEMOTE_F64X2_ZERO = [SIMD, 0x5e];
export const F64X2_PROMOTE_LOW_F32X4 = [SIMD, 0x5f];
export const I32X4_ALL_TRUE = [SIMD, 0xa3, 0x01];
export const I32X4_ADD = [SIMD, 0xae, 0x01];
export const F32X4_ADD = [SIMD, 0xe4, 0x01];
export const F64X2_ADD = [SIMD, 0xf0, 0x01];
export const F64X2_SUB = [SIMD, 0xf1, 0x01];
export const F64X2_MUL = [SIMD, 0xf2, 0x01];
export const F32X4_SPLAT = [SIMD, 0x13];
export const V128_XOR = [SIMD, 0x51];
export const I32X4_SUB = [SIMD, 0xb1, 0x01];
export const I32X4_SHR_U = [SIMD, 0xad, 0x01];
export const F32X4_SQRT = [SIMD, 0xe3, 0x01];
export const F32X4_SUB = [SIMD, 0xe5, 0x01];
export const F32X4_MUL = [SIMD, 0xe6, 0x01];
export const I32X4_TRUNC_SAT_F32X4_S = [SIMD, 0xf8, 0x01];
export const F32X4_CONVERT_I32X4_S = [SIMD, 0xfa, 0x01];
export const V128_ZERO = v128Const(new Array<number>(16).fill(0));
/** An f32x4 -> its lanes 2, 3 in lanes 0, 1 (to be promoted to f64x2): a shuffle of it and a zero vector. */
export const HIGH_HALF = [...V128_ZERO, ...shuffle(lanes32([2, 3, 2, 3]))];
/** Lanes 0, 1 of two f32x4 (two demoted f64x2 halves) -> one f32x4. */
export const JOIN_HALVES = shuffle(lanes32([0, 1, 4, 5]));

/** Unsigned LEB128. */
export function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** i32.const n (signed LEB128). */
export function i32Const(n: number): number[] {
  const out = [I32_CONST];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

export const get = (local: number): number[] => [LOCAL_GET, local];
export const set = (local: number): number[] => [LOCAL_SET, local];

/** `block { loop { if (exitTest) break; ...body; continue } }`: exitTest leaves an i32. */
export function whileNot(exitTest: number[], loopBody: number[]): number[] {
  return [0x02, 0x40, 0x03, 0x40, ...exitTest, BR_IF, 0x01, ...loopBody, BR, 0x00, END, END];
}

/** A function: its parameter and result types, the types of its extra locals, and its code. */
export interface WasmFunction {
  name: string;
  params: number[];
  results: number[];
  locals: number[];
  code: number[];
}

const section = (id: number, content: number[]): number[] => [id, ...leb(content.length), ...content];
const name = (s: string): number[] => [...leb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];

/** The module's bytes; `shared` declares the imported memory shared (the threaded wasm build's). */
export function moduleBytes(functions: WasmFunction[], shared: boolean): Uint8Array {
  const types = section(1, vec(functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec(f.results.map((t) => [t]))])));
  // memory limits: min 0, and for shared memory the maximum 65536 pages (4 GiB), which any memory matches.
  const limits = shared ? [0x03, 0x00, ...leb(65536)] : [0x00, 0x00];
  const imports = section(2, vec([[...name("m"), ...name("memory"), 0x02, ...limits]]));
  const funcs = section(3, vec(functions.map((_, i) => leb(i))));
  const exportSection = section(7, vec(functions.map((f, i) => [...name(f.name), 0x00, ...leb(i)])));
  const bodies = functions.map((f) => {
    const b = [...vec(f.locals.map((t) => [0x01, t])), ...f.code, END];
    return [...leb(b.length), ...b];
  });
  const code = section(10, vec(bodies));
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...types, ...imports, ...funcs, ...exportSection, ...code]);
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

/** The buffer of `backend`'s wasm heap (to tell whether an array lies in it), or null. */
export function heapBuffer(backend: unknown): ArrayBufferLike | null {
  return memoryOf(backend)?.buffer ?? null;
}

/** The wasm backend's WebAssembly.Memory (the threaded build keeps it as `wasmMemory`), or null. */
function memoryOf(backend: unknown): Memory | null {
  const w = (backend as { wasm?: { wasmMemory?: unknown; asm?: { memory?: unknown } } }).wasm;
  const m = w?.wasmMemory ?? w?.asm?.memory;
  return wasmApi !== undefined && m instanceof wasmApi.Memory ? m : null;
}

const caches = new Map<string, WeakMap<Memory, unknown>>();

/**
 * The exports of the module `functions` builds, instantiated on `backend`'s memory (once per memory
 * and `key`), or null where the memory cannot be found or the engine refuses the module (no SIMD):
 * then the callers run their JavaScript loops.
 */
export function instantiateOn<T>(backend: unknown, key: string, functions: () => WasmFunction[]): T | null {
  const memory = memoryOf(backend);
  if (memory === null || wasmApi === undefined) return null;
  let cache = caches.get(key);
  if (cache === undefined) caches.set(key, (cache = new WeakMap()));
  let instance = cache.get(memory) as T | null | undefined;
  if (instance === undefined) {
    try {
      const shared = typeof SharedArrayBuffer !== "undefined" && memory.buffer instanceof SharedArrayBuffer;
      instance = new wasmApi.Instance(new wasmApi.Module(moduleBytes(functions(), shared)), { m: { memory } }).exports as T;
    } catch {
      instance = null;
    }
    cache.set(memory, instance);
  }
  return instance;
}
