/**
 * torchlab's random numbers against PyTorch 1.13's CPU generator (test/reference/gen_rng.py wrote
 * rng.json from torch itself): creation ops, in-place fills, the cached normal, module init, dropout,
 * DataLoader shuffling, samplers, random_split, torchvision transforms and model init. Each case is
 * written as the PyTorch snippet it ports.
 */
import { torch, torchvision } from "../../src";
import type { Tensor } from "../../src/torch";
import ref from "../reference/rng.json";

const nn = torch.nn;
const F = torch.nn.functional;
const T = torchvision.transforms;
type Ref = { shape: number[]; values: number[] };
const R = ref as unknown as Record<string, Ref>;

function values(x: Tensor | number[]): number[] {
  return Array.isArray(x) ? x : Array.from(x.dataSync(), Number);
}

/** Equal to PyTorch's values: exact for integers, within 1e-6 (relative above 1) for floats. */
function same(name: string, x: Tensor | number[], tol = 1e-6): void {
  const want = R[name];
  if (want === undefined) throw new Error(`no reference case ${name}`);
  if (!Array.isArray(x)) expect({ name, shape: x.shape }).toEqual({ name, shape: want.shape });
  const got = values(x);
  expect({ name, n: got.length }).toEqual({ name, n: want.values.length });
  const bad = got.map((v, i) => [i, v, want.values[i]] as const).filter(([, v, w]) => (Number.isInteger(w) && Number.isInteger(v) ? v !== w : !(Math.abs(v - w) <= tol * Math.max(1, Math.abs(w)))));
  expect({ name, mismatches: bad.slice(0, 5) }).toEqual({ name, mismatches: [] });
}

const SIZES = [1, 2, 3, 15, 16, 17, 33, 100];
const SEEDS: (number | bigint)[] = [0, 1, 42, 2n ** 40n + 7n];

describe("creation ops draw PyTorch's numbers", () => {
  test("a new torch.Generator() starts from the default seed 67280421310721, as does an unseeded process", () => {
    const g = new torch.Generator();
    expect(g.initial_seed()).toBe(R.initial_seed.values[0]);
    same("default/rand5", torch.rand(5, { generator: g }));
    same("default/randn20", torch.randn(20, { generator: g }));
    // jest gives each file a fresh module registry: the default generator has not drawn yet here.
    expect(torch.initial_seed()).toBe(67280421310721);
    same("default/manual", torch.rand(3));
  });

  test.each(SEEDS.flatMap((s) => SIZES.map((n) => [s, n] as const)))("seed %s, n=%s: rand, randn, randint, randperm", (s, n) => {
    torch.manual_seed(s);
    same(`rand/${s}/${n}`, torch.rand(n));
    torch.manual_seed(s);
    same(`randn/${s}/${n}`, torch.randn(n));
    torch.manual_seed(s);
    same(`randint/${s}/${n}`, torch.randint(-5, 17, [n]));
    torch.manual_seed(s);
    same(`randperm/${s}/${n}`, torch.randperm(n));
  });

  test("2-D shapes, and randint beyond 2^32 draws 64 bits", () => {
    torch.manual_seed(3);
    // float32 holds these int64 values to 24 bits.
    expect(torch.randint(0, 2 ** 33, [6], { dtype: torch.float32 }).tolist()).toEqual(R["randint/big"].values.map(Math.fround));
    torch.manual_seed(5);
    same("rand/2d", torch.rand(4, 7));
    torch.manual_seed(5);
    same("randn/2d", torch.randn(3, 11));
  });

  test("small randn keeps the second Box-Muller value for the next call; manual_seed drops it", () => {
    torch.manual_seed(0);
    const a = torch.randn(3);
    const b = torch.randn(3);
    const c = torch.rand(2);
    const d = torch.randn(1);
    same("interleaved", torch.cat([a, b, c, d]));
    torch.manual_seed(0);
    torch.randn(3);
    torch.manual_seed(0);
    same("interleaved/reseed_clears_cache", torch.randn(2));
  });

  test("in-place fills, torch.normal, bernoulli, exponential_, multinomial, random_", () => {
    torch.manual_seed(7);
    same("normal_/mean_std/5", torch.empty(5).normal_(2.5, 0.3));
    same("normal_/mean_std/40", torch.empty(40).normal_(-1.0, 4.0));
    same("uniform_/-3_2/7", torch.empty(7).uniform_(-3, 2));
    torch.manual_seed(7);
    same("torch.normal/tensors", torch.normal(torch.arange(20.0), torch.full([20], 0.5)));
    same("torch.normal/floats", torch.normal(2.0, 3.0, [2, 3]));
    torch.manual_seed(8);
    same("bernoulli_/0.3", torch.empty(12).bernoulli_(0.3));
    same("torch.bernoulli/tensor", torch.bernoulli(torch.linspace(0, 1, 12)));
    same("exponential_", torch.empty(6).exponential_(2.0));
    torch.manual_seed(9);
    const w = torch.tensor([0.1, 0.2, 0.3, 0.4, 0.0, 1.5]);
    same("multinomial/no_replacement", torch.multinomial(w, 4));
    same("multinomial/replacement", torch.multinomial(w, 10, true));
    same("multinomial/2d", torch.multinomial(torch.tensor([[1.0, 2.0, 3.0], [3.0, 0.5, 0.1]]), 2));
    torch.manual_seed(10);
    same("random_/int", torch.zeros([5], { dtype: torch.int64 }).random_(0, 1000));
  });

  test("a torch.Generator passed as {generator}", () => {
    const g = new torch.Generator().manual_seed(123);
    same("generator/rand", torch.rand(4, { generator: g }));
    same("generator/randn", torch.randn(18, { generator: g }));
    same("generator/randperm", torch.randperm(9, { generator: g }));
  });

  test("get_rng_state / set_rng_state replay the stream, cached normal included", () => {
    torch.manual_seed(0);
    torch.randn(3);
    const state = torch.get_rng_state();
    const first = torch.cat([torch.randn(3), torch.rand(700)]).tolist();
    torch.set_rng_state(state);
    expect(torch.cat([torch.randn(3), torch.rand(700)]).tolist()).toEqual(first);
    const g = new torch.Generator().manual_seed(5);
    const s = g.get_state();
    const x = torch.rand(3, { generator: g }).tolist();
    expect(torch.rand(3, { generator: new torch.Generator().set_state(s) }).tolist()).toEqual(x);
    expect(() => torch.set_rng_state([1, 2, 3])).toThrow(/630 values/);
  });
});

