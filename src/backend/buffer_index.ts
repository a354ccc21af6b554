/**
 * tfjs keeps two tables keyed by each buffer's dataId: the engine's `state.tensorInfo` and the
 * backend's `dataIdMap`, both WeakMaps, and writes one entry in each for every kernel output.
 *
 * A WeakMap is a V8 ephemeron table. Once the table is in the old generation, storing a young key
 * (every fresh dataId is young) takes V8's slow ephemeron write barrier, a C++ call that records the
 * slot in a hash set under a lock, and every scavenge walks those records again. Raw tfjs code
 * escapes it by accident: a tidy frees all of its tensors at once, the tables shrink and grow each
 * step and are reallocated young. Under torchlab a few hundred buffers wait for their wrappers'
 * finalizers between major GCs (the collector frees them, not a tidy), the tables stay past 256
 * entries, V8 then allocates them old, and every kernel output pays the slow barrier: in the batch-4
 * classifier's step the two set() calls took ~1.6 us each against ~0.2 us in the same model written
 * in raw tfjs (CPU profile, 3000 steps), ~4% of the step.
 *
 * Both tables become a property of the dataId object itself instead (a symbol-keyed slot per
 * table): a lookup is a property load, a store into a fresh dataId takes no write barrier at all,
 * and an entry still lives exactly as long as its dataId, as in the WeakMap, so an undisposed
 * tensor's bookkeeping (and, on the cpu backend, its values) is still collected with it.
 * Measured on that step (perf samples of the main thread over 1600 steps, one wasm thread): the
 * samples under the tables' code (trackTensor, DataStorage, the WeakMap builtins, the ephemeron
 * barrier and its scavenge work) fell from 5.2% of the step to 1.2% (Maps instead: 2.1%).
 */

interface Table {
  get(key: object): unknown;
  set(key: object, value: unknown): unknown;
  has(key: object): boolean;
  delete(key: object): boolean;
}

type Keyed = Record<symbol, unknown>;

// One class per table, each with its own constant slot, so that every property access below sees a
// single key (a shared method reading `key[this.slot]` would see two and go megamorphic).
const INFO = Symbol("torchlab: engine tensorInfo");
const DATA = Symbol("torchlab: backend data");

/** The engine's tensorInfo as a WeakMap's get/set/has/delete over the dataId's INFO slot (values are never undefined). */
class InfoTable implements Table {
  get(key: object): unknown {
    return (key as Keyed)[INFO];
  }
  set(key: object, value: unknown): this {
    (key as Keyed)[INFO] = value;
    return this;
  }
  has(key: object): boolean {
    return (key as Keyed)[INFO] !== undefined;
  }
  delete(key: object): boolean {
    if ((key as Keyed)[INFO] === undefined) return false;
    (key as Keyed)[INFO] = undefined;
    return true;
  }
}

/** The backend's DataStorage table, the same over the DATA slot. */
class DataTable implements Table {
  get(key: object): unknown {
    return (key as Keyed)[DATA];
  }
  set(key: object, value: unknown): this {
    (key as Keyed)[DATA] = value;
    return this;
  }
  has(key: object): boolean {
    return (key as Keyed)[DATA] !== undefined;
  }
  delete(key: object): boolean {
    if ((key as Keyed)[DATA] === undefined) return false;
    (key as Keyed)[DATA] = undefined;
    return true;
  }
}

interface EngineTables {
  state: { tensorInfo: Table; numDataBuffers: number };
}

interface DataStorageLike {
  data: Table;
  numDataIds(): number;
}

/** The wasm backend names its DataStorage `dataIdMap`, the cpu backend `data`. */
interface BackendTables {
  dataIdMap?: DataStorageLike;
  data?: DataStorageLike;
}

/**
 * Replaces the engine's and the backend's dataId tables (a tfjs DataStorage: the wasm and cpu
 * backends) with property tables, when both are still empty (an entry of a WeakMap cannot be
 * moved: its keys cannot be listed). Returns whether it did.
 */
export function indexBuffersOnIds(engine: EngineTables, backend: BackendTables): boolean {
  const storage = backend.dataIdMap ?? backend.data;
  if (storage === undefined || !(storage.data instanceof WeakMap) || !(engine.state.tensorInfo instanceof WeakMap)) return false;
  if (engine.state.numDataBuffers !== 0 || storage.numDataIds() !== 0) return false;
  engine.state.tensorInfo = new InfoTable();
  storage.data = new DataTable();
  return true;
}
