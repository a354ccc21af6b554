import { torch } from "../../src";
import ref from "../reference/optim_schedulers.json";

const { optim } = torch;
const S = optim.lr_scheduler;
type Sched = { step(metric: number): void; get_last_lr(): number[] };
type Case = { lrs: number[][]; last_lr: number[][] };
const cases = ref.cases as Record<string, Case>;

function run(make: (o: InstanceType<typeof optim.SGD>) => Sched[], c: Case, metrics?: number[]): void {
  const p = torch.zeros(1, { requires_grad: true });
  const opt = new optim.SGD([p], { lr: 0.1 });
  const scheds = make(opt);
  const lrs = [opt.param_groups.map((g) => g.lr)];
  for (let e = 0; e < c.lrs.length - 1; e++) {
    opt.step();
    for (const s of scheds) (metrics ? s.step(metrics[e]) : (s as unknown as { step(): void }).step());
    lrs.push(opt.param_groups.map((g) => g.lr));
  }
  lrs.forEach((row, i) => row.forEach((lr, j) => expect(lr).toBeCloseTo(c.lrs[i][j], 14)));
  scheds.forEach((s, i) => s.get_last_lr().forEach((lr, j) => expect(lr).toBeCloseTo(c.last_lr[i][j], 14)));
}

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
  test("StepLR and ExponentialLR chained on one optimizer", () =>
    run((o) => [new S.StepLR(o, 2, { gamma: 0.5 }), new S.ExponentialLR(o, 0.9)], cases.chained_step_exp));
  test("ReduceLROnPlateau(min, factor 0.5, patience 2, cooldown 1, min_lr 0.01)", () =>
    run((o) => [new S.ReduceLROnPlateau(o, { mode: "min", factor: 0.5, patience: 2, cooldown: 1, min_lr: 0.01 })], cases.plateau_min, ref.plateau_metrics));
  test("ReduceLROnPlateau(max, abs threshold)", () =>
    run((o) => [new S.ReduceLROnPlateau(o, "max", { factor: 0.1, patience: 1, threshold: 0.01, threshold_mode: "abs" })], cases.plateau_max_abs, ref.max_metrics));
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
  });
  test("missing or bad required arguments", () => {
    expect(() => new S.StepLR(opt(), {} as never)).toThrow("StepLR() missing 1 required positional argument: 'step_size'");
    expect(() => new S.StepLR(opt(), 0)).toThrow("StepLR: step_size must be a positive integer, got 0");
    expect(() => new S.CosineAnnealingLR(opt(), 0)).toThrow("CosineAnnealingLR: T_max must be positive, got 0");
    expect(() => new S.MultiStepLR(opt(), 3 as never)).toThrow("MultiStepLR: milestones must be a list of integer epochs");
  });
});
