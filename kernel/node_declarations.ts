/**
 * The kernel's pruned view of @types/node (issue 12's start target).
 *
 * `types: ["node"]` makes every kernel's compiler parse and bind all of @types/node (~2 MB of the
 * ~3.1 MB of declarations a start reads). About a third of it are files that declare nothing but
 * modules (`declare module "child_process" { ... }`): a cell reaches them only by naming the
 * module. The kernel's compiler reads instead an index.d.ts that references every file that adds
 * a global (a `declare global` block, or top-level declarations of a script file) and every file
 * those import, transitively: every global keeps exactly its declaration, with every type it
 * mentions. What is left out can only be reached through a module specifier, so a cell (or a
 * completion, or a hover) that names a module other than torchlab's own and the modules kept is
 * compiled with the whole @types/node (kernel/session.ts rebuilds its compiler without pruning).
 *
 * Working out the plan parses all of @types/node (~0.8 s of CPU), so it is done once per version,
 * by a detached low-priority process that a kernel starts once it has loaded, and kept in the per-user cache folder under a hash of the files it
 * was computed from; a start that finds no plan (or a folder it cannot read or write) reads the
 * whole @types/node, as before.
 */
import { spawn } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { defaultCacheDir } from "./compile_cache";

type TS = typeof import("typescript");

/** What the kernel's compiler is given for one @types/node. */
export interface NodeTypesPlan {
  /** index.d.ts with the references to the files left out removed. */
  index: string;
  /** Module names (as a cell writes them, with and without `node:`) that the kept files declare. */
  kept: string[];
}

interface StoredPlan extends NodeTypesPlan {
  key: string;
}

/** Changes whenever the way a plan is worked out changes, so that older plans are not used. */
const PLAN_FORMAT = 1;
/** The entry point of @types/node, or of one of its `typesVersions` folders (ts5.6/index.d.ts). */
const NODE_TYPES_INDEX = /[\\/]@types[\\/]node[\\/](?:ts[\d.]+[\\/])?index\.d\.ts$/;
const REFERENCE = /^\/\/\/\s*<reference\s+path="([^"]+)"\s*\/>\s*$/;

/** Whether `file` is the entry point of an @types/node whose view the kernel prunes. */
export function isNodeTypesIndex(file: string): boolean {
  return NODE_TYPES_INDEX.test(path.resolve(file));
}

function referencedFiles(index: string): string[] {
  return [...new Set(index.split("\n").map((line) => REFERENCE.exec(line.trim())?.[1]).filter((f): f is string => f !== undefined))];
}

/**
 * The hash of everything a plan depends on: the index, every declaration file of the package (~15 ms
 * to read and hash, against ~0.8 s to parse), TypeScript's version.
 */
function planKey(indexFile: string, index: string, tsVersion: string): string | null {
  const hash = createHash("sha1").update(`${PLAN_FORMAT}\0${tsVersion}\0${indexFile}\0${index}`);
  let dir = path.dirname(indexFile);
  if (path.basename(dir) !== "node") dir = path.dirname(dir);
  try {
    const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".d.ts")).sort();
    for (const file of files) hash.update(`\0${file}\0`).update(fs.readFileSync(path.join(dir, file)));
  } catch {
    return null;
  }
  return hash.digest("hex").slice(0, 20);
}

function planFile(cacheDir: string, key: string): string {
  return path.join(cacheDir, `node-types-${key}.json`);
}

const memo = new Map<string, NodeTypesPlan | null>();
/** @types/node indexes read without a plan in this process: worked out by saveNodeTypesPlans(). */
const wanted = new Map<string, string>();

/**
 * The plan for the @types/node whose index.d.ts is `indexFile` with text `index`, when one was
 * worked out for exactly these files; otherwise null, and saveNodeTypesPlans() will work it out.
 */
export function nodeTypesPlan(indexFile: string, index: string, tsVersion: string, cacheDir: string = defaultCacheDir()): NodeTypesPlan | null {
  const memoKey = `${cacheDir}\0${indexFile}\0${index}`;
  if (memo.has(memoKey)) return memo.get(memoKey)!;
  const key = planKey(indexFile, index, tsVersion);
  let plan: NodeTypesPlan | null = null;
  if (key !== null) {
    try {
      const stored = JSON.parse(fs.readFileSync(planFile(cacheDir, key), "utf8")) as StoredPlan;
      if (stored.key === key && typeof stored.index === "string" && Array.isArray(stored.kept)) plan = { index: stored.index, kept: stored.kept };
    } catch {
      wanted.set(indexFile, cacheDir);
    }
  }
  memo.set(memoKey, plan);
  return plan;
}

