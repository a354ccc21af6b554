/**
 * Python's built-in open() as tutorials use it (test/reference/gen_pyfile.py): makemore's
 * `open('names.txt', 'r').read().splitlines()`, iterating a file's lines, writing a log, `json.dump` /
 * `json.load` through open files, `torch.save` into a file opened 'wb' and `torch.load` from one opened
 * 'rb'; universal newlines, `readline` / `read(n)` / `readlines` pieces, the reprs and attributes, and
 * Python's errors. Each case's dialect cell runs through `torchlab run` in the notebook's folder; what
 * it prints (or raises) must be what Python did in an empty folder.
 */
import { testCases } from "./_case_cells";

testCases("pyfile.json", 4, "pyfile");
