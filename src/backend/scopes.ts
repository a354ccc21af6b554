/**
 * Scoped state that must be restored after a cell the kernel stopped.
 *
 * A SIGINT stops a synchronous cell by terminating V8's execution (breakOnSigint): no `finally` or
 * `catch` of the terminated frames runs, so every `with`-style scope the cell was inside
 * (`torch.no_grad(...)`, `enable_grad`, `tf.tidy` ...) would keep its state for the rest of the
 * session. PyTorch raises KeyboardInterrupt instead, whose unwinding runs each `__exit__`.
 *
 * Scopes therefore register their restore function on a stack while they are open; the kernel takes
 * a `mark()` before each cell and, after a terminated one, `unwind(mark)` restores every scope the
 * cell entered and did not leave, innermost first, and ends the tfjs engine scopes it left open, so
 * the tensors they track are released as the tidy would have done.
 *
 * The stack lives on the global object: the kernel and the cell's `torchlab` may be two loads of
 * this module.
 */
// Loaded on first use: a file writer (serialization/atomic.ts) registers scopes in processes that
// never load TensorFlow.js (`torchlab run` writing its notebooks).
const tfLib = (): typeof import("./tf") => require("./tf") as typeof import("./tf");

/** An open scope: `restore` puts back the state from before it was entered. */
export interface Scope {
  readonly id: number;
  readonly restore: () => void;
}

/** Where a cell starts: the open scopes' count and the tfjs engine's nesting at that time. */
export interface Mark {
  readonly id: number;
  readonly tfScopes: number;
  readonly kernelDepth: number;
  readonly gradientDepth: number;
  readonly activeTape: unknown;
}

/**
 * What `globalThis[Symbol.for("torchlab.scopes")]` holds once torchlab is loaded: the kernel reads it
 * there, so that it need not load torchlab itself.
 */
export interface Registry {
  open: Scope[];
  nextId: number;
  /** Module state that no scope owns, reset after every stopped cell (see onUnwind). */
  resets: (() => void)[];
  mark(): Mark;
  unwind(m: Mark | null): { scopes: number; tfScopes: number };
}

const KEY = Symbol.for("torchlab.scopes");

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[KEY] ??= { open: [], nextId: 0, resets: [], mark, unwind });
}

interface EngineState {
  scopeStack: unknown[];
  kernelDepth: number;
  gradientDepth: number;
  activeTape: unknown;
}

function engineState(): EngineState {
  return (tfLib().tf.engine() as unknown as { state: EngineState }).state;
}

/** @internal records an entered scope; `leave` must be called when it is left (normally or by an exception). */
export function enter(restore: () => void): Scope {
  const r = registry();
  const scope = { id: r.nextId++, restore };
  r.open.push(scope);
  return scope;
}

/**
 * @internal leaves `scope`: restores its state unless an unwind already did. An async body's scope
 * may end after later scopes were entered, so it is found by identity rather than popped.
 */
export function leave(scope: Scope): void {
  const open = registry().open;
  const i = open.lastIndexOf(scope);
  if (i < 0) return;
  open.splice(i, 1);
  scope.restore();
}

/**
 * @internal registers `reset`, run by every `unwind`: for module state that a hot path sets and
 * clears with try/finally too often to register a scope each time (the kernel guard's stack of
 * running kernels), which a stopped cell leaves set and nothing that runs afterwards can be inside.
 */
export function onUnwind(reset: () => void): void {
  registry().resets.push(reset);
}

/** @internal runs `fn` between `start()` and the restore `start` returns, as a registered scope. */
export function scoped<T>(start: () => () => void, fn: () => T): T {
  const scope = enter(start());
  try {
    return fn();
  } finally {
    leave(scope);
  }
}

/**
 * @internal runs `fn` as a registered scope whose `restore` runs when `fn` returns or throws, or, when
 * `fn` returns a promise, when that settles (`with torch.no_grad():` around awaits keeps its mode until then).
 */
export function scopedUntilSettled<T>(restore: () => void, fn: () => T): T {
  const scope = enter(restore);
  let result: T;
  try {
    result = fn();
  } catch (e) {
    leave(scope);
    throw e;
  }
  if (result instanceof Promise) return result.finally(() => leave(scope)) as unknown as T;
  leave(scope);
  return result;
}

/** @internal the state before a cell, for `unwind`. */
export function mark(): Mark {
  const state = engineState();
  return {
    id: registry().nextId,
    tfScopes: state.scopeStack.length,
    kernelDepth: state.kernelDepth,
    gradientDepth: state.gradientDepth,
    activeTape: state.activeTape,
  };
}

/**
 * A SIGINT stops a cell anywhere, also inside a backend's disposeData between its count going to 0 and
 * the buffer leaving its map (tfjs-backend-wasm frees the buffer in between). Ending the scope again
 * would then free that buffer a second time, which corrupts the wasm allocator: the next free spins
 * for ever and the kernel hangs (seen: a training loop interrupted inside no_grad). An entry whose count
 * is 0 never outlives a finished disposeData, so each one the unwound scopes track is dropped from the
 * backend's map unfreed (at worst one buffer is lost, where the second free hung the kernel).
 */
function forgetHalfDisposed(state: EngineState, keep: number): void {
  // Every tfjs backend keeps its buffers in a DataStorage whose entries count their references.
  const map = (tfLib().tf.engine().backend as unknown as { dataIdMap: { get(id: object): { refCount: number } | undefined; delete(id: object): unknown } }).dataIdMap;
  const scopes = state.scopeStack as { track: { dataId: object; isDisposedInternal: boolean }[] }[];
  for (const scope of scopes.slice(keep)) {
    for (const t of scope.track) {
      const data = t.isDisposedInternal ? undefined : map.get(t.dataId);
      if (data !== undefined && data.refCount <= 0) map.delete(t.dataId);
    }
  }
}

/**
 * @internal restores every scope entered since `m` and still open, innermost first, and ends the
 * tfjs scopes opened since then (disposing the tensors they track, as an ending tidy does); `null`:
 * since torchlab was loaded (a cell that loaded it). Returns how many scopes of each kind it closed.
 */
export function unwind(m: Mark | null): { scopes: number; tfScopes: number } {
  m ??= { id: 0, tfScopes: 0, kernelDepth: 0, gradientDepth: 0, activeTape: engineState().activeTape };
  const open = registry().open;
  let scopes = 0;
  for (let i = open.length - 1; i >= 0; i--) {
    const scope = open[i];
    if (scope.id < m.id) continue;
    open.splice(i, 1);
    scopes++;
    try {
      scope.restore();
    } catch {
      // One failing restore must not keep the others from running.
    }
  }
  for (const reset of registry().resets) {
    try {
      reset();
    } catch {
      // as above
    }
  }
  const engine = tfLib().tf.engine();
  const state = engineState();
  forgetHalfDisposed(state, m.tfScopes);
  let tfScopes = 0;
  while (state.scopeStack.length > m.tfScopes) {
    engine.endScope(undefined);
    tfScopes++;
  }
  state.kernelDepth = m.kernelDepth;
  state.gradientDepth = m.gradientDepth;
  state.activeTape = m.activeTape;
  return { scopes, tfScopes };
}
