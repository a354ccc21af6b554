/**
 * PyTorch surface that literal ports of 1.13 snippets use, each checked against
 * test/reference/gen_surface3.py (surface3.json): type-promotion queries, nn.ParameterList /
 * nn.ParameterDict.
 */
import { torch } from "../../src";
import { readReference } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
type Err = [string, string];
const ref = readReference<{
  promote_types: Record<string, string>;
  can_cast: Record<string, boolean>;
  result_type: Record<string, string>;
  promotion_errors: Record<string, Err>;
}>("surface3.json");

const DTYPES: Record<string, InstanceType<typeof torch.dtype>> = { bool: torch.bool, int32: torch.int32, int64: torch.int64, float32: torch.float32 };

function operand(name: string): Tensor | number | boolean {
  const [kind, v] = name.split("_");
  if (kind === "t") return torch.ones(2, { dtype: DTYPES[v] });
  if (kind === "z") return torch.tensor(1, { dtype: DTYPES[v] });
  return v === "true" ? true : Number(v);
}

function expectError(f: () => unknown, [cls, msg]: Err): void {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(Error);
  expect((caught as Error).name).toBe(cls);
  expect((caught as Error).message.startsWith(msg)).toBe(true);
}

describe("type promotion queries", () => {
  test.each(Object.entries(ref.promote_types))("promote_types(%s)", (pair, want) => {
    const [a, b] = pair.split(",");
    expect(String(torch.promote_types(DTYPES[a], DTYPES[b]))).toBe(want);
  });
  test.each(Object.entries(ref.can_cast))("can_cast(%s)", (pair, want) => {
    const [a, b] = pair.split(",");
    expect(torch.can_cast(DTYPES[a], DTYPES[b])).toBe(want);
  });
  test("result_type over tensors, 0-d tensors and numbers", () => {
    const wrong: string[] = [];
    for (const [pair, want] of Object.entries(ref.result_type)) {
      const [a, b] = pair.split(",");
      const got = String(torch.result_type(operand(a), operand(b)));
      if (got !== want) wrong.push(`${pair}: ${got} != ${want}`);
    }
    expect(wrong).toEqual([]);
    expect(Object.keys(ref.result_type).length).toBe(121);
  });
  test("add's result dtype is result_type's for every tensor operand pair", () => {
    const wrong: string[] = [];
    for (const [pair, want] of Object.entries(ref.result_type)) {
      const [a, b] = pair.split(",");
      const x = operand(a);
      if (!(x instanceof torch.Tensor)) continue;
      const got = String(x.add(operand(b) as Tensor | number).dtype);
      if (got !== want) wrong.push(`${pair}: ${got} != ${want}`);
    }
    expect(wrong).toEqual([]);
  });
  test("errors", () => {
    const E = ref.promotion_errors;
    expectError(() => torch.promote_types(torch.int32, 3 as unknown as typeof torch.int32), E.promote_types_int);
    expectError(() => torch.can_cast(torch.int32, "x" as unknown as typeof torch.int32), E.can_cast_str);
    expectError(() => torch.result_type(torch.tensor(1), "a" as unknown as number), E.result_type_str);
  });
});
