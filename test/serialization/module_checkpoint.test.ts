import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";
import type { Tensor } from "../../src/torch";

const { nn } = torch;
const REF = path.join(__dirname, "../reference/checkpoints");
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-mod-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const vals = (t: Tensor): number[] => Array.from(t.dataSync());

describe("Module checkpoints", () => {
  test("the tutorial: save net.state_dict(), load it back into a fresh net", () => {
    const net = new nn.Sequential(new nn.Linear(4, 2), new nn.Linear(2, 2));
    const ckpt = path.join(dir, "ckpt.mdl");
    torch.save(net.state_dict(), ckpt);
    const fresh = new nn.Sequential(new nn.Linear(4, 2), new nn.Linear(2, 2));
    fresh.load_state_dict(torch.load(ckpt));
    const x = torch.randn(3, 4);
    expect(vals(fresh.forward(x))).toEqual(vals(net.forward(x)));
    expect(Object.keys(torch.load(ckpt))).toEqual(["0.weight", "0.bias", "1.weight", "1.bias"]);
  });

  test("weights trained in PyTorch load into a torchlab model and compute PyTorch's outputs", () => {
    const net = new nn.Sequential(new nn.Linear(4, 3), new nn.BatchNorm1d(3));
    net.load_state_dict(torch.load(path.join(REF, "sequential_state_dict.pt")));
    net.eval();
    const ref = JSON.parse(fs.readFileSync(path.join(REF, "sequential_forward.json"), "utf8"));
    const x = torch.tensor(ref.input.values).reshape(ref.input.shape);
    const y = net.forward(x);
    expect(y.shape).toEqual(ref.output.shape);
    vals(y).forEach((v, i) => expect(v).toBeCloseTo(ref.output.values[i], 5));
  });

  test("a whole training checkpoint (model, optimizer, epoch) resumes exactly", () => {
    torch.manual_seed(0);
    const make = (): InstanceType<typeof nn.Sequential> => new nn.Sequential(new nn.Linear(3, 4), new nn.ReLU(), new nn.Linear(4, 1));
    const x = torch.randn(8, 3);
    const y = torch.randn(8, 1);
    const net = make();
    const opt = new torch.optim.Adam(net.parameters(), { lr: 0.01 });
    const step = (n: typeof net, o: typeof opt): void => {
      o.zero_grad();
      n.forward(x).sub(y).pow(2).mean().backward();
      o.step();
    };
    step(net, opt);
    step(net, opt);
    const ckpt = path.join(dir, "train.pt");
    torch.save({ epoch: 2, model: net.state_dict(), optimizer: opt.state_dict() }, ckpt);

    const net2 = make();
    const opt2 = new torch.optim.Adam(net2.parameters(), { lr: 0.5 });
    const state = torch.load(ckpt);
    net2.load_state_dict(state.model);
    opt2.load_state_dict(state.optimizer);
    expect(state.epoch).toBe(2);
    step(net, opt);
    step(net2, opt2);
    net.parameters().forEach((p, i) => expect(vals(net2.parameters()[i])).toEqual(vals(p)));
  });

  test("a checkpoint whose keys do not fit the model gives PyTorch's load_state_dict error", () => {
    const ckpt = path.join(dir, "ckpt.mdl");
    torch.save(new nn.Sequential(new nn.Linear(4, 2)).state_dict(), ckpt);
    const other = new nn.Sequential(new nn.Linear(4, 3));
    expect(() => other.load_state_dict(torch.load(ckpt))).toThrow(/size mismatch for 0\.weight/);
  });
});
