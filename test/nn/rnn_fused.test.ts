/**
 * nn.LSTM / nn.GRU and their cells run each step's gates as one fused node (ThnnFusedLstmCellBackward0,
 * FusedGruCellBackward0, with the backward written by hand) and a layer's steps under one node gathering the input
 * projection's gradient once. Here they are checked against the LSTM equations written out in
 * plain torch ops, as a user would (PyTorch's documented formulas), on seeded random shapes:
 * outputs, final states and the gradients of every parameter, the input, h0 and c0.
 */
import { torch } from "../../src";
import type { Tensor } from "../../src";

const { nn } = torch;

function maxDiff(a: Tensor, b: Tensor): number {
  expect(a.shape).toEqual(b.shape);
  return a.sub(b).abs().max().item() as number;
}

function expectClose(a: Tensor, b: Tensor, what: string): void {
  const scale = Math.max(1, b.abs().max().item() as number);
  const d = maxDiff(a, b) / scale;
  if (!(d <= 2e-5)) throw new Error(`${what}: max difference ${d}`);
}

/** One LSTM step from PyTorch's documentation, in separate ops. */
function cellRef(x: Tensor, h: Tensor, c: Tensor, w_ih: Tensor, w_hh: Tensor, b_ih: Tensor | null, b_hh: Tensor | null, w_hr: Tensor | null): [Tensor, Tensor] {
  let gates = x.mm(w_ih.t()).add(h.mm(w_hh.t()));
  if (b_ih) gates = gates.add(b_ih);
  if (b_hh) gates = gates.add(b_hh);
  const [i, f, g, o] = gates.chunk(4, 1);
  const c2 = f.sigmoid().mul(c).add(i.sigmoid().mul(g.tanh()));
  let h2 = o.sigmoid().mul(c2.tanh());
  if (w_hr) h2 = h2.mm(w_hr.t());
  return [h2, c2];
}

/** nn.LSTM (seq-first, dense) from its own parameters, step by step. */
function lstmRef(lstm: InstanceType<typeof nn.LSTM>, x: Tensor, h0: Tensor, c0: Tensor): [Tensor, Tensor, Tensor] {
  const p = Object.fromEntries(lstm.named_parameters()) as Record<string, Tensor | undefined>;
  const D = lstm.bidirectional ? 2 : 1;
  const hN: Tensor[] = [];
  const cN: Tensor[] = [];
  let input = x;
  for (let l = 0; l < lstm.num_layers; l++) {
    const outs: Tensor[] = [];
    for (let d = 0; d < D; d++) {
      const sfx = `_l${l}${d === 1 ? "_reverse" : ""}`;
      const k = l * D + d;
      let h = h0.select(0, k);
      let c = c0.select(0, k);
      const steps = input.unbind(0);
      const ys: Tensor[] = new Array(steps.length);
      const order = steps.map((_, t) => (d === 1 ? steps.length - 1 - t : t));
      for (const t of order) {
        [h, c] = cellRef(steps[t], h, c, p[`weight_ih${sfx}`]!, p[`weight_hh${sfx}`]!, p[`bias_ih${sfx}`] ?? null, p[`bias_hh${sfx}`] ?? null, p[`weight_hr${sfx}`] ?? null);
        ys[t] = h;
      }
      outs.push(torch.stack(ys, 0));
      hN.push(h);
      cN.push(c);
    }
    input = D === 1 ? outs[0] : torch.cat(outs, 2);
  }
  return [input, torch.stack(hN, 0), torch.stack(cN, 0)];
}

interface Case {
  T: number;
  B: number;
  I: number;
  H: number;
  layers: number;
  bidirectional: boolean;
  proj: number;
  bias: boolean;
}

function randomCase(r: () => number): Case {
  const H = 1 + Math.floor(r() * 12);
  return {
    T: 1 + Math.floor(r() * 7),
    B: 1 + Math.floor(r() * 5),
    I: 1 + Math.floor(r() * 9),
    H,
    layers: 1 + Math.floor(r() * 2),
    bidirectional: r() < 0.5,
    proj: H > 1 && r() < 0.3 ? 1 + Math.floor(r() * (H - 1)) : 0,
    bias: r() < 0.8,
  };
}

