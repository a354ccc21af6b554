/**
 * torch.nn.utils.parametrizations.orthogonal, as PyTorch 1.13 writes it: a matrix (or a batch of
 * them) kept orthogonal through a map from unconstrained parameters. `matrix_exp` and `cayley` map the
 * skew-symmetric part of the lower triangle to an orthogonal matrix (exp(A), (I - A/2)^-1 (I + A/2));
 * `householder` takes the product of the reflections stored below the diagonal. With
 * use_trivialization (the default) the result is `base @ Q(X)`, where `base` is a buffer that
 * assigning a weight sets (and X is reset to -I), so that the parameters stay near 0.
 */
import { Tensor } from "../../tensor/tensor";
import { isOptions, parseArgs } from "../../tensor/args";
import { no_grad } from "../../autograd/grad_mode";
import { eye, randn, tensor } from "../../ops/creation";
import { cat } from "../../ops/movement";
import { matrix_exp } from "../../ops/matrix_exp";
import { solve } from "../../ops/linalg_extra";
import { qr } from "../../ops/linalg_decomp";
import { Module } from "../modules/module";
import { register_parametrization } from "./parametrize";
import { NotImplementedError, ValueError } from "../../errors";

export type OrthogonalMap = "matrix_exp" | "cayley" | "householder";

/**
 * H_1 H_2 ... H_k applied to the first n columns of the identity, H_i = I - tau_i v_i v_i^T with v_i
 * column i of A below the diagonal and 1 on it (torch.linalg.householder_product), written in torch
 * ops so that autograd differentiates it.
 */
function householderProduct(A: Tensor, tau: Tensor): Tensor {
  const m = A.shape[A.dim() - 2];
  const n = A.shape[A.dim() - 1];
  const batch = A.shape.slice(0, -2);
  let Q = eye(m).expand(...batch, m, m);
  const rows = eye(m).sum(1).cumsum(0).sub(1); // 0, 1, ..., m-1
  for (let i = 0; i < tau.shape[tau.dim() - 1]; i++) {
    const below = rows.gt(i).float();
    const unit = rows.eq(i).float();
    const v = A.select(-1, i).mul(below).add(unit); // [..., m]
    const Qv = Q.matmul(v.unsqueeze(-1)); // [..., m, 1]
    Q = Q.sub(Qv.mul(v.unsqueeze(-2)).mul(tau.select(-1, i).unsqueeze(-1).unsqueeze(-1)));
  }
  return Q.narrow(-1, 0, n);
}

/**
 * LAPACK's geqrf on host values: R on and above the diagonal, the Householder vectors below it and
 * the scalars tau (dlarfg: beta = -sign(alpha) * ||(alpha, x)||, tau = 0 where x is 0).
 */
function geqrf(A: Tensor): [Tensor, Tensor] {
  const m = A.shape[A.dim() - 2];
  const n = A.shape[A.dim() - 1];
  const k = Math.min(m, n);
  const vals = Float64Array.from(A.contiguous().view(-1).tolist() as number[]);
  const count = vals.length / (m * n);
  const taus = new Float64Array(count * k);
  for (let b = 0; b < count; b++) {
    const at = (r: number, c: number): number => b * m * n + r * n + c;
    for (let j = 0; j < k; j++) {
      const alpha = vals[at(j, j)];
      let xnorm = 0;
      for (let r = j + 1; r < m; r++) xnorm = Math.hypot(xnorm, vals[at(r, j)]);
      if (xnorm === 0) continue;
      const beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, xnorm);
      const tau = (beta - alpha) / beta;
      for (let r = j + 1; r < m; r++) vals[at(r, j)] /= alpha - beta;
      vals[at(j, j)] = beta;
      taus[b * k + j] = tau;
      for (let c = j + 1; c < n; c++) {
        let w = vals[at(j, c)];
        for (let r = j + 1; r < m; r++) w += vals[at(r, j)] * vals[at(r, c)];
        vals[at(j, c)] -= tau * w;
        for (let r = j + 1; r < m; r++) vals[at(r, c)] -= tau * w * vals[at(r, j)];
      }
    }
  }
  const t = (v: Float64Array, shape: number[]): Tensor => tensor(Float32Array.from(v)).reshape(shape);
  return [t(vals, A.shape.slice()), t(taus, [...A.shape.slice(0, -2), k])];
}

/** The Q of A = QR with diag(R) >= 0 (A tall). */
function makeOrthogonal(A: Tensor): Tensor {
  const { Q, R } = qr(A);
  return Q.mul(R.diagonal(0, -2, -1).sgn().unsqueeze(-2));
}

/** Whether Q^T Q is the identity within 10 * n float32 epsilons. */
function isOrthogonal(Q: Tensor): boolean {
  const n = Q.shape[Q.dim() - 2];
  const k = Q.shape[Q.dim() - 1];
  return Q.mT.matmul(Q).allclose(eye(k).expand(...Q.shape.slice(0, -2), k, k), { atol: 10 * n * 1.1920928955078125e-7 });
}

/** The orthogonal parametrization module (PyTorch's _Orthogonal). */
export class _Orthogonal extends Module {
  declare base: Tensor | null;
  shape: number[];
  orthogonal_map: OrthogonalMap;
  private readonly trivialization: boolean;

