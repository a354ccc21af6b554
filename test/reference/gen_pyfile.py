"""Python 3.11 references for test/api/pyfile.test.ts: the built-in open() as tutorials read their data
and write their logs (makemore's `open('names.txt', 'r').read().splitlines()`, `for line in open(path)`,
a log written with f.write, `json.dump(cfg, open(path, 'w'))` / `json.load(open(path))`,
`torch.save(obj, f)` into a file opened 'wb' and `torch.load` from one opened 'rb'), with Python's
universal newlines, reprs, attributes and errors. Each case is a Python snippet and its dialect
spelling; the suite runs the dialect cells through `torchlab run` (in the notebook's folder) and compares
what they print (or raise) with what Python did here, run in an empty folder. A write of the wrong type is
a compile error in a cell (write is typed); the two cases that check the run-time message cast to any.
Run with Debian's /usr/bin/python3 from test/reference: writes pyfile.json.
"""
import io
import json
import os
import tempfile

import numpy as np
import pandas as pd
import torch

from gen_py_sweep import write_cases

NAMES_PY = "f = open('names.txt', 'w')\nf.write('emma\\nolivia\\r\\nava\\n\\nisabella')\nf.close()\n"
NAMES_TS = "const f = open('names.txt', 'w')\nf.write('emma\\nolivia\\r\\nava\\n\\nisabella')\nf.close()\n"

