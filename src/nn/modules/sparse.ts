/** Embedding: a lookup table of learnable vectors; EmbeddingBag: the sums, means or maxima of bags of them. */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { Module, _float_repr } from "./module";
import { Parameter } from "../parameter";
import { empty, arange } from "../../ops/creation";
import { no_grad } from "../../autograd/grad_mode";
import * as init from "../init";
import { embedding, refuseUnsupported } from "../functional/normalization";
import { embedding_bag } from "../functional/sparse";
import type { EmbeddingBagMode } from "../functional/sparse";
import { checkFeatures } from "./linear";
import { TypeError, ValueError } from "../../errors";

/** The options object of a constructor called with every argument by keyword. */
type EmbeddingSizes<O> = O & { num_embeddings: number; embedding_dim: number };
type EmbeddingOpts = { padding_idx?: number | null; max_norm?: number | null; norm_type?: number; scale_grad_by_freq?: boolean; sparse?: boolean; _weight?: Tensor | null };

/**
 * What Embedding's and EmbeddingBag's constructors share: the sizes checked, the options torchlab lacks
 * refused, padding_idx bounded and made non-negative (`padName` spells it as PyTorch's message for that
 * class does), and the table: `_weight` when given, else N(0, 1) with the padding row zeroed.
 */
function table(cls: string, padName: string, o: Record<string, unknown>, num_embeddings: number, embedding_dim: number): [number, number, number | null, Parameter] {
  checkFeatures(cls, "num_embeddings", num_embeddings);
  checkFeatures(cls, "embedding_dim", embedding_dim);
  refuseUnsupported(cls, o);
  const maxNorm = o.max_norm;
  if (maxNorm !== undefined && maxNorm !== null && typeof maxNorm !== "number") throw new TypeError(`${cls}(): max_norm must be a number or None, not ${typeof maxNorm}`);
  let pad = (o.padding_idx as number | null | undefined) ?? null;
  if (pad !== null) {
    if (pad >= num_embeddings || pad < -num_embeddings) throw new ValueError(`${padName} must be within num_embeddings`);
    if (pad < 0) pad += num_embeddings;
  }
  const w = o._weight as Tensor | null | undefined;
  if (w !== undefined && w !== null) {
    if (w.shape.join(",") !== `${num_embeddings},${embedding_dim}`) throw new ValueError("Shape of weight does not match num_embeddings and embedding_dim");
    return [num_embeddings, embedding_dim, pad, new Parameter(w)];
  }
  const weight = new Parameter(empty([num_embeddings, embedding_dim]));
  resetTable(weight, pad);
  return [num_embeddings, embedding_dim, pad, weight];
}

function resetTable(weight: Parameter, padding_idx: number | null): void {
  init.normal_(weight);
  if (padding_idx !== null) {
    // fill, not a product with a 0/1 mask: PyTorch's padding row is +0 where N(0, 1) drew a negative.
    const padRow = arange(weight.shape[0]).eq(padding_idx).unsqueeze(1);
    no_grad(() => weight.masked_fill_(padRow, 0));
  }
}

/** `, max_norm=1.0` / `, norm_type=1.0` where they are not the defaults, as PyTorch's extra_repr writes them. */
function normRepr(maxNorm: number | null, normType: number): string {
  return `${maxNorm !== null ? `, max_norm=${_float_repr(maxNorm)}` : ""}${normType !== 2 ? `, norm_type=${_float_repr(normType)}` : ""}`;
}

/** The 2-D check from_pretrained makes (PyTorch asserts it). */
function checkPretrained(embeddings: Tensor): void {
  if (!(embeddings instanceof Tensor) || embeddings.dim() !== 2) {
    throw new ValueError(`Embeddings parameter is expected to be 2-dimensional, got ${embeddings instanceof Tensor ? `shape [${embeddings.shape.join(", ")}]` : String(embeddings)}`);
  }
}

