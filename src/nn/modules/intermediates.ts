/**
 * Freeing nn.Sequential's intermediates early. Between two children of a Sequential, the output of
 * one is the input of the next and nothing else: no user code ever sees it. Once the next child has
 * returned, only the autograd graph can still read it (its consumers' saved inputs, its producer's
 * backward), so its buffer can be freed as soon as backward() releases those nodes (or at once under
 * no_grad) instead of waiting for a full garbage collection to finalize its wrapper. Fresh buffers
 * cost far more than reused ones on wasm, and a forced collection costs tens of milliseconds.
 *
 * This holds only for children whose forward is known to keep no reference to its input or output
 * (the built-in layers below, not subclassed, forward not replaced, no hooks) and for intermediates
 * that share no buffer with anything else (a child handing back its input, an in-place ReLU, a view).
 * The one exception is a built-in Flatten between two such children (conv or pool, then Linear): its
 * output is a view of an intermediate that nothing else reads, so both go once the next child returns.
 */
import { Tensor } from "../../tensor/tensor";
import { currentLevel } from "../../autograd/forward_state";
import { freeGraphOnly } from "../../autograd/node";
import { Module, moduleTarget } from "./module";
import { Conv2d } from "./conv";
import { ReLU, Sigmoid, Tanh } from "./activation";
import { AvgPool2d, MaxPool2d } from "./pooling";
import { BatchNorm1d, BatchNorm2d } from "./batchnorm";
import { Dropout } from "./dropout";
import { Linear } from "./linear";
import { Flatten } from "./flatten";

const KEEPS_NOTHING: ReadonlySet<unknown> = new Set<unknown>([Conv2d, Linear, ReLU, Sigmoid, Tanh, MaxPool2d, AvgPool2d, BatchNorm1d, BatchNorm2d, Dropout]);
const FLATTEN: ReadonlySet<unknown> = new Set<unknown>([Flatten]);

/**
 * Whether calling `m` runs one of the built-in forwards in `classes` and nothing else (no hooks). Reads
 * the module behind its Proxy (the same fields; reads through a Proxy cost ~3x, on every forward).
 */
function keepsNothing(module: Module, classes: ReadonlySet<unknown> = KEEPS_NOTHING): boolean {
  const m = moduleTarget(module);
  const cls = m.constructor as { prototype: { forward: unknown } };
  return (
    classes.has(cls) &&
    m.forward === cls.prototype.forward &&
    m._forward_pre_hooks.size === 0 &&
    m._forward_hooks.size === 0 &&
    m._backward_hooks.size === 0
  );
}

/** Whether `y`, returned by a child given `x`, is a tensor of its own (no shared buffer, not a view). */
function fresh(y: unknown, x: unknown): y is Tensor {
  return y instanceof Tensor && x instanceof Tensor && y !== x && y._s !== x._s && y._view === null;
}

/**
 * Runs `mods` in sequence on `input`, as Sequential.forward does, freeing each intermediate that
 * only the graph can still read (see above).
 */
export function runFreeingIntermediates(mods: Module[], input: unknown): unknown {
  let x = input;
  // Whether `x` is a fresh tensor made by a child that kept no reference to it (or a view of one
  // that a built-in Flatten made since: `base` is that tensor then, `views` the views of it).
  let own = false;
  let base: Tensor | null = null;
  let views: Tensor[] = [];
  for (const m of mods) {
    const pure = keepsNothing(m);
    const y = m._call_impl(x);
    if (own && !pure && keepsNothing(m, FLATTEN)) {
      const b: Tensor = base ?? (x as Tensor);
      if (y === x || (y instanceof Tensor && y._view !== null && y._view.base === b)) {
        if (y !== x) views.push(y as Tensor);
        base = b;
        x = y;
        continue;
      }
    }
    const yOwn = pure && fresh(y, x);
    // Forward AD's lazy tangents read a result after its op returned: nothing is freed under it.
    if (own && yOwn && currentLevel() < 0) {
      for (const v of views) freeGraphOnly(v);
      freeGraphOnly(base ?? (x as Tensor));
    }
    x = y;
    own = yOwn;
    base = null;
    views = [];
  }
  return x;
}
