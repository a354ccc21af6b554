/**
 * Attention and the Transformer: MultiheadAttention, TransformerEncoderLayer/Encoder,
 * TransformerDecoderLayer/Decoder and Transformer, with PyTorch 1.13's parameter names, order,
 * initialisation and numerics (the fast paths PyTorch takes in eval mode compute the same values; the
 * one visible difference, the nested-tensor path of TransformerEncoder, is reproduced).
 */
import { Tensor, type DType } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { empty, full } from "../../ops/creation";
import { is_grad_enabled } from "../../autograd/grad_mode";
import { Module } from "./module";
import { Parameter } from "../parameter";
import { Linear } from "./linear";
import { Dropout } from "./dropout";
import { LayerNorm } from "./normalization";
import { ReLU, GELU } from "./activation";
import { ModuleList } from "./container";
import * as init from "../init";
import * as A from "../functional/activation";
import { multi_head_attention_forward } from "../functional/attention";
import { RuntimeError, TypeError, ValueError } from "../../errors";

/**
 * PyTorch's name for the output projection of MultiheadAttention: a Linear that quantization leaves
 * alone. It shows in the repr, so it is its own class.
 */
export class NonDynamicallyQuantizableLinear extends Linear {}

/** Options of nn.MultiheadAttention's constructor. */
export interface MultiheadAttentionOptions {
  embed_dim?: number;
  num_heads?: number;
  dropout?: number;
  bias?: boolean;
  add_bias_kv?: boolean;
  add_zero_attn?: boolean;
  kdim?: number | null;
  vdim?: number | null;
  batch_first?: boolean;
  device?: unknown;
  dtype?: DType | string;
}

/** Keyword arguments of MultiheadAttention.forward. */
export interface MultiheadAttentionForwardOptions {
  key_padding_mask?: Tensor | null;
  need_weights?: boolean;
  attn_mask?: Tensor | null;
  average_attn_weights?: boolean;
}

/** forward's arguments all as keywords, as `mha(query=x, key=x, value=x, need_weights=False)` writes them. */
export interface MultiheadAttentionCall extends MultiheadAttentionForwardOptions {
  query: Tensor;
  key: Tensor;
  value: Tensor;
}

function intArg(layer: string, name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) throw new ValueError(`${layer}(): ${name} must be a positive integer, got ${String(v)}`);
  return v;
}

function probArg(layer: string, v: unknown): number {
  if (typeof v !== "number" || !(v >= 0 && v <= 1)) throw new ValueError(`${layer}(): dropout probability has to be between 0 and 1, but got ${String(v)}`);
  return v;
}

/**
 * Multi-head attention: softmax(Q K^T / sqrt(head_dim) + mask) V per head, with learnt input and
 * output projections (PyTorch 1.13's nn.MultiheadAttention).
 *
 * Args:
 *   embed_dim: model width E. num_heads: number of heads (must divide E).
 *   options: dropout (on the attention weights, training only; 0), bias (true), add_bias_kv (false),
 *     add_zero_attn (false), kdim/vdim (E), batch_first (false: [L, N, E]; true: [N, L, E]).
 *
 * Parameters: in_proj_weight [3E, E] (xavier_uniform_) when kdim = vdim = E, else q_proj_weight,
 * k_proj_weight, v_proj_weight; in_proj_bias [3E] (zeros); out_proj (Linear E -> E, zero bias);
 * bias_k, bias_v [1, 1, E] (xavier_normal_) with add_bias_kv.
 *
 * forward(query, key, value, {key_padding_mask, need_weights = true, attn_mask, average_attn_weights = true})
 * returns [attn_output, attn_weights | null]; query, key and value may be keywords too
 * (`mha({query: x, key: x, value: x, need_weights: false})`).
 *
 * @example
 * const mha = new nn.MultiheadAttention(8, 2);
 * const [out, w] = mha(x, x, x);  // x: [L, N, 8]
 */
export class MultiheadAttention extends Module {
  embed_dim: number;
  kdim: number;
  vdim: number;
  _qkv_same_embed_dim: boolean;
  num_heads: number;
  dropout: number;
  batch_first: boolean;
  head_dim: number;
  in_proj_weight: Parameter | null;
  q_proj_weight: Parameter | null;
  k_proj_weight: Parameter | null;
  v_proj_weight: Parameter | null;
  in_proj_bias: Parameter | null;
  out_proj: NonDynamicallyQuantizableLinear;
  bias_k: Parameter | null;
  bias_v: Parameter | null;
  add_zero_attn: boolean;

