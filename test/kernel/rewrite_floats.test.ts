import * as fs from "fs";
import * as path from "path";
import { notebook, runCli, tempDir } from "./helpers";

// Python's float literals in notebook cells (`torch.tensor([[1., -1.], [1., -1.]])`, `torch.full([2], 7.)`,
// `torch.arange(1., 4.)`, `torch.arange(5) * 2.0`), run through the kernel (its dialect rewrite,
// tslab's compile and the cell's execution) and compared with what PyTorch 1.13 prints for the same
// Python (test/reference/gen_dialect_floats.py, which holds both spellings of every case).
interface Case {
  name: string;
  py: string;
  ts: string;
  repr?: string;
  dtype?: string;
  error?: string;
  message?: string;
}
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "dialect_floats.json"), "utf8")) as { cases: Case[] };

// nbformat stores a multi-line text as its lines.
const plain = (text: string | string[]): string => (Array.isArray(text) ? text.join("") : text);

// One notebook run by the built CLI (the kernel resolves "torchlab" to this checkout there).
const results = new Map<string, { ename?: string; evalue?: string; value?: string }>();
beforeAll(async () => {
  const dir = tempDir("torchlab-floats-");
  const cells = fixture.cases.map((c) => (c.error !== undefined ? { code: c.ts, tags: ["raises-exception"] } : c.ts));
  fs.writeFileSync(path.join(dir, "floats.ipynb"), JSON.stringify(notebook(cells)));
  const run = await runCli(["run", path.join(dir, "floats.ipynb"), "--out", dir]);
  if (run.status !== 0) throw new Error(run.stderr);
  const nb = JSON.parse(fs.readFileSync(path.join(dir, "floats.ipynb"), "utf8"));
  fixture.cases.forEach((c, k) => {
    const o = nb.cells[k].outputs.find((x: { output_type: string }) => x.output_type === "execute_result" || x.output_type === "error");
    results.set(c.name, o?.output_type === "error" ? { ename: o.ename, evalue: o.evalue } : { value: o ? plain(o.data["text/plain"]) : undefined });
  });
}, 600000);

describe("a whole number written as a float in a cell makes PyTorch's dtype and prints as PyTorch prints", () => {
  test.each(fixture.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const r = results.get(c.name)!;
    if (c.error !== undefined) {
      // torchlab names the op first ("add_: result type ..."); PyTorch's text follows.
      expect([r.ename, r.evalue]).toEqual([c.error, expect.stringContaining(c.message!)]);
      return;
    }
    expect(r).toEqual({ value: c.repr });
  });
});
