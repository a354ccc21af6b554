/**
 * torchvision: transforms, datasets, io (read/write images, `Image`), utils (make_grid, save_image), ops (boxes, nms).
 */
export * as transforms from "./transforms";
export * as io from "./io";
export * as utils from "./utils";
export * as datasets from "./datasets";
export * as models from "./models";
export * as ops from "./ops";
