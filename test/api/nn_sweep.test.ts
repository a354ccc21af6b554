/**
 * nn layers, nn.functional, nn.init, nn.utils, lr schedulers and samplers print as PyTorch's
 * (test/reference/gen_nn_sweep.py, PyTorch 1.13). Each case is the TypeScript spelling of the generator's
 * Python expression of the same name, printed by print()'s str(). The cases come from a sweep of ~120
 * one-liners run through PyTorch and `torchlab run`; every one below printed something else before:
 * max pooling's `(values, indices)` printed as a list; hardswish gave +0 below -3 and no gradient at
 * -3; F.softmax / log_softmax / softmin ignored `dtype=`; Embedding / EmbeddingBag refused `max_norm`
 * and F.embedding silently ignored it; an Embedding's padding row was -0 where N(0, 1) drew a
 * negative; PReLU, GRUCell, LSTMCell, Bilinear, Mish, SELU, CELU, LogSigmoid, the shrinks and Threshold
 * named other grad_fns; cosine_similarity rounded differently (x1.x2 / (|x1||x2|) where PyTorch
 * normalises first); nn.init.sparse_ was missing; a scheduler's state_dict listed the base class's keys
 * first; weight_norm / spectral_norm's attributes did not type; BatchSampler's drop_last keyword and
 * clip_grad_norm_'s norm_type 'inf' were refused. The last three cases matched already.
 */
import { torch } from "../../src";
import { list } from "../../src/builtins";
import { pyStr } from "../../src/display/print";
import { asPyTuple } from "../../src/pyrepr";
import { readReference } from "../tensor/fixtures";

type Ref = { print: string } | { error: [string, string] };
const ref = readReference<Record<string, Ref>>("nn_sweep.json");
const { nn, optim } = torch;
const F = nn.functional;
const { BatchSampler, SequentialSampler } = torch.utils.data;

const tup = (...items: unknown[]): unknown[] => asPyTuple(items);
const f32 = (v: number[] | number[][]) => torch.tensor(v, { dtype: torch.float32 });
const x25 = () => torch.arange(25, { dtype: torch.float32 }).view(1, 1, 5, 5);
const x10 = () => torch.arange(10, { dtype: torch.float32 }).view(1, 1, 10);
const x64 = () => torch.arange(64, { dtype: torch.float32 }).view(1, 1, 4, 4, 4);
const p3 = () => f32([[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]]);

function seeded(f: () => unknown): () => unknown {
  return () => {
    torch.manual_seed(0);
    return f();
  };
}

function actGrad(f: (x: torch.Tensor) => torch.Tensor): unknown {
  const x = f32([-4, -3, -1, 0, 3, 5]).requires_grad_();
  const y = f(x);
  y.sum().backward();
  return tup(y, x.grad);
}

const names = (...ts: torch.Tensor[]): unknown => tup(...ts.map((t) => t.grad_fn!.name()));
const sgd = () => new optim.SGD(new nn.Linear(1, 1).parameters(), { lr: 1.5 });

