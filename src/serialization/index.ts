/**
 * torch.save / torch.load.
 *
 * `torch.save(obj, path)` writes PyTorch's own zip checkpoint for `.pt`, `.pth`, `.pt.tar`,
 * `.pth.tar` and `.bin` files (so that plain `torch.load` in Python reads it; see ./pytorch.ts), and
 * the safetensors layout for any other name (see ./safetensors.ts); `{format}` overrides the rule.
 * Either way the write is atomic: the bytes go to a temporary file in the same directory, which is
 * fsynced and then renamed over `path` (and the directory fsynced), so a crash or power cut during
 * a save leaves the previous checkpoint intact.
 *
 * `torch.load(path)` reads torchlab checkpoints of both formats, any safetensors file, and PyTorch's
 * own zip checkpoints of state_dicts and optimizer states (a restricted unpickler: only tensors,
 * storages, OrderedDict and plain containers; anything else is an error naming it). Whole modules
 * (`torch.save(model, "model.pth")`) are pickled as PyTorch pickles them and rebuilt by
 * `torch.load(path, {weights_only: false})` from known classes only (see ./modules.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { AttributeError, EOFError, noSuchFile, NotImplementedError, RuntimeError, TypeError, ValueError } from "../errors";
import { parseArgs } from "../tensor/args";
import { writeFileAtomic } from "./atomic";
import { BytesIO, isBinaryFile } from "../io";
import { BufferedFile } from "../pyfile";
import { encode, decode } from "./safetensors";
import { encodePyTorchZip, isLegacyPickle, isZip, loadPyTorchZip, WeightsOnlyError } from "./pytorch";
import { add_safe_globals, get_safe_globals, clear_safe_globals } from "./modules";
export type { ModuleClass, SafeGlobal } from "./modules";

/** torch.serialization: the registry of classes torch.load may rebuild whole modules of. */
export const serialization = { add_safe_globals, get_safe_globals, clear_safe_globals };

/** The file formats torch.save writes. */
export type CheckpointFormat = "pytorch" | "safetensors";

/** Keyword arguments of torch.save. */
export interface SaveOptions {
  /** `"pytorch"` (PyTorch's zip checkpoint) or `"safetensors"`; by default chosen from the file name. */
  format?: CheckpointFormat;
  /** Accepted for PyTorch compatibility; torchlab has its own pickler. */
  pickle_module?: unknown;
  /** Only 2, PyTorch's default, is written. */
  pickle_protocol?: number;
  /** Only `true` (the zip format, PyTorch's default since 1.6) is written. */
  _use_new_zipfile_serialization?: boolean;
}

const PYTORCH_SUFFIXES = [".pt", ".pth", ".pt.tar", ".pth.tar", ".bin", ".pkl", ".ckpt"];

/** The format torch.save picks for the file name `f`: PyTorch's for PyTorch's usual suffixes. */
function formatFor(f: string): CheckpointFormat {
  const name = path.basename(f).toLowerCase();
  return PYTORCH_SUFFIXES.some((s) => name.endsWith(s) && name.length > s.length) ? "pytorch" : "safetensors";
}

function checkPath(op: string, f: unknown): string {
  if (typeof f === "string" && f.length > 0) return f;
  if (f instanceof URL && f.protocol === "file:") return f.pathname;
  throw new TypeError(`${op}(): expected a file path (string), got ${f === null ? "null" : typeof f}`);
}

