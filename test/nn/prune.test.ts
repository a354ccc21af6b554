/**
 * torch.nn.utils.prune against test/reference/gen_prune.py (prune.json): the Pruning Tutorial's
 * LeNet sections (random, L1, iterative Ln-structured pruning, state_dict keys, remove, pruning many
 * layers, global pruning, a custom method) and the other methods and error paths.
 */
import { torch } from "../../src";
import { plainText } from "../../src/display/emitter";
import { Encoded, build, expectClose, readReference, Err, expectError } from "../tensor/fixtures";

const nn = torch.nn;
const prune = nn.utils.prune;
type Module = InstanceType<typeof nn.Module>;
type Linear = InstanceType<typeof nn.Linear>;
type PruningContainer = InstanceType<typeof prune.PruningContainer>;
type BasePruningMethod = InstanceType<typeof prune.BasePruningMethod>;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
type Sig = [number, number, number, number];
type Named = { params: string[]; buffers: string[] };
const ref = readReference<{
  tutorial: {
    conv1_weight: Encoded;
    conv1_bias: Encoded;
    fc3_weight_sum: number;
    params0: string[];
    random: Named & { mask: Encoded; weight: Encoded; hooks: number };
    l1_bias: Named & { mask: Encoded; bias: Encoded; hooks: number };
    iterative: { mask: Encoded; weight: Encoded; history: string[]; container: string };
    state_dict_keys: string[];
    forward: { x: Encoded; y: Encoded; grad_weight_orig: Encoded; grad_bias_orig: Encoded };
    removed: Named & { weight: Encoded; hooks: number; is_pruned: boolean };
    is_pruned_after: boolean;
    multiple: { buffers: string[]; sigs: Record<string, Sig> };
    global: { sigs: Record<string, Sig>; sparsity: Record<string, number>; hook: string };
    custom: { bias_mask: Encoded };
  };
  methods: {
    random_structured: { weight0: Encoded; mask: Encoded };
    ln_iterative: { w: Encoded; mask: Encoded; history: string[] };
    scores: { mask: Encoded; bias_mask: Encoded; bias: Encoded; bias_hook: string };
    method_prune: Encoded;
    round_half_even: Encoded;
    global_after_local: { lin: Encoded; a: Encoded; history: string[] };
    errors: Record<string, Err>;
    after_failure: Named;
  };
}>("prune.json");

class LeNet extends nn.Module {
  conv1 = new nn.Conv2d(1, 6, 3);
  conv2 = new nn.Conv2d(6, 16, 3);
  fc1 = new nn.Linear(16 * 5 * 5, 120);
  fc2 = new nn.Linear(120, 84);
  fc3 = new nn.Linear(84, 10);
  forward(x: Tensor): Tensor {
    x = F.max_pool2d(F.relu(this.conv1(x)), [2, 2]);
    x = F.max_pool2d(F.relu(this.conv2(x)), 2);
    x = x.view(-1, Math.trunc(x.nelement() / x.shape[0]));
    x = F.relu(this.fc1(x));
    x = F.relu(this.fc2(x));
    return this.fc3(x);
  }
}

const names = (pairs: [string, unknown][]): string[] => pairs.map(([n]) => n);
const hookOf = (m: Module, i = 0): unknown => [...m._forward_pre_hooks.values()][i];
const className = (x: unknown): string => (x as object).constructor.name;
const field = (m: Module, n: string): Tensor => (m as unknown as Record<string, Tensor>)[n];

function sig(mask: Tensor): Sig {
  const v = mask.reshape(-1).dataSync();
  let zeros = 0;
  let s = 0;
  let sq = 0;
  v.forEach((x, i) => {
    if (x === 0) {
      zeros++;
      s += i;
      sq += i * i;
    }
  });
  return [v.length, zeros, s, sq];
}

