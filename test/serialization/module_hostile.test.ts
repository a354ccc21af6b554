/**
 * Whole-module pickles from an attacker: `torch.load(path, {weights_only: false})` must rebuild
 * modules from known classes only, call nothing the file names, refuse state that would replace a
 * method or an internal, and bound its work. Each file here is written opcode by opcode.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";
import { Pickled, enc, f32, ptFile, raw, tensorPickle } from "./hostile_helpers";

const { nn } = torch;
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-modhostile-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  torch.serialization.clear_safe_globals();
});

let n = 0;
/** Writes a .pt of `value` (with `storages`) and returns torch.load with weights_only false, as a thunk. */
function loader(value: Pickled, storages: Record<string, Buffer> = {}): () => unknown {
  const f = path.join(dir, `evil${n++}.pt`);
  fs.writeFileSync(f, ptFile(value, storages));
  return () => torch.load(f, { weights_only: false });
}

const global = (qual: string): string => {
  const dot = qual.lastIndexOf(".");
  return `c${qual.slice(0, dot)}\n${qual.slice(dot + 1)}\n`;
};
const odict = (): { raw: Buffer } => raw(global("collections.OrderedDict"), ")R");

/** An OrderedDict holding the given entries (SETITEMS over the pairs). */
function orderedDict(entries: [string, Pickled][]): { raw: Buffer } {
  if (!entries.length) return odict();
  return { raw: Buffer.concat([Buffer.from(global("collections.OrderedDict") + ")R(", "latin1"), ...entries.flatMap(([k, v]) => [enc(k), enc(v)]), Buffer.from("u")]) };
}

/** `cls.__new__(cls)` then BUILD with the given `__dict__` entries, as PyTorch pickles a module. */
function moduleOf(qual: string, state: [string, Pickled][], memo?: number): { raw: Buffer } {
  return {
    raw: Buffer.concat([
      Buffer.from(global(qual) + ")\x81", "latin1"),
      memo === undefined ? Buffer.alloc(0) : Buffer.from([0x71, memo]), // BINPUT
      Buffer.from("}(", "latin1"),
      ...state.flatMap(([k, v]) => [enc(k), enc(v)]),
      Buffer.from("ub", "latin1"),
    ]),
  };
}

/** `_rebuild_parameter(tensor, True, OrderedDict())` of a float storage. */
const param = (o: { key: string; numel: number; size: number[]; stride: number[] }): { raw: Buffer } =>
  raw(global("torch._utils._rebuild_parameter") + "(", tensorPickle(o).raw.toString("latin1"), "\x88", global("collections.OrderedDict"), ")Rt", "R");

/** A Linear(2, 1) as PyTorch pickles it, with `extra` entries appended to its state. */
function linear(extra: [string, Pickled][] = [], weight = { size: [1, 2], stride: [2, 1] }): { raw: Buffer } {
  return moduleOf("torch.nn.modules.linear.Linear", [
    ["training", true],
    ["_parameters", orderedDict([["weight", param({ key: "0", numel: 2, ...weight })], ["bias", param({ key: "1", numel: 1, size: [1], stride: [1] })]])],
    ["_buffers", odict()],
    ["_modules", odict()],
    ["in_features", 2],
    ["out_features", 1],
    ...extra,
  ]);
}
const LINEAR_DATA = { "0": f32(1, 2), "1": f32(0.5) };

