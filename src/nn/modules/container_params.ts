/**
 * Parameter containers: ParameterList (an indexable list) and ParameterDict (a map). Their entries
 * are registered parameters named "0", "1", ... (or by key), so `named_parameters()` and
 * `state_dict()` read `pl.0`, `pd.weight` as in PyTorch. A plain Tensor put in one becomes a
 * Parameter (sharing its values), as in PyTorch 1.13. Unlike PyTorch, entries must be tensors.
 */
import { Tensor } from "../../tensor/tensor";
import { isOptions } from "../../tensor/args";
import { Parameter } from "../parameter";
import { Module } from "./module";
import { AttributeError, IndexError, TypeError, ValueError } from "../../errors";
import { pyTypeName } from "../../pyrepr";

type Fields = Record<string, unknown>;


function asParameter(op: string, v: unknown): Parameter {
  if (v instanceof Parameter) return v;
  if (v instanceof Tensor) return new Parameter(v);
  throw new TypeError(`${op}: torchlab's parameter containers hold Tensors only, got ${pyTypeName(v)}`);
}

/** The line PyTorch prints for each entry: `Parameter containing: [torch.float32 of size 2x3]`. */
function entryRepr(key: string, p: Parameter, dtypeText: string): string {
  const gpu = p.is_cuda ? " (GPU 0)" : "";
  return `  (${key}): Parameter containing: [${dtypeText} of size ${p.shape.join("x")}${gpu}]`;
}

/** Shared storage of both containers: entries in order, each also reachable as a property. */
abstract class ParameterContainer extends Module {
  /** @internal the entries in order. */
  declare _params: Map<string, Parameter>;

  constructor() {
    super();
    Object.defineProperty(this, "_params", { value: new Map<string, Parameter>(), writable: true, enumerable: false, configurable: true });
  }

  _parameter_entries(): [string, Parameter][] {
    return [...this._params.entries(), ...super._parameter_entries()];
  }

  /** @internal stores `p` under `key`, exposed as a non-enumerable property (`pl[0]`, `pd.key`). */
  protected _put(key: string, p: Parameter): void {
    this._params.set(key, p);
    Object.defineProperty(this, key, {
      get: () => this._params.get(key),
      set: (v: unknown) => this._put(key, asParameter(`${this._get_name()}`, v)),
      enumerable: false,
      configurable: true,
    });
  }

  _rebuild_accessors(): void {
    for (const [key, p] of this._params) this._put(key, p);
  }

  /** @internal removes every entry. */
  protected _drop(key: string): void {
    this._params.delete(key);
    delete (this as unknown as Fields)[key];
  }

  get length(): number {
    return this._params.size;
  }

  /** Python's `len(container)`. */
  len(): number {
    return this._params.size;
  }
}

/**
 * Holds parameters in a list; they are registered, so optimizers and state_dict() see them.
 *
 * Args:
 *   values: an iterable of Parameters (or Tensors, which become Parameters).
 *
 * @example
 * const pl = new nn.ParameterList([new nn.Parameter(torch.randn(2, 3)), torch.zeros(3)]);
 * pl.append(new nn.Parameter(torch.ones(1)));
 * pl.get(0).shape  // [2, 3]
 */
export class ParameterList extends ParameterContainer {
  [index: number]: Parameter;

  constructor(values: Iterable<Tensor> | null = null) {
    super();
    if (values !== null) this.extend(values);
  }

  private norm(idx: number): number {
    if (!Number.isInteger(idx)) throw new TypeError(`ParameterList indices must be integers, not ${pyTypeName(idx)}`);
    const n = this._params.size;
    if (idx < -n || idx >= n) throw new IndexError(`index ${idx} is out of range`);
    return idx < 0 ? idx + n : idx;
  }

  /** The parameter at `idx` (Python's `pl[idx]`); negative indices count from the end. */
  get(idx: number): Parameter {
    return this._params.get(String(this.norm(idx))) as Parameter;
  }

  /** Same as get(idx), spelled as JavaScript arrays spell it. */
  at(idx: number): Parameter {
    return this.get(idx);
  }

  /** Python's `pl[idx] = param`; a Tensor becomes a Parameter. */
  set(idx: number, param: Tensor): void {
    this._put(String(this.norm(idx)), asParameter("ParameterList.set", param));
  }

  /** Appends a parameter (a Tensor becomes one). */
  append(value: Tensor): this {
    this._put(String(this._params.size), asParameter("ParameterList.append", value));
    return this;
  }

