/**
 * nn.Module, the base class of every layer and model.
 *
 * Registration: a Module's sub-modules and Parameters are the own fields that hold a Module or a
 * Parameter, in the order a Module or Parameter was first assigned to each field, which is the order
 * PyTorch's `__setattr__` records them in. Buffers are tensors named through `register_buffer`.
 * The module is a Proxy whose `set`/`defineProperty` traps only note that first assignment; the
 * fields stay plain properties. Noting assignments, rather than reading own-property order, keeps
 * PyTorch's order under define semantics for class fields (tslab compiles cells with
 * `useDefineForClassFields`, which creates every declared field, as undefined, before the constructor
 * body assigns it) and for index-like names ("0", "1"), which JavaScript lists before other keys.
 *
 * Calling: JavaScript class instances are not callable, so the constructor returns an arrow
 * function whose prototype is the subclass's prototype; `net(x)` runs the forward pre-hooks,
 * `forward`, then the forward hooks. An interface merged into the class gives the call the argument
 * and result types of the subclass's `forward`.
 */
import * as util from "util";
import { orderedDict, readableDict } from "../../serialization/inspect";
import { Tensor, type DType } from "../../tensor/tensor";
import * as D from "../../tensor/dtype";
import { Parameter } from "../parameter";
import { isOptions, parseArgs } from "../../tensor/args";
import { no_grad } from "../../autograd/grad_mode";
import { deepcopy } from "../../copy";
import { BackwardHookState, firstTensor, type BackwardHook } from "./backward_hooks";
import { zeros } from "../../ops/creation";
import * as MF from "../../tensor/memory_format";
import { AttributeError, NotImplementedError, RuntimeError, TypeError, ValueError } from "../../errors";
import { asPyGenerator, asPyTuple, PY_MAPPING, setPyModule } from "../../pyrepr";

/**
 * The argument list of a module's `forward`. A plain `Module` takes a Tensor and any further inputs,
 * as PyTorch's `Module.__call__(*input)`: a child of a Sequential or a variable typed `nn.Module` is
 * called with what its forward takes (d2l's `blk(X, valid_lens)`, `attention(queries, keys, values, valid_lens)`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ForwardArgs<M> = M extends { forward(...args: infer A): unknown } ? (unknown[] extends A ? [input: Tensor, ...rest: any[]] : A) : never;
/**
 * The result type of a module's `forward`. A plain `Module`'s (forward untyped) is `any`, as PyTorch's
 * `Module.__call__` returns `Any`: the one type that reads as the Tensor most modules give and takes
 * every module's result, so that a layer returning a tuple (LSTM, GRU, LSTMCell, MultiheadAttention,
 * a user's forward) is still a `Module` (`new nn.Sequential(new nn.LSTM(10, 20))`, `m: nn.Module`).
 */
export type ForwardResult<M> = M extends { forward(...args: never[]): infer R } ? (unknown extends R ? PlainModuleResult : R) : never;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PlainModuleResult = any;

/**
 * A child reached by position (`net[0]`, `self.layers[i]`), whose class the container's type cannot
 * know: a Module whose other attributes read as Python's attribute access gives them, untyped, so that
 * `net[0].weight.data.normal_(0, 0.01)` and `net[0].bias.data.fill_(0)` (Dive into Deep Learning's
 * initialisation) are written as in PyTorch. `net[0] as nn.Linear` gives the typed layer.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ModuleItem = Module & { [attribute: string]: any };

/**
 * The inputs a hook sees. A plain Module's hook takes any further inputs, as its call does: were it
 * `never[]`, a layer whose forward takes more than the input (ConvTranspose2d's output_size) would not
 * be a Module, and `new nn.Sequential(new nn.ConvTranspose2d(...))` would not type-check in a cell.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type HookArgs<M> = M extends { forward(...args: infer A): unknown } ? (unknown[] extends A ? [input: Tensor, ...rest: any[]] : A) : never;
/** A hook run before `forward`; returning a value (or an array of values) replaces the inputs. */
export type ForwardPreHook<M extends Module = Module> = (module: M, input: HookArgs<M>) => unknown;
/** A hook run after `forward`; returning a value other than undefined replaces the output. */
export type ForwardHook<M extends Module = Module> = (module: M, input: HookArgs<M>, output: ForwardResult<M>) => unknown;

/** What `load_state_dict` returns (PyTorch's `_IncompatibleKeys`). */
export interface IncompatibleKeys {
  missing_keys: string[];
  unexpected_keys: string[];
  /** A named tuple, as PyTorch's: `const [missing_keys, unexpected_keys] = model.load_state_dict(sd, strict=false)`. */
  [Symbol.iterator](): IterableIterator<string[]>;
}

/** The keys, printing as PyTorch's does: `<All keys matched successfully>` when both lists are empty. */
function incompatibleKeys(missing_keys: string[], unexpected_keys: string[]): IncompatibleKeys {
  const py = (ks: string[]): string => `[${ks.map((k) => `'${k}'`).join(", ")}]`;
  const text = (): string =>
    missing_keys.length === 0 && unexpected_keys.length === 0
      ? "<All keys matched successfully>"
      : `_IncompatibleKeys(missing_keys=${py(missing_keys)}, unexpected_keys=${py(unexpected_keys)})`;
  const keys = { missing_keys, unexpected_keys };
  // Non-enumerable, so the result still compares and serialises as the plain pair of lists.
  Object.defineProperty(keys, "toString", { value: text, enumerable: false });
  Object.defineProperty(keys, Symbol.for("nodejs.util.inspect.custom"), { value: text, enumerable: false });
  Object.defineProperty(keys, Symbol.iterator, { value: () => [missing_keys, unexpected_keys][Symbol.iterator](), enumerable: false });
  return keys as IncompatibleKeys;
}

/** A device given as 'cpu' / 'cuda' / 'cuda:0' or as a `torch.device`. */
export type DeviceLike = string | { type: string; index?: number | null };

let nextHookId = 0;

/** Returned by `register_forward_hook` and friends; `remove()` unregisters the hook. */
export class RemovableHandle {
  readonly id: number;
  private readonly hooks: Map<number, unknown>;
  constructor(hooks: Map<number, unknown>) {
    this.id = nextHookId++;
    this.hooks = hooks;
  }
  remove(): void {
    this.hooks.delete(this.id);
  }
}

