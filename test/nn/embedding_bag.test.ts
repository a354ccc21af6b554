/**
 * F.embedding_bag and nn.EmbeddingBag against PyTorch 1.13 (test/reference/gen_tutorials3.py, section
 * embedding_bag): every mode with and without include_last_offset, per_sample_weights and padding_idx,
 * forward and the gradients of weight and per_sample_weights; 2-D input; the module's init and repr;
 * the error paths.
 */
import { torch } from "../../src";
import { NotImplementedError, RuntimeError, ValueError } from "../../src/errors";
import { reference, expectTensor, Encoded } from "../tutorials/_tutorial";

const F = torch.nn.functional;
const R = reference("embedding_bag");
type Tensor = InstanceType<typeof torch.Tensor>;

const weight = () => torch.arange(30, { dtype: torch.float32 }).mul(0.37).sin().mul(0.1).reshape(10, 3);
let inp: Tensor;
let offsets: Tensor;
let psw: Tensor;
beforeAll(() => {
  inp = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9]);
  offsets = torch.tensor([0, 4, 4, 6]);
  psw = torch.tensor([0.5, -1.0, 2.0, 1.5, 0.25, 3.0, -0.5, 1.0]);
});
/** sum(out * [1, 2, ...]): every output element gets its own gradient. */
const weighted = (out: Tensor) => out.mul(torch.arange(1, out.numel() + 1, { dtype: torch.float32 }).reshape(out.shape)).sum();

interface Case {
  mode: "sum" | "mean" | "max";
  include_last_offset: boolean;
  psw: boolean;
  padding_idx: number | null;
  out: Encoded;
  grad: Encoded;
  psw_grad: Encoded | null;
}

describe("F.embedding_bag", () => {
  test.each((R.cases as Case[]).map((c) => [`mode=${c.mode} include_last_offset=${c.include_last_offset} psw=${c.psw} padding_idx=${c.padding_idx}`, c]))(
    "%s: output, weight grad and per_sample_weights grad",
    (_, c) => {
      const w = weight().requires_grad_();
      const p = c.psw ? psw.clone().requires_grad_() : null;
      const offs = c.include_last_offset ? torch.tensor([0, 4, 4, 6, 8]) : offsets;
      const out = F.embedding_bag(inp, w, offs, { mode: c.mode, include_last_offset: c.include_last_offset, per_sample_weights: p, padding_idx: c.padding_idx });
      weighted(out).backward();
      expectTensor(out, c.out, 1e-5);
      expectTensor(w.grad!, c.grad, 1e-5);
      if (c.psw) expectTensor(p!.grad!, c.psw_grad!, 1e-5);
    },
  );

  test.each(["sum", "mean", "max"] as const)("2-D input (fixed-length bags), mode=%s", (mode) => {
    const w = weight().requires_grad_();
    const out = F.embedding_bag(torch.tensor([[1, 2, 4], [4, 3, 9]]), w, { mode });
    weighted(out).backward();
    const want = R[`2d_${mode}`] as { out: Encoded; grad: Encoded };
    expectTensor(out, want.out, 1e-5);
    expectTensor(w.grad!, want.grad, 1e-5);
  });

  test("max with ties: the gradient goes to the bag's first index holding the max, as in PyTorch", () => {
    const w = weight();
    w.setitem(7, w.get(2));
    w.requires_grad_();
    const out = F.embedding_bag(torch.tensor([2, 7, 7, 2, 4, 4]), w, torch.tensor([0, 2, 4]), { mode: "max" });
    weighted(out).backward();
    const want = R.max_ties as { out: Encoded; grad: Encoded };
    expectTensor(out, want.out, 1e-5);
    expectTensor(w.grad!, want.grad, 1e-5);
  });

  test("mean is the default mode; offsets may come in the options, and every parameter positionally", () => {
    const a = F.embedding_bag(inp, weight(), offsets);
    const b = F.embedding_bag(inp, weight(), { offsets, mode: "mean" });
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    const c = (R.cases as Case[]).find((k) => k.mode === "sum" && !k.include_last_offset && k.psw && k.padding_idx === 4)!;
    expectTensor(F.embedding_bag(inp, weight(), offsets, null, 2, false, "sum", false, psw, false, 4), c.out, 1e-5);
    expect(() => F.embedding_bag(inp, weight(), offsets, { mode: "sum", bogus: 1 } as never)).toThrow("unexpected keyword argument 'bogus'");
  });

  test("errors name what is wrong, with PyTorch's class and message", () => {
    const E = R.errors as Record<string, [string, string]>;
    const w = weight();
    const inp2 = torch.tensor([[1, 2, 4], [4, 3, 9]]);
    const check = (f: () => unknown, cls: new (...a: never[]) => Error, want: [string, string], exact = true) => {
      expect(f).toThrow(cls);
      if (exact) expect(f).toThrow(want[1].split("\n")[0]);
    };
    check(() => F.embedding_bag(inp, w), ValueError, E["1d_no_offsets"]);
    check(() => F.embedding_bag(inp2, w, offsets), ValueError, E["2d_with_offsets"]);
    check(() => F.embedding_bag(inp2.unsqueeze(0), w), ValueError, E["3d"]);
    check(() => F.embedding_bag(inp, w, offsets, { mode: "mean", per_sample_weights: psw }), NotImplementedError, E.psw_mean);
    check(() => F.embedding_bag(inp, w, offsets, { mode: "sum", per_sample_weights: psw.narrow(0, 0, 3) }), ValueError, E.psw_shape);
    check(() => F.embedding_bag(inp, w, offsets, { mode: "min" as "sum" }), ValueError, E.bad_mode);
    check(() => F.embedding_bag(inp, w, torch.tensor([1, 4])), RuntimeError, E.offsets0);
    check(() => F.embedding_bag(inp, w, torch.tensor([0, 9])), RuntimeError, E.offsets_last);
    check(() => F.embedding_bag(torch.tensor([1, 10]), w, torch.tensor([0])), RuntimeError, E.index, false);
    expect(() => F.embedding_bag(torch.tensor([1, 10]), w, torch.tensor([0]))).toThrow("out of range");
    check(() => F.embedding_bag(torch.tensor([1, 2], { dtype: torch.float32 }), w, torch.tensor([0])), RuntimeError, E.float_input);
    expect(E.index[0]).toBe("RuntimeError");
  });
});

