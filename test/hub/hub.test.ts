/**
 * A class on a real JupyterHub (issue 14), driven from test_hub.py: ten students log in through the
 * Hub's REST API, start their single-user servers and a torchlab kernel each, and train a small net at
 * the same time; kernel start time and memory per kernel are printed as MEASURED lines.
 *
 * The kernelspec is installed with `torchlab install --prefix` into a temporary folder put on every
 * single-user server's JUPYTER_PATH, which is how a course's system-wide kernelspec reaches its users
 * without this test writing into the machine's /usr (README, "Serving a course on JupyterHub").
 */
import { spawnSync } from "child_process";
import { randomUUID } from "crypto";
import * as fs from "fs";
import { hasPythonModule, installKernelspec, PYTHON, run } from "../kernel/helpers";

const MARKER_ENV = "TORCHLAB_HUB_MARKER";

/** Run as test_hub.py runs it: NODE_PATH lets a Node.js other than Debian's find Debian's modules. */
function hasProxy(): boolean {
  const nodePath = [process.env.NODE_PATH, "/usr/share/nodejs"].filter(Boolean).join(":");
  const ok = spawnSync("configurable-http-proxy", ["--version"], { env: { ...process.env, NODE_PATH: nodePath } }).status === 0;
  if (!ok) console.warn("SKIPPED: no configurable-http-proxy on PATH; install the Debian package jupyterhub (.ci/run does)");
  return ok;
}

const available =
  hasPythonModule("jupyterhub", "jupyterhub") && hasPythonModule("notebook.notebookapp", "jupyter-notebook") && hasProxy();
const maybe = available ? test : test.skip;

/** Live processes whose environment carries the marker: whatever the hub started and left behind. */
function markedProcesses(marker: string): number[] {
  const needle = `${MARKER_ENV}=${marker}`;
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

maybe("ten students on a JupyterHub each train in a torchlab kernel", async () => {
  const marker = randomUUID();
  try {
    const result = await run(PYTHON, ["-m", "unittest", "-v", "test_hub"], {
      cwd: __dirname,
      env: {
        ...process.env,
        TORCHLAB_JUPYTER_PATH: installKernelspec(),
        [MARKER_ENV]: marker,
        PYTHONDONTWRITEBYTECODE: "1",
      },
    });
    const report = result.stderr;
    if (result.status !== 0) throw new Error(`python unittest failed:\n${report}`);
    expect(report).toMatch(/^OK$/m);
    console.log([...report.matchAll(/MEASURED [^\n]*|^Ran [^\n]*/gm)].map((m) => m[0]).join("\n"));
  } finally {
    // test_hub.py cleans up after itself and fails on leftovers; this catches what a killed Python left.
    for (const pid of markedProcesses(marker)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // ended meanwhile
      }
    }
  }
}, 1_500_000);
