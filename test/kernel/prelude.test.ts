/** The prelude compiles as one cell; when that fails, cell by cell, so the message names the broken part. */
import { mergedPrelude, preludeCells, runPrelude } from "../../kernel/prelude";
import type { Outcome, Session } from "../../kernel/session";

/** A session that fails every cell containing `broken`, and records what it ran. */
function fakeSession(broken: string) {
  const ran: string[] = [];
  let yields = false;
  let exposed = 0;
  const session = {
    execute: async (code: string): Promise<Outcome> => {
      ran.push(code);
      if (code.includes(broken)) return { status: "error", ename: "Error", evalue: `cannot load ${broken}`, traceback: [] };
      return code === "torch.backend()" || code.endsWith("\ntorch.backend()") ? { status: "ok", hasValue: true, value: "cpu" } : { status: "ok", hasValue: false };
    },
    enableLoopYields: () => (yields = true),
    exposeMainNamespace: () => exposed++,
  };
  return { session: session as unknown as Session, ran, yields: () => yields, exposed: () => exposed };
}

test("a working prelude is one compile, with the backend as its value and loops yielding afterwards", async () => {
  const { session, ran, yields, exposed } = fakeSession("no such thing");
  const result = await runPrelude(session, {});
  expect(result).toEqual({ ok: true, summary: "backend: cpu", backend: "cpu" });
  expect(ran).toEqual([mergedPrelude({})]);
  expect(yields()).toBe(true);
  // torch.load then finds the notebook's classes as PyTorch finds them in __main__.
  expect(exposed()).toBe(1);
  // One cell cannot declare `display` twice: the bare emitter only lends `clear_output`.
  expect(ran[0].match(/import \{[^}]*\bdisplay\b/g)).toHaveLength(1);
});

test("a broken part is named, and every other part still runs", async () => {
  const { session, ran, yields, exposed } = fakeSession("torchlab/dist/src/optim");
  const result = await runPrelude(session, { TORCHLAB_SEED: "7" });
  expect(result.ok).toBe(false);
  expect(result.summary).toMatch(/import \* as optim from "torchlab\/dist\/src\/optim"; -> Error: cannot load torchlab\/dist\/src\/optim/);
  expect(result.backend).toBe("cpu");
  for (const cell of preludeCells({ TORCHLAB_SEED: "7" })) expect(ran).toContain(cell);
  expect(ran).toContain("torch.manual_seed(7);");
  expect(yields()).toBe(true);
  expect(exposed()).toBe(1);
});
