/**
 * Recurrent layers: RNN, LSTM, GRU and the single-step RNNCell, LSTMCell, GRUCell, with PyTorch
 * 1.13's constructor arguments, parameter names and order, initialisation, shapes and reprs.
 */
import { defaultFloatDtype } from "../../tensor/dtype";
import { Tensor, type DType } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { empty, zeros } from "../../ops/creation";
import { cat, reshape, stack } from "../../ops/movement";
import { Module, _float_repr } from "./module";
import { Parameter } from "../parameter";
import * as init from "../init";
import { dropout as F_dropout } from "../functional/dropout";
import { RNNMode, DirectionWeights, gateCount, inputProjection, stepWeights, runDirection, cellStep } from "../functional/rnn";
import { PackedSequence } from "../utils/rnn";
import { RuntimeError, ShapeError, TypeError, ValueError } from "../../errors";
import { relabelGradFn, renameGradFn } from "../../autograd/node";
import { asPyTuple } from "../../pyrepr";

export type { RNNMode };

export interface RNNBaseOptions {
  input_size?: number;
  hidden_size?: number;
  num_layers?: number;
  bias?: boolean;
  batch_first?: boolean;
  dropout?: number;
  bidirectional?: boolean;
  device?: unknown;
  dtype?: DType | string;
}

export interface RNNOptions extends RNNBaseOptions {
  nonlinearity?: "tanh" | "relu";
}

export interface LSTMOptions extends RNNBaseOptions {
  proj_size?: number;
}

export type GRUOptions = RNNBaseOptions;

const pyBool = (b: boolean): string => (b ? "True" : "False");
const pyTuple = (s: readonly number[]): string => `(${s.join(", ")})`;
const fmt = (s: readonly number[]): string => `[${s.join(", ")}]`;

function sizeArg(layer: string, name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw new TypeError(`${layer}(): ${name} should be of type int, got: ${v === null ? "None" : typeof v}`);
  }
  return v;
}

function warn(msg: string): void {
  process.emitWarning(msg, "UserWarning");
}

/**
 * What RNN, LSTM and GRU share (PyTorch's RNNBase): the stacked, optionally bidirectional layers,
 * their parameters `weight_ih_l{k}[_reverse]`, `weight_hh_l{k}`, `bias_ih_l{k}`, `bias_hh_l{k}`
 * (and LSTM's `weight_hr_l{k}`), and the forward over a padded or packed batch.
 */
export class RNNBase extends Module {
  mode: RNNMode;
  input_size: number;
  hidden_size: number;
  num_layers: number;
  bias: boolean;
  batch_first: boolean;
  dropout: number;
  bidirectional: boolean;
  proj_size: number;
  /** @internal parameter names in PyTorch's order, as `_flat_weights_names`. */
  _flat_weights_names: string[];
  /** @internal parameter names per layer and direction, as `_all_weights`. */
  _all_weights: string[][];

  declare weight_ih_l0: Parameter;
  declare weight_hh_l0: Parameter;
  declare bias_ih_l0: Parameter;
  declare bias_hh_l0: Parameter;
  /** Every layer's and direction's parameters by PyTorch's name (`lstm.weight_hh_l1`, `gru.bias_ih_l0_reverse`). */
  [name: `${"weight" | "bias"}_${"ih" | "hh"}_l${number}` | `${"weight" | "bias"}_${"ih" | "hh"}_l${number}_reverse` | `weight_hr_l${number}` | `weight_hr_l${number}_reverse`]: Parameter;

