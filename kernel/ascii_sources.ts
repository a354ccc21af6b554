/**
 * Large modules whose only non-ASCII characters are in comments, loaded as ASCII (issue 12's start
 * target).
 *
 * tslab's TypeScript (8.1 MB of JavaScript) has five non-ASCII characters, all in `//` comments
 * (`’`, `→`); tfjs-core's bundle has six (`≤`, `ø`, `ç`). One such character makes Node decode
 * the whole file from UTF-8 into a two-byte string: ~110-150 ms of CPU for TypeScript at every
 * kernel start (a pure-ASCII file of the same size decodes into a one-byte string in ~20 ms), and
 * 16 MB of source string where 8 MB would do, kept for as long as the kernel runs (V8 compiles
 * functions lazily from it).
 *
 * `npm run build` parses each of those modules with the compiler and records, by the SHA-1 of its
 * bytes, the ones whose every non-ASCII character lies in a comment. The kernel's loader
 * (kernel/compile_cache.ts) reads such a file as bytes and, when their hash is one recorded,
 * compiles it with each of those characters replaced by `?` (two for a character outside the
 * Basic Multilingual Plane): every UTF-16 offset, so every line and column of a stack trace or a
 * code cache, stays the same, and only the text of a comment differs. Any other file (not planned,
 * changed since, or missing plans) is read by Node as usual. Measured (loaded 2-core machine,
 * alternated, in-process start): requiring the compiler 420-439 -> 340-358 ms of CPU; idle kernel
 * RSS 235 -> 213 MB. Reading, hashing and the one copy cost ~45 ms of what remains.
 *
 * The hash is computed once per version of a file: the loader keeps the hashes it computed in a
 * small record in the cache folder, by file identity (statIdentity: device, inode, size, and the
 * modification and change times in ns; any write to the file changes its change time, which cannot
 * be set back), and a start whose file has the identity recorded takes the hash from there (two
 * stats and a small JSON read: 0.3 ms). Hashing TypeScript's 8.1 MB and tfjs-core's 1.2 MB cost
 * 5-21 ms of the main thread's CPU at every start (15 fresh reads of both on the loaded 2-core
 * machine, SHA-NI: median 17.9 ms, 5.3-5.4 ms in the fastest rounds): below a whole start's
 * run-to-run spread, so measured here and not in kernel starts. A missing, damaged or stale
 * record only means hashing again; a file that changes while it is read is hashed, and its hash
 * not recorded.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as buffer from "buffer";

/** Written by the build next to this file; read by the kernel's loader. */
export const ASCII_SOURCES = path.join("dist", "kernel", "ascii_sources.json");

interface AsciiSource {
  /** The package-relative path the build planned (for reading the plans; the hash is the key). */
  module: string;
  sha1: string;
  /** Its size: a file of another size is not read twice only to be hashed. */
  bytes: number;
  /** How many characters the loader replaces. */
  characters: number;
}

/** Bytes scanned at a time for the rare non-ASCII ones. */
const CHUNK = 1 << 16;
const QUESTION_MARK = 0x3f;

/** Node's native check (Node 18.15 and later); older ones scan in JavaScript, and load modules as Node does. */
const nativeIsAscii = (buffer as { isAscii?: (bytes: Buffer) => boolean }).isAscii;

function isAscii(bytes: Buffer): boolean {
  return nativeIsAscii !== undefined ? nativeIsAscii(bytes) : bytes.every((b) => b < 0x80);
}

export function sha1(bytes: Buffer): string {
  return createHash("sha1").update(bytes).digest("hex");
}

/**
 * `bytes` (UTF-8) as a string of the same UTF-16 length with each non-ASCII character replaced by
 * `?` (`??` for one written as a surrogate pair). Consumes `bytes`: the ASCII text is compacted
 * into it, so that the string is made in one copy (a concatenation of slices costs ~4x that).
 */
export function asciiText(bytes: Buffer): string {
  const n = bytes.length;
  let write = 0;
  let from = 0;
  for (let chunk = 0; chunk < n; chunk += CHUNK) {
    const end = Math.min(n, chunk + CHUNK);
    if (end <= from || isAscii(bytes.subarray(Math.max(chunk, from), end))) continue;
    for (let i = Math.max(chunk, from); i < end; i++) {
      const lead = bytes[i];
      if (lead < 0x80) continue;
      if (write !== from) bytes.copyWithin(write, from, i);
      write += i - from;
      // A lead byte of 0xF0 and above starts a 4-byte sequence: a character outside the BMP.
      const units = lead >= 0xf0 ? 2 : 1;
      for (let u = 0; u < units; u++) bytes[write++] = QUESTION_MARK;
      let j = i + 1;
      while (j < n && (bytes[j] & 0xc0) === 0x80) j++;
      from = j;
      i = j - 1;
    }
  }
  if (write !== from) bytes.copyWithin(write, from, n);
  write += n - from;
  return bytes.toString("latin1", 0, write);
}

interface Plans {
  sha1s: ReadonlySet<string>;
  sizes: ReadonlySet<number>;
}

let plans: { file: string; read: Plans | null } | null = null;

function readPlans(file: string): Plans | null {
  if (plans?.file !== file) {
    let read: Plans | null;
    try {
      const sources = (JSON.parse(fs.readFileSync(file, "utf8")) as { sources?: AsciiSource[] }).sources ?? [];
      read = { sha1s: new Set(sources.map((s) => s.sha1)), sizes: new Set(sources.map((s) => s.bytes)) };
    } catch {
      read = null;
    }
    plans = { file, read };
  }
  return plans.read;
}

/**
 * What names one version of a file: its device, inode, size, and modification and change times in
 * ns (a write changes the change time, which cannot be set back). Throws when it cannot be read.
 */
