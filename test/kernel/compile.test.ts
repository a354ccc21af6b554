/**
 * Compiling cells (issue 15 item 6): a cell of many declarations compiles in time linear in its
 * length, keeps its values and its error positions; module cells outlive a compiler rebuilt after a
 * stack overflow; SIGINT stops a compile.
 */
import { spawn } from "child_process";
import * as path from "path";
import { hoistExportList } from "../../kernel/rewrite";
import { Session } from "../../kernel/session";

/** The built kernel (npm test builds it first), for what must run in a process of its own. */
const SESSION_JS = path.resolve(__dirname, "../../dist/kernel/session.js");

const declarations = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `let v${from + i} = ${from + i};`).join("\n");

describe("tslab's export list of a cell's names", () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`).join(", ");

  test("moves onto tslab's first line, so the cell's lines and columns stay where they were", () => {
    const cell = "let v0 = 0;\n  v0 += 1;";
    const text = `export {};\n${cell}\nexport {${names(64)}}`;
    const hoisted = hoistExportList(text)!;
    expect(hoisted.text).toBe(`export {}; export {${names(64)}};\n${cell}`);
    expect(hoisted.text.split("\n").slice(1)).toEqual(cell.split("\n"));
    expect(hoisted.text.indexOf("v0 += 1") - hoisted.shift).toBe(text.indexOf("v0 += 1"));
  });

  test("is left alone below 64 names, without tslab's first line, or when the cell does not end with it", () => {
    expect(hoistExportList(`export {};\nlet a = 1;\nexport {${names(63)}}`)).toBeNull();
    expect(hoistExportList(`let a = 1;\nexport {${names(100)}}`)).toBeNull();
    expect(hoistExportList(`export {};\nexport {${names(100)}}\nlet a = 1;`)).toBeNull();
  });
});

describe("a session compiling large and broken cells", () => {
  let session: Session;
  beforeAll(() => {
    session = new Session();
  });
  afterAll(() => session.close());

  test("a cell of 3,000 declarations runs, and a later cell reads its names", async () => {
    expect(await session.execute(`${declarations(3000)}\nv2999 + v0`)).toEqual({ status: "ok", hasValue: true, value: 2999 });
    expect(await session.execute("v1500 * 2")).toEqual({ status: "ok", hasValue: true, value: 3000 });
  }, 120000);

  test("a type error in a large cell is reported at the line and column the user wrote", async () => {
    // (A cell's own untyped let may be rebound to another type, as a Python name is: the second error is a typed declaration's.)
    const outcome = await session.execute(`${declarations(500, 5000)}\nconst s: string = 1;\n   const t: number = "x";`);
    expect(outcome.status).toBe("error");
    if (outcome.status !== "error") return;
    expect(outcome.ename).toBe("CompileError");
    expect(outcome.traceback).toEqual([
      expect.stringMatching(/^cell:501:7 - Type 'number' is not assignable to type 'string'/),
      expect.stringMatching(/^cell:502:10 - Type 'string' is not assignable to type 'number'/),
    ]);
  }, 120000);

  test("module cells are still importable after the compiler is rebuilt following a stack overflow", async () => {
    expect(await session.execute("/** @module twice */\nexport const twice = (x: number) => x * 2;")).toEqual({ status: "ok", hasValue: false });
    expect(await session.execute(`import { twice } from "./twice";\ntwice(21)`)).toEqual({ status: "ok", hasValue: true, value: 42 });
    const deep = await session.execute(`const deep = ${"(".repeat(5000)}1${")".repeat(5000)};`);
    expect(deep).toMatchObject({ status: "error", ename: "RangeError", evalue: expect.stringMatching(/while compiling/) });
    expect(await session.execute(`import { twice as again } from "./twice";\nagain(5)`)).toEqual({ status: "ok", hasValue: true, value: 10 });
    // A name of an earlier cell survives the rebuild as well.
    expect(await session.execute("twice(v0 + 4)")).toEqual({ status: "ok", hasValue: true, value: 8 });
  }, 120000);

  test("an interrupt after the kernel took a cell but before the cell runs stops that cell", async () => {
    // The kernel awaits busy and execute_input leaving between taking a cell and running it; an
    // interrupt_request read then used to stop no cell, and this one would wait forever.
    session.announceCell();
    session.interrupt();
    const outcome = await Promise.race([
      session.execute("await new Promise(() => {})"),
      new Promise((resolve) => setTimeout(() => resolve("still waiting after 10 s"), 10000).unref()),
    ]);
    expect(outcome).toEqual({ status: "error", ename: "KeyboardInterrupt", evalue: "", traceback: ["KeyboardInterrupt: "] });
    // Spent on that cell: the next one runs.
    session.announceCell();
    expect(await session.execute("v0 + 1")).toEqual({ status: "ok", hasValue: true, value: 1 });
  }, 60000);
});

/** Outcomes of `cells` run by the built kernel's Session in a child process (the library loads there as in a kernel). */
async function inChild(cells: string[]): Promise<unknown[]> {
  const script = `
    const { Session } = require(${JSON.stringify(SESSION_JS)});
    const session = new Session();
    (async () => {
      const outcomes = [];
      for (const cell of ${JSON.stringify(cells)}) outcomes.push(await session.execute(cell));
      process.stdout.write(JSON.stringify(outcomes) + "\\n");
      process.exit(0);
    })();`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.on("exit", resolve));
  return JSON.parse(out.trim().split("\n").pop()!);
}

test("a large cell using the notebook dialect keeps its error positions too", async () => {
  const [imported, converted] = await inChild([
    `import { torch } from "torchlab";`,
    `${declarations(200, 9000)}\nconst t = torch.ones(2) * 3;\nconst bad: string = v9000;`,
  ]);
  expect(imported).toEqual({ status: "ok", hasValue: false });
  expect(converted).toMatchObject({
    status: "error",
    ename: "CompileError",
    traceback: [expect.stringMatching(/^cell:202:7 - Type 'number' is not assignable to type 'string'/)],
  });
}, 180000);

test("SIGINT while a cell compiles stops the compile as a KeyboardInterrupt, and the session goes on", async () => {
  // In a child process: the signal must arrive while the compile holds the thread, and a jest
  // worker must not receive it.
  const script = `
    const { Session } = require(${JSON.stringify(SESSION_JS)});
    const session = new Session();
    (async () => {
      await session.execute("let kept = 7;");
      const big = Array.from({ length: 200000 }, (_, i) => "let w" + i + " = " + i + " + kept;").join("\\n");
      process.stdout.write("compiling\\n");
      const interrupted = await session.execute(big);
      const after = await session.execute("kept * 6");
      const thrown = await session.execute("function later() {\\n  throw new Error('later');\\n}\\nlater();", 9);
      process.stdout.write(JSON.stringify({ interrupted, after, thrown }) + "\\n");
      process.exit(0);
    })();`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  let signalled = false;
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    if (!signalled && out.includes("compiling\n")) {
      signalled = true;
      // The compile of 200,000 declarations takes many seconds: the signal lands inside it.
      setTimeout(() => child.kill("SIGINT"), 1000);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code).toBe(0);
  const result = JSON.parse(out.trim().split("\n").pop()!);
  expect(result.interrupted).toEqual({ status: "error", ename: "KeyboardInterrupt", evalue: "", traceback: ["KeyboardInterrupt: "] });
  expect(result.after).toEqual({ status: "ok", hasValue: true, value: 42 });
  // The cells after it keep their frames (a SIGINT inside the compile runs none of its `finally`s).
  expect(result.thrown.traceback.join("\n")).toContain("Cell In[9], line 2, in later");
}, 180000);

describe("a session prepared before its first cell (the kernel's start)", () => {
  test("parses the declarations in prepare(), and its first cell reads none of them again", async () => {
    const fs = require("fs") as typeof import("fs");
    const session = new Session();
    try {
      session.prepare();
      // A second call finds the converter built.
      session.prepare();
      const read = jest.spyOn(fs, "readFileSync");
      try {
        const outcome = await session.execute("const n: number = [1, 2, 3].length; n * 2");
        expect(outcome).toEqual({ status: "ok", hasValue: true, value: 6 });
        const declarations = read.mock.calls.map(([file]) => String(file)).filter((file) => /lib\.es5\.d\.ts$|@types[\\/]node[\\/]globals\.d\.ts$/.test(file));
        expect(declarations).toEqual([]);
      } finally {
        read.mockRestore();
      }
      // Type errors are still found against those declarations.
      const wrong = await session.execute(`const s: string = [1, 2].length;`);
      expect(wrong.status).toBe("error");
      expect(wrong.status === "error" && wrong.evalue).toMatch(/Type 'number' is not assignable to type 'string'/);
    } finally {
      session.close();
    }
  });
});