  constructor(mode: RNNMode, a: Record<string, unknown>) {
    super();
    const layer = mode === "LSTM" ? "LSTM" : mode === "GRU" ? "GRU" : "RNN";
    this.mode = mode;
    if (a.input_size === undefined) throw new TypeError(`${layer}.__init__() missing required positional argument: 'input_size'`);
    if (a.hidden_size === undefined) throw new TypeError(`${layer}.__init__() missing required positional argument: 'hidden_size'`);
    this.input_size = sizeArg(layer, "input_size", a.input_size);
    this.hidden_size = sizeArg(layer, "hidden_size", a.hidden_size);
    this.num_layers = sizeArg(layer, "num_layers", a.num_layers ?? 1);
    this.bias = (a.bias as boolean | undefined) ?? true;
    this.batch_first = (a.batch_first as boolean | undefined) ?? false;
    const dropout = a.dropout ?? 0.0;
    this.bidirectional = (a.bidirectional as boolean | undefined) ?? false;
    this.proj_size = sizeArg(layer, "proj_size", a.proj_size ?? 0);
    if (typeof dropout !== "number" || typeof dropout === "boolean" || !(dropout >= 0 && dropout <= 1)) {
      throw new ValueError("dropout should be a number in range [0, 1] representing the probability of an element being zeroed");
    }
    this.dropout = dropout;
    // PyTorch 1.13 would keep bias='relu' (truthy) and run tanh: nonlinearity is keyword-only there,
    // so a string in bias's position is a mistaken nonlinearity, an error here.
    if (typeof this.bias !== "boolean") {
      const hint = typeof this.bias === "string" && layer === "RNN" ? `; nonlinearity is keyword-only: new nn.RNN(${this.input_size}, ${this.hidden_size}, ${this.num_layers}, {nonlinearity: '${this.bias}'})` : "";
      throw new TypeError(`${layer}(): argument 'bias' (position 4) must be bool, not ${typeof this.bias === "string" ? `'${this.bias}'` : String(this.bias)}${hint}`);
    }
    if (dropout > 0 && this.num_layers === 1) {
      warn(
        "dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects " +
          `num_layers greater than 1, but got dropout=${_float_repr(dropout)} and num_layers=${this.num_layers}`,
      );
    }
    if (this.hidden_size <= 0) throw new ValueError("hidden_size must be greater than zero");
    if (this.num_layers <= 0) throw new ValueError("num_layers must be greater than zero");
    if (this.proj_size < 0) throw new ValueError("proj_size should be a positive integer or zero to disable projections");
    if (this.proj_size >= this.hidden_size) throw new ValueError("proj_size has to be smaller than hidden_size");
    if (this.proj_size > 0 && mode !== "LSTM") throw new ValueError("proj_size argument is only supported for LSTM, not RNN or GRU");

    const dt = { dtype: (a.dtype as string | undefined) ?? defaultFloatDtype(), device: a.device };
    const D = this.bidirectional ? 2 : 1;
    const gateSize = gateCount(mode) * this.hidden_size;
    const realHidden = this.proj_size > 0 ? this.proj_size : this.hidden_size;
    this._flat_weights_names = [];
    this._all_weights = [];
    for (let l = 0; l < this.num_layers; l++) {
      for (let d = 0; d < D; d++) {
        const inSize = l === 0 ? this.input_size : realHidden * D;
        const sfx = `_l${l}${d === 1 ? "_reverse" : ""}`;
        const params: [string, number[]][] = [
          [`weight_ih${sfx}`, [gateSize, inSize]],
          [`weight_hh${sfx}`, [gateSize, realHidden]],
        ];
        if (this.bias) params.push([`bias_ih${sfx}`, [gateSize]], [`bias_hh${sfx}`, [gateSize]]);
        if (this.proj_size > 0) params.push([`weight_hr${sfx}`, [this.proj_size, this.hidden_size]]);
        for (const [name, shape] of params) this.register_parameter(name, new Parameter(empty(shape, dt)));
        const names = params.map(([n]) => n);
        this._flat_weights_names.push(...names);
        this._all_weights.push(names);
      }
    }
    this.reset_parameters();
  }

  /** Every parameter from U(-1/sqrt(hidden_size), 1/sqrt(hidden_size)), in parameter order, as PyTorch. */
  reset_parameters(): void {
    const stdv = this.hidden_size > 0 ? 1.0 / Math.sqrt(this.hidden_size) : 0;
    for (const w of this.parameters()) init.uniform_(w, -stdv, stdv);
  }

  /**
   * PyTorch compacts the weights into one cuDNN buffer here; they are never split apart in this
   * library, so there is nothing to compact (as with PyTorch on the CPU).
   */
  flatten_parameters(): void {
    return;
  }

  /** The parameters per layer and direction, in PyTorch's order. */
  get all_weights(): Parameter[][] {
    const self = this as unknown as Record<string, Parameter>;
    return this._all_weights.map((names) => names.map((n) => self[n]));
  }

