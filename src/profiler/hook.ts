/**
 * The one seam between torchlab's ops and torch.profiler: ops that PyTorch records under an
 * `aten::` name check `profiling.active` (a property read, nothing else, when no profiler runs)
 * and only then go through `profiled`, which times the call and nests it under the enclosing ones.
 */
import { Tensor } from "../tensor/tensor";
import { scoped } from "../backend/scopes";

/** What an active profiler records into: one `begin` / `end` pair per op call, properly nested. */
export interface OpRecorder {
  begin(name: string, inputShapes: number[][] | null): void;
  end(): void;
}

export const profiling: { active: OpRecorder | null } = { active: null };

/**
 * Runs `fn` as one recorded call of `name` whose arguments were `args` (a tensor's shape, `[]` for
 * anything else, as PyTorch's "Input Shapes" shows them). Call only when `profiling.active` is set.
 * `hideInner`: an in-place op (aten::relu_) built on its out-of-place twin records only itself.
 */
export function profiled<T>(name: string, args: unknown[], fn: () => T, hideInner = false): T {
  const r = profiling.active;
  if (r === null) return fn();
  // A registered scope (only while profiling): a cell stopped inside the call still ends its range
  // and gives the recorder back, as PyTorch's RecordFunction ends on KeyboardInterrupt.
  return scoped(() => {
    r.begin(name, args.map((a) => (a instanceof Tensor ? a.shape.slice() : [])));
    if (hideInner) profiling.active = null;
    return () => {
      profiling.active = r;
      r.end();
    };
  }, fn);
}
