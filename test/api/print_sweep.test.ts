/**
 * What a notebook prints all the time prints as PyTorch 1.13 prints it (test/reference/gen_print_sweep.py,
 * a sweep of ~500 print cases against PyTorch, condensed): tensors of every dtype torchlab holds
 * (summarised, scientific, nan/inf/-0.0, empty, 0-d, under set_printoptions), grad_fn names (matmul's
 * SqueezeBackward3 / UnsafeViewBackward0 / CloneBackward0 by operand ranks), `type(grad_fn)`,
 * next_functions, Size / dtype / device (`torch.device("cuda", 1)`), the reprs of nn layers
 * (MaxUnpool's normalised tuples), containers (a Sequential's slice keeps its children's names),
 * optimizers, lr schedulers' state_dict (PyTorch's key order, ReduceLROnPlateau's `_last_lr` only after
 * a step, MultiStepLR's Counter, SequentialLR / ChainedScheduler's own fields), TensorDataset.tensors
 * (a tuple), transforms (a tuple argument prints as a tuple) and FakeData. Each case is the TypeScript
 * spelling of the generator's Python expression of the same name, printed by print()'s str();
 * `P(a, b)` is `print(a, b)`. Object addresses are masked on both sides. The keyword spellings only a
 * type check can catch (`torch.device("cuda", 1)`, `new nn.Dropout(0.2, {inplace: true})`) are in
 * test/nn/types.test.ts's cell.
 */
import { torch, torchvision } from "../../src";
import { len, list, type } from "../../src/builtins";
import { pyStr } from "../../src/display/print";
import { asPyTuple } from "../../src/pyrepr";
import { readReference } from "../tensor/fixtures";

type Ref = { print: string } | { error: [string, string] };
const ref = readReference<Record<string, Ref>>("print_sweep.json");
const { nn, optim } = torch;
const F = torch.nn.functional;
const T = torchvision.transforms;
const { TensorDataset, DataLoader, Subset, ConcatDataset } = torch.utils.data;
type Tensor = InstanceType<typeof torch.Tensor>;

const P = (...values: unknown[]): string => values.map(pyStr).join(" ");
const tup = <U extends unknown[]>(...items: U): U => asPyTuple(items);
const f32 = { dtype: torch.float32 };
const x23 = (): Tensor => torch.ones(2, 3, { requires_grad: true });
const w32 = (): Tensor => torch.ones(3, 2, { requires_grad: true });
const names = (...ts: Tensor[]): string => P(...ts.map((t) => t.grad_fn!.name()));
const sgd = () => new optim.SGD([new nn.Parameter(torch.ones(2))], { lr: 0.1 });
const seq3 = () => new nn.Sequential(new nn.Linear(2, 2), new nn.ReLU(), new nn.Linear(2, 1));

function withOptions<R>(f: () => R, options: Parameters<typeof torch.set_printoptions>[0]): R {
  torch.set_printoptions(options);
  try {
    return f();
  } finally {
    torch.set_printoptions({ profile: "default" });
  }
}

class Net extends nn.Module {
  conv = new nn.Conv2d(1, 4, 3);
  body = new nn.Sequential(new nn.Linear(4, 2), new nn.ReLU());
}

