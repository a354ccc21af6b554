/**
 * torch.utils.data.sampler, the module: `from torch.utils.data import sampler` then
 * `sampler.SubsetRandomSampler(range(n))` (CS231n's notebooks write it so). The same classes as
 * torch.utils.data's own names.
 */
export { Sampler, SequentialSampler, RandomSampler, SubsetRandomSampler, WeightedRandomSampler, BatchSampler } from "./sampler";
