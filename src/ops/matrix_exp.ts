/**
 * torch.matrix_exp / torch.linalg.matrix_exp: the exponential of each square matrix, by scaling and
 * squaring. The matrices are scaled by 2^-s so that their 1-norm is at most 1/2, the exponential of
 * the scaled matrix is a degree-12 Taylor polynomial (Horner: I + X(I + X/2(I + X/3(...)))), whose
 * truncation error there is below float32's resolution, and squaring s times undoes the scaling.
 * Built from differentiable products and sums, so its gradient is the product rule through the same
 * steps (PyTorch differentiates its Padé approximant through a block-triangular matrix_exp instead;
 * both are exact to float32 rounding).
 */
import { Tensor } from "../tensor/tensor";
import { no_grad } from "../autograd/grad_mode";
import { eye } from "./creation";
import { RuntimeError } from "../errors";

const DEGREE = 12;

/**
 * The matrix exponential of each `[..., n, n]` matrix of `A`.
 *
 * @example
 * torch.matrix_exp(torch.zeros(2, 2))  // the identity
 */
export function matrix_exp(A: Tensor): Tensor {
  if (!A.dtype.is_floating_point) throw new RuntimeError(`matrix_exp: Expected a floating point or complex tensor as input. Got ${A.dtype._typeName}`);
  if (A.dim() < 2) throw new RuntimeError("linalg.matrix_exp: The input tensor A must have at least 2 dimensions.");
  const n = A.shape[A.dim() - 1];
  const m = A.shape[A.dim() - 2];
  if (n !== m) throw new RuntimeError(`linalg.matrix_exp: A must be batches of square matrices, but they are ${m} by ${n} matrices`);
  if (A.numel() === 0) return A.clone();
  const norm = no_grad(() => A.abs().sum(-2).max().item());
  const s = Number.isFinite(norm) && norm > 0.5 ? Math.ceil(Math.log2(norm / 0.5)) : 0;
  const X = s > 0 ? A.div(2 ** s) : A;
  const I = eye(n);
  let E = I;
  for (let k = DEGREE; k >= 1; k--) E = X.matmul(E).div(k).add(I);
  for (let i = 0; i < s; i++) E = E.matmul(E);
  return E;
}
