import type { Converter } from "tslab/dist/converter";
import { installTorchlabResolution } from "../../kernel/resolve";
import { floorDivisionCandidates, markFloorDivision } from "../../kernel/floor_division";
import { DYNAMIC_REF, prepareCellSource, withNotebookDialect } from "../../kernel/rewrite";

installTorchlabResolution();
const { createConverter } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");
let conv: ReturnType<typeof withNotebookDialect>;
let prev = "";

function run(src: string): void {
  const r = (conv as Converter).convert(prev, prepareCellSource(src, null, false));
  if (r.diagnostics.length) throw new Error(r.diagnostics.map((d) => d.messageText).join("\n"));
  prev = r.declOutput ?? "";
}
/** The cell as the kernel runs it (marked, then the dialect), without prepareCellSource's `;void 0`. */
const rw = (src: string): string => conv.rewrite(prev, markFloorDivision(src)).code;
const D = DYNAMIC_REF;
const at = (src: string) => floorDivisionCandidates(src).map((d) => d.at);

beforeAll(() => {
  conv = withNotebookDialect(() => createConverter({ isJS: false, isBrowser: false }));
  run(`import { torch } from "torchlab";`);
  run("const t = torch.tensor([7, -7]); const k = 5; const xs = [1, 2, 3]; const s = 'abc'; const anyv: any = 4; const epochs = 3;");
}, 60000);

afterAll(() => conv?.close());

describe("which `//` may be Python's operator (syntax only)", () => {
  test("between two operands on one line", () => {
    expect(at("half = (k + 1) // 2")).toEqual([15]);
    expect(at("n = xs.length // k")).toEqual([14]);
    expect(at("a // b // c")).toEqual([2, 7]);
    expect(at("steps //= 2")).toEqual([6]);
    expect(at("(H - k + 2 * p) // s + 1")).toEqual([16]);
  });
  test("a comment stays a comment", () => {
    expect(at("// 2.1.1 张量\nx = 1")).toEqual([]);
    expect(at("x = 5;  // epochs")).toEqual([]);
    expect(at("foo(a, b) // 2) apply the rest")).toEqual([]);
    expect(at("if (a) {\n}  // 2 = <blank>")).toEqual([]);
    expect(at('u = "http://example.com" + `//${x}` + /a\\/\\//.source')).toEqual([]);
    expect(at("x = 5  // number of epochs")).toEqual([]);
    expect(at("x = foo(a)  //\nbar()")).toEqual([]);
    expect(at("x = a /// b")).toEqual([]);
    expect(at("if (a) x = 5 // b; y = 2")).toEqual([]);
    expect(at("const f = (x) => x  // => [1, 2]")).toEqual([]);
  });
});

test("a module cell (compiled without the dialect) keeps its `//` as written; a notebook cell's is marked", () => {
  expect(prepareCellSource("//%module m\nexport const h = 5 // 2", null, true)).toBe("//%module m\nexport const h = 5 // 2");
  expect(prepareCellSource("const h = 5 // 2", null, false)).toBe("const h = 5 / /*//*/ 2");
});

describe("the checker decides", () => {
  test("numbers: Python's floor division", () => {
    expect(rw("const h = (k + 1) // 2")).toBe(`const h = ${D}.floordiv((k + 1) , /*//*/ 2)`);
  });
  test("`//=` on a number, and on a list item at a line's start (a `;` keeps it off the line before)", () => {
    expect(rw("let m = 9\nm //= 2")).toBe(`let m = 9\nm = ${D}.assign("floor_divide_", m,   /*//*/ 2)`);
    expect(rw("const c = [9, 8]\nc[0] //= 2")).toBe(`const c = [9, 8]\n;${D}.compound("floor_divide_", c, 0  ,   /*//*/ 2)`);
  });
  test("a tensor: floor_divide", () => {
    expect(rw("const u = t // 2")).toBe("const u = t .floor_divide(  /*//*/ 2)");
  });
  test("a name that does not exist, a string: a comment", () => {
    expect(rw("let x = 5  // nothing_here").trimEnd()).toBe("let x = 5");
    expect(rw("let y = k  // s").trimEnd()).toBe("let y = k");
    expect(rw("let z = 5  // epochs")).toBe(`let z = ${D}.floordiv(5  , /*//*/ epochs)`);
  });
  test("the corpus's one candidate (cs224n: a list on the left) stays a comment", () => {
    run(`import { list } from "torchlab/dist/src/builtins";\nconst linear = new torch.nn.Linear(2, 3);`);
    expect(rw("list(linear.parameters()) // Ax + b").trimEnd()).toBe("list(linear.parameters())");
  });
});
