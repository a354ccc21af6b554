/**
 * Bad input raises a typed error whose message names the op, the argument and the shapes, in
 * PyTorch's words where PyTorch has them; never a tfjs-internal message, never a silent result.
 */
import { torch } from "../../src";

type Tensor = InstanceType<typeof torch.Tensor>;
type Ctor = new (...args: never[]) => Error;

const f = (...shape: number[]) => torch.zeros(shape);

const cases: [string, () => unknown, Ctor, RegExp][] = [
  // broadcasting
  ["add broadcast mismatch", () => f(2, 3).add(f(4)), torch.ShapeError, /add\(\): The size of tensor a \(3\) must match the size of tensor b \(4\) at non-singleton dimension 1 \(shapes \[2, 3\] and \[4\]\)/],
  ["mul broadcast mismatch", () => torch.mul(f(2, 3), f(3, 3)), torch.ShapeError, /mul\(\).*tensor a \(2\).*tensor b \(3\).*\[2, 3\] and \[3, 3\]/],
  ["where shapes do not broadcast", () => torch.where(torch.ones(2, { dtype: torch.bool }), f(3), f(3)), torch.ShapeError, /where\(\): The size of tensor a \(2\) must match the size of tensor b \(3\) at non-singleton dimension 0 \(condition \[2\], input \[3\], other \[3\]\)/],
  ["masked_fill mask not broadcastable", () => f(2, 3).masked_fill(torch.ones(3, 3, { dtype: torch.bool }), 1), torch.ShapeError, /masked_fill\(\).*mask \[3, 3\].*input \[2, 3\]/],
  ["in-place result shape", () => f(3).add_(f(2, 3)), torch.RuntimeError, /add_: output with shape \[3\] doesn't match the broadcast shape \[2, 3\]/],
  // views
  ["view size mismatch", () => f(2, 3).view(5), torch.ShapeError, /view\(\): shape '\[5\]' is invalid for input of size 6 \(input shape \[2, 3\]\)/],
  ["reshape -1 not divisible", () => f(2, 3).reshape(4, -1), torch.ShapeError, /reshape\(\): shape '\[4, -1\]' is invalid for input of size 6/],
  ["two -1 in view", () => f(2, 3).view(-1, -1), torch.RuntimeError, /view\(\): only one dimension can be inferred/],
  ["negative size in view", () => f(2, 3).view(-2, 3), torch.RuntimeError, /view\(\): invalid shape dimension -2/],
  ["expand to a mismatched size", () => f(3, 2).expand(3, 4), torch.ShapeError, /The expanded size of the tensor \(4\) must match the existing size \(2\) at non-singleton dimension 1.*Tensor sizes: \[3, 2\]/],
  ["expand with fewer dims", () => f(2, 3).expand(3), torch.ShapeError, /the number of sizes provided \(1\) must be greater or equal to the number of dimensions in the tensor \(2\)/],
  ["repeat with fewer dims", () => f(2, 3).repeat(2), torch.RuntimeError, /Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor \(1 repeat dims, 2-D tensor\)/],
  ["permute wrong length", () => f(2, 3).permute(0), torch.ShapeError, /permute.*input.dim\(\) = 2 is not equal to len\(dims\) = 1/],
  ["permute repeated dim", () => f(2, 3).permute(1, 1), torch.RuntimeError, /permute\(\): duplicate dims are not allowed\. \(dims \[1, 1\]\)/],
  ["flatten start after end", () => f(2, 3, 4).flatten(2, 1), torch.RuntimeError, /flatten\(\) has invalid args: start_dim \(2\) cannot come after end_dim \(1\)/],
  // dims
  ["sum dim out of range", () => f(2, 3).sum(2), torch.IndexError, /sum\(\): Dimension out of range \(expected to be in range of \[-2, 1\], but got 2\)/],
  ["mean negative dim out of range", () => f(2, 3).mean(-3), torch.IndexError, /mean\(\): Dimension out of range \(expected to be in range of \[-2, 1\], but got -3\)/],
  ["max dim out of range", () => f(2).max(1), torch.IndexError, /max\(\): Dimension out of range/],
  ["softmax dim out of range", () => f(2, 3).softmax(5), torch.IndexError, /softmax\(\): Dimension out of range/],
  ["softmax without dim", () => torch.softmax(f(2), undefined as unknown as number), torch.ValueError, /softmax\(\): pass `dim` explicitly/],
  ["repeated dims in a reduction", () => f(2, 3).sum([1, -1]), torch.RuntimeError, /sum\(\): dim 1, 1 appears multiple times in the list of dims/],
  ["transpose dim out of range", () => f(2, 3).transpose(0, 2), torch.IndexError, /transpose\(\): Dimension out of range/],
  ["unsqueeze dim out of range", () => f(2, 3).unsqueeze(4), torch.IndexError, /unsqueeze\(\): Dimension out of range \(expected to be in range of \[-3, 2\], but got 4\)/],
  ["squeeze dim out of range", () => f(2, 1).squeeze(2), torch.IndexError, /squeeze\(\): Dimension out of range/],
  ["non-integer dim", () => f(2, 3).sum(0.5), torch.TypeError, /sum\(\): dim must be an integer, got 0.5/],
  ["size(d) out of range", () => f(2, 3).size(2), torch.IndexError, /size\(\): Dimension out of range/],
  ["select index out of range", () => f(2, 3).select(1, 3), torch.IndexError, /select\(\): index 3 out of range for tensor of size \[2, 3\] at dimension 1/],
  ["get index out of range", () => f(2, 3).get(5), torch.IndexError, /^index 5 is out of bounds for dimension 0 with size 2$/],
  // PyTorch names the index's position in the subscript, Nones counted: x[0, :, 7], x[None, 1, 9].
  ["index position out of range", () => f(3, 4, 5).index("0, :, 7"), torch.IndexError, /^index 7 is out of bounds for dimension 2 with size 5$/],
  ["index after None out of range", () => f(2, 3).index("None, 1, 9"), torch.IndexError, /^index 9 is out of bounds for dimension 2 with size 3$/],
  ["negative index out of range", () => f(3).get(-4), torch.IndexError, /^index -4 is out of bounds for dimension 0 with size 3$/],
  ["narrow past the end", () => f(4).narrow(0, 2, 3), torch.RuntimeError, /start \(2\) \+ length \(3\) exceeds dimension size \(4\)/],
  ["too many indices", () => f(2, 3).index("0, 1, 2"), torch.IndexError, /too many indices for tensor of dimension 2 \(got 3\)/],
  ["two ellipses", () => f(2, 3).index("..., ..."), torch.IndexError, /an index can only have a single ellipsis/],
  ["unparsable index", () => f(2, 3).index("a"), torch.IndexError, /index\(\): cannot parse index 'a'/],
  ["zero step", () => f(4).index("::0"), torch.ValueError, /step must be greater than zero/],
  ["select on a 0-d tensor", () => torch.tensor(1.5).select(0, 0), torch.IndexError, /select\(\) cannot be applied to a 0-dim tensor/],
  // matrix products
  ["matmul inner mismatch", () => f(2, 3).matmul(f(4, 5)), torch.ShapeError, /mat1 and mat2 shapes cannot be multiplied \(2x3 and 4x5\)/],
  ["matmul batch mismatch", () => f(2, 2, 3).matmul(f(3, 3, 4)), torch.ShapeError, /matmul\(\): The size of tensor a \(2\) must match the size of tensor b \(3\) at non-singleton dimension 0/],
  ["matmul of a 0-d tensor", () => torch.tensor(2.5).matmul(f(2)), torch.RuntimeError, /both arguments to matmul need to be at least 1D, but they are 0D and 1D/],
  ["matmul mixed dtypes", () => torch.tensor([[1, 2]]).matmul(f(2, 1)), torch.RuntimeError, /^expected scalar type Long but found Float$/],
  ["mv size mismatch", () => f(2, 3).mv(f(4)), torch.ShapeError, /mv\(\): size mismatch, got input \(2\), mat \(2x3\), vec \(4\)/],
  ["mm with a vector", () => f(2, 3).mm(f(3)), torch.RuntimeError, /mm\(\): mat2 must be a matrix, got 1-D tensor of shape \[3\]/],
  ["bmm with a matrix", () => f(2, 3).bmm(f(2, 3, 4)), torch.RuntimeError, /bmm\(\): batch1 must be a 3D tensor, got shape \[2, 3\]/],
  ["bmm batch sizes differ", () => f(2, 2, 3).bmm(f(3, 3, 4)), torch.ShapeError, /Expected size for first two dimensions of batch2 tensor to be: \[2, 3\] but got: \[3, 3\]\./],
  ["dot of different lengths", () => torch.dot(f(2), f(3)), torch.ShapeError, /inconsistent tensor size, expected tensor \[2\] and src \[3\]/],
  ["dot of matrices", () => torch.dot(f(2, 2), f(2, 2)), torch.RuntimeError, /1D tensors expected, but got 2D and 2D tensors/],
  // joining and splitting
  ["cat size mismatch", () => torch.cat([f(2, 3), f(2, 4)]), torch.ShapeError, /torch.cat\(\): Sizes of tensors must match except in dimension 0. Expected size 3 but got size 4 for tensor number 1 in the list/],
  ["cat rank mismatch", () => torch.cat([f(2, 3), f(3)]), torch.ShapeError, /torch.cat\(\): Tensors must have same number of dimensions: got 2 and 1/],
  ["cat of nothing", () => torch.cat([]), torch.RuntimeError, /torch.cat\(\): expected a non-empty list of Tensors/],
  ["cat of a non-tensor", () => torch.cat([f(2), 3 as unknown as Tensor]), torch.TypeError, /torch.cat\(\): expected a list of Tensors, but element 1 is not a Tensor/],
  ["stack of unequal shapes", () => torch.stack([f(2, 3), f(3, 2)]), torch.ShapeError, /stack expects each tensor to be equal size, but got \[2, 3\] at entry 0 and \[3, 2\] at entry 1/],
  ["split sizes do not sum", () => f(5).split([2, 2]), torch.ShapeError, /split_with_sizes expects split_sizes to sum exactly to 5.*split_sizes=\[2, 2\]/],
  ["split size zero", () => f(5).split(0), torch.RuntimeError, /split_size can only be 0 if dimension size is 0, but got dimension size of 5/],
  ["chunk zero", () => f(5).chunk(0), torch.RuntimeError, /chunk expects `chunks` to be greater than 0, got: 0/],
  // dtypes
  ["where with a float condition", () => torch.where(f(2), f(2), f(2)), torch.RuntimeError, /where expected condition to be a boolean tensor, but got a tensor with dtype Float/],
  ["masked_fill with an int mask", () => f(2).masked_fill(torch.tensor([1, 0]), 0), torch.RuntimeError, /masked_fill_ only supports boolean masks, but got mask with dtype long/],
  ["masked_fill with a 1-d value", () => f(2).masked_fill(torch.tensor([true, false]), f(2)), torch.RuntimeError, /masked_fill_ only supports a 0-dimensional value tensor, but got tensor with 1 dimension/],
  ["index_select with a float index", () => f(3).index_select(0, f(2)), torch.RuntimeError, /^index_select\(\): Expected dtype int32 or int64 for index$/],
  ["index_select index out of bounds", () => f(3).index_select(0, torch.tensor([3])), torch.IndexError, /index_select\(\): index out of range in self: index 3 is out of bounds for dimension 0 with size 3/],
  ["gather rank mismatch", () => f(3, 2).gather(1, torch.tensor([1])), torch.RuntimeError, /gather\(\): Index tensor must have the same number of dimensions as input tensor/],
  ["gather index out of bounds", () => f(3, 2).gather(1, torch.tensor([[2], [0], [0]])), torch.RuntimeError, /gather\(\): index 2 is out of bounds for dimension 1 with size 2/],
  ["mean of an int tensor", () => torch.tensor([1, 2]).mean(), torch.RuntimeError, /mean\(\): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long/],
  ["var of an int tensor", () => torch.tensor([1, 2]).var(), torch.RuntimeError, /var\(\): std and var only support floating point and complex dtypes \(got torch.int64\)/],
  ["bool minus bool", () => torch.tensor([true]).sub(torch.tensor([false])), torch.RuntimeError, /sub\(\): Subtraction, the `-` operator, with two bool tensors is not supported. Use the `\^` or `logical_xor\(\)` operator instead/],
  ["int minus a bool tensor", () => torch.tensor([3]).sub(torch.tensor([true])), torch.RuntimeError, /Subtraction, the `-` operator, with a bool tensor is not supported/],
  ["int minus true", () => torch.tensor([3]).sub(true), torch.RuntimeError, /Subtraction, the `-` operator, with a bool tensor is not supported/],
  ["number minus a bool tensor", () => torch.tensor([true]).rsub(1), torch.RuntimeError, /rsub\(\): Subtraction, the `-` operator, with a bool tensor/],
  ["int tensor to a negative int tensor power", () => torch.pow(torch.tensor([2]), torch.tensor([-1])), torch.RuntimeError, /Integers to negative integer powers are not allowed/],
  ["negating a bool tensor", () => torch.tensor([true]).neg(), torch.RuntimeError, /Negation, the `-` operator, on a bool tensor is not supported/],
  ["int to a negative power", () => torch.tensor([2]).pow(-1), torch.RuntimeError, /Integers to negative integer powers are not allowed/],
  ["integer division by zero", () => torch.div(torch.tensor([1]), torch.tensor([0]), { rounding_mode: "floor" }), torch.RuntimeError, /ZeroDivisionError/],
  ["adding a string", () => f(2).add("1" as unknown as number), torch.TypeError, /add\(\): argument 'other' must be a Tensor or a number, not string/],
  ["unknown dtype name", () => torch.zeros(2, { dtype: "complex64" }), torch.TypeError, /unsupported dtype complex64: torchlab has torch.float32, torch.float64, torch.int64, torch.int32, torch.int16, torch.int8, torch.uint8 and torch.bool/],
  ["item of many elements", () => f(2).item(), torch.ValueError, /only one element tensors can be converted to Python scalars \(this one has 2 elements/],
  // options and arguments
  ["unknown creation option", () => torch.zeros(2, { dtyp: torch.float32 } as never), torch.TypeError, /zeros\(\) got an unexpected keyword argument 'dtyp' \(valid: dtype, requires_grad, device, generator, out\)/],
  ["unknown tensor option", () => torch.tensor([1.5], { requires_gradient: true } as never), torch.TypeError, /tensor\(\) got an unexpected keyword argument 'requires_gradient'/],
  ["unknown reduction option", () => f(2, 3).sum({ dims: 0 } as never), torch.TypeError, /sum\(\) got an unexpected keyword argument 'dims' \(valid: dim, keepdim\)/],
  ["unknown var option", () => f(2, 3).var({ ddof: 1 } as never), torch.TypeError, /var\(\) got an unexpected keyword argument 'ddof'/],
  ["unbiased and correction together", () => f(3).var({ unbiased: true, correction: 0 }), torch.ValueError, /var\(\): pass either unbiased or correction, not both/],
  ["backward with inputs", () => f(1).requires_grad_().sum().backward({ inputs: [] } as never), torch.NotImplementedError, /backward\(\): `inputs` is not supported/],
  ["unknown backward option", () => f(1).requires_grad_().sum().backward({ retain: true } as never), torch.TypeError, /backward\(\) got an unexpected keyword argument 'retain'/],
  ["unknown clamp option", () => f(2).clamp({ low: 0 } as never), torch.TypeError, /clamp\(\) got an unexpected keyword argument 'low'/],
  ["unknown to() option", () => f(2).to({ dtyp: torch.int64 } as never), torch.TypeError, /to\(\) got an unexpected keyword argument 'dtyp'/],
  ["a value given twice", () => f(2, 3).sum(0, { dim: 1 }), torch.TypeError, /sum\(\) got multiple values for argument 'dim'/],
  ["non-integer size", () => torch.zeros(2.5), torch.TypeError, /zeros\(\): size must be a list of non-negative integers, got \[2.5\]/],
  ["clamp without bounds", () => f(2).clamp(), torch.RuntimeError, /torch.clamp: At least one of 'min' or 'max' must not be None/],
  ["bad rounding mode", () => f(2).div(2, { rounding_mode: "round" as "floor" }), torch.RuntimeError, /div expected rounding_mode to be one of None, 'trunc', or 'floor' but found 'round'/],
  // creation
  ["ragged nested array", () => torch.tensor([[1, 2], [3]]), torch.ValueError, /expected sequence of length 2 at dim 1 \(got 1\)/],
  ["nested non-number", () => torch.tensor(["a"] as never), torch.TypeError, /Could not infer dtype of string/],
  ["arange step 0", () => torch.arange(0, 5, 0), torch.RuntimeError, /arange\(\): step must be nonzero/],
  ["arange wrong sign", () => torch.arange(5, 0, 1), torch.RuntimeError, /upper bound and larger bound inconsistent with step sign/],
  ["linspace negative steps", () => torch.linspace(0, 1, -1), torch.RuntimeError, /linspace\(\): number of steps must be non-negative, got -1/],
  ["randint low >= high", () => torch.randint(5, 5, [2]), torch.RuntimeError, /random_ expects 'from' to be less than 'to', but got from=5 >= to=5/],
  ["rand with an int dtype", () => torch.rand(2, { dtype: torch.int64 }), torch.TypeError, /rand\(\): expected a floating point dtype, got torch.int64/],
  ["full with a non-array size", () => torch.full(2 as unknown as number[], 1), torch.TypeError, /full\(\): argument 'size' must be an array of integers/],
  ["cuda without the CUDA backend", () => f(2).to("cuda"), torch.testing.AssertionError, /Torch not compiled with CUDA enabled: torchlab uses CUDA only through @tensorflow\/tfjs-node-gpu/],
  ["unknown device", () => f(2).to("tpu"), torch.RuntimeError, /Expected one of cpu, cuda device type at start of device string: tpu/],
];

describe("bad input raises a typed, descriptive error", () => {
  test.each(cases)("%s", (_name, fn, type, message) => {
    let caught: unknown = null;
    try {
      fn();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(type);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).not.toMatch(/Error in |could not be broadcast|backend_util|kernel/i);
  });

  test("ShapeError carries the expected and received shapes", () => {
    try {
      f(2, 3).view(4, 2);
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(torch.ShapeError);
      expect(e).toBeInstanceOf(torch.RuntimeError);
      expect((e as InstanceType<typeof torch.ShapeError>).expected).toEqual([4, 2]);
      expect((e as InstanceType<typeof torch.ShapeError>).received).toEqual([2, 3]);
    }
    try {
      f(2, 3).add(f(4));
      throw new Error("no error");
    } catch (e) {
      expect((e as InstanceType<typeof torch.ShapeError>).expected).toEqual([2, 3]);
      expect((e as InstanceType<typeof torch.ShapeError>).received).toEqual([4]);
    }
  });

  test("error classes carry their Python names", () => {
    expect(new torch.ValueError("x").name).toBe("ValueError");
    expect(new torch.TypeError("x")).toBeInstanceOf(TypeError);
    expect(new torch.IndexError("x").name).toBe("IndexError");
    // PyTorch raises RuntimeError for a shape mismatch; the subclass keeps the shapes.
    expect(new torch.ShapeError("x", [1], [2]).name).toBe("RuntimeError");
    expect(new torch.ShapeError("x", [1], [2])).toBeInstanceOf(torch.RuntimeError);
  });
});
