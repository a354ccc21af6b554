/**
 * Plain attributes of whole-module checkpoints keep their Python types through torchlab: ints stay
 * ints, floats with integral values (`self.scale = 2.0`) stay floats and tuples stay tuples, where a
 * JavaScript number or array alone could not say which it was. The file PyTorch wrote is
 * test/reference/checkpoints/module_attr_types.pt (test/reference/gen_module_attr_types.py, whose
 * class Attrs is mirrored below); Python reads torchlab's re-save where /usr/bin/python3 has torch.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { torch } from "../../src";
import type { Tensor } from "../../src/torch";
import { toPyTree, PyNode } from "../../src/serialization/tree";
import { pythonHas } from "../python";

const { nn } = torch;
const REF = path.join(__dirname, "../reference");
const FIXTURE = path.join(REF, "checkpoints", "module_attr_types");
const PY = "/usr/bin/python3";

type PyType = string | { tuple: PyType[] } | { list: PyType[] };
interface Report {
  types: Record<string, PyType>;
  values: Record<string, unknown>;
}
const ref = JSON.parse(fs.readFileSync(`${FIXTURE}.json`, "utf8")) as Report;

/** gen_module_attr_types.py's Attrs. */
class Attrs extends nn.Module {
  fc = new nn.Linear(4, 2);
  hidden = 16;
  scale = 2.0;
  ratio = 0.5;
  zero = 0.0;
  sizes: number[] = [3, 4];
  mixed: number[] = [1.0, 2, 0.25];
  widths: number[] = [1.0, 2.0];
  nested: unknown[] = [[1, 2.0], [3.0, [4]]];
  empty: number[] = [];
  name = "attrs";
  forward(x: Tensor): Tensor {
    return this.fc(x).mul(this.scale);
  }
}

/** The Python type tree torch.save writes for a node (a safe integer that is not -0 is a Python int). */
function pyType(n: PyNode): PyType {
  if (n.kind === "float") return "float";
  if (n.kind === "tuple" || n.kind === "list") return n.kind === "tuple" ? { tuple: n.items.map(pyType) } : { list: n.items.map(pyType) };
  if (n.kind !== "value") return n.kind;
  const v = n.v;
  if (typeof v === "number") return Number.isSafeInteger(v) && !Object.is(v, -0) ? "int" : "float";
  if (typeof v === "bigint") return "int";
  return typeof v === "string" ? "str" : typeof v === "boolean" ? "bool" : "NoneType";
}

function writtenTypes(m: InstanceType<typeof nn.Module>): Record<string, PyType> {
  const node = toPyTree(m);
  if (node.kind !== "object") throw new Error(`expected a module object, got ${node.kind}`);
  const state = new Map(node.state);
  return Object.fromEntries(Object.keys(ref.types).map((k) => [k, pyType(state.get(k) as PyNode)]));
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-attrtypes-"));
  torch.serialization.add_safe_globals([Attrs]);
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  torch.serialization.clear_safe_globals();
});

test("PyTorch's file loads with the attributes' values", () => {
  const m = torch.load<Attrs>(`${FIXTURE}.pt`, { weights_only: false });
  expect(m).toBeInstanceOf(Attrs);
  for (const [k, v] of Object.entries(ref.values)) expect([k, (m as unknown as Record<string, unknown>)[k]]).toEqual([k, v]);
});

test("saved again, every attribute has the Python type PyTorch gave it (ints, integral floats, tuples, lists, nested)", () => {
  const m = torch.load<Attrs>(`${FIXTURE}.pt`, { weights_only: false });
  expect(writtenTypes(m)).toEqual(ref.types);
  // And through a second torchlab round trip.
  torch.save(m, path.join(dir, "again.pth"));
  const again = torch.load<Attrs>(path.join(dir, "again.pth"), { weights_only: false });
  expect(writtenTypes(again)).toEqual(ref.types);
});

test("an attribute the program replaced after loading is written as it is now", () => {
  const m = torch.load<Attrs>(`${FIXTURE}.pt`, { weights_only: false });
  m.scale = 2.5;
  m.sizes = [5, 6, 7];
  (m as unknown as Record<string, unknown>).hidden = "sixteen";
  // A number where a float was stays a float; an array of another length, or a value of another
  // kind, is written by its own JavaScript type (an array is a list).
  const t = writtenTypes(m);
  expect([t.scale, t.sizes, t.hidden]).toEqual(["float", { list: ["int", "int", "int"] }, "str"]);
});

test("a module built in torchlab writes its integral numbers as Python ints, layer configs included", () => {
  const m = new Attrs();
  const t = writtenTypes(m);
  expect([t.hidden, t.ratio, t.sizes]).toEqual(["int", "float", { list: ["int", "int"] }]);
  const fc = toPyTree(m.fc) as Extract<PyNode, { kind: "object" }>;
  const fcState = new Map(fc.state);
  expect([pyType(fcState.get("in_features") as PyNode), pyType(fcState.get("out_features") as PyNode)]).toEqual(["int", "int"]);
});

const hasTorch = pythonHas("torch");
(hasTorch ? test : test.skip)("Python's torch.load of torchlab's re-save sees PyTorch's types and values (skipped without /usr/bin/python3 + torch)", () => {
  const m = torch.load<Attrs>(`${FIXTURE}.pt`, { weights_only: false });
  torch.save(m, path.join(dir, "tl.pth"));
  const run = spawnSync(PY, [path.join(REF, "gen_module_attr_types.py"), path.join(dir, "tl.pth")], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  expect(JSON.parse(run.stdout)).toEqual(ref);
});
