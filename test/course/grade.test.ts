/**
 * The sample assignment end to end: source -> release (`torchlab assign`) -> grading of the sample
 * submissions in sandboxed kernels (`torchlab grade`), with the exact points of each, and hostile
 * submissions that loop forever, crash the kernel, call process.exit, exhaust memory, read other
 * submissions and the hidden tests, write into the grade folder and edit a locked test.
 *
 * Needs the built kernel (dist/), as `npm test` makes it. Two to five minutes on two shared cores
 * (123 s measured at a moderate load, 289 s at a load average near 40): seven kernels, two at a
 * time, one of them spinning in its infinite loop until the cell limit.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { assignNotebooks } from "../../kernel/course/assign";
import { gradeSubmissions, type SubmissionResult } from "../../kernel/course/grade";

const COURSE = path.join(__dirname, "..", "..", "examples", "course");
const SOURCE = path.join(COURSE, "source", "conv2d.ipynb");
// The hostile submission "carol" tries to overwrite grades.csv here: the grades must go where it aims.
const OUT = "/tmp/torchlab-course-grades";

const scratchDirs = () => new Set(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith("torchlab-grade-")));

let results: SubmissionResult[];
const progress: string[] = [];
let before: Set<string>;

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  before = scratchDirs();
  const started = Date.now();
  results = await gradeSubmissions([path.join(COURSE, "submissions")], {
    source: SOURCE,
    out: OUT,
    jobs: 2,
    // Generous for the loaded machines tests share, yet no longer than that: dave's infinite loop spins
    // a core until it (a busy loop, which no event can end sooner), so each second here is a second of
    // the suite and of CPU taken from the suite beside it in CI. The honest cells take ~1-4 s; the
    // slowest seen was 11.9 s (carol's first function, at a load of 10-17 on two cores). At a load near
    // 40 they took over 20 s: 30 s was chosen there, and a machine that loaded is outside what this allows.
    cellTimeout: 20,
    timeout: 300,
    memoryMb: 1024,
    seed: 0,
    progress: (line) => progress.push(line),
  });
  process.stderr.write(`graded ${results.length} submissions in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}, 900_000);

const byStudent = (name: string) => results.find((r) => r.student === name)!;
const cell = (name: string, id: string) => byStudent(name).cells.find((c) => c.grade_id === id)!;

test("the release made by assign is the committed one", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-release-"));
  try {
    const [file] = assignNotebooks([SOURCE], dir, () => undefined);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(JSON.parse(fs.readFileSync(path.join(COURSE, "release", "conv2d.ipynb"), "utf8")));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("grades.csv has the expected points of every submission", () => {
  expect(fs.readFileSync(path.join(OUT, "grades.csv"), "utf8")).toBe(
    [
      "student,assignment,test_conv2d_loops,test_conv2d_loops_max,test_conv2d_fast,test_conv2d_fast_max,test_train,test_train_max,total,max_total",
      "alice,conv2d,3,3,3,3,4,4,10,10", // all correct
      "bob,conv2d,3,3,0,3,0,4,3,10", // forgets the bias and optimizer.step()
      "carol,conv2d,3,3,0,3,4,4,7,10", // snoops, and edits the test of her wrong conv2d_fast
      "dave,conv2d,3,3,0,3,4,4,7,10", // infinite loop in conv2d_fast
      "erin,conv2d,3,3,0,3,0,4,3,10", // crashes the kernel after the first test
      "frank,conv2d,3,3,3,3,0,4,6,10", // process.exit in the train cell
      "mallory,conv2d,3,3,3,3,0,4,6,10", // allocates without end in the train cell
      "",
    ].join("\n"),
  );
});

test("each early end has a clear reason, and the grader went on", () => {
  expect(cell("dave", "test_conv2d_fast")).toMatchObject({ status: "timeout", error: { ename: "CellTimeoutError" } });
  expect(cell("dave", "test_train").status).toBe("ok");
  expect(byStudent("erin").failure).toMatch(/^the kernel crashed \(signal SIGABRT\)$/);
  expect(cell("erin", "test_train")).toMatchObject({ status: "not run", error: { evalue: "not run: the kernel crashed (signal SIGABRT)" } });
  expect(byStudent("frank").other_errors).toContainEqual(expect.objectContaining({ grade_id: "train", ename: "SystemExit" }));
  expect(byStudent("mallory").failure).toMatch(/memory limit of 1024 MB|out of memory/);
  expect(cell("bob", "test_conv2d_fast").error?.evalue).toMatch(/^Tensor-likes are not close!\n\nMismatched elements: \d+ \/ 128/);
  expect(progress.filter((line) => /^\[\d\/7\] \w+: \d+ \/ 10$/.test(line))).toHaveLength(7);
});

test("an edited locked test is reported and the source's version (with hidden tests) ran", () => {
  expect(byStudent("carol").changed_cells).toEqual(["test_conv2d_fast"]);
  expect(cell("carol", "test_conv2d_fast")).toMatchObject({ changed: true, status: "error", points: 0 });
  for (const name of ["alice", "bob", "dave", "erin", "frank", "mallory"]) expect(byStudent(name).changed_cells).toEqual([]);
});

test("the sandbox blocked every read, write and escape the hostile submission tried", () => {
  const html = fs.readFileSync(path.join(OUT, "feedback", "carol.html"), "utf8");
  const attempts = [
    "read alice's submission", "read the source with hidden tests", "list the course folder", "list the parent of my folder",
    "read /etc/passwd", "write the grade folder", "write into the course folder", "symlink to alice", "spawn a shell",
  ];
  for (const attempt of attempts) expect(html).toContain(`${attempt}: blocked (ERR_ACCESS_DENIED)`);
  // The kernel's environment holds nothing of the grader's.
  expect(html).toContain("environment: GOT [&quot;PATH&quot;,&quot;HOME&quot;,&quot;TMPDIR&quot;,&quot;LANG&quot;,&quot;TORCHLAB_SEED&quot;,&quot;TORCHLAB_KERNEL_SUPERVISED&quot;]");
  expect(fs.existsSync(path.join(COURSE, "grades.csv"))).toBe(false);
  expect(fs.readdirSync(path.join(COURSE, "submissions", "carol"))).toEqual(["conv2d.ipynb"]);
});

test("feedback: one page per student with each graded cell's score, never the hidden tests", () => {
  expect(fs.readdirSync(path.join(OUT, "feedback")).sort()).toEqual(results.map((r) => `${r.student}.html`).sort());
  const alice = fs.readFileSync(path.join(OUT, "feedback", "alice.html"), "utf8");
  expect(alice).toContain("Total: 10 / 10");
  expect(alice.match(/<b>Score: \d+ \/ \d+<\/b>/g)).toEqual(["<b>Score: 3 / 3</b>", "<b>Score: 3 / 3</b>", "<b>Score: 4 / 4</b>"]);
  // Outputs are each student's own, though the test cells come from one source graded in parallel.
  expect(alice).not.toContain('<pre class="error">');
  const bob = fs.readFileSync(path.join(OUT, "feedback", "bob.html"), "utf8");
  expect(bob).toContain("AssertionError: the loss should fall below 5% of its start");
  expect(bob.match(/<pre class="error">/g)).toHaveLength(2);
  for (const name of fs.readdirSync(path.join(OUT, "feedback"))) {
    const page = fs.readFileSync(path.join(OUT, "feedback", name), "utf8");
    expect(page).not.toContain("HIDDEN TESTS");
    expect(page).not.toContain("teacher.weight.detach()");
  }
  const json = JSON.parse(fs.readFileSync(path.join(OUT, "grades.json"), "utf8"));
  expect(json.submissions.map((s: SubmissionResult) => s.score)).toEqual([10, 3, 7, 7, 3, 6, 6]);
});

test("no scratch folder is left behind", () => {
  const after = scratchDirs();
  expect([...after].filter((d) => !before.has(d))).toEqual([]);
});
