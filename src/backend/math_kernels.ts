/**
 * Elementwise functions computed as PyTorch computes them where tfjs's kernels differ visibly:
 *
 * - sin, cos, log1p, sign on wasm (TorchlabMath). tfjs-backend-wasm's Sin and Cos reduce the argument
 *   in single precision, so near a multiple of pi/2 the result is off by up to ~1e-7 absolute:
 *   sin(float32(pi)) is -1.5100e-07 against PyTorch's -8.7423e-08, cos(pi/2) -7.5498e-08 against
 *   -4.3711e-08, sin(-3e-6) -3.1630e-06. Its Log1p is log(1 + x): log1p(1e-7) is 1.1921e-07 and
 *   log1p(3e-8) is 0, which softplus and logsigmoid inherit. Its Sign is 0 for |x| below ~1e-6, so
 *   `torch.sign(1e-7)` was 0 and abs's gradient vanished there. Measured over 200001 points in
 *   [-20, 20], every other unary kernel of the wasm backend is within 3 ulp of the correctly rounded
 *   result. These evaluate Math.sin / Math.cos / Math.log1p in double precision on the float32 input
 *   and round once (the correctly rounded result except in rare double-rounding ties). The cpu
 *   backend's kernels already use Math.* this way, and tfjs-node calls TensorFlow's, so only wasm
 *   takes this path.
 * - fmod and remainder of float32 on wasm and cpu (TorchlabFmod): tfjs's Mod is a floor remainder
 *   computed as a - b * floor(a / b), off by thousands of ulp when the quotient is large
 *   (remainder(-5.44, -0.00214135) gave -0.00096273 for -0.00096291), and fmod built on it lost a
 *   dividend smaller than the divisor (fmod(1e-20, -3.06) was 0). C's fmod is exact; PyTorch's
 *   remainder is fmod plus the divisor when their signs differ.
 * - tanh's backward of float32 on wasm and cpu (TorchlabTanhGrad): PyTorch's tanh_backward is
 *   `g * (1 - y * y)`, and its AVX2 build contracts `1 - y * y` into one fused multiply-add (one
 *   rounding), so a hand-written `(1.0 - h**2) * dh` (two roundings) is one ulp off it at some
 *   elements: makemore part 4's `cmp('hpreact', ...)` prints `exact: False` on PyTorch. This rounds
 *   `1 - y * y` once, as the FMA does (y * y is exact in double).
 * - cumsum and cumprod of float32 on wasm and cpu (TorchlabCumulative): PyTorch's CPU kernels
 *   accumulate float32 in double; tfjs's in float32, so the cumulative sum of
 *   linspace(-10, 10, 2001) ended at 1.2398e-04 against PyTorch's 8.7380e-05.
 */
import { tf } from "./tf";
import { ioFor } from "./loss_kernels";

type Info = tf.TensorInfo;
type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap };

/** A float32 output of `shape` and float views of it and the inputs, taken after the output exists (allocating can grow the wasm heap). */
function io(backendName: string, backend: unknown, inputs: Info[], shape: number[]): { out: Info; ys: Float32Array; xs: Float32Array[] } {
  const b = ioFor(backend, backendName);
  const out = b.output(shape);
  return { out, ys: b.view(out) as Float32Array, xs: inputs.map((i) => b.view(i) as Float32Array) };
}

export type MathFn = "sin" | "cos" | "log1p" | "sign";

function mathKernel(args: KernelArgs): Info {
  const x = args.inputs.x as Info;
  const fn = (args.attrs as unknown as { fn: MathFn }).fn;
  const { out, ys, xs: [xs] } = io("wasm", args.backend, [x], x.shape);
  // One loop per function, so that each call site sees a single Math function and V8 inlines it.
  const n = xs.length;
  if (fn === "sin") for (let i = 0; i < n; i++) ys[i] = Math.sin(xs[i]);
  else if (fn === "cos") for (let i = 0; i < n; i++) ys[i] = Math.cos(xs[i]);
  else if (fn === "log1p") for (let i = 0; i < n; i++) ys[i] = Math.log1p(xs[i]);
  // PyTorch's sign: 0 for 0, -0 and NaN.
  else for (let i = 0; i < n; i++) ys[i] = xs[i] > 0 ? 1 : xs[i] < 0 ? -1 : 0;
  return out;
}

