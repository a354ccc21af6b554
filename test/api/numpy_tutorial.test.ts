/**
 * The NumPy calls the ported tutorials make (graykode's nlp-tutorial, MIT 6.S191, Hung-yi Lee's homework,
 * zero-to-GANs, and the linear-algebra and statistics chapters around them) print what NumPy 1.24 prints
 * (test/reference/gen_numpy_tutorial.py): np.linalg.eig / eigvals with LAPACK's order and signs,
 * cumsum / cumprod along axes, unique with counts, where(cond), clip with None and keywords, percentile,
 * isclose / allclose, np.random's legacy stream and default_rng, np.eye(n)[idx] one-hot rows (an untyped
 * list index too), astype, asarray, concatenate, reshape, argmax, and the Transformer's sinusoid table.
 * Bad input raises NumPy's error; a complex spectrum, which NumPy returns as complex arrays, is refused
 * with an error naming it.
 */
import * as fs from "fs";
import * as path from "path";
import { expectedOutput as expected, runCaseCells, type Case } from "./_case_cells";
import * as np from "../../src/numpy";
import { NotImplementedError } from "../../src/errors";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "numpy_tutorial.json"), "utf8")) as { cases: Case[] };

let printed: Map<string, string>;

beforeAll(async () => {
  printed = await runCaseCells(fixture.cases, 40, "numpy_tutorial");
}, 300000);

describe("the tutorials' NumPy prints what NumPy 1.24 prints", () => {
  test.each(fixture.cases.map((c) => [c.name, c] as const))("%s", (name, c) => {
    expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
  });
});

describe("np.linalg.eig of a matrix with complex eigenvalues", () => {
  test("a rotation by 90 degrees: NotImplementedError naming the pair and the missing complex dtype", () => {
    expect(() => np.linalg.eig(np.array([[0, -1], [1, 0]]))).toThrow(NotImplementedError);
    expect(() => np.linalg.eig(np.array([[0, -1], [1, 0]]))).toThrow("np.linalg.eig: this matrix has complex eigenvalues [(0+1j), (0-1j)], and torchlab's NumPy has no complex dtype");
  });
  test("eigvals of a 3x3 with one real eigenvalue and a complex pair refuses it too, naming eigvals", () => {
    expect(() => np.linalg.eigvals(np.array([[4, 1, 2], [0, 2, 5], [1, 0, 3]]))).toThrow(/^np\.linalg\.eigvals: this matrix has complex eigenvalues \[\(\S+\+0j\), \(\S+\+\S+j\), \(\S+-\S+j\)\], and torchlab's NumPy has no complex dtype$/);
  });
});
