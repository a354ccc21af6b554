/**
 * d2l-zh chapter_convolutional-modern's vgg, nin and googlenet (PyTorch tabs; alexnet is in
 * d2l_modern_alexnet.test.ts) ported line by line against PyTorch 1.13
 * (test/reference/gen_d2l_modern.py): each chapter's layer-by-layer
 * output-shape printout (VGG's for the chapter's training network, small_conv_arch) and one epoch of
 * train_ch6 over a few images of the Fashion-MNIST stand-in (the seeded generator gives both sides the
 * same weights, dropout masks and shuffles). Sizes are the generator's.
 */
import { torch } from "../../src";
import { expectSamePrint } from "./_tutorial";
import { d2lReference, printer, shapes, train, expectClose } from "./_d2l_cnn";

const { nn } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
type Module = InstanceType<typeof nn.Module>;
const R = (section: string) => d2lReference("d2l_modern.json", section);

function check(section: string, printed: string[], points: number[][]): void {
  expectSamePrint(printed.join("\n"), (R(section).printed as string[]).join("\n"));
  expectClose(points, R(section).points, 2e-4, `${section} points`);
}

function vgg_block(num_convs: number, in_channels: number, out_channels: number): InstanceType<typeof nn.Sequential> {
  const layers: Module[] = [];
  for (let _ = 0; _ < num_convs; _++) {
    layers.push(new nn.Conv2d(in_channels, out_channels, { kernel_size: 3, padding: 1 }));
    layers.push(new nn.ReLU());
    in_channels = out_channels;
  }
  layers.push(new nn.MaxPool2d({ kernel_size: 2, stride: 2 }));
  return new nn.Sequential(...layers);
}

function vgg(conv_arch: [number, number][]): InstanceType<typeof nn.Sequential> {
  const conv_blks: Module[] = [];
  let in_channels = 1;
  // Python's loop variable outlives the loop (the Linear's size below uses it).
  let num_convs: number;
  let out_channels = 0;
  for ([num_convs, out_channels] of conv_arch) {
    conv_blks.push(vgg_block(num_convs, in_channels, out_channels));
    in_channels = out_channels;
  }
  return new nn.Sequential(
    ...conv_blks, new nn.Flatten(),
    new nn.Linear(out_channels * 7 * 7, 4096), new nn.ReLU(), new nn.Dropout(0.5),
    new nn.Linear(4096, 4096), new nn.ReLU(), new nn.Dropout(0.5),
    new nn.Linear(4096, 10));
}

test("vgg: small_conv_arch's output shapes at 224, one step of train_ch6", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  const conv_arch: [number, number][] = [[1, 64], [1, 128], [2, 256], [2, 512], [2, 512]];
  const ratio = 4;
  const small_conv_arch = conv_arch.map((pair): [number, number] => [pair[0], Math.floor(pair[1] / ratio)]);
  const net = vgg(small_conv_arch);
  const X = torch.randn({ size: [1, 1, 224, 224] });
  shapes(net, X, print);
  const points = train(net, 224, 2, 2, 0.05, print);
  check("vgg", printed, points);
}, 120_000);

function nin_block(in_channels: number, out_channels: number, kernel_size: number, strides: number, padding: number): InstanceType<typeof nn.Sequential> {
  return new nn.Sequential(
    new nn.Conv2d(in_channels, out_channels, kernel_size, strides, padding),
    new nn.ReLU(),
    new nn.Conv2d(out_channels, out_channels, { kernel_size: 1 }), new nn.ReLU(),
    new nn.Conv2d(out_channels, out_channels, { kernel_size: 1 }), new nn.ReLU());
}

test("nin: output shapes at 224, two steps of train_ch6 at 96", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  const net = new nn.Sequential(
    nin_block(1, 96, 11, 4, 0),
    new nn.MaxPool2d(3, { stride: 2 }),
    nin_block(96, 256, 5, 1, 2),
    new nn.MaxPool2d(3, { stride: 2 }),
    nin_block(256, 384, 3, 1, 1),
    new nn.MaxPool2d(3, { stride: 2 }),
    new nn.Dropout(0.5),
    nin_block(384, 10, 3, 1, 1),
    new nn.AdaptiveAvgPool2d([1, 1]),
    new nn.Flatten());
  const X = torch.rand({ size: [1, 1, 224, 224] });
  shapes(net, X, print);
  const points = train(net, 96, 4, 2, 0.1, print);
  check("nin", printed, points);
}, 120_000);

