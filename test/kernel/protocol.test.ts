/**
 * The kernel against real Jupyter clients: Debian's jupyter_kernel_test (every test it has) and our
 * own protocol checks (bad HMAC, interrupt, stop_on_error, display ids, restart), both written with
 * jupyter_client in test_protocol.py.
 */
import * as path from "path";
import { hasPythonModule, installKernelspec, PYTHON, run } from "./helpers";

const available = hasPythonModule("jupyter_kernel_test", "python3-jupyter-kernel-test");
const maybe = available ? test : test.skip;

maybe("jupyter_kernel_test and torchlab protocol tests pass", async () => {
  const jupyterPath = installKernelspec();
  const result = await run(PYTHON, ["-m", "unittest", "-v", "test_protocol"], {
    cwd: __dirname,
    env: { ...process.env, JUPYTER_PATH: jupyterPath, PYTHONDONTWRITEBYTECODE: "1" },
  });
  const report = result.stderr;
  if (result.status !== 0) {
    throw new Error(`python unittest failed:\n${report}`);
  }
  expect(report).toMatch(/^Ran 26 tests in/m);
  expect(report).toMatch(/^OK \(skipped=1\)$/m);
  // The only skip allowed is test_pager: TypeScript has no pager.
  expect(report).toMatch(/test_pager .*skipped/);
  for (const name of [
    "test_execute_stdout", "test_execute_stderr", "test_completion", "test_is_complete", "test_error",
    "test_execute_result", "test_display_data", "test_history", "test_inspect", "test_clear_output", "test_kernel_info",
    "test_badly_signed_message_runs_nothing", "test_interrupt_stops_busy_loop_and_keeps_state",
    "test_restart_forgets_state_and_reruns_prelude", "test_stop_on_error_aborts_only_queued_cells",
  ]) {
    // The kernel's own log lines ([torchlab] ...) share stderr with unittest's report.
    expect(report).toMatch(new RegExp(`${name} \\(.*\\) \\.\\.\\. (\\[torchlab\\].*\\n)*ok$`, "m"));
  }
  console.log(report.split("\n").filter((l) => /^(Ran|OK|FAILED)/.test(l)).join("\n"), path.basename(__filename));
}, 240_000);