/** fmod (floor false) or remainder (floor true) of two float32 tensors of one shape. */
function fmodKernel(backendName: string) {
  return (args: KernelArgs): Info => {
    const a = args.inputs.a as Info;
    const b = args.inputs.b as Info;
    const floor = (args.attrs as unknown as { floor: boolean }).floor;
    const { out, ys, xs: [av, bv] } = io(backendName, args.backend, [a, b], a.shape);
    for (let i = 0; i < ys.length; i++) {
      const d = bv[i];
      let r = av[i] % d;
      if (floor && r !== 0 && r < 0 !== d < 0) r += d;
      ys[i] = r;
    }
    return out;
  };
}

/** Cumulative sum or product of float32 along `axis`, accumulated in double, optionally from the end. */
function cumulativeKernel(backendName: string) {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const { axis, prod, reverse } = args.attrs as unknown as { axis: number; prod: boolean; reverse: boolean };
    const { out, ys, xs: [xs] } = io(backendName, args.backend, [x], x.shape);
    const n = x.shape[axis];
    const inner = x.shape.slice(axis + 1).reduce((p, d) => p * d, 1);
    const outer = xs.length / Math.max(1, n * inner);
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < inner; k++) {
        const base = o * n * inner + k;
        let acc = prod ? 1 : 0;
        for (let j = 0; j < n; j++) {
          const idx = base + (reverse ? n - 1 - j : j) * inner;
          acc = prod ? acc * xs[idx] : acc + xs[idx];
          ys[idx] = acc;
        }
      }
    }
    return out;
  };
}

/** g * (1 - y * y) with `1 - y * y` rounded once (an FMA), g and y float32 of one shape. */
function tanhGradKernel(backendName: string) {
  return (args: KernelArgs): Info => {
    const g = args.inputs.g as Info;
    const y = args.inputs.y as Info;
    const { out, ys, xs: [gv, yv] } = io(backendName, args.backend, [g, y], g.shape);
    for (let i = 0; i < ys.length; i++) ys[i] = gv[i] * Math.fround(1 - yv[i] * yv[i]);
    return out;
  };
}

let registered = false;

/** Registers the kernels (TorchlabMath on wasm; TorchlabFmod and TorchlabCumulative on wasm and cpu). */
export function registerMathKernels(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({ kernelName: "TorchlabMath", backendName: "wasm", kernelFunc: mathKernel as unknown as tf.KernelFunc });
  // tfjs's own autodiff can differentiate through it: d sin = cos, d cos = -sin, d log1p = 1 / (1 + x).
  tf.registerGradient({
    kernelName: "TorchlabMath",
    inputsToSave: ["x"],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved;
      const g = dy as tf.Tensor;
      const fn = (attrs as unknown as { fn: MathFn }).fn;
      const grads: Record<MathFn, () => tf.Tensor> = {
        sin: () => tf.mul(g, cosT(x)),
        cos: () => tf.neg(tf.mul(g, sinT(x))),
        log1p: () => tf.div(g, tf.add(x, 1)),
        sign: () => tf.zerosLike(g),
      };
      return { x: grads[fn] };
    },
  });
  for (const backendName of ["wasm", "cpu"]) {
    tf.registerKernel({ kernelName: "TorchlabFmod", backendName, kernelFunc: fmodKernel(backendName) as unknown as tf.KernelFunc });
    tf.registerKernel({ kernelName: "TorchlabCumulative", backendName, kernelFunc: cumulativeKernel(backendName) as unknown as tf.KernelFunc });
    tf.registerKernel({ kernelName: "TorchlabTanhGrad", backendName, kernelFunc: tanhGradKernel(backendName) as unknown as tf.KernelFunc });
  }
  // For create_graph: d/dg = 1 - y^2, d/dy = -2 g y.
  tf.registerGradient({
    kernelName: "TorchlabTanhGrad",
    inputsToSave: ["g", "y"],
    gradFunc: (dy, saved) => {
      const [g, y] = saved;
      const d = dy as tf.Tensor;
      return { g: () => tf.mul(d, tf.sub(1, tf.square(y))), y: () => tf.mul(d, tf.mul(tf.mul(g, y), -2)) };
    },
  });
  // For create_graph (tfjs's autodiff of backward closures): d fmod = (1, -trunc(a / b)), d remainder
  // = (1, -floor(a / b)); a cumulative sum's gradient is the sum from the other end. The inputs are
  // already broadcast to the output's shape.
  tf.registerGradient({
    kernelName: "TorchlabFmod",
    inputsToSave: ["a", "b"],
    gradFunc: (dy, saved, attrs) => {
      const [a, b] = saved;
      const g = dy as tf.Tensor;
      const floor = (attrs as unknown as { floor: boolean }).floor;
      const q = tf.div(a, b);
      const whole = floor ? tf.floor(q) : tf.mul(signT(q), tf.floor(tf.abs(q)));
      return { a: () => g, b: () => tf.neg(tf.mul(g, whole)) };
    },
  });
  tf.registerGradient({
    kernelName: "TorchlabCumulative",
    inputsToSave: ["x"],
    gradFunc: (dy, _saved, attrs) => {
      const { axis, prod, reverse } = attrs as unknown as { axis: number; prod: boolean; reverse: boolean };
      if (prod) throw new Error("TorchlabCumulative: no gradient registered for the cumulative product");
      return { x: () => cumulativeT(dy as tf.Tensor, axis, false, !reverse) ?? tf.cumsum(dy as tf.Tensor, axis, false, !reverse) };
    },
  });
}

