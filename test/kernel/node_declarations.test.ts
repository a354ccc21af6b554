/**
 * The kernel's pruned view of @types/node (kernel/node_declarations.ts, issue 12): it keeps every
 * file that adds a global and everything those import, so every global has exactly the type it has
 * with the whole package; a cell that names a module left out is compiled with the whole package.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as TS from "typescript";
import { computeNodeTypesPlan, needsWholeNodeTypes, NODE_TYPES_PLANS, nodeTypesIndexes, nodeTypesPlan, writeNodeTypesPlans } from "../../kernel/node_declarations";
import { tslabTypeScript } from "../../kernel/resolve";
import { run, tempDir } from "./helpers";

const ROOT = path.resolve(__dirname, "..", "..");
/** The @types/node a kernel reads in a folder without one (tslab's), and the package's own. */
const INDEXES = [
  path.join(ROOT, "node_modules", "tslab", "node_modules", "@types", "node", "ts5.6", "index.d.ts"),
  path.join(ROOT, "node_modules", "@types", "node", "index.d.ts"),
].filter((f) => fs.existsSync(f));

/** A program of one script that sees Node's globals through `index` (the text of indexFile). */
function programWith(ts: typeof TS, indexFile: string, index: string): TS.Program {
  const cell = path.join(os.tmpdir(), "__cell__.ts");
  const options: TS.CompilerOptions = { target: ts.ScriptTarget.ES2022, lib: ["lib.es2022.d.ts"], types: [], noEmit: true, skipLibCheck: false, strict: true };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (path.resolve(f) === cell ? `/// <reference path="${indexFile}" />\nexport {};\n` : path.resolve(f) === indexFile ? index : read(f));
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => path.resolve(f) === cell || exists(f);
  return ts.createProgram([cell], options, host);
}

/** Each global name with its type, and the types of its members, as the checker prints them. */
function globalTypes(ts: typeof TS, program: TS.Program): Map<string, string> {
  const checker = program.getTypeChecker();
  const cell = program.getSourceFiles().find((f) => f.fileName.endsWith("__cell__.ts"))!;
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseFullyQualifiedType;
  const out = new Map<string, string>();
  for (const symbol of checker.getSymbolsInScope(cell, ts.SymbolFlags.Value | ts.SymbolFlags.Type | ts.SymbolFlags.Namespace)) {
    const parts: string[] = [];
    const type = symbol.flags & ts.SymbolFlags.Value ? checker.getTypeOfSymbolAtLocation(symbol, cell) : checker.getDeclaredTypeOfSymbol(symbol);
    parts.push(checker.typeToString(type, undefined, flags));
    for (const member of type.getProperties().filter((m) => !m.name.startsWith('"'))) {
      // Symbol-keyed members are named with the symbol's id (`__@species@9`), which differs between programs.
      parts.push(`${member.name.replace(/@\d+$/, "")}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(member, cell), undefined, flags)}`);
    }
    if (symbol.flags & ts.SymbolFlags.Namespace) {
      for (const member of checker.getExportsOfModule(symbol).filter((m) => !m.name.startsWith('"'))) parts.push(`${member.name}: ${member.flags}`);
    }
    // The modules left out are the only names that may differ.
    if (!symbol.name.startsWith('"')) out.set(symbol.name, parts.sort().join("\n"));
  }
  return out;
}

