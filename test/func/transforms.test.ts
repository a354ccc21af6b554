/**
 * torch.func's transforms against functorch 1.13 (test/reference/gen_func.py, func.json): grad with
 * argnums / has_aux / dict arguments, grad_and_value, vjp, jacrev / jacfwd / hessian and their
 * compositions, Hessian-vector products forward-over-reverse and reverse-over-reverse, vmap's in_dims /
 * out_dims / nesting / randomness, per-sample gradients, ensembles (combine_state_for_ensemble,
 * stack_module_state), the NTK both ways, make_functional, and the error texts. Each case starts from
 * torch.manual_seed(0), as the generator's do.
 */
import { torch } from "../../src";
import { expectClose, expectError, readReference, type Encoded, type Err } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
type Rec = Record<string, unknown>;
const R = readReference<{ values: Record<string, Rec>; errors: Record<string, Err> }>("func.json");
const F = torch.nn.functional;
const nn = torch.nn;
const ft = torch.func;

const enc = (x: unknown): Encoded => x as Encoded;
function close(label: string, t: Tensor, e: unknown): void {
  expectClose(label, t, enc(e), 1e-4, 1e-5);
}
function closeAll(label: string, ts: Tensor[], es: unknown): void {
  const list = es as unknown[];
  expect(ts.length).toBe(list.length);
  ts.forEach((t, i) => close(`${label}[${i}]`, t, list[i]));
}
function closeDict(label: string, d: Record<string, Tensor>, es: unknown): void {
  const want = es as Record<string, unknown>;
  expect(Object.keys(d)).toEqual(Object.keys(want));
  for (const k of Object.keys(want)) close(`${label}.${k}`, d[k], want[k]);
}

const predict = (weight: Tensor, bias: Tensor, x: Tensor): Tensor => F.linear(x, weight, bias).tanh();

beforeEach(() => {
  torch.manual_seed(0);
});

test("grad: argnums (int, negative, tuple), has_aux, grad_and_value, a dict argument, an unused argument, grad of grad", () => {
  const W = R.values.grad;
  const [x, y] = [torch.randn(4), torch.randn(4)];
  close("sin", ft.grad((a: Tensor) => a.sin().sum())(x), W.sin);
  close("argnums1", ft.grad((a: Tensor, b: Tensor) => a.mul(b).sin().sum(), 1)(x, y), W.argnums1);
  close("argnums_neg", ft.grad((a: Tensor, b: Tensor) => a.mul(b).sin().sum(), { argnums: -1 })(x, y), W.argnums_neg);
  const [g0, g1] = ft.grad((a: Tensor, b: Tensor) => a.mul(b.exp()).sum(), [0, 1])(x, y);
  closeAll("tuple", [g0, g1], W.tuple);
  const [ga, aux] = ft.grad((a: Tensor) => [a.pow(2).sum(), a.cos()], { has_aux: true })(x);
  closeAll("aux", [ga, aux], W.aux);
  const [gv, v] = ft.grad_and_value((a: Tensor) => a.sin().sum())(x);
  closeAll("and_value", [gv, v], W.and_value);
  const gd = ft.grad((p: Record<string, Tensor>) => p.w.mul(p.b).sin().sum())({ w: x, b: y });
  closeDict("dict", gd, W.dict);
  close("unused", ft.grad((a: Tensor, _b: Tensor) => a.sum().mul(2), 1)(x, y), W.unused);
  close("second", ft.grad(ft.grad((a: Tensor) => a.sin().sum()))(x.select(0, 0)), W.second);
  // A plain input gives a plain gradient; one that requires grad keeps the graph (functorch's levels).
  expect([ft.grad((a: Tensor) => a.sin().sum())(x).requires_grad, ft.grad((a: Tensor) => a.sin().sum())(x.clone().requires_grad_()).requires_grad]).toEqual(W.requires_grad);
});

test("vjp: the output and a reusable vjp_fn returning one gradient per primal", () => {
  const W = R.values.vjp;
  const [x, y, c] = [torch.randn(4), torch.randn(4), torch.randn(4)];
  const [out, fn] = ft.vjp((a: Tensor) => a.tanh(), x);
  close("out", out, W.out);
  const [vx] = fn(c);
  close("vjp", vx, W.vjp);
  close("vjp again", fn(c)[0], W.vjp);
  const [out2, fn2] = ft.vjp((a: Tensor, b: Tensor) => [a.mul(b), a.add(b)], x, y);
  closeAll("out2", out2, W.out2);
  closeAll("vjp2", fn2([c, torch.ones(4)]), W.vjp2);
  expect(Array.isArray(fn(c))).toBe(W.is_tuple);
});

