/**
 * Conv2d, ConvTranspose2d, the pooling, upsampling and padding layers and BatchNorm1d/2d against
 * PyTorch 1.13: repr, state_dict keys and order, outputs, input and parameter gradients, running
 * statistics after several training steps and the eval-mode output that follows.
 */
import { torch } from "../../src";
import { build, expectClose, Encoded } from "../tensor/fixtures";
import { evalTs, loadVision } from "./vision_helpers";

type Tensor = InstanceType<typeof torch.Tensor>;
type Module = InstanceType<typeof torch.nn.Module>;

interface Step {
  x: Encoded;
  out: Encoded;
  grad_out: Encoded;
  grad_x: Encoded;
  grads: Record<string, Encoded>;
  buffers: Record<string, Encoded>;
}
interface ModuleCase {
  name: string;
  ctor_py: string;
  ts: string;
  repr: string;
  state_dict: Record<string, Encoded>;
  state_keys: string[];
  train: boolean;
  steps: Step[];
  eval?: { x: Encoded; out: Encoded };
}

const nn = torch.nn;
const F = torch.nn.functional;

/** The tutorial's residual block, written as the issue translates it. */
class ResBlk extends nn.Module {
  conv1: InstanceType<typeof nn.Conv2d>;
  bn1: InstanceType<typeof nn.BatchNorm2d>;
  conv2: InstanceType<typeof nn.Conv2d>;
  bn2: InstanceType<typeof nn.BatchNorm2d>;
  extra: InstanceType<typeof nn.Sequential>;
  constructor(ch_in: number, ch_out: number) {
    super();
    this.conv1 = new nn.Conv2d(ch_in, ch_out, { kernel_size: 3, stride: 1, padding: 1 });
    this.bn1 = new nn.BatchNorm2d(ch_out);
    this.conv2 = new nn.Conv2d(ch_out, ch_out, { kernel_size: 3, stride: 1, padding: 1 });
    this.bn2 = new nn.BatchNorm2d(ch_out);
    this.extra = new nn.Sequential();
    if (ch_out !== ch_in) {
      this.extra = new nn.Sequential(new nn.Conv2d(ch_in, ch_out, { kernel_size: 1, stride: 1 }), new nn.BatchNorm2d(ch_out));
    }
  }
  forward(x: Tensor): Tensor {
    let out = F.relu(this.bn1(this.conv1(x)));
    out = this.bn2(this.conv2(out));
    return (this.extra(x) as Tensor).add(out);
  }
}

const fixture = loadVision<{ modules: ModuleCase[]; reprs: Record<string, string> }>("modules");

describe("vision modules match PyTorch", () => {
  for (const c of fixture.modules) {
    test(c.name, () => {
      const m = evalTs(c.ts, { ResBlk }) as Module;
      expect(String(m)).toBe(c.repr);
      expect(Object.keys(m.state_dict())).toEqual(c.state_keys);
      const sd: Record<string, Tensor> = {};
      for (const [k, e] of Object.entries(c.state_dict)) sd[k] = build(e);
      m.load_state_dict(sd);
      m.train(c.train);
      c.steps.forEach((s, i) => {
        const x = build(s.x, true);
        const y = m(x) as Tensor;
        expectClose(`${c.name} step ${i} out`, y, s.out);
        m.zero_grad();
        y.mul(build(s.grad_out)).sum().backward();
        expectClose(`${c.name} step ${i} grad x`, x.grad as Tensor, s.grad_x);
        const params = Object.fromEntries(m.named_parameters());
        for (const [k, e] of Object.entries(s.grads)) expectClose(`${c.name} step ${i} grad ${k}`, params[k].grad as Tensor, e);
        const buffers = Object.fromEntries(m.named_buffers());
        expect(Object.keys(buffers)).toEqual(Object.keys(s.buffers));
        for (const [k, e] of Object.entries(s.buffers)) expectClose(`${c.name} step ${i} buffer ${k}`, buffers[k], e);
      });
      if (c.eval) {
        m.eval();
        expectClose(`${c.name} eval out`, m(build(c.eval.x)) as Tensor, c.eval.out);
      }
    });
  }
});

describe("vision module reprs", () => {
  const toTs = (py: string): string =>
    "new " +
    py
      .replace(/\(/, "(")
      .replace(/True/g, "true")
      .replace(/False/g, "false")
      .replace(/None/g, "null");
  for (const [py, want] of Object.entries(fixture.reprs)) {
    test(py, () => {
      // Python keyword arguments become a trailing options object; tuples become arrays.
      const open = py.indexOf("(");
      const body = py.slice(open + 1, -1);
      const parts: string[] = [];
      let depth = 0;
      let cur = "";
      for (const ch of body) {
        if (ch === "(") depth++;
        if (ch === ")") depth--;
        if (ch === "," && depth === 0) {
          parts.push(cur.trim());
          cur = "";
        } else cur += ch;
      }
      if (cur.trim()) parts.push(cur.trim());
      const conv = (v: string): string => v.replace(/\(/g, "[").replace(/\)/g, "]").replace(/True/g, "true").replace(/False/g, "false").replace(/None/g, "null");
      const pos = parts.filter((p) => !/^\w+=/.test(p)).map(conv);
      const kw = parts.filter((p) => /^\w+=/.test(p)).map((p) => {
        const [k, ...v] = p.split("=");
        return `${k}: ${conv(v.join("="))}`;
      });
      const args = [...pos, ...(kw.length ? [`{${kw.join(", ")}}`] : [])].join(", ");
      const ts = `new ${py.slice(0, open)}(${args})`;
      void toTs;
      expect(String(evalTs(ts, {}))).toBe(want);
    });
  }
});
