/**
 * The four pytorch/tutorials that teach torch.func (intermediate_source/per_sample_grads.py,
 * ensembling.py, jacobians_hessians.py, neural_tangent_kernels.py) as notebook cells in the dialect,
 * one cell per cell of test/reference/gen_func_tutorials.py (which runs the same code on PyTorch 1.13
 * with functorch 1.13 as torch.func). `from torch.func import a, b` is `const { a, b } = torch.func;`,
 * a dict comprehension `Object.fromEntries(... .map(([k, v]) => [k, v.detach()]))`, `in_dims=(None, 0)` the array
 * `[null, 0]`, a Python tuple an array, `functools.partial(predict, weight, bias)` an arrow function,
 * and a result the checker cannot type (what a transform returns) is annotated where a dict method
 * (`.values()`, `.items()`) is called on it.
 */
export const PER_SAMPLE_GRADS_CELLS = [
  `torch.manual_seed(0);

// Here's a simple CNN and loss function:

class SimpleCNN extends nn.Module {
  conv1: nn.Conv2d; conv2: nn.Conv2d; fc1: nn.Linear; fc2: nn.Linear;
  constructor() {
    super();
    this.conv1 = new nn.Conv2d(1, 8, 3, 1);
    this.conv2 = new nn.Conv2d(8, 16, 3, 1);
    this.fc1 = new nn.Linear(2304, 32);
    this.fc2 = new nn.Linear(32, 10);
  }

  forward(x: torch.Tensor): torch.Tensor {
    x = this.conv1(x);
    x = F.relu(x);
    x = this.conv2(x);
    x = F.relu(x);
    x = F.max_pool2d(x, 2);
    x = torch.flatten(x, 1);
    x = this.fc1(x);
    x = F.relu(x);
    x = this.fc2(x);
    const output = F.log_softmax(x, {dim: 1});
    return output;
  }
}

function loss_fn(predictions: torch.Tensor, targets: torch.Tensor): torch.Tensor {
  return F.nll_loss(predictions, targets);
}`,
  `const batch_size = 8;
const data = torch.randn(batch_size, 1, 28, 28);

const targets = torch.randint(10, [8]);`,
  `const model = new SimpleCNN();
const predictions = model(data);  // move the entire mini-batch through the model

const loss = loss_fn(predictions, targets);
loss.backward();  // back propagate the 'average' gradient of this mini-batch
print(loss);`,
  `function compute_grad(sample: torch.Tensor, target: torch.Tensor): torch.Tensor[] {
  sample = sample.unsqueeze(0);  // prepend batch dimension for processing
  target = target.unsqueeze(0);

  const prediction = model(sample);
  const loss = loss_fn(prediction, target);

  return torch.autograd.grad(loss, list(model.parameters()));
}

function compute_sample_grads(data: torch.Tensor, targets: torch.Tensor): torch.Tensor[] {
  // manually process each sample with per sample gradient
  const sample_grads = [...range(batch_size)].map((i) => compute_grad(data[i], targets[i]));
  return [...zip(...sample_grads)].map((shards) => torch.stack(shards));
}

const per_sample_grads = compute_sample_grads(data, targets);`,
  `print(per_sample_grads[0].shape);`,
  `const { functional_call, vmap, grad } = torch.func;

const params = Object.fromEntries(model.named_parameters().map(([k, v]) => [k, v.detach()]));
const buffers = Object.fromEntries(model.named_buffers().map(([k, v]) => [k, v.detach()]));`,
  `function compute_loss(params: Record<string, torch.Tensor>, buffers: Record<string, torch.Tensor>, sample: torch.Tensor, target: torch.Tensor): torch.Tensor {
  const batch = sample.unsqueeze(0);
  const targets = target.unsqueeze(0);

  const predictions = functional_call(model, [params, buffers], [batch]);
  const loss = loss_fn(predictions, targets);
  return loss;
}`,
  `const ft_compute_grad = grad(compute_loss);`,
  `const ft_compute_sample_grad = vmap(ft_compute_grad, {in_dims: [null, null, 0, 0]});`,
  `const ft_per_sample_grads: Record<string, torch.Tensor> = ft_compute_sample_grad(params, buffers, data, targets);
print(ft_per_sample_grads.items().map(([k, g]) => tuple([k, g.shape])));
print(ft_per_sample_grads["fc2.bias"]);`,
  `for (const [per_sample_grad, ft_per_sample_grad] of zip(per_sample_grads, ft_per_sample_grads.values())) {
  assert(torch.allclose(per_sample_grad, ft_per_sample_grad, {atol: 3e-3, rtol: 1e-5}));
  print(torch.allclose(per_sample_grad, ft_per_sample_grad, {atol: 3e-3, rtol: 1e-5}));
}`,
];