describe("modules initialise as PyTorch's do after manual_seed", () => {
  test("Linear, Conv2d, ConvTranspose2d, Embedding, Bilinear, BatchNorm2d, Sequential", () => {
    torch.manual_seed(0);
    const lin = new nn.Linear(5, 3);
    same("Linear/weight", lin.weight);
    same("Linear/bias", lin.bias as Tensor);
    torch.manual_seed(1);
    const conv = new nn.Conv2d(2, 4, 3);
    same("Conv2d/weight", conv.weight);
    same("Conv2d/bias", conv.bias as Tensor);
    torch.manual_seed(2);
    const convt = new nn.ConvTranspose2d(3, 2, 2, { stride: 2 });
    same("ConvTranspose2d/weight", convt.weight);
    same("ConvTranspose2d/bias", convt.bias as Tensor);
    torch.manual_seed(3);
    same("Embedding/weight", new nn.Embedding(6, 4, { padding_idx: 1 }).weight);
    torch.manual_seed(4);
    const bil = new nn.Bilinear(2, 3, 2);
    same("Bilinear/weight", bil.weight);
    same("Bilinear/bias", bil.bias as Tensor);
    torch.manual_seed(5);
    new nn.BatchNorm2d(3);
    same("BatchNorm2d/then_rand", torch.rand(3));
    torch.manual_seed(6);
    const seq = new nn.Sequential(new nn.Linear(4, 8), new nn.ReLU(), new nn.Linear(8, 2));
    same("Sequential/0.weight", (seq.get(0) as InstanceType<typeof nn.Linear>).weight);
    same("Sequential/2.bias", (seq.get(2) as InstanceType<typeof nn.Linear>).bias as Tensor);
  });

  test("nn.init functions", () => {
    torch.manual_seed(7);
    const t = torch.empty(3, 5);
    nn.init.kaiming_normal_(t, { mode: "fan_out", nonlinearity: "relu" });
    same("init/kaiming_normal_", t);
    nn.init.xavier_uniform_(t);
    same("init/xavier_uniform_", t);
    nn.init.xavier_normal_(t, { gain: 2.0 });
    same("init/xavier_normal_", t);
    const big = torch.empty(4, 6);
    nn.init.kaiming_uniform_(big, { a: 0.1 });
    same("init/kaiming_uniform_", big);
    nn.init.trunc_normal_(big, { mean: 0.5, std: 1.0, a: -1.0, b: 2.0 });
    same("init/trunc_normal_", big);
  });

  test("torchvision's resnet18 init (kaiming_normal_ fan_out) gives PyTorch's weights", () => {
    torch.manual_seed(0);
    const m = torchvision.models.resnet18();
    const w = m.conv1.weight;
    same("resnet18/conv1.weight[0,0]", w.get(0).get(0));
    same("resnet18/conv1.weight/stats", [w.sum().item(), w.abs().sum().item()], 1e-4);
    same("resnet18/fc.weight[0,:8]", m.fc.weight.get(0).index(":8"));
    same("resnet18/fc.bias[:5]", (m.fc.bias as Tensor).index(":5"));
    same("resnet18/layer4.1.conv2.weight[511,511]", m.layer4.get(1).conv2.weight.get(511).get(511));
    same("resnet18/then_rand", torch.rand(2));
  });
});

