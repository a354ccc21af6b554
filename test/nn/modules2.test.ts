/**
 * The modules of branch modules2 against PyTorch 1.13 (fixtures from test/reference/gen_modules2.py):
 * each module is built from the TypeScript twin of the Python constructor, loaded with the stored
 * state_dict, run in the same mode; outputs, input gradients and parameter gradients of
 * sum(out_i * g_i) must match, and str(module) must equal PyTorch's repr. Plus errors, init and a
 * port of PyTorch's "Language modeling with nn.Transformer" model trained a few steps.
 */
import { torch } from "../../src";
import { PositionalEncoding } from "../tutorials/_positional_encoding";
import { Encoded, Tensor, build, expectTensor } from "./_fixtures";
import { readReference } from "../tensor/fixtures";

const nn = torch.nn;
const F = torch.nn.functional;
type Module = InstanceType<typeof torch.nn.Module>;

interface Case {
  name: string;
  py: string;
  ts: string;
  mode: "train" | "eval";
  ctor?: string;
  ts_ctor?: string;
  repr?: string;
  state?: Record<string, Encoded>;
  state_after?: Record<string, Encoded>;
  inputs: Record<string, Encoded>;
  nograd: string[];
  multi: boolean;
  out: (Encoded | null)[];
  grad_out?: (Encoded | null)[];
  grads?: Record<string, Encoded>;
  param_grads?: Record<string, Encoded>;
}

interface Tutorial {
  ntokens: number;
  bptt: number;
  batch: number;
  data: Encoded;
  state: Record<string, Encoded>;
  losses: number[];
  eval_out: Encoded;
  repr: string;
}

const ref = readReference<{ cases: Case[]; tutorial: Tutorial }>("modules2.json");

function run<T>(expr: string, scope: Record<string, unknown>): T {
  const names = Object.keys(scope);
  const f = new Function("torch", "nn", "F", ...names, `"use strict"; return (${expr});`) as (...a: unknown[]) => T;
  return f(torch, nn, F, ...names.map((n) => scope[n]));
}

describe("modules2 against PyTorch 1.13", () => {
  for (const c of ref.cases) {
    test(`${c.name}: ${c.ts_ctor ?? ""} ${c.ts}`, () => {
      const scope: Record<string, unknown> = {};
      let m: Module | null = null;
      if (c.ts_ctor) {
        m = run<Module>(c.ts_ctor, {});
        expect(String(m)).toBe(c.repr);
        const state: Record<string, Tensor> = {};
        for (const [k, v] of Object.entries(c.state ?? {})) state[k] = build(v);
        expect(Object.keys(m.state_dict())).toEqual(Object.keys(state));
        m.load_state_dict(state);
        m.train(c.mode === "train");
        scope.m = m;
      }
      const inputs: Record<string, Tensor> = {};
      for (const [k, e] of Object.entries(c.inputs)) {
        inputs[k] = build(e, c.grad_out !== undefined && e.dtype === "float32" && !c.nograd.includes(k));
        scope[k] = inputs[k];
      }
      const r = run<Tensor | (Tensor | null)[]>(c.ts, scope);
      const outs = c.multi ? (r as (Tensor | null)[]) : [r as Tensor];
      expect(outs.length).toBe(c.out.length);
      c.out.forEach((want, i) => {
        if (want === null) expect(outs[i]).toBeNull();
        else expectTensor(outs[i], want, `${c.name} out[${i}]`);
      });
      if (c.grad_out) {
        let loss: Tensor | null = null;
        c.grad_out.forEach((g, i) => {
          if (g === null) return;
          const term = (outs[i] as Tensor).mul(build(g)).sum();
          loss = loss === null ? term : loss.add(term);
        });
        (loss as unknown as Tensor).backward();
        for (const [k, want] of Object.entries(c.grads ?? {})) expectTensor(inputs[k].grad ?? torch.zeros_like(inputs[k]), want, `${c.name} grad ${k}`, 1e-4, 2e-5);
        if (m && c.param_grads) {
          const params = Object.fromEntries(m.named_parameters());
          expect(Object.keys(params)).toEqual(Object.keys(c.param_grads));
          for (const [k, want] of Object.entries(c.param_grads)) expectTensor(params[k].grad ?? torch.zeros_like(params[k]), want, `${c.name} grad ${k}`, 1e-4, 2e-5);
        }
      }
      if (m && c.state_after) {
        const sd = m.state_dict();
        for (const [k, want] of Object.entries(c.state_after)) expectTensor(sd[k] as Tensor, want, `${c.name} state ${k}`);
      }
    });
  }
});