export const ENSEMBLING_CELLS = [
  `torch.manual_seed(0);

// Here's a simple MLP
class SimpleMLP extends nn.Module {
  fc1: nn.Linear; fc2: nn.Linear; fc3: nn.Linear;
  constructor() {
    super();
    this.fc1 = new nn.Linear(784, 128);
    this.fc2 = new nn.Linear(128, 128);
    this.fc3 = new nn.Linear(128, 10);
  }

  forward(x: torch.Tensor): torch.Tensor {
    x = x.flatten(1);
    x = this.fc1(x);
    x = F.relu(x);
    x = this.fc2(x);
    x = F.relu(x);
    x = this.fc3(x);
    return x;
  }
}`,
  `const num_models = 3;

const data = torch.randn(4, 8, 1, 28, 28);
const targets = torch.randint(10, [32]);

const models = [...range(num_models)].map(() => new SimpleMLP());`,
  `const minibatches = data[\`:\${num_models}\`];
const predictions_diff_minibatch_loop = [...zip(models, minibatches)].map(([model, minibatch]) => model(minibatch));`,
  `const minibatch = data[0];
const predictions2 = models.map((model) => model(minibatch));`,
  `const { stack_module_state } = torch.func;

const [params, buffers] = stack_module_state(models);`,
  `const { functional_call } = torch.func;

const base_model = copy.deepcopy(models[0]);

function fmodel(params: Record<string, torch.Tensor>, buffers: Record<string, torch.Tensor>, x: torch.Tensor): torch.Tensor {
  return functional_call(base_model, [params, buffers], [x]);
}`,
  `print(params.values().map((p) => p.size(0))); // show the leading 'num_models' dimension

assert(minibatches.shape == [num_models, 8, 1, 28, 28]); // verify minibatch has leading dimension of size 'num_models'

const { vmap } = torch;

const predictions1_vmap = vmap(fmodel)(params, buffers, minibatches);

// verify the vmap predictions match the
assert(torch.allclose(predictions1_vmap, torch.stack(predictions_diff_minibatch_loop), {atol: 1e-3, rtol: 1e-5}));
print(predictions1_vmap.shape);
print(predictions1_vmap["1, 0"]);`,
  `const predictions2_vmap = vmap(fmodel, {in_dims: [0, 0, null]})(params, buffers, minibatch);

assert(torch.allclose(predictions2_vmap, torch.stack(predictions2), {atol: 1e-3, rtol: 1e-5}));
print(predictions2_vmap["2, 7"]);`,
];

