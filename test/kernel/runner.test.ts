/**
 * `torchlab run` end to end, from a folder that has no node_modules: the prelude still resolves
 * torchlab from the kernel's installation, a user's own file import resolves from the folder,
 * outputs are merged like nbclient, errors fail the run unless tagged raises-exception, a cell
 * over the timeout is interrupted, and the .ipynb is valid nbformat 4.5.
 */
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import { hasPythonModule, notebook, PYTHON, run, runCli, tempDir } from "./helpers";

type Out = { output_type: string; name?: string; text?: string[]; data?: Record<string, unknown>; ename?: string; evalue?: string };
type Nb = { cells: { cell_type: string; outputs?: Out[]; execution_count?: number | null; metadata?: Record<string, any> }[]; metadata: Record<string, any>; nbformat_minor: number };

const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Nb;
const text = (value: unknown) => (Array.isArray(value) ? value.join("") : String(value));

describe("torchlab run", () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  let nb: Nb;

  beforeAll(async () => {
    dir = tempDir("torchlab-nb-");
    expect(fs.existsSync(path.join(dir, "node_modules"))).toBe(false);
    fs.writeFileSync(path.join(dir, "helper.ts"), "export const answer: number = 42;\n");
    fs.writeFileSync(
      path.join(dir, "demo.ipynb"),
      JSON.stringify(
        notebook([
          { md: "# Demo\n\nSome *markdown*." },
          "const x = torch.rand(2, 3);\nx.shape",
          'import { answer } from "./helper";\nanswer',
          'import { torch as again } from "torchlab";\nagain === torch',
          'console.log("a"); console.log("b"); console.error("c");',
          'const h = display("step 0", { display_id: "p" });\nfor (let i = 1; i <= 3; i++) h.update(`step ${i}`);',
          'display("gone"); clear_output(true); display("kept");',
          'class Pic { [Symbol.for("Jupyter.display")]() { return { "image/svg+xml": "<svg xmlns=\\"http://www.w3.org/2000/svg\\"><circle r=\\"5\\"/></svg>", "application/vnd.vegalite.v5+json": { mark: "point" } }; } }\nnew Pic()',
          { code: "torch.zeroes(2)", tags: ["raises-exception"] },
          { code: 'throw new RangeError("expected")', tags: ["raises-exception"] },
          "x.shape[0] + 1",
          // Python's builtins from the prelude, typed: `next(iter(loader))` gives tensors (images.shape compiles).
          [
            "const loader = new torch.utils.data.DataLoader(new torch.utils.data.TensorDataset(torch.rand(5, 1, 2, 2), torch.arange(5)), {batch_size: 2});",
            "const [images, labels] = next(iter(loader));",
            'print(images.shape, len(range(0, 10, 3)), sum(range(4)), list(enumerate("ab")), list(zip([1, 2], "xy")), sorted([3, 1, 2]), max(1, 2.5), min([4, 2]),',
            '  abs(-3), round(2.675, 2), int(" 7 "), float(torch.tensor([2.5])), str(null), repr("a"), isinstance(labels, torch.Tensor), torch.__version__.split("+")[0]);',
          ].join("\n"),
          // A cell's own `sum`, `range` and `max` hide the builtins, in that cell and the next ones.
          'let sum = 0;\nfor (const v of [1, 2, 3]) sum += v;\nfunction range(n: number) { return n * 10; }\nconst max = "mine";\nprint(sum, range(2), max);',
          "sum += 1;\nprint(sum, range(3), min(2, 1));",
          // PyTorch's warnings reach the cell's stderr as Python shows them, once per line: twice raised on each line.
          [
            "const lin = nn.Linear(2, 2);",
            "for (let i = 0; i < 2; i++) F.softmax(torch.tensor([1.0, 2.0]));",
            "for (let i = 0; i < 2; i++) new torch.optim.lr_scheduler.StepLR(new torch.optim.SGD(lin.parameters(), {lr: 0.1}), {step_size: 1}).step();",
          ].join("\n"),
        ]),
      ),
    );
    result = await runCli(["run", dir, "--out", path.join(dir, "out")], { cwd: dir });
    nb = read(path.join(dir, "out", "demo.ipynb"));
  }, 120_000);

  test("runs every cell and exits 0, with per-cell progress", () => {
    expect(result.stderr).toMatch(/cell 1\/14 \(id c1\) ok/);
    expect(result.stderr).toMatch(/cell 14\/14 \(id c14\) ok/);
    expect(result.status).toBe(0);
    expect(nb.cells.filter((c) => c.cell_type === "code").map((c) => c.execution_count)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  test("Python's builtins are in scope and typed; a cell may declare its own sum, range or max", () => {
    expect(nb.cells.slice(11, 14).map((c) => c.outputs)).toEqual(
      [
        "torch.Size([2, 1, 2, 2]) 4 6 [(0, 'a'), (1, 'b')] [(1, 'x'), (2, 'y')] [1, 2, 3] 2.5 2 3 2.67 7 2.5 None 'a' True 1.13.0\n",
        "6 20 mine\n",
        "7 30 1\n",
      ].map((line) => [{ output_type: "stream", name: "stdout", text: [line] }]),
    );
  });

  test("the prelude works from a folder without node_modules; user imports resolve from the folder", () => {
    const [shape, answer, same] = [1, 2, 3].map((i) => nb.cells[i].outputs!);
    expect(text(shape[shape.length - 1].data!["text/plain"])).toBe("torch.Size([2, 3])");
    expect(text(answer[0].data!["text/plain"])).toBe("42");
    expect(text(same[0].data!["text/plain"])).toBe("True");
  });

  test("streams are merged, display updates land on their output, clear_output(wait) clears", () => {
    expect(nb.cells[4].outputs).toEqual([
      { output_type: "stream", name: "stdout", text: ["a\n", "b\n"] },
      { output_type: "stream", name: "stderr", text: ["c\n"] },
    ]);
    expect(nb.cells[5].outputs).toEqual([{ output_type: "display_data", data: { "text/plain": ["step 3"] }, metadata: {} }]);
    expect(nb.cells[6].outputs).toEqual([{ output_type: "display_data", data: { "text/plain": ["kept"] }, metadata: {} }]);
  });

  test("a PyTorch warning goes to the cell's stderr as warnings.showwarning writes it, once per (message, line)", () => {
    // PyTorch 1.13's text (test/reference/gen_morvan.py records F.softmax's warning without dim).
    const softmax = (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "morvan.json"), "utf8")) as { old_forms: { warnings: string[] } }).old_forms.warnings[0];
    const outputs = nb.cells[14].outputs!;
    expect(outputs.map((o) => [o.output_type, o.name])).toEqual([["stream", "stderr"]]);
    const lines = text(outputs[0].text).split("\n");
    expect(lines).toHaveLength(5);
    const file = /^\/tmp\/ipykernel_\d+\/14\.py$/;
    const [where, category, message] = lines[0].split(": ");
    expect([where.split(":")[0], where.split(":")[1], category, lines[0].slice(where.length + category.length + 4)]).toEqual([expect.stringMatching(file), "2", "UserWarning", softmax]);
    expect(message).toBe(softmax.split(": ")[0]);
    expect(lines[1]).toBe("  for (let i = 0; i < 2; i++) F.softmax(torch.tensor([1.0, 2.0]));");
    expect(lines[2]).toMatch(/^\/tmp\/ipykernel_\d+\/14\.py:3: UserWarning: Detected call of `lr_scheduler.step\(\)` before `optimizer.step\(\)`\. In PyTorch 1\.1\.0 and later/);
    expect(lines[3]).toBe("  for (let i = 0; i < 2; i++) new torch.optim.lr_scheduler.StepLR(new torch.optim.SGD(lin.parameters(), {lr: 0.1}), {step_size: 1}).step();");
    expect(lines[4]).toBe("");
  });

  test("a misused prelude name is a type error naming it", () => {
    const [error] = nb.cells[8].outputs!;
    expect(error.output_type).toBe("error");
    expect(error.ename).toBe("CompileError");
    expect(error.evalue).toMatch(/cell:1:7 - Property 'zeroes' does not exist/);
    expect(nb.cells[9].outputs![0]).toMatchObject({ output_type: "error", ename: "RangeError", evalue: "expected" });
  });

  test("records metadata.torchlab and writes valid nbformat 4.5", async () => {
    expect(nb.nbformat_minor).toBe(5);
    expect(nb.metadata.torchlab).toMatchObject({ seed: 0, status: "ok", versions: { typescript: "5.0.4", node: process.version } });
    expect(typeof nb.metadata.torchlab.backend).toBe("string");
    expect(nb.metadata.kernelspec.name).toBe("torchlab");
    if (hasPythonModule("nbformat", "python3-nbformat")) {
      const check = await run(PYTHON, ["-c", "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", path.join(dir, "out", "demo.ipynb")]);
      expect(check.stderr).toBe("");
      expect(check.status).toBe(0);
    }
  });

  test("the HTML shows markdown, SVG and keeps the vega-lite spec", () => {
    const html = fs.readFileSync(path.join(dir, "out", "demo.html"), "utf8");
    expect(html).toContain("<h1>Demo</h1>");
    expect(html).toContain("<circle r=\"5\"/>");
    expect(html).toContain('<script type="application/vnd.vegalite.v5+json">{"mark":"point"}</script>');
    expect(html).toContain("Property 'zeroes' does not exist");
  });
});