describe.each(INDEXES)("the pruned view of %s", (indexFile) => {
  const ts = tslabTypeScript();
  const index = fs.readFileSync(indexFile, "utf8");
  const plan = computeNodeTypesPlan(ts, indexFile, index)!;

  test("leaves out only files that declare modules, and keeps what notebooks use", () => {
    expect(plan).not.toBeNull();
    expect(plan.index.length).toBeLessThan(index.length);
    for (const kept of ["buffer", "node:buffer", "process", "timers", "url", "worker_threads", "util"]) expect(plan.kept).toContain(kept);
    for (const dropped of ["child_process", "node:child_process", "zlib", "os", "path", "assert"]) expect(plan.kept).not.toContain(dropped);
  });

  test("every global has the same type, members and namespace members as with the whole package, and no module goes missing", () => {
    const full = programWith(ts, indexFile, index);
    const pruned = programWith(ts, indexFile, plan.index);
    expect(pruned.getSourceFiles().length).toBeLessThan(full.getSourceFiles().length);
    const wholeTypes = globalTypes(ts, full);
    const prunedTypes = globalTypes(ts, pruned);
    expect(wholeTypes.size).toBeGreaterThan(200);
    const differing = [...wholeTypes].filter(([name, type]) => prunedTypes.get(name) !== type).map(([name]) => name);
    expect(differing).toEqual([]);
    expect([...prunedTypes.keys()].filter((name) => !wholeTypes.has(name))).toEqual([]);
    // A kept file importing a module left out would make "Cannot find module" errors (2307) appear.
    const missing = (program: TS.Program) =>
      program.getSourceFiles().flatMap((f) => program.getSemanticDiagnostics(f)).filter((d) => d.code === 2307 || d.code === 2305).length;
    expect(missing(pruned)).toBe(missing(full));
  }, 300000);
});

test("a cell needs the whole @types/node when it names a module that the pruned view leaves out, or any module but torchlab's", () => {
  const kept = new Set(["fs", "node:fs", "process", "node:process"]);
  const needs = (code: string) => needsWholeNodeTypes(code, kept);
  expect(needs(`import * as fs from "fs";\nfs.readFileSync("a")`)).toBe(false);
  expect(needs(`import { torch } from "torchlab";\nimport * as nn from 'torchlab/dist/src/nn';`)).toBe(false);
  expect(needs(`const xs = Array.from("abc"); const s = "child_process"; process.stdout.write(s)`)).toBe(false);
  expect(needs(`import { execSync } from "child_process";`)).toBe(true);
  expect(needs(`import * as cp from "node:child_process";`)).toBe(true);
  expect(needs(`const cp = require("child_process");`)).toBe(true);
  expect(needs("const os = await import(`os`);")).toBe(true);
  expect(needs(`type P = typeof import("path");`)).toBe(true);
  expect(needs(`import "zlib";`)).toBe(true);
  expect(needs(`declare module "os" { const x: number; }`)).toBe(true);
  // Another package's or a local file's declarations may import any module of Node.
  expect(needs(`import express from "express";`)).toBe(true);
  expect(needs(`import { helper } from "./helper";`)).toBe(true);
  expect(needs(`import { main } from "torchlab/dist/kernel/supervisor";`)).toBe(true);
  expect(needs(`import { x } from "torchlab/dist/src/../kernel/supervisor";`)).toBe(true);
  expect(needs(`/// <reference types="node" />\nconst a = 1;`)).toBe(true);
  // A completion of module names: the specifier is still being typed.
  expect(needs(`import { exec } from "chi`)).toBe(true);
});

test("the build's plans hold for every @types/node a kernel reads, and are found under a hash of the package's files wherever the package is, never for changed files", () => {
  const ts = tslabTypeScript();
  // What `npm run build` wrote: a plan for tslab's @types/node (a notebook folder without one) and the package's.
  const indexes = nodeTypesIndexes(ts, ROOT);
  // Shipped with the package: under one of package.json's "files".
  const files: string[] = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).files;
  expect(files.some((entry) => NODE_TYPES_PLANS.split(path.sep).join("/").startsWith(`${entry}/`))).toBe(true);
  expect(indexes).toEqual(expect.arrayContaining(INDEXES));
  for (const indexFile of indexes) {
    expect(nodeTypesPlan(indexFile, fs.readFileSync(indexFile, "utf8"), ts.version, path.join(ROOT, NODE_TYPES_PLANS))).not.toBeNull();
  }
  const copy = () => {
    const dir = path.join(tempDir("torchlab-node-copy-"), "@types", "node");
    fs.cpSync(path.dirname(INDEXES[INDEXES.length - 1]), dir, { recursive: true });
    return path.join(dir, "index.d.ts");
  };
  const built = copy();
  const plans = path.join(tempDir("torchlab-node-plans-"), "plans.json");
  expect(writeNodeTypesPlans(ts, [built], plans)).toHaveLength(1);
  // The same files elsewhere (the package installed from what the build packed) find it.
  const installed = copy();
  const index = fs.readFileSync(installed, "utf8");
  expect(nodeTypesPlan(installed, index, ts.version, plans)?.kept).toEqual(computeNodeTypesPlan(ts, built, index)!.kept);
  // Another TypeScript, a changed file, no plans file: none, so the whole @types/node is read.
  expect(nodeTypesPlan(installed, index, "4.9.5", plans)).toBeNull();
  const changed = copy();
  fs.appendFileSync(path.join(path.dirname(changed), "zlib.d.ts"), "\n");
  expect(nodeTypesPlan(changed, fs.readFileSync(changed, "utf8"), ts.version, plans)).toBeNull();
  expect(nodeTypesPlan(installed, index, ts.version, path.join(tempDir("torchlab-node-none-"), "plans.json"))).toBeNull();
}, 120000);