  constructor(embed_dim: number | MultiheadAttentionOptions, num_heads?: number | MultiheadAttentionOptions, options?: MultiheadAttentionOptions) {
    super();
    const o = parseArgs("MultiheadAttention", [embed_dim, num_heads, options], [
      "embed_dim", "num_heads", "dropout", "bias", "add_bias_kv", "add_zero_attn", "kdim", "vdim", "batch_first", "device", "dtype",
    ]);
    this.embed_dim = intArg("MultiheadAttention", "embed_dim", o.embed_dim);
    this.kdim = o.kdim === undefined || o.kdim === null ? this.embed_dim : intArg("MultiheadAttention", "kdim", o.kdim);
    this.vdim = o.vdim === undefined || o.vdim === null ? this.embed_dim : intArg("MultiheadAttention", "vdim", o.vdim);
    this._qkv_same_embed_dim = this.kdim === this.embed_dim && this.vdim === this.embed_dim;
    this.num_heads = intArg("MultiheadAttention", "num_heads", o.num_heads);
    this.dropout = probArg("MultiheadAttention", (o.dropout as number | undefined) ?? 0);
    this.batch_first = (o.batch_first as boolean | undefined) ?? false;
    this.head_dim = Math.floor(this.embed_dim / this.num_heads);
    if (this.head_dim * this.num_heads !== this.embed_dim) {
      throw new ValueError(`MultiheadAttention(): embed_dim must be divisible by num_heads, got embed_dim=${this.embed_dim} and num_heads=${this.num_heads}`);
    }
    const E = this.embed_dim;
    if (!this._qkv_same_embed_dim) {
      this.q_proj_weight = new Parameter(empty([E, E]));
      this.k_proj_weight = new Parameter(empty([E, this.kdim]));
      this.v_proj_weight = new Parameter(empty([E, this.vdim]));
      this.in_proj_weight = null;
    } else {
      this.in_proj_weight = new Parameter(empty([3 * E, E]));
      this.q_proj_weight = null;
      this.k_proj_weight = null;
      this.v_proj_weight = null;
    }
    const bias = (o.bias as boolean | undefined) ?? true;
    this.in_proj_bias = bias ? new Parameter(empty([3 * E])) : null;
    this.out_proj = new NonDynamicallyQuantizableLinear(E, E, { bias });
    if ((o.add_bias_kv as boolean | undefined) ?? false) {
      this.bias_k = new Parameter(empty([1, 1, E]));
      this.bias_v = new Parameter(empty([1, 1, E]));
    } else {
      this.bias_k = null;
      this.bias_v = null;
    }
    this.add_zero_attn = (o.add_zero_attn as boolean | undefined) ?? false;
    this._reset_parameters();
  }

  /** PyTorch's init, drawn after out_proj's own Linear init (same generator order). */
  _reset_parameters(): void {
    if (this._qkv_same_embed_dim) init.xavier_uniform_(this.in_proj_weight as Parameter);
    else {
      init.xavier_uniform_(this.q_proj_weight as Parameter);
      init.xavier_uniform_(this.k_proj_weight as Parameter);
      init.xavier_uniform_(this.v_proj_weight as Parameter);
    }
    if (this.in_proj_bias !== null) {
      init.constant_(this.in_proj_bias, 0);
      init.constant_(this.out_proj.bias as Parameter, 0);
    }
    if (this.bias_k !== null) init.xavier_normal_(this.bias_k);
    if (this.bias_v !== null) init.xavier_normal_(this.bias_v);
  }

  forward(query: Tensor | MultiheadAttentionCall, key?: Tensor, value?: Tensor, options?: MultiheadAttentionForwardOptions): [Tensor, Tensor | null] {
    const o = parseArgs("MultiheadAttention.forward", [query, key, value, options], ["query", "key", "value", "key_padding_mask", "need_weights", "attn_mask", "average_attn_weights"]);
    [query, key, value] = [o.query as Tensor, o.key as Tensor, o.value as Tensor];
    for (const [n, t] of [["query", query], ["key", key], ["value", value]] as const) {
      if (!(t instanceof Tensor)) throw new TypeError(`MultiheadAttention.forward(): argument '${n}' must be Tensor, not ${t === null ? "null" : typeof t}`);
    }
    const batched = query.dim() === 3;
    if (this.batch_first && batched) {
      // keep "key is value" / "query is key": the packed projection path depends on it
      if (key === value) {
        if (query === key) query = key = value = query.transpose(1, 0);
        else {
          [query, key] = [query.transpose(1, 0), key.transpose(1, 0)];
          value = key;
        }
      } else [query, key, value] = [query.transpose(1, 0), key.transpose(1, 0), value.transpose(1, 0)];
    }
    const common = {
      training: this.training,
      key_padding_mask: (o.key_padding_mask as Tensor | null | undefined) ?? null,
      need_weights: (o.need_weights as boolean | undefined) ?? true,
      attn_mask: (o.attn_mask as Tensor | null | undefined) ?? null,
      average_attn_weights: (o.average_attn_weights as boolean | undefined) ?? true,
    };
    const [out, w] = multi_head_attention_forward(
      query, key, value, this.embed_dim, this.num_heads, this.in_proj_weight, this.in_proj_bias, this.bias_k, this.bias_v,
      this.add_zero_attn, this.dropout, this.out_proj.weight, this.out_proj.bias,
      this._qkv_same_embed_dim
        ? common
        : { ...common, use_separate_proj_weight: true, q_proj_weight: this.q_proj_weight, k_proj_weight: this.k_proj_weight, v_proj_weight: this.v_proj_weight },
    );
    return [this.batch_first && batched ? out.transpose(1, 0) : out, w];
  }
}

