"""Python 3.11 references for test/api/floordiv.test.ts: whole-number floats that reach print() through
a for loop's variable (`for v in [1.0, 2.5]:`, over a list variable, a parameter's list, a list filled by
append). Python prints 1.0 where a JavaScript number prints 1; the dialect records the float item by item.
Each case is one Python snippet and its dialect spelling; the suite runs the dialect cells through
`torchlab run` and compares what they print with what Python printed.
Run with Debian's /usr/bin/python3 from test/reference: writes float_flow.json.
"""
import torch

from gen_py_sweep import write_cases

CASES = [
    ('loop_literal', 'for v in [1.0, 2.5, 3]:\n    print(v, [v], f"{v}")',
     'for (const v of [1.0, 2.5, 3]) {\n  print(v, [v], `${v}`)\n}'),
    ('loop_variable', "lrs = [1.0, 0.1]\nfor lr in lrs:\n    print(f'lr={lr}', lr)",
     "const lrs = [1.0, 0.1]\nfor (const lr of lrs) {\n  print(`lr=${lr}`, lr)\n}"),
    ('loop_parameter', 'def show(xs):\n    for x in xs:\n        print(x)\nshow([2.0, 3])',
     'function show(xs: number[]) {\n  for (const x of xs) {\n    print(x)\n  }\n}\nshow([2.0, 3])'),
    ('loop_appended', 'losses = []\nfor i in range(2):\n    losses.append(float(i))\nfor l in losses:\n    print(l)',
     'const losses: number[] = []\nfor (const i of range(2)) {\n  losses.append(float(i))\n}\nfor (const l of losses) {\n  print(l)\n}'),
]


def main():
    write_cases(CASES, "float_flow.json", {"torch": torch})


if __name__ == "__main__":
    main()
