/**
 * torch.distributions.multinomial.Multinomial (Dive into Deep Learning's probability chapter) and
 * the two conversions that chapter_preliminaries' ndarray section leans on: `torch.tensor(X.numpy())`
 * and `Number(a)` as Python's `float(a)`. Reference: test/reference/gen_d2l_preliminaries.py (extras).
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";

const X = (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "d2l_preliminaries.json"), "utf8")) as Record<string, Record<string, unknown>>).extras;
const { multinomial } = torch.distributions;

function close(got: unknown, want: unknown): void {
  const g = (got as number[]).flat(3) as number[];
  const w = (want as number[]).flat(3) as number[];
  expect(g.length).toBe(w.length);
  g.forEach((v, i) => expect(Math.abs(v - w[i])).toBeLessThan(1e-5 * Math.max(1, Math.abs(w[i]))));
}

test("PyTorch's module paths torch.distributions.multinomial.Multinomial and torch.distributions.categorical.Categorical", () => {
  expect(torch.distributions.multinomial.Multinomial).toBe(torch.distributions.Multinomial);
  expect(torch.distributions.categorical.Categorical).toBe(torch.distributions.Categorical);
});

describe("Multinomial", () => {
  const make = () => new multinomial.Multinomial(5, { logits: torch.tensor([[0, 1, 2], [1, 1, -1]], { dtype: torch.float32 }) });

  test("batched logits: seeded samples [4, 2, 3] are PyTorch's counts", () => {
    torch.manual_seed(1);
    const s = make().sample([4]);
    expect(s.shape).toEqual(X.batch_sample_shape);
    expect(s.tolist()).toEqual(X.batch_sample);
  });

  test("log_prob, mean, variance; expand", () => {
    const m = make();
    close(m.log_prob(torch.tensor([[0, 2, 3], [1, 4, 0]], { dtype: torch.float32 })).tolist(), X.log_prob);
    close(m.mean.tolist(), X.mean);
    close(m.variance.tolist(), X.variance);
    expect(m.expand([3, 2]).sample().shape).toEqual(X.expand_sample);
  });

  test("errors: a fractional total_count, neither probs nor logits, a value outside the support", () => {
    const [c1, m1] = X.not_int as string[];
    expect(() => new multinomial.Multinomial(1.5, torch.ones(3))).toThrow(new torch.NotImplementedError(m1));
    expect(c1).toBe("NotImplementedError");
    const [, m2] = X.neither as string[];
    expect(() => new multinomial.Multinomial(3)).toThrow(new torch.ValueError(m2));
    const [, m3] = X.outside_support as string[];
    const m = new multinomial.Multinomial(3, torch.ones(3), { validate_args: true });
    expect(() => m.log_prob(torch.tensor([-1, 2, 2], { dtype: torch.float32 }))).toThrow(new torch.ValueError(m3));
  });
});

describe("ndarray round trips", () => {
  test("Number(a) is float(a) for one element, PyTorch's ValueError for more; strings keep the print", () => {
    const a = torch.tensor([3.5]);
    expect([Number(a), Math.trunc(Number(torch.tensor(-3.7)))]).toEqual([3.5, -3]);
    expect(`${a}`).toBe("tensor([3.5000])");
    expect("a = " + a).toBe("a = tensor([3.5000])");
    const [, msg] = X.float_of_many as string[];
    expect(() => Number(torch.ones(2))).toThrow(torch.ValueError);
    expect(() => Number(torch.ones(2))).toThrow(msg);
  });

  test("torch.tensor(X.numpy()) copies with the dtype kept; requires_grad applies", () => {
    const [intRepr, intDtype] = X.tensor_of_numpy_int as string[];
    const i = torch.tensor(torch.arange(4).reshape(2, 2).numpy());
    expect(String(i)).toBe(intRepr);
    expect(String(torch.tensor(torch.arange(4).numpy()).dtype)).toBe(intDtype);
    const f = torch.tensor(torch.arange(6, { dtype: torch.float32 }).reshape(2, 3).numpy(), { requires_grad: true });
    expect(String(f)).toBe(X.tensor_of_numpy_float);
  });
});