export const JACOBIANS_CELLS = [
  `const _ = torch.manual_seed(0);`,
  `function predict(weight: torch.Tensor, bias: torch.Tensor, x: torch.Tensor): torch.Tensor {
  return F.linear(x, weight, bias).tanh();
}`,
  `const D = 16;
let weight = torch.randn(D, D);
let bias = torch.randn(D);
let x = torch.randn(D);  // feature vector`,
  `function compute_jac(xp: torch.Tensor): torch.Tensor {
  const jacobian_rows = unit_vectors.unbind(0).map((vec) => torch.autograd.grad(predict(weight, bias, xp), xp, vec)[0]);
  return torch.stack(jacobian_rows);
}

const xp = x.clone().requires_grad_();
const unit_vectors = torch.eye(D);

const jacobian = compute_jac(xp);

print(jacobian.shape);
print(jacobian[0]);  // show first row`,
  `const { vmap, vjp } = torch.func;

const [, vjp_fn] = vjp((x: torch.Tensor) => predict(weight, bias, x), x);

let [ft_jacobian] = vmap(vjp_fn)(unit_vectors);

// let's confirm both methods compute the same result
assert(torch.allclose(ft_jacobian, jacobian));`,
  `const { jacrev } = torch.func;

ft_jacobian = jacrev(predict, {argnums: 2})(weight, bias, x);

// confirm
assert(torch.allclose(ft_jacobian, jacobian));`,
  `// note the change in input via argnums params of 0,1 to map to weight and bias
const [ft_jac_weight, ft_jac_bias] = jacrev(predict, {argnums: [0, 1]})(weight, bias, x);
print(ft_jac_weight.shape, ft_jac_bias.shape);
print(ft_jac_bias[0]);`,
  `const { jacfwd } = torch.func;`,
  `let Din = 8;
let Dout = 32;
weight = torch.randn(Dout, Din);

bias = torch.randn(Dout);
x = torch.randn(Din);

// remember the general rule about taller vs wider... here we have a taller matrix:
print(weight.shape);
print(torch.allclose(jacfwd(predict, {argnums: 2})(weight, bias, x), jacrev(predict, {argnums: 2})(weight, bias, x)));`,
  `const { hessian } = torch.func;

Din = 6;
Dout = 4;
weight = torch.randn(Dout, Din);
bias = torch.randn(Dout);
x = torch.randn(Din);

const hess_api = hessian(predict, {argnums: 2})(weight, bias, x);
const hess_fwdfwd = jacfwd(jacfwd(predict, {argnums: 2}), {argnums: 2})(weight, bias, x);
const hess_revrev = jacrev(jacrev(predict, {argnums: 2}), {argnums: 2})(weight, bias, x);`,
  `print(torch.allclose(hess_api, hess_fwdfwd));
print(torch.allclose(hess_api, hess_revrev));
print(hess_api["0, 0"]);`,
  `const batch_size = 4;
Din = 5;
Dout = 6;

weight = torch.randn(Dout, Din);
print(\`weight shape = \${weight.shape}\`);

bias = torch.randn(Dout);

x = torch.randn(batch_size, Din);

const compute_batch_jacobian = vmap(jacrev(predict, {argnums: 2}), {in_dims: [null, null, 0]});
const batch_jacobian0: torch.Tensor = compute_batch_jacobian(weight, bias, x);
print(batch_jacobian0["1, 2"]);`,
  `function predict_with_output_summed(weight: torch.Tensor, bias: torch.Tensor, x: torch.Tensor): torch.Tensor {
  return predict(weight, bias, x).sum(0);
}

const batch_jacobian1 = jacrev(predict_with_output_summed, {argnums: 2})(weight, bias, x).movedim(1, 0);
assert(torch.allclose(batch_jacobian0, batch_jacobian1));`,
  `const compute_batch_hessian = vmap(hessian(predict, {argnums: 2}), {in_dims: [null, null, 0]});

const batch_hess: torch.Tensor = compute_batch_hessian(weight, bias, x);
print(batch_hess.shape);
print(batch_hess["3, 5, 0"]);`,
  `const { jvp, grad } = torch.func;

function hvp(f: (x: torch.Tensor) => torch.Tensor, primals: torch.Tensor[], tangents: torch.Tensor[]): torch.Tensor {
  return jvp(grad(f), primals, tangents)[1];
}`,
  `function f(x: torch.Tensor): torch.Tensor {
  return x.sin().sum();
}

x = torch.randn(2048);
const tangent = torch.randn(2048);

const result = hvp(f, [x], [tangent]);
print(result[":5"]);`,
  `function hvp_revrev(f: (x: torch.Tensor) => torch.Tensor, primals: torch.Tensor[], tangents: torch.Tensor[]): torch.Tensor[] {
  const [, vjp_fn] = vjp(grad(f), ...primals);
  return vjp_fn(...tangents);
}

const result_hvp_revrev = hvp_revrev(f, [x], [tangent]);
assert(torch.allclose(result, result_hvp_revrev[0]));
print(result_hvp_revrev[0][":5"]);`,
];

