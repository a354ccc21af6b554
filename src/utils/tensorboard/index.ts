/** torch.utils.tensorboard: SummaryWriter, writing TensorBoard event files. */
export { SummaryWriter } from "./writer";
