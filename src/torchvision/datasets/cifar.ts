/**
 * CIFAR-10 and CIFAR-100 as torchvision has them: the "python version" (`cifar-10-batches-py/`,
 * pickled batches, what torchvision downloads and MD5-checks), which `download: true` fetches, and
 * the binary version (`cifar-10-batches-bin/`, `cifar-100-binary/`, unpacked), read when present.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Tensor } from "../../tensor/tensor";
import { from_typed } from "../../ops/creation";
import * as D from "../../tensor/dtype";
import { parseArgs } from "../../tensor/args";
import { RuntimeError, TypeError } from "../../errors";
import { Image } from "../io";
import { expandUser, VisionDataset, Fn } from "./vision";
import { check_integrity, calculate_md5 } from "./utils";
import { downloadResources, notFound, Resource } from "./download";
import { PyDict, pyRepr } from "../../serialization/pickle";
import { unpickleDataFile, dictGet, pyString, NdArray } from "./pickle";

export interface CIFAROptions<X = Image, Y = number> {
  root?: string;
  train?: boolean;
  transform?: Fn<Image, X> | null;
  target_transform?: Fn<number, Y> | null;
  download?: boolean;
  /** Base URLs (or folders) to download from instead of the class's `mirrors`: the archive at `<mirror><filename>`. */
  mirrors?: readonly string[] | null;
}

const PIXELS = 32 * 32 * 3;

/** The binary version's layout (not what torchvision downloads, but read when it is there). */
interface BinaryLayout {
  folder: string;
  train: string[];
  test: string[];
  labelBytes: number;
  meta: string;
}

const CIFAR10_CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

interface CIFARClass {
  name: string;
  base_folder: string;
  mirrors: readonly string[];
  filename: string;
  tgz_md5: string;
  train_list: readonly Resource[];
  test_list: readonly Resource[];
  meta: { filename: string; key: string; md5: string };
  binary: BinaryLayout;
}

/**
 * CIFAR-10: 50,000 training and 10,000 test colour images, 32x32, in 10 classes.
 *
 * Args:
 *   root: the folder holding `cifar-10-batches-py/` (torchvision's download: pickled batches,
 *     MD5-checked as torchvision checks them) or `cifar-10-batches-bin/` (the binary version).
 *   train: the five training batches (default) or the test batch.
 *   transform, target_transform: as MNIST.
 *   download: fetch and unpack cifar-10-python.tar.gz (163 MB) into root when the batches are
 *     missing or corrupt; nothing is fetched when they are intact.
 *   mirrors: base URLs or folders to fetch the archive from instead (or TORCHLAB_DATASETS_MIRROR).
 *
 * `getitem(i)` returns `[image, label]` with an RGB `Image` (PIL in torchvision); `data` is an
 * integer tensor [N, 32, 32, 3] (HWC, as torchvision's numpy array) and `targets` a number[].
 *
 * @example new datasets.CIFAR10("data", {train: false, download: true, transform: new transforms.ToTensor()})
 */
export class CIFAR10<X = Image, Y = number> extends VisionDataset<X, Y> {
  static base_folder = "cifar-10-batches-py";
  static mirrors: readonly string[] = ["https://www.cs.toronto.edu/~kriz/"];
  static filename = "cifar-10-python.tar.gz";
  static tgz_md5 = "c58f30108f718f92721af3b95e74349a";
  static train_list: readonly Resource[] = [
    ["data_batch_1", "c99cafc152244af753f735de768cd75f"],
    ["data_batch_2", "d4bba439e000b95fd0a9bffe97cbabec"],
    ["data_batch_3", "54ebc095f3ab1f0389bbae665268c751"],
    ["data_batch_4", "634d18415352ddfa80567beed471001a"],
    ["data_batch_5", "482c414d41f54cd18b22e5b47cb7c3cb"],
  ];
  static test_list: readonly Resource[] = [["test_batch", "40351d587109b95175f43aff81a1287e"]];
  static meta = { filename: "batches.meta", key: "label_names", md5: "5ff9c542aee3614f3951f8cda6e48888" };
  static binary: BinaryLayout = {
    folder: "cifar-10-batches-bin",
    train: ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"],
    test: ["test_batch.bin"],
    labelBytes: 1,
    meta: "batches.meta.txt",
  };
  train: boolean;
  classes: string[];
  /** Labels of every image, as torchvision's list. */
  targets: number[];
  private pixels: Uint8Array;
  private dataCache: Tensor | null = null;