  /** @internal the weights of layer `l`, direction `d`. */
  _weights(l: number, d: number): DirectionWeights {
    const self = this as unknown as Record<string, Parameter | undefined>;
    const sfx = `_l${l}${d === 1 ? "_reverse" : ""}`;
    return {
      w_ih: self[`weight_ih${sfx}`] as Parameter,
      w_hh: self[`weight_hh${sfx}`] as Parameter,
      b_ih: self[`bias_ih${sfx}`] ?? null,
      b_hh: self[`bias_hh${sfx}`] ?? null,
      w_hr: self[`weight_hr${sfx}`] ?? null,
    };
  }

  /** @internal the layer name in messages. */
  _layer(): string {
    return this.mode === "LSTM" ? "LSTM" : this.mode === "GRU" ? "GRU" : "RNN";
  }

  /**
   * @internal the whole forward. `hx` is [h0] or, for LSTM, [h0, c0] (each possibly null). Returns
   * the output (Tensor or PackedSequence) and [h_n] or [h_n, c_n].
   */
  _run(input: Tensor | PackedSequence, hx: Tensor | [Tensor, Tensor] | null | undefined): [Tensor | PackedSequence, Tensor[]] {
    const layer = this._layer();
    const lstm = this.mode === "LSTM";
    const D = this.bidirectional ? 2 : 1;
    const Hout = this.proj_size > 0 ? this.proj_size : this.hidden_size;
    let states: Tensor[] | null = null;
    if (hx !== undefined && hx !== null) {
      if (lstm) {
        if (!Array.isArray(hx) || hx.length !== 2 || !(hx[0] instanceof Tensor) || !(hx[1] instanceof Tensor)) {
          throw new TypeError("LSTM: hx must be a pair [h_0, c_0] of Tensors");
        }
        states = [hx[0], hx[1]];
      } else {
        if (!(hx instanceof Tensor)) throw new TypeError(`${layer}: hx must be a Tensor, got ${Array.isArray(hx) ? "an array" : typeof hx}`);
        states = [hx];
      }
    }

    let data: Tensor;
    let sizes: number[];
    let packed: PackedSequence | null = null;
    let unbatched = false;
    let T = 0;
    let B = 0;
    if (input instanceof PackedSequence) {
      packed = input;
      data = input.data;
      sizes = input._sizes();
      B = sizes[0] ?? 0;
      if (data.dim() !== 2) throw new RuntimeError(`input must have 2 dimensions, got ${data.dim()}`);
      if (states !== null && input.sorted_indices !== null) {
        const idx = input.sorted_indices;
        states = states.map((s) => s.index_select(1, idx));
      }
    } else {
      if (!(input instanceof Tensor)) throw new TypeError(`${layer}: input must be a Tensor or a PackedSequence, not ${typeof input}`);
      if (input.dim() !== 2 && input.dim() !== 3) {
        throw new ValueError(`${layer}: Expected input to be 2-D or 3-D but received ${input.dim()}-D tensor of shape ${fmt(input.shape)}`);
      }
      unbatched = input.dim() === 2;
      let x = input;
      if (unbatched) {
        x = x.unsqueeze(1);
        if (states !== null) {
          if (states.some((s) => s.dim() !== 2)) {
            throw new RuntimeError(
              lstm
                ? `For unbatched 2-D input, hx and cx should also be 2-D but got (${states[0].dim()}-D, ${states[1].dim()}-D) tensors`
                : `For unbatched 2-D input, hx should also be 2-D but got ${states[0].dim()}-D tensor`,
            );
          }
          states = states.map((s) => s.unsqueeze(1));
        }
      } else {
        if (states !== null && states.some((s) => s.dim() !== 3)) {
          throw new RuntimeError(
            lstm
              ? `For batched 3-D input, hx and cx should also be 3-D but got (${states[0].dim()}-D, ${states[1].dim()}-D) tensors`
              : `For batched 3-D input, hx should also be 3-D but got ${states[0].dim()}-D tensor`,
          );
        }
        if (this.batch_first) x = x.transpose(0, 1);
      }
      [T, B] = x.shape;
      if (x.shape[2] !== this.input_size) {
        throw new ShapeError(
          `${layer}: input.size(-1) must be equal to input_size. Expected ${this.input_size}, got ${x.shape[2]} (input of shape ${fmt(input.shape)})`,
          [this.input_size],
          input.shape,
        );
      }
      if (T === 0) throw new RuntimeError(`${layer}: the input has no time steps (input of shape ${fmt(input.shape)})`);
      data = x.reshape(T * B, this.input_size);
      sizes = new Array<number>(T).fill(B);
    }
    if (data.shape[1] !== this.input_size) {
      throw new ShapeError(`${layer}: input.size(-1) must be equal to input_size. Expected ${this.input_size}, got ${data.shape[1]}`, [this.input_size], data.shape);
    }

    const L = this.num_layers;
    const expectH = [L * D, B, Hout];
    const expectC = [L * D, B, this.hidden_size];
    if (states === null) {
      const dt = { dtype: data.dtype };
      states = lstm ? [zeros(expectH, dt), zeros(expectC, dt)] : [zeros(expectH, dt)];
    } else {
      const check = (s: Tensor, expect: number[], what: string): void => {
        if (fmt(s.shape) !== fmt(expect)) throw new ShapeError(`Expected ${what} size ${pyTuple(expect)}, got ${fmt(s.shape)}`, expect, s.shape);
      };
      if (lstm) {
        check(states[0], expectH, "hidden[0]");
        check(states[1], expectC, "hidden[1]");
      } else check(states[0], expectH, "hidden");
    }

    const hN: Tensor[] = [];
    const cN: Tensor[] = [];
    let layerInput = data;
    for (let l = 0; l < L; l++) {
      const outs: Tensor[] = [];
      for (let d = 0; d < D; d++) {
        const w = this._weights(l, d);
        const k = l * D + d;
        const xproj = inputProjection(this.mode, layerInput, w);
        const r = runDirection(this.mode, xproj, sizes, states[0].select(0, k), lstm ? states[1].select(0, k) : null, w, d === 1);
        outs.push(r.output);
        hN.push(r.h);
        if (r.c !== null) cN.push(r.c);
      }
      layerInput = D === 1 ? outs[0] : cat(outs, 1);
      if (this.dropout > 0 && this.training && l < L - 1) layerInput = F_dropout(layerInput, this.dropout, true);
    }

    let h = stack(hN, 0);
    let c = lstm ? stack(cN, 0) : null;
    let output: Tensor | PackedSequence;
    if (packed !== null) {
      // The grad_fn names PyTorch 1.13 gives the outputs: the steps' rows concatenated (CatBackward0),
      // or stacked over time (StackBackward0) and, with two directions, concatenated (CatBackward0).
      output = new PackedSequence(reshape(layerInput, layerInput.shape, "CatBackward0"), packed.batch_sizes, packed.sorted_indices, packed.unsorted_indices);
      if (packed.unsorted_indices !== null) {
        const idx = packed.unsorted_indices;
        h = h.index_select(1, idx);
        if (c !== null) c = c.index_select(1, idx);
      }
    } else {
      let y = reshape(layerInput, [T, B, D * Hout], D === 1 ? "StackBackward0" : "CatBackward0");
      if (unbatched) {
        y = y.squeeze(1);
        h = h.squeeze(1);
        if (c !== null) c = c.squeeze(1);
      } else if (this.batch_first) {
        // PyTorch's RNN and GRU return output.transpose(0, 1) through another overload than LSTM's.
        y = renameGradFn(y.transpose(0, 1), lstm ? "TransposeBackward0" : "TransposeBackward1", [y]);
      }
      output = y;
    }
    return [output, c === null ? [h] : [h, c]];
  }

