/**
 * sin, cos and log1p in float32 as PyTorch computes them, for the wasm backend. tfjs-backend-wasm's
 * Sin and Cos reduce the argument in single precision, so near a multiple of pi/2 the result is off by
 * up to ~1e-7 absolute: sin(float32(pi)) is -1.5100e-07 against PyTorch's -8.7423e-08, cos(pi/2)
 * -7.5498e-08 against -4.3711e-08, sin(-3e-6) -3.1630e-06. Its Log1p is log(1 + x), so log1p(1e-7) is
 * 1.1921e-07 and log1p(3e-8) is 0, and softplus, logsigmoid and binary_cross_entropy_with_logits
 * inherit it for large |x|. Measured over 200001 points in [-20, 20], every other unary kernel of the
 * wasm backend is within 3 ulp of the correctly rounded result.
 *
 * TorchlabWasmMath evaluates the function in double precision (Math.sin, Math.cos, Math.log1p) on
 * the float32 input and rounds once, which is the correctly rounded float32 result except in rare
 * double-rounding ties. The cpu backend's kernels already use Math.* this way, and tfjs-node calls
 * TensorFlow's, so only wasm takes this path.
 */
import { tf } from "./tf";

export type AccurateFn = "sin" | "cos" | "log1p";

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: string): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}

function wasmMath(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const x = args.inputs.x as tf.TensorInfo;
  const fn = (args.attrs as unknown as { fn: AccurateFn }).fn;
  const b = args.backend as WasmBackendLike;
  // Allocating can grow (and so detach) the wasm heap: views are taken after the output exists.
  const out = b.makeOutput(x.shape, "float32");
  const xs = b.typedArrayFromHeap(x);
  const ys = b.typedArrayFromHeap(out);
  // One loop per function, so that each call site sees a single Math function and V8 inlines it.
  const n = xs.length;
  if (fn === "sin") for (let i = 0; i < n; i++) ys[i] = Math.sin(xs[i]);
  else if (fn === "cos") for (let i = 0; i < n; i++) ys[i] = Math.cos(xs[i]);
  else for (let i = 0; i < n; i++) ys[i] = Math.log1p(xs[i]);
  return out;
}

let registered = false;

/**
 * Registers TorchlabWasmMath for the wasm backend, with a gradient so that tfjs's own autodiff can
 * differentiate through it (d sin = cos, d cos = -sin, d log1p = 1 / (1 + x)).
 */
export function registerWasmMath(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({ kernelName: "TorchlabWasmMath", backendName: "wasm", kernelFunc: wasmMath as unknown as tf.KernelFunc });
  tf.registerGradient({
    kernelName: "TorchlabWasmMath",
    inputsToSave: ["x"],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved;
      const g = dy as tf.Tensor;
      const fn = (attrs as unknown as { fn: AccurateFn }).fn;
      return {
        x: () => (fn === "sin" ? tf.mul(g, cosT(x)) : fn === "cos" ? tf.neg(tf.mul(g, sinT(x))) : tf.div(g, tf.add(x, 1))),
      };
    },
  });
}

function accurate(fn: AccurateFn, x: tf.Tensor, fallback: (x: tf.Tensor) => tf.Tensor): tf.Tensor {
  if (x.dtype === "float32" && tf.getBackend() === "wasm" && registered) {
    return tf.engine().runKernel("TorchlabWasmMath", { x }, { fn } as unknown as tf.NamedAttrMap) as tf.Tensor;
  }
  return fallback(x);
}

/** tf.sin(x), correctly rounded on wasm too. */
export const sinT = (x: tf.Tensor): tf.Tensor => accurate("sin", x, tf.sin);
/** tf.cos(x), correctly rounded on wasm too. */
export const cosT = (x: tf.Tensor): tf.Tensor => accurate("cos", x, tf.cos);
/** tf.log1p(x), accurate for small |x| on wasm too (tfjs-wasm computes log(1 + x)). */
export const log1pT = (x: tf.Tensor): tf.Tensor => accurate("log1p", x, tf.log1p);
