/**
 * Fine-tuning as PyTorch's transfer-learning tutorial does it (issue 16): freeze a backbone with
 * `requires_grad_(false)`, replace the head by assigning `model.fc = new nn.Linear(...)`, and train
 * only what still requires grad; also on a whole model PyTorch saved, then saved and loaded again.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";
import type { Tensor } from "../../src/torch";

const { nn } = torch;
const F = nn.functional;
type Parameter = InstanceType<typeof nn.Parameter>;
const FIXTURES = path.join(__dirname, "../reference/checkpoints");
const vals = (t: Tensor): number[] => Array.from(t.dataSync());

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-finetune-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  torch.serialization.clear_safe_globals();
});

/** A ResNet-shaped model: conv1/bn1/relu, a layer of blocks, avgpool, fc (torchvision's attribute names). */
class TinyResNet extends nn.Module {
  conv1: InstanceType<typeof nn.Conv2d>;
  bn1: InstanceType<typeof nn.BatchNorm2d>;
  relu: InstanceType<typeof nn.ReLU>;
  layer1: InstanceType<typeof nn.Sequential>;
  avgpool: InstanceType<typeof nn.AdaptiveAvgPool2d>;
  fc: InstanceType<typeof nn.Linear>;
  constructor(num_classes = 10) {
    super();
    this.conv1 = new nn.Conv2d(1, 8, 3, { padding: 1, bias: false });
    this.bn1 = new nn.BatchNorm2d(8);
    this.relu = new nn.ReLU();
    this.layer1 = new nn.Sequential(new nn.Conv2d(8, 8, 3, { padding: 1 }), new nn.ReLU());
    this.avgpool = new nn.AdaptiveAvgPool2d(2);
    this.fc = new nn.Linear(8 * 2 * 2, num_classes);
  }
  forward(x: Tensor): Tensor {
    x = this.relu(this.bn1(this.conv1(x)));
    x = this.layer1(x);
    return this.fc(torch.flatten(this.avgpool(x), 1));
  }
}

/** Four separable classes of 6x6 images: a bright quadrant per class. */
function data(n: number): [Tensor, Tensor] {
  const labels = Array.from({ length: n }, (_, i) => i % 4);
  const x = torch.randn(n, 1, 6, 6).mul(0.1);
  const img = x.tolist() as number[][][][];
  labels.forEach((c, i) => {
    for (let r = 0; r < 3; r++) for (let q = 0; q < 3; q++) img[i][0][r + 3 * (c >> 1)][q + 3 * (c & 1)] += 1;
  });
  return [torch.tensor(img), torch.tensor(labels)];
}

/** A training loop the way a notebook writes one; returns the first and last losses. */
function train(model: InstanceType<typeof nn.Module>, optimizer: InstanceType<typeof torch.optim.Optimizer>, x: Tensor, y: Tensor, steps: number): [number, number] {
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    optimizer.zero_grad();
    const loss = F.cross_entropy(model(x), y);
    loss.backward();
    optimizer.step();
    losses.push(loss.item());
  }
  return [losses[0], losses[losses.length - 1]];
}

