/**
 * Python's raw strings in a cell (kernel/raw_strings.ts): `pd.read_csv(r"../input/train.csv")` (Kaggle's
 * notebooks), `re.compile(r'\d+')`, `r"C:\data"` hold the characters written; before, such a cell did not
 * compile ("Cannot find name 'r'"). Checked here as the marked text JavaScript then reads, and by the value
 * that text evaluates to.
 */
import { rawStrings } from "../../kernel/raw_strings";

/** The cell after marking (the prefix a space, the inserts applied). */
function marked(code: string): string {
  const r = rawStrings(code);
  if (r === null) return code;
  let out = r.code;
  for (const { at, text } of [...r.inserts].sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
  return out;
}

describe("a raw string keeps its backslashes", () => {
  test.each([
    [String.raw`pd.read_csv(r"../input/train.csv",dtype = np.float32)`, String.raw`pd.read_csv( "../input/train.csv",dtype = np.float32)`, "../input/train.csv"],
    [String.raw`re.compile(r'\d+\.\d*')`, String.raw`re.compile( '\\d+\\.\\d*')`, String.raw`\d+\.\d*`],
    [String.raw`R"C:\data\train.csv"`, String.raw` "C:\\data\\train.csv"`, String.raw`C:\data\train.csv`],
    [String.raw`r"a\"b"`, String.raw` "a\\\"b"`, String.raw`a\"b`],
    [String.raw`r"a\\b"`, String.raw` "a\\\\b"`, String.raw`a\\b`],
  ])("%s", (cell, text, value) => {
    expect(marked(cell)).toBe(text);
    const literal = text.slice(text.search(/["']/), text.search(/["'](?=[^"']*$)/) + 1);
    expect(JSON.parse(literal.startsWith("'") ? `"${literal.slice(1, -1).replace(/"/g, '\\"')}"` : literal)).toBe(value);
  });

  test.each([
    ["a name before a template literal (a tagged template)", "r`x`"],
    ["a longer name", 'fr"x"; ur"x"'],
    ["a property named r", 'obj.r"x"'],
    ["a string after r and a space", 'r "x"'],
    ["inside a string or comment", '"r\'x\'" // r"y"'],
  ])("%s is left as written", (_what, cell) => {
    expect(marked(cell)).toBe(cell);
  });
});
