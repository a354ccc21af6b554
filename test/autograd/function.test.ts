/**
 * torch.autograd.Function against PyTorch 1.13 (test/reference/gen_autograd_function.py): the
 * functions of PyTorch's docs (MyReLU, Exp, MulConstant, LinearFunction in a Module), each rule of
 * ctx, what backward may return and the errors when it returns something else.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { expectSamePrint, expectTensor, type Encoded } from "../tutorials/_tutorial";

type Tensor = torch.Tensor;
type FunctionCtx = torch.autograd.FunctionCtx;
const { Function } = torch.autograd;
const { nn } = torch;
const REF = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "autograd_function.json"), "utf8")) as Record<string, Record<string, unknown>>;
const enc = (r: Record<string, unknown>, k: string): Encoded => r[k] as Encoded;

/** The error `f` throws, as gen_autograd_function.py's err() records it (null when none). */
function err(f: () => unknown): { type: string; message: string } | null {
  try {
    f();
  } catch (e) {
    return { type: (e as Error).name, message: (e as Error).message };
  }
  return null;
}

class MyReLU extends Function {
  static forward(ctx: FunctionCtx, input: Tensor): Tensor {
    ctx.save_for_backward(input);
    return input.clamp({ min: 0 });
  }

  static backward(ctx: FunctionCtx, grad_output: Tensor): Tensor {
    const [input] = ctx.saved_tensors;
    const grad_input = grad_output.clone();
    grad_input.masked_fill_(input.lt(0), 0); // grad_input[input < 0] = 0
    return grad_input;
  }
}

class Exp extends Function {
  static forward(ctx: FunctionCtx, i: Tensor): Tensor {
    const result = i.exp();
    ctx.save_for_backward(result);
    return result;
  }

  static backward(ctx: FunctionCtx, grad_output: Tensor): Tensor {
    const [result] = ctx.saved_tensors;
    return grad_output.mul(result);
  }
}

class MulConstant extends Function {
  static forward(ctx: FunctionCtx, tensor: Tensor, constant: number): Tensor {
    ctx.constant = constant;
    return tensor.mul(constant);
  }

  static backward(ctx: FunctionCtx, grad_output: Tensor): [Tensor, null] {
    return [grad_output.mul(ctx.constant as number), null];
  }
}

class LinearFunction extends Function {
  static forward(ctx: FunctionCtx, input: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
    ctx.save_for_backward(input, weight, bias as Tensor);
    const output = input.mm(weight.t());
    if (bias !== null) output.add_(bias.unsqueeze(0).expand_as(output)); // output += ...
    return output;
  }

  static backward(ctx: FunctionCtx, grad_output: Tensor): (Tensor | null)[] {
    const [input, weight, bias] = ctx.saved_tensors;
    let grad_input = null;
    let grad_weight = null;
    let grad_bias = null;
    if (ctx.needs_input_grad[0]) grad_input = grad_output.mm(weight);
    if (ctx.needs_input_grad[1]) grad_weight = grad_output.t().mm(input);
    if (bias !== null && ctx.needs_input_grad[2]) grad_bias = grad_output.sum(0);
    return [grad_input, grad_weight, grad_bias];
  }
}

class Linear extends nn.Module {
  weight: InstanceType<typeof nn.Parameter>;
  bias: InstanceType<typeof nn.Parameter> | null;
  constructor(readonly input_features: number, readonly output_features: number, bias = true) {
    super();
    this.weight = new nn.Parameter(torch.empty(output_features, input_features));
    if (bias) this.bias = new nn.Parameter(torch.empty(output_features));
    else {
      this.bias = null;
      this.register_parameter("bias", null);
    }
    this.weight.data.uniform_(-0.1, 0.1);
    if (this.bias !== null) this.bias.data.uniform_(-0.1, 0.1);
  }

  forward(input: Tensor): Tensor {
    return LinearFunction.apply(input, this.weight, this.bias);
  }
}

const X = [-1.5, -0.25, 0.0, 0.5, 2.0, 3.0];

