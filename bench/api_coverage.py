#!/usr/bin/python3
"""Which public PyTorch 1.13 / torchvision 0.14 names torchlab lacks, ranked by use in tutorial code.

Run from the repository root after `npm run build` (it reads dist/ through node):

    /usr/bin/python3 bench/api_coverage.py [--md bench/api_coverage.md] [--mirrors '/work/.mirror/*/repo']

1. Lists PyTorch's public callables per namespace (torch, torch.Tensor methods and attributes,
   torch.nn modules, torch.nn.functional, torch.nn.init, torch.optim, torch.optim.lr_scheduler,
   torch.utils.data, torch.linalg, torch.fft, torchvision.transforms, torchvision.ops,
   torchvision.utils).
2. Asks node for the names torchlab's `torch` / `torchvision` objects expose in the same places
   (own and inherited properties, so Tensor getters count).
3. Counts, in the tutorial mirrors (bare git dirs; `git grep` on HEAD over *.py, *.ipynb, *.md), the
   dotted identifiers spelled the way notebooks reach each name (`torch.x`, `F.x`, `nn.X`, `.x` for
   Tensor methods, `transforms.X`, ...), and writes the missing names ranked by that count.
"""
import argparse
import collections
import glob
import inspect
import json
import os
import re
import subprocess
import sys

import torch
import torch.nn
import torch.nn.functional
import torch.nn.init
import torch.optim
import torch.optim.lr_scheduler
import torch.utils.data
import torch.linalg
import torch.fft
import torchvision
import torchvision.transforms
import torchvision.ops
import torchvision.utils

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# namespace -> (PyTorch object, torchlab path in JS, spellings that reach a name in user code)
NAMESPACES = {
    "torch": (torch, "torch", ["torch."]),
    "Tensor": (torch.Tensor, "torch.Tensor.prototype", ["."]),
    "torch.nn": (torch.nn, "torch.nn", ["nn.", "torch.nn."]),
    "torch.nn.functional": (torch.nn.functional, "torch.nn.functional", ["F.", "functional."]),
    "torch.nn.init": (torch.nn.init, "torch.nn.init", ["init."]),
    "torch.optim": (torch.optim, "torch.optim", ["optim."]),
    "torch.optim.lr_scheduler": (torch.optim.lr_scheduler, "torch.optim.lr_scheduler", ["lr_scheduler."]),
    "torch.utils.data": (torch.utils.data, "torch.utils.data", ["data.", ""]),
    "torch.linalg": (torch.linalg, "torch.linalg", ["linalg."]),
    "torch.fft": (torch.fft, "torch.fft", ["fft."]),
    "torchvision.transforms": (torchvision.transforms, "torchvision.transforms", ["transforms."]),
    "torchvision.ops": (torchvision.ops, "torchvision.ops", ["ops."]),
    "torchvision.utils": (torchvision.utils, "torchvision.utils", ["utils."]),
}


# Backend-, quantization- and JIT-internal spellings no notebook calls; listed apart, not ranked.
INTERNAL = re.compile(r"^(cudnn_|miopen_|mkldnn_|fbgemm_|quantize|quantized_|q_|int_repr|dequantize|native_|batch_norm_(backward|elemt|gather|stats|update)|"
                      r"fake_quantize|choose_qparams|fused_|is_vulkan|vitals|read_vitals|set_vital|import_ir|parse_(ir|schema|type)|merge_type|unify_type|"
                      r"autocast_|_?sparse_(bsr|bsc|csr|csc|compressed)|to_mkldnn|is_mkldnn|ccol_|crow_|col_indices|row_indices|segment_reduce)|_copy$")
# Classes of torch._C a notebook may name (the rest are TorchScript / dispatcher internals).
TORCH_C_CLASSES = {"Generator", "Size", "device", "dtype", "finfo", "iinfo", "layout", "memory_format", "Stream", "Event"}
FOREIGN_MODULES = ("typing", "torch._jit_internal", "torch.overrides", "torch.jit", "torch._C._jit", "torch._sources")


def pytorch_names(ns, obj):
    names = set()
    for n in dir(obj):
        if n.startswith("_") or (n == "Tensor" and ns != "torch"):
            continue
        try:
            v = getattr(obj, n)
        except Exception:  # noqa: BLE001 - a lazy attribute that fails to load is not public API
            continue
        if inspect.ismodule(v):
            continue
        if ns == "Tensor":
            names.add(n)  # methods and attributes (shape, T, grad, ...) alike
        elif ns == "torch.nn":
            if inspect.isclass(v) and issubclass(v, torch.nn.Module):
                names.add(n)
        elif ns == "torch.optim":
            if inspect.isclass(v) and issubclass(v, torch.optim.Optimizer):
                names.add(n)
        elif ns == "torch.optim.lr_scheduler":
            if inspect.isclass(v) and v.__module__ == "torch.optim.lr_scheduler" and n != "Optimizer":
                names.add(n)
        elif callable(v):
            if ns == "torch" and (n[0].isupper() and n.endswith("Storage") or n.endswith("Type")):
                continue  # storage classes and the tensortype metaclass
            mod = getattr(v, "__module__", None) or ""
            if mod.startswith(FOREIGN_MODULES):
                continue
            if ns == "torch" and inspect.isclass(v) and mod.startswith("torch._C") and n not in TORCH_C_CLASSES:
                continue
            if ns in ("torchvision.transforms", "torchvision.ops", "torchvision.utils", "torch.utils.data") and not mod.startswith(ns):
                continue  # re-exported helpers (typing, PIL, math) are not that namespace's API
            names.add(n)
    return names


