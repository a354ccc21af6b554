import { torch } from "../../src";
import type { Tensor } from "../../src/torch";
import { SRC, cellsDiagnostics } from "../cell_types";

const { DataLoader, Dataset, Subset, random_split, len } = torch.utils.data;

// A literal port of the PyTorch "data" tutorial's custom dataset shape: no type argument, dunder names.
class PyStyle extends Dataset {
  constructor(private readonly xs: Tensor, private readonly ys: number[]) {
    super();
  }
  __len__() {
    return this.ys.length;
  }
  __getitem__(idx: number): [Tensor, number] {
    return [this.xs.get(idx), this.ys[idx]];
  }
}

class TsStyle extends Dataset {
  len() {
    return 4;
  }
  getitem(i: number) {
    return { x: i, y: i * i };
  }
}

describe("Dataset subclasses", () => {
  test("__getitem__/__len__ work everywhere getitem/len do", () => {
    const ds = new PyStyle(torch.arange(10).float().reshape(5, 2), [0, 1, 0, 1, 1]);
    expect(len(ds)).toBe(5);
    // `len` is absent from Dataset's type (a subclass may hold a field of that name); it runs.
    expect((ds as unknown as { len(): number }).len()).toBe(5);
    expect(ds.length).toBe(5);
    const [x, y] = (ds as unknown as { getitem(i: number): [Tensor, number] }).getitem(2);
    expect(x.tolist()).toEqual([4, 5]);
    expect(y).toBe(0);
    expect([...ds].map(([, label]) => label)).toEqual([0, 1, 0, 1, 1]);
    const batches = [...new DataLoader(ds, { batch_size: 2 })];
    expect(batches.length).toBe(3);
    const [bx, by] = batches[0];
    expect(bx.tolist()).toEqual([[0, 1], [2, 3]]);
    expect(by.tolist()).toEqual([0, 1]);
    expect(new Subset(ds, [4, 0]).getitem(0)[1]).toBe(1);
    const [a, b] = random_split(ds, [3, 2], { generator: new torch.Generator().manual_seed(0) });
    expect(a.len() + b.len()).toBe(5);
  });

  test("getitem/len subclasses get __getitem__/__len__ too; sample types are inferred", () => {
    const ds = new TsStyle();
    expect(ds.__len__()).toBe(4);
    expect((ds as unknown as { __getitem__(i: number): { x: number } }).__getitem__(3)).toEqual({ x: 3, y: 9 });
    for (const batch of new DataLoader(ds, { batch_size: 4 })) {
      // Typed as {x: Tensor, y: Tensor} without a type argument on Dataset.
      expect(batch.y.tolist()).toEqual([0, 1, 4, 9]);
    }
  });

  test("a subclass defining neither accessor fails loudly, as PyTorch's base class does", () => {
    class Empty extends Dataset {}
    const e = new Empty();
    expect(() => (e as unknown as { len(): number }).len()).toThrow(/object of type 'Empty' has no len\(\)/);
    expect(() => len(e)).toThrow(/object of type 'Empty' has no len\(\)/);
    expect(() => (e as unknown as { getitem(i: number): unknown }).getitem(0)).toThrow(torch.NotImplementedError);
    expect(() => (e as unknown as { __getitem__(i: number): unknown }).__getitem__(0)).toThrow(/defines neither getitem/);
  });
});

// 刘二大人's lecture 08: `self.len = xy.shape[0]` beside `def __len__(self): return self.len`. In PyTorch the
// field is plain data; everything that sizes the dataset calls __len__.
class Diabetes extends Dataset {
  len: number;
  x_data: Tensor;
  y_data: Tensor;
  constructor(n: number) {
    super();
    this.len = n;
    this.x_data = torch.arange(n * 2).float().reshape(n, 2);
    this.y_data = torch.arange(n).float().mul(3).add(2).reshape(n, 1);
  }
  __getitem__(index: number): [Tensor, Tensor] {
    return [this.x_data.get(index), this.y_data.get(index)];
  }
  __len__() {
    return this.len;
  }
}

