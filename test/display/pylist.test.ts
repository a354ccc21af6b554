/**
 * A cell whose value (or a console.log argument) is an array of tensors, Sizes, dtypes, devices,
 * numbers and strings prints as Python prints the list (test/reference/gen_pylist.py), not in Node's
 * `[ torch.Size([2, 3]), ... ]`; plain objects keep Node's format. Checked in-process and through
 * one notebook run by the kernel.
 */
import { torch } from "../../src";
import { pythonList } from "../../src/display/pylist";
import { plainText } from "../../src/display/emitter";
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
    expect(plainText([x.shape, y.size()])).toBe(ref.shapes);
    expect(plainText(Array.from(net.parameters()))).toBe(ref.parameters);
    expect(plainText([...net.named_parameters()].map(([n, p]) => [n, p.shape]))).toBe(ref.named);
    expect(plainText([1, 2.5, "a", true, null, [torch.float32, torch.int64], x.device, "it's"])).toBe(ref.mixed);
    expect(plainText([torch.arange(3), torch.tensor([[1.5, 2], [3, 4]])])).toBe(ref.tensors);
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
  expect(value(cells[1])).toBe(ref.shapes);
  expect(value(cells[2])).toBe(ref.parameters);
  expect(value(cells[3])).toBe(ref.named);
  expect(value(cells[4])).toBe(ref.mixed);
  expect(printed(cells[5])).toBe(`${ref.tensors}\n`);
  expect(value(cells[6])).toBe("{ a: 1, b: [ 1, 2 ] }");
  expect(printed(cells[7])).toBe("[ { a: 1 } ]\n");
}, 180000);
