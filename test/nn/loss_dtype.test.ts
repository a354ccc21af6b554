/**
 * The dtype of a loss whose input and target dtypes differ, as PyTorch 1.13 gives it.
 * binary_cross_entropy_with_logits builds its loss in place on `(1 - target)`, so the loss has the
 * target's dtype (Godoy's chapter 3 feeds float64 logits, made from NumPy's np.log, against float32
 * labels and shows `tensor(0.1643)`); the gradient keeps the input's dtype. Values below are PyTorch's
 * (`F.binary_cross_entropy_with_logits(x, t)` with x = [2.1972, -1.3863, 0.5] float64, t = [1, 0, 1]).
 */
import { torch } from "../../src";

const F = torch.nn.functional;

describe("binary_cross_entropy_with_logits: the loss has the target's dtype", () => {
  test("float64 logits, float32 target: a float32 loss, a float64 gradient", () => {
    const x = torch.tensor([2.1972, -1.3863, 0.5], { dtype: torch.float64, requires_grad: true });
    const t = torch.tensor([1, 0, 1], { dtype: torch.float32 });
    const loss = F.binary_cross_entropy_with_logits(x, t);
    expect(String(loss.dtype)).toBe("torch.float32");
    expect(loss.item()).toBeCloseTo(0.2675274610519409, 6);
    loss.backward();
    expect(String(x.grad!.dtype)).toBe("torch.float64");
    Array.from(x.grad!.dataSync()).forEach((g, i) => expect(g).toBeCloseTo([-0.03333407066066851, 0.06666636592690292, -0.1258468895993818][i], 6));
    expect(String(new torch.nn.BCEWithLogitsLoss()(x, t))).toBe("tensor(0.2675, grad_fn=<BinaryCrossEntropyWithLogitsBackward0>)");
  });

  test("float32 logits, float64 target with pos_weight: a float64 loss", () => {
    const x = torch.tensor([2.1972, -1.3863, 0.5]);
    const t = torch.tensor([1, 0, 1], { dtype: torch.float64 });
    const loss = F.binary_cross_entropy_with_logits(x, t, { pos_weight: torch.tensor([3.0]) });
    expect(String(loss.dtype)).toBe("torch.float64");
    expect(loss.item()).toBeCloseTo(0.6538207034269968, 6);
  });
});
