/**
 * Whether the PyTorch oracle's Python can run a suite's interop checks: /usr/bin/python3 with the given
 * packages installed. Found, not imported (CI time: `import torch, torchvision` costs ~3 s of CPU and
 * six suites asked): a package that is present but broken then fails the check that uses it, loudly,
 * instead of skipping it.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";

export const PYTHON = "/usr/bin/python3";

export function pythonHas(...packages: string[]): boolean {
  if (!fs.existsSync(PYTHON)) return false;
  const probe = "import importlib.util, sys; sys.exit(0 if all(importlib.util.find_spec(p) for p in sys.argv[1:]) else 1)";
  return spawnSync(PYTHON, ["-c", probe, ...packages], { stdio: "ignore" }).status === 0;
}
