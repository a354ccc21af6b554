/**
 * torchlab's error types. They mirror the Python exceptions PyTorch raises, so a user reading
 * `RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)` knows what happened.
 * As in Python, the message may be left out (`raise NotImplementedError` in an abstract method).
 */
import { pythonRepr } from "./display/pylist";
import { asPyBuiltinClass, asPyTuple } from "./pyrepr";

/** A value is of the right type but not allowed (bad option, out-of-range hyper-parameter). */
export class ValueError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "ValueError";
  }
}

/** An argument has the wrong type or dtype. Extends the built-in TypeError. */
class TorchTypeError extends globalThis.TypeError {
  constructor(message = "") {
    super(message);
    this.name = "TypeError";
  }
}
export { TorchTypeError as TypeError };

/** An operation cannot run as asked (PyTorch's catch-all RuntimeError). */
export class RuntimeError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "RuntimeError";
  }
}

/** A failed check: Python's AssertionError (an `assert` of a grading cell, torch.testing, and where PyTorch itself asserts: TensorDataset's sizes, CUDA in a CPU build). */
export class AssertionError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "AssertionError";
  }
}

/** A dimension or index is out of range. */
export class IndexError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "IndexError";
  }
}

/** Python's StopIteration: `next(iterator)` on an exhausted iterator without a default (src/builtins.ts). */
export class StopIteration extends Error {
  constructor(message = "") {
    super(message);
    this.name = "StopIteration";
  }
}

/** Python's OverflowError: a number too large for the result (`int(Infinity)`, `round(Infinity)`). */
export class OverflowError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "OverflowError";
  }
}

/** Python's ZeroDivisionError: `divmod(1, 0)`. */
export class ZeroDivisionError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "ZeroDivisionError";
  }
}

/**
 * Python's KeyError: a dict has no such key (`d["x"]`, `d.pop("x")` without a default, src/pydict.ts).
 * As Python's, it is given the key itself, and its text is the key's repr: `KeyError('k')` prints `'k'`
 * (a traceback's `KeyError: 'k'`), `KeyError(2)` prints `2`, `KeyError()` nothing; `args` holds the key.
 */
export class KeyError extends Error {
  readonly args: unknown[];
  constructor(...args: unknown[]) {
    super(args.length === 0 ? "" : args.length === 1 ? keyText(args[0]) : keyText(asPyTuple([...args])));
    this.name = "KeyError";
    this.args = asPyTuple([...args]);
  }
}

function keyText(key: unknown): string {
  return pythonRepr(key) ?? String(key);
}

/** Python's AttributeError: an attribute read that the object does not have (`net.fc` after `del net.fc`). */
export class AttributeError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "AttributeError";
  }
}

/**
 * A feature PyTorch has that torchlab does not (yet) support; the message says what to use instead.
 * A RuntimeError, as Python's NotImplementedError is: `catch (e) { if (e instanceof RuntimeError) }`
 * code written against PyTorch's errors still sees it.
 */
export class NotImplementedError extends RuntimeError {
  constructor(message = "") {
    super(message);
    this.name = "NotImplementedError";
  }
}

/**
 * A linear-algebra routine could not finish (a singular matrix to invert or solve with, a matrix that is
 * not positive-definite for Cholesky): PyTorch's `torch.linalg.LinAlgError`, a RuntimeError, whose
 * Python name is `_LinAlgError` (torch._C._LinAlgError).
 */
export class LinAlgError extends RuntimeError {
  constructor(message?: string) {
    super(message);
    this.name = "_LinAlgError";
  }
}

/**
 * Shapes do not fit together. Carries the expected and received shapes for programmatic checks. Its
 * name is PyTorch's: a shape mismatch is a RuntimeError there, and a traceback, the kernel's `ename`
 * and `type(e).__name__` say so (`e instanceof ShapeError` still tells it apart).
 */
export class ShapeError extends RuntimeError {
  readonly expected: readonly number[] | string;
  readonly received: readonly number[];
  constructor(message: string, expected: readonly number[] | string, received: readonly number[]) {
    super(message);
    this.name = "RuntimeError";
    this.expected = expected;
    this.received = received;
  }
}

/**
 * A tensor could not be allocated, even after freeing every unreachable tensor and retrying: PyTorch's
 * `torch.OutOfMemoryError` (`torch.cuda.OutOfMemoryError`). A RuntimeError, as in PyTorch. The op
 * that failed changed nothing: every existing tensor keeps its values and the backend stays usable.
 */
