/** F.linear and F.bilinear: affine maps over the last dimension. */
import { profiling, profiled } from "../../profiler/hook";
import { Tensor } from "../../tensor/tensor";
import { RuntimeError, ShapeError, TypeError } from "../../errors";
import { addmm } from "../../ops/addmm";
import { linearWeightT, reshape } from "../../ops/movement";
import { flatLinear } from "../../ops/layout";
import { parseArgs } from "../../tensor/args";
import { freeGraphOnly } from "../../autograd/node";
import { currentLevel } from "../../autograd/forward_state";

function fmt(s: readonly number[]): string {
  return `[${s.join(", ")}]`;
}

function checkTensor(op: string, name: string, t: unknown): asserts t is Tensor {
  if (!(t instanceof Tensor)) throw new TypeError(`${op}(): argument '${name}' must be Tensor, not ${t === null ? "null" : typeof t}`);
}

/**
 * y = x W^T + b over the last dimension of `input`.
 *
 * Shape: input [*, in_features], weight [out_features, in_features], bias [out_features],
 * output [*, out_features].
 */
export function linear(input: Tensor, weight: Tensor | { weight?: Tensor; bias?: Tensor | null }, bias?: Tensor | null | { bias?: Tensor | null }): Tensor {
  const o = parseArgs("linear", [weight, bias], ["weight", "bias"]);
  return linearImpl(input, o.weight as Tensor, o.bias as Tensor | null | undefined);
}

function linearImpl(input: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  if (profiling.active !== null) return profiled("aten::linear", [input, weight, bias ?? null], () => linearOp(input, weight, bias));
  return linearOp(input, weight, bias);
}

function linearOp(input: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  checkTensor("linear", "input", input);
  checkTensor("linear", "weight", weight);
  if (bias !== undefined && bias !== null) checkTensor("linear", "bias", bias);
  if (weight.dim() !== 2 && weight.dim() !== 1) throw new RuntimeError(`linear(): weight must be 1-D or 2-D, got shape ${fmt(weight.shape)}`);
  if (input.dim() === 0) throw new RuntimeError("linear(): both arguments to linear need to be at least 1D, but they are 0D and " + `${weight.dim()}D`);
  const inF = input.shape[input.dim() - 1];
  const wIn = weight.shape[weight.dim() - 1];
  if (inF !== wIn) {
    const rows = input.shape.slice(0, -1).reduce((a, b) => a * b, 1);
    const outF = weight.dim() === 2 ? weight.shape[0] : 1;
    const m1 = input.dim() === 1 ? `1x${inF}` : `${rows}x${inF}`;
    throw new ShapeError(`mat1 and mat2 shapes cannot be multiplied (${m1} and ${wIn}x${outF})`, [wIn], input.shape);
  }
  const hasBias = bias !== undefined && bias !== null;
  // PyTorch's messages: a 2-D or 3-D input with a bias goes through addmm, the rest through mm.
  if (hasBias && (input.dim() === 2 || input.dim() === 3)) {
    if (bias.dtype !== weight.dtype) throw new RuntimeError("self and mat2 must have the same dtype");
    if (input.dtype !== weight.dtype) throw new RuntimeError("mat1 and mat2 must have the same dtype");
  }
  if (input.dtype !== weight.dtype) throw new RuntimeError(`expected scalar type ${input.dtype._typeName} but found ${weight.dtype._typeName}`);
  if (hasBias) {
    const outF = weight.dim() === 2 ? weight.shape[0] : 1;
    if (bias.numel() !== outF && bias.numel() !== 1) {
      throw new ShapeError(`linear(): bias of shape ${fmt(bias.shape)} does not match out_features=${outF}`, [outF], bias.shape);
    }
  }
  if (weight.dim() === 1) {
    const y = input.matmul(weight);
    return hasBias ? y.add(bias) : y;
  }
  // The graph PyTorch 1.13 records (printed in tutorials through grad_fn / next_functions):
  // 1-D: unsqueeze, mm, in-place squeeze (SqueezeBackward3), then + bias;
  // 2-D: AddmmBackward0(bias, input, TBackward0) with bias, MmBackward0(input, TBackward0) without;
  // contiguous 3-D with bias: addmm on input.view(-1, in) and a ViewBackward0 back;
  // otherwise the leading dims are folded (ReshapeAliasBackward0), mm, UnsafeViewBackward0, + bias.
  const outF = weight.shape[0];
  if (input.dim() === 1) {
    const y = reshape(input.unsqueeze(0).mm(weight.t()), [outF], "SqueezeBackward3");
    return hasBias ? y.add(bias) : y;
  }
  if (input.dim() === 2) {
    // A flattened conv map kept NHWC (ops/layout.ts) is read as it is, with the weight's columns permuted.
    const flat = flatLinear(input, weight, hasBias ? bias : null);
    if (flat !== null) return flat;
    const wt = hasBias ? linearWeightT(weight) : weight.t();
    const y = hasBias ? addmm(bias, input, wt) : input.mm(wt);
    // The transposed weight is this function's own (a [out, in] buffer per call): only the graph can
    // read it now, so it is freed with the graph, not by the collector. (Forward AD's lazy tangent
    // of y reads it later.)
    if (currentLevel() < 0) freeGraphOnly(wt);
    return y;
  }
  const lead = input.shape.slice(0, -1);
  if (hasBias && input.dim() === 3 && input.is_contiguous()) return addmm(bias, input.view(-1, inF), weight.t()).view([...lead, outF]);
  const y = reshape(input.reshape(-1, inF).mm(weight.t()), [...lead, outF], "UnsafeViewBackward0");
  return hasBias ? y.add(bias) : y;
}

