/**
 * Python's `//` and `%` on numbers, as CPython computes them (Objects/floatobject.c float_divmod), where
 * JavaScript's `%` keeps the dividend's sign and `Math.floor(a / b)` rounds the quotient first:
 * `-7 // 2` is -4 and `-7 % 2` is 1, `1 // 0.1` is 9.0 (Math.floor(1 / 0.1) is 10), `5.5 % -2` is -0.5,
 * and a zero divisor is Python's ZeroDivisionError. A JavaScript number does not say whether Python's
 * operand was an int or a float; `float` says whether either was (the messages differ, and an int's
 * result has no negative zero).
 */
import { ZeroDivisionError } from "./errors";

/** CPython's float_divmod: [floor quotient, remainder with the divisor's sign]. */
function divmod(x: number, y: number): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0) {
    if (y < 0 !== mod < 0) {
      mod += y;
      div -= 1;
    }
  } else mod = Math.sign(1 / y) * 0;
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else floordiv = (x / y < 0 || Object.is(x / y, -0) ? -1 : 1) * 0;
  return [floordiv, mod];
}

/** Python's `x // y` of two numbers; `float`: whether either operand is a Python float. */
export function floordiv(x: number, y: number, float: boolean): number {
  if (y === 0) throw new ZeroDivisionError(float ? "float floor division by zero" : "integer division or modulo by zero");
  const q = divmod(x, y)[0];
  return float ? q : q + 0;
}

/** Python's `x % y` of two numbers (the divisor's sign); `float`: whether either operand is a Python float. */
export function mod(x: number, y: number, float: boolean): number {
  if (y === 0) throw new ZeroDivisionError(float ? "float modulo" : "integer modulo by zero");
  const r = divmod(x, y)[1];
  return float ? r : r + 0;
}
