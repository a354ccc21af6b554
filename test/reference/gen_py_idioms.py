"""Python 3.11 references for test/api/py_idioms.test.ts: Python idioms that tutorials use and the
notebook dialect got wrong, each as a student ports it line by line (no semicolons): a method called on
an untyped receiver right after a line that ends without one (`xs = [1, 2]` then `xs.append(3)`, which
read as `[1, 2](...)` and did not compile); floats that printed as ints once unpacked or indexed
(`for k, v in d.items()` over a dict of floats, `loss, acc = evaluate()`, `ys[2]` of a sorted list of
floats: Python prints `2.0`, JavaScript's number `2`); Python's errors for a missing method (AttributeError:
'Meter' object has no attribute 'foo') or a call of what is no function (TypeError: 'int' object is not
callable), where JavaScript said "require(...).attribute(...) is not a function". Each case is one
Python snippet and its dialect spelling; the suite runs the dialect cells through `torchlab run` and
compares what they print (or raise) with what Python did. Also Python's statistics module (mean, fmean,
median, mode, variance, stdev and the population forms): exact values, ints where Python gives ints, and
StatisticsError for too little data.
Run with Debian's /usr/bin/python3 from test/reference: writes py_idioms.json.
"""
import json
import statistics
from datetime import timedelta

import numpy as np
import pandas as pd
import torch

from gen_py_sweep import write_cases

METER_PY = "class Meter:\n    def __init__(self):\n        self.total = 1\n    def add(self, v):\n        self.total += v\nm = Meter()\n"
METER_TS = "class Meter {\n  total = 1\n  add(v: number) {\n    this.total += v\n  }\n}\nconst m: any = new Meter()\n"