describe("basics", () => {
  const R = REF.basics;

  test("MyReLU, Exp (saves its output) and MulConstant (a number argument): values, grad_fn, gradients", () => {
    let x = torch.tensor(X, { dtype: torch.float32, requires_grad: true });
    let y = MyReLU.apply(x);
    expect(String(y)).toBe(R.relu_repr);
    expect(y.grad_fn!.name()).toBe(R.relu_grad_fn);
    y.mul(torch.arange(6.0)).sum().backward();
    expectTensor(x.grad!, enc(R, "relu_grad"));

    x = torch.tensor([0.5, 1.0, -1.0], { dtype: torch.float32, requires_grad: true });
    y = Exp.apply(x);
    expect(String(y)).toBe(R.exp_repr);
    y.sum().backward();
    expectTensor(x.grad!, enc(R, "exp_grad"));

    x = torch.tensor([1.0, 2.0, 3.0], { dtype: torch.float32, requires_grad: true });
    y = MulConstant.apply(x, 2.5);
    expect(String(y)).toBe(R.mul_repr);
    y.pow(2).sum().backward();
    expectTensor(x.grad!, enc(R, "mul_grad"));
    expect(y.grad_fn!.next_functions.map(([n]) => (n === null ? null : n.name()))).toEqual(R.mul_next_functions);
  });

  test("needs_input_grad (one flag per argument, numbers included) and grad mode off in forward and backward", () => {
    const seen: unknown[] = [];
    class N extends Function {
      static forward(ctx: FunctionCtx, x: Tensor, k: number, y: Tensor): Tensor {
        seen.push(ctx.needs_input_grad, torch.is_grad_enabled());
        return x.mul(y).mul(k);
      }
      static backward(ctx: FunctionCtx, g: Tensor): (Tensor | null)[] {
        seen.push(ctx.needs_input_grad, torch.is_grad_enabled());
        return [g, null, g];
      }
    }
    const a = torch.ones(2, { requires_grad: true });
    N.apply(a, 2, torch.ones(2)).sum().backward();
    expect(seen).toEqual(R.needs_input_grad);
    expectTensor(a.grad!, enc(R, "needs_grad"));
  });

  test("under no_grad, or with no input requiring grad, nothing is recorded", () => {
    const y = torch.no_grad(() => MulConstant.apply(torch.ones(2, { requires_grad: true }), 3));
    expect([y.requires_grad, y.grad_fn === null, String(y)]).toEqual(R.no_grad);
    const z = MulConstant.apply(torch.ones(2), 3);
    expect([z.requires_grad, z.grad_fn === null]).toEqual(R.no_input_requires);
  });
});

