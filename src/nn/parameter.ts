/**
 * nn.Parameter: a Tensor that a Module registers as a learnable weight when it is assigned as a
 * field. It shares its values with the tensor it wraps (as PyTorch's Parameter does) and is always
 * a graph leaf, so `p.grad` collects gradients after `loss.backward()`.
 */
import { Tensor } from "../tensor/tensor";
import { isOptions, parseArgs } from "../tensor/args";
import { zeros } from "../ops/creation";
import { RuntimeError, TypeError } from "../errors";
import { REQUIRES_GRAD_DTYPE } from "../tensor/dtype";
import { setPyModule } from "../pyrepr";

/**
 * A learnable tensor of a Module.
 *
 * Args:
 *   data: the initial values (shared, not copied). Default: an empty tensor.
 *   requires_grad: whether the parameter collects gradients. Default: true.
 *
 * @example
 * const w = new nn.Parameter(torch.randn(3, 4));
 * w.requires_grad  // true
 */
export class Parameter extends Tensor {
  constructor(data?: Tensor | null | { data?: Tensor | null; requires_grad?: boolean }, requires_grad?: boolean | { requires_grad?: boolean }) {
    const a = parseArgs("Parameter", [data, requires_grad], ["data", "requires_grad"]);
    const given = a.data === undefined || a.data === null ? zeros(0) : a.data;
    if (!(given instanceof Tensor)) {
      throw new TypeError(`Parameter(): argument 'data' must be a Tensor, not ${describeValue(given)}`);
    }
    const t = given;
    const grad = (a.requires_grad as boolean | undefined) ?? true;
    if (grad && !t.dtype.is_floating_point) throw new RuntimeError(`${REQUIRES_GRAD_DTYPE} (got dtype ${t.dtype})`);
    super(t._s.data, t._s);
    // nn.Parameter keeps its data's strides (a channels-last weight stays channels last).
    this._memfmt = t._view === null ? t._memfmt : null;
    this.requires_grad_(grad);
  }

  toString(): string {
    return "Parameter containing:\n" + super.toString();
  }

  get [Symbol.toStringTag](): string {
    return "Parameter";
  }
}

function describeValue(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "array";
  if (isOptions(x)) return "object";
  return typeof x === "object" ? (x as object).constructor?.name ?? "object" : typeof x;
}

setPyModule(Parameter, "torch.nn.parameter");
