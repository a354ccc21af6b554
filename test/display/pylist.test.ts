/**
 * A cell whose value (or a console.log argument) is an array of tensors, Sizes, dtypes, devices,
 * numbers and strings prints as Python prints the list (test/reference/gen_pylist.py), not in Node's
 * `[ torch.Size([2, 3]), ... ]`; a cell's value with IPython's line breaks (IPython.lib.pretty), print()
 * without; plain objects keep Node's format. Checked in-process and through
 * one notebook run by the kernel.
 */
import { inspect } from "util";
import { torch } from "../../src";
import { pythonList } from "../../src/display/pylist";
import { plainText } from "../../src/display/emitter";
import { asPyTuple } from "../../src/pyrepr";
import { readReference } from "../tensor/fixtures";
import { runNotebooks, streamText, type NbOutput } from "../tutorials/_notebooks";

const ref = readReference<Record<string, string>>("pylist.json");
const { nn } = torch;

describe("pythonList", () => {
  test("Sizes, parameters, named pairs, mixed items, tensors", () => {
    torch.manual_seed(0);
    const x = torch.zeros(2, 3);
    const y = torch.ones(3);
    const net = new nn.Sequential(new nn.Linear(2, 3), new nn.ReLU(), new nn.Linear(3, 1));
    const lists: Record<string, unknown[]> = {
      shapes: [x.shape, y.size()],
      parameters: Array.from(net.parameters()),
      named: [...net.named_parameters()].map(([n, p]) => [n, p.shape]),
      mixed: [1, 2.5, "a", true, null, [torch.float32, torch.int64], x.device, "it's"],
      tensors: [torch.arange(3), torch.tensor([[1.5, 2], [3, 4]])],
    };
    for (const [name, list] of Object.entries(lists)) {
      // print()'s form, and IPython's form of a cell's value
      expect([name, pythonList(list)]).toEqual([name, ref[name]]);
      expect([name, plainText(list)]).toEqual([name, ref[`cell_${name}`]]);
    }
    // A state_dict is an OrderedDict: IPython breaks its (key, tensor) pairs as it breaks a list's items.
    const small = new nn.Linear(1, 1);
    expect(plainText(net.state_dict())).toBe(ref.cell_state_dict);
    expect(inspect(net.state_dict())).toBe(ref.state_dict);
    expect(plainText(small.state_dict())).toBe(ref.cell_state_dict_small);
    expect(plainText(new nn.ReLU()._parameters)).toBe(ref.cell_empty_dict);
    // A dict that is not all tensors keeps Node's format.
    expect(pythonList({ a: 1 })).toBeNull();
  });
  test("a cell's value breaks lines where IPython's pretty printer does (79 columns, multi-line items, nested lists)", () => {
    const w = torch.tensor([1.2193, 1.3157, 1.0211, 1.0093, 0.9741, 1.2203], { requires_grad: true });
    const cells: Record<string, unknown[]> = {
      four: [torch.ones(3), torch.ones(3), torch.ones(3), torch.ones(3)],
      grad_fns: [w.view(-1), w.mul(2)],
      ints: Array.from({ length: 30 }, (_, i) => i),
      nested: [...Array.from({ length: 5 }, (_, i) => [i, i * 10, "abcdefgh"]), [Array.from({ length: 12 }, (_, i) => i), [1.5, 2.5]]],
      width79: ["a".repeat(35), "b".repeat(36)],
      width80: ["a".repeat(36), "b".repeat(37)],
      tuple: asPyTuple([torch.ones(2, 2), torch.zeros(2)]),
      tuple1: asPyTuple([torch.ones(2, 2)]),
    };
    for (const [name, list] of Object.entries(cells)) expect([name, plainText(list)]).toEqual([name, ref[`cell_${name}`]]);
  });
  test("anything else keeps Node's format", () => {
    expect(pythonList({ a: 1 })).toBeNull();
    expect(pythonList([{ a: 1 }])).toBeNull();
    expect(pythonList([1, () => 2])).toBeNull();
    expect(pythonList(torch.zeros(2).shape)).toBeNull();
    expect(plainText([{ a: 1 }])).toBe("[ { a: 1 } ]");
    expect(plainText([])).toBe("[]");
    const cyclic: unknown[] = [1];
    cyclic.push(cyclic);
    expect(pythonList(cyclic)).toBeNull();
  });
});

test("through the kernel: cell values and console.log", async () => {
  const run = await runNotebooks("pylist", {
    pylist: [
      "torch.manual_seed(0);\nconst x = torch.zeros(2, 3);\nconst y = torch.ones(3);\nconst net = new nn.Sequential(new nn.Linear(2, 3), new nn.ReLU(), new nn.Linear(3, 1));",
      "[x.shape, y.size()]",
      "Array.from(net.parameters())",
      "[...net.named_parameters()].map(([n, p]) => [n, p.shape])",
      `[1, 2.5, "a", true, null, [torch.float32, torch.int64], x.device, "it's"]`,
      "console.log([torch.arange(3), torch.tensor([[1.5, 2.0], [3.0, 4.0]])]);",
      "({a: 1, b: [1, 2]})",
      "console.log([{a: 1}]);",
      "net.state_dict()",
    ],
  });
  expect(run.status).toBe(0);
  const cells = run.notebooks.pylist.cells.map((c) => c.outputs ?? []);
  const value = (outs: NbOutput[]): string => {
    const r = outs.find((o) => o.output_type === "execute_result");
    const t = r?.data?.["text/plain"] ?? "";
    return Array.isArray(t) ? t.join("") : t;
  };
  const printed = (outs: NbOutput[]): string => outs.filter((o) => o.output_type === "stream").map(streamText).join("");
  expect(value(cells[1])).toBe(ref.cell_shapes);
  expect(value(cells[2])).toBe(ref.cell_parameters);
  expect(value(cells[3])).toBe(ref.cell_named);
  expect(value(cells[4])).toBe(ref.cell_mixed);
  expect(value(cells[8])).toBe(ref.cell_state_dict);
  expect(printed(cells[5])).toBe(`${ref.tensors}\n`);
  expect(value(cells[6])).toBe("{ a: 1, b: [ 1, 2 ] }");
  expect(printed(cells[7])).toBe("[ { a: 1 } ]\n");
}, 180000);