/**
 * A kernel session of the built kernel, in a process of its own, in a folder without @types/node:
 * it reads tslab's @types/node through the plan the build worked out, and runs `cells`.
 */
async function prunedSession(cells: string[], completion: [string, number]) {
  const script = `
    const ts = require(${JSON.stringify(path.join(ROOT, "dist", "kernel", "resolve.js"))}).tslabTypeScript();
    const read = [];
    const readFile = ts.sys.readFile;
    ts.sys.readFile = (file, encoding) => (read.push(file), readFile.call(ts.sys, file, encoding));
    const { Session } = require(${JSON.stringify(path.join(ROOT, "dist", "kernel", "session.js"))});
    const { runPrelude } = require(${JSON.stringify(path.join(ROOT, "dist", "kernel", "prelude.js"))});
    (async () => {
      const session = new Session(process.cwd());
      const prelude = await runPrelude(session);
      const afterPrelude = [...read];
      const completion = session.complete(...${JSON.stringify(completion)}).matches;
      const outcomes = [];
      for (const cell of ${JSON.stringify(cells)}) outcomes.push(await session.execute(cell));
      process.stdout.write(JSON.stringify({ prelude, afterPrelude, completion, outcomes }));
      process.exit(0);
    })();`;
  const done = await run(process.execPath, ["-e", script], { cwd: tempDir("torchlab-node-") });
  if (done.status !== 0) throw new Error(done.stderr);
  type Result = { prelude: { ok: boolean }; afterPrelude: string[]; completion: string[]; outcomes: { status: string; evalue?: string; value?: unknown }[] };
  return JSON.parse(done.stdout) as Result;
}

test("a session reads the pruned view from its first start, with Node's globals typed as before, and the whole @types/node once a cell imports a module left out", async () => {
  const session = await prunedSession(
    [
      "const t: NodeJS.Timeout = setTimeout(() => {}, 0); clearTimeout(t);\nconst b: Buffer = Buffer.from('ab'); process.stdout.isTTY === undefined || true",
      "const wrongTimer: string = setTimeout(() => {}, 0);",
      `import { execSync } from "child_process";\nconst text: string = execSync("echo hi").toString().trim(); text`,
      `const out: number = execSync("echo hi");`,
      "b.length + String(typeof t.hasRef).length",
    ],
    ["process.std", 11],
  );
  const nodeFile = (files: string[], name: string) => files.some((f) => f.includes("/@types/node/") && f.endsWith(`/${name}`));
  expect(session.prelude.ok).toBe(true);
  expect(nodeFile(session.afterPrelude, "child_process.d.ts")).toBe(false);
  expect(nodeFile(session.afterPrelude, "process.d.ts")).toBe(true);
  expect(session.completion).toEqual(expect.arrayContaining(["stdout", "stderr", "stdin"]));
  const [globals, wrongTimer, exec, wrongExec, later] = session.outcomes;
  expect(globals).toMatchObject({ status: "ok", value: true });
  expect(wrongTimer).toMatchObject({ status: "error", evalue: expect.stringMatching(/Type 'Timeout' is not assignable to type 'string'/) });
  // child_process's own types, not `any`: the compiler was rebuilt with the whole @types/node.
  expect(wrongExec).toMatchObject({ status: "error", evalue: expect.stringMatching(/Type 'Buffer' is not assignable to type 'number'/) });
  expect(exec).toMatchObject({ status: "ok", value: "hi" });
  expect(later).toMatchObject({ status: "ok", value: 10 });
}, 300000);
