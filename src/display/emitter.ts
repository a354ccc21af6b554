/**
 * The thin display emitter: the one door through which library code sends rich output.
 *
 * Library code (charts, image grids, a Tensor's rich repr) builds a MIME bundle and calls
 * {@link display}; it never knows whether it runs inside the torchlab kernel, under the headless
 * runner, or in a plain `node` script. The kernel installs a {@link DisplaySink} with
 * {@link setDisplaySink}; outside a kernel the fallback sink prints the bundle's `text/plain`, so a
 * script still shows something readable.
 *
 * Objects opt in to rich display through the Deno convention: a method keyed by
 * `Symbol.for("Jupyter.display")` returning a MIME bundle. The same objects therefore render under
 * Deno's Jupyter kernel too.
 *
 * @example
 * class Greeting {
 *   [JUPYTER_DISPLAY]() { return { "text/html": "<b>hello</b>", "text/plain": "hello" }; }
 * }
 * display(new Greeting());                       // display_data
 * const h = display("epoch 0", { display_id: true });
 * h.update("epoch 1");                            // update_display_data of the same output
 */
import { randomBytes } from "crypto";
import { inspect } from "util";
import { ipythonReprOf, PyFloat } from "../pyrepr";
import { cellRepr } from "./pylist";

/** The key of the Deno/Jupyter rich-display convention. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/**
 * MIME type to payload: `text/*` and `image/svg+xml` are strings, binary images are base64
 * strings, `application/*json` are JSON values (objects), as the Jupyter protocol carries them.
 */
export type MimeBundle = { [mimetype: string]: unknown };

/** An object that renders itself as a MIME bundle (synchronously or not). */
export interface Displayable {
  [JUPYTER_DISPLAY](): MimeBundle | Promise<MimeBundle>;
}

/** The content of a display message, as the Jupyter protocol names its fields. */
export interface DisplayMessage {
  data: MimeBundle;
  metadata: { [key: string]: unknown };
  /** Always an object, possibly empty: front ends index into it. */
  transient: { display_id?: string };
}

/** Where bundles go; the kernel installs one per process. */
export interface DisplaySink {
  /** `update` true means `update_display_data` (replace the output carrying the same display_id). */
  display(message: DisplayMessage, update: boolean): void;
  /** `wait` true: clear just before the next output arrives, to avoid flicker. */
  clear_output(wait: boolean): void;
}

export interface DisplayOptions {
  /** Per-mimetype metadata, e.g. `{ "image/png": { width: 320 } }`. */
  metadata?: { [key: string]: unknown };
  /** Name the output so that it can be updated later; `true` makes up a fresh id. */
  display_id?: string | true;
  /** Replace the existing output with this display_id instead of adding one. */
  update?: boolean;
  /** Treat the value itself as the MIME bundle. */
  raw?: boolean;
}

/** What {@link display} returns: a way to update the same output later. */
export interface DisplayHandle {
  /** The display_id of the output. */
  readonly display_id: string;
  /** Replace the output with a rendering of `value`. */
  update(value: unknown, options?: Omit<DisplayOptions, "display_id" | "update">): void;
}

/**
 * The sink lives on globalThis so that every copy of this module in the process (the kernel's and
 * the one a notebook cell loads, should they ever differ) talks to the same kernel.
 */
const SINK_KEY = Symbol.for("torchlab.display.sink");
type SinkHolder = { [SINK_KEY]?: DisplaySink };

/** Outside a kernel: print what a terminal can show. */
const consoleSink: DisplaySink = {
  display(message) {
    const text = message.data["text/plain"];
    const shown = typeof text === "string" ? text : `<${Object.keys(message.data).join(", ")}>`;
    process.stdout.write(shown + "\n");
  },
  clear_output() {
    // A terminal's past output cannot be taken back; silently keeping it is the sensible fallback.
  },
};

/** Install the process-wide sink (the kernel does this); returns the previous one. `null` restores the fallback. */
export function setDisplaySink(sink: DisplaySink | null): DisplaySink {
  const holder = globalThis as SinkHolder;
  const previous = holder[SINK_KEY] ?? consoleSink;
  if (sink === null) {
    delete holder[SINK_KEY];
  } else {
    holder[SINK_KEY] = sink;
  }
  return previous;
}

function currentSink(): DisplaySink {
  return (globalThis as SinkHolder)[SINK_KEY] ?? consoleSink;
}

/** Whether `value` follows the `Symbol.for("Jupyter.display")` convention. */
export function isDisplayable(value: unknown): value is Displayable {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as Partial<Displayable>)[JUPYTER_DISPLAY] === "function"
  );
}

