/**
 * The one place that loads TensorFlow.js. Everything under src/ops and src/backend imports `tf` from
 * here, so a native package that a user installed (tfjs-node / tfjs-node-gpu) and ours share one engine.
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";

export { tf };
export type TfTensor = tf.Tensor;