  constructor(root?: string | CIFAROptions<X, Y>, train?: boolean | CIFAROptions<X, Y>, transform?: Fn<Image, X> | null | CIFAROptions<X, Y>, target_transform?: Fn<number, Y> | null | CIFAROptions<X, Y>, download?: boolean | CIFAROptions<X, Y>) {
    const name = new.target.name;
    const a = parseArgs(name, [root, train, transform, target_transform, download], ["root", "train", "transform", "target_transform", "download", "mirrors"]);
    if (typeof a.root !== "string") throw new TypeError(`${name}() missing 1 required argument: 'root' (the folder holding ${(new.target as unknown as CIFARClass).base_folder}/, where download: true puts it)`);
    const r = expandUser(a.root);
    super(r, a.transform as Fn<never, unknown> | null | undefined, a.target_transform as Fn<never, unknown> | null | undefined);
    const ctor = new.target as unknown as CIFARClass;
    this.train = (a.train as boolean | undefined) ?? true;
    const py = path.join(r, ctor.base_folder);
    const list = this.train ? ctor.train_list : ctor.test_list;
    const binFiles = this.train ? ctor.binary.train : ctor.binary.test;
    const bin = [path.join(r, ctor.binary.folder), r].find((d) => binFiles.every((f) => fs.existsSync(path.join(d, f))));
    let intact = this._check_integrity();
    let failed = null;
    // The binary version, when present, is read as it is: download only fills a folder that has neither.
    if (((a.download as boolean | undefined) ?? false) && (intact || bin === undefined)) {
      failed = this.download(a.mirrors as readonly string[] | null | undefined);
      intact = this._check_integrity();
    }
    let loaded: { pixels: Uint8Array; targets: number[]; classes: string[] };
    if (intact) {
      loaded = loadPython(py, list, ctor.meta);
    } else {
      if (bin === undefined) {
        const bad = [...ctor.train_list, ...ctor.test_list].filter(([f, md5]) => fs.existsSync(path.join(py, f)) && !check_integrity(path.join(py, f), md5)).map(([f]) => f);
        throw notFound({
          name,
          corrupted: bad.length > 0,
          files: [...[...ctor.train_list, ...ctor.test_list].map(([f]) => f), `(or the binary version's ${ctor.binary.train.concat(ctor.binary.test).join(", ")})`],
          looked: [py, path.join(r, ctor.binary.folder), r],
          target: `${r} (the archive ${ctor.filename} unpacks to ${ctor.base_folder}/)`,
          failed,
          hints: [
            ...(bad.length > 0 ? [`${bad.join(", ")} in ${py} failed the MD5 check (corrupted or not CIFAR's files); download: true replaces them`] : []),
            `the archive is ${ctor.mirrors.map((m) => m + ctor.filename).join(" or ")}; torchvision's own download folder works as it is`,
          ],
        });
      }
      loaded = loadBinary(bin, binFiles, ctor.binary);
    }
    this.pixels = loaded.pixels;
    this.targets = loaded.targets;
    this.classes = loaded.classes;
  }

  /** torchvision's _check_integrity: every python batch present with its MD5. */
  _check_integrity(): boolean {
    const ctor = this.constructor as unknown as CIFARClass;
    return [...ctor.train_list, ...ctor.test_list].every(([f, md5]) => check_integrity(path.join(this.root as string, ctor.base_folder, f), md5));
  }

  /** Fetches and unpacks the archive unless the batches are intact; returns the failed attempts. */
  download(mirrors?: readonly string[] | null): ReturnType<typeof downloadResources> {
    if (this._check_integrity()) {
      console.log("Files already downloaded and verified");
      return new Map();
    }
    const ctor = this.constructor as unknown as CIFARClass;
    return downloadResources(ctor.name, this.root as string, [[ctor.filename, ctor.tgz_md5]], ctor.mirrors, mirrors);
  }

  len(): number {
    return this.targets.length;
  }

  getitem(index: number): [X, Y] {
    const i = this.checkIndex(index);
    return this.finish(new Image(this.pixels.slice(i * PIXELS, (i + 1) * PIXELS), 32, 32, "RGB"), this.targets[i]);
  }

  /** All images as a uint8 tensor [N, 32, 32, 3] (made on first use; torchvision's is a numpy uint8 array of that shape). */
  get data(): Tensor {
    this.dataCache ??= from_typed(this.pixels, [this.len(), 32, 32, 3], { dtype: D.uint8 });
    return this.dataCache;
  }

  get class_to_idx(): Record<string, number> {
    return Object.fromEntries(this.classes.map((c, i) => [c, i]));
  }

  protected extra_repr(): string {
    return `Split: ${this.train ? "Train" : "Test"}`;
  }
}

/** Channel-planar records (1024 R, 1024 G, 1024 B) to interleaved HWC pixels, as torchvision's transpose. */
function planarToHwc(src: Uint8Array, dst: Uint8Array): void {
  for (let p = 0; p < 1024; p++) {
    dst[3 * p] = src[p];
    dst[3 * p + 1] = src[1024 + p];
    dst[3 * p + 2] = src[2048 + p];
  }
}

