/**
 * Python's item of a list, tuple or string at run time, for the dialect's rewrite of `seq[i]` whose index
 * is a variable (kernel/sequence_index.ts): a negative index counts from the end (-len..-1), one past
 * either end is Python's IndexError (`list index out of range`, `tuple index out of range`, `string
 * index out of range`, `list assignment index out of range` for a store), a fractional one Python's
 * TypeError. JavaScript read such an index as undefined (printed `None`) and a store past the end
 * grew the array with holes. A typed array (Float32Array, a tensor's dataSync()) is NumPy's 1-d array
 * here, with NumPy's messages. No TypeScript here: this module is loaded by every cell that indexes so.
 */
import { IndexError, TypeError } from "../src/errors";
import { pyIsTuple } from "../src/pyrepr";
import { Size } from "../src/tensor/size";
import { SEQUENCE_GLOBAL } from "./sequence_index";

type Indexed = ArrayLike<unknown> | string;

/** Python's name of the sequence in its messages; null for a typed array (NumPy's messages). */
function pyName(seq: Indexed): "list" | "tuple" | "string" | null {
  if (typeof seq === "string") return "string";
  if (ArrayBuffer.isView(seq)) return null;
  return seq instanceof Size || pyIsTuple(seq as unknown[]) ? "tuple" : "list";
}

function outOfRange(seq: Indexed, i: number, store: boolean): Error {
  const name = pyName(seq);
  if (typeof i === "number" && !Number.isInteger(i)) {
    if (name === null) return new IndexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
    return new TypeError(name === "string" ? "string indices must be integers, not 'float'" : `${name} indices must be integers or slices, not float`);
  }
  if (name === null) return new IndexError(`index ${i} is out of bounds for axis 0 with size ${seq.length}`);
  return new IndexError(store && name === "list" ? "list assignment index out of range" : `${name} index out of range`);
}

/**
 * The position Python's `seq[i]` names: `i` itself in range, `i + len(seq)` for a negative one;
 * IndexError past either end. `store`: the position of `seq[i] = v` (its own message for a list). An
 * index that is no number (typed one, but not at run time) stays as it is: JavaScript's read.
 */
export function pos(seq: Indexed, i: number, store = false): number {
  const n = seq.length;
  if (i >= 0 && i < n && Number.isInteger(i)) return i;
  if (i < 0 && i >= -n && Number.isInteger(i)) return i + n;
  if (typeof i !== "number") return i;
  throw outOfRange(seq, i, store);
}

/** Python's `seq[i]` of a list, tuple or string (see pos). */
export function item(seq: string, i: number): string;
export function item<T>(seq: ArrayLike<T>, i: number): T;
export function item(seq: Indexed, i: number): unknown {
  return seq[pos(seq, i)];
}

// How cells reach this module (kernel/sequence_index.ts SEQUENCE_REF).
(globalThis as Record<string, unknown>)[SEQUENCE_GLOBAL] = { item, pos };
