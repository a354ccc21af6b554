/**
 * src/pydict.ts: Python's dict methods on plain objects, Records and Maps, compared with Python 3.11 /
 * PyTorch 1.13 (the expected texts are what Python prints for the same dicts).
 */
import { torch } from "../src";
import { dict_copy, dict_get, dict_items, dict_keys, dict_pop, dict_setdefault, dict_update, dict_values } from "../src/pydict";
import { str, list, len } from "../src/builtins";

beforeAll(async () => {
  await torch.ready();
});

describe("Python's dict methods", () => {
  test("keys / values / items print as Python's views; a state_dict's as an OrderedDict's", () => {
    torch.manual_seed(0);
    const sd = new torch.nn.Linear(2, 1).state_dict();
    expect(str(dict_keys(sd))).toBe("odict_keys(['weight', 'bias'])");
    expect(str(dict_items({ a: 1, b: "x" }))).toBe("dict_items([('a', 1), ('b', 'x')])");
    expect(str(dict_values({ a: [1, 2] }))).toBe("dict_values([[1, 2]])");
    expect(str(dict_keys(new Map([[1, "a"]])))).toBe("dict_keys([1])");
    // list() of a view is a plain list; len() and iteration work on the view itself.
    expect(str(list(dict_keys(sd)))).toBe("['weight', 'bias']");
    expect(len(dict_values(sd))).toBe(2);
    expect(dict_items(sd).map(([k, v]) => `${k}:${v.shape}`)).toEqual(["weight:torch.Size([1, 2])", "bias:torch.Size([1])"]);
  });

  test("get / pop / setdefault / update / copy as Python's, KeyError for a missing key", () => {
    const cfg: Record<string, number> = { lr: 0.1, epochs: 3 };
    expect([dict_get(cfg, "lr"), dict_get(cfg, "momentum", 0.9), dict_get(cfg, "x")]).toEqual([0.1, 0.9, null]);
    expect(dict_pop(cfg, "epochs")).toBe(3);
    expect(dict_pop(cfg, "zz", -1)).toBe(-1);
    expect(() => dict_pop(cfg, "nokey")).toThrow("'nokey'");
    expect(dict_update(cfg, { lr: 0.01, wd: 1e-4 })).toBeNull();
    expect(str(cfg)).toBe("{'lr': 0.01, 'wd': 0.0001}");
    expect(dict_setdefault(cfg, "bs", 64)).toBe(64);
    expect(dict_setdefault(cfg, "bs", 1)).toBe(64);
    const c2 = dict_copy(cfg);
    c2.lr = 1;
    expect([cfg.lr, c2.lr]).toEqual([0.01, 1]);
    const m = new Map<string, number>([["a", 1]]);
    dict_update(m, [["b", 2]]);
    expect([dict_pop(m, "a"), [...m.keys()]]).toEqual([1, ["b"]]);
    expect(() => dict_keys([1, 2] as unknown as object)).toThrow("'list' object has no attribute 'keys'");
  });
});
