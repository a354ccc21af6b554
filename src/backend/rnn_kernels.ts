/**
 * JavaScript kernels for the elementwise part of an LSTM step, on the two in-process backends (wasm
 * and cpu). Written with tfjs ops, the gates, the cell update and their backward are ~40 kernel calls
 * per step on [batch, hidden] tensors, where each call's dispatch costs far more than its arithmetic;
 * each kernel here is one pass (the hidden matrix products stay tfjs matMuls).
 *
 * Layout: `gates` [b, 4H] in PyTorch's order i, f, g, o. The forward result [b, 6H] holds per row
 * h' (H), c' (H), then the activations sigmoid(i), sigmoid(f), tanh(g), sigmoid(o) (4H) that the
 * backward reads.
 */
import { tf } from "./tf";
import { ioFor } from "./loss_kernels";

type Info = tf.TensorInfo;

interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
}

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

/** c' = f c + i g, h' = o tanh(c') from gates = x W_ih^T + b + h W_hh^T ([b, 4H]) and c [b, H]. */
function lstmCell(backendName: string) {
  return (args: KernelArgs): Info => {
    const gates = args.inputs.gates as Info;
    const c = args.inputs.c as Info;
    const [b, H] = c.shape;
    const io = ioFor(args.backend, backendName);
    const out = io.output([b, 6 * H]);
    const gs = io.view(gates) as Float32Array;
    const cs = io.view(c) as Float32Array;
    const ys = io.view(out) as Float32Array;
    for (let r = 0; r < b; r++) {
      const g0 = r * 4 * H;
      const y0 = r * 6 * H;
      for (let j = 0; j < H; j++) {
        const i = sigmoid(gs[g0 + j]);
        const f = sigmoid(gs[g0 + H + j]);
        const g = Math.tanh(gs[g0 + 2 * H + j]);
        const o = sigmoid(gs[g0 + 3 * H + j]);
        // Rounded to float32 where the composed ops would round, so both paths agree closely.
        const c2 = Math.fround(Math.fround(f * cs[r * H + j]) + Math.fround(i * g));
        ys[y0 + j] = o * Math.tanh(c2);
        ys[y0 + H + j] = c2;
        ys[y0 + 2 * H + j] = i;
        ys[y0 + 3 * H + j] = f;
        ys[y0 + 4 * H + j] = g;
        ys[y0 + 5 * H + j] = o;
      }
    }
    return out;
  };
}

/**
 * The standard LSTM backward from dy [b, 6H] (gradients of h' and c' in its first 2H columns), the
 * forward result y and c: [b, 5H] holding dgates (4H, order i, f, g, o) then dc (H).
 */
function lstmCellGrad(backendName: string) {
  return (args: KernelArgs): Info => {
    const dy = args.inputs.dy as Info;
    const y = args.inputs.y as Info;
    const c = args.inputs.c as Info;
    const [b, H] = c.shape;
    const io = ioFor(args.backend, backendName);
    const out = io.output([b, 5 * H]);
    const ds = io.view(dy) as Float32Array;
    const ys = io.view(y) as Float32Array;
    const cs = io.view(c) as Float32Array;
    const dx = io.view(out) as Float32Array;
    for (let r = 0; r < b; r++) {
      const y0 = r * 6 * H;
      const x0 = r * 5 * H;
      for (let j = 0; j < H; j++) {
        const dh = ds[y0 + j];
        const i = ys[y0 + 2 * H + j];
        const f = ys[y0 + 3 * H + j];
        const g = ys[y0 + 4 * H + j];
        const o = ys[y0 + 5 * H + j];
        const tc = Math.tanh(ys[y0 + H + j]);
        const dc = ds[y0 + H + j] + dh * o * (1 - tc * tc);
        dx[x0 + j] = dc * g * i * (1 - i);
        dx[x0 + H + j] = dc * cs[r * H + j] * f * (1 - f);
        dx[x0 + 2 * H + j] = dc * i * (1 - g * g);
        dx[x0 + 3 * H + j] = dh * tc * o * (1 - o);
        dx[x0 + 4 * H + j] = dc * f;
      }
    }
    return out;
  };
}