class Inception extends nn.Module {
  p1_1: InstanceType<typeof nn.Conv2d>;
  p2_1: InstanceType<typeof nn.Conv2d>;
  p2_2: InstanceType<typeof nn.Conv2d>;
  p3_1: InstanceType<typeof nn.Conv2d>;
  p3_2: InstanceType<typeof nn.Conv2d>;
  p4_1: InstanceType<typeof nn.MaxPool2d>;
  p4_2: InstanceType<typeof nn.Conv2d>;
  // c1--c4是每条路径的输出通道数
  constructor(in_channels: number, c1: number, c2: [number, number], c3: [number, number], c4: number) {
    super();
    this.p1_1 = new nn.Conv2d(in_channels, c1, { kernel_size: 1 });
    this.p2_1 = new nn.Conv2d(in_channels, c2[0], { kernel_size: 1 });
    this.p2_2 = new nn.Conv2d(c2[0], c2[1], { kernel_size: 3, padding: 1 });
    this.p3_1 = new nn.Conv2d(in_channels, c3[0], { kernel_size: 1 });
    this.p3_2 = new nn.Conv2d(c3[0], c3[1], { kernel_size: 5, padding: 2 });
    this.p4_1 = new nn.MaxPool2d({ kernel_size: 3, stride: 1, padding: 1 });
    this.p4_2 = new nn.Conv2d(in_channels, c4, { kernel_size: 1 });
  }
  forward(x: Tensor): Tensor {
    const p1 = F.relu(this.p1_1(x));
    const p2 = F.relu(this.p2_2(F.relu(this.p2_1(x))));
    const p3 = F.relu(this.p3_2(F.relu(this.p3_1(x))));
    const p4 = F.relu(this.p4_2(this.p4_1(x)));
    return torch.cat([p1, p2, p3, p4], { dim: 1 });
  }
}

test("googlenet: output shapes at 96, one step of train_ch6", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  const b1 = new nn.Sequential(new nn.Conv2d(1, 64, { kernel_size: 7, stride: 2, padding: 3 }),
    new nn.ReLU(),
    new nn.MaxPool2d({ kernel_size: 3, stride: 2, padding: 1 }));
  const b2 = new nn.Sequential(new nn.Conv2d(64, 64, { kernel_size: 1 }),
    new nn.ReLU(),
    new nn.Conv2d(64, 192, { kernel_size: 3, padding: 1 }),
    new nn.ReLU(),
    new nn.MaxPool2d({ kernel_size: 3, stride: 2, padding: 1 }));
  const b3 = new nn.Sequential(new Inception(192, 64, [96, 128], [16, 32], 32),
    new Inception(256, 128, [128, 192], [32, 96], 64),
    new nn.MaxPool2d({ kernel_size: 3, stride: 2, padding: 1 }));
  const b4 = new nn.Sequential(new Inception(480, 192, [96, 208], [16, 48], 64),
    new Inception(512, 160, [112, 224], [24, 64], 64),
    new Inception(512, 128, [128, 256], [24, 64], 64),
    new Inception(512, 112, [144, 288], [32, 64], 64),
    new Inception(528, 256, [160, 320], [32, 128], 128),
    new nn.MaxPool2d({ kernel_size: 3, stride: 2, padding: 1 }));
  const b5 = new nn.Sequential(new Inception(832, 256, [160, 320], [32, 128], 128),
    new Inception(832, 384, [192, 384], [48, 128], 128),
    new nn.AdaptiveAvgPool2d([1, 1]),
    new nn.Flatten());
  const net = new nn.Sequential(b1, b2, b3, b4, b5, new nn.Linear(1024, 10));
  const X = torch.rand({ size: [1, 1, 96, 96] });
  shapes(net, X, print);
  const points = train(net, 96, 2, 2, 0.1, print);
  check("googlenet", printed, points);
}, 120_000);
