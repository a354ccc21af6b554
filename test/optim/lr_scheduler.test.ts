import { torch } from "../../src";
import ref from "../reference/optim_schedulers.json";

const { optim } = torch;
const S = optim.lr_scheduler;
type Sched = { step(metric: number): void; get_last_lr(): number[] };
type Case = { lrs: number[][]; last_lr: number[][]; momentum: number[][] };
const cases = ref.cases as Record<string, Case>;

function run(make: (o: InstanceType<typeof optim.Optimizer>) => Sched[], c: Case, metrics?: number[], adam = false, epochs?: number[], groups = false): void {
  const p = torch.zeros(1, { requires_grad: true });
  const opt = groups
    ? new optim.SGD([{ params: [p] }, { params: [torch.zeros(1, { requires_grad: true })], lr: 0.05 }], { lr: 0.1 })
    : adam
      ? new optim.Adam([p], { lr: 0.1 })
      : new optim.SGD([p], { lr: 0.1 });
  const scheds = make(opt);
  const mom = (): number[] => opt.param_groups.map((g) => (adam ? (g.betas as number[])[0] : (g.momentum as number)));
  const lrs = [opt.param_groups.map((g) => g.lr)];
  const moms = [mom()];
  for (let e = 0; e < c.lrs.length - 1; e++) {
    opt.step();
    for (const s of scheds) (metrics ? s.step(metrics[e]) : epochs ? s.step(epochs[e]) : (s as unknown as { step(): void }).step());
    lrs.push(opt.param_groups.map((g) => g.lr));
    moms.push(mom());
  }
  lrs.forEach((row, i) => row.forEach((lr, j) => expect(lr).toBeCloseTo(c.lrs[i][j], 14)));
  moms.forEach((row, i) => row.forEach((m, j) => expect(m).toBeCloseTo(c.momentum[i][j], 14)));
  scheds.forEach((s, i) => s.get_last_lr().forEach((lr, j) => expect(lr).toBeCloseTo(c.last_lr[i][j], 14)));
}

/**
 * UvA DL tutorial 6's scheduler, a user's subclass of `_LRScheduler` written as in PyTorch, with its
 * fields set after `super(optimizer)` (JavaScript cannot set them before): the first step (epoch 0's
 * lr, 0 during warm-up) is taken before the optimizer's first step, as PyTorch's constructor takes it.
 */
class CosineWarmupScheduler extends S._LRScheduler {
  warmup: number;
  max_num_iters: number;
  constructor(optimizer: InstanceType<typeof optim.Optimizer>, warmup: number, max_iters: number) {
    super(optimizer);
    this.warmup = warmup;
    this.max_num_iters = max_iters;
  }
  get_lr(): number[] {
    const lr_factor = this.get_lr_factor(this.last_epoch);
    return this.base_lrs.map((base_lr) => base_lr * lr_factor);
  }
  get_lr_factor(epoch: number): number {
    let lr_factor = 0.5 * (1 + Math.cos((Math.PI * epoch) / this.max_num_iters));
    if (epoch <= this.warmup) lr_factor *= (epoch * 1.0) / this.warmup;
    return lr_factor;
  }
}

describe("a user's subclass of _LRScheduler takes PyTorch's first step", () => {
  test("CosineWarmupScheduler(warmup=3, max_iters=8): lrs and get_last_lr epoch by epoch", () => {
    // run() reads the lr before the optimizer's first step: the optimizer's own 0.1 until then.
    const c = cases.user_subclass_warmup;
    run((o) => [new CosineWarmupScheduler(o, 3, 8)], { ...c, lrs: [[0.1], ...c.lrs.slice(1)] });
  });
  test("the first step comes with step(), get_last_lr() or state_dict(), whichever is first", () => {
    const make = () => new CosineWarmupScheduler(new optim.SGD([torch.zeros(1, { requires_grad: true })], { lr: 0.1 }), 3, 8);
    expect(make().get_last_lr()).toEqual([0]);
    expect(make().state_dict().last_epoch).toBe(0);
    const s = make();
    s.optimizer.step();
    s.step();
    expect(s.last_epoch).toBe(1);
    expect(s.get_last_lr()[0]).toBeCloseTo(cases.user_subclass_warmup.lrs[1][0], 14);
  });
  test("torchlab's own schedulers take theirs in the constructor (SequentialLR and ChainedScheduler none of their own)", () => {
    const opt = new optim.SGD([torch.zeros(1, { requires_grad: true })], { lr: 0.1 });
    const step = new S.StepLR(opt, 2);
    expect(step.last_epoch).toBe(0);
    opt.step();
    expect(step.last_epoch).toBe(0);
  });
});

