/**
 * Type-checks a notebook cell's text as tslab compiles it (TypeScript 5.0.4, strict, ES2022,
 * CommonJS) and returns the messages of the diagnostics in that cell. Used by the tests that show
 * a user's cell with torchlab's public API compiles (and that a wrong call is a type error).
 */
import * as path from "path";
import * as ts from "typescript";

/** torchlab's src folder, as a cell's import path. */
export const SRC = path.join(__dirname, "..", "src").replace(/\\/g, "/");

export function cellDiagnostics(file: string, text: string): string[] {
  return cellsDiagnostics({ [file]: text })[file];
}

/**
 * Several cells (each a module of its own: file path to text) type-checked in one program, which
 * reads and checks torchlab's declarations once instead of once per cell; the messages by file.
 */
export function cellsDiagnostics(cells: Record<string, string>): Record<string, string[]> {
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