const CASES: Record<string, () => unknown> = {
  int8: () => torch.tensor([1, -2, 3], { dtype: torch.int8 }),
  uint8: () => torch.tensor([1, 2, 255], { dtype: torch.uint8 }),
  int16: () => torch.tensor([1, 2, 3], { dtype: torch.int16 }),
  int32: () => torch.tensor([1, 2, 3], { dtype: torch.int32 }),
  int64: () => torch.tensor([-100, 5]),
  bool_2d: () => torch.tensor([[true, false], [false, true]]),
  float64: () => torch.tensor([1.5, 2.25], { dtype: torch.float64 }),
  float64_whole: () => torch.tensor([1, 2], { dtype: torch.float64 }),
  float32: () => torch.tensor([1.0, 2.5]),
  scalar_int: () => torch.tensor(3),
  scalar_float: () => torch.tensor(3.5),
  scalar_bool: () => torch.tensor(true),
  scalar_int32: () => torch.tensor(2, { dtype: torch.int32 }),
  scalar_sci: () => torch.tensor(1e-5),
  uint8_wrap: () => torch.tensor([300]).to(torch.uint8),
  sci_small: () => torch.tensor([1e-5, 1.0], f32),
  sci_large: () => torch.tensor([1e10, 1.0], f32),
  sci_f64: () => torch.tensor([1e-10, 1e10], { dtype: torch.float64 }),
  no_sci_ratio: () => torch.tensor([1000.0, 0.001]),
  sci_1e8: () => torch.tensor([1e8, 1.0], f32),
  nan_inf: () => torch.tensor([NaN, 1.0, Infinity, -Infinity], f32),
  inf_tiny: () => torch.tensor([Infinity, 1e-8]),
  neg_zero: () => torch.tensor([-0.0, 0.0], f32),
  neg_zero_frac: () => torch.tensor([-0.0, 1.5]),
  neg_small: () => torch.tensor([-0.0, -1.5e-5]),
  mixed_width: () => torch.tensor([-1.5, 20.25, 300.125]),
  int_width: () => torch.tensor([[-1, 200], [3, -4000]]),
  empty: () => torch.tensor([]),
  empty_0x3: () => torch.zeros(0, 3),
  empty_int: () => torch.zeros(0, 3, { dtype: torch.int32 }),
  empty_grad: () => torch.zeros(0, { requires_grad: true }),
  empty_3d: () => P(torch.empty(0, 2, 3).shape, torch.empty(0, 2, 3)),
  summ_1d: () => torch.arange(2000),
  summ_float: () => torch.arange(2000, f32),
  summ_2d: () => torch.arange(1001).reshape(7, 143),
  summ_3d: () => torch.arange(2400).reshape(2, 30, 40),
  summ_4d: () => torch.arange(2400, f32).reshape(2, 3, 20, 20),
  small_3d: () => torch.arange(24).reshape(2, 3, 4),
  small_4d: () => torch.arange(16, f32).reshape(1, 2, 2, 4),
  wrap_line: () => torch.arange(30, f32).mul(1.5),
  seeded_randn: () => {
    torch.manual_seed(0);
    return torch.randn(2, 2, 3);
  },
  opt_precision2: () => withOptions(() => torch.tensor([1.23456, 2.5]), { precision: 2 }),
  opt_precision6: () => withOptions(() => torch.tensor([1.23456789, 2.5]), { precision: 6 }),
  opt_no_sci: () => withOptions(() => torch.tensor([1e-5, 1e5]), { sci_mode: false }),
  opt_sci: () => withOptions(() => torch.tensor([1.5, 2.0]), { sci_mode: true }),
  opt_threshold: () => withOptions(() => torch.arange(10), { threshold: 5 }),
  opt_edgeitems: () => withOptions(() => torch.arange(20, f32).view(4, 5), { threshold: 5, edgeitems: 1 }),
  opt_linewidth: () => withOptions(() => torch.arange(20, f32), { linewidth: 30 }),
  opt_short: () => withOptions(() => torch.arange(40, f32).view(4, 10), { profile: "short" }),
  leaf_grad: () => torch.tensor([0.5, 1.0], { dtype: torch.float64, requires_grad: true }),
  parameter: () => new nn.Parameter(torch.ones(2)),
  parameter_frozen: () => new nn.Parameter(torch.ones(2), false),
  gf_add: () => x23().add(1),
  gf_ops: () => names(x23().sub(1), x23().mul(2), x23().div(2), x23().neg(), x23().pow(2), x23().exp(), x23().log(), x23().relu(), torch.sigmoid(x23()), torch.tanh(x23())),
  gf_mm: () => x23().mm(w32()),
  gf_view_select: () => P(x23().view(6), x23().get(0), x23().select(1, 1)),
  gf_unsqueeze: () => x23().unsqueeze(0),
  gf_sum_mean: () => P(x23().sum(), x23().sum(0), x23().mean(), x23().mean(1)),
  gf_cat_stack: () => names(torch.cat([x23(), x23()]), torch.stack([x23(), x23()])),
  gf_to_copy: () => x23().double(),
  gf_movement: () => names(x23().t(), x23().transpose(0, 1), x23().permute(1, 0), x23().reshape(3, 2), x23().flatten(), x23().expand(2, 2, 3), x23().unsqueeze(0).squeeze(0), x23().squeeze(), x23().repeat(2, 1), x23().clone()),
  gf_reduce: () => names(x23().max(), x23().max(1)[0], x23().min(), x23().amax(1), x23().logsumexp(1), x23().cumsum(1), x23().norm(), x23().std(), x23().var(), x23().prod()),
  gf_functional: () =>
    names(F.softmax(x23(), { dim: 1 }), F.log_softmax(x23(), { dim: 1 }), F.relu(x23()), F.gelu(x23()), F.leaky_relu(x23()), F.elu(x23()), F.silu(x23()), F.linear(x23(), w32().t()), F.linear(x23(), w32().t(), torch.ones(2))),
  gf_losses: () =>
    names(F.mse_loss(x23(), torch.zeros(2, 3)), F.cross_entropy(x23(), torch.tensor([0, 1])), F.nll_loss(x23(), torch.tensor([0, 1])), F.l1_loss(x23(), torch.ones(2, 3)), F.binary_cross_entropy_with_logits(x23(), torch.ones(2, 3))),
  gf_index: () =>
    names(x23().gather(1, torch.tensor([[0], [1]])), x23().index_select(1, torch.tensor([0, 2])), x23().index(torch.tensor([0, 1])), x23().chunk(3, 1)[0], x23().split(1, 1)[1], x23().masked_fill(x23().gt(5), 0.0)),
  gf_matmul_1d_2d: () => torch.matmul(torch.ones(3, { requires_grad: true }), w32()),
  gf_matmul_1d_3d: () => torch.matmul(torch.ones(3, { requires_grad: true }), torch.ones(2, 3, 2)).grad_fn!.name(),
  gf_matmul_3d_1d: () => torch.matmul(torch.ones(2, 2, 3, { requires_grad: true }), torch.ones(3)).grad_fn!.name(),
  gf_matmul_2d_1d: () => torch.matmul(torch.ones(2, 3, { requires_grad: true }), torch.ones(3)).grad_fn!.name(),
  gf_matmul_2d_3d: () => names(torch.matmul(x23(), torch.ones(4, 3, 5)), torch.matmul(torch.ones(1, 3, { requires_grad: true }), torch.ones(4, 3, 5))),
  gf_matmul_3d_3d: () => torch.matmul(torch.ones(2, 2, 3, { requires_grad: true }), torch.ones(2, 3, 2)).grad_fn!.name(),
  gf_modules: () => P(new nn.Linear(3, 2).forward(x23()).grad_fn, new nn.Conv2d(1, 1, 3).forward(torch.ones(1, 1, 4, 4)).grad_fn, new nn.LayerNorm(3).forward(x23()).grad_fn),
  gf_object: () => x23().add(1).grad_fn,
  gf_leaf_none: () => x23().grad_fn,
  gf_next_functions: () => x23().mul(2).grad_fn!.next_functions,
  gf_next_two: () => x23().add(w32().t()).grad_fn!.next_functions,
  gf_next_chain: () => x23().mul(2).sum().add(1).grad_fn!.next_functions,
  gf_type: () => P(type(x23().mul(2).grad_fn!).__name__, type(x23().sum().grad_fn!), type(x23().mul(1).grad_fn!.next_functions[0][0]!)),
  gf_type_same: () => type(x23().mul(2).grad_fn!) === type(x23().mul(3).grad_fn!),
  gf_inplace: () => names(x23().mul(1).relu_(), x23().mul(1).mul_(2)),
  no_grad: () => torch.no_grad(() => torch.ones(2, { requires_grad: true }).mul(2)),
  shape_size: () => P(torch.zeros(2, 3).shape, torch.zeros(2, 3).size(), torch.zeros(2, 3).size(1)),
  strides: () => P(torch.zeros(2, 3).stride(), torch.zeros(2, 3).t().stride(), torch.zeros(2, 3, 4).stride(1), torch.zeros([]).stride()),
  size_alone: () => P(new torch.Size([2, 3]), new torch.Size([]), new torch.Size([5]), String(new torch.Size([2, 3]))),
  sizes_in_list: () => [torch.zeros(2).shape, torch.zeros(1, 2).shape],
  size_dtype_tuple: () => tup(torch.zeros(2).shape, torch.float32),
  dtypes: () => P(torch.float32, torch.int64, torch.bool, torch.uint8, torch.float, torch.double, torch.long, torch.int, torch.float16, torch.half),
  dtypes_in_list: () => [torch.float32, torch.int8],
  dtype_in_dict: () => ({ dtype: torch.float32 }),
  devices: () => P(torch.device("cpu"), torch.device("cpu")[Symbol.for("Jupyter.display")]()["text/plain"], torch.device("cuda:0"), [torch.device("cpu")]),
  device_index_arg: () => P(pyStr([torch.device("cuda", 1)]).slice(1, -1), torch.device("cuda", 0), pyStr([torch.device("cpu", 0)]).slice(1, -1)),
  device_index_twice: () => torch.device("cuda:0", 1),
  device_index_negative: () => torch.device("cuda", -1),
  finfo_iinfo: () => P(torch.finfo(torch.float32), torch.iinfo(torch.int32)),
  conv1d: () => new nn.Conv1d(1, 3, 3, { stride: 2, padding: 1, bias: false }),
  conv2d: () => new nn.Conv2d(1, 3, 3, { stride: 2, padding: 1, dilation: 2, bias: false, padding_mode: "reflect" }),
  conv2d_same: () => new nn.Conv2d(4, 4, [3, 5], { groups: 2, padding: "same" }),
  conv3d: () => new nn.Conv3d(1, 2, 3, { stride: [1, 2, 2] }),
  conv_transpose: () => P(new nn.ConvTranspose2d(3, 1, 4, { stride: 2, padding: 1, output_padding: 1 }), new nn.ConvTranspose1d(3, 1, 2)),
  linear_bilinear: () => P(new nn.Linear(3, 4, { bias: false }), new nn.Bilinear(2, 3, 4)),
  pools: () =>
    P(new nn.MaxPool2d(3, { stride: 2, padding: 1, ceil_mode: true }), new nn.MaxPool1d(2), new nn.AvgPool2d(2, { count_include_pad: false }), new nn.AdaptiveAvgPool2d(tup(1, 1)), new nn.AdaptiveMaxPool1d(4), new nn.LPPool2d(2, 3)),
  max_unpool: () => P(new nn.MaxUnpool2d(2), new nn.MaxUnpool1d(2), new nn.MaxUnpool2d([2, 3], { stride: 1, padding: [0, 1] })),
  max_unpool1d_forward: () => {
    const [out, idx] = F.max_pool1d(torch.tensor([[[1, 2, 5, 4]]], f32), 2, { return_indices: true }) as unknown as [Tensor, Tensor];
    return new nn.MaxUnpool1d(2).forward(out, idx);
  },
  norms: () =>
    P(
      new nn.BatchNorm1d(4),
      new nn.BatchNorm2d(4, { momentum: null, affine: false }),
      new nn.BatchNorm3d(4, { eps: 1e-3, track_running_stats: false }),
      new nn.LayerNorm([2, 5], { elementwise_affine: false }),
      new nn.GroupNorm(2, 4),
      new nn.InstanceNorm1d(3, { affine: true }),
      new nn.LocalResponseNorm(2),
    ),
  dropouts: () => P(new nn.Dropout(), new nn.Dropout({ p: 0.3, inplace: true }), new nn.Dropout2d(0.2, { inplace: true }), new nn.AlphaDropout(0.1, true), new nn.Dropout1d(0.1)),
  activations: () =>
    P(new nn.ReLU({ inplace: true }), new nn.LeakyReLU(), new nn.LeakyReLU(0.2, { inplace: true }), new nn.ELU({ alpha: 0.5 }), new nn.GELU(), new nn.GELU({ approximate: "tanh" }), new nn.Hardtanh(), new nn.Softmax({ dim: 1 }), new nn.LogSoftmax({ dim: -1 }), new nn.Softmax()),
  activations_more: () =>
    P(new nn.PReLU(3, 0.1), new nn.RReLU(), new nn.Threshold(0.1, 20.5), new nn.GLU(), new nn.Softplus({ beta: 2, threshold: 10 }), new nn.Hardshrink(), new nn.Softshrink(0.3), new nn.CELU(), new nn.SiLU(), new nn.Mish()),
  embedding: () => P(new nn.Embedding(10, 3), new nn.Embedding(10, 3, { padding_idx: 0 }), new nn.EmbeddingBag(10, 3, { mode: "sum" })),
  rnns: () =>
    P(
      new nn.RNN(4, 8, { num_layers: 2, nonlinearity: "relu", batch_first: true, dropout: 0.5, bidirectional: true }),
      new nn.LSTM(4, 8, 2, { batch_first: true }),
      new nn.LSTM(4, 8, { bias: false, proj_size: 3 }),
      new nn.GRU(4, 8, { bidirectional: true }),
    ),
  rnn_cells: () => P(new nn.RNNCell(4, 8, { nonlinearity: "relu" }), new nn.LSTMCell(4, 8), new nn.GRUCell(4, 8, { bias: false })),
  transformer_layer: () => new nn.TransformerEncoderLayer(8, 2, { dim_feedforward: 16 }),
  transformer: () => new nn.Transformer({ d_model: 8, nhead: 2, num_encoder_layers: 1, num_decoder_layers: 1, dim_feedforward: 16 }),
  mha: () => P(new nn.MultiheadAttention(8, 2), new nn.MultiheadAttention(8, 2, { kdim: 4, vdim: 4 })),
  shape_layers: () =>
    P(new nn.Identity(), new nn.Flatten(), new nn.Flatten(0, -1), new nn.Unflatten(1, tup(2, 5)), new nn.PixelShuffle(2), new nn.PixelUnshuffle(2), new nn.ZeroPad2d(tup(1, 2, 0, 1)), new nn.ConstantPad1d(2, 3.5), new nn.ReflectionPad2d(2)),
  upsample: () => P(new nn.Upsample({ scale_factor: 2 }), new nn.Upsample({ scale_factor: 2.5, mode: "bilinear", align_corners: false }), new nn.Upsample({ size: tup(4, 4) })),
  fold: () => P(new nn.Fold({ output_size: tup(4, 4), kernel_size: 2 }), new nn.Unfold({ kernel_size: 2, stride: 2 })),
  losses: () =>
    P(
      new nn.CrossEntropyLoss(),
      new nn.CrossEntropyLoss({ label_smoothing: 0.1, ignore_index: 0 }),
      new nn.MSELoss(),
      new nn.L1Loss({ reduction: "sum" }),
      new nn.NLLLoss(),
      new nn.BCEWithLogitsLoss(),
      new nn.SmoothL1Loss({ beta: 0.5 }),
      new nn.HuberLoss({ delta: 2.5 }),
      new nn.KLDivLoss({ reduction: "batchmean" }),
      new nn.MarginRankingLoss({ margin: 0.5 }),
    ),
  sequential: () => new nn.Sequential(new nn.Sequential(new nn.Conv2d(1, 2, 3), new nn.BatchNorm2d(2)), new nn.Flatten()),
  sequential_empty: () => P(new nn.Sequential(), new nn.ModuleList()),
  sequential_named: () => new nn.Sequential(new Map<string, InstanceType<typeof nn.Module>>([["fc", new nn.Linear(2, 2)], ["act", new nn.Tanh()]])),
  sequential_slice: () => seq3().slice(1),
  sequential_slice_items: () => {
    const s = seq3().slice(1);
    return P(s[0], s[-1], len(s));
  },
  sequential_slice_twice: () => P(seq3().slice(0, 2), seq3().slice(1).slice(1)),
  sequential_slice_keys: () => Object.keys(seq3().slice(1).state_dict()),
  module_list_slice: () => new nn.ModuleList([new nn.Linear(2, 2), new nn.ReLU(), new nn.Tanh()]).slice(1),
  module_dict: () => new nn.ModuleDict({ a: new nn.Linear(2, 2), b: new nn.ModuleList([new nn.ReLU()]) }),
  parameter_list_dict: () => P(new nn.ParameterList([new nn.Parameter(torch.ones(2))]), new nn.ParameterDict({ w: new nn.Parameter(torch.ones(2, 3)) })),
  user_module: () => new Net(),
  linear_weight: () => {
    torch.manual_seed(0);
    return new nn.Linear(2, 1).weight;
  },
  linear_state_dict: () => {
    torch.manual_seed(0);
    return new nn.Linear(2, 1).state_dict();
  },
  named_modules: () => list(new nn.Sequential(new nn.Linear(2, 2)).named_modules()),
  buffers: () => P(new nn.BatchNorm1d(2).running_mean, new nn.BatchNorm1d(2).num_batches_tracked),
  sgd: () => new optim.SGD([new nn.Parameter(torch.ones(2))], { lr: 0.1, momentum: 0.9, nesterov: true, weight_decay: 5e-4 }),
  adam: () => new optim.Adam([new nn.Parameter(torch.ones(2))], { lr: 1e-3, betas: [0.5, 0.999], amsgrad: true }),
  adamw_rmsprop_adagrad: () =>
    P(new optim.AdamW([new nn.Parameter(torch.ones(2))], { lr: 3e-4 }), new optim.RMSprop([new nn.Parameter(torch.ones(2))], { lr: 0.01 }), new optim.Adagrad([new nn.Parameter(torch.ones(2))])),
  sgd_groups: () => {
    const m = new nn.Sequential(new nn.Linear(2, 2), new nn.Linear(2, 1));
    return new optim.SGD([{ params: m.get(0).parameters() }, { params: m.get(1).parameters(), lr: 0.01 }], { lr: 0.1, momentum: 0.9 });
  },
  optimizer_state_dict: () => sgd().state_dict(),
  adam_state: () => {
    const p = [new nn.Parameter(torch.ones(2))];
    const o = new optim.Adam(p, { lr: 0.1 });
    p[0].grad = torch.ones(2);
    o.step();
    return o.state_dict().state;
  },
  steplr_state: () => new optim.lr_scheduler.StepLR(sgd(), { step_size: 2, gamma: 0.5 }).state_dict(),
  steplr_stepped: () => {
    const o = sgd();
    const s = new optim.lr_scheduler.StepLR(o, 2);
    o.step();
    s.step();
    return s.state_dict();
  },
  multisteplr_state: () => new optim.lr_scheduler.MultiStepLR(sgd(), [2, 4]).state_dict(),
  multisteplr_counter: () => new optim.lr_scheduler.MultiStepLR(sgd(), [3, 1, 3], { gamma: 0.5 }).milestones,
  exponentiallr_state: () => new optim.lr_scheduler.ExponentialLR(sgd(), 0.9).state_dict(),
  cosinelr_state: () => new optim.lr_scheduler.CosineAnnealingLR(sgd(), { T_max: 10 }).state_dict(),
  constantlr_state: () => new optim.lr_scheduler.ConstantLR(sgd()).state_dict(),
  lambdalr_state: () => new optim.lr_scheduler.LambdaLR(sgd(), () => 0.5).state_dict(),
  multiplicativelr_state: () => new optim.lr_scheduler.MultiplicativeLR(sgd(), () => 0.9).state_dict(),
  warm_restarts_state: () => new optim.lr_scheduler.CosineAnnealingWarmRestarts(sgd(), { T_0: 5 }).state_dict(),
  warm_restarts_stepped: () => {
    const o = sgd();
    const s = new optim.lr_scheduler.CosineAnnealingWarmRestarts(o, { T_0: 5 });
    o.step();
    s.step();
    s.step();
    return s.state_dict();
  },
  plateau_state: () => new optim.lr_scheduler.ReduceLROnPlateau(sgd()).state_dict(),
  plateau_stepped: () => {
    const s = new optim.lr_scheduler.ReduceLROnPlateau(sgd());
    s.step(1.5);
    return s.state_dict();
  },
  sequentiallr_state: () => {
    const o = sgd();
    return new optim.lr_scheduler.SequentialLR(o, [new optim.lr_scheduler.ConstantLR(o, { factor: 0.5, total_iters: 2 }), new optim.lr_scheduler.ExponentialLR(o, 0.9)], { milestones: [2] }).state_dict();
  },
  chained_state: () => {
    const o = sgd();
    return new optim.lr_scheduler.ChainedScheduler([new optim.lr_scheduler.ConstantLR(o, { factor: 0.5, total_iters: 2 }), new optim.lr_scheduler.ExponentialLR(o, 0.9)]).state_dict();
  },
  tensor_dataset_item: () => {
    const ds = new TensorDataset(torch.arange(6, f32).view(3, 2), torch.tensor([0, 1, 0]));
    return P(len(ds), ds.getitem(0));
  },
  tensor_dataset_tensors: () => new TensorDataset(torch.arange(6, f32).view(3, 2)).tensors,
  loader_attrs: () => {
    const dl = new DataLoader(new TensorDataset(torch.arange(6, f32).view(3, 2)), { batch_size: 2 });
    return P(len(dl), dl.batch_size, dl.drop_last, dl.num_workers, type(dl.sampler).__name__, type(dl.batch_sampler).__name__);
  },
  loader_batch: () => {
    const ds = new TensorDataset(torch.arange(6, f32).view(3, 2), torch.tensor([0, 1, 0]));
    return new DataLoader(ds, { batch_size: 2 })[Symbol.iterator]().next().value;
  },
  subset_concat: () =>
    P(new Subset(new TensorDataset(torch.arange(10, f32)), [1, 3]).getitem(1), new ConcatDataset([new TensorDataset(torch.arange(3, f32)), new TensorDataset(torch.arange(2, f32))]).cumulative_sizes),
  compose: () => new T.Compose([new T.Resize(256), new T.CenterCrop(224), new T.ToTensor(), new T.Normalize({ mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] })]),
  normalize_tuple: () => new T.Normalize(tup(0.1307), tup(0.3081)),
  resize: () => P(new T.Resize(32), new T.Resize([32, 32]), new T.Resize(tup(32, 32))),
  crops: () => P(new T.RandomCrop(32, { padding: 4 }), new T.CenterCrop(tup(32, 32)), new T.CenterCrop([32, 32]), new T.RandomResizedCrop(224)),
  color_jitter: () => P(new T.ColorJitter({ brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1 }), new T.ColorJitter({ brightness: tup(0.5, 1.5) }), new T.ColorJitter({ contrast: [0.5, 1.5] })),
  affine_rotation: () => P(new T.RandomAffine(0, { translate: tup(0.1, 0.1) }), new T.RandomAffine(0, { translate: [0.1, 0.1] }), new T.RandomRotation(10)),
  flips_misc: () => P(new T.RandomHorizontalFlip(), new T.RandomVerticalFlip(0.3), new T.Grayscale(3), new T.Pad(2, { fill: 1, padding_mode: "reflect" }), new T.RandomErasing(), new T.GaussianBlur(3)),
  fakedata: () => new torchvision.datasets.FakeData({ size: 10, image_size: [1, 28, 28], transform: new T.ToTensor() }),
};

const masked = (s: string): string => s.replace(/0x[0-9a-f]+/g, "0x...");

describe("what a notebook prints prints as PyTorch's", () => {
  afterEach(() => torch.set_printoptions({ profile: "default" }));
  test("every generator case has a TypeScript spelling", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(ref).filter((k) => k !== "versions").sort());
  });
  test.each(Object.keys(CASES))("%s", (name) => {
    const want = ref[name];
    if ("error" in want) {
      expect(CASES[name]).toThrow(expect.objectContaining({ name: want.error[0], message: want.error[1] }));
      return;
    }
    expect(masked(pyStr(CASES[name]()))).toBe(masked(want.print));
  });
});
