/**
 * MNIST and Fashion-MNIST from their IDX files (plain or gzipped) in a local folder. Nothing is
 * downloaded: torchlab runs where the internet may not be reachable, so `download: true` with no
 * files explains where to put them. Debian's `dataset-fashion-mnist` package installs Fashion-MNIST
 * in /usr/share/datasets/fashion-mnist, which FashionMNIST uses when no root is given.
 *
 * The images stay one Uint8Array (47 MB for 60,000 digits); an item's Image or tensor is made when
 * it is read.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { Tensor } from "../../tensor/tensor";
import { from_typed } from "../../ops/creation";
import { parseArgs, isOptions } from "../../tensor/args";
import { RuntimeError, TypeError } from "../../errors";
import { Image } from "../io";
import { VisionDataset, Fn, FileNotFoundError } from "./vision";

/** An IDX file's dimensions and its values (unsigned bytes). */
export interface IdxArray {
  shape: number[];
  data: Uint8Array;
}

/** Reads an IDX file (ubyte data; .gz is detected by its magic bytes), as torchvision's read_sn3_pascalvincent_tensor. */
export function read_idx(file: string): IdxArray {
  let buf: Uint8Array = fs.readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = zlib.gunzipSync(buf);
    } catch (e) {
      throw new RuntimeError(`${file}: corrupt gzip data (${(e as Error).message})`);
    }
  }
  if (buf.length < 4 || buf[0] !== 0 || buf[1] !== 0) throw new RuntimeError(`${file} is not an IDX file (bad magic number)`);
  const type = buf[2];
  const ndim = buf[3];
  if (type !== 0x08) throw new RuntimeError(`${file}: IDX data type 0x${type.toString(16)} is not supported (MNIST files hold unsigned bytes, 0x08)`);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const shape = Array.from({ length: ndim }, (_, i) => dv.getUint32(4 + 4 * i));
  const offset = 4 + 4 * ndim;
  const n = shape.reduce((a, b) => a * b, 1);
  if (buf.length < offset + n) throw new RuntimeError(`${file} is truncated: shape [${shape.join(", ")}] needs ${offset + n} bytes, the file has ${buf.length}`);
  return { shape, data: buf.subarray(offset, offset + n) };
}

export interface MNISTOptions<X = Image, Y = number> {
  root?: string;
  train?: boolean;
  transform?: Fn<Image, X> | null;
  target_transform?: Fn<number, Y> | null;
  download?: boolean;
}

const FILES = {
  train: ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"],
  test: ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"],
};

/**
 * The MNIST handwritten digits: 60,000 training and 10,000 test images of 28x28 pixels.
 *
 * Args:
 *   root: the folder holding the IDX files (`train-images-idx3-ubyte[.gz]`, ...), either directly
 *     or in `<root>/MNIST/raw/` as torchvision lays them out.
 *   train: the training set (default) or the test set.
 *   transform: applied to each image (an `Image`, like PIL's; e.g. `new transforms.ToTensor()`).
 *   target_transform: applied to each label (a number).
 *   download: torchlab does not download; with no files the error says where to put them.
 *
 * `getitem(i)` returns `[image, label]`: an `Image` (mode 'L') without a transform, as torchvision
 * returns a PIL image; with ToTensor a float tensor [1, 28, 28] in [0, 1].
 * `data` is an integer tensor [N, 28, 28] (uint8 values) and `targets` an integer tensor [N].
 *
 * @example
 * const train = new datasets.MNIST("data", {train: true, transform: new transforms.ToTensor()});
 * const [x, y] = train.getitem(0);   // x: [1, 28, 28], y: 5
 */
export class MNIST<X = Image, Y = number> extends VisionDataset<X, Y> {
  /** The folders searched, in order, when `root` is given. */
  static readonly folderName: string = "MNIST";
  classes: string[] = ["0 - zero", "1 - one", "2 - two", "3 - three", "4 - four", "5 - five", "6 - six", "7 - seven", "8 - eight", "9 - nine"];
  train: boolean;
  /** Where the IDX files were found. */
  raw_folder: string;
  private images: Uint8Array;
  private labels: Uint8Array;
  private rows: number;
  private cols: number;
  private dataCache: Tensor | null = null;
  private targetsCache: Tensor | null = null;