describe("MultiheadAttention and Transformer structure", () => {
  test("parameter names, shapes and PyTorch's init (xavier_uniform_ in_proj, zero biases)", () => {
    torch.manual_seed(0);
    const mha = new nn.MultiheadAttention(16, 4);
    expect(mha.named_parameters().map(([n, p]) => [n, p.shape])).toEqual([
      ["in_proj_weight", [48, 16]], ["in_proj_bias", [48]], ["out_proj.weight", [16, 16]], ["out_proj.bias", [16]],
    ]);
    const bound = Math.sqrt(6 / (16 + 48));
    expect((mha.in_proj_weight as Tensor).abs().max().item()).toBeLessThanOrEqual(bound);
    expect((mha.in_proj_weight as Tensor).abs().max().item()).toBeGreaterThan(bound * 0.9);
    expect((mha.in_proj_bias as Tensor).abs().sum().item()).toBe(0);
    expect((mha.out_proj.bias as Tensor).abs().sum().item()).toBe(0);
    const sep = new nn.MultiheadAttention(8, 2, { kdim: 3, vdim: 5, bias: false, add_bias_kv: true });
    expect(sep.named_parameters().map(([n, p]) => [n, p.shape])).toEqual([
      ["q_proj_weight", [8, 8]], ["k_proj_weight", [8, 3]], ["v_proj_weight", [8, 5]], ["bias_k", [1, 1, 8]], ["bias_v", [1, 1, 8]], ["out_proj.weight", [8, 8]],
    ]);
  });

  test("TransformerEncoder deep-copies its layer: equal values, separate parameters", () => {
    const layer = new nn.TransformerEncoderLayer(4, 2, 8);
    const enc = new nn.TransformerEncoder(layer, 3);
    const w = (i: number): Tensor => (enc.layers.get(i) as unknown as InstanceType<typeof nn.TransformerEncoderLayer>).linear1.weight;
    expect(w(0).equal(layer.linear1.weight)).toBe(true);
    expect(w(2).equal(w(0))).toBe(true);
    expect(w(0)).not.toBe(layer.linear1.weight);
    torch.no_grad(() => w(0).add_(1));
    expect(w(1).equal(layer.linear1.weight)).toBe(true);
    expect(enc.parameters().length).toBe(3 * 12);
  });

  test("forward's query / key / value as keywords (`mha(query=x, key=x, value=x, need_weights=False)`) and LayerNorm's normalized_shape as one", () => {
    torch.manual_seed(0);
    const mha = new nn.MultiheadAttention({ embed_dim: 4, num_heads: 2, batch_first: true });
    const x = torch.randn(2, 3, 4);
    const [a, wa] = mha(x, x, x, { need_weights: false });
    const [b, wb] = mha({ query: x, key: x, value: x, need_weights: false });
    expect(b.equal(a)).toBe(true);
    expect([wa, wb]).toEqual([null, null]);
    expect(() => mha(x, x, x, { query: x } as object)).toThrow("MultiheadAttention.forward() got multiple values for argument 'query'");
    const ln = new nn.LayerNorm({ normalized_shape: 4, eps: 1e-6 });
    expect(String(ln)).toBe("LayerNorm((4,), eps=1e-06, elementwise_affine=True)");
    expect(String(new nn.LayerNorm([2, 4], { elementwise_affine: false }))).toBe("LayerNorm((2, 4), eps=1e-05, elementwise_affine=False)");
    expect(() => new nn.LayerNorm({ eps: 1e-6 })).toThrow("LayerNorm.__init__() missing 1 required positional argument: 'normalized_shape'");
  });

  test("generate_square_subsequent_mask", () => {
    const m = nn.Transformer.generate_square_subsequent_mask(3);
    expect(m.tolist()).toEqual([[0, -Infinity, -Infinity], [0, 0, -Infinity], [0, 0, 0]]);
  });

  test("dropout in attention draws from torch's generator (same seed, same output) and is off in eval", () => {
    const mha = new nn.MultiheadAttention(4, 2, { dropout: 0.5 });
    const x = torch.randn(3, 2, 4);
    torch.manual_seed(5);
    const a = mha(x, x, x)[0];
    torch.manual_seed(5);
    const b = mha(x, x, x)[0];
    expect(a.equal(b)).toBe(true);
    mha.eval();
    const [, w] = mha(x, x, x);
    expect((w as Tensor).sum(-1).sub(1).abs().max().item()).toBeLessThan(1e-5);
  });

  test("errors name the module, the argument and the shapes", () => {
    expect(() => new nn.MultiheadAttention(10, 3)).toThrow("MultiheadAttention(): embed_dim must be divisible by num_heads, got embed_dim=10 and num_heads=3");
    expect(() => new nn.TransformerEncoderLayer(4, 2, { activation: "tanh" as "relu" })).toThrow("TransformerEncoderLayer(): activation should be relu/gelu, not tanh");
    const mha = new nn.MultiheadAttention(4, 2);
    const x = torch.randn(3, 2, 4);
    expect(() => mha(x, x, x, { attn_mask: torch.zeros(2, 3) })).toThrow("The shape of the 2D attn_mask is [2, 3], but should be [3, 3].");
    expect(() => mha(x, x, x, { key_padding_mask: torch.zeros([2, 4]).bool() })).toThrow("expecting key_padding_mask shape of [2, 3], but got [2, 4]");
    expect(() => mha(torch.randn(3, 2, 5), x, x)).toThrow("was expecting embedding dimension of 4, but got 5");
    expect(() => mha(x, torch.randn(3, 2), x)).toThrow("expected `key` and `value` to be 3-D but found 2-D and 3-D tensors respectively");
    expect(() => mha(x, x, x, { attn_mask: torch.zeros([3, 3]).int() })).toThrow("only float, byte, and bool types are supported for attn_mask, not torch.int32");
    const t = new nn.Transformer({ d_model: 4, nhead: 2, num_encoder_layers: 1, num_decoder_layers: 1, dim_feedforward: 8 });
    expect(() => t(torch.randn(3, 2, 4), torch.randn(3, 1, 4))).toThrow("the batch number of src and tgt must be equal");
    expect(() => t(torch.randn(3, 2, 4), torch.randn(3, 2, 6))).toThrow("the feature number of src and tgt must be equal to d_model (4)");
  });
});

