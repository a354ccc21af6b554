/**
 * README's "Coming from PyTorch" examples run as written: each ```ts block of that section is a cell
 * of one notebook executed by the real kernel, and every `expr; // => value` line checks its value.
 */
import * as fs from "fs";
import * as path from "path";
import { ROOT, notebook, runCli, tempDir } from "./helpers";

const EXPECT = [
  "function readme_expect(value: unknown, expected: string, line: number): void {",
  "  const plain = (v: unknown): unknown => (v instanceof torch.Tensor ? v.tolist() : Array.isArray(v) ? v.map(plain) : v);",
  "  const got = JSON.stringify(plain(value));",
  "  const want = JSON.stringify(JSON.parse(expected));",
  "  if (got !== want) throw new Error(`README.md line ${line}: expected ${want}, got ${got}`);",
  "}",
].join("\n");

/** The section's code blocks, with `// =>` lines turned into checks (line numbers kept). */
function readmeCells(): { cells: string[]; checks: number } {
  const lines = fs.readFileSync(path.join(ROOT, "README.md"), "utf8").split("\n");
  const start = lines.findIndex((l) => l === "## Coming from PyTorch");
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  const cells: string[] = [];
  let checks = 0;
  let block: string[] | null = null;
  for (let i = start; i < end; i++) {
    const line = lines[i];
    if (block === null && line === "```ts") block = [];
    else if (block !== null && line === "```") {
      cells.push(block.join("\n"));
      block = null;
    } else if (block !== null) {
      const m = /^(\s*)(.+?);\s*\/\/ => (.+)$/.exec(line);
      if (m) checks++;
      block.push(m ? `${m[1]}readme_expect(${m[2]}, ${JSON.stringify(m[3])}, ${i + 1});` : line);
    }
  }
  return { cells, checks };
}

test("README's Coming-from-PyTorch examples run through the kernel with the values shown", async () => {
  const { cells, checks } = readmeCells();
  expect(cells.length).toBeGreaterThanOrEqual(5);
  expect(checks).toBeGreaterThanOrEqual(19);
  const dir = tempDir("torchlab-readme-");
  fs.writeFileSync(path.join(dir, "readme.ipynb"), JSON.stringify(notebook([EXPECT, ...cells])));
  const result = await runCli(["run", path.join(dir, "readme.ipynb"), "--out", dir]);
  const nb = JSON.parse(fs.readFileSync(path.join(dir, "readme.ipynb"), "utf8"));
  const errors = nb.cells.flatMap((c: { outputs: { output_type: string; ename?: string; evalue?: string }[] }) =>
    c.outputs.filter((o) => o.output_type === "error").map((o) => `${o.ename}: ${o.evalue}`),
  );
  expect(errors).toEqual([]);
  expect(result.status).toBe(0);
  // display.image and display.plot produced rich outputs, as plt.imshow / plt.plot would.
  const mimes = nb.cells.flatMap((c: { outputs: { output_type: string; data?: object }[] }) =>
    c.outputs.filter((o) => o.output_type === "display_data").flatMap((o) => Object.keys(o.data ?? {})),
  );
  expect(mimes).toContain("image/png");
}, 180000);
