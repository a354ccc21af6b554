/**
 * What each autograd node saves, against PyTorch 1.13 (test/reference/gen_saved_tensors.py, whose ops
 * are replayed here under the same names): a second backward() runs through a node that saved no
 * tensor (the gradient accumulates twice) and raises PyTorch's "Trying to backward through the graph a
 * second time" at one whose saved tensors backward() freed; an in-place write to the input between
 * forward and backward raises PyTorch's message exactly when the node saved that input.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";

const F = torch.nn.functional;
type Tensor = torch.Tensor;
interface Run {
  error: string | null;
  out: number[] | null;
}
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../reference/saved_tensors.json"), "utf8")) as {
  ops: Record<string, { twice: Run; inplace: Run }>;
  graph: Record<string, Run>;
};
const ref = fixture.ops;

function leaf(shape: number[], k?: number, scale = 0.25): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return torch.arange(n, { dtype: torch.float32 }).sub(k ?? n / 2).mul(scale).reshape(shape).requires_grad_();
}
const W = (): Tensor => torch.arange(12, { dtype: torch.float32 }).reshape(3, 4).mul(0.1).sub(0.5);
const IMG = [1, 2, 4, 4];
const mask = (): Tensor => torch.tensor([[true, false, true], [false, false, true]]);

const ops: Record<string, [number[], (x: Tensor) => Tensor]> = {
  sum: [[2, 3], (x) => x.sum()],
  sum_dim: [[2, 3], (x) => x.sum(1)],
  mean: [[2, 3], (x) => x.mean()],
  mean_dim: [[2, 3], (x) => x.mean(0)],
  add_scalar: [[2, 3], (x) => x.add(1)],
  add_self: [[2, 3], (x) => x.add(x)],
  sub_tensor: [[2, 3], (x) => x.sub(torch.ones(2, 3))],
  neg: [[2, 3], (x) => x.neg()],
  mul_scalar: [[2, 3], (x) => x.mul(2)],
  div_scalar: [[2, 3], (x) => x.div(2)],
  mul_self: [[2, 3], (x) => x.mul(x)],
  div_by_x: [[2, 3], (x) => torch.ones(2, 3).div(x.add(10))],
  pow_2: [[2, 3], (x) => x.pow(2)],
  exp: [[2, 3], (x) => x.exp()],
  tanh: [[2, 3], (x) => x.tanh()],
  sigmoid: [[2, 3], (x) => x.sigmoid()],
  relu: [[2, 3], (x) => x.relu()],
  leaky_relu: [[2, 3], (x) => F.leaky_relu(x, 0.1)],
  elu: [[2, 3], (x) => F.elu(x)],
  gelu: [[2, 3], (x) => F.gelu(x)],
  silu: [[2, 3], (x) => F.silu(x)],
  softplus: [[2, 3], (x) => F.softplus(x)],
  abs: [[2, 3], (x) => x.abs()],
  clamp: [[2, 3], (x) => x.clamp(-0.3, 0.3)],
  view: [[2, 3], (x) => x.view(6)],
  reshape: [[2, 3], (x) => x.reshape(3, 2)],
  t: [[2, 3], (x) => x.t()],
  permute: [[2, 3], (x) => x.permute(1, 0)],
  select: [[2, 3], (x) => x.select(1, 1)],
  narrow: [[2, 3], (x) => x.narrow(1, 0, 2)],
  unsqueeze_expand: [[2, 3], (x) => x.unsqueeze(0).expand(2, 2, 3)],
  cat: [[2, 3], (x) => torch.cat([x, x])],
  stack: [[2, 3], (x) => torch.stack([x, x])],
  clone: [[2, 3], (x) => x.clone()],
  contiguous: [[2, 3], (x) => x.t().contiguous()],
  repeat: [[2, 3], (x) => x.repeat(2, 1)],
  to_double: [[2, 3], (x) => x.double()],
  pad: [[2, 3], (x) => F.pad(x, [1, 1])],
  flip: [[2, 3], (x) => x.flip(0)],
  roll: [[2, 3], (x) => x.roll(1, 0)],
  cumsum: [[2, 3], (x) => x.cumsum(0)],
  cumprod: [[2, 3], (x) => x.cumprod(0)],
  tril: [[3, 3], (x) => x.tril()],
  triu: [[3, 3], (x) => x.triu()],
  diag: [[3, 3], (x) => x.diag()],
  trace: [[3, 3], (x) => x.trace()],
  lerp_scalar: [[2, 3], (x) => torch.lerp(x, torch.ones(2, 3), 0.5)],
  addcmul_consts: [[2, 3], (x) => torch.addcmul(x, torch.ones(2, 3), torch.full([2, 3], 2.0))],
  masked_fill: [[2, 3], (x) => x.masked_fill(mask(), 0)],
  where: [[2, 3], (x) => torch.where(mask(), x, torch.zeros(2, 3))],
  gather: [[2, 3], (x) => x.gather(1, torch.tensor([[0], [2]]))],
  index_select: [[2, 3], (x) => x.index_select(0, torch.tensor([1]))],
  softmax: [[2, 3], (x) => x.softmax(1)],
  log_softmax: [[2, 3], (x) => x.log_softmax(1)],
  max: [[2, 3], (x) => x.max()],
  max_dim: [[2, 3], (x) => x.max(1)[0]],
  amax: [[2, 3], (x) => x.amax(1)],
  prod: [[2, 3], (x) => x.prod()],
  std: [[2, 3], (x) => x.std()],
  var_dim: [[2, 3], (x) => x.var(1)],
  logsumexp: [[2, 3], (x) => x.logsumexp(1)],
  norm: [[2, 3], (x) => x.norm()],
  mm_const: [[2, 3], (x) => x.mm(W().narrow(1, 0, 2).add(0))],
  matmul_const: [[2, 3], (x) => x.matmul(W())],
  linear_const: [[2, 4], (x) => F.linear(x, W())],
  mse_loss: [[2, 3], (x) => F.mse_loss(x, torch.zeros(2, 3))],
  cross_entropy: [[2, 3], (x) => F.cross_entropy(x, torch.tensor([0, 2]))],
  conv2d: [IMG, (x) => F.conv2d(x, torch.ones(1, 2, 3, 3).mul(0.1))],
  max_pool2d: [IMG, (x) => F.max_pool2d(x, 2)],
  avg_pool2d: [IMG, (x) => F.avg_pool2d(x, 2)],
  adaptive_avg_pool2d_1: [IMG, (x) => F.adaptive_avg_pool2d(x, 1)],
  batch_norm_train: [IMG, (x) => F.batch_norm(x, null, null, { training: true })],
  layer_norm: [[2, 3], (x) => F.layer_norm(x, [3])],
  dropout_eval: [[2, 3], (x) => F.dropout(x, 0.5, false)],
  embedding_weight: [[4, 3], (x) => F.embedding(torch.tensor([1, 3, 1]), x)],
};

function run(fn: () => number[] | null): Run {
  try {
    return { error: null, out: fn() };
  } catch (e) {
    if (!(e instanceof torch.RuntimeError)) throw e;
    return { error: (e as Error).message, out: null };
  }
}

function twice([shape, op]: [number[], (x: Tensor) => Tensor]): Run {
  return run(() => {
    const x = leaf(shape);
    const y = op(x).sum();
    y.backward();
    y.backward();
    return Array.from(x.grad!.flatten().dataSync(), Number);
  });
}

function inplace([shape, op]: [number[], (x: Tensor) => Tensor]): Run {
  return run(() => {
    const x = leaf(shape);
    const y = op(x).sum();
    torch.no_grad(() => x.add_(0.5));
    y.backward();
    return null;
  });
}

test("every PyTorch op has a torchlab replay", () => {
  expect(Object.keys(ops).sort()).toEqual(Object.keys(ref).sort());
});

describe.each(Object.keys(ref))("%s", (name) => {
  test("second backward", () => {
    const got = twice(ops[name]);
    const want = ref[name].twice;
    expect(got.error).toEqual(want.error ?? null);
    if (want.out !== null) {
      expect(got.out!.length).toBe(want.out.length);
      want.out.forEach((w, i) => expect(Math.abs(got.out![i] - w)).toBeLessThanOrEqual(1e-5 + 1e-5 * Math.abs(w)));
    }
  });
  test("in-place write to the input before backward", () => {
    expect(inplace(ops[name]).error).toEqual(ref[name].inplace.error);
  });
});

/** What else a released graph that saved nothing still does (gen_saved_tensors.py's `graph`). */
const graph: Record<string, () => (number | boolean)[]> = {
  grad_after_backward() {
    const x = torch.ones(3).requires_grad_();
    const h = x.add(1).sum();
    h.backward();
    return torch.autograd.grad(h, x)[0].tolist() as number[];
  },
  create_graph_after_backward() {
    const x = torch.ones(3).requires_grad_();
    const y = x.add(2).sum();
    y.backward();
    const [g] = torch.autograd.grad(y, x, { create_graph: true });
    return [...(g.tolist() as number[]), g.requires_grad];
  },
  retain_grad_twice() {
    const x = torch.ones(3).requires_grad_();
    const h = x.add(1);
    h.retain_grad();
    const y = h.sum();
    y.backward();
    y.backward();
    return [...(h.grad!.tolist() as number[]), ...(x.grad!.tolist() as number[])];
  },
  node_hook_twice() {
    const x = torch.ones(3).requires_grad_();
    const y = x.add(1).sum();
    let calls = 0;
    y.grad_fn!.register_hook(() => {
      calls++;
    });
    y.backward();
    y.backward();
    return [calls, ...(x.grad!.tolist() as number[])];
  },
};

test.each(Object.keys(fixture.graph))("released graph: %s", (name) => {
  expect(Object.keys(graph).sort()).toEqual(Object.keys(fixture.graph).sort());
  const want = fixture.graph[name];
  const got = run(() => graph[name]() as unknown as number[]);
  expect(got).toEqual(want);
});
