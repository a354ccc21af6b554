/**
 * Module.__call__ (_call_impl): with no hooks it calls forward directly; with hooks registered they
 * run in PyTorch's order (pre-hooks in registration order, forward, forward hooks in registration
 * order), a pre-hook's array replaces the inputs and a hook's value the output, and removing hooks
 * returns the module to the direct path. The order and values come from PyTorch 1.13
 * (test/reference/gen_module_call_hooks.py, which runs the same script).
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";

const nn = torch.nn;
type Tensor = torch.Tensor;
type Event = (string | number[])[];
interface Call {
  label: string;
  events: Event[];
  out: number[];
}

const ref = JSON.parse(fs.readFileSync(path.join(__dirname, "../reference/module_call_hooks.json"), "utf8")) as { calls: Call[] };

const v = (t: Tensor): number[] => Array.from(t.dataSync(), Number);

test("hooks fire in PyTorch's order as they are registered and removed, and the unhooked path calls forward", () => {
  const log: Event[] = [];
  class Two extends nn.Module {
    scale = 10;
    forward(a: Tensor, b: Tensor): Tensor {
      log.push(["forward", v(a), v(b)]);
      // `this` is the module on both paths.
      return a.mul(this.scale).add(b);
    }
  }
  const m = new Two();
  const a = torch.tensor([1, 2]);
  const b = torch.tensor([3, 4]);
  const calls: Call[] = [];
  const call = (label: string): void => {
    log.length = 0;
    const out = m(a, b);
    calls.push({ label, events: log.slice(), out: v(out) });
  };
  const pre1 = (_m: Two, inp: [Tensor, Tensor]): void => void log.push(["pre1", v(inp[0]), v(inp[1])]);
  const pre2 = (_m: Two, inp: [Tensor, Tensor]): [Tensor, Tensor] => {
    log.push(["pre2", v(inp[0]), v(inp[1])]);
    return [inp[0].add(1), inp[1]];
  };
  const hook1 = (_m: Two, inp: [Tensor, Tensor], out: Tensor): void => void log.push(["hook1", v(inp[0]), v(inp[1]), v(out)]);
  const hook2 = (_m: Two, inp: [Tensor, Tensor], out: Tensor): Tensor => {
    log.push(["hook2", v(inp[0]), v(inp[1]), v(out)]);
    return out.mul(2);
  };
  const hook3 = (_m: Two, inp: [Tensor, Tensor], out: Tensor): void => void log.push(["hook3", v(inp[0]), v(inp[1]), v(out)]);

  call("no hooks");
  const hPre1 = m.register_forward_pre_hook(pre1);
  const hPre2 = m.register_forward_pre_hook(pre2);
  const h1 = m.register_forward_hook(hook1);
  const h2 = m.register_forward_hook(hook2);
  const h3 = m.register_forward_hook(hook3);
  call("two pre-hooks, three hooks");
  hPre2.remove();
  h2.remove();
  call("pre2 and hook2 removed");
  hPre1.remove();
  call("only forward hooks");
  h1.remove();
  h3.remove();
  hPre1.remove();
  call("all removed");
  const hOnly = m.register_forward_pre_hook(pre2);
  call("only a pre-hook");
  hOnly.remove();
  call("removed again");

  expect(calls).toEqual(ref.calls);
});

test("the direct path passes every argument and returns forward's value as is", () => {
  class Many extends nn.Module {
    forward(...xs: number[]): { n: number; sum: number } {
      return { n: xs.length, sum: xs.reduce((p, q) => p + q, 0) };
    }
  }
  const m = new Many();
  expect(m(1, 2, 3, 4)).toEqual({ n: 4, sum: 10 });
  expect(m()).toEqual({ n: 0, sum: 0 });
});

test("a hook that registers another hook does not run it in the same call (PyTorch snapshots the hooks)", () => {
  const lin = new nn.Linear(2, 2);
  const seen: string[] = [];
  lin.register_forward_hook(() => {
    seen.push("first");
    if (seen.length === 1) lin.register_forward_hook(() => void seen.push("late"));
  });
  lin(torch.ones(1, 2));
  expect(seen).toEqual(["first"]);
  lin(torch.ones(1, 2));
  expect(seen).toEqual(["first", "first", "late"]);
});
