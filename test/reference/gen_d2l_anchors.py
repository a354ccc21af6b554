"""Fixture for test/tutorials/d2l_anchors_notebook.test.ts: Dive into Deep Learning (d2l.ai, PyTorch
edition, 1.0) chapter 14, "Computer Vision": 14.3 object detection and bounding boxes
(box_corner_to_center / box_center_to_corner), 14.4 anchor boxes (multibox_prior, box_iou,
assign_anchor_to_bbox, offset_boxes, multibox_target, offset_inverse, nms, multibox_detection), 14.10
transposed convolution (trans_conv, nn.ConvTranspose2d with padding, stride and channels, the
convolution as a matrix multiplication) and 14.11 FCN's bilinear_kernel upsampling. Each entry is one
cell: the book's Python and the port's dialect; the Python cells run in order in one scope (PyTorch 1.13)
and record what they print. Stand-ins: catdog.jpg's 561 x 728 shape for the image (only its shape is
used; d2l.plt.imread is not), a seeded 3 x 32 x 40 ramp image for FCN's upsampling (no plots), and
`print(...)` around the values the book's cells show.
Run with Debian's /usr/bin/python3 from test/reference: writes d2l_anchors.json.
"""
import contextlib
import io
import json

import torch
from torch import nn

assert torch.__version__.startswith("1.13"), torch.__version__

