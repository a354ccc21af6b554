/**
 * The `device` argument of creation functions and of layers is checked before anything is allocated,
 * as PyTorch checks it (test/reference/gen_parallel_devices.py, PyTorch 1.13 without CUDA): an unknown
 * device type is a RuntimeError naming it, 'cuda' without the CUDA backend is refused with PyTorch's
 * "Torch not compiled with CUDA enabled", and 'meta' (shape-only tensors, which torchlab does not have)
 * is a NotImplementedError instead of a tensor full of values (reasoning_about_shapes.py's
 * torch.rand(2**10, 3, 2**16, 2**16, device="meta") would otherwise try to allocate 2^45 floats).
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "parallel_devices.json"), "utf8")).devices as Record<string, [string, string]>;

function raised(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("did not raise");
}

test("an unknown device type: PyTorch's RuntimeError, naming the string", () => {
  const tail = R.unknown[1].slice(R.unknown[1].indexOf(" device type at start"));
  for (const f of [() => torch.zeros(2, { device: "foo" }), () => torch.rand([2, 3], { device: "foo" }), () => torch.zeros(2).to({ device: "foo" })]) {
    const e = raised(f);
    expect(e.name).toBe(R.unknown[0]);
    expect(e.message.startsWith("Expected one of cpu, cuda")).toBe(true);
    expect(e.message.endsWith(tail)).toBe(true);
  }
  expect(raised(() => torch.zeros(2).to({ device: "foo" })).message.endsWith(R.to_options_unknown[1].slice(R.to_options_unknown[1].indexOf(" device type at start")))).toBe(true);
});

test("'cuda' without the CUDA backend is refused, by creation functions and by layers", () => {
  if (torch.cuda.is_available()) {
    expect(String(torch.zeros(2, { device: "cuda" }).device)).toBe("cuda");
    return;
  }
  for (const [f, want] of [
    [() => torch.zeros(2, { device: "cuda" }), R.cuda],
    [() => new torch.nn.Linear(2, 2, { device: "cuda" }), R.linear_cuda],
  ] as const) {
    expect(raised(f).message.startsWith(want[1])).toBe(true);
  }
});

test("'meta' is a NotImplementedError (PyTorch has it; torchlab tensors always hold values), before allocating", () => {
  expect(R.meta_tensor).toBe("meta");
  const e = raised(() => torch.rand(2 ** 10, 3, 2 ** 16, 2 ** 16, { device: "meta" }));
  expect(e).toBeInstanceOf(torch.NotImplementedError);
  expect(e.message).toMatch(/no 'meta' device/);
  expect(raised(() => new torch.nn.Conv2d(3, 5, 2, { device: "meta" }))).toBeInstanceOf(torch.NotImplementedError);
  expect(raised(() => torch.ones(2).to(torch.device("cpu")).to({ device: "meta" }))).toBeInstanceOf(torch.NotImplementedError);
  // cpu stays fine, as a string or a torch.device
  expect(torch.zeros(2, { device: "cpu" }).shape).toEqual([2]);
  expect(torch.zeros(2, { device: torch.device("cpu") as never }).shape).toEqual([2]);
});
