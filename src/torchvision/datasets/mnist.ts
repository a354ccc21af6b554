/**
 * MNIST, Fashion-MNIST, Kuzushiji-MNIST and EMNIST from their IDX files (plain or gzipped), laid out
 * as torchvision lays them out (`<root>/<ClassName>/raw/`), with torchvision's `download: true`:
 * the files come from the class's mirror list (`MNIST.mirrors`, `MNIST.resources` with their MD5s,
 * replaceable by the `mirrors` option or TORCHLAB_DATASETS_MIRROR), are unpacked beside their .gz,
 * and are not fetched again once there. Debian's `dataset-fashion-mnist` package installs
 * Fashion-MNIST in /usr/share/datasets/fashion-mnist, which FashionMNIST uses when no root is given.
 *
 * The images stay one Uint8Array (47 MB for 60,000 digits); an item's Image or tensor is made when
 * it is read.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { Tensor } from "../../tensor/tensor";
import { from_typed } from "../../ops/creation";
import * as D from "../../tensor/dtype";
import { parseArgs, isOptions, trimArgs } from "../../tensor/args";
import { RuntimeError, TypeError, ValueError } from "../../errors";
import { Image } from "../io";
import { expandUser, VisionDataset, Fn, FileNotFoundError } from "./vision";
import { downloadResources, notFound, sampleRoot, Resource } from "./download";
import { extract_archive } from "./archive";
import { warn } from "../../warnings";

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
  const offset = 4 + 4 * ndim;
  if (buf.length < offset) throw new RuntimeError(`${file} is truncated inside its header: ${ndim} dimensions need ${offset} header bytes, the file has ${buf.length}`);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const shape = Array.from({ length: ndim }, (_, i) => dv.getUint32(4 + 4 * i));
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
  /** Base URLs (or folders) to download from instead of the class's `mirrors`: each file at `<mirror><filename>`. */
  mirrors?: readonly string[] | null;
}

const NAMES = ["root", "train", "transform", "target_transform", "download", "mirrors"] as const;

/** The statics a dataset class carries, as torchvision's class attributes (a subclass may replace them). */
interface MNISTClass {
  name: string;
  mirrors: readonly string[];
  resources: readonly Resource[];
  defaultRoot?: string;
}

/**
 * The MNIST handwritten digits: 60,000 training and 10,000 test images of 28x28 pixels.
 *
 * Args:
 *   root: the folder holding `MNIST/raw/` (torchvision's layout: `train-images-idx3-ubyte[.gz]`, ...);
 *     the files are also found in `<root>/MNIST/` or directly in `root`.
 *   train: the training set (default) or the test set.
 *   transform: applied to each image (an `Image`, like PIL's; e.g. `new transforms.ToTensor()`).
 *   target_transform: applied to each label (a number).
 *   download: fetch the files into `<root>/MNIST/raw/` when they are missing (from `MNIST.mirrors`,
 *     MD5-checked, with a progress bar); files already there are not fetched again.
 *   mirrors: base URLs or folders to fetch from instead (a campus mirror, an offline copy); the
 *     TORCHLAB_DATASETS_MIRROR environment variable does the same for every data set.
 *
 * `getitem(i)` returns `[image, label]`: an `Image` (mode 'L') without a transform, as torchvision
 * returns a PIL image; with ToTensor a float tensor [1, 28, 28] in [0, 1].
 * `data` is a uint8 tensor [N, 28, 28] and `targets` an int64 tensor [N], as torchvision's.
 *
 * @example
 * const train = new datasets.MNIST("data", {train: true, download: true, transform: new transforms.ToTensor()});
 * const [x, y] = train.getitem(0);   // x: [1, 28, 28], y: 5
 */
