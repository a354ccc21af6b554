import { torch } from "../../src";
import type { Tensor } from "../../src/torch";
import { TypeError as TorchTypeError } from "../../src/errors";
import { pyStr } from "../../src/display/print";
import { pyTypeName } from "../../src/pyrepr";
import tuplesRef from "../reference/tuples.json";

const { DataLoader, Dataset, IterableDataset, TensorDataset, Subset, ConcatDataset, random_split, SequentialSampler, RandomSampler, SubsetRandomSampler, BatchSampler, default_collate, len } =
  torch.utils.data;

const list = (t: Tensor): number[] => Array.from(t.dataSync());

class Squares extends Dataset<[number, number]> {
  constructor(private n: number) {
    super();
  }
  len(): number {
    return this.n;
  }
  getitem(i: number): [number, number] {
    return [i, i * i];
  }
}

describe("datasets", () => {
  test("TensorDataset indexes every tensor along dim 0", () => {
    const x = torch.arange(12).reshape(6, 2);
    const y = torch.arange(6).mul(10);
    const ds = new TensorDataset(x, y);
    expect(ds.len()).toBe(6);
    expect(ds.length).toBe(6);
    const [xi, yi] = ds.getitem(4);
    expect(list(xi)).toEqual([8, 9]);
    expect(yi.dim()).toBe(0);
    expect(yi.item()).toBe(40);
    expect(list(ds.getitem(-1)[1])).toEqual([50]);
    expect(() => ds.getitem(6)).toThrow("index 6 is out of range for TensorDataset of length 6");
    // PyTorch asserts the sizes: an AssertionError.
    expect(() => new TensorDataset(torch.zeros(3), torch.zeros(4))).toThrow(torch.testing.AssertionError);
    expect(() => new TensorDataset(torch.zeros(3), torch.zeros(4))).toThrow("Size mismatch between tensors: first dimensions are [3], [4]");
    expect(() => new TensorDataset(torch.zeros(3), 5 as never)).toThrow("TensorDataset(): argument 1 must be a Tensor, got number");
  });

  test("Subset and ConcatDataset", () => {
    const ds = new Squares(5);
    const sub = new Subset(ds, [4, 0, 2]);
    expect([...sub]).toEqual([[4, 16], [0, 0], [2, 4]]);
    expect([...new Subset(ds, torch.tensor([1, 3]))]).toEqual([[1, 1], [3, 9]]);
    expect(() => sub.getitem(3)).toThrow("index 3 is out of range for Subset of length 3");
    const cat = new ConcatDataset<[number, number]>([ds, [[-1, -1]], sub]);
    expect(cat.len()).toBe(9);
    expect(cat.cumulative_sizes).toEqual([5, 6, 9]);
    expect(cat.getitem(5)).toEqual([-1, -1]);
    expect(cat.getitem(6)).toEqual([4, 16]);
    expect(cat.getitem(-1)).toEqual([2, 4]);
    expect(() => cat.getitem(-10)).toThrow("absolute value of index should not exceed dataset length");
    expect(() => cat.getitem(9)).toThrow("index 9 is out of range for ConcatDataset of length 9");
    expect(() => new ConcatDataset([])).toThrow("datasets should not be an empty iterable");
    expect(ds.add(sub).len()).toBe(8);
  });

  test("objects with __getitem__/__len__ and arrays are datasets", () => {
    const py = { __getitem__: (i: number) => i * 2, __len__: () => 3 };
    expect([...new Subset(py, [2, 1])]).toEqual([4, 2]);
    expect(len(new Squares(4))).toBe(4);
  });

  test("len() as Python's: tensors, arrays, strings (code points), Maps, Sets, dicts; PyTorch's and Python's TypeErrors", () => {
    expect([len(torch.zeros(3, 5)), len([1, 2]), len("a😀"), len(new Map([[1, 2]])), len(new Set([1, 2, 3])), len({ a: 1, b: 2 })]).toEqual([3, 2, 2, 1, 3, 2]);
    expect(() => len(torch.tensor(1))).toThrow("len() of a 0-d tensor");
    expect(() => len(5 as never)).toThrow("object of type 'int' has no len()");
    expect(() => len(new torch.nn.ReLU() as never)).toThrow("object of type 'ReLU' has no len()");
    expect(() => new Subset({} as never, [0])).toThrow("dataset must be a Dataset (an object with getitem(index) and len()), or an array; got Object");
  });

  test("random_split by lengths is a seeded partition", () => {
    const ds = new Squares(10);
    const [a, b] = random_split(ds, [3, 7], { generator: new torch.Generator().manual_seed(42) });
    expect(a.len()).toBe(3);
    expect(b.len()).toBe(7);
    expect([...a.indices, ...b.indices].sort((p, q) => p - q)).toEqual([...Array(10).keys()]);
    const [a2] = random_split(ds, [3, 7], new torch.Generator().manual_seed(42));
    expect(a2.indices).toEqual(a.indices);
    torch.manual_seed(1);
    const [c] = random_split(ds, [5, 5]);
    torch.manual_seed(1);
    const [c2] = random_split(ds, [5, 5]);
    expect(c2.indices).toEqual(c.indices);
  });

  test("random_split by fractions deals the remainder round-robin", () => {
    const parts = random_split(new Squares(11), [0.3, 0.3, 0.4]);
    // floor(3.3)=3, floor(3.3)=3, floor(4.4)=4 -> remainder 1 goes to the first split
    expect(parts.map((p) => p.len())).toEqual([4, 3, 4]);
    expect(() => random_split(new Squares(10), [3, 6])).toThrow("Sum of input lengths does not equal the length of the input dataset!");
    expect(() => random_split(new Squares(10), [1.5, -0.5])).toThrow("Fraction at index 0 is not between 0 and 1");
  });
});

