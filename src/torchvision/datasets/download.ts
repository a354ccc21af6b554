/**
 * What MNIST-like and CIFAR datasets share about `download: true`: fetching their resources from a
 * mirror list, and the message when files are missing (where it looked, each URL tried and why it
 * failed, and the ways out).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { RuntimeError } from "../../errors";
import { Attempt, DownloadError, download_and_extract_archive, mirror_urls } from "./utils";

/** One downloadable file: its name and torchvision's MD5. */
export type Resource = readonly [filename: string, md5: string];

/**
 * Downloads each resource into `folder` (trying the mirrors in order, checking the MD5) and unpacks
 * it there. Returns the attempts that failed, by file, for the not-found message; empty when every
 * file arrived.
 */
export function downloadResources(name: string, folder: string, resources: readonly Resource[], defaults: readonly string[], mirrors: readonly string[] | null | undefined): Map<string, Attempt[]> {
  const failed = new Map<string, Attempt[]>();
  fs.mkdirSync(folder, { recursive: true });
  for (const [filename, md5] of resources) {
    try {
      download_and_extract_archive(mirror_urls(name, filename, defaults, mirrors), folder, { filename, md5 });
    } catch (e) {
      if (!(e instanceof DownloadError)) throw e;
      failed.set(filename, e.attempts);
      // As torchvision, stop at the first file no mirror gives: the next would most likely fail the same way (and wait as long).
      break;
    }
  }
  return failed;
}

/** The folder of the Fashion-MNIST sample shipped in torchlab's package (`<package>/data`), or null. */
export function sampleRoot(): string | null {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, "utf8")) as { name?: string }).name === "torchlab") {
          const data = path.join(dir, "data");
          return fs.existsSync(path.join(data, "FashionMNIST", "raw")) ? data : null;
        }
      } catch {
        // An unreadable package.json on the way up is not ours; keep looking.
      }
    }
    if (path.dirname(dir) === dir) return null;
  }
}

export interface NotFoundReport {
  /** The data set's class name. */
  name: string;
  /** The files it needs (without a .gz the plain or gzipped file will do, where the data set says so). */
  files: readonly string[];
  /** The folders searched, in order. */
  looked: readonly string[];
  /** Where `download: true` puts the files and where to copy them. */
  target: string;
  /** The failed download attempts by file (null: no download was asked for). */
  failed: Map<string, Attempt[]> | null;
  /** Some files are there but fail their MD5 check (torchvision's "not found or corrupted"). */
  corrupted?: boolean;
  /** Extra ways out, specific to the data set. */
  hints: readonly string[];
}

/** The RuntimeError for files that are missing and could not be fetched. */
export function notFound(r: NotFoundReport): RuntimeError {
  const lines = [
    r.failed === null || r.failed.size === 0 ? `Dataset not found${r.corrupted ? " or corrupted" : ""}. You can use download: true to download it.` : `Dataset not found or incomplete: the download failed.`,
    `${r.name} looked for ${r.files.join(", ")} in:`,
    ...r.looked.map((d) => `  ${d}`),
  ];
  if (r.failed !== null && r.failed.size > 0) {
    lines.push("It tried:");
    for (const [file, attempts] of r.failed) {
      for (const a of attempts) lines.push(`  ${a.url} (for ${file}): ${a.reason}`);
    }
  }
  lines.push(
    "Ways out:",
    r.failed === null ? `  - pass download: true on a machine with network access (the files go to ${r.target})` : `  - run again with network access (or behind a proxy that reaches the URLs above)`,
    `  - copy the files to ${r.target}`,
    `  - use a campus mirror or an offline copy: TORCHLAB_DATASETS_MIRROR=<base> (files at <base>/${r.name}/<file>) or the option mirrors: [<base>] (files at <base>/<file>)`,
    ...r.hints.map((h) => `  - ${h}`),
  );
  return new RuntimeError(lines.join("\n"));
}
