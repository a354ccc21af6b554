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
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (path.resolve(f) === file ? text : read(f));
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => path.resolve(f) === file || exists(f);
  const program = ts.createProgram([file], options, host);
  const diags = ts.getPreEmitDiagnostics(program).filter((d) => d.file && path.resolve(d.file.fileName) === file);
  return diags.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}
