/**
 * nbgrader's cell metadata (schema version 3) as its create-assignment toolbar writes it, read and
 * written unchanged, plus its checksum of a cell.
 *
 * A cell's role follows from three flags, as in nbgrader:
 *  - solution (not grade): an answer cell, stubbed in the release;
 *  - solution + grade: a manually graded answer (points, scored by a person);
 *  - grade (not solution): an autograder test cell, worth `points` when it runs without error;
 *  - locked: read-only for students, restored from the source at grading;
 *  - task: a manually graded task (markdown), worth `points`.
 */
import { createHash } from "crypto";
import { joinSource, type Cell, type Notebook } from "../notebook";
import { pyFloat } from "../../src/testing/pyrepr";

export interface NbgraderMeta {
  grade?: boolean;
  solution?: boolean;
  locked?: boolean;
  task?: boolean;
  grade_id?: string;
  points?: number;
  schema_version?: number;
  checksum?: string;
  [key: string]: unknown;
}

export class AssignmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AssignmentError";
  }
}

export function nbgraderMeta(cell: Cell): NbgraderMeta | null {
  const meta = cell.metadata?.nbgrader;
  return meta !== null && typeof meta === "object" && !Array.isArray(meta) ? (meta as NbgraderMeta) : null;
}

export const isSolution = (cell: Cell) => nbgraderMeta(cell)?.solution === true;
export const isGrade = (cell: Cell) => nbgraderMeta(cell)?.grade === true;
/** nbgrader's is_locked: an answer never is, a grade cell always is, any other cell by its flag. */
export const isLocked = (cell: Cell) => !isSolution(cell) && (isGrade(cell) || nbgraderMeta(cell)?.locked === true);
export const isTask = (cell: Cell) => nbgraderMeta(cell)?.task === true;
/** An autograder test: graded, not an answer. Worth its points when it runs without error. */
export const isTest = (cell: Cell) => isGrade(cell) && !isSolution(cell);

/** How a cell is named in messages: its position (1-based, as a notebook shows it) and grade_id. */
export function cellLabel(cell: Cell, index: number): string {
  const id = nbgraderMeta(cell)?.grade_id;
  return `cell ${index + 1}${id ? ` (grade_id ${JSON.stringify(id)})` : ""}`;
}

/**
 * nbgrader's `compute_checksum`: the MD5 of, concatenated as UTF-8, the cell's source, its type,
 * Python's str() of whether it is a grade, solution and locked cell ("True"/"False"), its grade_id,
 * and for a grade cell str(float(points)) ("2.0"). A student who edits a locked cell's source (or
 * its flags or points) changes the checksum.
 */
export function computeChecksum(cell: Cell): string {
  const meta = nbgraderMeta(cell) ?? {};
  const hash = createHash("md5");
  const py = (flag: boolean) => (flag ? "True" : "False");
  hash.update(joinSource(cell.source), "utf8");
  hash.update(cell.cell_type, "utf8");
  hash.update(py(isGrade(cell)));
  hash.update(py(isSolution(cell)));
  hash.update(py(isLocked(cell)));
  hash.update(String(meta.grade_id ?? ""), "utf8");
  if (isGrade(cell)) hash.update(pyFloat(Number(meta.points ?? 0)));
  return hash.digest("hex");
}

/**
 * Checks what nbgrader's validation checks, naming the cell: every nbgrader cell has a grade_id,
 * ids are unique and valid, points only on grade or task cells and never negative.
 */
export function validateMetadata(nb: Notebook, notebookName: string): void {
  const seen = new Map<string, number>();
  nb.cells.forEach((cell, index) => {
    const meta = nbgraderMeta(cell);
    if (!meta) return;
    const where = `${notebookName}: ${cellLabel(cell, index)}`;
    const flagged = meta.grade === true || meta.solution === true || meta.locked === true || meta.task === true;
    if (meta.schema_version !== undefined && meta.schema_version !== 3) {
      throw new AssignmentError(`${where}: nbgrader schema_version ${String(meta.schema_version)} is not supported (3 is)`);
    }
    if (!flagged) return;
    const id = meta.grade_id;
    if (typeof id !== "string" || id === "") {
      throw new AssignmentError(`${where}: an nbgrader cell needs a grade_id`);
    }
    if (!/^[a-zA-Z0-9_\-]+$/.test(id)) {
      throw new AssignmentError(`${where}: grade_id ${JSON.stringify(id)} may only contain letters, digits, '_' and '-'`);
    }
    const previous = seen.get(id);
    if (previous !== undefined) {
      throw new AssignmentError(`${where}: duplicate grade_id ${JSON.stringify(id)} (also cell ${previous + 1})`);
    }
    seen.set(id, index);
    const graded = meta.grade === true || meta.task === true;
    if (meta.points !== undefined && !graded) {
      throw new AssignmentError(`${where}: has points but is not a grade or task cell`);
    }
    if (graded && (typeof meta.points !== "number" || !Number.isFinite(meta.points) || meta.points < 0)) {
      throw new AssignmentError(`${where}: a grade or task cell needs non-negative points, got ${JSON.stringify(meta.points)}`);
    }
    if (meta.task === true && (meta.grade === true || meta.solution === true)) {
      throw new AssignmentError(`${where}: a task cell cannot also be a grade or solution cell`);
    }
    if (meta.task === true && cell.cell_type !== "markdown") {
      throw new AssignmentError(`${where}: a task cell must be a markdown cell`);
    }
  });
}