test("jacrev / jacfwd / hessian, jacrev(jacrev), jacfwd(jacrev), several outputs", () => {
  const W = R.values.jacobians;
  const [w, b, x] = [torch.randn(3, 4), torch.randn(3), torch.randn(4)];
  close("jacrev", ft.jacrev(predict, 2)(w, b, x), W.jacrev);
  closeAll("jacrev_wb", ft.jacrev(predict, [0, 1])(w, b, x), W.jacrev_wb);
  close("jacfwd", ft.jacfwd(predict, { argnums: 2 })(w, b, x), W.jacfwd);
  closeAll("two_outputs", ft.jacrev((a: Tensor) => [a.sin(), a.pow(2).sum()])(x), W.two_outputs);
  close("hessian", ft.hessian(predict, 2)(w, b, x), W.hessian);
  close("revrev", ft.jacrev(ft.jacrev(predict, 2), 2)(w, b, x), W.revrev);
  close("fwdrev", ft.jacfwd(ft.jacrev(predict, 2), 2)(w, b, x), W.fwdrev);
  close("hessian_scalar", ft.hessian((a: Tensor) => a.sin().mul(a).sum())(x), W.hessian_scalar);
});

test("Hessian-vector products: jvp(grad(f)) (forward over reverse) and vjp(grad(f)) (reverse over reverse)", () => {
  const W = R.values.hvp;
  const [x, t] = [torch.randn(5), torch.randn(5)];
  const f = (a: Tensor): Tensor => a.sin().sum();
  close("fwdrev", ft.jvp(ft.grad(f), [x], [t])[1], W.fwdrev);
  const [, fn] = ft.vjp(ft.grad(f), x);
  close("revrev", fn(t)[0], W.revrev);
  const g = (a: Tensor): Tensor => a.tanh().mul(a.exp()).sum();
  close("tanh_exp", ft.jvp(ft.grad(g), [x], [t])[1], W.tanh_exp);
});

test("vmap: in_dims, out_dims, a negative in_dim, nesting, dicts, several outputs, vmap(jacrev), vmap(hessian), randomness", () => {
  const W = R.values.vmap;
  const [a, b] = [torch.randn(3, 4), torch.randn(3, 4)];
  const [A, v] = [torch.randn(4, 3), torch.randn(4)];
  const [x, y] = [torch.randn(3), torch.randn(2)];
  const [w, bias, X] = [torch.randn(2, 4), torch.randn(2), torch.randn(5, 4)];
  close("dot", ft.vmap(torch.dot)(a, b), W.dot);
  close("in_dims", ft.vmap((m: Tensor, u: Tensor) => m.mul(u), [1, null])(A, v), W.in_dims);
  close("out_dims", ft.vmap((m: Tensor) => m.mul(2), { out_dims: 1 })(a), W.out_dims);
  close("negative_in_dim", ft.vmap((m: Tensor) => m.sum(), -1)(a), W.negative_in_dim);
  close("nested", ft.vmap(ft.vmap((p: Tensor, q: Tensor) => p.mul(q), [null, 0]), [0, null])(x, y), W.nested);
  close("dict", ft.vmap((p: Record<string, Tensor>) => p.a.mul(p.b))({ a, b }), W.dict);
  closeAll("tuple_out", ft.vmap((p: Tensor, q: Tensor) => [p.add(q), p.sum()])(a, b) as Tensor[], W.tuple_out);
  close("jacrev", ft.vmap(ft.jacrev(predict, 2), [null, null, 0])(w, bias, X), W.jacrev);
  close("hessian", ft.vmap(ft.hessian(predict, 2), [null, null, 0])(w, bias, X.narrow(0, 0, 2)), W.hessian);
  close("different", ft.vmap((t: Tensor) => t.add(torch.rand(1)), { randomness: "different" })(torch.zeros(3)), W.different);
  close("same", ft.vmap((t: Tensor) => t.add(torch.rand(1)), { randomness: "same" })(torch.zeros(3)), W.same);
  close("after_same", torch.rand(2), W.after_same);
  // A mapped dimension of size 0: empty outputs of the right shape.
  expect([ft.vmap((m: Tensor) => m.mul(2))(torch.ones(0, 3)).shape, ft.vmap((m: Tensor) => m.sum(0), 1)(torch.ones(2, 0, 3)).shape].map((s) => [...s])).toEqual(W.empty);
});

