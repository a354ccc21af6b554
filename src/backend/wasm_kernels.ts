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

/** What the slice kernel reads of the wasm backend: where a tensor's bytes are in the module's heap. */
interface WasmHeap extends WasmLike {
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  wasm: { HEAPU8: Uint8Array; HEAP32: Int32Array };
}

/**
 * TorchlabSlice: the box `begin` .. `begin + size` of a tensor, copied run by run inside the wasm heap.
 * The backend's own Slice reads its whole input out of the heap first (readSync copies every byte), so
 * `x[i]` or `x[a:b]` of a [20000, 784] tensor cost ~200 ms whatever the slice's size; this copies only
 * what the slice holds: one run per index of the dims before the last partial one. bool is one byte per
 * element, the rest four (strings and complex stay with tf.slice).
 */
function sliceKernel(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const backend = args.backend as WasmHeap;
  const x = args.inputs.x as tf.TensorInfo;
  const { begin, size } = args.attrs as { begin: number[]; size: number[] };
  const out = backend.makeOutput(size, x.dtype);
  const shape = x.shape;
  const rank = shape.length;
  if (size.some((v) => v === 0)) return out;
  const bytes = x.dtype === "bool" ? 1 : 4;
  // The last dim the box does not take whole: everything after it is one contiguous run per index of
  // the dims before it.
  let last = rank - 1;
  while (last > 0 && begin[last] === 0 && size[last] === shape[last]) last--;
  const strides = new Array<number>(rank);
  let acc = bytes;
  for (let k = rank - 1; k >= 0; k--) {
    strides[k] = acc;
    acc *= shape[k];
  }
  const run = size[last] * strides[last];
  let from = backend.dataIdMap.get(x.dataId)!.memoryOffset;
  for (let k = 0; k < rank; k++) from += begin[k] * strides[k];
  let to = backend.dataIdMap.get(out.dataId)!.memoryOffset;
  // Read the heap after makeOutput: an allocation may have grown (and replaced) it.
  const heap = backend.wasm.HEAPU8;
  if (last === 0) {
    heap.copyWithin(to, from, from + run);
    return out;
  }
  // Short runs (a column, a few entries per row) are copied entry by entry: copyWithin's call costs
  // more than a few stores. Four-byte entries are moved as int32, which keeps every bit of a float.
  const words = bytes === 4 && run <= 64 ? backend.wasm.HEAP32 : null;
  const copy = words
    ? (a: number, b: number) => {
        for (let i = a >> 2, j = b >> 2, e = j + (run >> 2); j < e; ) words[i++] = words[j++];
      }
    : (a: number, b: number) => heap.copyWithin(a, b, b + run);
  // An odometer over the dims before `last`.
  const idx = new Array<number>(last).fill(0);
  for (;;) {
    copy(to, from);
    to += run;
    let k = last - 1;
    for (; k >= 0; k--) {
      idx[k]++;
      from += strides[k];
      if (idx[k] < size[k]) break;
      from -= size[k] * strides[k];
      idx[k] = 0;
    }
    if (k < 0) return out;
  }
}

/** Whether torchlab's slice kernel serves this backend (wasm only: it copies inside the wasm heap). */
export function hasSliceKernel(): boolean {
  return registered && tf.getBackend() === "wasm";
}

/**
 * tf.slice (a size of -1 is the rest of that dim), through TorchlabSlice on wasm for the dtypes it
 * copies; every slice torchlab takes goes through here.
 */
export function sliceTf<T extends tf.Tensor>(x: T, begin: number[], size: number[]): T {
  if (size.includes(-1)) size = size.map((v, k) => (v === -1 ? x.shape[k] - begin[k] : v));
  if (hasSliceKernel() && x.rank > 0 && x.dtype !== "string" && x.dtype !== "complex64" && begin.length === x.rank && size.length === x.rank) {
    return tf.engine().runKernel("TorchlabSlice", { x }, { begin, size }) as T;
  }
  return tf.slice(x, begin, size) as T;
}

export function registerWasmKernels(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({ kernelName: "TorchlabSlice", backendName: "wasm", kernelFunc: sliceKernel as unknown as tf.KernelFunc });
  // Its gradient, as tf.slice's: the gradient padded with zeros back to the input's shape (forward-mode AD
  // and create_graph differentiate backward steps that slice through TensorFlow.js's autodiff).
  tf.registerGradient({
    kernelName: "TorchlabSlice",
    inputsToSave: ["x"],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved;
      const { begin, size } = attrs as unknown as { begin: number[]; size: number[] };
      return { x: () => tf.pad(dy as tf.Tensor, x.shape.map((n, k) => [begin[k], n - begin[k] - size[k]] as [number, number])) };
    },
  });
  const have = new Set(tf.getKernelsForBackend("wasm").map((k) => k.kernelName));
  if (!have.has("UnsortedSegmentSum")) {
    tf.registerKernel({ kernelName: "UnsortedSegmentSum", backendName: "wasm", kernelFunc: unsortedSegmentSum as unknown as tf.KernelFunc });
  }
}
