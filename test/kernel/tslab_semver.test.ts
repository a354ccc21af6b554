/**
 * The `semver` tslab's converter is given (kernel/tslab_semver.ts) answers its one question as the
 * real package does: the major version of a version string.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import semverOfTslab from "../../kernel/tslab_semver";

const tslabDir = path.dirname(require.resolve("tslab/package.json"));
const semver = require(require.resolve("semver", { paths: [tslabDir] })) as { major(version: string): number };

test("major() is semver's, for Node's version strings and others, and refuses what is not a version", () => {
  for (const version of [process.version, "v20.20.2", "18.0.0", "v4.9.1-rc.1", "22.1.0+build.5", " v16.3.0"]) {
    expect(semverOfTslab.major(version)).toBe(semver.major(version));
  }
  for (const bad of ["20", "v20.1", "next"]) {
    expect(() => semver.major(bad)).toThrow(TypeError);
    expect(() => semverOfTslab.major(bad)).toThrow(new TypeError(`Invalid Version: ${bad}`));
  }
});

test("tslab's converter, loaded by a kernel, gets it instead of the semver package's entry and its modules", () => {
  const dist = path.resolve(__dirname, "../../dist/kernel");
  const program = `require(${JSON.stringify(path.join(dist, "resolve.js"))}).installTorchlabResolution();
    require("tslab/dist/converter");
    console.log(JSON.stringify(Object.keys(require.cache).filter((file) => /semver/.test(file))));`;
  const run = spawnSync(process.execPath, ["-e", program], { encoding: "utf8", cwd: path.resolve(__dirname, "../..") });
  expect(run.stderr).toBe("");
  expect(JSON.parse(run.stdout)).toEqual([path.join(dist, "tslab_semver.js")]);
});
