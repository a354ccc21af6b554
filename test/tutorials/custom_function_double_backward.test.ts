/**
 * "Double Backward with Custom Functions" (pytorch/tutorials intermediate_source/
 * custom_function_double_backward_tutorial.rst) ported line by line against PyTorch 1.13
 * (test/reference/gen_custom_function_double_backward.py): Square saving its input, Exp saving its
 * output, Sinh returning its intermediate results as outputs, SinhBad hiding them on ctx (its grad_x has
 * no graph), and Cube whose backward is another custom Function, CubeBackward. Each is checked with
 * gradcheck and gradgradcheck; in place of the torchviz pictures, the graph of grad_x (its grad_fn and
 * that node's next_functions) and the second derivative are compared with PyTorch's.
 */
import { torch } from "../../src";
import { expectTensor, type Encoded } from "./_tutorial";
import { readReference } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
type Ctx = torch.autograd.FunctionCtx;
type NodeLike = { name(): string; next_functions: [NodeLike | null, number][] } | null;
interface Graph {
  grad_x: Encoded;
  requires_grad: boolean;
  grad_fn: string | null;
  next: (string | null)[] | null;
  second?: Encoded;
}
const R = readReference<Record<string, Record<string, unknown>>>("custom_function_double_backward.json");

/** What the tutorial's torchviz picture of (grad_x, x, out) shows, against PyTorch's. */
function expectGraph(out: Tensor, x: Tensor, want: Graph, total = false): void {
  const [grad_x] = torch.autograd.grad(total ? out.sum() : out, x, { create_graph: true });
  expectTensor(grad_x, want.grad_x);
  expect(grad_x.requires_grad).toBe(want.requires_grad);
  const fn = grad_x.grad_fn as NodeLike;
  expect(fn === null ? null : fn.name()).toBe(want.grad_fn);
  expect(fn === null ? null : fn.next_functions.map(([n]) => (n === null ? null : n.name()))).toEqual(want.next);
  if (want.second) expectTensor(torch.autograd.grad(grad_x.sum(), x)[0], want.second);
}

const rand33 = (): Tensor => torch.rand(3, 3).double().requires_grad_();

test("Saving the Inputs: Square", () => {
  class Square extends torch.autograd.Function {
    static forward(ctx: Ctx, x: Tensor): Tensor {
      // Because we are saving one of the inputs use `save_for_backward`
      ctx.save_for_backward(x);
      return x.pow(2);
    }

    static backward(ctx: Ctx, grad_out: Tensor): Tensor {
      // A function supports double backward automatically if autograd is able to record the computations performed in backward
      const [x] = ctx.saved_tensors;
      return grad_out.mul(2).mul(x);
    }
  }
  const want = R.square;
  torch.manual_seed(0);
  let x = rand33();
  expectTensor(x, want.x as Encoded);
  expect(torch.autograd.gradcheck((x: Tensor) => Square.apply(x), x)).toBe(want.gradcheck);
  // Use gradcheck to verify second-order derivatives
  expect(torch.autograd.gradgradcheck((x: Tensor) => Square.apply(x), x)).toBe(want.gradgradcheck);

  x = torch.tensor(1.0, { requires_grad: true, dtype: torch.float32 }).clone();
  expectGraph(Square.apply(x), x, want.graph as Graph);
});

test("Saving the Outputs: Exp", () => {
  class Exp extends torch.autograd.Function {
    static forward(ctx: Ctx, x: Tensor): Tensor {
      const result = torch.exp(x);
      ctx.save_for_backward(result);
      return result;
    }

    static backward(ctx: Ctx, grad_out: Tensor): Tensor {
      const [result] = ctx.saved_tensors;
      return result.mul(grad_out);
    }
  }
  const want = R.exp;
  const x = torch.tensor(1.0, { requires_grad: true, dtype: torch.double }).clone();
  expect(torch.autograd.gradcheck((x: Tensor) => Exp.apply(x), x)).toBe(want.gradcheck);
  expect(torch.autograd.gradgradcheck((x: Tensor) => Exp.apply(x), x)).toBe(want.gradgradcheck);
  expectGraph(Exp.apply(x), x, want.graph as Graph);
});

class Sinh extends torch.autograd.Function {
  static forward(ctx: Ctx, x: Tensor): Tensor[] {
    const expx = torch.exp(x);
    const expnegx = torch.exp(x.neg());
    ctx.save_for_backward(expx, expnegx);
    // In order to be able to save the intermediate results, a trick is to
    // include them as our outputs, so that the backward graph is constructed
    return [expx.sub(expnegx).div(2), expx, expnegx];
  }

