import * as fs from "fs";
import * as path from "path";
import { notebook, runCli, tempDir } from "./helpers";

// `x[i] op= v` in a notebook cell, run through the kernel (its dialect rewrite, tslab's compile and
// the cell's execution) and compared with what PyTorch 1.13 leaves after the same Python statements
// (test/reference/gen_dialect_inplace.py, which holds both spellings of every case).
interface Enc {
  shape: number[];
  dtype: string;
  values: (number | boolean | string)[];
}
interface Case {
  name: string;
  py: string;
  ts: string;
  out?: (Enc | number | boolean)[];
  error?: string;
  message?: string;
}
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "dialect_inplace.json"), "utf8")) as { cases: Case[] };

const ENCODE = [
  "JSON.stringify(out.map((v) => v instanceof torch.Tensor",
  "  ? { shape: [...v.shape], dtype: v.dtype, values: v.detach().flatten().tolist() }",
  "  : v))",
].join("\n");

// One notebook run by the built CLI (the kernel resolves "torchlab" to this checkout there).
const results = new Map<string, { ename?: string; evalue?: string; value?: string }>();
beforeAll(async () => {
  const dir = tempDir("torchlab-inplace-");
  const cells = [
    'await torch.ready();\nlet out: unknown[] = [];',
    ...fixture.cases.map((c) => (c.error !== undefined ? { code: c.ts, tags: ["raises-exception"] } : `${c.ts}\n${ENCODE}`)),
  ];
  fs.writeFileSync(path.join(dir, "inplace.ipynb"), JSON.stringify(notebook(cells)));
  const run = await runCli(["run", path.join(dir, "inplace.ipynb"), "--out", dir]);
  if (run.status !== 0) throw new Error(run.stderr);
  const nb = JSON.parse(fs.readFileSync(path.join(dir, "inplace.ipynb"), "utf8"));
  fixture.cases.forEach((c, k) => {
    const o = nb.cells[k + 1].outputs.find((x: { output_type: string }) => x.output_type === "execute_result" || x.output_type === "error");
    results.set(c.name, o?.output_type === "error" ? { ename: o.ename, evalue: o.evalue } : { value: o ? String(o.data["text/plain"]) : undefined });
  });
}, 600000);

function expectClose(actual: unknown, expected: Enc | number | boolean, where: string): void {
  if (typeof expected !== "object") {
    expect([where, actual]).toEqual([where, expected]);
    return;
  }
  const a = actual as Enc;
  // A dtype serialises as PyTorch prints it (torch.int64); the fixture has PyTorch's name (int64).
  expect([where, a.shape, a.dtype]).toEqual([where, expected.shape, `torch.${expected.dtype}`]);
  expected.values.forEach((e, k) => {
    const v = a.values[k];
    if (typeof e === "number" && typeof v === "number") {
      if (Math.abs(v - e) > 1e-5 * Math.max(1, Math.abs(e))) expect([where, k, v]).toEqual([where, k, e]);
    } else expect([where, k, v]).toEqual([where, k, e]);
  });
}

describe("x[index] op= value in a cell does what Python's x.__setitem__(index, x.__getitem__(index).__iop__(value)) does", () => {
  test.each(fixture.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const r = results.get(c.name)!;
    if (c.error !== undefined) {
      // torchlab's messages name the op first ("index_put_: ...") or last ("... (add_)."); PyTorch's text is inside.
      expect([r.ename, r.evalue]).toEqual([c.error, expect.stringContaining(c.message!.replace(/\.$/, ""))]);
      return;
    }
    if (r.value === undefined) throw new Error(`${c.name}: ${r.ename}: ${r.evalue}`);
    // The kernel shows a string result as its repr, in single quotes.
    const got = JSON.parse(r.value.replace(/^'|'$/g, "")) as unknown[];
    expect(got.length).toBe(c.out!.length);
    c.out!.forEach((e, k) => expectClose(got[k], e, `${c.name} out[${k}]`));
  });
});
