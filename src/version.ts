/**
 * Version strings. torchlab follows PyTorch 1.13 and torchvision 0.14 (their names, results and errors,
 * checked against them in test/reference/); `torch.__version__` says so in PyTorch's own format, with
 * torchlab's release as PEP 440's local label, the place where PyTorch writes its build (`1.13.1+cu117`):
 * code that parses the version (`packaging.version`, a check for `>= 1.13`) reads the PyTorch release,
 * and a reader sees that this is not PyTorch itself.
 */

/** torchlab's own release: package.json's `version` (test/builtins.test.ts keeps them equal). */
export const TORCHLAB_VERSION = "0.1.0";

/** `torch.__version__`: "1.13.0+torchlab.0.1.0". */
export const TORCH_VERSION = `1.13.0+torchlab.${TORCHLAB_VERSION}`;

/** `torchvision.__version__`: "0.14.0+torchlab.0.1.0". */
export const TORCHVISION_VERSION = `0.14.0+torchlab.${TORCHLAB_VERSION}`;