describe("schedulers match PyTorch 1.13 epoch by epoch", () => {
  test("StepLR(step_size=3, gamma=0.5)", () => run((o) => [new S.StepLR(o, 3, { gamma: 0.5 })], cases.step));
  test("StepLR with options only", () => run((o) => [new S.StepLR(o, { step_size: 3, gamma: 0.5 })], cases.step));
  test("MultiStepLR([2, 5, 5, 8], gamma=0.1) (a repeated milestone decays twice)", () =>
    run((o) => [new S.MultiStepLR(o, [2, 5, 5, 8], { gamma: 0.1 })], cases.multistep));
  test("ExponentialLR(0.9)", () => run((o) => [new S.ExponentialLR(o, 0.9)], cases.exponential));
  test("CosineAnnealingLR(T_max=4, eta_min=0.01), past T_max", () =>
    run((o) => [new S.CosineAnnealingLR(o, 4, { eta_min: 0.01 })], cases.cosine));
  test("CosineAnnealingLR(T_max=5)", () => run((o) => [new S.CosineAnnealingLR(o, { T_max: 5 })], cases.cosine_no_min));
  test("LambdaLR(0.95 ** epoch)", () => run((o) => [new S.LambdaLR(o, (e) => 0.95 ** e)], cases.lambda));
  test("LambdaLR({lr_lambda}) by keyword", () => run((o) => [new S.LambdaLR(o, { lr_lambda: (e) => 0.95 ** e })], cases.lambda));
  test("LambdaLR({lr_lambda: [f, g]}) one lambda per param group", () =>
    run((o) => [new S.LambdaLR(o, { lr_lambda: [(e) => 0.9 ** e, (e) => 1 / (e + 1)] })], cases.lambda_groups, undefined, false, undefined, true));
  test("LambdaLR([f, g]) positional, one per param group", () =>
    run((o) => [new S.LambdaLR(o, [(e) => 0.9 ** e, (e) => 1 / (e + 1)], { last_epoch: -1 })], cases.lambda_groups, undefined, false, undefined, true));
  test("StepLR and ExponentialLR chained on one optimizer", () =>
    run((o) => [new S.StepLR(o, 2, { gamma: 0.5 }), new S.ExponentialLR(o, 0.9)], cases.chained_step_exp));
  test("ReduceLROnPlateau(min, factor 0.5, patience 2, cooldown 1, min_lr 0.01)", () =>
    run((o) => [new S.ReduceLROnPlateau(o, { mode: "min", factor: 0.5, patience: 2, cooldown: 1, min_lr: 0.01 })], cases.plateau_min, ref.plateau_metrics));
  test("ReduceLROnPlateau(max, abs threshold)", () =>
    run((o) => [new S.ReduceLROnPlateau(o, "max", { factor: 0.1, patience: 1, threshold: 0.01, threshold_mode: "abs" })], cases.plateau_max_abs, ref.max_metrics));
  test("MultiplicativeLR", () => run((o) => [new S.MultiplicativeLR(o, (e) => (e % 2 ? 0.9 : 0.5))], cases.multiplicative));
  test("MultiplicativeLR({lr_lambda}) by keyword", () => run((o) => [new S.MultiplicativeLR(o, { lr_lambda: (e) => (e % 2 ? 0.9 : 0.5) })], cases.multiplicative));
  test("MultiplicativeLR({lr_lambda: [f, g]}) one lambda per param group", () =>
    run((o) => [new S.MultiplicativeLR(o, { lr_lambda: [() => 0.5, () => 0.8] })], cases.multiplicative_groups, undefined, false, undefined, true));
  test("ConstantLR(factor 0.5, total_iters 3)", () => run((o) => [new S.ConstantLR(o, { factor: 0.5, total_iters: 3 })], cases.constant));
  test("LinearLR(0.25 -> 0.75 over 4)", () => run((o) => [new S.LinearLR(o, { start_factor: 0.25, end_factor: 0.75, total_iters: 4 })], cases.linear));
  test("LinearLR warm-up then StepLR on one optimizer", () =>
    run((o) => [new S.LinearLR(o, { start_factor: 0.5, total_iters: 3 }), new S.StepLR(o, 2, { gamma: 0.5 })], cases.linear_then_step));
  test("OneCycleLR with SGD (lr and momentum)", () => run((o) => [new S.OneCycleLR(o, 1.0, { total_steps: 10 })], cases.onecycle_sgd));
  test("OneCycleLR three-phase, linear, with Adam's beta1", () =>
    run(
      (o) => [new S.OneCycleLR(o, { max_lr: 0.5, epochs: 3, steps_per_epoch: 4, pct_start: 0.25, anneal_strategy: "linear", three_phase: true, div_factor: 10, final_div_factor: 100, base_momentum: 0.8, max_momentum: 0.9 })],
      cases.onecycle_adam_three_phase_linear,
      undefined,
      true,
    ));
  test("CosineAnnealingWarmRestarts(T_0=3, T_mult=2, eta_min=0.001)", () =>
    run((o) => [new S.CosineAnnealingWarmRestarts(o, 3, { T_mult: 2, eta_min: 0.001 })], cases.warm_restarts));
  test("CosineAnnealingWarmRestarts stepped with fractional epochs", () =>
    run((o) => [new S.CosineAnnealingWarmRestarts(o, { T_0: 2, T_mult: 2 })], cases.warm_restarts_epochs, undefined, false, ref.warm_epochs));
  test("PolynomialLR(total_iters 4, power 2)", () => run((o) => [new S.PolynomialLR(o, { total_iters: 4, power: 2.0 })], cases.polynomial));
  test("SequentialLR: LinearLR warm-up then ExponentialLR", () => {
    const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    run((o) => [new S.SequentialLR(o, [new S.LinearLR(o, { start_factor: 0.1, total_iters: 3 }), new S.ExponentialLR(o, 0.8)], [3])], cases.sequential);
    spy.mockRestore();
  });
  test("SequentialLR over three schedulers", () => {
    const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    run(
      (o) => [new S.SequentialLR(o, { schedulers: [new S.ConstantLR(o, { factor: 0.5, total_iters: 2 }), new S.StepLR(o, 2, { gamma: 0.5 }), new S.CosineAnnealingLR(o, 3)], milestones: [2, 5] })],
      cases.sequential_three,
    );
    spy.mockRestore();
  });
  test("ChainedScheduler(ConstantLR, ExponentialLR)", () =>
    run((o) => [new S.ChainedScheduler([new S.ConstantLR(o, { factor: 0.1, total_iters: 2 }), new S.ExponentialLR(o, 0.9)])], cases.chained));
  test("CyclicLR triangular (lr and momentum)", () => run((o) => [new S.CyclicLR(o, 0.01, 0.1, { step_size_up: 3 })], cases.cyclic_triangular));
  test("CyclicLR triangular2 with asymmetric steps", () =>
    run((o) => [new S.CyclicLR(o, { base_lr: 0.01, max_lr: 0.1, step_size_up: 2, step_size_down: 3, mode: "triangular2", base_momentum: 0.7, max_momentum: 0.95 })], cases.cyclic_triangular2));
  test("CyclicLR exp_range without momentum cycling", () =>
    run((o) => [new S.CyclicLR(o, 0.01, 0.1, { step_size_up: 2, mode: "exp_range", gamma: 0.9, cycle_momentum: false })], cases.cyclic_exp_range));
  test("OneCycleLR refuses to step past total_steps", () => {
    const opt = new optim.SGD([torch.zeros(1, { requires_grad: true })], { lr: 0.1 });
    const s = new S.OneCycleLR(opt, 1, { total_steps: 2 });
    opt.step();
    s.step();
    s.step();
    expect(() => s.step()).toThrow("Tried to step 4 times. The specified number of total steps is 2");
  });
  test("ReduceLROnPlateau accepts a one-element tensor metric", () => {
    const opt = new optim.SGD([torch.zeros(1, { requires_grad: true })], { lr: 1 });
    const s = new S.ReduceLROnPlateau(opt, { patience: 0 });
    s.step(torch.tensor(1.0));
    s.step(torch.tensor(2.0));
    expect(opt.param_groups[0].lr).toBeCloseTo(0.1, 12);
  });
});

