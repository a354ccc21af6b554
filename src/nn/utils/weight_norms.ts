/**
 * torch.nn.utils.weight_norm / remove_weight_norm and spectral_norm / remove_spectral_norm, the
 * forward-pre-hook versions PyTorch 1.13 documents (the parametrization versions came later).
 *
 * weight_norm splits a Parameter into a magnitude `name_g` and a direction `name_v`, with
 * `name = name_g * name_v / ||name_v||` (the norm over every dim but `dim`; over all of it when `dim`
 * is null). spectral_norm keeps the Parameter as `name_orig` and divides it by its largest singular
 * value, estimated by power iteration on the buffers `name_u` and `name_v` (one or more steps before
 * each forward in training mode, none in eval mode). Each hook object is callable, as PyTorch's are,
 * and sits in `module._forward_pre_hooks`.
 */
import { Tensor } from "../../tensor/tensor";
import { isOptions, parseArgs } from "../../tensor/args";
import { no_grad } from "../../autograd/grad_mode";
import { randn } from "../../ops/creation";
import { normalize } from "../functional/normalization";
import { Module } from "../modules/module";
import { ConvTranspose2d } from "../modules/conv";
import { ConvTranspose1d } from "../modules/conv_transpose1d";
import { Parameter } from "../parameter";
import { RuntimeError, TypeError, ValueError } from "../../errors";

type Fields = Record<string, unknown>;

/** Makes `self` callable as `self.__call__(module)`, as Module instances are callable. */
function callable<T extends { __call__(module: Module): void }>(proto: object): T {
  const self = ((module: Module) => (self as unknown as T).__call__(module)) as unknown as T;
  delete (self as { name?: unknown }).name;
  delete (self as { length?: unknown }).length;
  Object.setPrototypeOf(self, proto);
  return self;
}

function param(module: Module, name: string): Tensor {
  return (module as unknown as Fields)[name] as Tensor;
}

/** The 2-norm of `v` over every dim but `dim`, keeping dims (a 0-d tensor when `dim` is -1). */
export function norm_except_dim(v: Tensor, pow = 2, dim = 0): Tensor {
  if (dim === -1) return v.norm(pow);
  const d = dim < 0 ? dim + v.dim() : dim;
  const others = [...Array(v.dim()).keys()].filter((i) => i !== d);
  return others.length === 0 ? v.abs() : v.norm(pow, others, true);
}

/** The hook of `weight_norm`: recomputes `name` from `name_g` and `name_v` before each forward. */
export class WeightNorm {
  name: string;
  dim: number;
  constructor(name: string, dim: number | null) {
    const self = callable<WeightNorm>(new.target.prototype);
    self.name = name;
    self.dim = dim ?? -1;
    this.name = self.name;
    this.dim = self.dim;
    return self;
  }

  /** `name_g * name_v / norm_except_dim(name_v)`. */
  compute_weight(module: Module): Tensor {
    const g = param(module, this.name + "_g");
    const v = param(module, this.name + "_v");
    return v.mul(g.div(norm_except_dim(v, 2, this.dim)));
  }

  static apply(module: Module, name: string, dim: number | null): WeightNorm {
    for (const hook of module._forward_pre_hooks.values()) {
      if (hook instanceof WeightNorm && hook.name === name) throw new RuntimeError(`Cannot register two weight_norm hooks on the same parameter ${name}`);
    }
    const fn = new WeightNorm(name, dim);
    const weight = param(module, name);
    if (!(weight instanceof Parameter)) throw new TypeError(`weight_norm: '${name}' of ${module._get_name()} is not a Parameter`);
    delete (module as unknown as Fields)[name];
    module.register_parameter(name + "_g", new Parameter(no_grad(() => norm_except_dim(weight, 2, fn.dim)).detach().clone()));
    module.register_parameter(name + "_v", new Parameter(weight.detach()));
    (module as unknown as Fields)[name] = fn.compute_weight(module);
    module.register_forward_pre_hook(fn as unknown as (m: Module, i: unknown) => unknown);
    return fn;
  }

