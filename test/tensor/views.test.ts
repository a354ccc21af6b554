/**
 * Views write through, against PyTorch 1.13 (fixtures by test/reference/gen_views.py): every view
 * op, in-place ops through them, the base's later writes seen by the view, views of views,
 * setitem / index_put_ / scatter, and gradients through in-place writes on views.
 */
import { torch } from "../../src";
import { build, expectClose, readReference, type Encoded } from "./fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;

interface ViewCase {
  name: string;
  py: string;
  ts: string;
  grad: boolean;
  out: Encoded[];
  grad_x?: Encoded;
}

const ref = readReference<{ inputs: Record<string, Encoded>; cases: ViewCase[] }>("views_cases.json");

function run(c: ViewCase): { outs: Tensor[]; x: Tensor } {
  const x = build(ref.inputs.x, c.grad);
  const x3 = build(ref.inputs.x3);
  const w = build(ref.inputs.w);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const f = new Function("torch", "x", "x3", "w", `"use strict";\n${c.ts}`) as (...a: unknown[]) => Tensor[];
  return { outs: f(torch, x, x3, w), x };
}

describe("views and in-place writes match PyTorch", () => {
  for (const c of ref.cases) {
    test(`${c.name}: ${c.py.replace(/\n/g, "; ")}`, () => {
      const { outs, x } = run(c);
      expect(outs.length).toBe(c.out.length);
      outs.forEach((o, i) => expectClose(`${c.name} out[${i}]`, o, c.out[i]));
      if (c.grad) {
        const w = build(ref.inputs.w);
        const first = outs[0];
        (first.shape.equals([3, 4]) ? first.mul(w) : first).sum().backward();
        expectClose(`${c.name} x.grad`, x.grad!, c.grad_x!);
      }
    });
  }
});

describe("the tensors tutorial, literally", () => {
  test("tensor[:,1] = 0 prints as PyTorch prints it", () => {
    const tensor = torch.ones(4, 4);
    expect(`First row: ${tensor.get(0)}`).toBe("First row: tensor([1., 1., 1., 1.])");
    expect(`First column: ${tensor.index(":, 0")}`).toBe("First column: tensor([1., 1., 1., 1.])");
    expect(`Last column: ${tensor.index("..., -1")}`).toBe("Last column: tensor([1., 1., 1., 1.])");
    tensor.setitem(":,1", 0);
    expect(String(tensor)).toBe("tensor([[1., 0., 1., 1.],\n        [1., 0., 1., 1.],\n        [1., 0., 1., 1.],\n        [1., 0., 1., 1.]])");
  });
});

describe("a view keeps its dtype through in-place writes", () => {
  // Storages of float64, int64 and uint8 hold float32 / int32 buffers; a view re-derived after a write
  // read its dtype from the new buffer (float64 -> float32, uint8 -> int64) until this was fixed.
  test.each([
    ["float64", torch.float64],
    ["int64", torch.int64],
    ["uint8", torch.uint8],
    ["int16", torch.int16],
  ] as const)("%s: x.view(...).add_(1), x.narrow(0, 0, 2).mul_(2), a write to the base seen through the view", (_name, dtype) => {
    const x = torch.ones([2, 3], { dtype });
    const v = x.view(6);
    v.add_(1);
    expect(String(v.dtype)).toBe(String(dtype));
    expect(String(x.dtype)).toBe(String(dtype));
    const e = x.narrow(0, 0, 2);
    e.mul_(2);
    expect(String(e.dtype)).toBe(String(dtype));
    x.add_(1);
    expect(String(v.dtype)).toBe(String(dtype));
    expect(v.tolist()).toEqual([5, 5, 5, 5, 5, 5]);
  });

  test("torch.from_numpy(t.numpy()) of a float64 tensor stays float64 after add_ (pytorch-book chapter 2)", () => {
    const b = torch.from_numpy(torch.ones(5, { dtype: torch.float64 }).numpy());
    b.add_(1);
    expect(String(b.dtype)).toBe("torch.float64");
    expect(String(b.select(0, 0).dtype)).toBe("torch.float64");
  });
});