CASES = [
    ('write_returns_chars', "f = open('a.txt', 'w')\nprint(f.write('line one\\n'), f.write('h\u00e9llo'))\nf.close()\nprint(repr(open('a.txt').read()))",
     "const f = open('a.txt', 'w')\nprint(f.write('line one\\n'), f.write('h\u00e9llo'))\nf.close()\nprint(repr(open('a.txt').read()))"),
    ('makemore_splitlines', f"{NAMES_PY}words = open('names.txt', 'r').read().splitlines()\nprint(words[:3], len(words))",
     f"{NAMES_TS}const words = open('names.txt', 'r').read().splitlines()\nprint(words[:3], len(words))"),
    ('universal_newlines', f"{NAMES_PY}print(repr(open('names.txt').read()))\nprint(repr(open('names.txt', newline='').read()))\nprint(len(open('names.txt', 'rb').read()))",
     f"{NAMES_TS}print(repr(open('names.txt').read()))\nprint(repr(open('names.txt', newline='').read()))\nprint(len(open('names.txt', 'rb').read()))"),
    ('readline_pieces', f"{NAMES_PY}g = open('names.txt')\nprint(repr(g.readline()), repr(g.readline()), repr(g.read(3)), repr(g.readline()), g.readlines(), repr(g.readline()))",
     f"{NAMES_TS}const g = open('names.txt')\nprint(repr(g.readline()), repr(g.readline()), repr(g.read(3)), repr(g.readline()), g.readlines(), repr(g.readline()))"),
    ('iterate_lines', f"{NAMES_PY}words = []\nfor line in open('names.txt', encoding='utf-8'):\n    words.append(line.strip())\nprint(words)\nprint(list(open('names.txt')))",
     f"{NAMES_TS}const words = []\nfor (const line of open('names.txt', encoding='utf-8')) {{\n  words.append(line.strip())\n}}\nprint(words)\nprint(list(open('names.txt')))"),
    ('append_and_writelines', "f = open('log.txt', 'w')\nf.writelines(['epoch 1\\n', 'epoch 2\\n'])\nf.close()\nf = open('log.txt', 'a')\nf.write('done')\nf.close()\nprint(open('log.txt').readlines())",
     "let f = open('log.txt', 'w')\nf.writelines(['epoch 1\\n', 'epoch 2\\n'])\nf.close()\nf = open('log.txt', 'a')\nf.write('done')\nf.close()\nprint(open('log.txt').readlines())"),
    ('repr_and_attributes', "f = open('r.txt', 'w')\nprint(f)\nprint(f.name, f.mode, f.closed, f.readable(), f.writable())\nf.close()\nprint(f.closed)\nprint(open('r.txt', encoding='utf-8'))\nprint(open('r.txt', 'rb'))",
     "const f = open('r.txt', 'w')\nprint(f)\nprint(f.name, f.mode, f.closed, f.readable(), f.writable())\nf.close()\nprint(f.closed)\nprint(open('r.txt', encoding='utf-8'))\nprint(open('r.txt', 'rb'))"),
    ('json_dump_load', "json.dump({'lr': 0.1, 'epochs': [1, 2], 'name': 'net'}, open('cfg.json', 'w'), indent=2)\nprint(open('cfg.json').read())\ncfg = json.load(open('cfg.json'))\nprint(cfg, cfg['lr'])",
     "json.dump({'lr': 0.1, 'epochs': [1, 2], 'name': 'net'}, open('cfg.json', 'w'), indent=2)\nprint(open('cfg.json').read())\nconst cfg = json.load(open('cfg.json'))\nprint(cfg, cfg['lr'])"),
    ('torch_save_to_file_object', "f = open('m.pt', 'wb')\ntorch.save({'w': torch.arange(3)}, f)\nf.close()\nprint(torch.load(open('m.pt', 'rb')))",
     "const f = open('m.pt', 'wb')\ntorch.save({'w': torch.arange(3)}, f)\nf.close()\nprint(torch.load(open('m.pt', 'rb')))"),
    ('missing_file', "open('nope.txt')", "open('nope.txt')"),
    ('write_closed', "f = open('c.txt', 'w')\nf.close()\nf.write('x')", "const f = open('c.txt', 'w')\nf.close()\nf.write('x')"),
    ('not_writable', "open('c.txt', 'w').close()\nopen('c.txt').write('x')", "open('c.txt', 'w').close()\nopen('c.txt').write('x')"),
    ('not_readable', "open('c.txt', 'w').read()", "open('c.txt', 'w').read()"),
    ('write_not_str', "open('c.txt', 'w').write(3)", "open('c.txt', 'w').write(3 as any)"),
    ('invalid_mode', "open('c.txt', 'q')", "open('c.txt', 'q')"),
    ('two_modes', "open('c.txt', 'rw')", "open('c.txt', 'rw')"),
    ('create_existing', "open('c.txt', 'w').close()\nopen('c.txt', 'x')", "open('c.txt', 'w').close()\nopen('c.txt', 'x')"),
    ('open_folder', "os.makedirs('sub', exist_ok=True)\nopen('sub')", "os.makedirs('sub', exist_ok=True)\nopen('sub')"),
    ('write_folder', "os.makedirs('sub', exist_ok=True)\nopen('sub', 'w')", "os.makedirs('sub', exist_ok=True)\nopen('sub', 'w')"),
    ('create_folder', "os.makedirs('sub', exist_ok=True)\nopen('sub', 'x')", "os.makedirs('sub', exist_ok=True)\nopen('sub', 'x')"),
    ('missing_folder_write', "open('nodir/a.txt', 'w')", "open('nodir/a.txt', 'w')"),
    ('binary_encoding', "open('c.txt', 'rb', encoding='utf-8')", "open('c.txt', 'rb', encoding='utf-8')"),
    ('binary_write_str', "open('d.bin', 'wb').write('s')", "open('d.bin', 'wb').write('s' as any)"),
    ('error_attributes', "try:\n    open('nope.txt')\nexcept OSError as e:\n    print(type(e).__name__, e.errno, e.strerror, e.filename, isinstance(e, FileNotFoundError))",
     "try {\n  open('nope.txt')\n} catch (e) {\n  if (!(e instanceof OSError)) throw e\n  print(type(e).__name__, e.errno, e.strerror, e.filename, isinstance(e, FileNotFoundError))\n}"),
    ('path_through_file', "open('c.txt', 'w').close()\nopen('c.txt/a.txt')", "open('c.txt', 'w').close()\nopen('c.txt/a.txt')"),
    ('not_a_directory_class', "open('c.txt', 'w').close()\ntry:\n    open('c.txt/a.txt', 'w')\nexcept NotADirectoryError as e:\n    print(e.errno, e.filename)",
     "open('c.txt', 'w').close()\ntry {\n  open('c.txt/a.txt', 'w')\n} catch (e) {\n  if (!(e instanceof NotADirectoryError)) throw e\n  print(e.errno, e.filename)\n}"),
    ('np_load_missing', "np.load('nope.npy')", "np.load('nope.npy')"),
    ('np_load_folder', "os.makedirs('sub', exist_ok=True)\nnp.load('sub')", "os.makedirs('sub', exist_ok=True)\nnp.load('sub')"),
    ('read_csv_missing', "pd.read_csv('nope.csv')", "pd.read_csv('nope.csv')"),
    ('listdir_missing', "os.listdir('nodir')", "os.listdir('nodir')"),
    ('torch_load_missing_attributes', "try:\n    torch.load('nope.pt')\nexcept FileNotFoundError as e:\n    print(e.errno, e.filename)",
     "try {\n  torch.load('nope.pt')\n} catch (e) {\n  if (!(e instanceof FileNotFoundError)) throw e\n  print(e.errno, e.filename)\n}"),
    ('bytesio_checkpoint', "buf = io.BytesIO()\ntorch.save({'w': torch.arange(3), 'lr': 0.5}, buf)\nprint(buf.tell() == len(buf.getvalue()), buf.getbuffer().nbytes == len(buf.getbuffer()), buf.tell() > 0)\nprint(buf.seek(0))\nprint(torch.load(buf))",
     "const buf = io.BytesIO()\ntorch.save({'w': torch.arange(3), 'lr': 0.5}, buf)\nprint(buf.tell() == len(buf.getvalue()), buf.getbuffer().nbytes == len(buf.getbuffer()), buf.tell() > 0)\nprint(buf.seek(0))\nprint(torch.load(buf))"),
    ('bytesio_state_dict', "torch.manual_seed(0)\nnet = torch.nn.Linear(2, 1)\nbuf = io.BytesIO()\ntorch.save(net.state_dict(), buf)\nbuf.seek(0)\nnet2 = torch.nn.Linear(2, 1)\nprint(net2.load_state_dict(torch.load(buf)))\nprint(torch.equal(net.weight, net2.weight), torch.equal(net.bias, net2.bias))",
     "torch.manual_seed(0)\nconst net = nn.Linear(2, 1)\nconst buf = io.BytesIO()\ntorch.save(net.state_dict(), buf)\nbuf.seek(0)\nconst net2 = nn.Linear(2, 1)\nprint(net2.load_state_dict(torch.load(buf)))\nprint(torch.equal(net.weight, net2.weight), torch.equal(net.bias, net2.bias))"),
    ('bytesio_not_rewound', "buf = io.BytesIO()\ntorch.save(torch.ones(2), buf)\ntorch.load(buf)", "const buf = io.BytesIO()\ntorch.save(torch.ones(2), buf)\ntorch.load(buf)"),
    ('bytesio_positions', "open('h.txt', 'w').write('hello\\nworld\\n!')\nc = io.BytesIO(open('h.txt', 'rb').read())\nprint(c.seek(0, 2), c.tell(), c.seek(-3, 2), len(c.read()), c.seek(0), len(c.readlines()), c.seek(2), len(c.readline()), len(c.read(3)), len(c.read(100)), len(c.read()))\nopen('ab.txt', 'w').write('ab')\nprint(c.write(open('ab.txt', 'rb').read()), c.tell(), len(c.getvalue()), c.seek(20), c.write(open('ab.txt', 'rb').read()), len(c.getvalue()))",
     "open('h.txt', 'w').write('hello\\nworld\\n!')\nconst c = io.BytesIO(open('h.txt', 'rb').read())\nprint(c.seek(0, 2), c.tell(), c.seek(-3, 2), len(c.read()), c.seek(0), len(c.readlines()), c.seek(2), len(c.readline()), len(c.read(3)), len(c.read(100)), len(c.read()))\nopen('ab.txt', 'w').write('ab')\nprint(c.write(open('ab.txt', 'rb').read()), c.tell(), len(c.getvalue()), c.seek(20), c.write(open('ab.txt', 'rb').read()), len(c.getvalue()))"),
    ('bytesio_closed', "c = io.BytesIO()\nc.close()\nprint(c.closed)\nc.read()", "const c = io.BytesIO()\nc.close()\nprint(c.closed)\nc.read()"),
    ('bytesio_write_str', "io.BytesIO().write('s')", "io.BytesIO().write('s' as any)"),
    ('bytesio_negative_seek', "io.BytesIO().seek(-1)", "io.BytesIO().seek(-1)"),
    ('bytes_repr', "open('q.txt', 'w', encoding='utf-8').write('it\\'s \\\\ \u00e9\\t\\r\\n\\x7f~')\nopen('r.txt', 'w').write('a\"b\\'c')\nprint(open('q.txt', 'rb').read(), len(open('q.txt', 'rb').read()))\nprint([open('r.txt', 'rb').read(), io.BytesIO().getvalue()])",
     "open('q.txt', 'w', encoding='utf-8').write('it\\'s \\\\ \u00e9\\t\\r\\n\\x7f~')\nopen('r.txt', 'w').write('a\"b\\'c')\nprint(open('q.txt', 'rb').read(), len(open('q.txt', 'rb').read()))\nprint([open('r.txt', 'rb').read(), io.BytesIO().getvalue()])"),
]


def main():
    out = os.path.abspath("pyfile.json")
    with tempfile.TemporaryDirectory() as d:
        os.chdir(d)
        write_cases(CASES, out, {"torch": torch, "json": json, "os": os, "np": np, "pd": pd, "io": io})


if __name__ == "__main__":
    main()
