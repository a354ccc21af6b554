/**
 * Logical dtypes over narrower storage, against PyTorch 1.13 (test/reference/gen_dtypes.py writes
 * dtypes_logical.json): float64 is held in float32 buffers but printed, promoted, reported and
 * propagated as PyTorch's float64. Each case below is the literal port of the PyTorch expression of
 * the same name; the fixture holds its dtype, repr, type() and element_size(), or its error.
 */
import { torch } from "../../src";
import { readReference } from "./fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
const F = torch.nn.functional;
interface Ref {
  results: Record<string, { dtype: string; repr: string; type: string; element_size: number } | { error: string; message: string }>;
  queries: Record<string, unknown>;
}
const ref = readReference<Ref>("dtypes_logical.json");

const d = (): Tensor => torch.tensor([0.5, -1.25, 2.0], { dtype: torch.float64 });
const d2 = (): Tensor => torch.tensor([[1.5, 0.25], [-2.0, 4.0]], { dtype: torch.float64 });
const f = (): Tensor => torch.tensor([0.25, 0.5, 0.75]);
const f2 = (): Tensor => torch.tensor([[1.5, 0.25], [-2.0, 4.0]]);
const a = (): Tensor => torch.tensor([1, 2, 3]);
const i = (): Tensor => torch.tensor([1, 2, 3], { dtype: torch.int32 });
const b = (): Tensor => torch.tensor([true, false, true]);
const d0 = (): Tensor => torch.tensor(1.5, { dtype: torch.float64 });
const f0 = (): Tensor => torch.tensor(1.5);
const x4 = (): Tensor => torch.arange(16.0).reshape(1, 1, 4, 4).div(8);
const w4 = (): Tensor => torch.tensor([[[[1.0, -0.5], [0.25, 2.0]]]]);

function gradOf(fn: (x: Tensor) => Tensor, x0: Tensor): Tensor {
  const x = x0.clone().requires_grad_();
  fn(x).backward();
  return x.grad!;
}

function linearDouble(): InstanceType<typeof torch.nn.Linear> {
  const lin = new torch.nn.Linear(2, 2);
  torch.no_grad(() => {
    lin.weight.copy_(torch.tensor([[0.5, -1.0], [2.0, 0.25]]));
    lin.bias!.copy_(torch.tensor([0.125, -0.5]));
  });
  lin.double();
  return lin;
}

