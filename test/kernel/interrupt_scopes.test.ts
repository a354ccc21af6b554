/**
 * A cell stopped by SIGINT inside a scope leaves the session as PyTorch's KeyboardInterrupt does:
 * V8 terminates the cell without running any `finally`, so the kernel unwinds what the cell left
 * open (src/backend/scopes.ts): grad mode is back to its value at the cell's start, new results
 * require grad again, and tfjs scopes the cell was inside are ended with their tensors released.
 * An exception (not an interrupt) inside no_grad restores grad mode by itself.
 * Runs the built kernel's Session in a child process (a SIGINT must reach no jest worker).
 */
import { spawn } from "child_process";
import * as path from "path";

const SESSION_JS = path.resolve(__dirname, "../../dist/kernel/session.js");

/** A cell that writes `tag` and then spins for 15 s, so that a SIGINT lands inside it. */
const spin = (tag: string, inside = "") =>
  `process.stdout.write("spinning ${tag}\\n"); const t0 = Date.now(); while (Date.now() - t0 < 15000) { ${inside} }`;

const CELLS: [string, string][] = [
  ["import", `import { torch } from "torchlab";
import { tf } from "torchlab/dist/src/backend/tf";
const backend = await torch.ready();`],
  ["setup", `const w = torch.ones(2, { requires_grad: true });
const x = torch.randn(64);
const state = () => {
  const tensors = tf.memory().numTensors;
  const tfScopes = (tf.engine() as unknown as { state: { scopeStack: unknown[] } }).state.scopeStack.length;
  return { grad: torch.is_grad_enabled(), requires_grad: w.mul(2).requires_grad, tfScopes, tensors };
};
let before = 0;`],
  ["no_grad", `torch.no_grad(() => { ${spin("no_grad")} });`],
  ["after no_grad", "state()"],
  ["enable_grad in no_grad", `torch.no_grad(() => torch.enable_grad(() => { ${spin("enable_grad in no_grad")} }));`],
  ["after enable_grad in no_grad", "state()"],
  ["grad off", "torch.set_grad_enabled(false);"],
  ["no_grad in enable_grad, grad off", `torch.enable_grad(() => torch.no_grad(() => { ${spin("no_grad in enable_grad, grad off")} }));`],
  ["after no_grad in enable_grad, grad off", "state()"],
  ["grad on", "torch.set_grad_enabled(true);"],
  ["op loop in no_grad", `torch.no_grad(() => { ${spin("op loop in no_grad", "x.softmax(0).mul(2).sum();")} });`],
  ["after op loop in no_grad", "state()"],
  ["count", "before = tf.memory().numTensors;"],
  ["tidy", `tf.tidy(() => { tf.ones([1000]); tf.ones([1000]); ${spin("tidy")} });`],
  ["leaked by tidy", "tf.memory().numTensors - before"],
  ["after tidy", "state()"],
  ["error in no_grad", `torch.no_grad(() => { throw new Error("boom"); });`],
  ["after error in no_grad", "state()"],
];

type Outcome = { status: string; hasValue?: boolean; value?: unknown; ename?: string; evalue?: string };

let outcomes: Record<string, Outcome>;

beforeAll(async () => {
  const script = `
    const { Session } = require(${JSON.stringify(SESSION_JS)});
    const session = new Session();
    process.on("SIGINT", () => session.interrupt());
    const cells = ${JSON.stringify(CELLS)};
    (async () => {
      const outcomes = {};
      for (const [name, code] of cells) outcomes[name] = await session.execute(code);
      process.stdout.write("@" + JSON.stringify(outcomes) + "\\n");
      session.close();
      process.exit(0);
    })();`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  let seen = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    const spinning = out.split("\n").filter((line) => line.startsWith("spinning ")).length;
    for (; seen < spinning; seen++) setTimeout(() => child.kill("SIGINT"), 300);
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code).toBe(0);
  outcomes = JSON.parse(out.split("\n").find((line) => line.startsWith("@"))!.slice(1));
}, 180000);

const interrupted = { status: "error", ename: "KeyboardInterrupt", evalue: "" };

test("the setup cells run", () => {
  expect(outcomes["import"]).toEqual({ status: "ok", hasValue: false });
  expect(outcomes["setup"]).toEqual({ status: "ok", hasValue: false });
});

test("a cell interrupted inside no_grad leaves grad mode on, and a new op's result requires grad", () => {
  expect(outcomes["no_grad"]).toMatchObject(interrupted);
  expect(outcomes["after no_grad"].value).toMatchObject({ grad: true, requires_grad: true, tfScopes: 0 });
});

test("a cell interrupted inside enable_grad nested in no_grad restores the mode from before both", () => {
  expect(outcomes["enable_grad in no_grad"]).toMatchObject(interrupted);
  expect(outcomes["after enable_grad in no_grad"].value).toMatchObject({ grad: true, requires_grad: true, tfScopes: 0 });
});

test("the mode restored is the cell's start's: off when the cell started with grad off", () => {
  expect(outcomes["no_grad in enable_grad, grad off"]).toMatchObject(interrupted);
  expect(outcomes["after no_grad in enable_grad, grad off"].value).toMatchObject({ grad: false, requires_grad: false, tfScopes: 0 });
});

test("a loop of ops (each in a tfjs tidy) interrupted inside no_grad leaves no tfjs scope open", () => {
  expect(outcomes["op loop in no_grad"]).toMatchObject(interrupted);
  expect(outcomes["after op loop in no_grad"].value).toMatchObject({ grad: true, requires_grad: true, tfScopes: 0 });
});

test("a tidy interrupted midway is ended: the tensors it made are released", () => {
  expect(outcomes["tidy"]).toMatchObject(interrupted);
  expect(outcomes["leaked by tidy"]).toEqual({ status: "ok", hasValue: true, value: 0 });
  expect(outcomes["after tidy"].value).toMatchObject({ grad: true, tfScopes: 0 });
});

test("an exception thrown inside no_grad restores grad mode (no interrupt involved)", () => {
  expect(outcomes["error in no_grad"]).toMatchObject({ status: "error", ename: "Error", evalue: "boom" });
  expect(outcomes["after error in no_grad"].value).toMatchObject({ grad: true, requires_grad: true, tfScopes: 0 });
});
