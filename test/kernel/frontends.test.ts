/**
 * The kernel behind real front ends (issues 10 and 15), through jupyter_client and raw zmq in
 * test_frontends.py: busy before a synchronous cell ends, Run All stopping at an error, code-point
 * cursors, tracebacks naming cell lines, KeyboardInterrupt, answers while loading, asynchronous
 * errors, malformed and fuzzed frames, bursts without lost output, heartbeat during a synchronous
 * cell, control-channel executes refused, compile overflow and SIGINT during a compile, process.exit,
 * tracebacks that keep their cell frames after interrupts of a compile and of a run.
 */
import { hasPythonModule, installKernelspec, PYTHON, run } from "./helpers";

const available = hasPythonModule("jupyter_client", "python3-jupyter-client") && hasPythonModule("zmq", "python3-zmq");
const maybe = available ? test : test.skip;

maybe("the kernel behaves behind jupyter_client and raw zmq", async () => {
  const jupyterPath = installKernelspec();
  const result = await run(PYTHON, ["-m", "unittest", "-v", "test_frontends"], {
    cwd: __dirname,
    env: { ...process.env, JUPYTER_PATH: jupyterPath, PYTHONDONTWRITEBYTECODE: "1" },
  });
  const report = result.stderr;
  if (result.status !== 0) {
    throw new Error(`python unittest failed:\n${report}`);
  }
  expect(report).toMatch(/^OK$/m);
  expect(report).not.toMatch(/skipped/);
  // The figures issues 10 and 12 ask to report (asserted only loosely, in the Python tests).
  console.log([...report.matchAll(/MEASURED [^\n]*|^Ran [^\n]*/gm)].map((m) => m[0]).join("\n"));
}, 1_200_000);
