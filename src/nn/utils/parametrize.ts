/**
 * torch.nn.utils.parametrize: a tensor of a module computed by modules from an unconstrained
 * `original`, as in PyTorch's Parametrizations Tutorial.
 *
 * `register_parametrization(layer, "weight", new Symmetric())` moves the Parameter to
 * `layer.parametrizations.weight.original` (a ParametrizationList holding the parametrizations, in a
 * ModuleDict child named `parametrizations`) and makes `layer.weight` an accessor: reading it runs
 * the parametrizations on `original` (once per `cached` block), assigning it runs their
 * `right_inverse` into `original`. The module's class becomes `Parametrized<Name>`, a subclass of its
 * own (its repr and `instanceof` as in PyTorch); removing the last parametrization restores it.
 */
import { scoped } from "../../backend/scopes";
import { Tensor } from "../../tensor/tensor";
import { isOptions, parseArgs } from "../../tensor/args";
import { no_grad } from "../../autograd/grad_mode";
import { Module } from "../modules/module";
import { ModuleDict, ModuleList } from "../modules/container";
import { Parameter } from "../parameter";
import { NotImplementedError, RuntimeError, TypeError, ValueError } from "../../errors";

type Fields = Record<string, unknown>;
type ModuleClass = abstract new (...args: never[]) => Module;
/** A parametrization: a module whose forward maps `original` to the tensor, optionally with `right_inverse`. */
type Parametrization = Module & { right_inverse?: (value: Tensor) => Tensor };

let cacheEnabled = 0;
let cache = new Map<Module, Map<string, Tensor>>();

