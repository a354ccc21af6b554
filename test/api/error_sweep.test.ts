/**
 * Bad input gets PyTorch's error (test/reference/gen_error_sweep.py, PyTorch 1.13): the same exception
 * type (torchlab's ShapeError is the RuntimeError it extends) with PyTorch's text inside the message,
 * which may add the op's name and the shapes involved. Shapes that do not multiply, a conv given the
 * wrong channels or rank, impossible views, out-of-range or negative indices, integer tensors where
 * PyTorch has only float kernels (softmax, norm, std), gradients assigned or taken wrongly, bad
 * hyper-parameters, state dicts that do not fit, containers read past their end, loss targets of the
 * wrong range, dtype or shape. Where PyTorch accepts the input, what print() writes. Each case is
 * the TypeScript spelling of the generator's Python expression of the same name.
 */
import { torch } from "../../src";
import { pyStr } from "../../src/display/print";
import { AttributeError, IndexError, KeyError, RuntimeError, TypeError, ValueError } from "../../src/errors";
import { readReference } from "../tensor/fixtures";

type Ref = { print: string } | { error: [string, string] };
const ref = readReference<Record<string, Ref>>("error_sweep.json");
const { nn } = torch;
const F = torch.nn.functional;
const optim = torch.optim;
const { DataLoader } = torch.utils.data;

const ERRORS: Record<string, new (...args: never[]) => Error> = {
  RuntimeError, ValueError, IndexError, TypeError, KeyError, AttributeError,
};
// JS has no 1.0: the float tensors Python writes with a decimal point are float32 here by their dtype.
const f32 = (v: number[] | number[][]) => torch.tensor(v, { dtype: torch.float32 });
const long = { dtype: torch.int64 };
const leaf = () => torch.ones(2, { requires_grad: true });

function backwardTwice(): void {
  const w = leaf();
  const loss = w.mul(w).sum();
  loss.backward();
  loss.backward();
}

function modifiedInplace(): void {
  const y = leaf().sigmoid();
  y.mul_(2);
  y.sum().backward();
}

function assignGrad(g: torch.Tensor): torch.Tensor | null {
  const w = leaf();
  w.grad = g;
  return w.grad;
}