/**
 * A table of `num_embeddings` vectors of size `embedding_dim`, looked up by integer index.
 *
 * Args:
 *   num_embeddings: size of the table.
 *   embedding_dim: size of each vector.
 *   padding_idx: a row initialised to zeros that receives no gradient.
 *
 * Shape: input [*] (integers) -> output [*, embedding_dim]. Weight initialised from N(0, 1).
 *
 * @example
 * const emb = new nn.Embedding(10, 3);
 * emb(torch.tensor([[1, 2], [4, 5]])).shape  // [2, 2, 3]
 */
export class Embedding extends Module {
  num_embeddings: number;
  embedding_dim: number;
  padding_idx: number | null;
  max_norm: number | null;
  norm_type: number;
  weight: Parameter;

  /** The sizes may come by keyword too: `new nn.Embedding({num_embeddings: 20, embedding_dim: 4})`. */
  constructor(num_embeddings: number | EmbeddingSizes<EmbeddingOpts>, embedding_dim?: number | EmbeddingOpts, options?: EmbeddingOpts) {
    super();
    const o = parseArgs("Embedding", [num_embeddings, embedding_dim, options], ["num_embeddings", "embedding_dim", "padding_idx", "max_norm", "norm_type", "scale_grad_by_freq", "sparse", "_weight", "device", "dtype"]);
    [this.num_embeddings, this.embedding_dim, this.padding_idx, this.weight] = table("Embedding", "Padding_idx", o, o.num_embeddings as number, o.embedding_dim as number);
    this.max_norm = (o.max_norm as number | null | undefined) ?? null;
    this.norm_type = (o.norm_type as number | undefined) ?? 2;
  }

  /**
   * An Embedding whose table is `embeddings` ([num_embeddings, embedding_dim]), frozen unless
   * `freeze` is false.
   * @example nn.Embedding.from_pretrained(torch.tensor([[1, 2.3, 3], [4, 5.1, 6.3]]))(torch.tensor([1]))
   */
  static from_pretrained(embeddings: Tensor, options: { freeze?: boolean; padding_idx?: number | null; max_norm?: number | null; norm_type?: number; scale_grad_by_freq?: boolean; sparse?: boolean } = {}): Embedding {
    const o = parseArgs("Embedding.from_pretrained", [options], ["freeze", "padding_idx", "max_norm", "norm_type", "scale_grad_by_freq", "sparse"]);
    checkPretrained(embeddings);
    const { freeze, ...rest } = o;
    const emb = new Embedding(embeddings.shape[0], embeddings.shape[1], { ...rest, _weight: embeddings } as EmbeddingOpts);
    emb.weight.requires_grad = freeze === undefined ? false : !freeze;
    return emb;
  }

  reset_parameters(): void {
    resetTable(this.weight, this.padding_idx);
  }

  forward(input: Tensor): Tensor {
    return embedding(input, this.weight, { padding_idx: this.padding_idx, max_norm: this.max_norm, norm_type: this.norm_type });
  }

  extra_repr(): string {
    return `${this.num_embeddings}, ${this.embedding_dim}${this.padding_idx !== null ? `, padding_idx=${this.padding_idx}` : ""}${normRepr(this.max_norm, this.norm_type)}`;
  }
}

type EmbeddingBagOpts = {
  max_norm?: number | null; norm_type?: number; scale_grad_by_freq?: boolean; mode?: EmbeddingBagMode; sparse?: boolean;
  _weight?: Tensor | null; include_last_offset?: boolean; padding_idx?: number | null;
};

