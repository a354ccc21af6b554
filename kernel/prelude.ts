/**
 * The prelude: cells every session runs before the user's first one, through the same executor,
 * so that their names are known to the type checker of later cells as well as at run time.
 *
 * The display functions come first and from the kernel's own emitter, so they stay usable even when
 * the torch library fails to load or initialise; that failure is then reported to the user.
 */
import type { Outcome, Session } from "./session";
import { TICK_NAME } from "./rewrite";

/** Python's builtins in every notebook's scope (src/builtins.ts). */
const BUILTIN_NAMES = [
  "print", "len", "range", "enumerate", "zip", "iter", "next", "list", "tuple", "sorted", "sum", "min", "max",
  "abs", "round", "float", "int", "str", "repr", "isinstance", "set", "True", "False", "None", "__name__", "map",
  "getattr", "hasattr", "setattr", "type", "divmod", "dict", "any", "all", "bool", "filter", "reversed", "pow", "hex",
  "oct", "bin", "ord", "chr", "hash", "open",
] as const;

/** Python's built-in exceptions (src/exceptions.ts); TypeError is JavaScript's own. */
const EXCEPTION_NAMES = [
  "Exception", "ValueError", "RuntimeError", "KeyError", "IndexError", "AssertionError", "NotImplementedError",
  "StopIteration", "ZeroDivisionError", "AttributeError", "FileNotFoundError", "FileExistsError", "OverflowError", "OSError",
  "IsADirectoryError", "PermissionError", "NotADirectoryError", "EOFError",
] as const;

/** Names the prelude brings into scope (the tutorial's vocabulary, spelled as in PyTorch). */
export const PRELUDE_NAMES = ["torch", "nn", "F", "optim", "torchvision", "transforms", "display", "clear_output", "assert", "copy", "random", "np", "numpy", "pd", "pandas", "sklearn", "math", "statistics", "time", "datetime", "timedelta", "functools", "functorch", "collections", "itertools", "json", "io", "os", "re", "string", "tqdm", "trange", "plt", "matplotlib", "warnings", ...BUILTIN_NAMES, ...EXCEPTION_NAMES] as const;

/**
 * One cell per name after the import, so that one missing or broken part (a sub-namespace still
 * being written, say) costs only its own name, and the failure message says which.
 * The aliases are namespace imports of the same modules `torch.nn` etc. are (tslab keeps imports
 * for later cells but drops `import x = ns.y`), so `nn.Module` works as a type too.
 */
export function preludeCells(env: NodeJS.ProcessEnv = process.env): string[] {
  const seed = env.TORCHLAB_SEED;
  return [
    EMITTER_IMPORT,
    // The rich display (display.image, display.plot, ...) replaces the bare emitter when it loads.
    `import { display } from "torchlab/dist/src/display";`,
    // Python's builtins as a PyTorch notebook writes them (print, len, range, enumerate, next(iter(...)), ...).
    // A cell may declare its own `sum` or `range`: that hides the builtin from then on, as in Python.
    `import { ${BUILTIN_NAMES.join(", ")} } from "torchlab/dist/src/builtins";`,
    `import { torch, torchvision } from "torchlab";`,
    // Python's built-in exceptions: throw new ValueError(...) for raise, e instanceof KeyError for except (src/exceptions.ts).
    `import { ${EXCEPTION_NAMES.join(", ")} } from "torchlab/dist/src/exceptions";`,
    // Namespace imports, not consts, so that `nn.Conv2d` and friends also work as types in later cells.
    `import * as nn from "torchlab/dist/src/nn";`,
    `import * as F from "torchlab/dist/src/nn/functional";`,
    `import * as optim from "torchlab/dist/src/optim";`,
    `import * as transforms from "torchlab/dist/src/torchvision/transforms";`,
    // tqdm as `from tqdm.auto import tqdm, trange` gives it: a bar updated in place (src/display/progress.ts).
    `import { tqdm, trange } from "torchlab/dist/src/display/progress";`,
    // NumPy as `import numpy as np` gives it (src/numpy): np.array, np.linspace, np.argmax, ... over NumPy's ndarray.
    `import * as np from "torchlab/dist/src/numpy";`,
    `import * as numpy from "torchlab/dist/src/numpy";`,
    // pandas as `import pandas as pd` gives it (src/pandas): read_csv, DataFrame, Series, concat, get_dummies over np.
    `import * as pd from "torchlab/dist/src/pandas";`,
    `import * as pandas from "torchlab/dist/src/pandas";`,
    // scikit-learn as `import sklearn` gives it (src/sklearn): datasets, model_selection, preprocessing, metrics, decomposition over np.
    `import * as sklearn from "torchlab/dist/src/sklearn";`,
    // Python's copy module (copy.deepcopy(model.state_dict()), src/copy.ts).
    `import * as copy from "torchlab/dist/src/copy";`,
    // Python's random module, draw for draw (random.seed(42); random.shuffle(words), src/random.ts).
    `import * as random from "torchlab/dist/src/random";`,
    // Python's math module: ints from math.floor / math.ceil, Python's domain errors, math.log(x, base) (src/math.ts).
    `import * as math from "torchlab/dist/src/math";`,
    // Python's statistics module: exact means and variances, ints where Python gives ints, StatisticsError (src/statistics.ts).
    `import * as statistics from "torchlab/dist/src/statistics";`,
    // Python's time module: time.time() - start in seconds (src/time.ts).
    `import * as time from "torchlab/dist/src/time";`,
    // Python's datetime (`datetime.now().strftime('%Y%m%d_%H%M%S')`, `timedelta(days=1)`; src/datetime.ts).
    `import { datetime, timedelta } from "torchlab/dist/src/datetime";`,
    // Python's functools.partial (`partial(collate, window_size=2)`, src/functools.ts).
    `import * as functools from "torchlab/dist/src/functools";`,
    // PyTorch 1.13's functorch package (vmap, grad, jacrev, make_functional, ...): the same module as torch.func, src/func/.
    `import * as functorch from "torchlab/dist/src/func";`,
    // Python's collections (Counter, defaultdict, deque, OrderedDict, namedtuple) and itertools (src/collections.ts, src/itertools.ts).
    `import * as collections from "torchlab/dist/src/collections";`,
    `import * as itertools from "torchlab/dist/src/itertools";`,
    // Python's json (dumps with Python's spacing), os (os.path.join, makedirs) and string constants (src/json.ts, src/os.ts, src/string.ts).
    `import * as json from "torchlab/dist/src/json";`,
    `import * as os from "torchlab/dist/src/os";`,
    // Python's io.StringIO (`pd.read_csv(io.StringIO(text))`, src/io.ts).
    `import * as io from "torchlab/dist/src/io";`,
    `import * as string from "torchlab/dist/src/string";`,
    // Python's re module over JavaScript's RegExp, patterns translated to Python's meaning (src/re.ts).
    `import * as re from "torchlab/dist/src/re";`,
    // matplotlib.pyplot as `import matplotlib.pyplot as plt` gives it: figures shown inline as SVG (src/matplotlib/).
    `import * as plt from "torchlab/dist/src/matplotlib/pyplot";`,
    // Python's warnings: filterwarnings("ignore"), simplefilter, warn (src/warnings.ts; kernel/warnings.ts applies the filters).
    `import * as warnings from "torchlab/dist/src/warnings";`,
    `import * as matplotlib from "torchlab/dist/src/matplotlib";`,
    // Python's assert statement for grading cells (kernel/course), as torch.testing.assert.
    `import { assert } from "torchlab/dist/src/testing";`,
    // Picks the best backend (CUDA first; TORCHLAB_BACKEND forces one) before the first user cell.
    `await torch.ready();`,
    // The headless runner asks for a seed so that a notebook's outputs are reproducible.
    ...(seed !== undefined && /^\d+$/.test(seed) ? [`torch.manual_seed(${seed});`] : []),
  ];
}

