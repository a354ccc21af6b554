/**
 * nn.Module behaviour: subclassing and registration order, callability and hooks, traversal with
 * PyTorch's dotted names, state_dict sharing, modes, devices, zero_grad, apply, containers.
 */
import { torch } from "../../src";

const nn = torch.nn;
const F = torch.nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;

class TwoLayer extends nn.Module {
  fc1: InstanceType<typeof nn.Linear>;
  act: InstanceType<typeof nn.ReLU>;
  fc2: InstanceType<typeof nn.Linear>;
  scale: InstanceType<typeof nn.Parameter>;
  constructor() {
    super();
    this.fc1 = new nn.Linear(4, 3);
    this.act = new nn.ReLU();
    this.scale = new nn.Parameter(torch.ones(1));
    this.fc2 = new nn.Linear(3, 2);
    this.register_buffer("steps", torch.zeros(1));
    this.register_buffer("scratch", torch.zeros(2), { persistent: false });
  }
  forward(x: Tensor): Tensor {
    return this.fc2(this.act(this.fc1(x))).mul(this.scale);
  }
}

describe("subclassing", () => {
  test("fields register in assignment order, parameters before children in state_dict", () => {
    const net = new TwoLayer();
    expect(net.named_parameters().map(([n, p]) => [n, p.shape])).toEqual([
      ["scale", [1]],
      ["fc1.weight", [3, 4]],
      ["fc1.bias", [3]],
      ["fc2.weight", [2, 3]],
      ["fc2.bias", [2]],
    ]);
    expect(Object.keys(net.state_dict())).toEqual(["scale", "steps", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]);
    expect(net.named_buffers().map(([n]) => n)).toEqual(["steps", "scratch"]);
    expect(net.named_children().map(([n, m]) => [n, m.constructor.name])).toEqual([
      ["fc1", "Linear"],
      ["act", "ReLU"],
      ["fc2", "Linear"],
    ]);
    expect(net.named_modules().map(([n]) => n)).toEqual(["", "fc1", "act", "fc2"]);
    expect(net.modules()[0]).toBe(net);
    expect(net.parameters()).toHaveLength(5);
    expect(net.children()).toHaveLength(3);
  });

  test("a module is callable, runs forward, and keeps instanceof and its class name", () => {
    const net = new TwoLayer();
    const x = torch.rand(5, 4);
    const y = net(x);
    expect(y.shape).toEqual([5, 2]);
    expect(y.equal(net.forward(x))).toBe(true);
    expect(net).toBeInstanceOf(TwoLayer);
    expect(net).toBeInstanceOf(nn.Module);
    expect(typeof net).toBe("function");
    expect(net._get_name()).toBe("TwoLayer");
  });

  test("fields named `name` and `length` are plain fields", () => {
    class Named extends nn.Module {
      name = "encoder";
      length = 3;
      forward(x: Tensor): Tensor {
        return x;
      }
    }
    const m = new Named();
    expect(m.name).toBe("encoder");
    expect(m.length).toBe(3);
    expect(String(m)).toBe("Named()");
  });

  test("the tutorial's Flatten module and list(net.named_parameters())[0]", () => {
    class Flatten extends nn.Module {
      forward(input: Tensor): Tensor {
        return input.view(input.size(0), -1);
      }
    }
    const sd = new Flatten();
    const orin = torch.rand(2, 2, 2);
    expect(sd.forward(orin).shape).toEqual([2, 4]);
    expect(sd(orin).shape).toEqual([2, 4]);

    const net = new nn.Sequential(new nn.Linear(4, 2), new nn.Linear(2, 2));
    const [name, p] = net.named_parameters()[0];
    expect(name).toBe("0.weight");
    expect(p.shape).toEqual([2, 4]);
    expect(String(p).startsWith("Parameter containing:\ntensor([[")).toBe(true);
    expect(String(p).endsWith("requires_grad=True)")).toBe(true);
    expect(net.named_parameters()[3][0]).toBe("1.bias");
  });

  test("reassigning a field keeps its position; null removes it from the parameters", () => {
    const net = new TwoLayer();
    net.fc1 = new nn.Linear(4, 3, false);
    expect(net.named_parameters().map(([n]) => n)).toEqual(["scale", "fc1.weight", "fc2.weight", "fc2.bias"]);
  });

  test("deleting a field and assigning it again moves it to the end; index-like names keep assignment order", () => {
    const net = new TwoLayer();
    delete (net as unknown as Record<string, unknown>).fc1;
    net.fc1 = new nn.Linear(4, 3);
    expect(net.named_children().map(([n]) => n)).toEqual(["act", "fc2", "fc1"]);
    const m = new nn.Module();
    m.add_module("b", new nn.ReLU());
    m.add_module("1", new nn.Tanh());
    m.add_module("a", new nn.ReLU());
    m.add_module("0", new nn.Tanh());
    expect(m.named_children().map(([n]) => n)).toEqual(["b", "1", "a", "0"]);
  });

  test("PyTorch's assignment rules for registered fields", () => {
    const lin = new nn.Linear(2, 2) as unknown as Record<string, unknown>;
    expect(() => (lin.weight = torch.zeros(2, 2))).toThrow("cannot assign 'Tensor' as parameter 'weight' (torch.nn.Parameter or None expected)");
    const seq = new TwoLayer() as unknown as Record<string, unknown>;
    expect(() => (seq.fc1 = 3)).toThrow("cannot assign 'number' as child module 'fc1' (torch.nn.Module or None expected)");
    expect(() => (seq.steps = "x")).toThrow("cannot assign 'string' as buffer 'steps' (torch.Tensor or None expected)");
    seq.steps = torch.ones(1);
    expect((seq as unknown as InstanceType<typeof TwoLayer>).get_buffer("steps").item()).toBe(1);
    seq.steps = new nn.Parameter(torch.ones(1));
    const net = seq as unknown as InstanceType<typeof TwoLayer>;
    expect(net.named_buffers().map(([n]) => n)).toEqual(["scratch"]);
    expect(net.named_parameters().map(([n]) => n)).toContain("steps");
    lin.bias = null;
    expect(Object.keys((lin as unknown as InstanceType<typeof nn.Linear>).state_dict())).toEqual(["weight"]);
  });

  test("a shared module or parameter is listed once", () => {
    const lin = new nn.Linear(2, 2);
    const seq = new nn.Sequential(lin, new nn.ReLU(), lin);
    expect(seq.named_parameters().map(([n]) => n)).toEqual(["0.weight", "0.bias"]);
    expect(seq.named_modules().map(([n]) => n)).toEqual(["", "0", "1"]);
    expect(Object.keys(seq.state_dict())).toEqual(["0.weight", "0.bias", "2.weight", "2.bias"]);
    expect(seq.named_parameters({ remove_duplicate: false }).map(([n]) => n)).toEqual(["0.weight", "0.bias", "2.weight", "2.bias"]);
  });

  test("register_parameter / add_module / register_buffer", () => {
    const m = new nn.Module();
    m.register_parameter("w", new nn.Parameter(torch.zeros(2)));
    m.add_module("child", new nn.Linear(2, 1));
    m.register_buffer("b", torch.ones(3));
    m.register_parameter("absent", null);
    expect(Object.keys(m.state_dict())).toEqual(["w", "b", "child.weight", "child.bias"]);
    expect(String(m)).toBe("Module(\n  (child): Linear(in_features=2, out_features=1, bias=True)\n)");
    expect(() => m.register_buffer("w", torch.zeros(1))).toThrow("attribute 'w' already exists");
    expect(() => m.add_module("", new nn.ReLU())).toThrow(`module name can't be empty string ""`);
    expect(() => m.add_module("x", 3 as unknown as InstanceType<typeof nn.Module>)).toThrow("is not a Module subclass");
    expect(() => m.register_parameter("a.b", null)).toThrow(`parameter name can't contain "."`);
    m.register_buffer("b", torch.zeros(3));
    expect(m.get_buffer("b").sum().item()).toBe(0);
  });

  test("get_submodule / get_parameter use dotted paths", () => {
    const net = new nn.Sequential(new nn.Linear(2, 2), new nn.Sequential(new nn.ReLU(), new nn.Linear(2, 1)));
    expect(net.get_submodule("1.1")).toBe(net.get(1).get_submodule("1"));
    expect(net.get_parameter("1.1.bias").shape).toEqual([1]);
    expect(() => net.get_submodule("1.7")).toThrow("Sequential has no attribute `7`");
  });
});

