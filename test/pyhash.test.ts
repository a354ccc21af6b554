/**
 * src/pyhash.ts: dict keys equal as Python's hash and == make them (1, 1.0 and True one key; tuples by
 * value), for torchlab's own dicts (PyMap: dict(pairs), Counter, defaultdict) and for a Map a cell made
 * itself, read and written through src/pydict.ts.
 */
import { mapKey, PyMap } from "../src/pyhash";
import { dict_get, dict_getitem, dict_pop, dict_setitem } from "../src/pydict";
import { asPyTuple } from "../src/pyrepr";
import { KeyError } from "../src/errors";

const tup = (...xs: unknown[]): unknown[] => asPyTuple(xs);

describe("PyMap keys by Python's equality", () => {
  test("an equal tuple reads, writes, tests and deletes the entry of the first one stored", () => {
    const first = tup(1, 2);
    const m = new PyMap<unknown, number>([[first, 1]]);
    m.set(tup(1, 2), 5);
    expect(m.size).toBe(1);
    expect([...m.keys()][0]).toBe(first);
    expect(m.get(tup(1, 2))).toBe(5);
    expect(m.has(tup(1, 2))).toBe(true);
    expect(m.has(tup(2, 1))).toBe(false);
    expect(m.delete(tup(1, 2))).toBe(true);
    expect(m.size).toBe(0);
    m.set(tup(1, 2), 7);
    expect(m.get(tup(1, 2))).toBe(7);
  });

  test("1, 1.0 and true are one key, the first kept (Python's {1: 'z'} after d[True] = 'z')", () => {
    const m = new PyMap<unknown, string>();
    m.set(1, "x").set(true, "z");
    expect([...m.entries()]).toEqual([[1, "z"]]);
    m.clear();
    m.set(tup("a", tup(1, 2)), "nested");
    expect(m.get(tup("a", tup(1, 2)))).toBe("nested");
  });

  test("objects stay keys by identity, as PyTorch hashes a tensor", () => {
    const a = {}, b = {};
    const m = new PyMap<unknown, number>([[a, 1]]);
    expect(m.has(b)).toBe(false);
    expect(m.get(a)).toBe(1);
  });
});

describe("a cell's own Map and plain object as Python's dict", () => {
  test("a tuple key of a new Map is found by value, after deletes and direct sets too", () => {
    const m = new Map<unknown, number>();
    dict_setitem(m, tup(0, 0), 1);
    dict_setitem(m, tup(0, 0), 2);
    expect(m.size).toBe(1);
    expect(dict_getitem(m, tup(0, 0))).toBe(2);
    m.set(tup(3, 4), 9); // JavaScript's own set, behind the index's back
    expect(dict_get(m, tup(3, 4))).toBe(9);
    expect(dict_pop(m, tup(0, 0))).toBe(2);
    m.set(tup(5, 6), 1); // the same size as before the pop, whose index entry went with it
    expect(dict_get(m, tup(5, 6))).toBe(1);
    expect(mapKey(m, tup(7, 7))).toEqual([7, 7]);
  });

  test("a missing key is KeyError carrying the key; a plain object's tuple key prints as the tuple", () => {
    const d: Record<string, number> = {};
    dict_setitem(d, tup(1, 2), 3);
    expect(dict_getitem(d, tup(1, 2))).toBe(3);
    expect(() => dict_getitem(d, "k")).toThrow(KeyError);
    let caught: unknown;
    try {
      dict_getitem(new Map(), tup(1, "a"));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(KeyError);
    expect((caught as KeyError).message).toBe("(1, 'a')");
    expect((caught as KeyError).args).toEqual([[1, "a"]]);
  });
});