const PORTS: Record<string, () => Tensor> = {
  // creation
  "tensor float64": () => torch.tensor([0.5, 1.5], { dtype: torch.float64 }),
  "tensor double": () => torch.tensor([[1, 2], [3, 4]], { dtype: torch.double }),
  "0-d float64": () => torch.tensor(2.5, { dtype: torch.float64 }),
  "zeros float64": () => torch.zeros(2, 3, { dtype: torch.float64 }),
  "ones double": () => torch.ones(2, { dtype: torch.double }),
  "full float64": () => torch.full([2], 7.0, { dtype: torch.float64 }),
  "arange float64": () => torch.arange(0, 1, 0.25, { dtype: torch.float64 }),
  "linspace float64": () => torch.linspace(0, 1, 5, { dtype: torch.float64 }),
  "eye float64": () => torch.eye(2, { dtype: torch.float64 }),
  "empty float64": () => torch.zeros(0, { dtype: torch.float64 }),
  "float64 requires_grad": () => torch.tensor([1.0, 2.0], { dtype: torch.float64, requires_grad: true }),
  "zeros_like float64": () => torch.zeros_like(d()),
  "ones_like float64 to float32": () => torch.ones_like(d(), { dtype: torch.float32 }),
  "new_zeros float64": () => d().new_zeros(2),
  "new_tensor float64": () => d().new_tensor([1.0, 2.0]),
  DoubleTensor: () => torch.DoubleTensor([1.0, 2.5]),
  "from float64 rand * 20 to int32": () => torch.tensor([[0.5, 0.75, 0.125], [0.25, 0.875, 0.0]], { dtype: torch.float64 }).mul(20).to(torch.int32),
  // conversion
  "float32.double()": () => f().double(),
  "float32.to(float64)": () => f().to(torch.float64),
  "float32.to(dtype=float64)": () => f().to({ dtype: torch.float64 }),
  "float32.type(torch.DoubleTensor name)": () => f().type(torch.float64),
  "float64.float()": () => d().float(),
  "float64.to(int32)": () => d().to(torch.int32),
  "float64.long()": () => d().long(),
  "float64.bool()": () => d().bool(),
  "int64.double()": () => a().double(),
  "bool.double()": () => b().double(),
  "float64.to(float64 tensor)": () => f().to(d()),
  "float64.type_as float32": () => d().type_as(f()),
  // promotion
  "float64 + float32": () => d().add(f()),
  "float32 + float64": () => f().add(d()),
  "float64 + 1": () => d().add(1),
  "float64 * 2.5": () => d().mul(2.5),
  "float64 + int64": () => d().add(a()),
  "int64 + float64": () => a().add(d()),
  "int32 * float64": () => i().mul(d()),
  "bool + float64": () => b().add(d()),
  "float64 + 0-d float32": () => d().add(f0()),
  "float32 + 0-d float64": () => f().add(d0()),
  "int64 + 0-d float64": () => a().add(d0()),
  "0-d float64 + 0-d float32": () => d0().add(f0()),
  "0-d float64 + 1.5": () => d0().add(1.5),
  "int64 * 1.5": () => a().mul(1.5),
  "float64 / 4": () => d().div(4),
  "float64 // 1": () => d().floor_divide(1),
  "float64 % 1": () => d().remainder(1),
  "-float64": () => d().neg(),
  "float64 > 0.5": () => d().gt(0.5),
  "float64 == float32": () => d().eq(f()),
  "where float32 float64": () => torch.where(b(), f(), d()),
  "cat float32 float64": () => torch.cat([f(), d()]),
  "stack float64 float32": () => torch.stack([d(), f()]),
  "maximum float32 float64": () => torch.maximum(f(), d()),
  "float64 ** 2": () => d().pow(2),
  "2 ** float64": () => torch.pow(2, d()),
  // elementwise and reductions
  "float64.exp()": () => d().exp(),
  "float64.abs().sqrt()": () => d().abs().sqrt(),
  "sigmoid float64": () => torch.sigmoid(d()),
  "tanh float64": () => torch.tanh(d()),
  "relu float64": () => F.relu(d()),
  "softmax float64": () => F.softmax(d(), 0),
  "log_softmax float64": () => F.log_softmax(d(), 0),
  "clamp float64": () => d().clamp(0, 1),
  "round float64": () => d().round(),
  "float64.sum()": () => d().sum(),
  "float64.mean()": () => d().mean(),
  "float64.std()": () => d2().std(),
  "float64.max()": () => d().max(),
  "float64.max(0).values": () => d2().max(0).values,
  "float64.max(0).indices": () => d2().max(0).indices,
  "float64.argmax()": () => d().argmax(),
  "float64.cumsum(0)": () => d().cumsum(0),
  "float64.prod()": () => d().prod(),
  "float64.norm()": () => d2().norm(),
  "float64.sort().values": () => d().sort().values,
  "float64.sum(dtype=float32)": () => d().sum({ dtype: torch.float32 }),
  "float32.sum(dtype=float64)": () => f().sum({ dtype: torch.float64 }),
  "float64.view(3, 1)": () => d().view(3, 1),
  "float64.t()": () => d2().t(),
  "float64[0]": () => d2().get(0),
  "float64[mask]": () => d().index(b()),
  "float64.unsqueeze(0)": () => d().unsqueeze(0),
  "float64.clone()": () => d().clone(),
  "float64.flip(0)": () => d().flip(0),
  // linear algebra and nn.functional
  "float64 @ float64": () => d2().matmul(d2()),
  "mm float64": () => torch.mm(d2(), d2()),
  "matmul float64 vec": () => d2().matmul(d2().get(0)),
  "dot float64": () => torch.dot(d2().get(0), d2().get(1)),
  "linear float64": () => F.linear(d2(), d2(), d2().get(0)),
  "linear float64 no bias": () => F.linear(d2(), d2()),
  "conv2d float64": () => F.conv2d(x4().double(), w4().double()),
  "max_pool2d float64": () => F.max_pool2d(x4().double(), 2),
  "avg_pool2d float64": () => F.avg_pool2d(x4().double(), 2),
  "mse_loss float64": () => F.mse_loss(d2(), d2().mul(2)),
  "mse_loss float64 float32": () => F.mse_loss(d2(), f2()),
  "cross_entropy float64": () => F.cross_entropy(d2(), torch.tensor([0, 1])),
  "layer_norm float64": () => F.layer_norm(d2(), [2]),
  "dropout eval float64": () => F.dropout(d2(), 0.5, { training: false }),
  // errors: mixed float64 / float32 products
  "linear float64 x float32 weight": () => F.linear(d2(), f2()),
  "linear float64 x float32 weight and bias": () => F.linear(d2(), f2(), f2().get(0)),
  "linear float64 weight, float32 bias": () => F.linear(d2(), d2(), f2().get(0)),
  "linear float32 x float64 weight": () => F.linear(f2(), d2()),
  "float64 @ float32": () => d2().matmul(f2()),
  "float32 @ float64": () => f2().matmul(d2()),
  "mm float64 float32": () => torch.mm(d2(), f2()),
  "dot float64 float32": () => torch.dot(d2().get(0), f2().get(0)),
  "int64 @ float32": () => torch.tensor([[1, 2]]).matmul(f2()),
  "conv2d float64 x float32 weight": () => F.conv2d(x4().double(), w4()),
  "conv2d float32 x float64 weight": () => F.conv2d(x4(), w4().double()),
  "conv2d float64 x float32 bias": () => F.conv2d(x4().double(), w4().double(), torch.tensor([0.5])),
  "addmm float32 bias, float64 mats": () => torch.addmm(f2().get(0), d2(), d2()),
  "addmm float64 x float32": () => torch.addmm(d2().get(0), d2(), f2()),
  "nn.Linear on float64 input": () => new torch.nn.Linear(2, 2)(d2()),
  "bitwise_and float64": () => torch.bitwise_and(d(), 1),
  "bitwise_and int64 float64": () => torch.bitwise_and(a(), d()),
  "bitwise_left_shift float64": () => torch.bitwise_left_shift(d(), 1),
  "float64.nansum(dtype=int64)": () => d().nansum({ dtype: torch.int64 }),
  // autograd
  "float64 grad": () => gradOf((x) => x.mul(x).sum(), d()),
  "float64 (x*x).sum() grad_fn": () => d().clone().requires_grad_().mul(2).sum(),
  "grad through double()": () => {
    const x = f().clone().requires_grad_();
    x.double().mul(2).sum().backward();
    return x.grad!;
  },
  "double() of a leaf": () => f().clone().requires_grad_().double(),
  "Linear.double() weight grad": () => {
    const lin = linearDouble();
    lin(d2()).sum().backward();
    return lin.weight.grad!;
  },
  // modules
  "Linear.double() weight": () => linearDouble().weight,
  "Linear.double() forward": () => linearDouble()(d2()),
  "Linear.double().float() weight": () => linearDouble().float().weight,
  "Linear.to(float64) bias": () => {
    const lin = new torch.nn.Linear(2, 2);
    lin.to(torch.float64);
    return lin.bias!.detach().zero_();
  },
  // in place
  "float64.add_(float32)": () => d().add_(f()),
  "float32.add_(float64)": () => f().add_(d()),
};

