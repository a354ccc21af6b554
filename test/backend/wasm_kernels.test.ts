/**
 * The kernels torchlab registers for the wasm backend (src/backend/wasm_kernels.ts) against the
 * cpu backend's own kernels on the same inputs. Runs under any TORCHLAB_BACKEND: it loads wasm
 * itself, and restores the backend the suite was using.
 */
import { tf } from "../../src/backend/tf";
import { sliceTf, registerWasmKernels } from "../../src/backend/wasm_kernels";

async function on<T>(backend: string, fn: () => T): Promise<T> {
  const before = tf.getBackend();
  await tf.setBackend(backend);
  await tf.ready();
  try {
    return fn();
  } finally {
    await tf.setBackend(before);
    await tf.ready();
  }
}

function segmentSum(values: number[], shape: number[], dtype: "float32" | "int32", ids: number[], n: number): { shape: number[]; dtype: string; data: number[] } {
  return tf.tidy(() => {
    const r = tf.unsortedSegmentSum(tf.tensor(values, shape, dtype), tf.tensor1d(ids, "int32"), n);
    return { shape: r.shape, dtype: r.dtype, data: Array.from(r.dataSync()) };
  });
}

const cases: [string, number[], number[], "float32" | "int32", number[], number][] = [
  ["1-D with repeated ids", [1.5, -2, 3.25, 4, 5], [5], "float32", [0, 2, 0, 1, 2], 3],
  ["2-D rows into more segments than ids", Array.from({ length: 12 }, (_, i) => i * 0.5 - 2), [4, 3], "float32", [3, 3, 0, 5], 6],
  ["3-D inner blocks", Array.from({ length: 24 }, (_, i) => Math.sin(i)), [3, 2, 4], "float32", [1, 0, 1], 2],
  ["ids out of range are dropped", [1, 2, 3, 4], [4], "float32", [0, -1, 5, 1], 2],
  ["int32 values", [1, 2, 3, 4, 5, 6], [3, 2], "int32", [1, 1, 0], 2],
  ["empty segment list", [1, 2], [2], "float32", [1, 1], 3],
];

describe("wasm UnsortedSegmentSum (gradient of gather / index_select)", () => {
  beforeAll(async () => {
    require("@tensorflow/tfjs-backend-wasm");
    registerWasmKernels();
  });

  test("is registered for wasm only where tfjs lacks it", () => {
    const wasm = tf.getKernelsForBackend("wasm").map((k) => k.kernelName);
    expect(wasm).toContain("UnsortedSegmentSum");
    expect(tf.getKernelsForBackend("cpu").map((k) => k.kernelName)).toContain("UnsortedSegmentSum");
  });

  test.each(cases)("%s: wasm equals cpu", async (_name, values, shape, dtype, ids, n) => {
    const onWasm = await on("wasm", () => segmentSum(values, shape, dtype, ids, n));
    const onCpu = await on("cpu", () => segmentSum(values, shape, dtype, ids, n));
    expect(onWasm.shape).toEqual(onCpu.shape);
    // TensorFlow's op keeps x's dtype; tfjs's cpu kernel returns float32 for int32 input (a cast in its
    // implementation), so the dtype is checked against x and the values against cpu.
    expect(onWasm.dtype).toBe(dtype);
    onWasm.data.forEach((v, i) => expect(v).toBeCloseTo(onCpu.data[i], 5));
  });
});

