/**
 * Python's built-in exceptions in cells (src/exceptions.ts, prelude names): `raise` as `throw new
 * ValueError(...)`, `except` by class or by a tuple of classes (`e instanceof`, `isinstance(e, [...])`),
 * a class of the notebook's own deriving from Exception, Python's str / repr / f-string of a caught
 * exception (its message, `RuntimeError('no grad')`), and PyTorch's own errors caught by the classes
 * PyTorch raises them as. Each cell's output against Python 3.11 + PyTorch 1.13's for the same code
 * (test/reference/gen_exceptions.py).
 */
import * as fs from "fs";
import * as path from "path";
import { notebook, runCli, tempDir } from "../kernel/helpers";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "exceptions.json"), "utf8")) as {
  cases: { name: string; print: string }[];
};

/** The dialect's cell for each of the generator's cases, written as a port writes the Python. */
const CELLS: Record<string, string> = {
  raise_except: `try {
  throw new ValueError('bad size 3');
} catch (e) {
  if (e instanceof ValueError) print('caught', e);
  else throw e;
}`,
  except_tuple: `for (const err of [new AttributeError('a'), new IndexError('i'), new ZeroDivisionError('z')]) {
  try {
    throw err;
  } catch (e) {
    if (isinstance(e, [AttributeError, IndexError])) print('caught', type(e).__name__, e);
    else if (e instanceof Exception) print('other', type(e).__name__, e);
  }
}`,
  own_class: `class ShapeMismatch extends Exception {}
try {
  throw new ShapeMismatch('expected 3 channels');
} catch (e) {
  if (e instanceof Exception) print(type(e).__name__, e, isinstance(e, ShapeMismatch), isinstance(new ValueError(), ShapeMismatch), isinstance(e, Exception));
}`,
  str_repr: `try {
  throw new RuntimeError('no grad');
} catch (e) {
  print(\`Error: \${e}\`, repr(e), [e], str(e));
}
print(repr(new NotImplementedError()), str(new NotImplementedError()) == '');`,
  torch_errors: `try {
  torch.zeros(2, 3) @ torch.zeros(2, 3);
} catch (e) {
  if (e instanceof RuntimeError) print('RuntimeError', e);
}
try {
  torch.utils.data.TensorDataset(torch.zeros(2), torch.zeros(3));
} catch (e) {
  if (e instanceof AssertionError) print('AssertionError', str(e).startsWith('Size mismatch between tensors'));
}
try {
  torch.zeros(2)[5];
} catch (e) {
  if (e instanceof IndexError) print('IndexError', e);
}`,
  torch_error_type: `for (const f of [() => nn.Linear(3, 2)(torch.zeros(5, 4)), () => torch.zeros(2).view(3), () => torch.zeros(2, 3).index_select(0, torch.tensor([5]))]) {
  try {
    f();
  } catch (e) {
    print(type(e).__name__, type(e), type(e) == RuntimeError);
  }
}
try {
  os.listdir('/no/such/dir');
} catch (e) {
  if (e instanceof OSError) print(type(e).__name__, isinstance(e, OSError), isinstance(e, FileNotFoundError));
}`,
  abstract_method: `class Base {
  forward() {
    throw new NotImplementedError('subclasses implement forward');
  }
}
try {
  new Base().forward();
} catch (e) {
  if (e instanceof NotImplementedError) print(type(e).__name__, e, isinstance(e, RuntimeError));
}`,
};

/** Cells that raise and do not catch: the error output names Python's class (the notebook's own, too). */
const RAISING = ["throw new ValueError('expected 3 channels, got 1')", "class DataError extends Exception {}\nthrow new DataError('empty batch')"];

type Output = { output_type: string; text?: string | string[]; ename?: string; evalue?: string };
let cells: Output[][];

beforeAll(async () => {
  // One notebook (one kernel start) for both tests.
  const names = fixture.cases.map((c) => c.name);
  const dir = tempDir("torchlab-exceptions-");
  const nb = notebook([...names.map((n) => CELLS[n]), ...RAISING.map((code) => ({ code, tags: ["raises-exception"] }))]);
  fs.writeFileSync(path.join(dir, "exceptions.ipynb"), JSON.stringify(nb));
  const run = await runCli(["run", path.join(dir, "exceptions.ipynb"), "--out", dir]);
  if (run.status !== 0) throw new Error(run.stderr);
  cells = JSON.parse(fs.readFileSync(path.join(dir, "exceptions.ipynb"), "utf8")).cells.map((c: { outputs: Output[] }) => c.outputs);
}, 120_000);

test("raise, except and print of Python's exceptions print what Python prints", () => {
  expect(Object.keys(CELLS)).toEqual(fixture.cases.map((c) => c.name));
  const printed = cells.map((outputs) => outputs.map((o) => (o.output_type === "stream" ? [o.text].flat().join("") : `ERR ${o.ename} ${o.evalue}\n`)).join(""));
  fixture.cases.forEach((c, i) => expect(`${c.name}: ${printed[i]}`).toBe(`${c.name}: ${c.print}`));
});

test("an uncaught raise is the error Python names", () => {
  const errors = cells.slice(fixture.cases.length).map((outputs) => outputs.map((o) => `${o.ename}: ${o.evalue}`));
  expect(errors).toEqual([["ValueError: expected 3 channels, got 1"], ["DataError: empty batch"]]);
});
