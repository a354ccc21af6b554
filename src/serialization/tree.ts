/**
 * The object handed to torch.save, checked once and turned into a tree that both writers
 * (safetensors, PyTorch zip) walk. The checks, and their messages, are the same whichever format
 * the file gets. PyTorch's format also holds whole modules (as PyTorch pickles them, see
 * ./modules.ts), so its tree (`toPyTree`) has the few Python kinds a module's `__dict__` needs.
 */
import { Tensor } from "../tensor/tensor";
import { Parameter } from "../nn/parameter";
import { Module } from "../nn/modules/module";
import { TypeError } from "../errors";
import { pyMappingOf } from "../pyrepr";
import { attrName, pickleName, specFor, loadedForms, ModuleClass, PyForm, PyList } from "./modules";

export type TreeNode =
  | { kind: "tensor"; t: Tensor; path: string[] }
  | { kind: "value"; v: null | boolean | number | string | bigint }
  | { kind: "list"; items: TreeNode[] }
  | { kind: "dict"; entries: [string, TreeNode][] };

/** A node of PyTorch's pickle: TreeNode's kinds plus what a module's `__dict__` holds. */
export type PyNode =
  | { kind: "tensor"; t: Tensor; path: string[]; param?: boolean }
  | { kind: "value"; v: null | boolean | number | string | bigint }
  | { kind: "float"; v: number }
  | { kind: "list"; items: PyNode[] }
  | { kind: "tuple"; items: PyNode[] }
  | { kind: "set"; items: PyNode[] }
  /** `ordered`: a collections.OrderedDict; `strKeys`: keys stay str ("0" too, as a Sequential's `_modules` has them). */
  | { kind: "dict"; entries: [string, PyNode][]; ordered?: boolean; strKeys?: boolean }
  | { kind: "global"; module: string; name: string }
  | { kind: "object"; module: string; name: string; state: [string, PyNode][]; ref: object };

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function kind(x: unknown): string {
  if (x === null) return "null";
  if (typeof x === "object" || (typeof x === "function" && "state_dict" in x)) return (x as object).constructor?.name ?? "object";
  return typeof x;
}

function isModuleClass(x: unknown): x is ModuleClass {
  return typeof x === "function" && (x === Module || (x as { prototype?: unknown }).prototype instanceof Module);
}

const NONE: PyNode = { kind: "value", v: null };
const emptyOdict = (): PyNode => ({ kind: "dict", entries: [], ordered: true, strKeys: true });
const odict = (entries: [string, PyNode][]): PyNode => ({ kind: "dict", entries, ordered: true, strKeys: true });

/** Builds the tree of `obj`, or throws a TypeError naming the first value a checkpoint cannot hold. */
export function toTree(obj: unknown): TreeNode {
  return build(obj, false) as TreeNode;
}

/** Builds the tree of `obj` for PyTorch's format, where whole modules are allowed too. */
export function toPyTree(obj: unknown): PyNode {
  return build(obj, true);
}

function build(obj: unknown, modules: boolean): PyNode {
  const seen = new Set<object>();
  const done = new Map<Module, PyNode>();

  const walk = (v: unknown, path: string[]): PyNode => {
    if (v instanceof Tensor) return { kind: "tensor", t: v, path, ...(v instanceof Parameter && modules ? { param: true } : {}) };
    if (v === null || typeof v === "boolean" || typeof v === "string" || typeof v === "number" || typeof v === "bigint") return { kind: "value", v };
    const where = path.length ? `'${path.join(".")}'` : "the object";
    if (v === undefined) throw new TypeError(`torch.save: ${where} is undefined; use null for a missing value`);
    const name = path.length ? path[path.length - 1] : "net";
    if (v instanceof Module) {
      if (!modules) {
        throw new TypeError(
          `torch.save: cannot save ${where}, a ${kind(v)} object, in the safetensors format: whole modules are saved in PyTorch's format only (a .pt or .pth file name, or {format: "pytorch"}); or save its state_dict() (torch.save(${name}.state_dict(), path)) and call load_state_dict(torch.load(path)) on a freshly built one`,
        );
      }
      const node = done.get(v);
      if (node) return node;
      if (seen.has(v)) throw new TypeError(`torch.save: ${where} is a module that contains itself (a cycle); checkpoints hold trees of modules`);
      seen.add(v);
      try {
        const out = moduleNode(v, path, walk);
        done.set(v, out);
        return out;
      } finally {
        seen.delete(v);
      }
    }
    if (modules && isModuleClass(v)) {
      const [module, cname] = pickleName(v);
      return { kind: "global", module, name: cname };
    }
    // An optimizer pickles its param_groups and state in PyTorch, whose parameters must be the
    // model's own objects: the state_dict, loaded into an optimizer built on the loaded model, is the portable form.
    if ((typeof v === "object" || typeof v === "function") && !isPlainObject(v) && typeof (v as { state_dict?: unknown }).state_dict === "function") {
      throw new TypeError(
        `torch.save: cannot save ${where}, a ${kind(v)} object: torchlab saves an optimizer's state, not the optimizer; save its state_dict() instead (torch.save(${name}.state_dict(), path)) and call load_state_dict(torch.load(path)) on a freshly built one`,
      );
    }
    if (typeof v === "object") {
      if (seen.has(v)) throw new TypeError(`torch.save: ${where} refers back to one of its containers (a cycle); checkpoints hold trees`);
      seen.add(v);
      try {
        if (Array.isArray(v)) return { kind: "list", items: v.map((x, i) => walk(x, [...path, String(i)])) };
        if (isPlainObject(v)) {
          const entries = Object.entries(v).map(([k, x]) => [k, walk(x, [...path, k])] as [string, PyNode]);
          // A state_dict() (or a loaded OrderedDict) stays an OrderedDict; a plain object is a dict, as in PyTorch.
          return pyMappingOf(v) === "OrderedDict" ? { kind: "dict", entries, ordered: true } : { kind: "dict", entries };
        }
      } finally {
        seen.delete(v);
      }
    }
    throw new TypeError(
      `torch.save: cannot save ${where} of type ${kind(v)}; checkpoints hold tensors, numbers, strings, booleans, null, and arrays/plain objects of them${modules ? ", and modules" : " (save a module's state_dict(), not the module)"}`,
    );
  };
  return walk(obj, []);
}

