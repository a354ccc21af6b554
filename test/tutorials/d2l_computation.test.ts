/**
 * Dive into Deep Learning (d2l-zh, PyTorch edition), chapter_deep-learning-computation: parameters
 * (access, nested blocks, init functions through apply, tied layers), custom-layer, read-write
 * (torch.save / torch.load of tensors, lists, dicts and a state_dict) and use-gpu on a machine
 * without CUDA, run as notebooks through `torchlab run`. Each cell's printed output and shown value
 * must be PyTorch's (test/reference/gen_d2l_computation.py).
 *
 * Divergences left, and written around here: `net[0].weight` does not type-check (items of a
 * Sequential are typed Module: the port casts, `(net[0] as nn.Linear).weight`); a tuple prints as
 * Node prints an array (`print(*[(name, param.shape) ...])` is left out); `torch.load` of a saved
 * `{'x': x, 'y': y}` prints as `OrderedDict([...])` where PyTorch prints a dict (an object of tensors
 * cannot be told from a state_dict), so the cell shows `mydict2['x'], mydict2['y']`; `x.device` is
 * the string 'cpu', not `device(type='cpu')` (that cell is left out).
 */
import * as fs from "fs";
import * as path from "path";
import { tempDir } from "../kernel/helpers";
import { sectionsForSuite, type ExecutedNotebook as Nb } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "d2l_computation.json"), "utf8")) as Record<string, [string, string | null][]>;
const DIR = tempDir("torchlab-d2l-rw-");

const PARAMETERS = [
  `torch.manual_seed(0);
let net = new nn.Sequential(new nn.Linear(4, 8), new nn.ReLU(), new nn.Linear(8, 1));
const X = torch.rand({size: [2, 4]});
net(X)`,
  `console.log(net[2].state_dict());
console.log((net[2] as nn.Linear).bias);
console.log((net[2] as nn.Linear).bias!.data);`,
  `(net[2] as nn.Linear).weight.grad == null`,
  `net.state_dict()['2.bias'].data`,
  `function block1() {
  return new nn.Sequential(new nn.Linear(4, 8), new nn.ReLU(), new nn.Linear(8, 4), new nn.ReLU());
}
function block2() {
  const net = new nn.Sequential();
  for (let i = 0; i < 4; i++) {
    net.add_module(\`block \${i}\`, block1());
  }
  return net;
}
const rgnet = new nn.Sequential(block2(), new nn.Linear(4, 1));
rgnet(X)`,
  `console.log(rgnet);`,
  `(rgnet[0][1][0] as nn.Linear).bias!.data`,
  `function init_normal(m: nn.Module) {
  if (m.constructor == nn.Linear) {
    nn.init.normal_((m as nn.Linear).weight, {mean: 0, std: 0.01});
    nn.init.zeros_((m as nn.Linear).bias!);
  }
}
net.apply(init_normal);
[(net[0] as nn.Linear).weight.data[0], (net[0] as nn.Linear).bias!.data[0]]`,
  `function init_constant(m: nn.Module) {
  if (m instanceof nn.Linear) {
    nn.init.constant_(m.weight, 1);
    nn.init.zeros_(m.bias!);
  }
}
net.apply(init_constant);
[(net[0] as nn.Linear).weight.data[0], (net[0] as nn.Linear).bias!.data[0]]`,
  `function init_xavier(m: nn.Module) {
  if (m instanceof nn.Linear) nn.init.xavier_uniform_(m.weight);
}
function init_42(m: nn.Module) {
  if (m instanceof nn.Linear) nn.init.constant_(m.weight, 42);
}
net[0].apply(init_xavier);
net[2].apply(init_42);
console.log((net[0] as nn.Linear).weight.data[0]);
console.log((net[2] as nn.Linear).weight.data);`,
  `function my_init(m: nn.Module) {
  if (m instanceof nn.Linear) {
    console.log("Init", ...[...m.named_parameters()].map(([name, param]) => [name, param.shape])[0]);
    nn.init.uniform_(m.weight, -10, 10);
    m.weight.data *= m.weight.data.abs() >= 5;
  }
}
net.apply(my_init);
(net[0] as nn.Linear).weight[":2"]`,
  `(net[0] as nn.Linear).weight.data[":"] += 1;
(net[0] as nn.Linear).weight.data[0, 0] = 42;
(net[0] as nn.Linear).weight.data[0]`,
  `const shared = new nn.Linear(8, 8);
net = new nn.Sequential(new nn.Linear(4, 8), new nn.ReLU(), shared, new nn.ReLU(), shared, new nn.ReLU(), new nn.Linear(8, 1));
net(X);
console.log((net[2] as nn.Linear).weight.data[0] == (net[4] as nn.Linear).weight.data[0]);
(net[2] as nn.Linear).weight.data[0, 0] = 100;
console.log((net[2] as nn.Linear).weight.data[0] == (net[4] as nn.Linear).weight.data[0]);`,
];

