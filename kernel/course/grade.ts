/**
 * `torchlab grade SUBMISSIONS... --source SOURCE.ipynb --out DIR`: nbgrader's autograde for
 * torchlab notebooks, with each submission in a sandboxed kernel of its own (kernel/course/sandbox.ts).
 *
 * The notebook that runs is rebuilt from the source, never trusted from the submission: answer
 * cells (solution) come from the student, matched by grade_id; test and locked cells come from the
 * source with their hidden tests (a student's edit is reported, not run); a graded cell the student
 * deleted is put back. Every cell runs, in order, after an error too (as nbgrader's autograde does);
 * a test cell earns its points when it runs without error.
 *
 * Limits: a cell that outlives --cell-timeout is interrupted (and the kernel killed if it does not
 * stop), the kernel is killed at --timeout for the whole notebook, and at --memory MB of resident
 * memory (V8's heap is capped at the same figure). A dead kernel leaves the points already earned
 * and a reason; the grader itself never waits on a submission without a deadline.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { KernelClient } from "../client";
import { renderHtml } from "../html";
import { joinSource, normalizeNotebook, OutputCollector, splitLines, storedOutputs, type Cell, type Notebook, type Output } from "../notebook";
import { readNotebook, releaseNotebook, withoutHiddenTests } from "./assign";
import { AssignmentError, computeChecksum, isGrade, isLocked, isSolution, isTask, isTest, nbgraderMeta } from "./nbgrader";
import { sandboxEnv, sandboxNodeArgs } from "./sandbox";

export interface GradeOptions {
  source: string;
  out: string;
  jobs: number;
  /** Seconds one cell may run. */
  cellTimeout: number;
  /** Seconds a whole notebook may run, kernel start included. */
  timeout: number;
  /** Resident memory limit of a kernel, MB. */
  memoryMb: number;
  seed: number;
  progress?: (line: string) => void;
}

export type CellStatus = "ok" | "error" | "timeout" | "not run" | "manual";

export interface CellResult {
  grade_id: string;
  kind: "test" | "manual";
  points: number;
  max_points: number;
  status: CellStatus;
  /** The student changed this locked cell; the source's version ran instead. */
  changed?: boolean;
  /** The student's notebook lacked this cell; the source's version ran. */
  missing?: boolean;
  error?: { ename: string; evalue: string; traceback: string[] };
}

export interface SubmissionResult {
  student: string;
  assignment: string;
  file: string;
  score: number;
  max_score: number;
  /** Why grading stopped early (dead kernel, notebook timeout, unreadable notebook), or null. */
  failure: string | null;
  /** Locked cells the student changed (restored from the source). */
  changed_cells: string[];
  cells: CellResult[];
  /** Errors of cells that carry no points (answers, setup), which often explain the lost ones. */
  other_errors: { cell: number; grade_id: string | null; ename: string; evalue: string }[];
  duration_s: number;
}

/** The student a submission belongs to: `submitted/STUDENT/ASSIGNMENT.ipynb`, or `STUDENT.ipynb`. */
export function studentName(file: string, assignment: string): string {
  const base = path.basename(file, ".ipynb");
  return base === assignment ? path.basename(path.dirname(path.resolve(file))) : base;
}