/**
 * A table of `num_embeddings` vectors of size `embedding_dim` whose forward returns, per bag of
 * indices, the sum, mean (default) or max of the bag's vectors (F.embedding_bag).
 *
 * Args:
 *   num_embeddings: size of the table.
 *   embedding_dim: size of each vector.
 *   mode: "sum", "mean" or "max".
 *   include_last_offset: offsets has one more entry, the end of the last bag.
 *   padding_idx: a row initialised to zeros, left out of the bags it appears in.
 *
 * Shape: forward(input [B, L]) or forward(input [N], offsets [B]) -> [B, embedding_dim].
 * Weight initialised from N(0, 1).
 *
 * @example
 * const bag = new nn.EmbeddingBag(10, 3, { mode: "sum" });
 * bag(torch.tensor([1, 2, 4, 5, 4, 3, 2, 9]), torch.tensor([0, 4])).shape  // [2, 3]
 */
export class EmbeddingBag extends Module {
  num_embeddings: number;
  embedding_dim: number;
  mode: EmbeddingBagMode;
  include_last_offset: boolean;
  padding_idx: number | null;
  max_norm: number | null;
  norm_type: number;
  weight: Parameter;

  constructor(num_embeddings: number | EmbeddingSizes<EmbeddingBagOpts>, embedding_dim?: number | EmbeddingBagOpts, options?: EmbeddingBagOpts) {
    super();
    const o = parseArgs("EmbeddingBag", [num_embeddings, embedding_dim, options], ["num_embeddings", "embedding_dim", "max_norm", "norm_type", "scale_grad_by_freq", "mode", "sparse", "_weight", "include_last_offset", "padding_idx", "device", "dtype"]);
    [this.num_embeddings, this.embedding_dim, this.padding_idx, this.weight] = table("EmbeddingBag", "padding_idx", o, o.num_embeddings as number, o.embedding_dim as number);
    const mode = (o.mode as string | undefined) ?? "mean";
    if (mode !== "sum" && mode !== "mean" && mode !== "max") throw new ValueError("mode has to be one of sum, mean or max");
    this.mode = mode;
    this.include_last_offset = (o.include_last_offset as boolean | undefined) ?? false;
    this.max_norm = (o.max_norm as number | null | undefined) ?? null;
    this.norm_type = (o.norm_type as number | undefined) ?? 2;
  }

  reset_parameters(): void {
    resetTable(this.weight, this.padding_idx);
  }

  /**
   * An EmbeddingBag whose table is `embeddings` ([num_embeddings, embedding_dim]), frozen unless
   * `freeze` is false.
   * @example nn.EmbeddingBag.from_pretrained(torch.tensor([[1, 2.3, 3], [4, 5.1, 6.3]]))(torch.tensor([[1, 0]]))
   */
  static from_pretrained(embeddings: Tensor, options: {
    freeze?: boolean; max_norm?: number | null; norm_type?: number; scale_grad_by_freq?: boolean; mode?: EmbeddingBagMode;
    sparse?: boolean; include_last_offset?: boolean; padding_idx?: number | null;
  } = {}): EmbeddingBag {
    const o = parseArgs("EmbeddingBag.from_pretrained", [options], ["freeze", "max_norm", "norm_type", "scale_grad_by_freq", "mode", "sparse", "include_last_offset", "padding_idx"]);
    checkPretrained(embeddings);
    const { freeze, ...rest } = o;
    const bag = new EmbeddingBag(embeddings.shape[0], embeddings.shape[1], { ...rest, _weight: embeddings } as EmbeddingBagOpts);
    bag.weight.requires_grad = freeze === undefined ? false : !freeze;
    return bag;
  }

  forward(input: Tensor, offsets: Tensor | null = null, per_sample_weights: Tensor | null = null): Tensor {
    return embedding_bag(input, this.weight, offsets, {
      mode: this.mode, per_sample_weights, include_last_offset: this.include_last_offset, padding_idx: this.padding_idx,
      max_norm: this.max_norm, norm_type: this.norm_type,
    });
  }

  extra_repr(): string {
    return `${this.num_embeddings}, ${this.embedding_dim}${normRepr(this.max_norm, this.norm_type)}, mode=${this.mode}${this.padding_idx !== null ? `, padding_idx=${this.padding_idx}` : ""}`;
  }
}
