/**
 * PyTorch's default initialisation of Conv2d / ConvTranspose2d / BatchNorm, argument parsing of the
 * vision layers (positional, options object, unknown names), and the shapes of the tutorial's calls.
 */
import { torch } from "../../src";

const nn = torch.nn;
const F = torch.nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;

function range(t: Tensor): [number, number] {
  const v = Array.from(t.dataSync() as Float32Array);
  return [Math.min(...v), Math.max(...v)];
}

describe("default init", () => {
  test("Conv2d: kaiming_uniform_(a=sqrt(5)) weight and bias in +-1/sqrt(fan_in)", () => {
    torch.manual_seed(3);
    const m = new nn.Conv2d(4, 64, 3);
    const bound = 1 / Math.sqrt(4 * 9);
    const [lo, hi] = range(m.weight);
    expect(lo).toBeGreaterThanOrEqual(-bound);
    expect(hi).toBeLessThanOrEqual(bound);
    // 2304 uniform draws fill most of the interval.
    expect(hi - lo).toBeGreaterThan(1.9 * bound);
    const [blo, bhi] = range(m.bias as Tensor);
    expect(blo).toBeGreaterThanOrEqual(-bound);
    expect(bhi).toBeLessThanOrEqual(bound);
    expect(m.weight.requires_grad).toBe(true);
  });

  test("ConvTranspose2d: fan_in is weight.size(1) * kH * kW, as in PyTorch", () => {
    const m = new nn.ConvTranspose2d(64, 2, [3, 2], { groups: 2 });
    expect(m.weight.shape).toEqual([64, 1, 3, 2]);
    const bound = 1 / Math.sqrt(1 * 3 * 2);
    const [lo, hi] = range(m.weight);
    expect(lo).toBeGreaterThanOrEqual(-bound);
    expect(hi).toBeLessThanOrEqual(bound);
    expect(hi - lo).toBeGreaterThan(1.5 * bound);
  });

  test("torch.manual_seed makes the init reproducible", () => {
    torch.manual_seed(11);
    const a = new nn.Conv2d(1, 3, 3);
    torch.manual_seed(11);
    const b = new nn.Conv2d(1, 3, 3);
    expect(Array.from(a.weight.dataSync())).toEqual(Array.from(b.weight.dataSync()));
  });

  test("BatchNorm2d: weight ones, bias zeros, running stats 0/1, num_batches_tracked 0", () => {
    const bn = new nn.BatchNorm2d(3);
    expect(bn.weight?.tolist()).toEqual([1, 1, 1]);
    expect(bn.bias?.tolist()).toEqual([0, 0, 0]);
    expect(bn.running_mean?.tolist()).toEqual([0, 0, 0]);
    expect(bn.running_var?.tolist()).toEqual([1, 1, 1]);
    expect(bn.num_batches_tracked?.item()).toBe(0);
    expect(bn.parameters().length).toBe(2);
    expect(bn.buffers().length).toBe(3);
  });
});

