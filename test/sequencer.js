/**
 * Jest's order, with the slowest suites first on a machine that has no timing cache yet (CI's clean
 * clone). Jest runs the suites it has timings for slowest first and the rest by file size, largest
 * first; the slowest suites are short files that start kernels, Python or a hub (frontends.test.ts is
 * 28 lines and ran ~170 s), so on a clean clone they started last and left the other worker idle at the end.
 * Seconds measured on the 2-core machine under load; a suite jest has its own timing for keeps
 * jest's place for it. The hub test (91 s, ten kernels at once) is left out on purpose: by file size it
 * runs near the end, when the other worker has least running beside it (it failed in CI once when it
 * ran early, beside the tutorial suites).
 */
const Sequencer = require("@jest/test-sequencer").default;
const path = require("path");

const KNOWN_SECONDS = {
  "kernel/frontends.test.ts": 171,
  "kernel/rewrite_dialect.test.ts": 81,
  "kernel/nbconvert.test.ts": 66,
  "serialization/module_pickle.test.ts": 30,
  "course/grade.test.ts": 50,
  "tutorials/loeber_notebook.test.ts": 57,
  "tutorials/miniai_notebook.test.ts": 53,
  "tutorials/zero_to_gans_notebook.test.ts": 53,
  "kernel/rewrite.test.ts": 47,
  "backend/oom_kernel.test.ts": 46,
  "torchvision/models.test.ts": 44,
  "tutorials/llms_notebook.test.ts": 44,
  "tutorials/karpathy_notebook.test.ts": 41,
  "tutorials/datawhale.test.ts": 41,
  "tutorials/shusen_dive_ch2_ch3.test.ts": 40,
  "kernel/protocol.test.ts": 13,
};

const known = (test) =>
  test.duration == null ? KNOWN_SECONDS[path.relative(__dirname, test.path).split(path.sep).join("/")] : undefined;

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    // Jest's order first (it sets each test's cached duration); then the suites it has no timing
    // for but this list has move to the front, slowest first.
    const sorted = super.sort(tests);
    const first = sorted.filter((test) => known(test) !== undefined).sort((a, b) => known(b) - known(a));
    return [...first, ...sorted.filter((test) => known(test) === undefined)];
  }
}

module.exports = SlowFirstSequencer;
