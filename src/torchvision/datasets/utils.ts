/**
 * torchvision.datasets.utils: MD5 checks, downloads and archive extraction, synchronous as in
 * torchvision. Downloads try each URL in turn, write to a temporary name and rename only a
 * complete file whose MD5 matches, so an interrupted or corrupt transfer never leaves a file that
 * later looks valid.
 *
 * Environment:
 *   TORCHLAB_DATASETS_MIRROR: replaces every data set's mirror list (a campus mirror, an offline
 *     cache): space- or comma-separated base URLs or folders; a file is looked up at
 *     `<base>/<DatasetClass>/<filename>` (e.g. `/srv/cache/FashionMNIST/train-images-idx3-ubyte.gz`).
 *   TORCHLAB_DOWNLOAD_TIMEOUT: seconds without data before a connection is given up (default 30).
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { RuntimeError, ValueError } from "../../errors";
import { fetchSync, Attempt } from "./fetch";
import { extract_archive } from "./archive";

export { extract_archive };
export type { Attempt };

/** A download that failed at every URL; `attempts` says why each one did. */
export class DownloadError extends RuntimeError {
  constructor(readonly filename: string, readonly attempts: Attempt[]) {
    super(`Error downloading ${filename}:\n${attempts.map((a) => `  ${a.url}: ${a.reason}`).join("\n")}`);
  }
}

/** The MD5 of a file, in hex, read in 1 MB chunks. */
export function calculate_md5(fpath: string): string {
  return fileDigest(fpath, "md5");
}

/** A file's digest (md5 for data sets, sha256 for torch.hub checkpoints), in hex, read in 1 MB chunks. */
export function fileDigest(fpath: string, algorithm: "md5" | "sha256"): string {
  const hash = crypto.createHash(algorithm);
  const fd = fs.openSync(fpath, "r");
  try {
    const buf = Buffer.alloc(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

export function check_md5(fpath: string, md5: string): boolean {
  return calculate_md5(fpath) === md5;
}

/** Whether `fpath` is a file and, when `md5` is given, has that MD5 (torchvision's check_integrity). */
export function check_integrity(fpath: string, md5: string | null = null): boolean {
  if (!fs.existsSync(fpath) || !fs.statSync(fpath).isFile()) return false;
  return md5 === null ? true : check_md5(fpath, md5);
}

function timeoutSeconds(timeout: number | undefined): number {
  const env = process.env.TORCHLAB_DOWNLOAD_TIMEOUT;
  const t = timeout ?? (env !== undefined && env !== "" ? Number(env) : 30);
  if (!(t > 0)) throw new ValueError(`download timeout must be a positive number of seconds, got ${timeout ?? `TORCHLAB_DOWNLOAD_TIMEOUT=${env}`}`);
  return t;
}

/** A mirror as a URL: folders and file paths become file:// URLs; a trailing slash is ensured. */
function baseUrl(mirror: string): string {
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(mirror) ? mirror : pathToFileURL(path.resolve(mirror)).toString();
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * The URLs to try for `filename` of data set `name`: the `mirrors` option (URL = mirror + filename),
 * else TORCHLAB_DATASETS_MIRROR (URL = base + name + "/" + filename), else the data set's own list.
 */
export function mirror_urls(name: string, filename: string, defaults: readonly string[], mirrors?: readonly string[] | null): string[] {
  if (mirrors !== undefined && mirrors !== null) {
    if (!Array.isArray(mirrors) || mirrors.length === 0 || mirrors.some((m) => typeof m !== "string")) throw new ValueError(`${name}(): mirrors must be a non-empty array of base URLs or folders`);
    return mirrors.map((m) => baseUrl(m) + filename);
  }
  const env = (process.env.TORCHLAB_DATASETS_MIRROR ?? "").split(/[\s,]+/).filter((s) => s !== "");
  if (env.length > 0) return env.map((m) => `${baseUrl(m)}${encodeURIComponent(name)}/${filename}`);
  return defaults.map((m) => baseUrl(m) + filename);
}

export interface DownloadOptions {
  /** The name to save as (default: the URL's last path component). */
  filename?: string | null;
  /** Expected MD5; a mismatch is a failed attempt and the next URL is tried. */
  md5?: string | null;
  /** Seconds without data before a connection is given up (default TORCHLAB_DOWNLOAD_TIMEOUT or 30). */
  timeout?: number;
  /** Show a progress bar (default true). */
  progress?: boolean;
}

/**
 * torchvision's download_url: fetches `url` (or the first of several URLs that works) into `root`.
 * A file already there with the right MD5 is kept and nothing is fetched. Returns the file's path;
 * throws a {@link DownloadError} listing every URL tried and why it failed.
 *
 * @example
 * datasets.utils.download_url("https://example.org/weights.bin", "data", { md5: "..." });
 */
export function download_url(url: string | readonly string[], root: string, options: DownloadOptions = {}): string {
  const urls = typeof url === "string" ? [url] : [...url];
  if (urls.length === 0) throw new ValueError("download_url(): no URL given");
  const filename = options.filename ?? path.basename(new URL(urls[0]).pathname);
  const fpath = path.join(root, filename);
  const md5 = options.md5 ?? null;
  if (check_integrity(fpath, md5)) {
    console.log(`Using downloaded ${md5 === null ? "" : "and verified "}file: ${fpath}`);
    return fpath;
  }
  fs.mkdirSync(root, { recursive: true });
  console.log(`Downloading ${urls[0]} to ${fpath}`);
  const result = fetchSync({ urls, dest: fpath, md5, timeout: timeoutSeconds(options.timeout) }, options.progress === false ? null : filename);
  if (!result.ok) throw new DownloadError(filename, result.attempts);
  for (const a of result.attempts) console.log(`Failed to download ${a.url} (${a.reason}); got it from ${result.url}`);
  return fpath;
}

export interface ExtractOptions extends DownloadOptions {
  /** Where to unpack (default: download_root). */
  extract_root?: string | null;
  /** Delete the archive once unpacked. */
  remove_finished?: boolean;
}

/** torchvision's download_and_extract_archive: download_url, then extract_archive. Returns the paths written. */
export function download_and_extract_archive(url: string | readonly string[], download_root: string, options: ExtractOptions = {}): string[] {
  const archive = download_url(url, download_root, options);
  const to = options.extract_root ?? download_root;
  console.log(`Extracting ${archive} to ${to}`);
  return extract_archive(archive, to, options.remove_finished ?? false);
}