describe("torchlab run failures", () => {
  test("an unexpected error fails the run, naming the notebook, cell and error, and stops there", async () => {
    const dir = tempDir("torchlab-fail-");
    fs.writeFileSync(path.join(dir, "bad.ipynb"), JSON.stringify(notebook(["1", 'throw new Error("kaput")', "3"])));
    const result = await runCli(["run", path.join(dir, "bad.ipynb")], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/FAILED bad: cell 2\/3 \(id c1\) failed: Error: kaput/);
    const nb = read(path.join(dir, "bad.ipynb"));
    expect(nb.cells[2].execution_count).toBeNull();
    expect(nb.metadata.torchlab.status).toBe("error");
  }, 60_000);

  test("a cell over the timeout is interrupted and fails the run", async () => {
    const dir = tempDir("torchlab-timeout-");
    fs.writeFileSync(path.join(dir, "slow.ipynb"), JSON.stringify(notebook(["let n = 0;", "while (true) { n++; }"])));
    // The cell never ends by itself: the run returning at all is the interrupt's doing.
    const result = await runCli(["run", path.join(dir, "slow.ipynb"), "--timeout", "3"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cell 2\/2 \(id c1\) failed: timed out after 3s and was interrupted/);
    const nb = read(path.join(dir, "slow.ipynb"));
    // Not before the limit (a lower bound, which a slow machine cannot break; 0.1 s for clock rounding).
    expect(nb.cells[1].metadata!.torchlab.duration_s).toBeGreaterThanOrEqual(2.9);
    expect(nb.cells[1].outputs![0]).toMatchObject({ output_type: "error", ename: "KeyboardInterrupt" });
  }, 60_000);

  test("a kernel that does not start fails its notebook with the kernel's own words, and the folder's next notebook still runs", async () => {
    const dir = tempDir("torchlab-nostart-");
    for (const name of ["a", "b"]) fs.writeFileSync(path.join(dir, `${name}.ipynb`), JSON.stringify(notebook(["1 + 1"])));
    // A heap limit no kernel starts under: V8 ends the process while it loads.
    const result = await runCli(["run", dir, "--out", path.join(dir, "out")], { cwd: dir, env: { ...process.env, TORCHLAB_HEAP_MB: "16" } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/FAILED a: the kernel exited during startup:[^]*heap limit of 16 MB/);
    expect(result.stderr).toMatch(/b: starting kernel[^]*FAILED b: the kernel exited during startup/);
  }, 120_000);
});

describe("a kernel's port taken before it binds", () => {
  test("the client starts the kernel again on new ports (as jupyter_client's restarter does) instead of failing the run", async () => {
    const { KernelClient, portChooser } = await import("../../kernel/client");
    // Another process holds a port; the first choice hands it to the kernel, as a race would.
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as net.AddressInfo).port;
    const choose = portChooser.choose;
    const chosen: number[][] = [];
    portChooser.choose = async (count: number) => {
      const ports = await choose(count);
      if (chosen.length === 0) ports[0] = port;
      chosen.push(ports);
      return ports;
    };
    let kernel: InstanceType<typeof KernelClient> | undefined;
    try {
      kernel = await KernelClient.start(tempDir("torchlab-port-"));
      const { content } = await kernel.execute("print(1 + 1)", 60_000, { onOutput: () => undefined });
      expect(content.status).toBe("ok");
      expect(chosen.length).toBe(2);
      expect(chosen[1][0]).not.toBe(port);
    } finally {
      portChooser.choose = choose;
      await kernel?.shutdown();
      taken.close();
    }
  }, 120_000);
});
