/**
 * Modules as functions of their state: torch.func's functional_call and stack_module_state, and
 * functorch 1.13's make_functional, make_functional_with_buffers and combine_state_for_ensemble.
 */
import { Tensor } from "../tensor/tensor";
import { RuntimeError, TypeError, ValueError } from "../errors";
import { Module } from "../nn/modules/module";
import { functional_call as statelessCall } from "../nn/utils/stateless";
import { stack } from "../ops/movement";
import { asPyTuple } from "../pyrepr";

type StateDict = Record<string, Tensor> | Map<string, Tensor>;

const entriesOf = (d: StateDict): [string, Tensor][] => (d instanceof Map ? [...d.entries()] : Object.entries(d ?? {}));

/**
 * torch.func's `functional_call(module, parameter_and_buffer_dicts, args, kwargs)`: calls `module`
 * with the named parameters and buffers replaced for this call. The state is one dict, or an array
 * (a tuple) of dicts, such as `[params, buffers]`, which must not share a key; `args` is one argument
 * or an array of them.
 *
 * @example
 * const predictions = torch.func.functional_call(model, [params, buffers], [batch]);
 */
export function functional_call(module: Module, parameter_and_buffer_dicts: StateDict | readonly StateDict[], args: unknown, kwargs?: Record<string, unknown>): any { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!Array.isArray(parameter_and_buffer_dicts)) return statelessCall(module, parameter_and_buffer_dicts as StateDict, args, kwargs);
  const merged = new Map<string, Tensor>();
  for (const d of parameter_and_buffer_dicts as readonly StateDict[]) {
    for (const [k, v] of entriesOf(d)) {
      if (merged.has(k)) throw new ValueError(`${k} appeared in multiple dictionaries; behavior of functional call is ambiguous`);
      merged.set(k, v);
    }
  }
  return statelessCall(module, merged, args, kwargs);
}

function checkModel(op: string, model: unknown): asserts model is Module {
  if (!(model instanceof Module)) throw new TypeError(`${op}(): model must be an nn.Module, not ${model === null ? "null" : typeof model}`);
}

/**
 * functorch's `make_functional_with_buffers(model)`: `[func, params, buffers]`, where
 * `func(params, buffers, ...inputs)` runs the model with those parameters and buffers (in
 * named_parameters / named_buffers order) in place of its own.
 */
export function make_functional_with_buffers(model: Module): [(params: readonly Tensor[], buffers: readonly Tensor[], ...inputs: unknown[]) => any, Tensor[], Tensor[]] { // eslint-disable-line @typescript-eslint/no-explicit-any
  checkModel("make_functional_with_buffers", model);
  const pnames = model.named_parameters().map(([n]) => n);
  const bnames = model.named_buffers().map(([n]) => n);
  const func = (params: readonly Tensor[], buffers: readonly Tensor[], ...inputs: unknown[]): unknown => {
    if (params.length !== pnames.length) throw new RuntimeError(`make_functional_with_buffers: expected ${pnames.length} params, got ${params.length}`);
    if (buffers.length !== bnames.length) throw new RuntimeError(`make_functional_with_buffers: expected ${bnames.length} buffers, got ${buffers.length}`);
    const swap = new Map<string, Tensor>();
    pnames.forEach((n, i) => swap.set(n, params[i]));
    bnames.forEach((n, i) => swap.set(n, buffers[i]));
    return statelessCall(model, swap, inputs);
  };
  return asPyTuple([func, asPyTuple(model.parameters()), asPyTuple(model.buffers())]);
}

/**
 * functorch's `make_functional(model)`: `[func, params]`, where `func(params, ...inputs)` runs the
 * model with `params` (in named_parameters order) in place of its own. A model with buffers needs
 * make_functional_with_buffers.
 */
export function make_functional(model: Module): [(params: readonly Tensor[], ...inputs: unknown[]) => any, Tensor[]] { // eslint-disable-line @typescript-eslint/no-explicit-any
  checkModel("make_functional", model);
  if (model.buffers().length > 0) throw new RuntimeError("make_functional(model): `model` has buffers. Please use make_functional_with_buffers(model) instead.");
  const [withBuffers, params] = make_functional_with_buffers(model);
  const func = (p: readonly Tensor[], ...inputs: unknown[]): unknown => withBuffers(p, [], ...inputs);
  return asPyTuple([func, params]);
}

function checkEnsemble(op: string, models: readonly Module[]): void {
  if (!Array.isArray(models) || models.length === 0) throw new RuntimeError(`${op}: Expected at least one model, got 0.`);
  models.forEach((m) => checkModel(op, m));
  if (!(models.every((m) => m.training) || models.every((m) => !m.training))) throw new RuntimeError(`${op}: Expected all models to have the same training/eval mode.`);
  const cls = models[0].constructor;
  if (!models.every((m) => m.constructor === cls)) throw new RuntimeError(`${op}: Expected all models to be of the same class.`);
}

/**
 * functorch's `combine_state_for_ensemble(models)`: `[fmodel, params, buffers]` for models of one
 * class, each parameter and buffer stacked over the models (a leading dimension of size
 * len(models)) and detached; `fmodel(params, buffers, x)` is models[0] run as a function, for vmap.
 *
 * @example
 * const [fmodel, params, buffers] = torch.func.combine_state_for_ensemble(models);
 * const predictions = torch.func.vmap(fmodel, [0, 0, null])(params, buffers, minibatch);
 */
export function combine_state_for_ensemble(models: readonly Module[]): [(params: readonly Tensor[], buffers: readonly Tensor[], ...inputs: unknown[]) => any, Tensor[], Tensor[]] { // eslint-disable-line @typescript-eslint/no-explicit-any
  checkEnsemble("combine_state_for_ensemble", models);
  const [fmodel] = make_functional_with_buffers(models[0]);
  const stacked = (lists: Tensor[][]): Tensor[] => asPyTuple(lists[0].map((_, i) => stack(lists.map((l) => l[i])).detach()));
  return asPyTuple([fmodel, stacked(models.map((m) => m.parameters())), stacked(models.map((m) => m.buffers()))]);
}

/**
 * torch.func's `stack_module_state(models)`: `[params, buffers]`, dicts from each parameter's and
 * buffer's name to the models' tensors stacked (a leading dimension of size len(models)). A stacked
 * parameter is a new leaf that requires grad when the models' parameters do; the models are untouched.
 *
 * @example
 * const [params, buffers] = torch.func.stack_module_state(models);
 */
export function stack_module_state(models: readonly Module[]): [Record<string, Tensor>, Record<string, Tensor>] {
  checkEnsemble("stack_module_state", models);
  const stacked = (named: [string, Tensor][][]): Record<string, Tensor> =>
    Object.fromEntries(
      named[0].map(([name], i) => {
        const ts = named.map((l) => l[i][1]);
        const rg = ts.map((t) => t.requires_grad);
        if (rg.some((r) => r !== rg[0])) throw new RuntimeError(`Expected ${name} from each model to have the same .requires_grad`);
        const s = stack(ts).detach();
        return [name, rg[0] ? s.requires_grad_(true) : s];
      }),
    );
  return asPyTuple([stacked(models.map((m) => m.named_parameters())), stacked(models.map((m) => m.named_buffers()))]);
}