describe("the Pruning Tutorial on LeNet", () => {
  const t = ref.tutorial;
  test("one layer: random, L1 on the bias, iterative Ln-structured, state_dict, forward, remove", () => {
    torch.manual_seed(0);
    const model = new LeNet();
    const module = model.conv1;
    // Seeded initialisation draws PyTorch's weights.
    expectClose("conv1.weight", module.weight, t.conv1_weight, 1e-6, 1e-9);
    expectClose("conv1.bias", module.bias as Tensor, t.conv1_bias, 1e-6, 1e-9);
    expect(model.fc3.weight.sum().item()).toBeCloseTo(t.fc3_weight_sum, 4);
    expect(names(module.named_parameters())).toEqual(t.params0);

    prune.random_unstructured(module, "weight", 0.3);
    expect(names(module.named_parameters())).toEqual(t.random.params);
    expect(names(module.named_buffers())).toEqual(t.random.buffers);
    expectClose("weight_mask", field(module, "weight_mask"), t.random.mask, 1e-6, 1e-9);
    expectClose("weight", module.weight, t.random.weight, 1e-6, 1e-9);
    expect(module.weight).not.toBeInstanceOf(nn.Parameter);
    expect(module._forward_pre_hooks.size).toBe(t.random.hooks);

    prune.l1_unstructured(module, { name: "bias", amount: 3 });
    expect(names(module.named_parameters())).toEqual(t.l1_bias.params);
    expect(names(module.named_buffers())).toEqual(t.l1_bias.buffers);
    expectClose("bias_mask", field(module, "bias_mask"), t.l1_bias.mask, 1e-6, 1e-9);
    expectClose("bias", module.bias as Tensor, t.l1_bias.bias, 1e-6, 1e-9);
    expect(module._forward_pre_hooks.size).toBe(t.l1_bias.hooks);

    prune.ln_structured(module, "weight", 0.5, 2, 0);
    expectClose("combined mask", field(module, "weight_mask"), t.iterative.mask, 1e-6, 1e-9);
    expectClose("weight", module.weight, t.iterative.weight, 1e-6, 1e-9);
    const hook = [...module._forward_pre_hooks.values()].find((h) => (h as unknown as BasePruningMethod)._tensor_name === "weight") as unknown as PruningContainer;
    expect(className(hook)).toBe(t.iterative.container);
    expect([...hook].map(className)).toEqual(t.iterative.history);
    expect(hook.length).toBe(2);
    expect(Object.keys(model.state_dict())).toEqual(t.state_dict_keys);

    torch.manual_seed(1);
    const x = torch.rand(2, 1, 28, 28);
    expectClose("x", x, t.forward.x, 1e-6, 1e-9);
    const y = model(x);
    expectClose("y", y, t.forward.y);
    y.sum().backward();
    expectClose("weight_orig.grad", field(module, "weight_orig").grad as Tensor, t.forward.grad_weight_orig);
    expectClose("bias_orig.grad", field(module, "bias_orig").grad as Tensor, t.forward.grad_bias_orig);

    prune.remove(module, "weight");
    expect(names(module.named_parameters())).toEqual(t.removed.params);
    expect(names(module.named_buffers())).toEqual(t.removed.buffers);
    expect(module.weight).toBeInstanceOf(nn.Parameter);
    expectClose("weight after remove", module.weight, t.removed.weight, 1e-6, 1e-9);
    expect(module._forward_pre_hooks.size).toBe(t.removed.hooks);
    expect(prune.is_pruned(model)).toBe(t.removed.is_pruned);
    prune.remove(module, "bias");
    expect(prune.is_pruned(model)).toBe(t.is_pruned_after);
    expect(module.bias).toBeInstanceOf(nn.Parameter);

    // Pruning many layers by type, same stream as the tutorial's next cell.
    const newModel = new LeNet();
    for (const [, m] of newModel.named_modules()) {
      if (m instanceof nn.Conv2d) prune.l1_unstructured(m, "weight", 0.2);
      else if (m instanceof nn.Linear) prune.l1_unstructured(m, "weight", 0.4);
    }
    expect(names(newModel.named_buffers())).toEqual(t.multiple.buffers);
    for (const [n, b] of newModel.named_buffers()) expect([n, sig(b)]).toEqual([n, t.multiple.sigs[n]]);

    torch.manual_seed(2);
    const g = new LeNet();
    prune.global_unstructured(
      [[g.conv1, "weight"], [g.conv2, "weight"], [g.fc1, "weight"], [g.fc2, "weight"], [g.fc3, "weight"]],
      prune.L1Unstructured,
      { amount: 0.2 },
    );
    for (const [n, b] of g.named_buffers()) expect([n, sig(b)]).toEqual([n, t.global.sigs[n]]);
    for (const n of ["conv1", "conv2", "fc1", "fc2", "fc3"] as const) {
      const w = g[n].weight;
      expect(100 * w.eq(0).sum().item() / w.nelement()).toBeCloseTo(t.global.sparsity[n], 10);
    }
    expect(className(hookOf(g.conv1))).toBe(t.global.hook);
  });

  test("a custom pruning method (every other entry)", () => {
    class FooBarPruningMethod extends prune.BasePruningMethod {
      PRUNING_TYPE = "unstructured" as const;
      compute_mask(_t: Tensor, default_mask: Tensor): Tensor {
        const mask = default_mask.clone();
        mask.view(-1).index("::2").fill_(0);
        return mask;
      }
    }
    const model = new LeNet();
    FooBarPruningMethod.apply(model.fc3, "bias");
    expectClose("fc3.bias_mask", field(model.fc3, "bias_mask"), t.custom.bias_mask, 1e-6, 1e-9);
    expect(String(hookOf(model.fc3))).toMatch(/^<torch\.nn\.utils\.prune\.FooBarPruningMethod object at 0x7f[0-9a-f]{10}>$/);
    // A cell's value: IPython's form, without "object".
    expect(plainText(hookOf(model.fc3))).toBe(String(hookOf(model.fc3)).replace(" object at ", " at "));
  });
});