  extra_repr(): string {
    let s = `${this.input_size}, ${this.hidden_size}`;
    if (this.proj_size !== 0) s += `, proj_size=${this.proj_size}`;
    if (this.num_layers !== 1) s += `, num_layers=${this.num_layers}`;
    if (this.bias !== true) s += `, bias=${pyBool(this.bias)}`;
    if (this.batch_first !== false) s += `, batch_first=${pyBool(this.batch_first)}`;
    if (this.dropout !== 0) s += `, dropout=${_float_repr(this.dropout)}`;
    if (this.bidirectional !== false) s += `, bidirectional=${pyBool(this.bidirectional)}`;
    return s;
  }
}

/** The argument names the constructors take positionally, after the mode-specific ones. */
const BASE_NAMES = ["input_size", "hidden_size", "num_layers"];
const TAIL_NAMES = ["bias", "batch_first", "dropout", "bidirectional"];

/**
 * An Elman RNN: h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh) (or relu), stacked
 * `num_layers` deep, optionally bidirectional.
 *
 * Args:
 *   input_size: features of x.  hidden_size: features of h.  num_layers: Default: 1.
 *   bias: Default: true.  nonlinearity (keyword only, as in PyTorch 1.13): 'tanh' (default) or 'relu'.
 *   batch_first: input and output are [B, T, *] instead of [T, B, *]. Default: false.
 *   dropout: dropout on the outputs of every layer but the last, in training. Default: 0.
 *   bidirectional: Default: false.
 *
 * Shape: input [T, B, input_size] ([B, T, *] with batch_first; [T, input_size] unbatched) or a
 * PackedSequence; h_0 [num_layers*D, B, hidden_size] (default zeros). Returns `[output, h_n]`,
 * output [T, B, D*hidden_size] (packed if the input was).
 *
 * @example
 * const rnn = new nn.RNN(10, 20, 2);
 * const [output, h_n] = rnn(torch.randn(5, 3, 10), torch.randn(2, 3, 20));
 * output.shape   // [5, 3, 20]
 */
