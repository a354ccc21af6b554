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