describe("wasm TorchlabSlice (every slice torchlab takes, copied run by run inside the heap)", () => {
  beforeAll(async () => {
    require("@tensorflow/tfjs-backend-wasm");
    registerWasmKernels();
  });
  type Box = [string, number[] | boolean[], number[], "float32" | "int32" | "bool", number[], number[]];
  const viaKernel = (values: number[] | boolean[], shape: number[], dtype: Box[3], begin: number[], size: number[]) =>
    tf.tidy(() => {
      const r = sliceTf(tf.tensor(values as number[], shape, dtype), begin, size);
      return { shape: r.shape, dtype: r.dtype, data: Array.from(r.dataSync() as ArrayLike<number>) };
    });
  const viaTf = (values: number[] | boolean[], shape: number[], dtype: Box[3], begin: number[], size: number[]) =>
    tf.tidy(() => {
      const r = tf.slice(tf.tensor(values as number[], shape, dtype), begin, size);
      return { shape: r.shape, dtype: r.dtype, data: Array.from(r.dataSync() as ArrayLike<number>) };
    });
  const seq = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));
  const boxes: Box[] = [
    ["a middle row of a float matrix", seq(24, (i) => i * 0.25 - 3), [4, 6], "float32", [2, 0], [1, 6]],
    ["the last row", seq(24, Math.cos), [4, 6], "float32", [3, 0], [1, 6]],
    ["two rows of a 3-D int tensor", seq(60, (i) => i - 30), [5, 3, 4], "int32", [1, 0, 0], [2, 3, 4]],
    ["a bool row (one byte per element)", [true, false, false, true, true, true], [3, 2], "bool", [1, 0], [1, 2]],
    ["an empty row", [], [3, 0], "float32", [1, 0], [1, 0]],
    ["a column (one element per run)", seq(24, (i) => i * 1.5), [4, 6], "float32", [0, 4], [4, 1]],
    ["columns 1:4 of every row", seq(24, (i) => i), [4, 6], "int32", [0, 1], [4, 3]],
    ["a box inside a 4-D tensor", seq(2 * 3 * 4 * 5, (i) => Math.sin(i)), [2, 3, 4, 5], "float32", [1, 1, 2, 1], [1, 2, 2, 3]],
    ["a box that keeps the last dims whole", seq(2 * 3 * 4 * 5, (i) => i), [2, 3, 4, 5], "int32", [0, 1, 0, 0], [2, 2, 4, 5]],
    ["bool columns", seq(30, (i) => i % 3).map((v) => v === 1), [5, 6], "bool", [1, 2], [3, 3]],
    ["a 1-D range", seq(10, (i) => i * i), [10], "float32", [3], [4]],
    ["the whole tensor", seq(12, (i) => -i), [3, 4], "float32", [0, 0], [3, 4]],
    ["an empty range in the middle dim", seq(24, (i) => i), [2, 3, 4], "float32", [0, 1, 0], [2, 0, 4]],
  ];
  test.each(boxes)("%s equals the cpu backend's slice", async (_name, values, shape, dtype, begin, size) => {
    const got = await on("wasm", () => viaKernel(values, shape, dtype, begin, size));
    const want = await on("cpu", () => viaTf(values, shape, dtype, begin, size));
    expect(got).toEqual(want);
  });
  test("its gradient is tf.slice's (zeros around the box), for forward-mode AD and create_graph", async () => {
    const values = seq(2 * 3 * 4, (i) => i * 0.5);
    const dyValues = seq(1 * 2 * 2, (i) => i + 1);
    const got = await on("wasm", () =>
      tf.tidy(() => {
        const g = tf.grad((v: tf.Tensor) => sliceTf(v, [1, 1, 1], [1, 2, 2]))(tf.tensor(values, [2, 3, 4]), tf.tensor(dyValues, [1, 2, 2]));
        return { shape: g.shape, data: Array.from(g.dataSync()) };
      }),
    );
    // tf.slice's gradient: dy placed at the box, zeros elsewhere.
    const want = await on("cpu", () =>
      tf.tidy(() => {
        const g = tf.pad(tf.tensor(dyValues, [1, 2, 2]), [[1, 0], [1, 0], [1, 1]]);
        return { shape: g.shape, data: Array.from(g.dataSync()) };
      }),
    );
    expect(got).toEqual(want);
  });
  test("a size of -1 is the rest of that dim, as tf.slice's", async () => {
    const values = seq(24, (i) => i);
    const got = await on("wasm", () => viaKernel(values, [4, 6], "float32", [1, 2], [-1, -1]));
    const want = await on("cpu", () => viaTf(values, [4, 6], "float32", [1, 2], [-1, -1]));
    expect(got).toEqual(want);
  });
  test("torch's x[i], x[a:b], narrow, x[:, j] and chunk on wasm read nothing out of the heap (the backend's Slice copied the whole tensor)", async () => {
    const { torch } = require("../../src") as typeof import("../../src");
    await on("wasm", async () => {
      const x = torch.arange(20000 * 8, { dtype: torch.float32 }).view(20000, 8);
      const backend = tf.backend() as unknown as { readSync: (...a: unknown[]) => unknown };
      const read = jest.spyOn(backend, "readSync");
      const row = x.get(12345);
      const plane = x.view(1, 20000, 8).select(1, 7);
      const range = x.index("100:103");
      const narrowed = x.narrow(1, 2, 3);
      const column = x.index(":, 5");
      const chunks = x.chunk(4, 0);
      expect(read).not.toHaveBeenCalled();
      read.mockRestore();
      expect(row.tolist()).toEqual(seq(8, (k) => 12345 * 8 + k));
      expect(plane.tolist()).toEqual([seq(8, (k) => 56 + k)]);
      expect(range.tolist()).toEqual(seq(3, (r) => seq(8, (k) => (100 + r) * 8 + k)));
      expect((narrowed.index("19999").tolist())).toEqual([19999 * 8 + 2, 19999 * 8 + 3, 19999 * 8 + 4]);
      expect(column.shape).toEqual([20000]);
      expect(column.index("7").item()).toBe(7 * 8 + 5);
      expect(chunks[3].index("0, 0").item()).toBe(15000 * 8);
    });
  });
});

describe("a cell stopped inside the wasm backend's disposeData", () => {
  beforeAll(async () => {
    require("@tensorflow/tfjs-backend-wasm");
    registerWasmKernels();
  });
  // tfjs-backend-wasm's disposeData counts down, frees the buffer, then drops the map's entry; a SIGINT in
  // between left the entry at count 0, the unwind's endScope freed it again and the allocator's next free
  // spun for ever (interrupt_scopes' op loop hung the kernel in 1-2 of 6 runs).
  test("the unwind drops a half-disposed buffer's entry instead of freeing it a second time", async () => {
    const { mark, unwind } = require("../../src/backend/scopes") as typeof import("../../src/backend/scopes");
    await on("wasm", () => {
      const m = mark();
      tf.engine().startScope();
      const t = tf.ones([1000]);
      const kept = tf.ones([10]);
      const backend = tf.backend() as unknown as { dataIdMap: { get(id: object): { refCount: number; memoryOffset: number }; has(id: object): boolean }; wasm: { _free(p: number): void } };
      const data = backend.dataIdMap.get(t.dataId);
      // What disposeData leaves when stopped after its free and before its map's delete.
      data.refCount = 0;
      const free = jest.spyOn(backend.wasm, "_free");
      unwind(m);
      const freed = free.mock.calls.map(([p]) => p);
      free.mockRestore();
      expect(freed).not.toContain(data.memoryOffset);
      expect(backend.dataIdMap.has(t.dataId)).toBe(false);
      // The scope's other tensors are released as an ending tidy releases them.
      expect(kept.isDisposed).toBe(true);
      expect(freed.length).toBeGreaterThan(0);
    });
  });
});