function onWasm(x: tf.Tensor): boolean {
  return x.dtype === "float32" && registered && tf.getBackend() === "wasm";
}

function jsBackend(): boolean {
  const b = tf.getBackend();
  return registered && (b === "wasm" || b === "cpu");
}

function math(fn: MathFn, x: tf.Tensor, fallback: (x: tf.Tensor) => tf.Tensor): tf.Tensor {
  if (onWasm(x)) return tf.engine().runKernel("TorchlabMath", { x }, { fn } as unknown as tf.NamedAttrMap) as tf.Tensor;
  return fallback(x);
}

/** tf.sin(x), correctly rounded on wasm too. */
export const sinT = (x: tf.Tensor): tf.Tensor => math("sin", x, tf.sin);
/** tf.cos(x), correctly rounded on wasm too. */
export const cosT = (x: tf.Tensor): tf.Tensor => math("cos", x, tf.cos);
/** tf.log1p(x), accurate for small |x| on wasm too (tfjs-wasm computes log(1 + x)). */
export const log1pT = (x: tf.Tensor): tf.Tensor => math("log1p", x, tf.log1p);
/** tf.sign(x), also for |x| < 1e-6 on wasm. */
export const signT = (x: tf.Tensor): tf.Tensor => math("sign", x, tf.sign);

/**
 * C's fmod (floor false: the sign of the dividend) or Python's remainder (floor true: the sign of
 * the divisor) of float32 `a` and `b`, broadcast to `shape`; null where the backend has no kernel
 * (or the shapes do not broadcast: the caller's path reports that).
 */
export function fmodT(a: tf.Tensor, b: tf.Tensor, shape: number[] | null, floor: boolean): tf.Tensor | null {
  if (shape === null || !jsBackend() || a.dtype !== "float32" || b.dtype !== "float32") return null;
  return tf.tidy(() => {
    const same = (t: tf.Tensor): tf.Tensor => (t.shape.length === shape.length && t.shape.every((d, i) => d === shape[i]) ? t : tf.broadcastTo(t, shape));
    return tf.engine().runKernel("TorchlabFmod", { a: same(a), b: same(b) }, { floor } as unknown as tf.NamedAttrMap) as tf.Tensor;
  });
}

/** Cumulative sum (prod false) or product of float32 `x` along `axis`, accumulated in double; null where the backend has no kernel. */
export function cumulativeT(x: tf.Tensor, axis: number, prod: boolean, reverse = false): tf.Tensor | null {
  if (!jsBackend() || x.dtype !== "float32") return null;
  return tf.engine().runKernel("TorchlabCumulative", { x }, { axis, prod, reverse } as unknown as tf.NamedAttrMap) as tf.Tensor;
}

/** tanh's backward `g * (1 - y * y)` as PyTorch's CPU kernel rounds it (one FMA for `1 - y * y`) on wasm and cpu. */
export function tanhGradT(g: tf.Tensor, y: tf.Tensor): tf.Tensor {
  const same = g.dtype === "float32" && y.dtype === "float32" && g.shape.length === y.shape.length && g.shape.every((d, i) => d === y.shape[i]);
  if (!same || !jsBackend()) return tf.mul(g, tf.sub(1, tf.square(y)));
  return tf.engine().runKernel("TorchlabTanhGrad", { g, y }) as tf.Tensor;
}