/** Every module specifier a declaration file uses to reach another module or file. */
function specifiers(ts: TS, file: import("typescript").SourceFile): { modules: string[]; files: string[] } {
  const modules: string[] = [];
  const visit = (node: import("typescript").Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      modules.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      modules.push(node.moduleReference.expression.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      modules.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { modules, files: file.referencedFiles.map((r) => r.fileName) };
}

/** Whether a declaration file adds anything to the global scope. */
function addsGlobals(ts: TS, file: import("typescript").SourceFile): boolean {
  let found = false;
  const visit = (node: import("typescript").Node): void => {
    if (found) return;
    if (ts.isModuleDeclaration(node) && (node.flags & ts.NodeFlags.GlobalAugmentation) !== 0) found = true;
    else ts.forEachChild(node, visit);
  };
  for (const statement of file.statements) {
    const ambientModule = ts.isModuleDeclaration(statement) && ts.isStringLiteral(statement.name);
    // In a script file (no top-level import or export) every other top-level declaration is global.
    if (!ambientModule && !ts.isExternalModule(file)) return true;
    visit(statement);
    if (found) return true;
  }
  return false;
}

const bare = (name: string) => name.replace(/^node:/, "");

/** Works out the plan for one @types/node: parses every file it references (~0.8 s of CPU). */
export function computeNodeTypesPlan(ts: TS, indexFile: string, index: string): NodeTypesPlan | null {
  const dir = path.dirname(indexFile);
  interface Info {
    globals: boolean;
    declares: string[];
    modules: string[];
    files: string[];
  }
  const infos = new Map<string, Info>();
  const declaredIn = new Map<string, string[]>();
  const listed = referencedFiles(index).map((f) => path.normalize(f));
  const pending = [...listed];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (infos.has(name)) continue;
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, name), "utf8");
    } catch {
      return null;
    }
    const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest);
    const declares = file.statements
      .filter((s): s is import("typescript").ModuleDeclaration => ts.isModuleDeclaration(s) && ts.isStringLiteral(s.name))
      .map((s) => bare((s.name as import("typescript").StringLiteral).text));
    const { modules, files } = specifiers(ts, file);
    const info = { globals: addsGlobals(ts, file), declares, modules: modules.map(bare), files: files.map((f) => path.normalize(path.join(path.dirname(name), f))) };
    infos.set(name, info);
    for (const m of declares) declaredIn.set(m, [...(declaredIn.get(m) ?? []), name]);
    pending.push(...info.files);
  }
  const keep = new Set<string>();
  const todo = [...infos].filter(([, info]) => info.globals).map(([name]) => name);
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (keep.has(name)) continue;
    keep.add(name);
    const info = infos.get(name)!;
    todo.push(...info.files);
    for (const m of info.modules) todo.push(...(declaredIn.get(m) ?? []));
  }
  // A file that only references others (compatibility/index.d.ts) is kept when one of those is.
  for (let grown = true; grown; ) {
    grown = false;
    for (const [name, info] of infos) {
      if (!keep.has(name) && info.files.some((f) => keep.has(f))) {
        keep.add(name);
        grown = true;
      }
    }
  }
  const dropped = new Set(listed.filter((f) => !keep.has(f)));
  if (dropped.size === 0) return null;
  const lines = index.split("\n").filter((line) => {
    const reference = REFERENCE.exec(line.trim());
    return !reference || !dropped.has(path.normalize(reference[1]));
  });
  const kept = [...keep].flatMap((name) => infos.get(name)!.declares);
  return { index: lines.join("\n"), kept: [...new Set(kept.flatMap((m) => [m, `node:${m}`]))].sort() };
}

/**
 * Works out and stores the plans that this process's compilers looked for and did not find; called
 * once the kernel has loaded, for the next start. A folder that cannot be written only means none.
 */
