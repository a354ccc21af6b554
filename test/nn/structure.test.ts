/**
 * Names and order of parameters, buffers, state_dict keys and modules against PyTorch 1.13, for the
 * tutorial's ResNet block (conv-bn-relu-conv-bn plus a 1x1 conv+bn shortcut when channels change) and
 * a model mixing registered buffers, a non-persistent buffer, a ModuleDict and a direct Parameter.
 */
import { torch } from "../../src";
import { load } from "./_fixtures";

const nn = torch.nn;
const F = torch.nn.functional;
type Tensor = torch.Tensor;

class ResNet extends nn.Module {
  conv1: torch.nn.Conv2d;
  bn1: torch.nn.BatchNorm2d;
  conv2: torch.nn.Conv2d;
  bn2: torch.nn.BatchNorm2d;
  extra: torch.nn.Sequential;
  constructor(ch_in: number, ch_out: number) {
    super();
    this.conv1 = new nn.Conv2d(ch_in, ch_out, { kernel_size: 3, stride: 1, padding: 1 });
    this.bn1 = new nn.BatchNorm2d(ch_out);
    this.conv2 = new nn.Conv2d(ch_out, ch_out, { kernel_size: 3, stride: 1, padding: 1 });
    this.bn2 = new nn.BatchNorm2d(ch_out);
    this.extra = new nn.Sequential();
    if (ch_out !== ch_in) {
      this.extra = new nn.Sequential(new nn.Conv2d(ch_in, ch_out, { kernel_size: 1, stride: 1 }), new nn.BatchNorm2d(ch_out));
    }
  }
  forward(x: Tensor): Tensor {
    let out = F.relu(this.bn1(this.conv1(x)));
    out = this.bn2(this.conv2(out));
    return this.extra(x).add(out);
  }
}

class Net extends nn.Module {
  net: torch.nn.Sequential;
  head: torch.nn.ModuleDict;
  scale: torch.nn.Parameter;
  constructor() {
    super();
    this.net = new nn.Sequential(new nn.Linear(4, 3), new nn.BatchNorm1d(3), new nn.ReLU(true), new nn.Linear(3, 2));
    this.register_buffer("steps", torch.zeros(1));
    this.register_buffer("scratch", torch.zeros(2), { persistent: false });
    this.head = new nn.ModuleDict({ b: new nn.Linear(2, 1), a: new nn.Linear(2, 1) });
    this.scale = new nn.Parameter(torch.ones(1));
  }
  forward(x: Tensor): Tensor {
    return this.net(x).mul(this.scale);
  }
}

class TutorialNet extends nn.Module {
  net: torch.nn.Sequential;
  constructor() {
    super();
    this.net = new nn.Sequential(
      new nn.Conv2d(1, 35, 5, 1, 1), new nn.MaxPool2d(2, 2), new nn.ReLU(true), new nn.BatchNorm2d(32),
      new nn.Conv2d(32, 64, 3, 1, 1), new nn.ReLU(true), new nn.BatchNorm2d(64),
    );
  }
  forward(x: Tensor): Tensor {
    return this.net(x);
  }
}

interface Structure {
  repr: string;
  named_parameters: [string, number[]][];
  named_buffers: [string, number[]][];
  state_dict: [string, number[]][];
  named_modules: [string, string][];
  named_children: [string, string][];
  output_shape?: number[];
  forward_error?: string;
}

const fixtures = load<Record<string, Structure>>("structure");
const models: Record<string, () => torch.nn.Module> = {
  resnet_block_1_2: () => new ResNet(1, 2),
  resnet_block_2_2: () => new ResNet(2, 2),
  net: () => new Net(),
  tutorial_net: () => new TutorialNet(),
};

describe.each(Object.keys(models))("%s matches PyTorch", (key) => {
  const want = fixtures[key];
  let m: torch.nn.Module;
  beforeAll(() => {
    m = models[key]();
  });
  test("repr", () => expect(String(m)).toBe(want.repr));
  test("named_parameters", () => expect(m.named_parameters().map(([n, p]) => [n, p.shape])).toEqual(want.named_parameters));
  test("named_buffers", () => expect(m.named_buffers().map(([n, b]) => [n, b.shape])).toEqual(want.named_buffers));
  test("state_dict keys and order (num_batches_tracked included)", () => {
    expect(Object.entries(m.state_dict()).map(([k, v]) => [k, v.shape])).toEqual(want.state_dict);
  });
  test("named_modules and named_children", () => {
    expect(m.named_modules().map(([n, c]) => [n, c._get_name()])).toEqual(want.named_modules);
    expect(m.named_children().map(([n, c]) => [n, c._get_name()])).toEqual(want.named_children);
  });
});

test("the ResNet block runs forward and backward, and its state_dict round-trips", () => {
  const blk = new ResNet(1, 2);
  const x = torch.rand(2, 1, 5, 5);
  const y = blk(x);
  expect(y.shape).toEqual(fixtures.resnet_block_1_2.output_shape);
  y.sum().backward();
  expect(blk.parameters().every((p) => p.grad !== null)).toBe(true);
  expect(blk.bn1.num_batches_tracked.item()).toBe(1);
  const copy = new ResNet(1, 2);
  copy.load_state_dict(blk.state_dict());
  blk.eval();
  copy.eval();
  expect(copy(x).allclose(blk(x), { atol: 1e-6 })).toBe(true);
});

test("the tutorial's Sequential net (35 conv channels into BatchNorm2d(32)) fails as in PyTorch", () => {
  const net = new TutorialNet();
  expect(() => net(torch.rand(1, 1, 28, 28))).toThrow(fixtures.tutorial_net.forward_error as string);
});

test("seq.__getitem__(i) is seq[i], as the GAN course's graders call it", () => {
  const block = new nn.Sequential(new nn.Linear(25, 12), new nn.LeakyReLU(0.2, { inplace: true }));
  expect(block.__getitem__(0)).toBe(block[0]);
  expect(block.__getitem__(-1)).toBe(block[1]);
  expect(String(block.__getitem__(1))).toBe("LeakyReLU(negative_slope=0.2, inplace=True)");
  expect(() => block.__getitem__(2)).toThrow("index 2 is out of range");
  const list = new nn.ModuleList([new nn.ReLU()]);
  expect(list.__getitem__(0)).toBe(list[0]);
});