export class MNIST<X = Image, Y = number> extends VisionDataset<X, Y> {
  /** Base URLs tried in order by download (torchvision 0.14's list). */
  static mirrors: readonly string[] = ["http://yann.lecun.com/exdb/mnist/", "https://ossci-datasets.s3.amazonaws.com/mnist/"];
  /** The files download fetches, with their MD5s. */
  static resources: readonly Resource[] = [
    ["train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873"],
    ["train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432"],
    ["t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3"],
    ["t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c"],
  ];
  classes: string[] = ["0 - zero", "1 - one", "2 - two", "3 - three", "4 - four", "5 - five", "6 - six", "7 - seven", "8 - eight", "9 - nine"];
  train: boolean;
  /** `<root>/<ClassName>/raw`, where torchvision keeps (and download puts) the files. */
  raw_folder: string;
  /** Where the IDX files were found (raw_folder, unless they were elsewhere). */
  found_folder: string;
  private images: Uint8Array;
  private labels: Uint8Array;
  private rows: number;
  private cols: number;
  private dataCache: Tensor | null = null;
  private targetsCache: Tensor | null = null;

  constructor(root?: string | MNISTOptions<X, Y>, train?: boolean | MNISTOptions<X, Y>, transform?: Fn<Image, X> | null | MNISTOptions<X, Y>, target_transform?: Fn<number, Y> | null | MNISTOptions<X, Y>, download?: boolean | MNISTOptions<X, Y>) {
    const args = trimArgs([root, train, transform, target_transform, download]);
    const name = new.target.name;
    const a = parseArgs(name, args, NAMES);
    if (args.length && !isOptions(args[args.length - 1]) && typeof args[0] !== "string") throw new TypeError(`${name}(): root must be a folder path string`);
    const given = (a.root as string | undefined) ?? (new.target as unknown as MNISTClass).defaultRoot;
    if (given === undefined) throw new TypeError(missingRoot(name));
    if (typeof given !== "string") throw new TypeError(`${name}(): root must be a folder path string`);
    const r = expandUser(given);
    super(r, a.transform as Fn<never, unknown> | null | undefined, a.target_transform as Fn<never, unknown> | null | undefined);
    this.train = (a.train as boolean | undefined) ?? true;
    this.raw_folder = path.join(r, name, "raw");
    const files = this.split_files();
    let found = locate(r, name, files);
    let failed: ReturnType<typeof downloadResources> | null = null;
    if (found === null && ((a.download as boolean | undefined) ?? false)) {
      failed = this.fetch(a.mirrors as readonly string[] | null | undefined);
      found = locate(r, name, files);
    }
    // As in torchvision, a download that failed is an error even when this split's files are there.
    if (found === null || (failed !== null && failed.size > 0)) {
      throw notFound({
        name,
        files: files.map((f) => `${f}[.gz]`),
        looked: [this.raw_folder, path.join(r, name), r],
        target: this.raw_folder,
        failed,
        hints: this.hints(),
      });
    }
    this.found_folder = found.folder;
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

  /** The image and label files of this split (without .gz). */
  protected split_files(): string[] {
    const prefix = this.train ? "train" : "t10k";
    return [`${prefix}-images-idx3-ubyte`, `${prefix}-labels-idx1-ubyte`];
  }

  /** Downloads the resources into raw_folder (and unpacks them); returns the failed attempts by file. */
  protected fetch(mirrors: readonly string[] | null | undefined): ReturnType<typeof downloadResources> {
    const ctor = this.constructor as unknown as MNISTClass;
    return downloadResources(ctor.name, this.raw_folder, ctor.resources, ctor.mirrors, mirrors);
  }

  /** Ways to get the files that are specific to the data set. */
  protected hints(): string[] {
    return [];
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

  /** All images as a uint8 tensor [N, rows, cols] (made on first use: held in 4 bytes per pixel). */
  get data(): Tensor {
    this.dataCache ??= from_typed(this.images, [this.len(), this.rows, this.cols], { dtype: D.uint8 });
    return this.dataCache;
  }

  /** All labels as an integer tensor [N]. */
  get targets(): Tensor {
    this.targetsCache ??= from_typed(Int32Array.from(this.labels), [this.len()]);
    return this.targetsCache;
  }

  /** torchvision's old names (`train_dataset.train_data.size()` in older tutorials): `data`, with its UserWarning. */
  get train_data(): Tensor {
    warn("train_data has been renamed data");
    return this.data;
  }

  /** torchvision's old name of `targets`, with its UserWarning. */
  get train_labels(): Tensor {
    warn("train_labels has been renamed targets");
    return this.targets;
  }

  /** torchvision's old name of `data`, with its UserWarning. */
  get test_data(): Tensor {
    warn("test_data has been renamed data");
    return this.data;
  }

  /** torchvision's old name of `targets`, with its UserWarning. */
  get test_labels(): Tensor {
    warn("test_labels has been renamed targets");
    return this.targets;
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

const DEBIAN_FASHION = "/usr/share/datasets/fashion-mnist";

/**
 * Zalando's Fashion-MNIST: 28x28 grayscale clothes in 10 classes, MNIST's file format and sizes.
 * Without `root`, the files of Debian's `dataset-fashion-mnist` package
 * (/usr/share/datasets/fashion-mnist) are used. torchlab ships a sample (the first 6,000 training
 * and 1,000 test images) in its `data/` folder, read with `root` pointing there.
 *
 * @example
 * const test = new datasets.FashionMNIST({root: "data", train: false, download: true});
 * test.classes[test.getitem(0)[1]]   // 'Ankle boot'
 */
export class FashionMNIST<X = Image, Y = number> extends MNIST<X, Y> {
  static mirrors: readonly string[] = ["http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"];
  static resources: readonly Resource[] = [
    ["train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"],
    ["train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe"],
    ["t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79"],
    ["t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310"],
  ];
  static get defaultRoot(): string | undefined {
    // The package's files, not just its folder: an emptied or half-removed folder is not a data set.
    return locate(DEBIAN_FASHION, "FashionMNIST", ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"]) !== null ? DEBIAN_FASHION : undefined;
  }
  classes = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

  protected hints(): string[] {
    const sample = sampleRoot();
    return [
      "Debian/Ubuntu: `sudo apt install dataset-fashion-mnist` installs the full set in /usr/share/datasets/fashion-mnist (used when no root is given); the files are also at https://github.com/zalandoresearch/fashion-mnist (data/fashion)",
      ...(sample === null ? [] : [`torchlab's 6,000/1,000-image sample: root: "${sample}"`]),
    ];
  }
}

/** Kuzushiji-MNIST: 28x28 cursive Japanese (hiragana) characters in 10 classes, MNIST's format and sizes. */
export class KMNIST<X = Image, Y = number> extends MNIST<X, Y> {
  static mirrors: readonly string[] = ["http://codh.rois.ac.jp/kmnist/dataset/kmnist/"];
  static resources: readonly Resource[] = [
    ["train-images-idx3-ubyte.gz", "bdb82020997e1d708af4cf47b453dcf7"],
    ["train-labels-idx1-ubyte.gz", "e144d726b3acfaa3e44228e80efcd344"],
    ["t10k-images-idx3-ubyte.gz", "5c965bf0a639b31b8f53240b1b52f4d7"],
    ["t10k-labels-idx1-ubyte.gz", "7320c461ea6c1c855c0b718fb2a4b134"],
  ];
  classes = ["o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo"];
}

/** EMNIST's splits, as torchvision names them. */
export type EMNISTSplit = "byclass" | "bymerge" | "balanced" | "letters" | "digits" | "mnist";

export interface EMNISTOptions<X = Image, Y = number> extends MNISTOptions<X, Y> {
  split?: EMNISTSplit;
}

const DIGITS = "0123456789".split("");
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");
const LOWER = "abcdefghijklmnopqrstuvwxyz".split("");
// Lowercase letters written like their capitals are merged into them in bymerge and balanced.
const MERGED = new Set("cijklmopsuvwxyz".split(""));

/**
 * Extended MNIST: handwritten digits and letters, 28x28, in six splits (`byclass`, `bymerge`,
 * `balanced`, `letters`, `digits`, `mnist`). download fetches NIST's gzip.zip (562 MB) once and
 * unpacks every split's IDX files into `<root>/EMNIST/raw/`. As in torchvision, the images are
 * stored transposed (a letter appears mirrored along its diagonal).
 *
 * Args:
 *   root: as MNIST; split: which split; train, transform, target_transform, download, mirrors: as MNIST.
 *
 * @example
 * const letters = new datasets.EMNIST("data", "letters", {download: true, transform: new transforms.ToTensor()});
 * letters.classes.length   // 27 ('N/A' then a..z; labels are 1..26)
 */
export class EMNIST<X = Image, Y = number> extends MNIST<X, Y> {
  static mirrors: readonly string[] = ["https://www.itl.nist.gov/iaui/vip/cs_links/EMNIST/"];
  static resources: readonly Resource[] = [["gzip.zip", "58c8d27c78d21e728a6bc7b3cc06412e"]];
  static readonly splits: readonly EMNISTSplit[] = ["byclass", "bymerge", "balanced", "letters", "digits", "mnist"];
  static readonly classes_split_dict: Readonly<Record<EMNISTSplit, readonly string[]>> = {
    byclass: [...DIGITS, ...UPPER, ...LOWER],
    bymerge: [...DIGITS, ...UPPER, ...LOWER.filter((c) => !MERGED.has(c))],
    balanced: [...DIGITS, ...UPPER, ...LOWER.filter((c) => !MERGED.has(c))],
    letters: ["N/A", ...LOWER],
    digits: DIGITS,
    mnist: DIGITS,
  };
  split!: EMNISTSplit;

  constructor(root?: string | EMNISTOptions<X, Y>, split?: EMNISTSplit | EMNISTOptions<X, Y>, options?: EMNISTOptions<X, Y>) {
    const args = trimArgs([root, split, options]);
    const a = parseArgs("EMNIST", args, ["root", "split", ...NAMES.slice(1)]);
    const s = a.split as EMNISTSplit | undefined;
    if (s === undefined) throw new TypeError("EMNIST() missing 1 required argument: 'split' (one of byclass, bymerge, balanced, letters, digits, mnist)");
    if (!EMNIST.splits.includes(s)) throw new ValueError(`Unknown value '${String(s)}' for argument split. Valid values are {${EMNIST.splits.map((x) => `'${x}'`).join(", ")}}.`);
    const rest: Record<string, unknown> = { ...a };
    delete rest.split;
    pendingSplit = s;
    try {
      super(rest as MNISTOptions<X, Y>);
    } finally {
      pendingSplit = null;
    }
    this.split = s;
    this.classes = EMNIST.classes_split_dict[s].slice();
  }

  protected split_files(): string[] {
    // split_files runs inside MNIST's constructor, before this constructor can set `split`.
    const split = this.split ?? pendingSplit;
    const prefix = `emnist-${split}-${this.train ? "train" : "test"}`;
    return [`${prefix}-images-idx3-ubyte`, `${prefix}-labels-idx1-ubyte`];
  }

  protected fetch(mirrors: readonly string[] | null | undefined): ReturnType<typeof downloadResources> {
    const failed = super.fetch(mirrors);
    if (failed.size > 0) return failed;
    // gzip.zip unpacks to raw/gzip/*.gz; each split's files then go to raw/, as torchvision leaves them.
    const gzipFolder = path.join(this.raw_folder, "gzip");
    for (const f of fs.readdirSync(gzipFolder)) {
      if (f.endsWith(".gz")) extract_archive(path.join(gzipFolder, f), this.raw_folder);
    }
    fs.rmSync(gzipFolder, { recursive: true, force: true });
    return failed;
  }

  protected extra_repr(): string {
    return `Split: ${this.train ? "Train" : "Test"}`;
  }
}

let pendingSplit: EMNISTSplit | null = null;

function missingRoot(name: string): string {
  const lines = [`${name}() missing 1 required argument: 'root' (the folder holding ${name}/raw/, where download: true puts the files)`];
  if (name === "FashionMNIST") {
    lines.push(`Without a root, the files of Debian's dataset-fashion-mnist package (${DEBIAN_FASHION}) are used; it is not installed here (\`sudo apt install dataset-fashion-mnist\`).`);
    const sample = sampleRoot();
    if (sample !== null) lines.push(`torchlab ships a 6,000/1,000-image sample: root: "${sample}".`);
  }
  return lines.join("\n");
}

/** torchvision's layout <root>/<Name>/raw first, then <root>/<Name> and <root>; the plain file before its .gz. */
function locate(root: string, folderName: string, files: string[]): { folder: string; paths: string[] } | null {
  for (const folder of [path.join(root, folderName, "raw"), path.join(root, folderName), root]) {
    const paths = files.map((f) => [path.join(folder, f), path.join(folder, f + ".gz")].find((p) => fs.existsSync(p) && fs.statSync(p).isFile()));
    if (paths.every((p) => p !== undefined)) return { folder, paths: paths as string[] };
  }
  return null;
}

export { FileNotFoundError };
