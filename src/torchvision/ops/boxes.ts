/**
 * torchvision.ops box utilities (torchvision 0.14's `torchvision/ops/boxes.py`): areas, IoU, format
 * conversion, clipping, and non-maximum suppression. Boxes are `Tensor[N, 4]` in `(x1, y1, x2, y2)`
 * unless a format says otherwise. Everything differentiable is built from torch ops, so gradients flow
 * (generalized_box_iou is a common detection loss); nms and its kin return int64 indices.
 */
import { unstableSortOrder } from "../../ops/cpu_order";
import { Tensor } from "../../tensor/tensor";
import * as D from "../../tensor/dtype";
import { from_typed, zeros } from "../../ops/creation";
import { stack } from "../../ops/movement";
import { maximum, minimum } from "../../ops/elementwise";
import { RuntimeError, ValueError } from "../../errors";

/** The box formats box_convert knows. */
export type BoxFormat = "xyxy" | "xywh" | "cxcywh";

// torchvision's _upcast: products of coordinates in a wider type (float16 -> float32, small ints -> int32).
const upcast = (t: Tensor): Tensor => {
  if (t.is_floating_point()) return t.dtype === D.float32 || t.dtype === D.float64 ? t : t.float();
  return t.dtype === D.int32 || t.dtype === D.int64 ? t : t.int();
};

const col = (boxes: Tensor, i: number): Tensor => boxes.select(1, i);

/**
 * The area of each box.
 *
 * Args: boxes (Tensor[N, 4]) in `(x1, y1, x2, y2)` format with `0 <= x1 < x2`, `0 <= y1 < y2`.
 * Returns: Tensor[N], in the boxes' dtype (small ints widened to int32).
 * @example torchvision.ops.box_area(torch.tensor([[0, 0, 2, 3]]))  // tensor([6])
 */
export function box_area(boxes: Tensor): Tensor {
  boxes = upcast(boxes);
  return col(boxes, 2).sub(col(boxes, 0)).mul(col(boxes, 3).sub(col(boxes, 1)));
}

function interUnion(boxes1: Tensor, boxes2: Tensor): [Tensor, Tensor] {
  const area1 = box_area(boxes1);
  const area2 = box_area(boxes2);
  const lt = maximum(boxes1.narrow(1, 0, 2).unsqueeze(1), boxes2.narrow(1, 0, 2)); // [N, M, 2]
  const rb = minimum(boxes1.narrow(1, 2, 2).unsqueeze(1), boxes2.narrow(1, 2, 2));
  const wh = upcast(rb.sub(lt)).clamp({ min: 0 });
  const inter = wh.select(2, 0).mul(wh.select(2, 1));
  return [inter, area1.unsqueeze(1).add(area2).sub(inter)];
}

/**
 * Intersection over union (Jaccard index) of every pair of boxes.
 *
 * Args: boxes1 (Tensor[N, 4]), boxes2 (Tensor[M, 4]), both `(x1, y1, x2, y2)`.
 * Returns: Tensor[N, M], floating point (int boxes give float32).
 * @example torchvision.ops.box_iou(torch.tensor([[0., 0, 2, 2]]), torch.tensor([[1., 1, 3, 3]]))  // tensor([[0.1429]])
 */
export function box_iou(boxes1: Tensor, boxes2: Tensor): Tensor {
  const [inter, union] = interUnion(boxes1, boxes2);
  return inter.div(union);
}

/**
 * Generalized IoU (Rezatofighi et al., 2019) of every pair of boxes: IoU minus the share of the
 * smallest enclosing box that the union leaves empty; in [-1, 1], and `1 - giou` is a box loss.
 *
 * Args: boxes1 (Tensor[N, 4]), boxes2 (Tensor[M, 4]), both `(x1, y1, x2, y2)`.
 * Returns: Tensor[N, M].
 */
export function generalized_box_iou(boxes1: Tensor, boxes2: Tensor): Tensor {
  const [inter, union] = interUnion(boxes1, boxes2);
  const iou = inter.div(union);
  const lti = minimum(boxes1.narrow(1, 0, 2).unsqueeze(1), boxes2.narrow(1, 0, 2));
  const rbi = maximum(boxes1.narrow(1, 2, 2).unsqueeze(1), boxes2.narrow(1, 2, 2));
  const whi = upcast(rbi.sub(lti)).clamp({ min: 0 });
  const areai = whi.select(2, 0).mul(whi.select(2, 1));
  return iou.sub(areai.sub(union).div(areai));
}