/** The plain-text rendering used when a value has nothing richer to offer. */
export function plainText(value: unknown): string {
  if (typeof value === "string") return value;
  // A bare boolean is Python's bool, as IPython shows a cell's `x > 0` or `torch.cuda.is_available()`
  // (print() and list items already spell it so); numbers keep JavaScript's spelling.
  if (typeof value === "boolean") return value ? "True" : "False";
  // A number the dialect knows is Python's float (a cell ending in `600 / 100`): `6.0`.
  if (value instanceof PyFloat) return value.toString();
  // An object printed by identity shows as IPython shows it: `<AddBackward0 at 0x...>`.
  const ipython = ipythonReprOf(value);
  if (ipython !== null) return ipython;
  // A list, tuple, dict (a plain object, a Map) or set of tensors, Sizes, numbers, strings, ... shows as
  // IPython shows the Python value a PyTorch user expects.
  return cellRepr(value) ?? dunderRepr(value) ?? inspect(value, { depth: 4, breakLength: 100 });
}

/**
 * What a notebook's class that defines __repr__ returns (fast.ai's MyModule: `def __repr__(self): return
 * f'{self._modules}'`), as IPython shows repr(obj). After the Python values IPython pretty-prints itself
 * (a set sorted, a dict broken into lines), whose own __repr__ is print()'s form.
 */
function dunderRepr(v: unknown): string | null {
  const f = typeof v === "object" && v !== null ? (v as { __repr__?: unknown }).__repr__ : undefined;
  return typeof f === "function" ? String(f.call(v)) : null;
}

/**
 * A value's MIME bundle: its own `Symbol.for("Jupyter.display")` rendering (with `text/plain` added
 * when missing, since every front end and nbformat reader needs one), or its plain text.
 */
export function toMimeBundle(value: unknown): MimeBundle | Promise<MimeBundle> {
  if (!isDisplayable(value)) {
    return { "text/plain": plainText(value) };
  }
  const withText = (bundle: MimeBundle): MimeBundle =>
    "text/plain" in bundle ? bundle : { ...bundle, "text/plain": plainText(value) };
  const bundle = value[JUPYTER_DISPLAY]();
  return bundle instanceof Promise ? bundle.then(withText) : withText(bundle);
}

/**
 * Displays `value` (a Displayable, a string, anything) as a new output or as an update.
 * Like IPython's, it returns a handle only when asked for a display_id, so that a cell ending in
 * `display(x)` does not also show the call's value.
 */
export function display(value: unknown, options: DisplayOptions & { display_id: string | true }): DisplayHandle;
export function display(value: unknown, options?: DisplayOptions): void;
export function display(value: unknown, options: DisplayOptions = {}): DisplayHandle | void {
  const display_id =
    options.display_id === true ? randomBytes(8).toString("hex") : options.display_id;
  emit(value, { ...options, display_id });
  if (display_id === undefined) {
    return;
  }
  return {
    display_id,
    update(next, more = {}) {
      emit(next, { ...more, display_id, update: true });
    },
  };
}

/** Clears the current cell's output; with `wait`, only when the next output arrives. */
export function clear_output(wait = false): void {
  currentSink().clear_output(wait);
}

function emit(value: unknown, options: DisplayOptions & { display_id?: string }): void {
  if (options.update && options.display_id === undefined) {
    throw new Error("display: update needs a display_id");
  }
  const send = (data: MimeBundle) =>
    currentSink().display(
      {
        data,
        metadata: options.metadata ?? {},
        transient: options.display_id === undefined ? {} : { display_id: options.display_id },
      },
      options.update === true,
    );
  const bundle = options.raw ? (value as MimeBundle) : toMimeBundle(value);
  if (bundle instanceof Promise) {
    // An async rendering is sent when ready; its errors must surface, not vanish.
    bundle.then(send, (error: unknown) => {
      process.stderr.write(`display: rendering failed: ${String(error)}\n`);
    });
  } else {
    send(bundle);
  }
}

/**
 * What runs when a cell ends, by name (the same name replaces its hook): pyplot shows the figures a
 * cell left open, as IPython's inline backend does in its post_execute hook. On globalThis, as the
 * sink is, so that the kernel runs the hooks whichever copy of this module registered them.
 */
const CELL_END_KEY = Symbol.for("torchlab.display.cellEnd");
type CellEndHolder = { [CELL_END_KEY]?: Map<string, () => void> };

/** Registers `hook` to run after each cell (the kernel calls {@link runCellEndHooks}). */
export function onCellEnd(name: string, hook: () => void): void {
  const holder = globalThis as CellEndHolder;
  (holder[CELL_END_KEY] ??= new Map()).set(name, hook);
}

/** Runs the cell-end hooks; one that throws is reported on stderr and the others still run. */
export function runCellEndHooks(): void {
  for (const [name, hook] of (globalThis as CellEndHolder)[CELL_END_KEY] ?? []) {
    try {
      hook();
    } catch (error) {
      process.stderr.write(`${name}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    }
  }
}