describe("fine-tuning: freeze the backbone, replace the head, train the head", () => {
  test("the tutorial's steps on a ResNet-shaped model", () => {
    torch.manual_seed(0);
    const model = new TinyResNet();
    const names = model.named_parameters().map(([n]) => n);
    const oldFc = model.fc;
    for (const p of model.parameters()) p.requires_grad = false;
    model.fc = new nn.Linear(model.fc.in_features, 4);

    // The new head is registered where the old one was; the old one's parameters are gone.
    expect(model.named_parameters().map(([n]) => n)).toEqual(names);
    expect(model.parameters().some((p) => p === oldFc.weight || p === oldFc.bias)).toBe(false);
    expect(model.fc.weight.shape).toEqual([4, 32]);
    expect(model.children()[5]).toBe(model.fc);
    const trainable = model.parameters().filter((p) => p.requires_grad);
    expect(trainable).toHaveLength(2);
    expect(trainable[0]).toBe(model.fc.weight);
    expect(trainable[1]).toBe(model.fc.bias);
    expect(Object.keys(model.state_dict())).toContain("fc.weight");

    const frozen = model.named_parameters().filter(([, p]) => !p.requires_grad).map(([n, p]) => [n, vals(p)] as [string, number[]]);
    const [x, y] = data(32);
    const optimizer = new torch.optim.SGD(model.parameters().filter((p) => p.requires_grad), { lr: 0.5, momentum: 0.9 });
    const [first, last] = train(model, optimizer, x, y, 30);
    expect(last).toBeLessThan(first * 0.5);
    for (const [n, v] of frozen) expect(vals(model.get_parameter(n))).toEqual(v);
    for (const [, p] of model.named_parameters()) if (!p.requires_grad) expect(p.grad).toBeNull();
    expect(model.fc.weight.grad).not.toBeNull();
  });

  test("requires_grad_(false) on one sub-module, and per-group learning rates", () => {
    torch.manual_seed(1);
    const model = new TinyResNet(4);
    model.conv1.requires_grad_(false);
    model.bn1.requires_grad_(false);
    const conv1 = vals(model.conv1.weight);
    const layer1 = vals(model.layer1.get_parameter("0.weight"));
    const optimizer = new torch.optim.SGD([
      { params: model.layer1.parameters(), lr: 1e-3 },
      { params: model.fc.parameters() },
    ], { lr: 0.1 });
    const [x, y] = data(16);
    train(model, optimizer, x, y, 3);
    expect(vals(model.conv1.weight)).toEqual(conv1);
    expect(vals(model.layer1.get_parameter("0.weight"))).not.toEqual(layer1);
    expect(optimizer.param_groups.map((g) => g.lr)).toEqual([1e-3, 0.1]);
  });

  test("assignment rules: a module replaces a module in place, null removes it, a tensor cannot take a module's place", () => {
    const model = new TinyResNet();
    model.layer1 = new nn.Sequential(new nn.Conv2d(8, 8, 1));
    expect(model.named_children().map(([n]) => n)).toEqual(["conv1", "bn1", "relu", "layer1", "avgpool", "fc"]);
    expect(model.named_parameters().map(([n]) => n)).toContain("layer1.0.weight");
    (model as unknown as { extra: unknown }).extra = new nn.Linear(2, 2);
    expect(model.named_children().map(([n]) => n).slice(-1)).toEqual(["extra"]);
    (model as unknown as { layer1: unknown }).layer1 = null;
    expect(model.named_parameters().map(([n]) => n).some((n) => n.startsWith("layer1"))).toBe(false);
    expect(() => {
      (model as unknown as { fc: unknown }).fc = torch.zeros(2);
    }).toThrow("cannot assign 'Tensor' as child module 'fc' (torch.nn.Module or None expected)");
  });

  test("a whole CNN PyTorch saved: frozen, its last Linear replaced through seq[11], trained, saved whole and loaded again", () => {
    torch.manual_seed(2);
    const model = torch.load<InstanceType<typeof nn.Sequential>>(path.join(FIXTURES, "module_cnn.pt"), { weights_only: false });
    model.requires_grad_(false);
    const backbone = model.named_parameters().map(([n, p]) => [n, vals(p)] as [string, number[]]);
    const stats = vals(model.get_buffer("1.running_mean"));
    model[11] = new nn.Linear(24, 4);
    model.pop(); // the Softmax: cross_entropy takes logits
    expect(model.parameters().filter((p) => p.requires_grad)).toHaveLength(2);
    // Feature-extractor mode: BatchNorm uses (and keeps) the statistics PyTorch trained.
    model.eval();
    const x = torch.randn(16, 1, 8, 8);
    const y = torch.tensor(Array.from({ length: 16 }, (_, i) => i % 4));
    const head = model.get(11) as InstanceType<typeof nn.Linear>;
    const optimizer = new torch.optim.Adam(model.parameters().filter((p) => p.requires_grad), { lr: 0.05 });
    const [first, last] = train(model, optimizer, x, y, 25);
    expect(last).toBeLessThan(first);
    for (const [n, v] of backbone) if (!n.startsWith("11.")) expect(vals(model.get_parameter(n))).toEqual(v);
    expect(vals(model.get_buffer("1.running_mean"))).toEqual(stats);
    expect(head.weight.requires_grad).toBe(true);

    const f = path.join(dir, "finetuned.pth");
    torch.save(model, f);
    const again = torch.load<typeof model>(f, { weights_only: false });
    expect(vals(again(x))).toEqual(vals(model(x)));
    expect(again.parameters().map((p: Parameter) => p.requires_grad)).toEqual(model.parameters().map((p) => p.requires_grad));
  });
});
