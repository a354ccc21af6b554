/**
 * The V8 code cache of the kernel's large modules (kernel/compile_cache.ts): written once, used by
 * the next start, and a stale or damaged cache is only a slower start.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ASCII_SOURCES, asciiText, commentOnlyReplacements, sha1, statIdentity, writeAsciiSources } from "../../kernel/ascii_sources";
import { tslabTypeScript, tslabTypeScriptPath } from "../../kernel/resolve";
import { ROOT, tempDir } from "./helpers";

const CACHE_JS = path.resolve(__dirname, "../../dist/kernel/compile_cache.js");

/**
 * Requires `module` with the cache in `dir` (and the ASCII plans `plans`) in a fresh process;
 * returns its value, the caches written, and the text of its `total` function.
 */
function start(dir: string, module: string, plans?: string): { value: number; written: string[]; source?: string } {
  const script = `
    const cache = require(${JSON.stringify(CACHE_JS)});
    cache.enableCompileCache(${JSON.stringify(dir)}${plans === undefined ? "" : `, ${JSON.stringify(plans)}`});
    const value = require(${JSON.stringify(module)}).total();
    const source = ${plans === undefined ? "undefined" : `require(${JSON.stringify(module)}).total.toString()`};
    process.stdout.write(JSON.stringify({ value, written: cache.saveCompileCaches(), source }));`;
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

test("a large module's code cache is written at the first start and used at the next; a damaged one is replaced", () => {
  const dir = tempDir("torchlab-v8cache-");
  const module = path.join(dir, "large.js");
  // Over the size from which modules are cached: 6,000 small functions.
  const body = Array.from({ length: 6000 }, (_, i) => `function f${i}(x) { return x + ${i} * 2 - ${i}; }`).join("\n");
  fs.writeFileSync(module, `${body}\nexports.total = () => { let s = 0; ${Array.from({ length: 6000 }, (_, i) => `s = f${i}(s);`).join(" ")} return s; };\n`);
  const expected = (6000 * 5999) / 2;

  const first = start(path.join(dir, "cache"), module);
  expect(first.value).toBe(expected);
  expect(first.written).toHaveLength(1);
  expect(path.basename(first.written[0])).toMatch(/^large-[0-9a-f]{8}-[0-9a-f]{16}\.v8cache$/);

  // V8 accepted the cache: nothing to write again.
  expect(start(path.join(dir, "cache"), module)).toEqual({ value: expected, written: [] });

  fs.writeFileSync(first.written[0], Buffer.from("not a code cache"));
  expect(start(path.join(dir, "cache"), module)).toEqual({ value: expected, written: first.written });

  // A changed module gets a cache of its own; the old one is removed.
  fs.appendFileSync(module, "exports.changed = true;\n");
  const changed = start(path.join(dir, "cache"), module);
  expect(changed.value).toBe(expected);
  expect(changed.written).toHaveLength(1);
  expect(fs.readdirSync(path.dirname(changed.written[0]))).toEqual([path.basename(changed.written[0])]);
});

test("an edit that keeps the module's length (which is all V8 checks of the source) gets a cache of its own", () => {
  const dir = tempDir("torchlab-v8cache-");
  const module = path.join(dir, "large.js");
  const body = Array.from({ length: 6000 }, (_, i) => `function f${i}(x) { return x + ${i} * 2 - ${i}; }`).join("\n");
  const source = `${body}\nexports.total = () => { let s = 0; ${Array.from({ length: 6000 }, (_, i) => `s = f${i}(s);`).join(" ")} return s; };\n`;
  fs.writeFileSync(module, source);
  const first = start(path.join(dir, "cache"), module);
  expect(first.value).toBe((6000 * 5999) / 2);
  // f5999 now adds 5999 * 3 - 5999: as long as before, a different result.
  const edited = source.replace("return x + 5999 * 2 - 5999;", "return x + 5999 * 3 - 5999;");
  expect(edited.length).toBe(source.length);
  fs.writeFileSync(module, edited);
  const second = start(path.join(dir, "cache"), module);
  expect(second.value).toBe((6000 * 5999) / 2 + 5999);
  expect(second.written).toHaveLength(1);
  expect(second.written[0]).not.toBe(first.written[0]);
});

test("two installs of the same module keep a cache each; a cache named as before paths were part of the name is removed", () => {
  const dir = tempDir("torchlab-v8cache-");
  const cache = path.join(dir, "cache");
  const modules = ["a", "b"].map((install) => {
    fs.mkdirSync(path.join(dir, install));
    const module = path.join(dir, install, "large.js");
    fs.writeFileSync(module, `exports.total = () => 42;\n// ${"x".repeat(300 * 1024)}\n`);
    return module;
  });
  const [a] = start(cache, modules[0]).written;
  const folder = path.dirname(a);
  const unplaced = path.join(folder, "large-0123456789abcdef.v8cache");
  fs.writeFileSync(unplaced, "an older torchlab's cache");
  const [b] = start(cache, modules[1]).written;
  expect(fs.readdirSync(folder).sort()).toEqual([path.basename(a), path.basename(b)].sort());
  // Each install's cache is used at its next start: nothing to write again.
  expect(start(cache, modules[0]).written).toEqual([]);
  expect(start(cache, modules[1]).written).toEqual([]);
});

test("a cache folder that cannot be written costs only the cache", () => {
  const dir = tempDir("torchlab-v8cache-");
  const module = path.join(dir, "large.js");
  fs.writeFileSync(module, `exports.total = () => 42;\n// ${"x".repeat(300 * 1024)}\n`);
  const blocked = path.join(dir, "file-not-folder");
  fs.writeFileSync(blocked, "");
  expect(start(path.join(blocked, "cache"), module)).toEqual({ value: 42, written: [] });
});

test("the small modules a start loads share one bundle of caches: used by the next start, rewritten when one changed or it is damaged, keeping unchanged modules the start did not load", () => {
  const dir = tempDir("torchlab-v8bundle-");
  const cache = path.join(dir, "cache");
  const main = path.join(dir, "main.js");
  const helper = path.join(dir, "helper.js");
  const dynamic = path.join(dir, "dynamic.js");
  fs.writeFileSync(helper, "exports.value = () => 41;\n");
  fs.writeFileSync(dynamic, `exports.later = () => import("./helper.js");\n`);
  // The require a bundled module gets has what Node's own has.
  const requireWorks = `require.resolve("./helper") === ${JSON.stringify(helper)} && require.resolve.paths("x").length > 0 && require.extensions[".js"] !== undefined`;
  fs.writeFileSync(main, `const helper = require("./helper"); require("./dynamic");\nexports.total = () => helper.value() + (${requireWorks} ? 1 : 0);\n`);
  const { bundledModules } = require(CACHE_JS) as typeof import("../../kernel/compile_cache");

  const first = start(cache, main);
  expect(first.value).toBe(42);
  expect(first.written).toHaveLength(1);
  expect(path.basename(first.written[0])).toMatch(/^modules-[0-9a-f]{16}\.v8bundle$/);
  // A module with `import(` in its text is compiled by Node, which can load what it imports.
  expect(bundledModules(first.written[0])).toEqual([main, helper]);
  expect(start(cache, main)).toEqual({ value: 42, written: [] });

  // Same length, another result: the changed module's cache is not used, and the bundle is rewritten.
  fs.writeFileSync(helper, "exports.value = () => 50;\n");
  expect(start(cache, main)).toEqual({ value: 51, written: first.written });
  expect(start(cache, main)).toEqual({ value: 51, written: [] });

  // A start that loads another set of modules keeps the caches of the others while their files are unchanged.
  const other = path.join(dir, "other.js");
  fs.writeFileSync(other, "exports.total = () => 7;\n");
  expect(start(cache, other)).toEqual({ value: 7, written: first.written });
  expect(bundledModules(first.written[0])).toEqual([other, main, helper]);
  expect(start(cache, main)).toEqual({ value: 51, written: [] });
  fs.rmSync(other);
  fs.writeFileSync(helper, "exports.value = () => 60;\n");
  expect(start(cache, main)).toEqual({ value: 61, written: first.written });
  expect(bundledModules(first.written[0])).toEqual([main, helper]);

  fs.writeFileSync(first.written[0], Buffer.from("not a bundle"));
  expect(bundledModules(first.written[0])).toEqual([]);
  expect(start(cache, main)).toEqual({ value: 61, written: first.written });
  expect(bundledModules(first.written[0])).toEqual([main, helper]);
});

test("ASCII text of UTF-8: one ? per UTF-16 unit, so every offset stays; only comments may hold what is replaced", () => {
  const text = "a → b 😀 c\nd";
  const ascii = asciiText(Buffer.from(text));
  expect(ascii).toBe("a ? b ?? c\nd");
  expect(ascii.length).toBe(text.length);
  expect(asciiText(Buffer.from("plain"))).toBe("plain");

  const ts = tslabTypeScript();
  const check = (source: string) => commentOnlyReplacements(ts, "m.js", Buffer.from(source));
  expect(check("// → one\nconst x = 1; /* ’ two */ /** ≤ three */\n")).toBe(3);
  expect(check('const s = "→";')).toBeNull();
  expect(check("const s = `a ${1} →`;")).toBeNull();
  expect(check("const r = /→\\//; // ok")).toBeNull();
  expect(check("const \u00e9t\u00e9 = 1;".replace(/\\u00e9/g, "é"))).toBeNull();
});

test("a large module whose non-ASCII characters are all in comments loads as ASCII when the build planned its bytes, and as Node reads it otherwise", () => {
  const dir = tempDir("torchlab-ascii-");
  const module = path.join(dir, "large.js");
  fs.writeFileSync(module, `exports.total = () => { // 2 → 42\n  return 42; };\n// ${"x".repeat(300 * 1024)}\n`);
  const plans = path.join(dir, "ascii_sources.json");
  const planned = writeAsciiSources(tslabTypeScript(), dir, ["large.js"], plans);
  expect(planned).toEqual([{ module: "large.js", sha1: sha1(fs.readFileSync(module)), bytes: fs.statSync(module).size, characters: 1 }]);

  const cache = path.join(dir, "cache");
  const first = start(cache, module, plans);
  expect(first.value).toBe(42);
  expect(first.source).toContain("// 2 ? 42");
  expect(first.written).toHaveLength(1);
  // Its code cache is used at the next start.
  expect(start(cache, module, plans)).toEqual({ ...first, written: [] });
  // Changed since the build: read by Node, characters and all.
  fs.appendFileSync(module, "// → changed\n");
  const changed = start(cache, module, plans);
  expect(changed.value).toBe(42);
  expect(changed.source).toContain("// 2 → 42");
  // Without the build's record, or with a damaged one, as Node reads it.
  fs.writeFileSync(plans, "{ not json");
  expect(start(cache, module, plans).source).toContain("// 2 → 42");
});

test("a planned module is hashed once per version of its file: the next start takes the hash from the cache folder's record; a stale or damaged record means hashing again", () => {
  const dir = tempDir("torchlab-ascii-");
  const module = path.join(dir, "large.js");
  fs.writeFileSync(module, `exports.total = () => { // 2 → 42\n  return 42; };\n// ${"x".repeat(300 * 1024)}\n`);
  const plans = path.join(dir, "ascii_sources.json");
  writeAsciiSources(tslabTypeScript(), dir, ["large.js"], plans);
  const cache = path.join(dir, "cache");
  const recordOf = (): { file: string; record: Record<string, [string, string]> } => {
    const folder = fs.readdirSync(cache).map((name) => path.join(cache, name)).find((f) => fs.statSync(f).isDirectory())!;
    const name = fs.readdirSync(folder).find((f) => /^ascii-hashes-[0-9a-f]{16}\.json$/.test(f));
    if (name === undefined) throw new Error(`no record of hashes in ${fs.readdirSync(folder).join(", ")}`);
    return { file: path.join(folder, name), record: JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")) };
  };

  expect(start(cache, module, plans).source).toContain("// 2 ? 42");
  const { file, record } = recordOf();
  expect(record).toEqual({ [module]: [statIdentity(module), sha1(fs.readFileSync(module))] });

  // The record is what the next start trusts for an unchanged file: one whose hash is not planned
  // (written here by hand) makes the start read the file as Node does.
  fs.writeFileSync(file, JSON.stringify({ [module]: [statIdentity(module), "0".repeat(40)] }));
  expect(start(cache, module, plans).source).toContain("// 2 → 42");
  // A damaged record: hashed again, loaded as ASCII, the record rewritten.
  fs.writeFileSync(file, "{ not json");
  expect(start(cache, module, plans).source).toContain("// 2 ? 42");
  expect(recordOf().record).toEqual(record);

  // The same bytes written again (a reinstall): a new identity, hashed again, still planned.
  fs.writeFileSync(module, fs.readFileSync(module));
  expect(statIdentity(module)).not.toBe(record[module][0]);
  expect(start(cache, module, plans).source).toContain("// 2 ? 42");
  expect(recordOf().record[module]).toEqual([statIdentity(module), record[module][1]]);
  // An edit that keeps the size: hashed again, no longer the planned bytes, read as Node does.
  fs.writeFileSync(module, fs.readFileSync(module, "utf8").replace("return 42", "return 43"));
  const edited = start(cache, module, plans);
  expect(edited).toMatchObject({ value: 43 });
  expect(edited.source).toContain("// 2 → 42");
});

test("the build plans the installed TypeScript of tslab", () => {
  const record = JSON.parse(fs.readFileSync(path.join(ROOT, ASCII_SOURCES), "utf8")) as { sources: { sha1: string }[] };
  expect(record.sources.map((s) => s.sha1)).toContain(sha1(fs.readFileSync(tslabTypeScriptPath())));
});

test("the cache folder is bounded: files unused for 30 days go, then the least recently used above the size cap", () => {
  const { sweepCacheFolder, markUsed, CACHE_MAX_AGE_MS } = require(CACHE_JS) as typeof import("../../kernel/compile_cache");
  const dir = tempDir("torchlab-v8sweep-");
  const now = Date.now();
  const day = 24 * 3600_000;
  const file = (name: string, bytes: number, daysAgo: number) => {
    fs.writeFileSync(path.join(dir, name), Buffer.alloc(bytes));
    const t = (now - daysAgo * day) / 1000;
    fs.utimesSync(path.join(dir, name), t, t);
  };
  file("typescript-aaaaaaaa-0000000000000000.v8cache", 100, 45); // another checkout's, long gone
  file("kernel-0000000000000000.blob", 400, 2);
  file("tf-core.node-bbbbbbbb-1111111111111111.v8cache", 300, 1.5);
  file("declarations-2222222222222222.json", 50, 0);
  file("typescript-cccccccc-3333333333333333.v8cache.123.tmp", 10, 0); // being written by a running kernel
  fs.mkdirSync(path.join(dir, "sub"));

  // Under the cap: only the one unused for longer than 30 days goes.
  expect(sweepCacheFolder(dir, now, { maxBytes: 10_000 })).toEqual(["typescript-aaaaaaaa-0000000000000000.v8cache"]);
  // Over the cap (760 bytes of 860 left against 500): the least recently used first, until under it.
  expect(sweepCacheFolder(dir, now, { maxBytes: 500 })).toEqual(["kernel-0000000000000000.blob"]);
  expect(fs.readdirSync(dir).sort()).toEqual([
    "declarations-2222222222222222.json",
    "sub",
    "tf-core.node-bbbbbbbb-1111111111111111.v8cache",
    "typescript-cccccccc-3333333333333333.v8cache.123.tmp",
  ]);

  // A use refreshes a file's time once a day (not at every start), so a cache in use is never swept.
  const used = path.join(dir, "tf-core.node-bbbbbbbb-1111111111111111.v8cache");
  const before = fs.statSync(used).mtimeMs;
  markUsed(used, now);
  expect(fs.statSync(used).mtimeMs).toBeGreaterThan(before);
  const marked = fs.statSync(used).mtimeMs;
  markUsed(used, now + 3600_000);
  expect(fs.statSync(used).mtimeMs).toBe(marked);
  expect(sweepCacheFolder(dir, now + CACHE_MAX_AGE_MS - day)).toEqual([]);
  // A missing folder is nothing to sweep.
  expect(sweepCacheFolder(path.join(dir, "none"), now)).toEqual([]);
});

test("a start that uses a code cache marks it used", () => {
  const dir = tempDir("torchlab-v8cache-");
  const module = path.join(dir, "large.js");
  const body = Array.from({ length: 6000 }, (_, i) => `function f${i}(x) { return x + ${i} * 2 - ${i}; }`).join("\n");
  fs.writeFileSync(module, `${body}\nexports.total = () => 1;\n`);
  const [cacheFile] = start(path.join(dir, "cache"), module).written;
  const old = (Date.now() - 10 * 24 * 3600_000) / 1000;
  fs.utimesSync(cacheFile, old, old);
  expect(start(path.join(dir, "cache"), module).written).toEqual([]);
  expect(Date.now() - fs.statSync(cacheFile).mtimeMs).toBeLessThan(24 * 3600_000);
});
