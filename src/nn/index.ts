/**
 * torch.nn: Module and Parameter, the layers, the containers, the losses, plus `nn.functional`
 * and `nn.init`.
 */
export { Parameter } from "./parameter";
export { Module, RemovableHandle } from "./modules/module";
export type { ForwardArgs, ForwardResult, ForwardHook, ForwardPreHook, IncompatibleKeys, DeviceLike, ModuleItem } from "./modules/module";
export { Sequential, ModuleList, ModuleDict } from "./modules/container";
export { ParameterList, ParameterDict } from "./modules/container_params";
export { Identity, Linear, Bilinear } from "./modules/linear";
export type { LinearOptions } from "./modules/linear";
export { ReLU, ReLU6, Hardtanh, LeakyReLU, ELU, Sigmoid, Tanh, LogSigmoid, GELU, SiLU, Softplus, Softmax, Softmax2d, LogSoftmax, Softmin } from "./modules/activation";
export { Dropout, Dropout1d, Dropout2d, AlphaDropout } from "./modules/dropout";
export { Flatten, Unflatten } from "./modules/flatten";
export { DataParallel } from "./modules/data_parallel";
export type { DataParallelOptions } from "./modules/data_parallel";
export { Embedding, EmbeddingBag } from "./modules/sparse";
export { LayerNorm } from "./modules/normalization";
export { CrossEntropyLoss, NLLLoss, MSELoss, L1Loss, SmoothL1Loss, HuberLoss, BCELoss, BCEWithLogitsLoss, KLDivLoss } from "./modules/loss";
export type { Reduction } from "./functional/loss";
export * from "./modules/conv";
export * from "./modules/pooling";
export * from "./modules/batchnorm";
export * from "./modules/upsampling";
export * from "./modules/padding";
export { LPPool1d, LPPool2d, MaxUnpool1d, MaxUnpool2d } from "./modules/pool_extra";
export { ConvTranspose1d } from "./modules/conv_transpose1d";
export { MaxPool3d, AvgPool3d, AdaptiveAvgPool3d, AdaptiveMaxPool3d } from "./modules/pooling3d";
export type { MaxPool3dOptions, AvgPool3dOptions } from "./modules/pooling3d";
// rnn
export { RNNBase, RNN, LSTM, GRU, RNNCellBase, RNNCell, LSTMCell, GRUCell } from "./modules/rnn";
export type { RNNMode, RNNOptions, LSTMOptions, GRUOptions, RNNCellOptions, LSTMCellOptions, GRUCellOptions } from "./modules/rnn";
export { Conv1d } from "./modules/conv1d";
export type { Conv1dOptions } from "./modules/conv1d";
export { Conv3d } from "./modules/conv3d";
export type { Conv3dOptions } from "./modules/conv3d";
export { MaxPool1d, AvgPool1d, AdaptiveAvgPool1d, AdaptiveMaxPool1d } from "./modules/pooling1d";
export type { MaxPool1dOptions, AvgPool1dOptions } from "./modules/pooling1d";
// end rnn
export * as functional from "./functional";
export * as init from "./init";
export * as utils from "./utils";
// modules2
export { MultiheadAttention, TransformerEncoderLayer, TransformerEncoder, TransformerDecoderLayer, TransformerDecoder, Transformer } from "./modules/transformer";
export type { MultiheadAttentionOptions, MultiheadAttentionForwardOptions, MultiheadAttentionCall, TransformerLayerOptions, TransformerActivation, TransformerOptions, TransformerMasks, DecoderMasks } from "./modules/transformer";
export { GroupNorm, InstanceNorm1d, InstanceNorm2d, LocalResponseNorm } from "./modules/normalization2";
export type { GroupNormOptions, InstanceNormOptions } from "./modules/normalization2";
export { PReLU, RReLU, Hardswish, Hardsigmoid, Mish, Softsign, Tanhshrink, Softshrink, Hardshrink, Threshold, GLU, CELU, SELU } from "./modules/activation2";
export { PixelShuffle, PixelUnshuffle, ChannelShuffle, Unfold, Fold, CosineSimilarity, PairwiseDistance } from "./modules/vision2";
export { MarginRankingLoss, HingeEmbeddingLoss, SoftMarginLoss, MultiLabelSoftMarginLoss, CosineEmbeddingLoss, TripletMarginLoss, TripletMarginWithDistanceLoss, MultiLabelMarginLoss, MultiMarginLoss, PoissonNLLLoss, GaussianNLLLoss, CTCLoss } from "./modules/loss2";
export { LazyLinear, LazyConv1d, LazyConv2d, LazyConvTranspose2d, LazyBatchNorm1d, LazyBatchNorm2d, UninitializedParameter, UninitializedBuffer } from "./modules/lazy";
