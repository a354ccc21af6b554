/**
 * The recurrent computation behind nn.RNN / nn.LSTM / nn.GRU and their cells, written in
 * differentiable torch ops so autograd needs nothing of its own.
 *
 * Speed comes from the layout, not from a special kernel: a layer's input projection
 * `x W_ih^T + b` is one matrix product over every time step at once, so each step only adds
 * `h W_hh^T` (one addmm) and the gate nonlinearities. The sequence is handled in PackedSequence
 * order (step t holds the first batch_sizes[t] sequences); a dense [T, B, *] input is the case
 * where every step holds all B.
 */
import { anyTangent } from "../../autograd/forward_state";
import { Tensor } from "../../tensor/tensor";
import { addmm } from "../../ops/addmm";
import { cat } from "../../ops/movement";
import { tf, compute, constant, constantOf, record } from "../../ops/_core";
import { is_grad_enabled } from "../../autograd/grad_mode";
import { runBackward } from "../../autograd/backward";
import { hasLstmKernel } from "../../backend/rnn_kernels";
import { sliceTf } from "../../backend/wasm_kernels";

/** PyTorch's RNN modes. */
export type RNNMode = "RNN_TANH" | "RNN_RELU" | "LSTM" | "GRU";

/** How many gate blocks W_ih and W_hh stack (LSTM i,f,g,o; GRU r,z,n). */
export function gateCount(mode: RNNMode): number {
  return mode === "LSTM" ? 4 : mode === "GRU" ? 3 : 1;
}

/** One direction of one layer's weights; b_hh is kept apart only where GRU needs it apart. */
export interface DirectionWeights {
  w_ih: Tensor;
  w_hh: Tensor;
  b_ih: Tensor | null;
  b_hh: Tensor | null;
  w_hr: Tensor | null;
}

/**
 * The input projection of every row of `x` [N, in] at once: [N, gates*H]. For RNN and LSTM the two
 * biases only ever appear summed, so both go in here; GRU's b_hn sits inside r * (W_hn h + b_hn)
 * and stays with the hidden product.
 */
export function inputProjection(mode: RNNMode, x: Tensor, w: DirectionWeights): Tensor {
  let bias: Tensor | null = w.b_ih;
  if (mode !== "GRU" && w.b_hh !== null) bias = bias === null ? w.b_hh : bias.add(w.b_hh);
  const wT = w.w_ih.t();
  return bias === null ? x.mm(wT) : addmm(bias, x, wT);
}

/** The per-step constants of one direction: W_hh^T (and W_hr^T) are taken once, not every step. */
export interface StepWeights {
  whhT: Tensor;
  bhhGru: Tensor | null;
  whrT: Tensor | null;
  hidden: number;
}

export function stepWeights(mode: RNNMode, w: DirectionWeights): StepWeights {
  return {
    whhT: w.w_hh.t(),
    bhhGru: mode === "GRU" ? w.b_hh : null,
    whrT: w.w_hr === null ? null : w.w_hr.t(),
    hidden: w.w_hh.shape[0] / gateCount(mode),
  };
}

/**
 * One time step: `xt` is this step's input projection [b, gates*H] (biases included as
 * inputProjection puts them), `h` [b, H_out] and for LSTM `c` [b, H]. Returns the new [h, c].
 */
