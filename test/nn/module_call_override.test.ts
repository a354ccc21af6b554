/**
 * A Module subclass that overrides `__call__` is called through it, as Python's `module(x)` runs
 * `type(module).__call__` (fast.ai course22p2's 03_backprop: `class Model(nn.Module)` with
 * `def __call__(self, x, targ)` and no forward); a subclass that does not override it runs `_call_impl`
 * (hooks, then forward), and one with neither forward nor `__call__` gives PyTorch's error.
 */
import { torch } from "../../src";

const nn = torch.nn;
type Tensor = torch.Tensor;

class WithCall extends nn.Module {
  layers: nn.Module[];
  constructor() {
    super();
    this.layers = [new nn.ReLU()];
  }
  __call__(x: Tensor, targ: Tensor): Tensor {
    for (const l of this.layers) x = l(x) as Tensor;
    return torch.nn.functional.mse_loss(x, targ);
  }
}

class NoForward extends nn.Module {}

describe("Module subclasses and __call__", () => {
  test("an overriding __call__ runs with every argument and `this` the module; forward is not needed", () => {
    const m = new WithCall();
    const out = (m as unknown as (x: Tensor, t: Tensor) => Tensor)(torch.tensor([-1, 2, 3], { dtype: torch.float32 }), torch.tensor([0, 0, 1], { dtype: torch.float32 }));
    // relu([-1, 2, 3]) = [0, 2, 3]; mean((0, 2, 2)^2) = 8 / 3
    expect(out.item()).toBeCloseTo(8 / 3, 6);
    expect(() => m.forward()).toThrow('Module [WithCall] is missing the required "forward" function');
  });

  test("without __call__, a call runs the hooks and forward; with neither, PyTorch's error", () => {
    const lin = new nn.Linear(2, 1);
    const seen: string[] = [];
    lin.register_forward_hook(() => void seen.push("hook"));
    lin(torch.ones(1, 2));
    expect(seen).toEqual(["hook"]);
    const bare = new NoForward();
    expect(() => (bare as unknown as () => unknown)()).toThrow('Module [NoForward] is missing the required "forward" function');
  });
});