export class OutOfMemoryError extends RuntimeError {
  /** The library function that was called (e.g. 'zeros', 'Tensor.matmul'). */
  readonly op: string;
  /** Bytes the failed allocation asked for, or null where the system did not say. */
  readonly requested: number | null;
  /** Bytes held by live tensors when it failed. */
  readonly live: number;
  constructor(message: string, op: string, requested: number | null, live: number) {
    super(message);
    this.name = "OutOfMemoryError";
    this.op = op;
    this.requested = requested;
    this.live = live;
    // Formatting the stack now drops V8's references to each frame's receiver: an unformatted one
    // would keep the very tensors that filled memory alive for as long as the error is kept.
    void this.stack;
  }
}

/**
 * Python's OSError (matplotlib's `plt.style.use` of a style it cannot find). One raised for a file
 * (`osError`, `noSuchFile`) carries Python's `errno`, `strerror` and `filename` as well.
 */
export class OSError extends Error {
  errno: number | null = null;
  strerror: string | null = null;
  filename: string | null = null;
  constructor(message = "") {
    super(message);
    this.name = "OSError";
  }
}

/** Python's FileNotFoundError (src/os.ts: `os.listdir` of a missing directory), an OSError as in Python (`except OSError` catches it). */
export class FileNotFoundError extends OSError {
  constructor(message = "") {
    super(message);
    this.name = "FileNotFoundError";
  }
}

/** Python's FileExistsError (src/os.ts: `os.makedirs` of an existing path without exist_ok), an OSError. */
export class FileExistsError extends OSError {
  constructor(message = "") {
    super(message);
    this.name = "FileExistsError";
  }
}

/** Python's IsADirectoryError (open() of a folder, src/pyfile.ts), an OSError. */
export class IsADirectoryError extends OSError {
  constructor(message = "") {
    super(message);
    this.name = "IsADirectoryError";
  }
}

/** Python's PermissionError (open() of a file the user may not read or write), an OSError. */
export class PermissionError extends OSError {
  constructor(message = "") {
    super(message);
    this.name = "PermissionError";
  }
}

/** Python's NotADirectoryError (a path that goes through a file, `open('a.txt/b')`), an OSError. */
export class NotADirectoryError extends OSError {
  constructor(message = "") {
    super(message);
    this.name = "NotADirectoryError";
  }
}

/** The OSError subclass, errno and strerror Python raises for each of Node's error codes on a path. */
const PY_ERRNO: Record<string, [typeof OSError, number, string]> = {
  ENOENT: [FileNotFoundError, 2, "No such file or directory"],
  EACCES: [PermissionError, 13, "Permission denied"],
  EPERM: [PermissionError, 1, "Operation not permitted"],
  EEXIST: [FileExistsError, 17, "File exists"],
  ENOTDIR: [NotADirectoryError, 20, "Not a directory"],
  EISDIR: [IsADirectoryError, 21, "Is a directory"],
};

/**
 * Python's error for a file operation on `filename` that Node failed with `e`: `FileNotFoundError:
 * [Errno 2] No such file or directory: 'x.csv'` for ENOENT, PermissionError, FileExistsError,
 * NotADirectoryError, IsADirectoryError likewise; any other failure an OSError with Node's message.
 */
export function osError(e: unknown, filename: string): OSError {
  const known = PY_ERRNO[(e as NodeJS.ErrnoException)?.code ?? ""];
  if (known === undefined) {
    const err = new OSError(e instanceof Error ? e.message : String(e));
    err.filename = filename;
    return err;
  }
  const [Cls, errno, strerror] = known;
  const err = new Cls(`[Errno ${errno}] ${strerror}: ${pythonRepr(filename) ?? `'${filename}'`}`);
  err.errno = errno;
  err.strerror = strerror;
  err.filename = filename;
  return err;
}

/** Python's FileNotFoundError for a path that does not exist: `[Errno 2] No such file or directory: 'x.csv'`. */
export function noSuchFile(filename: string): FileNotFoundError {
  return osError({ code: "ENOENT" }, filename) as FileNotFoundError;
}

/** Python's EOFError (`torch.load` of an io.BytesIO with nothing left to read: "Ran out of input"). */
export class EOFError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "EOFError";
  }
}

/** Python's LookupError (open() with an unknown encoding, src/pyfile.ts). */
export class LookupError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "LookupError";
  }
}

/** Python's json.JSONDecodeError (src/json.ts), a ValueError. */
export class JSONDecodeError extends ValueError {
  constructor(message = "") {
    super(message);
    this.name = "JSONDecodeError";
  }
}

// `type(e)` of each prints as Python's builtin class, `<class 'IndexError'>`, not under `__main__`.
asPyBuiltinClass(TorchTypeError, "TypeError");
for (const cls of [ValueError, RuntimeError, AssertionError, IndexError, StopIteration, OverflowError, ZeroDivisionError, KeyError, AttributeError, NotImplementedError, OSError, FileNotFoundError, FileExistsError, IsADirectoryError, PermissionError, NotADirectoryError, EOFError, LookupError]) {
  asPyBuiltinClass(cls);
}
