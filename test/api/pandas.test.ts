/**
 * The notebook's `pd` (src/pandas over src/numpy) prints what pandas 1.5.3 prints
 * (test/reference/gen_pandas.py): read_csv from a buffer and a path with its dtype inference and
 * options, DataFrame and Series construction, subscripts, iloc / loc, assignment, arithmetic, the
 * reductions and describe, missing values, value_counts, groupby, concat, get_dummies (uint8),
 * `torch.tensor(df.values)`, and the printed text of short, long and wide frames. Each case's dialect
 * cell runs through `torchlab run`; what it prints must be what Python printed, and an error case must
 * raise pandas' error type and message.
 */
import * as fs from "fs";
import * as path from "path";
import { expectedOutput as expected, runCaseCells, type Case } from "./_case_cells";
import { toMimeBundle } from "../../src/display/emitter";
import { DataFrame } from "../../src/pandas";
import { ValueError } from "../../src/errors";
import { LabelEncoder } from "../../src/sklearn/preprocessing";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "pandas.json"), "utf8")) as { cases: Case[] };

let printed: Map<string, string>;

beforeAll(async () => {
  printed = await runCaseCells(fixture.cases, 50, "pandas");
}, 300000);

describe("pd prints what pandas 1.5.3 prints", () => {
  test.each(fixture.cases.filter((c) => !c.error).map((c) => [c.name, c] as const))("%s", (name, c) => {
    expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
  });
});

describe("bad input raises pandas' error", () => {
  test.each(fixture.cases.filter((c) => c.error).map((c) => [c.name, c] as const))("%s", (name, c) => {
    expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
  });
});

describe("a frame as a cell's value", () => {
  test("its bundle is pandas' HTML table beside its text", () => {
    const html = fixture.cases.find((c) => c.name === "html_01")!.print.split("</div>\n")[0] + "</div>";
    const df = new DataFrame({ a: [1, 2], b: [0.5, NaN], c: ["x", "<y>&"] });
    expect(toMimeBundle(df)).toEqual({ "text/html": html, "text/plain": df.toString() });
  });
  test("df.style is refused by name", () => {
    const df = new DataFrame({ a: [1, 2] });
    expect(() => df.style).toThrow("DataFrame.style: torchlab's pandas has no Styler");
  });
});

describe("a frame with a string column: values is an array of dtype object (src/numpy/object_array.ts)", () => {
  const v = new DataFrame({ a: [1, 2, 3], b: [0.5, -1, 2], c: ["g", "b", "g"] }).values;
  test("LabelEncoder reads its class column as scikit-learn does", () => {
    const enc = new LabelEncoder();
    expect(Array.from(enc.fit_transform(v.index(":, -1")).data)).toEqual([1, 0, 1]);
    expect(enc.classes_.tolist()).toEqual(["b", "g"]);
    // scikit-learn 1.2: ValueError for a 2-d y of more than one column.
    expect(() => enc.fit(v)).toThrow("y should be a 1d array, got an array of shape (3, 3) instead.");
    // A Series of class names (Brownlee's sonar: `y = data.iloc[:, 60]; encoder.fit(y); y = encoder.transform(y)`).
    const y = new DataFrame({ label: ["R", "M", "R"] }).__getitem__("label");
    expect(Array.from((enc.fit(y).transform(y) as { data: ArrayLike<number> }).data)).toEqual([1, 0, 1]);
  });
  test("what NumPy computes object by object is a TypeError saying to convert first, not a wrong number", () => {
    expect(() => v.sum()).toThrow("numpy.ndarray.sum of an array of dtype object: torchlab's NumPy computes on numbers only; convert it first with astype('float32'), or select the numeric columns");
    expect(() => v.index(":, :-1").mean()).toThrow("numpy.ndarray.mean of an array of dtype object");
    expect(() => v.astype("str")).toThrow("astype('str'): torchlab's NumPy holds no string arrays; use tolist() for the strings");
    // NumPy 1.24: ValueError: invalid literal for int() with base 10: 'g'; float(None) is Python's TypeError.
    expect(() => v.index(":, 2").astype("int64")).toThrow(new ValueError("invalid literal for int() with base 10: 'g'"));
    expect(() => new DataFrame({ a: [null, "x"] }).values.astype("float32")).toThrow("float() argument must be a string or a real number, not 'NoneType'");
  });
});

describe("an Index compared with a label is a bool array, as pandas' (kanncaa1's `train.columns != \"label\"`)", () => {
  const df = new DataFrame({ label: [1, 2], pixel0: [0, 3], pixel1: [5, 6] });
  test("against one label, and against a list of the same length", () => {
    expect(df.columns.__ne__("label").tolist()).toEqual([false, true, true]);
    expect(df.columns.__eq__("label").tolist()).toEqual([true, false, false]);
    expect(df.columns.__eq__(["label", "x", "pixel1"]).tolist()).toEqual([true, false, true]);
  });
  test("another length is pandas' ValueError", () => {
    expect(() => df.columns.__eq__(["label"])).toThrow(new ValueError("('Shapes must match', (3,), (1,))"));
    expect(() => df.columns.__eq__(df.index)).toThrow(new ValueError("Lengths must match to compare"));
  });
});
