/**
 * torch.nn against PyTorch 1.13 (fixtures from test/reference/gen_nn.py): each module is built from
 * the TypeScript twin of the Python constructor, loaded with PyTorch's state_dict, run forward and
 * backward with the same upstream gradient; outputs, input gradients and parameter gradients must
 * match, and str(module) must equal PyTorch's repr exactly.
 */
import { torch } from "../../src";
import { Encoded, Tensor, build, evalTs, expectTensor, load } from "./_fixtures";

type Module = InstanceType<typeof torch.nn.Module>;

interface ModuleCase {
  name: string;
  py: string;
  ts: string;
  repr: string;
  state_dict: Record<string, Encoded>;
  inputs: Encoded[];
  outputs: Encoded[];
  upstream: Encoded[];
  input_grads: (Encoded | null)[];
  param_grads: Record<string, Encoded>;
}

interface FnCase {
  name: string;
  py: string;
  ts: string;
  repr: string | null;
  inputs: Encoded[];
  outputs: Encoded[];
  upstream: Encoded[];
  input_grads: (Encoded | null)[];
}

function backprop(outs: Tensor[], upstream: Encoded[]): void {
  let total: Tensor | null = null;
  outs.forEach((o, i) => {
    const term = o.mul(build(upstream[i])).sum();
    total = total === null ? term : total.add(term);
  });
  if (total !== null && (total as Tensor).requires_grad) (total as Tensor).backward();
}

describe("modules vs PyTorch", () => {
  for (const c of load<ModuleCase[]>("modules")) {
    test(`${c.name}: ${c.ts}`, () => {
      const m = evalTs<Module>(c.ts);
      expect(String(m)).toBe(c.repr);
      expect(Object.keys(m.state_dict())).toEqual(Object.keys(c.state_dict));
      m.load_state_dict(Object.fromEntries(Object.entries(c.state_dict).map(([k, v]) => [k, build(v)])));
      if (c.name.includes("eval")) m.eval();
      const ins = c.inputs.map((e, i) => build(e, c.input_grads[i] !== null));
      const out = (m as unknown as (...a: Tensor[]) => Tensor | Tensor[])(...ins);
      const outs = Array.isArray(out) ? out : [out];
      c.outputs.forEach((e, i) => expectTensor(outs[i], e, `output ${i}`));
      backprop(outs, c.upstream);
      c.input_grads.forEach((e, i) => {
        if (e) expectTensor(ins[i].grad, e, `grad of input ${i}`);
      });
      const params = new Map(m.named_parameters());
      for (const [k, e] of Object.entries(c.param_grads)) expectTensor(params.get(k)?.grad, e, `grad of ${k}`);
      expect(m.named_parameters().filter(([, p]) => p.grad !== null).map(([k]) => k)).toEqual(Object.keys(c.param_grads));
    });
  }
});

function runFn(c: FnCase): void {
  const f = evalTs<(...a: Tensor[]) => Tensor>(c.ts);
  if (c.repr !== null) expect(String(f)).toBe(c.repr);
  const ins = c.inputs.map((e, i) => build(e, c.input_grads[i] !== null && c.input_grads[i] !== undefined));
  const out = f(...ins);
  expectTensor(out, c.outputs[0], "output");
  backprop([out], c.upstream);
  c.input_grads.forEach((e, i) => {
    if (e) expectTensor(ins[i].grad, e, `grad of input ${i}`);
  });
}

describe("losses vs PyTorch", () => {
  for (const c of load<FnCase[]>("losses")) test(`${c.name}: ${c.ts}`, () => runFn(c));
});

describe("functional vs PyTorch", () => {
  for (const c of load<FnCase[]>("functional")) test(`${c.name}: ${c.ts}`, () => runFn(c));
});

describe("module repr equals PyTorch's str(module)", () => {
  for (const c of load<{ py: string; ts: string; repr: string }[]>("repr")) {
    test(c.ts, () => {
      expect(String(evalTs<Module>(c.ts))).toBe(c.repr);
    });
  }
});
