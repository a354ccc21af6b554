/**
 * `torch.autograd.gradcheck`: compares the gradients autograd computes (one backward per output
 * element) with central finite differences (two evaluations per input element), the check PyTorch's
 * docs ask of every custom autograd.Function.
 */
import { RuntimeError, TypeError, ValueError } from "../errors";
import { Tensor } from "../tensor/tensor";
import * as C from "../ops/creation";
import { enable_grad, no_grad } from "./grad_mode";
import { grad } from "./index";
import { dual_level, make_dual, unpack_dual } from "./forward_ad";

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
  /** Check the reverse-mode gradients (default true). */
  check_backward_ad?: boolean;
  /** Also check the forward-mode gradients (torch.autograd.forward_ad; default false). */
  check_forward_ad?: boolean;
  /**
   * PyTorch's checks of undefined output gradients and of batched (vmap) gradients: torchlab does not
   * run them, so only false is accepted.
   */
  check_undefined_grad?: boolean;
  check_batched_grad?: boolean;
  /** PyTorch's fast mode checks one random projection of the Jacobian; torchlab always checks it all. */
  fast_mode?: boolean;
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
 * divided by the step the float32 input actually took. `check_forward_ad` checks forward-mode AD's
 * Jacobian too (`check_backward_ad: false` skips reverse mode). PyTorch's further checks (reentrant
 * backward, batched and undefined gradients) are not run.
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
  if (diff.length === 0) throw new ValueError("gradcheck expects at least one input tensor to require gradient, but none of the them have requires_grad=True.");
  const backwardAd = options.check_backward_ad ?? true;
  const forwardAd = options.check_forward_ad ?? false;
  if (!backwardAd && !forwardAd) throw new ValueError("Expected at least one of check_forward_ad or check_backward_ad to be True");
  for (const k of ["check_undefined_grad", "check_batched_grad"] as const) {
    if (options[k] === true) throw new ValueError(`${op}(): ${k}=true is not supported by torchlab (that check is not run); pass ${k}: false`);
  }

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
        perturbed[i] = C.tensor(vals, { dtype: a.dtype }).reshape(a.shape);
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

  const mismatch = (o: number, j: number, a: Float64Array, mode: string): boolean => {
    const n = numerical[o][j];
    const bad = n.some((v, k) => !(Math.abs(a[k] - v) <= atol + rtol * Math.abs(v)));
    if (!bad) return false;
    if (options.raise_exception === false) return true;
    const shape = [diff[j].a.numel(), outSizes[o]];
    const show = (x: Float64Array): string => String(C.tensor(Array.from(x), { dtype: "float32" }).reshape(shape));
    throw new GradcheckError(`Jacobian ${mode}mismatch for output ${o} with respect to input ${diff[j].i},\nnumerical:${show(n)}\nanalytical:${show(a)}\n`);
  };

  if (forwardAd) {
    // One forward pass per input element, its tangent the one-hot direction: a column of each Jacobian.
    const forward = outSizes.map((size) => diff.map(({ a }) => new Float64Array(a.numel() * size)));
    diff.forEach(({ a, i }, j) => {
      for (let k = 0; k < a.numel(); k++) {
        const onehot = new Array<number>(a.numel()).fill(0);
        onehot[k] = 1;
        const tangents = dual_level(() => {
          const dualArgs = args.slice();
          dualArgs[i] = make_dual(a, C.tensor(onehot, { dtype: a.dtype }).reshape(a.shape));
          return outputsOf(op, func(...dualArgs)).map((out) => unpack_dual(out).tangent);
        });
        tangents.forEach((t, o) => {
          if (t !== null) values(t).forEach((v, m) => (forward[o][j][k * outSizes[o] + m] = v));
        });
      }
    });
    for (let o = 0; o < outputs.length; o++) for (let j = 0; j < diff.length; j++) if (mismatch(o, j, forward[o][j], "computed with forward mode ")) return false;
  }

  for (let o = 0; backwardAd && o < outputs.length; o++) {
    const out = outputs[o];
    const analytical = diff.map(({ a }) => new Float64Array(a.numel() * outSizes[o]));
    if (out.requires_grad) {
      for (let m = 0; m < outSizes[o]; m++) {
        const onehot = new Array<number>(outSizes[o]).fill(0);
        onehot[m] = 1;
        const g = grad([out], diff.map(({ a }) => a), {
          grad_outputs: [C.tensor(onehot, { dtype: out.dtype }).reshape(out.shape)],
          retain_graph: true,
          allow_unused: true,
        });
        g.forEach((gj, j) => {
          if (gj === null) return;
          values(gj).forEach((v, k) => (analytical[j][k * outSizes[o] + m] = v));
        });
      }
    }
    for (let j = 0; j < diff.length; j++) if (mismatch(o, j, analytical[j], "")) return false;
  }
  return true;
}