describe("outputs", () => {
  const R = REF.outputs;

  test("two outputs: backward gets one gradient per output (zeros for an unused one), autograd.grad", () => {
    const got: string[][] = [];
    class Two extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): [Tensor, Tensor] {
        return [x.mul(2), x.mul(3)];
      }
      static backward(ctx: FunctionCtx, g1: Tensor, g2: Tensor): Tensor {
        got.push([String(g1), String(g2)]);
        return g1.mul(2).add(g2.mul(3));
      }
    }
    const x = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    let [a, b] = Two.apply(x);
    expect([String(a), String(b)]).toEqual(R.two_repr);
    expect(a.grad_fn!.next_functions.map(([n]) => n!.name())).toEqual(R.two_next_functions);
    a.sum().backward();
    expectTensor(x.grad!, enc(R, "two_first_grad"));
    x.grad = null;
    [a, b] = Two.apply(x);
    a.mul(b).sum().backward();
    expectTensor(x.grad!, enc(R, "two_both_grad"));
    expect(got).toEqual(R.two_grad_outputs);
    [a, b] = Two.apply(x);
    expectTensor(torch.autograd.grad(b.sum(), x)[0], enc(R, "two_autograd_grad"));
  });

  test("set_materialize_grads(false): an output without a gradient gives backward null", () => {
    const got: string[][] = [];
    class TwoNM extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): [Tensor, Tensor] {
        ctx.set_materialize_grads(false);
        return [x.mul(2), x.mul(3)];
      }
      static backward(ctx: FunctionCtx, g1: Tensor | null, g2: Tensor | null): Tensor {
        got.push([g1 === null ? "None" : String(g1), g2 === null ? "None" : String(g2)]);
        return g1 !== null ? g1.mul(2) : g2!.mul(3);
      }
    }
    const x = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const [, b] = TwoNM.apply(x);
    b.sum().backward();
    expect(got).toEqual(R.nm_grad_outputs);
    expectTensor(x.grad!, enc(R, "nm_grad"));
  });

  test("mark_non_differentiable: sort's indices need no grad and backward gets zeros for them", () => {
    const got: string[] = [];
    class Sort extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): [Tensor, Tensor] {
        const [v, i] = x.sort();
        ctx.mark_non_differentiable(i);
        ctx.save_for_backward(i);
        return [v, i];
      }
      static backward(ctx: FunctionCtx, gv: Tensor, gi: Tensor): Tensor {
        got.push(String(gi));
        const [i] = ctx.saved_tensors;
        const r = torch.zeros_like(gv);
        r.index_add_(0, i, gv);
        return r;
      }
    }
    const x = torch.tensor([3.0, 1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const [v, i] = Sort.apply(x);
    expect([String(v), String(i), i.requires_grad]).toEqual(R.sort_repr);
    v.mul(torch.tensor([1.0, 2.0, 3.0])).sum().backward();
    expect(got[0]).toBe(R.sort_gi);
    expectTensor(x.grad!, enc(R, "sort_grad"));
  });

  test("mark_dirty: the input modified in place is the output, with this function as its grad_fn", () => {
    class Dirty extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): Tensor {
        x.mul_(2);
        ctx.mark_dirty(x);
        return x;
      }
      static backward(ctx: FunctionCtx, g: Tensor): Tensor {
        return g.mul(2);
      }
    }
    const a = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const x = a.clone();
    const y = Dirty.apply(x);
    expect([y === x, String(y), x.grad_fn!.name()]).toEqual((R.dirty as unknown[]).slice(0, 3)); // and x._version 2 in PyTorch
    y.sum().backward();
    expectTensor(a.grad!, enc(R, "dirty_grad"));
    expect(err(() => Dirty.apply(torch.ones(2, { requires_grad: true })))).toEqual(R.dirty_leaf_error);
  });

  test("an input returned unchanged comes back as an alias carrying the graph; non-tensor outputs pass through", () => {
    class Ident extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): Tensor {
        return x;
      }
      static backward(ctx: FunctionCtx, g: Tensor): Tensor {
        return g.mul(5);
      }
    }
    let a = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const y = Ident.apply(a);
    expect([y === a, String(y), String(a)]).toEqual(R.ident);
    y.sum().backward();
    expectTensor(a.grad!, enc(R, "ident_grad"));

    const got: string[] = [];
    class Mixed extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): [Tensor, string, number] {
        return [x.mul(2), "label", 3];
      }
      static backward(ctx: FunctionCtx, g: Tensor, g_label: null, g_n: null): Tensor {
        got.push(String(g_label ?? "None"), String(g_n ?? "None"));
        return g.mul(2);
      }
    }
    a = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const [t, s, n] = Mixed.apply(a);
    expect([String(t), s, n]).toEqual(R.mixed);
    t.sum().backward();
    expect(got).toEqual(R.mixed_grad_outputs);
    expectTensor(a.grad!, enc(R, "mixed_grad"));
  });

  test("register_hook and retain_grad on an output", () => {
    const a = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const y = MulConstant.apply(a, 2.0);
    y.register_hook((g) => g.mul(10));
    y.retain_grad();
    y.sum().backward();
    expectTensor(a.grad!, enc(R, "hook_grad"));
    expectTensor(y.grad!, enc(R, "hook_retained"));
  });
});

