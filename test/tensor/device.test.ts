/**
 * x.device is a torch.device as in PyTorch 1.13 (printed device(type='cpu'), str 'cpu', .type 'cpu',
 * equal to torch.device('cpu')), read from test/reference/gen_device.py; it also still reads as the
 * string 'cpu' torchlab used to return (String(), templates, loose equality).
 */
import * as util from "util";
import { torch } from "../../src";
import { readReference } from "./fixtures";

const ref = readReference<Record<string, string | boolean | null>>("device.json");

describe("x.device", () => {
  test("prints, converts and compares as PyTorch's torch.device", () => {
    const x = torch.zeros(2);
    const y = torch.ones(3);
    expect(util.inspect(x.device)).toBe(ref.repr);
    expect(String(x.device)).toBe(ref.str);
    expect(`${x.device}`).toBe(ref.str);
    expect(x.device.type).toBe(ref.type);
    expect(x.device.index).toBe(ref.index);
    expect(x.device == torch.device("cpu")).toBe(ref.eq_device);
    expect(x.device != y.device).toBe(ref.ne_other);
    expect(x.device instanceof torch.Device).toBe(true);
    expect(util.inspect(torch.device("cuda:1"))).toBe(ref.repr_cuda1);
    expect(String(torch.device("cuda:1"))).toBe(ref.str_cuda1);
  });
  test("still reads as the string 'cpu' (loose equality, string methods)", () => {
    const d = torch.zeros(1).device;
    // eslint-disable-next-line eqeqeq
    expect(d == "cpu").toBe(true);
    expect(d.startsWith("cpu")).toBe(true);
    expect(JSON.stringify({ d })).toBe('{"d":"cpu"}');
    // The documented difference: an object is never strictly equal to a string.
    expect((d as unknown) === "cpu").toBe(false);
  });
  test("is accepted wherever a device is: to(), factories, Module.to", () => {
    const x = torch.tensor([1.5, 2]);
    const y = torch.zeros(2);
    expect(x.to(y.device)).toBe(x);
    expect(String(torch.zeros(2, { device: x.device }).device)).toBe("cpu");
    expect(torch.zeros(2, { device: x.device }).shape).toEqual([2]);
    const net = new torch.nn.Linear(2, 1);
    expect(net.to(x.device)).toBe(net);
    expect(torch.device(x.device)).toBe(x.device);
  });
  test("a bad device string is refused as PyTorch refuses it", () => {
    // PyTorch lists every device type it knows; torchlab the two it has.
    const tail = (ref.bad_error as string).slice((ref.bad_error as string).indexOf(" device type at start"));
    expect(() => torch.device("tpu")).toThrow("Expected one of cpu, cuda" + tail);
  });
});