describe("a whole-module file never runs code", () => {
  test("a well-formed Linear loads (the baseline the attacks below change)", () => {
    const m = loader(linear(), LINEAR_DATA)() as InstanceType<typeof nn.Linear>;
    expect(m).toBeInstanceOf(nn.Linear);
    expect(m(torch.tensor([[1.0, 1.0]], { dtype: "float32" })).item()).toBe(3.5);
  });

  test("os.system and builtins.eval are refused by name, with weights_only false too", () => {
    const sys = raw("cos\nsystem\n", enc("touch pwned").toString("latin1"), "\x85R");
    expect(loader(linear([["payload", sys]]), LINEAR_DATA)).toThrow("unsupported pickle global 'os.system': torchlab rebuilds only torch.nn layers, torchvision models and classes registered with torch.serialization.add_safe_globals, and calls nothing else a file names");
    const ev = raw("c__builtin__\neval\n", enc("1+1").toString("latin1"), "\x85R");
    expect(loader(ev)).toThrow("unsupported pickle global '__builtin__.eval'");
    const stack = raw("\x8c\x08builtins\x8c\x04exec\x93", enc("x").toString("latin1"), "\x85R");
    expect(loader(stack)).toThrow("unsupported pickle global 'builtins.exec'");
    expect(fs.existsSync("touch pwned")).toBe(false);
  });

  test("a class nobody registered is named, with how to register it", () => {
    expect(loader(moduleOf("__main__.Evil", [["training", true]]))).toThrow(
      `unsupported pickle global '__main__.Evil': torchlab rebuilds only torch.nn layers, torchvision models and classes registered with torch.serialization.add_safe_globals, and calls nothing else a file names; if '__main__.Evil' is an nn.Module subclass of your own, define it with the same attribute names and register it: torch.serialization.add_safe_globals([Evil]) (a class registers as "__main__.Evil"; give another name as [[Evil, "__main__.Evil"]])`,
    );
    const f = path.join(dir, "evil.pt");
    fs.writeFileSync(f, ptFile(moduleOf("__main__.Evil", [["training", true]])));
    expect(() => torch.load(f, { weights_only: true })).toThrow("unsupported pickle global '__main__.Evil': torchlab reads state_dicts, optimizer states and plain containers of tensors, numbers and strings; a whole module of your own class needs the class registered (torch.serialization.add_safe_globals([Evil]))");
  });

  test("a module class is never called with the file's arguments (REDUCE), nor anything created by NEWOBJ but modules", () => {
    expect(loader(raw(global("torch.nn.modules.linear.Linear"), "(K\x02K\x01tR"))).toThrow("pickle REDUCE on a non-callable (ClassRef)");
    expect(loader(raw(global("collections.OrderedDict"), ")\x81"))).toThrow("pickle NEWOBJ of <callable>: torchlab creates only module classes this way");
    expect(loader(raw(global("torch.nn.modules.linear.Linear"), "K\x02\x85\x81"))).toThrow("pickle NEWOBJ of torch.nn.modules.linear.Linear with 1 arguments; modules are created without arguments");
    expect(loader(raw("ccopyreg\n_reconstructor\n(", global("collections.OrderedDict"), global("builtins.object"), "NtR"))).toThrow(
      "copyreg._reconstructor(<callable>, <Object>, None): torchlab reconstructs only module classes on object",
    );
  });

  test("copyreg._reconstructor (protocol 0/1's object.__new__) makes the module as NEWOBJ does", () => {
    const viaCopyreg = Buffer.concat([
      Buffer.from("ccopyreg\n_reconstructor\n(" + global("torch.nn.modules.activation.ReLU") + global("__builtin__.object") + "NtR}(", "latin1"),
      enc("training"), enc(false), enc("inplace"), enc(false),
      Buffer.from("ub", "latin1"),
    ]);
    const m = loader({ raw: viaCopyreg })() as InstanceType<typeof nn.ReLU>;
    expect(m).toBeInstanceOf(nn.ReLU);
    expect(m.training).toBe(false);
  });
});

describe("__setstate__ tricks: the file's state may not replace methods or internals", () => {
  test.each([
    ["__proto__", "names with two leading underscores are Python's and JavaScript's own"],
    ["__class__", "names with two leading underscores are Python's and JavaScript's own"],
    ["forward", "it is a method of Linear"],
    ["_call_impl", "it is a method of Linear"],
    ["toString", "it is a method of Linear"],
    ["_buffer_names", "it is one of the module's internals"],
    ["_forward_hooks_x", null],
  ])("attribute %s", (key, why) => {
    const load = loader(linear([[key, "x"]]), LINEAR_DATA);
    if (why === null) {
      expect((load() as Record<string, unknown>)[key]).toBe("x");
      return;
    }
    expect(load).toThrow(`module '<root>' (torch.nn.modules.linear.Linear): the file sets its attribute '${key}', which torchlab refuses: ${why}`);
  });

  test("a user class's methods and getters are protected the same way", () => {
    class Net extends nn.Module {
      get size(): number {
        return 1;
      }
      forward(x: InstanceType<typeof torch.Tensor>): InstanceType<typeof torch.Tensor> {
        return x;
      }
    }
    torch.serialization.add_safe_globals([Net]);
    expect(loader(moduleOf("__main__.Net", [["size", 3]]))).toThrow("the file sets its attribute 'size', which torchlab refuses: it is a property of Net");
    expect(loader(moduleOf("__main__.Net", [["_parameters", orderedDict([["forward", param({ key: "0", numel: 2, size: [2], stride: [1] })]])]]), { "0": f32(1, 2) })).toThrow(
      "module '<root>' (__main__.Net): attribute 'forward' already exists",
    );
    const ok = loader(moduleOf("__main__.Net", [["note", "hi"]]))() as Net & { note: string };
    expect(ok.note).toBe("hi");
    expect(ok.size).toBe(1);
  });

  test("BUILD twice, BUILD on a callable, a state that is not a dict, and no BUILD at all", () => {
    const twice = raw(global("torch.nn.modules.activation.ReLU"), ")\x81}b}b");
    expect(loader(twice)).toThrow("pickle BUILD sets the state of a torch.nn.modules.activation.ReLU twice");
    expect(loader(raw(global("collections.OrderedDict"), "}b"))).toThrow("pickle BUILD on a function is not supported");
    expect(loader(raw(global("torch.nn.modules.activation.ReLU"), ")\x81", enc("state").toString("latin1"), "b"))).toThrow(
      "pickle BUILD gives a torch.nn.modules.activation.ReLU the state \"state\"; a module's state is its __dict__",
    );
    expect(loader(raw(global("torch.nn.modules.activation.ReLU"), ")\x81"))).toThrow("module '<root>' (torch.nn.modules.activation.ReLU) has no state (no BUILD follows its creation)");
  });

  test("members of the wrong kind, hooks, callables and bad attributes are refused, naming the module", () => {
    const at = "module '<root>' (torch.nn.modules.linear.Linear)";
    expect(loader(linear([["training", "yes"]]), LINEAR_DATA)).toThrow(`${at}: 'training' is 'yes', not a bool`);
    expect(loader(linear([["_modules", orderedDict([["a", "str"]])]]), LINEAR_DATA)).toThrow(`${at}: sub-module 'a' is 'str', not a module`);
    expect(loader(linear([["_forward_hooks", orderedDict([["0", 1]])]]), LINEAR_DATA)).toThrow(`${at}: it has forward_hooks, functions that torchlab cannot load`);
    expect(loader(linear([["fn", raw(global("torch._utils._rebuild_tensor_v2"))]]), LINEAR_DATA)).toThrow("the object holds a Python callable itself at 'fn', not a value it makes");
    expect(loader(linear([["in_features", 3]]), LINEAR_DATA)).toThrow(
      `${at}: parameter 'weight' has shape [1, 2], but the layer's arguments (in_features=3, out_features=1, bias=True) make it [1, 3]`,
    );
    const conv = moduleOf("torch.nn.modules.conv.Conv2d", [
      ["_parameters", orderedDict([["weight", param({ key: "0", numel: 1, size: [1, 1, 1, 1], stride: [1, 1, 1, 1] })], ["bias", null]])],
      ["in_channels", 1], ["out_channels", 1], ["kernel_size", [1, 1]], ["stride", [1, 1]], ["padding", [0, 0]],
      ["_reversed_padding_repeated_twice", [5, 5, 5, 5]],
    ]);
    expect(loader(conv, { "0": f32(1) })).toThrow(
      "module '<root>' (torch.nn.modules.conv.Conv2d): its attribute _reversed_padding_repeated_twice=(5, 5, 5, 5) is not what torchlab's Conv2d makes of its arguments ((0, 0, 0, 0)); torchlab cannot rebuild this layer faithfully",
    );
    const emb = moduleOf("torch.nn.modules.sparse.Embedding", [["num_embeddings", 2], ["embedding_dim", 1], ["scale_grad_by_freq", true]]);
    expect(loader(emb)).toThrow("module '<root>' (torch.nn.modules.sparse.Embedding): its arguments do not build a torchlab Embedding: Embedding(): scale_grad_by_freq=True is not supported by torchlab");
  });
});

