/** torchvision.ops: box utilities, non-maximum suppression, the focal loss, roi_align and roi_pool. */
export { box_area, box_iou, generalized_box_iou, box_convert, clip_boxes_to_image, remove_small_boxes, nms, batched_nms, masks_to_boxes } from "./boxes";
export type { BoxFormat } from "./boxes";
export { sigmoid_focal_loss } from "./focal_loss";
export type { SigmoidFocalLossOptions } from "./focal_loss";
export { roi_align, roi_pool, RoIAlign, RoIPool } from "./roi";
export type { RoIBoxes, RoIAlignOptions, RoIPoolOptions } from "./roi";
