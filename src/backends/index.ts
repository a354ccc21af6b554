/**
 * torch.backends: what PyTorch's device-selection lines ask about, answered for this library's
 * backends (tfjs: CUDA through tfjs-node-gpu, native CPU, wasm, pure JS).
 *
 * @example
 * const device = torch.cuda.is_available() ? "cuda" : torch.backends.mps.is_available() ? "mps" : "cpu";
 */
import { cudaAvailable } from "../backend";

/**
 * torch.backends.mps (Apple's Metal): never built here, since no tfjs backend targets Metal from
 * Node, so the usual `mps.is_available() ? "mps" : "cpu"` picks the CPU.
 */
export const mps = {
  is_available: (): boolean => false,
  is_built: (): boolean => false,
};

/**
 * torch.backends.cudnn. cuDNN is used exactly when the CUDA backend is active (TensorFlow's GPU
 * kernels call it). The flags are kept as PyTorch keeps them, so that a tutorial's
 * `torch.backends.cudnn.benchmark = true` runs, but they do not change results here: TensorFlow
 * chooses its convolution algorithms itself, and the CPU, wasm and JS backends are deterministic.
 */
export const cudnn: {
  /** Whether cuDNN may be used (default true). */
  enabled: boolean;
  /** Let cuDNN benchmark convolution algorithms (default false). */
  benchmark: boolean;
  /** Only deterministic algorithms (default false). */
  deterministic: boolean;
  /** Whether cuDNN is usable: true only on the CUDA backend. */
  is_available(): boolean;
} = {
  enabled: true,
  benchmark: false,
  deterministic: false,
  is_available: (): boolean => cudaAvailable(),
};
