/**
 * Lazy modules against PyTorch 1.13 (test/reference/gen_lazy_modules.py): Dive into Deep Learning's
 * LeNet written with LazyConv2d / LazyLinear / LazyBatchNorm1d prints PyTorch's reprs before and after
 * the first call, initialises to PyTorch's seeded weights at that call, computes PyTorch's output and
 * trains one step as PyTorch does; LazyConvTranspose2d, LazyConv1d and LazyBatchNorm2d likewise.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { expectTensor, Encoded } from "../tutorials/_tutorial";

const { nn } = torch;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "lazy_modules.json"), "utf8"));
type Tensor = InstanceType<typeof torch.Tensor>;

beforeAll(() => jest.spyOn(process, "emitWarning").mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

test("d2l's LeNet with lazy layers: reprs, seeded initialisation at the first call, output, one SGD step", () => {
  torch.manual_seed(0);
  const net = new nn.Sequential(
    new nn.LazyConv2d(6, { kernel_size: 5, padding: 2 }), new nn.Sigmoid(), new nn.AvgPool2d({ kernel_size: 2, stride: 2 }),
    new nn.LazyConv2d(16, { kernel_size: 5 }), new nn.Sigmoid(), new nn.AvgPool2d({ kernel_size: 2, stride: 2 }), new nn.Flatten(),
    new nn.LazyLinear(120), new nn.Sigmoid(), new nn.LazyLinear(84), new nn.LazyBatchNorm1d(), new nn.Sigmoid(), new nn.LazyLinear(10),
  );
  expect(String(net)).toBe(R.repr_before);
  expect(net.named_parameters().map(([k]) => k)).toEqual(R.params_before);
  const params = net.parameters();
  const X = torch.sin(torch.arange(2 * 28 * 28, { dtype: torch.float32 })).reshape(2, 1, 28, 28);
  torch.manual_seed(1);
  const out = net(X);
  expect(String(net)).toBe(R.repr_after);
  expectTensor(out, R.out as Encoded);
  const state = net.state_dict();
  expect(Object.fromEntries(Object.entries(state).map(([k, v]) => [k, Array.from((v as Tensor).shape)]))).toEqual(R.state);
  for (const [k, w] of Object.entries(R.weights as Record<string, Encoded>)) expectTensor(state[k] as Tensor, w);
  // The parameters an optimizer was given before the first call are the ones that were materialized.
  expect(net.parameters().every((p, i) => p === params[i])).toBe(true);
  const opt = new torch.optim.SGD(params, { lr: 0.1 });
  const loss = nn.functional.cross_entropy(out, torch.tensor([3, 7]));
  loss.backward();
  opt.step();
  expect(Math.abs(loss.item() - R.loss)).toBeLessThan(1e-5);
  expectTensor((net.get(12) as InstanceType<typeof nn.Linear>).weight.detach(), R.after_step);
  expectTensor((net.get(10) as InstanceType<typeof nn.BatchNorm1d>).running_mean!, R.running_mean);
  expect(net.get(12)).toBeInstanceOf(nn.Linear);
  expect(net.get(12)).not.toBeInstanceOf(nn.LazyLinear);
});

test("LazyConvTranspose2d, LazyConv1d, LazyBatchNorm2d; bad first inputs", () => {
  torch.manual_seed(2);
  const ct = new nn.LazyConvTranspose2d(4, 3, { stride: 2 });
  const c1 = new nn.LazyConv1d(5, 3);
  const bn2 = new nn.LazyBatchNorm2d();
  const o = R.others;
  expect([String(ct), String(c1), String(bn2)]).toEqual([o.ct_before, o.c1_before, o.bn2_before]);
  const y = ct(torch.ones(1, 3, 4, 4));
  const z = c1(torch.ones(2, 6, 8));
  const w = bn2(torch.arange(2 * 3 * 2 * 2, { dtype: torch.float32 }).reshape(2, 3, 2, 2));
  expect([String(ct), String(c1), String(bn2)]).toEqual([o.ct_after, o.c1_after, o.bn2_after]);
  expectTensor(y, o.ct_out);
  expectTensor(z, o.c1_out);
  expectTensor(w, o.bn2_out);
  expectTensor(ct.weight.detach(), o.ct_weight);
  expectTensor(c1.weight.detach(), o.c1_weight);
  expect(() => new nn.LazyConv2d(3, 3)(torch.ones(5))).toThrow(R.errors.conv_bad_dim[1]);
  expect(() => new nn.LazyConv2d(4, 3, { groups: 2 })(torch.ones(1, 3, 5, 5))).toThrow(R.errors.groups[1]);
});