describe("pruning methods", () => {
  const o = ref.methods;
  const w = (): Tensor => build(o.ln_iterative.w);
  const withWeight = (m: Linear): Linear => {
    torch.no_grad(() => m.weight.copy_(w()));
    return m;
  };

  test("random_structured along dim 0 then a count along dim 1", () => {
    torch.manual_seed(3);
    const lin = new nn.Linear(5, 4);
    expectClose("weight", field(lin, "weight"), o.random_structured.weight0, 1e-6, 1e-9);
    prune.random_structured(lin, "weight", 0.5, 0);
    prune.random_structured(lin, "weight", { amount: 2, dim: 1 });
    expectClose("mask", field(lin, "weight_mask"), o.random_structured.mask, 1e-6, 1e-9);
  });

  test("ln_structured by L1 over columns, L-inf over rows, then L1 unstructured", () => {
    const lin = withWeight(new nn.Linear(4, 3));
    prune.ln_structured(lin, "weight", 1, 1, 1);
    prune.ln_structured(lin, "weight", { amount: 0.34, n: Infinity, dim: 0 });
    prune.l1_unstructured(lin, "weight", 0.5);
    expectClose("mask", field(lin, "weight_mask"), o.ln_iterative.mask, 1e-6, 1e-9);
    expect([...(hookOf(lin) as PruningContainer)].map(className)).toEqual(o.ln_iterative.history);
  });

  test("importance_scores, custom_from_mask, identity", () => {
    const lin = withWeight(new nn.Linear(4, 3));
    const scores = torch.tensor([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]).float();
    prune.l1_unstructured(lin, "weight", 5, { importance_scores: scores });
    prune.custom_from_mask(lin, "bias", torch.tensor([0.0, 1, 1]));
    prune.identity(lin, "bias");
    expectClose("weight_mask", field(lin, "weight_mask"), o.scores.mask, 1e-6, 1e-9);
    expectClose("bias_mask", field(lin, "bias_mask"), o.scores.bias_mask, 1e-6, 1e-9);
    expect(className(hookOf(lin, 1))).toBe(o.scores.bias_hook);
    expect(field(lin, "bias").eq(field(lin, "bias_orig").mul(field(lin, "bias_mask"))).all().item()).toBe(true);
  });

  test("method.prune and Python's round-half-even amount", () => {
    expectClose("prune", new prune.L1Unstructured(0.5).prune(w()), o.method_prune, 1e-6, 1e-9);
    const m = new prune.L1Unstructured({ amount: 0.5 }).compute_mask(torch.tensor([1, -2, 3, 0.5, -4]), torch.ones(5));
    expectClose("round(2.5) = 2", m, o.round_half_even, 1e-6, 1e-9);
  });

  test("global_unstructured over a pruned and an unpruned layer", () => {
    const lin = withWeight(new nn.Linear(4, 3));
    const a = new nn.Linear(2, 2);
    torch.no_grad(() => a.weight.copy_(torch.tensor([[0.05, 3.0], [-0.25, 1.0]])));
    prune.l1_unstructured(lin, "weight", 2);
    prune.global_unstructured([[lin, "weight"], [a, "weight"]], prune.L1Unstructured, { amount: 4 });
    expectClose("lin mask", field(lin, "weight_mask"), o.global_after_local.lin, 1e-6, 1e-9);
    expectClose("a mask", field(a, "weight_mask"), o.global_after_local.a, 1e-6, 1e-9);
    expect([...(hookOf(lin) as PruningContainer)].map(className)).toEqual(o.global_after_local.history);
  });

  test("global_unstructured with the method as a keyword (the tutorial's pruning_method=prune.L1Unstructured)", () => {
    const lin = withWeight(new nn.Linear(4, 3));
    const a = new nn.Linear(2, 2);
    torch.no_grad(() => a.weight.copy_(torch.tensor([[0.05, 3.0], [-0.25, 1.0]])));
    prune.l1_unstructured(lin, "weight", 2);
    prune.global_unstructured([[lin, "weight"], [a, "weight"]], { pruning_method: prune.L1Unstructured, amount: 4 });
    expectClose("lin mask", field(lin, "weight_mask"), o.global_after_local.lin, 1e-6, 1e-9);
    expectClose("a mask", field(a, "weight_mask"), o.global_after_local.a, 1e-6, 1e-9);
    expect(() => prune.global_unstructured([[a, "weight"]], { amount: 1 })).toThrow("global_unstructured() missing 1 required positional argument: 'pruning_method'");
    expect(() => prune.global_unstructured([[a, "weight"]], { pruning_method: prune.L1Unstructured }, { amount: 1 })).toThrow(/every other argument goes in that same options object/);
  });

  test("global_unstructured with importance_scores keyed by the (module, name) pairs", () => {
    const a = new nn.Linear(2, 2);
    const key = [a, "weight"] as const;
    prune.global_unstructured([key], prune.L1Unstructured, { amount: 1, importance_scores: new Map([[key, torch.tensor([[4.0, 3], [1, 2]])]]) });
    expect(field(a, "weight_mask").tolist()).toEqual([[1, 1], [0, 1]]);
  });

  test("errors", () => {
    const e = o.errors;
    const lin = (): Linear => new nn.Linear(3, 2);
    expectError(() => prune.l1_unstructured(lin(), "weight", -0.5), e.amount_negative);
    expectError(() => prune.l1_unstructured(lin(), "weight", -2), e.amount_negative_int);
    expectError(() => prune.l1_unstructured(lin(), "weight", 1.5), e.amount_big_float);
    expectError(() => prune.l1_unstructured(lin(), "weight", "a" as unknown as number), e.amount_str);
    expectError(() => prune.l1_unstructured(lin(), "weight", 7), e.amount_too_many);
    expectError(() => prune.ln_structured(lin(), "bias", 1, 2, 0), e.structured_1d);
    expectError(() => prune.random_structured(lin(), "weight", 1, 2), e.structured_dim);
    expectError(() => prune.remove(lin(), "weight"), e.remove_unpruned);
    expectError(() => prune.global_unstructured([[lin(), "weight"]], prune.RandomStructured, { amount: 1 }), e.global_not_unstructured);
    expectError(() => prune.global_unstructured([[lin(), "weight"]], prune.L1Unstructured, { amount: 1, importance_scores: [1] as unknown as Map<readonly [Module, string], Tensor> }), e.global_scores_type);
    const m = lin();
    expect(() => prune.l1_unstructured(m, "weight", 7)).toThrow();
    expect(names(m.named_parameters())).toEqual(o.after_failure.params);
    expect(names(m.named_buffers())).toEqual(o.after_failure.buffers);
    expect(m.weight).toBeInstanceOf(nn.Parameter);
  });
});
