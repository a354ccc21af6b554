/**
 * torch.get_num_threads / torch.set_num_threads as in PyTorch: the default is the cores available
 * (or OMP_NUM_THREADS), the count is chosen before the backend starts, the backend line reports it,
 * and a script on the threaded wasm backend exits by itself when its work is done.
 */
import { spawnSync } from "child_process";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";

type Torch = typeof torch;

function freshTorch(): Torch {
  let t: Torch | null = null;
  jest.isolateModules(() => {
    t = (require("../../src") as { torch: Torch }).torch;
  });
  return t!;
}

const cores = (): number => {
  const omp = Number(process.env.OMP_NUM_THREADS);
  if (Number.isInteger(omp) && omp > 0) return omp;
  return (os as { availableParallelism?: () => number }).availableParallelism?.() ?? os.cpus().length;
};

describe("get_num_threads / set_num_threads", () => {
  test("before ready(), the default is the available cores (PyTorch's default)", () => {
    expect(freshTorch().get_num_threads()).toBe(cores());
  });

  test("set_num_threads(1) before ready() starts the backend with one thread", async () => {
    const t = freshTorch();
    t.set_num_threads(1);
    expect(t.get_num_threads()).toBe(1);
    const line = await t.ready();
    if (line.startsWith("wasm")) expect(line).toMatch(/\(SIMD, 1 thread\)/);
    expect(t.get_num_threads()).toBe(1);
    expect(t.ones(2, 2).matmul(t.ones(2, 2)).sum().item()).toBe(8);
  });

  test("the wasm backend runs the default count and says so in torch.backend()", async () => {
    const t = freshTorch();
    const line = await t.ready();
    if (!line.startsWith("wasm")) return;
    const n = Math.min(cores(), 8);
    expect(t.get_num_threads()).toBe(n);
    expect(line).toContain(`(SIMD, ${n} thread${n === 1 ? "" : "s"})`);
    // A convolution big enough to be split across the pool gives the single-threaded result.
    t.manual_seed(0);
    const x = t.randn(8, 16, 20, 20);
    const w = t.randn(32, 16, 3, 3);
    const y = t.nn.functional.conv2d(x, w, null, 1, 1);
    const one = freshTorch();
    one.set_num_threads(1);
    await one.ready();
    const y1 = one.nn.functional.conv2d(one.from_typed(x.dataSync() as Float32Array, x.shape), one.from_typed(w.dataSync() as Float32Array, w.shape), null, 1, 1);
    const a = y.dataSync();
    const b = y1.dataSync();
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    expect(worst).toBeLessThan(1e-3);
  });

  test("asking a started backend for another count is a RuntimeError that says when to call it", async () => {
    const t = freshTorch();
    await t.ready();
    const n = t.get_num_threads();
    expect(() => t.set_num_threads(n)).not.toThrow();
    expect(() => t.set_num_threads(n + 1)).toThrow(t.RuntimeError);
    expect(() => t.set_num_threads(n + 1)).toThrow(/before `await torch\.ready\(\)`/);
  });

  test("bad arguments are PyTorch's errors", () => {
    const t = freshTorch();
    expect(() => t.set_num_threads(0)).toThrow("set_num_threads expects a positive integer");
    expect(() => t.set_num_threads(-2)).toThrow(t.RuntimeError);
    expect(() => t.set_num_threads(1.5)).toThrow(t.TypeError);
    expect(() => t.set_num_threads("2" as unknown as number)).toThrow(t.TypeError);
  });
});

describe("process exit", () => {
  test("a training script on the default backend exits by itself, and defines no global Worker", () => {
    const dist = path.join(__dirname, "..", "..", "dist", "src");
    const script = `
      const { torch } = require(${JSON.stringify(dist)});
      (async () => {
        await torch.ready();
        const net = new torch.nn.Sequential(new torch.nn.Conv2d(1, 8, 3), new torch.nn.ReLU(), new torch.nn.Flatten(), new torch.nn.Linear(8 * 26 * 26, 10));
        const opt = new torch.optim.SGD(net.parameters(), { lr: 0.01 });
        for (let i = 0; i < 3; i++) {
          opt.zero_grad();
          const loss = new torch.nn.CrossEntropyLoss()(net(torch.randn(16, 1, 28, 28)), torch.randint(0, 10, [16]));
          loss.backward();
          opt.step();
        }
        console.log(JSON.stringify({ backend: torch.backend(), threads: torch.get_num_threads(), worker: typeof Worker }));
      })();`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 60000 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout.trim().split("\n").pop() as string);
    expect(out.worker).toBe("undefined");
    expect(out.threads).toBeGreaterThanOrEqual(1);
  });
});