describe("samplers", () => {
  test("SequentialSampler and BatchSampler", () => {
    const s = new SequentialSampler(new Squares(10));
    expect([...new BatchSampler(s, 3, false)]).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]);
    expect([...new BatchSampler(s, 3, true)]).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8]]);
    expect(new BatchSampler(s, 3, false).len()).toBe(4);
    expect(new BatchSampler(s, { batch_size: 3, drop_last: true }).len()).toBe(3);
    expect(() => new BatchSampler(s, 0, false)).toThrow("batch_size should be a positive integer value, but got batch_size=0");
    expect(() => new BatchSampler(s, 2, "no" as never)).toThrow("drop_last should be a boolean value, but got drop_last=no");
  });

  test("RandomSampler: a permutation per epoch, reproducible with a seed", () => {
    const ds = new Squares(20);
    torch.manual_seed(0);
    const s = new RandomSampler(ds);
    const e1 = [...s];
    const e2 = [...s];
    expect([...e1].sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    expect(e1).not.toEqual(e2);
    torch.manual_seed(0);
    expect([...s]).toEqual(e1);
    const g = new torch.Generator().manual_seed(3);
    const withGen = [...new RandomSampler(ds, { generator: g })];
    expect([...new RandomSampler(ds, { generator: new torch.Generator().manual_seed(3) })]).toEqual(withGen);
  });

  test("RandomSampler with replacement and num_samples", () => {
    const r = [...new RandomSampler(new Squares(3), { replacement: true, num_samples: 50 })];
    expect(r.length).toBe(50);
    expect(r.every((i) => i >= 0 && i < 3)).toBe(true);
    const more = [...new RandomSampler(new Squares(4), { num_samples: 10 })];
    expect(more.length).toBe(10);
    expect(() => new RandomSampler(new Squares(4), { num_samples: 0 })).toThrow("num_samples should be a positive integer value, but got num_samples=0");
    expect(() => new RandomSampler(new Squares(4), { replacement: 1 as never })).toThrow("replacement should be a boolean value, but got replacement=1");
  });

  test("SubsetRandomSampler visits exactly its indices", () => {
    const s = new SubsetRandomSampler([5, 7, 9, 11]);
    expect([...s].sort((a, b) => a - b)).toEqual([5, 7, 9, 11]);
    expect(s.len()).toBe(4);
  });

  test("a tensor is a dataset of its rows (`DataLoader(torch.arange(6.))`, Raschka ch12); a 0-d one has no len()", () => {
    // PyTorch 1.13: [tensor([0.]), tensor([1.]), tensor([2.])]; batches [[0, 1], [2, 3]] and [[4, 5]].
    expect([...new DataLoader(torch.arange(3, { dtype: torch.float32 }))].map((b) => [b.shape, b.tolist()])).toEqual([[[1], [0]], [[1], [1]], [[1], [2]]]);
    expect([...new DataLoader(torch.arange(6).reshape(3, 2), { batch_size: 2 })].map((b) => b.tolist())).toEqual([[[0, 1], [2, 3]], [[4, 5]]]);
    expect(() => [...new DataLoader(torch.tensor(1))]).toThrow(new TorchTypeError("len() of a 0-d tensor"));
  });

  test("torch.utils.data.sampler is the module of the samplers (`from torch.utils.data import sampler`, CS231n)", () => {
    const { sampler } = torch.utils.data;
    expect(sampler.SubsetRandomSampler).toBe(SubsetRandomSampler);
    expect(Object.keys(sampler).sort()).toEqual(["BatchSampler", "RandomSampler", "Sampler", "SequentialSampler", "SubsetRandomSampler", "WeightedRandomSampler"]);
  });
});