export const NTK_CELLS = [
  `const { functional_call, vmap, vjp, jvp, jacrev } = torch.func;

class CNN extends nn.Module {
  conv1: nn.Conv2d; conv2: nn.Conv2d; conv3: nn.Conv2d; fc: nn.Linear;
  constructor() {
    super();
    this.conv1 = new nn.Conv2d(3, 4, [3, 3]);
    this.conv2 = new nn.Conv2d(4, 4, [3, 3]);
    this.conv3 = new nn.Conv2d(4, 4, [3, 3]);
    this.fc = new nn.Linear(16, 10);
  }

  forward(x: torch.Tensor): torch.Tensor {
    x = this.conv1(x);
    x = x.relu();
    x = this.conv2(x);
    x = x.relu();
    x = this.conv3(x);
    x = x.flatten(1);
    x = this.fc(x);
    return x;
  }
}`,
  `const x_train = torch.randn(4, 3, 8, 8);
const x_test = torch.randn(2, 3, 8, 8);`,
  `const net = new CNN();

// Detaching the parameters because we won't be calling Tensor.backward().
const params = Object.fromEntries(net.named_parameters().map(([k, v]) => [k, v.detach()]));

function fnet_single(params: Record<string, torch.Tensor>, x: torch.Tensor): torch.Tensor {
  return functional_call(net, params, [x.unsqueeze(0)]).squeeze(0);
}`,
  `function empirical_ntk_jacobian_contraction(fnet_single: (params: Record<string, torch.Tensor>, x: torch.Tensor) => torch.Tensor, params: Record<string, torch.Tensor>, x1: torch.Tensor, x2: torch.Tensor): torch.Tensor {
  // Compute J(x1)
  const jac1: Record<string, torch.Tensor> = vmap(jacrev(fnet_single), [null, 0])(params, x1);
  const jac1f = jac1.values().map((j) => j.flatten(2));

  // Compute J(x2)
  const jac2: Record<string, torch.Tensor> = vmap(jacrev(fnet_single), [null, 0])(params, x2);
  const jac2f = jac2.values().map((j) => j.flatten(2));

  // Compute J(x1) @ J(x2).T
  let result = torch.stack([...zip(jac1f, jac2f)].map(([j1, j2]) => torch.einsum("Naf,Mbf->NMab", j1, j2)));
  result = result.sum(0);
  return result;
}

let result = empirical_ntk_jacobian_contraction(fnet_single, params, x_train, x_test);
print(result.shape);
print(result["0, 1, 2"]);`,
  `function empirical_ntk_jacobian_contraction(fnet_single: (params: Record<string, torch.Tensor>, x: torch.Tensor) => torch.Tensor, params: Record<string, torch.Tensor>, x1: torch.Tensor, x2: torch.Tensor, compute = "full"): torch.Tensor {
  // Compute J(x1)
  const jac1: Record<string, torch.Tensor> = vmap(jacrev(fnet_single), [null, 0])(params, x1);
  const jac1f = jac1.values().map((j) => j.flatten(2));

  // Compute J(x2)
  const jac2: Record<string, torch.Tensor> = vmap(jacrev(fnet_single), [null, 0])(params, x2);
  const jac2f = jac2.values().map((j) => j.flatten(2));

  // Compute J(x1) @ J(x2).T
  let einsum_expr: string | null = null;
  if (compute == "full") einsum_expr = "Naf,Mbf->NMab";
  else if (compute == "trace") einsum_expr = "Naf,Maf->NM";
  else if (compute == "diagonal") einsum_expr = "Naf,Maf->NMa";
  else assert(false);

  let result = torch.stack([...zip(jac1f, jac2f)].map(([j1, j2]) => torch.einsum(einsum_expr!, j1, j2)));
  result = result.sum(0);
  return result;
}

result = empirical_ntk_jacobian_contraction(fnet_single, params, x_train, x_test, "trace");
print(result.shape);
print(result);`,
  `function empirical_ntk_ntk_vps(func: (params: Record<string, torch.Tensor>, x: torch.Tensor) => torch.Tensor, params: Record<string, torch.Tensor>, x1: torch.Tensor, x2: torch.Tensor, compute = "full"): torch.Tensor {
  function get_ntk(x1: torch.Tensor, x2: torch.Tensor): torch.Tensor {
    function func_x1(params: Record<string, torch.Tensor>): torch.Tensor {
      return func(params, x1);
    }

    function func_x2(params: Record<string, torch.Tensor>): torch.Tensor {
      return func(params, x2);
    }

    const [output, vjp_fn] = vjp(func_x1, params);

    function get_ntk_slice(vec: torch.Tensor): torch.Tensor {
      // This computes vec @ J(x2).T
      // \`vec\` is some unit vector (a single slice of the Identity matrix)
      const vjps = vjp_fn(vec);
      // This computes J(X1) @ vjps
      const [, jvps] = jvp(func_x2, [params], vjps);
      return jvps;
    }

    // Here's our identity matrix
    const basis = torch.eye(output.numel(), {dtype: output.dtype, device: output.device}).view(output.numel(), -1);
    return vmap(get_ntk_slice)(basis);
  }

  // get_ntk(x1, x2) computes the NTK for a single data point x1, x2
  // Since the x1, x2 inputs to empirical_ntk_ntk_vps are batched,
  // we actually wish to compute the NTK between every pair of data points
  // between {x1} and {x2}. That's what the vmaps here do.
  const result = vmap(vmap(get_ntk, [null, 0]), [0, null])(x1, x2);

  if (compute == "full") return result;
  if (compute == "trace") return torch.einsum("NMKK->NM", result);
  return torch.einsum("NMKK->NMK", result);
}

const result_from_jacobian_contraction = empirical_ntk_jacobian_contraction(fnet_single, params, x_test, x_train);
const result_from_ntk_vps = empirical_ntk_ntk_vps(fnet_single, params, x_test, x_train);
assert(torch.allclose(result_from_jacobian_contraction, result_from_ntk_vps, {atol: 1e-5}));
print(result_from_ntk_vps["1, 3, 4"]);`,
];
