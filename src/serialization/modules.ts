/**
 * Whole-module checkpoints: which JavaScript class a pickled Python class name stands for, and what
 * PyTorch keeps in each module's `__dict__`.
 *
 * PyTorch pickles a module as `cls.__new__(cls)` (NEWOBJ) followed by BUILD with the module's
 * `__dict__`: `training`, the OrderedDicts `_parameters`, `_buffers` and `_modules`, the hook
 * dicts, and the attributes its constructor set (Conv2d's `in_channels`, `kernel_size`, ...).
 * torchlab's layers keep PyTorch's attribute names, so the tables below only say, per class, which
 * attributes PyTorch has (in its order), which of them are Python floats, and how to call the
 * torchlab constructor from them.
 *
 * Loading never calls anything the file names. A class is found only in these tables, in the
 * registry `add_safe_globals` fills, or among torchvision's exported model classes; a torchlab
 * built-in is rebuilt by calling its own constructor with the file's arguments (then checked against
 * the file), any other class by creating an instance without running its constructor (as Python's
 * unpickler does) and assigning the file's parameters, buffers, sub-modules and plain attributes.
 */
import { Module } from "../nn/modules/module";
import { Parameter } from "../nn/parameter";
import { Tensor } from "../tensor/tensor";
import { default_generator } from "../tensor/random";
import * as nn from "../nn";
import { TypeError } from "../errors";
import { PyFloat, pyTuples } from "./pickle";
import { setPyModule } from "../pyrepr";

/** A class of module: what `add_safe_globals` takes and what a loaded module is an instance of. */
// `never[]` accepts every signature (a subclass's own arguments are its business). The instance type
// is structural because Module's `this`-typed hooks make a subclass with another forward signature
// unassignable to Module itself; add_safe_globals checks `prototype instanceof Module` at run time.
export type ModuleClass = abstract new (...args: never[]) => { forward(...args: never[]): unknown; state_dict(...args: never[]): unknown };

/** An entry of `add_safe_globals`: a class (registered as `<__module__ or "__main__">.<name>`) or `[class, "module.Name"]`. */
export type SafeGlobal = ModuleClass | [ModuleClass, string];

type Attrs = Record<string, unknown>;

/** What PyTorch's `__dict__` holds for one of torchlab's built-in layers. */
export interface ModuleSpec {
  /** PyTorch's qualified class name, e.g. `torch.nn.modules.conv.Conv2d`. */
  qualname: string;
  cls: ModuleClass;
  /** `_parameters` keys in PyTorch's order (a key may hold None, as a Linear without bias has). */
  params: string[];
  /** The attributes PyTorch's constructor sets, in its order; `name:f` marks a Python float. */
  attrs: string[];
  /** The torchlab constructor's arguments for the file's attributes (`has` says which parameters are not None). */
  ctor(a: Attrs, has: Record<string, boolean>): unknown[];
  /** A value PyTorch has that torchlab keeps elsewhere or not at all (read for saving and for the check after loading). */
  get?: Record<string, (m: Module) => unknown>;
  /** torchlab-only fields (not in PyTorch's `__dict__`). */
  internal?: string[];
}