/** An activation given by name ("relu", "gelu"), as a function, or as a Module. */
export type TransformerActivation = "relu" | "gelu" | ((x: Tensor) => Tensor) | Module;

function activationFn(layer: string, a: TransformerActivation): (x: Tensor) => Tensor {
  if (a === "relu") return (x) => A.relu(x);
  if (a === "gelu") return (x) => A.gelu(x);
  if (typeof a === "function") return a as (x: Tensor) => Tensor;
  throw new RuntimeError(`${layer}(): activation should be relu/gelu, not ${String(a)}`);
}

/** Options shared by the encoder and decoder layers. */
export interface TransformerLayerOptions {
  d_model?: number;
  nhead?: number;
  dim_feedforward?: number;
  dropout?: number;
  activation?: TransformerActivation;
  layer_norm_eps?: number;
  batch_first?: boolean;
  norm_first?: boolean;
  device?: unknown;
  dtype?: DType | string;
}

const LAYER_ARGS = ["d_model", "nhead", "dim_feedforward", "dropout", "activation", "layer_norm_eps", "batch_first", "norm_first", "device", "dtype"];

/** What the activation's identity says about PyTorch's fast path (1 relu, 2 gelu, 0 other). */
function reluOrGelu(a: TransformerActivation): number {
  if (a === "relu" || a === A.relu || a instanceof ReLU) return 1;
  if (a === "gelu" || a === A.gelu || a instanceof GELU) return 2;
  return 0;
}

/**
 * One encoder block: self-attention then a feed-forward network (linear1 -> activation -> dropout
 * -> linear2), each with a residual connection and LayerNorm, after (default) or before
 * (`norm_first`) the sub-block.
 *
 * Args: d_model, nhead; options dim_feedforward (2048), dropout (0.1), activation ("relu" | "gelu" |
 * a function or Module), layer_norm_eps (1e-5), batch_first (false), norm_first (false).
 *
 * forward(src, src_mask?, src_key_padding_mask?) -> same shape as src.
 *
 * @example
 * const layer = new nn.TransformerEncoderLayer(512, 8);
 * layer(torch.rand(10, 32, 512)).shape  // [10, 32, 512]
 */
export class TransformerEncoderLayer extends Module {
  self_attn: MultiheadAttention;
  linear1: Linear;
  dropout: Dropout;
  linear2: Linear;
  norm_first: boolean;
  norm1: LayerNorm;
  norm2: LayerNorm;
  dropout1: Dropout;
  dropout2: Dropout;
  activation_relu_or_gelu: number;
  activation: ((x: Tensor) => Tensor) | Module;

  constructor(d_model: number | TransformerLayerOptions, nhead?: number | TransformerLayerOptions, dim_feedforward?: number | TransformerLayerOptions, dropout?: number | TransformerLayerOptions, activation?: TransformerActivation | TransformerLayerOptions, options?: TransformerLayerOptions) {
    super();
    const o = parseArgs("TransformerEncoderLayer", [d_model, nhead, dim_feedforward, dropout, activation, options], LAYER_ARGS);
    const dm = intArg("TransformerEncoderLayer", "d_model", o.d_model);
    const ff = intArg("TransformerEncoderLayer", "dim_feedforward", o.dim_feedforward ?? 2048);
    const p = probArg("TransformerEncoderLayer", o.dropout ?? 0.1);
    const eps = (o.layer_norm_eps as number | undefined) ?? 1e-5;
    this.self_attn = new MultiheadAttention(dm, o.nhead as number, { dropout: p, batch_first: (o.batch_first as boolean | undefined) ?? false });
    this.linear1 = new Linear(dm, ff);
    this.dropout = new Dropout(p);
    this.linear2 = new Linear(ff, dm);
    this.norm_first = (o.norm_first as boolean | undefined) ?? false;
    this.norm1 = new LayerNorm(dm, { eps });
    this.norm2 = new LayerNorm(dm, { eps });
    this.dropout1 = new Dropout(p);
    this.dropout2 = new Dropout(p);
    const act = (o.activation as TransformerActivation | undefined) ?? "relu";
    this.activation_relu_or_gelu = reluOrGelu(act);
    this.activation = act instanceof Module ? act : activationFn("TransformerEncoderLayer", act);
  }

