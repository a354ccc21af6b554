/**
 * torchvision: transforms, datasets, io (read/write images, `Image`), utils (make_grid, save_image), ops (boxes, nms).
 */
export * as transforms from "./transforms";
export * as io from "./io";
export * as utils from "./utils";
export * as datasets from "./datasets";
export * as models from "./models";
export * as ops from "./ops";
/** torchvision.__version__: torchvision's release that torchlab follows, with torchlab's as the local label (src/version.ts). */
export { TORCHVISION_VERSION as __version__ } from "../version";
