/**
 * "Forward-mode Automatic Differentiation (Beta)" (pytorch/tutorials intermediate_source/
 * forward_ad_usage.py) ported line by line against PyTorch 1.13 (test/reference/gen_forward_ad.py,
 * section tutorial): dual tensors in a dual_level, a tangent copied when its layout differs (tangent.T),
 * the jvp of x**2 + y**2, forward AD through nn.Linear with its parameters replaced by dual tensors
 * (delattr / setattr) and through the functional module API, a custom Function with a static jvp
 * checked by gradcheck(check_forward_ad), and functorch's jvp (torch.func.jvp) with a partial function
 * and with make_functional_with_buffers. Both sides start with torch.manual_seed(0); the custom-Function
 * section's double-precision primal is drawn in float32 and converted, as the generator says.
 */
import { torch } from "../../src";
import { expectTensor, type Encoded } from "./_tutorial";
import { readReference } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
type Ctx = torch.autograd.FunctionCtx;
const R = readReference<{ tutorial: Record<string, unknown> }>("forward_ad.json").tutorial;
const E = (k: string): Encoded => R[k] as Encoded;

test("forward-mode AD tutorial", () => {
  torch.manual_seed(0);
  // import torch.autograd.forward_ad as fwAD
  const fwAD = torch.autograd.forward_ad;

  let primal = torch.randn(10, 10);
  let tangent = torch.randn(10, 10);

  let fn = (x: Tensor, y: Tensor): Tensor => x.pow(2).add(y.pow(2));

  let jvp: Tensor | null = null;
  let dual_output: Tensor | null = null;
  fwAD.dual_level(() => {
    const dual_input = fwAD.make_dual(primal, tangent);
    expect(fwAD.unpack_dual(dual_input).tangent).toBe(tangent);

    const dual_input_alt = fwAD.make_dual(primal, tangent.T);
    expect(fwAD.unpack_dual(dual_input_alt).tangent).not.toBe(tangent);
    expectTensor(fwAD.unpack_dual(dual_input_alt).tangent!, E("alt_tangent"));

    const plain_tensor = torch.randn(10, 10);
    dual_output = fn(dual_input, plain_tensor);

    jvp = fwAD.unpack_dual(dual_output).tangent;
  });
  expect(fwAD.unpack_dual(dual_output!).tangent).toBeNull();
  expectTensor(fwAD.unpack_dual(dual_output!).primal, E("basic_primal"));
  expectTensor(jvp!, E("basic_jvp"));

  // Usage with Modules
  let model = new torch.nn.Linear(5, 5);
  let input = torch.randn(16, 5);

  const params = Object.fromEntries(model.named_parameters());
  const tangents = Object.fromEntries(Object.entries(params).map(([name, p]) => [name, torch.rand_like(p)]));

  let out: Tensor | null = null;
  fwAD.dual_level(() => {
    for (const [name, p] of Object.entries(params)) {
      delete (model as unknown as Record<string, unknown>)[name]; // delattr(model, name)
      (model as unknown as Record<string, unknown>)[name] = fwAD.make_dual(p, tangents[name]); // setattr
    }
    out = model(input) as Tensor;
    jvp = fwAD.unpack_dual(out).tangent;
  });
  expectTensor(out!, E("module_out"));
  expectTensor(jvp!, E("module_jvp"));
  expect(model.named_parameters().map(([n]) => n)).toEqual(R.module_params_after);

  // Using the functional Module API (torch.nn.utils.stateless in PyTorch 1.13)
  const { functional_call } = torch.nn.utils.stateless;
  model = new torch.nn.Linear(5, 5);

  const dual_params: Record<string, Tensor> = {};
  let jvp2: Tensor | null = null;
  fwAD.dual_level(() => {
    for (const [name, p] of Object.entries(params)) dual_params[name] = fwAD.make_dual(p, tangents[name]);
    out = functional_call(model, dual_params, input) as Tensor;
    jvp2 = fwAD.unpack_dual(out).tangent;
  });
  expect(torch.allclose(jvp!, jvp2!)).toBe(true);
  expectTensor(jvp2!, E("functional_jvp"));
  expect(model.weight).toBeInstanceOf(torch.nn.Parameter);

  // Custom autograd Function
  class Fn extends torch.autograd.Function {
    static forward(ctx: Ctx, foo: Tensor): Tensor {
      const result = torch.exp(foo);
      ctx.result = result;
      return result;
    }

    static jvp(ctx: Ctx, gI: Tensor): Tensor {
      const gO = gI.mul(ctx.result as Tensor);
      delete ctx.result;
      return gO;
    }
  }
  const fnApply = (x: Tensor): Tensor => Fn.apply(x);

  primal = torch.randn(10, 10).double().requires_grad_();
  tangent = torch.randn(10, 10);

  fwAD.dual_level(() => {
    const dual_input = fwAD.make_dual(primal, tangent);
    dual_output = fnApply(dual_input);
    jvp = fwAD.unpack_dual(dual_output).tangent;
  });
  expectTensor(jvp!, E("function_jvp"));

  const ok = torch.autograd.gradcheck(fnApply, [primal], {
    check_forward_ad: true,
    check_backward_ad: false,
    check_undefined_grad: false,
    check_batched_grad: false,
  });
  expect(ok).toBe(R.function_gradcheck);

  // Functional API: functorch's jvp (torch.func)
  const ft = torch.func;

  const primal0 = torch.randn(10, 10);
  const tangent0 = torch.randn(10, 10);
  const primal1 = torch.randn(10, 10);
  const tangent1 = torch.randn(10, 10);

  fn = (x: Tensor, y: Tensor): Tensor => x.pow(2).add(y.pow(2));

  let [primal_out, tangent_out] = ft.jvp(fn, [primal0, primal1], [tangent0, tangent1]);
  expectTensor(primal_out, E("ft_primal_out"));
  expectTensor(tangent_out, E("ft_tangent_out"));

  primal = torch.randn(10, 10);
  tangent = torch.randn(10, 10);
  const y = torch.randn(10, 10);

  // functools.partial(fn, y=y)
  const new_fn = (x: Tensor): Tensor => fn(x, y);
  [primal_out, tangent_out] = ft.jvp(new_fn, [primal], [tangent]);
  expectTensor(primal_out, E("ft_partial_primal_out"));
  expectTensor(tangent_out, E("ft_partial_tangent_out"));

  // Using the functional API with Modules
  model = new torch.nn.Linear(5, 5);
  input = torch.randn(16, 5);
  const ftTangents = model.parameters().map((p) => torch.rand_like(p));

  const [func, ftParams, buffers] = ft.make_functional_with_buffers(model);

  const func_params_only = (params: Tensor[]): Tensor => func(params, buffers, input) as Tensor;

  const [model_output, jvp_out] = ft.jvp(func_params_only, [ftParams], [ftTangents]);
  expectTensor(model_output, E("ft_model_output"));
  expectTensor(jvp_out, E("ft_jvp_out"));
});