  /** Folds g and v back into one Parameter `name`. */
  remove(module: Module): void {
    const weight = no_grad(() => this.compute_weight(module));
    const f = module as unknown as Fields;
    delete f[this.name];
    delete f[this.name + "_g"];
    delete f[this.name + "_v"];
    f[this.name] = new Parameter(weight.detach());
  }

  /** @internal the hook. */
  __call__(module: Module): void {
    (module as unknown as Fields)[this.name] = this.compute_weight(module);
  }
}

/**
 * Reparametrises `name` of `module` (default "weight") as magnitude `name_g` times direction
 * `name_v / ||name_v||`, the norm over every dim but `dim` (default 0; null: the whole tensor).
 *
 * @example
 * const m = nn.utils.weight_norm(new nn.Linear(20, 40), "weight");
 * m.weight_g.shape  // [40, 1]
 */
export function weight_norm<M extends Module, N extends string = "weight">(module: M, name?: N | { name?: N; dim?: number | null }, dim?: number | null | { dim?: number | null }): WeightNormed<M, N> {
  const o = parseArgs("weight_norm", isOptions(name) ? [name] : [name ?? "weight", dim], ["name", "dim"]);
  WeightNorm.apply(module, (o.name as string | undefined) ?? "weight", o.dim === undefined ? 0 : (o.dim as number | null));
  return module as WeightNormed<M, N>;
}

/** A module after weight_norm: its `name_g` and `name_v` Parameters (`m.weight_g`), typed. */
export type WeightNormed<M extends Module, N extends string> = M & { [K in `${N}_g` | `${N}_v`]: Parameter };

/** A module after spectral_norm: its `name_orig` Parameter and `name_u` / `name_v` buffers (`m.weight_u`), typed. */
export type SpectralNormed<M extends Module, N extends string> = M & { [K in `${N}_orig`]: Parameter } & { [K in `${N}_u` | `${N}_v`]: Tensor };

/** Undoes weight_norm: `name` is one Parameter again. */
export function remove_weight_norm<M extends Module>(module: M, name = "weight"): M {
  for (const [k, hook] of [...module._forward_pre_hooks]) {
    if (hook instanceof WeightNorm && hook.name === name) {
      hook.remove(module);
      module._forward_pre_hooks.delete(k);
      return module;
    }
  }
  throw new ValueError(`weight_norm of '${name}' not found in ${String(module)}`);
}

/** The hook of `spectral_norm`: divides `name_orig` by its power-iteration estimate of sigma. */
export class SpectralNorm {
  name: string;
  dim: number;
  n_power_iterations: number;
  eps: number;
  constructor(name = "weight", n_power_iterations = 1, dim = 0, eps = 1e-12) {
    if (n_power_iterations <= 0) throw new ValueError(`Expected n_power_iterations to be positive, but got n_power_iterations=${n_power_iterations}`);
    const self = callable<SpectralNorm>(new.target.prototype);
    Object.assign(self, { name, dim, n_power_iterations, eps });
    this.name = name;
    this.dim = dim;
    this.n_power_iterations = n_power_iterations;
    this.eps = eps;
    return self;
  }

  /** The weight as a matrix: `dim` first, the rest flattened. */
  reshape_weight_to_matrix(weight: Tensor): Tensor {
    let w = weight;
    if (this.dim !== 0) w = w.permute([this.dim, ...[...Array(w.dim()).keys()].filter((d) => d !== this.dim)]);
    return w.reshape(w.shape[0], -1);
  }

  /** `name_orig / sigma`, with `n_power_iterations` steps on u and v first when asked. */
  compute_weight(module: Module, do_power_iteration: boolean): Tensor {
    const weight = param(module, this.name + "_orig");
    let u = param(module, this.name + "_u");
    let v = param(module, this.name + "_v");
    const mat = this.reshape_weight_to_matrix(weight);
    if (do_power_iteration) {
      no_grad(() => {
        for (let i = 0; i < this.n_power_iterations; i++) {
          v.copy_(normalize(mat.t().mv(u), { dim: 0, eps: this.eps }));
          u.copy_(normalize(mat.mv(v), { dim: 0, eps: this.eps }));
        }
        u = u.clone();
        v = v.clone();
      });
    }
    const sigma = u.dot(mat.mv(v));
    return weight.div(sigma);
  }

