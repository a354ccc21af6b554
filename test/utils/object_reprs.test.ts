/**
 * The objects PyTorch prints by identity (DataLoader, Dataset, Sampler, LR schedulers) print as
 * PyTorch 1.13 prints them (test/reference/gen_object_reprs.py, object_reprs.json): print() and
 * String() give `<torch.utils.data.dataloader.DataLoader object at 0x...>`, a cell's value IPython's
 * `<torch.utils.data.dataloader.DataLoader at 0x...>`, a class written in the notebook is `__main__`'s,
 * and one with its own __repr__ / toString prints that. Addresses are made up, stable per object.
 */
import * as fs from "fs";
import * as path from "path";
import { inspect } from "util";
import { torch } from "../../src";
import { plainText } from "../../src/display/emitter";
import type { Tensor } from "../../src/torch";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "object_reprs.json"), "utf8")) as Record<string, { repr: string; str: string; ipython: string }>;
const { DataLoader, Dataset, TensorDataset, Subset, ConcatDataset, SequentialSampler, RandomSampler, SubsetRandomSampler, BatchSampler, WeightedRandomSampler } =
  torch.utils.data;
const mask = (s: string) => s.replace(/0x[0-9a-f]+/g, "0xADDR");

class MyData extends Dataset {
  __len__() {
    return 3;
  }
  __getitem__(i: number) {
    return i;
  }
}

class Described extends Dataset {
  __len__() {
    return 1;
  }
  __getitem__(i: number) {
    return i;
  }
  __repr__() {
    return "Described(n=1)";
  }
}

let objects: Record<string, object>;
beforeAll(async () => {
  await torch.ready();
  const ds = new TensorDataset(torch.arange(4), torch.arange(4));
  const net = new torch.nn.Linear(2, 2);
  const opt = new torch.optim.SGD(net.parameters(), { lr: 0.1 });
  objects = {
    TensorDataset: ds,
    Subset: new Subset(ds, [0, 1]),
    ConcatDataset: new ConcatDataset([ds, ds]),
    MyData: new MyData(),
    Described: new Described(),
    DataLoader: new DataLoader(ds, { batch_size: 2 }),
    SequentialSampler: new SequentialSampler(ds),
    RandomSampler: new RandomSampler(ds),
    SubsetRandomSampler: new SubsetRandomSampler([0, 1]),
    BatchSampler: new BatchSampler(new SequentialSampler(ds), 2, false),
    WeightedRandomSampler: new WeightedRandomSampler([0.5, 0.5], 2),
    StepLR: new torch.optim.lr_scheduler.StepLR(opt, 2),
    ExponentialLR: new torch.optim.lr_scheduler.ExponentialLR(opt, 0.9),
    ReduceLROnPlateau: new torch.optim.lr_scheduler.ReduceLROnPlateau(opt),
  };
});

describe("objects PyTorch prints by identity", () => {
  test.each(Object.keys(R).filter((k) => k !== "list"))("%s: print(), str() and the cell's value as PyTorch's", (name) => {
    const o = objects[name];
    expect(mask(inspect(o))).toBe(R[name].repr);
    expect(mask(String(o))).toBe(R[name].str);
    expect(mask(plainText(o))).toBe(R[name].ipython);
  });

  test("one object keeps one address; two objects have two", () => {
    const a = objects.DataLoader;
    expect(inspect(a)).toBe(String(a));
    const address = (o: object) => /0x[0-9a-f]{12}/.exec(String(o))?.[0];
    expect(address(objects.StepLR)).toBeDefined();
    expect(address(objects.StepLR)).not.toBe(address(objects.ExponentialLR));
    expect(plainText(a)).toContain(address(a));
  });

  test("a DataLoader still iterates, and a dataset's own printing in a loop is unchanged", () => {
    const dl = objects.DataLoader as InstanceType<typeof DataLoader>;
    const batches = [...dl] as Tensor[][];
    expect(batches.length).toBe(2);
    expect(String(batches[0][0])).toBe("tensor([0, 1])");
  });
});
