/**
 * A cell stopped by SIGINT inside a scope leaves the session as PyTorch's KeyboardInterrupt does:
 * V8 terminates the cell without running any `finally`, so the kernel unwinds what the cell left
 * open (src/backend/scopes.ts): grad mode is back to its value at the cell's start, new results
 * require grad again, and tfjs scopes the cell was inside are ended with their tensors released.
 * An exception (not an interrupt) inside no_grad restores grad mode by itself.
 * The rest of what a stopped cell was inside is put back or released too: a record_function range, the
 * kernel guard's state (and buffers a stopped kernel wrote), its Error.prepareStackTrace, checkpoint's
 * random stream, lr_scheduler's within-step flag, a tqdm bar (closed), a backward sweep's gradients and an
 * autograd.Function's inner scopes; torch.save and save_image stopped mid-write keep the previous file.
 * Runs the built kernel's Session in a child process (a SIGINT must reach no jest worker).
 */
import { spawn } from "child_process";
import * as path from "path";

const SESSION_JS = path.resolve(__dirname, "../../dist/kernel/session.js");

/** A cell that writes `tag` and then spins for 15 s, so that a SIGINT lands inside it. */
const spin = (tag: string, inside = "") =>
  `process.stdout.write("spinning ${tag}\\n"); const t0 = Date.now(); while (Date.now() - t0 < 15000) { ${inside} }`;