const CASES: Record<string, () => unknown> = {
  mm_mismatch: () => torch.mm(torch.ones(2, 3), torch.ones(4, 5)),
  matmul_mismatch: () => torch.ones(2, 3).matmul(torch.ones(4, 5)),
  mm_not_matrix: () => torch.mm(torch.ones(2, 3, 1), torch.ones(3, 5)),
  bmm_inner: () => torch.bmm(torch.ones(2, 2, 3), torch.ones(2, 4, 5)),
  bmm_batches: () => torch.bmm(torch.ones(2, 2, 3), torch.ones(3, 3, 5)),
  bmm_not_3d: () => torch.bmm(torch.ones(2, 3), torch.ones(3, 5)),
  dot_sizes: () => torch.dot(torch.ones(3), torch.ones(4)),
  linear_in_features: () => new nn.Linear(3, 4).forward(torch.ones(2, 5)),
  linear_1d: () => new nn.Linear(3, 4).forward(torch.ones(5)),
  functional_linear: () => F.linear(torch.ones(2, 3), torch.ones(4, 5)),
  sequential_mismatch: () => new nn.Sequential(new nn.Linear(2, 3), new nn.Linear(4, 5)).forward(torch.ones(1, 2)),
  bilinear_input2: () => new nn.Bilinear(2, 3, 4).forward(torch.ones(5, 2), torch.ones(5, 4)),

  conv2d_channels: () => new nn.Conv2d(3, 4, 3).forward(torch.ones(1, 2, 8, 8)),
  conv2d_5d: () => new nn.Conv2d(3, 4, 3).forward(torch.ones(1, 1, 3, 8, 8)),
  conv2d_kernel_too_big: () => new nn.Conv2d(3, 4, 5).forward(torch.ones(1, 3, 3, 3)),
  conv2d_groups: () => new nn.Conv2d(3, 4, 3, { groups: 2 }),
  conv1d_channels: () => new nn.Conv1d(3, 4, 3).forward(torch.ones(1, 2, 8)),
  conv1d_4d: () => new nn.Conv1d(3, 4, 3).forward(torch.ones(1, 3, 8, 8)),
  conv_transpose_channels: () => new nn.ConvTranspose2d(3, 4, 3).forward(torch.ones(1, 2, 8, 8)),
  maxpool_too_small: () => new nn.MaxPool2d(3).forward(torch.ones(1, 1, 2, 2)),
  maxpool_1d_input: () => new nn.MaxPool2d(2).forward(torch.ones(8)),
  adaptive_pool_1d_input: () => new nn.AdaptiveAvgPool2d(2).forward(torch.ones(8)),

  view_invalid: () => torch.arange(6).view(4, 2),
  view_two_inferred: () => torch.arange(6).view(-1, -1),
  reshape_two_inferred: () => torch.arange(6).reshape(-1, -1),
  reshape_invalid: () => torch.arange(6).reshape(4, -1),
  view_noncontiguous: () => torch.arange(6).view(2, 3).t().view(6),
  view_expanded: () => torch.ones(3, 1).expand(3, 4).view(12),
  view_negative: () => torch.arange(6).view(-2, 3),
  view_empty_ambiguous: () => torch.zeros(0).view(-1, 0),
  permute_length: () => torch.arange(6).view(2, 3).permute(0),
  permute_duplicate: () => torch.arange(6).view(2, 3).permute(0, 0),
  transpose_dim: () => torch.arange(6).view(2, 3).transpose(0, 2),
  unsqueeze_dim: () => torch.arange(6).view(2, 3).unsqueeze(4),
  expand_size: () => torch.arange(6).view(2, 3).expand(3, 3),
  expand_too_few: () => torch.arange(6).view(2, 3).expand(3),
  repeat_too_few: () => torch.arange(6).view(2, 3).repeat(2),
  repeat_negative: () => torch.ones(2, 3).repeat(-1, 1),
  tile_negative: () => torch.ones(2, 3).tile(-1),
  split_zero: () => torch.ones(2, 3).split(0),
  split_sizes_sum: () => torch.ones(2, 3).split([1, 1], { dim: 1 }),
  unfold_size: () => torch.ones(2, 3).unfold(1, 4, 1),

  cat_sizes: () => torch.cat([torch.zeros(2, 3), torch.zeros(2, 4)]),
  cat_ranks: () => torch.cat([torch.zeros(2, 3), torch.zeros(3)]),
  cat_dim: () => torch.cat([torch.zeros(2, 3)], { dim: 2 }),
  stack_sizes: () => torch.stack([torch.zeros(2, 3), torch.zeros(3, 2)]),

  select_range: () => torch.arange(6).view(2, 3).select(0, 2),
  select_dim: () => torch.arange(6).view(2, 3).select(2, 0),
  narrow_dim: () => torch.arange(6).view(2, 3).narrow(2, 0, 1),
  index_select_negative: () => torch.zeros(3).index_select(0, torch.tensor([-1])),
  index_select_matrix: () => torch.zeros(3).index_select(0, torch.tensor([[0]])),
  index_tensor_negative: () => torch.arange(3).index(torch.tensor([-1])),
  gather_range: () => torch.zeros(2, 3).gather(1, torch.tensor([[3]])),
  gather_negative: () => torch.zeros(2, 3).gather(0, torch.tensor([[-1, 0, 0]])),
  gather_rank: () => torch.zeros(2, 3).gather(1, torch.tensor([0, 1])),
  gather_dim: () => torch.zeros(2, 3).gather(2, torch.tensor([[0]])),
  scatter_range: () => torch.zeros(2, 3).scatter(1, torch.tensor([[3]]), 1.5),
  take_range: () => torch.zeros(2, 3).take(torch.tensor([6])),
  where_long_condition: () => torch.where(torch.tensor([1, 0]), torch.zeros(2), torch.ones(2)),
  masked_fill_shape: () => torch.zeros(3).masked_fill(torch.tensor([true, false]), 1.5),

  add_broadcast: () => torch.zeros(2, 3).add(torch.zeros(3, 2)),
  inplace_broadcast: () => torch.zeros(3).add_(torch.zeros(2, 3)),
  inplace_cast: () => torch.zeros(3, long).add_(torch.ones(3).mul(0.5)),
  mean_long: () => torch.tensor([1, 2]).mean(),
  std_long: () => torch.tensor([1, 2]).std(),
  var_long: () => torch.tensor([1, 2]).var(),
  norm_long: () => torch.tensor([1, 2]).norm(),
  softmax_long: () => torch.tensor([1, 2]).softmax(0),
  softmax_long_inner_dim: () => torch.tensor([[1, 2]]).softmax(0),
  log_softmax_long: () => F.log_softmax(torch.tensor([1, 2]), { dim: 0 }),
  softmax_module_long: () => new nn.Softmax({ dim: 1 }).forward(torch.tensor([[1, 2]])),
  softmin_long: () => F.softmin(torch.tensor([1, 2]), 0),
  softmax_dtype_cast: () => F.softmax(torch.tensor([1, 2]), { dim: 0, dtype: torch.float32 }),
  softmax_dim: () => F.softmax(torch.ones(2, 3), { dim: 2 }),
  sum_dim: () => torch.ones(2, 3).sum(5),
  bool_sub: () => torch.ones(2, { dtype: torch.bool }).sub(torch.ones(2, { dtype: torch.bool })),
  bool_neg: () => torch.ones(2, { dtype: torch.bool }).neg(),
  type_bogus: () => torch.ones(2).type("torch.BogusTensor"),
  type_legacy_name: () => torch.ones(2).type("torch.LongTensor"),

  zeros_negative: () => torch.zeros(2, -3),
  arange_zero_step: () => torch.arange(0, 5, 0),
  arange_sign: () => torch.arange(5, 0, 1),
  requires_grad_long: () => torch.tensor([1, 2], { requires_grad: true }),
  parameter_long: () => new nn.Parameter(torch.tensor([1, 2])),

  item_many: () => torch.ones(2, 3).item(),
  numpy_requires_grad: () => leaf().numpy(),

  backward_non_scalar: () => leaf().mul(2).backward(),
  backward_no_grad: () => torch.ones(2).sum().backward(),
  backward_twice: backwardTwice,
  leaf_inplace: () => leaf().add_(1),
  modified_inplace: modifiedInplace,
  grad_of_non_grad_input: () => torch.autograd.grad(leaf().sum(), torch.ones(2)),
  assign_grad_size: () => assignGrad(torch.ones(3)),
  assign_grad_dtype: () => assignGrad(torch.ones(2, long)),
  assign_grad_ok: () => assignGrad(torch.ones(2).mul(3)),

  dropout_p: () => new nn.Dropout({ p: 1.5 }),
  functional_dropout_p: () => F.dropout(torch.ones(2), { p: 2.5 }),
  sgd_empty: () => new optim.SGD([], { lr: 0.1 }),
  sgd_negative_lr: () => new optim.SGD([leaf()], { lr: -1 }),
  sgd_momentum: () => new optim.SGD([leaf()], { lr: 0.1, momentum: -1 }),
  sgd_nesterov: () => new optim.SGD([leaf()], { lr: 0.1, nesterov: true }),
  adam_negative_lr: () => new optim.Adam([leaf()], { lr: -0.1 }),
  adam_betas: () => new optim.Adam([leaf()], { betas: [1.0, 0.9] }),
  adam_eps: () => new optim.Adam([leaf()], { eps: -1 }),
  dataloader_batch_size_zero: () => new DataLoader(torch.arange(4), { batch_size: 0 }),
  embedding_range: () => new nn.Embedding(10, 3).forward(torch.tensor([10])),
  embedding_negative: () => new nn.Embedding(10, 3).forward(torch.tensor([-1])),
  one_hot_range: () => F.one_hot(torch.tensor([3]), 3),
  batchnorm_batch_of_one: () => new nn.BatchNorm1d(3).forward(torch.ones(1, 3)),
  batchnorm_channels: () => new nn.BatchNorm2d(3).forward(torch.ones(4, 2, 5, 5)),
  instance_norm_one_element: () => new nn.InstanceNorm2d(3).forward(torch.ones(1, 3, 1, 1)),
  group_norm_groups: () => new nn.GroupNorm(4, 6),
  lstm_input_size: () => new nn.LSTM(3, 4).forward(torch.ones(2, 5, 2)),
  gru_input_size: () => new nn.GRU(3, 4).forward(torch.ones(2, 5, 2)),
  lstm_hidden_size: () => new nn.LSTM(3, 4).forward(torch.ones(2, 5, 3), [torch.zeros(1, 5, 3), torch.zeros(1, 5, 4)]),
  sequential_index: () => new nn.Sequential(new nn.Linear(2, 3)).get(1),
  sequential_negative_index: () => new nn.Sequential(new nn.Linear(2, 3)).get(-2),
  module_list_index: () => new nn.ModuleList([new nn.Linear(2, 3)]).get(1),
  parameter_list_index: () => new nn.ParameterList([new nn.Parameter(torch.ones(1))]).get(1),
  module_dict_key: () => new nn.ModuleDict({ a: new nn.ReLU() }).get("b"),
  parameter_dict_key: () => new nn.ParameterDict({ a: new nn.Parameter(torch.ones(1)) }).get("b"),

  load_missing_key: () => new nn.Linear(2, 3).load_state_dict({ weight: torch.zeros(3, 2) }),
  load_unexpected_key: () => new nn.Linear(2, 3).load_state_dict({ weight: torch.zeros(3, 2), bias: torch.zeros(3), extra: torch.zeros(1) }),
  load_size_mismatch: () => new nn.Linear(2, 3).load_state_dict({ weight: torch.zeros(2, 2), bias: torch.zeros(3) }),
  load_wrapped_keys: () => new nn.Sequential(new nn.Linear(2, 3)).load_state_dict(new nn.Linear(2, 3).state_dict()),

  cross_entropy_target_range: () => F.cross_entropy(torch.zeros(2, 10), torch.tensor([10, 0])),
  cross_entropy_negative_target: () => F.cross_entropy(torch.zeros(2, 10), torch.tensor([-1, 0])),
  cross_entropy_target_batch: () => F.cross_entropy(torch.zeros(2, 10), torch.tensor([1, 0, 2])),
  cross_entropy_float_target_shape: () => F.cross_entropy(torch.zeros(2, 10), torch.zeros(2, 9)),
  cross_entropy_float_target_batch: () => F.cross_entropy(torch.zeros(2, 10), torch.zeros(3)),
  cross_entropy_float_target_1d: () => F.cross_entropy(torch.zeros(2, 10), torch.zeros(2)),
  cross_entropy_long_input: () => F.cross_entropy(torch.tensor([[1, 2]]), torch.tensor([1])),
  cross_entropy_weight_size: () => F.cross_entropy(torch.zeros(2, 10), torch.tensor([1, 0]), { weight: torch.ones(3) }),
  nll_target_range: () => F.nll_loss(torch.zeros(2, 10), torch.tensor([10, 0])),
  nll_float_target_2d: () => F.nll_loss(torch.zeros(2, 10), torch.zeros(2, 3)),
  nll_spatial_target: () => F.cross_entropy(torch.zeros(2, 10, 3), torch.zeros(2, 4)),
  mse_sizes: () => F.mse_loss(torch.ones(2, 3), torch.ones(4, 3)),
  bce_above_one: () => new nn.BCELoss().forward(f32([1.5]), f32([1])),
  bce_below_zero: () => new nn.BCELoss().forward(f32([-0.5]), f32([1])),
  bce_sizes: () => new nn.BCELoss().forward(f32([0.5, 0.2]), f32([1])),
  bce_logits_sizes: () => new nn.BCEWithLogitsLoss().forward(f32([0.5, 0.2]), f32([1])),

  interpolate_size_and_scale: () => F.interpolate(torch.ones(1, 1, 4, 4), { size: 8, scale_factor: 2 }),
  interpolate_neither: () => F.interpolate(torch.ones(1, 1, 4, 4)),
  multinomial_zero_sum: () => torch.multinomial(f32([0, 0]), 1),
  multinomial_negative: () => torch.multinomial(f32([-1, 2]), 1),
  multinomial_too_many: () => torch.multinomial(f32([1, 2]), 3),
  inverse_not_square: () => torch.inverse(torch.ones(2, 3)),
  einsum_sizes: () => torch.einsum("ij,jk->ik", torch.ones(2, 3), torch.ones(4, 5)),
};

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("no error was raised");
}

describe("bad input raises PyTorch's error", () => {
  // MSE's size warning is PyTorch's too; the error after it is what this suite checks.
  beforeAll(() => jest.spyOn(process.stderr, "write").mockImplementation(() => true));
  afterAll(() => jest.restoreAllMocks());

  test("every generator case has a TypeScript spelling", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(ref).filter((k) => k !== "versions").sort());
  });
  test.each(Object.keys(CASES))("%s", (name) => {
    const want = ref[name];
    if ("print" in want) {
      expect(pyStr(CASES[name]())).toBe(want.print);
      return;
    }
    const [type, message] = want.error;
    const e = thrown(CASES[name]);
    expect(e).toBeInstanceOf(ERRORS[type]);
    expect(e.message).toContain(message);
  });
});
