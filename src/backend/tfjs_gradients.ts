/**
 * tfjs-core's gradient configs (the gradFunc of each kernel), which create_graph needs to differentiate
 * backward closures (src/autograd/create_graph.ts). tfjs-core's node bundle registers none: the
 * `@tensorflow/tfjs` union package registers them from `dist/gradients/*.js`, which ship as ES modules
 * only. So on first use they are read from there and evaluated as scripts, each import bound to the
 * same-named export of the one tfjs-core this process loaded (a few ops tfjs-core keeps private are
 * spelled out below as the kernel calls they are). torchlab's own kernels get their gradients here too.
 * Loaded lazily: a kernel start that never asks for a second derivative pays nothing.
 */
import * as fs from "fs";
import * as path from "path";
import { tf } from "./tf";

type Lib = Record<string, unknown>;
type T = tf.Tensor;

const run = (name: string, inputs: Record<string, T>, attrs: Record<string, unknown>): T =>
  tf.engine().runKernel(name, inputs as unknown as tf.NamedTensorMap, attrs as unknown as tf.NamedAttrMap) as T;

/**
 * The filter gradient of an NHWC conv2d (tfjs's Conv2D gradient). The wasm backend has no
 * Conv2DBackpropFilter kernel: there it is the convolution of x as [C, H, W, N] with dy as an HWIO
 * kernel [Ho, Wo, N, O], the stride becoming the dilation (as src/ops/conv.ts computes it).
 */
function conv2DBackpropFilter(x: T, dy: T, filterShape: number[], strides: number | [number, number], pad: unknown, dataFormat = "NHWC", dimRoundingMode?: string): T {
  if (tf.getKernel("Conv2DBackpropFilter", tf.getBackend()) !== undefined) {
    return run("Conv2DBackpropFilter", { x, dy }, { strides, pad, dataFormat, dimRoundingMode, filterShape });
  }
  if (dataFormat !== "NHWC" || pad === "same") {
    throw new Error(`Conv2DBackpropFilter (dataFormat ${dataFormat}, pad ${String(pad)}) is not available on the ${tf.getBackend()} backend`);
  }
  const [kh, kw, c, o] = filterShape;
  const s: [number, number] = typeof strides === "number" ? [strides, strides] : strides;
  const p = (pad === "valid" ? 0 : pad) as number | tf.backend_util.ExplicitPadding;
  const explicit = typeof p === "number" ? ([[0, 0], [p, p], [p, p], [0, 0]] as tf.backend_util.ExplicitPadding) : p;
  const xt = tf.transpose(x, [3, 1, 2, 0]) as tf.Tensor4D;
  const gt = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;
  let full = tf.conv2d(xt, gt, 1, explicit, "NHWC", s);
  if (full.shape[1] !== kh || full.shape[2] !== kw) full = tf.slice(full, [0, 0, 0, 0], [c, kh, kw, o]);
  return tf.transpose(full, [1, 2, 0, 3]);
}

/** The ops the gradient files import that tfjs-core does not export (4-D forms: all our callers pass 4-D). */
const privateOps: Lib = {
  conv2DBackpropInput: (inputShape: number[], dy: T, filter: T, strides: unknown, pad: unknown, dataFormat = "NHWC", dimRoundingMode?: string) =>
    run("Conv2DBackpropInput", { dy, filter }, { strides, pad, dataFormat, dimRoundingMode, inputShape }),
  conv2DBackpropFilter,
  depthwiseConv2dNativeBackpropInput: (xShape: number[], dy: T, filter: T, convInfo: Record<string, unknown>) =>
    run("DepthwiseConv2dNativeBackpropInput", { dy, filter }, { strides: convInfo.strides, pad: convInfo.pad, dimRoundingMode: convInfo.dimRoundingMode, dilations: convInfo.dilations, inputShape: xShape }),
  depthwiseConv2dNativeBackpropFilter: (x: T, dy: T, filterShape: number[], convInfo: Record<string, unknown>) =>
    run("DepthwiseConv2dNativeBackpropFilter", { x, dy }, { strides: convInfo.strides, pad: convInfo.pad, dimRoundingMode: convInfo.dimRoundingMode, dilations: convInfo.dilations, filterShape }),
  maxPoolGrad: (dy: T, input: T, output: T, filterSize: unknown, strides: unknown, pad: unknown, dimRoundingMode?: string) =>
    run("MaxPoolGrad", { dy, input, output }, { filterSize, strides, pad, dimRoundingMode }),
};

