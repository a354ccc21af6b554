/**
 * torch.sparse: the functions PyTorch keeps in that namespace for sparse COO tensors
 * (the tensor type itself is src/tensor/sparse.ts).
 */
export { sparse_mm as mm, sparse_sum as sum, sparse_softmax as softmax } from "../tensor/sparse";