export class RNN extends RNNBase {
  nonlinearity: "tanh" | "relu";

  // PyTorch 1.13's positional order is LSTM's and GRU's: `nonlinearity` is a keyword only
  // (nn.RNN(10, 20, 2, True, True) is bias=True, batch_first=True).
  constructor(
    input_size: number | RNNOptions,
    hidden_size?: number | RNNOptions,
    num_layers?: number | RNNOptions,
    bias?: boolean | RNNOptions,
    batch_first?: boolean | RNNOptions,
    dropout?: number | RNNOptions,
    bidirectional?: boolean | RNNOptions,
    options?: RNNOptions,
  ) {
    const raw = [input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, options];
    const a = parseArgs("RNN", raw, [...BASE_NAMES, ...TAIL_NAMES, "nonlinearity", "device", "dtype"]);
    const nl = (a.nonlinearity as string | undefined) ?? "tanh";
    if (nl !== "tanh" && nl !== "relu") throw new ValueError(`Unknown nonlinearity '${nl}'`);
    super(nl === "tanh" ? "RNN_TANH" : "RNN_RELU", a);
    this.nonlinearity = nl;
  }

  forward(input: Tensor, hx?: Tensor | null): [Tensor, Tensor];
  forward(input: PackedSequence, hx?: Tensor | null): [PackedSequence, Tensor];
  forward(input: Tensor | PackedSequence, hx?: Tensor | null): [Tensor | PackedSequence, Tensor] {
    const [out, [h]] = this._run(input, hx);
    return asPyTuple([out, h]) as [Tensor | PackedSequence, Tensor];
  }
}

export interface RNN {
  (input: Tensor, hx?: Tensor | null): [Tensor, Tensor];
  (input: PackedSequence, hx?: Tensor | null): [PackedSequence, Tensor];
}

/**
 * A long short-term memory layer. Per step, with gates in PyTorch's order i, f, g, o:
 * i = sigmoid(.), f = sigmoid(.), g = tanh(.), o = sigmoid(.) of x W_ih^T + b_ih + h W_hh^T + b_hh;
 * c' = f*c + i*g; h' = o*tanh(c') (times W_hr^T with proj_size).
 *
 * Args: as RNN without nonlinearity, plus proj_size (h is projected to proj_size features). Default: 0.
 *
 * Shape: input as RNN; hx `[h_0, c_0]` with h_0 [num_layers*D, B, H_out], c_0 [num_layers*D, B, hidden_size].
 * Returns `[output, [h_n, c_n]]`.
 *
 * @example
 * const lstm = new nn.LSTM(10, 20, 2, {batch_first: true});
 * const [out, [h_n, c_n]] = lstm(torch.randn(3, 5, 10));
 * String(lstm)   // 'LSTM(10, 20, num_layers=2, batch_first=True)'
 */
