/**
 * What the convolution benchmarks share: their `--name value` options, the build they load
 * (TORCHLAB_DIST=<dir> for another one) and process CPU time (all threads), which a machine shared
 * with other work inflates less than wall time.
 */
"use strict";
const path = require("path");

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const DIST = process.env.TORCHLAB_DIST ? path.resolve(process.env.TORCHLAB_DIST) : path.join(__dirname, "..", "dist");
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};

module.exports = { arg, DIST, cpuMs };
