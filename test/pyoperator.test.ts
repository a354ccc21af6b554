/**
 * Python's operator protocol for objects of a class with operator methods (src/pyoperator.ts): the run-time
 * side of the dialect (kernel/dynamic_ops.ts) and the builtins that add or call (sum, map), as micrograd's
 * Value uses them.
 */
import * as D from "../kernel/dynamic_ops";
import { list, map, sum } from "../src/builtins";
import { binaryDunder, NO_METHOD } from "../src/pyoperator";

class Val {
  constructor(public data: number) {}
  __add__(other: Val | number): Val {
    return new Val(this.data + (other instanceof Val ? other.data : other));
  }
  __radd__(other: number): Val {
    return this.__add__(other);
  }
  __mul__(other: Val | number): Val {
    return new Val(this.data * (other instanceof Val ? other.data : other));
  }
  __rsub__(other: number): Val {
    return new Val(other - this.data);
  }
  __neg__(): Val {
    return new Val(-this.data);
  }
  __eq__(other: Val): boolean {
    return other instanceof Val && other.data === this.data;
  }
}

class Acc {
  total = 0;
  __iadd__(other: number): Acc {
    this.total += other;
    return this;
  }
}

describe("src/pyoperator.ts: Python's operator methods", () => {
  test("a <op> b calls a.__op__(b), else b.__rop__(a); != is not __eq__ when __ne__ is missing; NO_METHOD without either", () => {
    expect((D.op("add", new Val(2), new Val(3)) as Val).data).toBe(5);
    expect((D.op("add", 1, new Val(3)) as Val).data).toBe(4);
    expect((D.op("sub", 10, new Val(3)) as Val).data).toBe(7);
    expect((D.unary("neg", new Val(3)) as Val).data).toBe(-3);
    expect(D.op("eq", new Val(3), new Val(3))).toBe(true);
    expect(D.op("ne", new Val(3), new Val(3))).toBe(false);
    expect(binaryDunder("mul", 2, 3)).toBe(NO_METHOD);
    // Numbers keep JavaScript's operator.
    expect(D.op("mul", 2, 3)).toBe(6);
  });

  test("x <op>= y: __iadd__ where defined (the same object), else __add__ (a new one)", () => {
    const acc = new Acc();
    expect(D.assign("add_", acc, 2)).toBe(acc);
    expect(acc.total).toBe(2);
    const v = new Val(1);
    const w = D.assign("add_", v, 2) as Val;
    expect([w === v, w.data, v.data]).toEqual([false, 3, 1]);
  });

  test("sum() adds by __radd__ / __add__ (0 + v is v.__radd__(0)), from a start of the class too; map() calls a class and a __call__ instance", () => {
    expect(sum([new Val(1), new Val(2), new Val(4)]).data).toBe(7);
    expect(sum([new Val(1), new Val(2)], new Val(10)).data).toBe(13);
    expect(list(map(Val, [1, 2])).map((v) => v.data)).toEqual([1, 2]);
    const double = { __call__: (x: number) => 2 * x };
    expect(list(map(double, [1, 2]))).toEqual([2, 4]);
    expect(() => list(map(3 as unknown as (x: number) => number, [1]))).toThrow("'int' object is not callable");
  });
});
