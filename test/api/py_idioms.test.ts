/**
 * Python idioms that tutorials use, ported line by line (test/reference/gen_py_idioms.py): a method
 * called on an untyped receiver on the line after one without a semicolon (the dialect's rewrite made
 * that line start with `(`, which JavaScript read as a call of the line before), and Python's
 * AttributeError and TypeError for a missing method or a call of what is no function. Each case's
 * dialect cell runs through `torchlab run`; what it prints (or raises) must be what Python did.
 */
import { testCases } from "./_case_cells";

testCases("py_idioms.json", 4, "py-idioms");
