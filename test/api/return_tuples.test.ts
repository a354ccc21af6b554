/**
 * What PyTorch returns as a tuple prints as one, and what it returns as a `torch.return_types`
 * structseq prints as PyTorch prints it (test/reference/gen_return_tuples.py, PyTorch 1.13): split /
 * chunk / unbind pieces, autograd.grad's gradients, an LSTM's `(output, (h, c))`, a conv layer's
 * `kernel_size`, named_parameters' `(name, parameter)` items and Adam's `betas` are `(...)`, not
 * `[...]`; linalg.qr / eigh / svd, frexp and histogram are `torch.return_types.<name>(\nQ=..., ...)`
 * with their fields by name. Also Python's `type(x)` (`<class 'torch.Tensor'>`, `__name__`, the same
 * class each time) and `divmod`, and `round(decimals=)` as a method. Each case is the TypeScript
 * spelling of the generator's Python expression of the same name, printed by print()'s str().
 */
import * as path from "path";
import { torch } from "../../src";
import { divmod, len, list, type } from "../../src/builtins";
import { pyStr } from "../../src/display/print";
import { asPyTuple, pyIsTuple } from "../../src/pyrepr";
import { SRC, cellDiagnostics } from "../cell_types";
import { readReference } from "../tensor/fixtures";

type Ref = { print: string } | { error: [string, string] };
const ref = readReference<Record<string, Ref>>("return_tuples.json");
const { nn } = torch;

class Net extends nn.Module {}

let x: torch.Tensor;
let s: torch.Tensor;
beforeAll(() => {
  x = torch.arange(12, { dtype: torch.float32 }).view(3, 4);
  s = f32([[2, 1], [1, 3]]);
});
// JS has no 1.0: the float tensors Python writes with a decimal point are float32 here by their dtype.
const f32 = (v: number | number[] | number[][]) => torch.tensor(v, { dtype: torch.float32 });
const tup = (...items: unknown[]): unknown[] => asPyTuple(items);

function lstmTypes(): unknown {
  torch.manual_seed(0);
  const out = new nn.LSTM(2, 3, { batch_first: true }).forward(torch.ones(1, 2, 2));
  return tup(type(out).__name__, len(out), type(out[1]).__name__, len(out[1]));
}

