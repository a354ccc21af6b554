/**
 * Python's copy module (src/copy.ts) and Module.__delattr__, `del module.attr` (src/nn/modules/module.ts) against PyTorch 1.13
 * (test/reference/gen_copy.py): copy.deepcopy of a module (same repr and state_dict keys, independent
 * weights, a shared layer still shared, hooks kept, the mode kept), of a state_dict (unchanged when
 * training goes on), of a tensor (a leaf with its requires_grad and grad; a Parameter stays one; PyTorch's
 * error for a non-leaf), of an optimizer and of containers (an object reached twice is copied once); and
 * reading an attribute after `del` is PyTorch's AttributeError. The notebook spelling (`copy` in scope,
 * `delete net.fc` in a cell) is tested through the kernel in test/kernel/rewrite.test.ts.
 */
import { torch } from "../src";
import * as copy from "../src/copy";
import { readReference } from "./tensor/fixtures";

const { nn } = torch;
type Tensor = InstanceType<typeof torch.Tensor>;
const ref = readReference<{
  repr: string; keys: string[]; hook_calls: string[]; shared_kept: boolean; independent: boolean[]; training: boolean[]; scale: number;
  tensor: { requires_grad: boolean; is_leaf: boolean; grad: number[]; parameter: string }; same_twice: boolean; non_leaf: [string, string];
  optimizer: number[]; deleted: [string, string]; deleted_keys: string[]; deleted_buffer: [string[], string]; deleted_twice: [string, string];
}>("copy.json");

class Net extends nn.Module {
  conv = new nn.Conv2d(1, 2, 3);
  bn = new nn.BatchNorm2d(2);
  seq = new nn.Sequential(new nn.Flatten(), new nn.Linear(2 * 4 * 4, 3));
  heads = new nn.ModuleDict({ a: new nn.Linear(3, 1) });
  shared = this.seq[1];
  scale = 2.0;
  forward(x: Tensor): Tensor {
    return (this.heads.get("a") as InstanceType<typeof nn.Linear>)(this.seq(this.bn(this.conv(x)))).mul(this.scale);
  }
}

function error(f: () => unknown): [string, string] | null {
  try {
    f();
  } catch (e) {
    return [(e as Error).name, (e as Error).message];
  }
  return null;
}

