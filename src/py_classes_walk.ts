/**
 * Gives torchlab's exported classes Python's module and name (src/py_classes.ts), so that `type(opt)`
 * prints `<class 'torch.optim.sgd.SGD'>` and not `<class '__main__.SGD'>`. The classes are found by
 * walking the exported modules (torch, torchvision, numpy, pandas, sklearn) the first time a class without a module is
 * printed, not at import; a class a notebook writes stays `__main__`'s.
 */
import * as numpy from "./numpy";
import * as pandas from "./pandas";
import * as sklearn from "./sklearn";
import { NOT_IN_PYTORCH, PY_CLASSES } from "./py_classes";
import { isClass, nameLibraryClass, setLibraryClassNamer } from "./pyrepr";
import * as torch from "./torch";
import * as torchvision from "./torchvision";

const ROOTS: [string, object][] = [
  ["torch", torch],
  ["torchvision", torchvision],
  ["numpy", numpy],
  ["pandas", pandas],
  ["sklearn", sklearn],
];

function isModuleNamespace(obj: object): boolean {
  return (obj as Record<symbol, unknown>)[Symbol.toStringTag] === "Module" || Object.getOwnPropertyDescriptor(obj, "__esModule")?.value === true;
}

/** Each exported class by the shortest dotted path it is reachable by (`torch.optim.SGD`). */
export function libraryClasses(): Map<object, string> {
  const found = new Map<object, string>();
  const seen = new Set<object>();
  const walk = (node: object, name: string, depth: number): void => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const key of Object.keys(node)) {
      const d = Object.getOwnPropertyDescriptor(node, key);
      // A compiled module re-exports through getters; a plain object's getters may compute, so are not read.
      const value = d?.get !== undefined && isModuleNamespace(node) ? (node as Record<string, unknown>)[key] : d?.value;
      if (value === null || value === undefined) continue;
      const path = `${name}.${key}`;
      if (isClass(value)) {
        const known = found.get(value);
        if (known === undefined || path.split(".").length < known.split(".").length) found.set(value, path);
      } else if (depth > 0 && typeof value === "object" && /^[a-z][a-z0-9_]*$/.test(key) && (isModuleNamespace(value) || Object.getPrototypeOf(value) === Object.prototype)) {
        walk(value, path, depth - 1);
      }
    }
  };
  for (const [name, root] of ROOTS) walk(root, name, 5);
  return found;
}

/** The dotted paths of the exported classes (test/reference/gen_py_classes.py resolves them in PyTorch). */
export function libraryClassPaths(): string[] {
  return [...libraryClasses().values()];
}

/** The exported classes whose path is neither in PY_CLASSES nor NOT_IN_PYTORCH (the table is stale). */
export function unlistedClassPaths(): string[] {
  const listed = new Set(NOT_IN_PYTORCH);
  return libraryClassPaths().filter((p) => !(p in PY_CLASSES) && !listed.has(p) && !/(Error|Warning|Exception|StopIteration|KeyboardInterrupt)$/.test(p));
}

setLibraryClassNamer(() => {
  for (const [cls, path] of libraryClasses()) {
    const qualified = PY_CLASSES[path];
    if (qualified === undefined) continue;
    const dot = qualified.lastIndexOf(".");
    nameLibraryClass(cls, qualified.slice(0, dot), qualified.slice(dot + 1));
  }
});