describe("hooks", () => {
  test("forward pre-hooks and hooks run around forward; remove() unregisters", () => {
    const lin = new nn.Linear(3, 2);
    const seen: number[][] = [];
    const h1 = lin.register_forward_pre_hook((m, input) => {
      seen.push(input[0].shape);
      return [input[0].mul(0)];
    });
    const h2 = lin.register_forward_hook((m, input, output) => {
      seen.push(output.shape);
      return output.add(1);
    });
    const y = lin(torch.rand(4, 3));
    expect(seen).toEqual([[4, 3], [4, 2]]);
    // Zeroed input gives the bias, plus 1 from the hook.
    expect(y.allclose(lin.bias!.add(1).expand(4, 2))).toBe(true);
    h1.remove();
    h2.remove();
    const x = torch.rand(4, 3);
    expect(lin(x).equal(lin.forward(x))).toBe(true);
    expect(seen).toHaveLength(2);
  });

  test("a hook collecting feature maps sees every layer of a Sequential", () => {
    const net = new nn.Sequential(new nn.Linear(4, 3), new nn.Tanh(), new nn.Linear(3, 2));
    const maps: [string, number[]][] = [];
    const handles = net.named_children().map(([n, m]) => m.register_forward_hook((_m, _i, out) => void maps.push([n, out.shape])));
    net(torch.rand(2, 4));
    handles.forEach((h) => h.remove());
    expect(maps).toEqual([["0", [2, 3]], ["1", [2, 3]], ["2", [2, 2]]]);
  });
});

