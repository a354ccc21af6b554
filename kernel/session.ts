/**
 * One notebook's interpreter state: tslab's converter and executor, the prelude, and the outcome of
 * each cell in a structured form (value or ename/evalue/traceback) for the protocol handler.
 *
 * tslab's executor reports through an injected console: `log(value)` for the cell's last value,
 * `error(...)` for compile diagnostics and thrown errors. We inject a recording console and turn
 * those calls into outcomes, instead of letting them become text on stdout/stderr.
 */
import * as path from "path";
import { format } from "util";
import type { ConverterSet, Executor } from "tslab/dist/executor";
import type { Converter, IsCompleteResult } from "tslab/dist/converter";
import { installTorchlabResolution } from "./resolve";
import { addLoopYields, expandShorthandProperties, withNotebookDialect } from "./rewrite";
import { interruptCellsUpTo } from "./tick";

export type Outcome =
  | { status: "ok"; hasValue: boolean; value?: unknown }
  | { status: "error"; ename: string; evalue: string; traceback: string[] };

export interface CompletionResult {
  cursor_start: number;
  cursor_end: number;
  matches: string[];
}

/** tslab's executor prints diagnostics with exactly this format string. */
const DIAGNOSTIC_FORMAT = "%s%d:%d - %s";
/** Messages of the two ways tslab's executor stops a cell on SIGINT. */
const INTERRUPTED = /Script execution was interrupted by `SIGINT`|Interrupted asynchronously/;

/** Name of the errors a cell raises when it does not compile. */
export const COMPILE_ERROR = "CompileError";
export const KEYBOARD_INTERRUPT = "KeyboardInterrupt";

interface Recording {
  values: unknown[];
  errors: unknown[][];
}

export class Session {
  private readonly executor: Executor;
  private recording: Recording = { values: [], errors: [] };
  /** Serial number of the cell being run; loops of interrupted cells stop at their next tick. */
  private serial = 0;
  private loopYields = false;

  constructor(readonly cwd: string = process.cwd()) {
    installTorchlabResolution();
    // Loaded only now: the resolution hook must be in place before tslab's converter loads TypeScript.
    const { createExecutor } = require("tslab/dist/executor") as typeof import("tslab/dist/executor");
    const { createConverter } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");
    let node: Converter | undefined;
    let browser: Converter | undefined;
    const convs: ConverterSet = {
      get node() {
        return (node ??= withNotebookDialect(() => createConverter({ isJS: false, isBrowser: false })));
      },
      get browser() {
        return (browser ??= createConverter({ isJS: false, isBrowser: true }));
      },
      close() {
        node?.close();
        browser?.close();
      },
    };
    const recorder = {
      log: (value: unknown) => this.recording.values.push(value),
      error: (...args: unknown[]) => this.recording.errors.push(args),
    };
    this.executor = createExecutor(cwd, convs, recorder);
  }

  async execute(code: string): Promise<Outcome> {
    this.recording = { values: [], errors: [] };
    const recording = this.recording;
    const cell = ++this.serial;
    let source = expandShorthandProperties(code);
    if (this.loopYields && !isModuleCell(code)) source = addLoopYields(source, cell);
    const ok = await this.executor.execute(source);
    if (ok && recording.errors.length === 0) {
      return recording.values.length > 0
        ? { status: "ok", hasValue: true, value: recording.values[recording.values.length - 1] }
        : { status: "ok", hasValue: false };
    }
    return errorOutcome(recording.errors);
  }

  complete(code: string, cursor: number): CompletionResult {
    const info = this.executor.complete(code, cursor);
    return { cursor_start: info.start, cursor_end: info.end, matches: info.candidates };
  }

  /** The hover text at `cursor`, or null when there is nothing there to describe. */
  inspect(code: string, cursor: number): string | null {
    const info = this.executor.inspect(code, cursor);
    if (!info) {
      return null;
    }
    const { printQuickInfo } = require("tslab/dist/inspect") as typeof import("tslab/dist/inspect");
    return printQuickInfo(info);
  }

  isComplete(code: string): IsCompleteResult {
    const { isCompleteCode } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");
    return isCompleteCode(code);
  }

  /** Stops the running cell if it is awaiting (synchronous code is stopped by SIGINT itself). */
  interrupt(): void {
    interruptCellsUpTo(this.serial);
    this.executor.interrupt();
  }

  /**
   * From now on, top-level loops of cells yield at each iteration (kernel/rewrite.ts). Called once
   * the prelude has bound the tick function the rewritten loops call.
   */
  enableLoopYields(): void {
    this.loopYields = true;
  }

  close(): void {
    this.executor.close();
  }
}

function errorOutcome(errors: unknown[][]): Outcome {
  const diagnostics = errors.filter((args) => args[0] === DIAGNOSTIC_FORMAT);
  if (diagnostics.length > 0) {
    // args: [format, fileName-with-space-or-empty, line, column, message]
    const lines = diagnostics.map(([, file, line, column, message]) =>
      `${file ? path.basename(String(file).trim()) + ":" : "cell:"}${line}:${column} - ${message}`,
    );
    return { status: "error", ename: COMPILE_ERROR, evalue: lines[0], traceback: lines };
  }
  const thrown = errors.length > 0 ? errors[0][0] : new Error("the cell failed without an error");
  if (thrown instanceof Error) {
    const interrupted = INTERRUPTED.test(thrown.message);
    const ename = interrupted ? KEYBOARD_INTERRUPT : thrown.name || thrown.constructor?.name || "Error";
    return { status: "error", ename, evalue: thrown.message, traceback: cellTraceback(thrown, ename) };
  }
  // `throw "text"` and other non-Error values.
  const evalue = format("%O", thrown);
  return { status: "error", ename: "Error", evalue, traceback: [`Uncaught ${evalue}`] };
}

/** The stack without the frames of the kernel itself, which only hide the user's own frames. */
function cellTraceback(error: Error, ename: string): string[] {
  let stack = (error.stack ?? `${ename}: ${error.message}`).split("\n");
  // Node prefixes errors thrown from library code with "file:line", the source line and a caret;
  // the user needs the message and the frames, as Python prints them.
  const head = stack.findIndex((line) => line.startsWith(`${error.name}:`) || line.startsWith(`${ename}:`));
  if (head > 0) stack = stack.slice(head);
  const kept = stack.filter((line, i) => i === 0 || !/node_modules[\\/]tslab[\\/]|\(node:|dist[\\/]kernel[\\/]/.test(line));
  return kept;
}

/** tslab's module cells (a `/** @module name *\/` JSDoc tag) become files, where a top-level await is not allowed. */
function isModuleCell(code: string): boolean {
  const { getCodeMetadata } = require("tslab/dist/metadata") as typeof import("tslab/dist/metadata");
  const meta = getCodeMetadata(code);
  return Boolean(meta.module) || meta.mode === "browser";
}
