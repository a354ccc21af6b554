"""A whole module whose plain attributes need Python's types, for test/serialization/module_attr_types.test.ts.

Usage:  /usr/bin/python3 test/reference/gen_module_attr_types.py            writes the fixture
        /usr/bin/python3 test/reference/gen_module_attr_types.py FILE.pth   prints FILE's attribute types (JSON)

checkpoints/module_attr_types.pt is torch.save(Attrs()) of the class below, whose attributes are the
ones JavaScript numbers and arrays cannot tell apart: ints, floats with integral values (2.0), tuples
and lists, nested. checkpoints/module_attr_types.json holds their values and Python types (`types`).
"""
import json
import os
import sys

import torch
import torch.nn as nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "checkpoints")


class Attrs(nn.Module):
    """Mirrored by the class Attrs of module_attr_types.test.ts."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)
        self.hidden = 16
        self.scale = 2.0
        self.ratio = 0.5
        self.zero = 0.0
        self.sizes = (3, 4)
        self.mixed = (1.0, 2, 0.25)
        self.widths = [1.0, 2.0]
        self.nested = ((1, 2.0), [3.0, (4,)])
        self.empty = ()
        self.name = "attrs"

    def forward(self, x):
        return self.fc(x) * self.scale


def py_type(v):
    """The Python type tree of a plain value: 'int', 'float', 'str', {'tuple': [...]} or {'list': [...]}."""
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (tuple, list)):
        return {type(v).__name__: [py_type(x) for x in v]}
    return type(v).__name__


ATTRS = ["hidden", "scale", "ratio", "zero", "sizes", "mixed", "widths", "nested", "empty", "name"]


def types_of(m):
    return {k: py_type(getattr(m, k)) for k in ATTRS}


def main():
    if len(sys.argv) > 1:
        sys.modules["__main__"].Attrs = Attrs
        m = torch.load(sys.argv[1])
        print(json.dumps({"types": types_of(m), "values": {k: getattr(m, k) for k in ATTRS}}))
        return
    torch.manual_seed(0)
    m = Attrs()
    torch.save(m, os.path.join(OUT, "module_attr_types.pt"))
    with open(os.path.join(OUT, "module_attr_types.json"), "w") as f:
        json.dump({"types": types_of(m), "values": {k: getattr(m, k) for k in ATTRS}}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