describe("modes, grads and devices", () => {
  test("train()/eval() set training recursively and return the module", () => {
    const net = new nn.Sequential(new nn.Linear(2, 2), new nn.Sequential(new nn.Dropout(0.5)));
    expect(net.training).toBe(true);
    expect(net.eval()).toBe(net);
    expect(net.modules().every((m) => m.training === false)).toBe(true);
    net.train();
    expect(net.modules().every((m) => m.training)).toBe(true);
    net.train(false);
    expect((net.get(1) as InstanceType<typeof nn.Sequential>).get(0).training).toBe(false);
  });

  test("zero_grad fills grads with zeros by default (PyTorch 1.13), or drops them with set_to_none", () => {
    const lin = new nn.Linear(3, 1);
    lin(torch.rand(2, 3)).sum().backward();
    expect(lin.weight.grad).not.toBeNull();
    lin.zero_grad();
    expect(lin.weight.grad!.shape).toEqual([1, 3]);
    expect(lin.weight.grad!.abs().sum().item()).toBe(0);
    lin(torch.ones(2, 3)).sum().backward();
    expect(lin.weight.grad!.tolist()).toEqual([[2, 2, 2]]);
    lin.zero_grad({ set_to_none: true });
    expect(lin.weight.grad).toBeNull();
    expect(lin.bias!.grad).toBeNull();
    lin.zero_grad(true);
  });

  test("requires_grad_(false) freezes every parameter", () => {
    const net = new nn.Sequential(new nn.Linear(2, 2), new nn.Linear(2, 1));
    net.requires_grad_(false);
    expect(net.parameters().every((p) => !p.requires_grad)).toBe(true);
    expect(net(torch.rand(1, 2)).requires_grad).toBe(false);
    net.requires_grad_();
    expect(net(torch.rand(1, 2)).requires_grad).toBe(true);
  });

  test("apply visits children first, then the module", () => {
    const order: string[] = [];
    const net = new nn.Sequential(new nn.Linear(2, 2), new nn.Sequential(new nn.ReLU()));
    expect(net.apply((m) => void order.push(m._get_name()))).toBe(net);
    expect(order).toEqual(["Linear", "ReLU", "Sequential", "Sequential"]);
    net.apply((m) => {
      if (m instanceof nn.Linear) nn.init.zeros_(m.weight);
    });
    expect((net.get(0) as InstanceType<typeof nn.Linear>).weight.abs().sum().item()).toBe(0);
  });

  test("to('cpu') / cpu() / to(torch.device('cpu')) return the module; cuda() needs the CUDA backend", () => {
    const net = new nn.Sequential(new nn.Linear(4, 2), new nn.Linear(2, 2));
    expect(net.to("cpu")).toBe(net);
    expect(net.to(torch.device("cpu"))).toBe(net);
    expect(net.cpu()).toBe(net);
    expect(net.to(torch.float32)).toBe(net);
    expect(net.to({ device: "cpu", dtype: torch.float32 })).toBe(net);
    expect(() => net.to(torch.int64)).toThrow("nn.Module.to only accepts floating point or complex dtypes");
    expect(() => net.to("tpu")).toThrow("Expected one of cpu, cuda device type");
    if (!torch.cuda.is_available()) {
      expect(() => net.cuda()).toThrow("Torch not compiled with CUDA enabled");
      expect(() => net.to(torch.device("cuda"))).toThrow("Torch not compiled with CUDA enabled");
    }
  });
});

