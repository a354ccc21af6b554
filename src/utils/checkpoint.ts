/**
 * torch.utils.checkpoint: trade compute for memory. `checkpoint(fn, ...args)` runs `fn` without
 * recording a graph, keeps only its inputs, and runs it again during backward to get the gradients,
 * as PyTorch 1.13's reentrant checkpoint does: with the random state of the first run restored (so
 * dropout draws the same masks), the same values and gradients as a plain call, the same random
 * stream afterwards, and its warning (then no gradients) when no input tensor requires grad.
 * `{use_reentrant: false}` runs `fn` as a plain call (PyTorch's non-reentrant variant frees
 * activations through saved-tensor hooks, which torchlab's tape has not), with the same values.
 */
import { Tensor } from "../tensor/tensor";
import { isOptions } from "../tensor/args";
import { RuntimeError, ValueError, TypeError } from "../errors";
import { no_grad, enable_grad } from "../autograd/grad_mode";
import { Function as AutogradFunction, FunctionCtx } from "../autograd/function";
import { backward } from "../autograd/index";
import { get_rng_state, set_rng_state } from "../tensor/random";
import { scoped } from "../backend/scopes";
import { Module } from "../nn/modules/module";
import { Sequential } from "../nn/modules/container";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (...args: any[]) => unknown;

interface CheckpointState {
  run_function: Fn;
  preserve_rng_state: boolean;
  fwd_cpu_state?: Tensor;
  inputs: unknown[];
  tensor_indices: number[];
}

const states = new WeakMap<FunctionCtx, CheckpointState>();

class CheckpointFunction extends AutogradFunction {
  static forward(ctx: FunctionCtx, run_function: Fn, preserve_rng_state: boolean, ...args: unknown[]): unknown {
    if (!args.some((a) => a instanceof Tensor && a.requires_grad)) {
      process.emitWarning("None of the inputs have requires_grad=True. Gradients will be None", "UserWarning");
    }
    const st: CheckpointState = { run_function, preserve_rng_state, inputs: [], tensor_indices: [] };
    if (preserve_rng_state) st.fwd_cpu_state = get_rng_state();
    const tensors: Tensor[] = [];
    args.forEach((a, i) => {
      if (a instanceof Tensor) {
        tensors.push(a);
        st.tensor_indices.push(i);
        st.inputs.push(null);
      } else st.inputs.push(a);
    });
    ctx.save_for_backward(...tensors);
    states.set(ctx, st);
    return no_grad(() => run_function(...args));
  }

  static backward(ctx: FunctionCtx, ...grads: (Tensor | null)[]): (Tensor | null)[] {
    const st = states.get(ctx)!;
    const inputs = [...st.inputs];
    const saved = ctx.saved_tensors;
    st.tensor_indices.forEach((idx, i) => (inputs[idx] = saved[i]));
    const detached = inputs.map((inp) => (inp instanceof Tensor ? inp.detach().requires_grad_(inp.requires_grad) : inp));
    // Recompute from the forward's random state, then give the stream back where backward found it
    // (PyTorch's fork_rng: a registered scope, so a cell stopped in the recompute gives it back too).
    const rerun = () => enable_grad(() => st.run_function(...detached));
    const outputs = !st.preserve_rng_state
      ? rerun()
      : scoped(() => {
          const current = get_rng_state();
          set_rng_state(st.fwd_cpu_state!);
          return () => set_rng_state(current);
        }, rerun);
    const outs = outputs instanceof Tensor ? [outputs] : (outputs as unknown[]);
    const withGrad: Tensor[] = [];
    const gradsFor: Tensor[] = [];
    outs.forEach((o, i) => {
      if (o instanceof Tensor && o.requires_grad && grads[i] !== null && grads[i] !== undefined) {
        withGrad.push(o);
        gradsFor.push(grads[i] as Tensor);
      }
    });
    if (withGrad.length === 0) throw new RuntimeError("none of output has requires_grad=True, this checkpoint() is not necessary");
    backward(withGrad, gradsFor);
    return [null, null, ...detached.map((d) => (d instanceof Tensor ? d.grad : null))];
  }
}

interface CheckpointOptions {
  use_reentrant?: boolean;
  preserve_rng_state?: boolean;
}
const OPTION_NAMES = ["use_reentrant", "preserve_rng_state"];

function splitOptions(args: unknown[]): [unknown[], CheckpointOptions] {
  const last = args[args.length - 1];
  if (args.length > 0 && isOptions(last)) {
    const unknown = Object.keys(last).filter((k) => !OPTION_NAMES.includes(k));
    if (unknown.length > 0) throw new ValueError(`Unexpected keyword arguments: ${unknown.join(",")}`);
    return [args.slice(0, -1), last as CheckpointOptions];
  }
  return [args, {}];
}

/**
 * `checkpoint(fn, ...args)` (trailing `{use_reentrant, preserve_rng_state}` optional): fn's result,
 * with its activations recomputed during backward instead of kept.
 * @example const h = torch.utils.checkpoint.checkpoint((t) => block(t), x);
 */
export function checkpoint(fn: Fn, ...rest: unknown[]): any { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (typeof fn !== "function") throw new TypeError(`checkpoint(): the first argument must be a function or a module, got ${typeof fn}`);
  const [args, o] = splitOptions(rest);
  const preserve = o.preserve_rng_state ?? true;
  if (o.use_reentrant === false) return fn(...args);
  return (CheckpointFunction.apply as (...a: unknown[]) => unknown).call(CheckpointFunction, fn, preserve, ...args);
}

/**
 * `checkpoint_sequential(functions, segments, input)`: runs a Sequential (or a list of modules) in
 * `segments` chunks, checkpointing all but the last, as PyTorch splits it.
 */
export function checkpoint_sequential(functions: Sequential | Module[] | Fn[], segments: number, input: Tensor, options: CheckpointOptions = {}): Tensor {
  const unknown = Object.keys(options).filter((k) => !OPTION_NAMES.includes(k));
  if (unknown.length > 0) throw new ValueError(`Unexpected keyword arguments: ${unknown.join(",")}`);
  const fns = (functions instanceof Sequential ? [...functions.children()] : functions) as unknown as Fn[];
  const run = (start: number, end: number) => (x: unknown) => {
    for (let j = start; j <= end; j++) x = fns[j](x);
    return x;
  };
  const size = Math.floor(fns.length / segments);
  let end = -1;
  let x: unknown = input;
  for (let start = 0; start < size * (segments - 1); start += size) {
    end = start + size - 1;
    x = checkpoint(run(start, end), x, { use_reentrant: options.use_reentrant ?? true, preserve_rng_state: options.preserve_rng_state ?? true });
  }
  return run(end + 1, fns.length - 1)(x) as Tensor;
}