function libFor(spec: string, load: (file: string) => Lib): Lib {
  const t = tf as unknown as Lib;
  if (spec.startsWith("./")) return load(spec.slice(2));
  if (spec === "../util") return t.util as Lib;
  if (spec === "../engine") return { ENGINE: tf.engine() };
  if (spec === "../ops/slice_util") return t.slice_util as Lib;
  if (/^\.\.\/ops\/\w+_util$/.test(spec)) return t.backend_util as Lib;
  return new Proxy({}, { get: (_, name: string) => t[name] ?? privateOps[name] });
}

/** An ES module of dist/gradients as a script: `import {a as b} from 'm'` -> `const {a: b} = __req('m')`. */
function evaluate(source: string, load: (file: string) => Lib): Lib {
  const body = source
    .replace(/^\/\/# sourceMappingURL=.*$/m, "")
    .replace(/^import \* as (\w+) from '([^']+)';$/gm, "const $1 = __req('$2');")
    .replace(/^import \{([^}]*)\} from '([^']+)';$/gm, (_, names: string, spec: string) => `const {${names.replace(/\bas\b/g, ":")}} = __req('${spec}');`)
    .replace(/^export const (\w+) =/gm, "const $1 = exports.$1 =")
    .replace(/^export function (\w+)/gm, "exports.$1 = $1; function $1");
  const exports: Lib = {};
  new Function("exports", "__req", body)(exports, (spec: string) => libFor(spec, load));
  return exports;
}

let loaded = false;

/** Registers tfjs-core's gradient configs (where none is registered yet) and those of torchlab's kernels. */
export function ensureTfjsGradients(): void {
  if (loaded) return;
  loaded = true;
  const dir = path.join(path.dirname(require.resolve("@tensorflow/tfjs-core/package.json")), "dist", "gradients");
  const modules = new Map<string, Lib>();
  const load = (file: string): Lib => {
    const name = file.endsWith(".js") ? file : `${file}.js`;
    let m = modules.get(name);
    if (m === undefined) modules.set(name, (m = evaluate(fs.readFileSync(path.join(dir, name), "utf8"), load)));
    return m;
  };
  for (const file of fs.readdirSync(dir)) {
    if (!file.endsWith("_grad.js")) continue;
    for (const config of Object.values(load(file))) {
      const c = config as tf.GradConfig;
      if (typeof c === "object" && c !== null && typeof c.kernelName === "string" && tf.getGradient(c.kernelName) === undefined) tf.registerGradient(c);
    }
  }
  // Comparisons and logic lie on tfjs's path from an input to a `where` (relu's mask): gradient zero.
  for (const kernelName of ["Less", "LessEqual", "Greater", "GreaterEqual", "Equal", "NotEqual", "LogicalAnd", "LogicalOr", "LogicalNot", "IsNan", "IsInf", "IsFinite"]) {
    if (tf.getGradient(kernelName) !== undefined) continue;
    const names = kernelName === "LogicalNot" || kernelName.startsWith("Is") ? ["x"] : ["a", "b"];
    tf.registerGradient({ kernelName, inputsToSave: names, gradFunc: (_dy: T | T[], saved: T[]) => Object.fromEntries(names.map((n, i) => [n, () => tf.zeros(saved[i].shape)])) });
  }
  // nll_loss's gradient kernel is linear in dy: dlogp = M * dy (M its output for dy = 1, broadcast over
  // the class dim 1 for reduction 'none'), so the gradient for dy sums gbar * M (over the class dim).
  if (tf.getGradient("TorchlabNllLossGrad") === undefined) {
    tf.registerGradient({
      kernelName: "TorchlabNllLossGrad",
      // src/ops/nll.ts passes a weight (ones when none) whenever this gradient may be taken.
      inputsToSave: ["dy", "target", "weight"],
      gradFunc: (gbar: T | T[], saved: T[], attrs?: tf.NamedAttrMap) => {
        const [dy, target, weight] = saved;
        const m = run("TorchlabNllLossGrad", { dy: tf.onesLike(dy), target, weight }, attrs as unknown as Record<string, unknown>);
        return {
          dy: () => (dy.rank === 0 ? tf.sum(tf.mul(gbar as T, m)) : tf.sum(tf.mul(gbar as T, m), 1)),
          target: () => tf.zeros(target.shape),
          weight: () => tf.zerosLike(weight),
        };
      },
    });
  }
  registerTorchlabGradients();
  const matMul = tf.getGradient("BatchMatMul");
  if (matMul && tf.getGradient("TorchlabMatMul") === undefined) tf.registerGradient({ ...matMul, kernelName: "TorchlabMatMul" });
  if (tf.getGradient("TorchlabTranspose2d") === undefined) {
    tf.registerGradient({ kernelName: "TorchlabTranspose2d", gradFunc: (dy: T | T[]) => ({ x: () => tf.transpose(dy as T) }) });
  }
}

