/**
 * "(beta) Channels Last Memory Format in PyTorch" (pytorch/tutorials intermediate_source/
 * memory_format_tutorial.py) ported line by line against PyTorch 1.13 (test/reference/gen_tutorials6.py,
 * section memory_format): the strides it prints for contiguous and channels-last NCHW tensors, `to` and
 * `contiguous` with a memory_format (and their difference on an N1HW tensor), is_contiguous(memory_format=),
 * creation as channels last, clone / empty_like / pointwise ops keeping the format, the Conv2d of the
 * cudnn cell (run on the CPU in float32: torchlab has no float16 and no CUDA) and "Converting existing
 * models" on a small conv net. The formats PyTorch's CPU ops give a channels-last input, its refusals,
 * and the float32 sums that add in memory order are checked beside the port.
 *
 * torchlab keeps values in logical order; a tensor carries the layout PyTorch would give it
 * (src/tensor/memory_format.ts), which is what stride(), is_contiguous, view and the sums read.
 * More ops, gradients, save/load and the values of randint_like / randn_like / dropout on a channels-last
 * tensor are checked in test/fidelity/fidelity2.test.ts ("memory format"). Not matched yet: torch.stack of
 * channels-last tensors (PyTorch's strides there are no memory format). rand_like is matched here.
 * Left out: the tutorial's check_wrapper (it monkeypatches every function of the torch module) and the
 * CUDA/AMP timings.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { pyStr } from "../../src/display/print";

const { nn } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "tutorials6.json"), "utf8")) as Record<string, Record<string, unknown>>).memory_format;

function printer(): [string[], (...a: unknown[]) => void] {
  const printed: string[] = [];
  return [printed, (...a: unknown[]) => printed.push(a.map(pyStr).join(" "))];
}
const close = (got: number[], want: number[]) => {
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(want[i]))));
};

test("memory_format tutorial: the printed strides and format checks, the Conv2d cell", () => {
  const [printed, print] = printer();
  const [N, C, H, W] = [10, 3, 32, 32];
  let x = torch.empty(N, C, H, W);
  print(x.stride());
  x = x.to({ memory_format: torch.channels_last });
  print(x.shape);
  print(x.stride());
  x = x.to({ memory_format: torch.contiguous_format });
  print(x.stride());
  x = x.contiguous({ memory_format: torch.channels_last });
  print(x.stride());
  print(x.is_contiguous({ memory_format: torch.channels_last }));
  const special_x = torch.empty(4, 1, 4, 4);
  print(special_x.is_contiguous({ memory_format: torch.channels_last }));
  print(special_x.is_contiguous({ memory_format: torch.contiguous_format }));
  x = torch.empty(N, C, H, W, { memory_format: torch.channels_last });
  print(x.stride());
  let y = x.clone();
  print(y.stride());
  y = torch.empty_like(x);
  print(y.stride());
  const z = x.add(y);
  print(z.stride());
  torch.manual_seed(0);
  let model = new torch.nn.Conv2d(8, 4, 3);
  model = model.to({ memory_format: torch.channels_last });
  let input = torch.randint(1, 10, [2, 8, 4, 4], { dtype: torch.float32, requires_grad: true });
  input = input.to({ memory_format: torch.channels_last });
  const out = model(input);
  print(out.is_contiguous({ memory_format: torch.channels_last }));
  print(torch.channels_last, torch.contiguous_format, torch.preserve_format, torch.channels_last_3d);
  expect(printed.join("\n")).toBe(R.printed);
  close(Array.from(out.detach().flatten().dataSync()), R.conv_out as number[]);
  expect(out.stride()).toEqual(R.conv_out_stride);
  expect(model.weight.stride()).toEqual(R.weight_stride);
});

test("memory_format: to vs contiguous on N1HW, aliasing, views, *_like, refusals", () => {
  const cl_ = torch.channels_last;
  const s = torch.empty(4, 1, 4, 4);
  expect(s.to({ memory_format: cl_ }).stride()).toEqual(R.special_to);
  expect(s.contiguous({ memory_format: cl_ }).stride()).toEqual(R.special_contiguous);
  const cl = torch.randn(2, 3, 4, 5).to({ memory_format: cl_ });
  expect([cl.to({ memory_format: cl_ }) === cl, cl.contiguous({ memory_format: cl_ }) === cl, cl.contiguous() === cl, cl.is_contiguous()]).toEqual(R.alias);
  const more: Record<string, number[] | boolean[]> = {
    N111: torch.empty(4, 1, 1, 1).to({ memory_format: cl_ }).stride(),
    NC11: torch.empty(4, 3, 1, 1).to({ memory_format: cl_ }).stride(),
    cl3d: torch.empty(2, 3, 4, 5, 6).to({ memory_format: torch.channels_last_3d }).stride(),
    clone_contig: cl.clone({ memory_format: torch.contiguous_format }).stride(),
    contiguous: cl.contiguous().stride(),
    detach: cl.detach().stride(),
    permute: cl.permute(0, 2, 3, 1).stride(),
    permute_contig: [cl.permute(0, 2, 3, 1).is_contiguous()],
    select: cl.select(0, 0).stride(),
    narrow: cl.narrow(1, 0, 2).stride(),
    narrow_cl: [cl.narrow(1, 0, 2).is_contiguous({ memory_format: cl_ })],
    reshape: cl.reshape(2, -1).stride(),
    flatten: cl.flatten(1).stride(),
    zeros_like_contig: torch.zeros_like(cl, { memory_format: torch.contiguous_format }).stride(),
    ones_like: torch.ones_like(cl).stride(),
    full_like: torch.full_like(cl, 2.0).stride(),
    rand_like: torch.rand_like(cl).stride(),
    double: cl.double().stride(),
    rank3_cl: [torch.randn(3, 4, 5).is_contiguous({ memory_format: cl_ })],
  };
  expect(Object.fromEntries(Object.entries(more).map(([k, v]) => [k, [...v]]))).toEqual(R.more_strides);
  const errors: Record<string, () => unknown> = {
    view: () => cl.view(2, -1),
    to_rank3: () => torch.randn(3, 4, 5).to({ memory_format: cl_ }),
    contiguous_rank3: () => torch.randn(3, 4, 5).contiguous({ memory_format: cl_ }),
    empty_rank3: () => torch.empty(2, 3, 4, { memory_format: cl_ }),
    to_rank4_3d: () => cl.to({ memory_format: torch.channels_last_3d }),
    contiguous_preserve: () => cl.contiguous({ memory_format: torch.preserve_format }),
    empty_preserve: () => torch.empty(2, 3, 4, 5, { memory_format: torch.preserve_format }),
    contiguous_str: () => cl.contiguous({ memory_format: "channels_last" as unknown as typeof torch.channels_last }),
    clone_rank4_3d: () => cl.clone({ memory_format: torch.channels_last_3d }),
    conv3d_to_cl: () => new nn.Conv3d(1, 1, 1).to({ memory_format: torch.channels_last }),
    empty_like_rank3: () => torch.empty_like(torch.randn(3, 4, 5), { memory_format: torch.channels_last }),
  };
  // rand_like draws a channels-last tensor's values in memory order, as PyTorch does.
  torch.manual_seed(3);
  expect([...Array.from(torch.rand_like(cl).flatten().dataSync()), ...Array.from(torch.rand_like(torch.zeros(2, 3, 4, 5)).flatten().dataSync())]).toEqual(R.rand_like_values);
  expect([torch.randn(2, 3, 4, 5).is_contiguous({ memory_format: torch.preserve_format }), cl.is_contiguous({ memory_format: torch.preserve_format })]).toEqual(R.is_contiguous_preserve);
  for (const [k, f] of Object.entries(errors)) {
    const [cls, msg] = (R.errors as Record<string, [string, string]>)[k];
    let e: Error | null = null;
    try {
      f();
    } catch (err) {
      e = err as Error;
    }
    expect([k, e?.name]).toEqual([k, cls]);
    expect(e!.message.startsWith(msg)).toBe(true);
  }
});

test("memory_format: the layouts PyTorch's CPU ops give a channels-last input; sums in memory order", () => {
  const cl = torch.randn(2, 3, 4, 5).to({ memory_format: torch.channels_last });
  const c = torch.randn(2, 3, 4, 5);
  const b = torch.randn(3, 1, 1);
  const ops: Record<string, () => Tensor> = {
    "cl+c": () => cl.add(c), "c+cl": () => c.add(cl), "cl*2": () => cl.mul(2), "1+cl": () => torch.add(1, cl),
    "b+cl": () => b.add(cl), relu: () => F.relu(cl), exp: () => cl.exp(), sigmoid: () => torch.sigmoid(cl),
    gt: () => cl.gt(0), where: () => torch.where(cl.gt(0), cl, cl.mul(0)), softmax: () => F.softmax(cl, 1),
    log_softmax: () => F.log_softmax(cl, 1), cumsum: () => cl.cumsum(1), sum1: () => cl.sum(1),
    mean_keep: () => cl.mean(1, true), linear: () => new nn.Linear(5, 2)(cl),
    conv_x: () => new nn.Conv2d(3, 4, 3)(cl), conv_c: () => new nn.Conv2d(3, 4, 3)(c),
    conv_w: () => new nn.Conv2d(3, 4, 3).to({ memory_format: torch.channels_last })(c),
    bn: () => new nn.BatchNorm2d(3)(cl), max_pool: () => F.max_pool2d(cl, 2),
    max_pool_idx: () => F.max_pool2d(cl, 2, { return_indices: true })[1],
    avg_pool: () => F.avg_pool2d(cl, 2), adaptive_avg: () => F.adaptive_avg_pool2d(cl, 1),
    adaptive_max: () => F.adaptive_max_pool2d(cl, 2), mul_self: () => cl.mul(cl),
    clamp: () => cl.clamp(0, 1), tanh: () => cl.tanh(), leaky_relu: () => F.leaky_relu(cl),
    cat_cl_c: () => torch.cat([cl, c], 1), cat_cl_cl: () => torch.cat([cl, cl], 1), cat0: () => torch.cat([cl, cl], 0),
    pad: () => F.pad(cl, [1, 1]), pad_reflect: () => F.pad(cl, [1, 1, 1, 1], "reflect"),
    nearest: () => F.interpolate(cl, { scale_factor: 2 }), bilinear: () => F.interpolate(cl, { size: [7, 9], mode: "bilinear", align_corners: false }),
    bicubic: () => F.interpolate(cl, { scale_factor: 2, mode: "bicubic" }),
    layer_norm: () => F.layer_norm(cl, [5]),
    instance_norm: () => F.instance_norm(cl), masked_fill: () => cl.masked_fill(cl.gt(0), 0.0),
    flip: () => cl.flip(1), roll: () => cl.roll(1, 1), sort: () => cl.sort(1)[0], tril: () => cl.tril(),
    gather: () => cl.gather(1, torch.zeros([2, 3, 4, 5], { dtype: torch.long })), index_select: () => cl.index_select(1, torch.tensor([0, 1])),
    gelu: () => F.gelu(cl), silu: () => F.silu(cl), mse_none: () => F.mse_loss(cl, c, { reduction: "none" }),
    pow: () => cl.pow(2), abs: () => cl.abs(), neg: () => cl.neg(), float_of_bool: () => cl.gt(0).float(),
    nan_to_num: () => cl.nan_to_num(), sign: () => cl.sign(), new_zeros: () => cl.new_zeros(2, 3, 4, 5),
  };
  expect(Object.fromEntries(Object.entries(ops).map(([k, f]) => [k, [...f().stride()]]))).toEqual(R.op_strides);
  const g = torch.arange(2 * 3 * 4 * 5, { dtype: torch.float32 }).mul(37).remainder(101).sub(50).reshape(2, 3, 4, 5).div(7);
  const gl = g.to({ memory_format: torch.channels_last });
  const [sum, sumCl, sumsCl, sums] = R.sums as [number, number, number[], number[]];
  expect([g.sum().item(), gl.sum().item()]).toEqual([sum, sumCl]);
  expect(Array.from(gl.sum([2, 3]).flatten().dataSync())).toEqual(sumsCl);
  expect(Array.from(g.sum([2, 3]).flatten().dataSync())).toEqual(sums);
});

test("memory_format: converting an existing model (conv, bn, relu, pool, flatten, linear) to channels last", () => {
  torch.manual_seed(0);
  const strides: number[][] = [];
  class Net extends nn.Module {
    conv1 = new nn.Conv2d(3, 6, 3, { padding: 1 });
    bn = new nn.BatchNorm2d(6);
    conv2 = new nn.Conv2d(6, 4, 3);
    fc = new nn.Linear(4 * 3 * 3, 5);
    forward(x: Tensor): Tensor {
      x = F.max_pool2d(F.relu(this.bn(this.conv1(x))), 2);
      strides.push([...x.stride()]);
      x = F.relu(this.conv2(x));
      strides.push([...x.stride()]);
      x = torch.flatten(x, 1);
      strides.push([...x.stride()]);
      return this.fc(x);
    }
  }
  let model = new Net();
  model = model.to({ memory_format: torch.channels_last });
  let input = torch.randn(2, 3, 10, 10);
  input = input.to({ memory_format: torch.channels_last });
  const output = model(input);
  output.sum().backward();
  const net = R.net as { strides: number[][]; output: number[]; conv1_grad: number[]; weights_cl: boolean[] };
  expect(strides).toEqual(net.strides);
  close(Array.from(output.detach().flatten().dataSync()), net.output);
  close(Array.from(model.conv1.weight.grad!.flatten().dataSync()), net.conv1_grad);
  expect(model.parameters().map((p) => p.is_contiguous({ memory_format: torch.channels_last }))).toEqual(net.weights_cl);
});
