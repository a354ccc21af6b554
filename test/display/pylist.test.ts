/**
 * A cell whose value (or a console.log argument) is an array of tensors, Sizes, dtypes, devices,
 * numbers and strings prints as Python prints the list (test/reference/gen_pylist.py), not in Node's
 * `[ torch.Size([2, 3]), ... ]`; a cell's value with IPython's line breaks (IPython.lib.pretty), print()
 * without; a cell's dict or set as IPython shows Python's (sorted set items, an item a line past 79
 * columns); other plain objects (inside a list) keep Node's format. Checked in-process and through
 * one notebook run by the kernel.
 */
import { inspect } from "util";
import { torch } from "../../src";
import { pyString, pythonList } from "../../src/display/pylist";
import { enumerate, iter, list, map, range, str, zip } from "../../src/builtins";
import { plainText } from "../../src/display/emitter";
import { asPyTuple, pyIsTuple } from "../../src/pyrepr";
import { set } from "../../src/pyset";
import { print } from "../../src/display/print";
import { readReference } from "../tensor/fixtures";
import { runNotebooks, streamText, type NbOutput } from "../tutorials/_notebooks";

const ref = readReference<Record<string, string> & { print: Record<string, string> }>("pylist.json");
const { nn } = torch;
/** Object addresses differ per run: the fixture writes them as 0xADDR. */
const masked = (text: string): string => text.replace(/0x[0-9a-f]+/g, "0xADDR");

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
  test("a bare bool is Python's True / False as a cell's value, alone or nested; a set is Python's set", () => {
    const cells: Record<string, unknown> = {
      true: true,
      false: false,
      nested_bools: [[true, false], [false]],
      set_ints: set([3, 1, 2]),
      set_empty: set(),
      list_of_sets: [set([2, 1]), set()],
    };
    for (const [name, value] of Object.entries(cells)) expect([name, plainText(value)]).toEqual([name, ref[`cell_${name}`]]);
    // A cell's set of strings is sorted (IPython's order; the set's own order is insertion) and a set or
    // dict past 79 columns is shown an item a line (CS224n's `vocabulary`, `word_to_ix`).
    const words = ["<pad>", "<unk>", "always", "ankara", "australia", "capital", "come", "comes", "from"];
    const dicts: Record<string, unknown> = {
      set_words: set(["we", "always", "come", "to", "paris", "the", "professor", "is", "from", "australia", "<unk>"]),
      set_short: set(["b", "a"]),
      dict_words: Object.fromEntries(words.map((w, i) => [w, i])),
      dict_short: { a: 1, b: [1.5, null] },
      dict_config: { n_epochs: 30, optim_hparas: { lr: 0.001, momentum: 0.9 }, save_path: "models/model.pth", early_stop: 200 },
      dict_empty: {},
    };
    for (const [name, value] of Object.entries(dicts)) expect([name, plainText(value)]).toEqual([name, ref[`cell_${name}`]]);
    // print()'s form of a dict stays on one line; a Map is a dict with any keys.
    expect(pythonList({ a: 1 })).toBeNull();
    expect(plainText(new Map<unknown, unknown>([[1, "a"], [0, "b"]]))).toBe("{1: 'a', 0: 'b'}");
    // named_parameters' pairs are Python's tuples.
    expect(plainText(list(new nn.Linear(1, 1).named_parameters()).map(([n, p]) => asPyTuple([n, p.shape])))).toBe("[('weight', torch.Size([1, 1])), ('bias', torch.Size([1]))]");
    expect(plainText(new nn.Linear(1, 1).named_parameters().map(([n]) => n))).toBe("['weight', 'bias']");
    const seq = new nn.Sequential(new nn.ReLU());
    for (const pairs of [seq.named_children(), seq.named_modules(), new nn.Linear(1, 1).named_parameters(), new nn.BatchNorm1d(1).named_buffers()]) {
      expect(pairs.every((pair) => pyIsTuple(pair))).toBe(true);
    }
    // Numbers and strings keep their spelling (a string's quotes are the kernel's, kernel/server.ts).
    expect([plainText(3), plainText(2.5), plainText("a")]).toEqual(["3", "2.5", "a"]);
  });
  test("a dict (a plain object, a Map), a set, a str and Python's iterator objects show as IPython shows Python's", () => {
    torch.manual_seed(0);
    const net = new nn.Sequential(new nn.Linear(2, 3), new nn.ReLU(), new nn.Linear(3, 1));
    const cells: Record<string, unknown> = {
      dict: { a: 1, b: [1, 2] },
      dict_nested: { a: [1, 2], b: { c: true }, n: null },
      dict_long: { ["k".repeat(30)]: list(range(20)), b: "x".repeat(40) },
      dict_tensors: { w: torch.ones(2, 2), b: torch.zeros(2) },
      dict_int_keys: new Map<number, string>([[1, "a"], [2, "b"], [0, "."]]),
      dict_empty: {},
      list_of_dicts: [{ a: 1 }, { b: [1.5, null] }],
      // IPython sorts a set's items: a PySet keeps insertion order for strings, a JavaScript Set always.
      set_strings: set(["b", "c", "a"]),
      set_mixed_ints: new Set([10, 2, 33]),
      generator_parameters: net.parameters(),
      generator_named_parameters: net.named_parameters(),
      generator_children: net.children(),
      generator_modules: net.modules(),
      generator_buffers: net.buffers(),
      zip: zip([1, 2], "ab"),
      enumerate: enumerate(["a"]),
      map: map(str, [1]),
      list_iterator: iter([1, 2]),
      tuple_iterator: iter(asPyTuple([1, 2])),
      str_ascii_iterator: iter("ab"),
      range_iterator: iter(range(3)),
      dict_keyiterator: iter({ a: 1 }),
    };
    for (const [name, value] of Object.entries(cells)) expect([name, masked(plainText(value))]).toEqual([name, ref[`cell_${name}`]]);
    // A string value is its repr (the kernel quotes it with pyString, kernel/server.ts).
    const strings = { str_plain: "abc", str_quote: "it's", str_both_quotes: `a"b'c`, str_escapes: "line\nbreak\ttab\\ \x00\x7f\u200b\u00e9" };
    for (const [name, value] of Object.entries(strings)) expect([name, pyString(value)]).toEqual([name, ref[`cell_${name}`]]);
    // Still arrays and iterators underneath: list() of them is the items.
    expect(list(net.parameters())).toHaveLength(4);
    expect(plainText(list(zip([1], ["a"])))).toBe("[(1, 'a')]");
  });
  test("bytes (a Uint8Array: a file read 'rb', a BytesIO's value) show as Python's bytes, as the pyfile fixture printed them", () => {
    // test/reference/gen_pyfile.py's bytes_repr: Python printed these two files' bytes, then a list of bytes.
    const pyfile = readReference<{ cases: { name: string; print: string }[] }>("pyfile.json").cases.find((c) => c.name === "bytes_repr")!;
    const [first, second] = pyfile.print.split("\n");
    const q = new Uint8Array(Buffer.from("it's \\ \u00e9\t\r\n\x7f~", "utf8"));
    expect(`${plainText(q)} ${q.length}`).toBe(first);
    expect(plainText([new Uint8Array(Buffer.from("a\"b'c")), new Uint8Array(0)])).toBe(second);
  });

  test("anything else keeps Node's format", () => {
    expect(pythonList({ a: 1 })).toBeNull();
    expect(pythonList([{ a: 1 }])).toBeNull();
    expect(pythonList([1, () => 2])).toBeNull();
    expect(pythonList(torch.zeros(2).shape)).toBeNull();
    expect(plainText([{ a: 1 }, () => 2])).toBe("[ { a: 1 }, [Function (anonymous)] ]");
    expect(plainText([])).toBe("[]");
    const cyclic: unknown[] = [1];
    cyclic.push(cyclic);
    expect(pythonList(cyclic)).toBeNull();
  });
});