describe("state_dict", () => {
  // PyTorch 1.13: missing, unexpected = nn.Linear(2, 2).load_state_dict({"weight": torch.zeros(2, 2),
  // "extra": torch.zeros(1)}, strict=False) gives ['bias'] and ['extra'] (GoogLeNet's predict.py).
  test("load_state_dict(strict=false) unpacks as PyTorch's named tuple: [missing_keys, unexpected_keys]", () => {
    const lin = new nn.Linear(2, 2);
    const [missing, unexpected] = lin.load_state_dict({ weight: torch.zeros(2, 2), extra: torch.zeros(1) }, { strict: false });
    expect([missing, unexpected]).toEqual([["bias"], ["extra"]]);
  });

  test("values share memory with the parameters and are detached", () => {
    const lin = new nn.Linear(2, 2);
    const sd = lin.state_dict();
    expect(sd["weight"].requires_grad).toBe(false);
    expect(sd["weight"]).not.toBe(lin.weight);
    torch.no_grad(() => lin.weight.fill_(3));
    expect(sd["weight"].sum().item()).toBe(12);
    expect(lin.state_dict({ keep_vars: true })["weight"]).toBe(lin.weight);
    expect(Object.keys(lin.state_dict({ prefix: "enc." }))).toEqual(["enc.weight", "enc.bias"]);
  });

  test("loss weights are buffers in the state_dict", () => {
    expect(Object.keys(new nn.CrossEntropyLoss({ weight: torch.ones(3) }).state_dict())).toEqual(["weight"]);
    expect(Object.keys(new nn.BCEWithLogitsLoss({ pos_weight: torch.ones(3) }).state_dict())).toEqual(["pos_weight"]);
    expect(Object.keys(new nn.CrossEntropyLoss().state_dict())).toEqual([]);
  });

  test("a round trip through state_dict reproduces the outputs", () => {
    const a = new TwoLayer();
    const b = new TwoLayer();
    const x = torch.rand(3, 4);
    expect(a(x).equal(b(x))).toBe(false);
    b.load_state_dict(a.state_dict());
    expect(a(x).equal(b(x))).toBe(true);
  });
});

