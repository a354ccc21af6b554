/**
 * Printing: torchlab's toString() against PyTorch's repr() for the tensors in
 * test/reference/core_repr.json (written by gen_core.py): int and bool tensors, integer-valued
 * floats, scientific mode, nan/inf, scalars, empty tensors, summarised 1-D/2-D/3-D tensors, wrapping,
 * requires_grad and the grad_fn names of common ops.
 */
import * as fs from "fs";
import * as path from "path";
import * as util from "util";
import { torch } from "../../src";

interface ReprCase {
  name: string;
  py: string;
  ts: string;
  repr: string;
  options?: Record<string, unknown>;
}

const cases = (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "core_repr.json"), "utf8")) as { cases: ReprCase[] }).cases;

describe("repr matches PyTorch", () => {
  afterEach(() => torch.set_printoptions({ profile: "default" }));

  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    if (c.options) torch.set_printoptions(c.options);
    const t = new Function("torch", `"use strict"; return (${c.ts});`)(torch) as InstanceType<typeof torch.Tensor>;
    expect(t.toString()).toBe(c.repr);
  });

  test("set_printoptions validates its arguments and positional precision works", () => {
    expect(() => torch.set_printoptions({ precison: 2 } as never)).toThrow(/set_printoptions\(\) got an unexpected keyword argument 'precison'/);
    expect(() => torch.set_printoptions({ profile: "long" as "short" })).toThrow(/profile must be 'default', 'short' or 'full'/);
    torch.set_printoptions(2);
    expect(torch.tensor([0.12345]).toString()).toBe("tensor([0.12])");
  });

  test("util.inspect and the notebook's text/plain show the same repr", () => {
    const t = torch.tensor([[0.1, 0.2]], { requires_grad: true }).add(1);
    expect(util.inspect(t)).toBe("tensor([[1.1000, 1.2000]], grad_fn=<AddBackward0>)");
    expect(`${t}`).toBe(util.inspect(t));
  });

  test("covers the shapes issue 2 asks for", () => {
    const names = cases.map((c) => c.name);
    for (const n of ["int_1d", "float_int_mode", "sci_small", "summarised_2d", "summarised_3d", "nan_inf", "bool", "scalar_float", "requires_grad", "empty_1d", "grad_fn_add"]) {
      expect(names).toContain(n);
    }
  });
});