function loadPython(folder: string, list: readonly Resource[], meta: { filename: string; key: string; md5: string }): { pixels: Uint8Array; targets: number[]; classes: string[] } {
  const arrays: NdArray[] = [];
  const targets: number[] = [];
  for (const [f] of list) {
    const file = path.join(folder, f);
    const entry = unpickleDataFile(fs.readFileSync(file), file);
    if (!(entry instanceof PyDict)) throw new RuntimeError(`${file}: expected a dict, got ${pyRepr(entry)}`);
    const data = dictGet(entry, "data", file);
    const labels = dictGet(entry, "labels", file) ?? dictGet(entry, "fine_labels", file);
    if (!(data instanceof NdArray) || data.dtype !== "u1" || data.shape.length !== 2 || data.shape[1] !== 3072 || data.fortran_order) {
      throw new RuntimeError(`${file}: expected 'data' as a C-ordered uint8 array [N, 3072], got ${data instanceof NdArray ? `${data.dtype} [${data.shape.slice(0, 8).join(", ")}]` : pyRepr(data)}`);
    }
    if (!Array.isArray(labels) || labels.length !== data.shape[0]) throw new RuntimeError(`${file}: expected ${data.shape[0]} labels ('labels' or 'fine_labels'), got ${Array.isArray(labels) ? labels.length : pyRepr(labels)}`);
    // Labels are checked one by one: converting a nested list (which a memo can make exponentially large) to a number would stringify it.
    for (const y of labels) {
      if (!Number.isSafeInteger(y)) throw new RuntimeError(`${file}: label ${pyRepr(y)} is not an integer`);
      targets.push(y as number);
    }
    arrays.push(data);
  }
  const pixels = new Uint8Array(targets.length * PIXELS);
  let k = 0;
  for (const a of arrays) {
    for (let i = 0; i < a.shape[0]; i++, k++) planarToHwc(a.data.subarray(i * PIXELS, (i + 1) * PIXELS), pixels.subarray(k * PIXELS, (k + 1) * PIXELS));
  }
  const metaPath = path.join(folder, meta.filename);
  if (!check_integrity(metaPath, meta.md5)) {
    const why = fs.existsSync(metaPath) ? `its MD5 is ${calculate_md5(metaPath)}, expected ${meta.md5}` : "it is missing";
    throw new RuntimeError(`Dataset metadata file not found or corrupted: ${metaPath} (${why}). You can use download: true to download it.`);
  }
  const m = unpickleDataFile(fs.readFileSync(metaPath), metaPath);
  const names = m instanceof PyDict ? dictGet(m, meta.key, metaPath) : undefined;
  if (!Array.isArray(names)) throw new RuntimeError(`${metaPath}: no '${meta.key}' list`);
  const classes = names.map((n) => {
    const s = pyString(n);
    if (s === undefined) throw new RuntimeError(`${metaPath}: class name ${pyRepr(n)} in '${meta.key}' is not a string`);
    return s;
  });
  return { pixels, targets, classes };
}

function loadBinary(folder: string, files: string[], layout: BinaryLayout): { pixels: Uint8Array; targets: number[]; classes: string[] } {
  const record = layout.labelBytes + PIXELS;
  const chunks = files.map((f) => {
    const b = fs.readFileSync(path.join(folder, f));
    if (b.length % record !== 0) throw new RuntimeError(`${path.join(folder, f)}: ${b.length} bytes is not a whole number of ${record}-byte records`);
    return b;
  });
  const n = chunks.reduce((s, b) => s + b.length / record, 0);
  const pixels = new Uint8Array(n * PIXELS);
  const targets = new Array<number>(n);
  let k = 0;
  for (const b of chunks) {
    for (let o = 0; o < b.length; o += record, k++) {
      targets[k] = b[o + layout.labelBytes - 1];
      planarToHwc(b.subarray(o + layout.labelBytes, o + record), pixels.subarray(k * PIXELS, (k + 1) * PIXELS));
    }
  }
  const metaPath = path.join(folder, layout.meta);
  const classes = fs.existsSync(metaPath)
    ? fs.readFileSync(metaPath, "utf8").split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== "")
    : layout.labelBytes === 1
      ? CIFAR10_CLASSES.slice()
      : [];
  return { pixels, targets, classes };
}

/**
 * CIFAR-100: as CIFAR-10 with 100 fine labels (`cifar-100-python/train`, `test`, `meta`'s
 * fine_label_names; or the binary version's `cifar-100-binary/train.bin`, `test.bin`).
 */
export class CIFAR100<X = Image, Y = number> extends CIFAR10<X, Y> {
  static base_folder = "cifar-100-python";
  static filename = "cifar-100-python.tar.gz";
  static tgz_md5 = "eb9058c3a382ffc7106e4002c42a8d85";
  static train_list: readonly Resource[] = [["train", "16019d7e3df5f24257cddd939b257f8d"]];
  static test_list: readonly Resource[] = [["test", "f0ef6b0ae62326f3e7ffdfab6717acfc"]];
  static meta = { filename: "meta", key: "fine_label_names", md5: "7973b15100ade9c7d40fb424638fde48" };
  static binary: BinaryLayout = { folder: "cifar-100-binary", train: ["train.bin"], test: ["test.bin"], labelBytes: 2, meta: "fine_label_names.txt" };
}
