/**
 * DatasetFolder / ImageFolder: one sub-folder per class (`root/dog/xxx.png`, `root/cat/123.jpg`).
 * Classes are the sorted sub-folder names; files are found recursively, in sorted order, as
 * torchvision's make_dataset does.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs, isOptions } from "../../tensor/args";
import { noSuchFile, TypeError, ValueError } from "../../errors";
import { Image } from "../io";
import { expandUser, VisionDataset, Fn, FileNotFoundError } from "./vision";
import { asPyTuple } from "../../pyrepr";

/** torchvision's IMG_EXTENSIONS (PNG, JPEG, WebP and BMP decode; the others are listed for discovery). */
export const IMG_EXTENSIONS = [".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp"];

export function has_file_allowed_extension(filename: string, extensions: string | string[]): boolean {
  const lower = filename.toLowerCase();
  return (typeof extensions === "string" ? [extensions] : extensions).some((e) => lower.endsWith(e));
}

/** Sorted class folder names and their indices. */
export function find_classes(directory: string): [string[], Record<string, number>] {
  if (!fs.existsSync(directory)) throw noSuchFile(directory);
  const classes = fs
    .readdirSync(directory, { withFileTypes: true })
    .filter((e) => e.isDirectory() || (e.isSymbolicLink() && isDirectoryLink(path.join(directory, e.name))))
    .map((e) => e.name)
    .sort(byCodePoint);
  if (classes.length === 0) throw new FileNotFoundError(`Couldn't find any class folder in ${directory}.`);
  return asPyTuple([classes, Object.fromEntries(classes.map((c, i) => [c, i]))]) as [string[], Record<string, number>];
}

/**
 * Whether a symbolic link leads to a folder. A dangling link (or one that loops) is not a folder, as
 * for Python's `is_dir()`: os.walk lists it with the files, and only reading that one item fails.
 */
function isDirectoryLink(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every file under `dir`, following os.walk's order after sorting: by folder path, then file name. */
function walk(dir: string): string[] {
  const folders: [string, string[]][] = [];
  // The folders being walked, by real path: a symbolic link back up the tree would otherwise recurse forever.
  const ancestors = new Set<string>();
  const visit = (d: string): void => {
    let real: string;
    try {
      real = fs.realpathSync(d);
    } catch {
      return;
    }
    if (ancestors.has(real)) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      // os.walk skips a folder it cannot list (onerror=None), as torchvision's make_dataset sees it.
      return;
    }
    ancestors.add(real);
    const files: string[] = [];
    for (const e of entries) {
      const p = path.join(d, e.name);
      const isDir = e.isDirectory() || (e.isSymbolicLink() && isDirectoryLink(p));
      if (isDir) visit(p);
      else files.push(e.name);
    }
    ancestors.delete(real);
    folders.push([d, files]);
  };
  visit(dir);
  folders.sort((x, y) => byCodePoint(x[0], y[0]));
  return folders.flatMap(([d, files]) => files.sort(byCodePoint).map((f) => path.join(d, f)));
}

/** [path, class index] of every valid file, class by class (torchvision's make_dataset). */
export function make_dataset(directory: string, class_to_idx: Record<string, number>, extensions: string | string[] | null = null, is_valid_file: ((p: string) => boolean) | null = null): [string, number][] {
  if ((extensions === null) === (is_valid_file === null)) throw new ValueError("Both extensions and is_valid_file cannot be None or not None at the same time");
  const valid = is_valid_file ?? ((p: string) => has_file_allowed_extension(p, extensions as string | string[]));
  const instances: [string, number][] = [];
  const found = new Set<string>();
  for (const cls of Object.keys(class_to_idx).sort(byCodePoint)) {
    const target = path.join(directory, cls);
    if (!fs.existsSync(target) || !fs.statSync(target).isDirectory()) continue;
    for (const p of walk(target)) {
      if (valid(p)) {
        instances.push(asPyTuple([p, class_to_idx[cls]]) as [string, number]);
        found.add(cls);
      }
    }
  }
  const empty = Object.keys(class_to_idx).filter((c) => !found.has(c));
  if (empty.length) {
    let msg = `Found no valid file for the classes ${empty.sort(byCodePoint).join(", ")}. `;
    if (extensions !== null) msg += `Supported extensions are: ${typeof extensions === "string" ? extensions : extensions.join(", ")}`;
    throw new FileNotFoundError(msg);
  }
  return instances;
}

/** torchvision's default_loader (pil_loader): the decoded image converted to RGB. */
export function default_loader(p: string): Image {
  return Image.open(p).convert("RGB");
}

