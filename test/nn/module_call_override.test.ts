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

describe("a __call__ that calls the module itself, and a ModuleDict item assigned", () => {
  test("a typing shim `__call__(x) { return (this as Net)(x); }` runs forward once, not forever (the d2l ports' form)", () => {
    class Shim extends torch.nn.Module {
      calls = 0;
      forward(x: torch.Tensor): torch.Tensor {
        this.calls++;
        return x.mul(2);
      }
      __call__(x: torch.Tensor): torch.Tensor {
        return (this as unknown as (x: torch.Tensor) => torch.Tensor)(x);
      }
    }
    const m = new Shim();
    expect((m as unknown as (x: torch.Tensor) => torch.Tensor)(torch.ones(2)).tolist()).toEqual([2, 2]);
    expect(m.calls).toBe(1);
  });
  test("`d['output'] = nn.Linear(...)` on a ModuleDict adds an item, as PyTorch's __setitem__", () => {
    const d = new torch.nn.ModuleDict({ act: new torch.nn.ReLU() });
    (d as unknown as Record<string, torch.nn.Module>).output = new torch.nn.Linear(2, 3);
    expect([...d.keys()]).toEqual(["act", "output"]);
    expect(d.get("output")).toBeInstanceOf(torch.nn.Linear);
    (d as unknown as Record<string, torch.nn.Module>).act = new torch.nn.Tanh();
    expect(d.get("act")).toBeInstanceOf(torch.nn.Tanh);
  });
});
