/**
 * A notebook cell defining custom autograd Functions type-checks under TypeScript 5.0.4 (tslab's
 * compiler) in strict mode: static forward/backward with `torch.autograd.FunctionCtx`, ctx attributes,
 * apply typed by forward (arguments and result, tuples included), and wrong calls are type errors.
 */
import * as path from "path";
import * as ts from "typescript";
import { SRC, cellDiagnostics } from "../cell_types";

const CELL = `
import { torch } from "${SRC}";

class MyReLU extends torch.autograd.Function {
  static forward(ctx: torch.autograd.FunctionCtx, input: torch.Tensor): torch.Tensor {
    ctx.save_for_backward(input);
    return input.clamp({ min: 0 });
  }
  static backward(ctx: torch.autograd.FunctionCtx, grad_output: torch.Tensor): torch.Tensor {
    const [input] = ctx.saved_tensors;
    return grad_output.masked_fill(input.lt(0), 0);
  }
}

class MulConstant extends torch.autograd.Function {
  static forward(ctx: torch.autograd.FunctionCtx, tensor: torch.Tensor, constant: number): torch.Tensor {
    ctx.constant = constant;
    return tensor.mul(constant);
  }
  static backward(ctx: torch.autograd.FunctionCtx, grad_output: torch.Tensor): [torch.Tensor, null] {
    return [grad_output.mul(ctx.constant as number), null];
  }
}

class SortFn extends torch.autograd.Function {
  static forward(ctx: torch.autograd.FunctionCtx, x: torch.Tensor): [torch.Tensor, torch.Tensor] {
    const [v, i] = x.sort();
    ctx.mark_non_differentiable(i);
    ctx.set_materialize_grads(false);
    return [v, i];
  }
  static backward(ctx: torch.autograd.FunctionCtx, gv: torch.Tensor | null, gi: torch.Tensor | null): torch.Tensor | null {
    void gi;
    return ctx.needs_input_grad[0] ? gv : null;
  }
}

const x = torch.randn(3, { requires_grad: true });
const y: torch.Tensor = MyReLU.apply(x);
const z: torch.Tensor = MulConstant.apply(y, 2.5);
const [v, i] = SortFn.apply(z);
const P3 = (input: torch.Tensor) => MyReLU.apply(input);
v.sum().add(P3(x).sum()).backward();
void [i.shape, y.grad_fn?.name(), x.grad];
class Net extends torch.nn.Module {
  forward(input: torch.Tensor): torch.Tensor {
    return MulConstant.apply(input, 3);
  }
}
void new Net()(x);
// @ts-expect-error MulConstant.apply needs its constant
MulConstant.apply(x);
// @ts-expect-error the constant is a number
MulConstant.apply(x, "3");
// @ts-expect-error apply returns what forward returns: a tuple here, not a Tensor
const notTensor: torch.Tensor = SortFn.apply(x);
void notTensor;
`;

test("a notebook cell with torch.autograd.Function subclasses type-checks under TypeScript " + ts.version, () => {
  expect(ts.version).toBe("5.0.4");
  expect(cellDiagnostics(path.join(__dirname, "__function_cell__.ts"), CELL)).toEqual([]);
}, 180000);