  forward(src: Tensor, src_mask?: Tensor | null | { src_mask?: Tensor | null; src_key_padding_mask?: Tensor | null }, src_key_padding_mask?: Tensor | null): Tensor {
    const o = parseArgs("TransformerEncoderLayer.forward", [src_mask, src_key_padding_mask], ["src_mask", "src_key_padding_mask"]);
    const mask = (o.src_mask as Tensor | null | undefined) ?? null;
    const kpm = (o.src_key_padding_mask as Tensor | null | undefined) ?? null;
    let x = src;
    if (this.norm_first) {
      x = x.add(this._sa_block(this.norm1(x), mask, kpm));
      x = x.add(this._ff_block(this.norm2(x)));
    } else {
      x = this.norm1(x.add(this._sa_block(x, mask, kpm)));
      x = this.norm2(x.add(this._ff_block(x)));
    }
    return x;
  }

  _sa_block(x: Tensor, attn_mask: Tensor | null, key_padding_mask: Tensor | null): Tensor {
    return this.dropout1(this.self_attn(x, x, x, { attn_mask, key_padding_mask, need_weights: false })[0]);
  }

  _ff_block(x: Tensor): Tensor {
    const act = this.activation as (x: Tensor) => Tensor;
    return this.dropout2(this.linear2(this.dropout(act(this.linear1(x)))));
  }
}

/**
 * One decoder block: self-attention, attention over the encoder's `memory`, then the feed-forward
 * network; residual connections and LayerNorm (norm1..3) as in TransformerEncoderLayer.
 *
 * forward(tgt, memory, tgt_mask?, memory_mask?, tgt_key_padding_mask?, memory_key_padding_mask?)
 */
export class TransformerDecoderLayer extends Module {
  self_attn: MultiheadAttention;
  multihead_attn: MultiheadAttention;
  linear1: Linear;
  dropout: Dropout;
  linear2: Linear;
  norm_first: boolean;
  norm1: LayerNorm;
  norm2: LayerNorm;
  norm3: LayerNorm;
  dropout1: Dropout;
  dropout2: Dropout;
  dropout3: Dropout;
  activation: ((x: Tensor) => Tensor) | Module;

  constructor(d_model: number | TransformerLayerOptions, nhead?: number | TransformerLayerOptions, dim_feedforward?: number | TransformerLayerOptions, dropout?: number | TransformerLayerOptions, activation?: TransformerActivation | TransformerLayerOptions, options?: TransformerLayerOptions) {
    super();
    const o = parseArgs("TransformerDecoderLayer", [d_model, nhead, dim_feedforward, dropout, activation, options], LAYER_ARGS);
    const dm = intArg("TransformerDecoderLayer", "d_model", o.d_model);
    const ff = intArg("TransformerDecoderLayer", "dim_feedforward", o.dim_feedforward ?? 2048);
    const p = probArg("TransformerDecoderLayer", o.dropout ?? 0.1);
    const eps = (o.layer_norm_eps as number | undefined) ?? 1e-5;
    const bf = (o.batch_first as boolean | undefined) ?? false;
    this.self_attn = new MultiheadAttention(dm, o.nhead as number, { dropout: p, batch_first: bf });
    this.multihead_attn = new MultiheadAttention(dm, o.nhead as number, { dropout: p, batch_first: bf });
    this.linear1 = new Linear(dm, ff);
    this.dropout = new Dropout(p);
    this.linear2 = new Linear(ff, dm);
    this.norm_first = (o.norm_first as boolean | undefined) ?? false;
    this.norm1 = new LayerNorm(dm, { eps });
    this.norm2 = new LayerNorm(dm, { eps });
    this.norm3 = new LayerNorm(dm, { eps });
    this.dropout1 = new Dropout(p);
    this.dropout2 = new Dropout(p);
    this.dropout3 = new Dropout(p);
    const act = (o.activation as TransformerActivation | undefined) ?? "relu";
    this.activation = act instanceof Module ? act : activationFn("TransformerDecoderLayer", act);
  }