describe("bounded work", () => {
  /** Sequentials nested `levels` deep, each holding the one below ten times through the memo. */
  function laughs(levels: number): { raw: Buffer } {
    const parts: Buffer[] = [];
    parts.push(moduleOf("torch.nn.modules.container.Sequential", [["_modules", odict()]], 0).raw, Buffer.from("0", "latin1"));
    for (let i = 1; i <= levels; i++) {
      const entries: [string, Pickled][] = [];
      for (let k = 0; k < 10; k++) entries.push([String(k), raw("h" + String.fromCharCode(i - 1))]);
      parts.push(moduleOf("torch.nn.modules.container.Sequential", [["_modules", orderedDict(entries)]], i).raw);
      if (i < levels) parts.push(Buffer.from("0", "latin1"));
    }
    // Every level was POPped after its BINPUT except the last, which is the result.
    return { raw: Buffer.concat(parts) };
  }

  test("a shared sub-module ten times per level: 5 levels load (one object per level), 7 levels (10^7 places) are refused", () => {
    const five = loader(laughs(5))() as InstanceType<typeof nn.Sequential>;
    expect(five.modules()).toHaveLength(6);
    expect(five.get(3)).toBe(five.get(7));
    const seven = loader(laughs(7));
    expect(fs.statSync(path.join(dir, `evil${n - 1}.pt`)).size).toBeLessThan(3000);
    expect(seven).toThrow(/module '0' \(torch\.nn\.modules\.container\.Sequential\) expands to 1111111 modules through shared sub-modules, more than 1048576; the file is refused rather than walked/);
  });

  test("a module that contains itself is refused", () => {
    const loop = Buffer.concat([
      Buffer.from(global("torch.nn.modules.container.Sequential") + ")\x81q\x00}(", "latin1"),
      enc("_modules"),
      Buffer.from(global("collections.OrderedDict") + ")R(", "latin1"),
      enc("0"),
      Buffer.from("h\x00uub", "latin1"),
    ]);
    expect(loader({ raw: loop })).toThrow("module '0' (torch.nn.modules.container.Sequential) contains itself (a cycle); torchlab loads trees of modules");
  });

  test("a memo index of 2^32-1 costs nothing", () => {
    const m = loader(raw(global("torch.nn.modules.activation.ReLU"), ")\x81r\xff\xff\xff\xff}b"))();
    expect(m).toBeInstanceOf(nn.ReLU);
  });
});
