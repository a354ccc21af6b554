/**
 * The kernels torchlab registers for the wasm backend (src/backend/wasm_kernels.ts) against the
 * cpu backend's own kernels on the same inputs. Runs under any TORCHLAB_BACKEND: it loads wasm
 * itself, and restores the backend the suite was using.
 */
import { tf } from "../../src/backend/tf";
import { registerWasmKernels } from "../../src/backend/wasm_kernels";

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

describe("wasm TorchlabRows (x[i] / select of one entry, copied inside the heap)", () => {
  beforeAll(async () => {
    require("@tensorflow/tfjs-backend-wasm");
    registerWasmKernels();
  });
  const rowsOf = (values: number[] | boolean[], shape: number[], dtype: "float32" | "int32" | "bool", start: number, count: number) =>
    tf.tidy(() => {
      const x = tf.tensor(values as number[], shape, dtype);
      const r = tf.engine().runKernel("TorchlabRows", { x }, { start, count, shape: [count, ...shape.slice(1)] }) as tf.Tensor;
      return { shape: r.shape, dtype: r.dtype, data: Array.from(r.dataSync() as ArrayLike<number>) };
    });
  const sliced = (values: number[] | boolean[], shape: number[], dtype: "float32" | "int32" | "bool", start: number, count: number) =>
    tf.tidy(() => {
      const r = tf.slice(tf.tensor(values as number[], shape, dtype), [start, ...shape.slice(1).map(() => 0)], [count, ...shape.slice(1)]);
      return { shape: r.shape, dtype: r.dtype, data: Array.from(r.dataSync() as ArrayLike<number>) };
    });
  const rowCases: [string, number[] | boolean[], number[], "float32" | "int32" | "bool", number, number][] = [
    ["a middle row of a float matrix", Array.from({ length: 24 }, (_, i) => i * 0.25 - 3), [4, 6], "float32", 2, 1],
    ["the last row", Array.from({ length: 24 }, (_, i) => Math.cos(i)), [4, 6], "float32", 3, 1],
    ["two rows of a 3-D int tensor", Array.from({ length: 60 }, (_, i) => i - 30), [5, 3, 4], "int32", 1, 2],
    ["a bool row (one byte per element)", [true, false, false, true, true, true], [3, 2], "bool", 1, 1],
    ["an empty row", [], [3, 0], "float32", 1, 1],
  ];
  test.each(rowCases)("%s equals the cpu backend's slice", async (_name, values, shape, dtype, start, count) => {
    const got = await on("wasm", () => rowsOf(values, shape, dtype, start, count));
    const want = await on("cpu", () => sliced(values, shape, dtype, start, count));
    expect(got).toEqual(want);
  });
  test("torch's x[i] on wasm reads one row, not the whole tensor out of the heap (the backend's Slice did)", async () => {
    const { torch } = require("../../src") as typeof import("../../src");
    await on("wasm", async () => {
      const x = torch.arange(20000 * 8, { dtype: torch.float32 }).view(20000, 8);
      const backend = tf.backend() as unknown as { readSync: (...a: unknown[]) => unknown };
      const read = jest.spyOn(backend, "readSync");
      const row = x.get(12345);
      const plane = x.view(1, 20000, 8).select(1, 7);
      expect(read).not.toHaveBeenCalled();
      read.mockRestore();
      expect(row.tolist()).toEqual(Array.from({ length: 8 }, (_, k) => 12345 * 8 + k));
      expect(plane.tolist()).toEqual([Array.from({ length: 8 }, (_, k) => 56 + k)]);
    });
  });
});