  forward(
    tgt: Tensor,
    memory: Tensor,
    tgt_mask?: Tensor | null | DecoderMasks,
    memory_mask?: Tensor | null | DecoderMasks,
    tgt_key_padding_mask?: Tensor | null | DecoderMasks,
    memory_key_padding_mask?: Tensor | null | DecoderMasks,
  ): Tensor {
    const m = decoderMasks("TransformerDecoderLayer.forward", [tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask]);
    let x = tgt;
    if (this.norm_first) {
      x = x.add(this._sa_block(this.norm1(x), m.tgt_mask, m.tgt_key_padding_mask));
      x = x.add(this._mha_block(this.norm2(x), memory, m.memory_mask, m.memory_key_padding_mask));
      x = x.add(this._ff_block(this.norm3(x)));
    } else {
      x = this.norm1(x.add(this._sa_block(x, m.tgt_mask, m.tgt_key_padding_mask)));
      x = this.norm2(x.add(this._mha_block(x, memory, m.memory_mask, m.memory_key_padding_mask)));
      x = this.norm3(x.add(this._ff_block(x)));
    }
    return x;
  }

  _sa_block(x: Tensor, attn_mask: Tensor | null, key_padding_mask: Tensor | null): Tensor {
    return this.dropout1(this.self_attn(x, x, x, { attn_mask, key_padding_mask, need_weights: false })[0]);
  }

  _mha_block(x: Tensor, mem: Tensor, attn_mask: Tensor | null, key_padding_mask: Tensor | null): Tensor {
    return this.dropout2(this.multihead_attn(x, mem, mem, { attn_mask, key_padding_mask, need_weights: false })[0]);
  }

  _ff_block(x: Tensor): Tensor {
    const act = this.activation as (x: Tensor) => Tensor;
    return this.dropout3(this.linear2(this.dropout(act(this.linear1(x)))));
  }
}

/** The masks of a decoder's forward, positional or by name. */
export interface DecoderMasks {
  tgt_mask?: Tensor | null;
  memory_mask?: Tensor | null;
  tgt_key_padding_mask?: Tensor | null;
  memory_key_padding_mask?: Tensor | null;
}

function decoderMasks(op: string, args: unknown[]): Required<{ [K in keyof DecoderMasks]: Tensor | null }> {
  const o = parseArgs(op, args, ["tgt_mask", "memory_mask", "tgt_key_padding_mask", "memory_key_padding_mask"]);
  const g = (k: string): Tensor | null => (o[k] as Tensor | null | undefined) ?? null;
  return { tgt_mask: g("tgt_mask"), memory_mask: g("memory_mask"), tgt_key_padding_mask: g("tgt_key_padding_mask"), memory_key_padding_mask: g("memory_key_padding_mask") };
}

/**
 * Python's `copy.deepcopy` of a module, as `_get_clones` uses it: a module of the same class with
 * copies of every parameter and buffer (same values, separate storage), sub-modules copied likewise,
 * and other fields shared (numbers, strings, functions). Tied parameters stay tied in the copy.
 */
export function _deepcopy_module<M extends Module>(m: M, memo: Map<object, unknown> = new Map()): M {
  const seen = memo.get(m);
  if (seen !== undefined) return seen as M;
  const copy = new Module();
  Object.setPrototypeOf(copy, Object.getPrototypeOf(m));
  memo.set(m, copy);
  const src = m as unknown as Record<string, unknown>;
  const dst = copy as unknown as Record<string, unknown>;
  copy.training = m.training;
  for (const n of m._buffer_names) copy._buffer_names.add(n);
  for (const n of m._non_persistent_buffers) copy._non_persistent_buffers.add(n);
  for (const [k, h] of m._forward_hooks) copy._forward_hooks.set(k, h);
  for (const [k, h] of m._forward_pre_hooks) copy._forward_pre_hooks.set(k, h);
  const clone = (v: unknown): unknown => {
    if (v instanceof Module) return _deepcopy_module(v, memo);
    if (v instanceof Tensor) {
      const prev = memo.get(v);
      if (prev !== undefined) return prev;
      const c = v instanceof Parameter ? new Parameter(v.detach().clone(), v.requires_grad) : v.detach().clone();
      memo.set(v, c);
      return c;
    }
    if (Array.isArray(v)) return v.map(clone);
    return v;
  };
  for (const k of m._fields_in_order()) dst[k] = clone(src[k]);
  return copy as M;
}