describe("float64: a logical dtype over float32 storage, as PyTorch 1.13 reports it", () => {
  it.each(Object.keys(ref.results))("%s", (name) => {
    const want = ref.results[name];
    const port = PORTS[name];
    expect(port).toBeDefined();
    if ("error" in want) {
      let err: unknown = null;
      try {
        port();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(torch[want.error as "RuntimeError"]);
      expect((err as Error).message).toBe(want.message);
      return;
    }
    const t = port();
    expect(String(t.dtype)).toBe(want.dtype);
    expect(String(t)).toBe(want.repr);
    expect(t.type()).toBe(want.type);
    expect(t.element_size()).toBe(want.element_size);
  });

  it("every fixture case has its port", () => {
    expect(Object.keys(PORTS).sort()).toEqual(Object.keys(ref.results).sort());
  });

  it("promotion queries, dtype attributes and values", () => {
    const q = ref.queries;
    expect(String(torch.promote_types(torch.float32, torch.float64))).toBe(q["promote_types(float32, float64)"]);
    expect(String(torch.promote_types(torch.int64, torch.float64))).toBe(q["promote_types(int64, float64)"]);
    expect(String(torch.promote_types(torch.float64, torch.bool))).toBe(q["promote_types(float64, bool)"]);
    expect(String(torch.result_type(d(), 1.0))).toBe(q["result_type(float64, 1.0)"]);
    expect(String(torch.result_type(a(), d0()))).toBe(q["result_type(int64, 0-d float64)"]);
    expect(String(torch.result_type(f(), d0()))).toBe(q["result_type(float32, 0-d float64)"]);
    expect(torch.can_cast(torch.float64, torch.float32)).toBe(q["can_cast(float64, float32)"]);
    expect(torch.can_cast(torch.float64, torch.int64)).toBe(q["can_cast(float64, int64)"]);
    expect(String(torch.float64)).toBe(q["str(float64)"]);
    expect(String(torch.double)).toBe(q["str(double)"]);
    expect(torch.double).toBe(torch.float64);
    expect(torch.float64).not.toBe(torch.float32);
    expect(torch.float64.is_floating_point).toBe(q["float64.is_floating_point"]);
    expect(torch.float64.is_signed).toBe(q["float64.is_signed"]);
    expect(torch.float64.itemsize).toBe(q["float64.itemsize"]);
    expect(d().is_floating_point()).toBe(q["float64 tensor.is_floating_point()"]);
    expect(d0().item()).toBe(q["float64 item"]);
    expect(d().tolist()).toEqual(q["float64 tolist"]);
  });

  it("x.double() keeps the values and is no copy when already float64", () => {
    const x = d();
    expect(x.double()).toBe(x);
    expect(x.float().tolist()).toEqual(x.tolist());
  });
});
