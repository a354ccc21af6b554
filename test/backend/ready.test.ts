/**
 * How a script starts: `await torch.ready()` picks the backend; using tensors before that is a
 * RuntimeError that says what to call; a forced TORCHLAB_BACKEND that is unknown or cannot load is
 * an error saying why and how to get it; torch.backend() is one line. Each scenario loads a fresh
 * copy of torchlab's modules (jest.isolateModules), as a new process would.
 */
import { torch } from "../../src";

type Torch = typeof torch;

function freshTorch(env: string | undefined): Torch {
  const saved = process.env.TORCHLAB_BACKEND;
  if (env === undefined) delete process.env.TORCHLAB_BACKEND;
  else process.env.TORCHLAB_BACKEND = env;
  let t: Torch | null = null;
  try {
    jest.isolateModules(() => {
      t = (require("../../src") as { torch: Torch }).torch;
    });
  } finally {
    if (saved === undefined) delete process.env.TORCHLAB_BACKEND;
    else process.env.TORCHLAB_BACKEND = saved;
  }
  return t!;
}

async function readyError(env: string): Promise<Error> {
  const t = freshTorch(env);
  process.env.TORCHLAB_BACKEND = env;
  try {
    await t.ready();
  } catch (e) {
    return e as Error;
  } finally {
    delete process.env.TORCHLAB_BACKEND;
  }
  throw new Error(`TORCHLAB_BACKEND=${env} did not fail`);
}

describe("before torch.ready()", () => {
  test("creating or using a tensor raises a RuntimeError that says to call `await torch.ready()`", () => {
    const t = freshTorch(undefined);
    expect(() => t.zeros(2)).toThrow(t.RuntimeError);
    expect(() => t.zeros(2)).toThrow(/no backend yet: run `await torch\.ready\(\)` once before using tensors/);
    expect(() => t.tensor([1, 2])).toThrow(/await torch\.ready\(\)/);
    expect(() => t.arange(3)).toThrow(/await torch\.ready\(\)/);
  });

  test("torch.backend() says that no backend is ready yet", () => {
    const t = freshTorch(undefined);
    expect(t.backend()).toBe("no backend yet: call `await torch.ready()`");
    expect(t.cuda.is_available()).toBe(false);
  });
});

describe("forced backends", () => {
  const saved = process.env.TORCHLAB_BACKEND;
  afterAll(() => {
    if (saved === undefined) delete process.env.TORCHLAB_BACKEND;
    else process.env.TORCHLAB_BACKEND = saved;
  });

  test("an unknown TORCHLAB_BACKEND is a ValueError naming the choices", async () => {
    const e = await readyError("metal");
    expect(e.name).toBe("ValueError");
    expect(e.message).toBe("TORCHLAB_BACKEND must be one of cuda, tensorflow, wasm, cpu; got 'metal'");
  });

  test("tensorflow without @tensorflow/tfjs-node says why and how to install it", async () => {
    const e = await readyError("tensorflow");
    expect(e.name).toBe("RuntimeError");
    expect(e.message).toMatch(/^TORCHLAB_BACKEND=tensorflow cannot be used: @tensorflow\/tfjs-node is not installed or failed to load/);
    expect(e.message).toMatch(/npm install @tensorflow\/tfjs-node@4\.22\.0/);
  });

  test("cuda without @tensorflow/tfjs-node-gpu says why and what it needs", async () => {
    const e = await readyError("cuda");
    expect(e.name).toBe("RuntimeError");
    expect(e.message).toMatch(/^TORCHLAB_BACKEND=cuda cannot be used: @tensorflow\/tfjs-node-gpu is not installed or failed to load/);
    expect(e.message).toMatch(/npm install @tensorflow\/tfjs-node-gpu@4\.22\.0.*CUDA 11\.2 and cuDNN 8\.1/);
  });

  test("a failed ready() can be retried", async () => {
    const t = freshTorch("metal");
    process.env.TORCHLAB_BACKEND = "metal";
    await expect(t.ready()).rejects.toThrow(/got 'metal'/);
    await expect(t.ready()).rejects.toThrow(/got 'metal'/);
    delete process.env.TORCHLAB_BACKEND;
  });
});

describe("after torch.ready()", () => {
  test("torch.backend() is one line: backend, device and versions", async () => {
    const line = torch.backend();
    expect(line).not.toMatch(/\n/);
    expect(line).toMatch(/^(wasm \((no )?SIMD, \d+ threads?\)|cpu \(pure JavaScript, slow\)|tensorflow \(.+\)) on (cpu|cuda) — tfjs-core 4\.22\.0, node v\d+\.\d+\.\d+$/);
    expect(await torch.ready()).toBe(line);
    const forced = process.env.TORCHLAB_BACKEND;
    if (forced) expect(line.startsWith(forced === "cuda" ? "tensorflow" : forced)).toBe(true);
    else expect(line.startsWith("wasm")).toBe(true);
  });

  test("ready() is idempotent and tensors work", async () => {
    const [a, b] = await Promise.all([torch.ready(), torch.ready()]);
    expect(a).toBe(b);
    expect(torch.tensor([1.5, 2.5]).sum().item()).toBe(4);
    expect(torch.cuda.is_available()).toBe(false);
    expect(String(torch.zeros(1).device)).toBe("cpu");
  });

  test("torch.cuda.manual_seed / manual_seed_all leave the default generator alone, as PyTorch's do without CUDA", () => {
    torch.manual_seed(42);
    const a = torch.rand(3);
    torch.manual_seed(42);
    torch.rand(1);
    torch.cuda.manual_seed(42);
    torch.cuda.manual_seed_all({ seed: 7 });
    expect(torch.rand(2).tolist()).toEqual(a.tolist().slice(1));
    expect(() => torch.cuda.manual_seed(Number.NaN)).toThrow("manual_seed expected a finite integer seed, got NaN");
  });

  test("torch.cuda.empty_cache() returns nothing and leaves tensors alone, as PyTorch's does without CUDA", () => {
    const t = torch.ones(2);
    expect(torch.cuda.empty_cache()).toBeUndefined();
    expect(t.tolist()).toEqual([1, 1]);
  });
});
