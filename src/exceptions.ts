/**
 * Python's built-in exceptions as a cell names them: `throw new ValueError(\`bad size ${n}\`)` for
 * `raise ValueError(f"bad size {n}")`, `catch (e) { if (e instanceof KeyError) ... }` or
 * `isinstance(e, (ValueError, KeyError))` for `except (ValueError, KeyError):`, and a class of the
 * notebook's own, `class ShapeMismatch extends Exception {}`, for Python's `class ShapeMismatch(Exception)`.
 * They are the classes torchlab itself throws (src/errors.ts), so a cell catches PyTorch's errors by
 * the names PyTorch's documentation gives them. TypeError is JavaScript's own (torchlab's TypeError
 * extends it), so `e instanceof TypeError` also holds for the engine's "x is not a function".
 */
import { asPyBuiltinClass } from "./pyrepr";

export {
  AssertionError,
  AttributeError,
  EOFError,
  FileExistsError,
  FileNotFoundError,
  IndexError,
  IsADirectoryError,
  KeyError,
  NotADirectoryError,
  NotImplementedError,
  OSError,
  OverflowError,
  PermissionError,
  RuntimeError,
  StopIteration,
  ValueError,
  ZeroDivisionError,
} from "./errors";

/**
 * Python's `Exception`, the base of every error a cell can catch: `e instanceof Exception` holds for
 * any Error (PyTorch's, the engine's, the notebook's own), as `except Exception` catches them all.
 * A class deriving from it is a class of its own, named as the notebook names it (`ShapeMismatch: ...`).
 */
export class Exception extends Error {
  constructor(message = "") {
    super(message);
    this.name = new.target.name;
  }

  static [Symbol.hasInstance](x: unknown): boolean {
    // Only Exception itself stands for every Error; a subclass is tested as usual.
    return this === Exception ? x instanceof Error : Function.prototype[Symbol.hasInstance].call(this, x);
  }
}

// `type(e)` prints `<class 'Exception'>` (the library's errors are marked in src/errors.ts).
asPyBuiltinClass(Exception);