describe("a Dataset subclass with a number field named len (or getitem)", () => {
  test("everything that sizes or reads the dataset uses __len__ / __getitem__", () => {
    const ds = new Diabetes(5);
    expect(ds.len).toBe(5);
    expect(len(ds)).toBe(5);
    expect(ds.__len__()).toBe(5);
    expect(ds.length).toBe(5);
    expect([...ds].map(([, y]) => y.item())).toEqual([2, 5, 8, 11, 14]);
    const loader = new DataLoader(ds, { batch_size: 2, shuffle: true, generator: new torch.Generator().manual_seed(0) });
    expect(len(loader)).toBe(3);
    const seen = [...loader].flatMap(([, y]) => (y.tolist() as number[][]).map((r) => r[0]));
    expect(seen.sort((a, b) => a - b)).toEqual([2, 5, 8, 11, 14]);
    expect(len(new torch.utils.data.SequentialSampler(ds))).toBe(5);
    expect([...new torch.utils.data.RandomSampler(ds, { generator: new torch.Generator().manual_seed(1) })].sort()).toEqual([0, 1, 2, 3, 4]);
    const [a, b] = random_split(ds, [0.6, 0.4], { generator: new torch.Generator().manual_seed(0) });
    expect([len(a), len(b)]).toEqual([3, 2]);
    const sub = new Subset(ds, [4, 1]);
    expect([len(sub), sub.getitem(0)[1].item()]).toEqual([2, 14]);
    const both = new torch.utils.data.ConcatDataset([ds, new Diabetes(2)]);
    expect([len(both), both.getitem(6)[1].item()]).toEqual([7, 5]);
    expect(len(ds.add(new Diabetes(1)))).toBe(6);
  });

  test("a getitem field beside __getitem__; a len field without __len__ is Python's TypeError", () => {
    class Tagged extends Dataset {
      getitem = 3;
      __len__() {
        return 2;
      }
      __getitem__(i: number) {
        return i * this.getitem;
      }
    }
    const t = new Tagged();
    expect([...t]).toEqual([0, 3]);
    expect([...new DataLoader(t, { batch_size: 2 })][0].tolist()).toEqual([0, 3]);
    expect(new Subset(t, [1]).getitem(0)).toBe(3);
    class NoLen extends Dataset {
      len = 4;
      __getitem__(i: number) {
        return i;
      }
    }
    expect(() => len(new NoLen())).toThrow(/object of type 'NoLen' has no len\(\)/);
    // PyTorch builds the loader and fails in the sampler's len(data_source) when iterated.
    expect(() => [...new DataLoader(new NoLen())]).toThrow(/object of type 'NoLen' has no len\(\)/);
  });
});

describe("DataLoader.dataset keeps its dataset's type", () => {
  // `img, label = train_loader.dataset[0]` in a cell was a run-time TypeError ("dataset[0] is not
  // supported outside a notebook cell"): the loader typed its dataset as a union, so the dialect's
  // `ds[i]` on a Dataset did not apply.
  test("the loader's dataset is the object given, typed as given", () => {
    const ds = new PyStyle(torch.arange(6).float().reshape(3, 2), [1, 0, 1]);
    const loader = new DataLoader(ds, { batch_size: 2 });
    expect(loader.dataset).toBe(ds);
    const tds = new torch.utils.data.TensorDataset(torch.arange(4), torch.arange(4).mul(2));
    expect(new DataLoader(tds, 2).dataset.tensors[1].tolist()).toEqual([0, 2, 4, 6]);
  });

  test("in a cell: loader.dataset's own members and elements type-check; the loader still types its batches", () => {
    const cell = `
import { torch } from "${SRC}";
import { FakeData } from "${SRC}/torchvision/datasets";
const ds = new FakeData({ size: 4, image_size: [1, 2, 2], num_classes: 3 });
const loader = new torch.utils.data.DataLoader(ds, { batch_size: 2 });
const same: FakeData = loader.dataset;
const tds = new torch.utils.data.TensorDataset(torch.randn(4, 2), torch.arange(4));
const tloader = new torch.utils.data.DataLoader(tds, 2, true);
const first: torch.Tensor = tloader.dataset.tensors[0];
for (const [xb, yb] of tloader) { const a: torch.Tensor = xb; const b: torch.Tensor = yb; void [a, b]; }
function train(l: torch.utils.data.DataLoader<torch.Tensor[], torch.Tensor[]>) { return l.dataset; }
train(tloader);
// @ts-expect-error a TensorDataset's loader holds no FakeData
const wrong: FakeData = tloader.dataset;
void [same, first, wrong];
`;
    const lenField = `
import { torch } from "${SRC}";
class DiabetesDataset extends torch.utils.data.Dataset {
  len: number;
  getitem: string;
  constructor() {
    super();
    this.len = 3;
    this.getitem = "data";
  }
  __getitem__(index: number): [number, number] { return [index, index * 2]; }
  __len__() { return this.len; }
}
const ds = new DiabetesDataset();
const n: number = torch.utils.data.len(ds) + ds.length + ds.len;
for (const [x, y] of new torch.utils.data.DataLoader(ds, { batch_size: 2 })) { const a: torch.Tensor = x; void [a, y]; }
void n;
`;
    // 刘二大人's lecture 08: a field named len (and one named getitem) beside __len__ / __getitem__.
    expect(cellsDiagnostics({ "dataset_type.ts": cell, "dataset_len_field.ts": lenField })).toEqual({ "dataset_type.ts": [], "dataset_len_field.ts": [] });
  });
});
