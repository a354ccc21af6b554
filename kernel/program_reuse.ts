/**
 * What each new program of a cell can take from the last one (issue 12's per-cell cost).
 *
 * The notebook dialect converts several versions of a cell (kernel/rewrite.ts), each a program of its
 * own. TypeScript reuses the last program's structure only while each changed file imports the same
 * module names, occurrence by occurrence. The dialect's rewrites reference its run-time helpers
 * (`require("torchlab/dist/kernel/dynamic_ops") as typeof import(...)`), so nearly every version of a
 * cell imported a different list, and the program walked all ~600 files again (module and
 * type-reference resolution, library references: ~75 ms of CPU a program, against ~10 reused). tslab's
 * files are therefore given their distinct names, the dialect's modules first: the same list for every
 * version of a cell that imports the same modules of its own. The module names a cell resolves are the
 * same (each distinct name is resolved once either way); the dialect's modules are always in the
 * program, which changes nothing a cell sees (they declare no globals).
 *
 * Taking the last program's declarations file where its text is unchanged (no parse, no bind) made
 * names of earlier cells unknown in later ones (test/kernel/rewrite_dialect.test.ts): not done.
 */
import type * as ts from "typescript";

/** The modules the notebook dialect's rewrites reference in a cell (kernel/rewrite.ts's `*_REF`, kernel/keyword_call.ts, kernel/live_globals.ts, kernel/sequence_index.ts). */
export const DIALECT_MODULES: readonly string[] = [
  "torchlab",
  "torchlab/dist/kernel/dynamic_ops",
  "torchlab/dist/kernel/float_literals",
  "torchlab/dist/kernel/keyword_call",
  "torchlab/dist/kernel/live_globals",
  "torchlab/dist/kernel/sequence_items",
];

/** tslab's files, the cell and the declarations of the cells before it, which it rewrites on every conversion (tslab/dist/converter.js). */
const TSLAB_FILE = /(^|\/)(__tslab__\.ts|__prev__\.d\.ts)$/;

type Mutable = { imports?: readonly ts.StringLiteralLike[]; moduleAugmentations?: readonly ts.Node[]; ambientModuleNames?: readonly string[] };

/**
 * The module names `file` (a module) imports, each node where TypeScript
 * finds it (program.ts, collectExternalModuleReferences: the top-level imports and exports, then the
 * import calls and import types), or null where TypeScript's own collection must run (augmentations).
 */
function importedNames(t: typeof ts, file: ts.SourceFile): ts.StringLiteralLike[] | null {
  const found: ts.StringLiteralLike[] = [];
  for (const s of file.statements) {
    if (t.isModuleDeclaration(s)) return null;
    const name =
      t.isImportDeclaration(s) || t.isExportDeclaration(s)
        ? s.moduleSpecifier
        : t.isImportEqualsDeclaration(s) && t.isExternalModuleReference(s.moduleReference)
          ? s.moduleReference.expression
          : undefined;
    if (name !== undefined && t.isStringLiteral(name) && name.text !== "") found.push(name);
  }
  const dynamic = dynamicImportFlag(t);
  if (dynamic !== undefined && (file.flags & dynamic) === 0) return found;
  const visit = (n: ts.Node): void => {
    if (t.isCallExpression(n) && n.expression.kind === t.SyntaxKind.ImportKeyword && n.arguments.length >= 1 && t.isStringLiteralLike(n.arguments[0])) found.push(n.arguments[0]);
    else if (t.isImportTypeNode(n) && t.isLiteralTypeNode(n.argument) && t.isStringLiteral(n.argument.literal)) found.push(n.argument.literal);
    n.forEachChild(visit);
  };
  file.statements.forEach(visit);
  return found;
}

/**
 * The flag the parser sets on a file with an import call or type (internal to TypeScript): TypeScript
 * reuses a program's structure only while each changed file keeps it as it was, and it only tells
 * TypeScript to look for such imports, which listImports has collected.
 */
function dynamicImportFlag(t: typeof ts): number | undefined {
  return (t.NodeFlags as unknown as Record<string, number | undefined>).PossiblyContainsDynamicImport;
}

/** A module name not written in `file`, as TypeScript makes the imports it adds itself (program.ts, createSyntheticImport). */
function syntheticImport(t: typeof ts, name: string, file: ts.SourceFile): ts.StringLiteral {
  const literal = t.factory.createStringLiteral(name);
  const declaration = t.factory.createImportDeclaration(undefined, undefined, literal, undefined);
  type Parented = { parent: ts.Node; flags: ts.NodeFlags };
  (literal as unknown as Parented).parent = declaration;
  (declaration as unknown as Parented).parent = file;
  (literal as unknown as Parented).flags &= ~t.NodeFlags.Synthesized;
  (declaration as unknown as Parented).flags &= ~t.NodeFlags.Synthesized;
  return literal;
}

/** Gives `file` (tslab's cell or declarations: modules, by tslab's first line) its import list: the dialect's modules, then its other distinct names in TypeScript's order. */
function listImports(t: typeof ts, file: ts.SourceFile, options: ts.CompilerOptions): void {
  // TypeScript adds imports of its own for these, and a `node:` import sets a flag of the program's as it is collected.
  if (options.importHelpers || options.jsx === t.JsxEmit.ReactJSX || options.jsx === t.JsxEmit.ReactJSXDev) return;
  const written = importedNames(t, file);
  if (written === null || written.some((n) => n.text.startsWith("node:"))) return;
  const first = new Map<string, ts.StringLiteralLike>();
  for (const n of written) if (!first.has(n.text)) first.set(n.text, n);
  const imports = [
    ...DIALECT_MODULES.map((name) => first.get(name) ?? syntheticImport(t, name, file)),
    ...[...first].filter(([name]) => !DIALECT_MODULES.includes(name)).map(([, n]) => n),
  ];
  const mutable = file as unknown as Mutable & { flags: number };
  mutable.flags |= dynamicImportFlag(t) ?? 0;
  mutable.imports = imports;
  mutable.moduleAugmentations = [];
  mutable.ambientModuleNames = [];
}

/**
 * `host` (the compiler host tslab's watch program gives createProgram) such that tslab's files, parsed
 * anew, get their import lists from listImports.
 */
export function reusingHost(t: typeof ts, host: ts.CompilerHost, options: ts.CompilerOptions): ts.CompilerHost {
  const take = (fileName: string, made: () => ts.SourceFile | undefined): ts.SourceFile | undefined => {
    const file = made();
    if (file !== undefined && TSLAB_FILE.test(fileName)) listImports(t, file, options);
    return file;
  };
  const wrapped: ts.CompilerHost = Object.create(host);
  wrapped.getSourceFile = (fileName, languageVersion, onError, createNew) => take(fileName, () => host.getSourceFile(fileName, languageVersion, onError, createNew));
  const byPath = host.getSourceFileByPath?.bind(host);
  if (byPath) wrapped.getSourceFileByPath = (fileName, path, languageVersion, onError, createNew) => take(fileName, () => byPath(fileName, path, languageVersion, onError, createNew));
  return wrapped;
}