describe("errors", () => {
  const R = REF.errors;

  test("backward returning too many or too few gradients; extra nulls are fine", () => {
    class Many extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): Tensor {
        return x.mul(2);
      }
      static backward(ctx: FunctionCtx, g: Tensor): Tensor[] {
        return [g, g];
      }
    }
    expect(err(() => Many.apply(torch.ones(2, { requires_grad: true })).sum().backward())).toEqual(R.too_many);
    class ManyNone extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): Tensor {
        return x.mul(2);
      }
      static backward(ctx: FunctionCtx, g: Tensor): [Tensor, null] {
        return [g, null];
      }
    }
    const a = torch.ones(2, { requires_grad: true });
    ManyNone.apply(a).sum().backward();
    expectTensor(a.grad!, enc(R, "extra_none_grad"));
    class Few extends Function {
      static forward(ctx: FunctionCtx, x: Tensor, y: Tensor): Tensor {
        return x.mul(y);
      }
      static backward(ctx: FunctionCtx, g: Tensor): Tensor {
        return g;
      }
    }
    expect(err(() => Few.apply(torch.ones(2, { requires_grad: true }), torch.ones(2)).sum().backward())).toEqual(R.too_few);
  });

  test("a gradient of the wrong shape (index among the tensor inputs), one that sums down to the input's, one for a number", () => {
    class Shape extends Function {
      static forward(ctx: FunctionCtx, k: number, x: Tensor, y: Tensor): Tensor {
        return x.mul(y).mul(k);
      }
      static backward(ctx: FunctionCtx, g: Tensor): (Tensor | null)[] {
        return [null, g, torch.ones(3)];
      }
    }
    expect(err(() => Shape.apply(2, torch.ones(2), torch.ones(2, { requires_grad: true })).sum().backward())).toEqual(R.bad_shape);
    expect(err(() => Shape.apply(2, torch.ones(2, { requires_grad: true }), torch.ones(2)).sum().backward())).toEqual(R.bad_shape_unneeded);
    class Wide extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): Tensor {
        return x.mul(2);
      }
      static backward(ctx: FunctionCtx, g: Tensor): Tensor {
        void g;
        return torch.ones(4, 2, 3);
      }
    }
    const a = torch.ones(2, 3, { requires_grad: true });
    Wide.apply(a).sum().backward();
    expectTensor(a.grad!, enc(R, "summed_grad"));
    class NonTensorGrad extends Function {
      static forward(ctx: FunctionCtx, x: Tensor, k: number): Tensor {
        return x.mul(k);
      }
      static backward(ctx: FunctionCtx, g: Tensor): Tensor[] {
        return [g, g];
      }
    }
    expect(err(() => NonTensorGrad.apply(torch.ones(2, { requires_grad: true }), 2).sum().backward())).toEqual(R.grad_for_non_tensor);
  });

  test("a Function without backward or forward", () => {
    class NoBackward extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): Tensor {
        return x.mul(2);
      }
    }
    expect(err(() => NoBackward.apply(torch.ones(2, { requires_grad: true })).sum().backward())).toEqual(R.no_backward);
    class NoForward extends Function {}
    expect(err(() => (NoForward.apply as (...a: unknown[]) => unknown).call(NoForward, torch.ones(2, { requires_grad: true })))).toEqual(R.no_forward);
  });

  test("a saved tensor modified in place after forward (a leaf, a non-leaf, an output), saving a number, a second backward", () => {
    class Sq extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): Tensor {
        ctx.save_for_backward(x);
        return x.mul(x);
      }
      static backward(ctx: FunctionCtx, g: Tensor): Tensor {
        const [x] = ctx.saved_tensors;
        return g.mul(2).mul(x);
      }
    }
    expect(
      err(() => {
        const x = torch.tensor([1.0, 2.0, 3.0], { dtype: torch.float32, requires_grad: true });
        const y = Sq.apply(x);
        torch.no_grad(() => x.add_(1));
        y.sum().backward();
      }),
    ).toEqual(R.modified_leaf);
    expect(
      err(() => {
        const x = torch.tensor([1.0, 2.0, 3.0], { dtype: torch.float32, requires_grad: true });
        const z = x.mul(1);
        const y = Sq.apply(z);
        z.add_(1);
        y.sum().backward();
      }),
    ).toEqual(R.modified_non_leaf);
    expect(
      err(() => {
        const y = Exp.apply(torch.ones(2, { requires_grad: true }));
        y.add_(1);
        y.sum().backward();
      }),
    ).toEqual(R.modified_output);
    class SaveNumber extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): Tensor {
        ctx.save_for_backward(x, 3 as unknown as Tensor);
        return x.mul(2);
      }
    }
    const e = err(() => SaveNumber.apply(torch.ones(2, { requires_grad: true })))!;
    expect(e.type).toBe((R.save_number as { type: string }).type);
    expect(e.message).toBe((R.save_number as { message: string }).message.replace("int", "number"));
    // PyTorch's message, with TypeScript's spelling of the option.
    const twice = err(() => {
      const y = Sq.apply(torch.ones(2, { requires_grad: true }));
      y.sum().backward();
      y.sum().backward();
    })!;
    expect(twice.type).toBe("RuntimeError");
    expect(twice.message).toMatch(/^Trying to backward through the graph a second time/);
    const x = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const y = Sq.apply(x);
    y.sum().backward({ retain_graph: true });
    y.sum().backward();
    expectTensor(x.grad!, enc(R, "retained_grad"));
  });
});

