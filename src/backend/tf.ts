/**
 * The one place that loads TensorFlow.js. Everything under src/ops and src/backend imports `tf` from
 * here, so a native package that a user installed (tfjs-node / tfjs-node-gpu) and ours share one engine.
 *
 * `import = require` rather than `import * as`: tfjs-core's bundle has no `__esModule` flag, so with
 * esModuleInterop `import * as` wraps each of its ~1000 exports in a getter, and every `tf.X` an op
 * reads ran that getter and its keyed lookup. This is tfjs-core's own exports object.
 */
import tf = require("@tensorflow/tfjs-core");
import "@tensorflow/tfjs-backend-cpu";

export { tf };
export type TfTensor = tf.Tensor;
