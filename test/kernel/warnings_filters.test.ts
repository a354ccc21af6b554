/**
 * Python's `warnings` filters in a notebook (src/warnings.ts, applied by kernel/warnings.ts): the
 * tutorials' `warnings.filterwarnings("ignore")` silences torchlab's warnings on the cell's stderr,
 * "always" shows a warning every time it is raised (the default shows it once per line), "error"
 * raises it, and `resetwarnings()` brings the default back. F.softmax without `dim` is the warning
 * (torchlab shows such a one-time PyTorch warning once a session, not once per line as Python does).
 */
import * as fs from "fs";
import * as path from "path";
import { notebook, runCli, tempDir } from "./helpers";

type Out = { output_type: string; name?: string; text?: string[] | string; ename?: string; evalue?: string };
type Nb = { cells: { outputs?: Out[] }[] };

const SOFTMAX = "for (let i = 0; i < 2; i++) F.softmax(torch.tensor([1.0, 2.0]));";
const stderr = (outs: Out[] = []) => outs.filter((o) => o.name === "stderr").map((o) => (Array.isArray(o.text) ? o.text.join("") : o.text ?? "")).join("");
const warned = (outs?: Out[]) => stderr(outs).split("\n").filter((l) => l.includes("UserWarning: Implicit dimension choice for softmax")).length;

let nb: Nb;

beforeAll(async () => {
  const dir = tempDir("torchlab-warnings-");
  fs.writeFileSync(
    path.join(dir, "w.ipynb"),
    JSON.stringify(
      notebook([
        SOFTMAX,
        `warnings.simplefilter("always");\n${SOFTMAX}`,
        `warnings.filterwarnings("ignore");\n${SOFTMAX}\nprint("quiet");`,
        `warnings.resetwarnings();\nwarnings.filterwarnings("error", message="implicit DIMENSION");\ntry {\n  F.softmax(torch.tensor([1.0, 2.0]));\n} catch (e: any) {\n  print(e.name, String(e.message).slice(0, 37));\n}`,
        `warnings.resetwarnings();\nwarnings.warn("after reset");`,
        `warnings.filterwarnings("launch" as any);`,
      ]),
    ),
  );
  await runCli(["run", dir, "--out", path.join(dir, "out")], { cwd: dir });
  nb = JSON.parse(fs.readFileSync(path.join(dir, "out", "w.ipynb"), "utf8")) as Nb;
}, 120_000);

test("the default shows it once; 'always' every time it is raised", () => {
  expect(warned(nb.cells[0].outputs)).toBe(1);
  expect(warned(nb.cells[1].outputs)).toBe(2);
});

test("'ignore' silences it", () => {
  expect(nb.cells[2].outputs).toEqual([{ output_type: "stream", name: "stdout", text: ["quiet\n"] }]);
});

test("'error' raises it as its category, matched by the message's start without case", () => {
  expect(nb.cells[3].outputs).toEqual([{ output_type: "stream", name: "stdout", text: ["UserWarning Implicit dimension choice for softmax\n"] }]);
});

test("resetwarnings() brings the default back; warnings.warn shows as PyTorch's warnings do", () => {
  expect(stderr(nb.cells[4].outputs)).toMatch(/^\/tmp\/ipykernel_\d+\/5\.py:2: UserWarning: after reset\n  warnings\.warn\("after reset"\);\n$/);
});

test("an unknown action is Python's ValueError", () => {
  expect(nb.cells[5].outputs?.[0]).toMatchObject({ output_type: "error", ename: "ValueError", evalue: "invalid action: 'launch'" });
});
