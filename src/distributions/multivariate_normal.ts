/**
 * torch.distributions.MultivariateNormal(loc, {covariance_matrix | precision_matrix | scale_tril}):
 * PyTorch 1.13's parameterisation through the lower Cholesky factor, its sampling (`loc + L @ eps`
 * with eps from the default generator's normal stream) and its log_prob / entropy formulas.
 */
import { Tensor } from "../tensor/tensor";
import { parseArgs } from "../tensor/args";
import { ValueError } from "../errors";
import { eye } from "../ops/creation";
import { flip } from "../ops/movement";
import { broadcast_shapes } from "../ops/shape_extra";
import { cholesky } from "../ops/linalg_decomp";
import { solve_triangular } from "../ops/triangular";
import * as C from "./constraints";
import { Distribution, DistributionOptions, SampleShape, standard_normal } from "./distribution";

const LOG_2PI = Math.log(2 * Math.PI);

interface MvnOptions extends DistributionOptions {
  covariance_matrix?: Tensor | null;
  precision_matrix?: Tensor | null;
  scale_tril?: Tensor | null;
}

/** `bmat @ bvec` over batches of matrices and vectors. */
export function _batch_mv(bmat: Tensor, bvec: Tensor): Tensor {
  return bmat.matmul(bvec.unsqueeze(-1)).squeeze(-1);
}

/** The squared Mahalanobis distance `x^T (L L^T)^-1 x`, broadcasting L's batch against x's. */
export function _batch_mahalanobis(bL: Tensor, bx: Tensor): Tensor {
  const n = bx.shape[bx.dim() - 1];
  const batch = Array.from(broadcast_shapes(bL.shape.slice(0, -2), bx.shape.slice(0, -1)));
  const L = bL.expand([...batch, n, n]);
  const x = bx.expand([...batch, n]).unsqueeze(-1);
  return solve_triangular(L, x, false).pow(2).sum(-2).squeeze(-1);
}

function precision_to_scale_tril(P: Tensor): Tensor {
  const Lf = cholesky(flip(P, [-2, -1]));
  const L_inv = flip(Lf, [-2, -1]).transpose(-2, -1);
  return solve_triangular(L_inv, eye(P.shape[P.dim() - 1], { dtype: P.dtype }), false);
}

/**
 * A multivariate normal over the last dim of `loc`, given exactly one of its covariance matrix,
 * precision matrix or lower-triangular scale (Cholesky factor of the covariance).
 * @example new torch.distributions.MultivariateNormal(torch.zeros(2), {covariance_matrix: torch.eye(2)}).sample()
 */
