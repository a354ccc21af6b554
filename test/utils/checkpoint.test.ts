/**
 * torch.utils.checkpoint against PyTorch 1.13 (test/reference/gen_checkpoint_util.py): a seeded model
 * with dropout checkpointed gives PyTorch's values and gradients, and leaves the random stream where
 * PyTorch leaves it (the recomputation replays the forward's dropout masks); no input requiring grad
 * is PyTorch's warning and no gradient; memory: only the inputs of a checkpointed block are kept.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { expectTensor, Encoded } from "../tutorials/_tutorial";
import { settle } from "../memory_settle";

const { nn } = torch;
const { checkpoint, checkpoint_sequential } = torch.utils.checkpoint;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "checkpoint_util.json"), "utf8")) as Record<string, Record<string, unknown>>;
const e = (s: string, k: string) => R[s][k] as Encoded;

function model() {
  torch.manual_seed(0);
  return new nn.Sequential(new nn.Linear(4, 8), new nn.ReLU(), new nn.Dropout(0.5), new nn.Linear(8, 8), new nn.Tanh(), new nn.Dropout(0.3), new nn.Linear(8, 2));
}
const input = () => torch.linspace(-1, 1, 12).reshape(3, 4).requires_grad_();

test("checkpoint_sequential: PyTorch's output, gradients and random stream afterwards", () => {
  const m = model();
  const x = input();
  torch.manual_seed(1);
  const out = checkpoint_sequential(m, 2, x);
  out.sum().backward();
  expectTensor(out, e("sequential", "out"));
  expectTensor(x.grad!, e("sequential", "x_grad"));
  expectTensor((m.get(0) as InstanceType<typeof nn.Linear>).weight.grad!, e("sequential", "w0_grad"));
  expectTensor((m.get(6) as InstanceType<typeof nn.Linear>).weight.grad!, e("sequential", "w6_grad"));
  expectTensor(torch.rand(3), e("sequential", "next_rand"));
});

test("checkpoint of a function: the recorded node is CheckpointFunctionBackward, values and gradients as PyTorch's", () => {
  const m = model();
  const x = input();
  const l = (i: number) => m.get(i) as (t: Tensor) => Tensor;
  torch.manual_seed(1);
  const h = checkpoint((t: Tensor) => l(2)(l(1)(l(0)(t))), x) as Tensor;
  const out = l(6)(l(5)(l(4)(l(3)(h))));
  out.pow(2).sum().backward();
  expectTensor(out, e("function", "out"));
  expectTensor(x.grad!, e("function", "x_grad"));
  expectTensor((m.get(0) as InstanceType<typeof nn.Linear>).weight.grad!, e("function", "w0_grad"));
  expectTensor(torch.rand(3), e("function", "next_rand"));
  expect(h.grad_fn!.name()).toBe(R.function.h_grad_fn);
  expect(out.grad_fn!.name()).toBe(R.function.grad_fn);
});

test("no input requiring grad: PyTorch's warning and an output without gradient; unknown keywords are PyTorch's ValueError", () => {
  const m = model();
  const x = torch.linspace(-1, 1, 12).reshape(3, 4);
  const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
  const h = checkpoint(m.get(0) as (t: Tensor) => Tensor, x) as Tensor;
  expect(spy).toHaveBeenCalledWith(R.no_grad_input.warning, "UserWarning");
  spy.mockRestore();
  expect(h.requires_grad).toBe(R.no_grad_input.requires_grad);
  expectTensor(h, e("no_grad_input", "out"));
  const [cls, msg] = R.bad_kwarg as unknown as [string, string];
  expect(() => checkpoint(m.get(0) as (t: Tensor) => Tensor, x, { foo: 1 } as never)).toThrow(msg);
  expect(cls).toBe("ValueError");
});

test("a function with two outputs, one of them not from a parameter", () => {
  const m = model();
  const a = torch.ones(2, 4, { requires_grad: true });
  const [p, q] = checkpoint((t: Tensor) => [(m.get(0) as (t: Tensor) => Tensor)(t), t.mul(3)], a) as [Tensor, Tensor];
  p.sum().add(q.sum()).backward();
  expectTensor(a.grad!, e("two_outputs", "a_grad"));
  expectTensor((m.get(0) as InstanceType<typeof nn.Linear>).weight.grad!, e("two_outputs", "w0_grad"));
});

test("use_reentrant: false gives the plain call's values and gradients", () => {
  const m = model();
  const x = input();
  torch.manual_seed(1);
  const out = checkpoint_sequential(m, 2, x, { use_reentrant: false });
  out.sum().backward();
  expectTensor(out, e("sequential", "out"));
  expectTensor(x.grad!, e("sequential", "x_grad"));
});

test("memory: a checkpointed block keeps its input, not its activations, until backward", async () => {
  torch.manual_seed(0);
  const layers = Array.from({ length: 12 }, () => new nn.Linear(256, 256));
  const block = (t: Tensor) => layers.reduce((h, l) => l(h).tanh(), t);
  const x = torch.randn(64, 256, { requires_grad: true });
  const held = async (f: () => Tensor): Promise<number> => {
    const before = (await settle()).numBytes;
    const out = f();
    const bytes = (await settle()).numBytes - before;
    out.sum().backward();
    return bytes;
  };
  const plain = await held(() => block(x));
  const ck = await held(() => checkpoint(block, x) as Tensor);
  const act = 64 * 256 * 4;
  // Each of the 12 layers keeps its output (and tanh's) for backward; the checkpoint keeps the output.
  expect(plain).toBeGreaterThan(12 * act);
  expect(ck).toBeLessThan(3 * act);
});
