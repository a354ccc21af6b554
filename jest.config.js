/** Tests run on the backend named by TORCHLAB_BACKEND (default: the best available, wasm here). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // TypeScript's transpileModule as ts-jest's isolatedModules did, taking src/ and kernel/ from the
  // build's dist/ where it is newer (test/transform.js).
  transform: { "^.+\\.ts$": "<rootDir>/test/transform.js" },
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  testTimeout: 60000,
  // Two workers, also on a 2-core machine (jest's default there is one): most suites wait on kernels,
  // compilers or Python they start, and the suite's wall time was ~26 minutes with one.
  maxWorkers: 2,
  // Known slow suites first where jest has no timings of its own yet (test/sequencer.js).
  testSequencer: "<rootDir>/test/sequencer.js",
};
