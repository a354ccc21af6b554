/** F.multi_head_attention_forward: the computation behind nn.MultiheadAttention (PyTorch 1.13). */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { zeros } from "../../ops/creation";
import { cat } from "../../ops/movement";
import { bmm } from "../../ops/linalg";
import { RuntimeError, TypeError, ValueError } from "../../errors";
import { linear } from "./linear";
import { softmax } from "./activation";
import { dropout } from "./dropout";
import { pad } from "./vision";

/** Keyword arguments of F.multi_head_attention_forward after the positional ones PyTorch has. */
export interface MultiHeadAttentionOptions {
  training?: boolean;
  key_padding_mask?: Tensor | null;
  need_weights?: boolean;
  attn_mask?: Tensor | null;
  use_separate_proj_weight?: boolean;
  q_proj_weight?: Tensor | null;
  k_proj_weight?: Tensor | null;
  v_proj_weight?: Tensor | null;
  static_k?: Tensor | null;
  static_v?: Tensor | null;
  average_attn_weights?: boolean;
}

const fmt = (s: readonly number[]): string => `[${s.join(", ")}]`;
const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** PyTorch's `_mha_shape_check`: whether the call is batched, with its messages. */
function shapeCheck(query: Tensor, key: Tensor, value: Tensor, kpm: Tensor | null, mask: Tensor | null, num_heads: number): boolean {
  if (query.dim() === 3) {
    if (key.dim() !== 3 || value.dim() !== 3) {
      throw new RuntimeError(`multi_head_attention_forward: for batched (3-D) \`query\`, expected \`key\` and \`value\` to be 3-D but found ${key.dim()}-D and ${value.dim()}-D tensors respectively`);
    }
    if (kpm !== null && kpm.dim() !== 2) {
      throw new RuntimeError(`multi_head_attention_forward: for batched (3-D) \`query\`, expected \`key_padding_mask\` to be \`None\` or 2-D but found ${kpm.dim()}-D tensor instead`);
    }
    if (mask !== null && mask.dim() !== 2 && mask.dim() !== 3) {
      throw new RuntimeError(`multi_head_attention_forward: for batched (3-D) \`query\`, expected \`attn_mask\` to be \`None\`, 2-D or 3-D but found ${mask.dim()}-D tensor instead`);
    }
    return true;
  }
  if (query.dim() === 2) {
    if (key.dim() !== 2 || value.dim() !== 2) {
      throw new RuntimeError(`multi_head_attention_forward: for unbatched (2-D) \`query\`, expected \`key\` and \`value\` to be 2-D but found ${key.dim()}-D and ${value.dim()}-D tensors respectively`);
    }
    if (kpm !== null && kpm.dim() !== 1) {
      throw new RuntimeError(`multi_head_attention_forward: for unbatched (2-D) \`query\`, expected \`key_padding_mask\` to be \`None\` or 1-D but found ${kpm.dim()}-D tensor instead`);
    }
    if (mask !== null) {
      if (mask.dim() !== 2 && mask.dim() !== 3) {
        throw new RuntimeError(`multi_head_attention_forward: for unbatched (2-D) \`query\`, expected \`attn_mask\` to be \`None\`, 2-D or 3-D but found ${mask.dim()}-D tensor instead`);
      }
      const want = [num_heads, query.shape[0], key.shape[0]];
      if (mask.dim() === 3 && !sameShape(mask.shape, want)) {
        throw new RuntimeError(`multi_head_attention_forward: expected \`attn_mask\` shape to be ${fmt(want)} but got ${fmt(mask.shape)}`);
      }
    }
    return false;
  }
  throw new RuntimeError(`multi_head_attention_forward: query should be unbatched 2D or batched 3D tensor but received ${query.dim()}-D query tensor of shape ${fmt(query.shape)}`);
}

function checkTensor(name: string, t: unknown, optional: boolean): Tensor | null {
  if ((t === null || t === undefined) && optional) return null;
  if (!(t instanceof Tensor)) throw new TypeError(`multi_head_attention_forward(): argument '${name}' must be Tensor, not ${t === null ? "null" : typeof t}`);
  return t;
}

/**
 * Multi-head scaled dot-product attention with input and output projections, as
 * `torch.nn.functional.multi_head_attention_forward` (PyTorch 1.13), sequence-first layout.
 *
 * Args:
 *   query [L, N, E] (or [L, E] unbatched), key [S, N, kdim], value [S, N, vdim].
 *   embed_dim_to_check, num_heads: E and the number of heads (E must divide evenly).
 *   in_proj_weight [3E, E] / in_proj_bias [3E]: the packed q, k, v projections.
 *   bias_k, bias_v [1, 1, E]: extra key/value rows appended to the sequence (or null).
 *   add_zero_attn: append a row of zeros to k and v.
 *   dropout_p: dropout on the attention weights while `training`.
 *   out_proj_weight [E, E], out_proj_bias [E].
 *   options: training, key_padding_mask [N, S] (true or -inf masks a key; a float mask is added),
 *     need_weights, attn_mask [L, S] or [N*num_heads, L, S] (bool: true masks; float: added),
 *     use_separate_proj_weight with q/k/v_proj_weight, static_k/static_v, average_attn_weights.
 *
 * Returns [attn_output [L, N, E], attn_weights [N, L, S] (averaged) or [N, heads, L, S], or null].
 */
