/**
 * Declaration files read on the second core (issue 12's start target).
 *
 * A kernel start parses ~2 MB of declaration files on its main thread, each read from disk and,
 * documentation deferred, scanned for its JSDoc openers (kernel/doc_comments.ts) first: ~10% of
 * the declarations' part of the start, measured. The files a start reads are the same from one
 * start to the next, so each start writes their list to the cache folder, and the next start hands
 * that list to a worker thread as soon as its sockets are bound. The worker reads and scans them
 * while the main thread loads the library and the compiler (~0.7 s), and posts each file's text
 * and scanned text; the compiler's host (kernel/resolve.ts) takes a file from there when it has
 * arrived, and reads it itself otherwise. The list only says what to read ahead: what the compiler
 * asks for is what it gets, read from the disk during this start either way.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { isMainThread, MessageChannel, parentPort, receiveMessageOnPort, Worker, workerData, type MessagePort } from "worker_threads";
import { defaultCacheDir, markUsed } from "./compile_cache";
import { withoutDocComments } from "./doc_comments";

/** One file as the worker read it: its text, and that text without documentation when that differs. */
interface Preloaded {
  file: string;
  text: string;
  bare: string | null;
}

interface WorkerInput {
  files: string[];
}

/** Files posted in one message: fewer messages, each still early for the first files the compiler asks for. */
const BATCH = 16;

let port: MessagePort | null = null;
let worker: Worker | null = null;
const arrived = new Map<string, Preloaded>();
let listFile: string | null = null;
let listed: string[] = [];
const read = new Set<string>();
/** The last file taken from the worker, so that the documentation scan can find its scanned text. */
let last: Preloaded | null = null;

let installRoot: string | null = null;

/**
 * Whether `file` (an absolute path) belongs to an installed library: it lies under a node_modules
 * folder or in the dist/ of torchlab's installation at `root`, and is not one of tslab's in-memory
 * files (`__prev__.d.ts`). The notebook folder's own files do not.
 */
export function isLibraryFile(file: string, root: string): boolean {
  return (file.includes(`${path.sep}node_modules${path.sep}`) || file.startsWith(path.join(root, "dist") + path.sep)) && !path.basename(file).startsWith("__");
}

/** Files worth reading ahead: the libraries' declarations, not the notebook folder's files. */
function preloadable(file: string): boolean {
  return installRoot !== null && isLibraryFile(file, installRoot);
}

/** Where the list of declaration files of kernels of the installation at `root` is kept. */
export function preloadListPath(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const key = createHash("sha1").update(root).digest("hex").slice(0, 16);
  return path.join(defaultCacheDir(env), `v8-${process.version}-${process.arch}`, `declarations-${key}.json`);
}

/** Starts reading the files the last start of this installation read; does nothing when there is no list. */
export function startPreload(installation: string, env: NodeJS.ProcessEnv = process.env): void {
  if (worker !== null) return;
  installRoot = installation;
  listFile = preloadListPath(installation, env);
  try {
    const files = JSON.parse(fs.readFileSync(listFile, "utf8")) as unknown;
    markUsed(listFile);
    listed = Array.isArray(files) ? files.filter((f): f is string => typeof f === "string" && preloadable(f)) : [];
  } catch {
    listed = [];
  }
  if (listed.length === 0) return;
  try {
    const { port1, port2 } = new MessageChannel();
    worker = new Worker(path.join(installation, "dist", "kernel", "preload.js"), { workerData: { files: listed } satisfies WorkerInput });
    worker.postMessage(port2, [port2]);
    worker.unref();
    // A worker that fails only means the compiler reads every file itself.
    worker.on("error", () => undefined);
    port = port1;
  } catch {
    worker = null;
    port = null;
  }
}

/** The file's text as the worker read it, when it has; taken once (a later read goes to the disk). */
export function takePreloaded(file: string): string | undefined {
  if (port === null || !preloadable(file)) return undefined;
  let entry = arrived.get(file);
  while (entry === undefined) {
    const message = receiveMessageOnPort(port);
    if (message === undefined) break;
    for (const item of message.message as Preloaded[]) arrived.set(item.file, item);
    entry = arrived.get(file);
  }
  if (entry === undefined) return undefined;
  arrived.delete(file);
  last = entry;
  return entry.text;
}

/**
 * `text` (of `file`) without its documentation comments: the worker's scan when `text` is the text
 * it read, the scan done here otherwise. Records the file for the next start's list.
 */
export function bareDeclaration(file: string, text: string): string {
  if (preloadable(file)) read.add(file);
  if (last !== null && last.file === file && last.text === text) {
    const bare = last.bare ?? text;
    last = null;
    return bare;
  }
  return withoutDocComments(text);
}

/**
 * Writes the list of the declaration files read so far, for the next start, when it differs from
 * the one this start was given; stops the worker. Returns whether a list was written.
 */
export function savePreloadList(): boolean {
  if (worker !== null) {
    void worker.terminate();
    worker = null;
  }
  port?.close();
  port = null;
  arrived.clear();
  last = null;
  if (listFile === null || read.size === 0) return false;
  const files = [...read];
  if (files.length === listed.length && files.every((f, i) => f === listed[i])) return false;
  try {
    fs.mkdirSync(path.dirname(listFile), { recursive: true });
    // Written aside and renamed, so that a kernel starting meanwhile never reads half a list.
    const temporary = `${listFile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(files));
    fs.renameSync(temporary, listFile);
    listed = files;
    return true;
  } catch {
    // A folder that cannot be written (a sandboxed grading kernel) only means no reading ahead.
    return false;
  }
}

/** The worker: reads and scans the listed files in order, posting them in batches. */
function runWorker(): void {
  const { files } = workerData as WorkerInput;
  parentPort!.once("message", (out: MessagePort) => {
    let batch: Preloaded[] = [];
    for (const file of files) {
      try {
        const bytes = fs.readFileSync(file);
        // As the compiler's own reads: a UTF-8 byte order mark dropped; UTF-16 files left to it.
        if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) continue;
        const text = bytes.toString("utf8", bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
        const bare = withoutDocComments(text);
        batch.push({ file, text, bare: bare === text ? null : bare });
      } catch {
        // Gone or unreadable: the compiler finds out for itself.
      }
      if (batch.length >= BATCH) {
        out.postMessage(batch);
        batch = [];
      }
    }
    if (batch.length > 0) out.postMessage(batch);
    out.close();
  });
}

if (!isMainThread && (workerData as Partial<WorkerInput> | null)?.files !== undefined) runWorker();
