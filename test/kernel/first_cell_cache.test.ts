import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Converter } from "tslab/dist/converter";
import { buildConverter } from "../../kernel/converter_worker";
import { CACHE_DIR_ENV } from "../../kernel/compile_cache";
import { installTorchlabResolution, takeLastConversion } from "../../kernel/resolve";

// The kernel's node converter (tslab's, with the dialect, the declaration views of a kernel start and
// the first-cell cache), in-process: a
// converter's first conversion comes from the cache folder only while the program's files are the
// ones it was made from.
installTorchlabResolution();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-first-cell-"));
const cacheDir = path.join(dir, "cache");
const types = path.join(dir, "v.d.ts");
const CELL = `import type { V } from ${JSON.stringify(path.join(dir, "v"))};\nlet a: V = 1;\na`;
const before = process.env[CACHE_DIR_ENV];
const open: Converter[] = [];

function converter(): Converter {
  const conv = buildConverter({ kind: "node", prunedTf: true, prunedNode: true, docsDeferred: true });
  open.push(conv);
  return conv;
}

function entries(): string[] {
  const found: string[] = [];
  for (const sub of fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []) {
    for (const name of fs.readdirSync(path.join(cacheDir, sub))) if (name.startsWith("first-cell-")) found.push(path.join(cacheDir, sub, name));
  }
  return found;
}

beforeAll(() => {
  process.env[CACHE_DIR_ENV] = cacheDir;
  fs.writeFileSync(types, "export type V = number;\n");
});

afterAll(() => {
  for (const conv of open) conv.close();
  if (before === undefined) delete process.env[CACHE_DIR_ENV];
  else process.env[CACHE_DIR_ENV] = before;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a converter's first cell", () => {
  test("comes from the cache as it was converted, source maps included, and only while the program's files are unchanged", () => {
    const fresh = converter().convert("", CELL);
    const freshMaps = takeLastConversion();
    expect(fresh.diagnostics).toEqual([]);
    expect(fresh.output).toContain("a");
    expect(freshMaps?.cjs).toBeTruthy();
    expect(entries()).toHaveLength(1);

    const cached = converter().convert("", CELL);
    expect(cached).toEqual(fresh);
    expect(takeLastConversion()).toEqual(freshMaps);

    // What the next converter returns is what the entry holds.
    const [file] = entries();
    const entry = JSON.parse(fs.readFileSync(file, "utf8"));
    entry.result.output = `/* from the cache */\n${entry.result.output}`;
    fs.writeFileSync(file, JSON.stringify(entry));
    expect(converter().convert("", CELL).output).toMatch(/^\/\* from the cache \*\//);

    // A declaration file the cell's program reads has changed: the cell is checked again.
    fs.writeFileSync(types, "export type V = string;\n");
    const changed = converter().convert("", CELL);
    expect(changed.diagnostics.map((d) => d.messageText)).toEqual(["Type 'number' is not assignable to type 'string'."]);
    fs.writeFileSync(types, "export type V = number;\n");
  }, 120000);

  test("converts as usual when the cache folder cannot be written", () => {
    const blocked = path.join(dir, "not-a-folder");
    fs.writeFileSync(blocked, "");
    process.env[CACHE_DIR_ENV] = blocked;
    try {
      const result = converter().convert("", `${CELL} * 2`);
      expect(result.diagnostics).toEqual([]);
      expect(result.output).toContain("exports.a * 2");
    } finally {
      process.env[CACHE_DIR_ENV] = cacheDir;
    }
  }, 60000);
});
