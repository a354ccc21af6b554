/**
 * nn.Module.register_full_backward_hook, register_backward_hook (PyTorch's deprecated per-node kind,
 * which the "nn package" tutorial for former Torch users calls) and grad_fn.register_hook, against
 * PyTorch 1.13 (test/reference/gen_module_backward_hooks.py): what the hooks receive (one entry per
 * tensor input / the node's inputs, null where PyTorch passes None), replacing grad_input, removal,
 * and the errors.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";
import { det, det_init_, expectTensor, type Encoded } from "../tutorials/_tutorial";

const { nn } = torch;
type Tensor = InstanceType<typeof torch.Tensor>;
type Call = { module?: string; grad_input: (Encoded | null)[]; grad_output: (Encoded | null)[] };
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "module_backward_hooks.json"), "utf8")) as Record<string, Record<string, unknown>>;

type Rec = { module?: string; grad_input: (Tensor | null)[]; grad_output: (Tensor | null)[] };

function recorder(calls: Rec[]) {
  return (m: InstanceType<typeof nn.Module>, grad_input: (Tensor | null)[], grad_output: (Tensor | null)[]): void => {
    calls.push({ module: m._get_name(), grad_input, grad_output });
  };
}

function expectGrads(got: (Tensor | null)[], want: (Encoded | null)[]): void {
  expect(got.map((g) => g === null)).toEqual(want.map((w) => w === null));
  got.forEach((g, i) => {
    if (g !== null) expectTensor(g, want[i]!);
  });
}

function expectCalls(got: Rec[], want: Call[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((c, i) => {
    if (want[i].module !== undefined) expect(c.module).toBe(want[i].module);
    expectGrads(c.grad_input, want[i].grad_input);
    expectGrads(c.grad_output, want[i].grad_output);
  });
}

function raised(f: () => unknown): [string, string] | null {
  try {
    f();
  } catch (e) {
    return [(e as Error).name, (e as Error).message];
  }
  return null;
}

describe("register_full_backward_hook", () => {
  test("Linear, input requires grad: grad_input is [dL/dx], grad_output [dL/dy]", () => {
    const want = R.full_linear;
    const lin = new nn.Linear(3, 2);
    det_init_(lin);
    const calls: Rec[] = [];
    lin.register_full_backward_hook(recorder(calls));
    const x = det([4, 3], 0.5).requires_grad_();
    lin(x).mul(det([4, 2], 1.0)).sum().backward();
    expectCalls(calls, want.calls as Call[]);
    expectTensor(x.grad!, want.x_grad as Encoded);
    expectTensor(lin.weight.grad!, want.w_grad as Encoded);
  });

  test("a returned array replaces grad_input; the weights' gradients are unchanged", () => {
    const want = R.full_replace;
    const lin = new nn.Linear(3, 2);
    det_init_(lin);
    lin.register_full_backward_hook((m, gi) => [gi[0]!.mul(10)]);
    const x = det([4, 3], 0.5).requires_grad_();
    lin(x).mul(det([4, 2], 1.0)).sum().backward();
    expectTensor(x.grad!, want.x_grad as Encoded);
    expectTensor(lin.weight.grad!, want.w_grad as Encoded);
  });

  test("no input requires grad: the hook runs with grad_input [null]", () => {
    const want = R.full_no_input_grad;
    const lin = new nn.Linear(3, 2);
    det_init_(lin);
    const calls: Rec[] = [];
    lin.register_full_backward_hook(recorder(calls));
    lin(det([4, 3], 0.5)).mul(det([4, 2], 1.0)).sum().backward();
    expectCalls(calls, want.calls as Call[]);
    expectTensor(lin.weight.grad!, want.w_grad as Encoded);
  });

  test("Bilinear(x1, x2) with only x2 requiring grad: x1's entry is zeros, as PyTorch passes", () => {
    const want = R.full_two_inputs;
    const bil = new nn.Bilinear(3, 2, 2);
    det_init_(bil);
    const calls: Rec[] = [];
    bil.register_full_backward_hook(recorder(calls));
    const x1 = det([4, 3], 0.2);
    const x2 = det([4, 2], 0.7).requires_grad_();
    bil(x1, x2).mul(det([4, 2], 1.0)).sum().backward();
    expectCalls(calls, want.calls as Call[]);
    expectTensor(x2.grad!, want.x2_grad as Encoded);
  });

  test("two outputs, one unused: its grad_output entry is null", () => {
    const want = R.full_two_outputs;
    class Split extends nn.Module {
      forward(x: Tensor): [Tensor, Tensor] {
        return [x.mul(2), x.mul(3)];
      }
    }
    const m = new Split();
    const calls: Rec[] = [];
    // A hook typed for any nn.Module does not type-check against a module whose forward returns a tuple
    // (the `this`-typed hook signatures; register_forward_hook is the same), hence the cast.
    m.register_full_backward_hook(recorder(calls) as never);
    const x = det([2, 3], 0.1).requires_grad_();
    const [a] = m(x);
    a.mul(det([2, 3], 2.0)).sum().backward();
    expectCalls(calls, want.calls as Call[]);
    expectTensor(x.grad!, want.x_grad as Encoded);
  });

  test("a removed hook does not run", () => {
    const lin = new nn.Linear(3, 2);
    const calls: Rec[] = [];
    const h = lin.register_full_backward_hook(recorder(calls));
    h.remove();
    lin(det([4, 3], 0.5).requires_grad_()).sum().backward();
    expect(calls.length).toBe(R.removed.calls);
  });

  test("returning the wrong number of gradients is PyTorch's RuntimeError", () => {
    const lin = new nn.Linear(3, 2);
    lin.register_full_backward_hook((m, gi) => [gi[0], gi[0]]);
    const x = det([4, 3], 0.5).requires_grad_();
    expect(raised(() => lin(x).sum().backward())).toEqual(R.wrong_count);
  });
});

describe("register_backward_hook (per node)", () => {
  test("Linear: grad_input is AddmmBackward0's (bias, input, weight.T), null for an input needing none", () => {
    const want = R.legacy_linear;
    const lin = new nn.Linear(3, 2);
    det_init_(lin);
    const calls: Rec[] = [];
    lin.register_backward_hook(recorder(calls));
    lin(det([4, 3], 0.5).requires_grad_()).mul(det([4, 2], 1.0)).sum().backward();
    lin(det([4, 3], 0.5)).mul(det([4, 2], 1.0)).sum().backward();
    expectCalls(calls, want.calls as Call[]);
  });

  test("Conv2d: (input, weight, bias); a second hook's array replaces them (null drops the bias gradient)", () => {
    const want = R.legacy_conv_replace;
    const conv = new nn.Conv2d(2, 3, 3);
    det_init_(conv);
    const calls: Rec[] = [];
    conv.register_backward_hook(recorder(calls));
    conv.register_backward_hook((m, gi) => [gi[0]!.mul(2), gi[1], null]);
    const x = det([1, 2, 5, 5], 0.3).requires_grad_();
    conv(x).mul(det([1, 3, 3, 3], 1.0)).sum().backward();
    expectCalls(calls, want.calls as Call[]);
    expectTensor(x.grad!, want.x_grad as Encoded);
    expect(conv.bias!.grad).toBe(want.bias_grad);
  });

  test("one module cannot have both kinds", () => {
    const a = new nn.Linear(3, 2);
    a.register_backward_hook(() => undefined);
    const b = new nn.Linear(3, 2);
    b.register_full_backward_hook(() => undefined);
    expect(raised(() => a.register_full_backward_hook(() => undefined))).toEqual(R.mixed.legacy_then_full);
    expect(raised(() => b.register_backward_hook(() => undefined))).toEqual(R.mixed.full_then_legacy);
  });
});

test("grad_fn.register_hook: (grad_inputs, grad_outputs) after the node ran; an array replaces grad_inputs", () => {
  const want = R.node_hook;
  const x = det([3], 0.4).requires_grad_();
  const w = det([3], 0.9).requires_grad_();
  const y = x.mul(w);
  const calls: Rec[] = [];
  y.grad_fn!.register_hook((grad_input, grad_output) => {
    calls.push({ grad_input, grad_output });
  });
  y.grad_fn!.register_hook((gi) => [gi[0]!.add(1), null]);
  y.backward(det([3], 1.5));
  expect(y.grad_fn!.name()).toBe(want.name);
  expectCalls(calls, want.calls as Call[]);
  expectTensor(x.grad!, want.x_grad as Encoded);
  expect(w.grad).toBe(want.w_grad);
});

test("create_graph=true through a node with a post-hook is refused, naming the node", () => {
  const x = det([3], 0.4).requires_grad_();
  const y = x.mul(2);
  y.grad_fn!.register_hook(() => undefined);
  expect(() => y.sum().backward({ create_graph: true })).toThrow("create_graph=true with a hook registered on MulBackward0");
});

test("torch.save refuses a whole module holding backward hooks (functions a checkpoint cannot hold); removed, it saves", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bwd-hooks-"));
  try {
    const lin = new nn.Linear(3, 2);
    const h = lin.register_full_backward_hook(() => undefined);
    const file = path.join(dir, "lin.pt");
    expect(() => torch.save(lin, file)).toThrow(torch.TypeError);
    expect(() => torch.save(lin, file)).toThrow("torch.save: the module (Linear) has backward hooks");
    h.remove();
    torch.save(lin, file);
    expect(fs.existsSync(file)).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