describe("nn.EmbeddingBag", () => {
  test("init from N(0, 1) with the seeded generator, repr, forward with offsets", () => {
    torch.manual_seed(0);
    const bag = new torch.nn.EmbeddingBag(10, 3, { mode: "max" });
    expect(String(bag)).toBe(R.module_repr);
    expect(String(new torch.nn.EmbeddingBag(10, 3, { mode: "sum", padding_idx: 0 }))).toBe(R.module_repr_sum_pad);
    expectTensor(bag.weight, R.module_weight as Encoded, 1e-5);
    expectTensor(bag(inp, offsets), R.module_out as Encoded, 1e-5);
  });

  test("the padding row starts at zero; bad options are refused", () => {
    const bag = new torch.nn.EmbeddingBag(5, 2, { padding_idx: -1 });
    expect(bag.padding_idx).toBe(4);
    expect(Array.from(bag.weight.get(4).dataSync()).every((v) => v === 0)).toBe(true);
    expect(() => new torch.nn.EmbeddingBag(5, 2, { mode: "min" as "sum" })).toThrow(ValueError);
    expect(() => new torch.nn.EmbeddingBag(5, 2, { padding_idx: 5 })).toThrow(ValueError);
    expect(() => new torch.nn.EmbeddingBag(5, 2, { sparse: true })).toThrow(NotImplementedError);
  });

  test("Embedding and EmbeddingBag take their sizes by keyword (nn.Embedding(num_embeddings=20, embedding_dim=4)), drawing the same table", () => {
    torch.manual_seed(0);
    const positional = new torch.nn.Embedding(20, 4).weight;
    torch.manual_seed(0);
    const kw = new torch.nn.Embedding({ num_embeddings: 20, embedding_dim: 4 });
    expect(kw.num_embeddings).toBe(20);
    expect(Array.from(kw.weight.dataSync())).toEqual(Array.from(positional.dataSync()));
    expect(new torch.nn.Embedding(5, { embedding_dim: 2, padding_idx: 1 }).padding_idx).toBe(1);
    torch.manual_seed(0);
    expect(String(new torch.nn.EmbeddingBag({ num_embeddings: 10, embedding_dim: 3, mode: "max" }))).toBe(R.module_repr);
    expect(() => new torch.nn.Embedding(5, 2, { num_embeddings: 6 } as never)).toThrow(/multiple values for argument 'num_embeddings'/);
  });
});