describe("copy.deepcopy as Python's, with PyTorch's __deepcopy__", () => {
  test("a module: same repr and keys, its own weights, a shared layer still shared, hooks and mode kept", () => {
    const net = new Net();
    const calls: string[] = [];
    net.register_forward_hook((m) => void calls.push(m.constructor.name));
    const twin = copy.deepcopy(net);
    twin(torch.ones(1, 1, 6, 6));
    const sd = copy.deepcopy(net.state_dict());
    torch.no_grad(() => net.conv.weight.add_(1));
    expect(String(twin)).toBe(ref.repr);
    expect(String(twin)).toBe(String(net));
    expect(Object.keys(twin.state_dict())).toEqual(ref.keys);
    expect(calls).toEqual(ref.hook_calls);
    expect(twin.shared === twin.seq[1]).toBe(ref.shared_kept);
    expect(twin.conv.weight.ne(net.conv.weight).all().item()).toBe(ref.independent[0]);
    expect((sd["conv.weight"] as Tensor).ne(net.conv.weight).all().item()).toBe(ref.independent[1]);
    expect([twin.training, copy.deepcopy(net.eval()).training]).toEqual(ref.training);
    expect(twin.scale).toBe(ref.scale);
    // The transfer-learning tutorial's round trip: the copied weights load back.
    net.load_state_dict(sd);
    expect(net.conv.weight.equal(twin.conv.weight)).toBe(true);
  });

  test("a tensor, a Parameter, an object reached twice, a non-leaf, an optimizer", () => {
    const w = torch.ones(2, { requires_grad: true });
    // A float grad: PyTorch refuses one of another dtype, and JavaScript's 3.0 is the integer 3.
    w.grad = torch.full([2], 3.0, { dtype: torch.float32 });
    const wc = copy.deepcopy(w);
    expect({ requires_grad: wc.requires_grad, is_leaf: wc.is_leaf, grad: wc.grad!.tolist(), parameter: copy.deepcopy(new Net().conv.weight).constructor.name }).toEqual(ref.tensor);
    wc.data.fill_(5);
    expect(w.tolist()).toEqual([1, 1]);
    const items = copy.deepcopy([w, w]);
    expect(items[0] === items[1]).toBe(ref.same_twice);
    expect(error(() => copy.deepcopy(w.mul(2)))).toEqual(ref.non_leaf);
    const opt = new torch.optim.SGD(new Net().parameters(), { lr: 0.1, momentum: 0.9 });
    const opt2 = copy.deepcopy(opt);
    expect([opt2.param_groups[0].lr, opt2.param_groups[0].momentum, opt2.param_groups[0].params.length]).toEqual(ref.optimizer);
    expect(opt2.param_groups[0].params[0] === opt.param_groups[0].params[0]).toBe(false);
  });

  test("copy.copy: a new container holding the same items", () => {
    const a = [torch.ones(1)];
    const b = copy.copy(a);
    expect(b).not.toBe(a);
    expect(b[0]).toBe(a[0]);
    expect(() => copy.copy(new Net())).toThrow("copy.copy of a Module is not supported: use copy.deepcopy");
    const m = new Map([["k", 1]]);
    expect(copy.copy(m)).toEqual(m);
  });
});

// Python 3.11 + PyTorch 1.13: after `v = copy.deepcopy(subset); v.dataset.transform = g`, v[0] goes through g and
// subset[0] through the original f (Trevett's valid_data with the test transforms); so does a ConcatDataset's copy.
describe("copy.deepcopy of a Subset / ConcatDataset reads the copied dataset", () => {
  class Numbers extends torch.utils.data.Dataset<number> {
    transform: (x: number) => number = (x) => x + 100;
    getitem(i: number): number {
      return this.transform(i);
    }
    len(): number {
      return 5;
    }
  }
  test("a transform set on the copy's dataset is the copy's alone", () => {
    const subset = new torch.utils.data.Subset(new Numbers(), [3, 1]);
    const valid = copy.deepcopy(subset);
    (valid.dataset as Numbers).transform = (x) => -x;
    expect([valid.getitem(0), valid.getitem(1), subset.getitem(0)]).toEqual([-3, -1, 103]);
    const concat = new torch.utils.data.ConcatDataset([new Numbers(), new Numbers()]);
    const twin = copy.deepcopy(concat);
    (twin.datasets[1] as Numbers).transform = (x) => x * 2;
    expect([twin.getitem(0), twin.getitem(6), concat.getitem(6)]).toEqual([100, 2, 101]);
  });
});

describe("Module.__delattr__ (Python's `del net.fc`, a cell's `delete net.fc`) and reading it again", () => {
  test("a child: PyTorch's AttributeError, gone from the state_dict; deleting again is the same error; assigning brings it back", () => {
    const net = new Net();
    net.__delattr__("bn");
    expect(error(() => net.bn)).toEqual(ref.deleted);
    expect("bn" in net).toBe(false);
    expect(Object.keys(net.state_dict())).toEqual(ref.deleted_keys);
    expect(error(() => net.__delattr__("bn"))).toEqual(ref.deleted_twice);
    net.bn = new nn.BatchNorm2d(2);
    expect(Object.keys(net.state_dict())).toContain("bn.weight");
  });

  test("a buffer", () => {
    const m = new nn.BatchNorm1d(2);
    m.__delattr__("running_mean");
    expect([Object.keys(m.state_dict()), String(m)]).toEqual(ref.deleted_buffer);
  });
});
