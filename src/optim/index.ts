/**
 * torch.optim: optimizers (SGD, Adam, AdamW, RMSprop, LBFGS, ...) and learning-rate schedulers
 * (`torch.optim.lr_scheduler`). Parameters are updated in place, so the tensors registered in a
 * module stay the same objects across steps.
 */
export { Optimizer, required } from "./optimizer";
export type { OptimizerDefaults, ParamGroup, ParamGroupInput, ParamsArg, ParamState, StateValue, OptimizerStateDict, Closure } from "./optimizer";
export { SGD } from "./sgd";
export type { SGDOptions } from "./sgd";
export { Adam, AdamW } from "./adam";
export type { AdamOptions } from "./adam";
export { RMSprop } from "./rmsprop";
export { Adagrad } from "./adagrad";
export type { AdagradOptions } from "./adagrad";
export { Adadelta, Adamax, NAdam, RAdam } from "./more";
export type { AdadeltaOptions, AdamaxOptions, NAdamOptions, RAdamOptions } from "./more";
export type { RMSpropOptions } from "./rmsprop";
export { LBFGS } from "./lbfgs";
export { Rprop } from "./rprop";
export type { RpropOptions } from "./rprop";
export { ASGD } from "./asgd";
export type { ASGDOptions } from "./asgd";
export type { LBFGSOptions } from "./lbfgs";
export * as lr_scheduler from "./lr_scheduler";