const FORMATS: readonly string[] = ["xyxy", "xywh", "cxcywh"];

function toXyxy(boxes: Tensor, fmt: BoxFormat): Tensor {
  const [a, b, c, d] = boxes.unbind(-1);
  if (fmt === "xywh") return stack([a, b, a.add(c), b.add(d)], -1);
  if (fmt === "cxcywh") {
    const [hw, hh] = [c.mul(0.5), d.mul(0.5)];
    return stack([a.sub(hw), b.sub(hh), a.add(hw), b.add(hh)], -1);
  }
  return boxes;
}

function fromXyxy(boxes: Tensor, fmt: BoxFormat): Tensor {
  const [x1, y1, x2, y2] = boxes.unbind(-1);
  const [w, h] = [x2.sub(x1), y2.sub(y1)];
  if (fmt === "xywh") return stack([x1, y1, w, h], -1);
  if (fmt === "cxcywh") return stack([x1.add(x2).div(2), y1.add(y2).div(2), w, h], -1);
  return boxes;
}

/**
 * Converts boxes between formats: `'xyxy'` (corners), `'xywh'` (top-left corner, width, height),
 * `'cxcywh'` (centre, width, height).
 *
 * Args: boxes (Tensor[N, 4]), in_fmt, out_fmt.
 * Returns: Tensor[N, 4] in out_fmt (a copy when the formats agree).
 * @example torchvision.ops.box_convert(torch.tensor([[10., 20, 30, 40]]), "xywh", "xyxy")  // tensor([[10., 20., 40., 60.]])
 */
export function box_convert(boxes: Tensor, in_fmt: BoxFormat, out_fmt: BoxFormat): Tensor {
  if (!FORMATS.includes(in_fmt) || !FORMATS.includes(out_fmt)) {
    throw new ValueError("Unsupported Bounding Box Conversions for given in_fmt and out_fmt");
  }
  if (in_fmt === out_fmt) return boxes.clone();
  return fromXyxy(toXyxy(boxes, in_fmt), out_fmt);
}

/**
 * Clips boxes to lie inside an image of size `[height, width]`.
 *
 * Args: boxes (Tensor[..., 4]) `(x1, y1, x2, y2)`; size ([height, width]).
 * Returns: Tensor of the boxes' shape.
 */
export function clip_boxes_to_image(boxes: Tensor, size: [number, number]): Tensor {
  const [height, width] = size;
  const last = boxes.dim() - 1;
  const xs = stack([boxes.select(last, 0), boxes.select(last, 2)], -1).clamp({ min: 0, max: width });
  const ys = stack([boxes.select(last, 1), boxes.select(last, 3)], -1).clamp({ min: 0, max: height });
  return stack([xs, ys], boxes.dim()).reshape(boxes.shape);
}

/**
 * Indices of the boxes whose both sides are at least `min_size`.
 *
 * Args: boxes (Tensor[N, 4]) `(x1, y1, x2, y2)`; min_size.
 * Returns: int64 Tensor[K], ascending.
 */
export function remove_small_boxes(boxes: Tensor, min_size: number): Tensor {
  const ws = col(boxes, 2).sub(col(boxes, 0));
  const hs = col(boxes, 3).sub(col(boxes, 1));
  return ws.ge(min_size).logical_and(hs.ge(min_size)).nonzero().reshape(-1);
}

function checkNms(boxes: Tensor, scores: Tensor): void {
  if (boxes.dim() !== 2) throw new RuntimeError(`boxes should be a 2d tensor, got ${boxes.dim()}D`);
  if (boxes.shape[1] !== 4) throw new RuntimeError(`boxes should have 4 elements in dimension 1, got ${boxes.shape[1]}`);
  if (scores.dim() !== 1) throw new RuntimeError(`scores should be a 1d tensor, got ${scores.dim()}D`);
  if (boxes.shape[0] !== scores.shape[0]) {
    throw new RuntimeError(`boxes and scores should have same number of elements in dimension 0, got ${boxes.shape[0]} and ${scores.shape[0]}`);
  }
  for (const t of [boxes, scores]) {
    if (!t.is_floating_point()) throw new RuntimeError(`"nms_kernel" not implemented for '${t.dtype._typeName}'`);
  }
}

