/**
 * `torchlab assign`: nbgrader metadata, solution stubs, hidden tests, checksums, and the errors a
 * badly marked notebook gets (each naming the cell).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { releaseNotebook } from "../../kernel/course/assign";
import { computeChecksum, isLocked } from "../../kernel/course/nbgrader";
import { joinSource, type Cell, type Notebook } from "../../kernel/notebook";

const nb = (cells: Cell[]): Notebook => ({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells });
const code = (source: string, nbgrader?: Record<string, unknown>): Cell => ({
  cell_type: "code",
  source,
  metadata: nbgrader ? { nbgrader: { schema_version: 3, ...nbgrader } } : {},
  outputs: [{ output_type: "stream", name: "stdout", text: "old output\n" }],
  execution_count: 3,
});
const answer = (id: string) => ({ solution: true, grade: false, locked: false, grade_id: id });
const testCell = (id: string, points: number) => ({ solution: false, grade: true, locked: true, grade_id: id, points });

describe("release", () => {
  test("a solution region becomes the stub at the delimiters' indentation; the rest of the cell stays", () => {
    const source = "function f(x: number): number {\n  const y = 1;\n  // BEGIN SOLUTION\n  return x + y;\n  // END SOLUTION\n}\n";
    const [cell] = releaseNotebook(nb([code(source, answer("f"))]), "nb").cells;
    expect(joinSource(cell.source)).toBe(
      'function f(x: number): number {\n  const y = 1;\n  // YOUR CODE HERE\n  throw new Error("not implemented");\n}',
    );
    expect(cell.outputs).toEqual([]);
    expect(cell.execution_count).toBeNull();
  });

  test("an answer cell without delimiters is replaced whole; a markdown answer gets nbgrader's prompt", () => {
    const md: Cell = { cell_type: "markdown", source: "The answer is 42.", metadata: { nbgrader: { solution: true, grade: true, points: 1, grade_id: "essay", schema_version: 3 } } };
    const [a, b] = releaseNotebook(nb([code("const answer = 42;", answer("a")), md]), "nb").cells;
    expect(joinSource(a.source)).toBe('// YOUR CODE HERE\nthrow new Error("not implemented");');
    expect(joinSource(b.source)).toBe("YOUR ANSWER HERE");
  });

  test("hidden tests are removed from test cells; visible tests stay", () => {
    const source = "assert(f(1) === 2);\n// BEGIN HIDDEN TESTS\nassert(f(2) === 3);\n// END HIDDEN TESTS\nassert(f(0) === 1);";
    const [cell] = releaseNotebook(nb([code(source, testCell("t", 2))]), "nb").cells;
    expect(joinSource(cell.source)).toBe("assert(f(1) === 2);\nassert(f(0) === 1);");
  });

  test("graded and locked cells carry nbgrader's checksum and cell_type; metadata keeps every nbgrader key", () => {
    const [cell] = releaseNotebook(nb([code("assert(true);", { ...testCell("t", 2), extra: "kept" })]), "nb").cells;
    const meta = cell.metadata.nbgrader as Record<string, unknown>;
    expect(meta).toMatchObject({ grade: true, solution: false, locked: true, points: 2, grade_id: "t", schema_version: 3, cell_type: "code", extra: "kept" });
    // nbgrader's compute_checksum, spelled out: md5(source + type + str(is_grade) + str(is_solution) + str(is_locked) + grade_id + str(float(points))).
    const expected = createHash("md5").update("assert(true);" + "code" + "True" + "False" + "True" + "t" + "2.0").digest("hex");
    expect(meta.checksum).toBe(expected);
    expect(computeChecksum({ ...cell, source: "assert(false);" })).not.toBe(expected);
  });

  test("nbgrader's is_locked: a grade cell always, an answer never", () => {
    expect(isLocked(code("", { grade: true, locked: false, grade_id: "a", points: 1 }))).toBe(true);
    expect(isLocked(code("", { solution: true, locked: true, grade_id: "b" }))).toBe(false);
  });

  test("the committed sample release is what assign makes of the sample source", () => {
    const dir = path.join(__dirname, "..", "..", "examples", "course");
    const source = JSON.parse(fs.readFileSync(path.join(dir, "source", "conv2d.ipynb"), "utf8")) as Notebook;
    const release = JSON.parse(fs.readFileSync(path.join(dir, "release", "conv2d.ipynb"), "utf8")) as Notebook;
    expect(releaseNotebook(source, "conv2d.ipynb")).toEqual(release);
    const text = JSON.stringify(release);
    for (const secret of ["HIDDEN TESTS", "BEGIN SOLUTION", "teacher.weight.detach()", "xs[n][c][i + u][j + v]"]) expect(text).not.toContain(secret);
  });
});

describe("errors name the cell", () => {
  const cases: [string, Cell[], string][] = [
    ["duplicate grade_id", [code("", testCell("t", 1)), code("", testCell("t", 2))], 'nb: cell 2 (grade_id "t"): duplicate grade_id "t" (also cell 1)'],
    ["points on a non-grade cell", [code("", { ...answer("a"), points: 3 })], 'nb: cell 1 (grade_id "a"): has points but is not a grade or task cell'],
    ["a grade cell without points", [code("", { grade: true, grade_id: "t" })], 'nb: cell 1 (grade_id "t"): a grade or task cell needs non-negative points, got undefined'],
    ["a missing grade_id", [code("", { solution: true })], "nb: cell 1: an nbgrader cell needs a grade_id"],
    ["BEGIN without END", [code("x\n// BEGIN SOLUTION\ny", answer("a"))], 'nb: cell 1 (grade_id "a"): "BEGIN SOLUTION" on line 2 has no "END SOLUTION"'],
    ["END without BEGIN", [code("x\n// END SOLUTION", answer("a"))], 'nb: cell 1 (grade_id "a"): "END SOLUTION" on line 2 without a "BEGIN SOLUTION" before it'],
    ["nested regions", [code("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION", answer("a"))], 'nb: cell 1 (grade_id "a"): "BEGIN SOLUTION" on line 2 inside the region opened on line 1'],
    ["unbalanced hidden tests", [code("// BEGIN HIDDEN TESTS\nassert(1);", testCell("t", 1))], 'nb: cell 1 (grade_id "t"): "BEGIN HIDDEN TESTS" on line 1 has no "END HIDDEN TESTS"'],
    ["a solution region in a cell not marked as a solution", [code("// BEGIN SOLUTION\nx\n// END SOLUTION")], "nb: cell 1: a solution region in a cell not marked as a solution cell"],
    ["hidden tests outside a grade cell", [code("// BEGIN HIDDEN TESTS\nx\n// END HIDDEN TESTS", answer("a"))], 'nb: cell 1 (grade_id "a"): hidden tests in a cell that is not a grade cell (students would never be graded on them)'],
    ["another schema", [code("", { ...answer("a"), schema_version: 1 })], 'nb: cell 1 (grade_id "a"): nbgrader schema_version 1 is not supported (3 is)'],
  ];
  test.each(cases)("%s", (_name, cells, message) => {
    expect(() => releaseNotebook(nb(cells), "nb")).toThrow(message);
  });
});
