/**
 * Type-checks a notebook cell's text as tslab compiles it (TypeScript 5.0.4, strict, ES2022,
 * CommonJS) and returns the messages of the diagnostics in that cell. Used by the tests that show
 * a user's cell with torchlab's public API compiles (and that a wrong call is a type error).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "..");

/**
 * torchlab's built declarations (dist/src, `npm run build`; `npm test` builds first), as a cell's
 * import path: what a notebook's cells are checked against, the package's `types`. A program over
 * them reads 1.3 MB of declarations where one over src/ read and bound 4 MB of sources and inferred
 * their function bodies' types (CI time: ~2x faster per program, 12 suites).
 */
export const SRC = path.join(ROOT, "dist", "src").replace(/\\/g, "/");

let checkedBuild = false;

/** Refuses declarations older than a source they come from: a stale build would check yesterday's API. */
function assertBuildCurrent(): void {
  if (checkedBuild) return;
  const stale: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
        const built = path.join(ROOT, "dist", rel.replace(/\.ts$/, ".d.ts"));
        if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < fs.statSync(path.join(ROOT, rel)).mtimeMs) stale.push(rel);
      }
    }
  };
  walk("src");
  if (stale.length > 0) {
    throw new Error(`dist/ is missing or older than ${stale.slice(0, 3).join(", ")}${stale.length > 3 ? ` and ${stale.length - 3} more` : ""}: run \`npm run build\` first`);
  }
  checkedBuild = true;
}

export function cellDiagnostics(file: string, text: string): string[] {
  return cellsDiagnostics({ [file]: text })[file];
}

/**
 * Several cells (each a module of its own: file path to text) type-checked in one program, which
 * reads and checks torchlab's declarations once instead of once per cell; the messages by file.
 */
export function cellsDiagnostics(cells: Record<string, string>): Record<string, string[]> {
  assertBuildCurrent();
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    lib: ["lib.es2022.d.ts"],
  };
  const texts = new Map(Object.entries(cells).map(([file, text]) => [path.resolve(file), text]));
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => texts.get(path.resolve(f)) ?? read(f);
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => texts.has(path.resolve(f)) || exists(f);
  const program = ts.createProgram([...texts.keys()], options, host);
  const out: Record<string, string[]> = {};
  for (const file of Object.keys(cells)) {
    const resolved = path.resolve(file);
    // Only the cell is checked: its diagnostics are the same as in a check of every file, without
    // checking the bodies of all of torchlab's sources (tsc does that in the build).
    const diags = ts.getPreEmitDiagnostics(program, program.getSourceFile(resolved));
    out[file] = diags.filter((d) => d.file && path.resolve(d.file.fileName) === resolved).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  }
  return out;
}