/**
 * PyTorch's `__setattr__` rules for a field that already holds a registered member: a Parameter may
 * only be replaced by a Parameter (or null), a child module by a Module (or null), a buffer by a
 * Tensor (or null). A Parameter or Module assigned to a buffer's name stops it being a buffer.
 */
function checkAssign(target: Module, key: string, value: unknown): void {
  // A parametrized tensor's setter (nn.utils.parametrize) checks its own value; reading the field
  // first would compute the parametrization for nothing.
  const getter = Object.getOwnPropertyDescriptor(target, key)?.get as { _parametrized?: boolean } | undefined;
  if (getter?._parametrized === true) return;
  const own = Object.prototype.hasOwnProperty.call(target, key);
  const cur = own ? (target as unknown as Record<string, unknown>)[key] : undefined;
  const none = value === null || value === undefined;
  const isBuffer = target._buffer_names.has(key);
  if (isBuffer && (value instanceof Parameter || value instanceof Module)) {
    target._buffer_names.delete(key);
    target._non_persistent_buffers.delete(key);
    return;
  }
  if (none) return;
  if (isBuffer && !(value instanceof Tensor)) {
    throw new TypeError(`cannot assign '${typeName(value)}' as buffer '${key}' (torch.Tensor or None expected)`);
  }
  // A parameter container's entry (`pl[0] = tensor`): its accessor makes the Tensor a Parameter.
  if (cur instanceof Parameter && value instanceof Tensor && Object.getOwnPropertyDescriptor(target, key)?.set !== undefined) return;
  if (cur instanceof Parameter && !isBuffer && !(value instanceof Parameter)) {
    throw new TypeError(`cannot assign '${typeName(value)}' as parameter '${key}' (torch.nn.Parameter or None expected)`);
  }
  if (cur instanceof Module && !(value instanceof Module)) {
    throw new TypeError(`cannot assign '${typeName(value)}' as child module '${key}' (torch.nn.Module or None expected)`);
  }
}

/**
 * After Python's `del net.fc` (Module.__delattr__): reading the name is PyTorch's AttributeError
 * ("'Net' object has no attribute 'fc'") where JavaScript would read undefined (and a forward that
 * still uses it would fail far from the cause). A hidden accessor that throws stands in for it until
 * the name is assigned again; it is not enumerable, so the module's children, parameters, buffers and
 * repr no longer list the name, and `in` does not see it.
 */
function markDeleted(target: Module, key: string): void {
  const get = (): never => {
    throw new AttributeError(`'${target._get_name()}' object has no attribute '${key}'`);
  };
  Object.defineProperty(get, "_deleted", { value: true });
  Object.defineProperty(target, key, { get, enumerable: false, configurable: true });
}

function deletedAttribute(target: Module, key: string): boolean {
  const get = Object.getOwnPropertyDescriptor(target, key)?.get as { _deleted?: boolean } | undefined;
  return get?._deleted === true;
}

/** Each Module (the proxy its constructor returns) -> the function object behind it. */
const proxyTargets = new WeakMap<object, object>();

/** @internal the object behind a module's Proxy (the module itself if it has none), for reads on hot paths. */
export function moduleTarget(m: Module): Module {
  return (proxyTargets.get(m) as Module | undefined) ?? m;
}

function hidden(obj: object, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: false, configurable: true });
}

function typeName(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "array";
  if (x instanceof Tensor) return x.constructor.name;
  return typeof x === "object" || typeof x === "function" ? (x as object).constructor?.name ?? typeof x : typeof x;
}

/** How Python's `type(x)` prints the value a JavaScript caller passed: `<class 'str'>` for a path. */
function pythonClass(x: unknown): string {
  const name =
    x === null || x === undefined ? "NoneType"
    : typeof x === "string" ? "str"
    : typeof x === "boolean" ? "bool"
    : typeof x === "number" ? (Number.isInteger(x) ? "int" : "float")
    : Array.isArray(x) ? "list"
    : typeName(x);
  return `<class '${name}'>`;
}

/** A shape as PyTorch's load_state_dict messages print it: `torch.Size([3, 4])`. */
function fmtShape(s: readonly number[]): string {
  return `torch.Size([${s.join(", ")}])`;
}

/**
 * A float the way Python's `str(float)` prints it, for reprs of float hyper-parameters: `1.0`,
 * `0.01`, `1e-05`, `1e+16`.
 */
