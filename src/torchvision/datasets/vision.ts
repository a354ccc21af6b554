/**
 * VisionDataset: the base of torchvision's datasets (root, transform, target_transform and
 * PyTorch's repr), on torch.utils.data.Dataset's protocol (`getitem(index)`, `len()`).
 */
import * as os from "node:os";
import * as path from "node:path";
import { Dataset } from "../../utils/data/dataset";
import { FileNotFoundError, IndexError, TypeError } from "../../errors";
import { asPyTuple } from "../../pyrepr";
import { Transform } from "../transforms/transform";

/** A transform applied to a sample's input or target: a transform object or any function. */
export type Fn<I, O> = (x: I) => O;

/** Python's FileNotFoundError (an OSError), raised when dataset files are missing: the prelude's own class. */
export { FileNotFoundError };

/**
 * Python's os.path.expanduser of a dataset's root, which torchvision's VisionDataset applies: `~` and
 * `~/...` are under the home folder (Machine Learning Mastery's `MNIST('~/.torch/datasets/mnist', ...)`).
 */
export function expandUser(root: string): string {
  return root === "~" || root.startsWith("~/") ? path.join(os.homedir(), root.slice(1)) : root;
}

function reprLines(t: unknown, head: string): string[] {
  // A plain function prints as Python prints one (without the address), not as its source code.
  const text = t instanceof Transform ? String(t) : `<function ${(t as { name?: string }).name || "<lambda>"}>`;
  const lines = text.split("\n");
  return [`${head}${lines[0]}`, ...lines.slice(1).map((l) => " ".repeat(head.length) + l)];
}

/**
 * PyTorch's spelling of a dataset's `getitem`, typed as the dataset's own sample (`image, _ =
 * train_loader.dataset.__getitem__(i)`, as NYU DL's 06-convnet writes it). Every Dataset has it at run
 * time (utils/data/dataset.ts); declared here, where each subclass's `getitem` returns `[X, Y]`.
 */
export interface VisionDataset<X, Y> {
  __getitem__(index: number): [X, Y];
}
export abstract class VisionDataset<X, Y> extends Dataset<[X, Y]> {
  root: string | null;
  transform: Fn<never, unknown> | null;
  target_transform: Fn<never, unknown> | null;

  constructor(root: string | null, transform: Fn<never, unknown> | null | undefined, target_transform: Fn<never, unknown> | null | undefined) {
    super();
    for (const [name, f] of [["transform", transform], ["target_transform", target_transform]] as const) {
      if (f !== null && f !== undefined && typeof f !== "function") throw new TypeError(`${this.constructor.name}(): ${name} must be callable (a transform or a function), got ${typeof f}`);
    }
    this.root = root;
    this.transform = transform ?? null;
    this.target_transform = target_transform ?? null;
  }

  /** Applies transform / target_transform to a raw sample. */
  protected finish(img: unknown, target: unknown): [X, Y] {
    const x = this.transform ? (this.transform as unknown as Fn<unknown, unknown>)(img) : img;
    const y = this.target_transform ? (this.target_transform as unknown as Fn<unknown, unknown>)(target) : target;
    // torchvision's datasets return the tuple (image, target), which prints as one.
    return asPyTuple([x as X, y as Y]);
  }

  /** Python-style index: negative counts from the end; out of range is an IndexError. */
  protected checkIndex(index: number): number {
    const n = this.__len__();
    if (!Number.isInteger(index)) throw new TypeError(`${this.constructor.name} indices must be integers, got ${String(index)}`);
    if (index < -n || index >= n) throw new IndexError(`index ${index} is out of bounds for dimension 0 with size ${n}`);
    return index < 0 ? index + n : index;
  }

  protected extra_repr(): string {
    return "";
  }

  toString(): string {
    const body = [`Number of datapoints: ${this.__len__()}`];
    if (this.root !== null) body.push(`Root location: ${this.root}`);
    body.push(...this.extra_repr().split("\n").filter((l) => l !== ""));
    if (this.transform || this.target_transform) {
      const st = ["StandardTransform"];
      if (this.transform) st.push(...reprLines(this.transform, "Transform: "));
      if (this.target_transform) st.push(...reprLines(this.target_transform, "Target transform: "));
      body.push(st.join("\n"));
    }
    return [`Dataset ${this.constructor.name}`, ...body.map((l) => `    ${l}`)].join("\n");
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}
