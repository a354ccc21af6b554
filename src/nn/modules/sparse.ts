/** Embedding: a lookup table of learnable vectors. */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { Module } from "./module";
import { Parameter } from "../parameter";
import { empty, arange } from "../../ops/creation";
import { no_grad } from "../../autograd/grad_mode";
import * as init from "../init";
import { embedding } from "../functional/normalization";
import { checkFeatures } from "./linear";
import { ValueError, NotImplementedError } from "../../errors";

type EmbeddingOpts = { padding_idx?: number | null; max_norm?: number | null; norm_type?: number; scale_grad_by_freq?: boolean; sparse?: boolean; _weight?: Tensor | null };

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
  weight: Parameter;

  constructor(num_embeddings: number, embedding_dim: number, options: EmbeddingOpts = {}) {
    super();
    const o = parseArgs("Embedding", [options], ["padding_idx", "max_norm", "norm_type", "scale_grad_by_freq", "sparse", "_weight", "device", "dtype"]);
    this.num_embeddings = checkFeatures("Embedding", "num_embeddings", num_embeddings);
    this.embedding_dim = checkFeatures("Embedding", "embedding_dim", embedding_dim);
    for (const k of ["max_norm", "scale_grad_by_freq", "sparse"]) {
      if (o[k] !== undefined && o[k] !== null && o[k] !== false) throw new NotImplementedError(`Embedding(): ${k} is not supported by torchlab`);
    }
    let pad = (o.padding_idx as number | null | undefined) ?? null;
    if (pad !== null) {
      if (pad >= num_embeddings || pad < -num_embeddings) throw new ValueError("Padding_idx must be within num_embeddings");
      if (pad < 0) pad += num_embeddings;
    }
    this.padding_idx = pad;
    const w = o._weight as Tensor | null | undefined;
    if (w !== undefined && w !== null) {
      if (w.shape.join(",") !== `${num_embeddings},${embedding_dim}`) throw new ValueError("Shape of weight does not match num_embeddings and embedding_dim");
      this.weight = new Parameter(w);
    } else {
      this.weight = new Parameter(empty([num_embeddings, embedding_dim]));
      this.reset_parameters();
    }
  }

  /**
   * An Embedding whose table is `embeddings` ([num_embeddings, embedding_dim]), frozen unless
   * `freeze` is false.
   * @example nn.Embedding.from_pretrained(torch.tensor([[1, 2.3, 3], [4, 5.1, 6.3]]))(torch.tensor([1]))
   */
  static from_pretrained(embeddings: Tensor, options: { freeze?: boolean; padding_idx?: number | null; max_norm?: number | null; norm_type?: number; scale_grad_by_freq?: boolean; sparse?: boolean } = {}): Embedding {
    const o = parseArgs("Embedding.from_pretrained", [options], ["freeze", "padding_idx", "max_norm", "norm_type", "scale_grad_by_freq", "sparse"]);
    if (!(embeddings instanceof Tensor) || embeddings.dim() !== 2) {
      throw new ValueError(`Embeddings parameter is expected to be 2-dimensional, got ${embeddings instanceof Tensor ? `shape [${embeddings.shape.join(", ")}]` : String(embeddings)}`);
    }
    const { freeze, ...rest } = o;
    const emb = new Embedding(embeddings.shape[0], embeddings.shape[1], { ...rest, _weight: embeddings } as EmbeddingOpts);
    emb.weight.requires_grad = freeze === undefined ? false : !freeze;
    return emb;
  }

  reset_parameters(): void {
    init.normal_(this.weight);
    if (this.padding_idx !== null) {
      const rowMask = arange(this.num_embeddings).ne(this.padding_idx).float().unsqueeze(1);
      no_grad(() => this.weight.mul_(rowMask));
    }
  }

  forward(input: Tensor): Tensor {
    return embedding(input, this.weight, this.padding_idx);
  }

  extra_repr(): string {
    return `${this.num_embeddings}, ${this.embedding_dim}${this.padding_idx !== null ? `, padding_idx=${this.padding_idx}` : ""}`;
  }
}