describe("scheduler state", () => {
  test("initial_lr is recorded and state_dict round-trips", () => {
    const opt = new optim.SGD([torch.zeros(1, { requires_grad: true })], { lr: 0.1 });
    const s = new S.StepLR(opt, 2, { gamma: 0.5 });
    expect(opt.param_groups[0].initial_lr).toBe(0.1);
    for (let i = 0; i < 3; i++) {
      opt.step();
      s.step();
    }
    const sd = s.state_dict();
    expect(sd).toMatchObject({ step_size: 2, gamma: 0.5, base_lrs: [0.1], last_epoch: 3, _step_count: 4 });
    expect("optimizer" in sd).toBe(false);
    const opt2 = new optim.SGD([torch.zeros(1, { requires_grad: true })], { lr: 0.05 });
    const s2 = new S.StepLR(opt2, 7);
    s2.load_state_dict(sd);
    opt2.step();
    s2.step();
    expect(s2.last_epoch).toBe(4);
    expect(opt2.param_groups[0].lr).toBeCloseTo(0.025, 12);
  });
  test("LambdaLR leaves its functions out of state_dict", () => {
    const opt = new optim.SGD([torch.zeros(1, { requires_grad: true })], { lr: 0.1 });
    const s = new S.LambdaLR(opt, (e) => 1 / (e + 1));
    expect(s.state_dict().lr_lambdas).toEqual([null]);
  });
  test("an explicit epoch uses the closed form (deprecated in PyTorch)", () => {
    const opt = new optim.SGD([torch.zeros(1, { requires_grad: true })], { lr: 1 });
    const s = new S.StepLR(opt, 2, { gamma: 0.5 });
    const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    s.step(5);
    spy.mockRestore();
    expect(opt.param_groups[0].lr).toBe(0.25);
  });
  test("warns when scheduler.step() comes before optimizer.step()", () => {
    const opt = new optim.SGD([torch.zeros(1, { requires_grad: true })], { lr: 1 });
    const s = new S.ExponentialLR(opt, 0.5);
    const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    s.step();
    expect(spy).toHaveBeenCalledWith(expect.stringContaining("Detected call of `lr_scheduler.step()` before `optimizer.step()`"), "UserWarning");
    spy.mockRestore();
  });
  test("verbose prints PyTorch's line", () => {
    const opt = new optim.SGD([torch.zeros(1, { requires_grad: true })], { lr: 0.1 });
    const spy = jest.spyOn(console, "log").mockImplementation(() => undefined);
    new S.ExponentialLR(opt, 0.5, { verbose: true });
    expect(spy).toHaveBeenCalledWith("Adjusting learning rate of group 0 to 1.0000e-01.");
    spy.mockRestore();
  });
});

