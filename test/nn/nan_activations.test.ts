/**
 * Activations, clamps and max pools keep NaN as PyTorch 1.13 does, whatever the NaN's sign bit
 * (test/reference/gen_nan_activations.py). x86's default NaN (0 / 0) has the sign bit set; XNNPACK's
 * Relu on the wasm backend made it 0, and its convolution's fused ReLU made every NaN 0.
 */
import { torch } from "../../src";
import type { Tensor } from "../../src";
import { expectClose, readReference, type Encoded } from "../tensor/fixtures";

const nn = torch.nn;
const F = torch.nn.functional;
const ref = readReference<Record<string, Encoded>>("nan_activations.json");

/** [-NaN, NaN, -1.5, 0, 2, -0.25, 7, 3], the first NaN with its sign bit set as x86 makes it. */
function x_(): Tensor {
  const bits = new Uint32Array([0xffc00000, 0x7fc00000]);
  const v = new Float32Array([0, 0, -1.5, 0, 2, -0.25, 7, 3]);
  v.set(new Float32Array(bits.buffer), 0);
  return torch.tensor(v);
}

function convChain(...tail: InstanceType<typeof nn.Module>[]): InstanceType<typeof nn.Sequential> {
  torch.manual_seed(0);
  const conv = new nn.Conv2d(1, 2, 1);
  torch.no_grad(() => {
    conv.weight.copy_(torch.tensor([1, -1], { dtype: torch.float32 }).view(2, 1, 1, 1));
    conv.bias!.copy_(torch.tensor([0.5, -0.5]));
  });
  return new nn.Sequential(conv, ...tail).eval();
}

const CASES: Record<string, (x: Tensor) => Tensor> = {
  relu: (x) => torch.relu(x),
  "F.relu": (x) => F.relu(x),
  "F.relu inplace": (x) => F.relu(x.clone(), { inplace: true }),
  relu_: (x) => x.clone().relu_(),
  "nn.ReLU": (x) => new nn.ReLU()(x),
  relu6: (x) => F.relu6(x),
  hardtanh: (x) => F.hardtanh(x),
  clamp: (x) => x.clamp(0, 1),
  clamp_min: (x) => x.clamp_min(0),
  clamp_max: (x) => x.clamp_max(0),
  maximum: (x) => torch.maximum(x, torch.zeros(8)),
  minimum: (x) => torch.minimum(torch.zeros(8), x),
  leaky_relu: (x) => F.leaky_relu(x),
  threshold: (x) => F.threshold(x, 0, -9),
  hardshrink: (x) => F.hardshrink(x),
  softshrink: (x) => F.softshrink(x),
  elu: (x) => F.elu(x),
  max_pool1d: (x) => F.max_pool1d(x.view(1, 1, 8), 2),
  max_pool2d: (x) => F.max_pool2d(x.view(1, 1, 2, 4), 2),
  adaptive_max_pool2d: (x) => F.adaptive_max_pool2d(x.view(1, 1, 2, 4), 1),
  amax: (x) => x.amax(),
  "rnn relu": (x) => torch.relu(x.view(2, 4).matmul(torch.eye(4))),
  "conv relu": (x) => convChain(new nn.ReLU())(x.view(1, 1, 2, 4)),
  "conv relu pool": (x) => convChain(new nn.ReLU(), new nn.MaxPool2d(2))(x.view(1, 1, 2, 4)),
  "conv pool relu bn": (x) => convChain(new nn.MaxPool2d([1, 2]), new nn.ReLU(), new nn.BatchNorm2d(2))(x.view(1, 1, 2, 4)),
};

test("the input's first NaN has its sign bit set", () => {
  const bits = new Uint32Array(new Float32Array(x_().dataSync() as Float32Array).buffer);
  expect([bits[0].toString(16), bits[1].toString(16)]).toEqual(["ffc00000", "7fc00000"]);
  // ... as 0 / 0 gives on x86, the case PyTorch users meet.
  expect(Number.isNaN(torch.zeros(1).div(0).item())).toBe(true);
});

test("every PyTorch case has its port", () => {
  expect(Object.keys(CASES).sort()).toEqual(Object.keys(ref).filter((k) => !k.endsWith(".grad") && !k.startsWith("-0 ")).sort());
});

test.each(Object.keys(CASES))("%s", (name) => {
  const f = CASES[name];
  if (name.startsWith("conv")) {
    expectClose(name, torch.no_grad(() => f(x_())), ref[name]);
    return;
  }
  const grad = ref[`${name}.grad`];
  const x = x_().requires_grad_(grad !== undefined);
  const y = f(x);
  expectClose(name, y, ref[name]);
  if (grad !== undefined) {
    y.sum().backward();
    expectClose(`${name}.grad`, x.grad!, grad);
  }
});

test("0 / 0 through ReLU is NaN", () => {
  expect(Number.isNaN(torch.relu(torch.zeros(3).div(torch.zeros(3))).get(1).item())).toBe(true);
});

// Signed zeros: [-0, 0, -1, 2] through each op; PyTorch's ReLU keeps -0 (tfjs's Relus gave +0).
const ZEROS = Object.keys(ref).filter((k) => k.startsWith("-0 ") && !k.endsWith(".grad")).map((k) => k.slice(3));
test.each(ZEROS)("-0 through %s keeps PyTorch's sign", (name) => {
  const grad = ref[`-0 ${name}.grad`];
  const x = torch.tensor(new Float32Array([-0, 0, -1, 2])).requires_grad_(grad !== undefined);
  const y = CASES[name](x);
  const expected = ref[`-0 ${name}`] as Encoded & { signs: number[] };
  expectClose(`-0 ${name}`, y, expected);
  expect(Array.from(y.dataSync() as Float32Array, (v) => (Object.is(v, -0) || v < 0 ? 1 : 0))).toEqual(expected.signs);
  if (grad !== undefined) {
    y.sum().backward();
    expectClose(`-0 ${name}.grad`, x.grad!, grad);
  }
});
