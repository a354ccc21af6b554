/**
 * torch.nn.utils.parametrizations: ready-made parametrizations registered through
 * nn.utils.parametrize. spectral_norm here is the parametrization version of
 * nn.utils.spectral_norm: the power-iteration vectors are buffers `_u` / `_v` of the
 * parametrization module (15 steps at registration, `n_power_iterations` per training forward).
 */
import { Tensor } from "../../tensor/tensor";
import { isOptions, parseArgs } from "../../tensor/args";
import { no_grad } from "../../autograd/grad_mode";
import { randn } from "../../ops/creation";
import { normalize } from "../functional/normalization";
import { Module } from "../modules/module";
import { ConvTranspose2d } from "../modules/conv";
import { ConvTranspose1d } from "../modules/conv_transpose1d";
import { register_parametrization } from "./parametrize";
import { IndexError, ValueError } from "../../errors";

/** The spectral-norm parametrization: `weight / sigma(weight)` (a 1-D tensor: its unit vector). */
export class _SpectralNorm extends Module {
  declare _u: Tensor;
  declare _v: Tensor;
  dim: number;
  eps: number;
  n_power_iterations = 1;

  constructor(weight: Tensor, n_power_iterations = 1, dim = 0, eps = 1e-12) {
    super();
    const ndim = weight.dim();
    if (dim >= ndim || dim < -ndim) throw new IndexError(`Dimension out of range (expected to be in range of [-${ndim}, ${ndim - 1}] but got ${dim})`);
    if (n_power_iterations <= 0) throw new ValueError(`Expected n_power_iterations to be positive, but got n_power_iterations=${n_power_iterations}`);
    this.dim = dim >= 0 ? dim : dim + ndim;
    this.eps = eps;
    if (ndim > 1) {
      this.n_power_iterations = n_power_iterations;
      const mat = this._reshape_weight_to_matrix(weight.detach());
      const [h, w] = mat.shape;
      const u = randn(h);
      const v = randn(w);
      this.register_buffer("_u", normalize(u, { dim: 0, eps }));
      this.register_buffer("_v", normalize(v, { dim: 0, eps }));
      this._power_method(mat, 15);
    }
  }

  _reshape_weight_to_matrix(weight: Tensor): Tensor {
    const w = this.dim !== 0 ? weight.permute([this.dim, ...[...Array(weight.dim()).keys()].filter((d) => d !== this.dim)]) : weight;
    return w.flatten(1);
  }

  _power_method(weight_mat: Tensor, n_power_iterations: number): void {
    no_grad(() => {
      for (let i = 0; i < n_power_iterations; i++) {
        this._u.copy_(normalize(weight_mat.mv(this._v), { dim: 0, eps: this.eps }));
        this._v.copy_(normalize(weight_mat.t().mv(this._u), { dim: 0, eps: this.eps }));
      }
    });
  }

  forward(weight: Tensor): Tensor {
    if (weight.dim() === 1) return normalize(weight, { dim: 0, eps: this.eps });
    const mat = this._reshape_weight_to_matrix(weight);
    if (this.training) this._power_method(mat.detach(), this.n_power_iterations);
    const u = this._u.clone();
    const v = this._v.clone();
    return weight.div(u.dot(mat.mv(v)));
  }

  /** Assigning the parametrized tensor sets `original` to the value itself. */
  right_inverse(value: Tensor): Tensor {
    return value;
  }
}

type Options = { name?: string; n_power_iterations?: number; eps?: number; dim?: number | null };

/**
 * Registers the spectral-norm parametrization on `name` of `module` (default "weight"): the tensor
 * is divided by its largest singular value, estimated by power iteration. `dim` (default 0, 1 for
 * ConvTranspose) is the output dim.
 *
 * @example
 * const snm = nn.utils.parametrizations.spectral_norm(new nn.Linear(20, 40));
 * snm.parametrizations.weight.original  // the unnormalised Parameter
 */
export function spectral_norm<M extends Module>(module: M, name: string | Options = "weight", n_power_iterations?: number | Options, eps?: number | Options, dim?: number | null | Options): M {
  const o = parseArgs("spectral_norm", isOptions(name) ? [name] : [name, n_power_iterations, eps, dim], ["name", "n_power_iterations", "eps", "dim"]);
  const key = (o.name as string | undefined) ?? "weight";
  const weight = (module as unknown as Record<string, unknown>)[key];
  if (!(weight instanceof Tensor)) throw new ValueError(`Module '${String(module)}' has no parameter or buffer with name '${key}'`);
  let d = o.dim as number | null | undefined;
  if (d === null || d === undefined) d = module instanceof ConvTranspose1d || module instanceof ConvTranspose2d ? 1 : 0;
  register_parametrization(module, key, new _SpectralNorm(weight, (o.n_power_iterations as number | undefined) ?? 1, d, (o.eps as number | undefined) ?? 1e-12));
  return module;
}
export { orthogonal, _Orthogonal } from "./orthogonal";
