/**
 * A CPU clock around every backend kernel, for the bench scripts that split a step's time into time
 * inside kernels and around them (bench/overhead_split.js, bench/deferred_free.js).
 */
"use strict";

/** The process's CPU time (user + system) in ms. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};

/**
 * Wraps every kernel of the current backend with a CPU clock, outermost calls only (a kernel that
 * calls another counts once); returns the counters: `on` switches it, `ms` and `calls` accumulate, and
 * `byKernel` the ms by kernel name.
 */
function installClock(tf) {
  const c = { on: false, depth: 0, ms: 0, calls: 0, byKernel: {} };
  for (const config of tf.getKernelsForBackend(tf.getBackend())) {
    const run = config.kernelFunc;
    const name = config.kernelName;
    config.kernelFunc = (args) => {
      if (!c.on || c.depth > 0) return run(args);
      c.depth++;
      c.calls++;
      const t0 = cpuMs();
      try {
        return run(args);
      } finally {
        const ms = cpuMs() - t0;
        c.ms += ms;
        c.byKernel[name] = (c.byKernel[name] ?? 0) + ms;
        c.depth--;
      }
    };
  }
  return c;
}

module.exports = { cpuMs, installClock };
