/**
 * The introyt series' "Introduction to PyTorch Tensors" (pytorch/tutorials
 * beginner_source/introyt/tensors_deeper_tutorial.py) ported line by line against PyTorch 1.13
 * (test/reference/gen_tutorials4.py, section introyt_tensors): creation, torch.manual_seed(1729)
 * replaying the same draws, the *_like factories, torch.tensor from nested lists, arithmetic with
 * scalars and tensors, broadcasting and its error, and the sample of common / trigonometric / bitwise
 * / comparison / reduction / vector ops, in-place ops and `out=`, aliasing and clone / detach,
 * devices on a CPU-only machine, and squeeze / unsqueeze / reshape. Left out: torch.empty's contents (uninitialised memory),
 * torch.svd (not in torchlab) and the NumPy bridge.
 */
import { torch } from "../../src";
import { reference, expectSamePrint } from "./_tutorial";

const R = reference("introyt_tensors");

test("introyt tensors: creation, seeding, dtypes, arithmetic, broadcasting, math sample, in place, copies, shapes", () => {
  const printed: string[] = [];
  const print = (...xs: unknown[]) => printed.push(xs.map((x) => String(x)).join(" "));
  let x = torch.empty(3, 4);
  expect(x.shape).toEqual(R.empty_shape);
  const zeros = torch.zeros(2, 3);
  print(zeros);
  let ones = torch.ones(2, 3);
  print(ones);
  torch.manual_seed(1729);
  const random = torch.rand(2, 3);
  print(random);
  torch.manual_seed(1729);
  const random1 = torch.rand(2, 3);
  print(random1);
  const random2 = torch.rand(2, 3);
  print(random2);
  torch.manual_seed(1729);
  const random3 = torch.rand(2, 3);
  print(random3);
  const random4 = torch.rand(2, 3);
  print(random4);

  x = torch.empty(2, 2, 3);
  print(x.shape);
  const empty_like_x = torch.empty_like(x);
  print(empty_like_x.shape);
  const zeros_like_x = torch.zeros_like(x);
  print(zeros_like_x.shape);
  print(zeros_like_x);
  const ones_like_x = torch.ones_like(x);
  print(ones_like_x.shape);
  print(ones_like_x);
  const rand_like_x = torch.rand_like(x);
  print(rand_like_x.shape);
  print(rand_like_x);

  const some_constants = torch.tensor([[3.1415926, 2.71828], [1.61803, 0.0072897]]);
  print(some_constants);
  const some_integers = torch.tensor([2, 3, 5, 7, 11, 13, 17, 19]);
  print(some_integers);
  const more_integers = torch.tensor([[2, 4, 6], [3, 6, 9]]);
  print(more_integers);

  let a = torch.ones([2, 3], { dtype: torch.int16 });
  expectSamePrint(String(a), R.int16 as string);
  // float64 draws PyTorch's double stream (two 32-bit words a value), held at float32 precision.
  const b = torch.rand([2, 3], { dtype: torch.float64 }).mul(20.);
  expect(b.dtype).toBe(torch.float64);
  expectSamePrint(String(b), R.float64 as string);
  expect(b.to(torch.int32).dtype).toBe(torch.int32);
  expect(String(b.to(torch.int32))).toMatch(/, dtype=torch\.int32\)$/);

  ones = torch.zeros(2, 2).add(1);
  const twos = torch.ones(2, 2).mul(2);
  const threes = torch.ones(2, 2).mul(7).sub(1).div(2);
  const fours = twos.pow(2);
  const sqrt2s = twos.pow(0.5);
  print(ones);
  print(twos);
  print(threes);
  print(fours);
  print(sqrt2s);
  const powers2 = twos.pow(torch.tensor([[1, 2], [3, 4]]));
  print(powers2);
  const fives = ones.add(fours);
  print(fives);
  const dozens = threes.mul(fours);
  print(dozens);
  expect(() => torch.rand(2, 3).mul(torch.rand(3, 2))).toThrow(R.mul_error as string);

  const rand = torch.rand(2, 4);
  const doubled = rand.mul(torch.ones(1, 4).mul(2));
  print(rand);
  print(doubled);
  a = torch.ones(4, 3, 2);
  let bb = a.mul(torch.rand(3, 2)); // 3rd & 2nd dims identical to a, dim 1 absent
  print(bb);
  let c = a.mul(torch.rand(3, 1)); // 3rd dim = 1, 2nd dim identical to a
  print(c);
  let d = a.mul(torch.rand(1, 2)); // 3rd dim identical to a, 2nd dim = 1
  print(d);

  a = torch.rand(2, 4).mul(2).sub(1);
  print("Common functions:");
  print(torch.abs(a));
  print(torch.ceil(a));
  print(torch.floor(a));
  print(torch.clamp(a, -0.5, 0.5));
  const angles = torch.tensor([0, Math.PI / 4, Math.PI / 2, 3 * Math.PI / 4]);
  const sines = torch.sin(angles);
  const inverses = torch.asin(sines);
  print("\nSine and arcsine:");
  print(angles);
  print(sines);
  print(inverses);
  print("\nBitwise XOR:");
  bb = torch.tensor([1, 5, 11]);
  c = torch.tensor([2, 7, 10]);
  print(torch.bitwise_xor(bb, c));
  print("\nBroadcasted, element-wise equality comparison:");
  d = torch.tensor([[1., 2.], [3., 4.]], { dtype: torch.float32 }); // (JavaScript has no float literal)
  const e = torch.ones(1, 2); // many comparison ops support broadcasting!
  print(torch.eq(d, e)); // returns a tensor of type bool
  print("\nReduction ops:");
  print(torch.max(d)); // returns a single-element tensor
  print(torch.max(d).item().toFixed(1)); // extracts the value from the returned tensor
  print(torch.mean(d)); // average
  print(torch.std(d)); // standard deviation
  print(torch.prod(d)); // product of all numbers
  print(torch.unique(torch.tensor([1, 2, 1, 2, 1, 2]))); // filter unique elements
  const v1 = torch.tensor([1., 0., 0.], { dtype: torch.float32 }); // x unit vector
  const v2 = torch.tensor([0., 1., 0.], { dtype: torch.float32 }); // y unit vector
  const m1 = torch.rand(2, 2); // random matrix
  const m2 = torch.tensor([[3., 0.], [0., 3.]], { dtype: torch.float32 }); // three times identity matrix
  print("\nVectors & Matrices:");
  print(torch.cross(v2, v1)); // negative of z unit vector (v1 x v2 == -v2 x v1)
  print(m1);
  const m3 = torch.matmul(m1, m2);
  print(m3); // 3 times m1

  a = torch.tensor([0, Math.PI / 4, Math.PI / 2, 3 * Math.PI / 4]);
  print("a:");
  print(a);
  print(torch.sin(a)); // this operation creates a new tensor in memory
  print(a); // a has not changed
  bb = torch.tensor([0, Math.PI / 4, Math.PI / 2, 3 * Math.PI / 4]);
  print("\nb:");
  print(bb);
  print(torch.sin_(bb)); // note the underscore
  print(bb); // b has changed

  a = torch.ones(2, 2);
  bb = torch.rand(2, 2);
  print("Before:");
  print(a);
  print(bb);
  print("\nAfter adding:");
  print(a.add_(bb));
  print(a);
  print(bb);
  print("\nAfter multiplying");
  print(bb.mul_(bb));
  print(bb);

  a = torch.rand(2, 2);
  bb = torch.rand(2, 2);
  c = torch.zeros(2, 2);
  const old_c = c;
  print(c);
  d = torch.matmul(a, bb, { out: c });
  print(c); // contents of c have changed
  expect(c).toBe(d); // test c & d are same object, not just containing equal values
  expect(c).toBe(old_c); // make sure that our new c is the same object as the old one
  torch.rand(2, 2, { out: c }); // works for creation too!
  print(c); // c has changed again
  expect(c).toBe(old_c); // still the same object!

  a = torch.ones(2, 2);
  bb = a;
  a.get(0).setitem(1, 561); // we change a...
  print(bb); // ...and b is also altered
  a = torch.ones(2, 2);
  bb = a.clone();
  expect(bb).not.toBe(a); // different objects in memory...
  print(torch.eq(a, bb)); // ...but still with the same contents!
  a.get(0).setitem(1, 561); // a changes...
  print(bb); // ...but b is still all ones

  a = torch.rand(2, 2, { requires_grad: true }); // turn on autograd
  print(a);
  bb = a.clone();
  print(bb);
  c = a.detach().clone();
  print(c);
  print(a);

  print(torch.cuda.is_available() ? "We have a GPU!" : "Sorry, CPU only.");
  const my_device = torch.cuda.is_available() ? torch.device("cuda") : torch.device("cpu");
  print(`Device: ${my_device}`);
  x = torch.rand(2, 2, { device: my_device });
  print(x);
  let yy = torch.rand(2, 2);
  yy = yy.to(my_device);

  a = torch.rand(3, 226, 226);
  bb = a.unsqueeze(0);
  print(a.shape);
  print(bb.shape);
  c = torch.rand(1, 1, 1, 1, 1);
  print(c);
  a = torch.rand(1, 20);
  print(a.shape);
  print(a);
  bb = a.squeeze(0);
  print(bb.shape);
  print(bb);
  c = torch.rand(2, 2);
  print(c.shape);
  d = c.squeeze(0);
  print(d.shape);
  a = torch.ones(4, 3, 2);
  bb = torch.rand(3); // trying to multiply a * b will give a runtime error
  c = bb.unsqueeze(1); // change to a 2-dimensional tensor, adding new dim at the end
  print(c.shape);
  print(a.mul(c)); // broadcasting works again!
  const batch_me = torch.rand(3, 226, 226);
  print(batch_me.shape);
  batch_me.unsqueeze_(0);
  print(batch_me.shape);
  const output3d = torch.rand(6, 20, 20);
  print(output3d.shape);
  const input1d = output3d.reshape(6 * 20 * 20);
  print(input1d.shape);
  // can also call it as a method on the torch module:
  print(torch.reshape(output3d, [6 * 20 * 20]).shape);

  const want = R.printed as string[];
  expect(printed.length).toBe(want.length);
  want.forEach((w, i) => expectSamePrint(printed[i], w));
});
