/**
 * CIFAR-10 and CIFAR-100 from their binary distributions (cifar-10-binary.tar.gz /
 * cifar-100-binary.tar.gz, unpacked), read from a local folder.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Tensor } from "../../tensor/tensor";
import { from_typed } from "../../ops/creation";
import { parseArgs } from "../../tensor/args";
import { RuntimeError, TypeError } from "../../errors";
import { Image } from "../io";
import { VisionDataset, Fn } from "./vision";

export interface CIFAROptions<X = Image, Y = number> {
  root?: string;
  train?: boolean;
  transform?: Fn<Image, X> | null;
  target_transform?: Fn<number, Y> | null;
  download?: boolean;
}

const PIXELS = 32 * 32 * 3;

interface Layout {
  folder: string;
  train: string[];
  test: string[];
  labelBytes: number;
  meta: string;
  defaultClasses: string[];
  archive: string;
}

const CIFAR10_LAYOUT: Layout = {
  folder: "cifar-10-batches-bin",
  train: ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"],
  test: ["test_batch.bin"],
  labelBytes: 1,
  meta: "batches.meta.txt",
  defaultClasses: ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"],
  archive: "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz",
};

const CIFAR100_LAYOUT: Layout = {
  folder: "cifar-100-binary",
  train: ["train.bin"],
  test: ["test.bin"],
  labelBytes: 2,
  meta: "fine_label_names.txt",
  defaultClasses: [],
  archive: "https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz",
};

/**
 * CIFAR-10: 50,000 training and 10,000 test colour images, 32x32, in 10 classes.
 *
 * Args:
 *   root: the folder holding `cifar-10-batches-bin/` (the unpacked binary version), or that folder.
 *   train, transform, target_transform, download: as MNIST (nothing is downloaded).
 *
 * `getitem(i)` returns `[image, label]` with an RGB `Image` (PIL in torchvision); `data` is an
 * integer tensor [N, 32, 32, 3] (HWC, as torchvision's numpy array) and `targets` a number[].
 *
 * @example new datasets.CIFAR10("data", {train: false, transform: new transforms.ToTensor()})
 */
export class CIFAR10<X = Image, Y = number> extends VisionDataset<X, Y> {
  protected static readonly layout: Layout = CIFAR10_LAYOUT;
  train: boolean;
  classes: string[];
  /** Labels of every image, as torchvision's list. */
  targets: number[];
  private pixels: Uint8Array;
  private dataCache: Tensor | null = null;

  constructor(root?: string | CIFAROptions<X, Y>, train?: boolean | CIFAROptions<X, Y>, transform?: Fn<Image, X> | null | CIFAROptions<X, Y>, target_transform?: Fn<number, Y> | null | CIFAROptions<X, Y>, download?: boolean | CIFAROptions<X, Y>) {
    const name = new.target.name;
    const a = parseArgs(name, [root, train, transform, target_transform, download].filter((x) => x !== undefined), ["root", "train", "transform", "target_transform", "download"]);
    if (typeof a.root !== "string") throw new TypeError(`${name}() missing 1 required argument: 'root' (the folder holding the binary batches)`);
    const r = a.root;
    super(r, a.transform as Fn<never, unknown> | null | undefined, a.target_transform as Fn<never, unknown> | null | undefined);
    const layout = (new.target as unknown as { layout: Layout }).layout;
    this.train = (a.train as boolean | undefined) ?? true;
    const files = this.train ? layout.train : layout.test;
    const folder = [path.join(r, layout.folder), r].find((d) => files.every((f) => fs.existsSync(path.join(d, f))));
    if (folder === undefined) {
      const dl = (a.download as boolean | undefined) ?? false;
      throw new RuntimeError(
        `${dl ? `${name}: torchlab does not download datasets, and the files are not in '${r}'.` : `Dataset not found or corrupted: ${name} looked in '${path.join(r, layout.folder)}' and '${r}'.`}\n` +
          `Put ${files.join(", ")} (the binary version, ${layout.archive}, unpacked) in '${path.join(r, layout.folder)}'. ` +
          "torchvision's pickled 'python version' is not read by torchlab.",
      );
    }
    const record = layout.labelBytes + PIXELS;
    const chunks = files.map((f) => {
      const b = fs.readFileSync(path.join(folder, f));
      if (b.length % record !== 0) throw new RuntimeError(`${path.join(folder, f)}: ${b.length} bytes is not a whole number of ${record}-byte records`);
      return b;
    });
    const n = chunks.reduce((s, b) => s + b.length / record, 0);
    this.pixels = new Uint8Array(n * PIXELS);
    this.targets = new Array<number>(n);
    let k = 0;
    for (const b of chunks) {
      for (let o = 0; o < b.length; o += record, k++) {
        this.targets[k] = b[o + layout.labelBytes - 1];
        const src = b.subarray(o + layout.labelBytes, o + record);
        // Records are channel-planar (1024 R, 1024 G, 1024 B); keep pixels interleaved (HWC) as torchvision does.
        const dst = this.pixels.subarray(k * PIXELS, (k + 1) * PIXELS);
        for (let p = 0; p < 1024; p++) {
          dst[3 * p] = src[p];
          dst[3 * p + 1] = src[1024 + p];
          dst[3 * p + 2] = src[2048 + p];
        }
      }
    }
    const metaPath = path.join(folder, layout.meta);
    this.classes = fs.existsSync(metaPath) ? fs.readFileSync(metaPath, "utf8").split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== "") : layout.defaultClasses.slice();
  }

  len(): number {
    return this.targets.length;
  }

  getitem(index: number): [X, Y] {
    const i = this.checkIndex(index);
    return this.finish(new Image(this.pixels.slice(i * PIXELS, (i + 1) * PIXELS), 32, 32, "RGB"), this.targets[i]);
  }

  /** All images as an integer tensor [N, 32, 32, 3] (made on first use). */
  get data(): Tensor {
    this.dataCache ??= from_typed(Int32Array.from(this.pixels), [this.len(), 32, 32, 3]);
    return this.dataCache;
  }

  get class_to_idx(): Record<string, number> {
    return Object.fromEntries(this.classes.map((c, i) => [c, i]));
  }

  protected extra_repr(): string {
    return `Split: ${this.train ? "Train" : "Test"}`;
  }
}

/** CIFAR-100 (binary version, `cifar-100-binary/train.bin`, `test.bin`): the 100 fine labels. */
export class CIFAR100<X = Image, Y = number> extends CIFAR10<X, Y> {
  protected static readonly layout: Layout = CIFAR100_LAYOUT;
}
