/**
 * What a kernel start loads before it gets going (issue 12's start target): the supervisor spawns
 * the kernel before loading the compiler hooks, the snapshot's machinery or the wire protocol, and
 * a kernel process reaches its compile cache before the rest of the kernel loads.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const DIST = path.resolve(__dirname, "../../dist/kernel");

/** The kernel's modules (file names under dist/kernel) loaded once `script` has run in a fresh Node process. */
function loadedAfter(script: string, env: NodeJS.ProcessEnv = {}): string[] {
  const program = `${script}\nconsole.log(JSON.stringify(Object.keys(require.cache)));`;
  const run = spawnSync(process.execPath, ["-e", program], { encoding: "utf8", env: { ...process.env, ...env } });
  if (run.status !== 0) throw new Error(run.stderr);
  return (JSON.parse(run.stdout.trim().split("\n").pop()!) as string[])
    .filter((file) => path.dirname(file) === DIST)
    .map((file) => path.basename(file))
    .sort();
}

test("the command line and the supervisor load only what starting the kernel process needs", () => {
  const loaded = loadedAfter(`require(${JSON.stringify(path.join(DIST, "cli.js"))}); require(${JSON.stringify(path.join(DIST, "supervisor.js"))});`);
  expect(loaded).toEqual(["cli.js", "node_args.js", "package.js", "supervisor.js"]);
});

test("a kernel process loads nothing of the kernel before its compile cache but the command line", () => {
  // cli.js then loads compile_cache.js, enables the cache, and only then the server and the rest.
  expect(loadedAfter(`require(${JSON.stringify(path.join(DIST, "cli.js"))});`)).toEqual(["cli.js", "node_args.js"]);
});

test("the package's root, version and TypeScript are the same found through resolve.ts and package.ts", () => {
  const resolve = require(path.join(DIST, "resolve.js")) as typeof import("../../kernel/resolve");
  const pkg = require(path.join(DIST, "package.js")) as typeof import("../../kernel/package");
  expect(pkg.packageRoot()).toBe(path.resolve(__dirname, "../.."));
  expect(resolve.packageRoot()).toBe(pkg.packageRoot());
  expect(resolve.packageVersion()).toBe(require("../../package.json").version);
  expect(resolve.tslabTypeScriptPath()).toBe(pkg.tslabTypeScriptPath());
});