function fmtSize(shape: readonly number[]): string {
  return `torch.Size([${shape.join(", ")}])`;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function kind(x: unknown): string {
  return x === null ? "NoneType" : x === undefined ? "undefined" : typeof x === "object" || typeof x === "function" ? (x as object).constructor?.name ?? typeof x : typeof x;
}

function hasInverse(m: Module): m is Parametrization & { right_inverse: (v: Tensor) => Tensor } {
  return typeof (m as Parametrization).right_inverse === "function";
}

/**
 * Runs `fn` with parametrized tensors computed once: inside it, each read of a parametrized tensor
 * after the first returns the same tensor (PyTorch's `with parametrize.cached():`).
 *
 * @example
 * parametrize.cached(() => { const foo = layer.weight.add(layer.weight.T); });
 */
export function cached<T>(fn: () => T): T {
  return scoped(() => {
    cacheEnabled++;
    return () => {
      cacheEnabled--;
      if (cacheEnabled === 0) cache = new Map();
    };
  }, fn);
}

/** The parametrizations of one tensor, applied in order to `original`. */
export class ParametrizationList extends ModuleList {
  declare original: Tensor;
  unsafe: boolean;
  is_tensor = true;
  ntensors = 1;

  constructor(modules: Iterable<Module>, original: Tensor, unsafe = false) {
    const mods = [...modules];
    if (mods.length === 0) throw new ValueError("ParametrizationList requires one or more modules.");
    super(mods);
    this.unsafe = unsafe;
    const shape = [...original.shape];
    const dtype = original.dtype;
    let value = original;
    no_grad(() => {
      for (const m of [...mods].reverse()) {
        if (!hasInverse(m)) continue;
        try {
          value = m.right_inverse(value);
        } catch (e) {
          if (!(e instanceof NotImplementedError)) throw e;
        }
      }
    });
    if (!(value instanceof Tensor)) throw new ValueError(`'right_inverse' must return a Tensor or a Sequence of tensors (list, tuple...). Got ${kind(value)}`);
    if (value.dtype !== dtype) {
      throw new ValueError(`When \`right_inverse\` outputs one tensor, it may not change the dtype.\noriginal.dtype: ${dtype}\nright_inverse(original).dtype: ${value.dtype}`);
    }
    if (value !== original) {
      const v = value;
      no_grad(() => {
        original.data = v;
      });
    }
    if (original instanceof Parameter) this.register_parameter("original", original);
    else this.register_buffer("original", original);
    if (!unsafe) {
      const Z = this.forward();
      if (!(Z instanceof Tensor)) throw new ValueError(`A parametrization must return a tensor. Got ${kind(Z)}.`);
      if (Z.dtype !== dtype) {
        throw new ValueError(`Registering a parametrization may not change the dtype of the tensor, unless \`unsafe\` flag is enabled.\nunparametrized dtype: ${dtype}\nparametrized dtype: ${Z.dtype}`);
      }
      if (!sameShape(Z.shape, shape)) {
        throw new ValueError(`Registering a parametrization may not change the shape of the tensor, unless \`unsafe\` flag is enabled.\nunparametrized shape: ${fmtSize(shape)}\nparametrized shape: ${fmtSize(Z.shape)}`);
      }
    }
  }

  /** Sets `original` so that the parametrizations give `value`: each one's right_inverse, last first. */
  right_inverse(value: Tensor): void {
    no_grad(() => {
      for (const m of [...this].reverse()) {
        if (!hasInverse(m)) throw new RuntimeError(`parametrization ${m._get_name()} does not implement right_inverse.`);
        value = m.right_inverse(value);
      }
      if (!(value instanceof Tensor)) throw new ValueError(`\`right_inverse\` should return a tensor. Got ${kind(value)}`);
      if (value.dtype !== this.original.dtype) throw new ValueError(`The tensor returned by \`right_inverse\` has dtype ${value.dtype} while \`original\` has dtype ${this.original.dtype}`);
      this.original.data = value;
    });
  }

  /** The parametrized tensor: the parametrizations applied in order to `original`. */
  forward(...args: unknown[]): Tensor {
    void args;
    let x = this.original;
    for (const m of this) x = (m as unknown as (t: Tensor) => Tensor)(x);
    return x;
  }
}

/**
 * The type of a module after register_parametrization: its `parametrizations` ModuleDict reaches
 * each tensor's ParametrizationList by name (`layer.parametrizations.weight.original`).
 */
export type Parametrized<M extends Module> = M & { parametrizations: ModuleDict & { [tensor_name: string]: ParametrizationList } };

function parametrizationsOf(module: Module): ModuleDict | null {
  const p = (module as unknown as Fields).parametrizations;
  return p instanceof ModuleDict ? p : null;
}

function listOf(module: Module, name: string): ParametrizationList {
  return (parametrizationsOf(module) as ModuleDict).get(name) as unknown as ParametrizationList;
}

/** Whether `module` has parametrized tensors (or, given `tensor_name`, whether that one is). */
export function is_parametrized(module: Module, tensor_name: string | null = null): boolean {
  const p = parametrizationsOf(module);
  if (p === null) return false;
  return tensor_name === null ? p.length > 0 : p.has(tensor_name);
}

/** The class of `module` before parametrizations changed it to `Parametrized<Name>`. */
export function type_before_parametrizations(module: Module): ModuleClass {
  const cls = Object.getPrototypeOf(module).constructor as ModuleClass;
  return is_parametrized(module) ? (Object.getPrototypeOf(cls.prototype).constructor as ModuleClass) : cls;
}

function injectClass(module: Module): void {
  const cls = Object.getPrototypeOf(module).constructor as new (...args: never[]) => Module;
  const sub = class extends cls {};
  Object.defineProperty(sub, "name", { value: `Parametrized${cls.name}` });
  Object.setPrototypeOf(module, sub.prototype);
}

function injectProperty(module: Module, name: string): void {
  const get = (): Tensor => {
    const p = listOf(module, name);
    if (cacheEnabled === 0) return p.forward();
    let perModule = cache.get(module);
    if (perModule === undefined) cache.set(module, (perModule = new Map()));
    let t = perModule.get(name);
    if (t === undefined) perModule.set(name, (t = p.forward()));
    return t;
  };
  // Module's assignment check leaves a parametrized tensor's value to its setter.
  (get as { _parametrized?: boolean })._parametrized = true;
  const set = (value: Tensor): void => (listOf(module, name)).right_inverse(value);
  Object.defineProperty(module, name, { get, set, enumerable: false, configurable: true });
}

/**
 * Makes `module[tensor_name]` the result of `parametrization` applied to an unconstrained
 * `module.parametrizations[tensor_name].original`; registering a second one on the same tensor
 * chains it after the first. Unless `unsafe`, the parametrization must keep the shape and dtype.
 *
 * @example
 * class Symmetric extends nn.Module {
 *   forward(X: Tensor): Tensor { return X.triu().add(X.triu(1).transpose(-1, -2)); }
 * }
 * const layer = new nn.Linear(3, 3);
 * parametrize.register_parametrization(layer, "weight", new Symmetric());
 * layer.weight  // symmetric; layer.parametrizations.weight.original is the Parameter trained
 */
export function register_parametrization<M extends Module>(module: M, tensor_name: string, parametrization: Module, options: { unsafe?: boolean } = {}): Parametrized<M> {
  if (!isOptions(options)) throw new TypeError("register_parametrization() takes unsafe as a keyword option: {unsafe: true}");
  const unsafe = Boolean(parseArgs("register_parametrization", [options], ["unsafe"]).unsafe);
  if (!(parametrization instanceof Module)) throw new TypeError(`register_parametrization(): parametrization must be an nn.Module, got ${kind(parametrization)}`);
  parametrization.train(module.training);
  const fields = module as unknown as Fields;
  if (is_parametrized(module, tensor_name)) {
    if (!unsafe) {
      const Y = fields[tensor_name] as Tensor;
      const X = (parametrization as unknown as (t: Tensor) => unknown)(Y);
      if (!(X instanceof Tensor)) throw new ValueError(`A parametrization must return a tensor. Got ${kind(X)}.`);
      if (X.dtype !== Y.dtype) {
        throw new ValueError(`Registering a parametrization may not change the dtype of the tensor, unless the \`unsafe\` flag is enabled.\nmodule.${tensor_name}.dtype: ${Y.dtype}\nparametrization(module.${tensor_name}).dtype: ${X.dtype}`);
      }
      if (!sameShape(X.shape, Y.shape)) {
        throw new ValueError(`Registering a parametrization may not change the shape of the tensor, unless the \`unsafe\` flag is enabled.\nmodule.${tensor_name}.shape: ${fmtSize(Y.shape)}\nparametrization(module.${tensor_name}).shape: ${fmtSize(X.shape)}`);
      }
      if (hasInverse(parametrization)) {
        let Z: unknown;
        try {
          Z = parametrization.right_inverse(X);
        } catch (e) {
          if (!(e instanceof NotImplementedError)) throw e;
        }
        if (Z !== undefined) {
          if (!(Z instanceof Tensor)) throw new ValueError(`parametrization.right_inverse must return a tensor. Got: ${kind(Z)}`);
          if (Z.dtype !== Y.dtype || !sameShape(Z.shape, Y.shape)) {
            const what = Z.dtype !== Y.dtype ? "dtype" : "shape";
            const show = (t: Tensor): string => (what === "dtype" ? String(t.dtype) : fmtSize(t.shape));
            throw new ValueError(`The tensor returned by parametrization.right_inverse must have the same ${what} as module.${tensor_name}, unless the \`unsafe\` flag is enabled.\nmodule.${tensor_name}.${what}: ${show(Y)}\nreturned ${what}: ${show(Z)}`);
          }
        }
      }
    }
    const list = listOf(module, tensor_name);
    list.append(parametrization);
    list.unsafe = list.unsafe || unsafe;
    return module as Parametrized<M>;
  }
  const isParam = module._parameter_entries().some(([n]) => n === tensor_name);
  const isBuffer = module._buffer_names.has(tensor_name) && fields[tensor_name] instanceof Tensor;
  if (!isParam && !isBuffer) {
    throw new ValueError(`Module '${String(module)}' does not have a parameter, a buffer, or a parametrized element with name '${tensor_name}'`);
  }
  const original = fields[tensor_name] as Tensor;
  const list = new ParametrizationList([parametrization], original, unsafe);
  if (isBuffer) {
    module._buffer_names.delete(tensor_name);
    module._non_persistent_buffers.delete(tensor_name);
  }
  delete fields[tensor_name];
  if (!is_parametrized(module)) {
    injectClass(module);
    fields.parametrizations = new ModuleDict();
  }
  injectProperty(module, tensor_name);
  (parametrizationsOf(module) as ModuleDict).set(tensor_name, list);
  return module as Parametrized<M>;
}

/**
 * Removes the parametrizations of `tensor_name`: it becomes a Parameter (or buffer) again, the same
 * object as `original`, holding the parametrized values (`leave_parametrized`, the default) or
 * `original`'s own.
 */
export function remove_parametrizations<M extends Module>(module: M, tensor_name: string, leave_parametrized: boolean | { leave_parametrized?: boolean } = true): M {
  const leave = isOptions(leave_parametrized) ? ((parseArgs("remove_parametrizations", [leave_parametrized], ["leave_parametrized"]).leave_parametrized as boolean | undefined) ?? true) : leave_parametrized;
  if (!is_parametrized(module, tensor_name)) throw new ValueError(`Module ${String(module)} does not have a parametrization on ${tensor_name}`);
  const fields = module as unknown as Fields;
  const dict = parametrizationsOf(module) as ModuleDict;
  const list = listOf(module, tensor_name);
  const original = list.original;
  if (leave) {
    const t = no_grad(() => fields[tensor_name] as Tensor);
    no_grad(() => {
      original.data = t;
    });
  }
  delete fields[tensor_name];
  dict.pop(tensor_name);
  if (original instanceof Parameter) module.register_parameter(tensor_name, original);
  else module.register_buffer(tensor_name, original);
  if (!is_parametrized(module)) {
    delete fields.parametrizations;
    Object.setPrototypeOf(module, Object.getPrototypeOf(Object.getPrototypeOf(module)));
  }
  return module;
}
