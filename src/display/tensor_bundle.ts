/**
 * A Tensor's rich rendering: an image-like tensor ([1|3, H, W] or [B, 1|3, H, W], values in [0, 1]
 * or 0..255 integers) shows as a picture beside its text.
 */
import { Tensor } from "../tensor/tensor";
import type { MimeBundle } from "./emitter";
import { image_bundle } from "./image";

/** Tensors smaller than this on a side are arrays of numbers to a reader, not pictures. */
const MIN_SIDE = 8;
const MAX_SIDE = 2048;
const MAX_BATCH = 64;
/** Past this many values a picture costs the repr seconds; such tensors are shown as text only. */
const MAX_NUMEL = 4 * 1024 * 1024;

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Whether `t` looks like an image or a batch of images (by shape, dtype and value range). */
export function is_image_like(t: Tensor): boolean {
  const s = t.shape;
  const chw = s.length === 3 ? s : s.length === 4 && s[0] >= 1 && s[0] <= MAX_BATCH ? s.slice(1) : null;
  if (chw === null || (chw[0] !== 1 && chw[0] !== 3)) return false;
  if (Math.min(chw[1], chw[2]) < MIN_SIDE || Math.max(chw[1], chw[2]) > MAX_SIDE) return false;
  if (t.dtype._tf === "bool" || t.numel() > MAX_NUMEL) return false;
  const v = t.dataSync();
  const hi = t.dtype._tf === "float32" ? 1 : 255;
  for (let i = 0; i < v.length; i++) if (!(v[i] >= 0 && v[i] <= hi)) return false;
  return true;
}

/**
 * The MIME bundle of a tensor: always text/plain (its PyTorch-style print); for an image-like
 * tensor also image/png, and text/html with the picture and the text folded under it, because
 * JupyterLab shows only the richest type and the numbers should stay one click away.
 */
export function tensorBundle(t: Tensor, text: string = t.toString()): MimeBundle {
  const extra = tensorExtras(t, text);
  return extra === null ? { "text/plain": text } : { ...extra, "text/plain": text };
}

/** The hook Tensor's rich display consults: extra MIME types, or null. Never throws. */
export function tensorExtras(t: Tensor, text: string): Record<string, string> | null {
  try {
    if (!is_image_like(t)) return null;
    const bundle = image_bundle(t, { normalize: "auto" });
    const summary = `tensor of shape [${t.shape.join(", ")}], ${t.dtype}`;
    const html =
      `<div><img src="data:image/png;base64,${bundle["image/png"]}" alt="${escapeHtml(summary)}" style="image-rendering: pixelated"/>` +
      `<details><summary><code>${escapeHtml(summary)}</code></summary><pre>${escapeHtml(text)}</pre></details></div>`;
    return { "image/png": bundle["image/png"], "text/html": html };
  } catch {
    // A rich rendering is a bonus: a failure in it must never cost the user the tensor's text.
    return null;
  }
}
