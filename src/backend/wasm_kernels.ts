/**
 * Kernels the wasm backend lacks but training needs. Each is registered only where missing and is
 * tested against the cpu backend's own kernel (test/backend/wasm_kernels.test.ts).
 */
import { tf } from "./tf";

interface WasmLike {
  readSync(dataId: object): ArrayLike<number>;
  makeOutput(shape: number[], dtype: string, memoryOffset?: number, values?: ArrayLike<number>): tf.TensorInfo;
}

let registered = false;

/** UnsortedSegmentSum: the gradient of gather (indexing with a tensor of indices, embedding lookups). */
function unsortedSegmentSum(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const backend = args.backend as WasmLike;
  const x = args.inputs.x as tf.TensorInfo;
  const segmentIds = args.inputs.segmentIds as tf.TensorInfo;
  const numSegments = (args.attrs as { numSegments: number }).numSegments;
  const values = backend.readSync(x.dataId);
  const ids = backend.readSync(segmentIds.dataId);
  const inner = x.shape.slice(segmentIds.shape.length).reduce((a, b) => a * b, 1);
  // The output buffer is copied into wasm memory byte for byte, so it must have x's element type.
  const out = x.dtype === "int32" ? new Int32Array(numSegments * inner) : new Float32Array(numSegments * inner);
  for (let i = 0; i < ids.length; i++) {
    const seg = ids[i];
    if (seg < 0 || seg >= numSegments) continue;
    const src = i * inner;
    const dst = seg * inner;
    for (let j = 0; j < inner; j++) out[dst + j] += values[src + j];
  }
  return backend.makeOutput([numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype, undefined, out);
}

/** What the rows kernel reads of the wasm backend: where a tensor's bytes are in the module's heap. */
interface WasmHeap extends WasmLike {
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  wasm: { HEAPU8: Uint8Array };
}

/**
 * TorchlabRows: `count` consecutive rows of a contiguous tensor, as one copy inside the wasm heap. The
 * backend's own Slice reads its whole input out of the heap first (readSync copies every byte), so
 * `x[i]` of a [20000, 784] tensor cost ~200 ms; this copies only the rows. Attrs: `start` and `count`
 * along dim 0, `shape` of the result ([count, ...rest]); bool is one byte per element, the rest four.
 */
function rows(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const backend = args.backend as WasmHeap;
  const x = args.inputs.x as tf.TensorInfo;
  const { start, count, shape } = args.attrs as { start: number; count: number; shape: number[] };
  const out = backend.makeOutput(shape, x.dtype);
  const inner = x.shape.slice(1).reduce((a, b) => a * b, 1);
  const bytes = x.dtype === "bool" ? 1 : 4;
  const n = count * inner * bytes;
  if (n === 0) return out;
  const from = backend.dataIdMap.get(x.dataId)!.memoryOffset + start * inner * bytes;
  const to = backend.dataIdMap.get(out.dataId)!.memoryOffset;
  // Read the heap after makeOutput: an allocation may have grown (and replaced) it.
  backend.wasm.HEAPU8.copyWithin(to, from, from + n);
  return out;
}

/** Whether the rows kernel serves this backend (wasm only: it copies inside the wasm heap). */
export function hasRowsKernel(): boolean {
  return registered && tf.getBackend() === "wasm";
}

export function registerWasmKernels(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({ kernelName: "TorchlabRows", backendName: "wasm", kernelFunc: rows as unknown as tf.KernelFunc });
  const have = new Set(tf.getKernelsForBackend("wasm").map((k) => k.kernelName));
  if (!have.has("UnsortedSegmentSum")) {
    tf.registerKernel({ kernelName: "UnsortedSegmentSum", backendName: "wasm", kernelFunc: unsortedSegmentSum as unknown as tf.KernelFunc });
  }
}
