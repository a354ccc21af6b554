/**
 * Python's format-spec mini-language (src/pyformat.ts) against Python 3.11's format() and PyTorch 1.13's
 * Tensor.__format__ (test/reference/gen_pyformat.py): every (value, spec) pair gives Python's text or
 * Python's error, type and message. The f-string spelling in a cell (`${loss:.4f}`) is tested through the
 * kernel in test/kernel/rewrite_dialect.test.ts.
 */
import { torch } from "../src";
import { format, formatFloat, formatInt, formatStr } from "../src/pyformat";
import { readReference } from "./tensor/fixtures";

type Result = string | ["error", string, string];
const ref = readReference<{ cases: [string, unknown, string, Result][]; tensors: [string, string, Result][] }>("pyformat.json");

function pyFloat(text: string): number {
  return text === "nan" ? NaN : text === "inf" ? Infinity : text === "-inf" ? -Infinity : Number(text);
}

function outcome(f: () => string): Result {
  try {
    return f();
  } catch (e) {
    return ["error", (e as Error).name, (e as Error).message];
  }
}

describe("format(value, spec) as Python 3.11", () => {
  for (const kind of ["int", "float", "str", "bool"]) {
    const cases = ref.cases.filter((c) => c[0] === kind);
    it(`${kind}: ${cases.length} cases`, () => {
      const wrong: string[] = [];
      for (const [, value, spec, expected] of cases) {
        const got = outcome(() =>
          kind === "int" ? formatInt(value as number, spec)
          : kind === "float" ? formatFloat(pyFloat(value as string), spec)
          : kind === "str" ? formatStr(value as string, spec)
          : format(value as boolean, spec),
        );
        if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`format(${JSON.stringify(value)}, ${JSON.stringify(spec)}): ${JSON.stringify(got)} != ${JSON.stringify(expected)}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it("a whole JS number is Python's int, another its float; other values only without a spec", () => {
    expect(format(5, "03d")).toBe("005");
    expect(format(0.5, ".1%")).toBe("50.0%");
    expect(() => format(1.5, "d")).toThrow("Unknown format code 'd' for object of type 'float'");
    expect(format(-0, "")).toBe("-0.0");
    expect(format([1, 2], "")).toBe("1,2");
    expect(() => format([1, 2], ">5")).toThrow("unsupported format string passed to list.__format__");
    expect(() => format(null, ".2f")).toThrow("unsupported format string passed to NoneType.__format__");
  });
});

describe("Tensor.__format__ as PyTorch 1.13", () => {
  const tensors: Record<string, () => torch.Tensor> = {
    float: () => torch.tensor(1.5),
    float_whole: () => torch.tensor(3, { dtype: torch.float32 }),
    int: () => torch.tensor(3),
    bool: () => torch.tensor(true),
    vector: () => torch.tensor([1, 2], { dtype: torch.float32 }),
    parameter: () => new torch.nn.Parameter(torch.tensor(1.5)),
  };
  for (const [name, spec, expected] of ref.tensors) {
    it(`${name} ${JSON.stringify(spec)}`, () => {
      expect(outcome(() => tensors[name]().__format__(spec))).toEqual(expected);
    });
  }
});