describe("arguments", () => {
  test("positional and options forms are the same layer", () => {
    const a = new nn.Conv2d(2, 4, 3, 2, 1, 1, 2, false);
    const b = new nn.Conv2d(2, 4, { kernel_size: 3, stride: 2, padding: 1, groups: 2, bias: false });
    expect(String(a)).toBe(String(b));
    expect(String(a)).toBe("Conv2d(2, 4, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), groups=2, bias=False)");
  });

  test("an unknown option is a TypeError naming it", () => {
    expect(() => new nn.Conv2d(1, 3, { kernel_size: 3, strides: 2 } as never)).toThrow(torch.TypeError);
    expect(() => new nn.Conv2d(1, 3, { kernel_size: 3, strides: 2 } as never)).toThrow(/strides/);
    expect(() => new nn.MaxPool2d(2, { strid: 2 } as never)).toThrow(/strid/);
    expect(() => F.max_pool2d(torch.zeros(1, 1, 4, 4), 2, { pading: 1 } as never)).toThrow(/pading/);
    expect(() => F.interpolate(torch.zeros(1, 1, 4, 4), { scale: 2 } as never)).toThrow(/scale/);
    expect(() => new nn.BatchNorm2d(3, { momentom: 0.2 } as never)).toThrow(/momentom/);
  });

  test("a kernel_size that is not an int or a pair is a TypeError", () => {
    expect(() => new nn.Conv2d(1, 3, [3, 3, 3])).toThrow(torch.TypeError);
    expect(() => new nn.Conv2d(1, 3)).toThrow(/kernel_size/);
  });

  test("padding layers accept an int or four ints only", () => {
    expect(() => new nn.ZeroPad2d([1, 2])).toThrow(torch.TypeError);
    expect(String(new nn.ReflectionPad2d(1))).toBe("ReflectionPad2d((1, 1, 1, 1))");
  });

  test("ConvTranspose2d output_size picks the output padding", () => {
    const up = new nn.ConvTranspose2d(2, 1, 3, { stride: 2, padding: 1 });
    const x = torch.zeros(1, 2, 4, 4);
    expect(up(x).shape).toEqual([1, 1, 7, 7]);
    expect(up.forward(x, [8, 8]).shape).toEqual([1, 1, 8, 8]);
    expect(up.forward(x, [1, 1, 8, 7]).shape).toEqual([1, 1, 8, 7]);
    expect(() => up.forward(x, [8])).toThrow(torch.ValueError);
  });
});

describe("the tutorial", () => {
  test("Conv2d(1, 3, kernel_size=3, stride=1, padding=0) on [1, 1, 28, 28] gives [1, 3, 26, 26]", () => {
    const layer = new nn.Conv2d(1, 3, { kernel_size: 3, stride: 1, padding: 0 });
    const out = layer(torch.rand(1, 1, 28, 28));
    expect(out.shape).toEqual([1, 3, 26, 26]);
    expect(out.grad_fn?.name()).toBe("ConvolutionBackward0");
  });

  test("MaxPool2d(2, stride=2) and F.interpolate(scale_factor=2, nearest)", () => {
    const x = torch.rand(1, 3, 26, 26);
    const pooled = new nn.MaxPool2d(2, { stride: 2 })(x);
    expect(pooled.shape).toEqual([1, 3, 13, 13]);
    const up = F.interpolate(pooled, { scale_factor: 2, mode: "nearest" });
    expect(up.shape).toEqual([1, 3, 26, 26]);
    // Nearest with scale 2 copies each pixel into a 2x2 block.
    expect(up.index([0, 0, 1, 1]).item()).toBe(pooled.index([0, 0, 0, 0]).item());
  });

  test("batch norm statistics are per channel: [6, 3, 784] gives 3 means", () => {
    const bn = new nn.BatchNorm1d(3);
    bn(torch.randn(6, 3, 784).mul(2).add(1));
    expect(bn.running_mean?.shape).toEqual([3]);
    const m = bn.running_mean?.tolist() as number[];
    m.forEach((v) => expect(Math.abs(v - 0.1)).toBeLessThan(0.02));
  });

  test("forward hooks see the conv's feature maps", () => {
    const conv = new nn.Conv2d(1, 2, 3);
    const seen: number[][] = [];
    const h = conv.register_forward_hook((_m, _i, out) => {
      seen.push((out as Tensor).shape);
    });
    conv(torch.rand(1, 1, 5, 5));
    h.remove();
    conv(torch.rand(1, 1, 5, 5));
    expect(seen).toEqual([[1, 2, 3, 3]]);
  });
});

describe("special values", () => {
  test("max pooling propagates NaN and keeps infinities, as PyTorch does", () => {
    const x = torch.tensor([[[[1, NaN, 2, 3], [0, 1, 2, 3], [Infinity, 1, -Infinity, -Infinity], [0, 1, -Infinity, -Infinity]]]]);
    expect(F.max_pool2d(x, 2).tolist()).toEqual([[[[NaN, 3], [Infinity, -Infinity]]]]);
    expect(F.max_pool2d(x, 2, { dilation: 2, stride: 1 }).tolist()).toEqual([[[[Infinity, NaN], [2, 3]]]]);
  });
});
