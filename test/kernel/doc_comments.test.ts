/**
 * Declarations read without their documentation comments until the first inspection
 * (kernel/doc_comments.ts, issue 12's start target): every position and every node but the JSDoc
 * ones is the same as in the file read whole, `@deprecated` comments are kept, and a session checks
 * and completes cells alike before and after it has read the documentation for a hover.
 */
import * as fs from "fs";
import * as path from "path";
import { withoutDocComments } from "../../kernel/doc_comments";
import { tslabTypeScript } from "../../kernel/resolve";
import { run, tempDir } from "./helpers";

const ROOT = path.resolve(__dirname, "..", "..");

describe("withoutDocComments", () => {
  test("turns `/**` into `/* ` and keeps every other character where it was", () => {
    const text = "/** A doc. */\nexport declare function f(): void;\n/**\n * More.\n */ let x: 1;";
    const out = withoutDocComments(text);
    expect(out).toBe("/*  A doc. */\nexport declare function f(): void;\n/* \n * More.\n */ let x: 1;");
    expect(out.length).toBe(text.length);
  });

  test("keeps the comments that say `@deprecated`, plain comments, `/**/` and text without comments", () => {
    const deprecated = "/**\n * @deprecated use g\n */\ndeclare function f(): void;";
    expect(withoutDocComments(deprecated)).toBe(deprecated);
    const plain = "/* not a doc */ /**/ // /** not one either\ndeclare const a: 1;";
    expect(withoutDocComments(plain)).toBe(plain);
    expect(withoutDocComments("declare const a: 1;")).toBe("declare const a: 1;");
    // Only the comment that holds the tag is kept: a later one is still turned.
    expect(withoutDocComments("/** @deprecated */ let a: 1; /** doc */ let b: 2;")).toBe("/** @deprecated */ let a: 1; /*  doc */ let b: 2;");
  });

  test("leaves `/**` alone inside string literals and template literal types, nested substitutions included", () => {
    const strings = `type Glob = "/**/*.js" | '/** x */' | "a\\"/**";\n/** doc */ let a: Glob;`;
    expect(withoutDocComments(strings)).toBe(`type Glob = "/**/*.js" | '/** x */' | "a\\"/**";\n/*  doc */ let a: Glob;`);
    const template = "type T<A extends string> = `/**${A extends `x${infer B}/**` ? { k: `${B}` } : never}/**`;\n/** doc */ let t: T<'x'>;";
    expect(withoutDocComments(template)).toBe(template.replace("/** doc", "/*  doc"));
  });

  test("returns the text as it is when a template literal does not end", () => {
    const broken = "/** doc */ type T = `abc ${string";
    expect(withoutDocComments(broken)).toBe(broken);
  });
});

/** The declaration files of tslab's @types/node, TypeScript's libraries and torchlab's own. */
function declarationFiles(): string[] {
  const ts = path.dirname(require.resolve("@tslab/typescript-for-tslab", { paths: [path.dirname(require.resolve("tslab"))] }));
  const nodeTypes = path.join(path.dirname(require.resolve("tslab/package.json")), "node_modules", "@types", "node");
  const walk = (dir: string): string[] =>
    (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".d.ts")).map((f) => path.join(dir, f));
  return [
    ...walk(nodeTypes),
    ...fs.readdirSync(ts).filter((f) => /^lib\..*\.d\.ts$/.test(f)).map((f) => path.join(ts, f)),
    ...walk(path.join(ROOT, "dist", "src")),
  ];
}

test("each declaration file parses to the same nodes (kinds, positions, flags) with and without its documentation comments", () => {
  const ts = tslabTypeScript();
  const files = declarationFiles();
  expect(files.length).toBeGreaterThan(200);
  let turned = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    const bare = withoutDocComments(text);
    expect(bare.length).toBe(text.length);
    if (bare === text) continue;
    turned++;
    const whole = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022);
    const without = ts.createSourceFile(file, bare, ts.ScriptTarget.ES2022);
    const shape = (root: import("typescript").Node) => {
      const nodes: number[] = [];
      const visit = (node: import("typescript").Node) => {
        nodes.push(node.kind, node.pos, node.end, node.flags);
        ts.forEachChild(node, visit);
      };
      visit(root);
      return nodes;
    };
    const a = shape(whole);
    const b = shape(without);
    if (a.length !== b.length || a.some((v, i) => v !== b[i])) throw new Error(`${file} parses differently without its documentation comments`);
    const errors = (f: import("typescript").SourceFile) => (f as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length;
    expect(errors(without)).toBe(errors(whole));
  }
  expect(turned).toBeGreaterThan(200);
}, 300000);

/**
 * A session of the built kernel in a process of its own: the prelude, completions and cells before
 * any inspection, two hovers, then the same completions and a cell again.
 */
async function sessionAroundInspection() {
  const script = `
    const { Session } = require(${JSON.stringify(path.join(ROOT, "dist", "kernel", "session.js"))});
    const { runPrelude } = require(${JSON.stringify(path.join(ROOT, "dist", "kernel", "prelude.js"))});
    const completions = (session) => [
      session.complete("torch.on", 8).matches,
      session.complete("new nn.Conv", 11).matches,
      // Buffer's deprecated constructor signatures rank as before: their comments are kept.
      session.complete("Buffer.", 7).matches,
      session.complete("process.std", 11).matches,
    ];
    (async () => {
      const session = new Session(process.cwd());
      const prelude = await runPrelude(session);
      const before = completions(session);
      const wrong = await session.execute("const wrongLayer: string = new nn.Conv2d(1, 3, 3);");
      const buffer = await session.execute("const buf = Buffer.from('ab'); buf.length");
      const hovers = [session.inspect("new nn.Conv2d(1, 3, 3)", 10), session.inspect("setTimeout", 3)];
      const after = completions(session);
      // A new name of the same length: the same error at the same place.
      const wrongAgain = await session.execute("const wrongLayeR: string = new nn.Conv2d(1, 3, 3);");
      process.stdout.write(JSON.stringify({ prelude, before, wrong, buffer, hovers, after, wrongAgain }));
      process.exit(0);
    })();`;
  const done = await run(process.execPath, ["-e", script], { cwd: tempDir("torchlab-docs-") });
  if (done.status !== 0) throw new Error(done.stderr);
  return JSON.parse(done.stdout) as {
    prelude: { ok: boolean };
    before: string[][];
    after: string[][];
    wrong: { status: string; evalue?: string };
    wrongAgain: unknown;
    buffer: unknown;
    hovers: (string | null)[];
  };
}

test("a session completes and checks cells alike before and after its first inspection, whose hover shows the documentation", async () => {
  const s = await sessionAroundInspection();
  expect(s.prelude.ok).toBe(true);
  expect(s.before[0]).toContain("ones");
  expect(s.before[3]).toEqual(expect.arrayContaining(["stdout", "stderr", "stdin"]));
  expect(s.wrong).toMatchObject({ status: "error", evalue: expect.stringMatching(/Type 'Conv2d' is not assignable to type 'string'/) });
  expect(s.buffer).toMatchObject({ status: "ok", value: 2 });
  // The class's JSDoc example and Node's documentation, which only the files read whole hold.
  expect(s.hovers[0]).toContain("kernel_size=(3, 3)");
  expect(s.hovers[1]).toMatch(/Schedules execution of a one-time/);
  expect(s.after).toEqual(s.before);
  expect(s.wrongAgain).toEqual(s.wrong);
}, 300000);