const CELLS: [string, string][] = [
  ["import", `import { torch, torchvision, display } from "torchlab";
import { tf } from "torchlab/dist/src/backend/tf";
import { reclaim } from "torchlab/dist/src/backend/memory";
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
  ["profiler start", "const prof = torch.profiler.profile(); prof.start();"],
  ["record_function", `torch.profiler.record_function("spin", () => { ${spin("record_function")} });`],
  ["profiler stop", "torch.relu(x); prof.stop(); prof.events().map((e) => [e.name, e.cpu_time_total > 0, e.children.length])"],
  ["kernel setup", `const backendObj = tf.backend() as unknown as { write(v: Float32Array, s: number[], d: string): object; numDataIds(): number };
tf.registerKernel({ kernelName: "TorchlabTestSpin", backendName: tf.getBackend(), kernelFunc: () => { ${spin("kernel")} return null as never; } });
tf.registerKernel({ kernelName: "TorchlabTestFail", backendName: tf.getBackend(), kernelFunc: () => { backendObj.write(new Float32Array(1000), [1000], "float32"); throw new Error("failed after writing"); } });`],
  ["kernel", `tf.engine().runKernel("TorchlabTestSpin", {}, {});`],
  ["buffers left by failing kernels", `const ids0 = backendObj.numDataIds();
for (let i = 0; i < 3; i++) { try { tf.engine().runKernel("TorchlabTestFail", {}, {}); } catch {} }
backendObj.numDataIds() - ids0`],
  ["out of memory setup", `const limit0 = Error.stackTraceLimit;
let prepare = Error.prepareStackTrace;
const prepare0 = prepare;
let armed = false;
// The guard replaces Error.prepareStackTrace to find the op that ran out of memory: the SIGINT lands
// while V8 formats that stack with it (the getter is read then).
Object.defineProperty(Error, "prepareStackTrace", { configurable: true, get: () => { if (armed && prepare !== prepare0) { ${spin("out of memory")} } return prepare; }, set: (v) => { prepare = v; } });
tf.registerKernel({ kernelName: "TorchlabTestOOM", backendName: tf.getBackend(), kernelFunc: () => { throw new RangeError("Array buffer allocation failed"); } });`],
  ["out of memory", `armed = true; tf.engine().runKernel("TorchlabTestOOM", {}, {});`],
  ["after out of memory", `armed = false;
const stackType = typeof new Error("probe").stack;
Object.defineProperty(Error, "prepareStackTrace", { configurable: true, writable: true, value: prepare });
[stackType, Error.stackTraceLimit === limit0]`],
  ["checkpoint setup", `let slowRecompute = false;
const xc = torch.randn(4, { requires_grad: true });
const yc = torch.utils.checkpoint.checkpoint((t: any) => { if (slowRecompute) { ${spin("checkpoint")} } return t.mul(2); }, xc);`],
  ["checkpoint backward", "slowRecompute = true; torch.manual_seed(5); yc.sum().backward();"],
  ["random stream after checkpoint", `slowRecompute = false;
const drawn = torch.randn(3).tolist();
torch.manual_seed(5);
JSON.stringify(drawn) === JSON.stringify(torch.randn(3).tolist())`],
  ["scheduler setup", `let slowLambda = false;
const sgd = new torch.optim.SGD([w], { lr: 0.1 });
const sched = new torch.optim.lr_scheduler.LambdaLR(sgd, (e: number) => { if (slowLambda) { ${spin("lr_lambda")} } return 1 / (e + 1); });`],
  ["scheduler step", "slowLambda = true; sgd.step(); sched.step();"],
  ["after scheduler step", "slowLambda = false; sched.state_dict()._get_lr_called_within_step"],
  ["tqdm setup", "const barLines: string[] = []; const barSink = { write: (t: string) => barLines.push(t) };"],
  ["tqdm", `for (const i of display.tqdm([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { file: barSink })) { if (i === 3) { ${spin("tqdm")} } }`],
  ["after tqdm", "[barLines[barLines.length - 1].endsWith(\"\\n\"), barLines[barLines.length - 1].includes(\" 3/10 \")]"],
  ["function backward setup", `class SlowBackward extends torch.autograd.Function {
  static forward(ctx: any, t: any) { return t.mul(2); }
  static backward(ctx: any, g: any) { tf.tidy(() => { tf.ones([1000]); tf.ones([1000]); ${spin("function backward")} }); return g.mul(2); }
}
const yf = (SlowBackward.apply(w) as any).sum();`],
  ["function backward", "reclaim(); before = tf.memory().numTensors; yf.backward();"],
  // reclaim(): the wrappers the stopped backward dropped (its gradient argument) are freed by GC.
  ["leaked by function backward", "reclaim(); tf.memory().numTensors - before"],
  ["after function backward", "state()"],
  ["files", `import * as fs from "fs";
import * as os from "os";
import * as path from "path";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-interrupt-"));
const model = path.join(dir, "model.pt");
const picture = path.join(dir, "picture.png");
torch.save({ w }, model);
torchvision.utils.save_image(torch.zeros(3, 4, 4), picture);
const originals = [fs.readFileSync(model), fs.readFileSync(picture)];
const nodeFs = require("fs");
const write = nodeFs.writeSync;
// A disk that writes half of what it is given and then hangs: the SIGINT lands mid-file.
const hang = (tag: string) => (fd: number, b: Uint8Array, off: number, len: number) => { write(fd, b, off, Math.ceil(len / 2)); process.stdout.write("spinning " + tag + "\\n"); const t0 = Date.now(); while (Date.now() - t0 < 15000) {} return 0; };
const intact = () => { nodeFs.writeSync = write; return [Buffer.compare(fs.readFileSync(model), originals[0]) === 0, Buffer.compare(fs.readFileSync(picture), originals[1]) === 0, fs.readdirSync(dir).sort()]; };`],
  ["save", "nodeFs.writeSync = hang(\"save\"); torch.save({ w, x }, model);"],
  ["after save", "intact()"],
  ["save_image", "nodeFs.writeSync = hang(\"save_image\"); torchvision.utils.save_image(torch.ones(3, 64, 64), picture);"],
  ["after save_image", "intact()"],
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

test("a record_function range stopped midway is ended: later ops are not recorded inside it", () => {
  expect(outcomes["record_function"]).toMatchObject(interrupted);
  expect(outcomes["profiler stop"].value).toEqual([["spin", true, 0], ["aten::relu", true, 0]]);
});

test("a cell stopped inside a backend kernel leaves the kernel guard idle: a later failing kernel's buffers are freed", () => {
  expect(outcomes["kernel"]).toMatchObject(interrupted);
  expect(outcomes["buffers left by failing kernels"]).toEqual({ status: "ok", hasValue: true, value: 0 });
});

test("a cell stopped while the guard names the op that ran out of memory leaves error stacks as text", () => {
  expect(outcomes["out of memory"]).toMatchObject(interrupted);
  expect(outcomes["after out of memory"].value).toEqual(["string", true]);
});

test("a checkpoint's recompute stopped midway gives the random stream back where backward found it", () => {
  expect(outcomes["checkpoint backward"]).toMatchObject(interrupted);
  expect(outcomes["random stream after checkpoint"].value).toBe(true);
});

test("an lr_lambda stopped inside scheduler.step() leaves _get_lr_called_within_step off, as PyTorch's with-block does", () => {
  expect(outcomes["scheduler step"]).toMatchObject(interrupted);
  expect(outcomes["after scheduler step"].value).toBe(false);
});

test("a tqdm loop stopped midway closes its bar: the final meter (3/10) ends its line", () => {
  expect(outcomes["tqdm"]).toMatchObject(interrupted);
  expect(outcomes["after tqdm"].value).toEqual([true, true]);
});

test("a backward stopped inside an autograd.Function's tidy releases the tidy's tensors and the sweep's gradients in flight", () => {
  expect(outcomes["function backward"]).toMatchObject(interrupted);
  expect(outcomes["leaked by function backward"]).toEqual({ status: "ok", hasValue: true, value: 0 });
  expect(outcomes["after function backward"].value).toMatchObject({ grad: true, tfScopes: 0 });
});

test("torch.save and save_image stopped halfway through the write leave the previous files and no temporary", () => {
  expect(outcomes["files"]).toEqual({ status: "ok", hasValue: false });
  expect(outcomes["save"]).toMatchObject(interrupted);
  expect(outcomes["after save"].value).toEqual([true, true, ["model.pt", "picture.png"]]);
  expect(outcomes["save_image"]).toMatchObject(interrupted);
  expect(outcomes["after save_image"].value).toEqual([true, true, ["model.pt", "picture.png"]]);
});