const CASES: Record<string, () => unknown> = {
  adaptive_max_pool2d_indices: () => F.adaptive_max_pool2d(x25(), 3, { return_indices: true }),
  max_pool2d_indices: () => F.max_pool2d(x25(), 2, { return_indices: true }),
  maxpool2d_module_indices: () => new nn.MaxPool2d(2, { return_indices: true })(x25()),
  max_pool1d_indices: () => tup(F.max_pool1d(x10(), 2, { return_indices: true }), F.adaptive_max_pool1d(x10(), 3, { return_indices: true })),
  max_pool3d_indices: () => tup(F.max_pool3d(x64(), 2, { return_indices: true }), F.adaptive_max_pool3d(x64(), 1, { return_indices: true })),
  max_unpool2d: () => {
    const [o, i] = F.max_pool2d(x25().narrow(2, 0, 4).narrow(3, 0, 4), 2, { return_indices: true });
    return F.max_unpool2d(o, i, 2);
  },
  hardswish: () => actGrad((x) => F.hardswish(x)),
  hardsigmoid: () => actGrad((x) => F.hardsigmoid(x)),
  log_softmax_dtype: () => F.log_softmax(p3(), 1, { dtype: torch.float64 }),
  softmax_dtype: () => tup(F.softmax(p3(), { dim: 1, dtype: torch.float64 }), F.softmin(p3(), 0, { dtype: torch.float64 })),
  softmax_int_dtype: () => F.softmax(torch.tensor([[1, 2]]), 1, { dtype: torch.float32 }),
  embedding_max_norm: seeded(() => {
    const e = new nn.Embedding(5, 3, { padding_idx: 0, max_norm: 1.0 });
    return tup(e(torch.tensor([0, 2, 2])), e.weight.norm({ dim: 1 }), e);
  }),
  embedding_norm_type: seeded(() => {
    const e = new nn.Embedding(5, 3, { max_norm: 0.5, norm_type: 1.0 });
    const y = e(torch.tensor([[1, 3], [4, 1]]));
    y.sum().backward();
    return tup(y, e.weight, e.weight.grad, e);
  }),
  functional_embedding_max_norm: seeded(() => {
    const w = torch.randn(4, 2);
    return tup(F.embedding(torch.tensor([1, 2]), w, { max_norm: 1.0 }), w);
  }),
  embedding_bag_max_norm: seeded(() => {
    const e = new nn.EmbeddingBag(5, 3, { max_norm: 1.0, mode: "sum" });
    return tup(e(torch.tensor([1, 2, 4, 4, 3]), torch.tensor([0, 2])), e.weight, e);
  }),
  embedding_padding_row: seeded(() => new nn.Embedding(4, 3, { padding_idx: 1 }).weight),
  embedding_bag_grad_fn: seeded(() => new nn.EmbeddingBag(5, 3)(torch.tensor([[1, 2], [4, 4]])).grad_fn!.name()),
  grad_fn_layers: seeded(() => {
    const r = torch.ones(1, 3);
    const [h, c] = new nn.LSTMCell(3, 2)(r);
    return names(new nn.GRUCell(3, 2)(r), h, c, new nn.PReLU()(torch.ones(2)), new nn.Bilinear(2, 3, 2)(torch.ones(1, 2), r),
      new nn.Bilinear(2, 3, 2, { bias: false })(torch.ones(1, 2), r), new nn.GRUCell(3, 2)(torch.ones(3)));
  }),
  grad_fn_activations: () => {
    const mods: ((x: torch.Tensor) => torch.Tensor)[] = [new nn.Mish(), new nn.SELU(), new nn.CELU(), new nn.LogSigmoid(), new nn.Softshrink(),
      new nn.Hardshrink(), new nn.Threshold(0.1, 20), new nn.Hardswish(), new nn.Hardsigmoid(), new nn.ELU(), new nn.GELU(), new nn.Softsign()];
    return names(...mods.map((m) => m(torch.ones(2, { requires_grad: true }))));
  },
  cosine_values: seeded(() => {
    const a = torch.randn(6, 7);
    const b = torch.randn(6, 7);
    return tup(F.cosine_similarity(a, b).tolist(), F.cosine_similarity(a, b.get(0), { dim: 1 }).tolist(), F.cosine_similarity(a, b).grad_fn);
  }),
  cosine_grad: seeded(() => {
    const a = torch.randn(3, 4, { requires_grad: true });
    const b = torch.randn(3, 4);
    const y = F.cosine_similarity(a, b);
    y.sum().backward();
    return tup(y.grad_fn!.name(), a.grad);
  }),
  cosine_zero: () => tup(F.cosine_similarity(torch.zeros(2, 3), torch.ones(2, 3)),
    new nn.CosineSimilarity({ dim: 0 })(torch.ones(2, 3), torch.arange(6, { dtype: torch.float32 }).view(2, 3))),
  sparse_init: seeded(() => {
    const w = torch.empty(4, 4);
    nn.init.sparse_(w, { sparsity: 0.5 });
    return w;
  }),
  clip_grad_norm_inf: seeded(() => {
    const m = new nn.Linear(3, 2);
    m(torch.ones(1, 3)).sum().mul(10).backward();
    return tup(nn.utils.clip_grad_norm_(m.parameters(), 1.0), m.weight.grad, nn.utils.clip_grad_norm_(m.parameters(), 0.5, { norm_type: "inf" }));
  }),
  weight_norm_attrs: seeded(() => {
    const m = nn.utils.weight_norm(new nn.Linear(3, 2));
    return tup(m.weight_g, m.weight_v, m(torch.ones(1, 3)));
  }),
  spectral_norm_forward: seeded(() => {
    const m = nn.utils.spectral_norm(new nn.Linear(3, 2));
    return tup(m(torch.ones(1, 3)), m.weight_u, m.weight_v);
  }),
  batch_sampler_keyword: () => list(new BatchSampler(new SequentialSampler(torch.arange(7).tolist() as number[]), 3, { drop_last: false })),
  steplr_state: () => new optim.lr_scheduler.StepLR(sgd(), { step_size: 2, gamma: 0.5 }).state_dict(),
  cosine_lr_state: () => new optim.lr_scheduler.CosineAnnealingLR(sgd(), 10).state_dict(),
  exponential_state: () => new optim.lr_scheduler.ExponentialLR(sgd(), 0.5).state_dict(),
  plateau_states: () => {
    const s = new optim.lr_scheduler.ReduceLROnPlateau(sgd());
    const before = s.state_dict();
    s.step(1.5);
    return tup(before, s.state_dict());
  },
  lambda_state: () => {
    const o = sgd();
    const s = new optim.lr_scheduler.LambdaLR(o, () => 0.5);
    o.step();
    s.step();
    return s.state_dict();
  },
  interpolate_bicubic: () => F.interpolate(torch.arange(16, { dtype: torch.float32 }).view(1, 1, 4, 4), { size: [3, 5], mode: "bicubic", align_corners: true }),
  avg_pool_ceil: () => F.avg_pool2d(x25(), 3, { stride: 2, padding: 1, ceil_mode: true }),
  cross_entropy_soft: () => F.cross_entropy(f32([[1, 2, 3], [1, 5, 0]]), f32([[0.2, 0.3, 0.5], [1, 0, 0]])),
};

describe("nn, init, utils, schedulers and samplers print as PyTorch's", () => {
  test("every generator case has a TypeScript spelling", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(ref).filter((k) => k !== "versions").sort());
  });
  test.each(Object.keys(CASES))("%s", (name) => {
    const want = ref[name];
    if ("error" in want) {
      expect(CASES[name]).toThrow(expect.objectContaining({ name: want.error[0], message: want.error[1] }));
      return;
    }
    expect(pyStr(CASES[name]()).replace(/ at 0x[0-9a-f]+/g, " at 0x")).toBe(want.print.replace(/ at 0x[0-9a-f]+/g, " at 0x"));
  });
  test("scale_grad_by_freq and sparse gradients are refused by name, from the layer and from F.embedding", () => {
    expect(() => new nn.Embedding(5, 3, { scale_grad_by_freq: true })).toThrow(/Embedding\(\): scale_grad_by_freq=True is not supported/);
    expect(() => F.embedding(torch.tensor([1]), torch.randn(3, 2), { sparse: true })).toThrow(/embedding\(\): sparse=True is not supported/);
  });
});
