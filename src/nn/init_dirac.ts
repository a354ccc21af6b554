/**
 * torch.nn.init.dirac_: fills a conv weight `[out, in, *kernel]` (3, 4 or 5 dims) with the Dirac delta,
 * so the convolution passes its input channels through unchanged (per group: output channel d of a
 * group copies input channel d, for d < min(out / groups, in)).
 */
import { Tensor } from "../tensor/tensor";
import { no_grad } from "../autograd/grad_mode";
import { from_typed } from "../ops/creation";
import { parseArgs } from "../tensor/args";
import { TypeError, ValueError } from "../errors";

/**
 * Args: tensor (a 3-, 4- or 5-D conv weight), groups (default 1; dim 0 must be divisible by it).
 * @example nn.init.dirac_(conv.weight)  // conv(x) equals x where channels match
 */
export function dirac_(tensor: Tensor, groups: number | { groups?: number } = 1): Tensor {
  if (!(tensor instanceof Tensor)) throw new TypeError(`dirac_(): argument 'tensor' must be a Tensor, not ${tensor === null ? "null" : typeof tensor}`);
  const g = (parseArgs("dirac_", [groups], ["groups"]).groups as number | undefined) ?? 1;
  const sizes = tensor.shape;
  if (sizes.length < 3 || sizes.length > 5) throw new ValueError("Only tensors with 3, 4, or 5 dimensions are supported");
  if (sizes[0] % g !== 0) throw new ValueError("dim 0 must be divisible by groups");
  const outPerGroup = sizes[0] / g;
  const minDim = Math.min(outPerGroup, sizes[1]);
  const strides = sizes.map((_, i) => sizes.slice(i + 1).reduce((a, b) => a * b, 1));
  const centre = sizes.slice(2).reduce((off, s, i) => off + Math.floor(s / 2) * strides[i + 2], 0);
  const data = new Float32Array(tensor.numel());
  for (let k = 0; k < g; k++) {
    for (let d = 0; d < minDim; d++) data[(k * outPerGroup + d) * strides[0] + d * strides[1] + centre] = 1;
  }
  return no_grad(() => tensor.copy_(from_typed(data, sizes)));
}
