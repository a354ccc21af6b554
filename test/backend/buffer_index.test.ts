/**
 * src/backend/buffer_index.ts: on the wasm and cpu backends the engine's tensorInfo and the backend's
 * dataId table live in slots of each dataId instead of WeakMaps. They must behave as the WeakMaps did:
 * the engine's counts return to where they were once tensors are disposed (through tfjs and through
 * torchlab's finalizers), a buffer shared by a reshape outlives the first dispose, values read back,
 * and the tables are swapped only while empty.
 */
import { tf } from "../../src/backend/tf";
import { indexBuffersOnIds } from "../../src/backend/buffer_index";
import { collectNow } from "../../src/backend/memory";
import { torch } from "../../src";

beforeAll(async () => {
  await torch.ready();
});

interface Tables {
  state: { tensorInfo: { has(k: object): boolean; get(k: object): unknown } };
  backend: { dataIdMap?: { data: { has(k: object): boolean } }; data?: { data: { has(k: object): boolean } } };
}

const engine = (): Tables => tf.engine() as unknown as Tables;
/** The backend's DataStorage table: wasm's `dataIdMap`, the cpu backend's `data`. */
const backendTable = (): { has(k: object): boolean } => (engine().backend.dataIdMap ?? engine().backend.data)!.data;

test("the active backend's tables are the dataId-slot tables, not WeakMaps", () => {
  expect(["wasm", "cpu"]).toContain(tf.getBackend());
  expect(engine().state.tensorInfo).not.toBeInstanceOf(WeakMap);
  expect(backendTable()).not.toBeInstanceOf(WeakMap);
});

test("tfjs tensors: entries appear on creation and go on dispose; a reshape keeps the shared buffer", () => {
  const before = tf.memory();
  const a = tf.tensor1d([1, 2, 3, 4]);
  const info = engine().state.tensorInfo;
  expect(info.has(a.dataId)).toBe(true);
  expect(info.get(a.dataId)).toMatchObject({ dtype: "float32", shape: [4], bytes: 16 });
  expect(backendTable().has(a.dataId)).toBe(true);
  const r = tf.reshape(a, [2, 2]);
  expect(r.dataId).toBe(a.dataId);
  a.dispose();
  expect(Array.from(r.dataSync())).toEqual([1, 2, 3, 4]);
  expect(info.has(r.dataId)).toBe(true);
  r.dispose();
  expect(info.has(r.dataId)).toBe(false);
  expect(backendTable().has(r.dataId)).toBe(false);
  const y = tf.tidy(() => tf.add(tf.mul(tf.tensor1d([1, 2]), 2), 1));
  expect(Array.from(y.dataSync())).toEqual([3, 5]);
  y.dispose();
  const after = tf.memory();
  expect(after.numTensors).toBe(before.numTensors);
  expect(after.numBytes).toBe(before.numBytes);
  expect((after as unknown as { numDataBuffers: number }).numDataBuffers).toBe((before as unknown as { numDataBuffers: number }).numDataBuffers);
});

test("torchlab tensors freed by their finalizers leave the engine's counts where they were", async () => {
  const run = (): number => {
    const w = torch.randn(8, 8).requires_grad_();
    const loss = w.matmul(w).relu().sum();
    loss.backward();
    return loss.item();
  };
  run();
  collectNow();
  await new Promise((r) => setImmediate(r));
  const before = tf.memory().numTensors;
  for (let i = 0; i < 20; i++) run();
  collectNow();
  await new Promise((r) => setImmediate(r));
  expect(tf.memory().numTensors).toBe(before);
});

test("the tables are swapped only while empty, and only from WeakMaps", () => {
  const fresh = () => ({ state: { tensorInfo: new WeakMap<object, unknown>(), numDataBuffers: 0 }, backend: { dataIdMap: { data: new WeakMap<object, unknown>(), numDataIds: () => 0 } } });
  const busy = fresh();
  busy.state.numDataBuffers = 1;
  expect(indexBuffersOnIds(busy, busy.backend)).toBe(false);
  expect(busy.state.tensorInfo).toBeInstanceOf(WeakMap);
  const noBackendTable = fresh();
  expect(indexBuffersOnIds(noBackendTable, {})).toBe(false);
  expect(noBackendTable.state.tensorInfo).toBeInstanceOf(WeakMap);
  const ok = fresh();
  expect(indexBuffersOnIds(ok, ok.backend)).toBe(true);
  // A second call finds no WeakMap to replace.
  expect(indexBuffersOnIds(ok, ok.backend)).toBe(false);
  // The replacement behaves as the WeakMap did for get / set / has / delete, per table.
  const info = ok.state.tensorInfo as unknown as WeakMap<object, unknown>;
  const data = ok.backend.dataIdMap.data as unknown as WeakMap<object, unknown>;
  const id = { id: 1 };
  expect(info.has(id)).toBe(false);
  expect(info.get(id)).toBeUndefined();
  info.set(id, { bytes: 4 });
  expect(info.has(id)).toBe(true);
  expect(data.has(id)).toBe(false);
  data.set(id, { refCount: 1 });
  expect(info.get(id)).toEqual({ bytes: 4 });
  expect(data.get(id)).toEqual({ refCount: 1 });
  expect(info.delete(id)).toBe(true);
  expect(info.delete(id)).toBe(false);
  expect(info.has(id)).toBe(false);
  expect(data.has(id)).toBe(true);
});
