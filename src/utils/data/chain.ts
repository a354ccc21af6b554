/**
 * torch.utils.data.ChainDataset and get_worker_info.
 */
import { IterableDataset } from "./dataset";
import { TypeError } from "../../errors";

/**
 * Chains iterable-style datasets: iterating yields every sample of the first, then of the second, ...
 * (lazily, so each may be a stream).
 * @example const ds = new ChainDataset([streamA, streamB]);
 */
export class ChainDataset<T> extends IterableDataset<T> {
  readonly datasets: IterableDataset<T>[];

  constructor(datasets: Iterable<IterableDataset<T>>) {
    super();
    this.datasets = Array.from(datasets);
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const d of this.datasets) {
      // PyTorch asserts this (an AssertionError) when iteration reaches the dataset.
      if (!(d instanceof IterableDataset)) throw new TypeError("ChainDataset only supports IterableDataset");
      yield* { [Symbol.iterator]: () => d[Symbol.iterator]() };
    }
  }
}

/** What PyTorch's get_worker_info() describes inside a DataLoader worker process. */
export interface WorkerInfo {
  id: number;
  num_workers: number;
  seed: number;
  dataset: unknown;
}

/**
 * Information about the current DataLoader worker: always `null` here, as in PyTorch's main process,
 * because torchlab's DataLoader loads every batch in the calling process (`num_workers` is accepted
 * and ignored). An IterableDataset that splits its stream by worker therefore yields it whole, once,
 * which is what PyTorch's split across workers adds up to.
 */
export function get_worker_info(): WorkerInfo | null {
  return null;
}