export class LSTM extends RNNBase {
  constructor(
    input_size: number | LSTMOptions,
    hidden_size?: number | LSTMOptions,
    num_layers?: number | LSTMOptions,
    bias?: boolean | LSTMOptions,
    batch_first?: boolean | LSTMOptions,
    dropout?: number | LSTMOptions,
    bidirectional?: boolean | LSTMOptions,
    proj_size?: number | LSTMOptions,
    options?: LSTMOptions,
  ) {
    const raw = [input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, proj_size, options];
    super("LSTM", parseArgs("LSTM", raw, [...BASE_NAMES, ...TAIL_NAMES, "proj_size", "device", "dtype"]));
  }

  forward(input: Tensor, hx?: [Tensor, Tensor] | null): [Tensor, [Tensor, Tensor]];
  forward(input: PackedSequence, hx?: [Tensor, Tensor] | null): [PackedSequence, [Tensor, Tensor]];
  forward(input: Tensor | PackedSequence, hx?: [Tensor, Tensor] | null): [Tensor | PackedSequence, [Tensor, Tensor]] {
    const [out, [h, c]] = this._run(input, hx);
    return asPyTuple([out, asPyTuple([h, c]) as [Tensor, Tensor]]) as [Tensor | PackedSequence, [Tensor, Tensor]];
  }
}

export interface LSTM {
  (input: Tensor, hx?: [Tensor, Tensor] | null): [Tensor, [Tensor, Tensor]];
  (input: PackedSequence, hx?: [Tensor, Tensor] | null): [PackedSequence, [Tensor, Tensor]];
}

/**
 * A gated recurrent unit layer. Per step, gates in PyTorch's order r, z, n:
 * r = sigmoid(W_ir x + b_ir + W_hr h + b_hr), z = sigmoid(W_iz x + b_iz + W_hz h + b_hz),
 * n = tanh(W_in x + b_in + r*(W_hn h + b_hn)), h' = (1 - z)*n + z*h.
 *
 * Args and shapes: as RNN without nonlinearity. Returns `[output, h_n]`.
 *
 * @example
 * const gru = new nn.GRU(10, 20, 2);
 * const [output, h_n] = gru(torch.randn(5, 3, 10));
 */
export class GRU extends RNNBase {
  constructor(
    input_size: number | GRUOptions,
    hidden_size?: number | GRUOptions,
    num_layers?: number | GRUOptions,
    bias?: boolean | GRUOptions,
    batch_first?: boolean | GRUOptions,
    dropout?: number | GRUOptions,
    bidirectional?: boolean | GRUOptions,
    options?: GRUOptions,
  ) {
    const raw = [input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, options];
    const a = parseArgs("GRU", raw, [...BASE_NAMES, ...TAIL_NAMES, "device", "dtype"]);
    super("GRU", a);
  }

  forward(input: Tensor, hx?: Tensor | null): [Tensor, Tensor];
  forward(input: PackedSequence, hx?: Tensor | null): [PackedSequence, Tensor];
  forward(input: Tensor | PackedSequence, hx?: Tensor | null): [Tensor | PackedSequence, Tensor] {
    const [out, [h]] = this._run(input, hx);
    return asPyTuple([out, h]) as [Tensor | PackedSequence, Tensor];
  }
}

export interface GRU {
  (input: Tensor, hx?: Tensor | null): [Tensor, Tensor];
  (input: PackedSequence, hx?: Tensor | null): [PackedSequence, Tensor];
}

// ------------------------------------------------------------------ cells

export interface RNNCellOptions {
  input_size?: number;
  hidden_size?: number;
  bias?: boolean;
  nonlinearity?: "tanh" | "relu";
  device?: unknown;
  dtype?: DType | string;
}

export type LSTMCellOptions = Omit<RNNCellOptions, "nonlinearity">;
export type GRUCellOptions = LSTMCellOptions;

/** What the cells share (PyTorch's RNNCellBase): weight_ih, weight_hh, bias_ih, bias_hh. */
export class RNNCellBase extends Module {
  input_size: number;
  hidden_size: number;
  bias: boolean;
  weight_ih: Parameter;
  weight_hh: Parameter;
  bias_ih: Parameter | null;
  bias_hh: Parameter | null;

