/**
 * torch.optim.LBFGS against PyTorch 1.13 (test/reference/gen_lbfgs.py): the loss at every closure
 * call, the value step() returns, the parameters after each step and the func_evals / n_iter
 * counters, with the fixed step and with the strong-Wolfe line search; then its errors.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";

type Tensor = InstanceType<typeof torch.Tensor>;
interface Case {
  options: Record<string, number | string>;
  steps: number;
  losses: number[];
  returned: number[];
  params: number[][];
  func_evals: number;
  n_iter: number;
}
const CASES = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "lbfgs.json"), "utf8")) as Case[];

function close(got: number[], want: number[], tol: number): void {
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => {
    if (Math.abs(v - want[i]) > tol * Math.max(1, Math.abs(want[i]))) throw new Error(`[${i}] got ${v}, PyTorch ${want[i]}\n${got.join(", ")}\n${want.join(", ")}`);
  });
}

describe("optim.LBFGS", () => {
  test.each(CASES.map((c) => [JSON.stringify(c.options), c] as const))("options %s", (_, c) => {
    const a = torch.arange(24, { dtype: torch.float32 }).mul(0.7).sin().reshape(6, 4);
    const b = torch.arange(6, { dtype: torch.float32 }).mul(1.1).cos();
    const w = torch.tensor([0.5, -0.3, 0.2, 0.1], { requires_grad: true });
    const bias = torch.tensor([0.05], { requires_grad: true });
    const opt = new torch.optim.LBFGS([w, bias], c.options as never);
    const losses: number[] = [];
    const closure = (): Tensor => {
      opt.zero_grad();
      const r = a.matmul(w).add(bias).sub(b);
      const loss = r.mul(r).mean().add(w.pow(4).sum().mul(0.1));
      loss.backward();
      losses.push(loss.item());
      return loss;
    };
    const params: number[][] = [];
    const returned: number[] = [];
    for (let s = 0; s < c.steps; s++) {
      returned.push((opt.step(closure) as Tensor).item());
      params.push([...(w.tolist() as number[]), ...(bias.tolist() as number[])]);
    }
    close(losses, c.losses, 1e-5);
    close(returned, c.returned, 1e-5);
    params.forEach((p, i) => close(p, c.params[i], 1e-4));
    const state = opt.state.get(w)!;
    expect([state.func_evals, state.n_iter]).toEqual([c.func_evals, c.n_iter]);
  });

  test("errors name the optimizer and the argument", () => {
    const w = torch.zeros(2, { requires_grad: true });
    expect(() => new torch.optim.LBFGS([w], { lr: -1 })).toThrow("Invalid learning rate: -1");
    expect(() => new torch.optim.LBFGS([w], { line_search_fn: "backtracking" as never })).toThrow(torch.RuntimeError);
    expect(() => new torch.optim.LBFGS([w], { line_search_fn: "backtracking" as never })).toThrow(/only 'strong_wolfe' is supported as line_search_fn, got 'backtracking'/);
    expect(() => new torch.optim.LBFGS([w], { max_iter: 0 })).toThrow(/LBFGS\(\): max_iter must be a positive integer, got 0/);
    const v = torch.zeros(2, { requires_grad: true });
    expect(() => new torch.optim.LBFGS([{ params: [w] }, { params: [v], lr: 0.1 }])).toThrow("LBFGS doesn't support per-parameter options (parameter groups)");
    const opt = new torch.optim.LBFGS([w]);
    expect(() => opt.step()).toThrow(torch.TypeError);
    expect(() => opt.step()).toThrow(/LBFGS.step\(\) needs a closure/);
  });

  test("defaults print as PyTorch prints them", () => {
    const opt = new torch.optim.LBFGS([torch.zeros(2, { requires_grad: true })]);
    expect(opt.param_groups[0].max_eval).toBe(25);
    // PyTorch 1.13: print(torch.optim.LBFGS([torch.zeros(2, requires_grad=True)]))
    expect(String(opt)).toBe(
      "LBFGS (\nParameter Group 0\n    history_size: 100\n    line_search_fn: None\n    lr: 1\n    max_eval: 25\n    max_iter: 20\n    tolerance_change: 1e-09\n    tolerance_grad: 1e-07\n)",
    );
  });
});
