/**
 * The `semver` tslab's converter is given (kernel/resolve.ts): the one function it calls,
 * `semver.major(process.version)`, to pick the language version cells are compiled to. The real
 * package's entry loads its ~40 modules (ranges, comparators, coercion) to answer that: ~35 ms of
 * CPU at every kernel start, measured with the compile cache on the 2-core machine.
 */

/** semver's `major`: the major version of a version string (`v20.20.2` -> 20), which must be one. */
function major(version: string): number {
  const match = /^\s*v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (match === null) throw new TypeError(`Invalid Version: ${version}`);
  return Number(match[1]);
}

// tslab imports it as `__importDefault(require("semver")).default`.
export default { major };
