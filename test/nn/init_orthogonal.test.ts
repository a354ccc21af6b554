/**
 * nn.init.orthogonal_ against PyTorch 1.13 (test/reference/gen_tutorials5.py, section init_orthogonal):
 * after the same manual_seed the same matrices, for tall, wide, square and conv-shaped tensors, with a
 * gain; orthogonality itself; the 1-D error.
 */
import { torch } from "../../src";
import { reference, expectTensor, Encoded } from "../tutorials/_tutorial";

const { nn } = torch;
const R = reference("init_orthogonal");

test("orthogonal_ draws PyTorch's matrices (tall, wide with gain, conv with tanh gain, square)", () => {
  torch.manual_seed(0);
  expectTensor(nn.init.orthogonal_(torch.empty(5, 3)), R.tall as Encoded, 1e-5);
  expectTensor(nn.init.orthogonal_(torch.empty(3, 5), 2.0), R.wide as Encoded, 1e-5);
  expectTensor(nn.init.orthogonal_(torch.empty(4, 2, 3, 3), { gain: nn.init.calculate_gain("tanh") }), R.conv as Encoded, 1e-5);
  expectTensor(nn.init.orthogonal_(torch.empty(20, 20)), R.square as Encoded, 1e-5);
});

test("orthogonal_ fills in place, gives orthonormal rows or columns, and takes a generator", () => {
  const w = torch.empty(3, 7);
  const out = nn.init.orthogonal_(w, 1.5);
  expect(out).toBe(w);
  const eye = w.mm(w.t()).div(1.5 * 1.5);
  expect(torch.allclose(eye, torch.eye(3), { atol: 1e-5 })).toBe(true);
  const p = new nn.Parameter(torch.empty(4, 4));
  nn.init.orthogonal_(p);
  expect(p.requires_grad).toBe(true);
  expect(p.grad_fn).toBeNull();
  const g1 = new torch.Generator().manual_seed(7);
  const g2 = new torch.Generator().manual_seed(7);
  const a = nn.init.orthogonal_(torch.empty(6, 2), { generator: g1 });
  const b = nn.init.orthogonal_(torch.empty(6, 2), { generator: g2 });
  expect(a.equal(b)).toBe(true);
});

test("orthogonal_ on a 1-D tensor: PyTorch's ValueError", () => {
  const [cls, msg] = R.err_1d as string[];
  expect(cls).toBe("ValueError");
  expect(() => nn.init.orthogonal_(torch.empty(4))).toThrow(msg);
  expect(() => nn.init.orthogonal_(torch.empty(4))).toThrow(torch.ValueError);
});
