/**
 * Out of memory in the kernel, as a user meets it: one cell fills memory until it cannot, and the
 * next cells find every earlier tensor intact, save a correct checkpoint and train a step. On wasm
 * this fills the real heap (4 GiB: tfjs-backend-wasm used to write past it over live tensors); on
 * other backends the notebook first sets a limit, so the machine itself is never exhausted.
 *
 * Not in `npm test`'s cpu-backend rerun (package.json's posttest; CI time, ~40 s there): on cpu this
 * notebook is the limit's path, which test/tensor/memory_oom.test.ts runs there in-process (OutOfMemoryError
 * naming the op and bytes, earlier tensors intact, a correct save, training after), with
 * test/tensor/memory_sync.test.ts's training functions that stay flat; how the kernel reports a
 * cell's error and goes on does not depend on the backend, and this run on wasm proves it.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { notebook, runCli, tempDir } from "../kernel/helpers";

type Out = { output_type: string; text?: string[] | string; data?: Record<string, unknown>; ename?: string; evalue?: string };
type Nb = { cells: { cell_type: string; outputs?: Out[] }[] };

const text = (value: unknown) => (Array.isArray(value) ? value.join("") : String(value));

test("a cell that allocates until it cannot raises OutOfMemoryError; the next cells check, save and train; a training function stays flat", async () => {
  const dir = tempDir("torchlab-oom-kernel-");
  fs.writeFileSync(
    path.join(dir, "oom.ipynb"),
    JSON.stringify(
      notebook([
        [
          "const canary = torch.tensor([0.25, -0.5, 0.75]);",
          "torch.manual_seed(0);",
          "const net = new nn.Linear(4, 2);",
          "const opt = new optim.SGD(net.parameters(), { lr: 0.1 });",
          "const w0 = JSON.stringify(net.weight.tolist());",
          'if (!torch.backend().startsWith("wasm")) torch._setMemoryLimit(torch.memory().numBytes + 512 * 1024 * 1024);',
          "let hoard = [] as (typeof canary)[];",
        ].join("\n"),
        { code: "while (true) hoard.push(torch.ones(16 * 1024 * 1024));", tags: ["raises-exception"] },
        [
          "const ends = hoard.every((t) => { const d = t.dataSync(); return d[0] === 1 && d[d.length >> 1] === 1 && d[d.length - 1] === 1; });",
          "JSON.stringify({ n: hoard.length, canary: canary.tolist(), ends, weight: JSON.stringify(net.weight.tolist()) === w0 })",
        ].join("\n"),
        [
          'torch.save({ canary, weight: net.weight }, "ckpt.mdl");',
          "hoard = [];",
          'const back = torch.load("ckpt.mdl") as { canary: typeof canary; weight: typeof canary };',
          "JSON.stringify({ canary: back.canary.tolist(), weight: JSON.stringify(back.weight.tolist()) === w0 })",
        ].join("\n"),
        [
          "const x = torch.randn(8, 4);",
          "const loss = net(x).pow(2).mean();",
          "opt.zero_grad(); loss.backward(); opt.step();",
          "JSON.stringify({ finite: Number.isFinite(loss.item()), moved: JSON.stringify(net.weight.tolist()) !== w0 })",
        ].join("\n"),
        [
          "torch._setMemoryLimit(null);",
          "torch._setGcBudget(1024 * 1024);",
          "function train(steps: number): number[] {",
          "  const settled: number[] = [];",
          "  for (let i = 1; i <= steps; i++) {",
          "    const loss = net(torch.randn(32, 4)).pow(2).mean();",
          "    opt.zero_grad(); loss.backward(); opt.step();",
          "    if (i % 100 === 0) { torch._collect(); settled.push(torch.memory().numTensors); }",
          "  }",
          "  return settled;",
          "}",
          "JSON.stringify({ settled: train(1500) })",
        ].join("\n"),
      ]),
    ),
  );
  const result = await runCli(["run", path.join(dir, "oom.ipynb"), "--out", path.join(dir, "out")], { cwd: dir });
  if (result.status !== 0) throw new Error(`torchlab run failed:\n${result.stderr.slice(-3000)}`);
  const nb = JSON.parse(fs.readFileSync(path.join(dir, "out", "oom.ipynb"), "utf8")) as Nb;
  const cells = nb.cells.filter((c) => c.cell_type === "code");
  const value = (i: number) => {
    const out = cells[i].outputs!.find((o) => o.output_type === "execute_result");
    // A string result is shown quoted, as Node's inspect does: '{"n":63,...}'.
    return JSON.parse(text(out!.data!["text/plain"]).slice(1, -1)) as Record<string, unknown>;
  };

  const error = cells[1].outputs!.find((o) => o.output_type === "error")!;
  expect(error.ename).toBe("OutOfMemoryError");
  expect(error.evalue).toMatch(/^ones: out of memory on \w+: tried to allocate 64\.00 MiB \(67108864 bytes\) in backend kernel Fill; [\d.]+ [MG]iB \(\d+ bytes\) live in \d+ tensors/);

  const after = value(2);
  expect(after).toMatchObject({ canary: [0.25, -0.5, 0.75], ends: true, weight: true });
  const wasm = torch.backend().startsWith("wasm");
  // Wasm: 63 tensors of 64 MiB fit under the 4 GiB heap with room kept for the backend's own use.
  expect(after.n).toBe(wasm ? 63 : 8);
  expect(value(3)).toEqual({ canary: [0.25, -0.5, 0.75], weight: true });
  expect(value(4)).toEqual({ finite: true, moved: true });
  // A training function in a cell (synchronous, no yielding) keeps the live tensor count flat.
  const settled = value(5).settled as number[];
  expect(settled).toHaveLength(15);
  expect(Math.max(...settled.slice(1))).toBeLessThanOrEqual(settled[1] + 8);
}, 240_000);