export function cellStep(mode: RNNMode, xt: Tensor, h: Tensor, c: Tensor | null, s: StepWeights): [Tensor, Tensor | null] {
  const H = s.hidden;
  if (mode === "RNN_TANH") return [addmm(xt, h, s.whhT).tanh(), null];
  if (mode === "RNN_RELU") return [addmm(xt, h, s.whhT).relu(), null];
  if (mode === "LSTM" && lstmFusedApplies(xt, h, c as Tensor, s.whhT)) {
    const [hn, cn] = lstmCellFused(xt, h, c as Tensor, s.whhT);
    return [s.whrT !== null ? hn.mm(s.whrT) : hn, cn];
  }
  if (mode === "LSTM") {
    const gates = addmm(xt, h, s.whhT);
    // One sigmoid over all four blocks (g's share is unused) costs less than three separate ones.
    const sig = gates.sigmoid();
    const i = sig.narrow(1, 0, H);
    const f = sig.narrow(1, H, H);
    const g = gates.narrow(1, 2 * H, H).tanh();
    const o = sig.narrow(1, 3 * H, H);
    const c2 = f.mul(c as Tensor).add(i.mul(g));
    let h2 = o.mul(c2.tanh());
    if (s.whrT !== null) h2 = h2.mm(s.whrT);
    return [h2, c2];
  }
  const hh = s.bhhGru === null ? h.mm(s.whhT) : addmm(s.bhhGru, h, s.whhT);
  if (hasLstmKernel() && xt.dtype._tf === "float32" && hh.dtype._tf === "float32" && h.dtype._tf === "float32" && xt.dim() === 2 && h.dim() === 2 && xt.shape[0] === h.shape[0] && h.shape[0] > 0 && xt.shape[1] === 3 * H) {
    return [gruCellFused(xt, hh, h), null];
  }
  const rz = xt.narrow(1, 0, 2 * H).add(hh.narrow(1, 0, 2 * H)).sigmoid();
  const r = rz.narrow(1, 0, H);
  const z = rz.narrow(1, H, H);
  const n = xt.narrow(1, 2 * H, H).add(r.mul(hh.narrow(1, 2 * H, H))).tanh();
  // (1 - z) * n + z * h, with one op fewer.
  return [n.add(z.mul(h.sub(n))), null];
}

function lstmFusedApplies(xt: Tensor, h: Tensor, c: Tensor, whhT: Tensor): boolean {
  if (!hasLstmKernel() || xt.dim() !== 2) return false;
  const [b, G] = xt.shape;
  return (
    [xt, h, c, whhT].every((t) => t.dtype._tf === "float32" && t.dim() === 2) &&
    b > 0 && h.shape[0] === b && c.shape[0] === b && G === 4 * c.shape[1] && whhT.shape[0] === h.shape[1] && whhT.shape[1] === G
  );
}

/**
 * One LSTM step as one autograd node (grad_fn ThnnFusedLstmCellBackward0, PyTorch's fused cell):
 * gates = xt + h whhT, c' = f c + i g, h' = o tanh(c'), the elementwise part one kernel each way
 * (src/backend/rnn_kernels.ts) with the standard LSTM backward from the saved activations. The
 * node's output is the kernel's [b, 6H] (h', c', activations); h' and c' are views of it.
 */
function lstmCellFused(xt: Tensor, h: Tensor, c: Tensor, whhT: Tensor): [Tensor, Tensor] {
  const H = c.shape[1];
  const y = compute(() => tf.engine().runKernel("TorchlabLstmCell", { gates: tf.add(xt._t, tf.matMul(h._t, whhT._t)), c: c._t }) as tf.Tensor);
  if ((!is_grad_enabled() || ![xt, h, c, whhT].some((t) => t.requires_grad)) && !anyTangent([xt, h, c, whhT])) {
    const hn = constantOf([xt, h], compute(() => sliceTf(y, [0, 0], [-1, H])));
    const cn = constantOf([xt, h], compute(() => sliceTf(y, [0, H], [-1, H])));
    y.dispose();
    return [hn, cn];
  }
  const out = record(
    "ThnnFusedLstmCellBackward0",
    [xt, h, c, whhT],
    y,
    (g) => {
      const d = tf.engine().runKernel("TorchlabLstmCellGrad", { dy: g, y: out._t, c: c._t }) as tf.Tensor;
      const dgates = sliceTf(d, [0, 0], [-1, 4 * H]);
      return [
        xt.requires_grad ? dgates : null,
        h.requires_grad ? tf.matMul(dgates, whhT._t, false, true) : null,
        c.requires_grad ? sliceTf(d, [0, 4 * H], [-1, H]) : null,
        whhT.requires_grad ? tf.matMul(h._t, dgates, true, false) : null,
      ];
    },
    true,
  );
  return [out.narrow(1, 0, H), out.narrow(1, H, H)];
}

/**
 * The gates of a GRU step after the hidden product as one autograd node (grad_fn
 * FusedGruCellBackward0): one kernel each way (src/backend/rnn_kernels.ts). `hh` is h W_hh^T + b_hh,
 * an ordinary addmm whose own backward takes the node's gradient for it.
 */