/** Runs a module held under a wider type (a child of a ModuleList, a custom encoder). */
function callModule(m: unknown, ...args: unknown[]): Tensor {
  return (m as (...a: unknown[]) => Tensor)(...args);
}

/** Whether each row of `keep` is [true ... true, false ... false] (PyTorch's left-aligned check). */
function leftAligned(keep: Tensor): boolean {
  const [n, s] = keep.shape;
  const d = keep.to("int64").dataSync() as Int32Array;
  for (let i = 0; i < n; i++) {
    let seenFalse = false;
    for (let j = 0; j < s; j++) {
      if (d[i * s + j] === 0) seenFalse = true;
      else if (seenFalse) return false;
    }
  }
  return true;
}

/**
 * A stack of `num_layers` copies (deep copies, as PyTorch's `_get_clones`) of `encoder_layer`, then
 * an optional final `norm`.
 *
 * Args: encoder_layer, num_layers, norm (null); options enable_nested_tensor (true), mask_check (true).
 *
 * forward(src, mask?, src_key_padding_mask?). In eval mode without autograd, with a batch_first
 * TransformerEncoderLayer and a left-aligned key padding mask, PyTorch 1.13 runs on nested tensors
 * and returns zeros at the padded positions (before `norm`), cut to the longest unpadded sequence; so does this.
 *
 * @example
 * const layer = new nn.TransformerEncoderLayer(512, 8);
 * const enc = new nn.TransformerEncoder(layer, 6);
 * enc(torch.rand(10, 32, 512)).shape  // [10, 32, 512]
 */
export class TransformerEncoder extends Module {
  layers: ModuleList;
  num_layers: number;
  norm: Module | null;
  enable_nested_tensor: boolean;
  mask_check: boolean;

  constructor(encoder_layer: TransformerEncoderLayer | Module, num_layers: number | { num_layers?: number; norm?: Module | null; enable_nested_tensor?: boolean; mask_check?: boolean }, norm?: Module | null | { norm?: Module | null; enable_nested_tensor?: boolean; mask_check?: boolean }, options?: { enable_nested_tensor?: boolean; mask_check?: boolean }) {
    super();
    const o = parseArgs("TransformerEncoder", [num_layers, norm, options], ["num_layers", "norm", "enable_nested_tensor", "mask_check"]);
    if (!(encoder_layer instanceof Module)) throw new TypeError(`TransformerEncoder(): argument 'encoder_layer' must be a Module, not ${encoder_layer === null ? "null" : typeof encoder_layer}`);
    const n = o.num_layers;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0) throw new ValueError(`TransformerEncoder(): num_layers must be a non-negative integer, got ${String(n)}`);
    this.layers = new ModuleList(Array.from({ length: n }, () => _deepcopy_module(encoder_layer as unknown as Module)));
    this.num_layers = n;
    this.norm = (o.norm as Module | null | undefined) ?? null;
    this.enable_nested_tensor = (o.enable_nested_tensor as boolean | undefined) ?? true;
    this.mask_check = (o.mask_check as boolean | undefined) ?? true;
  }

  forward(src: Tensor, mask?: Tensor | null | { mask?: Tensor | null; src_key_padding_mask?: Tensor | null }, src_key_padding_mask?: Tensor | null): Tensor {
    const o = parseArgs("TransformerEncoder.forward", [mask, src_key_padding_mask], ["mask", "src_key_padding_mask"]);
    const m = (o.mask as Tensor | null | undefined) ?? null;
    const kpm = (o.src_key_padding_mask as Tensor | null | undefined) ?? null;
    const zeroPadded = this._nested_path(src, m, kpm);
    let output = src;
    for (const layer of this.layers.children()) output = callModule(layer, output, { src_mask: m, src_key_padding_mask: kpm });
    if (zeroPadded && kpm !== null) {
      // the nested tensor comes back through to_padded_tensor(0.): zeros at the padding, and only as
      // long as the longest unpadded sequence
      const pad = kpm.dtype._tf === "bool" ? kpm : kpm.ne(0);
      const longest = pad.logical_not().sum(1).max().item();
      output = output.masked_fill(pad.unsqueeze(-1), 0).narrow(1, 0, longest);
    }
    if (this.norm !== null) output = callModule(this.norm, output);
    return output;
  }

  /** PyTorch 1.13's conditions for its nested-tensor fast path. */
  _nested_path(src: Tensor, mask: Tensor | null, kpm: Tensor | null): boolean {
    const first = this.layers.children()[0];
    if (!(first instanceof TransformerEncoderLayer)) return false;
    if (first.norm_first || first.training || !first.self_attn.batch_first || !first.self_attn._qkv_same_embed_dim) return false;
    if (!first.activation_relu_or_gelu || first.norm1.eps !== first.norm2.eps || src.dim() !== 3) return false;
    if (!this.enable_nested_tensor || kpm === null || mask !== null || first.self_attn.num_heads % 2 === 1) return false;
    if (this.mask_check && !leftAligned(kpm.dtype._tf === "bool" ? kpm.logical_not() : kpm.eq(0))) return false;
    const sa = first.self_attn;
    const args = [src, sa.in_proj_weight, sa.in_proj_bias, sa.out_proj.weight, sa.out_proj.bias, first.norm1.weight, first.norm1.bias,
      first.norm2.weight, first.norm2.bias, first.linear1.weight, first.linear1.bias, first.linear2.weight, first.linear2.bias];
    if (is_grad_enabled() && args.some((t) => t !== null && t.requires_grad)) return false;
    return true;
  }
}