/** Drops undefined values, so that a constructor sees an attribute the file lacks as not given. */
function opts(o: Attrs): Attrs {
  const out: Attrs = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

function pick(a: Attrs, names: string[], extra: Attrs = {}): Attrs {
  const o: Attrs = {};
  for (const n of names) o[n] = a[n];
  return opts({ ...o, ...extra });
}

const field = (m: Module, k: string): unknown => (m as unknown as Attrs)[k];

/** A spec'd attribute that PyTorch keeps as a list, not a tuple (arrays are written as tuples otherwise). */
export class PyList {
  constructor(readonly items: unknown[]) {}
}

const SPECS: ModuleSpec[] = [];

function def(module: string, cls: ModuleClass, s: Omit<ModuleSpec, "qualname" | "cls" | "params"> & { params?: string[] }): void {
  SPECS.push({ qualname: `torch.nn.modules.${module}.${cls.name}`, cls, params: s.params ?? [], ...s });
  setPyModule(cls, `torch.nn.modules.${module}`);
}

const none = (): unknown[] => [];
for (const c of [nn.Sequential, nn.ModuleList, nn.ModuleDict]) def("container", c, { attrs: [], ctor: none });
def("linear", nn.Identity, { attrs: [], ctor: none });
def("linear", nn.Linear, { params: ["weight", "bias"], attrs: ["in_features", "out_features"], ctor: (a, has) => [pick(a, ["in_features", "out_features"], { bias: has.bias })] });
def("linear", nn.Bilinear, {
  params: ["weight", "bias"],
  attrs: ["in1_features", "in2_features", "out_features"],
  ctor: (a, has) => [a.in1_features, a.in2_features, a.out_features, { bias: has.bias }],
});
def("activation", nn.ReLU, { attrs: ["inplace"], ctor: (a) => [pick(a, ["inplace"])] });
def("activation", nn.ReLU6, { attrs: ["min_val:f", "max_val:f", "inplace"], ctor: (a) => [pick(a, ["inplace"])] });
def("activation", nn.Hardtanh, { attrs: ["min_val:f", "max_val:f", "inplace"], ctor: (a) => [pick(a, ["min_val", "max_val", "inplace"])] });
def("activation", nn.LeakyReLU, { attrs: ["negative_slope:f", "inplace"], ctor: (a) => [pick(a, ["negative_slope", "inplace"])] });
def("activation", nn.ELU, { attrs: ["alpha:f", "inplace"], ctor: (a) => [pick(a, ["alpha", "inplace"])] });
for (const c of [nn.Sigmoid, nn.Tanh, nn.LogSigmoid]) def("activation", c, { attrs: [], ctor: none });
def("activation", nn.GELU, { attrs: ["approximate"], ctor: (a) => [pick(a, ["approximate"])] });
def("activation", nn.SiLU, { attrs: ["inplace"], ctor: (a) => [pick(a, ["inplace"])] });
def("activation", nn.Softplus, { attrs: ["beta", "threshold"], ctor: (a) => [pick(a, ["beta", "threshold"])] });
for (const c of [nn.Softmax, nn.LogSoftmax, nn.Softmin]) def("activation", c, { attrs: ["dim"], ctor: (a) => [pick(a, ["dim"])] });
for (const c of [nn.Dropout, nn.Dropout1d, nn.Dropout2d]) def("dropout", c, { attrs: ["p:f", "inplace"], ctor: (a) => [pick(a, ["p", "inplace"])] });
def("flatten", nn.Flatten, { attrs: ["start_dim", "end_dim"], ctor: (a) => [pick(a, ["start_dim", "end_dim"])] });
def("flatten", nn.Unflatten, { attrs: ["dim", "unflattened_size"], ctor: (a) => [pick(a, ["dim", "unflattened_size"])] });
def("sparse", nn.Embedding, {
  params: ["weight"],
  attrs: ["num_embeddings", "embedding_dim", "padding_idx", "max_norm", "norm_type:f", "scale_grad_by_freq", "sparse"],
  ctor: (a) => [a.num_embeddings, a.embedding_dim, pick(a, ["padding_idx", "max_norm", "norm_type", "scale_grad_by_freq", "sparse"])],
  // torchlab's Embedding refuses scale_grad_by_freq and sparse gradients.
  get: { scale_grad_by_freq: () => false, sparse: () => false },
});
def("normalization", nn.LayerNorm, {
  params: ["weight", "bias"],
  attrs: ["normalized_shape", "eps:f", "elementwise_affine"],
  ctor: (a) => [a.normalized_shape, pick(a, ["eps", "elementwise_affine"])],
});
def("loss", nn.CrossEntropyLoss, { attrs: ["reduction", "ignore_index", "label_smoothing:f"], ctor: (a) => [pick(a, ["reduction", "ignore_index", "label_smoothing"])] });
def("loss", nn.NLLLoss, { attrs: ["reduction", "ignore_index"], ctor: (a) => [pick(a, ["reduction", "ignore_index"])] });
for (const c of [nn.MSELoss, nn.L1Loss, nn.BCELoss, nn.BCEWithLogitsLoss]) def("loss", c, { attrs: ["reduction"], ctor: (a) => [pick(a, ["reduction"])] });
def("loss", nn.SmoothL1Loss, { attrs: ["reduction", "beta:f"], ctor: (a) => [pick(a, ["reduction", "beta"])] });
def("loss", nn.HuberLoss, { attrs: ["reduction", "delta:f"], ctor: (a) => [pick(a, ["reduction", "delta"])] });
def("loss", nn.KLDivLoss, {
  attrs: ["reduction", "log_target"],
  ctor: (a) => [pick(a, ["reduction", "log_target"])],
  // torchlab keeps 'batchmean' apart from the reduction the functional loss takes.
  get: { reduction: (m) => field(m, "kl_reduction") },
  internal: ["kl_reduction"],
});
// PyTorch computes the padding amounts as a list for 'same'/'valid' and as a tuple for numbers.
const reversedPadding = (m: Module): unknown => {
  const r = field(m, "_reversed_padding_repeated_twice") as number[];
  return typeof field(m, "padding") === "string" ? new PyList(r) : r;
};
const CONV_ATTRS = ["in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "transposed", "output_padding", "groups", "padding_mode", "_reversed_padding_repeated_twice"];
def("conv", nn.Conv2d, {
  params: ["weight", "bias"],
  attrs: CONV_ATTRS,
  ctor: (a, has) => [pick(a, ["in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups", "padding_mode"], { bias: has.bias })],
  get: { _reversed_padding_repeated_twice: reversedPadding },
});
def("conv", nn.ConvTranspose2d, {
  params: ["weight", "bias"],
  attrs: CONV_ATTRS,
  ctor: (a, has) => [pick(a, ["in_channels", "out_channels", "kernel_size", "stride", "padding", "output_padding", "dilation", "groups", "padding_mode"], { bias: has.bias })],
});
def("pooling", nn.MaxPool2d, {
  attrs: ["kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode"],
  ctor: (a) => [pick(a, ["kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode"])],
});
def("pooling", nn.AvgPool2d, {
  attrs: ["kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"],
  ctor: (a) => [pick(a, ["kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"])],
});
def("pooling", nn.AdaptiveAvgPool2d, { attrs: ["output_size"], ctor: (a) => [pick(a, ["output_size"])] });
def("pooling", nn.AdaptiveMaxPool2d, { attrs: ["output_size", "return_indices"], ctor: (a) => [pick(a, ["output_size", "return_indices"])] });
for (const c of [nn.BatchNorm1d, nn.BatchNorm2d]) {
  def("batchnorm", c, {
    params: ["weight", "bias"],
    attrs: ["num_features", "eps:f", "momentum:f", "affine", "track_running_stats"],
    ctor: (a) => [pick(a, ["num_features", "eps", "momentum", "affine", "track_running_stats"])],
  });
}
const UPSAMPLE_ATTRS = ["name", "size", "scale_factor:f", "mode", "align_corners", "recompute_scale_factor"];
def("upsampling", nn.Upsample, { attrs: UPSAMPLE_ATTRS, ctor: (a) => [pick(a, ["size", "scale_factor", "mode", "align_corners", "recompute_scale_factor"])] });
for (const c of [nn.UpsamplingNearest2d, nn.UpsamplingBilinear2d]) def("upsampling", c, { attrs: UPSAMPLE_ATTRS, ctor: (a) => [pick(a, ["size", "scale_factor"])] });
def("padding", nn.ConstantPad2d, { attrs: ["value:f", "padding"], ctor: (a) => [a.padding, a.value] });
def("padding", nn.ZeroPad2d, { attrs: ["value:f", "padding"], ctor: (a) => [a.padding] });
for (const c of [nn.ReflectionPad2d, nn.ReplicationPad2d]) def("padding", c, { attrs: ["padding"], ctor: (a) => [a.padding], internal: ["_mode"] });

def("pixelshuffle", nn.PixelShuffle, { attrs: ["upscale_factor"], ctor: (a) => [a.upscale_factor] });
def("pixelshuffle", nn.PixelUnshuffle, { attrs: ["downscale_factor"], ctor: (a) => [a.downscale_factor] });
// The recurrent layers' parameters are named per layer and direction (weight_ih_l0, ...): the constructor
// makes them from the attributes, so the file's fill them by name. PyTorch also keeps the names (lists)
// and `_flat_weights`, a list of those very parameters (the pickle memo makes them the same objects).
const RNN_ATTRS = ["mode", "input_size", "hidden_size", "num_layers", "bias", "batch_first", "dropout:f", "bidirectional", "proj_size", "_flat_weights_names", "_all_weights", "_flat_weights"];
const RNN_GET = {
  _flat_weights_names: (m: Module) => new PyList([...(field(m, "_flat_weights_names") as string[])]),
  _all_weights: (m: Module) => new PyList((field(m, "_all_weights") as string[][]).map((names) => new PyList([...names]))),
  _flat_weights: (m: Module) => new PyList((field(m, "_flat_weights_names") as string[]).map((n) => field(m, n))),
};
const rnnCtor = (a: Attrs): unknown[] => [a.input_size, a.hidden_size, pick(a, ["num_layers", "bias", "batch_first", "dropout", "bidirectional"])];
def("rnn", nn.RNN, { attrs: [...RNN_ATTRS, "nonlinearity"], ctor: (a) => [a.input_size, a.hidden_size, pick(a, ["num_layers", "bias", "batch_first", "dropout", "bidirectional", "nonlinearity"])], get: RNN_GET });
def("rnn", nn.LSTM, { attrs: RNN_ATTRS, ctor: (a) => [a.input_size, a.hidden_size, pick(a, ["num_layers", "bias", "batch_first", "dropout", "bidirectional", "proj_size"])], get: RNN_GET });
def("rnn", nn.GRU, { attrs: RNN_ATTRS, ctor: rnnCtor, get: RNN_GET });
const CELL_PARAMS = ["weight_ih", "weight_hh", "bias_ih", "bias_hh"];
def("rnn", nn.RNNCell, { params: CELL_PARAMS, attrs: ["input_size", "hidden_size", "bias", "nonlinearity"], ctor: (a) => [a.input_size, a.hidden_size, pick(a, ["bias", "nonlinearity"])] });
for (const c of [nn.LSTMCell, nn.GRUCell]) def("rnn", c, { params: CELL_PARAMS, attrs: ["input_size", "hidden_size", "bias"], ctor: (a) => [a.input_size, a.hidden_size, pick(a, ["bias"])] });

const BY_NAME = new Map(SPECS.map((s) => [s.qualname, s]));
const BY_CLASS = new Map<unknown, ModuleSpec>(SPECS.map((s) => [s.cls, s]));

/** The spec of `cls` or of its nearest torchlab built-in ancestor (a user's subclass of Conv2d is built as a Conv2d). */
export function specFor(cls: unknown): ModuleSpec | undefined {
  for (let c = cls; typeof c === "function" && c !== Module; c = Object.getPrototypeOf(c)) {
    const s = BY_CLASS.get(c);
    if (s) return s;
  }
  return undefined;
}

/** An attribute name of a spec without its `:f` mark, and whether it is a Python float. */
export function attrName(a: string): [string, boolean] {
  return a.endsWith(":f") ? [a.slice(0, -2), true] : [a, false];
}

/**
 * What a loaded attribute was in Python where a JavaScript value cannot tell: an integral float
 * (`2.0`), a tuple (JavaScript has only arrays), or a list or tuple of such items.
 */
export type PyForm = "float" | { seq: "tuple" | "list"; items: (PyForm | null)[] };

/** A raw unpickled value's PyForm, or null where the JavaScript value says it all. */
function pyForm(v: unknown, depth = 0): PyForm | null {
  if (v instanceof PyFloat) return "float";
  if (!Array.isArray(v) || depth > 8) return null;
  const items = v.map((x) => pyForm(x, depth + 1));
  const tuple = pyTuples.has(v);
  return tuple || items.some((f) => f !== null) ? { seq: tuple ? "tuple" : "list", items } : null;
}

/**
 * The PyForms of the plain attributes of modules torch.load rebuilt (a user's class: `self.scale = 2.0`,
 * `self.sizes = (3, 4)`), so that saving such a module again writes what Python had, not `2` and `[3, 4]`.
 */
export const loadedForms = new WeakMap<Module, Map<string, PyForm>>();

// ------------------------------------------------------------------ the registry

const registered = new Map<string, ModuleClass>();

function isModuleClass(x: unknown): x is ModuleClass {
  return typeof x === "function" && (x === Module || (x as { prototype?: unknown }).prototype instanceof Module);
}

/** The name a class is pickled under when nobody registered another: its spec's, else `<static __module__ or "__main__">.<name>`. */
function defaultName(cls: ModuleClass): string {
  const spec = BY_CLASS.get(cls);
  if (spec) return spec.qualname;
  const mod = (cls as unknown as { __module__?: unknown }).__module__;
  return `${typeof mod === "string" && mod ? mod : "__main__"}.${cls.name}`;
}

/**
 * Allows `torch.load` to rebuild modules of these classes, which a notebook or your code defines
 * (PyTorch's `torch.serialization.add_safe_globals`). A class registers under the name Python
 * pickles it with: `<module>.<ClassName>`, where the module is the class's `static __module__` if
 * it has one and `__main__` otherwise (a class defined in a Python notebook or script is
 * `__main__.Net`); give another name as `[cls, "package.module.Name"]`. Registered classes load
 * with `{weights_only: true}` too; torchlab's own layers and torchvision's models load by default
 * (`weights_only: false`, PyTorch 1.13's default) and with `weights_only: true` only when registered here.
 *
 * Loading creates the instance without running its constructor (as Python's unpickler does) and
 * assigns the file's parameters, buffers, sub-modules and attributes to the fields of the same
 * names, so the class's `forward` must read the names PyTorch's class uses. Nothing from the file
 * is ever called.
 *
 * @example
 * class Net extends nn.Module { ... }          // Python: class Net(nn.Module) in a notebook
 * torch.serialization.add_safe_globals([Net]);
 * const net = torch.load<Net>("net.pth");
 */
export function add_safe_globals(safe_globals: SafeGlobal[]): void {
  if (!Array.isArray(safe_globals)) throw new TypeError(`add_safe_globals(): expected an array of classes, got ${typeof safe_globals}`);
  const entries: [string, ModuleClass][] = safe_globals.map((g, i) => {
    const [cls, name] = Array.isArray(g) ? g : [g, undefined];
    if (!isModuleClass(cls)) {
      throw new TypeError(`add_safe_globals(): entry ${i} is not an nn.Module subclass (torchlab rebuilds modules only; tensors, numbers and containers need no registration)`);
    }
    const qual = name ?? defaultName(cls);
    if (typeof qual !== "string" || !/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+$/.test(qual)) {
      throw new TypeError(`add_safe_globals(): entry ${i} names ${JSON.stringify(qual)}; a class is named "module.ClassName" (e.g. "__main__.Net")`);
    }
    return [qual, cls];
  });
  for (const [qual, cls] of entries) registered.set(qual, cls);
}

/** The registered classes, as `[class, "module.Name"]` pairs. */
export function get_safe_globals(): [ModuleClass, string][] {
  return [...registered].map(([name, cls]) => [cls, name]);
}

/** Forgets every class `add_safe_globals` registered. */
export function clear_safe_globals(): void {
  registered.clear();
}

/** The Python name a module of class `cls` is pickled under. */
export function pickleName(cls: ModuleClass): [module: string, name: string] {
  let qual: string | undefined;
  for (const [n, c] of registered) if (c === cls) qual = n;
  qual ??= defaultName(cls);
  const dot = qual.lastIndexOf(".");
  return [qual.slice(0, dot), qual.slice(dot + 1)];
}

/** Where a class was found: `allowed` says whether the default (weights-only) load may use it. */
export interface FoundClass {
  cls: ModuleClass;
  registered: boolean;
}

/**
 * torchvision's classes, found lazily (torchvision imports torch, so it cannot be imported here at
 * load time): first along the Python path (`torchvision.models.resnet.ResNet` as
 * `torchvision.models.resnet.ResNet` or `torchvision.models.ResNet`), then any exported class in
 * torchvision's namespaces whose `static __module__` and name match.
 */
function findTorchvision(module: string, name: string): ModuleClass | undefined {
  let root: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    root = require("../torchvision");
  } catch {
    return undefined;
  }
  const matches = (c: unknown): c is ModuleClass => isModuleClass(c) && c.name === name && (c as unknown as { __module__?: unknown }).__module__ === module;
  const seen = new Set<unknown>();
  const queue: unknown[] = [root];
  for (let depth = 0; depth < 4 && queue.length; depth++) {
    const next: unknown[] = [];
    for (const ns of queue) {
      if (ns === null || typeof ns !== "object" || seen.has(ns)) continue;
      seen.add(ns);
      for (const key of Object.keys(ns)) {
        let v: unknown;
        try {
          v = (ns as Attrs)[key];
        } catch {
          continue;
        }
        if (matches(v)) return v;
        if (v !== null && typeof v === "object" && !Array.isArray(v)) next.push(v);
      }
    }
    queue.splice(0, queue.length, ...next);
  }
  return undefined;
}

/** The notebook's top-level names, Python's `__main__` (the kernel hands them over); null outside a kernel. */
let mainNamespace: Readonly<Record<string, unknown>> | null = null;

/**
 * @internal Called by the kernel with its globals: `torch.load` of a whole model then finds a class the
 * notebook defines (`__main__.Tudui`) without registration, as PyTorch 1.13's unpickler imports it.
 */
export function _setMainNamespace(ns: Readonly<Record<string, unknown>> | null): void {
  mainNamespace = ns;
}

/** Whether `__main__` is known (a kernel) and lacks `name`: PyTorch's unpickler raises AttributeError then. */
export function mainLacks(module: string, name: string): boolean {
  return module === "__main__" && mainNamespace !== null && !Object.prototype.hasOwnProperty.call(mainNamespace, name);
}

/** The class `module.name` stands for, or undefined. Never imports or runs anything the file names. */
export function findModuleClass(module: string, name: string): FoundClass | undefined {
  const qual = `${module}.${name}`;
  const reg = registered.get(qual);
  if (reg) return { cls: reg, registered: true };
  const spec = BY_NAME.get(qual);
  if (spec) return { cls: spec.cls, registered: false };
  // A class of the notebook's own, looked up by name in its globals only (nothing is imported).
  if (module === "__main__" && mainNamespace !== null && Object.prototype.hasOwnProperty.call(mainNamespace, name)) {
    const cls = mainNamespace[name];
    if (isModuleClass(cls)) return { cls, registered: false };
  }
  if (module === "torchvision" || module.startsWith("torchvision.")) {
    const cls = findTorchvision(module, name);
    if (cls) return { cls, registered: false };
  }
  return undefined;
}

/** Every built-in spec, for the tests that compare them with PyTorch's own `__dict__`. */
export function _builtin_specs(): readonly ModuleSpec[] {
  return SPECS;
}

// ------------------------------------------------------------------ rebuilding a loaded module

/** Keys of a module's `__dict__` that hold hooks (PyTorch 1.13's and 2.x's); only empty ones load. */
const HOOK_KEYS = new Set([
  "_backward_hooks", "_backward_pre_hooks", "_forward_hooks", "_forward_hooks_with_kwargs", "_forward_hooks_always_called",
  "_forward_pre_hooks", "_forward_pre_hooks_with_kwargs", "_state_dict_hooks", "_state_dict_pre_hooks",
  "_load_state_dict_pre_hooks", "_load_state_dict_post_hooks", "_is_full_backward_hook",
]);

/** A module of class `cls` as the unpickler sees it, before it is rebuilt: the state BUILD gave it. */
export interface ModuleState {
  /** `module.Name`, for messages. */
  qualname: string;
  cls: ModuleClass;
  /** The BUILD state's entries, with string keys, still unconverted. */
  entries: [string, unknown][];
}

/** Converts one pickled value (tensors, dicts, nested modules) to torchlab's; supplied by the reader. */
export type Convert = (v: unknown, path: string[]) => unknown;

/** Python's equality for the attribute values a layer's constructor sets (tuples and lists are arrays here). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof PyList) return sameValue(a.items, b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (typeof a === "number" && typeof b === "number") return a === b || (Number.isNaN(a) && Number.isNaN(b));
  return a === b;
}

function show(v: unknown): string {
  if (Array.isArray(v)) return `(${v.map(show).join(", ")}${v.length === 1 ? "," : ""})`;
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "string") return `'${v.slice(0, 80)}'`;
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (v instanceof Module) return v._get_name();
  return typeof v === "function" ? `<class ${(v as { name?: string }).name ?? "?"}>` : "<object>";
}

function shapeOf(t: unknown): string {
  return t instanceof Tensor ? `[${t.shape.join(", ")}]` : "None";
}

/** Whether a loaded attribute value is data: no callables except module classes (which Python stores, e.g. ResNet's `_norm_layer`). */
function isData(v: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof v === "function") return v instanceof Module || isModuleClass(v);
  if (Array.isArray(v)) return v.every((x) => isData(x, depth + 1));
  if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === null) return Object.values(v).every((x) => isData(x, depth + 1));
  return true;
}

