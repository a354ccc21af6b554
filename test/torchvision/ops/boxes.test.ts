/**
 * torchvision.ops against torchvision 0.14 (test/reference/coverage.json, gen_coverage.py): box_area,
 * box_iou, generalized_box_iou (values and gradients), box_convert between all formats,
 * clip_boxes_to_image, remove_small_boxes, masks_to_boxes, nms and batched_nms (kept indices and their
 * order), sigmoid_focal_loss, roi_align / roi_pool and RoIAlign / RoIPool (values, input gradients,
 * reprs), with torchvision's errors for bad boxes, scores and formats.
 */
import { coverageSuite } from "../../tensor/coverage_cases";

coverageSuite("torchvision.ops", (name, ts) => ts.startsWith("torchvision.ops.") || name.startsWith("RoI"));
