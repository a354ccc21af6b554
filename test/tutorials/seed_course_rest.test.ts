/**
 * The course text's other snippets (/work/shared/seed, the convolution, down/up-sampling,
 * batch-norm, ResNet-block, save/load, GPU and augmentation parts), ported line by line against
 * PyTorch 1.13 (test/reference/gen_tutorials.py, section seed_course_rest). Its torch.rand inputs are
 * det() stand-ins; seed_course.test.ts has the nn.Module section (Sequential, named_parameters,
 * train/eval, Flatten).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { reference, det, det_init_, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const F = torch.nn.functional;
const transforms = torchvision.transforms;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("seed_course_rest");
const E = (k: string): Encoded => R[k] as Encoded;

test("convolution: Conv2d(1, 3, kernel_size=3, stride=1, padding=0) on a 1x1x28x28 input is [1, 3, 26, 26]", () => {
  const input = det([1, 1, 28, 28], 0.2).mul(5).add(0.5);
  let layer = new torch.nn.Conv2d(1, 3, { kernel_size: 3, stride: 1, padding: 0 });
  det_init_(layer);
  const out = layer(input);
  expect(String(out.shape)).toBe(R.conv_shape);
  expectTensor(out, E("conv_out"));
  // down-sampling
  const pool = new torch.nn.MaxPool2d(2, { stride: 2 });
  expect(String(pool)).toBe(R.pool_repr);
  expectTensor(pool(out), E("pool_out"));
  // up-sampling
  const x = det([1, 3, 4, 4], 0.6);
  expectTensor(F.interpolate(x, { scale_factor: 2, mode: "nearest" }), E("interp"));
  layer = new torch.nn.Conv2d(1, 3, 3); // the same layer, all arguments positional
  expect(layer(input).shape).toEqual([1, 3, 26, 26]);
});

test("batch norm over [6, 3, 28*28] keeps one mean and variance per channel: [3]", () => {
  const bn = new torch.nn.BatchNorm1d(3);
  const y = bn(det([6, 3, 28 * 28], 1.1).mul(3).add(1));
  expectSamePrint(String(bn.running_mean), R.bn_running_mean as string);
  expectSamePrint(String(bn.running_var), R.bn_running_var as string);
  expectTensor(y.index(":, :, :4"), E("bn_out"));
});

class ResNet extends torch.nn.Module {
  conv1: InstanceType<typeof torch.nn.Conv2d>;
  bn1: InstanceType<typeof torch.nn.BatchNorm2d>;
  conv2: InstanceType<typeof torch.nn.Conv2d>;
  bn2: InstanceType<typeof torch.nn.BatchNorm2d>;
  extra: InstanceType<typeof torch.nn.Sequential>;
  constructor(ch_in: number, ch_out: number) {
    super();
    this.conv1 = new torch.nn.Conv2d(ch_in, ch_out, { kernel_size: 3, stride: 1, padding: 1 });
    this.bn1 = new torch.nn.BatchNorm2d(ch_out);
    this.conv2 = new torch.nn.Conv2d(ch_out, ch_out, { kernel_size: 3, stride: 1, padding: 1 });
    this.bn2 = new torch.nn.BatchNorm2d(ch_out);
    this.extra = new torch.nn.Sequential();
    if (ch_out !== ch_in) {
      this.extra = new torch.nn.Sequential(
        new torch.nn.Conv2d(ch_in, ch_out, { kernel_size: 1, stride: 1 }),
        new torch.nn.BatchNorm2d(ch_out),
      );
    }
  }
  forward(x: Tensor): Tensor {
    let out = F.relu(this.bn1(this.conv1(x))); // conv1, then batchnorm1, then relu
    out = this.bn2(this.conv2(out)); // conv2, then batchnorm2
    out = this.extra(x).add(out); // the 1x1 shortcut added to out
    return out;
  }
}

test("the ResNet block: with a 1x1 shortcut (3 -> 8 channels) and with the identity (4 -> 4)", () => {
  const blk = new ResNet(3, 8);
  expect(String(blk)).toBe(R.resnet_repr);
  det_init_(blk);
  expectTensor(blk(det([2, 3, 6, 6], 0.8).mul(4)), E("resnet_out"), 1e-3);
  const same = new ResNet(4, 4);
  expect(String(same)).toBe(R.resnet_same_repr);
  det_init_(same);
  expectTensor(same(det([1, 4, 5, 5], 0.1).mul(4)), E("resnet_same_out"), 1e-3);
});

test("save a checkpoint against power loss, and read it back: torch.save(net.state_dict(), 'ckpt.mdl')", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "seed-"));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const net = new torch.nn.Sequential(
      new torch.nn.Linear(4, 2), // layer 0
      new torch.nn.Linear(2, 2), // layer 1
    );
    det_init_(net);
    // The text moves the net to torch.device('cuda'); where there is none, torchlab says so.
    if (!torch.cuda.is_available()) expect(() => net.to(torch.device("cuda"))).toThrow("Torch not compiled with CUDA enabled");
    torch.save(net.state_dict(), "ckpt.mdl");
    const net2 = new torch.nn.Sequential(new torch.nn.Linear(4, 2), new torch.nn.Linear(2, 2));
    expect(String(net2.load_state_dict(torch.load("ckpt.mdl")))).toBe(R.load_result);
    expectTensor(net2(det([3, 4], 0.5)), E("loaded_out"));
  } finally {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("data augmentation: flips, Resize([32, 32]), RandomRotation(15), RandomCrop([28, 28])", () => {
  const img = det([3, 40, 36], 0.3).mul(4).add(0.5);
  const corner = img.index(":, :3, :4");
  expectTensor(new transforms.RandomHorizontalFlip({ p: 1.0 })(corner), E("hflip"));
  expectTensor(new transforms.RandomVerticalFlip({ p: 1.0 })(corner), E("vflip"));
  expect(String(new transforms.Resize([32, 32]))).toBe(R.resize_repr);
  expectTensor(new transforms.Resize([32, 32], { antialias: false })(img), E("resize"), 1e-4);
  expect(String(new transforms.RandomRotation(15))).toBe(R.rotation_repr);
  const rotated = new transforms.RandomRotation(15)(img);
  expect(rotated.shape).toEqual([3, 40, 36]);
  // The text's RandomRotation([30, 90, 180]) ("30, 90 or 180 degrees") is not what torchvision does:
  // a sequence is a (min, max) range, and three numbers are an error there too.
  expect(() => new transforms.RandomRotation([30, 90, 180] as unknown as [number, number])).toThrow(R.rotation_error as string);
  expect(String(new transforms.RandomCrop([28, 28]))).toBe(R.crop_repr);
  expect(String(new transforms.RandomCrop([28, 28])(img).shape)).toBe(R.crop_shape);
  // A random crop is a window of the image: find it.
  const crop = new transforms.RandomCrop([28, 28])(img);
  let found = false;
  for (let i = 0; i <= 12 && !found; i++) for (let j = 0; j <= 8 && !found; j++) found = img.index(`:, ${i}:${i + 28}, ${j}:${j + 28}`).equal(crop);
  expect(found).toBe(true);
});
