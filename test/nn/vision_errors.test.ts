/** Every error path of the vision layers raises PyTorch's exception type and message. */
import { torch } from "../../src";
import { evalTs, loadVision } from "./vision_helpers";

interface ErrorCase {
  name: string;
  py: string;
  ts: string;
  type: string;
  message: string;
}

/** Python prints sets in hash order, which changes run to run: compare their members sorted. */
function normaliseSets(msg: string): string {
  return msg.replace(/\{('[^']*'(?:, '[^']*')*)\}/g, (_m, body: string) => `{${body.split(", ").sort().join(", ")}}`);
}

const TYPES: Record<string, new (...a: never[]) => Error> = {
  RuntimeError: torch.RuntimeError,
  ValueError: torch.ValueError,
  TypeError: torch.TypeError,
  IndexError: torch.IndexError,
  NotImplementedError: torch.NotImplementedError,
};

describe("vision errors match PyTorch", () => {
  for (const c of loadVision<{ errors: ErrorCase[] }>("errors").errors) {
    test(`${c.name}: ${c.type}`, () => {
      let err: unknown = null;
      try {
        evalTs(c.ts, {});
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TYPES[c.type]);
      expect(normaliseSets((err as Error).message)).toBe(normaliseSets(c.message));
    });
  }
});