export function saveNodeTypesPlans(ts: TS): string[] {
  const written: string[] = [];
  for (const [indexFile, cacheDir] of wanted) {
    wanted.delete(indexFile);
    try {
      const index = fs.readFileSync(indexFile, "utf8");
      const key = planKey(indexFile, index, ts.version);
      const plan = key === null ? null : computeNodeTypesPlan(ts, indexFile, index);
      if (key === null || plan === null) continue;
      const target = planFile(cacheDir, key);
      fs.mkdirSync(cacheDir, { recursive: true });
      // Written aside and renamed, so that a kernel starting meanwhile never reads half a plan.
      const temporary = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, JSON.stringify({ key, ...plan } satisfies StoredPlan));
      fs.renameSync(temporary, target);
      written.push(target);
    } catch {
      // No plan: the next start reads the whole @types/node again.
    }
  }
  return written;
}

/**
 * saveNodeTypesPlans in a detached, low-priority process of its own, so that the ~0.8 s of parsing
 * never holds up the kernel's first cells. Returns whether one was started.
 */
export function saveNodeTypesPlansDetached(env: NodeJS.ProcessEnv = process.env): boolean {
  if (wanted.size === 0) return false;
  // A sandboxed grading kernel (kernel/course/sandbox.ts) may not start processes.
  const permission = (process as { permission?: { has(scope: string): boolean } }).permission;
  if (permission && !permission.has("child")) return false;
  const jobs = [...wanted].flatMap(([indexFile, cacheDir]) => [indexFile, cacheDir]);
  wanted.clear();
  try {
    const job = spawn(process.execPath, [__filename, SAVE_ARG, ...jobs], { detached: true, stdio: "ignore", env });
    job.on("error", () => undefined);
    job.unref();
    return true;
  } catch {
    return false;
  }
}

const SAVE_ARG = "--save";

/** Module specifiers that the pruned view always resolves as the whole view does. */
const SAFE_SPECIFIER = /^torchlab(\/dist\/src(\/[\w./-]*)?|\/dist\/kernel\/tick)?$/;
/** The places where a cell names a module: imports, exports, `import("m")`, `require("m")`, `declare module "m"`. */
const SPECIFIER = /\b(?:from\s*|import\s*|(?:import|require)\s*\(\s*|module\s+)(["'`])([^"'`\n]*)\1/g;
/** A module specifier still being typed (completion inside the quotes). */
const OPEN_SPECIFIER = /\b(?:from\s*|import\s*|(?:import|require)\s*\(\s*|module\s+)["'`]/g;

/**
 * Whether `code` needs the whole @types/node: it names a module that is neither torchlab's nor one
 * of those the pruned view keeps (another package's or a local file's declarations may import any
 * module of Node), or references other declarations (`/// <reference`).
 */
export function needsWholeNodeTypes(code: string, kept: ReadonlySet<string>): boolean {
  if (code.includes("/// <reference")) return true;
  let named = 0;
  for (const match of code.matchAll(SPECIFIER)) {
    named++;
    const specifier = match[2];
    if ((!SAFE_SPECIFIER.test(specifier) || specifier.includes("..")) && !kept.has(specifier)) return true;
  }
  // An opening quote that no complete specifier above accounts for: a completion of module names.
  return [...code.matchAll(OPEN_SPECIFIER)].length > named;
}

if (require.main === module && process.argv[2] === SAVE_ARG) {
  // The job of saveNodeTypesPlansDetached: `node node_declarations.js --save INDEX CACHE_DIR ...`.
  try {
    // Below the kernels and everything interactive: the plan is worth a fraction of a second to the next start only.
    require("os").setPriority(process.pid, 15);
  } catch {
    // Not allowed here: work at normal priority.
  }
  const { tslabTypeScript } = require("./resolve") as typeof import("./resolve");
  const args = process.argv.slice(3);
  for (let i = 0; i + 1 < args.length; i += 2) wanted.set(args[i], args[i + 1]);
  saveNodeTypesPlans(tslabTypeScript());
} else if (require.main === module) {
  // `node dist/kernel/node_declarations.js [INDEX]`: prints the plan, for inspection.
  const { tslabTypeScript } = require("./resolve") as typeof import("./resolve");
  const ts = tslabTypeScript();
  const indexFile = path.resolve(process.argv[2] ?? require.resolve("@types/node/index.d.ts"));
  const plan = computeNodeTypesPlan(ts, indexFile, fs.readFileSync(indexFile, "utf8"));
  console.log(plan === null ? "nothing to prune" : `${referencedFiles(plan.index).length} files kept; modules: ${plan.kept.filter((m) => !m.startsWith("node:")).join(" ")}`);
}