/** The print() calls of gen_pylist.py's `print` entries, in TypeScript (keywords as a trailing object). */
function printCases(x: InstanceType<typeof torch.Tensor>): Record<string, () => void> {
  return {
    scalars: () => print(1, 2.5, "a", true, null),
    containers: () => print([1, "a", 2.5], { a: 1, b: [1, 2] }, [true, null]),
    tensor_and_size: () => print(torch.tensor([1.5, 2.0]), x.shape),
    sep: () => print("loss", 0.25, { sep: ": " }),
    end: () => {
      print("a", { end: "" });
      print("b");
    },
    empty: () => print(),
    specials: () => print(Infinity, NaN, -Infinity),
    dict_of_tensor: () => print({ w: torch.ones(2) }),
    dtype_device: () => print(torch.float32, x.device),
    none_sep: () => print("a", "b", { sep: null, end: null }),
    nested_dict: () => print({ x: { y: "it's" } }),
    list_of_dicts: () => print([{ a: 1 }, { b: [1.5, null] }], asPyTuple([{ t: true }])),
    iterators: () => print(zip([1], [2]), enumerate([1]), map(str, [1]), iter([1])),
    generator: () => {
      const net = new nn.Sequential(new nn.Linear(2, 3));
      print(net.parameters(), [net.children()]);
    },
  };
}