/**
 * `torch.autograd.gradgradcheck`: checks second derivatives by running gradcheck on the function
 * `(inputs, grad_outputs) -> autograd.grad(func(inputs), inputs, grad_outputs, {create_graph: true})`.
 * `grad_outputs` defaults to uniform random values in [-1, 1) that require grad, as PyTorch's do.
 *
 * @example
 * const x = torch.rand(3, 3, { requires_grad: true, dtype: torch.double });
 * torch.autograd.gradgradcheck((x: Tensor) => Square.apply(x), x);   // true
 */
export function gradgradcheck(func: (input: Tensor) => Tensor | readonly Tensor[], inputs: Tensor, grad_outputs?: Tensor | Tensor[] | null | GradcheckOptions, options?: GradcheckOptions): boolean;
export function gradgradcheck<A extends unknown[]>(
  func: (...inputs: A) => Tensor | readonly Tensor[],
  inputs: [...A],
  grad_outputs?: Tensor | Tensor[] | null | GradcheckOptions,
  options?: GradcheckOptions,
): boolean;
export function gradgradcheck(fn: (...inputs: never[]) => unknown, inputs: unknown, grad_outputs?: unknown, options?: GradcheckOptions): boolean {
  const op = "gradgradcheck";
  if (typeof fn !== "function") throw new TypeError(`${op}(): func must be a function, not ${typeof fn}`);
  const isOpts = grad_outputs !== null && typeof grad_outputs === "object" && !(grad_outputs instanceof Tensor) && !Array.isArray(grad_outputs);
  if (isOpts && options !== undefined) throw new TypeError(`${op}() takes grad_outputs either positionally or in the options object`);
  const opts = (isOpts ? grad_outputs : options ?? {}) as GradcheckOptions & { grad_outputs?: Tensor | Tensor[] | null };
  const given = isOpts ? opts.grad_outputs : (grad_outputs as Tensor | Tensor[] | null | undefined);
  const func = fn as (...inputs: unknown[]) => unknown;
  const args: unknown[] = inputs instanceof Tensor ? [inputs] : Array.isArray(inputs) ? inputs.slice() : [inputs];
  const diffAt = args.map((a, i) => (a instanceof Tensor && a.requires_grad ? i : -1)).filter((i) => i >= 0);
  if (diffAt.length === 0) throw new ValueError("gradcheck expects at least one input tensor to require gradient, but none of the them have requires_grad=True.");
  const outputs = outputsOf(op, func(...args));
  let gos: Tensor[];
  if (given === undefined || given === null) {
    gos = outputs.map((o) => C.rand(o.shape).mul(2).sub(1).requires_grad_());
  } else {
    gos = given instanceof Tensor ? [given] : given.slice();
    if (gos.length !== outputs.length) throw new RuntimeError(`${op}(): got ${gos.length} grad_outputs for ${outputs.length} outputs`);
  }
  const n = args.length;
  const firstOrder = (...xs: unknown[]): Tensor[] =>
    enable_grad(() => {
      const ins = xs.slice(0, n);
      // gradcheck's finite differences hand in fresh tensors: those differentiated must require grad.
      for (const i of diffAt) {
        const t = ins[i] as Tensor;
        if (!t.requires_grad) ins[i] = t.detach().requires_grad_();
      }
      const outs = outputsOf(op, func(...ins));
      const used = outs.map((o, k) => ({ o, g: xs[n + k] as Tensor })).filter(({ o }) => o.requires_grad);
      if (used.length === 0) return [];
      const gs = grad(
        used.map(({ o }) => o),
        diffAt.map((i) => ins[i] as Tensor),
        { grad_outputs: used.map(({ g }) => g), create_graph: true, allow_unused: true },
      );
      return gs.filter((g): g is Tensor => g !== null);
    });
  const rest: GradcheckOptions = { ...opts };
  delete (rest as { grad_outputs?: unknown }).grad_outputs;
  return gradcheck(firstOrder as (...xs: unknown[]) => Tensor[], [...args, ...gos], rest);
}