class MLP extends nn.Module {
  fc1 = new nn.Linear(4, 3);
  fc2 = new nn.Linear(3, 2);
  forward(x: Tensor): Tensor {
    return F.log_softmax(this.fc2(F.relu(this.fc1(x))), 1);
  }
}

test("per-sample gradients: vmap(grad(compute_loss), in_dims=(None, 0, 0)) with functional_call", () => {
  const model = new MLP();
  const [data, targets] = [torch.randn(5, 4), torch.randint(2, [5])];
  const params = Object.fromEntries(model.named_parameters().map(([k, p]) => [k, p.detach()]));
  const compute_loss = (p: Record<string, Tensor>, sample: Tensor, target: Tensor): Tensor =>
    F.nll_loss(ft.functional_call(model, p, [sample.unsqueeze(0)]), target.unsqueeze(0));
  closeDict("per_sample_grads", ft.vmap(ft.grad(compute_loss), [null, 0, 0])(params, data, targets), R.values.per_sample_grads);
});

test("ensembles: combine_state_for_ensemble + vmap (different and same minibatch), stack_module_state + functional_call", () => {
  const W = R.values.ensemble;
  const models = [0, 1, 2].map(() => new nn.Linear(4, 2));
  const [minibatches, minibatch] = [torch.randn(3, 5, 4), torch.randn(5, 4)];
  const [fmodel, params, buffers] = ft.combine_state_for_ensemble(models);
  closeAll("params", params, W.params);
  expect(params.map((p) => p.requires_grad)).toEqual(W.params_requires_grad);
  close("diff", ft.vmap(fmodel)(params, buffers, minibatches), W.diff);
  close("same", ft.vmap(fmodel, [0, 0, null])(params, buffers, minibatch), W.same);
  const [stacked, stackedBuffers] = ft.stack_module_state(models);
  closeDict("stacked", stacked, W.stacked);
  expect(Object.keys(stackedBuffers)).toEqual([]);
  // torch.func's: the stacked parameters are new leaves that require grad, as the models' do.
  expect(Object.values(stacked).map((p) => [p.requires_grad, p.is_leaf])).toEqual([[true, true], [true, true]]);
  const fcall = (p: Record<string, Tensor>, x: Tensor): Tensor => ft.functional_call(models[0], [p, stackedBuffers], [x]);
  close("functional_call", ft.vmap(fcall, [0, null])(stacked, minibatch), W.functional_call);
  expectError(() => ft.functional_call(models[0], [stacked, { weight: stacked.weight }], [minibatch]), ["ValueError", "weight appeared in multiple dictionaries; behavior of functional call is ambiguous"]);
});

test("the neural tangent kernel by Jacobian contraction and by NTK-vector products", () => {
  const W = R.values.ntk;
  const net = new nn.Sequential(new nn.Linear(3, 4), new nn.Tanh(), new nn.Linear(4, 2));
  const params = Object.fromEntries(net.named_parameters().map(([k, p]) => [k, p.detach()]));
  const [x1, x2] = [torch.randn(2, 3), torch.randn(3, 3)];
  const fnet_single = (p: Record<string, Tensor>, x: Tensor): Tensor => (ft.functional_call(net, p, [x.unsqueeze(0)]) as Tensor).squeeze(0);
  const jac1 = Object.values(ft.vmap(ft.jacrev(fnet_single), [null, 0])(params, x1) as Record<string, Tensor>).map((j) => j.flatten(2));
  const jac2 = Object.values(ft.vmap(ft.jacrev(fnet_single), [null, 0])(params, x2) as Record<string, Tensor>).map((j) => j.flatten(2));
  const contraction = torch.stack(jac1.map((j1, i) => torch.einsum("Naf,Mbf->NMab", j1, jac2[i]))).sum(0);
  close("contraction", contraction, W.contraction);
  const get_ntk = (a: Tensor, b: Tensor): Tensor => {
    const [output, vjp_fn] = ft.vjp((p: Record<string, Tensor>) => fnet_single(p, a), params);
    const basis = torch.eye((output as Tensor).numel());
    return ft.vmap((vec: Tensor) => ft.jvp((p: Record<string, Tensor>) => fnet_single(p, b), [params], vjp_fn(vec))[1])(basis);
  };
  close("vps", ft.vmap(ft.vmap(get_ntk, [null, 0]), [0, null])(x1, x2), W.vps);
});