/** The submissions named: notebooks, or folders holding STUDENT/ASSIGNMENT.ipynb or *.ipynb. */
export function findSubmissions(targets: string[], assignment: string): string[] {
  const files: string[] = [];
  for (const target of targets) {
    if (!fs.statSync(target).isDirectory()) {
      files.push(path.resolve(target));
      continue;
    }
    for (const entry of fs.readdirSync(target, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.resolve(target, entry.name);
      if (entry.isDirectory() && fs.existsSync(path.join(full, `${assignment}.ipynb`))) files.push(path.join(full, `${assignment}.ipynb`));
      else if (entry.isFile() && entry.name.endsWith(".ipynb") && !entry.name.startsWith(".")) files.push(full);
    }
  }
  return files;
}

interface PlannedCell {
  cell: Cell;
  /** The source cell this one stands for, when it carries a grade_id. */
  gradeId?: string;
  changed?: boolean;
  missing?: boolean;
}

/**
 * The notebook to run: the student's cells in their order, where every source cell with a
 * grade_id is the source's (with hidden tests) except answers, which are the student's.
 */
export function planNotebook(source: Notebook, release: Notebook, submission: Notebook): PlannedCell[] {
  const sourceById = new Map<string, { cell: Cell; released: Cell; index: number }>();
  source.cells.forEach((cell, index) => {
    const id = nbgraderMeta(cell)?.grade_id;
    if (id && (isGrade(cell) || isSolution(cell) || isLocked(cell) || isTask(cell))) sourceById.set(id, { cell, released: release.cells[index], index });
  });
  const planned: PlannedCell[] = [];
  const used = new Set<string>();
  for (const cell of submission.cells) {
    const id = nbgraderMeta(cell)?.grade_id;
    const match = id !== undefined && !used.has(id) ? sourceById.get(id) : undefined;
    if (!match || !id) {
      // A cell of the student's own (or an unmarked one): kept as written, without any grading role.
      const { nbgrader: _dropped, ...metadata } = cell.metadata ?? {};
      planned.push({ cell: { ...cell, metadata } });
      continue;
    }
    used.add(id);
    if (isSolution(match.cell)) {
      planned.push({ cell: { ...cell, cell_type: match.cell.cell_type, metadata: match.cell.metadata }, gradeId: id });
    } else {
      const student = { ...cell, metadata: { ...cell.metadata, nbgrader: { ...nbgraderMeta(cell), ...pick(nbgraderMeta(match.released)) } } };
      const changed =
        joinSource(cell.source) !== joinSource(match.released.source) || computeChecksum(student) !== nbgraderMeta(match.released)?.checksum;
      // A copy: the run writes outputs into it, and submissions are graded in parallel from one source.
      planned.push({ cell: { ...match.cell }, gradeId: id, changed: changed && isLocked(match.cell) ? true : undefined });
    }
  }
  // Graded cells the student deleted go back after the nearest preceding source cell that is present.
  for (const [id, { cell, released, index }] of sourceById) {
    if (used.has(id)) continue;
    let at = 0;
    for (let i = index - 1; i >= 0; i--) {
      const prev = nbgraderMeta(source.cells[i])?.grade_id;
      const pos = prev ? planned.findIndex((p) => p.gradeId === prev) : -1;
      if (pos >= 0) {
        at = pos + 1;
        break;
      }
    }
    planned.splice(at, 0, { cell: { ...(isSolution(cell) ? released : cell) }, gradeId: id, missing: true });
  }
  return planned;
}

/** Keeps the student's flags out of the checksum comparison only where they are the source's. */
function pick(meta: ReturnType<typeof nbgraderMeta>): Record<string, unknown> {
  if (!meta) return {};
  const { checksum: _c, ...rest } = meta;
  return rest;
}

function resultsSkeleton(plan: PlannedCell[]): Map<PlannedCell, CellResult> {
  const results = new Map<PlannedCell, CellResult>();
  for (const p of plan) {
    if (!p.gradeId || !(isGrade(p.cell) || isTask(p.cell))) continue;
    const points = Number(nbgraderMeta(p.cell)?.points ?? 0);
    const manual = !isTest(p.cell);
    results.set(p, {
      grade_id: p.gradeId,
      kind: manual ? "manual" : "test",
      points: 0,
      max_points: points,
      status: manual ? "manual" : "not run",
      ...(p.changed ? { changed: true } : {}),
      ...(p.missing ? { missing: true } : {}),
    });
  }
  return results;
}

/** Resident memory of a process in MB, from /proc (Linux); null where that is not readable. */
function residentMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Grace after a cell's timeout (the interrupt) before the kernel is killed. */
const KILL_GRACE_MS = 3000;

async function gradeOne(file: string, source: Notebook, release: Notebook, assignment: string, options: GradeOptions, log: (line: string) => void): Promise<{ result: SubmissionResult; executed: Notebook }> {
  const student = studentName(file, assignment);
  const started = Date.now();
  const base = { student, assignment, file, changed_cells: [] as string[] };
  let submission: Notebook;
  try {
    submission = normalizeNotebook(readNotebook(file));
  } catch (error) {
    // Unreadable: every test cell scores 0, the reason says why.
    const plan = planNotebook(source, release, { ...release, cells: [] });
    const cells = [...resultsSkeleton(plan).values()];
    const failure = `unreadable submission: ${error instanceof Error ? error.message : String(error)}`;
    log(`${student}: ${failure}`);
    const max = cells.reduce((s, c) => s + c.max_points, 0);
    return { result: { ...base, score: 0, max_score: max, failure, cells, other_errors: [], duration_s: 0 }, executed: { ...release } };
  }
  const plan = planNotebook(source, release, submission);
  const results = resultsSkeleton(plan);
  const changed = plan.filter((p) => p.changed).map((p) => p.gradeId!);
  if (changed.length) log(`${student}: locked cells changed by the student (the source's version runs): ${changed.join(", ")}`);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-grade-"));
  const sandbox = { scratch, heapMb: options.memoryMb, seed: options.seed };
  let failure: string | null = null;
  const otherErrors: SubmissionResult["other_errors"] = [];
  let killReason: string | null = null;
  let kernel: KernelClient | null = null;
  const deadline = started + options.timeout * 1000;
  const notebookTimer = setTimeout(() => {
    killReason = `the notebook exceeded its time limit of ${options.timeout}s`;
    kernel?.child.kill("SIGKILL");
  }, options.timeout * 1000);
  let memoryWatch: NodeJS.Timeout | undefined;
  let peakMb = 0;
  try {
    const startLimit = Math.max(1000, deadline - Date.now());
    kernel = await KernelClient.start(scratch, sandboxEnv(sandbox), startLimit, (connectionFile) => sandboxNodeArgs(sandbox, connectionFile));
    const pid = kernel.child.pid!;
    memoryWatch = setInterval(() => {
      const rss = residentMb(pid);
      if (rss === null) return;
      peakMb = Math.max(peakMb, rss);
      if (rss > options.memoryMb && !killReason) {
        killReason = `the kernel exceeded its memory limit of ${options.memoryMb} MB (resident ${Math.round(rss)} MB)`;
        kernel?.child.kill("SIGKILL");
      }
    }, 100);
    const codeCells = plan.filter((p) => p.cell.cell_type === "code").length;
    let n = 0;
    for (const p of plan) {
      const cell = p.cell;
      if (cell.cell_type !== "code") continue;
      n += 1;
      const result = results.get(p);
      const collector = new OutputCollector(new Map());
      cell.outputs = collector.outputs;
      if (failure !== null) continue;
      const code = joinSource(cell.source);
      if (code.trim() === "") {
        if (result && result.kind === "test") Object.assign(result, { status: "ok", points: result.max_points });
        continue;
      }
      const remaining = deadline - Date.now();
      const limitMs = Math.min(options.cellTimeout * 1000, Math.max(1, remaining));
      const killer = setTimeout(() => {
        if (!killReason) killReason = `cell ${n} did not stop within ${KILL_GRACE_MS / 1000}s of being interrupted at its ${options.cellTimeout}s limit`;
        kernel?.child.kill("SIGKILL");
      }, limitMs + KILL_GRACE_MS);
      const t0 = Date.now();
      const { content, timedOut } = await kernel.execute(code, limitMs, { onOutput: (type, c) => collector.add(type, c) });
      clearTimeout(killer);
      cell.execution_count = typeof content.execution_count === "number" ? content.execution_count : null;
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      const label = `${student}: cell ${n}/${codeCells}${p.gradeId ? ` (${p.gradeId})` : ""}`;
      // The process's own status, not the error's name, which a submission could throw itself.
      const dead = kernel.child.exitCode !== null || kernel.child.signalCode !== null;
      if (dead) {
        failure = deathReason(kernel, killReason, options);
        const error = { ename: "DeadKernelError", evalue: failure, traceback: [failure] };
        collector.add("error", error);
        if (result && result.kind === "test") Object.assign(result, { status: timedOut ? "timeout" : "error", error });
        else otherErrors.push({ cell: n, grade_id: p.gradeId ?? null, ename: error.ename, evalue: error.evalue });
        log(`${label} killed the kernel: ${failure}`);
        continue;
      }
      if (content.status === "ok" && !timedOut) {
        if (result && result.kind === "test") Object.assign(result, { status: "ok", points: result.max_points });
        log(`${label} ok (${seconds}s)`);
        continue;
      }
      const error = timedOut
        ? { ename: "CellTimeoutError", evalue: `the cell exceeded its time limit of ${options.cellTimeout}s and was interrupted`, traceback: [] as string[] }
        : { ename: String(content.ename), evalue: String(content.evalue), traceback: ((content.traceback as string[]) ?? []).map(String) };
      if (timedOut) error.traceback = [`${error.ename}: ${error.evalue}`];
      if (timedOut && !collector.outputs.some((o) => o.output_type === "error")) collector.add("error", error);
      if (result && result.kind === "test") Object.assign(result, { status: timedOut ? "timeout" : "error", error });
      else otherErrors.push({ cell: n, grade_id: p.gradeId ?? null, ename: error.ename, evalue: error.evalue });
      log(`${label} ${timedOut ? "timed out" : `failed: ${error.ename}: ${error.evalue.split("\n")[0]}`} (${seconds}s)`);
    }
  } catch (error) {
    failure = killReason ?? `the kernel could not start: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
    log(`${student}: ${failure}`);
  } finally {
    clearTimeout(notebookTimer);
    clearInterval(memoryWatch);
    await kernel?.shutdown().catch(() => undefined);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const cells = [...results.values()];
  for (const c of cells) {
    if (c.status === "not run" && failure) c.error = { ename: "NotRun", evalue: `not run: ${failure}`, traceback: [] };
  }
  const score = cells.reduce((s, c) => s + c.points, 0);
  const max = cells.reduce((s, c) => s + c.max_points, 0);
  const duration = Math.round((Date.now() - started) / 100) / 10;
  log(`${student}: ${score} / ${max}${failure ? ` (${failure})` : ""} in ${duration}s`);
  const executed = feedbackNotebook(source, plan, results, { student, score, max, failure, peakMb });
  return { result: { ...base, changed_cells: changed, score, max_score: max, failure, cells, other_errors: otherErrors, duration_s: duration }, executed };
}

function deathReason(kernel: KernelClient, killReason: string | null, options: GradeOptions): string {
  if (killReason) return killReason;
  const { exitCode, signalCode } = kernel.child;
  if (/heap out of memory|Reached heap limit/.test(kernel.kernelLog)) {
    return `the kernel ran out of memory (JavaScript heap limit ${options.memoryMb} MB)`;
  }
  if (signalCode) return `the kernel crashed (signal ${signalCode})`;
  if (exitCode !== null) return `the notebook ended the kernel process (process.exit, exit code ${exitCode})`;
  return "the kernel stopped answering";
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The executed notebook with a score under each graded cell and a summary at the top. */
function feedbackNotebook(
  source: Notebook,
  plan: PlannedCell[],
  results: Map<PlannedCell, CellResult>,
  summary: { student: string; score: number; max: number; failure: string | null; peakMb: number },
): Notebook {
  const cells: Cell[] = plan.map((p) => {
    const cell: Cell = { ...p.cell, metadata: { ...p.cell.metadata } };
    if (cell.cell_type === "code") cell.outputs = storedOutputs(cell.outputs ?? []);
    const result = results.get(p);
    if (result) {
      const notes = [
        result.kind === "manual" ? "to be graded by hand" : result.status,
        result.changed ? "you changed this locked cell; the original ran" : "",
        result.missing ? "this cell was missing from your notebook; the original ran" : "",
      ].filter(Boolean);
      const badge: Output = {
        output_type: "display_data",
        data: {
          "text/html": `<div class="score"><b>Score: ${result.points} / ${result.max_points}</b> (${escapeHtml(result.grade_id)}: ${escapeHtml(notes.join("; "))})</div>`,
          "text/plain": `Score: ${result.points} / ${result.max_points} (${result.grade_id}: ${notes.join("; ")})`,
        },
        metadata: {},
      };
      if (cell.cell_type === "code") cell.outputs = [badge, ...(cell.outputs ?? [])];
      else cell.source = `${joinSource(cell.source)}\n\n**Score: ${result.points} / ${result.max_points}** (${notes.join("; ")})`;
    }
    // The feedback shows what students saw of a test, never the hidden tests that ran.
    if (p.gradeId && isTest(p.cell)) cell.source = splitLines(withoutHiddenTests(p.cell, p.gradeId));
    return cell;
  });
  const head: Cell = {
    id: "torchlab-grade-summary",
    cell_type: "markdown",
    metadata: {},
    source: `# Feedback for ${summary.student}\n\n**Total: ${summary.score} / ${summary.max}**` + (summary.failure ? `\n\nGrading stopped early: ${summary.failure}.` : ""),
  };
  return { ...source, metadata: { ...source.metadata, torchlab: { graded_at: new Date().toISOString(), peak_resident_mb: Math.round(summary.peakMb) } }, cells: [head, ...cells] };
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** grades.csv: one row per submission, a score and a max column per grade_id, then the totals. */
export function gradesCsv(source: Notebook, results: SubmissionResult[]): string {
  const ids = source.cells.filter((c) => isGrade(c) || isTask(c)).map((c) => nbgraderMeta(c)!.grade_id!);
  const header = ["student", "assignment", ...ids.flatMap((id) => [id, `${id}_max`]), "total", "max_total"];
  const rows = results.map((r) => {
    const byId = new Map(r.cells.map((c) => [c.grade_id, c]));
    return [r.student, r.assignment, ...ids.flatMap((id) => [byId.get(id)?.points ?? 0, byId.get(id)?.max_points ?? 0]), r.score, r.max_score];
  });
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\n") + "\n";
}

async function pool<T, R>(items: T[], jobs: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  });
  await Promise.all(workers);
  return results;
}