function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch (e) {
    // Some platforms (Windows) and filesystems cannot fsync a directory; the rename is still atomic.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EISDIR" && code !== "EPERM" && code !== "EINVAL" && code !== "EBADF" && code !== "EACCES") throw e;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * Saves `obj` to the file `f`, atomically.
 *
 * The format follows the file name, unless `format` says otherwise:
 * - `.pt`, `.pth`, `.pt.tar`, `.pth.tar`, `.bin`, `.pkl` (older tutorials' `net.pkl`), `.ckpt` (yunjey/pytorch-tutorial's `model.ckpt`, Lightning's checkpoints): PyTorch's zip checkpoint (as PyTorch 1.13's
 *   torch.save writes it), which plain `torch.load(path)` reads in Python, also with
 *   `weights_only=True` for state_dicts. A `state_dict()` becomes an `OrderedDict`, other objects
 *   (a plain `{w, b}` of tensors too) `dict`s (keys "0", "1", ... become ints, as optimizer states need), arrays `list`s;
 *   integral numbers become Python ints and others floats; int32 tensors are stored as int64.
 * - any other name (`ckpt.mdl`, `model.safetensors`): the safetensors layout (see FORMAT.md).
 *
 * A whole module (`torch.save(model, "model.pth")`, PyTorch format only) is pickled as PyTorch
 * pickles it: its class by Python name (torchlab's layers as `torch.nn.modules.conv.Conv2d`, ...,
 * torchvision's models by their `__module__`, a class of your own as `__main__.Net` or the name it
 * was registered under) and its `__dict__` (parameters, buffers, sub-modules, the constructor's
 * attributes), so that Python's `torch.load("model.pth")` rebuilds a working torch.nn model.
 *
 * Args:
 *   obj: a state_dict (`net.state_dict()`), an optimizer state_dict, a tensor, a module, or
 *     arrays/plain objects of them and of numbers, strings, booleans and null (nested). Not an
 *     optimizer itself: save `optimizer.state_dict()`.
 *   f: the file path.
 *   format: `"pytorch"` or `"safetensors"`, overriding the file-name rule.
 *
 * @example
 * torch.save(net.state_dict(), 'ckpt.mdl');            // safetensors
 * torch.save(net.state_dict(), 'model.pt');            // in Python: net.load_state_dict(torch.load('model.pt'))
 * torch.save({epoch, model: net.state_dict(), optimizer: optimizer.state_dict()}, 'ckpt.pt');
 * torch.save(net.state_dict(), 'weights.ckpt', {format: 'pytorch'});
 * torch.save(net, 'model.pth');                        // the whole module; in Python: torch.load('model.pth')
 */
export function save(obj: unknown, f?: string | BufferedFile | BytesIO, options?: SaveOptions): void {
  // PyTorch's keywords, `torch.save(obj=model.state_dict(), f=PATH)`: one object carrying `obj` and a
  // string `f` (a call without `f` is otherwise an error, so the form is not ambiguous).
  if (f === undefined && isSaveKeywords(obj)) {
    const { obj: value, f: file, ...rest } = obj;
    return save(value, file, { ...rest, ...options });
  }
  if (f === undefined) throw new TypeError("save() missing 1 required positional argument: 'f'");
  const args = parseArgs("save", options === undefined ? [] : [options], ["format", "pickle_module", "pickle_protocol", "_use_new_zipfile_serialization"]);
  // A file opened with open(path, "wb"), as `with open(PATH, "wb") as f: torch.save(obj, f)` writes, or
  // an io.BytesIO: PyTorch's zip format written at its position.
  const fileObject = isBinaryFile(f) ? f : null;
  const target = fileObject instanceof BytesIO ? null : path.resolve(fileObject ? fileObject.name : checkPath("save", f));
  const format = args.format ?? (target === null ? "pytorch" : formatFor(target));
  if (format !== "pytorch" && format !== "safetensors") {
    throw new ValueError(`save(): format must be "pytorch" or "safetensors", got ${JSON.stringify(format)}`);
  }
  if (args._use_new_zipfile_serialization === false) {
    throw new NotImplementedError("save(): _use_new_zipfile_serialization=False asks for PyTorch's legacy (pre-1.6) format, which torchlab does not write; leave it out for the zip format");
  }
  if (args.pickle_protocol !== undefined && args.pickle_protocol !== 2) {
    throw new NotImplementedError(`save(): pickle_protocol=${String(args.pickle_protocol)} is not supported; torchlab writes protocol 2, PyTorch's default`);
  }
  let bytes: Buffer;
  try {
    bytes = format === "pytorch" ? encodePyTorchZip(obj) : encode(obj);
  } catch (e) {
    if (e instanceof TypeError) throw e;
    throw new RuntimeError(`torch.save('${f}'): ${(e as Error).message}`);
  }
  if (fileObject || target === null) {
    (fileObject as BufferedFile | BytesIO).write(bytes);
    return;
  }
  const dir = path.dirname(target);
  // PyTorch's checks and messages (its PyTorchFileWriter): the parent folder as the path names it, then a
  // path that cannot be a file. Nothing is written, and an existing file stays as it was.
  const given = String(f);
  if (!fs.existsSync(dir)) throw new RuntimeError(`Parent directory ${given.includes("/") ? given.slice(0, given.lastIndexOf("/")) : dir} does not exist.`);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new RuntimeError(`File ${f} cannot be opened.`);
  try {
    writeFileAtomic(target, bytes);
  } catch (e) {
    throw new RuntimeError(`torch.save('${f}'): ${(e as Error).message}`);
  }
  fsyncDir(dir);
  removeStaleTemps(dir, path.basename(target));
}

/** Deletes temporary files that earlier saves of `base` left when their process died mid-write. */
function removeStaleTemps(dir: string, base: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${base}.`;
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const m = /^\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length - 1));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || isAlive(pid)) continue;
    try {
      fs.unlinkSync(path.join(dir, name));
    } catch {
      // another process may have removed it first
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Loads an object saved with torch.save (torchlab's format), a safetensors file, or a PyTorch
 * `.pt`/`.pth` zip checkpoint. int64 tensors become int32 (an error if a value does not fit),
 * float64/float16 become float32.
 *
 * A whole module (PyTorch's `torch.save(model, path)`, or torchlab's) is rebuilt as a working
 * torchlab module when its classes are known: torchlab's layers (`torch.nn.modules.conv.Conv2d`,
 * ...), torchvision's models, and classes registered with `torch.serialization.add_safe_globals`
 * (a notebook's `class Net extends nn.Module` is Python's `__main__.Net`). Nothing the file names
 * is ever called, whatever `weights_only` says.
 *
 * Args:
 *   f: the file path.
 *   map_location: accepted for compatibility ('cpu', 'cuda', a torch.device); tensors load onto
 *     the active backend.
 *   weights_only: false by default, as in PyTorch 1.13 (torch.load(path) of `torch.save(net, path)`
 *     gives back the module); true reads tensors, containers and registered classes only, and
 *     refuses a whole module with PyTorch's UnpicklingError ("Weights only load failed. ...").
 *
 * @example
 * net.load_state_dict(torch.load('ckpt.mdl'));
 * const model = torch.load<nn.Sequential>('model.pth');
 * torch.serialization.add_safe_globals([Net]);        // a class of your own, Python's __main__.Net
 * const net = torch.load<Net>('net.pth');
 */
function isSaveKeywords(v: unknown): v is { obj: unknown; f: string } & SaveOptions {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "obj" in v && typeof (v as { f?: unknown }).f === "string";
}

// The loaded value's type is known only at run time, as in PyTorch (which returns Any); a cell can
// name it: `torch.load<{model: Record<string, Tensor>; epoch: number}>('ckpt.pt')`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function load<T = any>(f: string | BufferedFile | BytesIO | ({ f: string } & Record<string, unknown>), ...options: Record<string, unknown>[]): T {
  // `torch.load(f=PATH)`, PyTorch's keyword.
  if (typeof f === "object" && f !== null && !isBinaryFile(f) && typeof f.f === "string") {
    const { f: file, ...rest } = f;
    return load<T>(file, rest, ...options);
  }
  const args = parseArgs("load", options, ["map_location", "pickle_module", "weights_only", "mmap"]);
  const weightsOnly = args.weights_only;
  if (weightsOnly !== undefined && weightsOnly !== null && typeof weightsOnly !== "boolean") {
    throw new TypeError(`load(): weights_only must be a boolean, got ${typeof weightsOnly}`);
  }
  // A file opened with open(path, "rb") or an io.BytesIO: its bytes from where it stands (none left is
  // Python's EOFError, as pickle's when a buffer was written and not rewound with seek(0)).
  const fileObject = isBinaryFile(f) ? f : null;
  const file = fileObject instanceof BufferedFile ? fileObject.name : fileObject ? String(fileObject) : checkPath("load", f);
  let buf: Buffer;
  try {
    buf = fileObject ? Buffer.from(fileObject.read()) : fs.readFileSync(file);
    if (fileObject && buf.length === 0) throw new EOFError("Ran out of input");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Python's open() inside torch.load: FileNotFoundError (an OSError), with Python's message.
    if (e instanceof EOFError) throw e;
    if (code === "ENOENT") throw noSuchFile(file);
    throw new RuntimeError(`torch.load('${f}'): ${(e as Error).message}`);
  }
  try {
    if (isZip(buf)) return loadPyTorchZip(buf, { weights_only: weightsOnly === true }) as T;
    if (isLegacyPickle(buf)) {
      throw new Error(
        "this is PyTorch's legacy (pre-1.6, non-zip) checkpoint format, which torchlab does not read; re-save it in Python with torch.save(obj, path) (the default zip format)",
      );
    }
    return decode(buf) as T;
  } catch (e) {
    // PyTorch's own errors pass as they are: the AttributeError of a class the notebook lacks among them.
    if (e instanceof TypeError || e instanceof WeightsOnlyError || e instanceof AttributeError) throw e;
    throw new RuntimeError(`torch.load('${f}'): ${(e as Error).message}`);
  }
}