  constructor(weight: Tensor, orthogonal_map: OrthogonalMap, options: { use_trivialization?: boolean } = {}) {
    super();
    this.shape = weight.shape.slice();
    this.orthogonal_map = orthogonal_map;
    this.trivialization = options.use_trivialization ?? true;
    if (this.trivialization) this.register_buffer("base", null);
  }

  forward(input: Tensor): Tensor {
    let X = input;
    let n = X.shape[X.dim() - 2];
    let k = X.shape[X.dim() - 1];
    const transposed = n < k;
    if (transposed) {
      X = X.mT;
      [n, k] = [k, n];
    }
    let Q: Tensor;
    if (this.orthogonal_map === "matrix_exp" || this.orthogonal_map === "cayley") {
      X = X.tril();
      if (n !== k) X = cat([X, X.new_zeros(n, n - k).expand(...X.shape.slice(0, -2), n, n - k)], -1);
      const A = X.sub(X.mT);
      if (this.orthogonal_map === "matrix_exp") Q = matrix_exp(A);
      else {
        const Id = eye(n);
        Q = solve(Id.add(A, { alpha: -0.5 }), Id.add(A, { alpha: 0.5 }));
      }
      if (n !== k) Q = Q.narrow(-1, 0, k);
    } else {
      const A = X.tril(-1);
      const tau = A.mul(A).sum(-2).add(1).reciprocal().mul(2);
      Q = householderProduct(A, tau);
      // The signs on X's diagonal, not differentiated (PyTorch casts them to int).
      Q = Q.mul(X.diagonal(0, -2, -1).detach().trunc().unsqueeze(-2));
    }
    if (this.trivialization && this.base !== null) Q = this.base.matmul(Q);
    return transposed ? Q.mT : Q;
  }

  right_inverse(input: Tensor): Tensor {
    return no_grad(() => {
      if (input.shape.join(",") !== this.shape.join(",")) {
        throw new ValueError(`Expected a matrix or batch of matrices of shape torch.Size([${this.shape.join(", ")}]). Got a tensor of shape torch.Size([${input.shape.join(", ")}]).`);
      }
      let Q = input;
      let n = Q.shape[Q.dim() - 2];
      let k = Q.shape[Q.dim() - 1];
      const transpose = n < k;
      if (transpose) {
        Q = Q.mT;
        [n, k] = [k, n];
      }
      if (!this.trivialization) {
        if (this.orthogonal_map !== "householder") {
          throw new NotImplementedError("It is not possible to assign to the matrix exponential or the Cayley parametrizations when use_trivialization=False.");
        }
        const [A, tau] = geqrf(Q);
        const d = A.diagonal(0, -2, -1);
        d.copy_(d.sign().mul(tau.eq(0).float().mul(-2).add(1)));
        return transpose ? A.mT : A;
      }
      if (n === k) Q = isOrthogonal(Q) ? Q.clone() : makeOrthogonal(Q);
      else Q = makeOrthogonal(cat([Q, randn(...Q.shape.slice(0, -2), n, n - k)], -1));
      this.base = Q;
      const negId = input.new_zeros(input.shape);
      negId.diagonal(0, -2, -1).fill_(-1);
      return negId;
    });
  }
}

type Options = { name?: string; orthogonal_map?: OrthogonalMap | null; use_trivialization?: boolean };

/**
 * Makes `module[name]` an orthogonal matrix (or batch): Q^T Q = I for a tall one, Q Q^T = I for a wide
 * one. `orthogonal_map` defaults to "matrix_exp" for a square matrix and "householder" otherwise.
 *
 * @example
 * const m = nn.utils.parametrizations.orthogonal(new nn.Linear(20, 40));
 * m.weight.mT.matmul(m.weight)  // close to the 20 x 20 identity
 */
export function orthogonal<M extends Module>(module: M, name: string | Options = "weight", orthogonal_map?: OrthogonalMap | null | Options, options: Options = {}): M {
  const o = parseArgs("orthogonal", isOptions(name) ? [name] : isOptions(orthogonal_map) ? [name, orthogonal_map] : [name, orthogonal_map, options], ["name", "orthogonal_map", "use_trivialization"]);
  const key = (o.name as string | undefined) ?? "weight";
  const weight = (module as unknown as Record<string, unknown>)[key];
  if (!(weight instanceof Tensor)) throw new ValueError(`Module '${String(module)}' has no parameter or buffer with name '${key}'`);
  if (weight.dim() < 2) throw new ValueError(`Expected a matrix or batch of matrices. Got a tensor of ${weight.dim()} dimensions.`);
  let map = o.orthogonal_map as string | null | undefined;
  if (map === null || map === undefined) map = weight.shape[weight.dim() - 2] === weight.shape[weight.dim() - 1] ? "matrix_exp" : "householder";
  if (map !== "matrix_exp" && map !== "cayley" && map !== "householder") {
    throw new ValueError(`orthogonal_map has to be one of "matrix_exp", "cayley", "householder". Got: ${map}`);
  }
  const orth = new _Orthogonal(weight, map, { use_trivialization: (o.use_trivialization as boolean | undefined) ?? true });
  register_parametrization(module, key, orth, { unsafe: true });
  return module;
}