  constructor(layer: string, a: Record<string, unknown>, numChunks: number) {
    super();
    if (a.input_size === undefined) throw new TypeError(`${layer}.__init__() missing required positional argument: 'input_size'`);
    if (a.hidden_size === undefined) throw new TypeError(`${layer}.__init__() missing required positional argument: 'hidden_size'`);
    this.input_size = sizeArg(layer, "input_size", a.input_size);
    this.hidden_size = sizeArg(layer, "hidden_size", a.hidden_size);
    this.bias = (a.bias as boolean | undefined) ?? true;
    const dt = { dtype: (a.dtype as string | undefined) ?? defaultFloatDtype(), device: a.device };
    this.weight_ih = new Parameter(empty([numChunks * this.hidden_size, this.input_size], dt));
    this.weight_hh = new Parameter(empty([numChunks * this.hidden_size, this.hidden_size], dt));
    this.bias_ih = this.bias ? new Parameter(empty([numChunks * this.hidden_size], dt)) : null;
    this.bias_hh = this.bias ? new Parameter(empty([numChunks * this.hidden_size], dt)) : null;
    this.reset_parameters();
  }

  /** Every parameter from U(-1/sqrt(hidden_size), 1/sqrt(hidden_size)), in parameter order. */
  reset_parameters(): void {
    const stdv = this.hidden_size > 0 ? 1.0 / Math.sqrt(this.hidden_size) : 0;
    for (const w of this.parameters()) init.uniform_(w, -stdv, stdv);
  }

  /** @internal checks the input and a state; returns them batched, and whether the input was not. */
  _prepare(layer: string, input: Tensor, states: (Tensor | null | undefined)[]): { x: Tensor; states: Tensor[]; unbatched: boolean } {
    if (!(input instanceof Tensor)) throw new TypeError(`${layer}: input must be a Tensor, not ${typeof input}`);
    if (input.dim() !== 1 && input.dim() !== 2) {
      throw new ValueError(`${layer}: Expected input to be 1-D or 2-D but received ${input.dim()}-D tensor of shape ${fmt(input.shape)}`);
    }
    const unbatched = input.dim() === 1;
    const x = unbatched ? input.unsqueeze(0) : input;
    if (x.shape[1] !== this.input_size) {
      throw new ShapeError(`${layer}: input has inconsistent input_size: got ${x.shape[1]}, expected ${this.input_size}`, [this.input_size], input.shape);
    }
    const B = x.shape[0];
    const out = states.map((s, i) => {
      const name = states.length === 1 ? "hx" : i === 0 ? "hx" : "cx";
      if (s === undefined || s === null) return zeros([B, this.hidden_size], { dtype: x.dtype });
      if (!(s instanceof Tensor)) throw new TypeError(`${layer}: ${name} must be a Tensor, not ${typeof s}`);
      const h = unbatched ? s.unsqueeze(0) : s;
      if (h.dim() !== 2 || h.shape[0] !== B || h.shape[1] !== this.hidden_size) {
        const expect = unbatched ? [this.hidden_size] : [B, this.hidden_size];
        throw new ShapeError(`${layer}: Expected ${name} of shape ${fmt(expect)} for input of shape ${fmt(input.shape)}, got ${fmt(s.shape)}`, expect, s.shape);
      }
      return h;
    });
    return { x, states: out, unbatched };
  }

  /** @internal one step of `mode` with this cell's weights. */
  _step(mode: RNNMode, x: Tensor, h: Tensor, c: Tensor | null): [Tensor, Tensor | null] {
    const w: DirectionWeights = { w_ih: this.weight_ih, w_hh: this.weight_hh, b_ih: this.bias_ih, b_hh: this.bias_hh, w_hr: null };
    return cellStep(mode, inputProjection(mode, x, w), h, c, stepWeights(mode, w));
  }

  extra_repr(): string {
    let s = `${this.input_size}, ${this.hidden_size}`;
    if (this.bias !== true) s += `, bias=${pyBool(this.bias)}`;
    const nl = (this as { nonlinearity?: string }).nonlinearity;
    if (nl !== undefined && nl !== "tanh") s += `, nonlinearity=${nl}`;
    return s;
  }
}

