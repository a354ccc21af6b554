"""Python 3.11 / PyTorch 1.13 references for test/api/py_sweep.test.ts: what notebooks print through
Python's own builtins, from a sweep of torchlab's notebook dialect against Python (print's sep / end,
f-string specs and conversions on numbers, strings, dicts and tensors, str.format and % formatting, float
reprs: 1e-05, 1e+16, inf, -0.0; round, int, divmod, % on negatives, math, time, random, str methods,
containers, dicts, sorted / min / max / sum). Each case is one Python line and its dialect spelling (the
TypeScript a notebook cell holds); the suite runs the dialect cells through `torchlab run` and compares
what they print with what Python printed (or the error's type and message). Run with Debian's
/usr/bin/python3 from test/reference: writes py_sweep.json.

Cases marked `# fixed` printed differently before this sweep's fixes; the others already matched and
guard against regressions.
"""
import contextlib
import io
import json
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

assert torch.__version__.startswith("1.13"), torch.__version__
assert sys.version_info[:2] == (3, 11), sys.version

CASES = [
    ('f_strings_numbers_01', "x = 1e-7; print(f'{x}')",
     'let x = 1e-7; print(`${x}`)'),  # fixed
    ('f_strings_numbers_02', "x = 1e20; print(f'{x}')",
     'let x = 1e20; print(`${x}`)'),  # fixed
    ('f_strings_numbers_03', "d = {'a': 1}; print(f'{d}')",
     'let d = {a: 1}; print(`${d}`)'),  # fixed
    ('f_strings_numbers_04', "x = float('inf'); print(f'{x:.2f} {x}')",
     'let x = Infinity; print(`${x:.2f} ${x}`)'),  # fixed
    ('floats_01', 'print(1e16)',
     'print(1e16)'),  # fixed
    ('floats_02', 'print(1.5e16)',
     'print(1.5e16)'),  # fixed
    ('floats_03', 'print(123456789012345678.0)',
     'print(123456789012345678.0)'),  # fixed
    ('floats_04', 'print(-0.0)',
     'print(-0.0)'),  # fixed
    ('floats_05', 'print(str(1e16))',
     'print(str(1e16))'),  # fixed
    ('floats_06', 'print(str(-0.0))',
     'print(str(-0.0))'),  # fixed
    ('divmod_01', 'print(-1 % 5, 5 % 3)',
     'print(-1 % 5, 5 % 3)'),  # fixed
    ('divmod_02', 'print(1 % 0)',
     'print(1 % 0)'),  # fixed
    ('math_01', 'import math; print(math.floor(2.7), math.ceil(2.1), math.floor(-2.5))',
     'print(math.floor(2.7), math.ceil(2.1), math.floor(-2.5))'),  # fixed
    ('math_02', 'import math; print(math.pi, math.e)',
     'print(math.pi, math.e)'),  # fixed
    ('math_03', 'import math; print(math.tau, math.inf, -math.inf, math.nan)',
     'print(math.tau, math.inf, -math.inf, math.nan)'),  # fixed
    ('math_04', "import math; print(math.isclose(0.1 + 0.2, 0.3), math.isnan(float('nan')), math.isinf(float('inf')), math.isfinite(1.0))",
     'print(math.isclose(0.1 + 0.2, 0.3), math.isnan(NaN), math.isinf(Infinity), math.isfinite(1.0))'),  # fixed
    ('math_05', 'import math; print(math.factorial(10), math.comb(5, 2), math.perm(5, 2), math.gcd(12, 18))',
     'print(math.factorial(10), math.comb(5, 2), math.perm(5, 2), math.gcd(12, 18))'),  # fixed
    ('math_06', 'import math; print(math.sqrt(-1))',
     'print(math.sqrt(-1))'),  # fixed
    ('math_07', 'import math; print(math.log(0))',
     'print(math.log(0))'),  # fixed
    ('math_08', 'import math; print(math.exp(1000))',
     'print(math.exp(1000))'),  # fixed
    ('math_09', "import math; print(math.floor(float('inf')))",
     'print(math.floor(Infinity))'),  # fixed
    ('math_10', 'import math; print(math.ceil(5 / 2))',
     'print(math.ceil(5 / 2))'),  # fixed
    ('math_11', 'import math; print(math.atan2(1, 1), math.tanh(0.5))',
     'print(math.atan2(1, 1), math.tanh(0.5))'),  # fixed
    ('math_12', 'import math; print(math.floor(torch.tensor(2.5)))',
     'print(math.floor(torch.tensor(2.5)))'),  # fixed
    ('containers_01', "print([1e-5, 1e16, float('inf'), -0.0])",
     'print([1e-5, 1e16, Infinity, -0.0])'),  # fixed
    ('time_01', 'import time; t0 = time.time(); print(type(time.time() - t0).__name__, time.time() - t0 < 5)',
     'const t0 = time.time(); print(type(time.time() - t0).__name__, time.time() - t0 < 5)'),  # fixed
    ('time_02', "import time; t0 = time.time(); print(f'{time.time() - t0:.0f}s')",
     'const t0 = time.time(); print(`${time.time() - t0:.0f}s`)'),  # fixed
    ('time_03', 'import time; print(time.perf_counter() >= 0)',
     'print(time.perf_counter() >= 0)'),  # fixed
    ('string_methods_01', "print('a=b=c'.partition('='), 'a=b=c'.rpartition('='), 'abc'.partition('x'))",
     'print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"))'),  # fixed
    ('string_methods_02', "print('a\\nb\\r\\nc\\n'.splitlines())",
     'print("a\\nb\\r\\nc\\n".splitlines())'),  # fixed
    ('string_methods_03', "print('a\\nb\\n'.splitlines(True))",
     'print("a\\nb\\n".splitlines(true))'),  # fixed
    ('string_methods_04', "print(repr('a\\tbc\\td'.expandtabs(4)))",
     'print(repr("a\\tbc\\td".expandtabs(4)))'),  # fixed
    ('string_methods_05', "print(repr('a\\tb'.expandtabs()))",
     'print(repr("a\\tb".expandtabs()))'),  # fixed
    ('string_methods_06', "print('a b c'.rsplit(' ', 1))",
     'print("a b c".rsplit(" ", 1))'),  # fixed
    ('string_methods_07', "print('Hello'.swapcase(), 'hello'.capitalize(), 'HeLLo'.casefold())",
     'print("Hello".swapcase(), "hello".capitalize(), "HeLLo".casefold())'),  # fixed
    ('string_methods_08', "print('hello world'.removeprefix('hello ').removesuffix('ld'))",
     'print("hello world".removeprefix("hello ").removesuffix("ld"))'),  # fixed
    ('training_loop_style_01', 'x = torch.tensor([1e20]); print(x.item())',
     'let x = torch.tensor([1e20]); print(x.item())'),  # fixed
    ('training_loop_style_02', 'print(12345678901234567890)',
     'print(12345678901234567890n)'),  # fixed
    ('training_loop_style_03', "print(f'{1e-5}', f'{1e16}', f'{-0.0}')",
     'print(`${1e-5}`, `${1e16}`, `${-0.0}`)'),  # fixed
    ('more_01', 'import math; print(math.log(8, 1))',
     'print(math.log(8, 1))'),  # fixed
    ('more_02', "import math; print(math.floor(float('nan')))",
     'print(math.floor(NaN))'),  # fixed
    ('more_03', 'import math; print(math.comb(10, 3), math.perm(4), math.lcm(4, 6), math.gcd())',
     'print(math.comb(10, 3), math.perm(4), math.lcm(4, 6), math.gcd())'),  # fixed
    ('more_04', 'import math; print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0.0, 1e-10))',
     'print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0.0, 1e-10))'),  # fixed
    ('more_05', 'import math; print(math.factorial(-1))',
     'print(math.factorial(-1))'),  # fixed
    ('more_06', 'import math; print(math.factorial(2.5))',
     'print(math.factorial(2.5))'),  # fixed
    ('more_07', 'import math; print(math.pow(0, -1))',
     'print(math.pow(0, -1))'),  # fixed
    ('more_08', 'import math; print(math.asin(2))',
     'print(math.asin(2))'),  # fixed
    ('more_09', 'import math; print(math.log1p(-1))',
     'print(math.log1p(-1))'),  # fixed
    ('more_10', 'import math; print(math.prod(range(1, 6), start=2))',
     'print(math.prod(range(1, 6), start=2))'),  # fixed
    ('more_11', 'import math; print(math.ceil(-0.5), math.floor(-0.0))',
     'print(math.ceil(-0.5), math.floor(-0.0))'),  # fixed
    ('more_12', "math = {'pi': 3}; print(math['pi'])",
     'const math = {pi: 3}; print(math.pi)'),  # fixed
    ('more_13', 'import math; warmup = 4; step = 2; print(min(step ** -0.5, step * warmup ** -1.5))',
     'let warmup = 4; let step = 2; print(min(step ** -0.5, step * warmup ** -1.5))'),  # fixed
    ('more_14', "print('a b  c'.rsplit(None, 1), 'a,b,c'.rsplit(',', 1), 'a,b,c'.rsplit(','), ' a b '.rsplit())",
     'print("a b  c".rsplit(null, 1), "a,b,c".rsplit(",", 1), "a,b,c".rsplit(","), " a b ".rsplit())'),  # fixed
    ('more_15', "print('x y z'.rsplit(maxsplit=1))",
     'print("x y z".rsplit(null, 1))'),  # fixed
    ('more_16', "print(''.splitlines(), 'a'.splitlines(), 'a\\n\\nb'.splitlines())",
     'print("".splitlines(), "a".splitlines(), "a\\n\\nb".splitlines())'),  # fixed
    ('more_17', "print('abc'.partition(''))",
     'print("abc".partition(""))'),  # fixed
    ('more_18', "print('abc'.removeprefix('x'), 'abc'.removesuffix(''))",
     'print("abc".removeprefix("x"), "abc".removesuffix(""))'),  # fixed
    ('more_19', "print(repr('ab\\tc\\nd\\te'.expandtabs(3)))",
     'print(repr("ab\\tc\\nd\\te".expandtabs(3)))'),  # fixed
    ('more_20', 'i = -3; print(i % 5, 5 % -3, -5 % -3, 7.5 % -2)',
     'let i = -3; print(i % 5, 5 % -3, -5 % -3, 7.5 % -2)'),  # fixed
    ('more_21', 'step = 10; print(step % 5 == 0)',
     'let step = 10; print(step % 5 == 0)'),  # fixed
    ('more_22', "for i in range(-2, 3): print(i % 3, end=' ')",
     'for (const i of range(-2, 3)) print(i % 3, end=" ")'),  # fixed
    ('more_23', "x = -0.5; print(f'{x % 1}')",
     'let x = -0.5; print(`${x % 1}`)'),  # fixed
    ('more_24', "d = {'a': 1, 'b': [1.5]}; print(f'd={d}')",
     'let d = {a: 1, b: [1.5]}; print(`d=${d}`)'),  # fixed
    ('more_25', "s = {1}; print(f'{s}')",
     'let s = set([1]); print(`${s}`)'),  # fixed
    ('more_26', "n = 3; print(f'{n} items, {n / 2} half')",
     'let n = 3; print(`${n} items, ${n / 2} half`)'),  # fixed
    ('more_27', "x = -0.0; print(f'{x}')",
     'let x = -0.0; print(`${x}`)'),  # fixed
    ('more_28', 'print(f\'{float("inf")} {float("-inf")} {float("nan")}\')',
     'print(`${Infinity} ${-Infinity} ${NaN}`)'),  # fixed
    ('more_29', "print(f'{10**20}')",
     'print(`${10n**20n}`)'),  # fixed
    ('more_30', 'print([2 ** 70])',
     'print([2n ** 70n])'),  # fixed
    ('more_31', 'print(1e300 * 1e10, -1e300 * 1e10)',
     'print(1e300 * 1e10, -1e300 * 1e10)'),  # fixed
    ('more_32', 'print([1e16, 2e16, 12345678901234567.0])',
     'print([1e16, 2e16, 12345678901234567.0])'),  # fixed
    ('more_33', 'print(1e-4, 0.0001, 9.9e-5)',
     'print(1e-4, 0.0001, 9.9e-5)'),  # fixed
    ('more_34', 'import time; a = time.perf_counter(); time.sleep(0.01); print(time.perf_counter() - a >= 0.01)',
     'let a = time.perf_counter(); time.sleep(0.01); print(time.perf_counter() - a >= 0.01)'),  # fixed
    ('more_35', 'time = 5; print(time)',
     'const time = 5; print(time)'),  # fixed
    ('print_with_args_sep_end_01', 'print(1, 2, 3)',
     'print(1, 2, 3)'),
    ('print_with_args_sep_end_02', "print('a', 'b', sep='')",
     'print("a", "b", {sep: ""})'),
    ('print_with_args_sep_end_03', "print('epoch', 1, 'loss', 0.25, sep=' | ')",
     'print("epoch", 1, "loss", 0.25, sep=" | ")'),
    ('print_with_args_sep_end_04', "print('a', None, True, False)",
     'print("a", null, true, false)'),
    ('print_with_args_sep_end_05', "print('tab\\tx')",
     'print("tab\\tx")'),
    ('print_with_args_sep_end_06', "print(*[1, 2, 3], sep=', ')",
     'print(...[1, 2, 3], sep=", ")'),
    ('f_strings_numbers_05', "acc = 0.9512; print(f'{acc:>6.2%}')",
     'let acc = 0.9512; print(`${acc:>6.2%}`)'),
    ('f_strings_numbers_06', "n = 1234567; print(f'{n:,}')",
     'let n = 1234567; print(`${n:,}`)'),
    ('f_strings_numbers_07', "n = 1234567; print(f'{n:_}')",
     'let n = 1234567; print(`${n:_}`)'),
    ('f_strings_numbers_08', "x = 0.000123; print(f'{x:.2e}')",
     'let x = 0.000123; print(`${x:.2e}`)'),
    ('f_strings_numbers_09', "x = 0.0001234; print(f'{x:g}')",
     'let x = 0.0001234; print(`${x:g}`)'),
    ('f_strings_numbers_10', "x = 123456789.0; print(f'{x:g}')",
     'let x = 123456789.0; print(`${x:g}`)'),
    ('f_strings_numbers_11', "i = 7; print(f'{i:03d}')",
     'let i = 7; print(`${i:03d}`)'),
    ('f_strings_numbers_12', "i = 42; print(f'{i:5d}|{i:<5d}|{i:^5d}|')",
     'let i = 42; print(`${i:5d}|${i:<5d}|${i:^5d}|`)'),
    ('f_strings_numbers_13', "i = 5; print(f'{i:+d} {-i:+d} {i: d}')",
     'let i = 5; print(`${i:+d} ${-i:+d} ${i: d}`)'),
    ('f_strings_numbers_14', "s = 'cat'; print(f'[{s:^10}]')",
     'let s = "cat"; print(`[${s:^10}]`)'),
    ('f_strings_numbers_15', "s = 'cat'; print(f'[{s:*^9}]')",
     'let s = "cat"; print(`[${s:*^9}]`)'),
    ('f_strings_numbers_16', "i = 3; print(f'[{i:10}]')",
     'let i = 3; print(`[${i:10}]`)'),
    ('f_strings_numbers_17', "x = [1, 'a']; print(f'{x!r}')",
     'let x = [1, "a"]; print(`${x!r}`)'),
    ('f_strings_numbers_18', "x = 0.5; print(f'{x=}')",
     'let x = 0.5; print(`${x=}`)'),
    ('f_strings_numbers_19', "x = 3.14159; w = 8; p = 2; print(f'{x:{w}.{p}f}|')",
     'let x = 3.14159; let w = 8; let p = 2; print(`${x:{w}.{p}f}|`)'),
    ('f_strings_numbers_20', "x = 1/3; print(f'{x}')",
     'let x = 1/3; print(`${x}`)'),
    ('f_strings_numbers_21', "x = 2.0; print(f'{x:.2f}')",
     'let x = 2.0; print(`${x:.2f}`)'),
    ('f_strings_numbers_22', "v = None; print(f'{v}')",
     'let v = null; print(`${v}`)'),
    ('f_strings_numbers_23', "b = True; print(f'{b:d}')",
     'let b = true; print(`${b:d}`)'),
    ('f_strings_numbers_24', "x = 1234.5; print(f'{x:.0f}')",
     'let x = 1234.5; print(`${x:.0f}`)'),
    ('f_strings_numbers_25', "x = 2.675; print(f'{x:.2f}')",
     'let x = 2.675; print(`${x:.2f}`)'),
    ('f_strings_numbers_26', "x = float('nan'); print(f'{x:.3f} {x:%}')",
     'let x = NaN; print(`${x:.3f} ${x:%}`)'),
    ('f_strings_numbers_27', "x = 5; print(f'{x:%}')",
     'let x = 5; print(`${x:%}`)'),
    ('f_strings_tensors_01', "t = torch.tensor(0.5); print(f'{t}')",
     'let t = torch.tensor(0.5); print(`${t}`)'),
    ('f_strings_tensors_02', "t = torch.tensor(3); print(f'{t}')",
     'let t = torch.tensor(3); print(`${t}`)'),
    ('f_strings_tensors_03', "t = torch.tensor([1.0, 2.5]); print(f'{t}')",
     'let t = torch.tensor([1.0, 2.5]); print(`${t}`)'),
    ('f_strings_tensors_04', "t = torch.tensor(0.5, requires_grad=True); print(f'{t}')",
     'let t = torch.tensor(0.5, {requires_grad: true}); print(`${t}`)'),
    ('f_strings_tensors_05', 't = torch.tensor([1, 2]); print(t.sum().item())',
     'let t = torch.tensor([1, 2]); print(t.sum().item())'),
    ('f_strings_tensors_06', 't = torch.tensor(True); print(t.item())',
     'let t = torch.tensor(true); print(t.item())'),
    ('str_format_and_01', "print('{} {}'.format('a', 1))",
     'print("{} {}".format("a", 1))'),
    ('str_format_and_02', "print('{name}: {val:.2f}'.format(name='x', val=1.5))",
     'print("{name}: {val:.2f}".format({name: "x", val: 1.5}))'),
    ('str_format_and_03', "print('{:,}'.format(1000000))",
     'print("{:,}".format(1000000))'),
    ('str_format_and_04', "print('{{}} {}'.format(1))",
     'print("{{}} {}".format(1))'),
    ('str_format_and_05', "print('{}'.format([1, 2.5]))",
     'print("{}".format([1, 2.5]))'),
    ('str_format_and_06', "print('{}'.format(True))",
     'print("{}".format(true))'),
    ('str_format_and_07', "x = 3.14159; print('%.3f' % x)",
     'let x = 3.14159; print("%.3f" % x)'),
    ('str_format_and_08', "print('%s' % [1, 2])",
     'print("%s" % [[1, 2]])'),
    ('str_format_and_09', "print('%s and %r' % ('a', 'b'))",
     'print("%s and %r" % ["a", "b"])'),
    ('str_format_and_10', "print('%-5d|' % 42)",
     'print("%-5d|" % 42)'),
    ('str_format_and_11', "print('%g' % 0.00001234)",
     'print("%g" % 0.00001234)'),
    ('str_format_and_12', "print('%s' % None)",
     'print("%s" % null)'),
    ('str_format_and_13', "print('%(a)s-%(b)d' % {'a': 'x', 'b': 2})",
     'print("%(a)s-%(b)d" % {a: "x", b: 2})'),
    ('str_format_and_14', "print('%d items' % len([1, 2, 3]))",
     'print("%d items" % len([1, 2, 3]))'),
    ('str_format_and_15', "print('%+.1f' % 2.25)",
     'print("%+.1f" % 2.25)'),
    ('str_format_and_16', "print('%.3s' % 'abcdef')",
     'print("%.3s" % "abcdef")'),
    ('floats_07', 'print(1.5)',
     'print(1.5)'),
    ('floats_08', 'print(1e22)',
     'print(1e22)'),
    ('floats_09', 'print(1e-4)',
     'print(1e-4)'),
    ('floats_10', 'print(1.5e-7)',
     'print(1.5e-7)'),
    ('floats_11', 'print(0.1 + 0.2)',
     'print(0.1 + 0.2)'),
    ('floats_12', 'print(2/3)',
     'print(2/3)'),
    ('floats_13', 'print(str(1.5))',
     'print(str(1.5))'),
    ('floats_14', "print(repr(float('nan')))",
     'print(repr(NaN))'),
    ('floats_15', 'print(5e-324)',
     'print(5e-324)'),
    ('round_01', 'print(round(2.5), round(3.5), round(-2.5), round(0.5))',
     'print(round(2.5), round(3.5), round(-2.5), round(0.5))'),
    ('round_02', 'print(round(1.23456, 3))',
     'print(round(1.23456, 3))'),
    ('round_03', 'print(round(1234, -2))',
     'print(round(1234, -2))'),
    ('round_04', 'print(round(5))',
     'print(round(5))'),
    ('round_05', 'print(round(-0.4))',
     'print(round(-0.4))'),
    ('round_06', "print(round(float('inf')))",
     'print(round(Infinity))'),
    ('int_01', "print(int(3.7), int(-3.7), int('42'), int(True))",
     'print(int(3.7), int(-3.7), int("42"), int(true))'),
    ('int_02', "print(int('3.5'))",
     'print(int("3.5"))'),
    ('int_04', 'print(float(torch.tensor([2.5])))',
     'print(float(torch.tensor([2.5])))'),
    ('divmod_03', 'print(divmod(7, 2), divmod(-7, 2), divmod(7, -2))',
     'print(divmod(7, 2), divmod(-7, 2), divmod(7, -2))'),
    ('divmod_04', 'print(10 ** -2)',
     'print(10 ** -2)'),
    ('divmod_05', 'print(7 // 2 * 2)',
     'print(Math.floor(7 / 2) * 2)'),
    ('abs_min_max_sum_sorted_01', 'print(min([3, 1, 2]), max([3, 1, 2]), min(3, 1), max(1.5, 2))',
     'print(min([3, 1, 2]), max([3, 1, 2]), min(3, 1), max(1.5, 2))'),
    ('abs_min_max_sum_sorted_02', "print(max(['ab', 'cd'], key=len))",
     'print(max(["ab", "cd"], {key: len}))'),
    ('abs_min_max_sum_sorted_03', 'print(max([]))',
     'print(max([]))'),
    ('abs_min_max_sum_sorted_04', "print(max('hello'))",
     'print(max("hello"))'),
    ('abs_min_max_sum_sorted_05', 'print(sum([0.1, 0.2, 0.3]))',
     'print(sum([0.1, 0.2, 0.3]))'),
    ('abs_min_max_sum_sorted_06', 'print(sum([0.1] * 10))',
     'print(sum(Array(10).fill(0.1)))'),
    ('abs_min_max_sum_sorted_07', 'print(sum(range(101)))',
     'print(sum(range(101)))'),
    ('abs_min_max_sum_sorted_08', 'print(sum([torch.tensor(1.0), torch.tensor(2.5)]))',
     'print(sum([torch.tensor(1.0), torch.tensor(2.5)]))'),
    ('abs_min_max_sum_sorted_09', 'print(sorted([3, 1, 2], reverse=True))',
     'print(sorted([3, 1, 2], reverse=true))'),
    ('abs_min_max_sum_sorted_10', "print(sorted(['bb', 'a', 'ccc'], key=len, reverse=True))",
     'print(sorted(["bb", "a", "ccc"], {key: len, reverse: true}))'),
    ('abs_min_max_sum_sorted_11', 'print(sorted([10, 9, 100]))',
     'print(sorted([10, 9, 100]))'),
    ('abs_min_max_sum_sorted_12', "print(sorted({'b': 1, 'a': 2}))",
     'print(sorted({b: 1, a: 2}))'),
    ('abs_min_max_sum_sorted_13', 'print(sorted([3, 1, 2], key=lambda x: -x))',
     'print(sorted([3, 1, 2], {key: (x) => -x}))'),
    ('containers_02', "print([1.5, 'a', None, True, (1, 2)])",
     'print([1.5, "a", null, true, tuple([1, 2])])'),
    ('containers_03', 'print(())',
     'print(tuple([]))'),
    ('containers_04', 'print({})',
     'print({})'),
    ('containers_05', 'print({1, 2, 3})',
     'print(set([1, 2, 3]))'),
    ('containers_06', "print({'a'})",
     'print(set(["a"]))'),
    ('containers_07', "print(['a\\nb'])",
     'print(["a\\nb"])'),
    ('containers_08', 'print([[1, [2, [3]]]])',
     'print([[1, [2, [3]]]])'),
    ('containers_09', 'print((torch.tensor(1.0), 2))',
     'print(tuple([torch.tensor(1.0), 2]))'),
    ('containers_10', 'print([nn.ReLU()])',
     'print([new nn.ReLU()])'),
    ('containers_11', "print({'lr': 0.001, 'eps': 1e-08})",
     'print({lr: 0.001, eps: 1e-08})'),
    ('containers_12', 'print(range(0, 10, 2))',
     'print(range(0, 10, 2))'),
    ('containers_13', 'print(str([1, 2]))',
     'print(str([1, 2]))'),
    ('containers_14', 'print(repr("it\'s"))',
     'print(repr("it\'s"))'),
    ('containers_15', 'print(str(None), str(True))',
     'print(str(null), str(true))'),
    ('containers_16', 'print([1, 2] + [3], [0] * 3)',
     'print([1, 2].concat([3]), Array(3).fill(0))'),
    ('dicts_01', "d = {'a': 1, 'b': 2}; print(len(d), 'a' in d, 'z' in d, 1 in d)",
     'let d = {a: 1, b: 2}; print(len(d), "a" in d, "z" in d, 1 in d)'),
    ('dicts_02', "d = {'a': 1, 'b': 2}; print(list(zip(d, d.values())))",
     'let d = {a: 1, b: 2}; print(list(zip(d, d.values())))'),
    ('dicts_03', "d = {'a': 1}; print(d.keys(), d.values(), d.items())",
     'let d = {a: 1}; print(d.keys(), d.values(), d.items())'),
    ('dicts_04', "d = {'a': 1}; d.update(b=2); print(d)",
     'let d: any = {a: 1}; d.update({b: 2}); print(d)'),
    ('dicts_05', "d = {(1, 2): 'x'}; print(d)",
     'let d = new Map([[tuple([1, 2]), "x"]]); print(d)'),
    ('random_01', 'import random; random.seed(0); print(random.random())',
     'random.seed(0); print(random.random())'),
    ('random_02', "import random; random.seed(42); print(random.choice(['a', 'b', 'c']))",
     'random.seed(42); print(random.choice(["a", "b", "c"]))'),
    ('random_03', 'import random; random.seed(2); print(random.sample(range(100), 5))',
     'random.seed(2); print(random.sample(range(100), 5))'),
    ('random_04', 'import random; random.seed(4); print(random.randrange(10), random.randrange(0, 100, 5))',
     'random.seed(4); print(random.randrange(10), random.randrange(0, 100, 5))'),
    ('random_05', 'import random; random.seed(6); print([round(random.random(), 3) for _ in range(3)])',
     'random.seed(6); print(list(range(3)).map(() => round(random.random(), 3)))'),
    ('random_06', "import random; random.seed(0); print(random.sample(['a', 'b', 'c', 'd'], 2))",
     'random.seed(0); print(random.sample(["a", "b", "c", "d"], 2))'),
    ('string_methods_09', "print('hello world'.title())",
     'print("hello world".title())'),
    ('string_methods_10', "print('abc'.center(9, '*'), 'abc'.center(8))",
     'print("abc".center(9, "*"), "abc".center(8))'),
    ('string_methods_11', "print('ab'.ljust(5, '.') + '|', 'ab'.rjust(5) + '|')",
     'print("ab".ljust(5, ".") + "|", "ab".rjust(5) + "|")'),
    ('string_methods_12', "print('  x  '.strip(), 'xxhixx'.strip('x'), 'ab'.lstrip('a'))",
     'print("  x  ".strip(), "xxhixx".strip("x"), "ab".lstrip("a"))'),
    ('string_methods_13', "print('-'.join(['a', 'b']), ''.join(map(str, [1, 2, 3])))",
     'print("-".join(["a", "b"]), "".join(map(str, [1, 2, 3])))'),
    ('string_methods_14', "print('hello'.index('z'))",
     'print("hello".index("z"))'),
    ('string_methods_15', "print('ab' * 3, 'a' < 'b', 'B' < 'a')",
     'print("ab" * 3, "a" < "b", "B" < "a")'),
    ('string_methods_16', "print('x'.join('abc'))",
     'print("x".join("abc"))'),
    ('string_methods_17', 'print(str(12).zfill(4))',
     'print(str(12).zfill(4))'),
    ('bool_none_compare_01', 'print(None is None, 1 == 1.0, [1] == [1], (1, 2) == (1, 2))',
     'print(null === null, 1 == 1.0, [1] == [1], tuple([1, 2]) == tuple([1, 2]))'),
    ('bool_none_compare_02', 'print(str(True), repr(False), [True, None])',
     'print(str(true), repr(false), [true, null])'),
    ('bool_none_compare_03', "print(type(1).__name__, type(1.5).__name__, type('a').__name__, type(None).__name__, type([]).__name__)",
     'print(type(1).__name__, type(1.5).__name__, type("a").__name__, type(null).__name__, type([]).__name__)'),
    ('enumerate_zip_loops_01', "for a, b in zip([1, 2, 3], 'ab'): print(a, b)",
     'for (const [a, b] of zip([1, 2, 3], "ab")) print(a, b)'),
    ('enumerate_zip_loops_02', "print(list(enumerate('ab')))",
     'print(list(enumerate("ab")))'),
    ('enumerate_zip_loops_03', 'print(list(range(3)), tuple(range(3)))',
     'print(list(range(3)), tuple(range(3)))'),
    ('training_loop_style_04', "correct = 7; total = 10; print('Accuracy: {:.2f}%'.format(100 * correct / total))",
     'let correct = 7; let total = 10; print("Accuracy: {:.2f}%".format(100 * correct / total))'),
    ('training_loop_style_05', "correct = 5; total = 10; print('acc', correct / total)",
     'let correct = 5; let total = 10; print("acc", correct / total)'),
    ('training_loop_style_06', "loss = torch.tensor(0.6931); print('loss:', loss.item())",
     'let loss = torch.tensor(0.6931); print("loss:", loss.item())'),
    ('training_loop_style_07', 'losses = [0.5, 0.25]; print(sum(losses) / len(losses))',
     'let losses = [0.5, 0.25]; print(sum(losses) / len(losses))'),
    ('training_loop_style_08', "lr = 1e-3; print('lr', lr)",
     'let lr = 1e-3; print("lr", lr)'),
    ('training_loop_style_09', "lr = 0.00001; print('lr', lr)",
     'let lr = 0.00001; print("lr", lr)'),
    ('training_loop_style_10', 'print(f"{sum(p.numel() for p in nn.Linear(1000, 500).parameters()):,}")',
     'print(`${sum(list(new nn.Linear(1000, 500).parameters()).map((p) => p.numel())):,}`)'),
    ('training_loop_style_11', 'x = torch.zeros(2, 3); print(x.size(), x.dim(), x.numel(), x.dtype)',
     'let x = torch.zeros(2, 3); print(x.size(), x.dim(), x.numel(), x.dtype)'),
    ('training_loop_style_12', "print('shape: {}'.format(torch.zeros(2).shape))",
     'print("shape: {}".format(torch.zeros(2).shape))'),
    ('training_loop_style_13', "print('%s' % torch.float32)",
     'print("%s" % torch.float32)'),
    ('training_loop_style_14', 'x = torch.tensor([0.1, 0.2]); print(x.sum().item())',
     'let x = torch.tensor([0.1, 0.2]); print(x.sum().item())'),
    ('training_loop_style_15', 'x = torch.tensor([1e-6]); print(x.item())',
     'let x = torch.tensor([1e-6]); print(x.item())'),
    ('training_loop_style_16', 'x = 2; x /= 4; print(x)',
     'let x = 2; x /= 4; print(x)'),
    ('training_loop_style_17', 'print(10 - 0.1 * 3)',
     'print(10 - 0.1 * 3)'),
    ('training_loop_style_18', 'print(0.1 * 3)',
     'print(0.1 * 3)'),
    ('training_loop_style_19', 'print(2.5e-3)',
     'print(2.5e-3)'),
    ('training_loop_style_20', 'print(f\'{"nested"!r:>10}\')',
     'print(`${"nested"!r:>10}`)'),
    ('training_loop_style_21', "print(f'{[0.1, 1e-5]}')",
     'print(`${[0.1, 1e-5]}`)'),
    ('training_loop_style_22', 'print(f\'{"a" + "b":>4}\')',
     'print(`${"a" + "b":>4}`)'),
    ('training_loop_style_23', "x = 1234.5678; print(f'{x:.3}')",
     'let x = 1234.5678; print(`${x:.3}`)'),
    ('training_loop_style_24', "x = 12; print(f'{x:e}')",
     'let x = 12; print(`${x:e}`)'),
    ('training_loop_style_25', "x = 0.5; print(f'{x:>+8.3f}|{x:<8.1e}|')",
     'let x = 0.5; print(`${x:>+8.3f}|${x:<8.1e}|`)'),
    ('training_loop_style_26', "x = 123.456; print(f'{x:#.0f} {x:#g}')",
     'let x = 123.456; print(`${x:#.0f} ${x:#g}`)'),
    ('training_loop_style_27', "x = 'a'; print(f'{x:d}')",
     'let x = "a"; print(`${x:d}`)'),
    ('training_loop_style_28', "x = [1]; print(f'{x:>5}')",
     'let x = [1]; print(`${x:>5}`)'),
    # Python's builtins, collections, itertools, json, os.path and string in the dialect (session 41's sweep).
    ('truth_01', 'print(any([0, 1]), any([]), all([]), all([1, 0]))',
     'print(any([0, 1]), any([]), all([]), all([1, 0]))'),  # fixed
    ('truth_02', "print(bool([]), bool({}), bool(''), bool(0), bool([0]), bool('a'), bool(0.0), bool(None))",
     'print(bool([]), bool({}), bool(""), bool(0), bool([0]), bool("a"), bool(0.0), bool(None))'),  # fixed
    ('truth_03', "print(bool(torch.tensor(0.)), bool(torch.tensor([1])), bool(float('nan')), bool(range(0)))",
     'print(bool(torch.tensor(0.)), bool(torch.tensor([1])), bool(NaN), bool(range(0)))'),  # fixed
    ('truth_04', 'print(bool(torch.tensor([1, 2])))',
     'print(bool(torch.tensor([1, 2])))'),  # fixed
    ('truth_05', 'print(any(torch.tensor([0, 1])), all(torch.tensor([1, 1])), any([x > 2 for x in [1, 2, 3]]))',
     'print(any(torch.tensor([0, 1])), all(torch.tensor([1, 1])), any([1, 2, 3].map((x) => x > 2)))'),  # fixed
    ('truth_06', 'print(type(dict()), type(True), isinstance({}, dict), isinstance(False, bool))',
     'print(type(dict()), type(true), isinstance({}, dict), isinstance(false, bool))'),  # fixed
    ('filter_reversed_01', 'print(list(filter(lambda x: x > 1, [1, 2, 3])), list(filter(None, [0, 1, "", "a", [], [2]])))',
     'print(list(filter((x) => x > 1, [1, 2, 3])), list(filter(None, [0, 1, "", "a", [], [2]])))'),  # fixed
    ('filter_reversed_02', "print(list(reversed([1, 2, 3])), list(reversed({'a': 1, 'b': 2})), list(reversed(range(3))), ''.join(reversed('abc')))",
     'print(list(reversed([1, 2, 3])), list(reversed({a: 1, b: 2})), list(reversed(range(3))), "".join(reversed("abc")))'),  # fixed
    ('filter_reversed_03', 'print(reversed({1, 2}))',
     'print(reversed(set([1, 2])))'),  # fixed
    ('filter_reversed_04', 'print(list(map(lambda x: x * 2, [1, 2])), list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])))',
     'print(list(map((x) => x * 2, [1, 2])), list(map((a, b) => a + b, [1, 2], [10, 20, 30])))'),
    ('dict_01', "print(dict(a=1, b=2), dict(zip(['x', 'y'], [1, 2])), dict([('k', 1), ('j', 2)]), dict())",
     'print(dict(a=1, b=2), dict(zip(["x", "y"], [1, 2])), dict([["k", 1], ["j", 2]]), dict())'),  # fixed
    ('dict_02', "print(dict({'a': 1}, b=2), dict([(1, 'a'), (2, 'b')]))",
     'print(dict({a: 1}, b=2), dict([[1, "a"], [2, "b"]]))'),  # fixed
    ('dict_03', "d = {1: 'a'}; d[2] = 'b'; print(d[1], d); d[1] += 'x'; print(d)",
     'let m = new Map<number, string>([[1, "a"]]); m[2] = "b"; print(m[1], m); m[1] += "x"; print(m)'),  # fixed
    ('dict_04', "d = {1: 'a'}; print(d[3])",
     'let m = new Map<number, string>([[1, "a"]]); print(m[3])'),  # fixed
    ('ints_01', "print(ord('a'), chr(97), hex(255), oct(8), bin(5), hex(-255), bin(0), ord('€'), chr(8364))",
     'print(ord("a"), chr(97), hex(255), oct(8), bin(5), hex(-255), bin(0), ord("€"), chr(8364))'),  # fixed
    ('ints_02', "print(ord('ab'))",
     'print(ord("ab"))'),  # fixed
    ('ints_03', 'print(chr(0x110000))',
     'print(chr(0x110000))'),  # fixed
    ('ints_04', "print(int('ff', 16), int(' 3 '), int('0x1f', 16), int('101', 2), int('-7'), int('0x1f', 0), int('0b11', 0), int('z', 36))",
     'print(int("ff", 16), int(" 3 "), int("0x1f", 16), int("101", 2), int("-7"), int("0x1f", 0), int("0b11", 0), int("z", 36))'),  # fixed
    ('ints_05', "print(int('12', 2))",
     'print(int("12", 2))'),  # fixed
    ('ints_06', "print(int('3.5'))",
     'print(int("3.5"))'),
    ('ints_07', "print(float('nan'), float(' 2.5 '), float('inf'), float('-inf'), float('1e-3'))",
     'print(float("nan"), float(" 2.5 "), float("inf"), float("-inf"), float("1e-3"))'),
    ('ints_08', 'print(pow(2, 10), pow(3, 4, 5), pow(2, -1), pow(3, -1, 7), pow(-2, 3, 5), pow(2, 3, -5))',
     'print(pow(2, 10), pow(3, 4, 5), pow(2, -1), pow(3, -1, 7), pow(-2, 3, 5), pow(2, 3, -5))'),  # fixed
    ('ints_09', 'print(pow(0, -1))',
     'print(pow(0, -1))'),  # fixed
    ('ints_10', 'print(pow(2, 3, 0))',
     'print(pow(2, 3, 0))'),  # fixed
    ('ints_11', 'print(hash(1), hash(True), hash(-1), hash(0.5), hash(1.5), hash(-0.25), hash(2**61), hash(1.0) == hash(1))',
     'print(hash(1), hash(true), hash(-1), hash(0.5), hash(1.5), hash(-0.25), hash(2**61), hash(1.0) == hash(1))'),  # fixed
    ('ints_12', 'print(hash((1, 2)), hash(()), hash((1, (2.5, True))))',
     'print(hash([1, 2]), hash([]), hash([1, [2.5, true]]))'),  # fixed
    ('ints_13', 'print(hash({}))',
     'print(hash({}))'),  # fixed
    ('ints_14', 'print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.25, 1), divmod(7, 2), divmod(-7, 2), divmod(7, -2))',
     'print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.25, 1), divmod(7, 2), divmod(-7, 2), divmod(7, -2))'),
    ('ints_15', 'print(abs(-3), abs(-2.5), abs(torch.tensor([-1., 2.])), sum([1, 2, 3], start=10))',
     'print(abs(-3), abs(-2.5), abs(torch.tensor([-1., 2.])), sum([1, 2, 3], start=10))'),
    ('minmax_01', "print(min([3, 1, 2], key=lambda x: -x), max('abc', 'b', key=len), min(['bb', 'a', 'ccc'], key=len), max([], default=0))",
     'print(min([3, 1, 2], key=(x) => -x), max("abc", "b", key=len), min(["bb", "a", "ccc"], key=len), max([], {default: 0}))'),  # fixed
    ('minmax_02', 'print(max([]))',
     'print(max([]))'),
    ('minmax_03', "print(sorted([('b', 1), ('a', 1), ('c', 0)], key=lambda p: p[1]), sorted([1, 2, 3, 4], key=lambda x: x % 2, reverse=True), sorted(['b', 'A', 'a', 'B']))",
     'print(sorted([tuple(["b", 1]), tuple(["a", 1]), tuple(["c", 0])], key=(p) => p[1]), sorted([1, 2, 3, 4], key=(x) => x % 2, reverse=True), sorted(["b", "A", "a", "B"]))'),
    ('zip_01', "print(list(zip([1, 2], 'ab')), list(enumerate('ab', start=1)), list(zip([1, 2], [3])))",
     'print(list(zip([1, 2], "ab")), list(enumerate("ab", start=1)), list(zip([1, 2], [3])))'),
    ('zip_02', 'print(list(zip([1, 2], [3], strict=True)))',
     'print(list(zip([1, 2], [3], strict=True)))'),  # fixed
    ('zip_03', 'print(list(zip([1], [2, 3], strict=True)))',
     'print(list(zip([1], [2, 3], strict=True)))'),  # fixed
    ('zip_04', 'print(list(zip([1, 2], [3], [4], strict=True)))',
     'print(list(zip([1, 2], [3], [4], strict=True)))'),  # fixed
    ('zip_05', 'print(list(zip([1], [2], [3, 4], strict=True)), 1)',
     'print(list(zip([1], [2], [3, 4], strict=True)), 1)'),  # fixed
    ('zip_06', 'print(list(zip([1, 2], [3, 4], strict=True)))',
     'print(list(zip([1, 2], [3, 4], strict=True)))'),  # fixed
    ('counter_01', "import collections; c = collections.Counter('abracadabra'); print(c); print(c.most_common(2), c['a'], c['z'])",
     'let c = collections.Counter("abracadabra"); print(c); print(c.most_common(2), c["a"], c["z"])'),  # fixed
    ('counter_02', 'import collections; c = collections.Counter([1, 2, 2, 3, 3, 3]); print(c, len(c), sorted(c), list(c.keys()), c[3])',
     'let c = collections.Counter([1, 2, 2, 3, 3, 3]); print(c, len(c), sorted(c), list(c.keys()), c[3])'),  # fixed
    ('counter_03', "import collections; c = collections.Counter(); c.update(['a', 'b', 'a']); c['c'] += 2; print(c, sum(c.values()))",
     'let c = collections.Counter(); c.update(["a", "b", "a"]); c["c"] += 2; print(c, sum(c.values()))'),  # fixed
    ('counter_04', "import collections; c = collections.Counter(a=2, b=1); c.subtract('a'); print(c, list(c.elements()), c.total(), collections.Counter())",
     'let c = collections.Counter(null, {a: 2, b: 1}); c.subtract("a"); print(c, list(c.elements()), c.total(), collections.Counter())'),  # fixed
    ('counter_05', "import collections\nfor k, v in collections.Counter('aab').items(): print(k, v)",
     'for (const [k, v] of collections.Counter("aab").items()) print(k, v)'),  # fixed
    ('counter_06', "import collections; print('a' in collections.Counter('a'), 3 in collections.deque([3]), 'z' in collections.defaultdict(int))",
     'print("a" in collections.Counter("a"), 3 in collections.deque([3]), "z" in collections.defaultdict(int))'),  # fixed
    ('defaultdict_01', "import collections; d = collections.defaultdict(list); d['a'].append(1); d['b'].append(2); d['a'].append(3); print(d, dict(d))",
     'let d = collections.defaultdict(list); d["a"].append(1); d["b"].append(2); d["a"].append(3); print(d, dict(d))'),  # fixed
    ('defaultdict_02', "import collections; d = collections.defaultdict(int); d['x'] += 1; d['x'] += 1; print(d['x'], d['y'], d)",
     'let d = collections.defaultdict(int); d["x"] += 1; d["x"] += 1; print(d["x"], d["y"], d)'),  # fixed
    ('defaultdict_03', 'import collections; d = collections.defaultdict(int); d[3] += 1; d[1] += 2; print(d, list(d))',
     'let d = collections.defaultdict(int); d[3] += 1; d[1] += 2; print(d, list(d))'),  # fixed
    ('defaultdict_04', "import collections; d = collections.defaultdict(); d['k']",
     'let d = collections.defaultdict(); d["k"]'),  # fixed
    ('ordereddict_01', "import collections; d = collections.OrderedDict(); d['b'] = 1; d['a'] = 2; print(d, list(d.keys()))",
     'let d = collections.OrderedDict(); d["b"] = 1; d["a"] = 2; print(d, list(d.keys()))'),  # fixed
    ('deque_01', 'import collections; q = collections.deque([1, 2, 3], maxlen=3); q.append(4); q.appendleft(0); print(q, q.pop(), q.popleft(), len(q), list(q))',
     'let q = collections.deque([1, 2, 3], maxlen=3); q.append(4); q.appendleft(0); print(q, q.pop(), q.popleft(), len(q), list(q))'),  # fixed
    ('deque_02', 'import collections; q = collections.deque(); q.extend([1, 2]); q.rotate(1); print(q, q[0], q[-1])',
     'let q = collections.deque(); q.extend([1, 2]); q.rotate(1); print(q, q[0], q[-1])'),  # fixed
    ('deque_03', 'import collections; q = collections.deque(); q.pop()',
     'let q = collections.deque(); q.pop()'),  # fixed
    ('deque_04', 'import collections; q = collections.deque([1, 2]); q[5]',
     'let q = collections.deque([1, 2]); q[5]'),  # fixed
    ('namedtuple_01', "import collections; P = collections.namedtuple('P', ['x', 'y']); p = P(1, 2); print(p, p.x, p[1], p._replace(x=5), tuple(p))",
     'let P = collections.namedtuple("P", ["x", "y"]); let p = P(1, 2); print(p, p.x, p[1], p._replace(x=5), tuple(p))'),  # fixed
    ('itertools_01', "import itertools; print(list(itertools.product('ab', [1, 2])), list(itertools.chain([1], [2, 3])), list(itertools.chain.from_iterable([[1], [2]])))",
     'print(list(itertools.product("ab", [1, 2])), list(itertools.chain([1], [2, 3])), list(itertools.chain.from_iterable([[1], [2]])))'),  # fixed
    ('itertools_02', "import itertools; print(list(itertools.combinations([1, 2, 3], 2)), list(itertools.permutations('abc', 2)))",
     'print(list(itertools.combinations([1, 2, 3], 2)), list(itertools.permutations("abc", 2)))'),  # fixed
    ('itertools_03', "import itertools; print(list(itertools.permutations([1, 2, 3])), list(itertools.combinations('abcd', 3)), list(itertools.zip_longest([1, 2], 'a', fillvalue=0)), list(itertools.zip_longest([1], [2, 3])))",
     'print(list(itertools.permutations([1, 2, 3])), list(itertools.combinations("abcd", 3)), list(itertools.zip_longest([1, 2], "a", fillvalue=0)), list(itertools.zip_longest([1], [2, 3])))'),  # fixed
    ('itertools_04', "import itertools; print(list(itertools.islice(itertools.count(5, 2), 3)), list(itertools.islice('abcdef', 1, 5, 2)), list(itertools.accumulate([1, 2, 3])))",
     'print(list(itertools.islice(itertools.count(5, 2), 3)), list(itertools.islice("abcdef", 1, 5, 2)), list(itertools.accumulate([1, 2, 3])))'),  # fixed
    ('itertools_05', "import itertools; print([(k, list(g)) for k, g in itertools.groupby('aabbbc')])",
     'print(list(itertools.groupby("aabbbc")).map(([k, g]) => tuple([k, list(g)])))'),  # fixed
    ('itertools_06', "import itertools; print(list(itertools.islice(itertools.cycle('ab'), 5)), list(itertools.repeat(7, 3)), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b)))",
     'print(list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.repeat(7, 3)), list(itertools.accumulate([1, 2, 3], (a, b) => a * b)))'),  # fixed
    ('itertools_07', 'import itertools; print(list(itertools.accumulate([1, 2, 3], initial=10)), list(itertools.islice(range(10), 2, None)), list(itertools.groupby([1, 1, 2], key=lambda x: x % 2 == 0))[0][0])',
     'print(list(itertools.accumulate([1, 2, 3], initial=10)), list(itertools.islice(range(10), 2, null)), list(itertools.groupby([1, 1, 2], key=(x) => x % 2 == 0))[0][0])'),  # fixed
    ('functools_01', 'import functools; print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.reduce(lambda a, b: a + b, [], 0))',
     'print(functools.reduce((a, b) => a * b, [1, 2, 3, 4]), functools.reduce((a, b) => a + b, [], 0))'),
    ('functools_02', 'import functools; functools.reduce(lambda a, b: a + b, [])',
     'functools.reduce((a, b) => a + b, [])'),
    ('py_random_01', "import random; random.seed(0); print(random.random(), random.randint(1, 10), random.choice('abc'), random.uniform(1, 2))",
     'random.seed(0); print(random.random(), random.randint(1, 10), random.choice("abc"), random.uniform(1, 2))'),
    ('py_random_02', 'import random; random.seed(0); x = list(range(10)); random.shuffle(x); print(x, random.sample(range(100), 3))',
     'random.seed(0); let x = list(range(10)); random.shuffle(x); print(x, random.sample(range(100), 3))'),
    ('string_01', 'import string; print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.punctuation)',
     'print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.punctuation)'),  # fixed
    ('string_02', 'import string; print(len(string.printable), string.ascii_letters[:3], repr(string.whitespace), string.hexdigits)',
     'print(len(string.printable), string.ascii_letters[":3"], repr(string.whitespace), string.hexdigits)'),  # fixed
    ('json_01', "import json; print(json.dumps({'a': 1, 'b': [1, 2.5, None, True], 'c': 'x'}))",
     'print(json.dumps({a: 1, b: [1, 2.5, None, true], c: "x"}))'),  # fixed
    ('json_02', "import json; print(json.dumps({'a': {'b': 1}, 'c': []}, indent=2))",
     'print(json.dumps({a: {b: 1}, c: []}, indent=2))'),  # fixed
    ('json_03', "import json; print(json.loads('{\"a\": [1, 2]}'))",
     'print(json.loads(\'{"a": [1, 2]}\'))'),  # fixed
    ('json_04', "import json; print(json.dumps([1e-05, 1.5, 'é', float('nan')]), json.dumps({'b': 1, 'a': 2}, sort_keys=True), json.dumps({1: 2}))",
     'print(json.dumps([1e-05, 1.5, "é", NaN]), json.dumps({b: 1, a: 2}, sort_keys=True), json.dumps(new Map([[1, 2]])))'),  # fixed
    ('json_05', 'import json; print(json.dumps(torch.tensor(1)))',
     'print(json.dumps(torch.tensor(1)))'),  # fixed
    ('os_path_01', "import os; print(os.path.join('a', 'b', 'c.txt'), os.path.basename('/x/y.pt'), os.path.splitext('m.tar.gz'), os.path.exists('/nonexistent'), os.path.dirname('/x/y.pt'))",
     'print(os.path.join("a", "b", "c.txt"), os.path.basename("/x/y.pt"), os.path.splitext("m.tar.gz"), os.path.exists("/nonexistent"), os.path.dirname("/x/y.pt"))'),  # fixed
    ('os_path_02', "import os; print(os.path.join('a/', 'b'), os.path.join('a', '/b', 'c'), os.path.join('a', '../b'), os.path.splitext('.bashrc'), os.path.splitext('a/b.c/d'), os.path.dirname('a'), os.path.split('/a/b/'))",
     'print(os.path.join("a/", "b"), os.path.join("a", "/b", "c"), os.path.join("a", "../b"), os.path.splitext(".bashrc"), os.path.splitext("a/b.c/d"), os.path.dirname("a"), os.path.split("/a/b/"))'),  # fixed
    ('lists_01', "print([1, 2, 3, 4, 5][::2], [1, 2, 3, 4, 5][::-1], 'hello'[1:4], 'hello'[::-1], [1, 2, 3][-2:])",
     'print([1, 2, 3, 4, 5]["::2"], [1, 2, 3, 4, 5]["::-1"], "hello"["1:4"], "hello"["::-1"], [1, 2, 3]["-2:"])'),
    ('lists_02', 'xs = [1, 2, 3]; xs.insert(0, 9); print(xs, xs.pop(1), xs, xs.index(3), xs.count(9))',
     'let xs = [1, 2, 3]; xs.insert(0, 9); print(xs, xs.pop(1), xs, xs.index(3), xs.count(9))'),
    ('lists_03', 'xs = [1, 2]; xs.remove(5)',
     'let xs = [1, 2]; xs.remove(5)'),
    ('lists_04', "a, *b = [1, 2, 3]; print(a, b, 'a' in {'a': 1}, 2 in [1, 2], 'ell' in 'hello')",
     'let [a, ...b] = [1, 2, 3]; print(a, b, "a" in {a: 1}, 2 in [1, 2], "ell" in "hello")'),
    ('lists_05', "print('hi'.center(6, '*'), 'hi'.ljust(5) + '|', '42'.zfill(5), '-42'.zfill(5), 'hello world'.title())",
     'print("hi".center(6, "*"), "hi".ljust(5) + "|", "42".zfill(5), "-42".zfill(5), "hello world".title())'),
    ('lists_06', "x = torch.tensor(0.12345); print(f'{x.item():.3f} {x.item():e} {\"{:.2f}\".format(x.item())}')",
     'let x = torch.tensor(0.12345); print(`${x.item():.3f} ${x.item():e} ${"{:.2f}".format(x.item())}`)'),
    # Second pass (session 42): Python's truth of containers, floats as written, range's items and slices.
    ('container_truth_01', "xs = []; d = [0]; print(xs or d, xs and d)",
     'let xs: number[] = []; let d = [0]; print(xs || d, xs && d)'),  # fixed
    ('container_truth_02', "xs = [1]; d = [0]; print(xs or d, xs and d)",
     'let xs: number[] = [1]; let d = [0]; print(xs || d, xs && d)'),
    ('container_truth_03', "d = {}; x = d or {'a': 1}; print(x, d and 5)",
     'let d = {}; let x = d || {a: 1}; print(x, d && 5)'),  # fixed
    ('container_truth_04', "d = {}; print('yes' if d else 'no', not d)",
     'let d = {}; if (d) print("yes", !d); else print("no", !d)'),  # fixed
    ('container_truth_05', "d = dict(); print(not d)",
     'let d = dict(); print(!d)'),  # fixed
    ('container_truth_06', "d = {'a': 1}; print(not d, 'yes' if d else 'no')",
     'let d = {a: 1}; print(!d, d ? "yes" : "no")'),
    ('container_truth_07', "s = set(); print(not s, 'yes' if s else 'no')",
     'let s = new Set<number>(); print(!s, s ? "yes" : "no")'),  # fixed
    ('container_truth_08', "m = {}; print(not m)",
     'let m = new Map<string, number>(); print(!m)'),  # fixed
    ('container_truth_09', "s = {1, 2}; n = 0\nwhile s:\n    s.pop(); n += 1\nprint(n)",
     'let s = set([1, 2]); let n = 0; while (s) { s.pop(); n += 1; } print(n)'),  # fixed
    ('container_truth_10', "s = {1, 2}; n = 0\nwhile s:\n    s.pop(); n += 1\nprint(n)",
     'let s = new Set([1, 2]); let n = 0; while (s) { s.delete([...s][0]); n += 1; } print(n)'),  # fixed
    ('container_truth_11', "d = {'a': 1}\nx = d or {}\nprint(x)",
     'let d: Record<string, number> = {a: 1}; let x = d || {}; print(x)'),
    ('container_truth_12', "q = [3, 4]; n = 0\nwhile q:\n    q.pop(); n += 1\nprint(n)",
     'let q = [3, 4]; let n = 0; while (q) { q.pop(); n += 1; } print(n)'),
    ('container_truth_13', "s = ''; print(not s, s or 'default', 'yes' if 0 else 'no')",
     'let s = ""; print(!s, s || "default", 0 ? "yes" : "no")'),
    ('dict_views_01', "d = {'a': 1, 'b': 2}; print(d.keys(), d.values())",
     'let d = new Map([["a", 1], ["b", 2]]); print(d.keys(), d.values())'),  # fixed
    ('dict_views_02', "d = {'b': 1, 'a': 2}; print(d.items(), list(d), sorted(d))",
     'let d = new Map([["b", 1], ["a", 2]]); print(d.items(), list(d), sorted(d))'),
    ('dict_views_03', "d = {'a': 1, 'b': 2}; print(d.keys(), d.values(), d.items())",
     'let d = {a: 1, b: 2}; print(d.keys(), d.values(), d.items())'),
    ('dict_views_04', "d = {'a': 1}\nfor k in d.keys():\n    print(k, d[k])",
     'let d = new Map([["a", 1]]); for (const k of d.keys()) print(k, d.get(k))'),
    ('range_01', "print(range(10)[2:5], range(10)[::3], list(range(10)[::3]))",
     'print(range(10)["2:5"], range(10)["::3"], list(range(10)["::3"]))'),  # fixed
    ('range_02', "r = range(10); print(r[-1], r[3], r[-3:], r[::-1])",
     'let r = range(10); print(r[-1], r[3], r["-3:"], r["::-1"])'),  # fixed
    ('range_03', "print(range(1, 20, 3)[1:4], len(range(1, 10, 2)), range(1, 10, 2))",
     'print(range(1, 20, 3)["1:4"], len(range(1, 10, 2)), range(1, 10, 2))'),  # fixed
    ('range_04', "print(range(5)[5])",
     'print(range(5)[5])'),  # fixed
    ('range_05', "print(range(5)[::0])",
     'print(range(5)["::0"])'),  # fixed
    ('floats_as_written_01', "print(2.0, 1e20, -0.0, 1e16, 2.5)",
     'print(2.0, 1e20, -0.0, 1e16, 2.5)'),  # fixed
    ('floats_as_written_02', "x = 4; print(x / 2, 10 / 5, 3 * 1.0)",
     'let x = 4; print(x / 2, 10 / 5, 3 * 1.0)'),  # fixed
    ('floats_as_written_03', "x = 4; y = x / 2; print(y)",
     'let x = 4; let y = x / 2; print(y)'),  # fixed
    ('floats_as_written_04', "x = 4.0; print(x, x * 2, str(x), str(3.0))",
     'let x = 4.0; print(x, x * 2, str(x), str(3.0))'),  # fixed
    ('floats_as_written_05', "x = 1.0; x += 1; print(x)",
     'let x = 1.0; x += 1; print(x)'),  # fixed
    ('floats_as_written_06', "t = 0.0\nfor i in range(3):\n    t += i\nprint(t)",
     'let t = 0.0; for (const i of range(3)) t += i; print(t)'),  # fixed
    ('floats_as_written_07', "print(abs(-2.0), round(2.0, 1), max(1.0, 2.0))",
     'print(abs(-2.0), round(2.0, 1), max(1.0, 2.0))'),  # fixed
    ('floats_as_written_08', "x = 2.0; print(f'{x}', f'{x / 2}!', f'{x:.2f}')",
     'let x = 2.0; print(`${x}`, `${x / 2}!`, `${x:.2f}`)'),  # fixed
    ('floats_as_written_09', "x = 1 / 3; n = 3; print(x, 'a', x * 3, n, n * 2)",
     'let x = 1 / 3; let n = 3; print(x, "a", x * 3, n, n * 2)'),  # fixed
    ('floats_as_written_10', "import math; print(math.pi * 2, math.floor(4.0))",
     'print(math.pi * 2, math.floor(4.0))'),
    # A repeated list is a list: Python's list methods on it (graykode's BERT: segment_ids.extend).
    ('list_repeat_01', "t = [0] * 3; t.extend([1]); t.append(t.index(1)); print(t, t.count(0))",
     'const t = [0] * 3; t.extend([1]); t.append(t.index(1)); print(t, t.count(0))'),
    ('list_repeat_02', "seg = [0] * (1 + 2 + 1) + [1] * (2 + 1); seg.extend([0] * 2); print(seg, len(seg))",
     'const seg = [0] * (1 + 2 + 1) + [1] * (2 + 1); seg.extend([0] * 2); print(seg, len(seg))'),
    ('list_repeat_03', "x = ['a'] * 2; x.insert(0, 'b'); print(x, '-' * 3, 2 * 'ab', (1, 2) * 2)",
     "const x = ['a'] * 2; x.insert(0, 'b'); print(x, '-' * 3, 2 * 'ab', tuple([1, 2]) * 2)"),
    # A float variable that becomes a tensor (Raschka's `res = 0.` then `res += inputs[0][idx] * query[idx]`).
    ('floats_as_written_11', "res = 0.\nfor i in range(2):\n    res += torch.tensor([1., 2.])[i] * 2\nprint(res, str(res), f'{res}')",
     'let res = 0.; for (const i of range(2)) res += torch.tensor([1., 2.])[i] * 2; print(res, str(res), `${res}`)'),
    ('floats_as_written_12', "x = 2.0\nx = x * torch.ones(1)\nprint(x)",
     'let x: any = 2.0; x = x * torch.ones(1); print(x)'),
    ('floats_as_written_13', "s = 0.5; s += 1; print(s, f'{s}')",
     'let s = 0.5; s += 1; print(s, `${s}`)'),
    # Floats as written inside lists, tuples and dicts, a float tensor's .item(), str.format and %.
    ('floats_in_containers_01', "print([1.0, 2.5], (1.0, 2), {'lr': 1.0, 'n': 2})",
     "print([1.0, 2.5], tuple([1.0, 2]), {'lr': 1.0, 'n': 2})"),  # fixed
    ('floats_in_containers_02', "x = [0.5, 2.0]; d = {'lr': 1.0}; print(x, str(x), f'{x}', d, repr(x))",
     "const x = [0.5, 2.0]; const d = {'lr': 1.0}; print(x, str(x), `${x}`, d, repr(x))"),  # fixed
    ('floats_in_containers_03', "import math\nx = 4; y = 2\nprint([x / y, float(3), math.sqrt(4), 2.0 * 3], {'a': [1.0]})",
     "let x = 4; let y = 2; print([x / y, float(3), math.sqrt(4), 2.0 * 3], {'a': [1.0]})"),  # fixed
    ('floats_in_containers_04', "xs = [1.0]; xs.append(2); ys = []; ys.append(2.0); ys.append(3); print(xs, ys, list(xs), tuple(ys))",
     "const xs = [1.0]; xs.append(2); const ys: number[] = []; ys.append(2.0); ys.append(3); print(xs, ys, list(xs), tuple(ys))"),  # fixed
    ('floats_in_containers_05', "print(dict(lr=1.0), dict({'a': 2.0}), {0: 1.0})",
     "print(dict({lr: 1.0}), dict({'a': 2.0}), {0: 1.0})"),  # fixed
    ('floats_in_containers_06', "cfg = {'lr': 1e-3, 'wd': 0.0, 'epochs': 10}; print(cfg, [1, 2])",
     "const cfg = {'lr': 1e-3, 'wd': 0.0, 'epochs': 10}; print(cfg, [1, 2])"),  # fixed
    ('item_float_01', "print(torch.tensor(3.).item(), torch.tensor(3).item(), torch.tensor([1., 2.]).sum().item())",
     "print(torch.tensor(3.).item(), torch.tensor(3).item(), torch.tensor([1., 2.]).sum().item())"),  # fixed
    ('float_var_01', "best = torch.tensor(3.).item()\nlr = 1.0\nprint(best, [best, lr], {'best': best}, f'{best} {lr}', str(lr))",
     "let best = torch.tensor(3.).item(); let lr = 1.0; print(best, [best, lr], {best: best}, `${best} ${lr}`, str(lr))"),  # fixed
    ('float_var_02', "total = 0\nfor i in range(3):\n    total += torch.tensor(1.).item()\nn = 0\nn += 2\nprint(total, [total], n)",
     "let total = 0; for (const i of range(3)) total += torch.tensor(1.).item(); let n = 0; n += 2; print(total, [total], n)"),  # fixed
    ('float_var_03', "x = 2.0\nx = 2\nprint(x)\ny = 6\ny /= 3\nprint(y)",
     "let x = 2.0; x = 2; print(x); let y = 6; y /= 3; print(y)"),  # fixed
    ('float_attr_01', "class A:\n    def __init__(self):\n        self.lr = 1.0\na = A()\nprint(a.lr, f'{a.lr}')\na.lr = 2\nprint(a.lr)",
     "class A { lr: number; constructor() { this.lr = 1.0 } }; let a = new A(); print(a.lr, `${a.lr}`); a.lr = 2; print(a.lr)"),  # fixed
    ('float_attr_02', "cfg = {'lr': 1.0}\ncfg['lr'] = 2.0\nprint(cfg['lr'], cfg)\ncfg['lr'] = 3\nprint(cfg['lr'], cfg)",
     "let cfg = {lr: 1.0}; cfg['lr'] = 2.0; print(cfg['lr'], cfg); cfg['lr'] = 3; print(cfg['lr'], cfg)"),  # fixed
    ('float_pop_01', "ys = []\nfor i in range(3):\n    ys.append(torch.tensor(float(i)).item())\nys.append(7)\nys.pop(0)\nys.insert(0, 5)\nprint(ys, torch.tensor(float(2)).dtype)",
     "let ys: number[] = []; for (const i of range(3)) ys.append(torch.tensor(float(i)).item()); ys.append(7); ys.pop(0); ys.insert(0, 5); print(ys, torch.tensor(float(2)).dtype)"),  # fixed
    ('float_item_03', "t = torch.tensor([1., 2.])\nlosses = []\nfor i in range(2):\n    losses.append((t * i).sum().item())\nprint(losses)",
     "const t = torch.tensor([1., 2.]); const losses: number[] = []; for (const i of range(2)) losses.append((t * i).sum().item()); print(losses)"),  # fixed
    ('return_tuple_01', "def h(a, b):\n    return a + b, a - b\np, q = h(3, 1)\nprint(h(3, 1), p, q, type(h(1, 1)).__name__)",
     "function h(a: number, b: number) { return a + b, a - b }; let [p, q] = h(3, 1); print(h(3, 1), p, q, type(h(1, 1)).__name__)"),  # fixed
    ('fstring_bigint_01', "print(f'{2**100} {10**20}')",
     "print(`${2**100} ${10**20}`)"),  # fixed
    ('item_float_03', "print(f'{torch.tensor(3.).item()} {torch.tensor(3).item()}', str(torch.tensor(2.).item()), [torch.tensor(2.).item()])",
     "print(`${torch.tensor(3.).item()} ${torch.tensor(3).item()}`, str(torch.tensor(2.).item()), [torch.tensor(2.).item()])"),  # fixed
    ('item_float_04', "x = torch.tensor(2.)\nprint({'loss': x.item(), 'n': torch.tensor(2).item()}, (x.item(), 1))",
     "const x = torch.tensor(2.); print({'loss': x.item(), 'n': torch.tensor(2).item()}, tuple([x.item(), 1]))"),  # fixed
    ('item_float_05', "print(torch.tensor([0.25, 0.5]).mean().item(), torch.tensor([1, 2]).sum().item())",
     "print(torch.tensor([0.25, 0.5]).mean().item(), torch.tensor([1, 2]).sum().item())"),
    ('float_sum_01', "print(sum([1.0, 2.0]), sum([1, 2]), max([1.0, 2.0]), max([1, 2]), min(1.0, 2.0))",
     "print(sum([1.0, 2.0]), sum([1, 2]), max([1.0, 2.0]), max([1, 2]), min(1.0, 2.0))"),  # fixed
    ('float_format_01', "print('{}'.format(2.0), '{:.2f} {}'.format(2.0, 3), '{lr}'.format(lr=1.0))",
     "print('{}'.format(2.0), '{:.2f} {}'.format(2.0, 3), '{lr}'.format({lr: 1.0}))"),  # fixed
    ('float_format_02', "print('%s' % 2.0, '%s %s' % (2.0, 1), '%d %.1f %s %r' % (2.0, 2.0, 2.0, 2.0))",
     "print('%s' % 2.0, '%s %s' % tuple([2.0, 1]), '%d %.1f %s %r' % tuple([2.0, 2.0, 2.0, 2.0]))"),  # fixed
    ('float_types_01', "print(isinstance(1.0, float), isinstance(1.0, int), isinstance(1, float), isinstance(1, int))",
     "print(isinstance(1.0, float), isinstance(1.0, int), isinstance(1, float), isinstance(1, int))"),  # fixed
    ('float_types_02', "print(isinstance(True, int), isinstance('a', float), isinstance(0.5, (int, float)), isinstance(2, (int, float)))",
     "print(isinstance(true, int), isinstance('a', float), isinstance(0.5, [int, float]), isinstance(2, [int, float]))"),  # fixed
    ('float_types_03', "x = 2.0; print(type(1.0).__name__, type(1).__name__, type(x) == float, type(x) == int, type(x / 1).__name__)",
     "let x = 2.0; print(type(1.0).__name__, type(1).__name__, type(x) == float, type(x) == int, type(x / 1).__name__)"),  # fixed
    ('float_types_04', "print(type(torch.tensor(2.).item()).__name__, isinstance(torch.tensor(2).item(), int), isinstance(torch.tensor(2.).item(), float))",
     "print(type(torch.tensor(2.).item()).__name__, isinstance(torch.tensor(2).item(), int), isinstance(torch.tensor(2.).item(), float))"),  # fixed
    # Ints beyond 2**53 from int literals print Python's exact digits (a JavaScript number would not hold them).
    ('big_ints_01', "print(2**100, 10**20, 2**53 + 1, -2**70)",
     "print(2**100, 10**20, 2**53 + 1, -(2**70))"),  # fixed
    ('big_ints_02', "import math; print(2**10, 3 * 4, 2**-1, math.factorial(18), math.comb(10, 3), math.perm(5))",
     "print(2**10, 3 * 4, 2**-1, math.factorial(18), math.comb(10, 3), math.perm(5))"),
    ('big_ints_03', "print(2**100 + 1)",
     "print(2n ** 100n + 1n)"),
    # Python's floats across a notebook function's calls (arg_float / param_float, ret_value / call_float),
    # through arithmetic whose operand only the run tells, max / min / sum / abs / round, an untyped `/`,
    # and NumPy's / scikit-learn's float64 scalars.
    ('float_flow_01', "loss = torch.tensor(3.)\ndef show(v):\n    print(v, f'{v}', [v])\nshow(loss.item())\nshow(torch.tensor(3).item())\nshow(2.0)",
     "const loss = torch.tensor(3.); function show(v) { print(v, `${v}`, [v]) }; show(loss.item()); show(torch.tensor(3).item()); show(2.0)"),  # fixed
    ('float_flow_02', "def show(v, w):\n    print(v, w)\nshow(2.0, 2)\nshow(2, 2.0)",
     "function show(v, w) { print(v, w) }; show(2.0, 2); show(2, 2.0)"),  # fixed
    ('float_flow_03', "def f():\n    return 1.0\ndef g():\n    return 1\ny = f()\nprint(f(), g(), y, [y])",
     "function f() { return 1.0 }; function g() { return 1 }; const y = f(); print(f(), g(), y, [y])"),  # fixed
    ('float_flow_04', "def f(x):\n    return x\ny = f(2.0)\nprint(f(1.0), f(1), y, [y], {'y': y})",
     "function f(x) { return x }; const y = f(2.0); print(f(1.0), f(1), y, [y], {'y': y})"),  # fixed
    ('float_flow_05', "def g(x):\n    return x * 2\nprint(g(1.5), g(2), g(1.0))",
     "function g(x) { return x * 2 }; print(g(1.5), g(2), g(1.0))"),  # fixed
    ('float_flow_06', "def f(a, b=2.0):\n    return a * b\nprint(f(1), f(1, 3))",
     "function f(a, b = 2.0) { return a * b }; print(f(1), f(1, 3))"),  # fixed
    ('float_flow_07', "def acc(c, n):\n    return c / n\nprint(acc(4, 2), acc(1, 4))",
     "function acc(c, n) { return c / n }; print(acc(4, 2), acc(1, 4))"),  # fixed
    ('float_flow_08', "class C:\n    def __init__(self, lr):\n        self.lr = lr\nc = C(1.0)\nprint(c.lr, C(1).lr)",
     "class C { lr; constructor(lr) { this.lr = lr } }; const c = new C(1.0); print(c.lr, new C(1).lr)"),  # fixed
    ('float_flow_09', "def log(epoch, loss):\n    print(f'epoch {epoch}: loss={loss}')\nlog(1, 2.0)\nlog(2, torch.tensor(0.5).item())",
     "function log(epoch, loss) { print(`epoch ${epoch}: loss=${loss}`) }; log(1, 2.0); log(2, torch.tensor(0.5).item())"),  # fixed
    ('float_flow_10', "cfg = {'lr': 1.0}\nprint(cfg['lr'], cfg)",
     "const cfg: any = {lr: 1.0}; print(cfg['lr'], cfg)"),  # fixed
    ('float_flow_11', "x = 0\nx = x + torch.tensor(2.).item()\nrunning = 0\nl = 1.0\nrunning = running + l\nprint(x, running, 2 * running)",
     "let x = 0; x = x + torch.tensor(2.).item(); let running = 0; let l = 1.0; running = running + l; print(x, running, 2 * running)"),  # fixed
    ('float_flow_12', "x = torch.tensor(2.).item()\ny = x * 2\nprint(y, [y], torch.tensor(2.).item() * 2, torch.tensor(2).item() * 2)",
     "const x = torch.tensor(2.).item(); const y = x * 2; print(y, [y], torch.tensor(2.).item() * 2, torch.tensor(2).item() * 2)"),  # fixed
    ('float_flow_13', "a = 0\nprint(max(a, 1.0), max(2, 1.0), min(1, 1.0), max(1.0, 1), max(a, 1.0, 0))",
     "let a = 0; print(Math.max(a, 1.0), max(2, 1.0), min(1, 1.0), max(1.0, 1), max(a, 1.0, 0))"),  # fixed
    ('float_flow_14', "xs = [1.0, 2.0]\nys = [1, 2]\nprint(sum(xs), min(xs), max(xs), sum(ys), max(ys), sum(xs) / len(xs))",
     "const xs = [1.0, 2.0]; const ys = [1, 2]; print(sum(xs), min(xs), max(xs), sum(ys), max(ys), sum(xs) / len(xs))"),  # fixed
    ('float_flow_15', "x = torch.tensor(2.).item()\nprint(abs(x), round(x, 2), round(x), abs(-2))",
     "const x = torch.tensor(2.).item(); print(abs(x), round(x, 2), round(x), abs(-2))"),  # fixed
    ('float_flow_16', "import numpy as np\nm = np.mean([1, 1])\nprint(np.mean([1, 1]), np.float64(2), m, [m], f'{m}', str(m))",
     "const m = np.mean([1, 1]); print(np.mean([1, 1]), np.float64(2), m, [m], `${m}`, str(m))"),  # fixed
    ('float_flow_17', "import numpy as np\na = np.array([1.0, 2.0, 3.0])\nprint(a.sum(), np.array([1, 2]).sum(), a.max(), a.argmax(), np.sum([1, 2]))",
     "const a = np.array([1.0, 2.0, 3.0]); print(a.sum(), np.array([1, 2]).sum(), a.max(), a.argmax(), np.sum([1, 2]))"),  # fixed
    ('float_flow_18', "from sklearn.metrics import accuracy_score\ny = [0, 1, 1]\nprint(accuracy_score(y, y), accuracy_score(y, y, normalize=False))",
     "const y = [0, 1, 1]; print(sklearn.metrics.accuracy_score(y, y), sklearn.metrics.accuracy_score(y, y, {normalize: false}))"),  # fixed
    ('float_flow_19', "a = 4\nb = 2\nc = a / b\nprint(a / b, c, [c], {'c': c}, float(3), 4 / 2)",
     "let a = 4; let b = 2; const c = a / b; print(a / b, c, [c], {c: c}, float(3), 4 / 2)"),
    ('float_flow_20', "def f():\n    return 2.0\nprint(f'{f()}', str(f()), [f()], f() + 1)",
     "function f() { return 2.0 }; print(`${f()}`, str(f()), [f()], f() + 1)"),  # fixed
    # A dict's missing key is Python's KeyError however the dict was made and read (dict(), a literal, zip,
    # an OrderedDict, a typed Record, a Map), while defaultdict and Counter give their default; a KeyError
    # prints its key's repr; tuple keys are equal by value (Counter(zip(...)) bigrams, `d[p] = d.get(p, 0) + 1`).
    ('dict_keys_01', "d = dict(); print(d['k'])",
     "const d = dict(); print(d['k'])"),  # fixed
    ('dict_keys_02', "d = dict(a=1); print(d['a'], d.get('k'), d.get('k', 3)); print(d['k'])",
     "const d = dict({a: 1}); print(d['a'], d.get('k'), d.get('k', 3)); print(d['k'])"),  # fixed
    ('dict_keys_03', "d = {'a': 1}; print(d['k'])",
     "const d = {a: 1}; print(d['k'])"),  # fixed
    ('dict_keys_04', "d = {'a': 1}; print(d['k'])",
     "const d: any = {a: 1}; print(d['k'])"),  # fixed
    ('dict_keys_05', "d = dict(zip(['a', 'b'], [1, 2])); print(d['b']); print(d['c'])",
     "const d = dict(zip(['a', 'b'], [1, 2])); print(d['b']); print(d['c'])"),  # fixed
    ('dict_keys_06', "from collections import OrderedDict\nd = OrderedDict(); d['a'] = 1; print(d['a']); print(d['b'])",
     "const d = collections.OrderedDict(); d['a'] = 1; print(d['a']); print(d['b'])"),  # fixed
    ('dict_keys_07', "word2idx = {'a': 0}; w = 'zz'; print(word2idx['a']); print(word2idx[w])",
     "const word2idx: Record<string, number> = {a: 0}; const w = 'zz'; print(word2idx['a']); print(word2idx[w])"),  # fixed
    ('dict_keys_08', "d = {1: 'a'}; print(d[1], d); print(d[2])",
     "const d = dict([[1, 'a']]); print(d[1], d); print(d[2])"),
    ('dict_keys_09', "d = {}\nd[0] = 'x'\nprint(d[0], d); print(d[1])",
     "const d: {[k: number]: string} = {}; d[0] = 'x'; print(d[0], d); print(d[1])"),  # fixed
    ('dict_keys_10', "m = {}; m['x'] = 1; print(m['x']); print(m['y'])",
     "const m = new Map(); m.set('x', 1); print(m['x']); print(m['y'])"),
    ('dict_keys_11', "def lookup(vocab, w):\n    return vocab[w]\nprint(lookup({'a': 1}, 'a')); print(lookup({'a': 1}, 'b'))",
     "function lookup(vocab, w) { return vocab[w] }; print(lookup({a: 1}, 'a')); print(lookup({a: 1}, 'b'))"),  # fixed
    ('dict_keys_12', "counts = {}\nfor w in ['a', 'b', 'a']:\n    counts[w] = counts.get(w, 0) + 1\nprint(counts, counts['a'])",
     "const counts: Record<string, number> = {}; for (const w of ['a', 'b', 'a']) { counts[w] = counts.get(w, 0) + 1 }; print(counts, counts['a'])"),
    ('dict_keys_13', "d = {'a': 1}\nprint(d.get('b') is None, 'b' in d, d.get('a'))",
     "const d = {a: 1}; print((d['b'] ?? null) === null, 'b' in d, d.get('a'))"),
    ('dict_keys_14', "d = {'a': 1}\nd['a'] += 1\nprint(d); d['b'] += 1",
     "const d: any = {a: 1}; d['a'] += 1; print(d); d['b'] += 1"),  # fixed
    ('dict_keys_15', "from collections import defaultdict\nd = defaultdict(list); d['x'].append(1); print(d['x'], d['y'], len(d), dict(d))",
     "const d = collections.defaultdict(list); d['x'].append(1); print(d['x'], d['y'], len(d), dict(d))"),
    ('dict_keys_16', "from collections import defaultdict\nd = defaultdict(int); d['x'] += 1; print(d['x'], d['z'], d)",
     "const d = collections.defaultdict(int); d['x'] += 1; print(d['x'], d['z'], d)"),
    ('dict_keys_17', "from collections import Counter\nc = Counter('hello'); print(c['l'], c['z'], c, c.most_common(1))",
     "const c = collections.Counter('hello'); print(c['l'], c['z'], c, c.most_common(1))"),
    ('dict_keys_18', "d = {'a': 1}; print(d.pop('b', 0), d.pop('a'), d); d.pop('b')",
     "const d = dict({a: 1}); print(d.pop('b', 0), d.pop('a'), d); d.pop('b')"),
    ('key_error_01', "print(str(KeyError('k')), repr(KeyError('k')), str(KeyError(2)), repr(KeyError()), str(KeyError()) == '')",
     "print(str(new KeyError('k')), repr(new KeyError('k')), str(new KeyError(2)), repr(new KeyError()), str(new KeyError()) == '')"),  # fixed
    ('key_error_02', "e = KeyError('k'); print(f'{e}', [e], e.args, e)",
     "const e = new KeyError('k'); print(`${e}`, [e], e.args, e)"),  # fixed
    ('key_error_03', "try:\n    {}['k']\nexcept KeyError as e:\n    print(e, repr(e), e.args)",
     "try { dict()['k'] } catch (e: any) { print(e, repr(e), e.args) }"),  # fixed
    ('key_error_04', "print(str(KeyError(\"it's\")), repr(KeyError((1, 2))), str(KeyError('a', 'b')))",
     "print(str(new KeyError(\"it's\")), repr(new KeyError(tuple([1, 2]))), str(new KeyError('a', 'b')))"),  # fixed
    ('key_error_05', "s = {1}; s.remove(2)",
     "const s = set([1]); s.remove(2)"),
    ('key_error_06', "s = set(); s.pop()",
     "const s = set(); s.pop()"),
    ('key_error_07', "print('{name}'.format(nme='x'))",
     "print('{name}'.format({nme: 'x'}))"),
    ('key_error_08', "raise KeyError('missing')",
     "throw new KeyError('missing')"),  # fixed
    ('exceptions_str_01', "print(str(ValueError('bad')), repr(ValueError('bad')), str(IndexError('i')), repr(TypeError('t')), repr(ValueError()), str(RuntimeError('r')))",
     "print(str(new ValueError('bad')), repr(new ValueError('bad')), str(new IndexError('i')), repr(new TypeError('t')), repr(new ValueError()), str(new RuntimeError('r')))"),
    ('tuple_keys_01', "from collections import Counter\nw = ['a', 'b', 'a', 'b']\nc = Counter(zip(w, w[1:])); print(c, c[('a', 'b')], c.most_common(1))",
     "const w = ['a', 'b', 'a', 'b']; const c = collections.Counter(zip(w, w['1:'])); print(c, c[tuple(['a', 'b'])], c.most_common(1))"),  # fixed
    ('tuple_keys_02', "d = {}\nfor p in [(1, 2), (1, 2), (3, 4)]:\n    d[p] = d.get(p, 0) + 1\nprint(d, d[(1, 2)], (3, 4) in d)",
     "const d: any = new Map(); for (const p of [tuple([1, 2]), tuple([1, 2]), tuple([3, 4])]) { d[p] = d.get(p, 0) + 1 }; print(d, d[tuple([1, 2])], tuple([3, 4]) in d)"),  # fixed
    ('tuple_keys_03', "d = {}\nfor p in [(1, 2), (1, 2), (3, 4)]:\n    d[p] = d.get(p, 0) + 1\nprint(d, list(d.keys()), d[(1, 2)])",
     "const d: any = {}; for (const p of [tuple([1, 2]), tuple([1, 2]), tuple([3, 4])]) { d[p] = d.get(p, 0) + 1 }; print(d, list(d.keys()), d[tuple([1, 2])])"),  # fixed
    ('tuple_keys_04', "from collections import defaultdict\nd = defaultdict(int)\nfor p in [(1, 2), (1, 2)]: d[p] += 1\nprint(dict(d), d[(1, 2)])",
     "const d = collections.defaultdict(int); for (const p of [tuple([1, 2]), tuple([1, 2])]) d[p] += 1; print(dict(d), d[tuple([1, 2])])"),  # fixed
    ('tuple_keys_05', "d = dict([((1, 2), 'a')]); print(d.get((1, 2)), d[(1, 2)], d)",
     "const d = dict([[tuple([1, 2]), 'a']]); print(d.get(tuple([1, 2])), d[tuple([1, 2])], d)"),  # fixed
    ('tuple_keys_06', "d = {(0, 0): 1}; print(d.pop((0, 0)), d); print(d[(0, 0)])",
     "const d: any = new Map([[tuple([0, 0]), 1]]); print(d.pop(tuple([0, 0])), d); print(d[tuple([0, 0])])"),  # fixed
    ('tuple_keys_07', "d = dict([(1, 'x'), (True, 'y'), (1.0, 'z')]); print(d)",
     "const pairs: any[] = [[1, 'x'], [true, 'y'], [1.0, 'z']]; const d = dict(pairs); print(d)"),
    ('tuple_keys_08', "s = set(); s.add((1, 2)); s.add((1, 2)); print((1, 2) in s, len(s), s)",
     "const s = set(); s.add(tuple([1, 2])); s.add(tuple([1, 2])); print(tuple([1, 2]) in s, len(s), s)"),
]


def run(py, names=None):
    """What `py` prints in a fresh scope of `names` (torch, nn, F, optim by default), and its error."""
    buf = io.StringIO()
    scope = dict(names or {"torch": torch, "nn": nn, "F": F, "optim": optim})
    with contextlib.redirect_stdout(buf):
        try:
            exec(py, scope)
        except Exception as e:  # noqa: BLE001 - the case's error is its reference
            return {"print": buf.getvalue(), "error": [type(e).__name__, str(e)]}
    return {"print": buf.getvalue()}


def write_cases(cases, path, names=None):
    """Writes {"cases": [{name, py, ts, print, error?}]} for (name, python, dialect) triples (also gen_numpy.py's)."""
    case_names = [n for n, _, _ in cases]
    assert len(case_names) == len(set(case_names)), "case names must be unique"
    out = {"cases": [dict(name=n, py=py, ts=ts, **run(py, names)) for n, py, ts in cases]}
    with open(path, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")


def main():
    write_cases(CASES, "py_sweep.json")


if __name__ == "__main__":
    main()