describe("default_collate", () => {
  test("tensors are stacked, numbers become tensors, arrays are transposed", () => {
    const batch = default_collate([
      [torch.tensor([1, 2]), 0, 0.5, true, "a"],
      [torch.tensor([3, 4]), 1, 1, false, "b"],
    ]) as [Tensor, Tensor, Tensor, Tensor, string[]];
    expect(batch[0].shape).toEqual([2, 2]);
    expect(list(batch[0])).toEqual([1, 2, 3, 4]);
    expect(batch[1].dtype).toBe(torch.int64);
    expect(list(batch[1])).toEqual([0, 1]);
    expect(batch[2].dtype).toBe(torch.float32);
    expect(list(batch[2])).toEqual([0.5, 1]);
    expect(batch[3].dtype).toBe(torch.bool);
    expect(batch[4]).toEqual(["a", "b"]);
  });

  test("objects are collated key by key, recursively", () => {
    const out = default_collate([
      { img: torch.zeros(2, 2), meta: { id: 1, tags: [1, 2] } },
      { img: torch.ones(2, 2), meta: { id: 2, tags: [3, 4] } },
    ]) as { img: Tensor; meta: { id: Tensor; tags: Tensor[] } };
    expect(out.img.shape).toEqual([2, 2, 2]);
    expect(list(out.meta.id)).toEqual([1, 2]);
    expect(list(out.meta.tags[0])).toEqual([1, 3]);
    expect(list(out.meta.tags[1])).toEqual([2, 4]);
  });

  test("typed arrays become stacked tensors", () => {
    const out = default_collate([new Float32Array([1, 2]), new Float32Array([3, 4])]) as Tensor;
    expect(out.shape).toEqual([2, 2]);
    expect(out.dtype).toBe(torch.float32);
  });

  test("errors", () => {
    expect(() => default_collate([[1, 2], [3]])).toThrow("each element in list of batch should be of equal size");
    expect(() => default_collate([null, null])).toThrow("default_collate: batch must contain tensors, typed arrays, numbers, booleans, strings, objects or arrays; found null");
    expect(() => default_collate([torch.zeros(2), torch.zeros(3)])).toThrow("stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1");
    expect(() => default_collate([torch.zeros(2), 3])).toThrow("default_collate: sample 0 is a Tensor but sample 1 is number");
    expect(() => default_collate([{ a: 1 }, { b: 2 }])).toThrow("default_collate: sample 1 has no key 'a' (sample 0 has it)");
    expect(() => default_collate([])).toThrow("default_collate: expected a non-empty array of samples");
  });
});