/** A stack of `num_layers` deep copies of `decoder_layer`, then an optional `norm`. */
export class TransformerDecoder extends Module {
  layers: ModuleList;
  num_layers: number;
  norm: Module | null;

  constructor(decoder_layer: TransformerDecoderLayer | Module, num_layers: number | { num_layers?: number; norm?: Module | null }, norm?: Module | null | { norm?: Module | null }) {
    super();
    const o = parseArgs("TransformerDecoder", [num_layers, norm], ["num_layers", "norm"]);
    if (!(decoder_layer instanceof Module)) throw new TypeError(`TransformerDecoder(): argument 'decoder_layer' must be a Module, not ${decoder_layer === null ? "null" : typeof decoder_layer}`);
    const n = o.num_layers;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0) throw new ValueError(`TransformerDecoder(): num_layers must be a non-negative integer, got ${String(n)}`);
    this.layers = new ModuleList(Array.from({ length: n }, () => _deepcopy_module(decoder_layer as unknown as Module)));
    this.num_layers = n;
    this.norm = (o.norm as Module | null | undefined) ?? null;
  }

  forward(
    tgt: Tensor,
    memory: Tensor,
    tgt_mask?: Tensor | null | DecoderMasks,
    memory_mask?: Tensor | null | DecoderMasks,
    tgt_key_padding_mask?: Tensor | null | DecoderMasks,
    memory_key_padding_mask?: Tensor | null | DecoderMasks,
  ): Tensor {
    const m = decoderMasks("TransformerDecoder.forward", [tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask]);
    let output = tgt;
    for (const layer of this.layers.children()) output = callModule(layer, output, memory, m);
    if (this.norm !== null) output = callModule(this.norm, output);
    return output;
  }
}

/** Options of nn.Transformer. */
export interface TransformerOptions {
  d_model?: number;
  nhead?: number;
  num_encoder_layers?: number;
  num_decoder_layers?: number;
  dim_feedforward?: number;
  dropout?: number;
  activation?: TransformerActivation;
  custom_encoder?: TransformerEncoder | Module | null;
  custom_decoder?: TransformerDecoder | Module | null;
  layer_norm_eps?: number;
  batch_first?: boolean;
  norm_first?: boolean;
  device?: unknown;
  dtype?: DType | string;
}

/** The masks of Transformer.forward. */
export interface TransformerMasks {
  src_mask?: Tensor | null;
  tgt_mask?: Tensor | null;
  memory_mask?: Tensor | null;
  src_key_padding_mask?: Tensor | null;
  tgt_key_padding_mask?: Tensor | null;
  memory_key_padding_mask?: Tensor | null;
}

/**
 * The encoder-decoder Transformer of "Attention Is All You Need": a TransformerEncoder (with a final
 * LayerNorm) and a TransformerDecoder (likewise); every parameter with more than one dim is
 * re-initialised with xavier_uniform_.
 *
 * Args (all optional, positional or by name): d_model (512), nhead (8), num_encoder_layers (6),
 * num_decoder_layers (6), dim_feedforward (2048), dropout (0.1), activation ("relu"), custom_encoder,
 * custom_decoder, layer_norm_eps (1e-5), batch_first (false), norm_first (false).
 *
 * forward(src, tgt, {src_mask, tgt_mask, memory_mask, src_key_padding_mask, tgt_key_padding_mask,
 * memory_key_padding_mask}) -> [T, N, d_model].
 */
export class Transformer extends Module {
  encoder: TransformerEncoder | Module;
  decoder: TransformerDecoder | Module;
  d_model: number;
  nhead: number;
  batch_first: boolean;

