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