/**
 * Why `name` may not become a plain attribute of `m`: a double-underscore name, a method or
 * accessor of its class (a file must not replace `forward`), or one of Module's own internals.
 */
function attributeClash(m: Module, name: string): string | undefined {
  if (name.startsWith("__")) return "names with two leading underscores are Python's and JavaScript's own";
  const own = Object.getOwnPropertyDescriptor(m, name);
  if (own && !own.enumerable) return "it is one of the module's internals";
  for (let o: object | null = Object.getPrototypeOf(m); o !== null; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d) return d.get || d.set ? `it is a property of ${m._get_name()}` : typeof d.value === "function" ? `it is a method of ${m._get_name()}` : undefined;
  }
  return undefined;
}

/**
 * Rebuilds a module from its pickled `__dict__` (see the file comment). Throws an Error naming the
 * module's place and class for anything it cannot rebuild faithfully; the caller adds the file name.
 */
export function rebuildModule(st: ModuleState, path: string[], convert: Convert): Module {
  const where = `module '${path.join(".") || "<root>"}' (${st.qualname})`;
  const fail = (msg: string): never => {
    throw new Error(`${where}: ${msg}`);
  };
  let training = true;
  let params: [string, unknown][] = [];
  let buffers: [string, unknown][] = [];
  let children: [string, unknown][] = [];
  let nonPersistent: unknown[] = [];
  const attrs: [string, unknown][] = [];
  const rawAttrs = new Map<string, unknown>();
  // Members are named as state_dict() names them ('layer1.0.conv1'), without the dict's own key.
  const items = (k: string, v: unknown): [string, unknown][] => {
    const d = convert(v, path);
    if (d === null || typeof d !== "object" || Array.isArray(d)) return fail(`'${k}' is ${show(d)}, not a dict`);
    return Object.keys(d).map((n) => [n, (d as Attrs)[n]]);
  };
  for (const [k, v] of st.entries) {
    if (k === "training") {
      if (typeof v !== "boolean") fail(`'training' is ${show(v)}, not a bool`);
      training = v as boolean;
    } else if (k === "_parameters") params = items(k, v);
    else if (k === "_buffers") buffers = items(k, v);
    else if (k === "_modules") children = items(k, v);
    else if (k === "_non_persistent_buffers_set") {
      const s = convert(v, [...path, k]);
      if (!Array.isArray(s) || !s.every((x) => typeof x === "string")) fail(`'${k}' is not a set of names`);
      nonPersistent = s as unknown[];
    } else if (HOOK_KEYS.has(k)) {
      const h = convert(v, [...path, k]);
      const empty = h === null || typeof h === "boolean" || (Array.isArray(h) && h.length === 0) || (typeof h === "object" && Object.keys(h as object).length === 0);
      if (!empty) fail(`it has ${k.replace(/^_/, "")}, functions that torchlab cannot load; remove the hooks in Python before saving`);
    } else {
      attrs.push([k, convert(v, [...path, k])]);
      rawAttrs.set(k, v);
    }
  }
  for (const [n, p] of params) if (p !== null && !(p instanceof Parameter)) fail(`parameter '${n}' is ${show(p)}, not an nn.Parameter`);
  for (const [n, b] of buffers) if (b !== null && !(b instanceof Tensor)) fail(`buffer '${n}' is ${show(b)}, not a tensor`);
  for (const [n, c] of children) if (c !== null && !(c instanceof Module)) fail(`sub-module '${n}' is ${show(c)}, not a module`);
  for (const [n, v] of attrs) if (!isData(v)) fail(`attribute '${n}' holds a callable, which torchlab does not load`);

  const spec = specFor(st.cls);
  const attrMap: Attrs = Object.create(null) as Attrs;
  for (const [n, v] of attrs) attrMap[n] = v;
  let m: Module;
  // A layer's constructor draws its initial weights, which the file's replace: loading leaves the
  // random stream where it was, as PyTorch's torch.load does (seed, load, then make a new head).
  const rng = default_generator._state_words();
  try {
    if (spec) {
      const has: Record<string, boolean> = {};
      for (const [n, p] of params) has[n] = p !== null;
      m = Reflect.construct(spec.cls, spec.ctor(attrMap, has), st.cls) as Module;
    } else m = Reflect.construct(Module, [], st.cls) as Module;
  } catch (e) {
    return fail(`its arguments do not build a torchlab ${spec ? spec.cls.name : st.cls.name}: ${(e as Error).message}`);
  } finally {
    default_generator.set_state(rng);
  }
  const fields = m as unknown as Attrs;
  try {
    m.training = training;
    const slots = new Set(spec?.params ?? []);
    for (const [n, p] of params) {
      if (slots.has(n)) {
        const cur = fields[n];
        if (cur instanceof Tensor && p instanceof Tensor && shapeOf(cur) !== shapeOf(p)) {
          fail(`parameter '${n}' has shape ${shapeOf(p)}, but the layer's arguments (${m.extra_repr()}) make it ${shapeOf(cur)}`);
        }
        fields[n] = p;
      } else m.register_parameter(n, p as Parameter | null);
    }
    const np = new Set(nonPersistent as string[]);
    for (const [n, b] of buffers) {
      if (m._buffer_names.has(n)) {
        const cur = fields[n];
        if (cur instanceof Tensor && b instanceof Tensor && shapeOf(cur) !== shapeOf(b)) {
          fail(`buffer '${n}' has shape ${shapeOf(b)}, but the layer's arguments (${m.extra_repr()}) make it ${shapeOf(cur)}`);
        }
        fields[n] = b;
        if (np.has(n)) m._non_persistent_buffers.add(n);
        else m._non_persistent_buffers.delete(n);
      } else m.register_buffer(n, b as Tensor | null, !np.has(n));
    }
    for (const [n, c] of children) m.add_module(n, c as Module | null);
    const specAttrs = new Set<string>();
    for (const a of spec?.attrs ?? []) {
      const [n] = attrName(a);
      specAttrs.add(n);
      if (!(n in attrMap)) continue; // an older PyTorch without this attribute: the constructor's default stands
      const mine = spec?.get?.[n] ? spec.get[n](m) : fields[n];
      if (!sameValue(mine, attrMap[n])) {
        fail(`its attribute ${n}=${show(attrMap[n])} is not what torchlab's ${spec?.cls.name} makes of its arguments (${show(mine)}); torchlab cannot rebuild this layer faithfully`);
      }
    }
    const forms = new Map<string, PyForm>();
    for (const [n, v] of attrs) {
      if (specAttrs.has(n)) continue;
      const clash = attributeClash(m, n);
      if (clash) fail(`the file sets its attribute '${n.slice(0, 80)}', which torchlab refuses: ${clash}`);
      fields[n] = v;
      const form = pyForm(rawAttrs.get(n));
      if (form !== null) forms.set(n, form);
    }
    if (forms.size) loadedForms.set(m, forms);
  } catch (e) {
    if ((e as Error).message.startsWith(where)) throw e;
    fail((e as Error).message);
  }
  return m;
}