describe("in a Module", () => {
  const R = REF.module;

  test("'Extending PyTorch' Linear (LinearFunction.apply in forward): seeded init, SGD steps, autograd.grad, nn.Linear agrees", () => {
    function run(): { lin: Linear; losses: number[] } {
      torch.manual_seed(0);
      const lin = new Linear(3, 2);
      expectTensor(lin.weight, enc(R, "weight"));
      expectTensor(lin.bias!, enc(R, "bias"));
      const x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [0.0, 1.0, 1.0], [-2.0, 0.5, 0.75]]);
      const y = torch.tensor([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5], [1.0, -1.0]]);
      const opt = new torch.optim.SGD(lin.parameters(), { lr: 0.1 });
      const losses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const out = lin(x);
        const loss = out.sub(y).pow(2).mean();
        opt.zero_grad();
        loss.backward();
        opt.step();
        losses.push(loss.item());
      }
      return { lin, losses };
    }
    const { lin, losses } = run();
    losses.forEach((l, i) => expect(l).toBeCloseTo((R.losses as number[])[i], 5));
    expectTensor(lin.weight, enc(R, "weight_after"));
    const x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [0.0, 1.0, 1.0], [-2.0, 0.5, 0.75]]);
    expect(String(lin(x))).toBe(R.out_repr);
    const xi = x.clone().requires_grad_();
    const [gi, gw] = torch.autograd.grad(lin(xi).sum(), [xi, lin.weight]);
    expectTensor(gi, enc(R, "grad_input"));
    expectTensor(gw, enc(R, "grad_weight"));
    const ref = new nn.Linear(3, 2);
    torch.no_grad(() => {
      ref.weight.copy_(lin.weight);
      ref.bias!.copy_(lin.bias!);
    });
    expect(torch.allclose(ref(x), lin(x))).toBe(R.matches_nn_linear);
  });
});

class Bad extends Function {
  static forward(ctx: FunctionCtx, x: Tensor, w: Tensor): Tensor {
    ctx.save_for_backward(x, w);
    return x.mul(w);
  }

  static backward(ctx: FunctionCtx, g: Tensor): Tensor[] {
    const [x, w] = ctx.saved_tensors;
    return [g.mul(w).mul(2), g.mul(x)]; // the gradient of x doubled
  }
}

describe("gradcheck (float32 defaults: eps 1e-3, atol 1e-3, rtol 1e-2; PyTorch's reference runs in float64)", () => {
  const R = REF.gradcheck;

  test("LinearFunction passes; a doubled gradient fails with both Jacobians, or returns false", () => {
    torch.manual_seed(0);
    const input: [Tensor, Tensor] = [torch.randn(4, 3, { requires_grad: true }), torch.randn(2, 3, { requires_grad: true })];
    expect(torch.autograd.gradcheck((x: Tensor, w: Tensor) => LinearFunction.apply(x, w), input)).toBe(R.linear);
    expect(torch.autograd.gradcheck((x: Tensor) => MyReLU.apply(x), torch.tensor([-1.5, -0.5, 0.5, 2.0], { dtype: torch.float32, requires_grad: true }))).toBe(true);
    const x = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const w = torch.tensor([3.0, -1.0], { dtype: torch.float32, requires_grad: true });
    const e = err(() => torch.autograd.gradcheck((a: Tensor, b: Tensor) => Bad.apply(a, b), [x, w]))!;
    const want = R.bad as { type: string; message: string };
    expect(e.type).toBe(want.type);
    expectSamePrint(e.message, want.message.replace(/, dtype=torch.float64/g, ""), 1e-3);
    expect(torch.autograd.gradcheck((a: Tensor, b: Tensor) => Bad.apply(a, b), [x, w], { raise_exception: false })).toBe(R.bad_no_raise);
    expect(() => torch.autograd.gradcheck((a: Tensor) => a.mul(2), torch.ones(2))).toThrow("gradcheck expects at least one input tensor to require gradient, but none of the them have requires_grad=True.");
  });
});

