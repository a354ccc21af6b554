/** torch.layout: how a tensor stores its elements (`torch.strided`, `torch.sparse_coo`). */
export class Layout {
  /** @internal */
  constructor(readonly name: "strided" | "sparse_coo") {}
  toString(): string {
    return `torch.${this.name}`;
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** Dense tensors. */
export const strided = new Layout("strided");
/** Sparse tensors in coordinate format (src/tensor/sparse.ts). */
export const sparse_coo = new Layout("sparse_coo");
