/**
 * torch.autograd.functional.jacobian and vjp against PyTorch 1.13 (test/reference/gen_tutorials4.py,
 * section autograd_functional): a matrix input, array outputs, array inputs and outputs, an unused
 * input (zeros), a constant output, a scalar vjp without v, a vjp over two inputs, and the errors.
 */
import { torch } from "../../src";
import { readReference } from "../tensor/fixtures";
import { expectTensor, Encoded } from "../tutorials/_tutorial";

const AF = torch.autograd.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = readReference<Record<string, Record<string, unknown>>>("tutorials4.json").autograd_functional;
let x: Tensor;
let w: Tensor;
beforeAll(() => {
  x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]]);
  w = torch.tensor([0.3, -0.2, 0.9]);
});

test("jacobian: one input, one output", () => {
  expectTensor(AF.jacobian((t) => t.mul(t).sum(1), x) as Tensor, R.jac_matrix as Encoded);
  expectTensor(AF.jacobian(() => torch.ones(2), w) as Tensor, R.jac_const as Encoded);
});

test("jacobian: array outputs, array inputs, both, and an unused input", () => {
  const outs = AF.jacobian((t) => [t.sin(), t.sum()], w) as Tensor[];
  (R.jac_tuple_out as Encoded[]).forEach((e, i) => expectTensor(outs[i], e));
  const both = AF.jacobian((a, b) => [a.mul(b), a.exp().sum()], [w, w.flip(0)]) as Tensor[][];
  (R.jac_tuple_both as Encoded[][]).forEach((row, i) => row.forEach((e, j) => expectTensor(both[i][j], e)));
  const unused = AF.jacobian((a) => a.mul(2), [w, x]) as Tensor[];
  (R.jac_unused as Encoded[]).forEach((e, i) => expectTensor(unused[i], e));
});

test("vjp: a scalar output without v, and two inputs with v", () => {
  const [out, g] = AF.vjp((t) => t.pow(3).sum(), w) as [Tensor, Tensor];
  const [eo, eg] = R.vjp_scalar as Encoded[];
  expectTensor(out, eo);
  expectTensor(g, eg);
  expect(out.requires_grad).toBe(false);
  const [out2, gs] = AF.vjp((a, b) => a.mul(b.sum()), [w, x], torch.tensor([1.0, 2.0, -1.0])) as [Tensor, Tensor[]];
  const [eo2, egs] = R.vjp_tuple as [Encoded, Encoded[]];
  expectTensor(out2, eo2);
  egs.forEach((e, i) => expectTensor(gs[i], e));
});

test("errors as PyTorch's", () => {
  const E = R.errors as Record<string, [string, string]>;
  expect(() => AF.vjp((t) => t.mul(2), w)).toThrow(E.vjp_no_v[1]);
  expect(() => AF.vjp((t) => t.mul(2), w, torch.ones(2))).toThrow(E.vjp_v_size[1]);
  expect(() => AF.jacobian((a) => a.mul(2), [w, x], { strict: true })).toThrow(E.jac_strict[1]);
  expect(() => AF.vjp((a) => a.mul(2).sum(), [w, x], null, { strict: true })).toThrow(E.vjp_strict[1]);
  expect(() => AF.jacobian((a) => a, [w, 3 as unknown as Tensor])).toThrow(E.jac_bad_input[1].split(" has type")[0]);
  expect(() => AF.jacobian((a) => a, w, { strategy: "forward-mode" })).toThrow("forward-mode");
});