describe("containers", () => {
  // PyTorch 1.13: s = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1), nn.Tanh()); s[:2] keeps
  // (0) Linear, (1) ReLU; s[1:] (1) ReLU, (2) Linear, (3) Tanh; s[::-2] (3) Tanh, (1) ReLU; the modules shared.
  test("Sequential: Python's slice as the dialect's string (`features[\":5\"]`) is a Sequential of those children, named as before", () => {
    const s = new nn.Sequential(new nn.Linear(2, 3), new nn.ReLU(), new nn.Linear(3, 1), new nn.Tanh());
    const names = (q: InstanceType<typeof nn.Sequential>) => [...q.named_children()].map(([n, m]) => `${n}:${m.constructor.name}`);
    expect(names(s.__getitem__(":2"))).toEqual(["0:Linear", "1:ReLU"]);
    expect(names(s.__getitem__("1:"))).toEqual(["1:ReLU", "2:Linear", "3:Tanh"]);
    expect(names(s.__getitem__("::-2"))).toEqual(["3:Tanh", "1:ReLU"]);
    expect(names(s.__getitem__("-2:"))).toEqual(["2:Linear", "3:Tanh"]);
    expect(s.__getitem__(":1").get(0)).toBe(s.get(0));
    expect(() => s.__getitem__("conv")).toThrow(expect.objectContaining({ name: "TypeError" }));
    expect(() => s.__getitem__("::0")).toThrow("slice step cannot be zero");
  });

  test("Sequential: index, get/at with negatives, iterate, length, append/insert/pop, slice", () => {
    const l0 = new nn.Linear(4, 3);
    const r = new nn.ReLU();
    const l2 = new nn.Linear(3, 2);
    const seq = new nn.Sequential(l0, r, l2);
    expect(seq[0]).toBe(l0);
    expect(seq.get(-1)).toBe(l2);
    expect(seq.at(1)).toBe(r);
    expect([...seq]).toEqual([l0, r, l2]);
    expect(seq.length).toBe(3);
    expect(seq.len()).toBe(3);
    expect(() => seq.get(3)).toThrow("index 3 is out of range");
    const head = seq.slice(0, 2);
    expect(head).toBeInstanceOf(nn.Sequential);
    expect(head(torch.rand(2, 4)).shape).toEqual([2, 3]);
    const t = new nn.Tanh();
    seq.insert(1, t);
    expect([...seq]).toEqual([l0, t, r, l2]);
    expect(seq.pop(1)).toBe(t);
    seq.append(new nn.Sigmoid());
    expect(seq.named_children().map(([n]) => n)).toEqual(["0", "1", "2", "3"]);
    expect(seq(torch.rand(5, 4)).shape).toEqual([5, 2]);
    seq.delete(3);
    expect(seq.length).toBe(3);
    seq.set(1, new nn.Tanh());
    expect(seq.get(1)).toBeInstanceOf(nn.Tanh);
  });

  test("assigning seq[i] replaces a child; a subclass's own fields register after the children", () => {
    const seq = new nn.Sequential(new nn.Linear(2, 2), new nn.ReLU());
    seq[1] = new nn.Tanh();
    expect(seq.get(1)).toBeInstanceOf(nn.Tanh);
    const lst = new nn.ModuleList([new nn.ReLU()]);
    lst[0] = new nn.Sigmoid();
    expect([...lst][0]).toBeInstanceOf(nn.Sigmoid);
    class WithHead extends nn.Sequential {
      head: torch.nn.Linear;
      constructor() {
        super(new nn.Linear(3, 2));
        this.head = new nn.Linear(2, 1);
      }
    }
    const w = new WithHead();
    expect(Object.keys(w.state_dict())).toEqual(["0.weight", "0.bias", "head.weight", "head.bias"]);
  });

  test("Sequential from an object keeps its names", () => {
    const seq = new nn.Sequential({ conv: new nn.Linear(2, 2), act: new nn.ReLU() });
    expect(Object.keys(seq.state_dict())).toEqual(["conv.weight", "conv.bias"]);
    expect(seq.get(1)).toBeInstanceOf(nn.ReLU);
    expect(seq[0]).toBe(seq.get(0));
    expect(seq[1]).toBeInstanceOf(nn.ReLU);
    seq.append(new nn.Tanh());
    expect(seq[2]).toBeInstanceOf(nn.Tanh);
    expect(seq.named_children().map(([n]) => n)).toEqual(["conv", "act", "2"]);
    expect(() => new nn.Sequential(3 as unknown as InstanceType<typeof nn.Module>)).toThrow("is not a Module subclass");
  });

  test("Sequential from a Map keeps its names and order (PyTorch's Sequential(OrderedDict([...])))", () => {
    const seq = new nn.Sequential(new Map<string, InstanceType<typeof nn.Module>>([["linear", new nn.Linear(2, 1)], ["act", new nn.ReLU()]]));
    // PyTorch: ['linear.weight', 'linear.bias'] and the repr with (linear) and (act)
    expect(Object.keys(seq.state_dict())).toEqual(["linear.weight", "linear.bias"]);
    expect(String(seq)).toBe("Sequential(\n  (linear): Linear(in_features=2, out_features=1, bias=True)\n  (act): ReLU()\n)");
    expect(seq[0]).toBeInstanceOf(nn.Linear);
    expect(() => new nn.Sequential(new Map([["x", 3 as unknown as InstanceType<typeof nn.Module>]]))).toThrow("is not a Module subclass");
  });

  test("ModuleList registers its modules and is iterable", () => {
    class Stack extends nn.Module {
      layers: InstanceType<typeof nn.ModuleList>;
      constructor() {
        super();
        this.layers = new nn.ModuleList([new nn.Linear(3, 3), new nn.Linear(3, 3)]);
        this.layers.append(new nn.Linear(3, 1));
      }
      forward(x: Tensor): Tensor {
        for (const layer of this.layers) x = layer(x);
        return x;
      }
    }
    const s = new Stack();
    expect(s.named_parameters().map(([n]) => n)).toEqual(["layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias", "layers.2.weight", "layers.2.bias"]);
    expect(s(torch.rand(2, 3)).shape).toEqual([2, 1]);
    expect(s.layers.length).toBe(3);
    s.layers.insert(0, new nn.ReLU());
    expect(s.layers.get(0)).toBeInstanceOf(nn.ReLU);
    expect(s.layers.named_children().map(([n]) => n)).toEqual(["0", "1", "2", "3"]);
    expect(() => s.layers.extend(5 as unknown as InstanceType<typeof nn.Module>[])).toThrow("ModuleList.extend should be called with an iterable");
  });

  test("ModuleDict keeps insertion order, even for numeric-looking keys", () => {
    const d = new nn.ModuleDict({ b: new nn.Linear(1, 1), a: new nn.ReLU() });
    d.set("10", new nn.Linear(1, 2));
    d.set("2", new nn.Tanh());
    expect(d.keys()).toEqual(["b", "a", "10", "2"]);
    expect([...d]).toEqual(["b", "a", "10", "2"]);
    expect(Object.keys(d.state_dict())).toEqual(["b.weight", "b.bias", "10.weight", "10.bias"]);
    expect(d.has("a")).toBe(true);
    expect((d as unknown as Record<string, unknown>)["b"]).toBe(d.get("b"));
    expect(() => d.set("keys", new nn.ReLU())).toThrow("attribute 'keys' already exists");
    expect(d.pop("a")).toBeInstanceOf(nn.ReLU);
    expect(d.length).toBe(3);
    expect((d as unknown as Record<string, unknown>)["a"]).toBeUndefined();
    expect(() => d.get("zz")).toThrow("'zz'");
    expect(String(new nn.ModuleDict({ x: new nn.ReLU() }))).toBe("ModuleDict(\n  (x): ReLU()\n)");
  });
});