const CUSTOM_READ_GPU = [
  `class CenteredLayer extends nn.Module {
  forward(X: torch.Tensor) {
    return X - X.mean();
  }
}
const layer = new CenteredLayer();
layer(torch.FloatTensor([1, 2, 3, 4, 5]))`,
  `torch.manual_seed(0);
let net = new nn.Sequential(new nn.Linear(8, 128), new CenteredLayer());
let Y = net(torch.rand(4, 8));
Y.mean().abs() < 1e-6`,
  `class MyLinear extends nn.Module {
  weight: nn.Parameter; bias: nn.Parameter;
  constructor(in_units: number, units: number) {
    super();
    this.weight = new nn.Parameter(torch.randn(in_units, units));
    this.bias = new nn.Parameter(torch.randn(units,));
  }
  forward(X: torch.Tensor) {
    const linear = torch.matmul(X, this.weight.data) + this.bias.data;
    return F.relu(linear);
  }
}
const linear = new MyLinear(5, 3);
linear.weight`,
  `linear(torch.rand(2, 5))`,
  `net = new nn.Sequential(new MyLinear(64, 8), new MyLinear(8, 1));
net(torch.rand(2, 64))`,
  `const x = torch.arange(4);
torch.save(x, '${DIR}/x-file');
let x2 = torch.load('${DIR}/x-file');
x2`,
  `const y = torch.zeros(4);
torch.save([x, y], '${DIR}/x-files');
let [x3, y2] = torch.load('${DIR}/x-files');
[x3, y2]`,
  `const mydict = {'x': x, 'y': y};
torch.save(mydict, '${DIR}/mydict');
const mydict2 = torch.load('${DIR}/mydict') as Record<string, torch.Tensor>;
[mydict2['x'], mydict2['y']]`,
  `class MLP extends nn.Module {
  hidden = new nn.Linear(20, 256);
  output = new nn.Linear(256, 10);
  forward(x: torch.Tensor) {
    return this.output(F.relu(this.hidden(x)));
  }
}
const net2 = new MLP();
const X = torch.randn({size: [2, 20]});
Y = net2(X);
torch.save(net2.state_dict(), '${DIR}/mlp.params');`,
  `const clone = new MLP();
clone.load_state_dict(torch.load('${DIR}/mlp.params'));
clone.eval()`,
  `const Y_clone = clone(X);
Y_clone == Y`,
  `[torch.device('cpu'), torch.device('cuda'), torch.device('cuda:1')]`,
  `torch.cuda.device_count()`,
  `function try_gpu(i=0) {
  if (torch.cuda.device_count() >= i + 1) return torch.device(\`cuda:\${i}\`);
  return torch.device('cpu');
}
function try_all_gpus() {
  const devices = [];
  for (let i = 0; i < torch.cuda.device_count(); i++) devices.push(torch.device(\`cuda:\${i}\`));
  return devices.length ? devices : [torch.device('cpu')];
}
[try_gpu(), try_gpu(10), try_all_gpus()]`,
  `const Xg = torch.ones(2, 3, {device: try_gpu()});
Xg`,
];

const SECTIONS: Record<string, string[]> = { parameters: PARAMETERS, custom_read_gpu: CUSTOM_READ_GPU };

/** Each cell's stdout and shown value (text/plain of its execute_result, or null); errors as text. */
function cells(nb: Nb): [string, string | null][] {
  return nb.cells.map((c) => {
    const outs = c.outputs ?? [];
    const text = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join("") : t ?? "");
    const stdout = outs.map((o) => (o.output_type === "error" ? `ERROR ${o.ename}: ${o.evalue}\n` : o.output_type === "stream" && o.name === "stdout" ? text(o.text) : "")).join("");
    const res = outs.find((o) => o.output_type === "execute_result");
    return [stdout, res ? text(res.data!["text/plain"]) : null];
  });
}

describe("d2l chapter_deep-learning-computation as notebooks through `torchlab run`", () => {
  const out: Record<string, [string, string | null][]> = {};
  // One notebook, one kernel: the second section starts from a reseeded torch, as a fresh kernel would. (its "every cell runs" test also requires that no cell shows an error).
  const nbs = sectionsForSuite("d2l-computation", { d2l_computation: SECTIONS }, 300_000);
  beforeAll(() => {
    for (const name of Object.keys(SECTIONS)) out[name] = cells(nbs[name]);
  });

  for (const name of Object.keys(SECTIONS)) {
    test(`${name}: every cell prints and shows PyTorch's output`, () => {
      const want = R[name];
      expect(out[name].length).toBe(want.length);
      want.forEach(([wantOut, wantValue], i) => {
        const [gotOut, gotValue] = out[name][i];
        expectSamePrint(gotOut, wantOut);
        if (wantValue === null || gotValue === null) expect([i, gotValue]).toEqual([i, wantValue]);
        else if (wantValue.startsWith("[")) expectSamePrint(gotValue.replace(/\s+/g, ""), wantValue.replace(/\s+/g, ""));
        else expectSamePrint(gotValue, wantValue);
      });
    });
  }
});
