/**
 * `torchlab assign SOURCE.ipynb... --out DIR`: the student release of an nbgrader-style assignment.
 *
 * As nbgrader's generate_assignment: solution regions (`// BEGIN SOLUTION` ... `// END SOLUTION`)
 * become a stub at the delimiters' indentation; a solution cell without delimiters is replaced
 * whole; hidden tests (`// BEGIN HIDDEN TESTS` ... `// END HIDDEN TESTS`) are removed; outputs and
 * execution counts are cleared; grade, solution and locked cells get nbgrader's checksum.
 */
import * as fs from "fs";
import * as path from "path";
import { joinSource, normalizeNotebook, splitLines, type Cell, type Notebook } from "../notebook";
import { AssignmentError, cellLabel, computeChecksum, isGrade, isLocked, isSolution, nbgraderMeta, validateMetadata } from "./nbgrader";

const STUB = ["// YOUR CODE HERE", 'throw new Error("not implemented");'];
const MARKDOWN_STUB = "YOUR ANSWER HERE";

/** A delimiter line: a `//` comment whose text is the marker (any case, as nbgrader matches). */
function delimiter(line: string, marker: string): boolean {
  return new RegExp(`^\\s*//\\s*${marker.replace(/ /g, "\\s+")}\\s*$`, "i").test(line.replace(/\r?\n$/, ""));
}

/**
 * Replaces each region between `begin` and `end` (both lines dropped) with `replacement(indent)`;
 * null when the cell has none. Throws, naming the cell, on an unbalanced or nested region.
 */
function replaceRegions(source: string, begin: string, end: string, where: string, replacement: (indent: string) => string[]): string | null {
  const out: string[] = [];
  let open: { line: number; indent: string } | null = null;
  let found = false;
  splitLines(source).forEach((line, i) => {
    if (delimiter(line, begin)) {
      if (open) throw new AssignmentError(`${where}: "${begin}" on line ${i + 1} inside the region opened on line ${open.line + 1}`);
      open = { line: i, indent: /^\s*/.exec(line)![0] };
      found = true;
      return;
    }
    if (delimiter(line, end)) {
      if (!open) throw new AssignmentError(`${where}: "${end}" on line ${i + 1} without a "${begin}" before it`);
      const { indent } = open as { indent: string };
      out.push(...replacement(indent).map((l) => `${indent}${l}\n`));
      open = null;
      return;
    }
    if (!open) out.push(line);
  });
  if (open) throw new AssignmentError(`${where}: "${begin}" on line ${(open as { line: number }).line + 1} has no "${end}"`);
  if (!found) return null;
  return out.join("").replace(/\n$/, "");
}

/** The source cell with hidden tests removed: what students see of a test cell. */
export function withoutHiddenTests(cell: Cell, where: string): string {
  const source = joinSource(cell.source);
  const stripped = replaceRegions(source, "BEGIN HIDDEN TESTS", "END HIDDEN TESTS", where, () => []);
  if (stripped !== null && !isGrade(cell)) {
    throw new AssignmentError(`${where}: hidden tests in a cell that is not a grade cell (students would never be graded on them)`);
  }
  return stripped ?? source;
}

function releaseCell(cell: Cell, where: string): Cell {
  let source = joinSource(cell.source);
  // Checked on the author's text, before a stub could hide a misplaced region.
  withoutHiddenTests(cell, where);
  if (cell.cell_type === "code") {
    const stubbed = replaceRegions(source, "BEGIN SOLUTION", "END SOLUTION", where, () => STUB);
    if (stubbed !== null && !isSolution(cell)) {
      throw new AssignmentError(`${where}: a solution region in a cell not marked as a solution cell`);
    }
    source = stubbed ?? (isSolution(cell) ? STUB.join("\n") : source);
    source = withoutHiddenTests({ ...cell, source }, where);
  } else if (isSolution(cell)) {
    source = MARKDOWN_STUB;
  }
  const released: Cell = { ...cell, source: splitLines(source) };
  if (cell.cell_type === "code") {
    released.outputs = [];
    released.execution_count = null;
  }
  const meta = nbgraderMeta(cell);
  if (meta && (isGrade(cell) || isSolution(cell) || isLocked(cell))) {
    // nbgrader's ComputeChecksums also records the cell type, so a changed type shows too.
    released.metadata = { ...cell.metadata, nbgrader: { ...meta, schema_version: 3, cell_type: cell.cell_type } };
    (released.metadata.nbgrader as Record<string, unknown>).checksum = computeChecksum(released);
  }
  return released;
}

/** The release of a parsed source notebook; `name` is used in messages. */
export function releaseNotebook(source: Notebook, name: string): Notebook {
  const nb = normalizeNotebook(source);
  validateMetadata(nb, name);
  return { ...nb, cells: nb.cells.map((cell, i) => releaseCell(cell, `${name}: ${cellLabel(cell, i)}`)) };
}

export function readNotebook(file: string): Notebook {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new AssignmentError(`${file}: not a readable notebook (${error instanceof Error ? error.message : String(error)})`);
  }
  const nb = parsed as Notebook;
  if (typeof nb !== "object" || nb === null || !Array.isArray(nb.cells)) {
    throw new AssignmentError(`${file}: not an nbformat 4 notebook (no cells)`);
  }
  return nb;
}

/** Writes DIR/NAME.ipynb for each source; returns the files written. */
export function assignNotebooks(sources: string[], out: string, log: (line: string) => void = (l) => process.stderr.write(l + "\n")): string[] {
  fs.mkdirSync(out, { recursive: true });
  return sources.map((file) => {
    const name = path.basename(file, ".ipynb");
    const release = releaseNotebook(readNotebook(file), path.basename(file));
    const target = path.join(out, path.basename(file));
    if (path.resolve(target) === path.resolve(file)) {
      throw new AssignmentError(`${file}: the release would overwrite its source; choose another --out`);
    }
    fs.writeFileSync(target, JSON.stringify(release, null, 1) + "\n");
    const graded = release.cells.filter(isGrade);
    const points = graded.reduce((sum, cell) => sum + Number(nbgraderMeta(cell)?.points ?? 0), 0);
    log(`${name}: released ${path.relative(process.cwd(), target) || target} (${graded.length} graded cells, ${points} points)`);
    return target;
  });
}