  static backward(ctx: Ctx, grad_out: Tensor, _grad_out_exp: Tensor, _grad_out_negexp: Tensor): Tensor {
    const [expx, expnegx] = ctx.saved_tensors;
    const grad_input = grad_out.mul(expx.add(expnegx)).div(2);
    // We cannot skip accumulating these even though we won't use the outputs
    // directly. They will be used later in the second backward.
    grad_input.add_(_grad_out_exp.mul(expx));
    grad_input.sub_(_grad_out_negexp.mul(expnegx));
    return grad_input;
  }
}

test("Saving Intermediate Results: Sinh, and what not to do: SinhBad", () => {
  // Create a wrapper that only returns the first output
  const sinh = (x: Tensor): Tensor => Sinh.apply(x)[0];
  const want = R.sinh;
  torch.manual_seed(0);
  const x = rand33();
  expectTensor(x, want.x as Encoded);
  expect(torch.autograd.gradcheck(sinh, x)).toBe(want.gradcheck);
  expect(torch.autograd.gradgradcheck(sinh, x)).toBe(want.gradgradcheck);
  expectGraph(sinh(x), x, want.graph as Graph, true);

  class SinhBad extends torch.autograd.Function {
    // This is an example of what NOT to do!
    static forward(ctx: Ctx, x: Tensor): Tensor {
      const expx = torch.exp(x);
      const expnegx = torch.exp(x.neg());
      ctx.expx = expx;
      ctx.expnegx = expnegx;
      return expx.sub(expnegx).div(2);
    }

    static backward(ctx: Ctx, grad_out: Tensor): Tensor {
      const expx = ctx.expx as Tensor;
      const expnegx = ctx.expnegx as Tensor;
      const grad_input = grad_out.mul(expx.add(expnegx)).div(2);
      return grad_input;
    }
  }
  // Notice that grad_x is not part of the graph! As in PyTorch, grad_x does not even require grad:
  // create_graph records a gradient only when its formula reads something that requires grad, and
  // sum()'s backward passes on a gradient that reads only the shape. Differentiating it again is
  // PyTorch's error.
  const bad = (R.sinh_bad as { graph: Graph }).graph;
  const [grad_x] = torch.autograd.grad(SinhBad.apply(x).sum(), x, { create_graph: true });
  expectTensor(grad_x, bad.grad_x);
  expect(bad.requires_grad).toBe(false);
  expect(grad_x.requires_grad).toBe(bad.requires_grad);
  expect(() => torch.autograd.grad(grad_x.sum(), x, { allow_unused: true })).toThrow("element 0 of tensors does not require grad and does not have a grad_fn");
});

test("When Backward is not Tracked: Cube and CubeBackward", () => {
  const cube_forward = (x: Tensor): Tensor => x.pow(3);
  const cube_backward = (grad_out: Tensor, x: Tensor): Tensor => grad_out.mul(3).mul(x.pow(2));
  const cube_backward_backward = (grad_out: Tensor, sav_grad_out: Tensor, x: Tensor): Tensor => grad_out.mul(sav_grad_out).mul(6).mul(x);
  const cube_backward_backward_grad_out = (grad_out: Tensor, x: Tensor): Tensor => grad_out.mul(3).mul(x.pow(2));

  class Cube extends torch.autograd.Function {
    static forward(ctx: Ctx, x: Tensor): Tensor {
      ctx.save_for_backward(x);
      return cube_forward(x);
    }

    static backward(ctx: Ctx, grad_out: Tensor): Tensor {
      const [x] = ctx.saved_tensors;
      return CubeBackward.apply(grad_out, x);
    }
  }

  class CubeBackward extends torch.autograd.Function {
    static forward(ctx: Ctx, grad_out: Tensor, x: Tensor): Tensor {
      ctx.save_for_backward(x, grad_out);
      return cube_backward(grad_out, x);
    }

    static backward(ctx: Ctx, grad_out: Tensor): Tensor[] {
      const [x, sav_grad_out] = ctx.saved_tensors;
      const dx = cube_backward_backward(grad_out, sav_grad_out, x);
      const dgrad_out = cube_backward_backward_grad_out(grad_out, x);
      return [dgrad_out, dx];
    }
  }

  const want = R.cube;
  const x = torch.tensor(2.0, { requires_grad: true, dtype: torch.double });
  expect(torch.autograd.gradcheck((x: Tensor) => Cube.apply(x), x)).toBe(want.gradcheck);
  expect(torch.autograd.gradgradcheck((x: Tensor) => Cube.apply(x), x)).toBe(want.gradgradcheck);
  expectGraph(Cube.apply(x), x, want.graph as Graph);

  // The second derivative runs CubeBackward's own backward (recorded: a third would follow).
  const [g1] = torch.autograd.grad(Cube.apply(x), x, { create_graph: true });
  const [g2] = torch.autograd.grad(g1, x, { create_graph: true });
  expect((g2.grad_fn as NodeLike)!.name()).toBe(want.second_grad_fn);
  expectTensor(g2, want.second as Encoded);
});
