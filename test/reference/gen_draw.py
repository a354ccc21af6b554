#!/usr/bin/python3
"""Reference pixels for torchvision.utils.draw_bounding_boxes and draw_segmentation_masks
(torchvision 0.14 with Pillow 9.4), read by test/torchvision/utils.test.ts.

    /usr/bin/python3 test/reference/gen_draw.py

Each case: the uint8 image, the boxes or masks, the Python call and its TypeScript twin, and the
resulting uint8 image. Labels are left out of the pixel cases: torchvision draws them with Pillow's
bitmap font, which torchlab does not have. Errors: class and message. Writes test/reference/draw_utils.json.
"""
import json
import os
import warnings

import torch
import torchvision.utils as U

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
g = torch.Generator().manual_seed(5)
IMG = torch.randint(0, 256, (3, 14, 18), generator=g, dtype=torch.uint8)
GRAY = torch.randint(0, 256, (1, 14, 18), generator=g, dtype=torch.uint8)
BOXES = torch.tensor([[1, 2, 9, 10], [5.7, 0, 17, 6.9], [-3, 8, 4, 20], [12, 9, 12, 13]])
MASKS = torch.rand((3, 14, 18), generator=g) > 0.6


def L(t):
    return {"shape": list(t.shape), "values": t.reshape(-1).tolist()}


CASES = []


def case(name, py, ts):
    env = {"U": U, "img": IMG, "gray": GRAY, "boxes": BOXES, "masks": MASKS, "torch": torch}
    out = eval(py, env)
    CASES.append({"name": name, "py": py, "ts": ts, "out": L(out)})


case("boxes default palette", "U.draw_bounding_boxes(img, boxes)", "U.draw_bounding_boxes(img, boxes)")
case("boxes width 2 one named color", "U.draw_bounding_boxes(img, boxes, colors='red', width=2)",
     "U.draw_bounding_boxes(img, boxes, {colors: 'red', width: 2})")
case("boxes fill, colors per box", "U.draw_bounding_boxes(img, boxes, colors=['#00ff00', (10, 20, 250), 'orange', '#abc'], fill=True)",
     "U.draw_bounding_boxes(img, boxes, {colors: ['#00ff00', [10, 20, 250], 'orange', '#abc'], fill: true})")
case("boxes fill width 3", "U.draw_bounding_boxes(img, boxes[:2], fill=True, width=3)", "U.draw_bounding_boxes(img, boxes.narrow(0, 0, 2), {fill: true, width: 3})")
case("boxes grayscale", "U.draw_bounding_boxes(gray, boxes[:2], colors='yellow')", "U.draw_bounding_boxes(gray, boxes.narrow(0, 0, 2), {colors: 'yellow'})")
case("masks default", "U.draw_segmentation_masks(img, masks)", "U.draw_segmentation_masks(img, masks)")
case("masks alpha 0.35 colors", "U.draw_segmentation_masks(img, masks, alpha=0.35, colors=['blue', (200, 100, 0), '#123456'])",
     "U.draw_segmentation_masks(img, masks, {alpha: 0.35, colors: ['blue', [200, 100, 0], '#123456']})")
case("masks one 2-d mask", "U.draw_segmentation_masks(img, masks[1], 0.5, 'purple')", "U.draw_segmentation_masks(img, masks.select(0, 1), 0.5, 'purple')")
case("masks one color draws the first mask", "U.draw_segmentation_masks(img, masks[:2], colors=(0, 255, 0))",
     "U.draw_segmentation_masks(img, masks.narrow(0, 0, 2), {colors: [0, 255, 0]})")


def error(name, py, ts):
    env = {"U": U, "img": IMG, "gray": GRAY, "boxes": BOXES, "masks": MASKS, "torch": torch}
    try:
        eval(py, env)
    except Exception as e:  # noqa: BLE001
        return {"name": name, "py": py, "ts": ts, "type": type(e).__name__, "message": str(e)}
    raise AssertionError(name)


ERRORS = [
    error("boxes float image", "U.draw_bounding_boxes(img.float(), boxes)", "U.draw_bounding_boxes(img.float(), boxes)"),
    error("boxes batch", "U.draw_bounding_boxes(img[None], boxes)", "U.draw_bounding_boxes(img.unsqueeze(0), boxes)"),
    error("boxes 2 channels", "U.draw_bounding_boxes(img[:2], boxes)", "U.draw_bounding_boxes(img.narrow(0, 0, 2), boxes)"),
    error("boxes xyxy", "U.draw_bounding_boxes(img, torch.tensor([[5, 5, 2, 8]]))", "U.draw_bounding_boxes(img, torch.tensor([[5, 5, 2, 8]]))"),
    error("boxes labels count", "U.draw_bounding_boxes(img, boxes, labels=['a'])", "U.draw_bounding_boxes(img, boxes, {labels: ['a']})"),
    error("boxes colors count", "U.draw_bounding_boxes(img, boxes, colors=['red'])", "U.draw_bounding_boxes(img, boxes, {colors: ['red']})"),
    error("boxes unknown color", "U.draw_bounding_boxes(img, boxes, colors='nocolor')", "U.draw_bounding_boxes(img, boxes, {colors: 'nocolor'})"),
    error("masks gray image", "U.draw_segmentation_masks(gray, masks)", "U.draw_segmentation_masks(gray, masks)"),
    error("masks dtype", "U.draw_segmentation_masks(img, masks.float())", "U.draw_segmentation_masks(img, masks.float())"),
    error("masks size", "U.draw_segmentation_masks(img, masks[:, :5])", "U.draw_segmentation_masks(img, masks.narrow(1, 0, 5))"),
    error("masks more than colors", "U.draw_segmentation_masks(img, masks, colors=['red', 'blue'])",
          "U.draw_segmentation_masks(img, masks, {colors: ['red', 'blue']})"),
    error("masks one string color counts its letters", "U.draw_segmentation_masks(img, torch.cat([masks, masks]), colors='red')",
          "U.draw_segmentation_masks(img, torch.cat([masks, masks]), {colors: 'red'})"),
]

with open(os.path.join(HERE, "draw_utils.json"), "w") as fh:
    json.dump({"image": L(IMG), "gray": L(GRAY), "boxes": L(BOXES), "masks": L(MASKS.int()), "cases": CASES, "errors": ERRORS}, fh, separators=(",", ":"))
print(os.path.getsize(os.path.join(HERE, "draw_utils.json")), "bytes")
