/**
 * In a plain script `x[5000] = 1` used to add a property silently while `x[5000]` raised: writes to
 * any integer key now raise as reads do, for tensors and datasets, and ordinary fields (also those
 * of subclasses) are still assigned as before.
 */
import { torch } from "../../src";

const { Dataset } = torch.utils.data;

describe("integer keys past the accessor range", () => {
  test.each([4095, 4096, 5000, 1e6, -17, -5000])("x[%d] = 1 raises like x[%d] reads", (i) => {
    const x = torch.zeros(3) as unknown as Record<number, unknown>;
    expect(() => x[i]).toThrow(TypeError);
    expect(() => {
      x[i] = 1;
    }).toThrow(new RegExp(`tensor\\[${i}\\] = \\.\\.\\. is not supported outside a notebook cell: use x\\.setitem\\(${i}, value\\)`));
    expect(Object.keys(x)).not.toContain(String(i));
  });
  test("a Dataset subclass keeps its fields; ds[5000] = v raises", () => {
    class Squares extends Dataset<number> {
      n: number;
      label = "squares";
      constructor(n: number) {
        super();
        this.n = n;
      }
      __len__(): number {
        return this.n;
      }
      getitem(i: number): number {
        return i * i;
      }
    }
    const ds = new Squares(3);
    expect([ds.n, ds.label, ds.getitem(2)]).toEqual([3, "squares", 4]);
    expect(() => {
      (ds as unknown as Record<number, number>)[5000] = 1;
    }).toThrow(/dataset\[5000\] = \.\.\./);
  });
  test("fields added after construction, and __proto__, behave as on any object", () => {
    const x = torch.ones(2) as unknown as Record<string, unknown>;
    x.note = "mine";
    expect(x.note).toBe("mine");
    expect((torch.ones(2) as unknown as Record<string, unknown>).note).toBeUndefined();
    const p = new torch.nn.Parameter(torch.ones(2));
    expect(p.requires_grad).toBe(true);
    expect(Object.getPrototypeOf(p)).toBe(torch.nn.Parameter.prototype);
  });
});
