/**
 * torch.hub's checkpoint cache: where downloaded weights live and how they get there.
 *
 * The folder is PyTorch's: `$TORCH_HOME/hub/checkpoints`, with TORCH_HOME defaulting to
 * `$XDG_CACHE_HOME/torch` and then `~/.cache/torch`, so torchlab and PyTorch on one machine share
 * downloaded weights. A file is named after the URL's last path component; when that name carries
 * a hash prefix (`resnet18-f37072fd.pth`) `check_hash` compares it with the file's SHA-256, as
 * torch.hub does. Bytes go to a temporary name beside the target and are renamed only once the
 * transfer is complete and the hash matches, so an interrupted download never leaves a file that
 * a later run would trust.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { RuntimeError, TypeError, ValueError } from "../errors";
import { parseArgs } from "../tensor/args";
import { fetchSync } from "../torchvision/datasets/fetch";
import { fileDigest } from "../torchvision/datasets/utils";
import { load } from "../serialization";

/** torch.hub's HASH_REGEX: the hex digits between a '-' and the next '.' of a file name. */
export const HASH_REGEX = /-([a-f0-9]*)\./;

let hubDir: string | null = null;

function torchHome(): string {
  const env = process.env.TORCH_HOME;
  if (env !== undefined && env !== "") return expandUser(env);
  const xdg = process.env.XDG_CACHE_HOME;
  return expandUser(path.join(xdg !== undefined && xdg !== "" ? xdg : path.join("~", ".cache"), "torch"));
}

function expandUser(p: string): string {
  return p === "~" || p.startsWith("~/") ? path.join(os.homedir(), p.slice(1)) : p;
}

/** The hub folder: `set_dir`'s, else `$TORCH_HOME/hub` (default `~/.cache/torch/hub`). */
export function get_dir(): string {
  return hubDir ?? path.join(torchHome(), "hub");
}

/** Sets the hub folder for this process (checkpoints then go to `<d>/checkpoints`). */
export function set_dir(d: string): void {
  if (typeof d !== "string" || d === "") throw new TypeError(`set_dir(): expected a folder path, got ${typeof d === "string" ? "''" : typeof d}`);
  hubDir = expandUser(d);
}

export interface DownloadUrlToFileOptions {
  /** The expected start of the file's SHA-256 (hex); a mismatch deletes the download and raises. */
  hash_prefix?: string | null;
  /** Show a progress bar (default true). */
  progress?: boolean;
  /** Seconds without data before the connection is given up (default TORCHLAB_DOWNLOAD_TIMEOUT or 30). */
  timeout?: number;
}

/**
 * Downloads `url` to `dst` (torch.hub.download_url_to_file): through a temporary file in the same
 * folder, renamed onto `dst` only when complete and, with `hash_prefix`, when its SHA-256 starts
 * with it. Raises a RuntimeError naming the URL and the reason otherwise.
 *
 * @example
 * torch.hub.download_url_to_file("https://download.pytorch.org/models/resnet18-f37072fd.pth", "/tmp/r18.pth", {hash_prefix: "f37072fd"});
 */
export function download_url_to_file(url: string, dst: string, hash_prefix?: string | null | DownloadUrlToFileOptions, progress?: boolean | DownloadUrlToFileOptions): void {
  const o = parseArgs("download_url_to_file", [hash_prefix, progress], ["hash_prefix", "progress", "timeout"]);
  if (typeof url !== "string") throw new TypeError(`download_url_to_file(): url must be a string, got ${typeof url}`);
  const prefix = (o.hash_prefix as string | null | undefined) ?? null;
  const env = process.env.TORCHLAB_DOWNLOAD_TIMEOUT;
  const timeout = (o.timeout as number | undefined) ?? (env !== undefined && env !== "" ? Number(env) : 30);
  if (!(timeout > 0)) throw new ValueError(`download_url_to_file(): timeout must be a positive number of seconds, got ${String(timeout)}`);
  const dest = path.resolve(expandUser(dst));
  const folder = path.dirname(dest);
  fs.mkdirSync(folder, { recursive: true });
  const tmp = path.join(folder, `.${path.basename(dest)}.${process.pid}-${crypto.randomBytes(4).toString("hex")}.partial`);
  try {
    const r = fetchSync({ urls: [url], dest: tmp, md5: null, timeout }, (o.progress as boolean | undefined) === false ? null : path.basename(dest));
    if (!r.ok) throw new RuntimeError(`download_url_to_file: could not download ${url}:\n${r.attempts.map((a) => `  ${a.url}: ${a.reason}`).join("\n")}`);
    if (prefix !== null) {
      const digest = fileDigest(tmp, "sha256");
      if (!digest.startsWith(prefix)) throw new RuntimeError(`invalid hash value (expected "${prefix}", got "${digest}") for ${url}`);
    }
    fs.renameSync(tmp, dest);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export interface LoadStateDictFromUrlOptions {
  /** Folder for the file (default `<get_dir()>/checkpoints`). */
  model_dir?: string | null;
  /** Accepted for compatibility: tensors load onto the active backend. */
  map_location?: unknown;
  /** Show a progress bar while downloading (default true). */
  progress?: boolean;
  /** Check the hash prefix in the file name against the download's SHA-256 (default false, as torch.hub). */
  check_hash?: boolean;
  /** The file name in model_dir (default: the URL's last path component). */
  file_name?: string | null;
}

/**
 * torch.hub.load_state_dict_from_url: the object in the checkpoint at `url`, downloaded once into
 * `model_dir` and loaded from there afterwards (no network once the file is in the cache).
 *
 * @example
 * const sd = torch.hub.load_state_dict_from_url("https://download.pytorch.org/models/resnet18-f37072fd.pth", {check_hash: true});
 * torchvision.models.resnet18().load_state_dict(sd);
 */
// The checkpoint's content is known only at run time, as torch.load's.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function load_state_dict_from_url<T = any>(url: string, options: LoadStateDictFromUrlOptions = {}): T {
  const o = parseArgs("load_state_dict_from_url", [options], ["model_dir", "map_location", "progress", "check_hash", "file_name", "weights_only"]);
  if (typeof url !== "string") throw new TypeError(`load_state_dict_from_url(): url must be a string, got ${typeof url}`);
  const dir = expandUser((o.model_dir as string | null | undefined) ?? path.join(get_dir(), "checkpoints"));
  fs.mkdirSync(dir, { recursive: true });
  let filename: string;
  try {
    filename = (o.file_name as string | null | undefined) ?? path.basename(decodeURIComponent(new URL(url).pathname));
  } catch {
    throw new ValueError(`load_state_dict_from_url(): not a URL: '${url}'`);
  }
  const cached = path.join(dir, filename);
  if (!fs.existsSync(cached)) {
    process.stderr.write(`Downloading: "${url}" to ${cached}\n`);
    let prefix: string | null = null;
    if ((o.check_hash as boolean | undefined) ?? false) {
      const m = HASH_REGEX.exec(filename);
      prefix = m ? m[1] : null;
    }
    download_url_to_file(url, cached, { hash_prefix: prefix, progress: (o.progress as boolean | undefined) ?? true });
  }
  return load<T>(cached, { map_location: o.map_location });
}
