/**
 * A list, tuple or string indexed by a variable (kernel/sequence_index.ts, kernel/sequence_items.ts):
 * `l[k]` with `k = -1` is the last item and `l[i]` past the end Python's IndexError, read or written
 * (`l[i] = v`, `counts[c] += 1`, `grid[i][j] = 0`, swaps), in loops, in functions, on strings, tuples,
 * torch.Size and typed arrays, untyped too; tensors and NumPy arrays index as before. Before, JavaScript
 * read such an index as undefined (printed None) and a store past the end grew the list with holes. What
 * the cells print is Python's (test/reference/gen_sequence_index.py); the rewrite leaves a literal read,
 * a loop's provably in-range index and JavaScript's own tests of a missing item alone.
 */
import type { Converter } from "tslab/dist/converter";
import { installTorchlabResolution } from "../../kernel/resolve";
import { DYNAMIC_REF, withNotebookDialect } from "../../kernel/rewrite";
import { SEQUENCE_REF } from "../../kernel/sequence_index";
import { testCases } from "../api/_case_cells";

installTorchlabResolution();
const { createConverter } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");
let conv: ReturnType<typeof withNotebookDialect>;
let prev = "";
const S = SEQUENCE_REF;

beforeAll(() => {
  conv = withNotebookDialect(() => createConverter({ isJS: false, isBrowser: false }));
  const r = (conv as Converter).convert(
    prev,
    'import { torch } from "torchlab";\nconst l = [1, 2, 3]; const s = "abc"; const k = -1; const rec: Record<string, number> = {a: 1}; const o: any = {}; const t = torch.ones(3); const key = "a";',
  );
  if (r.diagnostics.length) throw new Error(r.diagnostics.map((d) => d.messageText).join("\n"));
  prev = r.declOutput ?? "";
});
afterAll(() => conv?.close());
const rw = (src: string): string => conv.rewrite(prev, src).code;

describe("which index the rewrite makes Python's", () => {
  test.each([
    // A list of numbers' item keeps its float mark (`sorted([3.0, 1.0])[i]` prints 1.0): attr_float around the checked read.
    ["print(l[k])", `print(${DYNAMIC_REF}.attr_float(l, k, ${S}.item(l, k)))`],
    ["print(s[k - 1])", `print(${S}.item(s, k - 1))`],
    ["l[k] = 5", `l[${S}.pos(l, k, true)] = 5`],
    ["l[5] = 5", `l[${S}.pos(l, 5, true)] = 5`],
    ["l[k] += 5", `l[${S}.pos(l, k)] += 5`],
    ["const g = [[1]]; g[k][k] = 2", `const g = [[1]]; ${S}.item(g, k)[${S}.pos(${S}.item(g, k), k, true)] = 2`],
    ["const g = [[1]]; print(g[k][k])", `const g = [[1]]; print(${S}.item(${S}.item(g, k), k))`],
  ])("%s", (code, rewritten) => expect(rw(code)).toBe(rewritten));

  test.each([
    "print(l[0], s[2], l[-1] === 3)",
    "for (let i = 0; i < l.length; i++) l[i] = l[i] * 2",
    "for (const i of range(len(l))) print(l[i])",
    "for (const [i, x] of enumerate(l)) l[i] = x + 1",
    "if (l[k] === undefined) print('none')",
    "const x = l[k] ?? 0",
    "print(rec[key], o[k], t[k])",
    "const pairs = [[1, 2]]; const i = 0; const j = 1; print(pairs[i, j])",
  ])("%s stays as written", (code) => expect(rw(code)).not.toContain(S));

  test("a loop whose body writes its index or shortens the list, or that bounds another list, pays the check", () => {
    expect(rw("for (let i = 0; i < l.length; i++) { print(l[i]); i++ }")).toContain(`${S}.item(l, i)`);
    expect(rw("for (let i = 0; i < l.length; i++) { l.pop(); print(l[i]) }")).toContain(`${S}.item(l, i)`);
    expect(rw("const m = [1]; for (let i = 0; i < l.length; i++) print(m[i])")).toContain(`${S}.item(m, i)`);
    expect(rw("for (let i = 0; i < l.length; i++) { const l = [1]; print(l[i]) }")).toContain(`${S}.item(l, i)`);
  });
});

describe("cells that index lists, tuples and strings by a variable print what Python prints", () => {
  testCases("sequence_index.json", 30, "sequence_index");
});
