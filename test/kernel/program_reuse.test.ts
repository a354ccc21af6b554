/**
 * A version of a cell reuses the last program's structure (kernel/program_reuse.ts), and checks as a
 * program built from nothing does.
 */
import * as fs from "fs";
import * as path from "path";
import type * as ts from "typescript";
import { DIALECT_MODULES, reusingHost } from "../../kernel/program_reuse";
import { packageRoot, tslabTypeScript } from "../../kernel/resolve";

const t = tslabTypeScript();
const root = packageRoot();
const dir = path.join(root, "notebook");
const prevFile = path.join(dir, "__prev__.d.ts");
const cellFile = path.join(dir, "__tslab__.ts");
const options: ts.CompilerOptions = {
  module: t.ModuleKind.ESNext,
  moduleResolution: t.ModuleResolutionKind.Node10,
  target: t.ScriptTarget.ES2022,
  noLib: true,
  types: [],
  skipLibCheck: true,
  paths: { torchlab: [path.join(root, "dist", "src", "index")], "torchlab/*": [path.join(root, "*")] },
};

/** A host as tslab's watch program is one: library files parsed once, tslab's two files parsed on every program. */
function notebookHost(files: { prev: string; cell: string }): ts.CompilerHost {
  const host = t.createCompilerHost(options);
  const parsed = new Map<string, ts.SourceFile | undefined>();
  const read = host.readFile.bind(host);
  host.readFile = (f) => (f === prevFile ? `export {};\n${files.prev}` : f === cellFile ? `export {};\n${files.cell}` : read(f));
  host.fileExists = (f) => f === prevFile || f === cellFile || fs.existsSync(f);
  host.getSourceFile = (f, target) => {
    const text = host.readFile(f);
    if (f === prevFile || f === cellFile) return text === undefined ? undefined : t.createSourceFile(f, text, target);
    if (!parsed.has(f)) parsed.set(f, text === undefined ? undefined : t.createSourceFile(f, text, target));
    return parsed.get(f);
  };
  return host;
}

type Reused = ts.Program & { structureIsReused?: number };
const COMPLETELY = 2;

function programs(reuse: boolean): { before: Reused; after: Reused; fresh: ts.Program } {
  const files = { prev: "export declare const scale: number;\n", cell: "let a = 2 * 2\n" };
  const host = notebookHost(files);
  const make = (old?: ts.Program): Reused => t.createProgram([prevFile, cellFile], options, reuse ? reusingHost(t, host, options) : host, old);
  const before = make();
  // The dialect's rewrite of the same cell references one of its run-time modules, as its checks do.
  files.cell = 'let a = (null! as typeof import("torchlab/dist/kernel/float_literals")).floating(2 * 2)\n';
  const after = make(before);
  return { before, after, fresh: t.createProgram([prevFile, cellFile], options, notebookHost(files)) };
}

const codes = (p: ts.Program) => p.getSemanticDiagnostics(p.getSourceFile(cellFile)).map((d) => `${d.code} ${d.start}`);

describe("a new version of a cell", () => {
  test("reuses the last program's structure, and checks as a fresh program does", () => {
    const { after, fresh } = programs(true);
    expect(after.structureIsReused).toBe(COMPLETELY);
    expect(codes(after)).toEqual(codes(fresh));
    expect(codes(fresh)).toEqual([]);
    expect(after.getSourceFiles().map((f) => f.fileName)).toContain(path.join(root, "dist", "kernel", "float_literals.d.ts"));
  });

  test("without it, the new import walks the whole program again", () => {
    const { after } = programs(false);
    expect(after.structureIsReused).not.toBe(COMPLETELY);
  });
});

test("the dialect's modules are every module the dialect's rewrites name", () => {
  const kernel = path.join(root, "kernel");
  const named = new Set<string>();
  for (const f of fs.readdirSync(kernel).filter((f) => f.endsWith(".ts"))) {
    for (const m of fs.readFileSync(path.join(kernel, f), "utf8").matchAll(/import\("(torchlab[^"]*)"\)/g)) named.add(m[1]);
  }
  expect(named.size).toBeGreaterThan(3);
  expect([...named].filter((m) => !DIALECT_MODULES.includes(m))).toEqual([]);
});