function gruCellFused(xt: Tensor, hh: Tensor, h: Tensor): Tensor {
  const H = h.shape[1];
  const y = compute(() => tf.engine().runKernel("TorchlabGruCell", { xt: xt._t, hh: hh._t, h: h._t }) as tf.Tensor);
  if ((!is_grad_enabled() || ![xt, hh, h].some((t) => t.requires_grad)) && !anyTangent([xt, hh, h])) {
    const hn = constantOf([xt, h], compute(() => sliceTf(y, [0, 0], [-1, H])));
    y.dispose();
    return hn;
  }
  const out = record(
    "FusedGruCellBackward0",
    [xt, hh, h],
    y,
    (g) => {
      const d = tf.engine().runKernel("TorchlabGruCellGrad", { dy: g, y: out._t, hh: hh._t, h: h._t }) as tf.Tensor;
      return [
        xt.requires_grad ? sliceTf(d, [0, 0], [-1, 3 * H]) : null,
        hh.requires_grad ? sliceTf(d, [0, 3 * H], [-1, 3 * H]) : null,
        h.requires_grad ? sliceTf(d, [0, 6 * H], [-1, H]) : null,
      ];
    },
    true,
  );
  return out.narrow(1, 0, H);
}

/** The result of running one direction: outputs [N, H_out] in packed order, final h and c [B, *]. */
export interface DirectionResult {
  output: Tensor;
  h: Tensor;
  c: Tensor | null;
}

/**
 * Runs one direction of one layer over packed rows. `xproj` [N, gates*H] is inputProjection of the
 * layer input; `sizes` the batch size of each step (non-increasing); h0 [B, H_out], c0 [B, H].
 * Forward, a sequence that ends leaves its final state behind as the batch shrinks; backward, the
 * batch grows and each sequence starts from its row of h0 at its own last step.
 */
function runSteps(
  mode: RNNMode,
  xs: readonly Tensor[],
  sizes: readonly number[],
  h0: Tensor,
  c0: Tensor | null,
  s: StepWeights,
  reverse: boolean,
): DirectionResult {
  const T = sizes.length;
  const outs = new Array<Tensor>(T);
  const B = h0.shape[0];
  const step = (t: number, h: Tensor, c: Tensor | null): [Tensor, Tensor | null] => {
    const r = cellStep(mode, xs[t], h, c, s);
    outs[t] = r[0];
    return r;
  };
  if (!reverse) {
    let h = h0;
    let c = c0;
    let rows = B;
    const doneH: Tensor[] = [];
    const doneC: Tensor[] = [];
    for (let t = 0; t < T; t++) {
      const bs = sizes[t];
      if (bs < rows) {
        doneH.push(h.narrow(0, bs, rows - bs));
        h = h.narrow(0, 0, bs);
        if (c !== null) {
          doneC.push(c.narrow(0, bs, rows - bs));
          c = c.narrow(0, 0, bs);
        }
        rows = bs;
      }
      [h, c] = step(t, h, c);
    }
    const hN = doneH.length ? cat([h, ...doneH.reverse()], 0) : h;
    const cN = c === null ? null : doneC.length ? cat([c, ...doneC.reverse()], 0) : c;
    return { output: T === 1 ? outs[0] : cat(outs, 0), h: hN, c: cN };
  }
  let rows = T ? sizes[T - 1] : B;
  let h = rows === B ? h0 : h0.narrow(0, 0, rows);
  let c = c0 === null ? null : rows === B ? c0 : c0.narrow(0, 0, rows);
  for (let t = T - 1; t >= 0; t--) {
    const bs = sizes[t];
    if (bs > rows) {
      h = cat([h, h0.narrow(0, rows, bs - rows)], 0);
      if (c !== null && c0 !== null) c = cat([c, c0.narrow(0, rows, bs - rows)], 0);
      rows = bs;
    }
    [h, c] = step(t, h, c);
  }
  return { output: T === 1 ? outs[0] : cat(outs, 0), h, c };
}

