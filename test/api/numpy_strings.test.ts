/**
 * Strings in np.array: with a numeric dtype they are parsed as NumPy parses them (test/api/numpy.test.ts's
 * array_06-08 cases, against NumPy's output); without one NumPy makes a str array (dtype '<U1'), which
 * torchlab's arrays (numbers and booleans) cannot hold: the error says so and names the value, instead of
 * a float() message that called a str a 'string'.
 */
import * as np from "../../src/numpy";

test("np.array of str values without a dtype is refused by name", () => {
  expect(() => np.array(["a", "b", "c"])).toThrow(
    "np.array of str values ('a') is not supported: torchlab's NumPy arrays hold numbers and booleans (NumPy would make a str array, dtype '<U1')",
  );
  expect(() => np.array([[1, 2], [3, "x"]])).toThrow(/np\.array of str values \('x'\)/);
});

test("a value that is neither a number, a bool nor a str names its Python type", () => {
  expect(() => np.array([1, null])).toThrow("float() argument must be a string or a real number, not 'NoneType'");
  expect(() => np.array([{ a: 1 }])).toThrow("float() argument must be a string or a real number, not 'dict'");
});