  constructor(d_model?: number | TransformerOptions, nhead?: number | TransformerOptions, num_encoder_layers?: number | TransformerOptions, num_decoder_layers?: number | TransformerOptions, dim_feedforward?: number | TransformerOptions, dropout?: number | TransformerOptions, activation?: TransformerActivation | TransformerOptions, options?: TransformerOptions) {
    super();
    const o = parseArgs("Transformer", [d_model, nhead, num_encoder_layers, num_decoder_layers, dim_feedforward, dropout, activation, options], [
      "d_model", "nhead", "num_encoder_layers", "num_decoder_layers", "dim_feedforward", "dropout", "activation", "custom_encoder",
      "custom_decoder", "layer_norm_eps", "batch_first", "norm_first", "device", "dtype",
    ]);
    const dm = (o.d_model as number | undefined) ?? 512;
    const nh = (o.nhead as number | undefined) ?? 8;
    const layerOpts: TransformerLayerOptions = {
      dim_feedforward: (o.dim_feedforward as number | undefined) ?? 2048,
      dropout: (o.dropout as number | undefined) ?? 0.1,
      activation: (o.activation as TransformerActivation | undefined) ?? "relu",
      layer_norm_eps: (o.layer_norm_eps as number | undefined) ?? 1e-5,
      batch_first: (o.batch_first as boolean | undefined) ?? false,
      norm_first: (o.norm_first as boolean | undefined) ?? false,
    };
    const eps = layerOpts.layer_norm_eps as number;
    if (o.custom_encoder !== undefined && o.custom_encoder !== null) this.encoder = o.custom_encoder as Module;
    else this.encoder = new TransformerEncoder(new TransformerEncoderLayer(dm, nh, layerOpts), (o.num_encoder_layers as number | undefined) ?? 6, new LayerNorm(dm, { eps }));
    if (o.custom_decoder !== undefined && o.custom_decoder !== null) this.decoder = o.custom_decoder as Module;
    else this.decoder = new TransformerDecoder(new TransformerDecoderLayer(dm, nh, layerOpts), (o.num_decoder_layers as number | undefined) ?? 6, new LayerNorm(dm, { eps }));
    this._reset_parameters();
    this.d_model = dm;
    this.nhead = nh;
    this.batch_first = layerOpts.batch_first as boolean;
  }

  forward(src: Tensor, tgt: Tensor, masks: TransformerMasks = {}): Tensor {
    const o = parseArgs("Transformer.forward", [masks], ["src_mask", "tgt_mask", "memory_mask", "src_key_padding_mask", "tgt_key_padding_mask", "memory_key_padding_mask"]);
    const g = (k: string): Tensor | null => (o[k] as Tensor | null | undefined) ?? null;
    const batched = src.dim() === 3;
    if (batched && src.shape[this.batch_first ? 0 : 1] !== tgt.shape[this.batch_first ? 0 : 1]) {
      throw new RuntimeError(`Transformer.forward: the batch number of src and tgt must be equal (src [${src.shape.join(", ")}], tgt [${tgt.shape.join(", ")}], batch_first=${this.batch_first ? "True" : "False"})`);
    }
    if (src.shape[src.dim() - 1] !== this.d_model || tgt.shape[tgt.dim() - 1] !== this.d_model) {
      throw new RuntimeError(`Transformer.forward: the feature number of src and tgt must be equal to d_model (${this.d_model}), got src [${src.shape.join(", ")}], tgt [${tgt.shape.join(", ")}]`);
    }
    const memory = callModule(this.encoder, src, { mask: g("src_mask"), src_key_padding_mask: g("src_key_padding_mask") });
    return callModule(this.decoder, tgt, memory, {
      tgt_mask: g("tgt_mask"), memory_mask: g("memory_mask"), tgt_key_padding_mask: g("tgt_key_padding_mask"), memory_key_padding_mask: g("memory_key_padding_mask"),
    });
  }

  /**
   * A causal mask for a sequence of length `sz`: -inf above the diagonal (position i may not attend
   * to j > i), 0 elsewhere.
   */
  static generate_square_subsequent_mask(sz: number): Tensor {
    if (typeof sz !== "number" || !Number.isInteger(sz) || sz < 0) throw new ValueError(`generate_square_subsequent_mask(): sz must be a non-negative integer, got ${String(sz)}`);
    return full([sz, sz], -Infinity).triu(1);
  }

  _reset_parameters(): void {
    for (const p of this.parameters()) if (p.dim() > 1) init.xavier_uniform_(p);
  }
}