/**
 * Non-maximum suppression: walks the boxes by decreasing score and drops every later box whose IoU
 * with a kept one is greater than `iou_threshold`.
 *
 * Args: boxes (Tensor[N, 4]) `(x1, y1, x2, y2)`; scores (Tensor[N]); iou_threshold.
 * Returns: int64 Tensor of the kept boxes' indices, by decreasing score.
 * @example torchvision.ops.nms(boxes, scores, 0.5)
 */
export function nms(boxes: Tensor, scores: Tensor, iou_threshold: number): Tensor {
  checkNms(boxes, scores);
  const n = boxes.shape[0];
  const b = boxes.detach().float().contiguous().dataSync() as Float32Array;
  const s = scores.detach().float().contiguous().dataSync() as Float32Array;
  const f = Math.fround;
  // float32 arithmetic throughout, as torchvision's CPU kernel computes in the boxes' type
  const area = Float32Array.from({ length: n }, (_, i) => f(f(b[4 * i + 2] - b[4 * i]) * f(b[4 * i + 3] - b[4 * i + 1])));
  // By decreasing score, equal scores as torchvision's scores.sort(0, descending=True) leaves them.
  const order = new Array<number>(n);
  unstableSortOrder(s, 0, n, true, order);
  const suppressed = new Uint8Array(n);
  const keep: number[] = [];
  for (let a = 0; a < n; a++) {
    const i = order[a];
    if (suppressed[i]) continue;
    keep.push(i);
    for (let c = a + 1; c < n; c++) {
      const j = order[c];
      if (suppressed[j]) continue;
      const w = Math.max(0, f(Math.min(b[4 * i + 2], b[4 * j + 2]) - Math.max(b[4 * i], b[4 * j])));
      const h = Math.max(0, f(Math.min(b[4 * i + 3], b[4 * j + 3]) - Math.max(b[4 * i + 1], b[4 * j + 1])));
      const inter = f(w * h);
      if (f(inter / f(f(area[i] + area[j]) - inter)) > iou_threshold) suppressed[j] = 1;
    }
  }
  return from_typed(Int32Array.from(keep), [keep.length], { dtype: D.int64 });
}

/**
 * NMS within each category: boxes with different `idxs` never suppress each other.
 *
 * Args: boxes (Tensor[N, 4]); scores (Tensor[N]); idxs (Tensor[N], the category of each box);
 * iou_threshold.
 * Returns: int64 Tensor of the kept indices, by decreasing score.
 */
export function batched_nms(boxes: Tensor, scores: Tensor, idxs: Tensor, iou_threshold: number): Tensor {
  if (boxes.numel() === 0) return from_typed(new Int32Array(0), [0], { dtype: D.int64 });
  // torchvision's coordinate trick: shifting each category by more than the largest coordinate
  // keeps categories apart, and one nms call does the rest.
  const offsets = idxs.to(boxes.dtype).mul(boxes.max().add(1));
  return nms(boxes.add(offsets.unsqueeze(1)), scores, iou_threshold);
}

/**
 * The bounding box `(x1, y1, x2, y2)` of the nonzero pixels of each mask (inclusive pixel indices).
 *
 * Args: masks (Tensor[N, H, W]).
 * Returns: float32 Tensor[N, 4].
 */
export function masks_to_boxes(masks: Tensor): Tensor {
  if (masks.numel() === 0) return zeros([0, 4]);
  const [n, h, w] = masks.shape;
  const m = masks.ne(0).contiguous().dataSync();
  const out = new Float32Array(n * 4);
  for (let k = 0; k < n; k++) {
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (!m[k * h * w + y * w + x]) continue;
        x1 = Math.min(x1, x);
        y1 = Math.min(y1, y);
        x2 = Math.max(x2, x);
        y2 = Math.max(y2, y);
      }
    }
    if (x1 === Infinity) {
      throw new RuntimeError("min(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
    }
    out.set([x1, y1, x2, y2], 4 * k);
  }
  return from_typed(out, [n, 4]);
}