  static apply(module: Module, name: string, n_power_iterations: number, dim: number, eps: number): SpectralNorm {
    for (const hook of module._forward_pre_hooks.values()) {
      if (hook instanceof SpectralNorm && hook.name === name) throw new RuntimeError(`Cannot register two spectral_norm hooks on the same parameter ${name}`);
    }
    const fn = new SpectralNorm(name, n_power_iterations, dim, eps);
    const weight = param(module, name);
    if (weight === null || weight === undefined) throw new ValueError(`\`SpectralNorm\` cannot be applied as parameter \`${name}\` is None`);
    if (!(weight instanceof Parameter)) throw new TypeError(`spectral_norm: '${name}' of ${module._get_name()} is not a Parameter`);
    const [u, v] = no_grad(() => {
      const [h, w] = fn.reshape_weight_to_matrix(weight).shape;
      const u0 = normalize(randn(h), { dim: 0, eps: fn.eps });
      return [u0, normalize(randn(w), { dim: 0, eps: fn.eps })];
    });
    delete (module as unknown as Fields)[name];
    module.register_parameter(name + "_orig", weight);
    (module as unknown as Fields)[name] = weight.detach();
    module.register_buffer(name + "_u", u);
    module.register_buffer(name + "_v", v);
    module.register_forward_pre_hook(fn as unknown as (m: Module, i: unknown) => unknown);
    return fn;
  }

  /** `name` becomes a Parameter holding `name_orig / sigma`; u, v and name_orig go. */
  remove(module: Module): void {
    const weight = no_grad(() => this.compute_weight(module, false));
    const f = module as unknown as Fields;
    delete f[this.name];
    for (const b of [this.name + "_u", this.name + "_v"]) {
      module._buffer_names.delete(b);
      module._non_persistent_buffers.delete(b);
      delete f[b];
    }
    delete f[this.name + "_orig"];
    module.register_parameter(this.name, new Parameter(weight.detach()));
  }

  /** @internal the hook. */
  __call__(module: Module): void {
    (module as unknown as Fields)[this.name] = this.compute_weight(module, module.training);
  }
}

type SpectralOptions = { name?: string; n_power_iterations?: number; eps?: number; dim?: number | null };

/**
 * Divides `name` of `module` (default "weight") by its spectral norm, estimated by
 * `n_power_iterations` (default 1) power-iteration steps per training forward. `dim` (default 0, 1
 * for ConvTranspose) is the output dim.
 *
 * @example
 * const m = nn.utils.spectral_norm(new nn.Linear(20, 40));
 * m.weight_u.shape  // [40]
 */
export function spectral_norm<M extends Module, N extends string = "weight">(module: M, name?: N | (SpectralOptions & { name?: N }), n_power_iterations?: number | SpectralOptions, eps?: number | SpectralOptions, dim?: number | null | SpectralOptions): SpectralNormed<M, N> {
  const o = parseArgs("spectral_norm", isOptions(name) ? [name] : [name ?? "weight", n_power_iterations, eps, dim], ["name", "n_power_iterations", "eps", "dim"]);
  let d = o.dim as number | null | undefined;
  if (d === null || d === undefined) d = module instanceof ConvTranspose1d || module instanceof ConvTranspose2d ? 1 : 0;
  SpectralNorm.apply(module, (o.name as string | undefined) ?? "weight", (o.n_power_iterations as number | undefined) ?? 1, d, (o.eps as number | undefined) ?? 1e-12);
  return module as SpectralNormed<M, N>;
}

/** Undoes spectral_norm: `name` is a Parameter holding the normalised weight. */
export function remove_spectral_norm<M extends Module>(module: M, name = "weight"): M {
  for (const [k, hook] of [...module._forward_pre_hooks]) {
    if (hook instanceof SpectralNorm && hook.name === name) {
      hook.remove(module);
      module._forward_pre_hooks.delete(k);
      return module;
    }
  }
  throw new ValueError(`spectral_norm of '${name}' not found in ${String(module)}`);
}