describe("print, as Python's", () => {
  function captured(f: () => void): string {
    const chunks: string[] = [];
    const spy = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    try {
      f();
    } finally {
      spy.mockRestore();
    }
    return chunks.join("");
  }
  test("str() of each value, sep and end", () => {
    const cases = printCases(torch.zeros(2, 3));
    expect(Object.keys(cases).sort()).toEqual(Object.keys(ref.print).sort());
    for (const [name, f] of Object.entries(cases)) expect([name, masked(captured(f))]).toEqual([name, ref.print[name]]);
  });
  test("an object with other keys is a value, not keywords; a bad sep is Python's TypeError", () => {
    expect(captured(() => print({ sep: 1, other: 2 }))).toBe("{'sep': 1, 'other': 2}\n");
    expect(captured(() => print({}))).toBe("{}\n");
    expect(() => print("a", { sep: 1 as unknown as string })).toThrow("sep must be None or a string, not number");
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(captured(() => print(cyclic))).toBe("{'a': 1, 'self': {...}}\n");
  });
  test("a Map is Python's dict with any keys, in insertion order (makemore's print(itos): {1: 'a', ..., 0: '.'})", () => {
    expect(captured(() => print(new Map<number, string>([[1, "a"], [2, "b"], [0, "."]])))).toBe("{1: 'a', 2: 'b', 0: '.'}\n");
    expect(captured(() => print(new Map<unknown, unknown>([["k", [1, 2.5]], [3, null], [true, new Map()]])))).toBe("{'k': [1, 2.5], 3: None, True: {}}\n");
    const cyclic = new Map<string, unknown>([["a", 1]]);
    cyclic.set("self", cyclic);
    expect(captured(() => print(cyclic))).toBe("{'a': 1, 'self': {...}}\n");
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
      // A trailing `;` keeps the value, as every TypeScript statement ends with one.
      `"it's";`,
      "new Map([[1, 'a'], [2, 'b'], [0, '.']]);",
      "net.parameters();",
      "zip([1, 2], 'ab')",
      "null;",
      // print() is in a notebook's scope, as in Python's.
      [
        "print(1, 2.5, \"a\", true, null);",
        "print(torch.tensor([1.5, 2.0]), x.shape);",
        "print(\"loss\", 0.25, {sep: \": \"});",
        "print(\"a\", {end: \"\"}); print(\"b\");",
        "print({w: torch.ones(2)});",
        // len(), as Python's: a dataset, a DataLoader, a tensor, a list, a dict, a string.
        "const ds = new torch.utils.data.TensorDataset(torch.zeros(10, 2), torch.zeros(10));",
        "print(len(ds), len(new torch.utils.data.DataLoader(ds, {batch_size: 4})), len(torch.zeros(3, 5)), len([1, 2]), len({a: 1}), len(\"ab\"));",
      ].join("\n"),
      [
        "const counts = {};",
        "for (const y of [0, 1, 1, 2]) counts[y] = (counts[y] ?? 0) + 1;",
        "const idx2char = {};",
        '["a", "b"].forEach((c, i) => { idx2char[i] = c; });',
        "print(torch.tensor([[1.0, 2.5], [3.0, -0.0]]).tolist(), torch.tensor([1, 2]).tolist(), torch.tensor([1e16, 0.5]).tolist(), counts, idx2char);",
      ].join("\n"),
      "torch.tensor([2.0, 0.25]).tolist()",
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
  expect(value(cells[6])).toBe(ref.cell_dict);
  expect(printed(cells[7])).toBe("[ { a: 1 } ]\n");
  expect(value(cells[9])).toBe(ref.cell_str_quote);
  expect(value(cells[10])).toBe(ref.cell_dict_int_keys);
  expect(masked(value(cells[11]))).toBe(ref.cell_generator_parameters);
  expect(masked(value(cells[12]))).toBe(ref.cell_zip);
  expect(cells[13].filter((o) => o.output_type === "execute_result")).toEqual([]);
  expect(printed(cells[15])).toBe(ref.printed_tolist_and_int_keys);
  expect(value(cells[16])).toBe(ref.cell_float_list);
  expect(printed(cells[14])).toBe(`${["scalars", "tensor_and_size", "sep", "end", "dict_of_tensor"].map((k) => ref.print[k]).join("")}10 3 3 2 1 2\n`);
}, 180000);
