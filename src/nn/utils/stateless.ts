/**
 * torch.nn.utils.stateless: running a module with some of its parameters and buffers replaced for
 * one call (PyTorch's stateless / functional Module API).
 */
import { enter, leave } from "../../backend/scopes";
import { Tensor } from "../../tensor/tensor";
import { TypeError, ValueError } from "../../errors";
import { Module } from "../modules/module";

/**
 * Calls `module(...args)` with the parameters and buffers named in `parameters_and_buffers`
 * (dotted names, as named_parameters() spells them) replaced by the given tensors, which may be
 * plain tensors such as forward-AD dual tensors; the module's own are back in place afterwards.
 *
 * @example
 * const out = torch.nn.utils.stateless.functional_call(model, { weight: w, bias: b }, [input]);
 */
export function functional_call(module: Module, parameters_and_buffers: Record<string, Tensor> | Map<string, Tensor>, args: unknown, kwargs?: Record<string, unknown>): unknown {
  const op = "functional_call";
  if (!(module instanceof Module)) throw new TypeError(`${op}(): module must be an nn.Module, not ${module === null ? "null" : typeof module}`);
  const entries = parameters_and_buffers instanceof Map ? [...parameters_and_buffers.entries()] : Object.entries(parameters_and_buffers ?? {});
  const swaps: { owner: Record<string, unknown>; key: string; before: PropertyDescriptor | undefined }[] = [];
  const scope = enter(() => {
    for (const { owner, key, before } of swaps.reverse()) {
      if (before === undefined) delete owner[key];
      else Object.defineProperty(owner, key, before);
    }
  });
  try {
    for (const [name, value] of entries) {
      if (!(value instanceof Tensor)) throw new TypeError(`${op}(): the value for '${name}' must be a Tensor`);
      const parts = name.split(".");
      const key = parts.pop()!;
      const owner = (parts.length ? module.get_submodule(parts.join(".")) : module) as unknown as Record<string, unknown>;
      if (!Object.prototype.hasOwnProperty.call(owner, key)) throw new ValueError(`${op}(): the module has no parameter or buffer named '${name}'`);
      const before = Object.getOwnPropertyDescriptor(owner, key);
      // Redefined rather than deleted and set: the field keeps its place among the module's members.
      Object.defineProperty(owner, key, { value, writable: true, enumerable: before?.enumerable ?? true, configurable: true });
      swaps.push({ owner, key, before });
    }
    const list = Array.isArray(args) ? args : [args];
    const call = module as unknown as (...a: unknown[]) => unknown;
    return kwargs === undefined ? call(...list) : call(...list, kwargs);
  } finally {
    leave(scope);
  }
}