/** The rows of each step of `x` [N, G] as tensors of their own (no autograd history). */
function stepRows(x: Tensor, sizes: readonly number[]): Tensor[] {
  // Under forward AD the rows are views, which carry x's tangent.
  const dual = anyTangent([x]);
  if (sizes.length === 1) return [dual ? x : x.detach()];
  const G = x.shape[1];
  let off = 0;
  return sizes.map((bs) => {
    const o = off;
    off += bs;
    return dual ? x.narrow(0, o, bs) : constant(compute(() => sliceTf(x._t, [o, 0], [bs, G])));
  });
}

/**
 * Runs one direction of one layer over packed rows. `xproj` [N, gates*H] is inputProjection of the
 * layer input; `sizes` the batch size of each step (non-increasing); h0 [B, H_out], c0 [B, H].
 *
 * With autograd, the steps run on detached leaves under one node: a per-step `narrow` of `xproj`
 * would pad each step's gradient back to the whole [N, gates*H] and sum T of them (O(T^2) work);
 * here the steps' gradients are concatenated once. The node's output is output, h and c flattened
 * end to end, taken apart again by views.
 */
export function runDirection(
  mode: RNNMode,
  xproj: Tensor,
  sizes: readonly number[],
  h0: Tensor,
  c0: Tensor | null,
  w: DirectionWeights,
  reverse: boolean,
): DirectionResult {
  const inputs: Tensor[] = [xproj, h0, w.w_hh];
  const gru = mode === "GRU" && w.b_hh !== null;
  if (gru) inputs.push(w.b_hh as Tensor);
  if (w.w_hr !== null) inputs.push(w.w_hr);
  if (c0 !== null) inputs.push(c0);
  // Forward AD takes the step-by-step path too: the one node below runs an inner graph of detached
  // copies, whose backward tfjs cannot differentiate into a tangent.
  if (!is_grad_enabled() || !inputs.some((t) => t.requires_grad) || anyTangent(inputs)) {
    return runSteps(mode, stepRows(xproj, sizes), sizes, h0, c0, stepWeights(mode, w), reverse);
  }
  const leaves = inputs.map((t) => {
    const d = t.detach();
    return t.requires_grad ? d.requires_grad_(true) : d;
  });
  const xs = stepRows(leaves[0], sizes).map((x) => (xproj.requires_grad ? x.requires_grad_(true) : x));
  let k = 3;
  const wl: DirectionWeights = {
    w_ih: w.w_ih,
    w_hh: leaves[2],
    b_ih: null,
    b_hh: gru ? leaves[k++] : null,
    w_hr: w.w_hr !== null ? leaves[k++] : null,
  };
  const c0l = c0 !== null ? leaves[k++] : null;
  const r = runSteps(mode, xs, sizes, leaves[1], c0l, stepWeights(mode, wl), reverse);
  const parts = [r.output.reshape(-1), r.h.reshape(-1)];
  if (r.c !== null) parts.push(r.c.reshape(-1));
  const inner = cat(parts, 0);
  const out = record("RnnDirectionBackward0", inputs, compute(() => tf.clone(inner._t)), (g) => {
    const want = new Map<Tensor, tf.Tensor | null>();
    for (const x of xs) if (x.requires_grad) want.set(x, null);
    leaves.forEach((l, i) => i > 0 && l.requires_grad && want.set(l, null));
    // The inner graph is kept (retain) for as long as this node, as in ops/fused.ts.
    runBackward(inner, tf.clone(g), true, want);
    const grads: (tf.Tensor | null)[] = leaves.map((l, i) => (i === 0 ? null : want.get(l) ?? null));
    if (xproj.requires_grad) {
      const G = xproj.shape[1];
      const rows = xs.map((x) => want.get(x) ?? tf.zeros([x.shape[0], G]));
      grads[0] = rows.length === 1 ? rows[0] : tf.concat(rows, 0);
    }
    return grads;
  });
  const N = r.output.shape[0];
  const Hout = r.output.shape[1];
  const B = r.h.shape[0];
  const output = out.narrow(0, 0, N * Hout).view(N, Hout);
  const h = out.narrow(0, N * Hout, B * Hout).view(B, Hout);
  const c = r.c === null ? null : out.narrow(0, N * Hout + B * Hout, r.c.numel()).view(B, r.c.shape[1]);
  return { output, h, c };
}