describe("training-time randomness draws as PyTorch's", () => {
  test("dropout, nn.Dropout and dropout2d in train mode", () => {
    torch.manual_seed(11);
    const x = torch.arange(1.0, 21.0, { dtype: torch.float32 }).reshape(4, 5);
    same("dropout/p0.3", F.dropout(x, 0.3));
    same("Dropout/module", new nn.Dropout(0.5).forward(x));
    same("dropout2d", F.dropout2d(torch.ones(2, 3, 2, 2), 0.5));
  });

  test("DataLoader(shuffle=True) visits the same order for two epochs", () => {
    function epochs(loader: InstanceType<typeof torch.utils.data.DataLoader>, n: number): number[] {
      const order: number[] = [];
      for (let epoch = 0; epoch < n; epoch++) {
        for (const [xb] of loader as unknown as Iterable<Tensor[]>) order.push(...(xb.tolist() as number[]));
      }
      return order;
    }
    torch.manual_seed(12);
    const ds = new torch.utils.data.TensorDataset(torch.arange(10));
    same("DataLoader/two_epochs", epochs(new torch.utils.data.DataLoader(ds, { batch_size: 4, shuffle: true }), 2));
  });

  test("random_split and the samplers", () => {
    const range = (n: number) => Array.from({ length: n }, (_, i) => i);
    torch.manual_seed(13);
    const parts = torch.utils.data.random_split(range(10), [7, 3]);
    same("random_split", [...parts[0].indices, ...parts[1].indices]);
    same("random_split/generator", torch.utils.data.random_split(range(8), [5, 3], { generator: new torch.Generator().manual_seed(42) })[1].indices);
    torch.manual_seed(14);
    same("SubsetRandomSampler", [...new torch.utils.data.SubsetRandomSampler([10, 20, 30, 40, 50])]);
    same("WeightedRandomSampler/replacement", [...new torch.utils.data.WeightedRandomSampler([0.1, 0.9, 0.4, 0.6], 8)]);
    same("WeightedRandomSampler/no_replacement", [...new torch.utils.data.WeightedRandomSampler([0.1, 0.9, 0.4, 0.6], 3, { replacement: false })]);
    same("RandomSampler/replacement", [...new torch.utils.data.RandomSampler(range(6), { replacement: true, num_samples: 9 })]);
  });

  test("torchvision transforms draw their parameters in torchvision's order", () => {
    const img = torch.arange(3 * 8 * 8, { dtype: torch.float32 }).reshape(3, 8, 8).div(192);
    torch.manual_seed(15);
    same("RandomCrop/params", T.RandomCrop.get_params(img, [5, 4]));
    same("RandomCrop/out", new T.RandomCrop(4).forward(img) as Tensor);
    same("RandomResizedCrop/params", T.RandomResizedCrop.get_params(img, [0.08, 1.0], [3 / 4, 4 / 3]));
    same("RandomHorizontalFlip", torch.stack([0, 1, 2, 3].map(() => (new T.RandomHorizontalFlip().forward(img) as Tensor).get(0).get(0))));
    same("RandomVerticalFlip", torch.stack([0, 1, 2, 3].map(() => (new T.RandomVerticalFlip(0.3).forward(img) as Tensor).index("0, :, 0"))));
    same("RandomRotation/params", [T.RandomRotation.get_params([-30.0, 30.0])]);
    const [order, b, c, , h] = T.ColorJitter.get_params([0.5, 1.5], [0.8, 1.2], null, [-0.1, 0.1]);
    same("ColorJitter/params", [...order, b as number, c as number, h as number]);
    const [ang, tr, sc, sh] = T.RandomAffine.get_params([-10.0, 10.0], [0.2, 0.1], [0.9, 1.1], [-5.0, 5.0, -3.0, 3.0], [8, 8]);
    same("RandomAffine/params", [ang, tr[0], tr[1], sc, sh[0], sh[1]]);
    const [i, j, hh, ww, v] = T.RandomErasing.get_params(img, [0.1, 0.3], [0.5, 2.0], null);
    same("RandomErasing/params", [i, j, hh, ww]);
    same("RandomErasing/value", v);
    same("RandomApply", torch.stack([0, 1, 2].map(() => (new T.RandomApply([new T.RandomHorizontalFlip(1.0)], { p: 0.5 }).forward(img) as Tensor).get(0).get(0))));
    same("RandomGrayscale/then_rand", torch.rand(1));
  });
});
