/**
 * After the wasm runtime aborts, its heap can no longer be trusted: every op and every read (and so
 * torch.save) must raise rather than compute with, return or write what is left in memory. A real
 * abort cannot be provoked on demand, so this calls the runtime's abort hook as emscripten would.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";

test("once the wasm runtime has aborted, ops, reads and torch.save raise instead of using its memory", () => {
  if (!torch.backend().startsWith("wasm")) return;
  const t = torch.tensor([0.25, -0.5, 0.75]);
  expect(t.tolist()).toEqual([0.25, -0.5, 0.75]);
  const runtime = (tf.backend() as unknown as { wasm: { onAbort: (what: unknown) => void } }).wasm;
  runtime.onAbort("RuntimeError: Aborted(OOM)");
  expect(() => t.tolist()).toThrow(/the wasm backend aborted earlier \(RuntimeError: Aborted\(OOM\)\); its memory can no longer be trusted/);
  expect(() => t.add(1)).toThrow(torch.RuntimeError);
  expect(() => torch.ones(2)).toThrow(/aborted earlier/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-abort-")), "ckpt.mdl");
  expect(() => torch.save({ t }, file)).toThrow(/aborted earlier/);
  expect(fs.existsSync(file)).toBe(false);
});
