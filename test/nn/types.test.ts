/**
 * Notebook-style code type-checks under TypeScript 5.0.4 (tslab's compiler) in strict mode: modules
 * are callable with the argument and result types of their forward, containers and hooks are typed,
 * and a wrong call is a type error.
 */
import * as path from "path";
import * as ts from "typescript";
import { SRC, cellDiagnostics } from "../cell_types";

const CELL = `
import { torch } from "${SRC}";
import { enumerate } from "${SRC}/builtins";
const nn = torch.nn;
const F = torch.nn.functional;
type Tensor = torch.Tensor;

class ResBlock extends nn.Module {
  fc1: torch.nn.Linear;
  fc2: torch.nn.Linear;
  extra: torch.nn.Sequential;
  constructor(ch_in: number, ch_out: number) {
    super();
    this.fc1 = new nn.Linear(ch_in, ch_out);
    this.fc2 = new nn.Linear(ch_out, ch_out);
    this.extra = new nn.Sequential();
    if (ch_in !== ch_out) this.extra = new nn.Sequential(new nn.Linear(ch_in, ch_out));
  }
  forward(x: Tensor): Tensor {
    const out = F.relu(this.fc1(x));
    return this.extra(x).add(this.fc2(out));
  }
}

class TwoInputs extends nn.Module {
  forward(x: Tensor, scale: number): [Tensor, number] {
    return [x.mul(scale), scale];
  }
}

const block = new ResBlock(4, 2);
const y: Tensor = block(torch.rand(3, 4));
const pair: [Tensor, number] = new TwoInputs()(torch.rand(2), 3);
const net = new nn.Sequential(new nn.Linear(4, 2), new nn.ReLU(), new nn.Linear(2, 2));
const z: Tensor = net(y.detach().repeat(1, 2));
const first: torch.nn.Module = net[0];
// d2l's initialisation through a position: the child's attributes are read as in PyTorch, untyped.
net[0].weight.data.normal_(0, 0.01);
net[0].bias.data.fill_(0);
const firstLinear: torch.nn.Linear = net[0] as torch.nn.Linear;
void firstLinear.in_features;
const firstParams: torch.nn.Parameter[] = [...net[0].parameters()];
const w: Tensor = first(torch.rand(1, 4));
for (const [name, p] of net.named_parameters()) void [name.length, p.shape];
const names: string[] = net.named_parameters().map(([n]) => n);
const layers = new nn.ModuleList([new nn.Linear(2, 2), new nn.Tanh()]);
let h = torch.rand(1, 2);
for (const layer of layers) h = layer(h);
// d2l's TransformerEncoder: for i, blk in enumerate(self.blks) reads blk.attention untyped, as net[i] does.
for (const [i, blk] of [...net].entries()) void [i, blk.weight.shape];
const handle = block.fc1.register_forward_hook((m, input, output) => {
  const s: number[] = output.shape;
  void m.in_features; void input[0].shape; void s;
});
handle.remove();
const loss: Tensor = new nn.CrossEntropyLoss()(z, torch.tensor([0]));
const sd: Record<string, Tensor> = net.state_dict();
const r = net.load_state_dict(sd, { strict: false });
const missing: string[] = r.missing_keys;
net.to(torch.device("cpu")).eval().train();
// PyTorch's torch.device("cuda", 1) and Dropout(0.2, inplace=True) (test/api/print_sweep.test.ts prints them).
const dev: torch.device = torch.device("cuda", 1);
const drops = [new nn.Dropout(0.2, { inplace: true }), new nn.Dropout2d(0.2, { inplace: true })];
void [dev, drops];
net.apply((m) => { if (m instanceof nn.Linear) nn.init.xavier_uniform_(m.weight); });
const params: torch.nn.Parameter[] = net.parameters();
// ZTM's engine.py: for batch, (X, y) in enumerate(dataloader) over an untyped parameter.
function train_step(dataloader: any): void { for (const [batch, [X, y]] of enumerate(dataloader)) void [batch + 1, X.shape, y.shape]; }
// ZTM's ViT: LayerNorm's shape and all of MultiheadAttention.forward's arguments as keywords.
const ln = new nn.LayerNorm({ normalized_shape: 8 });
const [attn_output, attn_weights] = new nn.MultiheadAttention({ embed_dim: 8, num_heads: 2 })({ query: ln(torch.rand(3, 8)), key: torch.rand(3, 8), value: torch.rand(3, 8), need_weights: false });
const attn: Tensor = attn_output;
void [train_step, attn, attn_weights];
// @ts-expect-error a Linear takes a Tensor, not a number
new nn.Linear(2, 2)(3);
// @ts-expect-error forward's result is a Tensor, not a string
const wrong: string = block(torch.rand(1, 4));
void [y, pair, z, w, names, loss, missing, params, wrong];
`;

test("a notebook cell using nn type-checks under TypeScript " + ts.version, () => {
  expect(ts.version).toBe("5.0.4");
  expect(cellDiagnostics(path.join(__dirname, "__cell__.ts"), CELL)).toEqual([]);
}, 120000);

test("a module class compiled as tslab compiles cells (ES2022, define semantics for fields) registers and runs", async () => {
  // The cell runs torchlab, which this suite loads only here (test/setup.ts readies a backend only for a suite that loaded it).
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  await (require("../../src") as typeof import("../../src")).torch.ready();
  const cell = `
    import { torch } from "torchlab";
    const nn = torch.nn;
    class Net extends nn.Module {
      fc2: torch.nn.Linear;
      conv1: torch.nn.Linear;
      declared_only: torch.nn.Linear | undefined;
      fc = new nn.Linear(3, 2);
      name = "net";
      constructor() {
        super();
        this.conv1 = new nn.Linear(4, 3);
        this.add_module("0", new nn.ReLU());
        this.fc2 = new nn.Linear(2, 2);
      }
      forward(x: torch.Tensor): torch.Tensor {
        return this.fc2(this.fc(this.conv1(x)));
      }
    }
    const net = new Net();
    exports.result = { keys: Object.keys(net.state_dict()), shape: net(torch.rand(5, 4)).shape, name: net.name, repr: String(net) };
  `;
  const js = ts.transpileModule(cell, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, useDefineForClassFields: true, strict: true },
  }).outputText;
  expect(js).toMatch(/^\s*fc2;/m);
  const exportsObj: { result?: { keys: string[]; shape: number[]; name: string; repr: string } } = {};
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const req = (m: string): unknown => (m === "torchlab" ? require("../../src") : require(m));
  new Function("require", "exports", js)(req, exportsObj);
  // Declared fields are created (as undefined) in declaration order before the constructor runs, and
  // "0" is an index-like key that JavaScript lists first; registration still follows assignment order.
  expect(exportsObj.result).toEqual({
    keys: ["fc.weight", "fc.bias", "conv1.weight", "conv1.bias", "fc2.weight", "fc2.bias"],
    shape: [5, 2],
    name: "net",
    repr:
      "Net(\n  (fc): Linear(in_features=3, out_features=2, bias=True)\n  (conv1): Linear(in_features=4, out_features=3, bias=True)\n" +
      "  (0): ReLU()\n  (fc2): Linear(in_features=2, out_features=2, bias=True)\n)",
  });
});
