/**
 * Jest's TypeScript transform: what ts-jest did with `isolatedModules` (TypeScript's transpileModule,
 * tsconfig.json's compiler options, syntax errors reported), except that under `npm test`
 * (TORCHLAB_JEST_FROM_BUILD=1, package.json), whose pretest has just built dist/ from these sources, a
 * file of src/ or kernel/ is taken from dist/ instead of being compiled a second time. Only there: a
 * dist/ left from an earlier build (`npx jest` after an edit, a copied tree) may hold other code, and
 * even there a dist/ file older than its source is not used.
 *
 * CI time: a clean clone has no jest cache. Over the 922 files of src/, kernel/ and test/ (~10 MB),
 * one process on the loaded 2-core machine: ts-jest's process() 53 s of CPU, 36 s of it on src/ and
 * kernel/, which tsc had just compiled with the same options in the build; this transform 28 s.
 * Type errors are tsc's to report, in the build, as before (transpileModule never type-checked).
 */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const ROOT = path.resolve(__dirname, "..");
const CONFIG_FILE = path.join(ROOT, "tsconfig.json");
const BUILT = [path.join(ROOT, "src"), path.join(ROOT, "kernel")].map((dir) => dir + path.sep);
const FROM_BUILD = process.env.TORCHLAB_JEST_FROM_BUILD === "1";

/** tsconfig.json's compiler options, as ts-jest overrode them for a transform. */
function compilerOptions() {
  const { config, error } = ts.readConfigFile(CONFIG_FILE, ts.sys.readFile);
  if (error) throw new Error(ts.formatDiagnostic(error, formatHost));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  return {
    ...options,
    module: ts.ModuleKind.CommonJS,
    sourceMap: true,
    inlineSourceMap: false,
    inlineSources: false,
    declaration: false,
    declarationMap: false,
    noEmit: false,
    removeComments: false,
    outDir: undefined,
    sourceRoot: undefined,
  };
}

const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => "\n" };
let options;
let configText;

/** dist/'s output for a file of src/ or kernel/ when the build is newer than the file, else null. */
function built(sourcePath) {
  if (!FROM_BUILD || !BUILT.some((dir) => sourcePath.startsWith(dir))) return null;
  const js = path.join(ROOT, "dist", path.relative(ROOT, sourcePath).replace(/\.ts$/, ".js"));
  try {
    if (fs.statSync(js).mtimeMs < fs.statSync(sourcePath).mtimeMs) return null;
    const map = JSON.parse(fs.readFileSync(`${js}.map`, "utf8"));
    map.sources = [sourcePath];
    delete map.sourceRoot;
    return { code: fs.readFileSync(js, "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"), map };
  } catch {
    return null; // not built (or not a file tsc emits): compiled below
  }
}

module.exports = {
  getCacheKey(sourceText, sourcePath) {
    configText ??= fs.readFileSync(CONFIG_FILE, "utf8") + fs.readFileSync(__filename, "utf8") + ts.version;
    return crypto.createHash("sha1").update(configText).update("\0").update(sourcePath).update("\0").update(sourceText).digest("hex");
  },
  process(sourceText, sourcePath) {
    const fromBuild = built(sourcePath);
    if (fromBuild) return fromBuild;
    options ??= compilerOptions();
    const out = ts.transpileModule(sourceText, { fileName: sourcePath, compilerOptions: options, reportDiagnostics: true });
    const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errors.length) throw new Error(ts.formatDiagnostics(errors, formatHost));
    const map = JSON.parse(out.sourceMapText);
    map.sources = [sourcePath];
    return { code: out.outputText.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"), map };
  },
};
