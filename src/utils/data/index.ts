/**
 * torch.utils.data: datasets, samplers and the DataLoader.
 *
 * A map-style dataset is any object with `getitem(index)` and `len()` (TypeScript's stand-in for
 * Python's `__getitem__`/`__len__`, which are accepted too), or a plain array; subclass `Dataset`
 * to get `length` and iteration for free. An iterable-style dataset subclasses `IterableDataset`
 * and implements `[Symbol.iterator]`.
 *
 * Loop over a DataLoader with `for await (const [x, y] of loader)` in training loops: each batch
 * then starts in a new macrotask, which lets torchlab free the tensors of earlier batches. In the
 * torchlab kernel a plain `for (const [x, y] of loader)` at the top level of a cell does the same,
 * because the kernel makes such loops yield; inside your own functions, use `for await`.
 */
export { Dataset, IterableDataset, TensorDataset, Subset, ConcatDataset, random_split, len } from "./dataset";
export type { MapDataset, PyMapDataset, DatasetLike, SampleOf } from "./dataset";
export { Sampler, SequentialSampler, RandomSampler, SubsetRandomSampler, WeightedRandomSampler, BatchSampler } from "./sampler";
export * as sampler from "./sampler_module";
export { DataLoader } from "./dataloader";
export { ChainDataset, get_worker_info } from "./chain";
export type { WorkerInfo } from "./chain";
export type { DataLoaderOptions, Collated } from "./dataloader";
export { default_collate, default_convert } from "./collate";
export type { Collatable } from "./collate";
