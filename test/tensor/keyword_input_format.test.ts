import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";

// Zero to Mastery's "Learn PyTorch" writes these calls with keywords (test/tutorials/ztm_notebook.test.ts).
// Values are PyTorch 1.13's:
//   torch.zeros_like(input=torch.ones(2, 3, dtype=torch.int64))       -> tensor([[0, 0, 0], [0, 0, 0]])
//   torch.ones_like(input=torch.ones(2), dtype=torch.float64)        -> tensor([1., 1.], dtype=torch.float64)
//   torch.manual_seed(0); torch.rand_like(input=torch.ones(2))       -> [0.49625658988952637, 0.7682217955589294]
//   torch.manual_seed(0); torch.randn_like(input=torch.ones(2))      -> [1.5409960746765137, -0.293428897857666]
//   torch.manual_seed(seed=42); torch.rand(2)                        -> [0.8822692632675171, 0.9150039553642273]
//   format(torch.tensor(45.)), format(torch.tensor(450)), format(torch.tensor(True)) -> '45.0', '450', 'True'
//   format(torch.tensor(1e-5)), format(torch.tensor(0.1, requires_grad=True) * 3)   -> '9.999999747378752e-06', '0.30000001192092896'
//   format(torch.tensor([1., 2.]))                                   -> 'tensor([1., 2.])'
describe("the *_like functions take `input` as a keyword", () => {
  it("zeros_like / ones_like / empty_like: the input's shape and dtype, other keywords beside it", () => {
    const z = torch.zeros_like({ input: torch.ones(2, 3, { dtype: torch.int64 }) });
    expect([z.shape, String(z.dtype), z.tolist()]).toEqual([[2, 3], "torch.int64", [[0, 0, 0], [0, 0, 0]]]);
    const o = torch.ones_like({ input: torch.ones(2), dtype: torch.float64 });
    expect([String(o.dtype), o.tolist()]).toEqual(["torch.float64", [1, 1]]);
    expect(torch.empty_like({ input: torch.ones(1, 2) }).shape).toEqual([1, 2]);
  });

  it("rand_like / randn_like draw as PyTorch's from the same seed", () => {
    torch.manual_seed(0);
    expect(torch.rand_like({ input: torch.ones(2) }).tolist()).toEqual([0.49625658988952637, 0.7682217955589294].map(Math.fround));
    torch.manual_seed(0);
    const n = torch.randn_like({ input: torch.ones(2) }).tolist() as number[];
    [1.5409960746765137, -0.293428897857666].forEach((v, i) => expect(n[i]).toBeCloseTo(v, 6));
  });

  it("an options object without a tensor `input` is PyTorch's TypeError", () => {
    expect(() => torch.zeros_like({ input: [1, 2] } as never)).toThrow("zeros_like(): argument 'input' must be Tensor");
  });
});

describe("seeding with keywords and through torch.random", () => {
  it("manual_seed({seed}) and torch.random.manual_seed give PyTorch's draws", () => {
    torch.manual_seed({ seed: 42 });
    const a = torch.rand(2);
    torch.random.manual_seed({ seed: 42 });
    const b = torch.rand(2);
    expect(a.tolist()).toEqual([0.8822692632675171, 0.9150039553642273].map(Math.fround));
    expect(torch.equal(a, b)).toBe(true);
    expect(torch.random.initial_seed()).toBe(42);
  });
});

describe("torch.save(obj=..., f=...) and torch.load(f=...)", () => {
  it("round-trips a state_dict through the keyword forms; save without f is PyTorch's TypeError", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-kw-"));
    const f = path.join(dir, "m.pth");
    const sd = { w: torch.tensor([1.5, -2]) };
    torch.save({ obj: sd, f });
    const back = torch.load({ f }) as Record<string, torch.Tensor>;
    expect(back.w.tolist()).toEqual([1.5, -2]);
    expect(() => torch.save(sd)).toThrow("save() missing 1 required positional argument: 'f'");
    fs.rmSync(dir, { recursive: true });
  });
});

describe("Tensor.__format__: what an f-string's {t} shows", () => {
  it("a 0-d tensor as its Python number, any other as str(t)", () => {
    expect(torch.tensor(45, { dtype: torch.float32 }).__format__()).toBe("45.0");
    expect(torch.tensor(450).__format__()).toBe("450");
    expect(torch.tensor(true).__format__()).toBe("True");
    expect(torch.tensor(1e-5).__format__()).toBe("9.999999747378752e-06");
    expect(torch.tensor(0.1, { requires_grad: true }).mul(3).__format__()).toBe("0.30000001192092896");
    expect(torch.tensor([1, 2], { dtype: torch.float32 }).__format__()).toBe("tensor([1., 2.])");
  });
});
