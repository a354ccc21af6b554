/**
 * PyTorch 1.13 / torchvision 0.14 against test/reference/scalar_bounds.json (gen_scalar_bounds.py):
 * clamp's integer bounds on int8 / uint8 / int16 (overflow errors, uint8 wrapping negatives) beside the
 * wrapping + and *, torch.tensor(Float64Array) as float64, and encode_png / write_png refusing non-uint8.
 */
import * as os from "os";
import * as path from "path";
import { torch, torchvision } from "../../src";
import { readReference } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
interface Ref {
  cases: Record<string, { repr?: string; error?: [string, string] }>;
  float64_array: string;
  float64_array_dtype: string;
  encode_png: Record<string, [string, string]>;
}
const R = readReference<Ref>("scalar_bounds.json");

function outcome(f: () => Tensor): { repr?: string; error?: [string, string] } {
  try {
    return { repr: String(f()) };
  } catch (e) {
    return { error: [(e as Error).name, (e as Error).message] };
  }
}

it("clamp's integer bounds on int8 / uint8 / int16, and + / * with out-of-range scalars", () => {
  const i8 = (): Tensor => torch.tensor([1, -100, 100], { dtype: torch.int8 });
  const u8 = (): Tensor => torch.tensor([1, 200], { dtype: torch.uint8 });
  const i16 = (): Tensor => torch.tensor([1, -300], { dtype: torch.int16 });
  const cases: Record<string, () => Tensor> = {
    "i8.clamp(-200, 300)": () => i8().clamp(-200, 300),
    "i8.clamp(-100, 200)": () => i8().clamp(-100, 200),
    "i8.clamp(-128, 127)": () => i8().clamp(-128, 127),
    "i8.clamp(-50, 50)": () => i8().clamp(-50, 50),
    "i8.clamp({min: -200})": () => i8().clamp({ min: -200 }),
    "i8.clamp({max: 300})": () => i8().clamp({ max: 300 }),
    "i8.clamp(-1.5, 2.5)": () => i8().clamp(-1.5, 2.5),
    "u8.clamp(-5, 300)": () => u8().clamp(-5, 300),
    "u8.clamp({min: -5})": () => u8().clamp({ min: -5 }),
    "u8.clamp({max: -1})": () => u8().clamp({ max: -1 }),
    "u8.clamp({min: 300})": () => u8().clamp({ min: 300 }),
    "u8.clamp({min: -256})": () => u8().clamp({ min: -256 }),
    "i16.clamp(-40000, 5)": () => i16().clamp(-40000, 5),
    "i16.clamp(-200, 5)": () => i16().clamp(-200, 5),
    "i8.add(300)": () => i8().add(300),
    "u8.add(300)": () => u8().add(300),
    "i8.mul(3)": () => i8().mul(3),
  };
  expect(Object.keys(cases).sort()).toEqual(Object.keys(R.cases).sort());
  const got = Object.fromEntries(Object.entries(cases).map(([k, f]) => [k, outcome(f)]));
  expect(got).toEqual(R.cases);
});

it("torch.tensor(Float64Array) is float64, as torch.tensor of a NumPy float64 array", () => {
  expect(String(torch.tensor(new Float64Array([1.5, 2.0, -0.25])))).toBe(R.float64_array);
  expect(String(torch.tensor(new Float64Array([1.5])).dtype)).toBe(R.float64_array_dtype);
  expect(String(torch.tensor(new Float32Array([1.5])).dtype)).toBe("torch.float32");
});

it("encode_png / write_png refuse a non-uint8 image with torchvision's error", () => {
  const io = torchvision.io;
  const e = R.encode_png;
  expect(outcome(() => io.encode_png(torch.zeros(3, 4, 4)) as never).error).toEqual(e.float32);
  expect(outcome(() => io.encode_png(torch.zeros([3, 4, 4], { dtype: torch.int64 })) as never).error).toEqual(e.int64);
  expect(outcome(() => io.write_png(torch.zeros(1, 4, 4), path.join(os.tmpdir(), "never-written.png")) as never).error).toEqual(e.write_png_float32);
});
