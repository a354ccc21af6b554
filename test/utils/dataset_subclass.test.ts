import { torch } from "../../src";
import type { Tensor } from "../../src/torch";

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
    expect(ds.len()).toBe(5);
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
    expect(() => e.len()).toThrow(/object of type 'Empty' has no len\(\)/);
    expect(() => (e as unknown as { getitem(i: number): unknown }).getitem(0)).toThrow(torch.NotImplementedError);
    expect(() => (e as unknown as { __getitem__(i: number): unknown }).__getitem__(0)).toThrow(/defines neither getitem/);
  });
});