describe("printing", () => {
  test("a custom module prints its children, indented like PyTorch", () => {
    expect(String(new TwoLayer())).toBe(
      "TwoLayer(\n" +
        "  (fc1): Linear(in_features=4, out_features=3, bias=True)\n" +
        "  (act): ReLU()\n" +
        "  (fc2): Linear(in_features=3, out_features=2, bias=True)\n" +
        ")",
    );
  });

  test("util.inspect and the Jupyter display hook give the repr", () => {
    const net = new nn.Sequential(new nn.Linear(4, 2));
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const util = require("util") as typeof import("util");
    expect(util.inspect(net)).toBe(String(net));
    expect((net as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for("Jupyter.display")]()).toEqual({ "text/plain": String(net) });
  });

  test("a Parameter prints as PyTorch prints it", () => {
    const p = new nn.Parameter(torch.tensor([[1.5, -2.0]]));
    expect(String(p)).toBe("Parameter containing:\ntensor([[ 1.5000, -2.0000]], requires_grad=True)");
    expect(String(new nn.Parameter(torch.tensor([0.5]), false))).toBe("Parameter containing:\ntensor([0.5000])");
  });
});

describe("Parameter", () => {
  test("shares the values of the tensor it wraps and is a leaf", () => {
    const t = torch.zeros(2);
    const p = new nn.Parameter(t);
    torch.no_grad(() => p.add_(1));
    expect(t.tolist()).toEqual([1, 1]);
    expect(p.is_leaf && p.requires_grad).toBe(true);
    const q = new nn.Parameter(torch.rand(2, { requires_grad: true }).mul(2));
    expect(q.is_leaf).toBe(true);
    expect(new nn.Parameter().shape).toEqual([0]);
    expect(() => new nn.Parameter([1, 2] as unknown as Tensor)).toThrow("argument 'data' must be a Tensor");
    // As in PyTorch, an integer or bool tensor cannot be a parameter that requires grad (the message is
    // PyTorch's, test/reference/requires_grad_dtype.json); without requires_grad it keeps its dtype.
    expect(() => new nn.Parameter(torch.tensor([1, 2]))).toThrow("Only Tensors of floating point and complex dtype can require gradients");
    expect(new nn.Parameter(torch.tensor([1, 2]), false).dtype).toBe(torch.int64);
    expect(() => new nn.Parameter(torch.tensor([true]))).toThrow("Only Tensors of floating point and complex dtype can require gradients");
  });
});