/** A small LCG so the shapes do not depend on torch's generator. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe("fused LSTM steps against the LSTM equations in plain ops", () => {
  const r = lcg(12345);
  const cases = Array.from({ length: 8 }, () => randomCase(r));
  test.each(cases.map((c, n) => [n, c] as [number, Case]))("case %i %j", (n, cs) => {
    torch.manual_seed(100 + n);
    const lstm = new nn.LSTM(cs.I, cs.H, { num_layers: cs.layers, bidirectional: cs.bidirectional, proj_size: cs.proj, bias: cs.bias });
    const D = cs.bidirectional ? 2 : 1;
    const Hout = cs.proj || cs.H;
    const x = torch.randn(cs.T, cs.B, cs.I).requires_grad_();
    const h0 = torch.randn(cs.layers * D, cs.B, Hout).requires_grad_();
    const c0 = torch.randn(cs.layers * D, cs.B, cs.H).requires_grad_();
    const wo = torch.randn(cs.T, cs.B, D * Hout);
    const wh = torch.randn(cs.layers * D, cs.B, Hout);
    const wc = torch.randn(cs.layers * D, cs.B, cs.H);
    const params = lstm.parameters();
    const leaves: Tensor[] = [x, h0, c0, ...params];

    const run = (fn: () => [Tensor, Tensor, Tensor]): [Tensor[], Tensor[]] => {
      for (const t of leaves) t.grad = null;
      const [out, h, c] = fn();
      out.mul(wo).sum().add(h.mul(wh).sum()).add(c.mul(wc).sum()).backward();
      return [[out.detach(), h.detach(), c.detach()], leaves.map((t) => (t.grad as Tensor).clone())];
    };
    const [got, gotGrads] = run(() => {
      const [out, [h, c]] = lstm(x, [h0, c0]) as [Tensor, [Tensor, Tensor]];
      return [out, h, c];
    });
    const [want, wantGrads] = run(() => lstmRef(lstm, x, h0, c0));
    ["output", "h_n", "c_n"].forEach((w, i) => expectClose(got[i], want[i], w));
    const names = ["input", "h0", "c0", ...lstm.named_parameters().map(([k]) => k)];
    names.forEach((w, i) => expectClose(gotGrads[i], wantGrads[i], `grad of ${w}`));

    // Without autograd the same values come out.
    const [outNg, [hNg, cNg]] = torch.no_grad(() => lstm(x, [h0, c0])) as [Tensor, [Tensor, Tensor]];
    expect(outNg.requires_grad).toBe(false);
    expect(maxDiff(outNg, got[0])).toBe(0);
    expect(maxDiff(hNg, got[1])).toBe(0);
    expect(maxDiff(cNg, got[2])).toBe(0);
  });

  test("LSTMCell: the fused step's gradients, twice through a retained graph", () => {
    torch.manual_seed(7);
    const cell = new nn.LSTMCell(5, 6);
    const x = torch.randn(3, 5).requires_grad_();
    const h = torch.randn(3, 6).requires_grad_();
    const c = torch.randn(3, 6).requires_grad_();
    const leaves: Tensor[] = [x, h, c, ...cell.parameters()];
    const grads = (fn: () => [Tensor, Tensor], twice: boolean): Tensor[] => {
      for (const t of leaves) t.grad = null;
      const [h2, c2] = fn();
      const loss = h2.pow(2).sum().add(c2.mul(3).sum());
      loss.backward({ retain_graph: twice });
      if (twice) loss.backward();
      return leaves.map((t) => (t.grad as Tensor).clone());
    };
    const p = Object.fromEntries(cell.named_parameters()) as Record<string, Tensor>;
    const got = grads(() => {
      const [h2, c2] = cell(x, [h, c]) as [Tensor, Tensor];
      // PyTorch's CPU cell ends in h = o * tanh(c); the node under it is torchlab's fused step.
      expect(h2.grad_fn?.name()).toBe("MulBackward0");
      expect(c2.grad_fn?.name()).toBe("AddBackward0");
      expect(h2.grad_fn?.next_functions[0][0]?.name()).toBe("ThnnFusedLstmCellBackward0");
      return [h2, c2];
    }, true);
    const want = grads(() => cellRef(x, h, c, p.weight_ih, p.weight_hh, p.bias_ih, p.bias_hh, null), true);
    got.forEach((g, i) => expectClose(g, want[i], `grad ${i}`));
  });
});

/** One GRU step from PyTorch's documentation, in separate ops. */
function gruRef(x: Tensor, h: Tensor, w_ih: Tensor, w_hh: Tensor, b_ih: Tensor | null, b_hh: Tensor | null): Tensor {
  let gi = x.mm(w_ih.t());
  let gh = h.mm(w_hh.t());
  if (b_ih) gi = gi.add(b_ih);
  if (b_hh) gh = gh.add(b_hh);
  const [ir, iz, inn] = gi.chunk(3, 1);
  const [hr, hz, hn] = gh.chunk(3, 1);
  const r = ir.add(hr).sigmoid();
  const z = iz.add(hz).sigmoid();
  const n = inn.add(r.mul(hn)).tanh();
  return torch.ones_like(z).sub(z).mul(n).add(z.mul(h));
}

