/**
 * Silent misuse of DataLoader (issue 15, items 11, 12): a dataset whose len() is not a
 * non-negative integer raises what Python's len() raises (messages checked with PyTorch 1.13),
 * and a sampler that overruns an array dataset raises IndexError, as a Python list does.
 */
import { torch } from "../../src";
import { IndexError, ValueError } from "../../src/errors";

const { DataLoader, Dataset, RandomSampler } = torch.utils.data;

class Sized extends Dataset<number> {
  constructor(private readonly n: unknown) {
    super();
  }
  len(): number {
    return this.n as number;
  }
  getitem(i: number): number {
    return i;
  }
}

/** Counts batches, giving up (rather than hanging) past 100. */
function batches(loader: Iterable<unknown>): number {
  let n = 0;
  for (const _ of loader) if (++n > 100) break;
  return n;
}

describe("DataLoader over a dataset with a bad len()", () => {
  test.each([
    [-1, ValueError, "__len__() should return >= 0"],
    [NaN, TypeError, "'float' object cannot be interpreted as an integer"],
    [2.5, TypeError, "'float' object cannot be interpreted as an integer"],
    ["3", TypeError, "'str' object cannot be interpreted as an integer"],
    [Infinity, TypeError, "'float' object cannot be interpreted as an integer"],
    [undefined, TypeError, "'NoneType' object cannot be interpreted as an integer"],
  ])("len() = %p raises as in PyTorch", (n, type, message) => {
    const loader = new DataLoader(new Sized(n), { batch_size: 2 });
    expect(() => batches(loader)).toThrow(type);
    expect(() => batches(loader)).toThrow(message);
    expect(() => loader.len()).toThrow(message);
    expect(() => batches(new DataLoader(new Sized(n), { batch_size: null }))).toThrow(message);
    expect(() => new RandomSampler(new Sized(n))).toThrow(message);
  });

  test("a good len() still gives its batches", () => {
    const loader = new DataLoader(new Sized(5), { batch_size: 2 });
    expect(batches(loader)).toBe(3);
    expect(loader.len()).toBe(3);
  });
});

describe("a sampler index past an array dataset", () => {
  test("raises IndexError: list index out of range, as a Python list", () => {
    expect(() => [...new DataLoader([1, 2, 3], { sampler: [0, 5] })]).toThrow(IndexError);
    expect(() => [...new DataLoader([1, 2, 3], { batch_size: 2, sampler: [0, 5] })]).toThrow("list index out of range");
    expect(() => [...new DataLoader([1, 2, 3], { batch_size: 2, sampler: [0, 1.5] })]).toThrow("list indices must be integers or slices, not float");
  });

  test("negative indices count from the end, as in Python", () => {
    const [batch] = [...new DataLoader([10, 20, 30], { batch_size: 2, sampler: [-1, 0] })] as unknown as { dataSync(): Int32Array }[];
    expect(Array.from(batch.dataSync())).toEqual([30, 10]);
  });
});

describe("every argument a keyword: DataLoader(dataset=ds, batch_size=2, shuffle=True)", () => {
  test("{dataset, batch_size, shuffle} is the positional call", () => {
    torch.manual_seed(0);
    const a = [...new DataLoader({ dataset: [1, 2, 3, 4, 5], batch_size: 2, shuffle: true })].map((b) => Array.from((b as unknown as { dataSync(): Int32Array }).dataSync()));
    torch.manual_seed(0);
    const b = [...new DataLoader([1, 2, 3, 4, 5], 2, true)].map((b) => Array.from((b as unknown as { dataSync(): Int32Array }).dataSync()));
    expect(a).toEqual(b);
    expect(new DataLoader({ dataset: [1, 2, 3] }).batch_size).toBe(1);
  });

  test("a keyword dataset with more arguments after it, an unknown keyword, a dataset that is none", () => {
    expect(() => new DataLoader({ dataset: [1, 2, 3] } as never, 2 as never)).toThrow("DataLoader(): with the dataset given as a keyword ({dataset, ...}), every other argument goes in that same options object");
    expect(() => new DataLoader({ dataset: [1, 2, 3], batchsize: 2 } as never)).toThrow("DataLoader() got an unexpected keyword argument 'batchsize'");
    expect(() => new DataLoader({ dataset: 5 } as never)).toThrow("DataLoader: dataset must be a Dataset (an object with getitem(index) and len()), an IterableDataset or an array; got number");
  });
});
