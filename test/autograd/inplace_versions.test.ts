/**
 * Autograd's in-place correctness check against PyTorch 1.13 (test/reference/gen_inplace_versions.py,
 * whose cases are replayed here under the same names): views and detach() share their base's version
 * counter, `.data` has its own, a node checks only the inputs PyTorch saves for the gradients it needs,
 * optimizer steps and index writes bump `_version`, and the error is PyTorch's, word for word. Where
 * nothing raises, the gradients (which read the values as they are at backward) are PyTorch's.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";

const nn = torch.nn;
type Tensor = torch.Tensor;
type Out = Record<string, number[] | (number[] | null)[] | null>;
interface Case {
  raises: boolean;
  error: string | null;
  out: Out;
}

const ref = JSON.parse(fs.readFileSync(path.join(__dirname, "../reference/inplace_versions.json"), "utf8")) as Record<string, Case>;

function val(shape: number[], k = 0, scale = 0.1): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return torch.arange(n, { dtype: torch.float32 }).reshape(shape).sub(k).mul(scale);
}
const leaf = (shape: number[], k = 0, scale = 0.1): Tensor => val(shape, k, scale).requires_grad_();
function linear(i: number, o: number): torch.nn.Linear {
  const lin = new nn.Linear(i, o);
  torch.no_grad(() => {
    lin.weight.copy_(val([o, i], 3));
    lin.bias!.copy_(val([o], 1));
  });
  return lin;
}
const g = (t: Tensor): number[] | null => (t.grad === null ? null : Array.from(t.grad.flatten().dataSync(), Number));
const mask = (): Tensor => torch.tensor([[true, false, true], [false, false, true]]);
const flat = (t: Tensor): number[] => Array.from(t.detach().flatten().dataSync(), Number);

function stepBetween(opt: torch.optim.Optimizer, model: torch.nn.Module): Out {
  const x = val([2, 4], 2);
  (model(x) as Tensor).pow(2).sum().backward();
  const loss2 = (model(x) as Tensor).pow(2).sum();
  opt.step();
  opt.zero_grad();
  loss2.backward();
  return { grads: model.parameters().map(g) };
}

class BiasOnly extends nn.Module {
  b = new nn.Parameter(val([4], 1));
  forward(x: Tensor): Tensor {
    return x.add(this.b);
  }
}

function savedView(make: (w: Tensor) => Tensor, write?: (w: Tensor) => void): void {
  const w = leaf([3, 4], 5);
  const v = make(w);
  const c = leaf([...v.shape], 1);
  const z = v.mul(c).sum();
  torch.no_grad(() => (write ?? ((b: Tensor) => b.add_(1)))(w));
  z.backward();
}

const cases: Record<string, () => Out | void> = {
  linear_weight_add_no_grad() {
    const lin = linear(4, 3);
    const y = lin(val([2, 4], 2));
    torch.no_grad(() => lin.weight.add_(1));
    y.sum().backward();
  },
  linear_weight_add_no_grad_input_requires_grad() {
    const lin = linear(4, 3);
    const y = lin(leaf([2, 4], 2));
    torch.no_grad(() => lin.weight.add_(1));
    y.sum().backward();
  },
  matmul_t_base_add() {
    const [a, w] = [leaf([2, 4]), leaf([3, 4], 5)];
    const z = a.matmul(w.t());
    torch.no_grad(() => w.add_(1));
    z.sum().backward();
  },
  matmul_detach_add() {
    const [a, w] = [leaf([2, 3]), leaf([3, 4], 5)];
    const z = a.matmul(w);
    w.detach().add_(1);
    z.sum().backward();
  },
  matmul_data_add() {
    const [a, w] = [leaf([2, 3]), leaf([3, 4], 5)];
    const z = a.matmul(w);
    w.data.add_(1);
    z.pow(2).sum().backward();
    return { a: g(a), w: g(w) };
  },
  linear_weight_data_add() {
    const lin = linear(4, 3);
    const x = leaf([2, 4], 2);
    const y = lin(x);
    lin.weight.data.add_(1);
    y.pow(2).sum().backward();
    return { x: g(x), weight: g(lin.weight), bias: g(lin.bias!) };
  },
  linear_weight_data_copy() {
    const lin = linear(4, 3);
    const x = leaf([2, 4], 2);
    const y = lin(x);
    lin.weight.data.copy_(val([3, 4], 1, 0.2));
    y.sum().backward();
    return { x: g(x), weight: g(lin.weight) };
  },
  manual_sgd_data_between() {
    const lin = linear(4, 3);
    const x = val([2, 4], 2);
    lin(x).pow(2).sum().backward();
    const loss2 = lin(x).pow(2).sum();
    for (const p of lin.parameters()) p.data.sub_(p.grad!.mul(0.1)); // p.data -= 0.1 * p.grad
    lin.zero_grad();
    loss2.backward();
    return { weight: g(lin.weight), bias: g(lin.bias!), w_after: flat(lin.weight) };
  },
  manual_sgd_no_grad_between() {
    const lin = linear(4, 3);
    const x = val([2, 4], 2);
    lin(x).pow(2).sum().backward();
    const loss2 = lin(x).pow(2).sum();
    torch.no_grad(() => {
      for (const p of lin.parameters()) p.sub_(p.grad!.mul(0.1));
    });
    loss2.backward();
  },
  detach_version_shared() {
    const w = leaf([3]);
    const d = w.detach();
    d.mul_(2);
    const v = w.data;
    v.add_(1);
    return { versions: [w._version, d._version, v._version] };
  },
  version_counts() {
    const x = torch.zeros(3, 4);
    const out = [x._version];
    x.add_(1);
    out.push(x._version);
    x.__setitem__(0, 5);
    out.push(x._version);
    x.setitem(":, 1", torch.ones(3));
    out.push(x._version);
    x.index_put_([torch.tensor([0, 2])], torch.tensor(7.5));
    out.push(x._version);
    x.copy_(torch.ones(3, 4));
    out.push(x._version);
    x.zero_();
    out.push(x._version);
    x.fill_(2);
    out.push(x._version);
    const t = x.t();
    t.mul_(3);
    out.push(x._version, t._version, x.view(12)._version);
    out.push(x.clone()._version);
    return { versions: out };
  },
  sgd_step_between_linear() {
    const m = linear(4, 3);
    return stepBetween(new torch.optim.SGD(m.parameters(), { lr: 0.1 }), m);
  },
  adam_step_between_linear() {
    const m = linear(4, 3);
    return stepBetween(new torch.optim.Adam(m.parameters(), { lr: 0.1 }), m);
  },
  sgd_step_between_mlp() {
    const m = new nn.Sequential(linear(4, 3), new nn.ReLU(), linear(3, 2));
    return stepBetween(new torch.optim.SGD(m.parameters(), { lr: 0.1 }), m);
  },
  sgd_momentum_step_between_bias_only() {
    const m = new BiasOnly();
    return stepBetween(new torch.optim.SGD(m.parameters(), { lr: 0.1, momentum: 0.9 }), m);
  },
  adam_step_between_bias_only() {
    const m = new BiasOnly();
    return stepBetween(new torch.optim.Adam(m.parameters(), { lr: 0.1 }), m);
  },
  sigmoid_inplace_after_sigmoid() {
    const y = torch.sigmoid(leaf([2, 3], 3));
    y.sigmoid_();
    y.sum().backward();
  },
  sigmoid_inplace_then_mul_inplace() {
    const y = leaf([3], 1).mul(2);
    y.sigmoid_().mul_(3);
    y.sum().backward();
  },
  relu_inplace_after_linear() {
    const lin = linear(4, 3);
    const x = leaf([2, 4], 4);
    const y = lin(x);
    y.relu_();
    y.pow(2).sum().backward();
    return { x: g(x), weight: g(lin.weight) };
  },
  sigmoid_inplace_after_linear() {
    const lin = linear(4, 3);
    const x = leaf([2, 4], 4);
    const y = lin(x);
    y.sigmoid_();
    y.sum().backward();
    return { x: g(x), weight: g(lin.weight) };
  },
  relu_inplace_after_relu() {
    const y = leaf([2, 3], 3).relu();
    y.relu_();
    y.sum().backward();
  },
  exp_then_add_inplace() {
    const y = leaf([3]).exp();
    y.add_(1);
    y.sum().backward();
  },
  iadd_nonleaf_saved_by_mul() {
    const a = leaf([3], 1).mul(2);
    const b = a.mul(a);
    a.add_(1); // a += 1
    b.sum().backward();
  },
  iadd_nonleaf_not_saved() {
    const x = leaf([3], 1);
    const a = x.mul(2);
    const b = a.add(1);
    a.add_(1);
    b.mul(3).add(a).sum().backward();
    return { x: g(x) };
  },
  mul_inplace_nonleaf() {
    const [x, w] = [leaf([3], 1), leaf([3], 2)];
    const a = x.mul(2);
    a.mul_(w);
    a.sum().backward();
    return { x: g(x), w: g(w) };
  },
  leaf_view_inplace_grad_mode() {
    leaf([2, 3]).__getitem__(0).mul_(2);
  },
  leaf_view_inplace_no_grad() {
    const x = leaf([2, 3]);
    const z = x.mul(x).sum();
    torch.no_grad(() => x.__getitem__(0).mul_(2));
    z.backward();
  },
  leaf_view_data_inplace() {
    const x = leaf([2, 3]);
    const z = x.mul(x).sum();
    x.data.__getitem__(0).mul_(2);
    z.backward();
    return { x: g(x) };
  },
  retain_graph_second_backward_after_inplace() {
    const [a, w] = [leaf([3], 1), leaf([3], 2)];
    const z = a.mul(w).sum();
    z.backward({ retain_graph: true });
    torch.no_grad(() => w.mul_(2));
    z.backward();
  },
  retain_graph_second_backward_after_data() {
    const [a, w] = [leaf([3], 1), leaf([3], 2)];
    const z = a.mul(w).sum();
    z.backward({ retain_graph: true });
    w.data.mul_(2);
    z.backward();
    return { a: g(a), w: g(w) };
  },
  index_assign_saved_input() {
    const [w, c] = [leaf([3], 1), val([3], 2)];
    const z = w.mul(c).sum();
    c.__setitem__(0, 5);
    z.backward();
  },
  index_assign_unsaved_input() {
    const [w, c] = [leaf([3], 1), val([3], 2)];
    const z = w.add(c).sum();
    c.__setitem__(0, 5);
    z.backward();
    return { w: g(w) };
  },
  zero_saved_input() {
    const [w, c] = [leaf([3], 1), val([3], 2)];
    const z = w.mul(c).sum();
    c.zero_();
    z.backward();
  },
  shape_only_ops_save_nothing() {
    const [x, c] = [leaf([3], 1), val([3], 2)];
    const y = x.sum().add(x.mean()).add(x.neg().sum()).add(torch.cat([x, c]).sum()).add(torch.stack([x, c]).sum()).add(x.clone().sum());
    torch.no_grad(() => {
      x.add_(1);
      c.add_(1);
    });
    y.backward();
    return { x: g(x) };
  },
  result_saving_ops_save_no_input() {
    const [x, c] = [leaf([3], 1), val([3], 2)];
    const y = x.exp().sum().add(x.tanh().sum()).add(x.sigmoid().sum()).add(x.relu().sum()).add(x.softmax(0).mul(c).sum()).add(x.log_softmax(0).mul(c).sum());
    torch.no_grad(() => x.add_(1));
    y.backward();
    return { x: g(x) };
  },
  transpose_view_saved: () => savedView((w) => w.transpose(0, 1)),
  narrow_view_saved_written_through_view: () => savedView((w) => w.narrow(1, 1, 2), (w) => w.narrow(1, 1, 2).mul_(2)),
  select_view_saved: () => savedView((w) => w.select(0, 1)),
  unsqueeze_view_saved: () => savedView((w) => w.unsqueeze(0)),
  view_view_saved_written_through_view: () => savedView((w) => w.view(12), (w) => w.view(12).mul_(2)),
  expand_view_saved: () => savedView((w) => w.expand(2, 3, 4), (w) => w.expand(2, 3, 4).fill_(1)),
  view_of_view_saved: () => savedView((w) => w.t().narrow(0, 1, 2)),
  view_of_view_other_view_written() {
    const w = leaf([3, 4], 5);
    const v = w.view(12).narrow(0, 2, 4);
    const c = leaf([4], 1);
    const z = v.mul(c).sum();
    torch.no_grad(() => w.__getitem__(2).fill_(0));
    z.backward();
  },
  view_of_data_written() {
    const w = leaf([3, 4], 5);
    const c = leaf([4, 3], 1);
    const z = w.t().mul(c).sum();
    w.data.t().__getitem__(0).fill_(0);
    z.backward();
    return { w: g(w), c: g(c) };
  },
  index_select_then_input_written() {
    const x = leaf([3, 4], 5).mul(1);
    const c = val([2, 4], 1);
    const z = x.index_select(0, torch.tensor([0, 2])).mul(c).sum().add(x.__getitem__(torch.tensor([1])).mul(c.__getitem__(":1")).sum());
    torch.no_grad(() => x.add_(1));
    z.backward();
  },
  masked_select_then_input_written() {
    const x = leaf([3, 4], 5).mul(1);
    const z = x.masked_select(x.detach().gt(0)).sum();
    torch.no_grad(() => x.add_(1));
    z.backward();
  },
  item_iadd_written_back() {
    const w = leaf([3, 4], 5);
    const v = torch.tensor(2.0, { dtype: torch.float32, requires_grad: true });
    const x = w.mul(1);
    // What the notebook dialect makes of x[1] += v * 1.5 and x[mask] += v (Python's __setitem__(i, __getitem__(i).__iadd__(v))).
    x.__setitem__(1, x.__getitem__(1).add_(v.mul(1.5)));
    const m = x.detach().gt(0.4);
    x.__setitem__(m, x.__getitem__(m).add_(v));
    x.mul(val([3, 4], 1)).sum().backward();
    return { w: g(w), v: g(v), version: x._version };
  },
  masked_fill_mask_written() {
    const [x, m] = [leaf([2, 3]), mask()];
    const y = x.masked_fill(m, 0).sum();
    m.logical_not_();
    y.backward();
  },
  where_condition_written() {
    const [x, c] = [leaf([2, 3]), mask()];
    const y = torch.where(c, x, torch.zeros(2, 3)).sum();
    c.logical_not_();
    y.backward();
  },
  max_dim_indices_written() {
    const x = leaf([2, 3], 2);
    const [v, i] = x.max(1);
    i.add_(0);
    v.sum().backward();
  },
  index_select_index_written() {
    const [x, idx] = [leaf([2, 3]), torch.tensor([1, 0])];
    const y = x.index_select(0, idx).sum();
    idx.add_(0);
    y.backward();
  },
  sgd_momentum_versions() {
    const w = new nn.Parameter(val([3], 1));
    const opt = new torch.optim.SGD([w], { lr: 0.1, momentum: 0.9 });
    const versions: number[][] = [];
    for (let k = 0; k < 3; k++) {
      opt.zero_grad();
      w.mul(w).sum().backward();
      opt.step();
      versions.push([w._version, (opt.state.get(w)!.momentum_buffer as Tensor)._version]);
    }
    return { versions, w: flat(w) };
  },
  grad_accumulate_version() {
    const w = leaf([3]);
    w.mul(2).sum().backward();
    const first = w.grad!._version;
    w.mul(3).sum().backward();
    return { versions: [first, w.grad!._version], grad: g(w) };
  },
  data_assign_version() {
    const w = leaf([3]);
    w.add(1);
    w.data = val([3], 2);
    return { versions: [w._version], w: flat(w) };
  },
};

function closeTo(got: unknown, want: unknown, at: string): void {
  if (Array.isArray(want)) {
    expect(Array.isArray(got) && got.length === want.length ? at : `${at}: ${JSON.stringify(got)}`).toBe(at);
    want.forEach((w, i) => closeTo((got as unknown[])[i], w, `${at}[${i}]`));
  } else if (typeof want === "number") {
    const d = Math.abs((got as number) - want);
    expect(d <= 1e-5 + 1e-5 * Math.abs(want) ? at : `${at}: ${got} vs ${want}`).toBe(at);
  } else if (want !== null && typeof want === "object") {
    expect(Object.keys(got as object).sort()).toEqual(Object.keys(want).sort());
    for (const [k, w] of Object.entries(want)) closeTo((got as Record<string, unknown>)[k], w, `${at}.${k}`);
  } else expect(got).toEqual(want);
}

test("every PyTorch case has a torchlab replay", () => {
  expect(Object.keys(cases).sort()).toEqual(Object.keys(ref).sort());
});

test.each(Object.keys(ref))("%s", (name) => {
  const want = ref[name];
  let error: string | null = null;
  let out: Out = {};
  try {
    out = cases[name]() ?? {};
  } catch (e) {
    if (!(e instanceof torch.RuntimeError)) throw e;
    error = (e as Error).message;
  }
  expect(error).toEqual(want.error);
  if (!want.raises) closeTo(out, want.out, name);
});