/**
 * Gradients of torchlab's NCHW convolution kernels (js_kernels.ts) and of max pooling's gradient
 * kernel, from the adjoint identities: the convolution is linear in x and in w, its input gradient is
 * linear in dy and w, its weight gradient in x and dy, and each one's adjoint is another of the three.
 */
function registerTorchlabGradients(): void {
  const conv = (x: T, w: T, attrs: Record<string, unknown>): T => run("TorchlabConv2d", { x, w }, attrs);
  const inputGrad = (dy: T, w: T, attrs: Record<string, unknown>, inputShape: number[]): T => run("TorchlabConv2dInputGrad", { dy, w }, { ...attrs, inputShape });
  const weightGrad = (x: T, dy: T, attrs: Record<string, unknown>, w: number[]): T => run("TorchlabConv2dWeightGrad", { x, dy }, { ...attrs, kernel: [w[2], w[3]] });
  const register = (kernelName: string, inputsToSave: string[], gradFunc: (g: T, saved: T[], attrs: Record<string, unknown>) => Record<string, () => T>): void => {
    if (tf.getGradient(kernelName) !== undefined) return;
    tf.registerGradient({ kernelName, inputsToSave, gradFunc: (g, saved, attrs) => gradFunc(g as T, saved, (attrs ?? {}) as unknown as Record<string, unknown>) });
  };
  // (A key for an input the kernel was not given is ignored: bias is optional.)
  register("TorchlabConv2d", ["x", "w"], (g, [x, w], a) => ({ x: () => inputGrad(g, w, a, x.shape), w: () => weightGrad(x, g, a, w.shape), bias: () => tf.sum(g, [0, 2, 3]) }));
  register("TorchlabConv2dInputGrad", ["dy", "w"], (g, [dy, w], a) => ({ dy: () => conv(g, w, a), w: () => weightGrad(g, dy, a, w.shape) }));
  register("TorchlabConv2dWeightGrad", ["x", "dy"], (g, [x, dy], a) => ({ x: () => inputGrad(dy, g, a, x.shape), dy: () => conv(x, g, a) }));
  // Cumprod (prod's backward runs it): y_j is the product of x_k over k <= j (k < j exclusive, counted
  // from the end when reverse), so dy_j/dx_i is that product with x_i left out: the cumprod of x with
  // x_i replaced by 1, one row per i. Quadratic in the axis length, but exact where x has zeros.
  register("Cumprod", ["x"], (g, [x], a) => ({
    x: () => {
      const rank = x.rank;
      const axis = ((a.axis as number) + rank) % rank;
      const perm = [...Array(rank).keys()].filter((d) => d !== axis).concat(axis);
      const inv = perm.map((_, d) => perm.indexOf(d));
      const reverse = a.reverse === true;
      const last = (t: T): T => (reverse ? tf.reverse(tf.transpose(t, perm), rank - 1) : tf.transpose(t, perm));
      const xt = last(x);
      const n = xt.shape[rank - 1];
      const eye = tf.cast(tf.eye(n), "bool");
      const rows = tf.where(eye, tf.onesLike(tf.expandDims(xt, -2)), tf.broadcastTo(tf.expandDims(xt, -2), [...xt.shape.slice(0, -1), n, n]));
      const partial = tf.cumprod(rows, rank, a.exclusive === true);
      // Row i reaches outputs j >= i (j > i exclusive).
      const reach = tf.cast(tf.linalg.bandPart(tf.ones([n, n]), 0, -1), "float32");
      const mask = a.exclusive === true ? tf.sub(reach, tf.eye(n)) : reach;
      const dx = tf.sum(tf.mul(tf.mul(partial, mask), tf.expandDims(last(g), -2)), rank);
      return tf.transpose(reverse ? tf.reverse(dx, rank - 1) : dx, inv);
    },
  }));
  // dx scatters dy to each window's argmax (a flat index within its [H, W] plane): the adjoint gathers.
  register("TorchlabMaxPool2dGrad", ["dy", "indices"], (g, [dy, indices]) => {
    const [n, c] = dy.shape;
    const plane = g.size / Math.max(1, n * c);
    // One flat gather (wasm's GatherV2 with batchDims gave wrong values for more than one plane).
    const flat = (): T => tf.add(tf.reshape(indices, [n * c, -1]), tf.reshape(tf.range(0, n * c * plane, plane, "int32"), [n * c, 1]));
    return {
      dy: () => tf.reshape(tf.gather(tf.reshape(g, [-1]), tf.reshape(flat(), [-1])), dy.shape),
      indices: () => tf.zeros(indices.shape),
    };
  });
}
