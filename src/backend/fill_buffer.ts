/**
 * A new float32 tensor whose values a JavaScript function writes straight into the backend's buffer:
 * on wasm a heap block allocated without a fill (the function writes every element), on cpu the
 * array the backend then keeps. Random init (`empty(...).normal_()`, nn.init's fills) used to draw
 * into a Float32Array, copy it into the backend (tf.tensor) and copy it once more (`.data =`'s
 * clone): ~40% of `nn.Linear(4096, 2500)`'s construction. The buffer is always a new one, never the
 * tensor's old buffer written over: the wasm backend keys its packed XNNPACK weights and torchlab
 * its filter caches (ops/conv.ts) on a buffer, and those would go stale.
 */
import { tf } from "./tf";

interface WasmLike {
  makeOutput(shape: number[], dtype: string): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
  disposeData(dataId: object, force?: boolean): boolean;
}

/** `fill` must write all numel(shape) elements of the array it gets and allocate no tensor. */
export function filledFloat32(shape: number[], fill: (out: Float32Array) => void): tf.Tensor {
  const engine = tf.engine();
  if (tf.getBackend() === "wasm") {
    const backend = engine.backend as unknown as WasmLike;
    const info = backend.makeOutput(shape, "float32");
    try {
      // No allocation between the view and the writes: growing the heap would detach the view.
      fill(backend.typedArrayFromHeap(info));
    } catch (e) {
      backend.disposeData(info.dataId, true);
      throw e;
    }
    return engine.makeTensorFromTensorInfo(info);
  }
  // The cpu backend keeps the array tf.tensor gets (no copy); others copy it once.
  const values = new Float32Array(shape.reduce((a, d) => a * d, 1));
  fill(values);
  return tf.tensor(values, shape, "float32");
}