export function multi_head_attention_forward(
  query: Tensor,
  key: Tensor,
  value: Tensor,
  embed_dim_to_check: number,
  num_heads: number,
  in_proj_weight: Tensor | null,
  in_proj_bias: Tensor | null,
  bias_k: Tensor | null,
  bias_v: Tensor | null,
  add_zero_attn: boolean,
  dropout_p: number,
  out_proj_weight: Tensor,
  out_proj_bias: Tensor | null,
  options: MultiHeadAttentionOptions = {},
): [Tensor, Tensor | null] {
  const o = parseArgs("multi_head_attention_forward", [options], [
    "training", "key_padding_mask", "need_weights", "attn_mask", "use_separate_proj_weight", "q_proj_weight",
    "k_proj_weight", "v_proj_weight", "static_k", "static_v", "average_attn_weights",
  ]);
  checkTensor("query", query, false);
  checkTensor("key", key, false);
  checkTensor("value", value, false);
  const training = (o.training as boolean | undefined) ?? true;
  const need_weights = (o.need_weights as boolean | undefined) ?? true;
  const average = (o.average_attn_weights as boolean | undefined) ?? true;
  const separate = (o.use_separate_proj_weight as boolean | undefined) ?? false;
  let kpm = checkTensor("key_padding_mask", o.key_padding_mask, true);
  let mask = checkTensor("attn_mask", o.attn_mask, true);
  const static_k = checkTensor("static_k", o.static_k, true);
  const static_v = checkTensor("static_v", o.static_v, true);

  const batched = shapeCheck(query, key, value, kpm, mask, num_heads);
  if (!batched) {
    query = query.unsqueeze(1);
    key = key.unsqueeze(1);
    value = value.unsqueeze(1);
    if (kpm !== null) kpm = kpm.unsqueeze(0);
  }
  const [tgt_len, bsz, embed_dim] = query.shape;
  if (embed_dim !== embed_dim_to_check) {
    throw new RuntimeError(`multi_head_attention_forward: was expecting embedding dimension of ${embed_dim_to_check}, but got ${embed_dim} (query of shape ${fmt(query.shape)})`);
  }
  const head_dim = Math.floor(embed_dim / num_heads);
  if (head_dim * num_heads !== embed_dim) throw new ValueError(`multi_head_attention_forward: embed_dim ${embed_dim} not divisible by num_heads ${num_heads}`);
  if (separate) {
    if (key.shape[0] !== value.shape[0] || key.shape[1] !== value.shape[1]) {
      throw new RuntimeError(`multi_head_attention_forward: key's sequence and batch dims ${fmt(key.shape.slice(0, 2))} do not match value's ${fmt(value.shape.slice(0, 2))}`);
    }
  } else if (!sameShape(key.shape, value.shape)) {
    throw new RuntimeError(`multi_head_attention_forward: key shape ${fmt(key.shape)} does not match value shape ${fmt(value.shape)}`);
  }
  if (key.shape[1] !== bsz) {
    throw new RuntimeError(`multi_head_attention_forward: query has batch size ${bsz} but key has ${key.shape[1]} (query ${fmt(query.shape)}, key ${fmt(key.shape)})`);
  }

  // In-projection. PyTorch's packed path slices the [3E, E] weight; so do we (same values, same grads).
  let q: Tensor, k: Tensor, v: Tensor;
  const biases = in_proj_bias === null || in_proj_bias === undefined ? [null, null, null] : in_proj_bias.chunk(3);
  if (!separate) {
    const w = checkTensor("in_proj_weight", in_proj_weight, false) as Tensor;
    if (query === key && key === value) {
      [q, k, v] = linear(query, w, in_proj_bias ?? null).chunk(3, -1);
    } else {
      const [wq, wk, wv] = w.chunk(3);
      q = linear(query, wq, biases[0]);
      k = linear(key, wk, biases[1]);
      v = linear(value, wv, biases[2]);
    }
  } else {
    const wq = checkTensor("q_proj_weight", o.q_proj_weight, false) as Tensor;
    const wk = checkTensor("k_proj_weight", o.k_proj_weight, false) as Tensor;
    const wv = checkTensor("v_proj_weight", o.v_proj_weight, false) as Tensor;
    q = linear(query, wq, biases[0]);
    k = linear(key, wk, biases[1]);
    v = linear(value, wv, biases[2]);
  }

  if (mask !== null) {
    if (!(mask.dtype._tf === "bool" || mask.dtype._tf === "float32")) {
      throw new RuntimeError(`multi_head_attention_forward: only float, byte, and bool types are supported for attn_mask, not ${mask.dtype}`);
    }
    const src_len0 = key.shape[0];
    if (mask.dim() === 2) {
      if (!sameShape(mask.shape, [tgt_len, src_len0])) {
        throw new RuntimeError(`The shape of the 2D attn_mask is ${fmt(mask.shape)}, but should be ${fmt([tgt_len, src_len0])}.`);
      }
      mask = mask.unsqueeze(0);
    } else if (!sameShape(mask.shape, [bsz * num_heads, tgt_len, src_len0])) {
      throw new RuntimeError(`The shape of the 3D attn_mask is ${fmt(mask.shape)}, but should be ${fmt([bsz * num_heads, tgt_len, src_len0])}.`);
    }
  }
  if (kpm !== null && kpm.dtype._tf !== "bool" && kpm.dtype._tf !== "float32") {
    throw new RuntimeError("multi_head_attention_forward: only bool and floating types of key_padding_mask are supported");
  }

  if (bias_k !== null && bias_k !== undefined && bias_v !== null && bias_v !== undefined) {
    if (static_k !== null) throw new RuntimeError("multi_head_attention_forward: bias cannot be added to static key.");
    if (static_v !== null) throw new RuntimeError("multi_head_attention_forward: bias cannot be added to static value.");
    k = cat([k, bias_k.repeat(1, bsz, 1)]);
    v = cat([v, bias_v.repeat(1, bsz, 1)]);
    if (mask !== null) mask = pad(mask, [0, 1]);
    if (kpm !== null) kpm = pad(kpm, [0, 1]);
  } else if ((bias_k ?? null) !== null || (bias_v ?? null) !== null) {
    throw new RuntimeError("multi_head_attention_forward: bias_k and bias_v must both be given or both be None");
  }

  q = q.reshape(tgt_len, bsz * num_heads, head_dim).transpose(0, 1);
  if (static_k === null) k = k.reshape(k.shape[0], bsz * num_heads, head_dim).transpose(0, 1);
  else {
    if (static_k.shape[0] !== bsz * num_heads || static_k.shape[2] !== head_dim) {
      throw new RuntimeError(`multi_head_attention_forward: expecting static_k of shape [${bsz * num_heads}, *, ${head_dim}], but got ${fmt(static_k.shape)}`);
    }
    k = static_k;
  }
  if (static_v === null) v = v.reshape(v.shape[0], bsz * num_heads, head_dim).transpose(0, 1);
  else {
    if (static_v.shape[0] !== bsz * num_heads || static_v.shape[2] !== head_dim) {
      throw new RuntimeError(`multi_head_attention_forward: expecting static_v of shape [${bsz * num_heads}, *, ${head_dim}], but got ${fmt(static_v.shape)}`);
    }
    v = static_v;
  }

  if (add_zero_attn) {
    k = cat([k, zeros([bsz * num_heads, 1, head_dim])], 1);
    v = cat([v, zeros([bsz * num_heads, 1, head_dim])], 1);
    if (mask !== null) mask = pad(mask, [0, 1]);
    if (kpm !== null) kpm = pad(kpm, [0, 1]);
  }
  const src_len = k.shape[1];

  if (kpm !== null) {
    if (!sameShape(kpm.shape, [bsz, src_len])) {
      throw new RuntimeError(`multi_head_attention_forward: expecting key_padding_mask shape of ${fmt([bsz, src_len])}, but got ${fmt(kpm.shape)}`);
    }
    const km = kpm.reshape(bsz, 1, 1, src_len).expand(-1, num_heads, -1, -1).reshape(bsz * num_heads, 1, src_len);
    if (mask === null) mask = km;
    else if (mask.dtype._tf === "bool" && km.dtype._tf === "bool") mask = mask.logical_or(km);
    else if (km.dtype._tf === "bool") mask = mask.masked_fill(km, -Infinity);
    // PyTorch 1.13 ORs a float padding mask into a bool attn_mask: any nonzero entry masks fully
    else if (mask.dtype._tf === "bool") mask = mask.logical_or(km.ne(0));
    else mask = mask.add(km);
  }
  if (mask !== null && mask.dtype._tf === "bool") mask = zeros(mask.shape).masked_fill(mask, -Infinity);
  const p = training ? dropout_p : 0;

  // scaled dot-product attention, q scaled before the product as in PyTorch
  q = q.div(Math.sqrt(head_dim));
  let scores = bmm(q, k.transpose(-2, -1));
  if (mask !== null) scores = scores.add(mask);
  let weights = softmax(scores, -1);
  if (p > 0) weights = dropout(weights, p);
  let out = bmm(weights, v);
  out = out.transpose(0, 1).reshape(tgt_len * bsz, embed_dim);
  out = linear(out, out_proj_weight, out_proj_bias ?? null).reshape(tgt_len, bsz, -1);

  if (!batched) out = out.squeeze(1);
  if (!need_weights) return [out, null];
  let w = weights.reshape(bsz, num_heads, tgt_len, src_len);
  if (average) w = w.sum(1).div(num_heads);
  if (!batched) w = w.squeeze(0);
  return [out, w];
}