/** The paths a kernel may read, refusing to grade when course files lie among them. */
function checkLayout(paths: string[], readable: string[]): void {
  for (const p of paths) {
    const full = path.resolve(p);
    const inside = readable.find((r) => full === r || full.startsWith(r + path.sep));
    if (inside) throw new AssignmentError(`${p} lies inside ${inside}, which graded kernels may read; move it elsewhere`);
  }
}

export async function gradeSubmissions(targets: string[], options: GradeOptions): Promise<SubmissionResult[]> {
  const log = options.progress ?? ((line: string) => process.stderr.write(line + "\n"));
  const assignment = path.basename(options.source, ".ipynb");
  const source = normalizeNotebook(readNotebook(options.source));
  const release = releaseNotebook(source, path.basename(options.source));
  const files = findSubmissions(targets, assignment);
  if (files.length === 0) throw new AssignmentError(`no submissions of ${assignment} found in ${targets.join(", ")}`);
  const { kernelReadPaths } = await import("./sandbox");
  checkLayout([options.source, options.out, ...files], kernelReadPaths());
  const students = files.map((f) => studentName(f, assignment));
  const duplicate = students.find((s, i) => students.indexOf(s) !== i);
  if (duplicate) throw new AssignmentError(`two submissions belong to ${duplicate}: ${files.filter((_, i) => students[i] === duplicate).join(", ")}`);
  const out = path.resolve(options.out);
  fs.mkdirSync(path.join(out, "feedback"), { recursive: true });
  log(`grading ${files.length} submissions of ${assignment} with ${options.jobs} jobs`);
  let done = 0;
  const graded = await pool(files, options.jobs, async (file) => {
    const one = await gradeOne(file, source, release, assignment, options, log);
    done += 1;
    log(`[${done}/${files.length}] ${one.result.student}: ${one.result.score} / ${one.result.max_score}`);
    fs.writeFileSync(path.join(out, "feedback", `${one.result.student}.html`), renderHtml(one.executed, `${assignment}: ${one.result.student}`));
    return one.result;
  });
  fs.writeFileSync(path.join(out, "grades.csv"), gradesCsv(source, graded));
  fs.writeFileSync(path.join(out, "grades.json"), JSON.stringify({ assignment, graded_at: new Date().toISOString(), submissions: graded }, null, 1) + "\n");
  log(`wrote ${path.join(out, "grades.csv")}, grades.json and feedback/`);
  return graded;
}