/**
 * A GRU step from xt = x W_ih^T + b_ih [b, 3H], hh = h W_hh^T + b_hh [b, 3H] and h [b, H] (order
 * r, z, n): [b, 4H] holding h' = (1 - z) n + z h, then r, z, n for the backward.
 */
function gruCell(backendName: string) {
  return (args: KernelArgs): Info => {
    const xt = args.inputs.xt as Info;
    const hh = args.inputs.hh as Info;
    const h = args.inputs.h as Info;
    const [b, H] = h.shape;
    const io = ioFor(args.backend, backendName);
    const out = io.output([b, 4 * H]);
    const xs = io.view(xt) as Float32Array;
    const hs = io.view(hh) as Float32Array;
    const h0 = io.view(h) as Float32Array;
    const ys = io.view(out) as Float32Array;
    for (let q = 0; q < b; q++) {
      const g0 = q * 3 * H;
      const y0 = q * 4 * H;
      for (let j = 0; j < H; j++) {
        const r = sigmoid(Math.fround(xs[g0 + j] + hs[g0 + j]));
        const z = sigmoid(Math.fround(xs[g0 + H + j] + hs[g0 + H + j]));
        const n = Math.fround(Math.tanh(Math.fround(xs[g0 + 2 * H + j] + Math.fround(r * hs[g0 + 2 * H + j]))));
        const hp = h0[q * H + j];
        ys[y0 + j] = n + z * (hp - n);
        ys[y0 + H + j] = r;
        ys[y0 + 2 * H + j] = z;
        ys[y0 + 3 * H + j] = n;
      }
    }
    return out;
  };
}

/**
 * The GRU backward from dy [b, 4H] (the gradient of h' in its first H columns), the forward result
 * y, hh and h: [b, 7H] holding the gradients of xt (3H), of hh (3H) and h's direct share z dh' (H).
 */
function gruCellGrad(backendName: string) {
  return (args: KernelArgs): Info => {
    const dy = args.inputs.dy as Info;
    const y = args.inputs.y as Info;
    const hh = args.inputs.hh as Info;
    const h = args.inputs.h as Info;
    const [b, H] = h.shape;
    const io = ioFor(args.backend, backendName);
    const out = io.output([b, 7 * H]);
    const ds = io.view(dy) as Float32Array;
    const ys = io.view(y) as Float32Array;
    const hs = io.view(hh) as Float32Array;
    const h0 = io.view(h) as Float32Array;
    const dx = io.view(out) as Float32Array;
    for (let q = 0; q < b; q++) {
      const y0 = q * 4 * H;
      const g0 = q * 3 * H;
      const x0 = q * 7 * H;
      for (let j = 0; j < H; j++) {
        const dh = ds[y0 + j];
        const r = ys[y0 + H + j];
        const z = ys[y0 + 2 * H + j];
        const n = ys[y0 + 3 * H + j];
        const dpn = dh * (1 - z) * (1 - n * n);
        const dpr = dpn * hs[g0 + 2 * H + j] * r * (1 - r);
        const dpz = dh * (h0[q * H + j] - n) * z * (1 - z);
        dx[x0 + j] = dpr;
        dx[x0 + H + j] = dpz;
        dx[x0 + 2 * H + j] = dpn;
        dx[x0 + 3 * H + j] = dpr;
        dx[x0 + 4 * H + j] = dpz;
        dx[x0 + 5 * H + j] = dpn * r;
        dx[x0 + 6 * H + j] = dh * z;
      }
    }
    return out;
  };
}

const KERNELS = { TorchlabLstmCell: lstmCell, TorchlabLstmCellGrad: lstmCellGrad, TorchlabGruCell: gruCell, TorchlabGruCellGrad: gruCellGrad };

let registered = false;

/** Registers the kernels for wasm and cpu (a registration needs no initialised backend). */
export function registerRnnKernels(): void {
  if (registered) return;
  registered = true;
  for (const backendName of ["wasm", "cpu"]) {
    for (const [kernelName, make] of Object.entries(KERNELS)) {
      tf.registerKernel({ kernelName, backendName, kernelFunc: make(backendName) as unknown as tf.KernelFunc });
    }
  }
}

/** True when the active backend runs the LSTM cell kernels. */
export function hasLstmKernel(): boolean {
  return tf.getKernel("TorchlabLstmCell", tf.getBackend()) !== undefined;
}