export function statIdentity(filename: string): string {
  const stat = fs.statSync(filename, { bigint: true });
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/** The record of computed hashes (see above) while the loader uses it: by file name, its identity and SHA-1. */
interface Hashes {
  file: string;
  entries: Map<string, { identity: string; sha1: string }>;
  /** A hash was computed this start: the record is rewritten when saved. */
  changed: boolean;
}

let hashes: Hashes | null = null;

function openHashes(file: string): Hashes {
  if (hashes?.file !== file) {
    const entries = new Map<string, { identity: string; sha1: string }>();
    try {
      const read = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
      for (const [name, entry] of Object.entries(read as Record<string, unknown>)) {
        if (!Array.isArray(entry) || entry.length !== 2 || !entry.every((part) => typeof part === "string")) continue;
        entries.set(name, { identity: entry[0], sha1: entry[1] });
      }
    } catch {
      entries.clear();
    }
    hashes = { file, entries, changed: false };
  }
  return hashes;
}

/**
 * Writes the record of hashes when this start computed one (aside, then renamed, so that a kernel
 * starting meanwhile never reads half of it). Returns the file written, or null.
 */
export function saveAsciiHashes(): string | null {
  const open = hashes;
  if (open === null || !open.changed) return null;
  open.changed = false;
  try {
    const record = Object.fromEntries([...open.entries].map(([name, { identity, sha1 }]) => [name, [identity, sha1]]));
    fs.mkdirSync(path.dirname(open.file), { recursive: true });
    const temporary = `${open.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(record));
    fs.renameSync(temporary, open.file);
    return open.file;
  } catch {
    // A folder that cannot be written: the next start hashes again.
    return null;
  }
}

/**
 * The text the loader compiles `filename` (of `size` bytes) from: its ASCII form when the build
 * planned exactly these bytes (see above), otherwise null (Node reads the file itself).
 * `plansFile` is the build's record; a missing or unreadable one plans nothing. `hashesFile`, when
 * given, is where the hashes computed are kept for the next start.
 */
export function plannedSource(filename: string, size: number, plansFile: string, hashesFile: string | null = null): string | null {
  const planned = nativeIsAscii !== undefined ? readPlans(plansFile) : null;
  if (planned === null || !planned.sizes.has(size)) return null;
  let bytes: Buffer;
  let before: string | null;
  let after: string | null;
  try {
    before = hashesFile === null ? null : statIdentity(filename);
    bytes = fs.readFileSync(filename);
    after = hashesFile === null ? null : statIdentity(filename);
  } catch {
    return null;
  }
  // Unchanged while read: its identity names these bytes.
  const record = hashesFile !== null && before === after ? openHashes(hashesFile) : null;
  const known = record?.entries.get(filename);
  let digest: string;
  if (known !== undefined && known.identity === after) {
    digest = known.sha1;
  } else {
    digest = sha1(bytes);
    if (record !== null && after !== null) {
      record.entries.set(filename, { identity: after, sha1: digest });
      record.changed = true;
    }
  }
  if (!planned.sha1s.has(digest)) return null;
  return asciiText(bytes);
}

type TS = typeof import("typescript");

/**
 * How many characters `asciiText` replaces in the JavaScript file `file`, or null when one of them
 * is not in a comment (or the file has a byte-order mark, or is not valid UTF-8), so that its
 * ASCII form would not be the same program.
 */
export function commentOnlyReplacements(ts: TS, file: string, bytes: Buffer): number | null {
  const text = bytes.toString("utf8");
  const ascii = asciiText(Buffer.from(bytes));
  if (text.length !== ascii.length || text.charCodeAt(0) === 0xfeff) return null;
  const tsInternals = ts as unknown as { isInComment(sourceFile: import("typescript").SourceFile, position: number): unknown };
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  let replaced = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === ascii.charCodeAt(i)) continue;
    if (text.charCodeAt(i) < 0x80 || !tsInternals.isInComment(sourceFile, i)) return null;
    replaced++;
  }
  return replaced;
}

/** Plans the given package-relative modules (those not ASCII already) into the build's record. */
export function writeAsciiSources(ts: TS, root: string, modules: string[], target: string): AsciiSource[] {
  const sources: AsciiSource[] = [];
  for (const module of modules) {
    const bytes = fs.readFileSync(path.join(root, module));
    if (isAscii(bytes)) continue;
    const characters = commentOnlyReplacements(ts, module, bytes);
    if (characters !== null) sources.push({ module, sha1: sha1(bytes), bytes: bytes.length, characters });
  }
  fs.writeFileSync(target, `${JSON.stringify({ sources }, null, 1)}\n`);
  return sources;
}

if (require.main === module) {
  // `npm run build`: the large modules a kernel start loads, checked by tslab's own compiler.
  const root = path.resolve(__dirname, "..", "..");
  const tslab = path.dirname(require.resolve("tslab/package.json", { paths: [root] }));
  const typescript = require.resolve("@tslab/typescript-for-tslab", { paths: [tslab] });
  const ts = require(typescript) as TS;
  const modules = [typescript, ...["@tensorflow/tfjs-core", "@tensorflow/tfjs-backend-wasm", "@tensorflow/tfjs-backend-cpu"].map((m) => require.resolve(m, { paths: [root] }))];
  const planned = writeAsciiSources(ts, root, modules.map((m) => path.relative(root, m)), path.join(root, ASCII_SOURCES));
  process.stdout.write(`kernel: ${ASCII_SOURCES}: ${planned.map((s) => `${s.module} (${s.characters} characters in comments)`).join(", ") || "nothing to plan"}\n`);
}