test("make_functional and make_functional_with_buffers, differentiated by grad", () => {
  const W = R.values.make_functional;
  const model = new nn.Linear(3, 2);
  const x = torch.randn(4, 3);
  const [func, params] = ft.make_functional(model);
  const bn = new nn.Sequential(new nn.Linear(3, 2), new nn.BatchNorm1d(2));
  const [fb, pb, bb] = ft.make_functional_with_buffers(bn);
  const g = ft.grad((p: Tensor[]) => (func(p, x) as Tensor).pow(2).sum())(params);
  close("out", func(params, x), W.out);
  closeAll("grads", g, W.grads);
  close("with_buffers", fb(pb, bb, x), W.with_buffers);
  expect([pb.length, bb.length]).toEqual(W.n);
});

test("errors: functorch's texts", () => {
  const E = R.errors;
  const x = torch.randn(3);
  const id = (a: Tensor): Tensor => a;
  expectError(() => ft.vmap((a: Tensor, b: Tensor) => a.add(b))(torch.ones(2), torch.ones(3)), E.vmap_sizes);
  expectError(() => ft.vmap((a: Tensor) => a, 2)(torch.ones(2, 3)), E.vmap_in_dim_range);
  expectError(() => ft.vmap((a: Tensor) => a, [0, 0])(x), E.vmap_in_dims_structure);
  expectError(() => ft.vmap((a: number) => a)(3.5), E.vmap_non_tensor);
  expectError(() => ft.vmap((_a: Tensor) => 1.5)(x), [E.vmap_returns_float[0], E.vmap_returns_float[1]]);
  expectError(() => ft.vmap((a: Tensor) => a, null)(x), E.vmap_nothing_mapped);
  expectError(() => ft.vmap(() => torch.ones(1))(), E.vmap_no_inputs);
  expectError(() => ft.vmap((a: Tensor) => a.add(torch.rand(1)))(x), E.vmap_random);
  expectError(() => ft.vmap(id, { randomness: "foo" as "same" })(x), E.vmap_randomness_value);
  expectError(() => ft.grad((a: Tensor) => a.sin())(x), E.grad_not_scalar);
  expectError(() => ft.grad((a: Tensor) => [a.sum()])(x), E.grad_not_tensor);
  expectError(() => ft.grad((a: Tensor) => a.sum(), { has_aux: true })(x), E.grad_has_aux);
  expectError(() => ft.grad((a: Tensor) => a.sum(), 2)(x), E.grad_argnum_range);
  expectError(() => ft.grad((a: Tensor) => a.sum(), [0, 0])(x), E.grad_argnums_unique);
  expectError(() => ft.grad((a: Tensor) => a.sum(), [])(x), E.grad_argnums_empty);
  expectError(() => ft.grad((a: number) => a)(3.5), E.grad_non_tensor_input);
  expectError(() => ft.vjp((a: Tensor) => a.long(), x), E.vjp_int_output);
  expectError(() => ft.jvp((a: Tensor, b: Tensor) => a.mul(b), [x, x], [x]), E.jvp_structure);
  expectError(() => ft.make_functional(new nn.BatchNorm1d(2)), E.make_functional_buffers);
  expectError(() => ft.combine_state_for_ensemble([]), E.ensemble_empty);
  expectError(() => ft.combine_state_for_ensemble([new nn.Linear(2, 2), new nn.Linear(2, 2).eval()]), E.ensemble_modes);
  expectError(() => ft.combine_state_for_ensemble([new nn.Linear(2, 2), new nn.Conv1d(2, 2, 1) as unknown as InstanceType<typeof nn.Linear>]), E.ensemble_classes);
  expectError(() => ft.stack_module_state([]), ["RuntimeError", "stack_module_state: Expected at least one model, got 0."]);
  // Reverse over forward is refused (its gradient would be silently zero), not miscomputed.
  expect(() => ft.grad((a: Tensor) => ft.jvp((b: Tensor) => b.sin(), [a], [torch.ones(3)])[1].sum())(x)).toThrow(/reverse mode over forward mode\) is not supported by torchlab/);
  // A cotangent tree unlike the output's, named with functorch's treespec_pprint.
  const [, fn] = ft.vjp((a: Tensor) => a.sin(), x);
  expectError(() => fn([x, x]), ["RuntimeError", "Expected pytree structure of cotangents to be the same as pytree structure of outputs to the function. cotangents: [*, *], primal output: *"]);
});
