/**
 * Module backward hooks, PyTorch's two kinds:
 *
 * - `register_full_backward_hook(hook)` (torch/utils/hooks.py BackwardHook): the module's tensor
 *   inputs and its output tensors each pass through an identity autograd Function
 *   (`BackwardHookFunction`). The outputs' node records the gradients reaching the outputs; the inputs'
 *   node, which runs once the module's whole backward is done, calls `hook(module, grad_input,
 *   grad_output)` with one entry per tensor input (null for one that needs no gradient) and uses what
 *   it returns, if anything, as the inputs' gradients. When no input requires grad the hook runs at
 *   the outputs' node with grad_input all null.
 * - `register_backward_hook(hook)` (deprecated in PyTorch, still used by tutorials): a post-hook on the
 *   grad_fn of the first output tensor, so grad_input is that one node's input gradients (for a Conv2d
 *   (input, weight, bias); other layers' single-node backward may order them differently than PyTorch's).
 */
import { Function, type FunctionCtx } from "../../autograd/function";
import { is_grad_enabled } from "../../autograd/grad_mode";
import { RuntimeError, TypeError } from "../../errors";
import { Tensor } from "../../tensor/tensor";
import { zeros_like } from "../../ops/creation";
import type { Module } from "./module";
import { asPyTuple } from "../../pyrepr";

/** `hook(module, grad_input, grad_output)`: may return replacement grad_input (one entry per tensor input). */
export type BackwardHook<M extends Module = Module> = (module: M, grad_input: (Tensor | null)[], grad_output: (Tensor | null)[]) => (Tensor | null)[] | null | undefined | void;

type OnGrads = (grads: (Tensor | null)[]) => (Tensor | null)[];

/** The identity that puts a node in the graph; its backward hands the gradients to `onGrads`. */
class BackwardHookFunction extends Function {
  static forward(ctx: FunctionCtx, onGrads: OnGrads, materialize: boolean, ...args: Tensor[]): Tensor[] {
    ctx.onGrads = onGrads;
    ctx.set_materialize_grads(materialize);
    return args;
  }
  static backward(ctx: FunctionCtx, ...grads: (Tensor | null)[]): (Tensor | null)[] {
    return [null, null, ...(ctx.onGrads as OnGrads)(grads)];
  }
}

/**
 * `tensors` through BackwardHookFunction: the same values, with a node whose backward calls
 * `onGrads`. `materialize`: an output that received no gradient is given zeros (PyTorch's inputs'
 * node) or null (its outputs' node, whose hook sees the gradients as they arrive).
 */
function hookThrough(tensors: Tensor[], materialize: boolean, onGrads: OnGrads): Tensor[] {
  return BackwardHookFunction.apply(onGrads, materialize, ...tensors) as unknown as Tensor[];
}

/** One forward call's full backward hooks: the inputs' and outputs' identity nodes share this state. */
export class BackwardHookState {
  private gradOutputs: (Tensor | null)[] | null = null;
  private nInputs = 0;
  private inputsHooked = false;

  constructor(
    private readonly module: Module,
    private readonly hooks: BackwardHook[],
  ) {}

  /** The forward's arguments with each tensor that requires grad replaced by its hooked identity. */
  setupInputs(args: unknown[]): unknown[] {
    const positions = args.map((a, i) => (a instanceof Tensor ? i : -1)).filter((i) => i >= 0);
    this.nInputs = positions.length;
    const live = positions.filter((i) => (args[i] as Tensor).requires_grad);
    if (!is_grad_enabled() || live.length === 0) return args;
    this.inputsHooked = true;
    const hooked = hookThrough(
      live.map((i) => args[i] as Tensor),
      true,
      (grads) => {
        // PyTorch passes every tensor input through its identity node, those needing no gradient as
        // non-differentiable outputs, whose gradient is then materialised as zeros.
        const gradInput = positions.map((i) => {
          const k = live.indexOf(i);
          return k < 0 ? zeros_like(args[i] as Tensor) : grads[k];
        });
        const result = this.call(gradInput);
        return live.map((i) => result[positions.indexOf(i)]);
      },
    );
    const out = args.slice();
    live.forEach((i, k) => (out[i] = hooked[k]));
    return out;
  }

  /** The forward's result with its tensors that require grad replaced by their hooked identity. */
  setupOutputs(result: unknown): unknown {
    const isArray = Array.isArray(result);
    const items: unknown[] = isArray ? (result as unknown[]).slice() : [result];
    const positions = items.map((o, i) => (o instanceof Tensor ? i : -1)).filter((i) => i >= 0);
    const live = positions.filter((i) => (items[i] as Tensor).requires_grad);
    if (!is_grad_enabled() || live.length === 0) return result;
    const hooked = hookThrough(
      live.map((i) => items[i] as Tensor),
      false,
      (grads) => {
        this.gradOutputs = positions.map((i) => {
          const k = live.indexOf(i);
          return k < 0 ? null : grads[k];
        });
        if (!this.inputsHooked) {
          const r = this.call(Array.from({ length: this.nInputs }, () => null));
          if (r.some((g) => g !== null)) {
            throw new RuntimeError("Backward hook for Modules where no input requires gradient should always return None or None for all gradients.");
          }
        }
        return grads;
      },
    );
    live.forEach((i, k) => (items[i] = hooked[k]));
    return isArray ? items : items[0];
  }

  private call(gradInput: (Tensor | null)[]): (Tensor | null)[] {
    let current = gradInput;
    for (const hook of this.hooks) {
      // Tuples, as PyTorch hands them (print shows `(tensor(...),)`).
      const r = hook(this.module, asPyTuple(current.slice()), asPyTuple((this.gradOutputs ?? []).slice()));
      if (r === undefined || r === null) continue;
      if (!Array.isArray(r)) throw new TypeError(`backward hook returned ${typeof r}; it must return an array of gradients (one per tensor input) or nothing`);
      if (r.length !== current.length) {
        throw new RuntimeError(`Backward hook returned an invalid number of grad_input, got ${r.length}, but expected ${current.length}`);
      }
      current = r;
    }
    return current;
  }
}

/** The first tensor of a forward's result (PyTorch walks into tuples and dicts the same way). */
export function firstTensor(result: unknown): Tensor | null {
  let v = result;
  for (;;) {
    if (v instanceof Tensor) return v;
    if (Array.isArray(v)) {
      if (v.length === 0) return null;
      v = v[0];
    } else if (v !== null && typeof v === "object") {
      const first = Object.values(v as object)[0] as unknown;
      if (first === undefined) return null;
      v = first;
    } else return null;
  }
}
