/**
 * Every error path of torch.nn against PyTorch 1.13 (fixtures from test/reference/gen_nn.py): the
 * same call raises, with an error of the matching type and a message that contains the fragment
 * PyTorch's message contains; load_state_dict reports PyTorch's messages and keys.
 */
import { torch } from "../../src";
import { evalTs, load } from "./_fixtures";

interface ErrorCase {
  name: string;
  py: string;
  ts: string;
  py_type: string;
  py_message: string;
  fragment: string;
}

/** PyTorch's exception classes and the torchlab error each maps to (KeyError has no twin in JS). */
const TYPES: Record<string, string[]> = {
  RuntimeError: ["RuntimeError"],
  ValueError: ["ValueError"],
  TypeError: ["TypeError"],
  IndexError: ["IndexError"],
  KeyError: ["ValueError"],
  NotImplementedError: ["NotImplementedError"],
  AssertionError: ["ValueError"],
};

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("nothing was thrown");
}

describe("errors match PyTorch", () => {
  for (const c of load<ErrorCase[]>("errors")) {
    test(`${c.name}: ${c.ts}`, () => {
      const e = thrown(() => evalTs(c.ts));
      expect(e.message).toContain(c.fragment);
      expect(TYPES[c.py_type]).toContain(e.name);
    });
  }
});

interface LoadCase {
  name: string;
  model_ts: string;
  sd_ts: string;
  strict: boolean;
  error: string | null;
  message?: string;
  missing_keys?: string[];
  unexpected_keys?: string[];
}

describe("load_state_dict matches PyTorch", () => {
  for (const c of load<LoadCase[]>("load_state_dict")) {
    test(c.name, () => {
      const model = evalTs<InstanceType<typeof torch.nn.Module>>(c.model_ts);
      const sd = evalTs<Record<string, unknown>>(c.sd_ts);
      if (c.error === null) {
        expect(model.load_state_dict(sd, { strict: c.strict })).toEqual({ missing_keys: c.missing_keys, unexpected_keys: c.unexpected_keys });
        return;
      }
      const e = thrown(() => model.load_state_dict(sd, { strict: c.strict }));
      expect(e.name).toBe(c.error);
      // Shapes print as PyTorch's torch.Size([2, 4]); type names are JavaScript's.
      const want = (c.message as string).replace("<class 'int'>", "number");
      expect(e.message).toBe(want);
    });
  }

  test("size mismatch message names both shapes", () => {
    const net = new torch.nn.Sequential(new torch.nn.Linear(4, 3));
    expect(() => net.load_state_dict(new torch.nn.Sequential(new torch.nn.Linear(4, 2)).state_dict())).toThrow(
      "size mismatch for 0.weight: copying a param with shape torch.Size([2, 4]) from checkpoint, the shape in current model is torch.Size([3, 4]).",
    );
  });

  test("values are copied into the existing parameters, which stay leaves", () => {
    const a = new torch.nn.Linear(3, 2);
    const b = new torch.nn.Linear(3, 2);
    const w = a.weight;
    a.load_state_dict(b.state_dict());
    expect(a.weight).toBe(w);
    expect(a.weight.equal(b.weight)).toBe(true);
    expect(a.weight.is_leaf && a.weight.requires_grad).toBe(true);
    // The loaded values are a copy: changing b afterwards leaves a alone.
    torch.no_grad(() => b.weight.add_(1));
    expect(a.weight.equal(b.weight)).toBe(false);
  });

  test("a Map is accepted and a non-object is a TypeError", () => {
    const a = new torch.nn.Linear(3, 2);
    expect(a.load_state_dict(new Map(Object.entries(new torch.nn.Linear(3, 2).state_dict())))).toEqual({ missing_keys: [], unexpected_keys: [] });
    expect(() => a.load_state_dict(torch.zeros(2) as unknown as Record<string, unknown>)).toThrow(TypeError);
  });
});

describe("error classes", () => {
  test("the message may be left out, as Python's `raise NotImplementedError` (d2l's Encoder.forward)", () => {
    for (const E of [torch.NotImplementedError, torch.RuntimeError, torch.ValueError, torch.TypeError, torch.IndexError]) {
      const e = new E();
      expect(e.message).toBe("");
      expect(String(e)).toBe(e.name);
    }
    expect(new torch.NotImplementedError()).toBeInstanceOf(torch.RuntimeError);
  });
});