export interface PreludeResult {
  ok: boolean;
  /** One line for the kernel banner: the backend, or why the prelude failed. */
  summary: string;
  /** The backend torch reported, when the prelude succeeded. */
  backend?: string;
}

const EMITTER_IMPORT = `import { display, clear_output } from "torchlab/dist/src/display/emitter";`;

/**
 * The whole prelude as one cell: every cell is a type-check and an emit of its own, and one compile
 * instead of ten saves about a second of CPU at each kernel start. The bare emitter's `display`
 * would clash with the rich one in a single cell; only its `clear_output` is kept.
 */
export function mergedPrelude(env: NodeJS.ProcessEnv = process.env): string {
  const cells = preludeCells(env).map((cell) =>
    cell === EMITTER_IMPORT ? `import { clear_output } from "torchlab/dist/src/display/emitter";` : cell,
  );
  return [`import { tick as ${TICK_NAME} } from "torchlab/dist/kernel/tick";`, ...cells, "torch.backend()"].join("\n");
}

/** Runs the prelude; never throws, so that a failure reaches the user as a message instead of a dead kernel. */
export async function runPrelude(session: Session, env: NodeJS.ProcessEnv = process.env): Promise<PreludeResult> {
  const merged = await session.execute(mergedPrelude(env), "prelude").catch(
    (error): Outcome => ({ status: "error", ename: "Error", evalue: String(error), traceback: [] }),
  );
  if (merged.status === "ok") {
    session.enableLoopYields();
    session.exposeMainNamespace();
    const name = merged.hasValue ? String(merged.value) : undefined;
    return { ok: true, summary: `backend: ${name ?? "unknown"}`, backend: name };
  }
  // Cell by cell, so that one broken part costs only its own names and the message says which.
  return runPreludeCells(session, env);
}

async function runPreludeCells(session: Session, env: NodeJS.ProcessEnv): Promise<PreludeResult> {
  const failures: string[] = [];
  // The yield point of top-level loops (kernel/rewrite.ts); loops are rewritten only once it is bound.
  const tick = await session.execute(`import { tick as ${TICK_NAME} } from "torchlab/dist/kernel/tick";`).catch(
    (error): Outcome => ({ status: "error", ename: "Error", evalue: String(error), traceback: [] }),
  );
  if (tick.status === "ok") session.enableLoopYields();
  else failures.push(`loop yields -> ${tick.ename}: ${tick.evalue}`);
  for (const cell of preludeCells(env)) {
    let outcome: Outcome;
    try {
      outcome = await session.execute(cell);
    } catch (error) {
      outcome = { status: "error", ename: "Error", evalue: String(error), traceback: [] };
    }
    if (outcome.status === "error") {
      failures.push(`${cell.split("\n")[0]} -> ${outcome.ename}: ${outcome.evalue}`);
    }
  }
  try {
    session.exposeMainNamespace();
  } catch (error) {
    failures.push(`torch.load's __main__ -> ${String(error)}`);
  }
  // Asked even after a partial failure: the backend is worth reporting whenever torch loaded.
  const backend = await session.execute("torch.backend()").catch((): Outcome => ({ status: "ok", hasValue: false }));
  const name = backend.status === "ok" && backend.hasValue ? String(backend.value) : undefined;
  if (failures.length > 0) {
    return { ok: false, summary: `torchlab prelude failed: ${failures.join("; ")}`, backend: name };
  }
  return { ok: true, summary: `backend: ${name ?? "unknown"}`, backend: name };
}
