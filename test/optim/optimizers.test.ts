import { torch } from "../../src";
import type { Tensor } from "../../src/torch";
import ref from "../reference/optim_optimizers.json";
import tuplesRef from "../reference/tuples.json";
import { pyStr } from "../../src/display/print";
import { dict_keys } from "../../src/pydict";

const { optim } = torch;

type Case = {
  optimizer: "SGD" | "Adam" | "AdamW" | "RMSprop" | "Adagrad" | "Adadelta" | "Adamax" | "NAdam" | "RAdam" | "Rprop" | "ASGD";
  kwargs: Record<string, unknown>;
  groups: boolean;
  steps: { loss: number; a: number[]; b: number[] }[];
  state: Record<string, Record<string, number | number[] | null>>;
  state_kinds: Record<string, Record<string, string>>;
  param_groups: Record<string, unknown>[];
  param_group_keys: string[][];
  repr: string;
};
const cases = ref.cases as unknown as Record<string, Case>;

function close(actual: ArrayLike<number>, expected: number[], rtol = 2e-5, atol = 1e-6): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tol = atol + rtol * Math.abs(expected[i]);
    if (Math.abs(actual[i] - expected[i]) > tol) {
      throw new Error(`element ${i}: got ${actual[i]}, expected ${expected[i]} (tol ${tol})\nactual   ${Array.from(actual)}\nexpected ${expected}`);
    }
  }
}

function params(): [Tensor, Tensor] {
  const a = torch.tensor(ref.init.a, { dtype: "float32" }).reshape(2, 3).detach().requires_grad_(true);
  const b = torch.tensor(ref.init.b, { dtype: torch.float32, requires_grad: true });
  return [a, b];
}

function lossOf(a: Tensor, b: Tensor): Tensor {
  const W = { a: torch.tensor(ref.W.a).reshape(2, 3), b: torch.tensor(ref.W.b) };
  const C = { a: torch.tensor(ref.C.a).reshape(2, 3), b: torch.tensor(ref.C.b) };
  return W.a.mul(a).mul(a).sum().add(C.a.mul(a).sum()).add(W.b.mul(b).mul(b).sum()).add(C.b.mul(b).sum());
}

function build(c: Case, a: Tensor, b: Tensor): InstanceType<typeof optim.Optimizer> {
  const Cls = optim[c.optimizer] as unknown as new (p: unknown, o: Record<string, unknown>) => InstanceType<typeof optim.Optimizer>;
  const p = c.groups ? [{ params: [a] }, { params: [b], lr: (c.kwargs.lr as number) * 0.5 }] : [a, b];
  return new Cls(p, c.kwargs);
}

describe("optimizers match PyTorch 1.13 step by step", () => {
  for (const [name, c] of Object.entries(cases)) {
    test(`${name}: ${c.optimizer}(${JSON.stringify(c.kwargs)})${c.groups ? " two groups" : ""}`, () => {
      const [a, b] = params();
      const opt = build(c, a, b);
      const aId = a._s;
      c.steps.forEach((s) => {
        opt.zero_grad();
        const loss = lossOf(a, b);
        loss.backward();
        opt.step();
        expect(loss.item()).toBeCloseTo(s.loss, 3);
        close(a.dataSync(), s.a);
        close(b.dataSync(), s.b);
      });
      // The same tensor objects and storages are updated, so modules keep their parameters.
      expect(a._s).toBe(aId);
      expect(a.requires_grad).toBe(true);
      expect(a.is_leaf).toBe(true);

      const sd = opt.state_dict();
      expect(sd.param_groups.map((g) => Object.keys(g))).toEqual(c.param_group_keys);
      expect(sd.param_groups).toEqual(c.param_groups);
      expect(Object.keys(sd.state)).toEqual(Object.keys(c.state));
      for (const [idx, st] of Object.entries(c.state)) {
        const mine = sd.state[Number(idx)];
        expect(Object.keys(mine)).toEqual(Object.keys(st));
        for (const [k, v] of Object.entries(st)) {
          const kind = c.state_kinds[idx][k];
          const got = mine[k];
          if (kind === "tensor") close((got as Tensor).dataSync(), v as number[]);
          else if (kind === "tensor0d") {
            expect((got as Tensor).dim()).toBe(0);
            expect((got as Tensor).dtype).toBe(torch.float32);
            expect(Math.abs((got as Tensor).item() - (v as number))).toBeLessThanOrEqual(1e-7 * Math.abs(v as number));
          } else expect(got).toEqual(v);
        }
      }
      expect(opt.toString()).toBe(c.repr);
    });
  }
});