export interface DatasetFolderOptions<S, X, Y> {
  root?: string;
  loader?: (path: string) => S;
  extensions?: string | string[] | null;
  transform?: Fn<S, X> | null;
  target_transform?: Fn<number, Y> | null;
  is_valid_file?: ((path: string) => boolean) | null;
}

/**
 * A generic folder dataset: `loader(path)` reads a sample, files are those with one of
 * `extensions` (or accepted by `is_valid_file`).
 */
export class DatasetFolder<S = Image, X = S, Y = number> extends VisionDataset<X, Y> {
  loader: (path: string) => S;
  extensions: string | string[] | null;
  classes: string[];
  class_to_idx: Record<string, number>;
  /** [path, class index] pairs. */
  samples: [string, number][];
  targets: number[];

  constructor(root: string | DatasetFolderOptions<S, X, Y>, options: DatasetFolderOptions<S, X, Y> = {}) {
    const name = new.target.name;
    const a = parseArgs(name, isOptions(root) ? [root] : [root, options], ["root", "loader", "extensions", "transform", "target_transform", "is_valid_file"]);
    if (typeof a.root !== "string") throw new TypeError(`${name}() missing 1 required argument: 'root' (a folder with one sub-folder per class)`);
    const folder = expandUser(a.root);
    super(folder, a.transform as Fn<never, unknown> | null | undefined, a.target_transform as Fn<never, unknown> | null | undefined);
    if (typeof a.loader !== "function") throw new TypeError(`${name}(): loader must be a function (path) => sample`);
    this.loader = a.loader as (path: string) => S;
    this.extensions = (a.extensions as string | string[] | null | undefined) ?? null;
    const [classes, class_to_idx] = find_classes(folder);
    this.classes = classes;
    this.class_to_idx = class_to_idx;
    this.samples = make_dataset(folder, class_to_idx, this.extensions, (a.is_valid_file as ((p: string) => boolean) | null | undefined) ?? null);
    this.targets = this.samples.map((s) => s[1]);
  }

  len(): number {
    return this.samples.length;
  }

  getitem(index: number): [X, Y] {
    const [p, target] = this.samples[this.checkIndex(index)];
    return this.finish(this.loader(p), target);
  }
}

export interface ImageFolderOptions<X, Y> {
  root?: string;
  transform?: Fn<Image, X> | null;
  target_transform?: Fn<number, Y> | null;
  loader?: (path: string) => Image;
  is_valid_file?: ((path: string) => boolean) | null;
}

/**
 * Images arranged one folder per class: `root/dog/1.png`, `root/cat/2.jpg`. Images are decoded
 * (PNG exactly; JPEG/WebP/BMP with `@napi-rs/canvas`) and converted to RGB, as torchvision's loader.
 *
 * @example
 * const ds = new datasets.ImageFolder("pets", {transform: new transforms.Compose([new transforms.Resize([64, 64]), new transforms.ToTensor()])});
 * ds.classes          // ['cat', 'dog']
 * ds.getitem(0)       // [tensor [3, 64, 64], 0]
 */
export class ImageFolder<X = Image, Y = number> extends DatasetFolder<Image, X, Y> {
  /** Same as `samples`, as torchvision. */
  imgs: [string, number][];
  constructor(root: string | ImageFolderOptions<X, Y>, options?: ImageFolderOptions<X, Y>);
  /** torchvision's positional order: `ImageFolder(data_dir + '/train', train_tfms)` (Zero to GANs' ResNet9 lesson). */
  constructor(root: string, transform: Fn<Image, X> | null, target_transform?: Fn<number, Y> | null, options?: ImageFolderOptions<X, Y>);
  constructor(root: string | ImageFolderOptions<X, Y>, ...rest: (ImageFolderOptions<X, Y> | Fn<Image, X> | Fn<number, Y> | null | undefined)[]) {
    const a = parseArgs("ImageFolder", [root, ...rest], ["root", "transform", "target_transform", "loader", "is_valid_file"]);
    const valid = (a.is_valid_file as ((p: string) => boolean) | null | undefined) ?? null;
    super({
      root: a.root as string,
      loader: (a.loader as ((p: string) => Image) | undefined) ?? default_loader,
      extensions: valid === null ? IMG_EXTENSIONS : null,
      transform: a.transform as Fn<Image, X> | null | undefined,
      target_transform: a.target_transform as Fn<number, Y> | null | undefined,
      is_valid_file: valid,
    });
    this.imgs = this.samples;
  }
}