/**
 * One step of an Elman RNN: h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh) (or relu).
 *
 * Shape: input [B, input_size] or [input_size]; hx of the matching [B, hidden_size] (default
 * zeros). Returns h' of hx's shape.
 *
 * @example
 * const cell = new nn.RNNCell(10, 20);
 * let hx = torch.randn(3, 20);
 * for (const x of torch.randn(6, 3, 10).unbind(0)) hx = cell(x, hx);
 */
export class RNNCell extends RNNCellBase {
  nonlinearity: "tanh" | "relu";

  constructor(
    input_size: number | RNNCellOptions,
    hidden_size?: number | RNNCellOptions,
    bias?: boolean | RNNCellOptions,
    nonlinearity?: "tanh" | "relu" | RNNCellOptions,
    options?: RNNCellOptions,
  ) {
    const a = parseArgs("RNNCell", [input_size, hidden_size, bias, nonlinearity, options], ["input_size", "hidden_size", "bias", "nonlinearity", "device", "dtype"]);
    const nl = (a.nonlinearity as string | undefined) ?? "tanh";
    if (nl !== "tanh" && nl !== "relu") throw new RuntimeError(`Unknown nonlinearity: ${nl}`);
    super("RNNCell", a, 1);
    this.nonlinearity = nl;
  }

  forward(input: Tensor, hx?: Tensor | null): Tensor {
    const p = this._prepare("RNNCell", input, [hx]);
    const [h] = this._step(this.nonlinearity === "tanh" ? "RNN_TANH" : "RNN_RELU", p.x, p.states[0], null);
    return p.unbatched ? h.squeeze(0) : h;
  }
}

/**
 * One LSTM step (gates i, f, g, o). `forward(input, [h, c])` returns `[h', c']`.
 *
 * @example
 * const cell = new nn.LSTMCell(10, 20);
 * let [hx, cx] = [torch.randn(3, 20), torch.randn(3, 20)];
 * [hx, cx] = cell(torch.randn(3, 10), [hx, cx]);
 */
export class LSTMCell extends RNNCellBase {
  constructor(input_size: number | LSTMCellOptions, hidden_size?: number | LSTMCellOptions, bias?: boolean | LSTMCellOptions, options?: LSTMCellOptions) {
    super("LSTMCell", parseArgs("LSTMCell", [input_size, hidden_size, bias, options], ["input_size", "hidden_size", "bias", "device", "dtype"]), 4);
  }

  forward(input: Tensor, hx?: [Tensor, Tensor] | null): [Tensor, Tensor] {
    if (hx !== undefined && hx !== null && (!Array.isArray(hx) || hx.length !== 2)) throw new TypeError("LSTMCell: hx must be a pair [h_0, c_0] of Tensors");
    const p = this._prepare("LSTMCell", input, hx === undefined || hx === null ? [null, null] : [hx[0], hx[1]]);
    const [h0, c0] = this._step("LSTM", p.x, p.states[0], p.states[1]);
    // PyTorch's cell ends with h = o * tanh(c) and c = f * c + i * g.
    const h = relabelGradFn(h0, "MulBackward0");
    const c = relabelGradFn(c0 as Tensor, "AddBackward0");
    return asPyTuple(p.unbatched ? [h.squeeze(0), c.squeeze(0)] : [h, c]) as [Tensor, Tensor];
  }
}

/**
 * One GRU step (gates r, z, n; n = tanh(W_in x + b_in + r*(W_hn h + b_hn))).
 *
 * @example
 * const cell = new nn.GRUCell(10, 20);
 * const h = cell(torch.randn(3, 10));   // hx defaults to zeros
 */
export class GRUCell extends RNNCellBase {
  constructor(input_size: number | GRUCellOptions, hidden_size?: number | GRUCellOptions, bias?: boolean | GRUCellOptions, options?: GRUCellOptions) {
    super("GRUCell", parseArgs("GRUCell", [input_size, hidden_size, bias, options], ["input_size", "hidden_size", "bias", "device", "dtype"]), 3);
  }

  forward(input: Tensor, hx?: Tensor | null): Tensor {
    const p = this._prepare("GRUCell", input, [hx]);
    // PyTorch's cell ends with h' = n + z * (h - n): grad_fn=<AddBackward0>.
    const h = relabelGradFn(this._step("GRU", p.x, p.states[0], null)[0], "AddBackward0");
    return p.unbatched ? h.squeeze(0) : h;
  }
}