  /** Appends each of `values`. */
  extend(values: Iterable<Tensor>): this {
    if (values === null || values instanceof Tensor || typeof (values as Iterable<Tensor>)[Symbol.iterator] !== "function") {
      throw new TypeError(`ParameterList.extend should be called with an iterable, but got ${pyTypeName(values)}`);
    }
    for (const v of values) this.append(v);
    return this;
  }

  extra_repr(): string {
    return [...this._params.entries()].map(([k, p]) => entryRepr(k, p, String(p.dtype))).join("\n");
  }

  *[Symbol.iterator](): IterableIterator<Parameter> {
    yield* this._params.values();
  }
}

type DictInput = Record<string, Tensor> | Map<string, Tensor> | Iterable<[string, Tensor]> | ParameterDict;

/**
 * Holds parameters under string keys, in insertion order (a plain object given to the constructor
 * or to update() is taken in sorted key order, as PyTorch 1.13 takes a dict; a Map or a list of
 * pairs keeps its order).
 *
 * @example
 * const pd = new nn.ParameterDict({scale: new nn.Parameter(torch.ones(3)), shift: torch.zeros(3)});
 * pd.get("scale").shape  // [3]
 */
export class ParameterDict extends ParameterContainer {
  constructor(parameters: DictInput | null = null) {
    super();
    if (parameters !== null) this.update(parameters);
  }

  private key(k: unknown): string {
    if (typeof k !== "string") {
      throw new TypeError(`Index given to ParameterDict cannot be used as a key as it is not a string (type is '${pyTypeName(k)}'). Open an issue on github if you need non-string keys.`);
    }
    return k;
  }

  /** The parameter under `key` (Python's `pd[key]`); raises when absent. */
  get(key: string): Parameter {
    const p = this._params.get(this.key(key));
    // PyTorch 1.13 looks the key up as an attribute: AttributeError.
    if (p === undefined) throw new AttributeError(`'ParameterDict' object has no attribute '${key}'`);
    return p;
  }

  /** Python's `pd[key] = param`; a Tensor becomes a Parameter. */
  set(key: string, value: Tensor): void {
    const k = this.key(key);
    if (k.includes(".")) throw new ValueError(`parameter name can't contain ".", got: ${k}`);
    if (k === "") throw new ValueError(`parameter name can't be empty string ""`);
    if (k in this && !this._params.has(k)) throw new ValueError(`attribute '${k}' already exists`);
    this._put(k, asParameter("ParameterDict", value));
  }

  /** Python's `key in pd`. */
  has(key: string): boolean {
    return this._params.has(key);
  }

  /** Removes and returns the parameter under `key`. */
  pop(key: string): Parameter {
    const p = this.get(key);
    this._drop(key);
    return p;
  }

  /** The parameter under `key`, inserting `value` first when absent. */
  setdefault(key: string, value: Tensor): Parameter {
    if (!this.has(key)) this.set(key, value);
    return this.get(key);
  }

  clear(): void {
    for (const k of [...this._params.keys()]) this._drop(k);
  }

  /** A new ParameterDict holding the same parameters. */
  copy(): ParameterDict {
    return new ParameterDict(new Map(this._params));
  }

  keys(): string[] {
    return [...this._params.keys()];
  }

  values(): Parameter[] {
    return [...this._params.values()];
  }

  items(): [string, Parameter][] {
    return [...this._params.entries()];
  }

  /** Adds (or replaces) entries from an object (sorted keys), a Map, another ParameterDict or [key, tensor] pairs. */
  update(parameters: DictInput): void {
    let entries: [string, Tensor][];
    if (parameters instanceof ParameterDict) entries = parameters.items();
    else if (parameters instanceof Map) entries = [...parameters.entries()];
    else if (isOptions(parameters)) entries = Object.entries(parameters as Record<string, Tensor>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    else if (parameters !== null && !(parameters instanceof Tensor) && typeof (parameters as Iterable<[string, Tensor]>)[Symbol.iterator] === "function") {
      entries = [...(parameters as Iterable<[string, Tensor]>)];
      entries.forEach((e, i) => {
        if (!Array.isArray(e) || e.length !== 2) throw new ValueError(`ParameterDict update sequence element #${i} has length ${Array.isArray(e) ? e.length : 1}; 2 is required`);
      });
    } else throw new TypeError(`ParametersDict.update should be called with an iterable of key/value pairs, but got ${pyTypeName(parameters)}`);
    for (const [k, v] of entries) this.set(k, v);
  }

  extra_repr(): string {
    return [...this._params.entries()].map(([k, p]) => entryRepr(k, p, p.type())).join("\n");
  }

  /** Iterates over the keys, as a Python dict does. */
  [Symbol.iterator](): IterableIterator<string> {
    return this._params.keys();
  }
}