describe("fused GRU steps against the GRU equations in plain ops", () => {
  const r = lcg(777);
  const cases = Array.from({ length: 5 }, () => randomCase(r));
  test.each(cases.map((c, n) => [n, c] as [number, Case]))("case %i %j", (n, cs) => {
    torch.manual_seed(200 + n);
    const gru = new nn.GRU(cs.I, cs.H, { num_layers: cs.layers, bidirectional: cs.bidirectional, bias: cs.bias });
    const D = cs.bidirectional ? 2 : 1;
    const x = torch.randn(cs.T, cs.B, cs.I).requires_grad_();
    const h0 = torch.randn(cs.layers * D, cs.B, cs.H).requires_grad_();
    const wo = torch.randn(cs.T, cs.B, D * cs.H);
    const wh = torch.randn(cs.layers * D, cs.B, cs.H);
    const leaves: Tensor[] = [x, h0, ...gru.parameters()];
    const p = Object.fromEntries(gru.named_parameters()) as Record<string, Tensor | undefined>;
    const run = (fn: () => [Tensor, Tensor]): Tensor[] => {
      for (const t of leaves) t.grad = null;
      const [out, h] = fn();
      out.mul(wo).sum().add(h.mul(wh).sum()).backward();
      return [out.detach(), h.detach(), ...leaves.map((t) => (t.grad as Tensor).clone())];
    };
    const got = run(() => {
      const [out, h] = gru(x, h0) as [Tensor, Tensor];
      return [out, h];
    });
    const want = run(() => {
      const hN: Tensor[] = [];
      let input = x;
      for (let l = 0; l < cs.layers; l++) {
        const outs: Tensor[] = [];
        for (let d = 0; d < D; d++) {
          const sfx = `_l${l}${d === 1 ? "_reverse" : ""}`;
          let h = h0.select(0, l * D + d);
          const steps = input.unbind(0);
          const ys: Tensor[] = new Array(steps.length);
          for (let k = 0; k < steps.length; k++) {
            const t = d === 1 ? steps.length - 1 - k : k;
            h = gruRef(steps[t], h, p[`weight_ih${sfx}`]!, p[`weight_hh${sfx}`]!, p[`bias_ih${sfx}`] ?? null, p[`bias_hh${sfx}`] ?? null);
            ys[t] = h;
          }
          outs.push(torch.stack(ys, 0));
          hN.push(h);
        }
        input = D === 1 ? outs[0] : torch.cat(outs, 2);
      }
      return [input, torch.stack(hN, 0)];
    });
    const names = ["output", "h_n", "grad of input", "grad of h0", ...gru.named_parameters().map(([k]) => `grad of ${k}`)];
    names.forEach((w, i) => expectClose(got[i], want[i], w));
  });

  test("GRUCell: the fused step's grad_fn and gradients", () => {
    torch.manual_seed(8);
    const cell = new nn.GRUCell(4, 5);
    const x = torch.randn(3, 4).requires_grad_();
    const h = torch.randn(3, 5).requires_grad_();
    const leaves: Tensor[] = [x, h, ...cell.parameters()];
    const p = Object.fromEntries(cell.named_parameters()) as Record<string, Tensor>;
    const grads = (fn: () => Tensor): Tensor[] => {
      for (const t of leaves) t.grad = null;
      fn().pow(2).sum().backward();
      return leaves.map((t) => (t.grad as Tensor).clone());
    };
    const got = grads(() => {
      const h2 = cell(x, h) as Tensor;
      expect(h2.grad_fn?.next_functions[0][0]?.name()).toBe("FusedGruCellBackward0");
      return h2;
    });
    const want = grads(() => gruRef(x, h, p.weight_ih, p.weight_hh, p.bias_ih, p.bias_hh));
    got.forEach((g, i) => expectClose(g, want[i], `grad ${i}`));
  });
});