CASES = [
    # type() of an untyped value compared with a class
    ('type_of_untyped_eq', "def kind(v):\n    return 'float' if type(v) == float else 'int' if type(v) == int else 'other'\nprint(kind(1.5), kind(2), kind('a'), type([]) == list)",
     "function kind(v) {\n  return type(v) == float ? 'float' : type(v) == int ? 'int' : 'other'\n}\nprint(kind(1.5), kind(2), kind('a'), type([]) == list)"),
    # a method call on an untyped receiver, on the line after one without a semicolon
    ('append_after_list', "xs = [1, 2]\nxs.append(3)\nprint(xs)",
     "const xs: any = [1, 2]\nxs.append(3)\nprint(xs)"),
    ('items_after_dict', "d = {'a': 1}\nd.update({'b': 2})\nprint(d.items())",
     "const d: any = {'a': 1}\nd.update({'b': 2})\nprint(d.items())"),
    ('method_after_new', f"{METER_PY}m.add(2)\nprint(m.total)",
     f"{METER_TS}m.add(2)\nprint(m.total)"),
    ('append_as_if_body', "xs = [1]\nif len(xs) > 5:\n    xs.append(2)\nprint(xs)",
     "const xs: any = [1]\nif (len(xs) > 5)\n  xs.append(2)\nprint(xs)"),
    # Python's errors for a missing method and a call of what is no function
    ('missing_method_instance', f"{METER_PY}m.foo()", f"{METER_TS}m.foo()"),
    ('missing_method_dict', "d = {'a': 1}\nd.foo()", "const d: any = {'a': 1}\nd.foo()"),
    ('missing_method_parameter', "def f(o):\n    return o.bar()\nf(3)", "function f(o) {\n  return o.bar()\n}\nf(3)"),
    ('attribute_not_callable', f"{METER_PY}m.total()", f"{METER_TS}m.total()"),
    # floats kept through unpacking and indexing (Python prints 2.0, JavaScript's number 2)
    ('float_dict_items_loop', "d = {'lr': 1.0, 'wd': 2.5, 'epochs': 3}\nfor k, v in d.items():\n    print(k, v)",
     "const d = {'lr': 1.0, 'wd': 2.5, 'epochs': 3}\nfor (const [k, v] of d.items()) {\n  print(k, v)\n}"),
    ('float_sorted_index', "ys = sorted([3.0, 1.0, 2.0])\nns = [1, 2]\ni = 1\nprint(ys[2], ys[0], ys[i], ns[0])",
     "const ys = sorted([3.0, 1.0, 2.0])\nconst ns = [1, 2]\nconst i = 1\nprint(ys[2], ys[0], ys[i], ns[0])"),
    ('float_tuple_unpacked', "def evaluate():\n    loss = 2.0\n    acc = 1\n    return loss, acc\nloss, acc = evaluate()\nprint(loss, acc)",
     "function evaluate() {\n  const loss = 2.0\n  const acc = 1\n  return loss, acc\n}\nconst [loss, acc] = evaluate()\nprint(loss, acc)"),
    ('float_unpacked_in_function', "def evaluate():\n    return 1.0, 2.0\ndef show():\n    d = {'a': 0.5, 'b': 4}\n    lo, hi = evaluate()\n    for k, v in d.items():\n        print(k, v, lo, hi)\nshow()",
     "function evaluate() {\n  return tuple([1.0, 2.0])\n}\nfunction show() {\n  const d = {'a': 0.5, 'b': 4}\n  const [lo, hi] = evaluate()\n  for (const [k, v] of d.items()) {\n    print(k, v, lo, hi)\n  }\n}\nshow()"),
    # the statistics module: exact sums, ints where the data are ints and the result is whole, StatisticsError
    ('statistics_mean', "print(statistics.mean([1, 2, 3]), statistics.mean([1, 2]), statistics.mean([1.0, 2.0, 3.0]), statistics.mean([0.1, 0.2, 0.3]), statistics.fmean([1, 2, 3]))",
     "print(statistics.mean([1, 2, 3]), statistics.mean([1, 2]), statistics.mean([1.0, 2.0, 3.0]), statistics.mean([0.1, 0.2, 0.3]), statistics.fmean([1, 2, 3]))"),
    ('statistics_median', "print(statistics.median([1, 3, 2]), statistics.median([1, 2, 3, 4]), statistics.median([1.0, 3.0, 2.0]), statistics.median([1, 3]), statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]))",
     "print(statistics.median([1, 3, 2]), statistics.median([1, 2, 3, 4]), statistics.median([1.0, 3.0, 2.0]), statistics.median([1, 3]), statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]))"),
    ('statistics_spread', "print(statistics.variance([1, 2, 3, 4]), statistics.variance([1, 2, 3]), statistics.variance([1.0, 2.0, 3.0]), statistics.pvariance([1, 2, 3, 4]))\nprint(statistics.stdev([1, 2, 3, 4]), statistics.pstdev([1, 2, 3, 4]), statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))",
     "print(statistics.variance([1, 2, 3, 4]), statistics.variance([1, 2, 3]), statistics.variance([1.0, 2.0, 3.0]), statistics.pvariance([1, 2, 3, 4]))\nprint(statistics.stdev([1, 2, 3, 4]), statistics.pstdev([1, 2, 3, 4]), statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))"),
    ('statistics_mode', "print(statistics.mode([1, 1, 2]), statistics.mode(['a', 'b', 'b']), statistics.mode([1.5, 2.5]), statistics.multimode('aabbc'))",
     "print(statistics.mode([1, 1, 2]), statistics.mode(['a', 'b', 'b']), statistics.mode([1.5, 2.5]), statistics.multimode('aabbc'))"),
    ('statistics_variable', "losses = [0.5, 1.0, 1.5]\nm = statistics.mean(losses)\nprint(m, f'{m}', [m], statistics.median(losses))",
     "const losses = [0.5, 1.0, 1.5]\nconst m = statistics.mean(losses)\nprint(m, `${m}`, [m], statistics.median(losses))"),
    ('statistics_mean_empty', "statistics.mean([])", "statistics.mean([])"),
    ('statistics_stdev_one', "statistics.stdev([1])", "statistics.stdev([1])"),
    ('statistics_mode_empty', "statistics.mode([])", "statistics.mode([])"),
    ('statistics_error_is_value_error', "try:\n    statistics.variance([2])\nexcept ValueError as e:\n    print('ValueError:', e)",
     "try {\n  statistics.variance([2])\n} catch (e) {\n  if (e instanceof ValueError) print('ValueError:', e.message)\n}"),
    # A lambda returning a tuple: the sort key of several fields (JavaScript's comma operator kept only the last: a silent wrong order).
    ('lambda_tuple_sort_key', "counts = {'b': 2, 'a': 2, 'c': 5}\nprint(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))\nwords = ['bb', 'a', 'ccc', 'dd']\nprint(sorted(words, key=lambda w: (len(w), w)), max(words, key=lambda w: (len(w), w)))",
     "const counts = {'b': 2, 'a': 2, 'c': 5}\nprint(sorted(counts.items(), key=(kv) => (-kv[1], kv[0])))\nconst words = ['bb', 'a', 'ccc', 'dd']\nprint(sorted(words, key=(w) => (len(w), w)), max(words, key=(w) => (len(w), w)))"),
    # Floats that printed as ints (pyfloat3): a list comprehension written as `.map`, an untyped dict's items(),
    # `.item()` of an accumulator widened to hold a tensor, a tuple unpacked again in a loop, zip / enumerate /
    # slices / map(float, ...) of lists of floats, sum / max / min of an untyped list of items.
    ('map_float_items', "xs = [0.5, 1.0, 2.0]\nprint([v * 2 for v in xs], [v + 1 for v in xs], [v / 2 for v in [1, 2]], [i for i, v in enumerate(xs)], [v * 2 for v in [1, 2]], [round(v, 1) for v in xs])",
     "const xs = [0.5, 1.0, 2.0]\nprint(xs.map((v) => v * 2), xs.map((v) => v + 1), [1, 2].map((v) => v / 2), xs.map((v, i) => i), [1, 2].map((v) => v * 2), xs.map((v) => round(v, 1)))"),
    ('map_item_values', "losses = [torch.tensor(1.0), torch.tensor(3.0), torch.tensor(2)]\nvals = [l.item() for l in losses]\nprint(vals, sum(vals) / len(vals), max(vals))",
     "const losses = [torch.tensor(1.0), torch.tensor(3.0), torch.tensor(2)]\nconst vals = losses.map((l) => l.item())\nprint(vals, sum(vals) / len(vals), max(vals))"),
    ('untyped_dict_items', "d = {'lr': 1.0, 'epochs': 3}\nfor k, v in d.items():\n    print(k, v)",
     "const d: any = {'lr': 1.0, 'epochs': 3}\nfor (const [k, v] of d.items()) {\n  print(k, v)\n}"),
    ('item_of_widened_accumulator', "acc = 0\nfor i in range(2):\n    acc = acc + torch.tensor(1.5)\nprint(acc.item(), f'{acc.item()}')\nn = 0\nn = n + torch.tensor(3)\nprint(n.item())",
     "let acc = 0\nfor (const i of range(2)) {\n  acc = acc + torch.tensor(1.5)\n}\nprint(acc.item(), `${acc.item()}`)\nlet n = 0\nn = n + torch.tensor(3)\nprint(n.item())"),
    ('unpacked_again_in_loop', "def loss():\n    accuracy = [True, False]\n    return 1, sum(accuracy) / len(accuracy)\ntotal_loss, acc = loss()\nfor k in range(2):\n    total_loss, acc = loss()\n    print(f'step {k} loss {total_loss}, accuracy {acc*100}%')",
     "function loss() {\n  const accuracy = [true, false]\n  return [1, sum(accuracy) / len(accuracy)]\n}\nlet [total_loss, acc] = loss()\nfor (const k of range(2)) {\n  [total_loss, acc] = loss()\n  print(`step ${k} loss ${total_loss}, accuracy ${acc*100}%`)\n}"),
    ('sum_max_of_untyped_list', "losses = []\nfor i in range(3):\n    losses.append(torch.tensor(2.0).item())\nprint(sum(losses), max(losses), min(losses), sum(losses) / len(losses))",
     "const losses = []\nfor (const i of range(3)) {\n  losses.append(torch.tensor(2.0).item())\n}\nprint(sum(losses), max(losses), min(losses), sum(losses) / len(losses))"),
    ('floats_through_zip_enumerate_slices', "xs = [1.0, 2.5, 3.0]\nfor i, x in enumerate(xs[:2]):\n    print(i, x)\nprint(list(zip(xs, [3, 4])), dict(zip(['a', 'b'], xs)), xs[::-1], xs[1:])\nprint(list(map(float, ['1', '2'])), list(map(float, [1, 2])), list(map(int, ['1'])))",
     "const xs = [1.0, 2.5, 3.0]\nfor (const [i, x] of enumerate(xs[':2'])) {\n  print(i, x)\n}\nprint(list(zip(xs, [3, 4])), dict(zip(['a', 'b'], xs)), xs['::-1'], xs['1:'])\nprint(list(map(float, ['1', '2'])), list(map(float, [1, 2])), list(map(int, ['1'])))"),
    # `//` between objects whose class defines __floordiv__ (a timedelta's, the notebook's own): it was read as a comment.
    ('timedelta_floordiv', "a = timedelta(hours=3)\nb = timedelta(minutes=30)\nprint(a // b, a // 4, (a - b) // b)\nn = a\nn //= 2\nprint(n)",
     "const a = timedelta(hours=3)\nconst b = timedelta(minutes=30)\nprint(a // b, a // 4, (a - b) // b)\nlet n = a\nn //= 2\nprint(n)"),
    ('class_floordiv', "class V:\n    def __init__(self, x):\n        self.x = x\n    def __floordiv__(self, o):\n        return V(self.x // o)\n    def __repr__(self):\n        return f'V({self.x})'\nv = V(7)\nprint(v // 2, (v // 2) // 2)",
     "class V {\n  x: number\n  constructor(x) {\n    this.x = x\n  }\n  __floordiv__(o) {\n    return new V(this.x // o)\n  }\n  __repr__() {\n    return `V(${this.x})`\n  }\n}\nconst v = new V(7)\nprint(v // 2, (v // 2) // 2)"),
    ('lambda_tuple_value', "f = lambda x: (x + 1, x * 2)\na, b = f(3)\nprint(f(3), a, b, list(map(lambda p: (p, p * p), [1, 2])))",
     "const f = (x: number) => (x + 1, x * 2)\nconst [a, b] = f(3)\nprint(f(3), a, b, list(map((p) => (p, p * p), [1, 2])))"),
    # Floats of an optimizer's lr (PyTorch's param_groups keep lr=1.0 a float; LBFGS's default lr=1 an int), after a
    # scheduler's step and in get_last_lr; a range used as a list; block-bodied map callbacks; `//` inside brackets.
    ('optimizer_lr_floats', "net = nn.Linear(2, 1)\nopt = optim.SGD(net.parameters(), lr=1.0)\nprint(opt.param_groups[0]['lr'], opt.param_groups[0]['momentum'], f\"lr {opt.param_groups[0]['lr']}\")\nsch = optim.lr_scheduler.StepLR(opt, step_size=1, gamma=2.0)\nopt.step()\nsch.step()\nprint(opt.param_groups[0]['lr'], sch.get_last_lr())",
     "const net = new nn.Linear(2, 1)\nconst opt = optim.SGD(net.parameters(), lr=1.0)\nprint(opt.param_groups[0]['lr'], opt.param_groups[0]['momentum'], `lr ${opt.param_groups[0]['lr']}`)\nconst sch = optim.lr_scheduler.StepLR(opt, step_size=1, gamma=2.0)\nopt.step()\nsch.step()\nprint(opt.param_groups[0]['lr'], sch.get_last_lr())"),
    ('optimizer_default_lr', "net = nn.Linear(2, 1)\nopt = optim.Adadelta(net.parameters())\nfor g in opt.param_groups:\n    print(g['lr'])\ndef get_lr(optimizer):\n    for param_group in optimizer.param_groups:\n        return param_group['lr']\nprint(get_lr(opt), get_lr(optim.LBFGS(net.parameters())))",
     "const net = new nn.Linear(2, 1)\nconst opt = optim.Adadelta(net.parameters())\nfor (const g of opt.param_groups) {\n  print(g['lr'])\n}\nfunction get_lr(optimizer) {\n  for (const param_group of optimizer.param_groups) {\n    return param_group['lr']\n  }\n}\nprint(get_lr(opt), get_lr(optim.LBFGS(net.parameters())))"),
    ('plateau_lr_floats', "net = nn.Linear(2, 1)\nopt = optim.SGD(net.parameters(), lr=2.0)\nsch = optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=0)\nsch.step(1.0)\nsch.step(2.0)\nprint(sch._last_lr, opt.param_groups[0]['lr'])",
     "const net = new nn.Linear(2, 1)\nconst opt = optim.SGD(net.parameters(), lr=2.0)\nconst sch = optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=0)\nsch.step(1.0)\nsch.step(2.0)\nprint(sch.get_last_lr(), opt.param_groups[0]['lr'])"),
    ('range_as_list', "print([i * 2 for i in range(3)], [i / 2 for i in range(4)], [i / 2 for i in list(range(2))])",
     "print(range(3).map((i) => i * 2), range(4).map((i) => i / 2), list(range(2)).map((i) => i / 2))"),
    ('map_block_body', "xs = [0.5, 1.0]\ndef double(v):\n    y = v * 2\n    return y\ndef half(v):\n    h = v / 2\n    return h\nprint([double(v) for v in xs], [half(v) for v in [1, 2]], [double(v) for v in [1, 2]])",
     "const xs = [0.5, 1.0]\nprint(xs.map((v) => {\n  const y = v * 2\n  return y\n}), [1, 2].map((v) => {\n  const h = v / 2\n  return h\n}), [1, 2].map((v) => {\n  const y = v * 2\n  return y\n}))"),
    ('type_of_object_eq_list', "t = torch.ones(2)\nd = {'a': 1}\nprint(type(t) == list, type(d) == list, type(t) == tuple, type(d) == dict, type(t) == torch.Tensor)",
     "const t = torch.ones(2)\nconst d = {'a': 1}\nprint(type(t) == list, type(d) == list, type(t) == tuple, type(d) == dict, type(t) == torch.Tensor)"),
    ('floordiv_in_brackets', "a = 7\nb = max(1, (a // 2)); print(b)\nc = 9\nprint((c // 2), [c // 2, 1]); print('x')",
     "const a = 7\nconst b = max(1, (a // 2)); print(b)\nconst c = 9\nprint((c // 2), [c // 2, 1]); print('x')"),
    # The best accuracy so far, taken from a list of floats appended in the loop (an untyped list's items).
    ('best_of_untyped_list', "accs = []\nfor correct in [2, 3]:\n    accs.append(100 * correct / 4)\nbest = 0\nfor a in accs:\n    if a > best:\n        best = a\nprint('best', best, accs)",
     "const accs = []\nfor (const correct of [2, 3]) {\n  accs.append(100 * correct / 4)\n}\nlet best = 0\nfor (const a of accs) {\n  if (a > best) {\n    best = a\n  }\n}\nprint('best', best, accs)"),
    # The last item of a list of floats appended in the loop (`accs[-1]`), in a dict literal and printed.
    ('last_item_of_untyped_list', "losses = []\naccs = []\nfor c in [2, 4]:\n    losses.append(c / 2)\n    accs.append(100 * c / 4)\nprint({'loss': losses[-1], 'acc': accs[-1]}, accs[-1], accs[0])",
     "const losses = []\nconst accs = []\nfor (const c of [2, 4]) {\n  losses.append(c / 2)\n  accs.append(100 * c / 4)\n}\nprint({'loss': losses[-1], 'acc': accs[-1]}, accs[-1], accs[0])"),
    # An f-string's spec on a line before a `//` (the spec had the `//` read as a comment: `half = n`).
    ('fstring_spec_then_floordiv', "n = 7\nloss = 0.25\nprint(f'{loss:.4f}')\nhalf = n // 2\nprint(half)",
     "const n = 7\nconst loss = 0.25\nprint(`${loss:.4f}`)\nconst half = n // 2\nprint(half)"),
    ('floordiv_str_in_brackets', "s = 'ab'\nprint((s // 2))", "const s = 'ab'\nprint((s // 2))"),
    # Lines ported from tutorials that failed or printed differently (portgaps2): a NumPy element in an f-string, in
    # arithmetic after a negative index, a float array's `a[1][0]`; LabelEncoder's classes_ of strings (dtype object);
    # `class X(object):`; `mn, mx = min(...), max(...)`; the second backward's message (retain_graph=True); keyword
    # arguments named as the variables passed (`lr=lr`, `dim=dim`, `p=p`), which must stay what they hold.
    ('numpy_item_in_fstring', "b = np.array([1.5, 2.0, 3.0])\nprint(f'{b[1]}', f'x {b[0]} y {b[1]:.2f}', f'{b[2] * 2}')",
     "const b = np.array([1.5, 2.0, 3.0])\nprint(`${b[1]}`, `x ${b[0]} y ${b[1]:.2f}`, `${b[2] * 2}`)"),
    ('numpy_negative_index_arith', "a = np.array([[1, 2, 3], [4, 5, 6]])\nprint(a[1, -1] + 1, a[0, -2] * 2, a[1] + 1, a[-1, 0] / 2, a[1][-1] - 1)",
     "const a = np.array([[1, 2, 3], [4, 5, 6]])\nprint(a[1, -1] + 1, a[0, -2] * 2, a[1] + 1, a[-1, 0] / 2, a[1][-1] - 1)"),
    ('numpy_float_row_item', "c = np.array([[1.0, 2.0], [3.0, 4.0]])\nprint(c[1][0], c[1, 0], c[0], c[1][0] + 1)\nv = c[1][0]\nprint(v * 2, f'{c[0][1]}')",
     "const c = np.array([[1.0, 2.0], [3.0, 4.0]])\nprint(c[1][0], c[1, 0], c[0], c[1][0] + 1)\nconst v = c[1][0]\nprint(v * 2, `${c[0][1]}`)"),
    ('label_encoder_strings', "from sklearn.preprocessing import LabelEncoder\nle = LabelEncoder().fit(['b', 'a', 'b'])\nprint(le.classes_, le.inverse_transform([1, 0]), list(le.classes_), len(le.classes_))",
     "const { LabelEncoder } = sklearn.preprocessing\nconst le = LabelEncoder().fit(['b', 'a', 'b'])\nprint(le.classes_, le.inverse_transform([1, 0]), list(le.classes_), len(le.classes_))"),
    ('class_extends_object', "class X(object):\n    def __init__(self):\n        self.a = 1\n    def f(self):\n        return self.a\nclass Y(X):\n    pass\nprint(X().f(), Y().f(), isinstance(Y(), X))",
     "class X extends object {\n  constructor() {\n    this.a = 1\n  }\n  f() {\n    return this.a\n  }\n}\nclass Y extends X {}\nprint(new X().f(), new Y().f(), isinstance(new Y(), X))"),
    ('min_max_unpacked', "mn, mx = min([3.0, 1.0]), max([3.0, 1.0])\nprint(mn, mx)\nr, s = 0.5 * 2, 3\nprint(r, s)\nr, s = s, r\nprint(r, s)",
     "const [mn, mx] = [min([3.0, 1.0]), max([3.0, 1.0])]; print(mn, mx)\nlet [r, s] = [0.5 * 2, 3]\nprint(r, s)\n;[r, s] = [s, r]\nprint(r, s)"),
    ('second_backward_message', "x = torch.tensor([1.0], requires_grad=True)\ny = (x * 2).sum()\ny.backward()\ny.backward()",
     "const x = torch.tensor([1.0], requires_grad=true)\nconst y = (x * 2).sum()\ny.backward()\ny.backward()"),
    ('keyword_named_as_variable', "lr = 1.0\nnet = nn.Linear(2, 1)\nopt = optim.SGD(net.parameters(), lr=lr)\ndim = 1\na = torch.tensor([[1.0, 2.0], [3.0, 4.0]])\nprint(lr, opt.param_groups[0]['lr'], torch.sum(a, dim=dim), a.sum(dim=dim), dim)\np = 0.25\nprint(nn.Dropout(p=p), p)",
     "const lr = 1.0\nconst net = new nn.Linear(2, 1)\nconst opt = optim.SGD(net.parameters(), lr=lr)\nconst dim = 1\nconst a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])\nprint(lr, opt.param_groups[0]['lr'], torch.sum(a, dim=dim), a.sum(dim=dim), dim)\nconst p = 0.25\nprint(nn.Dropout(p=p), p)"),
]

