/**
 * Declaration files read ahead by a worker thread during a kernel start (kernel/preload.ts): what
 * the compiler's host is handed is the file's text as on the disk (byte order mark dropped, as
 * TypeScript's own reads), its documentation-less text is the one kernel/doc_comments.ts makes,
 * only library declarations are taken, each once, and the list of what was read is kept for the
 * next start. Needs `npm run build` (the worker runs dist/kernel/preload.js).
 */
import * as fs from "fs";
import * as path from "path";
import { withoutDocComments } from "../../kernel/doc_comments";
import { bareDeclaration, preloadListPath, savePreloadList, startPreload, takePreloaded } from "../../kernel/preload";
import { tempDir } from "./helpers";

const ROOT = path.resolve(__dirname, "..", "..");

/** Takes `file` from the worker once it has posted it. */
async function takeWhenRead(file: string, ms = 20_000): Promise<string | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const text = takePreloaded(file);
    if (text !== undefined || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test("a start reads ahead the declarations the last one listed, and lists what it read for the next", async () => {
  const cache = tempDir("torchlab-preload-");
  const env = { ...process.env, TORCHLAB_CACHE_DIR: cache };
  const lib = path.join(cache, "node_modules", "lib");
  fs.mkdirSync(lib, { recursive: true });
  const documented = path.join(lib, "documented.d.ts");
  fs.writeFileSync(documented, "/** A doc. */\nexport declare function f(): void;\n");
  const bom = path.join(lib, "bom.d.ts");
  fs.writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("export declare const b: 1;\n")]));
  const gone = path.join(lib, "gone.d.ts");
  // The notebook folder's own files and tslab's in-memory one are never taken from a list.
  const notebookFile = path.join(cache, "mine.d.ts");
  fs.writeFileSync(notebookFile, "export declare const m: 1;\n");
  const prev = path.join(lib, "__prev__.d.ts");
  fs.writeFileSync(prev, "export declare const p: 1;\n");
  const listFile = preloadListPath(ROOT, env);
  fs.mkdirSync(path.dirname(listFile), { recursive: true });
  fs.writeFileSync(listFile, JSON.stringify([gone, documented, bom, notebookFile, prev]));

  startPreload(ROOT, env);
  const text = await takeWhenRead(documented);
  expect(text).toBe(fs.readFileSync(documented, "utf8"));
  expect(bareDeclaration(documented, text!)).toBe(withoutDocComments(text!));
  expect(bareDeclaration(documented, text!)).toBe("/*  A doc. */\nexport declare function f(): void;\n");
  // Taken once: a second read goes to the disk.
  expect(takePreloaded(documented)).toBeUndefined();
  expect(takePreloaded(bom)).toBe("export declare const b: 1;\n");
  expect(bareDeclaration(bom, "export declare const b: 1;\n")).toBe("export declare const b: 1;\n");
  expect(takePreloaded(gone)).toBeUndefined();
  expect(takePreloaded(notebookFile)).toBeUndefined();
  expect(takePreloaded(prev)).toBeUndefined();
  // Text that is not the worker's is scanned here.
  expect(bareDeclaration(notebookFile, "/** x */ declare const m: 1;")).toBe("/*  x */ declare const m: 1;");

  expect(savePreloadList()).toBe(true);
  expect(JSON.parse(fs.readFileSync(listFile, "utf8"))).toEqual([documented, bom]);
  // The same list again is not rewritten.
  expect(savePreloadList()).toBe(false);
  fs.rmSync(cache, { recursive: true, force: true });
});
