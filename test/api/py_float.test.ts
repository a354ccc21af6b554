/**
 * Values that Python holds as floats print as Python's floats (test/reference/gen_py_float.py), each
 * beside its int twin, which must stay an int: JavaScript's number cannot tell `26.0` from `26`, so
 * `df['Age'].mean()` printed `26`, `list(map(str, [1.0]))` `['1']`, `divmod(7.5, 2)` `(3, 1.5)`,
 * `sum([0.5, 0.5])` `1`, and a float read back from a dict, a returned tuple or an attribute summed in a
 * method lost its `.0`. Also `d.get(tuple)` on an untyped dict: a tuple key looked up by value.
 * Each case's dialect cell runs through `torchlab run`; what it prints must be what Python printed.
 */
import { testCases } from "./_case_cells";

testCases("py_float.json", 1, "py-float");
