/**
 * The define-by-run tape, micrograd-shaped: every differentiable op that sees an input requiring grad
 * creates a Node holding its inputs and a backward closure; `backward()` orders the nodes
 * topologically and walks them in reverse, handing each its output gradient.
 */
import { tf } from "../backend/tf";
import { RuntimeError } from "../errors";
import type { Tensor } from "../tensor/tensor";

/** Maps the gradient of a node's output to gradients of its inputs (null where an input needs none). */
export type BackwardFn = (grad: tf.Tensor) => (tf.Tensor | null)[];

export class Node {
  private readonly _name: string;
  /** The tensors this op consumed, in order; kept alive until the graph is released. */
  inputs: Tensor[];
  private versions: number[];
  private storages: Tensor["_s"][];
  private fn: BackwardFn | null;
  /** Set by Tensor.retain_grad() on the output of this node. */
  retained: Tensor | null = null;
  /**
   * The output, for ops whose backward reads it (exp, sigmoid, softmax, ...): writing to it in place is an
   * error. Held strongly (the backward closure holds it anyway): a WeakRef would keep its target alive
   * until the running job ends, so a synchronous training loop could never free any output.
   */
  private output: { tensor: Tensor; storage: Tensor["_s"]; version: number } | null = null;

  constructor(name: string, inputs: Tensor[], fn: BackwardFn) {
    this._name = name;
    this.inputs = inputs;
    this.versions = inputs.map((t) => t._s.version);
    this.storages = inputs.map((t) => t._s);
    this.fn = fn;
  }

  /** @internal records that the backward closure reads `out`, so an in-place write to it is caught. */
  saveOutput(out: Tensor): void {
    this.output = { tensor: out, storage: out._s, version: out._s.version };
  }

  /** PyTorch's class name of the node, e.g. 'AddBackward0'. */
  name(): string {
    return this._name;
  }

  /** The nodes feeding this one (null for inputs that need no grad), as PyTorch's next_functions. */
  get next_functions(): [Node | "AccumulateGrad" | null, number][] {
    return this.inputs.map((t) => [t.grad_fn ?? (t.requires_grad ? "AccumulateGrad" : null), 0]);
  }

  toString(): string {
    return `<${this._name} object>`;
  }

  /** @internal */
  apply(grad: tf.Tensor): (tf.Tensor | null)[] {
    if (this.fn === null) {
      throw new RuntimeError(
        "Trying to backward through the graph a second time (or directly access saved tensors after they have " +
          "already been freed). Saved intermediate values of the graph are freed when you call .backward(). " +
          "Specify retain_graph=true if you need to backward through the graph a second time.",
      );
    }
    this.inputs.forEach((t, i) => {
      if (t._s !== this.storages[i] || t._s.version !== this.versions[i]) {
        throw new RuntimeError(
          `one of the variables needed for gradient computation has been modified by an inplace operation: ` +
            `[${t.dtype} [${t.shape.join(", ")}]] is at version ${t._s === this.storages[i] ? t._s.version : this.versions[i] + 1}; expected version ${this.versions[i]} ` +
            `instead (input ${i} of ${this._name}).`,
        );
      }
    });
    const saved = this.output;
    const out = saved?.tensor;
    if (saved && out && (out._s !== saved.storage || out._s.version !== saved.version)) {
      throw new RuntimeError(
        `one of the variables needed for gradient computation has been modified by an inplace operation: ` +
          `[${out.dtype} [${out.shape.join(", ")}]], which is output 0 of ${this._name}, is at version ${out._s.version}; ` +
          `expected version ${saved.version} instead.`,
      );
    }
    return this.fn(grad);
  }

  /** @internal Frees what the node holds; a second backward through it then raises. */
  release(): void {
    this.fn = null;
    this.inputs = [];
    this.storages = [];
    this.output = null;
  }
}