describe("lifetimes, and torchlab's own checks", () => {
  test("apply needs its class; the grads handed to backward, and tensors made there, outlive the sweep", () => {
    const P = MulConstant.apply;
    expect(() => (P as (...a: unknown[]) => unknown)(torch.ones(2), 2)).toThrow(/must be called on a torch.autograd.Function subclass/);
    const P3 = (x: Tensor, k: number): Tensor => MulConstant.apply(x, k);
    expect(String(P3(torch.ones(2), 2))).toBe("tensor([2., 2.])");
    const kept: Tensor[] = [];
    const total = torch.zeros(2);
    class Keep extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): Tensor {
        return x.mul(3);
      }
      static backward(ctx: FunctionCtx, g: Tensor): Tensor {
        kept.push(g, g.mul(2));
        total.add_(g);
        return g.mul(3);
      }
    }
    const a = torch.ones(2, { requires_grad: true });
    Keep.apply(a).sum().backward();
    expect(kept.map(String)).toEqual(["tensor([1., 1.])", "tensor([2., 2.])"]);
    expect(String(total)).toBe("tensor([1., 1.])");
    expect(String(a.grad)).toBe("tensor([3., 3.])");
  });

  test("ctx methods are forward-only; mark_dirty needs a returned input", () => {
    let saved: FunctionCtx | null = null;
    class Late extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): Tensor {
        saved = ctx;
        return x.mul(2);
      }
      static backward(ctx: FunctionCtx, g: Tensor): Tensor {
        return g;
      }
    }
    Late.apply(torch.ones(2, { requires_grad: true }));
    expect(() => saved!.save_for_backward(torch.ones(2))).toThrow("save_for_backward() can only be called from forward()");
    class NotReturned extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): Tensor {
        x.mul_(2);
        ctx.mark_dirty(x);
        return x.mul(1);
      }
    }
    expect(() => NotReturned.apply(torch.ones(2, { requires_grad: true }).mul(1))).toThrow(/a tensor marked dirty must be returned by forward/);
    class DirtyView extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): Tensor {
        x.mul_(2);
        ctx.mark_dirty(x);
        return x;
      }
    }
    const base = torch.ones(4, { requires_grad: true }).mul(1);
    expect(() => DirtyView.apply(base.view(2, 2))).toThrow(/mark_dirty\(\) on a view .* is not supported/);
  });

  test("saved tensors are freed with the graph: a kept ctx raises PyTorch's error after backward", () => {
    const R = REF.lifetimes;
    let kept: FunctionCtx | null = null;
    class Keep extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): Tensor {
        kept = ctx;
        ctx.save_for_backward(x);
        return x.mul(x);
      }
      static backward(ctx: FunctionCtx, g: Tensor): Tensor {
        const [x] = ctx.saved_tensors;
        return g.mul(x).mul(2);
      }
    }
    const x = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const y = Keep.apply(x);
    expect(kept!.saved_tensors[0] === x).toBe(R.kept_is_input);
    y.sum().backward();
    expectTensor(x.grad!, enc(R, "kept_grad"));
    const e = err(() => kept!.saved_tensors)!;
    expect(e.type).toBe((R.kept_error as { type: string }).type);
    // PyTorch's message, word for word (retain_graph=True as Python spells it).
    expect(e.message).toBe((R.kept_error as { message: string }).message);
  });

  test("two outputs used in separate backward passes: the second needs retain_graph, as the shared node is freed", () => {
    const R = REF.lifetimes;
    class Two extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): [Tensor, Tensor] {
        ctx.save_for_backward(x);
        return [x.mul(2), x.pow(2)];
      }
      static backward(ctx: FunctionCtx, g1: Tensor, g2: Tensor): Tensor {
        const [x] = ctx.saved_tensors;
        return g1.mul(2).add(g2.mul(x).mul(2));
      }
    }
    const x = torch.tensor([1.0, 3.0], { dtype: torch.float32, requires_grad: true });
    let [a, b] = Two.apply(x);
    a.sum().backward({ retain_graph: true });
    b.sum().backward();
    expectTensor(x.grad!, enc(R, "two_separate_grad"));
    [a, b] = Two.apply(x);
    a.sum().backward();
    const e = err(() => b.sum().backward())!;
    expect(e.type).toBe((R.two_second_error as { type: string }).type);
    expect(e.message).toMatch(/^Trying to backward through the graph a second time/);
    expect(torch.autograd.gradcheck((t: Tensor) => Two.apply(t), torch.tensor([0.5, -1.25], { dtype: torch.float32, requires_grad: true }))).toBe(true);
  });
});