describe("state_dict / load_state_dict", () => {
  test.each(["sgd_nesterov", "adam_amsgrad_wd", "rmsprop_centered_momentum", "adamw_default", "adagrad_decay_wd_init", "adadelta_wd_maximize", "adamax_wd", "nadam_wd_decay", "radam_rectified", "rprop_etas_sizes_maximize", "asgd_t0_wd"])("%s: resuming from a state_dict continues identically", (name) => {
    const c = cases[name];
    const [a, b] = params();
    const opt = build(c, a, b);
    for (let i = 0; i < 2; i++) {
      opt.zero_grad();
      lossOf(a, b).backward();
      opt.step();
    }
    const sd = opt.state_dict();
    // A fresh optimizer on copies of the parameters, restored from the state_dict.
    const a2 = a.detach().clone().requires_grad_(true);
    const b2 = b.detach().clone().requires_grad_(true);
    const opt2 = build({ ...c, kwargs: { ...c.kwargs, lr: 123 } }, a2, b2);
    opt2.load_state_dict(sd);
    expect(opt2.param_groups[0].lr).toBe(c.kwargs.lr);
    expect(opt2.param_groups[0].params[0]).toBe(a2);
    for (let i = 2; i < c.steps.length; i++) {
      for (const [o, x, y] of [[opt, a, b], [opt2, a2, b2]] as const) {
        o.zero_grad();
        lossOf(x, y).backward();
        o.step();
      }
      close(a2.dataSync(), c.steps[i].a);
      close(b2.dataSync(), c.steps[i].b);
      expect(Array.from(a2.dataSync())).toEqual(Array.from(a.dataSync()));
    }
  });

  test("loaded state is copied, not shared with the dict", () => {
    const p = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const opt = new optim.SGD([p], { lr: 0.1, momentum: 0.9 });
    p.sum().backward();
    opt.step();
    const sd = opt.state_dict();
    const q = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const opt2 = new optim.SGD([q], { lr: 0.1, momentum: 0.9 });
    opt2.load_state_dict(sd);
    expect(opt2.state.get(q)!.momentum_buffer).not.toBe(sd.state[0].momentum_buffer);
    expect(Array.from((opt2.state.get(q)!.momentum_buffer as Tensor).dataSync())).toEqual([1, 1]);
  });

  test("different number of groups", () => {
    const p = torch.ones(2, { requires_grad: true });
    const q = torch.ones(2, { requires_grad: true });
    const sd = new optim.SGD([p, q], { lr: 0.1 }).state_dict();
    const two = new optim.SGD([{ params: [p] }, { params: [q] }], { lr: 0.1 });
    expect(() => two.load_state_dict(sd)).toThrow("loaded state dict has a different number of parameter groups");
    const one = new optim.SGD([p], { lr: 0.1 });
    expect(() => one.load_state_dict(sd)).toThrow("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
    expect(() => one.load_state_dict({} as never)).toThrow(/expected an object with 'state' and 'param_groups'/);
  });

  test("state tensor of the wrong shape", () => {
    const p = torch.ones(2, { requires_grad: true });
    const opt = new optim.SGD([p], { lr: 0.1, momentum: 0.9 });
    expect(() =>
      opt.load_state_dict({ state: { 0: { momentum_buffer: torch.ones(3) } }, param_groups: [{ ...opt.state_dict().param_groups[0] }] }),
    ).toThrow("loaded state dict has a 'momentum_buffer' of shape [3] for a parameter of shape [2]");
  });

  test("Adam's step is stored as a tensor in state_dict and accepted as one", () => {
    const p = torch.ones(2, { requires_grad: true });
    const opt = new optim.Adam([p], { lr: 0.1 });
    p.sum().backward();
    opt.step();
    opt.step();
    const sd = opt.state_dict();
    expect((sd.state[0].step as Tensor).item()).toBe(2);
    const opt2 = new optim.Adam([p], { lr: 0.1 });
    opt2.load_state_dict(sd);
    expect(opt2.state.get(p)!.step).toBe(2);
  });
});

test("Adagrad's state exists from construction, as in PyTorch", () => {
  const p = torch.ones(2, { requires_grad: true });
  const sd = new optim.Adagrad([p], { initial_accumulator_value: 0.5 }).state_dict();
  expect((sd.state[0].step as Tensor).item()).toBe(0);
  expect(Array.from((sd.state[0].sum as Tensor).dataSync())).toEqual([0.5, 0.5]);
});

describe("zero_grad", () => {
  test("fills with zeros by default (PyTorch 1.13), keeping the grad tensor", () => {
    const p = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const opt = new optim.SGD([p], { lr: 0.1 });
    p.mul(3).sum().backward();
    const g = p.grad!;
    opt.zero_grad();
    expect(p.grad).toBe(g);
    expect(Array.from(g.dataSync())).toEqual([0, 0]);
  });
  test("set_to_none drops the grad, and step then skips the parameter", () => {
    const p = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const q = torch.tensor([1.0], { dtype: torch.float32, requires_grad: true });
    const opt = new optim.SGD([p, q], { lr: 0.1, momentum: 0.9 });
    p.mul(3).sum().backward();
    q.sum().backward();
    opt.zero_grad({ set_to_none: true });
    expect(p.grad).toBeNull();
    opt.zero_grad(true);
    p.sum().backward();
    opt.step();
    expect(Array.from(q.dataSync())).toEqual([1]);
    expect(opt.state.has(q)).toBe(false);
    expect(Array.from(p.dataSync())).toEqual([0.9, 1.9].map(Math.fround));
  });
});

describe("construction", () => {
  test("positional hyper-parameters as in PyTorch", () => {
    const p = torch.ones(2, { requires_grad: true });
    const opt = new optim.SGD([p], 0.1, 0.9);
    expect(opt.param_groups[0].lr).toBe(0.1);
    expect(opt.param_groups[0].momentum).toBe(0.9);
    const adam = new optim.Adam([p], 0.01, [0.5, 0.6], { amsgrad: true });
    expect(adam.param_groups[0].betas).toEqual([0.5, 0.6]);
    expect(adam.param_groups[0].amsgrad).toBe(true);
  });

  test("parameter groups take their own options and the defaults for the rest", () => {
    const p = torch.ones(2, { requires_grad: true });
    const q = torch.ones(2, { requires_grad: true });
    const opt = new optim.SGD([{ params: [p] }, { params: q, lr: 0.5, tag: "head" }], { lr: 0.1, momentum: 0.9 });
    expect(opt.param_groups[1].params.length).toBe(1);
    expect(opt.param_groups[1].params[0]).toBe(q);
    expect(opt.param_groups[1].lr).toBe(0.5);
    expect(opt.param_groups[1].momentum).toBe(0.9);
    expect(opt.param_groups[1].tag).toBe("head");
    expect(opt.param_groups[0].lr).toBe(0.1);
  });

  test("add_param_group", () => {
    const p = torch.ones(2, { requires_grad: true });
    const q = torch.ones(2, { requires_grad: true });
    const opt = new optim.Adam([p]);
    opt.add_param_group({ params: [q], lr: 0.5 });
    expect(opt.param_groups.length).toBe(2);
    expect(opt.param_groups[1].betas).toEqual([0.9, 0.999]);
    expect(() => opt.add_param_group({ params: [q] })).toThrow("some parameters appear in more than one parameter group");
  });

  test("a generator of parameters works (any iterable)", () => {
    const p = torch.ones(2, { requires_grad: true });
    function* gen(): Generator<Tensor> {
      yield p;
    }
    expect(new optim.SGD(gen(), { lr: 1 }).param_groups[0].params[0]).toBe(p);
  });

  test("step(closure) re-evaluates under grad mode and returns the loss", () => {
    const p = torch.tensor([2.0], { dtype: torch.float32, requires_grad: true });
    const opt = new optim.SGD([p], { lr: 0.25 });
    const loss = torch.no_grad(() =>
      opt.step(() => {
        opt.zero_grad();
        const l = p.mul(p).sum();
        l.backward();
        return l;
      }),
    );
    expect((loss as Tensor).item()).toBe(4);
    expect(p.item()).toBe(1);
  });
});

describe("hyper-parameters are validated up front with PyTorch's messages", () => {
  const p = (): Tensor => torch.ones(2, { requires_grad: true });
  test.each([
    ["SGD lr", () => new optim.SGD([p()], { lr: -1 }), "Invalid learning rate: -1"],
    ["Rprop etas", () => new optim.Rprop([p()], { etas: [0.5, 0.9] }), "Invalid eta values: 0.5, 0.9"],
    ["Rprop lr", () => new optim.Rprop([p()], { lr: -1 }), "Invalid learning rate: -1"],
    ["ASGD lr", () => new optim.ASGD([p()], { lr: -0.1 }), "Invalid learning rate: -0.1"],
    ["ASGD weight_decay", () => new optim.ASGD([p()], { weight_decay: -0.5 }), "Invalid weight_decay value: -0.5"],
    ["SGD momentum", () => new optim.SGD([p()], { lr: 0.1, momentum: -0.5 }), "Invalid momentum value: -0.5"],
    ["SGD weight_decay", () => new optim.SGD([p()], { lr: 0.1, weight_decay: -1e-5 }), "Invalid weight_decay value: -1e-05"],
    ["SGD nesterov without momentum", () => new optim.SGD([p()], { lr: 0.1, nesterov: true }), "Nesterov momentum requires a momentum and zero dampening"],
    ["SGD nesterov with dampening", () => new optim.SGD([p()], { lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true }), "Nesterov momentum requires a momentum and zero dampening"],
    ["SGD without lr", () => new optim.SGD([p()]), "parameter group didn't specify a value of required optimization parameter lr"],
    ["Adam lr", () => new optim.Adam([p()], { lr: -0.001 }), "Invalid learning rate: -0.001"],
    ["Adam eps", () => new optim.Adam([p()], { eps: -1 }), "Invalid epsilon value: -1"],
    ["Adam beta0", () => new optim.Adam([p()], { betas: [1, 0.999] }), "Invalid beta parameter at index 0: 1.0"],
    ["Adam beta1", () => new optim.Adam([p()], { betas: [0.9, 1.5] }), "Invalid beta parameter at index 1: 1.5"],
    ["Adam weight_decay", () => new optim.Adam([p()], { weight_decay: -0.1 }), "Invalid weight_decay value: -0.1"],
    ["AdamW beta0", () => new optim.AdamW([p()], { betas: [-0.1, 0.9] }), "Invalid beta parameter at index 0: -0.1"],
    ["AdamW lr NaN", () => new optim.AdamW([p()], { lr: NaN }), "Invalid learning rate: nan"],
    ["RMSprop alpha", () => new optim.RMSprop([p()], { alpha: -0.1 }), "Invalid alpha value: -0.1"],
    ["RMSprop momentum", () => new optim.RMSprop([p()], { momentum: -1 }), "Invalid momentum value: -1"],
    ["RMSprop eps", () => new optim.RMSprop([p()], { eps: -1e-8 }), "Invalid epsilon value: -1e-08"],
    ["Adagrad lr_decay", () => new optim.Adagrad([p()], { lr_decay: -0.1 }), "Invalid lr_decay value: -0.1"],
    ["Adagrad initial_accumulator_value", () => new optim.Adagrad([p()], { initial_accumulator_value: -1 }), "Invalid initial_accumulator_value value: -1"],
    ["Adagrad eps", () => new optim.Adagrad([p()], { eps: -1e-10 }), "Invalid epsilon value: -1e-10"],
    ["Adadelta rho", () => new optim.Adadelta([p()], { rho: 1.5 }), "Invalid rho value: 1.5"],
    ["Adamax beta", () => new optim.Adamax([p()], { betas: [0.9, 1] }), "Invalid beta parameter at index 1: 1.0"],
    ["NAdam momentum_decay", () => new optim.NAdam([p()], { momentum_decay: -1 }), "Invalid momentum_decay value: -1"],
    ["RAdam eps", () => new optim.RAdam([p()], { eps: -1 }), "Invalid epsilon value: -1"],
    ["empty parameter list", () => new optim.SGD([], { lr: 0.1 }), "optimizer got an empty parameter list"],
    ["non-leaf tensor", () => new optim.SGD([p().mul(2)], { lr: 0.1 }), "can't optimize a non-leaf Tensor"],
  ])("%s", (_name, make, message) => {
    expect(make).toThrow(message);
    try {
      make();
    } catch (e) {
      expect((e as Error).name).toBe("ValueError");
    }
  });

  test.each([
    ["a tensor instead of a list", () => new optim.SGD(torch.ones(2, { requires_grad: true }) as never, { lr: 0.1 }), "params argument given to the optimizer should be an iterable of Tensors or dicts, but got torch.FloatTensor"],
    ["a number in the list", () => new optim.SGD([3] as never, { lr: 0.1 }), "optimizer can only optimize Tensors, but one of the params is int"],
    ["a Set of params", () => new optim.SGD([{ params: new Set([torch.ones(1, { requires_grad: true })]) }] as never, { lr: 0.1 }), "optimizer parameters need to be organized in ordered collections"],
    ["unknown option", () => new optim.SGD([torch.ones(1, { requires_grad: true })], { lr: 0.1, momentun: 0.9 } as never), "SGD() got an unexpected keyword argument 'momentun'"],
    ["lr of the wrong type", () => new optim.SGD([torch.ones(1, { requires_grad: true })], { lr: "0.1" } as never), "SGD(): lr must be a number, got string"],
    ["a group that is not an object", () => new optim.SGD([torch.ones(1, { requires_grad: true })], { lr: 0.1 }).add_param_group([] as never), "param group must be a dict"],
    ["params missing", () => new optim.SGD(undefined as never, { lr: 0.1 }), "params argument given to the optimizer should be an iterable of Tensors or dicts, but got NoneType"],
    ["a closure that is not a function", () => new optim.SGD([torch.ones(1, { requires_grad: true })], { lr: 0.1 }).step(3 as never), "step(): closure must be a function, not int"],
    ["betas not a pair", () => new optim.Adam([torch.ones(1, { requires_grad: true })], { betas: [0.9] } as never), "Adam(): betas must be a pair of numbers"],
  ])("TypeError: %s", (_name, make, message) => {
    expect(make).toThrow(message);
    try {
      make();
    } catch (e) {
      expect((e as Error).name).toBe("TypeError");
    }
  });
});

test("duplicate parameters in a group warn, as in PyTorch", () => {
  const p = torch.ones(1, { requires_grad: true });
  const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
  new optim.SGD([p, p], { lr: 0.1 });
  expect(spy).toHaveBeenCalledWith(expect.stringContaining("optimizer contains a parameter group with duplicate parameters"), "UserWarning");
  spy.mockRestore();
});

test("a custom optimizer overrides step(), PyTorch-style, and works with schedulers and state_dict", () => {
  class SignSGD extends optim.Optimizer {
    constructor(params: Tensor[], lr = 0.01) {
      super(params, { lr });
    }
    step(): undefined {
      torch.no_grad(() => {
        for (const g of this.param_groups) for (const p of g.params) if (p.grad) p.sub_(p.grad.sign().mul(g.lr));
      });
      return undefined;
    }
  }
  const p = torch.tensor([1.0, -2.0], { dtype: torch.float32, requires_grad: true });
  const opt = new SignSGD([p], 0.5);
  const sched = new optim.lr_scheduler.StepLR(opt, 1, { gamma: 0.5 });
  p.mul(p).sum().backward();
  const spy = jest.spyOn(process, "emitWarning");
  opt.step();
  sched.step();
  expect(spy).not.toHaveBeenCalled();
  spy.mockRestore();
  expect(Array.from(p.dataSync())).toEqual([0.5, -1.5]);
  expect(opt.param_groups[0].lr).toBe(0.25);
  expect(opt.state_dict().param_groups[0]).toEqual({ lr: 0.25, initial_lr: 0.5, params: [0] });
  expect(() => new optim.Optimizer([p], { lr: 1 }).step()).toThrow("Optimizer must override step() (or _updateGroup(group))");
});

describe("memory", () => {
  test("a step leaves no tfjs tensors behind beyond the state it created", () => {
    const a = torch.randn(8, 8, { requires_grad: true });
    const opt = new optim.Adam([a], { lr: 0.01, amsgrad: true });
    a.mul(a).sum().backward();
    opt.step();
    const before = torch.memory().numTensors;
    for (let i = 0; i < 5; i++) opt.step();
    expect(torch.memory().numTensors).toBeLessThanOrEqual(before);
  });
});

test("state_dict() prints as PyTorch 1.13's: state keyed by int, betas a tuple (test/reference/gen_tuples.py)", () => {
  const a = torch.tensor([1.0, -2.0], { dtype: torch.float32, requires_grad: true });
  const b = torch.tensor([0.5], { dtype: torch.float32, requires_grad: true });
  const sgd = new optim.SGD([a, b], { lr: 0.5, momentum: 0.5 });
  a.mul(a).sum().add(b.mul(b).sum()).backward();
  sgd.step();
  expect(pyStr(sgd.state_dict())).toBe(tuplesRef["SGD.state_dict()"]);
  expect(pyStr(dict_keys(sgd.state_dict().state))).toBe(tuplesRef["SGD.state_dict()['state'].keys()"]);
  const adam = new optim.Adam([{ params: [a] }, { params: [b], lr: 0.25 }], { lr: 0.5 });
  adam.step();
  expect(pyStr(adam.state_dict())).toBe(tuplesRef["Adam.state_dict()"]);
  expect(pyStr(adam.state_dict().param_groups[1].params)).toBe(tuplesRef["Adam.state_dict()['param_groups'][1]['params']"]);
});
