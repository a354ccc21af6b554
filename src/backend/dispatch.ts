/**
 * Running a registered kernel without tfjs-core's general dispatch. `engine.runKernel` serves tfjs's
 * own tape (tf.grad), its profiler, debug mode and the leak check of its test mode, and pays for them
 * on every call: two registry lookups, a kernel closure and two scope closures made per call, the
 * flags read through the environment, the backend's data-id count taken before and after. torchlab
 * records its own graph, so for nearly every call none of that applies: this runs the kernel and
 * makes its output tensors as the engine does (tracked in the active tidy scope), and hands every
 * other call (tfjs's tape recording, tf.profile, DEBUG or IS_TEST set, a backend switch in progress)
 * to the engine unchanged.
 */
import { tf } from "./tf";

type RunKernel = (kernelName: string, inputs: tf.NamedTensorMap, attrs?: tf.NamedAttrMap) => tf.Tensor | tf.Tensor[];

/** The parts of tfjs-core's Engine this reads (its fields are not in its public types). */
interface EngineInternals {
  runKernel: RunKernel;
  backendName: string | null;
  backendInstance: tf.KernelBackend | null;
  ENV: { flags: Record<string, unknown> };
  state: { gradientDepth: number; kernelDepth: number; profiling: boolean };
  makeTensorFromTensorInfo(info: tf.TensorInfo): tf.Tensor;
}

/** A kernel's output: a TensorInfo made into a tracked tensor (a kernel may hand back a tensor already). */
function tensorOf(engine: EngineInternals, info: tf.TensorInfo | tf.Tensor): tf.Tensor {
  return (info as tf.Tensor).rank != null ? (info as tf.Tensor) : engine.makeTensorFromTensorInfo(info);
}

/**
 * `engine.runKernel` (as it is now, bound), with the direct path described above. The kernel is
 * looked up on each call (a kernel registered again, or wrapped by a bench's clock, is the one run).
 */
export function directRunKernel(engine: EngineInternals): RunKernel {
  const general = engine.runKernel.bind(engine) as RunKernel;
  return (name, inputs, attrs) => {
    const state = engine.state;
    const flags = engine.ENV.flags;
    const backend = engine.backendInstance;
    const backendName = engine.backendName;
    if (state.gradientDepth > 0 || state.profiling || flags.DEBUG !== false || flags.IS_TEST !== false || backend === null || backendName === null) {
      return general(name, inputs, attrs);
    }
    const kernel = tf.getKernel(name, backendName);
    if (kernel === undefined) return general(name, inputs, attrs);
    // Nested kernel calls (a kernel running others through the engine) see the depth tfjs keeps.
    state.kernelDepth++;
    let out: tf.TensorInfo | tf.TensorInfo[];
    try {
      out = kernel.kernelFunc({ inputs, attrs: attrs as tf.NamedAttrMap, backend }) as tf.TensorInfo | tf.TensorInfo[];
    } finally {
      state.kernelDepth--;
    }
    if (!Array.isArray(out)) return tensorOf(engine, out);
    const tensors: tf.Tensor[] = new Array(out.length);
    for (let i = 0; i < out.length; i++) tensors[i] = tensorOf(engine, out[i]);
    return tensors;
  };
}
