/**
 * Every error path of setitem / index_put_ / scatter / scatter_add / addmm, with PyTorch 1.13's
 * messages for the same calls (quoted in each expectation) and the shapes named.
 */
import { torch } from "../../src";

type Tensor = InstanceType<typeof torch.Tensor>;

describe("scatter errors", () => {
  const x = () => torch.zeros(3, 4);
  test.each<[string, () => unknown, RegExp]>([
    ["index out of range", () => x().scatter(0, torch.tensor([[5]]), 1.5), /index 5 is out of bounds for dimension 0 with size 3/],
    ["negative index", () => x().scatter(1, torch.tensor([[-1]]), 1.5), /index -1 is out of bounds for dimension 1 with size 4/],
    ["index rank", () => x().scatter(0, torch.tensor([1]), 1.5), /Index tensor must have the same number of dimensions as self tensor \(index \[1\], self \[3, 4\]\)/],
    ["src rank", () => x().scatter(0, torch.tensor([[1]]), torch.ones(1)), /Index tensor must have the same number of dimensions as src tensor/],
    ["float index", () => x().scatter(0, torch.tensor([[0.5]]), 1.5), /scatter\(\): Expected dtype int64/],
    ["unknown reduce", () => x().scatter(0, torch.tensor([[0]]), 1.5, { reduce: "max" as "add" }), /reduce argument must be either add or multiply/],
    ["index larger than src", () => x().scatter_add(0, torch.tensor([[0, 0, 0, 0, 0]]), torch.ones(1, 4)), /Expected index \[1, 5\] to be smaller than self \[3, 4\] apart from dimension 0 and to be smaller size than src \[1, 4\]/],
    ["scatter_add src not a tensor", () => x().scatter_add(0, torch.tensor([[0]]), 1 as unknown as Tensor), /scatter_add\(\): argument 'src' must be Tensor/],
    ["dim out of range", () => x().scatter(2, torch.tensor([[0]]), 1.5), /Dimension out of range/],
  ])("%s", (_name, f, msg) => {
    expect(f).toThrow(msg);
  });

  test("reduce has no gradient: refused when an input requires grad", () => {
    const w = torch.ones(3, 4, { requires_grad: true });
    expect(() => w.scatter(0, torch.tensor([[0]]), 2, { reduce: "multiply" })).toThrow(torch.NotImplementedError);
  });
});

describe("index_put_ and setitem errors", () => {
  test("dtype mismatch, as PyTorch's message", () => {
    expect(() => torch.zeros(3, 4).index_put_([torch.tensor([0])], torch.tensor([1]))).toThrow(
      "Index put requires the source and destination dtypes match, got Float for the destination and Long for the source.",
    );
  });

  test("values that do not broadcast to the indexed shape", () => {
    expect(() => torch.zeros(3, 4).index_put_([torch.tensor([0, 1])], torch.ones(3))).toThrow(torch.ShapeError);
    expect(() => torch.zeros(3, 4).index_put_([torch.tensor([0, 1])], torch.ones(3))).toThrow(/shape mismatch: value tensor of shape \[3\] cannot be broadcast to indexing result of shape \[2, 4\]/);
    expect(() => torch.zeros(3, 4).setitem(":, 1", torch.ones(2))).toThrow(
      "The expanded size of the tensor (3) must match the existing size (2) at non-singleton dimension 0.  Target sizes: [3].  Tensor sizes: [2]",
    );
  });

  test("bad indices and values", () => {
    expect(() => torch.zeros(3).index_put_([torch.tensor([0.5])], torch.tensor(1.5))).toThrow(/must be long, byte or bool tensors/);
    expect(() => torch.zeros(3).index_put_([[0] as unknown as Tensor], torch.tensor(1.5))).toThrow(TypeError);
    expect(() => torch.zeros(3).index_put_(torch.tensor([0]) as unknown as Tensor[], torch.tensor(1.5))).toThrow(/indices must be a tuple/);
    expect(() => torch.zeros(3).setitem(0, "1" as unknown as number)).toThrow(/setitem\(\): value must be a Tensor or a number/);
    expect(() => torch.zeros(3).setitem(torch.tensor([5]), 1)).toThrow(/index 5 is out of bounds for dimension 0 with size 3/);
    expect(() => torch.zeros(3).setitem("0, 1", 1)).toThrow(/too many indices for tensor of dimension 1/);
  });

  test("setitem with tensor indices keeps PyTorch's dtype rule; basic indexing casts", () => {
    const t = torch.tensor([1, 2, 3]);
    expect(() => t.setitem(torch.tensor([0]), torch.tensor([7.9]))).toThrow("Index put requires the source and destination dtypes match, got Long for the destination and Float for the source.");
    t.setitem("0:1", torch.tensor([7.9])); // PyTorch: t[0:1] = torch.tensor([7.9]) -> tensor([7, 2, 3])
    expect(Array.from(t.dataSync())).toEqual([7, 2, 3]);
    t.setitem(t.gt(2), 0); // a number value takes the tensor's dtype
    expect(Array.from(t.dataSync())).toEqual([0, 2, 0]);
  });
});

describe("addmm errors", () => {
  test("shapes", () => {
    expect(() => torch.addmm(torch.zeros(2), torch.ones(2, 3), torch.ones(4, 2))).toThrow("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x2)");
    expect(() => torch.addmm(torch.zeros(3), torch.ones(2, 3), torch.ones(3, 2))).toThrow(/input of shape \[3\] cannot be broadcast to the product's shape \[2, 2\]/);
    expect(() => torch.addmm(torch.zeros(2), torch.ones(3), torch.ones(3, 2))).toThrow(/mat1 must be a matrix/);
  });

  test("values and gradients: beta * input + alpha * mat1 @ mat2", () => {
    const b = torch.tensor([1, 2], { dtype: torch.float32, requires_grad: true });
    const m = torch.tensor([[1, 2], [3, 4]], { dtype: torch.float32, requires_grad: true });
    const y = torch.addmm(b, m, m, { beta: 2, alpha: 0.5 });
    // PyTorch: tensor([[5.5, 9.], [9.5, 15.]])
    expect(Array.from(y.dataSync())).toEqual([5.5, 9, 9.5, 15]);
    y.sum().backward();
    // PyTorch: b.grad = [4., 4.], m.grad = [[3.5, 5.5], [4.5, 6.5]] (m is both mat1 and mat2)
    expect(Array.from(b.grad!.dataSync())).toEqual([4, 4]);
    expect(Array.from(m.grad!.dataSync())).toEqual([3.5, 5.5, 4.5, 6.5]);
  });
});
