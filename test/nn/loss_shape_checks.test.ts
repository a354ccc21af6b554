/**
 * The loss functions' shape checks (src/nn/functional/loss.ts, loss2.ts), compared without building
 * strings or arrays: every accepted shape gives PyTorch's value, every rejected one PyTorch's error
 * class and message (test/reference/gen_loss_shape_checks.py writes the fixture).
 */
import { torch } from "../../src";
import { expectClose, readReference } from "../tensor/fixtures";
import type { Encoded } from "../tensor/fixtures";

const F = torch.nn.functional;
type Tensor = torch.Tensor;

interface Case {
  name: string;
  ts: string;
  value?: Encoded;
  error?: string;
  message?: string;
}

const ref = readReference<{ cases: Case[] }>("loss_shape_checks.json");

const numel = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);
/** (k % 7 - 3) * 0.25 over k = 0..numel-1, as the generator's f. */
const f = (...shape: number[]): Tensor => torch.arange(numel(shape)).remainder(7).sub(3).mul(0.25).reshape(shape);
const p = (...shape: number[]): Tensor => torch.sigmoid(f(...shape));
const i = (...shape: number[]): Tensor => torch.arange(numel(shape)).remainder(3).reshape(shape).long();

/** Runs a fixture's expression with F, torch, f, p and i in scope. */
function evaluate(ts: string): Tensor {
  return new Function("F", "torch", "f", "p", "i", `return ${ts};`)(F, torch, f, p, i) as Tensor;
}

describe.each(ref.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  test(c.error ? `raises ${c.error}` : "gives PyTorch's value", () => {
    if (c.value) {
      expectClose(c.name, evaluate(c.ts), c.value);
      return;
    }
    let thrown: unknown = null;
    try {
      evaluate(c.ts);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf((torch as unknown as Record<string, new () => Error>)[c.error!]);
    expect((thrown as Error).message).toBe(c.message);
  });
});