def torchlab_names():
    spec = json.dumps({ns: p for ns, (_o, p, _s) in NAMESPACES.items()})
    js = f"""
const {{ torch, torchvision }} = require({json.dumps(os.path.join(ROOT, "dist/src/index.js"))});
const spec = {spec};
const out = {{}};
(async () => {{
await torch.ready();
const instance = torch.zeros(1);
for (const [ns, path] of Object.entries(spec)) {{
  let o = path.split(".").reduce((a, k) => (a == null ? a : a[k]), {{ torch, torchvision }});
  const names = new Set();
  while (o && o !== Object.prototype && o !== Function.prototype) {{
    Object.getOwnPropertyNames(o).forEach((n) => names.add(n));
    o = Object.getPrototypeOf(o);
  }}
  if (ns === "Tensor") Object.getOwnPropertyNames(instance).forEach((n) => names.add(n));
  out[ns] = [...names];
}}
process.stdout.write(JSON.stringify(out));
process.exit(0);
}})();
"""
    res = subprocess.run(["node", "-e", js], capture_output=True, text=True, cwd=ROOT, check=True)
    return {k: set(v) for k, v in json.loads(res.stdout).items()}


TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*([.][A-Za-z_][A-Za-z0-9_]*)*")  # POSIX ERE for git grep


def usage_counts(mirrors):
    """Counter of dotted identifiers and of their suffixes after each dot ("a.b.c" counts "a.b.c",
    ".b.c", "b.c", ".c", "c"), so a spelling such as "nn.Linear" or ".view" is one dict lookup."""
    counts = collections.Counter()
    for repo in mirrors:
        res = subprocess.run(["git", "-C", repo, "grep", "-h", "-o", "-E", TOKEN.pattern, "HEAD", "--", "*.py", "*.ipynb", "*.md"],
                             capture_output=True, text=True, errors="replace")
        for line in res.stdout.splitlines():
            tok = line.split(":", 1)[1] if line.startswith("HEAD:") else line
            parts = tok.split(".")
            for i in range(len(parts)):
                tail = ".".join(parts[i:])
                counts[tail] += 1
                if i > 0:
                    counts["." + tail] += 1
    return counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--md", default=os.path.join(ROOT, "bench", "api_coverage.md"))
    ap.add_argument("--mirrors", default="/work/.mirror/*/repo")
    ap.add_argument("--top", type=int, default=120)
    args = ap.parse_args()
    mirrors = sorted(glob.glob(args.mirrors))
    have = torchlab_names()
    counts = usage_counts(mirrors)
    rows, summary, internal = [], [], []
    for ns, (obj, _p, spellings) in NAMESPACES.items():
        want = pytorch_names(ns, obj)
        missing = sorted(want - have.get(ns, set()))
        summary.append((ns, len(want), len(want) - len(missing), missing))
        for n in missing:
            if INTERNAL.search(n):
                internal.append(f"{ns}.{n}")
                continue
            # Tensor methods counted as ".name" (any receiver); bare spelling only for CamelCase classes
            c = max(counts.get(s + n, 0) for s in spellings if s or n[0].isupper())
            rows.append((c, ns, n))
    rows.sort(key=lambda r: (-r[0], r[1], r[2]))
    lines = [
        "# API coverage against PyTorch 1.13 / torchvision 0.14",
        "",
        "Written by `/usr/bin/python3 bench/api_coverage.py` (after `npm run build`); rerun it to refresh.",
        f"Usage counts: dotted identifiers in {len(mirrors)} tutorial mirrors ("
        + ", ".join(os.path.basename(os.path.dirname(m)) for m in mirrors)
        + "), *.py/*.ipynb/*.md at HEAD. A Tensor method counts every `.name` (any receiver), so short"
        " names shared with Python (`.append`, `.items`) are over-counted; read the ranking with that in mind.",
        "",
        "How to read it: a name counts as present when torchlab's object has a property of that name (Tensor: prototype"
        " or instance), whatever its arguments; the per-name fixture tests are what prove behaviour. In these mirrors"
        " almost every call already resolves (the top counts below are mostly Python's own `.values`/`.name`), so the"
        " next ranking should come from pytorch/tutorials (its snapshot, 5.3 GB, is too large for the mirror tool;"
        " pass another `--mirrors` glob when a copy exists) and torchvision's detection tutorials.",
        "",
        "| namespace | PyTorch names | in torchlab | missing |",
        "|---|---:|---:|---:|",
    ]
    for ns, total, got, missing in summary:
        lines.append(f"| {ns} | {total} | {got} | {len(missing)} |")
    lines += ["", f"## Missing names ranked by use (top {args.top})", "", "| uses | namespace | name |", "|---:|---|---|"]
    for c, ns, n in rows[: args.top]:
        lines.append(f"| {c} | {ns} | `{n}` |")
    lines += ["", "## All missing names per namespace (backend/quantization internals included)", ""]
    for ns, _t, _g, missing in summary:
        lines.append(f"- **{ns}** ({len(missing)}): " + (", ".join(f"`{n}`" for n in missing) or "none"))
    lines += ["", f"Not ranked ({len(internal)}, backend, quantization and JIT internals matched by INTERNAL): "
              + ", ".join(f"`{n}`" for n in internal)]
    with open(args.md, "w") as f:
        f.write("\n".join(lines) + "\n")
    for ns, total, got, missing in summary:
        print(f"{ns:28s} {got:4d}/{total:4d}")
    for c, ns, n in rows[:60]:
        print(f"{c:6d} {ns:26s} {n}")


if __name__ == "__main__":
    sys.exit(main())