export class MultivariateNormal extends Distribution {
  loc: Tensor;
  _unbroadcasted_scale_tril: Tensor;
  private _cov?: Tensor;
  private _prec?: Tensor;
  private _tril?: Tensor;
  constructor(loc: Tensor | ({ loc?: Tensor } & MvnOptions), covariance_matrix?: Tensor | null | MvnOptions, precision_matrix?: Tensor | null | MvnOptions, scale_tril?: Tensor | null | MvnOptions, options?: DistributionOptions) {
    super();
    const o = parseArgs("MultivariateNormal", [loc, covariance_matrix, precision_matrix, scale_tril, options], ["loc", "covariance_matrix", "precision_matrix", "scale_tril", "validate_args"]);
    const l = o.loc as Tensor;
    if (!(l instanceof Tensor)) throw new ValueError(`MultivariateNormal(): loc must be a Tensor, got ${String(l)}`);
    if (l.dim() < 1) throw new ValueError("loc must be at least one-dimensional.");
    const given = (k: string) => o[k] !== undefined && o[k] !== null;
    if (Number(given("covariance_matrix")) + Number(given("scale_tril")) + Number(given("precision_matrix")) !== 1) {
      throw new ValueError("Exactly one of covariance_matrix or precision_matrix or scale_tril may be specified.");
    }
    let batch!: number[];
    const expandTo = (m: Tensor, name: string, what: string): Tensor => {
      if (!(m instanceof Tensor)) throw new ValueError(`MultivariateNormal(): ${name} must be a Tensor, got ${String(m)}`);
      if (m.dim() < 2) throw new ValueError(`${what} must be at least two-dimensional, with optional leading batch dimensions`);
      batch = Array.from(broadcast_shapes(m.shape.slice(0, -2), l.shape.slice(0, -1)));
      return m.expand([...batch, -1, -1]);
    };
    if (given("scale_tril")) this._tril = expandTo(o.scale_tril as Tensor, "scale_tril", "scale_tril matrix");
    else if (given("covariance_matrix")) this._cov = expandTo(o.covariance_matrix as Tensor, "covariance_matrix", "covariance_matrix");
    else this._prec = expandTo(o.precision_matrix as Tensor, "precision_matrix", "precision_matrix");
    this.loc = l.expand([...batch, -1]);
    this._unbroadcasted_scale_tril = l; // replaced below, once the parameters are validated
    this._init(batch, this.loc.shape.slice(-1), o.validate_args as boolean | undefined);
    if (given("scale_tril")) this._unbroadcasted_scale_tril = o.scale_tril as Tensor;
    else if (given("covariance_matrix")) this._unbroadcasted_scale_tril = cholesky(o.covariance_matrix as Tensor);
    else this._unbroadcasted_scale_tril = precision_to_scale_tril(o.precision_matrix as Tensor);
  }
  get arg_constraints(): Record<string, C.Constraint> {
    return { loc: C.real_vector, covariance_matrix: C.positive_definite, precision_matrix: C.positive_definite, scale_tril: C.lower_cholesky };
  }
  get support(): C.Constraint {
    return C.real_vector;
  }
  get has_rsample(): boolean {
    return true;
  }
  private get fullMatrix(): number[] {
    return [...this._batch_shape, ...this._event_shape, ...this._event_shape];
  }
  get scale_tril(): Tensor {
    if (this._tril === undefined) this._tril = this._unbroadcasted_scale_tril.expand(this.fullMatrix);
    return this._tril;
  }
  get covariance_matrix(): Tensor {
    if (this._cov === undefined) {
      const L = this._unbroadcasted_scale_tril;
      this._cov = L.matmul(L.mT).expand(this.fullMatrix);
    }
    return this._cov;
  }
  get precision_matrix(): Tensor {
    if (this._prec === undefined) {
      const L = this._unbroadcasted_scale_tril;
      const Linv = solve_triangular(L, eye(L.shape[L.dim() - 1], { dtype: L.dtype }), false);
      this._prec = Linv.mT.matmul(Linv).expand(this.fullMatrix);
    }
    return this._prec;
  }
  get mean(): Tensor {
    return this.loc;
  }
  get mode(): Tensor {
    return this.loc;
  }
  get variance(): Tensor {
    return this._unbroadcasted_scale_tril.pow(2).sum(-1).expand([...this._batch_shape, ...this._event_shape]);
  }
  expand(batch_shape: SampleShape): MultivariateNormal {
    const into = Object.create(MultivariateNormal.prototype) as MultivariateNormal;
    const b = Array.from(batch_shape);
    const n = this._event_shape[0];
    into.loc = this.loc.expand([...b, n]);
    into._unbroadcasted_scale_tril = this._unbroadcasted_scale_tril;
    if (this._cov !== undefined) into._cov = this._cov.expand([...b, n, n]);
    if (this._tril !== undefined) into._tril = this._tril.expand([...b, n, n]);
    if (this._prec !== undefined) into._prec = this._prec.expand([...b, n, n]);
    return this._expandedInto(into, b, this._event_shape);
  }
  rsample(sample_shape: SampleShape = []): Tensor {
    const shape = this._extended_shape(sample_shape);
    const eps = standard_normal(shape);
    return this.loc.add(_batch_mv(this._unbroadcasted_scale_tril, eps));
  }
  private half_log_det(): Tensor {
    return this._unbroadcasted_scale_tril.diagonal({ dim1: -2, dim2: -1 }).log().sum(-1);
  }
  log_prob(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    const diff = value.sub(this.loc);
    const M = _batch_mahalanobis(this._unbroadcasted_scale_tril, diff);
    return M.add(this._event_shape[0] * LOG_2PI).mul(-0.5).sub(this.half_log_det());
  }
  entropy(): Tensor {
    const H = this.half_log_det().add(0.5 * this._event_shape[0] * (1.0 + LOG_2PI));
    return this._batch_shape.length === 0 ? H : H.expand(Array.from(this._batch_shape));
  }
  protected _present(): string[] {
    return [
      "loc",
      ...(this._cov !== undefined ? ["covariance_matrix"] : []),
      ...(this._prec !== undefined ? ["precision_matrix"] : []),
      ...(this._tril !== undefined ? ["scale_tril"] : []),
    ];
  }
}
