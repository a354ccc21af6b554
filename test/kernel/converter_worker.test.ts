/**
 * Cells converted on a worker thread (kernel/converter_worker.ts), as a kernel start has them: the
 * prelude compiled ahead is the compile its execute takes; later cells see earlier cells' names
 * and types; type errors, completion, hover, is-complete, module cells and tracebacks mapped to
 * the cell's lines all come through the worker as they do from converters on the main thread; a
 * compile the worker fails is rebuilt as on the main thread; close ends the worker.
 * Needs `npm run build` (the worker runs dist/kernel/converter_worker.js).
 */
import { spawn } from "child_process";
import * as path from "path";
import { COMPILE_DELAY_ENV, RemoteConverters, SLOW_COMPILE_MARK } from "../../kernel/converter_worker";
import { Session } from "../../kernel/session";

const ROOT = path.resolve(__dirname, "..", "..");

/**
 * Runs `body` (JavaScript using `session`, `print(value)`) in a child process with the built
 * kernel's Session on a worker's converters, as in a kernel (errors of cells are then of this
 * realm, and a SIGINT reaches no jest worker); `onOutput` sees its output as it comes.
 */
async function inChild(
  body: string,
  onOutput: (out: string, child: import("child_process").ChildProcess) => void = () => undefined,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; printed: unknown[] }> {
  const script = `
    const { RemoteConverters } = require(${JSON.stringify(path.join(ROOT, "dist/kernel/converter_worker.js"))});
    const { Session } = require(${JSON.stringify(path.join(ROOT, "dist/kernel/session.js"))});
    const remote = new RemoteConverters(${JSON.stringify(ROOT)});
    const session = new Session(process.cwd(), remote);
    process.on("SIGINT", () => session.interrupt());
    const print = (value) => process.stdout.write("@" + JSON.stringify(value) + "\\n");
    (async () => {
      ${body}
      session.close();
    })();`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env } });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    onOutput(out, child);
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const printed = out.split("\n").filter((line) => line.startsWith("@")).map((line) => JSON.parse(line.slice(1)) as unknown);
  return { code, printed };
}

describe("a session whose converters live on a worker", () => {
  let remote: RemoteConverters;
  let session: Session;
  beforeAll(() => {
    remote = new RemoteConverters(ROOT);
    remote.buildAhead({ kind: "node", prunedTf: true, prunedNode: true, docsDeferred: true });
    session = new Session(process.cwd(), remote);
  });
  afterAll(() => session.close());

  test("the first cell compiled ahead runs, and its names and types reach later cells", async () => {
    const first = "const answer: number = 40;\nconst greet = (name: string) => `hi ${name}`;\nanswer + 2";
    await session.compileAhead(first);
    expect(await session.execute(first)).toEqual({ status: "ok", hasValue: true, value: 42 });
    expect(await session.execute("greet('x') + answer")).toEqual({ status: "ok", hasValue: true, value: "hi x40" });
    const wrong = await session.execute("const n: number = greet('y');");
    expect(wrong).toMatchObject({ status: "error", ename: "CompileError" });
    if (wrong.status === "error") expect(wrong.traceback).toEqual([expect.stringMatching(/^cell:1:7 - Type 'string' is not assignable to type 'number'/)]);
  }, 120000);

  test("completion, hover and is-complete are answered by the worker's compiler", () => {
    expect(session.complete("greet", 5).matches).toContain("greet");
    expect(session.complete("Math.ma", 7)).toMatchObject({ cursor_start: 5, cursor_end: 7, matches: expect.arrayContaining(["max"]) });
    expect(session.inspect("greet('z')", 2)).toMatch(/const greet: \(name: string\) => string/);
    expect(session.inspect("   ", 1)).toBeNull();
    const { isCompleteCode } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");
    for (const code of ["for (;;) {", "1 + 1", "const s = `a"]) expect(session.isComplete(code)).toEqual(isCompleteCode(code));
    expect(session.isComplete("for (;;) {")).toMatchObject({ completed: false });
  }, 120000);

  test("module cells are importable, also after the worker's compiler failed on a cell", async () => {
    expect(await session.execute("/** @module halve */\nexport const halve = (x: number) => x / 2;")).toEqual({ status: "ok", hasValue: false });
    const deep = await session.execute(`const deep = ${"(".repeat(40000)}1${")".repeat(40000)};`);
    expect(deep).toMatchObject({ status: "error", ename: "RangeError", evalue: expect.stringMatching(/while compiling/) });
    expect(await session.execute(`import { halve } from "./halve";\nhalve(answer)`)).toEqual({ status: "ok", hasValue: true, value: 20 });
  }, 120000);
});

test("closing the session ends its worker", async () => {
  const remote = new RemoteConverters(ROOT);
  const session = new Session(process.cwd(), remote);
  expect(await session.execute("1 + 2")).toEqual({ status: "ok", hasValue: true, value: 3 });
  const worker = (remote as unknown as { worker: import("worker_threads").Worker }).worker;
  const ended = new Promise<number>((resolve) => worker.once("exit", resolve));
  session.close();
  await expect(ended).resolves.toBeDefined();
}, 120000);

test("a cell's error is traced to the line of the cell it was thrown on", async () => {
  const { code, printed } = await inChild(`
    print(await session.execute("const a = 1;\\nfunction fail(): never {\\n  throw new RangeError('boom');\\n}\\nfail();", 7));`);
  expect(code).toBe(0);
  expect(printed[0]).toMatchObject({ status: "error", ename: "RangeError", evalue: "boom" });
  expect((printed[0] as { traceback: string[] }).traceback.join("\n")).toMatch(/Cell In\[7\], line 3, in fail/);
}, 180000);

test("SIGINT while the worker compiles a cell stops the cell as a KeyboardInterrupt, and the session goes on", async () => {
  let signalled = false;
  const { code, printed } = await inChild(
    `
    await session.execute("let kept = 7;");
    print("compiling");
    print(await session.execute(${JSON.stringify(`// ${SLOW_COMPILE_MARK}\nlet slow = kept;`)}));
    print(await session.execute("kept * 6"));
    print((await session.execute("function later() {\\n  throw new Error('later');\\n}\\nlater();", 9)).traceback);`,
    (out, child) => {
      if (!signalled && out.includes('@"compiling"')) {
        signalled = true;
        setTimeout(() => child.kill("SIGINT"), 1000);
      }
    },
    // The marked cell's conversion on the worker waits a minute (converter_worker.ts's testing hook):
    // the signal surely lands inside it, however fast or loaded the machine.
    { [COMPILE_DELAY_ENV]: "60000" },
  );
  expect(code).toBe(0);
  expect(printed.slice(1, 3)).toEqual([
    { status: "error", ename: "KeyboardInterrupt", evalue: "", traceback: ["KeyboardInterrupt: "] },
    { status: "ok", hasValue: true, value: 42 },
  ]);
  // Later cells keep their frames: a SIGINT inside a compile runs none of its `finally`s (kernel/session.ts).
  expect((printed[3] as string[]).join("\n")).toContain("Cell In[9], line 2, in later");
}, 300000);