const CASES: Record<string, () => unknown> = {
  chunk: () => x.chunk(2, { dim: 1 }),
  split_sizes: () => x.split([1, 3], { dim: 1 }),
  split_size: () => torch.split(x, 2),
  unbind: () => torch.arange(4).view(2, 2).unbind(),
  tensor_split: () => torch.tensor_split(torch.arange(5), 2),
  hsplit: () => torch.hsplit(torch.arange(4).view(2, 2), 2),
  meshgrid: () => torch.meshgrid(torch.arange(2), torch.arange(3), { indexing: "ij" }),
  broadcast_tensors: () => torch.broadcast_tensors(torch.ones(2, 1), torch.zeros(3)),
  atleast_1d_two: () => torch.atleast_1d(f32(1), f32(2)),
  unique_counts: () => torch.tensor([3, 1, 2, 3, 1]).unique({ return_counts: true }),
  var_mean: () => torch.var_mean(f32([1, 2, 4])),
  where_one_arg: () => torch.where(torch.tensor([0, 1, 1]).gt(0)),
  nonzero_as_tuple: () => torch.tensor([[0, 1]]).nonzero({ as_tuple: true }),
  autograd_grad: () => {
    const w = torch.tensor([1, 2, 3], { dtype: torch.float32, requires_grad: true });
    return torch.autograd.grad(w.mul(w).sum(), w);
  },
  pad_packed_lengths: () =>
    nn.utils.rnn.pad_packed_sequence(nn.utils.rnn.pack_padded_sequence(torch.ones(2, 3, 1), [3, 2], { batch_first: true }), { batch_first: true })[1],
  lstm_types: lstmTypes,
  conv2d_attrs: () => tup(new nn.Conv2d(1, 2, 3).kernel_size, new nn.Conv2d(1, 2, 3, { stride: 2, padding: 1 }).padding, new nn.Conv2d(1, 2, 3).dilation),
  conv1d_kernel: () => new nn.Conv1d(1, 1, 3).kernel_size,
  conv_transpose_output_padding: () => new nn.ConvTranspose2d(1, 1, 2).output_padding,
  maxpool_kernel: () => tup(new nn.MaxPool2d(2).kernel_size, new nn.MaxPool2d([2, 2]).kernel_size),
  zeropad_padding: () => new nn.ZeroPad2d(1).padding,
  named_parameters_item: () => new nn.Linear(2, 1).named_parameters().map(([n, p]) => tup(n, tup(...p.shape)))[1],
  named_parameter_pair: () => type(list(new nn.Linear(2, 1).named_parameters())[0]).__name__,
  named_modules_item: () => list(new nn.Sequential(new nn.ReLU()).named_modules())[1],
  adam_betas: () => new torch.optim.Adam([torch.zeros(1, { requires_grad: true })]).param_groups[0].betas,
  qr: () => torch.linalg.qr(torch.eye(2)),
  eigh: () => torch.linalg.eigh(torch.eye(2).mul(2)),
  eigh_values: () => torch.linalg.eigh(s).eigenvalues,
  svd_old: () => torch.svd(torch.eye(2)),
  linalg_svd_S: () => torch.linalg.svd(torch.eye(2)).S,
  frexp: () => torch.frexp(f32([8, 3])),
  histogram: () => torch.histogram(f32([1, 2, 1]), { bins: 2 }),
  max_dim: () => torch.max(torch.tensor([[1, 5], [7, 2]]), 1),
  aminmax: () => torch.aminmax(torch.tensor([1, 5, 3])),
  round_decimals: () => tup(torch.tensor([1.2345, -2.5551]).round({ decimals: 2 }), torch.round(f32([1250]), { decimals: -2 })),
  type_tensor: () => type(torch.ones(1)),
  type_parameter: () => type(new nn.Parameter(torch.ones(1))),
  type_linear: () => type(new nn.Linear(1, 1)),
  type_user_class_name: () => type(new Net()).__name__,
  type_builtins: () => tup(type(3), type(2.5), type("a"), type(true), type(null), type([1]), type(tup(1, 2)), type({ a: 1 })),
  type_is_tensor: () => type(torch.ones(1)) === torch.Tensor,
  type_same_class: () => type(new nn.ReLU()) === type(new nn.ReLU()),
  class_names: () => tup(torch.Tensor, nn.Linear, nn.Linear.__name__, type(nn.Linear)),
  divmod: () => tup(divmod(7, 2), divmod(-7, 2), divmod(7, -2)),
  divmod_zero: () => divmod(1, 0),
};

describe("tuples and torch.return_types print as PyTorch's", () => {
  test("every generator case has a TypeScript spelling", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(ref).filter((k) => k !== "versions").sort());
  });
  test.each(Object.keys(CASES))("%s", (name) => {
    const want = ref[name];
    if ("error" in want) {
      expect(CASES[name]).toThrow(expect.objectContaining({ name: want.error[0], message: want.error[1] }));
      return;
    }
    expect(pyStr(CASES[name]())).toBe(want.print);
  });
  test("a structseq is still the tuple it destructures as, with its fields by name", () => {
    const r = torch.linalg.qr(torch.eye(2));
    const [Q, R] = r;
    expect(Q).toBe(r.Q);
    expect(R).toBe(r.R);
    expect(pyIsTuple(r)).toBe(true);
    expect(Object.keys(r)).toEqual(["0", "1"]);
    const m = torch.tensor([[1, 5], [7, 2]]).max(1);
    expect(m.values).toBe(m[0]);
    expect(m.indices).toBe(m[1]);
  });
  test("type(x) names the class users write, and compiles where Python's does", () => {
    expect(type(torch.ones(1))).toBe(torch.Tensor);
    expect(type(new nn.Linear(1, 1))).toBe(nn.Linear);
    expect(nn.Conv2d.__name__).toBe("Conv2d");
    const cell = `import { torch } from "${SRC}";\nimport { type, divmod } from "${SRC}/builtins";\n`;
    const good = [
      "const x = torch.ones(2);",
      "const same: boolean = type(x) === torch.Tensor;",
      "const lin = new torch.nn.Linear(1, 1);",
      "const isLinear: boolean = type(lin) === torch.nn.Linear;",
      "const name: string = type(lin).__name__ + torch.Tensor.__name__;",
      "const [q, r]: [number, number] = divmod(7, 2);",
      "const rounded: torch.Tensor = x.round({ decimals: 1 });",
    ].join("\n");
    expect(cellDiagnostics(path.join(__dirname, "__return_tuples_cell__.ts"), `${cell}${good}\nexport {};`)).toEqual([]);
  });
});