# A cell's value, as IPython shows its last line (repr), where JavaScript showed `6` for Python's `6.0`.
SHOWN = [
    ('shown_true_division', "600 / 100", "600 / 100"),
    ('shown_int_halved', "x = 4\nx / 2", "const x = 4\nx / 2"),
    ('shown_len_halved', "a = [1, 2]\nlen(a) / 2", "const a = [1, 2]\nlen(a) / 2"),
    ('shown_item', "t = torch.tensor(3.0)\nt.item()", "const t = torch.tensor(3.0)\nt.item()"),
    ('shown_list_of_floats', "[600 / 100, 2]", "[600 / 100, 2]"),
    ('shown_optimizer_lr', "net = nn.Linear(2, 1)\nopt = optim.SGD(net.parameters(), lr=1.0)\nopt.param_groups[0]['lr']",
     "const net = new nn.Linear(2, 1)\nconst opt = optim.SGD(net.parameters(), lr=1.0)\nopt.param_groups[0]['lr']"),
    ('shown_last_lr', "net = nn.Linear(2, 1)\nopt = optim.SGD(net.parameters(), lr=0.5)\nsch = optim.lr_scheduler.StepLR(opt, step_size=1, gamma=2.0)\nopt.step()\nsch.step()\nsch.get_last_lr()",
     "const net = new nn.Linear(2, 1)\nconst opt = optim.SGD(net.parameters(), lr=0.5)\nconst sch = optim.lr_scheduler.StepLR(opt, step_size=1, gamma=2.0)\nopt.step()\nsch.step()\nsch.get_last_lr()"),
    ('shown_numpy_mean', "import numpy as np\nnp.mean([1, 2, 3])", "np.mean([1, 2, 3])"),
    ('shown_best_so_far', "best = 0\nfor a in [1.0, 2.0]:\n    if a > best:\n        best = a\nbest",
     "let best = 0\nfor (const a of [1.0, 2.0]) {\n  if (a > best) best = a\n}\nbest"),
    ('shown_range_map', "[i / 2 for i in range(4)]", "range(4).map((i) => i / 2)"),
    ('shown_numpy_float_row_item', "c = np.array([[1.0, 2.0], [3.0, 4.0]])\nc[1][0]", "const c = np.array([[1.0, 2.0], [3.0, 4.0]])\nc[1][0]"),
    # (A column of strings from pandas is an array of dtype object; a list of str would be NumPy's '<U1', which torchlab's NumPy has not.)
    ('shown_label_encoder_classes', "from sklearn.preprocessing import LabelEncoder\ndf = pd.DataFrame({'y': ['b', 'a', 'b']})\nle = LabelEncoder().fit(df['y'])\nle.classes_",
     "const { LabelEncoder } = sklearn.preprocessing\nconst df = pd.DataFrame({'y': ['b', 'a', 'b']})\nconst le = LabelEncoder().fit(df['y'])\nle.classes_"),
    ('shown_optimizer_defaults_lr', "net = nn.Linear(2, 1)\nopt = optim.SGD(net.parameters(), lr=1.0)\nopt.defaults['lr']",
     "const net = new nn.Linear(2, 1)\nconst opt = optim.SGD(net.parameters(), lr=1.0)\nopt.defaults['lr']"),
]

NAMES = {"statistics": statistics, "torch": torch, "nn": torch.nn, "optim": torch.optim, "timedelta": timedelta, "np": np, "pd": pd}


def shown(py):
    """What IPython shows for `py`'s last line after the lines before it: repr of its value."""
    *stmts, last = py.split("\n")
    scope = dict(NAMES)
    exec("\n".join(stmts), scope)
    return repr(eval(last, scope))


def main():
    write_cases(CASES + SHOWN, "py_idioms.json", NAMES)
    with open("py_idioms.json") as f:
        fixture = json.load(f)
    values = {name: shown(py) for name, py, _ in SHOWN}
    for case in fixture["cases"]:
        if case["name"] in values:
            case["shown"] = values[case["name"]]
    with open("py_idioms.json", "w") as f:
        json.dump(fixture, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
