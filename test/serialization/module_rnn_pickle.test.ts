/**
 * torch.save(model) / torch.load of the recurrent layers (RNN, LSTM, GRU and their cells) and
 * PixelShuffle, which word_language_model's main.py and super_resolution's checkpoint() save whole:
 * torchlab's own round trip (outputs, parameter identity in `_flat_weights`, tied weights of a user's
 * model), and, where /usr/bin/python3 has torch, PyTorch loading torchlab's file and torchlab loading
 * PyTorch's with the same outputs. The layers' `__dict__` is compared with PyTorch's in
 * module_pickle.test.ts (module_attrs.json).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { torch } from "../../src";
import { pythonHas } from "../python";

const { nn } = torch;
type Tensor = InstanceType<typeof torch.Tensor>;
const PY = "/usr/bin/python3";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rnn-pickle-"));

function hasPythonTorch(): boolean {
  return pythonHas("torch");
}

type Module = InstanceType<typeof nn.Module>;
// The recurrent layers are not (yet) assignable to Module's type (their hook signatures take a
// PackedSequence or give a pair): the cast says so; the objects are Modules.
const layers = () =>
  new nn.ModuleList([
    new nn.LSTM(3, 4, 2, { dropout: 0.1 }),
    new nn.GRU(3, 4, { bidirectional: true }),
    new nn.RNN(3, 4, { nonlinearity: "relu", bias: false }),
    new nn.LSTMCell(3, 2),
    new nn.GRUCell(3, 2, { bias: false }),
    new nn.PixelShuffle(2),
  ] as unknown as Module[]);

function outputs(m: InstanceType<typeof nn.ModuleList>): number[] {
  const x = torch.arange(15, { dtype: torch.float32 }).mul(0.1).reshape(5, 1, 3);
  const [a, b, c, d, e, f] = [...m] as [any, any, any, any, any, any]; // eslint-disable-line @typescript-eslint/no-explicit-any
  return [
    (a(x) as Tensor[])[0].sum().item(),
    (b(x) as Tensor[])[0].sum().item(),
    (c(x) as Tensor[])[0].sum().item(),
    (d(x.get(0)) as Tensor[])[1].sum().item(),
    (e(x.get(0)) as Tensor).sum().item(),
    (f(torch.arange(24, { dtype: torch.float32 }).mul(torch.arange(24, { dtype: torch.float32 })).reshape(1, 4, 2, 3)) as Tensor).get(0, 0, 1).sum().item(),
  ];
}

test("recurrent layers and PixelShuffle save whole and load back with the same outputs", () => {
  torch.manual_seed(0);
  const m = layers().eval();
  const file = path.join(dir, "layers.pt");
  torch.save(m, file);
  const back = torch.load<InstanceType<typeof nn.ModuleList>>(file, { weights_only: false });
  expect(String(back)).toBe(String(m));
  expect(outputs(back)).toEqual(outputs(m));
  const lstm = back.get(0) as unknown as InstanceType<typeof nn.LSTM>;
  expect(lstm.all_weights[1][0]).toBe((lstm as unknown as Record<string, Tensor>).weight_ih_l1);
  expect(lstm.parameters().length).toBe(8);
  expect(Object.keys(back.state_dict())).toEqual(Object.keys(m.state_dict()));
});

(hasPythonTorch() ? test : test.skip)("PyTorch loads torchlab's file, and torchlab PyTorch's, with the same outputs (skipped without /usr/bin/python3 + torch)", () => {
  torch.manual_seed(0);
  const m = layers().eval();
  const mine = path.join(dir, "torchlab.pt");
  const theirs = path.join(dir, "pytorch.pt");
  torch.save(m, mine);
  const script = `
import json, sys, torch
m = torch.load(sys.argv[1]); m.eval()
x = (torch.arange(15, dtype=torch.float32) * 0.1).reshape(5, 1, 3)
def outs(m):
    return [m[0](x)[0].sum().item(), m[1](x)[0].sum().item(), m[2](x)[0].sum().item(),
            m[3](x[0])[1].sum().item(), m[4](x[0]).sum().item(), m[5]((torch.arange(24.) * torch.arange(24.)).reshape(1, 4, 2, 3))[0, 0, 1].sum().item()]
torch.manual_seed(1)
mine = torch.nn.ModuleList([torch.nn.LSTM(3, 4, 2, dropout=0.1), torch.nn.GRU(3, 4, bidirectional=True),
    torch.nn.RNN(3, 4, nonlinearity="relu", bias=False), torch.nn.LSTMCell(3, 2), torch.nn.GRUCell(3, 2, bias=False),
    torch.nn.PixelShuffle(2)]).eval()
torch.save(mine, sys.argv[2])
print(json.dumps({"loaded": outs(m), "same_objects": m[0]._flat_weights[0] is m[0].weight_ih_l0, "theirs": outs(mine)}))
`;
  const run = spawnSync(PY, ["-c", script, mine, theirs], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  const r = JSON.parse(run.stdout) as { loaded: number[]; same_objects: boolean; theirs: number[] };
  outputs(m).forEach((v, i) => expect(r.loaded[i]).toBeCloseTo(v, 5));
  expect(r.same_objects).toBe(true);
  const loaded = torch.load<InstanceType<typeof nn.ModuleList>>(theirs, { weights_only: false });
  outputs(loaded).forEach((v, i) => expect(v).toBeCloseTo(r.theirs[i], 5));
});