describe("DataLoader", () => {
  const xy = (): InstanceType<typeof TensorDataset> => new TensorDataset(torch.arange(20).reshape(10, 2).float(), torch.arange(10));

  test("batches in order with the last one short, and len()", () => {
    const loader = new DataLoader(xy(), { batch_size: 4 });
    const batches = [...loader];
    expect(batches.length).toBe(3);
    expect(loader.length).toBe(3);
    expect(len(loader)).toBe(3);
    expect(batches[0][0].shape).toEqual([4, 2]);
    expect(list(batches[2][1])).toEqual([8, 9]);
    expect(batches[2][0].dtype).toBe(torch.float32);
    const dropped = new DataLoader(xy(), 4, { drop_last: true });
    expect([...dropped].length).toBe(2);
    expect(dropped.len()).toBe(2);
  });

  test("the TensorDataset fast path equals stacking the samples", () => {
    const ds = xy();
    const viaFast = [...new DataLoader(ds, { batch_size: 3 })];
    const viaCollate = [...new DataLoader(ds, { batch_size: 3, collate_fn: (b: Tensor[][]) => default_collate(b) as Tensor[] })];
    viaFast.forEach((b, i) => {
      expect(b[0].shape).toEqual(viaCollate[i][0].shape);
      expect(list(b[0])).toEqual(list(viaCollate[i][0]));
      expect(list(b[1])).toEqual(list(viaCollate[i][1]));
      expect(b[1].dtype).toBe(viaCollate[i][1].dtype);
    });
  });

  test("default batch_size is 1", () => {
    const batches = [...new DataLoader(new Squares(3))];
    expect(batches.length).toBe(3);
    expect(list(batches[2][1])).toEqual([4]);
  });

  test("shuffle: a new order every epoch, reproducible with torch.manual_seed or a generator", () => {
    const ds = new Squares(16);
    const loader = new DataLoader(ds, { batch_size: 16, shuffle: true });
    const epoch = (): number[] => list([...loader][0][0]);
    torch.manual_seed(7);
    const e1 = epoch();
    const e2 = epoch();
    expect([...e1].sort((a, b) => a - b)).toEqual([...Array(16).keys()]);
    expect(e1).not.toEqual(e2);
    torch.manual_seed(7);
    expect(epoch()).toEqual(e1);
    expect(epoch()).toEqual(e2);
    const g = (): InstanceType<typeof torch.Generator> => new torch.Generator().manual_seed(11);
    const a = list([...new DataLoader(ds, { batch_size: 16, shuffle: true, generator: g() })][0][0]);
    const b = list([...new DataLoader(ds, { batch_size: 16, shuffle: true, generator: g() })][0][0]);
    expect(a).toEqual(b);
  });

  test("sampler and batch_sampler", () => {
    const ds = new Squares(6);
    const viaSampler = [...new DataLoader(ds, { batch_size: 2, sampler: [5, 4, 3] })];
    expect(viaSampler.map((b) => list(b[0]))).toEqual([[5, 4], [3]]);
    const viaBatches = [...new DataLoader(ds, { batch_sampler: [[0, 5], [1]] })];
    expect(viaBatches.map((b) => list(b[1]))).toEqual([[0, 25], [1]]);
  });

  test("batch_size null yields samples unbatched", () => {
    expect([...new DataLoader(new Squares(3), { batch_size: null })]).toEqual([[0, 0], [1, 1], [2, 4]]);
  });

  test("custom collate_fn", () => {
    const loader = new DataLoader(new Squares(5), { batch_size: 2, collate_fn: (b) => b.map(([i]) => i).join(",") });
    expect([...loader]).toEqual(["0,1", "2,3", "4"]);
  });

  test("IterableDataset is batched in order", () => {
    class Stream extends IterableDataset<number> {
      *[Symbol.iterator](): Iterator<number> {
        for (let i = 0; i < 5; i++) yield i;
      }
    }
    expect([...new DataLoader(new Stream(), { batch_size: 2 })].map(list)).toEqual([[0, 1], [2, 3], [4]]);
    expect([...new DataLoader(new Stream(), { batch_size: 2, drop_last: true })].length).toBe(2);
    expect(() => new DataLoader(new Stream(), { batch_size: 2 }).len()).toThrow("object of type 'Stream' has no len()");
    expect(() => new DataLoader(new Stream(), { shuffle: true })).toThrow("DataLoader with IterableDataset: expected unspecified shuffle option, but got shuffle=True");
    expect(() => new DataLoader(new Stream(), { sampler: [0] })).toThrow("DataLoader with IterableDataset: expected unspecified sampler option");
    expect(() => new DataLoader(new Stream(), { batch_sampler: [[0]] })).toThrow("DataLoader with IterableDataset: expected unspecified batch_sampler option");
    expect(() => new ConcatDataset([new Squares(2), new Stream() as never])).toThrow("ConcatDataset does not support IterableDataset");
    expect([...new DataLoader(new Stream(), { batch_size: null })]).toEqual([0, 1, 2, 3, 4]);
  });

  test("len(loader.dataset) takes whatever the loader holds: a sized IterableDataset answers, an unsized one is a TypeError", () => {
    class Sized extends IterableDataset<number> {
      *[Symbol.iterator](): Iterator<number> {
        for (let i = 0; i < 5; i++) yield i;
      }
      __len__(): number {
        return 5;
      }
    }
    class Stream extends IterableDataset<number> {
      *[Symbol.iterator](): Iterator<number> {
        yield 0;
      }
    }
    const sized = new DataLoader(new Sized(), { batch_size: 2 });
    expect(len(sized.dataset)).toBe(5);
    expect(len(sized)).toBe(3);
    expect(() => len(new DataLoader(new Stream()).dataset)).toThrow(TorchTypeError);
    expect(() => len(new DataLoader(new Stream()).dataset)).toThrow("object of type 'Stream' has no len()");
    expect(len(new DataLoader(new Squares(7), { batch_size: 2 }).dataset)).toBe(7);
  });

  test("for await yields a macrotask before each batch", async () => {
    const loader = new DataLoader(new Squares(6), { batch_size: 2 });
    const events: string[] = [];
    let i = 0;
    for await (const [x] of loader) {
      events.push(`batch${i++}:${list(x).join(",")}`);
      setImmediate(() => events.push(`tick${i}`));
    }
    expect(events).toEqual(["batch0:0,1", "tick1", "batch1:2,3", "tick2", "batch2:4,5", "tick3"]);
  });

  test("argument errors", () => {
    const ds = new Squares(4);
    expect(() => new DataLoader(ds, { sampler: [0, 1], shuffle: true })).toThrow("sampler option is mutually exclusive with shuffle");
    expect(() => new DataLoader(ds, { batch_sampler: [[0]], batch_size: 2 })).toThrow("batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last");
    expect(() => new DataLoader(ds, { batch_size: null, drop_last: true })).toThrow("batch_size=None option disables auto-batching and is mutually exclusive with drop_last");
    expect(() => new DataLoader(ds, { num_workers: -1 })).toThrow("num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.");
    expect(() => new DataLoader(ds, { timeout: -1 })).toThrow("timeout option should be non-negative");
    expect(() => new DataLoader(ds, { persistent_workers: true })).toThrow("persistent_workers option needs num_workers > 0");
    expect(() => new DataLoader(ds, { batch_size: 0 })).toThrow("batch_size should be a positive integer value, but got batch_size=0");
    expect(() => new DataLoader(ds, { batchsize: 2 } as never)).toThrow("DataLoader() got an unexpected keyword argument 'batchsize'");
    expect(() => new DataLoader(42 as never)).toThrow("DataLoader: dataset must be a Dataset");
    expect(new DataLoader(ds, { num_workers: 2 }).num_workers).toBe(2);
    expect(() => new DataLoader(ds, { prefetch_factor: 4 })).toThrow("prefetch_factor option could only be specified in multiprocessing.let num_workers > 0 to enable multiprocessing.");
    expect(() => new DataLoader(ds, { collate_fn: 3 as never })).toThrow("DataLoader: collate_fn must be a function");
    expect(() => new BatchSampler(3 as never, 2, false)).toThrow("BatchSampler: sampler must be an iterable of indices");
    expect(() => new TensorDataset(torch.tensor(1))).toThrow("TensorDataset(): tensor 0 is 0-d; each tensor needs a first dimension to index");
    expect(() => random_split(new Squares(4), [2, -1, 3])).toThrow("random_split(): lengths must be non-negative integers or fractions summing to 1, got [2, -1, 3]");
    expect(() => random_split(new Squares(4), ["2"] as never)).toThrow("random_split(): lengths must be an array of numbers");
    expect(() => default_collate([1, true])).toThrow("default_collate: sample 0 is a number but sample 1 is boolean");
  });

  test("the loader trains a tiny regression with falling loss", async () => {
    torch.manual_seed(0);
    const X = torch.randn(64, 3);
    const w = torch.tensor([[1.5], [-2.0], [0.5]]);
    const Y = X.matmul(w);
    const loader = new DataLoader(new TensorDataset(X, Y), { batch_size: 16, shuffle: true });
    const W = torch.zeros(3, 1, { requires_grad: true });
    const opt = new torch.optim.SGD([W], { lr: 0.1 });
    const losses: number[] = [];
    for (let epoch = 0; epoch < 5; epoch++) {
      let total = 0;
      for await (const [x, y] of loader) {
        opt.zero_grad();
        const loss = x.matmul(W).sub(y).pow(2).mean();
        loss.backward();
        opt.step();
        total += loss.item();
      }
      losses.push(total);
    }
    expect(losses[4]).toBeLessThan(losses[0] * 0.1);
  });
});

