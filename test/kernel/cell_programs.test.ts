import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as ts from "typescript";
import type { Converter } from "tslab/dist/converter";
import { GLOBALS_REF, withNotebookDialect } from "../../kernel/rewrite";
import { installTorchlabResolution } from "../../kernel/resolve";

// The programs tslab's watch program makes for each version of a cell (kernel/resolve.ts's
// lightBuilder): bare, with no builder state to build per program, while tslab still converts a
// local module a cell imports along with it; and a cell that names the notebook's globals at run
// time (kernel/live_globals.ts) does not take TypeScript's own declarations into its program.
installTorchlabResolution();
const { createConverter } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-cell-programs-"));
let latest: () => ts.BuilderProgram | undefined = () => undefined;
let conv: Converter;
const cwd = process.cwd();

beforeAll(() => {
  fs.writeFileSync(path.join(dir, "helper.ts"), "export function twice(x: number): number {\n  return 2 * x;\n}\n");
  // tslab's converter compiles cells in the current folder, as a notebook's folder.
  process.chdir(dir);
  conv = withNotebookDialect((program) => {
    latest = program;
    return createConverter({ isJS: false, isBrowser: false });
  });
});

afterAll(() => {
  conv.close();
  process.chdir(cwd);
  fs.rmSync(dir, { recursive: true, force: true });
});

const fileNames = (): string[] => latest()!.getProgram().getSourceFiles().map((f) => f.fileName.replace(/\\/g, "/"));
const cellFile = (): ts.SourceFile => latest()!.getProgram().getSourceFiles().find((f) => /(^|\/)__tslab__\.ts$/.test(f.fileName))!;

describe("the programs of a cell", () => {
  test("carry no builder state, and a cell without local modules is its own only dependency", () => {
    const r = conv.convert("", "const x = 1;\nx + 1");
    expect(r.diagnostics).toEqual([]);
    const builder = latest()!;
    expect(builder.getState()).toBeUndefined();
    expect(builder.getAllDependencies(cellFile())).toEqual([cellFile().fileName]);
  });

  test("a local module the cell imports is still converted with it", () => {
    const r = conv.convert("", `import { twice } from "./helper";\ntwice(21)`);
    expect(r.diagnostics).toEqual([]);
    // tslab keeps the dependencies it converts: JavaScript and TypeScript sources, not declaration files.
    const converted = latest()!.getAllDependencies(cellFile()).filter((f) => f.endsWith(".js") || (f.endsWith(".ts") && !f.endsWith(".d.ts")));
    expect(converted.map((f) => path.basename(f)).sort()).toEqual(["__tslab__.ts", "helper.ts"]);
    expect(r.sideOutputs?.map((o) => path.basename(o.path))).toEqual(["helper.js"]);
    expect(r.sideOutputs?.[0].data).toContain("2 * x");
  });

  test("a cell naming the notebook's globals reads live_globals' declarations, not TypeScript's", () => {
    const r = conv.convert("", `const y = 3;\n${GLOBALS_REF}.lookup(exports, "y")`);
    expect(r.diagnostics).toEqual([]);
    const files = fileNames();
    expect(files.some((f) => f.endsWith("/dist/kernel/live_globals.d.ts"))).toBe(true);
    expect(files.filter((f) => /\/typescript(-for-tslab)?\/lib\/typescript\.d\.ts$/.test(f))).toEqual([]);
  });
});