  constructor(root?: string | MNISTOptions<X, Y>, train?: boolean | MNISTOptions<X, Y>, transform?: Fn<Image, X> | null | MNISTOptions<X, Y>, target_transform?: Fn<number, Y> | null | MNISTOptions<X, Y>, download?: boolean | MNISTOptions<X, Y>) {
    const args = [root, train, transform, target_transform, download].filter((x) => x !== undefined);
    const name = new.target.name;
    const a = parseArgs(name, args, ["root", "train", "transform", "target_transform", "download"]);
    if (args.length && !isOptions(args[args.length - 1]) && typeof args[0] !== "string") throw new TypeError(`${name}(): root must be a folder path string`);
    const ctor = new.target as unknown as { folderName: string; defaultRoot?: string };
    const r = (a.root as string | undefined) ?? ctor.defaultRoot;
    if (r === undefined) {
      const hint = ctor.folderName === "FashionMNIST" ? "; without it, the files of Debian's dataset-fashion-mnist package are used (`sudo apt install dataset-fashion-mnist`), which is not installed here" : "";
      throw new TypeError(`${name}() missing 1 required argument: 'root' (the folder holding the IDX files)${hint}`);
    }
    super(r, a.transform as Fn<never, unknown> | null | undefined, a.target_transform as Fn<never, unknown> | null | undefined);
    this.train = (a.train as boolean | undefined) ?? true;
    const files = this.train ? FILES.train : FILES.test;
    const found = locate(r, ctor.folderName, files);
    if (found === null) throw new RuntimeError(missingMessage(name, ctor.folderName, r, files, (a.download as boolean | undefined) ?? false));
    this.raw_folder = found.folder;
    const images = read_idx(found.paths[0]);
    const labels = read_idx(found.paths[1]);
    if (images.shape.length !== 3) throw new RuntimeError(`${found.paths[0]}: expected a 3-D image array [N, rows, cols], got [${images.shape.join(", ")}]`);
    if (labels.shape.length !== 1 || labels.shape[0] !== images.shape[0]) {
      throw new RuntimeError(`${name}: ${images.shape[0]} images but ${labels.shape.join("x")} labels (${found.paths[0]}, ${found.paths[1]})`);
    }
    this.images = images.data;
    this.labels = labels.data;
    this.rows = images.shape[1];
    this.cols = images.shape[2];
  }

  len(): number {
    return this.labels.length;
  }

  getitem(index: number): [X, Y] {
    const i = this.checkIndex(index);
    const size = this.rows * this.cols;
    const img = new Image(this.images.slice(i * size, (i + 1) * size), this.cols, this.rows, "L");
    return this.finish(img, this.labels[i]);
  }

  /** All images as an integer tensor [N, rows, cols] (made on first use: 4 bytes per pixel). */
  get data(): Tensor {
    this.dataCache ??= from_typed(Int32Array.from(this.images), [this.len(), this.rows, this.cols]);
    return this.dataCache;
  }

  /** All labels as an integer tensor [N]. */
  get targets(): Tensor {
    this.targetsCache ??= from_typed(Int32Array.from(this.labels), [this.len()]);
    return this.targetsCache;
  }

  /** The label of item i without decoding its image. */
  target(index: number): number {
    return this.labels[this.checkIndex(index)];
  }

  get class_to_idx(): Record<string, number> {
    return Object.fromEntries(this.classes.map((c, i) => [c, i]));
  }

  protected extra_repr(): string {
    return `Split: ${this.train ? "Train" : "Test"}`;
  }
}

/**
 * Zalando's Fashion-MNIST: 28x28 grayscale clothes in 10 classes, MNIST's file format and sizes.
 * Without `root`, the files of Debian's `dataset-fashion-mnist` package
 * (/usr/share/datasets/fashion-mnist) are used.
 *
 * @example
 * const test = new datasets.FashionMNIST({train: false});
 * test.classes[test.getitem(0)[1]]   // 'Ankle boot'
 */
export class FashionMNIST<X = Image, Y = number> extends MNIST<X, Y> {
  static readonly folderName: string = "FashionMNIST";
  static readonly defaultRoot: string | undefined = fs.existsSync("/usr/share/datasets/fashion-mnist") ? "/usr/share/datasets/fashion-mnist" : undefined;
  classes = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
}

/** Extended-MNIST's style file lookup: <root>/<Name>/raw, <root>/<Name>, <root>; plain or .gz. */
function locate(root: string, folderName: string, files: string[]): { folder: string; paths: string[] } | null {
  for (const folder of [path.join(root, folderName, "raw"), path.join(root, folderName), root]) {
    const paths = files.map((f) => [path.join(folder, f), path.join(folder, f + ".gz")].find((p) => fs.existsSync(p)));
    if (paths.every((p) => p !== undefined)) return { folder, paths: paths as string[] };
  }
  return null;
}

function missingMessage(name: string, folderName: string, root: string, files: string[], download: boolean): string {
  const where = path.join(root, folderName, "raw");
  const lines = [
    download ? `${name}: torchlab does not download datasets, and the files are not in '${root}'.` : `Dataset not found. ${name} looked in '${where}', '${path.join(root, folderName)}' and '${root}'.`,
    `Put ${files.map((f) => `${f}.gz`).join(" and ")} (gzipped or not) in '${where}' (or directly in '${root}').`,
  ];
  if (folderName === "FashionMNIST") {
    lines.push("On Debian/Ubuntu, `sudo apt install dataset-fashion-mnist` installs them in /usr/share/datasets/fashion-mnist (used when no root is given); they are also at https://github.com/zalandoresearch/fashion-mnist (data/fashion).");
  } else {
    lines.push("The files are published at http://yann.lecun.com/exdb/mnist/ (mirror: https://ossci-datasets.s3.amazonaws.com/mnist/); download them on a machine with internet access and copy them there.");
  }
  return lines.join("\n");
}

export { FileNotFoundError };
