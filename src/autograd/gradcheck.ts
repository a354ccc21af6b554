/**
 * `torch.autograd.gradcheck`: compares the gradients autograd computes (one backward per output
 * element) with central finite differences (two evaluations per input element), the check PyTorch's
 * docs ask of every custom autograd.Function.
 */
import { RuntimeError, TypeError, ValueError } from "../errors";
import { Tensor } from "../tensor/tensor";
import * as C from "../ops/creation";
import { no_grad } from "./grad_mode";
import { grad } from "./index";

/** PyTorch's GradcheckError: what gradcheck raises when the gradients disagree. */
export class GradcheckError extends RuntimeError {
  constructor(message: string) {
    super(message);
    this.name = "GradcheckError";
  }
}

export interface GradcheckOptions {
  /** The finite-difference step (default 1e-3; PyTorch's 1e-6 is for float64). */
  eps?: number;
  /** Absolute tolerance (default 1e-3; PyTorch's float64 default is 1e-5). */
  atol?: number;
  /** Relative tolerance (default 1e-2; PyTorch's float64 default is 1e-3). */
  rtol?: number;
  /** Raise GradcheckError on a mismatch (default), or return false. */
  raise_exception?: boolean;
}

function values(t: Tensor): number[] {
  return Array.from(t.detach().contiguous().dataSync() as ArrayLike<number>);
}

function outputsOf(op: string, r: unknown): Tensor[] {
  const list = Array.isArray(r) ? r : [r];
  list.forEach((o, i) => {
    if (!(o instanceof Tensor)) throw new TypeError(`${op}(): func must return a Tensor or an array of Tensors; output ${i} is ${o === null ? "null" : typeof o}`);
  });
  return list as Tensor[];
}

/**
 * Checks the gradients of `func` at `inputs` (a Tensor, or an array whose Tensors with
 * requires_grad are differentiated) against finite differences: for every output and input, each
 * entry of the Jacobian must satisfy |analytical - numerical| <= atol + rtol * |numerical|.
 * Returns true, or raises GradcheckError with both Jacobians (shape [input numel, output numel]).
 *
 * torchlab computes in float32, where PyTorch's gradcheck wants float64 inputs: the defaults are
 * float32's (eps 1e-3, atol 1e-3, rtol 1e-2 instead of 1e-6, 1e-5, 1e-3), and each difference is
 * divided by the step the float32 input actually took. PyTorch's further checks (reentrant backward,
 * batched, forward-mode and undefined gradients) are not run.
 *
 * @example
 * const input = [torch.randn(20, 20, { requires_grad: true }), torch.randn(30, 20, { requires_grad: true })];
 * torch.autograd.gradcheck((x: Tensor, w: Tensor) => LinearFunction.apply(x, w), input);  // true
 */
export function gradcheck(func: (input: Tensor) => Tensor | readonly Tensor[], inputs: Tensor, options?: GradcheckOptions): boolean;
export function gradcheck<A extends unknown[]>(func: (...inputs: A) => Tensor | readonly Tensor[], inputs: [...A], options?: GradcheckOptions): boolean;
export function gradcheck(fn: (...inputs: never[]) => unknown, inputs: unknown, options: GradcheckOptions = {}): boolean {
  const op = "gradcheck";
  if (typeof fn !== "function") throw new TypeError(`${op}(): func must be a function, not ${typeof fn}`);
  const func = fn as (...inputs: unknown[]) => unknown;
  const eps = options.eps ?? 1e-3;
  const atol = options.atol ?? 1e-3;
  const rtol = options.rtol ?? 1e-2;
  if (!(eps > 0)) throw new ValueError(`${op}(): eps must be positive, got ${eps}`);
  const args: unknown[] = inputs instanceof Tensor ? [inputs] : Array.isArray(inputs) ? inputs.slice() : [inputs];
  const diff = args.map((a, i) => ({ a, i })).filter((x): x is { a: Tensor; i: number } => x.a instanceof Tensor && x.a.requires_grad);
  if (diff.length === 0) throw new ValueError(`${op}(): at least one input tensor should require gradient`);

  const outputs = outputsOf(op, func(...args));
  const outSizes = outputs.map((o) => o.numel());
  // numerical[o][j]: for input j, a [numel_j x numel_o] row-major Jacobian.
  const numerical = outSizes.map((size) => diff.map(({ a }) => new Float64Array(a.numel() * size)));
  no_grad(() => {
    diff.forEach(({ a, i }, j) => {
      const base = values(a);
      const at = (k: number, v: number): Tensor[] => {
        const vals = base.slice();
        vals[k] = v;
        const perturbed = args.slice();
        perturbed[i] = C.tensor(vals, { dtype: "float32" }).reshape(a.shape);
        return outputsOf(op, func(...perturbed));
      };
      for (let k = 0; k < base.length; k++) {
        const hi = Math.fround(base[k] + eps);
        const lo = Math.fround(base[k] - eps);
        const plus = at(k, hi).map(values);
        const minus = at(k, lo).map(values);
        outputs.forEach((_, o) => {
          for (let m = 0; m < outSizes[o]; m++) numerical[o][j][k * outSizes[o] + m] = (plus[o][m] - minus[o][m]) / (hi - lo);
        });
      }
    });
  });

  for (let o = 0; o < outputs.length; o++) {
    const out = outputs[o];
    const analytical = diff.map(({ a }) => new Float64Array(a.numel() * outSizes[o]));
    if (out.requires_grad) {
      for (let m = 0; m < outSizes[o]; m++) {
        const onehot = new Array<number>(outSizes[o]).fill(0);
        onehot[m] = 1;
        const g = grad([out], diff.map(({ a }) => a), {
          grad_outputs: [C.tensor(onehot, { dtype: "float32" }).reshape(out.shape)],
          retain_graph: true,
          allow_unused: true,
        });
        g.forEach((gj, j) => {
          if (gj === null) return;
          values(gj).forEach((v, k) => (analytical[j][k * outSizes[o] + m] = v));
        });
      }
    }
    for (let j = 0; j < diff.length; j++) {
      const n = numerical[o][j];
      const a = analytical[j];
      const bad = n.some((v, k) => !(Math.abs(a[k] - v) <= atol + rtol * Math.abs(v)));
      if (!bad) continue;
      if (options.raise_exception === false) return false;
      const shape = [diff[j].a.numel(), outSizes[o]];
      const show = (x: Float64Array): string => String(C.tensor(Array.from(x), { dtype: "float32" }).reshape(shape));
      throw new GradcheckError(`Jacobian mismatch for output ${o} with respect to input ${diff[j].i},\nnumerical:${show(n)}\nanalytical:${show(a)}\n`);
    }
  }
  return true;
}
