/** torch.utils: data (Dataset, DataLoader, ...), tensorboard (SummaryWriter), checkpoint. */
export * as data from "./data";
export * as tensorboard from "./tensorboard";
export * as checkpoint from "./checkpoint";