describe("scheduler errors", () => {
  const opt = (): InstanceType<typeof optim.SGD> => new optim.SGD([torch.zeros(1, { requires_grad: true })], { lr: 0.1 });
  test("not an optimizer", () => {
    expect(() => new S.StepLR({} as never, 2)).toThrow("Object is not an Optimizer");
    expect(() => new S.ReduceLROnPlateau(null as never)).toThrow("NoneType is not an Optimizer");
  });
  test("resuming without initial_lr", () => {
    expect(() => new S.StepLR(opt(), 2, { last_epoch: 3 })).toThrow("param 'initial_lr' is not specified in param_groups[0] when resuming an optimizer");
  });
  test("ReduceLROnPlateau arguments", () => {
    expect(() => new S.ReduceLROnPlateau(opt(), { factor: 1 })).toThrow("Factor should be < 1.0.");
    expect(() => new S.ReduceLROnPlateau(opt(), { mode: "avg" as never })).toThrow("mode avg is unknown!");
    expect(() => new S.ReduceLROnPlateau(opt(), { threshold_mode: "pct" as never })).toThrow("threshold mode pct is unknown!");
    expect(() => new S.ReduceLROnPlateau(opt(), { min_lr: [0.1, 0.2] })).toThrow("expected 1 min_lrs, got 2");
    expect(() => new S.ReduceLROnPlateau(opt(), { paitence: 3 } as never)).toThrow("ReduceLROnPlateau() got an unexpected keyword argument 'paitence'");
  });
  test("LambdaLR lambdas per group", () => {
    expect(() => new S.LambdaLR(opt(), [(e: number) => e, (e: number) => e])).toThrow("Expected 1 lr_lambdas, but got 2");
    expect(() => new S.LambdaLR(opt(), 0.5 as never)).toThrow("LambdaLR: lr_lambda must be a function (or a list of them), got number");
    expect(() => new S.MultiplicativeLR(opt(), [(e: number) => e, (e: number) => e])).toThrow("Expected 1 lr_lambdas, but got 2");
    expect(() => new S.LambdaLR(opt(), { last_epoch: -1 } as never)).toThrow("LambdaLR() missing 1 required positional argument: 'lr_lambda'");
    expect(() => new S.LambdaLR(opt(), { lr_lambda: () => 1, lr_lamda: 2 } as never)).toThrow("LambdaLR() got an unexpected keyword argument 'lr_lamda'");
    expect(() => new S.LambdaLR(opt(), () => 1, { lr_lambda: () => 1 } as never)).toThrow("LambdaLR() got multiple values for argument 'lr_lambda'");
    expect(() => new S.StepLR(opt(), 2, { last_epoch: 1.5 })).toThrow("last_epoch must be an integer, got 1.5");
  });
  test("warm-up, 1cycle and restarts arguments", () => {
    expect(() => new S.ConstantLR(opt(), { factor: 2 })).toThrow("Constant multiplicative factor expected to be between 0 and 1.");
    expect(() => new S.LinearLR(opt(), { start_factor: -1 })).toThrow("Starting multiplicative factor expected to be between 0 and 1.");
    expect(() => new S.LinearLR(opt(), { end_factor: 1.5 })).toThrow("Ending multiplicative factor expected to be between 0 and 1.");
    expect(() => new S.OneCycleLR(opt(), 0.1)).toThrow("You must define either total_steps OR (epochs AND steps_per_epoch)");
    expect(() => new S.OneCycleLR(opt(), 0.1, { total_steps: 0 })).toThrow("Expected positive integer total_steps, but got 0");
    expect(() => new S.OneCycleLR(opt(), 0.1, { epochs: 2, steps_per_epoch: 0 })).toThrow("Expected positive integer steps_per_epoch, but got 0");
    expect(() => new S.OneCycleLR(opt(), 0.1, { total_steps: 5, pct_start: 1.5 })).toThrow("Expected float between 0 and 1 pct_start, but got 1.5");
    expect(() => new S.OneCycleLR(opt(), 0.1, { total_steps: 5, anneal_strategy: "exp" as never })).toThrow("anneal_strategy must by one of 'cos' or 'linear', instead got exp");
    expect(() => new S.OneCycleLR(opt(), [0.1, 0.2], { total_steps: 5 })).toThrow("expected 1 values for max_lr, got 2");
    const rms = new optim.RMSprop([torch.zeros(1, { requires_grad: true })]);
    expect(() => new S.OneCycleLR(rms, 0.1, { total_steps: 5 })).not.toThrow();
    const noMomentum = new optim.Optimizer([torch.zeros(1, { requires_grad: true })], { lr: 0.1 });
    expect(() => new S.OneCycleLR(noMomentum, 0.1, { total_steps: 5 })).toThrow("optimizer must support momentum with `cycle_momentum` option enabled");
    expect(() => new S.CosineAnnealingWarmRestarts(opt(), 0)).toThrow("Expected positive integer T_0, but got 0");
    expect(() => new S.CosineAnnealingWarmRestarts(opt(), 2, { T_mult: 0 })).toThrow("Expected integer T_mult >= 1, but got 0");
    expect(() => new S.CosineAnnealingWarmRestarts(opt(), 2).step(-1)).toThrow("Expected non-negative epoch, but got -1");
  });
  test("composite and cyclic scheduler arguments", () => {
    const o = opt();
    const other = opt();
    expect(() => new S.SequentialLR(o, [new S.ExponentialLR(other, 0.9)], [])).toThrow(
      "Sequential Schedulers expects all schedulers to belong to the same optimizer, but got schedulers at index 0 to be different than the optimizer passed in.",
    );
    expect(() => new S.SequentialLR(o, [new S.ExponentialLR(o, 0.9)], [2])).toThrow(
      "Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers 1 and the number of milestones to be equal to 1",
    );
    expect(() => new S.ChainedScheduler([new S.ExponentialLR(o, 0.9), new S.ExponentialLR(other, 0.9)])).toThrow(
      "ChainedScheduler expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and 1 to be different",
    );
    expect(() => new S.CyclicLR(opt(), 0.01, 0.1, { mode: "sawtooth" as never })).toThrow("mode is invalid and scale_fn is None");
    expect(() => new S.CyclicLR(opt(), [0.01, 0.02], 0.1)).toThrow("expected 1 values for base_lr, got 2");
    expect(() => new S.CyclicLR(new optim.Adam([torch.zeros(1, { requires_grad: true })]), 0.01, 0.1)).toThrow("optimizer must support momentum with `cycle_momentum` option enabled");
    const custom = new S.CyclicLR(opt(), 0.0, 1.0, { step_size_up: 1, scale_fn: (x: number) => 1 / x, cycle_momentum: false });
    custom.optimizer.step();
    custom.step();
    custom.step();
    custom.step();
    expect(custom.get_last_lr()).toEqual([0.5]);
  });
  test("missing or bad required arguments", () => {
    expect(() => new S.StepLR(opt(), {} as never)).toThrow("StepLR() missing 1 required positional argument: 'step_size'");
    expect(() => new S.StepLR(opt(), 0)).toThrow("StepLR: step_size must be a positive integer, got 0");
    expect(() => new S.CosineAnnealingLR(opt(), 0)).toThrow("CosineAnnealingLR: T_max must be positive, got 0");
    expect(() => new S.MultiStepLR(opt(), 3 as never)).toThrow("MultiStepLR: milestones must be a list of integer epochs");
  });
});