export function _float_repr(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mant, expStr] = x.toExponential().split("e");
  const exp = Number(expStr);
  if (exp < -4 || exp >= 16) {
    const m = mant.includes(".") ? mant : mant;
    return `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const s = String(x);
  return /[.e]/.test(s) ? s : s + ".0";
}

/** PyTorch's `_addindent`: indents every line but the first. */
export function _addindent(s: string, numSpaces: number): string {
  const lines = s.split("\n");
  if (lines.length === 1) return s;
  const first = lines.shift() as string;
  return first + "\n" + lines.map((l) => " ".repeat(numSpaces) + l).join("\n");
}

export interface Module {
  /** Runs the forward pre-hooks, `forward`, then the forward hooks. */
  (...args: ForwardArgs<this>): ForwardResult<this>;
}

/**
 * Base class for all neural network modules. Subclass it, assign layers and Parameters as fields in
 * the constructor, and define `forward`.
 *
 * @example
 * class Net extends nn.Module {
 *   conv1: nn.Conv2d;
 *   fc: nn.Linear;
 *   constructor() {
 *     super();
 *     this.conv1 = new nn.Conv2d(1, 3, 3);
 *     this.fc = new nn.Linear(3 * 26 * 26, 10);
 *   }
 *   forward(x: Tensor): Tensor {
 *     return this.fc(F.relu(this.conv1(x)).flatten(1));
 *   }
 * }
 * const net = new Net();
 * net(torch.rand(2, 1, 28, 28)).shape  // [2, 10]
 */
/** @internal A container whose items a Module-valued assignment adds (ModuleDict's `d[key] = module`). */
export const ITEM_STORE = Symbol("torchlab.nn.itemStore");

export class Module {
  /** Python's class name (`type(model).__name__`, `nn.Linear.__name__`): the class's own. */
  declare static readonly __name__: string;
  /** True in training mode (the default), false after `eval()`. */
  declare training: boolean;
  /** @internal names registered through register_buffer, in registration order. */
  declare _buffer_names: Set<string>;
  /** @internal buffers left out of state_dict. */
  declare _non_persistent_buffers: Set<string>;
  /** @internal */
  declare _forward_hooks: Map<number, ForwardHook<Module>>;
  /** @internal */
  declare _forward_pre_hooks: Map<number, ForwardPreHook<Module>>;
  /** @internal register_full_backward_hook's and register_backward_hook's hooks (one kind per module). */
  declare _backward_hooks: Map<number, BackwardHook<Module>>;
  /** @internal which kind `_backward_hooks` holds: true full, false legacy, null none registered yet. */
  declare _is_full_backward_hook: boolean | null;

  constructor() {
    // eslint-disable-next-line prefer-const
    let proxy: Module;
    // A subclass that overrides `__call__` (fast.ai's `def __call__(self, x, targ)`) is called through it, as
    // Python's `module(x)` runs `type(module).__call__`; otherwise through `_call_impl` (hooks, then forward).
    // A `__call__` that calls the module itself (a typing shim: `__call__(x) { return (this as Net)(x); }`,
    // as the d2l ports write) reaches `_call_impl` from inside, instead of recursing without end.
    let inCall = false;
    const self = ((...args: unknown[]) => {
      const call = (proxy as { __call__?: unknown }).__call__;
      if (typeof call !== "function" || inCall) return proxy._call_impl(...args);
      inCall = true;
      try {
        return (call as (...a: unknown[]) => unknown).apply(proxy, args);
      } finally {
        inCall = false;
      }
    }) as unknown as Module;
    // A function's own `name` and `length` would shadow fields and getters of the same names.
    delete (self as { name?: unknown }).name;
    delete (self as { length?: unknown }).length;
    Object.setPrototypeOf(self, new.target.prototype);
    hidden(self, "training", true);
    hidden(self, "_buffer_names", new Set<string>());
    hidden(self, "_non_persistent_buffers", new Set<string>());
    hidden(self, "_forward_hooks", new Map());
    hidden(self, "_forward_pre_hooks", new Map());
    hidden(self, "_backward_hooks", new Map());
    hidden(self, "_is_full_backward_hook", null);
    const order = new Map<string, number>();
    hidden(self, "_assign_order", order);
    let tick = 0;
    const note = (key: string | symbol, value: unknown): void => {
      if (typeof key === "string" && !order.has(key) && (value instanceof Module || value instanceof Parameter)) order.set(key, tick++);
    };
    proxy = new Proxy(self, {
      set(target, key, value, receiver) {
        // A ModuleDict's `d["output"] = nn.Linear(...)` is its item, as PyTorch's __setitem__ (add_module) makes it.
        const items = (target as { [ITEM_STORE]?: (k: string, v: Module) => void })[ITEM_STORE];
        if (typeof key === "string" && value instanceof Module && typeof items === "function" && !("value" in (Object.getOwnPropertyDescriptor(target, key) ?? {}))) {
          items.call(receiver, key, value);
          return true;
        }
        if (typeof key === "string") {
          if (deletedAttribute(target, key)) Reflect.deleteProperty(target, key);
          checkAssign(target, key, value);
        }
        note(key, value);
        return Reflect.set(target, key, value, receiver);
      },
      defineProperty(target, key, desc) {
        if ("value" in desc) note(key, desc.value);
        return Reflect.defineProperty(target, key, desc);
      },
      // Python's hasattr after `del`: false (the stand-in accessor is not the attribute).
      has(target, key) {
        return typeof key === "string" && deletedAttribute(target, key) ? false : Reflect.has(target, key);
      },
      deleteProperty(target, key) {
        if (typeof key === "string") order.delete(key);
        return Reflect.deleteProperty(target, key);
      },
    });
    proxyTargets.set(proxy, self);
    return proxy;
  }

  /**
   * Python's `copy.deepcopy(module)` (src/copy.ts): a module of the same class, built without running
   * its constructor, whose fields, parameters, buffers and submodules are deep copies (`memo` keeps a
   * shared layer shared), in the same registration order; training mode and hooks are kept, the hook
   * functions themselves shared, as PyTorch's deepcopy of the module's `__dict__` does.
   */
  __deepcopy__(memo: Map<unknown, unknown> = new Map()): this {
    const source = (proxyTargets.get(this) ?? this) as Module;
    const made = Reflect.construct(Module, [], this.constructor) as this;
    memo.set(this, made);
    const target = proxyTargets.get(made) as Module;
    const fields = new Set(this._fields_in_order());
    // Hidden state first (mode, buffer names, hooks, a container's children), then the fields in
    // their order, through the proxy so that the copy notes that order. Accessors close over the
    // original: a container rebuilds its own (_rebuild_accessors); an attribute `del`eted stays so.
    for (const key of Reflect.ownKeys(source)) {
      const d = Object.getOwnPropertyDescriptor(source, key)!;
      if (key === "_assign_order" || (typeof key === "string" && fields.has(key))) continue;
      if ("value" in d) Object.defineProperty(target, key, { ...d, value: deepcopy(d.value, memo) });
      else if (typeof key === "string" && deletedAttribute(source, key)) markDeleted(target, key);
    }
    for (const key of fields) {
      const d = Object.getOwnPropertyDescriptor(source, key)!;
      if ("value" in d) Object.defineProperty(made, key, { ...d, value: deepcopy(d.value, memo) });
    }
    made._rebuild_accessors();
    return made;
  }

  /**
   * Python's `del module.name` (`delattr(module, name)`): the attribute, a child, a parameter or a
   * buffer is removed, and reading it afterwards is PyTorch's AttributeError, as is deleting a name
   * the module does not have. The notebook dialect writes a cell's `delete net.fc` as this.
   */
  __delattr__(name: string): void {
    const target = (proxyTargets.get(this) ?? this) as Module;
    if (!Object.prototype.hasOwnProperty.call(target, name) || deletedAttribute(target, name)) {
      throw new AttributeError(`'${this._get_name()}' object has no attribute '${name}'`);
    }
    delete (this as unknown as Record<string, unknown>)[name];
    this._buffer_names.delete(name);
    this._non_persistent_buffers.delete(name);
    markDeleted(target, name);
  }

  /** @internal after __deepcopy__: a container defines the accessors of its children again. */
  _rebuild_accessors(): void {}

  /** @internal own field names in the order a Module or Parameter was first assigned to them. */
  _fields_in_order(): string[] {
    const order = (this as unknown as { _assign_order: Map<string, number> })._assign_order;
    // The proxy has no ownKeys or descriptor trap, so its keys are its target's; read through the
    // proxy, each of the target's own properties (hidden fields, a Sequential's accessors) costs a
    // descriptor lookup by the proxy's slow path: ~30 us per call for a dozen children.
    const keys = Object.keys(proxyTargets.get(this) ?? this);
    const rank = (k: string): number => order.get(k) ?? Number.MAX_SAFE_INTEGER;
    // Nearly always the keys are in that order already (Sequential's forward asks on every call):
    // the stable sort below would return them unchanged.
    let sorted = true;
    for (let i = 1; i < keys.length && sorted; i++) sorted = rank(keys[i - 1]) <= rank(keys[i]);
    if (sorted) return keys;
    return keys.map((k, i) => [k, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([k]) => k);
  }

  /** Defines the computation of the module; every subclass overrides it. */
  forward(...args: unknown[]): unknown {
    void args;
    throw new NotImplementedError(`Module [${this._get_name()}] is missing the required "forward" function`);
  }

  /** @internal what `module(...)` runs. */
  _call_impl(...args: unknown[]): unknown {
    // The common case, no hooks: straight to forward, without copying the (empty) hook lists.
    if (this._forward_pre_hooks.size === 0 && this._forward_hooks.size === 0 && this._backward_hooks.size === 0) {
      return (this.forward as (...a: unknown[]) => unknown)(...args);
    }
    let input = args;
    for (const hook of [...this._forward_pre_hooks.values()]) {
      const r = (hook as (m: Module, i: unknown[]) => unknown)(this, input);
      if (r !== undefined && r !== null) input = Array.isArray(r) ? r : [r];
    }
    const full = this._is_full_backward_hook === true && this._backward_hooks.size > 0 ? new BackwardHookState(this, [...this._backward_hooks.values()]) : null;
    if (full !== null) input = full.setupInputs(input);
    let out = (this.forward as (...a: unknown[]) => unknown)(...input);
    for (const hook of [...this._forward_hooks.values()]) {
      const r = (hook as (m: Module, i: unknown[], o: unknown) => unknown)(this, input, out);
      // A hook that returns nothing (undefined, or null: Python's `return None`) keeps the output.
      if (r !== undefined && r !== null) out = r;
    }
    if (full !== null) out = full.setupOutputs(out);
    if (this._is_full_backward_hook === false && this._backward_hooks.size > 0) {
      const node = firstTensor(out)?.grad_fn ?? null;
      if (node !== null) for (const hook of this._backward_hooks.values()) node.register_hook((gi, go) => hook(this, gi, go));
    }
    return out;
  }

  // ------------------------------------------------------------------ registration

  /** @internal (name, child) pairs of this module, in registration order. */
  _module_entries(): [string, Module][] {
    const out: [string, Module][] = [];
    for (const k of this._fields_in_order()) {
      const v = (this as unknown as Record<string, unknown>)[k];
      if (v instanceof Module) out.push([k, v]);
    }
    return out;
  }

  /**
   * This module's children by name, as PyTorch's `_modules` dict: reading gives a registered child,
   * assigning registers one as add_module does (d2l's MySequential: `self._modules[str(idx)] = module`),
   * and `Object.values(this._modules)` / `Object.entries(...)` walk them in registration order (`self._modules.values()`,
   * yunjey's neural style transfer's `for name, layer in self.vgg._modules.items()`).
   */
  get _modules(): Record<string, Module> {
    const child = (key: string | symbol): Module | undefined =>
      typeof key === "string" ? this._module_entries().find(([k]) => k === key)?.[1] : undefined;
    // Printed as PyTorch prints the dict, OrderedDict([('name', child), ...]); node inspects a proxy's
    // target, not through its traps, so the print hook sits on the target.
    const target = {} as Record<string, Module>;
    const print = (_depth: number, options: util.InspectOptions): string => util.inspect(orderedDict(Object.fromEntries(this._module_entries())), options);
    Object.defineProperty(target, util.inspect.custom, { value: print, enumerable: false, configurable: true });
    // A cell's value and print() read it as the OrderedDict it is (src/display/pylist.ts).
    Object.defineProperty(target, PY_MAPPING, { value: () => "OrderedDict", enumerable: false, configurable: true });
    return new Proxy(target, {
      get: (t, key) => (typeof key === "symbol" ? (t as unknown as Record<symbol, unknown>)[key] : child(key)),
      has: (_t, key) => child(key) !== undefined,
      set: (_t, key, value) => {
        if (typeof key !== "string") return false;
        this.add_module(key, value as Module | null);
        return true;
      },
      ownKeys: () => this._module_entries().map(([k]) => k),
      getOwnPropertyDescriptor: (_t, key) => {
        const m = child(key);
        return m === undefined ? undefined : { value: m, writable: true, enumerable: true, configurable: true };
      },
    });
  }

  /**
   * This module's own parameters by name, as PyTorch's `_parameters` dict reads (d2l's
   * `for param in m._flat_weights_names: nn.init.xavier_uniform_(m._parameters[param])`). A snapshot:
   * assign `m.name = new nn.Parameter(...)` or call `register_parameter` to add one.
   */
  get _parameters(): Record<string, Parameter> {
    return orderedDict(Object.fromEntries(this._parameter_entries()));
  }

  /** This module's own buffers by name, as PyTorch's `_buffers` dict reads (and prints). A snapshot, as `_parameters`. */
  get _buffers(): Record<string, Tensor> {
    return orderedDict(Object.fromEntries(this._buffer_entries()));
  }

  /** @internal (name, parameter) pairs of this module only. */
  _parameter_entries(): [string, Parameter][] {
    const out: [string, Parameter][] = [];
    for (const k of this._fields_in_order()) {
      const v = (this as unknown as Record<string, unknown>)[k];
      if (v instanceof Parameter && !this._buffer_names.has(k)) out.push([k, v]);
    }
    return out;
  }

  /** @internal (name, buffer) pairs of this module only; `persistent` keeps only state_dict ones. */
  _buffer_entries(persistentOnly = false): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    for (const k of this._buffer_names) {
      const v = (this as unknown as Record<string, unknown>)[k];
      if (v instanceof Tensor && !(persistentOnly && this._non_persistent_buffers.has(k))) out.push([k, v]);
    }
    return out;
  }

  private checkName(kind: string, name: unknown, existing: boolean): asserts name is string {
    if (typeof name !== "string") throw new TypeError(`${kind} name should be a string. Got ${typeName(name)}`);
    if (name.includes(".")) throw new ValueError(`${kind} name can't contain ".", got: ${name}`);
    if (name === "") throw new ValueError(`${kind} name can't be empty string ""`);
    if (name in this && !existing) throw new ValueError(`attribute '${name}' already exists`);
  }

  /**
   * Adds a child module under `name` (what assigning `this.name = module` does).
   * Raises when `name` is not a valid attribute name or would shadow an existing attribute.
   */
  add_module(name: string, module: Module | null): void {
    if (module !== null && !(module instanceof Module)) throw new TypeError(`${typeName(module)} is not a Module subclass`);
    const cur = (this as unknown as Record<string, unknown>)[name];
    this.checkName("module", name, cur instanceof Module || (Object.prototype.hasOwnProperty.call(this, name) && cur === null));
    (this as unknown as Record<string, unknown>)[name] = module;
  }

  /** Alias of add_module. */
  register_module(name: string, module: Module | null): void {
    this.add_module(name, module);
  }

  /** Adds a Parameter under `name` (what assigning `this.name = param` does); null records an absent one. */
  register_parameter(name: string, param: Parameter | null): void {
    const cur = (this as unknown as Record<string, unknown>)[name];
    this.checkName("parameter", name, cur instanceof Parameter || (Object.prototype.hasOwnProperty.call(this, name) && cur === null && !this._buffer_names.has(name)));
    if (param !== null && !(param instanceof Parameter)) {
      throw new TypeError(`cannot assign '${typeName(param)}' object to parameter '${name}' (torch.nn.Parameter or None required)`);
    }
    (this as unknown as Record<string, unknown>)[name] = param;
  }

  /**
   * Adds a buffer: a tensor that is part of the module's state but not a parameter, such as
   * BatchNorm's `running_mean`. Persistent buffers (the default) appear in `state_dict()`.
   *
   * @example
   * this.register_buffer("running_mean", torch.zeros(num_features));
   */
  register_buffer(name: string, tensor: Tensor | null, persistent: boolean | { persistent?: boolean } = true): void {
    const p = isOptions(persistent) ? ((parseArgs("register_buffer", [persistent], ["persistent"]).persistent as boolean | undefined) ?? true) : persistent;
    this.checkName("buffer", name, this._buffer_names.has(name));
    if (tensor !== null && !(tensor instanceof Tensor)) {
      throw new TypeError(`cannot assign '${typeName(tensor)}' object to buffer '${name}' (torch Tensor or None required)`);
    }
    this._buffer_names.add(name);
    if (p) this._non_persistent_buffers.delete(name);
    else this._non_persistent_buffers.add(name);
    (this as unknown as Record<string, unknown>)[name] = tensor;
  }

  // ------------------------------------------------------------------ traversal

  /** Direct children as [name, module] pairs (Python's tuples: `list(net.named_children())` prints `[('fc', Linear(...))]`). */
  named_children(): [string, Module][] {
    const seen = new Set<Module>();
    const out: [string, Module][] = [];
    for (const [n, m] of this._module_entries()) {
      if (!seen.has(m)) {
        seen.add(m);
        out.push(asPyTuple([n, m]) as [string, Module]);
      }
    }
    return asPyGenerator(out, "Module.named_children");
  }

  children(): Module[] {
    return asPyGenerator(this.named_children().map(([, m]) => m), "Module.children");
  }

  /** This module and all below it, depth first, as [dotted name, module] ("" for this one). */
  named_modules(options: { prefix?: string; remove_duplicate?: boolean } = {}): [string, Module][] {
    const o = parseArgs("named_modules", [options], ["memo", "prefix", "remove_duplicate"]);
    const prefix = (o.prefix as string | undefined) ?? "";
    const dedup = (o.remove_duplicate as boolean | undefined) ?? true;
    const memo = (o.memo as Set<Module> | undefined) ?? new Set<Module>();
    const out: [string, Module][] = [];
    const walk = (m: Module, p: string): void => {
      if (dedup) {
        if (memo.has(m)) return;
        memo.add(m);
      }
      out.push(asPyTuple([p, m]) as [string, Module]);
      for (const [n, c] of m._module_entries()) walk(c, p ? `${p}.${n}` : n);
    };
    walk(this, prefix);
    return asPyGenerator(out, "Module.named_modules");
  }

  modules(): Module[] {
    return asPyGenerator(this.named_modules().map(([, m]) => m), "Module.modules");
  }

  private namedMembers<T>(get: (m: Module) => [string, T][], prefix: string, recurse: boolean, dedup: boolean): [string, T][] {
    const mods: [string, Module][] = recurse ? this.named_modules({ prefix, remove_duplicate: dedup }) : [[prefix, this]];
    const seen = new Set<T>();
    const out: [string, T][] = [];
    for (const [mp, m] of mods) {
      for (const [n, v] of get(m)) {
        if (dedup) {
          if (seen.has(v)) continue;
          seen.add(v);
        }
        out.push(asPyTuple([mp ? `${mp}.${n}` : n, v]) as [string, T]);
      }
    }
    return out;
  }

  /**
   * All parameters with PyTorch's dotted names, e.g. `[["0.weight", p], ["0.bias", p], ...]`.
   * A parameter shared by two layers is listed once.
   */
  named_parameters(options: { prefix?: string; recurse?: boolean; remove_duplicate?: boolean } = {}): [string, Parameter][] {
    const o = parseArgs("named_parameters", [options], ["prefix", "recurse", "remove_duplicate"]);
    return asPyGenerator(this.namedMembers((m) => m._parameter_entries(), (o.prefix as string) ?? "", (o.recurse as boolean) ?? true, (o.remove_duplicate as boolean) ?? true), "Module.named_parameters");
  }

  /**
   * All parameters (what an optimizer takes): `new optim.SGD(net.parameters(), {lr: 0.01})`. An array
   * that shows as PyTorch's generator (`<generator object Module.parameters at 0x...>`); `list(...)` of
   * it shows the parameters. named_parameters, buffers, children and modules likewise.
   */
  parameters(recurse: boolean | { recurse?: boolean } = true): Parameter[] {
    const r = isOptions(recurse) ? ((parseArgs("parameters", [recurse], ["recurse"]).recurse as boolean | undefined) ?? true) : recurse;
    return asPyGenerator(this.named_parameters({ recurse: r }).map(([, p]) => p), "Module.parameters");
  }

  named_buffers(options: { prefix?: string; recurse?: boolean; remove_duplicate?: boolean } = {}): [string, Tensor][] {
    const o = parseArgs("named_buffers", [options], ["prefix", "recurse", "remove_duplicate"]);
    return asPyGenerator(this.namedMembers((m) => m._buffer_entries(), (o.prefix as string) ?? "", (o.recurse as boolean) ?? true, (o.remove_duplicate as boolean) ?? true), "Module.named_buffers");
  }

  buffers(recurse: boolean | { recurse?: boolean } = true): Tensor[] {
    const r = isOptions(recurse) ? ((parseArgs("buffers", [recurse], ["recurse"]).recurse as boolean | undefined) ?? true) : recurse;
    return asPyGenerator(this.named_buffers({ recurse: r }).map(([, b]) => b), "Module.buffers");
  }

  /** The sub-module at a dotted path, e.g. `net.get_submodule("net.0")`. */
  get_submodule(target: string): Module {
    if (target === "") return this;
    let mod: Module = this;
    for (const item of target.split(".")) {
      const next = new Map(mod._module_entries()).get(item);
      if (next === undefined) {
        throw new ValueError(`${mod._get_name()} has no attribute \`${item}\``);
      }
      mod = next;
    }
    return mod;
  }

  /** The parameter at a dotted path, e.g. `net.get_parameter("0.weight")`. */
  get_parameter(target: string): Parameter {
    const i = target.lastIndexOf(".");
    const mod = this.get_submodule(i < 0 ? "" : target.slice(0, i));
    const name = target.slice(i + 1);
    const p = new Map(mod._parameter_entries()).get(name);
    if (p === undefined) throw new ValueError(`${mod._get_name()} has no parameter \`${name}\``);
    return p;
  }

  /** The buffer at a dotted path, e.g. `net.get_buffer("1.running_mean")`. */
  get_buffer(target: string): Tensor {
    const i = target.lastIndexOf(".");
    const mod = this.get_submodule(i < 0 ? "" : target.slice(0, i));
    const name = target.slice(i + 1);
    const b = new Map(mod._buffer_entries()).get(name);
    if (b === undefined) throw new ValueError(`${mod._get_name()} has no buffer \`${name}\``);
    return b;
  }

  // ------------------------------------------------------------------ state

  /**
   * The module's state as a plain object: each module's parameters, then its persistent buffers,
   * then its children's entries under `name.`, PyTorch's keys and order. Values share memory with
   * the module's tensors but are detached from the graph (unless `keep_vars`).
   *
   * @example
   * torch.save(net.state_dict(), "ckpt.mdl");
   */
  state_dict(options: { destination?: Record<string, Tensor>; prefix?: string; keep_vars?: boolean } = {}): Record<string, Tensor> {
    const o = parseArgs("state_dict", [options], ["destination", "prefix", "keep_vars"]);
    // Ours prints as PyTorch's OrderedDict does, as a loaded one does.
    const dest = (o.destination as Record<string, Tensor> | undefined) ?? readableDict<Record<string, Tensor>>({});
    const keep = (o.keep_vars as boolean | undefined) ?? false;
    const walk = (m: Module, prefix: string): void => {
      for (const [n, p] of m._parameter_entries()) dest[prefix + n] = keep ? p : p.detach();
      for (const [n, b] of m._buffer_entries(true)) dest[prefix + n] = keep ? b : b.detach();
      for (const [n, c] of m._module_entries()) walk(c, `${prefix}${n}.`);
    };
    walk(this, (o.prefix as string | undefined) ?? "");
    return dest;
  }

  /**
   * @internal copies this module's own entries from `state_dict` (keys under `prefix`), collecting
   * problems as PyTorch's `_load_from_state_dict` does. Subclasses may override it to translate
   * older layouts.
   */
  _load_from_state_dict(state_dict: Record<string, unknown>, prefix: string, missing: string[], unexpected: string[], errors: string[]): void {
    const local = new Map<string, Tensor>([...this._parameter_entries(), ...this._buffer_entries(true)]);
    for (const [name, param] of local) {
      const key = prefix + name;
      if (!Object.prototype.hasOwnProperty.call(state_dict, key)) {
        missing.push(key);
        continue;
      }
      const raw = state_dict[key];
      if (!(raw instanceof Tensor)) {
        errors.push(`While copying the parameter named "${key}", expected torch.Tensor or Tensor-like object from checkpoint but received ${typeName(raw)}`);
        continue;
      }
      let input: Tensor = raw;
      // PyTorch 0.3 saved scalars as 1-element vectors.
      if (param.dim() === 0 && input.dim() === 1) input = input.get(0);
      if (fmtShape(input.shape) !== fmtShape(param.shape)) {
        errors.push(`size mismatch for ${key}: copying a param with shape ${fmtShape(input.shape)} from checkpoint, the shape in current model is ${fmtShape(param.shape)}.`);
        continue;
      }
      const src = input;
      no_grad(() => param.copy_(src));
    }
    const children = new Set(this._module_entries().map(([n]) => n));
    for (const key of Object.keys(state_dict)) {
      if (!key.startsWith(prefix)) continue;
      const first = key.slice(prefix.length).split(".")[0];
      if (!children.has(first) && !local.has(first)) unexpected.push(key);
    }
  }

  /**
   * Copies parameters and persistent buffers from `state_dict` into this module and its children.
   * With `strict` (the default) the keys must match `state_dict()`'s exactly; a shape mismatch is
   * always an error. Returns the missing and unexpected keys.
   *
   * @example
   * net.load_state_dict(torch.load("ckpt.mdl"));
   */
  load_state_dict(state_dict: Record<string, unknown> | Map<string, unknown>, strict: boolean | { strict?: boolean } = true): IncompatibleKeys {
    const s = isOptions(strict) ? ((parseArgs("load_state_dict", [strict], ["strict"]).strict as boolean | undefined) ?? true) : strict;
    let sd: Record<string, unknown>;
    if (state_dict instanceof Map) sd = Object.fromEntries(state_dict);
    else if (state_dict !== null && typeof state_dict === "object" && !Array.isArray(state_dict) && !(state_dict instanceof Tensor)) sd = state_dict;
    else throw new TypeError(`Expected state_dict to be dict-like, got ${pythonClass(state_dict)}.`);
    const missing: string[] = [];
    const unexpected: string[] = [];
    const errors: string[] = [];
    const load = (m: Module, local: Record<string, unknown>, prefix: string): void => {
      m._load_from_state_dict(local, prefix, missing, unexpected, errors);
      for (const [n, c] of m._module_entries()) {
        const cp = `${prefix}${n}.`;
        const sub: Record<string, unknown> = {};
        for (const k of Object.keys(local)) if (k.startsWith(cp)) sub[k] = local[k];
        load(c, sub, cp);
      }
    };
    load(this, sd, "");
    if (s) {
      if (unexpected.length) errors.unshift(`Unexpected key(s) in state_dict: ${unexpected.map((k) => `"${k}"`).join(", ")}. `);
      if (missing.length) errors.unshift(`Missing key(s) in state_dict: ${missing.map((k) => `"${k}"`).join(", ")}. `);
    }
    if (errors.length) throw new RuntimeError(`Error(s) in loading state_dict for ${this._get_name()}:\n\t${errors.join("\n\t")}`);
    return incompatibleKeys(missing, unexpected);
  }

  // ------------------------------------------------------------------ modes and devices

  /** Sets training mode on this module and all below it (Dropout, BatchNorm behave differently). */
  train(mode = true): this {
    if (typeof mode !== "boolean") throw new ValueError("training mode is expected to be boolean");
    for (const m of this.modules()) m.training = mode;
    return this;
  }

  /** Evaluation mode: `train(false)`. */
  eval(): this {
    return this.train(false);
  }

  /**
   * PyTorch moves the parameters and buffers to shared memory so that processes started with
   * torch.multiprocessing train one model (Hogwild). torchlab runs in one process, where every function
   * holding the module already sees the same tensors: nothing moves. Returns the module, as PyTorch's.
   */
  share_memory(): this {
    return this;
  }

  /** Sets `requires_grad` on every parameter (false freezes the module). */
  requires_grad_(requires_grad: boolean | { requires_grad?: boolean } = true): this {
    for (const p of this.parameters()) p.requires_grad_(requires_grad);
    return this;
  }

  /**
   * Clears the gradients of every parameter: fills them with zeros (PyTorch 1.13's default, as
   * `optimizer.zero_grad()` does) or, with `{set_to_none: true}`, sets them to null.
   */
  zero_grad(set_to_none: boolean | { set_to_none?: boolean } = false): void {
    const none = isOptions(set_to_none) ? ((parseArgs("zero_grad", [set_to_none], ["set_to_none"]).set_to_none as boolean | undefined) ?? false) : set_to_none;
    for (const p of this.parameters()) {
      if (p.grad === null) continue;
      if (none) p.grad = null;
      else p.grad = p.grad.detach().zero_();
    }
  }

  /** Calls `fn` on every sub-module (children first) and on this module; returns this. */
  apply(fn: (module: Module) => void): this {
    for (const c of this.children()) c.apply(fn);
    fn(this);
    return this;
  }

  /**
   * Moves the module to a device and/or casts its floating-point tensors. Tensors live on the one
   * active backend, so a device move checks that the device exists ('cuda' needs the CUDA backend)
   * and keeps the tensors where they are.
   *
   * @example
   * const device = torch.device(torch.cuda.is_available() ? "cuda" : "cpu");
   * net.to(device);
   * net.to(device, {non_blocking: true});   // Zero to GANs' to_device(model, device)
   */
  // The second parameter is named `options` so that a keyword call on an untyped receiver,
  // `data.to(device, non_blocking=True)` (kernel/keyword_call.ts), passes the keywords in it.
  to(
    device?: DeviceLike | Tensor | DType | { device?: DeviceLike; dtype?: DType | string; non_blocking?: boolean; memory_format?: MF.memory_format },
    options?: DType | string | { dtype?: DType | string; non_blocking?: boolean; memory_format?: MF.memory_format },
  ): this {
    let dev: DeviceLike | undefined;
    let dt: DType | string | undefined;
    let fmt: unknown;
    if (isOptions(options)) {
      const o = parseArgs("to", [options], ["dtype", "non_blocking", "memory_format"]);
      dt = o.dtype as DType | string | undefined;
      fmt = o.memory_format;
    } else dt = options as DType | string | undefined;
    if (device instanceof Tensor) dt = device.dtype;
    else if (isOptions(device) && !("type" in device)) {
      const o = parseArgs("to", [device], ["device", "dtype", "non_blocking", "memory_format"]);
      dev = o.device as DeviceLike | undefined;
      dt = (o.dtype as DType | string | undefined) ?? dt;
      fmt = o.memory_format ?? fmt;
    } else if ((typeof device === "string" && isDtypeName(device)) || device instanceof D.dtype) dt = device;
    else if (device instanceof D.UnsupportedDtype) throw new NotImplementedError(D.unsupportedDtypeMessage(device));
    else dev = device as DeviceLike | undefined;
    if (dev !== undefined && dev !== null) {
      const name = typeof dev === "string" ? dev : dev.type;
      if (typeof name !== "string") throw new TypeError(`to(): expected a device string or torch.device, got ${typeName(dev)}`);
      zeros(0).to(name);
    }
    if (dt !== undefined) {
      const probe = zeros(0).to(dt);
      if (!probe.is_floating_point()) {
        throw new TypeError(`nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=${dt}`);
      }
      this._castFloating(probe.dtype);
    }
    if (fmt !== undefined && fmt !== null) this._toMemoryFormat(MF.parseMemoryFormat("to", fmt));
    return this;
  }

  /**
   * PyTorch's `_apply(t.to(memory_format=fmt))` on the 4-d and 5-d parameters and buffers (a conv's
   * weight), in place as `.data` is swapped: the layout changes, the values and the Parameters stay.
   */
  private _toMemoryFormat(fmt: MF.memory_format): void {
    for (const t of [...this.parameters(), ...this.buffers()]) {
      if (t.dim() !== 4 && t.dim() !== 5) continue;
      MF.checkRank(fmt, t.shape);
      if (fmt !== MF.preserve_format) t._memfmt = fmt === MF.contiguous_format ? null : (fmt._name as MF.StoredFormat);
    }
  }

  /**
   * Relabels every floating-point parameter and buffer (and parameter gradient) as `dt`, in place as
   * PyTorch's `_apply` swaps `.data`: the Parameters stay the objects an optimizer holds. float32 and
   * float64 share float32 buffers, so no values change.
   */
  private _castFloating(dt: DType): void {
    const seen = new Set<Tensor>();
    const relabel = (t: Tensor | null): void => {
      if (t === null || seen.has(t) || !t.is_floating_point()) return;
      seen.add(t);
      t._s.dt = dt === D.float32 ? undefined : dt;
    };
    for (const p of this.parameters()) {
      relabel(p);
      relabel(p.grad);
    }
    for (const b of this.buffers()) relabel(b);
  }

  /** Checks that CUDA is available (the tensors already live on the active backend). */
  cuda(device?: number | DeviceLike): this {
    void device;
    zeros(0).cuda();
    return this;
  }

  cpu(): this {
    return this;
  }

  /** Casts floating-point parameters and buffers to float32. */
  float(): this {
    this._castFloating(D.float32);
    return this;
  }

  /** Casts floating-point parameters and buffers to float64 (float32 precision: see README's dtype note). */
  double(): this {
    this._castFloating(D.float64);
    return this;
  }

  /** PyTorch's cast to float16: torchlab has no 16-bit floats, so this raises NotImplementedError naming float16. */
  half(): this {
    throw new NotImplementedError(D.unsupportedDtypeMessage(D.float16));
  }

  // ------------------------------------------------------------------ hooks

  /**
   * Registers `hook(module, input)` to run before every `forward` call. If it returns a value, that
   * value (an array is spread as the argument list) replaces the input.
   */
  // The hooks' module type comes from a `this` parameter, not from the polymorphic `this` type: a
  // parameter typed by `this` would make every subclass whose forward takes or returns something
  // other than one Tensor (an LSTM's PackedSequence, an LSTMCell's pair) unassignable to Module.
  register_forward_pre_hook<M extends Module>(this: M, hook: ForwardPreHook<M>): RemovableHandle {
    const h = new RemovableHandle(this._forward_pre_hooks);
    this._forward_pre_hooks.set(h.id, hook as unknown as ForwardPreHook<Module>);
    return h;
  }

  /**
   * Registers `hook(module, input, output)` to run after every `forward` call. If it returns a
   * value other than undefined, that value replaces the output.
   *
   * @example
   * const maps: Tensor[] = [];
   * const h = net.conv1.register_forward_hook((m, input, output) => { maps.push(output.detach()); });
   * net(x); h.remove();
   */
  register_forward_hook<M extends Module>(this: M, hook: ForwardHook<M>): RemovableHandle {
    const h = new RemovableHandle(this._forward_hooks);
    this._forward_hooks.set(h.id, hook as unknown as ForwardHook<Module>);
    return h;
  }

  /**
   * Registers `hook(module, grad_input, grad_output)` to run when the gradients with respect to the
   * module's inputs have been computed: `grad_input` has one entry per tensor argument of forward
   * (null for one that needs no gradient), `grad_output` one per output tensor. If it returns an
   * array, that array replaces `grad_input`. Modifying the inputs or outputs in place inside forward
   * is not allowed with this hook, as in PyTorch.
   *
   * @example
   * net.conv2.register_full_backward_hook((m, grad_input, grad_output) => {
   *   console.log(m._get_name(), grad_output[0]!.norm().item());
   * });
   */
  register_full_backward_hook(hook: BackwardHook<this>): RemovableHandle {
    if (this._is_full_backward_hook === false && this._backward_hooks.size > 0) {
      throw new RuntimeError("Cannot use both regular backward hooks and full backward hooks on a single Module. Please use only one of them.");
    }
    this._is_full_backward_hook = true;
    const h = new RemovableHandle(this._backward_hooks);
    this._backward_hooks.set(h.id, hook as unknown as BackwardHook<Module>);
    return h;
  }

  /**
   * Deprecated in PyTorch in favour of register_full_backward_hook, kept for the tutorials that use
   * it: `hook(module, grad_input, grad_output)` runs on the grad_fn of the forward's (first) output,
   * so `grad_input` holds the gradients of that one node's inputs (for nn.Conv2d: input, weight and
   * bias) and `grad_output` the gradient of the output.
   */
  register_backward_hook(hook: BackwardHook<this>): RemovableHandle {
    if (this._is_full_backward_hook === true && this._backward_hooks.size > 0) {
      throw new RuntimeError("Cannot use both regular backward hooks and full backward hooks on a single Module. Please use only one of them.");
    }
    this._is_full_backward_hook = false;
    const h = new RemovableHandle(this._backward_hooks);
    this._backward_hooks.set(h.id, hook as unknown as BackwardHook<Module>);
    return h;
  }

  // ------------------------------------------------------------------ printing

  /** @internal the class name used in the repr. */
  _get_name(): string {
    return (Object.getPrototypeOf(this) as { constructor: { name: string } }).constructor.name;
  }

  /** Extra information for the repr, e.g. `in_features=4, out_features=2, bias=True`. */
  extra_repr(): string {
    return "";
  }

  /** PyTorch's module repr: `Name(extra)` or a multi-line tree of `(name): Child(...)`. */
  toString(): string {
    const extra = this.extra_repr();
    const extraLines = extra ? extra.split("\n") : [];
    const childLines = this._module_entries().map(([k, m]) => `(${k}): ${_addindent(m.toString(), 2)}`);
    const lines = [...extraLines, ...childLines];
    let main = this._get_name() + "(";
    if (lines.length) {
      if (extraLines.length === 1 && childLines.length === 0) main += extraLines[0];
      else main += "\n  " + lines.join("\n  ") + "\n";
    }
    return main + ")";
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** Rich notebook output: the repr as text/plain. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/plain": this.toString() };
  }
}

function isDtypeName(s: string): boolean {
  return /^(torch\.)?(float|float32|float64|double|half|float16|bfloat16|int|int8|int16|int32|int64|long|uint8|bool)$/.test(s);
}
setPyModule(Module, "torch.nn.modules.module");