/**
 * y = x1^T A x2 + b for each output feature.
 *
 * Shape: input1 [*, in1_features], input2 [*, in2_features], weight [out, in1, in2], bias [out],
 * output [*, out].
 */
export function bilinear(input1: Tensor, input2: Tensor, weight: Tensor | { weight?: Tensor; bias?: Tensor | null }, bias?: Tensor | null | { bias?: Tensor | null }): Tensor {
  const o = parseArgs("bilinear", [weight, bias], ["weight", "bias"]);
  return bilinearImpl(input1, input2, o.weight as Tensor, o.bias as Tensor | null | undefined);
}

function bilinearImpl(input1: Tensor, input2: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  checkTensor("bilinear", "input1", input1);
  checkTensor("bilinear", "input2", input2);
  checkTensor("bilinear", "weight", weight);
  if (weight.dim() !== 3) throw new RuntimeError(`bilinear(): weight must be 3-D [out, in1, in2], got shape ${fmt(weight.shape)}`);
  const [out, in1, in2] = weight.shape;
  const lead1 = input1.shape.slice(0, -1);
  if (fmt(lead1) !== fmt(input2.shape.slice(0, -1))) {
    throw new ShapeError(`bilinear(): input1 and input2 must have the same size except the last dimension, but got ${fmt(input1.shape)} and ${fmt(input2.shape)}`, input1.shape, input2.shape);
  }
  if (input1.shape[input1.dim() - 1] !== in1) {
    throw new ShapeError(`bilinear(): input1 size does not match weight size: got ${input1.shape[input1.dim() - 1]} but expected ${in1}`, [in1], input1.shape);
  }
  if (input2.shape[input2.dim() - 1] !== in2) {
    throw new ShapeError(`bilinear(): input2 size does not match weight size: got ${input2.shape[input2.dim() - 1]} but expected ${in2}`, [in2], input2.shape);
  }
  const x1 = input1.reshape(-1, in1);
  const x2 = input2.reshape(-1, in2);
  // [n, in1] x [in1, out*in2] -> [n, out, in2], then contract with x2 over in2.
  const t = x1.matmul(weight.permute(1, 0, 2).reshape(in1, out * in2)).reshape(-1, out, in2);
  let y = t.mul(x2.unsqueeze(1)).sum(2);
  if (bias !== undefined && bias !== null) y = y.add(bias);
  // Already [N, out] for a batch of vectors: PyTorch's result is then the bias add itself.
  return lead1.length === 1 && bias !== undefined && bias !== null ? y : y.reshape([...lead1, out]);
}
