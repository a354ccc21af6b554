/**
 * The startup snapshot of parsed declarations (kernel/declarations.ts, kernel/snapshot_entry.ts):
 * a compiler in a process started from it gets the parsed files only while their text is what was
 * parsed, and its diagnostics are those of a compiler that parsed everything itself. The kernel's
 * own start from a snapshot (type errors, completion, hover, the prelude) is compared with a start
 * without one in test_frontends.py (StartupTests).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { buildSnapshotFile, snapshotPath } from "../../kernel/declarations";
import { kernelNodeArgs } from "../../kernel/node_args";
import { tslabTypeScriptPath } from "../../kernel/resolve";
import { PARSE_STATEMENT, type SnapshotSpec } from "../../kernel/snapshot_entry";
import { tempDir } from "./helpers";

const HEAP_MB = 512;

/**
 * A stand-in for torchlab's root whose `dist/kernel/cli.js` type-checks `main.ts` against `types.d.ts`
 * with whatever TypeScript `require` gives (the snapshot's, when started from one) and prints the
 * diagnostics and the snapshot's hit/miss counts.
 */
function fakeRoot(dir: string): string {
  const root = path.join(dir, "root");
  fs.mkdirSync(path.join(root, "dist", "kernel"), { recursive: true });
  fs.writeFileSync(
    path.join(root, "dist", "kernel", "cli.js"),
    `exports.main = () => {
      const ts = require(${JSON.stringify(tslabTypeScriptPath())});
      const options = { target: ts.ScriptTarget.ES2022, lib: ["lib.es2022.d.ts"], types: [], noEmit: true, strict: true };
      const main = ${JSON.stringify(path.join(dir, "main.ts"))};
      const program = ts.createProgram([main], options, ts.createCompilerHost(options));
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\\n"));
      const stats = globalThis[Symbol.for("torchlab.parsedDeclarations.stats")] ?? null;
      process.stdout.write(JSON.stringify({ diagnostics, stackTraceLimit: Error.stackTraceLimit, stack: new Error("x").stack.split("\\n").length > 1, hits: stats && stats.hits, missed: stats && stats.missed.map((f) => require("path").basename(f)) }));
    };\n`,
  );
  return root;
}

function check(args: string[]): { diagnostics: string[]; stackTraceLimit: number; stack: boolean; hits: number | null; missed: string[] | null } {
  // The flags a kernel process runs under (the supervisor's), which the snapshot was built with.
  const result = spawnSync(process.execPath, [...kernelNodeArgs(HEAP_MB), ...args], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

test("tslab's TypeScript still has the statement the snapshot hooks", () => {
  expect(fs.readFileSync(tslabTypeScriptPath(), "utf8").split(PARSE_STATEMENT)).toHaveLength(2);
});

test("a snapshot's parsed declarations are used while unchanged, parsed afresh once changed, with the same diagnostics", () => {
  const dir = tempDir("torchlab-snapshot-");
  const root = fakeRoot(dir);
  const types = path.join(dir, "types.d.ts");
  fs.writeFileSync(types, "export interface Shape { dims: number[] }\nexport declare function ones(...size: number[]): Shape;\n");
  fs.writeFileSync(path.join(dir, "main.ts"), `import { ones } from "./types";\nconst s: string = ones(2).dims;\nexport { s };\n`);
  const lib = path.join(path.dirname(tslabTypeScriptPath()), "lib.es2022.d.ts");
  const spec: SnapshotSpec = { root, typescript: tslabTypeScriptPath(), files: [types, lib].map((fileName) => ({ fileName, languageVersion: 9 })) };
  const blob = snapshotPath(root, spec.typescript, HEAP_MB, { TORCHLAB_CACHE_DIR: path.join(dir, "cache") });
  fs.mkdirSync(path.dirname(blob), { recursive: true });
  fs.writeFileSync(`${blob}.spec.json`, JSON.stringify(spec));
  expect(buildSnapshotFile(blob, HEAP_MB)).toBe(true);
  expect(fs.readdirSync(path.dirname(blob)).filter((f) => !f.endsWith(".spec.json"))).toEqual([path.basename(blob)]);

  // Without the snapshot: main() called the way the snapshot's main function calls it.
  const direct = check(["-e", `require(${JSON.stringify(path.join(root, "dist", "kernel", "cli.js"))}).main([])`]);
  expect(direct.diagnostics).toEqual(["Type 'number[]' is not assignable to type 'string'."]);
  expect(direct.hits).toBeNull();

  const fromSnapshot = check(["--snapshot-blob", blob, "check"]);
  expect(fromSnapshot.diagnostics).toEqual(direct.diagnostics);
  // Errors have their stacks, as after loading TypeScript without the snapshot (tracebacks need them).
  expect(fromSnapshot.stackTraceLimit).toBe(direct.stackTraceLimit);
  expect(fromSnapshot.stack).toBe(true);
  // lib.es2022.d.ts alone pulls in the chain of lib files the spec did not name: those are parsed.
  expect(fromSnapshot.hits).toBe(2);
  expect(fromSnapshot.missed).not.toContain("types.d.ts");
  expect(fromSnapshot.missed).not.toContain("lib.es2022.d.ts");

  // The declarations change after the snapshot was built: the new text is parsed, never the old.
  fs.writeFileSync(types, "export interface Shape { dims: string }\nexport declare function ones(...size: number[]): Shape;\n");
  const changed = check(["--snapshot-blob", blob, "check"]);
  expect(changed.diagnostics).toEqual([]);
  expect(changed.missed).toContain("types.d.ts");
  expect(changed.hits).toBe(1);
}, 180_000);

test("a snapshot that fails to build leaves nothing behind", () => {
  const dir = tempDir("torchlab-snapshot-");
  const blob = path.join(dir, "cache", "kernel-x.blob");
  fs.mkdirSync(path.dirname(blob), { recursive: true });
  fs.writeFileSync(`${blob}.spec.json`, JSON.stringify({ root: dir, typescript: path.join(dir, "no-typescript.js"), files: [] }));
  fs.writeFileSync(`${blob}.lock`, "1");
  expect(buildSnapshotFile(blob, HEAP_MB)).toBe(false);
  expect(fs.readdirSync(path.dirname(blob))).toEqual([path.basename(`${blob}.spec.json`)]);
}, 60_000);