CELLS = [
    # ---------------------------------------------------------------- 14.3 bounding boxes
    ("""def box_corner_to_center(boxes):
    \"\"\"Convert from (upper-left, lower-right) to (center, width, height).\"\"\"
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    cx = (x1 + x2) / 2
    cy = (y1 + y2) / 2
    w = x2 - x1
    h = y2 - y1
    boxes = torch.stack((cx, cy, w, h), axis=-1)
    return boxes

def box_center_to_corner(boxes):
    \"\"\"Convert from (center, width, height) to (upper-left, lower-right).\"\"\"
    cx, cy, w, h = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    x1 = cx - 0.5 * w
    y1 = cy - 0.5 * h
    x2 = cx + 0.5 * w
    y2 = cy + 0.5 * h
    boxes = torch.stack((x1, y1, x2, y2), axis=-1)
    return boxes""",
     """function box_corner_to_center(boxes: torch.Tensor) {
  // Convert from (upper-left, lower-right) to (center, width, height).
  const [x1, y1, x2, y2] = [boxes[":, 0"], boxes[":, 1"], boxes[":, 2"], boxes[":, 3"]];
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  const w = x2 - x1;
  const h = y2 - y1;
  boxes = torch.stack([cx, cy, w, h], {axis: -1});
  return boxes;
}
function box_center_to_corner(boxes: torch.Tensor) {
  // Convert from (center, width, height) to (upper-left, lower-right).
  const [cx, cy, w, h] = [boxes[":, 0"], boxes[":, 1"], boxes[":, 2"], boxes[":, 3"]];
  const x1 = cx - 0.5 * w;
  const y1 = cy - 0.5 * h;
  const x2 = cx + 0.5 * w;
  const y2 = cy + 0.5 * h;
  boxes = torch.stack([x1, y1, x2, y2], {axis: -1});
  return boxes;
}"""),
    ("""# Here `bbox` is the abbreviation for bounding box
dog_bbox, cat_bbox = [60.0, 45.0, 378.0, 516.0], [400.0, 112.0, 655.0, 493.0]
boxes = torch.tensor((dog_bbox, cat_bbox))
print(box_center_to_corner(box_corner_to_center(boxes)) == boxes)""",
     """// Here `bbox` is the abbreviation for bounding box
const [dog_bbox, cat_bbox] = [[60.0, 45.0, 378.0, 516.0], [400.0, 112.0, 655.0, 493.0]];
let boxes = torch.tensor([dog_bbox, cat_bbox]);
print(box_center_to_corner(box_corner_to_center(boxes)) == boxes);"""),
    # ---------------------------------------------------------------- 14.4 anchor boxes
    ("""torch.set_printoptions(2)  # Simplify printing accuracy""",
     """torch.set_printoptions(2); // Simplify printing accuracy"""),
    ("""def multibox_prior(data, sizes, ratios):
    \"\"\"Generate anchor boxes with different shapes centered on each pixel.\"\"\"
    in_height, in_width = data.shape[-2:]
    device, num_sizes, num_ratios = data.device, len(sizes), len(ratios)
    boxes_per_pixel = (num_sizes + num_ratios - 1)
    size_tensor = torch.tensor(sizes, device=device)
    ratio_tensor = torch.tensor(ratios, device=device)
    # Offsets are required to move the anchor to the center of a pixel. Since
    # a pixel has height=1 and width=1, we choose to offset our centers by 0.5
    offset_h, offset_w = 0.5, 0.5
    steps_h = 1.0 / in_height  # Scaled steps in y axis
    steps_w = 1.0 / in_width  # Scaled steps in x axis

    # Generate all center points for the anchor boxes
    center_h = (torch.arange(in_height, device=device) + offset_h) * steps_h
    center_w = (torch.arange(in_width, device=device) + offset_w) * steps_w
    shift_y, shift_x = torch.meshgrid(center_h, center_w, indexing='ij')
    shift_y, shift_x = shift_y.reshape(-1), shift_x.reshape(-1)

    # Generate `boxes_per_pixel` number of heights and widths that are later
    # used to create anchor box corner coordinates (xmin, xmax, ymin, ymax)
    w = torch.cat((size_tensor * torch.sqrt(ratio_tensor[0]),
                   sizes[0] * torch.sqrt(ratio_tensor[1:])))\\
                   * in_height / in_width  # Handle rectangular inputs
    h = torch.cat((size_tensor / torch.sqrt(ratio_tensor[0]),
                   sizes[0] / torch.sqrt(ratio_tensor[1:])))
    # Divide by 2 to get half height and half width
    anchor_manipulations = torch.stack((-w, -h, w, h)).T.repeat(
                                        in_height * in_width, 1) / 2

    # Each center point will have `boxes_per_pixel` number of anchor boxes, so
    # generate a grid of all anchor box centers with `boxes_per_pixel` repeats
    out_grid = torch.stack([shift_x, shift_y, shift_x, shift_y],
                dim=1).repeat_interleave(boxes_per_pixel, dim=0)
    output = out_grid + anchor_manipulations
    return output.unsqueeze(0)""",
     """function multibox_prior(data: torch.Tensor, sizes: number[], ratios: number[]) {
  // Generate anchor boxes with different shapes centered on each pixel.
  const [in_height, in_width] = data.shape.slice(-2);
  const [device, num_sizes, num_ratios] = [data.device, len(sizes), len(ratios)];
  const boxes_per_pixel = (num_sizes + num_ratios - 1);
  const size_tensor = torch.tensor(sizes, {device: device});
  const ratio_tensor = torch.tensor(ratios, {device: device});
  // Offsets are required to move the anchor to the center of a pixel. Since
  // a pixel has height=1 and width=1, we choose to offset our centers by 0.5
  const [offset_h, offset_w] = [0.5, 0.5];
  const steps_h = 1.0 / in_height; // Scaled steps in y axis
  const steps_w = 1.0 / in_width; // Scaled steps in x axis

  // Generate all center points for the anchor boxes
  const center_h = (torch.arange(in_height, {device: device}) + offset_h) * steps_h;
  const center_w = (torch.arange(in_width, {device: device}) + offset_w) * steps_w;
  let [shift_y, shift_x] = torch.meshgrid(center_h, center_w, {indexing: "ij"});
  [shift_y, shift_x] = [shift_y.reshape(-1), shift_x.reshape(-1)];

  // Generate `boxes_per_pixel` number of heights and widths that are later
  // used to create anchor box corner coordinates (xmin, xmax, ymin, ymax)
  const w = torch.cat([size_tensor * torch.sqrt(ratio_tensor[0]),
                       sizes[0] * torch.sqrt(ratio_tensor["1:"])])
                       * in_height / in_width; // Handle rectangular inputs
  const h = torch.cat([size_tensor / torch.sqrt(ratio_tensor[0]),
                       sizes[0] / torch.sqrt(ratio_tensor["1:"])]);
  // Divide by 2 to get half height and half width
  const anchor_manipulations = torch.stack([-w, -h, w, h]).T.repeat(
                                           in_height * in_width, 1) / 2;

  // Each center point will have `boxes_per_pixel` number of anchor boxes, so
  // generate a grid of all anchor box centers with `boxes_per_pixel` repeats
  const out_grid = torch.stack([shift_x, shift_y, shift_x, shift_y],
                               {dim: 1}).repeat_interleave(boxes_per_pixel, {dim: 0});
  const output = out_grid + anchor_manipulations;
  return output.unsqueeze(0);
}"""),
    ("""h, w = 561, 728  # img = d2l.plt.imread('../img/catdog.jpg'); h, w = img.shape[:2]

print(h, w)
X = torch.rand(size=(1, 3, h, w))  # Construct input data
Y = multibox_prior(X, sizes=[0.75, 0.5, 0.25], ratios=[1, 2, 0.5])
print(Y.shape)""",
     """const [h, w] = [561, 728]; // img = d2l.plt.imread('../img/catdog.jpg'); h, w = img.shape[:2]

print(h, w);
const X = torch.rand({size: [1, 3, h, w]}); // Construct input data
const Y = multibox_prior(X, [0.75, 0.5, 0.25], [1, 2, 0.5]);
print(Y.shape);"""),
    ("""boxes = Y.reshape(h, w, 5, 4)
print(boxes[250, 250, 0, :])""",
     """boxes = Y.reshape(h, w, 5, 4);
print(boxes[250, 250, 0, ":"]);"""),
    ("""bbox_scale = torch.tensor((w, h, w, h))
print(boxes[250, 250, :, :] * bbox_scale)""",
     """let bbox_scale = torch.tensor([w, h, w, h]);
print(boxes[250, 250, ":", ":"] * bbox_scale);"""),
    ("""def box_iou(boxes1, boxes2):
    \"\"\"Compute pairwise IoU across two lists of anchor or bounding boxes.\"\"\"
    box_area = lambda boxes: ((boxes[:, 2] - boxes[:, 0]) *
                              (boxes[:, 3] - boxes[:, 1]))
    # Shape of `boxes1`, `boxes2`, `areas1`, `areas2`: (no. of boxes1, 4),
    # (no. of boxes2, 4), (no. of boxes1,), (no. of boxes2,)
    areas1 = box_area(boxes1)
    areas2 = box_area(boxes2)
    # Shape of `inter_upperlefts`, `inter_lowerrights`, `inters`: (no. of
    # boxes1, no. of boxes2, 2)
    inter_upperlefts = torch.max(boxes1[:, None, :2], boxes2[:, :2])
    inter_lowerrights = torch.min(boxes1[:, None, 2:], boxes2[:, 2:])
    inters = (inter_lowerrights - inter_upperlefts).clamp(min=0)
    # Shape of `inter_areas` and `union_areas`: (no. of boxes1, no. of boxes2)
    inter_areas = inters[:, :, 0] * inters[:, :, 1]
    union_areas = areas1[:, None] + areas2 - inter_areas
    return inter_areas / union_areas""",
     """function box_iou(boxes1: torch.Tensor, boxes2: torch.Tensor) {
  // Compute pairwise IoU across two lists of anchor or bounding boxes.
  const box_area = (boxes: torch.Tensor) => ((boxes[":, 2"] - boxes[":, 0"]) *
                                             (boxes[":, 3"] - boxes[":, 1"]));
  // Shape of `boxes1`, `boxes2`, `areas1`, `areas2`: (no. of boxes1, 4),
  // (no. of boxes2, 4), (no. of boxes1,), (no. of boxes2,)
  const areas1 = box_area(boxes1);
  const areas2 = box_area(boxes2);
  // Shape of `inter_upperlefts`, `inter_lowerrights`, `inters`: (no. of
  // boxes1, no. of boxes2, 2)
  const inter_upperlefts = torch.max(boxes1[":, None, :2"], boxes2[":, :2"]);
  const inter_lowerrights = torch.min(boxes1[":, None, 2:"], boxes2[":, 2:"]);
  const inters = (inter_lowerrights - inter_upperlefts).clamp({min: 0});
  // Shape of `inter_areas` and `union_areas`: (no. of boxes1, no. of boxes2)
  const inter_areas = inters[":, :, 0"] * inters[":, :, 1"];
  const union_areas = areas1[":, None"] + areas2 - inter_areas;
  return inter_areas / union_areas;
}"""),
    ("""def assign_anchor_to_bbox(ground_truth, anchors, device, iou_threshold=0.5):
    \"\"\"Assign closest ground-truth bounding boxes to anchor boxes.\"\"\"
    num_anchors, num_gt_boxes = anchors.shape[0], ground_truth.shape[0]
    # Element x_ij in the i-th row and j-th column is the IoU of the anchor
    # box i and the ground-truth bounding box j
    jaccard = box_iou(anchors, ground_truth)
    # Initialize the tensor to hold the assigned ground-truth bounding box for
    # each anchor
    anchors_bbox_map = torch.full((num_anchors,), -1, dtype=torch.long,
                                  device=device)
    # Assign ground-truth bounding boxes according to the threshold
    max_ious, indices = torch.max(jaccard, dim=1)
    anc_i = torch.nonzero(max_ious >= iou_threshold).reshape(-1)
    box_j = indices[max_ious >= iou_threshold]
    anchors_bbox_map[anc_i] = box_j
    col_discard = torch.full((num_anchors,), -1)
    row_discard = torch.full((num_gt_boxes,), -1)
    for _ in range(num_gt_boxes):
        max_idx = torch.argmax(jaccard)  # Find the largest IoU
        box_idx = (max_idx % num_gt_boxes).long()
        anc_idx = (max_idx / num_gt_boxes).long()
        anchors_bbox_map[anc_idx] = box_idx
        jaccard[:, box_idx] = col_discard
        jaccard[anc_idx, :] = row_discard
    return anchors_bbox_map""",
     """function assign_anchor_to_bbox(ground_truth: torch.Tensor, anchors: torch.Tensor, device: torch.device, iou_threshold = 0.5) {
  // Assign closest ground-truth bounding boxes to anchor boxes.
  const [num_anchors, num_gt_boxes] = [anchors.shape[0], ground_truth.shape[0]];
  // Element x_ij in the i-th row and j-th column is the IoU of the anchor
  // box i and the ground-truth bounding box j
  const jaccard = box_iou(anchors, ground_truth);
  // Initialize the tensor to hold the assigned ground-truth bounding box for
  // each anchor
  const anchors_bbox_map = torch.full([num_anchors], -1, {dtype: torch.long,
                                                         device: device});
  // Assign ground-truth bounding boxes according to the threshold
  const [max_ious, indices] = torch.max(jaccard, {dim: 1});
  const anc_i = torch.nonzero(max_ious >= iou_threshold).reshape(-1);
  const box_j = indices[max_ious >= iou_threshold];
  anchors_bbox_map[anc_i] = box_j;
  const col_discard = torch.full([num_anchors], -1);
  const row_discard = torch.full([num_gt_boxes], -1);
  for (const _ of range(num_gt_boxes)) {
    const max_idx = torch.argmax(jaccard); // Find the largest IoU
    const box_idx = (max_idx % num_gt_boxes).long();
    const anc_idx = (max_idx / num_gt_boxes).long();
    anchors_bbox_map[anc_idx] = box_idx;
    jaccard[":", box_idx] = col_discard;
    jaccard[anc_idx, ":"] = row_discard;
  }
  return anchors_bbox_map;
}"""),
    ("""def offset_boxes(anchors, assigned_bb, eps=1e-6):
    \"\"\"Transform for anchor box offsets.\"\"\"
    c_anc = box_corner_to_center(anchors)
    c_assigned_bb = box_corner_to_center(assigned_bb)
    offset_xy = 10 * (c_assigned_bb[:, :2] - c_anc[:, :2]) / c_anc[:, 2:]
    offset_wh = 5 * torch.log(eps + c_assigned_bb[:, 2:] / c_anc[:, 2:])
    offset = torch.cat([offset_xy, offset_wh], axis=1)
    return offset""",
     """function offset_boxes(anchors: torch.Tensor, assigned_bb: torch.Tensor, eps = 1e-6) {
  // Transform for anchor box offsets.
  const c_anc = box_corner_to_center(anchors);
  const c_assigned_bb = box_corner_to_center(assigned_bb);
  const offset_xy = 10 * (c_assigned_bb[":, :2"] - c_anc[":, :2"]) / c_anc[":, 2:"];
  const offset_wh = 5 * torch.log(eps + c_assigned_bb[":, 2:"] / c_anc[":, 2:"]);
  const offset = torch.cat([offset_xy, offset_wh], {axis: 1});
  return offset;
}"""),
    ("""def multibox_target(anchors, labels):
    \"\"\"Label anchor boxes using ground-truth bounding boxes.\"\"\"
    batch_size, anchors = labels.shape[0], anchors.squeeze(0)
    batch_offset, batch_mask, batch_class_labels = [], [], []
    device, num_anchors = anchors.device, anchors.shape[0]
    for i in range(batch_size):
        label = labels[i, :, :]
        anchors_bbox_map = assign_anchor_to_bbox(
            label[:, 1:], anchors, device)
        bbox_mask = ((anchors_bbox_map >= 0).float().unsqueeze(-1)).repeat(
            1, 4)
        # Initialize class labels and assigned bounding box coordinates with
        # zeros
        class_labels = torch.zeros(num_anchors, dtype=torch.long,
                                   device=device)
        assigned_bb = torch.zeros((num_anchors, 4), dtype=torch.float32,
                                  device=device)
        # Label classes of anchor boxes using their assigned ground-truth
        # bounding boxes. If an anchor box is not assigned any, we label its
        # class as background (the value remains zero)
        indices_true = torch.nonzero(anchors_bbox_map >= 0)
        bb_idx = anchors_bbox_map[indices_true]
        class_labels[indices_true] = label[bb_idx, 0].long() + 1
        assigned_bb[indices_true] = label[bb_idx, 1:]
        # Offset transformation
        offset = offset_boxes(anchors, assigned_bb) * bbox_mask
        batch_offset.append(offset.reshape(-1))
        batch_mask.append(bbox_mask.reshape(-1))
        batch_class_labels.append(class_labels)
    bbox_offset = torch.stack(batch_offset)
    bbox_mask = torch.stack(batch_mask)
    class_labels = torch.stack(batch_class_labels)
    return (bbox_offset, bbox_mask, class_labels)""",
     """function multibox_target(anchors: torch.Tensor, labels: torch.Tensor) {
  // Label anchor boxes using ground-truth bounding boxes.
  const batch_size = labels.shape[0];
  anchors = anchors.squeeze(0);
  const [batch_offset, batch_mask, batch_class_labels]: torch.Tensor[][] = [[], [], []];
  const [device, num_anchors] = [anchors.device, anchors.shape[0]];
  for (const i of range(batch_size)) {
    const label = labels[i, ":", ":"];
    const anchors_bbox_map = assign_anchor_to_bbox(
      label[":, 1:"], anchors, device);
    const bbox_mask = ((anchors_bbox_map >= 0).float().unsqueeze(-1)).repeat(
      1, 4);
    // Initialize class labels and assigned bounding box coordinates with
    // zeros
    const class_labels = torch.zeros(num_anchors, {dtype: torch.long,
                                                   device: device});
    const assigned_bb = torch.zeros([num_anchors, 4], {dtype: torch.float32,
                                                       device: device});
    // Label classes of anchor boxes using their assigned ground-truth
    // bounding boxes. If an anchor box is not assigned any, we label its
    // class as background (the value remains zero)
    const indices_true = torch.nonzero(anchors_bbox_map >= 0);
    const bb_idx = anchors_bbox_map[indices_true];
    class_labels[indices_true] = label[bb_idx, 0].long() + 1;
    assigned_bb[indices_true] = label[bb_idx, "1:"];
    // Offset transformation
    const offset = offset_boxes(anchors, assigned_bb) * bbox_mask;
    batch_offset.push(offset.reshape(-1));
    batch_mask.push(bbox_mask.reshape(-1));
    batch_class_labels.push(class_labels);
  }
  const bbox_offset = torch.stack(batch_offset);
  const bbox_mask = torch.stack(batch_mask);
  const class_labels = torch.stack(batch_class_labels);
  return [bbox_offset, bbox_mask, class_labels];
}"""),
    ("""ground_truth = torch.tensor([[0, 0.1, 0.08, 0.52, 0.92],
                         [1, 0.55, 0.2, 0.9, 0.88]])
anchors = torch.tensor([[0, 0.1, 0.2, 0.3], [0.15, 0.2, 0.4, 0.4],
                    [0.63, 0.05, 0.88, 0.98], [0.66, 0.45, 0.8, 0.8],
                    [0.57, 0.3, 0.92, 0.9]])
print(box_iou(anchors, ground_truth[:, 1:]))""",
     """const ground_truth = torch.tensor([[0, 0.1, 0.08, 0.52, 0.92],
                                   [1, 0.55, 0.2, 0.9, 0.88]]);
let anchors = torch.tensor([[0, 0.1, 0.2, 0.3], [0.15, 0.2, 0.4, 0.4],
                            [0.63, 0.05, 0.88, 0.98], [0.66, 0.45, 0.8, 0.8],
                            [0.57, 0.3, 0.92, 0.9]]);
print(box_iou(anchors, ground_truth[":, 1:"]));"""),
    ("""labels = multibox_target(anchors.unsqueeze(dim=0),
                         ground_truth.unsqueeze(dim=0))
print(labels[2])""",
     """const labels = multibox_target(anchors.unsqueeze({dim: 0}),
                               ground_truth.unsqueeze({dim: 0}));
print(labels[2]);"""),
    ("""print(labels[1])""",
     """print(labels[1]);"""),
    ("""print(labels[0])""",
     """print(labels[0]);"""),
    ("""def offset_inverse(anchors, offset_preds):
    \"\"\"Predict bounding boxes based on anchor boxes with predicted offsets.\"\"\"
    anc = box_corner_to_center(anchors)
    pred_bbox_xy = (offset_preds[:, :2] * anc[:, 2:] / 10) + anc[:, :2]
    pred_bbox_wh = torch.exp(offset_preds[:, 2:] / 5) * anc[:, 2:]
    pred_bbox = torch.cat((pred_bbox_xy, pred_bbox_wh), axis=1)
    predicted_bbox = box_center_to_corner(pred_bbox)
    return predicted_bbox""",
     """function offset_inverse(anchors: torch.Tensor, offset_preds: torch.Tensor) {
  // Predict bounding boxes based on anchor boxes with predicted offsets.
  const anc = box_corner_to_center(anchors);
  const pred_bbox_xy = (offset_preds[":, :2"] * anc[":, 2:"] / 10) + anc[":, :2"];
  const pred_bbox_wh = torch.exp(offset_preds[":, 2:"] / 5) * anc[":, 2:"];
  const pred_bbox = torch.cat([pred_bbox_xy, pred_bbox_wh], {axis: 1});
  const predicted_bbox = box_center_to_corner(pred_bbox);
  return predicted_bbox;
}"""),
    ("""def nms(boxes, scores, iou_threshold):
    \"\"\"Sort confidence scores of predicted bounding boxes.\"\"\"
    B = torch.argsort(scores, dim=-1, descending=True)
    keep = []  # Indices of predicted bounding boxes that will be kept
    while B.numel() > 0:
        i = B[0]
        keep.append(i)
        if B.numel() == 1: break
        iou = box_iou(boxes[i, :].reshape(-1, 4),
                      boxes[B[1:], :].reshape(-1, 4)).reshape(-1)
        inds = torch.nonzero(iou <= iou_threshold).reshape(-1)
        B = B[inds + 1]
    return torch.tensor(keep, device=boxes.device)""",
     """function nms(boxes: torch.Tensor, scores: torch.Tensor, iou_threshold: number) {
  // Sort confidence scores of predicted bounding boxes.
  let B = torch.argsort(scores, {dim: -1, descending: true});
  const keep: torch.Tensor[] = []; // Indices of predicted bounding boxes that will be kept
  while (B.numel() > 0) {
    const i = B[0];
    keep.push(i);
    if (B.numel() == 1) break;
    const iou = box_iou(boxes[i, ":"].reshape(-1, 4),
                        boxes[B["1:"], ":"].reshape(-1, 4)).reshape(-1);
    const inds = torch.nonzero(iou <= iou_threshold).reshape(-1);
    B = B[inds + 1];
  }
  return torch.tensor(keep, {device: boxes.device});
}"""),
    ("""def multibox_detection(cls_probs, offset_preds, anchors, nms_threshold=0.5,
                       pos_threshold=0.009999999):
    \"\"\"Predict bounding boxes using non-maximum suppression.\"\"\"
    device, batch_size = cls_probs.device, cls_probs.shape[0]
    anchors = anchors.squeeze(0)
    num_classes, num_anchors = cls_probs.shape[1], cls_probs.shape[2]
    out = []
    for i in range(batch_size):
        cls_prob, offset_pred = cls_probs[i], offset_preds[i].reshape(-1, 4)
        conf, class_id = torch.max(cls_prob[1:], 0)
        predicted_bb = offset_inverse(anchors, offset_pred)
        keep = nms(predicted_bb, conf, nms_threshold)

        # Find all non-`keep` indices and set the class to background
        all_idx = torch.arange(num_anchors, dtype=torch.long, device=device)
        combined = torch.cat((keep, all_idx))
        uniques, counts = combined.unique(return_counts=True)
        non_keep = uniques[counts == 1]
        all_id_sorted = torch.cat((keep, non_keep))
        class_id[non_keep] = -1
        class_id = class_id[all_id_sorted]
        conf, predicted_bb = conf[all_id_sorted], predicted_bb[all_id_sorted]
        # Here `pos_threshold` is a threshold for positive (non-background)
        # predictions
        below_min_idx = (conf < pos_threshold)
        class_id[below_min_idx] = -1
        conf[below_min_idx] = 1 - conf[below_min_idx]
        pred_info = torch.cat((class_id.unsqueeze(1),
                               conf.unsqueeze(1),
                               predicted_bb), dim=1)
        out.append(pred_info)
    return torch.stack(out)""",
     """function multibox_detection(cls_probs: torch.Tensor, offset_preds: torch.Tensor, anchors: torch.Tensor, nms_threshold = 0.5,
                            pos_threshold = 0.009999999) {
  // Predict bounding boxes using non-maximum suppression.
  const [device, batch_size] = [cls_probs.device, cls_probs.shape[0]];
  anchors = anchors.squeeze(0);
  const [num_classes, num_anchors] = [cls_probs.shape[1], cls_probs.shape[2]];
  const out: torch.Tensor[] = [];
  for (const i of range(batch_size)) {
    const [cls_prob, offset_pred] = [cls_probs[i], offset_preds[i].reshape(-1, 4)];
    let [conf, class_id] = torch.max(cls_prob["1:"], 0);
    let predicted_bb = offset_inverse(anchors, offset_pred);
    const keep = nms(predicted_bb, conf, nms_threshold);

    // Find all non-`keep` indices and set the class to background
    const all_idx = torch.arange(num_anchors, {dtype: torch.long, device: device});
    const combined = torch.cat([keep, all_idx]);
    const [uniques, counts] = combined.unique({return_counts: true});
    const non_keep = uniques[counts == 1];
    const all_id_sorted = torch.cat([keep, non_keep]);
    class_id[non_keep] = -1;
    class_id = class_id[all_id_sorted];
    [conf, predicted_bb] = [conf[all_id_sorted], predicted_bb[all_id_sorted]];
    // Here `pos_threshold` is a threshold for positive (non-background)
    // predictions
    const below_min_idx = (conf < pos_threshold);
    class_id[below_min_idx] = -1;
    conf[below_min_idx] = 1 - conf[below_min_idx];
    const pred_info = torch.cat([class_id.unsqueeze(1),
                                 conf.unsqueeze(1),
                                 predicted_bb], {dim: 1});
    out.push(pred_info);
  }
  return torch.stack(out);
}"""),
    ("""anchors = torch.tensor([[0.1, 0.08, 0.52, 0.92], [0.08, 0.2, 0.56, 0.95],
                      [0.15, 0.3, 0.62, 0.91], [0.55, 0.2, 0.9, 0.88]])
offset_preds = torch.tensor([0] * anchors.numel())
cls_probs = torch.tensor([[0] * 4,  # Predicted background likelihood
                      [0.9, 0.8, 0.7, 0.1],  # Predicted dog likelihood
                      [0.1, 0.2, 0.3, 0.9]])  # Predicted cat likelihood
print(offset_preds.dtype, cls_probs.dtype)""",
     """anchors = torch.tensor([[0.1, 0.08, 0.52, 0.92], [0.08, 0.2, 0.56, 0.95],
                        [0.15, 0.3, 0.62, 0.91], [0.55, 0.2, 0.9, 0.88]]);
const offset_preds = torch.tensor(Array(anchors.numel()).fill(0));
const cls_probs = torch.tensor([Array(4).fill(0), // Predicted background likelihood
                                [0.9, 0.8, 0.7, 0.1], // Predicted dog likelihood
                                [0.1, 0.2, 0.3, 0.9]]); // Predicted cat likelihood
print(offset_preds.dtype, cls_probs.dtype);"""),
    ("""output = multibox_detection(cls_probs.unsqueeze(dim=0),
                            offset_preds.unsqueeze(dim=0),
                            anchors.unsqueeze(dim=0),
                            nms_threshold=0.5)
print(output)""",
     """const output = multibox_detection(cls_probs.unsqueeze({dim: 0}),
                                  offset_preds.unsqueeze({dim: 0}),
                                  anchors.unsqueeze({dim: 0}),
                                  0.5);
print(output);"""),
    ("""for i in output[0].detach().numpy():
    if i[0] == -1:
        continue
    label = ('dog=', 'cat=')[int(i[0])] + str(i[1])
    print(label, i[2:] * bbox_scale.numpy())""",
     """for (const i of output[0].detach().numpy()) {
  if (i[0] == -1) {
    continue;
  }
  const label = ["dog=", "cat="][int(i[0])] + str(i[1]);
  print(label, i["2:"] * bbox_scale.numpy());
}"""),
    # ---------------------------------------------------------------- 14.10 transposed convolution
    ("""def trans_conv(X, K):
    h, w = K.shape
    Y = torch.zeros((X.shape[0] + h - 1, X.shape[1] + w - 1))
    for i in range(X.shape[0]):
        for j in range(X.shape[1]):
            Y[i: i + h, j: j + w] += X[i, j] * K
    return Y""",
     """function trans_conv(X: torch.Tensor, K: torch.Tensor) {
  const [h, w] = K.shape;
  const Y = torch.zeros([X.shape[0] + h - 1, X.shape[1] + w - 1]);
  for (const i of range(X.shape[0])) {
    for (const j of range(X.shape[1])) {
      Y[`${i}:${i + h}, ${j}:${j + w}`] += X[i, j] * K;
    }
  }
  return Y;
}"""),
    ("""torch.set_printoptions(profile='default')
X = torch.tensor([[0.0, 1.0], [2.0, 3.0]])
K = torch.tensor([[0.0, 1.0], [2.0, 3.0]])
print(trans_conv(X, K))""",
     """torch.set_printoptions({profile: "default"});
let Xc = torch.tensor([[0.0, 1.0], [2.0, 3.0]]);
let K = torch.tensor([[0.0, 1.0], [2.0, 3.0]]);
print(trans_conv(Xc, K));"""),
    ("""X, K = X.reshape(1, 1, 2, 2), K.reshape(1, 1, 2, 2)
tconv = nn.ConvTranspose2d(1, 1, kernel_size=2, bias=False)
tconv.weight.data = K
print(tconv(X))""",
     """[Xc, K] = [Xc.reshape(1, 1, 2, 2), K.reshape(1, 1, 2, 2)];
let tconv = nn.ConvTranspose2d(1, 1, {kernel_size: 2, bias: false});
tconv.weight.data = K;
print(tconv(Xc));"""),
    ("""tconv = nn.ConvTranspose2d(1, 1, kernel_size=2, padding=1, bias=False)
tconv.weight.data = K
print(tconv(X))""",
     """tconv = nn.ConvTranspose2d(1, 1, {kernel_size: 2, padding: 1, bias: false});
tconv.weight.data = K;
print(tconv(Xc));"""),
    ("""tconv = nn.ConvTranspose2d(1, 1, kernel_size=2, stride=2, bias=False)
tconv.weight.data = K
print(tconv(X))""",
     """tconv = nn.ConvTranspose2d(1, 1, {kernel_size: 2, stride: 2, bias: false});
tconv.weight.data = K;
print(tconv(Xc));"""),
    ("""torch.manual_seed(0)
X = torch.rand(size=(1, 10, 16, 16))
conv = nn.Conv2d(10, 20, kernel_size=5, padding=2, stride=3)
tconv = nn.ConvTranspose2d(20, 10, kernel_size=5, padding=2, stride=3)
print(tconv(conv(X)).shape == X.shape)""",
     """torch.manual_seed(0);
Xc = torch.rand({size: [1, 10, 16, 16]});
const conv = nn.Conv2d(10, 20, {kernel_size: 5, padding: 2, stride: 3});
tconv = nn.ConvTranspose2d(20, 10, {kernel_size: 5, padding: 2, stride: 3});
print(tconv(conv(Xc)).shape == Xc.shape);"""),
    ("""def corr2d(X, K):
    \"\"\"Compute 2D cross-correlation.\"\"\"
    h, w = K.shape
    Y = torch.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i:i + h, j:j + w] * K).sum()
    return Y

X = torch.arange(9.0).reshape(3, 3)
K = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
Y = corr2d(X, K)
print(Y)""",
     """function corr2d(X: torch.Tensor, K: torch.Tensor) {
  // Compute 2D cross-correlation.
  const [h, w] = K.shape;
  const Y = torch.zeros([X.shape[0] - h + 1, X.shape[1] - w + 1]);
  for (const i of range(Y.shape[0])) {
    for (const j of range(Y.shape[1])) {
      Y[i, j] = (X[`${i}:${i + h}, ${j}:${j + w}`] * K).sum();
    }
  }
  return Y;
}

Xc = torch.arange(9.0).reshape(3, 3);
K = torch.tensor([[1.0, 2.0], [3.0, 4.0]]);
let Yc = corr2d(Xc, K);
print(Yc);"""),
    ("""def kernel2matrix(K):
    k, W = torch.zeros(5), torch.zeros((4, 9))
    k[:2], k[3:5] = K[0, :], K[1, :]
    W[0, :5], W[1, 1:6], W[2, 3:8], W[3, 4:] = k, k, k, k
    return W

W = kernel2matrix(K)
print(W)""",
     """function kernel2matrix(K: torch.Tensor) {
  const [k, W] = [torch.zeros(5), torch.zeros([4, 9])];
  [k[":2"], k["3:5"]] = [K[0, ":"], K[1, ":"]];
  [W[0, ":5"], W[1, "1:6"], W[2, "3:8"], W[3, "4:"]] = [k, k, k, k];
  return W;
}

const W = kernel2matrix(K);
print(W);"""),
    ("""print(Y == torch.matmul(W, X.reshape(-1)).reshape(2, 2))""",
     """print(Yc == torch.matmul(W, Xc.reshape(-1)).reshape(2, 2));"""),
    ("""Z = trans_conv(Y, K)
print(Z == torch.matmul(W.T, Y.reshape(-1)).reshape(3, 3))""",
     """const Z = trans_conv(Yc, K);
print(Z == torch.matmul(W.T, Yc.reshape(-1)).reshape(3, 3));"""),
    # ---------------------------------------------------------------- 14.11 FCN: bilinear upsampling
    ("""def bilinear_kernel(in_channels, out_channels, kernel_size):
    factor = (kernel_size + 1) // 2
    if kernel_size % 2 == 1:
        center = factor - 1
    else:
        center = factor - 0.5
    og = (torch.arange(kernel_size).reshape(-1, 1),
          torch.arange(kernel_size).reshape(1, -1))
    filt = (1 - torch.abs(og[0] - center) / factor) * \\
           (1 - torch.abs(og[1] - center) / factor)
    weight = torch.zeros((in_channels, out_channels,
                          kernel_size, kernel_size))
    weight[range(in_channels), range(out_channels), :, :] = filt
    return weight""",
     """function bilinear_kernel(in_channels: number, out_channels: number, kernel_size: number) {
  const factor = Math.floor((kernel_size + 1) / 2);
  let center: number;
  if (kernel_size % 2 == 1) {
    center = factor - 1;
  } else {
    center = factor - 0.5;
  }
  const og = [torch.arange(kernel_size).reshape(-1, 1),
              torch.arange(kernel_size).reshape(1, -1)];
  const filt = (1 - torch.abs(og[0] - center) / factor) *
               (1 - torch.abs(og[1] - center) / factor);
  const weight = torch.zeros([in_channels, out_channels,
                              kernel_size, kernel_size]);
  weight[range(in_channels), range(out_channels), ":", ":"] = filt;
  return weight;
}"""),
    ("""conv_trans = nn.ConvTranspose2d(3, 3, kernel_size=4, padding=1, stride=2,
                                bias=False)
conv_trans.weight.data.copy_(bilinear_kernel(3, 3, 4))
print(conv_trans.weight[0, 0])
print(conv_trans.weight[0, 1].abs().sum().item())""",
     """const conv_trans = nn.ConvTranspose2d(3, 3, {kernel_size: 4, padding: 1, stride: 2,
                                             bias: false});
conv_trans.weight.data.copy_(bilinear_kernel(3, 3, 4));
print(conv_trans.weight[0, 0]);
print(conv_trans.weight[0, 1].abs().sum().item());"""),
    ("""# img = torchvision.transforms.ToTensor()(d2l.Image.open('../img/catdog.jpg'))
img = (torch.arange(3 * 32 * 40, dtype=torch.float32).reshape(3, 32, 40) % 97) / 96
X = img.unsqueeze(0)
Y = conv_trans(X)
out_img = Y[0].permute(1, 2, 0).detach()
print('input image shape:', img.permute(1, 2, 0).shape)
print('output image shape:', out_img.shape)
print(out_img[:3, :4, 0])
print(out_img[30:33, 40:44, 2])""",
     """// img = torchvision.transforms.ToTensor()(d2l.Image.open('../img/catdog.jpg'))
const img = (torch.arange(3 * 32 * 40, {dtype: torch.float32}).reshape(3, 32, 40) % 97) / 96;
Xc = img.unsqueeze(0);
Yc = conv_trans(Xc);
const out_img = Yc[0].permute(1, 2, 0).detach();
print("input image shape:", img.permute(1, 2, 0).shape);
print("output image shape:", out_img.shape);
print(out_img[":3, :4, 0"]);
print(out_img["30:33, 40:44, 2"]);"""),
    ("""# The FCN's final layer, initialised as the book does
torch.manual_seed(0)
num_classes = 21
transpose_conv = nn.ConvTranspose2d(num_classes, num_classes, kernel_size=64, padding=16, stride=32)
W = bilinear_kernel(num_classes, num_classes, 64)
transpose_conv.weight.data.copy_(W)
x = torch.rand(1, num_classes, 2, 3)
y = transpose_conv(x)
print(y.shape, transpose_conv.weight.shape)
print((y - transpose_conv.bias[None, :, None, None]).sum(dim=(2, 3))[0, :5])""",
     """// The FCN's final layer, initialised as the book does
torch.manual_seed(0);
const num_classes = 21;
const transpose_conv = nn.ConvTranspose2d(num_classes, num_classes, {kernel_size: 64, padding: 16, stride: 32});
const W2 = bilinear_kernel(num_classes, num_classes, 64);
transpose_conv.weight.data.copy_(W2);
const x = torch.rand(1, num_classes, 2, 3);
const y = transpose_conv(x);
print(y.shape, transpose_conv.weight.shape);
print((y - transpose_conv.bias[":, None, None"]).sum({dim: [2, 3]})[0, ":5"]);"""),
]


def main():
    scope = {"torch": torch, "nn": nn}
    out = []
    for py, ts in CELLS:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(py, scope)
        out.append({"py": py, "ts": ts, "print": buf.getvalue()})
    with open("d2l_anchors.json", "w") as f:
        json.dump({"cells": out}, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