describe("normalisation, activations, vision and losses: init, reprs and errors", () => {
  test("init: GroupNorm/InstanceNorm affine ones and zeros, PReLU 0.25, running stats", () => {
    const g = new nn.GroupNorm(2, 4);
    expect(String(g)).toBe("GroupNorm(2, 4, eps=1e-05, affine=True)");
    expect(g.weight?.tolist()).toEqual([1, 1, 1, 1]);
    expect(g.bias?.tolist()).toEqual([0, 0, 0, 0]);
    const inorm = new nn.InstanceNorm2d(3, { affine: true, track_running_stats: true });
    expect(Object.keys(inorm.state_dict())).toEqual(["weight", "bias", "running_mean", "running_var", "num_batches_tracked"]);
    expect(Object.keys(new nn.InstanceNorm1d(3).state_dict())).toEqual([]);
    expect(new nn.PReLU(3).weight.tolist()).toEqual([0.25, 0.25, 0.25]);
    expect(String(new nn.PReLU())).toBe("PReLU(num_parameters=1)");
    expect(String(new nn.Unfold({ kernel_size: [2, 3], padding: 1 }))).toBe("Unfold(kernel_size=(2, 3), dilation=1, padding=1, stride=1)");
  });

  test("RReLU: eval uses the mean slope; training draws slopes in [lower, upper] from torch's generator", () => {
    const x = torch.tensor([-1.0, -2.0, 3.0, -4.0], { dtype: torch.float32 });
    const m = new nn.RReLU(0.1, 0.3);
    m.eval();
    expect((m(x).tolist() as number[]).map((v) => Number(v.toFixed(5)))).toEqual([-0.2, -0.4, 3, -0.8]);
    m.train();
    torch.manual_seed(3);
    const a = m(x);
    torch.manual_seed(3);
    expect(m(x).equal(a)).toBe(true);
    const slopes = a.div(x).tolist() as number[];
    expect(slopes[2]).toBe(1);
    for (const i of [0, 1, 3]) {
      expect(slopes[i]).toBeGreaterThanOrEqual(0.1 - 1e-6);
      expect(slopes[i]).toBeLessThanOrEqual(0.3 + 1e-6);
    }
  });

  test("inplace activations write through on tensors outside autograd and refuse leaves that require grad", () => {
    const x = torch.tensor([-1.0, 2.0], { dtype: torch.float32 });
    F.selu(x, true);
    expect((x.tolist() as number[])[0]).toBeCloseTo(-1.0507 * 1.6733 * (1 - Math.exp(-1)), 3);
    const leaf = torch.tensor([-1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    expect(() => F.hardswish(leaf, true)).toThrow("a leaf Variable that requires grad is being used in an in-place operation");
  });

  test("errors name the op, the argument and the shapes", () => {
    expect(() => new nn.GroupNorm(3, 4)).toThrow("GroupNorm(): num_channels must be divisible by num_groups, got num_channels=4 and num_groups=3");
    expect(() => F.group_norm(torch.randn(2, 6, 3), 4)).toThrow("Expected number of channels in input to be divisible by num_groups, but got input of shape [2, 6, 3] and num_groups=4");
    expect(() => new nn.InstanceNorm2d(3)(torch.randn(2, 3))).toThrow("InstanceNorm2d: expected 3D or 4D input (got 2D input of shape [2, 3])");
    expect(() => new nn.InstanceNorm1d(3, { affine: true })(torch.randn(2, 4, 5))).toThrow("InstanceNorm1d: expected input's size at dim=1 to match num_features (3), but got: 4");
    expect(() => F.local_response_norm(torch.randn(2, 3), 2)).toThrow("Expected 3D or higher dimensionality input (got 2 dimensions)");
    expect(() => F.glu(torch.randn(2, 5))).toThrow("Halving dimension must be even, but dimension 1 is size 5 (input of shape [2, 5])");
    expect(() => F.prelu(torch.randn(2, 4), torch.ones(3))).toThrow("Found parameter numbers = 3 and channel size = 4");
    expect(() => F.softshrink(torch.randn(3), -1)).toThrow("lambda must be greater or equal to 0, but found to be -1.");
    expect(() => F.pixel_shuffle(torch.randn(1, 6, 2, 2), 2)).toThrow("input.size(-3)=6 is not divisible by 4");
    expect(() => F.pixel_unshuffle(torch.randn(1, 1, 3, 4), 2)).toThrow("input.size(-2)=3 is not divisible by 2");
    expect(() => F.channel_shuffle(torch.randn(1, 5, 2), 2)).toThrow("Number of channels must be divisible by groups. Got 5 channels and 2 groups.");
    expect(() => F.unfold(torch.randn(1, 1, 2, 2), 3)).toThrow("calculated shape of the array of sliding blocks as (0, 0)");
    expect(() => F.fold(torch.randn(1, 4, 5), [3, 3], 2)).toThrow("expected size of input's dimension 2 to match the calculated number of sliding blocks 2 * 2 = 4, but got input.size(2)=5.");
    expect(() => F.affine_grid(torch.randn(2, 3, 3), [2, 1, 4, 4])).toThrow("Expected a batch of 2D affine matrices of shape Nx2x3 for size [2, 1, 4, 4]. Got [2, 3, 3].");
    expect(() => F.grid_sample(torch.randn(1, 1, 3, 3), torch.randn(1, 2, 2, 2), { mode: "bicubic" as "nearest" })).toThrow("expected mode to be 'bilinear', 'nearest' or 'bicubic', but got: 'bicubic'");
    expect(() => F.grid_sample(torch.randn(1, 1, 3, 3), torch.randn(2, 2, 2, 2))).toThrow("input of shape [1, 1, 3, 3] and grid of shape [2, 2, 2, 2]");
    expect(() => F.triplet_margin_loss(torch.randn(2, 3), torch.randn(3), torch.randn(2, 3))).toThrow("anchor 2D, positive 1D, and negative 2D inputs");
    expect(() => F.multi_margin_loss(torch.randn(2, 3), torch.tensor([0]))).toThrow("inconsistent target size: [1] for input of size: [2, 3]");
    expect(() => new nn.MultiMarginLoss({ p: 3 })).toThrow("only p == 1 and p == 2 supported");
    expect(() => F.gaussian_nll_loss(torch.randn(4, 3), torch.randn(4, 3), torch.ones(3))).toThrow("var is of incorrect size (input [4, 3], var [3])");
    expect(() => F.gaussian_nll_loss(torch.randn(2), torch.randn(2), torch.tensor([1.5, -1.0]))).toThrow("var has negative entry/entries");
    expect(() => F.ctc_loss(torch.randn(3, 1, 4).log_softmax(2), torch.tensor([[1, 2]]), [4], [2])).toThrow("Expected input_lengths to have value at most 3, but got value 4");
    expect(() => F.ctc_loss(torch.randn(3, 1, 4).log_softmax(2), torch.tensor([[1, 2]]), [3], [2], { blank: 4 })).toThrow("blank must be in label range, got blank=4 for 4 classes");
    expect(() => F.margin_ranking_loss(torch.randn(3), torch.randn(3), torch.ones(3, 1))).toThrow("All input tensors should have same dimension but got sizes: input1: [3], input2: [3], target: [3, 1]");
  });
});

// ---------------------------------------------------------------- the Transformer tutorial, ported

class TransformerModel extends nn.Module {
  model_type: string;
  pos_encoder: PositionalEncoding;
  transformer_encoder: InstanceType<typeof nn.TransformerEncoder>;
  encoder: InstanceType<typeof nn.Embedding>;
  d_model: number;
  decoder: InstanceType<typeof nn.Linear>;
  constructor(ntoken: number, d_model: number, nhead: number, d_hid: number, nlayers: number, dropout = 0.5) {
    super();
    this.model_type = "Transformer";
    this.pos_encoder = new PositionalEncoding(d_model, dropout);
    const encoder_layers = new nn.TransformerEncoderLayer(d_model, nhead, d_hid, dropout);
    this.transformer_encoder = new nn.TransformerEncoder(encoder_layers, nlayers);
    this.encoder = new nn.Embedding(ntoken, d_model);
    this.d_model = d_model;
    this.decoder = new nn.Linear(d_model, ntoken);
    this.init_weights();
  }
  init_weights(): void {
    const initrange = 0.1;
    this.encoder.weight.data.uniform_(-initrange, initrange);
    this.decoder.bias?.data.zero_();
    this.decoder.weight.data.uniform_(-initrange, initrange);
  }
  forward(src: Tensor, src_mask: Tensor): Tensor {
    src = this.encoder(src).mul(Math.sqrt(this.d_model));
    src = this.pos_encoder(src);
    const output = this.transformer_encoder(src, src_mask);
    return this.decoder(output);
  }
}

function generate_square_subsequent_mask(sz: number): Tensor {
  return torch.triu(torch.ones(sz, sz).mul(-Infinity), { diagonal: 1 });
}

function trainTutorial(t: Tutorial, fromState: boolean): { losses: number[]; model: TransformerModel; data: Tensor } {
  const model = new TransformerModel(t.ntokens, 8, 2, 16, 2, 0.0);
  if (fromState) {
    const state: Record<string, Tensor> = {};
    for (const [k, v] of Object.entries(t.state)) state[k] = build(v);
    const r = model.load_state_dict(state, { strict: false });
    expect(r.missing_keys).toEqual(["pos_encoder.pe"]);
  }
  const data = build(t.data);
  const criterion = new nn.CrossEntropyLoss();
  const optimizer = new torch.optim.SGD(model.parameters(), { lr: 0.5 });
  const src_mask = generate_square_subsequent_mask(t.bptt);
  model.train();
  const losses: number[] = [];
  for (let step = 0; step < t.losses.length; step++) {
    const i = (step * t.bptt) % (data.size(0) - 1 - t.bptt);
    const x = data.index(`${i}:${i + t.bptt}`);
    const y = data.index(`${i + 1}:${i + 1 + t.bptt}`).reshape(-1);
    const output = model(x, src_mask);
    const loss = criterion(output.view(-1, t.ntokens), y);
    optimizer.zero_grad();
    loss.backward();
    nn.utils.clip_grad_norm_(model.parameters(), 0.5);
    optimizer.step();
    losses.push(loss.item());
  }
  return { losses, model, data };
}

describe("Language modeling with nn.Transformer (tutorial port)", () => {
  test("same repr, same losses as PyTorch from the same state_dict, and the same eval output", () => {
    const t = ref.tutorial;
    const { losses, model, data } = trainTutorial(t, true);
    expect(String(model)).toBe(t.repr);
    losses.forEach((l, i) => expect(l).toBeCloseTo(t.losses[i], 4));
    model.eval();
    const out = torch.no_grad(() => model(data.index(`:${t.bptt}`), generate_square_subsequent_mask(t.bptt)));
    expectTensor(out, t.eval_out, "eval output", 1e-3, 1e-4);
  });

  test("from a fresh seeded init the loss decreases", () => {
    torch.manual_seed(1);
    const { losses } = trainTutorial(ref.tutorial, false);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
  });
});
