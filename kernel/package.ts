/**
 * Where this installation of torchlab lies, its version, and where tslab's TypeScript lies. A module of its own, with no imports
 * but Node's fs and path, so that the supervisor and the command line find the package without
 * loading the compiler's hooks (kernel/resolve.ts re-exports these): a kernel start waits on them.
 */
import * as fs from "fs";
import * as path from "path";

export const PACKAGE_NAME = "torchlab";

/** The folder holding torchlab's package.json, found upwards from this file (works from dist/ and from sources). */
export function packageRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === PACKAGE_NAME) {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`cannot find the ${PACKAGE_NAME} package above ${__dirname}`);
    }
  }
}

export function packageVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")).version;
}

/** tslab's own TypeScript (5.0.4): the instance whose compiler host we extend. */
export function tslabTypeScriptPath(): string {
  return require.resolve("@tslab/typescript-for-tslab", { paths: [path.dirname(require.resolve("tslab"))] });
}
