/**
 * Python's hash-and-== equality of dict keys and set items, where JavaScript's Map and Set compare by
 * identity (SameValueZero): `1`, `1.0` and `true` are one key, and tuples (arrays of such values,
 * `d[(i, j)]`, `Counter(zip(words, words[1:]))`) are equal by value. Other objects (tensors included,
 * as PyTorch hashes them) stay equal by identity. src/pyset.ts's set and {@link PyMap} (the dict that
 * `dict(pairs)`, Counter and defaultdict are) key by it.
 */

/** Python's hash-and-== identity of a key: a string for values equal by value, the object itself otherwise. */
export function keyOf(v: unknown): unknown {
  if (typeof v === "number" || typeof v === "boolean") return `n:${Number(v)}`;
  if (typeof v === "string") return `s:${v}`;
  if (v === null || v === undefined) return "None";
  if (Array.isArray(v)) {
    const parts = v.map(keyOf);
    if (parts.every((p) => typeof p === "string")) return `t:[${(parts as string[]).join(",")}]`;
    // A list is unhashable in Python; a tuple of objects hashes its items by identity, which a key string cannot say.
    return v;
  }
  return v;
}

/** Whether a key needs the index: a bool or a tuple, which JavaScript's Map would tell apart from an equal key. */
const byValue = (k: unknown): boolean => typeof k === "boolean" || typeof k === "number" || Array.isArray(k);

// Map's constructor calls set() before a subclass's fields exist: each map's index lives outside, made on first use.
const indexes = new WeakMap<object, Map<unknown, unknown>>();

/**
 * A Map whose keys are equal as Python's dict keys are (see the file's header): the first key stored is
 * kept (Python keeps it: `d[1] = 'a'; d[True] = 'b'` prints `{1: 'b'}`), and an equal key reads, writes,
 * tests and deletes its entry.
 */
export class PyMap<K = unknown, V = unknown> extends Map<K, V> {
  private get index(): Map<unknown, K> {
    let m = indexes.get(this);
    if (m === undefined) indexes.set(this, (m = new Map()));
    return m as Map<unknown, K>;
  }

  /** The key this map holds equal to `key`, or `key` itself. */
  private stored(key: K): K {
    if (!byValue(key)) return key;
    const k = keyOf(key);
    return typeof k === "string" ? this.index.get(k) ?? key : key;
  }

  override get(key: K): V | undefined {
    return super.get(this.stored(key));
  }

  override has(key: K): boolean {
    return super.has(this.stored(key));
  }

  override set(key: K, value: V): this {
    const held = this.stored(key);
    if (held === key && byValue(key) && !super.has(key)) {
      const k = keyOf(key);
      if (typeof k === "string") this.index.set(k, key);
    }
    return super.set(held, value);
  }

  override delete(key: K): boolean {
    const held = this.stored(key);
    if (byValue(held)) this.index.delete(keyOf(held));
    return super.delete(held);
  }

  override clear(): void {
    super.clear();
    this.index.clear();
  }
}

// A JavaScript Map the cell made itself (`new Map()` used as Python's dict): its by-value keys, found again by value.
const mapIndexes = new WeakMap<Map<unknown, unknown>, { size: number; index: Map<unknown, unknown> }>();

/** The index of a Map's by-value keys, rebuilt when the Map's size moved without it. */
function indexOf(m: Map<unknown, unknown>): Map<unknown, unknown> {
  let entry = mapIndexes.get(m);
  if (entry === undefined || entry.size !== m.size) {
    entry = { size: m.size, index: new Map() };
    for (const held of m.keys()) if (byValue(held)) entry.index.set(keyOf(held), held);
    mapIndexes.set(m, entry);
  }
  return entry.index;
}

/**
 * The key `m` holds equal to `key` as Python's dict keys are (a tuple by value: `d[(i, j)]` on a
 * `new Map()`), or `key` itself when it holds none. A {@link PyMap} finds it itself; for any other Map
 * an index of its by-value keys is kept beside it.
 */
export function mapKey(m: Map<unknown, unknown>, key: unknown): unknown {
  if (m instanceof PyMap || !(Array.isArray(key) || typeof key === "boolean") || m.has(key)) return key;
  const k = keyOf(key);
  if (typeof k !== "string") return key;
  const held = indexOf(m).get(k);
  return held !== undefined && m.has(held) ? held : key;
}

/** Python's `d[key] = value` on a Map: the entry of an equal key written (mapKey), the index kept up to date. */
export function mapSet(m: Map<unknown, unknown>, key: unknown, value: unknown): void {
  const held = mapKey(m, key);
  const added = !m.has(held);
  m.set(held, value);
  const entry = mapIndexes.get(m);
  if (added && entry !== undefined && entry.size === m.size - 1) {
    entry.size = m.size;
    if (byValue(held)) entry.index.set(keyOf(held), held);
  }
}

/** Python's `del d[key]` / `d.pop(key)` on a Map: the entry of an equal key removed (mapKey), the index kept up to date. */
export function mapDelete(m: Map<unknown, unknown>, key: unknown): boolean {
  const held = mapKey(m, key);
  if (!m.delete(held)) return false;
  const entry = mapIndexes.get(m);
  if (entry !== undefined && entry.size === m.size + 1) {
    entry.size = m.size;
    if (byValue(held)) entry.index.delete(keyOf(held));
  }
  return true;
}
