/**
 * Readies torchlab's backend for a suite that loaded it. A suite that never loads tfjs (the kernel,
 * Python and type-check suites, 31 of them at the time of writing) skips it: loading torchlab's
 * barrel cost each of them ~1 s of CPU (345 modules through jest's registry) for nothing.
 */
beforeAll(async () => {
  // tfjs-core makes its engine global when it is loaded, which torchlab's sources do on import; the
  // suite's files have all been loaded by now (hooks run after the suite is collected).
  if ((globalThis as { _tfengine?: unknown })._tfengine === undefined) return;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { torch } = require("../src") as typeof import("../src");
  // In-process tests run on one wasm thread unless OMP_NUM_THREADS says otherwise (CI time): jest's
  // two workers already keep both of the CI machine's cores busy, so a pool thread per worker mostly
  // spins waiting for a core (nn/rnn.test.ts, measured: 48 s of CPU with the default 2 threads, 20 s
  // with 1, the same results). The threaded build stays under test: backend/threads.test.ts loads its
  // own copies at the default count, and the kernels, notebooks and scripts the tests start run the
  // default (OMP_NUM_THREADS unset: one thread per core).
  if (process.env.OMP_NUM_THREADS === undefined) {
    try {
      torch.set_num_threads(1);
    } catch (e) {
      // A suite that started the backend itself (at import) keeps the count it started with.
      if (!(e instanceof torch.RuntimeError)) throw e;
    }
  }
  await torch.ready();
});