describe("WeightedRandomSampler", () => {
  const { WeightedRandomSampler } = torch.utils.data;
  test("draws in proportion to the weights, with replacement", () => {
    const s = new WeightedRandomSampler([1, 0, 3], 4000, { generator: new torch.Generator().manual_seed(5) });
    const counts = [0, 0, 0];
    for (const i of s) counts[i]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeGreaterThan(2.6);
    expect(counts[2] / counts[0]).toBeLessThan(3.4);
    expect(s.len()).toBe(4000);
  });
  test("without replacement each index appears at most once", () => {
    const drawn = [...new WeightedRandomSampler(torch.tensor([0.1, 0.9, 0.4, 0.7, 3.0, 0.6]), 6, { replacement: false })];
    expect([...drawn].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
  test("errors", () => {
    expect(() => new WeightedRandomSampler([1, 2], 0)).toThrow("num_samples should be a positive integer value, but got num_samples=0");
    expect(() => new WeightedRandomSampler(torch.ones(2, 2), 1)).toThrow("weights should be a 1d sequence but given weights have shape (2, 2)");
    expect(() => new WeightedRandomSampler([1, 0], 2, false)).toThrow("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
    expect(() => new WeightedRandomSampler([0, 0], 2)).toThrow("invalid multinomial distribution (sum of probabilities <= 0)");
  });
});

describe("samples print as PyTorch 1.13's (test/reference/gen_tuples.py)", () => {
  // A dataset's sample is Python's tuple; a DataLoader's batch of tuples is a list (default_collate, default_convert).
  let ds: InstanceType<typeof TensorDataset>;
  beforeAll(() => {
    ds = new TensorDataset(torch.arange(12, { dtype: torch.float32 }).reshape(6, 2), torch.arange(6));
  });
  test.each([
    ["ds[0]", () => ds.getitem(0)],
    ["ds[-1]", () => ds.getitem(-1)],
    ["ds[0:2]", () => ds.getitem("0:2")],
    ["Subset(ds, [3, 1])[0]", () => new Subset(ds, [3, 1]).getitem(0)],
    ["ConcatDataset([ds, ds])[7]", () => new ConcatDataset([ds, ds]).getitem(7)],
    ["next(iter(DataLoader(ds, batch_size=3)))", () => new DataLoader(ds, { batch_size: 3 })[Symbol.iterator]().next().value],
    ["list(DataLoader(ds, batch_size=None))[1]", () => [...new DataLoader(ds, { batch_size: null })][1]],
  ] as [keyof typeof tuplesRef, () => unknown][])("%s", (name, value) => {
    expect(pyStr(value())).toBe(tuplesRef[name]);
  });
  test("random_split's parts return tuples", () => {
    const parts = random_split(ds, [4, 2], new torch.Generator().manual_seed(0));
    expect(parts.map((p) => p.len())).toEqual(tuplesRef.split_len);
    expect(pyTypeName(parts[0].getitem(0))).toBe(tuplesRef["type(first[0])"]);
  });
});