/**
 * A spec'd attribute as PyTorch's constructor stores it: arrays are tuples, and a `:f` attribute is
 * a Python float even when its value is integral (`eps`, `momentum`, `p`, Hardtanh's `min_val`).
 */
function specAttr(v: unknown, float: boolean, path: string[], walk: (v: unknown, path: string[]) => PyNode): PyNode {
  if (typeof v === "number" && float) return { kind: "float", v };
  if (v instanceof PyList) return { kind: "list", items: v.items.map((x, i) => specAttr(x, float, [...path, String(i)], walk)) };
  if (Array.isArray(v)) return { kind: "tuple", items: v.map((x, i) => specAttr(x, float, [...path, String(i)], walk)) };
  return walk(v, path);
}

/**
 * An attribute of a module torch.load rebuilt, as Python had it (see `loadedForms`): a number that
 * was a float stays one, an array that was a tuple stays one. A value the notebook has since replaced
 * by one of another shape is written as it is now.
 */
function formAttr(v: unknown, form: PyForm, path: string[], walk: (v: unknown, path: string[]) => PyNode): PyNode {
  if (form === "float") return typeof v === "number" ? { kind: "float", v } : walk(v, path);
  if (!Array.isArray(v) || v.length !== form.items.length) return walk(v, path);
  const items = v.map((x, i) => {
    const f = form.items[i];
    return f ? formAttr(x, f, [...path, String(i)], walk) : walk(x, [...path, String(i)]);
  });
  return { kind: form.seq, items };
}

/** A module as PyTorch pickles it: its class, then its `__dict__` (see ./modules.ts). */
function moduleNode(m: Module, path: string[], walk: (v: unknown, path: string[]) => PyNode): PyNode {
  const cls = Object.getPrototypeOf(m).constructor as ModuleClass;
  const where = path.length ? `'${path.join(".")}'` : "the module";
  const [module, name] = pickleName(cls);
  if (!name) throw new TypeError(`torch.save: ${where} is an instance of an anonymous class, which Python could not import; give the class a name`);
  if (m._forward_hooks.size || m._forward_pre_hooks.size || m._backward_hooks.size) {
    const kind = m._backward_hooks.size && !(m._forward_hooks.size || m._forward_pre_hooks.size) ? "backward" : "forward";
    throw new TypeError(
      `torch.save: ${where} (${m._get_name()}) has ${kind} hooks, JavaScript functions that a checkpoint cannot hold; remove them (handle.remove()) before saving the module, or save its state_dict()`,
    );
  }
  const fields = m as unknown as Record<string, unknown>;
  const spec = specFor(cls);
  const members = new Set<string>();
  const params: [string, PyNode][] = [];
  for (const n of spec?.params ?? []) {
    const p = fields[n];
    members.add(n);
    params.push([n, p === null || p === undefined ? NONE : walk(p, [...path, n])]);
  }
  for (const [n, p] of m._parameter_entries()) {
    if (members.has(n)) continue;
    members.add(n);
    params.push([n, walk(p, [...path, n])]);
  }
  const buffers: [string, PyNode][] = [];
  for (const n of m._buffer_names) {
    const b = fields[n];
    members.add(n);
    buffers.push([n, b instanceof Tensor ? { kind: "tensor", t: b, path: [...path, n] } : NONE]);
  }
  const children: [string, PyNode][] = m._module_entries().map(([n, c]) => {
    members.add(n);
    return [n, walk(c, [...path, n])];
  });
  const state: [string, PyNode][] = [
    ["training", { kind: "value", v: m.training }],
    ["_parameters", odict(params)],
    ["_buffers", odict(buffers)],
    ["_non_persistent_buffers_set", { kind: "set", items: [...m._non_persistent_buffers].map((n) => ({ kind: "value", v: n }) as PyNode) }],
    ["_backward_hooks", emptyOdict()],
    ["_is_full_backward_hook", NONE],
    ["_forward_hooks", emptyOdict()],
    ["_forward_pre_hooks", emptyOdict()],
    ["_state_dict_hooks", emptyOdict()],
    ["_load_state_dict_pre_hooks", emptyOdict()],
    ["_load_state_dict_post_hooks", emptyOdict()],
    ["_modules", odict(children)],
  ];
  const skip = new Set([...members, ...(spec?.internal ?? [])]);
  for (const a of spec?.attrs ?? []) {
    const [n, float] = attrName(a);
    skip.add(n);
    const get = spec?.get?.[n];
    state.push([n, specAttr(get ? get(m) : fields[n], float, [...path, n], walk)]);
  }
  // A user's class (or a user's subclass of a built-in): its own fields, as Python's __dict__ holds them.
  // (A field declared but never assigned is undefined under define semantics, as tslab compiles
  // cells; Python has no such attribute.)
  const forms = loadedForms.get(m);
  for (const k of Object.keys(m)) {
    if (skip.has(k) || fields[k] === undefined) continue;
    const form = forms?.get(k);
    state.push([k, form ? formAttr(fields[k], form, [...path, k], walk) : walk(fields[k], [...path, k])]);
  }
  return { kind: "object", module, name, state, ref: m };
}
