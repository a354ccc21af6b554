/**
 * The seam between the core and rich display: Tensor's `Symbol.for("Jupyter.display")` asks the
 * hook installed here for extra MIME types (an image for image-like tensors). The core imports only
 * this file, so it never loads the canvas or the display code; src/display installs the hook.
 */
import type { Tensor } from "../tensor/tensor";

/** Returns MIME types to show beside the tensor's text (which it is given), or null for text only. */
export type TensorDisplayHook = (t: Tensor, text: string) => Record<string, string> | null;

let hook: TensorDisplayHook | null = null;

/** Installs (or with null removes) the hook; returns the previous one. */
export function set_tensor_display_hook(next: TensorDisplayHook | null): TensorDisplayHook | null {
  const previous = hook;
  hook = next;
  return previous;
}

/** The installed hook, if any. */
export function tensor_display_hook(): TensorDisplayHook | null {
  return hook;
}