describe("functional helpers", () => {
  test("F.relu with inplace overwrites a tensor outside the graph; on a grad leaf it raises", () => {
    const x = torch.tensor([-1.5, 2.5]);
    const y = F.relu(x, { inplace: true });
    expect(x.tolist()).toEqual([0, 2.5]);
    expect(y).toBe(x);
    const leaf = torch.tensor([-1.5, 2.5], { requires_grad: true });
    expect(() => F.relu(leaf, true)).toThrow("a leaf Variable that requires grad is being used in an in-place operation");
  });

  test("implicit softmax dim follows PyTorch's legacy rule", () => {
    const x = torch.rand(2, 3);
    expect(F.softmax(x).sum(1).allclose(torch.ones(2))).toBe(true);
    const v = torch.rand(4);
    expect(F.softmax(v).sum().item()).toBeCloseTo(1, 5);
  });
});

describe("_modules", () => {
  test("reads the children, registers on assignment and walks them in order (d2l's MySequential)", () => {
    class MySequential extends torch.nn.Module {
      constructor(...args: torch.nn.Module[]) {
        super();
        for (const [idx, module] of args.entries()) this._modules[String(idx)] = module;
      }
      forward(X: torch.Tensor): torch.Tensor {
        for (const block of Object.values(this._modules)) X = block(X);
        return X;
      }
    }
    const lin = new torch.nn.Linear(3, 2);
    const net = new MySequential(lin, new torch.nn.ReLU());
    expect(Object.keys(net._modules)).toEqual(["0", "1"]);
    expect(net._modules["0"]).toBe(lin);
    expect("1" in net._modules).toBe(true);
    expect(net.named_parameters().map(([n]) => n)).toEqual(["0.weight", "0.bias"]);
    expect(String(net)).toBe("MySequential(\n  (0): Linear(in_features=3, out_features=2, bias=True)\n  (1): ReLU()\n)");
    const x = torch.rand(4, 3);
    expect(net(x).equal(torch.relu(lin(x)))).toBe(true);
    expect(() => { net._modules["2"] = 3 as unknown as torch.nn.Module; }).toThrow("is not a Module subclass");
  });
});

test("Sequential and ModuleList index from the end with a negative number, as Python's seq[-1]", () => {
  const { nn } = torch;
  const list = new nn.ModuleList([new nn.Linear(4, 3), new nn.ReLU()]);
  list.append(new nn.Linear(3, 2));
  expect(list[-1]).toBe(list[2]);
  expect(list[-3]).toBe(list[0]);
  expect(list[-4]).toBeUndefined();
  const seq = new nn.Sequential({ fc1: new nn.Linear(4, 3), act: new nn.ReLU() });
  expect(seq[-1]).toBe(seq.act);
  expect(seq[-2]).toBe(seq.fc1);
  seq[-1] = new nn.Tanh();
  expect(String(seq)).toBe("Sequential(\n  (fc1): Linear(in_features=4, out_features=3, bias=True)\n  (act): Tanh()\n)");
  expect(Object.keys(seq.state_dict())).toEqual(["fc1.weight", "fc1.bias"]);
  list.pop();
  expect(list[-1]).toBe(list[1]);
});

test("a forward hook returning null (Python's `return None`) keeps the module's output", () => {
  const { nn } = torch;
  const lin = new nn.Linear(2, 1);
  const seen: number[][] = [];
  lin.register_forward_hook((m, i, o) => {
    seen.push((o as InstanceType<typeof torch.Tensor>).shape);
    return null;
  });
  const out = lin(torch.ones(3, 2));
  expect(out.shape).toEqual([3, 1]);
  expect(seen).toEqual([[3, 1]]);
});
