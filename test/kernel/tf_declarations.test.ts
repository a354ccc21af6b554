/**
 * The kernel's pruned view of tfjs-core's declarations (kernel/tf_declarations.ts, issue 12): cells
 * are checked against the few tfjs-core files torchlab's declarations use, with the same types as
 * against the whole package; the build's check fails when a name is missing; a cell that imports
 * backend/tf (whose `tf` is a value) gets the whole module.
 */
import * as fs from "fs";
import * as path from "path";
import { tslabTypeScript } from "../../kernel/resolve";
import { diagnosticsAgainstPruned, fullDeclarationsProgram, isTfjsCoreDeclaration, prunedTfModule, withoutWebGpuTypes } from "../../kernel/tf_declarations";
import { run, tempDir } from "./helpers";

const ROOT = path.resolve(__dirname, "..", "..");
const TF_TYPES = path.join(ROOT, "dist", "kernel", "tf_types.d.ts");

test("the build's check reports a tfjs-core type that the pruned module lacks, and passes the generated one", () => {
  const ts = tslabTypeScript();
  const pruned = prunedTfModule(ROOT);
  expect(pruned).not.toBeNull();
  expect(pruned).not.toContain("@tensorflow/tfjs-core\"");
  const types = fs.readFileSync(TF_TYPES, "utf8");
  expect(types).toMatch(/export type \{[^}]*\bTensor4D\b[^}]*\} from "@tensorflow\/tfjs-core\/dist\/tensor";/);
  const full = fullDeclarationsProgram(ts, ROOT);
  expect(diagnosticsAgainstPruned(ts, ROOT, full, pruned!, types)).toEqual([]);
  const lacking = diagnosticsAgainstPruned(ts, ROOT, full, pruned!, types.replace(/, Tensor4D\b|\bTensor4D, /, ""));
  expect(lacking.length).toBeGreaterThan(0);
  expect(lacking.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n")).toMatch(/Tensor4D/);
  // The check reads tfjs-core without @webgpu/types, as the kernel does: a torchlab declaration
  // that named a WebGPU type would fail it.
  const gpu = diagnosticsAgainstPruned(ts, ROOT, full, pruned!, `${types}export type Gpu = GPUBuffer;\n`);
  expect(gpu.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([expect.stringMatching(/^Cannot find name 'GPUBuffer'\./)]);
}, 180000);

test("tfjs-core is read without its reference to @webgpu/types, offsets kept", () => {
  const file = path.join(path.dirname(require.resolve("@tensorflow/tfjs-core/package.json")), "dist", "tensor.d.ts");
  const text = fs.readFileSync(file, "utf8");
  expect(text).toContain('/// <reference types="@webgpu/types/dist" />');
  expect(isTfjsCoreDeclaration(file)).toBe(true);
  expect(isTfjsCoreDeclaration(path.join(ROOT, "dist", "src", "index.d.ts"))).toBe(false);
  const viewed = withoutWebGpuTypes(text);
  expect(viewed).not.toContain("@webgpu");
  expect(viewed.length).toBe(text.length);
  expect(viewed.replace('/// <reference types="@webgpu/types/dist" />', "")).toBe(viewed);
  expect(viewed.split("\n").filter((line, i) => line !== text.split("\n")[i])).toEqual([" ".repeat('/// <reference types="@webgpu/types/dist" />'.length)]);
});

/**
 * A kernel session of the built kernel in a process of its own (the prelude loads the library and
 * its backend, which jest's module registry does not host): runs `cells` after the prelude and
 * reports their outcomes, a completion, and the declaration files the compiler read before and after.
 */
async function sessionRun(cells: string[], completion: [string, number]) {
  const script = `
    const ts = require(${JSON.stringify(path.join(ROOT, "dist", "kernel", "resolve.js"))}).tslabTypeScript();
    const read = [];
    const readFile = ts.sys.readFile;
    ts.sys.readFile = (file, encoding) => (read.push(file), readFile.call(ts.sys, file, encoding));
    const { Session } = require(${JSON.stringify(path.join(ROOT, "dist", "kernel", "session.js"))});
    const { runPrelude } = require(${JSON.stringify(path.join(ROOT, "dist", "kernel", "prelude.js"))});
    (async () => {
      const session = new Session(process.cwd());
      const prelude = await runPrelude(session);
      const afterPrelude = [...read];
      const completion = session.complete(...${JSON.stringify(completion)}).matches;
      const outcomes = [];
      for (const cell of ${JSON.stringify(cells)}) outcomes.push(await session.execute(cell));
      process.stdout.write(JSON.stringify({ prelude, afterPrelude, completion, outcomes, read }));
      process.exit(0);
    })();`;
  const done = await run(process.execPath, ["-e", script], { cwd: tempDir("torchlab-tf-") });
  if (done.status !== 0) throw new Error(done.stderr);
  return JSON.parse(done.stdout) as {
    prelude: { ok: boolean; summary: string };
    afterPrelude: string[];
    completion: string[];
    outcomes: unknown[];
    read: string[];
  };
}

test("a session checks cells against the pruned module with tfjs-core's own types, and gets the whole module once a cell imports backend/tf", async () => {
  const result = await sessionRun(
    [
      "const x = torch.ones(2, 3);\nconst s: number[] = x._t.shape; s",
      "const r: string = x._t.rank;",
      // No WebGPU globals in cells (kernel/tf_declarations.ts); tfjs-core's Tensor, whose file named them, is whole.
      "let g: GPUBuffer | undefined;",
      "const d: Float32Array | Int32Array | Uint8Array = x._t.dataSync(); d.length",
      `import { tf } from "torchlab/dist/src/backend/tf";\ntf.add(x._t, 1).arraySync()`,
      "tf.ones([2]).size + s.length",
    ],
    ["const y = torch.ones(1); y._t.arrayS", 36],
  );
  expect(result.prelude.ok).toBe(true);
  // The prelude read tfjs-core's Tensor declarations, but not its index, ops or backends.
  const core = result.afterPrelude.filter((f) => f.includes("/@tensorflow/tfjs-core/"));
  expect(core.some((f) => f.endsWith("tfjs-core/dist/tensor.d.ts"))).toBe(true);
  expect(core.length).toBeLessThan(10);
  expect(core.some((f) => f.endsWith("tfjs-core/dist/index.d.ts"))).toBe(false);
  expect(result.afterPrelude.some((f) => f.includes("/@tensorflow/tfjs-backend-cpu/"))).toBe(false);
  expect(result.afterPrelude.some((f) => f.includes("/@webgpu/"))).toBe(false);
  expect(result.completion).toContain("arraySync");
  const [shape, wrong, gpu, data, imported, later] = result.outcomes;
  expect(shape).toEqual({ status: "ok", hasValue: true, value: [2, 3] });
  expect(wrong).toMatchObject({ status: "error", ename: "CompileError", evalue: expect.stringMatching(/^cell:1:7 - Type 'number' is not assignable to type 'string'/) });
  expect(gpu).toMatchObject({ status: "error", ename: "CompileError", evalue: expect.stringMatching(/^cell:1:8 - Cannot find name 'GPUBuffer'/) });
  expect(data).toEqual({ status: "ok", hasValue: true, value: 6 });
  expect(imported).toEqual({ status: "ok", hasValue: true, value: [[2, 2, 2], [2, 2, 2]] });
  expect(later).toEqual({ status: "ok", hasValue: true, value: 4 });
  expect(result.read.some((f) => f.endsWith("tfjs-core/dist/index.d.ts"))).toBe(true);
}, 180000);
