/**
 * nn.Linear's PyTorch signature Linear(in_features, out_features, bias=True, device=None, dtype=None):
 * a subclass's super(in_features, out_features, bias, device, dtype) (pytorch/examples
 * mnist_forward_forward's Layer) type-checks and runs, and a float64 layer keeps float64 parameters
 * through its default init (init's fill replaced a float64 tensor's data with float32 values).
 */
import { torch } from "../../src";

const { nn } = torch;

class Layer extends nn.Linear {
  constructor(in_features: number, out_features: number, bias = true, device: string | null = null, dtype: InstanceType<typeof torch.dtype> | null = null) {
    super(in_features, out_features, bias, device, dtype);
  }
}

test("Linear takes device and dtype positionally, as a subclass passes them to super", () => {
  const l = new Layer(4, 3);
  expect(l.weight.shape).toEqual([3, 4]);
  expect(String(l.weight.dtype)).toBe("torch.float32");
  const d = new Layer(4, 3, false, "cpu", torch.float64);
  expect(String(d.weight.dtype)).toBe("torch.float64");
  expect(d.bias).toBeNull();
  expect(() => new nn.Linear(2, 3, true, null, null, { bias: false })).toThrow("Linear() got multiple values for argument 'bias'");
});

test("float64 layers keep float64 parameters through their default init (dtype given as torch.float64)", () => {
  expect(String(new nn.Linear(2, 3, { dtype: torch.float64 }).weight.dtype)).toBe("torch.float64");
  expect(String(new nn.Linear(2, 3, { dtype: torch.float64 }).bias!.dtype)).toBe("torch.float64");
  expect(String(new nn.Conv2d(2, 3, 1, { dtype: torch.float64 }).weight.dtype)).toBe("torch.float64");
  const w = torch.empty([3, 2], { dtype: torch.float64 });
  nn.init.kaiming_uniform_(w, { a: Math.sqrt(5) });
  expect(String(w.dtype)).toBe("torch.float64");
  expect(w.abs().max().item()).toBeLessThanOrEqual(1 / Math.sqrt(2));
});
